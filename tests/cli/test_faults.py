"""Faults and refusals as the user meets them on the command line: a full disk, a
database another program holds, an empty database file, a package carrying a
control character, a demo killed half-way. Each is said plainly (no traceback),
and changes nothing."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from tests import sql

from .test_cli import ROOT, _roster_sheet, cli

IN_USE = "in use by another program"
DISK_FULL = "磁盘已满"


def _info(folder):
    return json.loads(cli("info", "--json", data_dir=folder, check=True).stdout)


def _plain(result, *words):
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


@pytest.fixture(scope="module")
def offices(tmp_path_factory):
    """A street office and a community with demo data that trust each other."""
    root = tmp_path_factory.mktemp("faults")
    street, community = root / "street", root / "community"
    cli("setup", "--role", "street", "--street", "幸福街道", data_dir=street, check=True)
    cli("setup", "--role", "community", "--street", "幸福街道", "--community", "幸福里社区",
        "--pc", "1号机", data_dir=community, check=True)
    for folder in (street, community):
        cli("sync", "identity", "-o", str(root / f"{folder.name}.gridid"), data_dir=folder,
            check=True)
    cli("sync", "trust", str(root / "community.gridid"), data_dir=street, check=True)
    cli("sync", "trust", str(root / "street.gridid"), data_dir=community, check=True)
    cli("demo", data_dir=community, check=True)
    return street, community


@pytest.fixture
def copies(offices, tmp_path):
    street, community = offices
    return (shutil.copytree(street, tmp_path / "street"),
            shutil.copytree(community, tmp_path / "community"))


@contextlib.contextmanager
def _held(folder):
    """Another program writing: a connection holding an exclusive lock."""
    conn = sql.connect(folder / "gridoffice.sqlite3", isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        conn.execute("ROLLBACK")
        conn.close()


def test_zero_length_database_is_refused_and_kept(tmp_path):
    data = tmp_path / "office"
    data.mkdir()
    (data / "gridoffice.sqlite3").write_bytes(b"")
    for args in (["info"], ["info", "--json"], ["demo"], ["export", "roster",
                                                          str(tmp_path / "r.xlsx")]):
        result = cli(*args, data_dir=data)
        _plain(result, "0 bytes")
        assert "空" in result.stderr
    assert sorted(p.name for p in data.iterdir()) == ["gridoffice.sqlite3"]
    assert (data / "gridoffice.sqlite3").read_bytes() == b""

    from gridoffice import paths
    from gridoffice.errors import StorageError
    from gridoffice.store.files import open_database

    with pytest.raises(StorageError):
        open_database(paths.resolve(data))
    assert (data / "gridoffice.sqlite3").read_bytes() == b""


def test_database_in_use_by_another_program(copies, tmp_path):
    street, community = copies
    outbox = tmp_path / "usb"
    outbox.mkdir()
    before = _info(community)
    with _held(community):
        _plain(cli("sync", "export", "-o", str(outbox), data_dir=community), IN_USE)
        sheet = tmp_path / "one.xlsx"
        _roster_sheet(sheet, [["赵磊", "男", "510107199005142034", "2015.7", "2016年7月",
                               "13900001111", "第一网格党支部"]])
        _plain(cli("import", "roster", str(sheet), data_dir=community), IN_USE)
    assert _info(community) == before
    assert not list(outbox.iterdir())

    cli("sync", "export", "-o", str(outbox), data_dir=community, check=True)
    [package] = list(outbox.glob("*.gridsync"))
    before = _info(street)
    with _held(street):
        _plain(cli("sync", "import", str(package), data_dir=street), IN_USE)
    assert _info(street) == before


def test_package_with_a_control_character_is_refused_whole(copies, tmp_path):
    street, community = copies
    conn = sql.connect(community / "gridoffice.sqlite3")
    conn.execute("UPDATE member SET note = '坏\x01字符' WHERE rowid = (SELECT min(rowid) "
                 "FROM member)")
    conn.commit()
    conn.close()
    outbox = tmp_path / "usb"
    outbox.mkdir()
    cli("sync", "export", "-o", str(outbox), data_dir=community, check=True)
    [package] = list(outbox.glob("*.gridsync"))
    before = _info(street)
    result = cli("sync", "import", str(package), data_dir=street)
    assert "Traceback" not in result.stderr and result.returncode != 0
    assert "member.note" in result.stdout + result.stderr
    assert _info(street) == before
    # The community's own export of that stored value does not crash.
    cli("export", "roster", str(tmp_path / "roster.xlsx"), data_dir=community, check=True)


@contextlib.contextmanager
def _small_disk(tmp_path):
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small disk (tmpfs) needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(disk)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def _fill(disk):
    """Fill the disk to the last byte."""
    fd = os.open(disk / "filler", os.O_CREAT | os.O_WRONLY, 0o600)
    try:
        for size in (1 << 20, 4096, 1):
            while True:
                try:
                    os.write(fd, b"\0" * size)
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC
                    break
    finally:
        os.close(fd)


def test_full_disk_is_said_plainly(offices, tmp_path):
    _street, community = offices
    with _small_disk(tmp_path) as disk:
        data = shutil.copytree(community, disk / "office")
        before = _info(data)
        sheet = tmp_path / "one.xlsx"
        _roster_sheet(sheet, [["赵磊", "男", "510107199005142034", "2015.7", "2016年7月",
                               "13900001111", "第一网格党支部"]])
        _fill(disk)
        _plain(cli("import", "roster", str(sheet), data_dir=data), DISK_FULL)
        info = cli("info", data_dir=data)
        assert "Traceback" not in info.stderr
        assert "damaged" not in info.stderr and "损坏" not in info.stderr, info.stderr
        out = disk / "roster.xlsx"
        _plain(cli("export", "roster", str(out), data_dir=data), DISK_FULL)
        assert not out.exists()
        (disk / "filler").unlink()
        assert _info(data)["digests"] == before["digests"]
        assert _info(data)["counts"] == before["counts"]


def test_demo_killed_half_way_then_demo_again(tmp_path):
    data = tmp_path / "office"
    env = {k: v for k, v in os.environ.items() if k != "GRIDOFFICE_DATA_DIR"}
    env["PYTHONPATH"] = str(ROOT)
    process = subprocess.Popen([sys.executable, "-m", "gridoffice.cli", "--data-dir",
                                str(data), "demo"], env=env, cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wal = data / "gridoffice.sqlite3-wal"
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 1_000_000:  # well into the data
            break
        time.sleep(0.05)
    assert process.poll() is None, "demo finished before it could be stopped"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    again = cli("demo", data_dir=data)
    assert again.returncode == 0, again.stderr
    assert _info(data)["counts"]["members"] > 0
