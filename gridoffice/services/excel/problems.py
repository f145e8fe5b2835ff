"""Problem lists of an import (Excel row, column, field, message) and the progress
callback every long import step reports to."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gridoffice.errors import Cancelled, UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP

Progress = Callable[[int, int], bool]

MSG_ID_TWICE = QT_TRANSLATE_NOOP(
    "errors", "{column}: the same ID number is also in row {rows}."
)
MSG_HAS_PROBLEMS = QT_TRANSLATE_NOOP(
    "errors",
    "The file still has {count} problems; nothing was imported. Correct the file and check "
    "it again.",
)

# Rows written per statement by the importers' set-based inserts.
CHUNK = 2000


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the file; the import refuses to write while any is left."""

    row: int  # Excel row number (0: the sheet as a whole)
    column: str  # the header text of the column ("" when no single column is at fault)
    field: str  # the import field, or a draft field
    message: str  # English, values filled in
    error: UserError | None = None  # for a translated message: error.render(...)

    @classmethod
    def of(cls, row: int, column: str, field: str, error: UserError) -> Problem:
        """A problem whose message is ``error``'s."""
        return cls(row, column, field, error.english(), error)


def tick(progress: Progress | None, done: int, total: int) -> None:
    """Report progress; Cancelled when the callback says stop (returns False)."""
    if progress is not None and progress(done, total) is False:
        raise Cancelled()


def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    """``items`` in slices of at most ``size``."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


def duplicate_rows(rows_by_key: Mapping[str, Sequence[int]], column: str,
                   field: str = "id_number") -> list[Problem]:
    """A problem for every row whose key (an ID number) is also in another row."""
    problems: list[Problem] = []
    for rows in rows_by_key.values():
        if len(rows) > 1:
            for row in rows:
                others = ", ".join(str(r) for r in rows if r != row)
                error = UserError(MSG_ID_TWICE, column=column, rows=others)
                problems.append(Problem.of(row, column, field, error))
    return problems


def sort_problems(problems: list[Problem], columns: Mapping[str, str],
                  fields: Sequence[str]) -> None:
    """Sort in place by row, then by the order of the fields' columns."""
    order = {columns.get(key, ""): i for i, key in enumerate(fields)}
    problems.sort(key=lambda p: (p.row, order.get(p.column, len(order))))


def refuse_problems(problems: Sequence[Problem]) -> None:
    """UserError when a plan still has problems: nothing may be written."""
    if problems:
        raise UserError(MSG_HAS_PROBLEMS, count=len(problems))
