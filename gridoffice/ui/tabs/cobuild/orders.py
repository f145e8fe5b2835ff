"""The orders page (需求清单) of the co-building tab: filters, the list (overdue in
red), the completion line, and below the selected order its details, its history
of steps, its files and the resources that match it. A community records needs,
assigns them to its own resources or sends them up, records what the unit and the
resident said; the street office sees what its communities sent up, dispatches to
a unit or department, or returns."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
)

from gridoffice.domain import cobuild
from gridoffice.ui import messages
from gridoffice.ui.dialogs import cobuild_dialogs as dialogs
from gridoffice.ui.dialogs.resident_dialogs import code_combo
from gridoffice.ui.labels import code_label, date_text
from gridoffice.ui.models.cobuild_tables import (
    ORD_DESCRIPTION,
    MatchTableModel,
    OrderTableModel,
    StepTableModel,
)
from gridoffice.ui.tabs.cobuild.page import Page
from gridoffice.ui.widgets.actions import make_action
from gridoffice.ui.widgets.community import show_community_column
from gridoffice.ui.widgets.inputs import search_while_typing, signals_blocked
from gridoffice.ui.widgets.tables import current_item, row_table, select_row, text_toolbar

if TYPE_CHECKING:
    from gridoffice.services.cobuild import OrderDetail, OrderQuery, OrderRow

OPEN, OVERDUE = "open", "overdue"
#: the states each step may be recorded in (as the domain's rules)
ALLOWED = {kind: rule[0] for kind, rule in cobuild.RULES.items()}


class OrdersPage(Page):
    """See the module docstring."""

    def __init__(self, host: Any, street: bool = False) -> None:
        super().__init__(host)
        self._street = street
        act = lambda text, slot, key=None: make_action(self, text, slot, key)  # noqa: E731
        step = lambda kind: lambda: self.record(kind)  # noqa: E731
        self.new_action = act(self.tr("Record a need…"), self.new_order, "Ctrl+N")
        self.edit_action = act(self.tr("Correct…"), self.edit_order)
        self.assign_action = act(self.tr("Assign…"), step(cobuild.ASSIGN), "Ctrl+Shift+A")
        self.send_up_action = act(self.tr("Send up to the street…"), step(cobuild.SEND_UP))
        self.dispatch_action = act(self.tr("Dispatch…"), step(cobuild.DISPATCH), "Ctrl+Shift+D")
        self.return_action = act(self.tr("Return…"), step(cobuild.RETURN))
        self.claim_action = act(self.tr("Claimed…"), step(cobuild.CLAIM))
        self.progress_action = act(self.tr("Progress…"), step(cobuild.PROGRESS))
        self.complete_action = act(self.tr("Completed…"), step(cobuild.COMPLETE))
        self.rate_action = act(self.tr("Rating…"), step(cobuild.RATE))
        self.close_action = act(self.tr("Close…"), step(cobuild.CLOSE))
        self.attach_action = act(self.tr("Attach file…"), self.attach)
        self.reveal_action = act(self.tr("Show full contact"), self.reveal)
        self.step_actions = {
            cobuild.ASSIGN: self.assign_action, cobuild.SEND_UP: self.send_up_action,
            cobuild.DISPATCH: self.dispatch_action, cobuild.RETURN: self.return_action,
            cobuild.CLAIM: self.claim_action, cobuild.PROGRESS: self.progress_action,
            cobuild.COMPLETE: self.complete_action, cobuild.RATE: self.rate_action,
            cobuild.CLOSE: self.close_action}
        # the steps this kind of office records (the street: its dispatch and what it
        # hears from the unit; a community: the rest)
        self.toolbar = text_toolbar(self, [
            self.dispatch_action, self.return_action, None, self.claim_action,
            self.progress_action, self.complete_action] if street else [
            self.new_action, self.edit_action, None, self.assign_action, self.send_up_action,
            None, self.claim_action, self.progress_action, self.complete_action,
            self.rate_action, self.close_action, None, self.attach_action,
            self.reveal_action])
        # filters
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Number, resident or need"))
        self.search_edit.setClearButtonEnabled(True)
        self.state_combo = QComboBox(self)
        self.state_combo.addItem(self.tr("All states"), None)
        self.state_combo.addItem(self.tr("Not finished"), OPEN)
        self.state_combo.addItem(self.tr("Overdue"), OVERDUE)
        for code in cobuild.STATES:
            self.state_combo.addItem(code_label(cobuild.STATES, code.code), code.code)
        self.category_combo = code_combo(self, cobuild.CATEGORIES, empty=self.tr("All categories"))
        self.grid_combo = QComboBox(self)
        self.year_combo = QComboBox(self)
        self.count_label = QLabel(self)
        filters = QHBoxLayout()
        for widget in (self.search_edit, self.state_combo, self.category_combo, self.grid_combo,
                       self.year_combo):
            filters.addWidget(widget)
        filters.addWidget(self.count_label, 1)
        for combo in (self.state_combo, self.category_combo, self.grid_combo, self.year_combo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search_timer = search_while_typing(self, self.search_edit, self.refresh, 300)
        # list and detail
        self.model = OrderTableModel(self)
        self.view = row_table(self, self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(False)
        self._filling = False
        self.view.selectionModel().currentRowChanged.connect(
            lambda *_a: None if self._filling else self.show_detail())
        self.view.activated.connect(lambda _i: self.edit_order())
        self.info_label = QLabel(self)
        self.info_label.setWordWrap(True)
        self.info_label.setTextFormat(Qt.TextFormat.RichText)
        self.info_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.steps_model = StepTableModel(self)
        self.steps_view = row_table(self, self.steps_model)
        self.steps_view.verticalHeader().hide()
        self.files_list = QListWidget(self)
        self.files_list.itemActivated.connect(lambda _i: self.save_file())
        self.matches_model = MatchTableModel(self)
        self.matches_view = row_table(self, self.matches_model)
        self.matches_view.verticalHeader().hide()
        self.detail_tabs = QTabWidget(self)
        self.detail_tabs.setDocumentMode(True)
        self.detail_tabs.addTab(self.steps_view, self.tr("History"))
        self.detail_tabs.addTab(self.files_list, self.tr("Files"))
        self.detail_tabs.addTab(self.matches_view, self.tr("Matching resources"))
        self.detail_tabs.setTabVisible(2, not street)  # the street dispatches, it does not match
        detail = QSplitter(Qt.Orientation.Horizontal, self)
        detail.addWidget(self.info_label)
        detail.addWidget(self.detail_tabs)
        detail.setSizes([380, 620])
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(detail)
        self.splitter.setSizes([420, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        self.detail: OrderDetail | None = None
        show_community_column(self.view, self.model, host.community)
        self.view.horizontalHeader().setSectionResizeMode(
            ORD_DESCRIPTION, QHeaderView.ResizeMode.Stretch)

    # --- reading ------------------------------------------------------------------------
    def fill_choices(self) -> None:
        """The grids and years to filter by (kept as chosen)."""
        grid, year = self.grid_combo.currentData(), self.year_combo.currentData()
        today = self.service.today()
        with signals_blocked(self.grid_combo, self.year_combo):
            self.grid_combo.clear()
            self.grid_combo.addItem(self.tr("All grids"), None)
            for grid_id, name in self.host.grids:
                self.grid_combo.addItem(name, grid_id)
            self.year_combo.clear()
            self.year_combo.addItem(self.tr("All years"), None)
            for value in range(today.year, today.year - 6, -1):
                self.year_combo.addItem(str(value), value)
            self.grid_combo.setCurrentIndex(max(self.grid_combo.findData(grid), 0))
            self.year_combo.setCurrentIndex(max(self.year_combo.findData(year), 0))
        self.grid_combo.setVisible(not self._street and bool(self.host.grids))

    def query(self) -> OrderQuery:
        from gridoffice.services.cobuild import OrderQuery

        state = self.state_combo.currentData()
        return OrderQuery(state=state, category=self.category_combo.currentData(),
                          grid_id=self.grid_combo.currentData(),
                          year=self.year_combo.currentData(), text=self.search_edit.text(),
                          sent_up=self._street, office=self.host.community_filter.office())

    def refresh(self, select_id: str | None = None) -> None:
        self.search_timer.stop()
        keep = select_id or getattr(self.current(), "id", None)
        rows = self.service.orders(self.query())
        self._filling = True  # the detail once, below, not per selection change
        try:
            self.model.set_rows(rows)
            if select_row(self.view, self.model, keep) < 0 and rows:
                self.view.selectRow(0)
        finally:
            self._filling = False
        self.count_label.setText(self.count_text(rows))
        self.show_detail()

    def count_text(self, rows: list[OrderRow]) -> str:
        taken = [r for r in rows if r.accepted_on is not None]
        done = sum(1 for r in taken if r.state in cobuild.COMPLETED)
        overdue = sum(1 for r in rows if r.overdue)
        rate = f"{done / len(taken):.1%}" if taken else "—"
        return self.tr("{count} orders; {taken} taken on, {done} completed ({rate}); "
                       "{overdue} overdue").format(count=len(rows), taken=len(taken),
                                                   done=done, rate=rate, overdue=overdue)

    def current(self) -> OrderRow | None:
        row: OrderRow | None = current_item(self.view, self.model)
        return row

    def show_detail(self) -> None:
        row = self.current()
        self.detail = self.service.order(row.id) if row is not None else None
        detail = self.detail
        if detail is None:
            self.info_label.setText("")
            self.steps_model.set_rows([])
            self.files_list.clear()
            self.matches_model.set_rows([])
            self.update_actions()
            return
        self.info_label.setText(self.info_html(detail))
        self.steps_model.set_rows(detail.steps)
        self.files_list.clear()
        for f in detail.files:
            item = QListWidgetItem(self.tr("{name}, added {date}").format(
                name=f.file_name, date=date_text(f.added_at.date())))
            item.setData(Qt.ItemDataRole.UserRole, f.id)
            self.files_list.addItem(item)
        self.detail_tabs.setTabText(1, self.tr("Files ({n})").format(n=len(detail.files)))
        matches = (self.service.matches(row.id) if not self._street
                   and row.state in (cobuild.NEW, cobuild.RETURNED, cobuild.COMMUNITY) else [])
        self.matches_model.set_rows(matches)
        self.update_actions()

    def info_html(self, detail: OrderDetail) -> str:
        r = detail.row
        lines = [
            (self.tr("No."), r.code), (self.tr("Resident"), r.person or self.tr("(none)")),
            (self.tr("Grid"), r.grid_name), (self.tr("Address"), detail.address),
            (self.tr("Phone"), detail.phone + (self.tr(" (the unit may call)")
                                               if detail.phone_consent else "")),
            (self.tr("Category"), code_label(cobuild.CATEGORIES, r.category)),
            (self.tr("Urgency"), code_label(cobuild.URGENCIES, r.urgency)
             + (f"（{date_text(detail.plan_date)}）" if detail.plan_date else "")),
            (self.tr("Source"), code_label(cobuild.SOURCES, r.source)
             + (f"：{detail.source_text}" if detail.source_text else "")),
            (self.tr("State"), self.model.state_text(r)),
            (self.tr("Handled by"), r.assignee_name), (self.tr("Deadline"), date_text(r.deadline)),
            (self.tr("Service or project"), detail.project_name),
            (self.tr("Recorded by"), detail.recorded_by), (self.tr("Note"), detail.note or ""),
        ]
        body = "".join(f"<tr><td style='color:#555;padding-right:8px'>{html.escape(k)}</td>"
                       f"<td>{html.escape(v)}</td></tr>" for k, v in lines if v)
        need = html.escape(r.description).replace("\n", "<br>")
        return f"<p><b>{need}</b></p><table>{body}</table>"

    def update_actions(self) -> None:
        row = self.current()
        state = row.state if row is not None else None
        street = self._street
        for kind, action in self.step_actions.items():
            mine = kind in (cobuild.STREET_STEPS if street else cobuild.COMMUNITY_STEPS)
            action.setEnabled(mine and state in ALLOWED[kind])
        own = row is not None and row.origin_office == self.host.own_office
        self.new_action.setEnabled(not street)
        self.edit_action.setEnabled(own and state not in cobuild.FINISHED)
        self.attach_action.setEnabled(own)
        self.reveal_action.setEnabled(row is not None and not street)

    # --- writing ------------------------------------------------------------------------
    def new_order(self) -> str | None:
        host = self.host
        order_id = dialogs.OrderDialog(
            self, save=self.service.raise_order, grids=host.grids, projects=host.projects(),
            find=self.service.find_residents, today=self.service.today(),
            sources=self.service.source_choices).ask_result()
        if order_id is not None:
            host.written(select=order_id)
            host.status_message.emit(self.tr("The need was recorded."))
        return order_id

    def edit_order(self) -> None:
        row = self.current()
        if row is None or not self.edit_action.isEnabled():
            return
        service, host = self.service, self.host
        before = service.order_draft(row.id)
        after = dialogs.OrderDialog(
            self, save=lambda d: service.update_order(row.id, d) or d, grids=host.grids,
            projects=host.projects(), find=service.find_residents, today=service.today(),
            draft=before, sources=service.source_choices).ask_result()
        if after is not None:
            host.push(self.tr("Correct need"), lambda: service.update_order(row.id, after),
                      lambda: service.update_order(row.id, before), select=row.id)

    def record(self, kind: str) -> str | None:
        """Record a step of the selected order (never undone: the history is kept; a
        wrong step is followed by the right one)."""
        row = self.current()
        action = self.step_actions[kind]
        if row is None or not action.isEnabled():
            return None
        assignees = self.host.assignees(kind) if kind in (cobuild.ASSIGN,
                                                          cobuild.DISPATCH) else None
        if assignees is not None and not any(assignees.values()):
            messages.inform(self, self.tr("There is nobody to give it to yet: add units of "
                                          "the area (or departments, at the street) first."))
            return None
        step_id = dialogs.StepDialog(
            self, kind, order_text=f"{row.code}　{row.description}",
            save=lambda draft: self.service.record_step(row.id, draft),
            today=self.service.today(), assignees=assignees,
            matches=self.matches_model.rows() if kind == cobuild.ASSIGN else ()).ask_result()
        if step_id is not None:
            self.host.written(select=row.id)
            self.host.status_message.emit(self.tr("{step} was recorded for order {code}.").format(
                step=code_label(cobuild.STEPS, kind), code=row.code))
        return step_id

    def attach(self) -> str | None:
        row = self.current()
        if row is None:
            return None
        return self.attach_file("service_order", row.id, self.tr("File to attach"))

    def save_file(self) -> Path | None:
        return self.save_file_of(self.files_list)

    def reveal(self) -> tuple[str, str] | None:
        row = self.current()
        if row is None:
            return None
        found = self._try(lambda: self.service.reveal_order(row.id))
        if found is not None:
            address, phone = found
            messages.inform(self, self.tr("Address: {address}\nPhone: {phone}").format(
                address=address or "—", phone=phone or "—"))
            self.host.notify_audit()
        return found

    def show_filtered(self, filters: dict[str, Any]) -> None:
        """A workbench item: a state ("overdue", "open", a state's code)."""
        with signals_blocked(self.state_combo, self.category_combo, self.grid_combo,
                             self.year_combo):
            self.state_combo.setCurrentIndex(max(self.state_combo.findData(
                filters.get("state")), 0))
            self.category_combo.setCurrentIndex(0)
            self.grid_combo.setCurrentIndex(0)
            self.year_combo.setCurrentIndex(0)
        self.search_edit.clear()
        self.refresh()
