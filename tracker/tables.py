"""Tables that join a document's figures to the targets of targets.yaml, as plain data.

Adding a place or a synonym is a one-line change here plus a test case in
tests/test_tracker_update.py. Every word is written in simplified characters (the
matcher converts traditional text before it compares).

PLACES — which place lies inside which (child -> parent). Sources, as found with the
project's search tool (the official list is the Ministry of Civil Affairs' 行政区划
database, which could not be reached from here):
  - 苏州市: "苏州市下辖姑苏区、虎丘区、吴中区、相城区、吴江区5个市辖区，代管常熟市、
    张家港市、昆山市、太仓市4个县级市，另设有苏州工业园区1个功能区"
    (https://wanbiaoku.com/new/5b8bfb09f78b4aa9b40873e32d4c076b);
  - 徐州市: "现辖2市(新沂、邳州)、3县(丰县、沛县、睢宁县)、5区(云龙、鼓楼、泉山、铜山、
    贾汪)和1个国家级经济技术开发区、1个国家高新技术产业开发区" (the city portal's map page,
    mirrored at http://s3l7v3p.cn/newscenter/map/index.shtml);
  - 江苏省's 13 cities and their county-level cities: "江苏下辖13个地级市，分别为：南京市、
    无锡市、徐州市……" (https://juke.outofmemory.cn/read/2885381.html, quoting 百度百科).
Places outside Jiangsu that the extractor knows (extract.vocab.REGIONS) are places too,
with no parent here.

DIVISIONS — every province, prefecture-level city and county-level division of China, with
the place it lies in, from the table of administrative division codes that the `cpca` package
ships (resources/adcodes.csv: the Ministry of Civil Affairs' codes, whose first two digits name
the province, four the city, six the county). A name that several divisions share (鼓楼区,
朝阳区) names none of them; PLACES above wins where both have a name.

INDICATOR_SYNONYMS — names that mean exactly the same measure, as statistics bulletins and
government reports write them; the first of each group is the name used in messages.
A looser name is never a synonym: 第二产业增加值 is not 地区生产总值, 高新技术产业产值 is
not 高新技术企业.
"""
from __future__ import annotations

import csv
import importlib.resources

__all__ = [
    "PLACES", "DIVISIONS", "PARENTS", "ancestors", "PROVINCES", "STOCK_WORDS", "OWN_PLACE_WORDS", "NATION_WORDS", "OWN_PROVINCE_WORDS", "PLACE_SUFFIXES", "INDICATOR_SYNONYMS", "ABBREVIATIONS",
    "HEAD_MERGES", "LEADING_WORDS", "TRAILING_WORDS", "RATE_SUFFIXES", "ANNUAL_REPORT_WORDS", "PERIOD_WORDS",
    "GROUP_PLACE_SUFFIXES", "NO_PLACE_BEFORE_SUFFIX", "NO_PLACE_CHARS", "NO_PLACE_FOLLOWERS",
]

#: child -> parent. A place is never matched to its parent or its children.
PLACES: dict[str, str | None] = {
    "江苏省": None,
    **{city: "江苏省" for city in (
        "南京市", "无锡市", "徐州市", "常州市", "苏州市", "南通市", "连云港市", "淮安市",
        "盐城市", "扬州市", "镇江市", "泰州市", "宿迁市")},
    # 苏州市: 5 districts, 4 county-level cities, 1 functional zone
    **{place: "苏州市" for place in (
        "姑苏区", "虎丘区", "吴中区", "相城区", "吴江区", "常熟市", "张家港市", "昆山市", "太仓市",
        "苏州工业园区")},
    # 徐州市: 5 districts, 3 counties, 2 county-level cities, 2 national development zones
    **{place: "徐州市" for place in (
        "云龙区", "鼓楼区", "泉山区", "铜山区", "贾汪区", "丰县", "沛县", "睢宁县", "新沂市", "邳州市",
        "徐州经济技术开发区", "徐州高新技术产业开发区")},
    # county-level cities of the other cities that documents of these three mention
    "江阴市": "无锡市",
    "宜兴市": "无锡市",
}
# every other province is a place too, inside none of these (PROVINCES, below)

#: Names in the division table that stand for no one place: the placeholders of a city's
#: districts and of a province's directly governed counties.
_PLACEHOLDERS = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")


def _divisions() -> dict[str, str | None]:
    """name -> the name of the division it lies in (None for a province), from cpca's table."""
    with importlib.resources.files("cpca").joinpath("resources/adcodes.csv").open(encoding="utf-8") as f:
        codes = {row["adcode"][:6]: row["name"] for row in csv.DictReader(f) if row["name"] not in _PLACEHOLDERS}
    counts: dict[str, int] = {}
    for name in codes.values():
        counts[name] = counts.get(name, 0) + 1
    out: dict[str, str | None] = {}
    for code, name in sorted(codes.items()):
        if counts[name] > 1:
            continue  # 鼓楼区 of 南京, 徐州, 福州 and 开封: a name that several places share names none
        province = code[:2] + "0000"
        if code == province:
            out[name] = None
        elif code.endswith("00"):
            out[name] = codes.get(province)
        else:  # a county-level division: in its city, or in its province where the city is a placeholder
            out[name] = codes.get(code[:4] + "00") or codes.get(province)
    return out


DIVISIONS: dict[str, str | None] = _divisions()
#: child -> parent of every place known: the hand table above first, then China's divisions.
PARENTS: dict[str, str | None] = {**DIVISIONS, **PLACES}


def ancestors(place: str) -> list[str]:
    """The places `place` lies in, nearest first (昆山市 → 苏州市, 江苏省), by PARENTS."""
    out, seen = [], {place}
    while (up := PARENTS.get(out[-1] if out else place)) and up not in seen:
        out.append(up)
        seen.add(up)
    return out

#: China's provincial-level divisions and the short names documents use for them (广西, 新疆):
#: a figure of another province is never the document's place's (2025年广西全区规上工业总产值…
#: in a Suzhou article). Source: the list of 34 provincial-level divisions of the Ministry of Civil
#: Affairs' 行政区划 (as every statistical yearbook prints it).
PROVINCES: dict[str, str] = {
    "北京市": "北京", "天津市": "天津", "河北省": "河北", "山西省": "山西", "内蒙古自治区": "内蒙古",
    "辽宁省": "辽宁", "吉林省": "吉林", "黑龙江省": "黑龙江", "上海市": "上海", "江苏省": "江苏",
    "浙江省": "浙江", "安徽省": "安徽", "福建省": "福建", "江西省": "江西", "山东省": "山东",
    "河南省": "河南", "湖北省": "湖北", "湖南省": "湖南", "广东省": "广东", "广西壮族自治区": "广西",
    "海南省": "海南", "重庆市": "重庆", "四川省": "四川", "贵州省": "贵州", "云南省": "云南",
    "西藏自治区": "西藏", "陕西省": "陕西", "甘肃省": "甘肃", "青海省": "青海", "宁夏回族自治区": "宁夏",
    "新疆维吾尔自治区": "新疆", "台湾省": "台湾", "香港特别行政区": "香港", "澳门特别行政区": "澳门",
}

#: Words of an amount that stands at a date (a balance), not one summed over a year: a part-year
#: figure of it (6月末存款余额) is comparable with a whole year's.
STOCK_WORDS = ("余额", "存量", "总资产", "资产总额")

#: Words by which a document speaks of its own place: the figure is the document's.
OWN_PLACE_WORDS = ("全市", "我市", "本市", "全区", "我区", "本区", "全县", "我县", "本县")
#: Words for the whole country, and for the province the document's place lies in: a city's report
#: compares with them (高于全国(2.5%)、全省(2%)水平), and their figures are not the city's.
NATION_WORDS = ("全国",)
OWN_PROVINCE_WORDS = ("全省", "我省", "本省")

#: Endings dropped to make a place's short name (昆山市 -> 昆山, 吴江区 -> 吴江). A short name
#: names a place only as a subject (extract.vocab.REGION_SUBJECT_FOLLOWERS), and only when it
#: keeps two characters or more (沛县 has none: 沛 alone is too common a character).
PLACE_SUFFIXES = ("市", "区", "县", "省")

#: Endings that make a place's name a group of places named after it (成都都市圈, 长三角城市群).
GROUP_PLACE_SUFFIXES = ("都市圈", "经济圈", "城市群", "经济带", "都市区")
#: Characters before 市 or 县 that make a word, not a name (大超市, 新上市, 中心城市, 各县市, 全省市).
NO_PLACE_BEFORE_SUFFIX = "超上城股楼车夜集门都入退开县省"
#: Characters that no name of a place holds before its 市 or 县 (1—4月全市, 成都全市: a time or 全
#: before the own-place word).
NO_PLACE_CHARS = "全各年月日"
#: Characters after 市 or 县 that make it part of another word (市场, 市民, 县域, 市区, 市委).
NO_PLACE_FOLLOWERS = "场民区长委政级里内外域辖直属"

#: Groups of indicator names that mean the same measure (after ABBREVIATIONS are expanded).
INDICATOR_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("地区生产总值", "GDP", "生产总值", "GDP总量", "地区生产总值总量", "经济总量", "地区生产总值GDP"),
    ("规模以上工业总产值", "规模以上工业企业总产值", "规模以上工业产值", "规模以上工业企业产值",
     "规模以上工业企业全年实现总产值"),
    ("规模以上工业企业", "规模以上工业企业数"),  # 规模以上工业企业家数: HEAD_MERGES (家数)
    ("高新技术企业", "有效高新技术企业", "国家高新技术企业", "高新技术企业总量", "有效国家高新技术企业"),
    ("规模以上工业增加值",),
    ("一般公共预算收入", "地方一般公共预算收入"),  # 地方 only sets it apart from the central government's
    ("社会消费品零售总额",),
    ("固定资产投资",),
)

#: Abbreviations expanded anywhere in a name before comparing (规上工业总产值 -> 规模以上工业总产值).
ABBREVIATIONS = {
    "规上": "规模以上",
    "高企": "高新技术企业",
    "高新企业": "高新技术企业",
}

#: Endings that say the same thing: a cluster's 产业产值 is its 产值; a count's 数量 is nothing more.
HEAD_MERGES = {
    "产业产值": "产值",
    "产业集群产值": "产值",
    "数量": "",  # 高新技术企业数量 = 高新技术企业: the count of a thing is the thing counted
    "总数": "",
    "家数": "",
}

#: Words in front of a name that do not change what it measures (全市全年完成地区生产总值).
LEADING_WORDS = ("全市", "全区", "全县", "全省", "全年", "年末", "年底", "累计", "共有", "共", "实现", "完成",
                 "其中", "当年", "现有", "拥有", "全部", "新兴产业中", "重点培育的产业集群中")

#: Verbs between a name and its figure (GDP总量高达5140.60亿元), besides the extractor's
#: (extract.vocab.INDICATOR_TAIL_WORDS).
TRAILING_WORDS = ("高达", "已达", "已达到", "总计", "总计达", "共计", "合计达", "累计完成", "全年完成", "全年实现")

#: Endings of a growth-rate indicator (地区生产总值增速 measures the growth of 地区生产总值).
RATE_SUFFIXES = ("同比增速", "同比增长率", "同比增幅", "增长率", "增长速度", "增速", "增幅", "同比增长", "增长", "涨幅")

#: Words in a document's title that make it the annual report of the year the title names
#: (2024年昆山市国民经济和社会发展统计公报, 解读2023年苏州经济年报, 2024年温州经济成绩单, 关于合肥市2023年国民经济和社会发展
#: 计划执行情况与2024年计划草案的报告), unless the title names a part of the year (2024年上半年…计划执行情况).
ANNUAL_REPORT_WORDS = ("统计公报", "经济年报", "计划执行情况", "经济成绩单")

#: Period words in a title that make a document the report of that period (1—2月徐州经济运行
#: …): word -> (first month, last month). Month ranges (1—9月) are read by pattern.
PERIOD_WORDS = {
    "上半年": (1, 6),
    "前三季度": (1, 9),
    "一季度": (1, 3),
    "第一季度": (1, 3),
    "下半年": (7, 12),
}
