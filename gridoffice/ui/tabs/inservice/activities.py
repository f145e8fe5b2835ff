"""The activities page of the in-service tab: activities and post duties, with the
service records of the selected one, check-in mode and records entered afterwards."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from gridoffice.domain import inservice as rules
from gridoffice.ui.dialogs import inservice_dialogs as dialogs
from gridoffice.ui.models.inservice_tables import ActivityTableModel, RecordTableModel
from gridoffice.ui.tabs.inservice.page import Page, rules_query
from gridoffice.ui.widgets.actions import make_action
from gridoffice.ui.widgets.community import show_community_column
from gridoffice.ui.widgets.tables import current_item, row_table, select_row, text_toolbar


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
        self.toolbar = text_toolbar(self, [self.new_action, self.checkin_action, None,
                                       self.record_action])
        self.model = ActivityTableModel(self)
        self.view = row_table(self, self.model)
        show_community_column(self.view, self.model, host.community)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.activated.connect(lambda _i: self.check_in_mode())
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self.show_records())
        self.records_model = RecordTableModel(self, by_member=True)
        self.records_view = row_table(self, self.records_model)
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
        return current_item(self.view, self.model)

    def refresh(self, select_id: str | None = None) -> None:
        keep = select_id or getattr(self.current_activity(), "id", None)
        self.model.set_rows(self.service.activities(office=self.host.community_filter.office()))
        select_row(self.view, self.model, keep)
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
