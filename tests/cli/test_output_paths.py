"""No output of the command line (ledger, export, sync package, identity file) is
written into the data folder, where it could replace the database, its -wal, a backup
or a key: each is refused with a plain message and the folder is left byte for byte."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from gridoffice import cli
from tests.conftest import cli_demo


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> Path:
    data = cli_demo(tmp_path_factory.mktemp("outputs") / "office", 2)
    (data / "backups").mkdir(exist_ok=True)
    shutil.copyfile(data / "gridoffice.sqlite3", data / "backups" / "gridoffice-old.sqlite3")
    (data / "gridoffice.sqlite3-wal").write_bytes(b"")
    return data


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


CASES = [
    ["ledger", "orgs", "-o", "{data}/gridoffice.sqlite3"],
    ["ledger", "orgs", "-o", "{data}/gridoffice"],
    ["ledger", "roster", "-o", "{data}/backups/roster.pdf"],
    ["ledger", "roster", "-o", "{data}/backups/gridoffice-old"],
    ["ledger", "orgs", "-o", "{data}/../office/orgs.pdf"],
    ["ledger", "unit-letters", "--period", "2026", "-o", "{data}/backups"],
    ["export", "roster", "{data}/gridoffice.sqlite3-wal"],
    ["export", "roster", "{data}/roster.xlsx"],
    ["export", "residents", "{data}/backups/residents.xlsx", "--full", "--reason", "核对"],
    ["sync", "identity", "-o", "{data}/gridoffice.sqlite3"],
    ["sync", "identity", "-o", "{data}/backups/gridoffice-old.sqlite3"],
    ["sync", "identity", "-o", "{link}/gridoffice.sqlite3"],
    ["sync", "export", "-o", "{data}/gridoffice.sqlite3-wal"],
    ["sync", "export", "-o", "{data}"],
]


@pytest.mark.parametrize("command", CASES, ids=lambda c: " ".join(c[:2] + c[-1:]))
def test_an_output_in_the_data_folder_is_refused(office, tmp_path, capsys, command):
    link = tmp_path / "link"
    link.symlink_to(office, target_is_directory=True)
    argv = [part.format(data=office, link=link) for part in command]
    before = snapshot(office)
    try:
        code = cli.main(["--data-dir", str(office), *argv])
    except SystemExit as exc:  # a usage error from argparse
        code = exc.code
    out, err = capsys.readouterr()
    assert code in (1, 2), out + err
    assert "Traceback" not in err
    assert "data folder" in err or "extension" in err, err
    assert snapshot(office) == before


def test_an_output_beside_the_data_folder_is_written(office, tmp_path, capsys):
    target = tmp_path / "orgs"
    assert cli.main(["--data-dir", str(office), "ledger", "orgs", "-o", str(target)]) == 0
    assert (tmp_path / "orgs.pdf").is_file()
