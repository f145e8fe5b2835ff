"""Dialogs of a member's life: 转正, 延长预备期, transfers, 去世 / 出党 / 停止党籍,
恢复, and the choice of the roster ledger's date. Each calls ``submit`` (a
service call) on OK; a refusal stays in the dialog (see ``FormDialog``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from gridoffice.domain import party
from gridoffice.domain.codes import RELATION_STATUS, TRANSFER_STATUS
from gridoffice.ui import messages
from gridoffice.ui.dialogs.form import FormDialog, KeepOpen
from gridoffice.ui.labels import code_label, date_text
from gridoffice.ui.widgets.date_field import DateField

if TYPE_CHECKING:
    from gridoffice.services.roster import TransferRow

EXTENSIONS = (6, 7, 8, 9, 10, 11, 12)


def _clean(text: str) -> str:
    return " ".join(text.split())


class ConfirmFullDialog(FormDialog):
    """转正: ``submit(full_date)``; the date defaults to the end of probation."""

    def __init__(self, parent: QWidget | None, name: str, join: dt.date | None,
                 due: dt.date | None, submit: Callable[[dt.date], Any]) -> None:
        super().__init__(parent, self.tr("Full membership: {name}").format(name=name))
        self._submit = submit
        if join and due:
            self.set_intro(self.tr(
                "{name} joined the Party on {join}; probation ends on {due}. Enter the date "
                "the branch meeting confirmed full membership."
            ).format(name=name, join=date_text(join), due=date_text(due)))
        self.date_edit = DateField(self)
        self.date_edit.set_date(due)
        self.add_row("full_date", self.tr("Full member since"), self.date_edit, required=True)

    def perform(self) -> Any:
        day = self.date_of("full_date", required=True)
        assert day is not None
        return self._submit(day)

    @classmethod
    def ask(cls, parent: QWidget | None, name: str, join: dt.date | None,
            due: dt.date | None, submit: Callable[[dt.date], Any]) -> Any:
        return cls(parent, name, join, due, submit).ask_result()


class ExtendProbationDialog(FormDialog):
    """延长预备期: ``submit(months, on_date, reason)``."""

    def __init__(self, parent: QWidget | None, name: str, join: dt.date | None,
                 today: dt.date, rules: party.PartyRules | None,
                 submit: Callable[[int, dt.date, str], Any]) -> None:
        super().__init__(parent, self.tr("Extend probation: {name}").format(name=name))
        self._submit = submit
        self._join = join
        self._rules = rules or party.PartyRules()
        self.set_intro(self.tr("Probation can be extended once, by 6 to 12 months."))
        self.months_combo = QComboBox(self)
        for months in EXTENSIONS:
            self.months_combo.addItem(self.tr("%n month(s)", "", months), months)
        self.due_label = QLabel(self)
        self.date_edit = DateField(self)
        self.date_edit.set_date(today)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("e.g. decided by the branch meeting"))
        self.add_row("probation_extension_months", self.tr("Extend by"), self.months_combo)
        self.add_row(None, self.tr("New end of probation"), self.due_label)
        self.add_row("on_date", self.tr("Decided on"), self.date_edit, required=True)
        self.add_row("reason", self.tr("Reason"), self.reason_edit)
        self.months_combo.currentIndexChanged.connect(lambda _i: self._update_due())
        self._update_due()

    def _update_due(self) -> None:
        if self._join is None:
            self.due_label.setText("—")
            return
        due = party.full_membership_date(self._join, int(self.months_combo.currentData()),
                                         self._rules)
        self.due_label.setText(date_text(due))

    def perform(self) -> Any:
        day = self.date_of("on_date", required=True)
        assert day is not None
        return self._submit(int(self.months_combo.currentData()), day,
                            _clean(self.reason_edit.text()))

    @classmethod
    def ask(cls, parent: QWidget | None, name: str, join: dt.date | None, today: dt.date,
            rules: party.PartyRules | None,
            submit: Callable[[int, dt.date, str], Any]) -> Any:
        return cls(parent, name, join, today, rules, submit).ask_result()


class TransferOutDialog(FormDialog):
    """组织关系转出: ``submit(to_org, out_date, dues_paid_until, note)``."""

    def __init__(self, parent: QWidget | None, name: str, org_name: str | None,
                 today: dt.date,
                 submit: Callable[[str, dt.date, dt.date | None, str], Any]) -> None:
        super().__init__(parent, self.tr("Transfer out: {name}").format(name=name))
        self._submit = submit
        self._name = name
        self.set_intro(self.tr(
            "{name} stays on the roster of {org}, marked as transferring out, until the "
            "receiving organisation confirms receipt."
        ).format(name=name, org=org_name or "—"))
        self.to_edit = QLineEdit(self)
        self.to_edit.setPlaceholderText(self.tr("e.g. 中共安华里社区委员会"))
        self.date_edit = DateField(self)
        self.date_edit.set_date(today)
        self.dues_edit = DateField(self)
        self.note_edit = QLineEdit(self)
        self.add_row("to_org", self.tr("To"), self.to_edit, required=True)
        self.add_row("out_date", self.tr("Transfer-out date"), self.date_edit, required=True)
        self.add_row("dues_paid_until", self.tr("Dues paid up to"), self.dues_edit)
        self.add_row("note", self.tr("Note"), self.note_edit)

    def perform(self) -> Any:
        day = self.date_of("out_date", required=True)
        assert day is not None
        dues = self.date_of("dues_paid_until")
        to_org = _clean(self.to_edit.text())
        if to_org and not messages.confirm(self, self.tr(
                "Start the transfer of {name} to {org}? A transfer cannot be undone; it can "
                "only be returned later.").format(name=self._name, org=to_org)):
            raise KeepOpen
        return self._submit(to_org, day, dues, _clean(self.note_edit.text()))

    @classmethod
    def ask(cls, parent: QWidget | None, name: str, org_name: str | None, today: dt.date,
            submit: Callable[[str, dt.date, dt.date | None, str], Any]) -> Any:
        return cls(parent, name, org_name, today, submit).ask_result()


class TransferStatusDialog(FormDialog):
    """Move an open transfer on: ``submit(status, on_date)``."""

    def __init__(self, parent: QWidget | None, name: str, transfer: TransferRow,
                 steps: Sequence[str], today: dt.date,
                 submit: Callable[[str, dt.date], Any]) -> None:
        super().__init__(parent, self.tr("Transfer of {name}").format(name=name))
        self._submit = submit
        self._name = name
        self._transfer = transfer
        self.where = QLabel(self.tr("{source} → {target}").format(
            source=transfer.from_org or "—", target=transfer.to_org or "—"), self)
        self.where.setWordWrap(True)
        self.now_label = QLabel(code_label(TRANSFER_STATUS, transfer.status), self)
        self.status_combo = QComboBox(self)
        for step in steps:
            self.status_combo.addItem(code_label(TRANSFER_STATUS, step), step)
        self.date_edit = DateField(self)
        self.date_edit.set_date(today)
        self.add_row(None, self.tr("Transfer"), self.where)
        self.add_row(None, self.tr("Status now"), self.now_label)
        self.add_row("status", self.tr("New status"), self.status_combo)
        self.add_row("on_date", self.tr("Date"), self.date_edit, required=True)
        self.set_intro(self.tr(
            "Receipt confirmed ends the membership here on the transfer-out date; returned "
            "makes the member active here again."))

    def select_status(self, status: str) -> bool:
        row = self.status_combo.findData(status)
        if row >= 0:
            self.status_combo.setCurrentIndex(row)
        return row >= 0

    def perform(self) -> Any:
        day = self.date_of("on_date", required=True)
        assert day is not None
        status = str(self.status_combo.currentData())
        if status == "received":
            question = self.tr("Confirm that {org} received {name}? {name} then leaves the "
                               "active roster here; this cannot be undone.")
        elif status == "returned":
            question = self.tr("Mark the transfer of {name} to {org} as returned? {name} "
                               "becomes an active member here again; this cannot be undone.")
        else:
            question = ""
        if question and not messages.confirm(self, question.format(
                name=self._name, org=self._transfer.to_org)):
            raise KeepOpen
        return self._submit(status, day)

    @classmethod
    def ask(cls, parent: QWidget | None, name: str, transfer: TransferRow,
            steps: Sequence[str], today: dt.date,
            submit: Callable[[str, dt.date], Any]) -> Any:
        return cls(parent, name, transfer, steps, today, submit).ask_result()


class RelationStatusDialog(FormDialog):
    """去世 / 出党 / 停止党籍: ``submit(on_date, reason)`` after a confirmation."""

    def __init__(self, parent: QWidget | None, status: str, name: str, today: dt.date,
                 submit: Callable[[dt.date, str], Any]) -> None:
        titles = {
            "deceased": self.tr("Record the death of {name}"),
            "expelled": self.tr("Record that {name} left the Party"),
            "suspended": self.tr("Suspend the membership of {name}"),
        }
        super().__init__(parent, titles.get(status, "{name}").format(name=name))
        self._submit = submit
        self._status = status
        self._name = name
        self.set_intro(self.tr(
            "The record is kept with its history; {name} leaves the active roster on this "
            "date. Undo, or Restore, takes it back."
        ).format(name=name))
        self.date_edit = DateField(self)
        self.date_edit.set_date(today)
        self.reason_edit = QLineEdit(self)
        label = self.tr("Date of death") if status == "deceased" else self.tr("Date")
        self.add_row("on_date", label, self.date_edit, required=True)
        self.add_row("reason", self.tr("Reason or document"), self.reason_edit)

    def perform(self) -> Any:
        day = self.date_of("on_date", required=True)
        assert day is not None
        if not messages.confirm(self, self.tr(
                "Mark {name} as {status} on {date}?").format(
                name=self._name, status=code_label(RELATION_STATUS, self._status),
                date=date_text(day))):
            raise KeepOpen
        return self._submit(day, _clean(self.reason_edit.text()))

    @classmethod
    def ask(cls, parent: QWidget | None, status: str, name: str, today: dt.date,
            submit: Callable[[dt.date, str], Any]) -> Any:
        return cls(parent, status, name, today, submit).ask_result()


class RestoreMemberDialog(FormDialog):
    """恢复: ``submit(on_date, reason)``; the member is active again in their last
    organisation. The date defaults to the day the status was set, so a mistake
    leaves no gap in the member's placements."""

    def __init__(self, parent: QWidget | None, name: str, status: str,
                 status_date: dt.date | None, org_name: str | None, today: dt.date,
                 submit: Callable[[dt.date, str], Any], confirm: str | None = None) -> None:
        super().__init__(parent, self.tr("Restore {name}").format(name=name))
        self._submit = submit
        self._confirm = confirm
        self.set_intro(self.tr(
            "{name} is {status}. Restoring makes {name} an active member of {org} again, "
            "from the date below (for a status set by mistake, keep the date it was set)."
        ).format(name=name, status=code_label(RELATION_STATUS, status), org=org_name or "—"))
        self.date_edit = DateField(self)
        self.date_edit.set_date(status_date or today)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("e.g. entered by mistake"))
        self.add_row("on_date", self.tr("Active again from"), self.date_edit, required=True)
        self.add_row("reason", self.tr("Reason"), self.reason_edit)

    def perform(self) -> Any:
        day = self.date_of("on_date", required=True)
        assert day is not None
        if self._confirm and not messages.confirm(self, self._confirm):
            raise KeepOpen
        return self._submit(day, _clean(self.reason_edit.text()))

    @classmethod
    def ask(cls, parent: QWidget | None, name: str, status: str, status_date: dt.date | None,
            org_name: str | None, today: dt.date, submit: Callable[[dt.date, str], Any],
            confirm: str | None = None) -> Any:
        return cls(parent, name, status, status_date, org_name, today, submit,
                   confirm).ask_result()


class RosterLedgerDialog(FormDialog):
    """党员花名册: for which organisation (shown) and as of which day."""

    def __init__(self, parent: QWidget | None, scope: str, as_of: dt.date) -> None:
        super().__init__(parent, self.tr("Roster of party members"))
        self.scope_label = QLabel(scope, self)
        self.scope_label.setWordWrap(True)
        self.date_edit = DateField(self)
        self.date_edit.set_date(as_of)
        self.add_row(None, self.tr("Members of"), self.scope_label)
        self.add_row("as_of", self.tr("As of"), self.date_edit, required=True)
        self.set_intro(self.tr(
            "A4 landscape, phones and addresses masked. Printing and saving are recorded in "
            "the audit log."))

    def perform(self) -> Any:
        return self.date_of("as_of", required=True)

    @classmethod
    def ask(cls, parent: QWidget | None, scope: str, as_of: dt.date) -> dt.date | None:
        result: dt.date | None = cls(parent, scope, as_of).ask_result()
        return result
