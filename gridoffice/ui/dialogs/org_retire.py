"""Retire (撤销) an organisation: on which day, and why."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from gridoffice.ui.dialogs.form import FormDialog
from gridoffice.ui.widgets.date_field import DateField


class RetireOrgDialog(FormDialog):
    """``submit(date, reason)`` retires the organisation (a service call)."""

    def __init__(self, parent: QWidget | None, org_name: str, today: dt.date,
                 submit: Callable[[dt.date, str], Any]) -> None:
        super().__init__(parent, self.tr("Retire {name}").format(name=org_name))
        self._submit = submit
        self.set_intro(self.tr(
            "A retired organisation keeps its history and can be restored. Its current "
            "committee seats end on the day it is retired."
        ))
        self.date_edit = DateField(self)
        self.date_edit.set_date(today)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("e.g. merged into another branch"))
        self.add_row("retired_on", self.tr("Retired on"), self.date_edit, required=True)
        self.add_row("reason", self.tr("Reason"), self.reason_edit)

    def perform(self) -> Any:
        day = self.date_of("retired_on", required=True)
        assert day is not None
        return self._submit(day, " ".join(self.reason_edit.text().split()))

    @classmethod
    def ask(cls, parent: QWidget | None, org_name: str, today: dt.date,
            submit: Callable[[dt.date, str], Any]) -> Any:
        return cls(parent, org_name, today, submit).ask_result()
