"""The users file and its command (dashboard/users.py), and the login rules (dashboard/auth.py)."""
import io
import stat
import time
import tomllib

import pytest

from dashboard import auth, users
from dashboard.__main__ import main as dashboard_main

ROOT = users.REPO_ROOT


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch):
    """argon2 with a small cost, so that the many hashes of these tests take milliseconds
    (the dashboard uses argon2-cffi's default cost)."""
    from argon2 import PasswordHasher

    quick = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(users, "_HASHER", quick)
    monkeypatch.setattr(users, "_DUMMY", quick.hash("not a password of anyone"))


@pytest.fixture
def path(tmp_path):
    return tmp_path / "config" / "users.toml"


class Tty(io.StringIO):
    def isatty(self):
        return True


# --- the users file -------------------------------------------------------------------------

def test_added_users_are_salted_argon2_hashes_in_an_owner_only_file(path):
    users.add(path, "张三", "editor", "correct horse")
    users.add(path, "李四", "viewer", "correct horse")
    data = tomllib.loads(path.read_text(encoding="utf-8"))["users"]
    assert data["张三"]["role"] == "editor" and data["李四"]["role"] == "viewer"
    first, second = data["张三"]["password"], data["李四"]["password"]
    assert first.startswith("$argon2id$") and second.startswith("$argon2id$")
    assert first != second                                   # same password, different salt
    assert "correct horse" not in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


VERIFY = [
    ("right password", "张三", "correct horse", True),
    ("wrong password", "张三", "correct horsE", False),
    ("another user's password", "李四", "correct horse", False),
    ("unknown user", "王五", "correct horse", False),
    ("empty password", "张三", "", False),
]


@pytest.mark.parametrize("name, password, expected", [c[1:] for c in VERIFY], ids=[c[0] for c in VERIFY])
def test_verify(path, name, password, expected):
    users.add(path, "张三", "editor", "correct horse")
    users.add(path, "李四", "viewer", "battery staple")
    assert users.verify(users.load(path).get(name), password) is expected


def test_a_user_without_password_cannot_log_in_with_one(path):
    users.add(path, "王五", "editor", None, email="wangwu@example.gov.cn")
    assert users.verify(users.load(path)["王五"], "") is False


REFUSED = [
    ("short password", dict(name="张三", role="editor", password="short"), "至少 8"),
    ("unknown role", dict(name="张三", role="admin", password="correct horse"), "editor 或 viewer"),
    ("name with a space", dict(name="张 三", role="editor", password="correct horse"), "不含空格"),
    ("empty name", dict(name=" ", role="editor", password="correct horse"), "1 到 64"),
    ("no password and no e-mail", dict(name="张三", role="editor", password=None), "--email"),
]


@pytest.mark.parametrize("fields, message", [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_add_refuses_with_a_reason(path, fields, message):
    with pytest.raises(users.UsersError, match=message):
        users.add(path, **fields)
    assert not path.exists()


def test_an_existing_user_is_replaced_only_when_asked(path):
    users.add(path, "张三", "editor", "correct horse")
    with pytest.raises(users.UsersError, match="--replace"):
        users.add(path, "张三", "viewer", "another password")
    users.add(path, "张三", "viewer", "another password", replace=True)
    user = users.load(path)["张三"]
    assert user.role == "viewer" and users.verify(user, "another password") and not users.verify(user, "correct horse")


def test_one_sso_identity_belongs_to_one_user(path):
    users.add(path, "王五", "editor", None, email="WangWu@Example.gov.cn")
    assert users.load(path)["王五"].email == "wangwu@example.gov.cn"
    with pytest.raises(users.UsersError, match="已属于用户 王五"):
        users.add(path, "赵六", "viewer", None, email="wangwu@example.gov.cn")


def test_remove_keeps_the_others_and_the_comments(path):
    users.add(path, "张三", "editor", "correct horse")
    users.add(path, "李四", "viewer", "correct horse")
    path.write_text("# 管理员的说明\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    users.remove(path, "张三")
    assert list(users.load(path)) == ["李四"] and path.read_text(encoding="utf-8").startswith("# 管理员的说明\n")
    with pytest.raises(users.UsersError, match="没有用户 张三"):
        users.remove(path, "张三")


def test_the_file_is_refused_inside_the_repository():
    with pytest.raises(users.UsersError, match="仓库目录"):
        users.add(ROOT / "tests" / "users.toml", "张三", "editor", "correct horse")
    assert not (ROOT / "tests" / "users.toml").exists()


BAD_FILES = [
    ("not toml", "[users\n", "格式有误"),
    ("a user that is not a table", 'users = {"张三" = "editor"}\n', "应为一个表"),
    ("unknown role", '[users."张三"]\nrole = "boss"\n', "role 应为"),
]


@pytest.mark.parametrize("content, message", [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES])
def test_a_bad_file_is_a_chinese_error(path, content, message):
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")
    with pytest.raises(users.UsersError, match=message):
        users.load(path)


def test_a_missing_file_has_no_users(path):
    assert users.load(path) == {}


DEFAULTS = [
    ("env var", {"TRACKER_USERS": "/srv/users.toml", "HOME": "/home/a"}, "/srv/users.toml"),
    ("xdg", {"XDG_CONFIG_HOME": "/home/a/cfg"}, "/home/a/cfg/quant-tracker/users.toml"),
]


@pytest.mark.parametrize("environ, expected", [c[1:] for c in DEFAULTS], ids=[c[0] for c in DEFAULTS])
def test_where_the_file_is(environ, expected):
    assert str(users.default_path(environ)) == expected


def test_the_default_is_under_the_home_config(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert users.default_path({}) == tmp_path / ".config" / "quant-tracker" / "users.toml"


def test_repr_hides_the_hash(path):
    users.add(path, "张三", "editor", "correct horse")
    user = users.load(path)["张三"]
    assert "argon2" not in repr(user) and "argon2" in user.password


# --- the command ----------------------------------------------------------------------------

def test_command_add_list_remove(path, capsys):
    assert users.main(["--file", str(path), "add", "张三", "--role", "viewer"], stdin=io.StringIO("correct horse\n")) == 0
    assert users.main(["--file", str(path), "add", "王五", "--email", "w@example.gov.cn", "--no-password"]) == 0
    assert users.main(["--file", str(path), "list"]) == 0
    out = capsys.readouterr().out
    assert "correct horse" not in out and "argon2" not in out
    assert "张三\t查看\t密码" in out and "王五\t编辑\t单点登录 w@example.gov.cn" in out
    assert users.verify(users.load(path)["张三"], "correct horse")
    assert users.main(["--file", str(path), "remove", "张三"]) == 0
    assert list(users.load(path)) == ["王五"]


def test_command_asks_twice_on_a_terminal(path, monkeypatch, capsys):
    answers = iter(["correct horse", "correct horse!"])
    monkeypatch.setattr(users.getpass, "getpass", lambda prompt: next(answers))
    assert users.main(["--file", str(path), "add", "张三"], stdin=Tty()) == 1
    assert "两次输入的密码不一致" in capsys.readouterr().err and not path.exists()


def test_command_errors_are_chinese_with_status_1(path, capsys):
    assert users.main(["--file", str(path), "remove", "nobody"]) == 1
    assert capsys.readouterr().err.startswith("错误：没有用户 nobody")


def test_dashboard_command_dispatches_and_lists_its_commands(path, capsys):
    assert dashboard_main(["users", "--file", str(path), "list"]) == 0
    assert "还没有用户" in capsys.readouterr().out
    assert dashboard_main(["nonsense"]) == 2
    assert "users" in capsys.readouterr().err


# --- logging in ----------------------------------------------------------------------------

@pytest.fixture
def known(path):
    users.add(path, "张三", "editor", "correct horse")
    users.add(path, "王五", "viewer", None, email="wangwu@example.gov.cn")
    return users.load(path)


LOGINS = [
    ("right password", "张三", "correct horse", None),
    ("name with spaces around", " 张三 ", "correct horse", None),
    ("wrong password", "张三", "wrong horse", "用户名或密码不正确（还可再试 4 次）"),
    ("unknown user says the same", "赵六", "correct horse", "用户名或密码不正确（还可再试 4 次）"),
    ("sso-only user has no password", "王五", "correct horse", "用户名或密码不正确（还可再试 4 次）"),
    ("no password typed", "张三", "", "请输入用户名和密码"),
]


@pytest.mark.parametrize("name, password, error", [c[1:] for c in LOGINS], ids=[c[0] for c in LOGINS])
def test_authenticate(known, name, password, error):
    if error is None:
        assert auth.authenticate(known, name, password, "s1", auth.Limiter()).name == "张三"
    else:
        with pytest.raises(auth.LoginError) as refused:
            auth.authenticate(known, name, password, "s1", auth.Limiter())
        assert str(refused.value) == error


def _fail(known, limits, name, session, times):
    for _ in range(times):
        with pytest.raises(auth.LoginError):
            auth.authenticate(known, name, "wrong horse", session, limits)


def test_five_failures_for_a_name_lock_it_for_every_session_with_the_wait(known):
    limits = auth.Limiter("5/15 minutes")
    _fail(known, limits, "张三", "s1", 4)
    with pytest.raises(auth.LoginError, match=r"已达上限，请 1[45] 分 \d+ 秒后再试"):
        auth.authenticate(known, "张三", "wrong horse", "s1", limits)
    with pytest.raises(auth.LoginError) as refused:           # even the right password, from another session
        auth.authenticate(known, "张三", "correct horse", "s2", limits)
    minutes, seconds = map(int, __import__("re").search(r"请 (\d+) 分 (\d+) 秒后再试", str(refused.value)).groups())
    assert str(refused.value).startswith("登录失败次数过多") and 14 * 60 < minutes * 60 + seconds <= 15 * 60


def test_five_failures_in_a_session_lock_the_session_for_every_name(known):
    limits = auth.Limiter("5/15 minutes")
    for name in ("a", "b", "c", "d", "e"):
        _fail(known, limits, name, "s1", 1)
    with pytest.raises(auth.LoginError, match="登录失败次数过多"):
        auth.authenticate(known, "张三", "correct horse", "s1", limits)
    assert auth.authenticate(known, "张三", "correct horse", "s2", limits).name == "张三"


def test_the_lock_ends_when_the_window_has_passed(known):
    limits = auth.Limiter("2/1 second")
    _fail(known, limits, "张三", "s1", 2)
    with pytest.raises(auth.LoginError, match="登录失败次数过多"):
        auth.authenticate(known, "张三", "correct horse", "s1", limits)
    time.sleep(1.1)
    assert auth.authenticate(known, "张三", "correct horse", "s1", limits).name == "张三"


def test_a_success_forgets_earlier_failures(known):
    limits = auth.Limiter("5/15 minutes")
    _fail(known, limits, "张三", "s1", 4)
    auth.authenticate(known, "张三", "correct horse", "s1", limits)
    with pytest.raises(auth.LoginError, match="还可再试 4 次"):
        auth.authenticate(known, "张三", "wrong horse", "s1", limits)


@pytest.mark.parametrize("seconds, text", [(0.2, "1 秒"), (40, "40 秒"), (60, "1 分 0 秒"), (899.5, "15 分 0 秒")],
                         ids=["under a second", "seconds", "a minute", "almost fifteen minutes"])
def test_wait_text(seconds, text):
    assert auth.wait_text(seconds) == text


SSO = [
    ("listed e-mail", "wangwu@example.gov.cn", "王五"),
    ("case does not matter", "WangWu@Example.GOV.cn", "王五"),
    ("unlisted e-mail gets no role", "someone@example.gov.cn", None),
    ("no e-mail", None, None),
]


@pytest.mark.parametrize("email, name", [c[1:] for c in SSO], ids=[c[0] for c in SSO])
def test_sso_identity_to_user(known, email, name):
    user = auth.sso_user(known, email)
    assert (user.name if user else None) == name


PAGES = (("overview.py", "总览", "overview", "i"),)
STAFF = (("edit.py", "编辑", "edit", "i", "editor"), ("history.py", "历史", "history", "i", "viewer"))
LOGIN = ("login.py", "登录", "login", "i")
EDITOR, VIEWER = users.User("张三", "editor"), users.User("李四", "viewer")
VISIBLE = [
    ("visitor, open", None, False, ["总览", "登录"]),
    ("viewer, open", VIEWER, False, ["总览", "历史", "登录"]),
    ("editor, open", EDITOR, False, ["总览", "编辑", "历史", "登录"]),
    ("visitor, login to view", None, True, ["登录"]),
    ("viewer, login to view", VIEWER, True, ["总览", "历史", "登录"]),
]


@pytest.mark.parametrize("user, locked, titles", [c[1:] for c in VISIBLE], ids=[c[0] for c in VISIBLE])
def test_visible_pages(user, locked, titles):
    shown = auth.visible_pages(user, {"login_to_view": locked}, PAGES, STAFF, LOGIN)
    assert [p[1] for p in shown] == titles
