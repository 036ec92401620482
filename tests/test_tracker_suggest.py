"""`tracker suggest`: from a document's target figures to targets.yaml entries that pass the check."""
from pathlib import Path

import datetime as dt

import pandas as pd
import pytest

import extract
import tracker
from tracker.bookfile import EditError
from tracker.suggest import append, entries, main, to_yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
BUNDLED = ROOT / "targets.yaml"


def figure(text, value, category, unit, sentence, indicator, qualifier="eq", kind="target", deadline=2026,
           region="昆山市", value_max=None):
    start = sentence.find(text)
    return dict(doc="d.txt", start=start, end=start + len(text), text=text, value=value, value_max=value_max,
                category=category, unit=unit, qualifier=qualifier, kind=kind, indicator=indicator, region=region,
                deadline=deadline, period=None, sentence=sentence)


KS = "力争用3年时间实现“12345”目标,“1”是新增地区生产总值1000亿元、总量迈上6000亿元新台阶"

# (id, figure, expected fields of the proposed entry)
CASES = [
    ("新增地区生产总值1000亿元 → increment, 1000 亿元, indicator without 新增",
     figure("1000亿元", 1e11, "money", "元", KS, "新增地区生产总值"),
     dict(type="increment", unit="亿元", value=1000, indicator="地区生产总值", due=2026, quote="“1”是新增地区生产总值1000亿元、总量迈上6000亿元新台阶")),
    ("总量超1.3萬億元 → level, 1.3 万亿元, gt",
     figure("1.3萬億元", 1.3e12, "money", "元", "新增规上工业总产值2000亿元、总量超1.3萬億元", "规上工业总产值", "gt"),
     dict(type="level", unit="万亿元", value=1.3, qualifier="gt")),
    ("规上工业总产值达5万亿 (no 元) → 5 万亿元",
     figure("5万亿", 5e12, "money", "元", "规上工业总产值达5万亿", "规上工业总产值"),
     dict(unit="万亿元", value=5)),
    ("3000万元 → 3000 万元",
     figure("3000万元", 3e7, "money", "元", "获省3000万元专项支持", "专项支持"),
     dict(unit="万元", value=3000)),
    ("突破3000家 → 3000 家, ge",
     figure("3000家", 3000, "count", "家", "规上工业企业突破3000家", "规上工业企业", "ge"),
     dict(unit="家", value=3000, qualifier="ge", type="level")),
    ("每年实施300项以上 → flow with no deadline, id says 每年",
     figure("300项", 300, "count", "项", "每年实施300项以上重大技改项目", "重大技改项目", "ge", deadline=pd.NA, region="徐州市"),
     dict(type="flow", unit="项", value=300, due=None, id="徐州市-重大技改项目-每年")),
    ("占比达到55% → share",
     figure("55%", 55, "percent", "%", "工业税收占比达到55%", "工业税收占比"),
     dict(type="share", unit="%", value=55)),
    ("增长7% → rate",
     figure("7%", 7, "percent", "%", "地区生产总值增长7%", "地区生产总值"),
     dict(type="rate", unit="%", value=7, direction="up")),
    ("下降3%以上 (value -3, ge) → rate, down, le",
     figure("3%", -3, "percent", "%", "单位GDP能耗下降3%以上", "单位GDP能耗", "ge"),
     dict(type="rate", value=-3, direction="down", qualifier="le")),
    ("研发投入强度达到3% → a percent level",
     figure("3%", 3, "percent", "%", "研发投入强度达到3%", "研发投入强度"),
     dict(type="level", unit="%", value=3)),
    ("提高2个百分点 → rate in 个百分点",
     figure("2个百分点", 2, "pp", "个百分点", "数字经济核心产业增加值占比提高2个百分点", "数字经济核心产业增加值占比"),
     dict(type="rate", unit="个百分点", value=2)),
    ("1至2个 → value 1, value_max 2; region from --region",
     figure("1至2个", 1, "count", "个", "将我区的1至2个重点产业链纳入图谱", "重点产业链", region=pd.NA, value_max=2.0),
     dict(value=1, value_max=2, region="某区")),
    ("总量迈上6000亿元 after 地区生产总值 → indicator 地区生产总值",
     [figure("1000亿元", 1e11, "money", "元", KS, "新增地区生产总值"), figure("6000亿元", 6e11, "money", "元", KS, "总量", "ge")],
     dict(indicator="地区生产总值", unit="亿元", value=6000)),
]


@pytest.mark.parametrize("fig, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_entry(fig, expected):
    figs = fig if isinstance(fig, list) else [fig]          # a list: earlier figures of the sentence, then the one tested
    result = entries(pd.DataFrame(figs), region="某区", doc="d.txt", date="2024-02-17")
    e = result[-1]
    got = dict(type=e["type"], unit=e["unit"], value=e["target"]["value"], indicator=e["indicator"], due=e["target"].get("due"),
               qualifier=e["qualifier"], direction=e["direction"], region=e["region"], id=e["id"],
               value_max=e["target"].get("value_max"), quote=e["source"]["quote"])
    assert {k: got[k] for k in expected} == expected
    book = tracker.load(to_yaml(result))
    assert book.problems == [], [str(p) for p in book.problems]


# (id, sentence of a document of 2024-02-17, expected entries: (indicator or None when it is not
# the point of the case, target value, baseline or None))
STARTS = [
    ("由2023年的5140亿元增加到6000亿元: one target, its baseline from the sentence",
     "力争到2026年，地区生产总值由2023年的5140亿元增加到6000亿元。", [("地区生产总值", 6000, {"value": 5140, "date": 2023})]),
    ("a past year's value after the goal: 2023年为3000家",
     "到2026年，高新技术企业突破4000家，2023年为3000家。", [("高新技术企业", 4000, {"value": 3000, "date": 2023})]),
    ("从5000亿元增至6000亿元: the baseline dated as the document",
     "力争用3年时间，地区生产总值从5000亿元增至6000亿元。",
     [("地区生产总值", 6000, {"value": 5000, "date": dt.date(2024, 2, 17)})]),
    ("由…组成 is no starting point",
     "到2026年，加快构建由10个重点产业集群和30条重点产业链组成的产业体系。",
     [("重点产业集群", 10, None), (None, 30, None)]),
    ("two goals, no starting point",
     "到2026年，地区生产总值突破6000亿元，高新技术企业突破4000家。", [("地区生产总值", 6000, None), ("高新技术企业", 4000, None)]),
]


@pytest.mark.parametrize("sentence, expected", [c[1:] for c in STARTS], ids=[c[0] for c in STARTS])
def test_a_starting_point_is_a_baseline_not_a_second_target(sentence, expected):
    result = entries(extract.figures(sentence, date="2024-02-17"), region="昆山市", doc="d.txt", date="2024-02-17", text=sentence)
    got = [(e["indicator"], e["target"]["value"], dict(e["baseline"]) if "baseline" in e else None) for e in result]
    assert [(g[0] if x[0] else None, *g[1:]) for g, x in zip(got, expected)] == expected and len(got) == len(expected)
    assert tracker.load(to_yaml(result)).problems == []


def test_actual_figures_and_unknown_units_are_left_out():
    figs = pd.DataFrame([
        figure("984个", 984, "count", "个", "已组织实施984个智改数转项目", "智改数转项目", kind="actual"),
        figure("5朵", 5, "other", "朵", "种下5朵花", "花"),
        figure("4000家", 4000, "count", "家", "高新技术企业突破4000家", "高新技术企业", "ge"),
    ])
    result = entries(figs, doc="d.txt")
    assert [e["indicator"] for e in result] == ["高新技术企业"]
    assert result.skipped and "朵" in result.skipped[0]


def test_ids_are_unique_within_a_document():
    figs = pd.DataFrame([figure("10个", 10, "count", "个", "打造10个园区", "园区")] * 3)
    assert [e["id"] for e in entries(figs, doc="d.txt")] == ["昆山市-园区-2026", "昆山市-园区-2026-2", "昆山市-园区-2026-3"]


def test_no_figures_gives_no_entries():
    empty = pd.DataFrame(columns=list(figure("1个", 1, "count", "个", "1个", "x")))
    assert entries(empty) == []


needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")


@needs_corpus
@pytest.mark.parametrize("doc, date", [("001_bc168875bdddeb84.txt", "2024-02-17"), ("002_4f4d68f545fb0096.txt", None),
                                       ("000_a1aec9cc0245c155.txt", None), ("004_25be3f9bc3c708eb.txt", "2025-03-01")])
def test_printed_yaml_passes_check_and_quotes_are_exact(capsys, doc, date):
    argv = [str(CORPUS / doc), "--region", "某区"] + (["--date", date] if date else [])
    assert main(argv) == 0
    out = capsys.readouterr().out
    book = tracker.load(out)
    assert book.problems == [] and len(book.targets) >= 1
    text = (CORPUS / doc).read_text(encoding="utf-8")
    assert all(q in text for q in book.targets["source_quote"])


@needs_corpus
def test_kunshan_document_gives_the_12345_targets(capsys):
    main([str(CORPUS / "001_bc168875bdddeb84.txt"), "--date", "2024-02-17"])
    book = tracker.load(capsys.readouterr().out)
    got = {(row.indicator, row.unit, row.target_stated, row.due.year) for row in book.targets.itertuples()}
    assert ("地区生产总值", "亿元", 6000, 2026) in got and ("高新技术企业", "家", 4000, 2026) in got
    assert ("规上工业总产值", "万亿元", 1.3, 2026) in got


@needs_corpus
def test_append_keeps_comments_backs_up_and_skips_what_is_tracked(tmp_path, capsys):
    path = tmp_path / "targets.yaml"
    original = BUNDLED.read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    doc = str(CORPUS / "002_4f4d68f545fb0096.txt")
    tracked = tracker.load(BUNDLED).targets
    assert main([doc, "--append", str(path)]) == 0
    new = path.read_text(encoding="utf-8")
    assert new.startswith(original)                                   # every comment and line kept as it was
    assert (tmp_path / "targets.yaml.bak").read_text(encoding="utf-8") == original
    book = tracker.load(path)
    # 苏州's GDP (3万亿) and 规上工业总产值 (5万亿) are tracked already: only the new ones are added
    err = capsys.readouterr().err
    assert "已在台账中" in err and "sz-gdp" in err and "sz-industrial-output" in err
    assert book.problems == [] and len(book.targets) > len(tracked)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".targets.yaml.lock", "targets.log.jsonl", "targets.yaml",
                                                          "targets.yaml.bak"]   # no temp file left
    assert main([doc, "--append", str(path)]) == 0                    # the same document again: nothing new
    assert "没有新的目标" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == new


def test_append_gives_a_clashing_id_a_suffix(tmp_path):
    path = tmp_path / "targets.yaml"
    path.write_text("targets:\n  - id: 昆山市-高新技术企业-2026\n    region: 昆山市\n    indicator: 高新技术企业\n"
                    "    unit: 家\n    target: {value: 3000, due: 2026}\n    source: {doc: 旧文件}\n", encoding="utf-8")
    found = entries(pd.DataFrame([figure("4000家", 4000, "count", "家", "高新技术企业突破4000家", "高新技术企业", "ge")]))
    append(path, found)
    assert list(tracker.load(path).targets["id"]) == ["昆山市-高新技术企业-2026", "昆山市-高新技术企业-2026-2"]


def test_append_to_missing_file_refuses(tmp_path):
    with pytest.raises(EditError, match="不存在"):
        append(tmp_path / "none.yaml", entries(pd.DataFrame([figure("4000家", 4000, "count", "家", "突破4000家", "高新技术企业")])))


def test_append_to_broken_file_refuses_and_keeps_it(tmp_path):
    path = tmp_path / "targets.yaml"
    path.write_text("targets:\n  - id: [oops\n", encoding="utf-8")
    with pytest.raises(EditError, match="无法解析"):
        append(path, entries(pd.DataFrame([figure("4000家", 4000, "count", "家", "突破4000家", "高新技术企业")])))
    assert path.read_text(encoding="utf-8") == "targets:\n  - id: [oops\n"
    assert not (tmp_path / "targets.yaml.bak").exists()


def test_missing_document_exits_1(tmp_path, capsys):
    assert main([str(tmp_path / "none.txt")]) == 1
    assert "none.txt" in capsys.readouterr().err


def test_bad_date_exits_2():
    with pytest.raises(SystemExit) as exit_:
        main(["x.txt", "--date", "2024-13-01"])
    assert exit_.value.code == 2
