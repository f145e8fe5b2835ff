"""党员花名册 for 20,000 members against a bare reportlab script drawing the same cells.

Run: python -m pytest tests/benchmarks/test_roster_ledger.py -m benchmark -s
Each side runs in its own process (so peak memory is its own); the bare script
draws every cell string with canvas.drawString in the same font, one row per
line, no wrapping — the least a PDF of those cells can cost.
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
import datetime as dt, json, resource, sys, time
from gridoffice.ledgers.roster_ledger import COLUMNS, render_roster_ledger, roster_rows
from gridoffice.services.roster import MemberQuery, RosterService
from gridoffice.store.database import Database
db = Database(__import__("pathlib").Path(sys.argv[1]))
start = time.perf_counter()
result = render_roster_ledger(db, sys.argv[2], unit="幸福里社区")
seconds = time.perf_counter() - start
members = RosterService(db).list_members(MemberQuery())
rows = [list(r) for r in roster_rows(members, dt.date.today())]
json.dump([[c.title for c in COLUMNS]] + rows, open(sys.argv[3], "w", encoding="utf-8"),
          ensure_ascii=False)
peak = PEAK  # VmHWM: ru_maxrss would carry the parent's peak across fork
print(json.dumps({"seconds": seconds, "pages": result.pages, "rows": result.rows, "peak_mb": peak}))
""".replace("PEAK", PEAK_MB)

BARE = """
import json, resource, sys, time
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
rows = json.load(open(sys.argv[1], encoding="utf-8"))
start = time.perf_counter()
pdfmetrics.registerFont(TTFont("F", sys.argv[3], subfontIndex=0))
width, height = landscape(A4)
c = canvas.Canvas(sys.argv[2], pagesize=(width, height))
col = (width - 60) / len(rows[0])
y = height - 40
header = rows[0]
for row in rows[1:]:
    if y < 40:
        c.showPage()
        y = height - 40
    if y == height - 40:
        c.setFont("F", 8)
        for i, text in enumerate(header):
            c.drawString(30 + i * col, y, text)
        y -= 14
    c.setFont("F", 8)
    for i, text in enumerate(row):
        c.drawString(30 + i * col, y, text if text else "—")
    y -= 14
c.save()
seconds = time.perf_counter() - start
peak = PEAK  # VmHWM: ru_maxrss would carry the parent's peak across fork
print(json.dumps({"seconds": seconds, "peak_mb": peak}))
""".replace("PEAK", PEAK_MB)


@pytest.mark.benchmark
def test_roster_ledger_against_bare_reportlab(tmp_path, large_demo):
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
    print(f"党员花名册: {ours['rows']} rows, {ours['pages']} pages in {ours['seconds']:.2f} s, "
          f"peak {ours['peak_mb']:.0f} MB")
    print(f"bare reportlab, same cells: {bare['seconds']:.2f} s, peak {bare['peak_mb']:.0f} MB")
    print(f"ratio {ours['seconds'] / bare['seconds']:.2f} (limit 3); memory limit 500 MB")
    assert ours["rows"] > 15_000
