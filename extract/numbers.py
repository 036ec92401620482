"""Turn the text of a number into a float: Arabic, full-width, Chinese numerals, scales.

Parsing is kept apart from finding (patterns.py) and classifying (classify.py):
each function here takes a string the patterns matched and returns a value, or
None where the string is not a number after all (十四五, 一一).
"""
from __future__ import annotations

import functools
import math
from typing import Final

import cn2an
import re

from .vocab import SCALES

__all__ = ["parse_arabic", "parse_chinese", "parse_number", "scale_of", "TRAD_SCALE"]

#: Traditional forms of scale characters, folded before lookup (○, a white circle, is often typed for 〇).
TRAD_SCALE: Final = str.maketrans({"萬": "万", "億": "亿", "兩": "两", "〇": "零", "○": "零", "．": ".", "，": ",", "點": "点",
                                   "幾": "几", "餘": "余"})

_CHINESE_DIGITS: Final = frozenset("零〇○一二两三四五六七八九十百千万亿点")
_ADJACENT_DIGITS: Final = re.compile("[一二两三四五六七八九]{2}")


def parse_arabic(s: str) -> float | None:
    """'305,160' → 305160.0; '１２．５' → 12.5 (Python reads full-width digits)."""
    if s.isdecimal():  # the common case, digits only: nothing to fold or remove
        value = float(s)
        return value if math.isfinite(value) else None
    s = s.translate(TRAD_SCALE).replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u2009", "")
    try:
        value = float(s)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


@functools.lru_cache(maxsize=4096)
def parse_chinese(s: str) -> float | None:
    """'二万零三百' → 20300.0, '一千亿' → 1e11, '三点五' → 3.5; None when not a numeral."""
    s = s.translate(TRAD_SCALE)
    if not s or not set(s) <= _CHINESE_DIGITS:
        return None
    if _ADJACENT_DIGITS.search(s.partition("点")[0]):
        return None  # 唯一一家, 三四个: two digits in a row are a word or an estimate, not a numeral
        # (after 点 they are decimals: 五点六七)
    try:
        value = cn2an.cn2an(s, "normal")  # normal mode reads 两 as 2
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return float(value)


def parse_number(s: str) -> float | None:
    """A number in either script."""
    s = s.strip()
    if not s:
        return None
    if s[0] in _CHINESE_DIGITS or s[0] in "萬億兩點":
        return parse_chinese(s)
    return parse_arabic(s)


def scale_of(word: str | None) -> float:
    """'万亿' → 1e12; None or '' → 1."""
    if not word:
        return 1.0
    return SCALES[word.translate(TRAD_SCALE)]
