"""Figures from Chinese policy text: every quantity with its unit, as a tidy pandas table.

    import extract
    table = extract.figures("到2025年，地区生产总值突破6000亿元。", doc="x.txt")
    table[["text", "value", "category", "kind", "deadline"]]
    #      text         value category    kind  deadline
    # 0  6000亿元  6.000000e+11    money  target      2025

    extract.figures_from_files(["a.txt", "b.txt"])  # one table, one document at a time
    extract.read_text("gbk.txt")                    # UTF-8, GBK/GB18030 or UTF-16, detected

The columns are those of ../shared/FIGURES.md (`COLUMNS`). Unreadable input raises
`ReadError` (an `ExtractError`); text never does. The command line is
`python -m extract FILE... --format table|jsonl|csv` (see extract/__main__.py).
"""
from .engine import COLUMNS, figures
from .reading import ExtractError, ReadError, figures_from_files, read_text

__all__ = ["COLUMNS", "ExtractError", "ReadError", "figures", "figures_from_files", "read_text"]
