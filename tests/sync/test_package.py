"""The package file: signed, encrypted, and refused whole when anything is wrong.

The adversarial cases of SYNC.md that concern the file itself: a flipped byte
anywhere, a truncated file, a zip bomb, ``../`` paths, an unknown office, a
package for another office, a forged signature, a newer format.
"""

from __future__ import annotations

import json
import uuid
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gridoffice.errors import UserError
from gridoffice.sync import package as pkg
from gridoffice.sync.identity import (
    OfficeKeys,
    PublicIdentity,
    identity_file,
    read_identity_file,
)


def _office(name: str, role: str = "community") -> tuple[PublicIdentity, OfficeKeys]:
    keys = OfficeKeys.generate()
    import base64

    identity = PublicIdentity(
        office_id=str(uuid.uuid4()), replica_id=str(uuid.uuid4()), role=role,
        street="幸福街道", community=name if role == "community" else "", pc_label="1号机",
        sign_key=base64.b64encode(keys.sign_public).decode(),
        box_key=base64.b64encode(keys.box_public).decode())
    return identity, keys


COMMUNITY, COMMUNITY_KEYS = _office("幸福里社区")
STREET, STREET_KEYS = _office("", "street")
STRANGER, STRANGER_KEYS = _office("和平里社区")
PAYLOAD = ("\n".join(json.dumps({"id": i, "name": "张伟"}, ensure_ascii=False)
                     for i in range(2000))).encode()


def _manifest(sender=COMMUNITY, recipient=STREET, **values):
    return {"package_id": str(uuid.uuid4()), "sender_office": sender.office_id,
            "sender_replica": sender.replica_id, "sender_name": sender.display_name,
            "recipient_office": recipient.office_id,
            "recipient_replica": recipient.replica_id,
            "recipient_name": recipient.display_name, "incarnation": "a", "sequence": 1,
            **values}


def _trusted(*identities):
    table = {i.replica_id: i for i in identities}
    return table.get


def _read(path, keys=STREET_KEYS, me=STREET, trusted=(COMMUNITY,)):
    return pkg.read_package(path, keys=keys, office_id=me.office_id, replica_id=me.replica_id,
                            trusted=_trusted(*trusted))


@pytest.fixture
def package(tmp_path):
    path = tmp_path / ("幸福里社区_000001" + pkg.SUFFIX)
    pkg.write_package(path, _manifest(), PAYLOAD, COMMUNITY_KEYS, STREET)
    return path


def test_round_trip(package):
    opened = _read(package)
    assert opened.payload == PAYLOAD
    assert opened.sender == COMMUNITY
    assert opened.manifest["sequence"] == 1


def test_nobody_who_finds_the_stick_can_read_it(package):
    raw = package.read_bytes()
    assert "张伟".encode() not in raw and b'"name"' not in raw
    with pytest.raises(UserError):  # the wrong private key cannot unwrap it
        _read(package, keys=STRANGER_KEYS, me=STREET)


def test_identity_file_round_trip_and_tamper():
    data = identity_file(COMMUNITY, COMMUNITY_KEYS)
    assert read_identity_file(data) == COMMUNITY
    assert len(COMMUNITY.fingerprint) == 24 and COMMUNITY.fingerprint.count("-") == 4
    tampered = data.replace("幸福里社区".encode(), "和平里社区".encode())
    with pytest.raises(UserError):
        read_identity_file(tampered)
    with pytest.raises(UserError):
        read_identity_file(b"not json")


def _flip_and_read(path, index, bit):
    raw = bytearray(path.read_bytes())
    raw[index % len(raw)] ^= 1 << bit
    path.write_bytes(bytes(raw))
    try:
        opened = _read(path)
    except UserError:
        return
    # A flip in bytes the zip never reads (e.g. a timestamp) may be harmless, but
    # then what comes out is exactly what went in.
    assert opened.payload == PAYLOAD[:3000]


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_any_flipped_byte_is_refused(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("flip") / ("p" + pkg.SUFFIX)
    pkg.write_package(path, _manifest(), PAYLOAD[:3000], COMMUNITY_KEYS, STREET)
    size = path.stat().st_size
    # Half the draws in the first local header and the central directory at the end,
    # where damage reaches the zip module's own parsing.
    region = data.draw(st.sampled_from(["head", "tail", "any"]))
    index = data.draw(st.integers(0, 120) if region == "head" else
                      st.integers(size - 300, size - 1) if region == "tail" else
                      st.integers(0, size - 1))
    _flip_and_read(path, index, data.draw(st.integers(0, 7)))


@pytest.mark.parametrize(("index", "bit"), [(29, 2), (26, 0), (28, 7)])
def test_flipped_header_bytes_are_refused_cleanly(tmp_path, index, bit):
    # Once escaped as EOFError from inside the zip module.
    path = tmp_path / ("p" + pkg.SUFFIX)
    pkg.write_package(path, _manifest(), PAYLOAD[:3000], COMMUNITY_KEYS, STREET)
    _flip_and_read(path, index, bit)


@pytest.mark.parametrize("keep", [0, 10, 100, 0.5, 0.99])
def test_truncated_file_is_refused(package, keep):
    raw = package.read_bytes()
    cut = int(len(raw) * keep) if isinstance(keep, float) else keep
    package.write_bytes(raw[:cut])
    with pytest.raises(UserError):
        _read(package)


def _zip(path, entries, compression=zipfile.ZIP_STORED):
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)


def test_zip_bomb_is_refused(tmp_path):
    bomb = tmp_path / ("bomb" + pkg.SUFFIX)
    _zip(bomb, {"manifest.json": b"{}", "manifest.sig": b"x",
                "payload.bin": b"\0" * (50 * 2**20)}, zipfile.ZIP_DEFLATED)
    assert bomb.stat().st_size < 2**20
    with pytest.raises(UserError):
        _read(bomb)


def test_zlib_bomb_inside_a_signed_payload_is_refused(tmp_path):
    # Even a trusted sender cannot make the reader inflate without limit.
    path = tmp_path / ("p" + pkg.SUFFIX)
    pkg.write_package(path, _manifest(), b"\0" * (30 * 2**20), COMMUNITY_KEYS, STREET)
    with pytest.raises(UserError) as raised:
        _read(path)
    assert "larger" in raised.value.english()


@pytest.mark.parametrize("name", ["../manifest.json", "/etc/passwd", "a/../../x",
                                  "payload.bin/", "extra.txt"])
def test_unexpected_entries_are_refused(tmp_path, package, name):
    evil = tmp_path / ("evil" + pkg.SUFFIX)
    with zipfile.ZipFile(package) as source:
        entries = {n: source.read(n) for n in source.namelist()}
    entries[name] = b"x"
    _zip(evil, entries)
    with pytest.raises(UserError):
        _read(evil)
    assert not (tmp_path.parent / "manifest.json").exists()


def test_unknown_office_and_other_recipient(tmp_path, package):
    with pytest.raises(UserError) as raised:
        _read(package, trusted=())
    assert "trust" in raised.value.english()
    other = tmp_path / ("other" + pkg.SUFFIX)
    pkg.write_package(other, _manifest(recipient=STRANGER), PAYLOAD, COMMUNITY_KEYS, STRANGER)
    with pytest.raises(UserError) as raised:
        _read(other)
    assert "addressed to another" in raised.value.english()
    assert "另一" in raised.value.localized("zh_CN") or "其他" in raised.value.localized("zh_CN")


def test_forged_package_is_refused(tmp_path):
    # Signed by a stranger's key while claiming to be the community.
    forged = tmp_path / ("forged" + pkg.SUFFIX)
    pkg.write_package(forged, _manifest(), PAYLOAD, STRANGER_KEYS, STREET)
    with pytest.raises(UserError) as raised:
        _read(forged)
    assert "forged" in raised.value.english()


def test_changed_manifest_breaks_the_signature(tmp_path, package):
    with zipfile.ZipFile(package) as source:
        entries = {n: source.read(n) for n in source.namelist()}
    manifest = json.loads(entries["manifest.json"])
    manifest["sequence"] = 99
    entries["manifest.json"] = json.dumps(manifest).encode()
    changed = tmp_path / ("changed" + pkg.SUFFIX)
    _zip(changed, entries)
    with pytest.raises(UserError):
        _read(changed)


def test_newer_format_is_kept_and_explained(tmp_path, package):
    with zipfile.ZipFile(package) as source:
        entries = {n: source.read(n) for n in source.namelist()}
    manifest = json.loads(entries["manifest.json"])
    manifest["format"] = pkg.PACKAGE_FORMAT + 1
    entries["manifest.json"] = json.dumps(manifest).encode()
    newer = tmp_path / ("newer" + pkg.SUFFIX)
    _zip(newer, entries)
    with pytest.raises(UserError) as raised:
        _read(newer)
    assert "newer GridOffice" in raised.value.english()
    assert newer.exists()


def test_not_a_package_at_all(tmp_path):
    text = tmp_path / ("notes" + pkg.SUFFIX)
    text.write_text("购物清单")
    with pytest.raises(UserError):
        _read(text)
    with pytest.raises(UserError):
        _read(tmp_path / "missing.gridsync")


def test_write_is_atomic(tmp_path, monkeypatch):
    target = tmp_path / ("p" + pkg.SUFFIX)
    target.write_bytes(b"old")

    def boom(self, *args, **kwargs):
        raise OSError("disk pulled out")

    monkeypatch.setattr(zipfile.ZipFile, "writestr", boom)
    with pytest.raises(OSError):
        pkg.write_package(target, _manifest(), PAYLOAD, COMMUNITY_KEYS, STREET)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
