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
