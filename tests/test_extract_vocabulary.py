"""Every word of the extractor's vocabulary, each in a template sentence (issue #12).

Each table of extract/vocab.py is exercised entry by entry: a sentence built from a template
around the word, and what FIGURES.md makes of it, written out here by hand (the factor of
千万, the qualifier of 不低于, the unit 平方千米 becomes ...). Deleting or misspelling an entry
changes what its sentence yields, so a test fails. The expected words are this file's own
lists, not vocab.py's: a completeness test checks that every entry of vocab.py has a case
here, so a word added there gets a sentence too.

Where an entry cannot change a sentence's reading on its own (another entry covers it, as 已
covers 已经), EQUIVALENT below says why. tests/mutation/vocab_deletion.py (run by `make mutate`)
deletes each entry in turn and checks that its case fails, or that EQUIVALENT explains it.
"""
import datetime as dt
import math

import pandas as pd
import pytest

import extract
from extract import vocab


def rows(text: str, date=None) -> list[dict]:
    out = []
    for r in extract.figures(text, doc="词表.txt", date=date).to_dict("records"):
        r = {k: (None if v is pd.NA or (isinstance(v, float) and math.isnan(v)) else v) for k, v in r.items()}
        out.append(r)
    return out


def one(text: str, date=None) -> dict:
    found = rows(text, date)
    assert len(found) == 1, (text, [(r["text"], r["value"]) for r in found])
    return found[0]


def covers(table, cases) -> None:
    """Every entry of a vocab table has a case (cases: the entries this file tests)."""
    missing = sorted(set(table) - set(cases))
    assert not missing, f"entries of vocab.py without a test sentence: {missing}"


# --- numbers: scale words ------------------------------------------------------------------------

SCALES = {"兆": 1e12, "万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8, "千万": 1e7, "百万": 1e6,
          "十万": 1e5, "万": 1e4, "千": 1e3, "百": 1e2}


@pytest.mark.parametrize("word", SCALES)
def test_scale_words(word):
    r = one(f"全市地区生产总值达到3{word}元。")
    assert (r["text"], r["value"], r["category"], r["unit"]) == (f"3{word}元", 3 * SCALES[word], "money", "元")


BARE_SCALES = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4}


@pytest.mark.parametrize("word", BARE_SCALES)
def test_bare_scales_before_yuan(word):
    """突破万亿元: an amount whose 一 is left out."""
    r = one(f"全市地区生产总值突破{word}元。")
    assert (r["text"], r["value"], r["category"], r["qualifier"]) == (f"{word}元", BARE_SCALES[word], "money", "ge")


BARE_OTHER_SCALES = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "千万": 1e7, "百万": 1e6}


#: A bare scale before a count of people (带动就业超百万人, 接待游客超亿人次), by hand; not a size
#: label (百万人口城市) or a phrase (千万人民群众).
BARE_PEOPLE = [
    ("纺织服装全产业链带动就业超百万人。", [("百万人", 1e6, "count", "人", "gt")]),
    ("全年接待游客超亿人次。", [("亿人次", 1e8, "count", "人次", "gt")]),
    ("建设百万人口城市。", []),
    ("惠及千万人民群众。", []),
    ("人均收入达到10万元，百万人均水平。", [("10万元", 1e5, "money", "元", "eq")]),
]


@pytest.mark.parametrize("text, expected", BARE_PEOPLE)
def test_bare_scales_before_a_count_of_people(text, expected):
    got = [(r["text"], r["value"], r["category"], r["unit"], r["qualifier"]) for r in rows(text)]
    assert got == expected


def test_units_that_start_with_a_scale_word_after_a_scale():
    """24.5萬千升 is 24.5万 of 千升 (a unit of its own), not 24.5万 × 千."""
    got = [(r["text"], r["value"], r["category"], r["unit"]) for r in rows("白酒產量達到24.5萬千升。")]
    assert got == [("24.5萬千升", 245000, "other", "千升")]


def test_an_ordinal_after_a_session_in_traditional_script():
    """十一屆十次全會: the session after 屆 is an ordinal, as after 届."""
    assert rows("全面落實自治區黨委十一屆十次全會部署要求。") == []
    assert rows("全面落实自治区党委十一届十次全会部署要求。") == []


@pytest.mark.parametrize("word", BARE_OTHER_SCALES)
def test_bare_scales_before_a_unit_of_measure(word):
    """新增千亿斤粮食产能: a bare scale before a unit of measure."""
    r = one(f"力争新增{word}吨粮食产能。")
    assert (r["text"], r["value"], r["category"], r["unit"]) == (f"{word}吨", BARE_OTHER_SCALES[word], "other", "吨")


def test_bare_wan_before_a_unit_is_no_figure():
    """万 alone is left out of BARE_OTHER_SCALES: 万吨级码头 names a size."""
    assert rows("建成万吨级码头。") == []


# --- units ---------------------------------------------------------------------------------------

CURRENCIES = {"元": "元", "元人民币": "元", "美元": "美元", "欧元": "欧元", "日元": "日元", "港元": "港元",
              "港币": "港元", "英镑": "英镑"}


@pytest.mark.parametrize("word", CURRENCIES)
def test_currencies(word):
    r = one(f"全年出口额达到300{word}。")
    assert (r["text"], r["value"], r["category"], r["unit"]) == (f"300{word}", 300, "money", CURRENCIES[word])


MEASURE_WORDS = (
    "家", "个", "项", "款", "张", "次", "架", "台", "辆", "人", "名", "座", "条", "所", "套", "件", "户", "方面",
    "批", "只", "头", "处", "栋", "幢", "间", "部", "位", "支", "根", "颗", "本", "篇", "场", "宗", "笔", "份",
    "例", "株", "棵", "艘", "列", "类", "种", "门", "组", "枚", "匹", "块", "片", "人次", "家次", "户次", "个次", "轮", "轮次",
    "幅", "箇",
)
#: The measure words written for another: 箇 is an old form of 个.
WRITTEN_FOR = {"箇": "个"}


@pytest.mark.parametrize("word", MEASURE_WORDS)
def test_measure_words(word):
    r = one(f"全市累计建成重点工程35{word}。")
    assert (r["text"], r["value"], r["category"], r["unit"]) == (f"35{word}", 35, "count", WRITTEN_FOR.get(word, word))


FALSE_UNITS = (
    "台阶", "台风", "条件", "条例", "所有", "所以", "部门", "部署", "部分", "门槛", "人民", "人才",
    "名单", "名称", "名片", "位于", "次要", "件事", "处理", "处于", "头部", "间隔", "场景", "场所",
    "种类", "类型", "组织", "组成", "批准", "批复", "款式", "份额", "例如", "本地", "本市", "本区",
    "片区", "块状", "户籍", "支持", "支撑", "根据", "笔者", "座谈", "只有", "只要", "元素", "项目",
    "幅度",
)


@pytest.mark.parametrize("word", FALSE_UNITS)
def test_words_that_begin_with_a_unit_are_no_unit(word):
    """迈上3万亿台阶: 3万亿 (a bare magnitude whose subject, 规模, is money), not 3万亿台."""
    r = one(f"全市经济规模3万亿{word}。")
    assert (r["text"], r["value"], r["category"], r["unit"]) == ("3万亿", 3e12, "money", "元")


OTHER_UNITS = {
    "吨标准煤": "吨标准煤", "吨标煤": "吨标准煤", "吨": "吨", "千瓦时": "千瓦时", "兆瓦时": "兆瓦时", "千瓦": "千瓦", "兆瓦": "兆瓦",
    "吉瓦": "吉瓦", "千伏": "千伏", "千升": "千升", "公斤": "公斤", "千克": "千克", "斤": "斤", "TEU": "TEU", "标箱": "标箱",
    "标准箱": "标准箱", "平方公里": "平方公里", "平方千米": "平方公里", "平方米": "平方米", "立方米": "立方米",
    "公里": "公里", "千米": "公里", "亩": "亩", "公顷": "公顷", "微克/立方米": "微克/立方米",
    "毫克/立方米": "毫克/立方米", "GW": "GW", "MW": "MW", "kWh": "kWh", "GWh": "GWh", "MWh": "MWh", "Gbps": "Gbps", "Mbps": "Mbps",
    "EFLOPS": "EFLOPS", "EFlops": "EFLOPS", "PFLOPS": "PFLOPS", "PFlops": "PFLOPS", "TFLOPS": "TFLOPS",
    "TFlops": "TFLOPS", "℃": "℃", "摄氏度": "℃", "岁": "岁",
}


@pytest.mark.parametrize("word", OTHER_UNITS)
def test_other_units(word):
    r = one(f"全年年均规模达到120{word}。")
    assert (r["text"], r["value"], r["category"], r["unit"]) == (f"120{word}", 120, "other", OTHER_UNITS[word])


RATE_UNITS = {"%": ("percent", "%"), "％": ("percent", "%"), "个百分点": ("pp", "个百分点"),
              "百分点": ("pp", "个百分点"), "个点": ("pp", "个百分点"), "倍": ("multiple", "倍"),
              "‰": ("percent", "%"), "℅": ("percent", "%")}
#: 2.5 of each unit in the unit it is written in: 2.5‰ is 0.25%.
RATE_VALUES = {"‰": 0.25}


@pytest.mark.parametrize("word", RATE_UNITS)
def test_percent_point_and_multiple_units(word):
    r = one(f"研发投入同比提高2.5{word}。")
    assert (r["text"], r["value"], (r["category"], r["unit"])) == (f"2.5{word}", RATE_VALUES.get(word, 2.5),
                                                                    RATE_UNITS[word])


# --- qualifiers ------------------------------------------------------------------------------------

QUALIFIERS_BEFORE = {
    "突破": "ge", "破": "ge", "跌破": "lt", "不低于": "ge", "不少于": "ge", "至少": "ge", "超过": "gt", "超": "gt", "逾": "gt", "高于": "gt",
    "多于": "gt", "不超过": "le", "不高于": "le", "最多": "le", "不到": "lt", "不足": "lt", "低于": "lt",
    "少于": "lt", "将近": "lt", "接近": "lt", "近": "lt", "约": "approx", "大约": "approx", "近似": "approx",
}


@pytest.mark.parametrize("word", QUALIFIERS_BEFORE)
def test_qualifiers_before(word):
    r = one(f"全市高新技术企业{word}3000家。")
    assert (r["text"], r["value"], r["qualifier"]) == ("3000家", 3000, QUALIFIERS_BEFORE[word])


QUALIFIERS_AFTER = {"以上": "ge", "及以上": "ge", "以下": "lt", "以内": "le", "之内": "le", "左右": "approx",
                    "上下": "approx"}


@pytest.mark.parametrize("word", QUALIFIERS_AFTER)
def test_qualifiers_after(word):
    r = one(f"全市高新技术企业数量3000家{word}。")
    assert (r["text"], r["value"], r["qualifier"]) == ("3000家", 3000, QUALIFIERS_AFTER[word])


@pytest.mark.parametrize("word", ["余", "多"])
def test_qualifiers_between_number_and_unit(word):
    r = one(f"全市高新技术企业数量1500{word}家。")
    assert (r["text"], r["value"], r["qualifier"]) == (f"1500{word}家", 1500, "gt")


PER_AMOUNT_FOLLOWERS = ("GDP", "地区生产总值", "生产总值", "产值", "工业增加值", "增加值", "营收", "收入")


@pytest.mark.parametrize("word", PER_AMOUNT_FOLLOWERS)
def test_yuan_of_intensity_is_no_amount(word):
    """万元GDP能耗: 万元 is a unit of intensity; only the 3% is a figure."""
    r = one(f"全市万元{word}能耗同比下降3%。")
    assert (r["text"], r["value"]) == ("3%", -3)


# --- ranges and lists -----------------------------------------------------------------------------

RANGE_SEPARATORS = ("至", "到", "-", "—", "–", "~", "～", "〜", "－", "——")


@pytest.mark.parametrize("sep", RANGE_SEPARATORS)
def test_range_separators(sep):
    r = one(f"每年新建5{sep}8个。")
    assert (r["text"], r["value"], r["value_max"], r["unit"]) == (f"5{sep}8个", 5, 8, "个")


LIST_SEPARATORS = ("、", "和", "与", "與", "及")


@pytest.mark.parametrize("sep", LIST_SEPARATORS)
def test_list_separators(sep):
    found = rows(f"两项指标分别收窄6.9{sep}1.4个百分点。")
    assert [(r["text"], r["value"], r["category"]) for r in found] == [("6.9", 6.9, "pp"), ("1.4个百分点", 1.4, "pp")]


# --- sign ----------------------------------------------------------------------------------------

DECREASE_WORDS = ("下降", "减少", "降低", "回落", "负增长", "收缩", "下滑", "缩减", "减", "减产", "减收", "降")


@pytest.mark.parametrize("word", DECREASE_WORDS)
def test_decrease_words(word):
    r = one(f"全市能耗同比{word}3.2%。")
    assert (r["text"], r["value"]) == ("3.2%", -3.2)


def test_a_level_reached_after_jiang_stays_positive():
    """降至17.2% is where it went, not a fall (FIGURES.md), though 降 alone is a fall (每年降0.5%)."""
    assert [(r["text"], r["value"]) for r in extract.engine.records("发病率每年降0.5%以上，降至17.2%。")] == [
        ("0.5%", -0.5), ("17.2%", 17.2)]


PLAN_DOCUMENT_WORDS = ("实施方案", "行动方案", "工作方案", "行动计划", "若干措施", "政策措施", "工作要点",
                       "实施意见", "专项规划", "发展规划", "投资计划", "建设计划", "工作计划")


@pytest.mark.parametrize("word", PLAN_DOCUMENT_WORDS)
def test_plan_documents(word):
    r = one(f"关于印发《全市促进消费{word}》的通知\n整合3000万元资金用于发放消费券。")
    assert (r["text"], r["kind"]) == ("3000万元", "target")


SHARE_WORDS = ("占", "比重", "份额", "比例")


@pytest.mark.parametrize("word", SHARE_WORDS)
def test_share_words_before_a_slash_fraction(word):
    """占全国粮食总量1/9: a fraction after a word of a share is that share, in percent (100/9)."""
    r = one(f"该市粮食总产量{word}达到1/9。")
    assert (r["text"], r["category"], r["unit"]) == ("1/9", "percent", "%")
    assert math.isclose(r["value"], 100 / 9, rel_tol=1e-12)


COMPUTE_LETTER_UNITS = {"P": "PFLOPS", "E": "EFLOPS"}
COMPUTE_WORDS = ("算力",)


@pytest.mark.parametrize("letter", COMPUTE_LETTER_UNITS)
def test_computing_power_letters(letter):
    r = one(f"全市智能算力规模达到300{letter}。")
    assert (r["text"], r["value"], r["category"], r["unit"]) == (f"300{letter}", 300, "other",
                                                                 COMPUTE_LETTER_UNITS[letter])


BY_MEANS_WORDS = ("以", "凭借", "凭")


@pytest.mark.parametrize("word", BY_MEANS_WORDS)
def test_a_measure_named_after_an_amount_it_ranks_by(word):
    """昆山市以5615.34亿元的GDP一骑绝尘: the amount is the GDP (the words after it are what it did)."""
    assert one(f"从数据来看，昆山市{word}5615.34亿元的GDP一骑绝尘。")["indicator"] == "GDP"


CONVERSION_WORDS = ("计算为", "折算为", "折算成", "折合", "约合")


@pytest.mark.parametrize("word", CONVERSION_WORDS)
def test_a_figure_restated_in_another_currency_measures_the_same(word):
    found = rows(f"人均地区生产总值73232元，按平均汇率{word}10283美元。")
    assert [(r["text"], r["indicator"]) for r in found] == [("73232元", "人均地区生产总值"),
                                                            ("10283美元", "人均地区生产总值")]


TABLE_TARGET_COLUMNS = ("目标", "计划", "预期值")
TABLE_ACTUAL_COLUMNS = ("完成", "实际", "实绩")


@pytest.mark.parametrize("word", TABLE_TARGET_COLUMNS + TABLE_ACTUAL_COLUMNS)
def test_columns_of_goals_and_of_results(word):
    """指标名称 / 属性 / 全年{word}, one cell a line: the column's figures are goals or results."""
    found = rows(f"表一  2025年主要指标\n指标名称\n属性\n全年{word}\n全市生产总值\n预期性\n增长5%左右\n", "2026-02-12")
    want = ("target", 2025) if word in TABLE_TARGET_COLUMNS else ("actual", None)
    assert [(r["text"], r["kind"], r["deadline"], r["indicator"]) for r in found] == [("5%", *want, "全市生产总值")]


WORK_PLAN_HEADING_WORDS = ("工作安排", "重点工作", "主要工作", "重点任务", "主要任务", "工作打算", "工作部署",
                           "目标任务", "工作思路", "工作计划", "工作任务", "总体要求")


@pytest.mark.parametrize("word", WORK_PLAN_HEADING_WORDS)
def test_headings_over_a_years_work(word):
    r = one(f"二、2025年{word}\n城镇新增就业12万人。", date="2025-01-20")
    assert (r["text"], r["kind"], r["deadline"]) == ("12万人", "target", 2025)


REPORT_CUES = ("提出", "明确", "要求", "确定了", "确定", "设定", "部署")


@pytest.mark.parametrize("word", REPORT_CUES)
def test_verbs_that_report_a_plan(word):
    """'该方案提出，到2027年…': what a plan set out is a target, in the past tense of the news too."""
    r = one(f"该方案{word}，到2027年全市新增企业300家。", date="2025-03-01")
    assert (r["text"], r["kind"], r["deadline"]) == ("300家", "target", 2027)


GOAL_SETTING_CUES = ("确定", "设定")


@pytest.mark.parametrize("word", GOAL_SETTING_CUES)
def test_verbs_that_only_set_goals(word):
    """'会议确定2008年全市实现…', read a year later: the goal set for 2008, not its result; a verb that
    also reports (提出) leaves a year already over to the result."""
    found = rows(f"本次会议{word}2008年全市实现地区生产总值970亿元，增长15%。", "2009-04-30")
    assert [(r["text"], r["kind"], r["deadline"]) for r in found] == [("970亿元", "target", 2008), ("15%", "target", 2008)]
    found = rows("本次会议提出，2008年全市实现地区生产总值970亿元。", "2009-04-30")
    assert [(r["text"], r["kind"], r["deadline"]) for r in found] == [("970亿元", "actual", None)]


TARGET_SECTION_HEADING_WORDS = ("年度目标", "工作目标", "重点目标")


@pytest.mark.parametrize("word", TARGET_SECTION_HEADING_WORDS)
def test_section_words_of_headings(word):
    """They open a section of goals at a heading's end, and none inside a sentence."""
    r = one(f"一、2025年{word}\n城镇新增就业12万人。", date="2025-02-20")
    assert (r["text"], r["kind"], r["deadline"]) == ("12万人", "target", 2025)
    found = rows(f"城镇新增就业12万人，完成{word}的80%。\n城镇新增就业11万人。", "2025-02-20")
    assert (found[-1]["text"], found[-1]["kind"]) == ("11万人", "actual")


PLAN_NAME_REVIEW_WORDS = ("总结", "工作情况", "完成情况", "执行情况", "回顾")


@pytest.mark.parametrize("word", PLAN_NAME_REVIEW_WORDS)
def test_a_review_before_a_plan_in_a_title(word):
    """A title that reviews a year before it plans the next is no plan from its top."""
    r = one(f"某区2025年{word}及2026年工作计划\n全年新增企业243家。")
    assert (r["text"], r["kind"], r["deadline"]) == ("243家", "actual", None)
    r = one("某区2026年工作计划\n全年新增企业243家。")
    assert (r["text"], r["kind"], r["deadline"]) == ("243家", "target", 2026)


SECTION_REVIEW_FOLLOWERS = ("的完成", "完成", "的实现", "实现", "进展", "执行情况", "落实情况")


@pytest.mark.parametrize("word", SECTION_REVIEW_FOLLOWERS)
def test_a_report_on_the_goals_opens_no_section(word):
    """'2025年主要目标的完成，标志着…': the figures after it are what was done."""
    r = one(f"2025年主要目标{word}，标志着收官。全市地区生产总值增长6.3%。", date="2026-01-31")
    assert (r["kind"], r["deadline"]) == ("actual", None)


WORK_REVIEW_WORDS = ("进展", "完成情况", "落实情况", "执行情况")


@pytest.mark.parametrize("word", WORK_REVIEW_WORDS)
def test_a_report_on_a_years_work_is_no_plan(word):
    r = one(f"二、2025年重点工作{word}\n城镇新增就业12万人。", date="2025-09-20")
    assert (r["text"], r["kind"], r["deadline"]) == ("12万人", "actual", None)


EMPTY_NAMES = ("平均", "净")


@pytest.mark.parametrize("word", EMPTY_NAMES)
def test_words_that_alone_name_nothing(word):
    found = rows(f"年末全市常住人口2690万人，比上年末{word}增加13万人。")
    assert [(r["text"], r["indicator"]) for r in found] == [("2690万人", "常住人口"), ("13万人", "常住人口增量")]


COMPARED_WITH_WORDS = ("高于", "低于", "快于", "慢于", "领先", "落后于", "落后")


@pytest.mark.parametrize("word", COMPARED_WITH_WORDS)
def test_a_comparison_with_a_wider_place_names_nothing(word):
    found = rows(f"全市地区生产总值增长5%，{word}全国0.6个百分点。")
    assert [(r["text"], r["indicator"]) for r in found] == [("5%", "地区生产总值"), ("0.6个百分点", "地区生产总值")]


MULTIPLE_OF_WORDS = ("为", "是", "相当于", "达到", "达")


@pytest.mark.parametrize("word", MULTIPLE_OF_WORDS)
def test_the_base_a_multiple_is_of_is_no_part_of_the_name(word):
    r = one(f"全市营收{word}上年同期的1.2倍。")
    assert (r["text"], r["indicator"]) == ("1.2倍", "营收")


@pytest.mark.parametrize("word", ["至", "到", "为"])
def test_a_level_reached_after_a_decrease_word_stays_positive(word):
    r = one(f"全市城镇登记失业率下降{word}3.2%。")
    assert (r["text"], r["value"]) == ("3.2%", 3.2)


# --- what is not a figure ----------------------------------------------------------------------------

PAGE_COUNTERS = ("浏览次数", "浏览量", "阅读量", "阅读次数", "阅读数", "点击量", "点击数", "点击次数", "访问量",
                 "访问次数", "评论数", "点赞数", "浏览")


@pytest.mark.parametrize("word", PAGE_COUNTERS)
def test_page_counters(word):
    assert rows(f"发布时间：2024年 {word}：3561次") == []


@pytest.mark.parametrize("text", ["全省排名第4家。", "十四届三中全会部署了12次专项行动，届12次会议。"],
                         ids=["di", "jie"])
def test_ordinal_prefixes(text):
    assert [r["text"] for r in rows(text)] == ([] if "届" not in text else ["12次"])


DURATION_AFTER_GE = ("月", "小时", "工作日", "季度", "星期", "礼拜", "年头", "钟头")


@pytest.mark.parametrize("word", DURATION_AFTER_GE)
def test_durations_after_ge(word):
    assert rows(f"全市工业增长已连续36个{word}。") == []


RANK_PREFIXES = ("前", "排名", "位列", "位居", "上升", "下降", "前移", "后移", "提升")


@pytest.mark.parametrize("prefix", RANK_PREFIXES)
@pytest.mark.parametrize("unit", ["名", "位", "强"])
def test_ranks(prefix, unit):
    assert rows(f"全市综合实力{prefix}10{unit}。") == []


# --- kind ----------------------------------------------------------------------------------------

#: Each target cue as a sentence may write it (the regex cues with a sample that they match).
TARGET_CUES = {
    "力争": "力争", "争取": "争取", "目标": "目标", "确保": "确保", "计划": "计划", "规划": "规划",
    "预计": "预计", "将": "将", "要": "要", "拟": "拟", "力求": "力求", "努力": "努力", "每年": "每年",
    "下一步": "下一步", "未来": "未来", "加快构建": "加快构建", "加快形成": "加快形成", "打造": "打造", "冲刺": "冲刺", "有望": "有望",
    "用\\d+年": "用3年", "用[一二两三四五六七八九十]+年": "用三年", "到20\\d\\d年": "到2027年",
    "至20\\d\\d年": "至2027年", "20\\d\\d年前": "2027年前", "十四五": "十四五", "十五五": "十五五",
    "着力": "着力", "预期": "预期", "期末": "期末",
}
#: Cues that also state a horizon (a deadline makes a target by itself): they are tested after
#: the figure, where they are a cue of kind but no deadline.
HORIZON_CUES = ("用\\d+年", "用[一二两三四五六七八九十]+年", "到20\\d\\d年", "至20\\d\\d年", "20\\d\\d年前",
                "十四五", "十五五", "每年")


@pytest.mark.parametrize("cue", [c for c in TARGET_CUES if c not in HORIZON_CUES])
def test_target_cues(cue):
    """A cue of kind before the figure in its clause makes a target; with none, a sentence without
    a horizon states what was done (an actual)."""
    assert one(f"{TARGET_CUES[cue]}高新技术企业数量达到3000家。")["kind"] == "target"


@pytest.mark.parametrize("cue", HORIZON_CUES)
def test_target_cues_that_state_a_horizon(cue):
    """The first cue after the figure in its own clause decides when none stands before it."""
    r = one(f"高新技术企业数量达到3000家{TARGET_CUES[cue]}完工。")
    assert (r["kind"], r["deadline"]) == ("target", None)


ACTUAL_CUES = {
    "已": "已", "截至": "截至", "截止": "截止", "同比": "同比", "拥有": "拥有", "目前": "目前", "现有": "现有",
    "共有": "共有", "以来": "以来", "实现了": "实现了", "达到了": "达到了", "去年": "去年", "上年": "上年",
    "20\\d\\d年(?:全年)?(?:实现|完成|全市|全省|全区)": "2023年全年实现",
    next(c for c in vocab.ACTUAL_CUES if c.endswith("]+月")): "1-4月",
    "前三季度": "前三季度", "上半年": "上半年", "年初以来": "年初以来", "稳步提升至": "稳步提升至",
    "已经": "已经",
}


@pytest.mark.parametrize("cue", ACTUAL_CUES)
def test_actual_cues(cue):
    """An actual cue in the figure's own clause wins over the target cue (计划) of the clause before;
    with none, that earlier cue would make the figure a target."""
    r = one(f"计划如下，{ACTUAL_CUES[cue]}高新技术企业数量达到3000家。")
    assert (r["kind"], r["deadline"]) == ("actual", None)


def test_the_clause_before_decides_without_a_cue_of_its_own():
    assert one("计划如下，高新技术企业数量达到3000家。")["kind"] == "target"


ACTUAL_OVERRIDES = {"预计数": "规上工业总产值预计数为3000亿元。", "计划完成率": "技改项目计划完成率为103%。",
                    vocab.ACTUAL_OVERRIDES[2]: "技改投资完成年度计划的76.3%。"}


@pytest.mark.parametrize("cue", ACTUAL_OVERRIDES)
def test_actual_overrides_of_a_target_cue(cue):
    assert one(ACTUAL_OVERRIDES[cue])["kind"] == "actual"


#: The end of the document's year as a horizon (年底前, 到今年年底), by hand: (text, date, kind, deadline).
YEAR_END_HORIZONS = [
    ("《方案》提出，今年年底前，全市5G基站数量达到1900个。", "2021-10-29", "target", 2021),
    ("到今年年底，全市5G基站达到1900个。", "2021-10-29", "target", 2021),
    ("今年底前全市5G基站达到1900个。", "2021-10-29", "target", 2021),
    ("年底前，全市5G基站达到1900个。", "2021-10-29", "target", 2021),
    ("到年底，全市5G基站达到1900个。", "2021-10-29", "target", 2021),
    ("2025年年底前，全市5G基站达到3000个。", "2021-10-29", "target", 2025),
    ("截至今年年底，全市已建成5G基站1900个。", "2021-12-29", "actual", None),
    ("全市兜底保障人口3000人。", "2021-10-29", "actual", None),
]


@pytest.mark.parametrize("text, date, kind, due", YEAR_END_HORIZONS)
def test_the_end_of_the_year_is_a_horizon(text, date, kind, due):
    r = one(text, date)
    assert (r["kind"], r["deadline"]) == (kind, due)


#: The forms the share-of-a-plan override takes, and a plan's own figure that is none, by hand.
OVERRIDE_FORMS = [
    ("技改投资完成1-4月投资计划的132.1%。", "actual"),
    ("省重大项目投资超年度计划目标13.9%。", "actual"),
    ("技改投资完成上半年目标的55%。", "actual"),
    ("技改投资超过全年计划10%。", "actual"),
    ("力争超年度计划目标10%。", "target"),
    ("全年计划完成投资98.5亿元。", "target"),
    # a result compared with its goal, also one a government set (下达)
    ("地区生产总值增速低于目标0.9个百分点。", "actual"),
    ("工业增加值增速高于市政府下达目标4个百分点。", "actual"),
    ("工业投资完成市政府下达全年目标的59.2%。", "actual"),
    ("出口增速快于年度目标2个百分点。", "actual"),
    ("进口增速慢于目标3个百分点。", "actual"),
    ("3项指标未达预期目标。", "actual"),
    ("2项指标未完成年度目标。", "actual"),
    ("另有1项指标未达到目标。", "actual"),
    ("力争增速高于目标1个百分点。", "target"),
]


@pytest.mark.parametrize("text, kind", OVERRIDE_FORMS)
def test_the_forms_of_a_share_of_a_plan_reached(text, kind):
    assert one(text)["kind"] == kind


def test_months_so_far_after_a_plans_clause_are_actual():
    """1-4月 (a range of months, with - as well as 至) in the figure's own clause dates what was done."""
    found = rows("项目全年计划完成投资98.5亿元，1-4月累计完成投资21.01亿元。", "2025-05-16")
    assert [(r["text"], r["kind"]) for r in found] == [("98.5亿元", "target"), ("21.01亿元", "actual")]


ACTUAL_WEAK_CUES = ("完成", "建成", "获批", "获", "入选", "成功", "比上年", "较上年")
#: 获批 is covered by 获 (a prefix of it).


def test_a_change_from_last_year_follows_a_goals_cue_before_it():
    """力争全年…比上年增长5%: the goal's; the same change with no cue before it is a result."""
    assert one("力争全年地区生产总值比上年增长5%。", date="2026-03-05")["kind"] == "target"
    assert one("全年地区生产总值较上年增长5.2%。", date="2026-03-05")["kind"] == "actual"


@pytest.mark.parametrize("cue", ACTUAL_WEAK_CUES)
def test_weak_actual_cues(cue):
    """三年内 states a horizon (a figure with no cue is then a target); a verb of achievement with no
    target cue before it makes the figure an actual."""
    r = one(f"三年内，高新技术企业{cue}3000家。", date="2024-03-01")
    assert (r["kind"], r["deadline"]) == ("actual", None)


def test_weak_actual_cue_after_a_target_cue_follows_it():
    assert one("三年内，力争建成3000家。", date="2024-03-01")["kind"] == "target"


#: Words that hold a cue but are none, and the reading they must keep.
NOT_CUES = {
    "重要": ("全市重要高新技术企业3000家。", "actual"), "主要": ("全市主要高新技术企业3000家。", "actual"),
    "需要": ("全市需要高新技术企业3000家。", "actual"), "要素": ("全市要素市场主体3000家。", "actual"),
    "纲要": ("全市纲要项目3000个。", "actual"), "摘要": ("全市摘要项目3000个。", "actual"),
    "将近": ("全市高新技术企业将近3000家。", "actual"), "即将": ("全市即将投产项目3000个。", "actual"),
    "完成度": ("三年内，完成度较高的项目3000个。", "target"),
    "获得感": ("三年内，获得感强的项目3000个。", "target"),
    "推动力": ("全市新旧动能转换推动力求突破项目3000个。", "actual"),   # not 力求
    "目标任务": ("全市目标任务项目3000个。", "actual"),
    "拥有量": ("到2025年，每万人口发明专利拥有量达到15件。", "target"),
    "拥有率": ("到2025年，家庭汽车拥有率达到40%。", "target"),
    "共有产权": ("到2025年，筹集共有产权住房1万套。", "target"),
    "预期寿命": ("全市人均预期寿命达到79岁。", "actual"),
    "未来社区": ("全市建成未来社区120个。", "actual"),
    "未来工厂": ("全市认定未来工厂15家。", "actual"),
    "未来乡村": ("全市创建未来乡村30个。", "actual"),
    "期末余额": ("全市贷款期末余额1.2万亿元。", "actual"),
    "人拥有": ("到2025年，每千人拥有社会体育指导员3.25名。", "target"),
    "人口拥有": ("到2025年，每千人口拥有执业医师3.2人。", "target"),
    "户拥有": ("到2025年，每百户拥有汽车40辆。", "target"),
    "较去年": ("今年全县经济预期增速加快，较去年增加1个百分点。", "target"),
    "比去年": ("今年全县经济预期增速加快，比去年提高1个百分点。", "target"),
    "上年基础": ("到2027年，城乡居民收入在上年基础上增长6%。", "target"),
    "上年的基础": ("到2027年，城乡居民收入在上年的基础上增长6%。", "target"),
    "超预期": ("全市超预期完成固定资产投资35.93亿元。", "actual"),
    "好于预期": ("全市投资好于预期，完成35.93亿元。", "actual"),
    "高于预期": ("全市投资高于预期，完成35.93亿元。", "actual"),
    "超出预期": ("全市投资超出预期，完成35.93亿元。", "actual"),
}


@pytest.mark.parametrize("word", NOT_CUES)
def test_words_that_are_not_cues(word):
    text, expected = NOT_CUES[word]
    assert one(text, date="2024-03-01")["kind"] == expected


def test_an_estimate_of_the_documents_own_year_named_before_it_looks_ahead():
    """'2024年，贵州将…预计全省地区生产总值增长5.5%左右' in January 2024: this year's, a goal."""
    r = one("2024年，贵州将继续奋力推进，预计全省地区生产总值增长5.5%左右。", date=dt.date(2024, 1, 24))
    assert (r["kind"], r["deadline"]) == ("target", 2024)


def test_an_estimate_early_in_a_year_is_of_the_year_just_ended():
    """预计 in a report of January to March with no horizon estimates the year just ended."""
    for month, expected in [(1, "actual"), (2, "actual"), (3, "actual"), (4, "target"), (12, "target")]:
        got = one("预计全市地区生产总值达到3000亿元。", date=dt.date(2024, month, 15))["kind"]
        assert got == expected, month


# --- deadlines: plan periods and the relative-horizon cut-off ----------------------------------------

PLAN_PERIODS = {"十三五": 2020, "十四五": 2025, "十五五": 2030}


@pytest.mark.parametrize("plan", PLAN_PERIODS)
def test_plan_periods(plan):
    r = one(f"“{plan}”期间，力争高新技术企业达到3000家。", date="2019-03-01")
    assert (r["kind"], r["deadline"]) == ("target", PLAN_PERIODS[plan])


# 用3年时间 counts the document's own year when it is from the first half (January to June), and
# starts with the next year otherwise: (document date, deadline). The cut-off on each side.
HORIZON_CUTOFF = [
    ("2024-01-01", 2026), ("2024-06-30", 2026), ("2024-07-01", 2027), ("2024-09-30", 2027), ("2024-12-31", 2027),
]


@pytest.mark.parametrize("date, due", HORIZON_CUTOFF, ids=[c[0] for c in HORIZON_CUTOFF])
def test_relative_horizon_month_cutoff(date, due):
    assert one("用3年时间，新增高新技术企业1000家。", date=date)["deadline"] == due


# --- indicator heads --------------------------------------------------------------------------------

INDICATOR_HEADS = (
    "企业", "项目", "园区", "集群", "产业", "产业链", "平台", "工厂", "车间", "基地", "中心", "机构",
    "单位", "股东", "领域", "场景", "零部件", "产品", "专班", "活动", "举措", "图表", "基站", "机架",
    "产业群", "人才", "岗位", "学校", "医院", "资金", "用户", "专利", "标准", "品牌", "案例", "节点", "工程",
    "产值", "总值", "增加值", "收入", "投资", "税收", "利润", "总额", "总量", "规模", "比重", "增速",
)


@pytest.mark.parametrize("head", INDICATOR_HEADS)
def test_indicator_heads_cut_a_long_phrase(head):
    """A long phrase after a figure is cut after its first head word: 50个智能制造示范园区加快推进建设
    measures 智能制造示范园区."""
    r = one(f"全市新增50个智能制造示范{head}加快推进建设。")
    assert r["indicator"] == f"智能制造示范{head}"


# --- money subjects --------------------------------------------------------------------------------

MONEY_SUBJECTS = (
    "产值", "GDP", "生产总值", "经济总量", "投资", "收入", "税收", "增加值", "营收", "营业",
    "销售", "利润", "总额", "资金", "融资", "存款", "贷款", "消费", "出口", "进口", "外贸",
    "财政", "预算", "金额", "规模", "成交", "基金", "资产", "社会消费品零售",
)
#: 生产总值 holds 产值 and 社会消费品零售 holds 消费: those entries are covered by the shorter ones.


@pytest.mark.parametrize("word", MONEY_SUBJECTS)
def test_money_subjects(word):
    """A bare 万/亿 magnitude after a money subject is money (FIGURES.md)."""
    r = one(f"全市{word}达到5万亿。")
    assert (r["text"], r["value"], r["category"], r["unit"]) == ("5万亿", 5e12, "money", "元")


def test_a_bare_magnitude_of_a_counted_subject_is_a_count():
    r = one("全市注册用户累计达到5万亿。")
    assert (r["category"], r["unit"]) == ("count", "")


# --- regions ---------------------------------------------------------------------------------------

CITIES = (
    "南京", "无锡", "徐州", "常州", "苏州", "南通", "连云港", "淮安", "盐城", "扬州", "镇江",
    "泰州", "宿迁", "昆山", "江阴", "宜兴", "常熟", "张家港", "太仓", "上海", "北京", "杭州",
    "深圳", "广州", "宁波", "合肥", "成都", "重庆", "天津", "武汉", "西安", "郑州", "济南", "青岛",
)


@pytest.mark.parametrize("city", CITIES)
@pytest.mark.parametrize("form", ["full", "short-subject"])
def test_region_names(city, form):
    name = city + "市" if form == "full" else city
    r = one(f"{name}地区生产总值达到3000亿元。")
    assert r["region"] == city + "市"


REGION_SUBJECT_FOLLOWERS = (
    "是", "已", "将", "全", "共", "实现", "新增", "的", "在", "要", "还", "正", "拥有", "累计",
    "GDP", "地区", "经济", "工业", "规上", "市", "作为", "坚持", "聚焦", "加快", "推动", "今年",
    "去年", "力争", "目前", "以", "把", "对", "为",
)
#: 市 is covered by the full names (苏州市 is a region name of its own).


@pytest.mark.parametrize("word", [w for w in REGION_SUBJECT_FOLLOWERS if w != "市"])
def test_a_short_name_is_a_region_as_a_subject(word):
    """The document is about 无锡市 (named first); 苏州 as the subject of its sentence is 苏州市."""
    r = one(f"无锡市发布。\n苏州{word}高新技术企业数量3000家。")
    assert r["region"] == "苏州市"


def test_a_short_name_inside_a_name_is_no_region():
    assert one("无锡市发布。\n苏州纳米所高新技术企业数量3000家。")["region"] == "无锡市"


@pytest.mark.parametrize("word", ["我市", "全市", "本市"])
def test_own_region_words(word):
    """全市 speaks of the document's city (苏州市, named most), even after another city in the sentence."""
    r = one(f"苏州市、苏州市。\n昆山市消息，{word}地区生产总值达到3000亿元。")
    assert r["region"] == "苏州市"


def test_a_short_name_in_the_text_is_the_documents_region():
    assert one("全市新增企业300家，南京经济稳步发展。")["region"] == "南京市"


REGION_NAME_PARTS = ("路", "街", "大道", "大街", "证券", "日报", "晚报", "报社", "银行", "大学", "交大", "学院",
                     "机场", "火车站", "站", "港")


@pytest.mark.parametrize("part", REGION_NAME_PARTS)
def test_a_short_name_inside_another_name_is_no_region(part):
    assert one(f"全市新增企业300家，位于南京{part}。")["region"] is None


VENUE_WORDS = ("开幕", "召开", "举行", "举办", "闭幕")


@pytest.mark.parametrize("word", VENUE_WORDS)
def test_a_venue_is_no_region(word):
    assert one(f"会议在南京{word}。全市新增企业300家。")["region"] is None


@pytest.mark.parametrize("before, want", [("位于南京路", "苏州市"), ("会议在西安开幕", "苏州市"), ("位于南京市路", "南京市")])
def test_a_mention_after_a_skipped_one_still_counts(before, want):
    """A skipped mention passes over to the next one; a full name counts even before a name part
    (and wins the tie with 苏州 by coming first)."""
    assert one(f"全市新增企业300家。{before}。苏州经济稳步发展。")["region"] == want


#: (table, entry) -> why deleting the entry alone changes no reading: an equivalent entry.
#: tests/mutation/vocab_deletion.py accepts exactly these survivors.
EQUIVALENT = {
    ("SCALES", "万亿"): "万 then 亿 compose to the same factor (scale × scale2 = 1e12)",
    ("SCALES", "千亿"): "千 then 亿 compose to 1e11",
    ("SCALES", "百亿"): "百 then 亿 compose to 1e10",
    ("SCALES", "千万"): "千 then 万 compose to 1e7 (a wrong factor in the entry is still caught: the longest entry wins)",
    ("SCALES", "百万"): "百 then 万 compose to 1e6",
    ("QUALIFIERS_BEFORE", "将近"): "近 (lt) ends it",
    ("QUALIFIERS_BEFORE", "接近"): "近 (lt) ends it",
    ("QUALIFIERS_BEFORE", "大约"): "约 (approx) ends it",
    ("QUALIFIERS_INFIX", "余"): "the table is not read: patterns.FIGURE writes the infix [余多餘] itself",
    ("QUALIFIERS_INFIX", "多"): "the table is not read: patterns.FIGURE writes the infix [余多餘] itself",
    ("DECREASE_WORDS", "缩减"): "减 ends it",
    ("LEVEL_MARKERS", "至"): "the table is not read: a decrease word followed by 至/到/为 fails classify._DECREASE's end anchor",
    ("LEVEL_MARKERS", "到"): "the table is not read (as 至)",
    ("LEVEL_MARKERS", "为"): "the table is not read (as 至)",
    ("RANK_UNITS", "强"): "强 is no measure word: 前10强 is no figure with or without the rank rule",
    ("ACTUAL_CUES", "年初以来"): "以来 ends it",
    ("ACTUAL_CUES", "已经"): "已 starts it",
    ("ACTUAL_CUES", "比上年"): "上年 ends it",
    ("ACTUAL_CUES", "较上年"): "上年 ends it",
    ("ACTUAL_WEAK_CUES", "获批"): "获 starts it",
    ("MONEY_SUBJECTS", "社会消费品零售"): "消费 is inside it",
    ("REGION_SUBJECT_FOLLOWERS", "市"): "苏州市 is a full region name of its own",
}


# --- every entry of vocab.py has its case --------------------------------------------------------

TABLES = [
    ("SCALES", vocab.SCALES, SCALES), ("BARE_SCALES", vocab.BARE_SCALES, BARE_SCALES),
    ("BARE_OTHER_SCALES", vocab.BARE_OTHER_SCALES, BARE_OTHER_SCALES),
    ("CURRENCIES", vocab.CURRENCIES, CURRENCIES), ("MEASURE_WORDS", vocab.MEASURE_WORDS, MEASURE_WORDS),
    ("FALSE_UNITS", vocab.FALSE_UNITS, FALSE_UNITS), ("OTHER_UNITS", vocab.OTHER_UNITS, OTHER_UNITS),
    ("RATE_UNITS", vocab.RATE_UNITS, RATE_UNITS), ("QUALIFIERS_BEFORE", vocab.QUALIFIERS_BEFORE, QUALIFIERS_BEFORE),
    ("QUALIFIERS_AFTER", vocab.QUALIFIERS_AFTER, QUALIFIERS_AFTER),
    ("QUALIFIERS_INFIX", vocab.QUALIFIERS_INFIX, ("余", "多")),
    ("PER_AMOUNT_FOLLOWERS", vocab.PER_AMOUNT_FOLLOWERS, PER_AMOUNT_FOLLOWERS),
    ("RANGE_SEPARATORS", vocab.RANGE_SEPARATORS, RANGE_SEPARATORS),
    ("LIST_SEPARATORS", vocab.LIST_SEPARATORS, LIST_SEPARATORS),
    ("DECREASE_WORDS", vocab.DECREASE_WORDS, DECREASE_WORDS), ("LEVEL_MARKERS", vocab.LEVEL_MARKERS, ("至", "到", "为")),
    ("PAGE_COUNTERS", vocab.PAGE_COUNTERS, PAGE_COUNTERS), ("ORDINAL_PREFIXES", vocab.ORDINAL_PREFIXES, ("第", "届")),
    ("DURATION_AFTER_GE", vocab.DURATION_AFTER_GE, DURATION_AFTER_GE),
    ("RANK_PREFIXES", vocab.RANK_PREFIXES, RANK_PREFIXES),
    ("RANK_UNITS", vocab.RANK_UNITS, ("名", "位", "强")),
    ("TARGET_CUES", vocab.TARGET_CUES, TARGET_CUES), ("ACTUAL_CUES", vocab.ACTUAL_CUES, ACTUAL_CUES),
    ("ACTUAL_OVERRIDES", vocab.ACTUAL_OVERRIDES, ACTUAL_OVERRIDES),
    ("ACTUAL_WEAK_CUES", vocab.ACTUAL_WEAK_CUES, ACTUAL_WEAK_CUES), ("NOT_CUES", vocab.NOT_CUES, NOT_CUES),
    ("PLAN_PERIODS", vocab.PLAN_PERIODS, PLAN_PERIODS), ("INDICATOR_HEADS", vocab.INDICATOR_HEADS, INDICATOR_HEADS),
    ("MONEY_SUBJECTS", vocab.MONEY_SUBJECTS, MONEY_SUBJECTS), ("CITIES", vocab.CITIES, CITIES),
    ("REGION_SUBJECT_FOLLOWERS", vocab.REGION_SUBJECT_FOLLOWERS, REGION_SUBJECT_FOLLOWERS),
    ("OWN_REGION_WORDS", vocab.OWN_REGION_WORDS, ("我市", "全市", "本市")),
    ("MULTIPLE_OF_WORDS", vocab.MULTIPLE_OF_WORDS, MULTIPLE_OF_WORDS),
    ("UNIT_FACTORS", vocab.UNIT_FACTORS, RATE_VALUES),
    ("PLAN_DOCUMENT_WORDS", vocab.PLAN_DOCUMENT_WORDS, PLAN_DOCUMENT_WORDS),
    ("WORK_PLAN_HEADING_WORDS", vocab.WORK_PLAN_HEADING_WORDS, WORK_PLAN_HEADING_WORDS),
    ("WORK_REVIEW_WORDS", vocab.WORK_REVIEW_WORDS, WORK_REVIEW_WORDS),
    ("TARGET_SECTION_HEADING_WORDS", vocab.TARGET_SECTION_HEADING_WORDS, TARGET_SECTION_HEADING_WORDS),
    ("REPORT_CUES", vocab.REPORT_CUES, REPORT_CUES), ("GOAL_SETTING_CUES", vocab.GOAL_SETTING_CUES, GOAL_SETTING_CUES),
    ("PLAN_NAME_REVIEW_WORDS", vocab.PLAN_NAME_REVIEW_WORDS, PLAN_NAME_REVIEW_WORDS),
    ("EMPTY_NAMES", vocab.EMPTY_NAMES, EMPTY_NAMES),
    ("COMPARED_WITH_WORDS", vocab.COMPARED_WITH_WORDS, COMPARED_WITH_WORDS),
    ("REGION_NAME_PARTS", vocab.REGION_NAME_PARTS, REGION_NAME_PARTS),
    ("VENUE_WORDS", vocab.VENUE_WORDS, VENUE_WORDS),
    ("SHARE_WORDS", vocab.SHARE_WORDS, SHARE_WORDS),
    ("COMPUTE_LETTER_UNITS", vocab.COMPUTE_LETTER_UNITS, COMPUTE_LETTER_UNITS),
    ("COMPUTE_WORDS", vocab.COMPUTE_WORDS, COMPUTE_WORDS),
    ("CONVERSION_WORDS", vocab.CONVERSION_WORDS, CONVERSION_WORDS),
    ("SECTION_REVIEW_FOLLOWERS", vocab.SECTION_REVIEW_FOLLOWERS, SECTION_REVIEW_FOLLOWERS),
    ("BY_MEANS_WORDS", vocab.BY_MEANS_WORDS, BY_MEANS_WORDS),
    ("TABLE_TARGET_COLUMNS", vocab.TABLE_TARGET_COLUMNS, TABLE_TARGET_COLUMNS),
    ("TABLE_ACTUAL_COLUMNS", vocab.TABLE_ACTUAL_COLUMNS, TABLE_ACTUAL_COLUMNS),
]


@pytest.mark.parametrize("table, cases", [t[1:] for t in TABLES], ids=[t[0] for t in TABLES])
def test_every_entry_has_a_sentence(table, cases):
    covers(table, cases)


# --- the rules around the words: periods, tallies, years, reports (found by `make mutate`) ------------
# Each case is a sentence and what FIGURES.md makes of it, by hand. (These rules read the words
# above; they stand here so that `make mutate` runs them against classify.py.)

PERIODS = [
    ("half-year", "2023年上半年，全市规上工业增加值同比增长6.5%。", None, "2023-01/2023-06"),
    ("three-quarters", "2023年前三季度，全市规上工业增加值同比增长6.5%。", None, "2023-01/2023-09"),
    ("first-quarter", "2023年一季度，全市规上工业增加值同比增长6.5%。", None, "2023-01/2023-03"),
    ("the-first-quarter", "2023年第一季度，全市规上工业增加值同比增长6.5%。", None, "2023-01/2023-03"),
    ("second-half", "2023年下半年，全市规上工业增加值同比增长6.5%。", None, "2023-07/2023-12"),
    # the reports of a quarter, a half and three quarters, as news names them (一季报增速6.0%)
    ("first-quarter-report", "2023年一季报，全市规上工业增加值同比增长6.5%。", None, "2023-01/2023-03"),
    ("half-year-report", "2023年半年报，全市规上工业增加值同比增长6.5%。", None, "2023-01/2023-06"),
    ("three-quarters-report", "2023年前三季报，全市规上工业增加值同比增长6.5%。", None, "2023-01/2023-09"),
    ("half-year-of-the-document", "上半年，全市规上工业增加值同比增长6.5%。", "2024-07-15", "2024-01/2024-06"),
    ("half-year-without-a-year", "上半年，全市规上工业增加值同比增长6.5%。", None, None),
    ("months-without-a-year", "1—5月，全市规上工业增加值同比增长6.5%。", None, None),
    ("months-of-the-document", "1—5月，全市规上工业增加值同比增长6.5%。", "2024-06-10", "2024-01/2024-05"),
    ("this-year-so-far", "今年以来，全市规上工业增加值同比增长6.5%。", "2024-05-10", "2024"),
    ("this-year-without-a-date", "今年以来，全市规上工业增加值同比增长6.5%。", None, None),
    ("a-year", "2023年，全市规上工业增加值同比增长6.5%。", None, "2023"),
    ("a-year-right-before-the-figure", "全市规上工业增加值增速2023年6.5%。", None, "2023"),
    ("the-period-before-the-figure-not-after", "2023年，全市规上工业增加值同比增长6.5%，上半年增长7.1%。", None, "2023"),
]


@pytest.mark.parametrize("text, date, period", [c[1:] for c in PERIODS], ids=[c[0] for c in PERIODS])
def test_periods_of_actual_figures(text, date, period):
    r = rows(text, date)[0]
    assert (r["kind"], r["period"]) == ("actual", period)


def _named(n: int) -> str:
    """A made-up name of n characters with no cue, qualifier, number or stop word in it."""
    return ("智能网联汽车高端装备新型电力光伏储能生物医药")[:n]


# 'A、B、C 3个集群' tallies the items named right before it (an actual, even after a horizon); the
# last 、 must stand 1 to 15 characters before the count, with no verb or 等 between.
TALLIES = [
    ("fifteen-characters-after-the-last-separator", f"到2027年，工程机械、{_named(15)}3个集群。", "actual"),
    ("sixteen-characters", f"到2027年，工程机械、{_named(16)}3个集群。", "target"),
    ("no-name-between", "到2027年，工程机械、3个集群。", "target"),
    ("a-one-character-name", "到2027年，工程机械、某3个集群。", "actual"),
    ("a-verb-after-the-count-does-not-break-it", "到2027年，工程机械、新材料3个集群达到万亿级。", "actual"),
    ("a-breaker-before-the-separator-does-not-count", "到2027年，新型电力系统近、新材料3个集群。", "actual"),
    ("the-last-separator-counts", f"到2027年，{_named(12)}、{_named(12)}、新材料3个集群。", "actual"),
    ("a-separator-in-an-earlier-clause", "到2027年，工程机械、新材料，新能源3个集群。", "target"),
    ("deng-breaks-it", "到2027年，工程机械、新材料等3个集群。", "target"),
]


@pytest.mark.parametrize("text, kind", [c[1:] for c in TALLIES], ids=[c[0] for c in TALLIES])
def test_tallies(text, kind):
    assert one(text)["kind"] == kind


CLAUSE_YEARS = [
    # (text, date, [(figure, kind, deadline)])
    ("a-past-year-in-a-targets-sentence", "到2027年，全市规上工业总产值达到3万亿元，2024年为2.5万亿元。", None,
     [("3万亿元", "target", 2027), ("2.5万亿元", "actual", None)]),
    ("a-starting-year-dates-only-the-start", "到2026年，全市地区生产总值由2023年的5140亿元增加到6000亿元。", None,
     [("5140亿元", "actual", None), ("6000亿元", "target", 2026)]),
    ("a-year-after-the-figure-is-no-clause-year", "到2027年，全市产值达到3万亿元超过2024年水平。", None,
     [("3万亿元", "target", 2027)]),
    ("nian-without-a-year", "到2027年，全市年产值达到3万亿元。", None, [("3万亿元", "target", 2027)]),
]


@pytest.mark.parametrize("text, date, expected", [c[1:] for c in CLAUSE_YEARS], ids=[c[0] for c in CLAUSE_YEARS])
def test_years_in_a_figures_clause(text, date, expected):
    assert [(r["text"], r["kind"], r["deadline"]) for r in rows(text, date)] == expected


HORIZONS = [
    # (text, document date, kind, deadline)
    ("this-years-horizon-is-not-past", "到2024年新增高新技术企业300家。", "2024-03-01", "target", 2024),
    ("a-past-horizon-looks-back", "到2025年新增高新技术企业300家。", "2026-03-01", "actual", None),
    ("a-past-plan-period-looks-back", "十四五期间新增高新技术企业300家。", "2026-03-01", "actual", None),
    ("a-report-keeps-a-past-horizon", "该计划提出，到2025年新增高新技术企业300家。", "2026-03-01", "target", 2025),
    ("a-report-of-a-count-without-horizon-tallies", "该方案明确4方面20条具体举措。", None, "actual", None),
    ("a-report-of-a-share-without-horizon-is-a-target", "该方案提出，研发投入占比达到3%。", None, "target", None),
    ("a-weak-cue-after-a-cue-at-the-start", "力争建成20个特色园区。", None, "target", None),
    ("a-report-of-a-past-years-result", "报告提出，2025年，全市地区生产总值增长5.4%。", "2026-01-20", "actual", None),
    ("a-report-of-a-plan-keeps-its-horizon", "报告提出，到2027年，全市地区生产总值增长5.4%。", "2026-01-20", "target", 2027),
    ("an-estimate-inside-the-sentence-early-in-a-year", "全市预计地区生产总值达到3000亿元。", "2024-02-10", "actual", None),
]


@pytest.mark.parametrize("text, date, kind, due", [c[1:] for c in HORIZONS], ids=[c[0] for c in HORIZONS])
def test_horizons_reports_and_weak_cues(text, date, kind, due):
    r = rows(text, date)[-1]
    assert (r["kind"], r["deadline"]) == (kind, due)


FALLBACK_INDICATORS = [
    ("a-growth-rate-after-an-amount", "全市地区生产总值5000亿元，增长6.5%。", ["地区生产总值", "地区生产总值增速"]),
    ("points-after-an-amount", "全市研发投入300亿元，提高2个百分点。", ["研发投入", "研发投入增速"]),
    ("a-rate-after-a-rate", "全市地区生产总值5000亿元，增长6.5%，比上年提高0.5个百分点。",
     ["地区生产总值", "地区生产总值增速", "地区生产总值增速"]),
    ("the-same-indicator-again", "全市地区生产总值跨越5000亿元，达5600亿元。", ["地区生产总值", "地区生产总值"]),
    ("a-short-phrase-after-the-figure-is-kept-whole", "全市新增50个园区建设全面推进。", ["园区建设全面推进"]),
]


@pytest.mark.parametrize("text, indicators", [c[1:] for c in FALLBACK_INDICATORS], ids=[c[0] for c in FALLBACK_INDICATORS])
def test_indicators_of_figures_whose_clause_names_nothing(text, indicators):
    assert [r["indicator"] for r in rows(text)] == indicators


def test_a_money_subject_after_the_figure_does_not_count():
    """注册用户 is counted; 消费 after the figure does not make 5万亿 money."""
    r = rows("全市注册用户达到5万亿，带动消费增长。")[0]
    assert (r["category"], r["unit"]) == ("count", "")


# Kind decided without a cue of the figure's own (classify.kind's numbered rules), by hand.
KIND_RULES = [
    # (text, document date, [(figure, kind)])
    ("a-doubling-without-le-is-a-goal", "全市经济总量比2020年翻一番。", None, [("翻一番", "target")]),
    ("a-doubling-with-le-is-done", "全市经济总量翻了一番。", None, [("翻了一番", "actual")]),
    ("a-cue-in-the-next-clause-does-not-count", "到2027年，高新技术企业达到3000家，已建成园区。", None,
     [("3000家", "target")]),
    ("only-counts-tally", "到2027年，工程机械、新材料占比3%。", None, [("3%", "target")]),
    ("the-documents-own-year-is-not-over", "到2027年，全市规上工业总产值达到3万亿元，2024年为2.5万亿元。", "2024-03-01",
     [("3万亿元", "target"), ("2.5万亿元", "target")]),
    ("a-year-over-when-written", "到2027年，全市规上工业总产值达到3万亿元，2024年为2.5万亿元。", "2025-03-01",
     [("3万亿元", "target"), ("2.5万亿元", "actual")]),
    # a doubling with no 了 follows a cue of the clauses before it: a plan period already over looks back
    ("a-doubling-after-a-past-plan-period", "“十四五”收官，创新动能更足，高新技术企业接近翻一番。", "2026-02-01",
     [("翻一番", "actual")]),
    ("a-doubling-after-a-plan-period-ahead", "“十四五”期间，创新动能更足，高新技术企业翻一番。", "2022-02-01",
     [("翻一番", "target")]),
]


@pytest.mark.parametrize("text, date, expected", [c[1:] for c in KIND_RULES], ids=[c[0] for c in KIND_RULES])
def test_kind_without_a_cue_of_its_own(text, date, expected):
    assert [(r["text"], r["kind"]) for r in rows(text, date)] == expected


# What is stripped from the phrase before a figure to leave its indicator: a quoted name with
# 是/为 before it, quotation marks, a leading year.
CLEANED = [
    ("a-quoted-name-and-wei", "“十大行动”为全市新增重点项目50个。", "新增重点项目"),
    ("quotation-marks", "全市“专精特新”企业达到300家。", "专精特新企业"),
    ("a-leading-year", "2023年全市规上工业总产值达到4万亿元。", "规上工业总产值"),
]


@pytest.mark.parametrize("text, indicator", [c[1:] for c in CLEANED], ids=[c[0] for c in CLEANED])
def test_what_is_stripped_from_an_indicator(text, indicator):
    assert one(text)["indicator"] == indicator


# --- patterns.alternation: a trie of the words, matching as their alternation longest first ---

@pytest.mark.parametrize("words, text, expected", [
    # the longest word that matches at a position wins; the scan goes on after it
    (["苏州", "苏州市", "苏北"], "苏州市区和苏北、苏州", ["苏州市", "苏北", "苏州"]),
    (["a", "ab", "abc", "b"], "abcab", ["abc", "ab"]),
    # a word that is a prefix of another, and characters a pattern would read as syntax
    (["1.5", "1", "(亿)", "+"], "1.5(亿)+1x", ["1.5", "(亿)", "+", "1"]),
    (["十四五", "十五五", "十五"], "十五五十四五十五", ["十五五", "十四五", "十五"]),
])
def test_an_alternation_finds_the_longest_word_at_each_position(words, text, expected):
    from extract.patterns import alternation
    import re
    assert [m.group() for m in re.finditer(alternation(words), text)] == expected


def test_an_alternation_gives_back_one_word_at_a_time_when_what_follows_fails():
    """In a larger pattern the shorter words are tried in turn, longest first: 苏州市 then 苏州."""
    from extract.patterns import alternation
    import re
    pattern = re.compile(f"(?:{alternation(['苏州', '苏州市', '苏'])})市区")
    assert pattern.search("苏州市区").group() == "苏州市区"  # 苏州市 fails before 市区: 苏州 + 市区
    assert pattern.search("苏市区").group() == "苏市区"
    assert pattern.search("苏州市市区").group() == "苏州市市区"


def test_every_vocabulary_alternation_matches_as_the_plain_one():
    """The trie and the plain alternation (longest first) find the same words in the seed corpus,
    for every word table of vocab.py."""
    import re
    from pathlib import Path
    from extract.patterns import alternation
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in sorted((Path(__file__).parents[2] / "shared" / "corpus").glob("*.txt")))
    tables = [v for v in vars(vocab).values() if isinstance(v, (dict, list, tuple, frozenset, set))
              and v and all(isinstance(w, str) and w for w in v)]
    assert len(tables) > 20
    for words in tables:
        plain = "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
        assert [m.span() for m in re.finditer(alternation(words), text)] == \
               [m.span() for m in re.finditer(plain, text)]


@pytest.mark.parametrize("text, ends, names", [
    # ends of each kind, names in either script, a name right before an end and right after one
    ("苏州市GDP增长5%。蘇州！上海?\n在北京", [10, 13, 16, 17], ["苏州市", "蘇州", "上海", "北京"]),
    ("无名之地。", [4], []),
    ("上海市", [], ["上海市"]),
])
def test_one_scan_finds_the_sentence_ends_and_the_places(text, ends, names):
    """SENTENCE_END_OR_REGION: the ends and the region names, in one scan."""
    from extract.patterns import SENTENCE_END_CHARS, SENTENCE_END_OR_REGION
    found = list(SENTENCE_END_OR_REGION.finditer(text))
    assert [m.start() for m in found if m.group() in SENTENCE_END_CHARS] == ends
    assert [m.group() for m in found if m.group() not in SENTENCE_END_CHARS] == names


@pytest.mark.parametrize("name", ["DEADLINE", "PERIOD"])
def test_a_sentence_with_none_of_the_needed_characters_has_no_deadline_or_period(name):
    """DEADLINE_NEEDS, PERIOD_NEEDS: a sentence with none of them is not scanned, so no text
    without them may match. Texts are made of the pattern's own words and characters, years,
    numbers and signs, every piece that holds a needed character left out."""
    import re
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from extract import patterns
    pattern, needs = getattr(patterns, name), getattr(patterns, name + "_NEEDS")
    words = set(re.findall(r"[\u4e00-\u9fff]+", pattern.pattern))
    pieces = words | {c for w in words for c in w} | {
        "2025", "2020", "21", "12", "3", " ", "，", "-", "/", "／", "–", "—", "~", "至", "到"} | {
        f"2020{dash}21{after}" for dash in "-/／–—~" for after in ("至", "到", "的", "财政")}  # 2020/21财政年度
    allowed = sorted(p for p in pieces if not any(c in p for c in needs))
    assert len(allowed) > 20

    @settings(max_examples=400, deadline=None, derandomize=True)
    @given(st.lists(st.sampled_from(allowed), max_size=12))
    def nothing_found(parts):
        assert pattern.search("".join(parts)) is None

    nothing_found()


def test_cutting_an_anchored_head_is_the_substitution():
    """classify._cut_head(P, text) is P.sub("", text) for each pattern anchored by ^ it is used
    with, on every clause of the seed corpus and the phrases that start inside one."""
    import re
    from pathlib import Path
    from extract import classify
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in sorted((Path(__file__).parents[2] / "shared" / "corpus").glob("*.txt")))
    clauses = [c for c in re.split(r"[，,；;。\n]", text) if c] + [
        " 、二是新增", "、、 2025年全市", "“1”是新增产值", "（二）2025年底前", "比上年同期增长", "全市新增"]
    phrases = {c[i:] for c in clauses for i in range(min(len(c), 6))}
    patterns = [v for v in vars(classify).values() if isinstance(v, re.Pattern) and v.pattern.lstrip().startswith("^")]
    assert len(patterns) >= 6
    for pattern in patterns:
        for phrase in phrases:
            assert classify._cut_head(pattern, phrase) == pattern.sub("", phrase), (pattern.pattern[:40], phrase)


def test_every_qualifier_after_and_every_decrease_word_is_still_found():
    """qualifier_after and is_decrease try their pattern only where a first character of their
    words stands: each word of the tables is found, in its place."""
    from extract import classify
    for word, qualifier in vocab.QUALIFIERS_AFTER.items():
        assert classify.qualifier_after("5%" + word + "。", 2) == (qualifier, len(word)), word
    for word in vocab.DECREASE_WORDS:
        assert classify.is_decrease("同比" + word), word
    assert classify.qualifier_after("5%。", 2) == (None, 0) and not classify.is_decrease("同比增长")


def test_one_scan_of_a_sentence_finds_its_clause_ends_and_regions():
    """classify._separators_and_regions: where each separator ends, and the regions named, with
    the words of the document's own region (全市) too."""
    from extract import classify
    ends, regions = classify._separators_and_regions("全市GDP增长5%，苏州市区：上海;苏北,")
    assert ends == [10, 15, 18, 21]  # after ，：; and ,
    assert regions == [(0, 2, "全市"), (10, 13, "苏州市"), (15, 17, "上海")]  # 苏北 is no city
