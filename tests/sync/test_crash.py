"""Power cut in the middle of an import or an export: the process is killed at
different moments; afterwards the database is sound and either untouched or
fully updated, no half package lies in the folder, and sync simply goes on."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gridoffice.services import demo
from gridoffice.sync import package as packages
from tests import sql

from .net import Net

ROOT = Path(__file__).resolve().parents[2]
DELAYS = (0.4, 0.8, 1.2, 1.8)


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """A community PC with a community's worth of data, and its street office."""
    root = tmp_path_factory.mktemp("crash") / "net"
    net = Net(root, {"a1": ("幸福里社区", "1号机")})
    demo.fill(net["a1"].db, seed=7)
    [package] = net["a1"].export()
    net.close()
    return root, package


def _start(folder, *args):
    env = {k: v for k, v in os.environ.items() if k != "GRIDOFFICE_DATA_DIR"}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.Popen([sys.executable, "-m", "gridoffice.cli", "--data-dir", str(folder),
                             "sync", *args], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _kill_after(process, delay):
    time.sleep(delay)
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)


def _sound(path):
    conn = sql.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                for t in ("org", "member", "resident", "sync_package")}
    finally:
        conn.close()


@pytest.mark.parametrize("delay", DELAYS)
def test_killed_import_leaves_the_database_as_it_was_or_complete(filled, tmp_path, delay):
    template, package = filled
    root = tmp_path / "net"
    shutil.copytree(template, root)
    street = root / "street"
    before = _sound(street / "gridoffice.sqlite3")
    _kill_after(_start(street, "import", str(package)), delay)
    after = _sound(street / "gridoffice.sqlite3")
    assert after == before or (after["sync_package"] == before["sync_package"] + 1
                               and after["resident"] > before["resident"])
    net = Net.copy(root, tmp_path / "again")
    try:
        [result] = net.street.take([package])
        assert result.ok
        net.settle()
        net.assert_converged()
    finally:
        net.close()


@pytest.mark.parametrize("delay", DELAYS)
def test_killed_export_leaves_no_half_package_and_sync_goes_on(filled, tmp_path, delay):
    template, _package = filled
    root = tmp_path / "net"
    shutil.copytree(template, root)
    for box in root.glob("*-out"):
        shutil.rmtree(box)
    outbox = tmp_path / "usb"
    outbox.mkdir()
    # Changes the street office has not acknowledged yet: the whole community.
    _kill_after(_start(root / "a1", "export", "-o", str(outbox)), delay)
    _sound(root / "a1" / "gridoffice.sqlite3")
    net = Net.copy(root, tmp_path / "again")
    try:
        for path in outbox.glob(f"*{packages.SUFFIX}"):  # whole, or not there at all
            assert all(r.ok for r in net.street.take([path]))
        leftovers = [p for p in outbox.iterdir() if not p.name.endswith(packages.SUFFIX)]
        assert all(p.name.startswith(".") and p.name.endswith(".part") for p in leftovers)
        net.settle()
        net.assert_converged()
        # What the cut left behind goes with the next export into that folder (once
        # it is old enough not to be another PC's export still being written).
        stale = outbox / f".幸福里社区_to_幸福街道{packages.SUFFIX}.abc123.part"
        stale.write_bytes(b"half")
        fresh = outbox / f".幸福里社区_to_幸福街道{packages.SUFFIX}.def456.part"
        fresh.write_bytes(b"half")
        os.utime(stale, (time.time() - 3600, time.time() - 3600))
        for leftover in leftovers:
            os.utime(leftover, (time.time() - 3600, time.time() - 3600))
        net["a1"].sync.export(outbox)
        assert not stale.exists() and fresh.exists()
        assert all(not p.exists() for p in leftovers)
    finally:
        net.close()
