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
     "target.value", "目标值应为不带单位的数字，这里是 3万亿；请写 3，单位写 万亿元（或按本条的单位 亿元 写 30000）", 15),
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
    ("ceiling qualifier 以内 with direction up",
     BAD.format(extra="  qualifier: 以内\n"), "qualifier", "与 direction: up 矛盾", 17),
    ("unknown type",
     BAD.format(extra="  type: 总额\n"), "type", "未知目标类型", 17),
    ("rate target in 亿元 is the wrong unit for its type",
     BAD.format(extra="  type: rate\n").replace("万亿元", "亿元"), "unit", "单位应属于", 14),
    ("increment below zero",
     BAD.format(extra="  type: increment\n").replace("value: 5,", "value: -5,"), "target.value", "新增量应为正数", 15),
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
     "- id: bad\n  region: 苏州市\n   indicator: GDP\n  unit: 万亿元\n", "indicator", "YAML 语法错误：这一行的缩进", 13),
]


@pytest.mark.parametrize("entry, fld, message, line", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_problem_is_caught_and_good_entry_kept(entry, fld, message, line):
    book = book_with(entry)
    assert book.problems, "the mistake was not caught"
    hit = [p for p in book.problems if p.field == fld and message in p.message]
    assert hit, [str(p) for p in book.problems]
    assert hit[0].line == line
    assert hit[0].severity == "error" and "警告" not in str(hit[0])
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
     "  - {date: 2025-02-29, value: 5600}\n", "progress[1].date", "日期不存在", 0),
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
    assert book.settings == {"on_track": 0.95, "accelerate": 0.6, "stale_after_months": 15, "login_to_view": False}


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


DEFAULTS = {"on_track": 0.95, "accelerate": 0.6, "stale_after_months": 15, "login_to_view": False}
SETTINGS = [
    ("thresholds read from settings", "settings: {on_track: 0.9, accelerate: 0.5}\n", {**DEFAULTS, "on_track": 0.9, "accelerate": 0.5}, 0),
    ("accelerate above on_track falls back to defaults", "settings: {on_track: 0.5, accelerate: 0.9}\n", DEFAULTS, 1),
    ("a threshold that is text", "settings: {on_track: high}\n", DEFAULTS, 1),
    ("unknown setting", "settings: {ontrack: 0.9}\n", DEFAULTS, 1),
    ("stale_after_months read from settings", "settings: {stale_after_months: 24}\n", {**DEFAULTS, "stale_after_months": 24}, 0),
    ("stale_after_months must be whole", "settings: {stale_after_months: 1.5}\n", DEFAULTS, 1),
    ("stale_after_months must be at least 1", "settings: {stale_after_months: 0}\n", DEFAULTS, 1),
    ("login_to_view true", "settings: {login_to_view: true}\n", {**DEFAULTS, "login_to_view": True}, 0),
    ("login_to_view false", "settings: {login_to_view: false}\n", DEFAULTS, 0),
    ("login_to_view in words is not a switch", "settings: {login_to_view: 是}\n", DEFAULTS, 1),
    ("login_to_view quoted is text", "settings: {login_to_view: 'true'}\n", DEFAULTS, 1),
    ("login_to_view as a list", "settings: {login_to_view: [true]}\n", DEFAULTS, 1),
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


# --- warnings: the entry loads, but looks wrong -------------------------------------------------

def entry(baseline="{value: 2.5, date: 2023}", target="{value: 3, due: 2026}", progress=("{date: 2024, value: 2.6}",),
          extra=""):
    """An entry after GOOD (so its "- id: w" is line 11): baseline line 15, target 16, first observation 19."""
    lines = ["- id: w", "  region: 苏州市", "  indicator: 规上工业总产值", "  unit: 万亿元",
             f"  baseline: {baseline}" if baseline else "  note: 无基期", f"  target: {target}",
             "  source: {doc: 苏州会议}", "  progress:", *[f"    - {p}" for p in progress]]
    return "\n".join(lines) + "\n" + extra


ASSESSED_ON = "2026-06-30"
# (id, entry, field, exact message, line). The arithmetic is the input's: 30000 / 2.5 = 12000,
# 2600 / 2.5 = 1040, 0.1 / 2.5 = 1/25, 30000 / 5 = 6000.
WARNINGS = [
    ("an observation dated after the assessment date (2030)",
     entry(progress=("{date: 2024, value: 2.6}", "{date: 2030, value: 2.7}")), "progress[2].date",
     "进展日期 2030-12-31 晚于评估日期 2026-06-30；日期可能写错", 20),
    ("a target 12000 times its baseline: 30000 written in 万亿元",
     entry(target="{value: 30000, due: 2026}"), "target.value",
     "单位可能写错：目标值 30000万亿元 是基期值 2.5万亿元 的 12000 倍；请核对数值与单位（unit: 万亿元）", 16),
    ("an observation 1040 times its baseline: 2600 written in 万亿元",
     entry(progress=("{date: 2024, value: 2600}",)), "progress[1].value",
     "单位可能写错：进展 2024-12-31 的数值 2600万亿元 是基期值 2.5万亿元 的 1040 倍；请核对数值与单位（unit: 万亿元）", 19),
    ("an observation a 25th of its baseline",
     entry(progress=("{date: 2024, value: 0.1}",)), "progress[1].value",
     "单位可能写错：进展 2024-12-31 的数值 0.1万亿元 是基期值 2.5万亿元 的 1/25；请核对数值与单位（unit: 万亿元）", 19),
    ("no baseline: a target 6000 times the latest value",
     entry(baseline=None, target="{value: 30000, due: 2026}", progress=("{date: 2024, value: 5}",)), "target.value",
     "单位可能写错：目标值 30000万亿元 是最新进展（2024-12-31） 5万亿元 的 6000 倍；请核对数值与单位（unit: 万亿元）", 16),
    ("progress not in date order",
     entry(progress=("{date: 2025, value: 2.7}", "{date: 2024, value: 2.6}")), "progress[2].date",
     "进展应按日期先后排列：2024-12-31 早于上一条的 2025-12-31", 20),
    ("two observations for one date",
     entry(progress=("{date: 2024, value: 2.6}", "{date: 2024, value: 2.7}")), "progress[2].date",
     "同一日期 2024-12-31 有两条进展（第 19 行已有）；请删去重复或改正日期", 20),
    ("a due date before the baseline date",
     entry(baseline="{value: 2.5, date: 2027}"), "target.due",
     "期限 2026-12-31 应晚于基期 2027-12-31；按完成比例判断进度", 16),
    ("a target already reached by its baseline (3 below 3.2, direction up)",
     entry(baseline="{value: 3.2, date: 2023}"), "target.value",
     "目标 3万亿元 在基期（3.2万亿元）已经达到；若该指标应下降，请写 direction: down", 16),
    ("a target equal to its baseline",
     entry(baseline="{value: 3, date: 2023}"), "target.value",
     "目标 3万亿元 在基期（3万亿元）已经达到；目标应不同于基期", 16),
    ("a ceiling already met by its baseline (direction down)",
     entry(extra="  direction: down\n  qualifier: le\n"), "target.value",
     "目标 3万亿元 在基期（2.5万亿元）已经达到；若该指标应上升，请写 direction: up", 16),
    ('a quoted number "3" is read as 3',
     entry(target='{value: "3", due: 2026}'), "target.value",
     '目标值加了引号（"3"），已按数字 3 读取；数值请不加引号，写 3', 16),
]


@pytest.mark.parametrize("text, fld, message, line", [c[1:] for c in WARNINGS], ids=[c[0] for c in WARNINGS])
def test_warning_keeps_the_target(text, fld, message, line):
    book = tracker.load("targets:\n" + GOOD + textwrap.indent(text, "  "), today=ASSESSED_ON)
    found = [(p.field, p.message, p.line) for p in book.problems]
    assert found == [(fld, message, line)]
    problem = book.problems[0]
    assert problem.severity == "warning" and book.errors == [] and book.warnings == [problem]
    assert str(problem).endswith(f"w/{fld}: 警告：{message}")
    assert list(book.targets["id"]) == ["good", "w"]


NO_WARNING = [
    ("a clean entry", entry()),
    ("an observation 19 times its baseline is not flagged", entry(progress=("{date: 2024, value: 47.5}",))),
    ("an observation dated on the assessment date", entry(progress=("{date: 2026-06-30, value: 2.6}",))),
    ("a growth rate 40 times another is not an amount", entry(progress=("{date: 2024, value: 40}",)).replace(
        "unit: 万亿元", "unit: '%'\n  type: rate").replace("{value: 2.5, date: 2023}", "{value: 1, date: 2023}")
        .replace("{value: 3, due: 2026}", "{value: 7, due: 2026}")),
]


@pytest.mark.parametrize("text", [c[1] for c in NO_WARNING], ids=[c[0] for c in NO_WARNING])
def test_no_warning(text):
    book = tracker.load("targets:\n" + GOOD + textwrap.indent(text, "  "), today=ASSESSED_ON)
    assert [str(p) for p in book.problems] == []


# --- numbers written with their unit or in words: an error that shows the right way -------------

FRIENDLY = [
    ("三万亿 in a 万亿元 entry", "三万亿", "万亿元", "target.value", "目标值应为不带单位的数字，这里是 三万亿；请写 3（单位已在 unit 字段）"),
    ("3万亿 in a 亿元 entry", "3万亿", "亿元", "target.value",
     "目标值应为不带单位的数字，这里是 3万亿；请写 3，单位写 万亿元（或按本条的单位 亿元 写 30000）"),
    ("三万亿 in a 亿元 entry", "三万亿", "亿元", "target.value",
     "目标值应为不带单位的数字，这里是 三万亿；请写 3，单位写 万亿元（或按本条的单位 亿元 写 30000）"),
    ("6,000 with a thousands comma", "6,000", "亿元", "target.value",
     "目标值应为不带单位的数字，这里是 6,000；请写 6000（数字不加千位逗号、不用汉字）"),
    ("6000亿元 with its unit", "6000亿元", "亿元", "target.value",
     "目标值应为不带单位的数字，这里是 6000亿元；请写 6000（单位已在 unit 字段）"),
    ("1.3万亿元 in a 亿元 entry", "1.3万亿元", "亿元", "target.value",
     "目标值应为不带单位的数字，这里是 1.3万亿元；请写 1.3，单位写 万亿元（或按本条的单位 亿元 写 13000）"),
    ("a word that is no number", "待定", "亿元", "target.value", "目标值应为数字（如 6000 或 76.3），这里是 '待定'"),
]


@pytest.mark.parametrize("value, unit, fld, message", [c[1:] for c in FRIENDLY], ids=[c[0] for c in FRIENDLY])
def test_number_written_with_unit_or_words(value, unit, fld, message):
    text = (f"- id: bad\n  region: 苏州市\n  indicator: 规上工业总产值\n  unit: {unit}\n"
            f"  target:\n    value: {value}\n    due: 2026\n  source: {{doc: 苏州会议}}\n")
    book = tracker.load("targets:\n" + GOOD + textwrap.indent(text, "  "))
    assert [(p.field, p.message, p.line, p.severity) for p in book.problems] == [(fld, message, 16, "error")]
    assert list(book.targets["id"]) == ["good"]


def test_observation_written_with_its_unit_costs_only_the_observation():
    text = GOOD.replace("{date: 2024, value: 5250}", "{date: 2024, value: 5250亿元}\n      - {date: 2025, value: 5500}")
    book = tracker.load("targets:\n" + text)
    assert [(p.field, p.message, p.line) for p in book.problems] == [
        ("progress[1].value", "进展数值应为不带单位的数字，这里是 5250亿元；请写 5250（单位已在 unit 字段）", 10)]
    assert list(book.observations["value"]) == [5500]


# --- loader paths found by `make mutate` (issue #12); expectations counted by hand in the text ---

EDGE_HEAD = "targets:\n  - id: a\n    region: 某市\n    indicator: 增速\n    unit: '%'\n    source: {doc: d}\n"
# lines: 1 targets, 2 "- id: a" (the entry at column 5), 3 region, 4 indicator, 5 unit, 6 source;
# extra lines start at line 7.


def edge_problems(text):
    return [(p.line, p.col, f"{p.target_id}/{p.field}", p.message) for p in tracker.load(text).problems]

# A target value is required, except for a growth rate (type rate, written rate or 增速).
TYPES = [
    ("no type: a level needs a target", "", False),
    ("type level", "    type: level\n", False),
    ("type flow", "    type: flow\n", False),
    ("type rate", "    type: rate\n", True),
    ("type zengsu, rate in Chinese", "    type: 增速\n", True),
    ("a list is no type", "    type: [rate]\n", False),
]


@pytest.mark.parametrize("extra, loads", [c[1:] for c in TYPES], ids=[c[0] for c in TYPES])
def test_a_rate_needs_no_target_value(extra, loads):
    found = edge_problems(EDGE_HEAD + extra)
    missing = [p for p in found if p[2] == "a/target"]
    assert (missing == []) is loads
    if not loads:
        assert missing[0][:2] == (2, 5) and "target" in missing[0][3]


EDGE_RATE = EDGE_HEAD + "    type: rate\n"
# (id, tags line (line 8), the tags read, or the problem's (line, col, field) and a word of it)
TAGS = [
    ("one tag without brackets", "    tags: 12345\n", ["12345"], None),
    ("no tag", "    tags: ~\n", [], None),
    ("a list", "    tags: [\"12345\", 新型工业化]\n", ["12345", "新型工业化"], None),
    ("a mapping", "    tags: {a: 1}\n", None, (8, 11, "a/tags", '标签应为列表，如 ["12345", 新型工业化]')),
    ("an empty tag", "    tags: [a, ~]\n", None, (8, 15, "a/tags", "标签不能为空")),
    ("a tag that is a list", "    tags: [a, [b]]\n", None, (8, 15, "a/tags", "应为单个值，这里是列表")),
]


@pytest.mark.parametrize("line, tags, problem", [c[1:] for c in TAGS], ids=[c[0] for c in TAGS])
def test_tags(line, tags, problem):
    book = tracker.load(EDGE_RATE + line)
    if problem is None:
        assert not book.problems and book.targets["tags"].tolist() == [tags]
    else:
        (found,) = [(p.line, p.col, f"{p.target_id}/{p.field}", p.message) for p in book.problems]
        assert found == problem
        assert book.targets.empty


# What a value is said to be where a mapping or a single value was expected.
DESCRIBED = [
    ("settings as a list", "settings: [1]\n", (1, 11, "settings/-"), "这里是 列表"),
    ("settings as a word", "settings: abc\n", (1, 11, "settings/-"), "这里是 'abc'"),
    ("settings as an empty string", "settings: ''\n", (1, 11, "settings/-"), "这里是 空值"),
    ("a switch given a mapping", "settings:\n  login_to_view: {a: 1}\n", (2, 18, "settings/login_to_view"), "这里是 键值表"),
    ("a switch given a list", "settings:\n  login_to_view: [1]\n", (2, 18, "settings/login_to_view"), "这里是 列表"),
]


@pytest.mark.parametrize("head, where, words", [c[1:] for c in DESCRIBED], ids=[c[0] for c in DESCRIBED])
def test_what_a_wrong_value_is_called(head, where, words):
    found = [p for p in edge_problems(head + EDGE_RATE) if p[2].startswith("settings")]
    assert [p[:3] for p in found] == [where] and words in found[0][3]


# --- blind test: a comma typed inside braces splits a value in two --------------------------------
# {date: 2024, value: 5,250} is read by YAML as value 5 and a field "250": the number must not be
# used as 5, and the message must say what to write. Expected values written before the fix.
GOOD_BOOK = "targets:\n" + GOOD
SPLIT = [
    ("a thousands comma in an observation's value",
     GOOD_BOOK.replace("{date: 2024, value: 5250}", "{date: 2024, value: 5,250}"),
     [("progress[1].value", 10, "请写 5250")], ["good"], 0),
    ("a thousands comma in a target value",
     GOOD_BOOK + textwrap.indent(BAD.format(extra="").replace("{value: 5, due: 2026}", "{value: 5,000, due: 2026}"), "  "),
     [("target.value", 15, "请写 5000")], ["good"], 1),
    ("a thousands comma in a baseline value",
     GOOD_BOOK.replace("{value: 5000, date: 2023}", "{value: 5,000, date: 2023}"),
     [("baseline.value", 6, "请写 5000")], [], 0),
    ("a comma in a note inside braces: quote the note, the observation still counts",
     GOOD_BOOK.replace("{date: 2024, value: 5250}", "{date: 2024, value: 5250, note: 预计数, 下同}"),
     [("progress[1].note", 10, "note: '预计数, 下同'")], ["good"], 1),
]


@pytest.mark.parametrize("text, found, kept, observations", [c[1:] for c in SPLIT], ids=[c[0] for c in SPLIT])
def test_a_comma_in_braces_that_splits_a_value(text, found, kept, observations):
    book = tracker.load(text)
    got = [(p.field, p.line, p.severity) for p in book.problems]
    assert got == [(f, line, "error") for f, line, _ in found], [str(p) for p in book.problems]
    for problem, (_, _, words) in zip(book.problems, found):
        assert words in problem.message, problem.message
    assert list(book.targets["id"]) == kept
    assert len(book.observations) == observations


# --- blind test: what a clerk types in place of a field name, a number, a date ------------------
# (id, entry after GOOD ("- id: bad" is line 11; unit 14, target 15, extra lines from 17),
#  field, line, words the message must hold). Expected fixes written before running the checker.
RATE = BAD.format(extra="  type: rate\n").replace("unit: 万亿元", "unit: '%'")
HINTS = [
    ("a field name in Chinese: 单位", BAD.format(extra="").replace("unit: 万亿元", "单位: 万亿元"), "单位", 14, ["是否应为 unit"]),
    ("a field name in pinyin: danwei", BAD.format(extra="").replace("unit: 万亿元", "danwei: 万亿元"), "danwei", 14, ["是否应为 unit"]),
    ("a field name in Chinese: 目标", BAD.format(extra="").replace("target:", "目标:"), "目标", 15, ["是否应为 target"]),
    ("a field name in Chinese inside target: 目标值", BAD.format(extra="").replace("{value: 5,", "{目标值: 5,"),
     "target.目标值", 15, ["是否应为 value"]),
    ("约11.5% as a growth target", RATE.replace("{value: 5,", "{value: 约11.5%,"), "target.value", 15,
     ["请写 11.5", "qualifier: approx"]),
    ("5.5%左右 as a growth target", RATE.replace("{value: 5,", "{value: 5.5%左右,"), "target.value", 15,
     ["请写 5.5", "qualifier: approx"]),
    ("百分之五 as a growth target", RATE.replace("{value: 5,", "{value: 百分之五,"), "target.value", 15, ["请写 5"]),
    ("超5万亿 as a target", BAD.format(extra="").replace("{value: 5,", "{value: 超5万亿,"), "target.value", 15,
     ["请写 5", "qualifier: gt"]),
    ("due 2026年底", BAD.format(extra="").replace("due: 2026", "due: 2026年底"), "target.due", 15, ["请写 2026"]),
    ("due 2026年末", BAD.format(extra="").replace("due: 2026", "due: 2026年末"), "target.due", 15, ["请写 2026"]),
    ("due 二〇二六年", BAD.format(extra="").replace("due: 2026", "due: 二〇二六年"), "target.due", 15, ["请写 2026"]),
    ("due 2026—12 with a Chinese dash", BAD.format(extra="").replace("due: 2026", "due: 2026—12"), "target.due", 15, ["请写 2026-12"]),
    ("due 2026－12 with a full-width hyphen", BAD.format(extra="").replace("due: 2026", "due: 2026－12"), "target.due", 15,
     ["请写 2026-12"]),
    ("due 20261231", BAD.format(extra="").replace("due: 2026", "due: 20261231"), "target.due", 15, ["请写 2026-12-31"]),
    ("an id with a zero-width space from WeChat", BAD.format(extra="").replace("id: bad", "id: bad\u200b"), "id", 11,
     ["看不见的字符", "U+200B"]),
    ("unit 亿 is 亿元 left short", BAD.format(extra="").replace("unit: 万亿元", "unit: 亿"), "unit", 14, ["是否应为 亿元"]),
]


@pytest.mark.parametrize("entry, fld, line, words", [c[1:] for c in HINTS], ids=[c[0] for c in HINTS])
def test_the_message_says_what_to_write(entry, fld, line, words):
    book = book_with(entry)
    hit = [p for p in book.problems if p.field == fld and p.line == line and p.severity == "error"]
    assert hit, [str(p) for p in book.problems]
    assert all(w in hit[0].message for w in words), hit[0].message
    assert list(book.targets["id"]) == ["good"]


def test_an_observation_written_约5250_says_to_write_5250():
    book = tracker.load(GOOD_BOOK.replace("{date: 2024, value: 5250}", "{date: 2024, value: 约5250}"))
    assert [(p.field, p.line) for p in book.problems] == [("progress[1].value", 10)]
    assert "请写 5250" in book.problems[0].message and "note" in book.problems[0].message
    assert list(book.targets["id"]) == ["good"] and book.observations.empty


def test_tags_in_chinese_quotes_are_read_without_them_and_warned():
    book = book_with(BAD.format(extra="  tags: [“12345”, ‘343’]\n"))
    assert [(p.field, p.line, p.severity) for p in book.problems] == [("tags", 17, "warning")]
    assert '"12345"' in book.problems[0].message
    assert book.targets.set_index("id").loc["bad", "tags"] == ["12345", "343"]
