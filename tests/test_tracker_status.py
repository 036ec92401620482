"""Status maths: worked examples of the Open SDG progress measure, one per case id."""
import math

import pandas as pd
import pytest

import tracker
from tracker.progress import assess

D = pd.Timestamp
TODAY = D("2025-06-30")


def target(kind="level", base=None, base_date=None, goal=None, due=None, direction="up", qualifier="eq", stated=None):
    """A target as Book.targets holds it; an increment's level is base + stated, as the loader derives it."""
    level = goal if kind != "increment" or base is None or stated is None else base + stated
    return dict(type=kind, baseline=base, baseline_date=D(base_date) if base_date else None,
                target=level, target_stated=stated if kind == "increment" else goal,
                due=D(due) if due else None, direction=direction, qualifier=qualifier)


GDP = dict(base=5000, base_date="2023-12-31", goal=6000, due="2026-12-31")      # +20% in 3 years
ENERGY = dict(base=100, base_date="2020-12-31", goal=90, due="2025-12-31", direction="down")

# (id, target, observations [(date, value)], today, status, ratio or None)
CASES = [
    # The worked example, by hand. Baseline 2023-12-31, due 2026-12-31 (1096 days =
    # 3.0007 years), 5250 on 2024-12-31 (366 days = 1.0021 years):
    #   observed CAGR = 1.05 ** (1 / 1.0021) - 1 = 0.04989
    #   required CAGR = 1.2 ** (1 / 3.0007) - 1 = 0.06264
    #   R = 0.04989 / 0.06264 = 0.7965 ≈ 0.80, between 0.6 and 0.95 → 需加快
    ("GDP 5000→6000亿 in 3 years, 5250 after 1 year → 需加快, R≈0.80",
     target(**GDP), [("2024-12-31", 5250)], TODAY, "需加快", 0.797),
    ("GDP 5000→6000亿 in 3 years, 5350 after 1 year → 进度正常, R≈1.12",
     target(**GDP), [("2024-12-31", 5350)], TODAY, "进度正常", 1.116),
    ("GDP 5000→6000亿 in 3 years, 5100 after 1 year → 进展缓慢, R≈0.32",
     target(**GDP), [("2024-12-31", 5100)], TODAY, "进展缓慢", 0.319),
    ("GDP 5000→6000亿 in 3 years, 4900 after 1 year → 倒退, R≈-0.32",
     target(**GDP), [("2024-12-31", 4900)], TODAY, "倒退", -0.323),
    ("GDP 5000→6000亿, 6100 after 2 years → 已完成",
     target(**GDP), [("2024-12-31", 5500), ("2025-12-31", 6100)], D("2026-03-01"), "已完成", None),
    ("only the latest observation counts: 5600 then 5250 after 1 year → 需加快",
     target(**GDP), [("2024-06-30", 5600), ("2024-12-31", 5250)], TODAY, "需加快", 0.797),
    ("the same GDP target checked after its due date, 5900 at the due date → 逾期未完成",
     target(**GDP), [("2024-12-31", 5250), ("2026-12-31", 5900)], D("2027-03-01"), "逾期未完成", None),
    ("the same GDP target after its due date with only 2024 data → 待数据 (已到期，待最新数据)",
     target(**GDP), [("2024-12-31", 5250)], D("2027-03-01"), "待数据", None),
    ("the same GDP target on its due date (not yet passed) with 2024 data → still judged: 需加快",
     target(**GDP), [("2024-12-31", 5250)], D("2026-12-31"), "需加快", 0.797),
    ("超1.3万亿 (gt) is strict: exactly 1.3 at the deadline is not done → 逾期未完成",
     target(base=1.1, base_date="2023-12-31", goal=1.3, due="2026-12-31", qualifier="gt"),
     [("2026-12-31", 1.3)], D("2027-01-01"), "逾期未完成", 1.0),
    ("能耗 100→90 in 5 years (down), 97 after 2 years → 需加快, R≈0.72",
     target(**ENERGY), [("2022-12-31", 97)], TODAY, "需加快", 0.725),
    ("能耗 100→90 in 5 years (down), 95 after 2 years → 进度正常, R≈1.21",
     target(**ENERGY), [("2022-12-31", 95)], TODAY, "进度正常", 1.213),
    ("能耗 100→90 in 5 years (down), 103 after 1 year → 倒退, R≈-1.44",
     target(**ENERGY), [("2021-12-31", 103)], TODAY, "倒退", -1.44),
    ("能耗 100→90 (down), 89 → 已完成",
     target(**ENERGY), [("2024-12-31", 89)], TODAY, "已完成", None),
    ("zero baseline: chains 0→2 in 5 years, 1 after 2 years → linear, 进度正常, R=1.25",
     target(base=0, base_date="2024-12-31", goal=2, due="2029-12-31"), [("2026-12-31", 1)], D("2027-01-01"),
     "进度正常", 1.25),
    ("zero baseline: 0→10 in 5 years, 1 after 2.5 years → linear, 进展缓慢, R≈0.20",
     target(base=0, base_date="2020-12-31", goal=10, due="2025-12-31"), [("2023-06-30", 1)], TODAY,
     "进展缓慢", 0.2),
    ("每年实施300项, 200 by end of June → 进度正常, R≈1.34",
     target(kind="flow", goal=300, qualifier="ge"), [("2025-06-30", 200)], TODAY, "进度正常", 1.344),
    ("每年实施300项, 100 by end of September → 进展缓慢, R≈0.45",
     target(kind="flow", goal=300, qualifier="ge"), [("2025-09-30", 100)], D("2025-10-01"), "进展缓慢", 0.446),
    ("智改数转投资 298.7 of 391.5亿 plan (76.3%) by 1-9月 → 进度正常, R≈1.02",
     target(kind="flow", goal=391.5, due="2023-12-31"), [("2023-09-30", 298.7)], D("2023-12-25"), "进度正常", 1.020),
    ("智改数转投资 298.7 by 1-9月, 2023 plan, checked in 2026 → 待数据 (已到期，待最新数据)",
     target(kind="flow", goal=391.5, due="2023-12-31"), [("2023-09-30", 298.7)], D("2026-11-22"), "待数据", None),
    ("每年实施300项, 320 in the full year → 已完成",
     target(kind="flow", goal=300, qualifier="ge"), [("2024-12-31", 320)], TODAY, "已完成", None),
    ("每年实施300项, 250 in the full year → 逾期未完成 (that year's goal missed)",
     target(kind="flow", goal=300, qualifier="ge"), [("2024-12-31", 250)], TODAY, "逾期未完成", None),
    ("每年新增用地不超过300亩 (flow, down), 320 by end of June → 倒退: the year's ceiling is passed",
     target(kind="flow", goal=300, direction="down", qualifier="le"), [("2025-06-30", 320)], TODAY, "倒退", None),
    ("每年新增用地不超过300亩 (flow, down), 100 by end of June → about 202 at that pace → 进度正常, R = 300/(100/(181/365))≈1.488",
     target(kind="flow", goal=300, direction="down", qualifier="le"), [("2025-06-30", 100)], TODAY, "进度正常", 1.488),
    ("每年新增用地不超过300亩 (flow, down), 250 by end of June → about 504 at that pace → 进展缓慢, R = 300/(250/(181/365))≈0.595",
     target(kind="flow", goal=300, direction="down", qualifier="le"), [("2025-06-30", 250)], TODAY, "进展缓慢", 0.595),
    ("每年新增用地不超过300亩 (flow, down), 280 in the full year → 已完成",
     target(kind="flow", goal=300, direction="down", qualifier="le"), [("2024-12-31", 280)], TODAY, "已完成", None),
    ("增长7% (rate), latest 6.8% → direct, 进度正常, R≈0.97",
     target(kind="rate", goal=7), [("2025-03-31", 6.8)], TODAY, "进度正常", 0.971),
    ("增长7% (rate), latest 5% → direct, 需加快, R≈0.71",
     target(kind="rate", goal=7), [("2025-03-31", 5)], TODAY, "需加快", 0.714),
    ("增长7% (rate), latest -1% → direct, 倒退, R≈-0.14",
     target(kind="rate", goal=7), [("2025-03-31", -1)], TODAY, "倒退", -0.143),
    ("占比≥55% (share), latest 55% → 已完成",
     target(kind="share", goal=55, qualifier="ge"), [("2024-12-31", 55)], TODAY, "已完成", None),
    ("失业率≤5% (share, down), latest 5.5% → direct, 需加快, R≈0.91",
     target(kind="share", goal=5, direction="down", qualifier="le"), [("2024-12-31", 5.5)], TODAY, "需加快", 0.909),
    ("no observation → 暂无数据",
     target(**GDP), [], TODAY, "暂无数据", None),
    ("an observation only on the baseline date → 待数据 (none after the baseline)",
     target(**GDP), [("2023-12-31", 5000)], TODAY, "待数据", None),
    ("no baseline and one observation only → 待数据 (仅有一个观测值)",
     target(goal=3000, due="2026-12-31", qualifier="ge"), [("2024-12-31", 2800)], TODAY, "待数据", None),
    # (2800/2600) ** (365.25/366) - 1 = 0.07676 observed; (3000/2600) ** (365.25/1096) - 1 = 0.04885
    # required; R = 1.571.
    ("no baseline, two observations: 2600 (2023) → 2800 (2024), 3000 by 2026 → first as baseline, R≈1.57",
     target(goal=3000, due="2026-12-31", qualifier="ge"), [("2023-12-31", 2600), ("2024-12-31", 2800)], TODAY,
     "进度正常", 1.571),
    ("新增1000亿 without a baseline, one observation → 待数据 (no level to reach yet)",
     target(kind="increment", stated=1000, due="2026-12-31"), [("2024-12-31", 5250)], TODAY, "待数据", None),
    ("monitored growth rate without a target, with a value → 仅监测, never 暂无数据",
     target(kind="rate"), [("2023-09-30", 11.5)], TODAY, "仅监测", None),
    ("a level without a target value, with values → 仅监测",
     target(base=10, base_date="2023-12-31"), [("2024-12-31", 12)], TODAY, "仅监测", None),
    ("monitored rate without a target and without values → 暂无数据",
     target(kind="rate"), [], TODAY, "暂无数据", None),
]


@pytest.mark.parametrize("t, points, today, expected, ratio", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_status(t, points, today, expected, ratio):
    result = assess(t, [(D(d), v) for d, v in points], today=today)
    assert result["status"] == expected
    assert result["status"] in tracker.STATUSES
    if ratio is not None:
        assert result["ratio"] == pytest.approx(ratio, abs=0.01)


def test_every_status_is_covered():
    assert {c[4] for c in CASES} == set(tracker.STATUSES)


# Why a status is what it is: (id, target, observations, today, reason). Every 待数据 and 暂无数据
# says why; a baseline taken from the first observation says so too.
REASON_CASES = [
    ("no observation → 暂无进展数据", target(**GDP), [], TODAY, "暂无进展数据"),
    ("one observation, no baseline → 仅有一个观测值，待下一期数据",
     target(goal=3000, due="2026-12-31"), [("2024-12-31", 2800)], TODAY, "仅有一个观测值，待下一期数据"),
    ("due passed without data at or after it → 已到期，待最新数据",
     target(**GDP), [("2024-12-31", 5250)], D("2027-03-01"), "已到期，待最新数据"),
    ("only data on the baseline date → 暂无基期之后的观测数据",
     target(**GDP), [("2023-12-31", 5000)], TODAY, "暂无基期之后的观测数据"),
    ("first observation as baseline → 以2023年观测值为基期",
     target(goal=3000, due="2026-12-31"), [("2023-12-31", 2600), ("2024-12-31", 2800)], TODAY, "以2023年观测值为基期"),
    ("no target value → 未设目标值，仅作监测", target(kind="rate"), [("2023-09-30", 11.5)], TODAY, "未设目标值，仅作监测"),
    ("a graded status on a stated baseline needs no reason", target(**GDP), [("2024-12-31", 5250)], TODAY, ""),
]


@pytest.mark.parametrize("t, points, today, reason", [c[1:] for c in REASON_CASES], ids=[c[0] for c in REASON_CASES])
def test_reason(t, points, today, reason):
    assert assess(t, [(D(d), v) for d, v in points], today=today)["reason"] == reason


def test_increment_without_baseline_takes_the_first_observation():
    """新增1000亿 with 5000 (2023) and 5250 (2024) observed: the level to reach is 5000 + 1000 = 6000,
    so it is the GDP worked example again (R≈0.80)."""
    t = target(kind="increment", stated=1000, due="2026-12-31")
    r = assess(t, [(D("2023-12-31"), 5000), (D("2024-12-31"), 5250)], today=TODAY)
    assert (r["status"], r["target"], r["baseline"], r["reason"]) == ("需加快", 6000, 5000, "以2023年观测值为基期")
    assert r["ratio"] == pytest.approx(0.797, abs=0.01)


# Each threshold at and just beyond its boundary. Straight line from a zero baseline, so R is
# exact: 0 (2020-12-31) → 100 (2030-12-31, 3652 days); on 2025-12-31 (1826 days) half the time
# has passed, and R = (L / 100) / 0.5 = L / 50.
LINE = dict(base=0, base_date="2020-12-31", goal=100, due="2030-12-31")
BOUNDARIES = [
    ("L=48 → R=0.96, above on_track → 进度正常", 48, "进度正常"),
    ("L=47.5 → R=0.95, at on_track → 进度正常", 47.5, "进度正常"),
    ("L=47.4 → R=0.948, below on_track → 需加快", 47.4, "需加快"),
    ("L=30.5 → R=0.61, above accelerate → 需加快", 30.5, "需加快"),
    ("L=30 → R=0.6, at accelerate → 需加快", 30, "需加快"),
    ("L=29.9 → R=0.598, below accelerate → 进展缓慢", 29.9, "进展缓慢"),
    ("L=0.1 → R=0.002, above zero → 进展缓慢", 0.1, "进展缓慢"),
    ("L=0 → R=0, at zero → 进展缓慢", 0, "进展缓慢"),
    ("L=-0.1 → R=-0.002, below zero → 倒退", -0.1, "倒退"),
    ("L=100 → reached → 已完成", 100, "已完成"),
]


@pytest.mark.parametrize("latest, expected", [c[1:] for c in BOUNDARIES], ids=[c[0] for c in BOUNDARIES])
def test_threshold_boundaries(latest, expected):
    result = assess(target(**LINE), [(D("2025-12-31"), latest)], today=D("2026-01-01"))
    assert result["ratio"] == pytest.approx(latest / 50)
    assert result["status"] == expected


# Stale data: the latest observation older than stale_after_months (default 15) before the
# assessment date. (id, as_of, today, months setting, stale)
STALE = [
    ("data 2 years old → stale", "2024-12-31", "2026-12-31", 15, True),
    ("exactly 15 months old → not stale", "2025-12-31", "2027-03-31", 15, False),
    ("15 months and a day → stale", "2025-12-31", "2027-04-01", 15, True),
    ("a year old → not stale", "2024-12-31", "2025-12-31", 15, False),
    ("a year old with stale_after_months 6 → stale", "2024-12-31", "2025-12-31", 6, True),
    # 15 months before 2025-09-30 is 2024-06-30: the day before it is older than that.
    ("exactly 15 months old, mid-year → not stale", "2024-06-30", "2025-09-30", 15, False),
    ("15 months and a day, mid-year → stale", "2024-06-29", "2025-09-30", 15, True),
    # 15 months before 2025-05-31 is 2024-02-31, which is the month's last day 2024-02-29.
    ("the 31st: 15 months before 2025-05-31 is 2024-02-29 → not stale", "2024-02-29", "2025-05-31", 15, False),
    ("the 31st: a day older than 2024-02-29 → stale", "2024-02-28", "2025-05-31", 15, True),
]


@pytest.mark.parametrize("as_of, today, months, stale", [c[1:] for c in STALE], ids=[c[0] for c in STALE])
def test_stale(as_of, today, months, stale):
    t = target(base=0, base_date="2020-12-31", goal=100, due="2035-12-31")
    result = assess(t, [(D(as_of), 10)], today=D(today), settings={"stale_after_months": months})
    assert result["stale"] is stale
    assert result["as_of"] == D(as_of)
    assert result["status"] != "待数据"           # a stale status keeps its word


def test_stale_keeps_the_status_of_the_worked_example():
    """GDP 5250 in 2024, assessed two years later on the due date: still judged at 2024 (需加快), flagged stale."""
    r = assess(target(**GDP), [(D("2024-12-31"), 5250)], today=D("2026-12-31"))
    assert (r["status"], r["stale"], r["as_of"]) == ("需加快", True, D("2024-12-31"))


# Projection at the observed pace: (id, target, observations, today, projected value, projected year)
PROJECTIONS = [
    # growth factor a year at 5250 after 366 days: 1.05 ** (365.25/366); at the due date (1096 days):
    # 5000 * 1.05 ** (1096/366) = 5786.6; 6000 is reached after ln 1.2 / ln 1.05 * 366 days = 1367.7 days,
    # on 2027-09-28 → 2027 (a year after the due date).
    ("GDP 5250 after 1 year: 5786.6亿 at the due date, 6000 reached in 2027",
     target(**GDP), [("2024-12-31", 5250)], TODAY, 5000 * 1.05 ** (1096 / 366), 2027),
    # 5350 after a year: 5000 * 1.07 ** (1096/366) = 6124.6; ln 1.2 / ln 1.07 * 366 = 988.8 days → 2026-09.
    ("GDP 5350 after 1 year: 6124.6亿 at the due date, reached in 2026",
     target(**GDP), [("2024-12-31", 5350)], TODAY, 5000 * 1.07 ** (1096 / 366), 2026),
    ("GDP falling to 4900: 4705亿 at the due date, never reached",
     target(**GDP), [("2024-12-31", 4900)], TODAY, 5000 * 0.98 ** (1096 / 366), None),
    # straight line 0 → 30 in 1826 days: 60 at the due date (3652 days), 100 after 6086.7 days → 2037-09.
    ("straight line 0→30 in half the time: 60 at the due date, 100 reached in 2037",
     target(**LINE), [("2025-12-31", 30)], D("2026-01-01"), 60, 2037),
    # 200 of 300 by 2025-06-30 (181 of 365 days): 200 / 181 * 365 = 403.3 by the year end, reached in 2025.
    ("每年300项, 200 by June: 403 by the year end, reached in 2025",
     target(kind="flow", goal=300, qualifier="ge"), [("2025-06-30", 200)], TODAY, 200 / 181 * 365, 2025),
    # 100 by 2025-09-30 (273 days): 100 / 273 * 365 = 133.7 < 300: not reached within the year.
    ("每年300项, 100 by September: 134 by the year end, not this year",
     target(kind="flow", goal=300, qualifier="ge"), [("2025-09-30", 100)], D("2025-10-01"), 100 / 273 * 365, None),
    # 5900 after half a year (182 days): 6000 is reached ln 1.2 / ln 1.18 × 182 = 200.5 days after the
    # baseline, in July 2024; at the due date 5000 × 1.18 ** (1096/182).
    ("GDP 5900 after half a year: reached in 2024, within the first year",
     target(**GDP), [("2024-06-30", 5900)], TODAY, 5000 * 1.18 ** (1096 / 182), 2024),
    # 60 by 14 March (73 of 365 days) is exactly the pace of 300 a year: 300 on 31 December, in 2025.
    ("每年300项, 60 by 14 March: 300 exactly on the last day of the year, reached in 2025",
     target(kind="flow", goal=300, qualifier="ge"), [("2025-03-14", 60)], D("2025-03-15"), 60 / 73 * 365, 2025),
    # 能耗 100 → 90 (down), 97 after 730 days: at that pace 100 × 0.97 ** (1826/730) at the due date
    # (2025-12-31, 1826 days); 90 is reached ln 0.9 / ln 0.97 × 730 = 2525 days after 2020-12-31, in 2027.
    ("能耗 100→90 (down), 97 after 2 years: 92.7 at the due date, 90 reached in 2027",
     target(**ENERGY), [("2022-12-31", 97)], TODAY, 100 * 0.97 ** (1826 / 730), 2027),
    ("a target already met is not projected",
     target(**GDP), [("2025-12-31", 6100)], D("2026-03-01"), None, None),
    ("a growth rate compared directly is not projected",
     target(kind="rate", goal=7), [("2025-03-31", 5)], TODAY, None, None),
]


@pytest.mark.parametrize("t, points, today, value, year", [c[1:] for c in PROJECTIONS], ids=[c[0] for c in PROJECTIONS])
def test_projection(t, points, today, value, year):
    r = assess(t, [(D(d), v) for d, v in points], today=today)
    if value is None:
        assert math.isnan(r["projected_value"])
    else:
        assert r["projected_value"] == pytest.approx(value, rel=1e-6)
    assert (None if math.isnan(r["projected_year"]) else r["projected_year"]) == year


def test_pace_is_judged_as_of_the_latest_observation():
    """GDP 5250 on 2024-12-31, assessed 2026-11-30: the pace marker stands where the target should
    have been on 2024-12-31 (366 of 1096 days), today's position is kept apart (1065 of 1096 days)."""
    r = assess(target(**GDP), [(D("2024-12-31"), 5250)], today=D("2026-11-30"))
    assert r["elapsed"] == pytest.approx(366 / 1096)
    assert r["expected"] == pytest.approx(5000 + 1000 * 366 / 1096)
    assert r["elapsed_today"] == pytest.approx(1065 / 1096)
    assert r["expected_now"] == pytest.approx(5000 + 1000 * 1065 / 1096)


SETTINGS_CASES = [
    ("R≈0.80 with on_track 0.75 → 进度正常", {"on_track": 0.75, "accelerate": 0.5}, "进度正常"),
    ("R≈0.80 with accelerate 0.85 → 进展缓慢", {"on_track": 0.95, "accelerate": 0.85}, "进展缓慢"),
    ("R≈0.80 with defaults → 需加快", {}, "需加快"),
]


@pytest.mark.parametrize("settings, expected", [c[1:] for c in SETTINGS_CASES], ids=[c[0] for c in SETTINGS_CASES])
def test_thresholds_come_from_settings(settings, expected):
    result = assess(target(**GDP), [(D("2024-12-31"), 5250)], today=TODAY, settings=settings)
    assert result["status"] == expected


def test_worked_example_numbers():
    """GDP 5000→6000亿 in 3 years, 5250 after 1 year: every column."""
    r = assess(target(**GDP), [(D("2024-12-31"), 5250)], today=D("2025-06-30"))
    assert r["method"] == "cagr"
    assert r["cagr_required"] == pytest.approx(1.2 ** (1 / 3) - 1, rel=1e-3)       # 6.27%
    assert r["cagr_observed"] == pytest.approx(0.05, abs=2e-4)                      # 5% (leap year: 366 days)
    assert r["progress"] == pytest.approx(0.25)
    assert r["gap"] == pytest.approx(750)
    assert r["elapsed"] == pytest.approx(366 / 1096, abs=1e-3)                     # as of 2024-12-31: 1 of 3 years
    assert r["elapsed_today"] == pytest.approx(547 / 1096, abs=1e-3)               # today: 1.5 of 3 years
    assert r["expected_now"] == pytest.approx(5000 + 1000 * 547 / 1096, abs=0.5)
    assert r["latest"] == 5250 and r["latest_date"] == D("2024-12-31")


YAML = """
settings: {on_track: 0.95, accelerate: 0.6}
targets:
  - id: gdp-new
    region: 昆山市
    indicator: 地区生产总值
    unit: 亿元
    type: increment
    baseline: {value: 5000, date: 2023}
    target: {value: 1000, due: 2026}
    source: {doc: test}
    progress:
      - {date: 2024, value: 5250}
  - id: energy
    region: 某市
    indicator: 单位GDP能耗
    unit: 吨
    direction: down
    baseline: {value: 100, date: 2020}
    target: {value: 90, due: 2025}
    source: {doc: test}
    progress:
      - {date: 2022, value: 97}
"""


def test_status_table_from_file():
    """Through load(): an increment of 1000 over 5000 is judged as the level 6000."""
    table = tracker.status(tracker.load(YAML), today="2025-06-30").set_index("id")
    assert table.loc["gdp-new", "target"] == 6000
    assert table.loc["gdp-new", "status"] == "需加快"
    assert table.loc["gdp-new", "ratio"] == pytest.approx(0.797, abs=0.01)
    assert table.loc["energy", "status"] == "需加快"
    assert table.loc["energy", "gap"] == pytest.approx(7)


def test_trajectory_paths():
    book = tracker.load(YAML)
    path = tracker.trajectory(book, "gdp-new", today="2025-06-30")
    assert list(path.columns[:4]) == ["date", "observed", "linear", "required"]
    first, last = path.iloc[0], path.iloc[-1]
    assert (first["date"], first["observed"], first["linear"], first["required"]) == (D("2023-12-31"), 5000, 5000, 5000)
    assert last["date"] == D("2026-12-31") and last["linear"] == pytest.approx(6000) and last["required"] == pytest.approx(6000)
    observed = path.dropna(subset=["observed"])
    assert list(observed["observed"]) == [5000, 5250]
    middle = path[path["date"] == D("2024-12-31")].iloc[0]
    assert middle["required"] == pytest.approx(5000 * 1.2 ** (366 / 1096), rel=1e-6)
    assert middle["required"] < middle["linear"]                                  # compound path starts slower
    assert "今天" in set(path["label"])


def test_trajectory_unknown_id_is_empty():
    assert tracker.trajectory(tracker.load(YAML), "nope").empty


def test_nan_safe():
    r = assess(target(**GDP), [], today=TODAY)
    assert math.isnan(r["progress"]) and math.isnan(r["ratio"]) and r["latest_date"] is pd.NaT


def test_trajectory_without_baseline_still_shows_the_target():
    book = tracker.load("targets:\n  - {id: firms, region: 昆山市, indicator: 高新技术企业, unit: 家, "
                        "target: {value: 4000, due: 2026}, source: {doc: d}}\n")
    path = tracker.trajectory(book, "firms", today="2025-06-30")
    assert path[["date", "target", "label"]].values.tolist() == [[D("2026-12-31"), 4000, "目标"]]
    assert path["linear"].isna().all() and path["observed"].isna().all()


# (id, target, observations, where the baseline comes from): only a stated baseline or an
# observation is a figure; an annual flow's zero at the start of its year is not (issue #10).
BASELINE_SOURCE_CASES = [
    ("stated baseline", target(**GDP), [("2024-12-31", 5250)], "stated"),
    ("no baseline, two observations: the first one", target(goal=4000, due="2026-12-31"),
     [("2023-12-31", 3000), ("2024-12-31", 3300)], "first_observation"),
    ("no baseline, one observation: none", target(goal=4000, due="2026-12-31"), [("2024-12-31", 3300)], ""),
    ("annual flow: the year starts from zero", target(kind="flow", goal=300), [("2024-12-31", 120)], "year_start"),
    ("annual flow without data", target(kind="flow", goal=300), [], "year_start"),
    ("growth rate with no baseline", target(kind="rate", goal=7, due="2025-12-31"), [("2024-12-31", 6.5)], ""),
]


@pytest.mark.parametrize("t, points, source", [c[1:] for c in BASELINE_SOURCE_CASES],
                         ids=[c[0] for c in BASELINE_SOURCE_CASES])
def test_baseline_source(t, points, source):
    assert assess(t, [(D(d), v) for d, v in points], today=TODAY)["baseline_source"] == source


FLOW = """
targets:
  - id: renovation
    region: 徐州市
    indicator: 重大技改项目
    unit: 项
    type: flow
    qualifier: ge
    target: {value: 300}
    source: {doc: d}
    progress: PROGRESS
"""


@pytest.mark.parametrize("progress, observed", [
    ("[]", []),
    ("[{date: 2025-06-30, value: 120}]", [120]),
], ids=["no data: no point at all", "one observation: only that point"])
def test_trajectory_of_an_annual_flow_invents_no_baseline_point(progress, observed):
    """每年实施300项 states no baseline: no 基期 0项 point, only the observations and the target."""
    book = tracker.load(FLOW.replace("PROGRESS", progress))
    path = tracker.trajectory(book, "renovation", today="2025-09-30")
    assert "基期" not in set(path["label"])
    assert list(path["observed"].dropna()) == observed
    assert path.loc[path["label"] == "目标", "target"].tolist() == [300]


# --- rules pinned down by make mutate ------------------------------------------------------------
# Cases for the rules that mutation testing found untested (tests/mutation/mutate.py on
# tracker/progress.py). Each expected value is worked out by hand from the module docstring and
# README "进度、状态与预测"; None stands for an empty (NaN) value.

def check_columns(r: dict, expected: dict) -> None:
    for key, want in expected.items():
        got = r[key]
        if want is None:
            assert isinstance(got, float) and math.isnan(got), (key, got)
        elif isinstance(want, float):
            assert got == pytest.approx(want, rel=1e-6, abs=1e-3), (key, got)
        else:
            assert got == want, (key, got)


COLUMN_CASES = [
    # 已完成 needs no pace: a single observation without a baseline that meets the target is done;
    # gap = 120 - 130 = -10 (beyond the target).
    ("no baseline, a single observation above the target → 已完成, gap -10",
     target(goal=120, due="2026-12-31"), [("2025-12-31", 130)], D("2026-03-31"),
     dict(status="已完成", gap=-10.0, progress=None, ratio=None, method="", note="", reason="", baseline_source="")),
    ("no baseline, down: a single observation under the ceiling → 已完成, gap 78 - 80 = -2",
     target(goal=80, due="2026-12-31", direction="down", qualifier="le"), [("2025-12-31", 78)], D("2026-03-31"),
     dict(status="已完成", gap=-2.0)),
    ("no baseline, 超120 (gt) with a single observation of exactly 120: not met → 待数据 (仅有一个观测值)",
     target(goal=120, due="2026-12-31", qualifier="gt"), [("2025-12-31", 120)], D("2026-03-31"),
     dict(status="待数据", reason="仅有一个观测值，待下一期数据", gap=None)),
    # An observation on the baseline's date that meets the target: done; progress (125 - 100) / (120 - 100).
    ("an observation on the baseline date above the target → 已完成, progress 1.25, gap -5",
     target(base=100, base_date="2024-12-31", goal=120, due="2026-12-31"), [("2024-12-31", 125)], D("2026-03-31"),
     dict(status="已完成", progress=1.25, gap=-5.0, baseline_source="stated")),
    ("保持100 (target = baseline), 100 on the baseline date → 已完成, progress undefined",
     target(base=100, base_date="2024-12-31", goal=100, due="2026-12-31", qualifier="ge"), [("2024-12-31", 100)],
     D("2026-03-31"), dict(status="已完成", progress=None, gap=0.0)),
    # 倒退 when the baseline met the target and the latest no longer does: progress, R and the
    # projected year undefined; gap 85 - 80 = 5.
    ("down ≤80: baseline 70 met, latest 85 → 倒退 (基期已达到目标), nothing projected",
     target(base=70, base_date="2024-12-31", goal=80, due="2026-12-31", direction="down", qualifier="le"),
     [("2025-12-31", 85)], D("2026-03-31"),
     dict(status="倒退", reason="基期已达到目标，最新数据又未达到", gap=5.0, progress=None, ratio=None,
          projected_year=None, method="cagr")),
    ("≥100 without a deadline: baseline 120 met, latest 95 → 倒退 (straight line)",
     target(base=120, base_date="2024-12-31", goal=100, qualifier="ge"), [("2025-12-31", 95)], D("2026-03-31"),
     dict(status="倒退", reason="基期已达到目标，最新数据又未达到", gap=5.0, progress=None, ratio=None,
          method="linear", note="未设期限，按完成比例判断")),
    ("PM2.5 低于35 (down, lt): baseline 30 met, latest exactly 35 is not below → 倒退",
     target(base=30, base_date="2023-12-31", goal=35, due="2026-12-31", direction="down", qualifier="lt"),
     [("2024-12-31", 35)], D("2025-06-30"), dict(status="倒退", gap=0.0, ratio=None)),
    # 超100 from a baseline of 100: the required growth is 0, so R = observed / 0 is undefined.
    ("超100 (gt) from a baseline of 100, latest 95 → 待数据 (无法与目标比较), no year",
     target(base=100, base_date="2023-12-31", goal=100, due="2026-12-31", qualifier="gt"), [("2024-12-31", 95)],
     D("2025-06-30"), dict(status="待数据", reason="无法与目标比较", cagr_required=0.0, ratio=None, progress=None,
                           gap=5.0, projected_year=None)),
    ("超0 (gt) from a baseline of 0 (straight line), latest -5 → 待数据 (无法与目标比较), no year",
     target(base=0, base_date="2024-12-31", goal=0, due="2026-12-31", qualifier="gt"), [("2025-12-31", -5)],
     D("2026-03-31"), dict(status="待数据", reason="无法与目标比较", ratio=None, projected_year=None)),
    # A level fallen to zero has no growth rate: the straight line says how far. 100 → 200 from
    # 2024-12-31 to 2026-12-31 (730 days), 0 on 2025-12-31 (365 days): progress -100 / 100 = -1, time
    # share 0.5, R = -2 → 倒退. Projected the same way: 100 - 100 × 730/365 = -100 at the due date,
    # the target never reached.
    ("level 100 → 200 fallen to 0 after a year: straight line, R = -2 → 倒退, -100 at the due date",
     target(base=100, base_date="2024-12-31", goal=200, due="2026-12-31"), [("2025-12-31", 0)], D("2026-03-31"),
     dict(status="倒退", method="cagr", progress=-1.0, ratio=-2.0, cagr_observed=None,
          cagr_required=2 ** (365.25 / 730) - 1, projected_value=-100.0, projected_year=None)),
    # Baseline -100 (a loss) to 50: straight line. -25 after 365 of 730 days: progress 75/150 = 0.5,
    # R = 0.5 / 0.5 = 1 → 进度正常; -100 + 75 × 730/365 = 50 at the due date, reached then (2026).
    ("loss of 100 to a profit of 50, -25 after half the time: straight line, R = 1, 50 reached in 2026",
     target(base=-100, base_date="2024-12-31", goal=50, due="2026-12-31"), [("2025-12-31", -25)], D("2026-03-31"),
     dict(status="进度正常", method="linear", note="基期为零或负数，增速无意义，按直线进度计", progress=0.5,
          ratio=1.0, projected_value=50.0, projected_year=2026.0)),
    # No deadline: R is the share of the distance covered, 12 / 30 = 0.4 → 进展缓慢; at 12 a year the
    # remaining 30 take 912.5 days from 2024-12-31: 2027-07-01.
    ("100 → 130 without a deadline, 112 after a year: R = progress = 0.4 → 进展缓慢, reached in 2027",
     target(base=100, base_date="2024-12-31", goal=130), [("2025-12-31", 112)], D("2026-03-31"),
     dict(status="进展缓慢", method="linear", note="未设期限，按完成比例判断", progress=0.4, ratio=0.4, elapsed=None,
          elapsed_today=None, projected_value=None, projected_year=2027.0)),
    # A deadline on the baseline's date: no time share, so no R; an observation after it that falls
    # short is overdue. progress (110 - 100) / 20 = 0.5.
    ("deadline on the baseline date, 110 of 120 after it → 逾期未完成, no R",
     target(base=100, base_date="2024-12-31", goal=120, due="2024-12-31"), [("2025-06-30", 110)], D("2025-07-01"),
     dict(status="逾期未完成", reason="已过期限，最新数据未达到目标", method="linear",
          note="期限不晚于基期，按完成比例判断", progress=0.5, ratio=None, elapsed=None)),
    # The GDP worked example in 万亿元 (0.5 → 0.6, 0.525 after a year): figures below 1 grow the same.
    ("GDP 0.5 → 0.6万亿 in 3 years, 0.525 after 1 year → compound growth as in 亿元: R≈0.80, 2027",
     target(base=0.5, base_date="2023-12-31", goal=0.6, due="2026-12-31"), [("2024-12-31", 0.525)], TODAY,
     dict(status="需加快", method="cagr", ratio=0.7965, projected_value=0.5 * 1.05 ** (1096 / 366),
          projected_year=2027.0)),
    # 超20 (gt) from 0: exactly 20 the day after the baseline is not above it (progress 1, time share
    # 1/366, R = 366 → 进度正常); the straight line reaches 20 that very day, in 2024.
    ("超20 (gt) from 0, exactly 20 the day after the baseline: not met, R = 366; the line reaches 20 in 2024",
     target(base=0, base_date="2024-12-30", goal=20, due="2025-12-31", qualifier="gt"), [("2024-12-31", 20)],
     D("2025-01-01"), dict(status="进度正常", progress=1.0, ratio=366.0, projected_year=2024.0)),
    # A deadline one day after the baseline, observed on it: all the time has passed (elapsed 1).
    ("deadline the day after the baseline, observed on it short of the target → 逾期未完成, elapsed 1",
     target(base=100, base_date="2024-12-30", goal=120, due="2024-12-31"), [("2024-12-31", 110)], D("2025-01-01"),
     dict(status="逾期未完成", elapsed=1.0, elapsed_today=1.0)),
    # Data after the due date: the time shares stop at 1 and the expected value at the target.
    ("100 → 120 by 2025, 118 in March 2026 → 逾期未完成; elapsed 1, expected 120, gap 2",
     target(base=100, base_date="2023-12-31", goal=120, due="2025-12-31"),
     [("2024-12-31", 110), ("2026-03-31", 118)], D("2026-06-30"),
     dict(status="逾期未完成", elapsed=1.0, expected=120.0, elapsed_today=1.0, expected_now=120.0, gap=2.0,
          progress=0.9)),
    ("first observation as baseline and overdue: both reasons, joined by ；",
     target(goal=3000, due="2024-12-31"), [("2023-12-31", 2600), ("2024-12-31", 2800)], D("2025-03-31"),
     dict(status="逾期未完成", reason="以2023年观测值为基期；已过期限，最新数据未达到目标", baseline_source="first_observation")),
    ("only an observation on the baseline date and the deadline passed → 待数据 (已到期，待最新数据)",
     target(**GDP), [("2023-12-31", 5000)], D("2027-03-01"), dict(status="待数据", reason="已到期，待最新数据")),
    # An annual flow due in 2025 is judged on 2025 (250 of 300): a 2026 figure is about no year it covers.
    ("每年300项 due 2025: 250 for 2025, then 100 in March 2026 → judged on 2025: 逾期未完成, gap 50",
     target(kind="flow", goal=300, due="2025-12-31"), [("2025-12-31", 250), ("2026-03-31", 100)], D("2026-06-30"),
     dict(status="逾期未完成", latest=250.0, gap=50.0, method="linear", note="按2025年计", reason="已过期限，最新数据未达到目标",
          baseline_source="year_start")),
    # An annual ceiling (flow, down) before its year ends: the amount so far, carried on at its pace to
    # 31 December, against the ceiling: R = ceiling / projected amount. The year runs from 2024-12-31 to
    # 2025-12-31 (365 days); 30 June is 181 days in. An amount that only adds up does not "reach" a
    # ceiling in some year: it passes it, so there is no projected year.
    ("每年新增用地不超过300亩, 200 by June → 200 × 365/181 ≈ 403 by the year end, R = 300/403 ≈ 0.744 → 需加快, no year",
     target(kind="flow", goal=300, direction="down", qualifier="le"), [("2025-06-30", 200)], TODAY,
     dict(status="需加快", reason="", ratio=300 / (200 * 365 / 181), progress=200 / 300, gap=-100.0,
          elapsed=181 / 365, projected_value=200 * 365 / 181, projected_year=None)),
    ("每年新增用地不超过300亩, exactly 300 by June: at the ceiling, not past it; R = 181/365 ≈ 0.496 → 进展缓慢",
     target(kind="flow", goal=300, direction="down", qualifier="le"), [("2025-06-30", 300)], TODAY,
     dict(status="进展缓慢", reason="", ratio=181 / 365, gap=0.0)),
    ("每年新增用地不超过300亩, 320 by June: past the ceiling → 倒退 (年内累计已超过上限), R undefined, no year",
     target(kind="flow", goal=300, direction="down", qualifier="le"), [("2025-06-30", 320)], TODAY,
     dict(status="倒退", reason="年内累计已超过上限，全年目标已无法达到", ratio=None, progress=320 / 300, gap=20.0,
          projected_value=320 * 365 / 181, projected_year=None)),
    ("每年新增用地不超过300亩, nothing by June: R = 300 / 0 = ∞ → 进度正常",
     target(kind="flow", goal=300, direction="down", qualifier="le"), [("2025-06-30", 0)], TODAY,
     dict(status="进度正常", ratio=math.inf, progress=0.0, projected_value=0.0, projected_year=None)),
    ("每年新增不超过0.8万亩, 0.5 by June → 0.5 × 365/181 ≈ 1.008 by the year end, R = 0.8/1.008 ≈ 0.793 → 需加快",
     target(kind="flow", goal=0.8, direction="down", qualifier="le"), [("2025-06-30", 0.5)], TODAY,
     dict(status="需加快", ratio=0.8 / (0.5 * 365 / 181), projected_value=0.5 * 365 / 181)),
    # The year over: 360 for 2025 is at its due date (31 December) and over the ceiling → 逾期未完成;
    # progress is the share of the distance covered, 360 / 300. Not 倒退 by the baseline rule (the year's
    # zero start is no figure that met the target), and no projected year either.
    ("每年新增用地不超过300亩, 360 for the full year → 逾期未完成, progress 1.2, no projected year",
     target(kind="flow", goal=300, direction="down", qualifier="le"), [("2025-12-31", 360)], D("2026-03-01"),
     dict(status="逾期未完成", reason="已过期限，最新数据未达到目标", progress=1.2, gap=60.0, projected_value=360.0,
          projected_year=None, ratio=300 / 360)),
    ("每年新增用地不超过300亩, nothing for the full year → 已完成; R = 300 / 0, without bound",
     target(kind="flow", goal=300, direction="down", qualifier="le"), [("2025-12-31", 0)], D("2026-03-01"),
     dict(status="已完成", ratio=math.inf)),
    ("排放不超过0.8万吨 a year, 0.5 for the full year → 已完成, R = 0.8 / 0.5 = 1.6",
     target(kind="flow", goal=0.8, direction="down", qualifier="le"), [("2025-12-31", 0.5)], D("2026-03-01"),
     dict(status="已完成", ratio=1.6)),
    ("低于300亩 (a strict ceiling), exactly 300 by June → 倒退: it can no longer end below 300",
     target(kind="flow", goal=300, direction="down", qualifier="lt"), [("2025-06-30", 300)], TODAY,
     dict(status="倒退", reason="年内累计已超过上限，全年目标已无法达到", ratio=None)),
    # Rates and shares are compared directly: R = latest / target (target / latest for a ceiling);
    # without a baseline progress is R, with one the share of the distance from the baseline.
    ("增长7% (rate), latest 5% → R = progress = 5/7, no note",
     target(kind="rate", goal=7), [("2025-03-31", 5)], TODAY,
     dict(status="需加快", ratio=5 / 7, progress=5 / 7, method="direct", note="", reason="")),
    ("占比 40% → 55% (share with a baseline), 50% → R = 50/55, progress (50 - 40) / 15, gap 5",
     target(kind="share", base=40, base_date="2024-12-31", goal=55, due="2026-12-31", qualifier="ge"),
     [("2025-12-31", 50)], D("2026-03-31"),
     dict(status="需加快", ratio=50 / 55, progress=10 / 15, gap=5.0, projected_value=None, projected_year=None)),
    ("占比 40% → 55%, only an observation on the baseline date → 待数据 (暂无基期之后的观测数据)",
     target(kind="share", base=40, base_date="2024-12-31", goal=55, due="2026-12-31", qualifier="ge"),
     [("2024-12-31", 45)], D("2026-03-31"), dict(status="待数据", reason="暂无基期之后的观测数据")),
    ("占比 40% → 55%, only an observation on the baseline date, 56% → 已完成, progress (56 - 40) / 15 as on the graded path",
     target(kind="share", base=40, base_date="2024-12-31", goal=55, due="2026-12-31", qualifier="ge"),
     [("2024-12-31", 56)], D("2026-03-31"), dict(status="已完成", progress=16 / 15, gap=-1.0)),
    ("低于5% (share, down, lt) is strict: exactly 5% → not met, R = 5/5 = 1 → 进度正常",
     target(kind="share", goal=5, direction="down", qualifier="lt"), [("2024-12-31", 5)], TODAY,
     dict(status="进度正常", ratio=1.0)),
    ("≤5% (share, down), latest 0 → 已完成; R = 5/0 undefined",
     target(kind="share", goal=5, direction="down", qualifier="le"), [("2024-12-31", 0)], TODAY,
     dict(status="已完成", ratio=None)),
    ("≤0.5% (share, down), latest 1% → R = 0.5/1 = 0.5 → 进展缓慢",
     target(kind="share", goal=0.5, direction="down", qualifier="le"), [("2024-12-31", 1)], TODAY,
     dict(status="进展缓慢", ratio=0.5)),
    # A target of zero has no ratio to it: without a baseline the rate cannot be compared; with one,
    # R is the share of the distance covered from it.
    ("增速转正 (rate ≥0), latest -2% without a baseline → 待数据 (无法与目标比较)",
     target(kind="rate", goal=0, qualifier="ge"), [("2025-03-31", -2)], TODAY,
     dict(status="待数据", reason="无法与目标比较", ratio=None)),
    ("零增长 (rate, down, ≤0), latest 2% without a baseline → 待数据 (无法与目标比较)",
     target(kind="rate", goal=0, direction="down", qualifier="le"), [("2025-03-31", 2)], TODAY,
     dict(status="待数据", reason="无法与目标比较", ratio=None)),
    ("增速由-3%转正 (rate ≥0 with a baseline), latest -1% → R = progress = 2/3 → 需加快",
     target(kind="rate", base=-3, base_date="2024-12-31", goal=0, due="2026-12-31", qualifier="ge"),
     [("2025-12-31", -1)], D("2026-03-31"), dict(status="需加快", ratio=2 / 3, progress=2 / 3)),
    # 减少20 without a baseline: the first observation (100) is the baseline, the level to reach 80;
    # observed (90/100) ** (365.25/365) - 1 over required (80/100) ** (365.25/730) - 1: R = 0.947 → 需加快.
    ("减少20 (increment, down) without a baseline, 100 then 90 → target 80, R≈0.947 → 需加快",
     target(kind="increment", stated=20, direction="down", due="2026-12-31"),
     [("2024-12-31", 100), ("2025-12-31", 90)], D("2026-03-31"),
     dict(status="需加快", target=80.0, baseline=100.0, ratio=0.9472, reason="以2024年观测值为基期")),
    # As the loader writes it, an increment without a baseline has the stated amount as its target:
    # with one observation there is no level to reach yet (5250 is not 'above 1000').
    ("新增1000 without a baseline as the loader writes it (target 1000), one observation → 待数据",
     dict(target(kind="increment", stated=1000, due="2026-12-31"), target=1000), [("2024-12-31", 5250)], TODAY,
     dict(status="待数据", reason="仅有一个观测值，待下一期数据")),
    # Fields left out of the dict take their defaults: type level, direction up, qualifier eq; an
    # increment without target_stated has its level as target.
    ("a rate written without direction is an up-target: 5 of 7 → R≈0.71",
     dict(type="rate", target=7), [("2025-03-31", 5)], TODAY, dict(status="需加快", ratio=5 / 7)),
    ("an increment given as its level 6000 (no target_stated), 5000 then 5250 → the GDP example",
     dict(type="increment", target=6000, due=D("2026-12-31")), [("2023-12-31", 5000), ("2024-12-31", 5250)], TODAY,
     dict(status="需加快", target=6000.0, ratio=0.7965)),
]


@pytest.mark.parametrize("t, points, today, expected", [c[1:] for c in COLUMN_CASES],
                         ids=[c[0] for c in COLUMN_CASES])
def test_status_columns(t, points, today, expected):
    check_columns(assess(t, [(D(d), v) for d, v in points], today=today), expected)


def test_assess_gives_the_status_tables_columns():
    """assess() returns the columns of the status table it computes, in the table's order; what is
    unknown (nothing observed, no baseline, no deadline) is NaN, and the words are empty."""
    from tracker.progress import _ASSESSED

    r = assess(target(goal=100), [], today=TODAY)
    assert list(r) == list(_ASSESSED)
    numbers = ["baseline", "latest", "target", "progress", "gap", "elapsed", "expected", "elapsed_today",
               "expected_now", "cagr_required", "cagr_observed", "ratio", "projected_value", "projected_year"]
    assert [k for k in numbers if not (isinstance(r[k], float) and math.isnan(r[k]))] == ["target"]
    assert (r["status"], r["reason"], r["method"], r["note"], r["baseline_source"]) == \
        ("暂无数据", "暂无进展数据", "", "", "")
    assert r["stale"] is False and r["baseline_date"] is pd.NaT and r["as_of"] is pd.NaT
