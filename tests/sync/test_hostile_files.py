"""Hostile sync files: a malformed package or identity file is refused plainly
and alone (the others of the same import go in), and nothing decrypted is left
on disk at all, even when the import is killed half-way."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gridoffice import paths
from gridoffice.errors import UserError
from gridoffice.services import demo, sync_trust
from gridoffice.sync import package as packages
from gridoffice.sync.identity import read_identity_file

from .net import Net, freeze, opened_copy

ROOT = Path(__file__).resolve().parents[2]


def _cli(data_dir, *args):
    return subprocess.run(
        [sys.executable, "-m", "gridoffice.cli", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The street office and two community PCs (of two communities) that trust it."""
    root = tmp_path_factory.mktemp("hostile") / "net"
    net = Net(root, {"a1": ("幸福里社区", "1号机"), "b1": ("和平里社区", "1号机")})
    return freeze(net)


@pytest.fixture
def net(template, tmp_path):
    with opened_copy(template, tmp_path / "net") as made:
        yield made


def _entries(package: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(package) as source:
        return {name: source.read(name) for name in source.namelist()}


def _rezip(target: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return target


def _with_manifest(package: Path, target: Path, change) -> Path:
    entries = _entries(package)
    manifest = json.loads(entries["manifest.json"])
    change(manifest)
    entries["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
    return _rezip(target, entries)


def _state(pc):
    return pc.digests(), pc.rows("SELECT count(*) FROM sync_package")[0][0]


def _format_abc(package: Path, folder: Path) -> Path:
    return _with_manifest(package, folder / ("bad" + packages.SUFFIX),
                          lambda m: m.update(format="abc"))


# --- one bad file fails alone --------------------------------------------------------------
def test_a_package_with_a_wrong_type_is_refused_plainly(net, tmp_path):
    [package] = net["a1"].export()
    bad = _format_abc(package, tmp_path)
    with pytest.raises(UserError):
        packages.read_manifest(bad)
    before = _state(net.street)
    [result] = net.street.take([bad])
    assert result.status == "refused"
    assert "不是网格通同步包" in result.error.localized("zh_CN")
    assert _state(net.street) == before
    assert net.street.sync.inbox(tmp_path) == [bad]  # listed, for the import to say why


def test_cli_multi_file_import_imports_the_good_ones_and_names_the_bad_one(
        net, tmp_path):
    a1, b1, street = net["a1"], net["b1"], net.street
    a1.set_org(a1.add_org("幸福里社区党委"), short_name="幸福")
    b1.set_org(b1.add_org("和平里社区党委"), short_name="和平")
    [first], [second] = a1.export(), b1.export()
    bad = _format_abc(first, tmp_path)
    net.close()
    expected = Net.copy(net.root, tmp_path / "expected")  # only the good ones
    try:
        assert all(r.ok for r in expected.street.take([first, second]))
        want = _state(expected.street)
    finally:
        expected.close()

    done = _cli(street.folder, "sync", "import", str(first), str(bad), str(second))
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    out = done.stdout + done.stderr
    assert str(first) in out and str(second) in out
    [line] = [line for line in out.splitlines() if str(bad) in line]
    assert "不是网格通同步包" in line
    street.open()
    assert _state(street) == want


# --- fuzzing the unsigned header ---------------------------------------------------------
WRONG_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-2**70, max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
    st.text(min_size=5000, max_size=5001, alphabet="9"),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(),
                                                         max_size=2),
    st.just("abc"), st.just("../../etc/passwd"), st.just(""))
HEADER = ("format", "package_id", "sender_office", "sender_replica", "sender_name",
          "recipient_office", "recipient_replica", "recipient_name", "incarnation",
          "sequence", "schema", "min_reader_schema", "created_ms", "seq_from", "seq_high",
          "ack", "digest_scope", "digests", "payload", "previous_hash")


@pytest.fixture(scope="module")
def fuzz_net(template, tmp_path_factory):
    made = Net.copy(template, tmp_path_factory.mktemp("fuzz") / "net")
    [package] = made["a1"].export()
    yield made, package
    made.close()


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(changes=st.lists(st.tuples(st.sampled_from(HEADER),
                                  st.one_of(st.just("<delete>"), WRONG_VALUES)),
                        min_size=1, max_size=3),
       cut=st.one_of(st.none(), st.integers(min_value=1, max_value=400)))
@example(changes=[("format", "abc")], cut=None)
@example(changes=[("format", [1])], cut=None)
@example(changes=[("format", 2**70)], cut=None)
@example(changes=[("sender_replica", ["x"])], cut=None)
@example(changes=[("recipient_name", {"a": 1}), ("recipient_office", 5)], cut=None)
def test_a_mutated_package_header_is_refused_plainly(fuzz_net, tmp_path_factory,
                                                     changes, cut):
    made, package = fuzz_net
    street = made.street
    entries = _entries(package)
    manifest = json.loads(entries["manifest.json"])
    for key, value in changes:
        if value == "<delete>":
            manifest.pop(key, None)
        else:
            manifest[key] = value
    text = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
    entries["manifest.json"] = text[:cut] if cut else text
    if entries["manifest.json"] == _entries(package)["manifest.json"]:
        return
    bad = _rezip(tmp_path_factory.mktemp("bad") / ("x" + packages.SUFFIX), entries)
    before = _state(street)
    with contextlib.suppress(UserError):
        packages.read_manifest(bad)
    assert street.sync.inbox(bad.parent) == [bad] or not street.sync.inbox(bad.parent)
    [result] = street.take([bad])
    assert result.status == "refused" and isinstance(result.error, UserError)
    assert result.error.localized("zh_CN")
    assert _state(street) == before


# --- identity files ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def identity(template):
    return json.loads((template / "a1.gridid").read_bytes())


@pytest.mark.parametrize("data", [
    b"[]", b"[1, 2]", b"42", b'"gridoffice"', b"null", b"{}", b"[[[[" * 5000 + b"]]]]" * 5000,
    b'{"format": "gridoffice-identity/1", "identity": [], "signature": 5}',
    b'{"format": "gridoffice-identity/1", "identity": "[]", "signature": ""}',
    b'{"format": "gridoffice-identity/1", "identity": "{\\"office_id\\": 1}", '
    b'"signature": "\xe9"}',
])
def test_an_identity_file_of_the_wrong_shape_is_refused_plainly(net, tmp_path, data):
    path = tmp_path / "x.gridid"
    path.write_bytes(data)
    before = _state(net.street)
    with pytest.raises(UserError) as raised:
        sync_trust.trust(net.street.path, path)
    assert "不是网格通身份文件" in raised.value.localized("zh_CN")
    assert _state(net.street) == before
    done = _cli(net.street.folder, "sync", "trust", str(path))
    assert done.returncode != 0 and "Traceback" not in done.stderr + done.stdout


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.sampled_from(["outer", "body"]),
       key=st.sampled_from(["format", "identity", "signature", "office_id", "replica_id",
                            "role", "street", "community", "pc_label", "sign_key", "box_key"]),
       value=st.one_of(st.just("<delete>"), WRONG_VALUES),
       cut=st.one_of(st.none(), st.integers(min_value=0, max_value=600)))
def test_a_mutated_identity_file_is_refused_plainly(identity, where, key, value, cut):
    outer = dict(identity)
    body = json.loads(outer["identity"])
    target = outer if where == "outer" else body
    if value == "<delete>":
        target.pop(key, None)
    else:
        target[key] = value
    if where == "body":
        outer["identity"] = json.dumps(body, ensure_ascii=False, sort_keys=True)
    data = json.dumps(outer, ensure_ascii=False).encode("utf-8")
    data = data[:cut] if cut is not None else data
    if json.dumps(identity, ensure_ascii=False).encode("utf-8") == data:
        return
    try:
        read_identity_file(data, "x.gridid")
    except UserError:
        return
    # Still a valid file: only a change that leaves the signed body as it was.
    assert where == "outer" and key not in ("identity", "signature", "format")


# --- no decrypted leftovers --------------------------------------------------------------
@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    root = tmp_path_factory.mktemp("leftovers") / "net"
    made = Net(root, {"a1": ("幸福里社区", "1号机")})
    demo.fill(made["a1"].db, seed=7)
    [package] = made["a1"].export()
    made.close()
    return root, package


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


DATABASE_FILES = {"gridoffice.sqlite3", "gridoffice.sqlite3-wal", "gridoffice.sqlite3-shm",
                  "gridoffice.sqlite3-journal"}


@pytest.mark.parametrize("delay", (0.0, 0.3, 0.8))
def test_a_killed_import_leaves_nothing_decrypted_on_disk(filled, tmp_path, delay):
    """The decrypted rows stay in memory: killed at any moment after the backup
    before the import, nothing new lies in the data folder but the database's own
    files and that backup, and nothing in the system's temporary folder."""
    import shutil

    template, package = filled
    root = tmp_path / "net"
    shutil.copytree(template, root)
    street = root / "street"
    before = _files(street)
    system_temp = tmp_path / "system-temp"  # the child's own, to look into
    system_temp.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "GRIDOFFICE_DATA_DIR"}
    env.update(PYTHONPATH=str(ROOT), TMPDIR=str(system_temp))
    process = subprocess.Popen(
        [sys.executable, "-m", "gridoffice.cli", "--data-dir", str(street), "sync", "import",
         str(package)], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    # Kill it while the rows are being read, checked and merged (after the backup).
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        if any(street.glob("backups/*before_sync*.json")):
            time.sleep(delay)
            break
        time.sleep(0.005)
    # On a fast machine the later moments may find the import done already: what is
    # left must be the same either way; the first moment always kills it mid-way.
    if delay == 0.0:
        assert process.poll() is None, "the import ended before it could be killed"
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    assert list(system_temp.iterdir()) == []
    new = {name for name in _files(street) - before
           if name not in DATABASE_FILES and not name.startswith("backups/")}
    assert new == set()
    private = paths.private_temp_dir(street)
    assert not private.exists() or list(private.iterdir()) == []


def test_import_and_export_leave_the_private_folder_empty(net, tmp_path, monkeypatch):
    import tempfile

    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    a1, street = net["a1"], net.street
    a1.set_org(a1.add_org("幸福里社区党委"), short_name="幸福")
    stale = paths.private_temp_dir(street.folder) / "sync-stale"
    stale.mkdir(parents=True)
    (stale / "rows.sqlite3").write_bytes(b"110101199003077777")
    assert all(r.ok for r in street.take(a1.export()))
    assert list(paths.private_temp_dir(street.folder).iterdir()) == []
    assert not paths.private_temp_dir(a1.folder).exists()  # never made any more
    assert list(system_temp.iterdir()) == []


def test_the_window_start_clears_the_private_folder(tmp_path):
    from gridoffice.__main__ import main
    from tests.sync.net import make_folder

    folder = make_folder(tmp_path, "office", "street")
    stale = paths.private_temp_dir(folder) / "sync-stale"
    stale.mkdir(parents=True)
    (stale / "rows.sqlite3").write_bytes(b"110101199003077777")
    import logging

    try:
        assert main(["--data-dir", str(folder), "--exit-after-show"]) == 0
    finally:
        root = logging.getLogger()
        for handler in list(root.handlers):
            if getattr(handler, "_gridoffice", False):
                root.removeHandler(handler)
                handler.close()
    assert list(paths.private_temp_dir(folder).iterdir()) == []
