"""The party organisation tree: create, edit, move, retire; committee seats; history.

Nothing is hard-deleted: an organisation is retired on a date and keeps its
history; a seat ends on a date. Every change writes a dated event.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from typing import Any

from sqlmodel import Session, col, select

from gridoffice.domain import access
from gridoffice.domain import orgs as rules
from gridoffice.domain.access import Actor
from gridoffice.domain.codes import ORG_TYPES, SEATS
from gridoffice.errors import Term, UserError, ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services.guard import FREE, require_office, requires
from gridoffice.services.org_nodes import OrgDraft, OrgNode, node_of, read_org_nodes
from gridoffice.store.database import Database
from gridoffice.store.tables import CommitteeSeat, Org, OrgEvent, WorkUnit

MSG_NAME_REQUIRED = QT_TRANSLATE_NOOP("errors", "Name: enter the organisation's full name.")
MSG_NAME_TOO_LONG = QT_TRANSLATE_NOOP("errors", "Name: at most {limit} characters.")
MSG_NAME_TAKEN = QT_TRANSLATE_NOOP(
    "errors", "Name: {parent} already has an organisation called {name}."
)
MSG_TYPE_UNKNOWN = QT_TRANSLATE_NOOP("errors", "Type: {value} is not an organisation type.")
MSG_TYPE_UNDER = QT_TRANSLATE_NOOP("errors", "Type: a {child} cannot be placed under a {parent}.")
MSG_TYPE_ROOT = QT_TRANSLATE_NOOP(
    "errors", "Type: a {child} cannot be a top-level organisation; choose its parent."
)
MSG_TYPE_CHILDREN = QT_TRANSLATE_NOOP(
    "errors", "Type: {name} has sub-organisations that a {child} cannot contain."
)
MSG_PARENT_MISSING = QT_TRANSLATE_NOOP(
    "errors", "Parent: the chosen organisation no longer exists."
)
MSG_PARENT_RETIRED = QT_TRANSLATE_NOOP("errors", "Parent: {name} has been retired.")
MSG_PARENT_CYCLE = QT_TRANSLATE_NOOP(
    "errors", "Parent: {name} cannot be moved under itself or one of its own sub-organisations."
)
MSG_ESTABLISHED_FUTURE = QT_TRANSLATE_NOOP(
    "errors", "Established: the date {date} is in the future."
)
MSG_RETIRED_FUTURE = QT_TRANSLATE_NOOP("errors", "Retirement date: {date} is in the future.")
MSG_FROM_FUTURE = QT_TRANSLATE_NOOP("errors", "From: the date {date} is in the future.")
MSG_TO_FUTURE = QT_TRANSLATE_NOOP("errors", "To: the date {date} is in the future.")
MSG_TERM_BEFORE = QT_TRANSLATE_NOOP("errors", "Term end: must be after the date established.")
MSG_ORG_MISSING = QT_TRANSLATE_NOOP("errors", "The organisation no longer exists.")
MSG_ORG_RETIRED = QT_TRANSLATE_NOOP("errors", "{name} has been retired; restore it first.")
MSG_RETIRE_CHILDREN = QT_TRANSLATE_NOOP(
    "errors", "{name} still has {count} active sub-organisations: move or retire them first."
)
MSG_RETIRE_BEFORE = QT_TRANSLATE_NOOP(
    "errors", "Retirement date: must not be before the date established ({date})."
)
MSG_NOT_RETIRED = QT_TRANSLATE_NOOP("errors", "{name} is not retired.")
MSG_SEAT_UNKNOWN = QT_TRANSLATE_NOOP("errors", "Seat: {value} is not a committee seat.")
MSG_SEAT_NOT_HERE = QT_TRANSLATE_NOOP("errors", "Seat: a {org_type} has no {seat} seat.")
MSG_PERSON_REQUIRED = QT_TRANSLATE_NOOP("errors", "Person: enter the name of who holds the seat.")
MSG_SEAT_UNIT = QT_TRANSLATE_NOOP(
    "errors", "Unit: a part-time member holds the seat for a unit of the area; choose it.")
MSG_SEAT_END_BEFORE = QT_TRANSLATE_NOOP(
    "errors", "To: the end date is before the start date {date}."
)
MSG_SEAT_ENDED = QT_TRANSLATE_NOOP("errors", "This seat already ended on {date}.")
MSG_SEAT_MISSING = QT_TRANSLATE_NOOP("errors", "The seat record no longer exists.")
MSG_SEAT_OVERLAP = QT_TRANSLATE_NOOP(
    "errors", "From: {person} held this seat until {date}; the new term must start after that."
)
MSG_SEAT_TAKEN = QT_TRANSLATE_NOOP(
    "errors", "{person} now holds this seat; end that term first."
)
MSG_DISCARD_USED = QT_TRANSLATE_NOOP(
    "errors", "{name} already has sub-organisations or seats and can only be retired."
)


@dataclass(frozen=True)
class SeatRow:
    id: str
    org_id: str
    seat: str
    person_name: str
    from_date: dt.date
    to_date: dt.date | None
    note: str | None
    unit_id: str | None = None  # a part-time member's unit (兼职委员)

    @property
    def current(self) -> bool:
        return self.to_date is None


@dataclass(frozen=True)
class EventRow:
    id: str
    org_id: str
    on_date: dt.date
    kind: str
    detail: dict[str, Any]
    operator: str
    hlc: int


def _seat_row(seat: CommitteeSeat) -> SeatRow:
    return SeatRow(seat.id, seat.org_id, seat.seat, seat.person_name, seat.from_date,
                   seat.to_date, seat.note, seat.unit_id)


def _clean(text: str | None) -> str | None:
    text = " ".join((text or "").split())
    return text or None


class OrgService:
    """Use cases of the organisation tree. ``operator`` is written into history."""

    def __init__(self, db: Database, operator: str = "", today: dt.date | None = None) -> None:
        self.db = db
        self.operator = operator
        self.actor = Actor.open(operator)  # the container sets the signed-in account
        self._today = today

    @requires(FREE)
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    # --- reading ----------------------------------------------------------
    @requires(access.ROSTER_VIEW)
    def list_orgs(self, *, include_retired: bool = True,
                  as_of: dt.date | None = None, office: str | None = None) -> list[OrgNode]:
        """All organisations, parents before children, siblings by order and name.

        ``as_of`` keeps those that existed on that day (established on or
        before it, not retired by then); ``office`` those of one office (the
        street office holds its communities' organisations too).
        """
        with self.db.read() as session:
            raw = session.connection().connection.driver_connection
            assert raw is not None
            nodes = read_org_nodes(raw, self.actor, office=office)
        if not include_retired:
            nodes = [n for n in nodes if not n.retired]
        if as_of is not None:
            nodes = [n for n in nodes if rules.active_on(n.established, n.retired_on, as_of)]
        return nodes

    @requires(access.ROSTER_VIEW)
    def get(self, org_id: str) -> OrgNode:
        with self.db.read() as session:
            org = self._load(session, org_id)
            seats = self._seats(session, org_id)
        return node_of(org, seats)

    @requires(access.ROSTER_VIEW)
    def seats(self, org_id: str, *, include_past: bool = True) -> list[SeatRow]:
        with self.db.read() as session:
            self._load(session, org_id)
            rows = self._seats(session, org_id)
        order = {code.code: i for i, code in enumerate(SEATS)}
        rows.sort(key=lambda s: (s.to_date is not None, order.get(s.seat, 99),
                                 -(s.from_date.toordinal())))
        return [_seat_row(s) for s in rows if include_past or s.to_date is None]

    @requires(access.ROSTER_VIEW)
    def history(self, org_id: str) -> list[EventRow]:
        with self.db.read() as session:
            self._load(session, org_id)
            events = session.exec(
                select(OrgEvent)
                .where(OrgEvent.org_id == org_id, col(OrgEvent.deleted).is_(False))
                .order_by(col(OrgEvent.hlc).desc())
            ).all()
        return [EventRow(e.id, e.org_id, e.on_date, e.kind, json.loads(e.detail or "{}"),
                         e.operator, e.hlc) for e in events]

    # --- changing the tree --------------------------------------------------
    @requires(access.ROSTER_EDIT)
    def create(self, draft: OrgDraft) -> OrgNode:
        draft = self._normalise(draft)
        with self.db.write() as session:
            self._validate(session, draft, org_id=None)
            siblings = self._children(session, draft.parent_id)
            term_end = draft.term_end
            if term_end is None and draft.established and draft.org_type in (
                "committee", "general_branch", "branch", "joint_branch"
            ):
                term_end = rules.default_term_end(draft.established)
            org = Org(name=draft.name, short_name=draft.short_name, org_type=draft.org_type,
                      parent_id=draft.parent_id, grid_code=draft.grid_code,
                      established=draft.established, term_end=term_end,
                      sort_order=max((s.sort_order for s in siblings), default=-1) + 1)
            session.add(org)
            session.flush()
            self._event(session, org.id, "created", name=org.name, org_type=org.org_type,
                        parent=self._name(session, org.parent_id), on_date=org.established)
            return node_of(org, [])

    @requires(access.ROSTER_EDIT)
    def update(self, org_id: str, draft: OrgDraft) -> OrgNode:
        """Change name, type or dates; moving is :meth:`move`."""
        draft = self._normalise(draft)
        with self.db.write() as session:
            org = self._load(session, org_id)
            draft = replace(draft, parent_id=org.parent_id)
            self._validate(session, draft, org_id=org_id)
            before = {"name": org.name, "short_name": org.short_name, "org_type": org.org_type,
                      "grid_code": org.grid_code, "established": org.established,
                      "term_end": org.term_end}
            after = {"name": draft.name, "short_name": draft.short_name,
                     "org_type": draft.org_type, "grid_code": draft.grid_code,
                     "established": draft.established, "term_end": draft.term_end}
            changed = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
            if not changed:
                return node_of(org, self._seats(session, org_id))
            for key, (_old, new) in changed.items():
                setattr(org, key, new)
            if "name" in changed:
                self._event(session, org_id, "renamed", old=changed["name"][0],
                            new=changed["name"][1])
            other = {k: [_jsonable(v[0]), _jsonable(v[1])] for k, v in changed.items()
                     if k != "name"}
            if other:
                self._event(session, org_id, "edited", changes=other)
            session.flush()
            return node_of(org, self._seats(session, org_id))

    @requires(access.ROSTER_EDIT)
    def move(self, org_id: str, new_parent_id: str | None,
             position: int | None = None) -> OrgNode:
        """Place an organisation under another parent (at ``position`` among siblings)."""
        with self.db.write() as session:
            org = self._load(session, org_id)
            if org.retired_on is not None:
                raise UserError(MSG_ORG_RETIRED, name=org.name)
            old_parent = org.parent_id
            draft = OrgDraft(org.name, org.org_type, new_parent_id)
            self._validate(session, draft, org_id=org_id)
            siblings = [s for s in self._children(session, new_parent_id) if s.id != org_id]
            siblings.sort(key=lambda s: (s.sort_order, s.name))
            index = len(siblings) if position is None else max(0, min(position, len(siblings)))
            siblings.insert(index, org)
            org.parent_id = new_parent_id
            for i, sibling in enumerate(siblings):
                if sibling.sort_order != i:
                    sibling.sort_order = i
            if old_parent != new_parent_id:
                self._event(session, org_id, "moved", old=self._name(session, old_parent),
                            new=self._name(session, new_parent_id), old_id=old_parent,
                            new_id=new_parent_id)
            session.flush()
            return node_of(org, self._seats(session, org_id))

    @requires(access.ROSTER_EDIT)
    def retire(self, org_id: str, on_date: dt.date | None = None,
               reason: str = "") -> OrgNode:
        """Retire (撤销) an organisation on a date; its current seats end that day."""
        day = on_date or self.today()
        with self.db.write() as session:
            org = self._load(session, org_id)
            if org.retired_on is not None:
                raise UserError(MSG_ORG_RETIRED, name=org.name)
            if day > self.today():
                raise ValidationError("retired_on", MSG_RETIRED_FUTURE, date=day.isoformat())
            if org.established and day < org.established:
                raise ValidationError("retired_on", MSG_RETIRE_BEFORE,
                                      date=org.established.isoformat())
            active = [c for c in self._children(session, org_id) if c.retired_on is None]
            if active:
                raise UserError(MSG_RETIRE_CHILDREN, name=org.name, count=len(active))
            org.retired_on = day
            ended = []
            for seat in self._seats(session, org_id):
                if seat.to_date is None:
                    seat.to_date = max(day, seat.from_date)
                    ended.append(seat.id)
            self._event(session, org_id, "retired", on=day.isoformat(), reason=reason,
                        ended_seats=ended, on_date=day)
            session.flush()
            return node_of(org, self._seats(session, org_id))

    @requires(access.ROSTER_EDIT)
    def restore(self, org_id: str) -> OrgNode:
        """Undo a retirement; the seats it ended stay ended (appoint again if needed)."""
        with self.db.write() as session:
            org = self._load(session, org_id)
            if org.retired_on is None:
                raise UserError(MSG_NOT_RETIRED, name=org.name)
            parent = session.get(Org, org.parent_id) if org.parent_id else None
            if parent is not None and parent.retired_on is not None:
                raise UserError(MSG_PARENT_RETIRED, name=parent.name)
            old = org.retired_on
            org.retired_on = None
            self._event(session, org_id, "restored", was=old.isoformat())
            session.flush()
            return node_of(org, self._seats(session, org_id))

    @requires(access.ROSTER_EDIT)
    def discard(self, org_id: str) -> None:
        """Take back an organisation created by mistake (undo of create).

        Only while nothing hangs on it: no sub-organisations and no seats. The
        row becomes a tombstone, so sync removes it everywhere.
        """
        with self.db.write() as session:
            org = self._load(session, org_id)
            if self._children(session, org_id) or self._seats(session, org_id):
                raise UserError(MSG_DISCARD_USED, name=org.name)
            org.deleted = True
            for event in session.exec(select(OrgEvent).where(OrgEvent.org_id == org_id)):
                event.deleted = True

    # --- seats ----------------------------------------------------------------
    @requires(access.ROSTER_EDIT)
    def appoint(self, org_id: str, seat: str, person_name: str,
                from_date: dt.date | None = None, note: str | None = None,
                unit_id: str | None = None) -> SeatRow:
        """Give a seat to a person. For a one-person seat the current holder's
        term ends the day before. A part-time member (兼职委员) holds it for a unit of
        the area (``unit_id``)."""
        start = from_date or self.today()
        person = _clean(person_name)
        with self.db.write() as session:
            org = self._load(session, org_id)
            if org.retired_on is not None:
                raise UserError(MSG_ORG_RETIRED, name=org.name)
            if seat not in SEATS:
                raise ValidationError("seat", MSG_SEAT_UNKNOWN, value=seat)
            if not rules.seat_allowed(org.org_type, seat):
                raise ValidationError("seat", MSG_SEAT_NOT_HERE,
                                      org_type=Term(ORG_TYPES.label(org.org_type)),
                                      seat=Term(SEATS.label(seat)))
            if not person:
                raise ValidationError("person_name", MSG_PERSON_REQUIRED)
            if seat == rules.PART_TIME_SEAT:
                unit = session.get(WorkUnit, unit_id) if unit_id else None
                if unit is None or unit.deleted:
                    raise ValidationError("unit_id", MSG_SEAT_UNIT)
            else:
                unit_id = None
            if start > self.today():
                raise ValidationError("from_date", MSG_FROM_FUTURE, date=start.isoformat())
            if seat in rules.SINGLE_SEATS:
                for holder in self._seats(session, org_id):
                    if holder.seat != seat:
                        continue
                    if holder.to_date is None:
                        if holder.from_date >= start:
                            raise ValidationError("from_date", MSG_SEAT_OVERLAP,
                                                  person=holder.person_name,
                                                  date=holder.from_date.isoformat())
                        holder.to_date = start - dt.timedelta(days=1)
                        self._event(session, org_id, "seat_ended", seat=seat,
                                    person=holder.person_name,
                                    to=holder.to_date.isoformat(), on_date=holder.to_date)
                    elif holder.to_date >= start:
                        raise ValidationError("from_date", MSG_SEAT_OVERLAP,
                                              person=holder.person_name,
                                              date=holder.to_date.isoformat())
            row = CommitteeSeat(org_id=org_id, seat=seat, person_name=person,
                                from_date=start, note=_clean(note), unit_id=unit_id)
            session.add(row)
            self._event(session, org_id, "seat_appointed", seat=seat, person=person,
                        on_date=start)
            session.flush()
            return _seat_row(row)

    @requires(access.ROSTER_EDIT)
    def end_seat(self, seat_id: str, to_date: dt.date | None = None) -> SeatRow:
        end = to_date or self.today()
        with self.db.write() as session:
            seat = self._seat(session, seat_id)
            if seat.to_date is not None:
                raise UserError(MSG_SEAT_ENDED, date=seat.to_date.isoformat())
            if end < seat.from_date:
                raise ValidationError("to_date", MSG_SEAT_END_BEFORE,
                                      date=seat.from_date.isoformat())
            if end > self.today():
                raise ValidationError("to_date", MSG_TO_FUTURE, date=end.isoformat())
            seat.to_date = end
            self._event(session, seat.org_id, "seat_ended", seat=seat.seat,
                        person=seat.person_name, to=end.isoformat(), on_date=end)
            session.flush()
            return _seat_row(seat)

    @requires(access.ROSTER_EDIT)
    def reopen_seat(self, seat_id: str) -> SeatRow:
        """Undo of :meth:`end_seat`: the seat is current again."""
        with self.db.write() as session:
            seat = self._seat(session, seat_id)
            if seat.seat in rules.SINGLE_SEATS:
                for other in self._seats(session, seat.org_id):
                    if other.id != seat.id and other.seat == seat.seat and other.to_date is None:
                        raise UserError(MSG_SEAT_TAKEN, person=other.person_name)
            seat.to_date = None
            self._event(session, seat.org_id, "seat_appointed", seat=seat.seat,
                        person=seat.person_name, reopened=True)
            session.flush()
            return _seat_row(seat)

    @requires(access.ROSTER_EDIT)
    def withdraw_appointment(self, seat_id: str) -> None:
        """Undo of :meth:`appoint`: the appointment is withdrawn (kept as a tombstone
        and in the history), and a predecessor whose term the appointment ended
        holds the seat again."""
        with self.db.write() as session:
            seat = self._seat(session, seat_id)
            seat.deleted = True
            if seat.seat in rules.SINGLE_SEATS:
                day_before = seat.from_date - dt.timedelta(days=1)
                others = [s for s in self._seats(session, seat.org_id)
                          if s.id != seat.id and s.seat == seat.seat]
                if not any(s.to_date is None for s in others):
                    for other in others:
                        if other.to_date == day_before:
                            other.to_date = None
            self._event(session, seat.org_id, "seat_withdrawn", seat=seat.seat,
                        person=seat.person_name, from_date=seat.from_date.isoformat())

    # --- helpers --------------------------------------------------------------
    def _normalise(self, draft: OrgDraft) -> OrgDraft:
        return replace(draft, name=_clean(draft.name) or "",
                       short_name=_clean(draft.short_name),
                       grid_code=_clean(draft.grid_code))

    def _validate(self, session: Session, draft: OrgDraft, org_id: str | None) -> None:
        if not draft.name:
            raise ValidationError("name", MSG_NAME_REQUIRED)
        if len(draft.name) > rules.MAX_NAME_LENGTH:
            raise ValidationError("name", MSG_NAME_TOO_LONG, limit=rules.MAX_NAME_LENGTH)
        if draft.org_type not in ORG_TYPES:
            raise ValidationError("org_type", MSG_TYPE_UNKNOWN, value=draft.org_type)
        parent: Org | None = None
        if draft.parent_id is not None:
            parent = session.get(Org, draft.parent_id)
            if parent is None or parent.deleted:
                raise ValidationError("parent_id", MSG_PARENT_MISSING)
            self.actor.require_communities(parent.origin_office)
            if parent.retired_on is not None:
                raise ValidationError("parent_id", MSG_PARENT_RETIRED, name=parent.name)
            if org_id is not None and org_id in self._ancestors(session, parent.id):
                raise ValidationError("parent_id", MSG_PARENT_CYCLE, name=draft.name)
        if not rules.may_contain(parent.org_type if parent else None, draft.org_type):
            if parent is None:
                raise ValidationError("org_type", MSG_TYPE_ROOT,
                                      child=Term(ORG_TYPES.label(draft.org_type)))
            raise ValidationError("org_type", MSG_TYPE_UNDER,
                                  child=Term(ORG_TYPES.label(draft.org_type)),
                                  parent=Term(ORG_TYPES.label(parent.org_type)))
        if org_id is not None:
            for child in self._children(session, org_id):
                if child.retired_on is None and not rules.may_contain(draft.org_type,
                                                                      child.org_type):
                    raise ValidationError("org_type", MSG_TYPE_CHILDREN, name=draft.name,
                                          child=Term(ORG_TYPES.label(draft.org_type)))
        for sibling in self._children(session, draft.parent_id):
            if sibling.id != org_id and sibling.retired_on is None and sibling.name == draft.name:
                raise ValidationError("name", MSG_NAME_TAKEN, name=draft.name,
                                      parent=parent.name if parent else "—")
        today = self.today()
        if draft.established and draft.established > today:
            raise ValidationError("established", MSG_ESTABLISHED_FUTURE,
                                  date=draft.established.isoformat())
        if draft.established and draft.term_end and draft.term_end <= draft.established:
            raise ValidationError("term_end", MSG_TERM_BEFORE)

    def _load(self, session: Session, org_id: str) -> Org:
        org = session.get(Org, org_id)
        if org is None or org.deleted:
            raise UserError(MSG_ORG_MISSING)
        return require_office(self.actor, org)  # type: ignore[no-any-return]

    def _seat(self, session: Session, seat_id: str) -> CommitteeSeat:
        seat = session.get(CommitteeSeat, seat_id)
        if seat is None or seat.deleted:
            raise UserError(MSG_SEAT_MISSING)
        return require_office(self.actor, seat)  # type: ignore[no-any-return]

    @staticmethod
    def _children(session: Session, parent_id: str | None) -> list[Org]:
        query = select(Org).where(col(Org.deleted).is_(False))
        if parent_id is None:
            query = query.where(col(Org.parent_id).is_(None))
        else:
            query = query.where(Org.parent_id == parent_id)
        return list(session.exec(query).all())

    @staticmethod
    def _seats(session: Session, org_id: str) -> list[CommitteeSeat]:
        return list(session.exec(
            select(CommitteeSeat).where(CommitteeSeat.org_id == org_id,
                                        col(CommitteeSeat.deleted).is_(False))
        ).all())

    @staticmethod
    def _ancestors(session: Session, org_id: str | None) -> list[str]:
        chain: list[str] = []
        while org_id is not None and org_id not in chain:
            chain.append(org_id)
            parent = session.get(Org, org_id)
            org_id = parent.parent_id if parent else None
        return chain

    @staticmethod
    def _name(session: Session, org_id: str | None) -> str | None:
        if org_id is None:
            return None
        org = session.get(Org, org_id)
        return org.name if org else None

    def _event(self, session: Session, org_id: str, kind: str,
               on_date: dt.date | None = None, **detail: Any) -> None:
        session.add(OrgEvent(org_id=org_id, on_date=on_date or self.today(), kind=kind,
                             detail=json.dumps(detail, ensure_ascii=False, default=_jsonable),
                             operator=self.operator))


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
