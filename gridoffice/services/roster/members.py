"""A party member's record: checking and saving a draft, discarding, becoming a full
member, probation, relation status and restoring a member who left."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from sqlmodel import Session, col, select

from gridoffice.domain import access, masking, party
from gridoffice.errors import Term, UserError, ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services.guard import requires
from gridoffice.services.roster.base import RosterServiceBase
from gridoffice.services.roster.model import (
    ACTIVE_STATUSES,
    MSG_CODE_UNKNOWN,
    MSG_DATE_FUTURE,
    MSG_DISCARD_USED,
    MSG_ID_TAKEN,
    MSG_MEMBER_MISSING,
    MSG_NOT_LEFT,
    MSG_NOT_PROBATIONARY,
    MSG_SAME_NAME_BIRTH,
    Checked,
    MemberDraft,
    Warning_,
    clean_draft,
    json_value,
)
from gridoffice.store.tables import Member, MemberEvent, MemberPlacement, Org


class RosterMembers(RosterServiceBase):
    """Adding and changing members."""

    @requires(access.ROSTER_EDIT)
    def check(self, draft: MemberDraft, member_id: str | None = None,
              session: Session | None = None) -> Checked:
        """Validate a draft; ValidationError names the first bad field."""
        if session is None:
            with self.db.read() as own:
                return self.check(draft, member_id, own)

        if member_id is not None:
            draft = self._unmask(session, member_id, draft)

        def org_usable(org_id: str) -> bool:
            org = session.get(Org, org_id)
            return org is not None and not org.deleted and org.retired_on is None

        values = clean_draft(draft, today=self.today(), rules=self.rules, org_usable=org_usable)
        # one person, one record
        if values["id_number"]:
            clash = session.exec(select(Member).where(
                Member.id_number == values["id_number"], col(Member.deleted).is_(False),
                Member.id != (member_id or ""))).first()
            if clash is not None:
                raise ValidationError("id_number", MSG_ID_TAKEN, name=clash.name)
        warnings: list[Warning_] = []
        birth = values["birth_date"]
        if birth is not None:
            for other in session.exec(select(Member).where(
                    Member.name == values["name"], Member.birth_date == birth,
                    col(Member.deleted).is_(False), Member.id != (member_id or ""))):
                org = session.get(Org, other.org_id) if other.org_id else None
                warnings.append(Warning_(MSG_SAME_NAME_BIRTH, {
                    "name": other.name, "birth": birth.isoformat(),
                    "org": org.name if org else (other.unit_party_org or "—")}, other.id))
        return Checked(values, tuple(warnings))

    @requires(access.ROSTER_EDIT)
    def add(self, draft: MemberDraft, *, since: dt.date | None = None) -> str:
        """Add a member; ``since``: when they joined this organisation (default: join date)."""
        with self.db.write() as session:
            checked = self.check(draft, None, session)
            member = Member(**checked.values)
            session.add(member)
            session.flush()
            start = since or checked.values["join_date"] or self.today()
            session.add(MemberPlacement(member_id=member.id, org_id=member.org_id,
                                        from_date=start, reason="added"))
            self._event(session, member.id, "added", on_date=start, org=self._org_name(
                session, member.org_id))
            return member.id

    @requires(access.ROSTER_EDIT)
    def update(self, member_id: str, draft: MemberDraft, *,
               moved_on: dt.date | None = None) -> Checked:
        """Save an edited member. A new organisation starts a new placement on
        ``moved_on`` (default today); the old one ends the day before."""
        with self.db.write() as session:
            member = self._load(session, member_id)
            checked = self.check(draft, member_id, session)
            before = {k: getattr(member, k) for k in checked.values}
            changed = {k: v for k, v in checked.values.items() if before[k] != v}
            if not changed:
                return checked
            if "org_id" in changed and member.relation_status in ACTIVE_STATUSES:
                self._move(session, member, checked.values["org_id"], moved_on or self.today())
            for key, value in changed.items():
                setattr(member, key, value)
            shown = {k: [_history_value(k, before[k]), _history_value(k, v)]
                     for k, v in changed.items()
                     if k not in ("name_pinyin", "name_initials", "id_number_original")}
            if "status" in changed and checked.values["status"] == "full":
                self._event(session, member_id, "confirmed",
                            on_date=checked.values["full_date"] or self.today())
            self._event(session, member_id, "edited", changes=shown)
            return checked

    @requires(access.ROSTER_EDIT)
    def discard(self, member_id: str) -> None:
        """Take back a member just added by mistake (undo of :meth:`add`).

        Only while nothing but the addition has happened to the record; the rows
        become tombstones (sync removes them everywhere), never hard deletes.
        """
        with self.db.write() as session:
            member = self._load(session, member_id)
            events = session.exec(select(MemberEvent).where(
                MemberEvent.member_id == member_id, col(MemberEvent.deleted).is_(False))).all()
            if any(e.kind != "added" for e in events):
                raise UserError(MSG_DISCARD_USED, name=member.name)
            member.deleted = True
            for event in events:
                event.deleted = True
            for placement in session.exec(select(MemberPlacement).where(
                    MemberPlacement.member_id == member_id)):
                placement.deleted = True

    @requires(access.ROSTER_EDIT)
    def undiscard(self, member_id: str) -> None:
        """Redo of an addition taken back with :meth:`discard`: the same record again."""
        with self.db.write() as session:
            member = session.get(Member, member_id)
            if member is None:
                raise UserError(MSG_MEMBER_MISSING)
            if not member.deleted:
                return
            if member.id_number:
                clash = session.exec(select(Member).where(
                    Member.id_number == member.id_number, col(Member.deleted).is_(False))).first()
                if clash is not None:
                    raise ValidationError("id_number", MSG_ID_TAKEN, name=clash.name)
            member.deleted = False
            for model in (MemberEvent, MemberPlacement):
                for row in session.exec(select(model).where(model.member_id == member_id)):
                    row.deleted = False

    @requires(access.ROSTER_EDIT)
    def confirm_full(self, member_id: str, full_date: dt.date) -> None:
        """转正: a probationary member becomes a full member on ``full_date``."""
        with self.db.write() as session:
            member = self._load(session, member_id)
            self._require_active(member)
            if member.status != "probationary":
                raise UserError(MSG_NOT_PROBATIONARY, name=member.name)
            assert member.join_date is not None
            party.validate_full_date(full_date, member.join_date,
                                     member.probation_extension_months, self.rules)
            if full_date > self.today():
                raise ValidationError("full_date", MSG_DATE_FUTURE, date=full_date.isoformat())
            member.status = "full"
            member.full_date = full_date
            self._event(session, member_id, "confirmed", on_date=full_date)

    @requires(access.ROSTER_EDIT)
    def extend_probation(self, member_id: str, months: int, on_date: dt.date | None = None,
                         reason: str = "") -> None:
        """延长预备期 by 6–12 months (once)."""
        with self.db.write() as session:
            member = self._load(session, member_id)
            self._require_active(member)
            if member.status != "probationary":
                raise UserError(MSG_NOT_PROBATIONARY, name=member.name)
            party.validate_extension(months)
            member.probation_extension_months = months
            self._event(session, member_id, "probation_extended", months=months, reason=reason,
                        on_date=on_date or self.today())

    @requires(access.ROSTER_EDIT)
    def set_relation_status(self, member_id: str, status: str, on_date: dt.date,
                            reason: str = "") -> None:
        """去世 / 出党 / 停止党籍: the record stays; the placement ends that day."""
        if status not in ("deceased", "expelled", "suspended"):
            raise ValidationError("relation_status", MSG_CODE_UNKNOWN,
                                  field=Term(QT_TRANSLATE_NOOP("codes", "Status")), value=status)
        with self.db.write() as session:
            member = self._load(session, member_id)
            self._require_active(member)
            self._end_placement(session, member, on_date)
            member.relation_status = status
            member.status_date = on_date
            self._event(session, member_id, status, on_date=on_date, reason=reason)

    @requires(access.ROSTER_EDIT)
    def restore(self, member_id: str, on_date: dt.date, reason: str = "") -> None:
        """恢复党籍, or undo a status set by mistake: active again in the last organisation."""
        with self.db.write() as session:
            member = self._load(session, member_id)
            if member.relation_status in ACTIVE_STATUSES:
                raise UserError(MSG_NOT_LEFT, name=member.name)
            self._check_date(on_date)
            member.relation_status = "normal"
            member.status_date = on_date
            session.add(MemberPlacement(member_id=member_id, org_id=member.org_id,
                                        from_date=on_date, reason="restored"))
            self._event(session, member_id, "restored", on_date=on_date, reason=reason)

    def _move(self, session: Session, member: Member, org_id: str | None,
              on_date: dt.date) -> None:
        self._end_placement(session, member, on_date - dt.timedelta(days=1))
        session.add(MemberPlacement(member_id=member.id, org_id=org_id, from_date=on_date,
                                    reason="moved"))
        self._event(session, member.id, "moved", on_date=on_date,
                    old=self._org_name(session, member.org_id),
                    new=self._org_name(session, org_id))

    def _unmask(self, session: Session, member_id: str, draft: MemberDraft) -> MemberDraft:
        """A draft whose ID number or phone is still masked (as :meth:`get` gave it)
        keeps the stored value."""
        masked_id = masking.MASK in (draft.id_number or "")
        masked_phone = masking.MASK in (draft.mobile or "")
        if not (masked_id or masked_phone):
            return draft
        member = self._load(session, member_id)
        if masked_id:
            draft = replace(draft, id_number=member.id_number_original or member.id_number or "")
        if masked_phone:
            draft = replace(draft, mobile=member.mobile or "")
        return draft


def _history_value(key: str, value: Any) -> Any:
    """A value as the history keeps it: ID numbers and phones masked (privacy)."""
    if key == "id_number":
        return masking.mask_id(value) if value else value
    if key == "mobile":
        return masking.mask_phone(value) if value else value
    return json_value(value)
