"""Residents recorded twice (一人一档): the groups the service finds (same ID number,
or same name by pinyin and birth date), and merging one record into the one kept.

The dialog only asks and shows; ``find`` and ``merge`` are service calls. A merge
the service refuses (the other record heads a household with members) shows its
message and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from gridoffice.errors import UserError
from gridoffice.ui import messages
from gridoffice.ui.dialogs.form import FormDialog
from gridoffice.ui.models.table import RowTableModel

if TYPE_CHECKING:
    from gridoffice.services.households import DuplicateGroup


class DuplicateModel(RowTableModel["DuplicateGroup"]):
    def headers(self) -> Sequence[str]:
        return (self.tr("Names"), self.tr("Addresses"), self.tr("Found by"))

    def display(self, row: DuplicateGroup, column: int) -> str:
        if column == 0:
            return " / ".join(row.names)
        if column == 1:
            return " / ".join(row.addresses)
        if row.reason == "id_number":
            return self.tr("Same ID number")
        return self.tr("Same name and birth date")


class DuplicatesDialog(FormDialog):
    """See the module docstring; :meth:`run` returns how many records were merged."""

    def __init__(self, parent: QWidget | None, *, find: Callable[[], list[DuplicateGroup]],
                 merge: Callable[[str, str], Any]) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Residents recorded twice"))
        self.setMinimumSize(720, 420)
        self._find = find
        self._merge = merge
        self.merged = 0
        self.model = DuplicateModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._group_changed())
        self.empty_label = QLabel(self.tr("No resident seems to be recorded twice."), self)
        self.keep_combo = QComboBox(self)
        self.merge_button = QPushButton(self.tr("Merge"), self)
        self.merge_button.clicked.connect(self.merge_current)
        self.set_intro(self.tr(
            "Choose a group, the record to keep, and Merge: the other record's tags, party "
            "member link and missing details move to the kept record."))
        layout = self.layout()
        layout.insertWidget(1, self.view, 1)  # type: ignore[attr-defined]
        layout.insertWidget(2, self.empty_label)  # type: ignore[attr-defined]
        self.add_row(None, self.tr("Keep"), self.keep_combo)
        self.form.addRow("", self.merge_button)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(self._find())
        self.empty_label.setVisible(self.model.rowCount() == 0)
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))
        self._group_changed()

    def current_group(self) -> DuplicateGroup | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _group_changed(self) -> None:
        group = self.current_group()
        self.keep_combo.clear()
        if group is not None:
            for rid, name, address in zip(group.resident_ids, group.names, group.addresses,
                                          strict=True):
                self.keep_combo.addItem(self.tr("{name}, {address}").format(
                    name=name, address=address), rid)
        self.keep_combo.setEnabled(group is not None)
        self.merge_button.setEnabled(group is not None)

    def merge_current(self) -> bool:
        """Merge every other record of the chosen group into the one to keep."""
        group = self.current_group()
        keep = self.keep_combo.currentData()
        if group is None or keep is None:
            return False
        others = [rid for rid in group.resident_ids if rid != keep]
        name = self.keep_combo.currentText()
        if not messages.confirm(self, self.tr(
                "Keep {record} and merge the other {count} record(s) into it? The merged "
                "records are removed from the register.").format(record=name,
                                                                 count=len(others))):
            return False
        done = True
        for other in others:
            try:
                self._merge(keep, other)
            except UserError as err:
                messages.show_user_error(self, err)
                done = False
                break
            self.merged += 1
        self.reload()
        return done

    def perform(self) -> Any:
        return self.merged

    def run(self) -> int:
        FormDialog.run_modal(self)
        return self.merged
