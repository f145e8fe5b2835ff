"""A street office and its community PCs as real data folders that trust each
other, for sync tests: each PC exports into its own outbox folder."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from gridoffice import paths
from gridoffice.services import office, sync_trust
from gridoffice.services.sync import SyncService
from gridoffice.store import digest
from gridoffice.store.database import Database
from gridoffice.store.files import connect, open_database
from gridoffice.store.tables import Org
from gridoffice.sync.digests import scope_digests, version_digests
from tests import sql

STREET = "幸福街道"


@dataclass
class Pc:
    name: str
    folder: Path
    db: Database = field(init=False)
    sync: SyncService = field(init=False)

    def __post_init__(self) -> None:
        self.open()

    def open(self) -> None:
        self.db = Database(paths.resolve(self.folder).database)
        self.sync = SyncService(self.db)

    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def outbox(self) -> Path:
        box = self.folder.parent / f"{self.name}-out"
        box.mkdir(exist_ok=True)
        return box

    def export(self, to: str | None = None) -> list[Path]:
        return [r.path for r in self.sync.export(self.outbox, to)]

    def take(self, files: list[Path]):
        return self.sync.import_files(files)

    def digests(self, owners: tuple[str, ...] | None = None) -> dict[str, str]:
        conn = connect(self.path, read_only=True)
        try:
            if owners is None:
                return digest.digests(conn)
            return version_digests(conn, owners)
        finally:
            conn.close()

    def kept_digests(self, owners: tuple[str, ...]) -> dict[str, str]:
        """The digests as export and import keep them up to date (not stored here)."""
        conn = connect(self.path)
        try:
            conn.execute("BEGIN")
            return scope_digests(conn, owners)
        finally:
            conn.execute("ROLLBACK")
            conn.close()

    def rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        conn = connect(self.path, read_only=True)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()

    def raw_bytes(self) -> bytes:
        """The whole database as one byte string (after a checkpoint)."""
        conn = sql.connect(self.path)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        return self.path.read_bytes()

    def set_org(self, org_id: str, **values) -> None:
        with self.db.write() as session:
            org = session.get(Org, org_id)
            for key, value in values.items():
                setattr(org, key, value)

    def add_org(self, name: str, parent_id: str | None = None) -> str:
        with self.db.write() as session:
            org = Org(name=name, org_type="branch" if parent_id else "committee",
                      parent_id=parent_id)
            session.add(org)
            session.flush()
            return org.id

    def close(self) -> None:
        self.db.close()


def make_folder(root: Path, name: str, role: str, community: str = "", pc: str = "") -> Path:
    folder = root / name
    opened = open_database(paths.resolve(folder))
    profile = office.OfficeProfile(community if role == "community" else STREET, STREET,
                                   role, "王芳")
    office.setup_office(opened.path, profile, pc)
    return folder


class Net:
    """``street`` plus community PCs by name, e.g. {"a1": ("幸福里社区", "1号机")}."""

    def __init__(self, root: Path, pcs: dict[str, tuple[str, str]]) -> None:
        self.root = root
        folders = {"street": make_folder(root, "street", "street")}
        for name, (community, label) in pcs.items():
            folders[name] = make_folder(root, name, "community", community, label)
        ids = {}
        for name, folder in folders.items():
            ids[name] = root / f"{name}.gridid"
            sync_trust.export_identity(paths.resolve(folder).database, ids[name])
        street_db = paths.resolve(folders["street"]).database
        for name, folder in folders.items():
            if name != "street":
                sync_trust.trust(street_db, ids[name])
                sync_trust.trust(paths.resolve(folder).database, ids["street"])
        self.pcs = {name: Pc(name, folder) for name, folder in folders.items()}

    @classmethod
    def copy(cls, template: Path, root: Path) -> Net:
        """A fresh copy of a net made earlier (setting one up makes keys: slow)."""
        shutil.copytree(template, root)
        net = cls.__new__(cls)
        net.root = root
        net.pcs = {p.name: Pc(p.name, p) for p in sorted(root.iterdir())
                   if p.is_dir() and not p.name.endswith("-out")}
        return net

    def __getitem__(self, name: str) -> Pc:
        return self.pcs[name]

    @property
    def street(self) -> Pc:
        return self.pcs["street"]

    def communities(self) -> dict[str, list[Pc]]:
        result: dict[str, list[Pc]] = {}
        for pc in self.pcs.values():
            if pc.name != "street":
                result.setdefault(pc.db.office_id, []).append(pc)
        return result

    def up(self, name: str):
        """One PC sends to the street office, which imports."""
        return self.street.take(self[name].export())

    def down(self, name: str):
        """The street office sends to one PC, which imports."""
        return self[name].take(self.street.export(to=self[name].db.replica_id))

    def settle(self, rounds: int = 2) -> None:
        """Everything delivered: every PC up, then down to every PC, twice."""
        for _ in range(rounds):
            for name in self.pcs:
                if name != "street":
                    assert all(r.ok for r in self.up(name))
            for name in self.pcs:
                if name != "street":
                    assert all(r.ok for r in self.down(name))

    def assert_converged(self) -> None:
        street_id = self.street.db.office_id
        for office_id, pcs in self.communities().items():
            scope = (office_id, street_id)
            want = self.street.digests(scope)
            for pc in [*pcs, self.street]:
                assert pc.kept_digests(scope) == want, pc.name
            for pc in pcs:
                assert pc.digests(scope) == want, pc.name
                assert pc.digests() == pcs[0].digests(), pc.name

    def close(self) -> None:
        for pc in self.pcs.values():
            pc.close()


def freeze(net: Net) -> Path:
    """Settle, close and empty the outboxes: a template for :func:`opened_copy`."""
    net.settle()
    net.close()
    for box in net.root.glob("*-out"):
        shutil.rmtree(box)
    return net.root


@contextlib.contextmanager
def opened_copy(template: Path, target: Path) -> Iterator[Net]:
    made = Net.copy(template, target)
    try:
        yield made
    finally:
        made.close()


def id_number_conflict(net: Net, first: Pc, second: Pc, numbers: tuple[str, str]) -> str:
    """A member both PCs of one community then give different id numbers (an
    identity conflict once settled); the member's id."""
    import datetime as dt

    from gridoffice.store.tables import Member

    with first.db.write() as session:
        member = Member(name="王五", sex="male", status="full", category="direct",
                        id_number="110101199003071234", birth_date=dt.date(1990, 3, 7))
        session.add(member)
        session.flush()
        member_id = member.id
    net.settle()
    for pc, number in zip((first, second), numbers, strict=True):
        with pc.db.write() as session:
            session.get(Member, member_id).id_number = number
    net.settle()
    return member_id
