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
    assert err == f"{files[1]}: 3 个错误，0 个警告；1 个目标可用\n"
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
    table = pd.read_csv(io.StringIO(out), keep_default_na=False, dtype=str)
    assert list(table.columns) == STATUS_COLUMNS
    assert {"as_of", "stale", "projected_value", "projected_year", "reason"} <= set(table.columns)
    row = table.loc[0]
    assert (row["status"], row["due"], row["as_of"], row["stale"], row["reason"]) == ("需加快", "2026-12-31", "2024-12-31", "false", "")
    assert float(row["ratio"]) == pytest.approx(0.797, abs=0.01)
    assert float(row["projected_value"]) == pytest.approx(5000 * 1.05 ** (1096 / 366), rel=1e-5)   # the worked example
    assert row["projected_year"] == "2027"


# --today decides the assessment date: the worked example, judged on four dates.
TODAY_CASES = [
    ("mid-2025: judged at 2024, not stale", "2025-06-30", "需加快", "false", ""),
    ("end of 2026, two years after the data: the same status, flagged stale", "2026-12-31", "需加快", "true", ""),
    ("after the due date, no 2026 data yet → 待数据", "2027-01-01", "待数据", "true", "已到期，待最新数据"),
]


@pytest.mark.parametrize("today, state, stale, reason", [c[1:] for c in TODAY_CASES], ids=[c[0] for c in TODAY_CASES])
def test_status_today_reproduces_a_status(capsys, files, today, state, stale, reason):
    code, out, err = run(capsys, "status", str(files[0]), "--format", "csv", "--today", today)
    row = pd.read_csv(io.StringIO(out), keep_default_na=False, dtype=str).loc[0]
    assert (row["status"], row["stale"], row["reason"], row["as_of"]) == (state, stale, reason, "2024-12-31")


WARNED = CLEAN.replace("      - {date: 2024, value: 5250}\n", "      - {date: 2024, value: 5250}\n      - {date: 2030, value: 5900}\n")


@pytest.mark.parametrize("argv, code", [(["--today", "2026-06-30"], 0), (["--today", "2026-06-30", "--strict"], 1),
                                        (["--today", "2031-01-01"], 0)],
                         ids=["a warning exits 0", "--strict makes a warning exit 1", "no warning once 2030 has passed"])
def test_check_warning_exit_status(capsys, tmp_path, argv, code):
    path = tmp_path / "warned.yaml"
    path.write_text(WARNED, encoding="utf-8")
    got, out, err = run(capsys, "check", str(path), *argv)
    assert got == code
    if argv[1] == "2026-06-30":
        # the date value: 6 spaces, "- {", "date: " before it → column 16
        assert out == f"{path}:11:16: gdp/progress[2].date: 警告：进展日期 2030-12-31 晚于评估日期 2026-06-30；日期可能写错\n"
        assert err == f"{path}: 0 个错误，1 个警告；1 个目标可用\n"
    else:
        assert out == "" and "未发现问题" in err


def test_status_table_for_people(capsys, files):
    code, out, err = run(capsys, "status", str(files[0]), "--today", "2025-06-30")
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[:3] == ["编号", "名称", "基期"]
    cells = lines[1].split()
    assert cells[:5] == ["gdp", "昆山市·地区生产总值", "5000亿元", "5250亿元", "2024-12-31"]
    assert "6000亿元" in cells and "25%" in cells and "2027年" in cells and cells[-1] == "需加快"


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


# Blind test: what staff see when they mistype a command or ask for help is Chinese (expected
# before the fix; argparse's own English was shown).
ENGLISH = re.compile(r"usage:|positional arguments|options:|show this help|invalid choice|unrecognized arguments|error:")
ASKED = [
    ("a mistyped command", ["chek", "targets.yaml"], 2),
    ("a mistyped option", ["check", "--todya", "2026-06-30"], 2),
    ("help of check", ["check", "--help"], 0),
    ("help of the tracker", ["--help"], 0),
    ("no command", [], 2),
]


@pytest.mark.parametrize("argv, code", [c[1:] for c in ASKED], ids=[c[0] for c in ASKED])
def test_the_command_line_speaks_chinese(capsys, argv, code):
    with pytest.raises(SystemExit) as stop:
        main(argv)
    out = capsys.readouterr()
    assert stop.value.code == code
    assert not ENGLISH.search(out.out + out.err), out.out + out.err
    assert re.search(r"[\u4e00-\u9fff]", out.out + out.err)


def test_a_folder_given_for_the_file_is_said_to_be_a_folder(capsys, tmp_path):
    assert main(["check", str(tmp_path)]) == 1
    assert "文件夹" in capsys.readouterr().out
