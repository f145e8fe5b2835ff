"""Committee seats: appoint someone to a seat, end someone's term."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from gridoffice.domain.codes import SEATS
from gridoffice.domain.orgs import PART_TIME_SEAT
from gridoffice.ui.dialogs.form import FormDialog
from gridoffice.ui.labels import code_label, date_text
from gridoffice.ui.widgets.date_field import DateField

AppointSubmit = Callable[[str, str, dt.date, str, "str | None"], Any]


class AppointDialog(FormDialog):
    """``submit(seat, person, from_date, note, unit_id)`` appoints (a service call);
    a part-time member (兼职委员) holds the seat for one of ``units`` (id, name)."""

    def __init__(self, parent: QWidget | None, org_name: str, seats: Iterable[str],
                 today: dt.date, submit: AppointSubmit,
                 units: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__(parent, self.tr("Appoint to a seat of {name}").format(name=org_name))
        self._submit = submit
        self.seat_combo = QComboBox(self)
        for code in seats:
            if code != PART_TIME_SEAT or units:
                self.seat_combo.addItem(code_label(SEATS, code), code)
        self.unit_combo = QComboBox(self)
        for unit_id, name in units:
            self.unit_combo.addItem(name, unit_id)
        self.person_edit = QLineEdit(self)
        self.person_edit.setPlaceholderText(self.tr("Full name"))
        self.from_edit = DateField(self)
        self.from_edit.set_date(today)
        self.note_edit = QLineEdit(self)
        self.add_row("seat", self.tr("Seat"), self.seat_combo)
        self.add_row("person_name", self.tr("Person"), self.person_edit, required=True)
        self.add_row("from_date", self.tr("From"), self.from_edit, required=True)
        self.add_row("unit_id", self.tr("Unit of the area"), self.unit_combo)
        self.add_row("note", self.tr("Note"), self.note_edit)
        self.set_intro(self.tr(
            "If someone holds this seat now, their term ends the day before the new one starts."
        ))
        self.seat_combo.currentIndexChanged.connect(self._seat_changed)
        self._seat_changed()

    def _seat_changed(self) -> None:
        self.unit_combo.setEnabled(self.seat_combo.currentData() == PART_TIME_SEAT)

    def select_seat(self, seat: str) -> None:
        self.seat_combo.setCurrentIndex(max(self.seat_combo.findData(seat), 0))

    def perform(self) -> Any:
        start = self.date_of("from_date", required=True)
        assert start is not None
        seat = str(self.seat_combo.currentData())
        unit = self.unit_combo.currentData() if seat == PART_TIME_SEAT else None
        return self._submit(seat, self.person_edit.text(), start, self.note_edit.text(), unit)

    @classmethod
    def ask(cls, parent: QWidget | None, org_name: str, seats: Iterable[str], today: dt.date,
            submit: AppointSubmit, units: Sequence[tuple[str, str]] = ()) -> Any:
        return cls(parent, org_name, seats, today, submit, units).ask_result()


class EndTermDialog(FormDialog):
    """``submit(to_date)`` ends a seat holder's term (a service call)."""

    def __init__(self, parent: QWidget | None, seat: str, person: str, since: dt.date,
                 today: dt.date, submit: Callable[[dt.date], Any]) -> None:
        super().__init__(parent, self.tr("End term"))
        self._submit = submit
        self.who = QLabel(self.tr("{seat}: {person}, since {date}").format(
            seat=code_label(SEATS, seat), person=person, date=date_text(since)), self)
        self.to_edit = DateField(self)
        self.to_edit.set_date(today)
        self.add_row(None, self.tr("Seat"), self.who)
        self.add_row("to_date", self.tr("Last day"), self.to_edit, required=True)

    def perform(self) -> Any:
        end = self.date_of("to_date", required=True)
        assert end is not None
        return self._submit(end)

    @classmethod
    def ask(cls, parent: QWidget | None, seat: str, person: str, since: dt.date,
            today: dt.date, submit: Callable[[dt.date], Any]) -> Any:
        return cls(parent, seat, person, since, today, submit).ask_result()
