"""A date typed the way office workers write it (see ``domain.dates``), or picked
from a calendar. An empty field means "no date".
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QPoint, QRect, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from gridoffice.domain.dates import parse_date

__all__ = ["DateField", "calendar_icon", "parse_date"]


def calendar_icon(color: QColor) -> QIcon:
    """A small calendar drawn in code, so it looks the same on every system."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(color)
    painter.drawRect(QRect(1, 2, 13, 12))
    painter.fillRect(QRect(1, 2, 14, 4), color)
    for x in (4, 7, 10):
        for y in (8, 11):
            painter.fillRect(QRect(x, y, 2, 2), color)
    painter.end()
    return QIcon(pixmap)


class DateField(QLineEdit):
    """A line edit for one date with a calendar button at its end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.setClearButtonEnabled(True)
        self._calendar: QCalendarWidget | None = None
        color = self.palette().color(self.foregroundRole())
        self.pick_action = QAction(calendar_icon(color), self.tr("Pick a date"), self)
        self.pick_action.triggered.connect(self.show_calendar)
        self.addAction(self.pick_action, QLineEdit.ActionPosition.TrailingPosition)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000-00-00") + 64)

    def date(self) -> dt.date | None:
        """The date entered, None if empty; raises ValueError if unreadable."""
        return parse_date(self.text())

    def set_date(self, day: dt.date | None) -> None:
        self.setText(day.isoformat() if day else "")

    def show_calendar(self) -> None:
        if self._calendar is None:
            self._calendar = QCalendarWidget(self)
            self._calendar.setWindowFlags(Qt.WindowType.Popup)
            self._calendar.setGridVisible(True)
            self._calendar.clicked.connect(self._picked)
            self._calendar.activated.connect(self._picked)
        try:
            current = self.date()
        except ValueError:
            current = None
        day = current or dt.date.today()
        self._calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self._calendar.adjustSize()
        self._calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self._calendar.show()
        self._calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        self.set_date(dt.date(day.year(), day.month(), day.day()))
        if self._calendar is not None:
            self._calendar.hide()
        self.setFocus()
