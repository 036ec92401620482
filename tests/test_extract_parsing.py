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


# --- engine.py: the table API, doublings, bare amounts, fractions, run-on text (found by `make mutate`)

def test_records_are_the_rows_of_the_table():
    text = "力争用3年时间新增地区生产总值1000亿元。"
    recs = extract.engine.records(text, doc="a.txt", date="2024-02-17")
    assert [list(r) for r in recs] == [extract.engine.COLUMNS]
    assert (recs[0]["doc"], recs[0]["text"], recs[0]["deadline"]) == ("a.txt", "1000亿元", 2026)
    import pandas as pd
    pd.testing.assert_frame_equal(extract.engine.table(recs), extract.figures(text, doc="a.txt", date="2024-02-17"))


def test_the_empty_table_has_the_columns_and_types():
    empty = extract.engine.empty_table()
    assert list(empty.columns) == extract.engine.COLUMNS and len(empty) == 0
    assert (str(empty.dtypes["deadline"]), str(empty.dtypes["start"]), str(empty.dtypes["value"])) == (
        "Int64", "int64", "float64")
    assert list(empty.dtypes["category"].categories) == extract.engine.CATEGORIES


MORE_PARSING = [
    # 翻n番 doubles n times: 2**n
    ("fan-three", "全市经济总量翻三番。", [("翻三番", 8, "multiple")]),
    ("fan-four", "全市经济总量翻四番。", [("翻四番", 16, "multiple")]),
    # a bare amount keeps its currency
    ("bare-dollars", "外贸进出口突破千亿美元。", [("千亿美元", 1e11, "money")]),
    # fractions: a numerator that is no number (一二, "one or two") or more than the whole is no figure
    ("fraction-of-no-number", "新能源汽车占十分之一二。", []),
    ("fraction-over-one", "新能源汽车占五分之六。", []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in MORE_PARSING], ids=[c[0] for c in MORE_PARSING])
def test_more_parsing(text, expected):
    assert rows(text) == expected


def test_text_without_punctuation_is_read_300_characters_around_a_figure():
    """A 'sentence' longer than 600 characters is read in a window of 300 either side of the figure:
    the cue 力争 294 characters before the figure makes it a target, 314 characters before it is out of reach."""
    filler = "各项工作稳步推进" * 100

    def runon(before):
        return "力争" + filler[:before - 2] + "新增企业300家" + filler[:400]

    kinds = [[r["kind"] for r in extract.engine.records(runon(n))] for n in (290, 310)]
    assert kinds == [["target"], ["actual"]]
