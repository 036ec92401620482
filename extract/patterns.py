"""Compiled patterns, built once at import from the tables in vocab.py.

Each alternation is generated from a table (escaped, longest first) and accepts the
traditional forms of its words, so matching runs on the text as read; only the
sentences that hold a figure are converted to simplified characters later.
"""
from __future__ import annotations

import opencc
import re
from typing import Final

from . import vocab

__all__ = ["FIGURE", "UNITS", "CUES", "REGIONS", "SENTENCE_END", "DOC_DATE", "trad_forms"]

_S2T: Final = opencc.OpenCC("s2t")


def trad_forms(words) -> dict[str, str]:
    """Each word and its traditional form → the (simplified) word."""
    out: dict[str, str] = {}
    for w in words:
        out[w] = w
        t = _S2T.convert(w)
        if len(t) == len(w):
            out.setdefault(t, w)
    return out


def alternation(words) -> str:
    """A regex that matches any of the literal words, the longest first where several match.

    Written as a trie (苏州, 苏州市, 苏北 → 苏(?:北|州(?:市)?)): the engine tries the words of an
    alternation one after another at each position, so a list of hundreds (units, cues, places)
    cost as many tries at every number; a trie reads each character once. Where several words
    match at a position, the greedy optional ends try the longest first and give back one word at
    a time, as the alternation sorted longest first did."""
    trie: dict = {}
    for w in set(words):
        node = trie
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}  # a word ends here
    return _trie_pattern(trie)


def _trie_pattern(node: dict, top: bool = True) -> str:
    branches = [re.escape(c) + _trie_pattern(sub, False) for c, sub in sorted(node.items()) if c]
    if not branches:
        return ""
    body = "|".join(branches)
    if "" in node:  # a word ends here: what follows is optional, and tried first
        return f"(?:{body})?"
    return body if top or len(branches) == 1 else f"(?:{body})"


#: An alternation of words behind a one-character class of their first characters: the class
#: rejects most positions in one step, where the engine would try each word in turn.
def guarded(words) -> str:
    return f"(?=[{''.join(sorted({re.escape(w[0]) for w in words}))}])(?:{alternation(words)})"


# --- units: surface (simplified or traditional) → (category, normalised unit) ----------------
UNITS: Final[dict[str, tuple[str, str]]] = {}
for _table, _category in ((vocab.CURRENCIES, "money"), (vocab.MEASURE_WORDS, "count"),
                          (vocab.OTHER_UNITS, "other")):
    for _surface, _simple in trad_forms(_table).items():
        UNITS[_surface] = (_category, _table[_simple])
for _surface, _simple in trad_forms(vocab.RATE_UNITS).items():
    UNITS[_surface] = vocab.RATE_UNITS[_simple]

SCALE_WORDS: Final = trad_forms(vocab.SCALES)
BARE_SCALE_WORDS: Final = trad_forms(vocab.BARE_SCALES)

#: Thousands are grouped by commas (305,160; a Chinese input method's full-width one: 1，000) or,
#: in typeset text, by a space (4 410).
_ARABIC: Final = r"""(?:\d{1,3}(?:[,，]\d{3})++(?!\d)|\d{1,3}(?:[ \u00a0\u2009]\d{3})++(?![\d.])|\d++)(?:[.．]\d++)?+"""
_CN_DIGIT: Final = "零〇○一二两兩三四五六七八九十百千万萬亿億"
_CHINESE: Final = rf"""[一二两兩三四五六七八九十][{_CN_DIGIT}]*+(?:[点點][零〇○一二三四五六七八九]++)?+"""
#: 百 but not 百分点/百分之; 千 but not 千瓦/千米/千克/千伏/千升 (units of their own); 兆 only before 元 and 斤 (兆瓦 is a unit).
_SCALE: Final = rf"""(?!千[瓦米克伏升]|百分|兆(?!元|美元|斤)){guarded(SCALE_WORDS)}"""
_UNIT: Final = guarded(UNITS)
_SPACE: Final = r"[ \u00a0\u3000]?"
#: Below one in Chinese numerals, only after 百分之/千分之: 百分之零點八.
_CN_FRACTION: Final = r"[零〇○][点點][零〇○一二三四五六七八九]++"
#: 万 and 亿 in either script, the scales that join a mixed compound (4万6000亿元, 2亿5000万元).
_MIX_SCALE: Final = "万亿|萬億|亿|億|万|萬|兆(?=元|美元|斤)"
#: Units of measure that a bare scale may stand before (千亿斤, 千万吨): OTHER_UNITS in either script.
_OTHER_UNIT: Final = guarded(trad_forms(vocab.OTHER_UNITS))

#: A figure, in one of its forms. Group names say what was found; engine.py reads them.
FIGURE: Final = re.compile(
    rf"""
    (?=[\d０-９百翻一二两兩三四五六七八九十万萬亿億千])   # cheap test first: most positions start nothing
    (?:
      百分之(?P<pct>{_ARABIC}|{_CHINESE}|{_CN_FRACTION})       # 百分之二十, 百分之十六點二
    | 千分之(?P<permille>{_ARABIC}|{_CHINESE}|{_CN_FRACTION})  # 千分之五 = 0.5%
    | (?<![{_CN_DIGIT}])(?P<den>[一二两三四五六七八九十]++)分之(?P<numr>[一二两三四五六七八九十]++)  # 三分之一
    | (?<![\d.．/／])(?P<snum>\d{{1,2}})[/／](?P<sden>\d{{1,2}})(?![\d.．/／%％])  # 1/9 of a share (engine checks)
    | 翻了?(?P<fan>[一两兩二三四])?番                            # 翻一番 = 2, 翻两番 = 4, 翻了一番
    | (?<![{_CN_DIGIT}\d.])(?P<cheng>[一二两兩三四五六七八九]|[1-9])成   # 三成, 7成 = 30%, 70%
      (?!不变|立|功|果|本|员|員|交|就|熟|型|品|长|長|都|绩|績|效|全|文|批|片|套|规|規|龙|龍)
    | (?<![{_CN_DIGIT}\d数數几幾上多余餘])                       # an amount whose 一 is left out:
      (?P<bare>{alternation(BARE_SCALE_WORDS)})                 #   突破万亿元, 亿元以上项目
      (?P<bare_unit>美元|元)(?!{alternation(vocab.PER_AMOUNT_FOLLOWERS)})  # not 万元GDP能耗
    | (?:(?<=破)|(?<=超过)|(?<=超過)|(?<=超)|(?<=迈上)|(?<=邁上))  # a bare scale after a bound (破: 突破), with
      (?P<bare_q>千亿|千億|百亿|百億|万亿|萬億)(?![元美级級])       #   no unit: GDP突破千亿 (a magnitude)
    | (?<![{_CN_DIGIT}\d数數几幾上多余餘每])                     # a bare scale before a unit of
      (?P<bare_o>{alternation(trad_forms(vocab.BARE_OTHER_SCALES))})  #   measure: 千亿斤, 千万吨,
      (?P<bare_o_unit>{_OTHER_UNIT}|人次|人(?![口均民才])) #   百万人, but not 千万吨级, 亿吨大港,
      (?![级級大])                                              #   百万人口
    | (?<![\d.．A-Za-z_])                                       # a mixed compound: 4万6000亿元 =
      (?P<mx1>\d++(?:[.．]\d++)?+)(?P<mxs1>{_MIX_SCALE})       #   (4万 + 6000) × 亿, 2亿5000万元 =
      (?P<mx2>\d{{1,4}}+)(?![\d.．]|[,，]\d)                     #   2亿 + 5000万; then a second scale,
      (?:(?P<mxs2>{_MIX_SCALE}|千){_SPACE}(?P<mx_unit>{_UNIT})?  #   a unit (5万3000人), or nothing
       | {_SPACE}(?P<mx_unit2>{_UNIT})                          #   that makes the number go on
       | (?![年月日号時时:：多余餘几幾]))                        #   (5万3000。 but not 5万2024年)
    | (?<![\d.．A-Za-z_])                                       # an Arabic number ...
      (?P<ar>{_ARABIC})
      {_SPACE}(?P<scale>{_SCALE})?                              # ... its scale (1.3万亿) ...
      (?P<infix>[余多餘])?                                      # ... 1500余家 ...
      (?P<scale2>{_SCALE})?                                     # ... 300余万元 ...
      {_SPACE}(?P<unit>{_UNIT})?                                # ... and its unit, if any ...
      (?:/(?P<per>万?(?:{_UNIT}|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef])))?                   # ... per something (50万元/人)
    | (?<![A-Za-z{_CN_DIGIT}])                                 # a Chinese numeral (from the start of
                                                                #   its run: linear) needs its unit:
      (?P<cn>{_CHINESE})(?P<cn_infix>[余多餘几幾])?              # 二万零三百家, 二萬四千八百多億元:
      (?P<cn_scale>{_MIX_SCALE})?{_SPACE}(?P<cn_unit>{_UNIT})   #   a scale may follow 多/余/几
    )
    """,
    re.VERBOSE,
)

# --- cues of kind ------------------------------------------------------------------------
def _starts(f: str) -> set[str]:
    """The characters a pattern fragment can start with (the forms vocab.py uses: words, a
    leading lookbehind, a character class, \\d, a group of alternatives)."""
    f = re.sub(r"^\(\?<!\[[^\]]*\]\)", "", f)  # a leading lookbehind consumes nothing
    if f.startswith("(?:"):
        depth, parts, last = 0, [], 3
        for j, c in enumerate(f):
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    break
            elif c == "|" and depth == 1:
                parts.append(f[last:j])
                last = j + 1
        parts.append(f[last:j])
        out = set().union(*[_starts(p) for p in parts])
        return out | _starts(f[j + 2:]) if f[j + 1:j + 2] in ("?", "*") else out
    if f.startswith("["):
        return set(f[1:f.index("]")].replace("\\d", "0123456789"))
    if f.startswith("\\d"):
        return set("0123456789")
    return {f[0]} if f else set()


def _first_chars(fragments) -> str:
    """A character class body of the characters any fragment can start with: a cheap lookahead
    that lets a scan skip the positions where nothing starts."""
    out = set().union(*[_starts(f) for f in fragments])
    return "".join(re.escape(c) for c in sorted(out))


_CUE_FRAGMENTS: Final = (vocab.NOT_CUES + vocab.ACTUAL_OVERRIDES + vocab.REPORT_CUES + vocab.TARGET_CUES
                         + vocab.ACTUAL_CUES + vocab.ACTUAL_WEAK_CUES)
CUES: Final = re.compile(
    f"(?=[{_first_chars(_CUE_FRAGMENTS)}])(?:" + "|".join(
        [f"(?P<not>{alternation(vocab.NOT_CUES)})"]
        + [f"(?P<override>{'|'.join(vocab.ACTUAL_OVERRIDES)})"]
        + [f"(?P<report>{alternation(vocab.REPORT_CUES)})"]
        + [f"(?P<target>{'|'.join(sorted(vocab.TARGET_CUES, key=len, reverse=True))})"]
        + [f"(?P<actual>{'|'.join(sorted(vocab.ACTUAL_CUES, key=len, reverse=True))})"]
        + [f"(?P<weak>{alternation(vocab.ACTUAL_WEAK_CUES)})"]
    ) + ")"
)

# --- regions -----------------------------------------------------------------------------
REGIONS: Final = re.compile(alternation(list(vocab.REGIONS) + list(vocab.OWN_REGION_WORDS)))
#: Region names in either script → canonical name: to find a document's city without converting it.
REGION_FORMS: Final = {form: vocab.REGIONS[word] for form, word in trad_forms(vocab.REGIONS).items()}
REGIONS_ANY_SCRIPT: Final = re.compile(alternation(REGION_FORMS))


def _marks_or(marks: str, names: str) -> re.Pattern:
    """One of the punctuation `marks`, or one of the words of the trie `names`: one scan finds
    both. No name holds a mark, so the matches are those of the two scans together; and each
    alternative starts with its own character, so the scan skips to the first of them."""
    return re.compile("|".join([*map(re.escape, marks), names]))


#: Ends of sentences and clauses, each with the region names (of a document in either script; of
#: a simplified sentence, with the words of the document's own region), found in the same scan.
SENTENCE_END_CHARS: Final = "。！？!?\n"
SENTENCE_END: Final = re.compile(f"[{SENTENCE_END_CHARS}]")
SENTENCE_END_OR_REGION: Final = _marks_or(SENTENCE_END_CHARS, REGIONS_ANY_SCRIPT.pattern)
CLAUSE_SEP_CHARS: Final = "，,；;：:"
CLAUSE_SEP_OR_REGION: Final = _marks_or(CLAUSE_SEP_CHARS, REGIONS.pattern)

#: The document's own date, as pages print it near the top: 2023-04-11, 2023年4月11日, 2024\n01/04.
DOC_DATE: Final = re.compile(
    r"""
      (?P<y>20\d\d)\s*(?P<sep>[-/.])\s*(?P<m>1[0-2]|0?[1-9])\s*(?P=sep)\s*(?P<d>3[01]|[12]\d|0?[1-9])(?!\d)
    | (?P<y3>20\d\d)\s*年\s*(?P<m3>1[0-2]|0?[1-9])\s*月\s*(?P<d3>3[01]|[12]\d|0?[1-9])(?!\d)  # not 2023年1-6月
    | (?P<y2>20\d\d)\s*\n\s*(?P<m2>1[0-2]|0[1-9])/(?P<d2>3[01]|[12]\d|0[1-9])(?!\d)
    """,
    re.VERBOSE,
)

#: A five-year plan period is a horizon, but not as what a year's goals look to (锚定“十五五”) or
#: as the plan whose first or last year it is (“十五五”开局之年, 收官之年, 谋篇布局): what stands
#: before it, and after it, then.
PLAN_NOT_AFTER: Final = r"(?<!锚定)(?<!锚定“)(?<!锚定\")(?<!瞄准)(?<!瞄准“)"
PLAN_NOT_BEFORE: Final = r"(?!”?(?:开局|收官|谋篇))"

#: Deadlines: explicit years (到2025年, 2023—2027年, 2025年前, 2025年底, a fiscal year or a range
#: written with its second year short: 2020/21年度, 2014-15至2018-19) and relative horizons.
DEADLINE: Final = re.compile(
    r"""
    (?=[到至预力争确计目用花经通未在今全年每十本展\d一二两三四五六七八九])   # cheap test first
    (?:
      (?:到|至|预计|力争|争取|确保|计划|目标|展望)\s*(?:到|在)?\s*(?P<by>20\d\d)\s*年
    | (?P<from>20\d\d)\s*年?\s*(?:-|—|–|至|到|~)\s*(?P<to>20\d\d)\s*年
    | (?<!\d)20\d\d\s*[-/／–—]\s*(?P<to2>\d\d)(?![\d.%％/／:：-])(?=\s*(?:年|至|到|的|财政|財政))  # 2020/21年度, 2014-15至2018-19
    | (?P<before>20\d\d)\s*年\s*年?(?:前|底|末|以前|之前)
    | (?<![\d到至比较較])(?P<year>20\d\d)\s*年(?![\d一二三四五六七八九十下前第度]|上半|全年|的?基础上)  # 2025年，…力争: the year of a target
      # (not the base a change starts from: 在2025年基础上翻一番)
    | (?:用|花|经过|通过|未来|在未来|今后)\s*(?P<rel>\d+|[一二两三四五六七八九十]+)\s*(?:(?:到|至|-)\s*(?P<rel2>\d+|[一二两三四五六七八九十]+))?\s*年(?:左右)?(?:时间|内)?
    | (?<![\d一二两三四五六七八九十])(?P<rel3>\d+|[一二两三四五六七八九十]+)\s*(?:(?:到|至|-)\s*(?P<rel4>\d+|[一二两三四五六七八九十]+))?\s*年(?:左右)?(?:时间|内)
    | {PLAN_NOT_AFTER}(?P<plan>十四五|十五五|十三五){PLAN_NOT_BEFORE}
      # (not a plan period named as what a year's goals look to: 锚定“十五五”, “十五五”开局之年)
    | (?P<yearend>(?<![\d年])(?:到|至)\s*(?:(?:今年|本年)\s*年?底|年底)|(?:今年|本年)\s*年?底(?:前|以前|之前)?|(?<![\d年])年底(?:前|以前|之前))
    | (?P<this>今年|本年|全年|年内)
    | (?P<each>每年)
    )
    """.replace("{PLAN_NOT_AFTER}", PLAN_NOT_AFTER).replace("{PLAN_NOT_BEFORE}", PLAN_NOT_BEFORE),
    re.VERBOSE,
)
#: Every deadline holds one of these characters (年; 五 of 十四五; the dash or slash of 2020/21):
#: a sentence with none of them has none, and is not scanned (most sentences with a figure name no
#: year). A test tries texts of every other character of the pattern.
DEADLINE_NEEDS: Final = "年五-/／–—"

#: Periods of actual figures.
PERIOD: Final = re.compile(
    rf"""
    (?=[\d一二三四五六七八九十上前下第今年半全])   # cheap test first
    (?:
      (?:(?P<year>20\d\d)\s*年\s*)?{vocab.MONTH_RANGE}
    | (?:(?P<hyear>20\d\d)\s*年\s*)?(?P<half>上半年|前三季度|一季度|第一季度|下半年|前三季报|一季报|半年报)
    | (?P<fyear>20\d\d)\s*年(?!前|以前|之前|[底末]前)   # 2024年末 (a stock at the year's end) too
    | (?P<thisyear>今年以来|今年|年初以来)
    | (?P<wholeyear>全年)
    )
    """,
    re.VERBOSE,
)
#: Every period holds one of these: a sentence with none of them has none (see DEADLINE_NEEDS).
PERIOD_NEEDS: Final = "年季月"
