"""Whole archives: folders and .zip files of documents → two Parquet tables.

    python -m extract DIR... --out figures.parquet [--jobs N] [--resume] [--timeout S]
    python -m extract DIR... --out figures.parquet --scheduler tcp://HOST:8786

Three steps, each replaceable:

1. `walk(inputs)` lists the documents lazily: files, the files of folders (recursively,
   in name order) and the members of .zip archives, as `Source`s. Files that are no
   documents (style sheets, scripts, images beside a saved page) are counted, not read.
2. `process(source)` is the per-document extractor: read (extract/reading.py), extract
   (extract/engine.py), and return one row for the documents table and the figure rows.
   It never raises: a document that cannot be read is a row with its reason in `error`.
3. A runner calls `process` for every source and hands the results, in the order of the
   walk, to `ParquetSink`:
   - `run_local`: N worker processes (pebble's ProcessPool, a concurrent.futures pool that
     can end a task: each document has a time limit, after which its worker is killed and
     replaced, and the document is an error row); documents go in small batches, a few per
     worker in flight, and workers are renewed every MAX_TASKS batches: memory stays flat;
   - `run_dask`: the same `process` on a dask.distributed cluster, through dask.bag, a
     batch of the walk at a time.

Output (`ParquetSink`): `figures.parquet` holds the FIGURES.md columns plus `path` (which
document, as in the documents table); `figures.documents.parquet` one row a document: path,
doc, size, format, encoding, title, date, chars, figures, error. While a run goes on, rows
are written in parts (`figures.parquet.parts/`), each closed after PART_DOCUMENTS documents,
so an interrupted run loses at most one part; at the end the parts are joined into the two
files (row group by row group: memory stays flat). `--resume` skips the documents already in
the output (also those with an error: delete their rows, or the files, to try them again).
"""
from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import os
import shutil
import stat
import zipfile
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, NamedTuple

from .reading import (MAX_BYTES, ReadError, _mb, check_zip_member, doc_name, parse_document, read_document)

__all__ = ["Source", "Result", "walk", "read_source", "process", "process_batch", "run_local", "run_dask", "ParquetSink", "documents_path",
           "DOCUMENT_COLUMNS", "WALKED_EXTENSIONS", "DEFAULT_TIMEOUT"]

#: Files a folder walk reads. Names without an extension are read too (their content tells
#: the format). .doc/.wps/.xls are listed so that each gets its row saying what to do.
WALKED_EXTENSIONS = frozenset({".txt", ".text", ".pdf", ".docx", ".html", ".htm", ".shtml", ".xhtml",
                               ".doc", ".wps", ".xls", ".et", ".xlsx", ".rtf", ""})

#: Archives whose members are walked like a folder's files.
ARCHIVE_EXTENSIONS = frozenset({".zip"})

#: Seconds one document may take (read and extract) before its worker is ended.
DEFAULT_TIMEOUT = 120.0  # the command line's default too (extract/__main__.py)

#: Documents a worker gets in one task (handing a task over costs about a millisecond, as
#: much as a short .txt takes), and the bytes at which a batch is closed early (a few PDFs
#: are a task of their own, so that large files still spread over the workers).
BATCH = 16
BATCH_BYTES = 256 * 1024

#: Tasks a worker process handles before it is replaced by a fresh one (libraries that hold
#: on to memory give it back).
MAX_TASKS = 100

#: Tasks in flight per worker: enough to keep every worker busy, few enough for flat memory.
IN_FLIGHT_PER_WORKER = 3

#: A part of the output is closed after this many documents.
PART_DOCUMENTS = 1000

#: Documents handed to a Dask cluster at a time, and the partitions of each batch per worker.
DASK_BATCH = 2000

#: The documents table, in order (FIGURES.md's columns plus `path` make the figures table).
DOCUMENT_COLUMNS = ["path", "doc", "size", "format", "encoding", "title", "date", "chars", "figures", "error"]


class Source(NamedTuple):
    """One document to read: `path` names it for people and in the tables; `file` is the file
    to open (its name as the file system has it); `member` the zip member inside `file`."""

    path: str
    file: str
    member: str | None = None
    size: int | None = None


class Result(NamedTuple):
    """What `process` gives back: the document's row and its figures' rows."""

    document: dict[str, Any]
    figures: list[dict[str, Any]]


# --- 1. walking ---------------------------------------------------------------------------

@dataclasses.dataclass
class WalkCount:
    """What a walk left out: files that are no documents (by extension)."""

    skipped: int = 0


def walk(inputs: Iterable[str | os.PathLike[str]], count: WalkCount | None = None) -> Iterator[Source]:
    """Every document under `inputs` (files, folders, .zip archives), lazily, in name order.

    A named file is always a document, whatever its extension; in folders only files with
    WALKED_EXTENSIONS are (the others are counted in `count.skipped`). A path that does not
    exist is still yielded: reading it gives its error row."""
    count = count if count is not None else WalkCount()
    for item in inputs:
        name = os.fspath(item)
        if os.path.isdir(name):
            yield from _walk_folder(name, count)
        elif _is_archive(name):
            yield from _zip_members(name, count)
        else:
            yield Source(display_name(name), name, None, _size(name))


def display_name(path: str) -> str:
    """A path as people read it: a file name saved in GBK bytes (a Chinese Windows zip or
    disk) shows as its Chinese characters, not as escapes."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:  # undecodable bytes, kept by Python as surrogate escapes
        raw = os.fsencode(path)
    for codec in ("utf-8", "gb18030"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")


def _walk_folder(folder: str, count: WalkCount) -> Iterator[Source]:
    for root, dirs, files in os.walk(folder, onerror=None):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            ext = os.path.splitext(name)[1].lower()
            if ext in ARCHIVE_EXTENSIONS:
                yield from _zip_members(path, count)
            elif ext in WALKED_EXTENSIONS:
                yield Source(display_name(path), path, None, _size(path))
            else:
                count.skipped += 1


def _is_archive(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in ARCHIVE_EXTENSIONS and os.path.isfile(name)


def _zip_members(path: str, count: WalkCount) -> Iterator[Source]:
    """The documents of a .zip archive; a damaged archive is one source (its error row)."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        yield Source(display_name(path), path, None, _size(path))  # reading it names the problem
        return
    shown = display_name(path)
    for info in sorted(infos, key=lambda i: i.filename):
        if info.is_dir():
            continue
        member = _member_name(info)
        ext = os.path.splitext(member)[1].lower()
        if ext in WALKED_EXTENSIONS or ext in ARCHIVE_EXTENSIONS:
            yield Source(f"{shown}/{member}", path, info.filename, info.file_size)
        else:
            count.skipped += 1


def _member_name(info: zipfile.ZipInfo) -> str:
    """A member's name as people wrote it. Zips made on Chinese Windows store names in GBK
    without saying so (flag bit 11 unset), which Python reads as cp437."""
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437", "replace")
    for codec in ("utf-8", "gb18030"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return info.filename


def _size(path: str) -> int | None:
    try:
        return os.stat(path).st_size
    except OSError:
        return None


# --- 2. one document ----------------------------------------------------------------------

def process(source: Source, date: dt.date | None = None, max_bytes: int = MAX_BYTES) -> Result:
    """Read and extract one document; never raises (a failure is the row's `error`).

    The date of a figure's document is, in order: the date the text gives itself (the
    engine reads it), the page's publication date from its metadata, then `date`."""
    from . import engine  # the matching engine (imported once per process)

    row: dict[str, Any] = dict.fromkeys(DOCUMENT_COLUMNS)
    row.update(path=source.path, doc=doc_name(source.path), size=source.size, figures=0)
    try:
        document = read_source(source, max_bytes)
        records = engine.records(document.text, doc=row["doc"], date=document.date or date)
    except ReadError as error:
        row["error"] = error.reason
        return Result(row, [])
    except Exception as error:  # noqa: BLE001 -- a library's bug on one file must not end the run
        row["error"] = f"处理失败（{type(error).__name__}: {error}）"
        return Result(row, [])
    row.update(format=document.format, encoding=document.encoding, title=document.title,
               date=document.date, chars=len(document.text), figures=len(records))
    for record in records:
        record["path"] = source.path
    return Result(row, records)


_open_zip: dict[str, zipfile.ZipFile] = {}  # the last archive a worker read from, kept open


def read_source(source: Source, max_bytes: int = MAX_BYTES):
    """The Document of a source: a file, or a member of a zip archive (checked before it is
    unpacked, and unpacked no further than `max_bytes`). Raises ReadError."""
    if source.member is None:
        if _is_archive(source.file):
            raise ReadError(source.path, "zip 压缩包已损坏，打不开")
        _refuse_special(source)
        return read_document(source.file, max_bytes=max_bytes)
    archive = _open_zip.get(source.file)
    if archive is None:
        for old in _open_zip.values():
            old.close()
        _open_zip.clear()
        try:
            archive = _open_zip[source.file] = zipfile.ZipFile(source.file)
        except (zipfile.BadZipFile, OSError) as err:
            raise ReadError(source.path, f"所在的压缩包打不开（{zip_problem(err)}）") from None
    info = archive.getinfo(source.member)
    problem = check_zip_member(info, max_bytes)
    if problem:
        raise ReadError(source.path, problem)
    if os.path.splitext(source.member)[1].lower() in ARCHIVE_EXTENSIONS:
        raise ReadError(source.path, "压缩包中的压缩包：请先解压外层压缩包，再处理解压出的文件夹")
    if info.flag_bits & 0x1:  # the "encrypted" bit: zipfile would ask for a password
        raise ReadError(source.path, ENCRYPTED_MEMBER)
    try:
        with archive.open(info) as member:
            data = member.read(max_bytes + 1)  # the size the header states is not trusted
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError) as err:
        raise ReadError(source.path, f"无法从压缩包中读出（{zip_problem(err)}）") from None
    if len(data) > max_bytes:
        raise ReadError(source.path, f"解压后过大（超过上限 {_mb(max_bytes)}）")
    return parse_document(data, source.path, max_bytes=max_bytes)


#: A member stored with a password (zip's traditional or AES encryption).
ENCRYPTED_MEMBER = "压缩包中的这个文件设了密码（已加密），无法读取：请先用密码解压，再处理解压出的文件"


def zip_problem(err: BaseException) -> str:
    """zipfile's English reasons, told in Chinese (the user reads the message, not the code)."""
    message = str(err)
    lowered = message.lower()
    if "encrypted" in lowered or "password" in lowered:
        return "文件设了密码（已加密）"
    if isinstance(err, NotImplementedError) or "compression method" in lowered:
        return "压缩方式不受支持（如 deflate64、lzma 以外的格式），请用解压软件解压后再处理"
    if "crc" in lowered:
        return "校验失败，压缩包已损坏"
    if isinstance(err, EOFError) or "truncated" in lowered or "not a zip file" in lowered:
        return "压缩包不完整或已损坏，可能没有下载完整"
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return "压缩包已损坏"


def _refuse_special(source: Source) -> None:
    """A named pipe or a device would block or never end when read: refuse it first."""
    try:
        mode = os.stat(source.file).st_mode
    except OSError:
        return  # read_document names the problem (missing, no permission)
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise ReadError(source.path, "不是普通文件（管道、设备或套接字），未读取")


# --- 3. runners ---------------------------------------------------------------------------

def run_local(sources: Iterable[Source], *, jobs: int | None = None, timeout: float = DEFAULT_TIMEOUT,
              date: dt.date | None = None, max_bytes: int = MAX_BYTES) -> Iterator[Result]:
    """`process` for every source in `jobs` worker processes (default: all cores), results
    in the order of `sources`.

    Documents go to the workers in batches of BATCH documents or BATCH_BYTES (one task
    each: handing a task over costs about as much as a short document). A batch has `timeout` seconds;
    one that runs over, or whose worker dies, is ended with its worker (which is replaced)
    and its documents are done again one a task, each with `timeout` seconds: the one that
    hangs or crashes becomes an error row, the others their usual rows."""
    from concurrent.futures import TimeoutError as FutureTimeout

    import pebble

    from . import engine  # noqa: F401 -- loaded once here, so that forked workers start with it

    jobs = jobs or os.cpu_count() or 1
    failures = (FutureTimeout, pebble.ProcessExpired)
    window: collections.deque = collections.deque()

    def finish(batch: list[Source], future) -> list[Result]:
        try:
            return future.result()
        except failures:  # one of the batch hangs or crashes: find which, one document a task
            alone = [(source, pool.schedule(process, (source, date, max_bytes), timeout=timeout)) for source in batch]
            return [_outcome(source, single, timeout, *failures) for source, single in alone]

    with pebble.ProcessPool(max_workers=jobs, max_tasks=MAX_TASKS) as pool:
        try:
            for batch in _batches(sources, BATCH, BATCH_BYTES):
                window.append((batch, pool.schedule(process_batch, (batch, date, max_bytes), timeout=timeout)))
                if len(window) >= jobs * IN_FLIGHT_PER_WORKER:
                    yield from finish(*window.popleft())
            while window:
                yield from finish(*window.popleft())
        finally:
            for _, future in window:
                future.cancel()
            pool.stop()


def process_batch(batch: list[Source], date: dt.date | None = None, max_bytes: int = MAX_BYTES) -> list[Result]:
    """`process` for each source of a batch (one task of a worker)."""
    return [process(source, date, max_bytes) for source in batch]


def _outcome(source: Source, future, timeout: float, timed_out: type, expired: type) -> Result:
    try:
        return future.result()
    except timed_out:
        return _failed(source, f"处理超时（超过 {timeout:g} 秒），已中止；可用 --timeout 调高时限")
    except expired as err:
        return _failed(source, f"处理进程意外退出（{err}），可能是文件触发了库的缺陷或内存不足")


def _failed(source: Source, reason: str) -> Result:
    row = dict.fromkeys(DOCUMENT_COLUMNS)
    row.update(path=source.path, doc=doc_name(source.path), size=source.size, figures=0, error=reason)
    return Result(row, [])


def run_dask(sources: Iterable[Source], scheduler: str | Any, *, date: dt.date | None = None,
             max_bytes: int = MAX_BYTES, batch: int = DASK_BATCH) -> Iterator[Result]:
    """`process` for every source on a dask.distributed cluster (`scheduler`: its address,
    tcp://HOST:8786, or a Client), results in the order of `sources`.

    The walk runs here and the workers read the files: every worker must see the same paths
    (a shared or network file system). Dask cannot end a running task, so the time limit of
    `run_local` does not hold here; a document that hangs holds its worker thread."""
    import dask.bag as db
    from distributed import Client

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        threads = max(1, sum(client.nthreads().values()))
        for chunk in _batches(sources, batch):
            bag = db.from_sequence(chunk, npartitions=min(len(chunk), threads * 2))
            yield from bag.map(process, date=date, max_bytes=max_bytes).compute(scheduler=client)
    finally:
        if client is not scheduler:
            client.close()


def _batches(items: Iterable[Source], size: int, most_bytes: int | None = None) -> Iterator[list[Source]]:
    """Lists of `size` items, closed early once their files reach `most_bytes`."""
    chunk: list[Source] = []
    held = 0
    for item in items:
        chunk.append(item)
        held += item.size or 0
        if len(chunk) >= size or (most_bytes is not None and held >= most_bytes):
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


# --- output -------------------------------------------------------------------------------

def documents_path(out: str | os.PathLike[str]) -> Path:
    """Where the documents table goes beside `out`: figures.parquet → figures.documents.parquet."""
    out = Path(out)
    stem = out.name[:-len(".parquet")] if out.name.endswith(".parquet") else out.name
    return out.with_name(stem + ".documents.parquet")


def _schemas():
    import pyarrow as pa

    figures = pa.schema([
        ("doc", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()),
        ("value", pa.float64()), ("value_max", pa.float64()), ("category", pa.string()), ("unit", pa.string()),
        ("qualifier", pa.string()), ("kind", pa.string()), ("indicator", pa.string()), ("region", pa.string()),
        ("deadline", pa.int64()), ("period", pa.string()), ("sentence", pa.string()), ("path", pa.string()),
    ])
    documents = pa.schema([
        ("path", pa.string()), ("doc", pa.string()), ("size", pa.int64()), ("format", pa.string()),
        ("encoding", pa.string()), ("title", pa.string()), ("date", pa.date32()), ("chars", pa.int64()),
        ("figures", pa.int64()), ("error", pa.string()),
    ])
    return figures, documents


class ParquetSink:
    """Writes results as two Parquet tables (see the module docstring), durable in parts."""

    def __init__(self, out: str | os.PathLike[str], *, resume: bool = False,
                 part_documents: int = PART_DOCUMENTS):
        self.figures_file = Path(out)
        self.documents_file = documents_path(out)
        self.parts = self.figures_file.with_name(self.figures_file.name + ".parts")
        self.part_documents = part_documents
        self.figure_schema, self.document_schema = _schemas()
        self.done: set[str] = set()
        if resume:
            self.done = self._paths_done()
        else:
            shutil.rmtree(self.parts, ignore_errors=True)
        self.parts.mkdir(parents=True, exist_ok=True)
        self._number = max((int(p.stem.split("-")[1]) + 1 for p in self.parts.glob("documents-*.parquet")), default=0)
        self._documents: list[dict] = []
        self._figures: list[dict] = []
        self.counts = collections.Counter()

    def _paths_done(self) -> set[str]:
        import pyarrow.parquet as pq

        done: set[str] = set()
        files = [self.documents_file] if self.documents_file.exists() else []
        files += sorted(self.parts.glob("documents-*.parquet")) if self.parts.exists() else []
        for path in files:
            try:
                done.update(pq.read_table(path, columns=["path"]).column("path").to_pylist())
            except Exception:  # noqa: BLE001 -- a part cut short by a crash: its documents are redone
                path.unlink()
                path.with_name(path.name.replace("documents-", "figures-")).unlink(missing_ok=True)
        return done

    def add(self, result: Result) -> None:
        self._documents.append(result.document)
        self._figures.extend(result.figures)
        self.counts["documents"] += 1
        self.counts["figures"] += len(result.figures)
        self.counts["errors"] += result.document["error"] is not None
        if len(self._documents) >= self.part_documents:
            self.flush()

    def flush(self) -> None:
        """Close a part with the rows gathered so far (figures first: a part counts as done
        once its documents file exists)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self._documents:
            return
        number = f"{self._number:05d}"
        pq.write_table(pa.Table.from_pylist(self._figures, schema=self.figure_schema),
                       self.parts / f"figures-{number}.parquet")
        tmp = self.parts / f"documents-{number}.tmp"
        pq.write_table(pa.Table.from_pylist(self._documents, schema=self.document_schema), tmp)
        os.replace(tmp, self.parts / f"documents-{number}.parquet")
        self._number += 1
        self._documents, self._figures = [], []

    def close(self) -> None:
        """Join the earlier output (when resumed) and the parts into the two files."""
        self.flush()
        for final, prefix, schema in ((self.figures_file, "figures", self.figure_schema),
                                      (self.documents_file, "documents", self.document_schema)):
            parts = sorted(self.parts.glob(f"{prefix}-*.parquet"))
            earlier = [final] if final.exists() and self.done else []
            _concatenate(earlier + parts, final, schema)
        shutil.rmtree(self.parts, ignore_errors=True)


def _concatenate(files: list[Path], out: Path, schema) -> None:
    """Files of one schema into `out`, a row group at a time (written beside it, then renamed)."""
    import pyarrow.parquet as pq

    tmp = out.with_name(out.name + ".tmp")
    with pq.ParquetWriter(tmp, schema) as writer:
        for path in files:
            source = pq.ParquetFile(path)
            for index in range(source.num_row_groups):
                writer.write_table(source.read_row_group(index).cast(schema))
    os.replace(tmp, out)


def run(inputs: Iterable[str], out: str | os.PathLike[str], *, jobs: int | None = None, resume: bool = False,
        timeout: float = DEFAULT_TIMEOUT, scheduler: str | None = None, date: dt.date | None = None,
        max_bytes: int = MAX_BYTES, on_result: Callable[[Result], None] | None = None) -> ParquetSink:
    """Walk `inputs`, process every document not yet done and write the two tables.
    Returns the sink, whose `counts` say how many documents, figures and errors there were."""
    sink = ParquetSink(out, resume=resume)
    count = WalkCount()
    sources = (s for s in walk(inputs, count) if s.path not in sink.done)
    if scheduler:
        results = run_dask(sources, scheduler, date=date, max_bytes=max_bytes)
    else:
        results = run_local(sources, jobs=jobs, timeout=timeout, date=date, max_bytes=max_bytes)
    try:
        for result in results:
            sink.add(result)
            if on_result is not None:
                on_result(result)
    finally:
        sink.counts["skipped"] = count.skipped
        sink.counts["resumed"] = len(sink.done)
        sink.close()
    return sink
