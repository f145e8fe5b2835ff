"""Who this PC is and whom it trusts: the identity file and the trusted peers.

A community PC trusts its street office; the street office trusts the PCs of its
communities. Trusting is done once, in person: the identity file travels on a
USB stick and both screens show the same fingerprint. A peer whose keys change
is refused (a replaced PC gets a new identity, it does not take over another's).
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from gridoffice.errors import Term, UserError
from gridoffice.fileio import atomic_output
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services import office
from gridoffice.store import driver
from gridoffice.store.files import connect
from gridoffice.store.settings import read_meta
from gridoffice.sync.identity import (
    OfficeKeys,
    PublicIdentity,
    identity_file,
    read_identity_file,
)

MSG_NOT_SET_UP = QT_TRANSLATE_NOOP(
    "errors", "This PC's office is not set up yet: run the setup first "
    "(gridoffice-cli setup, or start the program).")
MSG_OWN_IDENTITY = QT_TRANSLATE_NOOP(
    "errors", "{path} is this PC's own identity file; give it to the other office and "
    "trust theirs.")
MSG_WRONG_PEER = QT_TRANSLATE_NOOP(
    "errors", "{name} is a {role} of {street}; this PC ({own}) exchanges packages only "
    "with {expected}. Nothing was changed.")
MSG_KEY_CHANGED = QT_TRANSLATE_NOOP(
    "errors", "{name} is already trusted with other keys (fingerprint {old}, now {new}). "
    "If that PC was replaced, it needs a new identity; nothing was changed.")
MSG_READ = QT_TRANSLATE_NOOP("errors", "{path} cannot be read: {reason}.")

ROLE_STREET = QT_TRANSLATE_NOOP("codes", "street office")
ROLE_COMMUNITY = QT_TRANSLATE_NOOP("codes", "community office")
EXPECT_STREET = QT_TRANSLATE_NOOP("codes", "its own street office")
EXPECT_COMMUNITIES = QT_TRANSLATE_NOOP("codes", "the community offices of its street")


@dataclass(frozen=True)
class Peer:
    identity: PublicIdentity
    trusted_at: str
    revoked_at: str | None


def own_keys(db_path: Path) -> OfficeKeys:
    """This PC's keys; an office set up before keys existed gets them now."""
    meta = read_meta(db_path)
    if office.load_profile(db_path) is None:
        raise UserError(MSG_NOT_SET_UP)
    text = meta.get(office.META_KEYS)
    if text:
        return OfficeKeys.load(text)
    keys = OfficeKeys.generate()
    conn = connect(db_path)
    try:
        with conn:
            conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
                         (office.META_KEYS, keys.dump()))
        stored = conn.execute("SELECT value FROM meta WHERE key = ?",
                              (office.META_KEYS,)).fetchone()[0]
    finally:
        conn.close()
    return OfficeKeys.load(stored)


def own_identity(db_path: Path) -> PublicIdentity:
    keys = own_keys(db_path)
    profile = office.load_profile(db_path)
    assert profile is not None
    meta = read_meta(db_path)
    return PublicIdentity(
        office_id=meta["office_id"], replica_id=meta["replica_id"], role=profile.role,
        street=profile.street, community="" if profile.is_street else profile.name,
        pc_label=meta.get(office.META_PC_LABEL, ""),
        sign_key=base64.b64encode(keys.sign_public).decode("ascii"),
        box_key=base64.b64encode(keys.box_public).decode("ascii"))


def export_identity(db_path: Path, target: Path) -> PublicIdentity:
    identity = own_identity(db_path)
    data = identity_file(identity, own_keys(db_path))
    with atomic_output(target) as partial:
        partial.write_bytes(data)
    return identity


def trust(db_path: Path, source: Path, *, now: dt.datetime | None = None
          ) -> tuple[PublicIdentity, bool]:
    """Trust another office's PC; (its identity, whether it is new)."""
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise UserError(MSG_READ, path=str(source), reason=exc.strerror or str(exc)) from exc
    peer = read_identity_file(data, str(source))
    own = own_identity(db_path)
    if peer.replica_id == own.replica_id:
        raise UserError(MSG_OWN_IDENTITY, path=str(source))
    allowed = (peer.role == "community" and peer.street == own.street) if own.role == "street" \
        else (peer.role == "street" and peer.street == own.street)
    if not allowed:
        raise UserError(MSG_WRONG_PEER, name=peer.display_name,
                        role=Term(ROLE_STREET if peer.role == "street" else ROLE_COMMUNITY),
                        street=peer.street, own=own.display_name,
                        expected=Term(EXPECT_COMMUNITIES if own.role == "street"
                                      else EXPECT_STREET))
    when = (now or dt.datetime.now()).isoformat(timespec="seconds")
    conn = connect(db_path)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            old = conn.execute("SELECT sign_key, box_key, fingerprint FROM sync_peer "
                               "WHERE replica_id = ?", (peer.replica_id,)).fetchone()
            if old and (old[0], old[1]) != (peer.sign_key, peer.box_key):
                raise UserError(MSG_KEY_CHANGED, name=peer.display_name, old=old[2],
                                new=peer.fingerprint)
            conn.execute(
                "INSERT INTO sync_peer (replica_id, office_id, role, street, community, "
                "pc_label, sign_key, box_key, fingerprint, trusted_at) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (replica_id) DO UPDATE SET "
                "office_id = excluded.office_id, role = excluded.role, "
                "street = excluded.street, community = excluded.community, "
                "pc_label = excluded.pc_label, revoked_at = NULL",
                (peer.replica_id, peer.office_id, peer.role, peer.street, peer.community,
                 peer.pc_label, peer.sign_key, peer.box_key, peer.fingerprint, when))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.close()
    return peer, old is None


def peers(db_path: Path) -> list[Peer]:
    conn = connect(db_path, read_only=True)
    try:
        rows = conn.execute(
            "SELECT office_id, replica_id, role, street, community, pc_label, sign_key, "
            "box_key, trusted_at, revoked_at FROM sync_peer "
            "ORDER BY community, pc_label").fetchall()
    except driver.OperationalError:
        return []
    finally:
        conn.close()
    return [Peer(PublicIdentity(*row[:8]), row[8], row[9]) for row in rows]


def trusted(db_path: Path, replica_id: str) -> PublicIdentity | None:
    for peer in peers(db_path):
        if peer.identity.replica_id == replica_id and peer.revoked_at is None:
            return peer.identity
    return None
