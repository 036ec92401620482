"""Tables as files people download: CSV that Excel opens, .xlsx, and readable figure tables.

CSV is written in UTF-8 with a byte-order mark, because Excel on Chinese
Windows reads a BOM-less CSV as GBK and shows mojibake.
"""

from __future__ import annotations

import io

import pandas as pd

from dashboard import highlight, views

__all__ = ["FIGURE_HEADINGS", "csv_bytes", "figure_table", "plain", "xlsx_bytes"]

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIME = "text/csv"
# Column headings of the figures table (extract.figures column -> heading).
FIGURE_HEADINGS = {
    "text": "原文",
    "value_text": "数值",
    "category": "类别",
    "unit": "单位",
    "qualifier": "限定",
    "kind_text": "性质",
    "indicator": "指标",
    "region": "地区",
    "deadline": "截止年份",
    "period": "时期",
    "sentence": "所在句子",
    "start": "起",
    "end": "止",
}


def plain(table: pd.DataFrame) -> pd.DataFrame:
    """A copy fit for a file: lists become 、-joined text, categoricals become text."""
    out = table.copy()
    for column in out.columns:
        series = out[column]
        if isinstance(series.dtype, pd.CategoricalDtype):
            out[column] = series.astype("string")
        elif series.dtype == object and series.map(lambda v: isinstance(v, (list, tuple))).any():
            out[column] = series.map(views.tags_text)
    return out


def csv_bytes(table: pd.DataFrame) -> bytes:
    """The table as CSV in UTF-8 with BOM."""
    return plain(table).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(table: pd.DataFrame, sheet: str = "数据") -> bytes:
    """The table as an .xlsx workbook (one sheet)."""
    buffer = io.BytesIO()
    out = plain(table)
    for column in out.columns:  # Excel has no time zones
        if isinstance(out[column].dtype, pd.DatetimeTZDtype):
            out[column] = out[column].dt.tz_localize(None)
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        out.to_excel(writer, index=False, sheet_name=sheet[:31])
    return buffer.getvalue()


def figure_table(figures: pd.DataFrame) -> pd.DataFrame:
    """extract.figures' table as people read it: values written out, Chinese headings."""
    rows = pd.DataFrame(index=figures.index)
    rows["text"] = figures["text"]
    rows["value_text"] = [highlight.tooltip(f).split(" · ")[0].removeprefix("数值 ") for _, f in figures.iterrows()]
    rows["category"] = figures["category"].astype("string").map(lambda c: views.words("category", c))
    rows["unit"] = figures["unit"]
    rows["qualifier"] = figures["qualifier"].map(lambda q: views.words("qualifier", q))
    rows["kind_text"] = figures["kind"].map(lambda k: views.words("kind", k))
    for column in ("indicator", "region", "period", "sentence"):
        rows[column] = figures[column].astype("string").fillna("")
    rows["deadline"] = [views.fmt_date(d) if not views._missing(d) else "" for d in figures["deadline"]]
    rows["start"], rows["end"] = figures["start"], figures["end"]
    rows = rows[list(FIGURE_HEADINGS)]
    return rows.rename(columns=FIGURE_HEADINGS).reset_index(drop=True)
