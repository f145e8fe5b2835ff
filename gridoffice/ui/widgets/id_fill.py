"""Typing an ID number fills the birth date and sex (member and resident forms)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication

from gridoffice.domain import identity
from gridoffice.domain.identity import IdNumber
from gridoffice.errors import ValidationError
from gridoffice.ui import messages
from gridoffice.ui.labels import date_text

HINT_STYLE = "color: palette(mid);"
BAD_HINT_STYLE = "color: #c62828;"


def fill_from_id(form: Any, text: str, today: dt.date) -> IdNumber | None:
    """Check a complete ID number typed into ``form`` and fill its birth date and sex.

    ``form`` has ``id_type_combo``, ``id_hint`` (a label under the field),
    ``birth_edit`` (a DateField) and ``sex_combo``. A problem shows in the hint
    at once; the form's own validation still refuses it on OK.
    """
    id_type = str(form.id_type_combo.currentData())
    number = identity.normalize_input(text)
    if id_type not in identity.CHECKED_ID_TYPES or len(number) not in (15, 18):
        form.id_hint.hide()
        return None
    try:
        parsed = identity.parse_id_for_type(id_type, number, today=today)
    except ValidationError as err:
        form.id_hint.setStyleSheet(BAD_HINT_STYLE)
        form.id_hint.setText(messages.user_error_text(err))
        form.id_hint.show()
        return None
    if parsed is None:
        form.id_hint.hide()
        return None
    form.birth_edit.set_date(parsed.birth_date)
    row = form.sex_combo.findData(parsed.sex)
    if row >= 0:
        form.sex_combo.setCurrentIndex(row)
    form.id_hint.setStyleSheet(HINT_STYLE)
    form.id_hint.setText(QCoreApplication.translate(
        "IdFill", "Born {date}, {sex}: filled in from the ID number.").format(
        date=date_text(parsed.birth_date), sex=form.sex_combo.currentText()))
    form.id_hint.show()
    return parsed
