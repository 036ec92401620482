"""目标详情: one target's trajectory, gap, time left, growth, source sentence and sibling figures."""

import html

import streamlit as st

from dashboard import charts, data, export, highlight, ui, views

st.title("目标详情")
loaded = data.current()
if ui.need_targets(loaded):
    status = loaded.status.set_index("id", drop=False)
    ids = list(status.index)
    wanted = st.query_params.get("id")
    if wanted and wanted not in status.index:
        st.warning(f"找不到编号为“{wanted}”的目标,已显示第一个目标。")
    names = views.labels(loaded.status)
    chosen = st.selectbox(
        "选择目标", ids, index=ids.index(wanted) if wanted in status.index else 0, format_func=names.get,
    )
    if st.query_params.get("id") != chosen:
        st.query_params["id"] = chosen
    row = status.loc[chosen]
    target = loaded.book.targets.set_index("id", drop=False).loc[chosen]
    unit = row["unit"]

    colour = charts.STATUS_COLOURS.get(row["status"], "#666666")
    badge = 'border-radius:4px;padding:2px 8px;margin-left:8px;font-size:1rem'
    as_of = views.as_of_text(row)
    stale = (f'<span style="border:1px solid #D55E00;color:#D55E00;{badge}">{views.STALE_FLAG}</span>'
             if views.is_stale(row) else "")
    st.html(
        f'<div style="font-size:1.3rem;font-weight:600">{html.escape(names[chosen])} '
        f'<span style="background:{colour};color:#fff;{badge}">{html.escape(row["status"])}</span>'
        f'<span style="color:#555;font-weight:400;{badge}">{html.escape(as_of)}</span>{stale}</div>'
    )
    goal = f"目标:{views.target_text(row)}" + (f"({views.fmt_date(row['due'])})" if views.fmt_date(row["due"]) != "—" else "")
    st.caption(" · ".join(x for x in (f"编号 {chosen}", goal, row.get("reason") or "") if x))
    sentence = views.projection_text(row)
    if sentence:
        st.markdown(f"**{sentence}**")
    with st.container(key="target-metrics"):  # two to a row at phone width (style.css)
        cards = [*st.columns(3), *st.columns(3)]
        cards[0].metric("最新值", views.fmt(row["latest"], unit), help=f"{as_of or '暂无数据'}(数据日期:{views.fmt_date(row['latest_date'])})")
        cards[1].metric("目标值", views.fmt(row["target"], unit), help=f"{views.target_text(row)};"
                        + f"基期值:{views.fmt(row['baseline'], unit)}({views.fmt_date(row['baseline_date'])})")
        cards[2].metric("差距", views.fmt(row["gap"], unit), help=as_of or None)
        cards[3].metric("剩余时间", views.time_left(row["due"], loaded.today), help=f"截止:{views.fmt_date(row['due'])}")
        cards[4].metric("完成进度", views.fmt_share(row["progress"]),
                        help=f"{as_of or '暂无数据'};当时时间进度 {views.fmt_share(row['elapsed'])},按时间进度应达 {views.fmt(row['expected'], unit)};"
                             f"今天应达 {views.fmt(row['expected_now'], unit)}")
        cards[5].metric("实际 / 所需年均增速", f"{views.fmt_share(row['cagr_observed'])} / {views.fmt_share(row['cagr_required'])}",
                        help=f"比值 R = {views.fmt_share(row['ratio'])};评估方法:{views.words('method', row['method'])}")

    st.subheader("进展轨迹")
    st.plotly_chart(charts.trajectory_chart(data.trajectory(loaded, chosen), row), key="target-trajectory",
                    config=charts.CONFIG)

    st.subheader("出处")
    quote = target.get("source_quote")
    source = " · ".join(str(v) for v in (target.get("source_doc"), views.fmt_date(target.get("source_date"))) if v and v != "—")
    st.caption(source)
    if isinstance(target.get("source_url"), str) and target.get("source_url"):
        st.markdown(f"[原文链接]({target['source_url']})")
    if isinstance(quote, str) and quote:
        figures = data.document_figures(quote)
        st.html(highlight.highlight_html(quote, figures, focus=views.matching_figures(figures, target)))

    observations = loaded.book.observations
    mine = observations[observations["target_id"] == chosen]
    st.subheader(f"进展数据({len(mine)} 条)")
    if len(mine):
        st.dataframe(views.observation_table(mine, unit), hide_index=True, key="target-observations")

    st.subheader("同一文件的其他数字")
    siblings = views.siblings(loaded.book.targets, loaded.status, chosen)
    if len(siblings):
        st.dataframe(ui.status_styled(views.status_table(siblings)), hide_index=True, key="target-siblings",
                     height=views.table_height(len(siblings)),
                     column_config=ui.status_columns())
    document = data.find_document(target.get("source_doc"))
    if document is not None:
        with st.expander(f"从原文件 {document.name} 提取的全部数字"):
            text = data.read_document(document)
            found = data.document_figures(text, document.name)
            st.dataframe(export.figure_table(found), hide_index=True, key="target-doc-figures")
    elif not len(siblings):
        st.caption("该文件没有其他已登记的目标。")
