"""Party-member date rules and branch-size warnings (DOMAIN.md, "Party dates", "Organisation").

Probation lasts one year from the join date, extendable once by 6 to 12 months;
the full-membership date is when it ends. Date arithmetic follows the Civil Code
rule used everywhere in the domain (see :func:`identity.add_months`): a period
ending in a month without the corresponding day ends on that month's last day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from gridoffice.domain.identity import add_months, add_years, age_on
from gridoffice.errors import ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP, catalog

MSG_JOIN_FUTURE = QT_TRANSLATE_NOOP("errors", "Join date: {date} is in the future.")
MSG_JOIN_UNDER_18 = QT_TRANSLATE_NOOP(
    "errors", "Join date: {date} is before the member's 18th birthday ({birthday})."
)
MSG_EXTENSION = QT_TRANSLATE_NOOP(
    "errors",
    "Probation extension: {months} months is not possible; enter 0, or 6 to 12 months.",
)
MSG_FULL_EARLY = QT_TRANSLATE_NOOP(
    "errors",
    "Full-membership date: {date} is before the end of probation ({due}).",
)

PROBATION_MONTHS = 12
EXTENSION_MIN_MONTHS = 6
EXTENSION_MAX_MONTHS = 12
JOIN_MIN_AGE = 18
DUE_BUCKETS = (30, 60, 90)  # days ahead for the "due soon" lists

STATUS_PROBATIONARY = "probationary"
STATUS_FULL = "full"


@dataclass(frozen=True)
class PartyRules:
    """Local practice that varies between branches (a setting).

    ``one_day_offset``: some branches date full membership from the day *after*
    the probation year ends (join 2020-07-01 -> full 2021-07-02 instead of
    2021-07-01).
    """

    one_day_offset: bool = False


DEFAULT_RULES = PartyRules()


def full_membership_date(
    join: dt.date, extension_months: int = 0, rules: PartyRules = DEFAULT_RULES
) -> dt.date:
    """The date probation ends: join date + 1 year + the extension.

    Year and extension are added as one period (18 months, not 12 then 6), so a
    29 February join date is clamped once: 2020-02-29 + 18 months = 2021-08-29.
    """
    due = add_months(join, PROBATION_MONTHS + extension_months)
    return due + dt.timedelta(days=1) if rules.one_day_offset else due


def validate_join_date(join: dt.date, birth: dt.date | None, today: dt.date) -> None:
    """The join date lies between the 18th birthday and today (both allowed)."""
    if join > today:
        raise ValidationError("join_date", MSG_JOIN_FUTURE, date=join.isoformat())
    if birth is not None:
        birthday = add_years(birth, JOIN_MIN_AGE)
        if join < birthday:
            raise ValidationError("join_date", MSG_JOIN_UNDER_18, date=join.isoformat(),
                                  birthday=birthday.isoformat())


def validate_extension(months: int) -> None:
    """Probation is extended not at all, or once by 6 to 12 months."""
    if months != 0 and not EXTENSION_MIN_MONTHS <= months <= EXTENSION_MAX_MONTHS:
        raise ValidationError("probation_extension_months", MSG_EXTENSION, months=months)


def validate_full_date(
    full: dt.date, join: dt.date, extension_months: int = 0,
    rules: PartyRules = DEFAULT_RULES,
) -> None:
    """A confirmed full-membership date is not before probation ends (later is
    allowed: the branch meeting may decide late)."""
    due = full_membership_date(join, extension_months, rules)
    if full < due:
        raise ValidationError("full_date", MSG_FULL_EARLY, date=full.isoformat(),
                              due=due.isoformat())


def due_in_days(
    join: dt.date, extension_months: int, today: dt.date, rules: PartyRules = DEFAULT_RULES
) -> tuple[dt.date, int]:
    """The full-membership due date and the days from ``today`` to it (negative
    once it has passed)."""
    due = full_membership_date(join, extension_months, rules)
    return due, (due - today).days


def probation_overdue(
    status: str, join: dt.date, extension_months: int, today: dt.date,
    rules: PartyRules = DEFAULT_RULES,
) -> bool:
    """Still probationary after the due date (预备期已满待转正).

    On the due date itself the member is due, not overdue: the branch meeting
    may be held that day.
    """
    if status != STATUS_PROBATIONARY:
        return False
    _due, days_left = due_in_days(join, extension_months, today, rules)
    return days_left < 0


def due_bucket(days_left: int) -> str | None:
    """``"overdue"``, or the smallest of ``"30"``/``"60"``/``"90"`` days that
    covers ``days_left``, or ``None`` when further off. Due today falls in "30"."""
    if days_left < 0:
        return "overdue"
    for limit in DUE_BUCKETS:
        if days_left <= limit:
            return str(limit)
    return None


def party_age(full_date: dt.date | None, today: dt.date) -> int | None:
    """党龄: whole years since the full-membership date; ``None`` before it
    (a probationary member, or a date not yet reached)."""
    if full_date is None or full_date > today:
        return None
    return age_on(full_date, today)


# --- branch size ---------------------------------------------------------------------
W_BRANCH_TOO_SMALL = QT_TRANSLATE_NOOP(
    "warnings",
    "The branch has {count} full members; a branch needs at least 3. Consider a joint "
    "branch with neighbouring units.",
)
W_JOINT_TOO_SMALL = QT_TRANSLATE_NOOP(
    "warnings",
    "The joint branch has {count} full members; it needs at least 3. Consider joining "
    "further neighbouring units.",
)
W_NEEDS_COMMITTEE = QT_TRANSLATE_NOOP(
    "warnings",
    "The branch has {count} full members; with 7 or more it should elect a branch committee.",
)
W_COMMITTEE_SIZE = QT_TRANSLATE_NOOP(
    "warnings",
    "The branch committee has {size} members; it should have 3 to 5, and at most 7.",
)
W_CONSIDER_GENERAL_BRANCH = QT_TRANSLATE_NOOP(
    "warnings",
    "The branch has {count} members; a branch generally has at most 50. Consider a general "
    "party branch.",
)
W_CONSIDER_COMMITTEE = QT_TRANSLATE_NOOP(
    "warnings",
    "The organisation has {count} members; with 100 or more, consider a party committee.",
)

MIN_FULL_MEMBERS = 3
COMMITTEE_FROM_FULL_MEMBERS = 7
COMMITTEE_SIZE_MIN = 3
COMMITTEE_SIZE_MAX = 7
BRANCH_MAX_MEMBERS = 50
PARTY_COMMITTEE_FROM_MEMBERS = 100
_BRANCH_TYPES = frozenset({"branch", "joint_branch"})


@dataclass(frozen=True)
class RuleWarning:
    """Advice, not a block: upgrading an organisation needs higher approval.

    ``message`` is an English template marked in the ``warnings`` context;
    ``values`` fill its placeholders. ``code`` lets callers and tests tell the
    warnings apart without reading text.
    """

    code: str
    message: str
    values: dict[str, Any] = field(default_factory=dict)

    context = "warnings"

    def english(self) -> str:
        return self.message.format(**self.values)

    def localized(self, language: str) -> str:
        template = catalog(language).translate(self.context, self.message)
        try:
            return template.format(**self.values)
        except (KeyError, IndexError, ValueError):
            return self.english()


# The name the rest of the program knows it by; it shadows the builtin only here.
Warning = RuleWarning


def branch_size_warnings(
    org_type: str,
    full_members: int,
    has_committee: bool,
    members: int | None = None,
    *,
    committee_size: int | None = None,
) -> list[RuleWarning]:
    """What the party rules advise for an organisation of this size.

    ``members`` counts probationary members too (the 50/100 limits are about all
    members); it defaults to ``full_members``. ``committee_size`` is checked only
    when given. Org types are codes of ``codes.ORG_TYPES``.
    """
    total = full_members if members is None else members
    found: list[RuleWarning] = []
    if org_type in _BRANCH_TYPES:
        if full_members < MIN_FULL_MEMBERS:
            message = W_BRANCH_TOO_SMALL if org_type == "branch" else W_JOINT_TOO_SMALL
            found.append(RuleWarning("too_few_full_members", message, {"count": full_members}))
        if full_members >= COMMITTEE_FROM_FULL_MEMBERS and not has_committee:
            found.append(RuleWarning("needs_committee", W_NEEDS_COMMITTEE,
                                     {"count": full_members}))
        if total >= PARTY_COMMITTEE_FROM_MEMBERS:
            found.append(RuleWarning("consider_party_committee", W_CONSIDER_COMMITTEE,
                                     {"count": total}))
        elif total > BRANCH_MAX_MEMBERS:
            found.append(RuleWarning("consider_general_branch", W_CONSIDER_GENERAL_BRANCH,
                                     {"count": total}))
    elif org_type == "general_branch" and total >= PARTY_COMMITTEE_FROM_MEMBERS:
        found.append(RuleWarning("consider_party_committee", W_CONSIDER_COMMITTEE,
                                 {"count": total}))
    if (
        org_type in _BRANCH_TYPES
        and has_committee
        and committee_size is not None
        and not COMMITTEE_SIZE_MIN <= committee_size <= COMMITTEE_SIZE_MAX
    ):
        found.append(RuleWarning("committee_size", W_COMMITTEE_SIZE, {"size": committee_size}))
    return found
