"""`export roster|residents --full` writes what `import` takes back unchanged, and the
audit log records it; the masked default is refused on import. Real subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from gridoffice.store.database import Database
from tests import sql
from tests.services.test_roundtrip import OTHERS, add_people

ROOT = Path(__file__).resolve().parents[2]


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GRIDOFFICE_DATA_DIR"}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "gridoffice.cli", "--data-dir", str(data_dir),
                           *args], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=300)


def audit(data_dir: Path) -> list[tuple[str, str, str]]:
    conn = sql.connect(data_dir / "gridoffice.sqlite3")
    try:
        return conn.execute(
            "SELECT action, target, detail FROM audit_log ORDER BY rowid").fetchall()
    finally:
        conn.close()


def test_full_exports_import_back_unchanged_and_are_audited(tmp_path):
    data = tmp_path / "office"
    assert cli(data, "demo", "--seed", "3").returncode == 0
    database = Database(data / "gridoffice.sqlite3")
    try:
        add_people(database)  # Hong Kong, Macau, Taiwan, a foreigner; in-service, mobile
    finally:
        database.close()
    before = json.loads(cli(data, "info", "--json").stdout)["digests"]
    roster, residents = tmp_path / "roster.xlsx", tmp_path / "residents.xlsx"
    for what, path in (("roster", roster), ("residents", residents)):
        done = cli(data, "export", what, str(path), "--full", "--reason", "上报街道")
        assert done.returncode == 0, done.stderr
    assert [row[:2] for row in audit(data)[-2:]] == [("export_full", "roster"),
                                                     ("export_full", "residents")]
    assert audit(data)[-1][2] == f"{residents}；事由：上报街道"
    for what, path in (("roster", roster), ("residents", residents)):
        for extra in (["--dry-run"], []):
            done = cli(data, "import", what, str(path), *extra)
            assert done.returncode == 0, done.stdout + done.stderr
            assert "0 新增 new, 0 更新 updates, 0 个问题 problems" in done.stdout
    after = json.loads(cli(data, "info", "--json").stdout)["digests"]
    assert after == before
    with sql.connect(data / "gridoffice.sqlite3") as conn:
        types = dict(conn.execute("SELECT name, id_type FROM resident WHERE name IN "
                                  f"({','.join('?' * len(OTHERS))})",
                                  [name for name, _n, _k in OTHERS]).fetchall())
    assert types == {name: kind for name, _n, kind in OTHERS}


def test_masked_export_is_the_default_and_is_refused_on_import(tmp_path):
    data = tmp_path / "office"
    assert cli(data, "demo", "--seed", "5").returncode == 0
    path = tmp_path / "roster.xlsx"
    assert cli(data, "export", "roster", str(path)).returncode == 0
    assert audit(data)[-1][:2] == ("export", "roster")
    again = cli(data, "import", "roster", str(path), "--dry-run")
    assert again.returncode == 1
    assert "masked" in again.stdout and "公民身份号码" in again.stdout
