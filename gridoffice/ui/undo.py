"""One undo command for every tab: a change made through a service, undone by the
service's own inverse.

A :class:`ServiceCommand` is pushed after its first service call succeeded
(inside the dialog, so errors stay in the dialog); its first ``redo`` only
tells the host what changed. If an undo or redo is refused later (someone
changed the data in between), the user is told why and the command leaves the
stack (``setObsolete``); nothing was changed.

``apply`` and ``revert`` (callables, or methods of a subclass) may return the id
to select afterwards; the host gets it with the command's :class:`Changes`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from gridoffice.errors import UserError
from gridoffice.services.changes import Changes

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


class CommandHost(Protocol):
    """What a command needs from the tab (or panel) that pushed it."""

    def command_done(self, changes: Changes, select: str | None) -> None:
        """The change was made, undone or redone (or refused): show it."""

    def report_failure(self, err: UserError, undoing: bool) -> None: ...


class ServiceCommand(QUndoCommand):
    """``apply`` makes the change again, ``revert`` takes it back; ``changes`` says
    what either touches; the text is what Edit ▸ Undo shows."""

    def __init__(self, host: CommandHost, text: str,
                 apply: Callable[[], object] | None = None,
                 revert: Callable[[], object] | None = None, *,
                 changes: Changes | None = None, select: str | None = None) -> None:
        super().__init__(text)
        self.host = host
        if apply is not None:
            self.apply = apply  # type: ignore[method-assign]
        if revert is not None:
            self.revert = revert  # type: ignore[method-assign]
        self.changes = changes if changes is not None else Changes.everything()
        self._select = select
        self._first = True

    def apply(self) -> object:
        raise NotImplementedError

    def revert(self) -> object:
        raise NotImplementedError

    def selection(self) -> str | None:
        """What to select after the first redo (the change already happened)."""
        return self._select

    def selected_after(self, result: object) -> str | None:
        """What to select after ``apply`` or ``revert`` returned ``result``
        (None after a refusal)."""
        return result if isinstance(result, str) else None

    def redo(self) -> None:
        if self._first:
            self._first = False
            self.host.command_done(self.changes, self.selection())
            return
        self._run(self.apply, undoing=False)

    def undo(self) -> None:
        self._run(self.revert, undoing=True)

    def _run(self, step: Callable[[], object], *, undoing: bool) -> None:
        try:
            select = step()
        except UserError as err:
            self.setObsolete(True)  # QUndoStack drops it; nothing was changed
            self.host.command_done(self.changes, self.selected_after(None))
            self.host.report_failure(err, undoing)
            return
        self.host.command_done(self.changes, self.selected_after(select))


def refused_text(err: UserError, undoing: bool) -> str:
    """"This change cannot be undone/redone", with the reason."""
    from gridoffice.ui import messages

    reason = messages.user_error_text(err)
    text = (translate("ServiceCommand", "This change cannot be undone. {reason}") if undoing
            else translate("ServiceCommand", "This change cannot be redone. {reason}"))
    return text.format(reason=reason)


def report_refused(parent: QWidget, err: UserError, undoing: bool) -> None:
    from gridoffice.ui import messages

    messages.warn(parent, refused_text(err, undoing))


class Controller(QObject):
    """A tab's controller that pushes :class:`ServiceCommand` s and is their host:
    ``changed`` asks the tab to show the change (and select an id)."""

    #: something changed; select this id afterwards ("" for no preference)
    changed = Signal(str)
    #: a short note for the status bar
    status = Signal(str)

    def __init__(self, widget: QWidget, undo_stack: QUndoStack) -> None:
        super().__init__(widget)
        self.widget = widget
        self.undo_stack = undo_stack

    def command_done(self, changes: Changes, select: str | None) -> None:
        self.changed.emit(select or "")

    def report_failure(self, err: UserError, undoing: bool) -> None:
        report_refused(self.widget, err, undoing)


def push_change(stack: QUndoStack | None, host: CommandHost, text: str,
                apply: Callable[[], object], revert: Callable[[], object] | None, *,
                changes: Changes) -> None:
    """A change already stored: onto the undo stack when it has an inverse (and the
    host has a stack), else the host just shows it."""
    if stack is not None and revert is not None:
        stack.push(ServiceCommand(host, text, apply, revert, changes=changes))
    else:
        host.command_done(changes, None)
