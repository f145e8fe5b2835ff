"""``gridoffice-cli backup …`` on real data folders: create, list (--json), verify (exit 1
with the reason), restore with its preview (nothing changes without --yes; --yes needs
the administrator), and a restore killed with SIGKILL leaves the old file or the new."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gridoffice import cli, paths
from gridoffice.store import digest
from tests import sql
from tests.conftest import ROOT, copy_demo


@pytest.fixture
def data(demo_templates, tmp_path) -> Path:
    return copy_demo(demo_templates(3), tmp_path)


def _run(capsys, data: Path, *argv: str) -> tuple[int, str, str]:
    code = cli.main(["--data-dir", str(data), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _digests(path: Path) -> dict[str, str]:
    conn = sql.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return digest.digests(conn)
    finally:
        conn.close()


def test_create_list_verify_and_restore(data, capsys, monkeypatch):
    db = paths.resolve(data).database
    code, out, _ = _run(capsys, data, "backup", "create")
    assert code == cli.EXIT_OK and "backup written" in out
    code, out, _ = _run(capsys, data, "backup", "list", "--json")
    [row] = json.loads(out)
    assert row["kind"] == "manual" and row["counts"]["members"] > 0 and not row["damaged"]
    name = Path(row["file"]).name
    assert _run(capsys, data, "backup", "verify", name)[0] == cli.EXIT_OK
    before = _digests(db)
    conn = sql.connect(db)
    conn.execute("UPDATE org SET name = '改过的名字', hlc = hlc + 1000000000 WHERE rowid = 1")
    conn.commit()
    conn.close()
    changed = _digests(db)
    code, out, _ = _run(capsys, data, "backup", "restore", name)
    assert code == cli.EXIT_OK and "改过的名字" in out and "--yes" in out
    assert _digests(db) == changed  # a preview only
    code, out, err = _run(capsys, data, "backup", "restore", name, "--yes")
    assert code == cli.EXIT_OK, err
    assert _digests(db) == before
    kinds = [r["kind"] for r in json.loads(_run(capsys, data, "backup", "list", "--json")[1])]
    assert "before_restore" in kinds


def test_verify_names_a_damaged_backup_and_exits_1(data, capsys, tmp_path):
    out_file = tmp_path / "copy.sqlite3"
    assert _run(capsys, data, "backup", "create", "-o", str(out_file))[0] == cli.EXIT_OK
    assert out_file.exists() and Path(str(out_file) + ".json").exists()
    raw = bytearray(out_file.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    out_file.write_bytes(bytes(raw))
    code, _out, err = _run(capsys, data, "backup", "verify", str(out_file))
    assert code == cli.EXIT_FAILED and "copy.sqlite3" in err and "manifest" in err
    code, _out, err = _run(capsys, data, "backup", "restore", str(out_file), "--yes")
    assert code == cli.EXIT_FAILED


def test_restore_and_its_preview_need_the_administrator(data, capsys, monkeypatch):
    assert _run(capsys, data, "backup", "create")[0] == cli.EXIT_OK
    name = Path(json.loads(_run(capsys, data, "backup", "list", "--json")[1])[0]["file"]).name
    monkeypatch.setenv("GRIDOFFICE_PASSWORD", "admin-pass-1")
    assert _run(capsys, data, "user", "add", "admin", "--role", "admin")[0] == cli.EXIT_OK
    monkeypatch.setenv("GRIDOFFICE_NEW_PASSWORD", "viewer-pass-1")
    assert _run(capsys, data, "--user", "admin", "user", "add", "lisi",
                "--role", "viewer")[0] == cli.EXIT_OK
    db = paths.resolve(data).database
    before = _digests(db)
    monkeypatch.setenv("GRIDOFFICE_PASSWORD", "viewer-pass-1")
    code, _out, err = _run(capsys, data, "--user", "lisi", "backup", "restore", name, "--yes")
    assert code == cli.EXIT_FAILED and err
    assert _digests(db) == before
    code, out, err = _run(capsys, data, "--user", "lisi", "backup", "restore", name)
    assert code == cli.EXIT_FAILED and "现在 now" not in out  # not even the preview
    monkeypatch.setenv("GRIDOFFICE_PASSWORD", "admin-pass-1")
    code, _out, err = _run(capsys, data, "--user", "admin", "backup", "restore", name, "--yes")
    assert code == cli.EXIT_OK, err


@pytest.mark.parametrize("delay", [0.3, 0.6, 0.9, 1.2])
def test_a_restore_killed_midway_leaves_the_old_or_the_new_data(data, capsys, delay):
    db = paths.resolve(data).database
    assert _run(capsys, data, "backup", "create")[0] == cli.EXIT_OK
    name = Path(json.loads(_run(capsys, data, "backup", "list", "--json")[1])[0]["file"]).name
    after = _digests(db)  # what the restore brings back
    conn = sql.connect(db)
    conn.execute("UPDATE resident SET name = name || '改', hlc = hlc + 1000000000")
    conn.commit()
    conn.close()
    before = _digests(db)
    env = {k: v for k, v in os.environ.items() if k != "GRIDOFFICE_DATA_DIR"}
    env["PYTHONPATH"] = str(ROOT)
    child = subprocess.Popen([sys.executable, "-m", "gridoffice.cli", "--data-dir", str(data),
                              "backup", "restore", name, "--yes"], env=env, cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    now = _digests(db)  # opens and checks the file (and recovers a cut WAL)
    assert now in (before, after)
