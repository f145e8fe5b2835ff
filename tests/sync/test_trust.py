"""Setting up an office's PC and exchanging identity files, headless and through
the service: same community names mean the same office; keys never get replaced
silently; a community trusts only its street office."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gridoffice import paths
from gridoffice.errors import UserError
from gridoffice.services import office, sync_trust
from gridoffice.store.files import open_database

ROOT = Path(__file__).resolve().parents[2]


def _folder(tmp_path, name, role="community", street="幸福街道", community="幸福里社区",
            pc="1号机"):
    opened = open_database(paths.resolve(tmp_path / name))
    profile = office.OfficeProfile(community if role == "community" else street, street,
                                   role, "王芳")
    office.setup_office(opened.path, profile, pc)
    return opened.path


def test_same_community_names_make_the_same_office(tmp_path):
    first = _folder(tmp_path, "a", pc="1号机")
    second = _folder(tmp_path, "b", pc="2号机")
    other = _folder(tmp_path, "c", community="和平里社区")
    one, two = sync_trust.own_identity(first), sync_trust.own_identity(second)
    assert one.office_id == two.office_id != sync_trust.own_identity(other).office_id
    assert one.replica_id != two.replica_id
    assert one.fingerprint != two.fingerprint  # each PC has its own keys


def test_setup_twice_is_refused_and_changes_nothing(tmp_path):
    db = _folder(tmp_path, "a")
    before = db.read_bytes()
    with pytest.raises(UserError):
        office.setup_office(db, office.OfficeProfile("和平里社区", "幸福街道", "community", "李"))
    assert db.read_bytes() == before


def test_trust_both_ways_and_refusals(tmp_path):
    street = _folder(tmp_path, "street", role="street")
    community = _folder(tmp_path, "community")
    other_street_pc = _folder(tmp_path, "other", role="street", street="和平街道")
    files = {}
    for name, db in (("street", street), ("community", community),
                     ("other", other_street_pc)):
        files[name] = tmp_path / f"{name}.gridid"
        sync_trust.export_identity(db, files[name])
    peer, new = sync_trust.trust(community, files["street"])
    assert new and peer.role == "street"
    assert sync_trust.trust(community, files["street"])[1] is False  # again: no change
    assert sync_trust.trust(street, files["community"])[0].community == "幸福里社区"
    assert sync_trust.trusted(street, peer.replica_id) is None
    assert sync_trust.trusted(community, peer.replica_id) == peer
    with pytest.raises(UserError):  # a community trusts only its own street office
        sync_trust.trust(community, files["other"])
    with pytest.raises(UserError):
        sync_trust.trust(community, files["community"])  # its own file
    with pytest.raises(UserError):  # a community does not trust another community
        sync_trust.trust(_folder(tmp_path, "c2", community="和平里社区"), files["community"])


def test_changed_keys_for_a_known_pc_are_refused(tmp_path):
    street = _folder(tmp_path, "street", role="street")
    community = _folder(tmp_path, "community")
    good = tmp_path / "c.gridid"
    sync_trust.export_identity(community, good)
    sync_trust.trust(street, good)
    # The same PC id with other keys (an impostor, or a restored copy with new keys).
    from gridoffice.sync.identity import OfficeKeys, identity_file

    identity = sync_trust.own_identity(community)
    keys = OfficeKeys.generate()
    import base64
    from dataclasses import replace

    fake = replace(identity, sign_key=base64.b64encode(keys.sign_public).decode(),
                   box_key=base64.b64encode(keys.box_public).decode())
    bad = tmp_path / "fake.gridid"
    bad.write_bytes(identity_file(fake, keys))
    with pytest.raises(UserError) as raised:
        sync_trust.trust(street, bad)
    assert identity.fingerprint in raised.value.english()
    assert sync_trust.trusted(street, identity.replica_id) == identity


def _cli(data_dir, *args):
    return subprocess.run(
        [sys.executable, "-m", "gridoffice.cli", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)


def test_cli_setup_identity_trust_and_demo_keeps_the_identity(tmp_path):
    street, community = tmp_path / "street", tmp_path / "community"
    assert _cli(street, "setup", "--role", "street", "--street", "幸福街道").returncode == 0
    done = _cli(community, "setup", "--role", "community", "--street", "幸福街道",
                "--community", "幸福里社区", "--pc", "1号机", "--operator", "王芳")
    assert done.returncode == 0 and "fingerprint" in done.stdout
    again = _cli(community, "setup", "--role", "community", "--street", "幸福街道",
                 "--community", "幸福里社区")
    assert again.returncode == 1 and "already set up" in again.stderr
    missing = _cli(tmp_path / "x", "setup", "--role", "community", "--street", "幸福街道")
    assert missing.returncode == 1 and "--community" in missing.stderr
    assert _cli(street, "sync", "identity", "-o", str(tmp_path / "s.gridid")).returncode == 0
    trusted = _cli(community, "sync", "trust", str(tmp_path / "s.gridid"))
    assert trusted.returncode == 0
    fingerprint = trusted.stdout.split("fingerprint: ")[1].split()[0]
    peers = json.loads(_cli(community, "sync", "peers", "--json").stdout)
    assert [p["fingerprint"] for p in peers] == [fingerprint]
    info_before = json.loads(_cli(community, "info", "--json").stdout)
    assert _cli(community, "demo").returncode == 0
    info = json.loads(_cli(community, "info", "--json").stdout)
    assert info["office"]["id"] == info_before["office"]["id"]
    assert info["replica_id"] == info_before["replica_id"]
    assert info["office"]["name"] == "幸福里社区" and info["counts"]["members"] > 0
