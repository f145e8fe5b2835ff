"""Dates typed the way office workers write them.

Accepts ``2021-06-30``, ``2021/6/30``, ``2021.6.30``, ``20210630`` and
``2021年6月30日``, with full-width digits and spaces around the separators.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

_SEPARATED = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_date(text: str | None) -> dt.date | None:
    """The date written in ``text``; None when it is empty; ValueError when unreadable."""
    text = unicodedata.normalize("NFKC", text or "").strip()
    if not text:
        return None
    match = _SEPARATED.match(text) or _COMPACT.match(text)
    if match is None:
        raise ValueError(text)
    year, month, day = (int(part) for part in match.groups())
    return dt.date(year, month, day)  # ValueError for 2021-02-30
