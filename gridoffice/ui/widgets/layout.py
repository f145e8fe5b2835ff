"""The page shape the tabs share: a toolbar over a list (with its filters) split from
the selected row's detail, and the filter rows above the list."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QSplitter, QVBoxLayout, QWidget


def list_detail_page(parent: QWidget, toolbar: QWidget, filters: QLayout, view: QWidget,
                     detail: QWidget, *, orientation: Qt.Orientation,
                     stretch: tuple[int, int], sizes: tuple[int, int]
                     ) -> tuple[QWidget, QSplitter]:
    """``(page, splitter)``: the toolbar on top, then filters and view beside (or
    above) the detail."""
    top = QWidget(parent)
    top_layout = QVBoxLayout(top)
    top_layout.setContentsMargins(0, 0, 0, 0)
    top_layout.addLayout(filters)
    top_layout.addWidget(view, 1)
    splitter = QSplitter(orientation, parent)
    splitter.addWidget(top)
    splitter.addWidget(detail)
    splitter.setStretchFactor(0, stretch[0])
    splitter.setStretchFactor(1, stretch[1])
    splitter.setSizes(list(sizes))
    page = QWidget(parent)
    page_layout = QVBoxLayout(page)
    page_layout.setContentsMargins(0, 0, 0, 0)
    page_layout.addWidget(toolbar)
    page_layout.addWidget(splitter, 1)
    return page, splitter


def filter_rows(scope_label: QWidget, search_edit: QWidget, count_label: QWidget,
                filters: Sequence[QWidget]) -> tuple[QHBoxLayout, QHBoxLayout]:
    """The two rows above a list: what is shown, the search box and the count; then
    the ``filters`` side by side, with room left at the end (for more to be added)."""
    row1 = QHBoxLayout()
    row1.addWidget(scope_label)
    row1.addSpacing(8)
    row1.addWidget(search_edit, 1)
    row1.addSpacing(8)
    row1.addWidget(count_label)
    row2 = QHBoxLayout()
    for widget in filters:
        row2.addWidget(widget)
    row2.addStretch(1)
    return row1, row2
