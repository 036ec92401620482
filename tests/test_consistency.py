"""Consistency between the parts (STYLE.md 10): what staff track is what the extractor knows."""
from pathlib import Path

import pytest

import tracker
from extract import vocab

BOOK = tracker.load(Path(__file__).resolve().parent.parent / "targets.yaml")
ROWS = list(BOOK.targets.itertuples())


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.id)
def test_every_indicator_ends_with_a_known_head(row):
    assert row.indicator.endswith(vocab.INDICATOR_HEADS), (
        f"{row.id}: {row.indicator} ends with no word of extract.vocab.INDICATOR_HEADS; add its head there")


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.id)
def test_every_region_is_known_or_anonymous(row):
    assert row.region in vocab.REGIONS.values() or row.region == "某区"
