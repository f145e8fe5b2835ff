"""Opening an Excel workbook safely and finding its sheets: what the file is (missing,
not an .xlsx, password-protected or .xls, damaged), the archive checks made before
openpyxl parses anything (parts, unpacked size, packing ratio, giant cells), read-only
reading, visible sheets, merged cells and formulas without a saved result."""

from __future__ import annotations

import contextlib
import os
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gridoffice.errors import UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services.excel.cells import is_blank
from gridoffice.services.excel.problems import Problem

if TYPE_CHECKING:
    from gridoffice.services.excel.headers import SheetLayout

MSG_FILE_MISSING = QT_TRANSLATE_NOOP("errors", "The file {path} does not exist.")
MSG_FILE_UNREADABLE = QT_TRANSLATE_NOOP("errors", "Cannot read {path}: {reason}.")
MSG_NOT_EXCEL = QT_TRANSLATE_NOOP(
    "errors",
    "{name} is not an Excel workbook. Open it in Excel or WPS and save it as an Excel "
    "workbook (.xlsx), then choose that file.",
)
MSG_ENCRYPTED = QT_TRANSLATE_NOOP(
    "errors",
    "{name} is password-protected, or in the old Excel 97-2003 format (.xls), which cannot "
    "be read. Open it in Excel or WPS and save it as an Excel workbook (.xlsx) without a "
    "password.",
)
MSG_DAMAGED = QT_TRANSLATE_NOOP(
    "errors",
    "{name} cannot be read; it seems damaged ({detail}). Open it in Excel or WPS and save "
    "it again as an Excel workbook (.xlsx).",
)
MSG_WORKBOOK_EMPTY = QT_TRANSLATE_NOOP("errors", "{name} is empty: no sheet holds any data.")
MSG_TOO_MANY_PARTS = QT_TRANSLATE_NOOP(
    "errors",
    "{name} is not read: it holds {count} parts, far more than an Excel workbook has. "
    "Open it in Excel or WPS, check it and save it again as an Excel workbook (.xlsx).",
)
MSG_TOO_BIG = QT_TRANSLATE_NOOP(
    "errors",
    "{name} is not read: unpacked it would take more than {limit} MB, far more than a "
    "sheet of 200,000 people. Split it into smaller files, or open it in Excel or WPS, "
    "check it and save it again.",
)
MSG_PACKED = QT_TRANSLATE_NOOP(
    "errors",
    "{name} is not read: its part {part} unpacks to {ratio} times its size in the file, "
    "which no real sheet does (a file made to exhaust the computer's memory). Open it in "
    "Excel or WPS, check it and save it again.",
)
MSG_CELL_TOO_LONG = QT_TRANSLATE_NOOP(
    "errors",
    "{name} is not read: a cell holds more than {limit} characters, the most Excel "
    "allows in one cell. Open it in Excel or WPS, shorten that cell and save it again.",
)
MSG_TOO_MANY_MERGES = QT_TRANSLATE_NOOP(
    "errors",
    "Sheet {sheet} is not read: it has more than {limit} merged cell ranges. Unmerge "
    "the cells in Excel or WPS and save it again.",
)
MSG_NO_SUCH_SHEET = QT_TRANSLATE_NOOP(
    "errors", "The workbook has no sheet called {sheet}. Its sheets: {sheets}."
)
MSG_UNCACHED_FORMULA = QT_TRANSLATE_NOOP(
    "errors",
    "{column}: the cell holds a formula whose result was never saved in the file, so its "
    "value cannot be read. Open the file in Excel or WPS and save it again, or type the "
    "value instead of the formula.",
)
MSG_HIDDEN_SHEET = QT_TRANSLATE_NOOP(
    "errors",
    "The sheet {sheet} is hidden in the workbook, so it is not read. Show it in Excel or "
    "WPS and save the file again, or choose a visible sheet: {sheets}.",
)

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
# Limits that keep a hostile workbook from exhausting memory or time (a few MB that
# unpack to gigabytes, one giant cell, thousands of parts). A genuine sheet of
# 200,000 people unpacks to some 200 MB, at most about 10 times its packed size.
MAX_PARTS = 2_000
MAX_UNPACKED = 768 * 1024 * 1024  # all parts together
MAX_SHARED_STRINGS = 192 * 1024 * 1024  # openpyxl keeps every shared text in memory
MAX_OTHER_PART = 32 * 1024 * 1024  # styles, workbook, relations: read whole
MAX_RATIO = 100
RATIO_FLOOR = 1024 * 1024  # parts smaller than this may pack as tight as they like
MAX_CELL_CHARS = 32_767  # Excel's own limit for a cell
MAX_MERGES = 300_000


@contextlib.contextmanager
def open_workbook(path: str | os.PathLike[str]) -> Iterator[Any]:
    """An openpyxl workbook in read-only mode, or a UserError that says what the file is
    (missing, not an .xlsx workbook, password-protected or .xls, damaged)."""
    source = Path(path)
    name = source.name
    try:
        handle = open(source, "rb")  # noqa: SIM115 - closed below, after the workbook
    except FileNotFoundError:
        raise UserError(MSG_FILE_MISSING, path=str(source)) from None
    except IsADirectoryError:
        raise UserError(MSG_NOT_EXCEL, name=name) from None
    except OSError as exc:
        raise UserError(MSG_FILE_UNREADABLE, path=str(source),
                        reason=exc.strerror or str(exc)) from exc
    with handle:
        head = handle.read(8)
        if head == OLE_SIGNATURE:
            raise UserError(MSG_ENCRYPTED, name=name)
        if not head.startswith(ZIP_SIGNATURE):
            raise UserError(MSG_NOT_EXCEL, name=name)
        handle.seek(0)
        try:
            with zipfile.ZipFile(handle) as archive:
                names = set(archive.namelist())
                if "xl/workbook.xml" in names:
                    check_archive(archive, name)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError,
                zlib.error) as exc:
            raise UserError(MSG_DAMAGED, name=name, detail=str(exc)) from exc
        if "xl/workbook.xml" not in names:
            raise UserError(MSG_NOT_EXCEL, name=name)  # a Word document or another zip
        handle.seek(0)
        import openpyxl

        # A file object, not the path: openpyxl would refuse a real workbook whose
        # name does not end in .xlsx (saved as "花名册.xls" by hand, say).
        try:
            workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, TypeError, IndexError,
                SyntaxError) as exc:  # xml.etree's ParseError is a SyntaxError
            raise UserError(MSG_DAMAGED, name=name, detail=type(exc).__name__) from exc
        try:
            yield workbook
        finally:
            workbook.close()


def check_archive(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse, before openpyxl parses anything, a workbook that would take unbounded
    memory or time: too many parts, too much unpacked, a part packed far tighter than
    real XML packs (whitespace bombs), or a text longer than a cell can hold. The sizes
    the archive declares are what zipfile will ever unpack, so they can be trusted."""
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise UserError(MSG_TOO_MANY_PARTS, name=name, count=len(infos))
    if sum(info.file_size for info in infos) > MAX_UNPACKED:
        raise UserError(MSG_TOO_BIG, name=name, limit=MAX_UNPACKED // (1024 * 1024))
    for info in infos:
        part = info.filename
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(
                1, info.compress_size):
            raise UserError(MSG_PACKED, name=name, part=part,
                            ratio=info.file_size // max(1, info.compress_size))
        is_sheet = part.startswith("xl/worksheets/")
        is_strings = part == "xl/sharedStrings.xml"
        limit = (MAX_UNPACKED if is_sheet else MAX_SHARED_STRINGS if is_strings
                 else MAX_OTHER_PART)
        if info.file_size > limit:
            raise UserError(MSG_TOO_BIG, name=name, limit=limit // (1024 * 1024))
        if (is_sheet or is_strings) and part.endswith(".xml"):
            with archive.open(info) as source:
                if longest_text(source) > 4 * MAX_CELL_CHARS:
                    raise UserError(MSG_CELL_TOO_LONG, name=name, limit=MAX_CELL_CHARS)


def longest_text(source: Any, stop: int = 4 * MAX_CELL_CHARS) -> int:
    """The longest run of bytes without a ``<`` in an XML stream (a cell's text lies
    between tags), read in blocks; stops early once a run passes ``stop``."""
    longest = carry = 0
    while chunk := source.read(1 << 20):
        parts = chunk.split(b"<")
        if len(parts) == 1:
            carry += len(chunk)
        else:
            inner = max(map(len, parts[1:-1]), default=0)
            longest = max(longest, carry + len(parts[0]), inner)
            carry = len(parts[-1])
        if max(longest, carry) > stop:
            break
    return max(longest, carry)


def worksheets(workbook: Any) -> list[Any]:
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    return [ws for ws in workbook.worksheets if isinstance(ws, ReadOnlyWorksheet)]


def has_values(ws: Any) -> bool:
    ws.reset_dimensions()
    for row in ws.iter_rows(min_row=1, values_only=True):
        if any(not is_blank(v) for v in row):
            return True
    return False


def visible_sheets(workbook: Any) -> list[Any]:
    """The visible worksheets, the one the workbook opens on first: a hidden or
    "very hidden" sheet is never taken for the one a user sees."""
    sheets = [ws for ws in worksheets(workbook) if ws.sheet_state == "visible"]
    try:
        active = workbook.active
    except (IndexError, AttributeError):
        active = None
    if active in sheets:
        sheets.remove(active)
        sheets.insert(0, active)
    return sheets


def sheet_names(path: str | os.PathLike[str]) -> list[str]:
    """The names of the visible worksheets that hold data, the active one first, then
    in workbook order.

    UserError for a missing file, a file that is not an .xlsx workbook (a renamed
    .docx, a CSV, random bytes), a password-protected or old .xls workbook, and a
    workbook whose sheets are all empty.
    """
    with open_workbook(path) as workbook:
        names = [ws.title for ws in visible_sheets(workbook) if has_values(ws)]
    if not names:
        raise UserError(MSG_WORKBOOK_EMPTY, name=Path(path).name)
    return names


def find_sheet(workbook: Any, sheet: str) -> Any:
    visible = visible_sheets(workbook)
    listed = "、".join(ws.title for ws in visible)
    for ws in worksheets(workbook):
        if ws.title == sheet:
            if ws not in visible:
                raise UserError(MSG_HIDDEN_SHEET, sheet=sheet, sheets=listed)
            return ws
    raise UserError(MSG_NO_SUCH_SHEET, sheet=sheet, sheets=listed)


_MERGE_CELL = re.compile(
    rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3}\d+)(?::([A-Z]{1,3}\d+))?"')


def merged_ranges(path: str | os.PathLike[str], ws: Any) -> list[tuple[int, int, int, int]]:
    """Merged ranges of a sheet as (min_row, min_col, max_row, max_col), 1-based.

    openpyxl's read-only mode does not report them; they follow the cell data at the
    end of the sheet's XML, which is streamed here without being parsed.
    """
    from openpyxl.utils.cell import coordinate_to_tuple

    member = str(getattr(ws, "_worksheet_path", "") or "").lstrip("/")
    if not member:
        return []
    ranges: list[tuple[int, int, int, int]] = []
    tail = b""
    try:
        with zipfile.ZipFile(path) as archive, archive.open(member) as source:
            # Block by block, each with the unfinished end of the one before: memory
            # and time stay linear whatever the sheet holds (``mergeCells`` typed in a
            # cell near the top once made this keep the whole rest of the sheet).
            while chunk := source.read(1 << 20):
                data = tail + chunk
                end = 0
                for match in _MERGE_CELL.finditer(data):
                    first = coordinate_to_tuple(match.group(1).decode())
                    last = coordinate_to_tuple((match.group(2) or match.group(1)).decode())
                    ranges.append((first[0], first[1], last[0], last[1]))
                    end = match.end()
                    if len(ranges) > MAX_MERGES:
                        raise UserError(MSG_TOO_MANY_MERGES, sheet=ws.title, limit=MAX_MERGES)
                tail = data[max(end, len(data) - 256):]
    except (KeyError, OSError, zipfile.BadZipFile):
        return []
    return ranges


_UNCACHED = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})(\d+)"[^>]*>\s*'
    rb'<(?:\w+:)?f\b[^>]*?(?:/>|>[^<]*</(?:\w+:)?f>)\s*'
    rb'(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>')


def uncached_formulas(path: str | os.PathLike[str], ws: Any, layout: SheetLayout,
                      limit: int = 1000) -> list[Problem]:
    """A problem for each data cell holding a formula with no saved result (a file
    written by a program, not saved by Excel): read with values only, it would be
    empty without a word. The sheet's XML is streamed, not parsed."""
    from openpyxl.utils.cell import column_index_from_string

    member = str(getattr(ws, "_worksheet_path", "") or "").lstrip("/")
    problems: list[Problem] = []
    if not member:
        return problems
    tail = b""
    try:
        with zipfile.ZipFile(path) as archive, archive.open(member) as source:
            while len(problems) < limit and (chunk := source.read(1 << 20)):
                data = tail + chunk
                end = 0
                for match in _UNCACHED.finditer(data):
                    end = match.end()
                    row = int(match.group(2))
                    if row < layout.data_start:
                        continue
                    column = layout.column_name(
                        column_index_from_string(match.group(1).decode()) - 1)
                    error = UserError(MSG_UNCACHED_FORMULA, column=column)
                    problems.append(Problem.of(row, column, "", error))
                tail = data[max(end, len(data) - 4096):]
    except (KeyError, OSError, zipfile.BadZipFile):
        return problems
    return problems


def fill_merged(rows: dict[int, list[Any]], ranges: Iterable[tuple[int, int, int, int]]) -> None:
    """Unmerge logically: every cell of a merged range gets the top-left cell's value."""
    for r0, c0, r1, c1 in ranges:
        if r0 not in rows:
            continue
        anchor = rows[r0][c0 - 1] if c0 - 1 < len(rows[r0]) else None
        for r in range(r0, r1 + 1):
            if r not in rows:
                continue
            cells = rows[r]
            if len(cells) < c1:
                cells.extend([None] * (c1 - len(cells)))
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    cells[c - 1] = anchor


class DataMerges:
    """Values of cells merged down one column in the data (a branch name over the
    rows of its members): every row of the range gets the top cell's value."""

    def __init__(self, ranges: Iterable[tuple[int, int, int, int]], data_start: int) -> None:
        self._starts: dict[int, list[tuple[int, int]]] = {}
        for r0, c0, r1, c1 in ranges:
            if c0 == c1 and r1 > r0 and r1 >= data_start:
                self._starts.setdefault(r0, []).append((c0 - 1, r1))
        self._active: list[tuple[int, int, Any]] = []  # (column, last row, value)

    def apply(self, excel_row: int, values: tuple[Any, ...]) -> tuple[Any, ...]:
        if not self._starts and not self._active:
            return values
        cells = list(values)
        if self._active:
            self._active = [a for a in self._active if a[1] >= excel_row]
            for column, _last, value in self._active:
                if column >= len(cells):
                    cells.extend([None] * (column + 1 - len(cells)))
                cells[column] = value
        for column, last in self._starts.pop(excel_row, ()):
            value = cells[column] if column < len(cells) else None
            self._active.append((column, last, value))
        return tuple(cells)
