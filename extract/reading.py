"""Reading documents: the bytes of a file (or standard input) → the text the extractor sees.

Chinese government files come as UTF-8 (with or without a byte-order mark), GBK/GB18030
or UTF-16. The encoding is detected, not guessed:

1. a known binary signature (PDF, PNG, Word, zip ...) is refused at once;
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
import os
import re
import sys
from typing import TYPE_CHECKING, BinaryIO, Iterable

import charset_normalizer

if TYPE_CHECKING:
    import datetime

    import pandas as pd

__all__ = ["ExtractError", "ReadError", "MAX_BYTES", "STDIN", "read_text", "decode", "doc_name",
           "figures_from_files"]

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

#: Signatures of binary formats people mistake for text, with the name shown in the error.
#: Sources: the formats' own specifications (file(1)'s magic database lists the same bytes).
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF 文档"),
    (b"\x89PNG\r\n\x1a\n", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF87a", "GIF 图片"),
    (b"GIF89a", "GIF 图片"),
    (b"PK\x03\x04", "zip 压缩包或 Office 文档（docx/xlsx）"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "旧版 Office 文档（doc/xls）"),
    (b"\x1f\x8b", "gzip 压缩包"),
    (b"Rar!\x1a\x07", "rar 压缩包"),
    (b"7z\xbc\xaf\x27\x1c", "7z 压缩包"),
    (b"\x7fELF", "可执行程序"),
)

#: C0/C1 control characters that do not belong in text (tab, line ends, form feed, vertical
#: tab and the DOS end-of-file mark 0x1A are allowed).
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")

#: Share of disallowed control characters above which decoded bytes are not text.
MAX_CONTROL_SHARE = 0.01


class ExtractError(Exception):
    """Base of the errors the extract package raises on bad input."""


class ReadError(ExtractError):
    """A document that cannot be read as text. `str(err)` is one line: `PATH: 原因`."""

    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{_one_line(path)}: {reason}")


def read_text(path: str | os.PathLike[str], *, max_bytes: int | None = None,
              stdin: BinaryIO | None = None) -> str:
    """The text of the document at `path` (`-` reads standard input's bytes).

    Raises ReadError for a missing, unreadable, binary or too large file.
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
    return decode(data, name)


def doc_name(path: str | os.PathLike[str]) -> str:
    """The `doc` field of a figure: the file name without its folder (`<stdin>` for `-`)."""
    name = os.fspath(path)
    return "<stdin>" if name == STDIN else os.path.basename(name)


def figures_from_files(paths: Iterable[str | os.PathLike[str]],
                       date: datetime.date | str | None = None, *,
                       max_bytes: int | None = None) -> pd.DataFrame:
    """One figures table for many files, read and extracted one document at a time.

    `doc` is each file's name without its folder. The first file that cannot be read raises
    ReadError naming it (the command line reports such files and goes on instead).
    """
    from . import engine  # imported late: the engine does not need this module

    rows: list[dict] = []
    for path in paths:  # one document's text in memory at a time; only its figures are kept
        rows += engine.records(read_text(path, max_bytes=max_bytes), doc=doc_name(path), date=date)
    return engine.table(rows)


def decode(data: bytes, name: str = "<bytes>") -> str:
    """Decode a document's bytes (see the module docstring for the order of the checks)."""
    kind = _binary_kind(data)
    if kind:
        raise ReadError(name, f"不是文本文件（{kind}），请先另存为 .txt")
    text = _decode_bom(data, name)
    if text is None and b"\x00" not in data:  # NUL bytes mean UTF-16/32 or binary, never UTF-8 text
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = None
    if text is None:
        text = _detect(data)
        if text is None:
            raise ReadError(name, "不是文本文件（无法识别其编码），请确认是 UTF-8、GBK 或 UTF-16 文本")
    if not _looks_like_text(text):
        raise ReadError(name, "不是文本文件（含大量控制字符），请确认是 UTF-8、GBK 或 UTF-16 文本")
    return _universal_newlines(text)


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
    for signature, kind in BINARY_SIGNATURES:
        if data.startswith(signature):
            return kind
    # A bitmap's "BM" is also how an ordinary English line can begin: trust it only with its header size.
    if data.startswith(b"BM") and len(data) >= 14 and int.from_bytes(data[2:6], "little") == len(data):
        return "BMP 图片"
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


def _detect(data: bytes) -> str | None:
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
        best = charset_normalizer.from_bytes(data).best()
        return None if best is None else str(best)
    cleanest = min(m.chaos for m in matches)
    close = [m for m in matches if m.chaos <= cleanest + CHAOS_TIE]
    return str(min(close, key=lambda m: CHINESE_ENCODINGS.index(m.encoding)))


def _looks_like_text(text: str) -> bool:
    if "\x00" in text:
        return False
    controls = sum(1 for _ in CONTROL_CHARACTERS.finditer(text))
    return controls <= MAX_CONTROL_SHARE * len(text)


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
