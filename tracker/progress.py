"""Progress, gap, pace and status of each target: the Open SDG / UN progress measure.

For a level target (GDP to reach 6000亿元), growth is compound:

    observed CAGR = (latest / baseline) ** (1 / years elapsed) - 1
    required CAGR = (target / baseline) ** (1 / years allowed) - 1
    R = observed / required

and R >= on_track (0.95) is 进度正常, accelerate (0.6) <= R < on_track is 需加快,
0 <= R < accelerate is 进展缓慢, R < 0 is 倒退. A decreasing target has both rates
negative, so the same ratio works for direction down.

Where growth rates are undefined or meaningless -- a baseline of zero or below, an
annual flow (每年实施300项), no deadline -- the straight-line share is used instead:
R = (share of the distance covered) / (share of the time elapsed). Rates and shares
(增长7%, 占比55%) are compared directly with their target: R = latest / target, or
target / latest for a ceiling. A target met is 已完成 whatever its pace; a target with
no observation after its baseline is 暂无数据. The thresholds come from the file's
``settings:``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .schema import SETTINGS

__all__ = ["STATUSES", "assess", "status", "trajectory", "STATUS_COLUMNS"]

STATUSES = ("已完成", "进度正常", "需加快", "进展缓慢", "倒退", "暂无数据")
DONE, ON_TRACK, ACCELERATE, LIMITED, AWAY, NO_DATA = STATUSES

STATUS_COLUMNS = [
    "id", "region", "indicator", "unit", "department", "tags", "type", "direction", "category",
    "baseline", "baseline_date", "latest", "latest_date", "target", "due", "progress", "gap",
    "elapsed", "expected_now", "cagr_required", "cagr_observed", "ratio", "method", "status", "note",
]

_DAY = pd.Timedelta(days=1)
_YEAR_DAYS = 365.25
NaN = float("nan")


def _ok(x) -> bool:
    return x is not None and not (isinstance(x, float) and math.isnan(x)) and x is not pd.NaT


def _years(a: pd.Timestamp, b: pd.Timestamp) -> float:
    return (b - a) / _DAY / _YEAR_DAYS


def _share(start, end, when) -> float:
    span = (end - start) / _DAY
    return NaN if span <= 0 else (when - start) / _DAY / span


def _meets(latest: float, target: float, direction: str, qualifier: str) -> bool:
    """Whether a value has reached its target: 超 (gt) and 低于 (lt) are strict."""
    if direction == "down":
        return latest < target if qualifier == "lt" else latest <= target
    return latest > target if qualifier == "gt" else latest >= target


def _grade(ratio: float, settings: dict) -> str:
    if not _ok(ratio):
        return NO_DATA
    if ratio >= settings["on_track"]:
        return ON_TRACK
    if ratio >= settings["accelerate"]:
        return ACCELERATE
    return LIMITED if ratio >= 0 else AWAY


@dataclass(frozen=True)
class Frame:
    """What a target is measured against: the effective baseline (value, date), target
    (value, date), the observations that count, the method, and a note on choices made."""

    baseline: float
    baseline_date: pd.Timestamp
    target: float
    due: pd.Timestamp
    points: tuple
    method: str
    note: str


def frame(t: dict, points: list[tuple[pd.Timestamp, float]], today: pd.Timestamp) -> Frame:
    """Decide baseline, horizon and method for one target (one visible place for the choices)."""
    kind = t.get("type", "level")
    b, tb = t.get("baseline"), t.get("baseline_date")
    b = b if _ok(b) else None
    tb = tb if _ok(tb) else None
    T, td = t.get("target"), t.get("due")
    T = T if _ok(T) else None
    td = td if _ok(td) else None
    notes = []
    if kind == "flow":
        # An annual flow starts from zero each year: judge the year of the latest observation
        # (or the current year when there is none) against the annual target.
        year = points[-1][0].year if points else today.year
        start, end = pd.Timestamp(year - 1, 12, 31), pd.Timestamp(year, 12, 31)
        inside = tuple(p for p in points if start < p[0] <= end)
        return Frame(0.0, start, T, end, inside, "linear", f"按{year}年计")
    if kind == "increment" and b is None:
        # The level to reach is baseline + increment: without a baseline there is none.
        return Frame(NaN, pd.NaT, None, td, tuple(points), "", "新增类目标缺少基期值，无法计算进度")
    if kind in ("rate", "share"):
        later = tuple(p for p in points if tb is None or p[0] > tb)
        return Frame(b, tb, T, td, later, "direct", "")
    if b is None and len(points) >= 2:
        # No stated baseline: the earliest observation serves as one.
        (tb, b), points = points[0], points[1:]
        notes.append("未给基期，以最早一次观测为基期")
    later = tuple(p for p in points if tb is None or p[0] > tb)
    if b is None:
        return Frame(NaN, pd.NaT, T, td, later, "", "缺少基期值，无法计算进度")
    if td is None:
        method = "linear"
        notes.append("未设期限，按完成比例判断")
    elif td <= tb:
        method = "linear"
        notes.append("期限不晚于基期，无法计算进度")
    elif T is not None and b > 0 and T > 0:
        method = "cagr"
    else:
        method = "linear"
        notes.append("基期为零或负数，增速无意义，按直线进度计")
    return Frame(b, tb, T, td, later, method, "；".join(notes))


def assess(t: dict, points: list[tuple[pd.Timestamp, float]], today=None, settings=None) -> dict:
    """Progress, gap, pace and status of one target.

    ``t`` holds the target's fields as in ``Book.targets`` (type, direction, qualifier,
    baseline, baseline_date, target, due); ``points`` its observations as (date, value),
    in date order."""
    settings = {**SETTINGS, **(settings or {})}
    today = pd.Timestamp(today or pd.Timestamp.today()).normalize()
    direction, qualifier = t.get("direction", "up"), t.get("qualifier", "eq")
    f = frame(t, sorted(points, key=lambda p: p[0]), today)
    out = dict(latest=NaN, latest_date=pd.NaT, progress=NaN, gap=NaN, elapsed=NaN, expected_now=NaN,
               cagr_required=NaN, cagr_observed=NaN, ratio=NaN, method=f.method, status=NO_DATA, note=f.note)
    b, tb, T, td = f.baseline, f.baseline_date, f.target, f.due
    has_base = _ok(b) and _ok(tb)
    if has_base:
        out.update(baseline=b, baseline_date=tb)
    else:
        out.update(baseline=t.get("baseline"), baseline_date=t.get("baseline_date"))
    if _ok(tb) and _ok(td):
        out["elapsed"] = min(max(_share(tb, td, today), 0.0), 1.0)
        if has_base and _ok(T):
            out["expected_now"] = b + (T - b) * out["elapsed"]
    if f.method == "cagr":
        out["cagr_required"] = (T / b) ** (1 / _years(tb, td)) - 1
    if T is None:
        out["note"] = f.note or "未设目标值，仅作监测"
        if points:
            out["latest_date"], out["latest"] = sorted(points, key=lambda p: p[0])[-1]
        return out
    if not f.points:
        missing = "暂无基期之后的观测数据" if points else "暂无进展数据"
        out["note"] = "；".join(x for x in (f.note, missing) if x)
        return out
    tl, L = f.points[-1]
    out.update(latest=L, latest_date=tl)
    out["gap"] = (L - T) if direction == "down" else (T - L)
    if has_base:
        out["progress"] = (L - b) / (T - b) if T != b else NaN
    done = _meets(L, T, direction, qualifier)

    if f.method == "cagr" and L > 0:
        years = _years(tb, tl)
        out["cagr_observed"] = (L / b) ** (1 / years) - 1
        out["ratio"] = out["cagr_observed"] / out["cagr_required"]
    elif f.method in ("cagr", "linear"):
        # (A level fallen to zero or below has no growth rate: the straight-line share says how far.)
        share = _share(tb, td, tl) if _ok(td) else NaN
        if _ok(td) and share > 0:
            out["ratio"] = out["progress"] / share
        elif not _ok(td):
            out["ratio"] = out["progress"]
    elif f.method == "direct":
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

    if done:
        out["status"] = DONE
        return out
    out["status"] = _grade(out["ratio"], settings)
    if _ok(td) and tl >= td and out["status"] == ON_TRACK:
        # The deadline has passed without the target met: it cannot be on track.
        out["status"] = ACCELERATE
    if _ok(td) and today > td:
        late = "期限已过，未达到目标" if tl >= td else "期限已过，尚无期末数据"
        out["note"] = "；".join(x for x in (out["note"], late) if x)
    if out["status"] == NO_DATA and not out["note"]:
        out["note"] = "无法与目标比较"
    return out


def _points_by_target(book) -> dict:
    """Every observation of each target as (date, value), in date order (for drawing)."""
    obs = book.observations.sort_values(["target_id", "date"], kind="stable")
    grouped: dict = {}
    for tid, date, value in zip(obs["target_id"], obs["date"], obs["value"]):
        grouped.setdefault(tid, []).append((date, value))
    return grouped


def _ends_by_target(book) -> dict:
    """The first and the latest observation of each target: all that status needs (the first
    stands in for a missing baseline; pace and status use the latest). Done in pandas, so
    that 100,000 observations do not become 100,000 Python objects."""
    obs = book.observations
    if obs.empty:
        return {}
    obs = obs.sort_values(["target_id", "date"], kind="stable")
    grouped = obs.groupby("target_id", sort=False)
    first, last = grouped.head(1), grouped.tail(1)
    counts = grouped["value"].size()
    ends: dict = {}
    for tid, date, value in zip(first["target_id"].tolist(), first["date"].tolist(), first["value"].tolist()):
        ends[tid] = [(date, value)]
    for tid, date, value in zip(last["target_id"].tolist(), last["date"].tolist(), last["value"].tolist()):
        if counts[tid] > 1:
            ends[tid].append((date, value))
    return ends


# Columns of the status table that assess() computes (the baseline is the one it used).
_ASSESSED = ("baseline", "baseline_date", "latest", "latest_date", "progress", "gap", "elapsed", "expected_now",
             "cagr_required", "cagr_observed", "ratio", "method", "status", "note")

# Columns of Book.targets that assess() reads.
_INPUTS = ["id", "type", "direction", "qualifier", "baseline", "baseline_date", "target", "due"]


def status(book, today=None) -> pd.DataFrame:
    """One row per valid target with progress, gap, pace and status (STATUS_COLUMNS)."""
    today = pd.Timestamp(today or pd.Timestamp.today()).normalize()
    ends = _ends_by_target(book)
    targets = book.targets
    results = []
    for t in targets[_INPUTS].to_dict("records"):
        results.append(assess(t, ends.get(t["id"], []), today, book.settings))
    computed = pd.DataFrame(results, index=targets.index, columns=list(_ASSESSED))
    out = targets.reindex(columns=[c for c in STATUS_COLUMNS if c not in _ASSESSED]).join(computed)
    out = out[STATUS_COLUMNS].reset_index(drop=True)
    for col in ("baseline_date", "latest_date", "due"):
        out[col] = pd.to_datetime(out[col]).astype("datetime64[ns]")
    for col in ("baseline", "latest", "target", "progress", "gap", "elapsed", "expected_now",
                "cagr_required", "cagr_observed", "ratio"):
        out[col] = pd.to_numeric(out[col], errors="coerce").astype("float64")
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
    f = frame(t, sorted(points, key=lambda p: p[0]), today)
    b, tb, T, td = f.baseline, f.baseline_date, f.target, f.due
    rows = {}

    def put(date, label, observed=NaN):
        row = rows.setdefault(date, {"date": date, "observed": NaN, "label": label})
        if _ok(observed):
            row["observed"] = observed
        if label and label != row["label"] and row["label"] in ("", "今天"):
            row["label"] = label

    if _ok(b) and _ok(tb):
        put(tb, "基期", b)
    shown = f.points if t.get("type") == "flow" else points
    for date, value in shown:
        put(date, "观测", value)
    if _ok(tb) and _ok(td):
        for year in range(tb.year + 1, td.year):
            put(pd.Timestamp(year, 12, 31), "")
        if tb <= today <= td:
            put(today, "今天")
    if _ok(td):
        put(td, "目标")
    out = pd.DataFrame(sorted(rows.values(), key=lambda r: r["date"]), columns=["date", "observed", "label"])
    out["linear"] = NaN
    out["required"] = NaN
    out["target"] = NaN
    if _ok(td) and _ok(T):
        out.loc[out["date"] == td, "target"] = T        # the target itself, drawn even without a baseline
    if _ok(b) and _ok(tb) and _ok(td) and _ok(T):
        share = np.array([_share(tb, td, d) for d in out["date"]], dtype=float)
        inside = (share >= 0) & (share <= 1)
        out.loc[inside, "linear"] = b + (T - b) * share[inside]
        if f.method == "cagr":
            out.loc[inside, "required"] = b * (T / b) ** share[inside]
    out["date"] = pd.to_datetime(out["date"]).astype("datetime64[ns]")
    return out[columns]
