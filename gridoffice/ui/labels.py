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


def translate_by_class(obj: object, stop: type, source: str,
                       disambiguation: str | None = None, n: int = -1) -> str:
    """``source`` translated in the context of the class that wrote it: each class of
    ``obj`` (up to ``stop``) in turn. PySide6's ``tr`` looks only in the runtime
    class's context, and with a count it takes the untranslated plural for found."""
    untranslated = QCoreApplication.translate("", source, disambiguation, n)
    for cls in type(obj).__mro__:
        if cls is stop:
            break
        translated = QCoreApplication.translate(cls.__name__, source, disambiguation, n)
        if translated != untranslated:
            return translated
    return untranslated
