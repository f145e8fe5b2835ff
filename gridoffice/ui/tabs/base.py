"""The contract every tab of the main window keeps, so that the window holds a list
of tabs and loops over it.

A tab is built before the data is open (the window shows first), then
:meth:`BaseTab.attach` hands it the :class:`~gridoffice.services.container.Services`
of the opened file. A tab that writes tells the window what it changed by
emitting :attr:`BaseTab.changed` (a :class:`~gridoffice.services.changes.Changes`);
the window hands that notice to every other tab's :meth:`BaseTab.refresh`, which
reloads only if the notice touches the tables the tab shows (:attr:`watches`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from gridoffice.services.changes import Changes
from gridoffice.ui.labels import translate_by_class
from gridoffice.ui.ledger_jobs import LedgerJobs
from gridoffice.ui.widgets.tables import restore_layout

if TYPE_CHECKING:
    from gridoffice.app_context import AppContext
    from gridoffice.domain.access import Actor
    from gridoffice.errors import UserError
    from gridoffice.ledgers.catalogue import Ledger
    from gridoffice.services.audit import AuditService
    from gridoffice.services.container import Services
    from gridoffice.ui.widgets.community import CommunityScope
    from gridoffice.ui.workers import BackgroundJob


class BaseTab(QWidget):
    """One tab of the main window (see the module's docstring for the contract)."""

    key: ClassVar[str] = ""  # its name in the window and in window.ini: "roster", …
    view_permission: ClassVar[str] = ""  # domain/access: the tab is shown only with it
    title_text: ClassVar[str] = ""  # QT_TRANSLATE_NOOP("MainWindow", …)
    watches: ClassVar[frozenset[str]] = frozenset()  # tables whose changes it shows

    status_message = Signal(str)
    changed = Signal(object)  # Changes: what this tab just wrote
    open_requested = Signal(object)  # a workbench Target: the window opens that view

    def __init__(self, undo_stack: QUndoStack | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.services: Services | None = None
        self.context: AppContext | None = None  # the window's (set when it builds the tab)
        self._prefetched: dict[str, tuple[Any, Any]] = {}
        self.ledgers = LedgerJobs(self)  # one ledger at a time, and its preview
        self.ledgers.status_message.connect(self.status_message)
        # a sheet printed is a fact the workbench shows (the next council's sign-in sheet)
        self.ledgers.recorded.connect(lambda _target: self.notify(Changes.of("audit_log")))

    def tr(self, source: str, disambiguation: str | None = None,  # type: ignore[override]
           n: int = -1) -> str:
        """Translate in the context of the class that wrote the string (a tab's mixins
        and base classes have their own)."""
        return translate_by_class(self, QWidget, source, disambiguation, n)

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("MainWindow", cls.title_text)

    # --- the contract -------------------------------------------------------------------
    def attach(self, services: Services) -> None:
        """Start showing data: the window has opened the file."""
        self.services = services

    def read_first_screen(self) -> Any:
        """What the tab shows first when it is the window's first tab, read at start-up
        on a plain connection before SQLAlchemy and the services are loaded (the data
        folder and the person are in :attr:`context`); None: nothing before them."""
        return None

    def show_first_screen(self, screen: Any) -> None:
        """Show what :meth:`read_first_screen` read; :meth:`attach` follows."""

    def open_view(self, view: str, filters: dict[str, Any]) -> bool:
        """Show ``view`` with ``filters`` (a workbench item's click, see
        :class:`~gridoffice.services.workbench.Target`); False: there is no such view."""
        return False

    def prefetches(self) -> dict[str, tuple[Any, Callable[[Services], Any]]]:
        """Reads of the first :meth:`attach` the window may run in the background before
        it (while the services load): name → (the query, as the tab's widgets ask it
        now; a read of the services). None by default."""
        return {}

    def use_prefetched(self, results: dict[str, tuple[Any, Any]]) -> None:
        """What :meth:`prefetches` read (name → (query, result)), for the next attach;
        an empty dict drops what was not used."""
        self._prefetched = dict(results)

    def prefetched(self, name: str, query: Any, read: Callable[[], Any]) -> Any:
        """The result read ahead for ``name`` when it was read for this very ``query``
        (once), else ``read()``."""
        found = self._prefetched.pop(name, None)
        if found is not None and found[0] == query:
            return found[1]
        return read()

    def refresh(self, changes: Changes | None = None) -> None:
        """Show what ``changes`` touched (everything when None); a tab reloads only
        when the notice touches its :attr:`watches`."""
        if self.services is None:
            return
        if self.services.actor is not None and not self.visible_for(self.services.actor):
            return  # hidden from this person: it reads nothing (the services would refuse)
        changes = Changes.everything() if changes is None else changes
        if changes.touches(self.watches):
            self.reload_for(changes)

    def reload_for(self, changes: Changes) -> None:
        """Read again what the tab shows; ``changes`` says what changed."""
        raise NotImplementedError

    def visible_for(self, actor: Actor) -> bool:
        """Whether ``actor`` sees this tab at all."""
        return not self.view_permission or actor.allows(self.view_permission)

    def apply_access(self, actor: Actor) -> None:
        """Show only what ``actor`` may do: hide the buttons and menu actions their
        role does not allow (called after sign-in and after a switch of user; the
        services refuse the same things again)."""

    def set_scope(self, scope: CommunityScope) -> None:
        """The street office's view: every community's records, the communities'
        read-only (a tab without such a view ignores it)."""

    def running_jobs(self) -> list[BackgroundJob]:
        """Background work to cancel when the window closes."""
        job = self.ledgers.job
        return [job] if job is not None and self.ledgers.running else []

    def file_actions(self) -> list[Any]:
        """Actions the window puts at the top of its File menu (None: a separator)."""
        return []

    def layout_widgets(self) -> list[tuple[str, Any]]:
        """``(key, widget)`` of the splitters and headers whose state the window keeps."""
        return []

    def save_state(self, settings: QSettings) -> None:
        """Layout into the window's settings (splitters, columns)."""
        for key, widget in self.layout_widgets():
            settings.setValue(key, widget.saveState())

    def restore_state(self, settings: QSettings) -> None:
        """Layout from the window's settings; a missing or damaged value is ignored."""
        for key, widget in self.layout_widgets():
            state = settings.value(key)
            if state is not None:
                restore_layout(widget, state)

    def shutdown(self) -> None:
        """The window closes: close the ledger preview (it removes its temporary PDF)."""
        preview = self.ledgers.preview
        if preview is not None:
            preview.close()

    # --- ledgers (declared in the catalogue; the print menu is made from it) -----------
    @property
    def audit(self) -> AuditService:
        """Where this tab's outputs (ledgers, exports) are recorded."""
        assert self.services is not None
        return self.services.audit

    def ledger_values(self, entry: Ledger, key: str = "") -> dict[str, Any] | None:
        """The values of catalogue ledger ``entry`` (menu entry ``key``) for what the tab
        shows: render arguments, file name parts and an optional ``describe`` for the
        audit entry; None when there is nothing to print now or the user cancelled."""
        return {}

    def print_ledger(self, entry: Ledger, key: str = "",
                     values: dict[str, Any] | None = None) -> BackgroundJob | None:
        """Make the ledger ``entry`` for what is shown in the background, then preview
        it; its saves and prints are audited under the entry's target."""
        if self.services is None:
            return None
        if self.ledgers.running:
            return self.ledgers.job
        values = self.ledger_values(entry, key) if values is None else dict(values)
        if values is None:
            return None
        describe = values.pop("describe", "")
        return self.ledgers.start_ledger(entry, values, audit=self.audit,
                                         unit=self.services.unit, describe=describe)

    # --- what writes call -------------------------------------------------------------
    def notify(self, changes: Changes) -> None:
        """This tab wrote ``changes``: the window tells the other tabs."""
        if changes:
            self.changed.emit(changes)

    def report_failure(self, err: UserError, undoing: bool) -> None:
        """An undo or redo was refused (the data changed meanwhile): say why."""
        from gridoffice.ui import messages

        messages.show_user_error(self, err)

