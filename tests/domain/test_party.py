"""Party-member dates and branch-size warnings (gridoffice.domain.party)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridoffice.domain.party import (
    PartyRules,
    RuleWarning,
    branch_size_warnings,
    due_bucket,
    due_in_days,
    full_membership_date,
    party_age,
    probation_overdue,
    validate_extension,
    validate_full_date,
    validate_join_date,
)
from gridoffice.errors import ValidationError

D = dt.date
OFFSET = PartyRules(one_day_offset=True)


@pytest.mark.parametrize(("join", "extension", "rules", "due"), [
    (D(2020, 7, 1), 0, PartyRules(), D(2021, 7, 1)),
    (D(2020, 7, 1), 0, OFFSET, D(2021, 7, 2)),
    (D(2020, 7, 1), 6, PartyRules(), D(2022, 1, 1)),
    (D(2020, 7, 1), 12, PartyRules(), D(2022, 7, 1)),
    (D(2020, 7, 1), 9, OFFSET, D(2022, 4, 2)),
    (D(2020, 12, 31), 0, OFFSET, D(2022, 1, 1)),
    (D(2020, 2, 29), 0, PartyRules(), D(2021, 2, 28)),
    (D(2020, 2, 29), 0, OFFSET, D(2021, 3, 1)),
    (D(2020, 2, 29), 6, PartyRules(), D(2021, 8, 29)),  # one 18-month period
    (D(2020, 2, 29), 24 - 12, PartyRules(), D(2022, 2, 28)),
    (D(2019, 8, 31), 6, PartyRules(), D(2021, 2, 28)),
])
def test_full_membership_date(join, extension, rules, due):
    assert full_membership_date(join, extension, rules) == due


def test_join_date_rules():
    today = D(2026, 11, 21)
    birth = D(2000, 2, 29)
    validate_join_date(D(2018, 2, 28), birth, today)  # the 18th birthday (see add_years)
    validate_join_date(today, birth, today)
    validate_join_date(D(1950, 1, 1), None, today)
    with pytest.raises(ValidationError) as info:
        validate_join_date(D(2018, 2, 27), birth, today)
    assert info.value.field == "join_date"
    assert "2018-02-28" in info.value.english()
    with pytest.raises(ValidationError) as info:
        validate_join_date(D(2026, 11, 22), birth, today)
    assert info.value.field == "join_date" and "future" in info.value.english()


@pytest.mark.parametrize("months", [0, 6, 7, 8, 9, 10, 11, 12])
def test_allowed_extensions(months):
    validate_extension(months)


@pytest.mark.parametrize("months", [-6, 1, 3, 5, 13, 18, 24])
def test_refused_extensions(months):
    with pytest.raises(ValidationError) as info:
        validate_extension(months)
    assert info.value.field == "probation_extension_months"
    assert str(months) in info.value.english()


def test_full_date_not_before_the_due_date():
    join = D(2020, 7, 1)
    validate_full_date(D(2021, 7, 1), join, 0)
    validate_full_date(D(2021, 9, 1), join, 0)  # a late branch meeting
    with pytest.raises(ValidationError) as info:
        validate_full_date(D(2021, 6, 30), join, 0)
    assert info.value.field == "full_date"
    assert "2021-07-01" in info.value.english()
    with pytest.raises(ValidationError):
        validate_full_date(D(2021, 7, 1), join, 0, OFFSET)
    with pytest.raises(ValidationError):
        validate_full_date(D(2021, 12, 31), join, 6)


def test_overdue_and_due_soon():
    join = D(2025, 11, 20)
    assert due_in_days(join, 0, D(2026, 11, 20)) == (D(2026, 11, 20), 0)
    assert not probation_overdue("probationary", join, 0, D(2026, 11, 20))
    assert probation_overdue("probationary", join, 0, D(2026, 11, 21))
    assert not probation_overdue("full", join, 0, D(2026, 11, 21))
    assert not probation_overdue("probationary", join, 0, D(2026, 11, 21), OFFSET)
    assert not probation_overdue("probationary", join, 6, D(2026, 11, 21))  # extended
    assert probation_overdue("probationary", join, 6, D(2027, 5, 21))
    assert due_in_days(join, 6, D(2026, 11, 21)) == (D(2027, 5, 20), 180)


@pytest.mark.parametrize(("days", "bucket"), [
    (-400, "overdue"), (-1, "overdue"), (0, "30"), (30, "30"), (31, "60"), (60, "60"),
    (61, "90"), (90, "90"), (91, None), (365, None),
])
def test_due_bucket(days, bucket):
    assert due_bucket(days) == bucket


def test_party_age():
    assert party_age(None, D(2026, 11, 21)) is None
    assert party_age(D(2026, 11, 22), D(2026, 11, 21)) is None
    assert party_age(D(2026, 11, 21), D(2026, 11, 21)) == 0
    assert party_age(D(2001, 7, 1), D(2026, 6, 30)) == 24
    assert party_age(D(2001, 7, 1), D(2026, 7, 1)) == 25
    assert party_age(D(2004, 2, 29), D(2026, 2, 28)) == 22


@given(st.dates(D(1950, 1, 1), D(2030, 12, 31)), st.sampled_from([0, 6, 7, 8, 9, 10, 11, 12]),
       st.booleans())
def test_due_date_properties(join, extension, offset):
    rules = PartyRules(one_day_offset=offset)
    due = full_membership_date(join, extension, rules)
    assert D(join.year + 1, 1, 1) <= due <= D(join.year + 3, 1, 1)
    assert (due - join).days >= 365 + (1 if offset else 0) - 1
    validate_full_date(due, join, extension, rules)
    assert not probation_overdue("probationary", join, extension, due, rules)
    assert probation_overdue("probationary", join, extension, due + dt.timedelta(days=1), rules)
    assert due_bucket(due_in_days(join, extension, due, rules)[1]) == "30"


def codes(warnings: list[RuleWarning]) -> list[str]:
    return [w.code for w in warnings]


def test_branch_size_warnings():
    assert codes(branch_size_warnings("branch", 2, False)) == ["too_few_full_members"]
    assert codes(branch_size_warnings("branch", 3, False)) == []
    assert codes(branch_size_warnings("branch", 6, False)) == []
    assert codes(branch_size_warnings("branch", 7, False)) == ["needs_committee"]
    assert codes(branch_size_warnings("branch", 7, True)) == []
    assert codes(branch_size_warnings("joint_branch", 1, False)) == ["too_few_full_members"]
    assert codes(branch_size_warnings("branch", 50, True)) == []
    assert codes(branch_size_warnings("branch", 51, True)) == ["consider_general_branch"]
    assert codes(branch_size_warnings("branch", 99, True)) == ["consider_general_branch"]
    assert codes(branch_size_warnings("branch", 100, True)) == ["consider_party_committee"]
    assert codes(branch_size_warnings("branch", 45, True, members=60)) == [
        "consider_general_branch"]
    assert codes(branch_size_warnings("branch", 45, True, 100)) == ["consider_party_committee"]
    assert codes(branch_size_warnings("general_branch", 100, True)) == [
        "consider_party_committee"]
    assert codes(branch_size_warnings("general_branch", 60, True)) == []
    assert codes(branch_size_warnings("committee", 1, True)) == []
    assert codes(branch_size_warnings("group", 1, False)) == []
    assert codes(branch_size_warnings("temp_branch", 1, False)) == []
    assert codes(branch_size_warnings("branch", 9, True, committee_size=2)) == [
        "committee_size"]
    assert codes(branch_size_warnings("branch", 9, True, committee_size=5)) == []
    assert codes(branch_size_warnings("branch", 20, True, committee_size=8)) == [
        "committee_size"]


def test_warning_is_the_rule_warning():
    from gridoffice.domain import party

    assert party.Warning is RuleWarning


def test_warning_messages():
    (warning,) = branch_size_warnings("branch", 2, False)
    assert warning.context == "warnings"
    assert warning.english() == ("The branch has 2 full members; a branch needs at least 3. "
                                 "Consider a joint branch with neighbouring units.")
    assert "2" in warning.localized("zh_CN")
    (joint,) = branch_size_warnings("joint_branch", 2, False)
    assert "joint branch" in joint.english()
