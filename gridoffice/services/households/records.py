"""Households and their residents as records: creating, editing, changing the head,
moving, leaving, merging duplicates and linking to the party roster."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from sqlmodel import Session, col, select

from gridoffice.domain import access, identity, masking, search_keys
from gridoffice.domain import households as rules
from gridoffice.errors import Term, UserError, ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services.common import clean_or_none, limited_text
from gridoffice.services.guard import requires
from gridoffice.services.households.base import HouseholdServiceBase
from gridoffice.services.households.model import (
    HEAD,
    LABEL_HOUSEHOLD_NUMBER,
    MSG_EMPTY_HOUSEHOLD,
    MSG_HEAD_CHANGE,
    MSG_HEAD_LEAVES,
    MSG_HOUSE_MISSING,
    MSG_HOUSEHOLD_MISSING,
    MSG_ID_LIVES,
    MSG_MERGE_CONFLICT,
    MSG_MERGE_SAME,
    MSG_NOT_A_DATE_ORDER,
    MSG_RESIDENT_MISSING,
    MSG_SAME_HOUSE,
    MSG_SECOND_HEAD,
    RESIDENT_TEXT,
    ResidentDraft,
)
from gridoffice.store.tables import House, Household, Resident, ResidentTag


class HouseholdRecords(HouseholdServiceBase):
    """Writing households and residents."""

    @requires(access.HOUSEHOLDS_EDIT)
    def create_household(self, house_id: str, members: list[ResidentDraft], *,
                         number: str | None = None, kind: str = "family") -> str:
        """A household with its members; exactly one of them is the head."""
        if not members:
            raise ValidationError("members", MSG_EMPTY_HOUSEHOLD)
        rules.check_heads([m.relation for m in members])
        self._check_code("kind", kind, "HOUSEHOLD_KINDS",
                         QT_TRANSLATE_NOOP("codes", "Household kind"))
        with self.db.write() as session:
            house = self._live(session, House, house_id, MSG_HOUSE_MISSING)
            household = Household(house_id=house_id, grid_id=self._grid_of(session, house),
                                  number=limited_text("number", LABEL_HOUSEHOLD_NUMBER,
                                                      number, 30), kind=kind)
            session.add(household)
            session.flush()
            seen: set[str] = set()
            for draft in members:
                values = self._resident_values(session, draft, None)
                if values["id_number"] and values["id_number"] in seen:
                    raise ValidationError("id_number", MSG_ID_LIVES, name=values["name"],
                                          address="—")
                if values["id_number"]:
                    seen.add(values["id_number"])
                session.add(Resident(household_id=household.id, **values))
            return household.id

    @requires(access.HOUSEHOLDS_EDIT)
    def add_resident(self, household_id: str, draft: ResidentDraft) -> str:
        with self.db.write() as session:
            household = self._live(session, Household, household_id, MSG_HOUSEHOLD_MISSING)
            if draft.relation == HEAD:
                head = self._head(session, household.id)
                if head is not None:
                    raise ValidationError("relation", MSG_SECOND_HEAD, name=head.name)
            resident = Resident(household_id=household_id,
                                **self._resident_values(session, draft, None))
            session.add(resident)
            session.flush()
            return resident.id

    @requires(access.HOUSEHOLDS_EDIT)
    def update_resident(self, resident_id: str, draft: ResidentDraft) -> None:
        with self.db.write() as session:
            resident = self._live(session, Resident, resident_id, MSG_RESIDENT_MISSING)
            draft = self._unmask(resident, draft)
            if (draft.relation == HEAD) != (resident.relation == HEAD):
                raise ValidationError("relation", MSG_HEAD_CHANGE)
            for key, value in self._resident_values(session, draft, resident_id).items():
                if getattr(resident, key) != value:
                    setattr(resident, key, value)

    @requires(access.HOUSEHOLDS_EDIT)
    def change_head(self, household_id: str, new_head_id: str, old_head_relation: str) -> None:
        """Make another member the head; the old head gets ``old_head_relation``."""
        self._check_code("relation", old_head_relation, "RELATION_TO_HEAD",
                         QT_TRANSLATE_NOOP("codes", "Relation to head"))
        if old_head_relation == HEAD:
            raise ValidationError("relation", MSG_HEAD_CHANGE)
        with self.db.write() as session:
            new_head = self._live(session, Resident, new_head_id, MSG_RESIDENT_MISSING)
            self._require_here(new_head)
            old = self._head(session, household_id)
            if old is not None and old.id != new_head.id:
                old.relation = old_head_relation
            new_head.relation = HEAD

    @requires(access.HOUSEHOLDS_EDIT)
    def move_out(self, resident_id: str, on_date: dt.date, reason: str = "") -> None:
        """迁出: the resident stays on record with the date; a head goes last."""
        self._record_leaving(resident_id, on_date, reason, died=False)

    @requires(access.HOUSEHOLDS_EDIT)
    def record_death(self, resident_id: str, on_date: dt.date) -> None:
        self._record_leaving(resident_id, on_date, "", died=True)

    def _record_leaving(self, resident_id: str, on_date: dt.date, reason: str, *,
                        died: bool) -> None:
        self._not_future(on_date)
        with self.db.write() as session:
            resident = self._live(session, Resident, resident_id, MSG_RESIDENT_MISSING)
            self._require_here(resident)
            if resident.move_in_date and on_date < resident.move_in_date:
                raise ValidationError("on_date", MSG_NOT_A_DATE_ORDER, date=on_date.isoformat(),
                                      name=resident.name,
                                      since=resident.move_in_date.isoformat())
            others = [r for r in self._members(session, resident.household_id)
                      if r.id != resident.id]
            if resident.relation == HEAD and others:
                raise UserError(MSG_HEAD_LEAVES, name=resident.name)
            if died:
                resident.died_on = on_date
            else:
                resident.moved_out_on = on_date
                resident.move_out_reason = clean_or_none(reason)
            if not others:  # the last member left: the household ends, its record stays
                household = session.get(Household, resident.household_id)
                assert household is not None
                household.dissolved_on = on_date

    @requires(access.HOUSEHOLDS_EDIT)
    def move_household(self, household_id: str, new_house_id: str) -> None:
        """The whole household moves to another house; members and history go along."""
        with self.db.write() as session:
            household = self._live(session, Household, household_id, MSG_HOUSEHOLD_MISSING)
            house = self._live(session, House, new_house_id, MSG_HOUSE_MISSING)
            if household.house_id == new_house_id:
                raise ValidationError("house_id", MSG_SAME_HOUSE)
            household.house_id = new_house_id
            household.grid_id = self._grid_of(session, house)

    @requires(access.HOUSEHOLDS_EDIT)
    def merge(self, keep_id: str, other_id: str) -> None:
        """Merge a resident recorded twice into one record: the other's tags, member
        link and missing details move to the kept record, and the other becomes a
        tombstone noting the merge. Nothing else is lost."""
        if keep_id == other_id:
            raise UserError(MSG_MERGE_SAME)
        with self.db.write() as session:
            keep = self._live(session, Resident, keep_id, MSG_RESIDENT_MISSING)
            other = self._live(session, Resident, other_id, MSG_RESIDENT_MISSING)
            if keep.id_number and other.id_number and keep.id_number != other.id_number:
                raise ValidationError("id_number", MSG_MERGE_CONFLICT,
                                      field=Term(QT_TRANSLATE_NOOP("codes", "ID number")),
                                      first=masking.mask_id(keep.id_number),
                                      second=masking.mask_id(other.id_number))
            for key in ("id_number", "id_number_original", "birth_date", "former_name",
                        "ethnicity", "political_status", "education", "marital_status",
                        "hukou_address", "work_or_school", "mobile", "member_id",
                        "guardian_note"):
                if getattr(keep, key) in (None, "") and getattr(other, key) not in (None, ""):
                    setattr(keep, key, getattr(other, key))
            remaining = [r for r in self._members(session, other.household_id)
                         if r.id != other_id]
            if other.relation == HEAD and remaining:
                raise UserError(MSG_HEAD_LEAVES, name=other.name)
            for entry in session.exec(select(ResidentTag).where(
                    ResidentTag.resident_id == other_id, col(ResidentTag.deleted).is_(False))):
                entry.resident_id = keep_id
            other.deleted = True
            other.note = f"{other.note or ''} merged into {keep_id}".strip()
            if not remaining:
                household = session.get(Household, other.household_id)
                if household is not None:
                    household.dissolved_on = self.today()

    @requires(access.HOUSEHOLDS_EDIT)
    def link_member(self, resident_id: str, member_id: str | None) -> None:
        """One person, one record: the resident is (or is no longer) this party member."""
        with self.db.write() as session:
            self._live(session, Resident, resident_id, MSG_RESIDENT_MISSING).member_id = member_id

    @requires(access.HOUSEHOLDS_EDIT)
    def set_center_household(self, household_id: str, member_id: str | None) -> None:
        """党员中心户: a flag on the household, linked to the member who lives there."""
        with self.db.write() as session:
            household = self._live(session, Household, household_id, MSG_HOUSEHOLD_MISSING)
            household.center_member_id = member_id

    def _resident_values(self, session: Session, draft: ResidentDraft,
                         resident_id: str | None, *,
                         living: Mapping[str, list[tuple[str, str, str]]] | None = None
                         ) -> dict[str, Any]:
        """The cleaned values of ``draft``. ``living`` (id number -> (id, name,
        household) of every living resident, read once by an importer) answers the
        check for another living person with the number instead of a query per row."""
        today = self.today()
        values: dict[str, Any] = {"name": identity.normalize_name(draft.name, "name")}
        values["former_name"] = (identity.normalize_name(draft.former_name, "former_name")
                                 if clean_or_none(draft.former_name) else None)
        self._check_code("relation", draft.relation, "RELATION_TO_HEAD",
                         QT_TRANSLATE_NOOP("codes", "Relation to head"))
        id_text = identity.normalize_input(draft.id_number or "")
        parsed = identity.parse_id_for_type(draft.id_type, id_text, today=today) \
            if id_text else None
        sex, birth = draft.sex or "", draft.birth_date
        if parsed is not None:
            identity.check_agrees(parsed, birth, sex or None)
            values["id_number"], values["id_number_original"] = parsed.value, parsed.original
            sex, birth = sex or parsed.sex, birth or parsed.birth_date
        else:
            values["id_number"] = values["id_number_original"] = id_text or None
        if sex not in ("1", "2"):
            raise ValidationError("sex", QT_TRANSLATE_NOOP("errors", "Sex: choose male or female."))
        values.update(sex=sex, birth_date=birth, id_type=draft.id_type, relation=draft.relation)
        for key, table, label in (
                ("ethnicity", "ETHNICITY", QT_TRANSLATE_NOOP("codes", "Ethnicity")),
                ("political_status", "POLITICAL_STATUS",
                 QT_TRANSLATE_NOOP("codes", "Political status")),
                ("education", "EDUCATION", QT_TRANSLATE_NOOP("codes", "Education")),
                ("marital_status", "MARITAL_STATUS",
                 QT_TRANSLATE_NOOP("codes", "Marital status")),
                ("population_type", "POPULATION_TYPES",
                 QT_TRANSLATE_NOOP("codes", "Population type")),
                ("residence_status", "RESIDENCE_STATUS",
                 QT_TRANSLATE_NOOP("codes", "Residence status")),
                ("move_in_reason", "MOVE_IN_REASONS",
                 QT_TRANSLATE_NOOP("codes", "Reason for moving in"))):
            value = getattr(draft, key) or None
            if value is not None:
                self._check_code(key, value, table, label)
            values[key] = value
        values["mobile"] = identity.parse_phone(draft.mobile or "") or None
        rules.validate_move(draft.move_in_date, None, None, birth, today)
        values["move_in_date"] = draft.move_in_date
        for key, label, limit in RESIDENT_TEXT:
            values[key] = limited_text(key, label, getattr(draft, key), limit)
        values["member_id"] = draft.member_id
        if values["id_number"] and living is not None:
            others = [(name, household) for rid, name, household
                      in living.get(values["id_number"], ()) if rid != (resident_id or "")]
            if others:
                raise ValidationError("id_number", MSG_ID_LIVES, name=others[0][0],
                                      address=self._address(session, others[0][1]))
        elif values["id_number"]:
            clash = session.exec(select(Resident).where(
                Resident.id_number == values["id_number"], col(Resident.deleted).is_(False),
                col(Resident.moved_out_on).is_(None), col(Resident.died_on).is_(None),
                Resident.id != (resident_id or ""))).first()
            if clash is not None:
                raise ValidationError("id_number", MSG_ID_LIVES, name=clash.name,
                                      address=self._address(session, clash.household_id))
        values["name_pinyin"], values["name_initials"] = search_keys.name_keys(values["name"])
        return values

    @staticmethod
    def _unmask(resident: Resident, draft: ResidentDraft) -> ResidentDraft:
        if masking.MASK in (draft.id_number or ""):
            draft = replace(draft, id_number=resident.id_number_original
                            or resident.id_number or "")
        if masking.MASK in (draft.mobile or ""):
            draft = replace(draft, mobile=resident.mobile or "")
        return draft
