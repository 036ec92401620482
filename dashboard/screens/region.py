"""地区: one place's targets together as bullet charts; places of the same level compared, and a
place shown beside the places inside it (苏州市 ⊃ 昆山市), never ranked against them."""

import streamlit as st

from dashboard import charts, data, ui, views

st.title("地区")
loaded = data.current()
if ui.need_targets(loaded):
    present = list(dict.fromkeys(loaded.status["region"].dropna()))  # in the file's order
    regions = [region for region, _ in views.region_tree(present)]   # each place followed by those inside it
    wanted = st.query_params.get("region")
    chosen = st.selectbox("选择地区", regions, index=regions.index(wanted) if wanted in regions else 0,
                          format_func=lambda r: views.region_label(r, present), key="region-choice")
    if st.query_params.get("region") != chosen:
        st.query_params["region"] = chosen
    st.session_state[ui.BRIEFING_REGION] = chosen
    inside = [r for r in views.regions_within(chosen) if r in present]
    if inside:
        st.caption(f"{chosen}下辖:{'、'.join(inside)}(各自的目标见其页面;上下级地区不作排名比较)")
    mine = loaded.status[loaded.status["region"] == chosen]

    with st.container(key="region-cards"):  # four to a row at phone width (style.css)
        for column, (title, count) in zip(st.columns(len(views.CARDS)), views.card_counts(mine).items()):
            column.metric(title, count)

    for name, group in views.panels(mine):
        st.subheader(name)
        if len(group) > charts.MAX_BULLETS:
            st.caption(f"共 {len(group)} 项,图中显示前 {charts.MAX_BULLETS} 项;完整列表见下表。")
        st.plotly_chart(charts.bullet_panel(group), key=f"region-bullets-{name}", config=charts.CONFIG)
    st.caption("浅灰色为基期到目标的区间,彩色条为最新值(颜色与文字同时标示状态),黑色竖线为数据截至时按时间进度应达,"
               "灰色竖线为今天应达(与前者不同时才画),红色竖线为目标。")

    st.subheader(f"{chosen}全部目标")
    st.dataframe(ui.status_styled(views.status_table(views.by_urgency(mine))), hide_index=True, key="region-table",
                 height=views.table_height(len(mine)), column_config=ui.status_columns())

    st.subheader("同级地区对比")
    compared = 0
    for group in views.peer_groups(present):
        shared = views.shared_indicators(loaded.status[loaded.status["region"].isin(group)])
        if len(shared):
            compared += 1
            st.plotly_chart(charts.comparison_chart(shared), key=f"region-comparison-{'-'.join(group)}",
                            config=charts.CONFIG)
    if compared:
        st.caption("只比较同一级的地区(同属一个上级),柱高为各地完成进度,柱上标注最新值 / 各自目标。")
    else:
        st.caption("目前没有两个以上同级地区共有的指标。")

    nested = views.nested_rows(loaded.status)
    if len(nested):
        st.subheader("上级与下辖地区")
        st.caption("下辖地区的数字包含在上级地区之中,只并列展示,不作排名比较。")
        st.dataframe(nested, hide_index=True, key="region-nested")
