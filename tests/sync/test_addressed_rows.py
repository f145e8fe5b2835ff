"""A street's row addressed to one community (an answer about that community's record,
such as the dispatch of an order it sent up) reaches that community only: the others
never receive it, every PC's digests of a community's data still agree, pending
counts follow, and an addressed row smuggled to another community is refused.

The rows live in a table made here on every PC, with the sync columns and the
address column: no table of the program uses addresses yet."""

from __future__ import annotations

import zipfile

import pytest

from gridoffice.domain.hlc import wall_millis
from gridoffice.errors import UserError
from gridoffice.store import migrations
from gridoffice.store.files import connect

from .net import Net, freeze, opened_copy

TABLE = "answer_note"


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    root = tmp_path_factory.mktemp("addressed") / "net"
    net = Net(root, {"a1": ("幸福里社区", "1号机"), "a2": ("幸福里社区", "2号机"),
                     "b1": ("和平里社区", "")})
    for pc in net.pcs.values():
        conn = connect(pc.path)
        try:
            conn.execute("BEGIN")
            for statement in migrations._synced_table(
                    TABLE, "addressed_to TEXT, body TEXT NOT NULL").split(";\n"):
                if statement.strip():
                    conn.execute(statement)
            migrations.sync_bookkeeping(conn, TABLE)
            conn.execute("COMMIT")
        finally:
            conn.close()
    return freeze(net)


@pytest.fixture
def net(template, tmp_path):
    with opened_copy(template, tmp_path / "net") as made:
        yield made


def write(pc, row_id: str, body: str, to: str | None) -> None:
    """A row of ``pc``'s office, stamped as the program stamps one."""
    conn = connect(pc.path)
    try:
        conn.execute("BEGIN")
        hlc = wall_millis() << 16
        seq = conn.execute(f"SELECT coalesce(max(local_seq), 0) + 1 FROM {TABLE}").fetchone()[0]
        conn.execute(f"INSERT INTO {TABLE} (id, origin_office, hlc, writer, deleted, local_seq, "
                     "addressed_to, body) VALUES (?, ?, ?, ?, 0, ?, ?, ?)",
                     (row_id, pc.db.office_id, hlc, pc.db.replica_id, max(seq, hlc), to, body))
        conn.execute("COMMIT")
    finally:
        conn.close()


def bodies(pc) -> set[str]:
    return {row[0] for row in pc.rows(f"SELECT body FROM {TABLE}")}


def test_a_street_row_addressed_to_a_community_reaches_it_alone(net):
    street, a1, a2, b1 = net.street, net["a1"], net["a2"], net["b1"]
    a_office, b_office = a1.db.office_id, b1.db.office_id
    write(street, "s-a", "派单：幸福里的订单", a_office)
    write(street, "s-b", "派单：和平里的订单", b_office)
    write(street, "s-all", "街道通知", None)
    write(a1, "a-own", "幸福里自己的记录", None)
    pending = {s.pc_label or s.name: s.pending for s in street.sync.status()}
    assert pending["1号机"] == pending["2号机"] == 2 and pending["和平里社区"] == 2
    net.settle()
    assert bodies(a1) == bodies(a2) == {"派单：幸福里的订单", "街道通知", "幸福里自己的记录"}
    assert bodies(b1) == {"派单：和平里的订单", "街道通知"}
    assert bodies(street) == {"派单：幸福里的订单", "派单：和平里的订单", "街道通知",
                              "幸福里自己的记录"}
    net.assert_converged()  # the street's digests of each community's data count its rows
    for status in street.sync.status():
        assert status.digests_agree and status.pending == 0


def test_an_addressed_row_for_another_community_is_refused(net, tmp_path):
    """A package from the street carrying a row addressed to another community: the
    receiving PC refuses it whole and changes nothing."""
    street, b1 = net.street, net["b1"]
    write(street, "s-a", "派单：幸福里的订单", net["a1"].db.office_id)
    [package] = street.export(to=b1.db.replica_id)
    assert zipfile.is_zipfile(package)
    # the street's own export leaves it out: what b1 receives holds nothing for a1
    assert all(result.ok for result in b1.take([package]))
    assert "派单：幸福里的订单" not in bodies(b1)
    # addressed to b1 by mistake in the file itself: refused by b1's check of the rows
    from gridoffice.sync import rows as rowsfile

    conn = connect(b1.path)
    try:
        rowsfile.attach_memory(conn)
        conn.execute(f'CREATE TABLE payload."{TABLE}" AS SELECT * FROM main."{TABLE}" WHERE 0')
        conn.execute(f'INSERT INTO payload."{TABLE}" (id, origin_office, hlc, writer, deleted, '
                     "addressed_to, body) VALUES ('x', ?, 1, 'w', 0, ?, '别人的')",
                     (street.db.office_id, net["a1"].db.office_id))
        with pytest.raises(UserError):
            rowsfile.check_rows(conn, (b1.db.office_id, street.db.office_id))
        conn.execute(f'UPDATE payload."{TABLE}" SET addressed_to = ?', (b1.db.office_id,))
        assert rowsfile.check_rows(conn, (b1.db.office_id, street.db.office_id))[TABLE] == 1
    finally:
        conn.close()
