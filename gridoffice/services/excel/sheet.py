"""The sheet an import reads: opened once, its layout found and the mapping checked,
then its data rows with merged cells filled in and progress reported."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gridoffice.services.excel.headers import ColumnSet, SheetLayout, find_layout
from gridoffice.services.excel.problems import Problem, Progress, tick
from gridoffice.services.excel.workbook import (
    DataMerges,
    find_sheet,
    merged_ranges,
    open_workbook,
    uncached_formulas,
)

TICK_ROWS = 500  # rows between two progress reports


@dataclass
class ImportSheet:
    """An open sheet to import: its layout, and its rows to read once."""

    path: str | os.PathLike[str]
    ws: Any
    layout: SheetLayout
    merges: list[tuple[int, int, int, int]]

    def uncached(self) -> list[Problem]:
        """A problem for each data cell holding a formula without a saved result."""
        return uncached_formulas(self.path, self.ws, self.layout)

    def rows(self, progress: Progress | None = None) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """(Excel row, cells) of every data row, merged cells filled in; reports
        progress (estimated from the sheet's stored size) and raises Cancelled when
        ``progress`` says stop."""
        layout = self.layout
        total = layout.row_estimate
        merged_down = DataMerges(self.merges, layout.data_start)
        tick(progress, 0, total)
        excel_row = layout.data_start - 1
        for excel_row, cells in enumerate(
                self.ws.iter_rows(min_row=layout.data_start, values_only=True),
                start=layout.data_start):
            yield excel_row, merged_down.apply(excel_row, cells)
            if (excel_row - layout.data_start) % TICK_ROWS == TICK_ROWS - 1:
                tick(progress, excel_row - layout.data_start + 1, total)
        done = excel_row - layout.data_start + 1
        tick(progress, done, max(total, done))


@contextlib.contextmanager
def open_sheet(path: str | os.PathLike[str], sheet: str, columns: ColumnSet,
               check: Callable[[Sequence[str], Mapping[str, int]], None] | None = None,
               mapping: Mapping[str, int] | None = None) -> Iterator[ImportSheet]:
    """Open ``sheet`` of the workbook at ``path`` read-only, find its layout and (with
    ``check``) check ``mapping`` against its titles before any row is read."""
    with open_workbook(path) as workbook:
        ws = find_sheet(workbook, sheet)
        stored_rows = ws.max_row or 0
        ws.reset_dimensions()
        merges = merged_ranges(path, ws)
        layout = find_layout(ws, sheet, merges, stored_rows, columns)
        if check is not None:
            check(layout.headers, mapping or {})
        yield ImportSheet(path, ws, layout, merges)
