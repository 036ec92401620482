"""Plain functions that shape the tracker's tables for display.

Nothing here decides a status or computes progress: that is tracker's job.
These functions filter, count, label and format what tracker computed, so
that every page shows the same words and the same number formats, and so
that they can be tested without Streamlit.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
from dataclasses import dataclass, field
from urllib.parse import urlencode

import numpy as np
import pandas as pd

import tracker
from tracker.units import format_number

__all__ = [
    "ATTENTION",
    "LAGGING",
    "Briefing",
    "BriefingItem",
    "CARDS",
    "ORDERS",
    "URGENCY",
    "briefing",
    "by_urgency",
    "nested_rows",
    "pace_text",
    "peer_groups",
    "phone_rows",
    "rate_history",
    "region_label",
    "region_tree",
    "regions_within",
    "status_counts",
    "Filters",
    "chosen_proposals",
    "figure_in_quote",
    "proposal_table",
    "unmatched_table",
    "apply_filters",
    "as_of_text",
    "as_of_texts",
    "card_counts",
    "clicked_id",
    "date_problem",
    "deadline_years",
    "filter_options",
    "fmt",
    "fmt_date",
    "fmt_share",
    "label",
    "labels",
    "matching_figures",
    "observation_table",
    "panels",
    "shared_indicators",
    "document_rate_table",
    "document_rates",
    "is_growth",
    "is_stale",
    "stale_flags",
    "as_of_note",
    "period_text",
    "problems_title",
    "projection_text",
    "rate_rows",
    "rate_table",
    "readable",
    "shown",
    "words",
    "siblings",
    "status_note",
    "status_table",
    "table_height",
    "target_text",
    "target_url",
    "time_left",
    "tags_text",
]

# The metric cards of the overview: card title -> the statuses it counts.
# None counts every target.
CARDS: dict[str, tuple[str, ...] | None] = {
    "目标总数": None,
    "已完成": ("已完成",),
    "进度正常": ("进度正常",),
    "需加快": ("需加快",),
    "进展缓慢/倒退": ("进展缓慢", "倒退"),
    "逾期未完成": ("逾期未完成",),
    "待数据/无数据": ("待数据", "暂无数据"),  # 无数据 for 暂无数据: seven characters fit a phone's card
    "仅监测": ("仅监测",),
}
# The order of urgency, what a weekly meeting looks at first: overdue, backwards, slow, to
# accelerate, on track, done; the statuses not listed (待数据, 仅监测, 暂无数据) follow, in
# tracker.STATUSES order.
URGENCY = ("逾期未完成", "倒退", "进展缓慢", "需加快", "进度正常", "已完成")
# The statuses that need attention first: the briefing lists them.
ATTENTION = URGENCY[:4]
# 只看逾期/滞后 keeps those, the targets past their due date still waiting for data (待数据), and
# any target whose data are stale (数据滞后): everything overdue or lagging, by progress or by data.
LAGGING = ATTENTION + ("待数据",)
# The link parameter of each filter of the overview and data pages (?region=苏州市&status=需加快).
FILTER_PARAMS = {"status": "status", "attention": "attention", "order": "order", "region": "region",
                 "department": "department", "tag": "tag", "year": "year"}
# How a list of targets can be ordered (code -> words); the first is the default.
ORDERS = {"urgency": "按紧急程度排序", "file": "按台账顺序排列"}
# The flag shown beside a status whose data are older than settings.stale_after_months.
STALE_FLAG = "数据滞后"

# URL path of each page in st.navigation; links to a target or region use these.
PAGE_PATHS = {
    "overview": "overview",
    "target": "target",
    "region": "region",
    "growth": "growth",
    "document": "document",
    "data": "data",
}

# Column headings of the status table as officials read them (column -> heading), in the
# order shown: what officials ask first (status, progress, how fresh the data are, who is
# responsible) fits the width of a desktop screen; the detail follows.
STATUS_HEADINGS = {
    "link": "详情",
    "name": "名称",
    "status": "状态",
    "progress_pct": "完成进度",
    "elapsed_pct": "时间进度",
    "as_of_text": "数据截至",
    "latest_text": "最新值",
    "target_text": "目标值",
    "gap_text": "差距",
    "due_text": "截止",
    "department": "责任部门",
    "reason": "说明",
    "region": "地区",
    "indicator": "指标",
    "baseline_text": "基期值",
    "tags": "标签",
}


def _missing(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _is_year(value) -> bool:
    """A bare year (2025, "2025"), as extract gives deadlines, rather than a date."""
    if isinstance(value, bool):
        return False
    if isinstance(value, float):  # a year column with gaps is float: 2025.0
        return value.is_integer() and 1000 <= value <= 9999
    return isinstance(value, numbers.Integral) or (isinstance(value, str) and value.isdigit())


def fmt(value, unit) -> str:
    """A number the way officials write it (via tracker.format_value); an em dash when absent."""
    if _missing(value):
        return "—"
    return tracker.format_value(value, unit if isinstance(unit, str) else "")


def fmt_share(share) -> str:
    """A share (0.763) as a percent (76.3%); an em dash when absent."""
    if _missing(share) or (isinstance(share, float) and math.isinf(share)):
        return "—"
    return f"{share * 100:.1f}%".replace(".0%", "%")


def fmt_date(value) -> str:
    """A date as 2025年12月31日, a bare year as 2025年; an em dash when absent."""
    if _missing(value):
        return "—"
    if _is_year(value):
        return f"{int(value)}年"
    stamp = pd.Timestamp(value)
    if stamp.month == 12 and stamp.day == 31:  # a year written alone is stored as its last day
        return f"{stamp.year}年"
    return f"{stamp.year}年{stamp.month}月{stamp.day}日"


def tags_text(tags) -> str:
    """A tag list as 12345、343; an empty string for none."""
    if isinstance(tags, (list, tuple)):
        return "、".join(str(t) for t in tags)
    return "" if _missing(tags) else str(tags)


def label(row) -> str:
    """How a target is named in charts and lists: its name (default 地区·指标, as tracker gives it)."""
    name = row.get("name")
    if not _missing(name) and str(name):
        return str(name)
    return "·".join(str(row[k]) for k in ("region", "indicator") if not _missing(row.get(k)))


def labels(status: pd.DataFrame) -> dict[str, str]:
    """label() of every target, keyed by id, built column-wise (fast for thousands of targets).
    A name that two targets share gets its id in brackets, so that charts keep them apart."""
    if "name" in status:
        names = status["name"].astype("string").fillna("")
    else:
        names = pd.Series("", index=status.index, dtype="string")
    fallback = (status["region"].astype("string").fillna("") + "·" + status["indicator"].astype("string").fillna(""))
    names = names.where(names != "", fallback.str.strip("·"))
    twice = names.duplicated(keep=False)
    names = names.where(~twice, names + "(" + status["id"].astype("string") + ")")
    return dict(zip(status["id"], names))


def as_of_text(row) -> str:
    """数据截至2024年 / 数据截至2023年1—9月 (the latest observation's stated period, else its date);
    '' when there are no data."""
    as_of = row.get("as_of")
    if _missing(as_of):
        return ""
    period = row.get("latest_period")
    if not _missing(period) and str(period):
        return f"数据截至{period}"
    stamp = pd.Timestamp(as_of)
    if stamp.month == 12 and stamp.day == 31:
        return f"数据截至{stamp.year}年"
    if stamp.is_month_end:
        return f"数据截至{stamp.year}年{stamp.month}月"
    return f"数据截至{stamp.year}年{stamp.month}月{stamp.day}日"


def is_stale(row) -> bool:
    """Whether tracker flagged the row's data as older than settings.stale_after_months."""
    value = row.get("stale")
    return isinstance(value, (bool, np.bool_)) and bool(value)


def stale_flags(status: pd.DataFrame) -> pd.Series:
    """is_stale() of every row, column-wise: False where the table has no `stale` column."""
    if "stale" not in status:
        return pd.Series(False, index=status.index)
    return status["stale"].fillna(False).astype(bool)


def as_of_note(row) -> str:
    """数据截至2024年, with · 数据滞后 when the data are stale; '' when there are none."""
    return " · ".join(x for x in (as_of_text(row), STALE_FLAG if is_stale(row) else "") if x)


def as_of_texts(status: pd.DataFrame) -> pd.Series:
    """as_of_text() of every row, built column-wise (fast for thousands of targets)."""
    if "as_of" not in status:
        return pd.Series("", index=status.index, dtype=object)
    as_of = pd.to_datetime(status["as_of"])
    year, month, day = as_of.dt.year.astype("Int64").astype("string"), as_of.dt.month.astype("Int64").astype("string"), \
        as_of.dt.day.astype("Int64").astype("string")
    text = "数据截至" + year + "年" + month + "月" + day + "日"
    text = text.where(~as_of.dt.is_month_end.fillna(False), "数据截至" + year + "年" + month + "月")
    text = text.where(~((as_of.dt.month == 12) & (as_of.dt.day == 31)).fillna(False), "数据截至" + year + "年")
    if "latest_period" in status:
        period = status["latest_period"].astype("string").fillna("")
        text = text.where(period == "", "数据截至" + period)
    return text.fillna("").where(as_of.notna(), "").astype(object)


# Baselines that are figures (tracker.progress.BASELINE_SOURCES): stated in the file, or an
# observation. Rows without the column (older tables) count as stated.
SHOWN_BASELINES = ("stated", "first_observation")


def shows_baseline(row) -> bool:
    """Whether a row's baseline is a real figure to show as 基期 (never an annual flow's zero)."""
    source = row.get("baseline_source", "stated")
    return _missing(source) or source in SHOWN_BASELINES


def status_note(row) -> str:
    """What goes beside a status word: 数据截至2024年 · 数据滞后 · the reason; '' when nothing."""
    parts = [as_of_text(row)]
    if is_stale(row):
        parts.append(STALE_FLAG)
    reason = row.get("reason")
    if not _missing(reason) and str(reason):
        parts.append(str(reason))
    return " · ".join(p for p in parts if p)


def target_text(row) -> str:
    """The target as officials state it: 6000亿元; an increment with the level it implies,
    新增1000亿元，即6000亿元."""
    level = fmt(row.get("target"), row.get("unit"))
    stated = row.get("target_stated")
    if row.get("type") == "increment" and not _missing(stated):
        increment = fmt(stated, row.get("unit"))
        return f"新增{increment}，即{level}" if level != "—" else f"新增{increment}"
    return level


def projection_text(row) -> str:
    """The projection in a sentence: 按当前增速，预计2027年达到目标（晚于期限1年）; '' when the
    tracker made none (a target met, a rate compared directly, too few data)."""
    year, value = row.get("projected_year"), row.get("projected_value")
    if _missing(year) and _missing(value):
        return ""
    pace = "按当前增速" if row.get("method") == "cagr" else "按当前进度"
    due = row.get("due")
    due_year = None if _missing(due) else pd.Timestamp(due).year
    if _missing(year):
        at_due = f"，到期限预计为{fmt(value, row.get('unit'))}" if not _missing(value) else ""
        return f"{pace}{at_due}，无法达到目标。"
    year = int(year)
    if due_year is None:
        return f"{pace}，预计{year}年达到目标。"
    if year > due_year:
        when = f"晚于期限{year - due_year}年"
    elif year < due_year:
        when = f"早于期限{due_year - year}年"
    else:
        when = "按期"
    return f"{pace}，预计{year}年达到目标（{when}）。"


def deadline_years(status: pd.DataFrame) -> pd.Series:
    """The year each target is due, as nullable integers."""
    if "due" not in status:
        return pd.Series(pd.NA, index=status.index, dtype="Int64")
    due = status["due"]
    years = pd.to_datetime(due.astype("string"), errors="coerce", format="mixed").dt.year
    return years.astype("Int64")


@dataclass
class Filters:
    """What a person picked in the filter boxes; an empty list means no restriction."""

    regions: list[str] = field(default_factory=list)
    departments: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    attention: bool = False        # only the overdue or lagging targets (LAGGING, or stale data)


def filter_options(status: pd.DataFrame) -> dict[str, list]:
    """The choices each filter box offers, sorted, without blanks."""

    def values(column):
        if column not in status:
            return []
        return sorted({str(v) for v in status[column] if not _missing(v) and str(v)})

    tags = set()
    for entry in status.get("tags", pd.Series(dtype=object)):
        if isinstance(entry, (list, tuple)):
            tags.update(str(t) for t in entry)
    years = sorted({int(y) for y in deadline_years(status).dropna()})
    return {
        "regions": values("region"),
        "departments": values("department"),
        "tags": sorted(tags),
        "years": years,
    }


def apply_filters(status: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows of `status` that pass every filter (a target passes a tag filter if it has any of the tags)."""
    keep = pd.Series(True, index=status.index)
    if filters.regions:
        keep &= status["region"].astype("string").isin(filters.regions).fillna(False)
    if filters.departments:
        keep &= status["department"].astype("string").isin(filters.departments).fillna(False)
    if filters.tags:
        wanted = set(filters.tags)
        keep &= status["tags"].map(
            lambda t: isinstance(t, (list, tuple)) and bool(wanted & {str(x) for x in t})
        )
    if filters.years:
        keep &= deadline_years(status).isin(filters.years).fillna(False).astype(bool)
    if filters.statuses:
        keep &= status["status"].isin(filters.statuses)
    if filters.attention:
        keep &= status["status"].isin(LAGGING) | stale_flags(status)
    return status[keep.astype(bool)]


def card_counts(status: pd.DataFrame) -> dict[str, int]:
    """The number on each metric card of the overview, in CARDS order."""
    counts = status["status"].value_counts() if "status" in status else pd.Series(dtype=int)
    return {
        title: len(status) if wanted is None else int(sum(counts.get(s, 0) for s in wanted))
        for title, wanted in CARDS.items()
    }


def clicked_id(event) -> str | None:
    """The target id of the first point clicked in a chart whose points carry the id as customdata."""
    try:
        points = event["selection"]["points"]
    except (KeyError, TypeError):
        return None
    for point in points:
        custom = point.get("customdata")
        if isinstance(custom, (list, tuple)):
            custom = custom[0] if custom else None
        if isinstance(custom, str) and custom:
            return custom
    return None


def time_left(due, today) -> str:
    """Time to a deadline as officials say it: 还剩2年3个月, 还剩45天, 已过期3个月; — when unknown."""
    if _missing(due):
        return "—"
    end = pd.Timestamp(f"{int(due)}-12-31") if _is_year(due) else pd.Timestamp(due)
    start = pd.Timestamp(today)
    days = (end - start).days
    prefix = "还剩" if days >= 0 else "已过期"
    days = abs(days)
    if days < 62:
        return f"{prefix}{days}天"
    months = round(days / 30.44)
    years, months = divmod(months, 12)
    text = (f"{years}年" if years else "") + (f"{months}个月" if months else "")
    return prefix + text


def siblings(targets: pd.DataFrame, status: pd.DataFrame, target_id: str) -> pd.DataFrame:
    """Status rows of the other targets taken from the same source document as `target_id`."""
    docs = targets.set_index("id")["source_doc"]
    doc = docs.get(target_id)
    if _missing(doc) or not doc:
        return status.iloc[0:0]
    same = set(docs.index[docs.eq(doc).fillna(False).to_numpy()]) - {target_id}
    return status[status["id"].isin(same)]


def matching_figures(figures: pd.DataFrame, target) -> set:
    """Index labels of the figures in a source sentence that state the target's own value.

    A figure matches when its value (or range end), in base units, is within 0.5% of the
    target's value in base units, or of the amount an increment states; the page outlines
    those in the highlighted sentence.
    """
    # An increment states the amount to add (新增1000亿元); its level (6000亿元) is derived.
    stated, scale = target.get("target_stated"), target.get("scale")
    goals = [target.get("target_base")]
    if not _missing(stated) and not _missing(scale):
        goals.append(float(stated) * float(scale))
    goals = [float(g) for g in goals if not _missing(g)]
    if not goals or not len(figures):
        return set()
    hits = set()
    for goal in goals:
        for column in ("value", "value_max"):
            values = pd.to_numeric(figures[column], errors="coerce")
            close = (values - goal).abs() <= max(abs(goal) * 0.005, 1e-9)
            hits.update(figures.index[close.fillna(False).to_numpy()])
    return hits


# Column headings of the observations table (observation column -> heading).
OBSERVATION_HEADINGS = {
    "target_id": "目标编号",
    "date_text": "日期",
    "value_text": "数值",
    "period": "统计期",
    "source": "来源",
    "url": "网址",
    "note": "备注",
}


def observation_table(observations: pd.DataFrame, unit: str) -> pd.DataFrame:
    """One target's observations, newest first, values written with the target's unit."""
    rows = observations.sort_values("date", ascending=False)
    out = pd.DataFrame(index=rows.index)
    out["target_id"] = rows["target_id"]
    out["date_text"] = rows["date"].map(fmt_date)
    out["value_text"] = [fmt(v, unit) for v in rows["value"]]
    for column in ("period", "source", "url", "note"):  # blank, never None
        out[column] = rows[column].map(lambda v: "" if _missing(v) else v) if column in rows else ""
    return out.drop(columns=["target_id"]).rename(columns=OBSERVATION_HEADINGS).reset_index(drop=True)


def panels(status: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """A region's targets grouped for display: one panel per tag (“12345”目标), then the untagged.

    A target with two tags shows in both panels; the order is that of first appearance.
    """
    groups: dict[str, list] = {}
    untagged = []
    for index, tags in status["tags"].items():
        if isinstance(tags, (list, tuple)) and tags:
            for tag in tags:
                groups.setdefault(f"“{tag}”目标", []).append(index)
        else:
            untagged.append(index)
    out = [(name, status.loc[rows]) for name, rows in groups.items()]
    if untagged:
        out.append(("其他目标" if groups else "全部目标", status.loc[untagged]))
    return out


def shared_indicators(status: pd.DataFrame) -> pd.DataFrame:
    """Rows of the indicators that more than one region has, for side-by-side comparison;
    one row per region and indicator (the first in the file, when a region has two)."""
    if not len(status):
        return status
    once = status.drop_duplicates(["region", "indicator"], keep="first")
    regions = once.groupby("indicator")["region"].transform("nunique")
    return once[regions > 1]


def date_problem(text: str) -> str | None:
    """What is wrong with a typed document date (YYYY-MM-DD), or None when blank or fine."""
    if not text:
        return None
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return f"文件日期“{text}”无法识别,请写成 2024-01-04 这样的年-月-日。"
    return None


# Headings of the tracker's own columns (targets, observations, status) for the 数据 page and
# its downloads. A column not listed keeps its name.
COLUMN_HEADINGS = {
    "id": "编号", "target_id": "目标编号", "region": "地区", "indicator": "指标", "unit": "单位",
    "category": "类别", "scale": "单位换算", "direction": "方向", "qualifier": "限定",
    "type": "目标类型", "baseline": "基期值", "baseline_date": "基期日期", "target": "目标值",
    "value_max": "区间上限", "due": "截止", "department": "责任部门", "tags": "标签",
    "source_doc": "出处文件", "source_date": "出处日期", "source_quote": "原文", "source_url": "原文网址",
    "line": "行号", "baseline_base": "基期值(基本单位)", "target_base": "目标值(基本单位)",
    "date": "日期", "value": "数值", "value_base": "数值(基本单位)", "period": "统计期",
    "source": "来源", "url": "网址", "note": "备注", "latest": "最新值", "latest_date": "最新日期",
    "progress": "完成进度", "gap": "差距", "elapsed": "时间进度", "expected": "按时间进度应达(数据截至时)",
    "elapsed_today": "今日时间进度", "expected_now": "按时间进度今日应达", "name": "名称",
    "latest_period": "最新数据统计期", "as_of": "数据截至", "stale": "数据滞后", "target_stated": "目标值(所写)",
    "projected_value": "期限时预计值", "projected_year": "预计达标年份", "reason": "说明",
    "cagr_required": "所需年均增速", "cagr_observed": "实际年均增速", "ratio": "增速比R",
    "method": "评估方法", "status": "状态", "baseline_source": "基期来源",
}


# The codes tracker and extract store, as words (column -> code -> word). Codes not listed stay.
CODE_WORDS = {
    "type": {"level": "水平", "increment": "新增", "flow": "每年", "rate": "增速", "share": "占比"},
    "direction": {"up": "上升", "down": "下降"},
    "category": {"money": "金额", "count": "数量", "percent": "百分比", "pp": "百分点", "multiple": "倍数", "other": "其他"},
    "qualifier": {"eq": "", "ge": "不低于", "gt": "超过", "le": "不超过", "lt": "不到", "approx": "约"},
    "method": {"cagr": "年均增速比较", "linear": "匀速进度比较", "direct": "直接与目标比较"},
    "kind": {"target": "目标", "actual": "实际"},
    "baseline_source": dict(tracker.progress.BASELINE_SOURCES),
}
# Shares tracker keeps as fractions, shown and downloaded as percents (column -> heading).
PERCENT_COLUMNS = {
    "progress": "完成进度(%)", "elapsed": "时间进度(%)", "elapsed_today": "今日时间进度(%)",
    "cagr_required": "所需年均增速(%)", "cagr_observed": "实际年均增速(%)",
}


def shown(table: pd.DataFrame) -> pd.DataFrame:
    """A readable() table as st.dataframe shows it: numbers as text written with their
    decimals, empty cells blank (st.dataframe would print None)."""
    out = table.copy()
    for column in out.columns:
        if pd.api.types.is_float_dtype(out[column]):
            places = decimals(column)
            out[column] = [format_number(v, places) if not _missing(v) else "" for v in out[column]]
        elif pd.api.types.is_integer_dtype(out[column]) and out[column].isna().any():
            out[column] = [str(int(v)) if not _missing(v) else "" for v in out[column]]
    return out


def words(column: str, code) -> str:
    """A stored code as its word (CODE_WORDS); the code itself when the table has none."""
    if _missing(code):
        return ""
    return CODE_WORDS.get(column, {}).get(str(code), str(code))


# Decimals officials write, by the end of a column's heading (readable()'s headings): percents
# to one place as the dashboard shows them, amounts in base units (元, 个) whole; every other
# number to at most two places, as tracker.format_value writes it.
HEADING_DECIMALS = (("(%)", 1), ("(基本单位)", 0))
DEFAULT_DECIMALS = 2


def decimals(heading) -> int:
    """At most how many decimals the numbers of a column are shown and downloaded with."""
    return next((d for end, d in HEADING_DECIMALS if str(heading).endswith(end)), DEFAULT_DECIMALS)


def readable(table: pd.DataFrame) -> pd.DataFrame:
    """A tracker table for people: Chinese headings, codes as words, tag lists as text,
    dates without a clock, shares as percents, numbers rounded as officials write them
    (decimals()), empty text cells blank (never None). Used for showing and for downloads."""
    out = table.reset_index(drop=True).copy()
    if "baseline_source" in out:  # an annual flow's zero at the start of its year is no figure to show
        hidden = ~out["baseline_source"].isin(SHOWN_BASELINES)
        for column in ("baseline", "baseline_date"):
            if column in out:
                out[column] = out[column].mask(hidden)
    if "tags" in out:
        out["tags"] = out["tags"].map(tags_text)
    for column in CODE_WORDS:
        if column in out:
            out[column] = out[column].map(lambda code, c=column: words(c, code))
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.date
    for column in PERCENT_COLUMNS:
        if column in out:
            out[column] = pd.to_numeric(out[column], errors="coerce") * 100
    out = out.rename(columns={**COLUMN_HEADINGS, **PERCENT_COLUMNS})
    for column in out.columns:
        series = out[column]
        if pd.api.types.is_float_dtype(series):
            out[column] = series.round(decimals(column))
        elif series.dtype == object or pd.api.types.is_string_dtype(series):
            out[column] = series.map(lambda v: "" if _missing(v) else v).astype(object)
    return out


# Target types whose values are growth rates (tracker's type codes).
RATE_TYPES = ("rate",)


def rate_rows(targets: pd.DataFrame, observations: pd.DataFrame, status: pd.DataFrame) -> pd.DataFrame:
    """One row per growth-rate target: its latest reported rate with the period it covers.

    Columns: id, region, indicator, label, value (percent), period, target_text, status, note
    (what goes beside the status: 数据截至…, 数据滞后, tracker's reason, e.g. that a rate without a
    goal is only monitored).
    The period is the observation's stated period, else its date.
    """
    rates = targets[targets["type"].isin(RATE_TYPES)]
    columns = ["id", "region", "indicator", "label", "value", "period", "target_text", "status", "note"]
    if not len(rates):
        return pd.DataFrame(columns=columns)
    latest = (
        observations[observations["target_id"].isin(rates["id"])]
        .sort_values(["target_id", "date"])
        .drop_duplicates("target_id", keep="last")
        .set_index("target_id")
    )
    states = status.set_index("id")["status"]
    mine = status[status["id"].isin(rates["id"])]
    notes = pd.Series([status_note(r) for r in mine.to_dict("records")], index=mine["id"], dtype=object)
    names = labels(mine)
    rows = []
    for _, t in rates.iterrows():
        obs = latest.loc[t["id"]] if t["id"] in latest.index else None
        period = None
        if obs is not None:
            period = obs.get("period") or fmt_date(obs.get("date"))
        rows.append({
            "id": t["id"],
            "region": t["region"],
            "indicator": t["indicator"],
            "label": names.get(t["id"], t["indicator"]),
            "value": None if obs is None else obs.get("value"),
            "period": period or "—",
            "target_text": fmt(t["target"], t["unit"]),
            "status": states.get(t["id"], "—"),
            "note": notes.get(t["id"], "") or "",
        })
    out = pd.DataFrame(rows, columns=columns)
    out["value"] = pd.to_numeric(out["value"], errors="coerce")
    return out


RATE_CATEGORIES = ("percent", "pp")


def is_growth(document: str, start: int) -> bool:
    """Whether the figure at `start` of `document` is a growth rate, by the words just before it."""
    from extract import vocab    # the extractor loads only on pages that read documents

    before = document[max(0, start - 10):start].rstrip()
    stripped = True
    while stripped:
        stripped = False
        for word in vocab.CHANGE_INFIXES:
            if before.endswith(word):
                before, stripped = before[: -len(word)], True
    return before.endswith(vocab.CHANGE_WORDS)


def period_text(period) -> str:
    """A figure's period as officials write it: 2023-01/2023-09 -> 2023年1—9月; 未注明统计期 if none."""
    if _missing(period) or not str(period):
        return "未注明统计期"
    parts = [p.split("-") for p in str(period).split("/")]
    try:
        (y1, m1), (y2, m2) = (parts[0], parts[-1])
        y1, m1, y2, m2 = int(y1), int(m1), int(y2), int(m2)
    except ValueError:
        return str(period)
    if y1 != y2:
        return f"{y1}年{m1}月—{y2}年{m2}月"
    if (m1, m2) == (1, 12):
        return f"{y1}年"
    return f"{y1}年{m1}月" if m1 == m2 else f"{y1}年{m1}—{m2}月"


def document_rates(figures: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """The growth-rate figures of documents: label, value, period (as text), doc, sentence.

    `figures` is extract.figures' table of several documents; `texts` maps each `doc` to its
    text, so the words before a figure can be read.
    """
    columns = ["label", "value", "period", "doc", "sentence"]
    rows = []
    for _, f in figures.iterrows():
        if str(f["category"]) not in RATE_CATEGORIES or not is_growth(texts.get(f["doc"], ""), int(f["start"])):
            continue
        rows.append({"label": f["indicator"] if not _missing(f["indicator"]) else f["text"],
                     "value": float(f["value"]), "period": period_text(f["period"]),
                     "doc": f["doc"], "sentence": f["sentence"]})
    return pd.DataFrame(rows, columns=columns)


# Column headings of the growth-rate table.
RATE_HEADINGS = {"region": "地区", "indicator": "指标", "value_text": "增速", "period": "统计期",
                 "target_text": "目标", "status": "状态", "note": "说明", "link": "详情"}


def rate_table(rates: pd.DataFrame) -> pd.DataFrame:
    """The growth-rate rows as a table, fastest first."""
    rows = rates.sort_values("value", ascending=False, na_position="last")
    out = rows[["region", "indicator", "period", "target_text", "status", "note"]].copy()
    out.insert(2, "value_text", [fmt(v, "%") for v in rows["value"]])
    out["link"] = rows["id"].map(target_url)
    return out.rename(columns=RATE_HEADINGS).reset_index(drop=True)


def document_rate_table(rates: pd.DataFrame) -> pd.DataFrame:
    """document_rates' rows as a table, fastest first."""
    rows = rates.sort_values("value", ascending=False)
    return pd.DataFrame({
        "指标": rows["label"], "增速": [fmt(v, "%") for v in rows["value"]], "统计期": rows["period"],
        "文件": rows["doc"], "所在句子": rows["sentence"],
    }).reset_index(drop=True)


def target_url(target_id: str) -> str:
    """The relative link to a target's detail page."""
    return f"{PAGE_PATHS['target']}?{urlencode({'id': target_id})}"


def table_height(rows: int, most: int = 30) -> int:
    """Pixel height that shows up to `most` rows of st.dataframe without inner scrolling."""
    return 38 + 35 * max(1, min(rows, most))


def problems_title(problems: list, usable: int) -> str:
    """The heading of the problems panel: how many errors and warnings, and what is still shown;
    when nothing is usable it says exactly that."""
    errors = sum(1 for p in problems if getattr(p, "severity", "error") != "warning")
    warnings = len(problems) - errors
    counts = "、".join(x for x in (f"{errors} 个错误" if errors else "", f"{warnings} 个警告" if warnings else "") if x)
    if not usable:
        return f"目标文件有 {counts},没有可用的目标"
    if errors:
        return f"目标文件有 {counts}(有错误的目标未显示,其余 {usable} 个目标照常显示)"
    return f"目标文件有 {counts}(全部 {usable} 个目标照常显示,请核对)"


def status_table(status: pd.DataFrame) -> pd.DataFrame:
    """The overview's table: one row per target, numbers written as officials write them.

    Progress stays numeric (percent) so the column sorts and draws as a bar; the rest is text,
    with an em dash where there is nothing to show.
    """
    rows = pd.DataFrame(index=status.index)
    names = labels(status)
    rows["name"] = status["id"].map(names)
    rows["region"] = status["region"]
    rows["indicator"] = status["indicator"]
    rows["department"] = status["department"]
    rows["tags"] = status["tags"].map(tags_text)
    units = status["unit"]
    shown = (status["baseline_source"].isin(SHOWN_BASELINES) if "baseline_source" in status
             else pd.Series(True, index=status.index))
    rows["baseline_text"] = [fmt(v, u) if ok else "—" for v, u, ok in zip(status["baseline"], units, shown)]
    rows["latest_text"] = [fmt(v, u) for v, u in zip(status["latest"], units)]
    rows["target_text"] = [fmt(v, u) for v, u in zip(status["target"], units)]
    if "target_stated" in status and "type" in status:
        increment = (status["type"] == "increment") & status["target_stated"].notna()
        if increment.any():
            rows.loc[increment, "target_text"] = [target_text(r) for r in status[increment].to_dict("records")]
    rows["due_text"] = status["due"].map(fmt_date)
    rows["progress_pct"] = pd.to_numeric(status["progress"], errors="coerce") * 100
    rows["elapsed_pct"] = status["elapsed"].map(fmt_share)
    rows["gap_text"] = [fmt(v, u) for v, u in zip(status["gap"], units)]
    rows["status"] = status["status"]
    # 2024年, or 2024年 · 数据滞后 when the data are older than settings.stale_after_months
    as_of = as_of_texts(status).str.removeprefix("数据截至")
    stale = stale_flags(status)
    rows["as_of_text"] = as_of.where(~stale, as_of + " · " + STALE_FLAG).where(as_of != "", "")
    rows["department"] = status["department"].map(lambda d: "" if _missing(d) else d)
    rows["reason"] = status["reason"].fillna("") if "reason" in status else ""
    rows["link"] = status["id"].map(target_url)
    return rows[list(STATUS_HEADINGS)].rename(columns=STATUS_HEADINGS).reset_index(drop=True)


# Column headings of the proposals table of the 文档提取 page (proposal field -> heading).
PROPOSAL_HEADINGS = {
    "write": "写入",
    "action_text": "动作",
    "target": "目标编号",
    "indicator": "指标",
    "date": "日期",
    "value_text": "数值",
    "period": "统计期",
    "reason": "理由",
}


def proposal_table(proposals: list, targets: pd.DataFrame) -> pd.DataFrame:
    """tracker.matching proposals as a table with a tick box each: ticked when the proposal
    would add an observation (conflicts and doubtful values are for a person to decide)."""
    from tracker.matching import ACTIONS

    names = targets.set_index("id")["indicator"] if len(targets) else pd.Series(dtype=object)
    rows = [{
        "write": p.action == "add",
        "action_text": ACTIONS.get(p.action, p.action),
        "target": p.target,
        "indicator": names.get(p.target, ""),
        "date": p.date,
        "value_text": fmt(p.value, p.unit),
        "period": p.period,
        "reason": p.reason,
    } for p in proposals]
    return pd.DataFrame(rows, columns=list(PROPOSAL_HEADINGS)).rename(columns=PROPOSAL_HEADINGS)


def chosen_proposals(proposals: list, table: pd.DataFrame) -> list:
    """The proposals whose box is ticked in `table` (as st.data_editor returns it) and that
    can be written: only additions are, the others need a person to edit the file."""
    ticks = list(table[PROPOSAL_HEADINGS["write"]]) if len(table) else []
    return [p for p, tick in zip(proposals, ticks) if bool(tick) and p.action == "add"]


def figure_in_quote(text: str, proposal) -> tuple[int, int] | None:
    """Where the proposal's figure stands inside its quote: (start, end) in the quote, or None
    when the quote is not found around the figure in `text`."""
    quote, start, end = proposal.quote, int(proposal.start), int(proposal.end)
    at = text.rfind(quote, max(0, end - len(quote)), start + len(quote)) if quote else -1
    if at < 0 or not at <= start < end <= at + len(quote):
        return None
    return start - at, end - at


# Column headings of the table of figures that match no target (field -> heading).
UNMATCHED_HEADINGS = {"text": "原文", "region": "地区", "indicator": "指标", "period": "统计期", "why": "原因"}


def unmatched_table(unmatched: list) -> pd.DataFrame:
    """tracker.matching's unmatched figures as a table for people."""
    rows = [{k: getattr(u, k) or "—" for k in UNMATCHED_HEADINGS} for u in unmatched]
    return pd.DataFrame(rows, columns=list(UNMATCHED_HEADINGS)).rename(columns=UNMATCHED_HEADINGS)


# --- urgency, counts and the briefing (issue #10) ------------------------------------------------

def _urgency_rank(states: pd.Series) -> pd.Series:
    """Each status's place in URGENCY, then the other statuses in tracker.STATUSES order."""
    order = list(URGENCY) + [s for s in tracker.STATUSES if s not in URGENCY]
    return states.map({state: i for i, state in enumerate(order)}).fillna(len(order))


def by_urgency(status: pd.DataFrame, order: str = "urgency") -> pd.DataFrame:
    """The rows most urgent first (URGENCY); the file's order within a status, and for
    order == "file" the file's order throughout."""
    if order != "urgency" or not len(status):
        return status
    rank = _urgency_rank(status["status"]).to_numpy()
    return status.iloc[np.argsort(rank, kind="stable")]


def status_counts(status: pd.DataFrame) -> dict[str, int]:
    """How many targets have each status, most urgent first (URGENCY, then the rest); statuses
    no target has are left out."""
    counts = status["status"].value_counts()
    order = list(URGENCY) + [s for s in tracker.STATUSES if s not in URGENCY]
    return {state: int(counts[state]) for state in order if counts.get(state, 0)}


def pace_text(row) -> str:
    """The pace in words, by the method the status was judged with: 实际年均增速5%，所需6.3%（R=0.8）
    for compound growth, 完成进度38%，时间进度33.4% for a straight line, 最新值与目标之比0.93 when
    compared directly; '' when there is no pace to tell."""
    method, ratio = row.get("method"), row.get("ratio")
    r = "" if _missing(ratio) else f"（R={format_number(ratio, 2)}）"
    if method == "cagr" and not _missing(row.get("cagr_observed")):
        return f"实际年均增速{fmt_share(row.get('cagr_observed'))}，所需{fmt_share(row.get('cagr_required'))}{r}"
    if method == "linear" and not _missing(row.get("progress")):
        return f"完成进度{fmt_share(row.get('progress'))}，时间进度{fmt_share(row.get('elapsed'))}{r}"
    if method == "direct" and not _missing(ratio):
        return f"最新值为目标的{fmt_share(ratio)}"
    return ""


@dataclass
class BriefingItem:
    """One target the briefing lists, every field already written as officials read it."""

    id: str
    name: str
    status: str
    as_of: str            # 2024年 (· 数据滞后): the 数据截至 of the latest data
    latest: str
    target: str
    gap: str
    progress: str
    pace: str
    projection: str
    department: str
    source: str           # 出处文件 · 日期
    quote: str            # the source sentence


@dataclass
class Briefing:
    """What the 简报 says, computed from the status table (dashboard/briefing.py lays it out)."""

    title: str
    date_text: str                         # 统计日期：2026年11月22日
    scope: str                             # which places it covers
    counts: dict[str, int]                 # status -> targets, most urgent first
    total: int
    items: list[BriefingItem]              # those needing attention first, most urgent first
    others: pd.DataFrame                   # every other target: 名称, 状态, 完成进度, 数据截至


def briefing(status: pd.DataFrame, targets: pd.DataFrame, today, region: str | None = None) -> Briefing:
    """The briefing of `region` (with the places inside it, tracker.tables.PLACES) or of every
    region, as assessed on `today`: counts by status, then the targets that need attention
    (ATTENTION, most urgent first) with gap, pace, 数据截至, projection and source sentence,
    then the rest in one table."""
    if region:
        places = [region, *regions_within(region)]
        status = status[status["region"].isin(places)]
        inside = [p for p in places[1:] if p in set(status["region"])]
        scope = f"{region}" + (f"（含下辖的{'、'.join(inside)}）" if inside else "")
    else:
        scope = "全部地区"
    ordered = by_urgency(status)
    names = labels(ordered)
    quotes = targets.set_index("id") if len(targets) else pd.DataFrame()
    items, rest = [], []
    for row in ordered.to_dict("records"):
        note = as_of_note(row)
        if row["status"] not in ATTENTION:
            rest.append({"名称": names[row["id"]], "状态": row["status"], "完成进度": fmt_share(row.get("progress")),
                         "数据截至": note.removeprefix("数据截至") or "—"})
            continue
        source = quotes.loc[row["id"]] if row["id"] in quotes.index else {}
        quote = source.get("source_quote") if len(source) else None
        doc = " · ".join(x for x in (source.get("source_doc") if len(source) else None,
                                     fmt_date(source.get("source_date")) if len(source) else None)
                         if isinstance(x, str) and x and x != "—")
        items.append(BriefingItem(
            id=row["id"], name=names[row["id"]], status=row["status"], as_of=note.removeprefix("数据截至") or "暂无数据",
            latest=fmt(row.get("latest"), row.get("unit")), target=target_text(row) + (
                f"（{fmt_date(row.get('due'))}）" if not _missing(row.get("due")) else ""),
            gap=fmt(row.get("gap"), row.get("unit")), progress=fmt_share(row.get("progress")),
            pace=pace_text(row) or "—", projection=projection_text(row) or "—",
            department="" if _missing(row.get("department")) else str(row.get("department")),
            source=doc, quote=quote if isinstance(quote, str) else "",
        ))
    title = f"{region or '全部地区'}目标进展简报"
    stamp = pd.Timestamp(today)
    return Briefing(title=title, date_text=f"统计日期：{stamp.year}年{stamp.month}月{stamp.day}日", scope=scope,
                    counts=status_counts(status), total=len(status), items=items,
                    others=pd.DataFrame(rest, columns=["名称", "状态", "完成进度", "数据截至"]))


# --- places inside places (tracker.tables.PARENTS: the hand table and China's divisions) --------------

def _parent(region: str) -> str | None:
    from tracker.tables import PARENTS

    return PARENTS.get(region)


def _ancestors(region: str) -> list[str]:
    from tracker.tables import ancestors

    return ancestors(region)


def regions_within(region: str) -> list[str]:
    """Every place inside `region`, at any depth, in tracker.tables.PARENTS order (the hand table's
    places first)."""
    from tracker.tables import PARENTS, PLACES

    return [place for place in {**PLACES, **PARENTS} if region in _ancestors(place)]


def region_tree(regions) -> list[tuple[str, int]]:
    """`regions` as a tree, each place followed by the places inside it: (region, depth). Depth
    counts only the enclosing places that are themselves in `regions`; otherwise the order
    is the given one."""
    regions = list(dict.fromkeys(regions))
    present = set(regions)
    up = {r: next((a for a in _ancestors(r) if a in present), None) for r in regions}
    out: list[tuple[str, int]] = []

    def visit(region: str, depth: int) -> None:
        out.append((region, depth))
        for child in regions:
            if up[child] == region:
                visit(child, depth + 1)

    for region in regions:
        if up[region] is None:
            visit(region, 0)
    return out


def region_label(region: str, regions) -> str:
    """A region as the selector shows it: 昆山市（苏州市下辖） when the place enclosing it is also
    tracked, indented by its depth."""
    present = set(regions)
    up = next((a for a in _ancestors(region) if a in present), None)
    depth = sum(1 for a in _ancestors(region) if a in present)
    return "\u3000" * depth + region + (f"（{up}下辖）" if up else "")


def peer_groups(regions) -> list[list[str]]:
    """The regions that may be compared side by side: those directly inside the same place
    (苏州市 and 徐州市, both in 江苏省), never a place with a place inside it."""
    groups: dict = {}
    for region in dict.fromkeys(regions):
        groups.setdefault(_parent(region), []).append(region)
    out = []
    for members in groups.values():
        # places of unknown parent may still contain one another through the table: split them
        free = [m for m in members if not any(a in members for a in _ancestors(m))]
        if len(free) > 1:
            out.append(free)
    return out


def nested_rows(status: pd.DataFrame) -> pd.DataFrame:
    """The indicators a place and a place inside it both track, side by side as 上级 ⊃ 下辖
    (苏州市 ⊃ 昆山市): one row per pair and indicator, latest values written out."""
    columns = ["地区", "指标", "上级最新值", "上级数据截至", "下辖最新值", "下辖数据截至"]
    once = status.drop_duplicates(["region", "indicator"], keep="first")
    by_place = {region: part.set_index("indicator") for region, part in once.groupby("region", sort=False)}
    rows = []
    for inner, part in by_place.items():
        for outer in _ancestors(inner):
            if outer not in by_place:
                continue
            for indicator in part.index.intersection(by_place[outer].index):
                a, b = by_place[outer].loc[indicator], part.loc[indicator]
                rows.append({"地区": f"{outer} ⊃ {inner}", "指标": indicator,
                             "上级最新值": fmt(a["latest"], a["unit"]), "上级数据截至": as_of_text(a).removeprefix("数据截至") or "—",
                             "下辖最新值": fmt(b["latest"], b["unit"]), "下辖数据截至": as_of_text(b).removeprefix("数据截至") or "—"})
    return pd.DataFrame(rows, columns=columns)


# --- growth rates over periods -------------------------------------------------------------------

def rate_history(targets: pd.DataFrame, observations: pd.DataFrame) -> pd.DataFrame:
    """Every reported value of each growth-rate target, oldest first: id, region, label,
    date, period (its stated period, else its date), value (percent). Only targets reported for
    more than one period are kept: one period is no line."""
    columns = ["id", "region", "label", "date", "period", "value"]
    rates = targets[targets["type"].isin(RATE_TYPES)]
    obs = observations[observations["target_id"].isin(rates["id"])].sort_values(["target_id", "date"], kind="stable")
    if not len(obs):
        return pd.DataFrame(columns=columns)
    names = labels(rates.assign(name=rates["name"] if "name" in rates else ""))
    regions = rates.set_index("id")["region"]
    period = obs["period"].astype("string").fillna("") if "period" in obs else pd.Series("", index=obs.index)
    out = pd.DataFrame({
        "id": obs["target_id"], "region": obs["target_id"].map(regions), "label": obs["target_id"].map(names),
        "date": obs["date"], "period": [p or fmt_date(d) for p, d in zip(period, obs["date"])],
        "value": pd.to_numeric(obs["value"], errors="coerce"),
    })
    periods = out.groupby("id")["date"].transform("nunique")
    return out[periods > 1].reset_index(drop=True)


# --- the overview at phone width ------------------------------------------------------------------

def phone_rows(status: pd.DataFrame, most: int = 150) -> list[dict]:
    """The overview as a list for a phone: per target its name, status, progress and
    数据截至, and latest against target, in the order given."""
    names = labels(status)
    rows = []
    for row in status.head(most).to_dict("records"):
        note = as_of_note(row)
        rows.append({
            "id": row["id"], "name": names[row["id"]], "status": row["status"],
            "line": " · ".join(x for x in (f"完成进度 {fmt_share(row.get('progress'))}", note) if x),
            "values": f"最新 {fmt(row.get('latest'), row.get('unit'))} / 目标 {target_text(row)} · 差距 {fmt(row.get('gap'), row.get('unit'))}",
        })
    return rows
