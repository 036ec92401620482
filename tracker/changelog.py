"""The change log beside targets.yaml: who changed which target, when, from what to what.

    targets.yaml  ->  targets.log.jsonl   (one JSON object a line, appended, never rewritten)

Every save through tracker.bookfile.BookFile appends one line per target it changed:

    {"time": "2026-03-02T10:15:04+08:00", "user": "张三", "action": "observation",
     "target": "ks-gdp", "summary": "新增进展 2025 = 5600", "save": "a1b2c3d4",
     "before": {...the entry as it was...}, "after": {...as it is now...}}

``before`` is null for a target that was added, ``after`` null for one that was deleted;
``save`` is shared by the lines of one save. The entries are plain JSON (dates as
YYYY-MM-DD text), so the log can be read by any program; `to_yaml_values` turns them back
into what a YAML file holds, to restore an earlier version (BookFile.restore).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
from pathlib import Path

__all__ = ["ACTIONS", "Change", "append", "log_path", "plain", "read", "to_yaml_values"]

#: action code -> what the 历史 page calls it.
ACTIONS = {
    "add": "新增目标",
    "edit": "修改目标",
    "observation": "新增进展",
    "delete": "删除目标",
    "restore": "恢复旧版本",
}
LOG_SUFFIX = ".log.jsonl"
# Fields of an entry that hold a date; their YYYY-MM-DD text is a date again on restore.
DATE_KEYS = ("date", "due")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def log_path(path) -> Path:
    """The log of a targets file: targets.yaml -> targets.log.jsonl, in the same folder."""
    path = Path(path)
    return path.with_name(path.stem + LOG_SUFFIX)


@dataclasses.dataclass(frozen=True)
class Change:
    """One line of the log: one target changed by one save."""

    time: str
    user: str
    action: str
    target: str
    summary: str
    save: str
    before: dict | None
    after: dict | None

    @property
    def when(self) -> dt.datetime | None:
        try:
            return dt.datetime.fromisoformat(self.time)
        except ValueError:
            return None


def plain(value):
    """An entry as ruamel.yaml or PyYAML reads it -> plain JSON values (dates as text)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if value is None or isinstance(value, bool):
        return value
    if type(value).__name__ == "ScalarBoolean":      # ruamel's true/false (an int underneath)
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        number = float(f"{float(value):.10g}")              # as staff write it: 5380.17, 6000
        return int(number) if number.is_integer() else number
    return str(value)


def to_yaml_values(value, key: str | None = None):
    """`plain` undone: YYYY-MM-DD text under a date field becomes a date again."""
    if isinstance(value, dict):
        return {k: to_yaml_values(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [to_yaml_values(v) for v in value]
    if key in DATE_KEYS and isinstance(value, str) and _ISO_DAY.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def append(path, changes: list[Change]) -> None:
    """Add lines to the log of `path` (one write, appended; the caller holds the file's lock)."""
    if not changes:
        return
    lines = "".join(json.dumps(dataclasses.asdict(c), ensure_ascii=False) + "\n" for c in changes)
    with open(log_path(path), "a", encoding="utf-8") as handle:
        handle.write(lines)
        handle.flush()
        os.fsync(handle.fileno())


def read(path) -> tuple[list[Change], int]:
    """(the changes in the log of `path`, oldest first; how many lines could not be read).
    A missing log is an empty one."""
    try:
        text = log_path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return [], 0
    changes, bad = [], 0
    fields = {f.name for f in dataclasses.fields(Change)}
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            changes.append(Change(**{k: row.get(k) for k in fields}))
        except (ValueError, TypeError, AttributeError):
            bad += 1
    return changes, bad
