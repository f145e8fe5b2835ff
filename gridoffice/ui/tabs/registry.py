"""The tabs of the main window, in their order, each registered once. The window
shows itself before any tab is imported: :func:`tab_classes` imports them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gridoffice.ui.tabs.base import BaseTab


def tab_classes() -> list[type[BaseTab]]:
    """The tab classes in the window's order."""
    from gridoffice.ui.tabs.households import HouseholdsTab
    from gridoffice.ui.tabs.inservice import InServiceTab
    from gridoffice.ui.tabs.meetings import MeetingsTab
    from gridoffice.ui.tabs.roster import RosterTab
    from gridoffice.ui.tabs.sync import SyncTab

    return [RosterTab, HouseholdsTab, MeetingsTab, InServiceTab, SyncTab]
