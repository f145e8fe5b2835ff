"""The key of encrypted data at the command line: ``recovery-key print`` and ``unlock``.

``recovery-key print -o FILE.pdf`` (administrator only, audited) makes a new
recovery key and writes its sheet; the sheet printed before stops working.
``unlock --recovery-key KEY`` opens the data with the sheet's key when every
administrator password is lost, and sets a new password for an administrator
(from ``$GRIDOFFICE_NEW_PASSWORD`` or typed twice). Never imports Qt.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gridoffice.domain import access
from gridoffice.i18n import QT_TRANSLATE_NOOP

EXIT_OK = 0


def add_commands(commands: Any, command: Callable[..., argparse.ArgumentParser],
                 output: Callable[[argparse.ArgumentParser], None]) -> None:
    recovery = command(commands, "recovery-key", QT_TRANSLATE_NOOP(
        "cli", "the recovery key of encrypted data (数据恢复密钥)"))
    actions = recovery.add_subparsers(dest="recovery_action", metavar="ACTION", required=True)
    printing = command(actions, "print", QT_TRANSLATE_NOOP(
        "cli", "make a new recovery key and write its sheet to print and keep in the safe; "
        "the sheet printed before stops working (administrator only)"), cmd_recovery_print,
        permission=access.ACCOUNTS)
    output(printing)
    unlock = command(commands, "unlock", QT_TRANSLATE_NOOP(
        "cli", "open encrypted data with the recovery key when every administrator "
        "password is lost, and set a new administrator password"), cmd_unlock,
        signed=False, office=False)
    unlock.add_argument("--recovery-key", required=True, metavar="KEY", help=QT_TRANSLATE_NOOP(
        "cli", "the key printed on the recovery-key sheet (dashes and case do not matter)"))
    unlock.add_argument("--admin", metavar="NAME", help=QT_TRANSLATE_NOOP(
        "cli", "the administrator account that gets the new password (default: the first "
        "one)"))


def _paths(args: argparse.Namespace) -> Any:
    from gridoffice import paths

    return paths.resolve(args.data_dir)


def cmd_recovery_print(args: argparse.Namespace) -> int:
    from gridoffice.ledgers.recovery_sheet import render_recovery_sheet
    from gridoffice.services import encryption, office
    from gridoffice.store import keys

    app_paths = _paths(args)
    database = app_paths.database
    now = dt.datetime.now().replace(microsecond=0)
    target = Path(args.output)
    code = encryption.new_recovery_key(database, args.actor, now=now,
                                       backup_dir=app_paths.backup_dir)
    profile = office.load_profile(database)
    actor = args.actor
    render_recovery_sheet(
        target, office=profile.name if profile else "", code=code,
        fingerprint=keys.KeyFile.load(database).fingerprint, created=now,
        data_dir=str(app_paths.data_dir),
        printed_by=(actor.operator or actor.login) if actor is not None else "")
    print(f"已写入数据恢复密钥 recovery-key sheet written: {target}")
    print("请打印后锁在保险柜中，并删除此文件 print it, keep it in the safe, delete this file")
    return EXIT_OK


def cmd_unlock(args: argparse.Namespace) -> int:
    from gridoffice.cli_users import _new_password
    from gridoffice.services import encryption

    app_paths = _paths(args)
    login = encryption.recover_admin(
        app_paths, args.recovery_key, args.admin,
        lambda name: _new_password(argparse.Namespace(login=None), name))
    print(f"已用恢复密钥打开数据并重设管理员密码 data opened with the recovery key; new password "
          f"set for: {login}")
    return EXIT_OK


def encrypt_after(args: argparse.Namespace) -> None:
    """A plain data folder that has accounts now (its first administrator was added,
    or it comes from a program before encryption) is encrypted before the command
    ends; the administrator is told to print the recovery-key sheet."""
    from gridoffice.services import encryption

    app_paths = _paths(args)
    if not app_paths.database.is_file() or not encryption.needs_encryption(app_paths.database):
        return
    result = encryption.encrypt(app_paths)
    del result  # its recovery key is never shown here: `recovery-key print` makes the sheet
    print("数据已加密 the data is now encrypted (key " f"{_fingerprint(app_paths)}). "
          "请立即打印数据恢复密钥 print the recovery-key sheet now: gridoffice-cli --user ADMIN "
          "recovery-key print -o 数据恢复密钥.pdf", file=sys.stderr)


def _fingerprint(app_paths: Any) -> str:
    from gridoffice.errors import UserError
    from gridoffice.store import keys

    try:
        return keys.KeyFile.load(app_paths.database).fingerprint
    except UserError:
        return "?"
