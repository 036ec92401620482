"""Document structure: what a figure's title, heading, paragraph and list say about it.

A sentence does not always say when a target is due, or that it is a target at all: policy
documents say it once, in a title, a heading or the phrase that opens a list, and let it hold
for everything under it. One pass over the lines of a document (not one per figure) finds
those places and the stretch of text each one governs, a `Scope`; `Context.at(pos)` gives the
innermost scope that holds a position.

The rules, each in FIGURES.md wording (vocabulary in vocab.py):

- A plan's name: a document that is a plan of work (its name in its first lines: 《…实施方案》,
  …投资计划的通知; the name ends at 》, a bracket, 的通知 or the line's end) and whose name states
  a year or period (专项行动方案(2025), 2026年第一批…投资计划, 三年行动计划（2024—2026年）) makes
  its targets with no horizon of their own due then; a figure dated in that year or later is one
  of its targets, and a verb of achievement (完成, 建成) in a plan states what is to be achieved.
- An undated document's year: a document that states no date but sets out a year's work under a
  heading (三、2024年主要工作安排) is of that year: its 今年 is 2024.
- Title period: a title line of a plan states its period, 《…三年行动计划（2024—2026年）》,
  实施方案（2024-2026）: its targets with no horizon of their own are due at its last year.
  A period already over when the document was written, or a title of looking back
  (2015—2019年成就回顾), states no deadline.
- Heading period: a heading that states a horizon (到2028年主要目标, （二）发展目标。到2025年，…)
  makes the figures under it, up to the next heading of its rank or higher, targets due then.
- Leading time phrase: a horizon that opens a clause and is followed by a comma or colon
  (到2026年，… / 2024—2026年，全区聚焦：一是……) makes the rest of its paragraph targets due
  then, and the list items on the lines after it when the paragraph ends with a colon.
- Expected-targets section: 主要预期目标 (and 主要目标, 发展目标, 总体目标, or a paragraph with
  目标： or 目标是：, opening a list of goals) opens a section in which
  every figure is a target; 预期目标 are due in the year the section names (2024年…主要预期目标,
  今年…) or else in the document's year. In a paragraph the section runs to its end and over
  the list items after a closing colon; in a heading, to the next heading of its rank or higher.
  A section word followed by words of its completion (2025年主要目标的完成，…) reports on the
  goals and opens no section. In a paragraph, a section of one year ends at a sentence whose first
  words name another year (…增长12%。长沙2022年预计…).
- A section or heading that names no year of its own is due when the scope around it is
  (二、主要目标 under the title 《…三年行动方案（2024—2026年）》: due in 2026).
- A labelled list: a line that ends with a colon (2021年目标:, “十四五”目标:) heads the short
  unmarked lines after it, up to the next such line or a paragraph.
- A work report's plans: after its expected targets for the year (主要预期目标是：…), a figure
  with no cue and no year before it in its sentence is a target, as in a plan of work.
- A year's work: a heading over the work planned for a year (二、2025年工作安排, 今年重点工作),
  not a past one nor a report on it (2025年重点工作进展情况), makes the figures under it with no
  cue of their own targets due that year.
- A past year leading a paragraph: a year already over at the head of a paragraph (2025年，全市
  经济运行稳中有进，…, also after who says it: 龚正指出，2025年…) makes the paragraph a look back:
  no plan of the document reaches its figures (inside a section of goals it stays a goal of that year).
  The document's own year or a later one there, outside any other scope, makes the paragraph's
  targets with no horizon of their own due that year.
- A table flattened to one cell a line (指标名称 / 属性 / 全年目标 / 全年完成, then the rows):
  each figure measures its row's first cell; in a column of goals it is a target, due in the year
  the table's title names (表一 2025年…主要目标完成情况); in a column of results, an actual.
- History: a heading of looking back (成绩单, 回顾, 成就, 过去五年) or a horizon already over closes
  the scopes above it for the lines under it: their figures take no deadline from outside.

Line kinds: a heading is a line that starts with a numbering mark (一、 （一） 1. （1） 第一章), or a
bullet (■ ● ◆ …), or a short line with no closing punctuation; list items are lines with a
numbering mark or bullet, or 一是/二是. Marks have ranks (章 > 一、 > （一） > 1. > （1）); bullets
of one symbol are of one rank, below the numbered ones.
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from typing import Final

from . import vocab
from .normalize import to_simplified
from .numbers import parse_number
from .patterns import PLAN_NOT_AFTER, PLAN_NOT_BEFORE, alternation, trad_forms
from .tables import HEADING_UNIT, RATE_HEADING, UNIT_CELL, UNIT_COLUMN, VALUE_NUMBER

__all__ = ["Scope", "Cell", "Context", "read", "headline_end", "lead_end", "is_plan", "plan_name", "work_year"]


@dataclasses.dataclass(slots=True)
class Scope:
    start: int
    end: int
    deadline: int | None   # the year its targets are due, or None
    targets: bool          # every figure in it is a target (an expected-targets section)
    horizon: bool          # it states a horizon: a figure with no cue of its own is a target
    history: bool = False  # looking back: no deadline comes from outside it
    rule: str = ""         # which rule made it (for tests and debugging)
    plan: bool = False     # it sets out work to be done: a verb of achievement in it (完成, 建成) is a goal


_CN: Final = "一二三四五六七八九十"
#: Numbering marks at the start of a line, by rank (0 highest; group r<N> is rank N). Bullets
#: come after them, rank 5.
_MARK: Final = re.compile(
    rf"""
      (?P<r0>第[{_CN}\d]+(?:[章部节篇]|部分))             # 第一章, 第二部分
    | (?P<r1>[{_CN}]+[、.．])                             # 一、
    | (?P<r2>[（(][{_CN}]+[)）])                           # （一）
    | (?P<r3>\d{{1,2}}(?:[、．]|\.(?!\d)))                 # 1. 1、 (not 1.5%)
    | (?P<r4>[（(]\d{{1,2}}[)）]|[①②③④⑤⑥⑦⑧⑨⑩])         # （1） ①
    """,
    re.VERBOSE,
)
#: The end of a line's first sentence or clause group (a numbered heading's title ends there).
_FIRST_STOP: Final = re.compile(r"[。！？!?；;：:]")
_BULLETS: Final = frozenset(vocab.LIST_BULLETS)
_ITEM_WORDS: Final = re.compile(rf"[{_CN}]是|首先|其次|再次|最后|——")
_CLOSERS: Final = "。！？!?；;"
#: A horizon: 到2026年 / 至2026年 / 2024—2026年 / 2026年前 / （2024-2026）.
_HORIZON: Final = re.compile(
    r"""
      (?:到|至|力[争爭]到?|[争爭]取到?|计划到|計劃到)\s*(?P<by>20\d\d)\s*年(?:底|末)?
    | (?P<from>20\d\d)\s*年?\s*(?:-|—|–|－|至|到|~|～)+\s*(?P<to>20\d\d)\s*年?
    | (?P<before>20\d\d)\s*年\s*(?:前|以前|之前)
    """,
    re.VERBOSE,
)
#: Word lists in either script (the structure is read on the text as read, not converted).
_SECTION: Final = re.compile(alternation(trad_forms(vocab.TARGET_SECTION_WORDS)))
#: A paragraph that opens a list of goals (“八个新”的确切目标: … / 目标是：) opens one too.
_SECTION_OPENER: Final = re.compile(r"目[标標](?:是|為|为|(?:还|還)?(?:包括|包含))?\s*[：:]")
_ANNUAL: Final = re.compile(alternation(trad_forms(vocab.ANNUAL_SECTION_WORDS)))
_SECTION_REVIEW: Final = tuple(trad_forms(vocab.SECTION_REVIEW_FOLLOWERS))
_HISTORY: Final = re.compile(alternation(trad_forms(vocab.HISTORY_WORDS)))
_PLAN_TITLE: Final = re.compile(alternation(trad_forms(vocab.PLAN_TITLE_WORDS)))
_PLAN_PERIOD: Final = re.compile(alternation(vocab.PLAN_PERIODS))
#: A plan period as a horizon (patterns.PLAN_NOT_AFTER, PLAN_NOT_BEFORE: not 锚定“十五五”, “十五五”开局之年).
_PLAN_HORIZON: Final = re.compile(PLAN_NOT_AFTER + "(?:" + alternation(vocab.PLAN_PERIODS) + ")" + PLAN_NOT_BEFORE)
#: A sentence whose first words name a year, also after who says it: 。长沙2022年预计…, 。报告提到，2025年….
_SPEAKER: Final = r"(?:[^，,。：:]{1,12}(?:指出|表示|介绍|介紹|说|說|称|稱|强调|強調|提到)[，,：:]\s*)?"  # 龚正指出，
_SENTENCE_YEAR: Final = re.compile(r"[。！？!?]\s*" + _SPEAKER + r"[^，,。！？!?\d]{0,12}?(20\d\d)\s*年")

#: A year at the head of a paragraph, or right after who says it (龚正指出，): 2025年，…, 展望2025年，….
_PAST_LEAD: Final = re.compile(_SPEAKER + r"(?:展望|面向|放眼)?(20\d\d)\s*年(?:全年|度|以来|來|以來)?\s*[，,]?(?![\d底末前])")

#: After a section's words inside a paragraph, what makes them introduce the goals (是, 为, 如下, a
#: colon or a full stop); else only the words at the head of the paragraph's first clause do.
_INTRODUCES: Final = re.compile(r"\s*(?:是|為|为|建议为|建議為|如下|[：:。])")
#: The next years a heading looks to (今后五年的重点目标, 未来3年主要目标).
_NEXT_YEARS: Final = re.compile(r"(?:今后|未来)\s*([一二两三四五六七八九十\d]{1,2})\s*年")


#: A heading that is a year and nothing more: 2026年——, 2026年：.
_YEAR_HEADING: Final = re.compile(r"\s*(20\d\d)\s*年\s*[—\-–－:：]*\s*")


#: A quotation that the words right after it name as a year's goals: “GDP增长5.5%左右，规模以上工业增加值
#: 增长8.5%左右……”2025年赣州经济社会发展的主要预期目标已确定.
_QUOTED_GOALS: Final = re.compile(r"“([^“”\n]{1,300})”\s*(20\d\d)\s*年[^。！？\n“”]{0,20}?(?:主要预期目标|预期目标|主要目标|发展目标)")


def _count(words: str) -> int:
    """'五' → 5, '3' → 3, '十' → 10: a count of years."""
    return int(parse_number(words) or 0)


_SECTION_HEADING: Final = re.compile(f"(?:{alternation(trad_forms(vocab.TARGET_SECTION_HEADING_WORDS))})"
                                     r"(?=\s*(?:$|是|為|为|如下|[：:]))")
_CLAUSE_BREAK: Final = re.compile(r"[，,；;。！？!?]")
#: After a section's words, what makes it open a list of goals (主要预期目标是：…).
_OPENS_LIST: Final = re.compile(r"\s*(?:是|為|为|建议为|建議為)?\s*[：:]")
_WORK_PLAN: Final = re.compile(alternation(trad_forms(vocab.WORK_PLAN_HEADING_WORDS)))
_WORK_REVIEW: Final = re.compile(alternation(trad_forms(vocab.WORK_REVIEW_WORDS)))
_PLAN_DOCUMENT: Final = re.compile(alternation(vocab.PLAN_DOCUMENT_WORDS))
_PLAN_DOCUMENT_EITHER: Final = re.compile(alternation(trad_forms(vocab.PLAN_DOCUMENT_WORDS)))  # a cheap test first
_NEWS_OF_PLAN: Final = re.compile(alternation(vocab.NEWS_OF_PLAN_WORDS))
_ISSUING: Final = re.compile(alternation(vocab.ISSUING_WORDS))
_PLAN_NAME_REVIEW: Final = re.compile(alternation(vocab.PLAN_NAME_REVIEW_WORDS))
#: The title of a document: what stands in its first characters (a notice's title may run long).
_TITLE_SPAN: Final = 300
_YEAR: Final = re.compile(r"(20\d\d)\s*年|(今年|本年度|本年)")
#: A title or heading is at most this long (characters, after stripping).
_HEADING_MAX: Final = 60
#: Lines read as the headline of a news page: the first few, short, with no closing stop.
_HEADLINE_LINES: Final = 5
#: A lead paragraph (the news item's summary under its headline) is at most this long.
_LEAD_MAX: Final = 200


#: The characters a numbering mark starts with: a cheap test before the pattern.
_MARK_START: Final = frozenset("第（(①②③④⑤⑥⑦⑧⑨⑩0123456789" + _CN)


def _rank(line: str) -> tuple[int, str] | None:
    """(rank, mark type) of a line that starts with a numbering mark or bullet, else None."""
    if not line:
        return None
    c = line[0]
    if c in _BULLETS:
        return 5, c
    if c not in _MARK_START:
        return None
    m = _MARK.match(line)
    if m is None or m.lastgroup is None:
        return None
    return int(m.lastgroup[1]), m.lastgroup[1]


def _is_heading(line: str, marked: bool) -> bool:
    """A heading: a marked line whose first sentence is short, or a short line with no stop."""
    if len(line) <= _HEADING_MAX and line[-1] not in _CLOSERS and not line.endswith(("：", ":")):
        return True
    if marked:
        head = _FIRST_STOP.split(line, maxsplit=1)[0]
        return len(head) <= _HEADING_MAX // 2 and len(head) < len(line)
    return False


def _horizon_year(m: re.Match) -> int:
    return int(m.group("by") or m.group("to") or m.group("before"))


class _Line:
    """A line of the text. (A plain class: the compiled module builds it natively.)"""

    __slots__ = ("start", "end", "text", "rank", "heading", "item")

    def __init__(self, start: int, end: int, text: str, rank: tuple[int, str] | None, heading: bool,
                 item: bool) -> None:
        self.start = start
        self.end = end
        self.text = text  # stripped
        self.rank = rank
        self.heading = heading
        self.item = item  # a list item: a numbering mark, a bullet, or 一是/二是


@dataclasses.dataclass(slots=True)
class Cell:
    """A cell of a table flattened to one cell a line: its line, its row's and column's headings."""
    start: int
    end: int
    row: str               # the row's first cell (what its figures measure)
    kind: str | None       # 'target' in a column of goals (全年目标), 'actual' in one of results (全年完成)
    year: int | None       # the year the table's title names (表一 2025年…主要目标完成情况)
    unit: str | None = None  # a bar table's bare number: the unit its column or its row's 单位 gives (亿元, %)
    rate: bool = False       # ... in a column of rates (增速(%)): the row's growth rate


#: A flattened table's heading cells and data cells are short lines; a longer one ends the table.
_CELL_MAX: Final = 40
_HEADING_CELL_MAX: Final = 12
_TARGET_COLUMN: Final = re.compile(alternation(trad_forms(vocab.TABLE_TARGET_COLUMNS)))
_ACTUAL_COLUMN: Final = re.compile(alternation(trad_forms(vocab.TABLE_ACTUAL_COLUMNS)))
_DIGIT: Final = re.compile(r"\d")
#: A number that is no year (增长5.5%, not 到2025年).
_AMOUNT: Final = re.compile(r"\d+(?:\.\d+)?(?![\d.])(?!\s*年)")


_COLUMN_WORD: Final = re.compile(alternation(trad_forms(vocab.TABLE_TARGET_COLUMNS + vocab.TABLE_ACTUAL_COLUMNS)))


def _column_kind(heading: str) -> str | None:
    if _ACTUAL_COLUMN.search(heading):
        return "actual"  # 全年完成, 实际完成
    return "target" if _TARGET_COLUMN.search(heading) else None


def flattened_tables(lines: list[_Line]) -> list[Cell]:
    """The cells of tables written one cell a line: a run of three or more short heading lines
    with no digits, the last of them a column of goals or of results (指标名称 / 属性 / 全年目标 /
    全年完成), then rows of as many lines, each row's first cell its heading (a name, no digits).
    The table ends at a line too long for a cell or a row whose first cell holds a number. The
    line before the headings is the table's title; the year it names is the goals' year."""
    cells: list[Cell] = []
    if not any(len(line.text) <= _HEADING_CELL_MAX and _COLUMN_WORD.search(line.text) for line in lines):
        return cells  # no short line of a column of goals or results: a cheap test first
    i, n = 0, len(lines)
    while i < n:
        k = 0
        while (i + k < n and len(lines[i + k].text) <= _HEADING_CELL_MAX and lines[i + k].text[-1] not in _CLOSERS
               and _DIGIT.search(lines[i + k].text) is None):
            k += 1
        kinds = [_column_kind(lines[j].text) for j in range(i, i + k)]
        # the headings end with the last column of goals or results: the first row's cells (a name,
        # 预期性) are short lines with no digits too
        last = max((c for c in range(1, k) if kinds[c] is not None), default=0)
        if last < 2:
            i += max(k, 1)
            continue
        k = last + 1
        kinds = kinds[:k]
        title = lines[i - 1].text if i else ""
        y = _YEAR.search(title)
        year = int(y.group(1)) if y and y.group(1) else None
        j = i + k
        while j < n and len(lines[j].text) <= _CELL_MAX and _DIGIT.search(lines[j].text) is None:
            row = to_simplified(lines[j].text)
            c = 1
            while c < k and j + c < n and len(lines[j + c].text) <= _CELL_MAX:  # the last row may stop short
                line = lines[j + c]
                cells.append(Cell(line.start, line.end, row, kinds[c], year))
                c += 1
            j += k
        i = j
    return cells


#: A line of a table written with bars (| 规上工业增加值 | 亿元 | 增长7%以上 | 820.9 | 11.2 |).
_BAR_MIN: Final = 2
_BAR_CELL: Final = re.compile(r"[^|]+")
#: A heading of the column that names the rows (指标名称, 项目).
_NAME_HEADING: Final = re.compile(r"指[标標]|名[称稱]|项目|項目")
_SERIAL_HEADING: Final = re.compile(r"序\s*号|序\s*號")


def _bar_cells(line: _Line, text: str) -> list[tuple[int, int, str]]:
    """The non-empty cells of a bar-table line: (start, end, text stripped), in the document."""
    out = []
    for m in _BAR_CELL.finditer(text, line.start, line.end):
        cell = m.group().strip(" \t\u3000")
        if cell:
            a = m.start() + m.group().index(cell)
            out.append((a, a + len(cell), cell))
    return out


def bar_tables(lines: list[_Line], text: str) -> list[Cell]:
    """The cells of tables written with bars, as the text of a web page's table is often stored:

        表 上半年温州市国民经济和社会发展计划主要指标完成情况
        序号 | 指标名称 | 单位 | 目标 | 上半年实绩 |
        绝对值 | 增速(%) |
        经济发展 | 1 | 地区生产总值(GDP) | 亿元 | 增长6%以上 | 4297.8 | 6.2 |

    The first lines with no value (only words, years) are the headings; a second such line with
    fewer cells divides the last heading (上半年实绩 → 绝对值, 增速(%)). A row with more cells than
    headings has group labels at its left (经济发展), one with fewer stops short at its right. Each
    value cell measures its row's name (the 指标名称 column), is a goal or a result by its column's
    heading (目标, 实绩: as in a flattened table), and a bare number takes the unit of its column's
    heading (增速(%)) or, outside columns of rates, its row's 单位."""
    cells: list[Cell] = []
    i, n = 0, len(lines)
    while i < n:
        if lines[i].text.count("|") < _BAR_MIN:
            i += 1
            continue
        j = i
        while j < n and lines[j].text.count("|") >= _BAR_MIN:
            j += 1
        run = [_bar_cells(line, text) for line in lines[i:j]]
        title = lines[i - 1].text if i else ""
        y = _YEAR.search(title)
        year = int(y.group(1)) if y and y.group(1) else None
        depth = 0
        while depth < len(run) and run[depth] and not any(VALUE_NUMBER.search(c[2]) for c in run[depth]):
            depth += 1
        if depth == 0 or depth == len(run):
            i = j
            continue
        headings = [c[2] for c in run[0]]
        if depth > 1 and 1 < len(run[1]) < len(headings):
            headings = headings[:-1] + [headings[-1] + " " + c[2] for c in run[1]]
        width = len(headings)
        name_col = next((k for k, h in enumerate(headings) if _NAME_HEADING.search(h)), None)
        unit_col = next((k for k, h in enumerate(headings) if UNIT_COLUMN.fullmatch(h)), None)
        serial_col = next((k for k, h in enumerate(headings) if _SERIAL_HEADING.fullmatch(h)), None)
        kinds = [_column_kind(h) for h in headings]
        units = []
        for h in headings:
            m = HEADING_UNIT.search(h)
            units.append(m.group("unit").strip() if m else None)
        for row in run[depth:]:
            row = row[len(row) - width:] if len(row) > width else row
            if name_col is None or name_col >= len(row):
                continue
            name = to_simplified(row[name_col][2]).lstrip("#＃*")
            row_unit = (row[unit_col][2] if unit_col is not None and unit_col < len(row)
                        and UNIT_CELL.fullmatch(row[unit_col][2]) else None)
            for k, (a, z, value) in enumerate(row):
                if k in (name_col, unit_col, serial_col):
                    continue
                rate = RATE_HEADING.search(headings[k]) is not None
                unit = units[k] or (row_unit if not rate else None)
                cells.append(Cell(a, z, name, kinds[k], year, unit, rate and unit is not None))
        i = j
    return cells


class Context:
    """The scopes of one document, looked up by position.

    `at` is called with positions in document order (the engine reads figures in order): a sweep
    keeps the scopes open at the position in a stack, so each scope is pushed and popped once
    and the whole document costs time linear in its scopes, however they nest.
    """

    __slots__ = ("scopes", "headline_end", "lead_end", "plan_from", "cells", "_cell_starts", "_next", "_open",
                 "_last")

    def __init__(self, scopes: list[Scope], headline_end: int, lead_end: int | None = None,
                 plan_from: int | None = None, cells: list[Cell] | None = None):
        self.scopes = sorted(scopes, key=lambda s: (s.start, -s.end))
        self.cells = cells or []
        self._cell_starts = [c.start for c in self.cells]
        # where the document starts to set out work to be done (a plan of work: 0; a work report:
        # its expected targets for the year), or None: from there a figure with no cue is a target
        self.plan_from = plan_from
        self.headline_end = headline_end
        self.lead_end = headline_end if lead_end is None else lead_end
        self._next, self._last = 0, -1
        self._open: list[Scope] = []

    def cell_at(self, pos: int) -> Cell | None:
        """The cell of a flattened table whose line holds `pos`, or None."""
        if not self.cells:
            return None
        i = bisect.bisect_right(self._cell_starts, pos)
        return self.cells[i - 1] if i and pos < self.cells[i - 1].end else None

    def at(self, pos: int) -> Scope | None:
        """The innermost scope that holds `pos` (the one that starts last), or None."""
        if pos < self._last:  # out of order: sweep again from the start
            self._next, self._open = 0, []
        self._last = pos
        scopes, opened = self.scopes, self._open
        while self._next < len(scopes) and scopes[self._next].start <= pos:
            opened.append(scopes[self._next])
            self._next += 1
        while opened and opened[-1].end <= pos:  # closed before pos: never open again
            opened.pop()
        return opened[-1] if opened else None


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        stripped = raw.strip(" \t\u3000\r\ufeff")
        if stripped:
            rank = _rank(stripped)
            out.append(_Line(pos, end, stripped, rank, _is_heading(stripped, rank is not None),
                             rank is not None or _ITEM_WORDS.match(stripped) is not None))
        pos = end + 1
    return out


def _closes(opener: tuple[int, str] | None, line: _Line) -> bool:
    """Does `line` end the section of a heading marked `opener`?"""
    if line.rank is None:
        return opener is None and line.heading
    if opener is None:
        return line.heading and line.rank[0] < 5
    return line.rank[0] < opener[0] or line.rank[1] == opener[1]


def _item_runs(lines: list[_Line]) -> list[int]:
    """For each line, the end of the run of list items it belongs to (-1 for a line that is not
    an item). A run goes on while lines are items of its first item's rank or lower (a 1. list
    ends at the next 二、 or （二）). One pass: the work stays linear in the number of lines."""
    ends = [-1] * len(lines)
    first = 0
    while first < len(lines):
        line = lines[first]
        if not line.item:
            first += 1
            continue
        rank = line.rank[0] if line.rank else 5
        last = first
        while last + 1 < len(lines):
            nxt = lines[last + 1]
            if not nxt.item or (nxt.rank is not None and nxt.rank[0] < rank):
                break
            last += 1
        for j in range(first, last + 1):
            ends[j] = lines[last].end
        first = last + 1
    return ends


def _extent(lines: list[_Line], i: int, in_heading: bool, text_end: int, runs: list[int]) -> int:
    """Where a scope opened on line i ends: the next heading of its rank or higher for a heading;
    for a paragraph, its end, or when it ends with a colon, past the list items after it or the
    paragraph after it."""
    line = lines[i]
    if in_heading:
        for nxt in lines[i + 1:]:
            if _closes(line.rank, nxt):
                return nxt.start
        return text_end
    if line.text.endswith(("：", ":")) and i + 1 < len(lines):
        # the list items after it, or else the one paragraph it opens (…确切目标:⏎经济发展…，年均增长6%左右),
        # or else the short unmarked lines it heads (2021年目标:⏎生产总值增长6.5%左右⏎城镇新增就业40万人),
        # up to the next line that heads its own (十四五目标:)
        if runs[i + 1] >= 0:
            return runs[i + 1]
        if not lines[i + 1].heading:
            return lines[i + 1].end
        j = i + 1
        while (j < len(lines) and lines[j].heading and lines[j].rank is None
               and not lines[j].text.endswith(("：", ":"))):
            j += 1
        return lines[j - 1].end if j > i + 1 else line.end
    return line.end


#: A document with none of these has no scope to find (a cheap test before reading its lines).
_TRIGGERS: Final = re.compile(r"目[标標]|20\d\d|今年|本年")


def read(text: str, doc_date: dt.date | None) -> Context:
    """The scopes of `text`, in one pass over its lines."""
    name = plan_name(text)
    year_now = doc_date.year if doc_date else None
    due = _named_year(name) if name is not None else news_plan_period(text)
    # the plan's name states its year or period (《…专项行动方案(2025)》, 《…2026年第一批…投资计划》,
    # 《…“十四五”规划》), or the text is news of a plan so named
    # (news of a plan reports what it sets out: a figure with no cue of its own there is a goal)
    named = ([Scope(0, len(text), due, False, False, rule="plan-name", plan=name is None)]
             if due is not None and (year_now is None or due >= year_now) else [])
    if _TRIGGERS.search(text) is None:
        top = headline_end(text)
        return Context(named, top, lead_end(text, top), 0 if name is not None else None)
    lines = _lines(text)
    runs = _item_runs(lines)
    scopes: list[Scope] = named
    plan_from = 0 if name is not None else None
    body = False  # a sentence of the body has been seen: the headline is over
    for i, line in enumerate(lines):
        t = line.text
        in_heading = line.heading
        if i:
            prev = lines[i - 1].text
            body = body or len(prev) > _HEADING_MAX or prev[-1] in _CLOSERS
        # looking back ('二、2025年工作回顾'): what a heading, or a line that opens a section, says
        history = in_heading and _HISTORY.search(t) is not None
        # Looking back, or a title's or heading's period: a plan's title line states its deadline.
        if in_heading:
            m = None
            if "20" in t:
                for m in _HORIZON.finditer(t):
                    pass
            past = m is not None and year_now is not None and _horizon_year(m) < year_now
            if history or past:
                scopes.append(Scope(line.start, _extent(lines, i, True, len(text), runs), None, False, False,
                                    True, "history"))
                continue
            if m is not None and line.rank is None and _PLAN_TITLE.search(t):
                scopes.append(Scope(line.start, len(text), _horizon_year(m), False, False, rule="title"))
                continue
        # Expected-targets section.
        sec = None
        if "目标" in t or "目標" in t:
            sec = _SECTION.search(t) or _SECTION_HEADING.search(t) or _SECTION_OPENER.search(t)
        if sec is not None and t.startswith(_SECTION_REVIEW, sec.end()):
            sec = None  # '2025年主要目标的完成，标志着…': a report on the goals
        if (sec is not None and not in_heading and not _INTRODUCES.match(t, sec.end())
                and _CLAUSE_BREAK.search(t, 0, sec.start()) is not None):
            sec = None  # '…，确定了全市工业的发展目标，并在…': goals mentioned inside a sentence
        if sec is not None and not in_heading:
            history = _HISTORY.search(t) is not None
        if sec is not None and not history:
            year = None
            for y in _YEAR.finditer(t, 0, sec.start()):
                year = int(y.group(1)) if y.group(1) else year_now
            h = _HORIZON.search(t, 0, len(t) if in_heading else sec.start())
            if h is not None:
                year = _horizon_year(h)
            if year is None:
                p = _PLAN_HORIZON.search(t, 0, sec.start())  # “十四五”目标:
                if p is not None:
                    year = vocab.PLAN_PERIODS[p.group().strip("“”")]
            if year is None and doc_date is not None:
                r = _NEXT_YEARS.search(t, 0, sec.start())  # 今后五年的重点目标 (FIGURES.md: a relative period)
                if r is not None:
                    year = doc_date.year + _count(r.group(1)) - (1 if doc_date.month <= 6 else 0)
            annual = _ANNUAL.search(t) is not None
            if year is None and annual:
                year = year_now
            # a heading's section starts with the clause that names it ('济南去年GDP预计超过1.4万亿元，
            # 今年预期目标增长5%以上': the year before is no goal)
            clause = max((c.end() for c in _CLAUSE_BREAK.finditer(t, 0, sec.start())), default=0)
            start = line.start + (clause if in_heading else sec.start())
            # a headline that states a goal ('新疆2026年地区生产总值预期目标增长5.5%—6%') governs only
            # itself: the news below it may first look back
            stated_in_headline = (in_heading and not body and line.rank is None
                                  and _AMOUNT.search(t, sec.end()) is not None)
            if annual and (in_heading or _OPENS_LIST.match(t, sec.end())) and not stated_in_headline:
                # a work report's expected targets for the year: what the report goes on to plan
                plan_from = start if plan_from is None else min(plan_from, start)
            end = _extent(lines, i, in_heading, len(text), runs)
            if stated_in_headline or (in_heading and sec.group().endswith(("：", ":")) and t[sec.end():].strip()):
                end = line.end  # '各地相继公布今年经济增长目标:部分地区高于…': a headline's clause, no list
            if not in_heading and year is not None:
                # '…主要预期目标是…增长12%。长沙2022年预计…': a sentence of another year ends it
                other = next((m for m in _SENTENCE_YEAR.finditer(t, sec.end()) if int(m.group(1)) != year), None)
                if other is not None:
                    end = min(end, line.start + other.start() + 1)
            scopes.append(Scope(start, end, year, True, True, rule="section"))
            continue
        # A heading over a year's work (二、2025年工作安排): what it lists is due that year.
        if (in_heading and not history and _WORK_PLAN.search(t) and not _WORK_REVIEW.search(t)
                and not _PLAN_NAME_REVIEW.search(t)):  # '2025年工作情况及2026年工作计划': a review first
            ym = _YEAR.search(t)
            year = (int(ym.group(1)) if ym.group(1) else year_now) if ym else None
            if year is not None and (year_now is None or year >= year_now):
                scopes.append(Scope(line.start, _extent(lines, i, True, len(text), runs), year, False, True,
                                    rule="work-plan", plan=True))
                continue
        # A heading that is only a year (2026年——, 2026年：) of the document or later: what is under it
        # is that year's (a report's sections by year: 2025年—— the year's results, 2026年—— its goals)
        if in_heading and not history and year_now is not None and "20" in t:
            only = _YEAR_HEADING.fullmatch(t)
            if only is not None and int(only.group(1)) >= year_now:
                # to the next such heading, or a numbered heading, or the end
                end = next((ln.start for ln in lines[i + 1:] if _YEAR_HEADING.fullmatch(ln.text) or ln.rank is not None),
                           len(text))
                scopes.append(Scope(line.start, end, int(only.group(1)), False, True, rule="year-heading"))
                continue
        # A year already over that opens a paragraph ('2025年，全市经济运行稳中有进，…', also after
        # '龚正指出，'): the paragraph looks back; its figures are what that year brought.
        if not in_heading and year_now is not None and "20" in t:
            lead_m = _PAST_LEAD.match(t)
            if (lead_m is not None and int(lead_m.group(1)) < year_now
                    and not any(sc.targets and sc.start <= line.start < sc.end for sc in scopes)):
                scopes.append(Scope(line.start, line.end, None, False, False, True, "past-lead"))
            elif (lead_m is not None and not lead_m.group().rstrip("，, ").endswith(("以来", "來"))
                  and not any(sc.start <= line.start < sc.end for sc in scopes)):
                # the document's own year or a later one ('2025年全县30项民生实事中，…2个嵌入式养老机构
                # 建设已完成1个'): the paragraph's targets with no horizon of their own are due then
                scopes.append(Scope(line.start, line.end, int(lead_m.group(1)), False, False, rule="year-lead"))
        # Leading time phrase (or a heading's horizon).
        if "20" in t:
            for m in _HORIZON.finditer(t):
                after = t[m.end():m.end() + 1]
                opens = m.start() == 0 or t[m.start() - 1] in "，,：:。；;）)" or in_heading
                if not (opens and ((after != "" and after in "，,：:") or in_heading)):
                    continue
                year = _horizon_year(m)
                if year_now is not None and year < year_now:
                    break
                marked = in_heading and line.rank is not None  # a headline governs only itself
                start = line.start if marked else line.start + m.start()
                end = _extent(lines, i, marked, len(text), runs) if marked or not in_heading else line.end
                scopes.append(Scope(start, end, year, False, True, rule="heading" if marked else "lead"))
                break
    if "前" in text or "内" in text:
        cells = _time_limit_cells(lines)
        if cells:
            scopes = sorted(scopes + cells, key=lambda sc: sc.start)
    if "”" in text:
        quoted = [Scope(m.start(), m.end(1), int(m.group(2)), True, True, rule="quoted-goals")
                  for m in _QUOTED_GOALS.finditer(text)]
        if quoted:
            scopes = sorted(scopes + quoted, key=lambda sc: sc.start)
    _inherit_deadlines(scopes)
    top = _headline_end(lines, text)
    cell_list = flattened_tables(lines)
    if "|" in text:
        cell_list = sorted(cell_list + bar_tables(lines, text), key=lambda c: c.start)
    return Context(scopes, top, lead_end(text, top), plan_from, cell_list)


#: A cell of a task table that gives its row's time limit (2024年底前, 2024年6月底前, 2025年内).
_TIME_LIMIT_CELL: Final = re.compile(r"(20\d\d)\s*年\s*(?:\d{1,2}\s*月)?\s*(?:底|末)?\s*(?:前|以前|之前|内)")
#: A row's number standing as a cell of its own.
_ROW_NUMBER: Final = re.compile(r"\d{1,3}")
#: How many lines back a row's start is looked for.
_ROW_LINES: Final = 40


def _time_limit_cells(lines: list[_Line]) -> list[Scope]:
    """A task table written one cell a line (序号 / 任务 / 责任单位 / 完成时限): a line that is only a
    time limit dates the row it ends, from the row's number (a line that is only a number) or the
    cell after the row before's time limit. A time limit found with no row start dates nothing."""
    out: list[Scope] = []
    for i, line in enumerate(lines):
        t = line.text
        if len(t) > 14 or not t.startswith("20"):
            continue
        m = _TIME_LIMIT_CELL.fullmatch(t)
        if m is None:
            continue
        start = None
        for j in range(i - 1, max(-1, i - _ROW_LINES - 1), -1):
            prev = lines[j].text
            if _ROW_NUMBER.fullmatch(prev):
                start = lines[j].start
                break
            if _TIME_LIMIT_CELL.fullmatch(prev):
                start = lines[j].end + 1
                break
        if start is not None:
            out.append(Scope(start, line.start, int(m.group(1)), False, True, rule="time-limit-cell"))
    return out


def _inherit_deadlines(scopes: list[Scope]) -> None:
    """A section that names no year of its own is due when the scope around it is: 二、主要目标
    under the title 《…三年行动方案（2024—2026年）》 sets targets due in 2026. A history scope
    passes no deadline on, and takes none. One sweep over the scopes in document order, with a
    stack of those around the current one."""
    around: list[Scope] = []
    scopes.sort(key=lambda s: (s.start, -s.end))  # in place: Context's own sort then finds them in order
    for s in scopes:
        while around and around[-1].end < s.end:  # ends before this one does: it does not hold it
            around.pop()
        if not s.history and around and not around[-1].history:
            if s.deadline is None:
                s.deadline = around[-1].deadline
            s.plan = s.plan or around[-1].plan  # a list under a year's work is of that work
        around.append(s)


def is_plan(text: str) -> bool:
    """The document is a plan of work (实施方案, 行动计划, 工作要点 …): its title, in its first
    characters, names one, and is no news of it (a title with 发布 or 印发 before the name reports
    on a plan, unless it is a notice that issues one: 关于印发《…实施方案》的通知)."""
    return plan_name(text) is not None


def plan_name(text: str) -> str | None:
    """The name of the plan of work the document is (see `is_plan`), in simplified characters:
    from the 《 that opens it, or else the start of its line, to the word that names a plan."""
    if _PLAN_DOCUMENT_EITHER.search(text, 0, _TITLE_SPAN) is None:
        return None
    title = to_simplified(text[:_TITLE_SPAN])  # 關于印發 as 关于印发, whatever mix of scripts
    # the word ends a name (…实施方案》, …行动方案(2025), …投资计划的通知, a title line), not a
    # phrase of a sentence (固定资产投资计划达到, 根据实施方案，)
    m = next((m for m in _PLAN_DOCUMENT.finditer(title) if _NAME_END.match(title, m.end())), None)
    if m is None:
        return None
    news = _NEWS_OF_PLAN.search(title, 0, m.start())
    if news is not None and _ISSUING.search(title, 0, m.start()) is None:
        return None
    opened = title.rfind("《", 0, m.start())
    start = max(opened, title.rfind("\n", 0, m.start())) + 1
    if _PLAN_NAME_REVIEW.search(title, start, m.start()) is not None:
        return None  # '…2025年工作总结及2026年工作计划': a review first, its plan under a heading
    # the name goes on over the period after the plan's word: 《…方案（2025）》, …行动计划(2024—2026年)
    end = m.end()
    if title[end:end + 1] in ("(", "（"):
        close = min((i for i in (title.find(")", end), title.find("）", end)) if i >= 0), default=-1)
        end = close + 1 if close >= 0 else end
    return title[start:end]


#: What follows the word that names a plan at the end of its name.
_NAME_END: Final = re.compile(r"[ \t\u3000]*(?:$|》|[（(〔]|的通知)", re.MULTILINE)

#: A single year a plan's name states: 2026年第一批…投资计划, 专项行动方案(2025).
_NAMED_YEAR: Final = re.compile(r"(20\d\d)\s*年|[（(]\s*(20\d\d)\s*[)）]")


#: A plan named with its five-year period near a text's top and then issued or cited by a short
#: name: 《广州市文化和旅游发展“十四五”规划(以下简称《规划》)》由…发布实施.
_NEWS_PLAN: Final = re.compile(r"《([^《》\n]{0,40}?(?:" + alternation(vocab.PLAN_PERIODS) + r")[^《》\n]{0,30}?)(?:》|[(（]以下简称)"
                               r"[^。\n]{0,30}?(?:以下简称|发布|印发|出台|公布|实施)")
#: ... or named with its years (实施方案(2024-2027年)) after a verb that issues it or asks for views on
#: it: 发布关于面向社会征求《…实施方案(2024-2027年)(征求意见稿)》意见的公告.
_NEWS_PLAN_YEARS: Final = re.compile(r"(?:发布|印发|出台|公布|征求|制定)[^。\n《]{0,20}?《([^《》\n]{0,60}?"
                                     r"20\d\d\s*年?\s*(?:-|—|–|－|至|到|~|～)+\s*20\d\d\s*年?[^《》\n]{0,20}?)》")


#: The text refers back to the plan it named, to report what it sets out: 《方案》提出, 该计划明确, 以下简称.
_REFERS_BACK: Final = re.compile(r"《(?:方案|规划|計劃|计划|規劃|意见|意見)》|[该該](?:方案|规划|規劃|计划|計劃)|以下[简簡]称")


def news_plan_period(text: str) -> int | None:
    """The last year of the period of the plan a news text reports (see _NEWS_PLAN, _NEWS_PLAN_YEARS):
    its targets with no horizon of their own are due then. None when the text's top names no such plan."""
    head = text[:_TITLE_SPAN]
    if "《" not in head:
        return None  # a cheap test first: most texts name no plan at their top
    if any(p in head for p in vocab.PLAN_PERIODS):
        m = _NEWS_PLAN.search(to_simplified(head))
        if m is not None:
            period = _PLAN_PERIOD.search(m.group(1))
            return vocab.PLAN_PERIODS[period.group()] if period else None
    if "20" in head:
        simple = to_simplified(head)
        m = _NEWS_PLAN_YEARS.search(simple)
        if m is not None and _PLAN_DOCUMENT.search(m.group(1)) and _REFERS_BACK.search(text, m.end(), 2 * _TITLE_SPAN):
            return _named_year(m.group(1))  # and the text goes on to say what it sets out: 《方案》提出…
    return None


def _named_year(name: str) -> int | None:
    """The year a plan's name states it is due: the last year of its period (三年行动计划（2024—
    2026年）: 2026), or its one year (专项行动方案(2025), 2026年第一批…投资计划: 2025, 2026)."""
    if "20" not in name:
        period = _PLAN_PERIOD.search(name)  # 《某市“十四五”现代产业体系发展规划》: 2025
        return vocab.PLAN_PERIODS[period.group()] if period else None
    h = None
    for h in _HORIZON.finditer(name):
        pass
    if h is not None:
        return _horizon_year(h)
    years = [int(m.group(1) or m.group(2)) for m in _NAMED_YEAR.finditer(name)]
    return years[-1] if years else None


#: A heading over a year's work that names its year: 三、2024年主要工作安排, 2024年重点工作.
_WORK_YEAR: Final = re.compile(r"(20\d\d)\s*年(?:度)?[^\n。！？，,]{0,16}?(?:"
                               + alternation(trad_forms(vocab.WORK_PLAN_HEADING_WORDS)) + ")")


#: A year's expected targets, named with their year: 2026年上海经济社会发展主要预期目标.
_TARGETS_YEAR: Final = re.compile(r"(20\d\d)\s*年(?:度)?[^\n。！？，,；;]{0,16}?(?:"
                                  + alternation(trad_forms(vocab.ANNUAL_SECTION_WORDS)) + ")")


def work_year(text: str) -> int | None:
    """The year whose expected targets a document states (2026年…主要预期目标), or whose work it
    sets out under a heading (三、2024年主要工作安排; not a report on that work, 2024年重点工作
    进展情况, nor a look back): for a document that states no date of its own, the year it was
    written in (a work report is given early in the year it plans)."""
    m = _TARGETS_YEAR.search(text)
    if m is not None:  # '公布2026年上海经济社会发展主要预期目标': the year's expected targets
        return int(m.group(1))
    for m in _WORK_YEAR.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start:len(text) if line_end < 0 else line_end].strip(" \t\u3000\r\ufeff")
        if (_is_heading(line, _rank(line) is not None) and _WORK_REVIEW.search(line) is None
                and _HISTORY.search(line) is None):
            return int(m.group(1))
    return None


def _headline_end(lines: list[_Line], text: str) -> int:
    """`headline_end` from the lines `read` has already made."""
    limit, pos = len(text), -1
    for _ in range(_HEADLINE_LINES * 3):  # the headline is read in the first lines only
        pos = text.find("\n", pos + 1)
        if pos < 0:
            break
    else:
        limit = pos + 1
    end = seen = 0
    for line in lines:
        if line.start >= limit:
            break
        t = line.text
        if len(t) > _HEADING_MAX or t[-1] == "。" or line.rank or seen == _HEADLINE_LINES:
            break
        end, seen = line.end, seen + 1
    return end


def headline_end(text: str) -> int:
    """End of the headline of a news page: its first lines while they are short and have no
    closing stop (13.57万亿!全国首个); 0 when the document starts with a sentence."""
    end = pos = seen = 0
    for raw in text.split("\n", _HEADLINE_LINES * 3)[:_HEADLINE_LINES * 3]:
        stripped = raw.strip(" \t\u3000\r\ufeff")
        if stripped:
            if len(stripped) > _HEADING_MAX or stripped[-1] == "。" or _rank(stripped) or seen == _HEADLINE_LINES:
                break
            end, seen = pos + len(raw), seen + 1
        pos += len(raw) + 1
    return end


def lead_end(text: str, start: int) -> int:
    """End of the lead paragraph of a news item: the first paragraph after its headline (which
    ends at `start`; none without one) when it is a short sentence or two (at most _LEAD_MAX
    characters, ending with a stop, no heading or list item) and a body follows it; else `start`."""
    if start == 0:
        return 0  # a document that starts with a sentence has no headline, and so no lead
    pos, n = start, len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        stripped = text[pos:end].strip(" \t\u3000\r\ufeff")
        if stripped:
            if (len(stripped) > _LEAD_MAX or stripped[-1] not in _CLOSERS or _rank(stripped)
                    or not text[end:].strip()):
                return start
            return end
        pos = end + 1
    return start
