"""Loader paths the catalogues did not reach (issue #12, found by `make mutate`), one table each.

Every expectation is worked out by hand from the text of its case: line and column are counted
in the text (1-based), the field is the key written on that line, the wording names what the
rule says (a rate needs no target; a scalar tag is a list of one; a list, a mapping or an empty
value is described as 列表, 键值表 or 空值).
"""
import pytest

import tracker

HEAD = "targets:\n  - id: a\n    region: 某市\n    indicator: 增速\n    unit: '%'\n    source: {doc: d}\n"
# lines: 1 targets, 2 "- id: a" (the id's "-" at column 3, the entry at column 5), 3 region,
# 4 indicator, 5 unit, 6 source; extra lines start at line 7.


def problems(text):
    return [(p.line, p.col, f"{p.target_id}/{p.field}", p.message) for p in tracker.load(text).problems]


# A target value is required, except for a growth rate (type rate, written rate or 增速).
TYPES = [
    ("no type: a level needs a target", "", False),
    ("type level", "    type: level\n", False),
    ("type flow", "    type: flow\n", False),
    ("type rate", "    type: rate\n", True),
    ("type 增速 (rate in Chinese)", "    type: 增速\n", True),
    ("a list is no type", "    type: [rate]\n", False),
]


@pytest.mark.parametrize("extra, loads", [c[1:] for c in TYPES], ids=[c[0] for c in TYPES])
def test_a_rate_needs_no_target_value(extra, loads):
    found = problems(HEAD + extra)
    missing = [p for p in found if p[2] == "a/target"]
    assert (missing == []) is loads
    if not loads:
        assert missing[0][:2] == (2, 5) and "target" in missing[0][3]


RATE = HEAD + "    type: rate\n"
# (id, tags line (line 8), the tags read, or the problem's (line, col, field) and a word of it)
TAGS = [
    ("one tag without brackets", "    tags: 12345\n", ["12345"], None),
    ("no tag", "    tags: ~\n", [], None),
    ("a list", "    tags: [\"12345\", 新型工业化]\n", ["12345", "新型工业化"], None),
    ("a mapping", "    tags: {a: 1}\n", None, (8, 11, "a/tags", "列表")),
    ("an empty tag", "    tags: [a, ~]\n", None, (8, 15, "a/tags", "标签")),
    ("a tag that is a list", "    tags: [a, [b]]\n", None, (8, 15, "a/tags", "列表")),
]


@pytest.mark.parametrize("line, tags, problem", [c[1:] for c in TAGS], ids=[c[0] for c in TAGS])
def test_tags(line, tags, problem):
    book = tracker.load(RATE + line)
    if problem is None:
        assert not book.problems and book.targets["tags"].tolist() == [tags]
    else:
        (found,) = [(p.line, p.col, f"{p.target_id}/{p.field}", p.message) for p in book.problems]
        assert found[:3] == problem[:3] and problem[3] in found[3]
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
    found = [p for p in problems(head + RATE) if p[2].startswith("settings")]
    assert [p[:3] for p in found] == [where] and words in found[0][3]


def test_a_syntax_error_names_the_file(tmp_path):
    path = tmp_path / "台账.yaml"
    path.write_text(RATE.replace("{doc: d}", "{doc: 'd}"), encoding="utf-8")
    (problem,) = tracker.load(path).problems
    assert problem.file == str(path) and (problem.line, problem.target_id) == (6, "a")


def test_a_syntax_error_before_any_target_is_placed_where_it_began():
    """No targets: line and no list item: the whole file's error, at the brace that never closes
    (line 1, column 11), with no offset added."""
    found = problems("settings: {on_track: 0.9\n")
    assert [p[:3] for p in found] == [(1, 11, "-/settings")]
    assert found[0][3].startswith("YAML 语法错误：")


def test_a_syntax_error_on_a_line_without_a_key():
    """An observation written as an unclosed list ([2024, 5250) on line 9 of target a: the error
    names the target and, with no key on that line, the field yaml."""
    text = RATE + "    progress:\n      - [2024, 5250\n  - id: b\n    region: 某市\n    indicator: 增速\n" \
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
