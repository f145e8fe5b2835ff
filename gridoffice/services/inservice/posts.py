"""Service posts (岗位) and the members' claims on them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import text as sql
from sqlmodel import Session, col, select

from gridoffice.domain import access
from gridoffice.domain import inservice as rules
from gridoffice.errors import Term, UserError, ValidationError
from gridoffice.services.common import clean
from gridoffice.services.guard import requires
from gridoffice.services.inservice.base import InServiceBase
from gridoffice.services.inservice.model import (
    MSG_CLAIM_STATE,
    MSG_CLAIM_TWICE,
    MSG_POST_FULL,
    MSG_POST_NAME,
    MSG_POST_RETIRED,
    MSG_QUOTA,
    MSG_QUOTA_BELOW,
    ClaimRow,
    PostDraft,
    PostRow,
    check_field_code,
)
from gridoffice.store.tables import PostClaim, Registration, ServicePost


class InServicePosts(InServiceBase):
    """Posts, their quotas and claims."""

    @requires(access.INSERVICE_EDIT)
    def add_post(self, draft: PostDraft) -> str:
        with self.db.write() as session:
            post = ServicePost(**self._post_values(session, draft, None))
            session.add(post)
            session.flush()
            return post.id

    @requires(access.INSERVICE_EDIT)
    def update_post(self, post_id: str, draft: PostDraft) -> None:
        with self.db.write() as session:
            post = self._row(session, ServicePost, post_id)
            for key, value in self._post_values(session, draft, post_id).items():
                if getattr(post, key) != value:
                    setattr(post, key, value)

    @requires(access.INSERVICE_VIEW)
    def post_draft(self, post_id: str) -> PostDraft:
        with self.db.read() as session:
            p = self._row(session, ServicePost, post_id)
            return PostDraft(p.name, p.category, p.quota, p.grid_id, p.description)

    @requires(access.INSERVICE_EDIT)
    def close_post(self, post_id: str, on_date: dt.date | None = None) -> None:
        with self.db.write() as session:
            self._row(session, ServicePost, post_id).retired_on = on_date or self.today()

    @requires(access.INSERVICE_VIEW)
    def posts(self, *, include_closed: bool = False, office: str | None = None
              ) -> list[PostRow]:
        """The service posts (``office``: one office's, the street sees every community's)."""
        with self.db.read() as session:
            counts: dict[tuple[str, str], int] = {
                (post_id, status): n for post_id, status, n in session.connection().execute(
                    sql("SELECT post_id, status, count(*) FROM post_claim WHERE NOT deleted "
                        "GROUP BY post_id, status")).fetchall()}
            stmt = select(ServicePost).where(col(ServicePost.deleted).is_(False),
                                             *self._offices(ServicePost.origin_office))
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
        check_field_code("category", rules.POST_CATEGORIES, draft.category)
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

    @requires(access.INSERVICE_EDIT)
    def claim(self, registration_id: str, post_id: str, *, accept: bool = True) -> str:
        """A member claims a post (已认领 at once, or 申请中 to decide later); a full
        post takes no more."""
        with self.db.write() as session:
            registration = self._serving(session, registration_id)
            post = self._row(session, ServicePost, post_id)
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

    @requires(access.INSERVICE_EDIT)
    def decide_claim(self, claim_id: str, accept: bool) -> None:
        with self.db.write() as session:
            claim = self._row(session, PostClaim, claim_id)
            if claim.status != rules.APPLYING:
                raise UserError(MSG_CLAIM_STATE,
                                status=Term(rules.CLAIM_STATUS.label(claim.status)))
            if accept:
                self._room(session, self._row(session, ServicePost, claim.post_id))
                claim.status = rules.CLAIMED
                claim.claimed_on = self.today()
            else:
                claim.status = rules.WITHDRAWN
                claim.withdrawn_on = self.today()

    @requires(access.INSERVICE_EDIT)
    def withdraw_claim(self, claim_id: str, on_date: dt.date | None = None) -> None:
        with self.db.write() as session:
            claim = self._row(session, PostClaim, claim_id)
            if claim.status == rules.WITHDRAWN:
                raise UserError(MSG_CLAIM_STATE,
                                status=Term(rules.CLAIM_STATUS.label(claim.status)))
            claim.status = rules.WITHDRAWN
            claim.withdrawn_on = on_date or self.today()

    @requires(access.INSERVICE_VIEW)
    def claims(self, *, post_id: str | None = None, registration_id: str | None = None,
               include_withdrawn: bool = False) -> list[ClaimRow]:
        with self.db.read() as session:
            stmt = (select(PostClaim, Registration.name, Registration.code, ServicePost.name)
                    .join(Registration, col(Registration.id) == PostClaim.registration_id)
                    .join(ServicePost, col(ServicePost.id) == PostClaim.post_id)
                    .where(col(PostClaim.deleted).is_(False),
                           *self._registrations_reached("post_claim.registration_id")))
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
