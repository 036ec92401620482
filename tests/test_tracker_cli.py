"""`python -m tracker check|status`: output format and exit status."""
import io
import re

import pandas as pd
import pytest

from tracker.__main__ import main
from tracker.progress import STATUS_COLUMNS

CLEAN = """\
targets:
  - id: gdp
    region: 昆山市
    indicator: 地区生产总值
    unit: 亿元
    baseline: {value: 5000, date: 2023}
    target: {value: 6000, due: 2026}
    source: {doc: 昆山会议}
    progress:
      - {date: 2024, value: 5250}
"""
BROKEN = CLEAN + """\
  - id: bad
    region: 苏州市
    indicator: 规上工业总产值
    unit: 万亿园
    targt: {value: 5, due: 2026}
    source: {doc: 苏州会议}
"""


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def files(tmp_path):
    clean, broken = tmp_path / "clean.yaml", tmp_path / "broken.yaml"
    clean.write_text(CLEAN, encoding="utf-8")
    broken.write_text(BROKEN, encoding="utf-8")
    return clean, broken


def test_check_clean_exits_0(capsys, files):
    code, out, err = run(capsys, "check", str(files[0]))
    assert (code, out) == (0, "")
    assert "1 个目标，未发现问题" in err


def test_check_broken_prints_file_line_col_and_exits_1(capsys, files):
    code, out, err = run(capsys, "check", str(files[1]))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 3
    pattern = re.compile(rf"^{re.escape(str(files[1]))}:(\d+):(\d+): bad/(\S+): .+")
    assert all(pattern.match(l) for l in lines), lines
    assert [pattern.match(l).group(3) for l in lines] == ["target", "unit", "targt"]
    assert pattern.match(lines[1]).groups()[:2] == ("14", "11")


def test_check_missing_file_exits_1(capsys, tmp_path):
    code, out, err = run(capsys, "check", str(tmp_path / "none.yaml"))
    assert code == 1 and "找不到文件" in out


def test_status_csv_has_every_column(capsys, files):
    code, out, err = run(capsys, "status", str(files[0]), "--format", "csv", "--today", "2025-06-30")
    assert code == 0
    table = pd.read_csv(io.StringIO(out))
    assert list(table.columns) == STATUS_COLUMNS
    assert table.loc[0, "status"] == "需加快"
    assert table.loc[0, "ratio"] == pytest.approx(0.797, abs=0.01)
    assert table.loc[0, "due"] == "2026-12-31"


def test_status_table_for_people(capsys, files):
    code, out, err = run(capsys, "status", str(files[0]), "--today", "2025-06-30")
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[:3] == ["编号", "地区", "指标"]
    assert "5250亿元" in lines[1] and "6000亿元" in lines[1] and "25%" in lines[1] and lines[1].endswith("需加快")


def test_status_with_problems_still_lists_good_targets(capsys, files):
    code, out, err = run(capsys, "status", str(files[1]), "--format", "csv")
    assert code == 1
    assert list(pd.read_csv(io.StringIO(out))["id"]) == ["gdp"]
    assert "bad/targt" in err


@pytest.mark.parametrize("argv", [[], ["frobnicate"], ["status", "--format", "xml"], ["status", "--today", "2025-13-45"]],
                         ids=["no command", "unknown command", "unknown format", "bad --today"])
def test_bad_arguments_exit_2(capsys, argv):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
