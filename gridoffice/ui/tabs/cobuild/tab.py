"""The "Co-building" tab (共驻共建, 区域化党建).

Pages: the residents' orders (需求清单) with each order's history, files and the
resources that match it (:mod:`.orders`); the resources (资源清单) and the services
and projects (服务清单) (:mod:`.lists`); the units of the area with their
agreements, the yearly two-way review and the completion rates (:mod:`.units`);
at the street office also its departments. A community records needs, assigns
them or sends them up; the street sees what its communities sent up and dispatches
it. The Print menu in the corner offers the ledgers of
:mod:`gridoffice.ledgers.cobuild_ledger`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTabWidget, QToolButton, QVBoxLayout, QWidget

from gridoffice.domain import access, cobuild
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services import changes
from gridoffice.services.changes import Changes
from gridoffice.ui import messages
from gridoffice.ui.ledger_menu import LedgerMenu
from gridoffice.ui.tabs.access_gate import AccessGate
from gridoffice.ui.tabs.base import BaseTab
from gridoffice.ui.tabs.cobuild.lists import DepartmentsPage, ProjectsPage, ResourcesPage
from gridoffice.ui.tabs.cobuild.orders import OrdersPage
from gridoffice.ui.tabs.cobuild.units import RatesPage, ReviewPage, UnitsPage
from gridoffice.ui.undo import ServiceCommand, report_refused
from gridoffice.ui.widgets.community import CommunityFilter, CommunityScope

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QUndoStack

    from gridoffice.errors import UserError
    from gridoffice.ledgers.catalogue import Ledger
    from gridoffice.services.cobuild import CobuildService
    from gridoffice.services.container import Services

PAGE_ORDERS, PAGE_RESOURCES, PAGE_PROJECTS, PAGE_UNITS, PAGE_REVIEW, PAGE_RATES = range(6)
PAGE_DEPARTMENTS = 6


class CobuildTab(BaseTab):
    """See the module docstring."""

    key = "cobuild"
    view_permission = access.COBUILD_VIEW
    title_text = QT_TRANSLATE_NOOP("MainWindow", "Co-building")
    watches = changes.COBUILD | {"grid", "registration", "resident", "points_entry",
                                 "agenda_item", "visit"}

    def __init__(self, undo_stack: QUndoStack | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(undo_stack, parent)
        self.service: CobuildService | None = None
        self.grids: list[tuple[str, str]] = []
        self.own_office = ""
        self.community = CommunityScope()
        self.community_filter = CommunityFilter(self)
        self.community_filter.changed.connect(lambda: self.refresh_pages())
        self.pages = QTabWidget(self)
        self.pages.setDocumentMode(True)
        self.orders_page: OrdersPage | None = None
        self.built: dict[int, Any] = {}
        self._stale: set[int] = set()  # pages to read again when next shown
        self.pages.currentChanged.connect(lambda _i: self._show_current())
        self.ledger_menu = LedgerMenu(self, "cobuild")
        self.print_button = QToolButton(self)
        self.print_button.setText(self.tr("Print"))
        self.print_button.setMenu(self.ledger_menu.menu)
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.pages.setCornerWidget(self.print_button, Qt.Corner.TopRightCorner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.community_filter)
        layout.addWidget(self.pages)
        self.gate = AccessGate()
        self.gate.add(access.PRINT, *self.ledger_menu.actions())
        self.gate.add_menu_buttons(self.print_button)

    # --- attaching ------------------------------------------------------------------------
    def set_scope(self, scope: CommunityScope) -> None:
        super().set_scope(scope)
        self.community = scope
        self.community_filter.set_scope(scope)

    def attach(self, services: Services) -> None:
        super().attach(services)
        self.service = services.cobuild
        self.own_office = services.db.office_id
        if not self.built:
            self._build_pages()
        self.reload_for(Changes.everything())

    def _build_pages(self) -> None:
        """The pages, once the service is there (their choices read from it)."""
        street = self.community.active
        self.orders_page = OrdersPage(self, street)
        pages = [(PAGE_ORDERS, self.orders_page,
                  self.tr("Orders sent up") if street else self.tr("Needs (orders)")),
                 (PAGE_RESOURCES, ResourcesPage(self), self.tr("Resources")),
                 (PAGE_PROJECTS, ProjectsPage(self), self.tr("Services and projects")),
                 (PAGE_UNITS, UnitsPage(self), self.tr("Units of the area")),
                 (PAGE_REVIEW, ReviewPage(self), self.tr("Two-way review")),
                 (PAGE_RATES, RatesPage(self), self.tr("Completion rates"))]
        if street:
            pages.append((PAGE_DEPARTMENTS, DepartmentsPage(self), self.tr("Departments")))
        for index, page, title in pages:
            self.built[index] = page
            self.pages.addTab(page, title)
        self._declare_access()
        if self.services is not None and self.services.actor is not None:
            self.apply_access(self.services.actor)

    def _declare_access(self) -> None:
        orders = self.built[PAGE_ORDERS]
        gate = self.gate
        gate.add(access.ORDERS_EDIT, orders.new_action, orders.edit_action, orders.claim_action,
                 orders.progress_action, orders.complete_action, orders.rate_action,
                 orders.attach_action)
        gate.add(access.COBUILD_EDIT, orders.assign_action, orders.send_up_action,
                 orders.dispatch_action, orders.return_action, orders.close_action)
        gate.add(access.REVEAL, orders.reveal_action)
        for index in (PAGE_RESOURCES, PAGE_PROJECTS, PAGE_UNITS, PAGE_DEPARTMENTS):
            page = self.built.get(index)
            if page is not None:
                gate.add(access.COBUILD_EDIT, *[a for a in page.toolbar.actions()
                                                if not a.isSeparator()])
        review = self.built[PAGE_REVIEW]
        gate.add(access.COBUILD_EDIT, review.rate_action, review.returned_action)

    def apply_access(self, actor: access.Actor) -> None:
        self.gate.apply(actor)

    def page(self, index: int) -> Any:
        """The page ``index``, read again first if the data changed since it was shown."""
        page = self.built.get(index)
        if page is not None and index in self._stale:
            self._stale.discard(index)
            page.refresh()
        return page

    # --- reading ----------------------------------------------------------------------------
    def reload_for(self, changes: Changes) -> None:
        if self.services is None:
            return
        self.grids = self.services.grid_choices() if self.services.actor is None or \
            self.services.actor.allows(access.HOUSEHOLDS_VIEW) else []
        if self.orders_page is not None:
            self.orders_page.fill_choices()
        self.refresh_pages()

    def refresh_pages(self, select: str | None = None) -> None:
        """Read the page shown again now (keeping ``select`` selected), the others when
        they are next shown (each reads the year's orders: the tab's first load reads
        one page, not six)."""
        self._stale = set(self.built)
        index = self._current_index()
        if index is not None:
            self._stale.discard(index)
            self.built[index].refresh(select)

    def _current_index(self) -> int | None:
        return next((i for i, p in self.built.items() if p is self.pages.currentWidget()),
                    None)

    def _show_current(self) -> None:
        index = self._current_index()
        if index is not None:
            self.page(index)

    def open_view(self, view: str, filters: dict[str, Any]) -> bool:
        """A workbench item: the orders overdue, or not yet assigned."""
        if view != "orders" or self.orders_page is None:
            return False
        self.pages.setCurrentIndex(PAGE_ORDERS)
        self.orders_page.show_filtered(filters)
        self.orders_page.view.setFocus()
        return True

    # --- choices the pages offer ------------------------------------------------------------
    def unit_choices(self) -> list[tuple[str, str]]:
        assert self.service is not None
        return self.service.unit_choices()

    def member_choices(self) -> list[tuple[str, str]]:
        assert self.services is not None
        from gridoffice.services.inservice import RegistrationQuery

        rows = self.services.inservice.registrations(RegistrationQuery(review_status="approved"))
        return [(r.id, f"{r.name}（{r.work_unit}）") for r in rows]

    def projects(self) -> list[tuple[str, str]]:
        assert self.service is not None
        return [(p.id, p.name) for p in self.service.projects()
                if p.origin_office == self.own_office]

    def assignees(self, kind: str) -> dict[str, list[tuple[str, str]]]:
        """Whom an order may be given to: the community's units, members and grid teams;
        the street's units and departments."""
        assert self.service is not None
        units = self.unit_choices()
        if kind == cobuild.DISPATCH:
            return {cobuild.DEPARTMENT: [(d.id, d.name) for d in self.service.departments()],
                    cobuild.UNIT: units}
        return {cobuild.UNIT: units, cobuild.MEMBER: self.member_choices(),
                cobuild.GRID_TEAM: list(self.grids)}

    @staticmethod
    def translate_code(label: str) -> str:
        return QCoreApplication.translate("codes", label)

    # --- writing ----------------------------------------------------------------------------
    def written(self, select: str | None = None) -> None:
        """Something was stored (not undoable): show it and tell the other tabs."""
        self.refresh_pages(select)
        self.notify(Changes.area("cobuild"))

    def notify_audit(self) -> None:
        self.notify(Changes.of("audit_log"))

    def push(self, text: str, apply: Callable[[], object],
             revert: Callable[[], object] | None, select: str | None = None) -> None:
        """A change already stored: undoable from Edit ▸ Undo when it has an inverse."""
        if self.undo_stack is not None and revert is not None:
            self.undo_stack.push(ServiceCommand(self, text, apply, revert,
                                                changes=Changes.area("cobuild"), select=select))
        else:
            self.command_done(Changes.area("cobuild"), select)

    def command_done(self, changes: Changes, select: str | None) -> None:
        self.refresh_pages(select)
        self.notify(changes)

    def report_failure(self, err: UserError, undoing: bool) -> None:
        report_refused(self, err, undoing)

    # --- files (seams the tests replace) ----------------------------------------------------
    def ask_open_path(self, title: str) -> str:
        from PySide6.QtWidgets import QFileDialog

        return QFileDialog.getOpenFileName(self, title)[0]

    def ask_save_path(self, name: str) -> str:
        from PySide6.QtWidgets import QFileDialog

        return QFileDialog.getSaveFileName(self, self.tr("Save a copy"), name)[0]

    def save_copy(self, name: str, content: bytes) -> Path | None:
        """Save an attached file where the user chooses."""
        target = self.ask_save_path(name)
        if not target:
            return None
        if self.services is not None and messages.output_refused(self, target,
                                                                 self.services.db.path):
            return None
        from gridoffice.errors import UserError
        from gridoffice.fileio import atomic_output

        path = Path(target)
        try:
            with atomic_output(path) as tmp:
                tmp.write_bytes(content)
        except UserError as err:  # a missing folder, a full disk: said in Chinese
            messages.show_user_error(self, err)
            return None
        except OSError as exc:
            from gridoffice.paths import storage_error

            messages.show_user_error(self, storage_error(path, exc))
            return None
        self.status_message.emit(self.tr("Saved {path}.").format(path=path))
        return path

    # --- printing ---------------------------------------------------------------------------
    def ledger_values(self, entry: Ledger, key: str = "") -> dict[str, Any] | None:
        """The year shown (the orders' filter, the review's year), the order selected."""
        page = self.orders_page
        values: dict[str, Any] = {}
        if entry.name in ("needs", "orders"):
            chosen = page.year_combo.currentData() if page is not None else None
            values["year"] = chosen or (self.service.today().year if self.service
                                        else dt.date.today().year)
        if entry.name in ("review", "review-forms"):
            review = self.built.get(PAGE_REVIEW)
            values["year"] = review.year if review is not None else dt.date.today().year
        if entry.name == "work-orders":
            if key == "selected":
                row = page.current() if page is not None else None
                if row is None:
                    messages.inform(self, self.tr("Select an order first."))
                    return None
                values.update(order_id=row.id, order=row.code)
            else:
                values.update(order_id=None, order="")
        if self.services is not None:
            values["actor"] = self.services.actor
        return values

    def layout_widgets(self) -> list[tuple[str, Any]]:
        if self.orders_page is None:
            return []
        return [("cobuild/splitter", self.orders_page.splitter),
                ("cobuild/columns", self.orders_page.view.horizontalHeader())]
