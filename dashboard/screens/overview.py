"""总览: metric cards, every target's progress, and the sortable table, all following one set of filters."""

import streamlit as st

from dashboard import charts, data, ui, views

st.title("总览")
loaded = data.current()
if ui.need_targets(loaded):
    shown = ui.filter_bar(loaded.status, key="overview")
    st.caption(f"评估日期 {loaded.today:%Y年%m月%d日} · 显示 {len(shown)} / {len(loaded.status)} 项目标 · "
               "每个状态按该目标最新数据的日期判断(见“数据截至”)")

    with st.container(key="overview-cards"):  # four to a row at phone width (style.css)
        for column, (title, count) in zip(st.columns(len(views.CARDS)), views.card_counts(shown).items()):
            column.metric(title, count)

    st.subheader("完成进度")
    if len(shown):
        if len(shown) > charts.MAX_BARS:
            st.caption(f"图中显示前 {charts.MAX_BARS} 项;完整列表见下表,可用筛选缩小范围。")
        with st.container(key="overview-chart"):  # at phone width the list below takes its place
            clicked = st.plotly_chart(
                charts.progress_chart(shown), key="overview-progress", config=charts.CONFIG,
                on_select="rerun", selection_mode="points",
            )
            st.caption("黑色竖线为数据截至时按时间进度应达到的位置(状态按这一日期判断),灰色短线为今天应达到的位置;"
                       "颜色与文字同时标示状态,“数据滞后”表示最新数据已较旧。点击图中的条或表格中的“查看”进入目标详情。")
        ui.phone_list(shown, key="overview-phone")
        if target_id := views.clicked_id(clicked):
            st.switch_page("screens/target.py", query_params={"id": target_id})

        st.subheader("目标列表")
        st.dataframe(
            ui.status_styled(views.status_table(shown)),
            hide_index=True,
            height=views.table_height(len(shown)),
            column_config=ui.status_columns(),
            key="overview-table",
        )
    else:
        st.info("没有符合筛选条件的目标。")
