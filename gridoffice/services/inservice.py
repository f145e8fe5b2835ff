"""In-service party members reporting to the community (在职党员到社区报到).

Registration is linked to the person's member or resident record when there is
one (no second copy of a person). Posts have quotas; check-in and check-out make
service records confirmed by the staff member on duty, and points come only from
confirmed records and from entries staff add: the points ledger is append-only,
corrections are new entries, and every entry keeps the rule it was made under.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import text as sql
from sqlmodel import Session, col, select

from gridoffice.domain import identity, masking, search_keys
from gridoffice.domain import inservice as rules
from gridoffice.domain.codes import MEMBER_STATUS, CodeTable
from gridoffice.errors import Term, UserError, ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services.common import MSG_GONE, as_date, check_code, clean, live_row
from gridoffice.store import audit, settings
from gridoffice.store.database import Database
from gridoffice.store.tables import (
    Member,
    PointsEntry,
    PostClaim,
    Registration,
    Resident,
    ServiceActivity,
    ServicePost,
    ServiceRecord,
    WorkUnit,
)

MSG_UNIT_NAME = QT_TRANSLATE_NOOP("errors", "Work unit: enter the unit's name.")
MSG_UNIT_TAKEN = QT_TRANSLATE_NOOP("errors", "Work unit: {name} is already in the list.")
MSG_UNIT_MISSING = QT_TRANSLATE_NOOP("errors", "Work unit: choose the member's work unit.")
MSG_NAME = QT_TRANSLATE_NOOP("errors", "Name: enter the member's name.")
MSG_REPORT_FUTURE = QT_TRANSLATE_NOOP("errors", "Report date: {date} is in the future.")
MSG_ALREADY_REGISTERED = QT_TRANSLATE_NOOP(
    "errors", "{name} is already registered (card {code}); open that registration instead.")
MSG_RETURN_REASON = QT_TRANSLATE_NOOP(
    "errors", "Reason: say why the registration is returned.")
MSG_NOT_APPROVED = QT_TRANSLATE_NOOP(
    "errors", "{name}'s registration is not approved yet ({status}).")
MSG_LEFT = QT_TRANSLATE_NOOP("errors", "{name} left on {date}.")
MSG_POST_NAME = QT_TRANSLATE_NOOP("errors", "Post: enter the post's name.")
MSG_QUOTA = QT_TRANSLATE_NOOP("errors", "Quota: enter how many members the post takes (1 or more).")
MSG_QUOTA_BELOW = QT_TRANSLATE_NOOP(
    "errors", "Quota: {claimed} members already hold this post; the quota cannot be lower.")
MSG_POST_FULL = QT_TRANSLATE_NOOP(
    "errors", "The post {post} is full: {claimed} of {quota} places are taken.")
MSG_POST_RETIRED = QT_TRANSLATE_NOOP("errors", "The post {post} is closed.")
MSG_CLAIM_TWICE = QT_TRANSLATE_NOOP("errors", "{name} has already claimed or applied for {post}.")
MSG_CLAIM_STATE = QT_TRANSLATE_NOOP("errors", "The claim is already {status}.")
MSG_ACTIVITY_NAME = QT_TRANSLATE_NOOP("errors", "Activity: enter its name.")
MSG_DUTY_POST = QT_TRANSLATE_NOOP("errors", "Post: a duty belongs to a post; choose one.")
MSG_UNKNOWN_CODE = QT_TRANSLATE_NOOP(
    "errors", "Nobody registered matches {code}. Check the card, or type more digits.")
MSG_CHECKED_IN = QT_TRANSLATE_NOOP("errors", "{name} already checked in at {time}.")
MSG_NOT_CHECKED_IN = QT_TRANSLATE_NOOP(
    "errors", "{name} has not checked in to this activity; check in first.")
MSG_OUT_BEFORE_IN = QT_TRANSLATE_NOOP(
    "errors", "Check-out: {out} is before the check-in at {in_}.")
MSG_HOURS = QT_TRANSLATE_NOOP(
    "errors", "Hours: {hours} is not between 0 and 24 hours a day.")
MSG_CONFIRMER = QT_TRANSLATE_NOOP(
    "errors", "Confirmed by: a service record is confirmed by the staff member on duty; "
    "set the operator's name in Settings.")
MSG_ITEM_MANUAL = QT_TRANSLATE_NOOP(
    "errors", "Item: {item} points come from check-in and registration, not by hand.")
MSG_CORRECTION_REASON = QT_TRANSLATE_NOOP("errors", "Reason: say why the points are corrected.")
MSG_CORRECTION_ZERO = QT_TRANSLATE_NOOP("errors", "Points: a correction changes the points.")
MSG_PERIOD = QT_TRANSLATE_NOOP(
    "errors", "Period: {value} is not a period such as 2026, 2026H1, 2026Q3 or 2026-07.")
MSG_RULE_VALUE = QT_TRANSLATE_NOOP("errors", "{field}: {value} is not allowed.")

# Local settings of the points rules (not synced; entries keep their own values).
KEY_PREFIX = "inservice."

FIELD_LABELS = {
    "unit_type": QT_TRANSLATE_NOOP("codes", "Unit type"),
    "report_type": QT_TRANSLATE_NOOP("codes", "Report type"),
    "category": QT_TRANSLATE_NOOP("codes", "Category"),
    "item": QT_TRANSLATE_NOOP("codes", "Item"),
    "kind": QT_TRANSLATE_NOOP("codes", "Kind"),
    "wished_categories": QT_TRANSLATE_NOOP("codes", "Wished posts"),
    "party_status": QT_TRANSLATE_NOOP("codes", "Party status"),
    "pass_mark": QT_TRANSLATE_NOOP("codes", "Pass mark"),
    "excellent": QT_TRANSLATE_NOOP("codes", "Excellent mark"),
    "reregister_months": QT_TRANSLATE_NOOP("codes", "Re-registration"),
}


def load_point_rules(db_path: Path) -> rules.PointRules:
    values = settings.read_all(db_path)
    default = rules.PointRules()
    found: dict[str, Any] = {}
    for name, value in vars(default).items():
        raw = values.get(KEY_PREFIX + name)
        if raw is None:
            continue
        if isinstance(value, int):
            try:
                found[name] = int(raw)
            except ValueError:
                continue
        else:
            found[name] = raw
    return rules.PointRules(**{**vars(default), **found})


def save_point_rules(db_path: Path, value: rules.PointRules) -> None:
    """Later entries use the new values; past entries keep theirs."""
    if not 0 < value.pass_mark <= value.excellent:
        raise ValidationError("excellent", MSG_RULE_VALUE,
                              field=Term(FIELD_LABELS["excellent"]), value=value.excellent)
    if not 1 <= value.reregister_months <= 36:
        raise ValidationError("reregister_months", MSG_RULE_VALUE,
                              field=Term(FIELD_LABELS["reregister_months"]),
                              value=value.reregister_months)
    settings.write(db_path, {KEY_PREFIX + k: str(v) for k, v in vars(value).items()})


# --- what forms submit ------------------------------------------------------------------
@dataclass(frozen=True)
class WorkUnitDraft:
    name: str
    unit_type: str = "government"
    party_org: str | None = None
    contact: str | None = None
    phone: str | None = None
    address: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class RegistrationDraft:
    """Linked to ``member_id`` or ``resident_id`` when the person is on file: their
    name, sex, birth, ID number and phone then come from that record."""

    work_unit_id: str | None
    report_date: dt.date
    member_id: str | None = None
    resident_id: str | None = None
    name: str = ""
    sex: str | None = None
    birth_date: dt.date | None = None
    id_number: str = ""
    mobile: str = ""
    party_status: str = "full"
    home_address: str | None = None
    grid_id: str | None = None
    job: str | None = None
    skills: str = ""
    wished_categories: tuple[str, ...] = ()
    report_type: str = "individual"
    note: str | None = None


@dataclass(frozen=True)
class PostDraft:
    name: str
    category: str
    quota: int
    grid_id: str | None = None
    description: str = ""


@dataclass(frozen=True)
class ActivityDraft:
    name: str
    on_date: dt.date
    kind: str = "activity"
    post_id: str | None = None
    place: str = ""
    organiser: str = ""
    note: str | None = None


# --- what the service returns ----------------------------------------------------------
@dataclass(frozen=True)
class WorkUnitRow:
    id: str
    name: str
    unit_type: str
    party_org: str | None
    contact: str | None
    phone: str | None
    members: int
    origin_office: str = ""  # the office that owns the record (the street sees all)


@dataclass(frozen=True)
class RegistrationRow:
    id: str
    code: str
    name: str
    sex: str | None
    birth: str  # masked: the month
    id_number: str  # masked
    mobile: str  # masked
    party_status: str
    home_address: str | None  # to building/unit
    grid_id: str | None
    work_unit_id: str
    work_unit: str
    unit_type: str
    job: str | None
    skills: str
    wished_categories: tuple[str, ...]
    report_type: str
    report_date: dt.date
    review_status: str
    review_reason: str | None
    last_registered_on: dt.date
    reregister_due: dt.date
    left_on: dt.date | None
    member_id: str | None
    resident_id: str | None
    linked: str  # member | resident | "" : where the personal details come from
    origin_office: str = ""  # the office that owns the record (the street sees all)


@dataclass(frozen=True)
class RegistrationQuery:
    text: str = ""  # name, pinyin, initials, card code
    review_status: str | None = None
    work_unit_id: str | None = None
    due_within_days: int | None = None  # re-registration due within N days (or overdue)
    include_left: bool = False
    office: str | None = None  # one office's registrations (origin_office); None: all


@dataclass(frozen=True)
class PostRow:
    id: str
    name: str
    category: str
    grid_id: str | None
    quota: int
    claimed: int
    applying: int
    description: str
    retired_on: dt.date | None
    origin_office: str = ""

    @property
    def full(self) -> bool:
        return self.claimed >= self.quota


@dataclass(frozen=True)
class ClaimRow:
    id: str
    registration_id: str
    name: str
    code: str
    post_id: str
    post: str
    status: str
    applied_on: dt.date
    claimed_on: dt.date | None
    withdrawn_on: dt.date | None


@dataclass(frozen=True)
class ActivityRow:
    id: str
    kind: str
    name: str
    post_id: str | None
    post: str | None
    on_date: dt.date
    place: str
    organiser: str
    checked_in: int
    checked_out: int
    origin_office: str = ""


@dataclass(frozen=True)
class RecordRow:
    id: str
    registration_id: str
    name: str
    code: str
    work_unit: str
    activity_id: str | None
    activity: str
    on_date: dt.date
    content: str
    check_in_at: dt.datetime | None
    check_out_at: dt.datetime | None
    hours: float
    confirmed_by: str | None
    points: int


@dataclass(frozen=True)
class EntryRow:
    id: str
    registration_id: str
    on_date: dt.date
    item: str
    points: int
    basis: str
    corrects_id: str | None
    entered_by: str
    note: str | None


@dataclass(frozen=True)
class PointsRow:
    """One member's line of the points notice for a period."""

    registration_id: str
    code: str
    name: str
    work_unit_id: str
    work_unit: str
    grid_id: str | None
    posts: tuple[str, ...]
    activities: int
    hours: float
    period_points: int
    year_points: int
    year_hours: float
    grade: str  # of the year to the period's end
    origin_office: str = ""  # the office that owns the registration (the street sees all)


@dataclass(frozen=True)
class UnitSummary:
    work_unit_id: str
    work_unit: str
    unit_type: str
    party_org: str | None
    members: int
    activities: int
    hours: float
    points: int
    grades: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckInResult:
    record_id: str
    registration: RegistrationRow
    at: dt.datetime
    hours: float | None = None  # on check-out
    points: int | None = None


def _check_code(field_name: str, table: CodeTable, value: str | None) -> None:
    check_code(field_name, table, value, FIELD_LABELS.get(field_name, field_name))


class InServiceService:
    """Use cases of the in-service tab, its ledgers and the CLI."""

    def __init__(self, db: Database, operator: str = "", today: dt.date | None = None,
                 point_rules: rules.PointRules | None = None,
                 now: dt.datetime | None = None) -> None:
        self.db = db
        self.operator = operator
        self._today = today
        self._now = now
        self.rules = point_rules if point_rules is not None else load_point_rules(db.path)

    def today(self) -> dt.date:
        return self._today or (self._now.date() if self._now else dt.date.today())

    def now(self) -> dt.datetime:
        return self._now or dt.datetime.now().replace(microsecond=0)

    def reload_rules(self) -> rules.PointRules:
        self.rules = load_point_rules(self.db.path)
        return self.rules

    # --- work units ---------------------------------------------------------------------
    def add_work_unit(self, draft: WorkUnitDraft) -> str:
        with self.db.write() as session:
            unit = WorkUnit(**self._unit_values(session, draft, None))
            session.add(unit)
            session.flush()
            return unit.id

    def update_work_unit(self, unit_id: str, draft: WorkUnitDraft) -> None:
        with self.db.write() as session:
            unit = live_row(session, WorkUnit, unit_id)
            for key, value in self._unit_values(session, draft, unit_id).items():
                if getattr(unit, key) != value:
                    setattr(unit, key, value)

    def work_unit(self, unit_id: str) -> WorkUnitDraft:
        with self.db.read() as session:
            u = live_row(session, WorkUnit, unit_id)
            return WorkUnitDraft(u.name, u.unit_type, u.party_org, u.contact, u.phone,
                                 u.address, u.note)

    def work_units(self) -> list[WorkUnitRow]:
        with self.db.read() as session:
            counts = dict(session.connection().execute(sql(
                "SELECT work_unit_id, count(*) FROM registration WHERE NOT deleted "
                "AND left_on IS NULL GROUP BY work_unit_id")).fetchall())
            units = session.exec(select(WorkUnit).where(col(WorkUnit.deleted).is_(False))
                                 .order_by(WorkUnit.name)).all()
            return [WorkUnitRow(u.id, u.name, u.unit_type, u.party_org, u.contact,
                                masking.mask_phone(u.phone) if u.phone else None,
                                counts.get(u.id, 0), u.origin_office) for u in units]

    def find_work_unit(self, name: str) -> str | None:
        with self.db.read() as session:
            return session.exec(select(WorkUnit.id).where(
                WorkUnit.name == clean(name), col(WorkUnit.deleted).is_(False))).first()

    def _unit_values(self, session: Session, draft: WorkUnitDraft,
                     unit_id: str | None) -> dict[str, Any]:
        name = clean(draft.name)
        if not name:
            raise ValidationError("name", MSG_UNIT_NAME)
        _check_code("unit_type", rules.UNIT_TYPES, draft.unit_type)
        clash = session.exec(select(WorkUnit.id).where(
            WorkUnit.name == name, col(WorkUnit.deleted).is_(False),
            WorkUnit.id != (unit_id or ""))).first()
        if clash:
            raise ValidationError("name", MSG_UNIT_TAKEN, name=name)
        return {"name": name, "unit_type": draft.unit_type,
                "party_org": clean(draft.party_org) or None,
                "contact": clean(draft.contact) or None, "phone": clean(draft.phone) or None,
                "address": clean(draft.address) or None, "note": clean(draft.note) or None}

    # --- registrations ------------------------------------------------------------------
    def register(self, draft: RegistrationDraft) -> str:
        with self.db.write() as session:
            values = self._registration_values(session, draft, None)
            values["code"] = self._next_code(session)
            values["last_registered_on"] = values["report_date"]
            row = Registration(**values)
            session.add(row)
            session.flush()
            return row.id

    def update_registration(self, registration_id: str, draft: RegistrationDraft) -> None:
        with self.db.write() as session:
            row = live_row(session, Registration, registration_id)
            for key, value in self._registration_values(session, draft,
                                                        registration_id).items():
                if getattr(row, key) != value:
                    setattr(row, key, value)

    def registration_draft(self, registration_id: str) -> RegistrationDraft:
        """The stored registration as its form edits it (full numbers only for
        a person not on file, whose numbers live here)."""
        with self.db.read() as session:
            r = live_row(session, Registration, registration_id)
            return RegistrationDraft(
                r.work_unit_id, r.report_date, r.member_id, r.resident_id, r.name, r.sex,
                r.birth_date, r.id_number or "", r.mobile or "", r.party_status,
                r.home_address, r.grid_id, r.job, r.skills,
                tuple(c for c in r.wished_categories.split(",") if c), r.report_type, r.note)

    def review(self, registration_id: str, approve: bool, reason: str = "") -> None:
        """已通过 (the first approval earns the first-registration points) or 已退回
        with a reason."""
        reason = clean(reason)
        if not approve and not reason:
            raise ValidationError("review_reason", MSG_RETURN_REASON)
        with self.db.write() as session:
            row = live_row(session, Registration, registration_id)
            row.review_status = rules.APPROVED if approve else rules.RETURNED
            row.review_reason = reason or None
            row.reviewed_on = self.today()
            row.reviewer = self.operator or None
            if approve and not session.exec(select(PointsEntry.id).where(
                    PointsEntry.registration_id == registration_id,
                    PointsEntry.item == rules.FIRST_REGISTRATION)).first():
                self._add_entry(session, registration_id, rules.FIRST_REGISTRATION,
                                row.report_date if row.report_date <= self.today()
                                else self.today())

    def reregister(self, registration_id: str, on_date: dt.date | None = None) -> None:
        day = on_date or self.today()
        if day > self.today():
            raise ValidationError("report_date", MSG_REPORT_FUTURE, date=day.isoformat())
        with self.db.write() as session:
            row = live_row(session, Registration, registration_id)
            row.last_registered_on = day

    def leave(self, registration_id: str, on_date: dt.date | None = None,
              note: str = "") -> None:
        """The member no longer serves here (moved, retired): kept, never deleted."""
        with self.db.write() as session:
            row = live_row(session, Registration, registration_id)
            row.left_on = on_date or self.today()
            if clean(note):
                row.note = clean(note)
            for claim in session.exec(select(PostClaim).where(
                    PostClaim.registration_id == registration_id,
                    col(PostClaim.deleted).is_(False),
                    PostClaim.status != rules.WITHDRAWN)).all():
                claim.status = rules.WITHDRAWN
                claim.withdrawn_on = row.left_on

    def rejoin(self, registration_id: str) -> None:
        with self.db.write() as session:
            live_row(session, Registration, registration_id).left_on = None

    def registrations(self, query: RegistrationQuery = RegistrationQuery()
                      ) -> list[RegistrationRow]:
        rows = self._registration_rows(None, office=query.office)
        needle = clean(query.text)
        key = search_keys.query_key(needle) if needle else ""
        today = self.today()
        out = []
        for row, keys in rows:
            if row.left_on and not query.include_left:
                continue
            if query.review_status and row.review_status != query.review_status:
                continue
            if query.work_unit_id and row.work_unit_id != query.work_unit_id:
                continue
            if query.due_within_days is not None and (
                    row.left_on or row.review_status != rules.APPROVED
                    or row.reregister_due > today + dt.timedelta(days=query.due_within_days)):
                continue
            if needle and not (needle in row.name or needle.upper() == row.code
                               or (key and any(k.startswith(key) for k in keys))):
                continue
            out.append(row)
        return out

    def registration(self, registration_id: str) -> RegistrationRow:
        rows = self._registration_rows(registration_id)
        if not rows:
            raise UserError(MSG_GONE)
        return rows[0][0]

    def reveal(self, registration_id: str) -> tuple[str | None, str | None]:
        """The full ID number and mobile (written to the audit log)."""
        with self.db.write() as session:
            r = live_row(session, Registration, registration_id)
            id_number, mobile = r.id_number, r.mobile
            if r.member_id:
                m = session.get(Member, r.member_id)
                id_number, mobile = (m.id_number, m.mobile) if m else (None, None)
            elif r.resident_id:
                p = session.get(Resident, r.resident_id)
                id_number, mobile = (p.id_number, p.mobile) if p else (None, None)
            audit.record(session, self.operator, "reveal_registration", registration_id)
            return id_number, mobile

    def reregistration_due(self, within_days: int = 30) -> list[RegistrationRow]:
        return sorted(self.registrations(RegistrationQuery(due_within_days=within_days)),
                      key=lambda r: r.reregister_due)

    def lookup(self, typed: str) -> list[RegistrationRow]:
        """Who a typed or scanned code means: the card code, or the last 4 or more
        digits of a mobile or ID number. Approved, serving members only."""
        value = rules.normalise_scan(typed)
        if not value:
            return []
        rows = [row for row, _keys in self._registration_rows(None)
                if row.review_status == rules.APPROVED and not row.left_on]
        if rules.is_member_code(value):
            return [r for r in rows if r.code == value]
        if len(value) < 4 or not value[:-1].isdigit():
            return []
        numbers = self._numbers()
        return [r for r in rows
                if any(n and n.upper().endswith(value) for n in numbers.get(r.id, ()))]

    def _numbers(self) -> dict[str, tuple[str | None, ...]]:
        """Full ID number and mobile per registration, for matching only (never shown)."""
        with self.db.read() as session:
            result = session.connection().execute(sql(
                "SELECT g.id, coalesce(m.id_number, p.id_number, g.id_number), "
                "coalesce(m.mobile, p.mobile, g.mobile) FROM registration g "
                "LEFT JOIN member m ON m.id = g.member_id "
                "LEFT JOIN resident p ON p.id = g.resident_id WHERE NOT g.deleted")).fetchall()
        return {rid: (id_number, mobile) for rid, id_number, mobile in result}

    def _registration_rows(self, only: str | None, *, office: str | None = None
                           ) -> list[tuple[RegistrationRow, tuple[str, ...]]]:
        where = "AND g.id = :only" if only else ""
        params: dict[str, Any] = {"only": only} if only else {}
        if office is not None:
            where += " AND g.origin_office = :office"
            params["office"] = office
        with self.db.read() as session:
            result = session.connection().execute(sql(
                "SELECT g.id, g.code, coalesce(m.name, p.name, g.name), "
                "coalesce(m.sex, p.sex, g.sex), coalesce(m.birth_date, p.birth_date, "
                "g.birth_date), coalesce(m.id_number, p.id_number, g.id_number), "
                "coalesce(m.mobile, p.mobile, g.mobile), g.party_status, "
                "coalesce(g.home_address, m.address), g.grid_id, g.work_unit_id, u.name, "
                "u.unit_type, g.job, g.skills, g.wished_categories, g.report_type, "
                "g.report_date, g.review_status, g.review_reason, g.last_registered_on, "
                "g.left_on, g.member_id, g.resident_id, "
                "coalesce(m.name_pinyin, p.name_pinyin, g.name_pinyin), "
                "coalesce(m.name_initials, p.name_initials, g.name_initials), "
                "g.origin_office "
                "FROM registration g JOIN work_unit u ON u.id = g.work_unit_id "
                "LEFT JOIN member m ON m.id = g.member_id "
                "LEFT JOIN resident p ON p.id = g.resident_id "
                f"WHERE NOT g.deleted {where} ORDER BY g.code"), params).fetchall()
        months = self.rules.reregister_months
        out = []
        for r in result:
            last = as_date(r[20])
            out.append((RegistrationRow(
                id=r[0], code=r[1], name=r[2], sex=r[3],
                birth=masking.mask_birth(as_date(r[4])), id_number=masking.mask_id(r[5]),
                mobile=masking.mask_phone(r[6]), party_status=r[7],
                home_address=masking.mask_address(r[8]) if r[8] else None, grid_id=r[9],
                work_unit_id=r[10], work_unit=r[11], unit_type=r[12], job=r[13],
                skills=r[14], wished_categories=tuple(c for c in (r[15] or "").split(",") if c),
                report_type=r[16], report_date=as_date(r[17]) or dt.date.min,
                review_status=r[18], review_reason=r[19],
                last_registered_on=last or dt.date.min,
                reregister_due=rules.reregistration_due(last or dt.date.min, months),
                left_on=as_date(r[21]), member_id=r[22], resident_id=r[23],
                linked="member" if r[22] else "resident" if r[23] else "",
                origin_office=r[26]),
                tuple(k for k in (r[24] or "").split("|") + [r[25] or ""] if k)))
        return out

    def _registration_values(self, session: Session, draft: RegistrationDraft,
                             registration_id: str | None) -> dict[str, Any]:
        if not draft.work_unit_id or session.get(WorkUnit, draft.work_unit_id) is None:
            raise ValidationError("work_unit_id", MSG_UNIT_MISSING)
        _check_code("report_type", rules.REPORT_TYPES, draft.report_type)
        check_code("party_status", MEMBER_STATUS, draft.party_status,
                   FIELD_LABELS["party_status"])
        for code in draft.wished_categories:
            _check_code("wished_categories", rules.POST_CATEGORIES, code)
        if draft.report_date > self.today():
            raise ValidationError("report_date", MSG_REPORT_FUTURE,
                                  date=draft.report_date.isoformat())
        values: dict[str, Any] = {
            "member_id": draft.member_id, "resident_id": draft.resident_id,
            "party_status": draft.party_status, "grid_id": draft.grid_id,
            "work_unit_id": draft.work_unit_id, "job": clean(draft.job) or None,
            "skills": clean(draft.skills), "wished_categories": ",".join(
                dict.fromkeys(draft.wished_categories)),
            "report_type": draft.report_type, "report_date": draft.report_date,
            "home_address": clean(draft.home_address) or None,
            "note": clean(draft.note) or None,
        }
        id_number: str | None = None
        if draft.member_id or draft.resident_id:
            # The person is on file: nothing personal is copied, only the name for lists.
            member = session.get(Member, draft.member_id) if draft.member_id else None
            resident = session.get(Resident, draft.resident_id) if draft.resident_id else None
            person = member or resident
            if person is None or person.deleted:
                raise UserError(MSG_GONE)
            if member is not None and resident is None:
                resident = session.exec(select(Resident).where(
                    Resident.member_id == member.id, col(Resident.deleted).is_(False))).first()
                values["resident_id"] = resident.id if resident else None
            if resident is not None and resident.member_id and member is None:
                values["member_id"] = resident.member_id
            values.update(name=person.name, sex=None, birth_date=None, id_number=None,
                          mobile=None)
            if member is not None:
                values["party_status"] = member.status
            if resident is not None and not values["grid_id"]:
                values["grid_id"] = session.connection().execute(sql(
                    "SELECT grid_id FROM household WHERE id = :h"),
                    {"h": resident.household_id}).scalar()
            id_number = person.id_number
        else:
            if not clean(draft.name):
                raise ValidationError("name", MSG_NAME)
            name = identity.normalize_name(draft.name)
            sex, birth = draft.sex or None, draft.birth_date
            if draft.id_number.strip():
                checked = identity.parse_id_number(draft.id_number, today=self.today())
                id_number = checked.value
                sex, birth = sex or checked.sex, birth or checked.birth_date
            mobile = identity.parse_phone(draft.mobile)
            values.update(name=name, sex=sex, birth_date=birth, id_number=id_number,
                          mobile=mobile or None)
        values["name_pinyin"], values["name_initials"] = search_keys.name_keys(values["name"])
        self._not_registered_twice(session, values, id_number, registration_id)
        return values

    def _not_registered_twice(self, session: Session, values: dict[str, Any],
                              id_number: str | None, registration_id: str | None) -> None:
        others = session.exec(select(Registration).where(
            col(Registration.deleted).is_(False),
            Registration.id != (registration_id or ""))).all()
        for other in others:
            same = ((values["member_id"] and other.member_id == values["member_id"])
                    or (values["resident_id"] and other.resident_id == values["resident_id"])
                    or (id_number and other.id_number == id_number))
            if not same and id_number and (other.member_id or other.resident_id):
                person = (session.get(Member, other.member_id) if other.member_id
                          else session.get(Resident, other.resident_id))
                same = person is not None and person.id_number == id_number
            if same:
                raise ValidationError("name", MSG_ALREADY_REGISTERED, name=values["name"],
                                      code=other.code)

    @staticmethod
    def _next_code(session: Session) -> str:
        codes = session.exec(select(Registration.code)).all()
        numbers = [int(c[2:]) for c in codes if rules.is_member_code(c)]
        return rules.member_code(max(numbers, default=0) + 1)

    # --- posts and claims ---------------------------------------------------------------
    def add_post(self, draft: PostDraft) -> str:
        with self.db.write() as session:
            post = ServicePost(**self._post_values(session, draft, None))
            session.add(post)
            session.flush()
            return post.id

    def update_post(self, post_id: str, draft: PostDraft) -> None:
        with self.db.write() as session:
            post = live_row(session, ServicePost, post_id)
            for key, value in self._post_values(session, draft, post_id).items():
                if getattr(post, key) != value:
                    setattr(post, key, value)

    def post_draft(self, post_id: str) -> PostDraft:
        with self.db.read() as session:
            p = live_row(session, ServicePost, post_id)
            return PostDraft(p.name, p.category, p.quota, p.grid_id, p.description)

    def close_post(self, post_id: str, on_date: dt.date | None = None) -> None:
        with self.db.write() as session:
            live_row(session, ServicePost, post_id).retired_on = on_date or self.today()

    def posts(self, *, include_closed: bool = False, office: str | None = None
              ) -> list[PostRow]:
        """The service posts (``office``: one office's, the street sees every community's)."""
        with self.db.read() as session:
            counts: dict[tuple[str, str], int] = {
                (post_id, status): n for post_id, status, n in session.connection().execute(
                    sql("SELECT post_id, status, count(*) FROM post_claim WHERE NOT deleted "
                        "GROUP BY post_id, status")).fetchall()}
            stmt = select(ServicePost).where(col(ServicePost.deleted).is_(False))
            if office is not None:
                stmt = stmt.where(ServicePost.origin_office == office)
            posts = session.exec(stmt.order_by(ServicePost.category, ServicePost.name)).all()
            return [PostRow(p.id, p.name, p.category, p.grid_id, p.quota,
                            counts.get((p.id, rules.CLAIMED), 0),
                            counts.get((p.id, rules.APPLYING), 0), p.description, p.retired_on,
                            p.origin_office)
                    for p in posts if include_closed or p.retired_on is None]

    def _post_values(self, session: Session, draft: PostDraft,
                     post_id: str | None) -> dict[str, Any]:
        name = clean(draft.name)
        if not name:
            raise ValidationError("name", MSG_POST_NAME)
        _check_code("category", rules.POST_CATEGORIES, draft.category)
        if draft.quota < 1:
            raise ValidationError("quota", MSG_QUOTA)
        if post_id:
            claimed = self._claimed(session, post_id)
            if draft.quota < claimed:
                raise ValidationError("quota", MSG_QUOTA_BELOW, claimed=claimed)
        return {"name": name, "category": draft.category, "quota": draft.quota,
                "grid_id": draft.grid_id, "description": draft.description.strip()}

    @staticmethod
    def _claimed(session: Session, post_id: str) -> int:
        return len(session.exec(select(PostClaim.id).where(
            PostClaim.post_id == post_id, PostClaim.status == rules.CLAIMED,
            col(PostClaim.deleted).is_(False))).all())

    def claim(self, registration_id: str, post_id: str, *, accept: bool = True) -> str:
        """A member claims a post (已认领 at once, or 申请中 to decide later); a full
        post takes no more."""
        with self.db.write() as session:
            registration = self._serving(session, registration_id)
            post = live_row(session, ServicePost, post_id)
            if post.retired_on is not None:
                raise UserError(MSG_POST_RETIRED, post=post.name)
            if session.exec(select(PostClaim.id).where(
                    PostClaim.registration_id == registration_id,
                    PostClaim.post_id == post_id, PostClaim.status != rules.WITHDRAWN,
                    col(PostClaim.deleted).is_(False))).first():
                raise UserError(MSG_CLAIM_TWICE, name=registration.name, post=post.name)
            if accept:
                self._room(session, post)
            row = PostClaim(registration_id=registration_id, post_id=post_id,
                            status=rules.CLAIMED if accept else rules.APPLYING,
                            applied_on=self.today(),
                            claimed_on=self.today() if accept else None)
            session.add(row)
            session.flush()
            return row.id

    def decide_claim(self, claim_id: str, accept: bool) -> None:
        with self.db.write() as session:
            claim = live_row(session, PostClaim, claim_id)
            if claim.status != rules.APPLYING:
                raise UserError(MSG_CLAIM_STATE,
                                status=Term(rules.CLAIM_STATUS.label(claim.status)))
            if accept:
                self._room(session, live_row(session, ServicePost, claim.post_id))
                claim.status = rules.CLAIMED
                claim.claimed_on = self.today()
            else:
                claim.status = rules.WITHDRAWN
                claim.withdrawn_on = self.today()

    def withdraw_claim(self, claim_id: str, on_date: dt.date | None = None) -> None:
        with self.db.write() as session:
            claim = live_row(session, PostClaim, claim_id)
            if claim.status == rules.WITHDRAWN:
                raise UserError(MSG_CLAIM_STATE,
                                status=Term(rules.CLAIM_STATUS.label(claim.status)))
            claim.status = rules.WITHDRAWN
            claim.withdrawn_on = on_date or self.today()

    def claims(self, *, post_id: str | None = None, registration_id: str | None = None,
               include_withdrawn: bool = False) -> list[ClaimRow]:
        with self.db.read() as session:
            stmt = (select(PostClaim, Registration.name, Registration.code, ServicePost.name)
                    .join(Registration, col(Registration.id) == PostClaim.registration_id)
                    .join(ServicePost, col(ServicePost.id) == PostClaim.post_id)
                    .where(col(PostClaim.deleted).is_(False)))
            if post_id:
                stmt = stmt.where(PostClaim.post_id == post_id)
            if registration_id:
                stmt = stmt.where(PostClaim.registration_id == registration_id)
            if not include_withdrawn:
                stmt = stmt.where(PostClaim.status != rules.WITHDRAWN)
            return [ClaimRow(c.id, c.registration_id, name, code, c.post_id, post, c.status,
                             c.applied_on, c.claimed_on, c.withdrawn_on)
                    for c, name, code, post in session.exec(
                        stmt.order_by(col(PostClaim.applied_on), col(PostClaim.id))).all()]

    def _room(self, session: Session, post: ServicePost) -> None:
        claimed = self._claimed(session, post.id)
        if claimed >= post.quota:
            raise UserError(MSG_POST_FULL, post=post.name, claimed=claimed, quota=post.quota)

    # --- activities, check-in and service records --------------------------------------
    def add_activity(self, draft: ActivityDraft) -> str:
        name = clean(draft.name)
        if not name:
            raise ValidationError("name", MSG_ACTIVITY_NAME)
        _check_code("kind", rules.ACTIVITY_KINDS, draft.kind)
        if draft.kind == "duty" and not draft.post_id:
            raise ValidationError("post_id", MSG_DUTY_POST)
        with self.db.write() as session:
            if draft.post_id:
                live_row(session, ServicePost, draft.post_id)
            row = ServiceActivity(kind=draft.kind, name=name, post_id=draft.post_id,
                                  on_date=draft.on_date, place=clean(draft.place),
                                  organiser=clean(draft.organiser),
                                  note=clean(draft.note) or None)
            session.add(row)
            session.flush()
            return row.id

    def activity(self, activity_id: str) -> ActivityRow:
        """One activity with its counts; UserError when it is gone."""
        found = self.activities(only=activity_id)
        if not found:
            raise UserError(MSG_GONE)
        return found[0]

    def activities(self, since: dt.date | None = None, until: dt.date | None = None,
                   *, only: str | None = None, office: str | None = None
                   ) -> list[ActivityRow]:
        with self.db.read() as session:
            # Who came (checked in) is every record of the activity, a record
            # entered afterwards from the paper sheet too; who has left (checked
            # out) is every record that is finished: checked out at the door, or
            # entered afterwards with its hours. The check-in window shows these.
            counts = {aid: (n_in, n_out) for aid, n_in, n_out in session.connection().execute(
                sql("SELECT activity_id, count(*), "
                    "sum(check_out_at IS NOT NULL OR check_in_at IS NULL) FROM service_record "
                    "WHERE NOT deleted AND activity_id IS NOT NULL GROUP BY activity_id"))}
            stmt = (select(ServiceActivity, ServicePost.name)
                    .join(ServicePost, col(ServicePost.id) == ServiceActivity.post_id,
                          isouter=True)
                    .where(col(ServiceActivity.deleted).is_(False)))
            if only:
                stmt = stmt.where(ServiceActivity.id == only)
            if office is not None:
                stmt = stmt.where(ServiceActivity.origin_office == office)
            if since:
                stmt = stmt.where(col(ServiceActivity.on_date) >= since)
            if until:
                stmt = stmt.where(col(ServiceActivity.on_date) <= until)
            return [ActivityRow(a.id, a.kind, a.name, a.post_id, post, a.on_date, a.place,
                                a.organiser, *counts.get(a.id, (0, 0)),
                                origin_office=a.origin_office)
                    for a, post in session.exec(
                        stmt.order_by(col(ServiceActivity.on_date).desc(),
                                      col(ServiceActivity.name))).all()]

    def check_in(self, activity_id: str, registration_id: str,
                 at: dt.datetime | None = None) -> CheckInResult:
        at = (at or self.now()).replace(microsecond=0)
        with self.db.write() as session:
            activity = live_row(session, ServiceActivity, activity_id)
            registration = self._serving(session, registration_id)
            open_record = self._record_of(session, activity_id, registration_id)
            if open_record is not None:
                raise UserError(MSG_CHECKED_IN, name=registration.name,
                                time=_time(open_record.check_in_at))
            record = ServiceRecord(registration_id=registration_id, activity_id=activity_id,
                                   post_id=activity.post_id, on_date=activity.on_date,
                                   content=activity.name, check_in_at=at)
            session.add(record)
            session.flush()
            record_id = record.id
        return CheckInResult(record_id, self.registration(registration_id), at)

    def check_out(self, activity_id: str, registration_id: str,
                  at: dt.datetime | None = None, content: str | None = None) -> CheckInResult:
        """Check-out gives the hours; the record is confirmed by the operator on duty
        and earns its points."""
        at = (at or self.now()).replace(microsecond=0)
        confirmer = self._confirmer()
        with self.db.write() as session:
            activity = live_row(session, ServiceActivity, activity_id)
            registration = live_row(session, Registration, registration_id)
            record = self._record_of(session, activity_id, registration_id)
            if record is None or record.check_in_at is None:
                raise UserError(MSG_NOT_CHECKED_IN, name=registration.name)
            if at < record.check_in_at:
                raise ValidationError("check_out_at", MSG_OUT_BEFORE_IN, out=_time(at),
                                      in_=_time(record.check_in_at))
            hours = rules.hours_between(record.check_in_at, at)
            if hours > rules.MAX_HOURS_A_DAY:
                raise ValidationError("hours", MSG_HOURS, hours=hours)
            record.check_out_at = at
            record.hours = hours
            record.confirmed_by = confirmer
            record.confirmed_at = self.now()
            if content is not None and clean(content):
                record.content = clean(content)
            item = rules.DUTY if activity.kind == "duty" else rules.ACTIVITY
            points = self._add_entry(session, registration_id, item, activity.on_date,
                                     hours=hours, record_id=record.id)
            record_id = record.id
        return CheckInResult(record_id, self.registration(registration_id), at, hours, points)

    def add_record(self, registration_id: str, on_date: dt.date, hours: float,
                   content: str, *, activity_id: str | None = None,
                   post_id: str | None = None) -> str:
        """A service record entered afterwards (from a paper sheet), confirmed by the
        operator; it earns points as a check-out would."""
        if not 0 < hours <= rules.MAX_HOURS_A_DAY:
            raise ValidationError("hours", MSG_HOURS, hours=hours)
        if on_date > self.today():
            raise ValidationError("on_date", MSG_REPORT_FUTURE, date=on_date.isoformat())
        confirmer = self._confirmer()
        with self.db.write() as session:
            self._serving(session, registration_id)
            kind = "activity"
            if activity_id:
                activity = live_row(session, ServiceActivity, activity_id)
                kind, post_id = activity.kind, activity.post_id or post_id
            elif post_id:
                live_row(session, ServicePost, post_id)
                kind = "duty"
            record = ServiceRecord(registration_id=registration_id, activity_id=activity_id,
                                   post_id=post_id, on_date=on_date, content=clean(content),
                                   hours=hours, confirmed_by=confirmer,
                                   confirmed_at=self.now())
            session.add(record)
            session.flush()
            self._add_entry(session, registration_id,
                            rules.DUTY if kind == "duty" else rules.ACTIVITY, on_date,
                            hours=hours, record_id=record.id)
            return record.id

    def records(self, *, registration_id: str | None = None, activity_id: str | None = None,
                period: rules.Period | None = None) -> list[RecordRow]:
        with self.db.read() as session:
            stmt = (select(ServiceRecord, Registration.name, Registration.code, WorkUnit.name,
                           ServiceActivity.name)
                    .join(Registration, col(Registration.id) == ServiceRecord.registration_id)
                    .join(WorkUnit, col(WorkUnit.id) == Registration.work_unit_id)
                    .join(ServiceActivity, col(ServiceActivity.id) == ServiceRecord.activity_id,
                          isouter=True)
                    .where(col(ServiceRecord.deleted).is_(False)))
            if registration_id:
                stmt = stmt.where(ServiceRecord.registration_id == registration_id)
            if activity_id:
                stmt = stmt.where(ServiceRecord.activity_id == activity_id)
            if period:
                stmt = stmt.where(col(ServiceRecord.on_date) >= period.start,
                                  col(ServiceRecord.on_date) <= period.end)
            points = dict(session.connection().execute(sql(
                "SELECT service_record_id, sum(points) FROM points_entry "
                "WHERE service_record_id IS NOT NULL GROUP BY service_record_id")).fetchall())
            return [RecordRow(r.id, r.registration_id, name, code, unit, r.activity_id,
                              activity or r.content, r.on_date, r.content, r.check_in_at,
                              r.check_out_at, r.hours, r.confirmed_by, points.get(r.id, 0))
                    for r, name, code, unit, activity in session.exec(
                        stmt.order_by(col(ServiceRecord.on_date), col(ServiceRecord.id))).all()]

    def _record_of(self, session: Session, activity_id: str,
                   registration_id: str) -> ServiceRecord | None:
        return session.exec(select(ServiceRecord).where(
            ServiceRecord.activity_id == activity_id,
            ServiceRecord.registration_id == registration_id,
            col(ServiceRecord.deleted).is_(False))).first()

    def _serving(self, session: Session, registration_id: str) -> Registration:
        row: Registration = live_row(session, Registration, registration_id)
        name = row.name
        if row.left_on is not None:
            raise UserError(MSG_LEFT, name=name, date=row.left_on.isoformat())
        if row.review_status != rules.APPROVED:
            raise UserError(MSG_NOT_APPROVED, name=name,
                            status=Term(rules.REVIEW_STATUS.label(row.review_status)))
        return row

    def _confirmer(self) -> str:
        confirmer = clean(self.operator)
        if not confirmer:
            raise ValidationError("confirmed_by", MSG_CONFIRMER)
        return confirmer

    # --- points ---------------------------------------------------------------------------
    def add_points(self, registration_id: str, item: str, on_date: dt.date | None = None,
                   note: str = "") -> str:
        """微心愿, 表彰 or 无故缺席 (negative), by the rule in force today."""
        _check_code("item", rules.POINT_ITEMS, item)
        if item not in (rules.WISH, rules.AWARD, rules.ABSENCE):
            raise ValidationError("item", MSG_ITEM_MANUAL,
                                  item=Term(rules.POINT_ITEMS.label(item)))
        day = on_date or self.today()
        if day > self.today():
            raise ValidationError("on_date", MSG_REPORT_FUTURE, date=day.isoformat())
        with self.db.write() as session:
            live_row(session, Registration, registration_id)
            entry_id = self._add_entry(session, registration_id, item, day, note=note,
                                       return_id=True)
            return str(entry_id)

    def correct(self, entry_id: str, points: int, reason: str) -> str:
        """A correction is a new entry that refers to the one it corrects."""
        reason = clean(reason)
        if not reason:
            raise ValidationError("note", MSG_CORRECTION_REASON)
        if points == 0:
            raise ValidationError("points", MSG_CORRECTION_ZERO)
        with self.db.write() as session:
            original = session.get(PointsEntry, entry_id)
            if original is None:
                raise UserError(MSG_GONE)
            row = PointsEntry(registration_id=original.registration_id, on_date=self.today(),
                              item=rules.CORRECTION, points=points,
                              basis=f"corrects {original.item}={original.points}",
                              corrects_id=entry_id, entered_by=self.operator, note=reason)
            session.add(row)
            session.flush()
            return row.id

    def entries(self, registration_id: str) -> list[EntryRow]:
        with self.db.read() as session:
            return [EntryRow(e.id, e.registration_id, e.on_date, e.item, e.points, e.basis,
                             e.corrects_id, e.entered_by, e.note)
                    for e in session.exec(select(PointsEntry).where(
                        PointsEntry.registration_id == registration_id)
                        .order_by(col(PointsEntry.on_date), col(PointsEntry.id))).all()]

    def _add_entry(self, session: Session, registration_id: str, item: str, on_date: dt.date,
                   *, hours: float = 0.0, record_id: str | None = None, note: str = "",
                   return_id: bool = False) -> Any:
        points = self.rules.points_for(item, hours)
        basis = (f"{item}={self.rules.duty_per_hour}/h" if item == rules.DUTY
                 else f"{item}={points}")
        row = PointsEntry(registration_id=registration_id, on_date=on_date, item=item,
                          points=points, basis=basis, service_record_id=record_id,
                          entered_by=self.operator, note=clean(note) or None)
        session.add(row)
        session.flush()
        return row.id if return_id else points

    def points(self, period: rules.Period, *, work_unit_id: str | None = None,
               include_left: bool = False, office: str | None = None) -> list[PointsRow]:
        """Each approved member's activities, hours and points in ``period``, the
        year to its end (累计) and the grade of that year so far (``office``: one
        office's members, the street sees every community's)."""
        year = period.year_to_date()
        with self.db.read() as session:
            conn = session.connection()
            params = {"ps": period.start, "pe": period.end, "ys": year.start, "ye": year.end}
            period_points = dict(conn.execute(sql(
                "SELECT registration_id, sum(points) FROM points_entry "
                "WHERE on_date BETWEEN :ps AND :pe GROUP BY registration_id"), params).fetchall())
            year_points = dict(conn.execute(sql(
                "SELECT registration_id, sum(points) FROM points_entry "
                "WHERE on_date BETWEEN :ys AND :ye GROUP BY registration_id"), params).fetchall())
            period_records = {rid: (n, h) for rid, n, h in conn.execute(sql(
                "SELECT registration_id, count(*), coalesce(sum(hours), 0) FROM service_record "
                "WHERE NOT deleted AND confirmed_by IS NOT NULL AND on_date BETWEEN :ps AND :pe "
                "GROUP BY registration_id"), params).fetchall()}
            year_hours = dict(conn.execute(sql(
                "SELECT registration_id, coalesce(sum(hours), 0) FROM service_record "
                "WHERE NOT deleted AND confirmed_by IS NOT NULL AND on_date BETWEEN :ys AND :ye "
                "GROUP BY registration_id"), params).fetchall())
            posts: dict[str, list[str]] = {}
            for rid, post in conn.execute(sql(
                    "SELECT c.registration_id, p.name FROM post_claim c JOIN service_post p "
                    "ON p.id = c.post_id WHERE NOT c.deleted AND c.status = 'claimed' "
                    "ORDER BY p.name")).fetchall():
                posts.setdefault(rid, []).append(post)
        rows = []
        for reg in self.registrations(RegistrationQuery(review_status=rules.APPROVED,
                                                        work_unit_id=work_unit_id,
                                                        include_left=include_left,
                                                        office=office)):
            if reg.report_date > period.end:
                continue
            total = int(year_points.get(reg.id, 0) or 0)
            count, hours = period_records.get(reg.id, (0, 0.0))
            rows.append(PointsRow(
                reg.id, reg.code, reg.name, reg.work_unit_id, reg.work_unit, reg.grid_id,
                tuple(posts.get(reg.id, ())), count, float(hours),
                int(period_points.get(reg.id, 0) or 0), total,
                float(year_hours.get(reg.id, 0.0) or 0.0), rules.grade(total, self.rules),
                reg.origin_office))
        rows.sort(key=lambda r: (-r.period_points, r.work_unit, r.code))
        return rows

    def unit_summaries(self, period: rules.Period, *, office: str | None = None
                       ) -> list[UnitSummary]:
        """The points by work unit (``office``: of one office's members only)."""
        units = {u.id: u for u in self.work_units()}
        grouped: dict[str, list[PointsRow]] = {}
        for row in self.points(period, office=office):
            grouped.setdefault(row.work_unit_id, []).append(row)
        out = []
        for unit_id, rows in grouped.items():
            unit = units.get(unit_id)
            grades: dict[str, int] = {}
            for row in rows:
                grades[row.grade] = grades.get(row.grade, 0) + 1
            out.append(UnitSummary(unit_id, unit.name if unit else "",
                                   unit.unit_type if unit else "",
                                   unit.party_org if unit else None, len(rows),
                                   sum(r.activities for r in rows), sum(r.hours for r in rows),
                                   sum(r.period_points for r in rows), grades))
        out.sort(key=lambda u: u.work_unit)
        return out



def parse_period_or_fail(text: str) -> rules.Period:
    period = rules.parse_period(text)
    if period is None:
        raise ValidationError("period", MSG_PERIOD, value=text)
    return period


def _time(value: dt.datetime | None) -> str:
    return value.strftime("%H:%M") if value else ""
