"""Streamlit pieces that several pages share: source box, problems panel, filters, downloads.

Each lays out what views/export computed; none computes anything itself.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, data, export, views

__all__ = ["download_buttons", "filter_bar", "need_targets", "problems_panel", "source_box", "status_columns",
           "status_styled"]


def source_box(loaded: data.Loaded) -> None:
    """Sidebar: which file is shown, when it changed, and the 重新加载 button."""
    with st.sidebar:
        st.caption(f"目标文件:{loaded.path}")
        if loaded.modified:
            st.caption(f"修改时间:{loaded.modified:%Y-%m-%d %H:%M:%S} · 评估日期:{loaded.today:%Y-%m-%d}"
                       "(启动时加 `-- --today YYYY-MM-DD` 可按指定日期复现)")
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


def filter_bar(status: pd.DataFrame, key: str) -> pd.DataFrame:
    """Region, department, tag and deadline-year boxes; returns the rows that pass all of them."""
    options = views.filter_options(status)
    columns = st.columns(4)
    picked = views.Filters(
        regions=columns[0].multiselect("地区", options["regions"], key=f"{key}-region", placeholder="全部地区"),
        departments=columns[1].multiselect("责任部门", options["departments"], key=f"{key}-department", placeholder="全部部门"),
        tags=columns[2].multiselect("标签", options["tags"], key=f"{key}-tag", placeholder="全部标签"),
        years=columns[3].multiselect(
            "截止年份", options["years"], key=f"{key}-year", placeholder="全部年份", format_func=lambda y: f"{y}年"
        ),
    )
    return views.apply_filters(status, picked)


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
        "完成进度": st.column_config.ProgressColumn("完成进度", format="%.1f%%", min_value=0, max_value=100, color="blue"),
        "详情": st.column_config.LinkColumn("详情", display_text="查看", help="打开目标详情"),
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
