"""Who attends a meeting and the sign-in marks: attendees, presence, copying a list."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session

from gridoffice.domain import access
from gridoffice.domain import meetings as rules
from gridoffice.errors import Term, ValidationError
from gridoffice.services.common import clean
from gridoffice.services.guard import requires
from gridoffice.services.meetings.base import MeetingServiceBase
from gridoffice.services.meetings.model import (
    CHG_ATTENDEE,
    CHG_ATTENDEE_ADDED,
    CHG_ATTENDEE_REMOVED,
    MSG_ABSENCE_REASON,
    MSG_ATTENDEE_NAME,
    MSG_ATTENDEE_TWICE,
    MSG_PRESENCE_VOTES,
    AttendeeDraft,
    change_record,
    check_field_code,
)
from gridoffice.services.people import Person, find_people
from gridoffice.store.tables import Meeting, MeetingAttendee


class MeetingAttendance(MeetingServiceBase):
    """The attendee list and sign-in of a meeting."""

    @requires(access.MEETINGS_EDIT)
    def add_attendee(self, meeting_id: str, draft: AttendeeDraft, *,
                     amendment: str | None = None) -> str:
        with self.db.write() as session:
            meeting = self._meeting(session, meeting_id)
            values = self._attendee_values(session, meeting_id, draft, None)
            self._guard(session, meeting, amendment,
                        change_record(CHG_ATTENDEE_ADDED, name=values["name"]))
            existing = self._attendees(session, meeting_id)
            values["sort_order"] = max((a.sort_order for a in existing), default=0) + 1
            row = MeetingAttendee(meeting_id=meeting_id, signed_at=self._signed(values),
                                  **values)
            session.add(row)
            session.flush()
            self._check_headcount_cleared(meeting)
            self._recount(session, meeting)
            return row.id

    @requires(access.MEETINGS_EDIT)
    def add_attendees(self, meeting_id: str, drafts: list[AttendeeDraft]) -> list[str]:
        """Several at once (a pick list), all or nothing; before approval."""
        with self.db.write() as session:
            meeting = self._meeting(session, meeting_id)
            self._guard(session, meeting, None, "")
            listed = self._attendees(session, meeting_id)  # read once, not per draft
            order = max((a.sort_order for a in listed), default=0)
            ids = []
            for draft in drafts:
                values = self._attendee_values(session, meeting_id, draft, None, listed)
                order += 1
                row = MeetingAttendee(meeting_id=meeting_id, sort_order=order,
                                      signed_at=self._signed(values), **values)
                session.add(row)
                session.flush()
                listed.append(row)
                ids.append(row.id)
            self._check_headcount_cleared(meeting)
            self._recount(session, meeting)
            return ids

    @requires(access.MEETINGS_EDIT)
    def update_attendee(self, attendee_id: str, draft: AttendeeDraft, *,
                        amendment: str | None = None) -> None:
        with self.db.write() as session:
            row = self._row(session, MeetingAttendee, attendee_id)
            meeting = self._meeting(session, row.meeting_id)
            values = self._attendee_values(session, row.meeting_id, draft, attendee_id)
            changed = {k: v for k, v in values.items() if getattr(row, k) != v}
            if not changed:
                return
            self._guard(session, meeting, amendment, change_record(
                CHG_ATTENDEE, name=row.name, before=_presence_text(row.presence),
                after=_presence_text(values["presence"])))
            if "presence" in changed:
                self._check_votes_after(session, meeting, attendee_id, values["presence"])
                row.signed_at = self.now() if values["presence"] == rules.PRESENT else None
            for key, value in changed.items():
                setattr(row, key, value)
            self._recount(session, meeting)

    @requires(access.MEETINGS_EDIT)
    def set_presence(self, attendee_id: str, presence: str | None,
                     absence_reason: str | None = None, *,
                     amendment: str | None = None) -> None:
        """Sign-in: one mark per person (None clears the mark)."""
        with self.db.read() as session:
            row = self._row(session, MeetingAttendee, attendee_id)
            draft = AttendeeDraft(row.name, row.identity, row.person_kind, row.person_id,
                                  row.unit, presence,
                                  absence_reason if absence_reason is not None
                                  else row.absence_reason)
        self.update_attendee(attendee_id, draft, amendment=amendment)

    @requires(access.MEETINGS_EDIT)
    def remove_attendee(self, attendee_id: str, *, amendment: str | None = None) -> None:
        with self.db.write() as session:
            row = self._row(session, MeetingAttendee, attendee_id)
            meeting = self._meeting(session, row.meeting_id)
            self._guard(session, meeting, amendment,
                        change_record(CHG_ATTENDEE_REMOVED, name=row.name))
            self._check_votes_after(session, meeting, attendee_id, None, removing=True)
            row.deleted = True
            self._recount(session, meeting)

    @requires(access.MEETINGS_EDIT)
    def copy_attendees(self, from_meeting_id: str, to_meeting_id: str) -> int:
        """Add the attendees of another meeting who are not on the list yet."""
        with self.db.write() as session:
            meeting = self._meeting(session, to_meeting_id)
            self._guard(session, meeting, None, "")
            added = self._copy_attendees(session, from_meeting_id, to_meeting_id)
            self._recount(session, meeting)
            return added

    @requires(access.MEETINGS_VIEW)
    def people(self, text: str, limit: int = 40) -> list[Person]:
        """Party members, residents and in-service members whose name, pinyin or
        initials match (for the attendee picker)."""
        return find_people(self.db, text, limit)

    @requires(access.MEETINGS_VIEW)
    def unit_names(self) -> list[str]:
        """The units of the area (for a unit's representative at a joint meeting)."""
        with self.db.read() as session:
            return [r[0] for r in session.connection().exec_driver_sql(
                "SELECT DISTINCT name FROM work_unit WHERE NOT deleted AND retired_on IS NULL "
                "ORDER BY name")]

    def _attendee_values(self, session: Session, meeting_id: str, draft: AttendeeDraft,
                         attendee_id: str | None,
                         listed: list[MeetingAttendee] | None = None) -> dict[str, Any]:
        """The checked values of an attendee (``listed``: the meeting's attendees when
        the caller has them already)."""
        name = clean(draft.name)
        if not name:
            raise ValidationError("name", MSG_ATTENDEE_NAME)
        check_field_code("identity", rules.ATTENDEE_IDENTITIES, draft.identity)
        check_field_code("person_kind", rules.PERSON_KINDS, draft.person_kind)
        check_field_code("presence", rules.PRESENCE, draft.presence)
        reason = clean(draft.absence_reason) or None
        if draft.presence in (rules.LEAVE, rules.ABSENT) and not reason:
            raise ValidationError("absence_reason", MSG_ABSENCE_REASON, name=name,
                                  presence=Term(rules.PRESENCE.label(draft.presence)))
        if draft.presence not in (rules.LEAVE, rules.ABSENT):
            reason = None
        for other in self._attendees(session, meeting_id) if listed is None else listed:
            if other.id == attendee_id:
                continue
            same_person = (draft.person_id and other.person_id == draft.person_id)
            same_free = (draft.person_kind == "free" and other.person_kind == "free"
                         and other.name == name and (other.unit or "") == (draft.unit or ""))
            if same_person or same_free:
                raise ValidationError("name", MSG_ATTENDEE_TWICE, name=name)
        return {"name": name, "identity": draft.identity, "person_kind": draft.person_kind,
                "person_id": draft.person_id if draft.person_kind != "free" else None,
                "unit": clean(draft.unit) or None, "presence": draft.presence,
                "absence_reason": reason}

    def _signed(self, values: dict[str, Any]) -> dt.datetime | None:
        """A walk-in marked present on arrival signs in now."""
        return self.now() if values["presence"] == rules.PRESENT else None

    def _check_headcount_cleared(self, meeting: Meeting) -> None:
        # A list of attendees replaces typed headcounts.
        if meeting.headcount_expected is not None or meeting.headcount_present is not None:
            meeting.headcount_expected = None
            meeting.headcount_present = None

    def _check_votes_after(self, session: Session, meeting: Meeting, attendee_id: str,
                           presence: str | None, *, removing: bool = False) -> None:
        presences = [None if (removing and a.id == attendee_id) else
                     (presence if a.id == attendee_id else a.presence)
                     for a in self._attendees(session, meeting.id)
                     if not (removing and a.id == attendee_id)]
        present = rules.attendance(presences).present
        votes = max((r.yes + r.no + r.abstain for r in self._meeting_resolutions(
            session, meeting.id)), default=0)
        if votes > present:
            raise ValidationError("presence", MSG_PRESENCE_VOTES, present=present, votes=votes)


def _presence_text(presence: str | None) -> str:
    return rules.PRESENCE.label(presence) if presence else "—"
