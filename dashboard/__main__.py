"""Command line of the dashboard: ``python -m dashboard COMMAND ...``.

Each command is a module of its own with a ``main(argv)`` that parses its own arguments:

    users   manage who may log in (dashboard/users.py)
"""
from __future__ import annotations

import importlib
import sys

# command -> (module, help)
COMMANDS = {
    "users": ("dashboard.users", "管理登录用户：add 名字 [--role editor|viewer] / remove 名字 / list"),
}


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv or argv[0] not in COMMANDS:
        print("用法：python -m dashboard 命令 ...", file=sys.stderr)
        for name, (_, text) in COMMANDS.items():
            print(f"  {name:10}{text}", file=sys.stderr)
        return 0 if argv[:1] in (["-h"], ["--help"]) else 2
    return importlib.import_module(COMMANDS[argv[0]][0]).main(argv[1:])


if __name__ == "__main__":
    sys.exit(main())
