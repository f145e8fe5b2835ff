"""The "Party members" tab (党员名册) as a package: the tab (:mod:`.tab`), the
organisation tree (:mod:`.tree`), the member table (:mod:`.members`), the details
(:mod:`.org_detail`, :mod:`.member_detail`), the reminders, and the actions with
their undo commands."""

from gridoffice.ui.tabs.roster.tab import RosterTab

__all__ = ["RosterTab"]
