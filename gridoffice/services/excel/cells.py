"""Reading one cell of an imported sheet: blanks and "nothing" words, text (numbers
without ``.0``, whitespace collapsed), dates (Excel serials, loose month dates), ID
numbers typed as numbers or masked, and code-table words; a bad cell raises
:class:`CellError` naming the field it belongs to."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from gridoffice.domain import identity, masking
from gridoffice.errors import UserError, ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP

MSG_VALUE_UNKNOWN = QT_TRANSLATE_NOOP(
    "errors", "{column}: {value} is not a known value; write one of {examples}."
)
MSG_ID_AS_NUMBER = QT_TRANSLATE_NOOP(
    "errors",
    "{column}: Excel stored the ID number as a number and lost its last digits ({value}). "
    "Format the column as text and enter the number again.",
)
MSG_MASKED = QT_TRANSLATE_NOOP(
    "errors",
    "{column}: {value} is masked (partly hidden with *). Import a file with the full numbers, "
    "such as an export made with the full numbers shown.",
)
MSG_DATE_AMBIGUOUS = QT_TRANSLATE_NOOP(
    "errors",
    "{column}: {value} may mean January or October. Write the date as text, like 1990-01 or "
    "1990-10.",
)

# What stands for "nothing" in a cell: printed ledgers write 无 or a dash.
BLANKS = frozenset({"", "无", "-", "--", "—", "——", "/", "／", "\\", "暂无", "空", "－",
                    "－－", "―", "――", "─", "无。"})


class CellError(Exception):
    """A cell that cannot be read: ``error`` says why, ``field`` is its import field."""

    def __init__(self, field: str, error: UserError) -> None:
        super().__init__(error.english())
        self.field = field
        self.error = error


def is_blank(value: Any) -> bool:
    """An empty cell, or one holding only whitespace."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return False


def blank_word(value: Any) -> bool:
    """An empty cell or one that says "nothing" (无, a dash, a slash)."""
    if value is None:
        return True
    if not isinstance(value, str):
        return False
    return value in BLANKS or value.strip() in BLANKS


def cell_text(value: Any) -> str:
    """A cell as text: integral numbers without ``.0``, whitespace collapsed."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split())


def text_key(value: str) -> str:
    """How cell text and names are compared: NFKC, no whitespace, upper-case ASCII."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", value)).upper()


def cell_error(field: str, message: str, column: str, **values: Any) -> CellError:
    """A CellError whose message names the cell's column."""
    return CellError(field, ValidationError(field, message, column=column, **values))


def read_date(value: Any, *, field: str, label_key: str, column: str
              ) -> identity.LooseDate | None:
    """A date cell (a real date, an Excel serial that lost its date format, or text such
    as 1990.07): None when blank; CellError when it is no date or may mean two months.
    ``label_key`` names the field in ``parse_loose_date``'s messages."""
    if blank_word(value):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool) \
            and 2100 < value < 100_000:
        from openpyxl.utils.datetime import from_excel

        converted = from_excel(value)  # a date cell that lost its date format
        value = converted.date() if isinstance(converted, dt.datetime) else converted
    try:
        loose = identity.parse_loose_date(value, label_key)
    except ValidationError as error:
        raise CellError(field, ValidationError(field, error.message, **error.values)) from None
    if loose.ambiguous:
        raise cell_error(field, MSG_DATE_AMBIGUOUS, column, value=cell_text(value))
    return loose


def id_text(value: Any, *, field: str, column: str) -> str:
    """An ID number cell as typed, normalised; CellError when Excel stored it as a number
    (its last digits lost) or it is masked."""
    if isinstance(value, float) and abs(value) >= 1e15:
        raise cell_error(field, MSG_ID_AS_NUMBER, column, value=f"{value:.0f}")
    number = identity.normalize_input(cell_text(value))
    if masking.MASK in number:
        raise cell_error(field, MSG_MASKED, column, value=number)
    return number


def unmasked_text(value: Any, *, field: str, column: str) -> str:
    """A cell (a phone) as text; CellError when it is masked."""
    shown = cell_text(value)
    if masking.MASK in shown:
        raise cell_error(field, MSG_MASKED, column, value=shown)
    return shown


def read_code(words: Mapping[str, str], value: Any, *, field: str, column: str,
              examples: str) -> str | None:
    """The code a cell's word stands for (``words``: text_key -> code); None when blank,
    CellError for a word the table does not know."""
    if blank_word(value):
        return None
    code = words.get(text_key(cell_text(value)))
    if code is None:
        raise cell_error(field, MSG_VALUE_UNKNOWN, column, value=cell_text(value),
                         examples=examples)
    return code
