"""How long `tracker update` takes: a 30,000-character bulletin against 5,000 targets.

    python bench/update_bench.py [--chars 30000] [--targets 5000] [--repeat 5]

The bulletin is the real documents of docs/bulletins put end to end until it has --chars
characters (so its sentences, places and periods are real ones); the book is generated:
--targets targets over the places of tracker.tables.PLACES and a list of indicators, the
real ones among them, two observations each. It prints, best of --repeat runs:
tracker.matching.propose (extraction and matching, the work of `update` per document),
its matching part alone, tracker.load of the book (once per run of the command), and one
`--apply` of the additions (tracker.bookfile: round trip, backup, atomic write, check).
Goal (issue #8): `update` of the bulletin against the targets in under 1 s. Not a test.
"""
import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import extract  # noqa: E402
import tracker  # noqa: E402
from tracker import matching, tables  # noqa: E402
from tracker.bookfile import BookFile  # noqa: E402
from tracker.update import apply  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BULLETINS = ROOT / "docs" / "bulletins"
# (indicator, unit, type) of the generated targets: the bulletins' own, then made-up names.
INDICATORS = [("地区生产总值", "亿元", "level"), ("规上工业总产值", "万亿元", "level"), ("高新技术企业", "家", "level"),
              ("地区生产总值增速", "%", "rate"), ("绿色低碳能源产值增速", "%", "rate"), ("集成电路与ICT产值增速", "%", "rate"),
              ("社会消费品零售总额", "亿元", "level"), ("固定资产投资", "亿元", "level")]
INDICATORS += [(f"重点产业{i}产值", "亿元", "level") for i in range(120)]


def bulletin(chars: int) -> str:
    parts, total = [], 0
    texts = [p.read_text(encoding="utf-8") for p in sorted(BULLETINS.glob("*.txt"))]
    while total < chars:
        for text in texts:
            parts.append(text)
            total += len(text)
    return "".join(parts)[:chars]


def book_text(count: int, rng: random.Random) -> str:
    places = list(tables.PLACES)
    lines = ["targets:"]
    for i in range(count):
        indicator, unit, kind = INDICATORS[i % len(INDICATORS)]
        place = places[(i // len(INDICATORS)) % len(places)]
        lines += [f"  - id: t{i:05d}", f"    region: {place}", f"    indicator: {indicator}", f"    unit: '{unit}'",
                  f"    type: {kind}", "    source: {doc: 生成}"]
        if kind != "rate":
            lines.append(f"    target: {{value: {rng.randint(100, 300)}, due: 2027}}")  # within the checks of a plausible unit
        lines += ["    progress:", f"      - {{date: 2021, value: {rng.randint(50, 90)}}}",
                  f"      - {{date: 2022, value: {rng.randint(50, 90)}}}"]
    return "\n".join(lines) + "\n"


def best(repeat: int, run) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=30_000)
    parser.add_argument("--targets", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(8)
    text = bulletin(args.chars)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "targets.yaml"
        path.write_text(book_text(args.targets, rng), encoding="utf-8")
        size = path.stat().st_size
        load_s, book = best(args.repeat, lambda: tracker.load(path))
        assert not book.problems, book.problems[:3]
        when = dt.date(2025, 1, 1)
        update_s, (proposals, unmatched) = best(args.repeat, lambda: matching.propose(text, book, doc="b.txt", date=when))
        ctx = matching.context(text, "b.txt", date=when)
        rows = extract.figures(text, doc="b.txt", date=ctx.date).to_dict("records")
        match_s, _ = best(args.repeat, lambda: matching.propose_figures(text, rows, book, ctx))
        adds = [p for p in proposals if p.action == "add"]
        start = time.perf_counter()
        apply(path, adds, BookFile.open(path))
        apply_s = time.perf_counter() - start
    print(f"bulletin: {len(text):,} characters ({len(rows):,} figures, {sum(r['kind'] == 'actual' for r in rows):,} actual)")
    print(f"book: {args.targets:,} targets, {size / 1e6:.1f} MB")
    print(f"update (extract + match) of the bulletin, best of {args.repeat}: {update_s:.3f} s "
          f"-> {len(proposals):,} proposals, {len(unmatched):,} unmatched figures")
    print(f"  of which matching alone: {match_s:.3f} s")
    print(f"tracker.load of the book (once per command), best of {args.repeat}: {load_s:.3f} s")
    print(f"--apply of {len(adds):,} additions (round trip, backup, atomic write, check again): {apply_s:.3f} s")


if __name__ == "__main__":
    main()
