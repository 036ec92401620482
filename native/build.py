#!/usr/bin/env python3
"""Compile the extractor's core modules to C with mypyc (`make native`; `make test` and
`make dashboard` run it when a source changed).

    .venv/bin/python native/build.py           # build native/build/extract/ (about 50 s on 2 cores)
    .venv/bin/python native/build.py --clean   # remove it: the extractor runs as plain Python

mypyc (part of mypy) compiles type-annotated Python to C extension modules: the same source,
the same behaviour, about a quarter faster here (bench/extract_bench.py prints both). Only the
modules where extraction spends its time are compiled (MODULES). The built modules go to
native/build/extract/, beside a manifest of the sources they were built from (their SHA-256,
the Python version and mypyc's). `extract/__init__.py` uses them only while the manifest
matches the sources on disk: an edited source is run as Python until the next build, never
as a stale binary. EXTRACT_PURE=1 runs plain Python whatever is built (mutation testing, a
debugger). Where the build fails (no C compiler), the extractor runs as plain Python and this
script says why (in CI, with CI set, a failed build fails).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "native" / "build"
MANIFEST = OUT / "extract" / "SOURCES.json"

#: The modules compiled, in the package `extract`: where extraction spends its time.
MODULES = ["engine", "classify", "structure", "numbers", "normalize", "patterns"]

#: The shared library of the compiled modules, inside the package (import extract._native__mypyc),
#: so that they import from wherever the package is.
GROUP = "extract._native"


def manifest(root: Path = ROOT) -> dict:
    """What a build is built from: each compiled source's SHA-256, the Python ABI, mypyc's version."""
    import mypy.version

    return {
        "abi": sysconfig.get_config_var("EXT_SUFFIX"),
        "mypy": mypy.version.__version__,
        "sources": {m: hashlib.sha256((root / "extract" / f"{m}.py").read_bytes()).hexdigest() for m in MODULES},
    }


def build() -> int:
    try:
        from mypyc.build import mypycify
        from setuptools import setup
    except ImportError as e:
        print(f"native/build.py: {e}; the extractor runs as plain Python", file=sys.stderr)
        return 0
    want = manifest()
    try:
        if json.loads(MANIFEST.read_text(encoding="utf-8")) == want:
            MANIFEST.touch()  # built from these very sources: newer than them for make, nothing to do
            print("native/build.py: the build is up to date")
            return 0
    except (OSError, ValueError):
        pass
    shutil.rmtree(OUT, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="mypyc-") as temp:
        cwd = os.getcwd()
        os.chdir(ROOT)  # mypyc names modules by their paths from here (extract/engine.py → extract.engine)
        try:
            extensions = mypycify(
                ["--ignore-missing-imports", "--follow-imports=silent", "--cache-dir", os.path.join(temp, "mypy")]
                + [f"extract/{m}.py" for m in MODULES],
                opt_level="3", group_name=GROUP, target_dir=os.path.join(temp, "c"))
            setup(name="extract-native", ext_modules=extensions, script_args=[
                "--quiet", "build_ext", "--build-lib", str(OUT), "--build-temp", os.path.join(temp, "o")])
        except (SystemExit, Exception) as e:  # a type error mypyc cannot compile, no compiler, ...
            shutil.rmtree(OUT, ignore_errors=True)
            print(f"native/build.py: the build failed ({e}); the extractor runs as plain Python", file=sys.stderr)
            return 1 if os.environ.get("CI") else 0  # CI must notice; elsewhere the Python modules do the work
        finally:
            os.chdir(cwd)
    MANIFEST.write_text(json.dumps(want, indent=1) + "\n", encoding="utf-8")
    print(f"native/build.py: compiled {', '.join(MODULES)} → {OUT.relative_to(ROOT)}/extract")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clean", action="store_true", help="remove the build")
    args = parser.parse_args()
    if args.clean:
        shutil.rmtree(OUT, ignore_errors=True)
        return 0
    return build()


if __name__ == "__main__":
    sys.exit(main())
