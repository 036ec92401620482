"""What the two browser test modules share: where Chromium is, why it cannot run, a Streamlit
server on a free port, and waiting for a page to finish.

Not a test module: test_browser.py and test_browser_editing.py import it.
"""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
START_TIMEOUT = 90  # seconds for streamlit to answer its health endpoint
# The assessment date the servers run with (`-- --today`), so that the screenshots are reproducible:
# the bundled 2024 figures are then older than settings.stale_after_months (数据滞后).
ASSESSED = "2026-11-22"


def missing_browser() -> str:
    """Why the browser tests cannot run here, or '' when they can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed (apt-get install chromium fonts-noto-cjk)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -r requirements.txt)"
    return ""


MISSING = missing_browser()
# Skipped on a developer's machine without a browser; on CI (CI=true) require_browser fails instead.
SKIP_WITHOUT_BROWSER = pytest.mark.skipif(bool(MISSING) and not os.environ.get("CI"), reason=MISSING)


def require_browser() -> None:
    """Fail (reached only on CI: elsewhere the modules are skipped) when the browser is missing."""
    if MISSING:
        pytest.fail(f"CI must run the browser tests: {MISSING}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def dashboard_server(targets: Path, log: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """`streamlit run dashboard/app.py` on `targets`, assessed on ASSESSED, on a free local port;
    yields its URL once it answers, and stops it afterwards. `env` is added to the environment
    (the dashboard's own $TRACKER_TARGETS is removed: the file is the one given)."""
    from dashboard import data

    port = free_port()
    environment = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", **(env or {})}
    environment.pop(data.ENV_VAR, None)
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"),
             "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
             "--server.fileWatcherType", "none", "--", "--targets", str(targets), "--today", ASSESSED],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=environment,
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


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """Debian's headless Chromium through Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def desktop_tab(browser) -> Iterator[object]:
    """A new page at desktop width (1440 × 1000), in Chinese, in its own context (no shared cookies)."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
    try:
        yield context.new_page()
    finally:
        context.close()


def settle(page) -> None:
    """Wait until Streamlit has finished running the page script."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=30_000)
    page.wait_for_function(  # textContent: the widget is hidden (style.css), its text is still there
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !document.querySelector('[data-testid=\"stStatusWidget\"]').textContent.includes('Running')",
        timeout=60_000,
    )
    page.wait_for_timeout(1500)


def screenshot(page, name: str) -> None:
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
