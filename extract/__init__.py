"""Figures from Chinese policy text: every quantity with its unit, as a tidy pandas table.

    >>> import extract
    >>> extract.figures("到2025年，地区生产总值突破6000亿元。", doc="x.txt")   # doctest: +SKIP
    >>> extract.figures_from_files(["a.txt", "b.txt"])                     # doctest: +SKIP
    >>> extract.read_text("gbk.txt")          # UTF-8, GBK/GB18030 or UTF-16, detected

The columns are those of ../shared/FIGURES.md (`COLUMNS`). The command line is
`python -m extract FILE... --format jsonl|csv|table` (see extract/__main__.py).
"""
from .engine import COLUMNS, figures
from .reading import ExtractError, ReadError, figures_from_files, read_text

__all__ = ["COLUMNS", "ExtractError", "ReadError", "figures", "figures_from_files", "read_text"]
