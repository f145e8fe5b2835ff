"""Every package written and imported is in the audit log, recorded in the same
transaction as the sync bookkeeping (a package never exists without its entry)."""

from __future__ import annotations

from gridoffice import cli
from tests import sql


def audit_rows(data_dir, action):
    conn = sql.connect(data_dir / "gridoffice.sqlite3")
    try:
        return conn.execute("SELECT operator, action, target, detail FROM audit_log "
                            "WHERE action = ?", (action,)).fetchall()
    finally:
        conn.close()


def run(data_dir, *args):
    assert cli.main(["--data-dir", str(data_dir), *args]) == 0


def test_export_and_import_are_audited(tmp_path):
    street, pc = tmp_path / "street", tmp_path / "pc"
    run(street, "setup", "--role", "street", "--street", "幸福街道", "--operator", "张伟")
    run(pc, "setup", "--role", "community", "--street", "幸福街道", "--community", "幸福里社区",
        "--operator", "王芳")
    run(street, "sync", "identity", "-o", str(tmp_path / "street.gridid"))
    run(pc, "sync", "identity", "-o", str(tmp_path / "pc.gridid"))
    run(street, "sync", "trust", str(tmp_path / "pc.gridid"))
    run(pc, "sync", "trust", str(tmp_path / "street.gridid"))
    usb = tmp_path / "usb"
    usb.mkdir()
    assert audit_rows(pc, "sync_export") == []
    run(pc, "sync", "export", "-o", str(usb))
    [package] = list(usb.glob("*.gridsync"))
    [(operator, _action, target, detail)] = audit_rows(pc, "sync_export")
    assert operator == "王芳" and target == "幸福街道"
    run(street, "sync", "import", str(package))
    [(operator, _action, target, detail)] = audit_rows(street, "sync_import")
    assert operator == "张伟" and package.name in detail
    run(street, "sync", "import", str(package))  # already imported: nothing new happened
    assert len(audit_rows(street, "sync_import")) == 1
