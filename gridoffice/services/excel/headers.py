"""The columns of an importer and the titles of a sheet: an importer's
:class:`ColumnSet` (fields, labels, usual Chinese titles, required columns), finding
the title row (or two rows) of a sheet, matching titles to fields, and checking a
chosen mapping."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from gridoffice.errors import UserError, ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services.excel.cells import is_blank
from gridoffice.services.excel.workbook import (
    DataMerges,
    fill_merged,
    find_sheet,
    merged_ranges,
    open_workbook,
)

MSG_SHEET_EMPTY = QT_TRANSLATE_NOOP("errors", "The sheet {sheet} is empty.")
MSG_NO_HEADER = QT_TRANSLATE_NOOP(
    "errors",
    "Sheet {sheet}: none of its first {rows} rows holds column titles such as 姓名 or "
    "公民身份号码. Put the column titles in one row above the data.",
)
MSG_COLUMN_REQUIRED = QT_TRANSLATE_NOOP(
    "errors", "Columns: choose the column that holds {column}."
)
MSG_COLUMN_TWICE = QT_TRANSLATE_NOOP(
    "errors", "Columns: the column {column} is chosen for two different fields."
)
MSG_COLUMN_RANGE = QT_TRANSLATE_NOOP("errors", "Columns: the sheet has no column {column}.")

HEADER_SCAN_ROWS = 10
PREVIEW_ROWS = 5
LAST_COLUMN = 16383  # Excel's last column, XFD (0-based)


def normalize_header(value: Any) -> str:
    """A header cell as compared with the aliases: no spaces, notes in brackets, or
    marks of required columns (``*姓名``, ``出生年月（年.月）``)."""
    if value is None:
        return ""
    text_ = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value)))
    text_ = re.sub(r"\([^()]*\)", "", text_)
    return text_.strip("*※:：")


def column_label(headers: Sequence[str], index: int) -> str:
    """The header of a column, or its letter when it has none (``F``)."""
    from openpyxl.utils import get_column_letter

    if 0 <= index < len(headers) and headers[index]:
        return headers[index]
    return str(get_column_letter(index + 1))


@dataclass(frozen=True, eq=False)
class ColumnSet:
    """What an importer reads: its fields (in the order problems are sorted and the
    wizard lists them) with their labels, the usual titles of each, the columns an
    import needs, and the setting its mapping is remembered under."""

    labels: Mapping[str, str]  # field -> English label (context "errors")
    aliases: Mapping[str, tuple[str, ...]]  # field -> usual Chinese titles
    required: Mapping[str, str]  # field -> its usual title (named in the message)
    mapping_setting: str
    # groups of fields of which one is needed, with the message when none is chosen
    required_any: tuple[tuple[tuple[str, ...], str], ...] = ()
    ignored: tuple[str, ...] = ()  # titles recognised as titles but not imported

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(self.labels)

    @cached_property
    def alias_field(self) -> dict[str, str]:
        """Normalised title -> field."""
        return {normalize_header(alias): key for key, aliases in self.aliases.items()
                for alias in aliases}

    @cached_property
    def recognised(self) -> frozenset[str]:
        """Normalised titles that make a row look like the column titles."""
        return frozenset(self.alias_field) | {
            normalize_header(h) for h in self.ignored}

    def needed(self, mapping: Mapping[str, int]) -> bool:
        """Whether ``mapping`` has every column an import needs."""
        return all(k in mapping for k in self.required) and all(
            any(k in mapping for k in group) for group, _message in self.required_any)


@dataclass(frozen=True)
class SheetLayout:
    """Where a sheet's column titles and data are."""

    sheet: str
    headers: list[str]  # per column (0-based), as shown; "" for a column without a title
    header_rows: tuple[int, int]  # first and last Excel row of the column titles
    data_start: int  # Excel row of the first data row
    preview: list[tuple[Any, ...]]  # the first data rows, as read
    row_estimate: int  # data rows according to the sheet's stored size (0: unknown)

    def column_name(self, index: int) -> str:
        """The title of a column, or its letter."""
        return column_label(self.headers, index)


def _display_header(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _combine(upper: Sequence[Any], lower: Sequence[Any]) -> list[Any]:
    """A two-row header: the lower title where there is one, else the upper."""
    width = max(len(upper), len(lower))
    combined = []
    for index in range(width):
        low = lower[index] if index < len(lower) else None
        up = upper[index] if index < len(upper) else None
        combined.append(low if normalize_header(low) else up)
    return combined


def _title_rows(rows: dict[int, list[Any]], recognised: frozenset[str]
                ) -> tuple[int, int, int] | None:
    """(score, first, last) of the row or pair of rows with most recognised titles."""
    def score(cells: Sequence[Any]) -> int:
        return sum(1 for value in cells if normalize_header(value) in recognised)

    best: tuple[int, int, int] | None = None
    for first in range(1, HEADER_SCAN_ROWS + 1):
        if first not in rows:
            break
        single = score(rows[first])
        if single and (best is None or single > best[0]):
            best = (single, first, first)
        if first + 1 in rows:
            pair = score(_combine(rows[first], rows[first + 1]))
            if pair > single and pair > score(rows[first + 1]) and (best is None
                                                                    or pair > best[0]):
                best = (pair, first, first + 1)
    return best


def find_layout(ws: Any, sheet: str, merges: list[tuple[int, int, int, int]],
                stored_rows: int, columns: ColumnSet) -> SheetLayout:
    """The layout of an open read-only sheet (see :func:`read_layout`)."""
    rows: dict[int, list[Any]] = {}
    for number, values in enumerate(
            ws.iter_rows(min_row=1, max_row=HEADER_SCAN_ROWS + 1, values_only=True), start=1):
        rows[number] = list(values)
    if not any(not is_blank(v) for cells in rows.values() for v in cells):
        raise UserError(MSG_SHEET_EMPTY, sheet=sheet)
    fill_merged(rows, merges)
    best = _title_rows(rows, columns.recognised)
    if best is None or best[0] < 2:
        raise UserError(MSG_NO_HEADER, sheet=sheet, rows=HEADER_SCAN_ROWS)
    _score, first, last = best
    cells = rows[first] if first == last else _combine(rows[first], rows[last])
    headers = [_display_header(v) for v in cells]
    while headers and not headers[-1]:
        headers.pop()
    data_start = last + 1
    preview: list[tuple[Any, ...]] = []
    merged_down = DataMerges(merges, data_start)
    for number, values in enumerate(ws.iter_rows(min_row=data_start, values_only=True),
                                    start=data_start):
        values = merged_down.apply(number, values)
        if any(not is_blank(v) for v in values):
            preview.append(tuple(values))
            if len(preview) >= PREVIEW_ROWS:
                break
    estimate = max(0, stored_rows - last) if stored_rows > data_start else 0
    return SheetLayout(sheet, headers, (first, last), data_start, preview, estimate)


def read_layout(path: str | os.PathLike[str], sheet: str, columns: ColumnSet) -> SheetLayout:
    """Find the column titles of ``sheet``: the row (or two rows) among the first ten
    with most titles ``columns`` recognises; titles above it are skipped, merged cells
    unmerged."""
    with open_workbook(path) as workbook:
        ws = find_sheet(workbook, sheet)
        stored_rows = ws.max_row or 0
        ws.reset_dimensions()
        return find_layout(ws, sheet, merged_ranges(path, ws), stored_rows, columns)


def guess_mapping(headers: Sequence[str], columns: ColumnSet,
                  remembered: Mapping[str, str] | None = None) -> dict[str, int]:
    """Which column (0-based) holds which field. A mapping remembered from an earlier
    import (field -> header text) wins; other fields are recognised by their usual
    titles. A column is used for one field only."""
    mapping: dict[str, int] = {}
    used: set[int] = set()
    normalized = [normalize_header(h) for h in headers]
    for key, header in (remembered or {}).items():
        if key not in columns.labels or not header:
            continue
        wanted = normalize_header(header)
        for index, name in enumerate(normalized):
            if name == wanted and index not in used:
                mapping[key] = index
                used.add(index)
                break
    for index, name in enumerate(normalized):
        guessed = columns.alias_field.get(name)
        if guessed is not None and guessed not in mapping and index not in used:
            mapping[guessed] = index
            used.add(index)
    return mapping


def check_mapping(headers: Sequence[str], mapping: Mapping[str, int],
                  columns: ColumnSet) -> None:
    """ValidationError (field "mapping") for a mapping an import cannot use: a needed
    column missing, an unknown field or column, one column chosen twice."""
    for key, header in columns.required.items():
        if key not in mapping:
            raise ValidationError("mapping", MSG_COLUMN_REQUIRED, column=header)
    for group, message in columns.required_any:
        if not any(key in mapping for key in group):
            raise ValidationError("mapping", message)
    seen: set[int] = set()
    for key, index in mapping.items():
        if key not in columns.labels:
            raise ValidationError("mapping", MSG_COLUMN_RANGE, column=key)
        if not 0 <= index <= LAST_COLUMN:
            raise ValidationError("mapping", MSG_COLUMN_RANGE, column=str(index + 1))
        if index in seen:
            raise ValidationError("mapping", MSG_COLUMN_TWICE,
                                  column=column_label(headers, index))
        seen.add(index)
