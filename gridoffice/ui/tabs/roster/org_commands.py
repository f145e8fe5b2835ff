"""Undo commands of the organisation tree, each undone by the service's own inverse.

create ↔ discard, edit ↔ edit back, move ↔ move back to the old place,
retire ↔ restore (and resume the seats the retirement ended), restore ↔
retire, appoint ↔ withdraw the appointment, end term ↔ resume term.

Each is a :class:`~gridoffice.ui.undo.ServiceCommand` (pushed after its first
service call succeeded; a refused undo or redo tells the user why and leaves
the stack).

Redoing a creation makes a new row with a new id; the host maps the old id to
the new one, so later commands on the stack still find their organisation.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication

from gridoffice.errors import UserError
from gridoffice.services.changes import Changes
from gridoffice.ui.undo import ServiceCommand

if TYPE_CHECKING:
    from gridoffice.services.orgs import OrgDraft, OrgNode, OrgService, SeatRow

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


class CommandHost(Protocol):
    """What a command needs from the tab that pushed it."""

    @property
    def service(self) -> OrgService: ...

    def resolve(self, org_id: str | None) -> str | None:
        """The current id of an organisation first known as ``org_id``."""

    def remap(self, old_id: str, new_id: str) -> None:
        """``old_id`` was discarded and made again as ``new_id``."""

    def command_done(self, changes: Changes, select: str | None) -> None: ...

    def report_failure(self, err: UserError, undoing: bool) -> None: ...


class OrgCommand(ServiceCommand):
    """Calls the service in :meth:`apply` / :meth:`revert`; both return the id to select."""

    def __init__(self, host: CommandHost, text: str) -> None:
        super().__init__(host, text, changes=Changes.area("roster"))
        self.host: CommandHost = host

    def apply(self) -> str | None:
        raise NotImplementedError

    def revert(self) -> str | None:
        raise NotImplementedError

    def selection(self) -> str | None:
        """What to select after the first redo (the change already happened)."""
        return None


class CreateOrgCommand(OrgCommand):
    def __init__(self, host: CommandHost, node: OrgNode, draft: OrgDraft) -> None:
        super().__init__(host, translate("OrgCommands", "Create {name}").format(name=node.name))
        self.org_id = node.id
        self.draft = draft

    def selection(self) -> str | None:
        return self.org_id

    def apply(self) -> str | None:
        draft = dataclasses.replace(self.draft, parent_id=self.host.resolve(self.draft.parent_id))
        node = self.host.service.create(draft)
        self.host.remap(self.org_id, node.id)
        return node.id

    def revert(self) -> str | None:
        org_id = self.host.resolve(self.org_id)
        assert org_id is not None
        self.host.service.discard(org_id)
        return self.host.resolve(self.draft.parent_id)


class EditOrgCommand(OrgCommand):
    def __init__(self, host: CommandHost, org_id: str, before: OrgDraft, after: OrgDraft) -> None:
        if before.name != after.name:
            text = translate("OrgCommands", "Rename {old} to {new}")
            text = text.format(old=before.name, new=after.name)
        else:
            text = translate("OrgCommands", "Edit {name}").format(name=after.name)
        super().__init__(host, text)
        self.org_id = org_id
        self.before = before
        self.after = after

    def selection(self) -> str | None:
        return self.org_id

    def _update(self, draft: OrgDraft) -> str | None:
        org_id = self.host.resolve(self.org_id)
        assert org_id is not None
        self.host.service.update(org_id, draft)
        return org_id

    def apply(self) -> str | None:
        return self._update(self.after)

    def revert(self) -> str | None:
        return self._update(self.before)


@dataclasses.dataclass(frozen=True)
class Place:
    """Where an organisation sits: its parent and its position among the siblings."""

    parent_id: str | None
    position: int | None  # None: after the last sibling


class MoveOrgCommand(OrgCommand):
    def __init__(self, host: CommandHost, node: OrgNode, before: Place, after: Place) -> None:
        super().__init__(host, translate("OrgCommands", "Move {name}").format(name=node.name))
        self.org_id = node.id
        self.before = before
        self.after = after

    def selection(self) -> str | None:
        return self.org_id

    def _move(self, place: Place) -> str | None:
        org_id = self.host.resolve(self.org_id)
        assert org_id is not None
        self.host.service.move(org_id, self.host.resolve(place.parent_id), place.position)
        return org_id

    def apply(self) -> str | None:
        return self._move(self.after)

    def revert(self) -> str | None:
        return self._move(self.before)


class RetireOrgCommand(OrgCommand):
    def __init__(self, host: CommandHost, node: OrgNode, day: dt.date, reason: str,
                 ended_seats: Sequence[str]) -> None:
        super().__init__(host, translate("OrgCommands", "Retire {name}").format(name=node.name))
        self.org_id = node.id
        self.parent_id = node.parent_id
        self.day = day
        self.reason = reason
        self.ended_seats = tuple(ended_seats)

    def selection(self) -> str | None:
        return self.org_id

    def apply(self) -> str | None:
        org_id = self.host.resolve(self.org_id)
        assert org_id is not None
        self.host.service.retire(org_id, self.day, self.reason)
        return org_id

    def revert(self) -> str | None:
        org_id = self.host.resolve(self.org_id)
        assert org_id is not None
        service = self.host.service
        service.restore(org_id)
        for seat_id in self.ended_seats:  # the retirement ended them: resume them
            service.reopen_seat(seat_id)
        return org_id


class RestoreOrgCommand(OrgCommand):
    def __init__(self, host: CommandHost, node: OrgNode, reason: str) -> None:
        super().__init__(host, translate("OrgCommands", "Restore {name}").format(name=node.name))
        assert node.retired_on is not None
        self.org_id = node.id
        self.day = node.retired_on
        self.reason = reason

    def selection(self) -> str | None:
        return self.org_id

    def apply(self) -> str | None:
        org_id = self.host.resolve(self.org_id)
        assert org_id is not None
        self.host.service.restore(org_id)
        return org_id

    def revert(self) -> str | None:
        org_id = self.host.resolve(self.org_id)
        assert org_id is not None
        self.host.service.retire(org_id, self.day, self.reason)
        return org_id


class EndSeatCommand(OrgCommand):
    def __init__(self, host: CommandHost, org_id: str, seat_id: str, seat: str, person: str,
                 to_date: dt.date) -> None:
        text = translate("OrgCommands", "End the term of {person}").format(person=person)
        super().__init__(host, text)
        self.org_id = org_id
        self.seat_id = seat_id
        self.seat = seat
        self.to_date = to_date

    def selection(self) -> str | None:
        return self.org_id

    def apply(self) -> str | None:
        self.host.service.end_seat(self.seat_id, self.to_date)
        return self.host.resolve(self.org_id)

    def revert(self) -> str | None:
        org_id = self.host.resolve(self.org_id)
        assert org_id is not None
        self.host.service.reopen_seat(self.seat_id)  # refused if someone else holds it now
        return org_id


class AppointCommand(OrgCommand):
    def __init__(self, host: CommandHost, org_id: str, row: SeatRow) -> None:
        text = translate("OrgCommands", "Appoint {person}").format(person=row.person_name)
        super().__init__(host, text)
        self.org_id = org_id
        self.row = row
        self.seat_id = row.id

    def selection(self) -> str | None:
        return self.org_id

    def apply(self) -> str | None:
        org_id = self.host.resolve(self.org_id)
        assert org_id is not None
        again = self.host.service.appoint(org_id, self.row.seat, self.row.person_name,
                                          self.row.from_date, self.row.note, self.row.unit_id)
        self.seat_id = again.id
        return org_id

    def revert(self) -> str | None:
        self.host.service.withdraw_appointment(self.seat_id)
        return self.host.resolve(self.org_id)
