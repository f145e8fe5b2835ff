"""Settings ▸ Roles and permissions: the one permission matrix, read-only.

Rows are the permissions, columns the roles, ✓ where the role may and — where it
may not (from :func:`gridoffice.domain.access.matrix_rows`). Anyone may look.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain import access
from gridoffice.ui.dialogs.form import FormDialog

YES = "✓"
NO = "—"


def _access_text(text: str) -> str:
    return QCoreApplication.translate("access", text)


class PermissionsDialog(QDialog):
    """The matrix (a fixed, small table: 19 rows by 5 roles) and a note below it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Roles and permissions"))
        rows = access.matrix_rows()
        self.table = QTableWidget(len(rows), len(access.ROLES), self)
        self.table.setHorizontalHeaderLabels(
            [_access_text(access.ROLE_LABELS[role]) for role in access.ROLES])
        self.table.setVerticalHeaderLabels(
            [_access_text(access.PERMISSION_LABELS[p]) for p, _allowed in rows])
        for row, (_permission, allowed) in enumerate(rows):
            for column, yes in enumerate(allowed):
                item = QTableWidgetItem(YES if yes else NO)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, column, item)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        rows_header = self.table.verticalHeader()
        rows_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows_header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.note = QLabel(self.tr(
            "Control tags are never given by a role: an administrator grants them to "
            "single accounts of the roles marked here. A grid worker sees only the "
            "households and residents of their own grids. The program refuses what "
            "a role may not do even where a button is missing."), self)
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        height = (rows_header.length() + header.height() + self.note.sizeHint().height()
                  + buttons.sizeHint().height() + 60)
        self.resize(820, min(max(height, 480), 900))

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> None:
        FormDialog.run_modal(cls(parent))

    def cell(self, permission: str, role: str) -> str:
        """What the matrix shows for ``permission`` and ``role`` (✓ or —)."""
        row = access.PERMISSIONS.index(permission)
        item = self.table.item(row, access.ROLES.index(role))
        return item.text() if item is not None else ""
