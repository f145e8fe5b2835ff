"""Grids and the people who actually live there (网格 / 实有人口).

Grid → building → house → household → residents. A household always has
exactly one head; moving out and death are dated events on the resident, never
deletes; a household that moves keeps its members and history. Identity
numbers and phones are masked on the data side unless revealed.

:class:`HouseholdService` is imported when first asked for: the plain data of
:mod:`.model` and the SQL of :mod:`.filters` need no SQLAlchemy (the workbench
reads with them at start-up before SQLAlchemy is loaded).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# Every public name of the model (messages, drafts, rows …) stays importable from here.
from gridoffice.services.households.model import *  # noqa: F403

if TYPE_CHECKING:
    from gridoffice.services.households.service import HouseholdService as HouseholdService


def __getattr__(name: str) -> Any:
    if name == "HouseholdService":
        from gridoffice.services.households.service import HouseholdService as HouseholdService

        return HouseholdService
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
