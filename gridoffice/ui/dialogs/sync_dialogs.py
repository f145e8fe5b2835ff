"""Small dialogs of the sync tab: where to write the packages (removable drives
first), confirming another PC's fingerprint before trusting it, and the year of
the street summary."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDir, QStorageInfo, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QWidget,
)

from gridoffice.ui import messages
from gridoffice.ui.dialogs.form import FormDialog

REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/")
PATH_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Drive:
    path: Path
    name: str
    free_bytes: int


def size_text(size: int) -> str:
    """``12.3 GB`` / ``512 MB``: the free space on a drive."""
    if size >= 1 << 30:
        return f"{size / (1 << 30):.1f} GB"
    return f"{size // (1 << 20)} MB"


def removable_drives() -> list[Drive]:
    """Mounted, writable volumes that look like USB sticks: not the system volume,
    mounted under /media, /run/media or /mnt, or a Windows drive other than the
    system drive."""
    system_drive = ""
    if sys.platform == "win32":
        system_drive = QDir.rootPath()[:2].upper()  # "C:"
    found = []
    for volume in QStorageInfo.mountedVolumes():
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly() or \
                volume.isRoot():
            continue
        root = volume.rootPath()
        if sys.platform == "win32":
            if root[:2].upper() == system_drive or len(root) > 3:
                continue
        elif not (root + "/").startswith(REMOVABLE_ROOTS):
            continue
        name = volume.displayName() or volume.name() or root
        found.append(Drive(Path(root), name, volume.bytesAvailable()))
    return found


def monospace_font(point_size: int = 0) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.Monospace)
    if point_size:
        font.setPointSize(point_size)
    return font


class ExportTargetDialog(FormDialog):
    """Where the packages go: the exchange folder, a removable drive, or another
    folder; at the street office also for whom (all PCs or one community)."""

    def __init__(self, parent: QWidget | None, *, drives: list[Drive],
                 exchange: Path | None, recipients: list[tuple[str, str]] | None) -> None:
        super().__init__(parent, self.tr("Export sync packages"))
        self.set_intro(self.tr("Choose where to write the packages: a USB stick to carry "
                               "them, or the shared exchange folder."))
        self.places = QListWidget(self)
        self.places.setMinimumHeight(120)
        if exchange is not None:
            self._add_place(exchange, self.tr("Exchange folder: {path}").format(
                path=str(exchange)))
        for drive in drives:
            self._add_place(drive.path, self.tr("{name} ({path}), {free} free").format(
                name=drive.name, path=str(drive.path), free=size_text(drive.free_bytes)))
        self.places.setCurrentRow(0)
        self.places.itemDoubleClicked.connect(lambda _item: self.accept())
        self.other_button = QPushButton(self.tr("&Other folder…"), self)
        self.other_button.clicked.connect(self.choose_other)
        self.add_row("folder", self.tr("Write to"), self.places)
        self.form.addRow("", self.other_button)
        self.recipient_combo: QComboBox | None = None
        if recipients is not None:
            combo = QComboBox(self)
            combo.addItem(self.tr("All community PCs"), None)
            for office_id, name in recipients:
                combo.addItem(name, office_id)
            self.recipient_combo = combo
            self.add_row("to", self.tr("For"), combo)
        self.ok_button().setText(self.tr("&Export"))
        self.update_ok()
        self.places.currentRowChanged.connect(lambda _r: self.update_ok())
        self.setMinimumWidth(520)

    def _add_place(self, path: Path, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text, self.places)
        item.setData(PATH_ROLE, str(path))
        item.setToolTip(str(path))
        return item

    def update_ok(self) -> None:
        places = getattr(self, "places", None)
        self.ok_button().setEnabled(places is not None and places.currentItem() is not None)

    def choose_other(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the sync packages"), str(Path.home()))
        if not folder or messages.output_refused(self, folder):
            return
        item = self._add_place(Path(folder), folder)
        self.places.setCurrentItem(item)

    def choose(self, folder: Path) -> None:
        """Select ``folder`` (added when it is not offered yet)."""
        for row in range(self.places.count()):
            if Path(self.places.item(row).data(PATH_ROLE)) == Path(folder):
                self.places.setCurrentRow(row)
                return
        self.places.setCurrentItem(self._add_place(Path(folder), str(folder)))

    def perform(self) -> tuple[Path, str | None]:
        item = self.places.currentItem()
        to = self.recipient_combo.currentData() if self.recipient_combo is not None else None
        return Path(item.data(PATH_ROLE)), to

    @classmethod
    def ask(cls, parent: QWidget | None, *, drives: list[Drive], exchange: Path | None,
            recipients: list[tuple[str, str]] | None) -> tuple[Path, str | None] | None:
        return cls(parent, drives=drives, exchange=exchange, recipients=recipients).ask_result()


class TrustDialog(FormDialog):
    """Shows the fingerprint of the identity file about to be trusted; the user
    confirms it is the one the other PC's screen shows."""

    def __init__(self, parent: QWidget | None, *, name: str, role: str,
                 fingerprint: str) -> None:
        super().__init__(parent, self.tr("Trust another office's PC"))
        self.set_intro(self.tr("Compare this fingerprint with the one the other PC shows "
                               "on its sync tab (read it out over the phone, or look at both "
                               "screens). Trust it only if all twenty characters match."))
        self.add_row(None, self.tr("PC"), QLabel(name, self))
        self.add_row(None, self.tr("Role"), QLabel(role, self))
        self.fingerprint_label = QLabel(fingerprint, self)
        self.fingerprint_label.setFont(monospace_font(16))
        self.fingerprint_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_row(None, self.tr("Fingerprint"), self.fingerprint_label)
        self.ok_button().setText(self.tr("&They match: trust"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("They differ: &cancel"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.ok_button().setAutoDefault(False)

    def perform(self) -> bool:
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, *, name: str, role: str, fingerprint: str) -> bool:
        return bool(cls(parent, name=name, role=role, fingerprint=fingerprint).ask_result())


class SummaryYearDialog(FormDialog):
    """The year of the 街道社区工作情况汇总表."""

    def __init__(self, parent: QWidget | None, year: int) -> None:
        super().__init__(parent, self.tr("Street summary"))
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(year)
        self.add_row("year", self.tr("Year"), self.year_spin)
        self.setMinimumWidth(300)

    def perform(self) -> int:
        return self.year_spin.value()

    @classmethod
    def ask(cls, parent: QWidget | None, year: int | None = None) -> int | None:
        return cls(parent, year or dt.date.today().year).ask_result()
