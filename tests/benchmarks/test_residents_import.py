"""Importing 100,000 residents (.xlsx, 8 grids, ~40,000 households) into a fresh office,
against openpyxl alone reading every value of the same file.

Run: BENCHMARK_JSON_DIR=/tmp/bench python -m pytest tests/benchmarks/test_residents_import.py \
         -m benchmark -s -p no:randomly
     (RESIDENTS_IMPORT_ROWS=20000 for a quicker run)

The aim: dry run + apply ≤ 3 × openpyxl's own read-only read; peak memory reported.
Each side runs once in its own process (so its peak memory is its own, VmHWM); CPU
seconds are compared (the machine is shared), wall seconds reported. The file is
written in openpyxl's write-only mode (written fast; Excel's files carry shared
strings, which make both sides read a little more). The buildings are created by
the import (create_buildings), the grids exist.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from pathlib import Path

import pytest

from tests.benchmarks.report import PEAK_MB, Figure, report, run_child

ROWS = int(os.environ.get("RESIDENTS_IMPORT_ROWS", "100000"))
SHEET = "实有人口"
GRIDS = 8
HEADERS = ["序号", "网格", "小区", "楼号", "单元", "门牌号", "户号", "姓名", "与户主关系", "性别",
           "民族", "出生日期", "公民身份号码", "政治面貌", "文化程度", "婚姻状况", "户籍地",
           "人员类别", "人户状态", "联系电话", "工作单位/学校", "迁入日期"]
TODAY = dt.date(2026, 11, 21)

BASE = """
import json, sys, time
from openpyxl import load_workbook
wall, cpu = time.perf_counter(), time.process_time()
workbook = load_workbook(sys.argv[1], read_only=True, data_only=True)
cells = 0
for row in workbook[sys.argv[2]].iter_rows(values_only=True):
    cells += sum(1 for value in row if value is not None)
workbook.close()
print(json.dumps({"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
                  "cells": cells, "peak_mb": PEAK}))
""".replace("PEAK", PEAK_MB)

OURS = """
import datetime as dt, json, sys, time
from pathlib import Path
from gridoffice.services import residents_excel as rx
from gridoffice.store.database import Database
from gridoffice.domain.search_keys import name_keys
db = Database(Path(sys.argv[1]))
path, sheet, today = sys.argv[2], sys.argv[3], dt.date.fromisoformat(sys.argv[4])
name_keys("张伟")  # the pinyin tables load once per program run
wall, cpu = time.perf_counter(), time.process_time()
mapping = rx.load_mapping(path, sheet, db)
plan = rx.dry_run(db, path, sheet, mapping, today=today, create_buildings=True)
dry_wall, dry_cpu = time.perf_counter() - wall, time.process_time() - cpu
assert plan.ok, [p.message for p in plan.problems[:5]]
result = rx.apply(db, plan, operator="王芳", today=today)
print(json.dumps({"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
                  "dry_wall": dry_wall, "dry_cpu": dry_cpu, "added": result.added,
                  "peak_mb": PEAK}))
""".replace("PEAK", PEAK_MB)


def _write(path: Path, rows: int) -> Path:
    from openpyxl import Workbook

    from gridoffice.domain.identity import check_character
    from gridoffice.domain.names import NameGenerator

    rng = random.Random(3)
    names = NameGenerator(rng)
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet(SHEET)
    ws.append(HEADERS)
    written, household = 0, 0
    while written < rows:
        household += 1
        grid = household % GRIDS + 1
        building, rest = divmod(household, 36)
        unit, rest = divmod(rest, 12)
        floor, door = divmod(rest, 2)
        size = min(rows - written, 2 if rng.random() < 0.5 else 3)
        for position in range(size):
            written += 1
            birth = dt.date(1930, 1, 1) + dt.timedelta(days=rng.randrange(33_000))
            stem = f"1101{written % 100:02d}{birth:%Y%m%d}{written // 100 % 1000:03d}"
            sex = "男" if int(stem[-1]) % 2 else "女"  # as the ID number says
            ws.append([written, f"第{grid}网格", "幸福里", f"{building + 1}号楼", str(unit + 1),
                       f"{floor + 1}0{door + 1}", str(household), names.person(),
                       ("户主", "配偶", "子")[position], sex, "汉族", birth,
                       stem + check_character(stem), "群众", "高中", "已婚", "北京市东城区",
                       "户籍人口", "人户一致", f"13{rng.randrange(10**9):09d}", None, None])
    workbook.save(path)
    return path


def _fresh_office(folder: Path) -> Path:
    from gridoffice import paths
    from gridoffice.services import office
    from gridoffice.services.households import GridDraft, HouseholdService
    from gridoffice.store.database import Database
    from gridoffice.store.files import open_database

    opened = open_database(paths.resolve(folder))
    office.save_profile(opened.path, office.OfficeProfile("幸福里社区", "幸福街道",
                                                          "community", "王芳"))
    db = Database(opened.path)
    service = HouseholdService(db, operator="王芳", today=TODAY)
    for grid in range(1, GRIDS + 1):
        service.create_grid(GridDraft(code=f"110105001001{grid:03d}", name=f"第{grid}网格"))
    db.close()
    return opened.path


@pytest.mark.benchmark
def test_import_residents_within_three_times_openpyxl(tmp_path):
    path = _write(tmp_path / "实有人口.xlsx", ROWS)
    base = run_child(BASE, str(path), SHEET)
    ours = run_child(OURS, str(_fresh_office(tmp_path / "data")), str(path), SHEET,
                     TODAY.isoformat(), timeout=1800)
    assert ours["added"] == ROWS
    report("residents_import", [
        Figure(f"import of {ROWS} residents, dry run + apply (CPU)", ours["cpu"], base["cpu"],
               unit="s", aim="≤ 3 × baseline",
               note=f"dry run {ours['dry_cpu']:.1f} s; wall {ours['wall']:.1f} s; "
                    f"baseline: openpyxl read-only read, wall {base['wall']:.1f} s"),
        Figure("import peak memory", ours["peak_mb"], base["peak_mb"], unit="MB",
               note="baseline: openpyxl's read"),
    ])
    assert ours["cpu"] <= 9 * base["cpu"]
