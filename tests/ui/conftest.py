"""Fixtures of the GUI tests: a real data folder, the main window, driven dialogs.

No dialog or message box is ever shown modally: ``FormDialog.run_modal`` and
``messages.exec_box`` are replaced for every test. A test says what a dialog
should do with ``dialogs.expect(filler)``; an unexpected dialog fails the test.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox

from gridoffice import paths
from gridoffice.app_context import AppContext
from gridoffice.services import office
from gridoffice.store.files import open_database

PROFILE = office.OfficeProfile("幸福里社区", "幸福街道", "community", "王芳")
PAST = dt.date(2021, 6, 30)


@dataclass
class ShownBox:
    icon: QMessageBox.Icon
    title: str
    text: str
    details: str


@dataclass
class MessageLog:
    """Message boxes "shown" during a test; ``answers`` feeds the questions."""

    boxes: list[ShownBox] = field(default_factory=list)
    answers: list[QMessageBox.StandardButton] = field(default_factory=list)

    def exec_box(self, box: QMessageBox) -> int:
        self.boxes.append(ShownBox(box.icon(), box.windowTitle(), box.text(),
                                   box.detailedText()))
        if box.icon() == QMessageBox.Icon.Question:
            if not self.answers:
                raise AssertionError(f"unexpected question: {box.text()}")
            return self.answers.pop(0)
        return QMessageBox.StandardButton.Ok

    @property
    def texts(self) -> list[str]:
        return [b.text for b in self.boxes]

    def warnings(self) -> list[str]:
        return [b.text for b in self.boxes if b.icon == QMessageBox.Icon.Warning]


@dataclass
class DialogDriver:
    """Runs the app's form dialogs without a modal loop, through test fillers."""

    fillers: list[Callable[[Any], None]] = field(default_factory=list)
    seen: list[QDialog] = field(default_factory=list)

    def expect(self, filler: Callable[[Any], None]) -> None:
        self.fillers.append(filler)

    def run_modal(self, dialog: QDialog) -> int:
        self.seen.append(dialog)
        if not self.fillers:
            dialog.reject()
            raise AssertionError(f"unexpected dialog: {dialog.windowTitle()}")
        filler = self.fillers.pop(0)
        dialog.show()
        try:
            filler(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()
        return dialog.result()


@pytest.fixture(autouse=True)
def message_log(monkeypatch: pytest.MonkeyPatch) -> MessageLog:
    from gridoffice.ui import messages

    log = MessageLog()
    monkeypatch.setattr(messages, "exec_box", log.exec_box)
    return log


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[DialogDriver]:
    from gridoffice.ui.dialogs.form import FormDialog

    driver = DialogDriver()
    monkeypatch.setattr(FormDialog, "run_modal", staticmethod(driver.run_modal))
    yield driver
    assert driver.fillers == [], "a dialog the test expected was never opened"


@pytest.fixture
def context(app_paths: paths.AppPaths) -> AppContext:
    """A migrated data folder with the office set up, in English."""
    opened = open_database(app_paths)
    profile = office.save_profile(opened.path, PROFILE)
    return AppContext(app_paths, opened, "en", "", profile, None, False)


@pytest.fixture
def window(qtbot, context: AppContext):
    """The main window, shown, with its data loaded."""
    from gridoffice.ui.main_window import MainWindow

    main = MainWindow(context)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.data_loaded, timeout=10_000):
        main.show()
    yield main
    main.close()


def open_building(tab, building_id: str) -> None:
    """Expand a building of the households tree with its houses read: a hidden tree
    (the tab is not the current one) only notes an expansion while its layout is
    pending, and reads the children when it is shown."""
    from gridoffice.ui.models.household_tree import KIND_BUILDING

    index = tab.tree_model.index_of(KIND_BUILDING, building_id)
    tab.tree_model.ensure_fetched(index)
    tab.tree.expand(index)


def wait_for_start_check(qtbot, window) -> None:
    """Until the check after start (and the daily backup it writes) has finished: a test
    comparing the files of the data folder must not see a backup being written."""
    job = window.integrity_job
    qtbot.waitUntil(lambda: job is not None and not job.running, timeout=30_000)


@pytest.fixture
def roster(window):
    """The roster tab, chosen (as the user clicks it: the workbench is first)."""
    window.tabs.setCurrentWidget(window.roster)
    return window.roster


@pytest.fixture
def service(roster):
    """The tab's own OrgService: what the tests check is what was stored."""
    return roster.service


class UiHelper:
    """Typing and clicking as a user would (bound to ``qtbot``)."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot

    def type_into(self, edit: QLineEdit, text: str) -> None:
        """Replace the text of ``edit`` by typing.

        ASCII goes in as key presses; Chinese comes from the input method, as a
        committed string (QTest cannot synthesise keys for it).
        """
        edit.setFocus()
        edit.selectAll()
        self.qtbot.keyClick(edit, Qt.Key.Key_Backspace)
        for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
            if run.isascii():
                self.qtbot.keyClicks(edit, run)
            else:
                event = QInputMethodEvent()
                event.setCommitString(run)
                QApplication.sendEvent(edit, event)

    def click(self, button: Any) -> None:
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def click_ok(self, dialog: Any) -> None:
        self.click(dialog.ok_button())


@pytest.fixture
def ui(qtbot) -> UiHelper:
    return UiHelper(qtbot)


@pytest.fixture
def members(roster):
    """The tab's own RosterService: what the tests check is what was stored."""
    return roster.roster


@dataclass
class Branches:
    committee: str
    first: str
    second: str


@pytest.fixture
def branches(roster, service) -> Branches:
    """A community committee with two grid branches (established long ago)."""
    from gridoffice.services.orgs import OrgDraft

    since = dt.date(2010, 1, 1)
    committee = service.create(OrgDraft("中共幸福里社区委员会", "committee",
                                        short_name="幸福里社区党委", established=since))
    first = service.create(OrgDraft("中共幸福里社区第一网格支部委员会", "branch", committee.id,
                                    short_name="第一网格党支部", established=since))
    second = service.create(OrgDraft("中共幸福里社区第二网格支部委员会", "branch", committee.id,
                                     short_name="第二网格党支部", established=since))
    roster.reload()
    return Branches(committee.id, first.id, second.id)


@pytest.fixture
def zh_cn(qapp):
    """The zh_CN catalogue and Qt's own, installed as the app installs them."""
    from gridoffice.ui import app as uiapp

    translators = uiapp.install_translators(qapp, "zh_CN")
    assert translators, "the compiled zh_CN catalogue is missing"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale("en"))
