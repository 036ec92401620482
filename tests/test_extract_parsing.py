"""Parsing edge cases that the sentence tables do not reach (issue #12, found by `make mutate`).

Each case is a sentence and what FIGURES.md makes of it, worked out by hand: thousands grouped by a
no-break or thin space (typeset PDFs), a traditional 兩 in 兩成, a number too long for a float
(no figure rather than an infinite one), and a traditional phrase whose simplified form differs
from its characters' (乾隆 stays 乾隆; character by character it would be 干隆).
"""
import math

import pytest

import extract


def rows(text):
    return [(r.text, r.value, r.category) for r in extract.figures(text).itertuples()]


PARSING = [
    ("no-break-space-thousands", "小巨人企業總數達4\u00a0410家。", [("4\u00a0410家", 4410, "count")]),
    ("thin-space-thousands", "另有高新技術企業2\u2009300家。", [("2\u2009300家", 2300, "count")]),
    ("traditional-liang-cheng", "新能源汽車占兩成。", [("兩成", 20, "percent")]),
    ("traditional-liang-count", "培育科技型中小企業兩萬家。", [("兩萬家", 20000, "count")]),
    ("too-long-for-a-float", "全市投資" + "9" * 400 + "億元。", []),
    ("nothing", "全市經濟運行總體平穩。", []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in PARSING], ids=[c[0] for c in PARSING])
def test_parsing(text, expected):
    got = rows(text)
    assert [(t, c) for t, _, c in got] == [(t, c) for t, _, c in expected]
    assert all(math.isclose(g[1], e[1]) for g, e in zip(got, expected))


def test_a_phrase_is_simplified_as_a_phrase():
    """OpenCC converts 乾隆 as a name (乾 kept), not character by character (干)."""
    r = extract.figures("全市現存乾隆御碑300座。").iloc[0]
    assert (r["text"], r["indicator"]) == ("300座", "现存乾隆御碑")
