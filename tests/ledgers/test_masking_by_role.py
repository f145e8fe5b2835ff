"""Masking by role, decided by one policy (domain/privacy.present) and used by the
ledgers and exports: a grid worker's own books carry full addresses and other grids
are refused; the read-only role sees no care tags and no children's names; whatever
shows more than the masked default needs a reason, which the audit entry carries."""
# ruff: noqa: F811 - the fixture of the household ledger tests is imported and used

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from gridoffice import cli
from gridoffice.domain import privacy
from gridoffice.domain.access import GRID, SECRETARY, STAFF, VIEWER, Actor, PermissionDenied
from gridoffice.domain.identity import check_character
from gridoffice.errors import UserError
from gridoffice.ledgers import catalogue
from gridoffice.ledgers.household_ledger import render_grid_summary, render_household_forms
from gridoffice.ledgers.roster_ledger import render_roster_ledger
from gridoffice.services import residents_excel
from gridoffice.services.households import GridDraft, HouseholdService, ResidentDraft
from gridoffice.services.orgs import OrgDraft
from gridoffice.store.tables import Member
from tests import sql
from tests.conftest import TODAY
from tests.ledgers.test_household_ledger import GRID_CODE, grid  # noqa: F401 - fixture

CHILD_BIRTH = dt.date(2018, 5, 1)  # 8 on TODAY
ROOM = "幸福里3号楼2单元301"
UNIT = "幸福里3号楼2单元"


def staff() -> Actor:
    return Actor(login="zhaomin", operator="赵敏", role=STAFF)


def grid_worker(*grid_ids: str) -> Actor:
    return Actor(login="liuyang", operator="刘洋", role=GRID, grids=frozenset(grid_ids))


def viewer() -> Actor:
    return Actor(login="guest", operator="访客", role=VIEWER)


def text_of(path: Path) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(path).pages))


@pytest.fixture
def other_grid(db) -> str:
    service = HouseholdService(db, "王芳", today=TODAY)
    grid_b = service.create_grid(GridDraft("110105001001002", "第二网格"))
    building = service.add_building(grid_b, "8", estate="幸福里")
    service.create_household(service.add_house(building, "1", "101"), [
        ResidentDraft(name="孙丽", relation="02", sex="2", birth_date=dt.date(1970, 1, 2))])
    return grid_b


@pytest.fixture
def child(db, grid) -> str:
    """A child of eight in the first household of grid A."""
    service = HouseholdService(db, "王芳", today=TODAY)
    grid_id, _building = grid
    first = service.residents(grid_id)[0].household_id
    return service.add_resident(first, ResidentDraft(
        name="李小明", relation="20", sex="1", birth_date=CHILD_BIRTH))


# --- the one policy -----------------------------------------------------------------
def test_present_masks_by_role():
    person = {"name": "李小明", "id_number": "110105201805010017", "mobile": "13812345678",
              "address": ROOM, "birth_date": CHILD_BIRTH, "tags": ("left_behind",)}
    secretary = Actor(login="wangfang", operator="王芳", role=SECRETARY)
    masked = privacy.present(secretary, person, today=TODAY)
    assert masked["id_number"] == "110105********0017" and masked["mobile"] == "138****5678"
    assert masked["address"] == UNIT and masked["birth_date"] == dt.date(2018, 5, 1)
    assert masked["birth_masked"] and masked["name"] == "李小明"
    assert masked["tags"] == ("left_behind",)
    revealed = privacy.present(secretary, person, revealed=True, today=TODAY)
    assert revealed["id_number"] == person["id_number"] and revealed["address"] == ROOM
    assert not revealed["birth_masked"]
    # staff may not reveal: asking changes nothing
    assert privacy.present(staff(), person, revealed=True, today=TODAY)["mobile"] == (
        "138****5678")
    assert privacy.present(grid_worker("a"), person, own_grid=True)["address"] == ROOM
    assert privacy.present(grid_worker("a"), person, own_grid=False)["address"] == UNIT
    hidden = privacy.present(viewer(), person, today=TODAY)
    assert hidden["tags"] == () and hidden["name"] == "李**" and hidden["birth_date"] is None
    adult = privacy.present(viewer(), {**person, "birth_date": dt.date(1990, 1, 1)},
                            today=TODAY)
    assert adult["name"] == "李小明"
    assert person["id_number"] == "110105201805010017"  # the values given are not changed


def test_a_reason_is_required_beyond_the_masked_default():
    assert privacy.require_reason(staff(), None) == ""
    assert privacy.require_reason(grid_worker("a"), None, own_grid=False) == ""
    with pytest.raises(UserError):
        privacy.require_reason(grid_worker("a"), "  ", own_grid=True)
    with pytest.raises(UserError):
        privacy.require_reason(None, "", revealed=True)  # an open folder's full export
    assert privacy.require_reason(None, " 上报  街道 ", revealed=True) == "上报 街道"
    with pytest.raises(UserError):
        privacy.require_reason(None, "很" * (privacy.REASON_MAX + 1), revealed=True)
    assert privacy.with_reason("a.xlsx", "入户走访") == "a.xlsx；事由：入户走访"


# --- the grid worker's books ----------------------------------------------------------
def test_the_grid_workers_own_books_show_rooms_staff_see_the_unit(db, grid, tmp_path):
    grid_id, _building = grid
    for render in (render_household_forms, render_grid_summary):
        own = tmp_path / f"{render.__name__}-grid.pdf"
        render(db, own, unit="幸福里社区", grid_id=grid_id, today=TODAY,
               actor=grid_worker(grid_id))
        text = text_of(own)
        assert ROOM in text and "地址列至门牌号" in text
        assert "110105********0213" in text and "110105195803120213" not in text
        masked = tmp_path / f"{render.__name__}-staff.pdf"
        render(db, masked, unit="幸福里社区", grid_id=grid_id, today=TODAY, actor=staff())
        text = text_of(masked)
        assert UNIT in text and ROOM not in text and "单元302" not in text
        assert "地址列至楼栋单元" in text and "门牌号" not in text


def test_a_grid_worker_is_refused_another_grid(db, grid, other_grid, tmp_path):
    grid_id, _building = grid
    for render in (render_household_forms, render_grid_summary):
        out = tmp_path / f"{render.__name__}.pdf"
        with pytest.raises(PermissionDenied):
            render(db, out, unit="幸福里社区", grid_id=other_grid, today=TODAY,
                   actor=grid_worker(grid_id))
        assert not out.exists()
    # the other grid's own worker gets it, with the rooms
    out = tmp_path / "b.pdf"
    render_grid_summary(db, out, unit="幸福里社区", grid_id=other_grid, today=TODAY,
                        actor=grid_worker(other_grid))
    assert "幸福里8号楼1单元101" in text_of(out)


def test_the_catalogue_asks_the_grid_worker_for_a_reason(db, grid, tmp_path):
    grid_id, _building = grid
    entry = catalogue.by_name("grid")
    values = {"grid_id": grid_id, "actor": grid_worker(grid_id)}
    assert entry.needs_reason(values)
    assert not entry.needs_reason({"grid_id": grid_id, "actor": staff()})
    assert not catalogue.by_name("care").needs_reason(values)  # care lists stay masked
    out = tmp_path / "refused.pdf"
    with pytest.raises(UserError):
        entry.make(db, out, unit="幸福里社区", values=values)
    assert not out.exists()
    given = {**values, "reason": "入户走访"}
    assert entry.audit_detail(given, out) == f"{out}；事由：入户走访"
    entry.make(db, out, unit="幸福里社区", values=given)
    assert ROOM in text_of(out)


# --- the read-only role ----------------------------------------------------------------
def test_the_read_only_role_sees_no_care_tags_and_no_childrens_names(db, grid, child,
                                                                       tmp_path):
    grid_id, _building = grid
    out = tmp_path / "viewer.pdf"
    render_household_forms(db, out, unit="幸福里社区", grid_id=grid_id, today=TODAY,
                           actor=viewer())
    text = text_of(out)
    assert "李*" in text and "李小明" not in text and "2018" not in text
    assert "关爱对象" not in text and "独居老人" not in text and "残疾人" not in text
    assert "李建国" in text and UNIT in text and ROOM not in text
    out = tmp_path / "staff.pdf"
    render_household_forms(db, out, unit="幸福里社区", grid_id=grid_id, today=TODAY,
                           actor=staff())
    text = text_of(out)
    assert "李小明" in text and "2018.05" in text and "独居老人" in text

    rows = HouseholdService(db, today=TODAY).residents(grid_id)
    sheet = tmp_path / "viewer.xlsx"
    residents_excel.export_residents(rows, sheet, actor=viewer(), today=TODAY)
    cells = [c for row in load_workbook(sheet).active.iter_rows(values_only=True)
             for c in row if c is not None]
    assert "李**" in cells and "李小明" not in cells and "李建国" in cells
    assert ROOM not in cells and "13812345678" not in cells


def test_the_roster_ledger_masks_for_every_role(db, orgs, tmp_path):
    branch = orgs.create(OrgDraft("第一网格党支部", "branch", established=dt.date(2015, 1, 1)))
    stem = "11010519800312001"
    with db.write() as session:
        db.bulk_insert(session, Member, [{
            "name": "张伟", "sex": "1", "ethnicity": "01", "birth_date": dt.date(1980, 3, 12),
            "id_number": stem + check_character(stem), "mobile": "13812345678",
            "join_date": dt.date(2005, 7, 1), "status": "full",
            "full_date": dt.date(2006, 7, 1), "category": "direct", "org_id": branch.id,
            "address": ROOM, "name_pinyin": "zhangwei", "name_initials": "zw"}])
    for actor in (None, staff(), viewer(), grid_worker("a")):
        out = tmp_path / "roster.pdf"
        render_roster_ledger(db, out, unit="幸福里社区", actor=actor)
        text = text_of(out)
        assert "张伟" in text and "138****5678" in text and "13812345678" not in text
        assert UNIT in text and ROOM not in text and "1980.03" in text


# --- full exports need a reason ----------------------------------------------------------
def test_a_full_export_without_a_reason_is_refused_and_with_one_audited(db, grid, tmp_path,
                                                                         capsys):
    data = Path(db.path).parent
    target = tmp_path / "full.xlsx"
    code = cli.main(["--data-dir", str(data), "export", "residents", str(target), "--full"])
    assert code == 1 and "Reason" in capsys.readouterr().err
    assert not target.exists()

    def audit() -> list[tuple[str, str, str]]:
        with sql.connect(db.path) as conn:
            return conn.execute("SELECT action, target, detail FROM audit_log WHERE action "
                                "LIKE 'export%' ORDER BY rowid").fetchall()

    assert audit() == []
    code = cli.main(["--data-dir", str(data), "export", "residents", str(target), "--full",
                     "--reason", "上报街道"])
    assert code == 0 and target.exists()
    assert audit() == [("export_full", "residents", f"{target}；事由：上报街道")]
    masked = tmp_path / "masked.xlsx"  # the masked default needs none
    assert cli.main(["--data-dir", str(data), "export", "residents", str(masked)]) == 0
    assert audit()[-1] == ("export", "residents", str(masked))
