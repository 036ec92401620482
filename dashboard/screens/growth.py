"""增速: growth rates by region and period, each indicator's rates over periods as a line, and
every rate in one table."""

import streamlit as st

from dashboard import charts, data, ui, views

st.title("增速")
loaded = data.current()
if ui.need_targets(loaded):
    rates = views.rate_rows(loaded.book.targets, loaded.book.observations, loaded.status)
    reported = rates.dropna(subset=["value"])
    if not len(rates):
        st.info("目标文件中没有增速类目标(type: rate)。")
    history = views.rate_history(loaded.book.targets, loaded.book.observations)
    for region, lines in history.groupby("region", sort=False):
        st.subheader(f"{region} · 各期增速")
        st.plotly_chart(charts.rate_lines(lines), key=f"growth-lines-{region}", config=charts.CONFIG)
    for (region, period), group in reported.groupby(["region", "period"], sort=True):
        st.subheader(f"{region} · {period}")
        st.plotly_chart(charts.rate_chart(group), key=f"growth-{region}-{period}", config=charts.CONFIG)
    if len(rates):
        st.subheader("全部增速")
        st.dataframe(views.rate_table(rates), hide_index=True, key="growth-table",
                     column_config={"详情": st.column_config.LinkColumn("详情", display_text="查看")})
        if len(reported) < len(rates):
            st.caption(f"{len(rates) - len(reported)} 项增速目标暂无数据。")

    texts = data.source_documents(loaded)
    others = views.document_rates(data.figures_of(texts), texts)
    shown = set(zip(reported["value"].round(6), reported["period"]))
    others = others[[(round(v, 6), p) not in shown for v, p in zip(others["value"], others["period"])]]
    st.subheader("原文件中的其他增速")
    if len(others):
        st.dataframe(views.document_rate_table(others), hide_index=True, key="growth-documents")
    else:
        st.caption(f"在 {len(texts)} 份可读取的原文件中没有其他增速数字。")
