"""``python -m tracker update DOC...``: progress for the tracked targets, from new documents.

    python -m tracker update DOC... [--targets FILE] [--date YYYY-MM-DD]
                                    [--format table|jsonl] [--unmatched] [--apply]

Reads each document as the extractor does (UTF-8/GBK/UTF-16, HTML, pinyin readings), matches
its actual figures to the targets of FILE (tracker.matching) and prints one proposal a line:
``jsonl`` gives exactly the fields of tracker.matching.FIELDS, ``table`` is for people.
``--unmatched`` lists instead the figures that matched no target. ``--apply`` writes the
``add`` proposals into FILE through tracker.bookfile (round trip, atomic, FILE.bak, refused
if FILE changed meanwhile, checked again after writing); ``conflict`` and ``implausible`` are
never written. A file ``sources.csv`` beside a document (columns file, title, publisher,
date, url) gives its title, date and address for the written observations.

In Python: ``run_update(paths, targets, ...)`` and ``apply(path, proposals)``.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Iterable, TextIO

from . import load
from .bookfile import BookFile, EditError
from .cli import ChineseParser, parse_date, width
from .matching import ACTIONS, FIELDS, Proposal, Unmatched, propose
from .units import format_value

__all__ = ["apply", "main", "read_sources", "run_update", "SOURCES_FILE"]

DEFAULT_FILE = "targets.yaml"
#: The list of sources beside the documents (one row a document).
SOURCES_FILE = "sources.csv"
SOURCE_COLUMNS = ("file", "title", "publisher", "date", "url")

#: (heading, width cap) of the table view of proposals and of unmatched figures.
PROPOSAL_HEADINGS = ("动作", "目标", "日期", "数值", "统计期", "理由")
UNMATCHED_HEADINGS = ("原文", "地区", "指标", "统计期", "原因")
QUOTE_WIDTH = 100


def read_sources(folder: Path) -> dict[str, dict]:
    """sources.csv of a folder: file name -> {title, publisher, date, url}; {} when absent."""
    path = folder / SOURCES_FILE
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return {row["file"]: row for row in csv.DictReader(handle) if row.get("file")}
    except (FileNotFoundError, KeyError, csv.Error, UnicodeDecodeError):
        return {}


def _source_date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(text).strip()) if text else None
    except ValueError:
        return None


def run_update(paths: Iterable[str], book, date: dt.date | None = None, err: TextIO = sys.stderr
               ) -> tuple[list[Proposal], list[Unmatched], int]:
    """Proposals and unmatched figures of each document in turn; status 1 if one was unreadable."""
    from extract import ReadError, read_document
    from extract.reading import doc_name

    proposals: list[Proposal] = []
    unmatched: list[Unmatched] = []
    pending: dict = {}
    status = 0
    for path in paths:
        try:
            document = read_document(path)
        except ReadError as error:
            print(f"错误：{error}", file=err)
            status = 1
            continue
        name = doc_name(path)
        meta = read_sources(Path(path).parent).get(name, {}) if path != "-" else {}
        # As in `python -m extract`: the date the text states (read in propose), then the one the
        # sources list or the page's metadata gives, then --date.
        found, missed = propose(document.text, book, doc=name,
                                date=_source_date(meta.get("date")) or document.date or date,
                                title=meta.get("title") or document.title or None, url=meta.get("url") or "",
                                pending=pending)
        proposals.extend(found)
        unmatched.extend(missed)
    return proposals, unmatched, status


def apply(path, proposals: Iterable[Proposal], edit: BookFile | None = None, user: str | None = None) -> str:
    """Write the ``add`` proposals into the targets file at `path`; returns a message for
    people, raises EditError (nothing lost, the message says why). The dashboard calls this
    with the file as its page read it (`edit`) and who is logged in (`user`, for the change log)."""
    edit = edit or BookFile.open(path)
    for p in proposals:
        if p.action == "add":
            edit.add_observation(p.target, p.observation())
    return edit.save(user=user)


# --- output ------------------------------------------------------------------------------

def _row(p: Proposal) -> list[str]:
    return [ACTIONS[p.action], p.target, p.date, format_value(p.value, p.unit), p.period, p.reason]


def _aligned(headings: tuple[str, ...], rows: list[list[str]], under: list[str] | None = None) -> str:
    widths = [max(width(r[i]) for r in [list(headings)] + rows) for i in range(len(headings))]
    lines = ["  ".join(h + " " * (w - width(h)) for h, w in zip(headings, widths)).rstrip()]
    for k, row in enumerate(rows):
        lines.append("  ".join(c + " " * (w - width(c)) for c, w in zip(row, widths)).rstrip())
        if under:
            lines.append(under[k])
    return "\n".join(lines)


def _quote_line(quote: str) -> str:
    quote = " ".join(quote.split())
    cut = ""
    used = 0
    for ch in quote:
        if used + width(ch) > QUOTE_WIDTH:
            cut += "…"
            break
        cut += ch
        used += width(ch)
    return f"      原文：{cut}"


def write_proposals(proposals: list[Proposal], fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        for p in proposals:
            out.write(json.dumps(p.record(), ensure_ascii=False) + "\n")
        return
    docs = list(dict.fromkeys(p.doc for p in proposals))
    for i, doc in enumerate(docs):
        mine = [p for p in proposals if p.doc == doc]
        counts = Counter(p.action for p in mine)
        summary = "，".join(f"{ACTIONS[a]} {counts[a]}" for a in ACTIONS)
        out.write(("\n" if i else "") + f"== {doc}：{len(mine)} 条建议（{summary}）==\n")
        out.write(_aligned(PROPOSAL_HEADINGS, [_row(p) for p in mine], [_quote_line(p.quote) for p in mine]) + "\n")


def write_unmatched(unmatched: list[Unmatched], fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        for u in unmatched:
            out.write(json.dumps({"doc": u.doc, "start": u.start, "end": u.end, "text": u.text, "region": u.region,
                                  "indicator": u.indicator, "period": u.period, "quote": u.quote, "why": u.why},
                                 ensure_ascii=False) + "\n")
        return
    docs = list(dict.fromkeys(u.doc for u in unmatched))
    for i, doc in enumerate(docs):
        mine = [u for u in unmatched if u.doc == doc]
        out.write(("\n" if i else "") + f"== {doc}：{len(mine)} 个数字未匹配到目标 ==\n")
        rows = [[u.text, u.region or "—", u.indicator or "—", u.period or "—", u.why] for u in mine]
        out.write(_aligned(UNMATCHED_HEADINGS, rows) + "\n")


# --- command line ------------------------------------------------------------------------

def _parser() -> ChineseParser:
    parser = ChineseParser(
        prog="python -m tracker update",
        description="把新文件（统计公报、进展报告）中的实际数字与台账中的目标对应起来，列出建议写入的进展；"
                    "--apply 把“新增”类建议写入台账。")
    parser.add_argument("docs", nargs="+", metavar="DOC", help="文件（.txt、网页、PDF、Word .docx；文本为 UTF-8、GBK 或 UTF-16）；- 表示标准输入")
    parser.add_argument("--targets", default=DEFAULT_FILE, metavar="FILE", help=f"目标台账（默认 {DEFAULT_FILE}）")
    parser.add_argument("--date", type=parse_date, metavar="YYYY-MM-DD",
                        help="文件日期：文中、来源清单和网页信息都没有日期时，用来确定“今年”和统计期所在的年份")
    parser.add_argument("--format", choices=("table", "jsonl"), default="table",
                        help="输出格式：table 供人阅读（默认），jsonl 每行一条建议")
    parser.add_argument("--unmatched", action="store_true", help="改为列出没有对应目标的实际数字")
    parser.add_argument("--apply", action="store_true", help="把“新增”类建议写入台账（先备份为 FILE.bak）")
    return parser


def main(argv: list[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    args = _parser().parse_args(argv)
    if out is None:
        for stream in (sys.stdout, sys.stderr):   # jsonl is UTF-8 whatever the locale says
            if hasattr(stream, "reconfigure") and (stream.encoding or "").lower().replace("-", "") != "utf8":
                stream.reconfigure(encoding="utf-8")
    out, err = out or sys.stdout, err or sys.stderr
    try:
        return _run(args, out, err)
    except BrokenPipeError:  # `… | head`: the reader left; not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _run(args, out: TextIO, err: TextIO) -> int:
    edit = None
    if args.apply:
        try:
            edit = BookFile.open(args.targets)
        except EditError as error:
            print(f"错误：{error}", file=err)
            return 1
        book = edit.book
    else:
        book = load(Path(args.targets))
    if book.problems:
        skipped = sorted({p.target_id for p in book.problems if p.target_id != "-"})
        for problem in book.problems:
            print(problem, file=err)
        print(f"{args.targets}: {len(book.problems)} 个问题，跳过有问题的目标"
              f"{('：' + '、'.join(skipped)) if skipped else ''}；其余 {len(book.targets)} 个目标照常匹配", file=err)
    proposals, unmatched, status = run_update(args.docs, book, date=args.date, err=err)
    if args.unmatched:
        write_unmatched(unmatched, args.format, out)
    else:
        write_proposals(proposals, args.format, out)
    counts = Counter(p.action for p in proposals)
    print(f"共 {len(proposals)} 条建议（" + "，".join(f"{ACTIONS[a]} {counts[a]}" for a in ACTIONS)
          + f"）；另有 {len(unmatched)} 个实际数字没有对应目标" + ("" if args.unmatched else "（--unmatched 列出）"), file=err)
    if args.apply:
        held = counts["conflict"] + counts["implausible"]
        try:
            print(apply(args.targets, proposals, edit), file=err)
        except EditError as error:
            print(f"错误：{error}", file=err)
            return 1
        if held:
            print(f"{held} 条“冲突”或“存疑”的建议未写入，请人工核对", file=err)
    return status
