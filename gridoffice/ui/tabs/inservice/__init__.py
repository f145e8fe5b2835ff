"""The "In-service members" tab as a package: :mod:`.tab` (the tab), :mod:`.view`,
:mod:`.detail`, :mod:`.actions`, :mod:`.ledgers` (the registrations page) and the
pages :mod:`.posts`, :mod:`.activities`, :mod:`.points`."""

from gridoffice.ui.tabs.inservice.tab import (
    PAGE_ACTIVITIES,
    PAGE_POINTS,
    PAGE_POSTS,
    PAGE_REGISTRATIONS,
    InServiceTab,
)

__all__ = ["PAGE_ACTIVITIES", "PAGE_POINTS", "PAGE_POSTS", "PAGE_REGISTRATIONS",
           "InServiceTab"]
