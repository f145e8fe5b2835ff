"""The HouseholdService of :mod:`gridoffice.services.households` (see there)."""

from __future__ import annotations

from gridoffice.services.households.grids import HouseholdGrids
from gridoffice.services.households.records import HouseholdRecords
from gridoffice.services.households.residents import ResidentReading
from gridoffice.services.households.visits import HouseholdVisits


class HouseholdService(HouseholdGrids, HouseholdRecords, ResidentReading, HouseholdVisits):
    """Use cases of the grid households register."""
