"""网格户情登记表 for a ~500-household grid against a bare reportlab script drawing the
same cell strings.

Run: python -m pytest tests/benchmarks/test_household_ledger.py -m benchmark -s
Each side runs in its own process; the bare script draws every cell string of
every form (heading, member rows, care boxes, visits) with canvas.drawString in
the same font, a page per household, no ruling and no wrapping — the least a
PDF of those strings can cost.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.benchmarks.large_data import copy_of
from tests.benchmarks.report import PEAK_MB

ROOT = Path(__file__).resolve().parents[2]

OURS = """
import json, resource, sys, time
from pathlib import Path
from gridoffice.ledgers import household_ledger as hl
from gridoffice.services.households import HouseholdService
from gridoffice.store.database import Database
db = Database(Path(sys.argv[1]))
service = HouseholdService(db)
grid = max(service.list_grids(), key=lambda g: g.households)
start = time.perf_counter()
result = hl.render_household_forms(db, sys.argv[2], unit="幸福里社区", grid_id=grid.id,
                                   street="幸福街道")
seconds = time.perf_counter() - start
members = hl._members(service, grid.id, None)
details = hl._details(db, grid.id, None)
visits = hl._visits(db, grid.id, None)
pages = []
for h in hl._households(db, grid.id, None):
    people = members.get(h.id, [])
    cells = [[hl.FORM_TITLE], ["街道", "幸福街道", "社区", "幸福里社区"],
             ["网格", grid.name, "住址", h.address, "户号", h.number or ""],
             [c.title for c in hl.MEMBER_COLUMNS]]
    cells += [[c or "" for c in hl.form_cells(m, details.get(m.id))] for m in people]
    cells += [hl._care_cells(people, {})]
    cells += [[str(v[0]), v[1], v[2], v[3]] for v in visits.get(h.id, [])[:hl.VISITS_ON_FORM]]
    cells += [["户主：", "网格员：", "日期：  年  月  日"]]
    pages.append(cells)
json.dump(pages, open(sys.argv[3], "w", encoding="utf-8"), ensure_ascii=False)
peak = PEAK  # VmHWM: ru_maxrss would carry the parent's peak across fork
print(json.dumps({"seconds": seconds, "pages": result.pages, "households": result.rows,
                  "peak_mb": peak}))
""".replace("PEAK", PEAK_MB)

BARE = """
import json, resource, sys, time
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
pages = json.load(open(sys.argv[1], encoding="utf-8"))
start = time.perf_counter()
pdfmetrics.registerFont(TTFont("F", sys.argv[3], subfontIndex=0))
width, height = A4
c = canvas.Canvas(sys.argv[2], pagesize=A4)
for rows in pages:
    y = height - 40
    for row in rows:
        c.setFont("F", 7)
        col = (width - 60) / len(row)
        for i, text in enumerate(row):
            c.drawString(30 + i * col, y, text if text else "—")
        y -= 14
    c.showPage()
c.save()
seconds = time.perf_counter() - start
peak = PEAK  # VmHWM: ru_maxrss would carry the parent's peak across fork
print(json.dumps({"seconds": seconds, "peak_mb": peak}))
""".replace("PEAK", PEAK_MB)


@pytest.mark.benchmark
def test_household_forms_against_bare_reportlab(tmp_path, large_demo):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    data = copy_of(large_demo, tmp_path / "large")
    cells = tmp_path / "cells.json"
    ours = json.loads(subprocess.run(
        [sys.executable, "-c", OURS, str(data / "gridoffice.sqlite3"), str(tmp_path / "a.pdf"),
         str(cells)], check=True, env=env, cwd=ROOT, capture_output=True, text=True).stdout)
    from gridoffice.paths import font_path

    bare = json.loads(subprocess.run(
        [sys.executable, "-c", BARE, str(cells), str(tmp_path / "b.pdf"), str(font_path())],
        check=True, env=env, cwd=ROOT, capture_output=True, text=True).stdout)
    print(f"网格户情登记表: {ours['households']} households, {ours['pages']} pages in "
          f"{ours['seconds']:.2f} s, peak {ours['peak_mb']:.0f} MB")
    print(f"bare reportlab, same cells: {bare['seconds']:.2f} s, peak {bare['peak_mb']:.0f} MB")
    print(f"ratio {ours['seconds'] / bare['seconds']:.2f} (target 3)")
    assert ours["households"] >= 450
