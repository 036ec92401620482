"""Archive run speed by format: a folder of mixed documents made from ../shared/corpus.

    .venv/bin/python bench/corpus_bench.py [--mb 50] [--jobs 2] [--keep DIR]

Builds about --mb MB of documents, an equal share per format: .txt (UTF-8), .txt (GBK),
web pages (the article inside navigation, share bar and footer), .docx and PDF (set in
Noto CJK with fpdf2), each a copy of one of the five corpus documents (every copy a separate
document). Each format's folder is run through the archive runner (extract/archive.py, as
`python -m extract DIR --out ...` runs it) with one worker and with --jobs workers, and the
script prints documents/s and chars/s (characters of text read) per format and the speed-up.

Each run is the command a user types, timed from start to end with its peak memory (the
command's, and its largest worker's); a .txt folder twice as large shows memory stays flat.
It also prints the extractor's own speed on the .txt texts (engine.records in this process,
no reading, no workers), beside the .txt runs: the reading layer and the workers must not
cost the extractor its speed. Not a test: figures vary with the machine and its load.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
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
    """One sub-folder a format, each about mb/5 MB of copies of the corpus documents, and
    `txt2`: twice the .txt folder (memory must not grow with it)."""
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
    twice = folder / "txt2"
    twice.mkdir()
    for path in folders["txt"].iterdir():
        for copy in ("a", "b"):
            shutil.copyfile(path, twice / f"{copy}{path.name}")
    return folders


def timed_run(folder: Path, out: Path, jobs: int) -> tuple[float, pd.DataFrame, str]:
    """`python -m extract FOLDER --out OUT --jobs N` as a user runs it: (seconds, documents
    table, peak resident memory of the command and of its largest worker). Each process is
    measured alone: workers are replaced now and then, so a sum would count the old and the
    new one together."""
    import psutil

    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "extract", str(folder), "--out", str(out), "--jobs", str(jobs)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    parent = worker = 0
    watched = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            parent = max(parent, watched.memory_info().rss)
            worker = max(worker, max((c.memory_info().rss for c in watched.children(recursive=True)), default=0))
        except psutil.Error:
            pass
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    err = proc.stderr.read().decode("utf-8", "replace")
    assert proc.returncode == 0, err[-2000:]
    peak = f"{parent / 2 ** 20:.0f} + {worker / 2 ** 20:.0f} MB"
    return seconds, pd.read_parquet(archive.documents_path(out)), peak


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
        print(f"{'format':<6} {'docs':>6} {'MB':>5} {'chars':>10}  {'1 worker':>24}  {f'{args.jobs} workers':>24}"
              f"  speed-up  peak memory (command + largest worker)")
        sums = {1: 0.0, args.jobs: 0.0}
        for fmt, folder in folders.items():
            mb = sum(p.stat().st_size for p in folder.iterdir()) / 1024 / 1024
            row = []
            for jobs in (1, args.jobs):
                seconds, documents, peak = timed_run(folder, work / f"{fmt}-{jobs}.parquet", jobs)
                sums[jobs] += seconds
                row.append((seconds, len(documents), int(documents["chars"].sum()), peak))
            (s1, n, chars, _), (sn, _, _, peak) = row
            print(f"{fmt:<6} {n:>6,} {mb:>5.1f} {chars:>10,}  {n / s1:>6.0f} docs/s {chars / s1:>9,.0f} c/s"
                  f"  {n / sn:>6.0f} docs/s {chars / sn:>9,.0f} c/s  ×{s1 / sn:<6.2f}  {peak}")
        print(f"all formats: {sums[1]:.1f} s with 1 worker, {sums[args.jobs]:.1f} s with {args.jobs}: "
              f"×{sums[1] / sums[args.jobs]:.2f} (each run includes starting Python and its workers)")

        seconds, documents, peak = timed_run(work / "docs" / "txt2", work / "txt2.parquet", args.jobs)
        print(f"memory: .txt folder twice as large ({len(documents):,} documents), {args.jobs} workers: "
              f"peak {peak} (command + largest worker)")

        texts = [p.read_text(encoding="utf-8") for p in sorted(folders["txt"].iterdir())]
        chars = sum(map(len, texts))
        started = time.perf_counter()
        for text in texts:
            engine.records(text)
        seconds = time.perf_counter() - started
        print(f"extractor alone on the .txt texts (engine.records, this process): {chars / seconds:,.0f} chars/s")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
