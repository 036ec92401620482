"""The dashboard's entry point: `streamlit run dashboard/app.py -- --targets FILE`.

The targets file comes from `--targets`, else $TRACKER_TARGETS, else the bundled
targets.yaml (dashboard/data.py). Every page sees the same file, the same
source box in the sidebar and, when the file has problems, the same panel.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run` puts dashboard/ on the path, not the repo root
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from dashboard import auth, data, ui  # noqa: E402

# The page scripts live in screens/, not pages/: Streamlit treats a folder named pages/
# beside the entry script as an old-style (v1) multipage app, and a deep link such as
# /target?id=... would then run the page script without this file (no navigation,
# no page config, no problems panel).
PAGES_DIR = Path(__file__).resolve().parent / "screens"
# (file, title, url path, icon): the order is the order of the navigation.
PAGES = (
    ("overview.py", "总览", "overview", ":material/dashboard:"),
    ("target.py", "目标详情", "target", ":material/flag:"),
    ("region.py", "地区", "region", ":material/location_city:"),
    ("growth.py", "增速", "growth", ":material/trending_up:"),
    ("document.py", "文档提取", "document", ":material/description:"),
    ("tables.py", "数据", "data", ":material/table:"),
)
# Pages for staff who log in (issue #10): (file, title, url path, icon, least role that sees it),
# and the login page, which every visitor has (to log in, or to see who is logged in).
STAFF_PAGES = (
    ("edit.py", "编辑", "edit", ":material/edit:", "editor"),
    ("history.py", "历史", "history", ":material/history:", "viewer"),
)
LOGIN_PAGE = ("login.py", "登录", "login", ":material/login:")

st.set_page_config(page_title="目标进度跟踪", page_icon=":material/flag:", layout="wide")
loaded = data.current()
user = auth.current_user()
shown = auth.visible_pages(user, loaded.book.settings, PAGES, STAFF_PAGES, LOGIN_PAGE)
page = st.navigation(
    [st.Page(PAGES_DIR / file, title=title, url_path=path, icon=icon, default=(i == 0))
     for i, (file, title, path, icon) in enumerate(shown)]
)
if shown != [LOGIN_PAGE]:  # behind the login (settings.login_to_view), nothing of the file shows
    ui.source_box(loaded)
    ui.problems_panel(loaded)
auth.account_box(user)
page.run()
