"""The party-member roster: members, their lifecycle and history, search, reminders.

Nobody is ever deleted: a member who dies, leaves or is transferred out keeps
the record, with a ``relation_status`` and a dated event, and their time in
each organisation is kept as placements, so the roster can answer "who was in
this branch on date X". Identity numbers and phones are masked here, on the
data side, unless the caller asks to reveal them (:meth:`RosterService.reveal`
is the one place a permission will guard, and it writes the audit log).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from typing import Any, NamedTuple

from sqlalchemy import text
from sqlmodel import Session, col, select

from gridoffice.domain import households, identity, masking, party, search_keys
from gridoffice.domain.codes import (
    MEMBER_CATEGORY,
    MEMBER_STATUS,
    RELATION_STATUS,
    TRANSFER_STATUS,
)
from gridoffice.domain.text import check_text
from gridoffice.errors import Term, UserError, ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services.common import as_date, clean_or_none
from gridoffice.store import audit
from gridoffice.store.database import Database
from gridoffice.store.tables import (
    Member,
    MemberEvent,
    MemberPlacement,
    MemberTransfer,
    Org,
)

MSG_MEMBER_MISSING = QT_TRANSLATE_NOOP("errors", "The party member no longer exists.")
MSG_ID_TAKEN = QT_TRANSLATE_NOOP(
    "errors", "ID number: {name} is already registered with this ID number."
)
MSG_ORG_REQUIRED = QT_TRANSLATE_NOOP(
    "errors", "Organisation: choose the branch this member belongs to."
)
MSG_ORG_UNKNOWN = QT_TRANSLATE_NOOP(
    "errors", "Organisation: the chosen organisation no longer exists or was retired."
)
MSG_UNIT_ORG_REQUIRED = QT_TRANSLATE_NOOP(
    "errors", "Unit party organisation: enter the party organisation of the work unit."
)
MSG_SEX_REQUIRED = QT_TRANSLATE_NOOP("errors", "Sex: choose male or female.")
MSG_CODE_UNKNOWN = QT_TRANSLATE_NOOP("errors", "{field}: {value} is not in the list.")
MSG_JOIN_REQUIRED = QT_TRANSLATE_NOOP("errors", "Join date: enter the date of joining the Party.")
MSG_STAR = QT_TRANSLATE_NOOP("errors", "Star rating: choose 1 to 5 stars, or none.")
MSG_AWAY_REQUIRED = QT_TRANSLATE_NOOP(
    "errors", "Destination: a mobile member needs a destination and the date they left."
)
MSG_FULL_HAS_DATE = QT_TRANSLATE_NOOP(
    "errors", "Full membership date: a probationary member has no full membership date yet."
)
MSG_TOO_LONG = QT_TRANSLATE_NOOP("errors", "{field}: at most {limit} characters.")
MSG_NOT_PROBATIONARY = QT_TRANSLATE_NOOP("errors", "{name} is already a full member.")
MSG_NOT_ACTIVE = QT_TRANSLATE_NOOP(
    "errors", "{name} is no longer an active member here ({status})."
)
MSG_NOT_LEFT = QT_TRANSLATE_NOOP("errors", "{name} is an active member; nothing to restore.")
MSG_STATUS_DATE = QT_TRANSLATE_NOOP(
    "errors", "Date: {date} is before {name} joined this organisation ({since})."
)
MSG_DATE_FUTURE = QT_TRANSLATE_NOOP("errors", "Date: {date} is in the future.")
MSG_DISCARD_USED = QT_TRANSLATE_NOOP(
    "errors", "{name} already has a history here; the record can only be changed, not removed."
)
MSG_TRANSFER_MISSING = QT_TRANSLATE_NOOP("errors", "The transfer no longer exists.")
MSG_TRANSFER_DONE = QT_TRANSLATE_NOOP(
    "errors", "The transfer is already finished ({status}); start a new one if needed."
)
MSG_TRANSFER_TARGET = QT_TRANSLATE_NOOP(
    "errors", "To: enter the organisation the member transfers to."
)
MSG_TRANSFER_OPEN = QT_TRANSLATE_NOOP(
    "errors", "{name} already has a transfer in progress; finish or return it first."
)
MSG_TRANSFER_STEP = QT_TRANSLATE_NOOP(
    "errors", "Status: a transfer cannot go from {old} to {new}."
)

# Field labels used in messages about code tables (translated through "errors").
FIELD_LABELS = {
    "sex": QT_TRANSLATE_NOOP("codes", "Sex"),
    "ethnicity": QT_TRANSLATE_NOOP("codes", "Ethnicity"),
    "education": QT_TRANSLATE_NOOP("codes", "Education"),
    "degree": QT_TRANSLATE_NOOP("codes", "Degree"),
    "id_type": QT_TRANSLATE_NOOP("codes", "ID type"),
    "status": QT_TRANSLATE_NOOP("codes", "Membership"),
    "category": QT_TRANSLATE_NOOP("codes", "Category"),
}
TEXT_LIMITS = {
    "native_place": 40, "party_post": 40, "work_unit": 60, "job": 40, "unit_party_org": 60,
    "address": 80, "away_destination": 60, "away_contact": 40, "note": 200, "former_name": 30,
    "grid_code": 20,
}
TEXT_LABELS = {
    "native_place": QT_TRANSLATE_NOOP("codes", "Native place"),
    "party_post": QT_TRANSLATE_NOOP("codes", "Party post"),
    "work_unit": QT_TRANSLATE_NOOP("codes", "Work unit"),
    "job": QT_TRANSLATE_NOOP("codes", "Job"),
    "unit_party_org": QT_TRANSLATE_NOOP("codes", "Unit party organisation"),
    "address": QT_TRANSLATE_NOOP("codes", "Address"),
    "away_destination": QT_TRANSLATE_NOOP("codes", "Destination"),
    "away_contact": QT_TRANSLATE_NOOP("codes", "Contact while away"),
    "note": QT_TRANSLATE_NOOP("codes", "Note"),
    "former_name": QT_TRANSLATE_NOOP("codes", "Former name"),
    "grid_code": QT_TRANSLATE_NOOP("codes", "Grid"),
}
LEFT_STATUSES = ("transferred_out", "suspended", "expelled", "deceased")
ACTIVE_STATUSES = ("normal", "transferring_out")
# Transfer steps a person may take (the receiving side confirms "received").
TRANSFER_STEPS = {
    "draft": {"review", "returned"},
    "review": {"approved", "returned"},
    "approved": {"awaiting", "received", "returned"},
    "awaiting": {"received", "returned"},
    "returned": set(),
    "received": set(),
}


@dataclass(frozen=True)
class MemberDraft:
    """What the member form or an import row submits; strings as typed."""

    name: str
    sex: str = ""
    id_number: str = ""
    id_type: str = "resident"
    ethnicity: str | None = None
    birth_date: dt.date | None = None
    native_place: str | None = None
    education: str | None = None
    degree: str | None = None
    mobile: str = ""
    join_date: dt.date | None = None
    status: str = "full"
    probation_extension_months: int = 0
    full_date: dt.date | None = None
    party_post: str | None = None
    category: str = "direct"
    hardship: bool = False
    center_household: bool = False
    star_rating: int | None = None
    org_id: str | None = None
    work_unit: str | None = None
    job: str | None = None
    unit_party_org: str | None = None
    grid_code: str | None = None
    address: str | None = None
    away_destination: str | None = None
    away_since: dt.date | None = None
    away_contact: str | None = None
    former_name: str | None = None
    note: str | None = None


DRAFT_FIELDS = tuple(f.name for f in fields(MemberDraft))


@dataclass(frozen=True)
class Warning_:
    """Something worth a second look that does not stop saving."""

    message: str  # English template, context "warnings"
    values: dict[str, Any] = field(default_factory=dict)
    member_id: str | None = None  # e.g. the possible duplicate

    def english(self) -> str:
        return self.message.format(**self.values)


MSG_SAME_NAME_BIRTH = QT_TRANSLATE_NOOP(
    "warnings", "{name}, born {birth}, is already on the roster ({org}). Is this the same person?"
)


@dataclass(frozen=True)
class Checked:
    """A validated draft: the values to store, and warnings to show."""

    values: dict[str, Any]
    warnings: tuple[Warning_, ...] = ()


class MemberRow(NamedTuple):
    """One line of the roster table; identity fields masked unless revealed."""

    id: str
    name: str
    sex: str
    ethnicity: str | None
    birth_date: dt.date | None
    id_number: str | None
    education: str | None
    mobile: str | None
    join_date: dt.date | None
    full_date: dt.date | None
    status: str
    probation_extension_months: int
    category: str
    relation_status: str
    org_id: str | None
    org_name: str | None
    party_post: str | None
    work_unit: str | None
    job: str | None
    address: str | None
    native_place: str | None
    star_rating: int | None
    hardship: bool
    center_household: bool
    note: str | None
    due_date: dt.date | None  # full membership due (probationary members)
    status_date: dt.date | None = None  # when relation_status last changed
    unit_party_org: str | None = None  # in-service members: their unit's party organisation
    origin_office: str = ""  # the office that owns the record (the street sees all)
    id_type: str = "resident"  # a code of codes.ID_TYPES
    away_destination: str | None = None  # mobile members: where they are
    away_since: dt.date | None = None  # mobile members: since when


@dataclass(frozen=True)
class MemberQuery:
    """What the roster shows: an organisation (with sub-organisations), filters, a search."""

    org_id: str | None = None  # None: every organisation
    include_sub_orgs: bool = True
    text: str = ""
    category: str | None = None
    status: str | None = None  # full | probationary
    relation: str | None = "active"  # "active" (normal, transferring out), a code, or None: all
    overdue_only: bool = False  # probation over, still probationary
    as_of: dt.date | None = None  # who belonged on that day (placements)
    office: str | None = None  # one office's members (origin_office); None: every office


@dataclass(frozen=True)
class DueItem:
    member_id: str
    name: str
    org_id: str | None
    org_name: str | None
    join_date: dt.date
    due_date: dt.date
    days_left: int
    bucket: str  # overdue | 30 | 60 | 90


@dataclass(frozen=True)
class TransferRow:
    id: str
    member_id: str
    direction: str
    from_org: str
    to_org: str
    out_date: dt.date | None
    in_date: dt.date | None
    dues_paid_until: dt.date | None
    status: str
    note: str | None


@dataclass(frozen=True)
class EventRow:
    id: str
    on_date: dt.date
    kind: str
    detail: dict[str, Any]
    operator: str


@dataclass(frozen=True)
class PlacementRow:
    org_id: str | None
    org_name: str | None
    from_date: dt.date
    to_date: dt.date | None
    reason: str


_ROW_SQL = """
SELECT m.id, m.name, m.sex, m.ethnicity, m.birth_date, m.id_number, m.education, m.mobile,
       m.join_date, m.full_date, m.status, m.probation_extension_months, m.category,
       m.relation_status, m.org_id, o.name, m.party_post, m.work_unit, m.job, m.address,
       m.native_place, m.star_rating, m.hardship, m.center_household, m.note,
       m.status_date, m.unit_party_org,
       (SELECT b.estate || '|' || b.number || '|' || s.unit || '|' || s.room
        FROM resident r JOIN household h ON h.id = r.household_id
        JOIN house s ON s.id = h.house_id JOIN building b ON b.id = s.building_id
        WHERE r.member_id = m.id AND NOT r.deleted AND r.moved_out_on IS NULL
        AND r.died_on IS NULL LIMIT 1),
       m.origin_office, m.id_type, m.away_destination, m.away_since
FROM member m LEFT JOIN org o ON o.id = m.org_id
"""


_MISSING = object()


class RosterService:
    """Use cases of the party-member roster."""

    def __init__(self, db: Database, operator: str = "", today: dt.date | None = None,
                 rules: party.PartyRules | None = None) -> None:
        self.db = db
        self.operator = operator
        self._today = today
        self.rules = rules or party.PartyRules()

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    # --- validation -------------------------------------------------------------------
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

    # --- changing members ---------------------------------------------------------------
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

    # --- transfers (组织关系转接) ----------------------------------------------------------
    def start_transfer_out(self, member_id: str, to_org: str, out_date: dt.date,
                           dues_paid_until: dt.date | None = None,
                           note: str | None = None) -> str:
        with self.db.write() as session:
            member = self._load(session, member_id)
            self._require_active(member)
            if not clean_or_none(to_org):
                raise ValidationError("to_org", MSG_TRANSFER_TARGET)
            open_ = session.exec(select(MemberTransfer).where(
                MemberTransfer.member_id == member_id,
                col(MemberTransfer.status).not_in(("returned", "received")),
                col(MemberTransfer.deleted).is_(False))).first()
            if open_ is not None:
                raise UserError(MSG_TRANSFER_OPEN, name=member.name)
            transfer = MemberTransfer(
                member_id=member_id, direction="out",
                from_org=self._org_name(session, member.org_id) or "",
                to_org=clean_or_none(to_org) or "", out_date=out_date,
                dues_paid_until=dues_paid_until, status="review", note=clean_or_none(note))
            session.add(transfer)
            member.relation_status = "transferring_out"
            member.status_date = out_date
            session.flush()
            self._event(session, member_id, "transfer_started", to=transfer.to_org,
                        on_date=out_date)
            return transfer.id

    def set_transfer_status(self, transfer_id: str, status: str,
                            on_date: dt.date | None = None) -> None:
        """Move a transfer on; "received" ends the membership here (transferred out),
        "returned" makes the member active again."""
        day = on_date or self.today()
        with self.db.write() as session:
            transfer = session.get(MemberTransfer, transfer_id)
            if transfer is None or transfer.deleted:
                raise UserError(MSG_TRANSFER_MISSING)
            if transfer.status in ("returned", "received"):
                raise UserError(MSG_TRANSFER_DONE, status=_label(TRANSFER_STATUS, transfer.status))
            if status not in TRANSFER_STEPS.get(transfer.status, set()):
                raise ValidationError("status", MSG_TRANSFER_STEP,
                                      old=_label(TRANSFER_STATUS, transfer.status),
                                      new=_label(TRANSFER_STATUS, status))
            member = self._load(session, transfer.member_id)
            transfer.status = status
            if transfer.direction == "out" and status == "received":
                out = transfer.out_date or day
                self._end_placement(session, member, out)
                member.relation_status = "transferred_out"
                member.status_date = out
                self._event(session, member.id, "transferred_out", to=transfer.to_org,
                            on_date=out)
            elif transfer.direction == "out" and status == "returned":
                member.relation_status = "normal"
                member.status_date = day
                self._event(session, member.id, "transfer_returned", on_date=day)
            else:
                self._event(session, member.id, "transfer_status", status=status, on_date=day)

    def transfer_in(self, draft: MemberDraft, from_org: str, in_date: dt.date,
                    dues_paid_until: dt.date | None = None) -> str:
        """A member arrives by transfer; someone who left earlier comes back to their
        old record (found by ID number), so nobody is typed twice."""
        self._check_date(in_date)
        with self.db.write() as session:
            id_key = identity.id_dedupe_key(draft.id_number) if draft.id_number else None
            previous = None
            if id_key:
                previous = session.exec(select(Member).where(
                    Member.id_number == id_key, col(Member.deleted).is_(False))).first()
            if previous is not None and previous.relation_status not in ("transferred_out",):
                raise ValidationError("id_number", MSG_ID_TAKEN, name=previous.name)
            checked = self.check(draft, previous.id if previous else None, session)
            if previous is None:
                member = Member(**checked.values)
                session.add(member)
                session.flush()
            else:
                member = previous
                for key, value in checked.values.items():
                    setattr(member, key, value)
                member.relation_status = "normal"
            member.status_date = in_date
            session.add(MemberPlacement(member_id=member.id, org_id=member.org_id,
                                        from_date=in_date, reason="transfer_in"))
            session.add(MemberTransfer(member_id=member.id, direction="in",
                                       from_org=clean_or_none(from_org) or "",
                                       to_org=self._org_name(session, member.org_id) or "",
                                       in_date=in_date, dues_paid_until=dues_paid_until,
                                       status="received"))
            self._event(session, member.id, "transferred_in", on_date=in_date,
                        from_org=clean_or_none(from_org) or "")
            return member.id

    # --- reading ----------------------------------------------------------------------
    def get(self, member_id: str) -> tuple[MemberDraft, MemberRow]:
        """The member's values for the form and the row, ID number and phone masked
        (:meth:`reveal` gives them in full). Saving a draft whose ID number or phone
        is still masked keeps the stored value."""
        with self.db.read() as session:
            member = self._load(session, member_id)
            draft = MemberDraft(**{k: getattr(member, k) for k in DRAFT_FIELDS
                                   if k not in ("id_number", "mobile")})
            draft = replace(draft, mobile=masking.mask_phone(member.mobile),
                            id_number=masking.mask_id(member.id_number_original
                                                      or member.id_number))
            row = self._rows(session, "WHERE m.id = :id", {"id": member_id}, reveal=False)[0]
        return draft, row

    def list_members(self, query: MemberQuery = MemberQuery(), *,
                     reveal: bool = False) -> list[MemberRow]:
        """The roster lines for a query, in name order (masked unless ``reveal``)."""
        where, params = self._where(query)
        with self.db.read() as session:
            rows = self._rows(session, where, params, reveal=reveal)
        if query.overdue_only:
            today = self.today()
            rows = [r for r in rows if r.due_date is not None and r.due_date < today]
        return rows

    def history(self, member_id: str) -> list[EventRow]:
        with self.db.read() as session:
            events = session.exec(select(MemberEvent).where(
                MemberEvent.member_id == member_id, col(MemberEvent.deleted).is_(False))
                .order_by(col(MemberEvent.hlc).desc())).all()
        return [EventRow(e.id, e.on_date, e.kind, json.loads(e.detail or "{}"), e.operator)
                for e in events]

    def placements(self, member_id: str) -> list[PlacementRow]:
        with self.db.read() as session:
            rows = session.exec(select(MemberPlacement).where(
                MemberPlacement.member_id == member_id,
                col(MemberPlacement.deleted).is_(False))
                .order_by(col(MemberPlacement.from_date))).all()
            return [PlacementRow(p.org_id, self._org_name(session, p.org_id), p.from_date,
                                 p.to_date, p.reason) for p in rows]

    def transfers(self, member_id: str) -> list[TransferRow]:
        with self.db.read() as session:
            rows = session.exec(select(MemberTransfer).where(
                MemberTransfer.member_id == member_id,
                col(MemberTransfer.deleted).is_(False))
                .order_by(col(MemberTransfer.hlc).desc())).all()
        return [TransferRow(t.id, t.member_id, t.direction, t.from_org, t.to_org, t.out_date,
                            t.in_date, t.dues_paid_until, t.status, t.note) for t in rows]

    def due_list(self, within_days: int = 90) -> list[DueItem]:
        """Probationary members due for full membership within ``within_days``, and overdue."""
        today = self.today()
        with self.db.read() as session:
            rows = session.execute(text(
                "SELECT m.id, m.name, m.org_id, o.name, m.join_date, "
                "m.probation_extension_months "
                "FROM member m LEFT JOIN org o ON o.id = m.org_id "
                "WHERE NOT m.deleted AND m.status = 'probationary' AND m.join_date IS NOT NULL "
                "AND m.relation_status IN ('normal', 'transferring_out')")).all()
        items = []
        for member_id, name, org_id, org_name, join, ext in rows:
            due = party.full_membership_date(as_date(join), int(ext), self.rules)
            days = (due - today).days
            bucket = party.due_bucket(days)
            if bucket is not None and days <= within_days:
                items.append(DueItem(member_id, name, org_id, org_name, as_date(join), due, days,
                                     bucket))
        items.sort(key=lambda item: (item.days_left, item.name))
        return items

    def branch_warnings(self) -> list[tuple[str, str, party.Warning]]:
        """Size warnings per organisation: (org id, org name, warning)."""
        with self.db.read() as session:
            orgs = session.execute(text(
                "SELECT o.id, o.name, o.org_type, "
                "  (SELECT count(*) FROM member m WHERE m.org_id = o.id AND NOT m.deleted "
                "   AND m.status = 'full' AND m.relation_status IN ('normal','transferring_out')),"
                "  (SELECT count(*) FROM member m WHERE m.org_id = o.id AND NOT m.deleted "
                "   AND m.relation_status IN ('normal','transferring_out')),"
                "  (SELECT count(*) FROM committee_seat s WHERE s.org_id = o.id "
                "   AND NOT s.deleted AND s.to_date IS NULL AND s.seat != 'group_leader') "
                "FROM org o WHERE NOT o.deleted AND o.retired_on IS NULL")).all()
        result = []
        for org_id, name, org_type, full, total, seats in orgs:
            if total == 0 and org_type not in ("branch", "joint_branch", "temp_branch"):
                continue
            for warning in party.branch_size_warnings(org_type, int(full), int(seats) >= 3,
                                                      int(total)):
                result.append((org_id, name, warning))
        return result

    def find_duplicates(self, name: str, birth_date: dt.date,
                        exclude_id: str | None = None) -> list[MemberRow]:
        with self.db.read() as session:
            return self._rows(session, "WHERE NOT m.deleted AND m.name = :name AND "
                              "m.birth_date = :birth AND m.id != :exclude",
                              {"name": name, "birth": birth_date.isoformat(),
                               "exclude": exclude_id or ""}, reveal=False)

    def reveal(self, member_id: str) -> tuple[str | None, str | None]:
        """The full ID number and phone of one member: the one place a permission will
        guard; every call is written to the audit log."""
        with self.db.write() as session:
            member = self._load(session, member_id)
            self._audit(session, "reveal_identity", member_id, member.name)
            return member.id_number_original or member.id_number, member.mobile

    def audit(self, action: str, target: str = "", detail: str = "") -> None:
        """Record an export or a print in the append-only audit log."""
        with self.db.write() as session:
            self._audit(session, action, target, detail)

    # --- helpers ----------------------------------------------------------------------
    def _where(self, query: MemberQuery) -> tuple[str, dict[str, Any]]:
        clauses = ["NOT m.deleted"]
        params: dict[str, Any] = {}
        if query.org_id is not None:
            params["org"] = query.org_id
            if query.include_sub_orgs:
                orgs = ("WITH RECURSIVE sub(id) AS (SELECT :org UNION "
                        "SELECT o.id FROM org o JOIN sub ON o.parent_id = sub.id) "
                        "SELECT id FROM sub")
            else:
                orgs = "SELECT :org"
            if query.as_of is not None:
                clauses.append(f"m.id IN (SELECT p.member_id FROM member_placement p "
                               f"WHERE NOT p.deleted AND p.org_id IN ({orgs}) "
                               f"AND p.from_date <= :asof "
                               f"AND (p.to_date IS NULL OR p.to_date >= :asof))")
            else:
                clauses.append(f"m.org_id IN ({orgs})")
        elif query.as_of is not None:
            clauses.append("m.id IN (SELECT p.member_id FROM member_placement p "
                           "WHERE NOT p.deleted AND p.from_date <= :asof "
                           "AND (p.to_date IS NULL OR p.to_date >= :asof))")
        if query.as_of is not None:
            params["asof"] = query.as_of.isoformat()
            clauses.append("m.join_date <= :asof")
        elif query.relation == "active":
            clauses.append("m.relation_status IN ('normal', 'transferring_out')")
        elif query.relation:
            clauses.append("m.relation_status = :relation")
            params["relation"] = query.relation
        if query.office is not None:
            clauses.append("m.origin_office = :office")
            params["office"] = query.office
        if query.category:
            clauses.append("m.category = :category")
            params["category"] = query.category
        if query.status:
            clauses.append("m.status = :status")
            params["status"] = query.status
        if query.overdue_only:
            # The due date depends on the rules; narrow in SQL, decide in Python (_rows).
            clauses.append("m.status = 'probationary'")
        needle = search_keys.query_key(query.text)
        raw = query.text.strip()
        if needle or raw:
            params["raw"] = f"%{raw}%"
            params["key"] = f"{needle}%"
            parts = ["m.name LIKE :raw"]
            if needle:
                parts += ["m.name_pinyin LIKE :key", "m.name_initials LIKE :key"]
            digits = identity.normalize_input(raw)
            if digits and all(c.isdigit() or c == "X" for c in digits):
                params["tail"] = f"%{digits}"
                parts += ["m.id_number LIKE :tail", "m.mobile LIKE :tail"]
            clauses.append("(" + " OR ".join(parts) + ")")
        return "WHERE " + " AND ".join(clauses), params

    def _rows(self, session: Session, where: str, params: dict[str, Any], *,
              reveal: bool) -> list[MemberRow]:
        # The plain DB-API cursor: tens of thousands of rows through SQLAlchemy's
        # result objects would cost more than the query itself.
        raw = session.connection().connection.driver_connection
        assert raw is not None
        result = raw.execute(f"{_ROW_SQL} {where} ORDER BY m.name_pinyin, m.name",
                             params).fetchall()
        dates: dict[str | None, dt.date | None] = {None: None}

        def day(value: str | None) -> dt.date | None:
            found = dates.get(value, _MISSING)
            if found is _MISSING:
                found = dates[value] = dt.date.fromisoformat(value)  # type: ignore[arg-type]
            return found  # type: ignore[return-value]

        rules, full_date = self.rules, party.full_membership_date
        mask_id, mask_phone = masking.mask_id, masking.mask_phone
        rows = []
        for r in result:
            address = r[19]
            if r[27]:  # one person, one record: the address where the member lives
                estate, number, unit, room = r[27].split("|")
                address = households.format_address(estate or None, number, unit or None,
                                                    room or None)
            join = day(r[8])
            due = full_date(join, r[11], rules) if r[10] == "probationary" and join else None
            id_number, mobile = r[5], r[7]
            if not reveal:
                id_number = mask_id(id_number) if id_number else None
                mobile = mask_phone(mobile) if mobile else None
            rows.append(MemberRow(r[0], r[1], r[2], r[3], day(r[4]), id_number, r[6], mobile,
                                  join, day(r[9]), r[10], r[11], r[12], r[13], r[14], r[15],
                                  r[16], r[17], r[18], address, r[20], r[21], bool(r[22]),
                                  bool(r[23]), r[24], due, day(r[25]), r[26], r[28],
                                  r[29] or "resident", r[30], day(r[31])))
        return rows

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

    def _move(self, session: Session, member: Member, org_id: str | None,
              on_date: dt.date) -> None:
        self._end_placement(session, member, on_date - dt.timedelta(days=1))
        session.add(MemberPlacement(member_id=member.id, org_id=org_id, from_date=on_date,
                                    reason="moved"))
        self._event(session, member.id, "moved", on_date=on_date,
                    old=self._org_name(session, member.org_id),
                    new=self._org_name(session, org_id))

    def _end_placement(self, session: Session, member: Member, last_day: dt.date) -> None:
        self._check_date(last_day)
        for placement in session.exec(select(MemberPlacement).where(
                MemberPlacement.member_id == member.id, col(MemberPlacement.to_date).is_(None),
                col(MemberPlacement.deleted).is_(False))):
            if last_day < placement.from_date - dt.timedelta(days=1):
                raise ValidationError("on_date", MSG_STATUS_DATE, date=last_day.isoformat(),
                                      name=member.name, since=placement.from_date.isoformat())
            placement.to_date = max(last_day, placement.from_date - dt.timedelta(days=1))

    def _check_date(self, day: dt.date) -> None:
        if day > self.today():
            raise ValidationError("on_date", MSG_DATE_FUTURE, date=day.isoformat())

    @staticmethod
    def _require_active(member: Member) -> None:
        if member.relation_status not in ACTIVE_STATUSES:
            raise UserError(MSG_NOT_ACTIVE, name=member.name,
                            status=_label(RELATION_STATUS, member.relation_status))

    @staticmethod
    def _load(session: Session, member_id: str) -> Member:
        member = session.get(Member, member_id)
        if member is None or member.deleted:
            raise UserError(MSG_MEMBER_MISSING)
        return member

    @staticmethod
    def _org_name(session: Session, org_id: str | None) -> str | None:
        if org_id is None:
            return None
        org = session.get(Org, org_id)
        return org.name if org else None

    def _event(self, session: Session, member_id: str, kind: str,
               on_date: dt.date | None = None, **detail: Any) -> None:
        session.add(MemberEvent(member_id=member_id, on_date=on_date or self.today(), kind=kind,
                                detail=json.dumps(detail, ensure_ascii=False,
                                                  default=_jsonable),
                                operator=self.operator))

    def _audit(self, session: Session, action: str, target: str, detail: str) -> None:
        audit.record(session, self.operator, action, target, detail)


def clean_draft(draft: MemberDraft, *, today: dt.date, rules: party.PartyRules,
                org_usable: Callable[[str], bool]) -> dict[str, Any]:
    """The values to store for a draft, or ValidationError naming the first bad field.

    Pure apart from ``org_usable`` (does this organisation exist and is it
    active?), so an import can check thousands of rows against preloaded data.
    Uniqueness of the ID number is checked by the caller.
    """
    values: dict[str, Any] = {}
    values["name"] = identity.normalize_name(draft.name, "name")
    values["former_name"] = (identity.normalize_name(draft.former_name, "former_name")
                             if clean_or_none(draft.former_name) else None)
    id_text = identity.normalize_input(draft.id_number or "")
    if draft.id_type not in _codes("id_type"):
        raise ValidationError("id_type", MSG_CODE_UNKNOWN, field=Term(FIELD_LABELS["id_type"]),
                              value=draft.id_type)
    sex, birth = draft.sex or "", draft.birth_date
    parsed = identity.parse_id_for_type(draft.id_type, id_text, today=today) if id_text else None
    if parsed is not None:
        identity.check_agrees(parsed, birth, sex or None)
        values["id_number"] = parsed.value
        values["id_number_original"] = parsed.original
        birth = birth or parsed.birth_date
        sex = sex or parsed.sex
    else:
        values["id_number"] = id_text or None
        values["id_number_original"] = id_text or None
    if sex not in ("1", "2"):
        raise ValidationError("sex", MSG_SEX_REQUIRED)
    values["sex"], values["birth_date"] = sex, birth
    for key in ("ethnicity", "education", "degree"):
        value = getattr(draft, key) or None
        if value is not None and value not in _codes(key):
            raise ValidationError(key, MSG_CODE_UNKNOWN, field=Term(FIELD_LABELS[key]), value=value)
        values[key] = value
    values["id_type"] = draft.id_type
    values["mobile"] = identity.parse_phone(draft.mobile or "") or None
    for key, limit in TEXT_LIMITS.items():
        if key == "former_name":
            continue
        value = clean_or_none(getattr(draft, key))
        check_text(key, Term(TEXT_LABELS[key]), value)
        if value is not None and len(value) > limit:
            raise ValidationError(key, MSG_TOO_LONG, field=Term(TEXT_LABELS[key]), limit=limit)
        values[key] = value
    if draft.status not in _codes("status"):
        raise ValidationError("status", MSG_CODE_UNKNOWN, field=Term(FIELD_LABELS["status"]),
                              value=draft.status)
    if draft.join_date is None:
        raise ValidationError("join_date", MSG_JOIN_REQUIRED)
    party.validate_join_date(draft.join_date, birth, today)
    party.validate_extension(draft.probation_extension_months)
    if draft.status == "probationary" and draft.full_date is not None:
        raise ValidationError("full_date", MSG_FULL_HAS_DATE)
    if draft.full_date is not None:
        party.validate_full_date(draft.full_date, draft.join_date,
                                 draft.probation_extension_months, rules)
        if draft.full_date > today:
            raise ValidationError("full_date", MSG_DATE_FUTURE, date=draft.full_date.isoformat())
    values.update(join_date=draft.join_date, status=draft.status,
                  probation_extension_months=draft.probation_extension_months,
                  full_date=draft.full_date)
    if draft.category not in _codes("category"):
        raise ValidationError("category", MSG_CODE_UNKNOWN, field=Term(FIELD_LABELS["category"]),
                              value=draft.category)
    values["category"] = draft.category
    if draft.org_id is not None:
        if not org_usable(draft.org_id):
            raise ValidationError("org_id", MSG_ORG_UNKNOWN)
    elif draft.category != "in_service":
        raise ValidationError("org_id", MSG_ORG_REQUIRED)
    elif not values["unit_party_org"]:
        raise ValidationError("unit_party_org", MSG_UNIT_ORG_REQUIRED)
    values["org_id"] = draft.org_id
    if draft.category == "mobile" and (not values["away_destination"]
                                        or draft.away_since is None):
        raise ValidationError("away_destination", MSG_AWAY_REQUIRED)
    if draft.away_since is not None and draft.away_since > today:
        raise ValidationError("away_since", MSG_DATE_FUTURE, date=draft.away_since.isoformat())
    values["away_since"] = draft.away_since
    if draft.star_rating is not None and not 1 <= draft.star_rating <= 5:
        raise ValidationError("star_rating", MSG_STAR)
    values.update(star_rating=draft.star_rating, hardship=bool(draft.hardship),
                  center_household=bool(draft.center_household))
    values["name_pinyin"], values["name_initials"] = search_keys.name_keys(values["name"])
    return values


def _history_value(key: str, value: Any) -> Any:
    """A value as the history keeps it: ID numbers and phones masked (privacy)."""
    if key == "id_number":
        return masking.mask_id(value) if value else value
    if key == "mobile":
        return masking.mask_phone(value) if value else value
    return _jsonable(value)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _label(table: Any, code: str) -> Any:
    return Term(table.label(code))


_CODE_TABLES: dict[str, Any] = {}


def _codes(key: str) -> Any:
    """The code table for a draft field (imported lazily: tables are big)."""
    if not _CODE_TABLES:
        from gridoffice.domain import codes

        _CODE_TABLES.update(
            sex=codes.SEX, ethnicity=codes.ETHNICITY, education=codes.EDUCATION,
            degree=codes.DEGREE, id_type=codes.ID_TYPES, status=MEMBER_STATUS,
            category=MEMBER_CATEGORY,
        )
    return _CODE_TABLES[key]

