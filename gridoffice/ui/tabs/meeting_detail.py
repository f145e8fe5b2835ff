"""The meeting detail moved to :mod:`gridoffice.ui.tabs.meetings.detail`; the table
helper is :func:`gridoffice.ui.tabs.meetings.common.make_table`. These names stay
importable here for the in-service tab's imports."""

from gridoffice.ui.tabs.meetings.common import NOT_ASKED
from gridoffice.ui.tabs.meetings.common import make_table as _table
from gridoffice.ui.tabs.meetings.detail import MeetingDetailPanel

__all__ = ["NOT_ASKED", "MeetingDetailPanel", "_table"]
