"""The roster service: its parts put together (see the package's docstring)."""

from __future__ import annotations

from gridoffice.services.roster.members import RosterMembers
from gridoffice.services.roster.reading import RosterReading
from gridoffice.services.roster.transfers import RosterTransfers


class RosterService(RosterMembers, RosterTransfers, RosterReading):
    """Use cases of the party-member roster."""
