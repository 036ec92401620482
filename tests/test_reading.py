"""Reading documents (extract/reading.py): encodings detected, binary and missing files refused.

Cases are the real documents of ../shared/corpus and real sentences from them, written to
temporary files in each encoding Chinese government files come in.
"""
import codecs
import io
import zlib
from pathlib import Path

import pytest

import extract
from extract.reading import ReadError, decode, read_text

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DOCS = sorted(CORPUS.glob("*.txt"))


def _sentences_with_figures(path: Path) -> list[str]:
    """Sentences of a document that hold a digit, long enough to read as a sentence."""
    text = path.read_text(encoding="utf-8")
    out = []
    for piece in text.replace("\n", "。").split("。"):
        piece = piece.strip()
        if len(piece) >= 20 and any(ch.isdigit() for ch in piece):
            out.append(piece + "。")
    return out


def _first_sentence(path: Path) -> str:
    return _sentences_with_figures(path)[0]


#: How each encoding writes text: (id, codec, byte-order mark written before the text).
#: A UTF-8 mark is read as U+FEFF, as Python's open() reads it (offsets count it: FIGURES.md).
ENCODINGS = [
    ("utf-8", "utf-8", b""),
    ("utf-8-bom", "utf-8", codecs.BOM_UTF8),
    ("gb18030", "gb18030", b""),
    ("gbk", "gbk", b""),
    ("utf-16le-bom", "utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16be-bom", "utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-16le-no-bom", "utf-16-le", b""),
    ("utf-16be-no-bom", "utf-16-be", b""),
    ("utf-32-bom", "utf-32", b""),  # Python's utf-32 codec writes its own mark
]


def _encoding_cases():
    for enc_id, codec, bom in ENCODINGS:
        for doc in DOCS:
            for what, text in (("document", doc.read_text(encoding="utf-8")),
                               ("sentence", _first_sentence(doc))):
                case_id = f"{enc_id}-{doc.name[:3]}-{what}"
                try:
                    data = bom + text.encode(codec)
                except UnicodeEncodeError:  # GBK lacks a few characters (\u2003, \xa0) of some pages
                    continue
                as_read = "\ufeff" + text if bom == codecs.BOM_UTF8 else text
                yield pytest.param(data, as_read, id=case_id)


@pytest.mark.skipif(not DOCS, reason="../shared/corpus is not beside the repository")
@pytest.mark.parametrize("data, text", list(_encoding_cases()))
def test_encoding_is_detected(tmp_path, data, text):
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    assert read_text(path) == text


@pytest.mark.parametrize("data, text", [
    pytest.param("到2025年，地区生产总值突破6000亿元。".encode("gbk"), "到2025年，地区生产总值突破6000亿元。",
                 id="gbk-short-target"),
    pytest.param("全市規上工業總產值突破5萬億元。".encode("big5"), "全市規上工業總產值突破5萬億元。",
                 id="big5-traditional"),
    pytest.param("一行\r\n二行\r\n".encode("utf-8"), "一行\n二行\n", id="crlf-becomes-lf"),
    pytest.param("一行\r二行".encode("gbk"), "一行\n二行", id="cr-becomes-lf-gbk"),
    pytest.param(b"", "", id="empty"),
    pytest.param(codecs.BOM_UTF8, "\ufeff", id="utf8-bom-only-kept-as-open-reads-it"),
    pytest.param(codecs.BOM_UTF16_LE + "一".encode("utf-16-le"), "一", id="utf16-bom-consumed"),
    pytest.param("表格\t第1列\f".encode("utf-8"), "表格\t第1列\f", id="tab-and-form-feed-kept"),
], )
def test_decode(data, text):
    assert decode(data) == text


def _zip_bytes():
    return b"PK\x03\x04" + zlib.compress("规上工业总产值".encode() * 50)


#: Bytes that are not text, and a word the error must contain.
NOT_TEXT = [
    pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF", id="pdf"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG", id="png"),
    pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG", id="jpeg"),
    pytest.param(_zip_bytes(), "docx", id="zip-or-docx"),
    pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "doc/xls", id="old-word"),
    pytest.param(b"\x7fELF\x02\x01\x01" + bytes(100), "可执行程序", id="elf"),
    pytest.param(bytes(range(256)) * 20, "不是文本文件", id="all-bytes"),
    pytest.param(b"\x00" * 1000, "不是文本文件", id="nul-bytes"),
    pytest.param("第1行\x00第2行".encode("utf-8"), "不是文本文件", id="utf8-with-nul"),
    pytest.param(zlib.compress("规上工业总产值突破5万亿元".encode() * 200), "不是文本文件", id="compressed"),
]


@pytest.mark.parametrize("data, word", NOT_TEXT)
def test_binary_is_refused(tmp_path, data, word):
    path = tmp_path / "scan.txt"
    path.write_bytes(data)
    with pytest.raises(ReadError) as err:
        read_text(path)
    message = str(err.value)
    assert message.startswith(str(path) + ": ")
    assert word in message and "\n" not in message


@pytest.mark.parametrize("make, reason", [
    pytest.param(lambda tmp: tmp / "无此文件.txt", "文件不存在", id="missing"),
    pytest.param(lambda tmp: tmp, "文件夹", id="directory"),
    pytest.param(lambda tmp: tmp / "没有" / "a.txt", "文件不存在", id="missing-folder"),
])
def test_missing_or_folder_is_refused(tmp_path, make, reason):
    path = make(tmp_path)
    with pytest.raises(ReadError, match=reason) as err:
        read_text(path)
    assert err.value.path == str(path)


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    data = "增长7%。".encode() * 1000
    path.write_bytes(data)
    assert read_text(path, max_bytes=len(data)) == "增长7%。" * 1000
    with pytest.raises(ReadError, match="文件过大"):
        read_text(path, max_bytes=len(data) - 1)


@pytest.mark.parametrize("codec", ["utf-8", "gbk", "utf-16"])
def test_stdin_bytes(codec):
    text = "全市实现地区生产总值5000亿元,同比增长6.5%。\n"
    assert read_text("-", stdin=io.BytesIO(text.encode(codec))) == text


def test_stdin_size_limit():
    with pytest.raises(ReadError, match="<stdin>: 文件过大"):
        read_text("-", stdin=io.BytesIO(b"1" * 101), max_bytes=100)


def test_control_character_in_path_stays_one_line(tmp_path):
    with pytest.raises(ReadError) as err:
        read_text(tmp_path / "a\nb.txt")
    assert "\n" not in str(err.value)


@pytest.mark.skipif(not DOCS, reason="../shared/corpus is not beside the repository")
@pytest.mark.parametrize("codec, bom", [
    ("gb18030", b""), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-8", codecs.BOM_UTF8),
], ids=["gb18030", "utf-16le-bom", "utf-8-bom"])
def test_same_figures_whatever_the_encoding(tmp_path, codec, bom):
    """A document saved in another encoding (and with Windows line ends) gives the same figures."""
    originals, copies = [], []
    for doc in DOCS:
        copy = tmp_path / doc.name
        copy.write_bytes(bom + doc.read_text(encoding="utf-8").replace("\n", "\r\n").encode(codec))
        originals.append(doc)
        copies.append(copy)
    columns = ["doc", "text", "value", "category", "kind", "deadline"]
    expected = extract.figures_from_files(originals)
    got = extract.figures_from_files(copies)
    assert len(expected)
    assert got[columns].equals(expected[columns])
    for row in got.itertuples():  # offsets point into the text as read, whatever its encoding
        assert read_text(tmp_path / row.doc)[row.start:row.end] == row.text


# --- Files as staff receive them (blind test M): short GBK, damaged bytes, stray controls ----

#: Short GBK lines without a declaration: charset-normalizer alone took the first for Big5
#: ("崝酗5%ㄛ湛30模﹝"), losing 30家 and garbling the sentence.
@pytest.mark.parametrize("text", [
    pytest.param("增长5%，达30家。", id="gbk-growth-and-count"),
])
def test_short_gbk_line_is_gbk(text):
    assert decode(text.encode("gbk")) == text


_PARA = "全市上下坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。" * 5
_FIG = "2024年全市地区生产总值达到1000亿元，同比增长6.5%，新增高新技术企业120家。"


#: Text files with a few bytes that fit no encoding: read (each bad run becomes U+FFFD) with
#: a Chinese warning that says how many; before, the whole document was refused as binary.
@pytest.mark.parametrize("data, kept, bad, codec", [
    pytest.param((_PARA + _FIG).encode("gbk") * 3 + b"\xb5", (_PARA + _FIG) * 3, 1, "GBK",
                 id="gbk-cut-off-mid-character"),
    pytest.param((_PARA + _FIG).encode("gbk") + b"\x80\xff" + (_PARA * 3).encode("gbk"), _FIG, 2, "GBK",
                 id="gbk-two-bad-bytes"),
    pytest.param((_PARA + _FIG + _PARA).encode("utf-8") + b"\xff" + _PARA.encode("utf-8"), _FIG, 1, "UTF-8",
                 id="utf8-one-bad-byte"),
    pytest.param((_FIG * 20).encode("utf-8")[:-1], _FIG * 19, 1, "UTF-8", id="utf8-cut-off-mid-character"),
])
def test_damaged_text_is_read_with_a_warning(data, kept, bad, codec):
    document = extract.reading.parse_document(data, "通报.txt")
    assert kept in document.text
    assert document.text.count("\ufffd") == bad
    assert len(document.warnings) == 1
    assert f"有 {bad} 处" in document.warnings[0] and codec in document.warnings[0]


@pytest.mark.parametrize("data", [
    pytest.param("你好".encode("utf-8") + bytes(range(128, 256)) * 4, id="many-bad-bytes"),
    pytest.param(bytes(range(256)) * 4, id="all-bytes"),
])
def test_many_bad_bytes_still_refused(data):
    with pytest.raises(ReadError, match="不是文本文件"):
        extract.reading.parse_document(data, "a.txt")


#: Stray control characters: one NUL in a page of text (a damaged copy), one ESC or BEL in a
#: short note. Read as they are; before, refused as "含大量控制字符".
@pytest.mark.parametrize("text", [
    pytest.param(_PARA + "\x00" + _FIG + _PARA, id="one-nul-in-long-text"),
    pytest.param("增长\x1b6.5%，新增企业120家。", id="esc-in-short-note"),
    pytest.param("新增企业\x07120家，投资\x1b1000亿元。", id="bel-and-esc-in-short-note"),
])
def test_stray_control_character_is_kept(text):
    document = extract.reading.parse_document(text.encode("utf-8"), "a.txt")
    assert document.text == text and document.warnings == ()


def test_empty_file_warns(tmp_path):
    path = tmp_path / "通报.txt"
    path.write_bytes(b"")
    document = extract.reading.read_document(path)
    assert document.text == "" and any("文件是空的" in w for w in document.warnings)


@pytest.mark.parametrize("name", ["通报.docx", "通报.pdf", "通报.zip"])
def test_empty_binary_file_says_empty(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(ReadError, match="文件是空的"):
        read_text(path)
