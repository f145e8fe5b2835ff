"""The tabs of the main window, in their order, each registered once. The window
shows itself before any tab is imported: :func:`tab_classes` imports them (the
first alone first, so that it shows its data before the others are built)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gridoffice.ui.tabs.base import BaseTab

#: (module, class) of every tab, in the window's order
TABS = (
    ("gridoffice.ui.tabs.workbench", "WorkbenchTab"),
    ("gridoffice.ui.tabs.roster", "RosterTab"),
    ("gridoffice.ui.tabs.households", "HouseholdsTab"),
    ("gridoffice.ui.tabs.meetings", "MeetingsTab"),
    ("gridoffice.ui.tabs.inservice", "InServiceTab"),
    ("gridoffice.ui.tabs.cobuild", "CobuildTab"),
    ("gridoffice.ui.tabs.sync", "SyncTab"),
)


def tab_classes(start: int = 0) -> list[type[BaseTab]]:
    """The tab classes in the window's order, from the ``start``-th on (importing
    only those)."""
    return [getattr(importlib.import_module(module), name) for module, name in TABS[start:]]
