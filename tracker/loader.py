"""Load and check targets.yaml: tidy tables of targets and observations, and a list of problems.

Only safe loading: the file is *composed* (``yaml.compose`` with the safe loader), which
keeps each node's line and column and lets duplicate keys be seen instead of silently
overwritten; scalars are then built by the safe constructor. One bad entry never hides
the good ones: a problem drops only the entry (or the observation) it is in, and a YAML
syntax error inside one entry costs only that entry.
"""
from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import difflib
import functools
import gc
import os
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from . import cache, schema
from .units import MAGNITUDES, UNITS, add_as_written, format_number, format_value, lookup

__all__ = ["Problem", "Book", "load", "TARGET_COLUMNS", "OBSERVATION_COLUMNS"]

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the safe loader, with libyaml's parser when present
_STR, _NULL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null"
_DEFAULT_TAGS = {yaml.ScalarNode: _STR, yaml.SequenceNode: "tag:yaml.org,2002:seq", yaml.MappingNode: "tag:yaml.org,2002:map"}


class _Loader(_Base):
    """The safe loader, composing only: implicit types of plain scalars are resolved later,
    and only for the values the checks read (keys never need it), with a cache, because
    resolving every scalar up front is most of the time of composing a large file."""

    def resolve(self, kind, value, implicit):
        return _DEFAULT_TAGS[kind]

    # No path-dependent resolvers are registered, so the bookkeeping of the path is skipped:
    # it is called for every node and cost a tenth of the load of a large file.
    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass


_RESOLVER = yaml.resolver.Resolver()
# Plain numbers written the ordinary way, which the safe loader reads as int or float exactly
# as Python does (no 0x, octal 007, 1_000, 1:30 or .inf: those take the resolver).
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?\Z")
_PLAIN_TAGS: dict[str, str] = {}


def _plain_tag(value: str) -> str:
    """The tag the safe loader gives a plain scalar (int, float, bool, null, timestamp, str)."""
    tag = _PLAIN_TAGS.get(value)
    if tag is None:
        tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
        if len(_PLAIN_TAGS) < 50_000:
            _PLAIN_TAGS[value] = tag
    return tag

TARGET_COLUMNS = [
    "id", "name", "region", "indicator", "unit", "category", "scale", "direction", "qualifier", "type",
    "baseline", "baseline_date", "target", "target_stated", "target_max", "due", "department",
    "tags", "source_doc", "source_date", "source_quote", "source_url", "note", "line",
    "baseline_base", "target_base",
]
OBSERVATION_COLUMNS = ["target_id", "date", "value", "value_base", "period", "source", "url", "note", "line"]

_ID = re.compile(r"^[^\s/:]+$")
_INVISIBLE = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]")
_DATE = re.compile(r"^(?P<y>\d{4})(?:\s*[-/.年]\s*(?P<m>\d{1,2})(?:\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?)?\s*月?)?\s*年?$")
_MIN_YEAR, _MAX_YEAR = 1949, 2100


ERROR, WARNING = "error", "warning"
WARNING_MARK = "警告："


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the file, located by line and column (1-based).

    ``severity`` is ``error`` (the entry, or the observation, cannot be used and is left
    out) or ``warning`` (it is used, but looks wrong); a warning's text starts 警告：."""

    file: str
    line: int
    col: int
    target_id: str
    field: str
    message: str
    severity: str = ERROR

    @property
    def is_warning(self) -> bool:
        return self.severity == WARNING

    def __str__(self) -> str:
        mark = WARNING_MARK if self.severity == WARNING else ""
        return f"{self.file}:{self.line}:{self.col}: {self.target_id}/{self.field}: {mark}{self.message}"


@dataclass
class Book:
    """What a targets.yaml holds: valid targets, their observations, problems, settings."""

    path: str
    targets: pd.DataFrame
    observations: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    settings: dict = field(default_factory=lambda: dict(schema.SETTINGS))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.is_warning]


class _Bad(Exception):
    """A field's value is unusable; carries the node it was found at and the message."""

    def __init__(self, node, message: str):
        super().__init__(message)
        self.node, self.message = node, message


class _Reader:
    """Walks the composed node tree of one file, collecting rows and problems."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        # (date in ns, line, column, target id, index) of every observation read: the dates
        # after the assessment date are warned about once it is known (_future_dates).
        self.dated: list[tuple] = []
        self.constructor = yaml.constructor.SafeConstructor()

    # -- problems --------------------------------------------------------------------------
    def problem(self, node, target_id, fld, message, severity: str = ERROR) -> None:
        mark = getattr(node, "start_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        self.problems.append(Problem(self.file, line, col, target_id or "-", fld or "-", message, severity))

    def warn(self, node, target_id, fld, message) -> None:
        self.problem(node, target_id, fld, message, WARNING)

    # -- scalars ---------------------------------------------------------------------------
    def scalar(self, node):
        if not isinstance(node, yaml.ScalarNode):
            kind = "列表" if isinstance(node, yaml.SequenceNode) else "键值表"
            raise _Bad(node, f"应为单个值，这里是{kind}")
        tag = node.tag
        if tag == _STR:
            if node.style:
                return node.value                  # quoted or block text is always text
                                                   # (plain style is None, or '' from libyaml)
            value = node.value
            if _DECIMAL.match(value):              # 5000, -3.5, 0.95: no resolver, no constructor
                return float(value) if "." in value else int(value)
            tag = _plain_tag(value)
            if tag == _STR:
                return value
        try:
            build = self.constructor.yaml_constructors.get(tag)
            if build is None:
                raise yaml.constructor.ConstructorError(None, None, f"unknown tag {tag}", node.start_mark)
            return build(self.constructor, node)
        except (ValueError, yaml.YAMLError, OverflowError):
            if tag.endswith(":timestamp"):
                raise _Bad(node, f"日期不存在：{node.value}；请写成有效的 年-月-日，如 2024-02-17") from None
            raise _Bad(node, f"无法读取的值：{node.value}") from None

    def text(self, node, what: str, required: bool = True) -> str:
        if node.__class__ is yaml.ScalarNode and node.tag == _STR:
            # Fast path for the common case, text that is text (quoted, or plain and not a number).
            raw = node.value
            if node.style or _PLAIN_TAGS.get(raw) == _STR:
                raw = raw.strip()
                if raw:
                    return raw
        value = self.scalar(node)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                raise _Bad(node, f"{what}不能为空")
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise _Bad(node, f"{what}应为文字，这里是 {node.value}")
        return str(value).strip()

    def number(self, node, what: str, unit: str | None = None, where: tuple[str, str] | None = None) -> float:
        """A number. ``unit`` (the entry's unit) lets a value written with its unit or in words
        (6000亿元, 三万亿) be shown the right way; ``where`` (id, field) is where a quoted
        number ("3", read as 3) is reported as a warning."""
        value = self.scalar(node)
        if isinstance(value, str) and node.style in ("'", '"') and _DECIMAL.match(value.strip()):
            number = float(value.strip())
            if where is not None:
                self.warn(node, *where, f"{what}加了引号（{node.style}{value}{node.style}），已按数字 {format_number(number, 6)} 读取；"
                                        f"数值请不加引号，写 {value.strip()}")
            value = number
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            hint = (_number_hint(str(value), unit) or _qualified_hint(str(value), unit, what.startswith("进展"))) \
                if isinstance(value, str) else None
            if hint:
                raise _Bad(node, f"{what}应为不带单位的数字，这里是 {value}；{hint}")
            raise _Bad(node, f"{what}应为数字（如 6000 或 76.3），这里是 {node.value!r}")
        if not math.isfinite(value):
            raise _Bad(node, f"{what}应为有限的数字，这里是 {node.value}")
        return float(value)

    def date(self, node, what: str) -> pd.Timestamp:
        """A year, year-month or full date; periods resolve to their last day (2023 -> 2023-12-31)."""
        value = self.scalar(node)
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            parsed = _date_parts(value.year, value.month, value.day)
        elif isinstance(value, (int, str)) and not isinstance(value, bool):
            parsed = _parse_date(str(value).strip())
        else:
            parsed = None
        if parsed is None:
            hint = _date_hint(str(node.value)) if isinstance(node, yaml.ScalarNode) else None
            raise _Bad(node, f"{what}应为年份、年月或日期，如 2026、2023-09 或 2024-02-17，这里是 {node.value!r}"
                             + (f"；请写 {hint}" if hint else ""))
        if isinstance(parsed, str):
            raise _Bad(node, f"{what}{parsed.format(node.value)}")
        return parsed

    # -- mappings --------------------------------------------------------------------------
    def mapping(self, node, fields: dict, target_id: str, where: str) -> dict | None:
        """Keys of a mapping node -> (key node, value node); reports duplicates and unknown keys.

        Returns None when the node is not a mapping, or a key repeats (which value is meant is
        then unknown, so the entry is not used)."""
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, target_id, where, f"{where or '此处'}应为键值表（字段: 值），这里是 {_describe(node)}")
            return None
        out: dict = {}
        ok = True
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            name = f"{where}.{key}" if where else key
            if key in out:
                first = out[key][0].start_mark.line + 1
                self.problem(key_node, target_id, name, f"重复的字段 {key}（第 {first} 行已有）；每个字段只能写一次")
                ok = False
                continue
            if key not in fields and out and _split_by_comma(key_node, value_node):
                # {value: 5,250} reads as value 5 and a field "250" with no value: the comma cut
                # the value before it in two. A cut number or date is not used at all.
                prev = next(reversed(out))
                prev_node = out[prev][1]
                gap = key_node.start_mark.column - prev_node.end_mark.column \
                    if key_node.start_mark.line == prev_node.end_mark.line else 1
                joined = f"{getattr(prev_node, 'value', '')},{' ' * max(gap - 1, 0)}{key}"     # as typed
                label = f"{where}.{prev}" if where else prev
                if prev in _NUMBER_KEYS:
                    hint = _number_hint(joined, None) or "数字不加千位逗号"
                    self.problem(prev_node, target_id, label,
                                 f"{prev} 写成了 {joined}：花括号里的逗号把它分成了两项（读成 {prev_node.value} 和 {key}）；{hint}")
                    ok = False
                else:
                    self.problem(prev_node, target_id, label,
                                 f"{prev} 的值里有半角逗号，花括号里的逗号把它分成了两项；请给值加引号，写成 {prev}: '{joined}'，"
                                 f"或改用全角逗号“，”")
                continue
            if key not in fields:
                meant = schema.FIELD_WORDS.get(str(key).strip().lower())
                close = [meant] if meant in fields else difflib.get_close_matches(key, list(fields), n=1, cutoff=0.6)
                hint = f"，是否应为 {close[0]}？" if close else "。"
                if meant in fields:
                    hint += "字段名请用英文。"
                self.problem(key_node, target_id, name,
                             f"未知字段 {key}{hint}可用字段：{'、'.join(fields)}")
                continue
            out[key] = (key_node, value_node)
        return out if ok else None

    # -- the file --------------------------------------------------------------------------
    def top_level(self, root, need_targets: bool):
        """(settings node, entry nodes) of the file. A repeated `targets:` block is reported
        and its entries are still read, so that nothing pasted in is lost."""
        if not isinstance(root, yaml.MappingNode):
            if need_targets or not _is_null(root):
                self.problem(root, "-", "-", f"文件顶层应为键值表（settings: 与 targets:），这里是 {_describe(root)}")
            return None, []
        settings_node, entries, seen = None, None, {}
        for key_node, value_node in root.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            if key in seen:
                also = "两处的目标都已读入，请合并为一个 targets: 列表" if key == "targets" else "只用第一处"
                self.problem(key_node, "-", key, f"重复的字段 {key}（第 {seen[key]} 行已有）；{also}")
                if key != "targets":
                    continue
            seen.setdefault(key, key_node.start_mark.line + 1)
            if key not in schema.TOP_FIELDS:
                close = difflib.get_close_matches(key, list(schema.TOP_FIELDS), n=1, cutoff=0.6)
                hint = f"，是否应为 {close[0]}？" if close else "。"
                self.problem(key_node, "-", key, f"未知字段 {key}{hint}可用字段：{'、'.join(schema.TOP_FIELDS)}")
            elif key == "settings":
                settings_node = value_node
            elif isinstance(value_node, yaml.SequenceNode):
                entries = (entries or []) + value_node.value
            else:
                if not _is_null(value_node):
                    self.problem(value_node, "-", "targets", "targets 应为列表，每个目标以“- id:”开头")
                entries = entries or []
        if entries is None and need_targets:
            self.problem(root, "-", "targets", "缺少 targets:（目标列表）；请参照文件开头的示例")
        return settings_node, entries or []

    def read_settings(self, node) -> dict:
        settings = dict(schema.SETTINGS)
        if node is None or _is_null(node):
            return settings
        fields = self.mapping(node, schema.SETTINGS, "settings", "") or {}
        for key, (_, value_node) in fields.items():
            if key in schema.SWITCHES:
                try:
                    value = self.scalar(value_node)
                except _Bad:
                    value = None
                if isinstance(value, bool):
                    settings[key] = value
                else:
                    default = str(schema.SETTINGS[key]).lower()
                    self.problem(value_node, "settings", key,
                                 f"{key} 应为 true 或 false（默认 {default}），这里是 {value_node.value if isinstance(value_node, yaml.ScalarNode) else _describe(value_node)}")
                continue
            try:
                value = self.number(value_node, key, None, ("settings", key))
            except _Bad as bad:
                self.problem(bad.node, "settings", key, bad.message)
                continue
            low, high, whole = schema.SETTING_RANGES[key]
            if not low <= value <= high or (whole and not value.is_integer()):
                kind = "整数" if whole else "数"
                self.problem(value_node, "settings", key,
                             f"{key} 应为 {low} 到 {high} 之间的{kind}（默认 {schema.SETTINGS[key]}），这里是 {format_number(value, 6)}")
                continue
            settings[key] = int(value) if whole else value
        if settings["accelerate"] >= settings["on_track"]:
            self.problem(node, "settings", "accelerate",
                         f"accelerate（{settings['accelerate']}）应小于 on_track（{settings['on_track']}）；已改用默认值")
            settings.update(on_track=schema.SETTINGS["on_track"], accelerate=schema.SETTINGS["accelerate"])
        return settings

    def read_target(self, node, index: int):
        """One target entry -> (row dict, observation rows) or None when it is unusable."""
        tid = _peek_id(node) or f"第{index + 1}项"
        fields = self.mapping(node, schema.TARGET_FIELDS, tid, "")
        if fields is None:
            return None
        before = len(self.problems)
        for name in schema.REQUIRED:
            if name not in fields and not (name == "target" and _peek_type(fields) == "rate"):
                self.problem(node, tid, name, f"缺少必填字段 {name}（{schema.TARGET_FIELDS[name]}）")
        row = dict.fromkeys(TARGET_COLUMNS)
        row.update(line=node.start_mark.line + 1, tags=[], department="", note="",
                   direction="up", qualifier="eq", type="level")

        def get(name, reader):
            if name not in fields:
                return None
            try:
                return reader(fields[name][1])
            except _Bad as bad:
                self.problem(bad.node, tid, name, bad.message)
                return None

        row["id"] = get("id", lambda n: self._id(n))
        row["region"] = get("region", lambda n: self.text(n, "地区"))
        row["indicator"] = get("indicator", lambda n: self.text(n, "指标名称"))
        row["name"] = get("name", lambda n: self.text(n, "名称", required=False)) or ""
        row["department"] = get("department", lambda n: self.text(n, "责任部门", required=False)) or ""
        row["note"] = get("note", lambda n: self.text(n, "备注", required=False)) or ""
        row["tags"] = get("tags", lambda n: self._tags(n, tid)) or []
        unit = get("unit", lambda n: self._unit(n))
        if unit:
            row["unit"], known = unit
            row.update(category=known.category, scale=known.scale)
        for name, table, what in (("type", schema.TYPES, "目标类型"), ("direction", schema.DIRECTIONS, "方向"),
                                  ("qualifier", schema.QUALIFIERS, "限定词")):
            code = get(name, lambda n, table=table, what=what: self._word(n, table, what))
            if code:
                row[name] = code
        if "baseline" in fields:
            self._baseline(fields["baseline"][1], tid, row)
        if "target" in fields:
            self._goal(fields["target"][1], tid, row)
        if "source" in fields:
            self._source(fields["source"][1], tid, row)
        if not any(not p.is_warning for p in self.problems[before:]):
            self._cross_checks(node, fields, tid, row)
        observations = []
        if "progress" in fields:
            observations = self._progress(fields["progress"][1], row["id"] or tid, row)
        # Observation-level errors (an unreadable point) cost only the point, and warnings
        # cost nothing; any other error makes the target unusable.
        if any(not p.is_warning and not p.field.startswith("progress") for p in self.problems[before:]):
            return None
        _derive(row)
        if not row["name"]:
            row["name"] = f"{row['region']}·{row['indicator']}"
        self._unit_slips(fields, tid, row, observations)
        return row, observations

    def _id(self, node) -> str:
        value = self.text(node, "编号")
        if hidden := _INVISIBLE.search(value):
            raise _Bad(node, f"编号含看不见的字符 U+{ord(hidden[0]):04X}，多半是从微信或网页复制带来的；"
                             f"请删去它，写成 {_INVISIBLE.sub('', value)}")
        if not _ID.match(value):
            raise _Bad(node, f"编号不能含空格、/ 或 :，这里是 {value!r}；可用如 ks-gdp-2026")
        return value

    def _tags(self, node, tid: str = "-") -> list[str]:
        if isinstance(node, yaml.ScalarNode):
            value = self.scalar(node)
            return [] if value is None else [str(value)]
        if not isinstance(node, yaml.SequenceNode):
            raise _Bad(node, "标签应为列表，如 [\"12345\", 新型工业化]")
        tags = [self.text(item, "标签") for item in node.value]
        bare = [re.sub(r"^[“”‘’]+|[“”‘’]+$", "", tag) or tag for tag in tags]
        if bare != tags:      # [“12345”]: Chinese quotes are text to YAML, not quotes
            shown = ", ".join(f'"{b}"' for b in bare)
            self.warn(node, tid, "tags", f"标签用了中文引号（{'、'.join(t for t, b in zip(tags, bare) if t != b)}），"
                                         f"已按 {'、'.join(bare)} 读取；请改用英文引号，写成 [{shown}]")
        return bare

    def _unit(self, node):
        value = self.text(node, "单位")
        known = lookup(value)
        if known is None:
            close = difflib.get_close_matches(value, list(UNITS), n=3, cutoff=0.5)
            if value + "元" in UNITS:                       # 亿 for 亿元, 万 for 万元
                close = [value + "元"] + [c for c in close if c != value + "元"][:2]
            hint = f"，是否应为 {'、'.join(close)}？" if close else "。"
            raise _Bad(node, f"未知单位 {value}{hint}可用单位如 元、万元、亿元、万亿元、家、个、项、%、个百分点、倍、吨")
        return value.replace(" ", ""), known

    def _word(self, node, table: dict, what: str) -> str:
        value = self.text(node, what)
        if value not in table:
            codes = sorted(set(table.values()), key=list(table.values()).index)
            raise _Bad(node, f"未知{what} {value}；应为 {'、'.join(codes)} 之一（也可写 {'、'.join(k for k in table if k not in codes)}）")
        return table[value]

    def _baseline(self, node, tid, row) -> None:
        fields = self.mapping(node, schema.BASELINE_FIELDS, tid, "baseline")
        if fields is None:
            return
        for name in ("value", "date"):
            if name not in fields:
                self.problem(node, tid, f"baseline.{name}", f"基期缺少 {name}（{schema.BASELINE_FIELDS[name]}）")
        try:
            if "value" in fields:
                row["baseline"] = self.number(fields["value"][1], "基期值", row["unit"], (tid, "baseline.value"))
            if "date" in fields:
                row["baseline_date"] = self.date(fields["date"][1], "基期日期")
        except _Bad as bad:
            self.problem(bad.node, tid, "baseline", bad.message)

    def _goal(self, node, tid, row) -> None:
        fields = self.mapping(node, schema.GOAL_FIELDS, tid, "target")
        if fields is None:
            return
        if "value" not in fields:
            self.problem(node, tid, "target.value", "目标缺少 value（目标值）")
        for name, reader in (("value", lambda n: self.number(n, "目标值", row["unit"], (tid, "target.value"))),
                             ("value_max", lambda n: self.number(n, "区间上限", row["unit"], (tid, "target.value_max"))),
                             ("due", lambda n: self.date(n, "期限"))):
            if name in fields:
                try:
                    row[{"value": "target_stated", "value_max": "target_max"}.get(name, name)] = reader(fields[name][1])
                except _Bad as bad:
                    self.problem(bad.node, tid, f"target.{name}", bad.message)

    def _source(self, node, tid, row) -> None:
        fields = self.mapping(node, schema.SOURCE_FIELDS, tid, "source")
        if fields is None:
            return
        if "doc" not in fields:
            self.problem(node, tid, "source.doc", "出处缺少 doc（文件名或标题）")
        try:
            for name in ("doc", "quote", "url"):
                if name in fields:
                    row[f"source_{name}"] = self.text(fields[name][1], schema.SOURCE_FIELDS[name], required=name == "doc")
            if "date" in fields:
                row["source_date"] = self.date(fields["date"][1], "发布日期")
        except _Bad as bad:
            self.problem(bad.node, tid, "source", bad.message)
        url = row.get("source_url")
        if url and not re.match(r"^https?://", url):
            self.problem(fields["url"][1], tid, "source.url", f"网址应以 http:// 或 https:// 开头，这里是 {url}")

    def _progress(self, node, tid, row) -> list[dict]:
        if _is_null(node):
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, tid, "progress", "进展应为列表，每项含 date、value、source")
            return []
        known, unit, scalar_node = schema.OBSERVATION_FIELDS, row["unit"], yaml.ScalarNode
        out, last, seen = [], None, {}
        for i, item in enumerate(node.value):
            # Fast path: a mapping of known, distinct keys (nearly every observation); anything
            # else takes self.mapping, which reports what is wrong.
            fields = None
            if item.__class__ is yaml.MappingNode:
                fields = {}
                for key_node, value_node in item.value:
                    key = key_node.value if key_node.__class__ is scalar_node else None
                    if key not in known or key in fields:
                        fields = None
                        break
                    fields[key] = value_node
            if fields is None:
                checked = self.mapping(item, known, tid, f"progress[{i + 1}]")
                if checked is None:
                    continue
                fields = {k: v for k, (_, v) in checked.items()}
            if "date" not in fields or "value" not in fields:
                for name in ("date", "value"):
                    if name not in fields:
                        self.problem(item, tid, f"progress[{i + 1}].{name}", f"进展缺少 {name}（{known[name]}）")
                continue
            date_node, value_node = fields["date"], fields["value"]
            texts = ["", "", "", ""]
            try:
                date = _parse_date(date_node.value) if date_node.__class__ is scalar_node and not date_node.style else None
                if date.__class__ is not pd.Timestamp:
                    date = self.date(date_node, "进展日期")
                raw = value_node.value if value_node.__class__ is scalar_node and not value_node.style else ""
                value = float(raw) if _DECIMAL.match(raw) else \
                    self.number(value_node, "进展数值", unit, (tid, f"progress[{i + 1}].value"))
                for k, name in enumerate(_OBS_TEXTS):
                    text_node = fields.get(name)
                    if text_node is None:
                        continue
                    if text_node.__class__ is scalar_node and (text_node.style or _PLAIN_TAGS.get(text_node.value) == _STR):
                        texts[k] = text_node.value.strip()
                    else:
                        texts[k] = self.text(text_node, known[name], required=False)
            except _Bad as bad:
                name = next((k for k, v in fields.items() if v is bad.node), None)   # the field at fault
                self.problem(bad.node, tid, f"progress[{i + 1}]" + (f".{name}" if name else ""), bad.message)
                continue
            ns, line = date.value, item.start_mark.line + 1     # dates compared as integers: much faster
            if last is not None and ns < last:
                self.warn(date_node, tid, f"progress[{i + 1}].date",
                          f"进展应按日期先后排列：{date:%Y-%m-%d} 早于上一条的 {pd.Timestamp(last):%Y-%m-%d}")
            if ns in seen:
                self.warn(date_node, tid, f"progress[{i + 1}].date",
                          f"同一日期 {date:%Y-%m-%d} 有两条进展（第 {seen[ns]} 行已有）；请删去重复或改正日期")
            else:
                seen[ns] = line
            mark = date_node.start_mark
            self.dated.append((ns, mark.line + 1, mark.column + 1, tid, i))
            if last is None or ns > last:
                last = ns
            out.append((ns, tid, date, value, *texts, line, value_node, i))
        out.sort(key=_first)
        return out

    def _cross_checks(self, node, fields, tid, row) -> None:
        """Checks between fields: type vs unit, target vs baseline, direction, dates."""
        kind, direction, qualifier = row["type"], row["direction"], row["qualifier"]

        def at(name):
            return fields[name][1] if name in fields else node

        if row["category"] not in schema.TYPE_UNITS[kind]:
            allowed = "、".join(schema.TYPE_UNITS[kind])
            self.problem(at("unit"), tid, "unit", f"{schema.TYPE_MEANING[kind]}类目标的单位应属于 {allowed}，这里是 {row['unit']}")
        base, goal = row["baseline"], row["target_stated"]
        if kind == "increment":
            if goal is not None and goal <= 0:
                self.problem(at("target"), tid, "target.value",
                             f"新增量应为正数，这里是 {goal:g}；减少的目标请写正数并设 direction: down")
        elif goal is not None and base is not None and kind != "flow" and _reached(base, goal, direction, qualifier):
            unit = row["unit"]
            if goal == base:
                hint = "目标应不同于基期"
            elif direction == "up":
                hint = "若该指标应下降，请写 direction: down"
            else:
                hint = "若该指标应上升，请写 direction: up"
            self.warn(at("target"), tid, "target.value",
                      f"目标 {format_value(goal, unit)} 在基期（{format_value(base, unit)}）已经达到；{hint}")
        if direction == "up" and qualifier in ("le", "lt"):
            self.problem(at("qualifier"), tid, "qualifier", f"限定词 {qualifier}（不超过/低于）是上限，与 direction: up 矛盾；请写 direction: down")
        if direction == "down" and qualifier in ("ge", "gt"):
            self.problem(at("qualifier"), tid, "qualifier", f"限定词 {qualifier}（突破/超过）是下限，与 direction: down 矛盾；请写 direction: up")
        if row["target_max"] is not None and goal is not None and row["target_max"] <= goal:
            self.problem(at("target"), tid, "target.value_max", f"区间上限 {row['target_max']:g} 应大于目标值 {goal:g}")
        if row["due"] is not None and row["baseline_date"] is not None and row["due"] <= row["baseline_date"]:
            self.warn(at("target"), tid, "target.due",
                      f"期限 {row['due']:%Y-%m-%d} 应晚于基期 {row['baseline_date']:%Y-%m-%d}；按完成比例判断进度")

    def _unit_slips(self, fields, tid, row, observations) -> None:
        """Values 20 times their reference or more, or a twentieth or less, are probably in
        the wrong unit. The reference is the baseline, else the latest observation."""
        if row["type"] not in schema.AMOUNT_TYPES:
            return
        factor, unit = schema.UNIT_SLIP_FACTOR, row["unit"]
        if row["baseline"] is not None:
            reference, what = row["baseline"], "基期值"
        elif observations:
            latest = observations[-1]                  # sorted by date
            reference, what = latest[3], f"最新进展（{latest[2]:%Y-%m-%d}）"
        else:
            return
        if not reference > 0:
            return
        low, high = reference / factor, reference * factor
        checks = []
        if row["target"] is not None and "target" in fields:
            checks.append((fields["target"][1], "target.value", "目标值", row["target"]))
        checks += [(o, "", "", o[3]) for o in observations if not low < o[3] < high]
        for where, fld, name, value in checks:
            if value is reference or not value > 0:
                continue
            if isinstance(where, tuple):      # an observation: named only once it is flagged
                where, fld, name = where[9], f"progress[{where[10] + 1}].value", f"进展 {where[2]:%Y-%m-%d} 的数值"
            ratio = value / reference
            if ratio >= factor:
                times = f"{format_number(ratio, 0 if ratio >= 100 else 1)} 倍"
            elif ratio <= 1 / factor:
                times = f"1/{format_number(1 / ratio, 0 if ratio <= 0.01 else 1)}"
            else:
                continue
            self.warn(where, tid, fld, f"单位可能写错：{name} {format_number(value, 6)}{unit} 是{what} "
                                      f"{format_number(reference, 6)}{unit} 的 {times}；请核对数值与单位（unit: {unit}）")


_DATES: dict = {}


@functools.lru_cache(maxsize=4096)
def _date_parts(y: int, m: int, d: int | None):
    """A Timestamp, or a message template ({} is the value as written) saying what is wrong."""
    if not _MIN_YEAR <= y <= _MAX_YEAR:
        return f"的年份 {y} 不合理；应在 {_MIN_YEAR} 到 {_MAX_YEAR} 之间"
    if not 1 <= m <= 12:
        return "的月份不存在：{}；月份应为 1 到 12"
    last = calendar.monthrange(y, m)[1]
    d = last if d is None else d
    if not 1 <= d <= last:
        return f"不存在：{{}}；{y}年{m}月只有 {last} 天"
    return pd.Timestamp(year=y, month=m, day=d)


def _parse_date(text: str):
    """'2023' / '2023-09' / '2023年9月' / '2024-02-17' -> Timestamp at the end of the period,
    a message template, or None when it is not a date at all. Cached: dates repeat."""
    if text in _DATES:
        return _DATES[text]
    match = _DATE.match(text)
    if not match:
        result = None
    else:
        result = _date_parts(int(match["y"]), int(match["m"]) if match["m"] else 12,
                             int(match["d"]) if match["d"] else None)
    if len(_DATES) < 10_000:
        _DATES[text] = result
    return result


_SUFFIXES: list[str] = []


def _number_hint(text: str, unit: str | None) -> str | None:
    """How to write a number typed with its unit, a magnitude or in words, or None when the
    text is not such a number: ('三万亿', '亿元') -> '请写 3，单位写 万亿元（或按本条的单位 亿元 写 30000）'."""
    from extract.numbers import parse_number      # only on this error path: the extractor's parser

    if not _SUFFIXES:
        _SUFFIXES.extend(sorted({*UNITS, *(m for m in MAGNITUDES if m)}, key=len, reverse=True) + [""])
    raw = re.sub(r"\s+", "", text)
    known = lookup(unit) if unit else None
    for suffix in _SUFFIXES:
        if not raw.endswith(suffix) or len(raw) == len(suffix):
            continue
        value = parse_number(raw[: len(raw) - len(suffix)])
        if value is None:
            continue
        written = suffix if suffix in UNITS else (suffix + (known.base if known else "元")) if suffix else unit
        same = lookup(written) if written else None
        if not suffix:
            return f"请写 {format_number(value, 6)}（数字不加千位逗号、不用汉字）"
        if written == unit or (same and known and same == known):
            return f"请写 {format_number(value, 6)}（单位已在 unit 字段）"
        hint = f"请写 {format_number(value, 6)}，单位写 {written}"
        if same and known and same.base == known.base and same.category == known.category:
            hint += f"（或按本条的单位 {unit} 写 {format_number(value * same.scale / known.scale, 6)}）"
        return hint
    return None


# 约11.5%, 5.5%左右, 百分之五, 超5万亿: a number with a qualifier word and a percent sign.
_QUALIFIED = re.compile(r"(?P<pre>大约|约|近|超过|超|突破|不低于|不少于|至少|达到|达)?(?P<pct>百分之)?(?P<core>.+?)"
                        r"(?P<sign>[%％])?(?P<post>左右|以上|以内|以下|多|余)?")
_QUALIFIER_WORDS = {**schema.QUALIFIERS, "大约": "approx", "不少于": "ge"}


def _qualified_hint(text: str, unit: str | None, observation: bool) -> str | None:
    """How to write a number that carries a qualifier word or a percent sign, or None:
    '5.5%左右' -> '请写 5.5，并写 qualifier: approx（“左右”是限定词）'."""
    from extract.numbers import parse_number

    match = _QUALIFIED.fullmatch(re.sub(r"\s+", "", text))
    if not match or not (match["pre"] or match["post"] or match["pct"]):
        return None
    core = match["core"]
    value = parse_number(core)
    if value is not None:
        hint = f"请写 {format_number(value, 6)}"
        if match["pct"] or match["sign"]:
            hint += "（% 已在 unit 字段）" if unit and unit.replace("％", "%") == "%" else "，单位写 '%'"
    else:
        hint = _number_hint(core + (match["sign"] or ""), unit)
        if hint is None:
            return None
    word = match["pre"] or match["post"]
    if word:
        if observation:
            hint += f"；“{word}”可写在 note 中"
        elif word in _QUALIFIER_WORDS:
            hint += f"；“{word}”是限定词，请写 qualifier: {_QUALIFIER_WORDS[word]}"
    return hint


_DASHES = str.maketrans({"—": "-", "–": "-", "－": "-", "‐": "-", "―": "-", "〇": "0", "○": "0", "零": "0", "一": "1",
                         "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"})


def _date_hint(text: str) -> str | None:
    """The date meant by a date typed another way, written as the file wants it, or None:
    '2025年底' -> '2025', '二〇二五年' -> '2025', '2025—12' -> '2025-12', '20251231' -> '2025-12-31'."""
    raw = unicodedata.normalize("NFKC", text).strip()
    if re.fullmatch(r"[〇○零一二三四五六七八九]{4}年?(?:[底末]|年[底末])?", raw):
        raw = raw.translate(_DASHES)
    raw = re.sub(r"(年)?[底末]$", "", raw.translate(str.maketrans({"—": "-", "–": "-", "－": "-", "‐": "-", "―": "-"})))
    if m := re.fullmatch(r"(\d{4})(\d{2})(\d{2})", raw):
        raw = "-".join(m.groups())
    match = _DATE.match(raw)
    if not match or not isinstance(_parse_date(raw), pd.Timestamp):
        return None
    if match["d"]:
        return f"{match['y']}-{int(match['m']):02d}-{int(match['d']):02d}"
    return f"{match['y']}-{int(match['m']):02d}" if match["m"] else match["y"]


def _reached(base: float, goal: float, direction: str, qualifier: str) -> bool:
    """Whether the baseline already meets the goal (超 and 低于 are strict)."""
    if direction == "down":
        return base < goal if qualifier == "lt" else base <= goal
    return base > goal if qualifier == "gt" else base >= goal


# An observation while reading: (date in ns, target id, date, value, period, source, url, note,
# line, value node, index in the list); the first ten after the ns are OBSERVATION_COLUMNS'
# order but for value_base, which is added when the table is built.
_OBS_TEXTS = ("period", "source", "url", "note")


def _first(obs: tuple):
    return obs[0]


def _future_dates(file: str, dated: list[tuple], today: pd.Timestamp) -> list[Problem]:
    """Warnings for observations dated after the assessment date."""
    limit = today.value
    return [Problem(file, line, col, tid, f"progress[{i + 1}].date",
                    f"进展日期 {pd.Timestamp(ns):%Y-%m-%d} 晚于评估日期 {today:%Y-%m-%d}；日期可能写错", WARNING)
            for ns, line, col, tid, i in dated if ns > limit]


# Fields whose value a comma inside braces can cut in two and that are then unusable.
_NUMBER_KEYS = ("value", "value_max", "date", "due")


def _split_by_comma(key_node, value_node) -> bool:
    """Whether a key in braces is the piece of the previous value after a comma: a plain key
    with no colon after it, so its (empty) value starts where the key ends."""
    return (isinstance(key_node, yaml.ScalarNode) and not key_node.style and isinstance(value_node, yaml.ScalarNode)
            and value_node.value == "" and not value_node.style
            and (value_node.start_mark.line, value_node.start_mark.column) == (key_node.end_mark.line, key_node.end_mark.column))


def _is_null(node) -> bool:
    return isinstance(node, yaml.ScalarNode) and (
        node.tag == _NULL or (node.tag == _STR and not node.style and _plain_tag(node.value) == _NULL))


def _describe(node) -> str:
    if isinstance(node, yaml.ScalarNode):
        return repr(node.value) if node.value else "空值"
    return "列表" if isinstance(node, yaml.SequenceNode) else "键值表"


def _peek_id(node) -> str | None:
    """The id of an entry, read early so that problems in other fields can name it."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if getattr(key, "value", None) == "id" and isinstance(value, yaml.ScalarNode) and value.value.strip():
                text = value.value.strip()
                return text if _ID.match(text) and not _INVISIBLE.search(text) else None
    return None


def _peek_type(fields: dict) -> str:
    node = fields.get("type", (None, None))[1]
    return schema.TYPES.get(getattr(node, "value", "level"), "level") if isinstance(node, yaml.ScalarNode) else "level"


def _derive(row: dict) -> None:
    """The level to reach and the values in base units, from what staff wrote."""
    stated, base = row["target_stated"], row["baseline"]
    if row["type"] == "increment" and stated is not None and base is not None:
        row["target"] = add_as_written(base, stated if row["direction"] == "up" else -stated)
    else:
        row["target"] = stated
    scale = row["scale"]
    row["baseline_base"] = None if base is None else base * scale
    row["target_base"] = None if row["target"] is None else row["target"] * scale


def _frames(rows: list[dict], observations: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    targets = pd.DataFrame(rows, columns=TARGET_COLUMNS)
    for col in ("baseline", "target", "target_stated", "target_max", "scale", "baseline_base", "target_base"):
        targets[col] = pd.to_numeric(targets[col], errors="coerce").astype("float64")
    for col in ("baseline_date", "due", "source_date"):
        targets[col] = pd.to_datetime(targets[col]).astype("datetime64[ns]")
    for col in ("source_doc", "source_quote", "source_url"):
        targets[col] = targets[col].fillna("")
    targets["line"] = targets["line"].astype("int64")
    columns = list(zip(*observations)) if observations else [()] * 11
    obs = pd.DataFrame({
        "target_id": pd.Series(columns[1], dtype=object),
        "date": pd.Series(np.array(columns[0], dtype="int64").view("datetime64[ns]")),
        "value": pd.Series(np.array(columns[3], dtype="float64")),
    })
    scale = dict(zip(targets["id"], targets["scale"]))
    obs["value_base"] = obs["value"] * obs["target_id"].map(scale).astype("float64")
    for k, name in enumerate(_OBS_TEXTS):
        obs[name] = pd.Series(columns[4 + k], dtype=object)
    obs["line"] = pd.Series(np.array(columns[8], dtype="int64"))
    return targets, obs[OBSERVATION_COLUMNS]


def _read_source(path_or_text) -> tuple[str, str | None, Problem | None]:
    """(file name for messages, text or None, problem or None). Never raises."""
    if isinstance(path_or_text, os.PathLike) or (
        isinstance(path_or_text, str) and "\n" not in path_or_text
        and (path_or_text.strip().endswith((".yaml", ".yml")) or os.path.isfile(path_or_text) or os.path.isdir(path_or_text))
    ):
        path = Path(path_or_text)
        name = str(path_or_text)
        if path.is_dir():
            return name, None, Problem(name, 1, 1, "-", "-", f"{path.resolve()} 是文件夹，不是文件；请写出文件名，如 targets.yaml")
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return name, None, Problem(name, 1, 1, "-", "-", f"找不到文件 {path.resolve()}；可复制仓库自带的 targets.yaml 作为起点")
        except OSError as err:
            return name, None, Problem(name, 1, 1, "-", "-", f"无法读取文件：{err.strerror or err}")
        try:
            return name, data.decode("utf-8-sig"), None
        except UnicodeDecodeError as err:
            line = data[: err.start].count(b"\n") + 1
            return name, None, Problem(name, line, 1, "-", "-", "文件不是 UTF-8 编码；请用 UTF-8 保存（记事本：另存为 → 编码选 UTF-8）")
    if isinstance(path_or_text, str):
        return "<text>", path_or_text, None
    return "<text>", None, Problem("<text>", 1, 1, "-", "-", f"应为文件路径或 YAML 文本，这里是 {type(path_or_text).__name__}")


# libyaml's words for a syntax error (a piece of its English text) -> what it means, in words
# staff read. The first that matches is used; the English follows in brackets.
SYNTAX_WORDS = (
    ("tab character", "这里有 Tab 字符；缩进只能用空格，请把 Tab 换成空格"),
    ("'\\t'", "这里有 Tab 字符；缩进只能用空格，请把 Tab 换成空格"),
    ("found unexpected end of stream", "引号没有配对：这里开始的引号没有闭合；请在本行补上结尾的引号"),
    ("mapping values are not allowed", "这一行的缩进与上一行不一致（或值里有“: ”）；同一层的字段应左对齐，值里有冒号时请给值加引号"),
    ("did not find expected key", "这一行的缩进不对；同一目标的字段应与 id 左对齐，每个目标以“- id:”开头"),
    ("did not find expected '-' indicator", "这一行的缩进不对；同一目标的字段应与 id 左对齐，每个目标以“- id:”开头"),
    ("expected <block end>", "这一行的缩进不对；同一目标的字段应与 id 左对齐，每个目标以“- id:”开头"),
    ("could not find expected ':'", "这一行不是“字段: 值”：缺少冒号，或冒号后缺少空格；多余的文字请删去，或在行首加 # 写成注释"),
    ("did not find expected ',' or '}'", "花括号 { 没有闭合，或两项之间缺少逗号"),
    ("did not find expected ',' or ']'", "方括号 [ 没有闭合，或两项之间缺少逗号"),
    ("found undefined alias", "这里的 * 被当作引用；值以 * 开头时请加引号"),
    ("found character that cannot start any token", "这里的字符（如 @、`、%）不能放在值的开头；请给值加引号"),
)
# libyaml contexts whose mark, not the problem's, is where the mistake began: the opening
# quote or bracket, the line that lacks its colon.
_BEGIN_CONTEXTS = ("quoted scalar", "simple key", "flow mapping", "flow sequence")
_ID_LINE = re.compile(r"""^\s*(?:-\s+)?(?:\{\s*)?id\s*[:：]\s*["']?([^\s,"'{}#]+)""")
_KEY_LINE = re.compile(r"^\s*(?:-\s+)?(?:\{\s*)?([A-Za-z_]\w*)\s*[:：]")


def _open_quote(text: str, before_line: int):
    """The quoted value that spans lines and starts before ``before_line`` (0-based), as
    (start mark, end line), or None: staff never mean a quote to run over lines, so such a
    value is an unclosed quote that a later quote happened to close."""
    found = None
    try:
        for token in yaml.scan(text, Loader=_Base):
            if token.start_mark.line > before_line:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"') \
                    and token.end_mark.line > token.start_mark.line:
                found = (token.start_mark, token.end_mark.line)
    except yaml.YAMLError:
        pass
    return found


def _enclosing(lines: list[str], index: int) -> tuple[str, str]:
    """(id of the target around line ``index``, key on that line) for naming a syntax error."""
    key = _KEY_LINE.match(lines[index]) if 0 <= index < len(lines) else None
    for i in range(min(index, len(lines) - 1), -1, -1):
        if (m := _ID_LINE.match(lines[i])) and _ID.match(m[1]):
            return m[1], key[1] if key else "yaml"
        if _TOP_KEY.match(lines[i]):
            break                                   # a top-level key: outside every target
    return "-", key[1] if key else "yaml"


# Characters a Chinese input method, Word or WeChat puts where YAML needs an ASCII one. Each is
# (pattern, group whose start is the column, message template); {fix} is the line rewritten.
_SPACES = {"\u3000": "全角空格（U+3000）", "\u00a0": "特殊空格（U+00A0，多半是从 Word 或网页复制带来的）"}
_WIDE = (
    (re.compile(r"^[ ]*([\u3000\u00a0])"), 1,
     "行首的缩进里有{space}；缩进只能用半角空格，请删去它，用半角空格与上下行对齐"),
    (re.compile(r"^\s*(?:-\s+)?[A-Za-z_]\w*\s*(：)"), 1,
     "这里的冒号是全角冒号“：”；字段名后应为半角冒号加空格，请写成“{fix}”"),
    (re.compile(r"^\s*(?:-\s+)?[A-Za-z_]\w*:([\u3000\u00a0])"), 1,
     "冒号后是{space}；请换成半角空格，写成“{fix}”"),
    (re.compile(r"\{[^}\n]*?(，)\s*[A-Za-z_]\w*\s*[:：]"), 1,
     "花括号里两项之间是全角逗号“，”；请改为半角逗号“,”，写成“{fix}”"),
    (re.compile(r"^\s*(?:-\s+|[A-Za-z_]\w*:\s+)?([｛［])"), 1,
     "这里用了全角花括号“｛ ｝”或方括号“［ ］”；请改为半角 {{ }} 或 [ ]，写成“{fix}”"),
    (re.compile(r"^\s*(＃)"), 1, "注释以全角“＃”开头；请改为半角 #，写成“{fix}”"),
)
_WIDE_FIX = str.maketrans({"，": ", ", "｛": "{", "｝": "}", "［": "[", "］": "]", "＃": "#", "\u3000": " ", "\u00a0": " "})


def _wide_character(lines: list[str], index: int, first: int):
    """(line index, column, message) of a full-width character that breaks the YAML at line
    ``index`` or up to three lines above it (not above ``first``), or None. Such a line often
    composes as a plain value, so the error YAML reports comes a line or two later."""
    for i in range(index, max(first, index - 3) - 1, -1):
        if not 0 <= i < len(lines):
            continue
        line = lines[i].rstrip("\r\n")
        for pattern, group, template in _WIDE:
            if m := pattern.search(line):
                char = m[group]
                fix = re.sub(r"：\s*", ": ", line.strip(" \u3000\u00a0"), count=1).translate(_WIDE_FIX)
                fix = re.sub(r"(\w):\s+", r"\1: ", fix, count=1)
                fix = re.sub(r", {2,}", ", ", fix)
                return i, m.start(group) + 1, template.format(space=_SPACES.get(char, ""), fix=fix)
    return None


def _syntax_problem(file: str, err: yaml.YAMLError, text: str, lines: list[str], offset: int = 0) -> Problem:
    """A syntax error in Chinese, placed where the mistake began, naming its target.
    ``text`` is what was composed, its line 0 being line ``offset`` of ``lines`` (the file)."""
    if isinstance(err, yaml.reader.ReaderError):      # a character YAML does not accept: no mark, a position
        return _character_problem(file, err, text, lines, offset)
    problem = getattr(err, "problem", None) or str(err).splitlines()[0]
    context = getattr(err, "context", None) or ""
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    if getattr(err, "context_mark", None) is not None and any(c in context for c in _BEGIN_CONTEXTS):
        mark = err.context_mark
    words = next((w for piece, w in SYNTAX_WORDS if piece in problem), "格式有误")
    if mark is not None and (wide := _wide_character(lines, mark.line + offset, max(offset, 0))):
        line, col, words = wide
        target_id, key = _enclosing(lines, line)
        return Problem(file, line + 1, col, target_id, key, f"YAML 语法错误：{words}")
    quote = _open_quote(text, mark.line if mark is not None else 0) if "quoted scalar" not in context else None
    if quote is not None:
        mark, closed = quote[0], quote[1] + offset + 1
        words = f"引号没有配对：这里开始的引号到第 {closed} 行才闭合，其间的内容都成了一个值；请在本行补上结尾的引号"
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    line += offset
    if "缩进" in words and "Tab" not in words and 0 < line <= len(lines):
        col = len(lines[line - 1]) - len(lines[line - 1].lstrip(" ")) + 1     # the misindented line's first character
    target_id, key = _enclosing(lines, line - 1)
    english = f"{context}, {problem}" if context else problem
    return Problem(file, line, col, target_id, key, f"YAML 语法错误：{words}（{english}）")


def _character_problem(file: str, err: yaml.reader.ReaderError, text: str, lines: list[str], offset: int) -> Problem:
    """A control character (pasted from a PDF or a web page), at its line and column."""
    # Python's reader counts characters; libyaml's counts the bytes of the text as UTF-8
    before = (text[:err.position] if err.encoding == "unicode"
              else text.encode("utf-8")[:err.position].decode("utf-8", "ignore"))
    line = before.count("\n") + 1 + offset
    col = len(before) - (before.rfind("\n") + 1) + 1
    code = err.character if isinstance(err.character, int) else ord(err.character)   # an int, or a one-character string
    target_id, key = _enclosing(lines, line - 1)
    return Problem(file, line, col, target_id, key,
                   f"YAML 语法错误：这里有看不见的控制字符 U+{code:04X}，多半是从 PDF 或网页复制带来的；"
                   f"请删去它（{err.reason} #x{code:04x}）")


def _shift(node, offset: int) -> None:
    """Move the marks of a node tree composed from a piece of the file to the file's lines."""
    stack = [node]
    while stack:
        n = stack.pop()
        for name in ("start_mark", "end_mark"):
            m = getattr(n, name, None)
            if m is not None:
                setattr(n, name, yaml.Mark(m.name, m.index, m.line + offset, m.column, None, None))
        if isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)
        elif isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                stack.extend((k, v))


_ITEM = re.compile(r"^(\s*)-(\s|$)")
_ID_ITEM = re.compile(r"^(\s*)-\s+(?:\{\s*)?id\s*:")
_BARE_ID = re.compile(r"^(\s*)id\s*:")
_TOP_KEY = re.compile(r"^([A-Za-z_]\w*)\s*:(\s|$)")
_BLANK = re.compile(r"^\s*(#.*)?$")


def _pieces(lines: list[str], body_start: int):
    """Split the lines of the target list into pieces: (kind, first line, end line) with kind
    'item' (a list item: an entry), 'nodash' (an entry whose '- ' is missing) or 'stray' (a
    line at the left edge that belongs to no entry); and the first line of a top-level block
    after the list (settings: written last), or None.

    Entries are the items at the indent most "- id:" lines have, and every "- id:" line
    wherever it stands, so one entry moved left or right costs only itself."""
    ids = [len(m[1]) for i in range(body_start, len(lines)) if (m := _ID_ITEM.match(lines[i]))]
    items = [len(m[1]) for i in range(body_start, len(lines)) if (m := _ITEM.match(lines[i]))]
    indent = Counter(ids).most_common(1)[0][0] if ids else min(items, default=0)
    pieces, tail = [], None
    for i in range(body_start, len(lines)):
        line = lines[i]
        if _BLANK.match(line):
            continue
        item = _ITEM.match(line)
        if item and (len(item[1]) == indent or _ID_ITEM.match(line)):
            pieces.append(["item", i, None])
        elif (bare := _BARE_ID.match(line)) and len(bare[1]) <= indent:
            pieces.append(["nodash", i, None])
        elif not line[0].isspace() and not item:
            if (key := _TOP_KEY.match(line)) and key[1] in schema.TOP_FIELDS:
                tail = i
                break
            pieces.append(["stray", i, None])
    end = tail if tail is not None else len(lines)
    for k, piece in enumerate(pieces):
        piece[2] = pieces[k + 1][1] if k + 1 < len(pieces) else end
    return [tuple(p) for p in pieces], tail, indent


def _compose_parts(reader: _Reader, text: str):
    """Compose the whole file; after a syntax error, compose the header and each target
    entry on its own so that one broken entry costs only itself. Returns (root node,
    None) when the file composes, else (header node, [entry nodes])."""
    try:
        root = yaml.compose(text, Loader=_Loader)
        return root, None
    except yaml.YAMLError as err:
        first_error = err
    lines = text.splitlines(keepends=True)
    problems_before = len(reader.problems)
    head = next((i for i, l in enumerate(lines) if re.match(r"^targets\s*:\s*(#.*)?$", l)), None)
    if head is not None:
        header_end, body_start = head, head + 1
    else:
        # No `targets:` line (deleted by mistake?): entries start at the first list item.
        first_item = next((i for i, l in enumerate(lines) if re.match(r"^\s*-(\s|$)", l)), None)
        if not first_item:
            reader.problems.append(_syntax_problem(reader.file, first_error, text, lines))
            return None, None
        reader.problems.append(Problem(reader.file, first_item + 1, 1, "-", "targets",
                                       "目标列表前缺少 targets: 一行；请在第一个“- id:”之前加上 targets:"))
        header_end = body_start = first_item
    pieces, tail, indent = _pieces(lines, body_start)

    def compose(start, end):
        piece = "".join(lines[start:end])
        try:
            node = yaml.compose(piece or "{}", Loader=_Loader)
        except yaml.YAMLError as err:
            reader.problems.append(_syntax_problem(reader.file, err, piece, lines, start))
            return None
        if node is not None:
            _shift(node, start)
        return node

    header = compose(0, header_end)
    if tail is not None:
        after = compose(tail, len(lines))
        if isinstance(after, yaml.MappingNode):
            if isinstance(header, yaml.MappingNode):
                header.value.extend(after.value)
            elif header is None or _is_null(header):
                header = after
    entries = []
    misaligned = []  # entries whose '- ' stands in another column, read on their own
    for kind, start, end in pieces:
        target_id = _enclosing(lines, start)[0]
        if kind == "stray":
            reader.problems.append(Problem(reader.file, start + 1, 1, "-", "yaml",
                                           f"YAML 语法错误：多余的一行“{lines[start].strip()[:30]}”不属于任何目标；"
                                           "请删去，或在行首加 # 写成注释"))
            continue
        if kind == "nodash":
            col = len(lines[start]) - len(lines[start].lstrip(" ")) + 1
            reader.problems.append(Problem(reader.file, start + 1, col, target_id, "id",
                                           f"YAML 语法错误：目标应以“- id:”开头，这一行缺少“- ”；请写成“- id: {target_id}”"
                                           "（该目标未读入）"))
            continue
        moved = len(_ITEM.match(lines[start])[1])
        node = _compose_entry(reader, lines, start, end)
        if node is not None and moved != indent:
            misaligned.append((start, moved, target_id))
        if node is None:
            if moved != indent:
                reader.problems[-1] = Problem(
                    reader.file, start + 1, moved + 1, target_id, "id",
                    f"YAML 语法错误：这个目标的“- ”在第 {moved + 1} 列，其他目标在第 {indent + 1} 列；"
                    f"请与其他目标对齐（该目标未读入）")
            continue
        entries.extend(node)
    if len(reader.problems) == problems_before and misaligned:
        # The pieces compose on their own and only some entries stand in another column: they
        # are read and used, so this is a warning (an error says a target is not used)
        for start, moved, target_id in misaligned:
            reader.problems.append(Problem(
                reader.file, start + 1, moved + 1, target_id, "id",
                f"这个目标的“- ”在第 {moved + 1} 列，其他目标在第 {indent + 1} 列；已按目标读入，"
                f"请与其他目标对齐", WARNING))
    elif len(reader.problems) == problems_before:
        # The pieces compose on their own, so the error lies between them: report it as found.
        reader.problems.append(_syntax_problem(reader.file, first_error, text, lines))
    return header, entries


def _compose_entry(reader: _Reader, lines: list[str], start: int, end: int):
    """The entry nodes of lines[start:end] (one list item, possibly with comments), or None
    after reporting its syntax error."""
    piece = "".join(lines[start:end])
    try:
        node = yaml.compose("targets:\n" + piece, Loader=_Loader)
    except yaml.YAMLError as err:
        reader.problems.append(_syntax_problem(reader.file, err, "targets:\n" + piece, lines, start - 1))
        return None
    _shift(node, start - 1)
    value = node.value[0][1] if node is not None and node.value else None
    return value.value if isinstance(value, yaml.SequenceNode) else []


@contextlib.contextmanager
def _no_gc():
    """Pause the cyclic garbage collector: composing creates a million small node objects,
    none of them cyclic garbage, and collections triggered by their allocation tripled the
    time of a 10,000-target file. The previous state is restored afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load(path_or_text, today=None, cache: bool = True) -> Book:
    """Read targets.yaml (a path, or the YAML text itself) into a ``Book``. Never raises:
    everything wrong is in ``book.problems`` (errors and warnings), and the valid targets
    are still there. ``today`` is the assessment date (default today): an observation
    dated after it is warned about.

    A file read once is kept, parsed, in an on-disk cache keyed by its path and content
    (tracker/cache.py), so reading it again unchanged takes a fraction of the time;
    ``cache=False`` always parses."""
    today = pd.Timestamp(today or pd.Timestamp.today()).normalize()
    with _no_gc():
        return _load(path_or_text, today, cache)


def _split_missing_dashes(reader: _Reader, nodes: list) -> list:
    """An entry with a second `id:` key is two entries whose second lost its '- ' (the YAML is
    valid, so only the keys show it): the first keeps its own keys, the second is reported."""
    out = []
    for node in nodes:
        if isinstance(node, yaml.MappingNode) and len(node.value) > 1:
            keys = [getattr(k, "value", None) for k, _ in node.value]
            if "id" in keys[1:] and keys.count("id") > 1:
                cut = next(i for i in range(1, len(keys)) if keys[i] == "id" and "id" in keys[:i])
                key_node, value_node = node.value[cut]
                tid = value_node.value if isinstance(value_node, yaml.ScalarNode) else "-"
                reader.problem(key_node, tid, "id",
                               f"这一行的 id 前缺少“- ”，与上一个目标连在了一起；请写成“- id: {tid}”（该目标未读入）")
                node = yaml.MappingNode(node.tag, node.value[:cut], node.start_mark, node.end_mark, node.flow_style)
        out.append(node)
    return out


def _load(path_or_text, today: pd.Timestamp, use_cache: bool) -> Book:
    file, text, problem = _read_source(path_or_text)
    if problem:
        parsed = _Parsed([problem], dict(schema.SETTINGS), *_frames([], []), [])
    else:
        key = cache.key(file, text) if use_cache and file != "<text>" else None
        parsed = cache.get(key) if key else None
        if parsed is None:
            parsed = _parse(file, text)
            if key:
                cache.put(key, parsed)
    problems = sorted([*parsed.problems, *_future_dates(file, parsed.dated, today)], key=lambda p: (p.line, p.col))
    return Book(path=file, targets=parsed.targets, observations=parsed.observations, problems=problems,
                settings=dict(parsed.settings))


@dataclass
class _Parsed:
    """What a file holds whatever the assessment date: what the cache keeps."""

    problems: list
    settings: dict
    targets: pd.DataFrame
    observations: pd.DataFrame
    dated: list


def _parse(file: str, text: str) -> _Parsed:
    reader = _Reader(file)
    rows, observations = [], []
    root, entries = _compose_parts(reader, text)
    if entries is None and root is None:
        if not reader.problems:
            reader.problem(None, "-", "targets", "文件是空的；请参照仓库自带 targets.yaml 开头的示例")
        settings_node, entry_nodes = None, []
    elif entries is None:
        settings_node, entry_nodes = reader.top_level(root, need_targets=True)
    else:   # recovered after a syntax error: the header holds only settings
        settings_node = reader.top_level(root, need_targets=False)[0] if root is not None else None
        entry_nodes = entries
    settings = reader.read_settings(settings_node)
    entry_nodes = _split_missing_dashes(reader, entry_nodes)
    seen: dict[str, int] = {}
    for index, node in enumerate(entry_nodes):
        dated = len(reader.dated)
        result = reader.read_target(node, index)
        if result is not None and result[0]["id"] in seen:
            row = result[0]
            reader.problem(node, row["id"], "id", f"编号 {row['id']} 重复（第 {seen[row['id']]} 行已用）；每个目标的编号必须唯一")
            result = None
        if result is None:
            del reader.dated[dated:]                    # a target left out has no dates to warn about
            continue
        row, obs = result
        seen[row["id"]] = row["line"]
        rows.append(row)
        observations.extend(obs)
    targets, obs_frame = _frames(rows, observations)
    return _Parsed(reader.problems, settings, targets, obs_frame, reader.dated)
