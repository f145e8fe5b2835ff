"""Small pieces every tab uses: its actions and the row selected in its table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def make_action(owner: QWidget, text: str, slot: Callable[[], Any] | None = None,
                shortcut: QKeySequence | str | None = None,
                tip: str | None = None) -> QAction:
    """An action of ``owner`` whose shortcut works while focus is inside it."""
    act = QAction(text, owner)
    if shortcut:
        act.setShortcut(QKeySequence(shortcut))
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    if tip:
        act.setToolTip(tip)
    if slot is not None:
        act.triggered.connect(lambda _checked=False: slot())
    owner.addAction(act)
    return act


class RowSelection:
    """``current_row`` and ``current_id`` of a widget with ``view`` showing ``model``
    (a model with ``row_at``)."""

    view: Any
    model: Any

    def current_row(self) -> Any:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def current_id(self) -> str | None:
        row = self.current_row()
        return row.id if row else None
