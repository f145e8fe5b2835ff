"""Registering the 5,000th in-service member costs about what the 50th does, and a
check-in scan finds a member among 5,000 at once (20,000 members, 40,000 residents).

Run: python -m pytest tests/benchmarks/test_registration_cost.py -m benchmark -s

Registrations already on file are written in bulk (a third linked to a member, a
third to a resident, a third to nobody); members on file are then registered through
the service at each point, and the medians are compared in the same run.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time

import pytest

from gridoffice import paths
from gridoffice.domain import inservice as rules
from gridoffice.domain.identity import check_character
from gridoffice.services import office
from gridoffice.services.inservice import InServiceService, RegistrationDraft, WorkUnitDraft
from gridoffice.store.database import Database
from gridoffice.store.files import open_database
from gridoffice.store.tables import (
    Building,
    Grid,
    House,
    Household,
    Member,
    Registration,
    Resident,
)
from tests.services.test_query_counts import _mobile, _name

MEMBERS, RESIDENTS = 20_000, 40_000


def _id_number(i: int) -> str:
    """Unique, with the sequence numbers (and so the last four) spread as in life."""
    birth = dt.date(1940, 1, 1) + dt.timedelta(days=i // 1000)
    stem = f"110105{birth:%Y%m%d}{i % 1000:03d}"
    return stem + check_character(stem)


@pytest.mark.benchmark
def test_the_5000th_registration_costs_what_the_50th_does(tmp_path):
    opened = open_database(paths.resolve(tmp_path / "data"))
    office.save_profile(opened.path, office.OfficeProfile("幸福里社区", "幸福街道",
                                                          "community", "王芳"))
    db = Database(opened.path)
    with db.write() as session:
        [grid] = db.bulk_insert(session, Grid, [{"code": "110105001001001", "name": "一网格"}])
        [building] = db.bulk_insert(session, Building, [{"grid_id": grid, "number": "1"}])
        houses = db.bulk_insert(session, House, [{"building_id": building, "room": str(i)}
                                                 for i in range(RESIDENTS // 2)])
        households = db.bulk_insert(session, Household, [{"house_id": h, "grid_id": grid}
                                                         for h in houses])
        members = db.bulk_insert(session, Member, [
            {"name": _name("党员", i), "sex": "1", "status": "full", "category": "in_service",
             "id_number": _id_number(i), "mobile": _mobile(i)} for i in range(MEMBERS)])
        residents = db.bulk_insert(session, Resident, [
            {"household_id": households[i // 2], "name": _name("居民", i), "sex": "2",
             "relation": "02" if i % 2 == 0 else "10", "id_number": _id_number(MEMBERS + i),
             "mobile": _mobile(MEMBERS + i)} for i in range(RESIDENTS)])
    service = InServiceService(db, operator="王芳", point_rules=rules.PointRules())
    unit = service.add_work_unit(WorkUnitDraft("区教育局", "government"))
    state = {"done": 0, "next": MEMBERS // 2}

    def bulk_to(count: int) -> None:
        rows = []
        for i in range(state["done"], count):
            row = {"code": rules.member_code(i + 1), "name": _name("报到", i),
                   "work_unit_id": unit, "report_date": dt.date(2026, 3, 1),
                   "last_registered_on": dt.date(2026, 3, 1), "review_status": rules.APPROVED}
            if i % 3 == 0:
                row["member_id"] = members[i]
            elif i % 3 == 1:
                row["resident_id"] = residents[i]
            else:
                row.update(id_number=_id_number(3 * MEMBERS + i),
                           mobile=_mobile(3 * MEMBERS + i))
            rows.append(row)
        with db.write() as session:
            db.bulk_insert(session, Registration, rows)
        state["done"] = count

    def registering(count: int) -> float:
        times = []
        for _ in range(count):
            started = time.perf_counter()
            service.register(RegistrationDraft(unit, dt.date(2026, 3, 1),
                                               member_id=members[state["next"]]))
            times.append(time.perf_counter() - started)
            state["next"] += 1
            state["done"] += 1
        return statistics.median(times)

    def scanning() -> float:
        """The slowest of a card, a phone tail and an ID tail (median of five each)."""
        medians = []
        for typed in (rules.member_code(state["done"] // 2), _mobile(2)[-4:],
                      _id_number(3 * MEMBERS + 2)[-6:]):
            times = []
            for _ in range(5):
                started = time.perf_counter()
                assert service.lookup(typed)
                times.append(time.perf_counter() - started)
            medians.append(statistics.median(times))
        return max(medians)

    bulk_to(46)
    registering(3)  # imports and compiled statements
    scanning()
    early, early_scan = registering(9), scanning()  # the 50th to the 58th
    bulk_to(4_995)
    registering(1)  # the first after a bulk write reads the pages it brought
    late, late_scan = registering(9), scanning()  # the 4,997th to the 5,005th
    print(f"\nregistering the ~50th: {early * 1000:.1f} ms, the ~5,000th: {late * 1000:.1f} ms"
          f" (× {late / early:.2f}); check-in scan at 50: {early_scan * 1000:.1f} ms, "
          f"at 5,000: {late_scan * 1000:.1f} ms")
    assert late <= 1.5 * early
    assert late_scan <= 0.020
    db.close()
