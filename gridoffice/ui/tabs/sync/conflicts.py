"""The conflicts a person has to settle, on the Sync tab: the list, the two
versions compared field by field, the resolutions, and the full numbers revealed
(audited).

Resolving a conflict is a new edit that travels with the next package, so it is
not put on the undo stack: the page asks before it resolves. At the street office
a community's conflicts are shown but settled only in that community.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gridoffice.errors import UserError
from gridoffice.services.changes import Changes
from gridoffice.ui import messages
from gridoffice.ui.models.sync_tables import (
    CompareModel,
    ConflictTableModel,
    field_label,
    table_label,
)
from gridoffice.ui.tabs.sync.views import table_view
from gridoffice.ui.widgets.tables import FITTED_ROWS

if TYPE_CHECKING:
    from gridoffice.services.sync import Conflict, SyncService
    from gridoffice.store.database import Database


class ConflictsPage(QWidget):
    """The conflicts list above, the selected conflict's versions and its
    resolutions below."""

    status_message = Signal(str)
    counted = Signal(int)  # the open conflicts, after every reload
    resolved = Signal(object)  # Changes: what a resolution wrote

    def __init__(self, office_name: Callable[[str], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.office_name = office_name  # office id -> its display name
        self.service: SyncService | None = None
        self.db: Database | None = None
        self.is_street = False
        self.conflict_model = ConflictTableModel(self)
        self.conflict_model.office_name = office_name
        self.conflict_view = table_view(self, self.conflict_model)
        self.conflict_view.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._conflict_changed())
        self.show_resolved_check = QCheckBox(self.tr("Show &resolved"), self)
        self.show_resolved_check.toggled.connect(lambda _c: self.reload())
        self.conflict_count = QLabel(self)
        self.compare_model = CompareModel(self)
        self.compare_model.dataChanged.connect(lambda *_a: self.update_buttons())
        self.compare_view = QTableView(self)
        self.compare_view.setModel(self.compare_model)
        self.compare_view.verticalHeader().hide()
        self.compare_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.compare_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.compare_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(FITTED_ROWS)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.compare_title = QLabel(self)
        self.compare_title.setWordWrap(True)
        self.compare_hint = QLabel(self)
        self.compare_hint.setWordWrap(True)
        self._build_buttons()
        self._lay_out()

    def _build_buttons(self) -> None:
        self.keep_button = QPushButton(self.tr("&Keep current"), self)
        self.keep_button.clicked.connect(lambda: self.resolve("keep"))
        self.take_button = QPushButton(self.tr("&Take the other version"), self)
        self.take_button.clicked.connect(lambda: self.resolve("take"))
        self.combine_button = QPushButton(self.tr("Co&mbine: take the checked fields"), self)
        self.combine_button.clicked.connect(lambda: self.resolve("combine"))
        self.same_button = QPushButton(self.tr("&Same person"), self)
        self.same_button.clicked.connect(lambda: self.resolve("same_person"))
        self.different_button = QPushButton(self.tr("&Different people"), self)
        self.different_button.clicked.connect(lambda: self.resolve("different"))
        self.reveal_button = QPushButton(self.tr("Show full &numbers"), self)
        self.reveal_button.setToolTip(self.tr(
            "Show both versions' ID numbers and phones in full (written to the audit log)"))
        self.reveal_button.clicked.connect(self.reveal_numbers)

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.conflict_count, 1)
        filters.addWidget(self.show_resolved_check)
        buttons = QHBoxLayout()
        for button in (self.keep_button, self.take_button, self.combine_button,
                       self.same_button, self.different_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.reveal_button)
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.compare_title)
        detail_layout.addWidget(self.compare_view, 1)
        detail_layout.addWidget(self.compare_hint)
        detail_layout.addLayout(buttons)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(filters)
        upper_layout.addWidget(self.conflict_view, 1)
        self.conflicts_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.conflicts_splitter.addWidget(upper)
        self.conflicts_splitter.addWidget(detail)
        self.conflicts_splitter.setSizes([220, 320])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.conflicts_splitter)

    def attach(self, service: SyncService, db: Database, is_street: bool) -> None:
        self.service = service
        self.db = db
        self.is_street = is_street

    # --- the list -------------------------------------------------------------------------
    def reload(self) -> None:
        if self.service is None:
            return
        current = self.current_id()
        conflicts = self.service.conflicts(
            include_resolved=self.show_resolved_check.isChecked())
        self.conflict_model.set_rows(conflicts)
        open_count = sum(1 for c in conflicts if c.status == "open")
        self.conflict_count.setText(
            self.tr("{count} open conflicts to settle.").format(count=open_count)
            if open_count else self.tr("No open conflicts."))
        self.counted.emit(open_count)
        self.select_conflict(current)
        self._conflict_changed()

    def select_conflict(self, conflict_id: str | None) -> None:
        proxy = self.conflict_view.model()
        for row in range(proxy.rowCount()):
            index = proxy.index(row, 0)
            source = proxy.mapToSource(index)
            conflict = self.conflict_model.row_at(source.row())
            if conflict is not None and (conflict_id is None or conflict.id == conflict_id):
                self.conflict_view.setCurrentIndex(index)
                return

    def current_row(self) -> Conflict | None:
        index = self.conflict_view.currentIndex()
        if not index.isValid():
            return None
        proxy = self.conflict_view.model()
        return self.conflict_model.row_at(proxy.mapToSource(index).row())

    def current_id(self) -> str | None:
        row = self.current_row()
        return row.id if row else None

    # --- the selected conflict ------------------------------------------------------------
    def _conflict_changed(self) -> None:
        conflict = self.current_row()
        self.compare_model.checkable = conflict is not None and conflict.status == "open" \
            and conflict.kind != "duplicate" and not self._read_only(conflict)
        self.compare_model.set_conflict(conflict)
        if conflict is None:
            self.compare_title.setText(self.tr("Select a conflict to compare its versions."))
            self.compare_hint.clear()
        else:
            self.compare_title.setText(self.tr("{table} “{label}”: {kind}").format(
                table=table_label(conflict.table), label=conflict.label,
                kind=self.conflict_model.display(conflict, 2)))
            self.compare_hint.setText(self._hint(conflict))
        self.update_buttons()

    def _hint(self, conflict: Conflict) -> str:
        if conflict.status != "open":
            return self.tr("Resolved: {how}.").format(how=self.conflict_model.display(
                conflict, 6))
        if self._read_only(conflict):
            return self._read_only_text(conflict)
        if conflict.kind == "duplicate":
            return self.tr("Two records with the same ID number. If they are the same "
                           "person, the second record is retired and noted; nothing is "
                           "deleted for good.")
        text = self.tr("The current version is what everybody has now; the other version "
                       "lost. Check a field in the right column to take its other value.")
        if conflict.clock_suspect:
            text += " " + self.tr("One PC's clock was wrong: which edit is newer is not "
                                  "certain.")
        return text

    def _read_only(self, conflict: Conflict) -> bool:
        return self.is_street and self.db is not None and \
            conflict.origin_office != self.db.office_id

    def _read_only_text(self, conflict: Conflict) -> str:
        from gridoffice.services.sync import MSG_STREET_READ_ONLY

        return messages.user_error_text(UserError(
            MSG_STREET_READ_ONLY, office=self.office_name(conflict.origin_office)))

    def update_buttons(self) -> None:
        conflict = self.current_row()
        open_ = conflict is not None and conflict.status == "open"
        read_only = conflict is not None and self._read_only(conflict)
        duplicate = conflict is not None and conflict.kind == "duplicate"
        for button in (self.keep_button, self.take_button, self.combine_button):
            button.setVisible(not duplicate)
        for button in (self.same_button, self.different_button):
            button.setVisible(duplicate)
        tip = self._read_only_text(conflict) if read_only and conflict else ""
        for button in (self.keep_button, self.take_button, self.combine_button,
                       self.same_button, self.different_button):
            button.setEnabled(open_ and not read_only)
            button.setToolTip(tip)
        self.combine_button.setEnabled(open_ and not read_only and
                                       bool(self.compare_model.taken()))
        self.reveal_button.setEnabled(conflict is not None and self.compare_model.has_masked()
                                      and not self.compare_model.revealed)

    # --- what a person does ---------------------------------------------------------------
    def reveal_numbers(self) -> None:
        """Full id numbers and phones of the selected conflict, audited first."""
        conflict = self.current_row()
        if self.service is None or conflict is None:
            return
        try:
            self.service.reveal_conflict(conflict.id)
        except UserError as err:
            messages.show_user_error(self, err)
            return
        self.compare_model.reveal()
        self.update_buttons()

    def resolve(self, how: str) -> bool:
        """Settle the selected conflict after asking (it is a new edit that syncs)."""
        conflict = self.current_row()
        if self.service is None or conflict is None or conflict.status != "open":
            return False
        choice: str | dict[str, str] = how
        if how == "combine":
            choice = self.compare_model.choice()
            if not self.compare_model.taken():
                return False
        if not messages.confirm(self, self._question(how, conflict),
                                self.tr("Resolve the conflict")):
            return False
        try:
            self.service.resolve(conflict.id, choice)
        except UserError as err:
            messages.show_user_error(self, err)
            self.reload()
            return False
        self.status_message.emit(self.tr("The conflict about “{label}” was resolved.").format(
            label=conflict.label))
        self.resolved.emit(Changes.of(conflict.table, "sync_conflict", ids=[conflict.row_id]))
        return True

    def _question(self, how: str, conflict: Conflict) -> str:
        questions = {
            "keep": self.tr("Keep the current version of “{label}” and drop the other?"),
            "take": self.tr("Replace “{label}” by the other version?"),
            "combine": self.tr("Take the checked fields ({fields}) of the other version "
                               "into “{label}”?"),
            "same_person": self.tr("Are both records of “{label}” the same person? The "
                                   "second record is retired."),
            "different": self.tr("Are the two records of “{label}” different people? "
                                 "Both are kept."),
        }
        fields = "、".join(field_label(conflict.table, f) for f in self.compare_model.taken())
        return questions[how].format(label=conflict.label, fields=fields) + "\n\n" + \
            self.tr("This is a change like any other: it goes to the other PCs with the "
                    "next package and cannot be undone here.")
