"""tracker.load never raises: arbitrary text and damaged copies of the bundled file give a
Book (possibly empty) and located problems."""
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tracker
from tracker.loader import OBSERVATION_COLUMNS, TARGET_COLUMNS

BUNDLED = (Path(__file__).resolve().parent.parent / "targets.yaml").read_text(encoding="utf-8")
LINES = BUNDLED.splitlines(keepends=True)
PROBLEM = re.compile(r"^<text>:\d+:\d+: \S+/\S+: .+", re.S)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def well_formed(book):
    assert list(book.targets.columns) == TARGET_COLUMNS
    assert list(book.observations.columns) == OBSERVATION_COLUMNS
    assert all(PROBLEM.match(str(p)) and p.line >= 1 and p.col >= 1 for p in book.problems)
    assert book.targets["id"].is_unique
    tracker.status(book, today="2026-01-01")


@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_text(text):
    well_formed(tracker.load(text + "\n"))


YAML_BITS = st.sampled_from(["targets:", "  - id: x", "    unit: 亿元", "    target: {value: 1, due: 2026}", "  -", ":", "- [",
                             "{", "'", '"', "\t", "&a", "*a", "!!python/object:os.system", "    progress:", "      - {date: 2024-02-30}",
                             "    baseline: {value: .nan, date: 2023}", "settings: {on_track: -1}", "---", "..."])


@SETTINGS
@given(st.lists(YAML_BITS, max_size=30))
def test_yaml_looking_junk(bits):
    well_formed(tracker.load("\n".join(bits) + "\n"))


@SETTINGS
@given(st.data())
def test_damaged_bundled_file_keeps_most_targets(data):
    """Delete or duplicate a few lines: never raises, and every entry not touched still loads."""
    lines = list(LINES)
    touched = set()
    for _ in range(data.draw(st.integers(1, 3))):
        i = data.draw(st.integers(0, len(lines) - 1))
        touched.add(i)
        if data.draw(st.booleans()):
            lines[i] = ""
        else:
            lines[i] = lines[i] + lines[i]
    book = tracker.load("".join(lines))
    well_formed(book)
    # One changed line costs at most its own entry and the one before it (a deleted "- id:"
    # line joins an entry's fields to the previous entry, whose keys then repeat).
    assert len(book.targets) >= len(tracker.load(BUNDLED).targets) - 2 * len(touched)


def test_first_entry_without_its_id_line_costs_only_itself():
    """Found by the test above: the first entry's progress points were taken for the entries."""
    lines = list(LINES)
    first_id = next(i for i, line in enumerate(lines) if line.startswith("  - id:"))
    del lines[first_id]
    book = tracker.load("".join(lines))
    well_formed(book)
    assert len(book.targets) >= len(tracker.load(BUNDLED).targets) - 2
    assert book.problems
