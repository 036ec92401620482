"""Reading documents: the bytes of a file (or standard input) → the text the extractor sees.

The one reading layer of the project: the command line, the archive runner and the
dashboard's upload all read through `read_document` (a path) or `parse_document` (bytes).
Documents come as users receive them; the format is told by the content, not the name:

| format | told by | read by |
|---|---|---|
| `txt`  | no binary signature, no HTML start | encoding detection below |
| `html` | `<!DOCTYPE html`, `<html` … at the start, or a .htm/.html/.shtml name | extract/webpage.py (trafilatura) |
| `pdf`  | `%PDF-` in the first KB | extract/pdf.py (pypdfium2) |
| `docx` | a zip holding `word/document.xml` | extract/word.py (python-docx) |

Other formats (.doc, .wps, .xls, .xlsx, images, rar ...) get an error naming the format and
what to do (UNSUPPORTED). A name that promises a binary format whose content is text (a
.docx that is really a renamed .txt, an error page saved as .pdf) is refused too.

`Document.text` is what the extractor reads, and what figures' `start`/`end` point into;
`read_text(path)` returns just that. A web page's publication date (`Document.date`, from
its metadata) stands in for the document's date when its text gives none.

Text files come as UTF-8 (with or without a byte-order mark), GBK/GB18030 or UTF-16. The
encoding is detected, not guessed (a web page's declared <meta> charset is tried first):

1. a known binary signature is handled as above;
2. a byte-order mark decides UTF-8 / UTF-16 / UTF-32 and is dropped;
3. strict UTF-8 is tried next (the fast path: most files are UTF-8);
4. otherwise charset-normalizer decides (GB18030 covers GBK and GB2312; UTF-16 without a
   mark; Big5 ...); when it finds no text encoding, the file is refused as binary.

Line ends are read as Python's text mode reads them (CRLF and CR become LF), so the offsets
of a figure point into the same text that `open(path, encoding=...)` gives.

Errors are `ReadError`, whose message is one Chinese line that starts with the path.
"""
from __future__ import annotations

import codecs
import datetime as dt
import io
import os
import re
import sys
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO, Iterable

import charset_normalizer

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Document", "ExtractError", "ReadError", "MAX_BYTES", "READ_EXTENSIONS", "STDIN", "read_document", "parse_document",
           "read_text", "decode", "doc_name", "figures_from_files", "check_zip_member"]

#: Largest document read, in bytes (50 MB is far above any report or bulletin).
#: Change it per call with `read_text(path, max_bytes=...)` or `python -m extract --max-mb N`.
MAX_BYTES = 50 * 1024 * 1024

#: The path that means standard input.
STDIN = "-"

#: Byte-order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
#: Each maps to the codec that decodes the bytes after the mark.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Encodings of Chinese documents, in the order preferred when bytes fit several equally
#: well (names as charset-normalizer spells them). GB18030 is a superset of GBK and GB2312.
CHINESE_ENCODINGS: tuple[str, ...] = ("gb18030", "big5", "utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be")

#: Two candidate decodings whose charset-normalizer "chaos" differs by at most this are a tie.
CHAOS_TIE = 0.05

#: Formats told by their first bytes (the formats' own specifications; file(1)'s magic
#: database lists the same bytes): (signature, format code). A zip is told apart by its members.
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),  # an empty zip
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),  # .doc .wps .xls .et .ppt: told apart by the name
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"{\\rtf", "rtf"),
    (b"\x1f\x8b", "gzip"),
    (b"Rar!\x1a\x07", "rar"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\x7fELF", "elf"),
)

#: Members that tell what an Office or OpenDocument zip holds.
ZIP_MEMBERS: tuple[tuple[str, str], ...] = (
    ("word/document.xml", "docx"),
    ("xl/workbook.xml", "xlsx"),
    ("ppt/presentation.xml", "pptx"),
    ("content.xml", "odf"),
)

#: Old (OLE) Office files by their name's extension.
OLE_EXTENSIONS: dict[str, str] = {".doc": "doc", ".wps": "wps", ".xls": "xls", ".et": "xls", ".ppt": "ppt",
                                  ".dps": "ppt"}

#: Formats that are not read, with what they are and what to do (the error says both).
UNSUPPORTED: dict[str, tuple[str, str]] = {
    "doc": ("旧版 Word 文档（.doc）", "请用 Word 或 WPS 打开后另存为 .docx 再处理"),
    "wps": ("WPS 文字文档（.wps）", "请用 WPS 打开后另存为 .docx 再处理"),
    "xls": ("旧版 Excel 表格（.xls/.et）", "请另存为 .csv，或把表格复制进 .docx 再处理"),
    "ppt": ("旧版演示文稿（.ppt/.dps）", "请另存为 .pptx 后把文字复制进 .docx 再处理"),
    "ole": ("旧版 Office 文档（doc/xls/wps）", "请用 Office 或 WPS 打开后另存为 .docx 再处理"),
    "xlsx": ("Excel 表格（.xlsx）", "请另存为 .csv，或把表格复制进 .docx 再处理"),
    "pptx": ("演示文稿（.pptx）", "请把文字复制进 .docx 或 .txt 再处理"),
    "odf": ("OpenDocument 文档（.odt 等）", "请另存为 .docx 再处理"),
    "png": ("PNG 图片", "图片没有文字层，需先做文字识别（OCR），再把识别出的文字存为 .txt 或 .docx"),
    "jpeg": ("JPEG 图片", "图片没有文字层，需先做文字识别（OCR），再把识别出的文字存为 .txt 或 .docx"),
    "gif": ("GIF 图片", "图片没有文字层，需先做文字识别（OCR），再把识别出的文字存为 .txt 或 .docx"),
    "tiff": ("TIFF 图片", "图片没有文字层，需先做文字识别（OCR），再把识别出的文字存为 .txt 或 .docx"),
    "bmp": ("BMP 图片", "图片没有文字层，需先做文字识别（OCR），再把识别出的文字存为 .txt 或 .docx"),
    "rtf": ("RTF 文档", "请用 Word 或 WPS 另存为 .docx 再处理"),
    "gzip": ("gzip 压缩包", "请先解压（zip 压缩包可以直接处理）"),
    "rar": ("rar 压缩包", "请先解压（zip 压缩包可以直接处理）"),
    "7z": ("7z 压缩包", "请先解压（zip 压缩包可以直接处理）"),
    "zip": ("zip 压缩包", "请把压缩包交给 python -m extract，其中的文件会逐个处理；或先解压"),
    "elf": ("可执行程序", "这不是文档"),
}

#: What a name's extension promises, for the names that promise a binary format: content
#: that turns out to be text is refused (a renamed .txt, an error page saved as .pdf).
BINARY_EXTENSIONS: dict[str, str] = {
    ".pdf": "PDF 文档", ".docx": "Word 文档", ".doc": "Word 文档", ".wps": "WPS 文档", ".xls": "Excel 表格",
    ".xlsx": "Excel 表格", ".png": "图片", ".jpg": "图片", ".jpeg": "图片", ".gif": "图片", ".tif": "图片",
    ".tiff": "图片", ".bmp": "图片", ".zip": "压缩包", ".rar": "压缩包", ".7z": "压缩包",
}

#: Extensions of the formats read (for file pickers such as the dashboard's upload).
READ_EXTENSIONS = ("txt", "html", "htm", "shtml", "pdf", "docx")

#: Names of web pages as sites and browsers save them.
HTML_EXTENSIONS = frozenset({".html", ".htm", ".shtml", ".xhtml", ".mht", ".mhtml"})

#: The start of an HTML page (after a byte-order mark, blanks, an XML declaration, comments).
HTML_START = re.compile(rb"""\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*
                            <(?:!doctype\s+html|html|head|meta|body)\b""", re.I | re.S | re.X)

#: A zip member (a document in an archive, a part of a .docx) that unpacks to more than this
#: many times its packed size is refused: zip bombs reach ratios of thousands, text ~10.
MAX_ZIP_RATIO = 200

#: C0/C1 control characters that do not belong in text (tab, line ends, form feed, vertical
#: tab and the DOS end-of-file mark 0x1A are allowed).
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")

#: Share of disallowed control characters above which decoded bytes are not text; up to
#: FEW_CONTROLS of them are allowed in any text, however short.
MAX_CONTROL_SHARE = 0.01
FEW_CONTROLS = 4

#: Share of a GB18030 reading's Chinese characters that must be GB2312's common simplified
#: characters for the bytes to be taken as GBK without asking charset-normalizer.
PLAIN_GBK_SHARE = 0.97

#: Bytes that fit no encoding, in a file otherwise UTF-8 or GB18030, up to which the file is
#: read with each such run replaced (MAX_BAD_BYTES, or one byte in 1/MAX_BAD_SHARE).
MAX_BAD_BYTES = 8
MAX_BAD_SHARE = 0.001

#: The warning for a file of no bytes at all.
EMPTY = "文件是空的（0 字节），没有可提取的文字：可能没有下载完整"

#: Encodings as users know them, for messages.
_ENCODING_NAMES = {"utf-8": "UTF-8", "gb18030": "GBK/GB18030"}


class ExtractError(Exception):
    """Base of the errors the extract package raises on bad input."""


class ReadError(ExtractError):
    """A document that cannot be read as text. `str(err)` is one line: `PATH: 原因`."""

    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{_one_line(path)}: {reason}")


@dataclass(frozen=True)
class Document:
    """A document as read: `text` is what the extractor sees and offsets point into.

    format: txt, html, pdf or docx. encoding: the text encoding of a txt or html file
    (utf-8, gb18030, utf-16-le ...), None for pdf and docx. title: a page's or a .docx's
    title, where it has one. date: a web page's publication date from its metadata."""

    text: str
    format: str = "txt"
    encoding: str | None = "utf-8"
    title: str | None = None
    date: dt.date | None = None
    #: What the reader had to mend or wants the user to know (Chinese, one line each):
    #: bytes that were not text and were replaced, an empty file. The text is still read.
    warnings: tuple[str, ...] = ()


def read_document(path: str | os.PathLike[str], *, max_bytes: int | None = None,
                  stdin: BinaryIO | None = None) -> Document:
    """The document at `path` (`-` reads standard input's bytes), in whatever format it is.

    Raises ReadError for a missing, unreadable, too large or unreadable-format file.
    """
    limit = MAX_BYTES if max_bytes is None else max_bytes
    name = os.fspath(path)
    if name == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(limit + 1)
        name = "<stdin>"
    else:
        data = _read_file(name, limit)
    if len(data) > limit:
        raise ReadError(name, f"文件过大（超过上限 {_mb(limit)}），可用 --max-mb 调高上限")
    return parse_document(data, name, max_bytes=limit)


def read_text(path: str | os.PathLike[str], *, max_bytes: int | None = None,
              stdin: BinaryIO | None = None) -> str:
    """The text of the document at `path` (`-` reads standard input's bytes): what the
    extractor reads and figures' offsets point into (`read_document(path).text`).

    Raises ReadError for a missing, unreadable, binary or too large file.
    """
    return read_document(path, max_bytes=max_bytes, stdin=stdin).text


def parse_document(data: bytes, name: str = "<bytes>", *, max_bytes: int | None = None) -> Document:
    """A document from its bytes; `name` (a file name) gives the extension and names errors."""
    ext = os.path.splitext(name)[1].lower()
    if not data:
        if ext in BINARY_EXTENSIONS:
            raise ReadError(name, f"文件是空的（0 字节），不是{BINARY_EXTENSIONS[ext]}：可能没有下载完整，请重新下载")
        return Document("", "txt", None, warnings=(EMPTY,))
    kind = _binary_kind(data)
    if kind == "zip":
        kind = _zip_kind(data, name, MAX_BYTES if max_bytes is None else max_bytes)
    if kind == "ole":
        kind = OLE_EXTENSIONS.get(ext, "ole")
    if kind == "pdf":
        from .pdf import PdfProblem, pdf_text

        try:
            return Document(pdf_text(data), "pdf", None)
        except PdfProblem as problem:
            raise ReadError(name, str(problem)) from None
    if kind == "docx":
        from .word import WordProblem, docx_text

        try:
            text, title = docx_text(data)
        except WordProblem as problem:
            raise ReadError(name, str(problem)) from None
        return Document(text, "docx", None, title)
    if kind:
        what, advice = UNSUPPORTED[kind]
        raise ReadError(name, f"{what}：{advice}")
    html = ext in HTML_EXTENSIONS or HTML_START.match(data[:4096]) is not None
    if ext in BINARY_EXTENSIONS:
        found = "网页（HTML）" if html else "纯文本"
        raise ReadError(name, f"扩展名是 {ext}，内容却是{found}，不是{BINARY_EXTENSIONS[ext]}：可能没有下载完整或改过扩展名；"
                              f"若内容确是{found}，请把扩展名改为 {'.html' if html else '.txt'}")
    if html:
        return _web_page(data, name)
    text, encoding, warnings = _decode_checked(data, name)
    return Document(text, "txt", encoding, warnings=warnings)


def check_zip_member(info: zipfile.ZipInfo, max_bytes: int) -> str | None:
    """Why a zip member may not be unpacked (a Chinese reason), or None when it may: larger
    than `max_bytes` unpacked, or packed at a ratio only zip bombs reach."""
    if info.file_size > max_bytes:
        return f"解压后过大（{_mb(info.file_size)}，上限 {_mb(max_bytes)}），可用 --max-mb 调高上限"
    if info.file_size > 1024 * 1024 and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
        return f"压缩比异常（{info.file_size // max(info.compress_size, 1)} 倍），疑似“压缩炸弹”，未解压"
    return None


def doc_name(path: str | os.PathLike[str]) -> str:
    """The `doc` field of a figure: the file name without its folder (`<stdin>` for `-`)."""
    name = os.fspath(path)
    return "<stdin>" if name == STDIN else os.path.basename(name)


def figures_from_files(paths: Iterable[str | os.PathLike[str]],
                       date: dt.date | str | None = None, *,
                       max_bytes: int | None = None) -> pd.DataFrame:
    """One figures table for many files, read and extracted one document at a time.

    `doc` is each file's name without its folder. The first file that cannot be read raises
    ReadError naming it (the command line reports such files and goes on instead). A web
    page's publication date serves where its text gives no date, before `date`.
    """
    from . import engine  # imported late: the engine does not need this module

    rows: list[dict] = []
    for path in paths:  # one document's text in memory at a time; only its figures are kept
        document = read_document(path, max_bytes=max_bytes)
        rows += engine.records(document.text, doc=doc_name(path), date=document.date or date)
    return engine.table(rows)


def decode(data: bytes, name: str = "<bytes>") -> str:
    """Decode a text document's bytes (see the module docstring for the order of the checks)."""
    return _decode(data, name)[0]


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding) of a text document's bytes."""
    return _decode_checked(data, name)[:2]


def _decode_checked(data: bytes, name: str) -> tuple[str, str, tuple[str, ...]]:
    """(text, encoding, warnings) of a text document's bytes."""
    warnings: tuple[str, ...] = ()
    kind = _binary_kind(data)
    if kind:
        what = {"pdf": "PDF 文档", "zip": "zip 压缩包或 Office 文档（docx/xlsx）"}.get(kind) or UNSUPPORTED[kind][0]
        raise ReadError(name, f"不是文本文件（{what}）")
    text, encoding = _decode_bom(data, name), None
    if text is not None:
        encoding = _bom_codec(data)
    elif data.count(b"\x00") <= MAX_CONTROL_SHARE * len(data):
        # Many NUL bytes mean UTF-16/32 or binary; a stray one (a damaged copy) does not
        # stop a UTF-8 file from being UTF-8 (it is counted as a control character below).
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text = None
    if text is None:
        found = _detect(data)
        if found is None:
            mended = _mend(data)
            if mended is None:
                found = _detect_any(data)
            else:
                text, encoding, bad = mended
                if bad:
                    warnings = (f"有 {bad} 处字节不是 {_ENCODING_NAMES.get(encoding, encoding)} 文字（文件可能不完整或已损坏），"
                                f"已替换为 \ufffd，其余文字照常读取",)
        if text is None:
            if found is None:
                raise ReadError(name, "不是文本文件（无法识别其编码），请确认是 UTF-8、GBK 或 UTF-16 文本")
            text, encoding = found
    if not _looks_like_text(text):
        raise ReadError(name, "不是文本文件（含大量控制字符），请确认是 UTF-8、GBK 或 UTF-16 文本")
    return _universal_newlines(text), encoding, warnings


def _web_page(data: bytes, name: str) -> Document:
    """A web page: decoded by its byte-order mark, its declared charset or detection, then
    its main text, title and date (extract/webpage.py)."""
    from .webpage import WebProblem, declared_encoding, page_text

    markup = encoding = None
    warnings: tuple[str, ...] = ()
    if _bom_codec(data) is None:
        declared = declared_encoding(data)
        if declared:
            try:
                markup, encoding = data.decode(declared), codecs.lookup(declared).name
            except (UnicodeDecodeError, LookupError):
                markup = None  # the page is not in the encoding it claims: detect it
    if markup is None:
        markup, encoding, warnings = _decode_checked(data, name)
    try:
        text, title, date = page_text(markup)
    except WebProblem as problem:
        raise ReadError(name, str(problem)) from None
    return Document(text, "html", encoding, title, date, warnings)


def _zip_kind(data: bytes, name: str, max_bytes: int) -> str:
    """What a zip holds: docx, xlsx, pptx, odf, or zip (an archive). A .docx's parts are
    checked as an archive's members are, so a zip bomb dressed as a .docx is not unpacked."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as err:
        raise ReadError(name, "zip 压缩包或 Office 文档（docx/xlsx）已损坏或不完整（可能没有下载完整），打不开") from None
    names = {info.filename for info in infos}
    kind = next((k for member, k in ZIP_MEMBERS if member in names), "zip")
    if kind != "zip":
        for info in infos:
            problem = check_zip_member(info, max_bytes)
            if problem:
                raise ReadError(name, f"文档内的 {info.filename} {problem}")
        if sum(info.file_size for info in infos) > max_bytes:
            raise ReadError(name, f"文档解压后过大（上限 {_mb(max_bytes)}），可用 --max-mb 调高上限")
    return kind


def _read_file(name: str, limit: int) -> bytes:
    try:
        size = os.stat(name).st_size
        if os.path.isdir(name):
            raise ReadError(name, "是文件夹，不是文件")
        if size > limit:
            raise ReadError(name, f"文件过大（{_mb(size)}，上限 {_mb(limit)}），可用 --max-mb 调高上限")
        with open(name, "rb") as f:
            return f.read(limit + 1)  # a file that grows while read is still capped
    except FileNotFoundError:
        raise ReadError(name, "文件不存在") from None
    except PermissionError:
        raise ReadError(name, "没有读取权限") from None
    except IsADirectoryError:
        raise ReadError(name, "是文件夹，不是文件") from None
    except OSError as err:
        raise ReadError(name, f"无法读取（{err.strerror or err}）") from None


def _binary_kind(data: bytes) -> str | None:
    """The format code of a binary file (SIGNATURES), None for text."""
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            return kind
    if b"%PDF-" in data[:1024]:  # the PDF specification allows junk before the header
        return "pdf"
    # A bitmap's "BM" is also how an ordinary English line can begin: trust it only with its header size.
    if data.startswith(b"BM") and len(data) >= 14 and int.from_bytes(data[2:6], "little") == len(data):
        return "bmp"
    return None


def _bom_codec(data: bytes) -> str | None:
    """The encoding a byte-order mark names (utf-8-sig for UTF-8's, which is kept as U+FEFF)."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return "utf-8-sig" if codec == "utf-8" else codec
    return None


def _decode_bom(data: bytes, name: str) -> str | None:
    """Text after a byte-order mark. A UTF-8 mark is kept as U+FEFF, as Python's open() reads
    it: FIGURES.md counts offsets in the document exactly as read, and the scorer reads so."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            kept = len(bom) if codec != "utf-8" else 0
            try:
                return data[kept:].decode(codec)
            except UnicodeDecodeError as err:
                raise ReadError(name, f"以 {codec} 标记开头，但第 {err.start + kept} 字节起不是 {codec} 文本") from None
    return None


def _detect(data: bytes) -> tuple[str, str] | None:
    """The text of bytes that are neither UTF-8 nor marked, in an encoding of Chinese
    documents (None when none fits): GBK first when it reads as plain simplified Chinese."""
    gbk = _plain_gbk(data)
    if gbk is not None:
        return gbk, "gb18030"
    return _detect_chinese(data)


def _plain_gbk(data: bytes) -> str | None:
    """The GB18030 reading of bytes whose Chinese characters are nearly all of GB2312, the
    6763 common simplified characters, with no control characters: mainland government text
    in GBK. charset-normalizer's statistics fail on a line as short as "增长5%，达30家。"
    (read as Big5: "崝酗5%ㄛ湛30模﹝"); Big5 or UTF-16 bytes read as GB18030 give many
    characters outside GB2312 (Big5's trail bytes 0x40-0x7E alone are not GB2312)."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    return text if _plain_simplified(text) and not CONTROL_CHARACTERS.search(text) else None


def _plain_simplified(text: str) -> bool:
    """Has the text Chinese characters, nearly all (PLAIN_GBK_SHARE) of them GB2312's?"""
    wide = [ch for ch in text if not ch.isascii() and ch != "\ufffd"]
    if not wide:
        return False
    common = 0
    for ch in wide:
        try:
            ch.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common >= PLAIN_GBK_SHARE * len(wide)


def _mend(data: bytes) -> tuple[str, str, int] | None:
    """Text with a few bytes that fit no encoding (a file cut off mid-character, a damaged
    copy): UTF-8 or GB18030, whichever has fewer such bytes, if they are few (MAX_BAD_BYTES,
    or one in MAX_BAD_SHARE) and, for GB18030, the rest reads as plain simplified Chinese;
    each run of them becomes U+FFFD. (text, encoding, how many)"""
    best = None
    for codec, replacement in (("utf-8", "\ufffd".encode("utf-8")), ("gb18030", "\ufffd".encode("gb18030"))):
        text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd") - data.count(replacement)
        if best is None or bad < best[2]:
            best = (text, codec, bad)
    text, codec, bad = best
    if bad > max(MAX_BAD_BYTES, MAX_BAD_SHARE * len(data)):
        return None
    if codec == "gb18030" and not _plain_simplified(text):  # random high bytes are mostly "valid" GB18030
        return None
    return best


def _detect_chinese(data: bytes) -> tuple[str, str] | None:
    """The text of bytes that are neither UTF-8 nor marked: charset-normalizer decides.

    It is asked first about the encodings Chinese documents use; only when none of them fits
    is every encoding it knows considered. Among candidates it finds about as clean
    (chaos within CHAOS_TIE of the cleanest), the one earlier in CHINESE_ENCODINGS wins: a
    short GBK line such as "2024。" is also valid Big5 ("2024﹝"), and GBK is what mainland
    government files use. UTF-16 without a mark and without a single ASCII character is rare,
    so it comes last.
    """
    matches = charset_normalizer.from_bytes(data, cp_isolation=list(CHINESE_ENCODINGS))
    if not len(matches):
        return None
    cleanest = min(m.chaos for m in matches)
    close = [m for m in matches if m.chaos <= cleanest + CHAOS_TIE]
    chosen = min(close, key=lambda m: CHINESE_ENCODINGS.index(m.encoding))
    return str(chosen), codecs.lookup(chosen.encoding).name


def _detect_any(data: bytes) -> tuple[str, str] | None:
    """The text of bytes in no encoding of Chinese documents: any encoding charset-normalizer knows."""
    best = charset_normalizer.from_bytes(data).best()
    return None if best is None else (str(best), codecs.lookup(best.encoding).name)


def _looks_like_text(text: str) -> bool:
    """Few control characters: NUL at most MAX_CONTROL_SHARE of the text (a short line with
    one is binary); the others a handful anywhere (a stray ESC in a short note), else at
    most MAX_CONTROL_SHARE."""
    if text.count("\x00") > MAX_CONTROL_SHARE * len(text):
        return False
    controls = sum(1 for _ in CONTROL_CHARACTERS.finditer(text))
    return controls <= max(FEW_CONTROLS, MAX_CONTROL_SHARE * len(text))


def _universal_newlines(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _mb(n: int) -> str:
    """A size as people read it: 52428800 → '50 MB', 11000 → '10.7 KB'."""
    for unit, size in (("MB", 1024 * 1024), ("KB", 1024)):
        if n >= size:
            return f"{n / size:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} 字节"


def _one_line(path: str) -> str:
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in path)
