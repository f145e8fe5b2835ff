"""The pages of the in-service tab after the registrations: service posts with
their claims, activities with their service records, and the points of a period.

Each page asks the tab (its ``host``) for the service, the grids and the undo
stack, and reads its lists on the GUI thread (they are small).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain import inservice as rules
from gridoffice.errors import UserError
from gridoffice.ui import messages
from gridoffice.ui.dialogs import inservice_dialogs as dialogs
from gridoffice.ui.models.inservice_tables import (
    ActivityTableModel,
    ClaimTableModel,
    PointsTableModel,
    PostTableModel,
    RecordTableModel,
    UnitSummaryTableModel,
)
from gridoffice.ui.tabs.meeting_detail import _table
from gridoffice.ui.widgets.actions import make_action
from gridoffice.ui.widgets.community import show_community_column

if TYPE_CHECKING:
    from gridoffice.services.inservice import InServiceService

BANNER_STYLE = "background: #e3f2fd; color: #0d47a1; padding: 4px 8px;"


def _toolbar(parent: QWidget, actions: list[QAction | None]) -> QToolBar:
    bar = QToolBar(parent)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for act in actions:
        if act is None:
            bar.addSeparator()
        else:
            bar.addAction(act)
    return bar


def _select(view: Any, model: Any, row_id: str | None) -> None:
    row = model.row_of(row_id) if row_id else -1
    if row < 0 and model.rowCount():
        row = 0
    if row >= 0:
        view.setCurrentIndex(model.index(row, 0))


def _current(view: Any, model: Any) -> Any:
    index = view.currentIndex()
    return model.row_at(index.row()) if index.isValid() else None


class Page(QWidget):
    """A page of the in-service tab; ``host`` is the tab."""

    def __init__(self, host: Any) -> None:
        super().__init__(host)
        self.host = host

    @property
    def service(self) -> InServiceService:
        assert self.host.service is not None
        return self.host.service

    def _try(self, call: Callable[[], Any]) -> Any:
        try:
            return call()
        except UserError as err:
            messages.show_user_error(self, err)
            return None

    def refresh(self) -> None:
        raise NotImplementedError


# --- posts ------------------------------------------------------------------------------
class PostsPage(Page):
    """Service posts (服务岗位) with quotas, and the claims of the selected post."""

    def __init__(self, host: Any) -> None:
        super().__init__(host)
        act = lambda text, slot, key=None: make_action(self, text, slot, key)  # noqa: E731
        self.new_action = act(self.tr("New post…"), self.new_post, "Ctrl+Shift+P")
        self.edit_action = act(self.tr("Edit post…"), self.edit_post)
        self.close_action = act(self.tr("Close post…"), self.close_post)
        self.claim_action = act(self.tr("Claim for a member…"), self.claim, "Ctrl+K")
        self.accept_action = act(self.tr("Accept application"), lambda: self.decide(True))
        self.reject_action = act(self.tr("Reject application"), lambda: self.decide(False))
        self.withdraw_action = act(self.tr("Withdraw…"), self.withdraw)
        self.toolbar = _toolbar(self, [self.new_action, self.edit_action, self.close_action,
                                       None, self.claim_action, self.accept_action,
                                       self.reject_action, self.withdraw_action])
        self.model = PostTableModel(self, host.grid_name)
        self.view = _table(self, self.model)
        show_community_column(self.view, self.model, host.community)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.activated.connect(lambda _i: self.edit_post())
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self.show_claims())
        self.claims_model = ClaimTableModel(self, by_post=True)
        self.claims_view = _table(self, self.claims_model)
        self.claims_view.verticalHeader().hide()
        self.claims_view.selectionModel().currentRowChanged.connect(
            lambda *_a: self.update_actions())
        self.claims_label = QLabel(self)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.claims_label)
        right_layout.addWidget(self.claims_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(right)
        self.splitter.setSizes([700, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)

    def current_post(self) -> Any:
        return _current(self.view, self.model)

    def current_claim(self) -> Any:
        return _current(self.claims_view, self.claims_model)

    def refresh(self, select_id: str | None = None) -> None:
        keep = select_id or getattr(self.current_post(), "id", None)
        self.model.set_rows(self.service.posts(include_closed=True,
                                               office=self.host.community_filter.office()))
        _select(self.view, self.model, keep)
        self.show_claims()

    def show_claims(self) -> None:
        post = self.current_post()
        keep = getattr(self.current_claim(), "id", None)
        self.claims_model.set_rows(self.service.claims(post_id=post.id) if post else [])
        _select(self.claims_view, self.claims_model, keep)
        self.claims_label.setText(self.tr("{post}: {claimed} of {quota} places taken").format(
            post=post.name, claimed=post.claimed, quota=post.quota) if post else "")
        self.update_actions()

    def update_actions(self) -> None:
        post, claim = self.current_post(), self.current_claim()
        open_post = post is not None and post.retired_on is None
        self.edit_action.setEnabled(post is not None)
        self.close_action.setEnabled(open_post)
        self.claim_action.setEnabled(open_post)
        applying = claim is not None and claim.status == rules.APPLYING
        self.accept_action.setEnabled(applying)
        self.reject_action.setEnabled(applying)
        self.withdraw_action.setEnabled(claim is not None and claim.status != rules.WITHDRAWN)
        community = self.host.community
        if community.active:
            community.lock((self.edit_action, self.close_action, self.claim_action,
                            self.accept_action, self.reject_action, self.withdraw_action),
                           post.origin_office if post else None,
                           locked=post is not None and community.read_only(post.origin_office))
            community.lock((self.new_action,), None, locked=True,
                           text=community.community_only_text())

    def new_post(self) -> str | None:
        post_id = dialogs.PostDialog(self, save=self.service.add_post,
                                     grids=self.host.grids).ask_result()
        if post_id is not None:
            self.refresh(post_id)
            self.host.status_message.emit(self.tr("The post was saved."))
        return post_id

    def edit_post(self) -> None:
        post = self.current_post()
        if post is None or not self.edit_action.isEnabled():
            return
        service = self.service
        before = service.post_draft(post.id)
        after = dialogs.PostDialog(self, draft=before, grids=self.host.grids,
                                   save=lambda d: service.update_post(post.id, d) or d
                                   ).ask_result()
        if after is not None:
            self.host.push(self.tr("Edit post"), lambda: service.update_post(post.id, after),
                           lambda: service.update_post(post.id, before))

    def close_post(self) -> None:
        post = self.current_post()
        if post is None or not messages.confirm(self, self.tr(
                "Close the post {post}? It stays on the list, and takes no more claims."
        ).format(post=post.name)):
            return
        if self._try(lambda: self.service.close_post(post.id)) is None:
            self.refresh()

    def claim(self) -> str | None:
        post = self.current_post()
        if post is None:
            return None
        service = self.service
        members = service.registrations(
            rules_query(review_status=rules.APPROVED))
        taken = {c.registration_id for c in service.claims(post_id=post.id)}
        holder: dict[str, str] = {}

        def save(registration_id: str, accept: bool) -> str:
            claim_id = service.claim(registration_id, post.id, accept=accept)
            holder.update(registration=registration_id, claim=claim_id,
                          accept="1" if accept else "")
            return claim_id

        claim_id = dialogs.MemberPickerDialog(
            self, title=self.tr("Claim {post}").format(post=post.name),
            intro=self.tr("{claimed} of {quota} places are taken.").format(
                claimed=post.claimed, quota=post.quota),
            members=[m for m in members if m.id not in taken], save=save,
            accept_label=self.tr("Claimed now (untick: the member applies, decided later)")
        ).ask_result()
        if claim_id is None:
            return None

        def again() -> None:
            holder["claim"] = service.claim(holder["registration"], post.id,
                                            accept=bool(holder["accept"]))

        self.host.push(self.tr("Claim post"), again,
                       lambda: service.withdraw_claim(holder["claim"]))
        self.host.status_message.emit(self.tr("The claim was saved."))
        return str(claim_id)

    def decide(self, accept: bool) -> None:
        claim = self.current_claim()
        if claim is None:
            return
        if self._try(lambda: self.service.decide_claim(claim.id, accept) or True):
            self.host.refresh()

    def withdraw(self) -> None:
        claim = self.current_claim()
        if claim is None or not messages.confirm(self, self.tr(
                "{name} withdraws from {post}?").format(name=claim.name, post=claim.post)):
            return
        service = self.service
        if not self._try(lambda: service.withdraw_claim(claim.id) or True):
            return
        holder = {"claim": claim.id}
        accept = claim.status == rules.CLAIMED

        def reclaim() -> None:
            holder["claim"] = service.claim(claim.registration_id, claim.post_id,
                                            accept=accept)

        self.host.push(self.tr("Withdraw claim"),
                       lambda: service.withdraw_claim(holder["claim"]), reclaim)


def rules_query(**values: Any) -> Any:
    from gridoffice.services.inservice import RegistrationQuery

    return RegistrationQuery(**values)


# --- activities ---------------------------------------------------------------------------
class ActivitiesPage(Page):
    """Activities and post duties, with the service records of the selected one."""

    def __init__(self, host: Any) -> None:
        super().__init__(host)
        act = lambda text, slot, key=None: make_action(self, text, slot, key)  # noqa: E731
        self.new_action = act(self.tr("New activity…"), self.new_activity, "Ctrl+Shift+N")
        self.checkin_action = act(self.tr("Check-in mode…"), self.check_in_mode,
                                  "Ctrl+Shift+K")
        self.record_action = act(self.tr("Add record afterwards…"), self.add_record,
                                 "Ctrl+Shift+R")
        self.toolbar = _toolbar(self, [self.new_action, self.checkin_action, None,
                                       self.record_action])
        self.model = ActivityTableModel(self)
        self.view = _table(self, self.model)
        show_community_column(self.view, self.model, host.community)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.activated.connect(lambda _i: self.check_in_mode())
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self.show_records())
        self.records_model = RecordTableModel(self, by_member=True)
        self.records_view = _table(self, self.records_model)
        self.records_view.verticalHeader().hide()
        self.records_label = QLabel(self)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.records_label)
        right_layout.addWidget(self.records_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(right)
        self.splitter.setSizes([640, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)

    def current_activity(self) -> Any:
        return _current(self.view, self.model)

    def refresh(self, select_id: str | None = None) -> None:
        keep = select_id or getattr(self.current_activity(), "id", None)
        self.model.set_rows(self.service.activities(office=self.host.community_filter.office()))
        _select(self.view, self.model, keep)
        self.show_records()

    def show_records(self) -> None:
        activity = self.current_activity()
        rows = self.service.records(activity_id=activity.id) if activity else []
        self.records_model.set_rows(rows)
        hours = sum(r.hours for r in rows)
        self.records_label.setText(self.tr("{name}: {count} records, {hours} hours").format(
            name=activity.name, count=len(rows), hours=f"{hours:g}") if activity else "")
        for action in (self.checkin_action, self.record_action):
            action.setEnabled(activity is not None)
        community = self.host.community
        if community.active:
            community.lock((self.checkin_action, self.record_action),
                           activity.origin_office if activity else None,
                           locked=activity is not None
                           and community.read_only(activity.origin_office))
            community.lock((self.new_action,), None, locked=True,
                           text=community.community_only_text())

    def new_activity(self) -> str | None:
        service = self.service
        posts = [(p.id, p.name) for p in service.posts()]
        activity_id = dialogs.ActivityDialog(self, save=service.add_activity,
                                             today=service.today(), posts=posts).ask_result()
        if activity_id is not None:
            self.refresh(activity_id)
            self.host.status_message.emit(self.tr("The activity was saved."))
        return activity_id

    def check_in_mode(self) -> None:
        activity = self.current_activity()
        if activity is None or not self.checkin_action.isEnabled():
            return
        from gridoffice.ui.dialogs.checkin import CheckInDialog

        dialog = CheckInDialog(self.service, activity.id, self)
        dialog.changed.connect(self.host.refresh)
        self.host.run_dialog(dialog)
        self.host.refresh()

    def add_record(self) -> str | None:
        activity = self.current_activity()
        if activity is None:
            return None
        service = self.service
        members = service.registrations(rules_query(review_status=rules.APPROVED))

        def save(registration_id: str, day: dt.date, hours: float, content: str) -> str:
            return service.add_record(registration_id, day, hours, content,
                                      activity_id=activity.id)

        record_id = dialogs.RecordDialog(self, members=members, day=activity.on_date,
                                         content=activity.name, confirmer=service.operator,
                                         save=save).ask_result()
        if record_id is not None:
            self.host.refresh()
            self.host.status_message.emit(self.tr("The service record was saved."))
        return record_id


# --- points -------------------------------------------------------------------------------
class PointsPage(Page):
    """The points of a period (ranked), the rules in a banner, and a per-unit summary."""

    def __init__(self, host: Any) -> None:
        super().__init__(host)
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(2000, 2200)
        self.part_combo = QComboBox(self)
        self.part_combo.addItem(self.tr("Whole year"), "")
        self.part_combo.addItem(self.tr("First half"), "H1")
        self.part_combo.addItem(self.tr("Second half"), "H2")
        for quarter in range(1, 5):
            self.part_combo.addItem(self.tr("Quarter {number}").format(number=quarter),
                                    f"Q{quarter}")
        for month in range(1, 13):
            self.part_combo.addItem(self.tr("Month {number}").format(number=month),
                                    f"-{month:02d}")
        self.period_edit = QLineEdit(self)
        self.period_edit.setPlaceholderText("2026Q3")
        self.period_edit.setMaximumWidth(120)
        self.period_edit.setToolTip(self.tr(
            "Type a period: 2026, 2026H1 or 2026年上半年, 2026Q3 or 2026年第三季度, "
            "2026-07 or 2026年7月"))
        self.period_edit.returnPressed.connect(self.typed_period)
        self.unit_combo = QComboBox(self)
        self.unit_combo.setMinimumWidth(160)
        self.rules_button = QPushButton(self.tr("Point rules…"), self)
        self.rules_button.clicked.connect(self.edit_rules)
        self.count_label = QLabel(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Period:"), self))
        row.addWidget(self.year_spin)
        row.addWidget(self.part_combo)
        row.addWidget(QLabel(self.tr("or type:"), self))
        row.addWidget(self.period_edit)
        row.addSpacing(16)
        row.addWidget(QLabel(self.tr("Unit:"), self))
        row.addWidget(self.unit_combo)
        row.addWidget(self.count_label)
        row.addStretch(1)
        row.addWidget(self.rules_button)
        self.banner = QLabel(self)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.model = PointsTableModel(self, host.grid_name)
        self.view = _table(self, self.model)
        show_community_column(self.view, self.model, host.community)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(False)
        self.units_model = UnitSummaryTableModel(self)
        self.units_view = _table(self, self.units_model)
        self.units_view.verticalHeader().hide()
        self.units_view.horizontalHeader().setStretchLastSection(False)
        self.units_label = QLabel(self.tr("By work unit (feedback to the units)"), self)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.units_label)
        bottom_layout.addWidget(self.units_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(bottom)
        self.splitter.setSizes([420, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.period: rules.Period = rules.quarter_of(self.service.today())
        self.set_period(self.period, reload=False)
        self.year_spin.valueChanged.connect(lambda _v: self.chosen_period())
        self.part_combo.currentIndexChanged.connect(lambda _i: self.chosen_period())
        self.unit_combo.currentIndexChanged.connect(lambda _i: self.refresh())

    def set_period(self, period: rules.Period, *, reload: bool = True) -> None:
        self.period = period
        for widget in (self.year_spin, self.part_combo):
            widget.blockSignals(True)
        self.year_spin.setValue(period.year)
        part = period.text[4:]
        index = self.part_combo.findData(part)
        self.part_combo.setCurrentIndex(max(index, 0))
        for widget in (self.year_spin, self.part_combo):
            widget.blockSignals(False)
        self.period_edit.setText(period.text)
        if reload:
            self.refresh()

    def chosen_period(self) -> None:
        period = rules.parse_period(f"{self.year_spin.value()}{self.part_combo.currentData()}")
        if period is not None:
            self.set_period(period)

    def typed_period(self) -> bool:
        from gridoffice.services.inservice import parse_period_or_fail

        period = self._try(lambda: parse_period_or_fail(self.period_edit.text()))
        if period is None:
            self.period_edit.setText(self.period.text)
            return False
        self.set_period(period)
        return True

    def reload_units(self) -> None:
        keep = self.unit_combo.currentData()
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        self.unit_combo.addItem(self.tr("All units"), None)
        for unit in self.service.work_units():
            self.unit_combo.addItem(unit.name, unit.id)
        index = self.unit_combo.findData(keep)
        self.unit_combo.setCurrentIndex(max(index, 0))
        self.unit_combo.blockSignals(False)

    def refresh(self) -> None:
        service = self.service
        if self.unit_combo.count() == 0 or self.sender() is not self.unit_combo:
            self.reload_units()
        r = service.rules
        self.banner.setText(self.tr(
            "{period} ({start} to {end}). Pass mark {pass_mark} points a year, excellent "
            "from {excellent}; target {hours} service hours a year. Grades count the year to "
            "the period's end.").format(
            period=self.period.text, start=self.period.start.isoformat(),
            end=self.period.end.isoformat(), pass_mark=r.pass_mark, excellent=r.excellent,
            hours=r.hours_target))
        office = self.host.community_filter.office()  # the street: one community or all
        rows = service.points(self.period, work_unit_id=self.unit_combo.currentData(),
                              office=office)
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%n member(s)", "", len(rows)))
        self.units_model.set_rows(service.unit_summaries(self.period, office=office))

    def edit_rules(self) -> None:
        from gridoffice.services.inservice import save_point_rules

        service = self.service
        path = service.db.path
        value = dialogs.PointRulesDialog(self, value=service.rules,
                                         save=lambda v: save_point_rules(path, v)).ask_result()
        if value is not None:
            service.reload_rules()
            self.host.refresh()
            self.host.status_message.emit(self.tr("The point rules were saved."))
