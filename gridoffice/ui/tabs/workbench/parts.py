"""The pieces of the workbench: the to-do list (待办), the figures of the month and
the year (本月/本年), and the page of an office with no data yet."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from gridoffice.services.workbench import Figures, TodoItem

URGENT_COLOUR = "#b71c1c"
ITEM_ROLE = Qt.ItemDataRole.UserRole


def heading_label(parent: QWidget, name: str, scale: float) -> QLabel:
    """A bold label ``scale`` times the usual size (a page's heading)."""
    label = QLabel(parent)
    label.setObjectName(name)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


class TodoList(QGroupBox):
    """The to-do items, urgent ones red; a click (or Enter) on one asks to open it."""

    item_requested = Signal(object)  # the TodoItem

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("To do"), parent)
        self.items: list[TodoItem] = []
        self.list = QListWidget(self)
        self.list.setObjectName("todoList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._clicked)
        self.hint = QLabel(self.tr("Click an item (or press Enter) to open its list."), self)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)

    def set_items(self, items: Sequence[TodoItem]) -> None:
        self.items = list(items)
        self.list.clear()
        bold = QFont(self.list.font())
        bold.setBold(True)
        for index, item in enumerate(self.items):
            entry = QListWidgetItem(("！ " if item.urgent else "• ")
                                    + item.text(QCoreApplication.translate))
            entry.setData(ITEM_ROLE, index)
            entry.setToolTip(self.tr("Open the list this counts"))
            if item.urgent:
                entry.setForeground(QBrush(QColor(URGENT_COLOUR)))
                entry.setFont(bold)
            self.list.addItem(entry)
        if not self.items:
            entry = QListWidgetItem(self.tr("Nothing is due. Well done!"))
            entry.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(entry)
        self.setTitle(self.tr("To do ({count})").format(count=len(self.items)))

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _clicked(self, entry: QListWidgetItem) -> None:
        index = entry.data(ITEM_ROLE)
        if index is not None and 0 <= int(index) < len(self.items):
            self.item_requested.emit(self.items[int(index)])


class FiguresBox(QGroupBox):
    """The office now (members, households, residents) and what happened this month and
    this year, side by side; figures of an area the person may not see are left out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("At a glance"), parent)
        self.now_label = QLabel(self)
        self.now_label.setObjectName("figuresNow")
        self.now_label.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(18)
        layout = QVBoxLayout(self)
        layout.addWidget(self.now_label)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self.values: dict[str, tuple[str, str]] = {}  # row name → (month, year) as shown

    def set_figures(self, month: Figures, year: Figures) -> None:
        now = []
        if month.members is not None:
            now.append(self.tr("Party members: {count}").format(count=month.members))
        if month.households is not None:
            now.append(self.tr("Households: {count}").format(count=month.households))
            now.append(self.tr("Residents: {count}").format(count=month.residents))
        self.now_label.setText("    ".join(now))
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        rows = self._rows(month, year)
        self.values = {name: (m, y) for name, m, y in rows}
        if not rows:
            return
        header = (self.tr("This month"), self.tr("This year"))
        for column, text in enumerate(header, start=1):
            label = QLabel(f"<b>{text}</b>", self)
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.grid.addWidget(label, 0, column)
        for row, (name, in_month, in_year) in enumerate(rows, start=1):
            self.grid.addWidget(QLabel(name, self), row, 0)
            for column, value in enumerate((in_month, in_year), start=1):
                label = QLabel(value, self)
                label.setAlignment(Qt.AlignmentFlag.AlignRight)
                self.grid.addWidget(label, row, column)
        self.grid.setColumnStretch(0, 1)

    def _rows(self, month: Figures, year: Figures) -> list[tuple[str, str, str]]:
        rows: list[tuple[str, str, str]] = []
        if month.meetings_held is not None:
            rows.append((self.tr("Meetings held"), str(month.meetings_held),
                         str(year.meetings_held)))
            rows.append((self.tr("of which residents' councils"), str(month.councils_held),
                         str(year.councils_held)))
            rows.append((self.tr("Follow-ups done / in all"),
                         f"{month.follow_ups_done}/{month.follow_ups_total}",
                         f"{year.follow_ups_done}/{year.follow_ups_total}"))
        if month.service_hours is not None:
            rows.append((self.tr("In-service hours"), f"{month.service_hours:g}",
                         f"{year.service_hours:g}"))
            rows.append((self.tr("In-service points"), str(month.points), str(year.points)))
        return rows


class EmptyPage(QWidget):
    """An office with no records yet: how to start (the buttons the person may use)."""

    import_members = Signal()
    import_residents = Signal()
    import_packages = Signal()
    load_demo = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading_label(self, "emptyTitle", 1.5)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setFixedWidth(self.text.fontMetrics().averageCharWidth() * 70)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.members_button = QPushButton(self.tr("Import the party roster…"), self)
        self.members_button.clicked.connect(self.import_members)
        self.residents_button = QPushButton(self.tr("Import household records…"), self)
        self.residents_button.clicked.connect(self.import_residents)
        self.packages_button = QPushButton(self.tr("Import sync packages…"), self)
        self.packages_button.clicked.connect(self.import_packages)
        self.demo_button = QPushButton(self.tr("Load the demo data"), self)
        self.demo_button.clicked.connect(self.load_demo)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in self.buttons():
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(2)

    def buttons(self) -> list[QPushButton]:
        return [self.members_button, self.residents_button, self.packages_button,
                self.demo_button]

    def set_office(self, *, street: bool, may_start: bool = True) -> None:
        """What to say: a community starts from its roster and household records, a
        street office from its communities' sync packages (the tab shows the buttons
        the person may use); ``may_start``: False when they may use none of them."""
        self.title.setText(self.tr("No data yet"))
        if not may_start:
            self.text.setText(self.tr(
                "The records are imported by the office's staff or administrator; they will "
                "show here then."))
        elif street:
            self.text.setText(self.tr(
                "The communities' records arrive in their sync packages. Import the packages "
                "they sent, or load the demo data to try the program out."))
        else:
            self.text.setText(self.tr(
                "Start by importing the party roster and the household records from Excel, "
                "or load the demo data to try the program out."))
