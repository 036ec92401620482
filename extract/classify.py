"""Classify a found figure: kind, sign, qualifier, indicator, region, deadline, period.

Every function takes the simplified sentence (same length as the original, see
normalize.py) and positions inside it, and decides one thing. Where text can be read
two ways, the rule that decides is named here with a one-line reason.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
from typing import Final, Iterable

import re

from . import vocab
from .numbers import parse_number
from .patterns import (CLAUSE_SEP_CHARS, CLAUSE_SEP_OR_REGION, CUES, DEADLINE, DEADLINE_NEEDS, FIGURE, PERIOD,
                       PERIOD_NEEDS, REGION_FORMS, REGIONS, REGIONS_ANY_SCRIPT, alternation, trad_forms)

__all__ = [
    "qualifier_before", "qualifier_after", "is_decrease", "kind", "indicator", "region_of",
    "deadline", "period", "clause_start", "doc_region", "forget", "indicator_fallback",
    "reported", "clause_year", "own_cue", "respectively", "subject",
]

#: A qualifier right before the figure, or before the currency it names first (不低于人民币2000亿元).
_QUAL_BEFORE: Final = re.compile(f"(?:{alternation(vocab.QUALIFIERS_BEFORE)})(?:人民币\\s*)?$")
_QUAL_AFTER: Final = re.compile(alternation(vocab.QUALIFIERS_AFTER))
_DECREASE: Final = re.compile(
    f"(?:{alternation(vocab.DECREASE_WORDS)})(?:了|分别|约|近|超过|超|达)?$"
)
_TAIL: Final = re.compile(f"(?:{alternation(vocab.INDICATOR_TAIL_WORDS)})+$")
_HEAD: Final = re.compile(f"^(?:{alternation(vocab.INDICATOR_HEAD_WORDS)})+")
_NOT_INDICATOR: Final = re.compile(f"^(?:{alternation(vocab.NOT_INDICATORS)})")
_NOT_INDICATOR_ANY: Final = re.compile(alternation(vocab.NOT_INDICATORS))
_AFTER_VERBS: Final = tuple(vocab.AFTER_VERBS)
_MONEY_SUBJECT: Final = re.compile(alternation(vocab.MONEY_SUBJECTS))
#: Stops of the noun phrase after a figure: punctuation, or a verb that begins a new predicate.
_AFTER_STOP: Final = re.compile(r"[，,。；;：:！？!?、（(）)\s“”\"《》\d]|的|和|及|是|在|为|达|占|等")
_QUOTE_NAME: Final = re.compile(r"^[“\"][^”\"]{1,10}[”\"](?:是|为)")
_PUNCT: Final = re.compile(rf"[“”\"‘’'《》〈〉「」『』*{''.join(vocab.LIST_BULLETS)}]")
_COMPARISON_WORDS: Final = tuple(vocab.COMPARISON_WORDS)
_LAST_YEAR: Final = tuple(vocab.LAST_YEAR_WORDS)
_HAN: Final = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]")


def _has_han(text: str, n: int = 1) -> bool:
    """`text` holds at least `n` Chinese characters (found one search at a time, without making
    a list of them all as findall would)."""
    pos = 0
    for _ in range(n):
        m = _HAN.search(text, pos)
        if m is None:
            return False
        pos = m.end()
    return True


def _holds_any(text: str, chars: str) -> bool:
    """Does `text` hold any of `chars`? (A few str searches: far cheaper than a pattern's scan.)"""
    for c in chars:
        if c in text:
            return True
    return False


# Each sentence is scanned once for each kind of word; the lists are reused for all its figures.
@functools.lru_cache(maxsize=512)
def _separators_and_regions(sent: str) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Where the sentence's clause separators end, and the regions it names (start, end, name):
    one scan for both."""
    ends: list[int] = []
    regions: list[tuple[int, int, str]] = []
    for m in CLAUSE_SEP_OR_REGION.finditer(sent):
        if sent[m.start()] in CLAUSE_SEP_CHARS:
            ends.append(m.end())
        else:
            regions.append((m.start(), m.end(), m.group()))
    return ends, regions


@functools.lru_cache(maxsize=512)
def _clause_ends(sent: str) -> list[int]:
    ends = _separators_and_regions(sent)[0]
    if ends and ("(" in sent or "（" in sent):
        # a comma inside brackets ends no clause: 2.01万亿元（人民币，下同）增加到2.9万亿元
        inside = {i for m in _BRACKETED.finditer(sent) for i in range(m.start() + 1, m.end())}
        ends = [e for e in ends if e - 1 not in inside]
    return ends


class _CueIndex:
    """The cues of kind of one sentence: their positions (sorted) and kinds, and where the first
    report cue stands; a range of cues is two bisections, not a scan of the list."""

    __slots__ = ("at", "cues", "first_report")

    def __init__(self, sent: str):
        self.cues: list[tuple[int, str]] = [(m.start(), m.lastgroup) for m in CUES.finditer(sent)
                                            if m.lastgroup is not None and m.lastgroup != "not"]
        self.at = [p for p, _ in self.cues]
        self.first_report = next((p for p, k in self.cues if k == "report"), len(sent))

    def between(self, lo: int, hi: int) -> list[tuple[int, str]]:
        return self.cues[bisect.bisect_left(self.at, lo):bisect.bisect_left(self.at, hi)] if hi > lo else []


@functools.lru_cache(maxsize=512)
def _cue_index(sent: str) -> _CueIndex:
    return _CueIndex(sent)


@functools.lru_cache(maxsize=512)
def _deadline_list(sent: str) -> list[tuple[int, dict]]:
    if not _holds_any(sent, DEADLINE_NEEDS):
        return []
    # one groupdict() a match: cheaper than reading its named groups again for each figure
    return [(m.end(), m.groupdict()) for m in DEADLINE.finditer(sent)]


@functools.lru_cache(maxsize=512)
def _period_list(sent: str) -> list[tuple[int, int, dict, bool]]:
    """The periods of a sentence, except those a comparison word makes a base (比前三季度)."""
    out: list[tuple[int, int, dict, bool]] = []
    if not _holds_any(sent, PERIOD_NEEDS):
        return out
    for m in PERIOD.finditer(sent):
        before = sent[max(0, m.start() - 8):m.start()].rstrip()
        if not before.endswith(_COMPARISON_WORDS):
            out.append((m.start(), m.end(), m.groupdict(), before.endswith(_LAST_YEAR)))
    return out


def _region_list(sent: str) -> list[tuple[int, int, str]]:
    return _separators_and_regions(sent)[1]


def forget() -> None:
    """Drop the per-sentence lists: called at the start of each document, so that memory stays
    flat and a benchmark of repeated documents measures real work."""
    for cached in (_separators_and_regions, _clause_ends, _cue_index, _deadline_list, _period_list, _asides):
        cached.cache_clear()


def clause_start(sent: str, pos: int) -> int:
    """Start of the clause (between commas, semicolons, colons) that holds `pos`."""
    ends = _clause_ends(sent)
    i = bisect.bisect_right(ends, pos)
    return ends[i - 1] if i else 0


def qualifier_before(before: str) -> tuple[str | None, int]:
    """The qualifier that ends `before` and its length: ('gt', 2) for '...超过'."""
    m = _QUAL_BEFORE.search(before)
    if not m:
        return None, 0
    word = m.group()
    return vocab.QUALIFIERS_BEFORE[word[:word.find("人民币")] if "人民币" in word else word], len(word)


#: The first characters of the words of _QUAL_AFTER and _DECREASE: where none stands, no match is tried.
_QUAL_AFTER_FIRST: Final = frozenset(w[0] for w in vocab.QUALIFIERS_AFTER)
_DECREASE_FIRST: Final = "".join(sorted({w[0] for w in vocab.DECREASE_WORDS}))


def qualifier_after(sent: str, pos: int) -> tuple[str | None, int]:
    if sent[pos:pos + 1] not in _QUAL_AFTER_FIRST:
        return None, 0
    m = _QUAL_AFTER.match(sent, pos)
    if not m:
        return None, 0
    return vocab.QUALIFIERS_AFTER[m.group()], len(m.group())


def is_decrease(before: str) -> bool:
    """A change governed by a decrease word ('同比下降3.2%'), not a level ('下降至17.2%')."""
    return _holds_any(before, _DECREASE_FIRST) and _DECREASE.search(before) is not None


def _cues(sent: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """(position, 'target'|'actual') of each cue of kind that starts in sent[lo:hi]."""
    return _cue_index(sent).between(lo, hi)


_CUE_YEAR: Final = re.compile(r"(?:预计|力争|争取|计划|目标|确保)?(?:到|至|用|在)?\s*(20\d\d)\s*年|(十三五|十四五|十五五)")


def _past_horizon(sent: str, pos: int, doc_date: dt.date | None) -> bool:
    """A target cue that names a year or plan period already over when the document was written."""
    if doc_date is None:
        return False
    m = _CUE_YEAR.match(sent, pos)
    if not m:
        return False
    year = int(m.group(1)) if m.group(1) else vocab.PLAN_PERIODS[m.group(2)]
    return year < doc_date.year


_TALLY_BREAKERS: Final = re.compile("等|达|突破|超|为|是|有|增|实现|不|近|约|逾|以上|左右")


def _is_tally(sent: str, c0: int, start: int) -> bool:
    """'工程机械、绿色低碳能源、新材料3个集群': the count tallies the named items right before it."""
    sep = sent.rfind("、", c0, start)
    return sep >= 0 and 0 < start - sep - 1 <= 15 and not _TALLY_BREAKERS.search(sent, sep + 1, start)


def any_cue(sent: str, start: int) -> bool:
    """A cue of kind stands anywhere before the figure in its sentence."""
    return bool(_cues(sent, 0, start))


def own_cue(sent: str, start: int) -> bool:
    """A cue of kind stands before the figure in its own clause ('全市已有园区15个')."""
    return bool(_cues(sent, clause_start(sent, start), start))


_GOAL_SETTING: Final = re.compile(f"(?:{alternation(vocab.GOAL_SETTING_CUES)})了?\\s*20\\d\\d\\s*年")


def _goal_set_before(sent: str, start: int) -> bool:
    """A verb that can only set goals (确定, 设定) and the year it sets them for stand before the
    figure in its sentence (会议确定2008年全市实现…): all it governs, to the sentence's end, is the goal
    it sets (not a tally: 确定了3个方向, see `kind`; nor what a sentence reports after 确定了…的发展目标)."""
    if "定" not in sent:  # 确定, 设定: a cheap test first
        return False
    return any(k == "report" and _GOAL_SETTING.match(sent, p) for p, k in _cues(sent, 0, start))


#: A list of years after 分别于/分别在 (分别于2014年、2019年跨越3000亿元、4000亿元台阶).
_RESPECTIVE_YEARS: Final = re.compile(r"分别(?:于|在)\s*((?:20\d\d\s*年\s*[、和及与]?\s*)+)")
_A_YEAR: Final = re.compile(r"(20\d\d)\s*年")


def respective_year(sent: str, start: int, before: list[int]) -> str | None:
    """The period of a figure of a list whose years come first, after 分别于 ('昆山地区生产总值分别于
    2014年、2019年跨越3000亿元、4000亿元台阶': 2014 for the first figure after the years, 2019 for
    the second); `before` holds where the sentence's earlier figures start. None when no such list of
    two or more years stands before the figure, or the figure has no year of its own in it."""
    at = sent.rfind("分别", 0, start)
    if at < 0:
        return None
    m = _RESPECTIVE_YEARS.match(sent, at, start)
    if m is None:
        return None
    years = _A_YEAR.findall(m.group(1))
    k = sum(1 for p in before if m.end() <= p < start)
    return years[k] if len(years) >= 2 and k < len(years) else None


#: 争取 and what is sought, in at most 12 characters: funds or projects (vocab.ACQUIRED_OBJECTS).
_ACQUIRED: Final = re.compile(f"{vocab.ACQUIRED_CUE}[^，,；;。：:]{{0,20}}?(?:{'|'.join(vocab.ACQUIRED_OBJECTS)})")


def estimated(sent: str, start: int) -> bool:
    """What a review says was estimated, obtained or done: 预计 stands in the figure's clause before it
    ('2021年预计地区生产总值4700亿元'), or 争取 with the funds or projects sought ('争取国债项目69个'), or
    a verb of what a plan builds (vocab.REVIEW_DEEDS: '高标准打造…示范园区26个')."""
    c0 = clause_start(sent, start)
    return (sent.find(vocab.ESTIMATE_CUE, c0, start) >= 0 or _ACQUIRED.search(sent, c0, start) is not None
            or any(sent.find(w, c0, start) >= 0 for w in vocab.REVIEW_DEEDS))


def reported(sent: str, start: int) -> bool:
    """A plan's figures as a text reports them ('该计划提出，到2025年……'): a REPORT_CUES verb
    stands before the figure in its sentence."""
    return _cue_index(sent).first_report < start


#: A year in a figure's own clause, not a horizon (到2027年) nor a baseline (比2020年).
_CLAUSE_YEAR: Final = re.compile(r"(?<![到至比较於于在前])(20\d\d)\s*年(?![前底末内以之])")


#: A starting figure and the level it moves to ('由2023年的5140亿元增加到6000亿元'): the year
#: dates the start only; the figure after 到/至 is where the change leads.
_MOVES_TO: Final = re.compile(r"\d[^，,；;。]*?[到至]")


_MULTIPLE_OF: Final = tuple(vocab.MULTIPLE_OF_WORDS)


def _is_base(sent: str, begin: int, end: int, start: int, category: str | None) -> bool:
    """The period from `begin` to `end` is the base a multiple or share starting at `start` is of
    ('是2024年的2倍', '达到2020年的150%'), not the time the figure is of ('由2023年的5140亿元',
    '到上半年的7.5%': a percentage is of a base only after 为/是/达到…, vocab.MULTIPLE_OF_WORDS)."""
    if sent[end:start].strip() != "的":
        return False
    return category == "multiple" or (category == "percent" and sent[:begin].rstrip().endswith(_MULTIPLE_OF))


def clause_year(sent: str, start: int, category: str | None = None) -> int | None:
    """The year the figure's own clause states before it ('…，2024年为2.5万亿元' → 2024), unless
    a figure and a 到/至 stand between ('由2023年的5140亿元增加到6000亿元': 6000 is no 2023 value),
    or the year is the base the figure is a multiple or share of ('是2024年的2倍')."""
    c0 = clause_start(sent, start)
    if "年" not in sent[c0:start]:
        return None
    found = None
    for m in _CLAUSE_YEAR.finditer(sent, c0, start):
        found = m
    if found is None or _MOVES_TO.search(sent, found.end(), start):
        return None
    if _is_base(sent, found.start(), found.end(), start, category):
        return None
    return int(found.group(1))


def kind(sent: str, start: int, end: int, category: str | None, has_deadline: bool,
         doc_date: dt.date | None = None, due: int | None = None, plan: bool = False) -> str:
    """Target or actual, by the nearest cue.

    Order of the rules, each a reading that wins over the next:
    1. the nearest cue before the figure in its own clause;
    1a. a year already over in its own clause ('到2027年…达到3万亿元，2024年为2.5万亿元'): actual;
    1b. a doubling with 了 is a fact ('翻了一番');
    2. an enumeration tally ('A、B、C 3个集群') with no cue of its own describes what exists: actual;
    3. the first cue after the figure in its own clause ('573个项目提前完成');
    4. the nearest cue in the clauses before it in the sentence ('力争…：A，B，C');
    4a. a doubling with no 了 and no cue is a goal ('比2020年翻一番');
    5. a stated deadline makes a target; otherwise actual (reports state what was done),
       except in a plan of work (`plan`: 实施方案, 行动计划 …), where a figure with no year before
       it in its sentence is what the plan sets out: a target.
    A deciding 预计 in a report of January to March with no deadline estimates the year just ended.
    """
    def read(cue: tuple[int, str]) -> str:
        pos, k = cue
        if k == "report":  # '该计划提出，到2025年……': what a plan set out, whatever the tense;
            # but a count with no horizon tallies the plan's contents ('明确4方面20条具体举措'), and a
            # year already over after the verb dates what a report says was done ('报告提出，2025年，…增长5.4%')
            if doc_date is not None and any(int(m.group(1)) < doc_date.year
                                            for m in _CLAUSE_YEAR.finditer(sent, pos, start)):
                return "actual"
            return "target" if has_deadline or category != "count" else "actual"
        if k == "target" and _past_horizon(sent, pos, doc_date) and not reported(sent, pos):
            return "actual"  # '“十三五”期间…', '升至2021年' in a document of 2022: looking back
        if k == "override":  # '完成年度目标的76%': a share reached so far, unless a target cue
            # opens its clause ('力争上半年完成全年目标任务的55%')
            return "target" if any(c[1] == "target" for c in _cues(sent, clause_start(sent, pos), pos)) else "actual"
        if k == "weak":  # '力争建成20个': a plan's verb of achievement follows the cue before it
            strong = [c for c in _cues(sent, 0, pos) if c[1] != "weak"]
            if strong:
                return read(strong[-1])
            # in a plan of work it is what the work is to achieve ('完成耕地修复2000亩' under
            # 三、2024年主要工作安排), unless a year already over dates it
            return "target" if plan and not _past_year(sent, start, category, doc_date) else "actual"
        if (k == "target" and not has_deadline and doc_date is not None
                and doc_date.month in vocab.ESTIMATE_REPORT_MONTHS
                and sent.startswith(vocab.ESTIMATE_CUE, pos)
                and not any(int(m.group(1)) >= doc_date.year for m in _CLAUSE_YEAR.finditer(sent, 0, pos))):
            return "actual"  # (not '2024年，贵州将…预计全省地区生产总值增长5.5%左右' in January 2024: this year's)
        return k

    if category == "count" and _whole_of_a_part_done(sent, start, end):
        return "target"  # '2个嵌入式养老机构建设已完成1个': the task, of which a part is done
    if (has_deadline or category != "count") and _goal_set_before(sent, start):
        return "target"  # '会议确定2008年全市实现地区生产总值970亿元': the goal set for that year, also read later
    c0 = clause_start(sent, start)
    own = _cues(sent, c0, start)
    if own:
        if (len(own) > 1 and own[-1][1] == "actual" and own[-2][1] == "target"
                and own[-1][0] - own[-2][0] <= _CUE_JOINED):
            return read(own[-2])  # '预计共有77 100个', '将拥有': the verb after a forecast is forecast too
        return read(own[-1])
    year = clause_year(sent, start, category)
    if year is not None and (year < doc_date.year if doc_date else (due is not None and year < due)):
        return "actual"
    doubling = category == "multiple" and sent.startswith("翻", start)
    if doubling and "了" in sent[start:end]:
        return "actual"
    if category == "count" and _is_tally(sent, c0, start):
        return "actual"
    ends = _clause_ends(sent)
    i = bisect.bisect_right(ends, end)
    c1 = ends[i] - 1 if i < len(ends) else len(sent)
    after = _cues(sent, end, c1)
    if after:
        return read(after[0])
    earlier = _outside_asides(sent, _cues(sent, 0, c0), start)
    if earlier:
        pos, k = earlier[-1]
        if k == "target" and doc_date is not None and any(
                int(m.group(1)) < doc_date.year for m in _CLAUSE_YEAR.finditer(sent, pos, c0)):
            return "actual"  # '方案旨在加快推进…- 2024年，全省…营收超1300亿元': a year already over, after the
            # cue and before the figure's clause, dates a result
        return read(earlier[-1])
    if doubling:
        return "target"  # '比2020年翻一番' with no cue: a goal ('“十四五”…，企业接近翻一番' follows its cue)
    # in a plan of work, a figure with no cue and no year before it, or only the plan's own year or
    # a later one ('2026年第一批基本建设项目共90个' in a plan of 2026), is what the plan sets out
    return "target" if has_deadline or (plan and not _year_before_is_past(sent, start, doc_date)) else "actual"


#: After a task's count, in its clause: how much of it is done, as a count (已完成1个, 已建成8个).
_PART_DONE: Final = re.compile(r"[^，,；;。、]{0,24}?(?:已|已经)?(?:完成|建成|解决|实现)了?\s*(\d+(?:\.\d+)?)\s*([^\d\s，,；;。(（]{1,2})")
_LEADING_NUMBER: Final = re.compile(r"[\d.,，\s]+")


def _outside_asides(sent: str, cues: list[tuple[int, str]], start: int) -> list[tuple[int, str]]:
    """The cues not inside an aside in brackets that closes before `start`: '完成…1376.5公里(含已提前实施的
    936公里)，农村公路提质改造213公里': the aside's 已 speaks of its own figure only."""
    if not cues or ("(" not in sent and "（" not in sent):
        return cues
    asides = [(a0, a1) for a0, a1 in _asides(sent) if a1 <= start]
    return [c for c in cues if not any(a0 < c[0] < a1 for a0, a1 in asides)] if asides else cues


@functools.lru_cache(maxsize=512)
def _asides(sent: str) -> list[tuple[int, int]]:
    """Where the asides in brackets of a sentence stand, found once for all its figures."""
    return [m.span() for m in _BRACKETED.finditer(sent)]


#: A cue of a result this close after a cue of a goal (预计共有, 将拥有) is the goal's verb.
_CUE_JOINED: Final = 3


def _whole_of_a_part_done(sent: str, start: int, end: int) -> bool:
    """'2个嵌入式养老机构建设已完成1个(50%)': a count whose clause goes on to say how many of the
    same unit are done, no more than it, is the whole task (a target), the count done a part of it."""
    m = _PART_DONE.match(sent, end)
    if m is None:
        return False
    whole = _LEADING_NUMBER.match(sent, start, end)
    if whole is None:
        return False
    unit = sent[whole.end():end]
    try:
        return bool(unit) and m.group(2).startswith(unit) and float(m.group(1)) <= float(
            whole.group().strip().replace(",", "").replace("，", ""))
    except ValueError:
        return False


def _past_year(sent: str, start: int, category: str | None, doc_date: dt.date | None) -> bool:
    """The figure's own clause dates it in a year already over (before the document's year; any
    year when the document's date is not known)."""
    year = clause_year(sent, start, category)
    return year is not None and (doc_date is None or year < doc_date.year)


def _year_before_is_past(sent: str, start: int, doc_date: dt.date | None) -> bool:
    """A year stands before the figure in its sentence that is already over (before the document's
    year; any year when the document's date is not known)."""
    years = [int(m.group(1)) for m in _CLAUSE_YEAR.finditer(sent, 0, start)]
    return bool(years) and (doc_date is None or min(years) < doc_date.year)


#: The year or a part of it, named without a year (全年, 上半年, 前三季度, 一季度).
_YEAR_PART: Final = "(?:全年|上半年|下半年|前三季度|第一季度|一季度)"
#: A time at the start of a phrase: a year, months, or a horizon (到2027年, 力争到2027年底,
#: 2024—2026年): when, not what (vocab.HORIZON_LEADS).
_LEADING_TIME: Final = re.compile(
    rf"""^(?:(?:{alternation(vocab.HORIZON_LEADS)})?\s*20\d\d\s*年?\s*(?:-|—|–|－|至|到|~|～)+\s*20\d\d\s*年(?:底|末)?
    | (?:{alternation(vocab.HORIZON_LEADS)})?\s*20\d\d\s*年(?:度|底|末|全年|上半年)?
    | [一二三四五六七八九十\d]+(?:至|到|-|—|–|－|~|～)[一二三四五六七八九十\d]+月份?
    | (?:{alternation(vocab.HORIZON_LEADS)})?(?:{alternation(vocab.PLAN_PERIODS)})(?:期间|时期|末|以来)?
    | 年(?:末|底|初)
    | (?:再?到|至)?{_YEAR_PART}的?
    | (?:{alternation(vocab.HORIZON_LEADS)}|用|通过)?[一二两三四五六七八九十\d]{{1,2}}年(?:时间|左右)?内?(?=\S))""", re.VERBOSE)


_TRAILING_TIME: Final = re.compile(rf"(?:由|从|在|{alternation(vocab.COMPARISON_WORDS)})?\s*20\d\d\s*年(?:底|末)?的?$")

#: A comparison base (比前三季度, 较上半年, 比2023年同期) at either end of a phrase: no part of a name.
_BASE_PERIOD: Final = rf"""(?:{alternation(vocab.COMPARISON_PERIODS)}
    | (?:20\d\d\s*年\s*)?{vocab.MONTH_RANGE.replace("?P<m1>", "").replace("?P<m2>", "")}份?(?:同期)?
    | 20\d\d\s*年(?:同期|底|末)?)"""
_BASE: Final = rf"(?:{alternation(vocab.COMPARISON_WORDS)})\s*{_BASE_PERIOD}"
_LEADING_BASE: Final = re.compile(f"^{_BASE}", re.VERBOSE)
#: ... and at the end, also the base a multiple or share is of ('为上年同期的1.2倍', '是2024年的2倍').
#: ... and the base a growth or doubling starts from ('在2025年基础上翻一番', '在上年的基础上增长').
_TRAILING_BASE: Final = re.compile(
    rf"(?:{_BASE}|(?:{alternation(vocab.MULTIPLE_OF_WORDS)})\s*{_BASE_PERIOD}的?|在\s*{_BASE_PERIOD}的?基础上)$",
    re.VERBOSE)
_BASE_START: Final = frozenset(w[0] for w in vocab.COMPARISON_WORDS)


_TAIL_WORDS: Final = tuple(vocab.INDICATOR_TAIL_WORDS)
_HEAD_WORDS: Final = tuple(vocab.INDICATOR_HEAD_WORDS)
# The last (first) characters of those words: a set lookup rules out most phrases before the
# tuple of words is tried one by one.
_TAIL_LAST: Final = frozenset(w[-1] for w in _TAIL_WORDS)
_HEAD_FIRST: Final = frozenset(w[0] for w in _HEAD_WORDS)
_REGION_FIRST: Final = frozenset(w[0] for w in (*vocab.REGIONS, *vocab.OWN_REGION_WORDS))
#: Places at the head of a name, a list of them as one ('昆山、张家港、常熟的规上工业总产值'): whose
#: the figures are, not what they measure.
_REGION_RUN: Final = re.compile(f"(?:{REGIONS.pattern})(?:[、和及与](?:{REGIONS.pattern}))*")
_TIME_START: Final = frozenset("2一二两三四五六七八九十0123456789用通年再全上下前第") | {w[0] for w in vocab.HORIZON_LEADS}
_TIME_END: Final = ("年", "底", "末", "的")
_BASE_END: Final = ("年", "底", "末", "月", "份", "期", "度", "的", "基础上")
#: A list separator at either end of a phrase separates figures, and a bracket there is the half
#: of an aside the figure stands in (项目（亿元以上）): they name nothing.
_EDGE: Final = "-－—~～ 、()（）"
_LIST_WORDS: Final = frozenset(vocab.LIST_SEPARATORS)


#: A list item's numbering at the start of a phrase (1.规上工业总产值, （二）, 一是): no part of a name.
_LEADING_MARK: Final = re.compile(r"^(?:\d{1,2}(?:[、．]|\.(?!\d))|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,2}[、是])")
_MARK_START: Final = frozenset("0123456789（(一二三四五六七八九十")


#: List separators and spaces at the start of a phrase ('21% 、全国'): they name nothing.
_LEADING_SEPARATOR: Final = re.compile(r"^[\s、]+")


#: A short aside in brackets: （GDP）, （人民币，下同）, （光伏电池）.
_BRACKETED: Final = re.compile(r"[(（][^()（）]{0,20}[)）]")


def without_asides(phrase: str) -> str:
    """A phrase without its short asides in brackets (地区生产总值(GDP) → 地区生产总值)."""
    return _BRACKETED.sub("", phrase)


_BAR: Final = re.compile("[|｜]")


def _cut_head(pattern: re.Pattern, text: str) -> str:
    """`text` without what `pattern` (anchored by ^) matches at its start: pattern.sub("", text), but
    tried at the start only, where a substitution would try the ^ at every position."""
    m = pattern.match(text)
    return text if m is None else text[m.end():]


def _clean(phrase: str) -> str:
    """The phrase without its time words, quoted names, verbs, region and asides in brackets at
    either end. Each anchored substitution runs only where a cheap string test says it can apply."""
    if "|" in phrase or "｜" in phrase:
        # '2024全国地方两会 | 贵州去年GDP增长…': a headline's label before a bar names nothing; the words
        # after the last bar do, where there are any (a reader's table line 'row | heading | ' keeps its row)
        tail = _BAR.split(phrase)[-1]
        if _has_han(tail, 2):
            phrase = tail
    # ' 、二是…': a list separator (and any space around it) leads no name, and the numbering
    # after it is numbering still
    if phrase[:1] == "、" or phrase[:1].isspace():  # what \s matches is what str.isspace says
        phrase = _cut_head(_LEADING_SEPARATOR, phrase)
    if "(" in phrase or "（" in phrase:
        phrase = without_asides(phrase)
    if phrase[:1] in "“\"":
        phrase = _cut_head(_QUOTE_NAME, phrase)
    if phrase[:1] in _MARK_START:
        phrase = _cut_head(_LEADING_MARK, phrase)
    if phrase[:1] in _TIME_START:
        phrase = _cut_head(_LEADING_TIME, phrase)
    phrase = _PUNCT.sub("", phrase)
    for _ in range(3):
        new = (_TAIL.sub("", phrase) if phrase[-1:] in _TAIL_LAST and phrase.endswith(_TAIL_WORDS)
               else phrase)
        if new[:1] in _HEAD_FIRST and new.startswith(_HEAD_WORDS):
            new = _cut_head(_HEAD, new)
        if new[:1] in _REGION_FIRST and REGIONS.match(new):
            new = _REGION_RUN.sub("", new, count=1)
        if new[:1] in _TIME_START:
            new = _cut_head(_LEADING_TIME, new)
        if new.endswith(_TIME_END):
            new = _TRAILING_TIME.sub("", new)
        if new[:1] in _BASE_START:
            new = _cut_head(_LEADING_BASE, new)
        if new.endswith(_BASE_END):
            new = _TRAILING_BASE.sub("", new)
        if "20" in new and "年" in new:
            new = _after_inner_year(new)
        new = new.strip(_EDGE)
        if new == phrase:
            break
        phrase = new
    phrase = phrase.strip()
    return "" if phrase in _LIST_WORDS else phrase


#: A year inside a phrase ('苏州工业园区2023年GDP总量'): what stands before it is whose, not what.
_INNER_YEAR: Final = re.compile(r"20\d\d\s*年(?:度|底|末)?的?")


def _after_inner_year(phrase: str) -> str:
    """What a phrase names after the last year inside it, where a name of two characters follows
    ('工业园区2023年GDP总量' → GDP总量); the phrase as it is otherwise."""
    last = None
    for m in _INNER_YEAR.finditer(phrase):
        last = m
    if last is None or last.start() == 0 or not _has_han(phrase[last.end():], 2):
        return phrase
    return phrase[last.end():]


_HEAD_WORD: Final = re.compile(alternation(vocab.INDICATOR_HEADS))
#: Phrases after a figure up to this length are kept whole.
_SHORT_PHRASE: Final = 8


def _trim_after(phrase: str) -> str:
    """Cut a long phrase after its first head word and the heads that follow it directly."""
    if len(phrase) <= _SHORT_PHRASE:
        return phrase
    m = _HEAD_WORD.search(phrase)
    if not m:
        return phrase
    end = m.end()
    while (nxt := _HEAD_WORD.match(phrase, end)) is not None:
        end = nxt.end()
    return phrase[:end]


_HEAD_END: Final = re.compile(f"(?:{alternation(vocab.INDICATOR_HEADS)})")
_INDICATOR_HEADS: Final = tuple(vocab.INDICATOR_HEADS)
#: Where one name ends and the next begins: list separators, and the bars of page titles (…丨…).
_BOUNDARY: Final = frozenset("、，,；;和及与 丨|｜")


def _shorten(phrase: str) -> str:
    """An indicator of at most vocab.INDICATOR_MAX characters where a word ends, never inside one.

    1. after the first list separator in its last stretch ('精品钢材、高端纺织、食品…产业产值'
       → '高端纺织、食品…产业产值'), without the time words that then lead it;
    2. else the whole phrase when it is at most twice as long (a ratio: '战略性新兴产业增加值占
       规模以上工业增加值比重');
    3. else after the first head noun that ends in its last stretch, when the phrase ends with
       one too (so what is kept is a noun phrase of its own); else its last characters.
    """
    cut = len(phrase) - vocab.INDICATOR_MAX
    if cut <= 0:
        return phrase
    for i in range(cut, len(phrase)):
        if phrase[i - 1] in _BOUNDARY and _HAN.search(phrase, i):
            return _clean(phrase[i:]) or phrase[i:].strip()
    if cut <= vocab.INDICATOR_MAX:
        return phrase
    if phrase.endswith(_INDICATOR_HEADS):
        for m in _HEAD_END.finditer(phrase, cut - 6):
            if cut <= m.end() < len(phrase) - 1:
                return phrase[m.end():]
    return phrase[cut:]


#: Between the cells of a table line (extract/tables.py writes `行标题 | 列标题 | 数值`).
_CELL: Final = " | "
#: A heading that names a time, not a thing: only digits, time words and remarks are left once
#: these are taken away (2024年, 2024年1—9月, 上半年, 2023年（预计）).
_TIME_HEADING: Final = re.compile(r"[\d年月日季度上下半前一二三四至到\-—–~～（）()预计全底末份同期\s]+")
_CHANGE_HEADING: Final = tuple(vocab.CHANGE_WORDS)


#: How many characters a table cell holds before its figure (约300家, 比上年增长5.2%): more is a
#: sentence after a headline's label ('直通襄阳 | 市长话经济：全市地区生产总值增长7%').
_CELL_LEAD_MAX: Final = 5


def _own_cell(line: str, start: int) -> bool:
    """The figure stands in a table line's cell of its own (a few words before it at most)."""
    cell_start = line.rfind(_CELL, 0, start) + len(_CELL)
    return start - cell_start <= _CELL_LEAD_MAX


def _table_indicator(line: str, start: int, category: str | None) -> str | None:
    """A figure in a table line ('规上工业总产值 | 2024年 | 4.7万亿元') measures what its first
    heading that is no time names (the row's, or the column's when rows are years); a percent
    under a heading of change ('增长', '比上年增长') is that thing's growth rate. In a table of one
    row ('规上工业总产值 | 4.7万亿元 | 高新技术企业 | 5000家') the cell before the figure names it."""
    headings = line[:start].split(_CELL)[:-1]  # the last piece is the figure's own cell
    if any(FIGURE.search(h) and not _TIME_HEADING.fullmatch(h.strip()) for h in headings):
        headings = headings[-1:]  # a table of one row, its cells in a line: the cell before names it
    name, rate = None, False
    for h in headings:
        h = h.strip()
        if _TIME_HEADING.fullmatch(h):
            continue
        if h.endswith(_CHANGE_HEADING) or h in _CHANGE_HEADING:
            rate = True
            continue
        if name is None:
            name = _shorten(_clean(h)) or None
    if name and rate and category in ("percent", "pp") and not name.endswith("增速"):
        name += "增速"
    return name


def _group_after(sent: str, start: int, end: int, before: str) -> str | None:
    """The group a threshold or share defines ('是全国首个突破13万亿元的省份' → 省份, '贡献了全国近4成
    的贸易增量' → 贸易增量): a qualifier before the figure, 的 after it, and a phrase before it that
    ends with no head noun (else that phrase names what is measured)."""
    if not sent.startswith(_GROUP_MARKERS, end) or before.endswith(_INDICATOR_HEADS):
        return None
    if qualifier_before(sent[max(0, start - 8):start])[0] is None:
        return None
    phrase = _after_de(sent, end)
    if not _has_han(phrase, 2) or _NOT_INDICATOR.match(phrase) or phrase.startswith(_AFTER_VERBS):
        return None
    return _trim_after(_clean(phrase)) or None


_GROUP_MARKERS: Final = tuple(vocab.GROUP_MARKERS)


def _after_de(sent: str, end: int) -> str:
    """The words after the 的 that follows a figure ending at `end`, up to the first stop, at most
    16 characters: what _group_after and _of_after read as a name."""
    rest = sent[end + 1:end + 17].lstrip(" \u3000\u00a0")  # '5615.34 亿元的 GDP': spaces after 的
    stop = _AFTER_STOP.search(rest)
    return rest[: stop.start()] if stop else rest


def _of_after(sent: str, end: int, before: str) -> str | None:
    """What an amount is, named after its 的 when that names money and the words before it end
    with a verb, not with a name ('给予3万元-5万元的资金支持' → 资金支持, '市财政安排500万元的专项
    资金' → 专项资金; but '实现地区生产总值5000亿元的目标' → 地区生产总值)."""
    if not sent.startswith(_GROUP_MARKERS, end) or before.endswith(_INDICATOR_HEADS + _MONEY_WORDS):
        return None
    phrase = _after_de(sent, end)
    money = _MONEY_SUBJECT.search(phrase)
    if not money or _NOT_INDICATOR.match(phrase):
        return None
    if before.rstrip().endswith(_BY_WORDS):  # '以5615.34亿元的GDP一骑绝尘': by its GDP, what it did
        return _clean(phrase[:money.end()]) or None
    return _trim_after(_clean(phrase)) or None


_BY_WORDS: Final = tuple(vocab.BY_MEANS_WORDS)


_MONEY_WORDS: Final = tuple(vocab.MONEY_SUBJECTS)


def indicator(sent: str, start: int, end: int, prev_end: int, qualifier_len: int,
              category: str | None = "") -> str | None:
    """What the figure measures: the noun phrase right after it, else the phrase before it.

    After: '50个特色专业创新园区', '3000万元专项支持' name their thing after the unit.
    Before: '地区生产总值1000亿元', '规上工业企业突破3000家' name it before (verbs stripped), without
    the qualifier of `qualifier_len` characters right before the figure ('5G用户普及率不低于80%').
    A following number ('4方面20条具体培育举措') is skipped to reach the shared noun.
    """
    if _CELL in sent and sent.find(_CELL, 0, start) >= 0 and _own_cell(sent, start):
        name = _table_indicator(sent, start, category)
        if name:
            return name
    _, qlen = qualifier_after(sent, end)
    end += qlen
    nxt = FIGURE.match(sent, end)  # 4方面20条具体培育举措: skip the next figure
    if nxt and nxt.group("unit"):
        end = nxt.end()
    rest = sent[end:end + 24]
    stop = _AFTER_STOP.search(rest)
    after = rest[: stop.start()] if stop else rest
    after = after[:16]
    c0 = max(clause_start(sent, start), prev_end)
    named_end = start - qualifier_len  # the qualifier before the figure is no part of its name
    # 、 right after the figure before separates list members ('占全省21%、全国2.8%' names 全国):
    # _clean drops it with the spaces around it
    before = None  # the phrase before, cleaned: made only where a rule reads it
    if category == "money" or sent.startswith(_GROUP_MARKERS, end):
        before = _shorten(_clean(sent[c0:named_end]))
        of = _of_after(sent, end, before)
        if of:
            return of
        if category == "money" and _MONEY_SUBJECT.search(before):
            return before  # '营收超百亿元企业5家': the threshold measures 营收, not 企业
        group = _group_after(sent, start, end, before)
        if group:
            return group
    if (_has_han(after, 2) and not _NOT_INDICATOR.match(after)
            and not after.startswith(_AFTER_VERBS)):
        return _trim_after(_clean(after) or after)
    if before is None:
        before = _shorten(_clean(sent[c0:named_end]))
    return None if _names_nothing(before) else before or None


_RATE_WORDS: Final = re.compile("增长|下降|增速|提高|降低|回落|上涨|减少")
_AMOUNTS: Final = frozenset(("count", "money", "other"))  # not rates: 增长1.2倍 is a growth rate
#: A change of an amount (增加120家), not a level it moves to (增加到2.9万亿元).
_AMOUNT_CHANGE: Final = re.compile("(?:增加|减少|净增|增长|下降)(?![到至])")
_EMPTY_NAMES: Final = frozenset(vocab.EMPTY_NAMES)
#: What opens the words between two figures of one sentence (',高于全国'): no part of a name.
_CLAUSE_OPENERS: Final = "，,；; "
_COMPARED_WITH: Final = re.compile(
    f"^(?:{alternation(vocab.COMPARED_WITH_WORDS)})(?:全国|全省|全市|全区|全县)?(?:平均水平|平均|水平)?$")


def _level(name: str) -> str:
    """The name of the level a growth rate or a change is of: 地区生产总值 for 地区生产总值增速."""
    return name.removesuffix("增速").removesuffix("增量")


def _names_nothing(phrase: str) -> bool:
    """A cleaned phrase that names nothing: '平均', '净', '高于全国'."""
    return phrase in _EMPTY_NAMES or _COMPARED_WITH.match(phrase) is not None


#: Words between two figures that give only a period (，到上半年的 / ，再到全年的).
_ONLY_A_PERIOD: Final = re.compile(rf"[，,；;\s]*(?:再?到|至|和|及)?{_YEAR_PART}的?\s*")


def indicator_fallback(sent: str, start: int, prev_end: int, prev: str | None,
                       category: str | None) -> str | None:
    """The indicator of a figure whose own clause names nothing ('…，增长12.1%', '…，达1330亿元').

    A rate right after another figure is that figure's growth rate ('生产总值增速'); anything
    else takes the phrase of the clause before it.
    """
    if prev and prev_end and category in ("percent", "pp") and _RATE_WORDS.search(sent, prev_end, start):
        return _level(prev) + "增速"
    if prev and prev_end and category in _AMOUNTS and _AMOUNT_CHANGE.search(sent, max(prev_end, clause_start(sent, start)), start):
        return _level(prev) + "增量"  # '规上工业企业3210家，比上年末增加120家': the change, not the level
    if prev and prev_end and _ONLY_A_PERIOD.fullmatch(sent, prev_end, start):
        return prev  # '一季度GDP增速5.2%，到上半年的7.5%': the same indicator, of a later period
    if prev and prev_end and (not _HAN.search(_NOT_INDICATOR_ANY.sub("", _clean(sent[prev_end:start])))
                              or _names_nothing(_clean(sent[prev_end:start].lstrip(_CLAUSE_OPENERS)))):
        return prev  # '跨越5000亿元，达5600亿元', '，高于全国0.6个百分点': the same indicator again
    c0 = clause_start(sent, start)
    if c0 == 0:
        return None
    p0 = max(clause_start(sent, c0 - 1), prev_end)
    phrase = _shorten(_clean(sent[p0:c0 - 1]))
    if prev and phrase and _HEAD_WORD.search(phrase) is None and _HEAD_WORD.search(prev) is not None:
        # '地区生产总值突破万亿元，并在冲击下保持平稳增长，预计由…8756.3亿元': a clause that names no
        # measure between leaves the figure to the measure named before
        return prev
    return phrase or None


def respectively(sent: str, prev_end: int, start: int) -> bool:
    """The words of a list after 分别 name nothing ('接待游客1.2亿人次，实现旅游总收入1850亿元，
    分别增长8.5%和10.2%'): a list of rates then takes the names of the figures before
    it, in order (engine._respective_rates); a list whose subject names nothing takes no names of
    its own (目标、水平分别提高5%和6%)."""
    rest = sent[prev_end:start].replace("分别", "")
    return not _HAN.search(_NOT_INDICATOR_ANY.sub("", _clean(rest)))


def subject(sent: str, start: int, prev_end: int) -> str:
    """The whole phrase before the figure in its clause, cleaned but not shortened: the names a
    list after 分别 takes in turn ('精品钢材、高端纺织、食品及农副产品加工产业产值分别增长…')."""
    return _clean(sent[max(clause_start(sent, start), prev_end):start])


def is_money_subject(sent: str, start: int) -> bool:
    """A bare 万/亿 magnitude measures money when its subject does (产值, GDP, 投资 ...)."""
    c0 = clause_start(sent, start)
    return _MONEY_SUBJECT.search(sent, c0, start) is not None


def region_of(sent: str, start: int, default: str | None) -> str | None:
    """The nearest region named before the figure in its sentence, else the document's.

    A full name (苏州市) counts anywhere; a short one (苏州) only as the subject at the head of
    its clause ('苏州已有…'), since inside a name it is no region ('上海交大', '苏州纳米所').
    """
    last = None
    for s0, s1, word in _region_list(sent):
        if s1 > start:
            break
        if (word.endswith("市") or word in vocab.OWN_REGION_WORDS
                or (s0 - clause_start(sent, s0) <= 2 and sent.startswith(vocab.REGION_SUBJECT_FOLLOWERS, s1))):
            last = word
    if last is None or last in vocab.OWN_REGION_WORDS:
        return default
    return vocab.REGIONS[last]


_SHORT_FORMS: Final = frozenset(form for form in REGION_FORMS if not form.endswith("市"))  # 苏州, not 苏州市
_NAME_PARTS_ANY: Final = tuple(trad_forms(vocab.REGION_NAME_PARTS))
_VENUE_ANY: Final = tuple(trad_forms(vocab.VENUE_WORDS))


def doc_region(text: str, names: Iterable[re.Match] | None = None) -> str | None:
    """The city a document is about: the region it names most often (first on a tie). A short
    name inside another name (重庆路, 上海证券报) and a venue (在西安开幕) name no region of it.

    `names`: the matches of REGIONS_ANY_SCRIPT in `text`, where a scan of the caller found them."""
    counts: dict[str, int] = {}
    for m in REGIONS_ANY_SCRIPT.finditer(text) if names is None else names:
        form, end = m.group(), m.end()
        if form in _SHORT_FORMS and text.startswith(_NAME_PARTS_ANY, end):
            continue
        if text[m.start() - 1:m.start()] == "在" and text.startswith(_VENUE_ANY, end):
            continue
        name = REGION_FORMS[form]
        counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _years(word: str | None) -> int | None:
    if not word:
        return None
    v = parse_number(word)
    return int(v) if v else None


#: A period in brackets after a task, before the clause ends: (2013—2017年), （2024-2026年）.
_BRACKETED_PERIOD: Final = re.compile(r"[(（]\s*20\d\d\s*年?\s*(?:-|—|–|－|至|到|~)+\s*(20\d\d)\s*年?\s*[)）]\s*(?:[。；;]|$)")


def deadline(sent: str, start: int, doc_date: dt.date | None,
             keep_past: bool = False) -> tuple[int | None, bool]:
    """The year a target is due, from its sentence before the figure, and whether the sentence
    states a horizon (到2025年, 用3年时间, 十四五) rather than only 今年/全年, which reports of a
    past year use too.

    An explicit year beats a relative horizon (用3年时间 … 2016至2018年 → 2018). A relative
    horizon counts the document's own year when the document is from its first half, and
    starts with the next year otherwise (FIGURES.md). 每年 targets have none, and say so: no
    title or section around them gives them one.
    """
    explicit: int | None = None
    relative: int | None = None
    plan: int | None = None
    this: bool | None = None
    year: int | None = None
    yearend: bool | None = None
    each = False  # the last horizon before the figure is 每年
    kept: tuple | None = None
    each_end = 0  # where that 每年 ends, and the horizons it set aside
    for m_end, g in _deadline_list(sent):
        if m_end > start:
            break
        each = g["each"] is not None
        if each:
            each_end, kept = m_end, (explicit, relative, plan, this, year, yearend)  # type: ignore
        if g["by"] or g["to"] or g["before"]:
            explicit = int(g["by"] or g["to"] or g["before"])
        elif g["to2"]:
            explicit = 2000 + int(g["to2"])  # 2019/20至2023/24年度: the year the last one ends
        elif g["year"]:
            year = int(g["year"])
        elif g["rel"] or g["rel3"]:
            relative = _years(g["rel2"] or g["rel"] or g["rel4"] or g["rel3"])
        elif g["plan"]:
            plan = vocab.PLAN_PERIODS[g["plan"]]
        elif g["yearend"]:
            yearend = True
        elif g["this"]:
            this = True
        elif each:
            explicit = relative = plan = this = year = yearend = None
    if (each and kept is not None and any(v is not None for v in kept[:3])
            and (sent.find("；", each_end, start) >= 0 or sent.find(";", each_end, start) >= 0)):
        # '到2025年，…近视率每年降0.5%以上；空气优良天数比达87.5%': 每年 in an item before (a ；between),
        # inside a list under a horizon, is that item's; the horizon goes on (but in its own item,
        # '每年重点支持…，按项目总投资给予最高50%', it is still the item's)
        each = False
        explicit, relative, plan, this, year, yearend = kept
    if each:
        return None, True  # 每年: a yearly target states that it has no deadline, whatever its scope says
    if explicit is None and ("(" in sent or "（" in sent):
        after = _BRACKETED_PERIOD.search(sent, start)
        if after is not None:  # '2606个撤并村通公路(2013—2017年)': a task and its period, in brackets after it
            explicit = int(after.group(1))
    if explicit and (keep_past or not (doc_date and explicit < doc_date.year)):
        return explicit, True  # a year already past when the document was written is no deadline
    if relative and doc_date:
        return doc_date.year + relative - (1 if doc_date.month <= 6 else 0), True
    if plan and doc_date and plan < doc_date.year:
        plan = None  # '“十三五”期间' in a document of 2022 looks back
    if relative or plan:
        return plan, True
    if yearend and doc_date:
        return doc_date.year, True  # '今年年底前，…达到1900个': a horizon, the end of the document's year
    if year and (keep_past or doc_date is None or year >= doc_date.year):
        # '2025年，…力争突破5万亿元': the year the target is for, not a horizon; a year already over
        # only after a report's verb ('会议确定2008年…', read in 2009)
        return year, False
    if this and doc_date:
        return doc_date.year, False
    return None, False


def period(sent: str, start: int, doc_date: dt.date | None, category: str | None = None) -> str | None:
    """The period an actual covers: '2023-01/2023-09' for 1至9月份 of 2023, '2023' for 2023年.
    A period after a comparison word is the base the figure is compared with, not the period it
    covers (比前三季度提高0.3个百分点, 较上半年, 比2023年): it is passed over. Months or a half
    after 去年/上年 are of the year before the document's."""
    found = None
    for m_start, m_end, g, last in _period_list(sent):
        if m_end > start:
            break
        if not _is_base(sent, m_start, m_end, start, category):  # '为2020年的1.5倍': the base's year
            found = g, last
    if not found:
        return None
    g, last = found
    year = doc_date.year - last if doc_date else None  # 去年下半年: of the year before the document's
    if g["m1"]:
        y = int(g["year"]) if g["year"] else _over_by(year, _years(g["m2"]), doc_date)
        m1, m2 = _years(g["m1"]), _years(g["m2"])
        return f"{y}-{m1:02d}/{y}-{m2:02d}" if y and m1 and m2 else None
    if g["half"]:
        months = {"上半年": (1, 6), "前三季度": (1, 9), "一季度": (1, 3), "第一季度": (1, 3),
                  "下半年": (7, 12), "一季报": (1, 3), "半年报": (1, 6), "前三季报": (1, 9)}[g["half"]]
        y = int(g["hyear"]) if g["hyear"] else _over_by(year, months[1], doc_date)
        return f"{y}-{months[0]:02d}/{y}-{months[1]:02d}" if y else None
    if g["fyear"]:
        return g["fyear"]
    if g["wholeyear"] and year:
        return str(_over_by(year, 12, doc_date))
    if g["thisyear"] and year:
        return str(year)
    return None


#: Days after a document's date within which a period it reports on may end (a report of the year
#: written in its last days).
_REPORT_GRACE: Final = 31


def _over_by(year: int | None, last_month: int | None, doc_date: dt.date | None) -> int | None:
    """The year of a period the text names without one (一季度, 1—9月, 全年) that a result covers:
    the document's, unless that period ends more than a month after the document was written: then
    it is over only in the year before ('从一季度GDP增速5.2%…再到全年的6.9%' in a report of January)."""
    if year is None or doc_date is None or not last_month or year != doc_date.year:
        return year
    end = dt.date(year + (last_month == 12), last_month % 12 + 1, 1) - dt.timedelta(days=1)
    return year - 1 if (end - doc_date).days > _REPORT_GRACE else year
