"""The 简报 for a weekly meeting: a Word document officials edit and print, and the same as PDF.

    python -m dashboard briefing [--targets FILE] [--region R] [--today D] --out 简报.docx
    python -m dashboard briefing --out 简报.pdf

What it says is computed by views.briefing (counts by status, the targets that need attention
first, with gap, pace, 数据截至, projection and source sentence); this module only lays it out:

- Word (python-docx): A4, East Asian fonts set on every style (仿宋 body, 黑体 headings, as
  official documents are set; Word on a Chinese Windows has both), page numbers in the footer,
  one chart per listed target as a PNG image.
- Charts: the target page's trajectory chart (charts.trajectory_chart), rendered by kaleido
  through the system Chromium (BROWSER_PATH, /usr/bin/chromium by default; nothing is
  downloaded), with the Noto CJK fonts of the machine. One browser renders every chart.
- PDF: the same briefing as an HTML page with the same PNG charts, printed by the same
  Chromium (A4, page numbers from CSS page-margin boxes): no further library.
"""

from __future__ import annotations

import asyncio
import base64
import concurrent.futures
import datetime as dt
import html
import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

import tracker
from dashboard import charts, views

__all__ = ["BriefingError", "CHROMIUM", "Made", "chart_figures", "docx_bytes", "file_name", "html_text", "main", "make",
           "pdf_bytes", "render_png"]

# The browser that renders charts and prints the PDF: $BROWSER_PATH (kaleido's own setting), else
# Debian's chromium.
CHROMIUM = os.environ.get("BROWSER_PATH") or "/usr/bin/chromium"
# Plotly's own partial bundle of plotly.js with bar and scatter only (npm plotly.js-basic-dist-min,
# MIT, the same version as the plotly.js of the pinned plotly package): a quarter of the full
# bundle, which kaleido loads again for every chart (bench/dashboard_bench.py: about a third
# faster). Kaleido gets it instead of the full one.
PLOTLY_JS = Path(__file__).resolve().parent / "vendor" / "plotly-basic.min.js"
# Chart traces the bundle draws; a chart with another kind is rendered with the full plotly.js.
BASIC_TRACES = {"bar", "scatter"}
# Browser tabs rendering charts at once (the machine's two cores).
TABS = 2
# A chart in the briefing: pixels of the layout (16 cm wide on the page) and the scale of the PNG.
CHART_SIZE = (900, 360)
CHART_SCALE = 2
CHART_WIDTH_CM = 16
# Fonts of the Word styles: (East Asian, Latin). Body in 仿宋, headings in 黑体, as GB/T 9704 sets
# official documents; Word substitutes a similar font where one is missing.
BODY_FONT = ("仿宋", "Times New Roman")
HEADING_FONT = ("黑体", "Times New Roman")
# The targets file when --targets is not given: the same as the dashboard's (dashboard/data.py,
# not imported here because it starts Streamlit's caches).
ENV_VAR = "TRACKER_TARGETS"
DEFAULT_TARGETS = Path(__file__).resolve().parent.parent / "targets.yaml"
# Seconds Chromium may take to print the PDF.
PRINT_TIMEOUT = 120


class BriefingError(Exception):
    """A briefing that cannot be made, with a message in Chinese that says what to do."""


# --- charts ----------------------------------------------------------------------------------------

def chart_figures(book: tracker.Book, status: pd.DataFrame, ids: list[str], today) -> list:
    """The trajectory chart of each listed target (the target page's chart), sized for A4."""
    rows = status.set_index("id", drop=False)
    wanted = set(ids)
    targets = book.targets[book.targets["id"].isin(wanted)]
    observations = book.observations[book.observations["target_id"].isin(wanted)]
    by_target = dict(tuple(observations.groupby("target_id", sort=False)))
    figures = []
    for target_id in ids:
        one = tracker.Book(path=book.path, targets=targets[targets["id"] == target_id],
                           observations=by_target.get(target_id, observations.iloc[0:0]), problems=[],
                           settings=book.settings)
        figures.append(charts.trajectory_chart(tracker.trajectory(one, target_id, today=today), rows.loc[target_id]))
    return figures


def _printable(fig) -> dict:
    """A figure's spec for paper: white background, A4 size, larger type. Set on the plain dict
    (Plotly's validated update_layout copies the whole template: seconds for fifty charts)."""
    import plotly.io

    global _WHITE
    if _WHITE is None:
        _WHITE = plotly.io.templates["plotly_white"].to_plotly_json()
    spec = fig.to_dict()
    layout = spec.setdefault("layout", {})
    layout.update(template=_WHITE, width=CHART_SIZE[0], height=CHART_SIZE[1], margin=dict(l=10, r=20, t=40, b=10))
    layout["font"] = {**layout.get("font", {}), "size": 15}
    return spec


_WHITE = None


def _browser() -> str:
    found = shutil.which(CHROMIUM) or (CHROMIUM if Path(CHROMIUM).is_file() else None)
    if not found:
        raise BriefingError(f"找不到 Chromium 浏览器（{CHROMIUM}），无法画图和生成 PDF：请安装 chromium 与中文字体"
                            "（apt-get install chromium fonts-noto-cjk），或用环境变量 BROWSER_PATH 指明浏览器的位置。")
    return found


def render_png(figures: list) -> list[bytes]:
    """PNG images of Plotly figures, all rendered by one kaleido browser (the system Chromium)."""
    if not figures:
        return []
    os.environ.setdefault("BROWSER_PATH", _browser())
    import kaleido

    specs = [_printable(fig) for fig in figures]
    options = dict(format="png", width=CHART_SIZE[0], height=CHART_SIZE[1], scale=CHART_SCALE)

    basic = PLOTLY_JS.is_file() and all(t.get("type", "scatter") in BASIC_TRACES for s in specs for t in s.get("data", []))

    async def render() -> list[bytes]:
        # mathjax=False: kaleido would otherwise fetch MathJax from the network for every page
        async with kaleido.Kaleido(n=min(TABS, len(specs)), mathjax=False,
                                   plotlyjs=str(PLOTLY_JS) if basic else None) as k:
            return list(await asyncio.gather(*(k.calc_fig(spec, opts=options) for spec in specs)))

    # in a thread of its own: Streamlit (or a notebook) may already run an event loop here
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        try:
            return pool.submit(asyncio.run, render()).result()
        except Exception as err:  # kaleido's and Chromium's errors, whatever their type
            raise BriefingError(f"图表生成失败（{type(err).__name__}: {err}）。请确认 Chromium 能够启动"
                                f"（{CHROMIUM} --headless --version）。") from err


# --- Word ------------------------------------------------------------------------------------------

def _fonts(style, fonts: tuple[str, str], size: float | None = None, bold: bool | None = None, colour=None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    east, latin = fonts
    style.font.name = latin
    r_pr = style.element.get_or_add_rPr()
    r_fonts = r_pr.find(qn("w:rFonts"))
    if r_fonts is None:
        r_fonts = r_pr.makeelement(qn("w:rFonts"), {})
        r_pr.append(r_fonts)
    for attribute in ("w:ascii", "w:hAnsi"):
        r_fonts.set(qn(attribute), latin)
    r_fonts.set(qn("w:eastAsia"), east)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme"):  # a theme font would win over ours
        r_fonts.attrib.pop(qn(theme), None)
    if size:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    if colour is not None:
        style.font.color.rgb = RGBColor.from_string(colour)


def _page_number(paragraph) -> None:
    """第 N 页 共 M 页, with Word's PAGE and NUMPAGES fields."""
    from docx.oxml.ns import qn

    def field(code: str) -> None:
        simple = paragraph._p.makeelement(qn("w:fldSimple"), {qn("w:instr"): code})
        run = simple.makeelement(qn("w:r"), {})
        text = run.makeelement(qn("w:t"), {})
        text.text = "1"
        run.append(text)
        simple.append(run)
        paragraph._p.append(simple)

    paragraph.add_run("第 ")
    field("PAGE")
    paragraph.add_run(" 页 共 ")
    field("NUMPAGES")
    paragraph.add_run(" 页")


def _key_values(document, pairs: list[tuple[str, str]]) -> None:
    from docx.shared import Cm

    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for key, value in pairs:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = key, value
        cells[0].paragraphs[0].runs[0].bold = True
        cells[0].width, cells[1].width = Cm(3), Cm(13)


def _grid(document, frame: pd.DataFrame) -> None:
    table = document.add_table(rows=1, cols=len(frame.columns))
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, frame.columns):
        cell.text = str(heading)
        cell.paragraphs[0].runs[0].bold = True
    for values in frame.itertuples(index=False):
        for cell, value in zip(table.add_row().cells, values):
            cell.text = "" if views._missing(value) else str(value)


def _counts_sentence(content: views.Briefing) -> str:
    parts = "，".join(f"{state} {count} 项" for state, count in content.counts.items())
    return f"共跟踪 {content.total} 项目标" + (f"：{parts}。" if parts else "。")


def _item_pairs(item: views.BriefingItem) -> list[tuple[str, str]]:
    return [("状态", item.status), ("数据截至", item.as_of), ("最新值", item.latest), ("目标值", item.target),
            ("差距", item.gap), ("完成进度", item.progress), ("速度", item.pace), ("预计", item.projection),
            ("责任部门", item.department or "—")]


def docx_bytes(content: views.Briefing, images: list[bytes | None]) -> bytes:
    """The briefing as a Word document: A4, Chinese fonts on every style, page numbers, one
    chart image per listed target (None: a line saying the chart could not be drawn)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.left_margin = section.right_margin = Cm(2.5)
    styles = document.styles
    _fonts(styles["Normal"], BODY_FONT, size=12)
    _fonts(styles["Title"], HEADING_FONT, size=22, bold=False, colour="000000")
    for name, size in (("Heading 1", 16), ("Heading 2", 14)):
        _fonts(styles[name], HEADING_FONT, size=size, bold=False, colour="000000")
    for name in ("Table Grid", "Caption", "Footer"):
        if name in [s.name for s in styles]:
            _fonts(styles[name], BODY_FONT)
    core = document.core_properties
    core.title, core.author, core.language = content.title, "目标进度跟踪", "zh-CN"
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number(footer)

    title = document.add_paragraph(content.title, style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    line = document.add_paragraph(f"{content.date_text}　范围：{content.scope}")
    line.alignment = WD_ALIGN_PARAGRAPH.CENTER

    document.add_heading("一、总体情况", level=1)
    document.add_paragraph(_counts_sentence(content))
    if content.counts:
        _grid(document, pd.DataFrame([list(content.counts.values())], columns=list(content.counts)))

    document.add_heading(f"二、需优先关注的目标（{len(content.items)} 项）", level=1)
    if not content.items:
        document.add_paragraph("没有逾期未完成、倒退、进展缓慢或需加快的目标。")
    for number, (item, image) in enumerate(zip(content.items, images), start=1):
        document.add_heading(f"{number}. {item.name}（{item.status}）", level=2)
        _key_values(document, _item_pairs(item))
        if image:
            document.add_picture(io.BytesIO(image), width=Cm(CHART_WIDTH_CM))
            document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            document.add_paragraph("（图表未能生成）")
        if item.quote:
            document.add_paragraph(f"原文：“{item.quote}”" + (f"（{item.source}）" if item.source else ""))

    if len(content.others):
        document.add_heading(f"三、其他目标（{len(content.others)} 项）", level=1)
        _grid(document, content.others)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- HTML and PDF ----------------------------------------------------------------------------------

PRINT_CSS = """
@page { size: A4; margin: 2.2cm 2.2cm 2.5cm;
        @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-size: 10pt; } }
body { font-family: "Noto Serif CJK SC", "FangSong", serif; font-size: 12pt; line-height: 1.6; color: #000; }
h1.title { font-family: "Noto Sans CJK SC", "SimHei", sans-serif; font-weight: normal; font-size: 22pt;
           text-align: center; margin: 0 0 .3em; }
p.line { text-align: center; margin-top: 0; }
h2, h3 { font-family: "Noto Sans CJK SC", "SimHei", sans-serif; font-weight: normal; }
h2 { font-size: 16pt; margin: 1.2em 0 .4em; }
h2, h3 { break-after: avoid; }
h3 { font-size: 14pt; margin: 1em 0 .3em; }
table { border-collapse: collapse; width: 100%; margin: .3em 0; }
td, th { border: 1px solid #000; padding: 2px 6px; text-align: left; vertical-align: top; }
th, td.key { font-weight: bold; white-space: nowrap; }
table, img { break-inside: avoid; }
img { width: 100%; display: block; }
"""


def html_text(content: views.Briefing, images: list[bytes | None]) -> str:
    """The briefing as one HTML page (charts inline), laid out like the Word document."""
    e = html.escape

    def grid(frame: pd.DataFrame) -> str:
        head = "".join(f"<th>{e(str(h))}</th>" for h in frame.columns)
        body = "".join("<tr>" + "".join(f"<td>{e('' if views._missing(v) else str(v))}</td>" for v in row) + "</tr>"
                       for row in frame.itertuples(index=False))
        return f"<table><tr>{head}</tr>{body}</table>"

    parts = [f'<h1 class="title">{e(content.title)}</h1>',
             f'<p class="line">{e(content.date_text)}　范围：{e(content.scope)}</p>',
             "<h2>一、总体情况</h2>", f"<p>{e(_counts_sentence(content))}</p>"]
    if content.counts:
        parts.append(grid(pd.DataFrame([list(content.counts.values())], columns=list(content.counts))))
    parts.append(f"<h2>二、需优先关注的目标（{len(content.items)} 项）</h2>")
    if not content.items:
        parts.append("<p>没有逾期未完成、倒退、进展缓慢或需加快的目标。</p>")
    for number, (item, image) in enumerate(zip(content.items, images), start=1):
        rows = "".join(f'<tr><td class="key">{e(k)}</td><td>{e(v)}</td></tr>' for k, v in _item_pairs(item))
        picture = (f'<img alt="{e(item.name)}" src="data:image/png;base64,{base64.b64encode(image).decode()}">'
                   if image else "<p>（图表未能生成）</p>")
        quote = (f"<p>原文：“{e(item.quote)}”" + (f"（{e(item.source)}）" if item.source else "") + "</p>"
                 if item.quote else "")
        parts.append(f'<section class="item"><h3>{number}. {e(item.name)}（{e(item.status)}）</h3>'
                     f"<table>{rows}</table>{picture}{quote}</section>")
    if len(content.others):
        parts.append(f"<h2>三、其他目标（{len(content.others)} 项）</h2>{grid(content.others)}")
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{e(content.title)}</title>'
            f"<style>{PRINT_CSS}</style></head><body>{''.join(parts)}</body></html>")


def pdf_bytes(content: views.Briefing, images: list[bytes | None]) -> bytes:
    """The briefing printed to PDF by the system Chromium from html_text()."""
    browser = _browser()
    with tempfile.TemporaryDirectory(prefix="briefing-") as folder:
        page, out = Path(folder) / "briefing.html", Path(folder) / "briefing.pdf"
        page.write_text(html_text(content, images), encoding="utf-8")
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                   "--no-first-run", "--disable-background-networking", "--no-pdf-header-footer",
                   f"--user-data-dir={Path(folder) / 'profile'}", f"--print-to-pdf={out}", page.as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, timeout=PRINT_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise BriefingError(f"Chromium 在 {PRINT_TIMEOUT} 秒内没有打印完 PDF，请改为生成 Word 文档（--out 简报.docx）。") from None
        if not out.is_file() or not out.stat().st_size:
            tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise BriefingError(f"Chromium 未能打印 PDF（退出码 {done.returncode}：{tail[0]}）。")
        return out.read_bytes()


# --- making one ------------------------------------------------------------------------------------

FORMATS = (".docx", ".pdf")
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class Made:
    """A briefing made: its contents, the file's bytes, and why charts are missing (or '')."""

    def __init__(self, content: views.Briefing, payload: bytes, chart_problem: str = ""):
        self.content, self.payload, self.chart_problem = content, payload, chart_problem


def make(book: tracker.Book, status: pd.DataFrame, today, region: str | None = None, fmt: str = ".docx") -> Made:
    """The briefing of `region` (None: every region) as .docx or .pdf. Charts that cannot be
    drawn leave a line in their place (Made.chart_problem says why); the rest is kept."""
    if fmt not in FORMATS:
        raise BriefingError(f"简报只能生成 Word（.docx）或 PDF（.pdf），不能生成“{fmt}”。")
    content = views.briefing(status, book.targets, today, region=region)
    problem = ""
    try:
        images = render_png(chart_figures(book, status, [item.id for item in content.items], today))
    except BriefingError as err:
        images, problem = [None] * len(content.items), str(err)
    return Made(content, (docx_bytes if fmt == ".docx" else pdf_bytes)(content, images), problem)


def file_name(region: str | None, today, fmt: str = ".docx") -> str:
    """简报-苏州市-2026-11-22.docx"""
    return f"简报-{region or '全部地区'}-{pd.Timestamp(today):%Y-%m-%d}{fmt}"


def main(argv: list[str] | None = None) -> int:
    from tracker.cli import ChineseParser, parse_date

    parser = ChineseParser(prog="python -m dashboard briefing",
                           description="生成周例会用的简报：Word 文档（.docx）或 PDF")
    parser.add_argument("--targets", default=None, help="目标台账（默认：环境变量 TRACKER_TARGETS，或仓库里的 targets.yaml）")
    parser.add_argument("--region", default=None, help="只写这个地区（含其下辖地区）的目标，默认全部地区")
    parser.add_argument("--today", type=parse_date, default=None, help="统计日期 YYYY-MM-DD（默认今天），用来复现某一天的简报")
    parser.add_argument("--out", required=True, help="输出文件：以 .docx 结尾生成 Word 文档，以 .pdf 结尾生成 PDF")
    args = parser.parse_args(argv)

    path = Path(args.targets or os.environ.get(ENV_VAR) or DEFAULT_TARGETS).expanduser()
    out = Path(args.out).expanduser()
    today = args.today or dt.date.today()
    fmt = out.suffix.lower()
    problem = None
    if fmt not in FORMATS:
        problem = f"输出文件 {out} 应以 .docx（Word）或 .pdf 结尾"
    elif not out.parent.is_dir():
        problem = f"输出文件夹 {out.parent} 不存在，请先建好它"
    elif not path.is_file():
        problem = f"找不到目标台账 {path}"
    if problem:
        print(f"错误：{problem}", file=sys.stderr)
        return 1
    book = tracker.load(path, today=today)
    for item in book.problems:
        print(str(item), file=sys.stderr)
    status = tracker.status(book, today=today)
    if not len(status):
        print(f"错误：{path} 中没有可用的目标，无法生成简报", file=sys.stderr)
        return 1
    regions = sorted(set(status["region"].dropna()))
    if args.region and not {args.region, *views.regions_within(args.region)} & set(regions):
        print(f"错误：台账中没有地区“{args.region}”（及其下辖地区）的目标；可选：{'、'.join(regions)}", file=sys.stderr)
        return 1
    try:
        made = make(book, status, today, region=args.region, fmt=fmt)
    except BriefingError as err:
        print(f"错误：{err}", file=sys.stderr)
        return 1
    out.write_bytes(made.payload)
    content = made.content
    print(f"已生成 {out}：{content.title}，{content.date_text}，共 {content.total} 项目标，"
          f"需优先关注 {len(content.items)} 项" + ("" if made.chart_problem else "（每项一张图）"))
    if made.chart_problem:
        print(f"警告：简报中没有图表：{made.chart_problem}", file=sys.stderr)
        return 1
    return 0
