"""Small pieces every service uses: tidying text, reading dates from SQL rows,
refusing codes not in a table, and fetching a row that must still exist."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from gridoffice.domain.codes import CodeTable
from gridoffice.domain.text import MSG_CODE_VALUE, MSG_TOO_LONG, check_text
from gridoffice.errors import Term, UserError, ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from sqlmodel import Session

MSG_GONE = QT_TRANSLATE_NOOP("errors", "The entry no longer exists.")


def clean(value: str | None) -> str:
    """One line of text: spaces trimmed and collapsed."""
    return " ".join((value or "").split())


def clean_or_none(value: str | None) -> str | None:
    return clean(value) or None


def limited_text(field: str, label: str, value: str | None, limit: int) -> str | None:
    """One line of text for ``field`` (``label`` names it, context "codes"), cleaned,
    refused when it holds a control or text-direction character or is longer than
    ``limit`` (the roster's limits: see services/roster/model.py TEXT_LIMITS)."""
    text = clean_or_none(value)
    check_text(field, Term(label), text)
    if text is not None and len(text) > limit:
        raise ValidationError(field, MSG_TOO_LONG, field=Term(label), limit=limit)
    return text


def as_date(value: Any) -> dt.date | None:
    """A date column as raw SQL returns it (ISO text) or the ORM does (a date)."""
    if value is None or value == "" or isinstance(value, dt.date):
        return value or None
    return dt.date.fromisoformat(str(value)[:10])


def check_code(field: str, table: CodeTable, value: str | None, label: str) -> None:
    """Refuse a code not in ``table``; ``label`` names the field (context "codes")."""
    if value is not None and value not in table:
        raise ValidationError(field, MSG_CODE_VALUE, field=Term(label), value=value)


def live_row(session: Session, model: Any, row_id: str | None, message: str = MSG_GONE) -> Any:
    """The row, or a UserError when it is gone (never stored, or a tombstone)."""
    row = session.get(model, row_id) if row_id else None
    if row is None or row.deleted:
        raise UserError(message)
    return row
