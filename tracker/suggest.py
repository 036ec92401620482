"""From a document to targets.yaml: propose an entry for every target figure.

    python -m tracker suggest DOC [--region 昆山市] [--date 2024-02-17] [--append targets.yaml]

Prints ready-to-paste entries (they pass ``python -m tracker check``): a proposed id,
region, indicator, the unit as staff write it (1000亿元 -> value 1000, unit 亿元), type,
direction, qualifier, target and deadline, and the source clause copied exactly from the
document. A value the sentence gives as the starting point (由2023年的5140亿元增加到6000亿元,
2023年为3000家) is the entry's baseline, not a second target. ``--append FILE`` adds the
entries to FILE through tracker.bookfile (comments and layout kept, FILE.bak, atomic);
an entry equal to a target FILE already tracks (same region, indicator, deadline and value)
is reported as already tracked and skipped, and an id FILE already uses gets a suffix.
Staff still fill in what no document says: the department, and the baseline where the
sentence has none.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import sys
from pathlib import Path

import pandas as pd
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .bookfile import BookFile, EditError, round_trip
from .cli import ChineseParser, parse_date
from .matching import indicator_key, place_of
from .units import lookup

__all__ = ["entries", "to_yaml", "append", "main"]

# Magnitude words as they appear in a figure's text (simplified and traditional), longest
# first, and the staff unit prefix each one gives: 1.3萬億元 -> 万亿元.
TEXT_MAGNITUDES = (("万亿", "万亿"), ("萬億", "万亿"), ("亿", "亿"), ("億", "亿"), ("万", "万"), ("萬", "万"))

# Words just before a figure that decide its type (the first that matches wins).
FLOW_CUES = ("每年", "年均实施", "每年度")
SHARE_CUES = ("占比", "比重", "占全", "占")
RATE_CUES = ("增长", "增速", "增幅", "提高", "下降", "降低", "减少", "回落")
INCREMENT_CUES = ("新增", "增加", "净增")
# After an increment cue these make it a level reached: 增加到6000亿元, 增至6000亿元.
TO_WORDS = ("到", "至")

# Indicators that only make sense after the one before them in the same sentence:
# 新增地区生产总值1000亿元、总量迈上6000亿元 -> 总量 is 地区生产总值's; 50个园区、总产值超5000亿元
# -> 园区总产值. Word -> True when it is appended to that indicator, False when it stands for it.
PARTIAL_INDICATORS = {"总量": False, "规模": False, "总产值": True, "产值": True, "营收": True, "总额": True}

# Clause boundaries inside a sentence, for the quote.
CLAUSE_BREAKS = ",，;；:：。!！?？\n"

ID_UNSAFE = re.compile(r"[\s/:]+")
HEADER = ("# 由 python -m tracker suggest 生成：请核对指标名称、单位和期限，"
          "补充基期（baseline）与责任部门（department）后再保存。\n")


def _staff_unit(value: float, category: str, unit: str, text: str) -> tuple[float, str]:
    """(value, unit) as staff write it, following the magnitude word of the figure's own text."""
    if category in ("percent", "pp", "multiple"):
        return value, {"percent": "%", "pp": "个百分点", "multiple": "倍"}[category]
    base = unit or ("元" if category == "money" else "")
    prefix = next((p for word, p in TEXT_MAGNITUDES if word in text), "")
    if category == "money" and not prefix:
        # No magnitude word in the text (突破万亿元 reads as 万亿): choose by size, as officials do.
        prefix = next((p for p, f in (("万亿", 1e12), ("亿", 1e8), ("万", 1e4)) if abs(value) >= f), "")
    known = lookup(prefix + base)
    if known is None or not base:
        return value, base
    return _tidy(value / known.scale), prefix + base


def _tidy(x: float) -> float | int:
    """Drop float noise from scaling (1.3e12 / 1e12) and write whole numbers as integers."""
    x = float(f"{x:.10g}")
    return int(x) if x.is_integer() else x


def _clause(sentence: str, figure: str, text: str | None, start: int | None, end: int | None) -> str:
    """The clause holding the figure, copied exactly from the document."""
    if text is not None and start is not None and 0 <= start < end <= len(text) and text[start:end] == figure:
        source, lo, hi = text, start, end
    else:
        at = sentence.find(figure)
        if at < 0:
            return sentence.strip()
        source, lo, hi = sentence, at, at + len(figure)
    while lo > 0 and source[lo - 1] not in CLAUSE_BREAKS:
        lo -= 1
    while hi < len(source) and source[hi] not in CLAUSE_BREAKS:
        hi += 1
    return source[lo:hi].strip()


def _before(sentence: str, figure: str, width: int = 12) -> str:
    at = sentence.find(figure)
    return sentence[max(0, at - width):at] if at >= 0 else ""


def _kind(category: str, indicator: str, before: str) -> str:
    """level / increment / flow / rate / share from the figure and the words before it."""
    if category in ("percent", "pp", "multiple"):
        if category == "percent" and any(c in before or c in indicator for c in SHARE_CUES):
            return "share"
        if category == "percent" and not any(c in before or c in indicator for c in RATE_CUES):
            return "level"
        return "rate"
    if any(c in before for c in FLOW_CUES):
        return "flow"
    if any(indicator.startswith(c) or (c in before[-4:] and not before.endswith(TO_WORDS)) for c in INCREMENT_CUES):
        return "increment"
    return "level"


def _present(x) -> bool:
    return x is not None and not (isinstance(x, float) and pd.isna(x)) and x is not pd.NA and str(x) != ""


#: A figure is a starting point, not a goal, when its clause says where it starts from
#: (由2023年的5140亿元增加到…, 从5000亿元增至…) or names a year already past (2023年为3000家).
FROM_WORDS = ("由", "从")
_YEAR = re.compile(r"20\d\d\s*年")
_NUMBER = re.compile(r"\d")


#: After a starting point: a change to the goal (由5140亿元增加到6000亿元, 从5000亿元增至…);
#: '由10个集群和30条产业链组成' has none.
_TO_GOAL = re.compile(r"^[^，,；;。]{0,6}?(?:增加|增长|提高|提升|上升|扩大|增|升|降低|下降|减少|降|减|达)(?:到|至)")


def _is_start(clause: str, after: str, date: dt.date | None, due: int | None) -> tuple[bool, int | None]:
    """(whether the words around a figure make it a starting point, the year it names).
    Only the part of the clause after its last other number counts: in '由5140亿元增加到'
    the from-word belongs to 5140, not to the figure after it."""
    last = max((m.end() for m in _NUMBER.finditer(_YEAR.sub(lambda m: "年" * len(m.group()), clause))), default=0)
    tail = clause[last:]
    years = [int(y[:4]) for y in _YEAR.findall(tail)]
    past = [y for y in years if (date is None or y <= date.year) and (due is None or y < due)]
    if past:
        return True, past[-1]
    return any(w in tail for w in FROM_WORDS) and _TO_GOAL.match(after) is not None, None


def _indicator(indicator: str, sentence: str, previous: dict[str, str]) -> str:
    """The indicator of a figure whose text names only part of it (总量, 、总产值), completed
    from the one named before it in the sentence."""
    head, sep, tail = indicator.rpartition("、")
    if sep and tail in PARTIAL_INDICATORS:
        previous[sentence] = head
        indicator = tail
    if indicator in PARTIAL_INDICATORS and previous.get(sentence):
        return previous[sentence] + indicator if PARTIAL_INDICATORS[indicator] else previous[sentence]
    if indicator:
        previous[sentence] = indicator
    return indicator


def entries(figures_df: pd.DataFrame, region: str | None = None, doc: str | None = None, date=None,
            text: str | None = None) -> list[dict]:
    """targets.yaml entries (plain dicts) for the target figures of one document.

    ``figures_df`` has the FIGURES.md columns (``extract.figures``); ``region`` fills in
    where the text names none; ``doc`` and ``date`` name the source; ``text`` (the document)
    lets quotes be cut from the exact offsets. Figures whose unit the tracker does not know
    are left out (see ``skipped`` on the returned list); a starting point becomes the
    baseline of the goal of its sentence (or is left out when there is none)."""
    skipped: list[str] = []
    previous: dict[str, str] = {}          # sentence -> the last full indicator named in it
    if date is not None and not isinstance(date, dt.date):
        date = pd.Timestamp(date).date()
    elif isinstance(date, dt.datetime):
        date = date.date()
    # The target figures, and the actual ones that share a sentence with a target: the extractor
    # reads a starting point (由2023年的5140亿元…) as the actual it is, and here it becomes a baseline.
    if len(figures_df):
        goal_sentences = set(figures_df.loc[figures_df["kind"] == "target", "sentence"])
        targets = figures_df[(figures_df["kind"] == "target") | figures_df["sentence"].isin(goal_sentences)]
    else:
        targets = figures_df
    read: list[dict] = []
    starts: dict[tuple, tuple[float, object]] = {}      # (sentence, indicator, base unit) -> (value, date)
    for f in targets.to_dict("records"):
        value, category, figure = float(f["value"]), str(f["category"]), str(f["text"])
        sentence = str(f.get("sentence") or "")
        indicator = str(f.get("indicator") or "").strip()
        kind = _kind(category, indicator, _before(sentence, figure))
        if kind == "increment":
            indicator = next((indicator[len(c):] for c in INCREMENT_CUES if indicator.startswith(c)), indicator)
        indicator = _indicator(indicator, sentence, previous) or "未命名指标"
        staff_value, unit = _staff_unit(abs(value) if kind in ("increment", "flow") else value, category,
                                        str(f.get("unit") or ""), figure)
        known = lookup(unit)
        if known is None:
            skipped.append(f"{figure}（单位 {unit or '空'} 未收录）")
            continue
        deadline = f.get("deadline")
        due = int(deadline) if _present(deadline) else None
        at = sentence.find(figure)
        start, year = _is_start(_clause_before(sentence, figure), sentence[at + len(figure):] if at >= 0 else "", date, due)
        if start and kind == "level":
            starts[(sentence, indicator, known.base)] = (staff_value, year if year is not None else date)
            continue
        if f["kind"] != "target":
            continue  # an actual beside a goal that is no starting point: not for suggest
        read.append(dict(f=f, value=value, category=category, figure=figure, sentence=sentence, indicator=indicator,
                         kind=kind, staff_value=staff_value, unit=unit, known=known, due=due))
    out: list[dict] = []
    used: set[str] = set()
    for r in read:
        f, value, unit, due, kind = r["f"], r["value"], r["unit"], r["due"], r["kind"]
        qualifier = str(f.get("qualifier") or "eq")
        direction = "down" if value < 0 or qualifier in ("le", "lt") else "up"
        if value < 0:
            # A decrease of at least N (下降3%以上, value -3 ge) is a ceiling on the signed value.
            qualifier = {"ge": "le", "gt": "lt"}.get(qualifier, qualifier)
        named = f.get("region")
        place = str(named) if _present(named) else (region or "未注明地区")
        goal = CommentedMap(value=r["staff_value"])
        if _present(f.get("value_max")):
            scale = r["known"].scale if r["category"] in ("money", "count", "other") else 1
            goal["value_max"] = _tidy(float(f["value_max"]) / scale)
        if due is not None:
            goal["due"] = due
        base_id = ID_UNSAFE.sub("-", f"{place}-{r['indicator']}-{due or ('每年' if kind == 'flow' else '未定')}")
        entry_id, n = base_id, 2
        while entry_id in used:
            entry_id, n = f"{base_id}-{n}", n + 1
        used.add(entry_id)
        source = CommentedMap(doc=doc or str(f.get("doc") or "未注明"))
        if date is not None:
            source["date"] = date
        source["quote"] = _clause(r["sentence"], r["figure"], text, f.get("start"), f.get("end"))
        entry = CommentedMap()
        entry.update(id=entry_id, region=place, indicator=r["indicator"], unit=unit, type=kind,
                     direction=direction, qualifier=qualifier)
        begin = starts.pop((r["sentence"], r["indicator"], r["known"].base), None)
        if begin is not None and begin[1] is not None and kind in ("level", "increment"):
            entry["baseline"] = CommentedMap(value=begin[0], date=begin[1])
        entry.update(target=goal, source=source)
        entry["progress"] = CommentedSeq()
        out.append(entry)
    for (_, indicator, _), (value, _) in starts.items():
        skipped.append(f"{indicator} {value}（句中的起点值，没有对应的目标值）")
    result = _Entries(out)
    result.skipped = skipped
    return result


def _clause_before(sentence: str, figure: str) -> str:
    """The part of the figure's clause that stands before it."""
    at = sentence.find(figure)
    if at < 0:
        return ""
    lo = at
    while lo > 0 and sentence[lo - 1] not in CLAUSE_BREAKS:
        lo -= 1
    return sentence[lo:at]


class _Entries(list):
    """A list of entries that also says which figures were left out and why."""

    skipped: list[str]


def _flow(entry: dict) -> dict:
    for key in ("target", "baseline"):
        if key in entry and hasattr(entry[key], "fa"):
            entry[key].fa.set_flow_style()
    return entry


def to_yaml(entries: list[dict]) -> str:
    """The entries as a targets.yaml fragment (a ``targets:`` list) that passes the check."""
    seq = CommentedSeq(_flow(e) for e in entries)
    buffer = io.StringIO()
    round_trip().dump(CommentedMap(targets=seq), buffer)
    return HEADER + buffer.getvalue()


def _same_target(entry: dict, row) -> bool:
    """Whether an entry states a target the book already tracks: same region, indicator,
    deadline and value (in base units)."""
    unit = lookup(str(entry["unit"]))
    goal = entry["target"]
    due = goal.get("due")
    row_due = None if pd.isna(row.due) else pd.Timestamp(row.due).year
    return (place_of(entry["region"]) or entry["region"]) == (place_of(row.region) or row.region) \
        and indicator_key(entry["indicator"]) == indicator_key(row.indicator) \
        and (int(due) if due is not None else None) == row_due \
        and unit is not None and not pd.isna(row.target_stated) \
        and abs(float(goal["value"]) * unit.scale - float(row.target_stated) * float(row.scale)) <= 1e-9 * max(1.0, abs(float(row.target_stated) * float(row.scale)))


def append(path: Path, new: list[dict]) -> str:
    """Add entries to a targets.yaml through tracker.bookfile, skipping those it already
    tracks. Returns a message for the user; raises EditError with a Chinese message."""
    edit = BookFile.open(path)
    rows = list(edit.book.targets.itertuples())
    tracked, added = [], 0
    for entry in new:
        same = next((row for row in rows if _same_target(entry, row)), None)
        if same is not None:
            tracked.append(f"{entry['indicator']}（已由 {same.id} 跟踪）")
            continue
        base, n = str(entry["id"]), 2
        while str(entry["id"]) in edit.ids():
            entry["id"], n = f"{base}-{n}", n + 1
        edit.add_target(_flow(entry))
        added += 1
    notes = [f"已在台账中，跳过：{'；'.join(tracked)}"] if tracked else []
    if added:
        notes.append(edit.save().replace("处修改", "个新目标"))
    else:
        notes.append(f"{path}: 没有新的目标需要添加")
    return "\n".join(notes)


def main(argv=None) -> int:
    parser = ChineseParser(prog="python -m tracker suggest",
                           description="为文件中的每个目标类数字生成可粘贴进 targets.yaml 的条目")
    parser.add_argument("doc", help="文件（.txt/.html；- 为标准输入）")
    parser.add_argument("--region", help="文中未写明地区时使用的地区，如 昆山市")
    parser.add_argument("--date", type=parse_date, metavar="YYYY-MM-DD", help="文件日期（文中没有时用于推算“用3年时间”等期限）")
    parser.add_argument("--append", metavar="TARGETS_YAML", type=Path, help="直接追加到该文件（保留注释，先备份为 .bak；已跟踪的目标跳过）")
    args = parser.parse_args(argv)

    from extract import ReadError, figures, read_text
    from extract.engine import document_date

    try:
        text = read_text(args.doc)
    except ReadError as err:
        print(f"错误：{err}", file=sys.stderr)
        return 1
    date = args.date or document_date(text)
    name = "stdin" if args.doc == "-" else Path(args.doc).name
    found = entries(figures(text, doc=name, date=date), region=args.region, doc=name, date=date, text=text)
    for reason in found.skipped:
        print(f"跳过 {reason}", file=sys.stderr)
    if not found:
        print(f"{name}: 没有找到目标类数字", file=sys.stderr)
        return 0
    if args.append is None:
        sys.stdout.write(to_yaml(found))
        return 0
    try:
        print(append(args.append, found), file=sys.stderr)
    except EditError as err:
        print(f"错误：{err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
