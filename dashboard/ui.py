"""Streamlit pieces that several pages share: source box, problems panel, filters, downloads.

Each lays out what views/export computed; none computes anything itself.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import charts, data, export, views

__all__ = ["briefing_buttons", "download_buttons", "filter_bar", "need_targets", "page_style", "phone_list",
           "problems_panel", "source_box", "status_columns", "status_styled"]

# The dashboard's own stylesheet: print layout, phone layout, and Chinese in place of the
# English that Streamlit's widgets carry (see the file).
STYLE_SHEET = Path(__file__).resolve().parent / "style.css"
# Where a page leaves the region its view is narrowed to, for the 简报 in the sidebar.
BRIEFING_REGION = "briefing-region"


def page_style() -> None:
    """Put the dashboard's stylesheet on the page (once per run; it takes no room)."""
    st.html(f"<style>{STYLE_SHEET.read_text(encoding='utf-8')}</style>")


def source_box(loaded: data.Loaded) -> None:
    """Sidebar: which file is shown, when it changed, and the 重新加载 button."""
    with st.sidebar:
        st.caption(f"目标文件:{loaded.path}")
        if loaded.modified:
            st.caption(f"修改时间:{loaded.modified:%Y-%m-%d %H:%M:%S} · 评估日期:{loaded.today:%Y-%m-%d}",
                       help="按指定日期复现状态或简报:启动仪表盘时在命令末尾加 -- --today 年-月-日(见说明文档)")
        if st.button("重新加载", key="reload", help="清除缓存,重新读取目标文件"):
            data.reload()
            st.rerun()


def problems_panel(loaded: data.Loaded) -> None:
    """A missing file says where it looked and how to start one; a file with problems lists them."""
    if not loaded.exists:
        st.error(
            f"找不到目标文件:`{loaded.path}`\n\n"
            "查找顺序:命令行参数 `streamlit run dashboard/app.py -- --targets 文件`,"
            f"环境变量 `{data.ENV_VAR}`,最后是仓库自带的 `{data.DEFAULT_TARGETS}`。\n\n"
            "新建一个目标文件:复制仓库自带的 `targets.yaml`(文件开头有各字段的中文说明和示例),"
            "或用 `python -m tracker suggest 文档.txt --region 昆山市 > targets.yaml` 从文件中生成草稿,"
            "然后运行 `python -m tracker check targets.yaml` 检查。"
        )
        return
    if loaded.problems:
        with st.expander(views.problems_title(loaded.problems, len(loaded.status)), expanded=True):
            st.code("\n".join(str(p) for p in loaded.problems), language=None, wrap_lines=True)
            st.caption("错误:该条目(或该条进展)无法使用,未计入;警告(以“警告：”开头):条目照常显示,但看起来写错了,请核对。"
                       "修改后保存即可,下次操作时自动重新读取;也可运行 `python -m tracker check` 检查。")


def need_targets(loaded: data.Loaded) -> bool:
    """True when there are targets to show; otherwise says so and returns False."""
    if len(loaded.status):
        return True
    if loaded.exists and loaded.problems:
        st.info("目标文件中没有可用的目标:每个目标都有错误。请先修正上方列出的问题。")
    else:
        st.info("没有可显示的目标。" + ("" if loaded.exists else "请先修正上方列出的问题。"))
    return False


def _from_url(key: str, param: str, options: list, multi: bool = True) -> None:
    """Start a filter from the link (?region=苏州市&status=需加快) the first time a session shows it."""
    if key in st.session_state:
        return
    wanted = st.query_params.get_all(param)
    chosen = [o for o in options if str(o) in wanted]
    st.session_state[key] = chosen if multi else (chosen[0] if chosen else None)


def _to_url(values: dict[str, list[str]]) -> None:
    """Write the filters into the link, so that a reload keeps them and the view can be sent."""
    for param, chosen in values.items():
        if chosen:
            if st.query_params.get_all(param) != chosen:
                st.query_params[param] = chosen
        elif param in st.query_params:
            del st.query_params[param]


def filter_bar(status: pd.DataFrame, key: str) -> pd.DataFrame:
    """Status (with counts), 只看逾期/滞后, order, and region, department, tag and deadline year;
    returns the rows that pass all of them, in the chosen order. Every choice is kept in the link
    (views.FILTER_PARAMS) and read back from it."""
    options = views.filter_options(status)
    states = list(views.status_counts(status))
    params = views.FILTER_PARAMS
    for name, choices in (("status", states), ("region", options["regions"]), ("department", options["departments"]),
                          ("tag", options["tags"]), ("year", options["years"])):
        _from_url(f"{key}-{name}", params[name], choices)
    _from_url(f"{key}-order", params["order"], list(views.ORDERS), multi=False)
    if st.session_state[f"{key}-order"] is None:
        st.session_state[f"{key}-order"] = next(iter(views.ORDERS))
    if f"{key}-attention" not in st.session_state:
        st.session_state[f"{key}-attention"] = st.query_params.get(params["attention"]) == "1"

    with st.container(key=f"{key}-filters"):  # the print stylesheet hides it
        top = st.container()
        narrowing = any(st.session_state[f"{key}-{n}"] for n in ("region", "department", "tag", "year"))
        with st.expander("按地区、责任部门、标签、截止年份筛选", expanded=narrowing):
            regions = st.pills("地区", options["regions"], selection_mode="multi", key=f"{key}-region",
                               format_func=lambda r: views.region_label(r, options["regions"]).strip("\u3000"))
            departments = st.pills("责任部门", options["departments"], selection_mode="multi", key=f"{key}-department")
            tags = st.pills("标签", options["tags"], selection_mode="multi", key=f"{key}-tag")
            years = st.pills("截止年份", options["years"], selection_mode="multi", key=f"{key}-year",
                             format_func=lambda y: f"{y}年")
        narrowed = views.apply_filters(status, views.Filters(regions=regions, departments=departments, tags=tags, years=years))
        counts = views.status_counts(narrowed)
        with top:
            chosen = st.pills("状态", states, selection_mode="multi", key=f"{key}-status",
                              format_func=lambda s: f"{s} {counts.get(s, 0)}")
            left, right = st.columns([3, 2])
            attention = left.toggle("只看逾期/滞后", key=f"{key}-attention",
                                    help="只列出" + "、".join(views.LAGGING) + "以及" + views.STALE_FLAG + "的目标")
            order = right.segmented_control("排序", list(views.ORDERS), format_func=views.ORDERS.get, key=f"{key}-order",
                                            label_visibility="collapsed")
    picked = views.Filters(regions=regions, departments=departments, tags=tags, years=years, statuses=chosen,
                           attention=attention)
    _to_url({params["status"]: chosen, params["attention"]: ["1"] if attention else [],
             params["order"]: [order] if order and order != next(iter(views.ORDERS)) else [],
             params["region"]: regions, params["department"]: departments, params["tag"]: tags,
             params["year"]: [str(y) for y in years]})
    st.session_state[BRIEFING_REGION] = regions[0] if len(regions) == 1 else None
    return views.by_urgency(views.apply_filters(status, picked), order or "urgency")


# Tables longer than this are shown without per-cell colour: pandas' Styler takes seconds
# for thousands of rows, and the word in 状态 is there either way.
MAX_STYLED_ROWS = 300


def status_styled(table: pd.DataFrame):
    """views.status_table with each 状态 cell in its status colour (the word stays: never colour alone)."""
    if len(table) > MAX_STYLED_ROWS:
        return table
    return table.style.map(
        lambda state: f"color: {charts.STATUS_COLOURS.get(state, '#333333')}; font-weight: 600", subset=["状态"]
    )


def status_columns() -> dict:
    """How st.dataframe draws views.status_table: progress as a bar, 详情 as a link."""
    return {
        "详情": st.column_config.LinkColumn("详情", display_text="查看", help="打开目标详情", width=44),
        "名称": st.column_config.TextColumn("名称", width=170),
        "状态": st.column_config.TextColumn("状态", width=68),
        "完成进度": st.column_config.ProgressColumn("完成进度", format="%.1f%%", min_value=0, max_value=100, color="blue",
                                                width=92),
        "时间进度": st.column_config.TextColumn("时间进度", width=60),
        "数据截至": st.column_config.TextColumn("数据截至", width=150),
        "最新值": st.column_config.TextColumn("最新值", width=84),
        "目标值": st.column_config.TextColumn("目标值", width=92),
        "差距": st.column_config.TextColumn("差距", width=74),
        "截止": st.column_config.TextColumn("截止", width=52),
        "责任部门": st.column_config.TextColumn("责任部门", width=124),
    }


def download_buttons(table: pd.DataFrame, stem: str, key: str) -> None:
    """CSV (UTF-8 with BOM) and .xlsx downloads of one table, side by side (built only when clicked)."""
    left, right, _ = st.columns([1, 1, 4])
    left.download_button(
        "下载 CSV", lambda: export.csv_bytes(table), file_name=f"{stem}.csv", mime=export.CSV_MIME,
        key=f"{key}-csv", on_click="ignore",
    )
    right.download_button(
        "下载 Excel", lambda: export.xlsx_bytes(table, sheet=stem), file_name=f"{stem}.xlsx", mime=export.XLSX_MIME,
        key=f"{key}-xlsx", on_click="ignore",
    )


def briefing_buttons(loaded: data.Loaded) -> None:
    """Sidebar: the 简报 of what the page shows (its region, if one is chosen) as Word or PDF,
    made only when clicked (dashboard/briefing.py)."""
    from dashboard import briefing

    if not len(loaded.status):
        return
    region = st.session_state.get(BRIEFING_REGION)
    with st.sidebar:
        st.caption(f"周例会简报({region or '全部地区'},统计日期 {loaded.today:%Y-%m-%d}),点击后生成,约需十几秒")
        for fmt, label, mime in ((".docx", "下载简报(Word)", briefing.DOCX_MIME), (".pdf", "下载简报(PDF)", "application/pdf")):
            st.download_button(
                label, lambda fmt=fmt: briefing.make(loaded.book, loaded.status, loaded.today, region, fmt).payload,
                file_name=briefing.file_name(region, loaded.today, fmt), mime=mime, key=f"briefing{fmt}",
                on_click="ignore", icon=":material/download:", width="stretch",
            )


def phone_list(status: pd.DataFrame, key: str) -> None:
    """The overview as a list of cards, shown instead of the chart at phone width (style.css)."""
    cards = []
    for row in views.phone_rows(status, most=charts.MAX_BARS):
        colour = charts.STATUS_COLOURS.get(row["status"], "#666666")
        cards.append(
            f'<a class="phone-card" href="{html.escape(views.target_url(row["id"]))}" target="_self">'
            f'<div class="phone-name">{html.escape(row["name"])}'
            f'<span class="phone-status" style="background:{colour}">{html.escape(row["status"])}</span></div>'
            f'<div class="phone-line">{html.escape(row["line"])}</div>'
            f'<div class="phone-line">{html.escape(row["values"])}</div></a>'
        )
    with st.container(key=key):
        st.html(f'<div class="phone-list">{"".join(cards)}</div>')
