"""The yearly two-way review (双向评议): the community rates each unit on four
measures (its agreement, its members' service, the orders it claimed and completed,
residents' satisfaction with them), suggested from the year's records; each unit
rates the community (typed from the form it returned). Results, grades, ranking."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import text as sql
from sqlmodel import col, select

from gridoffice.domain import access, cobuild
from gridoffice.errors import Term, ValidationError
from gridoffice.services.cobuild.lists import CobuildLists
from gridoffice.services.cobuild.model import (
    DIRECTIONS,
    MSG_NO_UNIT,
    MSG_SCORE,
    MSG_YEAR,
    OF_COMMUNITY,
    OF_UNIT,
    REVIEW_MEASURES,
    SCORE_LIMIT,
    OrderQuery,
    ReviewBasis,
    ReviewDraft,
    ReviewRow,
)
from gridoffice.services.common import check_code
from gridoffice.services.guard import requires
from gridoffice.services.inservice.rules_setting import load_point_rules
from gridoffice.store.tables import ReviewScore, WorkUnit

Scores = tuple[int, int, int, int]


def suggest(agreement: str, members: int, points: float, pass_mark: int, due: int,
            completed: int, rating: float | None) -> Scores:
    """The community's scores a unit's records suggest (the worker may change them):
    an agreement in force 25 (lapsed 15, none 5); members' average points against the
    pass mark; of its orders ``due`` (completed, or past their deadline unfinished: one
    still within its deadline counts neither way) the share completed; residents'
    average rating of 5. A measure with nothing to go by gets 15."""
    first = {"current": 25, "lapsed": 15}.get(agreement, 5)
    second = 15 if members == 0 else round(
        SCORE_LIMIT * min(1.0, max(0.0, points) / max(pass_mark, 1)))
    third = 15 if due == 0 else round(SCORE_LIMIT * completed / due)
    fourth = 15 if rating is None else round(SCORE_LIMIT * rating / 5)
    return first, second, third, fourth


class CobuildReview(CobuildLists):
    """The two-way review."""

    @requires(access.COBUILD_VIEW)
    def review_basis(self, year: int) -> list[ReviewBasis]:
        """Per unit of the area, what the year's records say and the scores they
        suggest."""
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        pass_mark = load_point_rules(self.db.path).pass_mark
        with self.db.read() as session:
            connection = session.connection()
            members: Counter[str] = Counter()
            points: dict[str, float] = defaultdict(float)
            for unit_id, total in connection.execute(sql(
                    "SELECT g.work_unit_id, coalesce((SELECT sum(e.points) FROM points_entry e "
                    "WHERE e.registration_id = g.id AND e.on_date BETWEEN :f AND :l), 0) "
                    "FROM registration g WHERE NOT g.deleted AND g.review_status = 'approved' "
                    "AND g.report_date <= :l AND (g.left_on IS NULL OR g.left_on >= :f)"),
                    {"f": first, "l": last}):
                members[unit_id] += 1
                points[unit_id] += total or 0
            given: Counter[str] = Counter()
            done: Counter[str] = Counter()
            late: Counter[str] = Counter()
            ratings: dict[str, list[int]] = defaultdict(list)
            for r in self._order_rows(session, OrderQuery()):
                if r.assignee_kind != cobuild.UNIT or not r.assignee_id or not (
                        r.accepted_on and r.accepted_on.year == year):
                    continue
                given[r.assignee_id] += 1
                done[r.assignee_id] += r.state in cobuild.COMPLETED
                late[r.assignee_id] += r.overdue
                if r.rating is not None:
                    ratings[r.assignee_id].append(r.rating)
            result = []
            for unit in self._units_reviewed(session):
                agreement = ("none" if unit.agreement_signed is None or unit.agreement_signed > last
                             else "current" if unit.agreement_until is None
                             or unit.agreement_until >= first else "lapsed")
                count = members[unit.id]
                average = points[unit.id] / count if count else 0.0
                rated = ratings[unit.id]
                rating = sum(rated) / len(rated) if rated else None
                result.append(ReviewBasis(
                    unit.id, unit.name, agreement == "current", count, round(average, 1),
                    given[unit.id], done[unit.id], None if rating is None else round(rating, 2),
                    suggest(agreement, count, average, pass_mark,
                            done[unit.id] + late[unit.id], done[unit.id], rating)))
            return result

    def _units_reviewed(self, session: Any) -> list[WorkUnit]:
        query = select(WorkUnit).where(col(WorkUnit.deleted).is_(False),
                                       col(WorkUnit.retired_on).is_(None))
        if self.actor.communities:
            query = query.where(col(WorkUnit.origin_office).in_(sorted(self.actor.communities)))
        return list(session.exec(query.order_by(WorkUnit.name)).all())

    @requires(access.COBUILD_EDIT)
    def save_review(self, draft: ReviewDraft) -> str:
        """Record one direction of a unit's review for a year (again: replaces it)."""
        check_code("direction", DIRECTIONS, draft.direction, "Direction")
        if not 2000 <= draft.year <= self.today().year + 1:
            raise ValidationError("year", MSG_YEAR, value=draft.year)
        for index, (label, value) in enumerate(zip(REVIEW_MEASURES[draft.direction],
                                                   draft.scores, strict=True)):
            if not isinstance(value, int) or not 0 <= value <= SCORE_LIMIT:
                raise ValidationError(f"score{index + 1}", MSG_SCORE, field=Term(label),
                                      limit=SCORE_LIMIT, value=value)
        remark = self._long("remark", draft.remark)
        with self.db.write() as session:
            unit = session.get(WorkUnit, draft.unit_id)
            if unit is None or unit.deleted:
                raise ValidationError("unit_id", MSG_NO_UNIT, name=draft.unit_id)
            values = {"score1": draft.scores[0], "score2": draft.scores[1],
                      "score3": draft.scores[2], "score4": draft.scores[3], "remark": remark,
                      "entered_on": draft.entered_on or self.today(),
                      "entered_by": self.operator}
            row = session.exec(select(ReviewScore).where(
                ReviewScore.year == draft.year, ReviewScore.unit_id == draft.unit_id,
                ReviewScore.direction == draft.direction,
                ReviewScore.origin_office == self.db.office_id,
                col(ReviewScore.deleted).is_(False))).first()
            if row is None:
                row = ReviewScore(year=draft.year, unit_id=draft.unit_id,
                                  direction=draft.direction, **values)
                session.add(row)
            else:
                self._set(row, values)
            session.flush()
            return row.id

    @requires(access.COBUILD_VIEW)
    def review_results(self, year: int) -> list[ReviewRow]:
        """Every unit's scores of ``year`` in both directions, ranked by the
        community's total (units not yet rated last)."""
        with self.db.read() as session:
            scores: dict[tuple[str, str], tuple[Scores, str]] = {}
            for s in session.exec(select(ReviewScore).where(
                    ReviewScore.year == year, col(ReviewScore.deleted).is_(False))
                    .order_by(col(ReviewScore.hlc))).all():
                scores[(s.unit_id, s.direction)] = (
                    (s.score1, s.score2, s.score3, s.score4), s.remark)
            units = self._units_reviewed(session)
        rows = []
        for unit in units:
            of_unit = scores.get((unit.id, OF_UNIT))
            of_community = scores.get((unit.id, OF_COMMUNITY))
            rows.append(ReviewRow(unit.id, unit.name, unit.unit_type,
                                  of_unit[0] if of_unit else None,
                                  of_community[0] if of_community else None,
                                  of_unit[1] if of_unit else "",
                                  of_community[1] if of_community else "", None))
        rows.sort(key=lambda r: (r.unit_total is None, -(r.unit_total or 0), r.unit_name))
        ranked, rank, previous = [], 0, None
        for index, row in enumerate(rows, 1):
            if row.unit_total is None:
                ranked.append(row)
                continue
            if row.unit_total != previous:
                rank, previous = index, row.unit_total
            ranked.append(ReviewRow(**{**row.__dict__, "rank": rank}))
        return ranked
