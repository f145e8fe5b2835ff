"""The sync package file: one zip, signed by the sender, encrypted for the recipient.

Entries (all stored, no other entries allowed):

- ``manifest.json``: what the package is (sender, recipient, sequence, counts,
  acknowledgements, digests …) plus the payload's hash and the wrapped key
- ``manifest.sig``: the sender's Ed25519 signature of ``manifest.json``
- ``payload.bin``: the rows, zlib-compressed, then AES-256-GCM encrypted under a
  fresh key; that key is wrapped for the recipient with X25519 + HKDF, and the
  package's header (id, sender, recipient, sequence) is bound in as associated data

Reading checks the outside first (size, zip structure, entry names and sizes),
then who sent it and for whom, the signature, the payload hash, decryption and
the decompressed size — a damaged, forged, misdirected or oversized file is
refused with a plain message before anything is done with it. Pure: no database.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from gridoffice.errors import UserError
from gridoffice.fileio import atomic_output
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.sync.identity import OfficeKeys, PublicIdentity

PACKAGE_FORMAT = 1
SUFFIX = ".gridsync"
ENTRIES = ("manifest.json", "manifest.sig", "payload.bin")
HEADER_FIELDS = ("package_id", "sender_office", "sender_replica", "recipient_office",
                 "recipient_replica", "incarnation", "sequence")
MAX_FILE_BYTES = 512 * 2**20
MAX_MANIFEST_BYTES = 4 * 2**20
MAX_PAYLOAD_BYTES = 512 * 2**20  # decompressed rows
MAX_RATIO = 200  # rows compress well, but not that well: a zlib bomb is refused
_KEY_INFO = b"gridoffice-package-key/1"
# What the zip module raises on a damaged file, depending on where the damage is.
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError,
              zlib.error, NotImplementedError, KeyError, RuntimeError, UnicodeDecodeError)

MSG_NOT_FOUND = QT_TRANSLATE_NOOP("errors", "The package {path} cannot be read: {reason}.")
MSG_TOO_LARGE = QT_TRANSLATE_NOOP(
    "errors", "The package {path} is larger than any real package; it was not opened.")
MSG_DAMAGED = QT_TRANSLATE_NOOP(
    "errors", "The package {path} is damaged or incomplete (copied only in part?). Ask for "
    "it again; nothing was changed.")
MSG_NOT_A_PACKAGE = QT_TRANSLATE_NOOP(
    "errors", "{path} is not a GridOffice sync package; nothing was changed.")
MSG_NEWER_FORMAT = QT_TRANSLATE_NOOP(
    "errors", "The package {path} was made by a newer GridOffice. Upgrade this program, "
    "then import it again; the file was kept and nothing was changed.")
MSG_UNKNOWN_SENDER = QT_TRANSLATE_NOOP(
    "errors", "The package {path} comes from an office this PC does not trust ({sender}). "
    "Exchange identity files with that office first; nothing was changed.")
MSG_NOT_FOR_US = QT_TRANSLATE_NOOP(
    "errors", "The package {path} is addressed to another office or PC ({recipient}), "
    "not to this one; nothing was changed.")
MSG_FORGED = QT_TRANSLATE_NOOP(
    "errors", "The package {path} was not signed by {sender}'s key: it was altered or "
    "forged. It was not imported; nothing was changed.")


@dataclass(frozen=True)
class OpenedPackage:
    manifest: dict[str, Any]
    payload: bytes
    sender: PublicIdentity
    file_sha256: str


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _header(manifest: dict[str, Any]) -> bytes:
    return json.dumps({k: manifest.get(k) for k in HEADER_FIELDS}, sort_keys=True,
                      ensure_ascii=False).encode("utf-8")


def _kek(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=_KEY_INFO + ephemeral + recipient).derive(shared)


def write_package(target: str | os.PathLike[str], manifest: dict[str, Any], payload: bytes,
                  keys: OfficeKeys, recipient: PublicIdentity) -> str:
    """Write the package atomically (a crash leaves no half file); its SHA-256."""
    compressed = zlib.compress(payload, 6)
    data_key = AESGCM.generate_key(bit_length=256)
    nonce = os.urandom(12)
    full = {**manifest, "format": PACKAGE_FORMAT}
    ciphertext = AESGCM(data_key).encrypt(nonce, compressed, _header(full))
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(serialization.Encoding.Raw,
                                                           serialization.PublicFormat.Raw)
    recipient_key = recipient.recipient()
    recipient_public = recipient_key.public_bytes(serialization.Encoding.Raw,
                                                  serialization.PublicFormat.Raw)
    kek = _kek(ephemeral.exchange(recipient_key), ephemeral_public, recipient_public)
    wrap_nonce = os.urandom(12)
    full["payload"] = {
        "sha256": hashlib.sha256(ciphertext).hexdigest(), "size": len(payload),
        "nonce": _b64(nonce), "ephemeral": _b64(ephemeral_public),
        "wrap_nonce": _b64(wrap_nonce),
        "wrapped_key": _b64(AESGCM(kek).encrypt(wrap_nonce, data_key, _header(full))),
    }
    manifest_bytes = json.dumps(full, ensure_ascii=False, sort_keys=True,
                                indent=1).encode("utf-8")
    signature = keys.sign.sign(manifest_bytes)
    with atomic_output(target) as partial:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_STORED) as archive:
            archive.writestr("manifest.json", manifest_bytes)
            archive.writestr("manifest.sig", signature)
            archive.writestr("payload.bin", ciphertext)
        digest = hashlib.sha256(partial.read_bytes()).hexdigest()
    return digest


def read_manifest(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The manifest alone, after the structural checks (for listing a folder);
    not yet verified."""
    with _open_zip(Path(path)) as archive:
        return _manifest(archive, Path(path))


def read_package(path: str | os.PathLike[str], *, keys: OfficeKeys, office_id: str,
                 replica_id: str, trusted: Callable[[str], PublicIdentity | None]
                 ) -> OpenedPackage:
    """Check, verify and decrypt a package addressed to this PC."""
    source = Path(path)
    with _open_zip(source) as archive:
        # Before the signature is checked, the manifest's fields (each of the
        # right type by now) only serve to refuse the file or to find the key.
        manifest = _manifest(archive, source)
        manifest_bytes = archive.read("manifest.json")  # read cleanly just above
        if (manifest["recipient_replica"] != replica_id
                or manifest["recipient_office"] != office_id):
            raise UserError(MSG_NOT_FOR_US, path=str(source),
                            recipient=manifest["recipient_name"] or
                            manifest["recipient_replica"] or "?")
        sender = trusted(manifest["sender_replica"])
        if sender is None or sender.office_id != manifest["sender_office"]:
            raise UserError(MSG_UNKNOWN_SENDER, path=str(source),
                            sender=manifest["sender_name"] or manifest["sender_replica"])
        try:
            signature = archive.read("manifest.sig")
            ciphertext = archive.read("payload.bin")
        except ZIP_ERRORS as exc:
            raise UserError(MSG_DAMAGED, path=str(source)) from exc
        try:
            sender.verifier().verify(signature, manifest_bytes)
        except (InvalidSignature, ValueError, TypeError) as exc:
            raise UserError(MSG_FORGED, path=str(source), sender=sender.display_name) from exc
    info = manifest.get("payload") or {}
    try:
        if hashlib.sha256(ciphertext).hexdigest() != info["sha256"]:
            raise ValueError("payload hash")
        ephemeral = _unb64(info["ephemeral"])
        recipient_public = keys.box_public
        kek = _kek(keys.box.exchange(X25519PublicKey.from_public_bytes(ephemeral)),
                   ephemeral, recipient_public)
        data_key = AESGCM(kek).decrypt(_unb64(info["wrap_nonce"]),
                                       _unb64(info["wrapped_key"]), _header(manifest))
        compressed = AESGCM(data_key).decrypt(_unb64(info["nonce"]), ciphertext,
                                              _header(manifest))
        payload = _inflate(compressed, int(info["size"]), source)
    except (ValueError, KeyError, TypeError, AttributeError, OverflowError, InvalidTag,
            zlib.error) as exc:
        raise UserError(MSG_DAMAGED, path=str(source)) from exc
    return OpenedPackage(manifest, payload, sender,
                         hashlib.sha256(source.read_bytes()).hexdigest())


def _inflate(compressed: bytes, size: int, source: Path) -> bytes:
    if not 0 <= size <= MAX_PAYLOAD_BYTES or size > MAX_RATIO * max(len(compressed), 1024):
        raise UserError(MSG_TOO_LARGE, path=str(source))
    inflater = zlib.decompressobj()
    payload = inflater.decompress(compressed, size + 1)
    if len(payload) != size or inflater.unconsumed_tail or not inflater.eof:
        raise ValueError("payload size")
    return payload


class _open_zip:  # noqa: N801 - a context manager, read like a function
    """Open the file as a zip after the outside checks; close it afterwards."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.archive: zipfile.ZipFile | None = None

    def __enter__(self) -> zipfile.ZipFile:
        source = self.source
        try:
            size = source.stat().st_size
        except OSError as exc:
            raise UserError(MSG_NOT_FOUND, path=str(source),
                            reason=exc.strerror or str(exc)) from exc
        if size > MAX_FILE_BYTES:
            raise UserError(MSG_TOO_LARGE, path=str(source))
        try:
            archive = zipfile.ZipFile(source)
        except ZIP_ERRORS as exc:
            raise UserError(MSG_NOT_A_PACKAGE if size and not _looks_like_zip(source)
                            else MSG_DAMAGED, path=str(source)) from exc
        self.archive = archive
        try:
            _check_entries(archive, source)
        except BaseException:
            archive.close()
            raise
        return archive

    def __exit__(self, *_exc: object) -> None:
        if self.archive is not None:
            self.archive.close()


def _looks_like_zip(source: Path) -> bool:
    try:
        with source.open("rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _check_entries(archive: zipfile.ZipFile, source: Path) -> None:
    infos = archive.infolist()
    names = [info.filename for info in infos]
    if sorted(names) != sorted(ENTRIES):
        # ../ paths, folders, links and extra files all end here.
        raise UserError(MSG_NOT_A_PACKAGE, path=str(source))
    for info in infos:
        limit = MAX_MANIFEST_BYTES if info.filename != "payload.bin" else MAX_FILE_BYTES
        if info.file_size > limit or info.compress_type != zipfile.ZIP_STORED \
                or info.file_size != info.compress_size:
            raise UserError(MSG_TOO_LARGE if info.file_size > limit else MSG_NOT_A_PACKAGE,
                            path=str(source))
    try:
        bad = archive.testzip()
    except ZIP_ERRORS as exc:
        raise UserError(MSG_DAMAGED, path=str(source)) from exc
    if bad is not None:
        raise UserError(MSG_DAMAGED, path=str(source))


def _manifest(archive: zipfile.ZipFile, source: Path) -> dict[str, Any]:
    """The manifest, each field of the type it must have (it is not verified yet:
    a wrong type or value is refused plainly, never trusted or raised on)."""
    try:
        manifest = json.loads(archive.read("manifest.json").decode("utf-8"))
    except (*ZIP_ERRORS, RecursionError) as exc:
        raise UserError(MSG_DAMAGED, path=str(source)) from exc
    if not isinstance(manifest, dict):
        raise UserError(MSG_NOT_A_PACKAGE, path=str(source))
    checked = dict(manifest)
    for key, kinds in FIELD_TYPES.items():
        if key not in manifest and key not in _DEFAULTS and type(None) in kinds:
            continue  # optional, and absent
        value = manifest.get(key, _DEFAULTS.get(key))
        if not _has_type(value, kinds):
            raise UserError(MSG_NOT_A_PACKAGE, path=str(source))
        checked[key] = value
    if checked["format"] > PACKAGE_FORMAT:
        raise UserError(MSG_NEWER_FORMAT, path=str(source))
    return checked


def _has_type(value: Any, kinds: tuple[type, ...]) -> bool:
    if value is None:
        return type(None) in kinds
    if isinstance(value, bool):  # a bool is an int to Python, never to a package
        return False
    if isinstance(value, int):
        return int in kinds and 0 <= value <= MAX_NUMBER
    if isinstance(value, str):
        return str in kinds and len(value) <= MAX_TEXT
    return isinstance(value, kinds)


# Every field the program reads, with the types it may have; the ones read
# before the signature is checked must be there.
_TEXT, _NUMBER = (str,), (int,)
FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "format": _NUMBER, "package_id": _TEXT, "sender_office": _TEXT,
    "sender_replica": _TEXT, "sender_name": _TEXT, "recipient_office": _TEXT,
    "recipient_replica": _TEXT, "recipient_name": _TEXT, "incarnation": _TEXT,
    "sequence": _NUMBER, "schema": _NUMBER, "min_reader_schema": _NUMBER,
    "created_ms": (int, type(None)), "seq_from": _NUMBER, "seq_high": _NUMBER,
    "previous_hash": (str, type(None)), "ack": (dict, type(None)),
    "digest_scope": (list, type(None)), "digests": (dict, type(None)),
    "payload": (dict, type(None)),
}
_DEFAULTS: dict[str, Any] = {"format": 0, "sender_name": "", "recipient_name": "",
                             "schema": 0, "min_reader_schema": 0, "seq_from": 0,
                             "seq_high": 0, "sequence": 0}
MAX_NUMBER = 2**62  # SQLite keeps up to 2**63 - 1
MAX_TEXT = 4096
