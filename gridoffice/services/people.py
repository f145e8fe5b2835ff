"""Finding a person to pick: party members, residents and in-service members.

One person can be in several registers (a member who lives here, an in-service
member who is a resident); each is listed once, by the record that says most.
What is shown is masked: birth as a month, a work unit, never a full number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import col, select

from gridoffice.domain import masking, search_keys
from gridoffice.store.database import Database
from gridoffice.store.tables import Member, Registration, Resident


@dataclass(frozen=True)
class Person:
    kind: str  # member | resident | registration
    id: str
    name: str
    detail: str  # masked: birth month and work unit or school
    identity: str  # the meeting identity it suggests: party_member | resident


def find_people(db: Database, text: str, limit: int = 40) -> list[Person]:
    """People whose name, pinyin or initials match ``text``."""
    needle = " ".join(text.split())
    if not needle:
        return []
    key = search_keys.query_key(needle) + "%"
    like = f"%{needle}%"
    found: list[Person] = []
    with db.read() as session:
        members = session.exec(
            select(Member).where(col(Member.deleted).is_(False),
                                 col(Member.name).like(like)
                                 | col(Member.name_pinyin).like(key)
                                 | col(Member.name_initials).like(key))
            .order_by(Member.name).limit(limit)).all()
        for m in members:
            found.append(Person("member", m.id, m.name, _detail(m.birth_date, m.work_unit),
                                "party_member"))
        residents = session.exec(
            select(Resident).where(col(Resident.deleted).is_(False),
                                   col(Resident.moved_out_on).is_(None),
                                   col(Resident.died_on).is_(None),
                                   col(Resident.name).like(like)
                                   | col(Resident.name_pinyin).like(key)
                                   | col(Resident.name_initials).like(key))
            .order_by(Resident.name).limit(limit)).all()
        member_ids = {m.id for m in members}
        for r in residents:
            if r.member_id and r.member_id in member_ids:
                continue  # the same person, already listed as a member
            found.append(Person("resident", r.id, r.name,
                                _detail(r.birth_date, r.work_or_school),
                                "party_member" if r.member_id else "resident"))
        # In-service members known only by their registration (not linked to a record).
        for g in session.exec(
                select(Registration).where(col(Registration.deleted).is_(False),
                                           col(Registration.member_id).is_(None),
                                           col(Registration.resident_id).is_(None),
                                           col(Registration.name).like(like)
                                           | col(Registration.name_pinyin).like(key)
                                           | col(Registration.name_initials).like(key))
                .order_by(Registration.name).limit(limit)).all():
            found.append(Person("registration", g.id, g.name, _detail(g.birth_date, g.job),
                                "party_member"))
    return found[:limit]


def _detail(birth: dt.date | None, work: str | None) -> str:
    return " ".join(filter(None, [masking.mask_birth(birth), work or ""]))
