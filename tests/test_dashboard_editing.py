"""Editing in the browser, run by Streamlit's AppTest: login, the 编辑 and 历史 pages, the
document intake, and what viewers and visitors do not see.

Each test works on a copy of a small targets file written here, with a users file in the
test's folder (never the user's). Expected values come from that input."""
import json
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

import tracker
from dashboard import auth, data, users

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard" / "app.py"

BOOK = """\
# 台账（注释要保留）
targets:
  - id: gdp   # 地区生产总值
    region: 昆山市
    indicator: 地区生产总值
    unit: 亿元
    baseline: {value: 5000, date: 2023}
    target: {value: 6000, due: 2026}
    source: {doc: 会议}
    progress:
      - {date: 2024, value: 5380.17}

  - id: firms
    region: 昆山市
    indicator: 高新技术企业
    unit: 家
    target: {value: 4000, due: 2026}
    source: {doc: 会议}
"""
LOGIN = "FormSubmitter:login-form-登录"


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch):
    from argon2 import PasswordHasher

    quick = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(users, "_HASHER", quick)
    monkeypatch.setattr(users, "_DUMMY", quick.hash("not a password of anyone"))
    auth.limiter.clear()                 # every test starts with no failed logins


@pytest.fixture
def book(tmp_path, monkeypatch):
    path = tmp_path / "targets.yaml"
    path.write_text(BOOK, encoding="utf-8")
    users_file = tmp_path / "home" / "users.toml"
    users.add(users_file, "张三", "editor", "correct horse")
    users.add(users_file, "李四", "viewer", "battery staple")
    users.add(users_file, "王五", "editor", None, email="wangwu@example.gov.cn")
    monkeypatch.setenv(data.ENV_VAR, str(path))
    monkeypatch.setenv(users.ENV_VAR, str(users_file))
    return path


def app() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    return at


def log_in(at: AppTest, name: str, password: str) -> AppTest:
    at.switch_page("screens/login.py").run()
    at.text_input(key="login-name").input(name)
    at.text_input(key="login-password").input(password)
    return at.button(key=LOGIN).click().run()


def page(at: AppTest, script: str) -> AppTest:
    return at.switch_page(f"screens/{script}").run()


def nav_titles(at: AppTest) -> list[str]:
    """The titles of the pages in this session's navigation (what st.navigation registered)."""
    return [info.get("page_name") for info in at._registered_pages.values()]


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def targets(path) -> dict:
    """The file read with PyYAML, not with the code under test."""
    return {t["id"]: t for t in yaml.safe_load(path.read_text(encoding="utf-8"))["targets"]}


def log(path) -> list[dict]:
    log_file = path.with_name("targets.log.jsonl")
    return [json.loads(l) for l in log_file.read_text(encoding="utf-8").splitlines()] if log_file.exists() else []


def fill(at: AppTest, form: str, values: dict) -> None:
    for key, text in values.items():
        widget = f"edit-{form}-{key}"
        matches = [w for w in at.text_input if w.key == widget] + [w for w in at.text_area if w.key == widget]
        matches[0].input(text)


def edit_controls(at: AppTest) -> list[str]:
    """Every widget through which someone could change the file."""
    keys = [w.key or "" for w in (*at.button, *at.text_input, *at.text_area)]
    return [k for k in keys if k.startswith(("edit-", "history-restore", "document-write", "FormSubmitter:edit"))] + \
        [f"data_editor:{w.key}" for w in at.data_editor]


# --- login ----------------------------------------------------------------------------------

def test_a_visitor_can_view_but_has_no_editing_pages(book):
    at = app()
    assert not at.exception
    assert "编辑" not in nav_titles(at) and "历史" not in nav_titles(at) and "登录" in nav_titles(at)
    assert any("未登录" in c.value for c in at.sidebar.caption)


def test_an_editor_logs_in_and_gets_the_editing_pages(book):
    at = log_in(app(), "张三", "correct horse")
    assert not at.exception and not errors(at)
    assert at.success[0].value.startswith("已登录:张三(编辑)")
    assert {"编辑", "历史"} <= set(nav_titles(at))
    assert at.session_state["login-password"] == ""                # the password is not kept


def test_a_wrong_password_says_so_and_logs_no_one_in(book):
    at = log_in(app(), "张三", "wrong horse")
    assert errors(at) == ["用户名或密码不正确（还可再试 4 次）"]
    assert "编辑" not in nav_titles(at)
    assert all("wrong horse" not in (w.value or "") for w in at.text_input)


def test_failed_logins_are_rate_limited_with_the_wait(book):
    at = app()
    for _ in range(5):
        log_in(at, "张三", "wrong horse")
    assert "已达上限" in errors(at)[0]
    log_in(at, "张三", "correct horse")                              # the right password is not even checked now
    assert errors(at)[0].startswith("登录失败次数过多，请 1") and "后再试" in errors(at)[0]
    assert "编辑" not in nav_titles(at)


def test_log_out(book):
    at = log_in(app(), "张三", "correct horse")
    at.button(key="auth-logout").click().run()
    assert "编辑" not in nav_titles(at)


def test_login_to_view_shows_only_the_login_page_until_logged_in(book):
    book.write_text("settings: {login_to_view: true}\n" + BOOK, encoding="utf-8")
    at = app()
    assert nav_titles(at) == ["登录"] and [t.value for t in at.title] == ["登录"]
    assert not any("目标文件" in c.value for c in at.sidebar.caption)   # not even the file's name
    log_in(at, "李四", "battery staple")
    assert "总览" in nav_titles(at) and "编辑" not in nav_titles(at)


def test_a_user_removed_from_the_file_loses_their_rights_at_once(book):
    at = log_in(app(), "张三", "correct horse")
    users.remove(Path(__import__("os").environ[users.ENV_VAR]), "张三")
    at.run()
    assert "编辑" not in nav_titles(at)


def test_a_broken_users_file_is_a_chinese_error_on_the_login_page(book):
    Path(__import__("os").environ[users.ENV_VAR]).write_text("[users\n", encoding="utf-8")
    at = page(app(), "login.py")
    assert any("格式有误" in e for e in errors(at))


SSO_SECRETS = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
               "client_id": "tracker", "client_secret": "s",
               "server_metadata_url": "https://sso.example.gov.cn/.well-known/openid-configuration"}
SSO = [
    ("listed identity edits", {"is_logged_in": True, "email": "WangWu@example.gov.cn"}, True),
    ("unlisted identity gets no role", {"is_logged_in": True, "email": "someone@example.gov.cn"}, False),
]


@pytest.mark.parametrize("identity, editor", [c[1:] for c in SSO], ids=[c[0] for c in SSO])
def test_single_sign_on_identities_take_their_role_from_the_users_file(book, identity, editor):
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.secrets["auth"] = SSO_SECRETS
    at.user = identity
    at.run()
    assert ("编辑" in nav_titles(at)) is editor
    if not editor:
        page(at, "login.py")
        assert any("未在用户文件中登记" in w.value for w in at.warning)


def test_the_sso_button_shows_only_when_configured(book):
    at = page(app(), "login.py")
    assert not [b for b in at.button if b.key == "login-sso"]
    configured = AppTest.from_file(str(APP), default_timeout=60)
    configured.secrets["auth"] = SSO_SECRETS
    configured.user = {"is_logged_in": False}
    configured.run()
    page(configured, "login.py")
    assert configured.button(key="login-sso").label == "使用单位账号登录(单点登录)"


# --- who sees edit controls -----------------------------------------------------------------

DOCUMENT = "2025年昆山市国民经济和社会发展统计公报\n全市全年完成地区生产总值5600亿元，比上年增长6.0%。\n"


@pytest.mark.parametrize("who", [None, ("李四", "battery staple")], ids=["visitor", "viewer"])
def test_no_edit_controls_for_a_viewer_or_a_visitor(book, who):
    at = app()
    if who:
        log_in(at, *who)
    for script in ("edit.py", "history.py", "document.py", "overview.py"):
        if script in ("edit.py", "history.py") and who is None or script == "edit.py":
            with pytest.raises(ValueError, match="Could not find a navigation page"):
                at.switch_page(f"screens/{script}")                     # not in this visitor's navigation
            continue
        page(at, script)
        if script == "document.py":
            at.text_area(key="document-text").input(DOCUMENT).run()
            assert "台账进展建议" in [s.value for s in at.subheader]
            assert any("以“编辑”角色登录后" in c.value for c in at.caption)      # a proposal is shown, without ticks
        assert not at.exception, script
        assert edit_controls(at) == [], script
    assert book.read_text(encoding="utf-8") == BOOK


def test_an_editor_has_the_controls_the_others_lack(book):
    """The same look-up as above finds the controls when an editor is logged in."""
    at = log_in(app(), "张三", "correct horse")
    page(at, "document.py")
    at.text_area(key="document-text").input(DOCUMENT).run()
    assert "document-write" in edit_controls(at) and any(c.startswith("data_editor:") for c in edit_controls(at))
    page(at, "edit.py")
    assert any(c.startswith("FormSubmitter:edit") for c in edit_controls(at))


# --- the 编辑 page ---------------------------------------------------------------------------

@pytest.fixture
def editor(book):
    return log_in(app(), "张三", "correct horse")


def test_add_an_observation_with_its_source(book, editor):
    at = page(editor, "edit.py")
    at.selectbox(key="edit-target").set_value("gdp").run()
    fill(at, "observation:gdp", {"date": "2025", "value": "5600", "source": "2025年昆山市统计公报",
                                 "url": "https://example.gov.cn/2025.html"})
    at.button(key="FormSubmitter:edit-observation-form-gdp-保存进展").click().run()
    assert not at.exception and not errors(at), errors(at)
    assert "已写入" in at.success[0].value
    assert targets(book)["gdp"]["progress"][-1] == {"date": 2025, "value": 5600, "source": "2025年昆山市统计公报",
                                                     "url": "https://example.gov.cn/2025.html"}
    assert book.read_text(encoding="utf-8").startswith("# 台账（注释要保留）\ntargets:\n  - id: gdp   # 地区生产总值\n")
    [line] = log(book)
    assert (line["user"], line["target"], line["action"]) == ("张三", "gdp", "observation")
    assert len(line["before"]["progress"]) == 1 and len(line["after"]["progress"]) == 2
    page(at, "overview.py")
    assert tracker.load(book).observations.query("target_id == 'gdp'")["value"].max() == 5600


CHECK_ERRORS = [
    ("value with its unit", {"date": "2025", "value": "5600亿元"}, "edit-observation:gdp-value", "请写 5600"),
    ("date in words", {"date": "明年", "value": "5600"}, "edit-observation:gdp-date", "进展日期"),
    ("no date", {"value": "5600"}, "edit-observation:gdp-date", "缺少 date"),
]


@pytest.mark.parametrize("values, field, message", [c[1:] for c in CHECK_ERRORS], ids=[c[0] for c in CHECK_ERRORS])
def test_check_errors_are_shown_at_their_field_and_nothing_is_written(book, editor, values, field, message):
    at = page(editor, "edit.py")
    at.selectbox(key="edit-target").set_value("gdp").run()
    fill(at, "observation:gdp", values)
    at.button(key="FormSubmitter:edit-observation-form-gdp-保存进展").click().run()
    assert errors(at)[0].startswith("检查未通过，未写入任何内容")
    # the message stands right after its field, inside the form
    flat = list(_flatten(at.main))
    where = next(i for i, e in enumerate(flat) if getattr(e, "key", None) == field)
    assert message in flat[where + 1].value
    assert book.read_text(encoding="utf-8") == BOOK and log(book) == []


def _flatten(block):
    for child in getattr(block, "children", {}).values():
        if getattr(child, "children", None):
            yield from _flatten(child)
        else:
            yield child


def test_correct_a_target_changes_only_what_the_form_changed(book, editor):
    at = page(editor, "edit.py")
    at.radio(key="edit-action").set_value("correct").run()
    at.selectbox(key="edit-target").set_value("firms").run()
    assert at.text_input(key="edit-correct:firms-target.value").value == "4000"       # filled from the file
    fill(at, "correct:firms", {"target.value": "4500", "department": "市科技局"})
    at.button(key="FormSubmitter:edit-correct-form-firms-保存修改").click().run()
    assert not errors(at), errors(at)
    after = targets(book)
    assert after["firms"]["target"] == {"value": 4500, "due": 2026} and after["firms"]["department"] == "市科技局"
    assert after["gdp"] == targets_of(BOOK)["gdp"]
    assert "    target: {value: 4500, due: 2026}\n" in book.read_text(encoding="utf-8")      # flow style kept
    assert log(book)[0]["action"] == "edit"


def targets_of(text: str) -> dict:
    return {t["id"]: t for t in yaml.safe_load(text)["targets"]}


def test_add_a_target(book, editor):
    at = page(editor, "edit.py")
    at.radio(key="edit-action").set_value("add").run()
    assert at.text_input(key="edit-add-unit").help.startswith("单位，按工作人员习惯写")   # the header's help
    fill(at, "add", {"id": "sz-gdp", "region": "苏州市", "indicator": "地区生产总值", "unit": "万亿元",
                     "target.value": "3", "target.due": "2026", "source.doc": "苏州会议", "tags": "343, 1030"})
    at.button(key="FormSubmitter:edit-add-form-新增目标").click().run()
    assert not errors(at), errors(at)
    assert targets(book)["sz-gdp"] == {"id": "sz-gdp", "region": "苏州市", "indicator": "地区生产总值", "unit": "万亿元",
                                       "target": {"value": 3, "due": 2026}, "tags": ["343", "1030"],
                                       "source": {"doc": "苏州会议"}}
    assert log(book)[0]["action"] == "add" and log(book)[0]["before"] is None


def test_a_taken_id_is_refused_at_the_id_field(book, editor):
    at = page(editor, "edit.py")
    at.radio(key="edit-action").set_value("add").run()
    fill(at, "add", {"id": "gdp", "region": "苏州市", "indicator": "地区生产总值", "unit": "万亿元",
                     "target.value": "3", "target.due": "2026", "source.doc": "苏州会议"})
    at.button(key="FormSubmitter:edit-add-form-新增目标").click().run()
    assert any("已有编号为 gdp" in e for e in errors(at))
    assert book.read_text(encoding="utf-8") == BOOK


def test_delete_asks_for_confirmation(book, editor):
    at = page(editor, "edit.py")
    at.radio(key="edit-action").set_value("delete").run()
    at.selectbox(key="edit-target").set_value("firms").run()
    at.button(key="edit-delete").click().run()
    assert "确定删除目标" in at.warning[0].value and book.read_text(encoding="utf-8") == BOOK
    at.button(key="edit-delete-cancel").click().run()
    assert not at.warning and book.read_text(encoding="utf-8") == BOOK
    at.button(key="edit-delete").click().run()
    at.button(key="edit-delete-confirm").click().run()
    assert not errors(at), errors(at)
    assert list(targets(book)) == ["gdp"] and log(book)[0]["action"] == "delete"


def test_a_file_changed_since_the_form_opened_is_refused_with_what_changed(book, editor):
    at = page(editor, "edit.py")
    at.selectbox(key="edit-target").set_value("gdp").run()               # the form opens the file now
    someone = BOOK.replace("value: 4000", "value: 4200")
    book.write_text(someone, encoding="utf-8")                         # someone else saves meanwhile
    fill(at, "observation:gdp", {"date": "2025", "value": "5600"})
    at.button(key="FormSubmitter:edit-observation-form-gdp-保存进展").click().run()
    assert "目标文件已被修改" in errors(at)[0]
    assert any("修改了目标 firms 的 target" in m.value for m in at.markdown)
    assert book.read_text(encoding="utf-8") == someone and log(book) == []
    at.button(key="edit-reopen").click().run()                          # 载入最新内容, the typed values stay
    at.button(key="FormSubmitter:edit-observation-form-gdp-保存进展").click().run()
    assert not errors(at), errors(at)
    assert targets(book)["firms"]["target"]["value"] == 4200 and targets(book)["gdp"]["progress"][-1]["value"] == 5600


# --- the 历史 page ---------------------------------------------------------------------------

def test_history_lists_the_log_and_restores_an_earlier_version(book, editor):
    at = page(editor, "edit.py")
    at.radio(key="edit-action").set_value("delete").run()
    at.selectbox(key="edit-target").set_value("firms").run()
    at.button(key="edit-delete").click().run()
    at.button(key="edit-delete-confirm").click().run()
    at = page(at, "history.py")
    table = at.dataframe[0].value
    assert list(table["用户"]) == ["张三"] and list(table["操作"]) == ["删除目标"] and list(table["目标"]) == ["firms"]
    at.button(key="history-restore").click().run()
    assert "恢复本身也会记入历史" in at.warning[0].value and "firms" not in targets(book)
    at.button(key="history-restore-confirm").click().run()
    assert not errors(at), errors(at)
    assert targets(book) == targets_of(BOOK)
    assert [l["action"] for l in log(book)] == ["delete", "restore"]
    assert list(at.dataframe[0].value["操作"]) == ["恢复旧版本", "删除目标"]              # newest first


def test_a_viewer_reads_the_history_but_cannot_restore(book, editor):
    at = page(editor, "edit.py")
    at.selectbox(key="edit-target").set_value("gdp").run()
    fill(at, "observation:gdp", {"date": "2025", "value": "5600"})
    at.button(key="FormSubmitter:edit-observation-form-gdp-保存进展").click().run()
    viewer = log_in(app(), "李四", "battery staple")
    page(viewer, "history.py")
    assert list(viewer.dataframe[0].value["目标"]) == ["gdp"]
    assert not [b for b in viewer.button if b.key and b.key.startswith("history-restore")]


# --- the intake on the 文档提取 page -------------------------------------------------------------

def test_ticked_proposals_are_written_by_an_editor_through_the_same_path(book, editor):
    at = page(editor, "document.py")
    at.text_area(key="document-text").input(DOCUMENT).run()
    button = at.button(key="document-write")
    assert not button.disabled and "1 条" in button.label
    button.click().run()
    assert not errors(at), errors(at)
    assert targets(book)["gdp"]["progress"][-1]["value"] == 5600
    [line] = log(book)
    assert (line["user"], line["target"], line["action"]) == ("张三", "gdp", "observation")


# --- the plain functions behind the forms ------------------------------------------------------

import datetime as dt  # noqa: E402

from dashboard import editing  # noqa: E402

SCALARS = [
    ("whole number", "6000", 6000),
    ("decimal", " 5380.17 ", 5380.17),
    ("negative", "-3.2", -3.2),
    ("date", "2024-02-17", dt.date(2024, 2, 17)),
    ("impossible date stays text", "2025-02-29", "2025-02-29"),
    ("year-month stays text", "2023-09", "2023-09"),
    ("number with unit stays text", "6000亿元", "6000亿元"),
    ("thousands separator stays text", "6,000", "6,000"),
    ("empty", "  ", None),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in SCALARS], ids=[c[0] for c in SCALARS])
def test_scalar(text, expected):
    assert editing.scalar(text) == expected


def test_entry_from_form_nests_groups_and_leaves_out_empty_fields():
    values = {"id": "x", "region": "苏州市", "unit": "万亿元", "target.value": "3", "target.due": "2026",
              "baseline.value": "", "tags": "343，1030、 12345", "source.doc": "会议", "source.date": "2024-01-04",
              "type": "", "note": "  "}
    assert editing.entry_from_form(values) == {
        "id": "x", "region": "苏州市", "unit": "万亿元", "target": {"value": 3, "due": 2026},
        "tags": ["343", "1030", "12345"], "source": {"doc": "会议", "date": dt.date(2024, 1, 4)}}


def test_form_values_of_an_entry_give_the_entry_back():
    entry = {"id": "x", "region": "苏州市", "indicator": "GDP", "unit": "万亿元", "type": "level",
             "baseline": {"value": 2.47, "date": 2023}, "target": {"value": 3, "due": 2026},
             "tags": ["343"], "source": {"doc": "会议", "date": "2024-01-04"}}
    back = editing.entry_from_form(editing.form_values(entry))
    assert {**back, "source": {**back["source"], "date": back["source"]["date"].isoformat()}} == entry


FIELD_ERRORS = [
    ("target field", editing.TARGET_FORM, "target.value", "target.value"),
    ("whole group", editing.TARGET_FORM, "target", "target.value"),
    ("observation field", editing.OBSERVATION_FORM, "progress[3].date", "date"),
    ("observation as a whole", editing.OBSERVATION_FORM, "progress[3]", ""),
    ("target field seen from the observation form", editing.OBSERVATION_FORM, "unit", ""),
    ("unknown field", editing.TARGET_FORM, "targt", ""),
]


@pytest.mark.parametrize("form, field, key", [c[1:] for c in FIELD_ERRORS], ids=[c[0] for c in FIELD_ERRORS])
def test_field_errors(form, field, key):
    problem = tracker.Problem("f", 1, 1, "x", field, "说明")
    assert editing.field_errors([problem], form) == {key: ["说明"]}


def test_every_form_field_has_a_label_and_the_header_help():
    from tracker import schema

    for key, _ in editing.TARGET_FORM:
        assert editing.help_for(key) == schema.FIELD_HELP[key.partition(".")[0]]
        assert f"（{key}）" in editing.label(key)
    for key, _ in editing.OBSERVATION_FORM:
        assert editing.help_for(key, observation=True) == schema.OBSERVATION_HELP[key]
    assert editing.label("target.value") == "目标值（target.value） *" and editing.label("note") == "备注（note）"
