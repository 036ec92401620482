"""The 文档提取 page's progress proposals: the plain functions, and the page run by AppTest."""
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import tracker
from dashboard import data, highlight, views
from tracker.matching import Proposal, propose

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard" / "app.py"

BOOK = """\
targets:
  - id: ks-gdp
    region: 昆山市
    indicator: 地区生产总值
    unit: 亿元
    target: {value: 6000, due: 2026}
    source: {doc: 会议}
    progress:
      - {date: 2023, value: 5140.6}
"""
TEXT = ("2024年昆山市国民经济和社会发展统计公报\n全市全年完成地区生产总值5400.5亿元，比上年增长6.0%。"
        "2023年全市地区生产总值5150.0亿元。\n")


def proposals():
    return propose(TEXT, tracker.load(BOOK), doc="公报.txt")


def test_the_table_ticks_the_additions_only():
    found, _ = proposals()
    table = views.proposal_table(found, tracker.load(BOOK).targets)
    assert list(table.columns) == list(views.PROPOSAL_HEADINGS.values())
    assert list(zip(table["动作"], table["写入"], table["数值"])) == [("新增", True, "5400.5亿元"), ("冲突", False, "5150亿元")]
    assert set(table["指标"]) == {"地区生产总值"}


@pytest.mark.parametrize("ticks, chosen", [
    ([True, False], ["add"]),
    ([False, False], []),
    ([True, True], ["add"]),              # a conflict is never written, even ticked
], ids=["as-proposed", "none-ticked", "conflict-ticked"])
def test_chosen_proposals(ticks, chosen):
    found, _ = proposals()
    table = pd.DataFrame({views.PROPOSAL_HEADINGS["write"]: ticks})
    assert [p.action for p in views.chosen_proposals(found, table)] == chosen


def test_the_figure_is_marked_in_its_sentence_and_the_text_escaped():
    found, _ = proposals()
    add = found[0]
    span = views.figure_in_quote(TEXT, add)
    assert add.quote[span[0]:span[1]] == "5400.5亿元"
    page = highlight.quote_html(add.quote, span, add.reason)
    assert '<mark class="fig-actual fig-focus"' in page and ">5400.5亿元</mark>" in page
    evil = Proposal("t", "2024-12-31", 1, "", "<b>1个</b>", "d", 3, 5, "add", "")
    assert "<b>" not in highlight.quote_html(evil.quote, None) and "&lt;b&gt;" in highlight.quote_html(evil.quote, None)


def test_a_quote_not_found_around_the_figure_is_shown_unmarked():
    found, _ = proposals()
    moved = Proposal(**{**found[0].__dict__, "start": 0, "end": 3})
    assert views.figure_in_quote(TEXT, moved) is None


def test_unmatched_table():
    _, unmatched = proposals()
    table = views.unmatched_table(unmatched)
    assert list(table.columns) == ["原文", "地区", "指标", "统计期", "原因"]
    assert table["原文"].tolist() == ["6.0%"]


def test_write_proposals_goes_through_the_safe_write_path(tmp_path):
    path = tmp_path / "targets.yaml"
    path.write_text(BOOK, encoding="utf-8")
    loaded = data.load(path)
    found, _ = data.document_proposals(loaded, TEXT, doc="公报.txt")
    result = data.write_proposals(loaded, views.chosen_proposals(found, views.proposal_table(found, loaded.book.targets)),
                                  user="张三", opened=BOOK.encode("utf-8"))
    assert result.ok and "已写入" in result.message and (tmp_path / "targets.yaml.bak").exists()
    assert sorted(tracker.load(path).observations["value"]) == [5140.6, 5400.5]


def test_the_page_shows_proposals_with_tick_boxes_and_marked_sentences(monkeypatch, tmp_path):
    path = tmp_path / "targets.yaml"
    path.write_text(BOOK, encoding="utf-8")
    monkeypatch.setenv(data.ENV_VAR, str(path))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.switch_page("screens/document.py").run()
    at.text_area(key="document-text").input(TEXT).run()
    assert not at.exception, [e.value for e in at.exception]
    assert "台账进展建议" in [s.value for s in at.subheader]
    assert not [b for b in at.button if b.key == "document-write"]    # a visitor reads, an editor writes
    [shown] = [d.value for d in at.dataframe if "目标编号" in d.value.columns]
    assert views.PROPOSAL_HEADINGS["write"] not in shown.columns and len(shown) == 2
    marked = [h for h in at.get("html") if 'class="fig-actual fig-focus"' in h.proto.body]
    assert len(marked) == 2                                   # one sentence a proposal, its figure marked
    assert path.read_text(encoding="utf-8") == BOOK          # showing never writes
