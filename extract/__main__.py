"""Command line: every figure of one or more documents, as JSON lines, CSV or a table.

    python -m extract FILE|DIR|ZIP... [--format jsonl|csv|table] [--date YYYY-MM-DD] [--max-mb N]
    python -m extract FILE|DIR|ZIP... --out figures.parquet [--jobs N] [--resume] [--timeout S]
                                      [--scheduler tcp://HOST:8786]

Documents are .txt, web pages, PDF and .docx (extract/reading.py); folders and .zip
archives are walked (extract/archive.py). `-` reads standard input. A file that cannot be
read gets one error line on standard error naming it; the other files are still processed
and the exit status is 1. Bad arguments exit 2 (argparse's convention). Without --out,
documents are processed one at a time in this process and written as they finish; with
--out, in worker processes (or on a Dask cluster) into two Parquet tables.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import re
import sys
import unicodedata
from typing import Any, Callable, Iterable, TextIO

import pandas as pd

from .reading import MAX_BYTES, ReadError, doc_name

#: Seconds one document may take in an --out run (extract/archive.py's default).
DEFAULT_TIMEOUT = 120.0

FORMATS = ("table", "jsonl", "csv")

#: Columns of the `table` view: (column, heading, widest cells). Headings are for people.
TABLE_COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("text", "原文", 24),
    ("value", "数值", 26),
    ("category", "类别", 6),
    ("unit", "单位", 8),
    ("qualifier", "限定", 4),
    ("kind", "类型", 4),
    ("indicator", "指标", 28),
    ("deadline", "期限", 4),
)

#: Chinese names of the category and kind codes of FIGURES.md, for the `table` view only
#: (jsonl and csv keep the codes, which are the contract).
LABELS: dict[str, dict[str, str]] = {
    "category": {"money": "金额", "count": "数量", "percent": "百分比", "pp": "百分点",
                 "multiple": "倍数", "other": "其他"},
    "kind": {"target": "目标", "actual": "实际"},
    "qualifier": {"eq": "", "ge": "≥", "gt": ">", "le": "≤", "lt": "<", "approx": "≈"},
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = _parser()
    args = parser.parse_args(argv)
    _utf8_stdout()
    max_bytes = int(args.max_mb * 1024 * 1024)
    if args.out is not None:
        return run_archive(args.files, args.out, jobs=args.jobs, resume=args.resume, scheduler=args.scheduler,
                           timeout=args.timeout or DEFAULT_TIMEOUT, date=args.date, max_bytes=max_bytes,
                           err=sys.stderr)
    for flag, given in (("--jobs", args.jobs), ("--resume", args.resume), ("--scheduler", args.scheduler),
                        ("--timeout", args.timeout)):
        if given:
            parser.error(f"{flag} 只用于 --out（把结果写入 Parquet 文件）")
    try:
        return run(args.files, fmt=args.format, date=args.date, max_bytes=max_bytes, out=sys.stdout, err=sys.stderr)
    except BrokenPipeError:  # `python -m extract a.txt | head`: the reader left; not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def run(paths: Iterable[str], *, fmt: str = "table", date: dt.date | None = None,
        max_bytes: int = MAX_BYTES, out: TextIO, err: TextIO) -> int:
    """Extract each document in turn and write its figures to `out`; return the exit status.

    A web page's publication date (from its metadata) serves where its text gives no date;
    `date` serves where neither does."""
    from .archive import read_source, walk
    from .engine import figures  # the matching engine; imported here so `--help` does not pay for it

    sources = list(walk(paths))
    write = WRITERS[fmt]
    status, first = 0, True
    for source in _progress(sources, err):
        doc = doc_name(source.path)
        try:
            document = read_source(source, max_bytes)
            for warning in document.warnings:
                _error(err, f"提示：{source.path}: {warning}")
            table = figures(document.text, doc=doc, date=document.date or date)
        except ReadError as error:
            _error(err, f"错误：{source.path}: {error.reason}")
            status = 1
            continue
        except Exception as error:  # the engine promises not to raise; if it does, keep the other files
            _error(err, f"错误：{source.path}: 提取失败（{type(error).__name__}: {error}）")
            status = 1
            continue
        write(table, out, first, doc)
        first = False
        out.flush()
    return status


def run_archive(paths: Iterable[str], out_file: str, *, jobs: int | None = None, resume: bool = False,
                scheduler: str | None = None, timeout: float = DEFAULT_TIMEOUT, date: dt.date | None = None,
                max_bytes: int = MAX_BYTES, err: TextIO) -> int:
    """Every document under `paths` into two Parquet tables (extract/archive.py): one progress
    bar, one line per failed document, a summary; exit status 1 when any document failed."""
    from tqdm import tqdm

    from . import archive

    bar = tqdm(file=err, unit="个文件", desc="提取", disable=not getattr(err, "isatty", lambda: False)())

    def shown(result: archive.Result) -> None:
        bar.update()
        if result.document["error"] is not None:
            _error(err, f"错误：{result.document['path']}: {result.document['error']}")

    try:
        sink = archive.run(paths, out_file, jobs=jobs, resume=resume, timeout=timeout, scheduler=scheduler,
                           date=date, max_bytes=max_bytes, on_result=shown)
    except OSError as error:  # the output cannot be written (no such folder, disk full, no permission)
        bar.close()
        print(f"错误：无法写入结果 {out_file}（{error.strerror or error}）", file=err)
        return 1
    finally:
        bar.close()
    counts = sink.counts
    done = counts["documents"] - counts["errors"]
    line = f"共 {counts['documents']} 个文件：成功 {done} 个，出错 {counts['errors']} 个；数字 {counts['figures']} 个"
    if counts["skipped"]:
        line += f"；跳过 {counts['skipped']} 个其他文件（扩展名不是文档格式）"
    if counts["resumed"]:
        line += f"；此前已处理 {counts['resumed']} 个，未重做"
    print(f"{line}\n结果：{sink.figures_file}（数字）、{sink.documents_file}（文件）", file=err)
    return 1 if counts["errors"] else 0


# --- output formats -------------------------------------------------------------------

def write_jsonl(table: pd.DataFrame, out: TextIO, first: bool, doc: str) -> None:
    """One JSON object a figure; NaN/NA become null, whole-number columns stay integers."""
    for row in table.to_dict("records"):
        out.write(json.dumps({k: plain(v) for k, v in row.items()}, ensure_ascii=False))
        out.write("\n")


def write_csv(table: pd.DataFrame, out: TextIO, first: bool, doc: str) -> None:
    """The same table as CSV, one header for all documents."""
    table.to_csv(out, index=False, header=first, lineterminator="\n")


def write_table(table: pd.DataFrame, out: TextIO, first: bool, doc: str) -> None:
    """An aligned view for a person, one block a document; CJK characters count two columns."""
    if not first:
        out.write("\n")
    out.write(f"== {doc}（{len(table)} 个数字）==\n")
    if not len(table):
        return
    rows = [[heading for _, heading, _ in TABLE_COLUMNS]]
    for record in table.to_dict("records"):
        rows.append([cell(record, column) for column, _, _ in TABLE_COLUMNS])
    widths = [max(width(r[i]) for r in rows) for i in range(len(TABLE_COLUMNS))]
    widths = [min(w, most) for w, (_, _, most) in zip(widths, TABLE_COLUMNS)]
    for r in rows:
        out.write("  ".join(pad(c, w) for c, w in zip(r, widths)).rstrip() + "\n")


WRITERS: dict[str, Callable[[pd.DataFrame, TextIO, bool, str], None]] = {
    "jsonl": write_jsonl, "csv": write_csv, "table": write_table,
}


def plain(value: Any) -> Any:
    """A JSON-ready value: None for NaN/NA/NaT, Python int/float/str for numpy scalars."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
    return value


def cell(record: dict[str, Any], column: str) -> str:
    """The text of one cell of the `table` view."""
    value = plain(record.get(column))
    if column == "value":
        high = plain(record.get("value_max"))
        return number(value) if high is None else f"{number(value)}–{number(high)}"
    if value is None:
        return ""
    if column in LABELS:
        return LABELS[column].get(str(value), str(value))
    return str(value)


def number(value: float | None) -> str:
    """12000000.0 → '12,000,000'; 6.9 → '6.9'; 33.3333… → '33.3333'."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def width(text: str) -> int:
    """Columns a string takes in a terminal: wide and full-width characters take two."""
    return sum(_char_width(ch) for ch in text)


def pad(text: str, cells: int) -> str:
    """`text` cut to `cells` columns (with …) and padded with spaces to exactly that width."""
    text = " ".join(text.split())  # a cell is one line
    if width(text) > cells:
        kept, used = [], 0
        for ch in text:
            w = _char_width(ch)
            if used + w > cells - 1:
                break
            kept.append(ch)
            used += w
        text = "".join(kept) + "…"
    return text + " " * (cells - width(text))


def _char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


# --- arguments ------------------------------------------------------------------------

def parse_date(value: str) -> dt.date:
    """--date: a calendar date written YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"日期应写作 YYYY-MM-DD 且是真实日期，例如 2024-02-17，而不是 {value!r}") from None


def parse_jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"应为正整数，而不是 {value!r}")
    return int(value)


def parse_seconds(value: str) -> float:
    """--timeout: a positive number of seconds."""
    return _positive(value, "单位：秒")


def parse_mb(value: str) -> float:
    """--max-mb: a positive number of megabytes."""
    return _positive(value, "单位 MB")


def _positive(value: str, unit: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not number > 0 or math.isinf(number):
        raise argparse.ArgumentTypeError(f"应为正数（{unit}），而不是 {value!r}")
    return number


#: argparse's English messages, as Chinese (pattern, replacement); the first that matches wins.
ARGPARSE_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"the following arguments are required: (.*)", r"缺少参数：\1"),
    (r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)", r"参数 \1 的取值 \2 无效，可选：\3"),
    (r"argument (\S+): expected one argument", r"参数 \1 需要一个值"),
    (r"unrecognized arguments: (.*)", r"无法识别的参数：\1"),
    (r"argument (\S+): (.*)", r"参数 \1：\2"),
)


class _ChineseHelp(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with its messages in Chinese; bad arguments still exit 2."""

    def error(self, message: str):
        for pattern, chinese in ARGPARSE_MESSAGES:
            if re.fullmatch(pattern, message):
                message = re.sub(pattern, chinese, message)
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：参数错误：{message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        formatter_class=_ChineseHelp, add_help=False,
        prog="python -m extract",
        description="从政策文本中提取每一个带单位的数字（目标或实际值），输出为表格、JSON 行或 CSV。"
                    "生成目标条目、对照台账更新进展见 python -m tracker suggest / update。")
    parser._positionals.title, parser._optionals.title = "参数", "选项"
    parser.add_argument("-h", "--help", action="help", help="显示本帮助并退出")
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="文件（.txt、网页 .html、PDF、Word .docx）、文件夹或 .zip 压缩包；- 表示标准输入")
    parser.add_argument("--format", choices=FORMATS, default="table",
                        help="输出格式：table 供人阅读（默认），jsonl 每行一个 JSON 对象，csv 表格")
    parser.add_argument("--date", type=parse_date, default=None, metavar="YYYY-MM-DD",
                        help="文档日期，用于推算“用3年时间”“今年”之类的相对期限；文中写有日期时以文中为准")
    parser.add_argument("--max-mb", type=parse_mb, default=MAX_BYTES / (1024 * 1024), metavar="N",
                        help=f"单个文件大小上限（MB，默认 {MAX_BYTES // (1024 * 1024)}）")
    batch = parser.add_argument_group("批量处理（写入 Parquet）")
    batch.add_argument("--out", metavar="FIGURES.parquet",
                       help="把数字写入此 Parquet 文件，文件清单写入同名的 .documents.parquet；此时 --format 不起作用")
    batch.add_argument("--jobs", type=parse_jobs, default=None, metavar="N",
                       help="同时处理的进程数（默认：全部 CPU 核）")
    batch.add_argument("--resume", action="store_true", help="跳过输出中已有的文件（中断后接着做）")
    batch.add_argument("--timeout", type=parse_seconds, default=None, metavar="秒",
                       help=f"单个文件的处理时限（默认 {DEFAULT_TIMEOUT:g} 秒），超时记为出错")
    batch.add_argument("--scheduler", metavar="tcp://HOST:8786",
                       help="在 Dask 集群上处理（dask.distributed 调度器地址）；各节点须能按同一路径读到文件")
    return parser


def _progress(paths: list[str], err: TextIO) -> Iterable[str]:
    """A progress bar on standard error when there are several files and it is a terminal."""
    if len(paths) < 2 or not getattr(err, "isatty", lambda: False)():
        return paths
    from tqdm import tqdm
    return tqdm(paths, file=err, unit="个文件", desc="提取", leave=False)


def _error(err: TextIO, message: str) -> None:
    """One error line that does not tear the progress bar."""
    from tqdm import tqdm
    tqdm.write(message, file=err)


def _utf8_stdout() -> None:
    """jsonl/csv are UTF-8 whatever the locale says (the scorer and Excel read them so)."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower().replace("-", "") != "utf8":
            stream.reconfigure(encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
