"""Resident import and export with real .xlsx files and a real database.

Every refused import is checked the same way: problems as (row, column, message),
and the content digests of the database unchanged.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from gridoffice.errors import Cancelled, UserError
from gridoffice.services import residents_excel as rex
from gridoffice.services.households import GridDraft, HouseholdService, ResidentQuery
from gridoffice.store.digest import digests
from tests import sql
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]
FLAT = ["序号", "网格", "小区", "楼号", "单元", "门牌号", "户号", "姓名", "与户主关系", "性别",
        "民族", "出生日期", "公民身份号码", "政治面貌", "文化程度", "婚姻状况", "户籍地",
        "人员类别", "人户状态", "联系电话", "工作单位/学校", "迁入日期"]
ADDRESSED = ["序号", "网格", "地址", "姓名", "与户主关系", "性别", "民族", "身份证号", "联系电话",
             "人员类别", "人户状态"]

# (building, unit, room, 户号, name, relation, sex, birth, id, phone)
PEOPLE = [
    ("3号楼", "2", "301", "1", "张伟", "户主", "男", dt.date(1958, 3, 12),
     "110105195803120213", "13812345678"),
    ("3号楼", "2", "301", "1", "李娜", "配偶", "女", "1963-07-08", "110105196307080421", "无"),
    ("3号楼", "2", "301", "1", "张小宝", "子", "男", None, "11010520150301031x", None),
    ("5", "1", "101", "", "王强", "户主", "男", None, "310104197502190357", "13912345678"),
    ("5", "1", "101", "", "陈静", "妻", "女", None, "420106199306150224", None),
]


def flat_row(person: tuple[Any, ...], grid: str = "第一网格") -> list[Any]:
    building, unit, room, number, name, relation, sex, birth, id_number, phone = person
    return [None, grid, "幸福里", building, unit, room, number, name, relation, sex, "汉族",
            birth, id_number, "群众", "高中", "已婚", "北京市东城区", "户籍人口", "人户一致",
            phone, None, None]


def write_xlsx(path: Path, headers: list[str], rows: list[list[Any]],
               title: str | None = "幸福里社区实有人口登记表") -> Path:
    workbook = Workbook()
    ws = workbook.active
    ws.title = "实有人口"
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws.append(headers)
    for index, row in enumerate(rows, start=1):
        ws.append([index, *row[1:]] if headers[0] == "序号" else row)
    workbook.save(path)
    return path


@pytest.fixture
def grid(db):
    service = HouseholdService(db, operator="王芳", today=TODAY)
    grid_id = service.create_grid(GridDraft(code="110105001001001", name="第一网格"))
    for number in ("3", "5"):
        service.add_building(grid_id, number, estate="幸福里")
    return grid_id


def snapshot(db) -> dict[str, str]:
    conn = sql.connect(db.path)
    try:
        return digests(conn)
    finally:
        conn.close()


def plan_for(db, path: Path, **options: Any) -> rex.ResidentImportPlan:
    sheet = rex.sheet_names(path)[0]
    return rex.dry_run(db, path, sheet, rex.load_mapping(path, sheet), today=TODAY, **options)


def refused(db, path: Path, **options: Any) -> rex.ResidentImportPlan:
    before = snapshot(db)
    plan = plan_for(db, path, **options)
    assert plan.problems
    with pytest.raises(UserError):
        rex.apply(db, plan, operator="王芳", today=TODAY)
    assert snapshot(db) == before
    return plan


def test_flat_sheet_imports_households_with_one_head(db, grid, tmp_path):
    path = write_xlsx(tmp_path / "people.xlsx", FLAT, [flat_row(p) for p in PEOPLE])
    plan = plan_for(db, path)
    assert plan.problems == []
    assert plan.counts()["new"] == 5 and plan.counts()["new_households"] == 2
    assert plan.counts()["new_buildings"] == 0 and plan.counts()["new_houses"] == 2
    result = rex.apply(db, plan, operator="王芳", today=TODAY)
    assert (result.added, result.households, result.buildings) == (5, 2, 0)
    service = HouseholdService(db, today=TODAY)
    rows = service.residents(ResidentQuery(grid_id=grid), reveal=True)
    assert {r.name: r.address for r in rows} == {
        "张伟": "幸福里3号楼2单元301", "李娜": "幸福里3号楼2单元301",
        "张小宝": "幸福里3号楼2单元301", "王强": "幸福里5号楼1单元101",
        "陈静": "幸福里5号楼1单元101"}
    by_household: dict[str, list[str]] = {}
    for row in rows:
        by_household.setdefault(row.household_id, []).append(row.relation)
    assert sorted(rels.count("02") for rels in by_household.values()) == [1, 1]
    zhang = next(r for r in rows if r.name == "张小宝")
    assert zhang.id_number == "11010520150301031X" and zhang.birth_date == dt.date(2015, 3, 1)
    assert next(r for r in rows if r.name == "李娜").mobile == "无"

    # the same file again: nothing new, nothing changed
    again = plan_for(db, path)
    assert again.problems == [] and again.new == [] and again.unchanged == 5
    # an existing resident with a changed phone is updated in place
    changed = [flat_row(p) for p in PEOPLE]
    changed[0][19] = "13700000000"
    path2 = write_xlsx(tmp_path / "changed.xlsx", FLAT, changed)
    plan = plan_for(db, path2)
    assert plan.problems == [] and len(plan.updates) == 1
    assert plan.updates[0].changes == {"mobile": ("13812345678", "13700000000")}
    rex.apply(db, plan, operator="王芳", today=TODAY)
    rows = service.residents(ResidentQuery(grid_id=grid), reveal=True)
    assert next(r for r in rows if r.name == "张伟").mobile == "13700000000"
    assert len(rows) == 5


def test_address_column_in_both_styles(db, grid, tmp_path):
    rows = [
        [None, "110105001001001", "幸福里3号楼2单元301", "张伟", "户主", "男", "汉族",
         "110105195803120213", "13812345678", "户籍人口", "人户一致"],
        [None, "第一网格", "3-2-301", "李娜", "配偶", "女", "汉", "110105196307080421", None,
         "户籍人口", "人在户不在"],
        [None, "第一网格", "5-1-101", "王强", "户主", "男", "回族", "310104197502190357", None,
         "流动人口", "人户一致"],
    ]
    path = write_xlsx(tmp_path / "addr.xlsx", ADDRESSED, rows)
    plan = plan_for(db, path)
    assert plan.problems == []
    assert plan.counts()["new_households"] == 2  # 3-2-301 is the same house as the first row
    rex.apply(db, plan, operator="王芳", today=TODAY)
    found = HouseholdService(db, today=TODAY).residents(grid, reveal=True)
    assert {r.name: (r.address, r.residence_status, r.population_type) for r in found} == {
        "张伟": ("幸福里3号楼2单元301", "together", "registered"),
        "李娜": ("幸福里3号楼2单元301", "person_only", "registered"),
        "王强": ("幸福里5号楼1单元101", "together", "floating")}


def test_second_head_and_no_head_are_refused(db, grid, tmp_path):
    people = [list(p) for p in PEOPLE]
    people[1][5] = "户主"  # two heads at 3-2-301
    people[3][5] = "子"  # no head at 5-1-101
    path = write_xlsx(tmp_path / "heads.xlsx", FLAT, [flat_row(p) for p in people])
    plan = refused(db, path)
    by_row = {(p.row, p.column): p.message for p in plan.problems}
    for row in (3, 4, 5):
        assert "has 2 heads" in by_row[(row, "与户主关系")]
    for row in (6, 7):
        assert "has no head" in by_row[(row, "与户主关系")]


def test_unknown_building_refused_unless_created(db, grid, tmp_path):
    people = [list(p) for p in PEOPLE[:2]]
    for person in people:
        person[0] = "9号楼"
    path = write_xlsx(tmp_path / "b9.xlsx", FLAT, [flat_row(p) for p in people])
    plan = refused(db, path)
    assert plan.unknown_buildings == ["幸福里9号楼"]
    assert all("does not exist in the grid 第一网格" in p.message for p in plan.problems)
    assert {p.column for p in plan.problems} == {"楼号"}
    plan = plan_for(db, path, create_buildings=True)
    assert plan.problems == [] and plan.counts()["new_buildings"] == 1
    result = rex.apply(db, plan, operator="王芳", today=TODAY)
    assert result.buildings == 1
    numbers = {b.number for b in HouseholdService(db, today=TODAY).buildings(grid)}
    assert numbers == {"3", "5", "9"}


def test_unknown_grid(db, grid, tmp_path):
    path = write_xlsx(tmp_path / "g.xlsx", FLAT, [flat_row(p, grid="第九网格") for p in PEOPLE])
    plan = refused(db, path)
    assert any(p.column == "网格" and "no grid called 第九网格" in p.message
               for p in plan.problems)


def test_moving_a_person_between_households_is_refused(db, grid, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", FLAT, [flat_row(p) for p in PEOPLE])
    rex.apply(db, plan_for(db, path), operator="王芳", today=TODAY)
    moved = list(PEOPLE[2])
    moved[:4] = ["5", "1", "101", ""]
    path2 = write_xlsx(tmp_path / "b.xlsx", FLAT, [flat_row(moved)])
    plan = refused(db, path2)
    assert len(plan.problems) == 1
    problem = plan.problems[0]
    assert (problem.row, problem.column) == (3, "公民身份号码")
    assert "move 张小宝 between households" in problem.message
    assert "幸福里3号楼2单元301" in problem.message


def test_duplicate_and_bad_ids(db, grid, tmp_path):
    people = [list(p) for p in PEOPLE]
    people[4][8] = people[3][8]  # same id twice
    people[2][8] = "110105199002300000"  # 30 February
    people[1][8] = "110105196307080422"  # wrong check character
    path = write_xlsx(tmp_path / "ids.xlsx", FLAT, [flat_row(p) for p in people])
    plan = refused(db, path)
    messages = {(p.row, p.column): p.message for p in plan.problems}
    assert "also in row 7" in messages[(6, "公民身份号码")]
    assert "also in row 6" in messages[(7, "公民身份号码")]
    assert (4, "公民身份号码") in messages and (5, "公民身份号码") in messages


def test_bad_codes_dates_and_phone_reported_per_cell(db, grid, tmp_path):
    rows = [flat_row(p) for p in PEOPLE]
    rows[0][9] = "未知"  # sex
    rows[1][19] = "12345"  # phone
    rows[3][11] = "1990年2月30日"
    path = write_xlsx(tmp_path / "cells.xlsx", FLAT, rows)
    plan = refused(db, path)
    columns = {(p.row, p.column) for p in plan.problems}
    assert {(3, "性别"), (4, "联系电话"), (6, "出生日期")} <= columns


def test_cancelled_apply_writes_nothing(db, grid, tmp_path):
    path = write_xlsx(tmp_path / "people.xlsx", FLAT, [flat_row(p) for p in PEOPLE])
    plan = plan_for(db, path)
    before = snapshot(db)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < total  # cancel at the very end, just before the commit

    with pytest.raises(Cancelled):
        rex.apply(db, plan, operator="王芳", today=TODAY, progress=progress)
    assert snapshot(db) == before
    assert HouseholdService(db, today=TODAY).residents(grid) == []


def test_export_masks_and_reveals(db, grid, tmp_path):
    path = write_xlsx(tmp_path / "people.xlsx", FLAT, [flat_row(p) for p in PEOPLE])
    rex.apply(db, plan_for(db, path), operator="王芳", today=TODAY)
    service = HouseholdService(db, today=TODAY)
    out = tmp_path / "out.xlsx"
    assert rex.export_residents(service.residents(grid, reveal=True), out,
                                grid_names={grid: "第一网格"}) == 5
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0] == rex.EXPORT_HEADERS
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["身份证号"] == "110105********0213" and first["联系电话"] == "138****5678"
    assert first["网格"] == "第一网格" and first["与户主关系"] == "户主"
    assert first["出生日期"].day == 1
    rex.export_residents(service.residents(grid, reveal=True), out, reveal=True)
    first = dict(zip(*list(load_workbook(out).active.iter_rows(values_only=True))[:2],
                     strict=True))
    assert first["身份证号"] == "110105195803120213" and first["地址"] == "幸福里3号楼2单元301"


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GRIDOFFICE_DATA_DIR"}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "gridoffice.cli", "--data-dir", str(data_dir),
                           *args], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120)


def test_cli_round_trip(db, grid, app_paths, tmp_path):
    path = write_xlsx(tmp_path / "people.xlsx", FLAT, [flat_row(p) for p in PEOPLE])
    data_dir = app_paths.data_dir
    dry = cli(data_dir, "import", "residents", str(path), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "5 新增 new" in dry.stdout
    assert HouseholdService(db, today=TODAY).residents(grid) == []
    done = cli(data_dir, "import", "residents", str(path))
    assert done.returncode == 0, done.stderr
    assert len(HouseholdService(db, today=TODAY).residents(grid)) == 5

    out = tmp_path / "export.xlsx"
    exported = cli(data_dir, "export", "residents", str(out), "--grid", "110105001001001")
    assert exported.returncode == 0, exported.stderr
    before = snapshot(db)
    again = cli(data_dir, "import", "residents", str(out), "--dry-run")
    assert again.returncode == 1
    assert "masked" in again.stdout and "身份证号" in again.stdout
    assert "第 2 行 row 2" in again.stdout
    assert snapshot(db) == before


def test_export_streams_the_residents_read_a_chunk_at_a_time(db, grid, tmp_path):
    path = write_xlsx(tmp_path / "people.xlsx", FLAT, [flat_row(p) for p in PEOPLE])
    rex.apply(db, plan_for(db, path), operator="王芳", today=TODAY)
    service = HouseholdService(db, today=TODAY)
    for reveal in (False, True):
        rows = service.iter_residents(ResidentQuery(grid_id=grid), reveal=reveal, chunk=2)
        assert not isinstance(rows, list)  # an iterator, never the whole list
        assert list(rows) == service.residents(grid, reveal=reveal)
    whole, streamed = tmp_path / "whole.xlsx", tmp_path / "streamed.xlsx"
    assert rex.export_residents(service.residents(grid), whole) == 5
    assert rex.export_residents(service.iter_residents(ResidentQuery(grid_id=grid), chunk=2),
                                streamed) == 5
    assert (list(load_workbook(streamed).active.iter_rows(values_only=True))
            == list(load_workbook(whole).active.iter_rows(values_only=True)))
    # the read transaction ends with the rows: the database takes a write afterwards
    rex.apply(db, plan_for(db, path), operator="王芳", today=TODAY)


def test_plan_holds_no_dict_per_new_resident(db, grid, tmp_path):
    # a plan of 100,000 rows is held in memory until it is applied: each new resident
    # is a tuple of values beside column names every row shares, and the rows of a
    # household share its key
    path = write_xlsx(tmp_path / "people.xlsx", FLAT, [flat_row(p) for p in PEOPLE])
    plan = plan_for(db, path)
    assert len(plan.new) == 5 and not hasattr(plan.new[0], "__dict__")
    assert all(item.columns is plan.new[0].columns for item in plan.new)
    assert isinstance(plan.new[0].cells, tuple)
    same = [item for item in plan.new if item.household == plan.new[0].household]
    assert len(same) > 1 and all(item.household is same[0].household for item in same)
    assert plan.new[0].get("name") == plan.new[0].values["name"]


def test_a_full_export_in_the_order_shown_reads_the_residents_by_chunks(db, grid, tmp_path):
    path = write_xlsx(tmp_path / "people.xlsx", FLAT, [flat_row(p) for p in PEOPLE])
    rex.apply(db, plan_for(db, path), operator="王芳", today=TODAY)
    service = HouseholdService(db, today=TODAY)
    query = ResidentQuery(grid_id=grid)
    revealed = {row.id: row for row in service.residents(grid, reveal=True)}
    ids = [row.id for row in sorted(service.residents(grid), key=lambda r: r.name)]
    rows = service.iter_residents_shown(query, ids, reveal=True, chunk=2)
    assert not isinstance(rows, list)
    assert list(rows) == [revealed[row_id] for row_id in ids]
    assert [r.id for r in service.iter_residents_shown(query, ["no-such", ids[1]], chunk=2)
            ] == [ids[1]]
