"""`make mutate`: mutation testing of the core modules with mutmut, each against its own tests.

For each module below, mutmut (3.x) changes its functions one small edit at a time (a `>=`
becomes `>`, a constant changes, a word of a string changes, ...) and runs the tests that
cover the changed function; a mutant that no test notices "survived". Each module runs in a
work folder of its own (`.mutate/<module>/`, kept between runs: mutmut re-tests only the
functions that changed since), with the module's own test files only, so that a run stays
within reach of a 2-core machine.

    python tests/mutation/mutate.py                      # every module
    python tests/mutation/mutate.py tracker/progress.py  # one (or several) of them
    python tests/mutation/mutate.py --summary            # print the last results, run nothing

Printed per module: mutants, killed, survived, the mutation score (killed / mutants that ran),
and each survivor with its diff, marked when tests/mutation/equivalent.md explains it as an
equivalent mutant (one no test can kill, because the program behaves the same). Exit code 1
when a module is below the goal or a survivor is left unexplained.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
WORK = ROOT / ".mutate"
EQUIVALENT = Path(__file__).with_name("equivalent.md")
GOAL = 0.90

#: module -> the test files that exercise it (its own tests; the generated ones included).
MODULES: dict[str, list[str]] = {
    "tracker/progress.py": ["tests/test_tracker_status.py", "tests/test_tracker_invariants.py",
                            "tests/test_tracker_status_table.py"],
    "tracker/units.py": ["tests/test_tracker_units.py"],
    # (test_tracker_robustness.py feeds the loader a minute of random text: too slow to run for each
    # of its ~3000 mutants; its examples are for crashes, which the tables below cover too)
    "tracker/loader.py": ["tests/test_tracker_check.py", "tests/test_tracker_file.py",
                          "tests/test_tracker_syntax.py"],
    "tracker/matching.py": ["tests/test_tracker_update.py", "tests/test_tracker_tables.py"],
    "extract/numbers.py": ["tests/test_extract_numbers.py", "tests/test_extract_parsing.py",
                           "tests/test_extract_generated.py"],
    "extract/normalize.py": ["tests/test_extract_numbers.py", "tests/test_extract_parsing.py",
                             "tests/test_extract_generated.py"],
    "extract/classify.py": ["tests/test_extract_classify.py", "tests/test_extract_vocabulary.py",
                            "tests/test_extract_generated.py"],
    # (the parsing and structure tests cover _parse's number forms and the headline and lead rules)
    "extract/engine.py": ["tests/test_extract_numbers.py", "tests/test_extract_parsing.py",
                          "tests/test_extract_classify.py", "tests/test_extract_structure.py",
                          "tests/test_extract_vocabulary.py", "tests/test_extract_generated.py"],
}

#: Tests left out of a module's run: they start a subprocess for a few seconds each, which the
#: other tests of the module cover in-process.
DESELECT = {
    "tracker/loader.py": ["tests/test_tracker_file.py::test_check_command_passes_on_bundled_file"],
}

#: What the tests read besides the packages and tests/ (copied into mutmut's folder).
ALSO_COPY = ("targets.yaml", "docs")

#: pytest options of every run. mutmut collects the tests in its own process and then forks a
#: child per mutant that collects them again; pytest (9.x) keeps the ids it made for a
#: `parametrize(..., ids=...)` on the mark and escapes them once more on the second collection
#: (test_matching[\u89c4…] becomes test_matching[\\u89c4…]). The ids mutmut passes then name no
#: test, pytest exits with a usage error, and mutmut counts the mutant as killed: with escaping,
#: every mutant of matching.py was "killed". Unescaped ids are the same on every collection.
PYTEST_OPTIONS = ("-p", "no:cacheprovider", "-q",
                  "-o", "disable_test_id_escaping_and_forfeit_all_rights_to_community_support=true")

_KILLED = {1, 3, 37}           # test failure, pytest internal error, type check
_SURVIVED = {0}
_TIMEOUT = {36, 24, -24, 152, 255}
_NO_TESTS = {5, 33}


def _setup(module: str) -> Path:
    """The module's work folder: links to the sources, tests and data, and mutmut's config."""
    work = WORK / Path(module).stem
    work.mkdir(parents=True, exist_ok=True)
    for name in ("extract", "tracker", "tests", *ALSO_COPY):
        link = work / name
        if not link.exists():
            link.symlink_to(ROOT / name)
    # The tests find ../shared beside the repository root; under mutmut that root is mutants/.
    for where in (work, work / "mutants"):
        where.mkdir(exist_ok=True)
        if not (where / "shared").exists() and SHARED.exists():
            (where / "shared").symlink_to(SHARED)
    tests = "\n    ".join(t for t in MODULES[module] if (ROOT / t).exists())
    options = "".join(f"    {o}\n" for o in PYTEST_OPTIONS)
    deselect = "".join(f"    --deselect\n    {t}\n" for t in DESELECT.get(module, []))
    (work / "setup.cfg").write_text(
        "[mutmut]\n"
        "source_paths =\n    extract/\n    tracker/\n"
        f"only_mutate =\n    {module}\n"
        "also_copy =\n    " + "\n    ".join(ALSO_COPY) + "\n"
        f"pytest_add_cli_args_test_selection =\n    {tests}\n"
        f"pytest_add_cli_args =\n{options}{deselect}"
        "use_git_change_detection = false\n",
        encoding="utf-8",
    )
    return work


_SAME_IDS = """
import sys, pytest
runs = []
class Ids:
    def pytest_collection_finish(self, session):
        runs.append([item.nodeid for item in session.items])
for _ in range(2):
    pytest.main(["--collect-only", "-qq", *sys.argv[1:]], plugins=[Ids()])
changed = [a for a, b in zip(*runs) if a != b] if len(runs) == 2 else ["(collection failed)"]
print(len(changed), changed[:3])
sys.exit(1 if changed or not runs[0] else 0)
"""


def _ids_are_stable(module: str) -> bool:
    """Whether the module's tests keep their ids when collected twice in one process, as mutmut
    collects them (see PYTEST_OPTIONS): if not, mutmut would count mutants as killed unrun."""
    tests = [t for t in MODULES[module] if (ROOT / t).exists()]
    proc = subprocess.run([sys.executable, "-c", _SAME_IDS, *PYTEST_OPTIONS, *tests], cwd=ROOT,
                          env={**os.environ, "CI": "true", "PYTHONPATH": str(ROOT), "EXTRACT_PURE": "1"}, capture_output=True, text=True)
    if proc.returncode != 0:
        print(f"   the tests of {module} change their ids when collected a second time: "
              f"{(proc.stdout.strip().splitlines() or [proc.stderr])[-1][:300]}", flush=True)
    return proc.returncode == 0


def _survivors(module: str) -> list[str]:
    meta = WORK / Path(module).stem / "mutants" / (module + ".meta")
    if not meta.exists():
        return []
    codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    return sorted(k for k, c in codes.items() if c in _SURVIVED | _NO_TESTS)


def _run(module: str, children: int, survivors_only: bool = False) -> None:
    work = _setup(module)
    if not _ids_are_stable(module):
        print("   not run: mutmut could not select these tests by id", flush=True)
        return
    mutmut = Path(sys.executable).with_name("mutmut")
    # derandomized property tests (the same examples every run), with the smaller budget of
    # tests/strategies.budget: each surviving mutant runs its tests once more
    # EXTRACT_PURE: the mutants are of the Python source, so never the compiled modules (native/build.py)
    env = {**os.environ, "CI": "true", "MUTATION_RUN": "1", "EXTRACT_PURE": "1"}
    print(f"== {module}: mutmut run ({', '.join(MODULES[module])})", flush=True)
    log = work / "run.log"
    with log.open("w", encoding="utf-8") as out:
        names = _survivors(module) if survivors_only else []
        if survivors_only and not names:
            print("   no survivors to run again", flush=True)
            return
        proc = subprocess.run([str(mutmut), "run", "--max-children", str(children), *names], cwd=work, env=env,
                              stdout=out, stderr=subprocess.STDOUT)
    if proc.returncode != 0:
        print(f"   mutmut ended with exit code {proc.returncode}; see {log}", flush=True)


def _equivalents() -> dict[str, str]:
    """Mutant name -> why it is equivalent, from the table rows of equivalent.md."""
    out = {}
    if EQUIVALENT.exists():
        for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
            m = re.match(r"\|\s*`([\w.]+__mutmut_\d+)`\s*\|(.+)\|\s*$", line)
            if m:
                out[m.group(1)] = m.group(2).strip()
    return out


_DIFFS = """
import json, sys
from mutmut.mutation.diff_apply import get_diff_for_mutant
path, names = sys.argv[1], sys.argv[2:]
out = {}
for name in names:
    try:
        out[name] = get_diff_for_mutant(name, path=path)
    except Exception as e:  # a mutant of code changed since: no diff to show
        out[name] = f"({e})"
print(json.dumps(out))
"""


def _diffs(work: Path, module: str, names: list[str]) -> dict[str, str]:
    """The changed lines of each mutant, read by mutmut in one process."""
    if not names:
        return {}
    proc = subprocess.run([sys.executable, "-c", _DIFFS, module, *names], cwd=work, capture_output=True, text=True)
    try:
        raw = json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {}
    out = {}
    for name, diff in raw.items():
        lines = [ln for ln in diff.splitlines() if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]
        out[name] = "\n".join("        " + ln for ln in lines[:6])
    return out


def summary(module: str, show_diffs: bool = True) -> tuple[float, int]:
    """Print the module's results; return (score, unexplained survivors)."""
    work = WORK / Path(module).stem
    meta = work / "mutants" / (module + ".meta")
    if not meta.exists():
        print(f"{module}: not run yet")
        return 0.0, 0
    codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    equivalent = _equivalents()
    killed = sum(c in _KILLED or c in _TIMEOUT for c in codes.values())
    survived = sorted(k for k, c in codes.items() if c in _SURVIVED)
    no_tests = sorted(k for k, c in codes.items() if c in _NO_TESTS)
    other = sorted(k for k, c in codes.items()
                   if c not in _KILLED | _TIMEOUT | _SURVIVED | _NO_TESTS)
    ran = killed + len(survived) + len(no_tests)
    score = killed / ran if ran else 0.0
    explained = [k for k in survived + no_tests if k in equivalent]
    unexplained = [k for k in survived + no_tests if k not in equivalent]
    adjusted = (killed + len(explained)) / ran if ran else 0.0
    print(f"{module}: {len(codes)} mutants, {killed} killed, {len(survived)} survived, "
          f"{len(no_tests)} not covered by its tests, {len(other)} not run; "
          f"score {score:.1%} ({adjusted:.1%} counting the {len(explained)} explained as equivalent)")
    diffs = _diffs(work, module, unexplained) if show_diffs else {}
    for k in survived + no_tests:
        tag = "equivalent: " + equivalent[k] if k in equivalent else (
            "SURVIVED" if k in survived else "NO TESTS")
        print(f"    {k}  [{tag}]")
        if k in diffs:
            print(diffs[k])
    return score, len(unexplained)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="modules to run (default: all)")
    parser.add_argument("--summary", action="store_true", help="print the last results only")
    parser.add_argument("--survivors", action="store_true",
                        help="run again only the mutants that survived last time (after adding tests)")
    parser.add_argument("--children", type=int, default=os.cpu_count() or 2, help="worker processes")
    args = parser.parse_args(argv)
    modules = args.modules or list(MODULES)
    unknown = [m for m in modules if m not in MODULES]
    if unknown:
        parser.error(f"unknown module(s): {', '.join(unknown)}; known: {', '.join(MODULES)}")
    if not args.summary:
        if shutil.which("mutmut", path=str(Path(sys.executable).parent)) is None:
            print("mutmut is not installed in this environment (pip install -r requirements.txt)")
            return 2
        for module in modules:
            _run(module, args.children, args.survivors)
    print()
    failing = 0
    for module in modules:
        score, unexplained = summary(module)
        failing += score < GOAL or unexplained > 0
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
