"""Who is using the dashboard, and what they may do.

Viewing is open unless targets.yaml says ``settings: {login_to_view: true}``; editing always
needs a user whose role is editor. A user logs in with a name and password from the users
file (dashboard/users.py), or through single sign-on (Streamlit's st.login, OIDC) when the
deployment configures ``[auth]`` in .streamlit/secrets.toml: the identity's e-mail address is
then looked up in the users file (``email = ...``) for its role; an identity not listed there
gets no role.

Failed logins are counted in a moving window per user name and per browser session
(`limits`); past the limit, a login is refused without checking the password, and the
message says how long to wait. Passwords are never stored, logged or shown: only their
argon2 hashes are kept, in the users file.

The plain functions (`authenticate`, `Limiter`, `sso_user`, `visible_pages`, ...) are what the
tests exercise; `current_user`, `log_in`, `log_out` and `sso_configured` read and write
Streamlit's session.
"""
from __future__ import annotations

import dataclasses
import math
import time
import uuid

import streamlit as st
from limits import parse, storage, strategies

from dashboard import users as users_file
from dashboard.users import User

__all__ = ["FAILURES", "Limiter", "LoginError", "authenticate", "can_edit", "current_user", "limiter", "log_in",
           "log_out", "must_log_in", "sso_configured", "sso_user", "visible_pages", "wait_text"]

#: Failed logins allowed per user name, and per browser session, in a moving window.
FAILURES = "5/15 minutes"
SESSION_KEY = "auth-user"          # the logged-in user's name and how they logged in
SESSION_ID = "auth-session"        # this browser session, for the per-session count


class LoginError(Exception):
    """A refused login; the message (Chinese) is for the person trying."""


def wait_text(seconds: float) -> str:
    """How long to wait, as people say it: 14 分 32 秒, 40 秒."""
    seconds = max(1, math.ceil(seconds))
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} 分 {rest} 秒" if minutes else f"{rest} 秒"


@dataclasses.dataclass
class Limiter:
    """Failed logins per user name and per session (a moving window of `FAILURES`)."""

    rule: str = FAILURES

    def __post_init__(self):
        self.item = parse(self.rule)
        self.window = strategies.MovingWindowRateLimiter(storage.MemoryStorage())

    def wait(self, name: str, session: str) -> float:
        """Seconds until another try is allowed for this name and session (0: now)."""
        longest = 0.0
        for scope in (("user", name), ("session", session)):
            if not self.window.test(self.item, *scope):
                longest = max(longest, self.window.get_window_stats(self.item, *scope).reset_time - time.time())
        return longest

    def failed(self, name: str, session: str) -> int:
        """Count a failure; returns how many tries are left before the wait."""
        for scope in (("user", name), ("session", session)):
            self.window.hit(self.item, *scope)
        return min(self.window.get_window_stats(self.item, *scope).remaining for scope in (("user", name), ("session", session)))

    def succeeded(self, name: str, session: str) -> None:
        for scope in (("user", name), ("session", session)):
            self.window.clear(self.item, *scope)


def authenticate(known: dict[str, User], name: str, password: str, session: str, limits: Limiter) -> User:
    """The user whose name and password these are; raises LoginError (wrong name or password,
    said the same way for both; too many failures, with the time to wait)."""
    name = name.strip()
    if not name or not password:
        raise LoginError("请输入用户名和密码")
    wait = limits.wait(name, session)
    if wait > 0:
        raise LoginError(f"登录失败次数过多，请 {wait_text(wait)}后再试")
    user = known.get(name)
    if not users_file.verify(user, password):
        left = limits.failed(name, session)
        more = f"（还可再试 {left} 次）" if left else f"（已达上限，请 {wait_text(limits.wait(name, session))}后再试）"
        raise LoginError("用户名或密码不正确" + more)
    limits.succeeded(name, session)
    return user


def sso_user(known: dict[str, User], email: str | None) -> User | None:
    """The user of the users file whose `email` is this single-sign-on identity, if any."""
    if not email:
        return None
    email = email.strip().lower()
    return next((u for u in known.values() if u.email == email), None)


def can_edit(user: User | None) -> bool:
    return user is not None and user.role == "editor"


def must_log_in(settings: dict, user: User | None) -> bool:
    """True when this visitor sees only the login page (the book's settings ask for a login to view)."""
    return bool(settings.get("login_to_view")) and user is None


def visible_pages(user: User | None, settings: dict, pages, staff_pages, login_page) -> list:
    """The pages of the navigation for this visitor: everything viewers see, the staff pages
    their role allows (each staff page names the least role that sees it), and the login page
    (to log in, or to see who is logged in and log out)."""
    if must_log_in(settings, user):
        return [login_page]
    rank = {None: 0, "viewer": 1, "editor": 2}
    mine = rank.get(user.role if user else None, 0)
    return [*pages, *(p[:-1] for p in staff_pages if mine >= rank[p[-1]]), login_page]


# -- the Streamlit session -------------------------------------------------------------------

@st.cache_resource
def limiter() -> Limiter:
    """One count of failures for the whole server (every session sees it)."""
    return Limiter()


def session_id() -> str:
    return st.session_state.setdefault(SESSION_ID, uuid.uuid4().hex)


def sso_configured() -> bool:
    """True when .streamlit/secrets.toml has an [auth] section (st.login can be used)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all: Streamlit raises its own error types
        return False


def known_users() -> tuple[dict[str, User], str | None]:
    """(the users of the users file, a message when it cannot be read)."""
    try:
        return users_file.load(), None
    except users_file.UsersError as err:
        return {}, str(err)


def current_user() -> User | None:
    """Who is logged in to this session, looked up again in the users file on every run (a
    user removed or changed there loses or changes their rights at once)."""
    known, _ = known_users()
    name = st.session_state.get(SESSION_KEY)
    if name:
        user = known.get(name)
        if user is None:
            st.session_state.pop(SESSION_KEY, None)
        return user
    if sso_configured() and st.user.get("is_logged_in"):
        return sso_user(known, st.user.get("email"))
    return None


def log_in(name: str, password: str) -> User:
    """Check a name and password and remember the user in this session; raises LoginError."""
    known, problem = known_users()
    if problem:
        raise LoginError(problem)
    user = authenticate(known, name, password, session_id(), limiter())
    st.session_state[SESSION_KEY] = user.name
    return user


def log_out() -> None:
    st.session_state.pop(SESSION_KEY, None)
    if sso_configured() and st.user.get("is_logged_in"):
        st.logout()


def account_box(user: User | None) -> None:
    """Sidebar: who is logged in (and 退出登录), or where to log in."""
    with st.sidebar:
        if user is not None:
            st.caption(f"当前用户:{user.name}({user.role_name})")
            st.button("退出登录", key="auth-logout", on_click=log_out)
        elif sso_configured() and st.user.get("is_logged_in"):
            st.caption(f"单位账号 {st.user.get('email') or ''} 未在用户文件中登记,不能编辑")
            st.button("退出登录", key="auth-logout", on_click=log_out)
        else:
            st.caption("未登录:可以查看;编辑台账请先登录")
