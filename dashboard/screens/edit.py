"""编辑: add a progress observation, correct a target, add one, delete one (editors only).

Each form keeps the file as it was when the form was opened; saving goes through
dashboard.editing (tracker's check, write path and change log)."""

import streamlit as st

from dashboard import auth, data, editing

st.title("编辑")
loaded = data.current()
user = auth.current_user()
if not auth.can_edit(user):
    st.warning("修改台账需要以“编辑”角色登录(见“登录”页)。")
    st.stop()

ACTIONS = {"observation": "新增进展", "correct": "修改目标", "add": "新增目标", "delete": "删除目标"}
action = st.radio("要做什么", list(ACTIONS), format_func=ACTIONS.get, horizontal=True, key="edit-action")
st.caption(f"目标文件 `{loaded.path}`。保存前先按 `python -m tracker check` 的规则检查,有问题时不写入,"
           "并在对应字段下说明;每次保存都记入“历史”页,可以恢复。")

if action == "add":
    form = "add"
    opened = editing.form_snapshot(form, loaded.path)
    editing.show_result(form)
    with st.form("edit-add-form"):
        editing.target_fields(form, {})
        st.form_submit_button("新增目标", type="primary", on_click=editing.submit,
                              args=(form, loaded.path, user.name, None))
    st.stop()

choices = editing.target_choices(editing.open_form(loaded.path), loaded.path)
if not choices:
    st.info("目标文件中还没有目标(或文件无法读取,见上方提示)。")
    st.stop()
target_id = st.selectbox("目标", list(choices), format_func=choices.get, key="edit-target",
                         index=list(choices).index(st.query_params["id"]) if st.query_params.get("id") in choices else 0)
form = f"{action}:{target_id}"
opened = editing.form_snapshot(form, loaded.path)
editing.show_result(form)

if action == "observation":
    with st.form(f"edit-observation-form-{target_id}"):
        editing.observation_fields(form)
        st.form_submit_button("保存进展", type="primary", on_click=editing.submit,
                              args=(form, loaded.path, user.name, target_id))
elif action == "correct":
    with st.form(f"edit-correct-form-{target_id}"):
        editing.target_fields(form, editing.current_entry(opened, loaded.path, target_id))
        st.form_submit_button("保存修改", type="primary", on_click=editing.submit,
                              args=(form, loaded.path, user.name, target_id))
else:
    entry = editing.current_entry(opened, loaded.path, target_id)
    st.dataframe(editing.entry_table(entry), hide_index=True, key="edit-delete-entry")
    editing.confirmed_button("edit-delete", form, "删除此目标",
                             f"确定删除目标 {choices[target_id]}?删除会记入“历史”页,可在那里恢复。", "确认删除",
                             editing.submit, (form, loaded.path, user.name, target_id))
