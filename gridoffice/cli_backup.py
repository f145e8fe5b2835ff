"""Backups at the command line (``gridoffice-cli backup create|list|verify|restore``).

Wired like :mod:`gridoffice.cli_users`: ``add_commands`` gets the command line's maker
of a sub-command. Never imports Qt; the work is :mod:`gridoffice.services.backups`.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gridoffice.domain import access
from gridoffice.i18n import QT_TRANSLATE_NOOP

EXIT_OK = 0  # as the other commands (gridoffice.cli)


def add_commands(commands: Any, command: Callable[..., argparse.ArgumentParser]) -> None:
    backup = command(commands, "backup", QT_TRANSLATE_NOOP(
        "cli", "backups of the data file: make one, list, verify, restore"))
    actions = backup.add_subparsers(dest="backup_action", metavar="ACTION", required=True)

    create = command(actions, "create", QT_TRANSLATE_NOOP(
        "cli", "make a backup now in the data folder's backups (with -o: a copy and its "
        "manifest at FILE, which needs the right to export full numbers)"), cmd_backup_create)
    create.add_argument("-o", "--output", metavar="FILE", help=QT_TRANSLATE_NOOP(
        "cli", "write the backup to this file (outside the data folder) instead"))

    listing = command(actions, "list", QT_TRANSLATE_NOOP(
        "cli", "every backup, newest first: time, kind, size, file, counts"), cmd_backup_list)
    listing.add_argument("--json", action="store_true",
                         help=QT_TRANSLATE_NOOP("cli", "print JSON"))

    verify = command(actions, "verify", QT_TRANSLATE_NOOP(
        "cli", "check a backup: manifest, checksum, integrity, data version (exit 1 with "
        "the reason)"), cmd_backup_verify)
    verify.add_argument("file", metavar="FILE", help=QT_TRANSLATE_NOOP(
        "cli", "the backup file (a path, or a name in the backups folder)"))

    restore = command(actions, "restore", QT_TRANSLATE_NOOP(
        "cli", "show what restoring a backup would change; with --yes restore it (the "
        "administrator; the current data is backed up first)"), cmd_backup_restore)
    restore.add_argument("file", metavar="FILE", help=QT_TRANSLATE_NOOP(
        "cli", "the backup file (a path, or a name in the backups folder)"))
    restore.add_argument("--yes", action="store_true", help=QT_TRANSLATE_NOOP(
        "cli", "restore it (without it nothing is changed)"))


def _paths(args: argparse.Namespace) -> Any:
    from gridoffice import paths
    from gridoffice.store.files import open_database

    app_paths = paths.resolve(args.data_dir)
    open_database(app_paths)
    paths.clear_private_temp(app_paths.data_dir)
    return app_paths


def _backup_file(args: argparse.Namespace, app_paths: Any) -> Path:
    given = Path(args.file).expanduser()
    if not given.exists() and given.parent == Path("."):
        inside = app_paths.backup_dir / given.name
        if inside.exists():
            return inside
    return given


def _counts_text(counts: dict[str, int]) -> str:
    return " ".join(f"{area}={n}" for area, n in counts.items()) or "-"


def cmd_backup_create(args: argparse.Namespace) -> int:
    from gridoffice.services import backups
    from gridoffice.store.settings import OfficeSettings

    app_paths = _paths(args)
    if args.output:
        if args.actor is not None:
            args.actor.require(access.EXPORT_FULL)
        target = Path(args.output).expanduser()
        if target.suffix.lower() != ".sqlite3":
            target = target.with_name(target.name + ".sqlite3")
        manifest = backups.write_snapshot(app_paths.database, target, backups.MANUAL)
        print(f"已备份 backup written: {target}（{_counts_text(manifest['counts'])}）")
        return EXIT_OK
    result = backups.create(app_paths.database, app_paths.backup_dir, backups.MANUAL,
                            second_folder=OfficeSettings(app_paths.database).backup_second_folder)
    print(f"已备份 backup written: {result.file}（{_counts_text(result.manifest['counts'])}）")
    if result.second_copy is not None:
        print(f"副本 copy: {result.second_copy}")
    if result.warning is not None:
        import sys

        print(f"gridoffice-cli: {result.warning.one_line()}", file=sys.stderr)
    return EXIT_OK


def cmd_backup_list(args: argparse.Namespace) -> int:
    from gridoffice.services import backups

    app_paths = _paths(args)
    rows = backups.backups(app_paths.backup_dir)
    if args.json:
        data = [dict(dataclasses.asdict(r), time=r.time.isoformat(timespec="seconds"),
                     file=str(r.file)) for r in rows]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    for r in rows:
        state = "已损坏 damaged" if r.damaged else _counts_text(r.counts)
        print(f"{r.time:%Y-%m-%d %H:%M:%S}\t{r.kind}\t{r.size}\t{r.file.name}\t{state}")
    return EXIT_OK


def cmd_backup_verify(args: argparse.Namespace) -> int:
    from gridoffice.services import backups
    from gridoffice.store import driver

    app_paths = _paths(args)
    file = _backup_file(args, app_paths)
    problem = backups.verify(file, driver.key_of(app_paths.database))
    if problem is not None:
        raise problem
    print(f"备份完好 the backup is sound: {file}")
    return EXIT_OK


def cmd_backup_restore(args: argparse.Namespace) -> int:
    from gridoffice.services import backups

    app_paths = _paths(args)
    file = _backup_file(args, app_paths)
    if args.actor is not None:  # the preview names records too: the administrator's
        args.actor.require(access.RESTORE)  # before anything is read or written
    shown = backups.preview(app_paths.database, file)
    when = f"{shown.backup_time:%Y-%m-%d %H:%M:%S}" if shown.backup_time else "-"
    print(f"备份 backup: {file}（{when}）")
    print(f"{'':>16}  {'现在 now':>10}  {'备份 backup':>12}")
    for area in dict.fromkeys([*shown.counts_now, *shown.counts_backup]):
        print(f"{area:>16}  {shown.counts_now.get(area, 0):>10}  "
              f"{shown.counts_backup.get(area, 0):>12}")
    print(f"备份之后修改、恢复后将丢失的记录 records changed after the backup, lost by the "
          f"restore: {shown.lost_total}")
    for record in shown.lost:
        print(f"  {record.changed:%Y-%m-%d %H:%M:%S}\t{record.table}\t{record.name}")
    if not args.yes:
        print("未恢复 nothing was restored: add --yes to restore this backup")
        return EXIT_OK
    result = backups.restore(app_paths.database, app_paths.backup_dir, file, args.actor)
    print(f"已恢复 restored: {file}; 恢复前的数据 the data before: {result.before_restore.file}")
    return EXIT_OK
