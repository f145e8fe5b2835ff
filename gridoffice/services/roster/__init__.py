"""The party-member roster: members, their lifecycle and history, search, reminders.

Nobody is ever deleted: a member who dies, leaves or is transferred out keeps
the record, with a ``relation_status`` and a dated event, and their time in
each organisation is kept as placements, so the roster can answer "who was in
this branch on date X". Identity numbers and phones are masked here, on the
data side, unless the caller asks to reveal them (:meth:`RosterService.reveal`
is the one place a permission will guard, and it writes the audit log).

:class:`RosterService` is imported when first asked for: the plain data of
:mod:`.model` and the list query of :mod:`.rows` need no SQLAlchemy, and the
workbench reads with them at start-up before SQLAlchemy is loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# Every public name of the model (messages, drafts, rows …) stays importable from here.
from gridoffice.services.roster.model import *  # noqa: F403

if TYPE_CHECKING:
    from gridoffice.services.roster.service import RosterService as RosterService


def __getattr__(name: str) -> Any:
    if name == "RosterService":
        from gridoffice.services.roster.service import RosterService as RosterService

        return RosterService
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
