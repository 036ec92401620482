"""The dashboard in a real browser: Debian's headless Chromium driven by Playwright.

Starts `streamlit run dashboard/app.py` on a free local port with the bundled
targets.yaml, opens every page, checks its Chinese heading, that its Plotly
charts drew (`.main-svg`) and that no exception box shows, and saves a
screenshot per page in tests/screenshots/ (look at them: Chinese must render as
characters, not boxes). Skipped on a developer's machine when /usr/bin/chromium or Playwright
is absent; on CI (CI=true, which `.ci/run` sets) a missing browser fails these tests instead,
so that a green CI always means the dashboard drew in a browser. `.ci/run` installs chromium
with fonts-noto-cjk.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import tracker
from dashboard import data, views

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
START_TIMEOUT = 90  # seconds for streamlit to answer its health endpoint
# The assessment date the server runs with (`-- --today`), so that the screenshots are reproducible:
# the bundled 2024 figures are then older than settings.stale_after_months (数据滞后).
ASSESSED = "2026-11-22"

def _missing_browser() -> str:
    """Why the browser tests cannot run here, or '' when they can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed (apt-get install chromium fonts-noto-cjk)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -r requirements.txt)"
    return ""


MISSING = _missing_browser()
pytestmark = pytest.mark.skipif(bool(MISSING) and not os.environ.get("CI"), reason=MISSING)


@pytest.fixture(scope="module", autouse=True)
def _browser_present():     # module scope: before the server starts
    if MISSING:  # only reached on CI: elsewhere the module is skipped
        pytest.fail(f"CI must run the browser tests: {MISSING}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _bundled_has_rates() -> bool:
    book = tracker.load(data.DEFAULT_TARGETS)
    rates = views.rate_rows(book.targets, book.observations, tracker.status(book))
    return bool(rates["value"].notna().any())


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = _free_port()
    log = tmp_path_factory.mktemp("streamlit") / "server.log"
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    env.pop(data.ENV_VAR, None)
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"),
             "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
             "--server.fileWatcherType", "none", "--", "--targets", str(data.DEFAULT_TARGETS), "--today", ASSESSED],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"streamlit did not start:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
    tab = context.new_page()
    yield tab
    context.close()


def _settle(page) -> None:
    """Wait until Streamlit has finished running the page script."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=30_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.includes('Running')",
        timeout=60_000,
    )
    page.wait_for_timeout(1500)


# url path -> (heading, whether Plotly charts are expected). The overview is the default
# page, served at the root.
def _screenshot(page, name: str) -> None:
    """Save the whole page: Streamlit scrolls inside its main block, so the window is first
    made as tall as the content (full_page alone would stop at the window's height)."""
    height = page.evaluate(
        "() => Math.max(1000, ...[...document.querySelectorAll('[data-testid=\"stElementContainer\"]')]"
        ".map(e => e.getBoundingClientRect().bottom + window.scrollY)) + 60"
    )
    width = page.viewport_size["width"]
    page.set_viewport_size({"width": width, "height": min(int(height) + 120, 8000)})
    page.wait_for_timeout(1500)
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    page.set_viewport_size({"width": width, "height": 1000})


PAGES = {
    "": ("总览", True),
    "target": ("目标详情", True),
    "region": ("地区", True),
    "growth": ("增速", None),  # charts only when targets.yaml has reported growth rates
    "document": ("文档提取", False),
    "data": ("数据", False),
}


@pytest.mark.parametrize("path, heading, charts", [(p, *v) for p, v in PAGES.items()],
                         ids=[p or "overview" for p in PAGES])
def test_page_renders(server, page, path, heading, charts):
    page.goto(f"{server}/{path}")
    page.get_by_role("heading", name=heading, exact=True).first.wait_for(timeout=60_000)
    if charts is None:
        charts = _bundled_has_rates()
    if charts:
        page.wait_for_selector(".main-svg", timeout=60_000)
    _settle(page)
    _screenshot(page, path or "overview")
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_text("Page not found").count() == 0
    assert (page.locator(".main-svg").count() > 0) == charts
    assert "Traceback" not in page.inner_text("body")


def test_overview_dates_statuses_and_flags_stale_data(server, page):
    """What an official reads next to each bar: the status, 数据截至…, and 数据滞后 where the data are old."""
    page.goto(server)
    page.wait_for_selector(".main-svg .barlayer .point", timeout=60_000)
    _settle(page)
    labels = page.locator(".main-svg .barlayer text").all_text_contents()
    status = tracker.status(tracker.load(data.DEFAULT_TARGETS, today=ASSESSED), today=ASSESSED)
    for _, row in status.iterrows():
        if views.as_of_text(row):
            assert any(views.as_of_text(row) in label and row["status"] in label for label in labels), row["id"]
    assert any("数据滞后" in label for label in labels)
    assert page.get_by_text(f"评估日期:{ASSESSED}").count() == 1


def test_target_page_says_the_projection(server, page):
    page.goto(f"{server}/target?id=ks-gdp")
    page.get_by_role("heading", name="目标详情", exact=True).first.wait_for(timeout=60_000)
    page.wait_for_selector(".main-svg", timeout=60_000)
    _settle(page)
    _screenshot(page, "target-ks-gdp")
    body = page.inner_text("body")
    row = tracker.status(tracker.load(data.DEFAULT_TARGETS, today=ASSESSED), today=ASSESSED).set_index("id").loc["ks-gdp"]
    assert views.projection_text(row) in body
    assert "数据截至2024年" in body and "数据滞后" in body and "新增1000亿元，即6000亿元" in body


def test_document_page_marks_figures_of_pasted_text(server, page):
    page.goto(f"{server}/document")
    box = page.get_by_label("或粘贴文字")
    box.wait_for(timeout=60_000)
    box.fill("<script>alert(1)</script>力争用3年时间,规上工业企业突破3000家。去年完成工业投资298.7亿元。")
    box.press("Control+Enter")
    page.wait_for_selector("mark.fig-target", timeout=60_000)
    _settle(page)
    _screenshot(page, "document-pasted")
    assert page.locator("mark.fig-target").count() >= 1
    assert page.locator("mark.fig-actual").count() >= 1
    assert "<script>alert(1)</script>" in page.inner_text("body")
    assert page.locator('[data-testid="stException"]').count() == 0


def test_one_click_from_overview_chart_to_target_detail(server, page):
    page.goto(server)
    page.wait_for_selector(".main-svg .barlayer .point", timeout=60_000)
    _settle(page)
    bars = page.locator(".main-svg .barlayer .point")
    widths = [bars.nth(i).bounding_box()["width"] for i in range(bars.count())]
    widest = bars.nth(max(range(len(widths)), key=widths.__getitem__))
    widest.scroll_into_view_if_needed()
    box = widest.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**/target?id=*", timeout=60_000)
    page.get_by_role("heading", name="目标详情", exact=True).first.wait_for(timeout=60_000)
    target_id = page.url.split("id=", 1)[1]
    assert target_id in set(tracker.load(data.DEFAULT_TARGETS).targets["id"])
    _settle(page)
    assert page.locator('[data-testid="stException"]').count() == 0
