"""Resident council and party meetings (居民议事会 / 三会一课).

A meeting has attendees (people from the roster or the households register, or
typed names), agenda items with speeches and resolutions, and follow-ups (落实)
per resolution. Expected and actual attendance are derived from the attendees'
sign-in marks, never typed twice; a resolution's result follows the vote rule.
Approving the minutes locks them: later changes need a reason and are kept as
dated amendments. Follow-ups and attachments stay open after approval — carrying
out decisions happens after the meeting.
"""

from __future__ import annotations

from gridoffice.services.meetings.agenda import MeetingAgenda
from gridoffice.services.meetings.attachments import MeetingAttachments
from gridoffice.services.meetings.attendance import MeetingAttendance
from gridoffice.services.meetings.follow_ups import MeetingFollowUps

# Every public name of the model (messages, drafts, rows …) stays importable from here.
from gridoffice.services.meetings.model import *  # noqa: F403
from gridoffice.services.meetings.reading import MeetingReading
from gridoffice.services.meetings.records import MeetingRecords
from gridoffice.services.people import Person  # noqa: F401  (the meeting dialogs import it here)


class MeetingService(MeetingRecords, MeetingAttendance, MeetingAgenda, MeetingReading,
                     MeetingFollowUps, MeetingAttachments):
    """Use cases of the meetings tab, the minutes ledgers and the CLI."""
