"""The extractor's vocabulary: every word it knows, as plain tables.

Adding a word is a one-line change here plus a test case in tests/test_extract_*.py.
Words are written in simplified characters; the patterns accept their traditional
forms too (generated with OpenCC in patterns.py), and the classifiers read a
simplified copy of each sentence.

Sources: the five documents in ../shared/corpus, ../shared/FIGURES.md (the
contract), and the usual wording of Chinese government work reports and
statistics bulletins (国民经济和社会发展统计公报).
"""

#: Scale words after a number: 1.3万亿 → 1.3 × 1e12. 千/百 only count with Arabic
#: digits before them (3千万); Chinese numerals carry their own 千/百.
SCALES = {
    "兆": 1e12,  # 5.2兆元, 一點四兆斤 in pages for Taiwan and Hong Kong readers (万亿); a scale only before 元 and 斤
    "万亿": 1e12,
    "千亿": 1e11,
    "百亿": 1e10,
    "十亿": 1e9,
    "亿": 1e8,
    "千万": 1e7,
    "百万": 1e6,
    "十万": 1e5,
    "万": 1e4,
    "千": 1e3,
    "百": 1e2,  # 5百家; patterns.py keeps 百分点/百分之 out
}

#: Scale words that may stand alone before 元 when the 一 is left out
#: (突破万亿元 → 1e12, 亿元以上项目 → 1e8).
BARE_SCALES = ("万亿", "千亿", "百亿", "亿", "千万", "百万", "万")

#: Scale words that may stand alone before a unit of measure (新增千亿斤粮食产能, 原油千万吨以上).
#: 万 alone is left out: 万吨 stands in names of size (万吨级码头, 万吨巨轮).
BARE_OTHER_SCALES = ("万亿", "千亿", "百亿", "亿", "千万", "百万")

#: Currencies: surface → normalised unit. Values stay in the stated currency.
CURRENCIES = {
    "元": "元",
    "元人民币": "元",
    "美元": "美元",
    "欧元": "欧元",
    "日元": "日元",
    "港元": "港元",
    "港币": "港元",
    "英镑": "英镑",
}

#: Measure words of counts: surface → normalised unit (FIGURES.md `count`).
#: Deliberately absent: 年 月 日 天 周 小时 岁 (durations and dates), 号 届 期 级 (ordinals,
#: phases, grades), 点 (三点意见), 批 is kept (3批) since 一批 falls to the below-ten rule.
MEASURE_WORDS = {
    w: w
    for w in (
        "家", "个", "项", "款", "张", "次", "架", "台", "辆", "人", "名", "座", "条",
        "所", "套", "件", "户", "方面", "批", "只", "头", "处", "栋", "幢", "间", "部",
        "位", "支", "根", "颗", "本", "篇", "场", "宗", "笔", "份", "例", "株", "棵",
        "艘", "列", "类", "种", "门", "组", "枚", "匹", "块", "片",
        "人次", "家次", "户次", "个次", "轮", "轮次", "幅",
    )
}
MEASURE_WORDS["箇"] = "个"  # an old form of 个 that traditional text keeps (169箇中央廚房)

#: Words that begin with a measure word but are not one: 3万亿台阶 is 3万亿, not 台.
FALSE_UNITS = (
    "台阶", "台风", "条件", "条例", "所有", "所以", "部门", "部署", "部分", "门槛", "人民", "人才",
    "名单", "名称", "名片", "位于", "次要", "件事", "处理", "处于", "头部", "间隔", "场景", "场所",
    "种类", "类型", "组织", "组成", "批准", "批复", "款式", "份额", "例如", "本地", "本市", "本区",
    "片区", "块状", "户籍", "支持", "支撑", "根据", "笔者", "座谈", "只有", "只要", "元素", "项目",
    "幅度",
)

#: Units of other measured quantities: surface → normalised unit (FIGURES.md `other`).
#: 'G' alone is left out on purpose: 5G is a name, not 5 of anything.
OTHER_UNITS = {
    "吨标准煤": "吨标准煤",
    "吨标煤": "吨标准煤",  # 能源消费总量控制在3.64亿吨标煤左右
    "吨": "吨",
    "千瓦时": "千瓦时",
    "兆瓦时": "兆瓦时",
    "千瓦": "千瓦",
    "兆瓦": "兆瓦",
    "吉瓦": "吉瓦",
    "千伏": "千伏",
    "千升": "千升",  # 白酒产量24.5万千升
    "公斤": "公斤",
    "千克": "千克",
    "斤": "斤",
    "TEU": "TEU",
    "标箱": "标箱",
    "标准箱": "标准箱",
    "平方公里": "平方公里",
    "平方千米": "平方公里",
    "平方米": "平方米",
    "立方米": "立方米",
    "公里": "公里",
    "千米": "公里",
    "亩": "亩",
    "公顷": "公顷",
    "微克/立方米": "微克/立方米",
    "毫克/立方米": "毫克/立方米",
    "GW": "GW",
    "MW": "MW",
    "kWh": "kWh",
    "GWh": "GWh",  # 储能规模35GWh: energy, not the power GW
    "MWh": "MWh",
    "Gbps": "Gbps",
    "Mbps": "Mbps",
    # computing power (算力规模达到12EFLOPS), as digital-economy plans state it since 2023
    "EFLOPS": "EFLOPS",
    "EFlops": "EFLOPS",
    "PFLOPS": "PFLOPS",
    "PFlops": "PFLOPS",
    "TFLOPS": "TFLOPS",
    "TFlops": "TFLOPS",
    "℃": "℃",  # 气温38—40℃
    "摄氏度": "℃",
    "岁": "岁",  # 人均预期寿命达到83岁
}

#: Words of a share before a fraction written with a slash: 占全国粮食总量1/9, 占GDP比重达到1/3以上
#: (a 1/9 with none of them before it in its clause is no share: a date, a page, a score).
SHARE_WORDS = ("占", "比重", "份额", "比例")

#: Before an amount, these make the name after its 的 the measure by which something is done or
#: ranked (昆山市以5615.34亿元的GDP一骑绝尘): the name ends with its word of money (GDP).
BY_MEANS_WORDS = ("以", "凭借", "凭")

#: Words that restate the figure before in another unit or currency (人均地区生产总值73232元，按2024年
#:平均汇率计算为10283美元; 5000万美元，折合人民币3.5亿元): the restated figure measures the same thing.
CONVERSION_WORDS = ("计算为", "折算为", "折算成", "折合", "约合")

#: Computing power written with one letter after the number (智能算力规模超20000P, 5E): a unit only
#: where a word of computing power stands before it in its clause.
COMPUTE_LETTER_UNITS = {"P": "PFLOPS", "E": "EFLOPS"}
COMPUTE_WORDS = ("算力",)

#: Percent and point units: surface → (category, normalised unit).
RATE_UNITS = {
    "%": ("percent", "%"),
    "％": ("percent", "%"),
    "个百分点": ("pp", "个百分点"),
    "百分点": ("pp", "个百分点"),
    "个点": ("pp", "个百分点"),  # 高出预期目标1.9个点: the spoken form of percentage points
    "倍": ("multiple", "倍"),
    "℅": ("percent", "%"),  # the care-of sign that some pages type for % (增长15℅)
    "‰": ("percent", "%"),  # 出生率6.58‰: per mille, written as the percent it is (0.658%), as 千分之五
}

#: Units whose number is scaled to the unit they normalise to: 6.58‰ → 0.658%.
UNIT_FACTORS = {"‰": 0.1}

#: Words that tie a number to what it qualifies, before the number.
#: FIGURES.md: ge 突破 以上 不低于 至少; gt 超 超过 余 多; le 以内 不超过; lt 不到 近 以下; approx 约 左右.
QUALIFIERS_BEFORE = {
    "突破": "ge",
    "破": "ge",  # a headline's 突破: GDP破万亿
    "跌破": "lt",  # fell below: 跌破1%
    "不低于": "ge",
    "不少于": "ge",
    "至少": "ge",
    "超过": "gt",
    "超": "gt",
    "逾": "gt",
    "高于": "gt",
    "多于": "gt",
    "不超过": "le",
    "不高于": "le",
    "最多": "le",
    "不到": "lt",
    "不足": "lt",
    "低于": "lt",
    "少于": "lt",
    "将近": "lt",
    "接近": "lt",
    "近": "lt",
    "约": "approx",
    "大约": "approx",
    "近似": "approx",
}

#: Words after the unit.
QUALIFIERS_AFTER = {
    "以上": "ge",
    "及以上": "ge",
    "以下": "lt",
    "以内": "le",
    "之内": "le",
    "左右": "approx",
    "上下": "approx",
}

#: Infixes between number and unit: 1500余家, 100多个.
QUALIFIERS_INFIX = {"余": "gt", "多": "gt"}

#: After these, a bare 万元 is a unit of intensity, not an amount: 万元GDP能耗, 万元产值.
PER_AMOUNT_FOLLOWERS = ("GDP", "地区生产总值", "生产总值", "产值", "工业增加值", "增加值", "营收", "收入")

#: Separators of a range: 1至2个, 3-5个, 5%—6%, 6到8个.
RANGE_SEPARATORS = ("至", "到", "-", "—", "–", "~", "～", "〜", "－", "——")

#: Separators of a list sharing one unit: 收窄6.9和1.4个百分点.
LIST_SEPARATORS = ("、", "和", "与", "與", "及")  # 與: traditional 与

#: Words that make the figure after them a decrease (FIGURES.md sign rule).
DECREASE_WORDS = ("下降", "减少", "降低", "回落", "负增长", "收缩", "下滑", "缩减", "减", "减产", "减收", "降")

#: Words that make a percent after them a change, a growth rate (同比增长11.5%, 提升超过20%), and
#: the words that may stand between (超过, 达). A level reached (提升至55%) is no change: 至 is
#: not among them. The dashboard's growth page reads its rates with these.
CHANGE_WORDS = ("增长", "增速", "增幅", "提高", "提升", "下降", "降低", "回落", "增加", "减少", "上涨", "涨幅")
CHANGE_INFIXES = ("超过", "超", "达到", "达", "约", "近", "了", "分别")

#: After a decrease word these words make the figure a level reached, not a change.
LEVEL_MARKERS = ("至", "到", "为")

#: A number right after these counts a web page's visits, not anything the text is about.
PAGE_COUNTERS = ("浏览次数", "浏览量", "阅读量", "阅读次数", "阅读数", "点击量", "点击数", "点击次数",
                 "访问量", "访问次数", "评论数", "点赞数", "浏览")

#: Words before a number that make it an ordinal or rank, not a quantity.
ORDINAL_PREFIXES = ("第", "届")  # 第4家; 十四届十次全会: the session after 届 is an ordinal
#: After 个 these make a duration, not a count: 连续36个月, 3个工作日 (FIGURES.md: durations are no figures).
DURATION_AFTER_GE = ("月", "小时", "工作日", "季度", "星期", "礼拜", "年头", "钟头")
#: 前10名, 排名前3位: ranks.
RANK_PREFIXES = ("前", "排名", "位列", "位居", "上升", "下降", "前移", "后移", "提升")  # and moves: 比一季度上升5位
RANK_UNITS = ("名", "位", "强")

#: Cues of kind. The nearest cue before a figure, within its sentence, decides.
#: A cue may be a regular expression fragment (to tie two words together).
TARGET_CUES = (
    "力争", "争取", "目标", "确保", "计划", "规划", "预计", "将", "要", "拟", "力求",
    "努力", "每年", "下一步", "未来", "加快构建", "加快形成", "打造", "冲刺", "有望",
    "用\\d+年", "用[一二两三四五六七八九十]+年", "到20\\d\\d年", "至20\\d\\d年", "20\\d\\d年前",
    "十四五", "十五五", "着力", "预期", "期末",
)
ACTUAL_CUES = (
    "已", "已经", "截至", "截止", "同比",
    "拥有", "目前", "现有", "共有", "以来", "实现了", "达到了", "去年", "上年",
    "20\\d\\d年(?:全年)?(?:实现|完成|全市|全省|全区)",
    "(?<![一二三四五六七八九十\\d])[一二三四五六七八九十\\d]+(?:至|到|-|—|–)[一二三四五六七八九十\\d]+月", "前三季度", "上半年", "年初以来", "稳步提升至",
)
#: 预计 looks forward, except in the year-end reports of January to March, where '预计，全市实现
#: 地区生产总值…' estimates the year just ended (FIGURES.md: 预计 of a period already over).
ESTIMATE_CUE = "预计"
ESTIMATE_REPORT_MONTHS = (1, 2, 3)
#: Under a review heading 争取 with what is sought after it tells what was obtained (争取中央预算内资金
#: 3.5亿元, 争取增发国债项目69个), where in a plan it is a goal (全年争取上级资金20亿元以上): the words
#: of funds and projects that such a 争取 takes, within a few characters after it.
ACQUIRED_CUE = "争取"
ACQUIRED_OBJECTS = ("资金", "项目", "国债", "债券", "专项债", "补助", "奖补", "试点")
#: Verbs that a plan uses for what it will build and a review for what was built (高标准打造现代农业科技
#: 示范园区26个 under 一、2024年工作回顾): under a review heading they tell what was done.
REVIEW_DEEDS = ("打造", "着力", "加快构建", "加快形成", "努力")

#: Actual cues that begin with a target cue and win over it: 预计数 (an estimate of a past year),
#: 计划完成率 (how much of a plan was done; 全年计划完成投资98.5亿元 is the plan itself).
#: 完成年度计划的76.3%, 占年度计划的81.83%, 完成年度目标任务的78.5%, 完成1-4月投资计划的132.1%,
#: 超年度计划目标13.9%: shares of a plan or goal reached (or passed) so far; 高于市政府下达目标4个百分点,
#: 低于目标0.9个百分点, 未达预期目标: a result compared with its goal. A target cue before one in its
#: clause makes it a goal again (力争完成全年目标的55%).
ACTUAL_OVERRIDES = ("预计数", "计划完成率",
                    "(?:完成|占|超过|超出|超|高于|低于|快于|慢于|未达到|未达|未完成)了?"
                    "(?:(?:[市省区县]|上级)?(?:政府|委)?下达的?)?"
                    "(?:年度|全年|总|上半年|前三季度|一季度|[一二三四五六七八九十\\d]+"
                    "(?:至|到|-|—|–|~)[一二三四五六七八九十\\d]+月份?)?(?:投资)?(?:预期)?(?:计划目标|目标任务|计划|目标)")

#: Verbs of achievement that a plan uses too ('力争建成20个'): they mark an actual figure only
#: when no target cue stands before them in the same clause.
ACTUAL_WEAK_CUES = ("完成", "建成", "获批", "获", "入选", "成功",
                    # a change from last year: a result, unless a goal's cue leads it (力争全年…比上年增长5%)
                    "比上年", "较上年")
#: A cue of kind only counts when it is not part of a larger word: 要 in 重要/主要, 将 in 将近.
NOT_CUES = (
    "重要", "主要", "需要", "要素", "纲要", "摘要", "将近", "即将", "完成度",
    "获得感", "推动力", "目标任务",
    # nouns that hold a cue: 发明专利拥有量, 共有产权住房, 人均预期寿命, 未来社区, 期末余额
    "拥有量", "拥有率", "共有产权", "预期寿命", "未来社区", "未来工厂", "未来乡村", "期末余额",
    # a ratio per head or household (每千人拥有社会体育指导员3.25名, 每百户拥有汽车40辆): no result
    "人拥有", "人口拥有", "户拥有",
    # last year as the base of a comparison (预期增长7.5%以上，较去年增加1个百分点): no result of last year
    "较去年", "比去年",
    # last year as the base a change starts from (居民收入在上年基础上增长6%): no result of last year
    "上年基础", "上年的基础",
    # a result measured against what was expected: 已超预期完成, 好于预期
    "超预期", "好于预期", "高于预期", "超出预期",
)

#: Relative horizons: 用3年时间, 三到五年内, 3年左右.
HORIZON_WORDS = ("年时间", "年左右时间", "年左右", "年内", "年")

#: Named five-year plans → their last year.
PLAN_PERIODS = {"十四五": 2025, "十五五": 2030, "十三五": 2020}

#: Money-like subjects: a bare 万/亿 magnitude after them is money (FIGURES.md).
MONEY_SUBJECTS = (
    "产值", "GDP", "生产总值", "经济总量", "投资", "收入", "税收", "增加值", "营收", "营业",
    "销售", "利润", "总额", "资金", "融资", "存款", "贷款", "消费", "出口", "进口", "外贸",
    "财政", "预算", "金额", "规模", "成交", "基金", "资产", "社会消费品零售",
)

#: Words that, left alone before a figure once its verbs and times are stripped, name nothing: the
#: figure measures what the one before it does (两年平均增长5.9%, 比上年末净减少13.33万人).
EMPTY_NAMES = ("平均", "净")
#: Words of comparing with a wider place ('高于全国0.6个百分点'): with that place alone they name
#: nothing either; the difference is of what the figure before measures.
COMPARED_WITH_WORDS = ("高于", "低于", "快于", "慢于", "领先", "落后于", "落后")

#: Words after a figure that do not name what it measures (6000亿元新台阶).
NOT_INDICATORS = ("新台阶", "台阶", "大关", "关口", "级", "新高", "目标", "水平", "左右", "以上")

#: Heads of indicator noun phrases: what a figure counts or measures usually ends with one.
#: A long phrase after a figure is cut after its first head ('综合科研平台加快建设' → 综合科研平台).
INDICATOR_HEADS = (
    "企业", "项目", "园区", "集群", "产业", "产业链", "平台", "工厂", "车间", "基地", "中心", "机构",
    "单位", "股东", "领域", "场景", "零部件", "产品", "专班", "活动", "举措", "图表", "基站", "机架",
    "产业群",
    "人才", "岗位", "学校", "医院", "资金", "用户", "专利", "标准", "品牌", "案例", "节点", "工程",
    "产值", "总值", "增加值", "收入", "投资", "税收", "利润", "总额", "总量", "规模", "比重", "增速",
)

#: Words stripped from the end of the phrase before a figure to leave its indicator.
INDICATOR_TAIL_WORDS = (
    "同比增长", "同比下降", "同比", "增长", "增速", "下降", "降", "减少", "降低", "提高", "提升至", "提升",
    "稳步提升至", "累计达到", "达到", "达", "突破", "破", "超过", "超", "迈上", "实现", "完成", "占比",
    "占", "为", "是", "的", "约", "近", "逾", "至", "到", "新增", "共", "有", "已有", "拥有",
    "分别", "获批", "获", "建成", "形成", "打造", "力争", "确保", "收窄", "扩大", "累计",
    "比上年", "较上年", "比去年",
    "设定在", "设定为", "定为", "预期目标", "增长目标", "有望",  # 增长目标设定在5%左右, 预期目标增长6%: a growth
    "跨越", "迈过", "跃上", "站上", "到达", "保持在", "控制在", "稳定在", "增至", "升至", "降至",
    "增加", "将", "合计", "合计将", "首次", "首次达到", "由", "从",
    "上涨", "上升", "回落", "下滑", "增幅", "降幅", "相当于", "高达", "多达", "预计",
    "已经", "目前", "现有", "共有", "争取", "截至", "截止", "定格在", "定格于", "分别于", "分别在",
)
#: A phrase after a figure that starts with one of these is a predicate, not what the figure measures.
AFTER_VERBS = (
    "增长", "下降", "提高", "提升", "升至", "增至", "降至", "增加", "减少", "达到", "达", "比", "较",
    "占", "同比", "突破", "超过", "位居", "位列", "居", "保持", "实现", "完成", "以上", "左右", "增速",
)
#: Words that open a horizon at the start of a phrase (到2027年规上工业总产值…): the horizon is
#: when, not what, and is no part of an indicator.
HORIZON_LEADS = ("力争到", "争取到", "计划到", "预计到", "确保到", "力争在", "到", "至", "在")

#: Words that make the period after them a comparison base (比前三季度, 较上半年, 比2023年): it is
#: neither the period an actual covers nor part of what the figure measures.
COMPARISON_WORDS = ("比", "较", "相比", "相较于", "相较", "较之")

#: Words before a period and 的 that make it the base a multiple or share is of (为上年同期的1.2倍).
MULTIPLE_OF_WORDS = ("为", "是", "相当于", "达到", "达")

#: Periods that serve as a comparison base after those words (a year or months are added in the patterns).
COMPARISON_PERIODS = ("上年同期", "去年同期", "同期", "上年末", "去年末", "上年底", "去年底", "上年", "去年", "上月", "上季度", "前三季度", "上半年",
                      "下半年", "第一季度", "一季度", "年初")

#: Words before months or a half that put them in the year before the document's (去年下半年).
LAST_YEAR_WORDS = ("去年", "上年")

#: Words after a figure that make what follows the group a threshold defines (突破13万亿元的省份,
#: 近4成的贸易增量): the figure measures that group when the phrase before it names no indicator.
GROUP_MARKERS = ("的",)

#: Longest indicator; a longer phrase is cut at a list or word boundary (INDICATOR_HEADS), never inside a word.
INDICATOR_MAX = 20

#: Words stripped from the start of that phrase.
INDICATOR_HEAD_WORDS = (
    "其中", "目前", "全年", "今年以来", "今年", "年初以来", "同时", "此外", "全市", "全区", "全省",
    "全县", "在全市", "在全区", "在全县", "在全省", "范围内", "域内",
    "已有", "已", "共有", "拥有", "推动", "实现", "力争", "确保", "形成", "开展", "明确", "组织",
    "去年", "上年", "要", "将", "预计", "争取", "冲刺", "我们", "由", "从", "完成", "的", "按可比价格计算", "按可比价计算", "按现价计算", "同比", "年均", "其中",
)

#: Region names: surface → canonical name. Short forms count when the text uses them.
CITIES = (
    "南京", "无锡", "徐州", "常州", "苏州", "南通", "连云港", "淮安", "盐城", "扬州", "镇江",
    "泰州", "宿迁", "昆山", "江阴", "宜兴", "常熟", "张家港", "太仓", "上海", "北京", "杭州",
    "深圳", "广州", "宁波", "合肥", "成都", "重庆", "天津", "武汉", "西安", "郑州", "济南", "青岛",
)
PROVINCES = ("江苏", "浙江", "广东", "山东", "安徽", "上海", "北京")
REGIONS = {**{c: c + "市" for c in CITIES}, **{c + "市": c + "市" for c in CITIES}}
#: A short region name (苏州, not 苏州市) names a region only as a subject, followed by one of
#: these; otherwise it is part of a name (上海交大, 苏州纳米所).
REGION_SUBJECT_FOLLOWERS = (
    "是", "已", "将", "全", "共", "实现", "新增", "的", "在", "要", "还", "正", "拥有", "累计",
    "GDP", "地区", "经济", "工业", "规上", "市", "作为", "坚持", "聚焦", "加快", "推动", "今年",
    "去年", "力争", "目前", "以", "把", "对", "为",
)

#: After a short region name, words that make it part of another name (重庆路, 上海证券报, 西安交大):
#: no mention of the region. And the words after 在+name that make it a venue (在西安开幕).
REGION_NAME_PARTS = ("路", "街", "大道", "大街", "证券", "日报", "晚报", "报社", "银行", "大学", "交大", "学院",
                     "机场", "火车站", "站", "港")
VENUE_WORDS = ("开幕", "召开", "举行", "举办", "闭幕")

#: Words by which a document speaks of its own city: the document's region.
OWN_REGION_WORDS = ("我市", "全市", "本市")

#: Period words for actual figures.
MONTH_RANGE = r"(?P<m1>[1-9]|1[0-2]|[一二三四五六七八九十]|十[一二])\s*(?:至|到|-|—|–|~)\s*(?P<m2>[1-9]|1[0-2]|[一二三四五六七八九十]|十[一二])\s*月"

# --- document structure (structure.py) ------------------------------------------------------

#: Bullets that start a list item or a heading line: ■ 2024年成绩单, ●经济增长6%左右, ◆…
LIST_BULLETS = ("■", "□", "●", "○", "◆", "◇", "▲", "△", "★", "☆", "▶", "►", "•", "◎", "√", "❖")

#: Words that open a section of targets (FIGURES.md: 目标 makes a target): every figure in it is one.
TARGET_SECTION_WORDS = ("主要预期目标", "预期目标", "主要目标", "发展目标", "总体目标", "主要指标", "目标任务是")
#: Words of a section of goals that sentences also use (完成年度目标的53.3%, 不设年度目标任务): they
#: open one only where they end their line or introduce what follows (一、2025年年度目标, 工作目标：).
TARGET_SECTION_HEADING_WORDS = ("年度目标", "工作目标", "重点目标")
#: After a section word, these make it a report on the goals, not a list of them (2025年主要目标的完成,
#: 主要预期目标完成情况, 发展目标实现): no section opens there.
SECTION_REVIEW_FOLLOWERS = ("的完成", "完成", "的实现", "实现", "进展", "执行情况", "落实情况")
#: Of those, the ones set for one year (a work report's): due in the year they name, or the document's.
ANNUAL_SECTION_WORDS = ("预期目标", "年度目标")

#: Words of a heading over the work planned for a year (二、2025年工作安排, 今年重点工作): the
#: figures under it are what the year is to bring, and those words of a report on that work
#: (2025年重点工作进展情况) that make it no plan.
WORK_PLAN_HEADING_WORDS = ("工作安排", "重点工作", "主要工作", "重点任务", "主要任务", "工作打算", "工作部署",
                           "目标任务", "工作思路", "工作计划", "工作任务", "总体要求")
WORK_REVIEW_WORDS = ("进展", "完成情况", "落实情况", "执行情况")

#: Column headings of a table flattened to one cell a line (指标名称 / 属性 / 全年目标 / 全年完成):
#: a column of goals and a column of results; a run of headings with one of them opens such a table.
TABLE_TARGET_COLUMNS = ("目标", "计划", "预期值")
TABLE_ACTUAL_COLUMNS = ("完成", "实际", "实绩")

#: Words of looking back: a heading or title with one states no deadline (2015—2019年成就回顾).
HISTORY_WORDS = ("回顾", "成绩单", "成就", "成绩", "成效", "过去五年", "过去一年", "总结", "发展基础", "发展现状",
                 "取得的")

#: Words that name a document as a plan of work to be done: in its title (the first lines), they
#: make a figure with no cue of kind a target (措施 and 办法 name rules as often as plans).
PLAN_DOCUMENT_WORDS = ("实施方案", "行动方案", "工作方案", "行动计划", "若干措施", "政策措施", "工作要点",
                       "实施意见", "专项规划", "发展规划", "投资计划", "建设计划", "工作计划")

#: Before a plan's name in a title, these make the document news of the plan (某市发布…行动计划),
#: unless it is a notice that issues it (关于印发《…实施方案》的通知).
NEWS_OF_PLAN_WORDS = ("发布", "出台", "公布", "推出", "印发", "解读", "审议", "通过", "制定")
ISSUING_WORDS = ("关于印发", "关于下发", "关于转发")
#: Before a plan's word in a title, these make the document a review first (2025年工作总结及2026年
#: 工作计划): its plan starts under its own heading, not at the top.
PLAN_NAME_REVIEW_WORDS = ("总结", "工作情况", "完成情况", "执行情况", "回顾")

#: Words of a plan's title: a title line with one and a period states the plan's deadline.
PLAN_TITLE_WORDS = ("计划", "方案", "规划", "意见", "纲要", "行动", "措施", "办法", "政策", "工程")

#: Verbs by which a text reports what a plan or meeting set out (该计划提出，到2025年……): the
#: figures after them are targets even in the past tense of a news item, and keep their horizon.
REPORT_CUES = ("提出", "明确", "要求", "确定了", "确定", "设定", "部署")
#: Of those, the verbs that can only set goals (会议确定2008年全市实现地区生产总值970亿元): what follows
#: is a goal for the year it names, even a year that was over when the text was written.
GOAL_SETTING_CUES = ("确定", "设定")
