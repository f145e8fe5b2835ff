"""What the window's start costs before it shows, counted rather than timed: the
connections to the data file, and PySide6's per-module import check."""

from __future__ import annotations

import importlib
import inspect
import logging

import pytest

from gridoffice.store import driver
from gridoffice.ui import pyside_imports


def test_pyside_is_asked_our_faster_question():
    import shibokensupport.feature as feature  # PySide6's own, loaded with it

    assert feature._mod_uses_pyside is pyside_imports.uses_pyside


@pytest.mark.parametrize("name", ["gridoffice.ui.app", "gridoffice.ui.messages",
                                  "gridoffice.errors", "gridoffice.store.files", "json",
                                  "sys", "math", "sqlcipher3.dbapi2", "PySide6.QtCore"])
def test_the_faster_question_gets_pyside_s_own_answer(name):
    """PySide6 searches ``inspect.getsource(module)`` for "PySide6" (no source: False)."""
    module = importlib.import_module(name)
    try:
        expected = "PySide6" in inspect.getsource(module)
    except (OSError, TypeError):
        expected = False
    assert pyside_imports.uses_pyside(module) is expected
    assert expected is name.startswith("gridoffice.ui.")


def test_the_start_opens_the_data_file_three_times_before_the_window_shows(
        qapp, tmp_path, monkeypatch):
    """Each connection's first read parses the whole schema (about 2 ms): the start checks
    the file, reads the settings and the accounts' mode, once each."""
    from gridoffice.__main__ import main
    from gridoffice.ui.main_window import MainWindow
    from tests.sync.net import make_folder

    folder = make_folder(tmp_path, "office", "community", "幸福里社区")
    opened: list[str] = []
    before_show: list[int] = []
    connect, show = driver.connect, MainWindow.show

    def counting_connect(path, *args, **kwargs):
        opened.append(str(path))
        return connect(path, *args, **kwargs)

    def counting_show(window):
        before_show.append(len(opened))
        show(window)

    monkeypatch.setattr(driver, "connect", counting_connect)
    monkeypatch.setattr(MainWindow, "show", counting_show)
    try:
        assert main(["--data-dir", str(folder), "--exit-after-show"]) == 0
    finally:
        root = logging.getLogger()
        for handler in list(root.handlers):
            if getattr(handler, "_gridoffice", False):
                root.removeHandler(handler)
                handler.close()
    assert before_show == [3], opened
