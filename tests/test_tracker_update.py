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
    # places the tables do not know: a group named after a city, a full name, and 全市 after one
    ("a group of places named after the city is not the city",
     "2024年昆山市国民经济和社会发展统计公报\n昆山都市圈地区生产总值增长5.8%。", None, set()),
    ("a full name of a city the tables do not know",
     "2024年昆山市国民经济和社会发展统计公报\n全市地区生产总值增长5.5%。德阳市地区生产总值增长6.1%。", None,
     {("ks-gdp-rate", "2024-12-31", 5.5, "add")}),
    ("全市 after another place named in its sentence is that place",
     "2024年昆山市国民经济和社会发展统计公报\n德阳市固定资产投资增长10.8%，全市地区生产总值增长6.2%。", None, set()),
    ("全市 after the document's own place is its own",
     "2024年昆山市国民经济和社会发展统计公报\n昆山市工业投资增长8%，全市地区生产总值增长6.2%。", None,
     {("ks-gdp-rate", "2024-12-31", 6.2, "add")}),
    ("words that end in 市 but name no place",
     "2024年昆山市国民经济和社会发展统计公报\n1—12月，城市居民收入增长5%，全市地区生产总值增长5.5%。", None,
     {("ks-gdp-rate", "2024-12-31", 5.5, "add")}),
    ("a sentence opening with 其中 is of the period of the sentence before",
     "苏州经济观察\n2024年，苏州全市实现地区生产总值26000.5亿元。其中，昆山市实现地区生产总值5400.2亿元。", None,
     {("sz-gdp", "2024-12-31", 2.60005, "add"), ("ks-gdp", "2024-12-31", 5400.2, "add")}),
    ("without 其中 a sentence with no period of its own has none",
     "苏州经济观察\n2024年，苏州全市实现地区生产总值26000.5亿元。昆山市实现地区生产总值5400.2亿元。", None,
     {("sz-gdp", "2024-12-31", 2.60005, "add")}),
    ("a title's half-year without a year takes the year its opening names for it",
     "徐州上半年“成绩单”出炉\n7月27日，2021年上半年全市经济运行情况新闻发布会召开。\n"
     "集成电路与ICT产值增长61.9%。", None, {("xz-ict", "2021-06-30", 61.9, "add")}),
    ("years listed after 分别于 pair with the figures in order",
     "昆山经济观察\n数据显示，昆山地区生产总值分别于2014年、2019年跨越3000亿元、4000亿元台阶。", None,
     {("ks-gdp", "2014-12-31", 3000.0, "add"), ("ks-gdp", "2019-12-31", 4000.0, "add")}),
    ("far off a value the book holds for that date: implausible, even within a bound",
     "2023年昆山市国民经济和社会发展统计公报\n全市地区生产总值合计近60000亿元。", None,
     {("ks-gdp", "2023-12-31", 60000.0, "implausible")}),
    ("far off the held value the other way: implausible, not a conflict",
     "2023年昆山市国民经济和社会发展统计公报\n全市实现地区生产总值514.06亿元。", None,
     {("ks-gdp", "2023-12-31", 514.06, "implausible")}),
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


YEARLY_RATES = """\
targets:
  - id: hf-gdp-growth-2023
    region: 合肥市
    indicator: 地区生产总值增速
    unit: '%'
    type: rate
    target: {value: 6.5, due: 2023}
    source: {doc: 2023年政府工作报告}
  - id: hf-gdp-growth-2024
    region: 合肥市
    indicator: 地区生产总值增速
    unit: '%'
    type: rate
    target: {value: 6, due: 2024}
    source: {doc: 2024年政府工作报告}
  - id: hf-gdp-2025
    region: 合肥市
    indicator: 地区生产总值增速
    unit: '%'
    type: rate
    target: {value: 7, due: 2025}
    source: {doc: 十四五规划}
"""


def test_rate_targets_set_year_by_year_take_their_own_years_figures():
    """增长6.5% set for 2023 and 6% for 2024: the 2023 first-quarter rate is progress toward the
    2023 target only (one rate target alone, 年均增长 to 2025, takes every year's)."""
    book = tracker.load(YEARLY_RATES)
    proposals, _ = propose("2023年一季度合肥经济运行情况\n一季度，合肥全市地区生产总值增长4.8%。", book, doc="合肥.txt")
    assert {(p.target, p.date, p.value) for p in proposals} == {("hf-gdp-growth-2023", "2023-03-31", 4.8)}
    alone = tracker.load(YEARLY_RATES.split("  - id: hf-gdp-growth-2024")[0].replace("due: 2023", "due: 2025"))
    proposals, _ = propose("2023年一季度合肥经济运行情况\n一季度，合肥全市地区生产总值增长4.8%。", alone, doc="合肥.txt")
    assert {(p.target, p.date, p.value) for p in proposals} == {("hf-gdp-growth-2023", "2023-03-31", 4.8)}


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


# --- rules pinned down by make mutate ------------------------------------------------------------
# tests/mutation/mutate.py changes tracker/matching.py one small edit at a time; each case below
# makes one of its rules observable. Every expectation is worked by hand from the case's text and book
# (the book's held values, the text's last digit: 5141亿元 states 5140.5 to 5141.5).

MORE_TEXT = BOOK_TEXT + """\
  - id: ks-listed
    region: 昆山市
    indicator: 上市公司
    unit: 家
    target: {value: 60, due: 2026}
    source: {doc: 会议}
    progress:
      - {date: 2023, value: 10}
  - id: ks-unicorn
    region: 昆山市
    indicator: 独角兽企业
    unit: 家
    target: {value: 5, due: 2026}
    source: {doc: 会议}
    progress:
      - {date: 2023, value: 0}
  - id: ks-grain
    region: 昆山市
    indicator: 粮食总产量
    unit: 万吨
    target: {value: 3, due: 2026}
    source: {doc: 会议}
    progress:
      - {date: 2024, value: 2.7}
  - id: ks-pop
    region: 昆山市
    indicator: 常住人口
    unit: 万人
    target: {value: 220, due: 2026}
    source: {doc: 会议}
    progress:
      - {date: 2024, value: 211.0}
  - id: ks-fdi
    region: 昆山市
    indicator: 实际使用外资
    unit: 亿元
    target: {value: 100, due: 2026}
    source: {doc: 会议}
  - id: ks-rd
    region: 昆山市
    indicator: 研发经费投入占地区生产总值比重
    unit: '%'
    type: share
    target: {value: 4, due: 2026}
    source: {doc: 会议}
  - id: ks-retail-rate
    region: 昆山市
    indicator: 社会消费品零售总额
    unit: '%'
    type: rate
    source: {doc: 会议}
  - id: ks-gdp-growth-goal
    region: 昆山市
    indicator: 地区生产总值增速
    unit: '%'
    target: {value: 6, due: 2026}
    source: {doc: 会议}
  - id: ks-trade
    region: 昆山市
    indicator: 进出口总额
    unit: 亿元
    baseline: {value: 2500, date: 2023}
    target: {value: 3000, due: 2026}
    source: {doc: 会议}
  - id: ks-invest
    region: 昆山市
    indicator: 工业投资
    unit: 亿元
    type: increment
    baseline: {value: 500, date: 2023}
    target: {value: 300, due: 2026}
    source: {doc: 会议}
  - id: ks-jobs
    region: 昆山市
    indicator: 城镇新增就业
    unit: 万人
    type: flow
    target: {value: 2}
    source: {doc: 会议}
  - id: ks-retail
    region: 昆山市
    indicator: 社会消费品零售总额
    unit: 亿元
    target: {value: 2500, due: 2026}
    source: {doc: 会议}
    progress:
      - {date: 2024-06, value: 1000}
  - id: ks-urban
    region: 昆山市
    indicator: 城镇化率
    unit: 个百分点
    type: rate
    source: {doc: 会议}
  - id: ks-forest
    region: 昆山市
    indicator: 森林覆盖率
    unit: 个百分点
    type: rate
    source: {doc: 会议}
  - id: ks-output-2024
    region: 昆山市
    indicator: 规上工业总产值
    unit: 亿元
    type: flow
    target: {value: 12000, due: 2024}
    source: {doc: 会议}
  - id: ks-srdi
    region: 昆山市
    indicator: 省级及以上专精特新企业
    unit: 家
    target: {value: 500, due: 2026}
    source: {doc: 会议}
  - id: ks-deposit
    region: 昆山市
    indicator: 存款余额
    unit: 亿元
    target: {value: 9000, due: 2026}
    source: {doc: 会议}
  - id: xz-invest-2025
    region: 徐州市
    indicator: 智改数转项目投资
    unit: 亿元
    type: flow
    target: {value: 400, due: 2025}
    source: {doc: 会议}
  - id: gx-gdp
    region: 广西壮族自治区
    indicator: 地区生产总值
    unit: 亿元
    target: {value: 30000, due: 2026}
    source: {doc: 会议}
"""
MORE = tracker.load(MORE_TEXT)

KS = "2024年昆山市国民经济和社会发展统计公报\n"
KS23 = "2023年昆山市国民经济和社会发展统计公报\n"
KS25 = "2025年昆山市国民经济和社会发展统计公报\n"
KS_HALF = "2024年上半年昆山经济运行情况\n"
KS_Q3 = "2024年前三季度昆山经济运行情况\n"
SZ = "2024年苏州市国民经济和社会发展统计公报\n"
SZ25 = "2025年苏州市国民经济和社会发展统计公报\n"
XZ = "徐州“343”创新产业集群\n2023年1至9月份，"


def run(texts, date=None, book=MORE):
    """(target, date, value, action) of each proposal of the documents, read in turn in one run."""
    pending, out = {}, []
    for text in texts:
        proposals, _ = propose(text, book, doc="t.txt", date=date, pending=pending)
        out += [(p.target, p.date, p.value, p.action) for p in proposals]
    return sorted(out)


# (id, documents read in turn, their date, the proposals)
RULES = [
    # the precision of a figure: half its last digit either side (ks-gdp holds 5140.6 for 2023)
    ("half a unit either side is the same", [KS23 + "全市实现地区生产总值5141亿元。"], None,
     [("ks-gdp", "2023-12-31", 5141.0, "same")]),
    ("more than half a unit away is another value", [KS23 + "全市实现地区生产总值5142亿元。"], None,
     [("ks-gdp", "2023-12-31", 5142.0, "conflict")]),
    ("a thousands separator is no decimal point", [KS23 + "全市实现地区生产总值5,150亿元。"], None,
     [("ks-gdp", "2023-12-31", 5150.0, "conflict")]),
    ("a full-width decimal point", [KS + "全市实现地区生产总值5400．5亿元。"], None,
     [("ks-gdp", "2024-12-31", 5400.5, "add")]),
    ("a count in Chinese numerals states every digit", [KS + "年末有效高新技术企业三千三百零一家。"], None,
     [("ks-hightech", "2024-12-31", 3301.0, "conflict")]),
    ("exactly half a unit from another document's proposal",
     [KS + "全市实现地区生产总值5140.5亿元。", KS + "全市实现地区生产总值5141亿元。"], None,
     [("ks-gdp", "2024-12-31", 5140.5, "add"), ("ks-gdp", "2024-12-31", 5141.0, "same")]),
    ("a finer value that the text rounds to its tenth",
     [KS + "全市实现地区生产总值5140.648亿元。", KS + "全市实现地区生产总值5140.6亿元。"], None,
     [("ks-gdp", "2024-12-31", 5140.6, "same"), ("ks-gdp", "2024-12-31", 5140.648, "add")]),
    ("0.4 away from a tenth is another value",
     [KS + "全市实现地区生产总值5400.5亿元。", KS + "全市实现地区生产总值5400.9亿元。"], None,
     [("ks-gdp", "2024-12-31", 5400.5, "add"), ("ks-gdp", "2024-12-31", 5400.9, "conflict")]),
    ("a growth rate of 1% states 0.5 to 1.5",
     [KS + "地区生产总值增长1.2%。", KS + "地区生产总值增长1%。"], None,
     [("ks-gdp-rate", "2024-12-31", 1.0, "same"), ("ks-gdp-rate", "2024-12-31", 1.2, "add")]),
    ("each figure of a document compared with another document's proposal",
     [SZ25 + "全年规模以上工业总产值达49123.4亿元。", SZ25 + "全年规模以上工业总产值迈上4.9万亿元新台阶，达49123.4亿元。"], None,
     [("sz-output", "2025-12-31", 4.9, "same"), ("sz-output", "2025-12-31", 4.91234, "add"),
      ("sz-output", "2025-12-31", 4.91234, "same")]),
    # bounds against the book's value (5140.6 for 2023)
    ("不超过 above the book's value", [KS23 + "全市实现地区生产总值不超过5200亿元。"], None,
     [("ks-gdp", "2023-12-31", 5200.0, "same")]),
    ("不超过 the book's value itself", [KS23 + "全市实现地区生产总值不超过5140.6亿元。"], None,
     [("ks-gdp", "2023-12-31", 5140.6, "same")]),
    ("低于 above the book's value", [KS23 + "全市实现地区生产总值低于5200亿元。"], None,
     [("ks-gdp", "2023-12-31", 5200.0, "same")]),
    ("超 below the book's value", [KS23 + "全市实现地区生产总值超5000亿元。"], None,
     [("ks-gdp", "2023-12-31", 5000.0, "same")]),
    ("突破 the book's value itself", [KS23 + "全市实现地区生产总值突破5140.6亿元。"], None,
     [("ks-gdp", "2023-12-31", 5140.6, "same")]),
    ("以上 after the figure (the book holds 3300家)", [KS + "年末高新技术企业3000家以上。"], None,
     [("ks-hightech", "2024-12-31", 3000.0, "same")]),
    # bounds against a rounded figure of the same document: within its half unit
    ("突破 within the rounding of the figure before", [KS + "全市实现地区生产总值5400亿元，突破5400.3亿元。"], None,
     [("ks-gdp", "2024-12-31", 5400.0, "add"), ("ks-gdp", "2024-12-31", 5400.3, "same")]),
    ("不超过 within the rounding of the figure before",
     [KS + "全市实现地区生产总值5400亿元，地区生产总值不超过5399.8亿元。"], None,
     [("ks-gdp", "2024-12-31", 5399.8, "same"), ("ks-gdp", "2024-12-31", 5400.0, "add")]),
    ("a stated figure is chosen before a finer bound", [SZ25 + "全年规模以上工业总产值4.9万亿元，突破49123.4亿元。"], None,
     [("sz-output", "2025-12-31", 4.9, "add"), ("sz-output", "2025-12-31", 4.91234, "same")]),
    ("an approximate figure is chosen before a finer bound",
     [SZ25 + "全年规模以上工业总产值约4.9万亿元，突破49123.4亿元。"], None,
     [("sz-output", "2025-12-31", 4.9, "add"), ("sz-output", "2025-12-31", 4.91234, "same")]),
    # a unit slip: more than five times away from the latest value (or the baseline)
    ("an implausible figure, then a coarser one is added", [KS + "全市实现地区生产总值53801.7亿元，约5400亿元。"], None,
     [("ks-gdp", "2024-12-31", 5400.0, "add"), ("ks-gdp", "2024-12-31", 53801.7, "implausible")]),
    ("a tenth of the latest count", [KS + "年末上市公司1家。"], None, [("ks-listed", "2024-12-31", 1.0, "implausible")]),
    ("five times the latest count", [KS + "年末上市公司50家。"], None, [("ks-listed", "2024-12-31", 50.0, "add")]),
    ("a fifth of the latest count", [KS + "年末上市公司2家。"], None, [("ks-listed", "2024-12-31", 2.0, "add")]),
    ("a latest count of 0 measures nothing", [KS + "年末独角兽企业3家。"], None, [("ks-unicorn", "2024-12-31", 3.0, "add")]),
    ("ten times the latest tonnage", [KS25 + "全年粮食总产量27.8万吨。"], None,
     [("ks-grain", "2025-12-31", 27.8, "implausible")]),
    ("ten times the baseline", [KS + "进出口总额25000亿元。"], None, [("ks-trade", "2024-12-31", 25000.0, "implausible")]),
    # units
    ("万人 in the target's unit, to its last digit", [KS + "年末常住人口211.2万人。"], None,
     [("ks-pop", "2024-12-31", 211.2, "conflict")]),
    ("万吨 in the target's unit, to its last digit", [KS + "全年粮食总产量2.78万吨。"], None,
     [("ks-grain", "2024-12-31", 2.78, "conflict")]),
    ("美元 is not 元", [KS + "实际使用外资8.5亿美元。"], None, []),
    ("户 is not 家", [KS + "年末有效高新技术企业3600户。"], None, []),
    ("斤 is not 吨", [KS + "全年粮食总产量5.5亿斤。"], None, []),
    ("a share to a share target", [KS + "研发经费投入占地区生产总值比重达3.8%。"], None, [("ks-rd", "2024-12-31", 3.8, "add")]),
    ("a growth rate to a rate target named without 增速, never to a target of another type",
     [KS + "社会消费品零售总额增长5.5%。地区生产总值增长6.0%。"], None,
     [("ks-gdp-rate", "2024-12-31", 6.0, "add"), ("ks-retail-rate", "2024-12-31", 5.5, "add")]),
    ("a percentage of last year's total is neither the total nor its growth", [KS + "全市地区生产总值为上年的106.0%。"], None, []),
    ("a rise in percentage points to a rate target in 个百分点", [KS + "城镇化率提高1.5个百分点。"], None,
     [("ks-urban", "2024-12-31", 1.5, "add")]),
    # part-year totals
    ("an increment target is of whole years too", [KS_HALF + "上半年，全市工业投资260亿元。"], None, []),
    ("a quantity summed over the year", [KS_HALF + "上半年，全市粮食总产量1.2万吨。"], None, []),
    ("a target whose progress has a half year takes one", ["2025年上半年昆山经济运行情况\n上半年，全市社会消费品零售总额1100亿元。"],
     None, [("ks-retail", "2025-06-30", 1100.0, "add")]),
    ("a target whose progress is whole years", ["2024年上半年苏州经济运行情况\n上半年，全市规模以上工业总产值2.3万亿元。"], None, []),
    ("the flow target of that year takes what its level target cannot",
     [KS_HALF + "上半年，全市完成规模以上工业总产值5530.8亿元。"], None, [("ks-output-2024", "2024-06-30", 5530.8, "add")]),
    ("the flow target of that year, after one of another year",
     ["徐州智改数转推进情况\n2025年1至9月份，全市智改数转项目投资133.1亿元。"], None,
     [("xz-invest-2025", "2025-09-30", 133.1, "add")]),
    ("a flow target without a due year takes any year", [KS25 + "全年城镇新增就业2.1万人。"], None,
     [("ks-jobs", "2025-12-31", 2.1, "add")]),
    # periods of figures
    ("a figure's own months in a report of more months", ["前三季度昆山经济运行情况\n1—6月，全市高新技术企业达到2800家。"],
     dt.date(2024, 10, 20), [("ks-hightech", "2024-06-30", 2800.0, "add")]),
    # (a report of 1—9月 dated 2024-10-20: a period compared with, masked, leaves the report's own)
    ("a half year compared with is not the figure's (较去年上半年)", [KS_Q3 + "较去年上半年，全市高新技术企业达到2800家。"],
     dt.date(2024, 10, 20), [("ks-hightech", "2024-09-30", 2800.0, "add")]),
    ("nor last year's half after 高于", [KS_Q3 + "增速高于去年上半年，全市高新技术企业达到2800家。"], dt.date(2024, 10, 20),
     [("ks-hightech", "2024-09-30", 2800.0, "add")]),
    ("nor after 高于 and a space", [KS_Q3 + "高于 去年上半年，全市高新技术企业达到2800家。"], dt.date(2024, 10, 20),
     [("ks-hightech", "2024-09-30", 2800.0, "add")]),
    ("nor months after a year compared with", [KS_Q3 + "较2023年1—6月，全市高新技术企业达到2800家。"], dt.date(2024, 10, 20),
     [("ks-hightech", "2024-09-30", 2800.0, "add")]),
    ("nor after a year written with spaces", [KS_Q3 + "较 2023 年1—6月，全市高新技术企业达到2800家。"], dt.date(2024, 10, 20),
     [("ks-hightech", "2024-09-30", 2800.0, "add")]),
    ("a year ahead in a plan is a target: the document's date says so",
     ["昆山市重点产业规划\n到2027年规上工业总产值达到3万亿元，2025年为2.5万亿元。"], dt.date(2024, 3, 1), []),
    # growth words between a name and its rate
    ("spaces before the rate", [KS + "地区生产总值同比增长 6.0%。"], None, [("ks-gdp-rate", "2024-12-31", 6.0, "add")]),
    ("超过 before the rate", [KS + "地区生产总值同比增长超过6.0%。"], None, [("ks-gdp-rate", "2024-12-31", 6.0, "add")]),
    ("达到约 before the rate", [KS + "地区生产总值同比增长达到约6.0%。"], None, [("ks-gdp-rate", "2024-12-31", 6.0, "add")]),
    # places
    ("广西全区 after another place of the sentence", [KS + "苏州市统计局消息，2024年广西全区地区生产总值5600亿元。"], None,
     [("gx-gdp", "2024-12-31", 5600.0, "add")]),
    # lists read "respectively"
    ("the second growth rate of a list shares its change", [XZ + "全市绿色低碳能源、集成电路与ICT产值同比分别增长27.7%和18.7%。"],
     None, [("xz-green", "2023-09-30", 27.7, "add"), ("xz-ict", "2023-09-30", 18.7, "add")]),
    ("three names share the head of the last", [XZ + "全市绿色低碳能源、新材料和集成电路与ICT产值同比分别增长27.7%、1.3%和18.7%。"],
     None, [("xz-green", "2023-09-30", 27.7, "add"), ("xz-ict", "2023-09-30", 18.7, "add")]),
    ("rises in percentage points listed", [KS + "城镇化率、森林覆盖率分别提高1.5个和0.5个百分点。"], None,
     [("ks-forest", "2024-12-31", 0.5, "add"), ("ks-urban", "2024-12-31", 1.5, "add")]),
    ("growth rates named in the list", [KS + "地区生产总值增速、社会消费品零售总额增速分别为6.0%和5.5%。"], None,
     [("ks-gdp-rate", "2024-12-31", 6.0, "add"), ("ks-retail-rate", "2024-12-31", 5.5, "add")]),
    ("a growth rate named only in the list (extract reads neither figure as one)",
     [KS + "地区生产总值增长率、社会消费品零售总额分别为6.0%、5.5%。"], None, [("ks-gdp-rate", "2024-12-31", 6.0, "add")]),
    ("a growth rate named in a list of a rate and an amount", [KS + "地区生产总值增速和社会消费品零售总额分别为6.0%和1500亿元。"],
     None, [("ks-gdp-rate", "2024-12-31", 6.0, "add"), ("ks-retail", "2024-12-31", 1500.0, "add")]),
    ("places joined by 及, a name with 及 in it", [SZ + "昆山市及吴江区省级及以上专精特新企业分别达到320家、280家。"], None,
     [("ks-srdi", "2024-12-31", 320.0, "add")]),
    ("the first place of a list", [SZ + "昆山市和常熟市地区生产总值分别为5400.2亿元、2800.5亿元。"], None,
     [("ks-gdp", "2024-12-31", 5400.2, "add")]),
    ("a colon after 分别为", [SZ + "常熟市和昆山市地区生产总值分别为：2800.5亿元、5400.2亿元。"], None,
     [("ks-gdp", "2024-12-31", 5400.2, "add")]),
    ("three places", [SZ + "昆山市、常熟市和吴江区地区生产总值分别为5400.2亿元、2800.5亿元和2500.1亿元。"], None,
     [("ks-gdp", "2024-12-31", 5400.2, "add")]),
    ("each place with its own measure", [SZ + "昆山市进出口总额和常熟市地区生产总值分别为2800.5亿元、5400.2亿元。"], None,
     [("ks-trade", "2024-12-31", 2800.5, "add")]),
    ("a middle place with its own measure: the last one's is not shared",
     [SZ + "昆山市、常熟市进出口总额和吴江区地区生产总值分别为5400.2亿元、2800.5亿元和2500.1亿元。"], None, []),
    ("a place, then the whole city: the measure is shared", [SZ + "昆山市和全市地区生产总值分别为5400.2亿元、26000.5亿元。"], None,
     [("ks-gdp", "2024-12-31", 5400.2, "add"), ("sz-gdp", "2024-12-31", 2.60005, "add")]),
    ("three places for two values: which is whose is not known",
     [SZ + "昆山市、常熟市、吴江区地区生产总值分别为5400.2亿元、2800.5亿元。"], None, []),
    ("a list on a line that starts with a comma",
     [SZ + "全市实现地区生产总值26000.5亿元\n，昆山市和常熟市地区生产总值分别为5400.2亿元、2800.5亿元。"], None,
     [("ks-gdp", "2024-12-31", 5400.2, "add"), ("sz-gdp", "2024-12-31", 2.60005, "add")]),
    ("words between the names and 分别 taken off in two rounds (的, then 达到)",
     [SZ + "常熟市和昆山市地区生产总值达到的分别为2800.5亿元、5400.2亿元。"], None, [("ks-gdp", "2024-12-31", 5400.2, "add")]),
    # the words before a figure, as a second reading of what it measures: the verbs after the name taken off one by
    # one (extract's own name here is GDP总量总计 全年, which is no measure)
    ("two verbs between a name and its figure, spaces between them", [KS + "昆山市2024年GDP总量总计 全年实现 5600亿元。"], None,
     [("ks-gdp", "2024-12-31", 5600.0, "add")]),
    # heads shared by growth rates: within a sentence, after a figure that is no rate
    ("a figure that is no rate before the growth rates", [XZ + "全市工业总产值1000亿元，绿色低碳能源产值同比增长11.5%，集成电路与ICT同比增长4.6%。"],
     None, [("xz-green", "2023-09-30", 11.5, "add"), ("xz-ict", "2023-09-30", 4.6, "add")]),
    ("a head is not shared across sentences", [XZ + "绿色低碳能源产值同比增长11.5%。2023年1至9月份，集成电路与ICT同比增长4.6%。"],
     None, [("xz-green", "2023-09-30", 11.5, "add")]),
]


@pytest.mark.parametrize("texts, date, expected", [c[1:] for c in RULES], ids=[c[0] for c in RULES])
def test_matching_rules(texts, date, expected):
    assert run(texts, date) == sorted(expected)


def _full(text, figure, **fields):
    """A proposal or unmatched figure's fields, its offsets found in the text."""
    start = text.index(figure)
    return {"start": start, "end": start + len(figure), "text": figure, **fields}


# (id, text, propose's keywords, book, the proposal of the figure, in full)
PROPOSALS_IN_FULL = [
    ("the document's place and period", KS + "全市实现地区生产总值5400.5亿元。", dict(doc="公报.txt", url="https://example.org/ks.html"),
     BOOK, _full(KS + "全市实现地区生产总值5400.5亿元。", "5400.5亿元", target="ks-gdp", date="2024-12-31", value=5400.5,
                 period="2024年", quote="全市实现地区生产总值5400.5亿元", doc="公报.txt", action="add",
                 reason="地区 昆山市（文件所述地区），指标 地区生产总值，2024年（文件所述统计期）", unit="亿元",
                 title="2024年昆山市国民经济和社会发展统计公报", url="https://example.org/ks.html", note="")),
    ("a place and a year of the sentence, a bound, the title given", SZ + "2024年，昆山市GDP突破5400亿元。",
     dict(doc="苏州.txt", title="苏州市2024年统计公报"), BOOK,
     _full(SZ + "2024年，昆山市GDP突破5400亿元。", "5400亿元", target="ks-gdp", date="2024-12-31", value=5400.0, period="2024年",
           quote="2024年，昆山市GDP突破5400亿元", doc="苏州.txt", action="add", reason="地区 昆山市，指标 地区生产总值＝GDP，2024年",
           unit="亿元", title="苏州市2024年统计公报", url="", note="原文“5400亿元”为下限")),
    ("no document name given", KS + "全市实现地区生产总值5400.5亿元。", dict(), BOOK,
     _full(KS + "全市实现地区生产总值5400.5亿元。", "5400.5亿元", target="ks-gdp", date="2024-12-31", value=5400.5, period="2024年",
           quote="全市实现地区生产总值5400.5亿元", doc="<文本>", action="add",
           reason="地区 昆山市（文件所述地区），指标 地区生产总值，2024年（文件所述统计期）", unit="亿元",
           title="2024年昆山市国民经济和社会发展统计公报", url="", note="")),
    ("a growth rate of a target named with 增速", KS + "地区生产总值同比增长 6.0%。", dict(doc="t.txt"), BOOK,
     _full(KS + "地区生产总值同比增长 6.0%。", "6.0%", target="ks-gdp-rate", date="2024-12-31", value=6.0, period="2024年",
           quote="地区生产总值同比增长 6.0%", doc="t.txt", action="add",
           reason="地区 昆山市（文件所述地区），指标 地区生产总值增速，2024年（文件所述统计期）", unit="%",
           title="2024年昆山市国民经济和社会发展统计公报", url="", note="")),
    ("a growth rate of a target named without 增速", KS + "社会消费品零售总额增长5.5%。", dict(doc="t.txt"), MORE,
     _full(KS + "社会消费品零售总额增长5.5%。", "5.5%", target="ks-retail-rate", date="2024-12-31", value=5.5, period="2024年",
           quote="社会消费品零售总额增长5.5%", doc="t.txt", action="add",
           reason="地区 昆山市（文件所述地区），指标 社会消费品零售总额，2024年（文件所述统计期）", unit="%",
           title="2024年昆山市国民经济和社会发展统计公报", url="", note="")),
    ("the book holds it", KS23 + "全市实现地区生产总值5140.60亿元。", dict(doc="t.txt"), BOOK,
     _full(KS23 + "全市实现地区生产总值5140.60亿元。", "5140.60亿元", target="ks-gdp", date="2023-12-31", value=5140.6,
           period="2023年", quote="全市实现地区生产总值5140.60亿元", doc="t.txt", action="same",
           reason="地区 昆山市（文件所述地区），指标 地区生产总值，2023年（文件所述统计期）；该日期已有 5140.6亿元，与原文一致",
           unit="亿元", title="2023年昆山市国民经济和社会发展统计公报", url="", note="")),
    ("a unit slip", KS + "全市实现地区生产总值53801.7亿元。", dict(doc="t.txt"), BOOK,
     _full(KS + "全市实现地区生产总值53801.7亿元。", "53801.7亿元", target="ks-gdp", date="2024-12-31", value=53801.7,
           period="2024年", quote="全市实现地区生产总值53801.7亿元", doc="t.txt", action="implausible",
           reason="地区 昆山市（文件所述地区），指标 地区生产总值，2024年（文件所述统计期）；与最新值 5140.6亿元 相差5倍以上，请核对单位",
           unit="亿元", title="2024年昆山市国民经济和社会发展统计公报", url="", note="")),
    ("a place label over its section", "苏州各板块经济\n昆山:县域经济的“超级引擎”\n2024年,其以5400.5亿元的GDP独占鳌头。",
     dict(doc="t.txt", date=dt.date(2025, 2, 1)), BOOK,
     _full("苏州各板块经济\n昆山:县域经济的“超级引擎”\n2024年,其以5400.5亿元的GDP独占鳌头。", "5400.5亿元", target="ks-gdp",
           date="2024-12-31", value=5400.5, period="2024年", quote="2024年,其以5400.5亿元的GDP独占鳌头", doc="t.txt",
           action="add", reason="地区 昆山市，指标 地区生产总值＝GDP，2024年", unit="亿元", title="苏州各板块经济", url="", note="")),
    ("广西全区", KS + "2024年广西全区地区生产总值5600亿元。", dict(doc="t.txt"), MORE,
     _full(KS + "2024年广西全区地区生产总值5600亿元。", "5600亿元", target="gx-gdp", date="2024-12-31", value=5600.0,
           period="2024年", quote="2024年广西全区地区生产总值5600亿元", doc="t.txt", action="add",
           reason="地区 广西壮族自治区，指标 地区生产总值，2024年", unit="亿元", title="2024年昆山市国民经济和社会发展统计公报",
           url="", note="")),
    ("a place of a list read respectively", SZ + "昆山市和常熟市地区生产总值分别为5400.2亿元、2800.5亿元。", dict(doc="t.txt"), BOOK,
     _full(SZ + "昆山市和常熟市地区生产总值分别为5400.2亿元、2800.5亿元。", "5400.2亿元", target="ks-gdp", date="2024-12-31",
           value=5400.2, period="2024年", quote="昆山市和常熟市地区生产总值分别为5400.2亿元、2800.5亿元", doc="t.txt",
           action="add", reason="地区 昆山市，指标 地区生产总值，2024年（文件所述统计期）", unit="亿元",
           title="2024年苏州市国民经济和社会发展统计公报", url="", note="")),
    ("迈上 and a space: a lower bound", KS + "全年规模以上工业总产值迈上 1.2万亿元新台阶。", dict(doc="t.txt"), BOOK,
     _full(KS + "全年规模以上工业总产值迈上 1.2万亿元新台阶。", "1.2万亿元", target="ks-output", date="2024-12-31", value=1.2,
           period="2024年", quote="全年规模以上工业总产值迈上 1.2万亿元新台阶", doc="t.txt", action="add",
           reason="地区 昆山市（文件所述地区），指标 规上工业总产值＝规模以上工业总产值，2024年（文件所述统计期）", unit="万亿元",
           title="2024年昆山市国民经济和社会发展统计公报", url="", note="原文“1.2万亿元”为下限")),
]


@pytest.mark.parametrize("text, kw, book, expected", [c[1:] for c in PROPOSALS_IN_FULL], ids=[c[0] for c in PROPOSALS_IN_FULL])
def test_a_proposal_in_full(text, kw, book, expected):
    from tracker.matching import Proposal

    proposals, _ = propose(text, book, **kw)
    assert [p for p in proposals if p.text == expected["text"]] == [Proposal(**expected)]


# (id, text, its date, the unmatched figure, in full)
UNMATCHED_IN_FULL = [
    ("no place known", "经济运行情况通报\n地区生产总值5600亿元。", None,
     _full("经济运行情况通报\n地区生产总值5600亿元。", "5600亿元", region="", indicator="地区生产总值", period="",
           quote="地区生产总值5600亿元", why="台账中没有未知地区的这项指标")),
    ("no target of the place", KS + "全年粮食总产量2.78万吨。", None,
     _full(KS + "全年粮食总产量2.78万吨。", "2.78万吨", region="昆山市", indicator="粮食总产量", period="2024年",
           quote="全年粮食总产量2.78万吨", why="台账中没有昆山市的这项指标")),
    ("no period", "昆山工业经济“年中交卷”\n目前昆山拥有有效高新技术企业3072家。", None,
     _full("昆山工业经济“年中交卷”\n目前昆山拥有有效高新技术企业3072家。", "3072家", region="昆山市", indicator="有效高新技术企业",
           period="", quote="目前昆山拥有有效高新技术企业3072家", why="未注明统计期，文件也不是该期的公报或报告")),
    ("a month on its own", "1—4月徐州市经济运行情况\n4月份，全市绿色低碳能源产值同比增长23.1%。", dt.date(2023, 5, 30),
     _full("1—4月徐州市经济运行情况\n4月份，全市绿色低碳能源产值同比增长23.1%。", "23.1%", region="徐州市",
           indicator="绿色低碳能源产值", period="", quote="4月份，全市绿色低碳能源产值同比增长23.1%", why="只写了月份，未写统计期")),
    ("a part-year total after a count that is proposed",
     KS_HALF + "上半年末，全市高新技术企业达到2800家。上半年，全市完成规模以上工业总产值5530.8亿元。", None,
     _full(KS_HALF + "上半年末，全市高新技术企业达到2800家。上半年，全市完成规模以上工业总产值5530.8亿元。", "5530.8亿元",
           region="昆山市", indicator="规模以上工业总产值", period="2024年1—6月", quote="上半年，全市完成规模以上工业总产值5530.8亿元",
           why="2024年1—6月的累计数不能与全年总量的目标相比（ks-output）")),
    ("a flow target of another year", "徐州智改数转推进情况\n2025年1至9月份，全市智改数转项目投资133.1亿元。", None,
     _full("徐州智改数转推进情况\n2025年1至9月份，全市智改数转项目投资133.1亿元。", "133.1亿元", region="徐州市",
           indicator="智改数转项目投资", period="2025年1—9月", quote="2025年1至9月份，全市智改数转项目投资133.1亿元",
           why="2025年1—9月的数字不计入2023年的年度目标（xz-invest）")),
    ("a lone figure after a clause with 分别 keeps its own name", SZ + "昆山市和吴江区分别获评全省先进，全年地区生产总值合计7900.3亿元。",
     None, _full(SZ + "昆山市和吴江区分别获评全省先进，全年地区生产总值合计7900.3亿元。", "7900.3亿元", region="吴江区",
                 indicator="地区生产总值", period="2024年", quote="昆山市和吴江区分别获评全省先进，全年地区生产总值合计7900.3亿元",
                 why="台账中没有吴江区的这项指标")),
]


@pytest.mark.parametrize("text, date, expected", [c[1:] for c in UNMATCHED_IN_FULL], ids=[c[0] for c in UNMATCHED_IN_FULL])
def test_an_unmatched_figure_in_full(text, date, expected):
    from tracker.matching import Unmatched

    _, unmatched = propose(text, BOOK, doc="t.txt", date=date)
    assert unmatched == [Unmatched(doc="t.txt", **expected)]


def test_a_figure_one_target_takes_is_not_also_unmatched():
    """ks-output (a whole year's total) cannot take a half year; ks-output-2024 (the flow of 2024) does."""
    proposals, unmatched = propose(KS_HALF + "上半年，全市完成规模以上工业总产值5530.8亿元。", MORE)
    assert [p.target for p in proposals] == ["ks-output-2024"] and unmatched == []


def test_a_list_of_more_places_than_values_is_read_figure_by_figure():
    """Three places and two values: which value is whose is not known, so each figure takes the nearest place
    before it, as any figure does (吴江区 for both), and neither is Kunshan's."""
    proposals, unmatched = propose(SZ + "昆山市、常熟市、吴江区地区生产总值分别为5400.2亿元、2800.5亿元。", BOOK)
    assert proposals == [] and [u.region for u in unmatched] == ["吴江区", "吴江区"]


def test_the_reasons_of_a_second_documents_proposals():
    pending = {}
    reasons = []
    for value in ("5400.5", "5400.5", "5410"):
        proposals, _ = propose(KS + f"全市实现地区生产总值{value}亿元。", BOOK, pending=pending)
        reasons += [p.reason.split("；", 1)[-1] for p in proposals]
    assert reasons == ["地区 昆山市（文件所述地区），指标 地区生产总值，2024年（文件所述统计期）", "与本次另一条建议（5400.5亿元）一致",
                       "本次另一条建议为 5400.5亿元，此处为 5410亿元"]


def test_a_book_value_equal_to_ten_significant_digits_is_the_same():
    """5140.60000001 held (a value computed by a program) and 五千一百四十点六 written out (no digits to round)."""
    book = tracker.load(BOOK_TEXT.replace("{date: 2023, value: 5140.6}", "{date: 2023, value: 5140.60000001}"))
    assert found(KS23 + "全市实现地区生产总值五千一百四十点六亿元。", book=book) == {("ks-gdp", "2023-12-31", 5140.6, "same")}


def test_a_figure_without_a_name_matches_no_target():
    """Not even a target whose name is only punctuation (its key is empty too)."""
    book = tracker.load(BOOK_TEXT + "  - id: odd\n    region: 昆山市\n    indicator: （）\n    unit: 亿元\n"
                        "    target: {value: 1, due: 2026}\n    source: {doc: 会议}\n")
    proposals, unmatched = propose(KS + "全市实现地区生产总值5400亿元，不超过5399.8亿元。", book)
    assert [p.target for p in proposals] == ["ks-gdp"] and [(u.text, u.indicator) for u in unmatched] == [("5399.8亿元", "")]


def test_a_month_after_zhi_opening_a_sentence_ends_a_range():
    """至9月末 (no comma before the figure) in a report of 1—9月: the balance is of the report's period, not a lone
    month. The figure's row is given as read (extract names it 存款余额)."""
    from tracker.matching import propose_figures

    text = KS_Q3 + "至9月末全市存款余额8000亿元。"
    start = text.index("8000亿元")
    row = {"kind": "actual", "start": start, "end": start + 6, "text": "8000亿元", "value": 8e11, "category": "money",
           "unit": "元", "qualifier": "eq", "indicator": "存款余额", "sentence": "至9月末全市存款余额8000亿元"}
    proposals, _ = propose_figures(text, [row], MORE, context(text, "t.txt"))
    assert [(p.target, p.date, p.value) for p in proposals] == [("ks-deposit", "2024-09-30", 8000.0)]


# --- the pieces, at their edges ----------------------------------------------------------------

@pytest.mark.parametrize("name, key", [
    ("2024年1—9月地区生产总值", ("地区生产总值", False)),         # a year, then months: two rounds
    ("其中累计完成一般公共预算收入", ("一般公共预算收入", False)),   # 其中, then 累计 and 完成 in a second round
    ("全年", ("全年", False)),                                   # a leading word alone is the name
    ("昆山市", ("昆山市", False)),                               # and so is a place alone
    ("增速", ("增速", False)),                                   # and a rate word alone
    ("“高新技术企业”", ("高新技术企业", False)),                  # quotes are no part of a name
    ("规上工业增加值占规模以上工业比重", ("规模以上工业增加值占规模以上工业比重", False)),  # every 规上 written out
], ids=lambda v: v if isinstance(v, str) else None)
def test_indicator_key_at_the_edges(name, key):
    assert indicator_key(name) == key


# (id, text, date, the place of each figure in order): a line that opens with a place and a colon labels its
# section, up to the next short line with no full stop; the sentence's own places and 全市 come first.
LABELS = [
    ("two-sections", "苏州各板块经济\n昆山:县域经济的“超级引擎”\n2024年,其以5400.5亿元的GDP独占鳌头。\n吴江:创新高地\n"
                     "2024年,其地区生产总值2500.1亿元。", ["昆山市", "吴江区"]),
    ("a-heading-ends-the-section", "苏州各板块经济\n昆山:县域经济的“超级引擎”\n2024年,其以5400.5亿元的GDP独占鳌头。\n全市概况\n"
                                   "2024年,地区生产总值26000.5亿元。", ["昆山市", "苏州市"]),
    ("a-label-on-the-last-line", "苏州各板块经济\n昆山:地区生产总值5400.5亿元", ["昆山市"]),
    ("an-empty-section", "苏州各板块经济\n昆山:\n全市概况\n2024年,地区生产总值26000.5亿元。", ["苏州市"]),
    ("quanshi-under-a-label", "苏州各板块经济\n昆山:县域经济\n2024年,全市地区生产总值26000.5亿元。", ["苏州市"]),
    ("before-the-first-label", "苏州各板块经济\n2024年,地区生产总值26000.5亿元。\n昆山:县域经济\n2024年,其以5400.5亿元的GDP独占鳌头。",
     ["苏州市", "昆山市"]),
    ("a-short-line-starting-with-a-figure-is-a-heading", "苏州各板块经济\n昆山:县域经济的“超级引擎”\n5400.5亿元的GDP独占鳌头\n",
     ["苏州市"]),
]


@pytest.mark.parametrize("text, regions", [c[1:] for c in LABELS], ids=[c[0] for c in LABELS])
def test_place_labels_at_their_edges(text, regions):
    _, unmatched = propose(text, tracker.load("targets: []\n"), doc="苏州.txt", date=dt.date(2025, 2, 1))
    assert [u.region for u in unmatched] == regions


#: (sentence in a Kunshan bulletin, the place of its figure): a short name is a subject at most two
#: characters after the head of its clause (or a time there), with a subject word at most 12 characters on.
SUBJECTS = [
    ("受益于与吴江的合作，地区生产总值达5400.5亿元。", "昆山市"),
    ("不同于吴江的做法，地区生产总值达5400.5亿元。", "昆山市"),
    ("全市经济平稳，吴江地区生产总值2500亿元。", "吴江区"),
    ("其中吴江地区生产总值2500亿元。", "吴江区"),
    ("吴江大道沿线新增企业30家。", "昆山市"),
    ("苏州市统计局消息，2024年广西全区地区生产总值5600亿元。", "广西壮族自治区"),
]


@pytest.mark.parametrize("sentence, region", SUBJECTS)
def test_short_names_as_subjects_at_their_edges(sentence, region):
    _, unmatched = propose(KS + sentence, tracker.load("targets: []\n"), doc="t.txt")
    assert [u.region for u in unmatched] == [region]


@pytest.mark.parametrize("text, places", [
    ("：今年吴江地区生产总值", ["吴江区"]),              # a clause mark that opens the text heads the clause
    ("吴江\n地区生产总值", []),                        # a name that ends its line is no subject of the next
    ("吴江" + " " * 10 + "实现地区生产总值", ["吴江区"]),  # 实现 within 12 characters
    ("吴江" + " " * 11 + "实现地区生产总值", []),        # and beyond them
])
def test_places_in_at_their_edges(text, places):
    from tracker.matching import _places_in

    assert [p[2] for p in _places_in(text)] == places


@pytest.mark.parametrize("place, short", [
    ("昆山市", "昆山"), ("江苏省", "江苏"), ("吴江区", "吴江"), ("沛县", None), ("苏州工业园", None),
])
def test_the_short_name_of_a_place(place, short):
    from tracker.matching import _short

    assert _short(place) == short


@pytest.mark.parametrize("name, run_", [("新材料产业产值", "产业产值"), ("产值", ""), ("集成电路与ICT", "")])
def test_the_head_words_a_name_ends_with(name, run_):
    from tracker.matching import _head_run

    assert _head_run(name) == run_


_S = "昆山市地区生产总值5400.5亿元"
_F = "5400.5亿元是地区生产总值"


@pytest.mark.parametrize("text, sentence, start, expected", [
    (_S + "。", _S, 9, 0),                                              # the sentence opens the text
    (_S + "。其他内容。" + _S + "。", _S, len(_S) + 6 + 9, len(_S) + 6),   # a copy earlier in the text is not it
    (_F + "ab" + _F, _F, len(_F) + 2, len(_F) + 2),                     # nor a copy that ends two characters before
    (_S + "。", "", 9, 9),                                               # no sentence: the figure's own start
    (_S + "。", "另一句", 9, 9),                                          # a sentence not in the text: the same
], ids=["at-0", "repeated-earlier", "copy-just-before", "empty", "not-found"])
def test_where_a_figures_sentence_starts(text, sentence, start, expected):
    from tracker.matching import _Reader

    assert _Reader(text, context(text, "t.txt")).sentence_start(sentence, start) == expected


@pytest.mark.parametrize("period, expected", [
    ("2024", (dt.date(2024, 12, 31), "2024年")),
    ("2023-01/2023-09", (dt.date(2023, 9, 30), "2023年1—9月")),
    ("2024-01/2024-12", (dt.date(2024, 12, 31), "2024年")),
    ("2024-07/2024-12", (dt.date(2024, 12, 31), "2024年7—12月")),
    ("2023-01/2024-09", None),        # two years
    ("2024-01/2024-13", None),        # no 13th month
    ("2024-09/2024-06", None),        # backwards
    ("", None),
])
def test_period_of(period, expected):
    from tracker.matching import period_of

    assert period_of(period) == expected


@pytest.mark.parametrize("period", ["2024-06/2024-06", "2024-06"])
def test_a_one_month_period_ends_with_its_month(period):
    from tracker.matching import period_of

    assert period_of(period)[0] == dt.date(2024, 6, 30)


_LONG_TITLE = "昆山市" + "经济运行" * 40
# (id, text, context's keywords, the fields expected)
CONTEXTS = [
    ("the-title-given", "2024年苏州市国民经济和社会发展统计公报\n正文", dict(title="2024年昆山市国民经济和社会发展统计公报"),
     dict(title="2024年昆山市国民经济和社会发展统计公报", region="昆山市", period=(dt.date(2024, 12, 31), "2024年"), url="")),
    ("the-url-given", "2024年昆山市国民经济和社会发展统计公报\n正文", dict(url="https://example.org/a"),
     dict(title="2024年昆山市国民经济和社会发展统计公报", url="https://example.org/a")),
    ("a-date-in-the-text", "1—2月徐州经济运行呈现企稳回升态势\n2023-03-27 09:56:00", dict(), dict(date=dt.date(2023, 3, 27))),
    ("a-title-of-five-han", "昆山市公报\n苏州市经济平稳。", dict(), dict(title="昆山市公报", region="昆山市")),
    ("no-title-line", "GDP 5400\n2024", dict(), dict(title="", region=None)),
    ("a-long-title", _LONG_TITLE + "\n正文", dict(), dict(title=_LONG_TITLE[:120])),
    ("the-place-named-most", "经济运行情况通报\n苏州市经济平稳。徐州市全年经济增长，徐州市工业平稳。", dict(), dict(region="徐州市")),
    ("a-short-name-in-the-title-need-not-be-a-subject", "走进新时代的昆山概况\n苏州市经济平稳，苏州市工业平稳。", dict(),
     dict(region="昆山市")),
    ("short-names-counted-anywhere", "经济运行情况通报\n走进昆山，走进昆山，苏州市工业平稳。", dict(), dict(region="昆山市")),
    ("months-in-chinese-numerals", "一至二月徐州经济运行情况\n正文", dict(date=dt.date(2023, 3, 27)),
     dict(period=(dt.date(2023, 2, 28), "2023年1—2月"))),
    ("two-period-words-the-latest", "2024年第一季度和前三季度昆山市经济运行情况\n正文", dict(),
     dict(period=(dt.date(2024, 9, 30), "2024年1—9月"))),
    ("two-period-words-the-longer", "2024年前三季度及上半年昆山市经济运行情况\n正文", dict(),
     dict(period=(dt.date(2024, 9, 30), "2024年1—9月"))),
]


@pytest.mark.parametrize("text, kw, expected", [c[1:] for c in CONTEXTS], ids=[c[0] for c in CONTEXTS])
def test_document_context_at_its_edges(text, kw, expected):
    ctx = context(text, "d", **kw)
    assert {name: getattr(ctx, name) for name in expected} == expected
