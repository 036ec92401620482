"""How long targets.yaml takes to load and check, and status to compute, at 10,000 targets.

    python bench/tracker_bench.py [--targets 10000] [--observations 4]

Generates a file in the bundled format (every field used, a few observations each),
then prints the time of tracker.load (parse + every check) and of tracker.status.
Goal (issue #3): load and check 10,000 targets in under 2 s. Not a test.
"""
import argparse
import os
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml  # noqa: E402

import tracker  # noqa: E402
from tracker.loader import _Loader, _no_gc  # noqa: E402

REGIONS = ("昆山市", "苏州市", "徐州市", "南京市", "无锡市")
INDICATORS = (("地区生产总值", "亿元"), ("规上工业总产值", "万亿元"), ("高新技术企业", "家"),
              ("工业税收占比", "%"), ("重大技改项目", "项"))


def entry(i: int, observations: int, rng: random.Random) -> str:
    indicator, unit = INDICATORS[i % len(INDICATORS)]
    kind = {"%": "share", "项": "flow"}.get(unit, "level")
    base = round(rng.uniform(10, 5000), 1)
    goal = round(base * rng.uniform(1.1, 1.6), 1)
    lines = [
        f"  - id: t{i:05d}",
        f"    region: {REGIONS[i % len(REGIONS)]}",
        f"    indicator: {indicator}",
        f"    unit: '{unit}'",
        f"    type: {kind}",
        "    direction: up",
        "    qualifier: ge",
        f"    baseline: {{value: {base}, date: 2023}}",
        f"    target: {{value: {goal}, due: 2027}}",
        "    department: 市工业和信息化局",
        '    tags: ["12345", 新型工业化]',
        "    source:",
        "      doc: 推进新型工业化工作会议",
        "      date: 2024-02-17",
        f"      quote: 力争用3年时间实现目标,{indicator}达到{goal}{unit}",
        "      url: https://example.gov.cn/a.html",
        "    progress:",
    ]
    for k in range(observations):
        value = round(base + (goal - base) * (k + 1) / (observations + 2), 1)
        lines.append(f"      - {{date: {2024 + k // 4}-{3 * (k % 4) + 3:02d}, value: {value}, source: 统计公报}}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--targets", type=int, default=10_000)
    parser.add_argument("--observations", type=int, default=4)
    args = parser.parse_args()
    rng = random.Random(0)
    text = "settings: {on_track: 0.95, accelerate: 0.6}\ntargets:\n" + "\n".join(
        entry(i, args.observations, rng) for i in range(args.targets)) + "\n"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "targets.yaml"
        path.write_text(text, encoding="utf-8")
        size = os.path.getsize(path)
        tracker.load(tracker.__file__.replace("__init__.py", "missing.yaml"))   # warm imports
        t0 = time.perf_counter()
        with _no_gc():
            yaml.compose(text, Loader=_Loader)
        t_compose = time.perf_counter() - t0
        os.environ["TRACKER_CACHE_DIR"] = str(Path(tmp) / "cache")     # the on-disk parse cache, measured apart
        t0, c0 = time.perf_counter(), time.process_time()
        book = tracker.load(path, cache=False)
        t_load, c_load = time.perf_counter() - t0, time.process_time() - c0
        tracker.load(path)                                             # fills the cache
        t0, c0 = time.perf_counter(), time.process_time()
        tracker.load(path)
        t_cached, c_cached = time.perf_counter() - t0, time.process_time() - c0
        t0, c0 = time.perf_counter(), time.process_time()
        table = tracker.status(book, today="2025-06-30")
        t_status, c_status = time.perf_counter() - t0, time.process_time() - c0
        tracemalloc.start()
        tracker.status(tracker.load(path, cache=False), today="2025-06-30")
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    print(f"file: {args.targets} targets, {len(book.observations)} observations, {size / 1e6:.1f} MB")
    print(f"problems: {len(book.problems)}")
    print(f"load + check: {t_load:.2f} s wall, {c_load:.2f} s CPU   ({args.targets / t_load:,.0f} targets/s; goal < 2 s at 10,000)")
    print(f"load, file read before (on-disk cache): {t_cached:.2f} s wall, {c_cached:.2f} s CPU")
    print(f"  of which the bare PyYAML compose (libyaml={yaml.__with_libyaml__}) of the same text: {t_compose:.2f} s "
          f"({t_load / t_compose:.1f}x)")
    t0 = time.perf_counter()
    sum(range(10_000_000))
    print(f"machine speed: sum(range(10**7)) takes {time.perf_counter() - t0:.2f} s here")
    print(f"status:       {t_status:.2f} s wall, {c_status:.2f} s CPU   ({len(table) / t_status:,.0f} targets/s)")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (others' work inflates wall time)")
    print(f"peak memory (load + status, tracemalloc): {peak / 1e6:.0f} MB")
    print("statuses:", table["status"].value_counts().to_dict())


if __name__ == "__main__":
    main()
