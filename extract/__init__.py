"""Figures from Chinese policy text: every quantity with its unit, as a tidy pandas table.

    import extract
    table = extract.figures("到2025年，地区生产总值突破6000亿元。", doc="x.txt")
    table[["text", "value", "category", "kind", "deadline"]]
    #      text         value category    kind  deadline
    # 0  6000亿元  6.000000e+11    money  target      2025

    extract.figures_from_files(["a.txt", "b.txt"])  # one table, one document at a time
    extract.read_text("gbk.txt")                    # UTF-8, GBK/GB18030 or UTF-16, detected
    extract.read_document("公报.pdf")               # text, format, encoding, title, date (.txt .html .pdf .docx)

Web pages, PDF and Word .docx are read too (extract/reading.py says how). The columns are
those of ../shared/FIGURES.md (`COLUMNS`). Unreadable input raises
`ReadError` (an `ExtractError`); text never does. The command line is
`python -m extract FILE... --format table|jsonl|csv` (see extract/__main__.py).
"""
from .engine import COLUMNS, figures
from .reading import Document, ExtractError, ReadError, figures_from_files, parse_document, read_document, read_text

__all__ = ["COLUMNS", "Document", "ExtractError", "ReadError", "figures", "figures_from_files", "parse_document",
           "read_document", "read_text"]
