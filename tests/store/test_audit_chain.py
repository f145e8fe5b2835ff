"""The audit log is a hash chain: an entry edited or removed with an outside SQLite
tool (after dropping the append-only triggers) is found, and named, by ``verify``,
``gridoffice-cli audit verify`` and the window's check after it shows."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gridoffice import cli, paths
from gridoffice.services import audit
from gridoffice.services.audit import AuditService
from gridoffice.store import audit as store_audit
from gridoffice.store import migrations
from gridoffice.store.files import open_database
from tests import sql

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def tamper(path: Path, *statements: str) -> None:
    """What an outside SQLite tool can do: drop the triggers, then change the log."""
    conn = sql.connect(path)
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def verify(path: Path) -> store_audit.Broken | None:
    conn = sql.connect(path)
    try:
        return store_audit.verify(conn)
    finally:
        conn.close()


@pytest.fixture
def logged(db):
    service = AuditService(db, "王芳")
    for target in ("roster", "orgs", "grid_summary", "care_list:low_income"):
        service.record("print", target, f"{target}.pdf")
    service.record("reveal_identity", "r-1", "张伟")
    return db


def test_entries_chain_and_read_back_with_filters(logged):
    path = logged.path
    assert verify(path) is None and audit.chain_error(path) is None
    rows = audit.entries(path)
    assert [r.action for r in rows] == ["print"] * 4 + ["reveal_identity"]
    assert [r.target for r in audit.entries(path, action="print")][:2] == ["roster", "orgs"]
    assert audit.entries(path, operator="李娜") == []
    assert len(audit.entries(path, since="2000-01-01")) == 5
    assert audit.entries(path, since="2999-01-01") == []
    conn = sql.connect(path)
    links = conn.execute("SELECT prev_hash, hash FROM audit_log ORDER BY seq").fetchall()
    conn.close()
    assert links[0][0] == "" and all(b[0] == a[1] for a, b in zip(links, links[1:], strict=False))


def test_the_file_still_refuses_updates_and_deletes(logged):
    conn = sql.connect(logged.path)
    for statement in ("UPDATE audit_log SET detail = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(sql.IntegrityError, match="append-only"):
            conn.execute(statement)
    conn.close()


@pytest.mark.parametrize(("statement", "seq", "kind"), [
    ("UPDATE audit_log SET detail = 'nothing' WHERE seq = 3", 3, "edited"),
    ("UPDATE audit_log SET operator = '李娜' WHERE seq = 1", 1, "edited"),
    ("UPDATE audit_log SET hash = 'x', detail = 'y' WHERE seq = 5", 5, "edited"),
    ("DELETE FROM audit_log WHERE seq = 2", 3, "missing"),
    ("DELETE FROM audit_log WHERE seq = 1", 2, "missing"),
    ("DELETE FROM audit_log WHERE seq >= 4", 4, "truncated"),
])
def test_an_outside_change_is_found_at_its_entry(logged, capsys, statement, seq, kind):
    path = logged.path
    logged.close()
    tamper(path, statement)
    assert verify(path) == store_audit.Broken(seq, kind)
    error = audit.chain_error(path)
    assert error is not None
    assert f"entry {seq} " in error.english() or f"number {seq} " in error.english()
    data_dir = str(path.parent)
    assert cli.main(["--data-dir", data_dir, "audit", "verify"]) == 1
    assert f"{seq}" in capsys.readouterr().err


def test_the_command_line_lists_and_verifies(logged, capsys):
    data_dir = str(logged.path.parent)
    assert cli.main(["--data-dir", data_dir, "audit", "verify"]) == 0
    assert "5" in capsys.readouterr().out
    assert cli.main(["--data-dir", data_dir, "audit", "list", "--action", "reveal_identity",
                     "--json"]) == 0
    import json

    [entry] = json.loads(capsys.readouterr().out)
    assert (entry["operator"], entry["target"], entry["detail"]) == ("王芳", "r-1", "张伟")
    assert cli.main(["--data-dir", data_dir, "audit", "list", "--user", "王芳"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 5


def test_an_old_log_is_chained_when_the_file_is_upgraded(tmp_path):
    """A version 7 file with entries: the upgrade chains them, and new ones follow."""
    app_paths = paths.resolve(tmp_path / "data")
    app_paths.data_dir.mkdir(parents=True)
    shutil.copy(FIXTURES / "schema_v7.sqlite3", app_paths.database)
    conn = sql.connect(app_paths.database)
    conn.executemany("INSERT INTO audit_log (at, operator, action, target, detail) "
                     "VALUES (?, ?, ?, ?, ?)",
                     [("2026-05-01T09:00:00", "王芳", "print", "roster", "a.pdf"),
                      ("2026-05-02T09:00:00", "王芳", "export", "members", "b.xlsx")])
    conn.commit()
    conn.close()
    opened = open_database(app_paths)
    assert opened.schema_version == migrations.current_version()
    assert verify(opened.path) is None
    from gridoffice.store.database import Database

    db = Database(opened.path)
    AuditService(db, "李娜").record("print", "orgs", "c.pdf")
    db.close()
    assert verify(opened.path) is None
    assert [r.target for r in audit.entries(opened.path)][-3:] == ["roster", "members", "orgs"]


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(st.tuples(texts, texts, texts), min_size=1, max_size=8),
       data=st.data())
def test_any_log_verifies_and_any_edit_is_found(tmp_path_factory, entries, data):
    folder = tmp_path_factory.mktemp("chain")
    conn = sql.connect(folder / "log.sqlite3")
    conn.execute("CREATE TABLE audit_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT, "
                 "operator TEXT, action TEXT, target TEXT, detail TEXT, prev_hash TEXT, "
                 "hash TEXT)")
    for operator, target, detail in entries:
        store_audit.record_sql(conn, operator, "print", target, detail)
    assert store_audit.verify(conn) is None
    seq = data.draw(st.integers(1, len(entries)))
    field = data.draw(st.sampled_from(["at", "operator", "action", "target", "detail"]))
    conn.execute(f"UPDATE audit_log SET {field} = {field} || '!' WHERE seq = ?", (seq,))
    assert store_audit.verify(conn) == store_audit.Broken(seq, "edited")
    conn.close()
