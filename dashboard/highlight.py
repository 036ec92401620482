"""A document as HTML with every figure marked, safe to show whatever the document holds.

All document text is HTML-escaped before it is wrapped in marks, so a
document that contains `<script>` shows the characters, not a script.
Targets and actuals get two styles (KIND_STYLES) and every mark carries a
tooltip (its `title`) with value, unit, indicator and deadline.
"""

from __future__ import annotations

import html

import pandas as pd

from dashboard import views

__all__ = ["KIND_LABELS", "KIND_STYLES", "STYLE_SHEET", "highlight_html", "legend_html", "quote_html", "tooltip"]

# Words shown for a figure's kind.
KIND_LABELS = views.CODE_WORDS["kind"]
# CSS class and style of each kind; a legend on the page uses the same table.
KIND_STYLES = {
    "target": ("fig-target", "background:#DCEBFA;border-bottom:2px solid #0072B2;"),
    "actual": ("fig-actual", "background:#FDF0D5;border-bottom:2px dashed #B36B00;"),
}
FALLBACK_STYLE = ("fig-other", "background:#EEEEEE;")
# The mark emphasised on a target page (the figure the target came from).
FOCUS_STYLE = "outline:2px solid #CC0000;font-weight:bold;"
STYLE_SHEET = (
    "<style>"
    + "".join(f".doc-text mark.{cls}{{{css}color:inherit;padding:0 1px;}}" for cls, css in (*KIND_STYLES.values(), FALLBACK_STYLE))
    + f".doc-text mark.fig-focus{{{FOCUS_STYLE}}}"
    + ".doc-text{white-space:pre-wrap;line-height:1.9;font-size:1rem;}"
    + "</style>"
)


def legend_html() -> str:
    """A one-line key to the two mark styles."""
    items = "".join(
        f'<mark class="{cls}" style="margin-right:1em">{KIND_LABELS[kind]}数字</mark>'
        for kind, (cls, _) in KIND_STYLES.items()
    )
    return f'{STYLE_SHEET}<div class="doc-text">{items}</div>'


def _text(value) -> str:
    return "" if views._missing(value) else str(value)


def tooltip(figure) -> str:
    """The tooltip of one figure: 数值 1.3万亿元 · 单位 元 · 指标 规上工业总产值 · 截止 2026年 · 目标."""
    unit = _text(figure.get("unit"))
    value = views.fmt(figure.get("value"), unit)
    if not views._missing(figure.get("value_max")):
        value = f"{value}—{views.fmt(figure.get('value_max'), unit)}"
    deadline = figure.get("deadline")
    parts = [
        f"数值 {value}",
        f"单位 {unit or '—'}",
        f"指标 {_text(figure.get('indicator')) or '—'}",
        f"截止 {views.fmt_date(deadline) if not views._missing(deadline) else '—'}",
        KIND_LABELS.get(_text(figure.get("kind")), _text(figure.get("kind")) or "—"),
    ]
    return " · ".join(parts)


def highlight_html(text: str, figures: pd.DataFrame, focus: set[int] | None = None) -> str:
    """`text` as escaped HTML in a <div class="doc-text">, each figure of `figures` in a <mark>.

    `figures` needs start, end and kind (extract.figures' columns); figures that overlap an
    earlier one are left unmarked. Rows whose index is in `focus` get an extra outline.
    """
    focus = focus or set()
    pieces: list[str] = []
    cursor = 0
    if len(figures):
        ordered = figures.sort_values(["start", "end"], kind="stable")
    else:
        ordered = figures
    for index, figure in ordered.iterrows():
        start, end = int(figure["start"]), int(figure["end"])
        if start < cursor or end <= start or end > len(text):
            continue
        cls, _ = KIND_STYLES.get(_text(figure.get("kind")), FALLBACK_STYLE)
        if index in focus:
            cls += " fig-focus"
        pieces.append(html.escape(text[cursor:start]))
        pieces.append(
            f'<mark class="{cls}" title="{html.escape(tooltip(figure), quote=True)}">'
            f"{html.escape(text[start:end])}</mark>"
        )
        cursor = end
    pieces.append(html.escape(text[cursor:]))
    return f'{STYLE_SHEET}<div class="doc-text">{"".join(pieces)}</div>'


def quote_html(quote: str, span: tuple[int, int] | None, title: str = "") -> str:
    """A source sentence as escaped HTML with one figure (`span` in the sentence) marked and
    outlined; the whole sentence unmarked when `span` is None."""
    if span is None or not 0 <= span[0] < span[1] <= len(quote):
        return f'{STYLE_SHEET}<div class="doc-text">{html.escape(quote)}</div>'
    a, b = span
    cls = KIND_STYLES["actual"][0] + " fig-focus"
    mark = f'<mark class="{cls}" title="{html.escape(title, quote=True)}">{html.escape(quote[a:b])}</mark>'
    return f'{STYLE_SHEET}<div class="doc-text">{html.escape(quote[:a])}{mark}{html.escape(quote[b:])}</div>'
