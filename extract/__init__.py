"""Figures from Chinese policy text: every quantity with its unit, as a tidy pandas table.

    import extract
    table = extract.figures("到2025年，地区生产总值突破6000亿元。", doc="x.txt")
    table[["text", "value", "category", "kind", "deadline"]]
    #      text         value category    kind  deadline
    # 0  6000亿元  6.000000e+11    money  target      2025

    extract.figures_from_files(["a.txt", "b.txt"])  # one table, one document at a time
    extract.read_text("gbk.txt")                    # UTF-8, GBK/GB18030 or UTF-16, detected
    extract.read_document("公报.pdf")               # text, format, encoding, title, date (.txt .html .pdf .docx)

Web pages, PDF and Word .docx are read too (extract/reading.py says how). The columns are
those of ../shared/FIGURES.md (`COLUMNS`). Unreadable input raises
`ReadError` (an `ExtractError`); text never does. The command line is
`python -m extract FILE... --format table|jsonl|csv` (see extract/__main__.py).

The core modules run compiled (mypyc, `make native`: native/build.py) when a build of these
very sources is there, else as plain Python; `COMPILED` says which ran. EXTRACT_PURE=1 asks
for plain Python.
"""
import hashlib
import json
import os
import sys
import sysconfig
from pathlib import Path


def _use_compiled() -> None:
    """Put the compiled modules first on the package's path if they were built from the sources
    on disk (native/build/extract/SOURCES.json); an edited source runs as Python until rebuilt."""
    if os.environ.get("EXTRACT_PURE"):
        return
    here = Path(__file__).resolve().parent
    built = here.parent / "native" / "build" / "extract"
    try:
        manifest = json.loads((built / "SOURCES.json").read_text(encoding="utf-8"))
        fresh = manifest["abi"] == sysconfig.get_config_var("EXT_SUFFIX") and all(
            hashlib.sha256((here / f"{name}.py").read_bytes()).hexdigest() == digest
            for name, digest in manifest["sources"].items())
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return
    if fresh:
        __path__.insert(0, str(built))


_use_compiled()

try:
    from . import engine as _engine  # noqa: E402  (after the path is set)
except ImportError:
    if len(__path__) < 2:
        raise
    # a build that does not load here (copied from another machine, a damaged file): plain Python
    del __path__[0]
    for _name in [n for n in sys.modules if n.startswith(__name__ + ".")]:
        del sys.modules[_name]
    from . import engine as _engine  # noqa: E402
from .engine import COLUMNS, figures  # noqa: E402

#: The core modules run compiled (a C extension), not as Python source.
COMPILED = not _engine.__file__.endswith(".py")
from .reading import Document, ExtractError, ReadError, figures_from_files, parse_document, read_document, read_text

__all__ = ["COLUMNS", "COMPILED", "Document", "ExtractError", "ReadError", "figures", "figures_from_files", "parse_document",
           "read_document", "read_text"]
