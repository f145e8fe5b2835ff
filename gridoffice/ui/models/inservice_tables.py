"""Table models of the in-service tab: registrations, work units, posts, claims,
activities, service records, points entries, the points table and the per-unit
summary. Every value shown is what the service returns (numbers already masked)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from gridoffice.domain import inservice as rules
from gridoffice.ui.labels import code_label, date_text
from gridoffice.ui.models.meeting_table import IdRowsMixin
from gridoffice.ui.models.table import AnyIndex, RowTableModel

if TYPE_CHECKING:
    from gridoffice.services.inservice import (
        ActivityRow,
        ClaimRow,
        EntryRow,
        PointsRow,
        PostRow,
        RecordRow,
        RegistrationRow,
        UnitSummary,
        WorkUnitRow,
    )

GridName = Callable[[str | None], str]

(REG_CODE, REG_NAME, REG_UNIT, REG_UNIT_TYPE, REG_JOB, REG_MOBILE, REG_DATE, REG_STATUS,
 REG_DUE, REG_POSTS) = range(10)
(POST_NAME, POST_CATEGORY, POST_GRID, POST_QUOTA, POST_CLAIMED, POST_APPLYING,
 POST_STATUS) = range(7)
(ACT_DATE, ACT_NAME, ACT_KIND, ACT_POST, ACT_PLACE, ACT_IN, ACT_OUT) = range(7)
(PTS_RANK, PTS_NAME, PTS_UNIT, PTS_GRID, PTS_POSTS, PTS_ACTIVITIES, PTS_HOURS, PTS_PERIOD,
 PTS_YEAR, PTS_GRADE) = range(10)

CENTERED = int(Qt.AlignmentFlag.AlignCenter)


def hours_text(hours: float) -> str:
    return f"{hours:g}"


def _no_grid(_grid_id: str | None) -> str:
    return ""


class RegistrationTableModel(IdRowsMixin, RowTableModel["RegistrationRow"]):
    """The registrations; ``posts`` counts each member's claimed posts, ``today``
    marks a re-registration that is due."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.posts: dict[str, int] = {}
        self.today: Any = None

    def set_data(self, rows: Sequence[RegistrationRow], posts: dict[str, int],
                 today: Any) -> None:
        self.posts = dict(posts)
        self.today = today
        self.set_rows(rows)

    def headers(self) -> Sequence[str]:
        return (self.tr("Card"), self.tr("Name"), self.tr("Work unit"), self.tr("Unit type"),
                self.tr("Job"), self.tr("Mobile"), self.tr("Reported"), self.tr("Review"),
                self.tr("Next registration"), self.tr("Posts"))

    def display(self, row: RegistrationRow, column: int) -> str:
        if column == REG_STATUS:
            status = code_label(rules.REVIEW_STATUS, row.review_status)
            if row.left_on:
                return self.tr("{status}, left {date}").format(
                    status=status, date=date_text(row.left_on))
            return status
        if column == REG_DUE:
            if row.left_on or row.review_status != rules.APPROVED:
                return ""
            due = date_text(row.reregister_due)
            if self.today is not None and row.reregister_due <= self.today:
                return self.tr("{date} (due)").format(date=due)
            return due
        values = (row.code, row.name, row.work_unit, code_label(rules.UNIT_TYPES, row.unit_type),
                  row.job or "", row.mobile or "", date_text(row.report_date))
        if column < len(values):
            return values[column]
        return str(self.posts.get(row.id, 0))

    def sort_key(self, row: RegistrationRow, column: int) -> Any:
        if column == REG_POSTS:
            return self.posts.get(row.id, 0)
        return super().sort_key(row, column)

    def tooltip(self, row: RegistrationRow, column: int) -> str | None:
        if column == REG_STATUS and row.review_reason:
            return row.review_reason
        return None

    def muted(self, row: RegistrationRow) -> bool:
        return row.left_on is not None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == REG_POSTS:
            return CENTERED
        return super().data(index, role)


class WorkUnitTableModel(IdRowsMixin, RowTableModel["WorkUnitRow"]):
    def headers(self) -> Sequence[str]:
        return (self.tr("Work unit"), self.tr("Unit type"), self.tr("Party organisation"),
                self.tr("Contact"), self.tr("Phone"), self.tr("Members"))

    def display(self, row: WorkUnitRow, column: int) -> str:
        values = (row.name, code_label(rules.UNIT_TYPES, row.unit_type), row.party_org or "",
                  row.contact or "", row.phone or "", str(row.members))
        return values[column]


class PostTableModel(IdRowsMixin, RowTableModel["PostRow"]):
    def __init__(self, parent: Any = None, grid_name: GridName = _no_grid) -> None:
        super().__init__(parent)
        self.grid_name = grid_name

    def headers(self) -> Sequence[str]:
        return (self.tr("Post"), self.tr("Category"), self.tr("Grid"), self.tr("Quota"),
                self.tr("Claimed"), self.tr("Applied"), self.tr("Status"))

    def status(self, row: PostRow) -> str:
        if row.retired_on is not None:
            return self.tr("Closed")
        return self.tr("Full") if row.full else self.tr("Open")

    def display(self, row: PostRow, column: int) -> str:
        values = (row.name, code_label(rules.POST_CATEGORIES, row.category),
                  self.grid_name(row.grid_id), str(row.quota), str(row.claimed),
                  str(row.applying) if row.applying else "", self.status(row))
        return values[column]

    def tooltip(self, row: PostRow, column: int) -> str | None:
        return row.description or None

    def muted(self, row: PostRow) -> bool:
        return row.retired_on is not None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.TextAlignmentRole
                and index.column() in (POST_QUOTA, POST_CLAIMED, POST_APPLYING)):
            return CENTERED
        return super().data(index, role)


class ClaimTableModel(IdRowsMixin, RowTableModel["ClaimRow"]):
    """Claims of one post (``by_post``) or of one member (the post column instead)."""

    def __init__(self, parent: Any = None, *, by_post: bool = True) -> None:
        super().__init__(parent)
        self.by_post = by_post

    def headers(self) -> Sequence[str]:
        first = (self.tr("Card"), self.tr("Name")) if self.by_post else (self.tr("Post"),)
        return (*first, self.tr("Status"), self.tr("Applied"), self.tr("Claimed"),
                self.tr("Withdrawn"))

    def display(self, row: ClaimRow, column: int) -> str:
        first = (row.code, row.name) if self.by_post else (row.post,)
        values = (*first, code_label(rules.CLAIM_STATUS, row.status), date_text(row.applied_on),
                  date_text(row.claimed_on), date_text(row.withdrawn_on))
        return values[column]

    def muted(self, row: ClaimRow) -> bool:
        return row.status == rules.WITHDRAWN


class ActivityTableModel(IdRowsMixin, RowTableModel["ActivityRow"]):
    def headers(self) -> Sequence[str]:
        return (self.tr("Date"), self.tr("Activity"), self.tr("Kind"), self.tr("Post"),
                self.tr("Place"), self.tr("Checked in"), self.tr("Checked out"))

    def display(self, row: ActivityRow, column: int) -> str:
        values = (date_text(row.on_date), row.name, code_label(rules.ACTIVITY_KINDS, row.kind),
                  row.post or "", row.place, str(row.checked_in), str(row.checked_out))
        return values[column]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (ACT_IN, ACT_OUT):
            return CENTERED
        return super().data(index, role)


class RecordTableModel(IdRowsMixin, RowTableModel["RecordRow"]):
    """Service records of an activity (``by_member``: who) or of a member (what)."""

    def __init__(self, parent: Any = None, *, by_member: bool = True) -> None:
        super().__init__(parent)
        self.by_member = by_member

    def headers(self) -> Sequence[str]:
        first = (self.tr("Name"), self.tr("Work unit")) if self.by_member \
            else (self.tr("Date"), self.tr("Activity or post"))
        return (*first, self.tr("In"), self.tr("Out"), self.tr("Hours"), self.tr("Points"),
                self.tr("Confirmed by"))

    def display(self, row: RecordRow, column: int) -> str:
        first = (row.name, row.work_unit) if self.by_member \
            else (date_text(row.on_date), row.activity or row.content)
        values = (*first, f"{row.check_in_at:%H:%M}" if row.check_in_at else "",
                  f"{row.check_out_at:%H:%M}" if row.check_out_at else "",
                  hours_text(row.hours) if row.hours else "", str(row.points) if row.points else "",
                  row.confirmed_by or self.tr("not confirmed"))
        return values[column]

    def muted(self, row: RecordRow) -> bool:
        return row.confirmed_by is None


class EntryTableModel(IdRowsMixin, RowTableModel["EntryRow"]):
    """The points ledger of a member (append-only: a correction is its own line)."""

    def headers(self) -> Sequence[str]:
        return (self.tr("Date"), self.tr("Item"), self.tr("Points"), self.tr("Rule"),
                self.tr("Entered by"), self.tr("Note"))

    def display(self, row: EntryRow, column: int) -> str:
        points = f"{row.points:+d}"
        values = (date_text(row.on_date), code_label(rules.POINT_ITEMS, row.item), points,
                  row.basis, row.entered_by, row.note or "")
        return values[column]

    def muted(self, row: EntryRow) -> bool:
        return any(r.corrects_id == row.id for r in self._rows)

    def tooltip(self, row: EntryRow, column: int) -> str | None:
        if self.muted(row):
            return self.tr("Corrected by a later entry")
        return None


class PointsTableModel(RowTableModel["PointsRow"]):
    """The points notice of a period: rank by the period's points."""

    def __init__(self, parent: Any = None, grid_name: GridName = _no_grid) -> None:
        super().__init__(parent)
        self.grid_name = grid_name

    def headers(self) -> Sequence[str]:
        return (self.tr("Rank"), self.tr("Name"), self.tr("Work unit"), self.tr("Grid"),
                self.tr("Posts"), self.tr("Activities"), self.tr("Hours"),
                self.tr("Period points"), self.tr("Year points"), self.tr("Grade"))

    def set_rows(self, rows: Sequence[PointsRow]) -> None:
        """Equal points share a rank (1, 2, 2, 4)."""
        ordered = sorted((r.period_points for r in rows), reverse=True)
        self._ranks: dict[int, int] = {}
        for place, points in enumerate(ordered, start=1):
            self._ranks.setdefault(points, place)
        super().set_rows(rows)

    def rank(self, row: PointsRow) -> int:
        return self._ranks.get(row.period_points, 0)

    def display(self, row: PointsRow, column: int) -> str:
        if column == PTS_RANK:
            return str(self.rank(row))
        values = ("", row.name, row.work_unit, self.grid_name(row.grid_id), "、".join(row.posts),
                  str(row.activities), hours_text(row.hours), str(row.period_points),
                  str(row.year_points), code_label(rules.GRADES, row.grade))
        return values[column]

    def sort_key(self, row: PointsRow, column: int) -> Any:
        numbers = {PTS_RANK: -row.period_points, PTS_ACTIVITIES: row.activities,
                   PTS_HOURS: row.hours, PTS_PERIOD: row.period_points,
                   PTS_YEAR: row.year_points}
        return numbers.get(column, self.display(row, column))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.TextAlignmentRole
                and index.column() in (PTS_RANK, PTS_ACTIVITIES, PTS_HOURS, PTS_PERIOD,
                                       PTS_YEAR)):
            return CENTERED
        return super().data(index, role)


class UnitSummaryTableModel(RowTableModel["UnitSummary"]):
    def headers(self) -> Sequence[str]:
        return (self.tr("Work unit"), self.tr("Unit type"), self.tr("Members"),
                self.tr("Activities"), self.tr("Hours"), self.tr("Points"),
                code_label(rules.GRADES, rules.EXCELLENT), code_label(rules.GRADES, rules.PASS),
                code_label(rules.GRADES, rules.FAIL))

    def display(self, row: UnitSummary, column: int) -> str:
        values = (row.work_unit, code_label(rules.UNIT_TYPES, row.unit_type), str(row.members),
                  str(row.activities), hours_text(row.hours), str(row.points),
                  str(row.grades.get(rules.EXCELLENT, 0)), str(row.grades.get(rules.PASS, 0)),
                  str(row.grades.get(rules.FAIL, 0)))
        return values[column]
