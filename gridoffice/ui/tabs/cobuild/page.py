"""What the pages of the co-building tab share: a page asks the tab (its ``host``)
for the service, the choices (grids, units, members, departments) and the undo
stack, and reads its list on the GUI thread (an office's lists are small)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QVBoxLayout

from gridoffice.ui.tabs.hosted_page import HostedPage
from gridoffice.ui.widgets.tables import current_item, row_table, select_row, text_toolbar

if TYPE_CHECKING:
    from gridoffice.services.cobuild import CobuildService


class Page(HostedPage):
    """A page of the co-building tab; ``host`` is the tab."""

    @property
    def service(self) -> CobuildService:
        assert self.host.service is not None
        return self.host.service  # type: ignore[no-any-return]

    def refresh(self, select_id: str | None = None) -> None:
        raise NotImplementedError

    def update_actions(self) -> None:
        """Enable what the selection allows."""

    def attach_file(self, table: str, row_id: str, title: str) -> str | None:
        """Attach a file the user picks to the record ``row_id`` of ``table``."""
        path = self.host.ask_open_path(title)
        if not path:
            return None
        file_id = self._try(lambda: self.service.attach(table, row_id, Path(path)))
        if file_id is not None:
            self.host.written(select=row_id)
        return file_id

    def save_file_of(self, files: QListWidget) -> Path | None:
        """Save a copy of the file selected in ``files`` where the user chooses."""
        item = files.currentItem()
        if item is None:
            return None
        name, content = self.service.file_content(str(item.data(Qt.ItemDataRole.UserRole)))
        return self.host.save_copy(name, content)


class ListPage(Page):
    """A toolbar over one table of rows with ids (resources, services, departments)."""

    def __init__(self, host: Any, model: Any, actions: list[Any]) -> None:
        super().__init__(host)
        self.model = model
        self.toolbar = text_toolbar(self, actions)
        self.view = row_table(self, model)
        self.view.verticalHeader().hide()
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self.update_actions())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)

    def current(self) -> Any:
        return current_item(self.view, self.model)

    def show_rows(self, rows: list[Any], select_id: str | None) -> None:
        keep = select_id or getattr(self.current(), "id", None)
        self.model.set_rows(rows)
        select_row(self.view, self.model, keep)
        self.update_actions()

    def edit_with_undo(self, text: str, row_id: str, read: Callable[[str], Any],
                       dialog: Callable[[Any, Callable[[Any], Any]], Any],
                       update: Callable[[str, Any], Any]) -> None:
        """Edit one record in ``dialog`` (given its draft and a save), undoable."""
        before = read(row_id)
        after = dialog(before, lambda d: update(row_id, d) or d)
        if after is not None:
            self.host.push(text, lambda: update(row_id, after), lambda: update(row_id, before),
                           select=row_id)
