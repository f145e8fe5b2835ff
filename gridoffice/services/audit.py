"""The audit log as a service: one place where the window and the command line record
who exported, printed or revealed what.

Wraps :mod:`gridoffice.store.audit`; a file of personal data written inside
:meth:`AuditService.recorded_output` never exists without its entry.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gridoffice.errors import UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.store import audit as store_audit
from gridoffice.store.files import connect

MSG_EDITED = QT_TRANSLATE_NOOP(
    "errors", "The audit log was changed: entry {seq} was edited outside the program.")
MSG_MISSING = QT_TRANSLATE_NOOP(
    "errors", "The audit log was changed: an entry before entry {seq} was removed outside "
    "the program.")
MSG_TRUNCATED = QT_TRANSLATE_NOOP(
    "errors", "The audit log was changed: the entries from number {seq} on were removed "
    "outside the program.")
_BROKEN = {"edited": MSG_EDITED, "missing": MSG_MISSING, "truncated": MSG_TRUNCATED}


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    operator: str
    action: str
    target: str
    detail: str


def chain_error(path: Path) -> UserError | None:
    """Whether the log of the file at ``path`` is whole: the error naming the first
    broken entry (edited or removed with an outside tool), or None."""
    conn = connect(path, read_only=True)
    try:
        broken = store_audit.verify(conn)
    finally:
        conn.close()
    return None if broken is None else UserError(_BROKEN[broken.kind], seq=broken.seq)


def entries(path: Path, *, since: str | None = None, operator: str | None = None,
            action: str | None = None) -> list[AuditEntry]:
    """The entries, oldest first: from the day ``since`` (YYYY-MM-DD), by ``operator``,
    of ``action`` (each filter optional)."""
    clauses, params = [], []
    for clause, value in (("at >= ?", since), ("operator = ?", operator),
                          ("action = ?", action)):
        if value:
            clauses.append(clause)
            params.append(value)
    where = f"WHERE {' AND '.join(clauses)} " if clauses else ""
    conn = connect(path, read_only=True)
    try:
        rows = conn.execute("SELECT seq, at, operator, action, target, detail FROM audit_log "
                            f"{where}ORDER BY seq", params).fetchall()
    finally:
        conn.close()
    return [AuditEntry(*row) for row in rows]

#: the action of a ledger that was saved or printed
PRINT = "print"
#: a masked export; an export with full ID numbers and phones is EXPORT_FULL
EXPORT = "export"
EXPORT_FULL = store_audit.EXPORT_FULL


class AuditService:
    """Records entries in ``db``'s append-only audit log by ``operator``."""

    def __init__(self, db: Any, operator: str = "") -> None:
        self.db = db
        self.operator = operator

    def record(self, action: str, target: str = "", detail: str = "") -> None:
        """One entry, committed now."""
        with self.db.write() as session:
            store_audit.record(session, self.operator, action, target, detail)

    @contextlib.contextmanager
    def recorded_output(self, action: str, target: str,
                        detail: str | None = None) -> Iterator[None]:
        """Every output file written inside the block gets its entry, committed before
        the file takes its name (``detail`` defaults to the file's path); refused up
        front when the database cannot take an entry."""
        with store_audit.recorded_output(self.db, self.operator, action, target, detail):
            yield

    def record_save(self, target: str, detail: str) -> None:
        """A ledger saved from the preview (called before the file takes its name)."""
        self.record(PRINT, target, detail)

    def record_print(self, target: str, detail: str) -> None:
        """A ledger sent to the printer."""
        self.record(PRINT, target, detail)
