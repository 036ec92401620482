"""Every page's logic on a small fixed book (tests/smallbook.py), with the numbers worked out by hand
there: cards, order, filters kept in the link, regions inside regions, growth over periods, no
invented points, blank cells and rounded downloads."""

import io
import json
import sys
from pathlib import Path

import base64

import numpy as np
import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import smallbook  # noqa: E402

import tracker  # noqa: E402
from dashboard import data, export, views  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard" / "app.py"
TIMEOUT = 60
PAGES = {"总览": "screens/overview.py", "目标详情": "screens/target.py", "地区": "screens/region.py",
         "增速": "screens/growth.py", "文档提取": "screens/document.py", "数据": "screens/tables.py"}


@pytest.fixture
def app(monkeypatch, tmp_path):
    """An AppTest of the dashboard on the small book, assessed on its day; `params` are the link's."""
    path = smallbook.write(tmp_path)
    monkeypatch.setenv(data.ENV_VAR, str(path))
    monkeypatch.setattr(sys, "argv", ["app.py", "--today", smallbook.TODAY])

    def make(title="总览", **params):
        at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
        if title != "总览":  # each page keeps its own filters: they start from the link when first shown
            at.run()
            at.switch_page(PAGES[title])
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return make


def numbers(values) -> list:
    """A Plotly spec's array: a list, or a typed array ({"dtype", "bdata"} in base64)."""
    if isinstance(values, dict) and "bdata" in values:
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values)


def ids(table) -> list[str]:
    return [link.split("id=", 1)[1] for link in table["详情"]]


def cards(at) -> dict[str, int]:
    return {m.label: int(m.value) for m in at.metric}


def test_overview_cards_count_each_status(app):
    assert cards(app()) == {"目标总数": 8, "已完成": 1, "进度正常": 1, "需加快": 1, "进展缓慢/倒退": 2, "逾期未完成": 1,
                            "待数据/无数据": 1, "仅监测": 1}


def test_overview_lists_the_most_urgent_first_and_the_file_order_on_request(app):
    at = app()
    assert ids(at.dataframe[0].value) == smallbook.URGENT_FIRST
    at.button_group(key="overview-order").set_value("file").run()
    assert ids(at.dataframe[0].value) == smallbook.FILE_ORDER
    assert at.query_params["order"] == "file"


# column -> value for ks-gdp (5500 of 5000→6000亿元, 2025): by hand in tests/smallbook.py
KS_GDP = {"状态": "需加快", "最新值": "5500亿元", "目标值": "6000亿元", "差距": "500亿元", "完成进度": 50.0,
          "数据截至": "2025年", "截止": "2026年", "责任部门": "昆山市发改委"}


def test_overview_table_states_gap_progress_and_as_of(app):
    table = app().dataframe[0].value.set_index("详情")
    row = table.loc["target?id=ks-gdp"]
    for column, value in KS_GDP.items():
        assert row[column] == value, column
    assert table.loc["target?id=xz-output", "数据截至"] == "2024年 · 数据滞后"
    assert table.loc["target?id=xz-output", "差距"] == "1200亿元"
    assert table.loc["target?id=xz-renovation", "基期值"] == "—"  # 每年300项 states no baseline


def test_status_pills_show_counts_of_the_other_filters(app):
    at = app(region="徐州市")
    status = at.button_group(key="overview-status")
    # 徐州市: xz-output 倒退, xz-firms 已完成, xz-growth 仅监测, xz-renovation 暂无数据; the others count 0
    shown = {option.content for option in status.proto.options}
    assert {"倒退 1", "已完成 1", "仅监测 1", "暂无数据 1", "需加快 0", "进展缓慢 0", "逾期未完成 0", "进度正常 0"} == shown


LINKS = {
    "region and status": ({"region": "昆山市", "status": "需加快"}, ["ks-gdp"]),
    "two statuses": ({"status": ["倒退", "已完成"]}, ["xz-output", "xz-firms"]),
    # overdue, backwards, slow, to accelerate; and xz-growth, whose 2023 data are 数据滞后
    "only overdue or lagging": ({"attention": "1"}, ["ks-firms", "xz-output", "sz-gdp", "ks-gdp", "xz-growth"]),
    "department": ({"department": "昆山市科技局"}, ["ks-firms"]),
    "deadline year": ({"year": "2025"}, ["ks-firms"]),
    "a place not in the book is ignored": ({"region": "南京市"}, smallbook.URGENT_FIRST),
    "a region with a status none of its targets has": ({"region": "苏州市", "status": "倒退"}, []),
}


@pytest.mark.parametrize("params, expected", LINKS.values(), ids=LINKS.keys())
def test_a_link_opens_the_view_it_names(app, params, expected):
    at = app(**params)
    if expected:
        assert ids(at.dataframe[0].value) == expected
    else:
        assert any(i.value == "没有符合筛选条件的目标。" for i in at.info)
    assert cards(at)["目标总数"] == len(expected)


def test_choices_go_into_the_link(app):
    at = app()
    at.button_group(key="overview-region").set_value(["昆山市"]).run()
    at.button_group(key="overview-status").set_value(["需加快"]).run()
    at.toggle(key="overview-attention").set_value(True).run()
    assert at.query_params["region"] == "昆山市" and at.query_params["status"] == "需加快"
    assert at.query_params["attention"] == "1"
    assert ids(at.dataframe[0].value) == ["ks-gdp"]
    at.button_group(key="overview-status").set_value([]).run()
    assert "status" not in at.query_params


def test_the_data_page_follows_the_same_link(app):
    at = app("数据", region="徐州市", status="倒退")
    assert [t.label for t in at.get("tab")] == ["进度状态(1)", "目标(1)", "进展数据(1)"]


def test_data_page_shows_blank_cells_and_no_invented_baseline(app):
    at = app("数据", region="徐州市")
    status = at.dataframe[0].value.set_index("编号")
    assert status.loc["xz-renovation", "基期值"] == ""             # an annual flow's zero is not shown
    assert status.loc["xz-renovation", "最新值"] == ""              # no data: blank, never None
    assert status.loc["xz-output", "差距"] == "1200"
    assert status.loc["xz-output", "完成进度(%)"] == "-20"        # (4800 − 5000) / (6000 − 5000)
    assert "None" not in status.to_string() and "nan" not in status.to_string()


def test_downloads_are_rounded_as_officials_write_them(app):
    at = app("数据", region="苏州市")
    # sz-gdp's progress is 1000/6000 = 16.666…%: one decimal in the file
    status = tracker.status(tracker.load(smallbook.BOOK, today=smallbook.TODAY), today=smallbook.TODAY)
    sheet = openpyxl.load_workbook(io.BytesIO(export.xlsx_bytes(views.readable(status)))).active
    headings = [c.value for c in sheet[1]]
    column = headings.index("完成进度(%)")
    values = {row[0].value: (row[column].value, row[column].number_format) for row in sheet.iter_rows(min_row=2)}
    assert values["sz-gdp"] == (16.7, "0.0")
    assert [b.label for b in at.main.get("download_button")][:2] == ["下载 CSV", "下载 Excel"]


def test_region_page_never_ranks_a_place_against_a_place_inside_it(app):
    at = app("地区", region="苏州市")
    assert at.selectbox(key="region-choice").value == "苏州市"
    assert any(c.value.startswith("苏州市下辖:昆山市") for c in at.caption)
    comparisons = [c for c in at.get("plotly_chart") if c.key.startswith("region-comparison")]
    # peers: 苏州市 and 徐州市 (both in 江苏省) share 高新技术企业; 昆山市 is inside 苏州市
    assert len(comparisons) == 1
    drawn = {trace["name"] for trace in json.loads(comparisons[0].proto.spec)["data"]}
    assert drawn == {"苏州市", "徐州市"}
    nested = at.dataframe[-1].value
    assert sorted(nested.to_dict("records"), key=lambda r: r["指标"] != "高新技术企业") == [
        {"地区": "苏州市 ⊃ 昆山市", "指标": "高新技术企业", "上级最新值": "1.9万家", "上级数据截至": "2025年",
         "下辖最新值": "3600家", "下辖数据截至": "2025年"},
        {"地区": "苏州市 ⊃ 昆山市", "指标": "地区生产总值", "上级最新值": "2.5万亿元", "上级数据截至": "2025年",
         "下辖最新值": "5500亿元", "下辖数据截至": "2025年"},
    ]


def test_region_selector_shows_the_place_a_region_lies_in(app):
    at = app("地区", region="昆山市")
    box = at.selectbox(key="region-choice")
    assert box.value == "昆山市"
    assert box.format_func("昆山市") == "\u3000昆山市（苏州市下辖）"


def test_growth_page_draws_a_line_over_periods(app):
    at = app("增速")
    lines = [c for c in at.get("plotly_chart") if c.key == "growth-lines-徐州市"]
    assert len(lines) == 1
    (trace,) = json.loads(lines[0].proto.spec)["data"]
    assert numbers(trace["x"]) == ["2023年1—2月", "2023年1—4月"] and numbers(trace["y"]) == [27.7, 30.4]


def test_target_page_of_an_annual_target_draws_no_baseline_point(app):
    at = app("目标详情", id="xz-renovation")
    traces = json.loads(at.get("plotly_chart")[0].proto.spec)["data"]
    names = [trace.get("name") for trace in traces]
    assert "基期" not in names and "目标" in names
    goal = next(t for t in traces if t.get("name") == "目标")
    assert numbers(goal["y"]) == [300]


def test_target_page_states_gap_and_projection(app):
    at = app("目标详情", id="ks-gdp")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["差距"] == "500亿元" and metrics["完成进度"] == "50%"
    assert metrics["实际 / 所需年均增速"] == "4.9% / 6.3%"
    assert "按当前增速，预计2027年达到目标（晚于期限1年）。" in [m.value.strip("*") for m in at.markdown]


def test_every_page_offers_the_briefing_in_the_sidebar(app):
    for title in PAGES:
        at = app(title)
        labels = [b.label for b in at.sidebar.get("download_button")]
        assert labels == ["下载简报(Word)", "下载简报(PDF)"], title


def test_the_briefing_follows_the_chosen_region(app):
    at = app(region="昆山市")
    assert any("周例会简报(昆山市" in c.value for c in at.sidebar.caption)
    at = app("地区", region="徐州市")
    assert any("周例会简报(徐州市" in c.value for c in at.sidebar.caption)
