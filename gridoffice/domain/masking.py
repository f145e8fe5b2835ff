"""Masking of personal information before it is rendered (DOMAIN.md, "Privacy").

Screens and paper show masked values unless the user has the right to see more
and asks. Every function here is total (never raises, whatever the input) and
idempotent (masking a masked value changes nothing), so callers can mask
without checking what they hold.
"""

from __future__ import annotations

import datetime as dt
import re

from gridoffice.domain.identity import (
    MIDDLE_DOT,
    NO_PHONE,
    normalize_input,
    parse_loose_date,
    parse_phone,
)
from gridoffice.errors import ValidationError

MASK = "*"


def _hide(text: str, keep_start: int, keep_end: int) -> str:
    """``text`` with every character but the first/last few replaced by ``*``."""
    if keep_start + keep_end >= len(text):
        return text
    hidden = len(text) - keep_start - keep_end
    return text[:keep_start] + MASK * hidden + text[len(text) - keep_end:]


def mask_id(value: str | None) -> str:
    """``110105********0213``: the area code and the last four characters.

    An old 15-digit number keeps its area code and its 3-digit sequence number,
    ``110105******021``: its last four characters would include a digit of the
    birth date, which is what the masking hides. Other documents (passports,
    permits) keep a quarter of their length at each end, at most 6 and 4, so
    at least one character is always hidden. A value holding ``*`` is taken as
    masked already (no document number contains one).
    """
    text = (value or "").strip()
    if not text or MASK in text:
        return text
    if len(text) == 18 and text.isascii() and text[:17].isdigit():  # stored form: fast path
        return text[:6] + "********" + text[14:].upper()
    number = normalize_input(text)
    if number.isascii() and len(number) == 18:
        return _hide(number, 6, 4)
    if number.isascii() and len(number) == 15:
        return _hide(number, 6, 3)
    quarter = len(text) // 4
    return _hide(text, min(6, quarter), min(4, quarter))


def mask_phone(value: str | None) -> str:
    """``138****5678`` for a mobile; ``010-****5678`` for a landline (area code and
    extension kept); ``无`` and ``""`` unchanged. Anything else has its digits
    masked except the first three and last four (or all but two when short)."""
    text = (value or "").strip()
    if not text or text == NO_PHONE or MASK in text:
        return text
    if len(text) == 11 and text.isdigit() and text[0] == "1":  # a stored mobile: fast path
        return text[:3] + "****" + text[7:]
    try:
        phone = parse_phone(text)
    except ValidationError:
        return _mask_digits(text)
    if "-" not in phone:  # a mobile
        return _hide(phone, 3, 4)
    area, local, *ext = phone.split("-")
    return "-".join([area, _hide(local, 0, 4), *ext])


def _mask_digits(text: str) -> str:
    positions = [i for i, char in enumerate(text) if char.isdigit()]
    if len(positions) >= 9:
        hidden = positions[3:-4]
    elif len(positions) >= 5:
        hidden = positions[:-2]
    else:
        hidden = positions
    chars = list(text)
    for i in hidden:
        chars[i] = MASK
    return "".join(chars)


def mask_name_public(name: str | None) -> str:
    """The name for public lists: ``张伟`` -> ``张*``, ``欧阳娜娜`` -> ``欧***``.

    The first character stays, each further one becomes ``*`` (code points:
    ``𠮷`` is one). Compound surnames are not looked up: one character is the
    least that identifies, and the list of compound surnames is open-ended.
    The parts of a minority name keep their dots and are masked like the rest:
    ``买买提·吐尔逊`` -> ``买**·***``. Keeping the whole first part would show
    the person's own given name (in Uyghur names the second part is the
    father's), which reveals more than ``张*`` does. Spaces of Latin names are
    kept too. A one-character name cannot be masked and is shown as it is.
    """
    text = (name or "").strip()
    if not text:
        return ""
    return text[0] + "".join(
        char if char in (MIDDLE_DOT, " ") else MASK for char in text[1:]
    )


def mask_birth(value: dt.date | str | None) -> str:
    """The birth date as year and month, ``1958-03`` (only the year when that is all
    there is). Unreadable text gives ``""`` rather than risk showing it."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return f"{value.year:04d}-{value.month:02d}"
    try:
        loose = parse_loose_date(value, "birth_date")
    except ValidationError:
        return ""
    if loose.precision == "year":
        return f"{loose.date.year:04d}"
    return f"{loose.date.year:04d}-{loose.date.month:02d}"


# An address is kept up to its building or unit, whichever comes last: a marker
# counts only after a number or letter ("3号楼", "A座", "二单元"), so that an
# estate called 栋梁小区 is not cut after 栋.
_UNIT_MARK = re.compile(r"[\dA-Za-z一二三四五六七八九十百零〇甲乙丙丁]+(?:单元|号楼|栋|幢|座)")
# 3-2-301 (building-unit-room): exactly three groups, a unit of one or two digits,
# so that what is kept ("3-2") is left alone when masked again.
_DASHED = re.compile(r"(?P<keep>(?:.*[^\d-])?\d+-\d{1,2})-\d+[^\d-]*")
_UNIT_ONLY = re.compile(r".*\d+-\d{1,2}")  # 3-2: already building-unit
_LAST_DIGITS = re.compile(r"\d+(?=\D*$)")


def mask_address(address: str | None) -> str:
    """The address up to the building or unit.

    ``幸福里3号楼2单元301`` -> ``幸福里3号楼2单元``; ``3-2-301`` -> ``3-2``; with
    neither a marker (单元 号楼 栋 幢 座) nor the dashed form, the last group of
    digits (the room or house number) becomes ``*``: ``柳树胡同12号`` ->
    ``柳树胡同**号``. A value that already holds ``*`` is taken as masked.
    """
    text = (address or "").strip()
    if not text or MASK in text:
        return text
    marks = list(_UNIT_MARK.finditer(text))
    if marks:
        return text[: marks[-1].end()]
    dashed = _DASHED.fullmatch(text)
    if dashed:
        return dashed.group("keep")
    if _UNIT_ONLY.fullmatch(text):
        return text
    return _LAST_DIGITS.sub(lambda match: MASK * len(match.group()), text, count=1)


# --- masking free text -------------------------------------------------------------------
# A run of digits (an 18-character ID may end in X) not inside a longer run, and a
# mobile written in groups ("138 1234 5678", "138-1234-5678").
_NUMBER = re.compile(r"(?<!\d)(?:\d{17}[Xx]|\d{11,})")
_GROUPED_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)([ -])(\d{4})\2(\d{4})(?!\d)")


def _mask_number(match: re.Match[str]) -> str:
    text = match.group(0)
    if len(text) in (15, 18):
        return mask_id(text)
    if len(text) == 11 and re.fullmatch(r"1[3-9]\d{9}", text):
        return mask_phone(text)
    # Anything else that long (a mobile after +86, numbers run together): keep the
    # first three and last four digits, as a phone is masked.
    return text[:3] + MASK * (len(text) - 7) + text[-4:]


def mask_numbers(text: str) -> str:
    """``text`` with every ID number (18 or 15 digits) and mobile in it masked, and any
    other run of 11 or more digits too, so no full number is left in free text."""
    if not text:
        return text
    text = _GROUPED_MOBILE.sub(
        lambda m: f"{m.group(1)}{m.group(2)}{MASK * 4}{m.group(2)}{m.group(4)}", text)
    return _NUMBER.sub(_mask_number, text)
