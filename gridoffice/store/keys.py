"""The database key of an encrypted data folder, and the file that keeps it wrapped.

An office with accounts keeps its data encrypted (SQLCipher, AES-256). The
database key is 32 random bytes made once, when the folder is encrypted. It is
never stored in the clear: the key file ``gridoffice.sqlite3.keys`` beside the
database holds it *wrapped* (AES-256-GCM) under

- each enabled account's password: the wrapping key is derived (HKDF-SHA256)
  from the account's scrypt hash of the password, so whoever types the password
  derives it, and a password change or reset only wraps the same key again
  (the data is never re-encrypted for it);
- the recovery key, printed once on paper (数据恢复密钥) and kept in the safe,
  which opens the data when every administrator password is lost.

Besides the wraps the key file holds what the login dialog shows before the data
can be read (office name, language), the wrong tries made before the data was
open (they lock the account as the accounts table would) and the failed
sign-ins still to be written to the audit log. A copy of it is kept in the
backups folder. It is written atomically; a copy of its recovery wrap also goes
into every backup's manifest, so a backup opens on a new PC with the recovery key.

Plain DB-API and ``cryptography`` (already used by sync), no Qt. The window's start
reads this module before it shows, so hashlib, base64 and json are imported where used.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gridoffice.errors import StorageError, UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.store import driver

log = logging.getLogger(__name__)

SUFFIX = ".keys"
FORMAT = 1
RECOVERY_BYTES = 20
MAX_KEY_FILE = 1 << 20  # a real one is a few kilobytes
MAX_PENDING = 200
_PASSWORD_INFO = b"gridoffice-db-key-wrap/1:"
_RECOVERY_INFO = b"gridoffice-recovery-wrap/1"
_FINGERPRINT_INFO = b"gridoffice-key-id/1"

PLAIN, ENCRYPTED, NO_KEY_FILE, STALE_KEY_FILE, MISSING = (
    "plain", "encrypted", "no_key_file", "stale_key_file", "missing")

MSG_KEY_NEEDED = QT_TRANSLATE_NOOP(
    "errors", "The data file {path} is encrypted: sign in with your account (or use the "
    "recovery key) to open it.")
MSG_WRONG_KEY = QT_TRANSLATE_NOOP(
    "errors", "The data file {path} cannot be opened with the key that was unlocked (the "
    "key file beside it belongs to other data?). Nothing was changed; use the recovery "
    "key of this data.")
MSG_KEY_FILE_DAMAGED = QT_TRANSLATE_NOOP(
    "errors", "The key file {path} is damaged ({detail}). Nothing was changed; open the data "
    "with the recovery key (gridoffice-cli unlock --recovery-key), which writes a new one.")
MSG_KEY_FILE_MISSING = QT_TRANSLATE_NOOP(
    "errors", "The data file {path} is encrypted, but its key file {keys} is missing. "
    "Nothing was changed; open the data with the recovery key (gridoffice-cli unlock "
    "--recovery-key), which writes a new key file.")
MSG_RECOVERY_WRONG = QT_TRANSLATE_NOOP(
    "errors", "Recovery key: this key does not open the data in {path} (a sheet of another "
    "office, or an older sheet replaced by a newer one). Nothing was changed.")


class KeyNeeded(StorageError):
    """The data file is encrypted and its key is not unlocked in this process."""


def key_file(database: Path) -> Path:
    return Path(database).with_name(Path(database).name + SUFFIX)


def fingerprint(key: bytes) -> str:
    """A short public name of a key (which key opens which file), not the key."""
    import hashlib

    return hashlib.sha256(_FINGERPRINT_INFO + key).hexdigest()[:16]


def new_key() -> bytes:
    return os.urandom(driver.KEY_BYTES)


def state(database: Path) -> str:
    """PLAIN, ENCRYPTED, NO_KEY_FILE (encrypted, key file lost), STALE_KEY_FILE (a plain
    file with a key file: a conversion that did not finish) or MISSING."""
    header = driver.has_sqlite_header(database)
    keys_exist = key_file(database).exists()
    if header is None:
        return MISSING
    if header:
        return STALE_KEY_FILE if keys_exist else PLAIN
    return ENCRYPTED if keys_exist else NO_KEY_FILE


def is_locked(database: Path) -> bool:
    """True when the data is encrypted and its key is not unlocked in this process."""
    return state(database) in (ENCRYPTED, NO_KEY_FILE) and driver.key_of(database) is None


# --- wrapping ------------------------------------------------------------------------------
def _b64(data: bytes) -> str:
    import base64

    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    import base64

    return base64.b64decode(str(text).encode("ascii"), validate=True)


def _hkdf(secret: bytes, info: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(secret)


def _seal(key: bytes, kek: bytes, aad: bytes) -> dict[str, str]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    return {"nonce": _b64(nonce), "wrapped": _b64(AESGCM(kek).encrypt(nonce, key, aad))}


def _open(entry: dict[str, Any], kek: bytes, aad: bytes) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(kek).decrypt(_unb64(entry["nonce"]), _unb64(entry["wrapped"]), aad)
    except (InvalidTag, KeyError, ValueError, TypeError):
        return None


def _hash_parts(stored_hash: str) -> tuple[int, int, int, bytes, bytes]:
    """``scrypt$n$r$p$salt$digest`` (the accounts table's form) taken apart."""
    import base64

    scheme, n, r, p, salt, digest = stored_hash.split("$")
    if scheme != "scrypt":
        raise ValueError("not an scrypt hash")
    return int(n), int(r), int(p), base64.b64decode(salt), base64.b64decode(digest)


def _password_aad(login: str) -> bytes:
    return b"account:" + login.casefold().encode("utf-8")


def password_entry(key: bytes, login: str, stored_hash: str) -> dict[str, Any]:
    """The key wrapped for an account, from the scrypt hash of its password."""
    n, r, p, salt, digest = _hash_parts(stored_hash)
    return {"n": n, "r": r, "p": p, "salt": _b64(salt),
            **_seal(key, _hkdf(digest, _PASSWORD_INFO + _password_aad(login)),
                    _password_aad(login))}


def open_password_entry(entry: dict[str, Any], login: str, password: str) -> bytes | None:
    """The key, when ``password`` is the one the entry was wrapped for; else None."""
    import hashlib

    try:
        n, r, p = int(entry["n"]), int(entry["r"]), int(entry["p"])
        if not (2 ** 10 <= n <= 2 ** 20 and 1 <= r <= 32 and 1 <= p <= 16):
            return None  # a hostile key file cannot make us allocate gigabytes
        digest = hashlib.scrypt(password.encode("utf-8"), salt=_unb64(entry["salt"]), n=n,
                                r=r, p=p, maxmem=128 * r * (n + p + 2) + (1 << 20), dklen=32)
    except (KeyError, ValueError, TypeError, MemoryError):
        return None
    return _open(entry, _hkdf(digest, _PASSWORD_INFO + _password_aad(login)),
                 _password_aad(login))


def recovery_entry(key: bytes, raw: bytes, now: dt.datetime) -> dict[str, Any]:
    return {"created": now.isoformat(timespec="seconds"),
            **_seal(key, _hkdf(raw, _RECOVERY_INFO), _RECOVERY_INFO)}


def open_recovery_entry(entry: dict[str, Any], raw: bytes) -> bytes | None:
    return _open(entry, _hkdf(raw, _RECOVERY_INFO), _RECOVERY_INFO)


# --- the key file --------------------------------------------------------------------------
@dataclass
class KeyFile:
    """The key file of one data file (see the module's text)."""

    path: Path
    data: dict[str, Any]

    @classmethod
    def for_database(cls, database: Path) -> KeyFile:
        return cls(key_file(database), {"format": FORMAT, "fingerprint": "", "accounts": {},
                                        "recovery": None, "tries": {}, "pending": [],
                                        "office": "", "language": ""})

    @classmethod
    def load(cls, database: Path) -> KeyFile:
        """The key file beside ``database``; StorageError when it is missing or damaged."""
        return cls.load_file(key_file(database), database)

    @classmethod
    def load_file(cls, path: Path, database: Path) -> KeyFile:
        """The key file ``path`` (beside ``database`` or a copy of it), read as
        :meth:`load` reads it; saving it writes beside ``database``."""
        import json

        try:
            with open(path, "rb") as handle:
                raw = handle.read(MAX_KEY_FILE + 1)
        except FileNotFoundError as exc:
            raise StorageError(MSG_KEY_FILE_MISSING, path=str(database), keys=str(path)) from exc
        except OSError as exc:
            from gridoffice.paths import storage_error

            raise storage_error(path, exc) from exc
        try:
            if len(raw) > MAX_KEY_FILE:
                raise ValueError("too large")
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict) or not isinstance(data.get("accounts"), dict):
                raise ValueError("not a key file")
            if int(data.get("format", 0)) > FORMAT:
                raise ValueError("written by a newer program")
        except (ValueError, UnicodeDecodeError) as exc:
            raise StorageError(MSG_KEY_FILE_DAMAGED, path=str(path), detail=str(exc)) from exc
        base = cls.for_database(database)
        base.data.update(data)
        return base

    @property
    def fingerprint(self) -> str:
        return str(self.data.get("fingerprint") or "")

    def save(self, mirror: Path | None = None) -> None:
        """Write atomically (a crash leaves the old file or the new one), and a copy into
        the ``mirror`` folder (the backups) when given."""
        import json

        text = json.dumps(self.data, ensure_ascii=False, indent=1, sort_keys=True)
        _write_atomic(self.path, text)
        if mirror is not None:
            try:
                mirror.mkdir(parents=True, exist_ok=True)
                _write_atomic(mirror / self.path.name, text)
            except OSError:
                log.warning("could not copy the key file into %s", mirror)

    # --- wraps -----------------------------------------------------------------------------
    def _entries(self, login: str) -> list[dict[str, Any]]:
        found = self.data["accounts"].get(login.casefold())
        return [e for e in found if isinstance(e, dict)] if isinstance(found, list) else []

    def logins(self) -> set[str]:
        return set(self.data["accounts"])

    def wrap_for(self, key: bytes, login: str, stored_hash: str, *, keep_old: bool = False
                 ) -> None:
        """Wrap ``key`` for the account ``login`` (``keep_old``: the earlier wraps stay
        too, until the change that made this one is committed)."""
        entry = password_entry(key, login, stored_hash)
        old = self._entries(login) if keep_old else []
        self.data["accounts"][login.casefold()] = [*old, entry][-3:]

    def drop(self, login: str) -> None:
        self.data["accounts"].pop(login.casefold(), None)

    def unwrap(self, login: str, password: str) -> bytes | None:
        for entry in reversed(self._entries(login)):
            key = open_password_entry(entry, login, password)
            if key is not None and fingerprint(key) == self.fingerprint:
                return key
        return None

    def has_wrap(self, login: str) -> bool:
        return bool(self._entries(login))

    def set_recovery(self, key: bytes, raw: bytes, now: dt.datetime) -> None:
        self.data["recovery"] = recovery_entry(key, raw, now)

    def unwrap_recovery(self, raw: bytes) -> bytes | None:
        entry = self.data.get("recovery")
        if not isinstance(entry, dict):
            return None
        key = open_recovery_entry(entry, raw)
        return key if key is not None and fingerprint(key) == self.fingerprint else None

    def recovery_created(self) -> str:
        entry = self.data.get("recovery")
        return str(entry.get("created", "")) if isinstance(entry, dict) else ""

    # --- tries before the data is open --------------------------------------------------------
    def tries(self, login: str) -> dict[str, Any]:
        found = self.data["tries"].get(login.casefold())
        return found if isinstance(found, dict) else {}

    def set_tries(self, login: str, failed: int, locked_until: str | None) -> None:
        if failed or locked_until:
            self.data["tries"][login.casefold()] = {"failed": failed, "locked_until": locked_until}
        else:
            self.data["tries"].pop(login.casefold(), None)
        if len(self.data["tries"]) > MAX_PENDING:  # typed names of no account: keep few
            for name in list(self.data["tries"])[:-MAX_PENDING]:
                self.data["tries"].pop(name, None)

    def add_pending(self, at: str, login: str, action: str, detail: str) -> None:
        pending = self.data.get("pending")
        pending = pending if isinstance(pending, list) else []
        pending.append({"at": at, "login": login, "action": action, "detail": detail})
        self.data["pending"] = pending[-MAX_PENDING:]

    def take_pending(self) -> list[dict[str, str]]:
        pending = self.data.get("pending")
        self.data["pending"] = []
        return [p for p in pending if isinstance(p, dict)] if isinstance(pending, list) else []

    def set_preface(self, office: str, language: str) -> None:
        self.data["office"], self.data["language"] = office, language


def _write_atomic(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".part")
    try:
        with open(partial, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise


def preface(database: Path) -> tuple[str, str]:
    """(office name, language) for the sign-in of a locked folder; empty when unknown."""
    try:
        keys = KeyFile.load(database)
    except UserError:
        return "", ""
    return str(keys.data.get("office") or ""), str(keys.data.get("language") or "")


# --- encrypting a plain file ---------------------------------------------------------------
def export_encrypted(source: driver.Connection, target: Path, key: bytes) -> None:
    """Copy the plain database open on ``source`` into the new file ``target``,
    encrypted with ``key`` (SQLCipher's ``sqlcipher_export``; the SQLite backup API
    cannot go from a plain file to an encrypted one). The schema version and the
    application id go with it; the copy is in rollback-journal mode."""
    version = source.execute("PRAGMA user_version").fetchone()[0]
    app_id = source.execute("PRAGMA application_id").fetchone()[0]
    source.execute(f"ATTACH DATABASE ? AS enc {driver.attach_key(key)}", (str(target),))
    try:
        source.execute("SELECT sqlcipher_export('enc')")
        source.execute(f"PRAGMA enc.user_version = {int(version)}")
        source.execute(f"PRAGMA enc.application_id = {int(app_id)}")
    finally:
        source.execute("DETACH DATABASE enc")


def encrypt_file(plain: Path, target: Path, key: bytes) -> None:
    """``plain`` (a closed, plain SQLite file such as a backup) copied encrypted."""
    conn = driver.connect(plain, read_only=True, key=None)
    try:
        export_encrypted(conn, target, key)
    finally:
        conn.close()


def account_hashes(conn: driver.Connection) -> dict[str, str]:
    """login -> password hash of every enabled account (they get a wrap)."""
    return {login: stored for login, stored in conn.execute(
        "SELECT login, password_hash FROM account WHERE NOT disabled")}


def compare_copies(a: driver.Connection, b: driver.Connection) -> str | None:
    """What differs between two databases' tables (row counts and content digests), or
    None when they hold the same rows."""
    tables = [name for (name,) in a.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]
    other = [name for (name,) in b.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]
    if tables != other:
        return "tables"
    for table in tables:
        if _table_digest(a, table) != _table_digest(b, table):
            return table
    return None


def _table_digest(conn: driver.Connection, table: str) -> tuple[int, int]:
    """Rows and an order-free digest of them (a sum of row hashes: tables without
    rowid have no order to follow, and the sum streams)."""
    import hashlib

    count = total = 0
    for row in conn.execute(f'SELECT * FROM "{table}"'):
        count += 1
        total += int.from_bytes(hashlib.sha256(repr(row).encode("utf-8")).digest()[:16], "big")
    return count, total % (1 << 128)


Progress = Callable[[int, int], bool]


def plain_backups(backup_dir: Path) -> list[Path]:
    """The plain (unencrypted) database copies in the backups folder."""
    try:
        files = sorted(backup_dir.glob("gridoffice-*.sqlite3"))
    except OSError:
        return []
    return [f for f in files if driver.has_sqlite_header(f)]


def encrypt_backups(files: Iterable[Path], key: bytes,
                    rewrite_manifest: Callable[[Path], None] | None = None) -> list[Path]:
    """Encrypt plain backup copies in place (each through a checked ``.part`` file and an
    atomic rename, so a crash leaves the plain copy or the encrypted one); the ones
    done. ``rewrite_manifest`` brings a copy's manifest up to date afterwards."""
    done = []
    for file in files:
        partial = file.with_name(file.name + ".enc.part")
        try:
            partial.unlink(missing_ok=True)
            encrypt_file(file, partial, key)
            check = driver.connect(partial, immutable=True, key=key)
            try:
                ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            finally:
                check.close()
            if not ok:
                raise driver.DatabaseError("integrity check of the encrypted copy failed")
            os.replace(partial, file)
        except (OSError, driver.Error):
            log.warning("could not encrypt the backup %s", file, exc_info=True)
            with contextlib.suppress(OSError):
                partial.unlink()
            continue
        if rewrite_manifest is not None:
            rewrite_manifest(file)
        done.append(file)
    return done
