"""Numbers, scales, units and what is not a figure (FIGURES.md), one table per behaviour.

Each case is a sentence of the kind policy documents write, and the figures it must yield
as (value, value_max, category, unit). Sentences that must yield nothing are cases too.
"""
import math

import pytest

import extract


def found(text, **kw):
    df = extract.figures(text, **kw)
    return [
        (r.value, None if math.isnan(r.value_max) else r.value_max, r.category, r.unit)
        for r in df.itertuples()
    ]


def close(got, want):
    if len(got) != len(want):
        return False
    for g, w in zip(got, want):
        if not (math.isclose(g[0], w[0], rel_tol=1e-9) and g[2:] == w[2:]):
            return False
        if (g[1] is None) != (w[1] is None) or (w[1] is not None and not math.isclose(g[1], w[1])):
            return False
    return True


NUMBERS = [
    ("arabic-money", "全年实现地区生产总值5380亿元。", [(5.38e11, None, "money", "元")]),
    ("decimal-wan-yi", "规上工业总产值达1.3万亿元。", [(1.3e12, None, "money", "元")]),
    ("no-float-noise", "由1.45万亿元增长至2.14万亿元。", [(1.45e12, None, "money", "元"), (2.14e12, None, "money", "元")]),
    ("traditional", "規上工業總產值超1.3萬億元。", [(1.3e12, None, "money", "元")]),
    ("full-width-digits", "新增企业１２３家。", [(123, None, "count", "家")]),
    ("full-width-percent", "同比增长１２．５％。", [(12.5, None, "percent", "%")]),
    ("thousands-separator", "全市常住人口达305,160人。", [(305160, None, "count", "人")]),
    # the full-width comma a Chinese input method types, in either width of digits; a comma between
    # a figure and a number of other than three digits still separates them
    ("full-width-thousands-separator", "全市GDP达到１，０００亿元。", [(1e11, None, "money", "元")]),
    ("full-width-comma-ascii-digits", "产值增长12%，1，200家企业上规。", [(12, None, "percent", "%"), (1200, None, "count", "家")]),
    ("a-comma-then-a-figure", "全市GDP增长5%，200家企业上规。", [(5, None, "percent", "%"), (200, None, "count", "家")]),
    ("space-inside", "力争规上工业总产值突破 1 万亿元。", [(1e12, None, "money", "元")]),
    ("chinese-thousand-yi", "计划投资一千亿元建设新区。", [(1e11, None, "money", "元")]),
    ("chinese-liang-wan", "培育科技型中小企业两万家。", [(20000, None, "count", "家")]),
    ("chinese-with-ling", "全年新增市场主体二万零三百家。", [(20300, None, "count", "家")]),
    ("chinese-fifty-three", "共有五十三户企业参与。", [(53, None, "count", "户")]),
    ("percent-in-words", "研发投入占比提高到百分之二十。", [(20, None, "percent", "%")]),
    ("tenths", "民营经济贡献了三成税收。", [(30, None, "percent", "%")]),
    ("near-tenths", "新能源汽车占近七成。", [(70, None, "percent", "%")]),
    ("arabic-tenths", "专精特新企业数增幅超7成。", [(70, None, "percent", "%")]),
    ("tenths-then-wei", "超九成为知名企业配套。", [(90, None, "percent", "%")]),
    ("space-thousands", "小巨人企业总数达4 410 家。", [(4410, None, "count", "家")]),
    ("fraction", "约占全省的三分之一。", [(100 / 3, None, "percent", "%")]),
    ("double-once", "力争经济总量翻一番。", [(2, None, "multiple", "倍")]),
    ("double-twice", "到2035年产值翻两番。", [(4, None, "multiple", "倍")]),
    ("multiple", "出口额增长970.6倍。", [(970.6, None, "multiple", "倍")]),
    ("mixed-qian-wan", "获得补助3千万元。", [(3e7, None, "money", "元")]),
    ("omitted-one", "力争产值突破万亿元。", [(1e12, None, "money", "元")]),
    ("omitted-one-threshold", "新开工亿元以上项目86个。", [(1e8, None, "money", "元"), (86, None, "count", "个")]),
    ("usd", "实际使用外资850亿美元。", [(8.5e10, None, "money", "美元")]),
    ("bare-wan-yi-money", "全市规上工业总产值达5万亿。", [(5e12, None, "money", "元")]),
    ("bare-yi-count", "标识注册量累计达到120.5亿。", [(1.205e10, None, "count", "")]),
    ("count-wan", "建成5G基站超1.7万个。", [(17000, None, "count", "个")]),
    ("range-zhi", "培育1至2个重点产业链。", [(1, 2, "count", "个")]),
    ("range-dash", "每年新建3-5个示范园区。", [(3, 5, "count", "个")]),
    ("range-percent", "增速保持在5%—6%。", [(5, 6, "percent", "%")]),
    ("range-dao", "新增6到8个产业集群。", [(6, 8, "count", "个")]),
    ("range-shared-scale", "每家补助5-10万元。", [(5e4, 1e5, "money", "元")]),
    ("range-own-scales", "给予30万-50万元奖励。", [(3e5, 5e5, "money", "元")]),
    ("range-count-scale", "培育1至2万个市场主体。", [(1e4, 2e4, "count", "个")]),
    ("range-tilde", "增速保持在6%～8%。", [(6, 8, "percent", "%")]),
    ("list-shared-unit", "降幅分别收窄6.9和1.4个百分点。", [(6.9, None, "pp", "个百分点"), (1.4, None, "pp", "个百分点")]),
    ("pp", "城镇化率提高2个百分点。", [(2, None, "pp", "个百分点")]),
    ("pp-chinese", "比上年提高十五个百分点。", [(15, None, "pp", "个百分点")]),
    ("pp-spoken", "物价涨幅高出预期目标1.9个点。", [(1.9, None, "pp", "个百分点")]),
    ("threshold-and-count", "营业收入超1000亿元的企业2家。", [(1e11, None, "money", "元"), (2, None, "count", "家")]),
    ("other-ton", "粮食产量120万吨。", [(1.2e6, None, "other", "吨")]),
    ("other-kwh", "全年发电36亿千瓦时。", [(3.6e9, None, "other", "千瓦时")]),
    ("other-jin", "粮食总产8.2亿斤。", [(8.2e8, None, "other", "斤")]),
    ("other-teu", "集装箱吞吐量达24116TEU。", [(24116, None, "other", "TEU")]),
    ("per-person", "人均补贴50万元/人。", [(5e5, None, "other", "元/人")]),
    ("concentration", "PM2.5平均浓度控制在35微克/立方米以内。", [(35, None, "other", "微克/立方米")]),
    ("per-wan-denominator", "每万人拥有360台/万人。", [(360, None, "other", "台/万人")]),
    ("yu-infix", "吸引1500余家企业入驻。", [(1500, None, "count", "家")]),
    ("duo-infix", "开展活动100多次。", [(100, None, "count", "次")]),
    # issue #9: numbers as they are written
    ("mixed-wan-yi", "全年营收4万6000亿元。", [(4.6e12, None, "money", "元")]),
    ("mixed-wan-yi-2", "进出口总额2万3000亿元。", [(2.3e12, None, "money", "元")]),
    ("mixed-yi-wan", "总投资2亿5000万元。", [(2.5e8, None, "money", "元")]),
    ("mixed-wan-count", "常住人口5万3000人。", [(53000, None, "count", "人")]),
    ("mixed-bare-money", "规上工业总产值4万6000亿。", [(4.6e12, None, "money", "元")]),
    # 5万3000 with nothing after is 53000; 2亿5000 is too loose to read and keeps 2亿 only
    ("mixed-wan-no-unit", "全区常住人口达到5万3000。", [(53000, None, "count", "")]),
    ("mixed-wan-no-unit-comma", "全区常住人口5万3000，比上年增加。", [(53000, None, "count", "")]),
    ("mixed-wan-trad-no-unit", "全區常住人口達到5萬3000。", [(53000, None, "count", "")]),
    ("mixed-yi-no-unit", "全市总投资2亿5000。", [(2e8, None, "money", "元")]),
    ("mixed-wan-before-a-year", "全市新增就业5万2024年实现。", [(5e4, None, "count", "")]),
    ("mixed-thousands-comma", "全市人口5万3,000人。", [(5e4, None, "count", ""), (3000, None, "count", "人")]),
    ("chinese-duo-scale-trad", "全省生產總值二萬四千八百多億元。", [(2.48e12, None, "money", "元")]),
    ("chinese-yu-scale-trad", "財政收入五萬零二百餘億元。", [(5.02e12, None, "money", "元")]),
    ("chinese-ji-scale", "新增就业二十几万人。", [(2e5, None, "count", "人")]),
    ("percent-words-decimal-trad", "同比增長百分之十六點二。", [(16.2, None, "percent", "%")]),
    ("percent-words-below-one", "物价上涨百分之零點八。", [(0.8, None, "percent", "%")]),
    ("per-mille", "人口自然增长率控制在千分之五。", [(0.5, None, "percent", "%")]),
    ("per-mille-sign", "出生率6.58‰，死亡率为-1.2‰。", [(0.658, None, "percent", "%"), (-0.12, None, "percent", "%")]),
    ("bare-scale-jin", "实施新一轮千亿斤粮食产能提升行动。", [(1e11, None, "other", "斤")]),
    ("bare-scale-ton", "原油产量稳定在千万吨以上。", [(1e7, None, "other", "吨")]),
    ("pinyin-in-pp-trad", "增速高出2.8個(gè)百分點。", [(2.8, None, "pp", "个百分点")]),
    ("pinyin-in-pp-simplified", "增速高出2.8个(gè)百分点(diǎn)。", [(2.8, None, "pp", "个百分点")]),
    ("doubled-done", "经济总量已经翻了一番。", [(2, None, "multiple", "倍")]),
]


@pytest.mark.parametrize("text,want", [c[1:] for c in NUMBERS], ids=[c[0] for c in NUMBERS])
def test_numbers_and_units(text, want):
    assert close(found(text), want), found(text)


def test_scaled_values_are_exact_decimals():
    assert list(extract.figures("增加值从3056.9亿元增长至4926.4亿元。").value) == [305690000000.0, 492640000000.0]


@pytest.mark.parametrize("value, scale, want", [
    (2.14, 1e12, 2.14e12),                            # 2140000000000.0002 rounded to 15 digits
    (999999999999999.0, 1.0, 999999999999999.0),      # a whole number of 15 digits: as it is
    (1234567890123456.0, 1.0, 1234567890123460.0),    # 16 digits: rounded like any other value
    (-3.0, 1e4, -30000.0),
])
def test_a_scaled_value_keeps_fifteen_significant_digits(value, scale, want):
    assert extract.engine._scaled(value, scale) == want


NOT_FIGURES = [
    ("iso-date", "2023-04-11  来源:徐州日报"),
    ("month-day", "2月17日,春节假期最后一天。"),
    ("year", "到2035年,基本形成现代工业体系。"),
    ("month-range", "1至9月份,集群发展良好。"),
    ("duration", "用3年时间,三到五年内实现目标。"),
    ("quoted-code", "培育提升“343”创新产业集群,实现“12345”目标。"),
    ("system-code", "构建“1030”产业体系和1650产业体系,系统构筑“4-1050”体系。"),
    ("ship-number", "系列3号船成功下水。"),
    ("5g", "推进5G网络建设。"),
    ("congress", "党的二十大报告指出。"),
    ("ordinal", "成为全省第4家获批单位,跃升至全国第二位。"),
    ("rank", "综合实力位列前10名。"),
    ("ordinal-session", "第十五届运动会开幕。"),
    ("small-chinese", "从五个方面部署,讲三点意见,打造一批企业。"),
    ("two-plans", "实施两个“新三年计划”。"),
    ("idiom", "形成四梁八柱的支撑。"),
    ("cheng-words", "完成任务,一成不变,形成合力,成立公司。"),
    ("named-actions", "制定十大行动计划,培育百强企业,千家高企培育。"),
    ("size-labels", "打造万亿级产业和百亿级企业,建设双千兆网络。"),
    ("ratio", "三次产业结构为11.4:52.8:35.8。"),
    ("time-of-day", "2024 01/04 10:20 新闻"),
    ("url", "链接地址:http://www.example.com/detail_id/422971.html"),
    ("stair-not-unit", "成功迈上新台阶。"),
    ("intensity-unit", "万元GDP能耗继续下降,万元产值水耗降低。"),
    ("page-counter", "2024年05月20日 星期一  浏览次数：1234次"),
    ("page-counter-spaced", "2024年05月20日  点击数 ：  3200次"),
    ("size-label-list", "汽车、电子产业分别达到4500亿、7000亿级规模。"),
    ("size-label-magnitude", "打造7000亿级产业集群。"),
    ("size-label-with-yuan", "建成7000亿元级电子信息和3000亿元级装备制造产业集群。"),
    ("size-label-chinese-with-yuan", "培育形成千億元級、五百亿元级以上的产业集群。"),
    ("size-label-of-power", "建设百万千瓦级核电机组。"),
    ("table-unit", "| 绝对数 (亿元) | 比上年增长 (%) |"),
    ("unit-line", "单位：亿元"),
    ("unit-line-trad", "單位: 萬元"),
    ("page-counter-tab", "阅读次数:\t\t 88次"),
    ("empty", ""),
    ("size-label-ton", "建设千万吨级炼化基地和亿吨大港。"),
    ("months-duration", "工业投资连续36个月保持两位数增长。"),
    ("plenary-session", "为推进落实市委十四届十次全会工作要求。"),
    ("bare-wan-ton-left-out", "建成万吨级泊位。"),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_FIGURES], ids=[c[0] for c in NOT_FIGURES])
def test_not_figures(text):
    assert found(text) == []


def test_pinyin_readings_make_one_figure():
    text = "总产值超1.3萬(wàn)億(yì)元,地區(qū)生產(chǎn)總值6000億元。"
    df = extract.figures(text)
    assert list(df.value) == [1.3e12, 6e11]
    assert df.text.iloc[0] == "1.3萬(wàn)億(yì)元"
    assert "地区生产总值" in df.indicator.iloc[1]


def test_readings_in_either_bracket_are_removed_in_order():
    # a full-width reading after a half-width one, a bracket that is no reading (注), and a
    # reading at the very start of a bracket run: each removed where it stands, the rest kept
    from extract.normalize import has_readings, strip_readings
    # a reading after brackets that hold none, in the other bracket too: found
    assert has_readings("增长(注)(1.2%)产（chǎn）值") and has_readings("（注）产(chǎn)值")
    # the brackets of one kind tried in order from the first, at the text's start too
    assert has_readings("(注)产(chǎn)值(注)")
    assert not has_readings("增长(1.2%)（注）产(值)")
    text = "产（chǎn）值(注)达到1.3萬(wàn)億（yì）元"
    stripped, omap = strip_readings(text)
    assert stripped == "产值(注)达到1.3萬億元"
    assert omap.start(stripped.index("值")) == text.index("值")
    assert omap.start(stripped.index("億")) == text.index("億")
    assert omap.start(stripped.index("元")) == text.index("元")
    assert strip_readings("增长(1.2%)（注）") == ("增长(1.2%)（注）", None)


def test_the_traditional_characters_are_those_t2s_changes():
    from extract.normalize import _traditional_characters
    chars = _traditional_characters()
    # of each block: the basic one (萬, 體, and 鿓 near its end), extension A (㑮, the first of it),
    # the compatibility block (U+F900, its first character, and U+FAD9, its last that t2s changes)
    for c in "萬億體鿓㑮\uf900\ufad9":
        assert c in chars
    for c in "万亿体元\n":
        assert c not in chars
    assert 4000 < len(chars) < 4500 and len(set(chars)) == len(chars)


def test_simplifying_keeps_the_length_and_falls_back_to_one_character_at_a_time(monkeypatch):
    from extract import normalize
    assert normalize.to_simplified("規上工業總產值超1.3萬億元") == "规上工业总产值超1.3万亿元"
    assert normalize.to_simplified("规上工业") == "规上工业"
    # a lone surrogate (OpenCC takes only valid UTF-8): read as U+FFFD, one for one
    assert normalize.to_simplified("萬\ud800億") == "万\ufffd亿"

    class LongerPhrases:
        """A phrase table that changes the length of a text of several characters."""
        def convert(self, text):
            out = text.replace("萬", "万").replace("億", "亿")
            return out + "們" if len(text) > 1 else out

    # (the compiled module keeps its own converter: there the real one answers, the same)
    monkeypatch.setattr(normalize, "_T2S", LongerPhrases())
    normalize._char_t2s.cache_clear()
    try:
        assert normalize.to_simplified("萬億元") == "万亿元"
    finally:
        normalize._char_t2s.cache_clear()


@pytest.mark.parametrize(
    "text",
    ["全年实现地区生产总值5380亿元。", "規上工業總產值超1.3萬億元,增長１２．５％。",
     "萬(wàn)億元以上項目3个,降幅收窄6.9和1.4个百分点。", "\ufeff增长5%—6%。"],
    ids=["plain", "traditional-fullwidth", "pinyin-list", "bom"],
)
def test_offsets_point_into_the_original(text):
    df = extract.figures(text)
    assert len(df) > 0
    for r in df.itertuples():
        assert text[r.start:r.end] == r.text


@pytest.mark.parametrize(
    "text", ["国内唯一一家成功进入供应链的企业。", "引进三四个项目。", "二〇二三年工作总结。"],
    ids=["weiyi-yijia", "estimate-three-four", "digit-by-digit-year"],
)
def test_adjacent_chinese_digits_are_no_numeral(text):
    assert found(text) == []


def test_adjacent_chinese_digits_after_the_point_are_decimals():
    """五點六七兆元: 六七 after 点 are two decimals (5.67), and 兆 before 元 is 万亿 (pages for
    Taiwan and Hong Kong readers); 兆瓦 stays a unit."""
    df = extract.figures("全市生產總值達人民幣五點六七兆元，光伏装机300兆瓦。")
    assert list(zip(df.text, df.value, df.unit)) == [("五點六七兆元", 5.67e12, "元"), ("300兆瓦", 300.0, "兆瓦")]


@pytest.mark.parametrize(
    "text,want",
    [("全省生產總值二萬四千八百多億元。", "gt"), ("財政收入五萬零二百餘億元。", "gt"),
     ("新增就业二十几万人。", "gt"), ("全年营收4万6000亿元。", "eq")],
    ids=["duo", "yu", "ji", "mixed-plain"],
)
def test_numeral_infix_is_more_than(text, want):
    assert list(extract.figures(text).qualifier) == [want]
