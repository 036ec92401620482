#!/usr/bin/env python3
"""Speed and memory of the figure extractor (issues #2, #9). A script that prints figures, not a test.

    .venv/bin/python bench/extract_bench.py [--mb 5] [--rounds 5] [--max-mb 50] [--corpus ../shared/corpus]
                                            [--before DIR]

Builds a corpus of about N MB (UTF-8) by repeating the documents of ../shared/corpus, each
copy a separate document, and extracts it one document at a time:

- `extract.engine.records` (plain dicts, what many files use) and `extract.figures` (the
  DataFrame): characters per second and figures per second;
- one bare `regex` pass for digits (regex.compile(r"\\d+").finditer) over the same documents,
  and how many times slower the extractor is (issue #9's goal: `extract.figures` within 40×
  of it, and at least 1,500,000 characters per second on one core). All three are timed in
  several alternating rounds in one run (bare, records, figures, bare, ...), and the best
  round of each is kept: the one least disturbed by whatever else the machine is doing.
  Each round is timed by the wall clock and by the process's CPU time: on a machine others
  share, a short run (the bare pass) more often falls between their bursts than a long one,
  so the wall-clock ratio errs high; the CPU-time ratio counts only this process's work;
- with --before DIR (a folder holding another version's `extract` package, e.g. made by
  `git archive REV extract | tar -x -C DIR`), that version's `extract.figures` too, timed in the
  same alternating rounds: a before/after comparison that the machine's load affects alike. It
  runs as plain Python (a second compiled build cannot load in one process); compare it with
  this version under EXTRACT_PURE=1, or compare two compiled versions by running the script in each;
- peak memory of extraction (tracemalloc, in a separate pass so that tracing does not slow
  the timed one) at N MB, 2N MB and --max-mb MB: documents are made and dropped one at a
  time, so the peak should stay flat; and the process's peak resident size.
"""
from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Callable, Iterator

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import extract  # noqa: E402  (after the path is set)
from extract import engine, figures, read_text  # noqa: E402

DIGITS = regex.compile(r"\d+")


def documents(sources: list[str], megabytes: float) -> Iterator[str]:
    """Copies of the source documents, in turn, until about `megabytes` of UTF-8 are made.

    Each copy is a new string (its number appended), made when asked for and dropped after,
    as files read one at a time would be.
    """
    budget, i = megabytes * 1024 * 1024, 0
    while budget > 0:
        text = sources[i % len(sources)] + f"\n（副本{i}）\n"
        budget -= len(text.encode("utf-8"))
        i += 1
        yield text


def timed(extract_one: Callable[[str], int], docs: Iterator[str]) -> tuple[float, int, int, int, float]:
    """Seconds spent in `extract_one` (wall clock), characters, figures, documents seen, and the
    CPU seconds of this process spent in it."""
    seconds = cpu = 0.0
    chars = found = n = 0
    for text in docs:
        start, start_cpu = time.perf_counter(), time.process_time()
        found += extract_one(text)
        seconds += time.perf_counter() - start
        cpu += time.process_time() - start_cpu
        chars += len(text)
        n += 1
    return seconds, chars, found, n, cpu


def peak_traced(extract_one: Callable[[str], int], docs: Iterator[str]) -> int:
    """Peak bytes Python allocated while extracting every document (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    try:
        for text in docs:
            extract_one(text)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def load_package(folder: Path, name: str):
    """The package in `folder` imported under another name, beside this repository's `extract`."""
    spec = importlib.util.spec_from_file_location(name, folder / "__init__.py",
                                                  submodule_search_locations=[str(folder)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def bare_digits(text: str) -> int:
    return sum(1 for _ in DIGITS.finditer(text))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in MB of UTF-8 (default 5)")
    parser.add_argument("--rounds", type=int, default=5, help="alternating timed rounds; the best is kept (default 5)")
    parser.add_argument("--max-mb", type=float, default=50.0,
                        help="largest corpus for the memory check (default 50)")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--before", type=Path, help="a folder holding another version's extract package to time alike")
    args = parser.parse_args(argv)

    sources = [read_text(p) for p in sorted(args.corpus.glob("*.txt"))]
    if not sources:
        parser.error(f"no .txt documents in {args.corpus}")
    records = getattr(engine, "records", None)
    extractors: dict[str, Callable[[str], int]] = {}
    if records is not None:
        extractors["engine.records"] = lambda text: len(records(text, doc="bench"))
    extractors["extract.figures"] = lambda text: len(figures(text, doc="bench"))
    if args.before is not None:
        # A compiled build is one extension module named after the package (extract._native), so a
        # second one cannot load beside this repository's: it would run this version's code under
        # the other's name. The other version runs as Python, and says so; to compare two compiled
        # versions, run this script in each checkout.
        os.environ["EXTRACT_PURE"] = "1"
        try:
            before = load_package(args.before / "extract", "extract_before")
        finally:
            del os.environ["EXTRACT_PURE"]
        label = "extract.figures (--before, plain Python)"
        extractors[label] = lambda text: len(before.figures(text, doc="bench"))
    for extract_one in extractors.values():  # warm up: compile patterns, load OpenCC tables
        extract_one(sources[0])

    size = sum(len(t.encode("utf-8")) for t in documents(sources, args.mb)) / 1024 / 1024
    best: dict[str, tuple[float, int, int, int, float]] = {}
    best_cpu: dict[str, float] = {}
    runs = {"bare": bare_digits, **extractors}
    for _ in range(args.rounds):  # alternate, so that a busy moment of the machine hits all alike
        for name, run in runs.items():
            result = timed(run, documents(sources, args.mb))
            if name not in best or result[0] < best[name][0]:
                best[name] = result
            best_cpu[name] = min(best_cpu.get(name, result[4]), result[4])
    bare_s, chars, digit_runs, n, _ = best.pop("bare")
    bare_cpu = best_cpu.pop("bare")
    print(f"corpus: {size:.1f} MB UTF-8, {chars:,} characters, {n} documents "
          f"({len(sources)} distinct, each copy a separate document); best of {args.rounds} alternating rounds")
    print("extractor: " + ("compiled (mypyc, native/build.py)" if extract.COMPILED
                           else "plain Python (no current build: make native; or EXTRACT_PURE is set)"))
    print(f"bare regex \\d+ pass: {bare_s:.3f} s, {chars / bare_s:,.0f} chars/s ({digit_runs:,} digit runs)")
    for name, (seconds, _, found, _, _) in best.items():
        print(f"{name}: {seconds:.2f} s, {chars / seconds:,.0f} chars/s, {found / seconds:,.0f} figures/s "
              f"({found:,} figures), {seconds / bare_s:.1f}× the bare pass")
    print(f"CPU time of this process: bare pass {bare_cpu:.3f} s; "
          + "; ".join(f"{name} {cpu:.2f} s, {chars / cpu:,.0f} chars/s, {cpu / bare_cpu:.1f}× the bare pass"
                      for name, cpu in best_cpu.items()))

    main_name, main_extract = "extract.figures", extractors["extract.figures"]
    sizes = sorted({args.mb, 2 * args.mb, max(args.max_mb, args.mb)})
    peaks = [(mb, peak_traced(main_extract, documents(sources, mb))) for mb in sizes]
    print(f"peak memory of {main_name} (tracemalloc): "
          + ", ".join(f"{mb:g} MB corpus → {peak / 1024:,.0f} KB" for mb, peak in peaks)
          + f"; growth ×{peaks[-1][1] / peaks[0][1]:.2f} from {sizes[0]:g} to {sizes[-1]:g} MB")
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    print(f"peak resident size of this process: {rss_kb / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
