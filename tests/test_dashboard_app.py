"""The dashboard run by Streamlit's AppTest: every page, on the bundled file and on bad ones.

Expectations come from the tracker and the extractor themselves (tracker.status,
`python -m tracker status`, extract.figures), never from numbers typed here.
"""

import csv
import io
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import extract
import tracker
from dashboard import data, views

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard" / "app.py"
BUNDLED = data.DEFAULT_TARGETS
TIMEOUT = 60

# (page script, its Chinese title)
PAGES = {
    "总览": "screens/overview.py",
    "目标详情": "screens/target.py",
    "地区": "screens/region.py",
    "增速": "screens/growth.py",
    "文档提取": "screens/document.py",
    "数据": "screens/tables.py",
}
# An entry appended to a good file: a typo'd field and an unknown unit.
BROKEN_ENTRY = """
  - id: broken-entry
    region: 昆山市
    indicator: 规上工业总产值
    unit: 亿块钱
    targt: {value: 1.5, due: 2027}
    source: {doc: 测试.txt}
"""


@pytest.fixture
def app(monkeypatch):
    """An AppTest of the entry script, reading the bundled targets.yaml."""
    def make(path=BUNDLED):
        monkeypatch.setenv(data.ENV_VAR, str(path))
        return AppTest.from_file(str(APP), default_timeout=TIMEOUT)

    return make


def open_page(at: AppTest, title: str) -> AppTest:
    at.run()
    if PAGES[title] != PAGES["总览"]:
        at.switch_page(PAGES[title]).run()
    return at


def metrics(at: AppTest) -> dict[str, int]:
    return {m.label: int(m.value) for m in at.metric}


def ids_of(table) -> list[str]:
    """The target ids of a shown status table: officials see names, the id is in each 详情 link."""
    if "编号" in table:
        return list(table["编号"])
    return [link.split("id=", 1)[1] for link in table["详情"]]


@pytest.mark.parametrize("title", PAGES, ids=PAGES.values())
def test_every_page_runs_on_the_bundled_file(app, title):
    at = open_page(app(), title)
    assert not at.exception, [e.value for e in at.exception]
    assert [t.value for t in at.title] == [title]
    assert not at.error


def test_overview_cards_equal_tracker_status_command(app):
    """The cards count what `python -m tracker status` prints, status by status."""
    out = subprocess.run([sys.executable, "-m", "tracker", "status", str(BUNDLED), "--format", "csv"],
                         cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode in (0, 1), out.stderr
    printed = Counter(row["status"] for row in csv.DictReader(io.StringIO(out.stdout)))
    cards = metrics(open_page(app(), "总览"))
    assert cards["目标总数"] == sum(printed.values())
    for title, statuses in views.CARDS.items():
        if statuses:
            assert cards[title] == sum(printed[s] for s in statuses), title


def test_overview_table_and_chart_list_every_target(app):
    at = open_page(app(), "总览")
    expected = tracker.status(tracker.load(BUNDLED))
    assert sorted(ids_of(at.dataframe[0].value)) == sorted(expected["id"])
    chart = at.get("plotly_chart")[0].proto.spec
    for target_id in expected["id"]:
        assert f'"{target_id}"' in chart


def test_region_filter_changes_every_element(app):
    status = tracker.status(tracker.load(BUNDLED))
    region = status["region"].value_counts().index[-1]  # the region with fewest targets
    at = open_page(app(), "总览")
    before_chart = at.get("plotly_chart")[0].proto.spec
    at.button_group(key="overview-region").set_value([region]).run()
    mine = status[status["region"] == region]
    assert metrics(at)["目标总数"] == len(mine) < len(status)
    assert metrics(at)["待数据/无数据"] == int(mine["status"].isin(["待数据", "暂无数据"]).sum())
    assert set(at.dataframe[0].value["地区"]) == {region}
    after_chart = at.get("plotly_chart")[0].proto.spec
    assert after_chart != before_chart
    assert all(f'"{i}"' not in after_chart for i in status.loc[status["region"] != region, "id"])


def test_tag_and_year_filters_narrow_the_table(app):
    status = tracker.status(tracker.load(BUNDLED))
    options = views.filter_options(status)
    at = open_page(app(), "总览")
    tag, year = options["tags"][0], options["years"][0]
    at.button_group(key="overview-tag").set_value([tag]).run()
    tagged = status[status["tags"].map(lambda t: tag in t)]
    assert sorted(ids_of(at.dataframe[0].value)) == sorted(tagged["id"])
    at.button_group(key="overview-year").set_value([year]).run()
    both = tagged[views.deadline_years(tagged) == year]
    assert metrics(at)["目标总数"] == len(both)


def broken_copy(tmp_path: Path) -> Path:
    path = tmp_path / "targets.yaml"
    path.write_text(BUNDLED.read_text(encoding="utf-8").rstrip("\n") + "\n" + BROKEN_ENTRY, encoding="utf-8")
    return path


@pytest.mark.parametrize("title", ["总览", "数据"], ids=["overview", "data"])
def test_broken_file_shows_problems_and_still_lists_valid_targets(app, tmp_path, title):
    path = broken_copy(tmp_path)
    book = tracker.load(path)
    assert book.problems, "the appended entry should be reported"
    at = open_page(app(path), title)
    assert not at.exception
    panel = "\n".join(c.value for c in at.code)
    for problem in book.problems:
        assert str(problem) in panel
    assert any(f"{len(book.errors)} 个错误" in e.label and "照常显示" in e.label for e in at.expander)
    ids = ids_of(at.dataframe[0].value)
    assert sorted(ids) == sorted(book.targets["id"]) and len(ids) > 0
    assert "broken-entry" not in set(ids)


def test_missing_file_says_where_it_looked_and_how_to_start(app, tmp_path):
    path = tmp_path / "nowhere" / "targets.yaml"
    at = open_page(app(path), "总览")
    assert not at.exception
    message = at.error[0].value
    assert str(path) in message
    assert "python -m tracker suggest" in message and "targets.yaml" in message
    assert any("没有可显示的目标" in i.value for i in at.info)


def test_edit_shows_on_next_run_and_reload_button_works(app, tmp_path):
    path = tmp_path / "targets.yaml"
    path.write_text(BUNDLED.read_text(encoding="utf-8"), encoding="utf-8")
    at = open_page(app(path), "总览")
    before = metrics(at)["目标总数"]
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n" + BROKEN_ENTRY.replace(
        "unit: 亿块钱\n    targt:", "unit: 亿元\n    type: level\n    baseline: {value: 1, date: 2023}\n    target:")
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    at.run()
    assert not tracker.load(path).problems
    assert metrics(at)["目标总数"] == before + 1
    at.button(key="reload").click().run()
    assert not at.exception and metrics(at)["目标总数"] == before + 1


def test_target_page_follows_the_id_in_the_link(app):
    status = tracker.status(tracker.load(BUNDLED))
    wanted = status["id"].iloc[-1]
    at = app()
    at.run()
    at.switch_page(PAGES["目标详情"])
    at.query_params["id"] = wanted
    at.run()
    assert not at.exception
    assert at.selectbox[0].value == wanted
    row = status.set_index("id").loc[wanted]
    cards = {m.label: m.value for m in at.metric}
    assert cards["目标值"] == views.fmt(row["target"], row["unit"])


def test_target_page_warns_about_an_unknown_id(app):
    at = app()
    at.run()
    at.switch_page(PAGES["目标详情"])
    at.query_params["id"] = "no-such-target"
    at.run()
    assert not at.exception
    assert any("no-such-target" in w.value for w in at.warning)


def test_target_page_highlights_the_source_sentence(app):
    book = tracker.load(BUNDLED)
    quoted = book.targets[book.targets["source_quote"].str.len() > 0].iloc[0]
    at = app()
    at.run()
    at.switch_page(PAGES["目标详情"])
    at.query_params["id"] = quoted["id"]
    at.run()
    found = extract.figures(quoted["source_quote"])
    marked = "".join(h.value for h in at.html)
    assert marked.count("<mark") >= len(found) > 0


SENTENCE = "<script>alert(1)</script>力争用3年时间,规上工业企业突破3000家;今年1至9月完成投资298.7亿元,同比增长11.5%。"


def test_document_page_finds_figures_of_a_pasted_sentence(app):
    at = open_page(app(), "文档提取")
    at.text_area(key="document-text").input(SENTENCE).run()
    assert not at.exception, [e.value for e in at.exception]
    expected = extract.figures(SENTENCE)
    assert len(expected) >= 2
    assert any(s.value == f"找到 {len(expected)} 个数字" for s in at.subheader)
    shown = at.dataframe[0].value
    assert list(shown["原文"]) == list(expected["text"])
    marked = "".join(h.value for h in at.html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in marked and "<script>" not in marked
    assert marked.count("<mark") >= len(expected)
    assert [b.label for b in at.get("download_button")][:2] == ["下载 CSV", "下载 Excel"]


def test_document_page_reads_an_uploaded_gbk_file(app):
    at = open_page(app(), "文档提取")
    at.file_uploader(key="document-upload").set_value(("报告.txt", SENTENCE.encode("gb18030"), "text/plain")).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(s.value == f"找到 {len(extract.figures(SENTENCE))} 个数字" for s in at.subheader)


def test_document_page_reads_an_uploaded_web_page_with_its_date(app):
    import makedocs

    page = makedocs.html_page(["用3年时间，全市新增高新技术企业1000家。"], title="实施意见", date="2023-11-20")
    at = open_page(app(), "文档提取")
    at.file_uploader(key="document-upload").set_value(("意见.html", page.encode("utf-8"), "text/html")).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("2023-11-20" in c.value for c in at.caption)
    shown = at.dataframe[0].value
    assert list(shown["原文"]) == ["1000家"] and "首页" not in "".join(h.value for h in at.html)


def test_document_page_refuses_a_binary_upload_with_a_message(app):
    at = open_page(app(), "文档提取")
    at.file_uploader(key="document-upload").set_value(("图.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "text/plain")).run()
    assert not at.exception
    assert "图.txt" in at.error[0].value


def test_document_page_rejects_a_bad_date(app):
    at = open_page(app(), "文档提取")
    at.text_input(key="document-date").input("2024/13/01").run()
    at.text_area(key="document-text").input(SENTENCE).run()
    assert not at.exception
    assert "2024/13/01" in at.error[0].value


def test_document_page_offers_targets_yaml_entries_that_pass_the_check(app):
    from tracker import suggest

    at = open_page(app(), "文档提取")
    at.text_input(key="document-region").input("昆山市").run()
    at.text_area(key="document-text").input(SENTENCE).run()
    assert not at.exception, [e.value for e in at.exception]
    assert "下载目标条目(YAML)" in [b.label for b in at.get("download_button")]
    proposed = next(c.value for c in at.code if "targets:" in c.value)
    expected = suggest.to_yaml(suggest.entries(extract.figures(SENTENCE), region="昆山市", text=SENTENCE))
    assert proposed.rstrip("\n") == expected.rstrip("\n")
    assert not tracker.load(proposed).problems


def test_a_targets_file_with_another_suffix_is_read_as_a_file(app, tmp_path):
    path = tmp_path / "targets-copy.txt"
    path.write_text(BUNDLED.read_text(encoding="utf-8"), encoding="utf-8")
    at = open_page(app(path), "总览")
    assert not at.exception and not at.code
    assert metrics(at)["目标总数"] == len(tracker.load(BUNDLED).targets)


def test_growth_page_charts_every_reported_rate(app):
    book = tracker.load(BUNDLED)
    rates = views.rate_rows(book.targets, book.observations, tracker.status(book)).dropna(subset=["value"])
    at = open_page(app(), "增速")
    charts = [c for c in at.get("plotly_chart") if not c.key.startswith("growth-lines-")]
    assert len(charts) == rates.groupby(["region", "period"]).ngroups
    drawn = [label for c in charts for label in json.loads(c.proto.spec)["data"][0]["y"]]
    assert sorted(drawn) == sorted(rates["label"])
    for region, period in set(zip(rates["region"], rates["period"])):
        assert f"{region} · {period}" in [s.value for s in at.subheader]


def test_region_page_follows_the_region_in_the_link(app):
    status = tracker.status(tracker.load(BUNDLED))
    region = status["region"].iloc[-1]
    at = app()
    at.run()
    at.switch_page(PAGES["地区"])
    at.query_params["region"] = region
    at.run()
    assert not at.exception
    assert at.selectbox[0].value == region
    assert metrics(at)["目标总数"] == int((status["region"] == region).sum())
    assert set(at.dataframe[0].value["地区"]) == {region}


ASSESSED = "2026-11-22"


@pytest.fixture
def on_date(monkeypatch):
    """Run the app as `streamlit run dashboard/app.py -- --today 2026-11-22`."""
    monkeypatch.setattr(sys, "argv", ["app.py", "--today", ASSESSED])


def test_overview_dates_every_status_and_flags_stale_data(app, on_date):
    at = open_page(app(), "总览")
    table = at.dataframe[0].value.set_index("详情")
    expected = tracker.status(tracker.load(BUNDLED, today=ASSESSED), today=ASSESSED).set_index("id")
    for target_id, row in expected.iterrows():
        shown = table.loc[views.target_url(target_id)]
        assert shown["状态"] == row["status"]
        as_of = views.as_of_text(row).removeprefix("数据截至")
        assert shown["数据截至"] == (f"{as_of} · 数据滞后" if row["stale"] else as_of)
        assert shown["说明"] == row["reason"]
    assert table["数据截至"].str.endswith(" · 数据滞后").any()
    bars = [t for t in json.loads(at.get("plotly_chart")[0].proto.spec)["data"] if t["type"] == "bar"]
    texts = [text for t in bars for text in t["text"]]
    assert any("数据截至" in t for t in texts) and any("数据滞后" in t for t in texts)


def test_dashboard_today_option_reproduces_a_status(app, on_date):
    at = open_page(app(), "总览")
    assert any(ASSESSED in c.value for c in at.sidebar.caption)
    printed = subprocess.run([sys.executable, "-m", "tracker", "status", str(BUNDLED), "--format", "csv", "--today", ASSESSED],
                             cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=False).stdout
    counted = Counter(row["status"] for row in csv.DictReader(io.StringIO(printed)))
    for title, statuses in views.CARDS.items():
        if statuses:
            assert metrics(at)[title] == sum(counted[s] for s in statuses), title


def test_target_page_states_projection_increment_and_as_of(app, on_date):
    row = tracker.status(tracker.load(BUNDLED, today=ASSESSED), today=ASSESSED).set_index("id", drop=False).loc["ks-gdp"]
    at = app()
    at.run()
    at.switch_page(PAGES["目标详情"])
    at.query_params["id"] = "ks-gdp"
    at.run()
    assert not at.exception
    header = "".join(h.value for h in at.html)
    assert views.as_of_text(row) in header and ("数据滞后" in header) == bool(row["stale"])
    assert views.projection_text(row) in [m.value.strip("*") for m in at.markdown]
    cards = {m.label: m.value for m in at.metric}
    assert cards["目标值"] == "6000亿元"
    assert any("编号 ks-gdp · 目标:新增1000亿元，即6000亿元(2026年)" in c.value for c in at.caption)


WARNED = """targets:
  - id: warned
    region: 昆山市
    indicator: 地区生产总值
    unit: 亿元
    baseline: {value: 5000, date: 2023}
    target: {value: 6000, due: 2026}
    source: {doc: d}
    progress:
      - {date: 2024, value: 5250}
      - {date: 2030, value: 5900}
"""


def test_warning_is_shown_without_hiding_the_target(app, tmp_path, on_date):
    path = tmp_path / "targets.yaml"
    path.write_text(WARNED, encoding="utf-8")
    at = open_page(app(path), "总览")
    panel = "\n".join(c.value for c in at.code)
    assert "警告：进展日期 2030-12-31 晚于评估日期 2026-11-22" in panel
    assert [e.label for e in at.expander if e.label.startswith("目标文件")] == ["目标文件有 1 个警告(全部 1 个目标照常显示,请核对)"]
    assert ids_of(at.dataframe[0].value) == ["warned"]


def test_nothing_usable_is_said_exactly(app, tmp_path):
    path = tmp_path / "targets.yaml"
    path.write_text(WARNED.replace("    unit: 亿元", "\tunit: 亿元"), encoding="utf-8")
    at = open_page(app(path), "总览")
    assert not at.exception
    labels = [e.label for e in at.expander]
    assert labels == ["目标文件有 1 个错误,没有可用的目标"]  # no filters when nothing is usable
    assert [i.value for i in at.info] == ["目标文件中没有可用的目标:每个目标都有错误。请先修正上方列出的问题。"]
    assert not any("照常显示" in text for text in labels + [i.value for i in at.info])
