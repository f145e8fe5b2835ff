"""Crash safety of the GUI, proven (issue 16): the real window (``gui_writer``, a child
process) is killed with SIGKILL in the middle of each kind of write, at several
moments; then the data folder opens through the program's own path, its pages are
sound, and every record is as it was before the write or as it is after it, never
half. After the kill half-way, the window starts again on what the kill left, cleans
it and finishes the write.

A new kind of write: a function in ``gui_writer`` and one :class:`Kind` in ``KINDS``
(its folder, its argument, and the check of a state against "before").
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from gridoffice import paths
from gridoffice.services import backups, demo, roster_excel
from gridoffice.services.accounts import AccountService
from gridoffice.store import digest
from gridoffice.store.database import Database
from gridoffice.store.files import connect, open_database
from tests.conftest import ROOT
from tests.sync.net import Net, Pc

from . import gui_writer

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]

# Right after the start marker; a random small delay after the kind's own marker (into
# the part of the write where the data file changes); right after the half-way marker.
KILL_MOMENTS = ("start", "delay", "mid")
SEED = int(os.environ.get("GRIDOFFICE_CRASH_SEED", "0")) or random.randrange(1 << 30)
TIMEOUT_S = 90


# --- running and killing the window ----------------------------------------------------------
@dataclass
class Run:
    lines: list[str]
    returncode: int | None
    stderr: str


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "GRIDOFFICE_DATA_DIR"}
    env.update(PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return env


def run_writer(kind: str, folder: Path, arg: str = "", *, kill_at: str | None = None,
               delay: float = 0.0) -> Run:
    """Run the window's write of ``kind`` on ``folder``; SIGKILL it ``delay`` seconds
    after the marker ``kill_at`` (None: let it finish)."""
    with tempfile.TemporaryFile("w+") as errors:  # not a pipe that nobody reads
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.crash.gui_writer", kind, str(folder), arg],
            env=_env(), cwd=ROOT, stdout=subprocess.PIPE, stderr=errors, text=True,
            bufsize=1)
        watchdog = threading.Timer(TIMEOUT_S, process.kill)
        watchdog.start()
        lines: list[str] = []
        try:
            assert process.stdout is not None
            for line in process.stdout:
                lines.append(line.strip())
                if line.startswith("error"):
                    break
                if line.strip() == kill_at:
                    if delay:
                        time.sleep(delay)
                    process.send_signal(signal.SIGKILL)
                    break
            process.wait(timeout=TIMEOUT_S)
        finally:
            watchdog.cancel()
            if process.stdout is not None:
                process.stdout.close()
        errors.seek(0)
        stderr = errors.read()[-3000:]
    run = Run(lines, process.returncode, stderr)
    assert not any(line.startswith("error") for line in lines), (lines, stderr)
    if kill_at is None:
        assert process.returncode == 0 and lines[-1] == "done", (lines, stderr)
    else:
        assert kill_at in lines, (lines, stderr)
    return run


# --- what the folder holds -------------------------------------------------------------------
def sound(folder: Path) -> Path:
    """The folder opens as the program opens it, and its pages and keys are sound."""
    opened = open_database(paths.resolve(folder))  # with its quick_check
    conn = connect(opened.path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
    return opened.path


def _db(folder: Path) -> Path:
    return paths.resolve(folder).database


def query(path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    conn = connect(path, read_only=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def digests(path: Path) -> dict[str, str]:
    conn = connect(path, read_only=True)
    try:
        return digest.digests(conn)
    finally:
        conn.close()


def members(path: Path, ids: list[str]) -> dict[str, tuple[Any, ...]]:
    """Each member with one of ``ids``: its fields and its placements."""
    marks = ",".join("?" * len(ids))
    rows = query(path, f"""
        SELECT m.id_number, m.name, m.mobile, m.join_date,
               (SELECT count(*) FROM member_placement p WHERE p.member_id = m.id
                AND p.to_date IS NULL),
               (SELECT o.short_name FROM member_placement p JOIN org o ON o.id = p.org_id
                WHERE p.member_id = m.id AND p.to_date IS NULL)
        FROM member m WHERE m.id_number IN ({marks})""", tuple(ids))
    return {row[0]: row[1:] for row in rows}


def member_count(path: Path) -> int:
    return query(path, "SELECT count(*) FROM member")[0][0]


def backup_files(folder: Path) -> dict[str, list[Path]]:
    """The backups folder sorted: final backups, their manifests, and what is left over."""
    found: dict[str, list[Path]] = {"backups": [], "manifests": [], "leftovers": []}
    for file in sorted((folder / "backups").iterdir()):
        if file.name.endswith(".sqlite3"):
            found["backups"].append(file)
        elif file.name.endswith(".sqlite3.json") and file.with_suffix("").exists():
            found["manifests"].append(file)
        else:
            found["leftovers"].append(file)
    return found


def backups_whole(folder: Path) -> list[Path]:
    """Every backup under its final name verifies; what else lies there is a partial
    file (``.part``) or the manifest of a copy never named; the final backups."""
    found = backup_files(folder)
    for file in found["backups"]:
        assert backups.verify(file) is None, (file, backups.verify(file))
    for leftover in found["leftovers"]:
        name = leftover.name
        assert name.endswith((".part", ".part-journal")) or (
            name.endswith(".sqlite3.json") and not leftover.with_suffix("").exists()), name
    assert not any(info.damaged for info in backups.backups(folder / "backups"))
    return found["backups"]


# --- the kinds of write ----------------------------------------------------------------------
@dataclass
class Kind:
    """``prepare(templates, tmp) -> (folder, arg)``; ``before(folder)`` the state to
    compare with; ``check(folder, before, finished)`` asserts the folder's state is
    "before" or "after" (``finished``: must be "after"). The "delay" kill comes a
    random ``delay`` (seconds, from, to) after the marker ``delay_after``."""

    prepare: Callable[[dict[str, Any], Path], tuple[Path, str]]
    before: Callable[[Path], Any]
    check: Callable[[Path, Any, bool], None]
    delay_after: str = "start"
    delay: tuple[float, float] = (0.05, 0.6)


def _copy(templates: dict[str, Any], name: str, tmp: Path) -> Path:
    return shutil.copytree(templates[name], tmp / name)


# form save: the members added so far are whole (all fields, one placement), in order
def _form_check(folder: Path, before: Any, finished: bool) -> None:
    path = sound(folder)
    want = gui_writer.form_members()
    found = members(path, [m["id_number"] for m in want])
    saved = len(found)
    assert set(found) == {m["id_number"] for m in want[:saved]}, "not saved in order"
    for member in want[:saved]:
        assert found[member["id_number"]] == (
            member["name"], member["mobile"], member["join_date"], 1, gui_writer.BRANCH)
    assert member_count(path) == before + saved
    assert saved == len(want) or not finished


# Excel import: all the rows or none
def _excel_check(folder: Path, before: Any, finished: bool) -> None:
    path = sound(folder)
    rows = gui_writer.sheet_members()
    found = members(path, [r[2] for r in rows])
    imports = query(path, "SELECT count(*) FROM audit_log WHERE action = 'import'")[0][0]
    if found or finished:
        assert len(found) == len(rows)
        for row in rows:
            assert found[row[2]] == (row[0], row[5], found[row[2]][2], 1, gui_writer.BRANCH)
        assert member_count(path) == before[0] + len(rows)
        assert imports == before[1] + 1
    else:
        assert (member_count(path), imports) == before


# sync import: the package whole (its rows and its record) or not at all
def _sync_state(folder: Path) -> Any:
    path = _db(folder)
    return digests(path), query(path, "SELECT count(*) FROM sync_package")[0][0]


def _sync_check(folder: Path, before: Any, finished: bool) -> None:
    sound(folder)
    state = _sync_state(folder)
    assert state == SYNC_AFTER[0] or (state == before and not finished)


# backup now: the data unchanged; every backup whole
def _backup_state(folder: Path) -> Any:
    return digests(_db(folder)), len(backup_files(folder)["backups"])


def _backup_check(folder: Path, before: Any, finished: bool) -> None:
    assert digests(sound(folder)) == before[0]
    made = backups_whole(folder)
    if finished:
        newest = backups.backups(folder / "backups")[0]
        assert newest.kind == backups.MANUAL and not newest.damaged
        assert len(made) >= before[1]


# restore: the data exactly as now or exactly as the backup holds it
def _restored(folder: Path) -> Path:
    """The backup the restore puts back (the one manual backup in the folder)."""
    [file] = (folder / "backups").glob("*-manual.sqlite3")
    return file


def _restore_check(folder: Path, before: Any, finished: bool) -> None:
    now = digests(sound(folder))
    backups_whole(folder)
    restored = json.loads(backups.manifest_path(_restored(folder)).read_text("utf-8"))
    assert restored["digests"] != before
    assert now == restored["digests"] or (now == before and not finished)
    if now == restored["digests"]:  # restored data always carries its own "restore" entry
        from gridoffice.services.audit import entries

        assert entries(_db(folder))[-1].action == backups.RESTORE_ACTION


SYNC_AFTER: list[Any] = []  # the street office's state after the import (set by a fixture)


# Measured on 2 busy cores: form start→mid 1.4 s→done 2.3 s (6 saves); excel start→mid
# 0.2 s (rows written)→done 0.02 s (commit); sync start→mid 0.6 s (backup first)→done
# 0.7 s (merge); backup start→mid 0.08 s→done 0.7 s (2 backups); restore start→mid 0.6 s
# (backup of today's data)→done 0.07 s (the copy into the data file).
KINDS: dict[str, Kind] = {
    "form": Kind(lambda t, tmp: (_copy(t, "demo", tmp), ""),
                 lambda f: member_count(_db(f)), _form_check, delay=(0.05, 1.5)),
    "excel": Kind(lambda t, tmp: (_copy(t, "demo", tmp), str(t["sheet"])),
                  lambda f: (member_count(_db(f)), query(
                      _db(f), "SELECT count(*) FROM audit_log WHERE action = 'import'")[0][0]),
                  _excel_check, delay_after="mid", delay=(0.0, 0.012)),
    "sync": Kind(lambda t, tmp: (_copy(t, "street", tmp), str(t["package"])),
                 _sync_state, _sync_check, delay_after="mid", delay=(0.02, 0.6)),
    "backup": Kind(lambda t, tmp: (_copy(t, "demo", tmp), ""), _backup_state, _backup_check,
                   delay=(0.02, 0.6)),
    "restore": Kind(lambda t, tmp: (f := _copy(t, "restore", tmp), str(_restored(f))),
                    lambda f: digests(_db(f)), _restore_check, delay_after="mid",
                    delay=(0.005, 0.08)),
}


# --- the folders -----------------------------------------------------------------------------
def _daily(folder: Path) -> None:
    """Today's daily backup, so that the window's start makes none (it is no part of
    the write under test)."""
    backups.create(paths.resolve(folder).database, folder / "backups", backups.DAILY)


@pytest.fixture(scope="module")
def templates(tmp_path_factory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("crash-gui")
    # a street office and a community PC with a community's data, and its package
    net = Net(root / "net", {"a1": ("幸福里社区", "1号机")})
    demo.fill(net["a1"].db, seed=7)
    [package] = net["a1"].export()
    net.close()
    made: dict[str, Any] = {"package": shutil.copy(package, root / package.name)}
    for name, folder in (("demo", "a1"), ("street", "street")):
        made[name] = shutil.copytree(net.root / folder, root / name)
        AccountService(_db(made[name])).set_open()
        _daily(made[name])
    made["sheet"] = gui_writer.write_sheet(root / "roster.xlsx")

    # restore: a backup of the demo, then the roster grows by a small import
    restore = shutil.copytree(made["demo"], root / "restore")
    database = paths.resolve(restore).database
    backups.create(database, restore / "backups", backups.MANUAL)
    db = Database(database)
    try:
        small = root / "small.xlsx"
        gui_writer.write_sheet(small, rows=40)
        mapping = roster_excel.load_mapping(db, small, "党员")
        plan = roster_excel.dry_run(db, small, "党员", mapping, today=dt.date.today())
        roster_excel.apply(db, plan, operator="王芳", today=dt.date.today())
    finally:
        db.close()
    made["restore"] = restore

    # sync: the street office's state once the package is in
    after = Pc("street", shutil.copytree(made["street"], root / "street-after"))
    try:
        assert [r.status for r in after.take([made["package"]])] == ["applied"]
    finally:
        after.close()
    SYNC_AFTER[:] = [_sync_state(after.folder)]
    return made


@pytest.mark.parametrize("moment", KILL_MOMENTS)
@pytest.mark.parametrize("name", list(KINDS))
def test_killed_write_leaves_before_or_after(templates, tmp_path, name, moment):
    kind = KINDS[name]
    folder, arg = kind.prepare(templates, tmp_path)
    before = kind.before(folder)
    at, delay = moment, 0.0
    if moment == "delay":
        at, delay = kind.delay_after, random.Random(f"{SEED} {name}").uniform(*kind.delay)
    run = run_writer(name, folder, arg, kill_at=at, delay=delay)
    try:
        kind.check(folder, before, False)
    except AssertionError as exc:
        raise AssertionError(f"killed {delay:.3f} s after {at!r} (GRIDOFFICE_CRASH_SEED="
                             f"{SEED}; markers {run.lines}): {exc}") from exc
    if moment != "mid":
        return
    # The window starts again on what the kill left, cleans it, and finishes the write.
    stale = time.time() - 3600
    for leftover in backup_files(folder)["leftovers"]:
        os.utime(leftover, (stale, stale))
    replaced = [f for f in backup_files(folder)["backups"] if "before_restore" in f.name]
    run_writer(name, folder, arg)
    kind.check(folder, before, True)
    assert backup_files(folder)["leftovers"] == []
    assert all(file.exists() for file in replaced)  # what a restore replaced stays kept
    assert not any(paths.private_temp_dir(folder).glob("*"))
