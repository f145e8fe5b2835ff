"""A main window on an existing data folder, shown and loaded, as an office opens it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gridoffice import paths
from gridoffice.app_context import AppContext
from gridoffice.services import office
from gridoffice.store.files import open_database


def open_window(qtbot: Any, folder: Path, language: str = "en", actor: Any = None) -> Any:
    """The window of ``folder`` once its tabs show the data (close it when done), opened
    by ``actor`` (a signed-in account) or in a folder without accounts."""
    from gridoffice.ui.main_window import MainWindow

    app_paths = paths.resolve(folder)
    opened = open_database(app_paths)
    context = AppContext(app_paths, opened, language, "", office.load_profile(opened.path),
                         actor=actor)
    main = MainWindow(context)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.data_loaded, timeout=20_000):
        main.show()
    return main
