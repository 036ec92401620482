"""The one way to change targets.yaml: open it, edit it, save it safely.

    from tracker.bookfile import BookFile, EditError

    edit = BookFile.open("targets.yaml")          # reads the file once, remembers its hash
    edit.book                                     # tracker.Book of what was read
    edit.add_observation("ks-gdp", {"date": 2025, "value": 5600, "source": "…", "quote": "…"})
    edit.add_target({...})                        # a full entry, as in targets.yaml
    edit.replace_target("ks-gdp", {"note": "…"})  # replace some fields of a target
    edit.delete_target("old-id")
    edit.check()                                  # problems the edits would bring; nothing written
    edit.save(user="张三")                         # -> message for people; raises EditError

Every command and the dashboard write through this class. The file goes through a ruamel.yaml
round trip, so comments, the order of entries and keys, quoting and flow style (``{value: 6000,
due: 2026}``) stay as staff wrote them; new progress entries take the style of the entries
beside them and are kept in date order. `save` is safe:

1. it checks the new content with tracker.load first: if the edit brings a problem that was
   not there before, nothing is written and CheckError lists the problems (each names its
   target and field, so a form can show it next to the field);
2. it holds a lock beside the file (.FILE.lock) while it compares and writes, so that two
   saves (two dashboard sessions, a session and a command) never interleave;
3. it refuses a read-only or vanished file, and a file whose content changed since it was
   read (someone else saved it meanwhile): nothing is written, and StaleError says which
   targets changed;
4. it writes a temporary file in the same folder and renames it over the file (atomic: a
   crash leaves the old file or the new one, never half of one), after copying the old file
   to FILE.bak;
5. it appends one line per changed target to the change log beside the file
   (targets.log.jsonl, tracker/changelog.py): who, when, which target, before and after.
   `restore` puts a target back as a line of the log had it, through the same steps.

All errors are EditError with a message in Chinese that names the file and what to do.
"""
from __future__ import annotations

import collections
import copy
import dataclasses
import datetime as dt
import getpass
import hashlib
import io
import os
import re
import shutil
import stat
import tempfile
from pathlib import Path

import filelock
import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken

from . import changelog, loader

__all__ = ["BookFile", "CheckError", "EditError", "StaleError", "differences", "round_trip"]

#: Seconds a save waits for another save of the same file to finish.
LOCK_TIMEOUT = 30


class EditError(Exception):
    """An edit that was refused or undone; the message (Chinese) says why and what to do.
    ``field`` names the field of the entry at fault, when there is one (a form shows it there)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class CheckError(EditError):
    """The edit would bring problems to the file (``problems``: tracker.Problem); nothing written."""

    def __init__(self, message: str, problems: list):
        super().__init__(message)
        self.problems = problems


class StaleError(EditError):
    """The file changed since it was read; ``differences`` says how (lines for people)."""

    def __init__(self, message: str, differences: list[str]):
        super().__init__(message)
        self.differences = differences


def round_trip() -> YAML:
    """ruamel.yaml set up like targets.yaml: two-space maps, list items at two spaces."""
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096
    y.representer.ignore_aliases = lambda *args: True   # one date object shared by entries: no &id001
    return y


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _tidy(value):
    """Numbers as staff write them: 3072.0 -> 3072, 5380.170000001 -> 5380.17."""
    if isinstance(value, float):
        value = float(f"{value:.10g}")
        return int(value) if value.is_integer() else value
    return value


def _when(value) -> dt.date | None:
    """The day an observation's date stands for (2023 -> 2023-12-31), None if unreadable."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, str)) and not isinstance(value, bool):
        parsed = loader._parse_date(str(value).strip())
        return parsed.date() if hasattr(parsed, "date") else None
    return None


def _problem_keys(book) -> collections.Counter:
    return collections.Counter((p.target_id, p.field) for p in book.problems)


@dataclasses.dataclass
class _Entry:
    """One target entry of the file: its lines [start, end) and, once edited, its parsed form."""

    id: str
    start: int
    end: int
    parsed: CommentedSeq | None = None
    deleted: bool = False


def _entries(path: Path, text: str) -> tuple[list[_Entry], int]:
    """The entries of the `targets:` list (lines they span, from the fast safe composer) and
    the line where new entries go. Raises EditError when the file cannot be edited safely."""
    try:
        root = yaml.compose(text, Loader=loader._Loader)
    except yaml.YAMLError:
        raise EditError(f"{path}: 无法解析（YAML 语法错误）；请先运行 python -m tracker check {path} 修正") from None
    found = [v for k, v in (root.value if isinstance(root, yaml.MappingNode) else [])
             if isinstance(k, yaml.ScalarNode) and k.value == "targets"]
    if len(found) != 1:
        why = "有多个 targets: 列表，请合并为一个" if found else "没有 targets: 列表；请参照仓库自带 targets.yaml 开头的示例"
        raise EditError(f"{path}: {why}")
    seq = found[0]
    if loader._is_null(seq) or (isinstance(seq, yaml.SequenceNode) and not seq.value):
        return [], seq.start_mark.line + 1
    if not isinstance(seq, yaml.SequenceNode) or seq.flow_style:
        raise EditError(f"{path}: targets 应为每个目标以“- id:”开头的列表，才能安全修改")
    starts = [item.start_mark.line for item in seq.value]
    last_line = seq.end_mark.line if seq.end_mark.line > starts[-1] else len(text.splitlines())
    ends = starts[1:] + [last_line + (1 if seq.end_mark.line == starts[-1] else 0)]
    entries = []
    for item, start, end in zip(seq.value, starts, ends):
        ident = loader._peek_id(item) or f"第{len(entries) + 1}项"
        entries.append(_Entry(ident, start, end))
    return entries, ends[-1]


@dataclasses.dataclass
class BookFile:
    """targets.yaml opened for editing (use `BookFile.open`).

    Only the entries an operation touches go through ruamel.yaml's round trip (it takes
    seconds a megabyte); every other line of the file is written back exactly as read."""

    path: Path
    text: str
    digest: str
    entries: list[_Entry]
    insert_at: int                      # line where new entries are added
    added: list[CommentedSeq] = dataclasses.field(default_factory=list)
    changes: list[str] = dataclasses.field(default_factory=list)
    # target id (as read) -> {"before": entry or None, "kinds": [...], "notes": [...], "ref": ...}
    touched: dict = dataclasses.field(default_factory=dict)

    # -- reading ---------------------------------------------------------------------------
    @classmethod
    def open(cls, path) -> "BookFile":
        path = Path(path)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise EditError(f"{path}: 文件不存在（已被移动或删除？）；未做任何修改") from None
        except OSError as err:
            raise EditError(f"{path}: 无法读取（{err.strerror or err}）；未做任何修改") from None
        return cls.from_bytes(path, raw)

    @classmethod
    def from_bytes(cls, path, raw: bytes) -> "BookFile":
        """The file as it was when `raw` was read from it (a form keeps what it opened, so that
        a save made later is refused if the file changed meanwhile)."""
        path = Path(path)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise EditError(f"{path}: 不是 UTF-8 编码；请用 UTF-8 保存后再试") from None
        entries, insert_at = _entries(path, text)
        return cls(path, text, _digest(raw), entries, insert_at)

    @property
    def book(self):
        """tracker.Book of the content as read (problems name this file)."""
        if not hasattr(self, "_book"):
            book = loader.load(self.text)
            book.path = str(self.path)
            book.problems = [dataclasses.replace(p, file=str(self.path)) for p in book.problems]
            self._book = book
        return self._book

    @property
    def _lines(self) -> list[str]:
        if not hasattr(self, "_split"):
            self._split = self.text.splitlines(keepends=True)
        return self._split

    def _find(self, target_id: str) -> _Entry:
        self._fresh()
        for entry in self.entries:
            if entry.id == target_id and not entry.deleted:
                return entry
        raise EditError(f"{self.path}: 没有编号为 {target_id} 的目标")

    def _entry(self, target_id: str) -> CommentedMap:
        """The entry of a target, parsed for editing (its lines go through the round trip)."""
        entry = self._find(target_id)
        if entry.parsed is None:
            chunk = "".join(self._lines[entry.start:entry.end])
            try:
                entry.parsed = round_trip().load(chunk)
            except Exception as err:  # ruamel raises many error types; all mean the entry cannot be edited
                raise EditError(f"{self.path}:{entry.start + 1}: 目标 {target_id} 无法解析（{type(err).__name__}）") from None
        item = entry.parsed[0] if isinstance(entry.parsed, CommentedSeq) and entry.parsed else None
        if not isinstance(item, CommentedMap):
            raise EditError(f"{self.path}:{entry.start + 1}: 目标 {target_id} 不是键值表，无法修改")
        if not any(t["ref"] is entry for t in self.touched.values()):
            self.touched[target_id] = {"before": changelog.plain(item), "kinds": [], "notes": [], "ref": entry}
        return item

    def _note(self, target_id: str, kind: str, note: str) -> None:
        """Remember what an operation did to a target (for the change log) and for the message."""
        for record in self.touched.values():
            ref = record["ref"]
            if (isinstance(ref, _Entry) and ref.id == target_id) or (
                    isinstance(ref, CommentedSeq) and str(ref[0].get("id")) == target_id):
                break
        else:
            record = self.touched[target_id] = {"before": None, "kinds": [], "notes": [], "ref": None}
        record["kinds"].append(kind)
        record["notes"].append(note)
        self.changes.append(f"{target_id}: {note}")
        self._last = record

    def entry(self, target_id: str) -> dict:
        """A target's entry as plain values (dates as YYYY-MM-DD text), as it stands now."""
        return changelog.plain(self._entry(target_id))

    def ids(self) -> set[str]:
        self._fresh()
        return {e.id for e in self.entries if not e.deleted} | {str(seq[0].get("id")) for seq in self.added}

    # -- operations ------------------------------------------------------------------------
    def add_observation(self, target_id: str, observation: dict) -> None:
        """Add one progress entry to a target, in date order, in the style of its neighbours."""
        entry = self._entry(target_id)
        item = CommentedMap((k, _tidy(v)) for k, v in observation.items() if v not in (None, ""))
        when = _when(item.get("date"))       # None: unreadable; it goes last and the check says why
        progress = entry.get("progress")
        if not isinstance(progress, CommentedSeq):
            progress = CommentedSeq()
            entry["progress"] = progress
        if len(progress) == 0:
            self._drop_empty_comment(entry, progress, item)
            progress.fa.set_block_style()
        elif isinstance(progress[-1], CommentedMap) and progress[-1].fa.flow_style() and _fits_a_line(item):
            item.fa.set_flow_style()
        at = len(progress)
        while when and at > 0 and isinstance(progress[at - 1], dict) and (_when(progress[at - 1].get("date")) or when) > when:
            at -= 1
        progress.insert(at, item)
        self._note(target_id, "observation", f"新增进展 {item.get('date')} = {item.get('value')}")

    @staticmethod
    def _drop_empty_comment(entry: CommentedMap, progress: CommentedSeq, item: CommentedMap) -> None:
        """'progress: []  # 暂无公开数据来源' no longer holds once the list has an entry: the
        comment goes, and the blank line that followed it moves after the new entry."""
        slot = entry.ca.items.get("progress")
        token = slot[2] if slot and len(slot) > 2 else None
        if token is None or not token.value.lstrip().startswith("#"):
            return
        blank = token.value[token.value.find("\n"):] if "\n" in token.value else "\n"
        slot[2] = None
        progress.ca.comment = None
        if blank.count("\n") > 1:
            item.ca.items[list(item)[-1]] = [None, None, CommentToken(blank, CommentMark(0), None), None]

    def add_target(self, entry: dict) -> None:
        """Add a full target entry (as in targets.yaml) at the end of the list."""
        target_id = str(entry.get("id") or "")
        if not target_id:
            raise EditError("新目标缺少编号 id", field="id")
        if target_id in self.ids():
            raise EditError(f"{self.path}: 已有编号为 {target_id} 的目标；请改用新的编号", field="id")
        new = entry if isinstance(entry, CommentedMap) else _commented(entry)
        for key in ("target", "baseline"):
            if isinstance(new.get(key), CommentedMap):
                new[key].fa.set_flow_style()
        seq = CommentedSeq([new])
        self.added.append(seq)
        self.touched[target_id] = {"before": None, "kinds": [], "notes": [], "ref": seq}
        self._note(target_id, "add", "新增目标")

    def replace_target(self, target_id: str, fields: dict) -> None:
        """Replace the given fields of a target (others, and their comments, stay)."""
        entry = self._entry(target_id)
        if "id" in fields and str(fields["id"]) != target_id and str(fields["id"]) in self.ids():
            raise EditError(f"{self.path}: 已有编号为 {fields['id']} 的目标；请改用新的编号", field="id")
        for key, value in fields.items():
            if value is None:
                entry.pop(key, None)
                continue
            old = entry.get(key)
            new = _commented(value)
            if isinstance(new, CommentedMap) and isinstance(old, CommentedMap) and old.fa.flow_style():
                new.fa.set_flow_style()
            entry[key] = new
        if "id" in fields:
            self._find(target_id).id = str(fields["id"])
        self._note(str(fields.get("id") or target_id), "edit", f"修改 {'、'.join(fields)}")

    def delete_target(self, target_id: str) -> None:
        try:
            self._entry(target_id)                  # the log keeps what was deleted
        except EditError:
            self._find(target_id)                   # unknown id: refused; unreadable entry: deleted all the same
        self._find(target_id).deleted = True
        self._note(target_id, "delete", "删除目标")

    def restore(self, change: "changelog.Change") -> None:
        """Put a target back as it was before `change` (a line of the change log): re-add a
        deleted target, delete an added one, or set the fields that differ to their old values."""
        current = str((change.after or {}).get("id") or change.target)
        present = current in self.ids()
        when = f"{change.time[:16].replace('T', ' ')} {change.user}"
        if change.before is None:
            if not present:
                raise EditError(f"{self.path}: 目标 {current} 已不在台账中，无需撤销其新增")
            self.delete_target(current)
        elif not present:
            if str(change.before.get("id")) in self.ids():
                raise EditError(f"{self.path}: 已有编号为 {change.before.get('id')} 的目标；无法恢复")
            self.add_target(changelog.to_yaml_values(change.before))
        else:
            now = self.entry(current)
            old = changelog.to_yaml_values(change.before)
            fields = {k: old.get(k) for k in dict.fromkeys([*change.before, *now])
                      if change.before.get(k) != now.get(k)}
            if not fields:
                raise EditError(f"{self.path}: 目标 {current} 现在就是 {when} 修改前的样子，无需恢复")
            self.replace_target(current, fields)
        record = self._last
        record["kinds"].append("restore")
        record["notes"][-1] = f"恢复为 {when} {changelog.ACTIONS.get(change.action, change.action)}之前的版本"
        self.changes[-1] = f"{current}: {record['notes'][-1]}"

    # -- writing ---------------------------------------------------------------------------
    def render(self) -> str:
        """The file's new content: untouched lines as read, edited entries through the round trip."""
        lines = self._lines
        out: list[str] = []
        cursor = 0
        for entry in self.entries:
            out.extend(lines[cursor:entry.start])
            cursor = entry.end
            if entry.deleted:
                out.extend(_after_body(lines[entry.start:entry.end]))
            elif entry.parsed is not None:
                out.append(_dump(entry.parsed))
            else:
                out.extend(lines[entry.start:entry.end])
        out.extend(lines[cursor:self.insert_at])
        if self.added:
            if out and not out[-1].endswith("\n"):
                out.append("\n")
            if out and out[-1].strip() and self.entries:
                out.append("\n")
            out.extend(_dump(seq) for seq in self.added)
        out.extend(lines[max(cursor, self.insert_at):])
        text = "".join(out)
        if not self.entries and self.added:
            text = re.sub(r"^targets:[ \t]*\[\][ \t]*$", "targets:", text, count=1, flags=re.M)
        return text

    def check(self, text: str | None = None) -> list:
        """The problems (tracker.Problem, errors and warnings) that the edits would bring to the
        file, which were not there before; [] when the new content is as sound as the old."""
        return self._check(self.render() if text is None else text)[0]

    def _check(self, text: str):
        after = loader.load(text)
        after.path = str(self.path)
        after.problems = [dataclasses.replace(p, file=str(self.path)) for p in after.problems]
        new = _problem_keys(after) - _problem_keys(self.book)
        return [p for p in after.problems if (p.target_id, p.field) in new], after

    def save(self, user: str | None = None) -> str:
        """Check, then write the edits and log them (see the module docstring); returns a
        message for people. `user` is who made them (default: the account running Python)."""
        path = self.path
        if not self.changes:
            return f"{path}: 没有需要写入的修改"
        new_text = self.render()
        problems, after = self._check(new_text)
        if problems:
            details = "；".join(f"{p.target_id}/{p.field}: {p.message}" for p in problems)
            raise CheckError(f"{path}: 检查未通过，未写入任何内容：{details}", problems)
        lock = filelock.FileLock(path.with_name(f".{path.name}.lock"), timeout=LOCK_TIMEOUT)
        try:
            with lock:
                return self._write(new_text, after, user)
        except filelock.Timeout:
            raise EditError(f"{path}: 另一处正在保存此文件，{LOCK_TIMEOUT} 秒内未完成；未写入任何内容，请稍后再试") from None
        except PermissionError as err:       # the folder does not let us create the lock
            raise EditError(f"{path}: 无法写入（{err.strerror or err}）；原文件未改动") from None

    def _write(self, new_text: str, after, user: str | None) -> str:
        path = self.path
        try:
            info = path.stat()
            current = path.read_bytes()
        except FileNotFoundError:
            raise EditError(f"{path}: 文件已不存在（读取后被移动或删除）；未写入任何内容") from None
        except OSError as err:
            raise EditError(f"{path}: 无法读取（{err.strerror or err}）；未写入任何内容") from None
        if not (info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) or not os.access(path, os.W_OK):
            raise EditError(f"{path}: 文件是只读的；未写入任何内容。请取消只读（chmod u+w {path}）后再试")
        if _digest(current) != self.digest:
            changed = differences(path, self.text, current.decode("utf-8-sig", errors="replace"))
            raise StaleError(f"{path}: 读取后文件已被修改（可能有人同时在编辑）；未写入任何内容，请重新打开后再改"
                             + (f"：{'；'.join(changed)}" if changed else ""), changed)
        backup = path.with_name(path.name + ".bak")
        try:
            shutil.copy2(path, backup)
            _atomic_write(path, new_text)
        except OSError as err:
            raise EditError(f"{path}: 无法写入（{err.strerror or err}）；原文件未改动") from None
        new_digest = _digest(new_text.encode("utf-8"))
        count = len(self.changes)
        note = ""
        try:
            changelog.append(path, self._log_lines(user or _account(), new_digest))
            note = f"；已记入 {changelog.log_path(path).name}"
        except OSError as err:
            note = f"；但变更记录 {changelog.log_path(path).name} 写入失败（{err.strerror or err}）"
        self.text, self.digest = new_text, new_digest
        self.added, self.changes, self.touched, self._stale = [], [], {}, True   # entries are found again on the next edit
        self.__dict__.pop("_split", None)
        self._book = after
        return f"已写入 {path}（{count} 处修改；原文件备份为 {backup.name}{note}）"

    def _log_lines(self, user: str, digest: str) -> list:
        """One change-log line per target this save changed."""
        time = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        lines = []
        for target_id, record in self.touched.items():
            if not record["kinds"]:
                continue
            ref = record["ref"]
            if isinstance(ref, CommentedSeq):
                after = changelog.plain(ref[0])
            elif ref is None or ref.deleted or ref.parsed is None:
                after = None
            else:
                after = changelog.plain(ref.parsed[0])
            if record["before"] is None and after is None:
                continue                                   # added and deleted again: nothing happened
            kinds = record["kinds"]
            action = ("restore" if "restore" in kinds else "add" if record["before"] is None
                      else "delete" if after is None
                      else "observation" if set(kinds) == {"observation"} else "edit")
            lines.append(changelog.Change(time=time, user=user, action=action, target=target_id,
                                          summary="；".join(record["notes"]), save=digest[:12],
                                          before=record["before"], after=after))
        return lines

    def _fresh(self) -> None:
        """After a save, find the entries of the new content before editing again."""
        if self.__dict__.pop("_stale", False):
            self.entries, self.insert_at = _entries(self.path, self.text)


def _account() -> str:
    """Who saves when no user is given: the account running the command."""
    try:
        return f"{getpass.getuser()}（命令行）"
    except (KeyError, OSError):
        return "（命令行）"


def differences(path, old_text: str, new_text: str) -> list[str]:
    """What changed between two contents of a targets file, a line per target for people:
    added, deleted, or which fields changed (only the entries whose lines differ are parsed)."""
    try:
        old_entries, _ = _entries(Path(path), old_text)
        new_entries, _ = _entries(Path(path), new_text)
    except EditError as err:
        return [str(err)]
    old_lines, new_lines = old_text.splitlines(keepends=True), new_text.splitlines(keepends=True)
    chunk = lambda lines, e: "".join(lines[e.start:e.end]).rstrip()  # noqa: E731  (blank lines between entries are layout)
    old = {e.id: chunk(old_lines, e) for e in old_entries}
    new = {e.id: chunk(new_lines, e) for e in new_entries}
    out = [f"新增目标 {i}" for i in new if i not in old]
    out += [f"删除了目标 {i}" for i in old if i not in new]
    for target_id in (i for i in new if i in old and new[i] != old[i]):
        try:
            before = (yaml.safe_load(old[target_id]) or [{}])[0]
            after = (yaml.safe_load(new[target_id]) or [{}])[0]
            fields = [k for k in dict.fromkeys([*before, *after]) if before.get(k) != after.get(k)]
        except (yaml.YAMLError, AttributeError, IndexError, KeyError, TypeError):
            fields = []
        out.append(f"修改了目标 {target_id}" + (f" 的 {'、'.join(fields)}" if fields else "（注释或格式）"))
    if not out and old_text != new_text:
        out.append("目标以外的内容（设置、注释）有改动")
    return out


#: A new progress entry is written on one line, like its neighbours, only up to this width;
#: a longer one (a quoted sentence) is written a field a line.
FLOW_WIDTH = 120


def _fits_a_line(item: CommentedMap) -> bool:
    return sum(len(str(k)) + len(str(v)) + 4 for k, v in item.items()) <= FLOW_WIDTH


def _dump(seq: CommentedSeq) -> str:
    out = io.StringIO()
    round_trip().dump(seq, out)
    return out.getvalue()


def _after_body(lines: list[str]) -> list[str]:
    """What stays of a deleted entry: the comment lines after it (they head the next entries)."""
    body = max((i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")), default=-1)
    rest = lines[body + 1:]
    while rest and not rest[0].strip():
        rest = rest[1:]
    return rest


def _commented(value):
    """Plain dicts and lists as ruamel's commented types (so they round-trip like the file)."""
    if isinstance(value, dict) and not isinstance(value, CommentedMap):
        return CommentedMap((k, _commented(v)) for k, v in value.items())
    if isinstance(value, list) and not isinstance(value, CommentedSeq):
        return CommentedSeq(_commented(v) for v in value)
    return _tidy(copy.copy(value))


def _atomic_write(path: Path, content: str | bytes) -> None:
    """Write `content` to a temporary file beside `path`, then rename it over `path`."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
