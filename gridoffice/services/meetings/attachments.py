"""Files kept with a meeting (sign-in sheets, photos, scans): checked, stored, read back."""

from __future__ import annotations

import hashlib
from pathlib import Path

from gridoffice.domain import access
from gridoffice.domain import meetings as rules
from gridoffice.errors import ValidationError
from gridoffice.services.common import clean
from gridoffice.services.guard import requires
from gridoffice.services.meetings.base import MeetingServiceBase
from gridoffice.services.meetings.model import (
    MSG_ATTACH_EMPTY,
    MSG_ATTACH_READ,
    MSG_ATTACH_TOO_BIG,
    MSG_ATTACH_TYPE,
    check_field_code,
)
from gridoffice.store.tables import MeetingAttachment


class MeetingAttachments(MeetingServiceBase):
    """A meeting's attachments."""

    @requires(access.MEETINGS_EDIT)
    def add_attachment(self, meeting_id: str, path: Path, kind: str = "other",
                       note: str | None = None) -> str:
        check_field_code("kind", rules.ATTACHMENT_KINDS, kind)
        name = path.name
        try:
            size = path.stat().st_size
            if size > rules.MAX_ATTACHMENT_BYTES:
                raise ValidationError(
                    "attachment", MSG_ATTACH_TOO_BIG, name=name, size=f"{size / 2**20:.1f}",
                    limit=rules.MAX_ATTACHMENT_BYTES // 2**20)
            if size == 0:
                raise ValidationError("attachment", MSG_ATTACH_EMPTY, name=name)
            with path.open("rb") as handle:
                content = handle.read(rules.MAX_ATTACHMENT_BYTES + 1)
        except OSError as exc:
            raise ValidationError("attachment", MSG_ATTACH_READ, name=name,
                                  reason=exc.strerror or str(exc)) from exc
        return self.add_attachment_bytes(meeting_id, name, content, kind, note)

    @requires(access.MEETINGS_EDIT)
    def add_attachment_bytes(self, meeting_id: str, file_name: str, content: bytes,
                             kind: str = "other", note: str | None = None) -> str:
        check_field_code("kind", rules.ATTACHMENT_KINDS, kind)
        if len(content) > rules.MAX_ATTACHMENT_BYTES:
            raise ValidationError(
                "attachment", MSG_ATTACH_TOO_BIG, name=file_name,
                size=f"{len(content) / 2**20:.1f}", limit=rules.MAX_ATTACHMENT_BYTES // 2**20)
        if not content:
            raise ValidationError("attachment", MSG_ATTACH_EMPTY, name=file_name)
        mime = rules.sniff_type(content[:16])
        if mime is None:
            raise ValidationError("attachment", MSG_ATTACH_TYPE, name=file_name)
        with self.db.write() as session:
            self._meeting(session, meeting_id)
            row = MeetingAttachment(
                meeting_id=meeting_id, kind=kind, file_name=file_name, mime=mime,
                size=len(content), sha256=hashlib.sha256(content).hexdigest(),
                content=content, added_at=self.now(), note=clean(note) or None)
            session.add(row)
            session.flush()
            return row.id

    @requires(access.MEETINGS_VIEW)
    def attachment_content(self, attachment_id: str) -> tuple[str, str, bytes]:
        """(file name, type, bytes) of an attachment."""
        with self.db.read() as session:
            row = self._row(session, MeetingAttachment, attachment_id)
            return row.file_name, row.mime, row.content

    @requires(access.MEETINGS_EDIT)
    def remove_attachment(self, attachment_id: str) -> None:
        with self.db.write() as session:
            self._row(session, MeetingAttachment, attachment_id).deleted = True
