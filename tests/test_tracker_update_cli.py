"""`python -m tracker update DOC...`: output formats, --unmatched, --apply and bad input."""
import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import tracker
from tracker.__main__ import main
from tracker.matching import FIELDS

ROOT = Path(__file__).resolve().parent.parent

BOOK = """\
# 注释
targets:
  - id: ks-gdp
    region: 昆山市
    indicator: 地区生产总值
    unit: 亿元
    target: {value: 6000, due: 2026}
    source: {doc: 会议}
    progress:
      - {date: 2023, value: 5140.6}
  - id: ks-output
    region: 昆山市
    indicator: 规上工业总产值
    unit: 万亿元
    target: {value: 1.3, due: 2026}
    source: {doc: 会议}
"""
BULLETIN = ("2024年昆山市国民经济和社会发展统计公报\n全市全年完成地区生产总值5400.5亿元，比上年增长6.0%。"
            "全年规模以上工业总产值12000.3亿元。2023年全市地区生产总值5150.0亿元。\n")


@pytest.fixture
def files(tmp_path):
    book, doc = tmp_path / "targets.yaml", tmp_path / "公报.txt"
    book.write_text(BOOK, encoding="utf-8")
    doc.write_text(BULLETIN, encoding="utf-8")
    return book, doc


def run(capsys, *argv):
    code = main(["update", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_jsonl_prints_exactly_the_fields_of_a_proposal(capsys, files):
    book, doc = files
    code, out, err = run(capsys, doc, "--targets", book, "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and all(list(r) == list(FIELDS) for r in rows)
    assert {(r["target"], r["date"], r["value"], r["period"], r["action"]) for r in rows} == {
        ("ks-gdp", "2024-12-31", 5400.5, "2024年", "add"),
        ("ks-output", "2024-12-31", 1.20003, "2024年", "add"),
        ("ks-gdp", "2023-12-31", 5150.0, "2023年", "conflict"),
    }
    text = doc.read_text(encoding="utf-8")
    assert all(text[r["start"]:r["end"]] in r["quote"] and r["quote"] in text and r["doc"] == "公报.txt" for r in rows)
    assert "共 3 条建议" in err


def test_table_is_for_people(capsys, files):
    book, doc = files
    code, out, err = run(capsys, doc, "--targets", book)
    assert code == 0
    assert out.splitlines()[0] == "== 公报.txt：3 条建议（新增 2，已有 0，冲突 1，存疑 0）=="
    assert out.splitlines()[1].split() == ["动作", "目标", "日期", "数值", "统计期", "理由"]
    assert "新增  ks-gdp" in out and "5400.5亿元" in out and "1.2万亿元" in out and "冲突  ks-gdp" in out
    assert "原文：全市全年完成地区生产总值5400.5亿元" in out


def test_unmatched_lists_the_figures_no_target_takes(capsys, files):
    book, doc = files
    code, out, err = run(capsys, doc, "--targets", book, "--unmatched")
    assert code == 0 and "6.0%" in out and "5400.5" not in out
    rows = [json.loads(l) for l in run(capsys, doc, "--targets", book, "--unmatched", "--format", "jsonl")[1].splitlines()]
    assert [r["text"] for r in rows] == ["6.0%"] and "台账中没有" in rows[0]["why"]


def test_apply_writes_the_additions_only_and_keeps_a_backup(capsys, files):
    book, doc = files
    code, out, err = run(capsys, doc, "--targets", book, "--apply")
    assert code == 0 and "已写入" in err and "1 条“冲突”或“存疑”的建议未写入" in err
    obs = tracker.load(book).observations
    assert sorted(zip(obs["target_id"], obs["value"])) == [("ks-gdp", 5140.6), ("ks-gdp", 5400.5), ("ks-output", 1.20003)]
    assert (book.parent / "targets.yaml.bak").read_text(encoding="utf-8") == BOOK
    text = book.read_text(encoding="utf-8")
    assert text.startswith("# 注释\n") and "quote: 全市全年完成地区生产总值5400.5亿元，比上年增长6.0%" in text
    assert "source: 2024年昆山市国民经济和社会发展统计公报（公报.txt）" in text
    # the same document again: everything is there already
    code, out, err = run(capsys, doc, "--targets", book, "--apply")
    assert code == 0 and "新增 0" in err and "没有需要写入的修改" in err


def test_sources_csv_beside_the_document_gives_title_date_and_address(capsys, tmp_path):
    book = tmp_path / "targets.yaml"
    # the year's planned output (a flow target of 2024): a half-year total is progress towards it
    book.write_text(BOOK.replace("target: {value: 1.3, due: 2026}", "type: flow\n    target: {value: 1.2, due: 2024}"),
                    encoding="utf-8")
    (tmp_path / "半年.txt").write_text("上半年经济运行\n上半年，全市规上工业总产值5530.8亿元。\n", encoding="utf-8")
    (tmp_path / "sources.csv").write_text("file,title,publisher,date,url\n半年.txt,2024年上半年昆山经济运行,昆山日报,"
                                          "2024-07-20,https://example.org/a\n", encoding="utf-8")
    code, out, err = run(capsys, tmp_path / "半年.txt", "--targets", book, "--apply")
    assert code == 0
    text = book.read_text(encoding="utf-8")
    assert "url: https://example.org/a" in text and "source: 2024年上半年昆山经济运行（半年.txt）" in text
    assert tracker.load(book).observations.query("target_id == 'ks-output'")["period"].tolist() == ["2024年1—6月"]


@pytest.mark.parametrize("make, message", [
    (lambda p: p.chmod(stat.S_IRUSR), "只读"),
    (lambda p: p.unlink(), "不存在"),
], ids=["read-only", "vanished"])
def test_apply_on_a_file_it_cannot_write_loses_nothing_and_says_why(capsys, files, make, message):
    book, doc = files
    make(book)
    code, out, err = run(capsys, doc, "--targets", book, "--apply")
    assert code == 1 and message in err
    if book.exists():
        assert book.read_text(encoding="utf-8") == BOOK
        book.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert not (book.parent / "targets.yaml.bak").exists()


def test_a_targets_file_with_problems_matches_its_valid_targets_and_names_the_skipped(capsys, files):
    book, doc = files
    book.write_text(BOOK + "  - id: broken\n    region: 昆山市\n    unit: 亿块钱\n", encoding="utf-8")
    code, out, err = run(capsys, doc, "--targets", book, "--format", "jsonl")
    assert code == 0 and len(out.splitlines()) == 3
    assert "跳过有问题的目标：broken" in err and "其余 2 个目标照常匹配" in err


@pytest.mark.parametrize("name, payload", [
    ("扫描件.txt", b"%PDF-1.4\n"),
    ("无此文件.txt", None),
], ids=["binary", "missing"])
def test_a_document_that_cannot_be_read_gets_the_extractors_error(capsys, files, name, payload):
    book, doc = files
    bad = book.parent / name
    if payload is not None:
        bad.write_bytes(payload)
    code, out, err = run(capsys, bad, doc, "--targets", book, "--format", "jsonl")
    assert code == 1 and f"错误：{bad}" in err
    assert len(out.splitlines()) == 3                        # the readable document still counts


@pytest.mark.parametrize("encoding", ["gbk", "utf-16"])
def test_documents_in_other_encodings(capsys, files, encoding):
    book, doc = files
    doc.write_bytes(BULLETIN.encode(encoding))
    assert len(run(capsys, doc, "--targets", book, "--format", "jsonl")[1].splitlines()) == 3


def test_bad_arguments_exit_2_in_chinese(capsys, files):
    with pytest.raises(SystemExit) as exit_:
        main(["update", str(files[1]), "--date", "2024-13-01"])
    assert exit_.value.code == 2 and "参数错误" in capsys.readouterr().err


def test_module_command_line_and_stdin(files):
    book, _ = files
    proc = subprocess.run([sys.executable, "-m", "tracker", "update", "-", "--targets", str(book), "--format", "jsonl"],
                          input=BULLETIN.encode("utf-8"), capture_output=True, cwd=ROOT)
    assert proc.returncode == 0
    assert [json.loads(l)["doc"] for l in proc.stdout.decode("utf-8").splitlines()] == ["<stdin>"] * 3


def test_an_html_page_is_read_as_its_visible_text(capsys, files):
    book, _ = files
    page = book.parent / "公报.html"
    page.write_text("<html><head><title>2024年昆山市国民经济和社会发展统计公报</title></head><body>"
                    "<h1>2024年昆山市国民经济和社会发展统计公报</h1><p>全市全年完成地区生产总值5400.5亿元。</p></body></html>",
                    encoding="utf-8")
    code, out, err = run(capsys, page, "--targets", book, "--format", "jsonl")
    assert [json.loads(l)["target"] for l in out.splitlines()] == ["ks-gdp"]
