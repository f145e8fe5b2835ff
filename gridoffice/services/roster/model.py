"""The roster's plain data and the rules of a member draft: messages, field labels and
limits, drafts, rows, queries, and clean_draft (shared with the Excel import)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any, NamedTuple

from gridoffice.domain import identity, party, search_keys
from gridoffice.domain.codes import MEMBER_CATEGORY, MEMBER_STATUS
from gridoffice.domain.text import check_text
from gridoffice.errors import Term, ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services.common import clean_or_none

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


def clean_draft(draft: MemberDraft, *, today: dt.date, rules: party.PartyRules,
                org_usable: Callable[[str], bool]) -> dict[str, Any]:
    """The values to store for a draft, or ValidationError naming the first bad field.

    Pure apart from ``org_usable`` (does this organisation exist and is it
    active?), so an import can check thousands of rows against preloaded data.
    Uniqueness of the ID number is checked by the caller.
    """
    values: dict[str, Any] = {}
    birth = _clean_person(draft, values, today=today)
    _clean_membership(draft, values, birth, today=today, rules=rules,
                      org_usable=org_usable)
    values["name_pinyin"], values["name_initials"] = search_keys.name_keys(values["name"])
    return values


def _clean_person(draft: MemberDraft, values: dict[str, Any], *,
                  today: dt.date) -> dt.date | None:
    """The person's fields of a draft into ``values``: name, ID number, sex, birth,
    codes and texts; the birth date (typed, or read from the ID number)."""
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
    return birth


def _clean_membership(draft: MemberDraft, values: dict[str, Any], birth: dt.date | None,
                      *, today: dt.date, rules: party.PartyRules,
                      org_usable: Callable[[str], bool]) -> None:
    """The membership fields of a draft into ``values``: status and its dates,
    category, organisation, mobility and the marks."""
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


def json_value(value: Any) -> Any:
    """A value as JSON keeps it (dates as ISO text)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def code_term(table: Any, code: str) -> Any:
    """A code's label, to be translated in a message."""
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
