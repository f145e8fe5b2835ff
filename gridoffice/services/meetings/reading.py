"""Reading meetings: the list, the minutes, finding a meeting and the year's summary."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session, col, select

from gridoffice.domain import access
from gridoffice.domain import meetings as rules
from gridoffice.domain.dates import parse_date
from gridoffice.errors import UserError
from gridoffice.services.common import clean
from gridoffice.services.guard import requires
from gridoffice.services.meetings.follow_ups import MeetingFollowUps
from gridoffice.services.meetings.model import (
    MSG_AMBIGUOUS,
    MSG_NO_COUNCIL_ON,
    MSG_NO_MEETING,
    AmendmentRow,
    AttachmentRow,
    AttendeeRow,
    CouncilSummary,
    FollowUpQuery,
    ItemRow,
    MeetingQuery,
    MeetingRow,
    Minutes,
    ResolutionRow,
    SpeechRow,
    TypeSummary,
    YearSummary,
)
from gridoffice.store.tables import AgendaItem, Meeting, MeetingAttachment, Resolution


class MeetingReading(MeetingFollowUps):
    """Lists, minutes and summaries of meetings (the summary counts follow-ups)."""

    @requires(access.MEETINGS_VIEW)
    def list_meetings(self, query: MeetingQuery = MeetingQuery()) -> list[MeetingRow]:
        with self.db.read() as session:
            stmt = select(Meeting).where(col(Meeting.deleted).is_(False),
                                         *self._reach(Meeting.origin_office))
            if query.meeting_type:
                stmt = stmt.where(Meeting.meeting_type == query.meeting_type)
            if query.status:
                stmt = stmt.where(Meeting.status == query.status)
            if query.office is not None:
                stmt = stmt.where(Meeting.origin_office == query.office)
            if query.year:
                stmt = stmt.where(col(Meeting.start_at) >= dt.datetime(query.year, 1, 1),
                                  col(Meeting.start_at) < dt.datetime(query.year + 1, 1, 1))
            meetings = session.exec(stmt.order_by(col(Meeting.start_at).desc())).all()
            refs = self._refs(session, [(m.id, m.start_at) for m in meetings])
            stats = self._stats(session, year=query.year)
        needle = clean(query.text)
        try:  # a date typed the office way (2026/11/10, 2026年11月10日): that day's meetings
            day = parse_date(needle)
        except ValueError:
            day = None
        rows = []
        for meeting in meetings:
            if day is not None and meeting.start_at.date() != day:
                continue
            row = self._meeting_row(meeting, refs, stats)
            if day is None and needle and not any(
                    needle in t for t in (row.title, row.place, row.host, row.ref)):
                continue
            rows.append(row)
        return rows

    @requires(access.MEETINGS_VIEW)
    def minutes(self, meeting_id: str) -> Minutes:
        today = self.today()
        with self.db.read() as session:
            meeting = self._meeting(session, meeting_id)
            refs = self._refs(session, [(meeting.id, meeting.start_at)])
            attendees = self._attendees(session, meeting_id)
            items = []
            for item in self._items(session, meeting_id):
                speeches = tuple(SpeechRow(s.id, s.speaker, s.summary)
                                 for s in self._speeches(session, item.id))
                resolutions = []
                for r in self._resolutions(session, item.id):
                    follows = tuple(self._follow_row(f, r.text, meeting, refs, today)
                                    for f in self._follow_ups_of(session, r.id))
                    resolutions.append(ResolutionRow(r.id, r.text, r.method, r.yes, r.no,
                                                     r.abstain, r.result, follows))
                items.append(ItemRow(item.id, item.position, item.title, item.source,
                                     item.proposer, item.content, speeches,
                                     tuple(resolutions)))
            amendments = tuple(AmendmentRow(a.id, a.amended_at, a.operator, a.reason,
                                            a.change)
                               for a in self._amendments(session, meeting_id))
            attachments = tuple(
                AttachmentRow(*row) for row in session.exec(
                    select(MeetingAttachment.id, MeetingAttachment.kind,
                           MeetingAttachment.file_name, MeetingAttachment.mime,
                           MeetingAttachment.size, MeetingAttachment.added_at,
                           MeetingAttachment.note)
                    .where(MeetingAttachment.meeting_id == meeting_id,
                           col(MeetingAttachment.deleted).is_(False))
                    .order_by(col(MeetingAttachment.added_at))).all())
            stats = self._stats(session, meeting_id)
            attendance = self._attendance(meeting, attendees)
            return Minutes(
                meeting=self._meeting_row(meeting, refs, stats),
                draft=self._draft(meeting), attendance=attendance,
                attendees=tuple(AttendeeRow(a.id, a.name, a.identity, a.unit, a.person_kind,
                                            a.person_id, a.presence, a.absence_reason,
                                            a.signed_at, a.sort_order) for a in attendees),
                items=tuple(items), amendments=amendments, attachments=attachments,
                vote_base=self.rules.vote_base)

    @requires(access.MEETINGS_VIEW)
    def find_meeting(self, ref: str) -> str:
        """The meeting with the number shown in the program (20261110-1), a unique
        start of it, or of its internal id."""
        ref = clean(ref)
        with self.db.read() as session:
            refs = self._refs(session)
        exact = [mid for mid, r in refs.items() if r == ref or mid == ref]
        if len(exact) == 1:
            return exact[0]
        matches = [mid for mid, r in refs.items() if r.startswith(ref) or mid.startswith(ref)]
        if not ref or not matches:
            raise UserError(MSG_NO_MEETING, ref=ref)
        if len(matches) > 1:
            raise UserError(MSG_AMBIGUOUS, ref=ref, count=len(matches))
        return matches[0]

    @requires(access.MEETINGS_VIEW)
    def council_on(self, day: dt.date) -> str:
        with self.db.read() as session:
            found = session.exec(
                select(Meeting.id).where(
                    Meeting.meeting_type == rules.COUNCIL, col(Meeting.deleted).is_(False),
                    *self._reach(Meeting.origin_office),
                    col(Meeting.start_at) >= dt.datetime.combine(day, dt.time()),
                    col(Meeting.start_at) < dt.datetime.combine(day + dt.timedelta(days=1),
                                                                dt.time()))
                .order_by(col(Meeting.status) == "cancelled")).first()
        if found is None:
            raise UserError(MSG_NO_COUNCIL_ON, date=day.isoformat())
        return found

    @requires(access.MEETINGS_VIEW)
    def year_summary(self, year: int) -> YearSummary:
        meetings = self.list_meetings(MeetingQuery(year=year))
        follows = self.follow_ups(FollowUpQuery(year=year))
        solved = sum(1 for f in self.follow_ups(FollowUpQuery(done_in_year=year))
                     if f.status == rules.DONE)
        by_type = []
        for code in rules.MEETING_TYPES:
            of_type = [m for m in meetings if m.meeting_type == code.code]
            held = [m for m in of_type if m.status == "finished"]
            by_type.append(TypeSummary(code.code, len(held),
                                       sum(1 for m in of_type if m.status == "cancelled"),
                                       sum(m.expected for m in held),
                                       sum(m.present for m in held)))
        councils = []
        with self.db.read() as session:
            passed_counts: dict[str, int] = {}
            for meeting_id, _rid in session.exec(
                    select(AgendaItem.meeting_id, Resolution.id)
                    .join(Resolution, col(Resolution.item_id) == AgendaItem.id)
                    .where(Resolution.result == rules.PASSED,
                           col(Resolution.deleted).is_(False),
                           col(AgendaItem.deleted).is_(False),
                           col(AgendaItem.meeting_id).in_([m.id for m in meetings]))).all():
                passed_counts[meeting_id] = passed_counts.get(meeting_id, 0) + 1
        for m in sorted(meetings, key=lambda m: m.start_at):
            if m.meeting_type != rules.COUNCIL:
                continue
            mine = [f for f in follows if f.meeting_id == m.id]
            councils.append(CouncilSummary(
                m.ref, m.session_no, m.start_at.date(), m.status, m.expected, m.present,
                m.items, m.resolutions, passed_counts.get(m.id, 0), len(mine),
                sum(1 for f in mine if f.status == rules.DONE)))
        held = [m for m in meetings if m.status == "finished"]
        return YearSummary(
            year=year, by_type=tuple(by_type), councils=tuple(councils), held=len(held),
            expected=sum(m.expected for m in held), present=sum(m.present for m in held),
            items=sum(m.items for m in held), resolutions=sum(m.resolutions for m in held),
            passed=sum(passed_counts.get(m.id, 0) for m in held), follow_ups=len(follows),
            follow_ups_done=sum(1 for f in follows if f.status == rules.DONE),
            solved_this_year=solved)

    def _meeting_row(self, meeting: Meeting, refs: dict[str, str],
                     stats: dict[str, dict[str, Any]]) -> MeetingRow:
        mine = stats.get(meeting.id, {})
        presences = mine.get("presences", [])
        if presences or meeting.headcount_expected is None:
            attendance = rules.attendance(presences)
            expected, present = attendance.expected, attendance.present
        else:
            expected = meeting.headcount_expected or 0
            present = meeting.headcount_present or 0
        return MeetingRow(
            meeting.id, refs.get(meeting.id, ""), meeting.meeting_type, meeting.session_no,
            meeting.title, meeting.start_at, meeting.end_at,
            meeting.place, meeting.host, meeting.recorder, meeting.status,
            meeting.approved_on, expected, present, mine.get("items", 0),
            mine.get("resolutions", 0), mine.get("open", 0), mine.get("attachments", 0),
            meeting.approved_by, meeting.cancel_reason, meeting.origin_office)

    def _stats(self, session: Session, meeting_id: str | None = None,
               year: int | None = None) -> dict[str, dict[str, Any]]:
        """Per meeting (one, those of a year, or all): presence marks and counts, in a
        few set-based queries."""
        stats: dict[str, dict[str, Any]] = {}
        where, params = "", {}
        if meeting_id:
            where, params = " AND meeting_id = :m", {"m": meeting_id}
        elif year:
            where = (" AND meeting_id IN (SELECT id FROM meeting WHERE start_at >= :since "
                     "AND start_at < :until)")
            params = {"since": f"{year:04d}-01-01", "until": f"{year + 1:04d}-01-01"}
        conn = session.connection()

        def rows(sql: str) -> list[Any]:
            from sqlalchemy import text
            return list(conn.execute(text(sql), params).fetchall())

        for mid, presence in rows("SELECT meeting_id, presence FROM meeting_attendee "
                                  f"WHERE NOT deleted{where}"):
            stats.setdefault(mid, {}).setdefault("presences", []).append(presence)
        for mid, count in rows("SELECT meeting_id, count(*) FROM agenda_item "
                               f"WHERE NOT deleted{where} GROUP BY meeting_id"):
            stats.setdefault(mid, {})["items"] = count
        for mid, count in rows(
                "SELECT i.meeting_id, count(*) FROM resolution r JOIN agenda_item i "
                "ON i.id = r.item_id WHERE NOT r.deleted AND NOT i.deleted"
                f"{where.replace('meeting_id', 'i.meeting_id')} GROUP BY i.meeting_id"):
            stats.setdefault(mid, {})["resolutions"] = count
        for mid, count in rows("SELECT meeting_id, count(*) FROM follow_up "
                               f"WHERE NOT deleted AND status != 'done'{where} "
                               "GROUP BY meeting_id"):
            stats.setdefault(mid, {})["open"] = count
        for mid, count in rows("SELECT meeting_id, count(*) FROM meeting_attachment "
                               f"WHERE NOT deleted{where} GROUP BY meeting_id"):
            stats.setdefault(mid, {})["attachments"] = count
        return stats
