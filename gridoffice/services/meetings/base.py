"""What every part of the meeting service shares: the database, the operator, the
clock, the vote rule, the guard on approved minutes and the row lookups."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session, col, select

from gridoffice.domain import access
from gridoffice.domain import meetings as rules
from gridoffice.domain.access import Actor
from gridoffice.errors import UserError
from gridoffice.services.common import MSG_GONE, live_row
from gridoffice.services.guard import FREE, office_reach, require_office, requires
from gridoffice.services.meetings.model import (
    MSG_LOCKED,
    MSG_MEETING_MISSING,
    FollowUpRow,
    MeetingDraft,
    MeetingRules,
    clean_text,
    load_rules,
    save_rules,
)
from gridoffice.store.database import Database
from gridoffice.store.tables import (
    AgendaItem,
    AgendaSpeech,
    FollowUp,
    Meeting,
    MeetingAmendment,
    MeetingAttendee,
    Resolution,
)


class MeetingServiceBase:
    """State and lookups shared by the parts of :class:`MeetingService`."""

    def __init__(self, db: Database, operator: str = "", today: dt.date | None = None,
                 meeting_rules: MeetingRules | None = None,
                 now: dt.datetime | None = None) -> None:
        self.db = db
        self.operator = operator
        self.actor = Actor.open(operator)  # the container sets the signed-in account
        self._today = today
        self._now = now
        self.rules = meeting_rules if meeting_rules is not None else load_rules(db.path)

    @requires(FREE)
    def today(self) -> dt.date:
        return self._today or (self._now.date() if self._now else dt.date.today())

    @requires(FREE)
    def now(self) -> dt.datetime:
        return self._now or dt.datetime.now().replace(microsecond=0)

    @requires(access.MEETINGS_VIEW)
    def reload_rules(self) -> MeetingRules:
        self.rules = load_rules(self.db.path)
        return self.rules

    @requires(access.SETTINGS)
    def save_rules(self, value: MeetingRules) -> MeetingRules:
        """Store the office's meeting rules (a setting: administrators only) and use
        them from now on."""
        save_rules(self.db.path, value)
        return self.reload_rules()

    def _guard(self, session: Session, meeting: Meeting, amendment: str | None,
               change: str) -> None:
        """Approved minutes change only with a reason, recorded as an amendment."""
        if meeting.approved_on is None:
            return
        reason = clean_text(amendment)
        if not reason or not change:
            raise UserError(MSG_LOCKED, date=meeting.approved_on.isoformat())
        session.add(MeetingAmendment(meeting_id=meeting.id, amended_at=self.now(),
                                     operator=self.operator, reason=reason, change=change))

    def _recount(self, session: Session, meeting: Meeting) -> None:
        """Attendance moved: results computed by the rule follow, until approval."""
        if meeting.approved_on is not None:
            return
        session.flush()
        base = self._base(self._attendance(meeting, self._attendees(session, meeting.id)))
        for resolution in self._meeting_resolutions(session, meeting.id):
            if resolution.result == rules.DEFERRED:
                continue
            result = rules.vote_result(resolution.yes, resolution.no, resolution.abstain, base)
            if resolution.result != result:
                resolution.result = result

    def _base(self, attendance: rules.Attendance) -> int:
        return attendance.expected if self.rules.vote_base == "expected" else attendance.present

    @staticmethod
    def _attendance(meeting: Meeting, attendees: list[MeetingAttendee]) -> rules.Attendance:
        if attendees or meeting.headcount_expected is None:
            return rules.attendance([a.presence for a in attendees])
        expected = meeting.headcount_expected or 0
        present = meeting.headcount_present or 0
        return rules.Attendance(expected, present, 0, expected - present, 0, 0)

    def _has_list(self, session: Session, meeting_id: str) -> bool:
        return bool(self._attendees(session, meeting_id))

    @staticmethod
    def _draft(meeting: Meeting) -> MeetingDraft:
        return MeetingDraft(
            meeting.meeting_type, meeting.start_at, meeting.end_at, meeting.place,
            meeting.host, meeting.recorder, meeting.title, meeting.session_no,
            meeting.org_id, meeting.status, meeting.headcount_expected,
            meeting.headcount_present, meeting.content, meeting.note)

    def _reach(self, column: Any) -> list[Any]:
        """Conditions limiting ``column`` (an ``origin_office``) to the communities of a
        street worker limited to some (none otherwise)."""
        return office_reach(self.actor, column)

    def _row(self, session: Session, model: Any, row_id: str | None,
             message: str = MSG_GONE) -> Any:
        """A live row the actor may reach (a street worker: of their communities)."""
        return require_office(self.actor, live_row(session, model, row_id, message))

    def _refs(self, session: Session,
              meetings: list[tuple[str, dt.datetime]] | None = None) -> dict[str, str]:
        """The number shown for each meeting the actor may see: its date and its place
        in that day (numbered among all the meetings, so a number never changes).

        ``meetings`` (id, start): only these are needed, and only the meetings of the
        days from the first of them to the last are read (by the index on the start)."""
        refs: dict[str, str] = {}
        per_day: dict[str, int] = {}
        stmt = (select(Meeting.id, Meeting.start_at, Meeting.origin_office)
                .where(col(Meeting.deleted).is_(False)))
        if meetings is not None:
            if not meetings:
                return refs
            first = min(start for _id, start in meetings).date()
            last = max(start for _id, start in meetings).date() + dt.timedelta(days=1)
            stmt = stmt.where(col(Meeting.start_at) >= dt.datetime.combine(first, dt.time()),
                              col(Meeting.start_at) < dt.datetime.combine(last, dt.time()))
        for mid, start, office in session.exec(
                stmt.order_by(col(Meeting.start_at), col(Meeting.id))).all():
            day = start.strftime("%Y%m%d")
            per_day[day] = per_day.get(day, 0) + 1
            if self.actor.in_communities(office):
                refs[mid] = f"{day}-{per_day[day]}"
        return refs

    @staticmethod
    def _follow_row(follow: FollowUp, resolution_text: str, meeting: Meeting,
                    refs: dict[str, str], today: dt.date) -> FollowUpRow:
        return FollowUpRow(
            follow.id, follow.resolution_id, follow.meeting_id, refs.get(meeting.id, ""),
            meeting.start_at.date(), meeting.title,
            resolution_text, follow.task, follow.owner, follow.due_date, follow.status,
            rules.follow_up_state(follow.status, follow.due_date, today), follow.done_on,
            follow.feedback, follow.published, meeting.meeting_type, meeting.session_no,
            follow.origin_office)

    def _copy_attendees(self, session: Session, from_id: str, to_id: str) -> int:
        existing = self._attendees(session, to_id)
        keys = {(a.person_kind, a.person_id or a.name) for a in existing}
        order = max((a.sort_order for a in existing), default=0)
        added = 0
        for other in self._attendees(session, from_id):
            key = (other.person_kind, other.person_id or other.name)
            if key in keys:
                continue
            keys.add(key)
            order += 1
            added += 1
            session.add(MeetingAttendee(
                meeting_id=to_id, person_kind=other.person_kind, person_id=other.person_id,
                name=other.name, identity=other.identity, unit=other.unit,
                sort_order=order,
                presence=rules.OBSERVER if other.presence == rules.OBSERVER else None))
        return added

    def _meeting(self, session: Session, meeting_id: str) -> Meeting:
        return self._row(session, Meeting, meeting_id, MSG_MEETING_MISSING)  # type: ignore[no-any-return]

    @staticmethod
    def _append(session: Session, model: Any, siblings: list[Any], **values: Any) -> str:
        """Add a row after its siblings (agenda items, speeches, resolutions); its id."""
        position = max((s.position for s in siblings), default=0) + 1
        row = model(position=position, **values)
        session.add(row)
        session.flush()
        return str(row.id)

    @staticmethod
    def _live(session: Session, model: Any, parent: Any, parent_id: str,
              order: Any) -> list[Any]:
        """The rows of ``model`` under one parent that are not tombstones, in order."""
        return list(session.exec(
            select(model).where(parent == parent_id, col(model.deleted).is_(False))
            .order_by(col(order), col(model.id))).all())

    def _attendees(self, session: Session, meeting_id: str) -> list[MeetingAttendee]:
        return self._live(session, MeetingAttendee, MeetingAttendee.meeting_id, meeting_id,
                          MeetingAttendee.sort_order)

    def _items(self, session: Session, meeting_id: str) -> list[AgendaItem]:
        return self._live(session, AgendaItem, AgendaItem.meeting_id, meeting_id,
                          AgendaItem.position)

    def _speeches(self, session: Session, item_id: str) -> list[AgendaSpeech]:
        return self._live(session, AgendaSpeech, AgendaSpeech.item_id, item_id,
                          AgendaSpeech.position)

    def _resolutions(self, session: Session, item_id: str) -> list[Resolution]:
        return self._live(session, Resolution, Resolution.item_id, item_id,
                          Resolution.position)

    @staticmethod
    def _meeting_resolutions(session: Session, meeting_id: str) -> list[Resolution]:
        return list(session.exec(
            select(Resolution).join(AgendaItem, col(AgendaItem.id) == Resolution.item_id)
            .where(AgendaItem.meeting_id == meeting_id, col(AgendaItem.deleted).is_(False),
                   col(Resolution.deleted).is_(False))).all())

    def _follow_ups_of(self, session: Session, resolution_id: str) -> list[FollowUp]:
        return self._live(session, FollowUp, FollowUp.resolution_id, resolution_id,
                          FollowUp.due_date)

    def _amendments(self, session: Session, meeting_id: str) -> list[MeetingAmendment]:
        return self._live(session, MeetingAmendment, MeetingAmendment.meeting_id, meeting_id,
                          MeetingAmendment.amended_at)
