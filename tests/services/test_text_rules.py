"""Text every service refuses (control characters, text-direction overrides, text
longer than the roster allows) and stored text no export may crash on; a demo
that stops half-way leaves nothing."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from openpyxl import load_workbook

from gridoffice.errors import UserError, ValidationError
from gridoffice.services import demo
from gridoffice.services.households import GridDraft, HouseholdService, ResidentDraft
from gridoffice.services.orgs import OrgDraft
from gridoffice.services.roster import RosterService
from gridoffice.services.roster_excel import export_members
from tests import sql
from tests.conftest import TODAY
from tests.services.test_households import HEAD
from tests.services.test_roster import member


def digest(path):
    """The database as stored: every file of it (the WAL too)."""
    h = hashlib.sha256()
    for suffix in ("", "-wal"):
        file = path.with_name(path.name + suffix)
        if file.exists():
            h.update(file.read_bytes())
    return h.hexdigest()


@pytest.fixture
def branches(orgs):
    founded = dt.date(2015, 1, 1)
    root = orgs.create(OrgDraft("中共幸福里社区委员会", "committee", established=founded))
    one = orgs.create(OrgDraft("第一网格党支部", "branch", root.id, established=founded))
    return root, one


@pytest.fixture
def roster(db):
    return RosterService(db, operator="王芳", today=TODAY)


@pytest.fixture
def register(db):
    return HouseholdService(db, operator="王芳", today=TODAY)


@pytest.mark.parametrize("field, value", [
    ("note", "入党\x01积极分子"),
    ("address", "幸福里\u202e103"),
    ("work_unit", "幸福\x7f公司"),
    ("native_place", "北京\u2066市"),
    ("party_post", "委员\x9b"),
])
def test_member_text_with_control_or_bidi_character_is_refused(db, roster, branches, field,
                                                              value):
    _root, one = branches
    before = digest(db.path)
    with pytest.raises(ValidationError) as err:
        roster.add(member(one.id, **{field: value}))
    assert err.value.field == field
    zh = err.value.localized("zh_CN")
    assert "U+" in zh and zh != err.value.english()  # names the character, translated
    assert digest(db.path) == before


def test_note_keeps_its_line_breaks_and_tabs(db, roster, branches):
    _root, one = branches
    roster.add(member(one.id, note="第一行\t说明"))


def test_household_texts_have_the_rosters_limits_and_characters(db, register):
    grid = register.create_grid(GridDraft("110105001001001", "第一网格"))
    before = digest(db.path)
    with pytest.raises(ValidationError) as err:
        register.add_building(grid, "3", estate="幸" * 32767)
    assert err.value.field == "estate" and "40" in err.value.localized("zh_CN")
    with pytest.raises(ValidationError) as err:
        register.add_building(grid, "3\u202e")
    assert err.value.field == "number"
    assert digest(db.path) == before
    building = register.add_building(grid, "3", estate="幸福里")
    house = register.add_house(building, "2", "301")
    before = digest(db.path)
    for key, value in (("hukou_address", "北京" * 100), ("note", "x\x00y"),
                       ("work_or_school", "学校\u202d")):
        with pytest.raises(ValidationError) as err:
            register.create_household(house, [ResidentDraft("张伟", HEAD, sex="1",
                                                            **{key: value})])
        assert err.value.field == key
    assert digest(db.path) == before


def test_any_write_of_a_control_character_is_refused_at_the_store(db, register):
    """The store's check behind every service: a text no service cleaned."""
    before = digest(db.path)
    with pytest.raises(ValidationError) as err:
        register.create_grid(GridDraft("110105001001001", "第一\x1b网格"))
    assert "grid.name" in err.value.english()
    assert digest(db.path) == before


def test_export_over_a_stored_control_character_does_not_crash(db, roster, branches, tmp_path):
    _root, one = branches
    roster.add(member(one.id))
    conn = sql.connect(db.path)
    conn.execute("UPDATE member SET note = '坏\x01字符\u202e', work_unit = '单位\x1f'")
    conn.commit()
    conn.close()
    out = tmp_path / "roster.xlsx"
    export_members(roster.list_members(), out, reveal=False)
    cells = [c for row in load_workbook(out).active.iter_rows(values_only=True) for c in row
             if isinstance(c, str)]
    assert "坏\ufffd字符\ufffd" in cells


def test_demo_stopped_half_way_leaves_nothing(db, monkeypatch):
    def fail(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(demo, "_meetings", fail)  # after orgs, members, households
    with pytest.raises(OSError):
        demo.fill(db)
    conn = sql.connect(db.path)
    assert conn.execute("SELECT count(*) FROM org").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM member").fetchone() == (0,)
    conn.close()
    monkeypatch.undo()
    summary = demo.fill(db)
    assert summary.orgs > 0 and summary.households > 0


def test_fault_error_translates_low_level_errors():
    from sqlalchemy.exc import OperationalError

    from gridoffice.errors import fault_error

    full = fault_error(OperationalError("INSERT", {}, sql.OperationalError(
        "database or disk is full")))
    assert isinstance(full, UserError) and "磁盘" in full.localized("zh_CN")
    locked = fault_error(sql.OperationalError("database is locked"))
    assert "另一个程序" in locked.localized("zh_CN")
    denied = fault_error(PermissionError(13, "Permission denied", "/srv/out.xlsx"))
    assert "/srv/out.xlsx" in denied.localized("zh_CN")
    assert fault_error(ValueError("a bug")) is None
