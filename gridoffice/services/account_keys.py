"""Unlocking encrypted data at sign-in, before anything in it can be read.

The data key is unwrapped with the password from the key file
(:mod:`gridoffice.store.keys`); wrong tries are counted there and lock the account as
the accounts table would, and they reach the audit log at the next sign-in. Then the
file is opened and brought to the current schema. Plain DB-API, no Qt.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from gridoffice.domain.masking import mask_numbers
from gridoffice.errors import UserError
from gridoffice.services.accounts import (
    LOCK_MINUTES,
    LOCKED,
    LOGIN_FAILED,
    MAX_LOGIN,
    MAX_TRIES,
    MSG_LOCKED,
    MSG_WRONG,
    MSG_WRONG_LEFT,
)
from gridoffice.store import driver, keys


def unlock_data(path: Path, login: str, password: str, now: dt.datetime) -> None:
    """Unwrap the data key with ``password`` from the key file before the data can be
    read. Wrong tries count in the key file and lock the account as the accounts
    table would; they reach the audit log at the next sign-in."""
    key_file = keys.KeyFile.load(path)
    name = (login or "").strip()[:MAX_LOGIN]
    known = key_file.has_wrap(name)
    typed = name if known else mask_numbers(name)  # never an ID number
    at = now.isoformat(timespec="seconds")
    tries = key_file.tries(name)
    until = None
    with contextlib.suppress(TypeError, ValueError):
        until = dt.datetime.fromisoformat(str(tries.get("locked_until")))
    if until is not None and now < until:
        key_file.add_pending(at, typed, LOGIN_FAILED, "locked")
        key_file.save()
        raise UserError(MSG_LOCKED, login=name, tries=MAX_TRIES, until=f"{until:%H:%M:%S}")
    key = key_file.unwrap(name, password or "") if known else None
    if key is None:
        key_file.add_pending(at, typed, LOGIN_FAILED, "password" if known else "unknown")
        if not known:
            key_file.save()
            raise UserError(MSG_WRONG)
        failed = int(tries.get("failed") or 0) + 1
        if failed >= MAX_TRIES:
            until = now + dt.timedelta(minutes=LOCK_MINUTES)
            key_file.set_tries(name, 0, until.isoformat(timespec="seconds"))
            key_file.add_pending(at, name, LOCKED, f"until {until:%H:%M:%S}")
            key_file.save()
            raise UserError(MSG_LOCKED, login=name, tries=MAX_TRIES,
                            until=f"{until:%H:%M:%S}")
        key_file.set_tries(name, failed, None)
        key_file.save()
        raise UserError(MSG_WRONG_LEFT, left=MAX_TRIES - failed, minutes=LOCK_MINUTES)
    key_file.set_tries(name, 0, None)
    key_file.save()
    driver.set_key(path, key)
    from gridoffice.paths import AppPaths
    from gridoffice.store.files import open_database

    try:  # an update of the program may bring a new schema: it runs now
        open_database(AppPaths(path.parent, True), quick_check=False)
    except BaseException:
        driver.set_key(path, None)
        raise
