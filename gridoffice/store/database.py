"""The SQLAlchemy side of the store: engines, sessions and sync stamping.

Every synced row is stamped in one place, a ``before_flush`` hook: a new id
(UUIDv7), the owning office, a hybrid-logical-clock timestamp, the writer
(this copy of the data) and the version it was based on. Deleting a synced
row through the ORM is refused: rows are retired by setting ``deleted``
(a tombstone that sync can carry), so nobody's record is ever lost. A record
is changed only by the office that owns it (``origin_office``): another
office's copy arrives by sync and is read-only here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlmodel import Session as ModelSession
from sqlmodel import create_engine

from gridoffice.domain.hlc import HybridClock, uuid7
from gridoffice.domain.text import check_text
from gridoffice.errors import StorageError, UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.store import driver
from gridoffice.store.files import BUSY_TIMEOUT_MS, MSG_LOCKED, configure
from gridoffice.store.tables import Synced

MSG_READ_ONLY = QT_TRANSLATE_NOOP(
    "errors",
    "The database {path} is read-only: nothing can be saved, exported or printed (each "
    "is recorded in it). Make the file and its folder writable, or ask for permission.",
)
MSG_NOT_OURS = QT_TRANSLATE_NOOP(
    "errors", "This record belongs to another office and is changed there (it reaches this "
    "PC by sync); nothing was changed.")


def check_row_text(table: str, values: dict[str, Any]) -> None:
    """Refuse a control or text-direction character in any text of a row written by
    a service (the one check behind every service's cleaning; the field is named by
    its table and column when the service has not named it already)."""
    for name, value in values.items():
        if isinstance(value, str):
            check_text(name, f"{table}.{name}", value)


class HardDeleteError(RuntimeError):
    """A synced row was passed to ``session.delete``: a bug, use a tombstone."""


class Database:
    """An opened, migrated database file (see ``files.open_database``)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._write_lock = threading.RLock()  # one writer at a time in this process
        self._local = threading.local()  # the write session open on each thread
        self.engine = self._make_engine(immediate=True)
        self._read_engine = self._make_engine(immediate=False)
        self.replica_id = self.office_id = ""
        self.reload_identity()
        meta = dict(self._raw_rows("SELECT key, value FROM meta"))
        self.clock = HybridClock(int(meta.get("hlc_last", "0")))
        self._write_sessions = sessionmaker(
            self.engine, class_=ModelSession, expire_on_commit=False
        )
        self._read_sessions = sessionmaker(
            self._read_engine, class_=ModelSession, expire_on_commit=False
        )

    def _make_engine(self, *, immediate: bool) -> Engine:
        path = self.path

        def connect() -> driver.Connection:
            # the key (when the file is encrypted) is the first statement on the line
            conn = driver.connect(path, timeout=BUSY_TIMEOUT_MS / 1000,
                                  check_same_thread=False)
            return configure(conn)

        # A file URL (not sqlite://) keeps SQLAlchemy's QueuePool; ``module`` makes it
        # wrap SQLCipher's errors as it wraps sqlite3's.
        engine = create_engine(f"sqlite:///{path}", creator=connect, module=driver.dbapi)

        begin = "BEGIN IMMEDIATE" if immediate else "BEGIN"

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            conn.exec_driver_sql(begin)

        return engine

    def reload_identity(self) -> None:
        """Read which office and copy this is (after the office was set up)."""
        meta = dict(self._raw_rows("SELECT key, value FROM meta"))
        self.replica_id = meta["replica_id"]
        self.office_id = meta["office_id"]

    def _raw_rows(self, sql: str) -> list[Any]:
        with self._read_engine.connect() as conn:
            return list(conn.exec_driver_sql(sql).fetchall())

    @contextlib.contextmanager
    def write(self) -> Iterator[ModelSession]:
        """A session in a write transaction, committed when the block ends.

        A write block inside another one on the same thread joins it: its changes
        are flushed and committed (or rolled back) with the outer block, so a job
        made of many service calls can be all or nothing (reads on the thread then
        see the outer block's changes too)."""
        outer = self._local.__dict__.get("session")
        if outer is not None:
            yield outer
            outer.flush()
            return
        with self._write_lock:
            session = self._write_sessions(info={"database": self})
            self._local.session = session
            try:
                yield session
                session.commit()
            except OperationalError as exc:
                session.rollback()
                if "locked" in str(exc).lower():
                    raise StorageError(MSG_LOCKED, path=str(self.path)) from exc
                if "readonly" in str(exc).lower():
                    raise StorageError(MSG_READ_ONLY, path=str(self.path)) from exc
                raise
            except BaseException:
                session.rollback()
                raise
            finally:
                self._local.session = None
                session.close()

    @contextlib.contextmanager
    def read(self) -> Iterator[ModelSession]:
        """A session for reading; nothing it does is committed (inside a write block
        on the same thread: that block's session, which sees its changes)."""
        outer = self._local.__dict__.get("session")
        if outer is not None:
            outer.flush()
            yield outer
            return
        session = self._read_sessions()
        try:
            yield session
        finally:
            session.close()  # ends the transaction without expiring what was read

    def bulk_insert(self, session: ModelSession, model: type[Synced],
                    rows: list[dict[str, Any]]) -> list[str]:
        """Insert many synced rows with one executemany, stamped like the ORM would.

        For imports and demo data, where thousands of rows through the ORM's unit
        of work would be slow. Columns a row leaves out get the model's defaults.
        Runs on the session's connection, inside its transaction. Returns the ids.
        """
        if not rows:
            return []
        raw = session.connection().connection.driver_connection
        assert raw is not None
        self.observe_stored_clock(raw)
        table = model.__table__  # type: ignore[attr-defined]
        fields = model.model_fields
        defaults = {c.name: _field_default(fields.get(c.name)) for c in table.columns}
        names = list(defaults)
        ids = []
        values = []
        for row in rows:
            check_row_text(table.name, row)
            row.setdefault("id", uuid7())
            row.setdefault("origin_office", self.office_id)
            row["hlc"] = self.clock.now()
            row["writer"] = self.replica_id
            row["base_hlc"] = None
            row["local_seq"] = row["hlc"]
            row.setdefault("deleted", False)
            ids.append(row["id"])
            values.append(tuple(_sql_value(row.get(n, defaults[n])) for n in names))
        columns = ", ".join(f'"{n}"' for n in names)
        marks = ", ".join("?" for _ in names)
        raw.executemany(f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})', values)
        raw.execute("UPDATE meta SET value = ? WHERE key = 'hlc_last'", (str(self.clock.last),))
        return ids

    # A set-based UPDATE of synced rows stamps them as the ORM would: this in its SET
    # clause, with :meth:`update_stamp` as the parameters.
    STAMP_SET = "base_hlc = hlc, hlc = ?, local_seq = ?, writer = ?"

    def update_stamp(self) -> tuple[int, int, str]:
        stamp = self.clock.now()
        return stamp, stamp, self.replica_id

    def observe_stored_clock(self, conn: Any) -> None:
        """Move this clock past the one stored in the file (inside a write
        transaction): another process may have written since, and the local
        change sequence must never go backwards."""
        row = conn.execute("SELECT value FROM meta WHERE key = 'hlc_last'").fetchone()
        if row is not None:
            self.clock.observe(int(row[0]))

    def close(self) -> None:
        self.engine.dispose()
        self._read_engine.dispose()


def _field_default(field: Any) -> Any:
    """The model's default for a field left out of a bulk row (None if it has none)."""
    if field is None or field.is_required():
        return None
    return field.get_default(call_default_factory=True)


def _sql_value(value: Any) -> Any:
    """What sqlite3 stores for a model value (dates as ISO text, as SQLAlchemy does:
    a datetime with a space and microseconds, so that it compares with what the ORM
    writes and queries)."""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


@event.listens_for(Session, "before_flush")
def _stamp_synced_rows(session: Session, _context: Any, _instances: Any) -> None:
    database: Database | None = session.info.get("database")
    if database is None:
        if any(isinstance(obj, Synced) for obj in (*session.new, *session.dirty)):
            raise RuntimeError("synced rows are written through Database.write() only")
        return
    for obj in session.deleted:
        if isinstance(obj, Synced):
            raise HardDeleteError(
                f"{type(obj).__name__} rows are never deleted; set deleted=True instead"
            )
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, Synced):
            check_row_text(type(obj).__tablename__,
                           {c.name: getattr(obj, c.name, None)
                            for c in obj.__table__.columns})  # type: ignore[attr-defined]
    stamped = False
    changed = [obj for obj in session.dirty if isinstance(obj, Synced)
               and session.is_modified(obj, include_collections=False)]
    if any(obj.origin_office != database.office_id for obj in changed):
        # A record is changed by the office that owns it: the street office does not
        # edit a community's records, nor a community the street's reference data.
        raise UserError(MSG_NOT_OURS)
    if changed or any(isinstance(obj, Synced) for obj in session.new):
        raw = session.connection().connection.driver_connection
        database.observe_stored_clock(raw)
    for obj in session.new:
        if isinstance(obj, Synced):
            if not obj.id:
                obj.id = uuid7()
            if not obj.origin_office:
                obj.origin_office = database.office_id
            obj.base_hlc = None
            obj.hlc = obj.local_seq = database.clock.now()
            obj.writer = database.replica_id
            stamped = True
    for obj in changed:
        obj.base_hlc = obj.hlc
        database.clock.observe(obj.hlc)  # a version from a clock ahead: still after it
        obj.hlc = obj.local_seq = database.clock.now()
        obj.writer = database.replica_id
        stamped = True
    if stamped:
        session.connection().exec_driver_sql(
            "UPDATE meta SET value = ? WHERE key = 'hlc_last'", (str(database.clock.last),)
        )
