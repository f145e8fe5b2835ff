"""Input pieces the tabs and forms share: a plain-text box that Tab leaves, a search
line that searches a moment after the typing stops (at once on Enter), and filters
set together without a reload per change."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QSignalBlocker, QTimer
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget


@contextlib.contextmanager
def signals_blocked(*widgets: QObject) -> Iterator[None]:
    """Set several filters at once without a reload per change: ``widgets`` send no
    signals inside the block (each as it was after)."""
    blockers = [QSignalBlocker(widget) for widget in widgets]
    try:
        yield
    finally:
        for blocker in blockers:
            blocker.unblock()


def plain_text_edit(parent: QWidget, text: str = "", height: int = 70) -> QPlainTextEdit:
    """A box of several lines of ``height`` pixels; Tab moves on to the next field."""
    edit = QPlainTextEdit(text, parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


def search_while_typing(owner: QObject, edit: QLineEdit, search: Callable[[], Any],
                        delay_ms: int) -> QTimer:
    """Call ``search`` ``delay_ms`` after the text of ``edit`` last changed, or at once
    on Enter; the timer returned (owned by ``owner``) is the one to stop when the
    search runs for another reason."""
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setInterval(delay_ms)
    timer.timeout.connect(search)
    edit.textChanged.connect(lambda _t: timer.start())
    edit.returnPressed.connect(search)
    return timer
