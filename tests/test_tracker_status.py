"""Status maths: worked examples of the Open SDG progress measure, one per case id."""
import math

import pandas as pd
import pytest

import tracker
from tracker.progress import assess

D = pd.Timestamp
TODAY = D("2025-06-30")


def target(kind="level", base=None, base_date=None, goal=None, due=None, direction="up", qualifier="eq"):
    return dict(type=kind, baseline=base, baseline_date=D(base_date) if base_date else None,
                target=goal, due=D(due) if due else None, direction=direction, qualifier=qualifier)


GDP = dict(base=5000, base_date="2023-12-31", goal=6000, due="2026-12-31")      # +20% in 3 years
ENERGY = dict(base=100, base_date="2020-12-31", goal=90, due="2025-12-31", direction="down")

# (id, target, observations [(date, value)], today, status, ratio or None)
CASES = [
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
    ("超1.3万亿 (gt) is strict: exactly 1.3 at the deadline is not done → 需加快, R≈1.00",
     target(base=1.1, base_date="2023-12-31", goal=1.3, due="2026-12-31", qualifier="gt"),
     [("2026-12-31", 1.3)], D("2027-01-01"), "需加快", 1.0),
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
    ("每年实施300项, 320 in the full year → 已完成",
     target(kind="flow", goal=300, qualifier="ge"), [("2024-12-31", 320)], TODAY, "已完成", None),
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
    ("an observation only on the baseline date → 暂无数据",
     target(**GDP), [("2023-12-31", 5000)], TODAY, "暂无数据", None),
    ("no baseline and one observation → 暂无数据 (pace unknown)",
     target(goal=3000, due="2026-12-31", qualifier="ge"), [("2024-12-31", 2800)], TODAY, "暂无数据", None),
    ("no baseline, two observations: 2600 (2023) → 2800 (2024), 3000 by 2026 → earliest as baseline, R≈1.57",
     target(goal=3000, due="2026-12-31", qualifier="ge"), [("2023-12-31", 2600), ("2024-12-31", 2800)], TODAY,
     "进度正常", 1.571),
    ("due 2024-12-31 passed, 5990 of 6000 in 2025-01 → R≈0.97 but 需加快, not 进度正常",
     target(base=5000, base_date="2020-12-31", goal=6000, due="2024-12-31"), [("2025-01-31", 5990)], TODAY,
     "需加快", 0.97),
    ("due 2024 passed and 6000 reached in 2024 → 已完成",
     target(base=5000, base_date="2020-12-31", goal=6000, due="2024-12-31"), [("2024-12-31", 6000)], TODAY,
     "已完成", None),
    ("due 2024 passed, last data 2023 on pace (5750 after 3 of 4 years) → 进度正常, R≈0.96",
     target(base=5000, base_date="2020-12-31", goal=6000, due="2024-12-31"), [("2023-12-31", 5750)], TODAY,
     "进度正常", 1.02),
    ("新增1000亿 without a baseline → 暂无数据 (no level to reach)",
     target(kind="increment", goal=None, due="2026-12-31"), [("2024-12-31", 5250)], TODAY, "暂无数据", None),
    ("monitored growth rate without a target → 暂无数据, latest shown",
     target(kind="rate"), [("2023-09-30", 11.5)], TODAY, "暂无数据", None),
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
    assert r["elapsed"] == pytest.approx(547 / 1096, abs=1e-3)                     # 1.5 of 3 years
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
