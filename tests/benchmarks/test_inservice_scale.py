"""The in-service work at about 5,000 registrations (the large demo: 4,862).

Run: BENCHMARK_JSON_DIR=/tmp/bench python -m pytest tests/benchmarks/test_inservice_scale.py \
         -m benchmark -s -p no:randomly

- the check-in lookup by scan (the card code, the last digits of a mobile), and a whole
  scan (lookup, then check-in to an activity), through the service the check-in
  window calls. Baseline: one bare SELECT of the registration by its code on a raw
  connection. Aim: ≤ 20 ms.
- registering a member through the service (the tab's path): the 50th (ten
  registrations, 50th to 59th, in a fresh office) against the ~4,870th (ten more on
  the large demo). Aim: the large ≤ 1.5 × the small.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from pathlib import Path

import pytest

from gridoffice.domain.identity import check_character
from tests.benchmarks.large_data import DATA_FILE, copy_of
from tests.benchmarks.report import Figure, median, report, timings

SCANS = 30


def _register(service, unit: str, count: int, first: int) -> list[float]:
    """``count`` people registered (not on the roster), each timed (ms)."""
    from gridoffice.domain.names import NameGenerator
    from gridoffice.services.inservice import RegistrationDraft

    names = NameGenerator(random.Random(first))
    took = []
    for n in range(first, first + count):
        stem = f"110105{dt.date(1970, 1, 1) + dt.timedelta(days=n % 10_000):%Y%m%d}{n % 1000:03d}"
        draft = RegistrationDraft(unit, service.today() - dt.timedelta(days=10),
                                  name=names.person(), id_number=stem + check_character(stem),
                                  mobile=f"139{n:08d}")
        start = time.perf_counter()
        service.register(draft)
        took.append((time.perf_counter() - start) * 1000)
    return took


def _fresh_service(folder: Path):
    from gridoffice import paths
    from gridoffice.services import office
    from gridoffice.services.inservice import InServiceService
    from gridoffice.store.database import Database
    from gridoffice.store.files import open_database

    opened = open_database(paths.resolve(folder))
    office.save_profile(opened.path, office.OfficeProfile("幸福里社区", "幸福街道",
                                                          "community", "王芳"))
    db = Database(opened.path)
    return db, InServiceService(db, "王芳")


@pytest.mark.benchmark
def test_inservice_at_5000_registrations(tmp_path, large_demo):
    from gridoffice.domain import inservice as rules
    from gridoffice.services.inservice import ActivityDraft, InServiceService, WorkUnitDraft
    from gridoffice.store.database import Database
    from tests import sql

    folder = copy_of(large_demo, tmp_path / "large")
    path = folder / DATA_FILE
    db = Database(path)
    service = InServiceService(db, "王芳")
    serving = [r for r in service.registrations()
               if r.review_status == rules.APPROVED and not r.left_on]
    total = len(service.registrations())
    picks = serving[:: max(1, len(serving) // SCANS)][:SCANS]
    conn = sql.connect(path)
    mobiles = dict(conn.execute(
        "SELECT g.id, coalesce(m.mobile, p.mobile, g.mobile) FROM registration g "
        "LEFT JOIN member m ON m.id = g.member_id "
        "LEFT JOIN resident p ON p.id = g.resident_id").fetchall())
    tails = [mobiles[r.id][-4:] for r in picks if mobiles.get(r.id)]
    bare = []
    for row in picks:
        start = time.perf_counter()
        conn.execute("SELECT * FROM registration WHERE code = ?", (row.code,)).fetchall()
        bare.append((time.perf_counter() - start) * 1000)
    conn.close()

    by_code = [t for row in picks for t in timings(lambda r=row: service.lookup(r.code), 1)]
    by_tail = [t for tail in tails for t in timings(lambda t=tail: service.lookup(t), 1)]
    activity = service.add_activity(ActivityDraft("基准活动", service.today(),
                                                  place="党群服务中心", organiser="王芳"))
    scans = []
    for row in picks:
        start = time.perf_counter()
        [found] = service.lookup(row.code)
        service.check_in(activity, found.id)
        scans.append((time.perf_counter() - start) * 1000)

    unit = service.add_work_unit(WorkUnitDraft("基准单位", "government"))
    large = _register(service, unit, 10, 900_000)
    db.close()
    small_db, small_service = _fresh_service(tmp_path / "small")
    small_unit = small_service.add_work_unit(WorkUnitDraft("基准单位", "government"))
    _register(small_service, small_unit, 49, 1)
    small = _register(small_service, small_unit, 10, 50)
    small_db.close()

    base = median(bare)
    report("inservice_scale", [
        Figure(f"check-in lookup by card code ({total} registrations), median of {len(by_code)}",
               median(by_code), base, aim="≤ 20 ms", note="baseline: bare SELECT by code"),
        Figure("check-in lookup by card code, worst", max(by_code), max(bare)),
        Figure(f"check-in lookup by mobile tail, median of {len(by_tail)}", median(by_tail),
               base, aim="≤ 20 ms"),
        Figure("scan: lookup and check-in, median", median(scans), base, aim="≤ 20 ms"),
        Figure(f"registering the {total + 1}th–{total + 10}th, median", median(large),
               median(small), aim="≤ 1.5 × the 50th",
               note="baseline: the 50th–59th in a fresh office"),
    ])
    assert median(large) <= 4.5 * median(small)  # 3 x the aim
    assert median(by_code) <= 60  # 3 x the aim
