"""The Print menu of the in-service tab (the ledgers of
:mod:`gridoffice.ledgers.inservice_ledger`, made in the background), the values each
ledger is made of, and the letters to the work units (反馈函), one PDF each in a
folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QToolButton

from gridoffice.domain import inservice as rules
from gridoffice.ledgers import catalogue
from gridoffice.services.audit import PRINT
from gridoffice.ui import messages
from gridoffice.ui.ledger_menu import LedgerMenu

if TYPE_CHECKING:
    from gridoffice.ledgers.catalogue import Ledger
    from gridoffice.ui.tabs.inservice.tab import InServiceTab
    from gridoffice.ui.workers import BackgroundJob


class InServiceLedgers(QObject):
    """The Print menu (``menu``, ``button``) of ``tab``, its ledgers' values, and the
    job writing the letters to the work units (``letters_job``)."""

    def __init__(self, tab: InServiceTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.letters_job: BackgroundJob | None = None
        self.ledger_menu = LedgerMenu(tab, "inservice")
        self.menu = self.ledger_menu.menu
        ledger = self.ledger_menu.action
        self.register_print_action = ledger("checkin-register")
        self.form_print_action = ledger("checkin-forms", "selected")
        self.forms_print_action = ledger("checkin-forms", "all")
        self.card_print_action = ledger("service-cards", "selected")
        self.cards_print_action = ledger("service-cards", "all")
        self.notice_action = ledger("points", "all")
        self.unit_notice_action = ledger("points", "unit")
        self.letters_action = ledger("unit-letters")
        self.checkin_card_action = ledger("checkin-cards", "selected")
        self.checkin_cards_action = ledger("checkin-cards", "all")
        self.button = QToolButton(tab)
        self.button.setText(self.tr("Print"))
        self.button.setMenu(self.menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

    def update(self, attached: bool, row: Any) -> None:
        """Enable the ledgers of everyone once attached, those of the member ``row``
        selected when there is one (an approved one for the cards)."""
        for act in (self.register_print_action, self.forms_print_action,
                    self.cards_print_action, self.notice_action, self.letters_action,
                    self.checkin_cards_action, self.unit_notice_action):
            act.setEnabled(attached)
        self.form_print_action.setEnabled(row is not None)
        approved = (row is not None and row.left_on is None
                    and row.review_status == rules.APPROVED)
        for act in (self.card_print_action, self.checkin_card_action):
            act.setEnabled(approved)

    @property
    def letters_running(self) -> bool:
        return self.letters_job is not None and self.letters_job.running

    def period(self) -> rules.Period:
        """The period of the points page, else the quarter of today."""
        tab = self.tab
        if tab.points_page is not None:
            return tab.points_page.period
        assert tab.service is not None
        return rules.quarter_of(tab.service.today())

    def chosen_unit(self) -> str | None:
        """The work unit chosen on the points page, else in the registrations'
        filter, else the selected member's."""
        tab = self.tab
        if tab.points_page is not None and tab.points_page.unit_combo.currentData():
            return str(tab.points_page.unit_combo.currentData())
        if tab.unit_combo.currentData():
            return str(tab.unit_combo.currentData())
        row = tab.current_row()
        return row.work_unit_id if row else None

    def values(self, entry: Ledger, key: str = "") -> dict[str, Any] | None:
        """The values of ``entry``: the member selected (``key`` "selected"), the work
        unit chosen (``key`` "unit"), the period of the points page (None: nobody or no
        unit is chosen)."""
        tab = self.tab
        values: dict[str, Any] = {}
        if entry.name in ("service-cards", "points", "unit-letters"):
            values["period"] = self.period()
        if key == "selected":
            row = tab.current_row()
            if row is None:
                return None
            values.update(registration_id=row.id, code=row.code)
        elif key == "unit":
            unit_id = self.chosen_unit()
            if unit_id is None:
                messages.inform(tab, self.tr("Choose a work unit first: in the filter of "
                                             "the registrations or of the points page, or "
                                             "select one of its members."))
                return None
            values.update(work_unit_id=unit_id, work_unit=tab.unit_combo.itemText(
                tab.unit_combo.findData(unit_id)))
        return values

    def print_letters(self) -> BackgroundJob | None:
        """A 反馈函 per work unit, each its own PDF in a folder the user chooses."""
        tab = self.tab
        if tab.db is None or self.letters_running:
            return None
        folder = tab.ask_folder()
        if not folder or messages.output_refused(tab, folder, tab.db.path):
            return None
        from gridoffice.ui.workers import BackgroundJob

        entry = catalogue.by_name("unit-letters")
        values = self.values(entry) or {}
        db, unit, audit = tab.db, tab.unit_name, tab.audit

        def done(results: Any) -> None:
            tab.status_message.emit(self.tr("%n letter(s) written to {folder}.", "",
                                            len(results)).format(folder=folder))

        def write(progress: Any) -> Any:
            # one audit entry per letter, each before its file takes its name
            with audit.recorded_output(PRINT, entry.target(values)):
                return entry.make(db, Path(folder), unit=unit, values=values,
                                  progress=progress)

        job = BackgroundJob(tab, write, label=QCoreApplication.translate(
            "ledgers", entry.progress_label), on_success=done)
        self.letters_job = job.start()
        return job
