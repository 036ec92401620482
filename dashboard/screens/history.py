"""历史: every save of the targets file (who, when, which target, before and after), and a way
back to the version before any of them (editors only; the restore is itself a save, logged)."""

import streamlit as st

from dashboard import auth, data, editing
from tracker import changelog

st.title("历史")
loaded = data.current()
user = auth.current_user()
if user is None:
    st.warning("查看修改历史需要登录(见“登录”页)。")
    st.stop()

changes, unreadable = changelog.read(loaded.path)
st.caption(f"修改记录 `{changelog.log_path(loaded.path)}`:共 {len(changes)} 条,最新的在最前。")
if unreadable:
    st.warning(f"修改记录中有 {unreadable} 行无法读取,已跳过。")
if not changes:
    st.info("还没有修改记录。在“编辑”页或“文档提取”页保存后,每次修改都会列在这里。")
    st.stop()

targets = sorted({c.target for c in changes})
picked = st.selectbox("目标", [None, *targets], format_func=lambda t: "全部目标" if t is None else t, key="history-target")
table = editing.history_table(changes, picked)
st.dataframe(table.drop(columns=["index"]), hide_index=True, key="history-table")

order = list(table["index"])
chosen = st.selectbox("查看一次修改", order, key="history-change",
                      format_func=lambda i: f"{changes[i].time[:19].replace('T', ' ')} · {changes[i].user} · "
                                            f"{changelog.ACTIONS.get(changes[i].action, changes[i].action)} · {changes[i].target}")
change = changes[chosen]
st.subheader(f"{changelog.ACTIONS.get(change.action, change.action)} {change.target}")
st.caption(change.summary)
st.dataframe(editing.change_fields(change), hide_index=True, key="history-fields")

form = f"restore:{chosen}"
opened = editing.form_snapshot(form, loaded.path)
editing.show_result(form)
if auth.can_edit(user):
    editing.confirmed_button("history-restore", form, "恢复为这次修改之前的版本",
                             f"确定把目标 {change.target} 恢复为这次修改之前的样子?恢复本身也会记入历史。", "确认恢复",
                             editing.submit_restore, (form, loaded.path, user.name, change))
