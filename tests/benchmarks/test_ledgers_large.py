"""The ledgers on the large demo, each against bare reportlab drawing a plain table of
the same size.

Run: BENCHMARK_JSON_DIR=/tmp/bench python -m pytest tests/benchmarks/test_ledgers_large.py \
         -m benchmark -s -p no:randomly

Ledgers: the minutes of a meeting of 60 attendees and 10 items (会议记录及签到表), the
household forms and the grid summary of the largest grid, the points notice of the
year, the street summary, the follow-up ledger and the year summary of meetings.
Each side runs in its own process (its peak memory is its own). The baseline draws,
with canvas.drawString in the same font, a table of as many rows as the ledger has
(at least 36 lines for each of its pages), 8 cells of text a row, no ruling, no
wrapping — the least a PDF of that size can cost. Both sides are timed after their
imports, font registration included. The household forms' own benchmark
(test_household_ledger.py) compares them with the same cells drawn bare.
"""

from __future__ import annotations

import json

import pytest

from tests.benchmarks.large_data import DATA_FILE, add_big_meeting, copy_of
from tests.benchmarks.report import PEAK_MB, Figure, report, run_child

OURS = """
import datetime as dt, json, sys, time
from pathlib import Path
from gridoffice.domain import access
from gridoffice.domain.inservice import parse_period
from gridoffice.ledgers.catalogue import LEDGERS
from gridoffice.services import office
from gridoffice.services.households import HouseholdService
from gridoffice.store.database import Database
db = Database(Path(sys.argv[1]))
name, values = sys.argv[2], json.loads(sys.argv[3])
profile = office.load_profile(db.path)
entry = next(e for e in LEDGERS if e.name == name)
values["actor"] = access.Actor.open(profile.operator)
if "grid" in values:
    grids = HouseholdService(db).list_grids()
    values["grid_id"] = max(grids, key=lambda g: g.households).id
if "period" in values:
    values["period"] = parse_period(values["period"])
values.setdefault("street", profile.street)
entry.render_function()  # its modules imported, as the bare side imports reportlab first
start = time.perf_counter()
result = entry.make(db, sys.argv[4], unit=profile.name, values=values)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "rows": result.rows, "pages": result.pages,
                  "peak_mb": PEAK}))
""".replace("PEAK", PEAK_MB)

BARE = """
import json, sys, time
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
lines = int(sys.argv[2])
start = time.perf_counter()
pdfmetrics.registerFont(TTFont("F", sys.argv[3], subfontIndex=0))
width, height = A4
c = canvas.Canvas(sys.argv[1], pagesize=A4)
col = (width - 60) / 8
y = height - 40
for n in range(lines):
    if y < 40:
        c.showPage()
        y = height - 40
    c.setFont("F", 8)
    for i in range(8):
        c.drawString(30 + i * col, y, f"幸福里社区{n}")
    y -= 14
c.save()
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "peak_mb": PEAK}))
""".replace("PEAK", PEAK_MB)


@pytest.mark.benchmark
def test_ledgers_against_bare_reportlab(tmp_path, large_demo):
    from gridoffice.paths import font_path
    from gridoffice.services.meetings import MeetingService
    from gridoffice.store.database import Database

    folder = copy_of(large_demo, tmp_path / "data")
    path = folder / DATA_FILE
    meeting_id = add_big_meeting(path)
    db = Database(path)
    year = MeetingService(db, "王芳").today().year
    db.close()
    ledgers = (
        ("minutes", "minutes of a meeting of 60 attendees, 10 items",
         {"meeting_id": meeting_id}),
        ("household", "household forms of the largest grid", {"grid": True}),
        ("grid", "grid summary of the largest grid", {"grid": True}),
        ("points", "points notice of the year", {"period": str(year)}),
        ("street-summary", "street summary of the year", {"year": year}),
        ("followups", "follow-up ledger", {"year": None}),
        ("meetings-summary", "year summary of meetings", {"year": year}),
    )
    figures = []
    for name, text, values in ledgers:
        ours = run_child(OURS, str(path), name, json.dumps(values), str(tmp_path / f"{name}.pdf"))
        lines = max(ours["rows"], ours["pages"] * 36)
        bare = run_child(BARE, str(tmp_path / f"{name}-bare.pdf"), str(lines), str(font_path()))
        figures.append(Figure(
            f"{text}: {ours['rows']} rows, {ours['pages']} pages", ours["seconds"] * 1000,
            bare["seconds"] * 1000, aim="≤ 3 × baseline",
            note=f"peak {ours['peak_mb']:.0f} MB; bare {lines} lines, "
                 f"peak {bare['peak_mb']:.0f} MB"))
    report("ledgers_large", figures)
    for figure in figures:  # guards: 3 x the aim, or a second, whichever is more
        assert figure.measured <= max(9 * figure.baseline, 1000), figure.workload
