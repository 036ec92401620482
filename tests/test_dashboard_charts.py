"""The Plotly figure builders: what each chart draws, labels and leaves out."""

import re

import pandas as pd
import pytest

import tracker
from dashboard import charts

COLUMNS = ["id", "name", "region", "indicator", "unit", "tags", "type", "baseline", "baseline_date", "latest",
           "latest_date", "latest_period", "as_of", "stale", "target", "target_stated", "due", "progress", "gap",
           "elapsed", "expected", "elapsed_today", "expected_now", "status", "reason"]


def row(id, region="昆山市", indicator="地区生产总值", unit="亿元", status="需加快", progress=0.5, elapsed=0.6,
        baseline=5000.0, latest=5500.0, target=6000.0, today=0.6, stale=False, reason=""):
    """A status row with data as of 2024; elapsed is the time share then, today the share today."""
    def at(share):
        return baseline + (target - baseline) * share if None not in (baseline, target, share) else None
    return dict(id=id, name="", region=region, indicator=indicator, unit=unit, tags=[], type="level", baseline=baseline,
                baseline_date=pd.Timestamp("2023-12-31"), latest=latest, latest_date=pd.Timestamp("2024-12-31"),
                latest_period="", as_of=pd.Timestamp("2024-12-31") if latest is not None else pd.NaT, stale=stale,
                target=target, target_stated=target, due=pd.Timestamp("2026-12-31"), progress=progress, gap=None,
                elapsed=elapsed, expected=at(elapsed), elapsed_today=today, expected_now=at(today), status=status,
                reason=reason)


@pytest.fixture
def status():
    return pd.DataFrame([
        row("a", status="需加快", progress=0.5),
        row("b", indicator="高新技术企业", unit="家", status="已完成", progress=1.2, baseline=3000, latest=4100, target=4000),
        row("c", region="苏州市", unit="万亿元", status="暂无数据", progress=None, latest=None, baseline=2.4, target=3.0,
            elapsed=None, reason="暂无进展数据"),
        row("d", region="苏州市", indicator="规上工业总产值", unit="万亿元", status="倒退", progress=-3.0,
            baseline=4.4, latest=4.0, target=5.0, elapsed=0.34, today=0.97, stale=True),
    ], columns=COLUMNS)


def bars(fig):
    return [t for t in fig.data if t.type == "bar"]


def test_progress_chart_has_one_bar_per_target_with_status_in_words(status):
    fig = charts.progress_chart(status)
    drawn = {c[0]: (trace.name, text) for trace in bars(fig) for c, text in zip(trace.customdata, trace.text)}
    assert set(drawn) == {"a", "b", "c", "d"}
    for state, text in drawn.values():
        assert state in tracker.STATUSES and f" · {state}" in text
    assert drawn["a"][1] == "50% · 需加快 · 数据截至2024年"
    assert drawn["c"][1] == "— · 暂无数据"
    assert drawn["d"][1] == "-300% · 倒退 · 数据截至2024年 · 数据滞后"


def test_progress_chart_names_targets_not_ids(status):
    fig = charts.progress_chart(status.assign(name=["昆山GDP", "", "", ""]))
    names = {y for trace in bars(fig) for y in trace.y}
    assert names == {"昆山GDP", "昆山市·高新技术企业", "苏州市·地区生产总值", "苏州市·规上工业总产值"}


def test_progress_chart_hover_gives_the_reason(status):
    c = next(t for t in bars(charts.progress_chart(status)) if t.name == "暂无数据")
    assert [list(x) for x in c.customdata] == [["c", "暂无进展数据"]]


def test_progress_chart_colours_follow_the_status_table(status):
    for trace in bars(charts.progress_chart(status)):
        assert trace.marker.color == charts.STATUS_COLOURS[trace.name]


def test_progress_chart_clips_runaway_bars_but_keeps_the_true_label(status):
    fig = charts.progress_chart(status)
    backwards = next(t for t in bars(fig) if t.name == "倒退")
    assert backwards.x[0] == charts.SHOWN_RANGE[0]
    assert backwards.text[0].startswith("-300%")


def test_progress_chart_marks_pace_at_the_as_of_date_and_today_apart(status):
    fig = charts.progress_chart(status)
    pace = next(t for t in fig.data if t.name == charts.PACE_NAME)
    assert list(pace.x) == pytest.approx([60.0, 60.0, 34.0])              # c has no data: no as-of marker
    assert list(pace.customdata) == ["a", "b", "d"]
    today = next(t for t in fig.data if t.name == charts.TODAY_NAME)
    assert list(today.customdata) == ["c", "d"] and list(today.x) == pytest.approx([60.0, 97.0])


def test_progress_chart_draws_at_most_max_bars():
    many = pd.DataFrame([row(f"t{i}") for i in range(charts.MAX_BARS + 20)], columns=COLUMNS)
    drawn = sum(len(t.x) for t in bars(charts.progress_chart(many)))
    assert drawn == charts.MAX_BARS


def test_trajectory_chart_draws_paths_baseline_and_target(status):
    trajectory = pd.DataFrame({
        "date": pd.to_datetime(["2023-12-31", "2024-12-31", "2025-12-31", "2026-12-31"]),
        "observed": [5000.0, 5300.0, None, None],
        "linear": [5000.0, 5333.3, 5666.7, 6000.0],
        "required": [5000.0, 5313.0, 5646.0, 6000.0],
    })
    fig = charts.trajectory_chart(trajectory, status.iloc[0])
    assert [t.name for t in fig.data] == ["实际值", "匀速路径", "按所需增速", "基期", "目标"]
    assert list(fig.data[0].text) == ["5000亿元", "5300亿元"]
    assert fig.data[-1].text == ("6000亿元",)
    assert all("e+" not in label and "k" not in label for label in fig.layout.yaxis.ticktext)
    assert list(fig.layout.xaxis.ticktext) == ["2023年", "2024年", "2025年", "2026年"]


def test_trajectory_chart_of_a_target_without_data_still_draws(status):
    empty = pd.DataFrame(columns=["date", "observed", "linear", "required"])
    fig = charts.trajectory_chart(empty, status.iloc[2])
    assert [t.name for t in fig.data] == ["基期", "目标"]


def test_bullet_panel_one_row_per_target_with_formatted_axes(status):
    fig = charts.bullet_panel(status)
    titles = [a.text for a in fig.layout.annotations]
    assert len(titles) == len(status)
    # two lines: the target and its status, then its figures and the date of its data
    lines = [re.sub(r"<[^>]+>", "", t).split("\n") for t in (t.replace("<br>", "\n") for t in titles)]
    assert lines[0] == ["昆山市·地区生产总值 · 需加快", "5500亿元 / 目标 6000亿元 · 数据截至2024年"]
    assert lines[2] == ["苏州市·地区生产总值 · 暂无数据", "— / 目标 3万亿元"]
    assert lines[3][0].endswith(" · 倒退") and lines[3][1].endswith("· 数据截至2024年 · 数据滞后")
    for axis in ("xaxis", "xaxis2", "xaxis3", "xaxis4"):
        labels = fig.layout[axis].ticktext
        assert labels and all("e+" not in t and "k" not in t for t in labels)


def test_comparison_chart_only_draws_indicators_of_several_regions(status):
    fig = charts.comparison_chart(status)
    assert sorted(t.name for t in fig.data) == ["昆山市", "苏州市"]
    assert {x for t in fig.data for x in t.x} == {"地区生产总值"}


def test_rate_chart_sorted_with_largest_on_top():
    rates = pd.DataFrame({"label": ["纺织", "钢材", "能源"], "value": [36.0, -2.5, 11.5], "period": ["2023年1—9月"] * 3})
    fig = charts.rate_chart(rates)
    assert list(fig.data[0].y) == ["钢材", "能源", "纺织"]  # plotly draws the last bar on top
    assert list(fig.data[0].text) == ["-2.5%", "+11.5%", "+36.0%"]


TICK_CASES = {
    "亿元 crossing 万亿": ((10800, 13200, "亿元"), ["1.1万亿元", "1.2万亿元", "1.3万亿元"]),
    "亿元 hundreds": ((4900, 6100, "亿元"), ["5000亿元", "5500亿元", "6000亿元"]),
    "percent": ((50, 56, "%"), ["50%", "52%", "54%", "56%"]),
    "a single value sits in the middle": ((7, 7, "家"), ["6家", "7家", "8家"]),
    "a single share sits in the middle": ((50, 50, "%"), ["45%", "47.5%", "50%", "52.5%", "55%"]),
    "things counted get whole ticks, never 3.25个": ((3, 4, "个"), ["3个", "4个"]),
    "hundreds of 项 keep round steps": ((0, 300, "项"), ["0项", "100项", "200项", "300项"]),
}


@pytest.mark.parametrize("args, expected", TICK_CASES.values(), ids=TICK_CASES.keys())
def test_value_ticks(args, expected):
    assert charts.value_ticks(*args)[1] == expected
