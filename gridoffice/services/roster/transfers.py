"""Transfers of the organisational relation (组织关系转接): out, its steps, and in."""

from __future__ import annotations

import datetime as dt

from sqlmodel import col, select

from gridoffice.domain import access, identity
from gridoffice.domain.codes import TRANSFER_STATUS
from gridoffice.errors import UserError, ValidationError
from gridoffice.services.common import clean_or_none
from gridoffice.services.guard import requires
from gridoffice.services.roster.base import RosterServiceBase
from gridoffice.services.roster.model import (
    MSG_ID_TAKEN,
    MSG_TRANSFER_DONE,
    MSG_TRANSFER_MISSING,
    MSG_TRANSFER_OPEN,
    MSG_TRANSFER_STEP,
    MSG_TRANSFER_TARGET,
    TRANSFER_STEPS,
    MemberDraft,
    TransferRow,
    code_term,
)
from gridoffice.store.tables import Member, MemberPlacement, MemberTransfer


class RosterTransfers(RosterServiceBase):
    """Transfers out and in."""

    @requires(access.ROSTER_EDIT)
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

    @requires(access.ROSTER_EDIT)
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
                raise UserError(MSG_TRANSFER_DONE,
                                status=code_term(TRANSFER_STATUS, transfer.status))
            if status not in TRANSFER_STEPS.get(transfer.status, set()):
                raise ValidationError("status", MSG_TRANSFER_STEP,
                                      old=code_term(TRANSFER_STATUS, transfer.status),
                                      new=code_term(TRANSFER_STATUS, status))
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

    @requires(access.ROSTER_EDIT)
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

    @requires(access.ROSTER_VIEW)
    def transfers(self, member_id: str) -> list[TransferRow]:
        with self.db.read() as session:
            self._require_reach(session, member_id)
            rows = session.exec(select(MemberTransfer).where(
                MemberTransfer.member_id == member_id,
                col(MemberTransfer.deleted).is_(False))
                .order_by(col(MemberTransfer.hlc).desc())).all()
        return [TransferRow(t.id, t.member_id, t.direction, t.from_org, t.to_org, t.out_date,
                            t.in_date, t.dues_paid_until, t.status, t.note) for t in rows]
