"""Link a resident to a party member on the roster (one person, one record), or unlink.

The matches come from ``search(text)`` (the roster's own search: name, pinyin, the
last digits of the ID number); ``save(member_id | None)`` is the service call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget

from gridoffice.ui.dialogs.form import FormDialog

UNLINK = ""  # the list's data for "not a party member"


class MemberLinkDialog(FormDialog):
    """See the module docstring; the result is the member id, or "" for unlinked."""

    def __init__(self, parent: QWidget | None, *, resident_name: str,
                 current: tuple[str, str] | None,
                 search: Callable[[str], Sequence[Any]],
                 save: Callable[[str | None], Any]) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Party member"))
        self._search = search
        self._save = save
        self._current = current
        if current is not None:
            intro = self.tr("{name} is linked to the party member {member}.").format(
                name=resident_name, member=current[1])
        else:
            intro = self.tr("{name} is not linked to a party member.").format(
                name=resident_name)
        self.set_intro(intro)
        self.search_edit = self.add_row(None, self.tr("Search the roster"), QLineEdit(self))
        self.search_edit.setPlaceholderText(self.tr("Name, pinyin or last digits of the ID"))
        self.search_edit.setText(resident_name)
        self.result_list = self.add_row("member_id", self.tr("Member"), QListWidget(self))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        keep = self.chosen()
        self.result_list.clear()
        unlink = QListWidgetItem(self.tr("(not a party member: unlink)"))
        unlink.setData(Qt.ItemDataRole.UserRole, UNLINK)
        self.result_list.addItem(unlink)
        text = self.search_edit.text().strip()
        rows = list(self._search(text)) if text else []
        for row in rows:
            born = row.birth_date.strftime("%Y-%m") if row.birth_date else ""
            label = " ".join(p for p in (row.name, born, row.id_number or "",
                                         row.org_name or "") if p)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.result_list.addItem(item)
        wanted = keep or (self._current[0] if self._current else None)
        for index in range(self.result_list.count()):
            if self.result_list.item(index).data(Qt.ItemDataRole.UserRole) == wanted:
                self.result_list.setCurrentRow(index)
                break
        else:
            self.result_list.setCurrentRow(1 if rows else 0)

    def member_ids(self) -> list[str]:
        return [self.result_list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.result_list.count())]

    def choose(self, member_id: str) -> None:
        self.result_list.setCurrentRow(self.member_ids().index(member_id))

    def chosen(self) -> str | None:
        item = self.result_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def perform(self) -> Any:
        chosen = self.chosen() or UNLINK
        self._save(chosen or None)
        return chosen
