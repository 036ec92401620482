"""What the 编辑, 历史 and 文档提取 pages do when staff save: form values to targets.yaml
entries, written through tracker's one write path (tracker.bookfile), as plain functions.

A form keeps the bytes of targets.yaml as they were when it was opened (`open_form`); a save
builds a BookFile from them, so a file changed meanwhile is refused (with what changed). Each
save is checked first: the problems the edit would bring come back by form field, and nothing
is written. Every save is logged beside the file by tracker (who, when, before, after).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pandas as pd

from tracker import changelog, schema
from tracker.bookfile import BookFile, CheckError, EditError, StaleError

__all__ = ["CHOICES", "OBSERVATION_FORM", "Result", "TARGET_FORM", "add_observation", "add_target", "change_fields",
           "correct_target", "delete_target", "entry_from_form", "field_errors", "form_values", "help_for",
           "history_table", "label", "observation_from_form", "open_form", "restore", "scalar", "target_choices",
           "write_proposals"]

# The fields of the target form, in the order of targets.yaml's example: (key, kind). A key
# with a dot is a field of a group (target.value). Kinds: text, long (several lines), number,
# date (a year, year-month or date), choice (CHOICES), list (comma separated).
TARGET_FORM = (
    ("id", "text"), ("name", "text"), ("region", "text"), ("indicator", "text"), ("unit", "text"),
    ("type", "choice"), ("direction", "choice"), ("qualifier", "choice"),
    ("baseline.value", "number"), ("baseline.date", "date"), ("baseline.note", "text"),
    ("target.value", "number"), ("target.value_max", "number"), ("target.due", "date"), ("target.note", "text"),
    ("department", "text"), ("tags", "list"),
    ("source.doc", "text"), ("source.date", "date"), ("source.quote", "long"), ("source.url", "text"),
    ("note", "long"),
)
OBSERVATION_FORM = (
    ("date", "date"), ("value", "number"), ("period", "text"), ("source", "text"), ("url", "text"),
    ("quote", "long"), ("note", "long"),
)
# The codes a choice offers ("" leaves the field out: its default applies).
CHOICES = {
    "type": ("", *schema.TYPE_MEANING),
    "direction": ("", *dict.fromkeys(schema.DIRECTIONS.values())),
    "qualifier": ("", *dict.fromkeys(schema.QUALIFIERS.values())),
}
_GROUPS = {"baseline": schema.BASELINE_FIELDS, "target": schema.GOAL_FIELDS, "source": schema.SOURCE_FIELDS}
_REQUIRED = set(schema.REQUIRED) | {"target.value", "target.due", "source.doc"}
_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+\.\d*|\.\d+)([eE][+-]?\d+)?")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def label(key: str, observation: bool = False) -> str:
    """The field's Chinese name and its key in targets.yaml: 目标值（target.value）*."""
    if observation:
        name = schema.OBSERVATION_FIELDS[key]
        required = key in ("date", "value")
    else:
        group, _, sub = key.partition(".")
        name = _GROUPS[group][sub] if sub else schema.TARGET_FIELDS[key]
        required = key in _REQUIRED
    return f"{name}（{key}）" + (" *" if required else "")


def help_for(key: str, observation: bool = False) -> str:
    """The help of targets.yaml's header for the field (tracker.schema)."""
    if observation:
        return schema.OBSERVATION_HELP[key]
    group, _, sub = key.partition(".")
    return schema.FIELD_HELP[group]


def scalar(text: str):
    """A typed value as YAML would read it: 6000 -> 6000, 5380.17 -> 5380.17, 2024-02-17 -> a date;
    anything else stays text (6000亿元 stays, so that the check can say how to write it)."""
    text = text.strip()
    if not text:
        return None
    if _INTEGER.fullmatch(text):
        return int(text)
    if _DECIMAL.fullmatch(text):
        return float(text)
    if _DAY.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    return text


def _typed(kind: str, text: str):
    text = (text or "").strip()
    if kind in ("number", "date"):
        return scalar(text)
    if kind == "list":
        items = [t.strip() for t in re.split(r"[,，、]", text) if t.strip()]
        return items or None
    return text or None


def entry_from_form(values: dict) -> dict:
    """A targets.yaml entry from the target form's texts (key -> text); empty fields left out."""
    entry: dict = {}
    for key, kind in TARGET_FORM:
        value = _typed(kind, values.get(key, ""))
        if value is None:
            continue
        group, _, sub = key.partition(".")
        if sub:
            entry.setdefault(group, {})[sub] = value
        else:
            entry[key] = value
    return entry


def observation_from_form(values: dict) -> dict:
    out = {}
    for key, kind in OBSERVATION_FORM:
        value = _typed(kind, values.get(key, ""))
        if value is not None:
            out[key] = value
    return out


def form_values(entry: dict) -> dict:
    """The target form's texts for an entry as it stands (plain values, tracker.changelog.plain)."""
    out = {}
    for key, kind in TARGET_FORM:
        group, _, sub = key.partition(".")
        value = (entry.get(group) or {}).get(sub) if sub and isinstance(entry.get(group), dict) else entry.get(key) if not sub else None
        if value is None:
            out[key] = ""
        elif kind == "list" and isinstance(value, list):
            out[key] = ", ".join(str(v) for v in value)
        else:
            out[key] = str(value)
    return out


def field_errors(problems, form=TARGET_FORM) -> dict[str, list[str]]:
    """tracker problems by the field of `form` they belong to (target.value, unit; date of an
    observation), or "" for those that belong to no field of the form."""
    keys = {k for k, _ in form}
    out: dict[str, list[str]] = {}
    for p in problems:
        field = re.sub(r"^progress\[\d+\]\.?", "", p.field) if form is OBSERVATION_FORM else p.field
        if field not in keys and field in _GROUPS:
            field = {"target": "target.value", "baseline": "baseline.value", "source": "source.doc"}[field]
        out.setdefault(field if field in keys else "", []).append(p.message)
    return out


@dataclasses.dataclass
class Result:
    """What a save did: `ok` and a message; or errors by form field ("" for the form as a
    whole), and, when the file changed since the form was opened, what changed."""

    ok: bool
    message: str
    errors: dict = dataclasses.field(default_factory=dict)
    changed: list = dataclasses.field(default_factory=list)


def open_form(path: Path) -> bytes:
    """The file's bytes as a form opens it (b"" when it cannot be read: the save says why)."""
    try:
        return Path(path).read_bytes()
    except OSError:
        return b""


def _save(path: Path, opened: bytes, user: str, operation, form=TARGET_FORM) -> Result:
    """`operation` on the file as opened, then saved by `user`."""
    return _attempt(path, opened, lambda edit: (operation(edit), edit.save(user=user))[1], form)


def _attempt(path: Path, opened: bytes, work, form=TARGET_FORM) -> Result:
    """Run `work(edit)` (it saves and returns the message) and say how it went."""
    try:
        edit = BookFile.from_bytes(path, opened) if opened else BookFile.open(path)
        return Result(True, work(edit))
    except CheckError as err:
        return Result(False, "检查未通过，未写入任何内容；请按各字段下的提示修改", field_errors(err.problems, form))
    except StaleError as err:
        return Result(False, "打开表单后，目标文件已被修改（可能有人同时在编辑），未写入任何内容。"
                             "请查看下列改动，点“载入最新内容”后再保存。", changed=err.differences)
    except EditError as err:
        return Result(False, str(err), {err.field or "": [str(err)]})


def target_choices(opened: bytes, path: Path) -> dict[str, str]:
    """Every target of the file as opened (those with problems too): id -> "name（id）"."""
    try:
        edit = BookFile.from_bytes(path, opened)
    except EditError:
        return {}
    names = edit.book.targets.set_index("id")["name"].to_dict() if len(edit.book.targets) else {}
    return {e.id: (f"{names[e.id]}（{e.id}）" if e.id in names else e.id) for e in edit.entries}


def current_entry(opened: bytes, path: Path, target_id: str) -> dict:
    """A target's entry in the file as opened, as plain values ({} when it cannot be read)."""
    try:
        return BookFile.from_bytes(path, opened).entry(target_id)
    except EditError:
        return {}


def add_observation(path: Path, opened: bytes, user: str, target_id: str, values: dict) -> Result:
    return _save(path, opened, user, lambda e: e.add_observation(target_id, observation_from_form(values)),
                 OBSERVATION_FORM)


def add_target(path: Path, opened: bytes, user: str, values: dict) -> Result:
    return _save(path, opened, user, lambda e: e.add_target(entry_from_form(values)))


def correct_target(path: Path, opened: bytes, user: str, target_id: str, values: dict) -> Result:
    """Replace the fields the form changed (the others, their comments and the progress stay).
    The id is not changed here (it names the target in addresses and in the log)."""
    new = {**entry_from_form(values), "id": target_id}

    def change(edit: BookFile):
        now = edit.entry(target_id)
        shown = dict.fromkeys(k.partition(".")[0] for k, _ in TARGET_FORM)
        fields = {k: new.get(k) for k in shown if changelog.plain(new.get(k)) != _without_empty(now.get(k))}
        if not fields:
            raise EditError("没有修改：表单中的内容与台账相同")
        edit.replace_target(target_id, fields)

    return _save(path, opened, user, change)


def _without_empty(value):
    """An entry's value as the form can show it (groups without the empty fields a form leaves out)."""
    if isinstance(value, dict):
        value = {k: v for k, v in value.items() if v not in (None, "")}
        return value or None
    return None if value in ("", []) else value


def delete_target(path: Path, opened: bytes, user: str, target_id: str) -> Result:
    return _save(path, opened, user, lambda e: e.delete_target(target_id))


def restore(path: Path, opened: bytes, user: str, change: changelog.Change) -> Result:
    """Put a target back as it was before a change of the log (itself logged as a change)."""
    return _save(path, opened, user, lambda e: e.restore(change))


def write_proposals(path: Path, opened: bytes, user: str, proposals: list) -> Result:
    """The ticked proposals of a document (the 文档提取 page), as `tracker update --apply` writes them."""
    from tracker.update import apply

    adds = [p for p in proposals if p.action == "add"]
    if not adds:
        return Result(False, "没有勾选可写入的“新增”进展")
    return _attempt(path, opened, lambda edit: apply(path, adds, edit=edit, user=user), OBSERVATION_FORM)


HISTORY_HEADINGS = {"time": "时间", "user": "用户", "action": "操作", "target": "目标", "summary": "内容"}


def history_table(changes: list, target: str | None = None) -> pd.DataFrame:
    """The change log for people, newest first (one target's only, when `target` is given)."""
    rows = [{"time": (c.time or "")[:19].replace("T", " "), "user": c.user,
             "action": changelog.ACTIONS.get(c.action, c.action), "target": c.target, "summary": c.summary,
             "index": i}
            for i, c in enumerate(changes) if target in (None, c.target)]
    table = pd.DataFrame(rows, columns=[*HISTORY_HEADINGS, "index"]).iloc[::-1].reset_index(drop=True)
    return table.rename(columns=HISTORY_HEADINGS)


def _shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        import json
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def change_fields(change: changelog.Change) -> pd.DataFrame:
    """The fields a change touched: 字段, 修改前, 修改后 (every field for an added or deleted target)."""
    before, after = change.before or {}, change.after or {}
    keys = [k for k in dict.fromkeys([*before, *after]) if before.get(k) != after.get(k)]
    return pd.DataFrame({"字段": [f"{schema.TARGET_FIELDS.get(k, k)}（{k}）" for k in keys],
                         "修改前": [_shown(before.get(k)) for k in keys],
                         "修改后": [_shown(after.get(k)) for k in keys]})


def entry_table(entry: dict) -> pd.DataFrame:
    """An entry as a two-column table (字段, 内容), for people to see before they delete it."""
    return pd.DataFrame({"字段": [f"{schema.TARGET_FIELDS.get(k, k)}({k})" for k in entry],
                         "内容": [_shown(v) for v in entry.values()]})


# -- Streamlit: the forms of the 编辑 page ---------------------------------------------------
# What follows lays out widgets and keeps the form's state in st.session_state; what a save
# does is the plain functions above.

RESULT_KEY = "edit-result"          # (form, Result) of the last save
OPENED_KEY = "edit-opened"          # (form, bytes of the file when the form was opened)


def form_snapshot(form: str, path: Path) -> bytes:
    """The file as it was when `form` was opened in this session (read now if it was not)."""
    import streamlit as st

    if st.session_state.get(OPENED_KEY, (None,))[0] != form:
        st.session_state[OPENED_KEY] = (form, open_form(path))
    return st.session_state[OPENED_KEY][1]


def _widget_key(form: str, key: str) -> str:
    return f"edit-{form}-{key}"


def _field(form: str, key: str, kind: str, prefill: str, errors: dict, observation: bool = False) -> None:
    import streamlit as st

    widget = _widget_key(form, key)
    st.session_state.setdefault(widget, prefill)
    text = label(key, observation)
    help_text = help_for(key, observation).replace("\n", "  \n")
    if kind == "choice":
        st.selectbox(text, CHOICES[key], key=widget, help=help_text,
                     format_func=lambda code, k=key: _choice_text(k, code))
    elif kind == "long":
        st.text_area(text, key=widget, help=help_text, height=80)
    else:
        st.text_input(text, key=widget, help=help_text)
    for message in errors.get(key, []):
        st.error(message, icon=":material/error:")


def _choice_text(key: str, code: str) -> str:
    if not code:
        return "(默认)"
    if key == "type":
        return f"{code} {schema.TYPE_MEANING[code]}"
    words = schema.DIRECTIONS if key == "direction" else schema.QUALIFIERS
    return f"{code} " + "/".join(w for w, c in words.items() if c == code and w != code)


def _errors(form: str) -> dict:
    import streamlit as st

    shown = st.session_state.get(RESULT_KEY)
    return shown[1].errors if shown and shown[0] == form and not shown[1].ok else {}


def target_fields(form: str, entry: dict) -> None:
    """The fields of a target, filled with `entry`, each with its help and its errors."""
    import streamlit as st

    errors, values = _errors(form), form_values(entry)
    for group, fields in (("基本信息", TARGET_FORM[:8]), ("基期与目标", TARGET_FORM[8:15]),
                          ("责任与出处", TARGET_FORM[15:])):
        st.markdown(f"**{group}**")
        columns = st.columns(2)
        for i, (key, kind) in enumerate(fields):
            with columns[i % 2]:
                if key == "id" and entry:
                    st.text_input(label(key), value=entry.get("id", ""), disabled=True, key=_widget_key(form, "id-shown"),
                                  help="编号不能在这里修改(网址和数据表用它);要换编号,请新增目标后删除旧目标")
                    for message in errors.get("id", []):
                        st.error(message, icon=":material/error:")
                    continue
                _field(form, key, kind, values[key], errors)


def observation_fields(form: str) -> None:
    import streamlit as st

    errors = _errors(form)
    columns = st.columns(2)
    for i, (key, kind) in enumerate(OBSERVATION_FORM):
        with columns[i % 2] if kind != "long" else st.container():
            _field(form, key, kind, "", errors, observation=True)


def show_result(form: str) -> None:
    """The outcome of the last save of `form`: done, refused with reasons, or the file changed."""
    import streamlit as st

    shown = st.session_state.get(RESULT_KEY)
    if not shown or shown[0] != form.split(":")[0] and shown[0] != form:
        return
    result = shown[1]
    if result.ok:
        st.success(result.message)
        return
    st.error(result.message)
    for message in result.errors.get("", []):
        st.error(message)
    if result.changed:
        st.markdown("\n".join(f"- {line}" for line in result.changed))
        st.button("载入最新内容", key="edit-reopen", on_click=lambda: st.session_state.pop(OPENED_KEY, None))


def submit(form: str, path: Path, user: str, target_id: str | None) -> None:
    """The save of a form (a button's callback: it runs before the page is laid out again)."""
    import streamlit as st

    action = form.split(":")[0]
    fields = OBSERVATION_FORM if action == "observation" else TARGET_FORM
    values = {key: st.session_state.get(_widget_key(form, key), "") for key, _ in fields}
    opened = st.session_state.get(OPENED_KEY, (None, b""))[1] if st.session_state.get(OPENED_KEY, (None,))[0] == form else b""
    if action == "observation":
        result = add_observation(path, opened, user, target_id, values)
    elif action == "correct":
        result = correct_target(path, opened, user, target_id, values)
    elif action == "add":
        result = add_target(path, opened, user, values)
    else:
        result = delete_target(path, opened, user, target_id)
        st.session_state.pop("edit-delete-pending", None)
    st.session_state[RESULT_KEY] = (form if not result.ok else action, result)
    if result.ok:
        st.session_state.pop(OPENED_KEY, None)            # the next form opens the file as saved
        for key, _ in fields:
            st.session_state.pop(_widget_key(form, key), None)
        if action in ("add", "delete"):
            st.session_state.pop("edit-target", None)


def submit_restore(form: str, path: Path, user: str, change: changelog.Change) -> None:
    """The 历史 page's restore (a button's callback)."""
    import streamlit as st

    opened = st.session_state.get(OPENED_KEY, (None, b""))[1] if st.session_state.get(OPENED_KEY, (None,))[0] == form else b""
    result = restore(path, opened, user, change)
    st.session_state.pop("history-restore-pending", None)
    st.session_state[RESULT_KEY] = (form, result)
    if result.ok:
        st.session_state.pop(OPENED_KEY, None)


def confirmed_button(key: str, form: str, ask: str, question: str, confirm: str, on_confirm, args: tuple) -> None:
    """A button that asks first: `ask` shows `question` with `confirm` and 取消 (keys KEY,
    KEY-confirm, KEY-cancel); `on_confirm(*args)` runs only after the second click."""
    import streamlit as st

    pending = f"{key}-pending"
    if st.session_state.get(pending) == form:
        st.warning(question)
        left, right, _ = st.columns([1, 1, 4])
        left.button(confirm, type="primary", key=f"{key}-confirm", on_click=on_confirm, args=args)
        right.button("取消", key=f"{key}-cancel", on_click=st.session_state.pop, args=(pending, None))
    else:
        st.button(ask, key=key, on_click=st.session_state.__setitem__, args=(pending, form))
