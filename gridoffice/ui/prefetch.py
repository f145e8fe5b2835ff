"""The window's start after it shows: the first tab's first screen read on a plain
connection (:func:`show_first_screen`), then, in the background, SQLAlchemy and the
services imported, the file opened and the tabs' longest lists read ahead
(:meth:`BaseTab.prefetches`), so that the tabs' first :meth:`~BaseTab.attach` on the
GUI thread only shows rows.

No Qt here: the task runs on a worker thread of
:class:`~gridoffice.ui.workers.BackgroundJob` and returns plain data.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gridoffice.errors import UserError

if TYPE_CHECKING:
    from gridoffice.domain.access import Actor
    from gridoffice.services.container import Services
    from gridoffice.services.office import OfficeProfile
    from gridoffice.store.database import Database
    from gridoffice.ui.main_window import MainWindow

log = logging.getLogger(__name__)

Reads = dict[tuple[str, str], tuple[Any, Callable[["Services"], Any]]]


@dataclass
class Loaded:
    """The opened file, its services and what was read ahead: (tab key, name) →
    (query, result)."""

    db: Database
    services: Services
    results: dict[tuple[str, str], tuple[Any, Any]] = field(default_factory=dict)

    def for_tab(self, key: str) -> dict[str, tuple[Any, Any]]:
        return {name: found for (tab, name), found in self.results.items() if tab == key}


def import_services() -> None:
    """Import SQLAlchemy, SQLModel, the tables and the services and configure the
    mappers: most of a second, spent before any tab can ask."""
    from sqlalchemy.orm import configure_mappers

    import gridoffice.services.container
    import gridoffice.services.households
    import gridoffice.services.inservice
    import gridoffice.services.meetings
    import gridoffice.services.orgs
    import gridoffice.services.roster.service
    import gridoffice.services.sync
    import gridoffice.store.database  # noqa: F401

    configure_mappers()


def load_task(path: Path, profile: OfficeProfile | None, language: str, actor: Actor | None,
              reads: Reads) -> Callable[[object], Loaded]:
    """The background task: the services of ``path`` and what ``reads`` read. A read
    that fails is left to the tab (it reads again, and says what is wrong); a file that
    cannot be opened fails the task."""

    def task(_progress: object) -> Loaded:
        import_services()
        from gridoffice.services.container import Services
        from gridoffice.store.database import Database

        db = Database(path)
        loaded = Loaded(db, Services.build(db, profile, language, actor))
        for name, (query, read) in reads.items():
            try:
                loaded.results[name] = (query, read(loaded.services))
            except UserError as err:  # e.g. a role that may not read it: the tab says so
                log.info("not read ahead: %s: %s", name, err.english())
        return loaded

    return task


def show_first_screen(window: MainWindow) -> bool:
    """What the first tab shows first (:meth:`BaseTab.read_first_screen`), read before
    the services and shown; False when there is nothing to show before them."""
    if not window.tab_list:
        return False
    tab = window.tab_list[0]
    from gridoffice.store import driver

    try:
        window.show_communities()
        screen = tab.read_first_screen()
    except (UserError, driver.Error) as err:  # the services will say it, if it lasts
        log.warning("no first screen: %s", err)
        return False
    if screen is None:
        return False
    tab.show_first_screen(screen)
    return True
