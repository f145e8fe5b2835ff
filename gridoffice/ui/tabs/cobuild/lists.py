"""The resources (资源清单), services and projects (服务清单) and, at the street office,
the departments pages of the co-building tab: a toolbar over one list each; edits
are undoable, a resource no longer offered is retired (kept, greyed)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QHeaderView

from gridoffice.ui import messages
from gridoffice.ui.dialogs import cobuild_dialogs as dialogs
from gridoffice.ui.models.cobuild_tables import (
    DepartmentTableModel,
    ProjectTableModel,
    ResourceTableModel,
)
from gridoffice.ui.tabs.cobuild.page import ListPage
from gridoffice.ui.widgets.actions import make_action
from gridoffice.ui.widgets.community import show_community_column


def stretch(view: Any, column: int) -> None:
    """``column`` takes the width the others leave."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


class ResourcesPage(ListPage):
    """What units, members, organisations and volunteers offer."""

    def __init__(self, host: Any) -> None:
        self.new_action = make_action(host, self.tr("New resource…"), self.new_resource)
        self.edit_action = make_action(host, self.tr("Edit…"), self.edit_resource)
        self.retire_action = make_action(host, self.tr("No longer offered"), self.retire)
        super().__init__(host, ResourceTableModel(host),
                         [self.new_action, self.edit_action, self.retire_action])
        self.retired_check = QCheckBox(self.tr("Show those no longer offered"), self)
        self.retired_check.toggled.connect(lambda _c: self.refresh())
        self.toolbar.addWidget(self.retired_check)
        show_community_column(self.view, self.model, host.community)
        stretch(self.view, 1)
        self.view.activated.connect(lambda _i: self.edit_resource())

    def refresh(self, select_id: str | None = None) -> None:
        self.model.today = self.service.today()
        self.show_rows(self.service.resources(include_retired=self.retired_check.isChecked()),
                       select_id)

    def update_actions(self) -> None:
        row = self.current()
        own = row is not None and not self.host.community.read_only(row.origin_office)
        self.new_action.setEnabled(not self.host.community.active)
        self.edit_action.setEnabled(own)
        self.retire_action.setEnabled(own)
        if row is not None and row.retired_on is not None:
            self.retire_action.setText(self.tr("Offered again"))
        else:
            self.retire_action.setText(self.tr("No longer offered"))

    def _dialog(self, draft: Any, save: Any) -> Any:
        host = self.host
        return dialogs.ResourceDialog(self, save=save, units=host.unit_choices(),
                                      members=host.member_choices(), grids=host.grids,
                                      draft=draft).ask_result()

    def new_resource(self) -> str | None:
        resource_id = self._dialog(None, self.service.add_resource)
        if resource_id is not None:
            self.host.written(select=resource_id)
        return resource_id

    def edit_resource(self) -> None:
        row = self.current()
        if row is None or not self.edit_action.isEnabled():
            return
        self.edit_with_undo(self.tr("Edit resource"), row.id, self.service.resource_draft,
                            self._dialog, self.service.update_resource)

    def retire(self) -> None:
        row = self.current()
        if row is None:
            return
        service, back = self.service, row.retired_on is not None
        if not back and not messages.confirm(self, self.tr(
                "{title} of {provider} is no longer offered? It stays in the list's "
                "history.").format(title=row.title, provider=row.provider_name)):
            return
        if self._try(lambda: service.retire_resource(row.id, undo=back) or True):
            self.host.push(self.tr("Resource offered again") if back
                           else self.tr("Resource no longer offered"),
                           lambda: service.retire_resource(row.id, undo=back),
                           lambda: service.retire_resource(row.id, undo=not back),
                           select=row.id)


class ProjectsPage(ListPage):
    """The services and projects that meet residents' needs."""

    def __init__(self, host: Any) -> None:
        self.new_action = make_action(host, self.tr("New service or project…"), self.new_project)
        self.edit_action = make_action(host, self.tr("Edit…"), self.edit_project)
        super().__init__(host, ProjectTableModel(host), [self.new_action, self.edit_action])
        show_community_column(self.view, self.model, host.community)
        stretch(self.view, 2)
        self.view.activated.connect(lambda _i: self.edit_project())

    def refresh(self, select_id: str | None = None) -> None:
        self.show_rows(self.service.projects(), select_id)

    def update_actions(self) -> None:
        row = self.current()
        self.new_action.setEnabled(not self.host.community.active)
        self.edit_action.setEnabled(
            row is not None and not self.host.community.read_only(row.origin_office))

    def _dialog(self, draft: Any, save: Any) -> Any:
        return dialogs.ProjectDialog(self, save=save, units=self.host.unit_choices(),
                                     draft=draft).ask_result()

    def new_project(self) -> str | None:
        project_id = self._dialog(None, self.service.add_project)
        if project_id is not None:
            self.host.written(select=project_id)
        return project_id

    def edit_project(self) -> None:
        row = self.current()
        if row is None or not self.edit_action.isEnabled():
            return
        self.edit_with_undo(self.tr("Edit service or project"), row.id,
                            self.service.project_draft, self._dialog,
                            self.service.update_project)


class DepartmentsPage(ListPage):
    """The street office's departments (城管, 住建, 民政 …): reference data that reaches
    the communities by sync."""

    def __init__(self, host: Any) -> None:
        self.new_action = make_action(host, self.tr("New department…"), self.new_department)
        self.edit_action = make_action(host, self.tr("Edit…"), self.edit_department)
        self.retire_action = make_action(host, self.tr("No longer used"), self.retire)
        super().__init__(host, DepartmentTableModel(host),
                         [self.new_action, self.edit_action, self.retire_action])
        self.view.activated.connect(lambda _i: self.edit_department())

    def refresh(self, select_id: str | None = None) -> None:
        self.show_rows(self.service.departments(include_retired=True), select_id)

    def update_actions(self) -> None:
        row = self.current()
        self.edit_action.setEnabled(row is not None)
        self.retire_action.setEnabled(row is not None)
        self.retire_action.setText(self.tr("Used again") if row is not None
                                   and row.retired_on is not None
                                   else self.tr("No longer used"))

    def _dialog(self, draft: Any, save: Any) -> Any:
        return dialogs.DepartmentDialog(self, save=save, draft=draft).ask_result()

    def new_department(self) -> str | None:
        department_id = self._dialog(None, self.service.add_department)
        if department_id is not None:
            self.host.written(select=department_id)
        return department_id

    def edit_department(self) -> None:
        row = self.current()
        if row is None:
            return
        self.edit_with_undo(self.tr("Edit department"), row.id, self.service.department_draft,
                            self._dialog, self.service.update_department)

    def retire(self) -> None:
        row = self.current()
        if row is None:
            return
        service, back = self.service, row.retired_on is not None
        if self._try(lambda: service.retire_department(row.id, undo=back) or True):
            self.host.push(self.tr("Department used again") if back
                           else self.tr("Department no longer used"),
                           lambda: service.retire_department(row.id, undo=back),
                           lambda: service.retire_department(row.id, undo=not back),
                           select=row.id)
