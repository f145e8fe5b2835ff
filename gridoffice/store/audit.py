"""The append-only audit log: who saw a full ID number, exported or printed what."""

from __future__ import annotations

import datetime as dt
from typing import Any

# The action of an export that holds full ID numbers and phones (to be imported back);
# a masked export is "export".
EXPORT_FULL = "export_full"


def record(session: Any, operator: str, action: str, target: str = "",
           detail: str = "") -> None:
    """Add one line to the audit log inside the caller's transaction."""
    session.connection().exec_driver_sql(
        "INSERT INTO audit_log (at, operator, action, target, detail) VALUES (?, ?, ?, ?, ?)",
        (dt.datetime.now().isoformat(timespec="seconds"), operator, action, target, detail))
