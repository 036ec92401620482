"""`tracker update`: a document's actual figures matched to the targets they report on.

Every expectation is worked by hand from the short text of its case (10000亿元 = 1万亿元;
2024年 -> 2024-12-31; 1—9月 -> 09-30), or read by hand from a stored real document.
"""
import datetime as dt
from pathlib import Path

import pytest

import tracker
from tracker.matching import context, indicator_key, place_of, propose

ROOT = Path(__file__).resolve().parent.parent
BULLETINS = ROOT / "docs" / "bulletins"

BOOK_TEXT = """\
targets:
  - id: ks-gdp
    region: 昆山市
    indicator: 地区生产总值
    unit: 亿元
    target: {value: 6000, due: 2026}
    source: {doc: 会议}
    progress:
      - {date: 2023, value: 5140.6}
  - id: ks-gdp-rate
    region: 昆山市
    indicator: 地区生产总值增速
    unit: '%'
    type: rate
    source: {doc: 会议}
  - id: ks-output
    region: 昆山市
    indicator: 规上工业总产值
    unit: 万亿元
    target: {value: 1.3, due: 2026}
    source: {doc: 会议}
  - id: ks-hightech
    region: 昆山
    indicator: 高新技术企业
    unit: 家
    target: {value: 4000, due: 2026}
    source: {doc: 会议}
    progress:
      - {date: 2024, value: 3300}
  - id: sz-gdp
    region: 苏州市
    indicator: GDP
    unit: 万亿元
    target: {value: 3, due: 2026}
    source: {doc: 会议}
  - id: sz-output
    region: 苏州市
    indicator: 规模以上工业总产值
    unit: 万亿元
    target: {value: 5, due: 2026}
    source: {doc: 会议}
    progress:
      - {date: 2023, value: 4.43439}
      - {date: 2024, value: 4.69}
  - id: xz-green
    region: 徐州市
    indicator: 绿色低碳能源产值增速
    unit: '%'
    type: rate
    source: {doc: 会议}
  - id: xz-ict
    region: 徐州市
    indicator: 集成电路与ICT产值增速
    unit: '%'
    type: rate
    source: {doc: 会议}
  - id: xz-invest
    region: 徐州市
    indicator: 智改数转项目投资
    unit: 亿元
    type: flow
    target: {value: 400, due: 2023}
    source: {doc: 会议}
"""
BOOK = tracker.load(BOOK_TEXT)


def found(text, date=None, book=BOOK):
    proposals, _ = propose(text, book, doc="t.txt", date=date)
    return {(p.target, p.date, p.value, p.action) for p in proposals}


# (id, document, its date, expected proposals: (target, date, value in the target's unit, action))
CASES = [
    ("bulletin: GDP, the three sectors, 规上工业总产值 and their growth rates",
     "2024年昆山市国民经济和社会发展统计公报\n全市全年完成地区生产总值5400.5亿元，比上年增长6.0%。其中，第一产业增加值30.1亿元，"
     "增长2.0%；第二产业增加值2800.2亿元，增长7.0%；第三产业增加值2570.2亿元，增长4.0%。全年规模以上工业总产值12000.3亿元，"
     "比上年增长5.5%。", None,
     {("ks-gdp", "2024-12-31", 5400.5, "add"), ("ks-gdp-rate", "2024-12-31", 6.0, "add"),
      ("ks-output", "2024-12-31", 1.20003, "add")}),
    ("city bulletin naming its counties: each place's figure to that place only",
     "2024年苏州市国民经济和社会发展统计公报\n全市实现地区生产总值26000.5亿元。昆山市实现地区生产总值5400.2亿元，"
     "吴江区实现地区生产总值2500.1亿元。", None,
     {("sz-gdp", "2024-12-31", 2.60005, "add"), ("ks-gdp", "2024-12-31", 5400.2, "add")}),
    ("places listed 'respectively' (常熟市和昆山市…分别为)",
     "2024年苏州市国民经济和社会发展统计公报\n常熟市和昆山市地区生产总值分别为2800.5亿元、5400.2亿元。", None,
     {("ks-gdp", "2024-12-31", 5400.2, "add")}),
    # a half-year total measured against a whole year's total would read as a fall: not proposed
    ("half-year report: a part-year total is no level of a year's total",
     "2024年上半年昆山经济运行情况\n上半年，全市完成规模以上工业总产值5530.8亿元，同比增长9.1%。", None, set()),
    ("half-year report: a count stands at 06-30",
     "2024年上半年昆山经济运行情况\n上半年末，全市高新技术企业达到2800家。", None,
     {("ks-hightech", "2024-06-30", 2800.0, "add")}),
    ("a figure's own period: 1至9月份 -> 09-30, a flow target of that year",
     "徐州智改数转推进情况\n2023年1至9月份，全市智改数转项目投资298.7亿元。", None,
     {("xz-invest", "2023-09-30", 298.7, "add")}),
    ("a flow target takes nothing from another year",
     "徐州智改数转推进情况\n2025年1至9月份，全市智改数转项目投资133.1亿元。", None, set()),
    ("traditional characters with pinyin readings, region from the title's chain 苏州市昆山市",
     "2024年蘇州市昆山市國民經(jīng)濟和社會發(fā)展統(tǒng)計公報\n全市全年完成地區(qū)生產(chǎn)總值5380.17億元,比上年增長6.1%。", None,
     {("ks-gdp", "2024-12-31", 5380.17, "add"), ("ks-gdp-rate", "2024-12-31", 6.1, "add")}),
    ("growth rates listed 'respectively', names sharing their head (产业产值)",
     "1—2月徐州经济运行情况\n全市绿色低碳能源、新材料产业产值同比分别增长27.7%和1.3%。",
     dt.date(2023, 3, 27), {("xz-green", "2023-02-28", 27.7, "add")}),
    ("a growth rate whose name leaves out the head of the one before it (集成电路与ICT = …产值)",
     "徐州“343”创新产业集群\n2023年1至9月份，绿色低碳能源产值同比增长11.5%，集成电路与ICT同比增长4.6%。", None,
     {("xz-green", "2023-09-30", 11.5, "add"), ("xz-ict", "2023-09-30", 4.6, "add")}),
    ("synonyms and abbreviations: GDP = 地区生产总值, 高企 = 高新技术企业, 规上 = 规模以上",
     "2025年苏州市国民经济和社会发展统计公报\n全市GDP达2.8万亿元。昆山市年末有效高企3600家，规上工业总产值1.25万亿元。", None,
     {("sz-gdp", "2025-12-31", 2.8, "add"), ("ks-hightech", "2025-12-31", 3600, "add"),
      ("ks-output", "2025-12-31", 1.25, "add")}),
    ("never a looser indicator: 第二产业增加值 is not GDP, 高新技术产业产值 is not 高新技术企业",
     "2024年昆山市国民经济和社会发展统计公报\n第二产业增加值2786.07亿元。全年高新技术产业产值5100.3亿元。", None, set()),
    ("a rate only to a rate target, a share to none of these",
     "2024年昆山市国民经济和社会发展统计公报\n第三产业增加值占地区生产总值比重为47.6%。", None, set()),
    ("no period and not a report of one: nothing is attached",
     "昆山工业经济“年中交卷”\n目前昆山拥有有效高新技术企业3072家。", None, set()),
    ("a month on its own is not the report's period",
     "1—4月徐州市经济运行情况\n4月份，全市绿色低碳能源产值同比增长23.1%。", dt.date(2023, 5, 30), set()),
    ("a period compared with is not the figure's (比前三季度…；全年)",
     "2023年苏州经济年报\n2023年全市实现地区生产总值24653.4亿元，比前三季度提高0.4个百分点；全年规模以上工业总产值达44343.9亿元。",
     None, {("sz-gdp", "2023-12-31", 2.46534, "add"), ("sz-output", "2023-12-31", 4.43439, "same")}),
    ("a document of another place matches nothing",
     "2024年南京市国民经济和社会发展统计公报\n全市实现地区生产总值18500.5亿元，规模以上工业总产值增长8.0%。", None, set()),
    ("a document whose figures match no target",
     "2024年昆山市国民经济和社会发展统计公报\n全年粮食总产量2.78万吨，新登记注册企业15573户。", None, set()),
    ("same: the book holds it, to the precision of the text",
     "2023年昆山市国民经济和社会发展统计公报\n全市实现地区生产总值5140.60亿元。", None,
     {("ks-gdp", "2023-12-31", 5140.6, "same")}),
    ("conflict: that date holds another value",
     "2023年昆山市国民经济和社会发展统计公报\n全市实现地区生产总值5150.0亿元。", None,
     {("ks-gdp", "2023-12-31", 5150.0, "conflict")}),
    ("implausible: ten times the latest value (a slip of unit)",
     "2024年昆山市国民经济和社会发展统计公报\n全市实现地区生产总值53801.7亿元。", None,
     {("ks-gdp", "2024-12-31", 53801.7, "implausible")}),
    ("a bound the book's value meets is the same; a bound it misses is a conflict",
     "2024年昆山市国民经济和社会发展统计公报\n年末高新技术企业突破3000家。", None,
     {("ks-hightech", "2024-12-31", 3000, "same")}),
    ("迈上 is a bound: 4.69 does not reach 迈上4.7万亿",
     "2024年苏州市国民经济和社会发展统计公报\n全市规模以上工业总产值迈上4.7万亿新台阶。", None,
     {("sz-output", "2024-12-31", 4.7, "conflict")}),
    ("a rounded figure and a precise one of the same date: the precise one is added",
     "2025年苏州市国民经济和社会发展统计公报\n全年规模以上工业总产值迈上4.9万亿元新台阶，达49123.4亿元。", None,
     {("sz-output", "2025-12-31", 4.91234, "add"), ("sz-output", "2025-12-31", 4.9, "same")}),
]


@pytest.mark.parametrize("text, date, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_matching(text, date, expected):
    assert found(text, date) == expected


def test_every_proposal_carries_the_sentence_and_the_figure_offsets():
    text = "2024年蘇州市昆山市國民經(jīng)濟和社會發(fā)展統(tǒng)計公報\n全市全年完成地區(qū)生產(chǎn)總值5380.17億元,比上年增長6.1%。"
    proposals, _ = propose(text, BOOK, doc="公报.txt")
    gdp = next(p for p in proposals if p.target == "ks-gdp")
    assert text[gdp.start:gdp.end] == "5380.17億元"
    assert gdp.quote == "全市全年完成地區(qū)生產(chǎn)總值5380.17億元,比上年增長6.1%" and gdp.quote in text
    assert gdp.period == "2024年" and gdp.doc == "公报.txt"
    assert gdp.reason.startswith("地区 昆山市") and "地区生产总值" in gdp.reason and "2024年" in gdp.reason
    assert list(gdp.record()) == ["target", "date", "value", "period", "quote", "doc", "start", "end", "action", "reason"]


def test_unmatched_figures_say_why():
    _, unmatched = propose("昆山工业经济“年中交卷”\n目前昆山拥有有效高新技术企业3072家，电子信息产业产值3304.4亿元。", BOOK, doc="t")
    why = {u.text: u.why for u in unmatched}
    assert "统计期" in why["3072家"]                       # the target exists, the date does not
    assert "台账中没有" in why["3304.4亿元"]                # no target for it


def test_a_conflict_that_rounds_alike_says_the_figure_as_written():
    """2.76951万亿 against a book's 2.77万亿: both print as 2.77万亿元, so the text's own figure is said."""
    book = tracker.load(BOOK_TEXT.replace("  - id: sz-gdp\n", "  - id: sz-gdp\n    progress:\n      - {date: 2025, value: 2.77}\n", 1))
    proposals, _ = propose("2025年苏州市国民经济和社会发展统计公报\n全市实现地区生产总值27695.1亿元。", book)
    conflict = next(p for p in proposals if p.target == "sz-gdp")
    assert conflict.action == "conflict" and conflict.reason.endswith("该日期已有 2.77万亿元，原文为 27695.1亿元")


def test_a_second_document_of_the_run_sees_the_first_ones_proposals():
    pending = {}
    first, _ = propose("2024年昆山市国民经济和社会发展统计公报\n全市实现地区生产总值5400.5亿元。", BOOK, pending=pending)
    again, _ = propose("2024年昆山市国民经济和社会发展统计公报\n全市实现地区生产总值5400.5亿元。", BOOK, pending=pending)
    other, _ = propose("2024年昆山市国民经济和社会发展统计公报\n全市实现地区生产总值5410.0亿元。", BOOK, pending=pending)
    assert [p.action for p in first + again + other] == ["add", "same", "conflict"]


def test_a_book_with_problems_still_matches_its_valid_targets():
    book = tracker.load(BOOK_TEXT + "  - id: broken\n    region: 昆山市\n    unit: 亿块钱\n")
    assert book.problems and "ks-gdp" in set(book.targets["id"])
    assert found("2024年昆山市国民经济和社会发展统计公报\n全市实现地区生产总值5400.5亿元。", book=book) == {
        ("ks-gdp", "2024-12-31", 5400.5, "add")}


# --- the pieces -------------------------------------------------------------------------

@pytest.mark.parametrize("name, key", [
    ("规上工业总产值", ("规模以上工业总产值", False)),
    ("规模以上工业企业总产值", ("规模以上工业总产值", False)),
    ("GDP", ("地区生产总值", False)),
    ("全市全年完成地区生产总值", ("地区生产总值", False)),
    ("地区生产总值增速", ("地区生产总值", True)),
    ("绿色低碳能源产业产值", ("绿色低碳能源产值", False)),
    ("有效高企", ("高新技术企业", False)),
    ("第二产业增加值", ("第二产业增加值", False)),
    ("高新技术产业产值", ("高新技术产值", False)),
    ("", ("", False)),
], ids=lambda v: v if isinstance(v, str) else None)
def test_indicator_key(name, key):
    assert indicator_key(name) == key


@pytest.mark.parametrize("written, place", [
    ("昆山", "昆山市"), ("昆山市", "昆山市"), ("吴江", "吴江区"), ("沛县", "沛县"), ("蘇州", "苏州市"),
    ("某区", None), ("", None),
])
def test_place_of(written, place):
    assert place_of(written) == place


@pytest.mark.parametrize("text, date, region, period", [
    ("2024年蘇州市昆山市國民經濟和社會發展統計公報\n正文", None, "昆山市", (dt.date(2024, 12, 31), "2024年")),
    ("1—2月徐州经济运行呈现企稳回升态势\n2023-03-27 09:56:00", None, "徐州市", (dt.date(2023, 2, 28), "2023年1—2月")),
    ("2024年上半年昆山经济运行\n正文", None, "昆山市", (dt.date(2024, 6, 30), "2024年1—6月")),
    ("苏州市，别称“姑苏”、“平江”，江苏省辖地级市\n正文", None, "苏州市", None),
    ("webwxgetmsgimg_副本.jpg\n徐州“343”创新产业集群培育取得阶段性成效\n正文", None, "徐州市", None),
    ("前三季度经济运行情况\n全市实现", None, None, None),             # a period with no year known
    ("前三季度经济运行情况\n全市实现", dt.date(2023, 10, 20), None, (dt.date(2023, 9, 30), "2023年1—9月")),
], ids=["bulletin-chain", "months-report", "half-year", "first-place", "file-name-line", "no-year", "year-from-date"])
def test_document_context(text, date, region, period):
    ctx = context(text, "d", date=date)
    assert (ctx.region, ctx.period) == (region, period)


# --- real documents, read by hand -------------------------------------------------------------

needs_bulletins = pytest.mark.skipif(not BULLETINS.is_dir(), reason="docs/bulletins is not in this checkout")


@needs_bulletins
@pytest.mark.parametrize("doc, date, expected", [
    ("ks-2024-bulletin.txt", None, {("ks-gdp", "2024-12-31", 5380.17), ("ks-gdp-rate", "2024-12-31", 6.1)}),
    ("xz-2023-01-02-economy.txt", None, {("xz-green", "2023-02-28", 27.7), ("xz-ict", "2023-02-28", 18.7)}),
    ("xz-2023-01-04-economy.txt", dt.date(2023, 5, 30), {("xz-green", "2023-04-30", 30.4), ("xz-ict", "2023-04-30", 20.4)}),
    ("sz-2024-overview.txt", None, {("sz-gdp", "2024-12-31", 2.6727), ("sz-output", "2024-12-31", 4.7),
                                    ("ks-gdp", "2023-12-31", 5140.6)}),
    ("sz-2023-annual-report.txt", None, {("sz-gdp", "2023-12-31", 2.46534), ("sz-output", "2023-12-31", 4.4),
                                         ("sz-output", "2023-12-31", 4.43439)}),
    ("ks-half-year-undated.txt", None, set()),
], ids=lambda v: v if isinstance(v, str) else None)
def test_stored_real_documents(doc, date, expected):
    text = (BULLETINS / doc).read_text(encoding="utf-8")
    proposals, _ = propose(text, BOOK, doc=doc, date=date)
    assert {(p.target, p.date, p.value) for p in proposals} == expected
    assert all(text[p.start:p.end] and p.quote in text for p in proposals)


# --- the bundled book: what update wrote is in the documents it names -------------------------

def _written_by_update():
    import re

    import yaml

    entries = yaml.safe_load((ROOT / "targets.yaml").read_text(encoding="utf-8"))["targets"]
    for entry in entries:
        for point in entry.get("progress") or []:
            if "quote" in point:
                match = re.search(r"（([^（）]+\.txt)）$", str(point.get("source", "")))
                yield entry["id"], point, match.group(1) if match else None


@needs_bulletins
@pytest.mark.parametrize("target_id, point, doc", list(_written_by_update()),
                         ids=[f"{t}-{p['date']}" for t, p, _ in _written_by_update()])
def test_each_quoted_observation_is_in_its_stored_document(target_id, point, doc):
    from tracker.units import format_number

    corpus = ROOT.parent / "shared" / "corpus"
    folder = BULLETINS if (BULLETINS / str(doc)).is_file() else corpus
    text = (folder / str(doc)).read_text(encoding="utf-8")
    assert point["quote"] in text
    assert format_number(point["value"]) in point["quote"]


# What writing a proposal adds to targets.yaml, worked out by hand from the proposal's fields:
# a full year is written as the year, a month end as YYYY-MM with its period, another day as the day;
# the source names the title and the file (the file alone when they are the same).
def _proposal(**kw):
    from tracker.matching import Proposal
    fields = dict(target="ks-gdp", date="2024-12-31", value=5600.0, period="2024年", quote="全年地区生产总值5600亿元",
                  doc="公报.txt", start=3, end=10, action="add", reason="")
    return Proposal(**{**fields, **kw})


OBSERVATIONS = [
    ("full year", dict(), {"date": 2024, "value": 5600.0, "source": "公报.txt", "quote": "全年地区生产总值5600亿元"}),
    ("month end of a period", dict(date="2023-09-30", period="2023年1—9月"),
     {"date": "2023-09", "value": 5600.0, "period": "2023年1—9月", "source": "公报.txt",
      "quote": "全年地区生产总值5600亿元"}),
    ("a day inside a month", dict(date="2023-09-15", period="2023年9月15日"),
     {"date": dt.date(2023, 9, 15), "value": 5600.0, "period": "2023年9月15日", "source": "公报.txt",
      "quote": "全年地区生产总值5600亿元"}),
    ("the day before a month's last", dict(date="2023-09-29", period="2023年9月29日"),
     {"date": dt.date(2023, 9, 29), "value": 5600.0, "period": "2023年9月29日", "source": "公报.txt",
      "quote": "全年地区生产总值5600亿元"}),
    ("December's end of a period that is no full year", dict(date="2024-12-31", period="2024年7—12月"),
     {"date": "2024-12", "value": 5600.0, "period": "2024年7—12月", "source": "公报.txt",
      "quote": "全年地区生产总值5600亿元"}),
    ("title, url and note", dict(title="2024年昆山市统计公报", url="https://example.org/a", note="预计数"),
     {"date": 2024, "value": 5600.0, "source": "2024年昆山市统计公报（公报.txt）", "url": "https://example.org/a",
      "quote": "全年地区生产总值5600亿元", "note": "预计数"}),
    ("a title equal to the file name", dict(title="公报.txt"),
     {"date": 2024, "value": 5600.0, "source": "公报.txt", "quote": "全年地区生产总值5600亿元"}),
]


@pytest.mark.parametrize("fields, expected", [c[1:] for c in OBSERVATIONS], ids=[c[0] for c in OBSERVATIONS])
def test_the_observation_a_proposal_writes(fields, expected):
    obs = _proposal(**fields).observation()
    assert obs == expected and list(obs) == list(expected)      # the order staff read in the file
