"""Web page (HTML) → its main text, title and publication date (trafilatura).

Government sites wrap an article in menus, breadcrumbs, share buttons, "访问量" counters
and footers full of numbers (备案号, 网站标识码, hotlines) that are not figures of the
document. trafilatura (a maintained boilerplate remover, with htmldate for dates) keeps the
article: its paragraphs, headings and tables. Its tables come as Markdown rows; they are
written again as extract/tables.py writes every table, one line a data cell with its row and
column headings, so a web page's table reads as the same table in a .docx does.

The publication date is read from the page's metadata only (meta tags, <time>, JSON-LD,
the date elements of the page's header), never guessed from the article's own words: those
are the extractor's business (FIGURES.md: the date in the text comes first). trafilatura is
asked for precision first, then with its defaults, then for recall (PREFERENCES); a page in
which it finds no article at all gives its visible text (html2txt). The article's title is
its first line: trafilatura leaves the heading that repeats the page's title out of the text.
"""
from __future__ import annotations

import datetime as dt
import re

from .tables import table_lines

__all__ = ["WebProblem", "page_text", "declared_encoding"]

#: trafilatura's options: tables kept; comments, links and images left out; dates from the
#: page's metadata only (htmldate's `extensive_search` reads dates from the text: off).
TRAFILATURA_OPTIONS = dict(
    include_tables=True, include_comments=False, include_links=False, include_images=False,
    include_formatting=False, with_metadata=True, deduplicate=False,
    date_extraction_params={"extensive_search": False, "original_date": True},
)

#: How trafilatura is asked, in turn, until it finds an article. Precision first: on a short
#: article its default falls back to the whole page, menus and link lists included.
PREFERENCES = ({"favor_precision": True}, {}, {"favor_recall": True})

#: A Markdown table row as trafilatura writes it: | a | b | c |
TABLE_ROW = re.compile(r"^\|.*\|\s*$")
#: The row under a Markdown table's header: |---|---|
TABLE_RULE = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+\s*$")


class WebProblem(Exception):
    """A page whose text cannot be read; the message is the Chinese reason."""


def declared_encoding(data: bytes) -> str | None:
    """The encoding a page declares in its <meta> (charset=gb2312 read as GB18030, its
    superset, as browsers do), if any (w3lib, Scrapy's HTML decoding)."""
    from w3lib.encoding import html_body_declared_encoding, resolve_encoding

    declared = html_body_declared_encoding(data[:4096])
    return resolve_encoding(declared) if declared else None


def page_text(markup: str) -> tuple[str, str | None, dt.date | None]:
    """(main text, title, publication date) of an HTML page."""
    import trafilatura  # imported on the first page: plain-text runs do not pay for it

    if not markup.strip():
        return "", None, None
    found = None
    try:
        for preference in PREFERENCES:  # the cleanest reading that finds an article
            found = trafilatura.bare_extraction(markup, **preference, **TRAFILATURA_OPTIONS)
            if found is not None and (found.text or "").strip():
                break
    except Exception as err:  # lxml refuses some markup outright
        raise WebProblem(f"网页无法解析（{type(err).__name__}）") from None
    if found is None or not (found.text or "").strip():
        return trafilatura.html2txt(markup), None, None  # no article at all: every visible word
    title = (found.title or "").strip() or None
    text = _tables_with_headings(found.text)
    if title and title not in text[:len(title) * 4]:
        # trafilatura drops the article's heading that repeats the page title; its words are
        # the document's (关于下达2024年100个重点项目计划的通知: 100个 is a figure).
        text = f"{title}\n{text}"
    return text, title, _date(found.date)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _tables_with_headings(text: str) -> str:
    """trafilatura's Markdown tables written as extract/tables.py writes tables. Two tables
    in a row come as one run of rows; the rule under each header row (|---|) tells them apart."""
    if "|" not in text:
        return text
    out: list[str] = []
    rows: list[list[str]] = []
    for line in text.split("\n"):
        if TABLE_ROW.match(line):
            if not TABLE_RULE.match(line):
                rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
            elif len(rows) > 1:  # a rule under a header row: a new table starts right after another
                out += table_lines(rows[:-1])
                rows = rows[-1:]
            continue
        if rows:
            out += table_lines(rows)
            rows = []
        out.append(line)
    if rows:
        out += table_lines(rows)
    return "\n".join(out)
