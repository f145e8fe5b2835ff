"""An office PC's keys and the public identity file offices exchange once.

Each PC has an Ed25519 key to sign packages and an X25519 key to receive them.
The public identity file (``.gridid``, JSON) carries the office and PC names and
both public keys, signed by its own signing key; a person compares its short
fingerprint on both screens before trusting it. Pure: no database, no Qt.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import asdict, dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from gridoffice.errors import UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP

IDENTITY_FORMAT = "gridoffice-identity/1"
MAX_IDENTITY_BYTES = 64 * 1024
MAX_FIELD_CHARS = 1024
IDENTITY_FIELDS = ("office_id", "replica_id", "role", "street", "community", "pc_label",
                   "sign_key", "box_key")

MSG_IDENTITY_BAD = QT_TRANSLATE_NOOP(
    "errors", "{path} is not a GridOffice identity file, or it was changed after it was made.")

_RAW = serialization.Encoding.Raw
_RAW_PUBLIC = serialization.PublicFormat.Raw
_RAW_PRIVATE = serialization.PrivateFormat.Raw


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class OfficeKeys:
    """The private keys of this PC (kept in the local ``meta`` table, never synced)."""

    sign: Ed25519PrivateKey
    box: X25519PrivateKey

    @classmethod
    def generate(cls) -> OfficeKeys:
        return cls(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())

    def dump(self) -> str:
        return json.dumps({
            "sign": _b64(self.sign.private_bytes(_RAW, _RAW_PRIVATE,
                                                 serialization.NoEncryption())),
            "box": _b64(self.box.private_bytes(_RAW, _RAW_PRIVATE,
                                               serialization.NoEncryption())),
        })

    @classmethod
    def load(cls, text: str) -> OfficeKeys:
        data = json.loads(text)
        return cls(Ed25519PrivateKey.from_private_bytes(_unb64(data["sign"])),
                   X25519PrivateKey.from_private_bytes(_unb64(data["box"])))

    @property
    def sign_public(self) -> bytes:
        return self.sign.public_key().public_bytes(_RAW, _RAW_PUBLIC)

    @property
    def box_public(self) -> bytes:
        return self.box.public_key().public_bytes(_RAW, _RAW_PUBLIC)


@dataclass(frozen=True)
class PublicIdentity:
    """What another office needs to trust this PC: who it is and its public keys."""

    office_id: str  # the office (a community: the same on all its PCs)
    replica_id: str  # this PC's copy of the data
    role: str  # community | street
    street: str
    community: str  # "" for the street office
    pc_label: str
    sign_key: str  # base64 Ed25519 public key
    box_key: str  # base64 X25519 public key

    @property
    def fingerprint(self) -> str:
        """Five groups of four: what two people read out to each other."""
        return fingerprint(_unb64(self.sign_key) + _unb64(self.box_key))

    @property
    def display_name(self) -> str:
        name = self.community or self.street
        return f"{name}（{self.pc_label}）" if self.pc_label else name

    def verifier(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(_unb64(self.sign_key))

    def recipient(self) -> X25519PublicKey:
        return X25519PublicKey.from_public_bytes(_unb64(self.box_key))

    def to_json(self) -> dict[str, str]:
        return asdict(self)


def fingerprint(material: bytes) -> str:
    digest = hashlib.sha256(material).hexdigest().upper()[:20]
    return "-".join(digest[i:i + 4] for i in range(0, 20, 4))


def identity_file(identity: PublicIdentity, keys: OfficeKeys) -> bytes:
    """The signed identity file's bytes."""
    body = json.dumps(identity.to_json(), ensure_ascii=False, sort_keys=True)
    signature = keys.sign.sign(body.encode("utf-8"))
    return json.dumps({"format": IDENTITY_FORMAT, "identity": body,
                       "signature": _b64(signature)}, ensure_ascii=False,
                      indent=1).encode("utf-8")


def read_identity_file(data: bytes, path: str = "") -> PublicIdentity:
    """Check and read an identity file; its own key must have signed it."""
    try:
        if len(data) > MAX_IDENTITY_BYTES:
            raise ValueError("too large")
        outer = json.loads(data.decode("utf-8"))
        # Every value is checked for its shape and type before it is used.
        if not isinstance(outer, dict) or outer.get("format") != IDENTITY_FORMAT:
            raise ValueError("format")
        body, signature = outer.get("identity"), outer.get("signature")
        if not isinstance(body, str) or not isinstance(signature, str):
            raise ValueError("identity")
        fields = json.loads(body)
        if not isinstance(fields, dict):
            raise ValueError("identity")
        values = {key: fields.get(key) for key in IDENTITY_FIELDS}
        if not all(isinstance(value, str) and len(value) <= MAX_FIELD_CHARS
                   for value in values.values()):
            raise ValueError("identity fields")
        identity = PublicIdentity(**values)
        identity.verifier().verify(_unb64(signature), body.encode("utf-8"))
        identity.recipient()
        if identity.role not in ("community", "street"):
            raise ValueError("role")
        return identity
    except (ValueError, KeyError, TypeError, RecursionError, InvalidSignature) as exc:
        # (UnicodeError and JSONDecodeError are ValueErrors.)
        raise UserError(MSG_IDENTITY_BAD, path=path) from exc
