"""The compiled extractor (native/build.py, mypyc) is the Python one, only faster.

- It reads every document of the seed corpus and of tests/gold/docs exactly as the plain
  Python modules do (EXTRACT_PURE=1, in a second process): every field of every figure.
- It is used only while it was built from the sources on disk: after an edit of a compiled
  module, the package runs that module as Python.
- In CI (`make test` builds it first) it must be there: a build that failed would otherwise
  go unnoticed, as everything would still pass, only slower.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import extract

ROOT = Path(__file__).resolve().parents[1]
BUILT = ROOT / "native" / "build"
needs_build = pytest.mark.skipif(not extract.COMPILED and not os.environ.get("CI"),
                                 reason="no compiled build here (make native)")

#: Prints the records of each file named in argv as JSON lines, by whichever modules the package runs.
_DUMP = """
import json, sys
import extract
from extract import engine
print(json.dumps({"compiled": extract.COMPILED}))
for name in sys.argv[1:]:
    print(json.dumps(engine.records(extract.read_text(name), doc=name, date="2024-06-30"), ensure_ascii=False,
                     default=str))
"""


def _dump(files: list[str], cwd: Path, pure: bool) -> tuple[bool, list[str]]:
    env = {k: v for k, v in os.environ.items() if k != "EXTRACT_PURE"}
    if pure:
        env["EXTRACT_PURE"] = "1"
    proc = subprocess.run([sys.executable, "-c", _DUMP, *files], cwd=cwd, env=env, capture_output=True,
                          text=True, check=True)
    head, *rows = proc.stdout.splitlines()
    return json.loads(head)["compiled"], rows


def test_in_ci_the_extractor_runs_compiled():
    if os.environ.get("CI"):
        assert extract.COMPILED, "native/build.py did not build, or built from other sources (make native)"


@needs_build
def test_the_compiled_extractor_reads_every_document_as_the_python_one():
    files = sorted(str(p) for p in (ROOT.parent / "shared" / "corpus").glob("*.txt"))
    files += sorted(str(p) for p in (ROOT / "tests" / "gold" / "docs").glob("*.txt"))
    compiled, native_rows = _dump(files, ROOT, pure=False)
    python, python_rows = _dump(files, ROOT, pure=True)
    assert (compiled, python) == (True, False)
    assert len(native_rows) == len(files)
    for name, a, b in zip(files, native_rows, python_rows):
        assert a == b, name
    assert sum(len(json.loads(r)) for r in native_rows) > 1000  # the documents hold figures


@needs_build
def test_an_edited_source_runs_as_python_until_rebuilt(tmp_path):
    shutil.copytree(ROOT / "extract", tmp_path / "extract", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(BUILT, tmp_path / "native" / "build")
    probe = "import extract, extract.classify as c; print(extract.COMPILED, c.__file__.endswith('.py'))"

    def run() -> str:
        env = {k: v for k, v in os.environ.items() if k not in ("EXTRACT_PURE", "PYTHONPATH")}
        return subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True,
                              text=True, check=True).stdout.strip()

    assert run() == "True False"  # built from these very sources: compiled
    with (tmp_path / "extract" / "classify.py").open("a", encoding="utf-8") as f:
        f.write("\n# an edit\n")
    assert run() == "False True"  # one source edited: every module runs as Python


@needs_build
def test_a_build_that_does_not_load_leaves_python_running(tmp_path):
    """A damaged build (or one copied from another machine) that passes the manifest check but
    does not load: the package runs as Python rather than failing to import."""
    shutil.copytree(ROOT / "extract", tmp_path / "extract", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(BUILT, tmp_path / "native" / "build")
    for so in (tmp_path / "native" / "build" / "extract").glob("engine*.so"):
        so.write_bytes(b"not a shared library")
    probe = ("import extract; print(extract.COMPILED, len(extract.figures('地区生产总值增长5%。')), "
             "extract.engine.__file__.endswith('.py'), extract.classify.__file__.endswith('.py'))")
    env = {k: v for k, v in os.environ.items() if k not in ("EXTRACT_PURE", "PYTHONPATH")}
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "False 1 True True"


def test_extract_pure_asks_for_python():
    env = {**os.environ, "EXTRACT_PURE": "1"}
    out = subprocess.run([sys.executable, "-c", "import extract; print(extract.COMPILED)"], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"
