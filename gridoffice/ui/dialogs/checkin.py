"""Quick check-in at the door of an activity or a post's duty (在职党员签到签退): large
type, one input line that keeps the keyboard focus, made for a USB QR scanner (it
types fast and ends with Enter) as much as for a person.

The input takes a card code (ZB0001), a scanned payload (GRIDOFFICE:ZB0001) or the
last 4 or more digits of a mobile or ID number. Enter looks it up:

* one match: who it is, big, with what happens next (check in, check out, or done);
  Enter (or the button) confirms and the service stores it, confirmed by the staff
  member on duty. With "Confirm each" off a scan is stored at once, except a
  check-out within a few minutes of the check-in (a card scanned twice at the door),
  which still asks.
* several matches (the same phone tail): a short list; ↑/↓ and Enter, or the
  number key, choose.
* none, or a refusal of the service: the message in red, the typed text selected so
  the next scan replaces it; nothing is stored.

Esc clears the input first, then closes the window. Counts, the records table and
the log below come back from the service after every change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain import inservice as rules
from gridoffice.errors import UserError
from gridoffice.ui import messages
from gridoffice.ui.dialogs.form import FormDialog
from gridoffice.ui.labels import code_label, date_text
from gridoffice.ui.models.table import AnyIndex, RowTableModel

if TYPE_CHECKING:
    from gridoffice.services.inservice import (
        ActivityRow,
        InServiceService,
        RecordRow,
        RegistrationRow,
    )

NAME_POINTS = 34
CODE_POINTS = 24
TEXT_POINTS = 16
TITLE_POINTS = 24
COUNT_POINTS = 20
CHECK_IN = "in"
CHECK_OUT = "out"
DONE = "done"
# A check-out this soon after the check-in is asked for even with "Confirm each" off:
# a card scanned twice at the door must not make a record of no hours.
QUICK_OUT_MINUTES = 10
MAX_CHOICES = 9  # number keys 1-9
COL_NAME, COL_IN, COL_OUT, COL_HOURS, COL_POINTS, COL_CONFIRMER = range(6)
ERROR_STYLE = "QLabel#checkInMessage { color: #b71c1c; background: #ffebee; padding: 6px 12px; }"
DONE_STYLE = "QLabel#checkInMessage { color: #1b5e20; background: #e8f5e9; padding: 6px 12px; }"
INFO_STYLE = "QLabel#checkInMessage { color: #102a43; background: #eef3f8; padding: 6px 12px; }"
ACTION_COLORS = {CHECK_IN: ("#1b5e20", "#c8e6c9"), CHECK_OUT: ("#0d47a1", "#bbdefb")}


def _font(points: int, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font


def hours_text(hours: float | None) -> str:
    """2, 2.5, 2.25: no trailing zeros."""
    return f"{hours or 0:g}"


def _time(value: dt.datetime | None) -> str:
    return value.strftime("%H:%M") if value else ""


class RecordsModel(RowTableModel["RecordRow"]):
    """The activity's records, the latest arrival or departure first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers: tuple[str, ...] | None = None

    def headers(self) -> Sequence[str]:
        if self._headers is None:
            self._headers = (self.tr("Name"), self.tr("Checked in"), self.tr("Checked out"),
                             self.tr("Hours"), self.tr("Points"), self.tr("Confirmed by"))
        return self._headers

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def display(self, row: RecordRow, column: int) -> str:
        if column == COL_NAME:
            return f"{row.name}  {row.code}"
        if column == COL_IN:
            return _time(row.check_in_at)
        if column == COL_OUT:
            return _time(row.check_out_at)
        if column == COL_HOURS:
            return hours_text(row.hours) if row.check_out_at or row.hours else ""
        if column == COL_POINTS:
            return str(row.points) if row.confirmed_by else ""
        if column == COL_CONFIRMER:
            return row.confirmed_by or ""
        return ""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.TextAlignmentRole and index.isValid()
                and index.column() in (COL_IN, COL_OUT, COL_HOURS, COL_POINTS)):
            return int(Qt.AlignmentFlag.AlignCenter)
        return super().data(index, role)


def _records_table(parent: QWidget, model: RecordsModel) -> QTableView:
    """The activity's records, big enough to read at the door."""
    view = QTableView(parent)
    view.setModel(model)
    view.setFont(_font(TEXT_POINTS))
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setStyleSheet("QTableView { gridline-color: #d9e2ec; }"
                       "QTableView::item { padding: 0 8px; }")
    rows = view.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(QFontMetrics(view.font()).height() + 14)
    header = view.horizontalHeader()
    header.setFont(_font(TEXT_POINTS - 3))
    header.setHighlightSections(False)
    metrics = QFontMetrics(view.font())
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.resizeSection(COL_NAME, metrics.horizontalAdvance("买买提·吐尔逊  ZB0000") + 30)
    for column in (COL_IN, COL_OUT, COL_HOURS, COL_POINTS):
        header.resizeSection(column, max(metrics.horizontalAdvance("00:00") + 40,
                                         header.sectionSizeHint(column)))
    header.setSectionResizeMode(COL_CONFIRMER, QHeaderView.ResizeMode.Stretch)
    return view


class CheckInDialog(QDialog):
    """See the module docstring. ``changed`` fires after every stored check-in or
    check-out."""

    changed = Signal()

    def __init__(self, service: InServiceService, activity_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.activity_id = activity_id
        self.activity: ActivityRow = self._find_activity()
        self.records: list[RecordRow] = []
        self.person: RegistrationRow | None = None  # shown, waiting for Enter
        self.action: str | None = None  # CHECK_IN, CHECK_OUT or DONE for ``person``
        self.choices: list[RegistrationRow] = []
        self.looked_up = ""  # the input text the person or the choices were found by
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setSizeGripEnabled(True)
        self._build()
        self._show_activity()
        self.reload()
        self._show_person()
        self._show_choices()
        self.resize(1180, 860)
        # At the door the window fills the screen; restored, it keeps the size above.
        self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def _find_activity(self) -> ActivityRow:
        return self.service.activity(self.activity_id)

    # --- building -------------------------------------------------------------------------
    def _build(self) -> None:
        title_row = self._build_title()
        input_row = self._build_input()
        self._build_card()
        self._build_choices()
        self.model = RecordsModel(self)
        self.view = _records_table(self, self.model)
        self._build_log()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(title_row)
        layout.addWidget(self.info_label)
        layout.addWidget(self.counts_label)
        layout.addLayout(input_row)
        layout.addWidget(self.keys_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.card)
        layout.addWidget(self.choice_list)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.log_label)
        layout.addWidget(self.log_list)

    def _build_title(self) -> QHBoxLayout:
        """The activity's name and details, the counts, and Close."""
        self.title_label = QLabel(self)
        self.title_label.setFont(_font(TITLE_POINTS, bold=True))
        self.title_label.setWordWrap(True)
        self.info_label = QLabel(self)
        self.info_label.setFont(_font(TEXT_POINTS))
        self.info_label.setWordWrap(True)
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("checkInCounts")
        self.counts_label.setFont(_font(COUNT_POINTS, bold=True))
        self.counts_label.setStyleSheet(
            "QLabel#checkInCounts { background: #eef3f8; color: #102a43; padding: 8px 12px; }")
        self.close_button = self._button(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title_label, 1)
        title_row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        return title_row

    def _build_input(self) -> QHBoxLayout:
        """The code line, "Confirm each", the keys and the message below them."""
        self.code_edit = QLineEdit(self)
        self.code_edit.setFont(_font(CODE_POINTS, bold=True))
        self.code_edit.setPlaceholderText(self.tr("Scan the card, or type the code or the last "
                                                  "4 digits of the phone or ID number"))
        self.code_edit.installEventFilter(self)
        self.code_edit.textEdited.connect(self._edited)
        code_label_ = QLabel(self.tr("Code:"), self)
        code_label_.setFont(_font(TEXT_POINTS + 2, bold=True))
        code_label_.setBuddy(self.code_edit)
        self.confirm_box = QCheckBox(self.tr("Confirm each"), self)
        self.confirm_box.setFont(_font(TEXT_POINTS))
        self.confirm_box.setChecked(True)
        self.confirm_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.confirm_box.setToolTip(self.tr(
            "On: each check-in or check-out waits for Enter. Off, for a busy door: a scan "
            "that finds one member is stored at once."))
        self.confirm_box.toggled.connect(lambda _on: self._refocus())
        self.keys_label = QLabel(self.tr(
            "Enter: look up, then Enter again to confirm · ↑↓ or 1–9: choose · "
            "Esc: clear, then close"), self)
        self.keys_label.setFont(_font(TEXT_POINTS - 3))
        self.keys_label.setStyleSheet("color: #52606d;")

        self.message_label = QLabel(self)
        self.message_label.setObjectName("checkInMessage")
        self.message_label.setFont(_font(TEXT_POINTS + 2, bold=True))
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        input_row = QHBoxLayout()
        input_row.addWidget(code_label_)
        input_row.addWidget(self.code_edit, 1)
        input_row.addSpacing(12)
        input_row.addWidget(self.confirm_box)
        return input_row

    def _build_card(self) -> None:
        """Who the code found, big, and what Enter will do."""
        self.card = QFrame(self)
        self.card.setObjectName("checkInCard")
        self.card.setStyleSheet("QFrame#checkInCard { background: #fbfcfd; "
                                "border: 2px solid #9fb3c8; border-radius: 6px; }"
                                "QFrame#checkInCard QLabel { border: none; }")
        self.name_label = QLabel(self.card)
        self.name_label.setFont(_font(NAME_POINTS, bold=True))
        self.detail_label = QLabel(self.card)
        self.detail_label.setFont(_font(TEXT_POINTS + 2))
        self.detail_label.setWordWrap(True)
        self.state_label = QLabel(self.card)
        self.state_label.setFont(_font(COUNT_POINTS))
        self.state_label.setWordWrap(True)
        self.action_button = self._button("")
        self.action_button.setFont(_font(COUNT_POINTS, bold=True))
        self.action_button.clicked.connect(self.confirm)
        card_text = QVBoxLayout()
        card_text.setSpacing(4)
        card_text.addWidget(self.name_label)
        card_text.addWidget(self.detail_label)
        card_text.addWidget(self.state_label)
        card_layout = QHBoxLayout(self.card)
        card_layout.setContentsMargins(16, 10, 16, 10)
        card_layout.addLayout(card_text, 1)
        card_layout.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignVCenter)

    def _build_choices(self) -> None:
        """Several found (the same phone tail): choose one."""
        self.choice_list = QListWidget(self)
        self.choice_list.setFont(_font(TEXT_POINTS + 4))
        self.choice_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.choice_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.choice_list.itemClicked.connect(lambda _item: self._refocus())
        self.choice_list.itemDoubleClicked.connect(
            lambda _item: self.choose(self.choice_list.currentRow()))
        self.choice_list.setStyleSheet("QListWidget::item { padding: 4px 8px; }")

    def _build_log(self) -> None:
        """What this session stored, the latest first."""
        self.log_label = QLabel(self.tr("This session"), self)
        self.log_label.setFont(_font(TEXT_POINTS - 2, bold=True))
        self.log_list = QListWidget(self)
        self.log_list.setFont(_font(TEXT_POINTS))
        self.log_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.log_list.setFixedHeight(QFontMetrics(self.log_list.font()).height() * 4 + 24)

    def _button(self, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setFont(_font(TEXT_POINTS, bold=True))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the input line
        button.setAutoDefault(False)
        button.setMinimumHeight(QFontMetrics(button.font()).height() * 2 + 8)
        button.setStyleSheet("QPushButton { padding: 6px 18px; }")
        return button

    # --- showing --------------------------------------------------------------------------
    def _show_activity(self) -> None:
        activity = self.activity
        self.title_label.setText(activity.name)
        self.setWindowTitle(self.tr("Check-in: {name}").format(name=activity.name))
        parts = [code_label(rules.ACTIVITY_KINDS, activity.kind), date_text(activity.on_date)]
        if activity.place:
            parts.append(activity.place)
        if activity.post:
            parts.append(self.tr("Post: {post}").format(post=activity.post))
        operator = " ".join((self.service.operator or "").split())
        if operator:
            parts.append(self.tr("Staff on duty: {name}").format(name=operator))
        self.info_label.setText("  ·  ".join(p for p in parts if p))

    def reload(self) -> None:
        """Read the records and counts again."""
        self.records = self.service.records(activity_id=self.activity_id)
        # The counts the activity list shows, from the same place: records
        # entered afterwards from the paper sheet count as come and gone.
        self.activity = self.service.activity(self.activity_id)
        # Hours of every confirmed record, those entered afterwards from paper too.
        hours = sum(r.hours or 0 for r in self.records if r.confirmed_by)
        self.counts_label.setText(self.tr(
            "Checked in {checked_in} · Checked out {checked_out} · Total {hours} hours").format(
                checked_in=self.activity.checked_in, checked_out=self.activity.checked_out,
                hours=hours_text(hours)))
        latest = dt.datetime.min
        self.model.set_rows(sorted(
            self.records,
            key=lambda r: max(r.check_out_at or latest, r.check_in_at or latest),
            reverse=True))

    def record_of(self, registration_id: str) -> RecordRow | None:
        return next((r for r in self.records if r.registration_id == registration_id), None)

    def state_of(self, registration_id: str) -> str:
        record = self.record_of(registration_id)
        if record is None:
            return CHECK_IN
        if record.check_in_at is None:  # entered afterwards from the paper sheet
            return DONE
        return DONE if record.check_out_at is not None else CHECK_OUT

    def _state_text(self, registration_id: str) -> str:
        record = self.record_of(registration_id)
        if record is None:
            return self.tr("Not checked in yet")
        if record.check_in_at is None:
            return self.tr("Entered from the paper sheet: {hours} hours, {points} points — "
                           "done").format(hours=hours_text(record.hours), points=record.points)
        if record.check_out_at is None:
            return self.tr("Checked in at {time}").format(time=_time(record.check_in_at))
        return self.tr("Checked in at {in_}, out at {out}: {hours} hours, {points} points — "
                       "done").format(in_=_time(record.check_in_at),
                                      out=_time(record.check_out_at),
                                      hours=hours_text(record.hours), points=record.points)

    def _person_text(self, row: RegistrationRow) -> str:
        parts = [row.work_unit, row.code]
        if row.mobile:
            parts.append(row.mobile)
        return "  ·  ".join(p for p in parts if p)

    def _show_person(self) -> None:
        row = self.person
        self.card.setVisible(row is not None)
        if row is None:
            self.action = None
            return
        self.action = self.state_of(row.id)
        self.name_label.setText(row.name)
        self.detail_label.setText(self._person_text(row))
        self.state_label.setText(self._state_text(row.id))
        if self.action == DONE:
            self.action_button.setText(self.tr("Done (Enter)"))
            self.action_button.setStyleSheet("QPushButton { padding: 6px 18px; }")
        else:
            self.action_button.setText(self.tr("Check in (Enter)") if self.action == CHECK_IN
                                       else self.tr("Check out (Enter)"))
            foreground, background = ACTION_COLORS[self.action]
            self.action_button.setStyleSheet(
                f"QPushButton {{ color: {foreground}; background: {background}; "
                f"border: 1px solid {foreground}; border-radius: 4px; padding: 6px 18px; }}")

    def _show_choices(self) -> None:
        self.choice_list.clear()
        self.choice_list.setVisible(bool(self.choices))
        if not self.choices:
            return
        for number, row in enumerate(self.choices, start=1):
            self.choice_list.addItem(self.tr("{number}  {name}  ·  {person}  ·  {state}").format(
                number=number, name=row.name, person=self._person_text(row),
                state=self._state_text(row.id)))
        self.choice_list.setCurrentRow(0)
        height = self.choice_list.sizeHintForRow(0) * len(self.choices)
        self.choice_list.setFixedHeight(height + 2 * self.choice_list.frameWidth() + 4)

    def _say(self, text: str, style: str) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)
        self.message_label.setVisible(bool(text))

    def error_text(self) -> str:
        """The red message shown now, if any."""
        if self.message_label.isHidden() or self.message_label.styleSheet() != ERROR_STYLE:
            return ""
        return self.message_label.text()

    def _error(self, text: str) -> None:
        self._say(text, ERROR_STYLE)
        self.code_edit.selectAll()  # the next scan replaces it
        self._refocus()

    def _refocus(self) -> None:
        self.code_edit.setFocus()

    # --- keys -----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress and watched is self.code_edit:
            assert isinstance(event, QKeyEvent)
            if self._key(event):
                return True
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers & ~Qt.KeyboardModifier.ShiftModifier:
            return False  # Ctrl+A, Ctrl+V: the line's own
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter()
            return True
        if key == Qt.Key.Key_Escape:
            return self.clear()  # nothing to clear: the dialog closes
        if self.choices and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if key == Qt.Key.Key_Up else 1
            row = min(max(self.choice_list.currentRow() + step, 0), len(self.choices) - 1)
            self.choice_list.setCurrentRow(row)
            return True
        if self.choices and self._untouched():
            text = event.text()
            if text.isdigit() and 1 <= int(text) <= len(self.choices):
                self.choose(int(text) - 1)
                return True
        return False

    def _untouched(self) -> bool:
        """The input still holds, all selected, what was just looked up: a number key
        chooses; once the text is touched, digits are typed."""
        edit = self.code_edit
        return bool(edit.text()) and edit.selectedText() == edit.text() == self.looked_up

    def _edited(self, text: str) -> None:
        """Typing anew drops what the old text found: Enter then looks up the new."""
        if text != self.looked_up and (self.person is not None or self.choices):
            self.person = None
            self.choices = []
            self._show_person()
            self._show_choices()

    # --- looking up and confirming ----------------------------------------------------------
    def enter(self) -> None:
        """Enter in the input: confirm what is shown, else look the text up."""
        text = self.code_edit.text()
        if self.choices and (text == self.looked_up or not text.strip()):
            self.choose(self.choice_list.currentRow())
        elif self.person is not None and (text == self.looked_up or not text.strip()):
            self.confirm()
        elif text.strip():
            self.look_up(text)

    def look_up(self, text: str) -> None:
        from gridoffice.services.inservice import MSG_UNKNOWN_CODE

        self.looked_up = text
        self.person = None
        self.choices = []
        try:
            found = self.service.lookup(text)
        except UserError as err:
            found = []
            message = messages.user_error_text(err)
        else:
            message = messages.user_error_text(UserError(
                MSG_UNKNOWN_CODE, code=rules.normalise_scan(text) or text.strip()))
        self._say("", INFO_STYLE)
        self.reload()  # another door or the tab may have checked them in meanwhile
        if len(found) == 1:
            self.person = found[0]
        elif found:
            self.choices = found[:MAX_CHOICES]
            self._say(self.tr("{count} members match {code}: choose one with ↑↓ and Enter, "
                              "or its number.").format(count=len(found),
                                                       code=rules.normalise_scan(text)),
                      INFO_STYLE)
        self._show_person()
        self._show_choices()
        if not found:
            self._error(message)
            return
        self.code_edit.selectAll()
        self._refocus()
        if self.person is not None and not self.confirm_box.isChecked():
            self._quick()

    def choose(self, index: int) -> None:
        """One of several matches is chosen: it is shown (and, with "Confirm each"
        off, stored: the choice was the staff member's own)."""
        if not 0 <= index < len(self.choices):
            return
        self.person = self.choices[index]
        self.choices = []
        self._say("", INFO_STYLE)
        self._show_choices()
        self._show_person()
        self.code_edit.selectAll()
        self._refocus()
        if not self.confirm_box.isChecked():
            self._quick()

    def _quick(self) -> None:
        """"Confirm each" off: store at once, unless it looks like a double scan."""
        person = self.person
        assert person is not None
        if self.action == CHECK_OUT:
            record = self.record_of(person.id)
            since = record.check_in_at if record else None
            if since is not None and self.service.now() - since < dt.timedelta(
                    minutes=QUICK_OUT_MINUTES):
                self._say(self.tr("{name} checked in only at {time}: press Enter to check "
                                  "out now.").format(name=person.name, time=_time(since)),
                          INFO_STYLE)
                return
        self.confirm()

    def confirm(self) -> bool:
        """Check the shown person in or out; True when stored."""
        person, action = self.person, self.action
        if person is None:
            return False
        if action == DONE:
            self._finish()
            self._say(self.tr("{name} has already checked out: nothing to do.").format(
                name=person.name), INFO_STYLE)
            return False
        try:
            if action == CHECK_IN:
                result = self.service.check_in(self.activity_id, person.id)
            else:
                result = self.service.check_out(self.activity_id, person.id)
        except UserError as err:
            self.reload()
            self._show_person()  # what the person's state is now
            self._error(messages.user_error_text(err))
            return False
        self.reload()
        if action == CHECK_IN:
            text = self.tr("{time}  {name} checked in").format(time=_time(result.at),
                                                                 name=person.name)
        else:
            text = self.tr("{time}  {name} checked out: {hours} hours, {points} points").format(
                time=_time(result.at), name=person.name, hours=hours_text(result.hours),
                points=result.points or 0)
        self.log_list.insertItem(0, text)
        self._finish()
        self._say(text, DONE_STYLE)
        self.changed.emit()
        return True

    def _finish(self) -> None:
        self.person = None
        self.choices = []
        self.looked_up = ""
        self.code_edit.clear()
        self._show_person()
        self._show_choices()
        self._refocus()

    def clear(self) -> bool:
        """Esc: clear the input, the person or the choices and the message; False when
        there was nothing to clear (then Esc closes the window)."""
        if not (self.code_edit.text() or self.person is not None or self.choices):
            return False
        self._finish()
        self._say("", INFO_STYLE)
        return True

    # --- window ---------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._refocus()

    @classmethod
    def ask(cls, parent: QWidget | None, service: InServiceService, activity_id: str) -> bool:
        """Run the check-in; True when anything was stored."""
        try:
            dialog = cls(service, activity_id, parent)
        except UserError as err:
            messages.show_user_error(parent, err)
            return False
        stored: list[bool] = []
        dialog.changed.connect(lambda: stored.append(True))
        FormDialog.run_modal(dialog)
        return any(stored)
