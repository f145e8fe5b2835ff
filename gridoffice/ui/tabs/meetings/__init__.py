"""The resident-council tab (居民议事会): :class:`MeetingsTab` in :mod:`.tab`, the
meeting list in :mod:`.view`, what its toolbar does in :mod:`.actions`, the
selected meeting in :mod:`.detail` (its pages: :mod:`.attendees`, :mod:`.agenda`,
:mod:`.attachments`) and the follow-up tracking view in :mod:`.follow_ups`."""

from gridoffice.ui.tabs.meetings.tab import MeetingsTab

__all__ = ["MeetingsTab"]
