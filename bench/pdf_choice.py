"""Why extract/pdf.py reads PDFs with pypdfium2: speed and Chinese correctness, measured.

    .venv/bin/python bench/pdf_choice.py

Prints each document of ../shared/corpus to PDF twice: with fpdf2 (Noto Sans CJK, the way
office suites embed a subset font) and, when /usr/bin/chromium is there, with Chromium's
print (Playwright). Each library's text layer is compared with the document, whitespace
left out: how many documents come back exactly, the worst similarity (difflib ratio) and
characters per second. pypdf and pdfplumber are not project dependencies: install them in
the environment to compare (pip install pypdf pdfplumber); a library that is missing is
skipped. PyMuPDF is left out on purpose: it is AGPL.
"""
from __future__ import annotations

import difflib
import html
import io
import logging
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import makedocs  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
CHROMIUM = Path("/usr/bin/chromium")


def by_pypdfium2(data: bytes) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))


def by_pypdf(data: bytes) -> str:
    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def by_pdfplumber(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as document:
        return "\n".join(page.extract_text() or "" for page in document.pages)


LIBRARIES = {"pypdfium2": by_pypdfium2, "pypdf": by_pypdf, "pdfplumber": by_pdfplumber}


def chromium_pdfs(texts: dict[str, str]) -> dict[str, bytes]:
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = browser.new_page()
        for name, text in texts.items():
            body = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
            page.set_content(f"<html><head><meta charset='utf-8'></head><body style='font-size:14pt'>{body}</body></html>")
            out[name] = page.pdf(format="A4")
        browser.close()
    return out


def main() -> None:
    logging.disable(logging.WARNING)  # pdfminer warns about every CJK font descriptor
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}
    sets = {"fpdf2": {n: makedocs.pdf_bytes([[l for l in t.split("\n") if l.strip()]]) for n, t in texts.items()}}
    if CHROMIUM.exists():
        sets["chromium"] = chromium_pdfs(texts)
    squash = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    print(f"{len(texts)} documents, {sum(map(len, texts.values())):,} characters")
    for library, read in LIBRARIES.items():
        for maker, pdfs in sets.items():
            try:
                read(next(iter(pdfs.values())))  # import and warm up before timing
                started = time.perf_counter()
                got = {name: read(data) for name, data in pdfs.items()}
                seconds = time.perf_counter() - started
            except ImportError:
                print(f"{library:<10} not installed")
                break
            exact = sum(squash(got[n]) == squash(t) for n, t in texts.items())
            worst = min(difflib.SequenceMatcher(None, squash(t), squash(got[n]), autojunk=False).ratio()
                        for n, t in texts.items())
            chars = sum(map(len, got.values()))
            print(f"{library:<10} {maker:<8} {exact}/{len(texts)} exact, worst similarity {worst:.3f}, "
                  f"{chars / seconds:>9,.0f} chars/s")


if __name__ == "__main__":
    main()
