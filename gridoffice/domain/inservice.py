"""In-service party members reporting to the community (在职党员到社区报到, 双报到).

Pure rules: code tables, periods (2026Q3, 2026H1, 2026, 2026-07), the points rules
kept in settings, grades, member codes for check-in cards, and what a typed or
scanned check-in code can mean.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from gridoffice.domain.codes import CodeTable, _c
from gridoffice.i18n import QT_TRANSLATE_NOOP

UNIT_TYPES = CodeTable(
    _c("government", QT_TRANSLATE_NOOP("codes", "Party or government body")),
    _c("institution", QT_TRANSLATE_NOOP("codes", "Public institution")),
    _c("state_enterprise", QT_TRANSLATE_NOOP("codes", "State-owned enterprise")),
    _c("private_enterprise", QT_TRANSLATE_NOOP("codes", "Non-public enterprise")),
    _c("social_organisation", QT_TRANSLATE_NOOP("codes", "Social organisation")),
    # units of the area that serve residents without in-service members of their own
    # (co-building, 共驻共建): the estate's property company and owners' committee
    _c("property_company", QT_TRANSLATE_NOOP("codes", "Property management company")),
    _c("owners_committee", QT_TRANSLATE_NOOP("codes", "Owners' committee")),
)

REPORT_TYPES = CodeTable(
    _c("individual", QT_TRANSLATE_NOOP("codes", "Individual")),
    _c("organisation", QT_TRANSLATE_NOOP("codes", "Party organisation")),
)

PENDING = "pending"
APPROVED = "approved"
RETURNED = "returned"

REVIEW_STATUS = CodeTable(
    _c(PENDING, QT_TRANSLATE_NOOP("codes", "Awaiting review")),
    _c(APPROVED, QT_TRANSLATE_NOOP("codes", "Approved")),
    _c(RETURNED, QT_TRANSLATE_NOOP("codes", "Returned")),
)

POST_CATEGORIES = CodeTable(
    _c("organisation", QT_TRANSLATE_NOOP("codes", "Organisation building")),
    _c("legal", QT_TRANSLATE_NOOP("codes", "Legal advice and aid")),
    _c("assistance", QT_TRANSLATE_NOOP("codes", "Help for the needy, disabled and jobless")),
    _c("governance", QT_TRANSLATE_NOOP("codes", "Community governance")),
    _c("health", QT_TRANSLATE_NOOP("codes", "Health and medical care")),
    _c("culture", QT_TRANSLATE_NOOP("codes", "Culture and sports")),
    _c("safety", QT_TRANSLATE_NOOP("codes", "Safety education and patrols")),
    _c("other", QT_TRANSLATE_NOOP("codes", "Other")),
)

APPLYING = "applying"
CLAIMED = "claimed"
WITHDRAWN = "withdrawn"

CLAIM_STATUS = CodeTable(
    _c(APPLYING, QT_TRANSLATE_NOOP("codes", "Applied")),
    _c(CLAIMED, QT_TRANSLATE_NOOP("codes", "Claimed")),
    _c(WITHDRAWN, QT_TRANSLATE_NOOP("codes", "Withdrawn")),
)

FIRST_REGISTRATION = "first_registration"
ACTIVITY = "activity"
DUTY = "duty"
WISH = "wish"
AWARD = "award"
ABSENCE = "absence"
CORRECTION = "correction"

POINT_ITEMS = CodeTable(
    _c(FIRST_REGISTRATION, QT_TRANSLATE_NOOP("codes", "First registration")),
    _c(ACTIVITY, QT_TRANSLATE_NOOP("codes", "Took part in an activity")),
    _c(DUTY, QT_TRANSLATE_NOOP("codes", "Post duty")),
    _c(WISH, QT_TRANSLATE_NOOP("codes", "Fulfilled a small wish")),
    _c(AWARD, QT_TRANSLATE_NOOP("codes", "Award")),
    _c(ABSENCE, QT_TRANSLATE_NOOP("codes", "Unexcused absence")),
    _c(CORRECTION, QT_TRANSLATE_NOOP("codes", "Correction")),
)

EXCELLENT = "excellent"
PASS = "pass"
FAIL = "fail"

GRADES = CodeTable(
    _c(EXCELLENT, QT_TRANSLATE_NOOP("codes", "Excellent")),
    _c(PASS, QT_TRANSLATE_NOOP("codes", "Pass")),
    _c(FAIL, QT_TRANSLATE_NOOP("codes", "Fail")),
)

ACTIVITY_KINDS = CodeTable(
    _c("activity", QT_TRANSLATE_NOOP("codes", "Activity")),
    _c("duty", QT_TRANSLATE_NOOP("codes", "Post duty")),
)

MAX_HOURS_A_DAY = 24


@dataclass(frozen=True)
class PointRules:
    """Points per item (settings). Each entry keeps the points it was made with, so
    a rule changed mid-period never rewrites the past."""

    first_registration: int = 10
    activity: int = 5  # per activity attended
    duty_per_hour: int = 2  # per hour of post duty (rounded down per record, at least 1)
    wish: int = 5
    award: int = 10
    absence: int = -5
    pass_mark: int = 60
    excellent: int = 80
    hours_target: int = 50  # service hours a year
    reregister_months: int = 6
    notice_days: int = 5  # 公示 period in working days
    supervision_phone: str = ""

    def points_for(self, item: str, hours: float = 0.0) -> int:
        if item == DUTY:
            return max(1, int(hours)) * self.duty_per_hour
        return {FIRST_REGISTRATION: self.first_registration, ACTIVITY: self.activity,
                WISH: self.wish, AWARD: self.award, ABSENCE: self.absence}.get(item, 0)


def grade(points: int, rules: PointRules) -> str:
    """优秀 at or above the excellent mark, 合格 at or above the pass mark, else 不合格."""
    if points >= rules.excellent:
        return EXCELLENT
    if points >= rules.pass_mark:
        return PASS
    return FAIL


# --- periods ------------------------------------------------------------------------
@dataclass(frozen=True)
class Period:
    """A reporting period: a year, half, quarter or month, as typed: 2026Q3."""

    text: str
    start: dt.date
    end: dt.date  # inclusive

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    @property
    def year(self) -> int:
        return self.start.year

    def year_to_date(self) -> Period:
        """From 1 January of the period's year to its end (累计积分)."""
        return Period(f"{self.year}", dt.date(self.year, 1, 1), self.end)


_PERIOD = re.compile(r"^(\d{4})(?:(?:[-./]?(Q|H)(\d))|(?:[-./](\d{1,2})))?$")
# The way offices write them: 2026年(度), 2026年上半年, 2026年第三季度, 2026年7月.
_ZH_PERIOD = re.compile(r"^(\d{4})\s*年度?\s*(?:(?P<half>[上下])半年"
                        r"|第?\s*(?P<quarter>[1-4一二三四])\s*季度?"
                        r"|(?P<month>\d{1,2})\s*月份?)?$")
_ZH_DIGITS = {"一": "1", "二": "2", "三": "3", "四": "4"}


def parse_period(text: str) -> Period | None:
    """``2026``, ``2026Q3``, ``2026H1``, ``2026-07`` (also ``2026年``, ``2026年上半年``,
    ``2026年第三季度``, ``2026年7月``); None when it is not one."""
    value = unicodedata.normalize("NFKC", text).strip().upper()
    written = _ZH_PERIOD.match(value)
    if written:
        half, quarter, month = written["half"], written["quarter"], written["month"]
        value = written[1] + (f"H{1 if half == '上' else 2}" if half else
                              f"Q{_ZH_DIGITS.get(quarter, quarter)}" if quarter else
                              f"-{month}" if month else "")
    match = _PERIOD.match(value)
    if not match:
        return None
    year = int(match.group(1))
    if not 1900 <= year <= 2200:
        return None
    kind, number, month = match.group(2), match.group(3), match.group(4)
    if kind == "Q" and number and 1 <= int(number) <= 4:
        first = 3 * int(number) - 2
        return Period(f"{year}Q{number}", dt.date(year, first, 1),
                      _month_end(year, first + 2))
    if kind == "H" and number and 1 <= int(number) <= 2:
        first = 1 if number == "1" else 7
        return Period(f"{year}H{number}", dt.date(year, first, 1),
                      _month_end(year, first + 5))
    if kind:
        return None
    if month:
        m = int(month)
        if not 1 <= m <= 12:
            return None
        return Period(f"{year}-{m:02d}", dt.date(year, m, 1), _month_end(year, m))
    return Period(f"{year}", dt.date(year, 1, 1), dt.date(year, 12, 31))


def quarter_of(day: dt.date) -> Period:
    period = parse_period(f"{day.year}Q{(day.month - 1) // 3 + 1}")
    assert period is not None
    return period


def _month_end(year: int, month: int) -> dt.date:
    first_next = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return first_next - dt.timedelta(days=1)


def add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return min(dt.date(year, month, 1) + dt.timedelta(days=day.day - 1),
               _month_end(year, month))


def reregistration_due(last: dt.date, months: int) -> dt.date:
    """Re-registration is due ``months`` after the last registration."""
    return add_months(last, months)


# --- check-in codes ------------------------------------------------------------------
CODE_PREFIX = "ZB"  # 在职党员报到
_CODE = re.compile(r"^ZB(\d{4,6})$")


def member_code(number: int) -> str:
    """The code on a member's card: ZB0001; scanners type it as text."""
    return f"{CODE_PREFIX}{number:04d}"


def normalise_scan(text: str) -> str:
    """What a scanner or a person typed: NFKC (full-width), no spaces, upper case.
    A scanned QR payload ``GRIDOFFICE:ZB0001`` reads as its code."""
    value = unicodedata.normalize("NFKC", text).strip().upper().replace(" ", "")
    if ":" in value:
        value = value.rsplit(":", 1)[1]
    return value


def is_member_code(text: str) -> bool:
    return bool(_CODE.match(text))


def qr_payload(code: str) -> str:
    return f"GRIDOFFICE:{code}"


def hours_between(start: dt.datetime, end: dt.datetime) -> float:
    """Service hours, rounded to the quarter hour."""
    return round((end - start).total_seconds() / 900) / 4
