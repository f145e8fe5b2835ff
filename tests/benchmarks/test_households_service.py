"""The resident register with 100,000 residents: listing a grid and searching.

Run: python -m pytest tests/benchmarks/test_households_service.py -m benchmark -s
"""

from __future__ import annotations

import resource
import statistics
import time

import pytest

from gridoffice.services.households import HouseholdService, ResidentQuery
from gridoffice.store.database import Database
from tests.benchmarks.households_data import make_large_register

TYPED = ("z", "zh", "zhang", "w", "wa", "wang", "3-2", "3-2-301", "5678", "张", "李娜", "zw")


@pytest.mark.benchmark
def test_register_with_100000_residents(tmp_path):
    started = time.perf_counter()
    path = make_large_register(tmp_path / "large")
    print(f"\ndata: {time.perf_counter() - started:.1f} s")
    db = Database(path)
    service = HouseholdService(db)
    grids = service.list_grids()
    print(f"{len(grids)} grids, {sum(g.households for g in grids)} households, "
          f"{sum(g.residents for g in grids)} residents")
    times = []
    for grid in grids:
        start = time.perf_counter()
        rows = service.residents(ResidentQuery(grid_id=grid.id))
        times.append(time.perf_counter() - start)
    print(f"one grid's residents ({len(rows)}): median {statistics.median(times) * 1000:.0f} ms")
    start = time.perf_counter()
    everyone = service.residents(ResidentQuery())
    print(f"the whole community ({len(everyone)}): {(time.perf_counter() - start) * 1000:.0f} ms")
    searches = []
    for text in TYPED:
        start = time.perf_counter()
        service.residents(ResidentQuery(grid_id=grids[0].id, text=text))
        searches.append(time.perf_counter() - start)
    print(f"search in a grid: median {statistics.median(searches) * 1000:.1f} ms")
    start = time.perf_counter()
    buildings = service.buildings(grids[0].id)
    print(f"tree level of {len(buildings)} buildings: "
          f"{(time.perf_counter() - start) * 1000:.0f} ms")
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    db.close()
