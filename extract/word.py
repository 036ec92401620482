"""Word .docx → text: paragraphs and tables in the order of the document (python-docx).

Each paragraph is one line (a manual line break inside it stays a line break). A table
becomes the lines of extract/tables.py, one a data cell, so that a figure keeps its row and
column headings: 规上工业总产值 | 2024年 | 4.7万亿元. A table nested in a cell is read after
its cell's text. The title is the document's core property, when the author filled it in.
Headers, footers, comments and text boxes are not read.
"""
from __future__ import annotations

import io
from typing import Iterator

from .tables import table_lines

__all__ = ["WordProblem", "docx_text"]


class WordProblem(Exception):
    """A .docx whose text cannot be read; the message is the Chinese reason."""


def docx_text(data: bytes) -> tuple[str, str | None]:
    """(text, title) of a .docx. Its core property `created` is not taken as the document's
    date: it is when the file was first made (often a template's date), not when published."""
    import docx  # python-docx, imported on the first .docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as err:
        raise WordProblem(f"Word 文档已损坏或不完整，打不开（{type(err).__name__}）") from None
    except Exception as err:  # lxml's XMLSyntaxError and the like: a broken part inside the zip
        raise WordProblem(f"Word 文档的内容已损坏，读不出（{type(err).__name__}: {err}）") from None
    text = "\n".join(_lines(document))
    title = (document.core_properties.title or "").strip() or None
    return text, title


def _lines(container) -> Iterator[str]:
    """The lines of a document body or a table cell, paragraphs and tables in order."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            yield from table_lines([[cell.text for cell in row.cells] for row in block.rows])
            for row in block.rows:
                for cell in row.cells:
                    if cell.tables:
                        for nested in cell.tables:
                            yield from table_lines([[c.text for c in r.cells] for r in nested.rows])
        else:
            yield block.text
