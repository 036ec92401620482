"""`python -m dashboard SUBCOMMAND ...`: one subcommand per module, each parsing its own arguments.

    python -m dashboard briefing --out 简报.docx     # dashboard/briefing.py
    python -m dashboard users add 名字              # dashboard/users.py
"""
from __future__ import annotations

import importlib
import sys

# Subcommand -> (module with a main(argv) -> int, what it does).
COMMANDS = {
    "briefing": ("dashboard.briefing", "生成周例会用的简报（Word 或 PDF）"),
    "users": ("dashboard.users", "管理登录用户：add 名字 [--role editor|viewer] / remove 名字 / list"),
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in COMMANDS:
        return importlib.import_module(COMMANDS[argv[0]][0]).main(argv[1:])
    lines = [f"  {name:<10}{text}" for name, (_, text) in COMMANDS.items()]
    stream = sys.stdout if argv[:1] in (["-h"], ["--help"]) else sys.stderr
    print("用法：python -m dashboard 子命令 [选项]\n子命令：\n" + "\n".join(lines)
          + "\n每个子命令加 --help 查看其选项。", file=stream)
    return 0 if stream is sys.stdout else 2


if __name__ == "__main__":
    sys.exit(main())
