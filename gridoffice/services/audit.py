"""The audit log as a service: one place where the window and the command line record
who exported, printed or revealed what.

Wraps :mod:`gridoffice.store.audit`; a file of personal data written inside
:meth:`AuditService.recorded_output` never exists without its entry.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gridoffice.domain import masking
from gridoffice.errors import UserError
from gridoffice.fileio import atomic_output
from gridoffice.i18n import QT_TRANSLATE_NOOP, catalog
from gridoffice.services.excel.export import safe_row, title_row
from gridoffice.services.excel.problems import Progress, tick
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


# Filters as the view and the command line give them: each optional.
@dataclass(frozen=True)
class AuditFilter:
    """Which entries: from the day ``since`` to the day ``until`` (both inclusive, a
    date or YYYY-MM-DD), by ``operator``, of ``action``, and whose record or ledger
    (target) or detail holds ``target`` (case-insensitive for Latin letters)."""

    since: dt.date | str | None = None
    until: dt.date | str | None = None
    operator: str | None = None
    action: str | None = None
    target: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The SQL WHERE clause ("" for none) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.since:
            clauses.append("at >= ?")
            params.append(_day(self.since).isoformat())
        if self.until:  # inclusive: everything before the next day
            clauses.append("at < ?")
            params.append((_day(self.until) + dt.timedelta(days=1)).isoformat())
        if self.operator:
            clauses.append("operator = ?")
            params.append(self.operator)
        if self.action:
            clauses.append("action = ?")
            params.append(self.action)
        text = (self.target or "").strip().lower()
        if text:
            clauses.append("(instr(lower(target), ?) > 0 OR instr(lower(detail), ?) > 0)")
            params.extend((text, text))
        return (f"WHERE {' AND '.join(clauses)} " if clauses else ""), params


def _day(value: dt.date | str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


_SELECT = "SELECT seq, at, operator, action, target, detail FROM audit_log "


def entries(path: Path, *, since: dt.date | str | None = None,
            until: dt.date | str | None = None, operator: str | None = None,
            action: str | None = None, target: str | None = None,
            newest_first: bool = False, before: int | None = None,
            limit: int | None = None, offset: int = 0) -> list[AuditEntry]:
    """The entries, oldest first (``newest_first`` turns that round): from the day
    ``since`` to the day ``until`` (inclusive), by ``operator``, of ``action``, whose
    target or detail holds ``target`` (each filter optional). For pages, ``limit`` and
    ``offset``, or (fast however far back) ``before``: only entries numbered lower,
    i.e. the next newest-first page after the entry ``before``."""
    where, params = AuditFilter(since, until, operator, action, target).where()
    if before is not None:
        where = f"{where}AND seq < ? " if where else "WHERE seq < ? "
        params.append(before)
    sql = f"{_SELECT}{where}ORDER BY seq{' DESC' if newest_first else ''}"
    if limit is not None or offset:
        sql += " LIMIT ? OFFSET ?"
        params.extend((-1 if limit is None else limit, offset))
    conn = connect(path, read_only=True)
    try:
        rows = conn.execute(sql, params).fetchall()
    finally:
        conn.close()
    return [AuditEntry(*row) for row in rows]


def filtered(path: Path, where: AuditFilter, *, before: int | None = None,
             limit: int | None = None) -> list[AuditEntry]:
    """A newest-first page of the entries ``where`` selects (see :func:`entries`)."""
    return entries(path, since=where.since, until=where.until, operator=where.operator,
                   action=where.action, target=where.target, newest_first=True,
                   before=before, limit=limit)


def count(path: Path, where: AuditFilter | None = None) -> int:
    """How many entries ``where`` selects (all without it)."""
    clause, params = (where or AuditFilter()).where()
    conn = connect(path, read_only=True)
    try:
        return int(conn.execute(f"SELECT count(*) FROM audit_log {clause}",
                                params).fetchone()[0])
    finally:
        conn.close()


def iter_entries(path: Path, where: AuditFilter | None = None,
                 chunk: int = 2000) -> Iterator[AuditEntry]:
    """Every entry ``where`` selects, newest first, read a page at a time."""
    before: int | None = None
    while True:
        page = filtered(path, where or AuditFilter(), before=before, limit=chunk)
        yield from page
        if len(page) < chunk:
            return
        before = page[-1].seq


def _distinct(path: Path, column: str) -> list[str]:
    conn = connect(path, read_only=True)
    try:
        return [r[0] for r in conn.execute(
            f"SELECT DISTINCT {column} FROM audit_log WHERE {column} != '' "
            f"ORDER BY {column}")]
    finally:
        conn.close()


def actions(path: Path) -> list[str]:
    """The actions the log holds, as recorded (sorted), for a filter."""
    return _distinct(path, "action")


def operators(path: Path) -> list[str]:
    """The people named in the log (sorted), for a filter."""
    return _distinct(path, "operator")


# --- readable actions --------------------------------------------------------------------
#: What each recorded action means, in English (translated in the "audit" context);
#: an action missing here is shown as recorded.
ACTION_LABELS: dict[str, str] = {
    "login": QT_TRANSLATE_NOOP("audit", "Signed in"),
    "login_failed": QT_TRANSLATE_NOOP("audit", "Sign-in failed"),
    "account_locked": QT_TRANSLATE_NOOP("audit", "Account locked"),
    "unlock": QT_TRANSLATE_NOOP("audit", "Unlocked"),
    "logout": QT_TRANSLATE_NOOP("audit", "Signed out"),
    "account_add": QT_TRANSLATE_NOOP("audit", "Account added"),
    "account_change": QT_TRANSLATE_NOOP("audit", "Account changed"),
    "account_disable": QT_TRANSLATE_NOOP("audit", "Account disabled"),
    "account_enable": QT_TRANSLATE_NOOP("audit", "Account enabled"),
    "password_reset": QT_TRANSLATE_NOOP("audit", "Password reset"),
    "password_change": QT_TRANSLATE_NOOP("audit", "Password changed"),
    "accounts_start": QT_TRANSLATE_NOOP("audit", "Accounts started"),
    "print": QT_TRANSLATE_NOOP("audit", "Ledger saved or printed"),
    "export": QT_TRANSLATE_NOOP("audit", "Exported (masked)"),
    "export_full": QT_TRANSLATE_NOOP("audit", "Exported with full numbers"),
    "reveal_identity": QT_TRANSLATE_NOOP("audit", "Full ID number shown"),
    "reveal_registration": QT_TRANSLATE_NOOP("audit", "In-service member's full numbers shown"),
    "sync_export": QT_TRANSLATE_NOOP("audit", "Sync package made"),
    "sync_import": QT_TRANSLATE_NOOP("audit", "Sync package imported"),
    "import": QT_TRANSLATE_NOOP("audit", "Imported from Excel"),
    "restore": QT_TRANSLATE_NOOP("audit", "Backup restored"),
}
LABEL_CONTEXT = "audit"


#: What a recorded detail means, where the code records a word: why a sign-in failed.
DETAIL_LABELS: dict[tuple[str, str], str] = {
    ("login_failed", "unknown"): QT_TRANSLATE_NOOP("audit", "No such login name"),
    ("login_failed", "password"): QT_TRANSLATE_NOOP("audit", "Wrong password"),
    ("login_failed", "disabled"): QT_TRANSLATE_NOOP("audit", "The account is disabled"),
    ("login_failed", "locked"): QT_TRANSLATE_NOOP("audit", "The account is locked"),
}


def detail_label(action: str, detail: str) -> str:
    """The English label of a recorded detail word (translate it in
    :data:`LABEL_CONTEXT`), or the detail as recorded."""
    return DETAIL_LABELS.get((action, detail), detail)


def action_label(action: str) -> str:
    """The English label of ``action`` (translate it in :data:`LABEL_CONTEXT`), or the
    action as recorded when it has none."""
    return ACTION_LABELS.get(action, action)


mask_numbers = masking.mask_numbers  # kept here too: the view and export use it


# --- export ------------------------------------------------------------------------------
EXPORT_TARGET = "审计日志"
EXPORT_HEADERS = ("序号", "时间", "操作人", "操作", "对象", "详情")
EXPORT_WIDTHS = (8, 20, 14, 22, 30, 60)


def write_entries(rows: Iterable[AuditEntry], target_file: str | os.PathLike[str], *,
                  total: int = 0, language: str = "zh_CN",
                  progress: Progress | None = None) -> int:
    """Write ``rows`` to an .xlsx sheet (actions by their label in ``language``), any ID
    number or mobile in the target or detail masked; returns how many were written.
    Written through ``atomic_output``; ``progress(done, total)`` returning False
    cancels it (nothing is written)."""
    from openpyxl import Workbook

    labels = catalog(language)
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("审计日志")
    title_row(ws, EXPORT_HEADERS, EXPORT_WIDTHS)
    done = 0
    try:
        tick(progress, 0, total)
        for done, row in enumerate(rows, start=1):
            label = labels.translate(LABEL_CONTEXT, action_label(row.action))
            detail = labels.translate(LABEL_CONTEXT, detail_label(row.action, row.detail))
            ws.append(safe_row(ws, [row.seq, row.at.replace("T", " "), row.operator, label,
                                    mask_numbers(row.target), mask_numbers(detail)]))
            if done % 1000 == 0:
                tick(progress, done, total)
        tick(progress, done, max(total, done))
    except BaseException:
        ws.close()  # the sheet's temporary file, before the workbook is dropped
        raise
    with atomic_output(target_file) as tmp:
        workbook.save(tmp)
    return done


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

    def export_entries(self, rows: Iterable[AuditEntry], target_file: str | os.PathLike[str],
                       *, total: int = 0, language: str = "zh_CN",
                       progress: Progress | None = None) -> int:
        """Export ``rows`` masked to ``target_file`` (see :func:`write_entries`); the
        export is itself an entry ("export" of the audit log), committed before the
        file takes its name. Returns how many entries were written."""
        with self.recorded_output(EXPORT, EXPORT_TARGET):
            return write_entries(rows, target_file, total=total, language=language,
                                 progress=progress)
