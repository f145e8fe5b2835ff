"""Accounts: who signs in on this PC, with which role, and the lock after wrong passwords.

Accounts are local to one PC (never synced; the operator's name travels with the
records as before). Passwords are kept only as a salted scrypt hash (the
standard library's ``hashlib.scrypt``). Five wrong passwords lock the account
for five minutes, and the lock is in the file, so a restart does not clear it.
Accounts are disabled, never deleted. Every sign-in, failure, lock and change
is written to the audit log in the same transaction.

Plain ``sqlite3``: the sign-in runs before the window loads SQLModel.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
import hmac
import json
import secrets
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from gridoffice.domain import access
from gridoffice.domain.access import Actor
from gridoffice.domain.identity import parse_phone
from gridoffice.domain.masking import mask_numbers
from gridoffice.domain.text import check_text
from gridoffice.errors import Term, UserError, ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services import account_mode
from gridoffice.store import audit as store_audit
from gridoffice.store import driver, keys, settings
from gridoffice.store.files import connect

MIN_PASSWORD = 8
MAX_PASSWORD, MAX_LOGIN, MAX_NAME = access.MAX_PASSWORD, access.MAX_LOGIN, access.MAX_NAME
MAX_TRIES = 5
LOCK_MINUTES = 5

# audit actions
LOGIN = "login"
LOGIN_FAILED = "login_failed"
LOCKED = "account_locked"
UNLOCK = "unlock"
LOGOUT = "logout"
ACCOUNT_ADD = "account_add"
ACCOUNT_CHANGE = "account_change"
ACCOUNT_DISABLE = "account_disable"
ACCOUNT_ENABLE = "account_enable"
PASSWORD_RESET = "password_reset"
PASSWORD_CHANGE = "password_change"
OPEN_ENDED = "accounts_start"
RECOVERY_UNLOCK = "recovery_key_unlock"

LOGIN_LABEL = QT_TRANSLATE_NOOP("codes", "Login name")
REAL_NAME_LABEL = QT_TRANSLATE_NOOP("codes", "Real name")
MSG_LOGIN_EMPTY = QT_TRANSLATE_NOOP("errors", "Login name: enter a login name.")
MSG_LOGIN_FORM = QT_TRANSLATE_NOOP(
    "errors", "Login name: 2 to {limit} characters without spaces.")
MSG_LOGIN_TAKEN = QT_TRANSLATE_NOOP(
    "errors", "Login name: {login} is already taken (accounts are never deleted; enable "
    "the old one instead). Nothing was changed.")
MSG_NAME_LONG = QT_TRANSLATE_NOOP("errors", "Real name: at most {limit} characters.")
MSG_PASSWORD_SHORT = QT_TRANSLATE_NOOP("errors", "Password: at least {limit} characters.")
MSG_PASSWORD_LONG = QT_TRANSLATE_NOOP("errors", "Password: at most {limit} characters.")
MSG_PASSWORD_MISMATCH = QT_TRANSLATE_NOOP(
    "errors", "Password: the two entries differ; type the same password twice.")
MSG_ROLE = QT_TRANSLATE_NOOP("errors", "Role: {value} is not a role.")
MSG_GRIDS_NEEDED = QT_TRANSLATE_NOOP(
    "errors", "Grids: a grid worker needs at least one grid.")
MSG_GRID_UNKNOWN = QT_TRANSLATE_NOOP("errors", "Grids: {value} is not a grid of this office.")
MSG_FIRST_ADMIN = QT_TRANSLATE_NOOP(
    "errors", "Role: the first account of an office must be the administrator.")
MSG_NO_ACCOUNT = QT_TRANSLATE_NOOP("errors", "Login name: there is no account {login}.")
MSG_WRONG = QT_TRANSLATE_NOOP("errors", "Wrong login name or password.")
MSG_WRONG_LEFT = QT_TRANSLATE_NOOP(
    "errors", "Wrong login name or password; {left} more wrong tries lock the account "
    "for {minutes} minutes.")
MSG_LOCKED = QT_TRANSLATE_NOOP(
    "errors", "The account {login} is locked after {tries} wrong passwords; try again "
    "after {until}.")
MSG_DISABLED = QT_TRANSLATE_NOOP(
    "errors", "The account {login} is disabled; ask the administrator.")
MSG_OWN_ACCOUNT = QT_TRANSLATE_NOOP(
    "errors", "You cannot disable your own account or take away its administrator role.")
MSG_LAST_ADMIN = QT_TRANSLATE_NOOP(
    "errors", "The office needs an administrator: the last one cannot be disabled or "
    "given another role.")
MSG_CURRENT_WRONG = QT_TRANSLATE_NOOP(
    "errors", "Current password: wrong. Nothing was changed.")
MSG_NOT_ADMIN = QT_TRANSLATE_NOOP(
    "errors", "Administrator: {login} is not an administrator's login name of this office.")
MSG_NEEDS_ADMIN = QT_TRANSLATE_NOOP(
    "errors", "Accounts are managed by the administrator: sign in as the administrator.")

# --- password hashes -----------------------------------------------------------------------
# scrypt, N = 2**15, r = 8, p = 1: about 32 MB and a tenth of a second per try.
_SCRYPT = {"n": 2 ** 15, "r": 8, "p": 1}


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=128 * r * (n + p + 2) + 1024 * 1024, dklen=32)


def hash_password(password: str) -> str:
    """``scrypt$n$r$p$salt$hash`` (base64), with a fresh random salt."""
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, **_SCRYPT)
    encode = base64.b64encode
    return "scrypt${n}${r}${p}${salt}${digest}".format(
        **_SCRYPT, salt=encode(salt).decode(), digest=encode(digest).decode())


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        actual = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, base64.b64decode(digest))


# --- records -------------------------------------------------------------------------------
@dataclass(frozen=True)
class AccountDraft:
    """What the administrator types for an account (not the password)."""

    login: str
    role: str
    real_name: str = ""
    grids: tuple[str, ...] = ()  # grid ids (a grid worker's)
    communities: tuple[str, ...] = ()  # office ids (a street worker's; empty: all)
    phone: str = ""
    control_tags: bool = False


@dataclass(frozen=True)
class Account:
    login: str
    real_name: str
    role: str
    grids: tuple[str, ...]
    communities: tuple[str, ...]
    phone: str
    control_tags: bool
    disabled: bool
    failed: int
    locked_until: dt.datetime | None
    created_at: str
    changed_at: str
    grid_names: tuple[str, ...] = field(default=())

    @property
    def display_name(self) -> str:
        return self.real_name or self.login

    def locked(self, now: dt.datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now

    def draft(self) -> AccountDraft:
        return AccountDraft(self.login, self.role, self.real_name, self.grids,
                            self.communities, self.phone, self.control_tags)

    def actor(self, own_office: str | None = None) -> Actor:
        """The person acting as this account. A street worker limited to some
        communities keeps the street office's own records (``own_office``) too."""
        communities = frozenset(self.communities)
        if communities and own_office:
            communities |= {own_office}
        return Actor(login=self.login, operator=self.display_name, role=self.role,
                     grids=frozenset(self.grids), control_tags=self.control_tags,
                     communities=communities)


_COLUMNS = ("login, real_name, role, grids, communities, phone, control_tags, disabled, "
            "failed, locked_until, created_at, changed_at")


def _account(row: tuple, names: dict[str, str]) -> Account:
    (login, real_name, role, grids, communities, phone, control_tags, disabled, failed,
     locked_until, created_at, changed_at) = row
    grid_ids = tuple(json.loads(grids or "[]"))
    return Account(login, real_name, role, grid_ids, tuple(json.loads(communities or "[]")),
                   phone, bool(control_tags), bool(disabled), failed,
                   dt.datetime.fromisoformat(locked_until) if locked_until else None,
                   created_at, changed_at, tuple(names.get(g, g) for g in grid_ids))


# folder modes (told without this service by :mod:`gridoffice.services.account_mode`)
OPEN, NEEDS_ADMIN, SIGNED = account_mode.OPEN, account_mode.NEEDS_ADMIN, account_mode.SIGNED


class AccountService:
    """Accounts of the data file at ``path``, acted on by ``actor`` (None: nobody has
    signed in yet, which allows only the first administrator and signing in)."""

    def __init__(self, path: Path, actor: Actor | None = None,
                 clock: Callable[[], dt.datetime] | None = None) -> None:
        self.path = path
        self.actor = actor
        self.clock = clock or dt.datetime.now

    # --- reading ---------------------------------------------------------------------------
    @contextmanager
    def _read(self) -> Iterator[driver.Connection]:
        conn = connect(self.path, read_only=True)
        try:
            yield conn
        finally:
            conn.close()

    @contextmanager
    def _write(self) -> Iterator[driver.Connection]:
        conn = connect(self.path)
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        finally:
            conn.close()

    def mode(self) -> str:
        """OPEN, NEEDS_ADMIN or SIGNED (see the module's constants)."""
        return account_mode.mode(self.path)

    def set_open(self) -> None:
        """Make a folder without accounts open on purpose (demo, ``setup --open``)."""
        if self.mode() == SIGNED:
            return
        settings.write(self.path, {settings.ACCOUNTS_OPEN: "1"})

    def _grid_names(self, conn: driver.Connection) -> dict[str, str]:
        return {gid: name or code for gid, code, name in conn.execute(
            "SELECT id, code, name FROM grid WHERE NOT deleted")}

    def accounts(self) -> list[Account]:
        """Every account, disabled ones too, by login."""
        with self._read() as conn:
            names = self._grid_names(conn)
            return [_account(row, names) for row in conn.execute(
                f"SELECT {_COLUMNS} FROM account ORDER BY login")]

    def account(self, login: str) -> Account:
        with self._read() as conn:
            found = self._get(conn, login)
            if found is None:
                raise ValidationError("login", MSG_NO_ACCOUNT, login=login)
            return found

    def _get(self, conn: driver.Connection, login: str) -> Account | None:
        row = conn.execute(f"SELECT {_COLUMNS} FROM account WHERE login = ?",
                           ((login or "").strip(),)).fetchone()
        return _account(row, self._grid_names(conn)) if row else None

    def grid_ids_for(self, codes: Iterable[str]) -> tuple[str, ...]:
        """The ids of grids given by code, id or name; a ValidationError names one that
        does not exist."""
        with self._read() as conn:
            rows = conn.execute("SELECT id, code, name FROM grid WHERE NOT deleted").fetchall()
        found: list[str] = []
        for code in codes:
            key = (code or "").strip()
            match = next((gid for gid, gcode, name in rows if key in (gid, gcode, name)), None)
            if match is None:
                raise ValidationError("grids", MSG_GRID_UNKNOWN, value=key)
            if match not in found:
                found.append(match)
        return tuple(found)

    # --- checks ----------------------------------------------------------------------------
    def _require_admin(self) -> None:
        if self.actor is None or not self.actor.allows(access.ACCOUNTS):
            raise access.PermissionDenied(MSG_NEEDS_ADMIN)

    def _clean(self, conn: driver.Connection, draft: AccountDraft) -> AccountDraft:
        login = (draft.login or "").strip()
        if not login:
            raise ValidationError("login", MSG_LOGIN_EMPTY)
        check_text("login", Term(LOGIN_LABEL), login)
        if len(login) < 2 or len(login) > MAX_LOGIN or any(c.isspace() for c in login):
            raise ValidationError("login", MSG_LOGIN_FORM, limit=MAX_LOGIN)
        real_name = " ".join((draft.real_name or "").split())
        check_text("real_name", Term(REAL_NAME_LABEL), real_name)
        if len(real_name) > MAX_NAME:
            raise ValidationError("real_name", MSG_NAME_LONG, limit=MAX_NAME)
        if draft.role not in access.ROLES:
            raise ValidationError("role", MSG_ROLE, value=draft.role)
        phone = (draft.phone or "").strip()
        if phone:
            phone = parse_phone(phone)
        grids = tuple(dict.fromkeys(draft.grids)) if draft.role == access.GRID else ()
        if draft.role == access.GRID:
            if not grids:
                raise ValidationError("grids", MSG_GRIDS_NEEDED)
            known = self._grid_names(conn)
            for grid in grids:
                if grid not in known:
                    raise ValidationError("grids", MSG_GRID_UNKNOWN, value=grid)
        control = bool(draft.control_tags) and draft.role in access.CONTROL_TAG_ROLES
        return AccountDraft(login, draft.role, real_name, grids,
                            tuple(dict.fromkeys(draft.communities)), phone, control)

    @staticmethod
    def _check_password(password: str, repeat: str | None = None) -> None:
        if len(password or "") < MIN_PASSWORD:
            raise ValidationError("password", MSG_PASSWORD_SHORT, limit=MIN_PASSWORD)
        if len(password) > MAX_PASSWORD:
            raise ValidationError("password", MSG_PASSWORD_LONG, limit=MAX_PASSWORD)
        if repeat is not None and repeat != password:
            raise ValidationError("password", MSG_PASSWORD_MISMATCH)

    def _now(self) -> str:
        return self.clock().isoformat(timespec="seconds")

    def _audit(self, conn: driver.Connection, action: str, target: str,
               detail: str = "", who: str | None = None) -> None:
        name = who if who is not None else (self.actor.audit_name if self.actor else "")
        store_audit.record_sql(conn, name, action, target, detail)

    @staticmethod
    def _admins(conn: driver.Connection) -> int:
        return conn.execute("SELECT count(*) FROM account WHERE role = ? AND NOT disabled",
                            (access.ADMIN,)).fetchone()[0]

    # --- changes ---------------------------------------------------------------------------
    def check_new(self, draft: AccountDraft, password: str, repeat: str | None = None) -> None:
        """Raise what :meth:`add` would refuse, writing nothing (the first-start dialog
        checks the administrator before it sets up the office)."""
        self._check_password(password, repeat)
        with self._read() as conn:
            first = conn.execute("SELECT 1 FROM account LIMIT 1").fetchone() is None
            if first and draft.role != access.ADMIN:
                raise ValidationError("role", MSG_FIRST_ADMIN)
            if not first:
                self._require_admin()
            clean = self._clean(conn, draft)
            if self._get(conn, clean.login) is not None:
                raise ValidationError("login", MSG_LOGIN_TAKEN, login=clean.login)

    def add(self, draft: AccountDraft, password: str, repeat: str | None = None) -> Account:
        """A new account. The folder's first account must be the administrator and
        needs nobody signed in; later ones are added by an administrator."""
        self._check_password(password, repeat)
        with self._write() as conn:
            first = conn.execute("SELECT 1 FROM account LIMIT 1").fetchone() is None
            if first:
                if draft.role != access.ADMIN:
                    raise ValidationError("role", MSG_FIRST_ADMIN)
            else:
                self._require_admin()
            clean = self._clean(conn, draft)
            if self._get(conn, clean.login) is not None:
                raise ValidationError("login", MSG_LOGIN_TAKEN, login=clean.login)
            now = self._now()
            conn.execute(
                f"INSERT INTO account ({_COLUMNS}, password_hash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, NULL, ?, ?, ?)",
                (clean.login, clean.real_name, clean.role, json.dumps(list(clean.grids)),
                 json.dumps(list(clean.communities)), clean.phone, int(clean.control_tags),
                 now, now, hash_password(password)))
            if first:
                conn.execute("DELETE FROM setting WHERE key = ?", (settings.ACCOUNTS_OPEN,))
                self._audit(conn, OPEN_ENDED, clean.login, who=clean.login)
            self._audit(conn, ACCOUNT_ADD, clean.login, self._describe(clean),
                        who=clean.login if first else None)
            self._wrap_before_commit(conn, clean.login)
            added = self._get(conn, clean.login)
        self.sync_wraps()
        return added  # type: ignore[return-value]

    @staticmethod
    def _describe(draft: AccountDraft) -> str:
        parts = [f"role={draft.role}"]
        if draft.grids:
            parts.append("grids=" + ",".join(draft.grids))
        if draft.communities:
            parts.append("communities=" + ",".join(draft.communities))
        if draft.control_tags:
            parts.append("control_tags")
        return " ".join(parts)

    def update(self, draft: AccountDraft) -> Account:
        """Real name, role, grids, phone and the control-tag grant of an account."""
        self._require_admin()
        with self._write() as conn:
            old = self._get(conn, draft.login)
            if old is None:
                raise ValidationError("login", MSG_NO_ACCOUNT, login=draft.login)
            clean = self._clean(conn, AccountDraft(old.login, *(
                getattr(draft, name) for name in ("role", "real_name", "grids", "communities",
                                                  "phone", "control_tags"))))
            if old.role == access.ADMIN and clean.role != access.ADMIN:
                self._keep_an_admin(conn, old)
            conn.execute(
                "UPDATE account SET real_name = ?, role = ?, grids = ?, communities = ?, "
                "phone = ?, control_tags = ?, changed_at = ? WHERE login = ?",
                (clean.real_name, clean.role, json.dumps(list(clean.grids)),
                 json.dumps(list(clean.communities)), clean.phone, int(clean.control_tags),
                 self._now(), old.login))
            self._audit(conn, ACCOUNT_CHANGE, old.login, self._describe(clean))
            return self._get(conn, old.login)  # type: ignore[return-value]

    def _keep_an_admin(self, conn: driver.Connection, account: Account) -> None:
        if self.actor is not None and self.actor.login.casefold() == account.login.casefold():
            raise UserError(MSG_OWN_ACCOUNT)
        if not account.disabled and self._admins(conn) <= 1:
            raise UserError(MSG_LAST_ADMIN)

    def set_disabled(self, login: str, disabled: bool = True) -> Account:
        """Disable (or enable again) an account; it is never deleted."""
        self._require_admin()
        with self._write() as conn:
            old = self._get(conn, login)
            if old is None:
                raise ValidationError("login", MSG_NO_ACCOUNT, login=login)
            if disabled and old.role == access.ADMIN:
                self._keep_an_admin(conn, old)
            elif disabled and self.actor and self.actor.login.casefold() == old.login.casefold():
                raise UserError(MSG_OWN_ACCOUNT)
            conn.execute("UPDATE account SET disabled = ?, changed_at = ? WHERE login = ?",
                         (int(disabled), self._now(), old.login))
            self._audit(conn, ACCOUNT_DISABLE if disabled else ACCOUNT_ENABLE, old.login)
            if not disabled:
                self._wrap_before_commit(conn, old.login)
            changed = self._get(conn, old.login)
        self.sync_wraps()  # a disabled account's wrap goes: its password opens nothing
        return changed  # type: ignore[return-value]

    def reset_password(self, login: str, password: str, repeat: str | None = None) -> None:
        """The administrator sets a new password (and lifts a lock)."""
        self._require_admin()
        self._check_password(password, repeat)
        with self._write() as conn:
            old = self._get(conn, login)
            if old is None:
                raise ValidationError("login", MSG_NO_ACCOUNT, login=login)
            conn.execute("UPDATE account SET password_hash = ?, failed = 0, locked_until = NULL, "
                         "changed_at = ? WHERE login = ?",
                         (hash_password(password), self._now(), old.login))
            self._audit(conn, PASSWORD_RESET, old.login)
            self._wrap_before_commit(conn, old.login)
        self.sync_wraps()

    def change_password(self, login: str, current: str, password: str,
                        repeat: str | None = None) -> None:
        """A user changes their own password, giving the current one."""
        self._check_password(password, repeat)
        failure: UserError | None = None
        with self._write() as conn:
            account = self._get(conn, login)
            if account is None:
                raise ValidationError("login", MSG_NO_ACCOUNT, login=login)
            # a wrong current password counts towards the lock, as at sign-in
            failure = self._try_password(conn, account, current, self.clock())
            if failure is None:
                conn.execute("UPDATE account SET password_hash = ?, changed_at = ? "
                             "WHERE login = ?",
                             (hash_password(password), self._now(), account.login))
                self._audit(conn, PASSWORD_CHANGE, account.login, who=account.login)
                self._wrap_before_commit(conn, account.login)
        if failure is None:
            self.sync_wraps()
            return
        if failure.message == MSG_WRONG_LEFT:
            raise ValidationError("current_password", MSG_CURRENT_WRONG)
        raise failure

    def _stored(self, conn: driver.Connection, login: str) -> tuple[str, str]:
        row = conn.execute("SELECT login, password_hash FROM account WHERE login = ?",
                           ((login or "").strip(),)).fetchone()
        if row is None:
            raise ValidationError("login", MSG_NO_ACCOUNT, login=login)
        return row

    # --- signing in ------------------------------------------------------------------------
    def sign_in(self, login: str, password: str, *, action: str = LOGIN) -> Actor:
        """The actor of the account, when the password is right and the account is
        enabled and not locked. A wrong password counts towards the lock (and is
        written to the audit log either way); the error names no account that
        does not exist."""
        now = self.clock()
        if keys.is_locked(self.path):
            from gridoffice.services.account_keys import unlock_data

            unlock_data(self.path, login, password, now)
        actor: Actor | None = None
        with self._write() as conn:
            account = self._get(conn, login)
            if account is None:
                typed = mask_numbers((login or "").strip()[:MAX_LOGIN])  # never an ID number
                self._audit(conn, LOGIN_FAILED, typed, "unknown", who="")
                failure: UserError | None = UserError(MSG_WRONG)
            else:
                failure = self._try_password(conn, account, password, now)
                if failure is None:
                    self._audit(conn, action, account.login, who=account.login)
                    self._write_pending(conn)
                    own = conn.execute(
                        "SELECT value FROM meta WHERE key = 'office_id'").fetchone()
                    actor = account.actor(own[0] if own else None)
        if actor is not None:
            self.sync_wraps()
            return actor
        assert failure is not None
        raise failure

    # --- the key of encrypted data ------------------------------------------------------------
    def _encrypted(self) -> bytes | None:
        """The data key, when the data is encrypted and unlocked in this process."""
        key = driver.key_of(self.path)
        return key if key is not None and keys.state(self.path) == keys.ENCRYPTED else None

    def recovery_admin(self, login: str | None) -> str:
        """The administrator a recovery-key unlock gives a new password: ``login`` (which
        must be an administrator's), or the first enabled one, or the first one."""
        admins = [a for a in self.accounts() if a.role == access.ADMIN]
        if login:
            found = next((a for a in admins if a.login.casefold() == login.strip().casefold()),
                         None)
            if found is None:
                raise ValidationError("login", MSG_NOT_ADMIN, login=login.strip())
            return found.login
        if not admins:
            raise ValidationError("login", MSG_NOT_ADMIN, login="")
        return sorted(admins, key=lambda a: (a.disabled, a.login))[0].login

    def recover_admin(self, login: str, password: str, repeat: str | None = None) -> None:
        """A new password for the administrator ``login`` after the data was opened with
        the recovery key (only then: the key must be unlocked in this process); the
        account is enabled and unlocked. Audited."""
        if self._encrypted() is None:
            raise UserError(keys.MSG_KEY_NEEDED, path=str(self.path))
        self._check_password(password, repeat)
        with self._write() as conn:
            conn.execute("UPDATE account SET password_hash = ?, failed = 0, locked_until = NULL, "
                         "disabled = 0, changed_at = ? WHERE login = ? AND role = ?",
                         (hash_password(password), self._now(), login, access.ADMIN))
            self._audit(conn, RECOVERY_UNLOCK, login, who=login)
            self._wrap_before_commit(conn, login)
        key_file = keys.KeyFile.load(self.path)
        key_file.set_tries(login, 0, None)
        key_file.save()
        self.sync_wraps()

    def _write_pending(self, conn: driver.Connection) -> None:
        """The failed sign-ins made while the data was locked, into the audit log."""
        if self._encrypted() is None:
            return
        key_file = keys.KeyFile.load(self.path)
        pending = key_file.take_pending()
        for entry in pending:
            store_audit.record_sql(conn, str(entry.get("login", "")),
                                   str(entry.get("action", LOGIN_FAILED)),
                                   str(entry.get("login", "")),
                                   f"{entry.get('detail', '')} at {entry.get('at', '')}")
        if pending:
            key_file.save()

    def _wrap_before_commit(self, conn: driver.Connection, login: str) -> None:
        """Wrap the data key for ``login``'s new password hash before the change is
        committed, keeping the older wraps: a crash between the two leaves a key file
        that opens with the old password or the new one (:meth:`sync_wraps` prunes)."""
        key = self._encrypted()
        if key is None:
            return
        key_file = keys.KeyFile.load(self.path)
        key_file.wrap_for(key, login, self._stored(conn, login)[1], keep_old=True)
        key_file.save()

    def sync_wraps(self) -> None:
        """Bring the key file in line with the accounts: one wrap per enabled account,
        made from its current password hash; none for disabled or unknown ones (after a
        restore, a crash between a change and its commit, or a disable)."""
        key = self._encrypted()
        if key is None:
            return
        key_file = keys.KeyFile.load(self.path)
        with self._read() as conn:
            hashes = keys.account_hashes(conn)
        changed = False
        wanted = {login.casefold(): (login, stored) for login, stored in hashes.items()}
        for name in key_file.logins() - set(wanted):
            key_file.drop(name)
            changed = True
        for name, (login, stored) in wanted.items():
            salt = stored.split("$")[4] if stored.count("$") == 5 else ""
            entries = key_file.data["accounts"].get(name) or []
            current = [e for e in entries if isinstance(e, dict) and e.get("salt") == salt]
            if len(current) != 1 or len(entries) != 1:
                key_file.drop(name)
                if current:
                    key_file.data["accounts"][name] = current[-1:]
                else:
                    key_file.wrap_for(key, login, stored)
                changed = True
        if changed:
            key_file.save(mirror=self.path.parent / "backups")

    def _try_password(self, conn: driver.Connection, account: Account, password: str,
                      now: dt.datetime) -> UserError | None:
        """None when ``password`` is the enabled, unlocked account's (the count of wrong
        tries starts again); else the error, with the wrong try counted and audited
        (the fifth locks the account). The caller commits either way."""
        if account.disabled:
            self._audit(conn, LOGIN_FAILED, account.login, "disabled", who=account.login)
            return UserError(MSG_DISABLED, login=account.login)
        if account.locked(now):
            self._audit(conn, LOGIN_FAILED, account.login, "locked", who=account.login)
            return self._locked_error(account)
        if check_password(password or "", self._stored(conn, account.login)[1]):
            conn.execute("UPDATE account SET failed = 0, locked_until = NULL WHERE login = ?",
                         (account.login,))
            return None
        failed = account.failed + 1
        self._audit(conn, LOGIN_FAILED, account.login, "password", who=account.login)
        if failed >= MAX_TRIES:
            until = now + dt.timedelta(minutes=LOCK_MINUTES)
            conn.execute("UPDATE account SET failed = 0, locked_until = ? WHERE login = ?",
                         (until.isoformat(timespec="seconds"), account.login))
            self._audit(conn, LOCKED, account.login, f"until {until:%H:%M:%S}",
                        who=account.login)
            return self._locked_error(dataclasses.replace(account, locked_until=until))
        conn.execute("UPDATE account SET failed = ? WHERE login = ?", (failed, account.login))
        return UserError(MSG_WRONG_LEFT, left=MAX_TRIES - failed, minutes=LOCK_MINUTES)

    @staticmethod
    def _locked_error(account: Account) -> UserError:
        until = account.locked_until
        return UserError(MSG_LOCKED, login=account.login, tries=MAX_TRIES,
                         until=f"{until:%H:%M:%S}" if until else "")

    def unlock(self, actor: Actor, password: str) -> Actor:
        """The idle-locked window opens again for the same person only."""
        return self.sign_in(actor.login, password, action=UNLOCK)

    def record_logout(self, actor: Actor) -> None:
        with self._write() as conn:
            self._audit(conn, LOGOUT, actor.login, who=actor.login)
