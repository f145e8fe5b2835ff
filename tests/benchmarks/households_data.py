"""100,000 residents in 40,000 households, written straight into a data folder."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from gridoffice import paths
from gridoffice.domain.hlc import uuid7
from gridoffice.domain.identity import check_character
from gridoffice.domain.names import NameGenerator
from gridoffice.domain.search_keys import name_keys
from gridoffice.services import office
from gridoffice.store.database import Database
from gridoffice.store.files import open_database
from gridoffice.store.tables import Building, Grid, House, Household, Resident, ResidentTag

GRIDS = 8
HOUSEHOLDS = 40_000
RESIDENTS = 100_000


def make_large_register(folder: Path, seed: int = 7, *,
                        household_count: int = HOUSEHOLDS, grid_count: int = GRIDS,
                        area: str = "1101", grid_code: str = "110105001001") -> Path:
    """Create the data folder (once) and return the database path (``household_count``
    households in ``grid_count`` grids, two or three residents each; ID numbers begin
    with ``area``, four digits, the grids' codes with ``grid_code``, twelve: registers of
    different areas share none)."""
    app_paths = paths.resolve(folder)
    opened = open_database(app_paths)
    office.save_profile(opened.path, office.OfficeProfile("幸福里社区", "幸福街道",
                                                          "community", "王芳"))
    db = Database(opened.path)
    rng = random.Random(seed)
    names = NameGenerator(rng)
    today = dt.date(2026, 11, 21)
    grids, buildings, houses, households, residents, tags = ([] for _ in range(6))
    per_grid = household_count // grid_count
    keys: dict[str, tuple[str, str]] = {}
    for g in range(grid_count):
        grid_id = uuid7()
        grids.append({"id": grid_id, "code": f"{grid_code}{g + 1:03d}", "name": f"第{g + 1}网格"})
        for b in range(per_grid // 36):
            building_id = uuid7()
            buildings.append({"id": building_id, "grid_id": grid_id, "estate": "幸福里",
                              "number": str(g * 100 + b + 1), "units": 3, "floors": 6})
            for unit in range(1, 4):
                for floor in range(1, 7):
                    for door in (1, 2):
                        house_id, household_id = uuid7(), uuid7()
                        houses.append({"id": house_id, "building_id": building_id,
                                       "unit": str(unit), "room": f"{floor}{door:02d}"})
                        households.append({"id": household_id, "house_id": house_id,
                                           "grid_id": grid_id,
                                           "last_visit": today - dt.timedelta(
                                               days=rng.randrange(400))})
                        for position in range(2 if rng.random() < 0.5 else 3):
                            name = names.person()
                            if name not in keys:
                                keys[name] = name_keys(name)
                            birth = dt.date(1930, 1, 1) + dt.timedelta(
                                days=rng.randrange(33_000))
                            stem = f"{area}{len(residents) % 100:02d}{birth:%Y%m%d}" \
                                   f"{len(residents) // 100 % 1000:03d}"
                            resident_id = uuid7()
                            residents.append({
                                "id": resident_id, "household_id": household_id, "name": name,
                                "sex": "1" if rng.random() < 0.5 else "2", "birth_date": birth,
                                "id_number": stem + check_character(stem),
                                "relation": "02" if position == 0 else "10",
                                "mobile": f"13{rng.randrange(10**9):09d}",
                                "name_pinyin": keys[name][0], "name_initials": keys[name][1]})
                            if rng.random() < 0.03:
                                tags.append({"resident_id": resident_id, "kind": "care",
                                             "tag": "subsistence"})
    with db.write() as session:
        for model, rows in ((Grid, grids), (Building, buildings), (House, houses),
                            (Household, households), (Resident, residents),
                            (ResidentTag, tags)):
            db.bulk_insert(session, model, rows)
    db.close()
    return opened.path
