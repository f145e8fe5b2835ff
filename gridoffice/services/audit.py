"""The audit log as a service: one place where the window and the command line record
who exported, printed or revealed what.

Wraps :mod:`gridoffice.store.audit`; a file of personal data written inside
:meth:`AuditService.recorded_output` never exists without its entry.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from gridoffice.store import audit as store_audit

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
