"""The format of targets.yaml as data: fields, their meaning, and accepted words.

Every table here is what the loader checks against and what the Chinese comments at
the top of targets.yaml describe; a consistency test keeps the two in step.
"""
from __future__ import annotations

__all__ = [
    "TOP_FIELDS", "TARGET_FIELDS", "REQUIRED", "BASELINE_FIELDS", "GOAL_FIELDS", "SOURCE_FIELDS",
    "OBSERVATION_FIELDS", "FIELD_WORDS", "SETTINGS", "SETTING_RANGES", "SWITCHES", "FIELD_HELP", "OBSERVATION_HELP", "UNIT_SLIP_FACTOR", "AMOUNT_TYPES", "DIRECTIONS", "QUALIFIERS", "TYPES", "TYPE_UNITS",
]

# Top level of the file.
TOP_FIELDS = {
    "settings": "阈值等设置",
    "targets": "目标列表",
}

# One target. Value: what the field means (used in messages).
TARGET_FIELDS = {
    "id": "唯一编号",
    "name": "名称",
    "region": "地区",
    "indicator": "指标名称",
    "unit": "单位",
    "type": "目标类型",
    "direction": "方向",
    "qualifier": "限定词",
    "baseline": "基期",
    "target": "目标值",
    "department": "责任部门",
    "tags": "标签",
    "source": "出处",
    "note": "备注",
    "progress": "进展",
}

# Fields every target must have. `target` may be left out only by a monitored growth
# rate (type rate), e.g. a cluster's output growth reported without a goal.
REQUIRED = ("id", "region", "indicator", "unit", "target", "source")

BASELINE_FIELDS = {"value": "基期值", "date": "基期日期或年份", "note": "备注"}
GOAL_FIELDS = {"value": "目标值", "value_max": "区间上限", "due": "期限（年份或日期）", "note": "备注"}
SOURCE_FIELDS = {"doc": "文件名或文件标题", "date": "发布日期", "quote": "原文句子", "url": "网址"}
OBSERVATION_FIELDS = {
    "date": "日期（年份、年月或年月日）",
    "value": "数值（与目标同一单位）",
    "period": "统计期（如 2023年1—9月）",
    "source": "来源",
    "url": "网址",
    "quote": "原文句子",
    "note": "备注",
}

# Field names staff type in Chinese or pinyin -> the field meant. A message about an unknown
# field suggests the field only where it is allowed (目标值 is value inside target).
FIELD_WORDS = {
    "编号": "id", "名称": "name", "地区": "region", "指标": "indicator", "指标名称": "indicator", "单位": "unit",
    "类型": "type", "目标类型": "type", "方向": "direction", "限定词": "qualifier", "基期": "baseline",
    "目标": "target", "责任部门": "department", "部门": "department", "标签": "tags", "出处": "source",
    "来源": "source", "备注": "note", "说明": "note", "进展": "progress", "数值": "value", "值": "value",
    "目标值": "value", "基期值": "value", "区间上限": "value_max", "上限": "value_max", "日期": "date",
    "年份": "date", "基期日期": "date", "期限": "due", "截止": "due", "文件": "doc", "文件名": "doc",
    "原文": "quote", "网址": "url", "链接": "url", "统计期": "period",
    "bianhao": "id", "mingcheng": "name", "diqu": "region", "zhibiao": "indicator", "danwei": "unit",
    "leixing": "type", "fangxiang": "direction", "jiqi": "baseline", "mubiao": "target", "bumen": "department",
    "biaoqian": "tags", "laiyuan": "source", "chuchu": "source", "beizhu": "note", "jinzhan": "progress",
    "shuzhi": "value", "riqi": "date", "qixian": "due", "wangzhi": "url", "yuanwen": "quote",
}

# Settings and their defaults: the thresholds of the Open SDG progress measure (ratio of
# observed to required growth), and how old the latest observation may be before a status
# is flagged 数据滞后.
# login_to_view puts the dashboard's pages behind its login (editing always needs one).
SETTINGS = {"on_track": 0.95, "accelerate": 0.6, "stale_after_months": 15, "login_to_view": False}
# (lowest, highest, whole number only) of each numeric setting.
SETTING_RANGES = {"on_track": (0, 2, False), "accelerate": (0, 2, False), "stale_after_months": (1, 120, True)}
# Settings that are switches: written true or false.
SWITCHES = ("login_to_view",)

# A value this many times its baseline (or latest value), or this fraction of it, is
# probably in the wrong unit (30000 写成 万亿元, 5380 写成 万亿元).
UNIT_SLIP_FACTOR = 20
# Target types whose values are amounts comparable with each other across the entry.
AMOUNT_TYPES = ("level", "increment")

# direction: accepted words -> code. 'down' targets fall (能耗, 排放, 失业率).
DIRECTIONS = {"up": "up", "down": "down", "上升": "up", "增长": "up", "下降": "down", "降低": "down"}

# qualifier: accepted words -> code (FIGURES.md codes, plus the words staff copy from documents).
QUALIFIERS = {
    "eq": "eq", "ge": "ge", "gt": "gt", "le": "le", "lt": "lt", "approx": "approx",
    "达": "eq", "达到": "eq", "迈上": "ge", "突破": "ge", "以上": "ge", "不低于": "ge", "至少": "ge",
    "超": "gt", "超过": "gt", "余": "gt", "多": "gt",
    "以内": "le", "不超过": "le", "不高于": "le", "控制在": "le",
    "不到": "lt", "近": "lt", "以下": "lt", "低于": "lt",
    "约": "approx", "左右": "approx",
}

# type: accepted words -> code, and what the code means.
TYPES = {
    "level": "level", "increment": "increment", "flow": "flow", "rate": "rate", "share": "share",
    "水平": "level", "总量": "level", "新增": "increment", "增量": "increment",
    "每年": "flow", "年度": "flow", "增速": "rate", "增长率": "rate", "占比": "share", "比重": "share",
}
TYPE_MEANING = {
    "level": "达到的水平（总量、家数）",
    "increment": "在基期上新增的量（目标值写新增量）",
    "flow": "每年（或某一年）完成的量，如每年实施300项",
    "rate": "增长率，如增长7%",
    "share": "占比，如占比55%",
}

# Categories of unit each type accepts (rates and shares are percentages).
TYPE_UNITS = {
    "level": ("money", "count", "other", "percent", "multiple"),
    "increment": ("money", "count", "other", "percent", "pp"),
    "flow": ("money", "count", "other"),
    "rate": ("percent", "pp", "multiple"),
    "share": ("percent",),
}

# The help staff read beside each field when they add or correct a target (the dashboard's
# 编辑 page shows it): the words of the comments at the top of targets.yaml, section 二, one
# entry a field (a test checks that the header says each of them).
FIELD_HELP = {
    "id": "唯一编号，不含空格、/ 和 :，如 ks-gdp-2026（用在网址和数据表中）",
    "name": "名称，图表和表格中显示（默认“地区·指标”，如 昆山市·地区生产总值）",
    "region": "地区，如 昆山市、苏州市、徐州市",
    "indicator": "指标名称，用文件原话，如 地区生产总值、规上工业总产值、高新技术企业",
    "unit": "单位，按工作人员习惯写，数值与之对应（6000 配 亿元，1.3 配 万亿元）",
    "type": "目标类型（默认 level）：\n"
            "level 达到的水平（总量、家数），如“总量迈上6000亿元”\n"
            "increment 在基期上新增的量，target.value 写新增量，如“新增1000亿元”；"
            "进展写总量，按“基期 + 新增量”（即6000亿元）计算进度；同一目标只写一条\n"
            "flow 每年（或某一年）完成的量，如“每年实施300项”；进展写当年累计数；按最新进展所在年度（不晚于期限所在年度）判断，该年度结束时仍未达到即为逾期未完成\n"
            "rate 增长率，如“增长7%”；只监测增速、没有目标值时可省略 target\n"
            "share 占比，如“占比55%”\n"
            "（也可写中文：水平、新增、每年、增速、占比）",
    "direction": "方向（默认 up）：up 越大越好；down 越小越好（能耗、排放）",
    "qualifier": "限定词（默认 eq）：eq 达到；ge 突破/以上/不低于；gt 超/超过/余；"
                 "le 以内/不超过；lt 不到/低于/近；approx 约/左右（也可直接写这些中文词）",
    "baseline": "基期：{value: 基期值, date: 年份或日期}，如 {value: 5000, date: 2023}；"
                "可加 note 说明数值从何推得；未知时整项省略（不要编造）",
    "target": "目标：{value: 目标值, due: 期限年份或日期}；区间目标加 value_max，"
              "如“1至2个”写 {value: 1, value_max: 2, due: 2029}；可加 note",
    "department": "责任部门",
    "tags": "标签列表，如 [\"12345\", \"343\", \"1030\"]（数字标签请加引号）",
    "source": "出处：doc 文件名或标题 *；date 发布日期；quote 原文句子（逐字照抄）；url 网址",
    "note": "备注",
    "progress": "进展：列表，按日期先后排列，每项：",
}
# The same for each field of a progress entry (section 二, under progress).
OBSERVATION_HELP = {
    "date": "年份（2024）、年月（2023-09）或日期（2024-02-17）；年份指年末",
    "value": "数值，与 unit 同一单位",
    "period": "统计期，如 2023年1—9月",
    "source": "来源（公报、新闻标题）",
    "url": "网址",
    "note": "备注",
    "quote": "原文句子（逐字照抄，python -m tracker update 写入时自动填上）",
}
