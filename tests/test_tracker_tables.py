"""Every entry of tracker/tables.py, each in a template (issue #12).

The tables that join a document's figures to targets (places and what lies inside what, own-place
words, place suffixes, indicator synonyms, abbreviations, merged endings, leading and trailing
words, rate suffixes, annual-report and period words) are exercised entry by entry, with the
expected reading written out here by hand. Deleting or misspelling an entry fails its case;
tests/mutation/vocab_deletion.py checks that, and EQUIVALENT says why an entry cannot fail alone.
"""
import datetime as dt

import pytest

import tracker
from tracker import tables
from tracker.matching import context, indicator_key, place_of, propose


def covers(table, cases) -> None:
    missing = sorted(set(table) - set(cases))
    assert not missing, f"entries of tracker/tables.py without a test: {missing}"


# --- places ------------------------------------------------------------------------------------

#: child -> parent, as the sources cited in tables.py list them.
PLACES = {
    "江苏省": None,
    **{c: "江苏省" for c in ("南京市", "无锡市", "徐州市", "常州市", "苏州市", "南通市", "连云港市", "淮安市",
                           "盐城市", "扬州市", "镇江市", "泰州市", "宿迁市")},
    **{p: "苏州市" for p in ("姑苏区", "虎丘区", "吴中区", "相城区", "吴江区", "常熟市", "张家港市", "昆山市",
                           "太仓市", "苏州工业园区")},
    **{p: "徐州市" for p in ("云龙区", "鼓楼区", "泉山区", "铜山区", "贾汪区", "丰县", "沛县", "睢宁县", "新沂市",
                           "邳州市", "徐州经济技术开发区", "徐州高新技术产业开发区")},
    "江阴市": "无锡市",
    "宜兴市": "无锡市",
}


@pytest.mark.parametrize("place", PLACES)
def test_places_are_known_by_their_full_name(place):
    assert place_of(place) == place


@pytest.mark.parametrize("place", [p for p, parent in PLACES.items() if parent])
def test_a_title_naming_a_place_inside_another_is_the_inner_places(place):
    """苏州市昆山市…统计公报 reports on 昆山市: a place right after the place it lies in."""
    parent = PLACES[place]
    ctx = context(f"{parent}{place}2024年国民经济和社会发展统计公报\n全年经济平稳。", "公报.txt")
    assert ctx.region == place


@pytest.mark.parametrize("place", [p for p, parent in PLACES.items() if parent])
def test_a_title_naming_a_place_not_inside_the_first_stays_with_the_first(place):
    """A place after one it does not lie in (南京市 after 昆山市) is no narrowing."""
    other = "宿迁市" if PLACES[place] != "宿迁市" else "南京市"
    ctx = context(f"{other}{place}2024年经济运行情况\n全年经济平稳。", "报告.txt")
    assert ctx.region == other


#: (short name, its place): the ending dropped, two characters or more left (tables.PLACE_SUFFIXES).
SHORT_NAMES = [("昆山", "昆山市"), ("吴江", "吴江区"), ("睢宁", "睢宁县"), ("江苏", "江苏省")]
SUFFIXES = {"市": "昆山", "区": "吴江", "县": "睢宁", "省": "江苏"}


@pytest.mark.parametrize("short, place", SHORT_NAMES, ids=[s for s, _ in SHORT_NAMES])
def test_short_names(short, place):
    assert place_of(short) == place


def test_a_one_character_short_name_is_none():
    assert place_of("沛") is None and place_of("丰") is None


BOOK = tracker.load("""\
targets:
  - id: ks-gdp
    region: 昆山市
    indicator: 地区生产总值
    unit: 亿元
    target: {value: 6000, due: 2026}
    source: {doc: 会议}
  - id: ks-gdp-rate
    region: 昆山市
    indicator: 地区生产总值增速
    unit: '%'
    type: rate
    source: {doc: 会议}
""")
TITLE = "2024年昆山市国民经济和社会发展统计公报\n"

PROVINCES = {
    "北京市": "北京", "天津市": "天津", "河北省": "河北", "山西省": "山西", "内蒙古自治区": "内蒙古",
    "辽宁省": "辽宁", "吉林省": "吉林", "黑龙江省": "黑龙江", "上海市": "上海", "江苏省": "江苏",
    "浙江省": "浙江", "安徽省": "安徽", "福建省": "福建", "江西省": "江西", "山东省": "山东",
    "河南省": "河南", "湖北省": "湖北", "湖南省": "湖南", "广东省": "广东", "广西壮族自治区": "广西",
    "海南省": "海南", "重庆市": "重庆", "四川省": "四川", "贵州省": "贵州", "云南省": "云南",
    "西藏自治区": "西藏", "陕西省": "陕西", "甘肃省": "甘肃", "青海省": "青海", "宁夏回族自治区": "宁夏",
    "新疆维吾尔自治区": "新疆", "台湾省": "台湾", "香港特别行政区": "香港", "澳门特别行政区": "澳门",
}


@pytest.mark.parametrize("province", PROVINCES)
def test_provinces_by_their_full_and_short_names(province):
    assert place_of(province) == province and place_of(PROVINCES[province]) == province


@pytest.mark.parametrize("province", [p for p in PROVINCES if p != "江苏省"])
def test_another_provinces_figure_is_not_the_documents(province):
    """2025年广西全区规上工业总产值…, in a Kunshan bulletin: the figure is that province's."""
    short = PROVINCES[province]
    proposals, unmatched = propose(TITLE + f"2024年{short}全区地区生产总值5600亿元。", BOOK, doc="公报.txt")
    assert proposals == [] and [u.region for u in unmatched] == [province]


#: (sentence, the place its figure is of): a short name as a subject after a time, or before spaces.
SUBJECTS_AFTER_A_TIME_OR_BEFORE_SPACES = [
    ("2024 年,吴江 GDP 达到 2500 亿元。", "吴江区"),
    ("2024年吴江地区生产总值2500亿元。", "吴江区"),
    ("上半年吴江地区生产总值1200亿元。", "吴江区"),
    ("全市地区生产总值5600亿元，吴江大道全长20公里。", "昆山市"),
]


@pytest.mark.parametrize("sentence, place", SUBJECTS_AFTER_A_TIME_OR_BEFORE_SPACES)
def test_a_short_name_as_a_subject_after_a_time_or_before_spaces(sentence, place):
    proposals, unmatched = propose(TITLE + sentence, BOOK, doc="公报.txt")
    places = [p.reason.split("，")[0] for p in proposals] + [u.region for u in unmatched]
    assert places[0] in (f"地区 {place}（文件所述地区）", place)


#: A stock word → an indicator with it: a balance at a part-year date is that balance (tables.STOCK_WORDS).
STOCK_WORDS = {"余额": "存款余额", "存量": "贷款存量", "总资产": "规上企业总资产", "资产总额": "规上企业资产总额"}


@pytest.mark.parametrize("word", STOCK_WORDS)
def test_a_balance_at_a_part_year_date_is_its_level(word):
    """6月末存款余额8000亿元: an amount standing at a date, not one summed over the year."""
    indicator = STOCK_WORDS[word]
    book = tracker.load(f"""\
targets:
  - id: stock
    region: 昆山市
    indicator: {indicator}
    unit: 亿元
    target: {{value: 9000, due: 2026}}
    source: {{doc: 会议}}
    progress:
      - {{date: 2023, value: 7000}}
""")
    proposals, _ = propose(f"2024年上半年昆山经济运行情况\n上半年末，全市{indicator}8000亿元。", book, doc="半年.txt")
    assert [(p.target, p.date, p.value) for p in proposals] == [("stock", "2024-06-30", 8000.0)]


#: (text of a Suzhou article, the region of its last figure): a line that opens with a place and a
#: colon labels its section; the next short line with no stop (a heading) ends it.
LABELLED_SECTIONS = [
    ("苏州各板块经济\n昆山:县域经济的“超级引擎”\n2024年,其以5400.5亿元的GDP独占鳌头。", "昆山市"),
    ("苏州各板块经济\n昆山:县域经济的“超级引擎”\n2024年,其以5400.5亿元的GDP独占鳌头。\n全市概况\n"
     "2024年,全市地区生产总值26000.5亿元。", "苏州市"),
    ("苏州各板块经济\n市统计局消息:2024年,全市地区生产总值26000.5亿元。", "苏州市"),
]


@pytest.mark.parametrize("text, region", LABELLED_SECTIONS)
def test_a_place_label_names_the_place_of_its_section(text, region):
    _, unmatched = propose(text, tracker.load("targets: []\n"), doc="苏州.txt", date=dt.date(2025, 2, 1))
    assert unmatched[-1].region == region


#: Places the tables do not know (matching._OTHER_PLACE), each entry by a sentence worked by hand:
#: the rate after 全市 is Kunshan's (a proposal) only where no other place is named before it.
def _rate_proposals(sentence: str) -> list[tuple[str, float]]:
    proposals, _ = propose(TITLE + sentence, BOOK, doc="公报.txt")
    return [(p.target, p.value) for p in proposals]


GROUP_PLACE_SUFFIXES = ("都市圈", "经济圈", "城市群", "经济带", "都市区")


@pytest.mark.parametrize("suffix", GROUP_PLACE_SUFFIXES)
def test_a_group_of_places_named_after_the_city_is_not_the_city(suffix):
    assert _rate_proposals(f"昆山{suffix}地区生产总值增长5.8%。") == []
    assert _rate_proposals("昆山地区生产总值增长5.8%。") == [("ks-gdp-rate", 5.8)]


NO_PLACE_BEFORE_SUFFIX = "超上城股楼车夜集门都入退开县省"
#: A word for each character: it ends in 市 or 县 and names no place.
NO_PLACE_WORDS = {"超": "大超市", "上": "新上市", "城": "中心城市", "股": "全国股市", "楼": "一线楼市",
                  "车": "国内车市", "夜": "特色夜市", "集": "乡村集市", "门": "品牌门市", "都": "国际都市",
                  "入": "资金入市", "退": "企业退市", "开": "节后开市", "县": "各区县市", "省": "兄弟省市"}


@pytest.mark.parametrize("char", NO_PLACE_BEFORE_SUFFIX)
def test_words_that_end_in_shi_but_name_no_place(char):
    """'…大超市销售额增长5%，全市…': no place is named before 全市, which stays Kunshan."""
    word = NO_PLACE_WORDS[char]
    assert _rate_proposals(f"1—12月，{word}销售额增长5%，全市地区生产总值增长6.2%。") == [("ks-gdp-rate", 6.2)]


def test_a_city_the_tables_do_not_know_names_the_place_of_its_figures():
    assert _rate_proposals("德阳市固定资产投资增长10.8%，全市地区生产总值增长6.2%。") == []


NO_PLACE_CHARS = "全各年月日"
NO_PLACE_CHAR_WORDS = {"全": "昆山全市", "各": "各地市", "年": "2024年全市", "月": "1—12月全市", "日": "截至31日全市"}


@pytest.mark.parametrize("char", NO_PLACE_CHARS)
def test_a_time_or_whole_before_the_own_place_word_names_no_place(char):
    """'外贸增长5%，1—12月全市…': the figure after is Kunshan's, not a place '1—12月全市''s."""
    word = NO_PLACE_CHAR_WORDS[char]
    _, unmatched = propose(TITLE + f"外贸增长5%，{word}工业投资增长6.2%。", tracker.load("targets: []\n"), doc="公报.txt")
    assert [(u.text, u.region) for u in unmatched] == [("5%", "昆山市"), ("6.2%", "昆山市")]


NO_PLACE_FOLLOWERS = "场民区长委政级里内外域辖直属"


@pytest.mark.parametrize("char", NO_PLACE_FOLLOWERS)
def test_shi_followed_by_these_is_part_of_another_word(char):
    """'青禾市场…' (not a city 青禾市, which no table knows): the name of no place, so 全市 after it
    stays Kunshan."""
    assert _rate_proposals(f"青禾市{char}产值增长5%，全市地区生产总值增长6.2%。") == [("ks-gdp-rate", 6.2)]


OWN_PLACE_WORDS = ("全市", "我市", "本市", "全区", "我区", "本区", "全县", "我县", "本县")


@pytest.mark.parametrize("word", OWN_PLACE_WORDS)
def test_own_place_words_speak_of_the_documents_place(word):
    """苏州市 is named in the sentence, but 全市 after it is the document's own place (昆山市)."""
    proposals, unmatched = propose(TITLE + f"苏州市统计局消息，{word}地区生产总值5600亿元。", BOOK, doc="公报.txt")
    places = [p.reason.split("，")[0] for p in proposals] + [u.region for u in unmatched]
    assert places in (["地区 昆山市（文件所述地区）"], ["昆山市"])


#: Each own-place word in front of a name (我区地区生产总值) is the document's place, not part of
#: what is measured.
@pytest.mark.parametrize("word", OWN_PLACE_WORDS)
def test_own_place_words_leave_the_indicator(word):
    proposals, _ = propose(TITLE + f"苏州市统计局消息，{word}地区生产总值5600亿元。", BOOK, doc="公报.txt")
    assert [(p.target, p.value) for p in proposals] == [("ks-gdp", 5600)]


# --- indicators ---------------------------------------------------------------------------------

INDICATOR_SYNONYMS = {
    "地区生产总值": ("GDP", "生产总值", "GDP总量", "地区生产总值总量", "经济总量", "地区生产总值GDP"),
    "规模以上工业总产值": ("规模以上工业企业总产值", "规模以上工业产值", "规模以上工业企业产值",
                            "规模以上工业企业全年实现总产值"),
    "规模以上工业企业": ("规模以上工业企业数",),
    "高新技术企业": ("有效高新技术企业", "国家高新技术企业", "高新技术企业总量", "有效国家高新技术企业"),
    "规模以上工业增加值": (), "一般公共预算收入": ("地方一般公共预算收入",), "社会消费品零售总额": (), "固定资产投资": (),
}
SYNONYM_CASES = [(name, first) for first, names in INDICATOR_SYNONYMS.items() for name in (first, *names)]


@pytest.mark.parametrize("name, key", SYNONYM_CASES, ids=[n for n, _ in SYNONYM_CASES])
def test_indicator_synonyms(name, key):
    assert indicator_key(name) == (key, False)


#: A looser name is never a synonym.
@pytest.mark.parametrize("name", ["第二产业增加值", "高新技术产业产值", "工业总产值", "规模以上工业企业营业收入"])
def test_looser_names_are_no_synonyms(name):
    assert indicator_key(name)[0] not in INDICATOR_SYNONYMS


ABBREVIATIONS = {"规上": ("规上工业总产值", "规模以上工业总产值"), "高企": ("高企", "高新技术企业"),
                 "高新企业": ("高新企业", "高新技术企业")}


@pytest.mark.parametrize("short", ABBREVIATIONS)
def test_abbreviations(short):
    name, key = ABBREVIATIONS[short]
    assert indicator_key(name) == (key, False)


def test_no_full_form_holds_its_abbreviation():
    """matching.clean_name writes out every abbreviation it finds: a full form holding its short one (or another)
    would be written out twice (规上 in a full form 规上企业 would become 规模以上企业 again)."""
    assert not [(short, full) for short, full in tables.ABBREVIATIONS.items()
                if any(other in full for other in tables.ABBREVIATIONS)]


HEAD_MERGES = {"产业产值": ("绿色低碳能源产业产值", "绿色低碳能源产值"),
               "产业集群产值": ("工程机械产业集群产值", "工程机械产值"),
               "数量": ("高新技术企业数量", "高新技术企业"), "总数": ("专精特新企业总数", "专精特新企业"),
               "家数": ("上市公司家数", "上市公司")}


@pytest.mark.parametrize("ending", HEAD_MERGES)
def test_endings_that_say_the_same(ending):
    name, key = HEAD_MERGES[ending]
    assert indicator_key(name) == (key, False)


LEADING_WORDS = ("全市", "全区", "全县", "全省", "全年", "年末", "年底", "累计", "共有", "共", "实现", "完成",
                 "其中", "当年", "现有", "拥有", "全部", "新兴产业中", "重点培育的产业集群中")


@pytest.mark.parametrize("word", LEADING_WORDS)
def test_leading_words(word):
    assert indicator_key(f"{word}一般公共预算收入") == ("一般公共预算收入", False)


RATE_SUFFIXES = ("同比增速", "同比增长率", "同比增幅", "增长率", "增长速度", "增速", "增幅", "同比增长", "增长", "涨幅")


@pytest.mark.parametrize("suffix", RATE_SUFFIXES)
def test_rate_suffixes(suffix):
    assert indicator_key(f"地区生产总值{suffix}") == ("地区生产总值", True)


TRAILING_WORDS = ("高达", "已达", "已达到", "总计", "总计达", "共计", "合计达", "累计完成", "全年完成", "全年实现")


@pytest.mark.parametrize("word", TRAILING_WORDS)
def test_trailing_words_between_a_name_and_its_figure(word):
    """昆山市2024年GDP总量高达5600亿元: the name before the verb is what the figure measures."""
    proposals, _ = propose(TITLE + f"昆山市2024年GDP总量{word}5600亿元，稳居全国百强县首位。", BOOK, doc="公报.txt")
    assert [(p.target, p.value) for p in proposals] == [("ks-gdp", 5600)]


# --- periods of documents -------------------------------------------------------------------------

@pytest.mark.parametrize("word", ["统计公报", "经济年报", "计划执行情况", "经济成绩单"])
def test_annual_report_words(word):
    ctx = context(f"2024年昆山市国民经济和社会发展{word}\n全年经济平稳。", "公报.txt")
    assert ctx.period == (dt.date(2024, 12, 31), "2024年")


def test_a_part_of_the_year_in_a_report_title_is_its_period():
    """关于2024年上半年国民经济和社会发展计划执行情况的报告 reports on the first half, not the year."""
    ctx = context("关于2024年上半年国民经济和社会发展计划执行情况的报告\n经济平稳。", "报告.txt")
    assert ctx.period == (dt.date(2024, 6, 30), "2024年1—6月")


PERIOD_WORDS = {"上半年": (dt.date(2024, 6, 30), "2024年1—6月"), "前三季度": (dt.date(2024, 9, 30), "2024年1—9月"),
                "一季度": (dt.date(2024, 3, 31), "2024年1—3月"), "第一季度": (dt.date(2024, 3, 31), "2024年1—3月"),
                "下半年": (dt.date(2024, 12, 31), "2024年7—12月")}


@pytest.mark.parametrize("word", PERIOD_WORDS)
def test_period_words_of_a_title(word):
    ctx = context(f"2024年{word}昆山市经济运行情况\n经济平稳。", "报告.txt")
    assert ctx.period == PERIOD_WORDS[word]


#: (table, entry) -> why deleting the entry alone changes no reading.
EQUIVALENT = {
    **{("PROVINCES", city): "a city of extract's vocab.REGIONS too: known by its full and short name anyway"
       for city in ("北京市", "天津市", "上海市", "重庆市")},
    ("PROVINCES", "江苏省"): "PLACES holds it too (as the parent of its cities), with the same short name from 省",
    ("PLACES", "江苏省"): "PROVINCES holds it too: a place with no parent either way",
    ("PLACE_SUFFIXES", "省"): "every province's short name is written out in PROVINCES; no other place ends with 省",
    ("PERIOD_WORDS", "第一季度"): "一季度 is inside it: the same months",
    ("TRAILING_WORDS", "总计达"): "总计 (here) and 达 (extract's INDICATOR_TAIL_WORDS) strip it in two steps",
    ("TRAILING_WORDS", "高达"): "extract's INDICATOR_TAIL_WORDS holds 高达 too: the figure's name comes without it",
    ("LEADING_WORDS", "全市"): "an own-place word (vocab.OWN_REGION_WORDS, matching._places_in) at the start is stripped as a place",
    ("LEADING_WORDS", "全区"): "an own-place word (vocab.OWN_REGION_WORDS, matching._places_in) at the start is stripped as a place",
    ("LEADING_WORDS", "全县"): "an own-place word (vocab.OWN_REGION_WORDS, matching._places_in) at the start is stripped as a place",
    ("TRAILING_WORDS", "合计达"): "合计 and 达 (extract's INDICATOR_TAIL_WORDS) strip it in two steps",
    ("TRAILING_WORDS", "累计完成"): "累计 and 完成 (extract's INDICATOR_TAIL_WORDS) strip it in two steps",
    **{("INDICATOR_SYNONYMS", name): "a group of one name: a name unknown to the table is its own key anyway"
       for name in ("规模以上工业增加值", "社会消费品零售总额", "固定资产投资")},
}


TABLES = [
    ("PLACES", tables.PLACES, PLACES), ("OWN_PLACE_WORDS", tables.OWN_PLACE_WORDS, OWN_PLACE_WORDS),
    ("PROVINCES", tables.PROVINCES, PROVINCES), ("STOCK_WORDS", tables.STOCK_WORDS, STOCK_WORDS),
    ("PLACE_SUFFIXES", tables.PLACE_SUFFIXES, SUFFIXES),
    ("INDICATOR_SYNONYMS", [n for g in tables.INDICATOR_SYNONYMS for n in g], [n for n, _ in SYNONYM_CASES]),
    ("ABBREVIATIONS", tables.ABBREVIATIONS, ABBREVIATIONS), ("HEAD_MERGES", tables.HEAD_MERGES, HEAD_MERGES),
    ("LEADING_WORDS", tables.LEADING_WORDS, LEADING_WORDS), ("TRAILING_WORDS", tables.TRAILING_WORDS, TRAILING_WORDS),
    ("RATE_SUFFIXES", tables.RATE_SUFFIXES, RATE_SUFFIXES),
    ("ANNUAL_REPORT_WORDS", tables.ANNUAL_REPORT_WORDS, ("统计公报", "经济年报", "计划执行情况", "经济成绩单")),
    ("PERIOD_WORDS", tables.PERIOD_WORDS, PERIOD_WORDS),
    ("GROUP_PLACE_SUFFIXES", tables.GROUP_PLACE_SUFFIXES, GROUP_PLACE_SUFFIXES),
    ("NO_PLACE_BEFORE_SUFFIX", tables.NO_PLACE_BEFORE_SUFFIX, NO_PLACE_BEFORE_SUFFIX),
    ("NO_PLACE_CHARS", tables.NO_PLACE_CHARS, NO_PLACE_CHARS),
    ("NO_PLACE_FOLLOWERS", tables.NO_PLACE_FOLLOWERS, NO_PLACE_FOLLOWERS),
]


@pytest.mark.parametrize("table, cases", [t[1:] for t in TABLES], ids=[t[0] for t in TABLES])
def test_every_entry_has_a_case(table, cases):
    covers(table, cases)


# --- China's divisions (tables.DIVISIONS, from cpca's table of division codes) -----------------------

#: (place, the place it lies in): a city of each kind of province, a county-level division in its city,
#: one whose city is its province's placeholder, and a district of a municipality.
DIVISIONS = [
    ("温州市", "浙江省"), ("滁州市", "安徽省"), ("拉萨市", "西藏自治区"), ("鹿城区", "温州市"),
    ("义乌市", "金华市"), ("济源市", "河南省"), ("东城区", "北京市"), ("浙江省", None),
]


@pytest.mark.parametrize("place, parent", DIVISIONS)
def test_the_divisions_of_china_are_places(place, parent):
    assert (place_of(place), tables.DIVISIONS[place]) == (place, parent)


def test_a_name_that_several_divisions_share_names_none():
    """朝阳区 of Beijing and of Changchun: neither; 鼓楼区 is Xuzhou's by the hand table."""
    assert "朝阳区" not in tables.DIVISIONS and place_of("朝阳区") is None
    assert place_of("鼓楼区") == "鼓楼区" and tables.PLACES["鼓楼区"] == "徐州市"


WENZHOU = tracker.load("""\
targets:
  - id: wz-gdp-rate
    region: 温州市
    indicator: 地区生产总值增速
    unit: '%'
    type: rate
    target: {value: 6, due: 2024}
    source: {doc: 会议}
""")


@pytest.mark.parametrize("text, expected", [
    # a city no hand table knows, by its full name in the title and by its short name as a subject
    ("2024年温州市国民经济和社会发展统计公报\n全年全市地区生产总值增长6.3%。", [("wz-gdp-rate", 6.3)]),
    ("2024年浙江省国民经济和社会发展统计公报\n温州GDP增长6.3%。", [("wz-gdp-rate", 6.3)]),
    # another city of the same province is not Wenzhou, also by its short name
    ("2024年温州市国民经济和社会发展统计公报\n台州GDP增长5.5%。全市地区生产总值增长6.3%。", [("wz-gdp-rate", 6.3)]),
    ("2024年温州市国民经济和社会发展统计公报\n全市地区生产总值增长6.3%。台州紧随其后，GDP增长5.5%。",
     [("wz-gdp-rate", 6.3)]),
    # a county's short name at the head of a sentence is a word (平安建设), not the county 平安区
    ("2024年温州市国民经济和社会发展统计公报\n平安建设扎实推进，全年地区生产总值增长6.3%。", [("wz-gdp-rate", 6.3)]),
])
def test_places_of_another_province(text, expected):
    proposals, _ = propose(text, WENZHOU, doc="公报.txt")
    assert [(p.target, p.value) for p in proposals] == expected


@pytest.mark.parametrize("year, expected", [
    (2024, [("wz-gdp-rate", 6.3)]),   # its own year
    (2023, [("wz-gdp-rate", 6.3)]),   # a year before (a target of average growth takes the years up to it)
    (2025, []),                       # a year after: a growth rate is of its own year, no progress toward 2024's
])
def test_a_growth_rate_after_the_targets_year_is_no_progress(year, expected):
    text = f"{year}年温州市国民经济和社会发展统计公报\n全年全市地区生产总值增长6.3%。"
    proposals, unmatched = propose(text, WENZHOU, doc="公报.txt")
    assert [(p.target, p.value) for p in proposals] == expected
    assert expected or [u.why for u in unmatched] == [f"{year}年的增速不计入2024年的增速目标（wz-gdp-rate）"]


@pytest.mark.parametrize("province_word", tables.OWN_PROVINCE_WORDS)
def test_the_country_and_province_compared_with_in_brackets(province_word):
    """高于全国(5%)、全省(5.5%)水平: the bracketed figures are the country's and Zhejiang's, not Wenzhou's."""
    text = (f"2024年温州市国民经济和社会发展统计公报\n全年全市地区生产总值增长6.3%，"
            f"高于全国(5%)、{province_word}(5.5%)水平。")
    proposals, unmatched = propose(text, WENZHOU, doc="公报.txt")
    assert [(p.target, p.value) for p in proposals] == [("wz-gdp-rate", 6.3)]
    assert [(u.text, u.region) for u in unmatched] == [("5%", "全国"), ("5.5%", "浙江省")]


def test_a_province_named_as_a_rank_is_no_place():
    """获评全省先进, 居全省首位: a level or a rank, not the place of the figures after it."""
    proposals, _ = propose("2024年温州市国民经济和社会发展统计公报\n全市获评全省先进，地区生产总值增长6.3%。", WENZHOU,
                           doc="公报.txt")
    assert [(p.target, p.value) for p in proposals] == [("wz-gdp-rate", 6.3)]


@pytest.mark.parametrize("title", ["(浙江省)2024年温州市国民经济和社会发展统计公报", "【浙江】2024年温州市国民经济和社会发展统计公报"])
def test_a_province_tag_before_a_title_is_not_its_place(title):
    proposals, _ = propose(f"{title}\n全年全市地区生产总值增长6.3%。", WENZHOU, doc="公报.txt")
    assert [(p.target, p.value) for p in proposals] == [("wz-gdp-rate", 6.3)]


def test_a_price_rise_measures_a_rate_of_prices():
    """居民消费价格上涨1.2% is progress toward 居民消费价格涨幅 ≤3% (a rate target, going down)."""
    book = tracker.load("""\
targets:
  - id: wz-cpi
    region: 温州市
    indicator: 居民消费价格涨幅
    unit: '%'
    type: rate
    direction: down
    qualifier: le
    target: {value: 3, due: 2024}
    source: {doc: 会议}
""")
    proposals, _ = propose("2024年温州市国民经济和社会发展统计公报\n全年居民消费价格上涨1.2%。", book, doc="公报.txt")
    assert [(p.target, p.value) for p in proposals] == [("wz-cpi", 1.2)]
