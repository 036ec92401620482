"""The change log beside targets.yaml (tracker/changelog.py) and what BookFile does with it:
one line per changed target, restore through the same write path, the check before writing,
the file changed meanwhile, and one save at a time."""
import datetime as dt
import json

import filelock
import pytest

import tracker
from tracker import bookfile, changelog
from tracker.bookfile import BookFile, CheckError, EditError, StaleError

SMALL = """\
targets:
  - id: gdp   # 地区生产总值
    region: 昆山市
    indicator: 地区生产总值
    unit: 亿元
    baseline: {value: 5000, date: 2023}
    target: {value: 6000, due: 2026}
    source: {doc: 会议, date: 2024-02-17}
    progress:
      - {date: 2023, value: 5140.6}

  - id: firms
    region: 昆山市
    indicator: 高新技术企业
    unit: 家
    target: {value: 4000, due: 2026}
    source: {doc: 会议}
"""
# The entries of SMALL as plain values (written out by hand from the text above).
GDP = {"id": "gdp", "region": "昆山市", "indicator": "地区生产总值", "unit": "亿元",
       "baseline": {"value": 5000, "date": 2023}, "target": {"value": 6000, "due": 2026},
       "source": {"doc": "会议", "date": "2024-02-17"}, "progress": [{"date": 2023, "value": 5140.6}]}
FIRMS = {"id": "firms", "region": "昆山市", "indicator": "高新技术企业", "unit": "家",
         "target": {"value": 4000, "due": 2026}, "source": {"doc": "会议"}}
NEW = {"id": "sz-gdp", "region": "苏州市", "indicator": "地区生产总值", "unit": "万亿元",
       "target": {"value": 3, "due": 2026}, "source": {"doc": "会议"}}


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "targets.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def log_lines(path) -> list[dict]:
    return [json.loads(line) for line in (path.parent / "targets.log.jsonl").read_text(encoding="utf-8").splitlines()]


# (id, operation, target, action, before, after)
OPERATIONS = [
    ("observation", lambda e: e.add_observation("gdp", {"date": 2024, "value": 5380.17, "source": "公报"}),
     "gdp", "observation", GDP,
     {**GDP, "progress": [{"date": 2023, "value": 5140.6}, {"date": 2024, "value": 5380.17, "source": "公报"}]}),
    ("edit", lambda e: e.replace_target("firms", {"target": {"value": 4500, "due": 2027}, "department": "科技局"}),
     "firms", "edit", FIRMS, {**FIRMS, "target": {"value": 4500, "due": 2027}, "department": "科技局"}),
    ("add", lambda e: e.add_target(NEW), "sz-gdp", "add", None, NEW),
    ("delete", lambda e: e.delete_target("gdp"), "gdp", "delete", GDP, None),
]


@pytest.mark.parametrize("operation, target, action, before, after", [c[1:] for c in OPERATIONS],
                         ids=[c[0] for c in OPERATIONS])
def test_each_save_logs_who_when_which_target_before_and_after(small, operation, target, action, before, after):
    edit = BookFile.open(small)
    operation(edit)
    started = dt.datetime.now().astimezone().replace(microsecond=0)
    edit.save(user="张三")
    [line] = log_lines(small)
    assert (line["user"], line["target"], line["action"]) == ("张三", target, action)
    assert line["before"] == before and line["after"] == after
    assert started <= dt.datetime.fromisoformat(line["time"]) <= dt.datetime.now().astimezone()


def test_a_command_without_a_user_logs_the_account_running_it(small, monkeypatch):
    monkeypatch.setattr(bookfile.getpass, "getuser", lambda: "ops")
    edit = BookFile.open(small)
    edit.add_observation("gdp", {"date": 2024, "value": 5380.17})
    edit.save()
    assert log_lines(small)[0]["user"] == "ops（命令行）"


def test_one_save_of_two_targets_is_two_lines_of_one_save(small):
    edit = BookFile.open(small)
    edit.add_observation("gdp", {"date": 2024, "value": 5380.17})
    edit.add_observation("gdp", {"date": 2025, "value": 5600})
    edit.replace_target("firms", {"note": "备注"})
    edit.save(user="李四")
    first, second = log_lines(small)
    assert (first["target"], first["action"], len(first["after"]["progress"])) == ("gdp", "observation", 3)
    assert "2024 = 5380.17" in first["summary"] and "2025 = 5600" in first["summary"]
    assert (second["target"], second["action"], second["after"]["note"]) == ("firms", "edit", "备注")
    assert first["save"] == second["save"]


def test_a_target_added_and_deleted_before_saving_leaves_no_line(small):
    edit = BookFile.open(small)
    edit.add_target(NEW)
    edit.add_observation("gdp", {"date": 2024, "value": 5380.17})
    edit.save(user="张三")
    edit.delete_target("sz-gdp")
    edit.save(user="张三")
    assert [(l["target"], l["action"]) for l in log_lines(small)] == [("sz-gdp", "add"), ("gdp", "observation"),
                                                                        ("sz-gdp", "delete")]


def _targets(path) -> dict:
    """Each target of the file as plain values, read with PyYAML (not with the code under test)."""
    import yaml
    return {t["id"]: changelog.plain(t) for t in yaml.safe_load(path.read_text(encoding="utf-8"))["targets"]}


@pytest.mark.parametrize("operation", [c[1] for c in OPERATIONS], ids=[c[0] for c in OPERATIONS])
def test_restore_puts_the_target_back_and_is_logged(small, operation):
    original = _targets(small)
    edit = BookFile.open(small)
    operation(edit)
    edit.save(user="张三")
    [change], _ = changelog.read(small)
    again = BookFile.open(small)
    again.restore(change)
    again.save(user="王五")
    assert _targets(small) == original
    assert tracker.load(small).problems == []
    restored = log_lines(small)[-1]
    assert (restored["user"], restored["action"], restored["target"]) == ("王五", "restore", change.target)
    assert restored["before"] == change.after and restored["after"] == change.before
    assert "张三" in restored["summary"] and "之前的版本" in restored["summary"]


def test_restore_of_a_target_as_it_is_refuses(small):
    edit = BookFile.open(small)
    edit.replace_target("firms", {"note": "备注"})
    edit.save(user="张三")
    [change], _ = changelog.read(small)
    undo = BookFile.open(small)
    undo.restore(change)
    undo.save(user="张三")
    with pytest.raises(EditError, match="无需恢复"):
        BookFile.open(small).restore(change)


def test_restore_keeps_the_comments_of_fields_it_does_not_change(small):
    edit = BookFile.open(small)
    edit.replace_target("gdp", {"note": "上调"})
    edit.save(user="张三")
    undo = BookFile.open(small)
    undo.restore(changelog.read(small)[0][0])
    undo.save(user="张三")
    assert "  - id: gdp   # 地区生产总值\n" in small.read_text(encoding="utf-8")
    assert "source: {doc: 会议, date: 2024-02-17}" in small.read_text(encoding="utf-8")   # a date again, not '2024-02-17'


def test_check_lists_new_problems_by_field_and_writes_nothing(small):
    edit = BookFile.open(small)
    edit.replace_target("firms", {"unit": "亿块钱", "target": {"value": "四千", "due": 2026}})
    found = {(p.target_id, p.field) for p in edit.check()}
    assert found == {("firms", "unit"), ("firms", "target.value")}
    with pytest.raises(CheckError):
        edit.save(user="张三")
    assert small.read_text(encoding="utf-8") == SMALL
    assert not (small.parent / "targets.log.jsonl").exists()


def test_problems_that_were_there_before_do_not_stop_a_save(tmp_path):
    path = tmp_path / "targets.yaml"
    path.write_text(SMALL + "  - id: broken\n    region: 昆山市\n", encoding="utf-8")
    edit = BookFile.open(path)
    edit.add_observation("gdp", {"date": 2024, "value": 5380.17})
    assert edit.check() == []
    edit.save(user="张三")


# (id, what someone else did, the line that says so)
MEANWHILE = [
    ("added", lambda t: t + "\n  - id: new\n    region: 苏州市\n    indicator: 地区生产总值\n    unit: 万亿元\n"
                           "    target: {value: 3, due: 2026}\n    source: {doc: 会议}\n", "新增目标 new"),
    ("deleted", lambda t: t[:t.index("\n  - id: firms")] + "\n", "删除了目标 firms"),
    ("field changed", lambda t: t.replace("value: 4000", "value: 4500"), "修改了目标 firms 的 target"),
    ("comment changed", lambda t: t.replace("# 地区生产总值", "# GDP"), "修改了目标 gdp（注释或格式）"),
    ("settings added", lambda t: "settings: {on_track: 0.9}\n" + t, "目标以外的内容（设置、注释）有改动"),
]


@pytest.mark.parametrize("change, says", [c[1:] for c in MEANWHILE], ids=[c[0] for c in MEANWHILE])
def test_a_file_changed_since_it_was_read_is_refused_with_what_changed(small, change, says):
    opened = small.read_bytes()
    small.write_text(change(SMALL), encoding="utf-8")
    current = small.read_bytes()
    edit = BookFile.from_bytes(small, opened)
    edit.add_observation("gdp", {"date": 2024, "value": 5380.17})
    with pytest.raises(StaleError) as refused:
        edit.save(user="张三")
    assert refused.value.differences == [says]
    assert small.read_bytes() == current
    assert not (small.parent / "targets.log.jsonl").exists()


def test_a_save_waits_for_another_and_gives_up_with_a_reason(small, monkeypatch):
    monkeypatch.setattr(bookfile, "LOCK_TIMEOUT", 0.2)
    edit = BookFile.open(small)
    edit.add_observation("gdp", {"date": 2024, "value": 5380.17})
    with filelock.FileLock(small.parent / ".targets.yaml.lock"):
        with pytest.raises(EditError, match="另一处正在保存"):
            edit.save(user="张三")
    assert small.read_text(encoding="utf-8") == SMALL
    edit.save(user="张三")                              # the lock released: the same edit goes in
    assert "5380.17" in small.read_text(encoding="utf-8")


def test_reading_the_log_skips_damaged_lines(small):
    edit = BookFile.open(small)
    edit.replace_target("firms", {"note": "备注"})
    edit.save(user="张三")
    with open(small.parent / "targets.log.jsonl", "a", encoding="utf-8") as handle:
        handle.write('{"time": "2026-01-01T00:00:00+08:00", "user": "半行\n[1, 2]\n\n')
    changes, bad = changelog.read(small)
    assert [c.target for c in changes] == ["firms"] and bad == 2


def test_a_missing_log_is_empty(tmp_path):
    assert changelog.read(tmp_path / "targets.yaml") == ([], 0)


@pytest.mark.parametrize("name, log", [
    ("targets.yaml", "targets.log.jsonl"),
    ("台账.yaml", "台账.log.jsonl"),
    ("book.yml", "book.log.jsonl"),
], ids=["targets", "chinese-name", "yml"])
def test_the_log_sits_beside_its_file(tmp_path, name, log):
    assert changelog.log_path(tmp_path / name) == tmp_path / log


PLAIN = [
    ("date", {"date": dt.date(2024, 2, 17)}, {"date": "2024-02-17"}),
    ("year", {"date": 2024}, {"date": 2024}),
    ("year-month stays text", {"date": "2023-09"}, {"date": "2023-09"}),
    ("float as written", {"value": 5380.17}, {"value": 5380.17}),
    ("nested", {"target": {"value": 6000.0, "due": dt.date(2026, 6, 30)}}, {"target": {"value": 6000, "due": "2026-06-30"}}),
    ("a quote that looks like a date stays text", {"quote": "2024-02-17"}, {"quote": "2024-02-17"}),
]


@pytest.mark.parametrize("value, expected", [c[1:] for c in PLAIN], ids=[c[0] for c in PLAIN])
def test_entries_are_plain_json_and_back(value, expected):
    assert changelog.plain(value) == expected
    assert json.loads(json.dumps(expected)) == expected
    back = changelog.to_yaml_values(expected)
    assert changelog.plain(back) == expected
    if "date" in value and isinstance(value["date"], dt.date):
        assert back == value
