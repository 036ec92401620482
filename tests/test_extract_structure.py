"""Context beyond the sentence (issue #9, extract/structure.py): one table per rule.

Each case is a small document written the way work reports, plans and news items are laid
out, the figure it is about (by its surface text), and the kind and deadline that figure must
get. Every table holds cases the rule must not catch. Dates are given where the rule depends on
the document's year, as `--date` would give them.
"""
import pandas as pd
import pytest

import extract
from extract import structure


def reading(text, surface, date=None, nth=0):
    df = extract.figures(text, date=date)
    rows = df[df.text == surface]
    assert len(rows) > nth, f"{surface!r} not found in {list(df.text)}"
    row = rows.iloc[nth]
    due = None if pd.isna(row.deadline) else int(row.deadline)
    return row.kind, due


def check(table):
    return pytest.mark.parametrize("text,date,surface,want", [c[1:] for c in table],
                                   ids=[c[0] for c in table])


#: Title period: a plan's title states its period; its targets with no horizon take its end.
TITLES = [
    ("action-plan-title", "新乡市建设制造强市三年行动计划（2023—2025年）\n力争规上工业企业突破2200家。",
     "2023-10-24", "2200家", ("target", 2025)),
    ("implementation-title-no-nian", "某市数字经济实施方案（2024-2026）\n力争数字经济核心产业增加值突破500亿元。",
     "2024-03-01", "500亿元", ("target", 2026)),
    ("title-needs-a-target", "某市三年行动计划（2024—2026年）\n一、发展基础\n全市现有规上企业1800家。",
     "2024-03-01", "1800家", ("actual", None)),
    ("history-title", "2015—2019年成就回顾\n力争新增企业300家。", None, "300家", ("target", None)),
    ("period-already-over", "某市三年行动计划（2018—2020年）\n力争新增企业300家。", "2024-03-01", "300家",
     ("target", None)),
    # news of a plan named with its years, that goes on to report what the plan sets out
    ("news-of-a-plan-with-its-years", "6月19日，工信厅发布关于征求《某区低空经济实施方案(2024-2027年)(征求意见稿)》意见的公告。"
     "《方案》提出，培育头部企业3-5家。通用机场建成数量达到50个。", "2024-06-19", "50个", ("target", 2027)),
    ("news-of-a-plan-that-refers-to-it-as-such", "工信厅印发《某区低空经济实施方案（2024—2027年）》。该方案提出，"
     "培育头部企业3-5家。通用机场建成数量达到50个。", "2024-06-19", "50个", ("target", 2027)),
    ("plan-named-in-a-sentence", "新闻\n省发改委发布《某市中长期发展规划（2023-2030年）》。\n力争新增企业300家。",
     "2023-12-25", "300家", ("target", None)),
]


@check(TITLES)
def test_title_period(text, date, surface, want):
    assert reading(text, surface, date) == want


#: Heading period: a heading's horizon holds to the next heading of its rank or higher.
HEADINGS = [
    ("heading-horizon", "一、到2028年主要目标\n规上工业总产值突破1000亿元。\n高新技术企业达到500家。",
     "2024-03-01", "500家", ("target", 2028)),
    ("numbered-heading-sentence", "（二）发展目标。到2025年，初步建成先进制造业强市。\n产业能级更高。规上工业企业突破2200家。",
     "2023-10-24", "2200家", ("target", 2025)),
    ("next-heading-ends-it", "（一）到2025年主要目标\n企业突破2200家。\n（二）发展现状\n全市有企业1800家。",
     "2023-10-24", "1800家", ("actual", None)),
    ("history-heading", "2024-03-01\n一、2015—2019年成就回顾\n全市新增企业300家。", None, "300家", ("actual", None)),
    ("history-heading-words", "2025-01-17\n■ 2024年成绩单\n●粮食总产达到557亿斤", None, "557亿斤", ("actual", None)),
]


@check(HEADINGS)
def test_heading_period(text, date, surface, want):
    assert reading(text, surface, date) == want


#: A leading time phrase scopes the rest of its paragraph, and the items after a closing colon.
LEADS = [
    ("items-in-one-sentence", "2024—2026年，全区聚焦“两个提升”：一是高新技术企业达到500家；二是研发投入增长10%。",
     "2024-03-01", "10%", ("target", 2026)),
    ("rest-of-paragraph", "其中提到，到2027年，工业总产值达到600亿元。在3-5个关键材料领域形成优势。",
     "2025-07-11", "3-5个", ("target", 2027)),
    ("numbered-lines", "到2026年，全区要实现：\n1.规上工业企业达到300家；\n2.研发投入强度达到3%。",
     "2024-03-01", "3%", ("target", 2026)),
    ("bullet-lines", "到2026年，全区要实现：\n■高新技术企业达到500家\n■研发投入强度达到3%", "2024-03-01", "3%",
     ("target", 2026)),
    ("one-shi-lines", "2024—2026年，全区聚焦“两个提升”：\n一是高新技术企业达到500家；\n二是研发投入增长10%。",
     "2024-03-01", "500家", ("target", 2026)),
    ("list-ends-at-a-plain-paragraph", "到2026年，全区要实现：\n1.规上工业企业达到300家。\n全区现有企业200家。",
     "2024-03-01", "200家", ("actual", None)),
    ("next-paragraph-is-free", "到2026年，规上工业企业达到300家。\n全区现有企业200家。", "2024-03-01", "200家",
     ("actual", None)),
    ("past-period-is-history", "2015—2019年，全市新增企业300家。", "2024-03-01", "300家", ("actual", None)),
    ("not-leading", "力争形成4个万亿级产业；到2035年，基本建成。", "2024-01-04", "4个", ("target", None)),
]


@check(LEADS)
def test_leading_time_phrase(text, date, surface, want):
    assert reading(text, surface, date) == want


#: An expected-targets section: every figure in it is a target, due in the year it names.
SECTIONS = [
    ("work-report-paragraph", "2024年，四川省经济社会发展主要预期目标是：地区生产总值增长6%左右；城镇新增就业85万人。",
     "2024-01-22", "85万人", ("target", 2024)),
    ("this-year", "报告指出，今年发展主要预期目标是：经济增长4.5%-5%，城镇新增就业1200万人以上。",
     "2026-03-16", "1200万人", ("target", 2026)),
    ("items-on-following-lines", "报告提出，今年广东经济社会发展的主要预期目标是：\n◆地区生产总值增长5%；\n◆粮食产量1270万吨。",
     "2024-01-23", "1270万吨", ("target", 2024)),
    ("heading-section", "■ 2025年经济社会发展的主要预期目标\n●经济增长6%左右\n●城镇新增就业70万人以上",
     "2025-01-17", "70万人", ("target", 2025)),
    ("traditional-heading", "二、2024年國民經濟和社會發展主要預期目標和任務\n預期全省地區生產總值增長5.5%左右。",
     "2024-02-18", "5.5%", ("target", 2024)),
    ("actual-cue-inside-the-section", "今年的主要预期目标是：研发投入强度比上年提高0.1个百分点。", "2024-01-22",
     "0.1个百分点", ("target", 2024)),
    ("section-ends-with-its-list", "今年的主要预期目标是：\n◆地区生产总值增长5%；\n报告指出，去年全省新增企业300家。",
     "2024-01-23", "300家", ("actual", None)),
    ("no-section-word", "2023年广东地区生产总值达到13.57万亿元、增长4.8%。", "2024-01-23", "4.8%", ("actual", None)),
    # a paragraph that looks back names past goals: no section of this year's (总结 is a word of history)
    ("a-look-back-naming-the-goals", "总结过去一年，年度目标是：新增企业300家。", "2026-03-01", "300家", ("target", None)),
    # a paragraph that opens goals with 目标: (any words before it) and the one paragraph after its colon
    ("goals-opener-then-a-paragraph", "《纲要》提出“十四五”时期（2021年至2025年）的确切目标：\n经济发展进入全新阶段，年均增长6%左右。",
     "2021-05-19", "6%", ("target", 2025)),
    ("goals-opener-inline", "该市确定了今后的目标：经济年均增长6%左右。", "2021-05-19", "6%", ("target", None)),
    ("goals-opener-is-to", "全区的目标是：新增企业300家。", "2024-03-01", "300家", ("target", None)),
    ("paragraph-after-a-colon-only-one", "全区的目标是：\n新增企业300家。\n去年全区新增企业200家。", "2024-03-01",
     "200家", ("actual", None)),
    # in a paragraph, a sentence whose first words name another year ends the section; the same year goes on
    ("a-sentence-of-another-year-ends-it", "2023年郑州的主要预期目标是生产总值增长7%。长沙2022年预计地区生产总值增长4.8%。",
     "2023-01-05", "4.8%", ("actual", None)),
    ("a-sentence-after-who-says-it", "2026年主要预期目标是：生产总值增长5%以上。 报告提到，2025年，全市税收占比74.3%。",
     "2026-01-19", "74.3%", ("actual", None)),
    # a headline whose 目标: goes on in its own line is a headline's clause, not a list of goals
    ("a-headline-colon-with-its-clause", "各地相继公布今年经济增长目标:部分地区高于去年实际增速\n据报道，2019年通辽市地区生产总值实现1267.3亿元。",
     "2020-04-26", "1267.3亿元", ("actual", None)),
    ("a-heading-colon-that-opens-a-list", "今年经济增长目标:\n地区生产总值增长5%左右", "2020-04-26", "5%", ("target", 2020)),
    # a headline's section starts with the clause that names it
    ("a-headline-clause-before-the-section", "济南去年GDP预计超过1.4万亿元,今年预期目标增长5%以上\n正文。", "2026-01-19",
     "1.4万亿元", ("actual", None)),
    ("the-headline-clause-of-the-section", "济南去年GDP预计超过1.4万亿元,今年预期目标增长5%以上\n正文。", "2026-01-19",
     "5%", ("target", 2026)),
    ("a-sentence-of-the-same-year-goes-on", "2023年的主要预期目标是：生产总值增长7%。2023年城镇新增就业12万人。",
     "2023-01-05", "12万人", ("target", 2023)),
    # a headline that states a goal with its figure governs only itself: the news may look back first
    ("a-headline-goal-then-a-look-back", "• 最近访问:\n新疆2026年地区生产总值预期目标增长5.5%—6%\n"
     "1月27日，自治区主席作政府工作报告。\n总的来看，“十四五”时期的五年，地区生产总值年均增长5.9%。",
     "2026-01-28", "5.9%", ("actual", None)),
    ("the-headline-goal-itself", "• 最近访问:\n新疆2026年地区生产总值预期目标增长5.5%—6%\n正文。",
     "2026-01-28", "5.5%—6%", ("target", 2026)),
    # a section heading without its figures, after the body has begun, opens the plan of the year
    # 年度目标 and 工作目标 open a section where they end a heading or introduce a list, not in a sentence
    ("a-years-goals-heading", "一、2025年年度目标\n1. 生产总值增长6%左右。(市发展改革委负责)\n"
     "7. 粮食产量32万吨以上。(市农业农村局负责)", "2025-02-27", "32万吨", ("target", 2025)),
    ("work-goals-with-a-colon", "工作目标：\n全市新增企业300家。", "2025-02-27", "300家", ("target", None)),
    ("a-years-goals-in-a-sentence", "6.实际利用外资：实际到资3.73亿美元，完成年度目标的53.3%。", "2019-10-17",
     "53.3%", ("actual", None)),
    ("no-years-goals-set", "2025年全县30项民生实事中不设年度目标任务，截至9月底已完成19项。", "2025-10-09",
     "19项", ("actual", None)),
    # a heading of goals over the next years: due as 今后五年 counts from the document's date (FIGURES.md)
    ("goals-of-the-next-five-years", "赶超发展的五年\n地区生产总值年均增长8.6%;\n今后五年的重点目标\n"
     "地区生产总值突破3000亿元;\n财政总收入突破500亿元;", "2017-04-22", "3000亿元", ("target", 2021)),
    ("goals-of-the-next-three-years-late-in-a-year", "未来3年主要目标\n新增企业300家。", "2024-09-01", "300家",
     ("target", 2027)),
    ("a-body-heading-opens-the-plan", "报告回顾了过去一年的工作。\n二、2026年主要预期目标\n全市建成5G基站3000个。",
     "2026-01-28", "3000个", ("target", 2026)),
]


@check(SECTIONS)
def test_expected_targets_section(text, date, surface, want):
    assert reading(text, surface, date) == want


#: A plan of work (its title names one): a figure with no cue and no year of its own is a target;
#: under a heading of looking back, or with a year of its own, it stays what its sentence says.
PLAN_DOC = ("怀化市人民政府办公室关于印发《怀化市促进消费实施方案》的通知\n\n各县市区人民政府：\n\n"
            "一、发展基础\n全市共有商贸企业3000家，2023年社会消费品零售总额达到800亿元。\n\n"
            "二、主要措施\n1.加大促消费力度。整合3000万元资金用于发放消费券。\n2.全市已建成商业街区12个。")
PLAN_DOCUMENTS = [
    ("no-cue-is-a-target", PLAN_DOC, "2023-03-15", "3000万元", ("target", None)),
    ("under-a-history-heading", PLAN_DOC, "2023-03-15", "3000家", ("actual", None)),
    ("a-year-of-its-own", PLAN_DOC, "2023-03-15", "800亿元", ("actual", None)),
    ("an-actual-cue", PLAN_DOC, "2023-03-15", "12个", ("actual", None)),
    ("not-a-plan", PLAN_DOC.replace("实施方案", "工作报告"), "2023-03-15", "3000万元", ("actual", None)),
    ("news-of-a-plan", "某市发布促进消费行动计划\n全市整合3000万元资金用于发放消费券。", "2023-03-15", "3000万元",
     ("actual", None)),
    ("issuing-notice-traditional", "懷化市人民政府辦公室關于印發《促進消費實施方案》的通知\n整合3000萬元資金用于發放消費券。",
     "2023-03-15", "3000萬元", ("target", None)),
    ("a-figure-at-the-very-start", "20个重点项目建设实施方案\n全市推进重点项目建设。", "2023-03-15", "20个",
     ("target", None)),
    ("plan-named-late-in-the-text", "全市消费情况通报\n\n" + "全市消费平稳。" * (structure._TITLE_SPAN // 7 + 1)
     + "\n某市促进消费实施方案\n整合3000万元资金。", "2023-03-15", "3000万元", ("actual", None)),
    # the word of a plan in a sentence names no plan the document is: it ends no name
    ("a-plan-word-inside-a-sentence", "全市消费情况通报\n根据实施方案，整合3000万元资金。", "2023-03-15", "3000万元",
     ("actual", None)),
]


#: (text, the name of the plan the document is, or None): the word that names a plan ends the name,
#: at a 》, a bracket, 的通知 or the end of its line; in a sentence it names no plan the text is.
PLAN_NAME_CASES = [
    ("关于印发《某市促进消费实施方案》的通知", "某市促进消费实施方案"),
    ("现将《某省有效投资专项行动方案(2025)》印发给你们。", "某省有效投资专项行动方案(2025)"),
    ("关于下达2026年第一批基本建设项目投资计划的通知", "关于下达2026年第一批基本建设项目投资计划"),
    ("首页>政府文件\n某区2026年重点项目建设计划\n正文", "某区2026年重点项目建设计划"),
    ("某市制造业行动计划（2024—2026年）\n正文", "某市制造业行动计划（2024—2026年）"),
    ("某市有效投资行动方案(2025)\n正文", "某市有效投资行动方案(2025)"),
    ("關于印發《促進消費實施方案》的通知", "促进消费实施方案"),
    ("全市投资情况\n全市固定资产投资计划总额3000万元。", None),
    ("全市消费情况通报\n根据实施方案，整合资金。", None),
    ("某市发布促进消费行动计划\n正文", None),
    ("市政府制定《某市促进消费实施方案》，深入推进。", None),
    ("区人民政府2024年工作计划\n正文", "区人民政府2024年工作计划"),
    # a review before the plan: the document is no plan from its top
    ("某街道2025年工作总结及2026年工作计划\n正文", None),
    ("某厅2024年工作情况和2025年工作计划\n正文", None),
]


@pytest.mark.parametrize("text, name", PLAN_NAME_CASES)
def test_the_name_of_the_plan_a_document_is(text, name):
    assert structure.plan_name(text) == name


@check(PLAN_DOCUMENTS)
def test_a_plan_of_work_sets_out_targets(text, date, surface, want):
    assert reading(text, surface, date) == want


#: A plan's name states its year or period: the targets with no horizon of their own are due then,
#: and a figure dated in that year (or later) is one of its targets, not an actual of the past.
PLAN_NAMES = [
    ("investment-plan-notice", "关于下达2026年第一批基本建设项目投资计划的通知\n2026年第一批基本建设项目共90个。",
     "2026-01-12", "90个", ("target", 2026)),
    ("construction-plan-title", "某区2026年重点项目建设计划\n政府投资项目54个。", "2026-01-12", "54个", ("target", 2026)),
    ("a-year-in-brackets-after-the-name", "现将《某省有效投资专项行动方案(2025)》印发给你们。\n一、主要目标\n"
     "全省投资增长5%左右。力争制造业投资增速高于10%。", "2025-04-01", "10%", ("target", 2025)),
    ("a-year-in-brackets-on-the-title-line", "某市有效投资行动方案(2025)\n力争制造业投资增速高于10%。", "2025-04-01",
     "10%", ("target", 2025)),
    ("a-period-in-a-named-plan", "现将《某市制造业三年行动计划（2024—2026年）》印发给你们。\n力争新增企业300家。",
     "2024-04-01", "300家", ("target", 2026)),
    ("a-plans-year-already-over", "现将《某省有效投资专项行动方案(2024)》印发给你们。\n力争制造业投资增速高于10%。",
     "2025-04-01", "10%", ("target", None)),
    ("a-past-year-in-a-plan-of-the-year", "某区2026年重点项目建设计划\n2025年全区共有项目100个。", "2026-01-12",
     "100个", ("actual", None)),
    ("no-year-in-the-name", "某市促进消费实施方案\n整合3000万元资金用于发放消费券。", "2023-03-15", "3000万元",
     ("target", None)),
    # a five-year period in a plan's name; news of such a plan issued near the top of the text
    ("a-five-year-period-in-the-name", "某市“十四五”现代产业体系发展规划\n新增高新技术企业500家。", "2021-06-01",
     "500家", ("target", 2025)),
    ("news-of-a-five-year-plan", "近日，《广州市文化和旅游发展“十四五”规划(以下简称《规划》)》由市文化广电旅游局发布实施。"
     "《规划》提出，全市旅游总收入力争达到4500亿元。", "2021-09-01", "4500亿元", ("target", 2025)),
    ("a-five-year-plan-cited-in-passing", "按照《某市“十四五”规划纲要》的部署，全市加快发展。力争新增企业300家。",
     "2021-09-01", "300家", ("target", None)),
    ("news-of-a-past-five-year-plan", "近日，《某市“十三五”规划》发布实施。力争新增企业300家。", "2021-09-01",
     "300家", ("target", None)),
    ("a-work-plan-of-a-year-undated", "区人民政府2024年工作计划\n全年安排亿元以上项目325个，完成固定资产投资450亿元以上。",
     None, "450亿元", ("target", 2024)),
    ("a-summary-then-a-plan", "某街道2025年工作总结及2026年工作计划\n一、工作完成情况\n全年新增企业243家。",
     None, "243家", ("actual", None)),
]


@check(PLAN_NAMES)
def test_a_plans_name_states_its_year(text, date, surface, want):
    assert reading(text, surface, date) == want


#: In a plan of work, a verb of achievement (完成, 建成) states what the work is to achieve,
#: unless a year already over dates it; outside a plan it reports what was done.
ACHIEVEMENT_VERBS_IN_PLANS = [
    ("under-a-years-work", "三、2024年主要工作安排\n完成耕地修复2000亩，建成高标准农田0.15万亩。", "2024-01-20",
     "2000亩", ("target", 2024)),
    ("second-verb-under-a-years-work", "三、2024年主要工作安排\n完成耕地修复2000亩，建成高标准农田0.15万亩。",
     "2024-01-20", "0.15万亩", ("target", 2024)),
    ("in-a-list-under-a-years-work", "三、2024年主要工作安排\n一是保障粮食安全。完成耕地修复2000亩。", "2024-01-20",
     "2000亩", ("target", 2024)),
    ("in-a-plan-document", "某市促进消费实施方案\n建成商业街区12个。", "2023-03-15", "12个", ("target", None)),
    ("a-past-year-dates-it", "三、2024年主要工作安排\n2023年完成耕地修复1000亩。", "2024-01-20", "1000亩",
     ("actual", None)),
    ("undated-any-year-dates-it", "某市促进消费实施方案\n2022年建成商业街区12个。", None, "12个", ("actual", None)),
    ("outside-a-plan", "全市情况通报\n全年完成耕地修复2000亩。", "2024-01-20", "2000亩", ("actual", None)),
    # a future horizon that leads a paragraph scopes its verbs of achievement too
    ("under-a-leading-horizon", "到2027年，全市新能源汽车产量达到130万辆。初步建成充电体系，建成示范区域不少于200平方公里。",
     "2025-03-01", "200平方公里", ("target", 2027)),
    ("a-sentences-own-relative-horizon-is-no-scope", "三年内，高新技术企业完成3000家。", "2024-03-01", "3000家",
     ("actual", None)),
]


@check(ACHIEVEMENT_VERBS_IN_PLANS)
def test_verbs_of_achievement_in_a_plan(text, date, surface, want):
    assert reading(text, surface, date) == want


#: A document that states no date, but sets out a year's work under a heading, is of that year: its
#: 今年 is that year. A report on the work or a look back gives no year.
UNDATED_WORK_YEARS = [
    ("year-from-a-work-heading", "今年主要预期目标是：地区生产总值增长8%左右。\n三、2024年主要工作安排\n围绕上述目标，抓好九个方面工作。",
     None, "8%", ("target", 2024)),
    ("year-from-a-marked-heading", "今年主要预期目标是：地区生产总值增长8%左右。\n（三）2025年重点任务", None, "8%",
     ("target", 2025)),
    ("a-report-on-the-work", "今年主要预期目标是：地区生产总值增长8%左右。\n三、2024年重点工作进展情况", None, "8%",
     ("target", None)),
    ("a-look-back", "今年主要预期目标是：地区生产总值增长8%左右。\n三、2023年重点工作回顾", None, "8%",
     ("target", None)),
    ("in-a-sentence-not-a-heading", "今年主要预期目标是：地区生产总值增长8%左右。会议部署了2024年重点工作。", None,
     "8%", ("target", None)),
    ("a-stated-date-wins", "今年主要预期目标是：地区生产总值增长8%左右。\n三、2024年主要工作安排", "2025-01-20", "8%",
     ("target", 2025)),
]


@check(UNDATED_WORK_YEARS)
def test_an_undated_documents_year_from_its_work(text, date, surface, want):
    assert reading(text, surface, date) == want


#: Years in Chinese numerals read as years; a past year leading a paragraph looks back; a section
#: word mentioned inside a sentence opens no section; a year's expected targets date an undated text.
DOCUMENT_YEARS = [
    ("a-chinese-numeral-horizon", "到二〇二七年，全市新增企业300家。", "2025-03-01", "300家", ("target", 2027)),
    ("a-circle-for-zero", "二○二五年前，全市新增企业300家。", "2024-03-01", "300家", ("target", 2025)),
    ("undated-targets-name-their-year", "市长公布二○二六年经济社会发展主要预期目标，地区生产总值增长目标设定为百分之五左右。",
     None, "百分之五", ("target", 2026)),
    ("a-year-before-a-place-starting-with-shang", "公布2026年上海经济社会发展主要预期目标，其中增长目标设定为5%左右。",
     "2026-01-20", "5%", ("target", 2026)),
    ("a-past-year-leads-a-paragraph", "今年的主要预期目标是：地区生产总值增长5%左右。\n龚正指出，2025年全市经济运行稳中有进。"
     "地方一般公共预算收入达8500亿元。", "2026-01-20", "8500亿元", ("actual", None)),
    ("the-years-own-paragraph-is-no-look-back", "今年的主要预期目标是：地区生产总值增长5%左右。\n2026年，全市经济稳中求进。"
     "地方一般公共预算收入达8500亿元。", "2026-01-20", "8500亿元", ("target", 2026)),
    ("a-later-years-paragraph-dates-its-tasks", "2025年全县30项民生实事中，其余27项已完成19项。剩余8项中，"
     "2个嵌入式养老机构建设已完成1个，15个农村幸福院建设已完成8个。", "2025-10-09", "15个", ("target", 2025)),
    ("since-a-year-is-no-year-lead", "2025年以来，全县新建农村幸福院15个。", "2025-10-09", "15个", ("actual", None)),
    # a paragraph that looks ahead to a year (展望2025年，…) dates the targets of its later sentences
    # an estimate under a heading that looks back is of the past: the year just ended, even undated
    ("an-estimate-in-a-review", "一、过去五年和2021年工作回顾\n2021年预计地区生产总值4700亿元、增长8%。\n"
     "二、2022年工作安排\n预计全年地区生产总值增长6%。", "2022-06-30", "4700亿元", ("actual", None)),
    ("an-estimate-under-the-plan-after-it", "一、过去五年和2021年工作回顾\n2021年预计地区生产总值4700亿元、增长8%。\n"
     "二、2022年工作安排\n预计全年地区生产总值增长6%。", "2022-06-30", "6%", ("target", 2022)),
    # a quotation the words after it name as a year's goals
    ("quoted-goals", "号角已吹响。“GDP增长5.5%左右，规模以上工业增加值增长8.5%左右……”2025年赣州经济社会发展的主要预期目标已确定。",
     "2025-01-13", "8.5%", ("target", 2025)),
    ("a-quote-of-results", "“GDP增长5.5%，规模以上工业增加值增长8.5%……”2024年赣州经济成绩单亮眼。", "2025-01-13", "8.5%",
     ("actual", None)),
    # a heading that is only a year: what is under it is that year's
    ("a-year-heading", "2025年——\n全市地区生产总值增长5.4%。\n2026年——\n锚定“十五五”，生产总值预期目标增长5.5%以上。",
     "2026-01-20", "5.5%", ("target", 2026)),
    ("a-past-year-heading", "2025年——\n全市地区生产总值增长5.4%。\n2026年——\n锚定“十五五”，生产总值预期目标增长5.5%以上。",
     "2026-01-20", "5.4%", ("actual", None)),
    ("a-year-heading-over-a-section", "2026年——\n锚定“十五五”，生产总值预期目标增长5.5%以上\n报告提出今年的主要预期目标是："
     "生产总值增长5.5%以上，一般公共预算收入增长3%左右。", "2026-02-04", "3%", ("target", 2026)),
    ("a-section-anchored-to-a-plan-period", "锚定“十五五”，生产总值预期目标增长5.5%以上", "2026-02-04", "5.5%",
     ("target", 2026)),
    # a list of goals that names no year goes on with the goals the document set before it
    ("a-list-of-goals-after-the-years-goal", "将今年国内生产总值增长目标设定在5%左右。\n\n其他经济目标还包含：赤字率拟按4%安排；"
     "城镇新增就业1200万人以上。", "2026-03-06", "1200万人", ("target", 2026)),
    ("a-list-of-goals-with-none-before", "其他经济目标还包含：赤字率拟按4%安排；城镇新增就业1200万人以上。", "2026-03-06",
     "1200万人", ("target", None)),
    # 争取 with the funds or projects sought: obtained under a review heading, sought in the year's work
    ("funds-obtained-in-a-review", "一、2024年工作回顾\n过去一年，我们争取中央预算内资金3.5亿元。\n二、2025年工作安排\n"
     "全年争取上级资金20亿元以上。", "2025-01-20", "3.5亿元", ("actual", None)),
    ("funds-obtained-far-after-the-verb", "一、2023年工作回顾\n争取到位园区配套基础设施建设专债资金10亿元。", "2024-01-18",
     "10亿元", ("actual", None)),
    ("projects-obtained-in-a-review", "一、2024年工作回顾\n争取增发国债项目69个，获得国债资金97.4亿元。", "2025-01-20",
     "69个", ("actual", None)),
    ("funds-sought-in-the-years-work", "一、2024年工作回顾\n过去一年，我们争取中央预算内资金3.5亿元。\n二、2025年工作安排\n"
     "全年争取上级资金20亿元以上。", "2025-01-20", "20亿元", ("target", 2025)),
    # a plan's verbs of building, under a review heading: what was built
    *[(f"built-in-a-review-{w}", f"一、2024年工作回顾\n高标准{w}现代农业科技示范园区26个。\n二、2025年工作安排\n"
       f"{w}示范园区30个。", "2025-01-20", "26个", ("actual", None)) for w in ("打造", "着力", "加快构建", "加快形成", "努力")],
    ("built-in-the-years-work", "一、2024年工作回顾\n高标准打造现代农业科技示范园区26个。\n二、2025年工作安排\n"
     "打造示范园区30个。", "2025-01-20", "30个", ("target", 2025)),
    ("a-goal-sought-in-a-review-is-not-obtained", "一、2024年工作回顾\n年初我们争取实现地区生产总值增长6%。", "2025-01-20",
     "6%", ("target", None)),
    ("looking-ahead-to-a-year", "展望2025年，宁夏计划加快形成城乡融合的发展格局。计划改造农村公路1500公里，"
     "并力争使农村卫生厕所普及率达到71%以上。", "2025-01-19", "71%", ("target", 2025)),
    ("looking-ahead-leaves-results-alone", "展望2025年，全区将加快发展。目前全区已建成小城镇13个。", "2025-01-19",
     "13个", ("actual", None)),
    ("a-section-word-mentioned-in-a-sentence", "今年7月，市委下发了若干意见，确定了全市工业的发展目标，并提出了政策保障。"
     "1-7月全市工业增加值348亿元。", "2016-08-20", "348亿元", ("actual", None)),
    ("a-section-word-that-introduces-goals", "会议指出，全市的发展目标是：工业增加值达到400亿元。", "2016-08-20", "400亿元",
     ("target", None)),
]


@check(DOCUMENT_YEARS)
def test_years_of_a_document_and_its_paragraphs(text, date, surface, want):
    assert reading(text, surface, date) == want


def test_years_in_chinese_numerals_keep_the_length():
    from extract.normalize import arabic_years
    text = "二〇二六年和二○二五年，以及一九九八年，零售额三千亿元"
    assert arabic_years(text) == "2026年和2025年，以及1998年，零售额三千亿元"
    assert arabic_years("一九九八年") == "一九九八年"  # no zero: the cheap test passes it by


#: A table flattened to one cell a line: (text, [(figure, kind, deadline, indicator)]), by hand.
FLAT_TABLE = ("表一  2025年全市主要目标完成情况\n\n指标名称\n\n属性\n\n全年目标\n\n全年完成\n\n"
              "全市生产总值\n\n预期性\n\n增长5%左右\n\n增长5.4%\n\n"
              "地方一般公共预算收入\n\n预期性\n\n增长2%\n\n增长1.5%\n\n"
              "每万人口高价值发明专利拥有量\n\n预期性\n\n63件左右\n")
FLAT_TABLES = [
    ("goals-and-results-columns", FLAT_TABLE, "2026-02-12",
     [("5%", "target", 2025, "全市生产总值"), ("5.4%", "actual", None, "全市生产总值"),
      ("2%", "target", 2025, "地方一般公共预算收入"), ("1.5%", "actual", None, "地方一般公共预算收入"),
      ("63件", "target", 2025, "每万人口高价值发明专利拥有量")]),
    ("results-first", FLAT_TABLE.replace("全年目标", "实际完成X").replace("全年完成", "年度计划"), "2026-02-12",
     [("5%", "actual", None, "全市生产总值"), ("5.4%", "target", 2025, "全市生产总值"),
      ("2%", "actual", None, "地方一般公共预算收入"), ("1.5%", "target", 2025, "地方一般公共预算收入"),
      ("63件", "actual", None, "每万人口高价值发明专利拥有量")]),
    ("a-paragraph-ends-the-table", "表一  2025年主要目标完成情况\n指标名称\n全年目标\n全年完成\n全市生产总值\n增长5%左右\n"
     "增长5.4%\n全年新登记市场主体增加，新设外资企业同比增长8%，继续保持平稳较快的增长态势。", "2026-02-12",
     [("5%", "target", 2025, "全市生产总值"), ("5.4%", "actual", None, "全市生产总值"), ("8%", "actual", None, "新设外资企业")]),
    # a task table (序号 / 任务 / 责任单位 / 完成时限): the time limit cell dates the row it ends
    ("a-time-limit-cell-dates-its-row", "1\n|\n粮食产量100亿斤以上。\n|\n市农技中心\n|\n卢伯瑛\n|\n2024年底前\n|\n5555097\n"
     "|\n2\n|\n新增规上农产品加工企业10家。\n|\n产业科\n市畜牧中心\n|\n2024年6月底前\n", "2024-03-01",
     [("100亿斤", "target", 2024, "粮食产量"), ("10家", "target", 2024, "新增规上农产品加工企业")]),
    ("a-row-after-a-time-limit", "新增企业10家。\n|\n2025年底前\n|\n新建园区2个。\n|\n2026年内\n", "2025-03-01",
     [("10家", "actual", None, "新增企业"), ("2个", "target", 2026, "新建园区")]),
    ("a-year-cell-is-no-time-limit", "1\n|\n全年粮食产量100亿斤。\n|\n2024年\n", "2025-03-01",
     [("100亿斤", "actual", None, "粮食产量")]),
    ("short-lines-with-no-column-of-goals", "首页\n新闻中心\n政务公开\n办事服务\n全市生产总值增长5.4%。", "2026-02-12",
     [("5.4%", "actual", None, "生产总值")]),
]


@pytest.mark.parametrize("text, date, expected", [c[1:] for c in FLAT_TABLES], ids=[c[0] for c in FLAT_TABLES])
def test_a_table_flattened_to_one_cell_a_line(text, date, expected):
    df = extract.figures(text, date=date)
    got = [(r.text, r.kind, None if pd.isna(r.deadline) else int(r.deadline), r.indicator) for r in df.itertuples()]
    assert got == expected


#: The parts of a target listed in the next sentence after 其中: (text, date, [(figure, kind, deadline)]), by hand.
PARTS_OF_A_TARGET = [
    ("2024年，四川公路水运建设投资目标2600亿元。其中，高速公路1500亿元，国省干线620亿元。", "2024-02-01",
     [("2600亿元", "target", 2024), ("1500亿元", "target", 2024), ("620亿元", "target", 2024)]),
    # the parts of a result stay results; a part with a cue of its own keeps it
    ("2024年全省完成投资2600亿元。其中，高速公路1500亿元。", "2025-02-01",
     [("2600亿元", "actual", None), ("1500亿元", "actual", None)]),
    ("2024年，全省投资目标2600亿元。其中，已完成高速公路投资1500亿元。", "2024-08-01",
     [("2600亿元", "target", 2024), ("1500亿元", "actual", None)]),
]


@pytest.mark.parametrize("text, date, expected", PARTS_OF_A_TARGET)
def test_the_parts_of_a_target(text, date, expected):
    df = extract.figures(text, date=date)
    assert [(r.text, r.kind, None if pd.isna(r.deadline) else int(r.deadline)) for r in df.itertuples()] == expected


#: A task and how much of it is done (progress notes): (text, date, [(figure, kind, deadline)]), by hand.
TASKS_AND_PROGRESS = [
    ("2606个撤并村通公路(2013—2017年)。上半年已完成建设4022公里。累计解决了2585个撤并村通公路，占总计划的99.2%。",
     "2015-07-20", [("2606个", "target", 2017), ("4022公里", "actual", None), ("2585个", "actual", None),
                    ("99.2%", "actual", None)]),
    ("剩余8项中，2个嵌入式养老机构建设已完成1个(50%)、126条农村黑臭水体治理已完成120条(95%)。", "2025-10-09",
     [("8项", "actual", None), ("2个", "target", None), ("1个", "actual", None), ("50%", "actual", None),
      ("126条", "target", None), ("120条", "actual", None), ("95%", "actual", None)]),
    # the period in full-width brackets, in a sentence of its own
    ("新建农村公路120公里（2024—2026年）。", "2024-03-01", [("120公里", "target", 2026)]),
    # more done than the count, or another unit: no task of it
    ("全市已建成园区12个，完成15个。", "2025-10-09", [("12个", "actual", None), ("15个", "actual", None)]),
    ("全市已建成园区12个，已完成投资8亿元。", "2025-10-09", [("12个", "actual", None), ("8亿元", "actual", None)]),
]


@pytest.mark.parametrize("text, date, expected", TASKS_AND_PROGRESS)
def test_a_task_and_its_progress(text, date, expected):
    df = extract.figures(text, date=date)
    assert [(r.text, r.kind, None if pd.isna(r.deadline) else int(r.deadline)) for r in df.itertuples()] == expected


#: A year already over inside a target sentence marks an actual; a baseline year (比2020年) does not.
PAST_YEARS = [
    ("past-year-clause", "到2027年规上工业总产值达到3万亿元，2024年为2.5万亿元。", "2025-03-01", "2.5万亿元",
     ("actual", None)),
    ("the-target-itself", "到2027年规上工业总产值达到3万亿元，2024年为2.5万亿元。", "2025-03-01", "3万亿元",
     ("target", 2027)),
    ("no-date-earlier-than-horizon", "到2027年规上工业总产值达到3万亿元，2024年为2.5万亿元。", None, "2.5万亿元",
     ("actual", None)),
    ("doubling-a-baseline", "到2025年，地区生产总值比2020年翻一番。", "2021-03-01", "翻一番", ("target", 2025)),
    ("doubling-no-horizon", "地区生产总值比2020年翻一番。", "2021-03-01", "翻一番", ("target", None)),
    ("doubled-done", "地区生产总值比2015年已经翻了一番。", "2021-03-01", "翻了一番", ("actual", None)),
    ("milestone-year-ahead", "到2027年规上工业总产值达到3万亿元，2025年为2.5万亿元。", "2024-03-01", "2.5万亿元",
     ("target", 2027)),    ("start-year-dates-the-start", "力争到2026年，地区生产总值由2023年的5140亿元增加到6000亿元。", "2024-02-17",
     "5140亿元", ("actual", None)),
    ("start-year-not-the-level-reached", "力争到2026年，地区生产总值由2023年的5140亿元增加到6000亿元。", "2024-02-17",
     "6000亿元", ("target", 2026)),
    ("from-to-with-zhi", "到2027年，产值从2024年的800亿元增至1000亿元。", "2025-03-01", "1000亿元", ("target", 2027)),
    # a past year right before 的 and a multiple or share is the base it is of, not its year
    ("base-of-a-multiple", "到2027年，规上工业总产值达到3万亿元，是2024年的2倍。", "2025-03-01", "2倍", ("target", 2027)),
    ("base-of-a-share", "到2027年，数字经济规模相当于2020年的150%。", "2025-03-01", "150%", ("target", 2027)),
    ("a-level-of-a-year-is-no-base", "到2027年，规上工业总产值达到3万亿元，是2024年的2.5万亿元的1.2倍。", "2025-03-01",
     "2.5万亿元", ("actual", None)),
]


@check(PAST_YEARS)
def test_past_years_in_a_target_sentence(text, date, surface, want):
    assert reading(text, surface, date) == want


#: News about a plan: what it 提出/明确/要求 is a target, even after its horizon has passed.
REPORTED = [
    ("plan-proposes", "该计划提出，到2025年，新增高新技术企业500家。", "2023-05-01", "500家", ("target", 2025)),
    ("past-tense-news", "2026-02-01\n该计划曾提出，到2025年，新增高新技术企业500家。", None, "500家", ("target", 2025)),
    ("requires-a-rate", "会议要求，研发投入增长10%以上。", "2024-03-01", "10%", ("target", None)),
    ("no-report-verb-past-horizon", "2026-02-01\n到2025年，全市高新技术企业达到500家。", None, "500家", ("actual", None)),
    ("contents-of-a-list", "各部门按照清单，明确4方面20条具体培育举措。", "2023-12-25", "20条", ("actual", None)),
]


@check(REPORTED)
def test_news_about_plans(text, date, surface, want):
    assert reading(text, surface, date) == want


#: A headline figure the body repeats reads as the body's figure.
HEADLINES = [
    ("bare-magnitude-headline", "13.57万亿!全国首个\n报告指出：2023年广东地区生产总值达到13.57万亿元、增长4.8%。",
     "2024-01-23", "13.57万亿", ("actual", None)),
    ("headline-takes-the-section-year", "四川GDP预期增长6%左右\n2024年主要预期目标是：地区生产总值增长6%左右。",
     "2024-01-22", "6%", ("target", 2024)),
    ("not-repeated", "新建园区20个\n报告指出：全市已有园区15个，今年新增5个。", "2024-01-22", "20个", ("actual", None)),
    ("body-sentence-first", "报告指出，全市已有园区15个。\n力争新建园区15个。", "2024-01-22", "15个", ("actual", None)),
]


@check(HEADLINES)
def test_headline_repeats_the_body(text, date, surface, want):
    assert reading(text, surface, date) == want


#: A short lead paragraph under the headline that repeats a body figure (same value, unit and
#: indicator) reads as the body's, unless it states its own time or kind, or is no lead.
_HEAD = "某市发布制造业行动计划\n"
_BODY = "\n根据计划，到2026年，全市规上工业总产值达到5万亿元。"
LEADS = [
    ("lead-repeats-body", _HEAD + "记者获悉，全市规上工业总产值达到5万亿元。" + _BODY, "2024-03-01", "5万亿元",
     ("target", 2026)),
    ("lead-own-cue", _HEAD + "记者获悉，全市规上工业总产值已达到5万亿元。" + _BODY, "2024-03-01", "5万亿元",
     ("actual", None)),
    ("lead-own-year", _HEAD + "2023年，全市规上工业总产值达到5万亿元。" + _BODY, "2024-03-01", "5万亿元",
     ("actual", None)),
    ("lead-other-indicator", _HEAD + "记者获悉，全市新增园区5万个。\n根据计划，到2026年，全市新增企业5万个。",
     "2024-03-01", "5万个", ("actual", None)),
    ("no-headline-no-lead", "全市规上工业总产值达到5万亿元。" + _BODY, "2024-03-01", "5万亿元", ("actual", None)),
    ("long-paragraph-no-lead", _HEAD + "记者获悉，全市规上工业总产值达到5万亿元，" + "各项工作稳步推进，" * 25 + "成效明显。"
     + _BODY, "2024-03-01", "5万亿元", ("actual", None)),
]


@check(LEADS)
def test_lead_paragraph_repeats_the_body(text, date, surface, want):
    assert reading(text, surface, date) == want


def test_headline_figure_takes_the_body_indicator():
    """'13.57万亿!' names nothing; the body figure it repeats says what it measures."""
    df = extract.figures("13.57万亿!全国首个\n2023年广东地区生产总值达到13.57万亿元。", date="2024-01-23")
    assert df.indicator[1] and df.indicator[0] == df.indicator[1]


def test_headline_magnitude_takes_the_body_category():
    df = extract.figures("13.57万亿!全国首个\n2023年广东地区生产总值达到13.57万亿元。", date="2024-01-23")
    assert list(df.category) == ["money", "money"]


@pytest.mark.parametrize(
    "text,want",
    [("一、总体要求\n正文。", [(1, "1")]), ("（二）发展目标。到2025年，建成强市。", [(2, "2")]),
     ("1.规上企业达到300家；", [(3, "3")]), ("■ 2024年成绩单", [(5, "■")]), ("全市现有企业200家。", [None]),
     ("2024年1月", [None]), ("1.5%的增长", [None])],
    ids=["chinese-numbered", "bracketed", "arabic", "bullet", "plain", "year-is-no-mark", "decimal-is-no-mark"],
)
def test_line_marks(text, want):
    assert [structure._rank(line) for line in text.split("\n")[:1]] == want


#: Headline figures found by `make mutate`: the body's repeat need not be its first figure, each
#: figure of a headline is matched, and a headline may repeat its lead paragraph.
MORE_HEADLINES = [
    ("repeat-after-another-body-figure",
     "15万亿!广东定下新目标\n报告提出：全省常住人口1.27亿人，力争到2027年地区生产总值达到15万亿元。",
     "2024-01-23", "15万亿", ("target", 2027)),
    ("second-headline-figure", "广东：15万亿，5%\n报告提出，力争到2027年地区生产总值达到15万亿元、年均增长5%。",
     "2024-01-23", "5%", ("target", 2027)),
    ("lead-name-inside-the-bodys", _HEAD + "记者获悉，全市工业总产值达到5万亿元。" + _BODY, "2024-03-01", "5万亿元",
     ("target", 2026)),
    ("headline-repeats-the-lead", "某市将新建园区20个\n记者获悉，到2026年全市新建园区20个。\n根据计划，全市还将培育企业500家。",
     "2024-03-01", "20个", ("target", 2026)),
]


@check(MORE_HEADLINES)
def test_more_headline_repeats(text, date, surface, want):
    assert reading(text, surface, date) == want


#: More headline and lead cases pinned down by `make mutate` (issue #12, second pass): a body
#: figure of the same value in another unit, or for another indicator, does not end the search for
#: the repeat; positions are those of the text as written when it carries pinyin readings.
REPEATS_PAST_ANOTHER = [
    ("headline-repeat-after-another-unit", "某市新建园区500个\n根据计划，到2026年，全市新增企业500家，新建园区500个。",
     "2024-03-01", "500个", ("target", 2026)),
    ("lead-repeat-after-another-indicator",
     _HEAD + "记者获悉，全市规上工业总产值达到5万亿元。\n根据计划，到2026年，全市营业收入达到5万亿元，规上工业总产值达到5万亿元。",
     "2024-03-01", "5万亿元", ("target", 2026)),
    # a reading (gè) before the headline's second figure: 500家 is still the headline's, whose
    # repeat needs the same value and unit only (a lead's would need the same indicator too)
    ("headline-with-a-reading", "园区20个(gè)、工厂500家\n根据计划，到2026年，全市新增企业500家。",
     "2024-03-01", "500家", ("target", 2026)),
    # a reading (dá) in the lead: 5万亿 at its end is still the lead's
    ("lead-with-a-reading",
     _HEAD + "记者获悉，全市规上工业总产值達(dá)到5万亿。\n根据计划，到2026年，全市规上工业总产值达到5万亿元。",
     "2024-03-01", "5万亿", ("target", 2026)),
]


@check(REPEATS_PAST_ANOTHER)
def test_repeats_past_another_figure(text, date, surface, want):
    assert reading(text, surface, date) == want


def test_a_section_without_a_year_keeps_the_sentences_own():
    """In 主要目标 every figure is a target; a section that names no year leaves the figure the
    deadline of its own sentence (今年: the document's year)."""
    assert reading("一、主要目标\n今年新增高新技术企业500家。", "500家", "2024-03-01") == ("target", 2024)


#: A section or heading that names no year is due when the scope around it is; a history scope
#: passes nothing on, and a scope that ends before the figure holds nothing.
INHERITED = [
    ("section-under-a-title", "某省制造业三年行动方案（2024—2026年）\n一、总体要求\n坚持创新驱动。\n二、主要目标\n"
     "（一）规模壮大。规上工业营业收入突破5万亿元。\n三、重点任务\n1.每年实施500个技改项目。", "2024-03-01", "5万亿元",
     ("target", 2026)),
    ("paragraph-section-under-a-title", "某市数字经济三年行动计划（2025—2027年）\n主要目标：核心产业增加值突破900亿元。",
     "2025-03-01", "900亿元", ("target", 2027)),
    ("section-under-a-heading-horizon", "一、到2028年主要目标\n（一）发展目标\n高新技术企业达到500家。",
     "2024-03-01", "500家", ("target", 2028)),
    ("own-year-beats-the-title", "某市三年行动计划（2024—2026年）\n二、2024年主要目标\n规上企业突破2000家。",
     "2024-03-01", "2000家", ("target", 2024)),
    ("history-under-a-title-takes-none", "某市三年行动计划（2024—2026年）\n一、过去五年成就回顾\n全市新增企业300家。",
     "2024-03-01", "300家", ("actual", None)),
    ("section-after-a-closed-heading", "（一）到2025年主要目标\n企业突破2200家。\n（二）主要目标\n今后力争新增企业300家。",
     "2023-10-24", "300家", ("target", None)),
]


@check(INHERITED)
def test_a_scope_without_a_year_takes_the_one_around_it(text, date, surface, want):
    assert reading(text, surface, date) == want


#: A heading over a year's work: the figures under it with no cue of their own are targets due
#: that year; not a past year's, not a report on the work, not a sentence that names the work.
WORK_PLANS = [
    ("this-years-work", "政府工作报告\n一、2024年工作回顾\n全市新增就业11万人。\n二、2025年工作安排\n"
     "（一）扩大有效投资。全年实施省市重大项目300个以上。", "2025-01-15", "300个", ("target", 2025)),
    ("jinnian-heading", "二、今年重点工作\n城镇新增就业12万人。", "2025-01-20", "12万人", ("target", 2025)),
    ("traditional-heading", "二、2025年重點任務\n城鎮新增就業12萬人。", "2025-01-20", "12萬人", ("target", 2025)),
    ("review-heading-before-it", "政府工作报告\n一、2024年工作回顾\n全市新增就业11万人。\n二、2025年工作安排\n"
     "（一）扩大有效投资。全年实施省市重大项目300个以上。", "2025-01-15", "11万人", ("actual", None)),
    ("past-years-work", "二、2023年重点工作\n城镇新增就业12万人。", "2025-01-20", "12万人", ("actual", None)),
    ("report-on-the-work", "一、2025年重点工作进展情况\n城镇新增就业12万人。", "2025-09-20", "12万人", ("actual", None)),
    ("no-year-named", "二、重点工作\n城镇新增就业12万人。", "2025-01-20", "12万人", ("actual", None)),
    ("a-sentence-not-a-heading", "2025年重点工作已经全面部署，上半年城镇新增就业6万人。", "2025-07-20", "6万人",
     ("actual", None)),
    ("next-heading-ends-it", "二、2025年工作安排\n新增就业12万人。\n三、附件说明\n全市现有企业1800家。", "2025-01-15",
     "1800家", ("actual", None)),
    ("a-heading-of-the-years-general-requirements", "三、2026年经济社会发展总体要求和政策取向\n经济增长4.5%-5%\n"
     "城镇新增就业1200万人以上\n四、2026年部分工作任务\n消费：安排超长期特别国债2500亿元支持。", "2026-03-05",
     "1200万人", ("target", 2026)),
    ("a-heading-of-the-years-tasks", "三、2026年经济社会发展总体要求和政策取向\n经济增长4.5%-5%\n"
     "四、2026年部分工作任务\n消费：安排超长期特别国债2500亿元支持。", "2026-03-05", "2500亿元", ("target", 2026)),
    ("a-work-plan-heading", "一、2025年工作总结\n新增企业243家。\n二、2026年工作计划\n新增企业300家。", "2026-01-15",
     "300家", ("target", 2026)),
]


@check(WORK_PLANS)
def test_a_heading_over_a_years_work(text, date, surface, want):
    assert reading(text, surface, date) == want


#: A line that ends with a colon heads the short unmarked lines after it (2021年目标:⏎…⏎…), up to
#: the next line that heads its own or a paragraph.
LABELLED_LINES = [
    ("bare-lines-after-a-year-label", "2021年目标:\n生产总值增长6.5%左右\n城镇新增就业40万人", "2021-01-27", "40万人",
     ("target", 2021)),
    ("plan-period-label", "“十四五”目标:\n经济发展迈出更大步伐\n人均生产总值达到9万元左右", "2021-01-27", "9万元",
     ("target", 2025)),
    ("traditional-label", "2021年目標:\n城鎮新增就業40萬人", "2021-01-27", "40萬人", ("target", 2021)),
    ("next-label-ends-it", "2021年目标:\n生产总值增长6.5%左右\n2020年成就:\n城镇新增就业43.2万人", "2021-01-27",
     "43.2万人", ("actual", None)),
    ("a-paragraph-ends-it", "2021年目标:\n生产总值增长6.5%左右\n会议还听取了其他报告。\n全市现有企业1800家", "2021-01-27",
     "1800家", ("actual", None)),
]


@check(LABELLED_LINES)
def test_a_label_heads_the_bare_lines_after_it(text, date, surface, want):
    assert reading(text, surface, date) == want


#: A work report's expected targets for the year open what the report goes on to plan: after
#: them, a figure with no cue and no year before it is a target (no deadline of its own).
WORK_REPORT_PLANS = [
    ("tasks-after-the-expected-targets", "全市主要预期目标是:地区生产总值增长5.5%以上。\n着力扩大有效需求\n"
     "加快建设区域消费中心城市,引进首店品牌100家。", "2025-01-09", "100家", ("target", None)),
    ("before-the-expected-targets", "过去一年,全市引进首店品牌80家。\n今年主要预期目标是:地区生产总值增长5.5%以上。",
     "2025-01-09", "80家", ("actual", None)),
    ("a-mention-opens-nothing", "前三季度经济运行稳定,为完成全年主要预期目标打下基础。\n全市引进首店品牌80家。",
     "2025-10-20", "80家", ("actual", None)),
    ("a-year-before-the-figure", "全市主要预期目标是:地区生产总值增长5.5%以上。\n2024年,全市引进首店品牌80家。",
     "2025-01-09", "80家", ("actual", None)),
    ("not-annual-targets", "全市发展目标是:\n到2027年,地区生产总值突破1万亿元。\n全市引进首店品牌80家。",
     "2025-01-09", "80家", ("actual", None)),
]


@check(WORK_REPORT_PLANS)
def test_a_work_report_plans_after_its_expected_targets(text, date, surface, want):
    assert reading(text, surface, date) == want


# --- tables written with bars (structure.bar_tables) ---------------------------------------------------

BAR_TABLE = """关于2024年上半年国民经济和社会发展计划执行情况的报告
表 上半年主要指标完成情况
序号 | 指标名称 | 单位 | 目标 | 上半年实绩 | |||
绝对值 | 增速(%) | ||||
经济发展 | 1 | 地区生产总值(GDP) | 亿元 | 增长6%以上 | 4297.8 | 6.2 | |||
2 | 规上工业增加值 | 亿元 | 增长7%以上 | 820.9 | 11.2 | ||||
3 | 全员劳动生产率 | 万元/人年 | 稳步增长 | 年度指标 | |||||
4 | 常住人口城镇化率 | % | 74.5 | 年度指标 | |||||
5 | 粮食产量 | 万吨 | 60 | 31.5 | -2.1 | ||||
"""


@pytest.mark.parametrize("surface, nth, want", [
    # the 单位 column lends its unit to the amount, the heading 增速(%) its % to the rate; a group label
    # at a row's left (经济发展) moves nothing; the columns say goal (目标) or result (实绩)
    ("4297.8", 0, (429780000000.0, "money", "亿元" and "元", "actual", "地区生产总值")),
    ("6.2", 0, (6.2, "percent", "%", "actual", "地区生产总值增速")),
    ("6%", 0, (6.0, "percent", "%", "target", "地区生产总值")),
    ("820.9", 0, (82090000000.0, "money", "元", "actual", "规上工业增加值")),
    ("11.2", 0, (11.2, "percent", "%", "actual", "规上工业增加值增速")),
    ("74.5", 0, (74.5, "percent", "%", "target", "常住人口城镇化率")),
    ("31.5", 0, (315000.0, "other", "吨", "actual", "粮食产量")),
    ("-2.1", 0, (-2.1, "percent", "%", "actual", "粮食产量增速")),
])
def test_a_table_written_with_bars(surface, nth, want):
    table = extract.figures(BAR_TABLE, date="2024-08-26")
    rows = table[table.text == surface]
    assert len(rows) == 1, list(table.text)
    r = rows.iloc[0]
    assert (r.value, r.category, r.unit, r.kind, r.indicator) == want


def test_a_bar_tables_units_and_words_are_no_figures():
    """稳步增长, 年度指标, the units themselves (亿元, 万元/人年, %) and the serial numbers are no figures."""
    table = extract.figures(BAR_TABLE, date="2024-08-26")
    assert sorted(table.text) == sorted(["6%", "4297.8", "6.2", "7%", "820.9", "11.2", "74.5", "60", "31.5", "-2.1"])


def test_lines_a_reader_made_of_a_table_are_no_bar_table():
    """word.py and webpage.py write a table's cells as 'row | heading | value' lines, each with its
    value: no line of headings, so nothing is read twice or given another unit."""
    lines = "地区生产总值 | 2024年 | 4.7万亿元\n规上工业总产值 | 增长（%） | 5.2%\n"
    table = extract.figures(lines, date="2025-03-01")
    assert [(r.text, r.value) for r in table.itertuples()] == [("4.7万亿元", 4.7e12), ("5.2%", 5.2)]
