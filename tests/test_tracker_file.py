"""The bundled targets.yaml: clean, true to its documents, and self-explaining."""
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import tracker
from tracker import schema
from tracker.units import format_number

ROOT = Path(__file__).resolve().parent.parent
FILE = ROOT / "targets.yaml"
CORPUS = ROOT.parent / "shared" / "corpus"
BOOK = tracker.load(FILE)
ENTRIES = yaml.safe_load(FILE.read_text(encoding="utf-8"))["targets"]
IDS = [e["id"] for e in ENTRIES]


def test_bundled_file_is_clean():
    assert [str(p) for p in BOOK.problems] == []
    assert list(BOOK.targets["id"]) == IDS


def test_check_command_passes_on_bundled_file():
    run = subprocess.run([sys.executable, "-m", "tracker", "check", str(FILE)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout == ""


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_quote_is_copied_exactly_from_its_document(entry):
    text = (CORPUS / entry["source"]["doc"]).read_text(encoding="utf-8")
    assert entry["source"]["quote"] in text


def _derived(entry) -> bool:
    """A value the document implies but does not state (its note says how it was derived)."""
    return "推得" in str(entry.get("target", {}).get("note", ""))


@pytest.mark.parametrize("entry", [e for e in ENTRIES if "target" in e and not _derived(e)],
                         ids=[e["id"] for e in ENTRIES if "target" in e and not _derived(e)])
def test_stated_target_is_in_its_quote(entry):
    assert format_number(entry["target"]["value"]) in entry["source"]["quote"]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.get("progress")], ids=[e["id"] for e in ENTRIES if e.get("progress")])
def test_observations_from_the_same_document_are_in_it(entry):
    text = (CORPUS / entry["source"]["doc"]).read_text(encoding="utf-8")
    for point in entry["progress"]:
        if "同一文件" in str(point.get("source", "")):
            assert format_number(point["value"]) in text


def test_every_status_row():
    table = tracker.status(BOOK, today="2026-11-22")
    assert list(table["id"]) == IDS
    assert set(table["status"]) <= set(tracker.STATUSES)
    row = table.set_index("id").loc["xz-digital-investment-2023"]
    assert row["progress"] == pytest.approx(0.763, abs=0.001)     # 298.7 of the 391.5亿元 plan


HEADER = FILE.read_text(encoding="utf-8").split("\nsettings:")[0]


@pytest.mark.parametrize("name", sorted(set(schema.TARGET_FIELDS) | set(schema.BASELINE_FIELDS) | set(schema.GOAL_FIELDS)
                                        | set(schema.SOURCE_FIELDS) | set(schema.OBSERVATION_FIELDS) | set(schema.SETTINGS)
                                        | set(schema.TOP_FIELDS)))
def test_header_explains_every_field(name):
    assert re.search(rf"(?<![A-Za-z_]){name}(?![A-Za-z_])", HEADER), f"the comments at the top of targets.yaml do not explain {name}"


@pytest.mark.parametrize("code", sorted(set(schema.TYPES.values()) | set(schema.QUALIFIERS.values()) | set(schema.DIRECTIONS.values())))
def test_header_explains_every_code(code):
    assert re.search(rf"(?<![A-Za-z_]){code}(?![A-Za-z_])", HEADER)


def test_header_example_loads_cleanly():
    """The example entry in the comments is valid when copied."""
    lines = HEADER.splitlines()
    start = next(i for i, l in enumerate(lines) if l.startswith("#   - id:"))
    example = []
    for line in lines[start:]:
        if not line.startswith("#   ") or not line[4:].strip():
            break
        example.append(line[4:])
    book = tracker.load("targets:\n" + "\n".join("  " + l for l in example) + "\n")
    assert book.problems == [] and len(book.targets) == 1


def test_indicators_agree_with_the_extractor():
    """Every stated target figure is found by the extractor in its quote, with the same value."""
    extract = pytest.importorskip("extract")
    misses = []
    for entry, row in zip(ENTRIES, BOOK.targets.itertuples()):
        if "target" not in entry or _derived(entry):
            continue
        found = extract.figures(entry["source"]["quote"])
        stated = row.target_stated * (row.scale if row.category in ("money", "count", "other") else 1)
        if not any(abs(v - stated) <= 1e-9 * abs(stated) for v in found["value"]):
            misses.append(entry["id"])
    assert misses == []


def _words(text: str) -> str:
    """Comment text without its comment marks and layout (spaces and line breaks)."""
    return re.sub(r"\s+", "", "".join(line.lstrip("#") for line in text.splitlines()))


@pytest.mark.parametrize("table, name", [("FIELD_HELP", n) for n in schema.FIELD_HELP]
                         + [("OBSERVATION_HELP", n) for n in schema.OBSERVATION_HELP],
                         ids=lambda v: str(v))
def test_the_help_of_each_field_is_what_the_header_says(table, name):
    """The 编辑 page's help (tracker.schema) and the comments at the top of targets.yaml say the same."""
    help_text = getattr(schema, table)[name]
    assert f"{name}{_words(help_text)}" in _words(HEADER) or f"{name}*{_words(help_text)}" in _words(HEADER)


def test_every_target_field_has_help():
    assert set(schema.FIELD_HELP) == set(schema.TARGET_FIELDS)
    assert set(schema.OBSERVATION_HELP) == set(schema.OBSERVATION_FIELDS)
