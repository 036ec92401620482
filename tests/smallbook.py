"""A small fixed book for the dashboard's tests, with every figure worked out by hand.

Assessed on 2026-06-30 (settings: on_track 0.95, accelerate 0.6, stale after 15 months, so
data of 2025-12-31 are fresh and data of 2024-12-31 are 数据滞后). Growth is compound from
the baseline (2023-12-31) to the latest data; 731 days to 2025-12-31, 1096 days to 2026-12-31,
366 days to 2024-12-31 (2024 is a leap year); a year is 365.25 days.

id             place    figures                                   by hand
ks-firms       昆山市   3000→4000家 due 2025, 3600 at 2025-12-31   due passed, short → 逾期未完成, gap 400家
xz-output      徐州市   5000→6000亿元 due 2026, 4800 in 2024       fell → 倒退, gap 1200亿元, 数据滞后
sz-gdp         苏州市   24000→30000亿元 due 2026, 25000 in 2025     (25/24)^(365.25/731)-1 = 2.06%, needed
                                                                   (30/24)^(365.25/1096)-1 = 7.72%, R = 0.27
                                                                   → 进展缓慢, gap 5000亿元, progress 1/6 = 16.7%
ks-gdp         昆山市   5000→6000亿元 due 2026, 5500 in 2025        1.1^(365.25/731)-1 = 4.88% (4.9%), needed
                                                                   1.2^(365.25/1096)-1 = 6.26% (6.3%), R = 0.78
                                                                   → 需加快, gap 500亿元, progress 50%; at 4.88%
                                                                   a year 6000 is reached log 1.2 / log 1.0488
                                                                   = 3.83 years after 2023-12-31: in 2027
sz-firms       苏州市   15000→20000家 due 2026, 19000 in 2025       12.54% against 10.06%, R = 1.25 → 进度正常
xz-firms       徐州市   2000→2500家 due 2026, 2600 in 2025          met → 已完成
xz-growth      徐州市   growth rate, no goal, 27.7% (1—2月) and     仅监测; two periods: a line
                        30.4% (1—4月) of 2023
xz-renovation  徐州市   每年300项, no data                           暂无数据; no baseline is stated
"""

from pathlib import Path

TODAY = "2026-06-30"

BOOK = """\
settings: {on_track: 0.95, accelerate: 0.6, stale_after_months: 15}
targets:
  - id: sz-firms
    region: 苏州市
    indicator: 高新技术企业
    unit: 家
    baseline: {value: 15000, date: 2023}
    target: {value: 20000, due: 2026}
    source: {doc: 苏州.txt, quote: 到2026年高新技术企业达到2万家}
    progress:
      - {date: 2025, value: 19000}
  - id: xz-renovation
    region: 徐州市
    indicator: 重大技改项目
    unit: 项
    type: flow
    qualifier: ge
    target: {value: 300}
    source: {doc: 徐州.txt, quote: 每年实施300项以上重大技改项目}
    progress: []
  - id: ks-gdp
    region: 昆山市
    indicator: 地区生产总值
    unit: 亿元
    baseline: {value: 5000, date: 2023}
    target: {value: 6000, due: 2026}
    department: 昆山市发改委
    source: {doc: 昆山.txt, date: 2023-02-17, quote: 到2026年地区生产总值迈上6000亿元新台阶}
    progress:
      - {date: 2025, value: 5500}
  - id: ks-firms
    region: 昆山市
    indicator: 高新技术企业
    unit: 家
    baseline: {value: 3000, date: 2023}
    target: {value: 4000, due: 2025}
    department: 昆山市科技局
    source: {doc: 昆山.txt, date: 2023-02-17, quote: 到2025年高新技术企业达到4000家}
    progress:
      - {date: 2025, value: 3600}
  - id: xz-growth
    region: 徐州市
    indicator: 绿色低碳能源产值增速
    unit: "%"
    type: rate
    source: {doc: 徐州.txt}
    progress:
      - {date: 2023-02, value: 27.7, period: 2023年1—2月}
      - {date: 2023-04, value: 30.4, period: 2023年1—4月}
  - id: sz-gdp
    region: 苏州市
    indicator: 地区生产总值
    unit: 亿元
    baseline: {value: 24000, date: 2023}
    target: {value: 30000, due: 2026}
    department: 苏州市发改委
    source: {doc: 苏州.txt, quote: 到2026年地区生产总值达到3万亿元}
    progress:
      - {date: 2025, value: 25000}
  - id: xz-output
    region: 徐州市
    indicator: 规上工业总产值
    unit: 亿元
    baseline: {value: 5000, date: 2023}
    target: {value: 6000, due: 2026}
    department: 徐州市工信局
    source: {doc: 徐州.txt, quote: 到2026年规上工业总产值达到6000亿元}
    progress:
      - {date: 2024, value: 4800}
  - id: xz-firms
    region: 徐州市
    indicator: 高新技术企业
    unit: 家
    baseline: {value: 2000, date: 2023}
    target: {value: 2500, due: 2026}
    source: {doc: 徐州.txt, quote: 到2026年高新技术企业达到2500家}
    progress:
      - {date: 2025, value: 2600}
"""

# The order of urgency: 逾期未完成, 倒退, 进展缓慢, 需加快, 进度正常, 已完成, then 仅监测, 暂无数据.
URGENT_FIRST = ["ks-firms", "xz-output", "sz-gdp", "ks-gdp", "sz-firms", "xz-firms", "xz-growth", "xz-renovation"]
FILE_ORDER = ["sz-firms", "xz-renovation", "ks-gdp", "ks-firms", "xz-growth", "sz-gdp", "xz-output", "xz-firms"]


def write(folder: Path) -> Path:
    path = folder / "targets.yaml"
    path.write_text(BOOK, encoding="utf-8")
    return path
