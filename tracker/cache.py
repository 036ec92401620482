"""An on-disk cache of parsed targets files, so that opening the dashboard (or checking a file)
again does not parse an unchanged file again.

An entry is keyed by the file's path and a BLAKE2 hash of its text, salted with the tracker's
own source code (a changed loader never serves an old parse) and the versions of Python and
pandas (the pickle format). It holds what a file says whatever the assessment date; the
loader adds the date-dependent warnings afterwards. Folder: $TRACKER_CACHE_DIR, else
$XDG_CACHE_HOME/quant-tracker, else ~/.cache/quant-tracker, readable by its owner only. The
cache never makes loading fail: an unreadable, damaged or unwritable cache is a miss.
"""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

import pandas as pd

__all__ = ["ENV_VAR", "folder", "get", "key", "put"]

ENV_VAR = "TRACKER_CACHE_DIR"
# Entries kept; the oldest are removed beyond this (a parse of 5,000 targets is about 10 MB).
KEEP = 8
_SOURCES = ("cache.py", "loader.py", "schema.py", "units.py")


def folder() -> Path:
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "quant-tracker"


@functools.lru_cache(maxsize=1)
def _salt() -> bytes:
    digest = hashlib.blake2b(f"{sys.version}|{pd.__version__}|{pickle.HIGHEST_PROTOCOL}".encode(), digest_size=16)
    here = Path(__file__).resolve().parent
    for name in _SOURCES:
        digest.update((here / name).read_bytes())
    return digest.digest()


def key(file: str, text: str) -> str:
    """The entry name of a file's text as read from `file`."""
    digest = hashlib.blake2b(_salt(), digest_size=20)
    digest.update(os.path.abspath(file).encode("utf-8", "surrogatepass") + b"\0")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def get(name: str):
    """The cached parse, or None (absent, damaged, or written by another version)."""
    try:
        with open(folder() / f"{name}.pickle", "rb") as handle:
            return pickle.load(handle)
    except Exception:  # a damaged or foreign entry is a miss, never an error
        return None


def put(name: str, parsed) -> None:
    """Store a parse (atomically: a reader never sees half an entry); errors are ignored."""
    try:
        where = folder()
        where.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tempfile.NamedTemporaryFile(dir=where, suffix=".tmp", delete=False) as handle:
            pickle.dump(parsed, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, where / f"{name}.pickle")
        entries = sorted(where.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except Exception:  # a read-only or full disk costs the speed-up, nothing else
        try:
            os.unlink(handle.name)
        except Exception:
            pass
