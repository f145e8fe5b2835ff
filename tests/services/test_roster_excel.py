"""Roster import and export with real .xlsx files and a real database.

Every refused import is checked the same way: a clear report, and the content
digests of the database (what ``gridoffice-cli info`` compares) unchanged.
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from gridoffice.domain.identity import check_character
from gridoffice.errors import Cancelled, UserError
from gridoffice.services import roster_excel as rx
from gridoffice.services.orgs import OrgDraft, OrgService
from gridoffice.services.roster import MemberDraft, MemberQuery, RosterService
from gridoffice.store import settings as local_settings
from gridoffice.store.digest import digests
from tests import sql
from tests.conftest import TODAY

HEADERS = ["序号", "姓名", "性别", "民族", "出生年月", "公民身份号码", "学历", "入党时间",
           "转正时间", "正式/预备", "党员类别", "所在党支部", "工作单位及职务", "联系电话",
           "居住地址", "备注", "流动去向", "外出时间"]
# (name, sex, ethnicity, birth, id, education, join, full, status, category, branch,
#  work, phone, address, note, destination, left): the sample ids of DOMAIN.md, dates in
#  every typed form.
GOOD_ROWS: list[tuple[Any, ...]] = [
    ("张伟", "男", "汉族", dt.date(1958, 3, 12), "110105195803120213", "本科",
     dt.date(1985, 7, 1), dt.datetime(1986, 7, 1), "正式", "直管党员", "第一网格党支部",
     "区教育局，科员", "13812345678", "幸福里3号楼2单元301", None, None, None),
    ("李娜", "女", "汉", "1963年7月8日", "110105196307080421", "大专",
     "1990.7", "1991.07", "正式", "在职党员", "第一网格党支部", "区人民医院，护士",
     "138 1234 5679", "幸福里3号楼2单元302", "2020年报到", None, None),
    ("王强", "男", "回族", 1975.02, "310104197502190357", "中专",
     19990701, 20000701, "正式", "直管", "中共幸福里社区第二网格支部委员会",
     "个体", "无", "和平里1号楼1单元101", None, None, None),
    ("赵敏", "男", "满族", "1990/05/14", "510107199005142034", "研究生",
     "2015/06/30", "2016-06-30", "正式党员", "流动党员", "第二网格党支部", None,
     "010-12345678", "和平里2号楼1单元102", None, "广东省深圳市", "2024.03"),
    ("陈静", "女", "汉族", 199306, "420106199306150224", "大学本科",
     dt.date(2026, 3, 1), None, "预备", "直管党员", "第一网格党支部", None,
     "13912345678", "幸福里5号楼1单元501", None, None, None),
    ("刘芳", "女", "汉族", "1987年4月", "11010519870412006x", "高中",
     "2010年7月1日", "2011年7月1日", "正式", "离退休党员", "第二网格党支部", None,
     "13712345678", "幸福里6号楼3单元601", None, None, None),
]


def id_number(birth: dt.date, serial: int) -> str:
    stem = f"110105{birth:%Y%m%d}{serial:03d}"
    return stem + check_character(stem)


def write_xlsx(path: Path, rows: Iterable[Sequence[Any]], *, headers: Sequence[str] = HEADERS,
               title: str | None = "幸福里社区党员花名册", sheet: str = "党员花名册",
               merges: Sequence[str] = (), write_only: bool = False) -> Path:
    """A roster workbook: an optional merged title row, the header row, the rows."""
    workbook = Workbook(write_only=write_only)
    if write_only:
        ws = workbook.create_sheet(sheet)
    else:
        ws = workbook.active
        ws.title = sheet
    if title:
        ws.append([title])
        if not write_only:
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws.append(list(headers))
    for index, row in enumerate(rows, start=1):
        ws.append([index, *row] if headers[0] == "序号" else list(row))
    for cells in merges:
        ws.merge_cells(cells)
    workbook.save(path)
    return path


def member_row(name: str, born: dt.date, serial: int, branch: str | None = "第一网格党支部",
               **changes: Any) -> list[Any]:
    """One good row in HEADERS order (without 序号)."""
    join = dt.date(born.year + 25, 7, 1)
    values = {"name": name, "sex": "男" if serial % 2 else "女", "ethnicity": "汉族",
              "birth": born, "id": id_number(born, serial), "education": "大学本科",
              "join": join, "full": dt.date(join.year + 1, 7, 1), "status": "正式",
              "category": "直管党员", "branch": branch, "work": None,
              "phone": f"138{serial:08d}", "address": "幸福里1号楼1单元101", "note": None,
              "destination": None, "left": None}
    values.update(changes)
    return list(values.values())


@pytest.fixture
def branches(orgs: OrgService):
    root = orgs.create(OrgDraft("中共幸福里社区委员会", "committee", short_name="幸福里社区党委",
                                established=dt.date(2015, 1, 1)))
    one = orgs.create(OrgDraft("中共幸福里社区第一网格支部委员会", "branch", root.id,
                               short_name="第一网格党支部", established=dt.date(2015, 1, 1)))
    two = orgs.create(OrgDraft("中共幸福里社区第二网格支部委员会", "branch", root.id,
                               short_name="第二网格党支部", established=dt.date(2015, 1, 1)))
    old = orgs.create(OrgDraft("中共幸福里社区老旧小区改造临时支部委员会", "temp_branch",
                               root.id, short_name="改造临时党支部",
                               established=dt.date(2018, 1, 1)))
    orgs.retire(old.id, dt.date(2020, 1, 1))
    return root, one, two


@pytest.fixture
def roster(db):
    return RosterService(db, operator="王芳", today=TODAY)


def state(db) -> dict[str, str]:
    conn = sql.connect(db.path)
    try:
        return digests(conn)
    finally:
        conn.close()


def plan_for(db, path: Path, sheet: str = "党员花名册", **kwargs: Any) -> rx.ImportPlan:
    layout = rx.read_layout(path, sheet)
    mapping = rx.guess_mapping(layout.headers, rx.remembered_mapping(db))
    return rx.dry_run(db, path, sheet, mapping, today=TODAY, **kwargs)


def messages(plan: rx.ImportPlan) -> list[tuple[int, str, str]]:
    return [(p.row, p.column, p.message) for p in plan.problems]


def refused(db, plan: rx.ImportPlan) -> None:
    """The plan cannot be applied, and trying writes nothing."""
    before = state(db)
    with pytest.raises(UserError) as err:
        rx.apply(db, plan, operator="王芳", today=TODAY)
    assert "nothing was imported" in str(err.value)
    assert state(db) == before


# --- files that are not what they seem ------------------------------------------------
def _docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return path


@pytest.mark.parametrize("make, expected", [
    (_docx, "is not an Excel workbook"),
    (lambda p: p.write_text("姓名,身份证号码\n张伟,110105195803120213\n", "utf-8") and p,
     "is not an Excel workbook"),
    (lambda p: p.write_bytes(bytes(range(256)) * 8) and p, "is not an Excel workbook"),
    (lambda p: p.write_bytes(b"PK\x03\x04" + b"\x00" * 100) and p, "seems damaged"),
    (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504) and p,
     "password-protected, or in the old Excel 97-2003 format"),
    (lambda p: (Workbook().save(p), p)[1], "is empty: no sheet holds any data"),
    (lambda p: p, "does not exist"),
])
def test_bad_files_are_refused_with_a_clear_message(tmp_path, make, expected):
    path = tmp_path / "花名册.xlsx"
    make(path)
    with pytest.raises(UserError) as err:
        rx.sheet_names(path)
    assert expected in str(err.value)
    assert err.value.context == "errors"


def test_sheet_names_skip_empty_sheets_and_ignore_the_extension(tmp_path):
    workbook = Workbook()
    workbook.active.title = "说明"
    workbook.create_sheet("党员花名册").append(["姓名", "公民身份号码"])
    workbook.create_sheet("空表")
    path = tmp_path / "花名册.xls"  # an .xlsx saved under the wrong name
    workbook.save(path)
    assert rx.sheet_names(path) == ["党员花名册"]


def test_a_sheet_without_column_titles_is_refused(tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", [["张伟", "110105195803120213"]],
                      headers=["甲", "乙"], title=None)
    with pytest.raises(UserError, match="none of its first 10 rows holds column titles"):
        rx.read_layout(path, "党员花名册")


# --- headers and mapping -----------------------------------------------------------------
def test_header_below_a_merged_title_with_a_two_row_header(tmp_path):
    """Row 1: merged title; rows 2-3: a two-row header where 姓名 and 出生年月 span both
    rows and 党员信息 spans the two date columns, whose titles are in row 3."""
    workbook = Workbook()
    ws = workbook.active
    ws.title = "花名册"
    ws.append(["幸福里社区党员花名册（2026年）"])
    ws.append(["序号", "姓名", "出生年月", "身份证号\n（18位）", "党员信息", None, "所在支部"])
    ws.append([None, None, None, None, "入党时间", "转正时间", None])
    ws.append([1, "张伟", dt.date(1958, 3, 12), "110105195803120213", dt.date(1985, 7, 1),
               dt.date(1986, 7, 1), "第一网格党支部"])
    for cells in ("A1:G1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:F2", "G2:G3"):
        ws.merge_cells(cells)
    workbook.save(tmp_path / "a.xlsx")
    layout = rx.read_layout(tmp_path / "a.xlsx", "花名册")
    assert layout.header_rows[1] == 3 and layout.data_start == 4
    assert layout.headers == ["序号", "姓名", "出生年月", "身份证号 （18位）", "入党时间",
                              "转正时间", "所在支部"]
    assert rx.guess_mapping(layout.headers) == {
        "name": 1, "birth_date": 2, "id_number": 3, "join_date": 4, "full_date": 5,
        "org_id": 6}
    assert layout.preview[0][1] == "张伟"


def test_a_branch_merged_down_over_its_members_applies_to_each_row(db, branches, tmp_path):
    rows = [member_row("张伟", dt.date(1958, 3, 12), 21),
            member_row("李娜", dt.date(1963, 7, 8), 42, branch=None),
            member_row("王芳", dt.date(1970, 1, 2), 64, branch=None)]
    path = write_xlsx(tmp_path / "a.xlsx", rows, merges=["L3:L5"])
    plan = plan_for(db, path)
    assert plan.ok, messages(plan)
    one = branches[1]
    assert [n.as_dict()["org_id"] for n in plan.new] == [one.id] * 3


def test_guess_mapping_knows_the_usual_headers_and_the_remembered_mapping_wins():
    headers = ["*姓名", "性别", "公民身份号码", "文化程度", "入党日期", "转正日期", "党籍状态",
               "人员类别", "手机号码", "所在党组织", "家庭住址", "工作单位", "职务", "备注", "电话"]
    mapping = rx.guess_mapping(headers)
    assert mapping == {
        "name": 0, "sex": 1, "id_number": 2, "education": 3, "join_date": 4, "full_date": 5,
        "status": 6, "category": 7, "mobile": 8, "org_id": 9, "address": 10, "work_unit": 11,
        "job": 12, "note": 13}
    remembered = {"mobile": "电话", "note": "不存在的列"}
    assert rx.guess_mapping(headers, remembered)["mobile"] == 14


def test_mapping_without_required_columns_is_refused(db, branches, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", [["张伟", "110105195803120213"]],
                      headers=["姓名", "身份证号码"], title=None)
    with pytest.raises(UserError, match="the column that holds 入党时间"):
        rx.dry_run(db, path, "党员花名册", {"name": 0, "id_number": 1}, today=TODAY)
    with pytest.raises(UserError, match="chosen for two different fields"):
        rx.dry_run(db, path, "党员花名册", {"name": 0, "id_number": 1, "join_date": 1},
                   today=TODAY)


# --- a good import ---------------------------------------------------------------------
def test_an_account_that_may_not_import_is_refused_and_nothing_changes(db, branches,
                                                                     tmp_path):
    from gridoffice.domain import access
    from gridoffice.domain.access import Actor, PermissionDenied

    plan = plan_for(db, write_xlsx(tmp_path / "花名册.xlsx", GOOD_ROWS[:2]))
    before = state(db)
    for role in (access.GRID, access.VIEWER):
        with pytest.raises(PermissionDenied, match="Import from Excel"):
            rx.apply(db, plan, actor=Actor(login="zhao", operator="赵丽", role=role),
                     today=TODAY)
    assert state(db) == before


def test_good_sheet_imports_every_member(db, branches, roster, tmp_path):
    _root, one, two = branches
    path = write_xlsx(tmp_path / "花名册.xlsx", [*GOOD_ROWS[:3], [None] * 17, *GOOD_ROWS[3:]])
    plan = plan_for(db, path)
    assert plan.problems == []
    assert plan.counts() == {"rows": 6, "new": 6, "updated": 0, "unchanged": 0, "problems": 0,
                             "problem_rows": 0}
    result = rx.apply(db, plan, operator="王芳", today=TODAY)
    assert result == rx.ImportResult(added=6, updated=0, unchanged=0)

    rows = {r.name: r for r in roster.list_members(reveal=True)}
    assert set(rows) == {"张伟", "李娜", "王强", "赵敏", "陈静", "刘芳"}
    zhang, li, wang = rows["张伟"], rows["李娜"], rows["王强"]
    zhao, chen, liu = rows["赵敏"], rows["陈静"], rows["刘芳"]
    assert (zhang.sex, zhang.ethnicity, zhang.education) == ("1", "01", "20")
    assert (zhang.join_date, zhang.full_date) == (dt.date(1985, 7, 1), dt.date(1986, 7, 1))
    assert (zhang.work_unit, zhang.job, zhang.org_id) == ("区教育局", "科员", one.id)
    assert li.birth_date == dt.date(1963, 7, 8) and li.education == "30"
    assert li.join_date == dt.date(1990, 7, 1) and li.mobile == "13812345679"
    assert li.category == "in_service" and li.org_id == one.id and li.note == "2020年报到"
    assert wang.birth_date == dt.date(1975, 2, 19)  # 1975.02 in the sheet, day from the id
    assert wang.join_date == dt.date(1999, 7, 1) and wang.mobile == "无"
    assert wang.ethnicity == "03" and wang.org_id == two.id and wang.work_unit == "个体"
    assert zhao.category == "mobile" and zhao.education == "10"
    assert zhao.join_date == dt.date(2015, 6, 30) and zhao.mobile == "010-12345678"
    zhao_draft, _row = roster.get(zhao.id)
    assert (zhao_draft.away_destination, zhao_draft.away_since) == ("广东省深圳市",
                                                                    dt.date(2024, 3, 1))
    assert chen.status == "probationary" and chen.full_date is None
    assert chen.birth_date == dt.date(1993, 6, 15)
    assert liu.id_number == "11010519870412006X" and liu.category == "retired"
    assert liu.join_date == dt.date(2010, 7, 1) and liu.education == "60"

    masked = {r.name: r for r in roster.list_members()}
    assert masked["张伟"].id_number == "110105********0213"
    [placement] = roster.placements(zhang.id)
    assert (placement.org_id, placement.from_date, placement.reason) == (
        one.id, dt.date(1985, 7, 1), "imported")
    [event] = roster.history(zhang.id)
    assert event.kind == "imported" and event.operator == "王芳" and event.on_date == TODAY
    assert event.detail["row"] == 3 and event.detail["file"] == "花名册.xlsx"
    remembered = json.loads(local_settings.read_all(db.path)[rx.MAPPING_SETTING])
    assert remembered["id_number"] == "公民身份号码" and remembered["org_id"] == "所在党支部"


def test_reimporting_the_same_file_changes_nothing(db, branches, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", GOOD_ROWS)
    rx.apply(db, plan_for(db, path), operator="王芳", today=TODAY)
    before = state(db)
    plan = plan_for(db, path)
    assert plan.ok and plan.new == [] and plan.updates == [] and plan.unchanged == 6
    assert rx.apply(db, plan, operator="王芳", today=TODAY) == rx.ImportResult(0, 0, 6)
    assert state(db) == before


def test_reimport_updates_changed_fields_matched_by_id_in_15_digits(db, branches, roster,
                                                                    tmp_path):
    _root, one, two = branches
    first = write_xlsx(tmp_path / "a.xlsx", GOOD_ROWS)
    rx.apply(db, plan_for(db, first), operator="王芳", today=TODAY)
    zhang = next(r for r in roster.list_members() if r.name == "张伟")
    changed = [list(row) for row in GOOD_ROWS[:3]]
    changed[0][4] = "110105580312021"  # 张伟's old 15-digit card
    changed[0][12] = "13800000000"  # new phone
    changed[0][10] = "第二网格党支部"  # moved
    changed[0][6] = "1985.07"  # month only: the stored 1985-07-01 stays
    changed[1][14] = None  # an empty note keeps the stored one
    changed[2][5] = "本科"  # education changes
    second = write_xlsx(tmp_path / "b.xlsx", changed)
    plan = plan_for(db, second)
    assert plan.ok, messages(plan)
    assert plan.new == [] and plan.unchanged == 1
    by_name = {u.name: u for u in plan.updates}
    assert set(by_name) == {"张伟", "王强"}
    assert by_name["张伟"].changes == {"mobile": ("13812345678", "13800000000"),
                                     "org_id": (one.id, two.id)}
    assert by_name["王强"].changes == {"education": ("40", "20")}
    rx.apply(db, plan, operator="赵丽", today=TODAY)

    rows = {r.name: r for r in roster.list_members(reveal=True)}
    assert rows["张伟"].id_number == "110105195803120213"  # the key is never changed
    assert rows["张伟"].mobile == "13800000000" and rows["张伟"].org_id == two.id
    assert rows["李娜"].note == "2020年报到" and rows["王强"].education == "20"
    assert [(p.org_id, p.to_date) for p in roster.placements(zhang.id)] == [
        (one.id, TODAY - dt.timedelta(days=1)), (two.id, None)]
    kinds = [e.kind for e in roster.history(zhang.id)]
    assert sorted(kinds) == ["edited", "imported", "moved"]
    edited = next(e for e in roster.history(zhang.id) if e.kind == "edited")
    assert edited.operator == "赵丽" and edited.detail["changes"]["mobile"] == [
        "13812345678", "13800000000"]
    conn = sql.connect(db.path)
    try:
        hlc, base, writer, seq = conn.execute(
            "SELECT hlc, base_hlc, writer, local_seq FROM member WHERE id = ?",
            (zhang.id,)).fetchone()
        replica = conn.execute("SELECT value FROM meta WHERE key = 'replica_id'").fetchone()[0]
        last = int(conn.execute("SELECT value FROM meta WHERE key = 'hlc_last'").fetchone()[0])
        closed = conn.execute("SELECT hlc, local_seq FROM member_placement WHERE member_id = ? "
                              "AND to_date IS NOT NULL", (zhang.id,)).fetchone()
    finally:
        conn.close()
    assert base is not None and hlc > base and writer == replica and last >= hlc
    # The next sync package carries the set-based updates too.
    assert seq == hlc and closed[1] == closed[0]


def test_a_month_stands_for_its_earliest_day_the_rules_allow(db, branches, roster, tmp_path):
    """2019.08 for someone who turned 18 on 2019-08-03 means a day from the 3rd on."""
    born = dt.date(2001, 8, 3)
    path = write_xlsx(tmp_path / "a.xlsx", [
        member_row("张伟", born, 21, join="2019.08", full="2020年8月"),
        member_row("李娜", dt.date(1963, 7, 8), 42, join="1990.7", full="1991.07")])
    plan = plan_for(db, path)
    assert plan.ok, messages(plan)
    rx.apply(db, plan, operator="王芳", today=TODAY)
    rows = {r.name: r for r in roster.list_members()}
    assert (rows["张伟"].join_date, rows["张伟"].full_date) == (dt.date(2019, 8, 3),
                                                              dt.date(2020, 8, 3))
    assert (rows["李娜"].join_date, rows["李娜"].full_date) == (dt.date(1990, 7, 1),
                                                              dt.date(1991, 7, 1))


def test_in_service_member_keeps_the_unit_organisation_and_default_branch(db, branches,
                                                                          roster, tmp_path):
    _root, one, _two = branches
    rows = [member_row("张伟", dt.date(1958, 3, 12), 21, category="在职党员",
                       branch="中共区教育局委员会"),
            member_row("李娜", dt.date(1963, 7, 8), 42, branch=None)]
    path = write_xlsx(tmp_path / "a.xlsx", rows)
    without = plan_for(db, path)
    assert [(p.row, p.field) for p in without.problems] == [(4, "org_id")]
    plan = plan_for(db, path, default_org_id=one.id)
    assert plan.ok, messages(plan)
    rx.apply(db, plan, operator="王芳", today=TODAY)
    got = {r.name: r for r in roster.list_members()}
    assert got["张伟"].org_id is None and got["李娜"].org_id == one.id
    draft, _row = roster.get(got["张伟"].id)
    assert draft.unit_party_org == "中共区教育局委员会"


# --- problems --------------------------------------------------------------------------
def test_every_problem_of_every_row_is_reported_and_nothing_is_written(db, branches, roster,
                                                                      tmp_path):
    roster.add(MemberDraft(name="周杰", id_number="110105194410010123", join_date=dt.date(
        1970, 7, 1), org_id=branches[1].id, category="retired"))
    rows = [
        member_row("张伟", dt.date(1958, 3, 12), 21),  # row 3: fine
        [None] * 17,  # row 4: empty, skipped
        member_row("李娜", dt.date(1963, 7, 8), 42, id="110105196307080422"),  # check char
        member_row("王强", dt.date(1975, 2, 19), 35, birth="1990-02-30"),  # impossible date
        member_row("赵敏", dt.date(1980, 5, 5), 13, branch="第九网格党支部", sex="未知",
                   join="2030-01-01"),  # three problems in one row
        member_row("陈静", dt.date(1958, 3, 12), 21),  # same id as row 3
        member_row("刘洋", dt.date(1970, 1, 1), 1, branch="改造临时党支部"),  # retired
        member_row("孙丽", dt.date(1970, 1, 1), 2, id=110105197001010025.0),  # number
        member_row("吴刚", dt.date(1970, 1, 1), 3, id="110105199002300213"),  # 30 Feb
        member_row("郑红", dt.date(1944, 10, 1), 12, id="110105194410010123"),  # not 周杰
        member_row("冯军", dt.date(1970, 1, 1), 5, join=1990.1),  # 1990.1: Jan or Oct?
    ]
    path = write_xlsx(tmp_path / "bad.xlsx", rows)
    plan = plan_for(db, path)
    found = {(p.row, p.column) for p in plan.problems}
    assert 3 not in {p.row for p in plan.problems if p.field != "id_number"}
    assert found == {
        (3, "公民身份号码"), (5, "公民身份号码"), (6, "出生年月"), (7, "性别"),
        (7, "入党时间"), (7, "所在党支部"), (8, "公民身份号码"), (9, "所在党支部"),
        (10, "公民身份号码"), (11, "公民身份号码"), (12, "公民身份号码"), (13, "入党时间")}
    text = {(p.row, p.column): p.message for p in plan.problems}
    assert "check character should be" in text[(5, "公民身份号码")]
    assert "1990-02-30 does not exist" in text[(6, "出生年月")]
    assert "未知 is not a known value" in text[(7, "性别")]
    assert "no active organisation called 第九网格党支部" in text[(7, "所在党支部")]
    assert "in the future" in text[(7, "入党时间")]
    assert "also in row 8" in text[(3, "公民身份号码")]
    assert "also in row 3" in text[(8, "公民身份号码")]
    assert "has been retired" in text[(9, "所在党支部")]
    assert "lost its last digits" in text[(10, "公民身份号码")]
    assert "1990-02-30" in text[(11, "公民身份号码")]
    assert "belongs to 周杰" in text[(12, "公民身份号码")]
    assert "January or October" in text[(13, "入党时间")]
    assert all(p.error is not None and p.error.english() == p.message for p in plan.problems)
    assert plan.rows == 10 and 4 not in plan.problem_rows  # the empty row is skipped
    refused(db, plan)
    assert [r.name for r in roster.list_members()] == ["周杰"]


def test_a_member_who_left_is_not_brought_back_by_an_import(db, branches, roster, tmp_path):
    member_id = roster.add(MemberDraft(name="张伟", id_number="110105195803120213",
                                       join_date=dt.date(1985, 7, 1), org_id=branches[1].id))
    roster.set_relation_status(member_id, "deceased", dt.date(2025, 1, 1))
    path = write_xlsx(tmp_path / "a.xlsx", [member_row("张伟", dt.date(1958, 3, 12), 21)])
    plan = plan_for(db, path)
    [problem] = plan.problems
    assert "no longer an active member here (Deceased)" in problem.message
    refused(db, plan)


@pytest.mark.slow
def test_a_big_file_with_one_bad_row_is_reported_and_nothing_is_written(db, branches,
                                                                       tmp_path):
    """50,000 rows, one with a wrong check character (about 20 s on 2 cores)."""
    headers = ["姓名", "公民身份号码", "入党时间", "所在党支部"]
    bad_row = 31_234

    def rows():
        for n in range(50_000):
            birth = dt.date(1940, 1, 1) + dt.timedelta(days=n // 400)
            number = id_number(birth, n % 400 * 2 + 1)
            if n + 2 == bad_row:
                number = number[:-1] + ("0" if number[-1] != "0" else "1")
            yield ("张伟", number, dt.date(birth.year + 30, 7, 1), "第一网格党支部")

    path = write_xlsx(tmp_path / "big.xlsx", rows(), headers=headers, title=None,
                      write_only=True)
    before = state(db)
    plan = plan_for(db, path)
    assert plan.rows == 50_000
    assert [(p.row, p.column) for p in plan.problems] == [(bad_row, "公民身份号码")]
    refused(db, plan)
    assert state(db) == before


# --- all or nothing --------------------------------------------------------------------
def test_cancelled_apply_writes_nothing(db, branches, roster, tmp_path):
    plan = plan_for(db, write_xlsx(tmp_path / "a.xlsx", GOOD_ROWS))
    before = state(db)
    calls = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < total  # cancel at the very end, after every row was written

    with pytest.raises(Cancelled):
        rx.apply(db, plan, operator="王芳", today=TODAY, progress=progress)
    assert calls[-1] == (6, 6)
    assert state(db) == before and roster.list_members() == []
    assert rx.MAPPING_SETTING not in local_settings.read_all(db.path)


def test_cancelled_dry_run_raises(db, branches, tmp_path):
    rows = [member_row("张伟", dt.date(1958, 3, 12) + dt.timedelta(days=n), 21)
            for n in range(1200)]
    path = write_xlsx(tmp_path / "a.xlsx", rows)
    layout = rx.read_layout(path, "党员花名册")
    with pytest.raises(Cancelled):
        rx.dry_run(db, path, "党员花名册", rx.guess_mapping(layout.headers), today=TODAY,
                   progress=lambda done, total: done < 500)


def test_a_plan_checked_before_someone_else_changed_the_data_is_refused(db, branches, roster,
                                                                       tmp_path):
    plan = plan_for(db, write_xlsx(tmp_path / "a.xlsx", GOOD_ROWS))
    roster.add(MemberDraft(name="张伟", id_number="110105195803120213",
                           join_date=dt.date(1985, 7, 1), org_id=branches[1].id))
    before = state(db)
    with pytest.raises(UserError, match="changed after the file was checked"):
        rx.apply(db, plan, operator="王芳", today=TODAY)
    assert state(db) == before


VALID = st.builds(lambda n: ("ok", n), st.integers(0, 10_000))
INVALID = st.sampled_from(["check", "date", "branch", "sex", "future", "dup", "name"])


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(kinds=st.lists(st.one_of(VALID, VALID, INVALID), min_size=1, max_size=12))
def test_random_mixes_are_applied_whole_or_not_at_all(tmp_path_factory, kinds):
    """Valid and invalid rows in any mix: either every row is imported, or nothing
    changes and every invalid row is reported."""
    from gridoffice import paths
    from gridoffice.services import office
    from gridoffice.store.database import Database
    from gridoffice.store.files import open_database

    folder = tmp_path_factory.mktemp("mix")
    opened = open_database(paths.resolve(folder / "data"))
    office.save_profile(opened.path, office.OfficeProfile("幸福里社区", "幸福街道",
                                                          "community", "王芳"))
    db = Database(opened.path)
    try:
        orgs = OrgService(db, operator="王芳", today=TODAY)
        root = orgs.create(OrgDraft("中共幸福里社区委员会", "committee"))
        orgs.create(OrgDraft("第一网格党支部", "branch", root.id))
        rows, bad, valid_ids = [], set(), []
        for index, kind in enumerate(kinds):
            serial = index * 2 + 1
            row = member_row("张伟", dt.date(1960, 1, 1) + dt.timedelta(days=index), serial)
            label = kind if isinstance(kind, str) else "ok"
            if label == "check":
                row[4] = row[4][:-1] + ("0" if row[4][-1] != "0" else "1")
            elif label == "date":
                row[3] = "1970-13-01"
            elif label == "branch":
                row[10] = "不存在的支部"
            elif label == "sex":
                row[1] = "?"
            elif label == "future":
                row[6] = TODAY + dt.timedelta(days=1)
            elif label == "name":
                row[0] = "张3"
            elif label == "dup" and valid_ids:
                source_row, row[4] = valid_ids[0]
                bad.add(source_row)
            elif label == "dup":
                label = "ok"  # nothing to duplicate yet
            if label != "ok":
                bad.add(index + 3)
            if label != "check":
                valid_ids.append((index + 3, row[4]))
            rows.append(row)
        path = write_xlsx(folder / "mix.xlsx", rows)
        before = state(db)
        plan = plan_for(db, path)
        assert plan.problem_rows == bad
        if bad:
            refused(db, plan)
            assert state(db) == before
        else:
            rx.apply(db, plan, operator="王芳", today=TODAY)
            stored = RosterService(db, today=TODAY).list_members(MemberQuery(relation=None))
            assert len(stored) == len(rows)
    finally:
        db.close()


# --- export ----------------------------------------------------------------------------
def test_export_masks_unless_revealed_and_reimports_unchanged(db, branches, roster,
                                                              tmp_path):
    rx.apply(db, plan_for(db, write_xlsx(tmp_path / "a.xlsx", GOOD_ROWS)), operator="王芳",
             today=TODAY)
    before = state(db)
    masked = tmp_path / "masked.xlsx"
    assert rx.export_members(roster.list_members(), masked, today=TODAY) == 6
    sheet = load_workbook(masked)["党员花名册"]
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]] == list(rx.EXPORT_HEADERS)
    assert sheet.column_dimensions["N"].width == 28
    rows = {r[1]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    zhang = rows["张伟"]
    assert zhang[2:5] == ("男", "汉族", dt.datetime(1958, 3, 1))  # birth as a month
    assert sheet.cell(row=2, column=5).number_format == rx.MONTH_FORMAT
    assert zhang[5] == 68 and zhang[8] == dt.datetime(1985, 7, 1)
    assert zhang[13] == "区教育局，科员" and zhang[14] == "幸福里3号楼2单元"
    assert zhang[15] == "138****5678" and zhang[18] == "110105********0213"
    assert zhang[17] == "居民身份证" and zhang[19] == "中共幸福里社区第一网格支部委员会"

    revealed = tmp_path / "revealed.xlsx"
    rx.export_members(roster.list_members(reveal=True), revealed, reveal=True, today=TODAY)
    zhang = {r[1]: r for r in load_workbook(revealed).active.iter_rows(
        min_row=2, values_only=True)}["张伟"]
    assert zhang[4] == dt.datetime(1958, 3, 12) and zhang[18] == "110105195803120213"
    assert zhang[15] == "13812345678" and zhang[14] == "幸福里3号楼2单元301"
    plan = plan_for(db, revealed, sheet="党员花名册")
    assert plan.ok, messages(plan)
    assert plan.new == [] and plan.updates == [] and plan.unchanged == 6
    assert state(db) == before
    # a masked export cannot be imported, and says why
    plan = plan_for(db, masked)
    masked_cells = {(p.row, p.column) for p in plan.problems if "is masked" in p.message}
    assert {row for row, _column in masked_cells} == set(range(2, 8))
    assert {column for _row, column in masked_cells} == {"公民身份号码", "联系电话"}


def test_export_problems(tmp_path):
    path = tmp_path / "problems.xlsx"
    rx.export_problems(path, [(5, "公民身份号码", "校验码错误"), (0, "", "整表问题")])
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows == [("行号", "列", "问题"), (5, "公民身份号码", "校验码错误"),
                    (None, None, "整表问题")]


def test_export_streams_the_members_read_a_chunk_at_a_time(db, branches, roster, tmp_path):
    rx.apply(db, plan_for(db, write_xlsx(tmp_path / "a.xlsx", GOOD_ROWS)), operator="王芳",
             today=TODAY)
    for query in (MemberQuery(), MemberQuery(status="probationary"),
                  MemberQuery(overdue_only=True)):
        for reveal in (False, True):
            rows = roster.iter_members(query, reveal=reveal, chunk=2)
            assert not isinstance(rows, list)  # an iterator, never the whole list
            assert list(rows) == roster.list_members(query, reveal=reveal)
        assert roster.count_members(query) == len(roster.list_members(query))
    whole, streamed = tmp_path / "whole.xlsx", tmp_path / "streamed.xlsx"
    assert rx.export_members(roster.list_members(), whole, today=TODAY) == 6
    ticks: list[tuple[int, int]] = []
    assert rx.export_members(roster.iter_members(chunk=2), streamed, today=TODAY, total=6,
                             progress=lambda done, total: ticks.append((done, total)) or True
                             ) == 6
    assert ticks[0] == (0, 6) and ticks[-1] == (6, 6)
    assert (list(load_workbook(streamed).active.iter_rows(values_only=True))
            == list(load_workbook(whole).active.iter_rows(values_only=True)))


def test_a_full_export_in_the_order_shown_reads_the_members_by_chunks(db, branches, roster,
                                                                     tmp_path):
    """The tab's full export: the members as the view shows them (sorted by another
    column), read again unmasked a few at a time; a member the query no longer selects
    is left out, one it never selected does not come in."""
    rx.apply(db, plan_for(db, write_xlsx(tmp_path / "a.xlsx", GOOD_ROWS)), operator="王芳",
             today=TODAY)
    query = MemberQuery(status="full")
    masked = roster.list_members(query)
    shown = sorted(masked, key=lambda row: row.id, reverse=True)  # the user's own order
    revealed = {row.id: row for row in roster.list_members(reveal=True)}
    ids = [row.id for row in shown]
    rows = roster.iter_members_shown(query, ids, reveal=True, chunk=2)
    assert not isinstance(rows, list)
    assert list(rows) == [revealed[row_id] for row_id in ids]
    other = next(r.id for r in roster.list_members() if r.id not in set(ids))
    assert [r.id for r in roster.iter_members_shown(query, [other, *ids[:1]], chunk=2)
            ] == ids[:1]
    path = tmp_path / "shown.xlsx"
    assert rx.export_members(roster.iter_members_shown(query, ids, reveal=True, chunk=2),
                             path, reveal=True, today=TODAY, total=len(ids)) == len(ids)
    cells = list(load_workbook(path).active.iter_rows(values_only=True))
    assert [row[1] for row in cells[-len(ids):]] == [revealed[i].name for i in ids]
