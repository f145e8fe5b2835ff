"""A file of personal data never exists without its audit entry: the entry is committed
before the file takes its name, and when the database cannot take it (in use by another
program, read-only) nothing is written and the user is told why. Imports are audited."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from gridoffice import cli
from tests import sql
from tests.conftest import cli_demo


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    data = cli_demo(tmp_path_factory.mktemp("audited") / "office", 4)
    return data


@pytest.fixture
def office(template, tmp_path) -> Path:
    data = tmp_path / "office"
    shutil.copytree(template, data)
    return data


def audit_rows(data: Path) -> list[tuple[str, str, str]]:
    with sql.connect(data / "gridoffice.sqlite3") as conn:
        return conn.execute("SELECT action, target, detail FROM audit_log "
                            "ORDER BY rowid").fetchall()


def run(data: Path, *argv: str, capsys) -> tuple[int, str]:
    code = cli.main(["--data-dir", str(data), *argv])
    out, err = capsys.readouterr()
    return code, out + err


OUTPUTS = [
    ("ledger", "orgs", "-o", "{out}/orgs.pdf"),
    ("ledger", "roster", "-o", "{out}/roster.pdf"),
    ("export", "roster", "{out}/roster.xlsx"),
    ("export", "residents", "{out}/residents.xlsx", "--full", "--reason", "上报街道"),
]


@pytest.mark.parametrize("command", OUTPUTS, ids=lambda c: " ".join(c[:2]))
def test_an_output_is_written_with_exactly_one_audit_entry(office, tmp_path, capsys,
                                                           command):
    before = audit_rows(office)
    code, text = run(office, *[p.format(out=tmp_path) for p in command], capsys=capsys)
    assert code == 0, text
    new = audit_rows(office)[len(before):]
    assert len(new) == 1
    written = [p for p in tmp_path.iterdir() if p.is_file()]
    assert len(written) == 1 and written[0].suffix in (".pdf", ".xlsx")
    assert written[0].name in new[0][2]


@pytest.mark.parametrize("command", OUTPUTS, ids=lambda c: " ".join(c[:2]))
def test_no_output_while_another_program_holds_the_database(office, tmp_path, capsys,
                                                            command):
    out = tmp_path / "out"
    out.mkdir()
    before = audit_rows(office)
    holder = sql.connect(office / "gridoffice.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        code, text = run(office, *[p.format(out=out) for p in command], capsys=capsys)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 1, text
    assert "Traceback" not in text
    assert "in use by another program" in text
    assert list(out.iterdir()) == []
    assert audit_rows(office) == before


@pytest.mark.skipif(shutil.which("chattr") is None, reason="needs chattr")
def test_no_output_from_a_read_only_database(office, tmp_path, capsys):
    database = office / "gridoffice.sqlite3"
    before = database.read_bytes()
    if subprocess.run(["chattr", "+i", str(database)]).returncode != 0:
        pytest.skip("the file system has no immutable files")
    try:
        code, text = run(office, "export", "roster", str(tmp_path / "roster.xlsx"),
                         capsys=capsys)
    finally:
        subprocess.run(["chattr", "-i", str(database)], check=True)
    assert code == 1, text
    assert "Traceback" not in text
    assert "read-only" in text or "in use" in text, text
    assert not (tmp_path / "roster.xlsx").exists()
    assert [p for p in tmp_path.iterdir() if p.is_file()] == []
    assert database.read_bytes() == before


def test_a_roster_import_is_audited(office, tmp_path, capsys):
    exported = tmp_path / "roster.xlsx"
    assert run(office, "export", "roster", str(exported), "--full", "--reason", "核对",
               capsys=capsys)[0] == 0
    before = audit_rows(office)
    code, text = run(office, "import", "roster", str(exported), capsys=capsys)
    assert code == 0, text
    [(action, target, detail)] = audit_rows(office)[len(before):]
    assert (action, target) == ("import", "roster")
    assert "roster.xlsx" in detail
