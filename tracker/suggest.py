"""From a document to targets.yaml: propose an entry for every target figure.

    python -m extract suggest DOC [--region 昆山市] [--date 2024-02-17] [--append targets.yaml]

Prints ready-to-paste entries (they pass ``python -m tracker check``): a proposed id,
region, indicator, the unit as staff write it (1000亿元 -> value 1000, unit 亿元), type,
direction, qualifier, target and deadline, and the source clause copied exactly from the
document. ``--append FILE`` adds them to FILE through a ruamel.yaml round trip (comments
and layout kept), refuses ids FILE already has, keeps FILE.bak and replaces FILE
atomically. Staff still fill in what no document says: the baseline and the department.
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import pandas as pd
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

__all__ = ["entries", "to_yaml", "main"]

# Magnitude words as they appear in a figure's text (simplified and traditional), longest
# first, and the staff unit prefix each one gives: 1.3萬億元 -> 万亿元.
TEXT_MAGNITUDES = (("万亿", "万亿"), ("萬億", "万亿"), ("亿", "亿"), ("億", "亿"), ("万", "万"), ("萬", "万"))

# Words just before a figure that decide its type (the first that matches wins).
FLOW_CUES = ("每年", "年均实施", "每年度")
SHARE_CUES = ("占比", "比重", "占全", "占")
RATE_CUES = ("增长", "增速", "增幅", "提高", "下降", "降低", "减少", "回落")
INCREMENT_CUES = ("新增", "增加", "净增")

# Indicators that only make sense after the one before them in the same sentence:
# 新增地区生产总值1000亿元、总量迈上6000亿元 -> 总量 is 地区生产总值's; 50个园区、总产值超5000亿元
# -> 园区总产值. Word -> True when it is appended to that indicator, False when it stands for it.
PARTIAL_INDICATORS = {"总量": False, "规模": False, "总产值": True, "产值": True, "营收": True, "总额": True}

# Clause boundaries inside a sentence, for the quote.
CLAUSE_BREAKS = ",，;；:：。!！?？\n"

ID_UNSAFE = re.compile(r"[\s/:]+")
HEADER = ("# 由 python -m extract suggest 生成：请核对指标名称、单位和期限，"
          "补充基期（baseline）与责任部门（department）后再保存。\n")


def _staff_unit(value: float, category: str, unit: str, text: str) -> tuple[float, str]:
    """(value, unit) as staff write it, following the magnitude word of the figure's own text."""
    from tracker.units import lookup

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
    if any(indicator.startswith(c) or c in before[-4:] for c in INCREMENT_CUES):
        return "increment"
    return "level"


def _present(x) -> bool:
    return x is not None and not (isinstance(x, float) and pd.isna(x)) and x is not pd.NA and str(x) != ""


def entries(figures_df: pd.DataFrame, region: str | None = None, doc: str | None = None, date=None,
            text: str | None = None) -> list[dict]:
    """targets.yaml entries (plain dicts) for the target figures of one document.

    ``figures_df`` has the FIGURES.md columns (``extract.figures``); ``region`` fills in
    where the text names none; ``doc`` and ``date`` name the source; ``text`` (the document)
    lets quotes be cut from the exact offsets. Figures whose unit the tracker does not know
    are left out (see ``skipped`` on the returned list)."""
    from tracker.units import lookup

    out: list[dict] = []
    skipped: list[str] = []
    used: set[str] = set()
    previous: dict[str, str] = {}          # sentence -> the last full indicator named in it
    if date is not None and not isinstance(date, dt.date):
        date = pd.Timestamp(date).date()
    elif isinstance(date, dt.datetime):
        date = date.date()
    targets = figures_df[figures_df["kind"] == "target"] if len(figures_df) else figures_df
    for f in targets.to_dict("records"):
        value, category, figure = float(f["value"]), str(f["category"]), str(f["text"])
        sentence = str(f.get("sentence") or "")
        indicator = str(f.get("indicator") or "").strip()
        before = _before(sentence, figure)
        kind = _kind(category, indicator, before)
        if kind == "increment":
            indicator = next((indicator[len(c):] for c in INCREMENT_CUES if indicator.startswith(c)), indicator)
        if indicator in PARTIAL_INDICATORS and previous.get(sentence):
            indicator = previous[sentence] + indicator if PARTIAL_INDICATORS[indicator] else previous[sentence]
        elif indicator:
            previous[sentence] = indicator
        indicator = indicator or "未命名指标"
        staff_value, unit = _staff_unit(abs(value) if kind in ("increment", "flow") else value, category,
                                        str(f.get("unit") or ""), figure)
        if lookup(unit) is None:
            skipped.append(f"{figure}（单位 {unit or '空'} 未收录）")
            continue
        qualifier = str(f.get("qualifier") or "eq")
        direction = "down" if value < 0 or qualifier in ("le", "lt") else "up"
        if value < 0:
            # A decrease of at least N (下降3%以上, value -3 ge) is a ceiling on the signed value.
            qualifier = {"ge": "le", "gt": "lt"}.get(qualifier, qualifier)
        named = f.get("region")
        place = str(named) if _present(named) else (region or "未注明地区")
        deadline = f.get("deadline")
        due = int(deadline) if _present(deadline) else None
        goal = CommentedMap(value=staff_value)
        if _present(f.get("value_max")):
            goal["value_max"] = _tidy(float(f["value_max"]) / (lookup(unit).scale if category in ("money", "count", "other") else 1))
        if due is not None:
            goal["due"] = due
        base_id = ID_UNSAFE.sub("-", f"{place}-{indicator}-{due or ('每年' if kind == 'flow' else '未定')}")
        entry_id, n = base_id, 2
        while entry_id in used:
            entry_id, n = f"{base_id}-{n}", n + 1
        used.add(entry_id)
        source = CommentedMap(doc=doc or str(f.get("doc") or "未注明"))
        if date is not None:
            source["date"] = date
        source["quote"] = _clause(sentence, figure, text, f.get("start"), f.get("end"))
        entry = CommentedMap()
        entry.update(id=entry_id, region=place, indicator=indicator, unit=unit, type=kind,
                     direction=direction, qualifier=qualifier, target=goal, source=source)
        entry["progress"] = CommentedSeq()
        out.append(entry)
    result = _Entries(out)
    result.skipped = skipped
    return result


class _Entries(list):
    """A list of entries that also says which figures were left out and why."""

    skipped: list[str]


def _yaml() -> YAML:
    """ruamel.yaml set up like targets.yaml: two-space maps, list items at two spaces."""
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096
    y.representer.ignore_aliases = lambda *args: True   # one date shared by entries: no &id001
    return y


def _flow(entry: dict) -> dict:
    for key in ("target", "baseline"):
        if key in entry and hasattr(entry[key], "fa"):
            entry[key].fa.set_flow_style()
    return entry


def to_yaml(entries: list[dict]) -> str:
    """The entries as a targets.yaml fragment (a ``targets:`` list) that passes the check."""
    seq = CommentedSeq(_flow(e) for e in entries)
    buffer = io.StringIO()
    _yaml().dump(CommentedMap(targets=seq), buffer)
    return HEADER + buffer.getvalue()


def append(path: Path, new: list[dict]) -> str:
    """Add entries to a targets.yaml, keeping its comments and layout; atomic, with a backup.
    Returns a message for the user; raises ValueError with a Chinese message on refusal."""
    import tracker

    try:
        original = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValueError(f"找不到 {path}；请先复制仓库自带的 targets.yaml") from None
    y = _yaml()
    try:
        data = y.load(original)
    except Exception as err:  # ruamel raises many error types; all mean the file is unreadable
        raise ValueError(f"{path} 无法解析（{type(err).__name__}）；请先运行 python -m tracker check {path} 修正") from None
    if not isinstance(data, dict) or not isinstance(data.get("targets"), list):
        raise ValueError(f"{path} 中没有 targets: 列表")
    existing = {e.get("id") for e in data["targets"] if isinstance(e, dict)}
    clash = [e["id"] for e in new if e["id"] in existing]
    if clash:
        raise ValueError(f"{path} 已有这些编号，未做任何修改：{'、'.join(map(str, clash))}；请改用新的编号")
    for entry in new:
        data["targets"].append(_flow(entry))
    buffer = io.StringIO()
    y.dump(data, buffer)
    text = buffer.getvalue()
    ids = {e["id"] for e in new}
    book = tracker.load(text)
    bad = [str(p) for p in book.problems if p.target_id in ids]
    if bad:
        raise ValueError("新条目未通过检查，未做任何修改：\n" + "\n".join(bad))
    shutil.copy2(path, path.with_name(path.name + ".bak"))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return f"已向 {path} 添加 {len(new)} 个目标（原文件备份为 {path.name}.bak）"


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期无效：{text}；应为 YYYY-MM-DD，如 2024-02-17") from None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m extract suggest",
        description="为文件中的每个目标类数字生成可粘贴进 targets.yaml 的条目")
    parser.add_argument("doc", help="文件（.txt/.html；- 为标准输入）")
    parser.add_argument("--region", help="文中未写明地区时使用的地区，如 昆山市")
    parser.add_argument("--date", type=_date, help="文件日期 YYYY-MM-DD（文中没有时用于推算“用3年时间”等期限）")
    parser.add_argument("--append", metavar="TARGETS_YAML", type=Path, help="直接追加到该文件（保留注释，先备份为 .bak）")
    args = parser.parse_args(argv)

    from . import ReadError, figures, read_text

    try:
        text = read_text(args.doc)
    except ReadError as err:
        print(err, file=sys.stderr)
        return 1
    date = args.date
    if date is None:
        try:
            from .engine import document_date
            date = document_date(text)
        except ImportError:
            date = None
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
    except ValueError as err:
        print(err, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
