"""Progress, gap, pace, projection and status of each target: the Open SDG / UN progress measure.

Every status is judged **as of the latest observation** (``as_of``), not as of today: a
2024 figure says how things stood at the end of 2024. For a level target (GDP to reach
6000亿元), growth is compound:

    observed CAGR = (latest / baseline) ** (1 / years from baseline to as_of) - 1
    required CAGR = (target / baseline) ** (1 / years from baseline to due) - 1
    R = observed / required

and R >= on_track (0.95) is 进度正常, accelerate (0.6) <= R < on_track is 需加快,
0 <= R < accelerate is 进展缓慢, R < 0 is 倒退. A decreasing target has both rates
negative, so the same ratio works for direction down.

Where growth rates are undefined or meaningless -- a baseline of zero or below, an
annual flow (每年实施300项), no deadline -- the straight-line share is used instead:
R = (share of the distance covered) / (share of the time elapsed at as_of). Rates and
shares (增长7%, 占比55%) are compared directly with their target: R = latest / target, or
target / latest for a ceiling; against a target of zero (增速转正) there is no such ratio, and R is
the share of the distance covered from the baseline, or undefined without one. Where R is
undefined (also a required growth of zero: 超100 from a baseline of 100) the status is 待数据,
无法与目标比较.

The statuses beyond the graded four, in the order they are decided:

- 暂无数据: no observation at all.
- 仅监测: no target value (a rate or figure tracked without a goal).
- 已完成: the latest observation meets the target, whenever that was (also with a single
  observation and no baseline, or one at the baseline's date; not one older than a stated
  baseline).
- 待数据: no baseline and only one observation (仅有一个观测值，待下一期数据; not for rates
  and shares, which are compared directly); no observation after the baseline; or the due
  date has passed and no observation at or after it exists yet (已到期，待最新数据).
- 逾期未完成: the latest observation is at or after the due date and falls short.
- 倒退 also when the baseline already met the target and the latest observation no longer
  does (基期已达到目标，最新数据又未达到): progress, R and the projected year are then
  undefined (a fall below a floor would otherwise have R > 0).
- An annual amount with a ceiling (an annual flow going down: 每年新增用地不超过300亩) is not
  已完成 before its year ends: its amount so far, carried on at its pace to the year's end, is
  compared with the ceiling (R = ceiling / projected amount, 100 by June → 200 → R = 1.5); past
  the ceiling already (or at it, for a strict one: 低于300) it is 倒退 (年内累计已超过上限，全年
  目标已无法达到: the year's amount only adds up), with R undefined. After its year R is ceiling /
  amount (360 of ≤300 → 0.83). Such a ceiling has no projected year, in the year or after it: an
  amount that only adds up passes a ceiling, it never reaches it.

When no baseline is given, the first observation serves as one (as Open SDG does), and
``reason`` says so. ``stale`` flags data older than ``stale_after_months`` before the
assessment date (today); the status keeps its word. The projection continues the observed
pace (compound or straight line, as the status uses) to the due date (``projected_value``)
and finds the year the target would be reached (``projected_year``; empty when never at
this pace). Thresholds come from the file's ``settings:``.
"""
from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd

from .schema import SETTINGS
from .units import add_as_written

__all__ = ["STATUSES", "REASONS", "BASELINE_SOURCES", "assess", "status", "trajectory", "STATUS_COLUMNS"]

STATUSES = ("已完成", "进度正常", "需加快", "进展缓慢", "倒退", "逾期未完成", "待数据", "仅监测", "暂无数据")
DONE, ON_TRACK, ACCELERATE, LIMITED, AWAY, OVERDUE, AWAITING, MONITORED, NO_DATA = STATUSES

# Why a status is what it is, in the words officials read (the `reason` column).
REASONS = {
    "no_data": "暂无进展数据",
    "no_goal": "未设目标值，仅作监测",
    "one_point": "仅有一个观测值，待下一期数据",
    "due_passed": "已到期，待最新数据",
    "none_after_base": "暂无基期之后的观测数据",
    "first_as_base": "以{year}年观测值为基期",
    "overdue": "已过期限，最新数据未达到目标",
    "no_compare": "无法与目标比较",
    "fell_back": "基期已达到目标，最新数据又未达到",
    "over_cap": "年内累计已超过上限，全年目标已无法达到",
}

STATUS_COLUMNS = [
    "id", "name", "region", "indicator", "unit", "department", "tags", "type", "direction", "category",
    "baseline", "baseline_date", "latest", "latest_date", "latest_period", "as_of", "stale",
    "target", "target_stated", "due", "progress", "gap", "elapsed", "expected", "elapsed_today", "expected_now",
    "cagr_required", "cagr_observed", "ratio", "projected_value", "projected_year", "method", "status", "reason", "note",
    "baseline_source",
]

# Where the baseline a status used comes from (the `baseline_source` column). Only a stated
# baseline or an observation is a real figure that a chart or a briefing may show as 基期;
# an annual flow's zero at the start of its year is the method's starting point, not data.
BASELINE_SOURCES = {
    "stated": "台账写明的基期",
    "first_observation": "以最早一次进展为基期",
    "year_start": "年度目标从年初的零算起",
    "": "没有基期",
}

_NS_PER_DAY = 86_400 * 10**9
_YEAR_DAYS = 365.25
_EPOCH = dt.date(1970, 1, 1)
NaN = float("nan")
_LAST_DAY = pd.Timestamp.max.value / _NS_PER_DAY      # beyond it a year cannot be written as a date


def _nan(x) -> bool:
    return x != x


def _day(value) -> float:
    """A date as days since 1970-01-01 (float), NaN when absent."""
    if value is None or value is pd.NaT:
        return NaN
    if isinstance(value, float):
        return value
    return pd.Timestamp(value).value / _NS_PER_DAY


def _date(day: float) -> dt.date:
    return _EPOCH + dt.timedelta(days=math.floor(day))


def _year_end(year: int) -> float:
    return float((dt.date(year, 12, 31) - _EPOCH).days)


def _months_before(day: float, months: int) -> float:
    """The day ``months`` calendar months before ``day`` (the 31st becomes the month's last day)."""
    d = _date(day)
    y, m = divmod(d.year * 12 + d.month - 1 - months, 12)
    m += 1
    last = (dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return float((dt.date(y, m, min(d.day, last)) - _EPOCH).days)


def _meets(latest: float, target: float, direction: str, qualifier: str) -> bool:
    """Whether a value has reached its target: 超 (gt) and 低于 (lt) are strict."""
    if direction == "down":
        return latest < target if qualifier == "lt" else latest <= target
    return latest > target if qualifier == "gt" else latest >= target


def _grade(ratio: float, settings: dict) -> str:
    if ratio >= settings["on_track"]:
        return ON_TRACK
    if ratio >= settings["accelerate"]:
        return ACCELERATE
    return LIMITED if ratio >= 0 else AWAY


def _frame(kind, direction, b, tb, T, stated, td, points, today):
    """Decide baseline, target level, horizon, method and the observations that count
    (one visible place for the choices). Dates are days (floats, NaN when absent).

    Returns (b, tb, T, td, counted, method, note, base_reason)."""
    notes, base_reason = [], ""
    if kind == "flow":
        # An annual flow starts from zero each year: judge the year of the latest observation
        # (or the current year when there is none) against the annual target.
        year = _date(points[-1][0]).year if points else _date(today).year
        start, end = _year_end(year - 1), _year_end(year)
        inside = [p for p in points if start < p[0] <= end]
        return 0.0, start, T, end, inside, "linear", f"按{year}年计", ""
    if kind in ("rate", "share"):
        counted = [p for p in points if _nan(tb) or p[0] > tb]
        return b, tb, T, td, counted, "direct", "", ""
    if _nan(b) and len(points) >= 2:
        # No stated baseline: the first observation serves as one (Open SDG).
        tb, b = points[0]
        base_reason = REASONS["first_as_base"].format(year=_date(tb).year)
        if kind == "increment" and not _nan(stated):
            T = add_as_written(b, stated if direction == "up" else -stated)
    counted = [p for p in points if _nan(tb) or p[0] > tb]
    if _nan(b):
        return b, tb, T, td, counted, "", "", base_reason
    if _nan(td):
        method = "linear"
        notes.append("未设期限，按完成比例判断")
    elif td <= tb:
        method = "linear"
        notes.append("期限不晚于基期，按完成比例判断")
    elif not _nan(T) and b > 0 and T > 0:
        method = "cagr"
    else:
        method = "linear"
        notes.append("基期为零或负数，增速无意义，按直线进度计")
    return b, tb, T, td, counted, method, "；".join(notes), base_reason


def _flow_until_due(kind, td, points):
    """An annual flow's observations up to the end of its deadline's year: a figure of a later
    year is about no year the target covers (2025年实施300项 is not judged on 2026)."""
    if kind != "flow" or _nan(td):
        return points
    last = _year_end(_date(td).year)
    return [p for p in points if p[0] <= last]


def _share(start: float, end: float, when: float) -> float:
    span = end - start
    return NaN if not span > 0 else (when - start) / span


def _assess(kind, direction, qualifier, b, tb, T, stated, td, points, today, settings) -> dict:
    """The core of assess(), on days (floats) for speed; points sorted by date."""
    out = dict(baseline=b, baseline_date=tb, latest=NaN, latest_date=NaN, as_of=NaN, stale=False, target=T,
               progress=NaN, gap=NaN, elapsed=NaN, expected=NaN, elapsed_today=NaN, expected_now=NaN,
               cagr_required=NaN, cagr_observed=NaN, ratio=NaN, projected_value=NaN, projected_year=NaN,
               method="", status=NO_DATA, reason="", note="", baseline_source="")
    stated_base = not _nan(b) and not _nan(tb)
    points = _flow_until_due(kind, td, points)
    b, tb, T, td, counted, method, note, base_reason = _frame(kind, direction, b, tb, T, stated, td, points, today)
    source = "year_start" if kind == "flow" else "first_observation" if base_reason else "stated" if stated_base else ""
    out.update(baseline=b, baseline_date=tb, target=T, method=method, note=note, baseline_source=source)
    reasons = [base_reason] if base_reason else []

    def finish(state, *why):
        out["status"] = state
        out["reason"] = "；".join(r for r in (*reasons, *why) if r)
        return out

    has_base = not _nan(b) and not _nan(tb)
    horizon = has_base and not _nan(td) and td > tb
    if horizon:
        out["elapsed_today"] = min(max(_share(tb, td, today), 0.0), 1.0)
        if not _nan(T):
            out["expected_now"] = b + (T - b) * out["elapsed_today"]
    if method == "cagr":
        out["cagr_required"] = (T / b) ** (_YEAR_DAYS / (td - tb)) - 1
    if not points:
        return finish(NO_DATA, REASONS["no_data"])
    as_of, latest = points[-1]
    out.update(latest=latest, latest_date=as_of, as_of=as_of,
               stale=bool(as_of < _months_before(today, int(settings["stale_after_months"]))))
    if horizon:
        out["elapsed"] = min(max(_share(tb, td, as_of), 0.0), 1.0)
        if not _nan(T):
            out["expected"] = b + (T - b) * out["elapsed"]
    if _nan(stated) and _nan(T):
        return finish(MONITORED, REASONS["no_goal"])
    if _nan(T) or (kind == "increment" and not has_base):
        # (an increment with no baseline has no level to reach: T is still the increment itself)
        return finish(AWAITING, REASONS["one_point"])
    gap = (latest - T) if direction == "down" else (T - latest)
    one_point = not has_base and kind not in ("rate", "share")
    # 已完成 needs no pace: a latest value that meets the target is done even with a single
    # observation or none after the baseline (but not one older than a stated baseline).
    # an annual ceiling (每年新增用地不超过300亩) whose year is not over is met only when the year ends
    open_cap = kind == "flow" and direction == "down" and not _nan(td) and as_of < td
    if (one_point or not counted) and (not has_base or as_of >= tb) and _meets(latest, T, direction, qualifier) \
            and not open_cap:
        out["gap"] = gap
        if has_base and T != b:  # as on the graded path below, rates and shares with a baseline too
            out["progress"] = (latest - b) / (T - b)
        return finish(DONE)
    if one_point:
        return finish(AWAITING, REASONS["one_point"])
    out["gap"] = gap
    due_passed = not _nan(td) and today > td
    if not counted:
        return finish(AWAITING, REASONS["due_passed"] if due_passed else REASONS["none_after_base"])
    tl, L = counted[-1]
    # The baseline already met the target and the latest value no longer does: it has moved
    # away (倒退). Progress and R toward a target already behind are undefined (the growth
    # ratio would read a fall below a floor as on track).
    fell_back = method in ("cagr", "linear") and kind != "flow" and _meets(b, T, direction, qualifier) \
        and not _meets(L, T, direction, qualifier)
    if has_base and T != b and not fell_back:
        out["progress"] = (L - b) / (T - b)

    if fell_back:
        pass
    elif method == "cagr" and L > 0:
        observed = (L / b) ** (_YEAR_DAYS / (tl - tb)) - 1
        out["cagr_observed"] = observed
        if out["cagr_required"] != 0:
            out["ratio"] = observed / out["cagr_required"]
    elif method in ("cagr", "linear"):
        # (A level fallen to zero or below has no growth rate: the straight-line share says how far.)
        if not _nan(td) and td > tb:
            share = _share(tb, td, tl)
            if share > 0:
                out["ratio"] = out["progress"] / share
        elif _nan(td):
            out["ratio"] = out["progress"]
    elif method == "direct":
        if direction == "up" and T > 0:
            out["ratio"] = L / T
        elif direction == "down" and T < 0:
            out["ratio"] = L / T
        elif direction == "down" and T > 0 and L > 0:
            out["ratio"] = T / L
        elif has_base:
            out["ratio"] = out["progress"]
        if not has_base:
            out["progress"] = out["ratio"]

    if open_cap:
        # the year's amount so far, carried on at its pace to the year's end, against the ceiling:
        # R = ceiling / projected amount (as a ceiling's rate is read, target / latest)
        share = _share(tb, td, tl)
        _project(out, method, kind, b, tb, T, td, tl, L)
        out["projected_year"] = NaN
        if not _meets(L, T, direction, qualifier):  # only adds up: at or past the ceiling it may not reach
            # (低于300: 300 already), the year's goal is lost
            out["ratio"] = NaN
            return finish(AWAY, REASONS["over_cap"])
        out["ratio"] = T / (L / share) if L > 0 and share > 0 else math.inf
        return finish(_grade(out["ratio"], settings))
    if kind == "flow" and direction == "down":
        # a year's amount against its ceiling, read as a ceiling's rate is: ceiling / amount (360 of
        # ≤300 → 0.83, not the straight line's 1.2, which would read as on track)
        out["ratio"] = T / L if L > 0 else math.inf
    if _meets(L, T, direction, qualifier):
        return finish(DONE)
    _project(out, method, kind, b, tb, T, td, tl, L)
    if fell_back or kind == "flow" and direction == "down":
        # the target was left behind, not ahead; an annual amount only adds up: it passes a ceiling, never reaches it
        out["projected_year"] = NaN
    if not _nan(td) and tl >= td:
        return finish(OVERDUE, REASONS["overdue"])
    if due_passed:
        return finish(AWAITING, REASONS["due_passed"])
    if fell_back:
        return finish(AWAY, REASONS["fell_back"])
    if _nan(out["ratio"]):
        return finish(AWAITING, REASONS["no_compare"])
    return finish(_grade(out["ratio"], settings))


def _project(out: dict, method, kind, b, tb, T, td, tl, L) -> None:
    """Continue the observed pace: the value at the due date and the year the target is reached."""
    reach = NaN
    if method == "cagr" and L > 0:
        growth = (L / b) ** (_YEAR_DAYS / (tl - tb))          # yearly factor at the observed pace
        out["projected_value"] = b * growth ** ((td - tb) / _YEAR_DAYS)
        if growth != 1 and math.log(T / b) / math.log(growth) > 0:
            reach = tb + math.log(T / b) / math.log(growth) * _YEAR_DAYS
    elif method in ("cagr", "linear") and tl > tb:
        # (a level fallen to zero or below has no growth rate: its status and projection take the straight line)
        per_day = (L - b) / (tl - tb)
        if not _nan(td):
            out["projected_value"] = b + per_day * (td - tb)
        if per_day != 0 and (T - b) / per_day > 0:
            reach = tb + (T - b) / per_day
        if kind == "flow" and not reach <= td:
            reach = NaN                                       # an annual amount does not carry over
    if not _nan(reach) and reach < _LAST_DAY:
        out["projected_year"] = float(_date(reach).year)


def assess(t: dict, points: list[tuple[pd.Timestamp, float]], today=None, settings=None) -> dict:
    """Progress, gap, pace, projection and status of one target.

    ``t`` holds the target's fields as in ``Book.targets`` (type, direction, qualifier,
    baseline, baseline_date, target, target_stated, due); ``points`` its observations as
    (date, value). Dates in the result are Timestamps (NaT when absent)."""
    settings = {**SETTINGS, **(settings or {})}
    today = pd.Timestamp(today or pd.Timestamp.today()).normalize()
    out = _assess(*_inputs(t), sorted(((_day(d), float(v)) for d, v in points)), _day(today), settings)
    for col in ("baseline_date", "latest_date", "as_of"):
        out[col] = pd.NaT if _nan(out[col]) else pd.Timestamp(out[col] * _NS_PER_DAY)
    return out


def _num(x) -> float:
    return NaN if x is None or x is pd.NA or (isinstance(x, float) and x != x) else float(x)


def _inputs(t: dict) -> tuple:
    stated = t.get("target_stated", t.get("target"))
    if t.get("type") == "increment" and "target_stated" not in t:
        stated = NaN if _nan(_num(t.get("target"))) else _num(t.get("target")) - _num(t.get("baseline"))
    return (t.get("type", "level"), t.get("direction", "up"), t.get("qualifier", "eq"),
            _num(t.get("baseline")), _day(t.get("baseline_date")), _num(t.get("target")), _num(stated),
            _day(t.get("due")))


def _points_by_target(book) -> dict:
    """Every observation of each target as (date, value), in date order (for drawing)."""
    obs = book.observations.sort_values(["target_id", "date"], kind="stable")
    grouped: dict = {}
    for tid, date, value in zip(obs["target_id"], obs["date"], obs["value"]):
        grouped.setdefault(tid, []).append((date, value))
    return grouped


def _ends_by_target(book) -> tuple[dict, dict]:
    """The first and the latest observation of each target as (day, value), and the period
    of the latest: all that status needs (the first stands in for a missing baseline; pace
    and status use the latest). Done in pandas, so that 100,000 observations do not become
    100,000 Python objects."""
    obs = book.observations
    if obs.empty:
        return {}, {}
    obs = obs.sort_values(["target_id", "date"], kind="stable")
    grouped = obs.groupby("target_id", sort=False)
    first, last = grouped.head(1), grouped.tail(1)
    days_first = (first["date"].to_numpy("datetime64[ns]").astype("int64") / _NS_PER_DAY).tolist()
    days_last = (last["date"].to_numpy("datetime64[ns]").astype("int64") / _NS_PER_DAY).tolist()
    ends: dict = {}
    for tid, day, value in zip(first["target_id"].tolist(), days_first, first["value"].tolist()):
        ends[tid] = [(day, value)]
    counts = grouped["value"].size()
    periods: dict = {}
    for tid, day, value, period in zip(last["target_id"].tolist(), days_last, last["value"].tolist(),
                                       last["period"].tolist()):
        if counts[tid] > 1:
            ends[tid].append((day, value))
        periods[tid] = period or ""
    return ends, periods


# Columns of the status table that assess() computes (the baseline and target are the ones it used).
_ASSESSED = ("baseline", "baseline_date", "latest", "latest_date", "as_of", "stale", "target", "progress", "gap",
             "elapsed", "expected", "elapsed_today", "expected_now", "cagr_required", "cagr_observed", "ratio",
             "projected_value", "projected_year", "method", "status", "reason", "note", "baseline_source")

_DATES = ("baseline_date", "latest_date", "as_of", "due")
_NUMBERS = ("baseline", "latest", "target", "target_stated", "progress", "gap", "elapsed", "expected",
            "elapsed_today", "expected_now", "cagr_required", "cagr_observed", "ratio", "projected_value")


def _days(series: pd.Series) -> list[float]:
    values = pd.to_datetime(series).to_numpy("datetime64[ns]")
    days = values.astype("int64") / _NS_PER_DAY
    days[np.isnat(values)] = np.nan
    return days.tolist()


def status(book, today=None) -> pd.DataFrame:
    """One row per valid target with progress, gap, pace, projection and status (STATUS_COLUMNS).

    ``today`` is the assessment date (default: today): it decides whether a due date has
    passed and whether data are stale; pace is judged at each target's ``as_of``."""
    settings = {**SETTINGS, **(book.settings or {})}
    today = _day(pd.Timestamp(today or pd.Timestamp.today()).normalize())
    ends, periods = _ends_by_target(book)
    targets = book.targets
    stated = targets["target_stated"] if "target_stated" in targets else targets["target"]
    inputs = zip(targets["id"].tolist(), targets["type"].tolist(), targets["direction"].tolist(),
                 targets["qualifier"].tolist(), pd.to_numeric(targets["baseline"]).astype(float).tolist(),
                 _days(targets["baseline_date"]), pd.to_numeric(targets["target"]).astype(float).tolist(),
                 pd.to_numeric(stated).astype(float).tolist(), _days(targets["due"]))
    results = [_assess(kind, direction, qualifier, b, tb, T, s, td, ends.get(tid, []), today, settings)
               for tid, kind, direction, qualifier, b, tb, T, s, td in inputs]
    computed = pd.DataFrame(results, index=targets.index, columns=list(_ASSESSED))
    keep = [c for c in STATUS_COLUMNS if c not in _ASSESSED and c in targets]
    out = targets[keep].join(computed).reindex(columns=STATUS_COLUMNS)
    out["latest_period"] = [periods.get(tid, "") for tid in targets["id"]]
    out = out.reset_index(drop=True)
    for col in _DATES:
        if col == "due":
            out[col] = pd.to_datetime(out[col]).astype("datetime64[ns]")
        else:
            days = pd.to_numeric(out[col], errors="coerce").to_numpy(dtype=float)
            stamps = np.full(len(days), np.datetime64("NaT"), dtype="datetime64[ns]")
            known = ~np.isnan(days)
            stamps[known] = np.round(days[known] * _NS_PER_DAY).astype("int64").view("datetime64[ns]")
            out[col] = stamps
    for col in _NUMBERS:
        out[col] = pd.to_numeric(out[col], errors="coerce").astype("float64")
    out["projected_year"] = pd.to_numeric(out["projected_year"], errors="coerce").astype("Int64")
    out["stale"] = out["stale"].astype(bool)
    if "name" in targets:
        out["name"] = out["name"].fillna("")
    return out


def trajectory(book, target_id: str, today=None) -> pd.DataFrame:
    """Points to draw one target: date, observed, linear (straight line baseline -> target),
    required (the compound-growth path, only where the CAGR method applies), target (the
    target value on its due date, also when there is no baseline to draw a path from), and label
    (基期 / 观测 / 今天 / 目标 / '' for in-between year ends)."""
    today = pd.Timestamp(today or pd.Timestamp.today()).normalize()
    columns = ["date", "observed", "linear", "required", "target", "label"]
    match = book.targets[book.targets["id"] == target_id]
    if match.empty:
        return pd.DataFrame(columns=columns)
    t = match.iloc[0].to_dict()
    points = _points_by_target(book).get(target_id, [])
    days = sorted((_day(d), float(v)) for d, v in points)
    kind, direction, _, b, tb, T, stated, td = _inputs(t)
    days = _flow_until_due(kind, td, days)
    b, tb, T, td, counted, method, _, _ = _frame(kind, direction, b, tb, T, stated, td, days, _day(today))
    stamp = lambda day: pd.Timestamp(day * _NS_PER_DAY)    # noqa: E731
    rows = {}

    def put(date, label, observed=NaN):
        row = rows.setdefault(date, {"date": date, "observed": NaN, "label": label})
        if not _nan(observed):
            row["observed"] = observed
        if label and label != row["label"] and row["label"] in ("", "今天"):
            row["label"] = label

    if not _nan(b) and not _nan(tb):
        # An annual flow's zero at the start of its year is no figure of the file: the straight
        # path starts there, but no 基期 point is drawn.
        put(stamp(tb), "" if kind == "flow" else "基期", NaN if kind == "flow" else b)
    shown = counted if t.get("type") == "flow" else days
    for day, value in shown:
        put(stamp(day), "观测", value)
    if not _nan(tb) and not _nan(td):
        start, end = stamp(tb), stamp(td)
        for year in range(start.year + 1, end.year):
            put(pd.Timestamp(year, 12, 31), "")
        if start <= today <= end:
            put(today, "今天")
    if not _nan(td):
        put(stamp(td), "目标")
    out = pd.DataFrame(sorted(rows.values(), key=lambda r: r["date"]), columns=["date", "observed", "label"])
    out["linear"] = NaN
    out["required"] = NaN
    out["target"] = NaN
    if not _nan(td) and not _nan(T):
        out.loc[out["date"] == stamp(td), "target"] = T        # the target itself, drawn even without a baseline
    if not _nan(b) and not _nan(tb) and not _nan(td) and not _nan(T) and td > tb:
        share = np.array([_share(tb, td, _day(d)) for d in out["date"]], dtype=float)
        inside = (share >= 0) & (share <= 1)
        out.loc[inside, "linear"] = b + (T - b) * share[inside]
        if method == "cagr":
            out.loc[inside, "required"] = b * (T / b) ** share[inside]
    out["date"] = pd.to_datetime(out["date"]).astype("datetime64[ns]")
    return out[columns]
