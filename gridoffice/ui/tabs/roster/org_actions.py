"""What the organisation tree's actions do: open a dialog, call the service, push undo.

Service calls on this small tree are fast and run on the GUI thread. Every
refusal from the service is shown (inline in the dialog for a
ValidationError) and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from gridoffice.domain import orgs as rules
from gridoffice.domain.codes import ORG_TYPES, SEATS
from gridoffice.errors import UserError
from gridoffice.ui import messages
from gridoffice.ui.labels import code_label
from gridoffice.ui.models.org_tree import OrgTreeModel
from gridoffice.ui.tabs.roster.org_commands import (
    AppointCommand,
    CreateOrgCommand,
    EditOrgCommand,
    EndSeatCommand,
    MoveOrgCommand,
    Place,
    RestoreOrgCommand,
    RetireOrgCommand,
)
from gridoffice.ui.undo import Controller

if TYPE_CHECKING:
    from gridoffice.services.orgs import OrgDraft, OrgNode, OrgService, SeatRow
    from gridoffice.ui.dialogs.org_edit import OrgFormValues

# The dialogs are imported when first opened: they are not needed to show the window.


def default_child_type(parent_type: str | None) -> str:
    """The usual type of a new organisation under ``parent_type``.

    A community committee at the top, party branches under committees, party
    groups under branches; otherwise the first type the rules allow.
    """
    preferred = ("committee",) if parent_type is None else ("branch", "group")
    allowed = allowed_types(parent_type)
    return next((t for t in preferred if t in allowed), allowed[0] if allowed else "branch")


def allowed_types(parent_type: str | None) -> list[str]:
    return [t.code for t in ORG_TYPES if rules.may_contain(parent_type, t.code)]


def allowed_seats(org_type: str) -> list[str]:
    return [seat.code for seat in SEATS if rules.seat_allowed(org_type, seat.code)]


class OrgActions(Controller):
    """The controller behind the tree's toolbar, menu, drag and drop and seat buttons.

    It is also the :class:`~gridoffice.ui.tabs.roster.org_commands.CommandHost` of the
    undo commands it pushes.
    """

    def __init__(self, widget: QWidget, undo_stack: QUndoStack, model: OrgTreeModel) -> None:
        super().__init__(widget, undo_stack)
        self.model = model
        self._service: OrgService | None = None
        self._units: Callable[[], list[tuple[str, str]]] | None = None
        self._successor: dict[str, str] = {}
        model.move_requested.connect(self._move_dropped)

    # --- CommandHost ------------------------------------------------------------------
    @property
    def service(self) -> OrgService:
        if self._service is None:
            raise RuntimeError("the organisation service is not attached yet")
        return self._service

    def attach(self, service: OrgService,
               units: Callable[[], list[tuple[str, str]]] | None = None) -> None:
        """``units``: (id, name) of the units of the area, for part-time members."""
        self._service = service
        self._units = units

    @property
    def attached(self) -> bool:
        return self._service is not None

    def resolve(self, org_id: str | None) -> str | None:
        seen: set[str] = set()
        while org_id is not None and org_id in self._successor and org_id not in seen:
            seen.add(org_id)
            org_id = self._successor[org_id]
        return org_id

    def remap(self, old_id: str, new_id: str) -> None:
        current = self.resolve(old_id)
        if current is not None and current != new_id:
            self._successor[current] = new_id

    # --- helpers ----------------------------------------------------------------------
    def today(self) -> dt.date:
        return self.service.today()

    @staticmethod
    def _draft(values: OrgFormValues, parent_id: str | None) -> OrgDraft:
        from gridoffice.services.orgs import OrgDraft

        return OrgDraft(values.name, values.org_type, parent_id, values.short_name or None,
                        values.grid_code or None, values.established, values.term_end)

    def _place(self, node: OrgNode) -> Place:
        siblings = [n.id for n in self.model.siblings(node.parent_id)]
        position = siblings.index(node.id) if node.id in siblings else None
        return Place(node.parent_id, position)

    # --- the tree ---------------------------------------------------------------------
    def new_org(self, parent: OrgNode | None) -> OrgNode | None:
        """Create an organisation under ``parent`` (None: a top-level one)."""
        from gridoffice.ui.dialogs.org_edit import OrgEditDialog

        parent_id = parent.id if parent else None
        created: dict[str, Any] = {}

        def submit(values: OrgFormValues) -> OrgNode:
            draft = self._draft(values, parent_id)
            node = self.service.create(draft)
            created["draft"] = draft
            return node

        title = self.tr("New sub-organisation") if parent else \
            self.tr("New top-level organisation")
        node: OrgNode | None = OrgEditDialog.ask(
            self.widget, title, parent_name=parent.name if parent else None, values=None,
            default_type=default_child_type(parent.org_type if parent else None), submit=submit,
            allowed_types=allowed_types(parent.org_type if parent else None))
        if node is not None:
            self.undo_stack.push(CreateOrgCommand(self, node, created["draft"]))
            self.status.emit(self.tr("{name} was created.").format(name=node.name))
        return node

    def edit(self, node: OrgNode) -> OrgNode | None:
        from gridoffice.ui.dialogs.org_edit import OrgEditDialog, OrgFormValues

        values = OrgFormValues(node.name, node.short_name or "", node.org_type,
                               node.grid_code or "", node.established, node.term_end)
        parent = self.model.node(node.parent_id)

        def submit(entered: OrgFormValues) -> OrgNode:
            return self.service.update(node.id, self._draft(entered, node.parent_id))

        result: OrgNode | None = OrgEditDialog.ask(
            self.widget, self.tr("Edit {name}").format(name=node.name),
            parent_name=parent.name if parent else None, values=values,
            default_type=node.org_type, submit=submit,
            allowed_types={*allowed_types(parent.org_type if parent else None), node.org_type})
        if result is not None and result.draft() != node.draft():
            self.undo_stack.push(EditOrgCommand(self, node.id, node.draft(), result.draft()))
        return result

    def move(self, node: OrgNode) -> OrgNode | None:
        from gridoffice.ui.dialogs.org_move import MoveOrgDialog

        before = self._place(node)

        def submit(parent_id: str | None) -> OrgNode:
            return self.service.move(node.id, parent_id, None)

        nodes = [n for n in self.model.nodes().values() if not n.retired]
        result: OrgNode | None = MoveOrgDialog.ask(self.widget, node, nodes, submit)
        if result is not None:
            after = Place(result.parent_id, None)
            self.undo_stack.push(MoveOrgCommand(self, node, before, after))
            self.status.emit(self.tr("{name} was moved.").format(name=node.name))
        return result

    def move_to(self, org_id: str, parent_id: str | None, position: int | None) -> bool:
        """Move by drag and drop: a refusal is shown in a message box."""
        node = self.model.node(org_id)
        if node is None:
            return False
        before = self._place(node)
        if parent_id == before.parent_id:
            last = len(self.model.siblings(parent_id)) - 1
            if (last if position is None else position) == before.position:
                return False  # dropped where it already is
        try:
            self.service.move(org_id, parent_id, position)
        except UserError as err:
            messages.show_user_error(self.widget, err)
            return False
        self.undo_stack.push(MoveOrgCommand(self, node, before, Place(parent_id, position)))
        self.status.emit(self.tr("{name} was moved.").format(name=node.name))
        return True

    def _move_dropped(self, org_id: str, parent_id: str, position: int) -> None:
        self.move_to(org_id, parent_id or None, position if position >= 0 else None)

    def retire(self, node: OrgNode) -> OrgNode | None:
        from gridoffice.ui.dialogs.org_retire import RetireOrgDialog

        done: dict[str, Any] = {}

        def submit(day: dt.date, reason: str) -> OrgNode:
            current = [seat.id for seat in self.service.seats(node.id, include_past=False)]
            result = self.service.retire(node.id, day, reason)
            done.update(day=day, reason=reason, seats=current)
            return result

        result: OrgNode | None = RetireOrgDialog.ask(self.widget, node.name, self.today(),
                                                     submit)
        if result is not None:
            self.undo_stack.push(RetireOrgCommand(self, node, done["day"], done["reason"],
                                                  done["seats"]))
            if self.model.show_retired():
                self.status.emit(self.tr("{name} was retired.").format(name=node.name))
            else:
                self.status.emit(self.tr(
                    "{name} was retired. Tick Show retired to see it."
                ).format(name=node.name))
        return result

    def restore(self, node: OrgNode) -> OrgNode | None:
        reason = next((e.detail.get("reason", "") for e in self.service.history(node.id)
                       if e.kind == "retired"), "")
        try:
            result = self.service.restore(node.id)
        except UserError as err:
            messages.show_user_error(self.widget, err)
            return None
        self.undo_stack.push(RestoreOrgCommand(self, node, reason))
        self.status.emit(self.tr("{name} was restored.").format(name=node.name))
        return result

    # --- seats ------------------------------------------------------------------------
    def appoint(self, node: OrgNode, seat: str | None = None) -> SeatRow | None:
        from gridoffice.ui.dialogs.seats import AppointDialog

        def submit(seat_code: str, person: str, start: dt.date, note: str,
                   unit_id: str | None) -> SeatRow:
            return self.service.appoint(node.id, seat_code, person, start, note or None,
                                        unit_id)

        units = self._units() if self._units is not None else []
        dialog = AppointDialog(self.widget, node.name, allowed_seats(node.org_type),
                               self.today(), submit, units)
        if seat:
            dialog.select_seat(seat)
        row: SeatRow | None = dialog.ask_result()
        if row is not None:
            self.undo_stack.push(AppointCommand(self, node.id, row))
            self.status.emit(self.tr("{person} was appointed {seat}.").format(
                person=row.person_name, seat=code_label(SEATS, row.seat)))
        return row

    def end_term(self, node: OrgNode, seat: SeatRow) -> SeatRow | None:
        from gridoffice.ui.dialogs.seats import EndTermDialog

        def submit(day: dt.date) -> SeatRow:
            return self.service.end_seat(seat.id, day)

        row: SeatRow | None = EndTermDialog.ask(self.widget, seat.seat, seat.person_name,
                                               seat.from_date, self.today(), submit)
        if row is not None and row.to_date is not None:
            self.undo_stack.push(EndSeatCommand(self, node.id, seat.id, seat.seat,
                                                seat.person_name, row.to_date))
            self.status.emit(self.tr("The term of {person} ended on {date}.").format(
                person=row.person_name, date=row.to_date.isoformat()))
        return row
