"""The households tab's changes that the service can take back, as undo commands.

edit grid ↔ the grid's values from before; edit resident ↔ the form's values from
before; link / unlink a party member ↔ the member linked before; 党员中心户 on / off
↔ the flag from before; change head ↔ the old head made head again (the new head
gets its old relation back); move household ↔ back to the old house.

Each :class:`Change` goes on the window's undo stack as a
:class:`~gridoffice.ui.undo.ServiceCommand` (through
:func:`~gridoffice.ui.undo.push_change`) after its first service call succeeded.
An undo or redo the service refuses (the data changed meanwhile: the old head
moved out, the old house has a new household, …) changes nothing and tells the
user why.

Creating grids, buildings, houses, households and residents, moving out, deaths,
visits, tags and merges are facts that stay: they push nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from gridoffice.services.changes import Changes

if TYPE_CHECKING:
    from gridoffice.services.households import GridDraft, HouseholdService, ResidentDraft

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


@dataclasses.dataclass(frozen=True)
class Change:
    """A change already stored: what Edit ▸ Undo shows, how to make it again and how
    to take it back (None: no inverse), and the tables and ids it touches. ``apply``
    and ``revert`` return the id to select afterwards (or None)."""

    text: str
    apply: Callable[[], object]
    revert: Callable[[], object] | None
    changes: Changes


def edit_grid(service: HouseholdService, grid_id: str, before: GridDraft,
              after: GridDraft) -> Change:
    """The grid form saved ``after`` over ``before`` (every field, as ``grid()`` reads)."""
    def update(draft: GridDraft) -> Callable[[], object]:
        return lambda: service.update_grid(grid_id, draft)

    return Change(translate("HouseholdCommands", "Edit grid {name}").format(name=after.name),
                  update(after), update(before) if before != after else None,
                  Changes.of("grid", ids=[grid_id]))


def unmasked(before: ResidentDraft, revealed: tuple[str | None, str | None] | None
             ) -> ResidentDraft:
    """The resident's values from before an edit, to save back on undo.

    The form shows the ID number and phone masked, and only lets them be changed
    after they were revealed. A masked value saved back keeps what is stored; so
    when the user revealed (and may have changed) them, the values from before
    are the revealed ones, or an undo would keep the new number."""
    if revealed is None:
        return before
    number, mobile = revealed
    return dataclasses.replace(before, id_number=number or "", mobile=mobile or "")


def edit_resident(service: HouseholdService, resident_id: str, before: ResidentDraft,
                  after: ResidentDraft) -> Change:
    """The resident form saved ``after``; ``before`` holds what was stored (see
    :func:`unmasked`)."""
    def update(draft: ResidentDraft) -> Callable[[], object]:
        def run() -> str:
            service.update_resident(resident_id, draft)
            return resident_id
        return run

    return Change(translate("HouseholdCommands", "Edit resident {name}").format(
        name=after.name), update(after), update(before) if before != after else None,
        Changes.of("resident", ids=[resident_id]))


def link_member(service: HouseholdService, resident_id: str, name: str, before: str | None,
                after: str | None) -> Change:
    """The resident is linked to party member ``after`` (None: unlinked); it was
    linked to ``before``."""
    def link(member_id: str | None) -> Callable[[], object]:
        def run() -> str:
            service.link_member(resident_id, member_id)
            return resident_id
        return run

    text = (translate("HouseholdCommands", "Link {name} to a party member") if after else
            translate("HouseholdCommands", "Unlink {name} from the party member"))
    return Change(text.format(name=name), link(after), link(before) if before != after else None,
                  Changes.of("resident", "member", ids=[resident_id, before, after]))


def center_household(service: HouseholdService, household_id: str, address: str,
                     before: str | None, after: str | None) -> Change:
    """党员中心户 on (``after``: the member living there) or off (None)."""
    def mark(member_id: str | None) -> Callable[[], object]:
        return lambda: service.set_center_household(household_id, member_id)

    text = (translate("HouseholdCommands", "Mark {address} as a party member centre household")
            if after else
            translate("HouseholdCommands", "Unmark {address} as a party member centre "
                                           "household"))
    return Change(text.format(address=address), mark(after),
                  mark(before) if before != after else None,
                  Changes.of("household", ids=[household_id]))


def change_head(service: HouseholdService, household_id: str, *, new_head: str, name: str,
                new_head_relation: str, old_head: str | None, old_head_relation: str
                ) -> Change:
    """``new_head`` (its relation was ``new_head_relation``) became the head;
    ``old_head`` (None: there was none, so no undo) became ``old_head_relation``."""
    def apply() -> object:
        return service.change_head(household_id, new_head, old_head_relation)

    def revert() -> object:
        assert old_head is not None
        return service.change_head(household_id, old_head, new_head_relation)

    return Change(translate("HouseholdCommands", "Make {name} head of the household").format(
        name=name), apply, revert if old_head is not None and old_head != new_head else None,
        Changes.of("household", "resident", ids=[household_id, new_head, old_head]))


def move_household(service: HouseholdService, household_id: str, address: str,
                   before: str, after: str) -> Change:
    """The household at ``address`` moved from house ``before`` to house ``after``."""
    def move(house_id: str) -> Callable[[], object]:
        return lambda: service.move_household(household_id, house_id)

    return Change(translate("HouseholdCommands", "Move the household of {address}").format(
        address=address), move(after), move(before) if before != after else None,
        Changes.of("household", "house", ids=[household_id, before, after]))
