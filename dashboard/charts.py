"""Plotly figure builders: plain functions from tables to figures.

Each takes the tables tracker computed (or views shaped) and returns a
`plotly.graph_objects.Figure`; none reads files or computes a status. Status
is always drawn as text as well as colour.
"""

from __future__ import annotations

import html
import math

import pandas as pd
import plotly.graph_objects as go

import tracker
from dashboard import views

__all__ = [
    "CONFIG",
    "FONT_FAMILY",
    "STATUS_COLOURS",
    "MAX_BARS",
    "MAX_BULLETS",
    "bullet_panel",
    "comparison_chart",
    "progress_chart",
    "rate_chart",
    "rate_lines",
    "trajectory_chart",
    "value_ticks",
]

# One colour per status (Okabe-Ito, readable with colour-blindness); the status
# is also written next to every bar, so colour is never the only cue.
STATUS_COLOURS: dict[str, str] = {
    "已完成": "#009E73",
    "进度正常": "#56B4E9",
    "需加快": "#E69F00",
    "进展缓慢": "#D55E00",
    "倒退": "#CC0000",
    "逾期未完成": "#882255",
    "待数据": "#CC79A7",
    "仅监测": "#0072B2",
    "暂无数据": "#999999",
}
# Pace markers: where the target should have been at the date of the latest data (the
# status is judged there), and today's position, drawn only where it differs.
PACE_NAME, TODAY_NAME = "数据截至时应达", "今天应达"
# Today's marker is drawn when it is at least this many percentage points from the as-of one.
TODAY_APART = 0.5
# How every chart is shown: no Plotly toolbar (its tips are English and cannot all be
# translated here), no logo. Clicking a bar still selects it.
CONFIG = {"displaylogo": False, "displayModeBar": False}
FONT_FAMILY = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif'
# The progress chart draws at most this many bars (those furthest behind first);
# the table below it always lists every target.
MAX_BARS = 150
# Progress bars are drawn within these percents so one runaway value does not squash the rest;
# the label keeps the true figure.
SHOWN_RANGE = (-50.0, 150.0)
# A bullet panel draws at most this many targets (the page says when some are left out).
MAX_BULLETS = 30
PATH_STYLES = {
    "observed": dict(name="实际值", mode="lines+markers", line=dict(color="#0072B2", width=3)),
    "linear": dict(name="匀速路径", mode="lines", line=dict(color="#999999", dash="dash")),
    "required": dict(name="按所需增速", mode="lines", line=dict(color="#E69F00", dash="dot")),
}


def _layout(fig: go.Figure, **extra) -> go.Figure:
    fig.update_layout(
        font=dict(family=FONT_FAMILY, size=13),
        margin=dict(l=10, r=10, t=40, b=10),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0),
        separators=".,",
        **extra,
    )
    return fig


def _num(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) or math.isinf(number) else number


def value_ticks(low: float, high: float, unit: str, count: int = 5) -> tuple[list[float], list[str]]:
    """About `count` round tick values between low and high, labelled as officials write them
    (6000亿元, 1.3万亿元), so axes never show 11k亿元 or 1.3e12. Things counted in whole units
    (个, 家, 项) get whole ticks: never 3.25个."""
    known = tracker.units.lookup(unit) if unit else None
    whole = known is not None and known.category == "count" and known.scale == 1
    if high <= low:  # a single value: centre it
        pad = max(abs(low) * 0.1 or 1.0, 1.0 if whole else 0.0)
        low, high = low - pad, low + pad
    raw = (high - low) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    if whole and step < 1:
        step = 1
    first = math.ceil(low / step) * step
    values = []
    value = first
    while value <= high + step * 1e-9:
        values.append(round(value, 10))
        value += step
    return values, [views.fmt(v, unit) for v in values]


def _column(rows: pd.DataFrame, name: str) -> pd.Series:
    return pd.to_numeric(rows[name], errors="coerce") * 100 if name in rows else pd.Series(float("nan"), index=rows.index)


# The progress chart's plot takes this share of the width; the labels (progress · status ·
# 数据截至…) have the rest to themselves, so no bar or pace marker ever covers them.
BAR_DOMAIN = 0.55


def progress_chart(status: pd.DataFrame) -> go.Figure:
    """Every target's progress as a horizontal bar, named as officials name it, with a tick where
    a straight-line pace would have been at the date of its latest data (where its status is
    judged) and, where it differs, a hollow tick for today.

    One trace per status so the legend names the colours; each bar's label (its progress,
    status and 数据截至…, and 数据滞后 when the data are old) stands in a column of its own to the
    right of the plot, in the status colour; the hover adds the reason. Bars are ordered as
    `status` is (first row on top).
    """
    rows = status.head(MAX_BARS).reset_index(drop=True)
    names = views.labels(rows)
    labels = [names[i] for i in rows["id"]]
    progress = _column(rows, "progress")
    elapsed, today = _column(rows, "elapsed"), _column(rows, "elapsed_today")
    records = rows.to_dict("records")
    as_of = views.as_of_texts(rows)
    texts = []
    for i, state in enumerate(rows["status"]):
        p = progress[i]
        share = views.fmt_share(p / 100) if not pd.isna(p) else "—"
        flag = [x for x in (as_of[i], views.STALE_FLAG if views.is_stale(records[i]) else "") if x]
        texts.append(" · ".join([share, state, *flag]))
    fig = go.Figure()
    for state in tracker.STATUSES:
        mask = rows["status"] == state
        if not mask.any():
            continue
        shown = progress[mask].fillna(0).clip(*SHOWN_RANGE)
        notes = []
        for i in rows.index[mask]:
            reason = records[i].get("reason")
            notes.append(reason if isinstance(reason, str) and reason else "")
        fig.add_trace(
            go.Bar(
                x=shown,
                y=[labels[i] for i in rows.index[mask]],
                orientation="h",
                name=state,
                marker_color=STATUS_COLOURS.get(state, "#666666"),
                text=[texts[i] for i in rows.index[mask]],
                textposition="none",
                customdata=list(zip(rows.loc[mask, "id"], notes)),
                hovertemplate="%{y}<br>完成进度 %{text}<br>%{customdata[1]}<extra></extra>",
            )
        )
    # (which rows, shares in percent, name, tick size and width, colour, hover, hover text)
    markers = (
        (elapsed.notna(), elapsed, PACE_NAME, 18, 3, "#333333", "%{y}<br>%{text}，按时间进度应达 %{x:.1f}%", as_of),
        (today.notna() & (elapsed.isna() | ((today - elapsed).abs() >= TODAY_APART)), today, TODAY_NAME, 12, 2, "#999999",
         "%{y}<br>按时间进度今天应达 %{x:.1f}%", None),
    )
    for shown, shares, name, size, width, colour, hover, text in markers:
        if shown.any():
            fig.add_trace(go.Scatter(
                x=shares[shown].clip(*SHOWN_RANGE), y=[labels[i] for i in rows.index[shown]], mode="markers", name=name,
                marker=dict(symbol="line-ns", size=size, line=dict(width=width, color=colour)),
                customdata=rows.loc[shown, "id"], text=None if text is None else list(text[shown]),
                hovertemplate=hover + "<extra></extra>",
            ))
    if len(rows):  # the labels, in a column of their own (x2) beside the plot
        fig.add_trace(go.Scatter(
            x=[0] * len(rows), y=labels, xaxis="x2", mode="text", text=texts, textposition="middle right",
            textfont=dict(color=[STATUS_COLOURS.get(s, "#333333") for s in rows["status"]]),
            customdata=rows["id"], showlegend=False, hoverinfo="skip", cliponaxis=False,
        ))
    fig.update_yaxes(
        categoryorder="array", categoryarray=list(reversed(labels)), automargin=True, title=None
    )
    low = min(0, progress.min(skipna=True) if progress.notna().any() else 0)
    high = 100 if not (progress > 100).any() else SHOWN_RANGE[1]
    ticks = [v for v in range(-100, int(high) + 1, 20) if v >= low]
    fig.update_xaxes(title="完成进度(%)", range=[low - 2, high + 4], zeroline=True, tickvals=ticks,
                     ticktext=[f"{v}%" for v in ticks], domain=[0, BAR_DOMAIN])
    fig.update_layout(xaxis2=dict(domain=[BAR_DOMAIN + 0.01, 1], range=[0, 1], visible=False, fixedrange=True))
    return _layout(fig, height=max(260, 34 * len(rows) + 110), barmode="overlay", bargap=0.35)


def trajectory_chart(trajectory: pd.DataFrame, target: pd.Series) -> go.Figure:
    """A target's path: baseline, observations, the straight-line and required-growth paths, the target.

    `trajectory` is tracker.trajectory's table (date, observed, linear, required), values in the
    target's unit; `target` is the target's row of the status table.
    """
    unit = target.get("unit") or ""
    fig = go.Figure()
    for column, style in PATH_STYLES.items():
        if column not in trajectory:
            continue
        points = trajectory[["date", column]].dropna()
        if points.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=points["date"],
                y=points[column],
                text=[views.fmt(v, unit) for v in points[column]],
                hovertemplate="%{x|%Y年%m月}<br>%{text}<extra>" + style["name"] + "</extra>",
                connectgaps=True,
                **style,
            )
        )
    baseline, baseline_date = _num(target.get("baseline")), target.get("baseline_date")
    if not views.shows_baseline(target):  # an annual flow's zero at the start of its year is no figure
        baseline, baseline_date = None, None
    if baseline is not None and not views._missing(baseline_date):
        fig.add_trace(
            go.Scatter(
                x=[pd.Timestamp(baseline_date)], y=[baseline], name="基期",
                mode="markers+text", marker=dict(size=12, color="#555555", symbol="circle-open"),
                text=[views.fmt(baseline, unit)], textposition="bottom right",
                hovertemplate="基期 %{text}<extra></extra>",
            )
        )
    goal, due = _num(target.get("target")), target.get("due")
    if views._missing(due) and "target" in trajectory and trajectory["target"].notna().any():
        due = trajectory.loc[trajectory["target"].notna(), "date"].iloc[-1]  # an annual target: the year's end
    if goal is not None and not views._missing(due):
        fig.add_trace(
            go.Scatter(
                x=[pd.Timestamp(str(due)) if not isinstance(due, pd.Timestamp) else due], y=[goal],
                name="目标", mode="markers+text",
                marker=dict(size=16, color="#CC0000", symbol="star"),
                text=[views.fmt(goal, unit)], textposition="top left",
                hovertemplate="目标 %{text}<extra></extra>",
            )
        )
    shown = [v for column in ("observed", "linear", "required") if column in trajectory
             for v in pd.to_numeric(trajectory[column], errors="coerce").dropna()]
    shown += [v for v in (baseline, goal) if v is not None]
    if shown:
        ticks, labels = value_ticks(min(shown), max(shown), unit)
        fig.update_yaxes(tickvals=ticks, ticktext=labels)
    fig.update_yaxes(title=None, automargin=True)
    dates = [pd.Timestamp(d) for d in trajectory["date"].dropna()] if "date" in trajectory else []
    dates += [pd.Timestamp(d) for d in (baseline_date, due) if not views._missing(d)]
    if dates:
        # A year's figure is dated its last day (tracker stores 2023 as 2023-12-31): tick there.
        years = range(min(dates).year, max(dates).year + 1)
        fig.update_xaxes(tickvals=[pd.Timestamp(y, 12, 31) for y in years], ticktext=[f"{y}年" for y in years])
    fig.update_xaxes(title=None)
    return _layout(fig, height=420)


def bullet_panel(status: pd.DataFrame) -> go.Figure:
    """One bullet chart per target, stacked: latest value as a bar from the baseline, the
    baseline-to-target range behind it, a dark tick where a straight-line pace would be
    today and a red tick at the target. Each row keeps its own unit and scale.

    The rows' axes are laid out here directly (not with make_subplots and per-row updates,
    which take seconds for dozens of rows)."""
    rows = status.head(MAX_BULLETS).reset_index(drop=True)
    names = views.labels(rows)
    count = max(len(rows), 1)
    row_px, title_px, axis_px = 44, 46, 34  # bar height, room for the two-line title above, ticks below
    band = title_px + row_px + axis_px
    plot_px = count * band
    traces, layout, titles = [], {}, []
    for i, r in rows.iterrows():
        unit = r["unit"] or ""
        base, goal = _num(r["baseline"]), _num(r["target"])
        latest, expected = _num(r["latest"]), _num(r.get("expected"))
        today = _num(r.get("expected_now"))
        if today is not None and expected is not None and abs(today - expected) < abs(expected) * 1e-9:
            today = None                                  # today's position drawn only where it differs
        start = base if base is not None else 0.0
        known = [v for v in (base, goal, latest, expected, today) if v is not None] or [0.0]
        low, high = min(known + [0.0 if start == 0 else start]), max(known)
        pad = (high - low) * 0.08 or abs(high) * 0.1 or 1.0
        colour = STATUS_COLOURS.get(r["status"], "#666666")
        suffix = "" if i == 0 else str(i + 1)
        axes = dict(xaxis=f"x{suffix}", yaxis=f"y{suffix}")
        if goal is not None:
            traces.append(go.Bar(x=[goal - start], base=[start], y=["目标"], orientation="h",
                                 marker_color="#E8E8E8", width=0.9, showlegend=False,
                                 hovertemplate=f"基期至目标 {views.fmt(base, unit)} → {views.fmt(goal, unit)}<extra></extra>",
                                 **axes))
        if latest is not None:
            traces.append(go.Bar(x=[latest - start], base=[start], y=["目标"], orientation="h",
                                 marker_color=colour, width=0.4, showlegend=False,
                                 hovertemplate=html.escape(f"最新值 {views.fmt(latest, unit)} · {r['status']} · "
                                                           f"{views.status_note(r)}") + "<extra></extra>",
                                 **axes))
        ticks_at = [(v, name, tick) for v, name, tick in ((expected, PACE_NAME, "#333333"), (today, TODAY_NAME, "#999999"),
                                                          (goal, "目标", "#CC0000"))
                    if v is not None]
        if ticks_at:  # both ticks in one trace: half the traces to build
            traces.append(go.Scatter(
                x=[v for v, _, _ in ticks_at], y=["目标"] * len(ticks_at), mode="markers", showlegend=False,
                marker=dict(symbol="line-ns", size=26, line=dict(width=3, color=[t for _, _, t in ticks_at])),
                text=[f"{name} {views.fmt(v, unit)}" for v, name, _ in ticks_at],
                hovertemplate="%{text}<extra></extra>", **axes))
        top = i * band + title_px  # pixels from the top of the plot area to this bar
        ticks, labels = value_ticks(low - pad, high + pad, unit)
        layout[f"xaxis{suffix}"] = dict(anchor=f"y{suffix}", domain=[0, 1], range=[low - pad, high + pad],
                                        tickvals=ticks, ticktext=labels, fixedrange=True)
        layout[f"yaxis{suffix}"] = dict(anchor=f"x{suffix}", showticklabels=False, fixedrange=True,
                                        domain=[1 - (top + row_px) / plot_px, 1 - top / plot_px])
        # Two short lines rather than one long one, so that a phone's width (390 px) shows them
        # whole: the target and its status, then its figures and the date of its data.
        figures = " · ".join(x for x in (f"{views.fmt(r['latest'], unit)} / 目标 {views.target_text(r)}",
                                          views.as_of_note(r)) if x)
        titles.append(dict(
            text=(f"{html.escape(names[r['id']])} · {html.escape(r['status'])}"
                  f"<br><span style=\"font-size:12px;color:#555\">{html.escape(figures)}</span>"),
            x=0, xref="paper", xanchor="left", y=1 - (top - 4) / plot_px, yref="paper", yanchor="bottom",
            showarrow=False, font=dict(size=14), align="left",
        ))
    fig = go.Figure(data=traces, layout=dict(annotations=titles, **layout))
    return _layout(fig, height=plot_px + 50, barmode="overlay", showlegend=False)


def comparison_chart(status: pd.DataFrame) -> go.Figure:
    """The same indicator across regions: progress side by side, one colour per region.

    Only indicators that more than one region has are drawn; each bar is labelled with
    the region's latest value against its own target.
    """
    shared = status.groupby("indicator")["region"].transform("nunique") > 1
    rows = status[shared]
    fig = go.Figure()
    for region, part in rows.groupby("region", sort=True):
        progress = pd.to_numeric(part["progress"], errors="coerce") * 100
        fig.add_trace(
            go.Bar(
                x=part["indicator"], y=progress.fillna(0), name=str(region),
                text=[f"{views.fmt(l, u)} / {views.fmt(t, u)}" for l, t, u in zip(part["latest"], part["target"], part["unit"])],
                textposition="outside", cliponaxis=False,
                customdata=[f"{r['status']} · {views.status_note(r)}".rstrip(" ·") for r in part.to_dict("records")],
                hovertemplate="%{x}<br>" + str(region) + " 完成进度 %{y:.1f}%<br>%{text} · %{customdata}<extra></extra>",
            )
        )
    shown = pd.to_numeric(rows["progress"], errors="coerce") * 100
    top = max(100.0, float(shown.max()) + 15 if shown.notna().any() else 100.0)
    bottom = min(0.0, float(shown.min()) - 15 if shown.notna().any() else 0.0)
    fig.update_yaxes(title="完成进度(%)", ticksuffix="%", range=[bottom, top])
    return _layout(fig, height=420, barmode="group")


def rate_chart(rates: pd.DataFrame, title: str | None = None) -> go.Figure:
    """Growth rates as a sorted horizontal bar chart (largest on top), labelled with their value.

    `rates` has columns `label`, `value` (a percent: 12.3 for 12.3%) and optionally `period`.
    """
    rows = rates.dropna(subset=["value"]).sort_values("value", ascending=True)
    colours = ["#0072B2" if v >= 0 else "#D55E00" for v in rows["value"]]
    hover = rows["period"] if "period" in rows else pd.Series("", index=rows.index)
    fig = go.Figure(
        go.Bar(
            x=rows["value"], y=rows["label"], orientation="h", marker_color=colours,
            text=[f"{v:+.1f}%" for v in rows["value"]], textposition="outside", cliponaxis=False,
            customdata=hover, hovertemplate="%{y}<br>%{x:.1f}% · %{customdata}<extra></extra>",
        )
    )
    fig.update_xaxes(ticksuffix="%", zeroline=True, title="增速(%)")
    fig.update_yaxes(automargin=True, title=None)
    return _layout(fig, height=max(240, 36 * len(rows) + 100), title=title, showlegend=False)


def rate_lines(history: pd.DataFrame) -> go.Figure:
    """Growth rates over periods, one line per indicator (views.rate_history: label, date,
    period, value in percent), periods in date order along the bottom, each point labelled."""
    fig = go.Figure()
    order = list(dict.fromkeys(history.sort_values("date", kind="stable")["period"]))
    for name, part in history.groupby("label", sort=False):
        part = part.sort_values("date", kind="stable")
        values = [views.fmt(v, "%") for v in part["value"]]
        fig.add_trace(go.Scatter(  # the latest value labelled; every value in the hover
            x=part["period"], y=part["value"], name=str(name), mode="lines+markers+text",
            text=["" for _ in values[:-1]] + values[-1:], customdata=values, textposition="middle right",
            cliponaxis=False, hovertemplate=html.escape(str(name)) + "<br>%{x} · %{customdata}<extra></extra>",
        ))
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=order, title=None)
    fig.update_yaxes(ticksuffix="%", zeroline=True, title="增速(%)")
    return _layout(fig, height=380)
