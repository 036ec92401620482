"""Loading and checking targets.yaml: each kind of mistake is caught, located and explained,
and never hides the good entries."""
import textwrap

import pandas as pd
import pytest

import tracker
from tracker.loader import OBSERVATION_COLUMNS, TARGET_COLUMNS

GOOD = """\
  - id: good
    region: 昆山市
    indicator: 地区生产总值
    unit: 亿元
    baseline: {value: 5000, date: 2023}
    target: {value: 6000, due: 2026}
    source: {doc: 昆山会议, date: 2024-02-17}
    progress:
      - {date: 2024, value: 5250}
"""


def book_with(entry: str, good_first=True):
    """A file with one good entry and the entry under test (indented as a list item)."""
    entry = textwrap.indent(textwrap.dedent(entry), "  ")
    body = GOOD + entry if good_first else entry + GOOD
    return tracker.load("targets:\n" + body)


BAD = """\
- id: bad
  region: 苏州市
  indicator: 规上工业总产值
  unit: 万亿元
  target: {{value: 5, due: 2026}}
  source: {{doc: 苏州会议}}
{extra}"""

# (id, entry text, field named by the problem, a piece of the Chinese message, line of the problem)
CASES = [
    ("unknown field targt suggests target",
     "- id: bad\n  region: 苏州市\n  indicator: GDP\n  unit: 万亿元\n  targt: {value: 3, due: 2026}\n  source: {doc: x}\n",
     "targt", "是否应为 target", 15),
    ("missing required field indicator",
     "- id: bad\n  region: 苏州市\n  unit: 万亿元\n  target: {value: 3, due: 2026}\n  source: {doc: x}\n",
     "indicator", "缺少必填字段 indicator", 11),
    ("duplicate key region",
     BAD.format(extra="  region: 昆山市\n"), "region", "重复的字段 region（第 12 行已有）", 17),
    ("value with its unit is the wrong type",
     "- id: bad\n  region: 苏州市\n  indicator: GDP\n  unit: 亿元\n  target: {value: 3万亿, due: 2026}\n  source: {doc: x}\n",
     "target.value", "数值不要带单位", 15),
    ("tags as a mapping is the wrong type",
     BAD.format(extra="  tags: {a: 1}\n"), "tags", "标签应为列表", 17),
    ("unknown unit 亿圆 suggests 亿元",
     BAD.format(extra="").replace("万亿元", "亿圆"), "unit", "是否应为", 14),
    ("impossible date 2024-02-30",
     BAD.format(extra="").replace("{doc: 苏州会议}", "{doc: 苏州会议, date: 2024-02-30}"), "source", "日期不存在", 16),
    ("impossible month 2024-13",
     BAD.format(extra="").replace("due: 2026", "due: 2024-13"), "target.due", "月份不存在", 15),
    ("year out of range",
     BAD.format(extra="").replace("due: 2026", "due: 2200"), "target.due", "不合理", 15),
    ("target equal to its baseline",
     BAD.format(extra="  baseline: {value: 5, date: 2023}\n"), "target.value", "与基期值相同", 15),
    ("direction up but target below baseline",
     BAD.format(extra="  baseline: {value: 6, date: 2023}\n"), "direction", "低于基期", 11),
    ("direction down but target above baseline",
     BAD.format(extra="  baseline: {value: 4, date: 2023}\n  direction: down\n"), "direction", "高于基期", 18),
    ("ceiling qualifier 以内 with direction up",
     BAD.format(extra="  qualifier: 以内\n"), "qualifier", "与 direction: up 矛盾", 17),
    ("unknown type",
     BAD.format(extra="  type: 总额\n"), "type", "未知目标类型", 17),
    ("rate target in 亿元 is the wrong unit for its type",
     BAD.format(extra="  type: rate\n").replace("万亿元", "亿元"), "unit", "单位应属于", 14),
    ("increment below zero",
     BAD.format(extra="  type: increment\n").replace("value: 5,", "value: -5,"), "target.value", "新增量应为正数", 15),
    ("due before baseline",
     BAD.format(extra="  baseline: {value: 4, date: 2027}\n"), "target.due", "应晚于基期", 15),
    ("duplicate id",
     "- id: good\n  region: 苏州市\n  indicator: GDP\n  unit: 万亿元\n  target: {value: 3, due: 2026}\n  source: {doc: x}\n",
     "id", "编号 good 重复（第 2 行已用）", 11),
    ("id with a space",
     BAD.format(extra="").replace("id: bad", "id: bad one"), "id", "编号不能含空格", 11),
    ("url without http",
     BAD.format(extra="").replace("{doc: 苏州会议}", "{doc: 苏州会议, url: www.gov.cn}"), "source.url", "http", 16),
    ("a target that is a list, not a mapping",
     "- [1, 2]\n", "-", "应为键值表", 11),
    ("YAML syntax error in one entry (bad indentation)",
     "- id: bad\n  region: 苏州市\n   indicator: GDP\n  unit: 万亿元\n", "-", "YAML 语法错误", 13),
]


@pytest.mark.parametrize("entry, fld, message, line", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_problem_is_caught_and_good_entry_kept(entry, fld, message, line):
    book = book_with(entry)
    assert book.problems, "the mistake was not caught"
    hit = [p for p in book.problems if p.field == fld and message in p.message]
    assert hit, [str(p) for p in book.problems]
    assert hit[0].line == line
    assert "good" in set(book.targets["id"]), "a bad entry hid a good one"
    assert "bad" not in set(book.targets["id"])


@pytest.mark.parametrize("entry, fld, message, line", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_good_entry_after_the_bad_one_is_kept(entry, fld, message, line):
    book = book_with(entry, good_first=False)
    assert "good" in set(book.targets["id"]) or fld == "id"      # a duplicate id keeps the first one


OBSERVATION_CASES = [
    ("observations out of date order",
     "  - {date: 2025, value: 5600}\n  - {date: 2024, value: 5250}\n", "progress[2].date", "应按日期先后排列", 2),
    ("observation without value",
     "  - {date: 2025}\n  - {date: 2026, value: 5600}\n", "progress[1].value", "缺少 value", 1),
    ("observation with an impossible date",
     "  - {date: 2025-02-29, value: 5600}\n", "progress[1]", "日期不存在", 0),
    ("observation with an unknown field",
     "  - {date: 2025, value: 5600, sorce: 统计公报}\n", "progress[1].sorce", "是否应为 source", 1),
]


@pytest.mark.parametrize("items, fld, message, kept", [c[1:] for c in OBSERVATION_CASES], ids=[c[0] for c in OBSERVATION_CASES])
def test_observation_problem_keeps_the_target(items, fld, message, kept):
    text = "targets:\n" + GOOD.replace("      - {date: 2024, value: 5250}\n", textwrap.indent(items, "    "))
    book = tracker.load(text)
    assert any(p.field == fld and message in p.message for p in book.problems), [str(p) for p in book.problems]
    assert list(book.targets["id"]) == ["good"]
    assert len(book.observations) == kept


def test_problem_format_and_columns():
    book = book_with(CASES[0][1])
    p = next(p for p in book.problems if p.field == "targt")
    assert str(p) == f"{p.file}:{p.line}:{p.col}: {p.target_id}/{p.field}: {p.message}"
    assert str(p).startswith("<text>:15:5: bad/targt: 未知字段 targt")
    assert list(book.targets.columns) == TARGET_COLUMNS
    assert list(book.observations.columns) == OBSERVATION_COLUMNS


def test_clean_file_tables():
    book = tracker.load("targets:\n" + GOOD)
    assert book.problems == []
    row = book.targets.iloc[0]
    assert (row["category"], row["scale"], row["target_base"], row["baseline_base"]) == ("money", 1e8, 6e11, 5e11)
    assert row["due"] == pd.Timestamp("2026-12-31") and row["baseline_date"] == pd.Timestamp("2023-12-31")
    assert row["line"] == 2
    obs = book.observations.iloc[0]
    assert (obs["target_id"], obs["date"], obs["value"], obs["value_base"]) == ("good", pd.Timestamp("2024-12-31"), 5250, 5.25e11)
    assert book.settings == {"on_track": 0.95, "accelerate": 0.6}


WORDS = [
    ("qualifier 突破 → ge", "qualifier: 突破", "qualifier", "ge"),
    ("qualifier 超 → gt", "qualifier: 超", "qualifier", "gt"),
    ("type 新增 → increment", "type: 新增\n  baseline: {value: 4, date: 2023}", "type", "increment"),
    ("type 占比 → share", "type: 占比\n  unit: '%'", "type", "share"),
    ("direction 下降 → down", "direction: 下降\n  qualifier: 以内", "direction", "down"),
    ("unit with a space 亿 元 → 亿元", "unit: 亿 元", "unit", "亿元"),
]


@pytest.mark.parametrize("extra, column, expected", [c[1:] for c in WORDS], ids=[c[0] for c in WORDS])
def test_chinese_words_are_accepted(extra, column, expected):
    text = ("targets:\n- id: x\n  region: 苏州市\n  indicator: 规上工业总产值\n  target: {value: 5, due: 2026}\n"
            "  source: {doc: d}\n  " + extra + "\n")
    if "unit:" not in extra:
        text += "  unit: 万亿元\n"
    book = tracker.load(text)
    assert book.problems == [], [str(p) for p in book.problems]
    assert book.targets.iloc[0][column] == expected


SETTINGS = [
    ("thresholds read from settings", "settings: {on_track: 0.9, accelerate: 0.5}\n", {"on_track": 0.9, "accelerate": 0.5}, 0),
    ("accelerate above on_track falls back to defaults", "settings: {on_track: 0.5, accelerate: 0.9}\n", {"on_track": 0.95, "accelerate": 0.6}, 1),
    ("a threshold that is text", "settings: {on_track: high}\n", {"on_track": 0.95, "accelerate": 0.6}, 1),
    ("unknown setting", "settings: {ontrack: 0.9}\n", {"on_track": 0.95, "accelerate": 0.6}, 1),
]


@pytest.mark.parametrize("head, expected, problems", [c[1:] for c in SETTINGS], ids=[c[0] for c in SETTINGS])
def test_settings(head, expected, problems):
    book = tracker.load(head + "targets:\n" + GOOD)
    assert book.settings == expected
    assert len(book.problems) == problems
    assert len(book.targets) == 1


WHOLE_FILE = [
    ("missing file names where it looked", None, "找不到文件"),
    ("empty file", "", "文件是空的"),
    ("no targets key", "settings: {on_track: 0.9}\n", "缺少 targets"),
    ("targets is not a list", "targets: 3\n", "targets 应为列表"),
    ("top-level typo", "targets:\n" + GOOD + "setings: {}\n", "是否应为 settings"),
    ("broken syntax without a targets line", "a: [1, 2\n", "YAML 语法错误"),
]


@pytest.mark.parametrize("text, message", [c[1:] for c in WHOLE_FILE], ids=[c[0] for c in WHOLE_FILE])
def test_whole_file_problems(tmp_path, text, message):
    path = tmp_path / "targets.yaml"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    book = tracker.load(path)
    assert any(message in p.message for p in book.problems), [str(p) for p in book.problems]
    assert list(book.targets.columns) == TARGET_COLUMNS


def test_non_utf8_file_is_a_problem_not_a_crash(tmp_path):
    path = tmp_path / "targets.yaml"
    path.write_bytes(("targets:\n" + GOOD).encode("gb18030"))
    book = tracker.load(path)
    assert "UTF-8" in book.problems[0].message and book.targets.empty


def test_syntax_error_costs_only_its_entry():
    broken = "- id: broken\n  region: [苏州市\n  unit: 亿元\n"
    book = tracker.load("targets:\n" + GOOD + textwrap.indent(broken, "  ") + GOOD.replace("id: good", "id: good2"))
    assert set(book.targets["id"]) == {"good", "good2"}
    assert len(book.problems) == 1 and "YAML 语法错误" in book.problems[0].message
    assert book.problems[0].line >= 11


def test_no_code_execution_from_yaml():
    book = tracker.load("targets: !!python/object/apply:os.system ['echo hacked']\n")
    assert book.problems and book.targets.empty


SCALARS = ["5000", "-3.5", "1.3", "+7", "0.95", "0", "0x1F", "1_000", ".5", "1:30", "1.0e+3", "007", ".inf",
           "yes", "No", "null", "~", "2024-02-17", "'5000'", '"1.3"', "昆山市", "12345", "1e3", "|\n  text"]


@pytest.mark.parametrize("raw", SCALARS)
def test_lazy_scalar_typing_matches_safe_load(raw):
    """The loader types plain scalars lazily and fast; the values must be what yaml.safe_load gives."""
    import yaml

    from tracker import loader
    node = yaml.compose("a: " + raw, Loader=loader._Loader).value[0][1]
    got, want = loader._Reader("x").scalar(node), yaml.safe_load("a: " + raw)["a"]
    assert type(got) is type(want)
    assert got == want or (got != got and want != want)


def test_repeated_targets_block_keeps_both():
    text = "targets:\n" + GOOD + "targets:\n" + GOOD.replace("id: good", "id: good2")
    book = tracker.load(text)
    assert list(book.targets["id"]) == ["good", "good2"]
    assert [p.field for p in book.problems] == ["targets"] and "两处的目标都已读入" in book.problems[0].message


def test_missing_targets_line_still_reads_the_entries():
    book = tracker.load("settings: {on_track: 0.9}\n" + GOOD + GOOD.replace("id: good", "id: good2"))
    assert list(book.targets["id"]) == ["good", "good2"]
    assert any("缺少 targets: 一行" in p.message for p in book.problems)
    assert book.settings["on_track"] == 0.9
