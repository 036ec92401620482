"""The command line (`python -m extract`) and `extract.figures_from_files`.

Behaviours: output formats (jsonl, csv, table), files that cannot be read, bad arguments,
standard input, the progress bar. Documents are the real ones of
../shared/corpus; the column names are read from ../shared/FIGURES.md, the contract.
"""
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import extract
from extract import __main__ as cli

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DOCS = sorted((SHARED / "corpus").glob("*.txt"))
needs_corpus = pytest.mark.skipif(not DOCS, reason="../shared/corpus is not beside the repository")


def figures_md_fields() -> list[str]:
    """The field names of FIGURES.md's "What each figure carries" table, in order."""
    text = (SHARED / "FIGURES.md").read_text(encoding="utf-8")
    section = text.split("## What each figure carries", 1)[1].split("\n## ", 1)[0]
    fields = []
    for line in section.splitlines():
        first_cell = line.split("|")[1] if line.startswith("|") else ""
        if not first_cell.strip().startswith("("):  # "(sign of `value`)" is a rule, not a field
            fields += re.findall(r"`([a-z_]+)`", first_cell)
    return fields


def run_cli(args, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """`python -m extract ARGS` in a child process, as a person or the scorer runs it."""
    return subprocess.run([sys.executable, "-m", "extract", *map(str, args)], cwd=ROOT,
                          input=stdin, capture_output=True, timeout=300)


def run_main(capsys, args) -> tuple[int, str, str]:
    """The same command in this process (cheaper): exit status, standard output, standard error."""
    try:
        status = cli.main([str(a) for a in args])
    except SystemExit as exit_:
        status = exit_.code
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def jsonl(out: str) -> list[dict]:
    def no_nan(name):
        raise AssertionError(f"{name} is not JSON")
    return [json.loads(line, parse_constant=no_nan) for line in out.splitlines() if line.strip()]


# --- formats ----------------------------------------------------------------------------

@pytest.mark.skipif(not (SHARED / "FIGURES.md").exists(), reason="../shared/FIGURES.md missing")
def test_columns_are_those_of_figures_md():
    assert list(extract.COLUMNS) == figures_md_fields()


@needs_corpus
@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name[:3])
def test_jsonl_fields_types_and_offsets(capsys, doc):
    status, out, err = run_main(capsys, [doc, "--format", "jsonl"])
    assert (status, err) == (0, "")
    rows = jsonl(out)
    assert rows, "every corpus document holds figures"
    text = extract.read_text(doc)
    for row in rows:
        assert list(row) == list(extract.COLUMNS)
        assert row["doc"] == doc.name
        assert type(row["start"]) is int and type(row["end"]) is int
        assert text[row["start"]:row["end"]] == row["text"]
        assert row["deadline"] is None or type(row["deadline"]) is int
        assert isinstance(row["value"], (int, float))
        assert row["category"] in {"money", "count", "percent", "pp", "multiple", "other"}
        assert row["kind"] in {"target", "actual"}


@needs_corpus
def test_csv_is_the_same_table(capsys):
    _, out_jsonl, _ = run_main(capsys, [*DOCS[:2], "--format", "jsonl"])
    status, out_csv, _ = run_main(capsys, [*DOCS[:2], "--format", "csv"])
    table = pd.read_csv(io.StringIO(out_csv), dtype={"deadline": "Int64"}, keep_default_na=False,
                        na_values=[""])
    rows = jsonl(out_jsonl)
    assert status == 0
    assert list(table.columns) == list(extract.COLUMNS)  # one header for both documents
    assert len(table) == len(rows)
    assert table["text"].tolist() == [r["text"] for r in rows]
    assert table["start"].tolist() == [r["start"] for r in rows]
    assert table["value"].tolist() == pytest.approx([r["value"] for r in rows])


#: Headings of the table view, and labels of the category codes it shows.
CATEGORY_LABELS = tuple(cli.LABELS["category"].values())


@needs_corpus
def test_table_is_aligned_for_a_person(capsys):
    status, out, _ = run_main(capsys, [DOCS[3], "--format", "table"])
    lines = out.splitlines()
    assert status == 0
    assert lines[0].startswith(f"== {DOCS[3].name}（")
    header = lines[1]
    assert [h for _, h, _ in cli.TABLE_COLUMNS] == header.split()
    category_column = cli.width(header[:header.index("类别")])
    body = lines[2:]
    assert body
    for line in body:
        label = re.search("  (" + "|".join(CATEGORY_LABELS) + ")  ", line)
        assert label, line
        assert cli.width(line[:label.start(1)]) == category_column, line


@pytest.mark.parametrize("text, cells", [
    ("abc", 3), ("昆山市", 6), ("１２３", 6), ("6000亿元", 8), ("e\u0301", 1), ("", 0), ("“12345”", 7),
], ids=["ascii", "cjk", "fullwidth-digits", "mixed", "combining-accent", "empty", "curly-quotes"])
def test_display_width(text, cells):
    assert cli.width(text) == cells


@pytest.mark.parametrize("text, cells, shown", [
    ("地区生产总值", 12, "地区生产总值"),
    ("地区生产总值", 14, "地区生产总值  "),
    ("地区生产总值", 9, "地区生产…"),
    ("规上 工业\n总产值", 20, "规上 工业 总产值    "),
], ids=["exact", "padded", "cut-with-ellipsis", "one-line"])
def test_pad_to_display_width(text, cells, shown):
    assert cli.pad(text, cells) == shown
    assert cli.width(cli.pad(text, cells)) == cells


@pytest.mark.parametrize("value, shown", [
    (6e11, "600,000,000,000"), (6.9, "6.9"), (100 / 3, "33.3333"), (-3.2, "-3.2"), (None, ""),
], ids=["money", "decimal", "fraction", "decrease", "null"])
def test_number_in_table(value, shown):
    assert cli.number(value) == shown


# --- bad files and bad arguments ----------------------------------------------------------

@needs_corpus
def test_bad_files_are_named_and_the_others_still_printed(capsys, tmp_path):
    pdf = tmp_path / "扫描件.txt"
    pdf.write_bytes(b"%PDF-1.4\n" + bytes(range(256)))
    missing = tmp_path / "不存在.txt"
    status, out, err = run_main(capsys, [missing, DOCS[0], pdf, DOCS[1], "--format", "jsonl"])
    assert status == 1
    assert {row["doc"] for row in jsonl(out)} == {DOCS[0].name, DOCS[1].name}
    lines = err.splitlines()
    assert len(lines) == 2
    assert str(missing) in lines[0] and "文件不存在" in lines[0]
    assert str(pdf) in lines[1] and "PDF" in lines[1]


@pytest.mark.parametrize("args, message", [
    ([], "FILE"),
    (["a.txt", "--format", "xml"], "--format"),
    (["a.txt", "--date", "2024-02-30"], "日期应写作 YYYY-MM-DD"),
    (["a.txt", "--date", "2024年2月"], "日期应写作 YYYY-MM-DD"),
    (["a.txt", "--max-mb", "-1"], "应为正数"),
    (["a.txt", "--no-such-flag"], "--no-such-flag"),
], ids=["no-file", "unknown-format", "impossible-date", "chinese-date", "negative-size", "unknown-flag"])
def test_bad_arguments_exit_2(capsys, args, message):
    status, out, err = run_main(capsys, args)
    assert status == 2
    assert out == ""
    assert message in err


def test_max_mb_refuses_a_large_file(capsys, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes("地区生产总值突破6000亿元。".encode() * 50_000)  # about 1.7 MB
    status, out, err = run_main(capsys, [big, "--max-mb", "1", "--format", "jsonl"])
    assert (status, out) == (1, "")
    assert "文件过大" in err and str(big) in err


# --- standard input, dates, the real process ----------------------------------------------

SENTENCE = "到2025年，全市地区生产总值突破6000亿元，高新技术企业达到3000家。\n"


@pytest.mark.parametrize("codec", ["utf-8", "gbk", "utf-16"])
def test_stdin_in_a_real_process(codec):
    proc = run_cli(["-", "--format", "jsonl"], stdin=SENTENCE.encode(codec))
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    rows = jsonl(proc.stdout.decode("utf-8"))
    assert rows and {row["doc"] for row in rows} == {"<stdin>"}
    assert all(SENTENCE[row["start"]:row["end"]] == row["text"] for row in rows)


@needs_corpus
def test_broken_pipe_is_quiet():
    """`python -m extract ... | head -1`: the reader leaves early; no traceback."""
    proc = subprocess.Popen([sys.executable, "-m", "extract", *map(str, DOCS), "--format", "jsonl"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=300) == 0
    assert json.loads(first)["doc"] == DOCS[0].name
    assert b"Traceback" not in err


@pytest.mark.parametrize("date, deadline", [
    ("2024-02-17", 2026),  # first half of the year: the document's own year counts
    ("2023-11-20", 2026),  # second half: the three years start next year
], ids=["early-in-year", "late-in-year"])
def test_date_reaches_the_engine(capsys, tmp_path, date, deadline):
    doc = tmp_path / "plan.txt"
    doc.write_text("用3年时间，全市新增高新技术企业1000家。", encoding="utf-8")
    status, out, _ = run_main(capsys, [doc, "--date", date, "--format", "jsonl"])
    rows = jsonl(out)
    assert status == 0
    assert [(r["value"], r["deadline"]) for r in rows] == [(1000, deadline)]


# --- progress bar --------------------------------------------------------------

class _Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("files, stream, bar", [
    (["a", "b"], _Terminal, True),
    (["a"], _Terminal, False),
    (["a", "b"], io.StringIO, False),
], ids=["many-files-terminal", "one-file", "not-a-terminal"])
def test_progress_bar_only_for_many_files_on_a_terminal(files, stream, bar):
    err = stream()
    shown = cli._progress(files, err)
    assert list(shown) == files
    assert (err.getvalue() != "") is bar


# --- figures_from_files ----------------------------------------------------------------------

@needs_corpus
def test_figures_from_files_is_one_table_of_all_documents():
    table = extract.figures_from_files(DOCS)
    assert list(table.columns) == list(extract.COLUMNS)
    assert isinstance(table["category"].dtype, pd.CategoricalDtype)
    assert str(table["deadline"].dtype) == "Int64"
    assert table["doc"].unique().tolist() == [d.name for d in DOCS]
    for doc in DOCS:
        alone = extract.figures(extract.read_text(doc), doc=doc.name)
        assert table.loc[table["doc"] == doc.name, "text"].tolist() == alone["text"].tolist()


def test_figures_from_files_names_an_unreadable_file(tmp_path):
    with pytest.raises(extract.ReadError, match="文件不存在"):
        extract.figures_from_files([tmp_path / "无.txt"])


def test_figures_from_no_files_is_an_empty_table():
    table = extract.figures_from_files([])
    assert table.empty and list(table.columns) == list(extract.COLUMNS)


# --- the README's commands run ----------------------------------------------------------------

def readme_blocks() -> list[list[tuple[str, int]]]:
    """The `console` blocks of README.md that use the command lines of this repository, each a
    list of (command, expected exit status). A command's status is 0 unless the block shows
    it with `$ echo $?` and the number."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = []
    for body in re.findall(r"```console\n(.*?)```", text, flags=re.S):
        lines = body.splitlines()
        commands: list[tuple[str, int]] = []
        for i, line in enumerate(lines):
            if not line.startswith("$ "):
                continue
            command = line[2:]
            if command == "echo $?":
                commands[-1] = (commands[-1][0], int(lines[i + 1]))
            else:
                commands.append((command, 0))
        if any(" -m extract" in c or " -m tracker" in c or " -m dashboard" in c for c, _ in commands):
            blocks.append(commands)
    return blocks


def _runnable(command: str) -> bool:
    """Commands that start servers or change the bundled targets.yaml are left out."""
    return not ("--append" in command or "streamlit" in command or command.startswith("make "))


@needs_corpus
def _block_id(block: list[tuple[str, int]]) -> str:
    """A short ASCII id: the first command that runs python, without the interpreter's path."""
    command = next((c for c, _ in block if "python" in c), block[0][0])
    command = command.split("python", 1)[-1]
    return re.sub(r"[^A-Za-z0-9_./=-]+", " ", command).strip()[:50]


@pytest.mark.parametrize("block", readme_blocks(), ids=_block_id)
def test_readme_commands_run(tmp_path, block):
    """Each command runs as shown (in a scratch copy: outputs such as figures.csv land there)."""
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in ("extract", "tracker", "dashboard", "targets.yaml", "docs", "tests"):
        (repo / name).symlink_to(ROOT / name)
    (tmp_path / "shared").symlink_to(SHARED)
    # Nothing leaks out of the scratch copy or in from earlier runs: a fresh home, and the
    # README's scratch folder /tmp/readme moved under tmp_path.
    env = {k: v for k, v in os.environ.items() if k not in ("TRACKER_USERS", "XDG_CONFIG_HOME")}
    env["HOME"] = str(tmp_path / "home")
    for command, status in block:
        if not _runnable(command):
            continue
        command = command.replace(".venv/bin/python", sys.executable)
        command = command.replace("/tmp/readme", str(tmp_path / "readme"))
        exported = re.fullmatch(r"export (\w+)=(\S+)(?:\s+#.*)?", command)
        if exported:  # each command runs in its own shell: carry the export by hand
            env[exported[1]] = exported[2]
            continue
        proc = subprocess.run(["bash", "-c", command], cwd=repo, env=env, capture_output=True,
                              timeout=600)
        assert proc.returncode == status, (command, proc.stderr.decode("utf-8", "replace")[-2000:])
        assert b"Traceback" not in proc.stderr
