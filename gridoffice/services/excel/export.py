"""Writing sheets: rows in which text stays text (never a formula, control characters
replaced), a bold title row with column widths, date cells, masked ID numbers, and
the problem list of an import as a workbook."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from typing import Any

from gridoffice.domain import masking, privacy
from gridoffice.domain.access import Actor
from gridoffice.domain.text import safe_text
from gridoffice.fileio import atomic_output

DATE_FORMAT = "yyyy-mm-dd"
MONTH_FORMAT = "yyyy.mm"
# A text that starts with one of these is a formula (or becomes one when the cell is
# edited) in Excel and WPS: OWASP's list for CSV injection.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PROBLEM_HEADERS = ("行号", "列", "问题")


def safe_row(ws: Any, values: Iterable[Any]) -> list[Any]:
    """A row for a write-only sheet in which every text is written as text, never as a
    formula: ``=WEBSERVICE(...)`` in a note is stored as that string (no ``<f>``
    element) and marked with the quote prefix, so editing the cell keeps it text too.
    The value itself is not changed, so the file imports back as it was, except for
    control and text-direction characters stored before they were refused: those are
    replaced (``domain.text.safe_text``) so an old value never breaks an export.
    Numbers, dates and cells already made stay as they are."""
    from openpyxl.cell import WriteOnlyCell

    row: list[Any] = []
    for value in values:
        if isinstance(value, str):
            cell = WriteOnlyCell(ws, value=safe_text(value))
            cell.data_type = "s"
            if value.startswith(FORMULA_START):
                cell.quotePrefix = True
            value = cell
        row.append(value)
    return row


def title_row(ws: Any, titles: Sequence[str], widths: Sequence[float], *,
              centred: bool = False) -> None:
    """Set the column widths, freeze the first row and write ``titles`` in bold."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws.freeze_panes = "A2"
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    cells = []
    for title in titles:
        cell = WriteOnlyCell(ws, value=title)
        cell.font = bold
        if centred:
            cell.alignment = centre
        cells.append(cell)
    ws.append(cells)


def date_cell(ws: Any, value: dt.date | None, number_format: str) -> Any:
    """A date cell shown with ``number_format`` (None for no date)."""
    from openpyxl.cell import WriteOnlyCell

    if value is None:
        return None
    cell = WriteOnlyCell(ws, value=value)
    cell.number_format = number_format
    return cell


def mask_id(value: str | None) -> str:
    """An ID number masked for an export ("" for none; a masked one as it is)."""
    if not value:
        return ""
    return value if masking.MASK in value else masking.mask_id(value)


def output_detail(actor: Actor | None, path: str | os.PathLike[str], reason: str | None, *,
                  revealed: bool) -> str:
    """The audit entry's detail of an export to ``path``, with the reason; refused
    (UserError, before anything is written) when the export shows more than the masked
    default to ``actor`` (none: an open folder's user) and no reason is given."""
    return privacy.with_reason(str(path), privacy.require_reason(actor, reason,
                                                                 revealed=revealed))


def export_problems(path: str | os.PathLike[str], rows: Iterable[tuple[int, str, str]],
                    headers: tuple[str, str, str] = PROBLEM_HEADERS) -> None:
    """Write a problem list (Excel row, column, message as shown) to an .xlsx file,
    every text as text. Written through :func:`atomic_output`."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("问题")
    ws.freeze_panes = "A2"
    for letter, width in zip("ABC", (8, 18, 90), strict=True):
        ws.column_dimensions[letter].width = width
    ws.append(safe_row(ws, headers))
    for row, column, message in rows:
        ws.append(safe_row(ws, [row or None, column, message]))
    with atomic_output(path) as tmp:
        workbook.save(tmp)
