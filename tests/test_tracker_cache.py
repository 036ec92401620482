"""The on-disk cache of parsed targets files: a file read again unchanged is not parsed again,
and the cache never changes what load() returns nor makes it fail."""
import pandas as pd
import pytest

import tracker
from tracker import cache, loader

TEXT = """targets:
  - id: gdp
    region: 昆山市
    indicator: 地区生产总值
    unit: 亿元
    baseline: {value: 5000, date: 2023}
    target: {value: 6000, due: 2026}
    source: {doc: d}
    progress:
      - {date: 2024, value: 5250}
      - {date: 2030, value: 5900}
  - id: bad
    region: 苏州市
"""


@pytest.fixture
def file(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path / "cache"))
    path = tmp_path / "targets.yaml"
    path.write_text(TEXT, encoding="utf-8")
    return path


def no_parsing(monkeypatch):
    def refuse(*args):
        raise AssertionError("parsed again")
    monkeypatch.setattr(loader, "_parse", refuse)


def same(a, b):
    pd.testing.assert_frame_equal(a.targets, b.targets)
    pd.testing.assert_frame_equal(a.observations, b.observations)
    assert a.problems == b.problems and a.settings == b.settings


def test_an_unchanged_file_is_not_parsed_again(file, monkeypatch):
    first = tracker.load(file, today="2026-06-30")
    no_parsing(monkeypatch)
    same(tracker.load(file, today="2026-06-30"), first)


def test_the_assessment_date_still_decides_the_warnings(file, monkeypatch):
    tracker.load(file, today="2026-06-30")
    no_parsing(monkeypatch)
    early = [p.message for p in tracker.load(file, today="2026-06-30").warnings]
    late = [p.message for p in tracker.load(file, today="2031-01-01").warnings]
    assert early == ["进展日期 2030-12-31 晚于评估日期 2026-06-30；日期可能写错"] and late == []


def test_an_edited_file_is_parsed_again(file):
    tracker.load(file)
    file.write_text(TEXT.replace("value: 5250", "value: 5300"), encoding="utf-8")
    assert list(tracker.load(file).observations["value"]) == [5300, 5900]


def test_a_damaged_entry_is_a_miss(file):
    first = tracker.load(file)
    for entry in cache.folder().glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    same(tracker.load(file), first)


def test_an_unwritable_cache_folder_costs_nothing(tmp_path, monkeypatch, file):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv(cache.ENV_VAR, str(blocker / "cache"))
    book = tracker.load(file)
    assert list(book.targets["id"]) == ["gdp"] and book.errors


@pytest.mark.parametrize("argument", ["text", "cache=False"])
def test_text_and_cache_false_always_parse(file, monkeypatch, argument):
    tracker.load(file)
    no_parsing(monkeypatch)
    with pytest.raises(AssertionError, match="parsed again"):
        if argument == "text":
            tracker.load(TEXT)
        else:
            tracker.load(file, cache=False)
