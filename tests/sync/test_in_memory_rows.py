"""A package's decrypted rows are made and read in memory: no staging file is
written anywhere, the package format stays an ordinary SQLite file image (packages
written the old way, through a staging file, still import and the other way
round), and a hostile or damaged rows image is refused before anything reads it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from gridoffice import paths
from gridoffice.errors import UserError
from gridoffice.services.sync_trust import own_keys, trusted
from gridoffice.store.files import connect
from gridoffice.sync import package as packages
from gridoffice.sync import rows as rowsfile

from .net import Net, Pc, freeze, opened_copy

DATABASE_FILES = {"gridoffice.sqlite3", "gridoffice.sqlite3-wal", "gridoffice.sqlite3-shm",
                  "gridoffice.sqlite3-journal"}


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    root = tmp_path_factory.mktemp("in-memory") / "net"
    root = freeze(Net(root, {"a1": ("幸福里社区", "1号机")}))
    a1 = Pc("a1", root / "a1")  # not sent yet
    committee = a1.add_org("幸福里社区党委")
    for number in range(30):
        a1.add_org(f"第{number + 1}党支部", parent_id=committee)
    a1.close()
    return root


@pytest.fixture
def net(template, tmp_path):
    with opened_copy(template, tmp_path / "net") as made:
        yield made


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


def _open(package: Path, recipient):
    return packages.read_package(
        package, keys=own_keys(recipient.path), office_id=recipient.db.office_id,
        replica_id=recipient.db.replica_id,
        trusted=lambda replica: trusted(recipient.path, replica))


def _repackage(source: Path, target: Path, sender, recipient, payload: bytes) -> Path:
    """``source`` signed again by its sender, carrying ``payload`` instead."""
    opened = _open(source, recipient)
    manifest = {k: v for k, v in opened.manifest.items() if k not in ("payload", "format")}
    packages.write_package(target, manifest, payload, own_keys(sender.path),
                           trusted(sender.path, recipient.db.replica_id))
    return target


def test_export_and_import_write_no_file_beside_the_package(net, monkeypatch):
    a1, street = net["a1"], net.street
    before = {pc.name: _files(pc.folder) for pc in (a1, street)}
    seen: list[tuple[str, set[str]]] = []

    def look(moment: str) -> None:
        for pc in (a1, street):
            seen.append((f"{moment} {pc.name}", _files(pc.folder) - before[pc.name]))

    copy_tables = rowsfile.copy_tables

    def copying(*args, **kwargs):
        look("before copy")
        result = copy_tables(*args, **kwargs)
        look("after copy")
        return result

    write_package = packages.write_package

    def writing(*args, **kwargs):
        look("writing")
        return write_package(*args, **kwargs)

    monkeypatch.setattr(rowsfile, "copy_tables", copying)
    monkeypatch.setattr(packages, "write_package", writing)
    [package] = a1.export()
    assert package.parent == a1.outbox  # outside the data folder

    def progress(done: int, total: int) -> bool:
        look(f"merge {done}/{total}")
        return True

    [result] = street.sync.import_files([package], progress)
    assert result.status == "applied" and result.inserted == 31
    look("after")
    moments = {moment.split()[0] for moment, _new in seen}
    assert {"before", "after", "writing", "merge"} <= moments
    assert sum(1 for moment, _new in seen if moment.startswith("merge")) >= 4
    for moment, new in seen:
        # Only the database's own files, the sync state file, the backup made
        # before the import: never a file with the rows.
        extra = {name for name in new if name not in DATABASE_FILES
                 and name != "sync-state.json" and not name.startswith("backups/")}
        assert extra == set(), moment
    for pc in (a1, street):
        private = paths.private_temp_dir(pc.folder)
        assert not private.exists() or list(private.iterdir()) == []


def _old_payload(pc, recipient, staging: Path) -> bytes:
    """The rows as the exporter made them before: a staging file, then its bytes."""
    conn = connect(pc.path)
    try:
        conn.execute("ATTACH DATABASE ? AS payload", (str(staging),))
        conn.execute("BEGIN")
        rowsfile.copy_rows(conn, 0, (pc.db.office_id,), peer=recipient.db.replica_id)
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE payload")
    finally:
        conn.close()
    return staging.read_bytes()


def test_a_package_written_the_old_way_still_imports(net, tmp_path):
    a1, street = net["a1"], net.street
    old = _old_payload(a1, street, tmp_path / "rows.sqlite3")
    [package] = a1.export()
    assert _open(package, street).payload != old  # made another way
    old_package = _repackage(package, tmp_path / "old.gridsync", a1, street, old)
    [result] = street.take([old_package])
    assert result.status == "applied" and result.inserted == 31 and result.digests_agree
    net.assert_converged()


def test_a_new_package_reads_the_old_way(net, tmp_path):
    """The rows image of a new package, written to a file and attached as the
    importer did before, passes the same checks with the same counts."""
    a1, street = net["a1"], net.street
    [package] = a1.export()
    opened = _open(package, street)
    staging = tmp_path / "rows.sqlite3"
    staging.write_bytes(opened.payload)
    conn = connect(street.path)
    try:
        conn.execute("ATTACH DATABASE ? AS payload", (str(staging),))
        counts = rowsfile.check_rows(conn, (a1.db.office_id,))
    finally:
        conn.close()
    assert {t: n for t, n in counts.items() if n} == opened.manifest["counts"] == {"org": 31}


def _image_with(net, tmp_path, damage: str | None) -> bytes:
    """A new package's rows image, changed by ``damage`` (SQL)."""
    a1, street = net["a1"], net.street
    [package] = a1.export()
    image = sqlite3.connect(":memory:")
    image.deserialize(_open(package, street).payload)
    if damage:
        image.executescript(damage)
    data = image.serialize()
    image.close()
    return data


DROP = 'DROP TABLE "work_unit";'  # room for one more table


@pytest.mark.parametrize(("damage", "problem"), [
    (f'{DROP}CREATE TABLE "org"" (id TEXT); --" (x)', "unknown table"),
    (f'{DROP}CREATE TABLE "evil\u202e" (id TEXT)', "unknown table 'evil\\u202e'"),
    (f'{DROP}CREATE TABLE "ORG2" (id TEXT)', "unknown table ORG2"),
    ("".join(f'CREATE TABLE "t{n}" (id TEXT);' for n in range(200)), "too many tables"),
    ('ALTER TABLE "org" ADD COLUMN "name"" FROM org; --" TEXT', "columns of org"),
    ('ALTER TABLE "org" ADD COLUMN extra TEXT', "columns of org"),
    ('ALTER TABLE "_history" ADD COLUMN extra TEXT', "columns of the version list"),
])
def test_hostile_names_are_refused_before_they_reach_a_statement(net, tmp_path, damage,
                                                                 problem):
    data = _image_with(net, tmp_path, damage)
    image = rowsfile.open_image(data)
    conn = connect(net.street.path)
    try:
        with pytest.raises(UserError) as refused:
            rowsfile.checked_tables(image, conn)
    finally:
        conn.close()
        image.close()
    assert problem in str(refused.value)


@pytest.mark.parametrize("damage", [
    'CREATE TABLE "evil" (id TEXT)',
    'ALTER TABLE "org" ADD COLUMN extra TEXT',
    "UPDATE org SET hlc = 'soon' WHERE rowid = 1",
])
def test_a_package_with_hostile_rows_is_refused_and_changes_nothing(net, tmp_path, damage):
    a1, street = net["a1"], net.street
    [package] = a1.export()
    bad = _repackage(package, tmp_path / "bad.gridsync", a1, street,
                     _image_with(net, tmp_path, damage))
    before = street.digests()
    [result] = street.take([bad])
    assert result.status == "refused"
    assert "not in the form this program expects" in str(result.error)
    assert street.digests() == before


@pytest.mark.parametrize("cut", ["garbage", "half", "header"])
def test_a_damaged_rows_image_says_the_package_is_damaged(net, tmp_path, cut):
    a1, street = net["a1"], net.street
    [package] = a1.export()
    good = _open(package, street).payload
    payload = {"garbage": b"not a database at all" * 100,
               "half": good[:len(good) // 2],
               "header": good[:100] + b"\xff" * (len(good) - 100)}[cut]
    bad = _repackage(package, tmp_path / "bad.gridsync", a1, street, payload)
    before = street.digests()
    [result] = street.take([bad])
    assert result.status == "refused"
    assert "damaged" in str(result.error)
    assert street.digests() == before


def test_the_copy_works_with_another_sqlite_binding(tmp_path):
    """The main connection will be an SQLCipher one (no serialize there): the copy
    helper only uses plain DB-API calls."""
    sqlcipher3 = pytest.importorskip("sqlcipher3")
    conn = sqlcipher3.connect(str(tmp_path / "secret.sqlite3"), isolation_level=None)
    try:
        conn.execute("PRAGMA key = 'test-key'")
        conn.execute("ATTACH DATABASE ':memory:' AS payload")
        conn.execute('CREATE TABLE payload."org" (id TEXT, name TEXT, photo BLOB, n INTEGER, '
                     "x REAL)")
        rows = [(f"id{n}", f"名称{n}", bytes([n % 256]) * n, n, n / 3) for n in range(3000)]
        rows.append(("big", "大", b"\0" * (6 * 2**20), None, None))
        conn.executemany('INSERT INTO payload."org" VALUES (?, ?, ?, ?, ?)', rows)
        image = rowsfile.rows_image(conn)
        data = image.serialize()
        image.close()
        back = rowsfile.open_image(data)
        conn.execute("ATTACH DATABASE ':memory:' AS again")
        conn.execute("BEGIN")
        counts = rowsfile.copy_tables(back, conn, [("org", ["id", "name", "photo", "n", "x"])],
                                      target_schema="again")
        conn.execute("COMMIT")
        back.close()
        assert counts == {"org": 3001}
        assert conn.execute('SELECT * FROM again."org" ORDER BY rowid').fetchall() == rows
        assert conn.execute("SELECT typeof(n), typeof(x) FROM again.\"org\" LIMIT 1"
                            ).fetchone() == ("integer", "real")
    finally:
        conn.close()


def _org_ids(net, tmp_path) -> list[str]:
    image = rowsfile.open_image(_image_with(net, tmp_path, None))
    try:
        return [row[0] for row in image.execute("SELECT id FROM org ORDER BY rowid")]
    finally:
        image.close()


@pytest.mark.parametrize(("char", "code"), [
    ("char(8238)", "U+202E"), ("char(0)", "U+0000"), ("char(27)", "U+001B"),
    ("char(127)", "U+007F"), ("char(133)", "U+0085"), ("char(8297)", "U+2069"),
])
def test_a_text_with_a_control_character_is_refused_in_chinese(net, tmp_path, char, code):
    """The check of every text a package carries (now one search over many rows'
    texts): the first such value, in the order the rows lie, is named with its field
    and character, in Chinese, and nothing is changed."""
    a1, street = net["a1"], net.street
    ids = _org_ids(net, tmp_path)
    [package] = a1.export()
    damage = (f"UPDATE org SET name = '第九' || {char} || '支部' WHERE rowid = 9;"
              f"UPDATE org SET short_name = {char} || '二支' WHERE rowid = 3;"
              f"UPDATE org SET sort_order = 7 WHERE rowid = 2;")
    bad = _repackage(package, tmp_path / "bad.gridsync", a1, street,
                     _image_with(net, tmp_path, damage))
    before = street.digests()
    [result] = street.take([bad])
    assert result.status == "refused"
    chinese = result.error.localized("zh_CN")
    assert chinese.startswith("同步包中的数据格式与本程序不符")
    assert f"org.short_name of {ids[2]} holds the character {code}" in chinese
    assert street.digests() == before


def test_tabs_and_line_breaks_in_a_package_are_kept(net, tmp_path):
    a1, street = net["a1"], net.street
    ids = _org_ids(net, tmp_path)
    [package] = a1.export()
    damage = "UPDATE org SET short_name = '甲' || char(9) || '乙' || char(13, 10) WHERE rowid = 4"
    good = _repackage(package, tmp_path / "good.gridsync", a1, street,
                      _image_with(net, tmp_path, damage))
    [result] = street.take([good])
    assert result.status == "applied" and result.inserted == 31
    assert street.rows("SELECT short_name FROM org WHERE id = ?", (ids[3],)) == [("甲\t乙\r\n",)]


def test_a_package_referring_to_a_record_neither_in_it_nor_here_is_refused(net, tmp_path):
    """The check that follows the merge looks at the records the import wrote (not at
    every record of the street): a branch whose committee is in neither copy."""
    a1, street = net["a1"], net.street
    [package] = a1.export()
    bad = _repackage(package, tmp_path / "bad.gridsync", a1, street, _image_with(
        net, tmp_path, "UPDATE org SET parent_id = 'no-such-org' WHERE rowid = 5"))
    before = street.digests()
    [result] = street.take([bad])
    assert result.status == "refused"
    assert "引用了既不在包内也不在本机的记录（org → org）" in result.error.localized("zh_CN")
    assert street.digests() == before
    [good] = street.take([package])  # the same rows as sent: their committee is in it
    assert good.status == "applied" and good.inserted == 31
