"""The dashboard's plain functions: filters, counts, formats, highlighting, downloads, paths.

Tables here are small hand-made status tables with tracker.status's columns, so each
case states its own expectation.
"""

import io
import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import tracker
from tracker import schema
from dashboard import data, export, highlight, views

STATUS_COLUMNS = [
    "id", "region", "indicator", "unit", "department", "tags", "baseline", "baseline_date",
    "latest", "latest_date", "target", "due", "progress", "gap", "elapsed", "expected_now",
    "cagr_required", "cagr_observed", "ratio", "method", "status",
]


def status_row(id, region, indicator, unit="亿元", department="市发改委", tags=(), due="2026-12-31",
               status="进度正常", progress=0.5, elapsed=0.4, baseline=5000.0, latest=5500.0, target=6000.0):
    row = dict.fromkeys(STATUS_COLUMNS)
    row.update(id=id, region=region, indicator=indicator, unit=unit, department=department, tags=list(tags),
               due=pd.Timestamp(due), status=status, progress=progress, elapsed=elapsed,
               baseline=baseline, latest=latest, target=target, gap=None if latest is None else target - latest,
               baseline_date=pd.Timestamp("2023-12-31"), latest_date=pd.Timestamp("2024-12-31"))
    return row


@pytest.fixture
def status():
    return pd.DataFrame([
        status_row("ks-gdp", "昆山市", "地区生产总值", tags=["12345"], status="需加快"),
        status_row("ks-firms", "昆山市", "规上工业企业", unit="家", department="市工信局", tags=["12345"],
                   status="已完成", baseline=2500, latest=3100, target=3000),
        status_row("sz-gdp", "苏州市", "地区生产总值", unit="万亿元", due="2027-12-31", status="暂无数据",
                   progress=None, latest=None, baseline=2.4, target=3.0),
        status_row("xz-share", "徐州市", "工业税收占比", unit="%", department="区税务局", tags=["343", "1030"],
                   due="2025-12-31", status="倒退", progress=-0.2, baseline=50, latest=48, target=55),
    ], columns=STATUS_COLUMNS)


FILTER_CASES = {
    "no filter keeps all": (views.Filters(), ["ks-gdp", "ks-firms", "sz-gdp", "xz-share"]),
    "region 昆山市": (views.Filters(regions=["昆山市"]), ["ks-gdp", "ks-firms"]),
    "two regions": (views.Filters(regions=["苏州市", "徐州市"]), ["sz-gdp", "xz-share"]),
    "department 市工信局": (views.Filters(departments=["市工信局"]), ["ks-firms"]),
    "tag 12345": (views.Filters(tags=["12345"]), ["ks-gdp", "ks-firms"]),
    "tag 1030 (second tag of a target)": (views.Filters(tags=["1030"]), ["xz-share"]),
    "deadline year 2027": (views.Filters(years=[2027]), ["sz-gdp"]),
    "region and year together": (views.Filters(regions=["昆山市"], years=[2025]), []),
    "status 需加快": (views.Filters(statuses=["需加快"]), ["ks-gdp"]),
    "two statuses": (views.Filters(statuses=["已完成", "倒退"]), ["ks-firms", "xz-share"]),
    "only overdue or behind (需加快, 倒退)": (views.Filters(attention=True), ["ks-gdp", "xz-share"]),
    "only overdue or behind, in 苏州市: none": (views.Filters(attention=True, regions=["苏州市"]), []),
}


@pytest.mark.parametrize("filters, expected", FILTER_CASES.values(), ids=FILTER_CASES.keys())
def test_filters(status, filters, expected):
    assert list(views.apply_filters(status, filters)["id"]) == expected


def test_only_overdue_or_lagging_keeps_awaiting_data_and_stale_data():
    """待数据 (due passed, no data yet) is overdue; an on-track status judged on stale data lags
    by its data; on track with fresh data, done, monitored and no data are neither."""
    rows = [status_row("overdue", "昆山市", "a", status="逾期未完成"),
            status_row("awaiting", "昆山市", "b", status="待数据"),
            status_row("stale", "昆山市", "c", status="进度正常"),
            status_row("fresh", "昆山市", "d", status="进度正常"),
            status_row("done", "昆山市", "e", status="已完成"),
            status_row("watched", "昆山市", "f", status="仅监测"),
            status_row("nothing", "昆山市", "g", status="暂无数据")]
    table = pd.DataFrame(rows, columns=STATUS_COLUMNS)
    table["stale"] = [False, False, True, False, False, None, False]
    kept = views.apply_filters(table, views.Filters(attention=True))
    assert list(kept["id"]) == ["overdue", "awaiting", "stale"]


def test_filter_options_list_each_choice_once(status):
    options = views.filter_options(status)
    assert options == {
        "regions": ["徐州市", "昆山市", "苏州市"],
        "departments": ["区税务局", "市发改委", "市工信局"],
        "tags": ["1030", "12345", "343"],
        "years": [2025, 2026, 2027],
    }


def test_card_counts_group_slow_and_backwards(status):
    assert views.card_counts(status) == {
        "目标总数": 4, "已完成": 1, "进度正常": 0, "需加快": 1, "进展缓慢/倒退": 1, "逾期未完成": 0,
        "待数据/无数据": 1, "仅监测": 0,
    }


def test_card_counts_cover_every_tracker_status():
    counted = {s for wanted in views.CARDS.values() if wanted for s in wanted}
    assert counted == set(tracker.STATUSES)


FORMAT_CASES = {
    "money in 亿元": ((6000, "亿元"), "6000亿元"),
    "money that reaches 万亿": ((13000, "亿元"), "1.3万亿元"),
    "count": ((4000, "家"), "4000家"),
    "percent": ((76.3, "%"), "76.3%"),
    "points": ((2.1, "个百分点"), "2.1个百分点"),
    "missing value": ((None, "亿元"), "—"),
    "NaN value": ((float("nan"), "%"), "—"),
}


@pytest.mark.parametrize("args, expected", FORMAT_CASES.values(), ids=FORMAT_CASES.keys())
def test_fmt(args, expected):
    assert views.fmt(*args) == expected


DATE_CASES = {
    "year end reads as the year": (pd.Timestamp("2025-12-31"), "2025年"),
    "a day": (pd.Timestamp("2024-01-04"), "2024年1月4日"),
    "missing": (pd.NaT, "—"),
}


@pytest.mark.parametrize("value, expected", DATE_CASES.values(), ids=DATE_CASES.keys())
def test_fmt_date(value, expected):
    assert views.fmt_date(value) == expected


TIME_LEFT_CASES = {
    "two years and some": ("2026-12-31", dt.date(2024, 10, 1), "还剩2年3个月"),
    "weeks": ("2025-12-31", dt.date(2025, 12, 1), "还剩30天"),
    "past due": ("2023-12-31", dt.date(2024, 3, 31), "已过期3个月"),
    "no deadline": (None, dt.date(2024, 1, 1), "—"),
}


@pytest.mark.parametrize("due, today, expected", TIME_LEFT_CASES.values(), ids=TIME_LEFT_CASES.keys())
def test_time_left(due, today, expected):
    assert views.time_left(pd.Timestamp(due) if due else None, today) == expected


def test_status_table_writes_numbers_as_officials_do(status):
    table = views.status_table(status)
    first = table.iloc[0]
    assert first["最新值"] == "5500亿元"
    assert first["目标值"] == "6000亿元"
    assert first["完成进度"] == pytest.approx(50.0)
    assert first["标签"] == "12345"
    assert first["详情"] == "target?id=ks-gdp"
    assert first["名称"] == "昆山市·地区生产总值" and "编号" not in table.columns      # names, not ids
    assert table.iloc[2]["最新值"] == "—"
    assert not any("e+" in str(v) for v in table.to_numpy().ravel())


def test_status_table_progress_column_sorts_numerically(status):
    table = views.status_table(status)
    assert pd.api.types.is_float_dtype(table["完成进度"])


def test_panels_group_by_tag_then_untagged(status):
    names = [name for name, _ in views.panels(status)]
    assert names == ["“12345”目标", "“343”目标", "“1030”目标", "其他目标"]
    assert list(dict(views.panels(status))["“12345”目标"]["id"]) == ["ks-gdp", "ks-firms"]


def test_shared_indicators_keep_only_indicators_of_two_regions(status):
    assert list(views.shared_indicators(status)["id"]) == ["ks-gdp", "sz-gdp"]


def test_shared_indicators_keep_one_row_per_region(status):
    twice = pd.concat([status, status.iloc[[0]].assign(id="ks-gdp-new")], ignore_index=True)
    assert list(views.shared_indicators(twice)["id"]) == ["ks-gdp", "sz-gdp"]


CLICK_CASES = {
    "bar clicked": ({"selection": {"points": [{"customdata": "ks-gdp", "x": 50}]}}, "ks-gdp"),
    "customdata as list": ({"selection": {"points": [{"customdata": ["sz-gdp"]}]}}, "sz-gdp"),
    "nothing clicked": ({"selection": {"points": []}}, None),
    "no event": (None, None),
}


@pytest.mark.parametrize("event, expected", CLICK_CASES.values(), ids=CLICK_CASES.keys())
def test_clicked_id(event, expected):
    assert views.clicked_id(event) == expected


DATE_PROBLEM_CASES = {
    "blank is fine": ("", False),
    "iso date is fine": ("2024-01-04", False),
    "slashes are refused": ("2024/01/04", True),
    "impossible day is refused": ("2024-02-30", True),
}


@pytest.mark.parametrize("text, bad", DATE_PROBLEM_CASES.values(), ids=DATE_PROBLEM_CASES.keys())
def test_date_problem(text, bad):
    assert (views.date_problem(text) is not None) == bad


def figure(start, end, kind="target", value=6e11, unit="元", indicator="地区生产总值", deadline=2026):
    return dict(start=start, end=end, kind=kind, value=value, value_max=None, unit=unit,
                indicator=indicator, deadline=deadline)


def test_highlight_escapes_document_text():
    text = "<script>alert(1)</script> 总量迈上6000亿元"
    start = text.index("6000")
    figures = pd.DataFrame([figure(start, start + len("6000亿元"))])
    out = highlight.highlight_html(text, figures)
    assert "<script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert '<mark class="fig-target"' in out and ">6000亿元</mark>" in out


def test_highlight_gives_target_and_actual_two_styles_and_a_tooltip():
    text = "已完成298.7亿元,力争超过400亿元。"
    a, t = text.index("298.7亿元"), text.index("400亿元")
    figures = pd.DataFrame([
        figure(a, a + len("298.7亿元"), kind="actual", value=2.987e10, indicator="智改数转投资", deadline=None),
        figure(t, t + len("400亿元"), kind="target", value=4e10, indicator="智改数转投资", deadline=2025),
    ])
    out = highlight.highlight_html(text, figures)
    assert out.count('class="fig-actual"') == 1 and out.count('class="fig-target"') == 1
    assert 'title="数值 298.7亿元 · 单位 元 · 指标 智改数转投资 · 截止 — · 实际"' in out
    assert 'title="数值 400亿元 · 单位 元 · 指标 智改数转投资 · 截止 2025年 · 目标"' in out


def test_highlight_escapes_quotes_inside_tooltips():
    text = "增长10%"
    figures = pd.DataFrame([figure(2, 5, value=10, unit="%", indicator='"新"产业"><b>', deadline=None)])
    out = highlight.highlight_html(text, figures)
    assert "<b>" not in out and "&quot;&gt;&lt;b&gt;" in out


def test_highlight_skips_overlapping_and_out_of_range_spans():
    text = "新增1000亿元"
    figures = pd.DataFrame([figure(2, 8), figure(4, 8), figure(5, 50)])
    out = highlight.highlight_html(text, figures)
    assert out.count("<mark") == 1
    assert "新增<mark" in out and ">1000亿元</mark>" in out


def test_highlight_of_no_figures_is_the_escaped_text():
    out = highlight.highlight_html("a<b", pd.DataFrame(columns=["start", "end", "kind"]))
    assert "a&lt;b" in out and "<mark" not in out


def test_csv_has_a_bom_and_chinese_survives():
    table = pd.DataFrame({"指标": ["地区生产总值"], "标签": [["12345", "343"]]})
    payload = export.csv_bytes(table)
    assert payload.startswith(b"\xef\xbb\xbf")
    assert pd.read_csv(io.BytesIO(payload), encoding="utf-8-sig").iloc[0].tolist() == ["地区生产总值", "12345、343"]


def test_xlsx_round_trips():
    table = pd.DataFrame({"指标": ["规上工业总产值"], "数值": [1.3e12], "日期": [pd.Timestamp("2024-01-04")]})
    sheet = openpyxl.load_workbook(io.BytesIO(export.xlsx_bytes(table, sheet="数字"))).active
    assert sheet.title == "数字"
    assert [c.value for c in sheet[1]] == ["指标", "数值", "日期"]
    assert sheet["A2"].value == "规上工业总产值" and sheet["B2"].value == 1.3e12


def test_readable_names_columns_and_codes_in_chinese():
    table = pd.DataFrame({
        "id": ["a"], "tags": [["12345", "343"]], "type": ["increment"], "direction": ["down"],
        "method": ["cagr"], "due": [pd.Timestamp("2026-12-31")], "progress": [0.763], "mystery": [1],
    })
    shown = views.readable(table)
    assert shown.columns.tolist() == ["编号", "标签", "目标类型", "方向", "评估方法", "截止", "完成进度(%)", "mystery"]
    assert shown.iloc[0].tolist()[:6] == ["a", "12345、343", "新增", "下降", "年均增速比较", dt.date(2026, 12, 31)]
    assert shown.iloc[0]["完成进度(%)"] == pytest.approx(76.3)


def test_every_tracker_code_has_a_word():
    assert set(views.CODE_WORDS["type"]) == set(schema.TYPES.values())
    assert set(views.CODE_WORDS["direction"]) == set(schema.DIRECTIONS.values())
    assert set(views.CODE_WORDS["qualifier"]) == set(schema.QUALIFIERS.values())


PATH_CASES = {
    "command line wins": (["--targets", "/x/a.yaml"], {data.ENV_VAR: "/x/b.yaml"}, Path("/x/a.yaml")),
    "environment next": ([], {data.ENV_VAR: "/x/b.yaml"}, Path("/x/b.yaml")),
    "bundled file last": ([], {}, data.DEFAULT_TARGETS),
    "pytest's own flags are ignored": (["-q", "--tb=short"], {}, data.DEFAULT_TARGETS),
}


@pytest.mark.parametrize("argv, environ, expected", PATH_CASES.values(), ids=PATH_CASES.keys())
def test_targets_path(argv, environ, expected):
    assert data.targets_path(argv, environ) == expected


def test_upload_of_gbk_text_and_html():
    assert data.read_upload("a.txt", "地区生产总值6000亿元".encode("gbk")) == "地区生产总值6000亿元"
    page = ("<html><head><title>t</title><script>x=1</script></head><body><div class='nav'><a href='/'>首页</a></div>"
            "<div class='content'><p>总量超1.3万亿元</p><p>第二段</p></div></body></html>")
    # the page's title opens its text (README: 网页、PDF 与 Word), the navigation and script do not
    assert data.read_upload("a.HTML", page.encode("utf-8")) == "t\n总量超1.3万亿元\n第二段"


def test_upload_reads_what_the_command_line_reads():
    import makedocs

    paragraphs = ["到2026年，地区生产总值突破6000亿元。", "规上工业企业达到3000家。"]
    assert data.read_upload("a.docx", makedocs.docx_bytes(paragraphs)) == "\n".join(paragraphs)
    assert set(data.upload_types()) >= {"txt", "html", "pdf", "docx"}
    assert not hasattr(data, "html_text")  # one HTML reader: extract's


def test_labels_match_label_for_every_target(status):
    assert views.labels(status) == {r["id"]: views.label(r) for _, r in status.iterrows()}


def test_labels_use_the_name_and_keep_shared_names_apart(status):
    named = status.assign(name=["昆山GDP", "", "GDP", "GDP"])
    assert views.labels(named) == {"ks-gdp": "昆山GDP", "ks-firms": "昆山市·规上工业企业",
                                   "sz-gdp": "GDP(sz-gdp)", "xz-share": "GDP(xz-share)"}


AS_OF_CASES = {
    "a year's figure": ({"as_of": pd.Timestamp("2024-12-31"), "latest_period": ""}, "数据截至2024年"),
    "the stated period wins": ({"as_of": pd.Timestamp("2023-09-30"), "latest_period": "2023年1—9月"}, "数据截至2023年1—9月"),
    "a month's figure": ({"as_of": pd.Timestamp("2025-06-30"), "latest_period": ""}, "数据截至2025年6月"),
    "a day": ({"as_of": pd.Timestamp("2025-06-18"), "latest_period": None}, "数据截至2025年6月18日"),
    "no data": ({"as_of": pd.NaT, "latest_period": ""}, ""),
}


@pytest.mark.parametrize("row, expected", AS_OF_CASES.values(), ids=AS_OF_CASES.keys())
def test_as_of_text(row, expected):
    assert views.as_of_text(row) == expected


NOTE_CASES = {
    "stale with a reason": ({"as_of": pd.Timestamp("2023-12-31"), "stale": True, "reason": "暂无基期之后的观测数据"},
                            "数据截至2023年 · 数据滞后 · 暂无基期之后的观测数据"),
    "fresh, no reason": ({"as_of": pd.Timestamp("2025-12-31"), "stale": False, "reason": ""}, "数据截至2025年"),
    "no data": ({"as_of": pd.NaT, "stale": False, "reason": "暂无进展数据"}, "暂无进展数据"),
}


@pytest.mark.parametrize("row, expected", NOTE_CASES.values(), ids=NOTE_CASES.keys())
def test_status_note(row, expected):
    assert views.status_note(row) == expected


TARGET_TEXT_CASES = {
    "an increment shows the level it implies": ({"type": "increment", "target": 6000, "target_stated": 1000, "unit": "亿元"},
                                                "新增1000亿元，即6000亿元"),
    "an increment without a baseline": ({"type": "increment", "target": float("nan"), "target_stated": 1000, "unit": "亿元"},
                                        "新增1000亿元"),
    "a level": ({"type": "level", "target": 3, "target_stated": 3, "unit": "万亿元"}, "3万亿元"),
}


@pytest.mark.parametrize("row, expected", TARGET_TEXT_CASES.values(), ids=TARGET_TEXT_CASES.keys())
def test_target_text(row, expected):
    assert views.target_text(row) == expected


PROJECTION_CASES = {
    "late by a year (the issue's sentence)": ({"projected_year": 2027, "projected_value": 5786.6, "method": "cagr",
                                               "due": pd.Timestamp("2026-12-31"), "unit": "亿元"},
                                              "按当前增速，预计2027年达到目标（晚于期限1年）。"),
    "on time": ({"projected_year": 2026, "projected_value": 6200, "method": "cagr", "due": pd.Timestamp("2026-12-31"),
                 "unit": "亿元"}, "按当前增速，预计2026年达到目标（按期）。"),
    "early, straight line": ({"projected_year": 2025, "projected_value": 3, "method": "linear",
                              "due": pd.Timestamp("2027-12-31"), "unit": "个"}, "按当前进度，预计2025年达到目标（早于期限2年）。"),
    "never at this pace": ({"projected_year": pd.NA, "projected_value": 4705, "method": "cagr",
                            "due": pd.Timestamp("2026-12-31"), "unit": "亿元"}, "按当前增速，到期限预计为4705亿元，无法达到目标。"),
    "no projection": ({"projected_year": pd.NA, "projected_value": float("nan"), "method": "direct", "due": pd.NaT,
                       "unit": "%"}, ""),
}


@pytest.mark.parametrize("row, expected", PROJECTION_CASES.values(), ids=PROJECTION_CASES.keys())
def test_projection_text(row, expected):
    assert views.projection_text(row) == expected


def _problem(severity):
    return tracker.Problem("t.yaml", 1, 1, "x", "unit", "说明", severity)


TITLE_CASES = {
    "errors and warnings, some targets shown": ([_problem("error"), _problem("warning")], 3,
                                                "目标文件有 1 个错误、1 个警告(有错误的目标未显示,其余 3 个目标照常显示)"),
    "warnings only": ([_problem("warning")] * 2, 5, "目标文件有 2 个警告(全部 5 个目标照常显示,请核对)"),
    "nothing usable is said exactly": ([_problem("error")], 0, "目标文件有 1 个错误,没有可用的目标"),
}


@pytest.mark.parametrize("problems, usable, expected", TITLE_CASES.values(), ids=TITLE_CASES.keys())
def test_problems_title(problems, usable, expected):
    assert views.problems_title(problems, usable) == expected


def test_figure_table_reads_as_words():
    import extract

    sentence = "到2025年,规上工业企业突破3000家;1至9月完成投资298.7亿元。"
    figures = extract.figures(sentence)
    table = export.figure_table(figures)
    assert list(table.columns) == list(export.FIGURE_HEADINGS.values())
    assert list(table["原文"]) == list(figures["text"])
    assert list(table["数值"]) == [views.fmt(v, u) for v, u in zip(figures["value"], figures["unit"])]
    assert set(table["性质"]) <= {"目标", "实际"}
    assert not table.drop(columns=["起", "止"]).isna().any().any()
    assert all(sentence[s:e] == t for s, e, t in zip(table["起"], table["止"], table["原文"]))


GROWTH_CASES = {
    "同比增长 is a rate": ("绿色低碳能源产值同比增长11.5%", "11.5%", True),
    "a qualifier between": ("生产效率提升超过20%", "20%", True),
    "a fall is a rate": ("能耗同比下降3.2%", "3.2%", True),
    "a level reached is not": ("比重稳步提升至55%以上", "55%", False),
    "a share is not": ("制造业增加值占全省21%", "21%", False),
    "points of change": ("降幅收窄提高2个百分点", "2个百分点", True),
}


@pytest.mark.parametrize("text, figure, expected", GROWTH_CASES.values(), ids=GROWTH_CASES.keys())
def test_is_growth(text, figure, expected):
    assert views.is_growth(text, text.index(figure)) == expected


PERIOD_CASES = {
    "months of one year": ("2023-01/2023-09", "2023年1—9月"),
    "a whole year": ("2023-01/2023-12", "2023年"),
    "one month": ("2024-03/2024-03", "2024年3月"),
    "across years": ("2023-07/2024-06", "2023年7月—2024年6月"),
    "none": (None, "未注明统计期"),
}


@pytest.mark.parametrize("period, expected", PERIOD_CASES.values(), ids=PERIOD_CASES.keys())
def test_period_text(period, expected):
    assert views.period_text(period) == expected


def test_document_rates_pick_growth_figures_of_each_document():
    import extract

    texts = {
        "a.txt": "1至9月份,高端纺织同比增长36%,占全省21%。",
        "b.txt": "生产效率提升超过20%,工业税收比重提升至55%以上。",
    }
    figures = pd.concat([extract.figures(t, doc=d, date="2023-12-25") for d, t in texts.items()], ignore_index=True)
    rates = views.document_rates(figures, texts)
    assert sorted(rates["value"]) == [20.0, 36.0]
    assert set(rates["doc"]) == {"a.txt", "b.txt"}
    table = views.document_rate_table(rates)
    assert list(table["增速"]) == ["36%", "20%"]


def test_status_words_are_coloured_in_small_tables_only(status):
    from dashboard import charts, ui

    styled = ui.status_styled(views.status_table(status)).to_html()
    for state in status["status"]:
        assert charts.STATUS_COLOURS[state] in styled and state in styled
    big = pd.concat([status] * (ui.MAX_STYLED_ROWS // len(status) + 1), ignore_index=True)
    assert isinstance(ui.status_styled(views.status_table(big)), pd.DataFrame)


@pytest.mark.parametrize(
    "target_id,surface",
    [("ks-gdp", "6000億元"), ("ks-gdp", "1000億元")],
    ids=["increment-outlines-its-level", "increment-outlines-the-stated-amount"],
)
def test_matching_figures_outline_the_target_in_its_quote(target_id, surface):
    book = tracker.load(Path(__file__).resolve().parent.parent / "targets.yaml")
    target = book.targets.set_index("id").loc[target_id].to_dict()
    quote = target["source_quote"]
    figures = data.document_figures(quote)
    hits = views.matching_figures(figures, target)
    assert surface in set(figures.loc[list(hits), "text"])


def test_as_of_texts_match_as_of_text_row_by_row():
    rows = pd.DataFrame([row for row, _ in AS_OF_CASES.values()])
    assert list(views.as_of_texts(rows)) == [text for _, text in AS_OF_CASES.values()]


# --- urgency, counts, pace (issue #10) ------------------------------------------------------------

URGENCY_CASES = {
    "the four urgent statuses first, worst first": (
        ["需加快", "进展缓慢", "倒退", "逾期未完成"], ["逾期未完成", "倒退", "进展缓慢", "需加快"]),
    "on track and done after them": (["已完成", "进度正常", "需加快"], ["需加快", "进度正常", "已完成"]),
    "the rest last, in tracker's order": (["暂无数据", "仅监测", "待数据", "已完成"], ["已完成", "待数据", "仅监测", "暂无数据"]),
    "the file's order within a status": (["需加快", "需加快"], ["需加快", "需加快"]),
}


@pytest.mark.parametrize("states, expected", URGENCY_CASES.values(), ids=URGENCY_CASES.keys())
def test_by_urgency(states, expected):
    table = pd.DataFrame({"id": [f"t{i}" for i in range(len(states))], "status": states})
    ordered = views.by_urgency(table)
    assert list(ordered["status"]) == expected
    same = [i for i, s in zip(ordered["id"], ordered["status"]) if s == "需加快"]
    assert same == sorted(same)                                      # stable within a status
    assert list(views.by_urgency(table, "file")["id"]) == list(table["id"])


def test_status_counts_most_urgent_first_without_zeros(status):
    assert views.status_counts(status) == {"倒退": 1, "需加快": 1, "已完成": 1, "暂无数据": 1}


PACE_CASES = {
    "compound growth": (dict(method="cagr", cagr_observed=0.0488, cagr_required=0.0626, ratio=0.7786),
                        "实际年均增速4.9%，所需6.3%（R=0.78）"),
    "straight line": (dict(method="linear", progress=0.38, elapsed=0.334, ratio=1.138), "完成进度38%，时间进度33.4%（R=1.14）"),
    "compared directly": (dict(method="direct", ratio=0.93), "最新值为目标的93%"),
    "no data: nothing to tell": (dict(method="cagr", cagr_observed=None, cagr_required=0.06, ratio=None), ""),
    "no method": (dict(method="", ratio=None), ""),
}


@pytest.mark.parametrize("row, expected", PACE_CASES.values(), ids=PACE_CASES.keys())
def test_pace_text(row, expected):
    assert views.pace_text(row) == expected


# --- places inside places --------------------------------------------------------------------------

TREE_CASES = {
    "a city and a county-level city inside it": (["昆山市", "苏州市"], [("苏州市", 0), ("昆山市", 1)]),
    "two peers keep their order": (["徐州市", "苏州市"], [("徐州市", 0), ("苏州市", 0)]),
    "province, city, county-level city": (["昆山市", "江苏省", "苏州市"], [("江苏省", 0), ("苏州市", 1), ("昆山市", 2)]),
    "a county-level city whose city is not tracked": (["昆山市", "徐州市"], [("昆山市", 0), ("徐州市", 0)]),
    "a place the table does not know": (["某区", "苏州市"], [("某区", 0), ("苏州市", 0)]),
}


@pytest.mark.parametrize("regions, expected", TREE_CASES.values(), ids=TREE_CASES.keys())
def test_region_tree(regions, expected):
    assert views.region_tree(regions) == expected


LABEL_CASES = {
    "inside a tracked city": (("昆山市", ["苏州市", "昆山市"]), "\u3000昆山市（苏州市下辖）"),
    "its city not tracked": (("昆山市", ["徐州市", "昆山市"]), "昆山市"),
    "two levels down": (("昆山市", ["江苏省", "苏州市", "昆山市"]), "\u3000\u3000昆山市（苏州市下辖）"),
    "inside the province only": (("苏州市", ["江苏省", "苏州市"]), "\u3000苏州市（江苏省下辖）"),
}


@pytest.mark.parametrize("args, expected", LABEL_CASES.values(), ids=LABEL_CASES.keys())
def test_region_label(args, expected):
    assert views.region_label(*args) == expected


PEER_CASES = {
    "a city and a county-level city inside it are no peers": (["苏州市", "昆山市"], []),
    "two cities of one province are": (["苏州市", "昆山市", "徐州市"], [["苏州市", "徐州市"]]),
    "two county-level cities of one city are": (["昆山市", "常熟市", "苏州市"], [["昆山市", "常熟市"]]),
    "a province and its city are not": (["江苏省", "苏州市"], []),
}


@pytest.mark.parametrize("regions, expected", PEER_CASES.values(), ids=PEER_CASES.keys())
def test_peer_groups(regions, expected):
    assert views.peer_groups(regions) == expected


def test_regions_within():
    assert "昆山市" in views.regions_within("苏州市") and "昆山市" in views.regions_within("江苏省")
    assert "昆山市" not in views.regions_within("徐州市") and views.regions_within("昆山市") == []



def test_regions_within_another_province():
    """China's divisions: a Wenzhou briefing takes in 鹿城区, a Zhejiang one 温州市 and 鹿城区, not 昆山市."""
    assert "鹿城区" in views.regions_within("温州市") and "温州市" not in views.regions_within("温州市")
    assert {"温州市", "鹿城区"} <= set(views.regions_within("浙江省")) and "昆山市" not in views.regions_within("浙江省")


# --- growth over periods ---------------------------------------------------------------------------

def test_rate_history_keeps_targets_reported_for_two_periods_or_more():
    targets = pd.DataFrame({"id": ["g1", "g2", "lvl"], "region": ["徐州市"] * 3, "indicator": ["甲增速", "乙增速", "产值"],
                            "type": ["rate", "rate", "level"], "name": ["", "", ""]})
    observations = pd.DataFrame({
        "target_id": ["g1", "g1", "g2", "lvl", "lvl"],
        "date": pd.to_datetime(["2023-04-30", "2023-02-28", "2023-02-28", "2023-02-28", "2023-04-30"]),
        "value": [30.4, 27.7, 5.0, 100.0, 120.0],
        "period": ["2023年1—4月", "2023年1—2月", "2023年1—2月", "", ""],
    })
    history = views.rate_history(targets, observations)
    assert history[["id", "period", "value"]].values.tolist() == [["g1", "2023年1—2月", 27.7], ["g1", "2023年1—4月", 30.4]]
    assert set(history["label"]) == {"徐州市·甲增速"}


# --- downloads and cells --------------------------------------------------------------------------

ROUNDING_CASES = {
    "float noise of an amount": ("差距", 619.8299999999999, "619.83", 619.83, "0.00"),
    "float noise of a base amount": ("数值(基本单位)", 514060000000.0001, "514060000000", 514060000000, "0"),
    "a percent to one place": ("完成进度(%)", 16.666666666666668, "16.7", 16.7, "0.0"),
    "a whole number stays whole": ("目标值", 6000.0, "6000", 6000, "0"),
}


@pytest.mark.parametrize("heading, value, csv_text, cell, number_format", ROUNDING_CASES.values(), ids=ROUNDING_CASES.keys())
def test_downloads_round_as_officials_write(heading, value, csv_text, cell, number_format):
    table = pd.DataFrame({"名称": ["甲", "乙"], heading: [value, None]})
    text = export.csv_bytes(table).decode("utf-8-sig").splitlines()
    assert text == [f"名称,{heading}", f"甲,{csv_text}", "乙,"]
    sheet = openpyxl.load_workbook(io.BytesIO(export.xlsx_bytes(table))).active
    assert (sheet["B2"].value, sheet["B2"].number_format) == (cell, number_format)
    assert sheet["B3"].value is None


def test_shown_tables_have_blank_cells_never_none():
    table = views.readable(pd.DataFrame({"baseline": [5000.0, None], "note": [None, "x"], "progress": [0.3333, None]}))
    shown = views.shown(table)
    assert shown.to_dict("list") == {"基期值": ["5000", ""], "备注": ["", "x"], "完成进度(%)": ["33.3", ""]}


def test_phone_rows_say_status_progress_and_as_of(status):
    dated = status.assign(as_of=status["latest_date"].where(status["latest"].notna()))
    rows = {r["id"]: r for r in views.phone_rows(dated)}
    assert rows["ks-gdp"]["status"] == "需加快"
    assert rows["ks-gdp"]["line"] == "完成进度 50% · 数据截至2024年"
    assert rows["ks-gdp"]["values"] == "最新 5500亿元 / 目标 6000亿元 · 差距 500亿元"
    assert rows["sz-gdp"]["line"] == "完成进度 —"


def test_observation_table_newest_first_with_blank_cells():
    observations = pd.DataFrame({
        "target_id": ["g", "g"], "date": pd.to_datetime(["2023-12-31", "2024-12-31"]), "value": [5140.6, 5380.17],
        "period": [None, "2024年"], "source": ["公报", None], "url": [None, None], "note": [None, "预计数"],
    })
    table = views.observation_table(observations, "亿元")
    assert table.to_dict("records") == [
        {"日期": "2024年", "数值": "5380.17亿元", "统计期": "2024年", "来源": "", "网址": "", "备注": "预计数"},
        {"日期": "2023年", "数值": "5140.6亿元", "统计期": "", "来源": "公报", "网址": "", "备注": ""},
    ]
