"""Display texts of stored codes (code tables of ``domain.codes``) and dates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from gridoffice.domain.code_table import CONTEXT, CodeTable


def code_label(table: CodeTable, code: str | None) -> str:
    """The translated label of ``code`` (the code itself if it is unknown)."""
    if not code:
        return ""
    return QCoreApplication.translate(CONTEXT, table.label(code))


def date_text(day: dt.date | None, empty: str = "") -> str:
    """Dates read the same in both languages: 2021-06-30."""
    return day.isoformat() if day else empty
