"""The 简报: what it says (views.briefing, on the small book of tests/smallbook.py, figures worked out
by hand there), the Word document (A4, Chinese fonts, page numbers, headings, one chart per listed
target), the PDF, and `python -m dashboard briefing` with its Chinese errors."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from docx import Document
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).resolve().parent))
import smallbook  # noqa: E402

import tracker  # noqa: E402
from dashboard import briefing, views  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(briefing.CHROMIUM)
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def book():
    return tracker.load(smallbook.BOOK, today=smallbook.TODAY)


@pytest.fixture(scope="module")
def status(book):
    return tracker.status(book, today=smallbook.TODAY)


# --- what it says ----------------------------------------------------------------------------------

def test_briefing_lists_those_needing_attention_most_urgent_first(book, status):
    content = views.briefing(status, book.targets, smallbook.TODAY)
    assert content.title == "全部地区目标进展简报"
    assert content.date_text == "统计日期：2026年6月30日"
    assert content.total == 8
    assert content.counts == {"逾期未完成": 1, "倒退": 1, "进展缓慢": 1, "需加快": 1, "进度正常": 1, "已完成": 1,
                              "仅监测": 1, "暂无数据": 1}
    assert [i.id for i in content.items] == ["ks-firms", "xz-output", "sz-gdp", "ks-gdp"]
    assert list(content.others["名称"]) == ["苏州市·高新技术企业", "徐州市·高新技术企业", "徐州市·绿色低碳能源产值增速",
                                            "徐州市·重大技改项目"]


# id -> (gap, progress, 数据截至) worked out by hand in tests/smallbook.py
ITEMS = {
    "ks-firms": ("400家", "60%", "2025年"),
    "xz-output": ("1200亿元", "-20%", "2024年 · 数据滞后"),
    "sz-gdp": ("5000亿元", "16.7%", "2025年"),
    "ks-gdp": ("500亿元", "50%", "2025年"),
}


@pytest.mark.parametrize("target_id, expected", ITEMS.items(), ids=ITEMS.keys())
def test_each_listed_target_states_gap_progress_and_as_of(book, status, target_id, expected):
    item = next(i for i in views.briefing(status, book.targets, smallbook.TODAY).items if i.id == target_id)
    assert (item.gap, item.progress, item.as_of) == expected


def test_a_listed_target_gives_pace_projection_and_source(book, status):
    item = next(i for i in views.briefing(status, book.targets, smallbook.TODAY).items if i.id == "ks-gdp")
    assert item.pace == "实际年均增速4.9%，所需6.3%（R=0.78）"
    assert item.projection == "按当前增速，预计2027年达到目标（晚于期限1年）。"
    assert item.target == "6000亿元（2026年）"
    assert item.quote == "到2026年地区生产总值迈上6000亿元新台阶"
    assert item.source == "昆山.txt · 2023年2月17日"
    assert item.department == "昆山市发改委"


def test_a_region_briefing_takes_the_places_inside_it(book, status):
    content = views.briefing(status, book.targets, smallbook.TODAY, region="苏州市")
    assert content.title == "苏州市目标进展简报" and content.scope == "苏州市（含下辖的昆山市）"
    assert content.total == 4
    assert [i.id for i in content.items] == ["ks-firms", "sz-gdp", "ks-gdp"]


def test_a_briefing_with_nothing_urgent_lists_nothing(book, status):
    content = views.briefing(status[status["status"] == "已完成"], book.targets, smallbook.TODAY)
    assert content.items == [] and content.counts == {"已完成": 1}


# --- the Word document -----------------------------------------------------------------------------

def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (90, 36), "white").save(buffer, format="PNG")
    return buffer.getvalue()


PNG = _png()  # a blank picture where a chart goes


@pytest.fixture(scope="module")
def document(book, status):
    content = views.briefing(status, book.targets, smallbook.TODAY)
    return Document(io.BytesIO(briefing.docx_bytes(content, [PNG] * len(content.items))))


def headings(document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]


def test_docx_headings(document):
    assert headings(document) == [
        ("Title", "全部地区目标进展简报"),
        ("Heading 1", "一、总体情况"),
        ("Heading 1", "二、需优先关注的目标（4 项）"),
        ("Heading 2", "1. 昆山市·高新技术企业（逾期未完成）"),
        ("Heading 2", "2. 徐州市·规上工业总产值（倒退）"),
        ("Heading 2", "3. 苏州市·地区生产总值（进展缓慢）"),
        ("Heading 2", "4. 昆山市·地区生产总值（需加快）"),
        ("Heading 1", "三、其他目标（4 项）"),
    ]


def test_docx_is_a4_with_chinese_fonts_and_page_numbers(document):
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    for name, east in (("Normal", "仿宋"), ("Title", "黑体"), ("Heading 1", "黑体"), ("Heading 2", "黑体")):
        fonts = document.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == east, name
        assert fonts.get(qn("w:eastAsiaTheme")) is None, name
    footer = section.footer.paragraphs[0]._p
    assert [f.get(qn("w:instr")) for f in footer.iter(qn("w:fldSimple"))] == ["PAGE", "NUMPAGES"]


def test_docx_has_one_picture_per_listed_target_and_their_figures(document):
    assert len(document.inline_shapes) == 4
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for gap, progress, as_of in ITEMS.values():
        assert gap in cells and progress in cells and as_of in cells
    assert "按当前增速，预计2027年达到目标（晚于期限1年）。" in cells
    quotes = [p.text for p in document.paragraphs if p.text.startswith("原文：")]
    assert "原文：“到2026年地区生产总值迈上6000亿元新台阶”（昆山.txt · 2023年2月17日）" in quotes


def test_a_chart_that_could_not_be_drawn_leaves_a_line(book, status):
    content = views.briefing(status, book.targets, smallbook.TODAY, region="徐州市")
    document = Document(io.BytesIO(briefing.docx_bytes(content, [None])))
    assert len(document.inline_shapes) == 0
    assert "（图表未能生成）" in [p.text for p in document.paragraphs]


def test_chart_of_an_annual_target_has_no_baseline_point(book, status):
    (figure,) = briefing.chart_figures(book, status, ["xz-renovation"], smallbook.TODAY)
    assert "基期" not in [trace.name for trace in figure.data]


# --- rendered: charts through the system Chromium, the PDF, the command --------------------------

@needs_chromium
def test_charts_render_as_png_through_the_system_chromium(book, status):
    images = briefing.render_png(briefing.chart_figures(book, status, ["ks-gdp", "sz-gdp"], smallbook.TODAY))
    assert len(images) == 2 and all(image.startswith(b"\x89PNG") for image in images)


@needs_chromium
def test_pdf_is_a4_and_says_the_same(book, status):
    import pypdfium2

    content = views.briefing(status, book.targets, smallbook.TODAY, region="昆山市")
    pdf = pypdfium2.PdfDocument(briefing.pdf_bytes(content, [PNG] * len(content.items)))
    width, height = pdf[0].get_size()
    assert (round(width / 72 * 2.54, 1), round(height / 72 * 2.54, 1)) == (21.0, 29.7)  # points → cm
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))).replace("\r\n", "")
    for words in ("昆山市目标进展简报", "统计日期：2026年6月30日", "1. 昆山市·高新技术企业（逾期未完成）", "500亿元", "第 1 页"):
        assert words in text, words


def run(*args, cwd=ROOT):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", timeout=300, env=env)


@needs_chromium
def test_command_writes_a_word_briefing(tmp_path):
    path = smallbook.write(tmp_path)
    out = tmp_path / "简报.docx"
    done = run("briefing", "--targets", str(path), "--region", "昆山市", "--today", smallbook.TODAY, "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"已生成 {out}：昆山市目标进展简报，统计日期：2026年6月30日，共 2 项目标，需优先关注 2 项（每项一张图）"
    document = Document(str(out))
    assert len(document.inline_shapes) == 2
    assert [t for s, t in headings(document) if s == "Heading 2"] == ["1. 昆山市·高新技术企业（逾期未完成）",
                                                                     "2. 昆山市·地区生产总值（需加快）"]


ERRORS = {
    "output neither .docx nor .pdf": (["--out", "简报.txt"], 1, "错误：输出文件 简报.txt 应以 .docx（Word）或 .pdf 结尾"),
    "a folder that does not exist": (["--out", "无此文件夹/简报.docx"], 1, "错误：输出文件夹 无此文件夹 不存在，请先建好它"),
    "a region the book does not have": (["--region", "南京市", "--out", "简报.docx"], 1,
                                        "错误：台账中没有地区“南京市”（及其下辖地区）的目标；可选：徐州市、昆山市、苏州市"),
    "a date that is no date": (["--today", "2026-13-01", "--out", "简报.docx"], 2, "参数 --today：日期应写作 YYYY-MM-DD"),
    "no --out": ([], 2, "缺少参数：--out"),
}


@pytest.mark.parametrize("args, code, message", ERRORS.values(), ids=ERRORS.keys())
def test_command_says_what_is_wrong_in_chinese(tmp_path, args, code, message):
    path = smallbook.write(tmp_path)
    done = run("briefing", "--targets", str(path), *args, cwd=tmp_path)
    assert done.returncode == code
    assert message in done.stderr
    assert not list(tmp_path.glob("简报.*")) and "Traceback" not in done.stderr


def test_command_on_a_missing_book(tmp_path):
    done = run("briefing", "--targets", str(tmp_path / "无.yaml"), "--out", str(tmp_path / "简报.docx"))
    assert done.returncode == 1 and f"错误：找不到目标台账 {tmp_path / '无.yaml'}" in done.stderr


def test_dashboard_command_lists_its_subcommands():
    done = run()
    assert done.returncode == 2 and "briefing" in done.stderr and "生成周例会用的简报" in done.stderr


def test_file_name():
    assert briefing.file_name("苏州市", pd.Timestamp("2026-06-30")) == "简报-苏州市-2026-06-30.docx"
    assert briefing.file_name(None, "2026-06-30", ".pdf") == "简报-全部地区-2026-06-30.pdf"


def test_the_vendored_plotly_bundle_is_the_version_of_the_plotly_package():
    """dashboard/vendor/plotly-basic.min.js renders the briefing's charts: it must be the plotly.js
    that the pinned plotly package was made for (update it with the package)."""
    import re

    import plotly

    full = (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_text(encoding="utf-8")[:200]
    basic = briefing.PLOTLY_JS.read_text(encoding="utf-8")[:200]
    version = re.compile(r"v(\d+\.\d+\.\d+)")
    assert version.search(basic).group(1) == version.search(full).group(1)


def test_briefing_charts_use_only_what_the_bundle_draws(book, status):
    figures = briefing.chart_figures(book, status, list(status["id"]), smallbook.TODAY)
    assert {trace.type for figure in figures for trace in figure.data} <= briefing.BASIC_TRACES
