"""Units staff write in targets.yaml, and how numbers are written back for officials.

Vocabulary as data: ``UNITS`` maps every accepted unit (as staff write it) to its
category (the FIGURES.md categories) and its factor to base units (亿元 -> 1e8 元).
Counts, money and physical units are generated from short word lists so that adding
a measure word is one line here plus a test.

Formatting: ``format_value`` writes a value in a staff unit the way officials do
(6000亿元, 1.3万亿元, 4000家, 76.3%, 2.1个百分点) and never in scientific notation;
``format_base`` picks 万/亿/万亿 for a value in base units.
"""
from __future__ import annotations

import math
from typing import NamedTuple

__all__ = ["Unit", "UNITS", "CATEGORIES", "lookup", "format_number", "format_value", "format_base", "add_as_written"]

CATEGORIES = ("money", "count", "percent", "pp", "multiple", "other")


class Unit(NamedTuple):
    """One accepted unit: ``category`` (FIGURES.md), ``scale`` (factor to base units),
    ``base`` (the base unit: 元, 美元, the measure word, %, 吨 ...)."""

    category: str
    scale: float
    base: str


# Magnitude prefixes officials put before a unit (万元, 亿吨, 万亿元).
MAGNITUDES = {"": 1.0, "千": 1e3, "万": 1e4, "百万": 1e6, "千万": 1e7, "亿": 1e8, "万亿": 1e12}

# Currencies: base unit of each money family (no conversion between currencies, as FIGURES.md).
CURRENCIES = ("元", "美元", "欧元", "港元", "日元")

# Measure words of counts (FIGURES.md's list and the ones these reports use).
MEASURE_WORDS = (
    "家", "个", "项", "款", "张", "次", "架", "台", "辆", "人", "名", "座", "条", "所", "套",
    "件", "户", "头", "只", "批", "处", "栋", "间", "位", "篇", "部", "艘", "列", "支", "场",
    "亩", "株", "期",
)

# Physical units of `other` figures (FIGURES.md: weights, energy, capacity, lengths ...).
OTHER_UNITS = (
    "吨", "千瓦", "千瓦时", "兆瓦", "吉瓦", "斤", "公斤", "千克", "公里", "千米", "米", "平方米",
    "平方公里", "立方米", "标准箱", "TEU", "G", "人次", "床", "公顷",
)

# Percent-like units: accepted spellings -> canonical unit.
RATIO_UNITS = {
    "%": Unit("percent", 1.0, "%"),
    "％": Unit("percent", 1.0, "%"),
    "个百分点": Unit("pp", 1.0, "个百分点"),
    "百分点": Unit("pp", 1.0, "个百分点"),
    "倍": Unit("multiple", 1.0, "倍"),
}


def _build() -> dict[str, Unit]:
    table: dict[str, Unit] = dict(RATIO_UNITS)
    for cur in CURRENCIES:
        for prefix, factor in MAGNITUDES.items():
            table[prefix + cur] = Unit("money", factor, cur)
    for word in MEASURE_WORDS:
        for prefix in ("", "万", "亿"):
            table.setdefault(prefix + word, Unit("count", MAGNITUDES[prefix], word))
    for word in OTHER_UNITS:
        for prefix in ("", "万", "亿"):
            table.setdefault(prefix + word, Unit("other", MAGNITUDES[prefix], word))
    return table


UNITS: dict[str, Unit] = _build()


def lookup(unit: str) -> Unit | None:
    """The ``Unit`` of a unit as staff write it (spaces ignored), or None when unknown."""
    if not isinstance(unit, str):
        return None
    return UNITS.get(unit.strip().replace(" ", ""))


def _finite(value) -> bool:
    try:
        return value is not None and math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def format_number(value, digits: int = 2) -> str:
    """A plain decimal with at most ``digits`` decimals, trailing zeros dropped, never 1e12."""
    if not _finite(value):
        return "—"
    text = f"{float(value):.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _scaled(value_base: float, base: str, steps) -> str:
    """Pick the largest magnitude word in ``steps`` (name, factor, exact_only) that fits."""
    magnitude = abs(value_base)
    for word, factor, exact_only in steps:
        if magnitude >= factor:
            scaled = value_base / factor
            if exact_only and abs(round(scaled, 2) - scaled) > 1e-9 * max(1.0, abs(scaled)):
                continue
            return format_number(scaled) + word + base
    return format_number(value_base) + base


# Money goes up to 万亿 and rounds (1.35万亿元); counts only take 万/亿 when exact or large,
# because officials write 7565家 but 1.7万个 and 209.12亿.
_MONEY_STEPS = (("万亿", 1e12, False), ("亿", 1e8, False), ("万", 1e4, False))
_COUNT_STEPS = (("亿", 1e8, True), ("万", 1e4, True), ("亿", 1e10, False), ("万", 1e6, False))


def format_base(value_base, category: str, unit_hint: str | None = None) -> str:
    """Write a value in base units for officials: 6e11 money -> 6000亿元, 17000 个 -> 1.7万个.

    ``unit_hint`` is the base unit (元, 美元, 家, 吨 ...) or any unit of its family (亿元)."""
    if not _finite(value_base):
        return "—"
    value_base = float(value_base)
    hint = lookup(unit_hint) if unit_hint else None
    base = hint.base if hint else (unit_hint or "")
    if category == "money":
        return _scaled(value_base, base or "元", _MONEY_STEPS)
    if category == "count":
        return _scaled(value_base, base, _COUNT_STEPS)
    if category == "percent":
        return format_number(value_base) + "%"
    if category == "pp":
        return format_number(value_base) + "个百分点"
    if category == "multiple":
        return format_number(value_base) + "倍"
    return _scaled(value_base, base, _COUNT_STEPS)


def format_value(value, unit: str) -> str:
    """Write a value in a staff unit as officials do: (6000, 亿元) -> 6000亿元,
    (13000, 亿元) -> 1.3万亿元, (1.3, 万亿元) -> 1.3万亿元, (4000, 家) -> 4000家,
    (76.3, %) -> 76.3%, (2.1, 个百分点) -> 2.1个百分点. Unknown units are appended as given."""
    if not _finite(value):
        return "—"
    known = lookup(unit)
    if known is None or float(value) == 0:
        return format_number(value) + (unit or "")      # unknown unit, or zero: 0亿元, not 0元
    if known.category in ("money", "count", "other"):
        return format_base(float(value) * known.scale, known.category, known.base)
    return format_base(float(value), known.category, known.base)


def add_as_written(a: float, b: float) -> float:
    """a + b as the decimals staff wrote (0.1 + 0.2 = 0.3, not 0.30000000000000004): the level an
    increment target reaches, which a latest value written as that level must meet exactly."""
    if not (math.isfinite(a) and math.isfinite(b)):
        return a + b
    from decimal import Decimal
    return float(Decimal(repr(float(a))) + Decimal(repr(float(b))))
