"""The "Party members" tab (党员名册); for now the party organisation tree (党组织设置).

Left: :class:`OrgTreePanel` (toolbar, Show retired, the tree). Right:
:class:`~gridoffice.ui.tabs.org_detail.OrgDetailPanel`. The tab is built
before the data is there; :meth:`RosterTab.attach` gives it the service once
the main window has loaded it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QMenu,
    QSplitter,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain import orgs as rules
from gridoffice.ui.models.org_tree import COL_NAME, NODE_ROLE, ORG_ID_ROLE, OrgTreeModel
from gridoffice.ui.tabs.org_actions import OrgActions
from gridoffice.ui.tabs.org_detail import OrgDetailPanel
from gridoffice.ui.workers import BackgroundJob

if TYPE_CHECKING:
    from gridoffice.services.orgs import OrgNode, OrgService
    from gridoffice.store.database import Database
    from gridoffice.ui.dialogs.pdf_preview import PdfPreviewDialog

log = logging.getLogger(__name__)

# The ledger is an official Chinese form; its file name is Chinese in every language.
LEDGER_FILE_STEM = "党组织设置一览表"


class OrgTreePanel(QWidget):
    """The organisation tree with its toolbar, context menu and keyboard shortcuts."""

    current_changed = Signal(object)  # OrgNode or None

    def __init__(self, model: OrgTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._expanded: set[str] = set()
        self._first_load = True
        self._restoring = False

        def action(text: str, shortcut: QKeySequence | str | None = None) -> QAction:
            act = QAction(text, self)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
                act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(act)
            return act

        self.new_sub_action = action(self.tr("New sub-organisation…"),
                                     QKeySequence(Qt.Key.Key_Insert))
        self.new_top_action = action(self.tr("New top-level organisation…"))
        self.edit_action = action(self.tr("Edit…"), QKeySequence(Qt.Key.Key_F2))
        self.move_action = action(self.tr("Move…"))
        self.retire_action = action(self.tr("Retire…"))
        self.restore_action = action(self.tr("Restore"))
        self.appoint_action = action(self.tr("Appoint to a committee seat…"))
        self.ledger_action = action(self.tr("Ledger of party organisations…"))
        self.new_sub_action.setToolTip(self.tr("Add an organisation under the selected one (Ins)"))
        self.edit_action.setToolTip(self.tr("Edit the selected organisation (F2)"))

        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        new_menu = QMenu(self)
        new_menu.addAction(self.new_sub_action)
        new_menu.addAction(self.new_top_action)
        self.new_button = QToolButton(self)
        self.new_button.setDefaultAction(self.new_sub_action)
        self.new_button.setText(self.tr("New"))
        self.new_button.setMenu(new_menu)
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.toolbar.addWidget(self.new_button)
        for act in (self.edit_action, self.move_action, self.retire_action,
                    self.restore_action):
            self.toolbar.addAction(act)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.ledger_action)

        self.show_retired_box = QCheckBox(self.tr("Show retired"), self)
        self.show_retired_box.toggled.connect(self._show_retired_toggled)

        self.tree = QTreeView(self)
        self.tree.setModel(model)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDropIndicatorShown(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.doubleClicked.connect(self._double_clicked)
        self.tree.expanded.connect(self._on_expanded)
        self.tree.collapsed.connect(self._on_collapsed)
        self.tree.selectionModel().currentRowChanged.connect(self._current_row_changed)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(1, model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.show_retired_box)
        layout.addWidget(self.tree, 1)
        self.update_actions(False)

    # --- content ----------------------------------------------------------------------
    def set_nodes(self, nodes: Sequence[OrgNode], select_id: str | None = None) -> None:
        """Show ``nodes``, keeping selection and expansion (or selecting ``select_id``)."""
        current = select_id or self.current_id()
        self._restoring = True
        try:
            self.model.set_nodes(nodes)
            if self._first_load:
                self._first_load = False
                self.tree.expandToDepth(1)
            else:
                self._expand_remembered()
            self._select(current)
        finally:
            self._restoring = False
        self.current_changed.emit(self.current_node())

    def _expand_remembered(self) -> None:
        """Expand again what the user had expanded (a reset model forgets it)."""
        for org_id in list(self._expanded):
            index = self.model.index_of(org_id)
            if index.isValid():
                self.tree.expand(index)

    def _select(self, org_id: str | None) -> None:
        index = self.model.index_of(org_id)
        if not index.isValid() and org_id:
            # Hidden (retired) or gone: select its nearest shown ancestor.
            node = self.model.node(org_id)
            while node is not None and not index.isValid():
                node = self.model.node(node.parent_id)
                index = self.model.index_of(node.id if node else None)
        if not index.isValid():
            index = self.model.index(0, 0)
        if not index.isValid():
            self.tree.setCurrentIndex(QModelIndex())
            return
        parent = index.parent()
        while parent.isValid():  # make sure it can be seen
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    def current_id(self) -> str | None:
        index = self.tree.currentIndex()
        return index.data(ORG_ID_ROLE) if index.isValid() else None

    def current_node(self) -> OrgNode | None:
        index = self.tree.currentIndex()
        return index.data(NODE_ROLE) if index.isValid() else None

    def select_org(self, org_id: str) -> bool:
        self._select(org_id)
        return self.current_id() == org_id

    def expanded_ids(self) -> set[str]:
        return set(self._expanded)

    # --- actions ------------------------------------------------------------------------
    def update_actions(self, attached: bool) -> None:
        node = self.current_node() if attached else None
        active = node is not None and not node.retired
        may_have_children = active and any(
            rules.may_contain(node.org_type, child) for child in rules.ALLOWED_CHILDREN)
        self.new_sub_action.setEnabled(bool(may_have_children))
        self.new_top_action.setEnabled(attached)
        self.edit_action.setEnabled(node is not None)
        self.move_action.setEnabled(active)
        self.retire_action.setEnabled(active)
        self.restore_action.setEnabled(node is not None and node.retired)
        self.appoint_action.setEnabled(active)
        self.ledger_action.setEnabled(attached)
        self.new_button.setEnabled(attached)
        self.tree.setDragEnabled(attached)

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for act in (self.new_sub_action, self.new_top_action, None, self.edit_action,
                    self.move_action, self.retire_action, self.restore_action, None,
                    self.appoint_action):
            if act is None:
                menu.addSeparator()
            else:
                menu.addAction(act)
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and self.edit_action.isEnabled():
            self.edit_action.trigger()

    def _show_retired_toggled(self, checked: bool) -> None:
        current = self.current_id()
        self._restoring = True
        try:
            self.model.set_show_retired(checked)
            self._expand_remembered()
            self._select(current)
        finally:
            self._restoring = False
        self.current_changed.emit(self.current_node())

    def _on_expanded(self, index: QModelIndex) -> None:
        self._expanded.add(index.data(ORG_ID_ROLE))

    def _on_collapsed(self, index: QModelIndex) -> None:
        self._expanded.discard(index.data(ORG_ID_ROLE))

    def _current_row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._restoring:
            self.current_changed.emit(self.current_node())


class RosterTab(QWidget):
    """The tab: organisation tree on the left, its details on the right."""

    status_message = Signal(str)
    ledger_opened = Signal(object)  # the PdfPreviewDialog

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = OrgTreeModel(self)
        self.tree_panel = OrgTreePanel(self.model, self)
        self.detail = OrgDetailPanel(self)
        self.org_actions = OrgActions(self, undo_stack, self.model)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tree_panel)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self._db: Database | None = None
        self._unit = ""
        self.preview: PdfPreviewDialog | None = None  # the open ledger preview, if any
        self.ledger_job: BackgroundJob | None = None

        panel = self.tree_panel
        panel.current_changed.connect(self._show_current)
        panel.new_sub_action.triggered.connect(lambda: self._with_node(self.org_actions.new_org))
        panel.new_top_action.triggered.connect(lambda: self.org_actions.new_org(None))
        panel.edit_action.triggered.connect(lambda: self._with_node(self.org_actions.edit))
        panel.move_action.triggered.connect(lambda: self._with_node(self.org_actions.move))
        panel.retire_action.triggered.connect(lambda: self._with_node(self.org_actions.retire))
        panel.restore_action.triggered.connect(lambda: self._with_node(self.org_actions.restore))
        panel.appoint_action.triggered.connect(lambda: self._with_node(self.org_actions.appoint))
        panel.ledger_action.triggered.connect(lambda: self.open_ledger())
        self.detail.appoint_requested.connect(lambda: self._with_node(self.org_actions.appoint))
        self.detail.end_term_requested.connect(self._end_term)
        self.org_actions.changed.connect(lambda org_id: self.reload(org_id or None))
        self.org_actions.status.connect(self.status_message)

    # --- data ---------------------------------------------------------------------------
    def attach(self, service: OrgService, db: Database, unit: str) -> None:
        """Start showing data: called once the main window has opened the database."""
        self.org_actions.attach(service)
        self._db = db
        self._unit = unit
        self.reload()

    def set_unit(self, unit: str, operator: str) -> None:
        """The office profile changed (Settings)."""
        self._unit = unit
        if self.org_actions.attached:
            self.org_actions.service.operator = operator

    @property
    def service(self) -> OrgService:
        return self.org_actions.service

    def reload(self, select_id: str | None = None) -> None:
        if not self.org_actions.attached:
            return
        self.tree_panel.set_nodes(self.service.list_orgs(include_retired=True), select_id)

    def _show_current(self, node: OrgNode | None) -> None:
        attached = self.org_actions.attached
        self.tree_panel.update_actions(attached)
        self.detail.set_enabled_actions(attached)
        if node is None or not attached:
            self.detail.clear()
            return
        parent = self.model.node(node.parent_id)
        self.detail.show_org(node, parent.name if parent else None,
                             self.service.seats(node.id), self.service.history(node.id))

    def _with_node(self, act: Callable[[OrgNode], object]) -> None:
        node = self.tree_panel.current_node()
        if node is not None:
            act(node)

    def _end_term(self, seat: object) -> None:
        node = self.detail.node
        if node is not None:
            self.org_actions.end_term(node, seat)  # type: ignore[arg-type]

    # --- the ledger -----------------------------------------------------------------------
    def open_ledger(self) -> BackgroundJob | None:
        """Make the ledger of party organisations in the background, then preview it."""
        if self._db is None:
            return None
        if self.ledger_job is not None and self.ledger_job.running:
            return self.ledger_job
        from gridoffice.ledgers.org_ledger import render_org_ledger

        db, unit, today = self._db, self._unit, dt.date.today()
        fd, name = tempfile.mkstemp(prefix="gridoffice-orgs-", suffix=".pdf")
        os.close(fd)
        path = Path(name)

        def task(progress: object) -> object:
            return render_org_ledger(db, path, unit=unit, as_of=today,
                                     progress=progress)  # type: ignore[arg-type]

        job = BackgroundJob(self, task, label=self.tr("Making the ledger of party organisations…"),
                            on_success=lambda result: self._show_ledger(result, today))
        job.failed.connect(lambda _exc: path.unlink(missing_ok=True))
        job.cancelled.connect(lambda: path.unlink(missing_ok=True))
        job.cancelled.connect(
            lambda: self.status_message.emit(self.tr("Making the ledger was cancelled.")))
        job.finished.connect(self._ledger_job_finished)
        self.ledger_job = job.start()
        return job

    def _ledger_job_finished(self) -> None:
        self.ledger_job = None

    def _show_ledger(self, result: object, today: dt.date) -> None:
        from gridoffice.ui.dialogs.pdf_preview import PdfPreviewDialog

        self.preview = PdfPreviewDialog.show_preview(
            self.window(), Path(result.path),  # type: ignore[attr-defined]
            title=self.tr("Ledger of party organisations"),
            suggested_name=f"{LEDGER_FILE_STEM}_{today.isoformat()}.pdf",
            missing_chars=list(getattr(result, "missing_chars", ()) or ()),
            delete_on_close=True)
        self.preview.destroyed.connect(self._preview_closed)
        self.ledger_opened.emit(self.preview)

    def _preview_closed(self) -> None:
        self.preview = None

    # --- window state ---------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("roster/splitter", self.splitter.saveState())
        settings.setValue("roster/detail_splitter", self.detail.splitter.saveState())
        settings.setValue("roster/show_retired", self.tree_panel.show_retired_box.isChecked())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("roster/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        state = settings.value("roster/detail_splitter")
        if state is not None:
            self.detail.splitter.restoreState(state)
        show = settings.value("roster/show_retired", False)
        self.tree_panel.show_retired_box.setChecked(str(show).lower() == "true")
