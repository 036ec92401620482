"""Tables as files people download: CSV that Excel opens, .xlsx, and readable figure tables.

CSV is written in UTF-8 with a byte-order mark, because Excel on Chinese
Windows reads a BOM-less CSV as GBK and shows mojibake.
"""

from __future__ import annotations

import io
import math

import pandas as pd

from dashboard import highlight, views
from tracker.units import format_number

__all__ = ["FIGURE_HEADINGS", "csv_bytes", "decimals", "figure_table", "plain", "xlsx_bytes"]

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


decimals = views.decimals


def _float_columns(table: pd.DataFrame) -> list:
    return [c for c in table.columns if pd.api.types.is_float_dtype(table[c])]


def plain(table: pd.DataFrame) -> pd.DataFrame:
    """A copy fit for a file: lists become 、-joined text, categoricals become text, empty
    text cells stay empty (never None), and numbers are rounded as officials write them
    (decimals(); 619.8299999999999 -> 619.83, 514060000000.0001 -> 514060000000)."""
    out = table.copy()
    for column in out.columns:
        series = out[column]
        if isinstance(series.dtype, pd.CategoricalDtype):
            out[column] = series.astype("string")
        elif series.dtype == object and series.map(lambda v: isinstance(v, (list, tuple))).any():
            out[column] = series.map(views.tags_text)
    for column in _float_columns(out):
        out[column] = out[column].round(decimals(column))
    return out


def _places(values: pd.Series, most: int) -> int:
    """How many decimals the (rounded) numbers of a column need, at most `most`."""
    need = 0
    for value in values.dropna():
        need = max(need, len(format_number(value, most).partition(".")[2]))
    return need


def csv_bytes(table: pd.DataFrame) -> bytes:
    """The table as CSV in UTF-8 with BOM; numbers written without float noise or trailing zeros."""
    out = plain(table)
    for column in _float_columns(out):
        places = decimals(column)
        out[column] = [format_number(v, places) if not (isinstance(v, float) and math.isnan(v)) else ""
                       for v in out[column]]
    return out.to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(table: pd.DataFrame, sheet: str = "数据") -> bytes:
    """The table as an .xlsx workbook (one sheet); each number column gets a number format with
    the decimals its rounded numbers need (0, 0.0 or 0.00), so Excel shows 619.83, not 619.8299999999999."""
    buffer = io.BytesIO()
    out = plain(table)
    for column in out.columns:  # Excel has no time zones
        if isinstance(out[column].dtype, pd.DatetimeTZDtype):
            out[column] = out[column].dt.tz_localize(None)
    formats = {}
    for i, column in enumerate(out.columns):
        if column in _float_columns(out):
            places = _places(out[column], decimals(column))
            formats[i] = "0" if places == 0 else "0." + "0" * places
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        out.to_excel(writer, index=False, sheet_name=sheet[:31])
        worksheet = writer.sheets[sheet[:31]]
        for i, number_format in formats.items():
            for (cell,) in worksheet.iter_rows(min_row=2, min_col=i + 1, max_col=i + 1):
                cell.number_format = number_format
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
