"""Accounts at the command line: the ``user`` commands, the global ``--user`` sign-in,
and the role rules every other command follows (``gridoffice-cli``).

A folder with accounts refuses a data command without ``--user``; with it, the
password comes from ``GRIDOFFICE_PASSWORD`` or a prompt, wrong ones count
towards the lock as in the window, and every service the command builds acts as
the account. Each command declares the permission it needs (``permission`` in
its defaults), checked before anything is written. Never imports Qt.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gridoffice.domain import access
from gridoffice.domain.access import Actor
from gridoffice.errors import UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP, catalog

EXIT_OK = 0  # as the other commands (gridoffice.cli)
#: the password of the account given by ``--user`` (and, without ``--user``, the new
#: password of ``user add`` / ``user passwd``)
PASSWORD_ENV = "GRIDOFFICE_PASSWORD"
#: the new password of ``user add`` / ``user passwd`` when ``--user`` signs someone in
NEW_PASSWORD_ENV = "GRIDOFFICE_NEW_PASSWORD"
#: the current password for ``user passwd`` of one's own account without ``--user``
OLD_PASSWORD_ENV = "GRIDOFFICE_OLD_PASSWORD"

MSG_SIGN_IN = QT_TRANSLATE_NOOP(
    "errors", "This office has accounts: sign in with --user before the command ({example}; "
    "the password from $GRIDOFFICE_PASSWORD or typed when asked). Nothing was done.")
MSG_NO_ACCOUNTS = QT_TRANSLATE_NOOP(
    "errors", "--user: this data folder has no accounts yet; leave out --user, or add the "
    "administrator first: {example}.")
MSG_NO_PASSWORD = QT_TRANSLATE_NOOP(
    "errors", "Password: none was given; set $GRIDOFFICE_PASSWORD or type it when asked. "
    "Nothing was changed.")
FIRST_ADMIN = "gridoffice-cli user add NAME --role admin"
PROMPT_PASSWORD = QT_TRANSLATE_NOOP("cli", "Password of {login}: ")
PROMPT_NEW = QT_TRANSLATE_NOOP("cli", "New password of {login}: ")
PROMPT_REPEAT = QT_TRANSLATE_NOOP("cli", "The new password again: ")
PROMPT_CURRENT = QT_TRANSLATE_NOOP("cli", "Current password of {login}: ")


def _zh(context: str, text: str) -> str:
    return catalog("zh_CN").translate(context, text)


def _prompt(text: str, **values: Any) -> str:
    zh = _zh("cli", text).format(**values)
    en = text.format(**values)
    try:
        return getpass.getpass(en if zh == en else f"{zh.rstrip()} | {en}")
    except EOFError:
        raise UserError(MSG_NO_PASSWORD) from None


def role_label(role: str) -> str:
    """The role's name, Chinese first (``专职工作者 Full-time community worker``)."""
    label = access.ROLE_LABELS.get(role, role)
    zh = _zh("access", label)
    return label if zh == label else f"{zh} {label}"


# --- the parser -----------------------------------------------------------------------------
def add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", dest="login", metavar="NAME", help=QT_TRANSLATE_NOOP(
        "cli", "sign in as this account (a folder with accounts needs it); the password "
        "from $GRIDOFFICE_PASSWORD or typed when asked"))


def add_commands(commands: Any, command: Callable[..., argparse.ArgumentParser]) -> None:
    """The ``user`` commands; ``command`` is the command line's maker of a sub-command."""
    user = command(commands, "user", QT_TRANSLATE_NOOP(
        "cli", "the accounts of this PC: add, list, disable, enable, passwords"))
    actions = user.add_subparsers(dest="user_action", metavar="ACTION", required=True)
    name_help = QT_TRANSLATE_NOOP("cli", "the account's login name")

    add = command(actions, "add", QT_TRANSLATE_NOOP(
        "cli", "add an account (the first one must be the administrator; later ones need "
        "--user of an administrator); the password from $GRIDOFFICE_PASSWORD, with --user "
        "from $GRIDOFFICE_NEW_PASSWORD, or typed twice"), cmd_user_add,
        permission=access.ACCOUNTS)
    add.add_argument("name", metavar="NAME", help=name_help)
    add.add_argument("--role", required=True, choices=access.ROLES, help=QT_TRANSLATE_NOOP(
        "cli", "the role: administrator, secretary, staff (full-time community worker), "
        "grid worker or viewer (read only)"))
    add.add_argument("--grid", dest="grids", action="append", default=[], metavar="CODE",
                     help=QT_TRANSLATE_NOOP(
                         "cli", "a grid worker's grid (its code or name; repeat for more)"))
    add.add_argument("--community", dest="communities", action="append", default=[],
                     metavar="NAME", help=QT_TRANSLATE_NOOP(
                         "cli", "at a street office: a community the account is limited to "
                         "(its name; repeat for more; none: every community)"))
    add.add_argument("--real-name", default="", metavar="TEXT",
                     help=QT_TRANSLATE_NOOP("cli", "the person's real name"))
    add.add_argument("--phone", default="", metavar="PHONE",
                     help=QT_TRANSLATE_NOOP("cli", "the person's phone"))
    add.add_argument("--control-tags", action="store_true", help=QT_TRANSLATE_NOOP(
        "cli", "may see and set control tags (admin, secretary or staff only)"))

    listing = command(actions, "list", QT_TRANSLATE_NOOP(
        "cli", "every account: login, real name, role, grids, communities, disabled, locked"),
        cmd_user_list, permission=access.ACCOUNTS)
    listing.add_argument("--json", action="store_true",
                         help=QT_TRANSLATE_NOOP("cli", "print JSON"))
    for name, text, handler in (
            ("disable", QT_TRANSLATE_NOOP("cli", "disable an account (never deleted)"),
             cmd_user_disable),
            ("enable", QT_TRANSLATE_NOOP("cli", "enable a disabled account again"),
             cmd_user_enable)):
        parser = command(actions, name, text, handler, permission=access.ACCOUNTS)
        parser.add_argument("name", metavar="NAME", help=name_help)
    passwd = command(actions, "passwd", QT_TRANSLATE_NOOP(
        "cli", "an administrator resets anyone's password; a user changes their own giving "
        "the current one ($GRIDOFFICE_OLD_PASSWORD or typed)"), cmd_user_passwd,
        signed=False)
    passwd.add_argument("name", metavar="NAME", help=name_help)


# --- signing in -----------------------------------------------------------------------------
def _open(args: argparse.Namespace) -> Path:
    """The data file, opened and migrated (as every command opens it)."""
    from gridoffice import paths
    from gridoffice.store import keys
    from gridoffice.store.files import open_database

    app_paths = paths.resolve(args.data_dir)
    if keys.is_locked(app_paths.database):  # opened (and updated) by the sign-in
        return app_paths.database
    opened = open_database(app_paths)
    paths.clear_private_temp(app_paths.data_dir)
    return Path(opened.path)


def _database_path(args: argparse.Namespace) -> Path | None:
    """The data file, opened (and migrated) when it exists; None when there is none."""
    from gridoffice import paths

    if not paths.resolve(args.data_dir).database.is_file():
        return None
    return _open(args)


def sign_in(args: argparse.Namespace) -> Actor | None:
    """Who runs the command: the account of ``--user`` (signed in), or None in a folder
    without accounts. Refuses a folder with accounts without ``--user``, and what the
    command needs and the account may not do, before anything is written."""
    from gridoffice.services.accounts import SIGNED, AccountService

    args.actor, args.password = None, None
    path = _database_path(args)
    mode = AccountService(path).mode() if path is not None else None
    if args.login:
        if mode != SIGNED:
            raise UserError(MSG_NO_ACCOUNTS, example=FIRST_ADMIN)
        assert path is not None
        password = os.environ.get(PASSWORD_ENV)
        if password is None:
            password = _prompt(PROMPT_PASSWORD, login=args.login)
        args.actor = AccountService(path).sign_in(args.login, password)
        args.password = password
    elif mode == SIGNED and getattr(args, "signed", True):
        raise UserError(MSG_SIGN_IN,
                        example=f"gridoffice-cli --user NAME {_command_name(args)} …")
    actor = args.actor
    if actor is not None:
        permission = getattr(args, "permission", None)
        if permission:
            actor.require(permission)
        if permission == access.EXPORT and getattr(args, "full", False):
            actor.require(access.EXPORT_FULL)
    return actor


def _command_name(args: argparse.Namespace) -> str:
    parts = [args.command]
    for key in ("ledger", "sync_kind", "what", "audit", "user_action", "backup_action"):
        value = getattr(args, key, None)
        if isinstance(value, str):
            parts.append(value)
    return " ".join(parts)


def check_grid(args: argparse.Namespace, grid_id: str | None) -> None:
    """A grid worker may name only their own grids."""
    actor = getattr(args, "actor", None)
    if actor is not None and grid_id is not None:
        actor.require_grid(grid_id)


# --- the user commands ----------------------------------------------------------------------
def _service(args: argparse.Namespace) -> Any:
    from gridoffice.services.accounts import AccountService

    return AccountService(_open(args), args.actor)


def _new_password(args: argparse.Namespace, login: str) -> tuple[str, str | None]:
    """(password, repeat): from the environment, or typed twice."""
    password = os.environ.get(NEW_PASSWORD_ENV)
    if password is None and not args.login:
        password = os.environ.get(PASSWORD_ENV)
    if password is not None:
        return password, None
    return _prompt(PROMPT_NEW, login=login), _prompt(PROMPT_REPEAT)


def cmd_user_add(args: argparse.Namespace) -> int:
    from gridoffice.services.accounts import AccountDraft

    service = _service(args)
    grids = service.grid_ids_for(args.grids) if args.grids else ()
    communities = _community_ids(args, args.communities)
    draft = AccountDraft(args.name, args.role, args.real_name, grids, communities, args.phone,
                         args.control_tags)
    password, repeat = _new_password(args, args.name)
    account = service.add(draft, password, repeat)
    names = _community_names(args, account.communities)
    grid_text = "".join(f"，{'、'.join(part)}" for part in (account.grid_names, names) if part)
    print(f"已添加账户 account added: {account.login}（{role_label(account.role)}{grid_text}）")
    return EXIT_OK


def _community_ids(args: argparse.Namespace, names: list[str]) -> tuple[str, ...]:
    """The office ids of the communities named (as the street office knows them)."""
    from gridoffice.services.households.model import MSG_NO_SUCH_COMMUNITY
    from gridoffice.services.street import office_names

    known = office_names(_open(args)) if names else {}
    ids = []
    for name in names:
        found = [office for office, known_name in known.items() if known_name == name.strip()]
        if not found:
            raise UserError(MSG_NO_SUCH_COMMUNITY, name=name.strip(),
                            known="、".join(sorted(set(known.values()))) or "-")
        ids.extend(found)
    return tuple(dict.fromkeys(ids))


def _community_names(args: argparse.Namespace, ids: tuple[str, ...]) -> list[str]:
    from gridoffice.services.street import office_names

    known = office_names(_open(args)) if ids else {}
    return [known.get(office, office[:8]) for office in ids]


def cmd_user_list(args: argparse.Namespace) -> int:
    import datetime as dt

    now = dt.datetime.now()
    rows = [{"login": a.login, "real_name": a.real_name, "role": a.role,
             "grids": list(a.grid_names),
             "communities": _community_names(args, a.communities),
             "disabled": a.disabled, "locked": a.locked(now)}
            for a in _service(args).accounts()]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for row in rows:
        state = ("已停用 disabled" if row["disabled"] else
                 "已锁定 locked" if row["locked"] else "正常 active")
        print(f"{row['login']}\t{row['real_name'] or '-'}\t{role_label(row['role'])}\t"
              f"{'、'.join(row['grids']) or '-'}\t{'、'.join(row['communities']) or '-'}\t"
              f"{state}")
    return EXIT_OK


def _set_disabled(args: argparse.Namespace, disabled: bool) -> int:
    account = _service(args).set_disabled(args.name, disabled)
    state = "已停用 disabled" if disabled else "已启用 enabled"
    print(f"{state}: {account.login}")
    return EXIT_OK


def cmd_user_disable(args: argparse.Namespace) -> int:
    return _set_disabled(args, True)


def cmd_user_enable(args: argparse.Namespace) -> int:
    return _set_disabled(args, False)


def cmd_user_passwd(args: argparse.Namespace) -> int:
    service = _service(args)
    actor: Actor | None = args.actor
    own = actor is None or actor.login.casefold() == args.name.strip().casefold()
    if not own:  # an administrator resets another's password (the service checks)
        assert actor is not None
        actor.require(access.ACCOUNTS)
        service.account(args.name)  # an unknown login is named before the prompt
        password, repeat = _new_password(args, args.name)
        service.reset_password(args.name, password, repeat)
        print(f"已重设密码 password reset: {args.name}")
        return EXIT_OK
    current = args.password
    if current is None:
        current = os.environ.get(OLD_PASSWORD_ENV)
        if current is None:
            current = _prompt(PROMPT_CURRENT, login=args.name)
        # the current password is checked like a sign-in: wrong ones count to the lock
        service.sign_in(args.name, current)
    password, repeat = _new_password(args, args.name)
    service.change_password(args.name, current, password, repeat)
    print(f"已修改密码 password changed: {args.name}")
    return EXIT_OK
