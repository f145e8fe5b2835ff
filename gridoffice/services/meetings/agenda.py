"""A meeting's agenda: items, speeches and resolutions with their votes."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from gridoffice.domain import access
from gridoffice.domain import meetings as rules
from gridoffice.errors import ValidationError
from gridoffice.services.common import clean
from gridoffice.services.guard import requires
from gridoffice.services.meetings.base import MeetingServiceBase
from gridoffice.services.meetings.model import (
    CHG_ITEM,
    CHG_ITEM_ADDED,
    CHG_ITEM_REMOVED,
    CHG_RESOLUTION,
    CHG_RESOLUTION_ADDED,
    CHG_RESOLUTION_REMOVED,
    CHG_SPEECH,
    CHG_SPEECH_ADDED,
    CHG_SPEECH_REMOVED,
    MSG_ITEM_TITLE,
    MSG_RESOLUTION_TEXT,
    MSG_SPEAKER,
    MSG_VOTES_NEGATIVE,
    MSG_VOTES_OVER,
    ItemDraft,
    ResolutionDraft,
    SpeechDraft,
    change_record,
    check_field_code,
    clean_text,
)
from gridoffice.store.tables import AgendaItem, AgendaSpeech, Meeting, Resolution


class MeetingAgenda(MeetingServiceBase):
    """Agenda items, speeches and resolutions."""

    @requires(access.MEETINGS_EDIT)
    def add_item(self, meeting_id: str, draft: ItemDraft, *,
                 amendment: str | None = None) -> str:
        with self.db.write() as session:
            meeting = self._meeting(session, meeting_id)
            values = self._item_values(draft)
            self._guard(session, meeting, amendment,
                        change_record(CHG_ITEM_ADDED, title=values["title"]))
            return self._append(session, AgendaItem, self._items(session, meeting_id),
                                meeting_id=meeting_id, **values)

    @requires(access.MEETINGS_EDIT)
    def update_item(self, item_id: str, draft: ItemDraft, *,
                    amendment: str | None = None) -> None:
        with self.db.write() as session:
            item = self._row(session, AgendaItem, item_id)
            meeting = self._meeting(session, item.meeting_id)
            values = self._item_values(draft)
            changed = {k: v for k, v in values.items() if getattr(item, k) != v}
            if not changed:
                return
            self._guard(session, meeting, amendment, change_record(CHG_ITEM, title=values["title"]))
            for key, value in changed.items():
                setattr(item, key, value)

    @requires(access.MEETINGS_EDIT)
    def move_item(self, item_id: str, step: int) -> None:
        """Move an agenda item up (-1) or down (+1); before approval."""
        with self.db.write() as session:
            item = self._row(session, AgendaItem, item_id)
            meeting = self._meeting(session, item.meeting_id)
            self._guard(session, meeting, None, "")
            items = self._items(session, item.meeting_id)
            index = [i.id for i in items].index(item_id)
            other = index + step
            if 0 <= other < len(items):
                items[index], items[other] = items[other], items[index]
                for position, row in enumerate(items, start=1):
                    if row.position != position:
                        row.position = position

    @requires(access.MEETINGS_EDIT)
    def remove_item(self, item_id: str, *, amendment: str | None = None) -> None:
        with self.db.write() as session:
            item = self._row(session, AgendaItem, item_id)
            meeting = self._meeting(session, item.meeting_id)
            self._guard(session, meeting, amendment,
                        change_record(CHG_ITEM_REMOVED, title=item.title))
            item.deleted = True
            for speech in self._speeches(session, item_id):
                speech.deleted = True
            for resolution in self._resolutions(session, item_id):
                resolution.deleted = True
                for follow in self._follow_ups_of(session, resolution.id):
                    follow.deleted = True

    @requires(access.MEETINGS_EDIT)
    def add_speech(self, item_id: str, draft: SpeechDraft, *,
                   amendment: str | None = None) -> str:
        with self.db.write() as session:
            item = self._row(session, AgendaItem, item_id)
            meeting = self._meeting(session, item.meeting_id)
            values = self._speech_values(draft)
            self._guard(session, meeting, amendment,
                        change_record(CHG_SPEECH_ADDED, speaker=values["speaker"]))
            return self._append(session, AgendaSpeech, self._speeches(session, item_id),
                                item_id=item_id, **values)

    @requires(access.MEETINGS_EDIT)
    def update_speech(self, speech_id: str, draft: SpeechDraft, *,
                      amendment: str | None = None) -> None:
        with self.db.write() as session:
            speech = self._row(session, AgendaSpeech, speech_id)
            item = self._row(session, AgendaItem, speech.item_id)
            meeting = self._meeting(session, item.meeting_id)
            values = self._speech_values(draft)
            if all(getattr(speech, k) == v for k, v in values.items()):
                return
            self._guard(session, meeting, amendment,
                        change_record(CHG_SPEECH, speaker=values["speaker"]))
            for key, value in values.items():
                setattr(speech, key, value)

    @requires(access.MEETINGS_EDIT)
    def remove_speech(self, speech_id: str, *, amendment: str | None = None) -> None:
        with self.db.write() as session:
            speech = self._row(session, AgendaSpeech, speech_id)
            item = self._row(session, AgendaItem, speech.item_id)
            meeting = self._meeting(session, item.meeting_id)
            self._guard(session, meeting, amendment,
                        change_record(CHG_SPEECH_REMOVED, speaker=speech.speaker))
            speech.deleted = True

    @requires(access.MEETINGS_EDIT)
    def add_resolution(self, item_id: str, draft: ResolutionDraft, *,
                       amendment: str | None = None) -> str:
        with self.db.write() as session:
            item = self._row(session, AgendaItem, item_id)
            meeting = self._meeting(session, item.meeting_id)
            values = self._resolution_values(session, meeting, draft)
            self._guard(session, meeting, amendment,
                        change_record(CHG_RESOLUTION_ADDED, text=_short(values["text"])))
            return self._append(session, Resolution, self._resolutions(session, item_id),
                                item_id=item_id, **values)

    @requires(access.MEETINGS_EDIT)
    def update_resolution(self, resolution_id: str, draft: ResolutionDraft, *,
                          amendment: str | None = None) -> None:
        with self.db.write() as session:
            row = self._row(session, Resolution, resolution_id)
            item = self._row(session, AgendaItem, row.item_id)
            meeting = self._meeting(session, item.meeting_id)
            values = self._resolution_values(session, meeting, draft)
            changed = {k: v for k, v in values.items() if getattr(row, k) != v}
            if not changed:
                return
            self._guard(session, meeting, amendment, change_record(
                CHG_RESOLUTION, text=_short(values["text"]),
                before=f"{row.yes}/{row.no}/{row.abstain}",
                after=f"{values['yes']}/{values['no']}/{values['abstain']}"))
            for key, value in changed.items():
                setattr(row, key, value)

    @requires(access.MEETINGS_EDIT)
    def remove_resolution(self, resolution_id: str, *, amendment: str | None = None) -> None:
        with self.db.write() as session:
            row = self._row(session, Resolution, resolution_id)
            item = self._row(session, AgendaItem, row.item_id)
            meeting = self._meeting(session, item.meeting_id)
            self._guard(session, meeting, amendment,
                        change_record(CHG_RESOLUTION_REMOVED, text=_short(row.text)))
            row.deleted = True
            for follow in self._follow_ups_of(session, resolution_id):
                follow.deleted = True

    def _item_values(self, draft: ItemDraft) -> dict[str, Any]:
        title = clean(draft.title)
        if not title:
            raise ValidationError("title", MSG_ITEM_TITLE)
        check_field_code("source", rules.AGENDA_SOURCES, draft.source)
        return {"title": title, "source": draft.source,
                "proposer": clean(draft.proposer) or None,
                "content": clean_text(draft.content)}

    @staticmethod
    def _speech_values(draft: SpeechDraft) -> dict[str, Any]:
        speaker = clean(draft.speaker)
        if not speaker:
            raise ValidationError("speaker", MSG_SPEAKER)
        return {"speaker": speaker, "summary": clean_text(draft.summary)}

    def _resolution_values(self, session: Session, meeting: Meeting,
                           draft: ResolutionDraft) -> dict[str, Any]:
        text = clean_text(draft.text)
        if not text:
            raise ValidationError("text", MSG_RESOLUTION_TEXT)
        check_field_code("method", rules.VOTE_METHODS, draft.method)
        if min(draft.yes, draft.no, draft.abstain) < 0:
            raise ValidationError("votes", MSG_VOTES_NEGATIVE)
        attendance = self._attendance(meeting, self._attendees(session, meeting.id))
        votes = draft.yes + draft.no + draft.abstain
        if votes > attendance.present:
            raise ValidationError("votes", MSG_VOTES_OVER, votes=votes, yes=draft.yes,
                                  no=draft.no, abstain=draft.abstain,
                                  present=attendance.present)
        result = rules.DEFERRED if draft.deferred else rules.vote_result(
            draft.yes, draft.no, draft.abstain, self._base(attendance))
        return {"text": text, "method": draft.method, "yes": draft.yes, "no": draft.no,
                "abstain": draft.abstain, "result": result}


def _short(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
