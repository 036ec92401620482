"""数据: the targets, observations and status tables, filtered, with CSV and Excel downloads."""

import streamlit as st

from dashboard import data, ui, views

st.title("数据")
loaded = data.current()
if ui.need_targets(loaded):
    shown = ui.filter_bar(loaded.status, key="data")
    ids = set(shown["id"])
    book = loaded.book
    tables = {
        "进度状态": loaded.status[loaded.status["id"].isin(ids)],
        "目标": book.targets[book.targets["id"].isin(ids)],
        "进展数据": book.observations[book.observations["target_id"].isin(ids)],
    }
    st.caption(f"显示 {len(shown)} / {len(loaded.status)} 项目标")
    for tab, (name, table) in zip(st.tabs([f"{n}({len(t)})" for n, t in tables.items()]), tables.items()):
        with tab:
            readable = views.readable(table)
            st.dataframe(views.shown(readable), hide_index=True, key=f"data-{name}")
            ui.download_buttons(readable, stem=name, key=f"data-{name}")
