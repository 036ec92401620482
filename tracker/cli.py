"""Pieces shared by the tracker's subcommands: argparse in Chinese, dates, aligned tables."""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import unicodedata

__all__ = ["ChineseParser", "parse_date", "table", "width"]

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


class ChineseParser(argparse.ArgumentParser):
    """argparse with its usage and errors in Chinese; bad arguments still exit 2."""

    def __init__(self, add_help: bool = True, **kwargs):
        kwargs.setdefault("formatter_class", _ChineseHelp)
        super().__init__(add_help=False, **kwargs)
        self._positionals.title, self._optionals.title = "参数", "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str):
        for pattern, chinese in ARGPARSE_MESSAGES:
            if re.fullmatch(pattern, message):
                message = re.sub(pattern, chinese, message)
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：参数错误：{message}\n")


def parse_date(value: str) -> dt.date:
    """--date: a calendar date written YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应写作 YYYY-MM-DD 且是真实日期，例如 2024-02-17，而不是 {value!r}") from None


def width(text: str) -> int:
    """Columns a string takes in a terminal: wide and full-width characters take two."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cut(text: str, most: int) -> str:
    text = " ".join(str(text).split())
    if width(text) <= most:
        return text
    kept, used = [], 0
    for ch in text:
        if used + width(ch) > most - 1:
            break
        kept.append(ch)
        used += width(ch)
    return "".join(kept) + "…"


def table(headings: list[str], rows: list[list[str]], most: int = 60) -> str:
    """An aligned plain-text table; cells wider than `most` columns are cut with …."""
    cells = [headings] + [[_cut(c, most) for c in row] for row in rows]
    widths = [max(width(r[i]) for r in cells) for i in range(len(headings))]
    return "\n".join("  ".join(c + " " * (w - width(c)) for c, w in zip(r, widths)).rstrip() for r in cells)
