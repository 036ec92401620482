"""Documents as users receive them (extract/reading.py, pdf.py, word.py, webpage.py, tables.py).

Every fixture is built here from text (tests/makedocs.py): .docx with python-docx, PDF with
fpdf2 in the Noto CJK font, web pages with navigation, share bar and footer around the
article. Expected texts and figures are those written into each fixture.
"""
import codecs

import pypdfium2 as pdfium
import pytest

import extract
from extract.reading import ReadError, parse_document
from extract.tables import table_lines

import makedocs

needs_font = pytest.mark.skipif(makedocs.cjk_font() is None, reason="fonts-noto-cjk is not installed")

#: A short policy document: what it states (figure, value, category, kind) is written beside it.
PARAGRAPHS = [
    "关于推进新型工业化的实施意见",
    "2023年，全市实现地区生产总值5380.17亿元，同比增长4.6%；规上工业企业达到2800家，完成工业投资298.7亿元。",
    "力争用3年时间，全市地区生产总值突破6000亿元，规上工业总产值超过1.3万亿元，高新技术企业突破4000家，"
    "打造50个特色专业创新园区，研发投入占比提高2个百分点。",
    "到2027年，战略性新兴产业产值占规上工业总产值比重达到55%以上，数字经济核心产业增加值年均增长10%左右。",
]
STATED = [
    ("5380.17亿元", 5.38017e11, "money", "actual"),
    ("4.6%", 4.6, "percent", "actual"),
    ("2800家", 2800, "count", "actual"),
    ("298.7亿元", 2.987e10, "money", "actual"),
    ("6000亿元", 6e11, "money", "target"),
    ("1.3万亿元", 1.3e12, "money", "target"),
    ("4000家", 4000, "count", "target"),
    ("50个", 50, "count", "target"),
    ("2个百分点", 2, "pp", "target"),
    ("55%", 55, "percent", "target"),
    ("10%", 10, "percent", "target"),
]
#: Font size (points) at which fpdf2 wraps one of the figures above (298.7亿元) across two
#: lines of an A4 page.
SPLITTING_SIZE = 11


def _raw_pdf_text(data: bytes) -> str:
    document = pdfium.PdfDocument(data)
    return "\n".join(document[i].get_textpage().get_text_range().replace("\r\n", "\n") for i in range(len(document)))


def _as_received():
    yield pytest.param("plan.txt", "\n".join(PARAGRAPHS).encode("utf-8"), id="txt")
    yield pytest.param("plan.txt", "\n".join(PARAGRAPHS).encode("gbk"), id="txt-gbk")
    yield pytest.param("plan.docx", makedocs.docx_bytes(PARAGRAPHS), id="docx")
    yield pytest.param("plan.html", makedocs.html_page(PARAGRAPHS[1:], title=PARAGRAPHS[0]).encode("utf-8"), id="html")
    if makedocs.cjk_font() is not None:
        yield pytest.param("plan.pdf", makedocs.pdf_bytes([PARAGRAPHS], size=SPLITTING_SIZE), id="pdf")


@pytest.mark.parametrize("name, data", list(_as_received()))
def test_every_format_gives_the_same_figures(name, data):
    document = parse_document(data, name)
    table = extract.figures(document.text, doc=name)
    got = [(text, value, category, kind) for text, value, category, kind
           in zip(table["text"], table["value"], table["category"], table["kind"])]
    assert got == [(t, pytest.approx(v), c, k) for t, v, c, k in STATED]
    for row in table.itertuples():  # offsets point into the text read_document gives
        assert document.text[row.start:row.end] == row.text


@needs_font
def test_the_pdf_really_splits_figures_across_lines():
    """The premise of the PDF case above: its text layer has a figure broken by a line end."""
    raw = _raw_pdf_text(makedocs.pdf_bytes([PARAGRAPHS], size=SPLITTING_SIZE))
    split = [text for text, *_ in STATED if text not in raw]
    assert split == ["298.7亿元"]


def test_read_text_is_the_text_offsets_point_into(tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(makedocs.docx_bytes(PARAGRAPHS))
    assert extract.read_text(path) == extract.read_document(path).text == "\n".join(PARAGRAPHS)


# --- PDF ------------------------------------------------------------------------------------

PDF_TEXT = [
    pytest.param([["规上工业总产值突破5万亿元。" * 6]], "规上工业总产值突破5万亿元。" * 6, id="wrapped-lines-joined"),
    pytest.param([["第一段，总量达到300家。", "第二段，增长7%。"]], "第一段，总量达到300家。\n第二段，增长7%。",
                 id="short-lines-end-paragraphs"),
    pytest.param([["一、总体目标"], ["到2025年，建成数据中心16个。"]], "一、总体目标\n到2025年，建成数据中心16个。",
                 id="pages-in-order"),
    pytest.param([["全省第4家获批开通40G国际互联网专用通道，建成数据中心16个，标准机架8000架，5G基站超1.7万个，入驻企业7565家。"]],
                 "全省第4家获批开通40G国际互联网专用通道，建成数据中心16个，标准机架8000架，5G基站超1.7万个，入驻企业7565家。",
                 id="latin-and-digits-joined-without-space"),
]


@needs_font
@pytest.mark.parametrize("pages, text", PDF_TEXT)
def test_pdf_text(pages, text):
    document = parse_document(makedocs.pdf_bytes(pages), "a.pdf")
    assert (document.text, document.format, document.encoding) == (text, "pdf", None)


@needs_font
def test_pdf_page_numbers_are_left_out():
    pages = [["第一页的内容，地区生产总值5000亿元。"], ["第二页的内容，规上工业企业3000家。"]]
    document = parse_document(makedocs.pdf_bytes(pages, page_numbers=True), "a.pdf")
    assert "- 1 -" in _raw_pdf_text(makedocs.pdf_bytes(pages, page_numbers=True))
    assert document.text == "第一页的内容，地区生产总值5000亿元。\n第二页的内容，规上工业企业3000家。"


#: PDF layouts that are not one column of prose (blind test M), and what the text must hold.
#: Before: the left column's lines were all "short" and ended paragraphs (，同比增长6.5%… became
#: a sentence of its own); the rows of a table ran into one line and into the paragraph after
#: it, its bare numbers (1000 under 单位 亿元) no figures; the running header of page 2 landed inside the figure wrapped across the page break
#: (1000亿苏州市人民政府公报 2024年第3期\n元).
PDF_LAYOUTS = [
    pytest.param(makedocs.two_column_pdf,
                 ["左栏：" + makedocs.LAYOUT_FIGURE + "全市规上工业企业实现利润增长8.2%。",
                  "右栏：到2027年，规上工业总产值力争突破5万亿元。全年新增就业岗位5万个，城镇登记失业率控制在3%以内。"],
                 ["1000亿元", "6.5%", "120家", "8.2%", "5万亿元", "5万个", "3%"], id="two-columns"),
    pytest.param(makedocs.table_pdf,
                 ["表1 2023年主要经济指标", "地区生产总值 | 2023年 | 1000亿元", "地区生产总值 | 增长 | 6.5%",
                  "规上工业总产值 | 2023年 | 2500亿元", "规上工业总产值 | 增长 | 8.1%", "高新技术企业 | 2023年 | 120家",
                  "高新技术企业 | 增长 | 12.0%", makedocs.LAYOUT_PROSE * 2],
                 ["1000亿元", "6.5%", "2500亿元", "8.1%", "120家", "12.0%"], id="table-rows-between-paragraphs"),
    pytest.param(lambda: makedocs.running_header_pdf(38), [makedocs.RUNNING_HEADER, makedocs.LAYOUT_FIGURE],
                 ["1000亿元", "6.5%", "120家"], id="running-header-across-a-page-break"),
]


@needs_font
@pytest.mark.parametrize("make, lines, figures", PDF_LAYOUTS)
def test_pdf_layouts(make, lines, figures):
    text = parse_document(make(), "a.pdf").text
    for line in lines:  # each a line of its own (a paragraph, a row, the header once)
        assert any(line == got or (len(line) > 40 and line in got) for got in text.split("\n")), line
    assert text.count(makedocs.RUNNING_HEADER) <= 1
    if figures is not None:
        assert list(extract.figures(text, doc="a.pdf")["text"]) == figures


def _truncated_pdf():
    data = makedocs.pdf_bytes([["规上工业总产值突破5万亿元。"]]) if makedocs.cjk_font() else b"%PDF-1.7\n1 0 obj\n<<"
    return data[: len(data) // 3]


#: PDFs that cannot be read, and words their error must hold.
BAD_PDFS = [
    pytest.param(makedocs.image_pdf_bytes, "扫描件，没有文字层，需先做文字识别", id="scanned"),
    pytest.param(lambda: makedocs.image_pdf_bytes(pages=3), "扫描件", id="scanned-three-pages"),
    pytest.param(_truncated_pdf, "PDF 文件已损坏", id="truncated"),
    pytest.param(lambda: b"%PDF-1.4\n" + bytes(range(256)) * 4, "PDF 文件已损坏", id="garbage-after-header"),
    pytest.param(makedocs.locked_pdf_bytes, "PDF 有密码保护", id="password"),
]


@pytest.mark.parametrize("make, words", BAD_PDFS)
def test_bad_pdf_is_refused_with_its_reason(make, words):
    with pytest.raises(ReadError) as err:
        parse_document(make(), "公报.pdf")
    assert str(err.value).startswith("公报.pdf: ") and words in str(err.value)


# --- Word .docx -----------------------------------------------------------------------------

BULLETIN = [["指标", "2024年", "增长（%）"], ["规上工业总产值", "4.7万亿元", "5.2"], ["高新技术企业", "3000家", "10.1"]]

DOCX_TEXT = [
    pytest.param(["第一段。", "第二段，增长7%。"], {}, "第一段。\n第二段，增长7%。", id="paragraphs"),
    pytest.param(["一、主要指标", "二、说明"], {0: BULLETIN},
                 "一、主要指标\n规上工业总产值 | 2024年 | 4.7万亿元\n规上工业总产值 | 增长 | 5.2%\n"
                 "高新技术企业 | 2024年 | 3000家\n高新技术企业 | 增长 | 10.1%\n二、说明", id="table-between-paragraphs"),
    pytest.param(["说明"], {-1: [["地区", "产值（亿元）"], ["昆山市", "5380"]]},
                 "昆山市 | 产值 | 5380亿元\n说明", id="table-first"),
    pytest.param([], {-1: [["规上工业总产值", "4.7万亿元"]]}, "规上工业总产值 | 4.7万亿元", id="one-row-table"),
]


@pytest.mark.parametrize("paragraphs, tables, text", DOCX_TEXT)
def test_docx_text(paragraphs, tables, text):
    document = parse_document(makedocs.docx_bytes(paragraphs, tables), "a.docx")
    assert (document.text, document.format, document.encoding) == (text, "docx", None)


def test_docx_title_and_merged_heading():
    rows = [["指标", "2024年", ""], ["", "绝对数", "增长（%）"], ["地区生产总值", "5380亿元", "4.6"]]
    data = makedocs.docx_bytes([], {-1: rows}, title="2024年统计公报", merge=[(0, 0, 1, 0, 2)])
    document = parse_document(data, "a.docx")
    assert document.title == "2024年统计公报"
    assert document.text == "地区生产总值 | 2024年 绝对数 | 5380亿元\n地区生产总值 | 2024年 增长 | 4.6%"


def test_docx_table_figure_keeps_its_row_heading():
    document = parse_document(makedocs.docx_bytes([], {-1: BULLETIN}), "a.docx")
    table = extract.figures(document.text)
    first = table.iloc[0]
    assert (first["text"], first["value"]) == ("4.7万亿元", 4.7e12)
    assert "规上工业总产值" in first["indicator"]


# --- web pages --------------------------------------------------------------------------------

ARTICLE = ["全年实现地区生产总值5380.17亿元，同比增长4.6%。", "规上工业企业达到2800家。"]


def test_web_page_keeps_the_article_and_drops_the_boilerplate():
    page = makedocs.html_page(ARTICLE, title="2024年统计公报", date="2025-03-20")
    document = parse_document(page.encode("utf-8"), "gb.html")
    assert document.text.splitlines()[-2:] == ARTICLE
    for boilerplate in ("首页", "热线电话12345", "阅读次数", "3600条", "相关链接", "86个", "网站标识码", "8848万次", "visits"):
        assert boilerplate not in document.text
    assert (document.format, document.encoding, document.title) == ("html", "utf-8", "2024年统计公报")
    assert str(document.date) == "2025-03-20"


WEB_PAGES = [
    pytest.param(makedocs.html_page(ARTICLE, title="公报", charset="gb2312").encode("gbk"), "gb18030",
                 id="gbk-declared-gb2312"),
    pytest.param(makedocs.html_page(ARTICLE, title="公报", charset="utf-8").encode("gbk"), "gb18030",
                 id="gbk-declared-wrongly-as-utf8"),
    pytest.param(codecs.BOM_UTF8 + makedocs.html_page(ARTICLE, title="公报").encode("utf-8"), "utf-8-sig",
                 id="utf8-with-mark"),
]


@pytest.mark.parametrize("data, encoding", WEB_PAGES)
def test_web_page_encoding(data, encoding):
    document = parse_document(data, "page.htm")
    assert document.encoding == encoding
    assert document.text.splitlines()[-2:] == ARTICLE


@pytest.mark.parametrize("name", ["page.html", "page.txt", "page"], ids=["html-name", "txt-name", "no-extension"])
def test_a_page_is_told_by_its_content(name):
    document = parse_document(makedocs.html_page(ARTICLE, title="公报").encode("utf-8"), name)
    assert document.format == "html" and "首页" not in document.text


def test_web_page_table_keeps_headings():
    page = makedocs.html_page(["主要指标如下。"], title="公报", table=BULLETIN)
    document = parse_document(page.encode("utf-8"), "a.html")
    assert document.text.splitlines()[-4:] == ["规上工业总产值 | 2024年 | 4.7万亿元", "规上工业总产值 | 增长 | 5.2%",
                                                "高新技术企业 | 2024年 | 3000家", "高新技术企业 | 增长 | 10.1%"]


def test_web_page_title_is_read():
    """The article's heading that repeats the page title was left out of the text by
    trafilatura (blind test M), and with it the figure it states."""
    page = ("<html><head><meta charset='utf-8'><title>关于下达2024年100个重点项目计划的通知_苏州市人民政府</title></head>"
            "<body><div class='nav'><a>首页</a><a>政务公开</a></div><div class='article'>"
            "<h1>关于下达2024年100个重点项目计划的通知</h1><div class='content'><p>各市、区人民政府，市各委办局：</p>"
            "<p>现将2024年重点项目计划下达给你们，总投资达到3000亿元，请认真组织实施。全年计划完成投资800亿元。</p>"
            "</div></div><div class='footer'>苏ICP备12345678号</div></body></html>")
    document = parse_document(page.encode("utf-8"), "a.html")
    assert document.text.splitlines()[0] == "关于下达2024年100个重点项目计划的通知"
    assert list(extract.figures(document.text, doc="a.html")["text"]) == ["100个", "3000亿元", "800亿元"]


def test_two_tables_in_a_row_keep_their_own_headings():
    """Two tables one after the other (blind test M): the second one's heading row was read
    as data under the first one's headings (2023年 | 单位 | 1000)."""
    page = ("<html><head><meta charset='utf-8'><title>公报</title></head><body><p>表1 2023年主要经济指标</p>"
            "<table><tr><th>指标</th><th>单位</th><th>2023年</th></tr><tr><td>地区生产总值</td><td>亿元</td><td>1000</td></tr>"
            "<tr><td>高新技术企业</td><td>家</td><td>120</td></tr></table>"
            "<table><tr><th>年份</th><th>地区生产总值（亿元）</th><th>一般公共预算收入（亿元）</th></tr>"
            "<tr><td>2023年</td><td>1000</td><td>85.3</td></tr></table></body></html>")
    document = parse_document(page.encode("utf-8"), "a.html")
    assert document.text.splitlines()[-4:] == [
        "地区生产总值 | 2023年 | 1000亿元", "高新技术企业 | 2023年 | 120家",
        "2023年 | 地区生产总值 | 1000亿元", "2023年 | 一般公共预算收入 | 85.3亿元"]
    figures = extract.figures(document.text, doc="a.html")
    assert sorted(zip(figures["text"], figures["value"])) == [
        ("1000亿元", 1e11), ("1000亿元", 1e11), ("120家", 120.0), ("85.3亿元", 8.53e9)]


def test_page_without_a_date_has_none():
    assert parse_document(makedocs.html_page(ARTICLE, title="公报").encode(), "a.html").date is None


#: Which date a relative deadline (用3年时间) counts from: (page's metadata date, the text's own
#: date line, the date given by the caller) → the deadline. FIGURES.md: the text's date first;
#: then the page's metadata; the caller's date only where the document gives none.
DATE_ORDER = [
    pytest.param("2024-02-17", None, "2023-11-20", 2026, id="page-date-beats-given-date"),
    pytest.param("2023-11-20", None, None, 2026, id="page-date-late-in-year"),
    pytest.param("2023-11-20", "2024-02-17", None, 2026, id="text-date-beats-page-date"),
    pytest.param(None, None, "2025-03-01", 2027, id="given-date-when-the-page-has-none"),
]


@pytest.mark.parametrize("page_date, text_date, given, deadline", DATE_ORDER)
def test_date_order(tmp_path, page_date, text_date, given, deadline):
    article = ([text_date] if text_date else []) + ["用3年时间，全市新增高新技术企业1000家，实现规上工业总产值突破5万亿元。"]
    path = tmp_path / "plan.html"
    path.write_text(makedocs.html_page(article, title="实施意见", date=page_date), encoding="utf-8")
    table = extract.figures_from_files([path], date=given)
    assert set(table["deadline"]) == {deadline}


# --- formats that are not read, and names that lie ---------------------------------------------

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024)

#: (file name, bytes) → words the error must hold: the format and what to do.
REFUSED = [
    pytest.param("通知.doc", OLE, ["旧版 Word 文档", "另存为 .docx"], id="doc"),
    pytest.param("通知.wps", OLE, ["WPS 文字文档", "另存为 .docx"], id="wps"),
    pytest.param("数据.xls", OLE, ["Excel 表格", ".csv"], id="xls"),
    pytest.param("附件", OLE, ["旧版 Office 文档", "另存为 .docx"], id="ole-without-name"),
    pytest.param("扫描.png", b"\x89PNG\r\n\x1a\n" + bytes(64), ["PNG 图片", "文字识别"], id="png"),
    pytest.param("扫描.jpg", b"\xff\xd8\xff\xe0" + bytes(64), ["JPEG 图片", "文字识别"], id="jpeg"),
    pytest.param("扫描.tif", b"II*\x00" + bytes(64), ["TIFF 图片", "文字识别"], id="tiff"),
    pytest.param("数据.xlsx", makedocs.zip_bytes({"xl/workbook.xml": b"<workbook/>"}), ["Excel 表格", ".csv"], id="xlsx"),
    pytest.param("公报.rar", b"Rar!\x1a\x07\x00" + bytes(64), ["rar 压缩包", "解压"], id="rar"),
    pytest.param("通知.docx", "到2025年，地区生产总值突破6000亿元。".encode(), ["扩展名是 .docx", "纯文本", ".txt"],
                 id="docx-that-is-a-renamed-txt"),
    pytest.param("公报.pdf", makedocs.html_page(ARTICLE, title="404").encode(), ["扩展名是 .pdf", "网页", ".html"],
                 id="error-page-saved-as-pdf"),
    pytest.param("通知.docx", b"PK\x03\x04" + bytes(100), ["已损坏"], id="broken-docx"),
    pytest.param("通知.docx", makedocs.zip_bytes({"word/document.xml": b"<w:document"}), ["Word 文档", "损坏"],
                 id="docx-with-broken-xml"),
    pytest.param("炸弹.docx", makedocs.zip_bytes({"word/document.xml": b" " * (4 * 1024 * 1024)}), ["压缩比异常"],
                 id="docx-zip-bomb"),
]


@pytest.mark.parametrize("name, data, words", REFUSED)
def test_refused_with_the_format_and_what_to_do(name, data, words):
    with pytest.raises(ReadError) as err:
        parse_document(data, name)
    message = str(err.value)
    assert message.startswith(f"{name}: ") and "\n" not in message
    for word in words:
        assert word in message


# --- tables as lines ----------------------------------------------------------------------------

TABLES = [
    pytest.param(BULLETIN, ["规上工业总产值 | 2024年 | 4.7万亿元", "规上工业总产值 | 增长 | 5.2%",
                            "高新技术企业 | 2024年 | 3000家", "高新技术企业 | 增长 | 10.1%"], id="unit-in-heading"),
    pytest.param([["指标", "金额（单位：万元）"], ["税收", "3,200"]], ["税收 | 金额 | 3,200万元"], id="unit-after-danwei"),
    pytest.param([["年份", "2024(预计)"], ["产值", "5.1"]], ["产值 | 2024(预计) | 5.1"], id="bracket-with-digits-is-no-unit"),
    pytest.param([["指标", "数值（亿元）"], ["说明", "见附件"]], ["说明 | 数值 | 见附件"], id="words-get-no-unit"),
    pytest.param([["指标", "2023年", "2024年"], ["产值", "", "4.7万亿元"]], ["产值 | 2024年 | 4.7万亿元"], id="empty-cell-left-out"),
    pytest.param([["规上工业\n总产值", "4.7万亿元"], ["企业", "3000家"]], ["规上工业总产值 | 4.7万亿元", "企业 | 3000家"],
                 id="wrapped-cell-joined"),
    pytest.param([["产值"], ["4.7万亿元"]], ["产值", "4.7万亿元"], id="one-column"),
    pytest.param([["", ""], ["", ""]], [], id="empty-table-gives-nothing"),
    pytest.param([], [], id="no-rows-give-nothing"),
    # A 单位 column (blind test M): its unit goes to the row's bare numbers, except in a rate
    # column; before, the numbers stayed bare (lost) and the lone 亿元 read as money 1e8.
    pytest.param([["指标", "单位", "2023年", "增长（%）"], ["地区生产总值", "亿元", "1000", "6.5"],
                  ["高新技术企业", "家", "120", "12.0"]],
                 ["地区生产总值 | 2023年 | 1000亿元", "地区生产总值 | 增长 | 6.5%",
                  "高新技术企业 | 2023年 | 120家", "高新技术企业 | 增长 | 12.0%"], id="unit-column"),
    pytest.param([["指标名称", "计量单位", "绝对值", "比上年增长"], ["粮食产量", "万吨", "52.3", "1.2"]],
                 ["粮食产量 | 绝对值 | 52.3万吨", "粮食产量 | 比上年增长 | 1.2"], id="unit-column-not-lent-to-a-rate"),
    pytest.param([["指标", "单位", "数值"], ["进出口总额", "", "3,200"], ["说明", "见附件", "略"]],
                 ["进出口总额 | 数值 | 3,200", "说明 | 单位 | 见附件", "说明 | 数值 | 略"], id="unit-column-without-a-unit"),
]


@pytest.mark.parametrize("rows, lines", TABLES)
def test_table_lines(rows, lines):
    assert table_lines(rows) == lines
