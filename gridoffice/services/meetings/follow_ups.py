"""Follow-ups (落实) of resolutions: open after approval, since carrying out
decisions happens after the meeting."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from sqlmodel import col, select

from gridoffice.domain import access
from gridoffice.domain import meetings as rules
from gridoffice.errors import Term, ValidationError
from gridoffice.services.common import MSG_CODE_VALUE, check_code, clean
from gridoffice.services.guard import requires
from gridoffice.services.meetings.base import MeetingServiceBase
from gridoffice.services.meetings.model import (
    FIELD_LABELS,
    MSG_DONE_BEFORE,
    MSG_DONE_DATE,
    MSG_DONE_FUTURE,
    MSG_DUE_BEFORE,
    MSG_OWNER,
    MSG_TASK,
    FollowUpDraft,
    FollowUpQuery,
    FollowUpRow,
    TrackingCounts,
    clean_text,
)
from gridoffice.store.tables import AgendaItem, FollowUp, Meeting, Resolution


class MeetingFollowUps(MeetingServiceBase):
    """Follow-ups of resolutions and the tracking figures."""

    @requires(access.MEETINGS_EDIT)
    def add_follow_up(self, resolution_id: str, draft: FollowUpDraft) -> str:
        with self.db.write() as session:
            resolution = self._row(session, Resolution, resolution_id)
            item = self._row(session, AgendaItem, resolution.item_id)
            meeting = self._meeting(session, item.meeting_id)
            values = self._follow_up_values(meeting, draft)
            row = FollowUp(resolution_id=resolution_id, meeting_id=meeting.id, **values)
            session.add(row)
            session.flush()
            return row.id

    @requires(access.MEETINGS_EDIT)
    def update_follow_up(self, follow_up_id: str, draft: FollowUpDraft) -> None:
        with self.db.write() as session:
            row = self._row(session, FollowUp, follow_up_id)
            meeting = self._meeting(session, row.meeting_id)
            for key, value in self._follow_up_values(meeting, draft).items():
                if getattr(row, key) != value:
                    setattr(row, key, value)

    @requires(access.MEETINGS_VIEW)
    def follow_up_draft(self, follow_up_id: str) -> FollowUpDraft:
        with self.db.read() as session:
            row = self._row(session, FollowUp, follow_up_id)
            return FollowUpDraft(row.task, row.owner, row.due_date, row.status, row.done_on,
                                 row.feedback, row.published)

    @requires(access.MEETINGS_EDIT)
    def complete_follow_up(self, follow_up_id: str, done_on: dt.date | None = None,
                           feedback: str | None = None) -> None:
        draft = self.follow_up_draft(follow_up_id)
        self.update_follow_up(follow_up_id, replace(
            draft, status=rules.DONE, done_on=done_on or self.today(),
            feedback=draft.feedback if feedback is None else feedback))

    @requires(access.MEETINGS_EDIT)
    def remove_follow_up(self, follow_up_id: str) -> None:
        with self.db.write() as session:
            self._row(session, FollowUp, follow_up_id).deleted = True

    @requires(access.MEETINGS_VIEW)
    def follow_ups(self, query: FollowUpQuery = FollowUpQuery()) -> list[FollowUpRow]:
        today = self.today()
        with self.db.read() as session:
            stmt = (select(FollowUp, Resolution.text, Meeting)
                    .join(Resolution, col(Resolution.id) == FollowUp.resolution_id)
                    .join(Meeting, col(Meeting.id) == FollowUp.meeting_id)
                    .where(col(FollowUp.deleted).is_(False), col(Resolution.deleted).is_(False),
                           col(Meeting.deleted).is_(False),
                           *self._reach(FollowUp.origin_office)))
            if query.meeting_id:
                stmt = stmt.where(FollowUp.meeting_id == query.meeting_id)
            if query.office is not None:
                stmt = stmt.where(FollowUp.origin_office == query.office)
            if query.year:
                stmt = stmt.where(col(Meeting.start_at) >= dt.datetime(query.year, 1, 1),
                                  col(Meeting.start_at) < dt.datetime(query.year + 1, 1, 1))
            if query.done_in_year:
                stmt = stmt.where(col(FollowUp.done_on) >= dt.date(query.done_in_year, 1, 1),
                                  col(FollowUp.done_on) < dt.date(query.done_in_year + 1, 1, 1))
            found = session.exec(stmt).all()
            refs = self._refs(session, [(m.id, m.start_at) for _f, _t, m in found])
            rows = [self._follow_row(follow, text, meeting, refs, today)
                    for follow, text, meeting in found]
        needle = clean(query.text)
        result = []
        for row in rows:
            if query.state == "open" and row.status == rules.DONE:
                continue
            if query.state == "overdue" and row.state != rules.OVERDUE:
                continue
            if query.state == "due" and not rules.due_within(row.status, row.due_date, today,
                                                             query.due_days):
                continue
            if query.state == "done" and row.status != rules.DONE:
                continue
            if query.done_in_year and not (row.done_on and row.done_on.year == query.done_in_year):
                continue
            if needle and not any(needle in t for t in (row.task, row.owner, row.resolution,
                                                        row.meeting_title, row.feedback)):
                continue
            result.append(row)
        result.sort(key=lambda r: (r.status == rules.DONE, r.due_date or dt.date.max,
                                   r.meeting_date, r.task))
        return result

    @requires(access.MEETINGS_VIEW)
    def tracking_counts(self, year: int | None = None, *, office: str | None = None
                        ) -> TrackingCounts:
        """The figures of the banner (``office``: of one office's follow-ups only)."""
        year = year or self.today().year
        rows = self.follow_ups(FollowUpQuery(office=office))
        return TrackingCounts(
            open=sum(1 for r in rows if r.status != rules.DONE),
            overdue=sum(1 for r in rows if r.state == rules.OVERDUE),
            done_this_year=sum(1 for r in rows if r.done_on and r.done_on.year == year
                               and r.status == rules.DONE),
            total=len(rows),
        )

    def _follow_up_values(self, meeting: Meeting, draft: FollowUpDraft) -> dict[str, Any]:
        task = clean_text(draft.task)
        if not task:
            raise ValidationError("task", MSG_TASK)
        owner = clean(draft.owner)
        if not owner:
            raise ValidationError("owner", MSG_OWNER)
        if draft.status == rules.OVERDUE:  # derived, never stored
            raise ValidationError("status", MSG_CODE_VALUE, field=Term(FIELD_LABELS["status"]),
                                  value=draft.status)
        check_code("status", rules.FOLLOW_UP_STATUS, draft.status, FIELD_LABELS["status"])
        meeting_day = meeting.start_at.date()
        if draft.due_date is not None and draft.due_date < meeting_day:
            raise ValidationError("due_date", MSG_DUE_BEFORE, date=draft.due_date.isoformat(),
                                  meeting=meeting_day.isoformat())
        done_on = draft.done_on if draft.status == rules.DONE else None
        if draft.status == rules.DONE:
            if done_on is None:
                raise ValidationError("done_on", MSG_DONE_DATE)
            if done_on < meeting_day:
                raise ValidationError("done_on", MSG_DONE_BEFORE, date=done_on.isoformat(),
                                      meeting=meeting_day.isoformat())
            if done_on > self.today():
                raise ValidationError("done_on", MSG_DONE_FUTURE, date=done_on.isoformat())
        return {"task": task, "owner": owner, "due_date": draft.due_date,
                "status": draft.status, "done_on": done_on,
                "feedback": clean_text(draft.feedback), "published": draft.published}
