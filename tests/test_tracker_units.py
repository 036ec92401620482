"""Units staff write and numbers written back the way officials write them."""
import math
import re

import pytest

from tracker.units import UNITS, format_base, format_value, lookup

LOOKUPS = [
    ("亿元 is money ×1e8", "亿元", ("money", 1e8, "元")),
    ("万亿元 is money ×1e12", "万亿元", ("money", 1e12, "元")),
    ("亿美元 keeps its currency", "亿美元", ("money", 1e8, "美元")),
    ("家 is a count", "家", ("count", 1, "家")),
    ("万人 is a count ×1e4", "万人", ("count", 1e4, "人")),
    ("% is percent", "%", ("percent", 1, "%")),
    ("full-width ％ is percent", "％", ("percent", 1, "%")),
    ("百分点 is percentage points", "百分点", ("pp", 1, "个百分点")),
    ("倍 is a multiple", "倍", ("multiple", 1, "倍")),
    ("万吨 is other ×1e4", "万吨", ("other", 1e4, "吨")),
    ("亿千瓦时 is other ×1e8", "亿千瓦时", ("other", 1e8, "千瓦时")),
    ("spaces are ignored: 亿 元", "亿 元", ("money", 1e8, "元")),
]


@pytest.mark.parametrize("unit, expected", [c[1:] for c in LOOKUPS], ids=[c[0] for c in LOOKUPS])
def test_lookup(unit, expected):
    assert tuple(lookup(unit)) == expected


@pytest.mark.parametrize("unit", ["亿圆", "斤两", "", None, "wan"], ids=["typo 亿圆", "unknown 斤两", "empty", "None", "pinyin"])
def test_unknown_units(unit):
    assert lookup(unit) is None


VALUES = [
    ("6000亿元 stays", 6000, "亿元", "6000亿元"),
    ("13000亿元 → 1.3万亿元", 13000, "亿元", "1.3万亿元"),
    ("1.3万亿元 stays", 1.3, "万亿元", "1.3万亿元"),
    ("0.5万亿元 → 5000亿元", 0.5, "万亿元", "5000亿元"),
    ("298.7亿元 stays", 298.7, "亿元", "298.7亿元"),
    ("3000万元 stays", 3000, "万元", "3000万元"),
    ("4000家 stays", 4000, "家", "4000家"),
    ("17000个 → 1.7万个", 17000, "个", "1.7万个"),
    ("7565家 stays (not exact in 万)", 7565, "家", "7565家"),
    ("76.3%", 76.3, "%", "76.3%"),
    ("2.1个百分点", 2.1, "个百分点", "2.1个百分点"),
    ("-3.2% keeps its sign", -3.2, "%", "-3.2%"),
    ("2倍", 2, "倍", "2倍"),
    ("120万吨", 120, "万吨", "120万吨"),
    ("a third of a percent to two decimals", 100 / 3, "%", "33.33%"),
    ("NaN → dash", float("nan"), "亿元", "—"),
    ("None → dash", None, "亿元", "—"),
    ("unknown unit appended as given", 5, "朵", "5朵"),
    ("zero keeps the staff unit: 0亿元", 0, "亿元", "0亿元"),
]


@pytest.mark.parametrize("value, unit, expected", [c[1:] for c in VALUES], ids=[c[0] for c in VALUES])
def test_format_value(value, unit, expected):
    assert format_value(value, unit) == expected


BASES = [
    ("1.3e12 yuan → 1.3万亿元", 1.3e12, "money", None, "1.3万亿元"),
    ("6e11 yuan → 6000亿元", 6e11, "money", "元", "6000亿元"),
    ("3e7 yuan → 3000万元", 3e7, "money", "亿元", "3000万元"),
    ("850亿美元", 8.5e10, "money", "美元", "850亿美元"),
    ("999 yuan → 999元", 999, "money", None, "999元"),
    ("209.12亿 counted", 2.0912e10, "count", "", "209.12亿"),
    ("1.7万个", 17000, "count", "个", "1.7万个"),
    ("11.5%", 11.5, "percent", None, "11.5%"),
]


@pytest.mark.parametrize("value, category, hint, expected", [c[1:] for c in BASES], ids=[c[0] for c in BASES])
def test_format_base(value, category, hint, expected):
    assert format_base(value, category, hint) == expected


@pytest.mark.parametrize("value", [1e15, 1.23456789e13, 1e-7, 123456789012345.0])
def test_never_scientific(value):
    for unit in ("元", "亿元", "家", "%", "吨"):
        text = format_value(value, unit)
        assert not re.search(r"\d[eE][+-]?\d", text), text


def test_every_unit_has_a_known_category():
    from tracker.units import CATEGORIES
    assert all(u.category in CATEGORIES and u.scale > 0 and math.isfinite(u.scale) for u in UNITS.values())
