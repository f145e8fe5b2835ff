"""A person's values as an actor may see them: the masking policy of
:func:`gridoffice.domain.access.shows` applied in one place.

Every ledger and export that shows people passes its values through
:func:`present` instead of masking fields itself, so what a role sees on paper
and in a file is decided by the policy alone. An output that shows more than the
masked default needs a reason (:func:`require_reason`), which its audit entry
carries (:func:`with_reason`). No Qt, no SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from gridoffice.domain import access, masking
from gridoffice.domain.access import Actor
from gridoffice.errors import UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP

#: the keys :func:`present` knows, by the field kind of the policy
ID_KEYS = ("id_number", "id_number_original")
PHONE_KEYS = ("mobile", "phone")
ADDRESS_KEYS = ("address", "home_address")
BIRTH_KEY = "birth_date"
NAME_KEY = "name"
TAG_KEYS = ("tags", "care_tags")

REASON_MAX = 100  # characters: a reason is a few words (入户走访, 上报街道)

MSG_REASON_REQUIRED = QT_TRANSLATE_NOOP(
    "errors", "Reason: this output shows more than the masked numbers and addresses; give "
    "the reason (e.g. 入户走访 or 上报街道). Nothing was written.")
MSG_REASON_TOO_LONG = QT_TRANSLATE_NOOP(
    "errors", "Reason: at most {max} characters. Nothing was written.")


def _mask_birth(value: Any) -> Any:
    """A masked birth date: the first of its month (a date stays a date, so that a
    sheet writes it as a month cell), or the year and month of a text."""
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, 1)
    return masking.mask_birth(value) or None


def _apply(values: dict[str, Any], keys: tuple[str, ...],
           mask: Callable[[Any], Any]) -> None:
    for key in keys:
        if key in values and values[key]:
            values[key] = mask(values[key]) or None


def present(actor: Actor | None, values: Mapping[str, Any], *, own_grid: bool = False,
            revealed: bool = False, today: dt.date | None = None) -> dict[str, Any]:
    """``values`` (a person's fields by name) as ``actor`` may see them.

    ID numbers, phones, addresses and the birth date are masked unless the policy
    shows them in full (``revealed``: the user asked and gives a reason; ``own_grid``:
    the person lives in one of a grid worker's grids); care tags are emptied when the
    policy hides them; a child under 14 (on ``today``) has the name masked (``张*``)
    and no birth date for a role that may not see children. Values
    already masked stay as they are; keys not named here pass unchanged. A masked
    birth date stays a date (the first of the month), so check ``birth_masked``
    (added to the result) before printing the day.
    """
    day = today or dt.date.today()
    out = dict(values)

    def full(what: str) -> bool:
        return access.shows(actor, what, own_grid=own_grid, revealed=revealed) == access.FULL

    if not full(access.ID_NUMBER):
        _apply(out, ID_KEYS, masking.mask_id)
    if not full(access.PHONE):
        _apply(out, PHONE_KEYS, masking.mask_phone)
    if not full(access.ADDRESS):
        _apply(out, ADDRESS_KEYS, masking.mask_address)
    birth = values.get(BIRTH_KEY)
    out["birth_masked"] = False
    if birth and not full(access.BIRTH_DATE):
        out[BIRTH_KEY] = _mask_birth(birth)
        out["birth_masked"] = True
    if access.shows(actor, access.CARE_TAGS) == access.HIDDEN:
        for key in TAG_KEYS:
            if key in out:
                out[key] = ()
    born = birth if isinstance(birth, dt.date) else None
    if born is not None and access.is_child(born, day) and \
            access.shows(actor, access.CHILD) != access.FULL:
        if out.get(NAME_KEY):
            out[NAME_KEY] = masking.mask_name_public(out[NAME_KEY])
        out[BIRTH_KEY] = None
        out["birth_masked"] = True
    return out


def needs_reason(actor: Actor | None, *, revealed: bool = False,
                 own_grid: bool = False) -> bool:
    """Whether an output for ``actor`` shows more than the masked default. In a folder
    without accounts only full numbers need a reason: its grid books print full
    addresses as they did before accounts, asking nothing."""
    if actor is None or actor.is_open:
        return revealed
    return access.beyond_masked_default(actor, revealed=revealed, own_grid=own_grid)


def clean_reason(reason: str | None) -> str:
    """The reason as stored: spaces squeezed; refused when longer than REASON_MAX."""
    text = " ".join((reason or "").split())
    if len(text) > REASON_MAX:
        raise UserError(MSG_REASON_TOO_LONG, max=REASON_MAX)
    return text


def require_reason(actor: Actor | None, reason: str | None, *, revealed: bool = False,
                   own_grid: bool = False) -> str:
    """The reason an output beyond the masked default needs (refused when none is
    given, before anything is written); "" when the output needs none."""
    text = clean_reason(reason)
    if needs_reason(actor, revealed=revealed, own_grid=own_grid) and not text:
        raise UserError(MSG_REASON_REQUIRED)
    return text


def with_reason(detail: str, reason: str) -> str:
    """An audit entry's detail with the reason the user gave (the log is in Chinese,
    like the ledgers' titles it records)."""
    return f"{detail}；事由：{reason}" if reason else detail
