"""The dashboard's users: a TOML file outside the repository, and `python -m dashboard users`.

    python -m dashboard users add NAME [--role editor|viewer] [--email ADDRESS] [--no-password] [--replace]
    python -m dashboard users remove NAME
    python -m dashboard users list

The file is $TRACKER_USERS, else ~/.config/quant-tracker/users.toml (under $XDG_CONFIG_HOME
when set); it is made readable by its owner only. One table a user:

    [users."张三"]
    role = "editor"                       # editor: may edit targets.yaml; viewer: may only look
    password = "$argon2id$v=19$m=65536…"  # salted argon2id hash (never the password itself)
    email = "zhangsan@example.gov.cn"     # the single sign-on identity that is this user (optional)

The password is asked twice without echo on a terminal, or read from the first line of
standard input for scripts (`printf '%s\\n' "$PW" | python -m dashboard users add 张三`). A user
without a password (--no-password) can only sign in through single sign-on (st.login).
Comments an administrator wrote in the file are kept (tomlkit).
"""
from __future__ import annotations

import argparse
import dataclasses
import getpass
import os
import sys
import tempfile
import unicodedata
from pathlib import Path

import tomlkit
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

__all__ = ["ENV_VAR", "ROLES", "User", "UsersError", "add", "default_path", "hash_password", "load", "main",
           "remove", "verify"]

ENV_VAR = "TRACKER_USERS"
#: role -> what the dashboard calls it.
ROLES = {"editor": "编辑", "viewer": "查看"}
MIN_PASSWORD = 8
MAX_NAME = 64
REPO_ROOT = Path(__file__).resolve().parent.parent
HEADER = ("仪表盘登录用户：用 python -m dashboard users add/remove/list 管理。\n"
          "password 是加盐的 argon2id 哈希，不是密码本身；email 是对应的单点登录账号（可省略）。")

_HASHER = PasswordHasher()
# Checked against when the user name is unknown, so that a wrong name takes as long as a wrong password.
_DUMMY = _HASHER.hash("not a password of anyone")


class UsersError(Exception):
    """The users file cannot be read or written, or a request is refused (message in Chinese)."""


@dataclasses.dataclass(frozen=True)
class User:
    name: str
    role: str
    password: str | None = None      # the argon2 hash
    email: str | None = None

    @property
    def role_name(self) -> str:
        return ROLES.get(self.role, self.role)

    def __repr__(self) -> str:        # the hash stays out of logs and tracebacks
        return f"User(name={self.name!r}, role={self.role!r}, email={self.email!r})"


def default_path(environ=None) -> Path:
    """$TRACKER_USERS, else $XDG_CONFIG_HOME (or ~/.config)/quant-tracker/users.toml."""
    environ = os.environ if environ is None else environ
    if environ.get(ENV_VAR):
        return Path(environ[ENV_VAR]).expanduser()
    config = Path(environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return config / "quant-tracker" / "users.toml"


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify(user: User | None, password: str) -> bool:
    """True when `password` is this user's; False for anyone else (and for no user, in the same time)."""
    if user is None or not user.password:
        try:
            _HASHER.verify(_DUMMY, password + "\0")
        except VerificationError:
            pass
        return False
    try:
        return _HASHER.verify(user.password, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _read(path: Path) -> tomlkit.TOMLDocument:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return tomlkit.document()
    except OSError as err:
        raise UsersError(f"用户文件 {path} 无法读取（{err.strerror or err}）") from None
    except UnicodeDecodeError:
        raise UsersError(f"用户文件 {path} 不是 UTF-8 编码") from None
    try:
        return tomlkit.parse(text)
    except tomlkit.exceptions.TOMLKitError as err:
        raise UsersError(f"用户文件 {path} 格式有误（{err}）；请修正或删除后重新添加用户") from None


def load(path: Path | None = None) -> dict[str, User]:
    """The users of the file, by name ({} when there is no file). Raises UsersError."""
    path = path or default_path()
    table = _read(path).get("users", {})
    users = {}
    for name, fields in (table.items() if isinstance(table, dict) else []):
        if not isinstance(fields, dict):
            raise UsersError(f"用户文件 {path}：用户 {name} 应为一个表（[users.\"{name}\"]）")
        role = str(fields.get("role", "viewer"))
        if role not in ROLES:
            raise UsersError(f"用户文件 {path}：用户 {name} 的 role 应为 {' 或 '.join(ROLES)}，这里是 {role}")
        password, email = fields.get("password"), fields.get("email")
        users[str(name)] = User(str(name), role, str(password) if password else None,
                                str(email).strip().lower() if email else None)
    return users


def _check_name(name: str) -> str:
    name = unicodedata.normalize("NFC", name.strip())
    if not name or len(name) > MAX_NAME or any(c.isspace() or unicodedata.category(c)[0] == "C" for c in name):
        raise UsersError(f"用户名应为 1 到 {MAX_NAME} 个字符，不含空格和控制字符")
    return name


def _inside_repository(path: Path) -> bool:
    return path.resolve().is_relative_to(REPO_ROOT)


def _write(path: Path, document: tomlkit.TOMLDocument) -> None:
    """Atomically, readable by the owner only, in a folder only the owner can enter."""
    if _inside_repository(path):
        raise UsersError(f"用户文件 {path} 在仓库目录中，可能被提交；请放在仓库之外"
                         f"（默认 ~/.config/quant-tracker/users.toml，或用环境变量 {ENV_VAR} 指定）")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(tomlkit.dumps(document))
            os.chmod(tmp, 0o600)
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
    except OSError as err:
        raise UsersError(f"用户文件 {path} 无法写入（{err.strerror or err}）") from None


def add(path: Path, name: str, role: str, password: str | None, email: str | None = None,
        replace: bool = False) -> User:
    """Add (or with `replace`, overwrite) a user; `password` None makes a single-sign-on-only user."""
    name = _check_name(name)
    if role not in ROLES:
        raise UsersError(f"角色应为 {' 或 '.join(ROLES)}，这里是 {role}")
    if password is not None and len(password) < MIN_PASSWORD:
        raise UsersError(f"密码至少 {MIN_PASSWORD} 个字符")
    if password is None and not email:
        raise UsersError("没有密码的用户只能用单点登录，请用 --email 写明其单点登录账号")
    document = _read(path)
    if not document:
        for line in HEADER.splitlines():
            document.add(tomlkit.comment(line))
    users = document.setdefault("users", tomlkit.table(is_super_table=True))
    if name in users and not replace:
        raise UsersError(f"已有用户 {name}；要改密码或角色，请加 --replace")
    if email:
        email = email.strip().lower()
        taken = [n for n, u in load(path).items() if u.email == email and n != name]
        if taken:
            raise UsersError(f"单点登录账号 {email} 已属于用户 {taken[0]}")
    entry = tomlkit.table()
    entry["role"] = role
    if password is not None:
        entry["password"] = hash_password(password)
    if email:
        entry["email"] = email
    users[name] = entry
    _write(path, document)
    return User(name, role, entry.get("password"), email)


def remove(path: Path, name: str) -> None:
    document = _read(path)
    users = document.get("users", {})
    if name not in users:
        raise UsersError(f"没有用户 {name}（用户文件 {path}）")
    del users[name]
    _write(path, document)


def _password(stdin) -> str:
    """Asked twice without echo on a terminal; else the first line of standard input."""
    if stdin.isatty():
        first = getpass.getpass("密码：")
        if getpass.getpass("再输入一次：") != first:
            raise UsersError("两次输入的密码不一致")
        return first
    line = stdin.readline()
    return line[:-1] if line.endswith("\n") else line


def main(argv=None, stdin=None) -> int:
    stdin = stdin or sys.stdin
    parser = argparse.ArgumentParser(prog="python -m dashboard users", description="管理仪表盘的登录用户")
    parser.add_argument("--file", type=Path, default=None, help=f"用户文件（默认 ${ENV_VAR} 或 ~/.config/quant-tracker/users.toml）")
    sub = parser.add_subparsers(dest="command", required=True)
    adding = sub.add_parser("add", help="添加用户（密码从终端输入，或从标准输入读第一行）")
    adding.add_argument("name")
    adding.add_argument("--role", choices=tuple(ROLES), default="editor", help="editor 可编辑（默认），viewer 只可查看")
    adding.add_argument("--email", help="该用户的单点登录账号（邮箱）")
    adding.add_argument("--no-password", action="store_true", help="不设密码，只能单点登录")
    adding.add_argument("--replace", action="store_true", help="已有该用户时覆盖（改密码或角色）")
    removing = sub.add_parser("remove", help="删除用户")
    removing.add_argument("name")
    sub.add_parser("list", help="列出用户")
    args = parser.parse_args(argv)
    path = args.file or default_path()
    try:
        if args.command == "add":
            password = None if args.no_password else _password(stdin)
            user = add(path, args.name, args.role, password, args.email, replace=args.replace)
            print(f"已添加用户 {user.name}（{user.role_name}）到 {path}")
        elif args.command == "remove":
            remove(path, args.name)
            print(f"已删除用户 {args.name}（{path}）")
        else:
            users = load(path)
            if not users:
                print(f"{path}：还没有用户；用 python -m dashboard users add 名字 添加")
            for user in users.values():
                ways = "、".join(w for w, on in (("密码", user.password), ("单点登录 " + (user.email or ""), user.email)) if on)
                print(f"{user.name}\t{user.role_name}\t{ways}")
    except UsersError as err:
        print(f"错误：{err}", file=sys.stderr)
        return 1
    return 0
