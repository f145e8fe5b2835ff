"""What the window's start costs before it shows, counted rather than timed: the
connections to the data file, PySide6's per-module import check and its Qt namespace."""

from __future__ import annotations

import importlib
import inspect
import logging
import os
import subprocess
import sys
from pathlib import Path

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


NAMESPACE_PROBE = """
import sys
from PySide6 import QtCore
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QMainWindow
from gridoffice.__main__ import main

def probe(cls):
    shown = cls.showEvent

    def show_event(widget, event):
        shown(widget, event)
        print(type(widget).__name__, "Qt" in QtCore.__dict__, flush=True)
        if isinstance(widget, QDialog):
            QTimer.singleShot(0, widget.reject)  # the sign-in cancelled: the program ends

    cls.showEvent = show_event

probe(QDialog)
probe(QMainWindow)
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.slow
def test_neither_the_window_nor_the_sign_in_builds_the_qt_namespace(tmp_path):
    """PySide6 builds every enum of the Qt namespace (about 20 ms) the first time it is
    touched, by a name or by trying a constructor's overloads: the first thing shown does
    not touch it, in a folder with accounts (the sign-in) or without."""
    from gridoffice import paths
    from gridoffice.domain import access
    from gridoffice.services import encryption
    from gridoffice.services.accounts import AccountDraft, AccountService
    from tests.sync.net import make_folder

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
    env.pop("GRIDOFFICE_DATA_DIR", None)

    def first_shown(folder: Path, *args: str) -> str:
        result = subprocess.run([sys.executable, "-c", NAMESPACE_PROBE, "--data-dir",
                                 str(folder), *args], capture_output=True, text=True,
                                env=env, cwd=root, timeout=120)
        assert result.returncode == 0, result.stderr
        return result.stdout.splitlines()[0]

    open_folder = make_folder(tmp_path, "open", "community", "幸福里社区")
    assert first_shown(open_folder, "--exit-after-show") == "MainWindow False"
    signed = make_folder(tmp_path, "signed", "community", "幸福里社区")
    app_paths = paths.resolve(signed)
    AccountService(app_paths.database).add(AccountDraft("admin", access.ADMIN, "王书记"),
                                           "secret-admin")
    encryption.encrypt(app_paths)
    assert first_shown(signed) == "LoginDialog False"
