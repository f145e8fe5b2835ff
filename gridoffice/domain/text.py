"""Characters a stored text may hold, and a safe form of any stored text for a file.

Control characters (C0 except tab, line feed and carriage return; DEL; C1) and the
bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) are refused
in every text field: they cannot be written to an Excel sheet, and an override
makes a name or an address read differently from what is stored. One-line fields
are already tidied of tabs and line breaks by the services' cleaning; notes keep
them.
"""

from __future__ import annotations

import re

from gridoffice.errors import ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP

MSG_BAD_CHARACTER = QT_TRANSLATE_NOOP(
    "errors",
    "{field}: contains a control or text-direction character ({code}) that cannot be "
    "stored; retype the text without it. Nothing was changed.",
)

MSG_TOO_LONG = QT_TRANSLATE_NOOP("errors", "{field}: at most {limit} characters.")
MSG_CODE_VALUE = QT_TRANSLATE_NOOP("errors", "{field}: {value} is not in the list.")

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
REPLACEMENT = "\ufffd"


def bad_character(value: str) -> str | None:
    """The first character ``value`` may not hold, or None."""
    match = _FORBIDDEN.search(value)
    return match.group() if match else None


def code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def check_text(field: str, label: str, value: object) -> None:
    """Refuse a text holding a forbidden character; ``label`` names the field."""
    if isinstance(value, str):
        char = bad_character(value)
        if char is not None:
            raise ValidationError(field, MSG_BAD_CHARACTER, field=label, code=code_point(char))


def safe_text(value: object) -> object:
    """``value`` with every forbidden character replaced by U+FFFD, for writing a
    stored value to a file (a value stored before the check must never break an
    export); anything not text is returned as it is."""
    if isinstance(value, str) and _FORBIDDEN.search(value):
        return _FORBIDDEN.sub(REPLACEMENT, value)
    return value
