"""What a tab shows only to those allowed: one list of (action or widget, permission)
per tab, applied at sign-in and again at every switch of user.

A tab declares its items once (``gate.add(access.PRINT, *print_actions)``) and its
:meth:`~gridoffice.ui.tabs.base.BaseTab.apply_access` calls :meth:`AccessGate.apply`.
Items are hidden, not merely disabled: a role sees only what it may do (the
services refuse the rest again). A menu button (Print, Excel, Transfer …) shows
while at least one action of its menu shows. Items made later (a page built
when first opened) are added and shown or hidden for the current actor at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton, QWidget

from gridoffice.domain import access
from gridoffice.domain.access import Actor


@dataclass
class _Item:
    item: QAction | QWidget
    permission: str
    when: Callable[[], bool] | None = None  # the tab's own condition (the street's summary)


def _toolbar_action(widget: QWidget) -> QAction | None:
    """The action a toolbar holds ``widget`` by: a toolbar hides widgets only by it."""
    bar = widget.parentWidget()
    if isinstance(bar, QToolBar):
        return next((act for act in bar.actions() if bar.widgetForAction(act) is widget), None)
    return None


def set_shown(item: QAction | QWidget, shown: bool) -> None:
    if isinstance(item, QWidget):
        holder = _toolbar_action(item)
        if holder is not None:
            holder.setVisible(shown)
            return
    item.setVisible(shown)


def is_shown(item: QAction | QWidget) -> bool:
    """Whether ``item`` is offered (its own flag; the tab itself may be hidden)."""
    if isinstance(item, QWidget):
        holder = _toolbar_action(item)
        return holder.isVisible() if holder is not None else not item.isHidden()
    return item.isVisible()


class AccessGate:
    """The access-controlled items of one tab (see the module docstring)."""

    def __init__(self) -> None:
        self._items: list[_Item] = []
        self._menu_buttons: list[QToolButton] = []
        self.actor: Actor | None = None

    def add(self, permission: str, *items: QAction | QWidget,
            when: Callable[[], bool] | None = None) -> None:
        """Show ``items`` only to actors with ``permission`` (and while ``when()``)."""
        self._items.extend(_Item(item, permission, when) for item in items)
        if self.actor is not None:
            self.apply(self.actor)

    def add_menu_buttons(self, *buttons: QToolButton) -> None:
        """Buttons whose menu holds gated actions: hidden when their menu is empty."""
        self._menu_buttons.extend(buttons)

    def allows(self, permission: str) -> bool:
        """Whether the current actor (None: nobody applied yet, an open folder) may."""
        return access.allows(self.actor, permission)

    def pairs(self) -> list[tuple[Any, str]]:
        """Every (item, permission) declared, for the tests and the curious."""
        return [(entry.item, entry.permission) for entry in self._items]

    def apply(self, actor: Actor) -> None:
        self.actor = actor
        self.update()

    def update(self) -> None:
        """Show again what the actor may use (after a tab's own condition changed)."""
        for entry in self._items:
            set_shown(entry.item, self.allows(entry.permission)
                      and (entry.when is None or entry.when()))
        for button in self._menu_buttons:
            menu = button.menu()
            shown = menu is not None and any(
                act.isVisible() and not act.isSeparator() for act in menu.actions())
            set_shown(button, shown)
        for holder in self._holders():
            tidy_separators(holder.actions())

    def _holders(self) -> list[QWidget]:
        """The toolbars and menus the items sit in (their separators need tidying)."""
        found: list[QWidget] = []
        for entry in [*self._items, *(_Item(b, "") for b in self._menu_buttons)]:
            item = entry.item
            if isinstance(item, QWidget):
                parents = [item.parentWidget()]
            else:
                parents = [o for o in item.associatedObjects() if isinstance(o, QWidget)]
            for parent in parents:
                if isinstance(parent, QToolBar | QMenu) and parent not in found:
                    found.append(parent)
        return found


def tidy_separators(actions: list[QAction]) -> None:
    """Show a separator only between two shown groups (no leading, trailing or double
    lines once the actions around it are hidden)."""
    pending: QAction | None = None
    seen_item = False
    for act in actions:
        if act.isSeparator():
            act.setVisible(False)
            if seen_item and pending is None:
                pending = act
        elif act.isVisible():
            if pending is not None:
                pending.setVisible(True)
                pending = None
            seen_item = True
