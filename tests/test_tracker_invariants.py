"""Status maths against invariants, on generated targets and observations (issue #12).

The worked examples of test_tracker_status.py fix single numbers; these properties hold for
every target hypothesis draws, so a wrong comparison or a sign slip fails somewhere:

- a higher latest value never lowers the status of an up-target (and a lower one never
  lowers a down-target's);
- R exactly at a threshold gives the better status, a hair below it the worse one;
- an observation at or past the due date decides 已完成 or 逾期未完成, by the target alone;
- a down-target is the mirror of an up-target: the same status for the reflected numbers.

Each expectation is worked out from the generated numbers here, not read from the tracker.
The boundaries of the annual-flow window and the stale cut-off are tables at the end.
"""
import math

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from strategies import budget
from tracker.progress import assess, trajectory

D = pd.Timestamp
examples = settings(max_examples=budget(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Better statuses first; 逾期未完成 is a shortfall at the due date, below any graded status.
RANK = {"已完成": 6, "进度正常": 5, "需加快": 4, "进展缓慢": 3, "倒退": 2, "逾期未完成": 1}
GRADED = ("进度正常", "需加快", "进展缓慢", "倒退")

values = st.floats(min_value=-1e4, max_value=1e5, allow_nan=False, allow_infinity=False).map(lambda v: round(v, 2))
positive = st.floats(min_value=1, max_value=1e5, allow_nan=False, allow_infinity=False).map(lambda v: round(v, 2))
years = st.integers(min_value=2015, max_value=2030)
qualifiers = st.sampled_from(["eq", "ge", "gt"])
MIRROR = {"eq": "eq", "ge": "le", "gt": "lt"}


def year_end(year: int) -> pd.Timestamp:
    return D(f"{year}-12-31")


@st.composite
def level_targets(draw, direction="up", baseline=None):
    """A level target with a baseline, a due year after it, and an observation date inside or after."""
    base_year = draw(years)
    due_year = base_year + draw(st.integers(1, 10))
    base = draw(baseline if baseline is not None else values)
    goal = draw(values)
    assume(goal != base)
    t = dict(type="level", baseline=base, baseline_date=year_end(base_year), target=goal, target_stated=goal,
             due=year_end(due_year), direction=direction, qualifier=draw(qualifiers))
    when = year_end(draw(st.integers(base_year + 1, due_year + 2)))
    return t, when


def meets(latest, t) -> bool:
    """Whether `latest` reaches the target, written out from FIGURES.md's qualifiers."""
    goal, q = t["target"], t["qualifier"]
    if t["direction"] == "up":
        return latest > goal if q == "gt" else latest >= goal
    return latest < goal if q == "lt" else latest <= goal


@examples
@given(st.sampled_from(["up", "down"]).flatmap(lambda d: level_targets(direction=d)), values, values)
def test_a_better_latest_value_never_lowers_the_status(tw, a, b):
    """Higher is better for an up-target, lower for a down-target: the better value's status
    ranks at least as high."""
    t, when = tw
    worse, better = sorted((a, b)) if t["direction"] == "up" else sorted((a, b), reverse=True)
    today = when + pd.Timedelta(days=1)          # judged when the figure comes out
    s_worse = assess(t, [(when, worse)], today=today)["status"]
    s_better = assess(t, [(when, better)], today=today)["status"]
    if s_worse in RANK and s_better in RANK:
        assert RANK[s_better] >= RANK[s_worse], (worse, s_worse, better, s_better)
    else:
        assert s_worse == s_better          # 待数据 and the like do not depend on the value


@examples
@given(level_targets(), values, st.integers(0, 3))
def test_an_observation_at_or_past_the_due_date_decides_done_or_overdue(tw, latest, days_after):
    t, _ = tw
    when = t["due"] + pd.Timedelta(days=days_after)
    result = assess(t, [(when, latest)], today=when + pd.Timedelta(days=1))
    assert result["status"] == ("已完成" if meets(latest, t) else "逾期未完成")


@examples
@given(st.sampled_from(["up", "down"]).flatmap(lambda d: level_targets(direction=d)), values)
def test_a_value_that_meets_the_target_is_done_whenever_it_was(tw, latest):
    t, when = tw
    assume(meets(latest, t))
    assert assess(t, [(when, latest)], today=when + pd.Timedelta(days=1))["status"] == "已完成"


@st.composite
def in_progress(draw):
    """A target not yet met nor due, with its latest value: (target, date, latest, R) where R is graded."""
    direction = draw(st.sampled_from(["up", "down"]))
    base_year = draw(years)
    due_year = base_year + draw(st.integers(2, 10))
    base = draw(values)
    distance = draw(positive)
    goal = base + distance if direction == "up" else base - distance
    covered = draw(st.floats(min_value=-1.5, max_value=0.99))    # share of the distance covered
    latest = round(base + (goal - base) * covered, 2)
    t = dict(type="level", baseline=base, baseline_date=year_end(base_year), target=goal, target_stated=goal,
             due=year_end(due_year), direction=direction, qualifier=draw(qualifiers))
    when = year_end(draw(st.integers(base_year + 1, due_year - 1)))
    assume(not meets(latest, t))
    r = assess(t, [(when, latest)], today=when)
    assume(r["status"] in GRADED and not math.isnan(r["ratio"]))
    return t, when, latest, r["ratio"]


@examples
@given(in_progress())
def test_a_ratio_exactly_at_on_track_is_on_track(case):
    t, when, latest, ratio = case
    assume(0 <= ratio <= 2)
    at = dict(on_track=ratio, accelerate=min(ratio, 0.6))
    below = dict(on_track=math.nextafter(ratio, math.inf), accelerate=min(ratio, 0.6))
    assert assess(t, [(when, latest)], today=when, settings=at)["status"] == "进度正常"
    assert assess(t, [(when, latest)], today=when, settings=below)["status"] == "需加快"


@examples
@given(in_progress())
def test_a_ratio_exactly_at_accelerate_needs_acceleration(case):
    t, when, latest, ratio = case
    assume(0 <= ratio < 2)
    on_track = math.nextafter(ratio, math.inf)
    at = dict(on_track=on_track, accelerate=ratio)
    below = dict(on_track=on_track, accelerate=math.nextafter(ratio, math.inf))
    assert assess(t, [(when, latest)], today=when, settings=at)["status"] == "需加快"
    assert assess(t, [(when, latest)], today=when, settings=below)["status"] == "进展缓慢"


@examples
@given(in_progress())
def test_the_default_thresholds_grade_the_ratio(case):
    """0.95 and 0.6 (the defaults) and 0 split R into the four graded statuses."""
    t, when, latest, ratio = case
    expected = ("进度正常" if ratio >= 0.95 else "需加快" if ratio >= 0.6 else "进展缓慢" if ratio >= 0 else "倒退")
    assert assess(t, [(when, latest)], today=when)["status"] == expected


@examples
@given(level_targets(baseline=st.just(0.0)))
def test_no_change_from_the_baseline_is_ratio_zero_limited_progress(tw):
    """R = 0 exactly (the latest equals the baseline) is 进展缓慢, the better side of 倒退."""
    t, when = tw
    assume(t["target"] > 0 and when < t["due"])
    r = assess(t, [(when, t["baseline"])], today=when)
    assert (r["ratio"], r["status"]) == (0, "进展缓慢")


@examples
@given(st.floats(min_value=-1e4, max_value=0, allow_nan=False).map(lambda v: round(v, 2)), positive, years,
       st.integers(1, 10), st.integers(1, 12), values, qualifiers, st.integers(0, 3))
def test_a_down_target_mirrors_an_up_target(base, goal, base_year, span, years_in, latest, qualifier, past):
    """Up from b ≤ 0 to T > 0 with latest L, and down from -b to -T with latest -L: the same status,
    progress and ratio (both are judged on a straight line; 超 mirrors 低于, 以上 mirrors 以下)."""
    due = year_end(base_year + span)
    when = year_end(base_year + min(years_in, span + past))
    today = when + pd.Timedelta(days=1)
    up = dict(type="level", baseline=base, baseline_date=year_end(base_year), target=goal, target_stated=goal,
              due=due, direction="up", qualifier=qualifier)
    down = dict(up, baseline=-base, target=-goal, target_stated=-goal, direction="down",
                qualifier=MIRROR[qualifier])
    r_up, r_down = assess(up, [(when, latest)], today=today), assess(down, [(when, -latest)], today=today)
    assert r_up["status"] == r_down["status"]
    assert r_up["ratio"] == pytest.approx(r_down["ratio"], nan_ok=True)
    assert r_up["gap"] == pytest.approx(r_down["gap"], nan_ok=True)


@examples
@given(st.sampled_from(["rate", "share"]), positive, positive, st.sampled_from(["eq", "ge"]))
def test_a_down_rate_mirrors_an_up_rate(kind, goal, latest, qualifier):
    """A rate or share compared directly: up to T with L and down to -T with -L agree."""
    up = dict(type=kind, target=goal, target_stated=goal, direction="up", qualifier=qualifier)
    down = dict(up, target=-goal, target_stated=-goal, direction="down", qualifier=MIRROR[qualifier])
    when = D("2025-03-31")
    r_up, r_down = assess(up, [(when, latest)], today=when), assess(down, [(when, -latest)], today=when)
    assert (r_up["status"], r_up["ratio"]) == (r_down["status"], pytest.approx(r_down["ratio"]))
    assert r_up["ratio"] == pytest.approx(latest / goal)



# The annual-flow window: a flow (每年实施300项) counts the observations of the year of its
# latest one, from 1 January to 31 December; 31 December of the year before belongs to that
# year. (id, observations [(date, value)], the observed points drawn for the latest year)
FLOW = dict(type="flow", target=300, target_stated=300, direction="up", qualifier="ge")
FLOW_WINDOW = [
    ("31 Dec of the year before is outside", [("2024-12-31", 310), ("2025-06-30", 200)], [("2025-06-30", 200)]),
    ("30 Dec of the year before is outside", [("2024-12-30", 310), ("2025-06-30", 200)], [("2025-06-30", 200)]),
    ("1 Jan of the year is inside", [("2025-01-01", 20), ("2025-06-30", 200)], [("2025-01-01", 20), ("2025-06-30", 200)]),
    ("31 Dec of the year is inside", [("2025-06-30", 200), ("2025-12-31", 320)], [("2025-06-30", 200), ("2025-12-31", 320)]),
]


@pytest.mark.parametrize("points, drawn", [c[1:] for c in FLOW_WINDOW], ids=[c[0] for c in FLOW_WINDOW])
def test_annual_flow_window(points, drawn):
    import tracker

    yaml = ("targets:\n  - {id: flow, region: 某市, indicator: 技改项目, unit: 项, type: flow, qualifier: ge,\n"
            "     target: {value: 300}, source: {doc: d}, progress: ["
            + ", ".join(f"{{date: {d}, value: {v}}}" for d, v in points) + "]}\n")
    path = trajectory(tracker.load(yaml), "flow", today="2026-01-15")
    observed = path[path["label"] == "观测"]
    assert [(str(d.date()), v) for d, v in zip(observed["date"], observed["observed"])] == drawn


# The window's edge decides the status too: 310 on 31 December of the year before does not count
# toward 2025, so 2025 is judged on its own (200 of 300 by 30 June: 200/300 ÷ 181/365 = 1.34).
FLOW_STATUS = [
    ("a full year done on its last day → 已完成", [("2025-12-31", 300)], "2026-01-15", "已完成"),
    ("one item short on its last day → 逾期未完成", [("2025-12-31", 299)], "2026-01-15", "逾期未完成"),
    ("half the year, two thirds done → 进度正常", [("2024-12-31", 310), ("2025-06-30", 200)], "2025-07-01", "进度正常"),
]


@pytest.mark.parametrize("points, today, expected", [c[1:] for c in FLOW_STATUS], ids=[c[0] for c in FLOW_STATUS])
def test_annual_flow_status_at_the_window_edges(points, today, expected):
    r = assess(FLOW, [(D(d), v) for d, v in points], today=D(today))
    assert r["status"] == expected
    assert r["baseline_date"] == D("2024-12-31")            # the window opens after the year before ends
