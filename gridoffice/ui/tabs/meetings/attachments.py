"""The attachment page of the meeting detail: photos and scans of the sign-in sheet
and the minutes, added from a file dialog or dropped on the list, opened in the
program the system chooses (from a private copy removed at shutdown).

Adding and removing go on the window's undo stack through the panel
(:class:`~.detail.MeetingDetailPanel`).
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QLabel,
    QTableView,
    QToolButton,
    QWidget,
)

from gridoffice.ui import messages
from gridoffice.ui.models.meeting_table import AttachmentTableModel
from gridoffice.ui.tabs.meetings.common import (
    button_row,
    lay_out_page,
    on_delete,
    set_rows_keeping_selection,
)

if TYPE_CHECKING:
    from gridoffice.ui.tabs.meetings.detail import MeetingDetailPanel


class AttachmentView(QTableView):
    """The attachment table; files dropped on it are added."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)


class AttachmentsPage(QWidget):
    """See the module docstring."""

    def __init__(self, panel: MeetingDetailPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self._opened_dir: Path | None = None  # copies of attachments opened elsewhere
        self.attachment_model = AttachmentTableModel(self)
        self.attachment_view = AttachmentView(self)
        self.attachment_view.setModel(self.attachment_model)
        self.attachment_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.attachment_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.attachment_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attachment_view.horizontalHeader().setStretchLastSection(True)
        self.attachment_view.files_dropped.connect(self.add_attachment_files)
        self.attachment_view.activated.connect(lambda _i: self.open_attachment())
        row, buttons = button_row(self, [
            (self.tr("Add files…"), panel.add_attachments),
            (self.tr("Open"), self.open_attachment),
            (self.tr("Remove"), self.remove_attachment)])
        self.add_attachment_button, self.open_button, self.remove_attachment_button = buttons
        hint = QLabel(self.tr("Photos and scans (JPEG, PNG, PDF); drop files here."), self)
        hint.setEnabled(False)
        row.addWidget(hint)
        on_delete(self.attachment_view, self.remove_attachment)
        lay_out_page(self, row, self.attachment_view)

    def show_rows(self, rows: Sequence[Any]) -> None:
        set_rows_keeping_selection(self.attachment_view, self.attachment_model, rows)

    def update_buttons(self, here: bool) -> None:
        self.add_attachment_button.setEnabled(here)
        has_file = self.attachment_view.currentIndex().isValid()
        self.open_button.setEnabled(has_file)
        self.remove_attachment_button.setEnabled(has_file)

    def editing_buttons(self) -> list[QToolButton]:
        """The buttons that change the meeting (off for a community's at the street)."""
        return [self.add_attachment_button, self.remove_attachment_button]

    # --- attachments ----------------------------------------------------------------------
    def ask_files(self) -> list[str]:
        """The files to attach."""
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Attach files"), "",
            self.tr("Images and PDF (*.jpg *.jpeg *.png *.gif *.bmp *.tif *.tiff *.webp *.pdf)"))
        return paths

    def add_attachment_files(self, paths: list[str]) -> int:
        panel = self.panel
        if panel.meeting_id is None or not paths or panel.read_only():
            return 0
        service, added = panel.require_service(), []
        for name in paths:
            path = Path(name)
            kind = "scan" if path.suffix.lower() == ".pdf" else "photo"
            new_id = panel.attempt(lambda p=path, k=kind: service.add_attachment(
                panel.meeting_id or "", p, k))
            if new_id is None:
                break
            added.append(new_id)
        if added:
            panel.push(self.tr("Attach %n file(s)", "", len(added)),
                       lambda: [service.restore("attachment", i) for i in added],
                       lambda: [service.remove_attachment(i) for i in added])
            panel.status_message.emit(self.tr("%n file(s) attached.", "", len(added)))
        return len(added)

    def current_attachment(self) -> Any:
        index = self.attachment_view.currentIndex()
        return self.attachment_model.row_at(index.row()) if index.isValid() else None

    def open_attachment(self) -> Path | None:
        row = self.current_attachment()
        if row is None:
            return None
        name, _mime, content = self.panel.require_service().attachment_content(row.id)
        # A private folder of this run inside the data folder (this user only), removed
        # when the program closes and at the next start: the other program needs a
        # plain file, and copies of signed sheets must not pile up in a shared folder.
        if self._opened_dir is None:
            from gridoffice.paths import make_private_temp

            data_dir = self.panel.require_service().db.path.parent
            self._opened_dir = make_private_temp(data_dir, "attachments-")
        folder = self._opened_dir / row.id
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / Path(name).name
        path.write_bytes(content)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            messages.warn(self, self.tr("The file {path} could not be opened.").format(
                path=str(path)))
        return path

    def remove_opened_attachments(self) -> None:
        """Delete the copies opened in other programs (at shutdown)."""
        if self._opened_dir is not None:
            shutil.rmtree(self._opened_dir, ignore_errors=True)
            self._opened_dir = None

    def remove_attachment(self) -> None:
        panel = self.panel
        row = self.current_attachment()
        if row is None or panel.read_only() or not messages.confirm(
                self, self.tr("Remove the attachment {name}?").format(name=row.file_name)):
            return
        service = panel.require_service()
        if panel.attempt(lambda: service.remove_attachment(row.id) or True):
            panel.push(self.tr("Remove attachment"), lambda: service.remove_attachment(row.id),
                       lambda: service.restore("attachment", row.id))
