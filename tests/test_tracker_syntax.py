"""A catalogue of broken targets.yaml files: each YAML mistake staff make is reported in Chinese
where it began (an unclosed quote at its opening quote, a misindented line at that line, a tab
at its column), names its target, and costs only the entries it breaks."""
import pytest
import yaml

import tracker
from tracker import loader

ENTRY = """\
  - id: {id}
    region: 昆山市
    indicator: 地区生产总值
    unit: 亿元
    baseline: {{value: 5000, date: 2023}}
    target: {{value: 6000, due: 2026}}
    source: {{doc: d, quote: '总量迈上6000亿元'}}
    progress:
      - {{date: 2024, value: 5250}}
"""
# Line numbers of the three entries: "- id: a" is line 2, "- id: b" line 11, "- id: c" line 20;
# within an entry, +6 is its source line, +8 its observation.
A, B, C = (ENTRY.format(id=i) for i in "abc")


def file(a=A, b=B, c=C, head="", between=""):
    return head + "targets:\n" + a + between + b + c


QUOTE_COL = len("    source: {doc: d, quote: ") + 1      # 29: the opening quote
SYNTAX = "YAML 语法错误："
INDENT = "这一行的缩进不对；同一目标的字段应与 id 左对齐，每个目标以“- id:”开头"

# (id, file text, line, col, id/field, message, ids that still load)
CATALOGUE = [
    ("unclosed quote, closed by a quote three entries on (it's)",
     file(a=A.replace("'总量迈上6000亿元'", "'总量迈上6000亿元"), c=C + "    note: it's fine\n"),
     8, QUOTE_COL, "a/source",
     SYNTAX + "引号没有配对：这里开始的引号没有闭合；请在本行补上结尾的引号（while scanning a quoted scalar, found unexpected end of stream）",
     ["b", "c"]),
    ("unclosed quote, closed by a quote two lines on in the same entry",
     file(a=A.replace("'总量迈上6000亿元'", "'总量迈上6000亿元").replace("value: 5250}", "value: 5250, note: '初步核算'}")),
     8, QUOTE_COL, "a/source",
     SYNTAX + "引号没有配对：这里开始的引号到第 10 行才闭合，其间的内容都成了一个值；请在本行补上结尾的引号"
              "（while parsing a flow mapping, did not find expected ',' or '}'）",
     ["b", "c"]),
    ("unclosed double quote, closed by a double quote two lines on",
     file(a=A.replace("'总量迈上6000亿元'", '"总量迈上6000亿元').replace("value: 5250}", 'value: 5250, note: "初步核算"}')),
     8, QUOTE_COL, "a/source",
     SYNTAX + "引号没有配对：这里开始的引号到第 10 行才闭合，其间的内容都成了一个值；请在本行补上结尾的引号"
              "（while parsing a flow mapping, did not find expected ',' or '}'）",
     ["b", "c"]),
    ("unclosed double quote in the last entry",
     file(c=C.replace("'总量迈上6000亿元'", '"总量迈上6000亿元')),
     26, QUOTE_COL, "c/source",
     SYNTAX + "引号没有配对：这里开始的引号没有闭合；请在本行补上结尾的引号（while scanning a quoted scalar, found unexpected end of stream）",
     ["a", "b"]),
    ("a line indented one space too far",
     file(b=B.replace("    unit: 亿元", "     unit: 亿元")),
     14, 6, "b/unit",
     SYNTAX + "这一行的缩进与上一行不一致（或值里有“: ”）；同一层的字段应左对齐，值里有冒号时请给值加引号"
              "（mapping values are not allowed in this context）",
     ["a", "c"]),
    ("a line indented one space too little",
     file(b=B.replace("    unit: 亿元", "   unit: 亿元")),
     14, 4, "b/unit", SYNTAX + INDENT + "（while parsing a block collection, did not find expected '-' indicator）",
     ["a", "c"]),
    ("a tab at the start of a line",
     file(b=B.replace("    unit: 亿元", "\tunit: 亿元")),
     14, 1, "b/unit",
     SYNTAX + "这里有 Tab 字符；缩进只能用空格，请把 Tab 换成空格（while scanning a plain scalar, found a tab character that violates indentation）",
     ["a", "c"]),
    ("a tab after the indentation spaces, at column 5",
     file(b=B.replace("    unit: 亿元", "    \tunit: 亿元")),
     14, 5, "b/unit",
     SYNTAX + "这里有 Tab 字符；缩进只能用空格，请把 Tab 换成空格（while scanning a plain scalar, found a tab character that violates indentation）",
     ["a", "c"]),
    ("a '- id:' moved to column 0",
     file(b=B.replace("  - id: b", "- id: b")),
     11, 1, "b/id", SYNTAX + "这个目标的“- ”在第 1 列，其他目标在第 3 列；请与其他目标对齐（该目标未读入）",
     ["a", "c"]),
    ("a target missing its dash, at the dash's column",
     file(b=B.replace("  - id: b", "  id: b")),
     11, 3, "b/id", SYNTAX + "目标应以“- id:”开头，这一行缺少“- ”；请写成“- id: b”（该目标未读入）",
     ["a", "c"]),
    ("a target missing its dash, at its fields' column (valid YAML: two ids in one entry)",
     file(b=B.replace("  - id: b", "    id: b")),
     11, 5, "b/id", "这一行的 id 前缺少“- ”，与上一个目标连在了一起；请写成“- id: b”（该目标未读入）",
     ["a", "c"]),
    ("a stray line of text at the top level between two targets",
     file(between="总量迈上6000亿元新台阶\n"),
     11, 1, "-/yaml", SYNTAX + "多余的一行“总量迈上6000亿元新台阶”不属于任何目标；请删去，或在行首加 # 写成注释",
     ["a", "b", "c"]),
    ("a stray key at the top level between two targets",
     file(between="备注: 待核实\n"),
     11, 1, "-/yaml", SYNTAX + "多余的一行“备注: 待核实”不属于任何目标；请删去，或在行首加 # 写成注释",
     ["a", "b", "c"]),
    ("no space after a colon",
     file(a=A.replace("region: 昆山市", "region:昆山市")),
     3, 5, "a/region",
     SYNTAX + "这一行不是“字段: 值”：缺少冒号，或冒号后缺少空格；多余的文字请删去，或在行首加 # 写成注释"
              "（while scanning a simple key, could not find expected ':'）",
     ["b", "c"]),
    ("an unclosed brace",
     file(a=A.replace("value: 5250}", "value: 5250")),
     10, 9, "a/date",
     SYNTAX + "花括号 { 没有闭合，或两项之间缺少逗号（while parsing a flow mapping, did not find expected ',' or '}'）",
     ["b", "c"]),
    ("a misindented setting costs no target",
     file(head="settings:\n  on_track: 0.9\n   accelerate: 0.5\n"),
     3, 4, "-/accelerate",
     SYNTAX + "这一行的缩进与上一行不一致（或值里有“: ”）；同一层的字段应左对齐，值里有冒号时请给值加引号"
              "（mapping values are not allowed in this context）",
     ["a", "b", "c"]),
    # --- found by `make mutate` (issue #12) ---
    ("a misindented setting after the list costs no target: the last entry ends where settings begin",
     file() + "settings:\n  on_track: 0.9\n   accelerate: 0.5\n",
     31, 4, "-/accelerate",
     SYNTAX + "这一行的缩进与上一行不一致（或值里有“: ”）；同一层的字段应左对齐，值里有冒号时请给值加引号"
              "（mapping values are not allowed in this context）",
     ["a", "b", "c"]),
    ("unclosed quote in the second entry, closed two lines on: the closing line counted in the file",
     file(b=B.replace("'总量迈上6000亿元'", "'总量迈上6000亿元").replace("value: 5250}", "value: 5250, note: '初步核算'}")),
     17, QUOTE_COL, "b/source",
     SYNTAX + "引号没有配对：这里开始的引号到第 19 行才闭合，其间的内容都成了一个值；请在本行补上结尾的引号"
              "（while parsing a flow mapping, did not find expected ',' or '}'）",
     ["a", "c"]),
    ("unclosed quote to the end of the file after a note quoted over two lines: the unclosed one is meant",
     file(c=C.replace("    unit: 亿元\n", "    unit: 亿元\n    note: '第一行\n      第二行'\n")
            .replace("'总量迈上6000亿元'", "'总量迈上6000亿元")),
     28, QUOTE_COL, "c/source",
     SYNTAX + "引号没有配对：这里开始的引号没有闭合；请在本行补上结尾的引号（while scanning a quoted scalar, found unexpected end of stream）",
     ["a", "b"]),
    ("a value with ': ' on the last line of the file, at the line's first character",
     file(c=C + "    note: 备注: 待核实\n"),
     29, 5, "c/note",
     SYNTAX + "这一行的缩进与上一行不一致（或值里有“: ”）；同一层的字段应左对齐，值里有冒号时请给值加引号"
              "（mapping values are not allowed in this context）",
     ["a", "b"]),
    ("a value with ': ' on the first line of the file, at the line's first character",
     "settings: on_track: 0.9\n",
     1, 1, "-/settings",
     SYNTAX + "这一行的缩进与上一行不一致（或值里有“: ”）；同一层的字段应左对齐，值里有冒号时请给值加引号"
              "（mapping values are not allowed in this context）",
     []),
    ("an unclosed quote on the id line, the file's last line",
     "targets:\n  - id: 'a\n",
     2, 9, "a/id",
     SYNTAX + "引号没有配对：这里开始的引号没有闭合；请在本行补上结尾的引号（while scanning a quoted scalar, found unexpected end of stream）",
     []),
]


@pytest.mark.parametrize("text, line, col, where, message, kept", [c[1:] for c in CATALOGUE], ids=[c[0] for c in CATALOGUE])
def test_broken_file(text, line, col, where, message, kept):
    book = tracker.load(text)
    assert [(p.line, p.col, f"{p.target_id}/{p.field}", p.message) for p in book.problems] == [(line, col, where, message)]
    assert book.problems[0].severity == "error"
    assert list(book.targets["id"]) == kept


def test_a_whole_target_indented_further_is_read_with_a_warning():
    """Every line of b moved two columns right: b parses on its own and is used, so the file says
    so as a warning at its '- ' (an error would say b is left out)."""
    moved = "".join("  " + line if line.strip() else line for line in B.splitlines(keepends=True))
    book = tracker.load(file(b=moved))
    assert [(p.line, p.col, f"{p.target_id}/{p.field}", p.message, p.severity) for p in book.problems] == [
        (11, 5, "b/id", "这个目标的“- ”在第 5 列，其他目标在第 3 列；已按目标读入，请与其他目标对齐", "warning")]
    assert list(book.targets["id"]) == ["a", "b", "c"]


def test_nothing_usable_is_said_by_the_book():
    """One entry, broken: no target, and the problem says where."""
    book = tracker.load("targets:\n" + A.replace("    unit: 亿元", "\tunit: 亿元"))
    assert book.targets.empty and [p.line for p in book.errors] == [5]


# --- syntax errors found by `make mutate` (issue #12); lines and columns counted in the text ---

EDGE_RATE = ("targets:\n  - id: a\n    region: 某市\n    indicator: 增速\n    unit: '%'\n    source: {doc: d}\n"
             "    type: rate\n")


def test_a_syntax_error_names_the_file(tmp_path):
    path = tmp_path / "台账.yaml"
    path.write_text(EDGE_RATE.replace("{doc: d}", "{doc: 'd}"), encoding="utf-8")
    (problem,) = tracker.load(path).problems
    assert problem.file == str(path) and (problem.line, problem.target_id) == (6, "a")


def test_a_syntax_error_before_any_target_is_placed_where_it_began():
    """No targets: line and no list item: the whole file's error, at the brace that never closes
    (line 1, column 11), with no offset added."""
    found = [(p.line, p.col, f"{p.target_id}/{p.field}", p.message) for p in tracker.load("settings: {on_track: 0.9\n").problems]
    assert [p[:3] for p in found] == [(1, 11, "-/settings")]
    assert found[0][3].startswith("YAML 语法错误：")


def test_a_syntax_error_on_a_line_without_a_key():
    """An observation written as an unclosed list ([2024, 5250) on line 9 of target a: the error
    names the target and, with no key on that line, the field yaml."""
    text = EDGE_RATE + "    progress:\n      - [2024, 5250\n  - id: b\n    region: 某市\n    indicator: 增速\n" \
                  "    unit: '%'\n    type: rate\n    source: {doc: d}\n"
    book = tracker.load(text)
    (problem,) = book.problems
    assert (problem.line, problem.target_id, problem.field) == (9, "a", "yaml")
    assert book.targets["id"].tolist() == ["b"]


ENTRY = "  - id: {id}\n    region: 某市\n    indicator: 增速\n    unit: '%'\n    type: rate\n    source: {{doc: d}}\n"


def test_problems_after_a_broken_entry_keep_their_lines():
    """Entry a (lines 2-7) has an unclosed quote on line 7 at column 19; after a blank line 8, b
    (9-14) is fine; c (15-19) has no unit, reported at its id line (15, column 5), not shifted by
    the pieces the file was split into. Settings written after the list (20-21) are read as usual."""
    a = ENTRY.format(id="a").replace("{doc: d}", "{doc: 'd}")
    b = ENTRY.format(id="b")
    c = ENTRY.format(id="c").replace("    unit: '%'\n", "")
    text = "targets:\n" + a + "\n" + b + c + "settings:\n  on_track: 0.8\n"
    book = tracker.load(text)
    found = sorted((p.line, p.col, p.target_id, p.field) for p in book.problems)
    assert found[0][:3] == (7, 19, "a")
    assert (15, 5, "c", "unit") in found
    assert book.targets["id"].tolist() == ["b"]
    assert book.settings["on_track"] == 0.8


def test_a_control_character_is_a_syntax_error_of_its_entry():
    """A control character (pasted from a PDF) is an error YAML's reader reports without a mark:
    the message says what it is, and only its entry is lost."""
    book = tracker.load(file(b=B.replace("昆山市", "昆山\x07市")))
    # b's region is line 12: "    region: 昆山" is 14 characters, the bell character the 15th
    assert [(p.file, p.line, p.col, p.target_id, p.field, p.message) for p in book.problems] == [
        ("<text>", 12, 15, "b", "region", SYNTAX + "这里有看不见的控制字符 U+0007，多半是从 PDF 或网页复制带来的；请删去它"
                                                   "（control characters are not allowed #x0007）")]
    assert list(book.targets["id"]) == ["a", "c"]


REGION_FIRST = "  - region: 某市\n    id: {id}\n    indicator: 增速\n    unit: '%'\n    type: rate\n    source: {{doc: d}}\n"


def test_a_broken_entry_costs_only_itself_when_id_is_not_the_first_key():
    """Entries written '- region:' first, id on their second line (no '- id:' line at all): the
    entries are still told apart by their '- ' at the list's indent; a's unclosed quote (line 7,
    column 19) costs only a, and the settings after the list are read."""
    a = REGION_FIRST.format(id="a").replace("{doc: d}", "{doc: 'd}")
    text = "targets:\n" + a + REGION_FIRST.format(id="b") + REGION_FIRST.format(id="c") + "settings:\n  on_track: 0.8\n"
    book = tracker.load(text)
    assert [(p.line, p.col, p.target_id) for p in book.problems] == [(7, 19, "a")]
    assert book.targets["id"].tolist() == ["b", "c"]
    assert book.settings["on_track"] == 0.8


# --- more syntax errors found by `make mutate` (issue #12) ---

def test_list_items_before_targets_do_not_set_the_list_indent():
    """An unknown block of four '- id:' items at column 5 before `targets:` (lines 1-5): the
    targets' own '- id:' lines, at column 3, set the list's indent, so a's tab (line 10, column 1)
    is reported as a tab, not as an entry out of line."""
    head = "notes:\n" + "".join(f"    - id: n{i}\n" for i in range(4))
    book = tracker.load(head + file(a=A.replace("    unit: 亿元", "\tunit: 亿元")))
    found = [(p.line, p.col, p.target_id, p.field, p.message) for p in book.problems if p.field != "notes"]
    assert found == [(10, 1, "a", "unit", SYNTAX + "这里有 Tab 字符；缩进只能用空格，请把 Tab 换成空格"
                                                   "（while scanning a plain scalar, found a tab character that violates indentation）")]
    assert list(book.targets["id"]) == ["b", "c"]


def test_list_items_before_targets_do_not_set_the_list_indent_without_id_lines():
    """Entries written '- region:' first (no '- id:' line): the list's indent is that of the items
    after `targets:` (column 3), not of a list at column 1 above it (lines 2-3), so a's unclosed
    quote (line 10, column 19) still costs only a."""
    a = REGION_FIRST.format(id="a").replace("{doc: d}", "{doc: 'd}")
    text = "notes:\n- x\n- y\ntargets:\n" + a + REGION_FIRST.format(id="b") + REGION_FIRST.format(id="c")
    book = tracker.load(text)
    assert [(p.line, p.col, p.target_id) for p in book.problems if p.field != "notes"] == [(10, 19, "a")]
    assert book.targets["id"].tolist() == ["b", "c"]


def test_a_targets_block_without_list_items():
    """`targets:` followed by fields indented one space and no '- ' at all: no entry to split off,
    so the error of the whole file is reported where it is (line 3, the misindented region, at its
    first character), in target a."""
    book = tracker.load("targets:\n id: a\n  region: 某市\n")
    assert [(p.line, p.col, p.target_id, p.field, p.message) for p in book.problems] == [
        (3, 3, "a", "region", SYNTAX + "这一行的缩进与上一行不一致（或值里有“: ”）；同一层的字段应左对齐，值里有冒号时请给值加引号"
                                       "（mapping values are not allowed in this context）")]
    assert book.targets.empty


def test_a_brace_left_open_at_the_end_of_the_file():
    """A '{' with nothing after it on the file's last line: libyaml reports it at the end of the
    stream, past the last line; it is still an error of the last target (c), in words for an
    error the table does not know, and a and b load."""
    book = tracker.load(file(c=C + "    note: {\n"))
    assert [(p.target_id, p.field, p.message) for p in book.problems] == [
        ("c", "yaml", SYNTAX + "格式有误（while parsing a flow node, did not find expected node content）")]
    assert list(book.targets["id"]) == ["a", "b"]


LAST_ID = "  - region: 某市\n    indicator: 增速\n    unit: '%'\n    type: rate\n    source: {{doc: d}}\n    id: {id}\n"


def test_a_syntax_error_above_targets_is_in_no_target():
    """An unclosed '[' on line 1, above `targets:`, on a line without a key: no target and the
    field yaml, even though the file's last line is an id line (the search for the target goes up
    from the error, never round to the end)."""
    book = tracker.load("[0.9\ntargets:\n" + LAST_ID.format(id="a"))
    assert [(p.line, p.col, p.target_id, p.field, p.message) for p in book.problems] == [
        (1, 1, "-", "yaml", SYNTAX + "方括号 [ 没有闭合，或两项之间缺少逗号（while parsing a flow sequence, did not find expected ',' or ']'）")]
    assert list(book.targets["id"]) == ["a"]


def test_an_unclosed_quote_is_found_in_a_long_entry():
    """Entry a's unclosed quote (line 8, closed by the note's quote on line 10) is found as the
    parser read it, in an entry longer than libyaml reads at once (a note of 6000 characters on
    line 11 ending in a control character the parser never reached)."""
    a = (A.replace("'总量迈上6000亿元'", "'总量迈上6000亿元").replace("value: 5250}", "value: 5250, note: '初步核算'}")
         + "    note: " + "说明" * 3000 + "\x07\n")
    book = tracker.load(file(a=a))
    assert [(p.line, p.col, p.target_id, p.field, p.message) for p in book.problems] == [
        (8, QUOTE_COL, "a", "source",
         SYNTAX + "引号没有配对：这里开始的引号到第 10 行才闭合，其间的内容都成了一个值；请在本行补上结尾的引号"
                  "（while parsing a flow mapping, did not find expected ',' or '}'）")]
    assert list(book.targets["id"]) == ["b", "c"]


def _pure_python_problem(text):
    """The problem for text's syntax error as PyYAML's pure-Python parser (used where libyaml is
    not installed) reports it."""
    with pytest.raises(yaml.YAMLError) as caught:
        yaml.compose(text, Loader=yaml.SafeLoader)
    return loader._syntax_problem("台账.yaml", caught.value, text, text.splitlines(keepends=True))


def test_without_libyaml_a_control_character_is_placed_by_characters():
    """PyYAML's own reader gives a control character's position in characters, not UTF-8 bytes:
    the bell character after 昆山 is still line 12, column 15, of entry b."""
    p = _pure_python_problem(file(b=B.replace("昆山市", "昆山\x07市")))
    assert (p.file, p.line, p.col, p.target_id, p.field, p.message) == (
        "台账.yaml", 12, 15, "b", "region",
        SYNTAX + "这里有看不见的控制字符 U+0007，多半是从 PDF 或网页复制带来的；请删去它（special characters are not allowed #x0007）")


def test_without_libyaml_a_tab_after_a_dash_is_placed_at_the_tab():
    """PyYAML's own scanner names the tab after b's observation dash ('      - \t{', line 19):
    reported at the tab (column 9), not at the line's first character (the dash, column 7)."""
    p = _pure_python_problem(file(b=B.replace("      - {date", "      - \t{date")))
    assert (p.line, p.col, p.target_id, p.field, p.message) == (
        19, 9, "b", "date",
        SYNTAX + "这里有 Tab 字符；缩进只能用空格，请把 Tab 换成空格"
                 "（while scanning for the next token, found character '\\t' that cannot start any token）")


# --- blind test (issue: characters from a Chinese input method, Word or WeChat) -------------------
# Expected places and fixes were written before running the checker: the message names the
# full-width character, at its own line and column, and says what to type instead.
WIDE = [
    ("a full-width colon after a key", file(b=B.replace("region: 昆山市", "region：昆山市")),
     12, 11, "b", ["全角冒号", "region: 昆山市"], ["a", "c"]),
    ("a full-width colon and a space after a key", file(b=B.replace("region: 昆山市", "region： 昆山市")),
     12, 11, "b", ["全角冒号", "region: 昆山市"], ["a", "c"]),
    ("a full-width colon on the id line", file(b=B.replace("- id: b", "- id：b")),
     11, 7, "b", ["全角冒号", "id: b"], ["a", "c"]),
    ("a full-width space after the colon", file(b=B.replace("unit: 亿元", "unit:\u3000亿元")),
     14, 10, "b", ["全角空格", "unit: 亿元"], ["a", "c"]),
    ("a line indented with full-width spaces", file(b=B.replace("    unit: 亿元", "\u3000\u3000unit: 亿元")),
     14, 1, "b", ["全角空格", "半角空格"], ["a", "c"]),
    ("a line indented with no-break spaces from Word", file(b=B.replace("    unit: 亿元", "\u00a0\u00a0\u00a0\u00a0unit: 亿元")),
     14, 1, "b", ["特殊空格", "半角空格"], ["a", "c"]),
    ("a full-width comma between two items in braces",
     file(b=B.replace("{date: 2024, value: 5250}", "{date: 2024， value: 5250}")),
     19, 20, "b", ["全角逗号", "半角逗号"], ["a", "c"]),
    ("full-width braces", file(b=B.replace("{date: 2024, value: 5250}", "｛date: 2024, value: 5250｝")),
     19, 9, "b", ["全角花括号", "{ }"], ["a", "c"]),
    ("a comment line begun with a full-width hash", file(b=B.replace("    progress:\n", "    ＃ 进展\n    progress:\n")),
     18, 5, "b", ["全角", "#"], ["a", "c"]),
]


@pytest.mark.parametrize("text, line, col, target, words, kept", [c[1:] for c in WIDE], ids=[c[0] for c in WIDE])
def test_a_full_width_character_is_named_where_it_is(text, line, col, target, words, kept):
    book = tracker.load(text)
    assert len(book.problems) == 1, [str(p) for p in book.problems]
    p = book.problems[0]
    assert (p.line, p.col, p.target_id, p.severity) == (line, col, target, "error"), str(p)
    assert all(w in p.message for w in words), p.message
    assert list(book.targets["id"]) == kept
