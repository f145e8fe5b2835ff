"""What the roster's member actions do: open a dialog, call the service, push undo.

The controller behind the members page's toolbar, context menu and keyboard.
Every refusal of the service is shown (inline in the dialog for a
ValidationError) and changes nothing. Dialogs are imported when first used.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from gridoffice.domain import access
from gridoffice.domain.codes import RELATION_STATUS
from gridoffice.errors import UserError
from gridoffice.ui import messages
from gridoffice.ui.labels import code_label, date_text
from gridoffice.ui.tabs.roster.member_commands import (
    AddMemberCommand,
    ConfirmFullCommand,
    EditMemberCommand,
    ExtendProbationCommand,
    RestoreMemberCommand,
    SetRelationStatusCommand,
)
from gridoffice.ui.undo import Controller

if TYPE_CHECKING:
    from gridoffice.services.orgs import OrgNode
    from gridoffice.services.roster import MemberDraft, MemberRow, RosterService, TransferRow

UNDOABLE_STATUSES = ("deceased", "expelled", "suspended")


class MemberActions(Controller):
    """Also the :class:`~gridoffice.ui.tabs.roster.member_commands.MemberCommandHost`."""

    def __init__(self, widget: QWidget, undo_stack: QUndoStack,
                 orgs: Callable[[], Sequence[OrgNode]]) -> None:
        super().__init__(widget, undo_stack)
        self.orgs = orgs
        self._roster: RosterService | None = None

    # --- host -----------------------------------------------------------------------------
    @property
    def roster(self) -> RosterService:
        if self._roster is None:
            raise RuntimeError("the roster service is not attached yet")
        return self._roster

    def attach(self, roster: RosterService) -> None:
        self._roster = roster

    @property
    def attached(self) -> bool:
        return self._roster is not None

    def today(self) -> dt.date:
        return self.roster.today()

    def _hooks(self, **kwargs: Any) -> Any:
        from gridoffice.ui.dialogs.member_form import MemberFormHooks

        return MemberFormHooks(open_member=self.show_record, **kwargs)

    # --- adding and editing ---------------------------------------------------------------
    def add(self, default_org: str | None) -> str | None:
        """新增党员: the new member's id, or None if cancelled."""
        from gridoffice.ui.dialogs.member_form import MemberFormDialog

        roster = self.roster
        hooks = self._hooks(submit=roster.add, check=lambda draft: roster.check(draft))
        member_id: str | None = MemberFormDialog.ask(
            self.widget, self.tr("New party member"), orgs=self.orgs(), hooks=hooks,
            today=self.today(), rules=roster.rules, default_org=default_org)
        if member_id is not None:
            self.undo_stack.push(AddMemberCommand(self, member_id, roster.get(member_id)[1].name))
            self.status.emit(self.tr("The member was added."))
        return member_id

    def edit(self, row: MemberRow) -> bool:
        """Open the member's form; True if something was saved."""
        from gridoffice.ui.dialogs.member_form import MemberFormDialog

        roster = self.roster
        before, masked = roster.get(row.id)
        saved: dict[str, MemberDraft] = {}

        def submit(draft: MemberDraft) -> Any:
            result = roster.update(row.id, draft)
            saved["draft"] = draft
            return result

        hooks = self._hooks(submit=submit, check=lambda draft: roster.check(draft, row.id),
                            reveal=(lambda: roster.reveal(row.id))
                            if roster.actor.allows(access.REVEAL) else None)
        result = MemberFormDialog.ask(
            self.widget, self.tr("Party member: {name}").format(name=row.name),
            orgs=self.orgs(), hooks=hooks, today=self.today(), rules=roster.rules,
            draft=before, masked=(masked.id_number, masked.mobile))
        if result is None or "draft" not in saved:
            return False
        after = saved["draft"]
        if after != before:
            self.undo_stack.push(EditMemberCommand(self, row.id, before, after))
        else:
            self.changed.emit(row.id)
        self.status.emit(self.tr("{name} was saved.").format(name=after.name))
        return True

    def transfer_in(self, default_org: str | None) -> str | None:
        """组织关系转入: the member's id (new, or an earlier record), or None."""
        from gridoffice.ui.dialogs.member_form import MemberFormDialog

        roster = self.roster
        hooks = self._hooks(submit=roster.add, transfer_in=roster.transfer_in)
        member_id: str | None = MemberFormDialog.ask(
            self.widget, self.tr("Transfer in a party member"), orgs=self.orgs(), hooks=hooks,
            today=self.today(), rules=roster.rules, default_org=default_org)
        if member_id is not None:
            self.changed.emit(member_id)
            self.status.emit(self.tr("The member was transferred in."))
        return member_id

    def show_record(self, member_id: str) -> None:
        """An existing record, read only (from the form's duplicate warning)."""
        from gridoffice.ui.dialogs.form import FormDialog
        from gridoffice.ui.tabs.roster.member_detail import MemberRecordDialog

        roster = self.roster
        try:
            _draft, row = roster.get(member_id)
        except UserError as err:
            messages.show_user_error(self.widget, err)
            return
        dialog = MemberRecordDialog(self.widget.window() if self.widget else None, row,
                                    roster.history(member_id), roster.placements(member_id),
                                    roster.transfers(member_id), self.today())
        FormDialog.run_modal(dialog)

    # --- probation ------------------------------------------------------------------------
    def confirm_full(self, row: MemberRow) -> bool:
        """转正 on a date (defaulting to the end of probation); the service checks it."""
        from gridoffice.ui.dialogs.member_dialogs import ConfirmFullDialog

        roster = self.roster
        before, _row = roster.get(row.id)
        done: dict[str, dt.date] = {}

        def submit(day: dt.date) -> bool:
            roster.confirm_full(row.id, day)
            done["day"] = day
            return True

        if not ConfirmFullDialog.ask(self.widget, row.name, row.join_date, row.due_date,
                                     submit):
            return False
        self.undo_stack.push(ConfirmFullCommand(self, row.id, before, done["day"]))
        self.status.emit(self.tr("{name} is a full member since {date}.").format(
            name=row.name, date=date_text(done["day"])))
        return True

    def extend_probation(self, row: MemberRow) -> bool:
        from gridoffice.ui.dialogs.member_dialogs import ExtendProbationDialog

        roster = self.roster
        before, _row = roster.get(row.id)
        done: dict[str, Any] = {}

        def submit(months: int, day: dt.date, reason: str) -> bool:
            roster.extend_probation(row.id, months, day, reason)
            done.update(months=months, day=day, reason=reason)
            return True

        if not ExtendProbationDialog.ask(self.widget, row.name, row.join_date, self.today(),
                                         roster.rules, submit):
            return False
        self.undo_stack.push(ExtendProbationCommand(self, row.id, before, done["months"],
                                                    done["day"], done["reason"]))
        self.status.emit(self.tr("The probation of {name} was extended.").format(name=row.name))
        return True

    # --- transfers ------------------------------------------------------------------------
    def transfer_out(self, row: MemberRow) -> bool:
        """组织关系转出 (confirmed in the dialog: there is no undo)."""
        from gridoffice.ui.dialogs.member_dialogs import TransferOutDialog

        roster = self.roster

        def submit(to_org: str, day: dt.date, dues: dt.date | None, note: str) -> str:
            return roster.start_transfer_out(row.id, to_org, day, dues, note or None)

        if TransferOutDialog.ask(self.widget, row.name, row.org_name, self.today(),
                                 submit) is None:
            return False
        self.changed.emit(row.id)
        self.status.emit(self.tr("The transfer of {name} was started.").format(name=row.name))
        return True

    def open_transfer(self, member_id: str) -> TransferRow | None:
        return next((t for t in self.roster.transfers(member_id)
                     if t.direction == "out" and t.status not in ("returned", "received")),
                    None)

    def transfer_status(self, row: MemberRow, transfer: TransferRow | None = None) -> bool:
        """Move the member's open transfer to its next status."""
        from gridoffice.services.roster import TRANSFER_STEPS
        from gridoffice.ui.dialogs.member_dialogs import TransferStatusDialog

        roster = self.roster
        transfer = transfer or self.open_transfer(row.id)
        if transfer is None or transfer.status in ("returned", "received"):
            messages.inform(self.widget, self.tr("{name} has no transfer in progress.").format(
                name=row.name))
            return False
        steps = [s for s in ("review", "approved", "awaiting", "received", "returned")
                 if s in TRANSFER_STEPS.get(transfer.status, set())]

        def submit(status: str, day: dt.date) -> str:
            roster.set_transfer_status(transfer.id, status, day)
            return status

        status = TransferStatusDialog.ask(self.widget, row.name, transfer, steps, self.today(),
                                          submit)
        if status is None:
            return False
        self.changed.emit(row.id)
        self.status.emit(self.tr("The transfer of {name} was updated.").format(name=row.name))
        return True

    # --- leaving and coming back ------------------------------------------------------------
    def set_relation_status(self, row: MemberRow, status: str) -> bool:
        """去世 / 出党 / 停止党籍, after a confirmation; undone by restoring."""
        from gridoffice.ui.dialogs.member_dialogs import RelationStatusDialog

        roster = self.roster
        done: dict[str, Any] = {}

        def submit(day: dt.date, reason: str) -> bool:
            roster.set_relation_status(row.id, status, day, reason)
            done.update(day=day, reason=reason)
            return True

        if not RelationStatusDialog.ask(self.widget, status, row.name, self.today(), submit):
            return False
        self.undo_stack.push(SetRelationStatusCommand(self, row.id, row.name, status,
                                                      done["day"], done["reason"]))
        self.status.emit(self.tr("{name}: {status} on {date}.").format(
            name=row.name, status=code_label(RELATION_STATUS, status),
            date=date_text(done["day"])))
        return True

    def restore(self, row: MemberRow) -> bool:
        """恢复: active again; undoable for 去世 / 出党 / 停止党籍."""
        from gridoffice.ui.dialogs.member_dialogs import RestoreMemberDialog

        roster = self.roster
        status = row.relation_status
        kinds = (status,) if status != "transferred_out" else ("transferred_out",)
        event = next((e for e in roster.history(row.id) if e.kind in kinds), None)
        status_date = event.on_date if event else None
        status_reason = str(event.detail.get("reason", "")) if event else ""
        confirm = None
        if status not in UNDOABLE_STATUSES:
            confirm = self.tr("Restore {name}, who was transferred out? This cannot be undone; "
                              "a member who comes back is usually transferred in.").format(
                name=row.name)
        done: dict[str, Any] = {}

        def submit(day: dt.date, reason: str) -> bool:
            roster.restore(row.id, day, reason)
            done.update(day=day, reason=reason)
            return True

        if not RestoreMemberDialog.ask(self.widget, row.name, status, status_date,
                                       row.org_name, self.today(), submit, confirm=confirm):
            return False
        if status in UNDOABLE_STATUSES:
            self.undo_stack.push(RestoreMemberCommand(self, row.id, row.name, status,
                                                      status_reason, done["day"],
                                                      done["reason"]))
        else:
            self.changed.emit(row.id)
        self.status.emit(self.tr("{name} is an active member again.").format(name=row.name))
        return True
