"""Archive run speed by format: a folder of mixed documents made from ../shared/corpus.

    .venv/bin/python bench/corpus_bench.py [--mb 50] [--jobs 2] [--keep DIR]

Builds about --mb MB of documents, an equal share per format: .txt (UTF-8), .txt (GBK),
web pages (the article inside navigation, share bar and footer), .docx and PDF (set in
Noto CJK with fpdf2), each a copy of one of the five corpus documents (every copy a separate
document). Each format's folder is run through the archive runner (extract/archive.py, as
`python -m extract DIR --out ...` runs it) with one worker and with --jobs workers, and the
script prints documents/s and chars/s (characters of text read) per format and the speed-up.

It also prints the extractor's own speed on the .txt texts (engine.records in this process,
no reading, no workers), beside the .txt runs: the reading layer and the workers must not
cost the extractor its speed. Not a test: figures vary with the machine and its load.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import pandas as pd  # noqa: E402

import makedocs  # noqa: E402
from extract import archive, engine  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def build(folder: Path, mb: float) -> dict[str, Path]:
    """One sub-folder a format, each about mb/5 MB of copies of the corpus documents."""
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}
    made: dict[str, dict[str, bytes]] = {"txt": {}, "gbk": {}, "html": {}, "docx": {}, "pdf": {}}
    for stem, text in texts.items():
        paragraphs = [line for line in text.split("\n") if line.strip()]
        made["txt"][f"{stem}.txt"] = text.encode("utf-8")
        made["gbk"][f"{stem}.txt"] = text.encode("gbk", "replace")
        made["html"][f"{stem}.html"] = makedocs.html_page(paragraphs[1:], title=paragraphs[0]).encode("utf-8")
        made["docx"][f"{stem}.docx"] = makedocs.docx_bytes(paragraphs)
        made["pdf"][f"{stem}.pdf"] = makedocs.pdf_bytes([paragraphs])
    share = mb * 1024 * 1024 / len(made)
    folders = {}
    for fmt, files in made.items():
        sub = folder / fmt
        sub.mkdir(parents=True)
        size = sum(len(b) for b in files.values())
        copies = max(1, round(share / size))
        for copy in range(copies):
            for name, data in files.items():
                (sub / f"{copy:05d}_{name}").write_bytes(data)
        folders[fmt] = sub
    return folders


def timed_run(folder: Path, out: Path, jobs: int) -> tuple[float, pd.DataFrame]:
    started = time.perf_counter()
    sink = archive.run([str(folder)], out, jobs=jobs)
    seconds = time.perf_counter() - started
    documents = pd.read_parquet(archive.documents_path(out))
    assert sink.counts["errors"] == 0, documents[documents["error"].notna()].head()
    return seconds, documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="build the folder here and keep it")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="corpus_bench_"))
    try:
        started = time.perf_counter()
        folders = build(work / "docs", args.mb)
        files = [p for f in folders.values() for p in f.iterdir()]
        total = sum(p.stat().st_size for p in files)
        print(f"folder: {total / 1024 / 1024:.1f} MB, {len(files):,} documents in 5 formats "
              f"(built in {time.perf_counter() - started:.0f} s)")
        print(f"{'format':<6} {'docs':>6} {'MB':>6} {'chars':>11}  {'1 worker':>22}  {f'{args.jobs} workers':>22}  speed-up")
        sums = {1: 0.0, args.jobs: 0.0}
        for fmt, folder in folders.items():
            mb = sum(p.stat().st_size for p in folder.iterdir()) / 1024 / 1024
            row = []
            for jobs in (1, args.jobs):
                seconds, documents = timed_run(folder, work / f"{fmt}-{jobs}.parquet", jobs)
                sums[jobs] += seconds
                chars = int(documents["chars"].sum())
                row.append((seconds, len(documents), chars))
            (s1, n, chars), (sn, _, _) = row
            print(f"{fmt:<6} {n:>6,} {mb:>6.1f} {chars:>11,}  {n / s1:>7.0f} docs/s {chars / s1:>9,.0f} c/s"
                  f"  {n / sn:>7.0f} docs/s {chars / sn:>9,.0f} c/s  ×{s1 / sn:.2f}")
        print(f"all formats: {sums[1]:.1f} s with 1 worker, {sums[args.jobs]:.1f} s with {args.jobs}: "
              f"×{sums[1] / sums[args.jobs]:.2f}")

        texts = [p.read_text(encoding="utf-8") for p in sorted(folders["txt"].iterdir())]
        chars = sum(map(len, texts))
        started = time.perf_counter()
        for text in texts:
            engine.records(text)
        seconds = time.perf_counter() - started
        print(f"extractor alone on the .txt texts (engine.records, this process): {chars / seconds:,.0f} chars/s")
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak resident size: this process {own:.0f} MB, largest worker {workers:.0f} MB")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
