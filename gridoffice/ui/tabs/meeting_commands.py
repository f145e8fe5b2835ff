"""Undo commands of the meetings tab, each undone by the service's own inverse.

add ↔ remove (a tombstone), remove ↔ ``restore(kind, id)``, a presence mark or
an edit ↔ the values from before. As in ``org_commands``: a command is pushed
after its first service call succeeded; its first ``redo`` only refreshes; a
refused undo or redo tells the user why and leaves the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from gridoffice.errors import UserError


class MeetingCommandHost(Protocol):
    def refresh(self) -> None: ...

    def report_failure(self, err: UserError, undoing: bool) -> None: ...


class MeetingCommand(QUndoCommand):
    """``apply`` redoes the change, ``revert`` takes it back (both service calls)."""

    def __init__(self, host: MeetingCommandHost, text: str, apply: Callable[[], object],
                 revert: Callable[[], object]) -> None:
        super().__init__(text)
        self.host = host
        self.apply = apply
        self.revert = revert
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            self.host.refresh()
            return
        self._run(self.apply, undoing=False)

    def undo(self) -> None:
        self._run(self.revert, undoing=True)

    def _run(self, step: Callable[[], object], *, undoing: bool) -> None:
        try:
            step()
        except UserError as err:
            self.setObsolete(True)  # QUndoStack drops it; nothing was changed
            self.host.refresh()
            self.host.report_failure(err, undoing)
            return
        self.host.refresh()
