"""PDF with a text layer → text in reading order, lines of one paragraph joined.

The text layer is read with pypdfium2 (Google's PDFium, the engine of Chrome's PDF viewer;
Apache-2.0). Measured on the corpus printed to PDF by Chromium and by fpdf2
(bench/pdf_choice.py): PDFium gave every character of all five documents back, 10-50 times
faster than pypdf and pdfplumber, which both lost characters of the CJK fonts (and read the
fpdf2 files as almost nothing). PyMuPDF is as good but AGPL, which would bind this project.

A PDF breaks a paragraph into lines wherever the page ends; a figure can be split across two
of them ("5万" | "亿元"). Lines are joined back by layout, not by words:
- a line that ends at the document's right margin (or a few characters short of it, without
  ending a sentence) was wrapped: the next line continues it, unless that one starts
  indented (a new paragraph);
- a shorter line ends its paragraph (titles, dates, the last line of a paragraph, table rows);
- in Latin prose a line break between two words is a space, and a hyphen between letters
  is dropped; in Chinese text lines join with nothing between them.
A page number alone on a page's first or last line (- 3 -, 第3页, 3/12) is left out, and so
is a running header or footer: a first (last) line that comes back as the first (last) line
of other pages, at least half of them, its digits aside (苏州市人民政府公报 2024年第3期), is
kept on the first page it heads and left out of the others, where it would land inside a sentence wrapped across
the page break.

Two layouts that are not one column of prose:
- a row of a table is a line of its own: it neither runs on into the next line nor takes the
  next one in, however wide it is. A row is a line split into cells by wide gaps between
  words (CELL_GAP) next to another such line whose cells line up with its own (each starts
  or ends where one of the other does, within ALIGN): a justified line of prose whose few
  blanks were stretched has wide gaps too, but not in line with its neighbours'. Two or more
  rows in a row are a table, written as extract/tables.py writes tables (row heading |
  column heading | cell, a 单位 column's or a heading's unit lent to bare numbers);
- in a page set in columns, each column has its own right margin: the lines that start
  where a line starts (within COLUMN_SLACK) end at most where the column ends, provided a
  line of the page starts right of it (another column). Without this, every line of the
  left column was "short" and ended its paragraph.

Scanned pages have no text layer: such a document is refused with the reason, as is an
encrypted or damaged file (ReadError, raised by extract/reading.py from the reasons here).
"""
from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

__all__ = ["Line", "PdfProblem", "pdf_text", "join_lines", "SCANNED"]

#: The reason given for a PDF without a text layer.
SCANNED = "扫描件，没有文字层，需先做文字识别（OCR），再把识别出的文字存为 .txt 或 .docx"

#: Fewer visible characters than this per page on average: the pages are images (a scan,
#: perhaps with a stamp or a page number as text).
MIN_CHARS_PER_PAGE = 10

#: Share of characters PDFium cannot map to Unicode (private-use or replacement characters)
#: above which the text layer is unusable (fonts without a ToUnicode map).
MAX_UNMAPPED_SHARE = 0.3

#: A line whose last character ends within FLUSH characters (of the body text's size) of the
#: document's right margin was wrapped by the layout: justified Chinese lines end flush. One
#: that stops up to WRAP_SLACK characters short was wrapped too, unless it ends a sentence:
#: a run that may not be split (“1030”, 24116TEU) moves whole to the next line.
FLUSH = 1.5
WRAP_SLACK = 6

#: The right margin of a page's text lies at least this share of the page's width across
#: (A4 policy documents: about 85%).
MIN_MARGIN = 0.7

#: A gap between two words of a line wider than this many characters (of the line's size)
#: separates cells of a table (or columns of a form), not words of a sentence.
CELL_GAP = 2.0

#: Gaps of two lines that start or end within this many characters of each other line up.
ALIGN = 0.2

#: Lines that start within this many characters of each other are in one column; a column
#: sets its own margin from at least COLUMN_LINES of its lines.
COLUMN_SLACK = 3.0
COLUMN_LINES = 3

#: Marks that end a sentence: a line ending in one short of the margin ends its paragraph.
SENTENCE_ENDS = tuple("。！？!?；;：:")

#: Lines that are only a page number: - 3 -, — 3 —, 3, 第3页, 第 3 页 共 12 页, 3/12.
PAGE_NUMBER = re.compile(r"""
    \s*(?:
        [-—–－]?\s*\d{1,4}\s*[-—–－]?              # - 3 -, —3—, 3
      | 第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?  # 第3页, 第3页 共12页
      | \d{1,4}\s*/\s*\d{1,4}                      # 3/12
    )\s*
""", re.VERBOSE)

#: Characters that start a paragraph when a line begins with them: an indent.
INDENTS = (" ", "\u3000", "\t", "\u2003")

#: What PDFium writes for a hyphen at the end of a line (a soft hyphen, or its marker 0x02).
LINE_END_HYPHENS = ("-", "\u00ad", "\x02")


class PdfProblem(Exception):
    """A PDF whose text cannot be read; the message is the Chinese reason."""


def pdf_text(data: bytes) -> str:
    """The text of a PDF's pages, paragraph lines joined (see the module docstring)."""
    import pypdfium2 as pdfium  # imported on the first PDF: plain-text runs do not pay for it

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        raise PdfProblem(_open_problem(err)) from None
    pages: list[list[Line]] = []
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            pages.append(_page_lines(textpage, page.get_width()))
            textpage.close()
            page.close()
    except pdfium.PdfiumError as err:
        raise PdfProblem(f"PDF 文件已损坏，第 {len(pages) + 1} 页读不出（{err}）") from None
    finally:
        document.close()
    if not pages:
        raise PdfProblem("PDF 文件没有页面")
    text = join_lines(_without_running_lines(pages))
    visible = [ch for ch in text if not ch.isspace()]
    if len(visible) < MIN_CHARS_PER_PAGE * len(pages):
        raise PdfProblem(SCANNED)
    unmapped = sum(1 for ch in visible if ch == "\ufffd" or unicodedata.category(ch) in ("Co", "Cs"))
    if unmapped > MAX_UNMAPPED_SHARE * len(visible):
        raise PdfProblem("PDF 的文字层无法解码（字体缺少编码信息），需先做文字识别（OCR）")
    return text


class Line(NamedTuple):
    """A line of a page: its text, where its last character ends (points from the page's left
    edge) and that character's height, both None where PDFium gives no position; the width
    of its page; where its first character starts; the gaps wider than CELL_GAP between
    its words, each as (where the word before ends, where the word after starts); the texts
    of the cells those gaps separate."""

    text: str
    right: float | None = None
    size: float | None = None
    page_width: float | None = None
    left: float | None = None
    gaps: tuple[tuple[float, float], ...] = ()
    cells: tuple[str, ...] = ()


def _open_problem(err: Exception) -> str:
    message = str(err)
    if "password" in message.lower():
        return "PDF 有密码保护，请先用密码打开并另存为无密码的 PDF"
    return f"PDF 文件已损坏或不完整，打不开（{message}）"


def _page_lines(textpage, page_width: float) -> list[Line]:
    """A page's lines with the right edge of each (a page number on its first or last line left out)."""
    text = textpage.get_text_range()
    located = textpage.count_chars() == len(text)  # PDFium counts what Python counts: indices agree
    lines: list[Line] = []
    start = 0
    for m in re.finditer(r"\r\n|\r|\n|$", text):
        raw = text[start:m.start()]
        line = raw.rstrip()
        right = size = left = None
        gaps: tuple[tuple[float, float], ...] = ()
        parts: tuple[str, ...] = ()
        if located and line.strip():
            _, bottom, right, top = textpage.get_charbox(start + len(line) - 1, loose=True)
            size = abs(top - bottom) or None
            first = len(line) - len(line.lstrip())
            left = textpage.get_charbox(start + first, loose=True)[0]
            found = list(_wide_gaps(textpage, start, line, size)) if size else []
            gaps = tuple(gap for gap, _ in found)
            parts = _cells_text(line, [span for _, span in found]) if found else ()
        lines.append(Line(line, right, size, page_width, left, gaps, parts))
        start = m.end()
        if m.start() == len(text):
            break
    while lines and not lines[-1].text.strip():
        lines.pop()
    while lines and not lines[0].text.strip():
        lines.pop(0)
    if lines and PAGE_NUMBER.fullmatch(lines[-1].text):
        lines.pop()
    if lines and PAGE_NUMBER.fullmatch(lines[0].text):
        lines.pop(0)
    return lines


def _without_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """The pages without their running header and footer after the first page that has it
    (see the module docstring)."""
    def key(line: Line) -> str:
        return re.sub(r"\d+", "#", "".join(line.text.split()))

    pages = [list(page) for page in pages]
    for at in (0, -1):
        seen: dict[str, int] = {}
        for page in pages:
            if len(page) > 1:
                seen[key(page[at])] = seen.get(key(page[at]), 0) + 1
        kept: set[str] = set()
        for page in pages:  # a running line heads (ends) at least half the pages
            if len(page) > 1 and seen[key(page[at])] > 1 and 2 * seen[key(page[at])] >= len(pages):
                if key(page[at]) in kept:
                    page.pop(at)
                else:
                    kept.add(key(page[at]))
    return pages


def _cell_gaps(textpage, start: int, line: str, size: float) -> tuple[tuple[float, float], ...]:
    """The gaps wider than CELL_GAP characters between two words of the line (only the
    blanks PDFium put between words are looked at)."""
    return tuple(gap for gap, _ in _wide_gaps(textpage, start, line, size))


def _wide_gaps(textpage, start: int, line: str, size: float):
    """(gap, (index where its blanks start, where they end)) for each wide gap of the line."""
    for m in re.finditer(r"(?<=\S)\s+(?=\S)", line):
        end = textpage.get_charbox(start + m.start() - 1, loose=True)[2]
        begin = textpage.get_charbox(start + m.end(), loose=True)[0]
        if begin - end > CELL_GAP * size:
            yield (end, begin), m.span()


def _cells_text(line: str, spans: list[tuple[int, int]]) -> tuple[str, ...]:
    """The line's text cut at its wide gaps."""
    cuts = [0, *(i for span in spans for i in span), len(line)]
    return tuple(line[cuts[i]:cuts[i + 1]].strip() for i in range(0, len(cuts), 2))


def _table_rows(page: list[Line]) -> list[bool]:
    """Which lines of a page are rows of a table: lines split by wide gaps into cells, next to
    a line whose cells line up with theirs (see the module docstring)."""
    def cells(line: Line) -> list[tuple[float, float]]:
        edges = [line.left, *(x for gap in line.gaps for x in gap), line.right]
        return [(edges[i], edges[i + 1]) for i in range(0, len(edges) - 1, 2)]

    def aligned(a: Line, b: Line) -> bool:
        """Every cell but the first (the row's heading) of the line with fewer cells starts or
        ends where a cell of the other does, and so do two edges of its gaps (one where it has
        one gap): the lines' own ends do not count alone, as justified prose ends every line
        at the margin."""
        if not (a.gaps and b.gaps and a.left is not None and b.left is not None and a.right and b.right):
            return False
        slack = ALIGN * (a.size or b.size or 0.0)
        few, many = sorted((a, b), key=lambda line: len(line.gaps))
        theirs = cells(many)
        near = lambda x, xs: any(abs(x - y) <= slack for y in xs)  # noqa: E731
        if not all(near(c[0], [d[0] for d in theirs]) or near(c[1], [d[1] for d in theirs]) for c in cells(few)[1:]):
            return False
        inner = [x for gap in many.gaps for x in gap]
        return sum(near(x, inner) for gap in few.gaps for x in gap) >= min(2, len(few.gaps))

    return [bool(line.gaps) and ((i > 0 and aligned(line, page[i - 1]))
                                 or (i + 1 < len(page) and aligned(line, page[i + 1])))
            for i, line in enumerate(page)]


def _tables_as_lines(page: list[Line], rows: list[bool]) -> tuple[list[Line], list[bool]]:
    """The page with each run of two or more table rows written as extract/tables.py writes a
    table (row heading | column heading | cell), so that a bare number gets the unit of its
    column or row. A row's cells are put in the columns of the run's widest row, by where
    they stand."""
    from .tables import table_lines

    out_lines: list[Line] = []
    out_rows: list[bool] = []
    i = 0
    while i < len(page):
        j = i
        while j < len(page) and rows[j]:
            j += 1
        if j - i >= 2:
            run = page[i:j]
            written = table_lines(_grid(run))
            if written:
                out_lines.append(run[0]._replace(text="\n".join(written)))
                out_rows.append(True)
                i = j
                continue
        if j == i:
            out_lines.append(page[i])
            out_rows.append(rows[i])
            i += 1
        else:
            out_lines += page[i:j]
            out_rows += rows[i:j]
            i = j
    return out_lines, out_rows


def _grid(run: list[Line]) -> list[list[str]]:
    """The cells of table rows in the columns of the widest row (the cell each overlaps most)."""
    def spans(line: Line) -> list[tuple[float, float]]:
        edges = [line.left, *(x for gap in line.gaps for x in gap), line.right]
        return [(edges[k], edges[k + 1]) for k in range(0, len(edges) - 1, 2)]

    template = spans(max(run, key=lambda line: len(line.gaps)))
    grid = []
    for line in run:
        row = [""] * len(template)
        for (x0, x1), text in zip(spans(line), line.cells):
            col = max(range(len(template)),
                      key=lambda k: (min(x1, template[k][1]) - max(x0, template[k][0]),
                                     -abs((x0 + x1) - sum(template[k]))))
            row[col] = f"{row[col]} {text}".strip()
        grid.append(row)
    return grid


def _column_margins(page: list[Line], rows: list[bool]) -> list[float | None]:
    """Each line's column margin on a page set in columns (see the module docstring), or None
    where the page's lines give none (one column, or too few lines). Table rows set none."""
    placed = [line for line, row in zip(page, rows)
              if not row and line.left is not None and line.right is not None and line.size]
    out: list[float | None] = []
    for line in page:
        margin = None
        if line.left is not None and line.size:
            slack = COLUMN_SLACK * line.size
            column = [o for o in placed if abs(o.left - line.left) <= slack]
            if len(column) >= COLUMN_LINES:
                edge = max(o.right for o in column)
                if any(o.left >= edge for o in placed):  # another column starts right of this one
                    margin = edge
        out.append(margin)
    return out


def join_lines(pages: list[list[Line]]) -> str:
    """One text from the lines of each page: a wrapped line runs on into the next one (across
    a page break too); a short line, or a next line that starts indented, ends a paragraph.

    A line is wrapped when its last character ends near the document's right margin (the
    right-most line end; FLUSH, WRAP_SLACK). Where PDFium gave no positions, the width of the
    line in half-width cells stands in for its right edge."""
    lines = [line for page in pages for line in page]
    if not lines:
        return ""
    page_rows = [_table_rows(page) for page in pages]
    pages, page_rows = zip(*(_tables_as_lines(page, flags) for page, flags in zip(pages, page_rows)))
    lines = [line for page in pages for line in page]
    rows = [row for page in page_rows for row in page]
    columns = [margin for page, flags in zip(pages, page_rows) for margin in _column_margins(page, flags)]
    if any(line.right is None for line in lines if line.text):
        lines = [Line(line.text, float(_width(line.text)), 2.0) for line in lines]
        columns = [None] * len(lines)
        rows = [False] * len(lines)
    margin = max((line.right for line in lines if line.right is not None), default=0.0)
    sizes = sorted(line.size for line in lines if line.size)
    size = sizes[len(sizes) // 2] if sizes else 0.0  # the body text's
    # Lines that end flush do so most of the way across the page: in a document of short
    # lines only (a title page, a list) no line was wrapped.
    if margin < MIN_MARGIN * max((line.page_width or 0.0 for line in lines), default=0.0):
        margin = float("inf")
    out: list[str] = []
    for line, after, column, row, row_after in zip(lines, lines[1:] + [None], columns, rows, rows[1:] + [False]):
        text = line.text
        out.append(text)
        if after is None:
            break
        edge = column if column is not None else margin
        short_by = edge - line.right if line.right is not None else edge
        wrapped = (bool(text.strip()) and not after.text.startswith(INDENTS) and not row and not row_after
                   and (short_by <= FLUSH * size
                        or (short_by <= WRAP_SLACK * size and not text.endswith(SENTENCE_ENDS))))
        if not wrapped:
            out.append("\n")
        elif text.endswith(LINE_END_HYPHENS) and len(text) > 1 and _latin(text[-2]) and _latin(after.text[:1]):
            out[-1] = text[:-1]
        elif _latin(text[-1]) and _latin(after.text[:1]) and _prose(text):
            out.append(" ")
    return "".join(out).replace("\x02", "")


def _width(line: str) -> int:
    """A line's width in half-width cells: CJK and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in line.rstrip())


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _prose(line: str) -> bool:
    """Does the line end in words separated by spaces (Latin prose, where a line break is a
    space)? In Chinese text a Latin run (24116TEU, a pinyin reading) is split without one."""
    tail = line[-12:]
    return " " in tail and not any(unicodedata.east_asian_width(ch) in ("W", "F") for ch in tail)
