"""The two kinds of errors (ARCHITECTURE.md, convention 8).

:class:`UserError` and its subclasses are *expected*: bad input or a problem
in the environment (a folder that cannot be written, a locked or foreign
database). They carry an English source message, marked for translation, and
named values; the GUI shows them translated in a plain dialog, the CLI prints
them on one line in Chinese and English. Anything else is a bug.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gridoffice.i18n import QT_TRANSLATE_NOOP, catalog

CONTEXT = "errors"
Translate = Callable[[str, str], str]


class Term(str):
    """A value that is itself a label to translate (an organisation type, a seat).

    ``Term("Party group")`` reads "Party group" in an English message and 党小组
    in a Chinese one; the label must be marked in the ``codes`` context.
    """

    context = "codes"


class UserError(Exception):
    """An error the user can understand and act on; nothing was changed."""

    context = CONTEXT

    def __init__(self, message: str, /, **values: Any) -> None:
        self.message = message
        self.values = values
        super().__init__(self.english())

    def render(self, template: str, translate: Translate | None = None) -> str:
        """Fill ``template`` (the message, translated) with the values; ``translate``
        turns :class:`Term` values into the same language."""
        values = {
            key: translate(value.context, value) if translate and isinstance(value, Term)
            else value
            for key, value in self.values.items()
        }
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            return self.message.format(**self.values)

    def english(self) -> str:
        return self.message.format(**self.values)

    def localized(self, language: str) -> str:
        translate = catalog(language).translate
        return self.render(translate(self.context, self.message), translate)

    def one_line(self) -> str:
        """``中文 | English`` on one line, for the headless commands."""
        zh = self.localized("zh_CN")
        en = self.english()
        text = en if zh == en else f"{zh} | {en}"
        return " ".join(text.split())


class ValidationError(UserError):
    """Bad input in a form or an import; ``field`` names the field."""

    def __init__(self, field: str, message: str, /, **values: Any) -> None:
        self.field = field
        super().__init__(message, **values)


class StorageError(UserError):
    """The data folder or database cannot be used as it is."""


class Cancelled(Exception):
    """The user cancelled a long job; nothing was written."""


# Messages shared by several modules.
MSG_NOT_WRITABLE = QT_TRANSLATE_NOOP(
    "errors",
    "Cannot write to {path}: {reason}. Choose another folder or ask for write permission.",
)
MSG_DISK_FULL = QT_TRANSLATE_NOOP(
    "errors", "The disk holding {path} is full. Free some space and try again."
)
MSG_FAULT_DISK_FULL = QT_TRANSLATE_NOOP(
    "errors", "The disk is full ({detail}). Nothing was changed; free some space and try again."
)
MSG_FAULT_IN_USE = QT_TRANSLATE_NOOP(
    "errors", "The database is in use by another program. Nothing was changed; close the "
    "other GridOffice window or command and try again."
)
MSG_FAULT_READ_ONLY = QT_TRANSLATE_NOOP(
    "errors", "The database cannot be written: the file or its folder is read-only. Nothing "
    "was changed; ask for write permission or choose another data folder."
)
MSG_FAULT_CANNOT_OPEN = QT_TRANSLATE_NOOP(
    "errors", "The database file cannot be opened (the folder is missing or not readable). "
    "Nothing was changed; check the data folder and its permissions."
)
MSG_FAULT_NOT_WRITABLE = QT_TRANSLATE_NOOP(
    "errors", "Cannot write to {path}: the folder is not writable ({reason}). Choose another "
    "folder or ask for write permission."
)

# sqlite's message for each fault, lower case, and what the user reads instead.
_SQLITE_FAULTS = (
    ("database or disk is full", MSG_FAULT_DISK_FULL),
    ("database is locked", MSG_FAULT_IN_USE),
    ("database is busy", MSG_FAULT_IN_USE),
    ("database table is locked", MSG_FAULT_IN_USE),
    ("attempt to write a readonly database", MSG_FAULT_READ_ONLY),
    ("unable to open database file", MSG_FAULT_CANNOT_OPEN),
)


def fault_error(exc: BaseException) -> UserError | None:
    """The plain message for a fault of the environment, or None when ``exc`` is none.

    The one translation of low-level errors: sqlite3's (also wrapped by SQLAlchemy)
    disk full, locked, read-only and cannot-open, and an OSError for a full disk
    (ENOSPC, EDQUOT) or a folder that cannot be written (EACCES, EPERM, EROFS). Used
    where errors reach the user: the command line's top level, the window's
    background jobs and its error hook. A UserError is returned as it is.
    """
    import errno
    import sqlite3

    from gridoffice.store import driver

    kinds = (sqlite3.Error, driver.Error)
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, UserError):
            return current
        original = getattr(current, "orig", None)  # SQLAlchemy's DBAPIError
        candidate = original if isinstance(original, kinds) else current
        if isinstance(candidate, kinds):
            text = str(candidate).lower()
            for needle, message in _SQLITE_FAULTS:
                if needle in text:
                    return UserError(message, detail=str(candidate))
        if isinstance(current, OSError) and not isinstance(current, kinds):
            where = current.filename or ""
            if current.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
                detail = f"{where}: {current.strerror}" if where else str(current.strerror)
                return UserError(MSG_FAULT_DISK_FULL, detail=detail)
            if current.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                return UserError(MSG_FAULT_NOT_WRITABLE, path=str(where),
                                 reason=current.strerror or type(current).__name__)
        current = current.__cause__ or current.__context__
    return None
