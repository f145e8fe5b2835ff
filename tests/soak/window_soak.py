"""A day at the desk in minutes: thousands of row selections, tab switches,
searches and dialog opens in the real main window, on a real data folder.

Run by ``test_soak.py`` in a child process (a binding bug that frees ``None``
aborts the whole process, which a test in the same process could not report),
or by hand under a real screen:

    python tests/soak/window_soak.py DATA_DIR --selections 20000

It prints one JSON line: the steps done and how far the reference counts of
``None`` and ``True`` moved (``sys.getrefcount`` of immortal objects does not
move on CPython 3.12 and later).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, Qt, QThreadPool, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractItemView,
    QApplication,
    QDialog,
    QHeaderView,
    QLineEdit,
    QTabWidget,
    QTreeView,
    QWidget,
)

SEARCHES = ("wang", "li", "1", "zhang", "")


def wait(ms: int) -> None:
    """Let timers and queued signals run for ``ms`` milliseconds."""
    deadline = time.monotonic() + ms / 1000
    while True:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        # What deleteLater() asked for, as the application's event loop would do.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if time.monotonic() >= deadline:
            break


def resident_mb() -> float:
    """The process's resident memory (Linux; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except OSError:
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def settle() -> None:
    """Let every background load finish and its result reach the window."""
    for _ in range(3):
        QThreadPool.globalInstance().waitForDone(60_000)
        wait(100)


def close_modal() -> None:
    """Close whatever modal window is open, as a user pressing Esc would."""
    widget = QApplication.activeModalWidget()
    if isinstance(widget, QDialog):
        widget.reject()
    elif widget is not None:
        widget.close()


def selectable_views(page: QWidget) -> list[QAbstractItemView]:
    """The visible lists and tables of ``page`` that hold rows to select."""
    views = []
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        if (not isinstance(view, QHeaderView) and view.isVisible() and model is not None
                and model.rowCount() > 0
                and view.selectionMode() != QAbstractItemView.SelectionMode.NoSelection):
            views.append(view)
    return views


def inner_pages(page: QWidget) -> list[tuple[QTabWidget, int]]:
    """The pages of tab widgets inside a main tab (the in-service tab's pages …)."""
    return [(tabs, i) for tabs in page.findChildren(QTabWidget) for i in range(tabs.count())]


def search_edit(page: QWidget) -> QLineEdit | None:
    edit = getattr(page, "search_edit", None)
    if isinstance(edit, QLineEdit):
        return edit
    for child in page.findChildren(QLineEdit):
        if child.objectName() == "search" or child.isVisible() and child.isClearButtonEnabled():
            return child
    return None


class Soak:
    def __init__(self, window: QWidget, selections: int) -> None:
        self.window = window
        self.tabs: QTabWidget = window.tabs  # type: ignore[attr-defined]
        self.requested = self.target = selections
        self.selections = self.tab_switches = self.searches = self.dialogs = 0
        self.with_dialogs = True

    def reset(self) -> None:
        """Back to how the window stood: searches cleared, every tab's records read
        again (lazily loaded tree nodes dropped), the first tab shown."""
        for index in range(self.tabs.count()):
            edit = search_edit(self.tabs.widget(index))
            if edit is not None and edit.text():
                edit.clear()
        wait(400)
        window = self.window
        window.roster.reload()  # type: ignore[attr-defined]
        for tab in (window.households, window.meetings, window.inservice):  # type: ignore[attr-defined]
            tab.refresh()
        self.tabs.setCurrentIndex(0)
        wait(300)
        close_modal()
        settle()

    def run(self, target: int | None = None, *, dialogs: bool = True) -> None:
        """Select rows until ``target`` more selections were made (default: all),
        searching on each visit of a page and (with ``dialogs``) opening a row."""
        self.with_dialogs = dialogs
        self.target = self.selections + (target if target is not None else self.requested)
        per_visit = 250
        while self.selections < self.target:
            for index in range(self.tabs.count()):
                self.tabs.setCurrentIndex(index)
                self.tab_switches += 1
                wait(5)
                page = self.tabs.widget(index)
                pages = inner_pages(page) or [(None, 0)]
                for inner, i in pages:
                    if inner is not None:
                        inner.setCurrentIndex(i)
                        wait(5)
                    self.visit(page, per_visit // len(pages) + 1)
                    if self.selections >= self.target:
                        return

    def visit(self, page: QWidget, count: int) -> None:
        for tree in selectable_views(page):
            if isinstance(tree, QTreeView):  # open the first level, pick its first node
                tree.expandToDepth(0)
                tree.setFocus()
                QTest.keyClick(tree, Qt.Key.Key_Home)
                QTest.keyClick(tree, Qt.Key.Key_Down)
                wait(20)
        views = selectable_views(page)
        if not views:
            return
        for view in views:
            view.setFocus()
            QTest.keyClick(view, Qt.Key.Key_Home)
            for _ in range(count // len(views) + 1):
                current = view.currentIndex()
                last = current.isValid() and current.row() >= view.model().rowCount() - 1
                QTest.keyClick(view, Qt.Key.Key_Home if last else Qt.Key.Key_Down)
                self.selections += 1
                if self.selections % 10 == 0:
                    wait(0)  # background loads finish, as they do between key presses
            if self.with_dialogs:
                self.open_dialog(view)
        self.search(page)

    def open_dialog(self, view: QAbstractItemView) -> None:
        """Open the current row as a user double-clicking it (and close what opens)."""
        index = view.currentIndex()
        if not index.isValid():
            return
        rect = view.visualRect(index)
        QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier, rect.center())
        self.dialogs += 1
        wait(10)
        close_modal()

    def search(self, page: QWidget) -> None:
        edit = search_edit(page)
        if edit is None or not edit.isEnabled():
            return
        text = SEARCHES[self.searches % len(SEARCHES)]
        edit.selectAll()
        QTest.keyClick(edit, Qt.Key.Key_Backspace)
        QTest.keyClicks(edit, text)
        self.searches += 1
        wait(300)  # the search waits for typing to pause
        edit.clear()
        wait(300)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir")
    parser.add_argument("--selections", type=int, default=20_000)
    parser.add_argument("--language", default="zh_CN")
    args = parser.parse_args(argv)

    from gridoffice import paths
    from gridoffice.app_context import AppContext
    from gridoffice.services import office
    from gridoffice.store.files import open_database
    from gridoffice.ui.app import install_font, install_translators
    from gridoffice.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    translators = install_translators(app, args.language)  # noqa: F841 - kept alive
    install_font(app)
    app_paths = paths.resolve(args.data_dir)
    opened = open_database(app_paths, quick_check=False)
    profile = office.load_profile(opened.path)
    context = AppContext(app_paths, opened, args.language, args.language, profile, None, True)
    window = MainWindow(context)
    loaded: list[bool] = []
    window.data_loaded.connect(lambda: loaded.append(True))
    window.show()
    deadline = time.monotonic() + 60
    while not loaded and time.monotonic() < deadline:
        wait(50)
    if not loaded:
        print(json.dumps({"error": "the window did not load its data"}))
        return 1
    wait(300)
    closer = QTimer()
    closer.timeout.connect(close_modal)
    closer.start(25)  # any dialog or message box a double-click opens is closed again

    soak = Soak(window, args.selections)
    soak.run(1000)  # a first round: pages, dialogs and caches built once
    soak.reset()

    def measure(phase: Callable[[], None]) -> tuple[int, int]:
        gc.collect()
        none, true = sys.getrefcount(None), sys.getrefcount(True)
        phase()
        soak.reset()
        gc.collect()
        return sys.getrefcount(None) - none, sys.getrefcount(True) - true

    started, memory = time.monotonic(), resident_mb()
    soak.selections = soak.tab_switches = soak.searches = soak.dialogs = 0
    # Selections, tab switches and searches: every call into Qt, no new widgets.
    none_drift, true_drift = measure(lambda: soak.run(dialogs=False))
    # Then opening rows (dialogs, detail pages) as well, a tenth as many selections.
    none_dialogs, true_dialogs = measure(lambda: soak.run(max(args.selections // 10, 200)))
    result = {
        "selections": soak.selections,
        "tab_switches": soak.tab_switches,
        "searches": soak.searches,
        "dialogs": soak.dialogs,
        "seconds": round(time.monotonic() - started, 1),
        "memory_growth_mb": round(resident_mb() - memory, 1),
        "none_drift": none_drift,
        "true_drift": true_drift,
        "none_drift_with_dialogs": none_dialogs,
        "true_drift_with_dialogs": true_dialogs,
        "immortal_none": sys.version_info >= (3, 12),
    }
    closer.stop()
    window.close()
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
