"""Whole archives (extract/archive.py, `python -m extract DIR... --out figures.parquet`).

Behaviours: which files a walk reads (folders, zips, GBK names); bad input, each one error
row while every other file is processed; the two Parquet tables; --resume after a finished
or an interrupted run; the same table from worker processes and from a Dask cluster.
Documents are built here from text (tests/makedocs.py).
"""
import io
import os
import time
from pathlib import Path

import pandas as pd
import pytest

import extract
from extract import COLUMNS, archive
from extract import __main__ as cli

import makedocs

GOOD = "到2026年，全市地区生产总值突破6000亿元，高新技术企业达到3000家。"
GOOD_FIGURES = 2  # 6000亿元 and 3000家, as written above


def run_cli(capsys, args) -> tuple[int, str]:
    try:
        status = cli.main([str(a) for a in args])
    except SystemExit as exit_:
        status = exit_.code
    return status, capsys.readouterr().err


def tables(out: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    return pd.read_parquet(out), pd.read_parquet(archive.documents_path(out))


# --- walking ----------------------------------------------------------------------------------

def test_walk_reads_folders_and_zips_in_name_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "公报.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "style.css").write_text("p{}", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "说明").write_text(GOOD, encoding="utf-8")  # no extension: its content tells
    (tmp_path / "c.zip").write_bytes(makedocs.zip_bytes({"x/通知.docx": b"1", "x/图.jpg": b"2", "y.txt": b"3"}))
    count = archive.WalkCount()
    paths = [s.path for s in archive.walk([tmp_path], count)]
    root = str(tmp_path)
    assert paths == [f"{root}/a.txt", f"{root}/c.zip/x/通知.docx", f"{root}/c.zip/y.txt", f"{root}/说明",
                     f"{root}/b/公报.pdf"]
    assert count.skipped == 3  # style.css, logo.png, x/图.jpg


def test_named_files_are_read_whatever_their_extension(tmp_path):
    path = tmp_path / "logo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n")
    assert [s.path for s in archive.walk([path, tmp_path / "无此文件.txt"])] == [str(path), str(tmp_path / "无此文件.txt")]


def test_gbk_names_show_as_chinese(tmp_path):
    zipped = tmp_path / "公报.zip"
    zipped.write_bytes(makedocs.zip_bytes({"统计公报.txt": GOOD.encode()}, gbk_names=True))
    on_disk = os.path.join(os.fsencode(tmp_path), "工作报告.txt".encode("gbk"))
    with open(on_disk, "wb") as f:
        f.write(GOOD.encode("gbk"))
    paths = sorted(s.path for s in archive.walk([tmp_path]))
    assert paths == [f"{tmp_path}/公报.zip/统计公报.txt", f"{tmp_path}/工作报告.txt"]


# --- bad input: one error row each, everything else processed -----------------------------------

def _truncated_pdf(folder: Path) -> str:
    data = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa"
    (folder / "公报.pdf").write_bytes(data)
    return "公报.pdf"


def _zip_bomb(folder: Path) -> str:
    (folder / "附件.zip").write_bytes(makedocs.zip_bytes({"炸弹.txt": b"0" * (8 * 1024 * 1024)}))
    return "附件.zip/炸弹.txt"


def _renamed_txt(folder: Path) -> str:
    (folder / "通知.docx").write_text(GOOD, encoding="utf-8")
    return "通知.docx"


def _two_gigabytes(folder: Path) -> str:
    with open(folder / "大文件.txt", "wb") as f:  # sparse: takes no disk
        f.truncate(2 * 1024 ** 3)
    return "大文件.txt"


def _broken_link(folder: Path) -> str:
    (folder / "链接.txt").symlink_to(folder / "已删除.txt")
    return "链接.txt"


def _named_pipe(folder: Path) -> str:
    os.mkfifo(folder / "管道.txt")  # reading it would wait for a writer for ever
    return "管道.txt"


def _old_word(folder: Path) -> str:
    (folder / "通知.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048))
    return "通知.doc"


def _nested_zip(folder: Path) -> str:
    inner = makedocs.zip_bytes({"a.txt": GOOD.encode()})
    (folder / "外层.zip").write_bytes(makedocs.zip_bytes({"内层.zip": inner}))
    return "外层.zip/内层.zip"


def _encrypted_member(folder: Path) -> str:
    """A zip whose member carries the "encrypted" flag (as a password-protected zip does)."""
    data = bytearray(makedocs.zip_bytes({"密件.txt": GOOD.encode()}))
    for header, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(header)
        data[at + flags_at] |= 1
    (folder / "附件.zip").write_bytes(bytes(data))
    return "附件.zip/密件.txt"


def _bad_crc_member(folder: Path) -> str:
    """A stored (uncompressed) member with one byte changed after its checksum was taken."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as z:
        z.writestr("坏.txt", GOOD * 20)
    data = bytearray(buffer.getvalue())
    data[data.find(GOOD.encode()) + 30] ^= 0x55
    (folder / "附件.zip").write_bytes(bytes(data))
    return "附件.zip/坏.txt"


def _truncated_docx(folder: Path) -> str:
    data = makedocs.docx_bytes([GOOD] * 20)
    (folder / "通知.docx").write_bytes(data[: len(data) // 2])
    return "通知.docx"


#: (what makes the bad file and returns its path under the folder, words of its error).
BAD_INPUT = [
    pytest.param(_truncated_pdf, "PDF 文件已损坏", id="truncated-pdf"),
    pytest.param(_zip_bomb, "压缩炸弹", id="zip-bomb"),
    pytest.param(_renamed_txt, "扩展名是 .docx", id="docx-that-is-a-renamed-txt"),
    pytest.param(_two_gigabytes, "文件过大", id="two-gigabyte-file"),
    pytest.param(_broken_link, "文件不存在", id="unreadable-broken-link"),
    pytest.param(_named_pipe, "不是普通文件", id="unreadable-named-pipe"),
    pytest.param(_old_word, "另存为 .docx", id="old-word-document"),
    pytest.param(_nested_zip, "压缩包中的压缩包", id="zip-inside-a-zip"),
    # Found by blind test M: these said zipfile's English ("File <ZipInfo ...> is encrypted,
    # password required for extraction", "Bad CRC-32 for file", "File is not a zip file").
    pytest.param(_encrypted_member, "设了密码", id="password-protected-member"),
    pytest.param(_bad_crc_member, "校验失败", id="member-with-a-bad-checksum"),
    pytest.param(_truncated_docx, "不完整", id="docx-cut-off"),
]


@pytest.mark.parametrize("make, reason", BAD_INPUT)
def test_bad_input_is_one_error_row(capsys, tmp_path, make, reason):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "z.txt").write_text(GOOD, encoding="gbk")
    bad = str(folder / make(folder))
    out = tmp_path / "out" / "figures.parquet"
    status, err = run_cli(capsys, [folder, "--out", out, "--jobs", "2", "--timeout", "60"])
    figures, documents = tables(out)
    assert status == 1
    errors = documents[documents["error"].notna()]
    assert errors["path"].tolist() == [bad]
    assert reason in errors["error"].iloc[0]
    assert f"{bad}: " in err and reason in err
    good = documents[documents["error"].isna()]
    assert sorted(good["doc"]) == ["a.txt", "z.txt"] and set(good["figures"]) == {GOOD_FIGURES}
    assert sorted(figures["doc"]) == ["a.txt"] * GOOD_FIGURES + ["z.txt"] * GOOD_FIGURES


def test_gbk_file_name_is_read_and_shown_in_chinese(capsys, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), "工作报告.txt".encode("gbk")), "wb") as f:
        f.write(GOOD.encode("gbk"))
    out = tmp_path / "figures.parquet"
    status, _ = run_cli(capsys, [folder, "--out", out, "--jobs", "1"])
    figures, documents = tables(out)
    assert status == 0
    assert documents[["doc", "encoding", "figures"]].values.tolist() == [["工作报告.txt", "gb18030", GOOD_FIGURES]]
    assert set(figures["path"]) == {f"{folder}/工作报告.txt"}


def _hang_or_crash(text, *args, **kwargs):
    """The engine, except that it hangs on 卡住 and kills its process on 崩溃."""
    if "卡住" in text:
        time.sleep(3600)
    if "崩溃" in text:
        os._exit(9)
    return _real_records(text, *args, **kwargs)


_real_records = extract.engine.records


@pytest.mark.parametrize("text, reason", [
    ("卡住：地区生产总值6000亿元。", "处理超时"),
    ("崩溃：地区生产总值6000亿元。", "处理进程意外退出"),
], ids=["hanging-document-times-out", "crashing-worker-is-replaced"])
def test_a_hanging_or_crashing_document_costs_only_itself(capsys, tmp_path, monkeypatch, text, reason):
    monkeypatch.setattr(extract.engine, "records", _hang_or_crash)  # workers are forked: they inherit it
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("a.txt", "c.txt", "d.txt"):
        (folder / name).write_text(GOOD, encoding="utf-8")
    (folder / "b.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "figures.parquet"
    started = time.monotonic()
    status, _ = run_cli(capsys, [folder, "--out", out, "--jobs", "2", "--timeout", "2"])
    assert time.monotonic() - started < 60
    _, documents = tables(out)
    assert status == 1
    assert documents["doc"].tolist() == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert documents["error"].notna().tolist() == [False, True, False, False]
    assert reason in documents["error"].iloc[1]


@pytest.mark.parametrize("sizes, most, expected", [
    ([10] * 5, 100, [2, 2, 1]),
    ([60, 60, 10, 10], 100, [2, 2]),
    ([500, 10, 10], 100, [1, 2]),
    ([None, None, None], 100, [2, 1]),
    ([], 100, []),
], ids=["by-count", "closed-at-the-byte-budget", "large-file-alone", "unknown-sizes-count-nothing", "nothing"])
def test_batches(sizes, most, expected):
    sources = [archive.Source(str(i), str(i), None, size) for i, size in enumerate(sizes)]
    batches = list(archive._batches(sources, 2, most))
    assert [len(b) for b in batches] == expected
    assert [s for b in batches for s in b] == sources


# --- the two tables, --resume ---------------------------------------------------------------------

def _folder(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir(exist_ok=True)
    for i in range(count):
        (folder / f"{i:02d}.txt").write_text(f"第{i}号文件。" + GOOD, encoding="utf-8")
    return folder


def test_the_two_tables(capsys, tmp_path):
    folder = _folder(tmp_path, 2)
    (folder / "page.html").write_text(makedocs.html_page([GOOD], title="实施意见", date="2024-02-17"), encoding="utf-8")
    out = tmp_path / "figures.parquet"
    status, err = run_cli(capsys, [folder, "--out", out])
    figures, documents = tables(out)
    assert status == 0
    assert list(figures.columns) == [*COLUMNS, "path"]
    assert list(documents.columns) == archive.DOCUMENT_COLUMNS
    page = documents.set_index("doc").loc["page.html"]
    assert (page["format"], page["encoding"], page["title"], str(page["date"])) == ("html", "utf-8", "实施意见", "2024-02-17")
    assert documents["figures"].tolist() == [GOOD_FIGURES] * 3 == figures.groupby("path").size().tolist()
    assert "共 3 个文件：成功 3 个，出错 0 个" in err


def test_resume_does_only_what_is_new(capsys, tmp_path):
    folder = _folder(tmp_path, 3)
    out = tmp_path / "figures.parquet"
    run_cli(capsys, [folder, "--out", out, "--jobs", "1"])
    (folder / "03.txt").write_text("第3号文件。" + GOOD, encoding="utf-8")
    status, err = run_cli(capsys, [folder, "--out", out, "--jobs", "1", "--resume"])
    figures, documents = tables(out)
    assert status == 0
    assert "共 1 个文件" in err and "此前已处理 3 个" in err
    assert documents["doc"].tolist() == ["00.txt", "01.txt", "02.txt", "03.txt"]
    assert len(figures) == 4 * GOOD_FIGURES


def test_resume_after_an_interrupted_run(capsys, tmp_path):
    folder = _folder(tmp_path, 3)
    out = tmp_path / "figures.parquet"
    sink = archive.ParquetSink(out)  # a run that wrote one part and was killed before its end
    for source in list(archive.walk([folder]))[:2]:
        sink.add(archive.process(source))
    sink.flush()
    assert not out.exists()
    status, err = run_cli(capsys, [folder, "--out", out, "--jobs", "1", "--resume"])
    figures, documents = tables(out)
    assert (status, "此前已处理 2 个" in err) == (0, True)
    assert documents["doc"].tolist() == ["00.txt", "01.txt", "02.txt"]
    assert len(figures) == 3 * GOOD_FIGURES
    assert not (tmp_path / "figures.parquet.parts").exists()


def test_a_new_run_replaces_the_old_output(capsys, tmp_path):
    folder = _folder(tmp_path, 2)
    out = tmp_path / "figures.parquet"
    run_cli(capsys, [folder, "--out", out])
    run_cli(capsys, [folder, "--out", out])
    assert len(tables(out)[1]) == 2


def test_parts_are_joined_in_order(tmp_path):
    folder = _folder(tmp_path, 5)
    out = tmp_path / "figures.parquet"
    sink = archive.ParquetSink(out, part_documents=2)
    for source in archive.walk([folder]):
        sink.add(archive.process(source))
    sink.close()
    figures, documents = tables(out)
    assert documents["doc"].tolist() == [f"{i:02d}.txt" for i in range(5)]
    assert figures["doc"].tolist() == [f"{i:02d}.txt" for i in range(5) for _ in range(GOOD_FIGURES)]


# --- the command line -----------------------------------------------------------------------------

@pytest.mark.parametrize("args, message", [
    (["a.txt", "--jobs", "2"], "--jobs 只用于 --out"),
    (["a.txt", "--resume"], "--resume 只用于 --out"),
    (["a.txt", "--out", "f.parquet", "--jobs", "0"], "应为正整数"),
    (["a.txt", "--out", "f.parquet", "--timeout", "soon"], "应为正数（单位：秒）"),
], ids=["jobs-without-out", "resume-without-out", "zero-jobs", "timeout-not-a-number"])
def test_batch_arguments(capsys, args, message):
    status, err = run_cli(capsys, args)
    assert status == 2 and message in err


def test_folders_and_zips_print_too(capsys, tmp_path):
    folder = _folder(tmp_path, 1)
    (folder / "b.zip").write_bytes(makedocs.zip_bytes({"内.txt": GOOD.encode()}))
    status = cli.main([str(folder), "--format", "csv"])
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert status == 0
    assert table["doc"].tolist() == ["00.txt"] * GOOD_FIGURES + ["内.txt"] * GOOD_FIGURES


def test_one_progress_bar_on_a_terminal(tmp_path):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    folder = _folder(tmp_path, 3)
    err = Terminal()
    status = cli.run_archive([str(folder)], str(tmp_path / "figures.parquet"), jobs=1, err=err)
    shown = err.getvalue()
    assert status == 0
    assert "提取" in shown and "3个文件" in shown.replace(" ", "")


# --- Dask ---------------------------------------------------------------------------------------

def test_dask_cluster_gives_the_same_tables_as_worker_processes(capsys, tmp_path):
    distributed = pytest.importorskip("distributed")
    folder = _folder(tmp_path, 6)
    (folder / "plan.docx").write_bytes(makedocs.docx_bytes([GOOD, "规上工业总产值超1.3万亿元。"]))
    (folder / "bad.pdf").write_bytes(b"%PDF-1.4\nbroken")
    (folder / "more.zip").write_bytes(makedocs.zip_bytes({"内.txt": GOOD.encode()}))
    local = tmp_path / "local.parquet"
    assert run_cli(capsys, [folder, "--out", local, "--jobs", "1"])[0] == 1
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = tmp_path / "dask.parquet"
        status, _ = run_cli(capsys, [folder, "--out", remote, "--scheduler", cluster.scheduler_address])
        with distributed.Client(cluster) as client:
            workers = {w["id"] for w in client.scheduler_info()["workers"].values()}
    assert status == 1 and len(workers) == 2
    for mine, theirs in zip(tables(local), tables(remote)):
        pd.testing.assert_frame_equal(mine, theirs)
    assert len(tables(remote)[1]) == 9
