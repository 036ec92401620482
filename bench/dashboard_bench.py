"""Dashboard speed at scale: 5,000 targets with 20 observations each.

Writes a generated targets.yaml into a temporary folder, then times Streamlit's
AppTest running the overview and a target page on it: first with every cache
empty (the file is parsed and every status computed), then a first load of a file
read before (tracker's on-disk parse cache is warm, Streamlit's memory cache is
empty: a restarted dashboard, or a new day), then again (what a person waits for
on each click once the file is loaded), and prints peak memory.

    .venv/bin/python bench/dashboard_bench.py [--n-targets 5000] [--n-observations 20]

Then the 简报 (issue #10): a book of `--briefing-targets` targets that all need attention, so each
gets its chart; times its contents, the charts (kaleido through the system Chromium: one browser
for all), the Word document and the PDF.

Goals: overview under 2 s, a target page under 1 s at this size (issue #4); the first
load under 3 s (issue #7); a briefing of 50 targets under 20 s (issue #10).
Not a test: it prints figures; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Vocabulary of the generated file: real-looking regions, indicators with their units, departments, tags.
REGIONS = ("昆山市", "苏州市", "徐州市", "南京市", "无锡市", "常州市", "南通市", "扬州市", "镇江市", "泰州市")
INDICATORS = (
    ("地区生产总值", "亿元"), ("规上工业总产值", "亿元"), ("高新技术企业", "家"), ("规上工业企业", "家"),
    ("工业投资", "亿元"), ("研发投入占比", "%"), ("专精特新企业", "家"), ("特色创新园区", "个"),
)
DEPARTMENTS = ("市发改委", "市工信局", "市科技局", "市商务局", "市统计局")
TAGS = ("12345", "343", "1030", "智改数转", "新型工业化")


def generate(path: Path, targets: int, observations: int, seed: int = 7) -> None:
    """Write a valid targets.yaml of `targets` level targets, each with `observations` monthly points."""
    rng = random.Random(seed)
    lines = ["settings:", "  on_track: 0.95", "  accelerate: 0.6", "targets:"]
    for i in range(targets):
        indicator, unit = INDICATORS[i % len(INDICATORS)]
        region = REGIONS[(i // len(INDICATORS)) % len(REGIONS)]
        baseline = round(rng.uniform(50, 5000), 1)
        goal = round(baseline * rng.uniform(1.2, 1.8), 1)
        lines += [
            f"  - id: t{i:05d}",
            f"    region: {region}",
            f"    indicator: {indicator}{i // (len(INDICATORS) * len(REGIONS))}",
            f"    unit: \"{unit}\"",
            "    type: level",
            "    direction: up",
            f"    baseline: {{value: {baseline}, date: 2022}}",
            f"    target: {{value: {goal}, due: {2025 + i % 4}}}",
            f"    department: {DEPARTMENTS[i % len(DEPARTMENTS)]}",
            f"    tags: [{TAGS[i % len(TAGS)]}]",
            f"    source: {{doc: 文件{i % 50}.txt, date: 2022-12-01, quote: \"到{2025 + i % 4}年{indicator}达到{goal}{unit}。\"}}",
            "    progress:",
        ]
        value = baseline
        for k in range(observations):
            value = round(value * rng.uniform(0.99, 1.03), 1)
            lines.append(f"      - {{date: {2023 + k // 12}-{k % 12 + 1:02d}, value: {value}, source: 统计月报}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


CPU: dict[str, float] = {}


def timed(action, name: str = "") -> float:
    """Wall time of `action`; its CPU time (all threads of this process) is kept in CPU[name]:
    other engineers' work on a shared machine inflates the wall time, not the CPU time."""
    start, cpu = time.perf_counter(), time.process_time()
    action()
    CPU[name] = time.process_time() - cpu
    return time.perf_counter() - start


def both(wall: float, name: str) -> str:
    return f"{wall:6.2f} s wall, {CPU[name]:5.2f} s CPU"


def started_server_components():
    """Streamlit's registry of installed components, filled as a running server fills it once
    at start-up (scanning every installed package's metadata: about 0.4 s). AppTest fills its
    own on its first run, which would count that start-up in each "first load" timed here."""
    try:
        from streamlit.components.v2.component_manager import BidiComponentManager
    except ImportError:  # another Streamlit version: AppTest scans on its first run, as before
        return None
    components = BidiComponentManager()
    components.discover_and_register_components(start_file_watching=False)
    return components


def new_app(components):
    """An AppTest of the dashboard that, like a page load on a running server, finds the
    components already registered (AppTest keeps them in a private attribute)."""
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=300)
    if components is not None and hasattr(app, "_bidi_component_manager"):
        app._bidi_component_manager = components
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n-targets", dest="targets", type=int, default=5000)
    parser.add_argument("--n-observations", dest="observations", type=int, default=20)
    parser.add_argument("--briefing-targets", type=int, default=50)
    args = parser.parse_args()
    sys.argv = sys.argv[:1]  # the app reads `--targets FILE` from the command line; it gets the env var instead

    import plotly.graph_objects  # noqa: F401  (imported here so the baseline below includes them)
    import streamlit.testing.v1  # noqa: F401  (new_app uses it)

    import tracker

    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    import streamlit as st

    from tracker import cache

    with tempfile.TemporaryDirectory(prefix="dashboard-bench-") as folder:
        path = Path(folder) / "targets.yaml"
        generate(path, args.targets, args.observations)
        print(f"targets.yaml: {args.targets} targets × {args.observations} observations, "
              f"{path.stat().st_size / 1e6:.1f} MB")
        os.environ[cache.ENV_VAR] = str(Path(folder) / "cache")

        book = None

        def load(**options):
            nonlocal book
            book = tracker.load(path, **options)

        print(f"tracker.load, parse:       {both(timed(lambda: load(cache=False), 'parse'), 'parse')} "
              f"({len(book.problems)} problems)")
        print(f"tracker.load, parse+store: {both(timed(load, 'store'), 'store')} (first read: parses, fills the on-disk cache)")
        print(f"tracker.load, cached:      {both(timed(load, 'cached'), 'cached')} (file read before)")
        print(f"tracker.status:            {both(timed(lambda: tracker.status(book), 'status'), 'status')}")

        def empty_caches(disk: bool):
            st.cache_data.clear()
            if disk:
                for entry in Path(os.environ[cache.ENV_VAR]).glob("*.pickle"):
                    entry.unlink()

        os.environ["TRACKER_TARGETS"] = str(path)
        components = started_server_components()
        empty_caches(disk=True)
        app = new_app(components)
        overview_cold = timed(app.run, "cold")
        assert not app.exception, app.exception
        empty_caches(disk=False)
        again = new_app(components)
        overview_read_before = timed(again.run, "read before")
        assert not again.exception, again.exception
        shown = {m.label: m.value for m in app.metric}.get("目标总数")
        assert shown == str(args.targets), f"the overview shows {shown} targets, not {args.targets}"
        overview_warm = timed(app.run, "warm")
        app.switch_page("screens/target.py")
        app.query_params["id"] = f"t{args.targets // 2:05d}"
        target_first = timed(app.run, "target")
        assert not app.exception, app.exception
        app.query_params["id"] = f"t{args.targets // 3:05d}"
        target_other = timed(app.run, "other")
        cards = {m.label: m.value for m in app.metric}

        print(f"overview, nothing cached:  {both(overview_cold, 'cold')}  (parses the file, computes every status; goal < 3 s)")
        print(f"overview, file read before:{both(overview_read_before, 'read before')}  (on-disk parse cache, empty Streamlit cache)")
        print(f"overview, loaded:          {both(overview_warm, 'warm')}  (goal < 2 s)")
        print(f"target page, first:        {both(target_first, 'target')}")
        print(f"target page, another:      {both(target_other, 'other')}  (goal < 1 s)")
        print(f"load average:              {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"target page cards:         {', '.join(f'{k} {v}' for k, v in cards.items())}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS):     {peak:6.0f} MB  ({baseline:.0f} MB of it Python, pandas, Streamlit, Plotly)")
    briefing_bench(args.briefing_targets)


def behind(path: Path, targets: int) -> None:
    """A valid targets.yaml of `targets` level targets that all need attention: 2023 → 2026,
    growing about half as fast as needed (需加快 or 进展缓慢), 8 yearly and quarterly points each."""
    rng = random.Random(11)
    lines = ["targets:"]
    for i in range(targets):
        indicator, unit = INDICATORS[i % len(INDICATORS)]
        baseline = round(rng.uniform(100, 5000), 1)
        goal = round(baseline * 1.3, 1)
        lines += [f"  - id: b{i:03d}", f"    region: {REGIONS[i % len(REGIONS)]}", f"    indicator: {indicator}{i}",
                  f"    unit: \"{unit}\"", f"    baseline: {{value: {baseline}, date: 2023}}",
                  f"    target: {{value: {goal}, due: 2026}}", f"    department: {DEPARTMENTS[i % len(DEPARTMENTS)]}",
                  f"    source: {{doc: 文件{i}.txt, quote: \"到2026年{indicator}达到{goal}{unit}。\"}}", "    progress:"]
        for k in range(8):
            value = round(baseline * (1 + 0.03 * (k + 1) / 4 * rng.uniform(0.5, 1.5)), 1)
            lines.append(f"      - {{date: {2024 + k // 4}-{(k % 4 + 1) * 3:02d}, value: {value}}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def briefing_bench(targets: int) -> None:
    import tracker
    from dashboard import briefing, views

    today = "2026-01-31"
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as folder:
        path = Path(folder) / "targets.yaml"
        behind(path, targets)
        book = tracker.load(path, today=today)
        status = tracker.status(book, today=today)
        content = None

        def contents():
            nonlocal content
            content = views.briefing(status, book.targets, today)

        figures, images, made = [], [], None
        t_content = timed(contents, "content")
        ids = [item.id for item in content.items]

        def draw():
            figures.extend(briefing.chart_figures(book, status, ids, today))

        def render():
            images.extend(briefing.render_png(figures))

        t_figures, t_render = timed(draw, "figures"), timed(render, "render")
        word = pdf = b""

        def docx():
            nonlocal word
            word = briefing.docx_bytes(content, images)

        def printed():
            nonlocal pdf
            pdf = briefing.pdf_bytes(content, images)

        t_docx, t_pdf = timed(docx, "docx"), timed(printed, "pdf")

        def whole():
            nonlocal made
            made = briefing.make(book, status, today, fmt=".docx")

        t_whole = timed(whole, "whole")
        print(f"briefing: {len(status)} targets, {len(content.items)} listed, each with a chart "
              f"({sum(len(i) for i in images) / 1e6:.1f} MB of PNG)")
        print(f"  contents (views.briefing):   {both(t_content, 'content')}")
        print(f"  chart figures (Plotly):      {both(t_figures, 'figures')}")
        print(f"  PNG by kaleido + Chromium:   {t_render:6.2f} s wall ({t_render / max(len(images), 1):.2f} s a chart, "
              "one browser started once)")
        print(f"  Word document (python-docx): {both(t_docx, 'docx')}  ({len(word) / 1e6:.1f} MB)")
        print(f"  PDF (Chromium prints HTML):  {t_pdf:6.2f} s wall  ({len(pdf) / 1e6:.1f} MB)")
        print(f"  whole Word briefing (make):  {t_whole:6.2f} s wall  (goal < 20 s)")
        print(f"  load average:                {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
