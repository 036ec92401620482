"""Loading and caching for the dashboard: the one module that touches files.

Pages never read files themselves. They call `current()`, which finds the
targets file (command line, then environment, then the bundled file), and gets
the loaded book and its status table from Streamlit's data cache. The cache
key holds the file's modification time and size, so an edit to targets.yaml
shows on the next interaction without a restart; `reload()` (the 重新加载
button) empties the cache outright.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import streamlit as st

import tracker

__all__ = [
    "DEFAULT_TARGETS",
    "DOCS_ENV_VAR",
    "ENV_VAR",
    "Loaded",
    "Proposal",
    "current",
    "document_figures",
    "document_proposals",
    "figures_of",
    "find_document",
    "load",
    "proposed_yaml",
    "read_document",
    "read_upload",
    "reload",
    "upload",
    "upload_types",
    "source_documents",
    "targets_path",
    "today",
    "trajectory",
    "write_proposals",
]

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TARGETS = REPO_ROOT / "targets.yaml"
ENV_VAR = "TRACKER_TARGETS"
# Where the source documents named in targets.yaml (`source_doc`) are looked
# for, in order: the folders in TRACKER_DOCS (os.pathsep separated), then the
# shared corpus that sits beside a checkout.
DOCS_ENV_VAR = "TRACKER_DOCS"
DOCS_DIRS = (REPO_ROOT / "docs" / "corpus", REPO_ROOT.parent / "shared" / "corpus")


def targets_path(argv: list[str] | None = None, environ: dict | None = None) -> Path:
    """The targets file: `-- --targets FILE`, else $TRACKER_TARGETS, else the bundled one."""
    argv = sys.argv[1:] if argv is None else argv
    environ = os.environ if environ is None else environ
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--targets")
    known, _ = parser.parse_known_args(argv)
    chosen = known.targets or environ.get(ENV_VAR) or DEFAULT_TARGETS
    return Path(chosen).expanduser().resolve()


def today(argv: list[str] | None = None) -> dt.date:
    """The assessment date: `-- --today YYYY-MM-DD` (to reproduce a status or a briefing), else today.
    A date that cannot be read falls back to today (the sidebar shows which date is used)."""
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--today")
    known, _ = parser.parse_known_args(argv)
    if known.today:
        try:
            return dt.date.fromisoformat(known.today)
        except ValueError:
            pass
    return dt.date.today()


def _stamp(path: Path) -> tuple[int, int] | None:
    """What the cache is keyed on besides the path: (mtime in ns, size), None if absent."""
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size)


@st.cache_data(show_spinner="正在读取目标文件……", max_entries=8)
def _book(path: str, stamp: tuple[int, int] | None, today: dt.date) -> tracker.Book:
    # a Path: tracker reads a str not ending in .yaml as YAML text; today decides which dates lie ahead
    return tracker.load(Path(path), today=today)


@st.cache_data(show_spinner="正在计算进度……", max_entries=8)
def _status(path: str, stamp: tuple[int, int] | None, today: dt.date) -> pd.DataFrame:
    return tracker.status(_book(path, stamp, today), today=today)


@dataclass
class Loaded:
    """The targets file as the pages see it."""

    path: Path
    exists: bool
    book: tracker.Book
    status: pd.DataFrame
    today: dt.date
    modified: dt.datetime | None = None
    problems: list = field(default_factory=list)


def load(path: Path, today: dt.date | None = None) -> Loaded:
    """Load `path` through the cache; never raises (tracker.load never does)."""
    today = today or dt.date.today()
    stamp = _stamp(path)
    book = _book(str(path), stamp, today)
    status = _status(str(path), stamp, today)
    modified = dt.datetime.fromtimestamp(stamp[0] / 1e9) if stamp else None
    return Loaded(
        path=path,
        exists=stamp is not None,
        book=book,
        status=status,
        today=today,
        modified=modified,
        problems=list(book.problems),
    )


def current() -> Loaded:
    """The book for this session's targets file, assessed on `-- --today` or today."""
    return load(targets_path(), today())


def reload() -> None:
    """Forget every cached load, so the next run reads the files again."""
    _book.clear()
    _status.clear()
    _trajectory.clear()
    _texts.clear()
    _read.clear()
    document_figures.clear()
    _proposals.clear()


@st.cache_data(show_spinner=False, max_entries=64)
def _trajectory(path: str, stamp, today: dt.date, target_id: str) -> pd.DataFrame:
    book = _book(path, stamp, today)
    # Hand tracker only this target's rows: the maths is the same, the scan is not.
    one = tracker.Book(
        path=book.path,
        targets=book.targets[book.targets["id"] == target_id],
        observations=book.observations[book.observations["target_id"] == target_id],
        problems=[],
        settings=book.settings,
    )
    return tracker.trajectory(one, target_id, today=today)


def trajectory(loaded: Loaded, target_id: str) -> pd.DataFrame:
    """tracker.trajectory for one target, cached with the book it came from."""
    return _trajectory(str(loaded.path), _stamp(loaded.path), loaded.today, target_id)


@st.cache_data(show_spinner="正在提取数字……", max_entries=32)
def document_figures(text: str, doc: str | None = None, date: str | None = None) -> pd.DataFrame:
    """extract.figures, cached on the text, so reruns of a page do not extract again."""
    import extract  # the extractor loads only on pages that show document figures

    return extract.figures(text, doc=doc, date=date)


@dataclass
class Proposal:
    """targets.yaml entries proposed for a document, and the figures left out (with why)."""

    text: str
    count: int
    skipped: list[str]


def proposed_yaml(figures: pd.DataFrame, text: str, region: str | None = None, doc: str | None = None,
                  date: str | None = None) -> Proposal:
    """targets.yaml entries for a document's target figures (tracker.suggest, as
    `python -m tracker suggest` makes them). The source date is the typed one, else the one
    the text gives."""
    from extract.engine import document_date
    from tracker import suggest

    when = dt.date.fromisoformat(date) if date else document_date(text)
    found = suggest.entries(figures, region=region, doc=doc, date=when, text=text)
    return Proposal(suggest.to_yaml(found) if found else "", len(found), list(getattr(found, "skipped", [])))


@st.cache_data(show_spinner="正在与台账对照……", max_entries=16)
def _proposals(path: str, stamp, today: dt.date, text: str, doc: str, date: str | None) -> tuple[list, list]:
    from tracker.matching import propose

    when = dt.date.fromisoformat(date) if date else None
    return propose(text, _book(path, stamp, today), doc=doc, date=when)


def document_proposals(loaded: Loaded, text: str, doc: str | None = None, date: str | None = None) -> tuple[list, list]:
    """Progress the document gives the targets of the loaded book (tracker.matching.propose,
    as `python -m tracker update` finds it): (proposals, figures that match no target)."""
    return _proposals(str(loaded.path), _stamp(loaded.path), loaded.today, text, doc or "粘贴的文字", date)


def write_proposals(loaded: Loaded, proposals: list, user: str | None = None, opened: bytes = b""):
    """Write the chosen proposals (only those whose action is add) into the targets file as
    `user`, through tracker's one safe write path (checked first, refused if the file changed
    since `opened` was read, logged); returns a dashboard.editing.Result. Editors only: the
    page offers it to a logged-in editor."""
    from dashboard import editing

    result = editing.write_proposals(loaded.path, opened, user, proposals)
    reload()
    return result


def source_documents(loaded: Loaded) -> dict[str, str]:
    """The texts of the source documents named in targets.yaml that are at hand, by name."""
    names = sorted({n for n in loaded.book.targets["source_doc"] if isinstance(n, str) and n})
    found = {name: path for name in names if (path := find_document(name)) is not None}
    return _texts(tuple((name, str(path), _stamp(path)) for name, path in found.items()))


@st.cache_data(show_spinner=False, max_entries=8)
def _texts(files: tuple) -> dict[str, str]:
    texts = {}
    for name, path, _ in files:
        try:
            texts[name] = read_document(Path(path))
        except Exception:  # an unreadable source document is left out, never breaks the page
            continue
    return texts


def figures_of(texts: dict[str, str]) -> pd.DataFrame:
    """extract.figures of several documents, one table (each document cached on its text)."""
    tables = [document_figures(text, doc=name) for name, text in texts.items()]
    if not tables:
        return document_figures("")
    return pd.concat(tables, ignore_index=True)


def find_document(name: str | None) -> Path | None:
    """The file of a source document named in targets.yaml, if one is at hand."""
    if not name or not isinstance(name, str):
        return None
    extra = [Path(p) for p in os.environ.get(DOCS_ENV_VAR, "").split(os.pathsep) if p]
    for folder in (*extra, *DOCS_DIRS):
        candidate = folder / Path(name).name
        if candidate.is_file():
            return candidate
    return None


def read_document(path: Path) -> str:
    """The text of a document file, decoded the way the extractor decodes it (cached on its mtime)."""
    return _read(str(path), _stamp(path))


@st.cache_data(show_spinner=False, max_entries=32)
def _read(path: str, stamp) -> str:
    from extract.reading import read_text

    return read_text(path)


def upload_types() -> list[str]:
    """The file extensions the upload accepts: the formats extract reads."""
    from extract.reading import READ_EXTENSIONS

    return list(READ_EXTENSIONS)


@st.cache_data(show_spinner="正在读取文件……", max_entries=8)
def upload(name: str, payload: bytes):
    """An uploaded file read as the command line reads files (extract.parse_document): a web
    page's main text, title and date, a PDF's text layer, a .docx's paragraphs and tables.
    Raises extract.ReadError (its message names the file and what to do)."""
    from extract.reading import parse_document

    return parse_document(payload, name)


def read_upload(name: str, payload: bytes) -> str:
    """The text of an uploaded file (`upload(name, payload).text`), the text figures point into."""
    return upload(name, payload).text
