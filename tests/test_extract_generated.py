"""The extractor on generated policy sentences whose figures are known (issue #12).

tests/strategies.py composes sentences from pieces with a known meaning (number forms, scales,
units, qualifiers, decrease words, cues of kind, deadlines, traditional characters, pinyin
readings) and says, for each figure it put in, where it stands and what FIGURES.md makes of
it. The extractor must return exactly those figures: no more, no fewer, each at the offsets
the builder counted, with that value, high end, sign, category, unit, qualifier, kind and
deadline. Every example holds at least one figure, so every check runs on every example.

A second oracle needs no grammar: each figure's own text, read alone, gives the same number.
"""
import math

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings

import extract
from strategies import budget, chinese, texts

FIELDS = ("start", "end", "text", "value", "value_max", "category", "unit", "qualifier", "kind", "deadline")
generated = settings(max_examples=budget(250), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _clean(x):
    return None if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)) else x


def _row(r: dict) -> dict:
    out = {k: _clean(r[k]) for k in FIELDS}
    for k in ("value", "value_max"):
        if out[k] is not None:
            out[k] = float(f"{out[k]:.12g}")       # the same value, whatever the float rounding
    for k in ("start", "end", "deadline"):
        if out[k] is not None:
            out[k] = int(out[k])
    return out


def records(text, date=None) -> list[dict]:
    """The public table, row by row."""
    return extract.figures(text, doc="生成.txt", date=date).to_dict("records")


@generated
@given(texts())
def test_generated_sentences_yield_exactly_their_figures(case):
    text, date, expected = case
    assert expected, "every example puts a figure in"
    got = [_row(r) for r in records(text, date)]
    assert got == [_row(e) for e in expected], text


@generated
@given(texts())
def test_each_figure_read_alone_gives_its_own_number(case):
    """Re-parse every span on its own: the same magnitude (a decrease word, a list's shared unit
    and a bare magnitude's subject stand outside the span, so sign and category may differ)."""
    text, date, expected = case
    rows = records(text, date)
    assert rows
    for r in rows:
        span = text[r["start"]:r["end"]]
        alone = records(span)
        if r["unit"] and span[-1:] not in "0123456789０１２３４５６７８９":
            assert len(alone) == 1, (span, alone)
            assert abs(alone[0]["value"]) == pytest.approx(abs(r["value"]), rel=1e-12)
            if _clean(r["value_max"]) is not None:
                assert abs(alone[0]["value_max"]) == pytest.approx(abs(r["value_max"]), rel=1e-12)


#: Cases the grammar found, as fixed examples: (text, [(text, value)] expected in order).
FOUND = [
    pytest.param("研發經費力爭達到6.9與1.4%。", [("6.9", 6.9), ("1.4%", 1.4)], id="traditional-list-separator-yu"),
    pytest.param("研发经费力争达到6.9与1.4%。", [("6.9", 6.9), ("1.4%", 1.4)], id="simplified-list-separator-yu"),
]


@pytest.mark.parametrize("text, figures", FOUND)
def test_found_by_the_grammar(text, figures):
    assert [(r["text"], r["value"]) for r in records(text)] == figures


#: The writer of Chinese numerals the grammar uses, against numbers written out by hand.
NUMERALS = [
    pytest.param(10, "十", id="ten"),
    pytest.param(15, "十五", id="fifteen"),
    pytest.param(105, "一百零五", id="hundred-zero-five"),
    pytest.param(110, "一百一十", id="hundred-ten"),
    pytest.param(2480, "二千四百八十", id="thousands"),
    pytest.param(20300, "二万零三百", id="wan-zero-hundreds"),
    pytest.param(20010, "二万零一十", id="wan-zero-ten"),
    pytest.param(150000, "十五万", id="fifteen-wan"),
    pytest.param(10005000, "一千万五千", id="qianwan-then-thousands"),
]


@pytest.mark.parametrize("n, written", NUMERALS)
def test_the_grammars_chinese_numerals(n, written):
    assert chinese(n) == written
