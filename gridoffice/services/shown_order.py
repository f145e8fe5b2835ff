"""Rows read again in the order a view shows them, a chunk at a time: an export with the
full values of what the user sorted by another column never holds every row."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

Row = TypeVar("Row")
CHUNK = 500  # ids per statement (SQLite allows 32,766 parameters)


def id_list(column: str, ids: Sequence[str], params: dict[str, Any]) -> str:
    """``column IN (:shown0, …)``, its parameters added to ``params``."""
    names = []
    for index, value in enumerate(ids):
        params[f"shown{index}"] = value
        names.append(f":shown{index}")
    return f"{column} IN ({', '.join(names) or 'NULL'})"


def in_shown_order(ids: Sequence[str], read: Callable[[Sequence[str]], Iterable[Row]],
                   key: Callable[[Row], str], chunk: int = CHUNK) -> Iterator[Row]:
    """The rows of ``ids`` in that order, ``read`` a chunk of ids at a time (it may give
    them in any order); an id it no longer gives is left out."""
    for start in range(0, len(ids), chunk):
        part = ids[start:start + chunk]
        found = {key(row): row for row in read(part)}
        for row_id in part:
            if row_id in found:
                yield found[row_id]
