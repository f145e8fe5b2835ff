"""The "Sync" tab (数据同步): this PC's identity, the peer PCs and the packages
exchanged with them, and the conflicts a person has to settle.

Export and import run in the background (:class:`BackgroundJob`, progress with
Cancel); package files can be dropped on the tab. An optional exchange folder
(a shared folder, kept in the local settings) is offered first on export and
checked once after the tab is attached. At the street office the tab also
makes the street summary and lists id numbers registered in two communities;
conflicts about a community's records are shown there but settled only in that
community.

Resolving a conflict is a new edit that travels with the next package, so it
is not put on the undo stack: the tab asks before it resolves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain import masking
from gridoffice.errors import UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.ledgers import catalogue
from gridoffice.services import changes
from gridoffice.services.changes import Changes
from gridoffice.ui import messages
from gridoffice.ui.dialogs.sync_dialogs import (
    ExportTargetDialog,
    SummaryYearDialog,
    TrustDialog,
    monospace_font,
    removable_drives,
)
from gridoffice.ui.ledger_menu import LedgerMenu
from gridoffice.ui.models.sync_tables import (
    WARNING_COLOR,
    CompareModel,
    ConflictTableModel,
    PeerTableModel,
    offset_text,
    table_label,
)
from gridoffice.ui.models.table import SORT_ROLE, RowTableModel
from gridoffice.ui.tabs.base import BaseTab
from gridoffice.ui.widgets.actions import RowSelection, make_action
from gridoffice.ui.workers import BackgroundJob

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from gridoffice.ledgers.catalogue import Ledger
    from gridoffice.services.container import Services
    from gridoffice.services.sync import Conflict, ExportResult, ImportResult, SyncService
    from gridoffice.store.database import Database

PACKAGE_SUFFIX = ".gridsync"
OK_COLOR = QColor("#2e7d32")
PAGE_PEERS, PAGE_CONFLICTS = range(2)


def _table(parent: QWidget, model: Any) -> QTableView:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


class DuplicateTableModel(RowTableModel[tuple[str, str, str, str]]):
    """Id numbers registered in two communities (street office), masked."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.office_name: Callable[[str], str] = lambda office_id: office_id[:8]

    def headers(self) -> Sequence[str]:
        return (self.tr("Name"), self.tr("ID number"), self.tr("Community"),
                self.tr("Also in"))

    def display(self, row: tuple[str, str, str, str], column: int) -> str:
        number, first, second, name = row
        return (name, masking.mask_id(number), self.office_name(first),
                self.office_name(second))[column]


class SyncTab(BaseTab, RowSelection):
    """See the module docstring."""

    key = "sync"
    title_text = QT_TRANSLATE_NOOP("MainWindow", "Sync")
    watches = changes.SYNC
    synced = Signal()  # an import or a resolution changed records (after ``changed``)
    exported = Signal()  # packages were written

    def __init__(self, undo_stack: QUndoStack | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(undo_stack, parent)
        self.service: SyncService | None = None
        self.db: Database | None = None
        self._exchange: Path | None = None  # the exchange folder setting
        self.is_street = False
        self.office_names: dict[str, str] = {}
        self.job: BackgroundJob | None = None
        self.setAcceptDrops(True)

        self._build_actions()
        self._build_this_pc()
        self._build_exchange()
        self.peer_model = PeerTableModel(self)
        self.peer_view = _table(self, self.peer_model)
        self.peer_view.setToolTip(self.tr("Drop .gridsync files here to import them."))
        self.results = QListWidget(self)
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.duplicate_model = DuplicateTableModel(self)
        self.duplicate_view = _table(self, self.duplicate_model)

        peers_page = QWidget(self)
        top = QHBoxLayout()
        top.addWidget(self.this_pc_box, 3)
        top.addWidget(self.exchange_box, 2)
        self.peers_label = QLabel(self.tr("&Peer PCs (drop .gridsync files here to import):"),
                                  self)
        self.peers_label.setBuddy(self.peer_view)
        results_box = QGroupBox(self.tr("Results of the last export or import"), self)
        QVBoxLayout(results_box).addWidget(self.results)
        self.duplicates_box = QGroupBox(self.tr("Same ID number in two communities"), self)
        QVBoxLayout(self.duplicates_box).addWidget(self.duplicate_view)
        bottom = QSplitter(Qt.Orientation.Horizontal, self)
        bottom.addWidget(results_box)
        bottom.addWidget(self.duplicates_box)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 2)
        self.duplicates_box.hide()
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.peers_label)
        upper_layout.addWidget(self.peer_view)
        self.peers_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.peers_splitter.addWidget(upper)
        self.peers_splitter.addWidget(bottom)
        self.peers_splitter.setSizes([300, 200])
        peers_layout = QVBoxLayout(peers_page)
        peers_layout.setContentsMargins(0, 4, 0, 0)
        peers_layout.addLayout(top)
        peers_layout.addWidget(self.peers_splitter, 1)

        self._build_conflicts_page()

        self.pages = QTabWidget(self)
        self.pages.setDocumentMode(True)
        self.pages.addTab(peers_page, self.tr("Offices and packages"))
        self.pages.addTab(self.conflicts_page, self.tr("Conflicts"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.pages, 1)
        self.setTabOrder(self.export_identity_button, self.trust_button)
        self.setTabOrder(self.trust_button, self.exchange_choose_button)
        self.setTabOrder(self.exchange_choose_button, self.exchange_clear_button)
        self.setTabOrder(self.exchange_clear_button, self.peer_view)
        self.setTabOrder(self.peer_view, self.results)
        self.update_actions()

    # --- building -------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], Any], shortcut: str | None = None,
                tip: str | None = None) -> QAction:
        return make_action(self, text, slot, shortcut, tip)

    def _build_actions(self) -> None:
        self.export_action = self._action(
            self.tr("&Export sync package…"), self.export_packages, "Ctrl+E",
            self.tr("Write what changed here for the other office (Ctrl+E)"))
        self.import_action = self._action(
            self.tr("&Import sync packages…"), self.import_packages, "Ctrl+I",
            self.tr("Import .gridsync files from the other office (Ctrl+I)"))
        self.check_action = self._action(
            self.tr("&Check exchange folder"), self.check_exchange, "Ctrl+Shift+I",
            self.tr("Import the packages for this PC from the exchange folder (Ctrl+Shift+I)"))
        self.refresh_action = self._action(self.tr("&Refresh"), self.refresh, "F5")
        self.ledger_menu = LedgerMenu(self, "sync")
        self.summary_action = self.ledger_menu.action("street-summary")
        self.conflicts_action = self._action(
            self.tr("Show c&onflicts"), lambda: self.pages.setCurrentIndex(PAGE_CONFLICTS),
            "Ctrl+K")
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in (self.export_action, self.import_action, self.check_action, None,
                    self.refresh_action, self.conflicts_action, None, self.summary_action):
            if act is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(act)
        self.summary_action.setVisible(False)

    def _build_this_pc(self) -> None:
        box = QGroupBox(self.tr("This PC"), self)
        self.office_value = QLabel(box)
        self.pc_value = QLabel(box)
        self.role_value = QLabel(box)
        self.fingerprint_value = QLabel(box)
        self.fingerprint_value.setFont(monospace_font(15))
        self.fingerprint_value.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel(self.tr("Compare it with the other office's screen when you exchange "
                              "identity files."), box)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        self.export_identity_button = QPushButton(self.tr("Export this PC's i&dentity file…"),
                                                  box)
        self.export_identity_button.clicked.connect(self.export_identity)
        self.trust_button = QPushButton(self.tr("&Trust another PC's identity file…"), box)
        self.trust_button.clicked.connect(self.trust_identity)
        form = QFormLayout()
        form.addRow(self.tr("Office:"), self.office_value)
        form.addRow(self.tr("PC:"), self.pc_value)
        form.addRow(self.tr("Role:"), self.role_value)
        form.addRow(self.tr("Fingerprint:"), self.fingerprint_value)
        form.addRow("", hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_identity_button)
        buttons.addWidget(self.trust_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.this_pc_box = box

    def _build_exchange(self) -> None:
        box = QGroupBox(self.tr("Exchange folder (optional)"), self)
        self.exchange_value = QLabel(box)
        self.exchange_value.setWordWrap(True)
        self.exchange_value.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(self.tr("A shared folder both offices can reach. Packages for this "
                              "PC found there are imported when the program starts."), box)
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        self.exchange_choose_button = QPushButton(self.tr("C&hoose…"), box)
        self.exchange_choose_button.clicked.connect(self.choose_exchange_folder)
        self.exchange_clear_button = QPushButton(self.tr("C&lear"), box)
        self.exchange_clear_button.clicked.connect(lambda: self.set_exchange_folder(None))
        self.exchange_check_button = QPushButton(self.tr("Check &now"), box)
        self.exchange_check_button.clicked.connect(self.check_exchange)
        buttons = QHBoxLayout()
        for button in (self.exchange_choose_button, self.exchange_clear_button,
                       self.exchange_check_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.exchange_value)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.exchange_box = box

    def _build_conflicts_page(self) -> None:
        page = QWidget(self)
        self.conflict_model = ConflictTableModel(self)
        self.conflict_view = _table(self, self.conflict_model)
        self.conflict_view.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._conflict_changed())
        self.view, self.model = self.conflict_view, self.conflict_model  # RowSelection
        self.show_resolved_check = QCheckBox(self.tr("Show &resolved"), page)
        self.show_resolved_check.toggled.connect(lambda _c: self.reload_conflicts())
        self.conflict_count = QLabel(page)
        filters = QHBoxLayout()
        filters.addWidget(self.conflict_count, 1)
        filters.addWidget(self.show_resolved_check)

        self.compare_model = CompareModel(self)
        self.compare_model.dataChanged.connect(lambda *_a: self.update_actions())
        self.compare_view = QTableView(page)
        self.compare_view.setModel(self.compare_model)
        self.compare_view.verticalHeader().hide()
        self.compare_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.compare_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.compare_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.compare_title = QLabel(page)
        self.compare_title.setWordWrap(True)
        self.compare_hint = QLabel(page)
        self.compare_hint.setWordWrap(True)

        self.keep_button = QPushButton(self.tr("&Keep current"), page)
        self.keep_button.clicked.connect(lambda: self.resolve("keep"))
        self.take_button = QPushButton(self.tr("&Take the other version"), page)
        self.take_button.clicked.connect(lambda: self.resolve("take"))
        self.combine_button = QPushButton(self.tr("Co&mbine: take the checked fields"), page)
        self.combine_button.clicked.connect(lambda: self.resolve("combine"))
        self.same_button = QPushButton(self.tr("&Same person"), page)
        self.same_button.clicked.connect(lambda: self.resolve("same_person"))
        self.different_button = QPushButton(self.tr("&Different people"), page)
        self.different_button.clicked.connect(lambda: self.resolve("different"))
        self.reveal_button = QPushButton(self.tr("Show full &numbers"), page)
        self.reveal_button.setToolTip(self.tr(
            "Show both versions' ID numbers and phones in full (written to the audit log)"))
        self.reveal_button.clicked.connect(self.reveal_numbers)
        buttons = QHBoxLayout()
        for button in (self.keep_button, self.take_button, self.combine_button,
                       self.same_button, self.different_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.reveal_button)

        detail = QWidget(page)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.compare_title)
        detail_layout.addWidget(self.compare_view, 1)
        detail_layout.addWidget(self.compare_hint)
        detail_layout.addLayout(buttons)
        upper = QWidget(page)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(filters)
        upper_layout.addWidget(self.conflict_view, 1)
        self.conflicts_splitter = QSplitter(Qt.Orientation.Vertical, page)
        self.conflicts_splitter.addWidget(upper)
        self.conflicts_splitter.addWidget(detail)
        self.conflicts_splitter.setSizes([220, 320])
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.conflicts_splitter)
        self.conflicts_page = page

    # --- data -----------------------------------------------------------------------------
    def attach(self, services: Services, *, check_exchange: bool = True) -> None:
        """Give the tab its service (once the office is set up); the exchange folder
        (if set) is checked once, quietly."""
        from gridoffice.services.street import is_street, office_names

        if services.profile is None:
            return
        super().attach(services)
        self.service = services.sync
        self.db = db = services.db
        self._read_exchange_folder()
        self.is_street = is_street(db.path)
        self.office_names = office_names(db.path)
        name = lambda office_id: self.office_names.get(office_id, office_id[:8])  # noqa: E731
        self.conflict_model.office_name = name
        self.duplicate_model.office_name = name
        self.summary_action.setVisible(self.is_street)
        self.duplicates_box.setVisible(self.is_street)
        self.refresh()
        if check_exchange and self.exchange_folder() is not None:
            QTimer.singleShot(0, self, lambda: self.check_exchange(quiet=True))

    def reload_for(self, changes: Changes) -> None:
        """Identity, peers, conflicts (after every import, export and resolution)."""
        if self.service is None or self.db is None:
            return
        from gridoffice.services import sync_trust
        from gridoffice.services.sync_trust import ROLE_COMMUNITY, ROLE_STREET

        try:
            me = sync_trust.own_identity(self.db.path)
            statuses = self.service.status()
        except UserError as err:
            messages.show_user_error(self, err)
            return
        from PySide6.QtCore import QCoreApplication

        self.office_value.setText(me.community or me.street)
        self.pc_value.setText(me.pc_label or "—")
        self.role_value.setText(QCoreApplication.translate(
            "codes", ROLE_STREET if me.role == "street" else ROLE_COMMUNITY))
        self.fingerprint_value.setText(me.fingerprint)
        self.peer_model.set_rows(statuses)
        if not statuses:
            self.peers_label.setText(self.tr(
                "&Peer PCs: none trusted yet. Exchange identity files with the other "
                "office first."))
        else:
            self.peers_label.setText(self.tr(
                "&Peer PCs (drop .gridsync files here to import):"))
        folder = self.exchange_folder()
        self.exchange_value.setText(str(folder) if folder else self.tr("Not set"))
        if self.is_street:
            self.duplicate_model.set_rows(self.service.duplicates_across_offices())
        self.reload_conflicts()

    def reload_conflicts(self) -> None:
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
        self.pages.setTabText(PAGE_CONFLICTS, self.tr("Conflicts ({count})").format(
            count=open_count) if open_count else self.tr("Conflicts"))
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
        self.update_actions()

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
            MSG_STREET_READ_ONLY, office=self.office_names.get(
                conflict.origin_office, conflict.origin_office[:8])))

    def update_actions(self) -> None:
        attached = self.service is not None
        busy = self.job is not None
        for act in (self.export_action, self.import_action, self.refresh_action):
            act.setEnabled(attached and not busy)
        has_folder = attached and self.exchange_folder() is not None
        self.check_action.setEnabled(has_folder and not busy)
        self.exchange_check_button.setEnabled(has_folder and not busy)
        self.exchange_clear_button.setEnabled(has_folder)
        self.exchange_choose_button.setEnabled(attached)
        self.export_identity_button.setEnabled(attached)
        self.trust_button.setEnabled(attached)
        self.summary_action.setEnabled(attached and self.is_street)
        conflict = self.current_row() if hasattr(self, "conflict_model") else None
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
        self.update_actions()

    # --- identity -------------------------------------------------------------------------
    def export_identity(self) -> Path | None:
        if self.db is None:
            return None
        from gridoffice.services import sync_trust

        me = sync_trust.own_identity(self.db.path)
        suggested = str(Path.home() / f"{me.display_name}.gridid")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save this PC's identity file"), suggested,
            self.tr("Identity files (*.gridid)"))
        if not path or messages.output_refused(self, path, self.db.path):
            return None
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(".gridid")
        try:
            sync_trust.export_identity(self.db.path, target)
        except UserError as err:
            messages.show_user_error(self, err)
            return None
        messages.inform(self, self.tr(
            "This PC's identity file was saved to {path}.\n\nGive it to the other office; "
            "they trust it after checking that its fingerprint matches this screen: "
            "{fingerprint}").format(path=str(target), fingerprint=me.fingerprint))
        return target

    def trust_identity(self) -> bool:
        if self.db is None:
            return False
        from PySide6.QtCore import QCoreApplication

        from gridoffice.services import sync_trust
        from gridoffice.services.sync_trust import ROLE_COMMUNITY, ROLE_STREET
        from gridoffice.sync.identity import read_identity_file

        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Identity file of the other office's PC"), str(Path.home()),
            self.tr("Identity files (*.gridid)"))
        if not path:
            return False
        try:
            peer = read_identity_file(Path(path).read_bytes(), path)
        except OSError as exc:
            messages.warn(self, self.tr("{path} cannot be read: {reason}").format(
                path=path, reason=exc.strerror or str(exc)))
            return False
        except UserError as err:
            messages.show_user_error(self, err)
            return False
        role = QCoreApplication.translate(
            "codes", ROLE_STREET if peer.role == "street" else ROLE_COMMUNITY)
        if not TrustDialog.ask(self, name=peer.display_name, role=role,
                               fingerprint=peer.fingerprint):
            return False
        try:
            identity, new = sync_trust.trust(self.db.path, Path(path))
        except UserError as err:
            messages.show_user_error(self, err)
            return False
        from gridoffice.services.street import office_names

        self.office_names = office_names(self.db.path)
        self.refresh()
        self.notify(Changes.of("sync_peer"))
        self.status_message.emit(
            self.tr("{name} is now trusted.").format(name=identity.display_name) if new
            else self.tr("{name} was trusted already.").format(name=identity.display_name))
        return True

    # --- exchange folder ------------------------------------------------------------------
    def exchange_folder(self) -> Path | None:
        """The exchange folder setting, read when the tab is attached (not at every
        enabling of the buttons)."""
        return self._exchange

    def _read_exchange_folder(self) -> None:
        self._exchange = self.services.settings.exchange_folder if self.services else None

    def set_exchange_folder(self, folder: Path | None) -> None:
        if self.services is None:
            return
        self.services.settings.exchange_folder = folder
        self._exchange = folder
        self.exchange_value.setText(str(folder) if folder else self.tr("Not set"))
        self.update_actions()

    def choose_exchange_folder(self) -> Path | None:
        start = self.exchange_folder() or Path.home()
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Exchange folder for sync packages"), str(start))
        if not chosen or messages.output_refused(self, chosen, getattr(self.db, "path", None)):
            return None
        self.set_exchange_folder(Path(chosen))
        return Path(chosen)

    def check_exchange(self, quiet: bool = False) -> BackgroundJob | None:
        """Import what the exchange folder holds for this PC; ``quiet``: say
        nothing when there is nothing (the check at start)."""
        folder = self.exchange_folder()
        service = self.service
        if folder is None or service is None or self.job is not None:
            return None

        def task(progress: Callable[[int, int], bool]) -> list[ImportResult]:
            return service.import_files(service.inbox(folder), progress)

        def done(results: list[ImportResult]) -> None:
            if not results:
                if not quiet:
                    self.status_message.emit(self.tr(
                        "No new packages for this PC in {folder}.").format(folder=str(folder)))
                    self._show_results([(self.tr("No new packages for this PC in {folder}.")
                                         .format(folder=str(folder)), None)])
                return
            self._imported(results)

        return self._run(task, self.tr("Checking the exchange folder…"), done)

    # --- export ---------------------------------------------------------------------------
    def _recipients(self) -> list[tuple[str, str]]:
        seen: dict[str, str] = {}
        for status in self.peer_model.rows():
            seen.setdefault(status.office_id, status.name)
        return sorted(seen.items(), key=lambda item: item[1])

    def export_packages(self, folder: Path | None = None,
                        to: str | None = None) -> BackgroundJob | None:
        service = self.service
        if service is None or self.job is not None:
            return None
        if folder is None:
            choice = ExportTargetDialog.ask(
                self, drives=removable_drives(), exchange=self.exchange_folder(),
                recipients=self._recipients() if self.is_street else None)
            if choice is None:
                return None
            folder, to = choice
        target = folder
        return self._run(lambda progress: service.export(target, to, progress),
                         self.tr("Writing the sync packages…"),
                         lambda results: self._exported(target, results))

    def _exported(self, folder: Path, results: list[ExportResult]) -> None:
        lines: list[tuple[str, bool | None]] = [(self.tr(
            "{count} packages written to {folder}.").format(
                count=len(results), folder=str(folder)), True)]
        for result in results:
            lines.append((self.tr("{file}: for {recipient}, package #{sequence}, "
                                  "{rows} changed records").format(
                file=result.path.name, recipient=result.recipient, sequence=result.sequence,
                rows=result.rows), None))
        self._show_results(lines)
        self.status_message.emit(lines[0][0])
        self.refresh()
        self.exported.emit()

    # --- import ---------------------------------------------------------------------------
    def import_packages(self, paths: Sequence[Path] | None = None) -> BackgroundJob | None:
        service = self.service
        if service is None or self.job is not None:
            return None
        if paths is None:
            start = self.exchange_folder() or Path.home()
            chosen, _filter = QFileDialog.getOpenFileNames(
                self, self.tr("Import sync packages"), str(start),
                self.tr("Sync packages (*.gridsync)"))
            if not chosen:
                return None
            paths = [Path(p) for p in chosen]
        files = list(paths)
        return self._run(lambda progress: service.import_files(files, progress),
                         self.tr("Importing the sync packages…"), self._imported)

    def _imported(self, results: list[ImportResult]) -> None:
        lines = [line for result in results for line in self.result_lines(result)]
        self._show_results(lines)
        applied = sum(1 for r in results if r.status == "applied")
        refused = sum(1 for r in results if r.status == "refused")
        self.status_message.emit(self.tr(
            "{applied} packages imported, {refused} not imported.").format(
                applied=applied, refused=refused))
        self.refresh()
        self.notify(Changes.everything() if applied else Changes.of("sync_package"))
        self.synced.emit()

    def result_lines(self, result: ImportResult) -> list[tuple[str, bool | None]]:
        """What the result list says about one file: (text, ok / refused / neutral)."""
        name = result.path.name
        if result.status == "refused":
            reason = messages.user_error_text(result.error) if result.error else ""
            return [(self.tr("{file}: not imported. {reason}").format(
                file=name, reason=reason), False)]
        if result.status == "already":
            return [(self.tr("{file}: imported before (nothing changed).").format(
                file=name), None)]
        if result.digests_agree is None:
            agree = ""
        elif result.digests_agree:
            agree = self.tr("data agree")
        else:
            agree = self.tr("data differ ({tables})").format(
                tables="、".join(table_label(t) for t in result.mismatched))
        text = self.tr("{file}: imported from {sender} (package #{sequence}): {inserted} new, "
                       "{updated} changed, {conflicts} conflicts, {merged} merged; "
                       "{agree}.").format(
            file=name, sender=result.sender, sequence=result.sequence,
            inserted=result.inserted, updated=result.updated, conflicts=result.conflicts,
            merged=result.merged, agree=agree or self.tr("agreement unknown"))
        lines: list[tuple[str, bool | None]] = [(text, result.digests_agree is not False)]
        if result.missing:
            lines.append((self.tr("    {count} earlier packages of that PC never arrived; "
                                  "made up by this package.").format(count=result.missing),
                          None))
        clock = offset_text(result.clock_offset_ms)
        if clock:
            lines.append((self.tr("    The sender's clock is wrong ({clock}); ask them to "
                                  "set the date and time.").format(clock=clock), False))
        return lines

    def _show_results(self, lines: Sequence[tuple[str, bool | None]]) -> None:
        self.results.clear()
        stamp = dt.datetime.now().strftime("%H:%M")
        for text, ok in lines:
            item = QListWidgetItem(f"{stamp}  {text}", self.results)
            item.setToolTip(text)
            if ok is False:
                item.setForeground(WARNING_COLOR)
                font = QFont(self.results.font())
                font.setBold(True)
                item.setFont(font)
            elif ok:
                item.setForeground(OK_COLOR)
        self.pages.setCurrentIndex(PAGE_PEERS)

    def result_texts(self) -> list[str]:
        return [self.results.item(i).toolTip() for i in range(self.results.count())]

    def _run(self, task: Callable[[Callable[[int, int], bool]], Any], label: str,
             on_success: Callable[[Any], None]) -> BackgroundJob:
        job = BackgroundJob(self, task, label=label, on_success=on_success)
        job.cancelled.connect(lambda: self.status_message.emit(self.tr(
            "Cancelled; a file being imported was left as it was.")))
        job.cancelled.connect(self.refresh)
        job.finished.connect(self._job_finished)
        self.job = job
        self.update_actions()
        return job.start()

    def _job_finished(self) -> None:
        self.job = None
        self.update_actions()

    # --- drag and drop --------------------------------------------------------------------
    @staticmethod
    def _dropped_packages(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls()
                if url.isLocalFile() and url.toLocalFile().lower().endswith(PACKAGE_SUFFIX)]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.service is not None and self._dropped_packages(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._dropped_packages(event)
        if not files or self.job is not None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_packages(files)

    # --- conflicts ------------------------------------------------------------------------
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
        from gridoffice.ui.models.sync_tables import field_label

        fields = "、".join(field_label(conflict.table, f) for f in self.compare_model.taken())
        question = questions[how].format(label=conflict.label, fields=fields) + "\n\n" + \
            self.tr("This is a change like any other: it goes to the other PCs with the "
                    "next package and cannot be undone here.")
        if not messages.confirm(self, question, self.tr("Resolve the conflict")):
            return False
        try:
            self.service.resolve(conflict.id, choice)
        except UserError as err:
            messages.show_user_error(self, err)
            self.reload_conflicts()
            return False
        self.status_message.emit(self.tr("The conflict about “{label}” was resolved.").format(
            label=conflict.label))
        self.refresh()
        self.notify(Changes.of(conflict.table, "sync_conflict", ids=[conflict.row_id]))
        self.synced.emit()
        return True

    # --- street office --------------------------------------------------------------------
    def print_ledger(self, entry: Ledger, key: str = "",
                     values: dict[str, Any] | None = None) -> BackgroundJob | None:
        """The street office's ledgers (the summary of its communities) only."""
        return super().print_ledger(entry, key, values) if self.is_street else None

    def ledger_values(self, entry: Ledger, key: str = "") -> dict[str, Any] | None:
        """The year of the street summary, asked (None: cancelled)."""
        year = SummaryYearDialog.ask(self)
        return None if year is None else {"year": year}

    def print_street_summary(self, year: int | None = None) -> BackgroundJob | None:
        return self.print_ledger(catalogue.by_name("street-summary"),
                                 values=None if year is None else {"year": year})

    # --- state ----------------------------------------------------------------------------
    def running_jobs(self) -> list[BackgroundJob]:
        return ([self.job] if self.job is not None else []) + super().running_jobs()

    def layout_widgets(self) -> list[tuple[str, Any]]:
        return [("sync/peers_splitter", self.peers_splitter),
                ("sync/conflicts_splitter", self.conflicts_splitter)]
