"""What encryption at rest costs: the same workloads on a plain data folder and on the
same folder encrypted, in one run, as medians of several repetitions.

Run: python -m pytest tests/benchmarks/test_encryption_cost.py -m benchmark -s
(ENCRYPTION_COST_JSON=/some/file.json also writes the table there; by default it goes
to the test's tmp_path.)

The data (built once, in a few seconds, then copied): a register of 20,160 households
(about 50,000 residents, 40 grids of 504 households) and a roster of 20,000 members.
The plain folder is compacted (VACUUM) and copied; the copy gets an administrator and is
converted by ``encryption.encrypt`` (whose encrypted copy is compacted the same way), so
both files hold the same rows in the same order. For sync, a community PC holding a
register of 6,000 households exports a package that the street office imports, plain on
both sides against encrypted on both sides.

Each repetition runs a workload on both folders, alternating which goes first, so both
see the same machine load. The issue aims at encrypted / plain ≤ 1.3; the test only
guards against ≤ 2.0 (timing on a shared machine flakes), the table is the result;
the two cold reads (the first query on a fresh connection, the integrity check) are
guarded at COLD_GUARD, see there.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from gridoffice import paths
from gridoffice.domain import access
from gridoffice.services import encryption, office
from gridoffice.store import driver
from gridoffice.store.database import Database
from gridoffice.store.files import open_database
from tests.benchmarks.households_data import make_large_register

HOUSEHOLDS, GRIDS = 20_160, 40  # 14 buildings of 36 households a grid
MEMBERS = 20_000
SYNC_HOUSEHOLDS = 6_000
BULK = 5_000  # members per bulk insert
IMPORT_ROWS = 2_000  # rows per roster Excel import
AIM, GUARD = 1.3, 2.0
# Reads into a fresh connection check and decrypt every page they touch (HMAC-SHA512 per
# 4 KiB page, about 40 µs each here): 2.3-5x plain, a known cost of SQLCipher's default
# format, not of our code. They get a looser guard, which still catches a key derivation
# on every open or a lost page cache (10x and more).
COLD_GUARD = 6.0
COLD = ("open + first query (list of grids)", "integrity check after start (reads every page)")
PASSWORD = "bench-pass-1"
TODAY = dt.date(2026, 11, 21)
TYPED_ROSTER = ("z", "zh", "zhang", "l", "li", "w", "wang", "5678", "张", "王", "zw", "lj")
TYPED_REGISTER = ("z", "zh", "zhang", "w", "wa", "wang", "3-2", "3-2-301", "5678", "张",
                  "李娜", "zw")


# --- the data ---------------------------------------------------------------------------
def _member_rows(count: int, org_ids: list[str], seed: int) -> list[dict[str, object]]:
    from gridoffice.domain.identity import add_years, check_character
    from gridoffice.domain.names import NameGenerator
    from gridoffice.domain.search_keys import name_keys

    rng = random.Random(seed)
    names = NameGenerator(rng)
    rows, used = [], set()
    for _ in range(count):
        while True:  # ID numbers are unique: each seed has its own region code
            birth = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(365 * 64))
            sex = rng.choice("12")
            stem = f"{320000 + seed:06d}{birth:%Y%m%d}{rng.randrange(1000):03d}"
            if stem not in used:
                used.add(stem)
                break
        join = min(add_years(birth, rng.randint(18, 40)), TODAY - dt.timedelta(days=30))
        probationary = add_years(join, 1) > TODAY
        name = names.person()
        pinyin, initials = name_keys(name)
        rows.append({
            "name": name, "sex": sex, "ethnicity": "01", "birth_date": birth,
            "id_number": stem + check_character(stem), "education": rng.choice("12345"),
            "mobile": f"13{rng.randrange(10**9):09d}", "join_date": join,
            "status": "probationary" if probationary else "full",
            "full_date": None if probationary else add_years(join, 1),
            "category": rng.choice(("direct", "direct", "in_service", "retired")),
            "org_id": rng.choice(org_ids), "address": f"幸福里{rng.randint(1, 99)}号楼",
            "name_pinyin": pinyin, "name_initials": initials})
    return rows


def _add_roster(database: Path) -> list[str]:
    """A committee, six branches and MEMBERS members (bulk path); the branch ids."""
    from gridoffice.services.orgs import OrgDraft, OrgService
    from gridoffice.store.tables import Member

    db = Database(database)
    try:
        service = OrgService(db, operator="王芳", today=TODAY)
        founded = dt.date(2015, 1, 1)
        root = service.create(OrgDraft("中共幸福里社区委员会", "committee", established=founded))
        branches = [service.create(OrgDraft(
            f"中共幸福里社区第{n}网格支部委员会", "branch", root.id,
            short_name=f"第{n}网格党支部", established=founded)).id for n in "一二三四五六"]
        with db.write() as session:
            db.bulk_insert(session, Member, _member_rows(MEMBERS, branches, seed=1))
    finally:
        db.close()
    return branches


def _vacuum(database: Path) -> None:
    """Compact a plain file, as the conversion's sqlcipher_export compacts the copy."""
    conn = driver.connect(database, key=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
    finally:
        conn.close()


def _encrypt_copy(plain: Path, folder: Path) -> tuple[float, bytes]:
    """``folder``: a copy of the plain folder with an administrator, encrypted; the
    conversion's seconds and the data key."""
    from gridoffice.services.accounts import AccountDraft, AccountService

    shutil.copytree(plain, folder)
    app_paths = paths.resolve(folder)
    AccountService(app_paths.database).add(AccountDraft("admin", access.ADMIN, "王芳"),
                                           PASSWORD)
    start = time.perf_counter()
    encryption.encrypt(app_paths)
    seconds = time.perf_counter() - start
    key = driver.key_of(app_paths.database)
    assert key is not None and not driver.has_sqlite_header(app_paths.database)
    return seconds, key


# --- timing -----------------------------------------------------------------------------
class Table:
    def __init__(self) -> None:
        self.rows: list[dict[str, object]] = []
        self.notes: list[str] = []

    def measure(self, name: str, runs: int, sides: dict[str, Callable[[], object]],
                setup: dict[str, Callable[[int], Callable[[], object]]] | None = None) -> None:
        """Median seconds of ``runs`` repetitions of each side's workload, alternating
        which side goes first. With ``setup``, each repetition first calls
        ``setup[side](rep)`` (not timed) for the workload to run."""
        times: dict[str, list[float]] = {side: [] for side in sides}
        order = list(sides)
        for rep in range(runs):
            for side in (order if rep % 2 == 0 else order[::-1]):
                work = setup[side](rep) if setup else sides[side]
                start = time.perf_counter()
                work()
                times[side].append(time.perf_counter() - start)
        plain, encrypted = (statistics.median(times[s]) for s in ("plain", "encrypted"))
        self.rows.append({"workload": name, "plain_s": round(plain, 4),
                          "encrypted_s": round(encrypted, 4),
                          "ratio": round(encrypted / plain, 3), "runs": runs,
                          "plain_all": [round(t, 4) for t in times["plain"]],
                          "encrypted_all": [round(t, 4) for t in times["encrypted"]]})
        print(f"  {name:<46} {plain:9.3f} {encrypted:11.3f} {encrypted / plain:7.2f}",
              flush=True)

    def text(self) -> str:
        lines = [f"{'workload':<46} {'plain s':>9} {'encrypted s':>11} {'ratio':>7}"]
        for row in self.rows:
            mark = "" if float(row["ratio"]) <= AIM else f"  (above {AIM})"
            lines.append(f"{row['workload']:<46} {row['plain_s']:9.3f} "
                         f"{row['encrypted_s']:11.3f} {row['ratio']:7.2f}{mark}")
        return "\n".join(lines + self.notes)


# --- the benchmark ----------------------------------------------------------------------
@pytest.mark.benchmark
def test_encryption_cost_against_plain(tmp_path):
    from gridoffice.ledgers import household_ledger as hl
    from gridoffice.services.households import HouseholdService, ResidentQuery
    from gridoffice.services.orgs import OrgService
    from gridoffice.services.roster import MemberQuery, RosterService
    from gridoffice.store.tables import Member
    from tests.benchmarks.test_roster_import import SHEET, _roster_rows, _write

    table = Table()
    started = time.perf_counter()
    plain_folder = tmp_path / "plain"
    make_large_register(plain_folder, household_count=HOUSEHOLDS, grid_count=GRIDS)
    plain_db = paths.resolve(plain_folder).database
    branches = _add_roster(plain_db)
    _vacuum(plain_db)
    convert_s, _key = _encrypt_copy(plain_folder, tmp_path / "encrypted")
    enc_db = paths.resolve(tmp_path / "encrypted").database
    sizes = {"plain": plain_db.stat().st_size, "encrypted": enc_db.stat().st_size}
    print(f"\ndata built in {time.perf_counter() - started:.1f} s; conversion {convert_s:.1f} s;"
          f" files {sizes['plain'] / 2**20:.1f} MB plain, {sizes['encrypted'] / 2**20:.1f} MB "
          f"encrypted; SQLite {driver.sqlite_version}", flush=True)
    folders = {"plain": plain_folder, "encrypted": tmp_path / "encrypted"}
    databases = {"plain": plain_db, "encrypted": enc_db}
    print(f"  {'workload':<46} {'plain s':>9} {'encrypted s':>11} {'ratio':>7}")

    # start-up: what the program does before the first screen has data
    def open_and_query(side: str) -> Callable[[], object]:
        def work() -> object:
            opened = open_database(paths.resolve(folders[side]), quick_check=False)
            office.load_profile(opened.path)
            db = Database(opened.path)
            try:
                return HouseholdService(db).list_grids()
            finally:
                db.close()
        return work

    table.measure("open + first query (list of grids)", 7,
                  {side: open_and_query(side) for side in databases})

    def connect_and_count(side: str) -> Callable[[], object]:
        def work() -> object:
            conn = driver.connect(databases[side])
            try:
                return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            finally:
                conn.close()
        return work

    table.measure("connection open + schema read", 21,
                  {side: connect_and_count(side) for side in databases})

    def quick_check(side: str) -> Callable[[], object]:
        def work() -> object:
            conn = driver.connect(databases[side], read_only=True)
            try:
                return conn.execute("PRAGMA quick_check").fetchone()
            finally:
                conn.close()
        return work

    table.measure("integrity check after start (reads every page)", 3,
                  {side: quick_check(side) for side in databases})

    dbs = {side: Database(databases[side]) for side in databases}
    try:
        # roster: the tab's service calls
        rosters = {side: RosterService(dbs[side], operator="王芳", today=TODAY)
                   for side in dbs}
        org_services = {side: OrgService(dbs[side], operator="王芳", today=TODAY)
                        for side in dbs}

        def roster_open(side: str) -> Callable[[], object]:
            def work() -> object:
                org_services[side].list_orgs(include_retired=True)
                rows = rosters[side].list_members(MemberQuery())
                rosters[side].due_list(90)
                rosters[side].branch_warnings()
                assert len(rows) >= MEMBERS
                return rows
            return work

        table.measure(f"roster tab opened ({MEMBERS} members)", 5,
                      {side: roster_open(side) for side in dbs})

        def roster_search(side: str) -> Callable[[], object]:
            def work() -> object:
                for typed in TYPED_ROSTER:
                    rosters[side].list_members(MemberQuery(text=typed))
            return work

        table.measure(f"roster search, {len(TYPED_ROSTER)} keystrokes", 5,
                      {side: roster_search(side) for side in dbs})

        def bulk(side: str) -> Callable[[int], Callable[[], object]]:
            def prepare(rep: int) -> Callable[[], object]:
                rows = _member_rows(BULK, branches, seed=100 + rep)

                def work() -> object:
                    with dbs[side].write() as session:
                        return dbs[side].bulk_insert(session, Member, rows)
                return work
            return prepare

        table.measure(f"roster bulk insert of {BULK} members", 5,
                      dict.fromkeys(dbs, lambda: None), {side: bulk(side) for side in dbs})

        # the roster Excel import (dry run + apply), a new workbook each repetition
        from gridoffice.services import roster_excel as rx

        books = [_write(tmp_path / f"import{rep}.xlsx", _roster_rows(IMPORT_ROWS, seed=50 + rep))
                 for rep in range(3)]

        def excel(side: str) -> Callable[[int], Callable[[], object]]:
            def prepare(rep: int) -> Callable[[], object]:
                layout = rx.read_layout(books[rep], SHEET)
                mapping = rx.guess_mapping(layout.headers, rx.remembered_mapping(dbs[side]))

                def work() -> object:
                    plan = rx.dry_run(dbs[side], books[rep], SHEET, mapping, today=TODAY,
                                      default_org_id=branches[0])
                    assert plan.ok, plan.problems[:3]
                    return rx.apply(dbs[side], plan, operator="王芳", today=TODAY)
                return work
            return prepare

        table.measure(f"roster Excel import of {IMPORT_ROWS} rows", 3,
                      dict.fromkeys(dbs, lambda: None), {side: excel(side) for side in dbs})

        # households: the service's listing and search, and a grid's ledger
        households = {side: HouseholdService(dbs[side]) for side in dbs}
        grids = households["plain"].list_grids()
        assert sum(g.households for g in grids) >= HOUSEHOLDS * 0.99

        def register_list(side: str) -> Callable[[], object]:
            def work() -> object:
                service = households[side]
                for grid in service.list_grids():
                    service.residents(ResidentQuery(grid_id=grid.id))
                return service.buildings(grids[0].id)
            return work

        table.measure(f"households: every grid's residents ({GRIDS} grids)", 5,
                      {side: register_list(side) for side in dbs})

        def register_all(side: str) -> Callable[[], object]:
            return lambda: households[side].residents(ResidentQuery())

        table.measure("households: the whole community's residents", 5,
                      {side: register_all(side) for side in dbs})

        def register_search(side: str) -> Callable[[], object]:
            def work() -> object:
                for typed in TYPED_REGISTER:
                    households[side].residents(ResidentQuery(grid_id=grids[0].id, text=typed))
            return work

        table.measure(f"households search, {len(TYPED_REGISTER)} keystrokes", 5,
                      {side: register_search(side) for side in dbs})

        grid = max(grids, key=lambda g: g.households)

        def ledger(side: str) -> Callable[[], object]:
            def work() -> object:
                result = hl.render_household_forms(
                    dbs[side], tmp_path / f"ledger-{side}.pdf", unit="幸福里社区",
                    grid_id=grid.id, street="幸福街道", today=TODAY)
                assert result.rows >= 450
                return result
            return work

        table.measure(f"household ledger of a grid ({grid.households} households)", 3,
                      {side: ledger(side) for side in dbs})
    finally:
        for db in dbs.values():
            db.close()

    # sync: a community PC's export, imported by the street office
    sync_templates = _sync_templates(tmp_path)
    nets: dict[tuple[str, int], dict[str, object]] = {}

    def sync_setup(side: str, step: str) -> Callable[[int], Callable[[], object]]:
        def prepare(rep: int) -> Callable[[], object]:
            net = nets.get((side, rep))
            if net is None:
                net = nets[(side, rep)] = _sync_copy(sync_templates[side], tmp_path /
                                                     f"sync-{side}-{rep}")
            if step == "export":
                return lambda: net.__setitem__("package", net["a1"].export()[0])
            return lambda: net.__setitem__("imported", net["street"].take([net["package"]])[0])
        return prepare

    try:
        table.measure(f"sync export ({SYNC_HOUSEHOLDS} households' register)", 3,
                      dict.fromkeys(dbs, lambda: None),
                      {side: sync_setup(side, "export") for side in dbs})
        table.measure("sync import of that package at the street office", 3,
                      dict.fromkeys(dbs, lambda: None),
                      {side: sync_setup(side, "import") for side in dbs})
        for net in nets.values():
            imported = net["imported"]
            assert imported.status == "applied" and imported.digests_agree
    finally:
        for net in nets.values():
            net["a1"].close()
            net["street"].close()

    table.notes.append(f"conversion of the {sizes['plain'] / 2**20:.0f} MB folder: "
                       f"{convert_s:.1f} s (once)")
    print("\n" + table.text())
    out = Path(os.environ.get("ENCRYPTION_COST_JSON") or tmp_path / "encryption_cost.json")
    out.write_text(json.dumps({
        "sqlite": driver.sqlite_version, "conversion_s": round(convert_s, 2),
        "file_bytes": sizes, "households": HOUSEHOLDS, "members": MEMBERS,
        "sync_households": SYNC_HOUSEHOLDS, "aim": AIM, "guard": GUARD,
        "workloads": table.rows}, ensure_ascii=False, indent=1), "utf-8")
    print(f"written to {out}")
    above = [r["workload"] for r in table.rows
             if float(r["ratio"]) > (COLD_GUARD if r["workload"] in COLD else GUARD)]
    assert not above, f"encrypted more than {GUARD}x ({COLD_GUARD}x cold) plain: {above}"


def _sync_templates(tmp_path: Path) -> dict[str, Path]:
    """A street office and one community PC holding a register, plain and encrypted."""
    from tests.benchmarks.test_sync import _fill_from
    from tests.sync.net import Net

    source = make_large_register(tmp_path / "sync-source", seed=11,
                                 household_count=SYNC_HOUSEHOLDS, grid_count=12)
    plain = tmp_path / "sync-plain"
    net = Net(plain, {"a1": ("幸福里社区", "1号机")})
    _fill_from(net["a1"], source)
    net.close()
    for name in ("a1", "street"):
        _vacuum(paths.resolve(plain / name).database)
    encrypted = tmp_path / "sync-encrypted"
    shutil.copytree(plain, encrypted, ignore=shutil.ignore_patterns("a1", "street"))
    for name in ("a1", "street"):
        _encrypt_copy(plain / name, encrypted / name)
    return {"plain": plain, "encrypted": encrypted}


def _sync_copy(template: Path, root: Path) -> dict[str, object]:
    from tests.sync.net import Pc

    shutil.copytree(template, root)
    pcs: dict[str, object] = {}
    for name in ("a1", "street"):
        database = paths.resolve(root / name).database
        key = driver.key_of(paths.resolve(template / name).database)
        driver.set_key(database, key)
        pcs[name] = Pc(name, root / name)
    return pcs
