"""The one way to change targets.yaml: open it, edit it, save it safely.

    from tracker.bookfile import BookFile, EditError

    edit = BookFile.open("targets.yaml")          # reads the file once, remembers its hash
    edit.book                                     # tracker.Book of what was read
    edit.add_observation("ks-gdp", {"date": 2025, "value": 5600, "source": "…", "quote": "…"})
    edit.add_target({...})                        # a full entry, as in targets.yaml
    edit.replace_target("ks-gdp", {"note": "…"})  # replace some fields of a target
    edit.delete_target("old-id")
    edit.save()                                   # -> message for people; raises EditError

Every command and the dashboard write through this class. The file goes through a ruamel.yaml
round trip, so comments, the order of entries and keys, quoting and flow style (``{value: 6000,
due: 2026}``) stay as staff wrote them; new progress entries take the style of the entries
beside them and are kept in date order. `save` is safe:

1. it refuses a read-only or vanished file, and a file whose content changed since `open`
   (someone else saved it meanwhile): nothing is written;
2. it writes a temporary file in the same folder and renames it over the file (atomic: a
   crash leaves the old file or the new one, never half of one), after copying the old file
   to FILE.bak;
3. it checks the new file with tracker.load; if the edit brought a problem that was not
   there before, the old content is put back and EditError says which.

All errors are EditError with a message in Chinese that names the file and what to do.
"""
from __future__ import annotations

import collections
import copy
import dataclasses
import datetime as dt
import hashlib
import io
import os
import shutil
import stat
import tempfile
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken

from . import loader

__all__ = ["BookFile", "EditError", "round_trip"]


class EditError(Exception):
    """An edit that was refused or undone; the message (Chinese) says why and what to do."""


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
class BookFile:
    """targets.yaml opened for editing (use `BookFile.open`)."""

    path: Path
    text: str
    digest: str
    data: CommentedMap
    changes: list[str] = dataclasses.field(default_factory=list)

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
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise EditError(f"{path}: 不是 UTF-8 编码；请用 UTF-8 保存后再试") from None
        try:
            data = round_trip().load(text)
        except Exception as err:  # ruamel raises many error types; all mean the file cannot be edited
            raise EditError(f"{path}: 无法解析（{type(err).__name__}）；请先运行 python -m tracker check {path} 修正") from None
        if not isinstance(data, CommentedMap) or not isinstance(data.get("targets"), CommentedSeq):
            raise EditError(f"{path}: 没有 targets: 列表；请参照仓库自带 targets.yaml 开头的示例")
        return cls(path, text, _digest(raw), data)

    @property
    def book(self):
        """tracker.Book of the content as read (problems name this file)."""
        if not hasattr(self, "_book"):
            book = loader.load(self.text)
            book.path = str(self.path)
            book.problems = [dataclasses.replace(p, file=str(self.path)) for p in book.problems]
            self._book = book
        return self._book

    def _entry(self, target_id: str) -> CommentedMap:
        for entry in self.data["targets"]:
            if isinstance(entry, dict) and str(entry.get("id")) == target_id:
                return entry
        raise EditError(f"{self.path}: 没有编号为 {target_id} 的目标")

    def ids(self) -> set[str]:
        return {str(e.get("id")) for e in self.data["targets"] if isinstance(e, dict)}

    # -- operations ------------------------------------------------------------------------
    def add_observation(self, target_id: str, observation: dict) -> None:
        """Add one progress entry to a target, in date order, in the style of its neighbours."""
        entry = self._entry(target_id)
        item = CommentedMap((k, _tidy(v)) for k, v in observation.items() if v not in (None, ""))
        when = _when(item.get("date"))
        if when is None:
            raise EditError(f"{target_id}: 进展日期无效：{item.get('date')!r}")
        progress = entry.get("progress")
        if not isinstance(progress, CommentedSeq):
            progress = CommentedSeq()
            entry["progress"] = progress
        if len(progress) == 0:
            self._drop_empty_comment(entry, progress, item)
            progress.fa.set_block_style()
        elif isinstance(progress[-1], CommentedMap) and progress[-1].fa.flow_style():
            item.fa.set_flow_style()
        at = len(progress)
        while at > 0 and (_when(progress[at - 1].get("date")) if isinstance(progress[at - 1], dict) else None) is not None \
                and _when(progress[at - 1].get("date")) > when:
            at -= 1
        progress.insert(at, item)
        self.changes.append(f"{target_id}: 新增进展 {item.get('date')} = {item.get('value')}")

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
            raise EditError("新目标缺少编号 id")
        if target_id in self.ids():
            raise EditError(f"{self.path}: 已有编号为 {target_id} 的目标；请改用新的编号")
        new = entry if isinstance(entry, CommentedMap) else _commented(entry)
        for key in ("target", "baseline"):
            if isinstance(new.get(key), CommentedMap):
                new[key].fa.set_flow_style()
        self.data["targets"].append(new)
        self.changes.append(f"{target_id}: 新增目标")

    def replace_target(self, target_id: str, fields: dict) -> None:
        """Replace the given fields of a target (others, and their comments, stay)."""
        entry = self._entry(target_id)
        if "id" in fields and str(fields["id"]) != target_id and str(fields["id"]) in self.ids():
            raise EditError(f"{self.path}: 已有编号为 {fields['id']} 的目标；请改用新的编号")
        for key, value in fields.items():
            if value is None:
                entry.pop(key, None)
                continue
            old = entry.get(key)
            new = _commented(value)
            if isinstance(new, CommentedMap) and isinstance(old, CommentedMap) and old.fa.flow_style():
                new.fa.set_flow_style()
            entry[key] = new
        self.changes.append(f"{target_id}: 修改 {'、'.join(fields)}")

    def delete_target(self, target_id: str) -> None:
        entry = self._entry(target_id)
        targets = self.data["targets"]
        targets.pop(next(i for i, e in enumerate(targets) if e is entry))
        self.changes.append(f"{target_id}: 删除目标")

    # -- writing ---------------------------------------------------------------------------
    def render(self) -> str:
        """The file's new content."""
        out = io.StringIO()
        round_trip().dump(self.data, out)
        return out.getvalue()

    def save(self) -> str:
        """Write the edits (see the module docstring); returns a message for people."""
        path = self.path
        if not self.changes:
            return f"{path}: 没有需要写入的修改"
        new_text = self.render()
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
            raise EditError(f"{path}: 读取后文件已被修改（可能有人同时在编辑）；未写入任何内容，请重新运行")
        backup = path.with_name(path.name + ".bak")
        try:
            shutil.copy2(path, backup)
            _atomic_write(path, new_text)
        except OSError as err:
            raise EditError(f"{path}: 无法写入（{err.strerror or err}）；原文件未改动") from None
        after = loader.load(path)
        before = self.book
        new_problems = _problem_keys(after) - _problem_keys(before)
        if new_problems:
            _atomic_write(path, current)
            details = "；".join(str(p) for p in after.problems if (p.target_id, p.field) in new_problems)
            raise EditError(f"{path}: 写入后检查未通过，已恢复原文件：{details}")
        self.text, self.digest = new_text, _digest(new_text.encode("utf-8"))
        self._book = after
        count = len(self.changes)
        self.changes = []
        return f"已写入 {path}（{count} 处修改；原文件备份为 {backup.name}）"


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
