"""登录: a name and password from the users file, or the organisation's single sign-on."""

import streamlit as st

from dashboard import auth, users


def _submit() -> None:
    name, password = st.session_state.get("login-name", ""), st.session_state.get("login-password", "")
    st.session_state["login-password"] = ""          # the password is kept nowhere after this check
    try:
        auth.log_in(name, password)
        st.session_state.pop("login-error", None)
    except auth.LoginError as err:
        st.session_state["login-error"] = str(err)


st.title("登录")
user = auth.current_user()
if user is not None:
    st.success(f"已登录:{user.name}({user.role_name})。" + ("可在“编辑”页修改台账,在“历史”页查看和恢复修改。"
                                                        if auth.can_edit(user) else "此账号只能查看。"))
    st.button("退出登录", key="login-logout", on_click=auth.log_out)
    st.stop()

known, problem = auth.known_users()
if problem:
    st.error(problem)
if auth.sso_configured():
    if st.user.get("is_logged_in"):
        st.warning(f"单位账号 {st.user.get('email') or ''} 未在用户文件中登记,不能编辑。"
                   f"请管理员运行 `python -m dashboard users add 名字 --email {st.user.get('email') or '邮箱'} --no-password`。")
    else:
        st.button("使用单位账号登录(单点登录)", key="login-sso", type="primary", on_click=st.login)
        st.caption("或用用户名和密码登录:")

with st.form("login-form", border=True, enter_to_submit=True):
    st.text_input("用户名", key="login-name", autocomplete="username")
    st.text_input("密码", type="password", key="login-password", autocomplete="current-password")
    st.form_submit_button("登录", type="primary", on_click=_submit)
if st.session_state.get("login-error"):
    st.error(st.session_state["login-error"])
if not known and not problem:
    st.info(f"还没有用户。管理员在服务器上运行 `python -m dashboard users add 名字 --role editor` 添加"
            f"(用户文件:`{users.default_path()}`)。")
