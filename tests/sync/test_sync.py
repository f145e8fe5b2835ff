"""Sync between community PCs and the street office through real package files:
cumulative packages, all-or-nothing import, conflicts kept, convergence, and
every adversarial case of SYNC.md."""

from __future__ import annotations

import itertools
import json
import shutil
import zipfile

import pytest
from sqlmodel import select

from gridoffice.domain.hlc import HybridClock, wall_millis
from gridoffice.errors import UserError
from gridoffice.store import digest, migrations
from gridoffice.store.tables import Building, Grid, House, Household, Member, Resident
from gridoffice.sync import package as packages
from tests import sql

from .net import Net, freeze, opened_copy

DAY_MS = 24 * 3600 * 1000


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """Street office, two PCs of 幸福里社区 and one of 和平里社区, trusting each
    other; 幸福里社区 has a committee and two branches everywhere."""
    root = tmp_path_factory.mktemp("net") / "net"
    net = Net(root, {"a1": ("幸福里社区", "1号机"), "a2": ("幸福里社区", "2号机"),
                     "b1": ("和平里社区", "")})
    top = net["a1"].add_org("幸福里社区党委")
    net["a1"].add_org("第一党支部", top)
    net["a1"].add_org("第二党支部", top)
    net["b1"].add_org("和平里社区党委")
    return freeze(net)


@pytest.fixture
def net(template, tmp_path):
    with opened_copy(template, tmp_path / "net") as made:
        yield made


def _org(pc, name):
    return pc.rows("SELECT id FROM org WHERE name = ?", (name,))[0][0]


def _state(pc):
    return pc.digests(), pc.rows("SELECT count(*) FROM sync_package")[0][0]


# --- the ordinary way --------------------------------------------------------------------

def test_changes_go_up_and_are_relayed_to_the_other_pc(net):
    a1, a2 = net["a1"], net["a2"]
    org = _org(a1, "第一党支部")
    a1.set_org(org, name="第一党支部（老年）")
    [up] = net.up("a1")
    assert up.status == "applied" and up.updated >= 1 and up.digests_agree is True
    assert "org" in up.tables and "member" not in up.tables  # what the window refreshes
    [down] = net.down("a2")
    assert down.status == "applied" and down.digests_agree is True
    assert "org" in down.tables
    assert a2.rows("SELECT name FROM org WHERE id = ?", (org,)) == [("第一党支部（老年）",)]
    net.settle()
    net.assert_converged()
    # The other community never receives 幸福里社区's records.
    assert net["b1"].rows("SELECT count(*) FROM org WHERE id = ?", (org,)) == [(0,)]
    status = {s.pc_label: s for s in net.street.sync.status() if s.name == "幸福里社区"}
    assert status["1号机"].digests_agree and status["2号机"].digests_agree
    assert status["1号机"].pending == 0 and status["1号机"].days_since_contact == 0


def test_what_the_peer_acknowledged_is_not_sent_again(net):
    a1 = net["a1"]
    a1.set_org(_org(a1, "第一党支部"), short_name="一支部")
    first = a1.sync.export(a1.outbox)[0]
    assert first.rows >= 1
    net.street.take([first.path])
    net.down("a1")  # carries the street's acknowledgement
    again = a1.sync.export(a1.outbox)[0]
    assert again.rows == 0 and again.sequence == first.sequence + 1


def test_the_same_package_twice_says_already_imported_and_changes_nothing(net):
    a1 = net["a1"]
    a1.set_org(_org(a1, "第二党支部"), short_name="二支部")
    [path] = a1.export()
    assert net.street.take([path])[0].status == "applied"
    before = net.street.raw_bytes()
    [again] = net.street.take([path])
    assert again.status == "already" and again.ok and again.tables == ()
    assert net.street.raw_bytes() == before


def test_a_replayed_old_package_changes_nothing(net):
    a1 = net["a1"]
    org = _org(a1, "第一党支部")
    a1.set_org(org, short_name="旧")
    [old] = a1.export()
    a1.set_org(org, short_name="新")
    [new] = a1.export()
    net.street.take([new])
    data = net.street.digests()
    [replayed] = net.street.take([old])
    assert replayed.status == "applied" and replayed.conflicts == 0
    assert net.street.digests() == data
    assert net.street.rows("SELECT short_name FROM org WHERE id = ?", (org,)) == [("新",)]


def test_every_order_of_five_packages_ends_the_same(net, tmp_path):
    a1 = net["a1"]
    org = _org(a1, "第一党支部")
    made = []
    for number in range(5):
        a1.set_org(org, sort_order=10 + number)
        a1.add_org(f"新支部{number}", _org(a1, "幸福里社区党委"))
        made += a1.export()
    street_file = net.street.path
    net.street.close()
    pristine = tmp_path / "pristine.sqlite3"
    shutil.copy(street_file, pristine)
    finals = set()
    orders = list(itertools.permutations(range(5)))
    for order in orders[::7] + [orders[-1]]:  # 19 of the 120 orders, both ends included
        shutil.copy(pristine, street_file)
        for suffix in ("-wal", "-shm"):
            street_file.with_name(street_file.name + suffix).unlink(missing_ok=True)
        net.street.open()
        results = net.street.take([made[i] for i in order])
        assert all(r.status == "applied" for r in results)
        finals.add(json.dumps(net.street.digests(), sort_keys=True))
        assert net.street.rows("SELECT sort_order FROM org WHERE id = ?", (org,)) == [(14,)]
        net.street.close()
    net.street.open()
    assert len(finals) == 1


def test_a_lost_package_is_healed_by_the_next(net):
    a1 = net["a1"]
    org = _org(a1, "第一党支部")
    a1.set_org(org, short_name="一")
    [first] = a1.export()
    a1.add_org("第三党支部", _org(a1, "幸福里社区党委"))
    [_lost] = a1.export()
    a1.set_org(org, name="第一党支部（改）")
    [third] = a1.export()
    net.street.take([first])
    [result] = net.street.take([third])
    assert result.status == "applied" and result.missing == 1
    names = {r[0] for r in net.street.rows("SELECT name FROM org")}
    assert {"第三党支部", "第一党支部（改）"} <= names


# --- refused packages leave everything as it was ------------------------------------------

def _damaged(path, how, tmp_path):
    data = bytearray(path.read_bytes())
    target = tmp_path / f"damaged-{how}.gridsync"
    if how == "flipped":
        data[len(data) // 2] ^= 0x40
        target.write_bytes(bytes(data))
    elif how == "truncated":
        target.write_bytes(bytes(data[: len(data) * 2 // 3]))
    elif how == "traversal":
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w") as out:
            for info in source.infolist():
                out.writestr(info.filename, source.read(info.filename))
            out.writestr("../../evil.txt", b"x")
    elif how == "bomb":
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
            out.writestr("manifest.json", b"{" + b" " * (64 * 2**20) + b"}")
            out.writestr("manifest.sig", b"")
            out.writestr("payload.bin", b"")
    return target


@pytest.mark.parametrize("how", ["flipped", "truncated", "traversal", "bomb"])
def test_damaged_packages_are_refused_and_change_nothing(net, tmp_path, how):
    a1 = net["a1"]
    a1.set_org(_org(a1, "第一党支部"), short_name="x")
    [path] = a1.export()
    bad = _damaged(path, how, tmp_path)
    before = _state(net.street)
    [result] = net.street.take([bad])
    assert result.status == "refused" and not result.ok
    assert "nothing was changed" in str(result.error) or "not opened" in str(result.error)
    assert _state(net.street) == before
    assert not (tmp_path / "evil.txt").exists() and not (tmp_path.parent / "evil.txt").exists()


def test_package_from_an_unknown_office_or_for_another_is_refused(net, tmp_path):
    from gridoffice import paths
    from gridoffice.services import sync_trust
    from tests.sync.net import make_folder

    a1 = net["a1"]
    [for_street] = a1.export()
    before = _state(net["a2"])
    [wrong] = net["a2"].take([for_street])  # addressed to the street office
    assert wrong.status == "refused" and "addressed to another" in str(wrong.error)
    assert _state(net["a2"]) == before
    # A PC of the same community the street never trusted.
    stranger = make_folder(tmp_path, "x", "community", "幸福里社区", "3号机")
    street_id = tmp_path / "street.gridid"
    sync_trust.export_identity(net.street.path, street_id)
    sync_trust.trust(paths.resolve(stranger).database, street_id)
    from .net import Pc

    pc = Pc("x", stranger)
    try:
        [made] = pc.export()
    finally:
        pc.close()
    before = _state(net.street)
    [unknown] = net.street.take([made])
    assert unknown.status == "refused" and "does not trust" in str(unknown.error)
    assert _state(net.street) == before


def _resign(source, target, pc, recipient, change):
    """A package rewritten and signed again by its sender (as a newer program or a
    restored copy would make it)."""
    from gridoffice.services.sync_trust import own_keys, trusted

    opened = packages.read_package(
        source, keys=own_keys(recipient.path), office_id=recipient.db.office_id,
        replica_id=recipient.db.replica_id,
        trusted=lambda replica: trusted(recipient.path, replica))
    manifest = {k: v for k, v in opened.manifest.items() if k not in ("payload", "format")}
    change(manifest)
    peer = trusted(pc.path, recipient.db.replica_id)
    packages.write_package(target, manifest, opened.payload, own_keys(pc.path), peer)
    return target


def test_a_newer_schema_is_refused_and_the_file_kept(net, tmp_path):
    a1 = net["a1"]
    [path] = a1.export()

    def newer(manifest):
        manifest["schema"] = migrations.current_version() + 1
        manifest["package_id"] += "-newer"

    target = _resign(path, tmp_path / "newer.gridsync", a1, net.street, newer)
    before = _state(net.street)
    [result] = net.street.take([target])
    assert result.status == "refused" and "Upgrade" in str(result.error)
    assert "升级" in result.error.localized("zh_CN")
    assert target.exists() and _state(net.street) == before


def test_same_sequence_with_a_different_hash_is_a_fork_and_refused(net, tmp_path):
    a1 = net["a1"]
    a1.set_org(_org(a1, "第一党支部"), short_name="甲")
    [path] = a1.export()
    net.street.take([path])

    def forged(manifest):
        manifest["package_id"] = manifest["package_id"][:-4] + "beef"

    twin = _resign(path, tmp_path / "twin.gridsync", a1, net.street, forged)
    before = _state(net.street)
    [result] = net.street.take([twin])
    assert result.status == "refused" and "restored from a backup" in str(result.error)
    assert _state(net.street) == before


def test_a_restored_backup_starts_a_new_incarnation_instead_of_forking(net, tmp_path):
    a1 = net["a1"]
    a1.close()
    backup = tmp_path / "backup.sqlite3"
    shutil.copy(a1.path, backup)
    a1.open()
    a1.set_org(_org(a1, "第一党支部"), short_name="备份后")
    assert all(r.ok for r in net.up("a1"))
    incarnation = a1.rows("SELECT value FROM meta WHERE key = 'incarnation'")
    a1.close()
    shutil.copy(backup, a1.path)  # the PC is restored from yesterday's copy
    for suffix in ("-wal", "-shm"):
        a1.path.with_name(a1.path.name + suffix).unlink(missing_ok=True)
    a1.open()
    a1.set_org(_org(a1, "第二党支部"), short_name="恢复后")
    [result] = net.up("a1")
    assert result.status == "applied", result.error
    assert a1.rows("SELECT value FROM meta WHERE key = 'incarnation'") != incarnation
    net.settle()
    net.assert_converged()
    # What the lost copy had sent before comes back from the street office.
    assert a1.rows("SELECT short_name FROM org WHERE name = '第一党支部'") == [("备份后",)]


def test_rows_of_another_office_in_a_package_are_refused(net, tmp_path):
    a1 = net["a1"]
    b_org = net["b1"].rows("SELECT id FROM org")[0][0]
    a1.set_org(_org(a1, "第一党支部"), short_name="y")
    [path] = a1.export()

    def nothing(manifest):
        manifest["package_id"] += "-2"
        manifest["sequence"] += 1

    # The sender signs a package whose rows claim another community's office.
    from gridoffice.services.sync_trust import own_keys, trusted
    from tests import sql

    opened = packages.read_package(
        path, keys=own_keys(net.street.path), office_id=net.street.db.office_id,
        replica_id=net.street.db.replica_id,
        trusted=lambda replica: trusted(net.street.path, replica))
    rows_file = tmp_path / "rows.sqlite3"
    rows_file.write_bytes(opened.payload)
    conn = sql.connect(rows_file)
    conn.execute("UPDATE org SET origin_office = ?", (net["b1"].db.office_id,))
    conn.execute("UPDATE org SET id = ?", (b_org,))
    conn.commit()
    conn.close()
    manifest = {k: v for k, v in opened.manifest.items() if k not in ("payload", "format")}
    nothing(manifest)
    target = tmp_path / "foreign.gridsync"
    packages.write_package(target, manifest, rows_file.read_bytes(), own_keys(a1.path),
                           trusted(a1.path, net.street.db.replica_id))
    before = _state(net.street)
    [result] = net.street.take([target])
    assert result.status == "refused" and "another office" in str(result.error)
    assert _state(net.street) == before


# --- conflicts --------------------------------------------------------------------------

def test_both_sides_edit_one_field_the_same_winner_everywhere_loser_kept(net):
    a1, a2 = net["a1"], net["a2"]
    org = _org(a1, "第一党支部")
    a1.set_org(org, name="第一党支部（甲）")
    a2.set_org(org, name="第一党支部（乙）")
    net.settle()
    net.assert_converged()
    names = {pc.name: pc.rows("SELECT name FROM org WHERE id = ?", (org,))[0][0]
             for pc in (a1, a2, net.street)}
    assert len(set(names.values())) == 1
    winner = names["a1"]
    loser = "第一党支部（甲）" if winner.endswith("（乙）") else "第一党支部（乙）"
    for pc in (a1, a2, net.street):
        [conflict] = pc.sync.conflicts()
        assert conflict.kind == "edit" and conflict.fields == ("name",)
        assert conflict.other["name"] == loser and conflict.current["name"] == winner
        # The parent organisation is shown by its name, not its id.
        assert conflict.refs[conflict.current["parent_id"]] == "幸福里社区党委"


def test_edits_of_different_fields_merge_without_a_conflict(net):
    a1, a2 = net["a1"], net["a2"]
    org = _org(a1, "第二党支部")
    a1.set_org(org, short_name="二支")
    a2.set_org(org, sort_order=7)
    net.settle()
    net.assert_converged()
    for pc in (a1, a2, net.street):
        assert pc.rows("SELECT short_name, sort_order FROM org WHERE id = ?",
                       (org,)) == [("二支", 7)]
        assert pc.sync.conflicts() == []


def test_an_edit_beats_a_delete_and_the_delete_is_logged(net):
    a1, a2 = net["a1"], net["a2"]
    org = _org(a1, "第二党支部")
    a1.set_org(org, deleted=True)
    a2.set_org(org, short_name="还在")
    net.settle()
    net.assert_converged()
    for pc in (a1, a2, net.street):
        assert pc.rows("SELECT deleted, short_name FROM org WHERE id = ?", (org,)) == [(0, "还在")]
        [conflict] = pc.sync.conflicts()
        assert conflict.kind == "delete" and conflict.other["deleted"] == 1


def _household(pc):
    with pc.db.write() as session:
        grid = Grid(code="01", name="第一网格")
        session.add(grid)
        session.flush()
        building = Building(grid_id=grid.id, number="1")
        session.add(building)
        session.flush()
        house = House(building_id=building.id, unit="1", room="101")
        session.add(house)
        session.flush()
        household = Household(house_id=house.id, grid_id=grid.id)
        session.add(household)
        session.flush()
        session.add(Resident(household_id=household.id, name="张三", sex="male",
                             relation="head"))
        return household.id


def test_household_deleted_while_a_resident_is_added_comes_back(net):
    a1, a2 = net["a1"], net["a2"]
    household = _household(a1)
    net.settle()
    with a1.db.write() as session:
        for resident in session.exec(select(Resident).where(
                Resident.household_id == household)):
            resident.deleted = True
        session.get(Household, household).deleted = True
    with a2.db.write() as session:
        session.add(Resident(household_id=household, name="李四", sex="female", relation="spouse"))
    net.settle()
    net.assert_converged()
    for pc in (a1, a2, net.street):
        assert pc.rows("SELECT deleted FROM household WHERE id = ?", (household,)) == [(0,)]
        assert pc.rows("SELECT name FROM resident WHERE NOT deleted") == [("李四",)]
        kinds = [(c.table, c.kind) for c in pc.sync.conflicts()]
        assert ("household", "delete") in kinds


def test_identity_fields_go_to_review_not_merged(net):
    a1, a2 = net["a1"], net["a2"]
    with a1.db.write() as session:
        member = Member(name="王五", sex="male", status="probationary",
                        id_number="110101199003071234", **_member_extra())
        session.add(member)
        session.flush()
        member_id = member.id
    net.settle()
    with a1.db.write() as session:
        session.get(Member, member_id).status = "full"
    with a2.db.write() as session:
        session.get(Member, member_id).mobile = "13800138000"
    net.settle()
    net.assert_converged()
    for pc in (a1, a2, net.street):
        [conflict] = pc.sync.conflicts()
        assert conflict.kind == "identity" and "status" in conflict.fields


def test_the_same_id_number_at_two_offices_is_kept_twice_and_flagged(net):
    a1, b1 = net["a1"], net["b1"]
    number = "11010519491231002X"
    for pc, name in ((a1, "赵六"), (b1, "赵六")):
        with pc.db.write() as session:
            session.add(Member(name=name, sex="female", id_number=number, status="full",
                               **_member_extra()))
    net.settle()
    assert net.street.rows("SELECT count(*) FROM member WHERE id_number = ?", (number,)) == [(2,)]
    [(found, first, second, who)] = net.street.sync.duplicates_across_offices()
    assert found == number and who == "赵六" and first != second
    # Two PCs of one community registering the same person: both kept, flagged.
    a2 = net["a2"]
    other = "110105194912310021"
    for pc in (a1, a2):
        with pc.db.write() as session:
            session.add(Member(name="钱七", sex="male", id_number=other, status="full",
                               **_member_extra()))
    net.settle()
    net.assert_converged()
    for pc in (a1, a2, net.street):
        kinds = [c.kind for c in pc.sync.conflicts() if c.table == "member"]
        assert kinds == ["duplicate"]
    [dup] = a1.sync.conflicts()
    a1.sync.resolve(dup.id, "same_person")
    net.settle()
    net.assert_converged()
    for pc in (a1, a2, net.street):
        assert pc.rows("SELECT count(*) FROM member WHERE id_number = ? AND NOT deleted",
                       (other,)) == [(1,)]
        assert pc.rows("SELECT count(*) FROM member WHERE id_number = ?", (other,)) == [(2,)]
        assert pc.sync.conflicts() == []


def _member_extra():
    import datetime as dt

    return {"birth_date": dt.date(1949, 12, 31), "join_date": dt.date(1970, 7, 1),
            "category": "direct"}


@pytest.mark.parametrize("days", [3, -3])
def test_a_sender_clock_days_off_is_stored_marked_and_not_adopted(net, days):
    a1, a2 = net["a1"], net["a2"]
    off = days * DAY_MS
    a1.db.clock = HybridClock(a1.db.clock.last, wall=lambda: wall_millis() + off)
    a1.sync._wall_ms = lambda: wall_millis() + off  # noqa: SLF001 - the manifest's clock
    org = _org(a1, "第一党支部")
    a2.set_org(org, name="第一党支部（本机）")
    a1.set_org(org, name="第一党支部（时钟错）")
    net.settle()
    net.assert_converged()
    from gridoffice.domain.hlc import unpack

    assert unpack(net.street.db.clock.last)[0] < wall_millis() + 11 * 60 * 1000
    expected = "第一党支部（时钟错）" if days > 0 else "第一党支部（本机）"
    [conflict] = net.street.sync.conflicts()
    assert conflict.current["name"] == expected
    assert conflict.clock_suspect
    status = {s.pc_label: s for s in net.street.sync.status()}
    assert abs(status["1号机"].clock_offset_ms - off) < 60_000


def test_resolving_a_conflict_travels_and_closes_it_everywhere(net):
    a1, a2 = net["a1"], net["a2"]
    org = _org(a1, "第一党支部")
    a1.set_org(org, name="甲支部", short_name="甲")
    a2.set_org(org, name="乙支部", short_name="乙")
    net.settle()
    [conflict] = a2.sync.conflicts()
    a2.sync.resolve(conflict.id, {"name": "other", "short_name": "current"})
    net.settle()
    net.assert_converged()
    state = a1.rows("SELECT name, short_name FROM org WHERE id = ?", (org,))[0]
    assert {state[0], state[1]} and state[0] == conflict.other["name"]
    assert state[1] == conflict.current["short_name"]
    for pc in (a1, a2, net.street):
        assert pc.sync.conflicts() == []
        [done] = pc.sync.conflicts(include_resolved=True)
        assert done.resolution == "combined"
    with pytest.raises(UserError):
        a1.sync.resolve(conflict.id, "keep")


def test_the_street_sends_its_work_units_down_and_they_stay_its_own(net):
    from gridoffice.services import demo
    from gridoffice.services.inservice import InServiceService, WorkUnitDraft

    summary = demo.fill(net.street.db)
    assert summary.work_units > 0 and summary.orgs == 0
    net.settle()
    net.assert_converged()
    a1 = net["a1"]
    units = InServiceService(a1.db, "王芳").work_units()
    assert len(units) == summary.work_units
    assert net["b1"].rows("SELECT count(*) FROM work_unit") == [(summary.work_units,)]
    before = _state(a1)
    with pytest.raises(UserError):  # the street's record: changed at the street
        InServiceService(a1.db, "王芳").update_work_unit(
            units[0].id, WorkUnitDraft(units[0].name + "（改）"))
    assert _state(a1) == before


def test_a_batch_of_packages_keeps_one_backup_of_the_data_before_it(net):
    """At a street office every backup copies the whole street: one before the batch,
    not one per package (each package is still all or nothing)."""
    from gridoffice import paths
    from gridoffice.services import backups

    street_backups = paths.resolve(net.street.folder).backup_dir
    before = net.street.digests()
    files = [*net["a1"].export(), *net["a2"].export(), *net["b1"].export()]
    results = net.street.take(files)
    assert [r.status for r in results] == ["applied"] * 3
    kept = [b for b in backups.backups(street_backups) if b.kind == "before_sync"]
    assert len(kept) == 1
    conn = sql.connect(kept[0].file)
    try:
        assert digest.digests(conn) == before
    finally:
        conn.close()
    net["a1"].set_org(_org(net["a1"], "第一党支部"), short_name="再次同步")
    assert [r.status for r in net.up("a1")] == ["applied"]  # a later import makes its own
    [newer] = [b for b in backups.backups(street_backups) if b.kind == "before_sync"]
    assert newer.file != kept[0].file  # (the rotation keeps the newest of a day)


def test_an_import_keeps_a_before_sync_backup_and_a_restore_gets_a_new_incarnation(net):
    from gridoffice import paths
    from gridoffice.services import backups

    a1 = net["a1"]
    street_backups = paths.resolve(net.street.folder).backup_dir
    a1.set_org(_org(a1, "第一党支部"), short_name="同步前")
    before = net.street.digests()
    [result] = net.up("a1")
    assert result.status == "applied"
    [kept] = [b for b in backups.backups(street_backups) if b.kind == "before_sync"]
    assert backups.verify(kept.file) is None
    conn = sql.connect(kept.file)
    try:
        assert digest.digests(conn) == before  # the data as it was before the import
    finally:
        conn.close()
    # A1 is restored from a backup made before its last export: its next package
    # starts a new incarnation (and is applied, not refused as a fork).
    a1_paths = paths.resolve(a1.folder)
    made = backups.create(a1.path, a1_paths.backup_dir, "manual")
    a1.set_org(_org(a1, "第一党支部"), short_name="备份后")
    assert all(r.ok for r in net.up("a1"))
    incarnation = a1.rows("SELECT value FROM meta WHERE key = 'incarnation'")
    a1.close()
    backups.restore(a1.path, a1_paths.backup_dir, made.file, None)
    a1.open()
    a1.set_org(_org(a1, "第二党支部"), short_name="恢复后")
    [again] = net.up("a1")
    assert again.status == "applied", again.error
    assert a1.rows("SELECT value FROM meta WHERE key = 'incarnation'") != incarnation
