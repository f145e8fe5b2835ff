"""The page shape the tabs share: a toolbar over a list (with its filters) split from
the selected row's detail."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLayout, QSplitter, QVBoxLayout, QWidget


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
