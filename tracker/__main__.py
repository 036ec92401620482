"""Command line: ``python -m tracker check|status|update|suggest``.

check   prints every problem as FILE:LINE:COL: id/field: message (warnings say 警告：);
        exit 1 if there is an error (with --strict, also a warning), else 0.
status  prints one row per valid target (--format table for people, csv for programs);
        problems go to standard error, and errors make the exit status 1.
update  proposes progress for the targets from new documents (tracker/update.py).
suggest proposes new target entries from a document (tracker/suggest.py).

check and status take --today YYYY-MM-DD, the assessment date (default today), so that a
status or a check can be reproduced.
"""
from __future__ import annotations

import argparse
import importlib
import sys
import unicodedata

import pandas as pd

from . import load, status
from .cli import ChineseParser
from .progress import STATUS_COLUMNS
from .units import format_number, format_value

DEFAULT_FILE = "targets.yaml"

# (column, heading) of the table view, in order.
TABLE_COLUMNS = (
    ("id", "编号"), ("name", "名称"), ("baseline", "基期"), ("latest", "最新"), ("as_of", "数据截至"),
    ("target", "目标"), ("due", "期限"), ("progress", "进度"), ("elapsed", "时间"), ("expected", "应达"),
    ("gap", "差距"), ("cagr_required", "需年增"), ("cagr_observed", "实年增"), ("ratio", "R"),
    ("projected_value", "期限时预计"), ("projected_year", "预计达标"), ("status", "状态"), ("stale", "滞后"),
    ("reason", "说明"),
)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _cell(row, col: str) -> str:
    value = row[col]
    if col in ("baseline", "latest", "target", "gap", "expected", "projected_value"):
        return format_value(value, row["unit"])
    if col == "projected_year":
        return "—" if pd.isna(value) else f"{value}年"
    if col == "stale":
        return "数据滞后" if value else ""
    if col in ("progress", "elapsed", "cagr_required", "cagr_observed"):
        return "—" if pd.isna(value) else format_number(value * 100, 1) + "%"
    if col == "ratio":
        return "—" if pd.isna(value) else format_number(value, 2)
    if col in ("as_of", "due"):
        return "—" if pd.isna(value) else f"{value:%Y-%m-%d}"
    return "" if value is None else str(value)


def render_table(table: pd.DataFrame) -> str:
    """An aligned plain-text table (CJK characters count as two columns)."""
    cells = [[head for _, head in TABLE_COLUMNS]]
    for _, row in table.iterrows():
        cells.append([_cell(row, col) for col, _ in TABLE_COLUMNS])
    widths = [max(_width(r[i]) for r in cells) for i in range(len(TABLE_COLUMNS))]
    return "\n".join("  ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip() for r in cells)


def render_csv(table: pd.DataFrame) -> str:
    out = table[STATUS_COLUMNS].copy()
    out["tags"] = out["tags"].map(lambda tags: ";".join(tags) if isinstance(tags, list) else "")
    out["stale"] = out["stale"].map({True: "true", False: "false"})
    return out.to_csv(index=False, date_format="%Y-%m-%d", float_format="%.6g")


def _today(text: str) -> pd.Timestamp:
    try:
        return pd.Timestamp(text)
    except (ValueError, TypeError):
        raise argparse.ArgumentTypeError(f"日期无效：{text}；应为 YYYY-MM-DD") from None


# Subcommands with a module of their own (it parses its own arguments): name -> (module, help).
MODULE_COMMANDS = {
    "update": ("tracker.update", "从新文件（统计公报、进展报告）提取进展，与目标对应后列出或写入台账"),
    "suggest": ("tracker.suggest", "为文件中的每个目标类数字生成 targets.yaml 条目"),
}


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in MODULE_COMMANDS:
        return importlib.import_module(MODULE_COMMANDS[argv[0]][0]).main(argv[1:])
    parser = ChineseParser(prog="python -m tracker", description="检查 targets.yaml，计算各目标的进度与状态")
    sub = parser.add_subparsers(dest="command", required=True, title="命令", metavar="命令", parser_class=ChineseParser)
    for name, (_, help_text) in MODULE_COMMANDS.items():
        sub.add_parser(name, help=help_text, add_help=False)
    check = sub.add_parser("check", help="检查文件，逐条列出错误和警告（有错误时退出码为 1）")
    check.add_argument("file", nargs="?", default=DEFAULT_FILE, help=f"台账文件（默认 {DEFAULT_FILE}）")
    check.add_argument("--strict", action="store_true", help="有警告时退出码也为 1")
    stat = sub.add_parser("status", help="每个目标一行：进度、差距、时间进度、预测、状态")
    stat.add_argument("file", nargs="?", default=DEFAULT_FILE, help=f"台账文件（默认 {DEFAULT_FILE}）")
    stat.add_argument("--format", choices=("table", "csv"), default="table", help="输出格式：table 表格（默认）或 csv")
    for command in (check, stat):
        command.add_argument("--today", type=_today, default=None, help="评估日期（默认今天），YYYY-MM-DD")
    args = parser.parse_args(argv)

    book = load(args.file, today=args.today)
    errors, warnings = len(book.errors), len(book.warnings)
    if args.command == "check":
        for problem in book.problems:
            print(problem)
        count = len(book.targets)
        if book.problems:
            print(f"{args.file}: {errors} 个错误，{warnings} 个警告；{count} 个目标可用", file=sys.stderr)
            return 1 if errors or args.strict else 0
        print(f"{args.file}: {count} 个目标，未发现问题", file=sys.stderr)
        return 0

    for problem in book.problems:
        print(problem, file=sys.stderr)
    table = status(book, today=args.today)
    sys.stdout.write(render_csv(table) if args.format == "csv" else render_table(table) + "\n")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
