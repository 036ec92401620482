"""A hypothesis grammar of policy sentences whose figures are known before the extractor reads them.

Each strategy builds text from pieces and keeps, for every figure it puts in, what
FIGURES.md says the extractor must return: where it stands (the offsets are counted while
the text is built, never read back from the extractor), its value and high end, sign,
category, unit, qualifier, kind and deadline. The expected values are worked out here, from
the numbers drawn, by arithmetic independent of extract/ (Chinese numerals are written by
`chinese` below, not parsed by the extractor's cn2an).

    texts()  ->  (text, document date or None, [expected figure dicts in document order])

Pieces (FIGURES.md): number forms (Arabic, thousands separators, decimals, full-width digits,
Chinese numerals, mixed 4万6000亿元, 百分之/千分之, 成, 分之, 翻番), scale words, units of every
category, qualifiers before and after, decrease words, target and actual cues, deadlines
(到2027年, 2024—2026年, 2025年前, 用N年时间 with the document's date, 十四五), traditional
characters (OpenCC s2t, piece by piece so the offsets stay known) and pinyin readings in
brackets (萬(wàn)億元), inside a figure or right after it.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace

import opencc
from hypothesis import strategies as st

_S2T = opencc.OpenCC("s2t")


def budget(examples: int) -> int:
    """Examples a property test draws: as given, or an eighth under `make mutate` (MUTATION_RUN),
    where each of thousands of mutants runs the test again."""
    return max(10, examples // 8) if os.environ.get("MUTATION_RUN") else examples

# --- numbers --------------------------------------------------------------------------------

_DIGITS = "零一二三四五六七八九"


def _below_10000(n: int, leading: bool) -> str:
    """1..9999 in Chinese numerals; a leading 10-19 is written 十X (十五), inside a number 一十X."""
    out, zero, started = "", False, False
    for unit, word in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit % 10
        if d == 0:
            zero = zero or started
            continue
        if zero:
            out, zero = out + "零", False
        out += ("" if (leading and not started and unit == 10 and d == 1) else _DIGITS[d]) + word
        started = True
    return out


def chinese(n: int) -> str:
    """A whole number 1..99,999,999 in Chinese numerals: 20300 → 二万零三百, 15 → 十五."""
    assert 0 < n < 10**8
    high, low = divmod(n, 10000)
    if not high:
        return _below_10000(low, True)
    out = _below_10000(high, True) + "万"
    if low:
        out += ("零" if low < 1000 else "") + _below_10000(low, False)
    return out


def _fullwidth(s: str) -> str:
    return s.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))


@dataclass
class Fig:
    """One figure as written, and what the extractor must return for it."""

    surface: str                  # the figure's text: number, scale and unit (FIGURES.md `text`)
    value: float                  # magnitude, before any decrease sign
    category: str
    unit: str
    value_max: float | None = None
    qualifier: str = "eq"         # from an infix (1500余家); qualifier words are added by the clause
    chinese: bool = False
    members: tuple = ()           # a list sharing the unit: ((surface, value), ...) before the last
    can_decrease: bool = False    # a change that a decrease word may govern (percent, pp, money, count)
    notes: dict = field(default_factory=dict)


ints = st.integers(min_value=10, max_value=99_999)


@st.composite
def arabic(draw, low=1, high=99_999):
    """An Arabic number in one of its written forms, and its value."""
    n = draw(st.integers(min_value=low, max_value=high))
    form = draw(st.sampled_from(["int", "decimal", "thousands", "fullwidth"]))
    if form == "decimal":
        frac = draw(st.integers(1, 99))
        text = f"{n}.{frac:02d}".rstrip("0")
        return text, float(text)
    if form == "thousands" and n >= 1000:
        return f"{n:,}", float(n)
    if form == "fullwidth":
        return _fullwidth(str(n)), float(n)
    return str(n), float(n)


MEASURE_WORDS = ("家", "个", "项", "座", "条", "所", "台", "辆", "件", "户", "批", "套", "张")
#: (surface, scale factor): FIGURES.md's magnitudes, as officials write them after Arabic digits.
SCALES = (("万", 1e4), ("亿", 1e8), ("万亿", 1e12), ("千万", 1e7), ("百万", 1e6), ("千亿", 1e11), ("十万", 1e5))
OTHER_UNITS = (("吨", "吨"), ("千瓦时", "千瓦时"), ("TEU", "TEU"), ("公里", "公里"), ("亩", "亩"), ("标准箱", "标准箱"))


@st.composite
def money(draw):
    num, v = draw(arabic())
    scale, factor = draw(st.sampled_from((("", 1.0),) + SCALES))
    currency = draw(st.sampled_from(["元", "美元"]))
    return Fig(num + scale + currency, v * factor, "money", currency, can_decrease=True)


@st.composite
def count(draw):
    num, v = draw(arabic())
    scale, factor = draw(st.sampled_from((("", 1.0), ("万", 1e4), ("亿", 1e8))))
    mw = draw(st.sampled_from(MEASURE_WORDS))
    infix = draw(st.sampled_from(["", "", "余", "多"])) if not scale and float(v).is_integer() else ""
    return Fig(num + infix + scale + mw, v * factor, "count", mw, qualifier="gt" if infix else "eq",
               can_decrease=True)


@st.composite
def chinese_count(draw):
    n = draw(st.integers(10, 99_999_999))
    text = chinese(n)
    if draw(st.booleans()) and text[0] == "二" and text[1:2] in ("千", "万", "百"):
        text = "两" + text[1:]               # 两万家: 两 is 2 before a scale
    mw = draw(st.sampled_from(MEASURE_WORDS))
    return Fig(text + mw, float(n), "count", mw, chinese=True)


@st.composite
def chinese_money(draw):
    n = draw(st.integers(1, 9999))
    scale, factor = draw(st.sampled_from((("亿", 1e8), ("万", 1e4), ("", 1.0))))
    if not scale and n < 10:
        n += 10
    return Fig(chinese(n) + scale + "元", n * factor, "money", "元", chinese=True, can_decrease=True)


@st.composite
def mixed(draw):
    """4万6000亿元 = (4万 + 6000) × 亿; 2亿5000万元 = 2亿 + 5000万; 5万3000人 = 5万 + 3000."""
    hi, lo = draw(st.integers(1, 99)), draw(st.integers(1000, 9999))
    form = draw(st.sampled_from(["wan-yi", "yi-wan", "wan-unit"]))
    if form == "wan-yi":
        return Fig(f"{hi}万{lo}亿元", (hi * 1e4 + lo) * 1e8, "money", "元")
    if form == "yi-wan":
        return Fig(f"{hi}亿{lo}万元", hi * 1e8 + lo * 1e4, "money", "元")
    mw = draw(st.sampled_from(("人", "家", "户")))
    return Fig(f"{hi}万{lo}{mw}", hi * 1e4 + lo, "count", mw)


@st.composite
def percent(draw):
    form = draw(st.sampled_from(["arabic", "fullwidth-sign", "baifenzhi", "baifenzhi-decimal", "qianfenzhi",
                                 "cheng", "fraction"]))
    if form in ("arabic", "fullwidth-sign"):
        num, v = draw(arabic(1, 99))
        return Fig(num + ("％" if form == "fullwidth-sign" else "%"), v, "percent", "%", can_decrease=True)
    if form == "baifenzhi":
        n = draw(st.integers(1, 99))
        return Fig("百分之" + chinese(n), float(n), "percent", "%", chinese=True, can_decrease=True)
    if form == "baifenzhi-decimal":
        n, d = draw(st.integers(0, 99)), draw(st.integers(1, 9))
        whole = chinese(n) if n else "零"
        return Fig(f"百分之{whole}点{_DIGITS[d]}", n + d / 10, "percent", "%", chinese=True, can_decrease=True)
    if form == "qianfenzhi":
        n = draw(st.integers(1, 9))
        return Fig("千分之" + _DIGITS[n], n / 10, "percent", "%", chinese=True)
    if form == "cheng":
        n = draw(st.integers(1, 9))
        return Fig(draw(st.sampled_from([_DIGITS[n], str(n)])) + "成", n * 10.0, "percent", "%")
    den = draw(st.integers(2, 9))
    num = draw(st.integers(1, den - 1))
    return Fig(f"{_DIGITS[den]}分之{_DIGITS[num]}", num / den * 100, "percent", "%", chinese=True)


@st.composite
def points(draw):
    num, v = draw(arabic(1, 30))
    unit = draw(st.sampled_from(["个百分点", "百分点"]))
    return Fig(num + unit, v, "pp", "个百分点", can_decrease=True)


@st.composite
def multiple(draw):
    form = draw(st.sampled_from(["bei", "fan", "fan-le"]))
    if form == "bei":
        num, v = draw(arabic(2, 999))
        return Fig(num + "倍", v, "multiple", "倍")
    times, value = draw(st.sampled_from([("一", 2.0), ("两", 4.0)]))
    if form == "fan":
        return Fig(f"翻{times}番", value, "multiple", "倍")
    return Fig(f"翻了{times}番", value, "multiple", "倍")


@st.composite
def other(draw):
    num, v = draw(arabic())
    scale, factor = draw(st.sampled_from((("", 1.0), ("万", 1e4), ("亿", 1e8))))
    unit, norm = draw(st.sampled_from(OTHER_UNITS))
    return Fig(num + scale + unit, v * factor, "other", norm)


@st.composite
def ranged(draw):
    """A range: 3至5个, 5%—6%, 30万-50万元 (each end with its scale), 1至2万个 (the low end shares it)."""
    lo = draw(st.integers(1, 98))
    hi = draw(st.integers(lo + 1, 99))
    sep = draw(st.sampled_from(["至", "到", "-", "—", "～", "~"]))
    form = draw(st.sampled_from(["percent-both", "percent-one", "count", "count-shared-scale", "money-own-scales"]))
    if form == "percent-both":
        return Fig(f"{lo}%{sep}{hi}%", float(lo), "percent", "%", value_max=float(hi), can_decrease=True)
    if form == "percent-one":
        return Fig(f"{lo}{sep}{hi}%", float(lo), "percent", "%", value_max=float(hi), can_decrease=True)
    mw = draw(st.sampled_from(MEASURE_WORDS))
    if form == "count":
        return Fig(f"{lo}{sep}{hi}{mw}", float(lo), "count", mw, value_max=float(hi))
    if form == "count-shared-scale":
        return Fig(f"{lo}{sep}{hi}万{mw}", lo * 1e4, "count", mw, value_max=hi * 1e4)
    return Fig(f"{lo}万{sep}{hi}万元", lo * 1e4, "money", "元", value_max=hi * 1e4)


@st.composite
def listed(draw):
    """Members of a list sharing one unit: 收窄6.9和1.4个百分点, 3、5和8家; the first members' text is
    the bare number (FIGURES.md)."""
    n = draw(st.integers(2, 3))
    nums = [draw(arabic(1, 999)) for _ in range(n)]
    seps = [draw(st.sampled_from(["和", "、", "与"])) for _ in range(n - 1)]
    unit, category, norm = draw(st.sampled_from([("%", "percent", "%"), ("个百分点", "pp", "个百分点"),
                                                 ("家", "count", "家"), ("亿元", "money", "元")]))
    factor = 1e8 if unit == "亿元" else 1.0
    members = tuple((t, v * factor) for t, v in nums[:-1])
    fig = Fig(nums[-1][0] + unit, nums[-1][1] * factor, category, norm, members=members,
              can_decrease=category in ("percent", "pp"))
    fig.notes["seps"] = seps
    return fig


FIGURES = st.one_of(money(), count(), chinese_count(), chinese_money(), mixed(), percent(), points(), multiple(),
                    other(), ranged(), listed())

# --- words around a figure ------------------------------------------------------------------

#: Qualifiers as FIGURES.md names them: before the number, and after the unit.
QUALIFIERS_BEFORE = {"突破": "ge", "不低于": "ge", "至少": "ge", "超过": "gt", "超": "gt", "逾": "gt",
                     "不到": "lt", "不足": "lt", "接近": "lt", "约": "approx", "大约": "approx",
                     "不超过": "le"}
QUALIFIERS_AFTER = {"以上": "ge", "以下": "lt", "以内": "le", "左右": "approx"}
DECREASE_WORDS = ("下降", "减少", "降低", "回落", "下滑", "缩减", "收缩")
TARGET_CUES = ("力争", "争取", "确保", "计划", "目标", "将", "要", "力求", "努力", "预期")
ACTUAL_CUES = ("已", "已经", "同比", "比上年", "较上年", "目前", "现有", "共有", "截至目前")
#: What a figure of each category measures: phrases with no cue, qualifier or number inside.
SUBJECTS = {
    "money": ("地区生产总值", "规上工业总产值", "固定资产投资", "一般公共预算收入"),
    "count": ("高新技术企业", "专精特新企业", "重点项目", "创新平台"),
    "percent": ("研发经费", "城镇化率", "数字经济核心产业增加值"),
    "pp": ("研发投入强度", "城镇化率"),
    "multiple": ("出口额", "经济总量"),
    "other": ("粮食产量", "发电量", "集装箱吞吐量", "绿色建筑面积"),
}
#: Pinyin readings that scraped pages put after characters (萬(wàn)). Test data, not a dictionary.
READINGS = {"万": "wàn", "萬": "wàn", "亿": "yì", "億": "yì", "元": "yuán", "个": "gè", "個": "gè",
            "家": "jiā", "百": "bǎi", "分": "fēn", "产": "chǎn", "產": "chǎn", "值": "zhí", "点": "diǎn",
            "點": "diǎn", "吨": "dūn", "噸": "dūn", "项": "xiàng", "項": "xiàng", "千": "qiān"}


def _with_readings(text: str, chosen: list[bool]) -> str:
    """Put a reading after each character of `text` that has one and whose flag is set."""
    out = []
    flags = iter(chosen)
    for ch in text:
        out.append(ch)
        if ch in READINGS and next(flags, False):
            out.append(f"({READINGS[ch]})")
    return "".join(out)


@dataclass
class Builder:
    """Text built piece by piece, with the offsets of the figures put into it."""

    script: str               # "simplified" or "traditional"
    readings: bool
    parts: list = field(default_factory=list)
    figures: list = field(default_factory=list)
    length: int = 0

    def _script(self, s: str) -> str:
        return _S2T.convert(s) if self.script == "traditional" else s

    def _form(self, s: str, flags=None) -> str:
        s = self._script(s)
        if self.readings and flags is not None:
            s = _with_readings(s, flags)
        return s

    def add(self, s: str, flags=None, convert: bool = True) -> None:
        s = self._form(s, flags) if convert else s
        self.parts.append(s)
        self.length += len(s)

    def figure(self, surface: str, expected: dict, flags=None) -> None:
        # readings inside the figure are part of its text; one after its last character is not
        s = self._script(surface)
        s = (_with_readings(s[:-1], flags) if self.readings and flags is not None else s[:-1]) + s[-1]
        self.figures.append({**expected, "start": self.length, "end": self.length + len(s), "text": s})
        self.parts.append(s)
        self.length += len(s)

    def text(self) -> str:
        return "".join(self.parts)


@st.composite
def deadlines(draw, date: dt.date | None):
    """A horizon that opens a target sentence, and the year FIGURES.md makes it: (phrase, year)."""
    form = draw(st.sampled_from(["none", "by", "span", "before", "relative", "plan"]))
    year = draw(st.integers(2025, 2030))
    if form == "by":
        return f"{draw(st.sampled_from(['到', '至']))}{year}年，", year
    if form == "span":
        return f"{year - draw(st.integers(1, 4))}{draw(st.sampled_from(['—', '-', '至']))}{year}年，", year
    if form == "before":
        return f"{year}年{draw(st.sampled_from(['前', '底前']))}，", year
    if form == "relative":
        n = draw(st.integers(1, 5))
        word = draw(st.sampled_from([str(n), _DIGITS[n] if n != 2 else "两"]))
        # A relative period counts the document's own year when the document is from its first
        # half, and starts with the next year otherwise (FIGURES.md `deadline`).
        due = None if date is None else date.year + n - (1 if date.month <= 6 else 0)
        return f"用{word}年时间，", due
    if form == "plan":
        return "“十四五”期间，", 2025
    return "", None


@st.composite
def clause(draw, b: Builder, kind: str, due: int | None, has_horizon: bool, date: dt.date | None):
    """One clause: subject, cue, verb, qualifier, the figure, a qualifier after it."""
    fig: Fig = draw(FIGURES)
    subject = draw(st.sampled_from(SUBJECTS[fig.category]))
    cue = draw(st.sampled_from(TARGET_CUES if kind == "target" else ACTUAL_CUES))
    decrease = fig.can_decrease and draw(st.booleans())
    if fig.surface.startswith("翻"):
        verb = ""                                   # 比2020年翻一番: the form is its own verb
    elif decrease:
        verb = draw(st.sampled_from(DECREASE_WORDS))
    else:
        verb = draw(st.sampled_from(["达到", "达", "增长", "实现", "为"]))
    qualifier, after = fig.qualifier, ""
    q_before = ""
    if fig.qualifier == "eq" and not fig.members and not fig.surface.startswith("翻") and fig.value_max is None:
        where = draw(st.sampled_from(["none", "none", "before", "after"]))
        if where == "before":
            q_before = draw(st.sampled_from(sorted(QUALIFIERS_BEFORE)))
            qualifier = QUALIFIERS_BEFORE[q_before]
        elif where == "after":
            after = draw(st.sampled_from(sorted(QUALIFIERS_AFTER)))
            qualifier = QUALIFIERS_AFTER[after]
    reading_flags = draw(st.lists(st.booleans(), min_size=12, max_size=12))
    sign = -1.0 if decrease else 1.0
    fig_kind = kind                                  # the cue in the figure's own clause decides
    b.add(subject + cue + verb + q_before, reading_flags)

    def expected(value, value_max=None):
        return {"value": sign * value, "value_max": None if value_max is None else sign * value_max,
                "category": fig.category, "unit": fig.unit, "qualifier": qualifier, "kind": fig_kind,
                "deadline": due if fig_kind == "target" else None}

    for (text, value), sep in zip(fig.members, fig.notes.get("seps", [])):
        b.figure(text, expected(value))
        b.add(sep)                                    # 与 becomes 與 in traditional text
    b.figure(fig.surface, expected(fig.value, fig.value_max), reading_flags)
    if b.readings and draw(st.booleans()) and b.text()[-1] in READINGS:
        b.add(f"({READINGS[b.text()[-1]]})")        # a reading right after the figure: not part of it
    b.add(after)


@st.composite
def texts(draw):
    """A short document of 1-3 lines, each a sentence of 1-3 clauses with a figure each."""
    date = draw(st.none() | st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2024, 12, 31)))
    b = Builder(script=draw(st.sampled_from(["simplified", "traditional"])), readings=draw(st.booleans()))
    for line in range(draw(st.integers(1, 3))):
        if line:
            b.add("\n")
        kind = draw(st.sampled_from(["target", "actual"]))
        phrase, due = draw(deadlines(date)) if kind == "target" else ("", None)
        b.add(phrase)
        for i in range(draw(st.integers(1, 3))):
            if i:
                b.add("，")
            draw(clause(b, kind, due, bool(phrase), date))
        b.add("。")
    return b.text(), date, b.figures
