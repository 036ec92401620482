"""Tables as lines of text that keep each figure with its row and column headings.

Statistical bulletins put their figures in tables. Read cell by cell, a table loses what a
number measures ("4.7万亿元" alone); read row by row, it loses the year or the column the
number belongs to. So every data cell becomes one line, `row heading | column heading | cell`:

    | 指标           | 2024年    | 增长（%） |          规上工业总产值 | 2024年 | 4.7万亿元
    | 规上工业总产值 | 4.7万亿元 | 5.2       |    →     规上工业总产值 | 增长 | 5.2%

Rules (each one a named step below):
- the first row holds the column headings, unless it holds values (numbers other than
  years), and so do the rows under it whose first cell is empty (a second heading level
  under a merged cell); a column's heading joins its levels;
- the first column holds the row headings;
- a column heading that ends in a bracketed unit, 增长（%） or 产值(亿元), lends that unit to the
  bare numbers of its column (5.2 → 5.2%), and the heading is written without it;
- a column headed 单位 (计量单位) lends each row's unit to the bare numbers of that row
  (地区生产总值 | 亿元 | 1000 → 1000亿元), except in columns whose heading is a rate (增长,
  比重 ...) or has a unit of its own; the unit column itself gives no line (a lone 亿元 is
  not a figure);
- a cell repeated across a merged span is written once; empty cells are left out;
- a table of one row is one line of its cells; a table of one column, one line a cell.

Used by extract/word.py (.docx tables) and extract/webpage.py (tables of web pages).
"""
from __future__ import annotations

import re
from typing import Sequence

from . import vocab

__all__ = ["SEPARATOR", "table_lines", "cell_text"]

#: Between the headings and the cell of a line (spaces around it keep figures apart).
SEPARATOR = " | "

#: Units a column heading may lend to its numbers: the extractor's own (extract/vocab.py),
#: longest first, so that a bracket is a unit only when the extractor would read it as one.
_UNITS = sorted({*vocab.RATE_UNITS, *vocab.CURRENCIES, *vocab.MEASURE_WORDS, *vocab.OTHER_UNITS}, key=len, reverse=True)
_SCALES = sorted(vocab.SCALES, key=len, reverse=True)

#: A unit in brackets at the end of a column heading: 增长（%）, 产值(亿元), 金额（单位：万元）.
#: Other brackets are remarks: 2024(预计), 指标（累计）.
HEADING_UNIT = re.compile(rf"""
    \s*[（(]\s*
    (?:单位\s*[:：]\s*)?                            # 金额（单位：万元）
    (?P<unit>(?:{"|".join(map(re.escape, _SCALES))})?  # 亿, 万 ...
             (?:{"|".join(map(re.escape, _UNITS))}))   # 元, %, 吨, 家 ...
    \s*[)）]\s*$
""", re.VERBOSE)

#: The heading of a column of units (统计表's 单位 / 计量单位 column).
UNIT_COLUMN = re.compile(r"(?:计量)?单\s*位")

#: A cell of such a column that is a unit the extractor reads: 亿元, 万人, %, 家.
UNIT_CELL = re.compile(rf"""(?P<scale>{"|".join(map(re.escape, _SCALES))})?(?P<unit>{"|".join(map(re.escape, _UNITS))})""")

#: Headings of columns whose numbers are rates or shares, not amounts in the row's unit.
RATE_HEADING = re.compile(r"增长|增速|增幅|增减|下降|比重|占比|同比|环比|比上年|比去年|百分点|[%％]")

#: A cell that is a bare number, to which a heading's unit is added.
BARE_NUMBER = re.compile(r"[-+－]?\d[\d,，]*(?:\.\d+)?")

#: A number that is a value, not a year (2024年, 2024(预计) are headings): a row holding one
#: beyond its first cell is a data row, so a table without a heading row starts with data.
VALUE_NUMBER = re.compile(r"(?<![\d.])(?!(?:19|20)\d\d(?![\d.]))\d[\d,.]*")

_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def cell_text(text: str) -> str:
    """One cell as one line: its lines joined (without a space between Chinese characters)."""
    parts = [p.strip() for p in text.splitlines() if p.strip()]
    if not parts:
        return ""
    out = parts[0]
    for part in parts[1:]:
        joint = "" if _CJK.match(out[-1]) or _CJK.match(part[0]) else " "
        out += joint + part
    return " ".join(out.split())


def table_lines(rows: Sequence[Sequence[str]]) -> list[str]:
    """The lines of a table given as rows of cell texts (see the module docstring)."""
    grid = [row for row in ([cell_text(c) for c in row] for row in rows) if any(row)]
    if not grid:
        return []
    width = max(len(row) for row in grid)
    if len(grid) == 1:
        return [SEPARATOR.join(_once(grid[0]))]
    if width == 1:
        return [row[0] for row in grid if row and row[0]]
    grid = [row + [""] * (width - len(row)) for row in grid]
    depth = _heading_rows(grid)
    headings, units = _column_headings(grid[:depth], width)
    unit_col = next((col for col in range(1, width) if depth and UNIT_COLUMN.fullmatch(headings[col])), None)
    lines = []
    for row in grid[depth:]:
        label = row[0]
        row_unit = row[unit_col] if unit_col is not None and UNIT_CELL.fullmatch(row[unit_col]) else ""
        for col in range(1, width):
            value = row[col]
            if col == unit_col and (row_unit or not value):
                continue  # the row's unit, lent to its numbers below
            if not value or (value == row[col - 1] and col > 1):  # empty, or a merged span repeated
                continue
            if BARE_NUMBER.fullmatch(value):
                if units[col]:
                    value += units[col]
                elif row_unit and not RATE_HEADING.search(headings[col]):
                    value += row_unit
            lines.append(SEPARATOR.join(p for p in (label, headings[col], value) if p))
    return lines


def _heading_rows(rows: list[list[str]]) -> int:
    """How many rows at the top are headings: the first (unless it holds values), and those
    under it with an empty first cell."""
    if any(VALUE_NUMBER.search(cell) for cell in rows[0][1:]):
        return 0
    depth = 1
    while depth < len(rows) - 1 and not rows[depth][0]:
        depth += 1
    return depth


def _column_headings(heading_rows: list[list[str]], width: int) -> tuple[list[str], list[str]]:
    """Each column's heading (its levels joined) and the unit its heading lends to bare numbers."""
    headings, units = [], []
    for col in range(width):
        levels: list[str] = []
        for row in heading_rows:
            if row[col] and row[col] not in levels:
                levels.append(row[col])
        heading = " ".join(levels)
        unit = ""
        m = HEADING_UNIT.search(heading)
        if m and col:
            unit = m.group("unit").strip()
            heading = heading[:m.start()].rstrip()
        headings.append(heading)
        units.append(unit)
    return headings, units


def _once(cells: list[str]) -> list[str]:
    """Non-empty cells, a merged span's repeats left out."""
    out: list[str] = []
    for cell in cells:
        if cell and (not out or out[-1] != cell):
            out.append(cell)
    return out
