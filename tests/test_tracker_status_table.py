"""The status table and the trajectory of a small fixed book, every number worked out by hand
(issue #12), and the table against the one-target computation on generated books.

Book (assessed 2025-06-30):
- gdp: 5000亿 (2023) → 6000亿 by 2026, 5100 in 1—6月 2024 and 5250 for 2024: the worked example of
  test_tracker_status.py, R = 0.797 → 需加快; 6000 reached in 2027 at the observed pace.
- firms: no baseline, 2400 (2022), 2600 (2023), 2800 (2024) → 4000 by 2026. The first observation
  is the baseline (2022-12-31); 731 days to 2024-12-31, 1461 to 2026-12-31:
  observed (2800/2400) ** (365.25/731) - 1 = 0.08007, required (4000/2400) ** (365.25/1461) - 1 =
  0.13622, R = 0.5878 → 进展缓慢; 4000 is reached ln(5/3) / ln(1.08007) = 6.63 years after
  2022-12-31, in 2029.
- patents: no baseline, one observation 800 for 1—9月 2024 → 待数据 (仅有一个观测值).
- plan: nothing observed → 暂无数据.
- inc: 新增1000亿 with no baseline, 5000 (2023) and 5250 (2024): the first observation is the
  baseline, the level to reach 5000 + 1000 = 6000: the gdp numbers again (R = 0.797 → 需加快).
- over: 超200 (gt) from 100 (2023) by 2024, exactly 200 in 2024: strict, so 逾期未完成.
"""
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tracker
from strategies import budget
from tracker.progress import assess

D = pd.Timestamp
NaN = float("nan")

BOOK = """\
targets:
  - id: gdp
    name: 昆山GDP
    region: 昆山市
    indicator: 地区生产总值
    unit: 亿元
    baseline: {value: 5000, date: 2023}
    target: {value: 6000, due: 2026}
    source: {doc: 会议}
    progress:
      - {date: 2024-06, value: 5100, period: 1—6月}
      - {date: 2024, value: 5250}
  - id: firms
    region: 昆山市
    indicator: 高新技术企业
    unit: 家
    target: {value: 4000, due: 2026}
    source: {doc: 会议}
    progress:
      - {date: 2023, value: 2600}
      - {date: 2022, value: 2400}
      - {date: 2024, value: 2800}
  - id: patents
    region: 昆山市
    indicator: 发明专利
    unit: 件
    target: {value: 1000, due: 2026}
    source: {doc: 会议}
    progress:
      - {date: 2024-09, value: 800, period: 1—9月}
  - id: plan
    region: 昆山市
    indicator: 重点项目
    unit: 个
    target: {value: 50, due: 2026}
    source: {doc: 会议}
  - id: inc
    region: 昆山市
    indicator: 一般公共预算收入
    unit: 亿元
    type: increment
    target: {value: 1000, due: 2026}
    source: {doc: 会议}
    progress:
      - {date: 2023, value: 5000}
      - {date: 2024, value: 5250}
  - id: over
    region: 昆山市
    indicator: 技改投资
    unit: 亿元
    qualifier: gt
    baseline: {value: 100, date: 2023}
    target: {value: 200, due: 2024}
    source: {doc: 会议}
    progress:
      - {date: 2024, value: 200}
"""

# (column, [gdp, firms, patents, plan, inc, over])
EXPECTED = [
    ("id", ["gdp", "firms", "patents", "plan", "inc", "over"]),
    ("status", ["需加快", "进展缓慢", "待数据", "暂无数据", "需加快", "逾期未完成"]),
    ("reason", ["", "以2022年观测值为基期", "仅有一个观测值，待下一期数据", "暂无进展数据", "以2023年观测值为基期",
                "已过期限，最新数据未达到目标"]),
    ("baseline", [5000, 2400, NaN, NaN, 5000, 100]),
    ("baseline_date", [D("2023-12-31"), D("2022-12-31"), pd.NaT, pd.NaT, D("2023-12-31"), D("2023-12-31")]),
    ("latest", [5250, 2800, 800, NaN, 5250, 200]),
    ("latest_date", [D("2024-12-31"), D("2024-12-31"), D("2024-09-30"), pd.NaT, D("2024-12-31"), D("2024-12-31")]),
    ("as_of", [D("2024-12-31"), D("2024-12-31"), D("2024-09-30"), pd.NaT, D("2024-12-31"), D("2024-12-31")]),
    ("latest_period", ["", "", "1—9月", "", "", ""]),
    ("due", [D("2026-12-31")] * 5 + [D("2024-12-31")]),
    ("target", [6000, 4000, 1000, 50, 6000, 200]),
    ("gap", [750, 1200, NaN, NaN, 750, 0]),          # 待数据 with one point: no gap yet
    ("ratio", [0.797, 0.5878, NaN, NaN, 0.797, 1.0]),
    ("projected_year", [2027, 2029, pd.NA, pd.NA, 2027, 2024]),   # over: the pace reaches 200 on its due date
    ("stale", [False] * 6),
]


@pytest.fixture
def table():            # built for each test: mutmut maps each test to the functions it runs
    return tracker.status(tracker.load(BOOK), today="2025-06-30")


@pytest.mark.parametrize("column, values", EXPECTED, ids=[c for c, _ in EXPECTED])
def test_status_table_of_a_fixed_book(table, column, values):
    got = table[column].tolist()
    for g, v in zip(got, values, strict=True):
        if v is pd.NaT or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
            assert pd.isna(g), (column, got)
        elif isinstance(v, float) and not float(v).is_integer():
            assert g == pytest.approx(v, abs=0.001), (column, got)
        else:
            assert g == v, (column, got)


def test_status_table_shape_and_types(table):
    assert list(table.columns) == tracker.progress.STATUS_COLUMNS
    assert list(table.index) == [0, 1, 2, 3, 4, 5]
    assert table["name"].tolist() == ["昆山GDP", "昆山市·高新技术企业", "昆山市·发明专利", "昆山市·重点项目",
                                      "昆山市·一般公共预算收入", "昆山市·技改投资"]
    for col in ("baseline_date", "latest_date", "as_of", "due"):
        assert table[col].dtype == "datetime64[ns]", col
    assert table["projected_year"].dtype == "Int64"
    assert table["stale"].dtype == bool
    for col in ("baseline", "latest", "target", "gap", "ratio", "progress"):
        assert table[col].dtype == "float64", col


def test_stale_in_the_table():
    """Assessed 2026-04-01, the 2024-12-31 figures are 15 months and a day old: stale; 2024-09 older still."""
    t = tracker.status(tracker.load(BOOK), today="2026-04-01")
    assert t["stale"].tolist() == [True, True, True, False, True, True]


def test_thresholds_from_the_files_settings():
    """on_track 0.75 makes gdp (R = 0.797) on track; accelerate 0.5 makes firms (R = 0.588) 需加快."""
    t = tracker.status(tracker.load("settings: {on_track: 0.75, accelerate: 0.5}\n" + BOOK), today="2025-06-30")
    assert t["status"].tolist()[:2] == ["进度正常", "需加快"]


# The trajectory of gdp, assessed 2025-06-30: baseline 2023-12-31, due 2026-12-31 (1096 days).
# A day d after the baseline lies at share d/1096: straight line 5000 + 1000 × share, compound
# path 5000 × 1.2 ** share.
def _at(days):
    share = days / 1096
    return 5000 + 1000 * share, 5000 * 1.2 ** share


TRAJECTORY = [
    # date, observed, linear, required, target, label
    (D("2023-12-31"), 5000, *_at(0), NaN, "基期"),
    (D("2024-06-30"), 5100, *_at(182), NaN, "观测"),
    (D("2024-12-31"), 5250, *_at(366), NaN, "观测"),
    (D("2025-06-30"), NaN, *_at(547), NaN, "今天"),
    (D("2025-12-31"), NaN, *_at(731), NaN, ""),
    (D("2026-12-31"), NaN, 6000, 6000, 6000, "目标"),
]


def test_trajectory_of_a_fixed_target():
    path = tracker.trajectory(tracker.load(BOOK), "gdp", today="2025-06-30")
    assert list(path.columns) == ["date", "observed", "linear", "required", "target", "label"]
    assert path["date"].dtype == "datetime64[ns]"
    for col in ("observed", "linear", "required", "target"):
        assert path[col].dtype == "float64", col
    assert len(path) == len(TRAJECTORY)
    for row, expected in zip(path.itertuples(index=False), TRAJECTORY):
        assert row.date == expected[0] and row.label == expected[5]
        for got, want in zip(row[1:5], expected[1:5]):
            assert (math.isnan(got) and math.isnan(want)) or got == pytest.approx(want, rel=1e-9), (row, expected)


def test_trajectory_after_the_due_date_draws_no_today():
    """Assessed after the due date: no 今天 row, the path ends at the target."""
    path = tracker.trajectory(tracker.load(BOOK), "gdp", today="2027-03-01")
    assert path["label"].tolist() == ["基期", "观测", "观测", "", "目标"]


def test_trajectory_of_a_target_without_a_baseline_draws_no_path():
    """firms: the first observation stands in as the baseline for the status; the path is drawn
    from it (2022-12-31 → 2026-12-31, 1461 days)."""
    path = tracker.trajectory(tracker.load(BOOK), "firms", today="2025-06-30")
    first = path.iloc[0]
    assert (first["date"], first["observed"], first["label"]) == (D("2022-12-31"), 2400, "基期")
    last = path.iloc[-1]
    assert (last["date"], last["linear"], last["target"], last["label"]) == (D("2026-12-31"), 4000, 4000, "目标")
    mid = path[path["date"] == D("2023-12-31")].iloc[0]
    assert mid["linear"] == pytest.approx(2400 + 1600 * 365 / 1461)
    assert mid["required"] == pytest.approx(2400 * (4000 / 2400) ** (365 / 1461))


# Where two rows fall on one day, the label says the most: today on a year end is 今天, today on the
# due date is 目标, an observation on today or a year end stays 观测, the baseline stays 基期.
LABELS = [
    ("2025-12-31", ["基期", "观测", "观测", "今天", "目标"]),
    ("2026-12-31", ["基期", "观测", "观测", "", "目标"]),
    ("2024-12-31", ["基期", "观测", "观测", "", "目标"]),
    ("2023-12-31", ["基期", "观测", "观测", "", "目标"]),
]


@pytest.mark.parametrize("today, labels", LABELS, ids=[t for t, _ in LABELS])
def test_trajectory_labels_where_rows_meet(today, labels):
    path = tracker.trajectory(tracker.load(BOOK), "gdp", today=today)
    assert path["label"].tolist() == labels


EDGES = """\
targets:
  - id: edges
    region: 某市
    indicator: 地区生产总值
    unit: 亿元
    baseline: {value: 5000, date: 2023}
    target: {value: 6000, due: 2026}
    source: {doc: d}
    progress:
      - {date: 2023-06, value: 4900}
      - {date: 2024-06, value: 5100}
      - {date: 2027, value: 6100}
  - id: nodue
    region: 某市
    indicator: 专利
    unit: 件
    baseline: {value: 100, date: 2023}
    target: {value: 200}
    source: {doc: d}
    progress:
      - {date: 2024, value: 150}
  - id: inc
    region: 某市
    indicator: 税收
    unit: 亿元
    type: increment
    target: {value: 1000, due: 2026}
    source: {doc: d}
    progress:
      - {date: 2023, value: 5000}
      - {date: 2024, value: 5250}
  - id: flow
    region: 某市
    indicator: 技改项目
    unit: 项
    type: flow
    target: {value: 300}
    source: {doc: d}
"""


def test_trajectory_draws_every_observation_but_paths_only_between_baseline_and_due():
    """An observation before the baseline (2023-06) and after the due date (2027) are drawn, with no
    path value; the year end 2024-12-31 without an observation is a row of its own."""
    path = tracker.trajectory(tracker.load(EDGES), "edges", today="2027-03-01")
    assert [str(d.date()) for d in path["date"]] == ["2023-06-30", "2023-12-31", "2024-06-30", "2024-12-31",
                                                      "2025-12-31", "2026-12-31", "2027-12-31"]
    assert path["label"].tolist() == ["观测", "基期", "观测", "", "", "目标", "观测"]
    assert path["observed"].tolist()[:3] == [4900, 5000, 5100] and path["observed"].tolist()[-1] == 6100
    assert math.isnan(path["linear"].iloc[0]) and math.isnan(path["linear"].iloc[-1])
    assert math.isnan(path["required"].iloc[0]) and math.isnan(path["required"].iloc[-1])
    assert path["linear"].iloc[3] == pytest.approx(5000 + 1000 * 366 / 1096)


def test_trajectory_without_a_due_date():
    path = tracker.trajectory(tracker.load(EDGES), "nodue", today="2025-06-30")
    assert path["label"].tolist() == ["基期", "观测"]
    assert path["observed"].tolist() == [100, 150]
    assert path["linear"].isna().all() and path["target"].isna().all()


def test_trajectory_of_an_increment_without_baseline():
    """新增1000 over the first observation (5000): the target drawn is 6000, reached along 5000 → 6000."""
    path = tracker.trajectory(tracker.load(EDGES), "inc", today="2025-06-30")
    assert path["label"].tolist() == ["基期", "观测", "今天", "", "目标"]
    assert path["target"].iloc[-1] == 6000 and path["linear"].iloc[-1] == pytest.approx(6000)


def test_trajectory_of_an_annual_flow_with_nothing_observed():
    """每年300项, nothing observed, assessed 2025-06-30: this year's path, 0 → 300 by its end.
    The year's start is where the path begins, not a recorded baseline: it carries no label."""
    path = tracker.trajectory(tracker.load(EDGES), "flow", today="2025-06-30")
    assert path["label"].tolist() == ["", "今天", "目标"]
    assert [str(d.date()) for d in path["date"]] == ["2024-12-31", "2025-06-30", "2025-12-31"]
    assert path["linear"].tolist() == pytest.approx([0, 300 * 181 / 365, 300])


def test_trajectory_of_an_annual_flow_assessed_on_its_first_day():
    """每年300项 observed for 1—6月 2025 and assessed on 2024-12-31: the path is 2025's, which starts
    that very day, so the unlabelled start of the year is today's row (今天), as a year end is."""
    path = tracker.trajectory(tracker.load(EDGES + "    progress:\n      - {date: 2025-06, value: 100, period: 1—6月}\n"),
                              "flow", today="2024-12-31")
    assert [str(d.date()) for d in path["date"]] == ["2024-12-31", "2025-06-30", "2025-12-31"]
    assert path["label"].tolist() == ["今天", "观测", "目标"]


def test_trajectory_of_an_unknown_target_has_the_columns():
    path = tracker.trajectory(tracker.load(BOOK), "nope", today="2025-06-30")
    assert path.empty and list(path.columns) == ["date", "observed", "linear", "required", "target", "label"]


def test_trajectory_of_a_target_with_nothing_observed():
    path = tracker.trajectory(tracker.load(BOOK), "plan", today="2025-06-30")
    assert path["label"].tolist() == ["目标"] and path["target"].tolist() == [50]
    assert path["observed"].isna().all() and path["linear"].isna().all() and path["required"].isna().all()
    assert path["observed"].dtype == "float64" and path["date"].dtype == "datetime64[ns]"


def test_trajectory_with_nothing_to_draw_keeps_its_types():
    """A monitored rate (no target, no baseline, nothing observed) has no row, but the columns keep
    their types: a chart of several targets concatenates them."""
    book = tracker.load("targets:\n  - {id: r, region: 某市, indicator: 增速, unit: '%', type: rate, source: {doc: d}}\n")
    path = tracker.trajectory(book, "r", today="2025-06-30")
    assert path.empty and list(path.columns) == ["date", "observed", "linear", "required", "target", "label"]
    assert path["date"].dtype == "datetime64[ns]"


def test_trajectory_of_an_annual_flow_ignores_years_after_its_deadline():
    """每年300项 due 2025, with 250 for 2025 and 100 for 1—3月 2026: the path is 2025's, from 0 at the
    start of the year to 300 at its end, and the 2026 figure, about no year the target covers, is not drawn."""
    book = tracker.load("targets:\n  - {id: f, region: 某市, indicator: 技改项目, unit: 项, type: flow, "
                        "target: {value: 300, due: 2025}, source: {doc: d}, "
                        "progress: [{date: 2025, value: 250}, {date: 2026-03, value: 100}]}\n", today="2026-06-30")
    path = tracker.trajectory(book, "f", today="2026-06-30")
    assert [str(d.date()) for d in path["date"]] == ["2024-12-31", "2025-12-31"]
    assert path["label"].tolist() == ["", "观测"]
    assert path["observed"].tolist()[1] == 250 and math.isnan(path["observed"].iloc[0])
    assert path["linear"].tolist() == [0, 300] and path["target"].tolist()[1] == 300


# --- the table agrees with the one-target computation -------------------------------------------

values = st.integers(1, 10_000)
years = st.integers(2018, 2026)


@st.composite
def books(draw):
    """A book of 1-4 targets, each with or without a baseline and 0-4 observations (some on one date)."""
    entries, expected = [], []
    for i in range(draw(st.integers(1, 4))):
        base_year = draw(years)
        due = base_year + draw(st.integers(1, 6))
        with_base = draw(st.booleans())
        goal = draw(values)
        obs = []
        for _ in range(draw(st.integers(0, 4))):
            obs.append((draw(st.integers(base_year, due + 1)), draw(values)))
        lines = [f"  - id: t{i}", "    region: 某市", f"    indicator: 指标{i}", "    unit: 家",
                 f"    target: {{value: {goal}, due: {due}}}", "    source: {doc: d}"]
        if with_base:
            lines.append(f"    baseline: {{value: {draw(values)}, date: {base_year}}}")
        if obs:
            seen = {}
            for y, v in obs:
                seen[y] = v                      # one observation a date (the book refuses two)
            lines.append("    progress: [" + ", ".join(f"{{date: {y}, value: {v}}}" for y, v in seen.items()) + "]")
            obs = sorted(seen.items())
        entries.append("\n".join(lines))
        expected.append(obs)
    return "targets:\n" + "\n".join(entries) + "\n", expected


@settings(max_examples=budget(30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(books(), st.sampled_from(["2024-06-30", "2027-03-01"]))
def test_the_table_agrees_with_each_targets_own_assessment(case, today):
    text, observations = case
    book = tracker.load(text)
    table = tracker.status(book, today=today)
    assert len(table) == len(observations)
    targets = book.targets.to_dict("records")
    for row, t, obs in zip(table.to_dict("records"), targets, observations):
        one = assess(t, [(D(f"{y}-12-31"), v) for y, v in obs], today=today)
        for col in ("status", "reason", "latest", "baseline", "ratio", "gap", "progress", "projected_value", "stale"):
            a, b = row[col], one[col]
            assert (pd.isna(a) and pd.isna(b)) or a == pytest.approx(b), (col, a, b)
        assert (pd.isna(row["projected_year"]) and np.isnan(one["projected_year"])) or \
            row["projected_year"] == one["projected_year"]
