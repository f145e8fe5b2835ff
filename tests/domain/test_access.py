"""The permission matrix and the masking policy: one place, and what it promises."""

from __future__ import annotations

import datetime as dt

import pytest

from gridoffice.domain import access
from gridoffice.domain.access import Actor


def actor(role: str, **kwargs) -> Actor:
    return Actor(login=role, operator=role, role=role, **kwargs)


def test_every_role_has_a_row_and_every_permission_a_label():
    assert set(access.MATRIX) == set(access.ROLES) == set(access.ROLE_LABELS)
    assert set(access.PERMISSION_LABELS) == set(access.PERMISSIONS)
    for granted in access.MATRIX.values():
        assert granted <= set(access.PERMISSIONS)


def test_the_roles_are_ordered_from_most_to_least():
    order = [access.MATRIX[role] for role in access.ROLES]
    assert order[0] > order[1] > order[2]  # admin > secretary > staff
    assert access.MATRIX[access.VIEWER] < access.MATRIX[access.STAFF]


@pytest.mark.parametrize("role, allowed, refused", [
    (access.ADMIN, [access.ACCOUNTS, access.RESTORE, access.SETTINGS, access.SYNC],
     [access.CONTROL_TAGS]),
    (access.SECRETARY, [access.REVEAL, access.PRINT, access.EXPORT_FULL, access.AUDIT],
     [access.ACCOUNTS, access.SETTINGS, access.RESTORE]),
    (access.STAFF, [access.ROSTER_EDIT, access.PRINT, access.EXPORT],
     [access.REVEAL, access.EXPORT_FULL, access.AUDIT, access.ACCOUNTS]),
    (access.GRID, [access.HOUSEHOLDS_EDIT, access.PRINT, access.ROSTER_VIEW],
     [access.MEETINGS_VIEW, access.SYNC, access.ROSTER_EDIT, access.REVEAL]),
    (access.VIEWER, [access.ROSTER_VIEW, access.MEETINGS_VIEW],
     [access.PRINT, access.EXPORT, access.HOUSEHOLDS_EDIT, access.IMPORT]),
])
def test_what_each_role_may_do(role, allowed, refused):
    person = actor(role)
    for permission in allowed:
        assert person.allows(permission)
    for permission in refused:
        assert not person.allows(permission)
        with pytest.raises(access.PermissionDenied) as err:
            person.require(permission)
        assert "当前账户" in err.value.localized("zh_CN")


def test_control_tags_come_only_from_the_grant_and_never_to_grid_or_viewer():
    for role in access.ROLES:
        assert not actor(role).allows(access.CONTROL_TAGS)
        granted = actor(role, control_tags=True).allows(access.CONTROL_TAGS)
        assert granted == (role in access.CONTROL_TAG_ROLES)


def test_a_grid_worker_reaches_only_their_grids():
    worker = actor(access.GRID, grids=frozenset({"g1"}))
    assert worker.in_grid("g1") and not worker.in_grid("g2") and not worker.in_grid(None)
    with pytest.raises(access.PermissionDenied):
        worker.require_grid("g2")
    assert actor(access.STAFF).in_grid("g2")


def test_an_open_folder_may_do_everything():
    person = Actor.open("张三")
    assert person.is_open and person.operator == "张三" and person.audit_name == "张三"
    assert all(person.allows(p) for p in access.PERMISSIONS)


def test_masking_policy():
    staff, secretary = actor(access.STAFF), actor(access.SECRETARY)
    worker, viewer = actor(access.GRID, grids=frozenset({"g1"})), actor(access.VIEWER)
    for what in (access.ID_NUMBER, access.PHONE, access.BIRTH_DATE):
        assert access.shows(staff, what) == access.MASKED
        assert access.shows(staff, what, revealed=True) == access.MASKED  # may not reveal
        assert access.shows(secretary, what) == access.MASKED  # masked by default
        assert access.shows(secretary, what, revealed=True) == access.FULL
    assert access.shows(worker, access.ADDRESS, own_grid=True) == access.FULL
    assert access.shows(worker, access.ADDRESS) == access.MASKED
    assert access.shows(staff, access.ADDRESS, own_grid=True) == access.MASKED
    assert access.shows(viewer, access.CARE_TAGS) == access.HIDDEN
    assert access.shows(staff, access.CARE_TAGS) == access.FULL
    assert access.shows(viewer, access.CHILD) == access.MASKED
    assert access.beyond_masked_default(worker, own_grid=True)
    assert not access.beyond_masked_default(staff, revealed=True)
    assert access.beyond_masked_default(secretary, revealed=True)


def test_a_child_is_under_fourteen_on_the_day():
    today = dt.date(2026, 12, 6)
    assert access.is_child(dt.date(2012, 12, 7), today)
    assert not access.is_child(dt.date(2012, 12, 6), today)
    assert not access.is_child(None, today)


def test_the_matrix_rows_match_the_matrix():
    for permission, columns in access.matrix_rows():
        for role, shown in zip(access.ROLES, columns, strict=True):
            expected = permission in access.MATRIX[role] or (
                permission == access.CONTROL_TAGS and role in access.CONTROL_TAG_ROLES)
            assert shown == expected
