"""网格户情登记表, the grid summary and care lists, checked through the PDFs' text."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from gridoffice.domain.access import GRID, Actor
from gridoffice.domain.codes import CONTROL_TAGS
from gridoffice.errors import Cancelled, UserError
from gridoffice.ledgers.household_ledger import (
    care_tag_code,
    find_building,
    find_grid,
    render_care_list,
    render_grid_summary,
    render_household_forms,
)
from gridoffice.services.households import GridDraft, HouseholdService, ResidentDraft
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]
GRID_CODE = "110105001001001"
FULL_IDS = ("110105195803120213", "110105196307080421", "510107199005142034")
# the headers that fit on one line (与户主关系, 性别, 出生日期 … wrap in their narrow columns)
MEMBER_HEADERS = ("姓名", "民族", "身份证号", "政治面貌", "文化程度", "户籍地", "人户状态",
                  "人员类别", "联系电话")


def _grid_worker(grid_id: str) -> Actor:
    """The grid worker of the grid: their own book carries the rooms."""
    return Actor(login="liuyang", operator="刘洋", role=GRID, grids=frozenset({grid_id}))


def _texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def _no_control_text(text: str) -> None:
    for code in CONTROL_TAGS:
        assert code.zh() not in text
    assert "刑满释放" not in text


@pytest.fixture
def grid(db):
    service = HouseholdService(db, "王芳", today=TODAY)
    grid_id = service.create_grid(GridDraft(GRID_CODE, "第一网格"))
    service.add_role(grid_id, "leader", "刘洋", dt.date(2024, 1, 1))
    building = service.add_building(grid_id, "3", estate="幸福里")
    first = service.create_household(service.add_house(building, "2", "301"), [
        ResidentDraft(name="李建国", relation="02", id_number=FULL_IDS[0],
                      mobile="13812345678", ethnicity="01", political_status="01",
                      education="20", hukou_address="北京市朝阳区", work_or_school="已退休"),
        ResidentDraft(name="王𠮷", relation="10", id_number=FULL_IDS[1], mobile="无"),
    ], number="0301")
    second = service.create_household(service.add_house(building, "2", "302", use="rented"), [
        ResidentDraft(name="买买提·吐尔逊", relation="02", id_number=FULL_IDS[2],
                      mobile="13900001111", population_type="floating",
                      work_or_school="幸福里菜市场"),
    ], number="0302")
    head, spouse = (m.id for m in service.household(first).members)
    service.add_tag(head, "disabled", disability_type="4", disability_grade="2")
    service.add_tag(head, "living_alone")
    lodger = service.household(second).members[0].id
    service.add_tag(lodger, "released_prisoner", kind="control")
    service.add_tag(spouse, "community_correction", kind="control")
    service.add_visit(first, dt.date(2026, 10, 8), "刘洋", "家中无安全隐患", "希望加装扶手")
    return grid_id, building


def test_household_forms(db, grid, tmp_path):
    grid_id, _building = grid
    out = tmp_path / "forms.pdf"
    result = render_household_forms(db, out, unit="幸福里社区", grid_id=grid_id,
                                    street="幸福街道", today=TODAY,
                                    actor=_grid_worker(grid_id))
    pages = _texts(out)
    assert result.rows == 2 and result.pages == len(pages) == 2  # a page per household
    reader = PdfReader(out)
    assert reader.pages[0].mediabox.height > reader.pages[0].mediabox.width  # portrait
    first, second = pages
    for text in pages:
        assert "网格户情登记表" in text and "幸福街道" in text and "幸福里社区" in text
        assert "第一网格" in text and "刘洋" in text  # the grid leader as 网格员
        assert all(h in text for h in MEMBER_HEADERS)
        assert "内部资料" in text and "共 2 页" in text
        assert "户主" in text and "网格员" in text
        _no_control_text(text)
    assert "幸福里3号楼2单元301" in first and "0301" in first and "自住" in first
    for text in pages:
        assert "地址列至门牌号；身份证号、联系电话按个人信息保护要求部分隐去" in re.sub(
            r"\s+", "", text)
    assert "李建国" in first and "110105********0213" in first and "138****5678" in first
    assert "王" in first and "U+20BB7" in first and "配偶" in first  # 𠮷 marked, not lost
    assert "[√] 残疾人" in first and "肢体残疾" in first and "[√] 独居老人" in first
    assert "[ ] 低保户" in first and "2026.10.08" in first and "希望加装扶手" in first
    assert "买买提·吐尔逊" in second and "出租" in second and "流动人口" in second
    assert "[√]" not in second
    everything = "".join(pages)
    for full in FULL_IDS:
        assert full not in everything
    assert "13812345678" not in everything


def test_building_filter_and_cancel(db, grid, tmp_path):
    grid_id, building = grid
    assert find_grid(db, GRID_CODE) == (grid_id, "第一网格")
    assert find_building(db, grid_id, "3号楼") == building == find_building(db, grid_id, "3")
    with pytest.raises(UserError):
        find_building(db, grid_id, "9")
    with pytest.raises(UserError):
        find_grid(db, "999")
    out = tmp_path / "one.pdf"
    result = render_household_forms(db, out, unit="幸福里社区", grid_id=grid_id,
                                    building_id=building)
    assert result.rows == 2
    cancelled = tmp_path / "cancelled.pdf"
    with pytest.raises(Cancelled):
        render_household_forms(db, cancelled, unit="幸福里社区", grid_id=grid_id,
                               progress=lambda done, total: False)
    assert not cancelled.exists()


def test_grid_summary(db, grid, tmp_path):
    grid_id, _building = grid
    out = tmp_path / "grid.pdf"
    result = render_grid_summary(db, out, unit="幸福里社区", grid_id=grid_id, today=TODAY,
                                 actor=_grid_worker(grid_id))
    reader = PdfReader(out)
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    text = "".join(_texts(out))
    assert result.rows == 3
    assert all(h in text for h in ("地址", "身份证号", "人户状态", "人员类别", "联系电话"))
    assert "李建国" in text and "买买提·吐尔逊" in text and "510107********2034" in text
    # the grid worker's own book: the flat is there, and the note says what is masked
    assert "幸福里3号楼2单元301" in re.sub(r"\s+", "", text)
    assert ("本表为网格员本网格工作台账，地址列至门牌号；身份证号、联系电话按个人信息保护要求"
            "部分隐去。") in re.sub(r"\s+", "", text)
    for full in FULL_IDS:
        assert full not in text
    _no_control_text(text)


def test_care_lists(db, grid, tmp_path):
    grid_id, _building = grid
    out = tmp_path / "care.pdf"
    result = render_care_list(db, out, unit="幸福里社区", tag="残疾人", grid_id=grid_id,
                              today=TODAY)
    text = "".join(_texts(out))
    assert result.rows == 1 and "残疾人名单" in text and "李建国" in text
    assert "肢体残疾二级" in text and "138****5678" in text and "第一网格" in text
    assert "王" not in text.split("备注")[1].split("共")[0]
    _no_control_text(text)
    community = tmp_path / "alone.pdf"
    render_care_list(db, community, unit="幸福里社区", tag="living_alone")
    text = "".join(_texts(community))
    assert "独居老人名单" in text and "李建国" in text
    assert "买买提" not in text
    _no_control_text(text)
    for tag in ("released_prisoner", "刑满释放人员", "社区矫正人员", "nonsense"):
        with pytest.raises(UserError):
            render_care_list(db, tmp_path / "no.pdf", unit="幸福里社区", tag=tag)
    assert not (tmp_path / "no.pdf").exists()
    assert care_tag_code("独居老人") == "living_alone"


def _cli(*args, data_dir):
    env = {k: v for k, v in os.environ.items() if k != "GRIDOFFICE_DATA_DIR"}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "gridoffice.cli", "--data-dir", str(data_dir),
                           *args], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120)


def test_cli(db, grid, app_paths, tmp_path):
    data = app_paths.data_dir
    forms = tmp_path / "forms.pdf"
    run = _cli("ledger", "household", "--grid", GRID_CODE, "--building", "3", "-o", str(forms),
               data_dir=data)
    assert run.returncode == 0, run.stderr
    assert len(PdfReader(forms).pages) == 2 and "2 户" in run.stdout
    summary = tmp_path / "grid.pdf"
    run = _cli("ledger", "grid", "--grid", GRID_CODE, "-o", str(summary), data_dir=data)
    assert run.returncode == 0, run.stderr
    assert "网格户情汇总表" in "".join(_texts(summary))
    care = tmp_path / "care.pdf"
    run = _cli("ledger", "care", "--tag", "独居老人", "-o", str(care), data_dir=data)
    assert run.returncode == 0, run.stderr
    assert "独居老人名单" in "".join(_texts(care))
    with db.read() as session:
        raw = session.connection().connection.driver_connection
        targets = [r[0] for r in raw.execute(
            "SELECT target FROM audit_log WHERE action = 'print'").fetchall()]
    assert {"household_forms", "grid_summary", "care_list:living_alone"} <= set(targets)
    for args in (("household", "--grid", "999"), ("household", "--grid", GRID_CODE,
                                                   "--building", "9"),
                 ("care", "--tag", "刑满释放人员"), ("care", "--tag", "x")):
        bad = tmp_path / "bad.pdf"
        run = _cli("ledger", *args, "-o", str(bad), data_dir=data)
        assert run.returncode == 1 and not bad.exists()
        # one line, Chinese | English once the catalogue holds the translation
        assert len(run.stderr.strip().splitlines()) == 1 and "gridoffice-cli: " in run.stderr
