"""tracker.bookfile, the one write path of targets.yaml: round trip, operations, safe saving."""
import os
import stat
from pathlib import Path

import pytest

import tracker
from tracker.bookfile import BookFile, CheckError, EditError

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "targets.yaml"

SMALL = """\
# 台账（注释要保留）
targets:
  - id: gdp   # 地区生产总值
    region: 昆山市
    indicator: 地区生产总值
    unit: 亿元
    target: {value: 6000, due: 2026}
    source: {doc: '会议: 纪要'}
    progress:
      - {date: 2023, value: 5140.6}
      - {date: 2025, value: 5600}

  - id: firms
    region: 昆山市
    indicator: 高新技术企业
    unit: 家
    target: {value: 4000, due: 2026}
    source:
      doc: 会议
    progress: []  # 暂无公开数据来源

  - id: old
    region: 昆山市
    indicator: 规上工业企业
    unit: 家
    target: {value: 3000, due: 2026}
    source: {doc: 会议}
"""


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "targets.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_a_round_trip_without_edits_changes_nothing():
    edit = BookFile.open(BUNDLED)
    for target_id in sorted(edit.ids()):
        edit._entry(target_id)                     # every entry through ruamel.yaml and back
    assert all(e.parsed is not None for e in edit.entries)
    assert edit.render() == BUNDLED.read_text(encoding="utf-8")


def test_an_observation_goes_in_date_order_in_the_style_of_its_neighbours(small):
    edit = BookFile.open(small)
    edit.add_observation("gdp", {"date": 2024, "value": 5380.17, "source": "公报", "quote": "完成地区生产总值5380.17亿元"})
    edit.save()
    text = small.read_text(encoding="utf-8")
    assert ("      - {date: 2023, value: 5140.6}\n"
            "      - {date: 2024, value: 5380.17, source: 公报, quote: 完成地区生产总值5380.17亿元}\n"
            "      - {date: 2025, value: 5600}\n") in text
    assert text.startswith("# 台账（注释要保留）\ntargets:\n  - id: gdp   # 地区生产总值\n")
    assert "source: {doc: '会议: 纪要'}" in text                      # quoting and flow style kept
    assert list(tracker.load(small).observations.query("target_id == 'gdp'")["value"]) == [5140.6, 5380.17, 5600]


def test_a_first_observation_replaces_the_note_that_there_is_none(small):
    edit = BookFile.open(small)
    edit.add_observation("firms", {"date": 2024, "value": 3300.0, "source": "公报", "quote": "高新技术企业3300家"})
    edit.save()
    text = small.read_text(encoding="utf-8")
    assert "暂无公开数据来源" not in text
    assert ("    progress:\n      - date: 2024\n        value: 3300\n        source: 公报\n"
            "        quote: 高新技术企业3300家\n\n  - id: old\n") in text            # the blank line stays


@pytest.mark.parametrize("operation, check", [
    (lambda e: e.add_target({"id": "new", "region": "苏州市", "indicator": "地区生产总值", "unit": "万亿元",
                             "target": {"value": 3, "due": 2026}, "source": {"doc": "会议"}}),
     lambda book, text: "new" in set(book.targets["id"]) and "    target: {value: 3, due: 2026}\n" in text),
    (lambda e: e.replace_target("gdp", {"target": {"value": 6500, "due": 2027}, "note": "目标上调"}),
     lambda book, text: book.targets.set_index("id").loc["gdp", "target"] == 6500
     and "    target: {value: 6500, due: 2027}\n" in text and "note: 目标上调" in text),
    (lambda e: e.delete_target("old"),
     lambda book, text: list(book.targets["id"]) == ["gdp", "firms"] and "规上工业企业" not in text),
], ids=["add-target", "replace-fields", "delete-target"])
def test_target_operations(small, operation, check):
    edit = BookFile.open(small)
    operation(edit)
    edit.save()
    book = tracker.load(small)
    assert book.problems == [] and check(book, small.read_text(encoding="utf-8"))


def test_save_keeps_a_backup_and_leaves_no_temporary_file(small):
    edit = BookFile.open(small)
    edit.delete_target("old")
    message = edit.save()
    assert "targets.yaml.bak" in message and "targets.log.jsonl" in message
    assert (small.parent / "targets.yaml.bak").read_text(encoding="utf-8") == SMALL
    # beside the file: its backup, its change log and the (empty) lock of saves; no temporary file
    assert sorted(p.name for p in small.parent.iterdir()) == [".targets.yaml.lock", "targets.log.jsonl", "targets.yaml",
                                                             "targets.yaml.bak"]


def _changed(path):
    path.write_text(SMALL + "\n# 别人刚加的一行\n", encoding="utf-8")


def _read_only(path):
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)


def _vanished(path):
    path.unlink()


@pytest.mark.parametrize("meanwhile, message", [
    (_changed, "读取后文件已被修改"),
    (_read_only, "只读"),
    (_vanished, "文件已不存在"),
], ids=["changed-since-read", "read-only", "vanished"])
def test_save_refuses_and_loses_nothing(small, meanwhile, message):
    edit = BookFile.open(small)
    edit.add_observation("gdp", {"date": 2024, "value": 5380.17})
    meanwhile(small)
    before = small.read_bytes() if small.exists() else None
    with pytest.raises(EditError, match=message):
        edit.save()
    assert (small.read_bytes() if small.exists() else None) == before
    assert not (small.parent / "targets.yaml.bak").exists()
    if small.exists():
        small.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_an_edit_that_breaks_the_check_is_not_written(small):
    edit = BookFile.open(small)
    edit.replace_target("gdp", {"unit": "亿块钱"})
    with pytest.raises(CheckError, match="未写入.*亿块钱") as refused:
        edit.save()
    assert [(p.target_id, p.field) for p in refused.value.problems] == [("gdp", "unit")]
    assert small.read_text(encoding="utf-8") == SMALL
    assert sorted(p.name for p in small.parent.iterdir()) == ["targets.yaml"]


@pytest.mark.parametrize("content, message", [
    (None, "不存在"),
    ("targets:\n  - id: [oops\n", "无法解析"),
    ("settings: {}\n", "没有 targets"),
    (b"\xff\xfe\x00bad", "UTF-8"),
], ids=["missing", "broken-yaml", "no-targets", "not-utf8"])
def test_open_refuses_what_it_cannot_edit(tmp_path, content, message):
    path = tmp_path / "targets.yaml"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(EditError, match=message):
        BookFile.open(path)


@pytest.mark.parametrize("call, message", [
    (lambda e: e.add_observation("nobody", {"date": 2024, "value": 1}), "没有编号为 nobody"),
    (lambda e: e.add_target({"id": "gdp", "region": "昆山市"}), "已有编号为 gdp"),
    (lambda e: e.replace_target("firms", {"id": "gdp"}), "已有编号为 gdp"),
    (lambda e: e.delete_target("nobody"), "没有编号为 nobody"),
], ids=["unknown-target", "duplicate-id", "rename-to-taken-id", "delete-unknown"])
def test_operations_refuse_with_a_reason(small, call, message):
    with pytest.raises(EditError, match=message):
        call(BookFile.open(small))


def test_nothing_to_save_writes_nothing(small):
    assert "没有需要写入的修改" in BookFile.open(small).save()
    assert not (small.parent / "targets.yaml.bak").exists()


def test_the_book_of_an_open_file_names_the_file(tmp_path):
    path = tmp_path / "targets.yaml"
    path.write_text(SMALL + "  - id: bad\n    region: 昆山市\n", encoding="utf-8")
    book = BookFile.open(path).book
    assert book.problems and all(p.file == str(path) for p in book.problems)
    assert os.fspath(path) == book.path


def test_one_open_file_saves_twice(small):
    edit = BookFile.open(small)
    edit.add_observation("gdp", {"date": 2024, "value": 5380.17})
    edit.save()
    edit.add_observation("firms", {"date": 2024, "value": 3300})
    edit.delete_target("old")
    edit.save()
    book = tracker.load(small)
    assert book.problems == [] and list(book.targets["id"]) == ["gdp", "firms"]
    assert sorted(book.observations["value"]) == [3300, 5140.6, 5380.17, 5600]


def test_a_long_observation_among_one_line_neighbours_takes_a_line_a_field(small):
    quote = "全市全年完成地区生产总值5380.17亿元，按可比价格计算，比上年增长6.1%。其中，第一产业增加值30.81亿元，增长2.6%"
    edit = BookFile.open(small)
    edit.add_observation("gdp", {"date": 2024, "value": 5380.17, "source": "2024年昆山市国民经济和社会发展统计公报", "quote": quote})
    edit.save()
    text = small.read_text(encoding="utf-8")
    assert ("      - {date: 2023, value: 5140.6}\n      - date: 2024\n        value: 5380.17\n") in text
    assert f"        quote: {quote}\n      - {{date: 2025, value: 5600}}\n" in text


@pytest.mark.parametrize("observation, field", [
    ({"date": "明年", "value": 1}, "progress[3].date"),
    ({"value": 1}, "progress[3].date"),
    ({"date": 2024, "value": "五千亿"}, "progress[2].value"),
], ids=["date-in-words", "no-date", "value-in-words"])
def test_an_unreadable_observation_is_refused_by_the_check_at_its_field(small, observation, field):
    edit = BookFile.open(small)
    edit.add_observation("gdp", observation)
    with pytest.raises(CheckError) as refused:
        edit.save()
    assert [(p.target_id, p.field) for p in refused.value.problems] == [("gdp", field)]
    assert small.read_text(encoding="utf-8") == SMALL
