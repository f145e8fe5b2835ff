"""What the households tab's actions do: open a dialog, call the service, show the
change, and put it on the undo stack when the service can take it back (see
``commands``).

Service calls here are small and run on the GUI thread. A refusal inside a dialog
is shown there and changes nothing. Every write ends in the tab's
:meth:`~gridoffice.ui.tabs.households.view.HouseholdsView.written` (read again,
tell the other tabs), directly or through :meth:`HouseholdActions.command_done`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from gridoffice.domain import access
from gridoffice.domain.codes import CARE_TAGS
from gridoffice.services.changes import Changes
from gridoffice.ui.labels import code_label
from gridoffice.ui.models.household_tree import KIND_BUILDING, KIND_GRID, KIND_HOUSE, KIND_UNIT
from gridoffice.ui.tabs.households import commands
from gridoffice.ui.undo import Controller, push_change

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from gridoffice.services.households import GridDraft, HouseholdService, ResidentDraft
    from gridoffice.ui.tabs.households.tab import HouseholdsTab

# The dialogs are imported when first opened: they are not needed to show the window.


class HouseholdActions(Controller):
    """The controller behind the tab's toolbars, menus and detail panel; the host of
    the undo commands it pushes (a refused undo is reported by ``report_refused``)."""

    def __init__(self, tab: HouseholdsTab, undo_stack: QUndoStack | None) -> None:
        super().__init__(tab, undo_stack)  # type: ignore[arg-type]
        self.tab = tab

    @property
    def service(self) -> HouseholdService | None:
        return self.tab.service

    # --- the undo host ----------------------------------------------------------------
    def push(self, change: commands.Change) -> None:
        """A change already stored: onto the window's undo stack when it has an inverse
        (its first redo shows it), else just shown."""
        push_change(self.undo_stack, self, change.text, change.apply, change.revert,
                    changes=change.changes)

    def command_done(self, changes: Changes, select: str | None) -> None:
        """A change was made, undone or redone (or refused): the household underneath
        is read again at once, the rest in the background; the other tabs are told."""
        self.tab.refresh_detail()
        self.tab.written(changes, select)

    def _branches(self) -> list[tuple[str, str]]:
        orgs = self.tab.orgs
        if orgs is None:
            return []
        return [(o.id, o.short_name or o.name) for o in orgs.list_orgs(include_retired=False)]

    # --- grids, buildings, houses, households -----------------------------------------
    def new_grid(self) -> None:
        from gridoffice.ui.dialogs.grid_dialogs import GridDialog

        tab, service = self.tab, self.service
        assert service is not None
        grid_id = GridDialog(tab, save=service.create_grid,
                             branches=self._branches()).ask_result()
        if grid_id is None:
            return
        tab.written(Changes.of("grid"))
        tab.select_node(KIND_GRID, grid_id)
        # the 300–500 households advice shows once households are entered
        self.status.emit(self.tr("The grid was saved."))

    def edit_team(self) -> None:
        from gridoffice.ui.dialogs.grid_dialogs import GridRoleDialog

        tab, service = self.tab, self.service
        grid_id = tab.scope_grid_id()
        if grid_id is None or service is None:
            return
        grid = next(g for g in service.list_grids() if g.id == grid_id)
        role_id = GridRoleDialog(tab, grid_name=grid.name, team=service.roles(grid_id),
                                 today=tab.today,
                                 save=lambda role, name, phone, day: service.add_role(
                                     grid_id, role, name, day, phone)).ask_result()
        if role_id is not None:
            tab.written(Changes.of("grid_role", ids=[grid_id]), tab.current_id())

    def edit_grid(self) -> None:
        from gridoffice.ui.dialogs.grid_dialogs import GridDialog

        tab, service = self.tab, self.service
        grid_id = tab.scope_grid_id()
        if grid_id is None or service is None:
            return
        before = service.grid(grid_id)
        saved: list[GridDraft] = []

        def save(draft: GridDraft) -> bool:
            service.update_grid(grid_id, draft)
            saved.append(draft)
            return True

        if GridDialog(tab, branches=self._branches(), draft=before, save=save).ask_result():
            self.push(commands.edit_grid(service, grid_id, before, saved[-1]))
            self.status.emit(self.tr("The grid was saved."))

    def new_building(self) -> None:
        from gridoffice.ui.dialogs.household_dialogs import BuildingDialog

        tab, service = self.tab, self.service
        assert service is not None
        grids = [(g.id, g.name) for g in tab.own_grids()]
        building_id = BuildingDialog(
            tab, grids=grids, grid_id=tab.scope_grid_id(),
            save=lambda grid_id, number, estate, units, floors, kind: service.add_building(
                grid_id, number, estate=estate, units=units, floors=floors, kind=kind),
        ).ask_result()
        if building_id is not None:
            tab.written(Changes.of("building", "house"))
            tab.select_node(KIND_BUILDING, building_id)

    def new_house(self) -> None:
        from gridoffice.ui.dialogs.household_dialogs import HouseDialog

        tab, service = self.tab, self.service
        building = tab.scope_building()
        if building is None or service is None:
            return
        unit = ""
        if tab.scope is not None and tab.scope.kind == KIND_UNIT:
            unit = str(tab.scope.ref)
        house_id = HouseDialog(tab, building=building.label, unit=unit,
                               save=lambda u, room, owner, use: service.add_house(
                                   building.id, u, room, owner=owner, use=use)).ask_result()
        if house_id is not None:
            self._refresh_to_house(building.id, house_id)

    def _refresh_to_house(self, building_id: str, house_id: str,
                          select_id: str | None = None) -> None:
        tab = self.tab
        tab.written(Changes.of("house", "household"), select_id)
        index = tab.tree_model.index_of(KIND_BUILDING, building_id)
        if index.isValid():
            tab.tree_model.ensure_fetched(index)
            tab.tree.expand(index)
            tab.select_node(KIND_HOUSE, house_id)

    def new_household(self) -> None:
        from gridoffice.ui.dialogs.household_dialogs import HouseholdDialog

        tab, service = self.tab, self.service
        scope = tab.scope
        if scope is None or scope.kind != KIND_HOUSE or service is None:
            return
        building = tab.scope_building()
        address = f"{building.label if building else ''} {scope.ref.unit}-{scope.ref.room}"
        household_id = HouseholdDialog(
            tab, address=address.strip(), today=tab.today,
            save=lambda number, kind, members: service.create_household(
                scope.id, members, number=number, kind=kind)).ask_result()
        if household_id is not None and building is not None:
            self._refresh_to_house(building.id, scope.id)
            self.status.emit(self.tr("The household was saved."))

    # --- residents --------------------------------------------------------------------
    def add_resident(self) -> None:
        from gridoffice.ui.dialogs.resident_dialogs import ResidentDialog

        tab, service = self.tab, self.service
        household_id = tab.current_household_id()
        if household_id is None or service is None:
            return
        resident_id = ResidentDialog.ask(
            tab, title=self.tr("Add resident"), today=tab.today,
            save=lambda draft: service.add_resident(household_id, draft))
        if resident_id is not None:
            tab.written(Changes.of("resident", ids=[resident_id]), resident_id)

    def edit_resident(self) -> None:
        from gridoffice.ui.dialogs.resident_dialogs import ResidentDialog

        tab, service = self.tab, self.service
        row = tab.current_row()
        if row is None or service is None:
            return
        before, _row = service.resident(row.id)  # the ID number and phone masked
        revealed: list[tuple[str | None, str | None]] = []
        saved: list[ResidentDraft] = []

        def reveal() -> tuple[str | None, str | None]:
            revealed.append(service.reveal(row.id))  # audited: the user asked for it
            return revealed[-1]

        def save(draft: ResidentDraft) -> str:
            service.update_resident(row.id, draft)
            saved.append(draft)
            return row.id

        if ResidentDialog.ask(tab, title=self.tr("Resident {name}").format(name=row.name),
                              today=tab.today, draft=before, masked=True,
                              reveal=reveal if service.actor.allows(access.REVEAL) else None,
                              save=save) is not None:
            before = commands.unmasked(before, revealed[0] if revealed else None)
            self.push(commands.edit_resident(service, row.id, before, saved[-1]))

    def add_tag(self) -> None:
        from gridoffice.ui.dialogs.resident_dialogs import TagDialog

        tab, service = self.tab, self.service
        row = tab.current_row()
        if row is None or service is None:
            return
        control = tab.show_control_tags()
        current = [code_label(CARE_TAGS, t) for t in service.tags(row.id)]
        if control:
            from gridoffice.domain.codes import CONTROL_TAGS

            current += [code_label(CONTROL_TAGS, t.tag)  # type: ignore[arg-type]
                        for t in service.tag_rows(row.id, include_control=True)
                        if t.kind == "control"]
        dialog = TagDialog(
            tab, row, current=current, show_control=control, today=tab.today,
            save=lambda tag, kind, dtype, grade, since: service.add_tag(
                row.id, tag, kind=kind, disability_type=dtype, disability_grade=grade,
                from_date=since),
            tags=lambda: [t for t in service.tag_rows(row.id, include_control=control)
                          if t.tag != "very_old"],
            end=service.end_tag)
        saved = dialog.ask_result()
        if saved is not None or dialog.ended:
            tab.written(Changes.of("resident_tag", ids=[row.id]), row.id)

    def link_member(self) -> None:
        """One person, one record: link the resident to a party member, or unlink."""
        from gridoffice.services.roster import MemberQuery
        from gridoffice.ui.dialogs.resident_member import MemberLinkDialog

        tab, service, members = self.tab, self.service, self.tab.members
        row = tab.current_row()
        if row is None or service is None or members is None:
            return
        current = None
        if row.member_id:
            found = [m for m in members.list_members(MemberQuery(relation=None))
                     if m.id == row.member_id]
            current = (row.member_id, found[0].name if found else row.member_id)
        linked: list[str | None] = []

        def save(member_id: str | None) -> None:
            service.link_member(row.id, member_id)
            linked.append(member_id)

        chosen = MemberLinkDialog(
            tab, resident_name=row.name, current=current,
            search=lambda text: members.list_members(MemberQuery(text=text)),
            save=save).ask_result()
        if chosen is not None:
            self.push(commands.link_member(service, row.id, row.name, row.member_id,
                                           linked[-1]))
            self.status.emit(self.tr("The party member link was saved."))

    def set_center_household(self, on: bool) -> None:
        """党员中心户 on or off for the household shown underneath."""
        detail = self.tab.detail.detail
        service = self.service
        if detail is None or service is None:
            return
        member_id = self.tab.detail.linked_member_id() if on else None
        if on and member_id is None:
            return
        service.set_center_household(detail.id, member_id)
        self.push(commands.center_household(service, detail.id, detail.address,
                                            detail.center_member_id, member_id))

    def find_duplicates(self) -> int:
        from gridoffice.ui.dialogs.duplicates import DuplicatesDialog

        tab, service = self.tab, self.service
        if service is None:
            return 0
        merged = DuplicatesDialog(tab, find=service.find_duplicates, merge=service.merge).run()
        if merged:
            tab.detail.detail = None
            tab.written(Changes.of("resident", "household", "resident_tag", "visit"))
            self.status.emit(self.tr("%n record(s) merged.", "", merged))
        return merged

    def move_out(self) -> None:
        self._leave(died=False)

    def record_death(self) -> None:
        self._leave(died=True)

    def _leave(self, *, died: bool) -> None:
        from gridoffice.ui.dialogs.resident_dialogs import LeaveDialog

        tab, service = self.tab, self.service
        row = tab.current_row()
        if row is None or service is None:
            return

        def save(day: dt.date, reason: str) -> bool:
            if died:
                service.record_death(row.id, day)
            else:
                service.move_out(row.id, day, reason)
            return True

        if LeaveDialog(tab, row, died=died, today=tab.today, save=save).ask_result():
            tab.detail.detail = None
            tab.written(Changes.of("resident", "household", ids=[row.id]))

    # --- the household ----------------------------------------------------------------
    def change_head(self) -> None:
        from gridoffice.ui.dialogs.household_dialogs import ChangeHeadDialog

        tab, service = self.tab, self.service
        household_id = tab.current_household_id()
        if household_id is None or service is None:
            return
        members = service.household(household_id).members
        old = next((m for m in members if m.relation == "02" and m.moved_out_on is None
                    and m.died_on is None), None)
        done: list[commands.Change] = []

        def save(new_head: str, old_head_relation: str) -> bool:
            service.change_head(household_id, new_head, old_head_relation)
            new = next(m for m in members if m.id == new_head)
            done.append(commands.change_head(
                service, household_id, new_head=new.id, name=new.name,
                new_head_relation=new.relation, old_head=old.id if old else None,
                old_head_relation=old_head_relation))
            return True

        if ChangeHeadDialog(tab, members=members, save=save).ask_result():
            self.push(done[-1])

    def move_household(self) -> None:
        from gridoffice.ui.dialogs.household_dialogs import MoveHouseholdDialog

        tab, service = self.tab, self.service
        household_id = tab.current_household_id()
        if household_id is None or service is None:
            return
        detail = service.household(household_id)
        buildings = [(b.id, f"{g.name} / {b.estate}{b.number}") for g in tab.own_grids()
                     for b in service.buildings(g.id)]
        moved: list[str] = []

        def save(house_id: str) -> bool:
            service.move_household(household_id, house_id)
            moved.append(house_id)
            return True

        if MoveHouseholdDialog(tab, address=detail.address, buildings=buildings,
                               houses=service.houses, save=save).ask_result():
            self.push(commands.move_household(service, household_id, detail.address,
                                              detail.house_id, moved[-1]))

    def add_visit(self) -> None:
        from gridoffice.ui.dialogs.household_dialogs import VisitDialog

        tab, service = self.tab, self.service
        household_id = tab.current_household_id()
        if household_id is None or service is None:
            return
        detail = service.household(household_id)
        visit_id = VisitDialog(tab, address=detail.address, visitor=service.operator,
                               today=tab.today,
                               save=lambda day, visitor, findings, requests: service.add_visit(
                                   household_id, day, visitor, findings, requests)).ask_result()
        if visit_id is not None:
            tab.detail.detail = None
            tab.show_household(household_id)
            tab.written(Changes.of("visit"), tab.current_id())
