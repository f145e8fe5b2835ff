"""Grids and the people who actually live there (网格 / 实有人口).

Grid → building → house → household → residents. A household always has
exactly one head; moving out and death are dated events on the resident, never
deletes; a household that moves keeps its members and history. Identity
numbers and phones are masked on the data side unless revealed.
"""

from __future__ import annotations

from gridoffice.services.households.grids import HouseholdGrids

# Every public name of the model (messages, drafts, rows …) stays importable from here.
from gridoffice.services.households.model import *  # noqa: F403
from gridoffice.services.households.records import HouseholdRecords
from gridoffice.services.households.residents import ResidentReading
from gridoffice.services.households.visits import HouseholdVisits


class HouseholdService(HouseholdGrids, HouseholdRecords, ResidentReading, HouseholdVisits):
    """Use cases of the grid households register."""
