"""文档提取: a pasted or uploaded document with every figure marked, its figures table and downloads."""

import streamlit as st

import extract
from dashboard import auth, data, editing, export, highlight, ui, views


def _write(loaded, chosen, user, form, opened) -> None:
    """The 写入 button's callback: the ticked proposals through tracker's write path."""
    result = data.write_proposals(loaded, chosen, user=user, opened=opened)
    st.session_state[editing.RESULT_KEY] = (form, result)
    if result.ok:
        st.session_state.pop(editing.OPENED_KEY, None)


st.title("文档提取")
st.caption("上传 .txt、网页(.html)、PDF 或 Word(.docx)文件,或直接粘贴文字:文中每个数字都会标出(鼠标停留可看数值、单位、指标和期限),下方列出全部数字、与台账目标对应的进展建议,可下载表格和可粘贴进 targets.yaml 的目标条目。")

left, right = st.columns(2)
upload = left.file_uploader("上传文件", type=data.upload_types(), key="document-upload")
pasted = right.text_area("或粘贴文字", height=150, key="document-text", placeholder="例如:力争用3年时间,地区生产总值迈上6000亿元新台阶。")
with st.expander("选项"):
    options = st.columns(2)
    doc_date = options[0].text_input("文件日期(YYYY-MM-DD)", key="document-date",
                                     help="推算“用3年时间”“今年”等期限;正文或网页信息中写有日期时以其为准").strip()
    region = options[1].text_input("地区(生成目标条目时使用)", key="document-region", placeholder="如 昆山市").strip()

text, name = None, None
if upload is not None:
    try:
        document = data.upload(upload.name, upload.getvalue())
        text, name = document.text, upload.name
        if document.date:  # a web page's publication date comes before a typed one (as before --date)
            doc_date = document.date.isoformat()
            st.caption(f"文件日期取自网页的发布日期:{doc_date}")
    except extract.ExtractError as err:
        st.error(f"无法读取上传的文件:{err}")
elif pasted.strip():
    text = pasted

date_problem = views.date_problem(doc_date)
if date_problem:
    st.error(date_problem)
elif text is not None:
    figures = data.document_figures(text, doc=name, date=doc_date or None)
    kinds = figures["kind"].value_counts()
    st.subheader(f"找到 {len(figures)} 个数字")
    st.caption(f"目标 {int(kinds.get('target', 0))} 个 · 实际 {int(kinds.get('actual', 0))} 个")
    st.html(highlight.legend_html())
    with st.container(height=min(600, 120 + len(text) // 2), border=True):
        st.html(highlight.highlight_html(text, figures))

    if len(figures):
        st.subheader("数字列表")
        table = export.figure_table(figures)
        st.dataframe(table, hide_index=True, key="document-figures")
        ui.download_buttons(table, stem="数字提取", key="document-figures")

        st.subheader("台账进展建议")
        loaded = data.current()
        proposals, unmatched = data.document_proposals(loaded, text, doc=name, date=doc_date or None)
        if proposals:
            user = auth.current_user()
            editor = auth.can_edit(user)
            table = views.proposal_table(proposals, loaded.book.targets)
            if editor:
                st.caption(f"文中 {len(proposals)} 个实际数字对应台账中的目标(对照 `{loaded.path.name}`)。"
                           "勾选要写入的“新增”进展;“冲突”“存疑”须人工核对后修改台账。")
                form = f"intake:{hash(text)}"
                opened = editing.form_snapshot(form, loaded.path)   # the file as these proposals saw it
                edited = st.data_editor(table, hide_index=True,
                                        disabled=[h for k, h in views.PROPOSAL_HEADINGS.items() if k != "write"],
                                        key="document-proposals")
                chosen = views.chosen_proposals(proposals, edited)
            else:
                st.caption(f"文中 {len(proposals)} 个实际数字对应台账中的目标(对照 `{loaded.path.name}`)。")
                st.dataframe(table.drop(columns=[views.PROPOSAL_HEADINGS["write"]]), hide_index=True,
                             key="document-proposals")
            with st.expander("原文句子(标出每条建议对应的数字)", expanded=len(proposals) <= 5):
                for p in proposals:
                    with st.container(border=True):
                        st.caption(f"{views.PROPOSAL_HEADINGS['target']} {p.target} · {p.date} · {views.fmt(p.value, p.unit)}")
                        st.html(highlight.quote_html(p.quote, views.figure_in_quote(text, p), p.reason))
            if editor:
                # The same path as the 编辑 page: tracker's check, write, and change log.
                editing.show_result(form)
                st.button(f"写入所选 {len(chosen)} 条进展", disabled=not chosen, key="document-write", type="primary",
                          on_click=_write, args=(loaded, chosen, user.name, form, opened))
            else:
                st.caption("以“编辑”角色登录后可在这里勾选并写入台账;也可运行 `python -m tracker update 文件 --apply`。")
        else:
            st.caption("文中没有与台账目标对应的实际数字。")
        if unmatched:
            with st.expander(f"{len(unmatched)} 个实际数字没有对应的目标(可考虑开始跟踪)"):
                st.dataframe(views.unmatched_table(unmatched), hide_index=True, key="document-unmatched")

        st.subheader("建议的目标条目")
        proposal = data.proposed_yaml(figures, text, region=region or None, doc=name, date=doc_date or None)
        if proposal.count:
            st.caption(f"共 {proposal.count} 条;基期和责任部门须由工作人员补充。")
            st.download_button("下载目标条目(YAML)", proposal.text.encode("utf-8"), file_name="targets-proposed.yaml",
                               mime="text/yaml", key="document-yaml", on_click="ignore")
            with st.expander("查看条目"):
                st.code(proposal.text, language="yaml")
            st.caption("复制到 targets.yaml 后,运行 `python -m tracker check targets.yaml` 检查。")
        else:
            st.caption("文中没有可作为目标的数字。")
        if proposal.skipped:
            st.caption("未生成条目的数字:" + "；".join(proposal.skipped))
else:
    st.info("请上传文件或粘贴文字。")
