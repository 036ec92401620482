"""Editing in a real browser (Debian's headless Chromium driven by Playwright): an editor logs
in, adds a progress observation on the 编辑 page and sees it on the overview; a viewer and an
anonymous visitor see no edit controls.

The server runs on a copy of the bundled targets.yaml in a scratch folder, with a users file
there too ($TRACKER_USERS), so nothing of the repository or of the user's configuration is
touched. Screenshots go to tests/screenshots/ (editing-*.png): look at them.
"""

import shutil

import pytest

from browsing import (SKIP_WITHOUT_BROWSER, dashboard_server, desktop_tab, require_browser,
                      screenshot, settle)
from dashboard import data, editing, users

EDITOR, VIEWER = ("张三", "correct horse"), ("李四", "battery staple")
TARGET = "ks-industrial-firms"          # a target with no progress yet in the bundled file

pytestmark = SKIP_WITHOUT_BROWSER


@pytest.fixture(scope="module")
def staff(tmp_path_factory):
    """(url, targets file) of a dashboard on a scratch copy of targets.yaml, with two users."""
    require_browser()  # before the server starts
    folder = tmp_path_factory.mktemp("staff")
    targets = folder / "targets.yaml"
    shutil.copy(data.DEFAULT_TARGETS, targets)
    users_file = folder / "config" / "users.toml"
    users.add(users_file, EDITOR[0], "editor", EDITOR[1])
    users.add(users_file, VIEWER[0], "viewer", VIEWER[1])
    with dashboard_server(targets, folder / "server.log", {users.ENV_VAR: str(users_file)}) as url:
        yield url, targets


@pytest.fixture
def tab(browser):
    with desktop_tab(browser) as page:
        yield page


def _log_in(page, url: str, name: str, password: str) -> None:
    page.goto(f"{url}/login")
    page.get_by_label("用户名").fill(name)
    page.get_by_label("密码", exact=True).fill(password)
    page.get_by_role("button", name="登录", exact=True).click()
    page.get_by_text(f"已登录:{name}").wait_for(timeout=60_000)
    settle(page)


def _go(page, title: str) -> None:
    """Open a page from the sidebar navigation (the session, and its login, stay)."""
    page.locator('[data-testid="stSidebarNav"] a', has_text=title).first.click()
    page.get_by_role("heading", name=title, exact=True).first.wait_for(timeout=60_000)
    settle(page)


def _labels_as_of(page, text: str) -> int:
    """How many bars of the overview chart are labelled with `text` (labels stand in a column of
    their own beside the bars)."""
    # attached, not visible: a bar of no length (a target met with no baseline, progress unknown) is drawn
    page.wait_for_selector(".main-svg .barlayer .point", state="attached", timeout=60_000)
    return sum(text in label for label in page.locator(".main-svg .textpoint text").all_text_contents())


def _nav(page) -> list[str]:
    """The titles in the sidebar navigation (each link's last line: the first is its icon's name)."""
    return [t.strip().splitlines()[-1].strip() for t in page.locator('[data-testid="stSidebarNav"] a').all_inner_texts()]


EDIT_BUTTONS = ("保存进展", "保存修改", "新增目标", "删除此目标", "确认删除", "恢复为这次修改之前的版本")


def _edit_controls(page) -> list[str]:
    found = [name for name in EDIT_BUTTONS if page.get_by_role("button", name=name).count()]
    found += ["写入所选" for _ in range(page.get_by_role("button", name="写入所选").count())]
    return found


def test_an_editor_logs_in_adds_an_observation_and_sees_it_on_the_overview(staff, tab):
    url, targets = staff
    tab.goto(url)
    before = _labels_as_of(tab, "数据截至2025年")
    assert tab.get_by_role("button", name="保存进展").count() == 0
    _log_in(tab, url, *EDITOR)
    screenshot(tab, "editing-login")
    assert {"编辑", "历史", "登录"} <= set(_nav(tab))
    _go(tab, "编辑")
    tab.get_by_label("目标", exact=True).click()
    tab.get_by_role("option", name=f"（{TARGET}）").click()
    settle(tab)
    tab.get_by_label(editing.label("date", observation=True), exact=True).fill("2025")
    tab.get_by_label(editing.label("value", observation=True), exact=True).fill("3050家")
    tab.get_by_role("button", name="保存进展").click()
    tab.get_by_text("检查未通过", exact=False).first.wait_for(timeout=60_000)
    settle(tab)
    assert "请写 3050" in tab.inner_text("body")                  # the check's advice, under the field
    screenshot(tab, "editing-check-error")
    tab.get_by_label(editing.label("value", observation=True), exact=True).fill("3050")
    tab.get_by_label(editing.label("source", observation=True), exact=True).fill("浏览器测试录入")
    tab.get_by_role("button", name="保存进展").click()
    tab.get_by_text("已写入", exact=False).first.wait_for(timeout=60_000)
    settle(tab)
    screenshot(tab, "editing-saved")
    assert "value: 3050" in targets.read_text(encoding="utf-8")
    assert f'"target": "{TARGET}"' in targets.with_name("targets.log.jsonl").read_text(encoding="utf-8")
    _go(tab, "总览")
    assert _labels_as_of(tab, "数据截至2025年") == before + 1
    screenshot(tab, "editing-overview-after")
    assert tab.locator('[data-testid="stException"]').count() == 0


def test_a_viewer_sees_no_edit_controls(staff, tab):
    url, _ = staff
    _log_in(tab, url, *VIEWER)
    assert "编辑" not in _nav(tab) and "历史" in _nav(tab)
    for title in ("总览", "历史", "文档提取"):
        _go(tab, title)
        if title == "文档提取":
            box = tab.get_by_label("或粘贴文字")
            box.fill("2025年昆山市国民经济和社会发展统计公报\n全市全年完成地区生产总值5600亿元。\n")
            box.press("Control+Enter")
            tab.get_by_text("台账进展建议").wait_for(timeout=60_000)
            settle(tab)
            assert tab.get_by_text("以“编辑”角色登录后", exact=False).count() == 1
        assert _edit_controls(tab) == [], title
    screenshot(tab, "editing-viewer-document")
    tab.reload()                                   # a password login lasts for the tab's session only
    tab.get_by_role("heading", name="文档提取", exact=True).first.wait_for(timeout=60_000)
    settle(tab)
    assert "历史" not in _nav(tab)


def test_an_anonymous_visitor_sees_no_edit_controls(staff, tab):
    url, _ = staff
    tab.goto(url)
    tab.get_by_role("heading", name="总览", exact=True).first.wait_for(timeout=60_000)
    settle(tab)
    assert "编辑" not in _nav(tab) and "历史" not in _nav(tab) and "登录" in _nav(tab)
    assert _edit_controls(tab) == []
    tab.goto(f"{url}/edit")                                          # a typed address does not open it either
    settle(tab)
    assert _edit_controls(tab) == [] and tab.get_by_role("heading", name="编辑", exact=True).count() == 0
    assert any(c["name"] == "_streamlit_xsrf" for c in tab.context.cookies())     # XSRF protection is on
