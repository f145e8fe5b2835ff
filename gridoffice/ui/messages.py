"""Message boxes of the GUI, and how a :class:`UserError` reads to the user.

Every box goes through :func:`exec_box`, the one seam tests replace so that a
box is answered without being shown (a modal box would block pytest-qt).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication

from gridoffice import paths
from gridoffice.errors import UserError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

# QMessageBox is looked up when a box is shown: PySide6 builds a class and its enums
# the first time it is named (5 ms for this one), and the window's start shows none.
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def user_error_text(err: UserError) -> str:
    """The error's message in the interface language, values filled in."""
    return err.render(QCoreApplication.translate(err.context, err.message),
                      QCoreApplication.translate)


def exec_box(box: QMessageBox) -> int:
    """Show ``box`` modally and return the button pressed (replaced in tests)."""
    return box.exec()


def _box(parent: QWidget | None, icon: str, text: str, *, title: str | None = None,
         question: bool = False, details: str | None = None) -> int:
    """Show a box with the named ``QMessageBox.Icon``: OK, or Yes and No (No the default)
    for a ``question``; the button pressed."""
    from PySide6.QtCore import Qt  # here: building the Qt namespace costs start-up time

    message_box = QtWidgets.QMessageBox
    button = message_box.StandardButton
    box = message_box(getattr(message_box.Icon, icon),
                      title or translate("messages", "GridOffice"), text,
                      button.Yes | button.No if question else button.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if question:
        box.setDefaultButton(button.No)
    if details:
        box.setDetailedText(details)
    return exec_box(box)


def warn(parent: QWidget | None, text: str, title: str | None = None) -> None:
    _box(parent, "Warning", text, title=title)


def inform(parent: QWidget | None, text: str, title: str | None = None) -> None:
    _box(parent, "Information", text, title=title)


def confirm(parent: QWidget | None, text: str, title: str | None = None) -> bool:
    """Ask a yes/no question; "No" is the default answer."""
    answer = _box(parent, "Question", text, title=title, question=True)
    return answer == QtWidgets.QMessageBox.StandardButton.Yes


def show_user_error(parent: QWidget | None, err: UserError) -> None:
    """An expected error: a plain warning with the translated message."""
    warn(parent, user_error_text(err))


def show_fatal(parent: QWidget | None, text: str) -> None:
    """A problem that stops the program (the data folder cannot be used)."""
    _box(parent, "Critical", text)


def show_bug(parent: QWidget | None, text: str, details: str) -> None:
    """A bug: an error box whose details hold the traceback."""
    title = translate("messages", "GridOffice: unexpected error")
    _box(parent, "Critical", text, title=title, details=details)


# The data folder of this run, set by the main window: no "Save as" may write into it.
_data_paths: list[paths.AppPaths] = []


def protect_data_folder(app_paths: paths.AppPaths) -> None:
    """Refuse, from now on, every output chosen inside ``app_paths``' data folder."""
    _data_paths[:] = [app_paths]


def output_refused(parent: QWidget | None, target: object, database: object = None) -> bool:
    """True, after a warning, when the file or folder ``target`` chosen for an output is
    inside the data folder (of this run, or the one holding ``database``)."""
    if not target:
        return False
    guarded = list(_data_paths)
    if database is not None:
        from pathlib import Path

        guarded.append(paths.AppPaths(Path(str(database)).parent, explicit=True))
    for app_paths in guarded:
        err = paths.output_refusal(str(target), app_paths)
        if err is not None:
            show_user_error(parent, err)
            return True
    return False
