"""Tables and toolbars the tabs share: a read-only list of rows, the small tables of
detail panels (history, seats, transfers), the row selected in a table, and a
toolbar of text buttons."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QToolBar, QWidget

FITTED_ROWS = 100  # the rows a column's width is fitted to (Qt's default, 1,000, is slow)


def row_table(parent: QWidget, model: Any, *, multi: bool = False) -> QTableView:
    """A read-only table of ``model`` selecting whole rows (several if ``multi``),
    columns fitted to their contents."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setResizeContentsPrecision(FITTED_ROWS)  # not all 20,000 rows at every change
    header.setStretchLastSection(True)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    return view


def restore_layout(widget: Any, state: Any) -> None:
    """``widget.restoreState(state)``; a header keeps the rows its columns are fitted
    to (a saved state carries Qt's slow default)."""
    precision = (widget.resizeContentsPrecision() if isinstance(widget, QHeaderView)
                 else None)
    widget.restoreState(state)
    if precision is not None:
        widget.setResizeContentsPrecision(precision)


def small_table(model: Any, stretch: int, parent: QWidget) -> QTableView:
    """A read-only table of ``model`` without row numbers, one row selected at a time,
    columns sized to their contents but ``stretch``, which takes the room left."""
    view = row_table(parent, model)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setHighlightSections(False)
    return view


def text_toolbar(parent: QWidget, actions: Sequence[QAction | None]) -> QToolBar:
    """A toolbar of text-only buttons for ``actions`` (None: a separator)."""
    bar = QToolBar(parent)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for act in actions:
        if act is None:
            bar.addSeparator()
        else:
            bar.addAction(act)
    return bar


def current_item(view: QTableView, model: Any) -> Any:
    """The row object selected in ``view`` (``model`` has ``row_at``), or None."""
    index = view.currentIndex()
    return model.row_at(index.row()) if index.isValid() else None


def select_row(view: QTableView, model: Any, row_id: str | None) -> int:
    """Select the row of ``row_id`` (``model`` has ``row_of``), else the first row;
    the row selected (-1: none, the model is empty)."""
    row = model.row_of(row_id) if row_id else -1
    if row < 0 and model.rowCount():
        row = 0
    if row >= 0:
        view.setCurrentIndex(model.index(row, 0))
    return int(row)
