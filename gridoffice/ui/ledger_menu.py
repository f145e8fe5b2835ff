"""A tab's print actions and menu, made from the ledger catalogue.

``LedgerMenu(tab, area)`` makes one action per menu entry of each ledger of
``catalogue.for_area(area)`` (separators as declared); triggering one calls
``tab.print_ledger(entry, key)``, which asks the tab for the values of its current
selection (``tab.ledger_values(entry, key)``) and hands them to
:meth:`LedgerJobs.start_ledger`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from gridoffice.ledgers import catalogue
from gridoffice.ui.widgets.actions import make_action


def _tr(text: str) -> str:
    return QCoreApplication.translate("ledgers", text) if text else ""


class LedgerMenu:
    """The actions (``action(name, key)``) and the menu (``menu``) of one area."""

    def __init__(self, owner: QWidget, area: str,
                 adopt: dict[str, QAction] | None = None) -> None:
        """``adopt``: actions the tab already shows elsewhere (a panel's toolbar), by
        ledger name, used for the ledger's only menu entry instead of a new one."""
        self.owner = owner
        self.area = area
        self.menu = QMenu(owner)
        self.entries = catalogue.for_area(area)
        self._actions: dict[tuple[str, str], QAction] = {}
        adopt = adopt or {}
        for entry in self.entries:
            if entry.separator_before and not self.menu.isEmpty():
                self.menu.addSeparator()
            for item in entry.actions:
                act = adopt.get(entry.name) if len(entry.actions) == 1 else None
                if act is None:
                    act = make_action(owner, _tr(item.text), None, item.shortcut or None,
                                      _tr(item.tip) or None)
                act.triggered.connect(
                    lambda _checked=False, e=entry, k=item.key: owner.print_ledger(e, k))
                self.menu.addAction(act)
                self._actions[(entry.name, item.key)] = act

    def action(self, name: str, key: str = "") -> QAction:
        """The action of the ledger ``name``'s menu entry ``key``."""
        return self._actions[(name, key)]

    def actions(self) -> list[QAction]:
        return list(self._actions.values())

    def ledgers_shown(self) -> list[str]:
        """The names of the ledgers the menu offers, in its order."""
        names: list[str] = []
        for act in self.menu.actions():
            for (name, _key), known in self._actions.items():
                if known is act and name not in names:
                    names.append(name)
        return names
