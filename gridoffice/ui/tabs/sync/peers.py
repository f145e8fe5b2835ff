"""This PC and its peers on the Sync tab: this PC's identity (its fingerprint, its
identity file for the other office), trusting another PC's identity file, and the
table of the trusted PCs with what was exchanged with each."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gridoffice.errors import UserError
from gridoffice.ui import messages
from gridoffice.ui.dialogs.sync_dialogs import TrustDialog, monospace_font
from gridoffice.ui.models.sync_tables import PeerTableModel
from gridoffice.ui.tabs.sync.views import table_view

if TYPE_CHECKING:
    from gridoffice.services.sync import PeerStatus
    from gridoffice.store.database import Database
    from gridoffice.sync.identity import PublicIdentity


def role_text(role: str) -> str:
    """The translated name of an office's role ("street" or a community)."""
    from gridoffice.services.sync_trust import ROLE_COMMUNITY, ROLE_STREET

    return QCoreApplication.translate(
        "codes", ROLE_STREET if role == "street" else ROLE_COMMUNITY)


class ThisPcBox(QGroupBox):
    """This PC's office, name, role and fingerprint; its identity file saved for the
    other office, and another PC's identity file trusted after comparing
    fingerprints."""

    status_message = Signal(str)
    trusted = Signal()  # a PC's identity is trusted now (before the status message)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("This PC"))
        self.db: Database | None = None
        self.office_value = QLabel(self)
        self.pc_value = QLabel(self)
        self.role_value = QLabel(self)
        self.fingerprint_value = QLabel(self)
        self.fingerprint_value.setFont(monospace_font(15))
        self.fingerprint_value.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel(self.tr("Compare it with the other office's screen when you exchange "
                              "identity files."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        self.export_identity_button = QPushButton(self.tr("Export this PC's i&dentity file…"),
                                                  self)
        self.export_identity_button.clicked.connect(self.export_identity)
        self.trust_button = QPushButton(self.tr("&Trust another PC's identity file…"), self)
        self.trust_button.clicked.connect(self.trust_identity)
        form = QFormLayout()
        form.addRow(self.tr("Office:"), self.office_value)
        form.addRow(self.tr("PC:"), self.pc_value)
        form.addRow(self.tr("Role:"), self.role_value)
        form.addRow(self.tr("Fingerprint:"), self.fingerprint_value)
        form.addRow("", hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_identity_button)
        buttons.addWidget(self.trust_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)

    def attach(self, db: Database | None) -> None:
        self.db = db
        self.update_buttons()

    def update_buttons(self) -> None:
        attached = self.db is not None
        self.export_identity_button.setEnabled(attached)
        self.trust_button.setEnabled(attached)

    def show_identity(self, me: PublicIdentity) -> None:
        self.office_value.setText(me.community or me.street)
        self.pc_value.setText(me.pc_label or "—")
        self.role_value.setText(role_text(me.role))
        self.fingerprint_value.setText(me.fingerprint)

    def export_identity(self) -> Path | None:
        if self.db is None:
            return None
        from gridoffice.services import sync_trust

        me = sync_trust.own_identity(self.db.path)
        suggested = str(Path.home() / f"{me.display_name}.gridid")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save this PC's identity file"), suggested,
            self.tr("Identity files (*.gridid)"))
        if not path or messages.output_refused(self, path, self.db.path):
            return None
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(".gridid")
        try:
            sync_trust.export_identity(self.db.path, target)
        except UserError as err:
            messages.show_user_error(self, err)
            return None
        messages.inform(self, self.tr(
            "This PC's identity file was saved to {path}.\n\nGive it to the other office; "
            "they trust it after checking that its fingerprint matches this screen: "
            "{fingerprint}").format(path=str(target), fingerprint=me.fingerprint))
        return target

    def trust_identity(self) -> bool:
        if self.db is None:
            return False
        from gridoffice.services import sync_trust
        from gridoffice.sync.identity import read_identity_file

        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Identity file of the other office's PC"), str(Path.home()),
            self.tr("Identity files (*.gridid)"))
        if not path:
            return False
        try:
            peer = read_identity_file(Path(path).read_bytes(), path)
        except OSError as exc:
            messages.warn(self, self.tr("{path} cannot be read: {reason}").format(
                path=path, reason=exc.strerror or str(exc)))
            return False
        except UserError as err:
            messages.show_user_error(self, err)
            return False
        if not TrustDialog.ask(self, name=peer.display_name, role=role_text(peer.role),
                               fingerprint=peer.fingerprint):
            return False
        try:
            identity, new = sync_trust.trust(self.db.path, Path(path))
        except UserError as err:
            messages.show_user_error(self, err)
            return False
        self.trusted.emit()
        self.status_message.emit(
            self.tr("{name} is now trusted.").format(name=identity.display_name) if new
            else self.tr("{name} was trusted already.").format(name=identity.display_name))
        return True


class PeerList(QWidget):
    """The trusted PCs: what was sent to and received from each, and whether the
    data agree."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.peer_model = PeerTableModel(self)
        self.peer_view = table_view(self, self.peer_model)
        self.peer_view.setToolTip(self.tr("Drop .gridsync files here to import them."))
        self.peers_label = QLabel(self.tr("&Peer PCs (drop .gridsync files here to import):"),
                                  self)
        self.peers_label.setBuddy(self.peer_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.peers_label)
        layout.addWidget(self.peer_view)

    def show_peers(self, statuses: list[PeerStatus]) -> None:
        self.peer_model.set_rows(statuses)
        if not statuses:
            self.peers_label.setText(self.tr(
                "&Peer PCs: none trusted yet. Exchange identity files with the other "
                "office first."))
        else:
            self.peers_label.setText(self.tr(
                "&Peer PCs (drop .gridsync files here to import):"))

    def recipients(self) -> list[tuple[str, str]]:
        """``(office id, name)`` of the offices of the trusted PCs, by name."""
        seen: dict[str, str] = {}
        for status in self.peer_model.rows():
            seen.setdefault(status.office_id, status.name)
        return sorted(seen.items(), key=lambda item: item[1])
