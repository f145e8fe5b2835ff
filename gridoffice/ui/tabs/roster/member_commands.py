"""Undo commands of the roster, each undone by the service's own inverse.

edit ↔ edit back (the form's values before); 转正 and 延长预备期 ↔ edit back;
去世 / 出党 / 停止党籍 ↔ restore (on the same day, so the placements have no
gap); restore ↔ the status again (on the day of the restoration).

Adding a member, transfers and transfer-ins have no inverse in the service
(nobody is deleted; a transfer can only be returned, which is a fact of its
own): their dialogs ask for confirmation instead and push nothing here.

As in ``org_commands``: a command is pushed after its first service call
succeeded; its first ``redo`` only refreshes; a refused undo or redo tells
the user why and leaves the stack.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication

from gridoffice.errors import UserError
from gridoffice.services.changes import Changes
from gridoffice.ui.undo import ServiceCommand

if TYPE_CHECKING:
    from gridoffice.services.roster import MemberDraft, RosterService

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


class MemberCommandHost(Protocol):
    @property
    def roster(self) -> RosterService: ...

    def command_done(self, changes: Changes, select: str | None) -> None: ...

    def report_failure(self, err: UserError, undoing: bool) -> None: ...


class MemberCommand(ServiceCommand):
    """Calls the service in :meth:`apply` / :meth:`revert`; the member stays selected."""

    def __init__(self, host: MemberCommandHost, member_id: str, text: str) -> None:
        super().__init__(host, text, changes=Changes.area("roster", [member_id]),
                         select=member_id)
        self.host: MemberCommandHost = host
        self.member_id = member_id

    def apply(self) -> object:
        raise NotImplementedError

    def revert(self) -> object:
        raise NotImplementedError

    def selected_after(self, result: object) -> str | None:
        return self.member_id


class AddMemberCommand(MemberCommand):
    """A new member: undone by taking the record back (a tombstone), redone by
    bringing the same record back."""

    def __init__(self, host: MemberCommandHost, member_id: str, name: str) -> None:
        super().__init__(host, member_id, translate("MemberCommands", "Add {name}").format(
            name=name))

    def apply(self) -> None:
        self.host.roster.undiscard(self.member_id)

    def revert(self) -> None:
        self.host.roster.discard(self.member_id)


class EditMemberCommand(MemberCommand):
    """An edit in the form: undone by saving the values from before."""

    def __init__(self, host: MemberCommandHost, member_id: str, before: MemberDraft,
                 after: MemberDraft) -> None:
        super().__init__(host, member_id, translate("MemberCommands", "Edit {name}").format(
            name=after.name))
        self.before = before
        self.after = after

    def apply(self) -> None:
        self.host.roster.update(self.member_id, self.after)

    def revert(self) -> None:
        self.host.roster.update(self.member_id, self.before)


class ConfirmFullCommand(MemberCommand):
    """转正 on a date; undone by the member's values from before (probationary)."""

    def __init__(self, host: MemberCommandHost, member_id: str, before: MemberDraft,
                 full_date: dt.date) -> None:
        super().__init__(host, member_id, translate(
            "MemberCommands", "Full membership of {name}").format(name=before.name))
        self.before = before
        self.full_date = full_date

    def apply(self) -> None:
        self.host.roster.confirm_full(self.member_id, self.full_date)

    def revert(self) -> None:
        self.host.roster.update(self.member_id, self.before)


class ExtendProbationCommand(MemberCommand):
    def __init__(self, host: MemberCommandHost, member_id: str, before: MemberDraft,
                 months: int, on_date: dt.date, reason: str) -> None:
        super().__init__(host, member_id, translate(
            "MemberCommands", "Extend the probation of {name}").format(name=before.name))
        self.before = before
        self.months = months
        self.on_date = on_date
        self.reason = reason

    def apply(self) -> None:
        self.host.roster.extend_probation(self.member_id, self.months, self.on_date,
                                          self.reason)

    def revert(self) -> None:
        self.host.roster.update(self.member_id, self.before)


class SetRelationStatusCommand(MemberCommand):
    """去世 / 出党 / 停止党籍; undone by restoring on the same day."""

    def __init__(self, host: MemberCommandHost, member_id: str, name: str, status: str,
                 on_date: dt.date, reason: str) -> None:
        texts = {
            "deceased": translate("MemberCommands", "Record the death of {name}"),
            "expelled": translate("MemberCommands", "Record that {name} left the Party"),
            "suspended": translate("MemberCommands", "Suspend the membership of {name}"),
        }
        super().__init__(host, member_id, texts.get(status, "{name}").format(name=name))
        self.status = status
        self.on_date = on_date
        self.reason = reason

    def apply(self) -> None:
        self.host.roster.set_relation_status(self.member_id, self.status, self.on_date,
                                             self.reason)

    def revert(self) -> None:
        self.host.roster.restore(self.member_id, self.on_date,
                                 translate("MemberCommands", "Undo"))


class RestoreMemberCommand(MemberCommand):
    """恢复 of a member who died, left or was suspended; undone by that status again."""

    def __init__(self, host: MemberCommandHost, member_id: str, name: str, status: str,
                 status_reason: str, on_date: dt.date, reason: str) -> None:
        super().__init__(host, member_id, translate("MemberCommands", "Restore {name}").format(
            name=name))
        self.status = status
        self.status_reason = status_reason
        self.on_date = on_date
        self.reason = reason

    def apply(self) -> None:
        self.host.roster.restore(self.member_id, self.on_date, self.reason)

    def revert(self) -> None:
        self.host.roster.set_relation_status(self.member_id, self.status, self.on_date,
                                             self.status_reason)
