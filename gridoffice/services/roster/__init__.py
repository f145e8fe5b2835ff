"""The party-member roster: members, their lifecycle and history, search, reminders.

Nobody is ever deleted: a member who dies, leaves or is transferred out keeps
the record, with a ``relation_status`` and a dated event, and their time in
each organisation is kept as placements, so the roster can answer "who was in
this branch on date X". Identity numbers and phones are masked here, on the
data side, unless the caller asks to reveal them (:meth:`RosterService.reveal`
is the one place a permission will guard, and it writes the audit log).
"""

from __future__ import annotations

from gridoffice.services.roster.members import RosterMembers

# Every public name of the model (messages, drafts, rows …) stays importable from here.
from gridoffice.services.roster.model import *  # noqa: F403
from gridoffice.services.roster.reading import RosterReading
from gridoffice.services.roster.transfers import RosterTransfers


class RosterService(RosterMembers, RosterTransfers, RosterReading):
    """Use cases of the party-member roster."""
