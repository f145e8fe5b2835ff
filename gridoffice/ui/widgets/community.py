"""The street office's view of its communities' records, shared by every tab: which
community owns a row (the 社区 column), the community filter, and the rule that
the communities' records are read-only at the street.

In a community office the scope is inactive: no column, no filter, nothing locked.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

CONTEXT = "CommunityScope"  # one translation context for every tab (see ARCHITECTURE.md)
_ORIGINAL_TIP = "community_original_tip"


class CommunityScope:
    """Whose records this office shows and may change (see the module docstring)."""

    def __init__(self, own_office: str = "", names: dict[str, str] | None = None,
                 street: bool = False) -> None:
        self.own_office = own_office
        self.names = dict(names or {})
        self.street = street

    @classmethod
    def load(cls, db_path: Path) -> CommunityScope:
        """The scope of the office in ``db_path``: one cheap check in a community."""
        from gridoffice.services import street

        if not street.is_street(db_path):
            return cls()
        from gridoffice.store.settings import read_meta

        return cls(read_meta(db_path).get("office_id", ""), street.office_names(db_path),
                   True)

    @property
    def active(self) -> bool:
        return self.street

    def communities(self) -> list[tuple[str, str]]:
        """(office id, name) of every community, by name (not the street itself)."""
        return [(office_id, name) for office_id, name in self.names.items()
                if office_id != self.own_office]

    def label(self, origin_office: str | None) -> str:
        """The 社区 column: the owning community's name (the street's own name too)."""
        if not origin_office:
            return ""
        return self.names.get(origin_office) or QCoreApplication.translate(
            "CommunityScope", "Unknown office")

    def row_label(self, row: Any) -> str:
        return self.label(getattr(row, "origin_office", ""))

    def read_only(self, origin_office: str | None) -> bool:
        """A community's record seen at the street: changed only in the community."""
        return self.street and (origin_office or "") != self.own_office

    @staticmethod
    def add_text() -> str:
        """Why the street cannot add records to a community (or to every community)."""
        return QCoreApplication.translate(
            "CommunityScope", "The communities add their own records. Choose one of the street "
                   "office's own to add here.")

    @staticmethod
    def community_only_text() -> str:
        """Why the street adds none of these records."""
        return QCoreApplication.translate(
            "CommunityScope",
            "The communities add these records; the street office sees them here.")

    @staticmethod
    def changes_text() -> str:
        """Why the street changes none of these records (those of every community)."""
        return QCoreApplication.translate(
            "CommunityScope", "The communities change their own records; the street office sees "
                   "them here.")

    def read_only_text(self, origin_office: str | None) -> str:
        return QCoreApplication.translate(
            "CommunityScope",
            "This record belongs to {community} and can only be changed there.").format(
            community=self.label(origin_office))

    def lock(self, actions: Iterable[QAction | QWidget], origin_office: str | None,
             locked: bool | None = None, text: str | None = None) -> bool:
        """Disable ``actions`` (already enabled or not by the tab) when the record of
        ``origin_office`` is read-only here, and say why in their tooltips; give them
        back their own tooltips otherwise. Returns whether they were locked."""
        if not self.street:
            return False
        if locked is None:
            locked = self.read_only(origin_office)
        if locked and text is None:
            text = self.read_only_text(origin_office)
        for act in actions:
            original = act.property(_ORIGINAL_TIP)
            if original is None:
                original = act.toolTip()
                act.setProperty(_ORIGINAL_TIP, original)
            if locked:
                act.setEnabled(False)
                act.setToolTip(text or "")
            else:
                act.setToolTip(str(original))
        return locked


class CommunityFilter(QWidget):
    """"Community: [All communities ▾]" and a note that their records are read-only;
    hidden until :meth:`set_scope` gives it an active (street) scope."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, note: bool = True) -> None:
        """``note``: show the read-only note beside the combo (else only as its tooltip,
        where a filter row has no room)."""
        super().__init__(parent)
        self.scope = CommunityScope()
        self.combo = QComboBox(self)
        self.combo.setObjectName("communityFilter")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        label = QLabel(QCoreApplication.translate("CommunityScope", "Community:"), self)
        label.setBuddy(self.combo)
        self.note = QLabel(QCoreApplication.translate(
            "CommunityScope", "Read-only: the communities change their own records"), self)
        self.note.setObjectName("communityNote")
        self.note.setToolTip(QCoreApplication.translate("CommunityScope",
            "The street office sees the records of every community as they arrive by sync. "
            "They are changed in the community; the street changes only its own records."))
        self.note.setEnabled(False)  # the muted text colour
        self.note.setVisible(note)
        self.combo.setToolTip(self.note.text())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(self.note)
        layout.addStretch(1)  # in a column of widgets, keep the combo its own size
        self.setVisible(False)

    def set_scope(self, scope: CommunityScope) -> None:
        self.scope = scope
        self.combo.blockSignals(True)
        keep = self.combo.currentData()
        self.combo.clear()
        self.combo.addItem(QCoreApplication.translate("CommunityScope", "All communities"), None)
        for office_id, name in scope.communities():
            self.combo.addItem(name, office_id)
        self.combo.setCurrentIndex(max(self.combo.findData(keep), 0))
        self.combo.blockSignals(False)
        self.setVisible(scope.active)

    def office(self) -> str | None:
        """The chosen community's office id; None: every community."""
        return self.combo.currentData() if self.scope.active else None

    def choose(self, office_id: str | None) -> None:
        self.combo.setCurrentIndex(max(self.combo.findData(office_id), 0))


def community_header() -> str:
    return QCoreApplication.translate("CommunityScope", "Community")


def show_community_column(view: Any, model: Any, scope: CommunityScope) -> None:
    """Give ``model`` (a table model with ``set_community``) the 社区 column, shown
    first in ``view``; nothing in a community office."""
    if not scope.active:
        return
    model.set_community(scope.row_label)
    header = view.horizontalHeader()
    column = model.columnCount() - 1
    if header.visualIndex(column) == header.count() - 1:  # not placed by the user
        header.moveSection(header.visualIndex(column), 0)
    metrics = view.fontMetrics()
    widest = max([metrics.horizontalAdvance(name) for _id, name in scope.communities()]
                 + [metrics.horizontalAdvance(community_header())])
    header.resizeSection(column, widest + 24)
