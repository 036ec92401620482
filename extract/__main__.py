"""Command line: every figure of one or more documents, as JSON lines, CSV or a table.

    python -m extract FILE... [--format jsonl|csv|table] [--date YYYY-MM-DD] [--max-mb N]

`-` reads standard input. A file that cannot be read (missing, binary, too large) gets one
error line on standard error naming it; the other files are still processed and the exit
status is 1. Bad arguments exit 2 (argparse's convention). Documents are processed one at a
time and written as they finish, so memory does not grow with the number of files.
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

from .reading import MAX_BYTES, ReadError, doc_name, read_text

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
    args = _parser().parse_args(argv)
    _utf8_stdout()
    try:
        return run(args.files, fmt=args.format, date=args.date,
                   max_bytes=int(args.max_mb * 1024 * 1024), out=sys.stdout, err=sys.stderr)
    except BrokenPipeError:  # `python -m extract a.txt | head`: the reader left; not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def run(paths: Iterable[str], *, fmt: str = "table", date: dt.date | None = None,
        max_bytes: int = MAX_BYTES, out: TextIO, err: TextIO) -> int:
    """Extract each document in turn and write its figures to `out`; return the exit status."""
    from .engine import figures  # the matching engine; imported here so `--help` does not pay for it

    paths = list(paths)
    write = WRITERS[fmt]
    status, first = 0, True
    for path in _progress(paths, err):
        try:
            text = read_text(path, max_bytes=max_bytes)
            table = figures(text, doc=doc_name(path), date=date)
        except ReadError as error:
            _error(err, f"错误：{error}")
            status = 1
            continue
        except Exception as error:  # the engine promises not to raise; if it does, keep the other files
            _error(err, f"错误：{path}: 提取失败（{type(error).__name__}: {error}）")
            status = 1
            continue
        write(table, out, first, doc_name(path))
        first = False
        out.flush()
    return status


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


def parse_mb(value: str) -> float:
    try:
        mb = float(value)
    except ValueError:
        mb = -1.0
    if not mb > 0 or math.isinf(mb):
        raise argparse.ArgumentTypeError(f"应为正数（单位 MB），而不是 {value!r}")
    return mb


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
    parser.add_argument("files", nargs="+", metavar="FILE", help="文本文件（UTF-8、GBK/GB18030 或 UTF-16）；- 表示标准输入")
    parser.add_argument("--format", choices=FORMATS, default="table",
                        help="输出格式：table 供人阅读（默认），jsonl 每行一个 JSON 对象，csv 表格")
    parser.add_argument("--date", type=parse_date, default=None, metavar="YYYY-MM-DD",
                        help="文档日期，用于推算“用3年时间”“今年”之类的相对期限；文中写有日期时以文中为准")
    parser.add_argument("--max-mb", type=parse_mb, default=MAX_BYTES / (1024 * 1024), metavar="N",
                        help=f"单个文件大小上限（MB，默认 {MAX_BYTES // (1024 * 1024)}）")
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
