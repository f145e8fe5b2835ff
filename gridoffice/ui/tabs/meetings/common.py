"""Small pieces the resident-council tab and its detail pages share: a read-only
table, a row of compact buttons over a list, the Delete key on a list, and the
answer of a cancelled amendment reason."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

NOT_ASKED = object()  # MeetingDetailPanel.ask_amendment(): the user cancelled the reason


def set_rows_keeping_selection(view: QTableView, model: Any, rows: Sequence[Any]) -> None:
    """New rows, keeping the selected ones selected."""
    keep = {model.row_at(i.row()).id for i in view.selectionModel().selectedRows()}
    model.set_rows(rows)
    for row, value in enumerate(rows):
        if value.id in keep:
            view.selectionModel().select(
                model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                | QItemSelectionModel.SelectionFlag.Rows)


class DeleteKey(QObject):
    """The Delete key on a list removes its selected row (after the slot's question)."""

    def __init__(self, parent: QObject, slot: Callable[[], Any]) -> None:
        super().__init__(parent)
        self.slot = slot

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.matches(QKeySequence.StandardKey.Delete)):
            self.slot()
            return True
        return super().eventFilter(watched, event)


def on_delete(view: QWidget, slot: Callable[[], Any]) -> None:
    """The Delete key on ``view`` calls ``slot``."""
    view.installEventFilter(DeleteKey(view, slot))


def button_row(page: QWidget, specs: Sequence[tuple[str, Callable[[], Any]]]
               ) -> tuple[QHBoxLayout, list[QToolButton]]:
    """A row of compact buttons (the detail panel shares the width with the list)."""
    row = QHBoxLayout()
    row.setSpacing(2)
    buttons = []
    for text, slot in specs:
        button = QToolButton(page)
        button.setText(text)
        button.clicked.connect(lambda _c=False, s=slot: s())
        row.addWidget(button)
        buttons.append(button)
    row.addStretch(1)
    return row, buttons


def lay_out_page(page: QWidget, row: QHBoxLayout, view: QWidget) -> None:
    """A page of the detail: its buttons above its list."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.addLayout(row)
    layout.addWidget(view, 1)
    view.setParent(page)
