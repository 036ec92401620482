"""Documents built from text, as users receive them: a .docx, a PDF, a web page, a zip.

Used by the tests (fixtures made from the text of each case) and by bench/corpus_bench.py.
PDFs are set with fpdf2 in the Noto CJK font Debian installs (fonts-noto-cjk), so their text
layer holds real CJK glyphs with a Unicode map, as office suites write them.
"""
from __future__ import annotations

import html
import io
import zipfile
from pathlib import Path

#: The CJK font for PDFs, and the face of the collection to use (2 = Simplified Chinese).
CJK_FONTS = (Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
             Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"))
CJK_FACE = 2


def cjk_font() -> Path | None:
    return next((p for p in CJK_FONTS if p.exists()), None)


def docx_bytes(paragraphs: list[str], tables: dict[int, list[list[str]]] | None = None, *,
               title: str | None = None, merge: list[tuple[int, int, int, int, int]] | None = None) -> bytes:
    """A .docx of `paragraphs`; `tables[i]` (rows of cells) goes after paragraph i (-1: first).
    `merge`: (table number, row, column, row, column) spans to merge."""
    import docx

    document = docx.Document()
    if title:
        document.core_properties.title = title
    tables = tables or {}
    made = []

    def add_table(rows):
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        made.append(table)

    if -1 in tables:
        add_table(tables[-1])
    for i, paragraph in enumerate(paragraphs):
        document.add_paragraph(paragraph)
        if i in tables:
            add_table(tables[i])
    for number, r0, c0, r1, c1 in merge or []:
        cell = made[number].cell(r0, c0)
        text = cell.text
        merged = cell.merge(made[number].cell(r1, c1))
        merged.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_bytes(pages: list[list[str]], *, size: float = 12, page_numbers: bool = False,
              width: float | None = None) -> bytes:
    """A PDF with one list of paragraphs a page, wrapped by fpdf2 to the page (or `width` mm)."""
    from fpdf import FPDF

    font = cjk_font()
    if font is None:
        raise FileNotFoundError("Noto CJK font (apt-get install fonts-noto-cjk)")
    pdf = FPDF()
    pdf.add_font("cjk", fname=str(font), collection_font_number=CJK_FACE)
    pdf.set_auto_page_break(False)
    for n, paragraphs in enumerate(pages, 1):
        pdf.add_page()
        pdf.set_font("cjk", size=size)
        for paragraph in paragraphs:
            pdf.multi_cell(width or 0, size * 0.6, paragraph, new_x="LMARGIN", new_y="NEXT")
        if page_numbers:
            pdf.set_y(-20)
            pdf.cell(0, 10, f"- {n} -", align="C")
    return bytes(pdf.output())


def locked_pdf_bytes() -> bytes:
    """A PDF that opens only with its password."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "GDP 5000")
    pdf.set_encryption(owner_password="owner", user_password="user")
    return bytes(pdf.output())


# PDF layouts of blind test M: two columns, a table between paragraphs, a running header.
LAYOUT_FIGURE = "2024年全市地区生产总值达到1000亿元，同比增长6.5%，新增高新技术企业120家。"
LAYOUT_PROSE = "全市上下坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局。"
RUNNING_HEADER = "苏州市人民政府公报 2024年第3期"


def _pdf(cls=None):
    from fpdf import FPDF

    pdf = (cls or FPDF)()
    pdf.add_font("cjk", fname=str(cjk_font()), collection_font_number=CJK_FACE)
    pdf.set_font("cjk", size=11)
    return pdf


def two_column_pdf() -> bytes:
    pdf = _pdf()
    pdf.add_page()
    pdf.set_xy(10, 20)
    pdf.multi_cell(85, 7, "左栏：" + LAYOUT_FIGURE + "全市规上工业企业实现利润增长8.2%。")
    pdf.set_xy(110, 20)
    pdf.multi_cell(85, 7, "右栏：到2027年，规上工业总产值力争突破5万亿元。全年新增就业岗位5万个，城镇登记失业率控制在3%以内。")
    return bytes(pdf.output())


def table_pdf() -> bytes:
    pdf = _pdf()
    pdf.add_page()
    pdf.multi_cell(0, 8, LAYOUT_PROSE * 2, new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 8, "表1 2023年主要经济指标", new_x="LMARGIN", new_y="NEXT", align="C")
    with pdf.table(first_row_as_headings=False, text_align=("LEFT", "RIGHT", "RIGHT", "RIGHT")) as table:
        for cells in [["指标", "单位", "2023年", "增长（%）"], ["地区生产总值", "亿元", "1000", "6.5"],
                      ["规上工业总产值", "亿元", "2500", "8.1"], ["高新技术企业", "家", "120", "12.0"]]:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.multi_cell(0, 8, LAYOUT_PROSE * 2, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _gazette_class():
    from fpdf import FPDF

    class Gazette(FPDF):
        """A gazette page: a running header above and a page number below every page."""

        def header(self):
            self.set_font("cjk", size=9)
            self.cell(0, 6, RUNNING_HEADER, align="C")
            self.ln(10)
            self.set_font("cjk", size=11)

        def footer(self):
            self.set_y(-15)
            self.set_font("cjk", size=9)
            self.cell(0, 6, f"- {self.page_no()} -", align="C")

    return Gazette


def running_header_pdf(before: int) -> bytes:
    pdf = _pdf(_gazette_class())
    pdf.add_page()
    pdf.multi_cell(0, 8, LAYOUT_PROSE * before + LAYOUT_FIGURE + LAYOUT_PROSE * 10, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def image_pdf_bytes(pages: int = 1) -> bytes:
    """A PDF whose pages are only pictures, as a scanner makes them (no text layer)."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (600, 800), "white")
    draw = ImageDraw.Draw(picture)
    for y in range(40, 760, 30):  # lines of "text" as a scan shows them: ink, not characters
        draw.rectangle([40, y, 560, y + 12], fill="black")
    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
        pdf.image(picture, x=10, y=10, w=190)
    return bytes(pdf.output())


def html_page(paragraphs: list[str], *, title: str = "", date: str | None = None, charset: str = "utf-8",
              table: list[list[str]] | None = None) -> str:
    """A government-style web page: navigation, share bar and footer around the article."""
    meta = f'<meta name="PubDate" content="{date} 09:30">\n' if date else ""
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    if table:
        head, *rows = table
        body += "<table>\n<tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in head) + "</tr>\n"
        for row in rows:
            body += "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>\n"
        body += "</table>\n"
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{charset}"><title>{html.escape(title)}_市人民政府门户网站</title>
{meta}<script>var visits = 1000;</script><style>.nav{{color:red}}</style></head>
<body>
<div class="header"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/hd">政民互动</a> | 热线电话12345</div>
<ul class="nav"><li><a href="/xw">新闻中心</a></li><li><a href="/tj">统计数据（共3600条）</a></li><li><a href="/gk">信息公开</a></li></ul>
<div class="share">分享到：微信 微博 QQ空间 阅读次数：2580次</div>
<div class="article"><h1>{html.escape(title)}</h1>
{body}</div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/a">2023年全市经济运行情况（增长5.8%）</a></li><li><a href="/b">第三季度招商引资签约项目86个</a></li></ul></div>
<div class="footer">主办单位：市人民政府办公室 网站标识码3203000001 苏ICP备05009876号 访问量：8848万次</div>
</body></html>"""


def zip_bytes(members: dict[str, bytes], *, gbk_names: bool = False) -> bytes:
    """A zip of `members`; with `gbk_names`, names are stored in GBK without the UTF-8 flag,
    as zips made on Chinese Windows store them."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = (_GbkNamed if gbk_names else zipfile.ZipInfo)(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return out.getvalue()


class _GbkNamed(zipfile.ZipInfo):
    """A member whose name is written in GBK bytes, the UTF-8 flag (bit 11) left unset."""

    def _encodeFilenameFlags(self):  # zipfile's hook for the bytes of the name
        return self.filename.encode("gbk"), self.flag_bits & ~0x800
