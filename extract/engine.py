"""Find, then parse, then classify: Chinese policy text → figures.

    records(text, doc=None, date=None) -> list[dict]      one dict per figure
    figures(text, doc=None, date=None) -> pandas.DataFrame the same, as the tidy table

The steps are kept apart (STYLE.md 3): patterns.FIGURE finds number tokens, `_parse`
turns a token into value and unit, `_group` joins ranges and lists that share a
unit and drops what is not a figure, and `records` asks classify.py for each
figure's qualifier, sign, kind, indicator, region, deadline and period, carrying
from one figure to the next in a sentence what a list shares (分别下降3.1%和2.4%).
Offsets always point into `text` as given.
"""
from __future__ import annotations

import bisect
import datetime as dt
from typing import Final

import numpy as np
import pandas as pd
import pyarrow as pa
import re
from pandas.api.internals import create_dataframe_from_blocks
from pandas.arrays import ArrowStringArray

from . import classify, structure, vocab
from .normalize import arabic_years, has_readings, strip_readings, to_simplified, without_surrogates
from .numbers import TRAD_SCALE, parse_arabic, parse_chinese, parse_number, scale_of
from .patterns import DOC_DATE, FIGURE, SENTENCE_END_CHARS, SENTENCE_END_OR_REGION, UNITS, alternation, trad_forms
from .tables import UNIT_CELL

__all__ = ["COLUMNS", "CATEGORIES", "records", "figures", "document_date", "empty_table"]

COLUMNS: Final = ["doc", "start", "end", "text", "value", "value_max", "category", "unit", "qualifier",
                  "kind", "indicator", "region", "deadline", "period", "sentence"]
CATEGORIES: Final = ["money", "count", "percent", "pp", "multiple", "other"]

#: Scales that make a bare magnitude (5万亿, 209.12亿): 万 and 亿 only, not 千 or 百.
_MAGNITUDE: Final = frozenset(w for w in vocab.SCALES if "万" in w or "亿" in w)
_RANGE_SEPS: Final = frozenset(vocab.RANGE_SEPARATORS)
_LIST_SEPS: Final = frozenset(vocab.LIST_SEPARATORS)
#: A list member with a change word of its own ('分别增长5.1%、下降2.3%'): joined to the one before,
#: with its own sign.
_CHANGED_MEMBERS: Final = frozenset(sep + w for sep in vocab.LIST_SEPARATORS for w in vocab.CHANGE_WORDS)
_RANK_UNITS: Final = frozenset(vocab.RANK_UNITS)
_FALSE_UNITS: Final = tuple(trad_forms(vocab.FALSE_UNITS))
#: The false units by their first character: a unit is tested against the few that start like it.
_FALSE_UNITS_BY_FIRST: Final[dict[str, tuple[str, ...]]] = {}
for _word in _FALSE_UNITS:
    _FALSE_UNITS_BY_FIRST[_word[0]] = _FALSE_UNITS_BY_FIRST.get(_word[0], ()) + (_word,)


#: What may follow a unit directly: a qualifier (以上) or 以及, in either script.
_AFTER_UNIT: Final = tuple(trad_forms([*vocab.QUALIFIERS_AFTER, "以及"]))


def _false_unit(text: str, pos: int) -> bool:
    """A word of vocab.FALSE_UNITS starts at `pos` (条件, 人民): the unit found there is no unit,
    unless a qualifier after the unit, or 以及, starts inside that word: 10所以上 is 10所 and 以上,
    5所以及 is 5所 and 以及, not 所以."""
    words = _FALSE_UNITS_BY_FIRST.get(text[pos:pos + 1])
    if words is None or not text.startswith(words, pos):
        return False
    return any(text.startswith(w, pos) and not any(text.startswith(_AFTER_UNIT, pos + k) for k in range(1, len(w)))
               for w in words)


_PAGE_COUNTERS: Final = tuple(trad_forms(vocab.PAGE_COUNTERS))
_DURATION_AFTER: Final = tuple(trad_forms(vocab.DURATION_AFTER_GE))
#: After a bare number, these make it a date or a time of day.
_DATE_AFTER: Final = frozenset("年月日号時时:：")
_OPEN_BRACKETS, _CLOSE_BRACKETS = frozenset("(（[【"), frozenset(")）]】")
#: After a bare magnitude, these make it a size label (7000亿级规模), which FIGURES.md makes no figure.
_SIZE_LABELS: Final = frozenset("级級")
_UNIT_FACTORS: Final = vocab.UNIT_FACTORS
_FAN: Final = {"一": 1, "两": 2, "兩": 2, "二": 2, "三": 3, "四": 4}
#: Longest sentence read around a figure; a document with no punctuation is read in windows.
_MAX_SENTENCE: Final = 600


class _Token:
    """One number the scan found, with what parsing it gave. (A plain class, not a dataclass: the
    compiled module builds it natively, where a dataclass's generated __init__ stays Python.)"""

    __slots__ = ("start", "end", "value", "category", "unit", "scale", "infix", "magnitude", "chinese",
                 "value_max")

    def __init__(self, start: int, end: int, value: float, category: str | None, unit: str = "",
                 scale: float = 1.0, infix: bool = False, magnitude: bool = False, chinese: bool = False,
                 value_max: float | None = None) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.category = category  # None: a number with no unit yet (may join a range or list)
        self.unit = unit
        self.scale = scale
        self.infix = infix  # 1500余家
        self.magnitude = magnitude  # a bare 万/亿 amount whose category the subject decides
        self.chinese = chinese
        self.value_max = value_max


#: FIGURE's groups of an Arabic number, by number: a group's name is looked up again at every call.
_AR: Final = FIGURE.groupindex["ar"]
_AR_UNIT: Final = FIGURE.groupindex["unit"]
_AR_SCALE: Final = FIGURE.groupindex["scale"]
_AR_SCALE2: Final = FIGURE.groupindex["scale2"]
_AR_INFIX: Final = FIGURE.groupindex["infix"]
_AR_PER: Final = FIGURE.groupindex["per"]


def _parse(m: re.Match, text: str) -> _Token | None:
    """Value and unit of one match of patterns.FIGURE in `text`, or None where it is not a number."""
    s, e = m.span()
    # the groups of the common case, in one call
    ar, unit_word, scale1, scale2, infix = m.group(_AR, _AR_UNIT, _AR_SCALE, _AR_SCALE2, _AR_INFIX)
    if ar is not None:
        if unit_word is None and scale1 is None and scale2 is None:
            # the common case: a bare number. Before 年/月/日 it is a date (FIGURES.md: no figure),
            # which no range or list of figures takes as a member: dropped here, before any work
            ar_end = m.end(_AR)
            if text[ar_end:ar_end + 1] in _DATE_AFTER:
                return None
            if text[ar_end:ar_end + 1] in _COMPUTE_LETTERS:
                computed = _compute_power(m, s, ar_end, ar)
                if computed is not None:
                    return computed
            v = parse_arabic(ar)  # a list member, a range's low end, or nothing
            return None if v is None else _Token(s, ar_end, v, None)
        return _number(m, text, s, e, ar, unit_word, scale1, scale2, infix)
    cn = m.group("cn")
    if cn is not None:
        v = parse_chinese(cn)
        if v is None or _false_unit(m.string, m.start("cn_unit")):
            return None
        category, unit = UNITS[m.group("cn_unit")]
        scale = scale_of(m.group("cn_scale"))  # 二萬四千八百多億元: the scale after 多
        return _Token(s, e, v, category, unit, scale, m.group("cn_infix") is not None, False, True)
    g = m.groupdict()
    if g["mx1"] is not None:
        return _mixed(m, g)
    if g["pct"] is not None or g["permille"] is not None:
        v = parse_number(g["pct"] or g["permille"])
        if v is None:
            return None
        return _Token(s, e, v if g["pct"] is not None else v / 10, "percent", "%")
    if g["snum"] is not None:
        num, den = int(g["snum"]), int(g["sden"])
        if not 0 < num < den or not _share_before(m.string, s):
            return None
        return _Token(s, e, num / den * 100, "percent", "%")
    if g["den"] is not None:
        cden, cnum = parse_chinese(g["den"]), parse_chinese(g["numr"])
        if not cden or cnum is None or cnum > cden:
            return None
        return _Token(s, e, cnum / cden * 100, "percent", "%")
    if g["cheng"] is not None:
        return _Token(s, e, (parse_number(g["cheng"]) or 0.0) * 10, "percent", "%")
    if g["bare"] is not None or g["bare_o"] is not None:
        if ((m.string[s - 1:s] in _OPEN_BRACKETS and m.string[e:e + 1] in _CLOSE_BRACKETS)
                or m.string[max(0, s - 4):s].rstrip(":： ").endswith(("单位", "單位"))
                or (m.string[max(0, s - 3):s].rstrip(" \u3000").endswith("|")
                    and m.string[e:e + 3].lstrip(" \u3000").startswith(("|", "/")))):
            return None  # a table's or column's unit: 绝对数（亿元）, 单位：亿元, a cell '| 亿元 |' or '| 万元/人年 |'
    if g["bare"] is not None:
        unit = vocab.CURRENCIES.get(g["bare_unit"], "元")
        return _Token(s, e, scale_of(g["bare"]), "money", unit)
    if g["bare_q"] is not None:  # GDP突破千亿: a magnitude, money or a count by what it measures
        return _Token(s, e, 1.0, None, "", scale_of(g["bare_q"]), False, True)
    if g["bare_o"] is not None:
        return _Token(s, e, scale_of(g["bare_o"]), *UNITS[g["bare_o_unit"]])
    return _Token(s, e, 2.0 ** _FAN.get(g["fan"] or "一", 1), "multiple", "倍")  # 翻番


#: The words between a figure and the one before that restate it in another unit: ，按…计算为, ，折合人民币.
_CONVERTED: Final = re.compile(rf"[，,]?\s*(?:按[^，,。；;]{{0,20}}?)?(?:{alternation(trad_forms(vocab.CONVERSION_WORDS))})"
                               r"(?:人民币|美元)?\s*")

#: A clause's start: the words of a share or of computing power count only inside the figure's clause.
_CLAUSE_STOP: Final = re.compile(r"[，,；;。！？!?：:\n]")
_SHARE_WORDS: Final = tuple(trad_forms(vocab.SHARE_WORDS))
_COMPUTE_LETTERS: Final = frozenset(vocab.COMPUTE_LETTER_UNITS)
_COMPUTE_WORDS: Final = tuple(trad_forms(vocab.COMPUTE_WORDS))
#: How far before a figure its clause is searched for a share or computing-power word.
_CONTEXT_WINDOW: Final = 20


def _clause_before(text: str, pos: int) -> str:
    """The figure's clause before it, at most _CONTEXT_WINDOW characters."""
    before = text[max(0, pos - _CONTEXT_WINDOW):pos]
    stops = list(_CLAUSE_STOP.finditer(before))
    return before[stops[-1].end():] if stops else before


def _share_before(text: str, pos: int) -> bool:
    """A word of a share stands before `pos` in its clause (占全国粮食总量1/9)."""
    clause = _clause_before(text, pos)
    return any(w in clause for w in _SHARE_WORDS)


def _compute_power(m: re.Match, s: int, ar_end: int, ar: str) -> _Token | None:
    """20000P after a word of computing power in its clause: 20000 PFLOPS (FIGURES.md: other)."""
    text = m.string
    if text[ar_end + 1:ar_end + 2].isascii() and text[ar_end + 1:ar_end + 2].isalnum():
        return None  # a word of letters (PE, P2P), not a unit
    clause = _clause_before(text, s)
    if not any(w in clause for w in _COMPUTE_WORDS):
        return None
    v = parse_arabic(ar)
    return None if v is None else _Token(s, ar_end + 1, v, "other", vocab.COMPUTE_LETTER_UNITS[text[ar_end]])


def _mixed(m, g: dict) -> _Token | None:
    """4万6000亿元 = (4万 + 6000) × 亿; 2亿5000万元 = 2亿 + 5000万; 5万3000人 = 5万 + 3000.
    A second scale larger than the first multiplies the whole; a smaller one scales its part."""
    hi, lo = parse_arabic(g["mx1"]), parse_arabic(g["mx2"])
    if hi is None or lo is None:
        return None
    s1, s2 = scale_of(g["mxs1"]), scale_of(g["mxs2"])
    if g["mxs2"] is None and g["mx_unit2"] is None and g["mxs1"].translate(TRAD_SCALE) != "万":
        # 2亿5000 with nothing after: too loose to read (2亿5000万?); the magnitude 2亿 stands alone
        return _Token(m.start(), m.end("mxs1"), hi, None, "", s1, False, True)
    value = (hi * s1 + lo) * s2 if s2 > s1 else hi * s1 + lo * s2
    unit_word = g["mx_unit"] or g["mx_unit2"]
    if unit_word is None or _false_unit(m.string, m.start("mx_unit" if g["mx_unit"] else "mx_unit2")):
        end = m.end("mxs2") if g["mxs2"] else m.end("mx2")
        return _Token(m.start(), end, _scaled(value, 1.0), None, "", 1.0, False, True)
    category, unit = UNITS[unit_word]
    return _Token(m.start(), m.end(), _scaled(value, 1.0), category, unit)


def _number(m: re.Match, text: str, s: int, e: int, ar: str, unit_word: str | None, scale1: str | None,
            scale2: str | None, infix: str | None) -> _Token | None:
    """An Arabic number with a scale or a unit (the groups of `m` that say so, read once by _parse)."""
    v = parse_arabic(ar)
    if v is None:
        return None
    if unit_word is None or _false_unit(text, m.start(_AR_UNIT)):
        return _unitless(m, s, v, scale1, scale2, infix)
    scale = scale_of(scale1) * scale_of(scale2) * _UNIT_FACTORS.get(unit_word, 1.0)
    category, unit = UNITS[unit_word]
    per = m.group(_AR_PER)
    if per:
        category, unit = "other", f"{unit}/{per.translate(TRAD_SCALE)}"
    return _Token(s, e, v, category, unit, scale, infix is not None)


def _unitless(m: re.Match, s: int, v: float, scale1: str | None, scale2: str | None, infix: str | None) -> _Token:
    """A number with no unit: it may join a range or a list, or be a bare 万/亿 magnitude."""
    end = m.end(_AR_SCALE2) if scale2 else m.end(_AR_SCALE) if scale1 else m.end(_AR)
    magnitude = any(x and x.translate(TRAD_SCALE) in _MAGNITUDE for x in (scale1, scale2))
    scale = scale_of(scale1) * scale_of(scale2)
    return _Token(s, end, v, None, "", scale, infix is not None and magnitude, magnitude)


#: In either script: the text is read as written (十一屆十次全會, 排名第3位).
_ORDINAL_PREFIXES: Final = tuple(trad_forms(vocab.ORDINAL_PREFIXES))
_RANK_PREFIXES: Final = tuple(trad_forms(vocab.RANK_PREFIXES))


def _excluded(work: str, t: _Token) -> bool:
    """Ordinals, ranks and small Chinese numerals are not figures (FIGURES.md)."""
    # 五个方面, 两个"新三年计划", 增长两倍: Chinese numerals below ten count only as money, percent
    # and pp (FIGURES.md: money, percent or 成)
    if t.chinese and t.value * t.scale < 10 and t.category in ("count", "other", "multiple"):
        return True
    # the words before, without the spaces and colon between them and the number ('点击数 ：  3200次')
    head = work[max(0, t.start - 16):t.start].rstrip(" \u3000\u00a0\t:：")
    if head.endswith(_PAGE_COUNTERS):
        return True
    if head.endswith(_ORDINAL_PREFIXES):
        return True
    if work[t.end:t.end + 1] in _SIZE_LABELS:
        return True  # 8个千亿元级、15个五百亿元级产业集群: a size label, no figure
    if t.unit == "个" and work.startswith(_DURATION_AFTER, t.end):
        return True  # 连续36个月: a duration
    return t.unit in _RANK_UNITS and head.endswith(_RANK_PREFIXES)


def _finish(t: _Token, sent_subject_money) -> _Token:
    """Apply the scale; decide a bare magnitude's category by what it measures."""
    if t.magnitude:
        t.category, t.unit = ("money", "元") if sent_subject_money(t) else ("count", "")
    t.value = _scaled(t.value, t.scale)
    if t.value_max is not None:
        t.value_max = _scaled(t.value_max, t.scale)
    return t


def _scaled(value: float, scale: float) -> float:
    """value × scale, rounded to the 15 significant digits a double holds (2.14万亿 → 2.14e12,
    not 2140000000000.0002)."""
    product = value * scale
    if product.is_integer() and -1e15 < product < 1e15:
        return product  # a whole number of at most 15 digits: what the rounding would give
    return float(format(product, ".15g"))


def _group(work: str, tokens: list[_Token], money_subject) -> list[list[_Token]]:
    """Join ranges (1至2个, 5%—6%) and lists sharing a unit (6.9和1.4个百分点).

    Returns groups: a list of figures that share their classification (the members of a list),
    each figure a finished token with its category, unit and scaled value.
    """
    groups: list[list[_Token]] = []
    pending: list[_Token] = []  # numbers with no unit, joined by list separators

    def flush():
        # Unit-less numbers that joined nothing: keep only bare 万/亿 magnitudes, and not those a
        # size label makes a name ('分别达到4500亿、7000亿级规模': 级 labels the whole list)
        if pending and work[pending[-1].end:pending[-1].end + 1] in _SIZE_LABELS:
            pending.clear()
        for p in pending:
            if p.magnitude and not _excluded(work, p):
                groups.append([_finish(p, money_subject)])
        pending.clear()

    for t in tokens:
        if t.category is None:
            if pending and work[pending[-1].end:t.start].strip() not in _LIST_SEPS:
                flush()
            pending.append(t)
            continue
        gap = work[pending[-1].end:t.start].strip() if pending else None
        if gap in _RANGE_SEPS and len(pending) == 1:
            p = pending.pop()
            # '1至2万个': the low end shares the scale of the high one; '30万-50万元' has its own
            t.value_max, t.value = t.value, p.value * (p.scale / t.scale if p.scale != 1.0 else 1.0)
            t.start = p.start
            t.chinese = t.chinese and p.chinese
        elif gap in _LIST_SEPS:
            members = []
            for p in pending:
                p.category, p.unit = t.category, t.unit
                p.scale = p.scale if p.scale != 1.0 else t.scale
                p.magnitude = False
                members.append(p)
            pending.clear()
            members.append(t)
            members = [_finish(x, money_subject) for x in members if not _excluded(work, x)]
            if members:
                groups.append(members)
            continue
        if pending:
            flush()
        last = groups[-1][-1] if groups else None
        if t.category == "pp" and last is not None:
            # '回升2.9个、23.9个百分点', '提高1.5个、2个和3.2个百分点': the 个 of the list members
            # before 个百分点 is that unit too; the list is one group
            k, nxt = len(groups), t.start
            while (k > 0 and len(groups[k - 1]) == 1 and groups[k - 1][0].unit == "个"
                   and groups[k - 1][0].value_max is None and work[groups[k - 1][0].end:nxt].strip() in _LIST_SEPS):
                k -= 1
                nxt = groups[k][0].start
            if k < len(groups):
                members = [g[0] for g in groups[k:]]
                for p in members:
                    p.category, p.unit = t.category, t.unit
                del groups[k:]
                groups.append(members + ([] if _excluded(work, t) else [_finish(t, money_subject)]))
                continue
        # 5%—6%: a range whose two ends both carry the unit
        if (last is not None and last.value_max is None and len(groups[-1]) == 1
                and last.category == t.category and last.unit == t.unit
                and work[last.end:t.start].strip() in _RANGE_SEPS):
            last.value_max = _scaled(t.value, t.scale)
            last.end = t.end
            continue
        if not _excluded(work, t):
            groups.append([_finish(t, money_subject)])
    flush()
    return groups


def document_date(text: str) -> dt.date | None:
    """The date a document gives itself near its top (2023-04-11, 2024\\n01/04), if any.

    Every date starts with 20: the pattern is tried only where a string search finds 20, in
    order, and after a match that is no date (2024-02-30) from its end on, as finditer would."""
    limit = min(len(text), 1500)
    pos = text.find("20", 0, limit)
    while pos >= 0:
        m = DOC_DATE.match(text, pos, limit)
        if m is None:
            pos = text.find("20", pos + 1, limit)
            continue
        y, mo, d = (m.group("y") or m.group("y2") or m.group("y3"), m.group("m") or m.group("m2") or m.group("m3"),
                    m.group("d") or m.group("d2") or m.group("d3"))
        try:
            return dt.date(int(y), int(mo), int(d))
        except ValueError:
            pos = text.find("20", m.end(), limit)
    return None


def _as_date(date) -> dt.date | None:
    if date is None or isinstance(date, dt.date):
        return date
    return dt.date.fromisoformat(str(date))


class _Sentences:
    """Sentence bounds of a text, and their simplified copies, computed once per document."""

    def __init__(self, work: str, ends: list[int]):
        self.work = work
        self.ends = ends  # where each sentence's end mark stands (SENTENCE_END), in order
        self._simple: dict[tuple[int, int], str] = {}

    def bounds(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.ends, pos)
        s0 = self.ends[i - 1] + 1 if i else 0
        s1 = self.ends[i] if i < len(self.ends) else len(self.work)
        if s1 - s0 > _MAX_SENTENCE:  # a run-on 'sentence': read a window around the figure
            s0, s1 = max(s0, pos - _MAX_SENTENCE // 2), min(s1, pos + _MAX_SENTENCE // 2)
        return s0, s1

    def simple(self, s0: int, s1: int) -> str:
        key = (s0, s1)
        if key not in self._simple:
            self._simple[key] = to_simplified(self.work[s0:s1])
        return self._simple[key]


def records(text: object, doc: str | None = None, date=None) -> list[dict]:
    """Every figure of `text`, as dicts with the FIGURES.md fields, in document order."""
    return [dict(zip(COLUMNS, row)) for row in _rows(text, doc, date)]


# Positions of the fields in a row of `_rows` (the order of COLUMNS).
_START, _END, _VALUE, _CATEGORY, _UNIT, _KIND, _INDICATOR, _DEADLINE, _PERIOD = [
    COLUMNS.index(c) for c in ("start", "end", "value", "category", "unit", "kind", "indicator", "deadline", "period")]


def _rows(text: object, doc: str | None, date) -> list[list]:
    """Every figure of `text` as a list of its fields in COLUMNS order: what `records` makes
    dicts of and `figures` makes columns of, without a dict per figure on the way."""
    if not isinstance(text, str) or not text:
        return []
    work, omap = strip_readings(text) if has_readings(text) else (text, None)
    work = arabic_years(work)  # 二〇二六年 read as 2026年, the same length
    # FIGURES.md: the date the text gives itself comes first; `date` is for texts without one.
    doc_date = document_date(work) or _as_date(date)
    if doc_date is None and (year := structure.work_year(work)) is not None:
        doc_date = dt.date(year, 1, 1)  # FIGURES.md: an undated plan of a year's work is of that year
    classify.forget()
    # one scan finds the sentences' ends and the places named (for the document's own region)
    ends: list[int] = []
    names: list[re.Match] = []
    for m in SENTENCE_END_OR_REGION.finditer(work):
        if work[m.start()] in SENTENCE_END_CHARS:
            ends.append(m.start())
        else:
            names.append(m)
    sents = _Sentences(work, ends)
    home = classify.doc_region(work, names)
    context = structure.read(work, doc_date)

    def money_subject(t: _Token) -> bool:
        s0, s1 = sents.bounds(t.start)
        return classify.is_money_subject(sents.simple(s0, s1), t.start - s0)

    tokens = [t for t in [_parse(m, work) for m in FIGURE.finditer(work)] if t is not None]
    if context.cells and "|" in work:
        _lend_cell_units(work, tokens, context)
    out: list[list] = []
    told_in_lead: set[int] = set()
    prev_sentence, prev_end, prev_negative, prev_indicator, prev_qualifier = None, 0, False, None, None
    in_sentence = 0  # where the rows of the current sentence start in `out`
    # a sentence opening with 其中 lists the parts of the target before it (part_of), due when that is (part_due)
    part_of, part_due = False, None
    last_due = None  # the deadline of the last target with one
    starts_in_sentence: list[int] = []
    # per row: in_sentence, starts a list after 分别, joined, its words name nothing, the names they give
    marks: list[tuple] = []
    for group in _group(work, tokens, money_subject):
        first = group[0]
        s0, s1 = sents.bounds(first.start)
        sent = sents.simple(s0, s1)
        if (s0, s1) != prev_sentence:
            prev_sentence, prev_end, prev_negative, prev_indicator, prev_qualifier = (s0, s1), 0, False, None, None
            # '投资目标2600亿元。其中，高速公路1500亿元…': the parts of a target the sentence before set
            part_of = bool(out and out[-1][_KIND] == "target" and out[-1][_END] <= s0
                           and sent.lstrip(" \u3000").startswith("其中"))
            part_due = out[-1][_DEADLINE] if part_of else None
            in_sentence = len(out)
            starts_in_sentence = []  # where the figures before, in this sentence, start (work positions)
            original = _original(text, omap, s0, s1)  # the sentence as written, once for its figures
        a, z = first.start - s0, group[-1].end - s0
        before = sent[max(0, a - 8):a]
        qual, qlen = classify.qualifier_before(before)
        negative = classify.is_decrease(before[: len(before) - qlen])
        # '分别下降9.3%和6.8%': a figure joined to the one before by 和/、 shares its change
        gap = sent[prev_end:a - qlen].strip()
        # '分别增长5.1%、下降2.3%': a rate with its own change after a rate (not '1.2万亿元、增长5%')
        own_change = (gap in _CHANGED_MEMBERS and len(out) > in_sentence and out[-1][_CATEGORY] in _RATES
                      and first.category in _RATES)
        joined = prev_end > 0 and (gap in _LIST_SEPS or own_change)
        negative = negative or (joined and prev_negative and not own_change)
        if work[first.start - 1:first.start] in ("-", "－") and first.start >= 2 \
                and not work[first.start - 2].isdigit() and first.category in ("percent", "pp"):
            negative = True  # 增速为-3.2%: the sign is part of the figure's text
            first.start -= 1
        after_qual, alen = classify.qualifier_after(sent, z)
        if joined and not qual and not after_qual:
            qual = prev_qualifier  # '分别超过90家和870家': both are 'more than'

        told = classify.reported(sent, a)
        due, stated = classify.deadline(sent, a, doc_date, keep_past=told)
        own_stated = stated  # the sentence's own horizon (每年 states that there is none)
        scope = context.at(first.start)
        if scope is not None and not scope.history and not stated:
            # the title, heading, list or section around the figure states what its sentence does not;
            # a year the sentence gives its target ('2022年，全市新建5G基站2600个' in a plan of 2022—2024)
            # or 今年 is its own
            due = scope.deadline if due is None else due
            stated = scope.horizon
        # a plan of work, a work report's part after its expected targets, a year's work under a
        # heading, or what a future horizon leads (到2027年，…建成区域不少于200平方公里)
        planned = ((context.plan_from is not None and first.start >= context.plan_from)
                   or (scope is not None and (scope.plan or (scope.horizon and scope.deadline is not None))))
        kind = classify.kind(sent, a, z, first.category, stated, doc_date, due,
                             planned and not (scope is not None and scope.history))
        if first.start < context.lead_end and classify.own_cue(sent, a):
            told_in_lead.add(len(out))  # a lead's figure whose own clause says what it is
        if (kind == "actual" and not stated and due is not None and doc_date is not None and due > doc_date.year
                and not classify.any_cue(sent, a)):
            kind = "target"  # '2027年，全县设备投资规模较2023年增长30%以上' in 2024: a later year is not over
        if part_of and kind == "actual" and not stated and not classify.any_cue(sent, a):
            kind, due = "target", part_due if part_due is not None else due  # a part of the target before
        if scope is not None and scope.targets:
            kind = "target"  # every figure of an expected-targets section is one
            if due is None and scope.deadline is None and not own_stated and doc_date is not None:
                # '今年…增长目标设定在…。其他经济目标还包含：…': a section that names no year goes on with
                # the goals for the document's year set before it (not with those of another horizon)
                due = last_due if last_due == doc_date.year else None
        elif (kind == "target" and scope is not None and scope.history and not stated
              and classify.estimated(sent, a)):
            kind = "actual"  # '一、过去五年和2021年工作回顾' … '2021年预计地区生产总值4700亿元': an estimate of the past
        cell = context.cell_at(first.start)
        if cell is not None and cell.kind is not None:
            kind = cell.kind  # 全市生产总值 / 预期性 / 增长5%左右 / 增长5.4%: the column says which
            due = cell.year if kind == "target" and cell.year is not None else due
        region = classify.region_of(sent, a, home)
        after_fenbie = "分别" in sent[prev_end:a]  # 分别 since the figure before
        names_nothing = after_fenbie and classify.respectively(sent, prev_end, a)
        named = classify.subject(sent, a, prev_end) if after_fenbie and not names_nothing else ""
        for i, t in enumerate(group):
            ta = t.start - s0
            ind = (classify.indicator(sent, ta, group[-1].end - s0, prev_end, qlen, t.category) if i == 0
                   else prev_indicator)
            if i == 0 and prev_indicator and _CONVERTED.fullmatch(sent, prev_end, ta):
                ind = prev_indicator  # '73232元，按2024年平均汇率计算为10283美元': the same thing restated
            if cell is not None and (ind is None or ind in _LIST_SEPS or cell.unit is not None):
                # a flattened table's cell names nothing but its change, and a bar table's cell nothing
                # at all ('| 亿元 | 增长6%以上 | 4297.8 |'): the row does
                ind = (classify.without_asides(cell.row) + ("增速" if cell.rate else "")) if cell.unit is not None \
                    else cell.row
            if joined and (ind is None or ind in _LIST_SEPS):
                ind = prev_indicator  # '排放量分别下降9.3%和6.8%'
            elif ind is None:
                ind = classify.indicator_fallback(sent, ta, prev_end, prev_indicator, t.category)
            prev_indicator = ind or prev_indicator
            marks.append((in_sentence, after_fenbie and i == 0, joined or i > 0, names_nothing, named))
            start, end = (omap.start(t.start), omap.end(t.end)) if omap else (t.start, t.end)
            sign = -1.0 if negative else 1.0
            out.append([
                doc, start, end, text[start:end], sign * t.value,
                None if t.value_max is None else sign * t.value_max,
                t.category, t.unit, "gt" if t.infix else (qual or after_qual or "eq"), kind, ind, region,
                due if kind == "target" else None,
                ((classify.respective_year(sent, ta, [p - s0 for p in starts_in_sentence]) if "分别" in sent else None)
                 or classify.period(sent, ta, doc_date, t.category)) if kind == "actual" else None,
                original,
            ])
            starts_in_sentence.append(t.start)
            if kind == "target" and due is not None:
                last_due = due  # the deadline of the last target so far (kept as we go: no search back)
        # the next figure's words start after this one's qualifier (2.9万亿元以上、年均增长5.3%)
        prev_end, prev_negative, prev_qualifier = group[-1].end - s0 + alen, negative, qual or after_qual
    if "分别" in work:
        _respective_rates(out, marks)
    if context.lead_end and out:
        top, lead = context.headline_end, context.lead_end
        _headline_repeats(out, omap.start(top) if omap else top, omap.start(lead) if omap else lead,
                          told_in_lead)
    return out


#: The conjunctions between the names a list after 分别 takes in turn: 和 and 、, then also 及
#: (食品及农副产品加工 may be one name or two); 与 joins words inside names.
_CONJUNCTS: Final = (re.compile("[和、]"), re.compile("[和、及]"))


_HEADS: Final = tuple(vocab.INDICATOR_HEADS)
_NUMERALS: Final = "一二两三四五六七八九十"
_ETC: Final = re.compile(f"等(?=(?:{alternation(_HEADS)}))")


def _conjuncts(name: str, k: int) -> list[str]:
    """The `k` names a subject joins, each whole ([name] unless there are k): the head the last one ends with is shared by those
    before it ('绿色低碳能源、新材料产业产值' → 绿色低碳能源产业产值, 新材料产业产值; '高新技术产业、
    战略性新兴产业产值占比重' → 高新技术产业产值占比重, …): a name that ends with a head word takes
    what follows that word in the last name; one that ends with none takes the head words the last
    name ends with ('…加工产业产值' → 产业产值)."""
    parts = [p.strip() for p in _CONJUNCTS[0].split(name)]
    if len(parts) != k:
        parts = [p.strip() for p in _CONJUNCTS[1].split(name)]
    if len(parts) != k or any(not p.strip(_NUMERALS) or p.startswith("第") or p in vocab.REGIONS for p in parts):
        return [name]  # not a list of names (第一、二、三产业增加值) or of places (苏州、无锡分别增长)
    last = parts[-1]
    etc = _ETC.search(last)
    if etc is not None:  # '太阳能电池、多晶硅、汽车等产品产量': what follows 等 is shared by all
        shared = last[etc.end():]
        return [p + shared for p in parts[:-1]] + [last[:etc.start()] + shared]
    heads_from = len(last)  # where the run of head words that ends the last name starts
    while (h := next((h for h in _HEADS if last.endswith(h, 0, heads_from)), None)) is not None:
        heads_from -= len(h)
    whole = []
    for p in parts[:-1]:
        own = next((h for h in _HEADS if p.endswith(h) and len(h) < len(p)), None)
        at = (last.find(own) + len(own) if own in last else -1) if own else heads_from
        whole.append(p + last[at:] if 0 < at < len(last) else p)
    return whole + [last]


def _respective_rates(out: list[list], marks: list[tuple]) -> None:
    """A list after 分别 takes its names in turn:
    - a list of rates whose own words name nothing, from the figures before it ('接待游客1.2亿人次，
      实现旅游总收入1850亿元，分别增长8.5%和10.2%' → 接待游客增速 8.5, 旅游总收入增速 10.2): as many
      figures of its sentence as the list has members, none of them a rate, each naming another thing;
    - else from the names its subject joins ('能耗和排放分别下降4%和12%' → 能耗 −4, 排放 −12;
      '农民人均纯收入和城镇居民人均可支配收入分别达到9807元和18817元'), as many as it has members."""
    i = 0
    while i < len(out):
        first, starts, _, names_nothing, named = marks[i]
        j = i + 1
        if starts:
            while j < len(out) and marks[j][2] and marks[j][0] == first:
                j += 1
        k, rates = j - i, out[i:j]
        if k >= 2:
            all_rates = all(r[_CATEGORY] in _RATES for r in rates)
            rows = out[i - k:i] if all_rates and names_nothing and i - first >= k else []
            names = [r[_INDICATOR] for r in rows]
            if rows and all(names) and len(set(names)) == k and not any(r[_CATEGORY] in _RATES for r in rows):
                names = [n if n.endswith("增速") else n + "增速" for n in names]
            else:
                names = _conjuncts(named, k)
            if len(names) == k and len(set(names)) == k:
                for r, name in zip(rates, names):
                    r[_INDICATOR] = name.removesuffix("增速") if r[_CATEGORY] == "multiple" else name
        i = j


_RATES: Final = frozenset(("percent", "pp", "multiple"))


def _same_thing(a: str | None, b: str | None) -> bool:
    """Two indicators name the same thing: both named, and one holds the other."""
    return bool(a and b and (a in b or b in a))


def _headline_repeats(out: list[list], headline_end: int, lead_end: int, told: set[int]) -> None:
    """A figure of the headline or the lead paragraph that the body repeats reads as the body's.

    Headline (before `headline_end`): the same value, and the same unit or none in the headline
    ('13.57万亿!' over '13.57万亿元'): kind, deadline, period, and for a bare magnitude its category
    and unit, and its indicator where it names none. The body says what the headline abbreviates.
    Lead paragraph (up to `lead_end`): the same value and unit, and the same indicator (one name
    holds the other), and no deadline, period or cue of kind of its own: kind, deadline and
    period. A lead's figure that the body does not repeat, or repeats for another indicator, or
    that states its own time (2023年…) or kind (已有…, rows `told`), keeps its own reading.
    """
    after_headline = [r for r in out if r[_START] >= headline_end]
    after_lead = [r for r in after_headline if r[_START] >= lead_end]
    for i, r in enumerate(out):
        if r[_START] >= lead_end:
            break
        headline = r[_START] < headline_end
        for b in after_headline if headline else after_lead:
            if b[_VALUE] != r[_VALUE]:
                continue
            if headline:
                if b[_UNIT] != r[_UNIT] and r[_UNIT] != "":
                    continue
                if r[_INDICATOR] is None:
                    r[_INDICATOR] = b[_INDICATOR]
            elif (b[_UNIT] != r[_UNIT] or not _same_thing(b[_INDICATOR], r[_INDICATOR])
                  or r[_DEADLINE] is not None or r[_PERIOD] is not None or i in told):
                continue  # a lead's figure that states its own time keeps it
            r[_KIND], r[_DEADLINE], r[_PERIOD] = b[_KIND], b[_DEADLINE], b[_PERIOD]
            if r[_UNIT] == "":
                r[_CATEGORY], r[_UNIT] = b[_CATEGORY], b[_UNIT]
            break


def _lend_cell_units(work: str, tokens: list[_Token], context) -> None:
    """A bare number that is the whole of a bar table's cell takes the unit its column or its row's
    单位 gives (structure.bar_tables): '| 地区生产总值(GDP) | 亿元 | 增长6%以上 | 4297.8 | 6.2 |' under
    '| 绝对值 | 增速(%) |' is 4297.8亿元 and 6.2%."""
    for t in tokens:
        if t.category is not None or t.magnitude:
            continue
        cell = context.cell_at(t.start)
        if cell is None or not cell.unit or cell.end != t.end or not (
                cell.start == t.start or (cell.start == t.start - 1 and work[cell.start] in "-－")):
            continue  # the whole cell, or the whole cell but its minus sign (-2.1 under 增速(%))
        m = UNIT_CELL.fullmatch(cell.unit)  # as structure.bar_tables took it: a scale and a unit word
        if m is None:
            continue
        t.category, t.unit = UNITS[m.group("unit")]
        t.scale = scale_of(m.group("scale")) * _UNIT_FACTORS.get(m.group("unit"), 1.0)


def _original(text: str, omap, s0: int, s1: int) -> str:
    if omap:
        s0, s1 = omap.start(s0), omap.end(s1) if s1 > s0 else omap.start(s0)
    return text[s0:s1].strip()


#: The dtype of each column: nullable where FIGURES.md allows null.
DTYPES: Final = {
    "doc": "string", "start": "int64", "end": "int64", "text": "string", "value": "float64",
    "value_max": "float64", "category": pd.CategoricalDtype(CATEGORIES), "unit": "string",
    "qualifier": "string", "kind": "string", "indicator": "string", "region": "string",
    "deadline": "Int64", "period": "string", "sentence": "string",
}

# The table is built from its columns as pandas stores them (one block per column kind), with
# every dtype resolved once here, where DataFrame(dict) would infer and check each column of each
# document again. The text columns are one Arrow array, cut into a zero-copy slice a column.
# pandas.api.internals.create_dataframe_from_blocks is the public way to put blocks together; it
# checks each block's kind and the whole manager again for every table, which for a document's
# few rows took longer than making the columns. So the blocks are made with pandas' own block
# classes and placements, resolved once here, and the manager is not verified again (the tests of
# the table's columns and dtypes check what this makes); where a pandas version moves these
# internals, the public function is used.
_COLUMN_INDEX: Final = pd.Index(COLUMNS)
_STRING_AT: Final = [i for i, c in enumerate(COLUMNS) if DTYPES[c] == "string"]
_STRING_DTYPE: Final = pd.StringDtype("pyarrow")
_INT_AT: Final = [COLUMNS.index("start"), COLUMNS.index("end")]
_FLOAT_AT: Final = [COLUMNS.index("value"), COLUMNS.index("value_max")]
_CATEGORY_AT: Final = COLUMNS.index("category")
_DEADLINE_AT: Final = COLUMNS.index("deadline")
#: The columns of each block, in the order `_table` makes them: the text columns one by one, then
#: start and end, value and value_max, category, deadline.
_PLACES: Final = [np.array([i]) for i in _STRING_AT] + [np.array(_INT_AT), np.array(_FLOAT_AT),
                                                  np.array([_CATEGORY_AT]), np.array([_DEADLINE_AT])]
_CATEGORY_CODE: Final = {name: i for i, name in enumerate(CATEGORIES)}
_LARGE_STRING: Final = pa.large_string()  # what pandas' "string" dtype (pyarrow storage) holds
_NAN: Final = float("nan")
_EMPTY_TEXT: Final = ArrowStringArray(pa.array([], type=_LARGE_STRING), dtype=_STRING_DTYPE)
try:
    from pandas._libs.internals import BlockPlacement
    from pandas.core.internals.blocks import get_block_type
    from pandas.core.internals.managers import BlockManager

    _BLOCKS: list | None = [
        (get_block_type(dtype), BlockPlacement(slice(int(p[0]), int(p[0]) + 1)) if len(p) == 1 else BlockPlacement(p))
        for dtype, p in zip([_STRING_DTYPE] * len(_STRING_AT) + [np.dtype(np.int64), np.dtype(np.float64),
                                                                 DTYPES["category"], pd.Int64Dtype()], _PLACES)]
    # and the arrays and index built as pandas builds its own, from parts made right here
    _CATEGORICAL = pd.Categorical._simple_new
    _INTEGER_ARRAY = pd.arrays.IntegerArray._simple_new
    _RANGE_INDEX = pd.RangeIndex._simple_new
except (ImportError, AttributeError, TypeError):  # another pandas: its public functions
    _BLOCKS = None


def _frame(arrays: list, n: int) -> pd.DataFrame:
    """The table of the block arrays made by `_table` (in `_PLACES` order), `n` rows."""
    if _BLOCKS is None:
        return create_dataframe_from_blocks(list(zip(arrays, _PLACES)), index=pd.RangeIndex(n), columns=_COLUMN_INDEX)
    blocks = [kind(values, ndim=2, placement=place) for (kind, place), values in zip(_BLOCKS, arrays)]
    manager = BlockManager(blocks, [_COLUMN_INDEX, _RANGE_INDEX(range(n))], verify_integrity=False)
    return pd.DataFrame._from_mgr(manager, manager.axes)


def table(rows: list[dict]) -> pd.DataFrame:
    """Records → the tidy table, with the FIGURES.md columns and proper dtypes."""
    return _table([[r[c] for c in COLUMNS] for r in rows])


def _table(rows: list[list]) -> pd.DataFrame:
    """Rows of fields in COLUMNS order → the tidy table."""
    n = len(rows)
    cols = list(zip(*rows)) if n else [()] * len(COLUMNS)
    # one chunked array, so that each column's slice is already the chunked array pandas keeps
    texts = pa.chunked_array([pa.array([v for i in _STRING_AT for v in cols[i]], type=_LARGE_STRING)])
    # each column a zero-copy slice, made a pandas array without the checks of its constructor
    arrays: list = [_EMPTY_TEXT._from_pyarrow_array(texts.slice(k * n, n)) for k in range(len(_STRING_AT))]
    arrays.append(np.array([cols[i] for i in _INT_AT], dtype=np.int64).reshape(2, n))
    value, value_max = [cols[i] for i in _FLOAT_AT]
    arrays.append(np.array([value, [_NAN if v is None else v for v in value_max]], dtype=np.float64).reshape(2, n))
    codes = np.array([_CATEGORY_CODE[c] for c in cols[_CATEGORY_AT]], dtype=np.int8)
    due = cols[_DEADLINE_AT]
    years = np.array([0 if d is None else d for d in due], dtype=np.int64)
    missing = np.array([d is None for d in due], dtype=bool)
    if _BLOCKS is None:
        arrays.append(pd.Categorical.from_codes(codes, dtype=DTYPES["category"], validate=False))
        arrays.append(pd.arrays.IntegerArray(years, missing))
    else:  # the codes and the years with their mask are made right above: nothing to check again
        arrays.append(_CATEGORICAL(codes, DTYPES["category"]))
        arrays.append(_INTEGER_ARRAY(years, missing))
    return _frame(arrays, n)


def empty_table() -> pd.DataFrame:
    return table([])


def figures(text: object, doc: str | None = None, date=None) -> pd.DataFrame:
    """Every figure of `text` as a tidy table (see FIGURES.md for the columns)."""
    try:
        return _table(_rows(text, doc, date))
    except UnicodeEncodeError:
        # lone surrogates (a string decoded with errors="surrogateescape"): no characters, and Arrow
        # stores only valid UTF-8; read as U+FFFD, one for one, so that positions hold
        return _table(_rows(without_surrogates(str(text)), doc, date))
