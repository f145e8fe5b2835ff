"""The street office's part of the Sync tab: id numbers registered in two of its
communities. (The street summary is a catalogue ledger the tab prints.)"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from gridoffice.domain import masking
from gridoffice.ui.models.table import RowTableModel
from gridoffice.ui.tabs.sync.views import table_view

if TYPE_CHECKING:
    from gridoffice.services.sync import SyncService


class DuplicateTableModel(RowTableModel[tuple[str, str, str, str]]):
    """Id numbers registered in two communities (street office), masked."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.office_name: Callable[[str], str] = lambda office_id: office_id[:8]

    def headers(self) -> Sequence[str]:
        return (self.tr("Name"), self.tr("ID number"), self.tr("Community"),
                self.tr("Also in"))

    def display(self, row: tuple[str, str, str, str], column: int) -> str:
        number, first, second, name = row
        return (name, masking.mask_id(number), self.office_name(first),
                self.office_name(second))[column]


class DuplicatesBox(QGroupBox):
    """The street office's list of id numbers found in two communities (hidden
    elsewhere)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Same ID number in two communities"))
        self.duplicate_model = DuplicateTableModel(self)
        self.duplicate_view = table_view(self, self.duplicate_model)
        QVBoxLayout(self).addWidget(self.duplicate_view)

    def reload(self, service: SyncService) -> None:
        self.duplicate_model.set_rows(service.duplicates_across_offices())
