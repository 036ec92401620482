"""Status maths from a blind test: every expected value below was worked out by hand from the
documentation alone (targets.yaml header, README "进度、状态与预测") before the code was read;
tests/status_cases.md has the full set of cases with the arithmetic. Each table here holds the
cases that disagreed with the code and the fix that made them agree.

Targets go through tracker.load() and tracker.status(), as the command line and dashboard use them.
"""
import math

import pytest
import yaml

import tracker


def judge(target: dict, today: str, settings: dict | None = None) -> dict:
    """The status row of one target written as in targets.yaml."""
    entry = {"id": "t", "region": "某市", "indicator": "指标", "unit": "亿元", "source": {"doc": "测试"}, **target}
    doc = {"targets": [entry], **({"settings": settings} if settings else {})}
    book = tracker.load(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), today=today)
    assert not book.errors, [str(e) for e in book.errors]
    return tracker.status(book, today=today).iloc[0].to_dict()


def check(row: dict, expected: dict) -> None:
    for key, want in expected.items():
        got = row[key]
        if want is None:
            assert got is None or got is pd_na() or (isinstance(got, float) and math.isnan(got)), (key, got)
        elif isinstance(want, float):
            assert got == pytest.approx(want, abs=1e-4), (key, got)
        else:
            assert got == want, (key, got)


def pd_na():
    import pandas as pd
    return pd.NA


def obs(*pairs):
    return [{"date": d, "value": v} for d, v in pairs]


# 已完成 is "the latest observation meets the target": it needs no pace, so neither a missing
# baseline nor the lack of an observation after the baseline keeps it at 待数据.
# (id, target, today, expected)
DONE_FIRST = [
    # B03: no baseline, one observation 130 against 120 → met; gap 120 - 130 = -10.
    ("no baseline, a single observation above the target → 已完成",
     dict(target={"value": 120, "due": 2026}, progress=obs((2025, 130))), "2026-03-31",
     dict(status="已完成", gap=-10.0)),
    # The same after the due date: met is met, 待数据 would send staff looking for data in vain.
    ("no baseline, single observation meets the target, due passed → 已完成",
     dict(target={"value": 120, "due": 2025}, progress=obs((2025, 121))), "2026-06-30",
     dict(status="已完成", gap=-1.0)),
    # Down: 能耗 to 80 or less, one observation 78 → met.
    ("no baseline, down, single observation below the ceiling → 已完成",
     dict(direction="down", qualifier="le", target={"value": 80, "due": 2026}, progress=obs((2025, 78))),
     "2026-03-31", dict(status="已完成", gap=-2.0)),
    # B12: the only observation is at the baseline's date (2024) and already 125 ≥ 120.
    ("the only observation at the baseline date meets the target → 已完成",
     dict(baseline={"value": 100, "date": 2024}, target={"value": 120, "due": 2026}, progress=obs((2024, 125))),
     "2026-03-31", dict(status="已完成", gap=-5.0)),
]

@pytest.mark.parametrize("target, today, expected", [c[1:] for c in DONE_FIRST], ids=[c[0] for c in DONE_FIRST])
def test_met_is_done_before_awaiting_data(target, today, expected):
    check(judge(target, today), expected)
