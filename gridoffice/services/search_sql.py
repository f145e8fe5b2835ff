"""The typed-text search of the people lists as SQL (no SQLAlchemy: the lists' plain
queries, which the workbench also runs at start-up, use it)."""

from __future__ import annotations

from typing import Any

from gridoffice.domain import identity, search_keys


def person_text_parts(alias: str, text: str, params: dict[str, Any]) -> list[str]:
    """What typed ``text`` (stripped, not empty) matches on the person rows of ``alias``:
    the name, the start of its pinyin or initials, or the tail of the ID number or the
    mobile when it is digits (an ID's last one may be X). Joined by OR by the caller,
    which may add its own; the parameters go into ``params``."""
    needle = search_keys.query_key(text)
    params.update(raw=f"%{text}%", key=f"{needle}%")
    parts = [f"{alias}.name LIKE :raw"]
    if needle:
        parts += [f"{alias}.name_pinyin LIKE :key", f"{alias}.name_initials LIKE :key"]
    digits = identity.normalize_input(text)
    if digits.isdigit() or (digits[:-1].isdigit() and digits.endswith("X")):
        params["tail"] = f"%{digits}"
        parts += [f"{alias}.id_number LIKE :tail", f"{alias}.mobile LIKE :tail"]
    return parts
