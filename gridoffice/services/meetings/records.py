"""A meeting's record and its course: proposing and scheduling councils, details,
start, finish, cancel, approval, and undoing a removal."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session, col, select

from gridoffice.domain import access
from gridoffice.domain import meetings as rules
from gridoffice.errors import Term, UserError, ValidationError
from gridoffice.services.common import MSG_GONE, clean
from gridoffice.services.guard import requires
from gridoffice.services.meetings.base import MeetingServiceBase
from gridoffice.services.meetings.model import (
    CHG_MEETING,
    FIELD_LABELS,
    MSG_ALREADY_APPROVED,
    MSG_APPROVE_STATUS,
    MSG_APPROVE_UNMARKED,
    MSG_CANCEL_APPROVED,
    MSG_CANCEL_REASON,
    MSG_CANCELLED,
    MSG_END_BEFORE,
    MSG_END_LONG,
    MSG_HEADCOUNT_NEGATIVE,
    MSG_HEADCOUNT_OVER,
    MSG_HEADCOUNT_WITH_LIST,
    MSG_SESSION_NUMBER,
    MSG_SESSION_TAKEN,
    MSG_START,
    MeetingDraft,
    change_record,
    check_field_code,
    clean_text,
    format_minute,
)
from gridoffice.store.tables import (
    AgendaItem,
    AgendaSpeech,
    FollowUp,
    Meeting,
    MeetingAttachment,
    MeetingAttendee,
    Resolution,
)


class MeetingRecords(MeetingServiceBase):
    """Creating meetings and moving them through their statuses."""

    @requires(access.MEETINGS_VIEW)
    def propose_council(self) -> MeetingDraft:
        """The next council by the rule: date, time, session number, place and host
        of the last council."""
        with self.db.read() as session:
            last = session.exec(
                select(Meeting).where(Meeting.meeting_type == rules.COUNCIL,
                                      col(Meeting.deleted).is_(False),
                                      Meeting.status != "cancelled",
                                      *self._reach(Meeting.origin_office))
                .order_by(col(Meeting.start_at).desc())).first()
            highest = session.exec(
                select(Meeting.session_no).where(Meeting.meeting_type == rules.COUNCIL,
                                                 col(Meeting.deleted).is_(False),
                                                 *self._reach(Meeting.origin_office))
                .order_by(col(Meeting.session_no).desc())).first()
        r = self.rules
        date = rules.next_council_date(
            last.start_at.date() if last else None, self.today(), day=r.council_day,
            move=r.move_off_days_off, holidays=r.holidays, workdays=r.workdays)
        start = dt.datetime.combine(date, r.council_time)
        return MeetingDraft(
            meeting_type=rules.COUNCIL, start_at=start,
            end_at=start + dt.timedelta(hours=rules.COUNCIL_HOURS),
            place=(last.place if last else "") or r.place,
            host=last.host if last else "", recorder=last.recorder if last else "",
            session_no=(highest or 0) + 1,
        )

    @requires(access.MEETINGS_VIEW)
    def last_council_id(self) -> str | None:
        with self.db.read() as session:
            return session.exec(
                select(Meeting.id).where(Meeting.meeting_type == rules.COUNCIL,
                                         col(Meeting.deleted).is_(False),
                                         *self._reach(Meeting.origin_office))
                .order_by(col(Meeting.start_at).desc())).first()

    @requires(access.MEETINGS_EDIT)
    def create_meeting(self, draft: MeetingDraft, *, copy_attendees_from: str | None = None
                       ) -> str:
        with self.db.write() as session:
            values = self._meeting_values(session, draft, None, has_list=False)
            meeting = Meeting(**values)
            session.add(meeting)
            session.flush()
            if copy_attendees_from:
                self._copy_attendees(session, copy_attendees_from, meeting.id)
            return meeting.id

    @requires(access.MEETINGS_EDIT)
    def schedule_next_council(self, *, copy_attendees: bool = True) -> str:
        """Create the proposed next council, with the last council's attendees."""
        previous = self.last_council_id() if copy_attendees else None
        return self.create_meeting(self.propose_council(), copy_attendees_from=previous)

    @requires(access.MEETINGS_EDIT)
    def update_meeting(self, meeting_id: str, draft: MeetingDraft, *,
                       amendment: str | None = None) -> None:
        with self.db.write() as session:
            meeting = self._meeting(session, meeting_id)
            has_list = self._has_list(session, meeting_id)
            values = self._meeting_values(session, draft, meeting_id, has_list=has_list)
            values.pop("status", None)  # status moves by start/finish/cancel only
            changed = [key for key, value in values.items() if getattr(meeting, key) != value]
            if not changed:
                return
            self._guard(session, meeting, amendment,
                        change_record(CHG_MEETING, fields=[FIELD_LABELS[k] for k in changed]))
            for key in changed:
                setattr(meeting, key, values[key])
            self._recount(session, meeting)

    @requires(access.MEETINGS_VIEW)
    def meeting_draft(self, meeting_id: str) -> MeetingDraft:
        with self.db.read() as session:
            return self._draft(self._meeting(session, meeting_id))

    @requires(access.MEETINGS_EDIT)
    def start(self, meeting_id: str) -> None:
        """The meeting begins (sign-in opens)."""
        with self.db.write() as session:
            meeting = self._meeting(session, meeting_id)
            self._not_cancelled(meeting)
            if meeting.status in ("draft", "planned"):
                meeting.status = "in_progress"

    @requires(access.MEETINGS_EDIT)
    def finish(self, meeting_id: str, end_at: dt.datetime | None = None) -> None:
        """The meeting is over; the end time is now unless given or already set."""
        with self.db.write() as session:
            meeting = self._meeting(session, meeting_id)
            self._not_cancelled(meeting)
            end = end_at or meeting.end_at
            if end is None:
                now = self.now()
                end = now if now > meeting.start_at else (
                    meeting.start_at + dt.timedelta(hours=rules.COUNCIL_HOURS))
            self._check_times(meeting.start_at, end)
            meeting.end_at = end
            meeting.status = "finished"

    @requires(access.MEETINGS_EDIT)
    def cancel(self, meeting_id: str, reason: str) -> None:
        reason = clean(reason)
        if not reason:
            raise ValidationError("cancel_reason", MSG_CANCEL_REASON)
        with self.db.write() as session:
            meeting = self._meeting(session, meeting_id)
            if meeting.approved_on:
                raise UserError(MSG_CANCEL_APPROVED)
            meeting.status = "cancelled"
            meeting.cancel_reason = reason

    @requires(access.MEETINGS_EDIT)
    def reopen(self, meeting_id: str) -> None:
        """Undo a cancellation or a finish (before approval)."""
        with self.db.write() as session:
            meeting = self._meeting(session, meeting_id)
            if meeting.approved_on:
                raise UserError(MSG_ALREADY_APPROVED, date=meeting.approved_on.isoformat())
            meeting.status = "planned" if meeting.start_at > self.now() else "in_progress"
            meeting.cancel_reason = None

    @requires(access.MEETINGS_EDIT)
    def set_status(self, meeting_id: str, status: str) -> None:
        """Put a status back (undo of start, finish, cancel), before approval."""
        check_field_code("status", rules.MEETING_STATUS, status)
        with self.db.write() as session:
            meeting = self._meeting(session, meeting_id)
            if meeting.approved_on:
                raise UserError(MSG_ALREADY_APPROVED, date=meeting.approved_on.isoformat())
            meeting.status = status

    @requires(access.MEETINGS_EDIT)
    def approve(self, meeting_id: str, approved_by: str = "") -> None:
        with self.db.write() as session:
            meeting = self._meeting(session, meeting_id)
            if meeting.approved_on:
                raise UserError(MSG_ALREADY_APPROVED, date=meeting.approved_on.isoformat())
            if meeting.status != "finished":
                raise UserError(MSG_APPROVE_STATUS,
                                status=Term(rules.MEETING_STATUS.label(meeting.status)))
            unmarked = sum(1 for a in self._attendees(session, meeting_id) if a.presence is None)
            if unmarked:
                raise UserError(MSG_APPROVE_UNMARKED, count=unmarked)
            meeting.approved_on = self.today()
            meeting.approved_by = clean(approved_by) or self.operator or meeting.host

    @requires(access.MEETINGS_EDIT)
    def remove_approval(self, meeting_id: str) -> None:
        """Undo of an approval made by mistake, only while nothing was amended."""
        with self.db.write() as session:
            meeting = self._meeting(session, meeting_id)
            if self._amendments(session, meeting_id):
                raise UserError(MSG_ALREADY_APPROVED,
                                date=meeting.approved_on.isoformat() if meeting.approved_on
                                else "")
            meeting.approved_on = None
            meeting.approved_by = None

    @requires(access.MEETINGS_EDIT)
    def restore(self, kind: str, row_id: str) -> None:
        """Undo of a removal: the tombstone is lifted (same rules as adding)."""
        model = {"attendee": MeetingAttendee, "item": AgendaItem, "speech": AgendaSpeech,
                 "resolution": Resolution, "follow_up": FollowUp,
                 "attachment": MeetingAttachment}[kind]
        with self.db.write() as session:
            row = session.get(model, row_id)
            if row is None:
                raise UserError(MSG_GONE)
            self.actor.require_communities(row.origin_office)
            row.deleted = False
            if kind == "item":
                for speech in session.exec(select(AgendaSpeech).where(
                        AgendaSpeech.item_id == row_id)).all():
                    speech.deleted = False
                for resolution in session.exec(select(Resolution).where(
                        Resolution.item_id == row_id)).all():
                    resolution.deleted = False
                    for follow in session.exec(select(FollowUp).where(
                            FollowUp.resolution_id == resolution.id)).all():
                        follow.deleted = False
            elif kind == "resolution":
                for follow in session.exec(select(FollowUp).where(
                        FollowUp.resolution_id == row_id)).all():
                    follow.deleted = False

    def _meeting_values(self, session: Session, draft: MeetingDraft, meeting_id: str | None,
                        *, has_list: bool) -> dict[str, Any]:
        check_field_code("meeting_type", rules.MEETING_TYPES, draft.meeting_type)
        check_field_code("status", rules.MEETING_STATUS, draft.status)
        if draft.start_at is None:
            raise ValidationError("start_at", MSG_START)
        start = draft.start_at.replace(second=0, microsecond=0)
        end = draft.end_at.replace(second=0, microsecond=0) if draft.end_at else None
        if end is not None:
            self._check_times(start, end)
        session_no = draft.session_no
        if session_no is not None:
            if session_no < 1:
                raise ValidationError("session_no", MSG_SESSION_NUMBER, value=session_no)
            clash = session.exec(
                select(Meeting).where(Meeting.meeting_type == draft.meeting_type,
                                      Meeting.session_no == session_no,
                                      col(Meeting.deleted).is_(False),
                                      Meeting.id != (meeting_id or ""))).first()
            if clash is not None:
                raise ValidationError("session_no", MSG_SESSION_TAKEN, number=session_no,
                                      date=clash.start_at.date().isoformat())
        expected, present = draft.headcount_expected, draft.headcount_present
        if has_list and (expected is not None or present is not None):
            raise ValidationError("headcount_expected", MSG_HEADCOUNT_WITH_LIST)
        for name, value in (("headcount_expected", expected),
                            ("headcount_present", present)):
            if value is not None and value < 0:
                raise ValidationError(name, MSG_HEADCOUNT_NEGATIVE,
                                      field=Term(FIELD_LABELS[name]))
        if present is not None and (expected or 0) < present:
            raise ValidationError("headcount_present", MSG_HEADCOUNT_OVER, present=present,
                                  expected=expected or 0)
        return {
            "meeting_type": draft.meeting_type, "session_no": session_no,
            "title": clean(draft.title), "org_id": draft.org_id, "start_at": start,
            "end_at": end, "place": clean(draft.place), "host": clean(draft.host),
            "recorder": clean(draft.recorder), "status": draft.status,
            "headcount_expected": expected, "headcount_present": present,
            "content": clean_text(draft.content), "note": clean(draft.note) or None,
        }

    @staticmethod
    def _check_times(start: dt.datetime, end: dt.datetime) -> None:
        if end <= start:
            raise ValidationError("end_at", MSG_END_BEFORE, end=format_minute(end),
                                  start=format_minute(start))
        if end - start > dt.timedelta(days=1):
            raise ValidationError("end_at", MSG_END_LONG)

    @staticmethod
    def _not_cancelled(meeting: Meeting) -> None:
        if meeting.status == "cancelled":
            raise UserError(MSG_CANCELLED)
