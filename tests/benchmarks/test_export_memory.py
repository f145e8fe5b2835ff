"""Peak memory of the exports and the largest ledgers, each against a process that
imports the same modules and reads the same rows bare.

Run: BENCHMARK_JSON_DIR=/tmp/bench python -m pytest tests/benchmarks/test_export_memory.py \
         -m benchmark -s -p no:randomly
     (EXPORT_MEMORY_RESIDENTS=20000 for a quicker run; with BENCHMARK_DATA_DIR set the
     office of imported residents is kept there across runs)

Workloads: the residents Excel export of a community of 100,000 residents (imported
as test_residents_import.py imports them), masked and in full; the roster Excel
export of the large demo's 20,000 members; the audit log export of 100,000 entries;
the grid summary (网格户情汇总表) and the household forms (网格户情登记表) of the
largest grid of the 100,000; the roster ledger (党员花名册) of the 20,000 members.

Each side runs once in its own process; the figure is its peak resident memory
(VmHWM). The baseline imports the modules the export uses (the ledger font
registered for a ledger) and reads the rows of the tables the export reads through
a plain cursor, one at a time, keeping none: what an export cannot go below. What
an export holds on top of that is the figure's excess over the baseline.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.benchmarks import test_residents_import as residents_import
from tests.benchmarks.large_data import DATA_FILE, copy_of
from tests.benchmarks.report import PEAK_MB, Figure, report, run_child

RESIDENTS = int(os.environ.get("EXPORT_MEMORY_RESIDENTS", "100000"))
AUDIT_ENTRIES = 100_000

#: what each workload imports (both sides import it)
IMPORTS = {
    "residents": "gridoffice.services.residents_excel gridoffice.services.households",
    "residents-full": "gridoffice.services.residents_excel gridoffice.services.households",
    "roster": "gridoffice.services.roster_excel gridoffice.services.roster",
    "audit": "gridoffice.services.audit",
    "grid": "gridoffice.ledgers.household_ledger gridoffice.ledgers.catalogue",
    "household": "gridoffice.ledgers.household_ledger gridoffice.ledgers.catalogue",
    "roster-ledger": "gridoffice.ledgers.roster_ledger gridoffice.ledgers.catalogue",
}
#: the rows each workload reads, for the bare side
BARE_SQL = {
    "residents": ("SELECT * FROM resident WHERE NOT deleted",),
    "residents-full": ("SELECT * FROM resident WHERE NOT deleted",),
    "roster": ("SELECT * FROM member",),
    "audit": ("SELECT * FROM audit_log",),
    "grid": ("SELECT r.* FROM resident r JOIN household h ON h.id = r.household_id "
             "JOIN house s ON s.id = h.house_id JOIN building b ON b.id = s.building_id "
             "WHERE b.grid_id = ? AND NOT r.deleted",),
    "household": ("SELECT r.* FROM resident r JOIN household h ON h.id = r.household_id "
                  "JOIN house s ON s.id = h.house_id JOIN building b ON b.id = s.building_id "
                  "WHERE b.grid_id = ? AND NOT r.deleted",),
    "roster-ledger": ("SELECT * FROM member",),
}
LEDGER_NAMES = {"grid": "grid", "household": "household", "roster-ledger": "roster"}

PRELUDE = """
import importlib, json, sys, time
from pathlib import Path
kind, db_path, out = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
for module in sys.argv[4].split():
    importlib.import_module(module)
from gridoffice.store.database import Database
from gridoffice.services.households import HouseholdService
db = Database(db_path)
grids = HouseholdService(db).list_grids()
grid_id = max(grids, key=lambda g: g.households).id
"""

OURS = PRELUDE + """
from gridoffice.domain import access
from gridoffice.services import office
start = time.perf_counter()
if kind in ("residents", "residents-full"):
    from gridoffice.services import residents_excel
    full = kind == "residents-full"
    rows = HouseholdService(db).iter_residents(reveal=full)  # as the command line reads
    count = residents_excel.export_residents(rows, out, reveal=full,
                                             grid_names={g.id: g.name for g in grids})
elif kind == "roster":
    from gridoffice.services import roster_excel
    from gridoffice.services.roster import RosterService
    service = RosterService(db)
    count = roster_excel.export_members(service.iter_members(), out,
                                        total=service.count_members())
elif kind == "audit":
    from gridoffice.services import audit
    count = audit.AuditService(db, "王芳").export_entries(
        audit.iter_entries(db.path), out, total=audit.count(db.path))
else:
    from gridoffice.ledgers.catalogue import LEDGERS
    profile = office.load_profile(db.path)
    entry = next(e for e in LEDGERS if e.name == sys.argv[5])
    values = {"actor": access.Actor.open(profile.operator), "grid_id": grid_id,
              "street": profile.street}
    entry.render_function()
    count = entry.make(db, out, unit=profile.name, values=values).rows
seconds = time.perf_counter() - start
db.close()
print(json.dumps({"seconds": seconds, "rows": count, "peak_mb": PEAK}))
""".replace("PEAK", PEAK_MB)

BARE = PRELUDE + """
from tests import sql
if kind in ("grid", "household", "roster-ledger"):
    from gridoffice.ledgers.fonts import register_fonts
    register_fonts()
db.close()
conn = sql.connect(db_path)
rows = cells = 0
for statement in json.loads(sys.argv[5]):
    for row in conn.execute(statement, (grid_id,) if "?" in statement else ()):
        rows += 1
        cells += sum(1 for value in row if value is not None)
conn.close()
print(json.dumps({"rows": rows, "cells": cells, "peak_mb": PEAK}))
""".replace("PEAK", PEAK_MB)


def residents_office(folder: Path, rows: int) -> Path:
    """A community office with ``rows`` residents imported from a sheet (made in
    ``folder`` when missing); returns its data file."""
    done = folder / ".complete"
    if done.exists():
        return folder / "data" / DATA_FILE
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    sheet = residents_import._write(folder / "实有人口.xlsx", rows)
    path = residents_import._fresh_office(folder / "data")
    imported = run_child(residents_import.OURS, str(path), str(sheet), residents_import.SHEET,
                         residents_import.TODAY.isoformat(), timeout=3600)
    assert imported["added"] == rows
    sheet.unlink()
    done.write_text("", encoding="utf-8")
    return path


def add_audit_entries(path: Path, count: int) -> None:
    """``count`` entries appended to the audit log, chained as the program chains them."""
    from gridoffice.store import audit
    from tests import sql

    conn = sql.connect(path)
    try:
        with conn:
            for n in range(count):
                audit.record_sql(conn, "王芳", "export", "residents",
                                 f"/home/wang/实有人口_{n}.xlsx 身份证 110101199001011234")
    finally:
        conn.close()


@pytest.fixture(scope="module")
def community(tmp_path_factory) -> Path:
    given = os.environ.get("BENCHMARK_DATA_DIR")
    folder = (Path(given) / f"residents-{RESIDENTS}" if given
              else tmp_path_factory.mktemp("office") / "residents")
    return residents_office(folder, RESIDENTS)


def measure(kind: str, path: Path, out: Path) -> tuple[dict, dict]:
    import json

    ours = run_child(OURS, kind, str(path), str(out), IMPORTS[kind],
                     LEDGER_NAMES.get(kind, ""), timeout=3600)
    bare = run_child(BARE, kind, str(path), str(out), IMPORTS[kind], json.dumps(BARE_SQL[kind]))
    return ours, bare


@pytest.mark.benchmark
def test_export_and_ledger_memory(tmp_path, community, large_demo):
    audit_copy = copy_of(community.parent, tmp_path / "audit") / DATA_FILE
    add_audit_entries(audit_copy, AUDIT_ENTRIES)
    workloads = (
        ("residents", community, f"residents Excel export, {RESIDENTS} residents, masked"),
        ("residents-full", community, f"residents Excel export, {RESIDENTS} residents, full"),
        ("roster", large_demo / DATA_FILE, "roster Excel export, large demo"),
        ("audit", audit_copy, "audit log export"),
        ("grid", community, f"grid summary ledger, largest grid of {RESIDENTS}"),
        ("household", community, f"household forms, largest grid of {RESIDENTS}"),
        ("roster-ledger", large_demo / DATA_FILE, "roster ledger, large demo"),
    )
    figures = []
    for kind, path, text in workloads:
        ours, bare = measure(kind, path, tmp_path / f"{kind}.out")
        figures.append(Figure(
            f"{text}: {ours['rows']} rows", ours["peak_mb"], bare["peak_mb"], unit="MB",
            note=f"{ours['seconds']:.1f} s; excess {ours['peak_mb'] - bare['peak_mb']:.0f} MB; "
                 f"bare read of {bare['rows']} rows"))
    report("export_memory", figures)
    for figure in figures:  # a guard, not the aim: no export holds a gigabyte
        assert figure.measured <= figure.baseline + 1024, figure.workload
