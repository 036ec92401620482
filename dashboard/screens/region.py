"""地区: one place's targets together as bullet charts, and the same indicator compared across places."""

import streamlit as st

from dashboard import charts, data, ui, views

st.title("地区")
loaded = data.current()
if ui.need_targets(loaded):
    regions = list(dict.fromkeys(loaded.status["region"].dropna()))  # in the file's order
    wanted = st.query_params.get("region")
    chosen = st.selectbox("选择地区", regions, index=regions.index(wanted) if wanted in regions else 0)
    if st.query_params.get("region") != chosen:
        st.query_params["region"] = chosen
    mine = loaded.status[loaded.status["region"] == chosen]

    for column, (title, count) in zip(st.columns(len(views.CARDS)), views.card_counts(mine).items()):
        column.metric(title, count)

    for name, group in views.panels(mine):
        st.subheader(name)
        if len(group) > charts.MAX_BULLETS:
            st.caption(f"共 {len(group)} 项,图中显示前 {charts.MAX_BULLETS} 项;完整列表见下表。")
        st.plotly_chart(charts.bullet_panel(group), key=f"region-bullets-{name}", config={"displaylogo": False})
    st.caption("浅灰色为基期到目标的区间,彩色条为最新值(颜色与文字同时标示状态),黑色竖线为数据截至时按时间进度应达,"
               "灰色竖线为今天应达(与前者不同时才画),红色竖线为目标。")

    st.subheader(f"{chosen}全部目标")
    st.dataframe(ui.status_styled(views.status_table(mine)), hide_index=True, key="region-table", height=views.table_height(len(mine)),
                 column_config=ui.status_columns())

    st.subheader("同一指标的地区对比")
    shared = views.shared_indicators(loaded.status)
    if len(shared):
        st.plotly_chart(charts.comparison_chart(shared), key="region-comparison", config={"displaylogo": False})
        st.caption("柱高为各地完成进度,柱上标注最新值 / 各自目标。")
    else:
        st.caption("目前没有两个以上地区共有的指标。")
