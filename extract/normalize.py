"""Normalisation for matching, with offsets that always point into the original text.

Two transformations keep the length of the text, so offsets need no map:
- traditional → simplified, by OpenCC ('t2s'), done per sentence only where a figure
  stands (most of a document never needs it);
- full-width digits and signs, which the patterns accept directly;
- years in Chinese numerals (二〇二六年, 二零二五年), written with Arabic digits (2026年), one
  digit a character, so that every rule that reads a year reads them.

One transformation changes the length: pinyin readings in brackets after a character
(萬(wàn)億元, 產(chǎn)值), which scraped pages carry. `strip_readings` removes them and
returns an `OffsetMap` that takes a position in the stripped text back to the original.
"""
from __future__ import annotations

import bisect
import functools
from typing import Final

import opencc
import re

__all__ = ["OffsetMap", "strip_readings", "to_simplified", "has_readings", "arabic_years"]

_T2S: Final = opencc.OpenCC("t2s")

#: A reading: a bracketed run of pinyin letters (tone marks or tone digits) right after a Han character.
_PINYIN_LETTER: Final = r"[a-zA-ZüÜāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]"
_READING: Final = re.compile(
    rf"""
    [(（]                    # an opening bracket, half or full width (found by str.find first) ...
    (?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef][(（])  # ... only after a Chinese character
    {_PINYIN_LETTER}{{1,7}}+[1-5]?   # one syllable, possibly with a tone digit
    [)）]                    # and its closing bracket
    """,
    re.VERBOSE,
)


class OffsetMap:
    """Maps positions in a text with pieces removed back to the original text."""

    __slots__ = ("_at", "_shift")

    def __init__(self, removed: list[tuple[int, int]]):
        # removed: (start, end) spans in the original, in order.
        self._at: list[int] = []     # positions in the new text where the shift grows
        self._shift: list[int] = []  # total characters removed before that position
        total = 0
        for start, end in removed:
            self._at.append(start - total)
            total += end - start
            self._shift.append(total)

    def start(self, pos: int) -> int:
        """The original position of the character at `pos` in the new text."""
        i = bisect.bisect_right(self._at, pos)
        return pos + (self._shift[i - 1] if i else 0)

    def end(self, pos: int) -> int:
        """The original end of a span that ends at `pos` (exclusive) in the new text.
        (0 for 0 with no branch: nothing is removed before position 0, so start(-1) is -1.)"""
        return self.start(pos - 1) + 1


def has_readings(text: str) -> bool:
    """Does `text` hold a reading? Most texts hold none, and a reading starts at its bracket: it
    is tried only where str.find, far faster than a regex scan, finds one."""
    for bracket in "(（":
        i = text.find(bracket)
        while i >= 0:
            if _READING.match(text, i) is not None:  # its lookbehind still reads the character before i
                return True
            i = text.find(bracket, i + 1)
    return False


def strip_readings(text: str) -> tuple[str, OffsetMap | None]:
    """Remove pinyin readings; return the new text and its map (None when nothing was removed).
    (A page with readings has them all through: one scan finds them faster than a try at each bracket.)"""
    spans = [m.span() for m in _READING.finditer(text)]
    if not spans:
        return text, None
    parts, last = [], 0
    for start, end in spans:
        parts.append(text[last:start])
        last = end
    parts.append(text[last:])
    return "".join(parts), OffsetMap(spans)


@functools.lru_cache(maxsize=65536)
def _char_t2s(ch: str) -> str:
    out = _T2S.convert(ch)
    return out if len(out) == 1 else ch


#: Lone surrogates (a string decoded with errors="surrogateescape", or cut inside a character):
#: no character, and OpenCC and Arrow take only valid UTF-8.
_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """Each lone surrogate read as U+FFFD, one for one, so that positions hold."""
    return _SURROGATE.sub("\ufffd", text)


def _traditional_characters() -> str:
    """Every character of the Unified Ideographs (the basic block, extension A and the
    compatibility block) that OpenCC's t2s changes on its own: about 4,200 of 28,000, found
    with one conversion of them all at import."""
    chars = [chr(c) for lo, hi in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)) for c in range(lo, hi + 1)]
    out = _T2S.convert("\n".join(chars)).split("\n")
    return "".join(c for c, o in zip(chars, out) if o != c)


#: A character that only traditional text has, or any of the rare ideographs beyond the basic
#: plane (taken whole as a range: a class that lists characters beyond it one by one is searched a
#: hundred times slower): a text without one is simplified already.
_TRADITIONAL: Final = re.compile(f"[{re.escape(_traditional_characters())}\U00020000-\U0002ebef]")


def to_simplified(text: str) -> str:
    """Traditional → simplified, keeping the length (so positions stay valid).

    A text with no traditional character is returned as it is: most documents are simplified,
    and OpenCC's phrase table would otherwise still rewrite some words of simplified text
    (一批覆盖 read as the traditional 批覆 → 一批复盖)."""
    if _TRADITIONAL.search(text) is None:
        return text
    try:
        out = _T2S.convert(text)
    except UnicodeEncodeError:  # a lone surrogate: read as U+FFFD, one for one, so positions hold
        text = without_surrogates(text)
        out = _T2S.convert(text)
    if len(out) == len(text):
        return out
    # A phrase conversion changed the length: fall back to character by character.
    return "".join(_char_t2s(c) for c in text)


#: A year in Chinese numerals, one numeral a digit (二〇二六年; ○ is often typed for 〇).
_CHINESE_YEAR: Final = re.compile(r"[一二][〇○零一二三四五六七八九]{3}(?=\s*年)")
_YEAR_DIGITS: Final = str.maketrans("〇○零一二三四五六七八九", "000123456789")


def arabic_years(text: str) -> str:
    """二〇二六年 → 2026年: the same length, so positions stay valid."""
    if "〇" not in text and "○" not in text and "二零" not in text:
        return text  # a cheap test first: the years of this century all start so (二〇…, 二零…)
    return _CHINESE_YEAR.sub(lambda m: m.group().translate(_YEAR_DIGITS), text)
