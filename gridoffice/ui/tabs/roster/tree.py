"""The organisation tree of the roster tab: its toolbar ("New", "Edit…", …), "All
organisations", Show retired, the tree itself with its context menu and keyboard
shortcuts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain import orgs as rules
from gridoffice.ui.models.org_tree import COL_NAME, NODE_ROLE, ORG_ID_ROLE, OrgTreeModel
from gridoffice.ui.widgets.actions import make_action
from gridoffice.ui.widgets.community import CommunityFilter, CommunityScope

if TYPE_CHECKING:
    from gridoffice.services.orgs import OrgNode


class OrgTreePanel(QWidget):
    """The organisation tree with its toolbar, context menu and keyboard shortcuts."""

    current_changed = Signal(object)  # OrgNode or None
    #: the user chose an organisation (click, keyboard), not a reload
    org_chosen = Signal()
    #: the user chose "All organisations"
    all_chosen = Signal()

    def __init__(self, model: OrgTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.community = CommunityScope()  # the street's view: set by the tab
        # Street office: the filter picks one community's organisation tree.
        self.community_filter = CommunityFilter(self)
        self._expanded: set[str] = set()
        self._first_load = True
        self._restoring = False
        self._build_actions()
        self._build_toolbar()
        self._build_top_row()
        self._build_tree()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.community_filter)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.all_button, 1)
        top.addWidget(self.show_retired_box)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        self.update_actions(False)

    def _build_actions(self) -> None:
        """The organisation actions (shortcuts work while focus is in the panel)."""
        self.new_sub_action = make_action(
            self, self.tr("New sub-organisation…"), shortcut=QKeySequence(Qt.Key.Key_Insert),
            tip=self.tr("Add an organisation under the selected one (Ins)"))
        self.new_top_action = make_action(self, self.tr("New top-level organisation…"))
        self.edit_action = make_action(self, self.tr("Edit…"),
                                       shortcut=QKeySequence(Qt.Key.Key_F2),
                                       tip=self.tr("Edit the selected organisation (F2)"))
        self.move_action = make_action(self, self.tr("Move…"))
        self.retire_action = make_action(self, self.tr("Retire…"))
        self.restore_action = make_action(self, self.tr("Restore"))
        self.appoint_action = make_action(self, self.tr("Appoint to a committee seat…"))
        self.ledger_action = make_action(self, self.tr("Ledger of party organisations…"))

    def _build_toolbar(self) -> None:
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

    def _build_top_row(self) -> None:
        """"All organisations" and Show retired, above the tree."""
        self.show_retired_box = QCheckBox(self.tr("Show retired"), self)
        self.show_retired_box.toggled.connect(self._show_retired_toggled)
        self.all_button = QPushButton(self.tr("All organisations"), self)
        self.all_button.setToolTip(self.tr(
            "Members of every organisation, and in-service members registered with their "
            "work unit's party organisation"))
        self.all_button.setCheckable(True)
        self.all_button.setFlat(True)
        self.all_button.setAutoDefault(False)
        self.all_button.setStyleSheet("QPushButton { text-align: left; padding: 4px 8px; }"
                                      " QPushButton:checked { font-weight: bold; }")
        self.all_button.clicked.connect(lambda _c: self.choose_all())

    def _build_tree(self) -> None:
        model = self.model
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
        self.tree.clicked.connect(lambda _index: self._chosen())
        self.tree.expanded.connect(self._on_expanded)
        self.tree.collapsed.connect(self._on_collapsed)
        self.tree.selectionModel().currentRowChanged.connect(self._current_row_changed)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(1, model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

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
        locked = self.community.lock(
            (self.new_sub_action, self.edit_action, self.move_action, self.retire_action,
             self.restore_action, self.appoint_action),
            node.origin_office if node else None,
            locked=node is not None and self.community.read_only(node.origin_office))
        self.tree.setDragEnabled(attached and not locked)

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
            self._chosen()

    def _chosen(self) -> None:
        self.all_button.setChecked(False)
        self.org_chosen.emit()

    def choose_all(self) -> None:
        """"All organisations": the tree keeps its current item, without a highlight."""
        self.all_button.setChecked(True)
        self.tree.selectionModel().clearSelection()
        self.all_chosen.emit()

    def showing_all(self) -> bool:
        return self.all_button.isChecked()

