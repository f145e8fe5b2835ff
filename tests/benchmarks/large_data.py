"""The one large data set of a benchmark run: ``gridoffice-cli demo --size large``
(20,000 members, 8 grids of 400–500 households and their residents, about 5,000
in-service registrations with a year of check-ins, a year of councils and 三会一课).

Built once per run by the session fixture ``large_demo`` (tests/benchmarks/conftest.py),
in a child process as an office would make it. With ``BENCHMARK_DATA_DIR`` set, the
folder there is reused across runs (built when missing). Benchmarks that write take a
copy (:func:`copy_of`).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DATA_FILE = "gridoffice.sqlite3"


def build_large_demo(folder: Path) -> tuple[Path, float]:
    """The large demo in ``folder`` (made when missing); returns it and the seconds the
    making took (0 when it was there)."""
    if (folder / DATA_FILE).exists() and (folder / ".complete").exists():
        return folder, 0.0
    if folder.exists():
        shutil.rmtree(folder)
    env = {k: v for k, v in os.environ.items() if k != "GRIDOFFICE_DATA_DIR"}
    env["PYTHONPATH"] = str(ROOT)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "gridoffice.cli", "--data-dir", str(folder), "demo",
                    "--size", "large"], check=True, cwd=ROOT, env=env, capture_output=True,
                   timeout=1800)
    (folder / ".complete").write_text("", encoding="utf-8")
    return folder, time.perf_counter() - started


def copy_of(folder: Path, target: Path) -> Path:
    """A copy of a data folder to write into (the shared one stays as made)."""
    shutil.copytree(folder, target, ignore=shutil.ignore_patterns(".complete"))
    return target


@contextmanager
def recorded_sql() -> Iterator[list[str]]:
    """The SELECTs every pooled connection runs while inside, with their parameters
    bound (SQLite's trace callback: the ORM's queries and the raw ones alike)."""
    from sqlalchemy import event
    from sqlalchemy.pool import Pool

    statements: list[str] = []

    def trace(statement: str) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append(statement)

    def checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        dbapi_connection.set_trace_callback(trace)

    def checkin(dbapi_connection: Any, _record: Any) -> None:
        if dbapi_connection is not None:
            dbapi_connection.set_trace_callback(None)

    event.listen(Pool, "checkout", checkout)
    event.listen(Pool, "checkin", checkin)
    try:
        yield statements
    finally:
        event.remove(Pool, "checkout", checkout)
        event.remove(Pool, "checkin", checkin)


def bare_sql_ms(path: Path, statements: list[str]) -> float:
    """The statements run bare on a raw connection, every row fetched (ms)."""
    from tests import sql

    conn = sql.connect(path)
    try:
        for statement in statements:  # warm the page cache as the tab had it
            conn.execute(statement).fetchall()
        start = time.perf_counter()
        for statement in statements:
            conn.execute(statement).fetchall()
        return (time.perf_counter() - start) * 1000
    finally:
        conn.close()


def add_big_meeting(db_path: Path) -> str:
    """A council with 60 attendees and 10 agenda items (a speech each), recorded through
    the service as the meetings tab records one; returns its id."""
    from gridoffice.services import meetings as ms
    from gridoffice.store.database import Database

    db = Database(db_path)
    try:
        service = ms.MeetingService(db, "王芳")
        start = dt.datetime.combine(service.today() - dt.timedelta(days=3), dt.time(9))
        meeting_id = service.create_meeting(ms.MeetingDraft(
            "council", start, start + dt.timedelta(hours=2), "党群服务中心", "王芳", "王芳",
            title="六十人十议题"))
        service.add_attendees(meeting_id, [ms.AttendeeDraft(f"参会人{i:02d}", "resident")
                                           for i in range(60)])
        for i in range(10):
            item = service.add_item(meeting_id, ms.ItemDraft(f"议题{i + 1}", None, "王芳",
                                                             "内容" * 40))
            service.add_speech(item, ms.SpeechDraft("王芳", "同意。"))
        return meeting_id
    finally:
        db.close()
