"""Parsing edge cases that the sentence tables do not reach (issue #12, found by `make mutate`).

Each case is a sentence and what FIGURES.md makes of it, worked out by hand: thousands grouped by a
no-break or thin space (typeset PDFs), a traditional 兩 in 兩成, a number too long for a float
(no figure rather than an infinite one, also with a decimal point or separators), and a traditional
phrase whose simplified form differs from its characters' (乾隆 stays 乾隆; character by character it
would be 干隆).
"""
import datetime as dt
import math

import pytest

import extract


def rows(text):
    return [(r.text, r.value, r.category) for r in extract.figures(text).itertuples()]


PARSING = [
    ("no-break-space-thousands", "小巨人企業總數達4\u00a0410家。", [("4\u00a0410家", 4410, "count")]),
    ("thin-space-thousands", "另有高新技術企業2\u2009300家。", [("2\u2009300家", 2300, "count")]),
    ("traditional-liang-cheng", "新能源汽車占兩成。", [("兩成", 20, "percent")]),
    ("traditional-liang-count", "培育科技型中小企業兩萬家。", [("兩萬家", 20000, "count")]),
    ("too-long-for-a-float", "全市投資" + "9" * 400 + "億元。", []),
    # the same with a decimal point or thousands separators (not digits only): still no figure
    ("too-long-with-a-point", "全市投資" + "9" * 400 + ".5億元。", []),
    ("too-long-with-separators", "全市投資1," + "999," * 130 + "999億元。", []),
    ("nothing", "全市經濟運行總體平穩。", []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in PARSING], ids=[c[0] for c in PARSING])
def test_parsing(text, expected):
    got = rows(text)
    assert [(t, c) for t, _, c in got] == [(t, c) for t, _, c in expected]
    assert all(math.isclose(g[1], e[1]) for g, e in zip(got, expected))


def test_a_phrase_is_simplified_as_a_phrase():
    """OpenCC converts 乾隆 as a name (乾 kept), not character by character (干)."""
    r = extract.figures("全市現存乾隆御碑300座。").iloc[0]
    assert (r["text"], r["indicator"]) == ("300座", "现存乾隆御碑")


@pytest.mark.parametrize("text, indicator", [
    # simplified already: kept as written (OpenCC's phrase table reads 批覆 as traditional 批复)
    ("一批覆盖率达到95%。", "一批覆盖率"),
    # traditional: converted, phrase and all
    ("5G網絡覆蓋率達到95%。", "5G网络覆盖率"),
    ("經濟總量達到3000億元。", "经济总量"),
    # one traditional character is enough to convert the sentence
    ("经济总量達到3000亿元。", "经济总量"),
])
def test_a_sentence_is_simplified_only_when_it_holds_a_traditional_character(text, indicator):
    assert extract.figures(text).iloc[0]["indicator"] == indicator


def test_a_simplified_text_is_returned_as_it_is():
    from extract.normalize import to_simplified
    assert to_simplified("建设一批覆盖全省的基站") == "建设一批覆盖全省的基站"  # not 一批复盖
    assert to_simplified("覆蓋全省，經濟") == "覆盖全省，经济"
    assert to_simplified("\U00020000年") == "\U00020000年"  # beyond the basic plane: converted, unchanged

# --- engine.py: the table API, doublings, bare amounts, fractions, run-on text (found by `make mutate`)

def test_records_are_the_rows_of_the_table():
    text = "力争用3年时间新增地区生产总值1000亿元。"
    recs = extract.engine.records(text, doc="a.txt", date="2024-02-17")
    assert [list(r) for r in recs] == [extract.engine.COLUMNS]
    assert (recs[0]["doc"], recs[0]["text"], recs[0]["deadline"]) == ("a.txt", "1000亿元", 2026)
    import pandas as pd
    pd.testing.assert_frame_equal(extract.engine.table(recs), extract.figures(text, doc="a.txt", date="2024-02-17"))


@pytest.mark.parametrize("text", ["", "力争用3年时间新增地区生产总值1000亿元，增长5%，到2027年达到3万亿元左右。"])
def test_the_table_made_from_pandas_blocks_is_the_one_pandas_public_function_makes(text, monkeypatch):
    """engine._frame puts pandas' blocks together itself; with pandas' public function
    (create_dataframe_from_blocks, the fallback for another pandas) the table is the same, and
    it behaves as any table: a column added, a cell set, rows selected and joined."""
    import pandas as pd
    fast = extract.figures(text, doc="a.txt")
    monkeypatch.setattr(extract.engine, "_BLOCKS", None)
    public = extract.figures(text, doc="a.txt")
    pd.testing.assert_frame_equal(fast, public)
    assert fast._mgr.is_consolidated() == public._mgr.is_consolidated()
    fast["x"], fast.loc[:, "text"] = 1, "z"
    assert list(fast.columns) == extract.engine.COLUMNS + ["x"] and set(fast["text"]) <= {"z"}
    assert pd.concat([public, public[public["kind"] == "target"]]).shape[0] == len(public) + (public["kind"] == "target").sum()
    assert public.loc[:, "text"].tolist() != ["z"] * len(public) or len(public) == 0  # the copy is its own


def test_the_empty_table_has_the_columns_and_types():
    empty = extract.engine.empty_table()
    assert list(empty.columns) == extract.engine.COLUMNS and len(empty) == 0
    assert (str(empty.dtypes["deadline"]), str(empty.dtypes["start"]), str(empty.dtypes["value"])) == (
        "Int64", "int64", "float64")
    assert list(empty.dtypes["category"].categories) == extract.engine.CATEGORIES


MORE_PARSING = [
    # 翻n番 doubles n times: 2**n
    ("fan-three", "全市经济总量翻三番。", [("翻三番", 8, "multiple")]),
    ("fan-four", "全市经济总量翻四番。", [("翻四番", 16, "multiple")]),
    # 兆 (万亿 in pages for Taiwan and Hong Kong) before 斤 too, but 兆瓦 stays a unit
    ("zhao-jin-chinese", "糧食產量一點四兆斤以上。", [("一點四兆斤", 1.4e12, "other")]),
    ("zhao-jin-arabic", "糧食產量1.4兆斤以上。", [("1.4兆斤", 1.4e12, "other")]),
    ("zhao-wa-is-a-unit", "光伏装机容量300兆瓦。", [("300兆瓦", 300, "other")]),
    # a unit alone in a cell of a table written with bars is the row's unit, no amount
    ("unit-cell", "2 | 农林牧渔业增加值 | 亿元 | 增长4% | 77.7 | 4.2 |", [("4%", 4, "percent")]),
    ("unit-cell-per", "5 | 全员劳动生产率 | 万元/人年 | 稳步增长 | 年度指标 |", []),
    ("unit-cell-other", "6 | 粮食产量 | 亿斤 | 3 |", []),
    # a bare amount keeps its currency
    ("bare-dollars", "外贸进出口突破千亿美元。", [("千亿美元", 1e11, "money")]),
    # fractions: a numerator that is no number (一二, "one or two") or more than the whole is no figure
    ("fraction-of-no-number", "新能源汽车占十分之一二。", []),
    ("fraction-over-one", "新能源汽车占五分之六。", []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in MORE_PARSING], ids=[c[0] for c in MORE_PARSING])
def test_more_parsing(text, expected):
    assert rows(text) == expected


def test_text_without_punctuation_is_read_300_characters_around_a_figure():
    """A 'sentence' longer than 600 characters is read in a window of 300 either side of the figure:
    the cue 力争 294 characters before the figure makes it a target, 314 characters before it is out of reach."""
    filler = "各项工作稳步推进" * 100

    def runon(before):
        return "力争" + filler[:before - 2] + "新增企业300家" + filler[:400]

    kinds = [[r["kind"] for r in extract.engine.records(runon(n))] for n in (290, 310)]
    assert kinds == [["target"], ["actual"]]


def figures_of(text):
    return [(r["text"], r["value"], r["value_max"], r["qualifier"]) for r in extract.engine.records(text)]


ENGINE_CASES = [
    # Chinese numerals below ten count only as money, percent, pp or 倍; ten is a count
    ("chinese-ten-is-a-count", "全市建成十个园区。", [("十个", 10, None, "eq")]),
    ("small-chinese-length-is-no-figure", "全市建设五公里绿道。", []),
    # 第 before a number makes an ordinal, also at the very start of a text
    ("ordinal-at-the-start", "第12个五年规划纲要提出，全市新增企业300家。", [("300家", 300, None, "eq")]),
    # a range whose ends have different scales: 5000万 to 1亿
    ("range-of-two-scales", "全市投资5000万至1亿元。", [("5000万至1亿元", 5e7, 1e8, "eq")]),
    ("list-of-two-scales", "全市营收分别为8000万和1.2亿元。", [("8000万", 8e7, None, "eq"), ("1.2亿元", 1.2e8, None, "eq")]),
    # 4万6000亿 with no unit: a bare magnitude, its text up to its last scale
    ("mixed-magnitude-without-unit", "全市地区生产总值4万6000亿。", [("4万6000亿", 4.6e12, None, "eq")]),
    ("bare-magnitude-is-no-more-than", "全市地区生产总值5万亿。", [("5万亿", 5e12, None, "eq")]),
    # 余 between a number and its second scale: more than 3 million
    ("yu-before-wan", "带动就业300余万人。", [("300余万人", 3e6, None, "gt")]),
    ("yu-before-wan-no-unit", "全年接待游客300余万。", [("300余万", 3e6, None, "gt")]),
    # a threshold in brackets is a figure; a unit alone in brackets is a column's unit
    ("threshold-in-brackets", "新开工项目（亿元以上）120个。", [("亿元", 1e8, None, "ge"), ("120个", 120, None, "eq")]),
    ("duo-before-yi-no-unit", "全市营收1500多亿，增长5%。", [("1500多亿", 1.5e11, None, "gt"), ("5%", 5.0, None, "eq")]),
    # 千 and 百 make no bare magnitude; a false unit (部门) makes no unit
    ("bare-qian-is-no-magnitude", "全市新增就业岗位3千。", []),
    ("a-false-unit", "全市3部门联合发文。", []),
    # numbers too long for a float are no figure, also before 万 or as a list member
    ("too-long-before-wan", "全市人口" + "9" * 400 + "万3000人。", []),
    ("too-long-list-member", "全市新建" + "9" * 400 + "、2个园区。", [("2个", 2, None, "eq")]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in ENGINE_CASES], ids=[c[0] for c in ENGINE_CASES])
def test_engine_cases(text, expected):
    assert figures_of(text) == expected


def test_the_sentence_of_a_text_with_readings_is_the_original():
    r = extract.engine.records("全市地区生产总值突破1萬(wàn)億元。")[0]
    assert (r["text"], r["sentence"]) == ("1萬(wàn)億元", "全市地区生产总值突破1萬(wàn)億元")


def test_a_cue_in_the_next_sentence_does_not_count():
    assert [r["kind"] for r in extract.engine.records("全市新增企业300家。今年将继续加大招引力度。")] == ["actual"]


def test_sentences_up_to_600_characters_are_read_whole():
    """Only a 'sentence' longer than 600 characters is read in a window: a 600-character one, or a
    short one late in a long text, is read whole (the cue 力争 350+ characters before still counts);
    the window reaches 300 characters after the figure too (将 250 characters after it)."""
    filler = "各项工作稳步推进" * 200
    exactly_600 = "力争" + filler[:360] + "新增企业300家" + filler[:600 - 2 - 360 - 8]
    late = filler[:700] + "。力争" + filler[:350] + "新增企业300家。"
    cue_after = filler[:400] + "新增企业300家" + filler[:250] + "将" + filler[:300]
    assert len(exactly_600) == 600
    assert [[r["kind"] for r in extract.engine.records(t)] for t in (exactly_600, late, cue_after)] == [
        ["target"], ["target"], ["target"]]


def _read(text, date=None):
    return [(r["text"], r["value"], r["qualifier"], r["kind"], r["indicator"], r["category"], r["unit"], r["deadline"],
             r["period"]) for r in extract.engine.records(text, date=date)]


#: (id, text, [(text, value, qualifier, kind, indicator, category, unit, deadline, period)]), by hand.
SENTENCE_CASES = [
    ("qualifier-at-the-start", "超过300家企业参与。", [("300家", 300, "gt", "actual", "企业参与", "count", "家", None, None)]),
    ("a-fall-shared-past-a-qualifier", "能耗和排放分别下降9.3%和近6.8%。",
     [("9.3%", -9.3, "eq", "actual", "能耗", "percent", "%", None, None),
      ("6.8%", -6.8, "lt", "actual", "排放", "percent", "%", None, None)]),
    ("full-width-minus", "工业增加值增速为－3.2%。", [("－3.2%", -3.2, "eq", "actual", "工业增加值", "percent", "%", None, None)]),
    ("minus-points", "工业增加值增速为-0.5个百分点。",
     [("-0.5个百分点", -0.5, "eq", "actual", "工业增加值", "pp", "个百分点", None, None)]),
    ("second-sentence-name-after", "全市召开大会。打造50个园区。", [("50个", 50, "eq", "target", "园区", "count", "个", None, None)]),
    ("joined-figure-names-its-own", "新增企业300家和500个项目。",
     [("300家", 300, "eq", "actual", "新增企业", "count", "家", None, None),
      ("500个", 500, "eq", "actual", "项目", "count", "个", None, None)]),
    ("a-target-has-no-period", "力争2025年地区生产总值达到5000亿元。",
     [("5000亿元", 5e11, "eq", "target", "地区生产总值", "money", "元", 2025, None)]),
    ("money-subject-in-a-second-sentence", "全市召开大会。全市地区生产总值突破5万亿。",
     [("5万亿", 5e12, "ge", "actual", "地区生产总值", "money", "元", None, None)]),
    ("bare-dollars-keep-their-currency", "外贸进出口突破千亿美元。",
     [("千亿美元", 1e11, "ge", "actual", "外贸进出口", "money", "美元", None, None)]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in SENTENCE_CASES], ids=[c[0] for c in SENTENCE_CASES])
def test_sentence_cases(text, expected):
    assert _read(text) == expected


def test_the_first_valid_date_near_the_top_is_the_documents():
    """An impossible date is passed over; a date after the first 1500 characters is no document date."""
    body = "\n2023-04-11 来源：徐州日报\n力争用3年时间新增企业300家。"
    assert extract.engine.document_date("2023-02-30 不是日期" + body) == dt.date(2023, 4, 11)
    assert extract.engine.document_date("各项工作稳步推进" * 190 + body) is None


def test_a_missing_text_has_no_figures():
    """A corpus column's missing cell (NaN) or None is no text."""
    assert extract.engine.records(float("nan")) == [] and extract.engine.records(None) == []


# --- more engine.py rules pinned down by `make mutate` (issue #12, second pass) --------------------

#: (id, text, [(text, value, value_max, qualifier)]), by hand.
MORE_ENGINE_CASES = [
    # a range from an Arabic to a Chinese end is no small Chinese numeral: a figure, from 3 to 5
    ("arabic-to-chinese-range", "每年新建3至五个园区。", [("3至五个", 3, 5, "eq")]),
    # a fraction of one is a share like any other: 三分之三 = 100%
    ("fraction-of-one", "三分之三的企业完成改造。", [("三分之三", 100, None, "eq")]),
    # two equal scales: the second scales only its part, 4万 + 6000万 = 6004万
    ("two-equal-scales", "全市实现产值4万6000万元。", [("4万6000万元", 6.004e7, None, "eq")]),
    # a false unit (人才) after 余 and a scale: the bare magnitude 300余万, more than 3 million
    ("yu-scale-before-a-false-unit", "全市集聚各类人才300余万人才。", [("300余万", 3e6, None, "gt")]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in MORE_ENGINE_CASES], ids=[c[0] for c in MORE_ENGINE_CASES])
def test_more_engine_cases(text, expected):
    assert figures_of(text) == expected


FALSE_UNITS = ("台阶", "人民", "人才", "部门", "条件", "项目")


@pytest.mark.parametrize("word", FALSE_UNITS)
def test_a_false_unit_after_a_mixed_number(word):
    """4万6000亿台阶, 5万3000人才: the unit is a false one after the second scale or after the
    second number alike, so both are bare magnitudes, money here (the subject 规模), their text up
    to the scale or the number."""
    assert [(r["text"], r["value"], r["category"], r["unit"]) for r in extract.engine.records(
        f"全市经济规模4万6000亿{word}。")] == [("4万6000亿", 4.6e12, "money", "元")]
    assert [(r["text"], r["value"], r["category"], r["unit"]) for r in extract.engine.records(
        f"全市经济规模5万3000{word}。")] == [("5万3000", 53000, "money", "元")]


#: (text, the figures (text, value, qualifier)): a false unit word (所以) that a qualifier after the
#: unit or 以及 overlaps is the unit and that word; one that nothing overlaps stays no unit.
UNIT_THEN_QUALIFIER = [
    ("新建中小学10所以上。", [("10所", 10, "ge")]),
    ("新建中小学10所以下。", [("10所", 10, "lt")]),
    ("新建學校5所以內。", [("5所", 5, "le")]),
    ("新增学校5所以及幼儿园3所。", [("5所", 5, "eq"), ("3所", 3, "eq")]),
    ("全市经济规模3万亿所以。", [("3万亿", 3e12, "eq")]),
]


@pytest.mark.parametrize("text, expected", UNIT_THEN_QUALIFIER)
def test_a_qualifier_overlapping_a_false_unit_word(text, expected):
    assert [(r["text"], r["value"], r["qualifier"]) for r in extract.engine.records(text)] == expected


#: (text, the figures (text, value, category, unit, qualifier)): a fraction with a slash is a share only
#: after a word of a share in its clause; one letter after a number is computing power only after 算力.
SLASH_AND_LETTER_CASES = [
    ("二产占GDP比重达到1/3以上。", [("1/3", 100 / 3, "percent", "%", "ge")]),
    ("占全国的2/5，居首位。", [("2/5", 40.0, "percent", "%", "eq")]),
    ("会议于2024/1/9召开。", []),
    ("比赛比分为1/2。", []),
    ("粮食产量，占比较高，第1/9页。", []),
    ("占全国的9/3。", []),
    ("全市算力总规模达到5E，数据中心12个。", [("5E", 5.0, "other", "EFLOPS", "eq"), ("12个", 12.0, "count", "个", "eq")]),
    ("购买3P空调200台。", [("200台", 200.0, "count", "台", "eq")]),
    ("算力平台接入300PB数据。", []),
    ("新增算力设备，其中3P空调200台。", [("200台", 200.0, "count", "台", "eq")]),
]


@pytest.mark.parametrize("text, expected", SLASH_AND_LETTER_CASES)
def test_slash_fractions_and_computing_letters(text, expected):
    got = [(r["text"], r["value"], r["category"], r["unit"], r["qualifier"]) for r in extract.engine.records(text)]
    assert [g[0] for g in got] == [e[0] for e in expected]
    for g, e in zip(got, expected):
        assert math.isclose(g[1], e[1], rel_tol=1e-12) and g[2:] == e[2:]


#: (text, [(text, value, category, unit)]): 个 before a list's 个百分点 is that unit; elsewhere a count.
#: Chinese numerals below ten with 倍 are no figure (FIGURES.md); 翻两番 and Arabic 2倍 are.
SMALL_MULTIPLES = [
    ("科技型中小企业增长两倍。", []),
    ("营业收入增长三倍以上。", []),
    ("地区生产总值翻两番。", [("翻两番", 4.0)]),
    ("营业收入增长2倍。", [("2倍", 2.0)]),
    ("营业收入增长十二倍。", [("十二倍", 12.0)]),
]


@pytest.mark.parametrize("text, expected", SMALL_MULTIPLES)
def test_small_chinese_multiples_are_no_figures(text, expected):
    assert [(r["text"], r["value"]) for r in extract.engine.records(text)] == expected


#: (text, [(text, value, category, qualifier)]): a bare 千亿/万亿 after a bound (突破, 超) is a magnitude;
#: ○ is a zero among Chinese numerals; a bare scale elsewhere, or as a size label, is none.
BARE_SCALES_AND_CIRCLES = [
    ("全年地区生产总值突破千亿，增长10%左右。", [("千亿", 1e11, "money", "ge"), ("10%", 10.0, "percent", "approx")]),
    ("全年地區生產總值超千億。", [("千億", 1e11, "money", "gt")]),
    ("全市注册用户突破万亿。", [("万亿", 1e12, "count", "ge")]),
    ("苏州GDP破万亿 增长5%", [("万亿", 1e12, "money", "ge"), ("5%", 5.0, "percent", "eq")]),  # a headline's 破
    ("全省地區生產總值破萬億", [("萬億", 1e12, "money", "ge")]),
    ("成功晋级全省第2个千亿县。", []),
    ("产值突破千亿级。", []),
    ("居民消费价格上涨百分之○點一。", [("百分之○點一", 0.1, "percent", "eq")]),
    ("全市投资二千○五十亿元。", [("二千○五十亿元", 2.05e11, "money", "eq")]),
]


@pytest.mark.parametrize("text, expected", BARE_SCALES_AND_CIRCLES)
def test_bare_scales_after_a_bound_and_circles_for_zero(text, expected):
    got = [(r["text"], r["value"], r["category"], r["qualifier"]) for r in extract.engine.records(text)]
    assert got == expected


#: A qualifier before the currency the figure names first: (text, qualifier).
QUALIFIER_BEFORE_A_CURRENCY = [
    ("推介重大项目总投资不低于人民币2000亿元。", "ge"),
    ("推介重大項目總投資不低於人民幣 2000 億元。", "ge"),
    ("项目总投资超过人民币5亿元。", "gt"),
    ("项目总投资人民币5亿元。", "eq"),
]


@pytest.mark.parametrize("text, qualifier", QUALIFIER_BEFORE_A_CURRENCY)
def test_a_qualifier_before_the_currency_word(text, qualifier):
    assert [r["qualifier"] for r in extract.engine.records(text)] == [qualifier]


POINTS_IN_A_LIST = [
    ("分别较一季度回升2.9个、23.9个百分点。", [("2.9个", 2.9, "pp", "个百分点"), ("23.9个百分点", 23.9, "pp", "个百分点")]),
    ("分别提高1.5个、2个和3.2个百分点。", [("1.5个", 1.5, "pp", "个百分点"), ("2个", 2.0, "pp", "个百分点"),
                                     ("3.2个百分点", 3.2, "pp", "个百分点")]),
    ("分别下降1.5个、2个百分点。", [("1.5个", -1.5, "pp", "个百分点"), ("2个百分点", -2.0, "pp", "个百分点")]),
    ("全市新增企业3个、提高2个百分点。", [("3个", 3.0, "count", "个"), ("2个百分点", 2.0, "pp", "个百分点")]),
    ("新增园区3个，比重提高2个百分点。", [("3个", 3.0, "count", "个"), ("2个百分点", 2.0, "pp", "个百分点")]),
]


@pytest.mark.parametrize("text, expected", POINTS_IN_A_LIST)
def test_a_lists_ge_before_percentage_points(text, expected):
    assert [(r["text"], r["value"], r["category"], r["unit"]) for r in extract.engine.records(text)] == expected


#: (id, text, [(text, value, qualifier, kind, indicator, category, unit, deadline, period)]), by hand.
MORE_SENTENCE_CASES = [
    # the minus sign may be the text's second character (nothing but 为 before it)
    ("minus-after-one-character", "为-3.2%。", [("-3.2%", -3.2, "eq", "actual", None, "percent", "%", None, None)]),
    # 年 before the minus sign is no digit of a range (2022年-3.2%)
    ("minus-after-a-year", "工业增加值增速：2022年-3.2%，2023年5.1%。",
     [("-3.2%", -3.2, "eq", "actual", "工业增加值", "percent", "%", None, "2022"),
      ("5.1%", 5.1, "eq", "actual", "工业增加值", "percent", "%", None, "2023")]),
    # a rate after a level in a second sentence is that level's growth rate, as in a first one
    ("rate-after-a-level-in-a-second-sentence", "全市概况如下。规上工业总产值1.2万亿元、增长5%。",
     [("1.2万亿元", 1.2e12, "eq", "actual", "规上工业总产值", "money", "元", None, None),
      ("5%", 5, "eq", "actual", "规上工业总产值增速", "percent", "%", None, None)]),
    # a bare magnitude in a second sentence: its own clause's subject (人口) decides, not a later one's
    ("magnitude-in-a-second-sentence", "全市概况如下。常住人口1300万，地区生产总值2.4万亿元。",
     [("1300万", 1.3e7, "eq", "actual", "常住人口", "count", "", None, None),
      ("2.4万亿元", 2.4e12, "eq", "actual", "地区生产总值", "money", "元", None, None)]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in MORE_SENTENCE_CASES], ids=[c[0] for c in MORE_SENTENCE_CASES])
def test_more_sentence_cases(text, expected):
    assert _read(text) == expected


def test_something_else_between_an_ordinal_word_and_the_number():
    """Only spaces and colons between 第 and the number are passed over: in 第X 3个 the X stands
    between them, and 3个 is a count."""
    assert [r["text"] for r in extract.engine.records("共有第X 3个。")] == ["3个"]


def test_a_page_counter_before_a_colon_and_spaces():
    """浏览次数 followed by a colon and two spaces is a page counter still (issue #12 found it missed)."""
    assert extract.engine.records("浏览次数：  3万次") == []


#: (id, text, [(text, indicator)]): lists after 分别 and the names they take in turn, worked out by
#: hand from the rules of engine._respective_rates and engine._conjuncts (issue #12, found by `make mutate`).
RESPECTIVE_CASES = [
    # the list stands in the second sentence (its rows start at the third figure of the text)
    ("list-in-a-later-sentence", "全市新增企业100家、项目20个。规上工业总产值和营业收入分别增长8.5%和10.2%。",
     [("100家", "新增企业"), ("20个", "项目"), ("8.5%", "规上工业总产值"), ("10.2%", "营业收入")]),
    # one figure before the list: the list's first rate is the second row of the text
    ("list-after-one-figure", "全市GDP增长5%，高新技术企业和专精特新企业分别增长12%和15%。",
     [("5%", "GDP"), ("12%", "高新技术企业"), ("15%", "专精特新企业")]),
    # the list names its own things (出口和进口): not the figures before it
    ("own-names-before-figures", "实现产值100亿元，利润20亿元，出口和进口分别增长5%和6%。",
     [("100亿元", "产值"), ("20亿元", "利润"), ("5%", "出口"), ("6%", "进口")]),
    # a list of rates that names nothing takes the figures before it only from its own sentence:
    # one there (产值) for two rates is too few, and both are that figure's growth rate
    ("too-few-figures-in-its-sentence", "全市新增企业100家、项目20个。实现产值100亿元，分别增长5%和6%。",
     [("100家", "新增企业"), ("20个", "项目"), ("100亿元", "产值"), ("5%", "产值增速"), ("6%", "产值增速")]),
    # the same name twice tells the figures apart no more than one name: the whole phrase for both
    ("a-repeated-name", "出口和出口分别增长5%和6%。", [("5%", "出口和出口"), ("6%", "出口和出口")]),
    # a figure after the list, in the same sentence, is no member of it
    ("a-figure-after-the-list", "规上工业总产值和营业收入分别增长8.5%和10.2%，利润总额300亿元。",
     [("8.5%", "规上工业总产值"), ("10.2%", "营业收入"), ("300亿元", "利润总额")]),
    # words that name nothing (水平, 目标: vocab.NOT_INDICATORS) give no names in turn
    ("no-names-from-non-indicator-words", "实现产值100亿元，水平、目标分别增长5%和6%。",
     [("100亿元", "产值"), ("5%", "水平、目标"), ("6%", "水平、目标")]),
    # ordinals and bare numerals are no names: the phrase stays whole
    ("ordinals-are-no-names", "第一、第二产业增加值分别增长3%和5%。",
     [("3%", "第一、第二产业增加值"), ("5%", "第一、第二产业增加值")]),
    ("numerals-are-no-names", "三和四季度GDP分别增长5%和6%。", [("5%", "三和四季度GDP"), ("6%", "三和四季度GDP")]),
    # the last name is head words only (利润总额): nothing to share with 投资
    ("last-name-all-heads", "投资、利润总额分别增长5%和6%。", [("5%", "投资"), ("6%", "利润总额")]),
    # a name that is one head word takes the heads of the last name (企业投资, 政府投资)
    ("a-name-that-is-one-head", "企业、政府投资分别增长5%和6%。", [("5%", "企业投资"), ("6%", "政府投资")]),
    # the own head (产业) is found at its first place in the last name, not at a later one
    ("own-head-at-its-first-place", "高新技术产业、战略性新兴产业产值占规上产业产值比重分别达到56.2%和49%。",
     [("56.2%", "高新技术产业产值占规上产业产值比重"), ("49%", "战略性新兴产业产值占规上产业产值比重")]),
    # a one-character name before the heads of the last (电投资): 水 takes them too
    ("one-character-before-the-heads", "水、电投资分别增长5%和6%。", [("5%", "水投资"), ("6%", "电投资")]),
]


@pytest.mark.parametrize("text, want", [c[1:] for c in RESPECTIVE_CASES], ids=[c[0] for c in RESPECTIVE_CASES])
def test_lists_after_fenbie(text, want):
    assert [(r["text"], r["indicator"]) for r in extract.engine.records(text)] == want


def test_a_loose_mixed_number_is_its_first_magnitude():
    """2亿5000 with nothing after is too loose to read: the magnitude 2亿 stands alone, money by its
    subject (投资), and no 'more than' (the 5000 is no 余/多)."""
    assert _read("全市投资2亿5000。") == [("2亿", 2e8, "eq", "actual", "投资", "money", "元", None, None)]


def test_the_unit_of_a_column_only_after_colons_and_spaces():
    """单位 then at most two separators (a colon, a space) before 亿元 is a column's unit (no figure);
    three are too many, and a letter between them is something else: 亿元 is then a figure."""
    assert _read("单位： 亿元") == []
    assert [r[0] for r in _read("单位：  亿元")] == ["亿元"]
    assert [r[0] for r in _read("单位X亿元")] == ["亿元"]


def test_an_ordinal_word_reaches_16_characters():
    """The words before a number are read 16 characters back: 第 with 15 spaces before 3个 makes
    it an ordinal, with 16 it is too far and 3个 is a count."""
    assert _read("排名第" + " " * 15 + "3个。") == []
    assert [r[0] for r in _read("排名第" + " " * 16 + "3个。")] == ["3个"]


def test_a_name_that_ends_with_zengsu_takes_it_once():
    """A list of rates after 分别 named after the figures before it adds 增速 to their names only where
    it is missing: here the joined 1000亿元 carries the name of the rate before it (规上工业总产值增速),
    and the first rate of the list takes that name as it is, not 规上工业总产值增速增速."""
    got = {r["text"]: r["indicator"] for r in extract.engine.records(
        "全市规上工业总产值1.2万亿元、增长5%和1000亿元，出口200亿元，分别增长8%和9%。")}
    assert (got["8%"], got["9%"]) == ("规上工业总产值增速", "出口增速")


def test_a_rate_with_its_own_change_at_the_very_start():
    """A list separator and a change word before the text's first figure join it to nothing."""
    assert [(r["text"], r["value"]) for r in extract.engine.records("、增长5%。")] == [("5%", 5.0)]


#: (id, text, the text with its years in Arabic digits): extract.normalize.arabic_years writes a year in
#: Chinese numerals (one numeral a digit, then 年) with Arabic digits, keeping the length. 〇, ○ and 零
#: each stand for zero; a text without any of them is passed by (so 一九九八年 stays), but where one
#: is present every such year is written, 1998 too. A numeral that is no year stays as it is.
CHINESE_NUMERAL_YEARS = [
    ("ling-circle", "到二〇二七年，全市新增企业300家。", "到2027年，全市新增企业300家。"),
    ("white-circle", "二○二五年前完成。", "2025年前完成。"),
    ("ling-character", "二零二五年全市经济平稳。", "2025年全市经济平稳。"),
    ("spaces-before-nian", "二〇二六 年", "2026 年"),
    ("no-zero-passed-by", "一九九八年建区。", "一九九八年建区。"),
    ("no-zero-written-beside-one", "二〇二六年和一九九八年", "2026年和1998年"),
    ("a-zero-in-an-amount", "全市投资二千○五十亿元。", "全市投资二千○五十亿元。"),
    ("no-nian-after", "编号二〇二六号", "编号二〇二六号"),
    ("nothing", "全年经济平稳。", "全年经济平稳。"),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CHINESE_NUMERAL_YEARS],
                         ids=[c[0] for c in CHINESE_NUMERAL_YEARS])
def test_years_in_chinese_numerals_are_written_in_digits(text, expected):
    from extract.normalize import arabic_years

    assert arabic_years(text) == expected and len(expected) == len(text)
