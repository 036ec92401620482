"""A document's actual figures, matched to the targets they report progress on.

    proposals, unmatched = propose(text, book, doc="公报.txt")

A figure reports on a target when all four agree (each is decided in one function here):

- **region** (`_Reader.region`): the nearest place the figure's sentence names before it
  (tables.PLACES and China's divisions, tables.DIVISIONS; full names anywhere, short names
  only as a subject), else the
  document's own place (its title, else the place it names most). 全市/我市 are the
  document's. A place and the places inside it are different places.
- **indicator** (`indicator_key`): the figure's indicator and the target's, each with
  abbreviations expanded, leading words dropped and synonyms resolved (tables), must be
  equal: never a looser match.
- **unit**: money to money in the same currency, a count to the same measure word, a
  growth rate only to a rate target, any other percentage only to a share or level.
- **date** (`_Reader.period`): the figure's period (2024年 -> 2024-12-31, 1—9月 -> 09-30,
  上半年 -> 06-30); a figure without one takes the period of the document only when the
  document is the report of that period (a bulletin of 2024, a 1—2月 report).

Each match is a `Proposal` whose `action` says what writing it would do: ``add``,
``same`` (the book, or a finer figure of this run, already holds it), ``conflict`` (that
date holds another value) or ``implausible`` (an amount more than 5x away from the latest
value: a unit slip). Lists read "respectively" (常熟市和吴江区…分别为A、B; 精品钢材、高端纺织
产值分别增长a、b) give each figure its own place or indicator.
"""
from __future__ import annotations

import dataclasses
import bisect
import datetime as dt
import re
from collections import defaultdict

import ahocorasick
import pandas as pd
import regex

import extract
from extract import classify, vocab
from extract.engine import document_date
from extract.normalize import has_readings, strip_readings, to_simplified
from extract.patterns import SENTENCE_END, alternation

from . import tables
from .loader import Book
from .schema import QUALIFIERS
from .units import format_value, lookup

__all__ = [
    "ACTIONS", "FIELDS", "Context", "Proposal", "Unmatched", "clean_name", "context", "indicator_key",
    "propose", "propose_figures", "place_of",
]

#: What applying a proposal would do, and its word for people.
ACTIONS = {"add": "新增", "same": "已有", "conflict": "冲突", "implausible": "存疑"}
#: The fields of a proposal, as `--format jsonl` prints them.
FIELDS = ("target", "date", "value", "period", "quote", "doc", "start", "end", "action", "reason")
#: An amount (money, count, other) more than this many times away from the latest value is a
#: slip of unit (亿 for 万) rather than progress. Rates and shares move widely (0.8% after
#: 11.6% is ordinary), so they are not tested.
IMPLAUSIBLE_FACTOR = 5.0


@dataclasses.dataclass(frozen=True)
class Proposal:
    """One observation proposed for one target. `value` is in the target's own unit."""

    target: str
    date: str
    value: float
    period: str
    quote: str
    doc: str
    start: int
    end: int
    action: str
    reason: str
    unit: str = ""
    text: str = ""
    title: str = ""
    url: str = ""
    note: str = ""

    def record(self) -> dict:
        """The fields FIELDS, in order (what `--format jsonl` prints)."""
        return {name: getattr(self, name) for name in FIELDS}

    def observation(self) -> dict:
        """The progress entry that writing this proposal adds to targets.yaml."""
        day = dt.date.fromisoformat(self.date)
        full_year = self.period == f"{day.year}年"
        obs: dict = {"date": day.year if full_year else _month_or_day(day), "value": self.value}
        if self.period and not full_year:
            obs["period"] = self.period
        obs["source"] = f"{self.title}（{self.doc}）" if self.title and self.title != self.doc else self.doc
        if self.url:
            obs["url"] = self.url
        obs["quote"] = self.quote
        if self.note:
            obs["note"] = self.note
        return obs


def _month_or_day(day: dt.date):
    """2023-09-30 -> '2023-09' (a month end, as staff write it); other days stay dates."""
    nxt = day + dt.timedelta(days=1)
    return f"{day.year}-{day.month:02d}" if nxt.month != day.month else day


@dataclasses.dataclass(frozen=True)
class Unmatched:
    """An actual figure that reports on no target, and why."""

    doc: str
    start: int
    end: int
    text: str
    region: str
    indicator: str
    period: str
    quote: str
    why: str


@dataclasses.dataclass(frozen=True)
class Context:
    """What a document says of itself: its title, place, date and the period it reports on."""

    doc: str
    title: str
    region: str | None
    date: dt.date | None
    period: tuple[dt.date, str] | None   # (last day, label) of the period it reports on
    url: str = ""


# --- places ------------------------------------------------------------------------------

def _short(place: str) -> str | None:
    for suffix in tables.PLACE_SUFFIXES:
        if place.endswith(suffix) and len(place) - len(suffix) >= 2:
            return place[: -len(suffix)]
    return None


_PROVINCE_NAMES = frozenset(tables.PROVINCES) | {p for p, parent in tables.DIVISIONS.items() if parent is None}
_PARENT = tables.PARENTS
_KNOWN = dict.fromkeys(list(tables.PLACES) + list(tables.PROVINCES) + sorted(set(vocab.REGIONS.values()))
                       + list(tables.DIVISIONS))
_FULL = {p: p for p in _KNOWN}
_SHORT_OF: dict[str, set[str]] = defaultdict(set)
for _place in _KNOWN:
    if (_s := _short(_place)) and _s not in _FULL:
        _SHORT_OF[_s].add(_place)
# a short name that several places share (吉林 of 吉林省 and 吉林市) is the province's, else none's
_SHORT = {s: next(iter(p)) for s, p in _SHORT_OF.items() if len(p) == 1}
_SHORT.update({short: full for full, short in tables.PROVINCES.items() if short not in _FULL})
#: Short names of provinces and prefecture-level cities (温州, 滁州): at the head of a sentence
#: they are its subject whatever verb follows ('滁州紧跟芜湖其后，一季度GDP…'); a county's short
#: name is too often a word (平安, 东方) to be read so.
_CITY_SHORT = frozenset(s for s, p in _SHORT.items() if _PARENT.get(p) is None or _PARENT.get(p) in _PROVINCE_NAMES)
_NAME_PARTS = tuple(vocab.REGION_NAME_PARTS)
_SENTENCE_ENDS = ("", "。", "！", "？", "!", "?", "\n")  # what stands before a sentence's head ('' at the text's)
_OWN = {w: None for w in tables.OWN_PLACE_WORDS}
#: The country's or the province's figure in brackets after its name, which a city's report compares
#: with (高于全国(2.5%)、全省(2%)水平): no figure of the city's. (全省 elsewhere is often a rank or a
#: level of an award, 获评全省先进, 居全省首位, and names no place of a figure.)
_COMPARED_PLACE = re.compile(r"(?:(?P<nation>" + "|".join(tables.NATION_WORDS) + r")|"
                             + "|".join(tables.OWN_PROVINCE_WORDS) + r")\s*[（(]\s*$")
# Thousands of names: an Aho-Corasick automaton finds them in one pass (a regular expression of
# that many alternatives tries each at every position); leftmost-longest, as `_place_words` needs.
_PLACE_WORDS = ahocorasick.Automaton()
for _word in {**_FULL, **_SHORT, **_OWN}:
    _PLACE_WORDS.add_word(_word, _word)
_PLACE_WORDS.make_automaton()


def _place_words(text: str):
    """(start, end, word) of each place word in `text`, leftmost-longest, not overlapping."""
    for last, word in _PLACE_WORDS.iter_long(text):
        yield last + 1 - len(word), last + 1, word
_SUBJECT_FOLLOWERS = tuple(vocab.REGION_SUBJECT_FOLLOWERS)
_SPACES = " \u3000\u00a0\t"
#: A time at the head of a clause, before its subject: 2025年, 今年, 上半年, 1—9月.
_TIME_WORDS = (r"20\d\d\s*年(?:底|末|全年|度)?|[一二三四五六七八九十\d]+\s*(?:—|-|–|至|到)\s*[一二三四五六七八九十\d]+\s*月份?"
               r"|[上下]半年|前三季度|第?一季度")
_TIME_LEAD = re.compile(r"\s*(?:" + _TIME_WORDS + r"|今年|去年)\s*")
_CLAUSE = re.compile(r"[，,；;：:。！？!?\n]")
#: A line that opens with a place and a colon labels what follows: 昆山:县域经济的“超级引擎”.
_PLACE_LABEL = re.compile(r"^[ \t\u3000]*([\u4e00-\u9fff]{2,8}?)[ \t\u3000]*[:：]", re.MULTILINE)
_HEADING_LINE = re.compile(r"^[^\n。！？!?]{1,30}$", re.MULTILINE)


def _province_of(place: str | None) -> str:
    """The province a place lies in (itself for a province); '全省' when unknown."""
    if not place:
        return "全省"
    top = ([place] + tables.ancestors(place))[-1]
    return top if top in _PROVINCE_NAMES else "全省"


def place_of(name: str | None) -> str | None:
    """The canonical name of a place as written (昆山 -> 昆山市), or None when unknown."""
    if not name:
        return None
    name = to_simplified(str(name).strip())
    return _FULL.get(name) or _SHORT.get(name)


def _places_in(text: str, subject_only: bool = True) -> list[tuple[int, int, str]]:
    """(start, end, canonical place or '' for 全市) of each place word in simplified `text`.
    A short name counts only as a subject (at the head of its clause, before a verb-like
    word) unless `subject_only` is false, as for a title or a whole document's count."""
    out = []
    for m_start, m_end, word in _place_words(text):
        if word in _OWN:
            out.append((m_start, m_end, ""))
        elif word in _FULL or not subject_only:
            out.append((m_start, m_end, _FULL.get(word) or _SHORT[word]))
        else:
            head = max((c.end() for c in _CLAUSE.finditer(text, 0, m_start)), default=0)
            lead = _TIME_LEAD.match(text, head, m_start)  # '2025年广西全区…': a time before the subject
            head = lead.end() if lead else head
            # '常熟 GDP 达到…': spaces may stand between a short name and what follows it
            after = text[m_end:m_end + 12].lstrip(_SPACES)
            if m_start - head <= 2 and after.startswith(_SUBJECT_FOLLOWERS):
                out.append((m_start, m_end, _SHORT[word]))
            elif word in _CITY_SHORT and not after.startswith(_NAME_PARTS) and text[m_start - 1:m_start] in _SENTENCE_ENDS:
                out.append((m_start, m_end, _SHORT[word]))
    return out


#: Places the tables do not know, named in a figure's sentence: a group of places named after a
#: city (成都都市圈, 长三角城市群), and a full name of a city or county (德阳市, 眉山市) where a
#: name starts (after punctuation, a list's 、/和, a time, 其中). Their figures are theirs, not the
#: document's place's. Words that end in 市 or 县 but name no place (中心城市, 大超市, 全市, 各县市) are left out.
_OTHER_PLACE = regex.compile(
    r"(?:(?<=^)|(?<=[，,；;。、：:\s（()）和与及年月\d]|其中))"
    r"(?:\p{Han}{2,4}?(?:" + "|".join(tables.GROUP_PLACE_SUFFIXES) + r")"
    r"|\p{Han}{2,3}?(?<![" + tables.NO_PLACE_BEFORE_SUFFIX + r"])[市县](?![" + tables.NO_PLACE_FOLLOWERS + r"]))")


_NO_PLACE_CHARS = frozenset(tables.NO_PLACE_CHARS)
_DIGIT = re.compile(r"\d")


def _figure_places(text: str) -> list[tuple[int, int, str]]:
    """_places_in, and the places the tables do not know (_OTHER_PLACE), in the order they stand."""
    known = _places_in(text)
    out = list(known)
    for m in _OTHER_PLACE.finditer(text):
        if not _NO_PLACE_CHARS.isdisjoint(m.group()[:-1]):
            continue  # '1—4月全市', '成都全市': a time or 全 before the own-place word
        inside = next((p for p in known if p[0] <= m.start() < p[1]), None)
        if inside is not None and inside[1] >= m.end():
            continue  # a place the tables know (苏州市)
        if inside is not None:
            out.remove(inside)  # '成都都市圈': the group, not 成都
        out.append((m.start(), m.end(), m.group()))
    out.sort()
    return out


# --- indicators --------------------------------------------------------------------------

_SYNONYM = {name: group[0] for group in tables.INDICATOR_SYNONYMS for name in group}
_PUNCT = re.compile(r"[\s“”\"‘’'《》〈〉「」『』()（）·・*]")
_LEADING_TIME = re.compile(r"^(?:" + _TIME_WORDS + ")")
_LEADING = tuple(sorted(tables.LEADING_WORDS, key=len, reverse=True))
_RATE_SUFFIXES = tuple(sorted(tables.RATE_SUFFIXES, key=len, reverse=True))
_HEADS = tuple(sorted(vocab.INDICATOR_HEADS, key=len, reverse=True))


def indicator_key(name: str | None) -> tuple[str, bool]:
    """(the name a measure is compared by, whether it names a growth rate).

    规上工业总产值 -> ('规模以上工业总产值', False); 地区生产总值增速 -> ('地区生产总值', True);
    绿色低碳能源产业产值 -> ('绿色低碳能源产值', False); GDP -> ('地区生产总值', False)."""
    text, rate = clean_name(name)
    return _key(text), rate


def _key(clean: str) -> str:
    """The key of a cleaned name: same endings merged (产业产值 -> 产值), synonyms resolved."""
    for long, short in tables.HEAD_MERGES.items():
        if clean.endswith(long):
            clean = clean[: -len(long)] + short
            break
    return _SYNONYM.get(clean, clean)


def clean_name(name: str | None) -> tuple[str, bool]:
    """A name as the text gives it, without what does not change the measure (全市全年完成,
    a leading year or place, 增速), abbreviations expanded; and whether it names a growth rate."""
    if not name:
        return "", False
    text = _PUNCT.sub("", to_simplified(str(name)))
    for short, full in tables.ABBREVIATIONS.items():
        text = text.replace(short, full)  # 规上…占规模以上…: each 规上 written out (no full form holds its short one)
    changed = True
    while changed and text:
        changed = False
        match = _LEADING_TIME.match(text)
        if match:
            text, changed = text[match.end():], True
        for word in _LEADING:
            if text.startswith(word) and len(text) > len(word):
                text, changed = text[len(word):], True
        place = next((p for p in _places_in(text) if p[0] == 0), None)  # 苏州市, or 我区/本县 ('')
        if place and len(text) > place[1]:
            text, changed = text[place[1]:], True
    rate = False
    for suffix in _RATE_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            text, rate = text[: -len(suffix)], True
            break
    return text, rate


def _head_run(name: str) -> str:
    """The trailing run of head words of a name: 新材料产业产值 -> 产业产值; '' when none."""
    run = ""
    rest = name
    while True:
        head = next((h for h in _HEADS if rest.endswith(h) and len(rest) > len(h)), None)
        if head is None:
            return run
        run, rest = head + run, rest[: -len(head)]


# --- periods -----------------------------------------------------------------------------

_MONTH_RANGE = regex.compile(vocab.MONTH_RANGE)
_YEAR = re.compile(r"(20\d\d)\s*年")
_SINGLE_MONTH = regex.compile(r"(?<![\d一二三四五六七八九十—\-–至到~])(?:[1-9]|1[0-2]|[一二三四五六七八九十]|十[一二])\s*月(?:份)?(?!\s*\d|\s*[一二三四五六七八九十]+日)")
_CN_MONTHS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)} | {"十一": 11, "十二": 12}


#: A period word right after a word of comparison is what a figure is compared with, not its period.
_COMPARED = regex.compile(r"(比|较|高于|低于|快于|慢于|好于|超过)\s*(?:(?:20\d\d\s*年|去年|上年)?(?:"
                          + alternation(tables.PERIOD_WORDS) + r")|20\d\d\s*年|"
    + vocab.MONTH_RANGE.replace("(?P<m1>", "(?:").replace("(?P<m2>", "(?:") + r"份?|上年|去年|同期)")


def _month(word: str) -> int:
    return int(word) if word.isdigit() else _CN_MONTHS[word]


def _period_end(year: int, first: int, last: int) -> tuple[dt.date, str]:
    nxt = dt.date(year + (last == 12), last % 12 + 1, 1)
    label = f"{year}年" if (first, last) == (1, 12) else f"{year}年{first}—{last}月"
    return nxt - dt.timedelta(days=1), label


def period_of(figure_period: str | None) -> tuple[dt.date, str] | None:
    """extract's period ('2023-01/2023-09', '2024') -> (last day, label)."""
    if not figure_period:
        return None
    parts = str(figure_period).split("/")
    try:
        if len(parts) == 1 and re.fullmatch(r"\d{4}", parts[0]):
            return _period_end(int(parts[0]), 1, 12)
        (y1, m1), (y2, m2) = (tuple(int(x) for x in p.split("-")) for p in (parts[0], parts[-1]))
    except ValueError:
        return None
    if y1 != y2 or not 1 <= m1 <= m2 <= 12:
        return None
    return _period_end(y1, m1, m2)


# --- the document ------------------------------------------------------------------------

def _simple(text: str) -> str:
    """Text without pinyin readings, in simplified characters."""
    if has_readings(text):
        text = strip_readings(text)[0]
    return to_simplified(text)


_HAN = regex.compile(r"\p{Han}")
#: A title line has at least this many Chinese characters (a scraped page may start with an
#: image's file name, as 'webwxgetmsgimg_副本.jpg').
_TITLE_HAN = 5


def _title(text: str) -> str:
    """The document's title: its first line with a few Chinese characters."""
    for line in text.splitlines():
        line = line.strip()
        if len(_HAN.findall(line)) >= _TITLE_HAN:
            return line[:120]
    return ""


#: How far into a text its opening goes, for the year of a period its title names without one.
_LEAD_SPAN = 300


_TAG_OPEN, _TAG_CLOSE = frozenset("(（【[〔"), frozenset(")）】]〕")


def context(text: str, doc: str, date: dt.date | None = None, title: str | None = None,
            url: str = "") -> Context:
    """What the document says of itself. `date` (the document's date) is used when the text
    gives none; `title` overrides the first line as the title."""
    simple = _simple(text)
    first = _simple(title) if title else _title(simple)
    doc_date = document_date(simple) or date
    named = [p for p in _places_in(first, subject_only=False) if p[2]]
    if len(named) > 1 and first[named[0][0] - 1:named[0][0]] in _TAG_OPEN and first[named[0][1]:named[0][1] + 1] in _TAG_CLOSE:
        named = named[1:]  # '(广东省)2022年佛山市人民政府工作报告': a tag of the province, then the document's place
    if named:
        # The first place the title names, and a place right after it that lies inside it:
        # 苏州市昆山市… is Kunshan's; 苏州市，别称“姑苏” is Suzhou's.
        region, end = named[0][2], named[0][1]
        for start, stop, place in named[1:]:
            if start != end or _PARENT.get(place) != region:
                break
            region, end = place, stop
    else:
        counts: dict[str, int] = {}
        for _, _, p in _places_in(simple, subject_only=False):
            if p:
                counts[p] = counts.get(p, 0) + 1
        region = max(counts, key=counts.get) if counts else None
    year_match = _YEAR.search(first)
    year = int(year_match.group(1)) if year_match else (doc_date.year if doc_date else None)
    period = None
    word = next((w for w in sorted(tables.PERIOD_WORDS, key=len, reverse=True) if w in first), None)
    if year is None and word:
        # '徐州上半年“成绩单”' over '2021年上半年全市经济运行情况新闻发布会…': the opening names its year
        lead = re.search(r"(20\d\d)\s*年\s*" + word, simple[:_LEAD_SPAN])
        year = int(lead.group(1)) if lead else None
    months = _MONTH_RANGE.search(first) if year is not None else None
    if months:
        period = _period_end(year, _month(months.group("m1")), _month(months.group("m2")))
    elif year is not None and word:
        period = _period_end(year, *tables.PERIOD_WORDS[word])
    elif year_match and any(w in first for w in tables.ANNUAL_REPORT_WORDS):
        period = _period_end(int(year_match.group(1)), 1, 12)
    return Context(doc=doc, title=title or _title(text), region=region, date=doc_date, period=period, url=url)


# --- one document's figures, read for matching -------------------------------------------

@dataclasses.dataclass
class _Figure:
    row: dict
    before: str          # simplified sentence text before the figure
    region: str | None
    region_named: bool
    indicator: str
    key: str
    rate: bool
    period: tuple[dt.date, str] | None
    period_from_doc: bool
    why_no_period: str = ""
    qualifier: str = "eq"
    others: list = dataclasses.field(default_factory=list)   # other readings of the name: (name, key)

    def names(self) -> list[tuple[str, str]]:
        """(name, key) of each reading of what the figure measures, the extractor's first."""
        return [(self.indicator, self.key)] + self.others


_LIST_SEPS = frozenset(vocab.LIST_SEPARATORS)
_TAIL_WORDS = tuple(sorted(vocab.INDICATOR_TAIL_WORDS, key=len, reverse=True))
_CHANGE_WORDS = tuple(vocab.CHANGE_WORDS)
_CHANGE_INFIXES = tuple(vocab.CHANGE_INFIXES)


_TRAILING = tuple(sorted(set(tables.TRAILING_WORDS) | set(vocab.INDICATOR_TAIL_WORDS), key=len, reverse=True))


def _phrase_before(before: str) -> str:
    """The words of the figure's clause before it, without the verb that leads to the figure:
    昆山市2023年GDP总量高达 -> 昆山市2023年GDP总量 (a second reading of what it measures)."""
    phrase = before[max((m.end() for m in _CLAUSE.finditer(before)), default=0):].strip()
    changed = True
    while changed and phrase:
        changed = False
        for word in _TRAILING:
            if phrase.endswith(word):
                phrase, changed = phrase[: -len(word)].rstrip(), True
                break
    return phrase


_BOUND_WORDS = tuple(sorted((w for w, code in QUALIFIERS.items() if code != "eq" and not w.isascii()), key=len, reverse=True))


def _qualifier(row: dict, before: str) -> str:
    """The figure's qualifier; a plain one is read again with the words staff use for bounds
    (迈上4.7万亿新台阶 is at least 4.7万亿)."""
    qualifier = str(row.get("qualifier") or "eq")
    if qualifier == "eq":
        word = next((w for w in _BOUND_WORDS if before.rstrip().endswith(w)), None)
        if word:
            qualifier = QUALIFIERS[word]
    return qualifier


def _is_growth(before: str) -> bool:
    """A percentage right after a change word (同比增长11.5%, 增长了10.6%) is a growth rate."""
    before = before.rstrip()
    stripped = True
    while stripped:
        stripped = False
        for word in _CHANGE_INFIXES:
            if before.endswith(word):
                before, stripped = before[: -len(word)], True
    return before.endswith(_CHANGE_WORDS)


class _Reader:
    """Reads each figure of one document: its place, indicator and period."""

    def __init__(self, text: str, ctx: Context):
        self.text, self.ctx = text, ctx
        self._province = _province_of(ctx.region)
        self._sentence_at: dict[tuple[str, int], int] = {}
        # lines that label what follows with a place ('昆山:县域经济的“超级引擎”'), by position, each
        # up to the next short line with no full stop (the next heading)
        self._labels = []
        for m in _PLACE_LABEL.finditer(text):
            place = place_of(m.group(1))
            if place is not None:
                line_end = text.find("\n", m.end())
                nxt = _HEADING_LINE.search(text, len(text) if line_end < 0 else line_end + 1)
                self._labels.append((m.start(), place, nxt.start() if nxt else len(text)))

    def sentence_start(self, sentence: str, start: int) -> int:
        lo = max(0, start - len(sentence) - 1)
        at = self.text.find(sentence, lo, start + len(sentence) + 1) if sentence else -1
        return at if 0 <= at <= start else start

    def read(self, rows: list[dict]) -> list[_Figure]:
        figures = []
        for row in rows:
            sentence = str(row.get("sentence") or "")
            start = int(row["start"])
            s0 = self.sentence_start(sentence, start)
            before = _simple(self.text[s0:start])
            region, named = self.region(before, start)
            name, rate = clean_name(row.get("indicator"))
            phrase, _ = clean_name(_phrase_before(before))
            category = str(row["category"])
            if category in ("percent", "pp") and _is_growth(before):
                rate = True
            period, from_doc, why = self.period(row, before, s0)
            figure = _Figure(row, before, region, named, name, _key(name),
                             rate and category in ("percent", "pp"), period, from_doc, why,
                             qualifier=_qualifier(row, before))
            if phrase and phrase != name:
                figure.others = [(phrase, _key(phrase))]
            figures.append(figure)
        self.respectively(figures)
        self.shared_heads(figures)
        return figures

    def region(self, before: str, start: int = 0) -> tuple[str | None, bool]:
        """(the place the figure belongs to, whether its sentence, or the label of its section,
        names it)."""
        compared = _COMPARED_PLACE.search(before)
        if compared is not None:
            return ("全国" if compared.group("nation") else self._province), True
        places = _figure_places(before)
        if places and places[-1][2]:
            return places[-1][2], True
        named = next((p for p in reversed(places) if p[2]), None)
        if (places and places[-1][2] == "" and named is not None and named[2] != self.ctx.region
                and _DIGIT.search(before, named[1], places[-1][0])):
            # '眉山市固定资产投资增长10.8%，全市社会消费品零售总额…': after a figure of a place its sentence
            # names, 全市 is that place (not after '苏州市统计局消息，' or '昆山市和全市…')
            return named[2], True
        if len(places) >= 2 and places[-2][2] and places[-2][1] == places[-1][0]:
            return places[-2][2], True  # '广西全区…': 全区 of the place right before it
        if not places and self._labels:
            i = bisect.bisect_right(self._labels, (start, "\uffff"))
            if i and start < self._labels[i - 1][2]:  # '昆山:县域经济的“超级引擎”' over its section:
                return self._labels[i - 1][1], True   # 其以5615.34亿元的GDP… is 昆山's
        return self.ctx.region, False

    def period(self, row: dict, before: str, s0: int = 0) -> tuple[tuple[dt.date, str] | None, bool, str]:
        own = self._stated_period(before)
        if own and row.get("period") and ("分别于" in before or "分别在" in before):
            # '分别于2014年、2019年跨越3000亿元、4000亿元': extract pairs the years with the figures
            own = period_of(row["period"]) or own
        if own:
            return own, False, ""
        if before.lstrip(_SPACES + "，,").startswith("其中") and s0 > 0:
            # '2023年…4市共完成地区生产总值27845.35亿元。其中，成都市完成…': a part of the sentence
            # before, of its period
            p0 = max((m.end() for m in SENTENCE_END.finditer(self.text, 0, s0 - 1)), default=0)
            own = self._stated_period(_simple(self.text[p0:s0]))
            if own:
                return own, False, ""
        clause = before[max((m.end() for m in _CLAUSE.finditer(before)), default=0):]
        if _SINGLE_MONTH.search(clause) or _SINGLE_MONTH.search(before):
            return None, False, "只写了月份，未写统计期"
        if self.ctx.period:
            return self.ctx.period, True, ""
        return None, False, "未注明统计期，文件也不是该期的公报或报告"

    def _stated_period(self, before: str) -> tuple[dt.date, str] | None:
        """extract's reading of the period, with the periods the sentence only compares with left
        out (比前三季度提高0.4个百分点；全年规模以上工业总产值… is of the whole year)."""
        masked = _COMPARED.sub(lambda m: m.group(1) + "　" * (len(m.group()) - len(m.group(1))), before)
        return period_of(classify.period(masked, len(masked), self.ctx.date))

    # -- lists read "respectively" --------------------------------------------------------
    def respectively(self, figures: list[_Figure]) -> None:
        """常熟市和吴江区…分别为A、B: the k-th figure of a list takes the k-th place or name."""
        i = 0
        while i < len(figures):
            j = i
            while (j + 1 < len(figures) and figures[j + 1].row.get("sentence") == figures[i].row.get("sentence")
                   and self.text[int(figures[j].row["end"]):int(figures[j + 1].row["start"])].strip() in _LIST_SEPS):
                j += 1
            if j > i:
                self._assign(figures[i:j + 1])
            i = j + 1

    def _assign(self, group: list[_Figure]) -> None:
        before = group[0].before
        at = before.rfind("分别")
        if at < 0:
            return
        head = max((m.end() for m in _CLAUSE.finditer(before, 0, at)), default=0)
        subject = before[head:at]
        changed = True
        while changed:
            changed = False
            for word in _TAIL_WORDS:
                if subject.endswith(word) and len(subject) > len(word):
                    subject, changed = subject[: -len(word)], True
        parts = subject.split("、")
        for word in vocab.LIST_SEPARATORS:
            while len(parts) < len(group) and word in parts[-1]:
                last = parts.pop()
                parts.extend(last.split(word, 1))
        if len(parts) != len(group) or not all(p.strip() for p in parts):
            return
        places = [next((p for p in _places_in(part) if p[0] == 0 and p[2]), None) for part in parts]
        names = [part[place[1]:] if place else part for part, place in zip(parts, places)]
        if all(not n for n in names[:-1]):          # 常熟市和吴江区2023年GDP总量, 昆山市和全市GDP: one shared name
            names = [names[-1]] * len(parts)
        heads = _head_run(clean_name(names[-1])[0])
        shared_rate = any(f.rate for f in group)       # 分别增长a、b和c: the list shares its change
        for figure, place, name in zip(group, places, names):
            if place:
                figure.region, figure.region_named = place[2], True
            if name:
                clean, rate = clean_name(name)
                if heads and not _head_run(clean):
                    clean = clean_name(clean + heads)[0]
                figure.indicator, figure.key, figure.others = clean, _key(clean), []
                figure.rate = figure.rate or rate
            if str(figure.row["category"]) in ("percent", "pp"):
                figure.rate = figure.rate or shared_rate

    def shared_heads(self, figures: list[_Figure]) -> None:
        """绿色低碳能源产值同比增长11.5%，集成电路与ICT同比增长4.6%: a growth rate whose name has
        no head word takes the head of the growth rate before it in the sentence (产值)."""
        last: dict[str, str] = {}
        for f in figures:
            sentence = str(f.row.get("sentence") or "")
            if not f.rate:
                continue
            run = _head_run(f.indicator)
            if run:
                last[sentence] = run
            elif sentence in last and f.indicator:
                f.indicator = clean_name(f.indicator + last[sentence])[0]
                f.key, f.others = _key(f.indicator), []


# --- targets -----------------------------------------------------------------------------

@dataclasses.dataclass
class _Target:
    id: str
    region: str | None
    indicator: str
    key: str
    rate: bool
    unit: str
    category: str
    scale: float
    base: str
    type: str
    due: pd.Timestamp | None
    baseline: float | None
    observations: dict          # date -> value


def _targets(book: Book) -> dict[tuple, list[_Target]]:
    """The valid targets of a book, indexed by (region, indicator key, is rate)."""
    obs: dict[str, dict] = defaultdict(dict)
    frame = book.observations
    for tid, date, value in zip(frame["target_id"], frame["date"], frame["value"]):
        obs[tid][pd.Timestamp(date).date()] = float(value)
    index: dict[tuple, list[_Target]] = defaultdict(list)
    t = book.targets
    columns = ("id", "region", "indicator", "unit", "category", "scale", "type", "due", "baseline")
    for tid, region, indicator, unit, category, scale, kind, due, baseline in zip(*(t[c] for c in columns)):
        key, rate = indicator_key(indicator)
        known = lookup(unit)
        target = _Target(tid, place_of(region) or region, indicator, key, rate or kind == "rate", unit, category,
                         float(scale), known.base if known else unit, kind,
                         None if pd.isna(due) else pd.Timestamp(due), None if pd.isna(baseline) else float(baseline),
                         obs.get(tid, {}))
        index[(target.region, key, target.rate)].append(target)
    return index


def _unit_fits(figure: _Figure, target: _Target) -> bool:
    category, unit = str(figure.row["category"]), str(figure.row.get("unit") or "")
    if figure.rate:
        return target.type == "rate" and target.category == category
    if target.type == "rate" or category != target.category:
        return False
    if category in ("money", "count", "other"):
        return unit == target.base
    return True


def _value(figure: _Figure, target: _Target) -> float:
    value = float(figure.row["value"])
    if str(figure.row["category"]) in ("money", "count", "other"):
        value /= target.scale
    return float(f"{value:.10g}")


def _half_unit(figure: _Figure, target: _Target) -> float:
    """Half the last stated digit of the figure, in the target's unit (4.4万亿元 -> 0.05万亿)."""
    text = to_simplified(str(figure.row.get("text") or ""))
    match = re.search(r"\d+(?:[.．](\d+))?", text.replace(",", ""))
    value = float(figure.row["value"])
    if not match or value == 0:
        return 0.0
    stated = float(match.group().replace("．", "."))
    decimals = len(match.group(1) or "")
    if stated == 0:
        return 0.0
    step = abs(value / stated) * 10 ** -decimals / 2
    if str(figure.row["category"]) in ("money", "count", "other"):
        step /= target.scale
    return step


# --- proposals ---------------------------------------------------------------------------

@dataclasses.dataclass
class _Candidate:
    figure: _Figure
    target: _Target
    value: float
    date: dt.date
    half: float
    qualifier: str

    def consistent(self, other: float, other_half: float = 0.0) -> bool:
        """Whether `other` is the same value as this one, within the precision of the coarser
        of the two, or within this figure's bound (突破5000亿元 is consistent with 5140.6)."""
        if self.qualifier in ("ge", "gt"):
            return other >= self.value - other_half
        if self.qualifier in ("le", "lt"):
            return other <= self.value + other_half
        tolerance = max(self.half, other_half, 1e-9 * max(abs(other), abs(self.value)))
        return abs(other - self.value) <= tolerance

    def rank(self) -> tuple:
        """Finer figures first: a stated value before a bound, fewer units per digit first."""
        return (self.qualifier not in ("eq", "approx"), self.half)


_BOUNDS = {"ge": "下限", "gt": "下限", "le": "上限", "lt": "上限", "approx": "约数"}


def propose(text: str, book: Book, doc: str = "<文本>", date: dt.date | None = None, title: str | None = None,
            url: str = "", pending: dict | None = None) -> tuple[list[Proposal], list[Unmatched]]:
    """Proposals for the targets of `book` from one document, and its actual figures that
    match no target. `date` is the document's date when its text gives none; `pending`
    carries the proposals of earlier documents of the same run ((target, date) -> value)."""
    ctx = context(text, doc, date=date, title=title, url=url)
    rows = extract.figures(text, doc=doc, date=ctx.date).to_dict("records")
    return propose_figures(text, rows, book, ctx, pending)


def propose_figures(text: str, rows: list[dict], book: Book, ctx: Context,
                    pending: dict | None = None) -> tuple[list[Proposal], list[Unmatched]]:
    """`propose` for figures already extracted (rows of extract.figures)."""
    index = _targets(book)
    actual = [r for r in rows if r.get("kind") == "actual"]
    figures = _Reader(text, ctx).read(actual)
    candidates: list[_Candidate] = []
    unmatched: list[Unmatched] = []
    for f in figures:
        found = []
        for name, key in f.names():
            found = [t for t in index.get((f.region, key, f.rate), []) if _unit_fits(f, t)] if key else []
            if found:
                f.indicator, f.key = name, key
                break
        passed = None  # why a target the figure names cannot take it
        if found and f.period is not None:
            day = f.period[0]
            # rate targets set year by year (增长6.5% for 2023, 6% for 2024 …): each year's figure is
            # progress toward its own year's only
            yearly = len({t.due.year for t in found if t.type == "rate" and t.due is not None}) > 1
            for t in found:
                if t.type == "flow" and t.due is not None and t.due.year != day.year:
                    passed = f"{f.period[1]}的数字不计入{t.due.year}年的年度目标（{t.id}）"
                    continue
                if t.type == "rate" and t.due is not None and (t.due.year < day.year or yearly and t.due.year != day.year):
                    # a growth rate of a year after the target's (2022's for 增长6% in 2021) measures no
                    # progress toward it: a rate is of its own year, not a level that stays
                    passed = f"{f.period[1]}的增速不计入{t.due.year}年的增速目标（{t.id}）"
                    continue
                if _part_of_a_years_total(f, t, day):
                    passed = f"{f.period[1]}的累计数不能与全年总量的目标相比（{t.id}）"
                    continue
                candidates.append(_Candidate(f, t, _value(f, t), day, _half_unit(f, t), f.qualifier))
        if not found or f.period is None or (passed and not any(c.figure is f for c in candidates)):
            why = (passed or f.why_no_period) if found else f"台账中没有{f.region or '未知地区'}的这项指标"
            unmatched.append(Unmatched(ctx.doc, int(f.row["start"]), int(f.row["end"]), str(f.row["text"]),
                                       f.region or "", f.indicator, f.period[1] if f.period else "",
                                       str(f.row.get("sentence") or ""), why))
    actions = _actions(candidates, {} if pending is None else pending)
    proposals = [_proposal(c, ctx, *actions[id(c)]) for c in candidates]
    return proposals, unmatched


def _part_of_a_years_total(f: _Figure, t: _Target, day: dt.date) -> bool:
    """A total of part of a year (上半年地区生产总值2637.62亿元, 1—8月规上工业总产值) measured against
    a level or increment target of a whole year's total: an amount or a quantity summed over the
    year (not a count of things, which stands at any date, nor a balance, 存款余额, nor a growth
    rate), whose progress is written in whole years. Recorded, it would read as a fall."""
    if t.rate or t.type not in ("level", "increment") or (day.month, day.day) == (12, 31):
        return False
    if str(f.row["category"]) not in ("money", "other") or any(w in t.indicator for w in tables.STOCK_WORDS):
        return False
    return all((d.month, d.day) == (12, 31) for d in t.observations) if t.observations else True


def _actions(candidates: list[_Candidate], pending: dict) -> dict[int, tuple[str, str]]:
    """action and the why of it, for each candidate: finer figures of a target and date first."""
    out: dict[int, tuple[str, str]] = {}
    groups: dict[tuple, list[_Candidate]] = defaultdict(list)
    for c in candidates:
        groups[(c.target.id, c.date)].append(c)
    for (tid, day), group in groups.items():
        chosen: _Candidate | None = None
        for c in sorted(group, key=_Candidate.rank):
            t = c.target
            held = t.observations.get(day)
            unit = t.unit
            if held is not None and _far_off(c, held):
                # '经济总量合计近60万亿元' against 2.48万亿 held: a bound (近) would agree with it, but
                # a figure this far off is another thing or another unit, not the same value
                out[id(c)] = ("implausible", f"该日期已有 {format_value(held, unit)}，原文为 {c.figure.row['text']}，"
                                             f"相差{IMPLAUSIBLE_FACTOR:g}倍以上，请核对")
                continue
            if held is not None:
                if c.consistent(held):
                    out[id(c)] = ("same", f"该日期已有 {format_value(held, unit)}，与原文一致")
                else:
                    written = format_value(c.value, unit)
                    if written == format_value(held, unit):  # 27695.10亿 against 2.77万亿: say it as written
                        written = str(c.figure.row["text"])
                    out[id(c)] = ("conflict", f"该日期已有 {format_value(held, unit)}，原文为 {written}")
                continue
            earlier = chosen.value if chosen is not None else pending.get((tid, day))
            if earlier is not None:
                finer = chosen.half if chosen is not None else 0.0
                if c.consistent(earlier, finer):
                    out[id(c)] = ("same", f"与本次另一条建议（{format_value(earlier, unit)}）一致")
                else:
                    out[id(c)] = ("conflict", f"本次另一条建议为 {format_value(earlier, unit)}，此处为 {format_value(c.value, unit)}")
                continue
            latest = _latest(t)
            if latest is not None and _far_off(c, latest):
                out[id(c)] = ("implausible", f"与最新值 {format_value(latest, unit)} 相差{IMPLAUSIBLE_FACTOR:g}倍以上，请核对单位")
                continue
            out[id(c)] = ("add", "")
            chosen = c
            pending[(tid, day)] = c.value
    return out


def _far_off(c: _Candidate, reference: float) -> bool:
    """An amount more than IMPLAUSIBLE_FACTOR times larger or smaller than `reference` (a slip of
    unit, or the figure of something else); rates may move that much."""
    return (str(c.figure.row["category"]) in ("money", "count", "other") and reference != 0 and c.value != 0
            and (c.value / reference > IMPLAUSIBLE_FACTOR or reference / c.value > IMPLAUSIBLE_FACTOR))


def _latest(t: _Target) -> float | None:
    if t.observations:
        return t.observations[max(t.observations)]
    return t.baseline


def _proposal(c: _Candidate, ctx: Context, action: str, why: str) -> Proposal:
    f, t = c.figure, c.target
    where = f"地区 {t.region}" + ("" if f.region_named else "（文件所述地区）")
    shown = f.indicator + ("增速" if f.rate and not t.indicator.endswith(f.indicator) else "")
    what = f"指标 {t.indicator}" + (f"＝{shown}" if f.indicator and shown != t.indicator else "")
    when = f.period[1] + ("（文件所述统计期）" if f.period_from_doc else "")
    reason = "，".join([where, what, when]) + (f"；{why}" if why else "")
    bound = _BOUNDS.get(c.qualifier)
    note = f"原文“{f.row['text']}”为{bound}" if bound else ""
    return Proposal(target=t.id, date=c.date.isoformat(), value=c.value, period=f.period[1], quote=str(f.row.get("sentence") or ""),
                    doc=ctx.doc, start=int(f.row["start"]), end=int(f.row["end"]), action=action, reason=reason,
                    unit=t.unit, text=str(f.row["text"]), title=ctx.title, url=ctx.url, note=note)
