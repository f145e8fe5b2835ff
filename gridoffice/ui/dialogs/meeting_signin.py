"""Sign-in at the meeting (会议签到) on the office PC: large type, one key or click
per attendee, the counts (应到 / 实到 / 请假 / 缺席 / 列席 / 未签到) always computed
by the service from the marks, never typed.

Keys, in the find box or the list: type the start of a name or its pinyin (zw
finds 张伟), ↑/↓ choose, then 1 / Space / Enter = present, 2 = on leave,
3 = absent, 4 = observer, 0 = clear (Backspace and Delete too, in the list).
On leave and absent ask for the reason; Cancel leaves the mark as it was.
After a mark the next person not signed in is selected.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain import meetings as rules
from gridoffice.domain import search_keys
from gridoffice.errors import UserError
from gridoffice.ui import messages
from gridoffice.ui.dialogs.form import FormDialog
from gridoffice.ui.dialogs.resident_dialogs import code_combo, select_data
from gridoffice.ui.labels import code_label, date_text
from gridoffice.ui.models.table import AnyIndex, RowTableModel
from gridoffice.ui.widgets.actions import RowSelection

if TYPE_CHECKING:
    from gridoffice.services.meetings import AttendeeRow, MeetingService, Minutes

CLEAR = ""  # the "mark" that removes a mark
NAME_POINTS = 24
TEXT_POINTS = 18
TITLE_POINTS = 26
COUNT_POINTS = 20
# text, background of each mark: dark on pale, readable on a projector too
MARK_COLORS: dict[str | None, tuple[str, str | None]] = {
    rules.PRESENT: ("#1b5e20", "#c8e6c9"),
    rules.LEAVE: ("#7a4100", "#ffe0b2"),
    rules.ABSENT: ("#b71c1c", "#ffcdd2"),
    rules.OBSERVER: ("#0d47a1", "#bbdefb"),
    None: ("#616161", None),
}
MARK_KEYS: dict[int, str] = {
    Qt.Key.Key_1: rules.PRESENT, Qt.Key.Key_Space: rules.PRESENT,
    Qt.Key.Key_Return: rules.PRESENT, Qt.Key.Key_Enter: rules.PRESENT,
    Qt.Key.Key_2: rules.LEAVE, Qt.Key.Key_3: rules.ABSENT, Qt.Key.Key_4: rules.OBSERVER,
    Qt.Key.Key_0: CLEAR,
}
LIST_ONLY_KEYS: dict[int, str] = {Qt.Key.Key_Backspace: CLEAR, Qt.Key.Key_Delete: CLEAR}
MOVE_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
COL_NO, COL_NAME, COL_IDENTITY, COL_MARK = range(4)


def _font(points: int, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font


class SignInModel(RowTableModel["AttendeeRow"]):
    """The attendees, in list order, narrowed by the find box; marks in colour."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[AttendeeRow] = []
        self._number: dict[str, int] = {}
        self._keys: dict[str, list[str]] = {}  # pinyin keys per name, computed once
        self._filter = ""
        self._headers: tuple[str, ...] | None = None
        self.name_font = _font(NAME_POINTS, bold=True)
        self._brushes = {mark: (QBrush(QColor(fg)), QBrush(QColor(bg)) if bg else None)
                         for mark, (fg, bg) in MARK_COLORS.items()}

    def set_attendees(self, rows: Sequence[AttendeeRow]) -> None:
        self._all = list(rows)
        self._number = {r.id: n for n, r in enumerate(self._all, start=1)}
        for row in self._all:
            if row.name not in self._keys:
                self._keys[row.name] = search_keys.name_key_variants(row.name)
        self._apply()

    def set_filter(self, text: str) -> None:
        self._filter = text.strip()
        self._apply()

    def _apply(self) -> None:
        self.set_rows([r for r in self._all if self.matches(r, self._filter)])

    def matches(self, row: AttendeeRow, text: str) -> bool:
        """The name contains ``text``, or a pinyin key of it starts with it."""
        if not text or text in row.name:
            return True
        key = search_keys.query_key(text)
        return bool(key) and any(k.startswith(key) for k in self._keys.get(row.name, ()))

    def all_rows(self) -> list[AttendeeRow]:
        return list(self._all)

    def row_of(self, attendee_id: str | None) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == attendee_id), -1)

    # --- columns --------------------------------------------------------------------------
    def headers(self) -> Sequence[str]:
        if self._headers is None:  # asked for on every paint: translate once
            self._headers = (self.tr("No."), self.tr("Name"), self.tr("Identity"),
                             self.tr("Sign-in"))
        return self._headers

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def mark_text(self, row: AttendeeRow) -> str:
        if row.presence is None:
            return self.tr("Not signed in")
        label = code_label(rules.PRESENCE, row.presence)
        if row.presence == rules.PRESENT and row.signed_at is not None:
            return self.tr("{mark} {time}").format(mark=label,
                                                   time=row.signed_at.strftime("%H:%M"))
        if row.absence_reason:
            return self.tr("{mark}: {reason}").format(mark=label, reason=row.absence_reason)
        return label

    def display(self, row: AttendeeRow, column: int) -> str:
        if column == COL_NO:
            return str(self._number.get(row.id, ""))
        if column == COL_NAME:
            return row.name
        if column == COL_IDENTITY:
            identity = code_label(rules.ATTENDEE_IDENTITIES, row.identity)
            if row.unit:
                return f"{identity} · {row.unit}" if identity else row.unit
            return identity
        if column == COL_MARK:
            return self.mark_text(row)
        return ""

    def tooltip(self, row: AttendeeRow, column: int) -> str | None:
        if column == COL_MARK and row.absence_reason:
            return row.absence_reason
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.FontRole and column in (COL_NAME, COL_MARK):
            return self.name_font if column == COL_NAME else None
        if column == COL_MARK:
            foreground, background = self._brushes.get(row.presence, self._brushes[None])
            if role == Qt.ItemDataRole.ForegroundRole:
                return foreground
            if role == Qt.ItemDataRole.BackgroundRole:
                return background
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_NO:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


class AbsenceReasonDialog(FormDialog):
    """The reason for 请假 / 缺席: a common one in one click, or typed. ``save(reason)``
    stores the mark; the service's refusal (no reason) shows under the form."""

    def __init__(self, parent: QWidget | None, *, name: str, presence: str, reason: str,
                 save: Callable[[str], Any]) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("{name}: {mark}").format(
            name=name, mark=code_label(rules.PRESENCE, presence)))
        self.set_intro(self.tr("Why is {name} not at the meeting? Click a common reason or "
                               "type one.").format(name=name))
        self._save = save
        font = self.font()  # read at the meeting, on the meeting-room screen
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.setFont(font)
        self.reasons = (self.tr("Ill"), self.tr("Away on business"), self.tr("Out"),
                        self.tr("Work conflict"), self.tr("Could not be reached"))
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.reason_buttons: list[QPushButton] = []
        for n, text in enumerate(self.reasons):
            button = QPushButton(text, box)
            button.setAutoDefault(False)
            button.setMinimumHeight(button.sizeHint().height() + 10)
            button.clicked.connect(lambda _c=False, t=text: self.choose(t))
            grid.addWidget(button, n // 3, n % 3)
            self.reason_buttons.append(button)
        self.add_row(None, self.tr("Common reasons"), box)
        self.reason_edit = self.add_row("absence_reason", self.tr("Reason"), QLineEdit(self))
        self.reason_edit.setText(reason)
        self.reason_edit.selectAll()
        self.reason_edit.setFocus()
        self.register_field("presence", self.tr("Reason"), self.reason_edit)
        self.setMinimumWidth(560)

    def choose(self, reason: str) -> None:
        """A common reason: filled in and stored at once."""
        self.reason_edit.setText(reason)
        self.accept()

    def perform(self) -> Any:
        self._save(self.reason_edit.text())
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, *, name: str, presence: str, reason: str,
            save: Callable[[str], Any]) -> bool:
        """True when the mark was stored; False on Cancel (nothing changed)."""
        return cls(parent, name=name, presence=presence, reason=reason,
                   save=save).ask_result() is not None


class WalkInDialog(FormDialog):
    """Someone not on the list arrives: their name and identity; ``save`` adds them
    and returns the new attendee's id."""

    def __init__(self, parent: QWidget | None, *, save: Callable[[str, str, str], str]) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Walk-in"))
        self.set_intro(self.tr("Someone who is not on the list: they are added and "
                               "marked present."))
        self._save = save
        self.name_edit = self.add_row("name", self.tr("Name"), QLineEdit(self), required=True)
        self.identity_combo = code_combo(self, rules.ATTENDEE_IDENTITIES)
        select_data(self.identity_combo, "resident")
        self.add_row("identity", self.tr("Identity"), self.identity_combo)
        self.unit_edit = self.add_row("unit", self.tr("Unit"), QLineEdit(self))
        self.unit_edit.setPlaceholderText(self.tr("For a unit's representative (optional)"))

    def perform(self) -> Any:
        return self._save(self.name_edit.text(), str(self.identity_combo.currentData()),
                          self.unit_edit.text())


class SignInDialog(QDialog, RowSelection):
    """See the module docstring. ``changed`` fires after every stored change."""

    changed = Signal()

    def __init__(self, service: MeetingService, meeting_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.meeting_id = meeting_id
        self.read_only = False
        self.started = False
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setSizeGripEnabled(True)

        minutes = service.minutes(meeting_id)
        if minutes.meeting.status == "planned" and not minutes.locked:
            service.start(meeting_id)  # sign-in opens the meeting
            self.started = True
            minutes = service.minutes(meeting_id)
        self.minutes: Minutes = minutes

        self._build()
        self._show(minutes)
        self._show_lock(minutes)
        self._select_first()
        self.resize(1180, 820)
        # At the meeting the window fills the screen (F11: full screen); restored,
        # it keeps the size above.
        self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        if self.started:  # after the caller has connected to ``changed``
            QTimer.singleShot(0, self, self.changed.emit)

    # --- building -------------------------------------------------------------------------
    def _build(self) -> None:
        self._build_labels()
        find_label = self._build_find()
        self._build_table()
        buttons = self._build_buttons()
        self._lay_out(find_label, buttons)
        full_screen = QShortcut(QKeySequence(Qt.Key.Key_F11), self)
        full_screen.activated.connect(self.toggle_full_screen)

    def _build_labels(self) -> None:
        """The title, the meeting, the counts and the locked notice."""
        self.title_label = QLabel(self)
        self.title_label.setFont(_font(TITLE_POINTS, bold=True))
        self.title_label.setWordWrap(True)
        self.info_label = QLabel(self)
        self.info_label.setFont(_font(TEXT_POINTS))
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("signInCounts")
        self.counts_label.setFont(_font(COUNT_POINTS, bold=True))
        self.counts_label.setStyleSheet(
            "QLabel#signInCounts { background: #eef3f8; color: #102a43; padding: 8px 12px; }")
        self.counts_label.setWordWrap(True)
        self.lock_label = QLabel(self)
        self.lock_label.setObjectName("signInLocked")
        self.lock_label.setFont(_font(TEXT_POINTS))
        self.lock_label.setWordWrap(True)
        self.lock_label.setStyleSheet(
            "QLabel#signInLocked { background: #fff3e0; color: #8a4b00; padding: 8px 12px; }")
        self.lock_label.hide()

    def _build_find(self) -> QLabel:
        """The find box and the keys; returns the find box's label."""
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setFont(_font(NAME_POINTS))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("Type a name or its pinyin (zw)"))
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.filter_edit.installEventFilter(self)
        find_label = QLabel(self.tr("Find:"), self)
        find_label.setFont(_font(TEXT_POINTS))
        find_label.setBuddy(self.filter_edit)
        self.keys_label = QLabel(self.tr(
            "1 or Space: present · 2: on leave · 3: absent · 4: observer · 0: clear · "
            "↑↓: choose"), self)
        self.keys_label.setFont(_font(TEXT_POINTS - 4))
        self.keys_label.setStyleSheet("color: #52606d;")
        return find_label

    def _build_table(self) -> None:
        """The list of attendees, in big type."""
        self.model = SignInModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setFont(_font(TEXT_POINTS))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setWordWrap(False)
        self.view.setShowGrid(True)
        self.view.setStyleSheet("QTableView { gridline-color: #d9e2ec; }"
                                "QTableView::item { padding: 0 10px; }")
        rows = self.view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.model.name_font.pointSize() * 2 + 24)
        header = self.view.horizontalHeader()
        header.setFont(_font(TEXT_POINTS - 4))
        header.setHighlightSections(False)
        metrics = self.view.fontMetrics()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_NO, metrics.horizontalAdvance("000") + 30)
        header.resizeSection(COL_NAME, QFontMetrics(self.model.name_font).horizontalAdvance(
            "买买提·吐尔逊") + 40)
        for column in (COL_IDENTITY, COL_MARK):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.view.installEventFilter(self)
        self.view.doubleClicked.connect(lambda _i: self.mark(rules.PRESENT))
        self.view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._update())

    def _build_buttons(self) -> QHBoxLayout:
        """The mark buttons (the row returned), walk-in and close."""
        self.mark_buttons: dict[str, QPushButton] = {}
        buttons = QHBoxLayout()
        for presence, text in ((rules.PRESENT, self.tr("1  Present")),
                               (rules.LEAVE, self.tr("2  On leave")),
                               (rules.ABSENT, self.tr("3  Absent")),
                               (rules.OBSERVER, self.tr("4  Observer")),
                               (CLEAR, self.tr("0  Clear"))):
            button = self._big_button(text, MARK_COLORS.get(presence or None, ("", None)))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _c=False, p=presence: self.mark(p))
            buttons.addWidget(button)
            self.mark_buttons[presence] = button
        self.walk_in_button = self._big_button(self.tr("Walk-in…"), ("", None))
        self.walk_in_button.setToolTip(self.tr("Add someone who is not on the list and mark "
                                               "them present"))
        self.walk_in_button.clicked.connect(self.walk_in)
        self.close_button = self._big_button(self.tr("Close"), ("", None))
        self.close_button.clicked.connect(self.accept)
        return buttons

    def _lay_out(self, find_label: QLabel, buttons: QHBoxLayout) -> None:
        title_row = QHBoxLayout()  # the window's own buttons up here: the marks get the
        title_row.addWidget(self.title_label, 1)  # whole bottom row, even on a small screen
        title_row.addWidget(self.walk_in_button, 0, Qt.AlignmentFlag.AlignTop)
        title_row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        find_row = QHBoxLayout()
        find_row.addWidget(find_label)
        find_row.addWidget(self.filter_edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(title_row)
        layout.addWidget(self.info_label)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.lock_label)
        layout.addLayout(find_row)
        layout.addWidget(self.keys_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def _big_button(self, text: str, colors: tuple[str, str | None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setFont(_font(TEXT_POINTS, bold=True))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the find box / list
        button.setAutoDefault(False)
        button.setMinimumHeight(QFontMetrics(button.font()).height() * 2 + 12)
        button.setMinimumWidth(QFontMetrics(button.font()).horizontalAdvance(text) + 40)
        foreground, background = colors
        if background:
            button.setStyleSheet(
                f"QPushButton {{ color: {foreground}; background: {background}; "
                f"border: 1px solid {foreground}; border-radius: 4px; padding: 6px 16px; }}"
                "QPushButton:disabled { color: #9aa5b1; background: #f0f4f8; "
                "border-color: #d9e2ec; }")
        else:
            button.setStyleSheet("QPushButton { padding: 6px 16px; }")
        return button

    # --- showing --------------------------------------------------------------------------
    def _show(self, minutes: Minutes) -> None:
        meeting = minutes.meeting
        kind = code_label(rules.MEETING_TYPES, meeting.meeting_type)
        if meeting.title:
            title = meeting.title
        elif meeting.session_no:
            title = self.tr("{type}, session {number}").format(type=kind,
                                                               number=meeting.session_no)
        else:
            title = kind
        self.title_label.setText(title)
        self.setWindowTitle(self.tr("Sign-in: {title}").format(title=title))
        when = meeting.start_at.strftime("%Y-%m-%d %H:%M")
        if meeting.end_at is not None:
            when += "–" + meeting.end_at.strftime("%H:%M")
        parts = [when]
        if meeting.place:
            parts.append(meeting.place)
        if meeting.host:
            parts.append(self.tr("Host: {name}").format(name=meeting.host))
        self.info_label.setText("  ·  ".join(parts))
        self._show_counts(minutes)
        self.model.set_attendees(minutes.attendees)

    def _show_counts(self, minutes: Minutes) -> None:
        a = minutes.attendance
        self.counts_label.setText(self.tr(
            "Expected {expected} · Present {present} · On leave {leave} · Absent {absent} · "
            "Observers {observers} · Not signed in {unmarked}").format(
                expected=a.expected, present=a.present, leave=a.leave, absent=a.absent,
                observers=a.observers, unmarked=a.unmarked))

    def _show_lock(self, minutes: Minutes) -> None:
        meeting = minutes.meeting
        if minutes.locked:
            self.read_only = True
            self.lock_label.setText(self.tr(
                "The minutes were approved on {date}: the sign-in is closed and shown for "
                "reading only. A change now needs a reason and is recorded as an amendment "
                "in the meeting's record.").format(date=date_text(meeting.approved_on)))
        elif meeting.status == "cancelled":
            self.read_only = True
            self.lock_label.setText(self.tr("The meeting was cancelled: there is no "
                                            "sign-in."))
        self.lock_label.setVisible(self.read_only)
        self.keys_label.setVisible(not self.read_only)
        self._update()

    def _update(self) -> None:
        has_row = self.current_row() is not None
        for button in self.mark_buttons.values():
            button.setEnabled(not self.read_only and has_row)
        self.walk_in_button.setEnabled(not self.read_only)

    def reload(self, select_id: str | None = None) -> None:
        """Read the marks and counts again; the selection stays on ``select_id``."""
        keep = select_id or self.current_id()
        self.minutes = self.service.minutes(self.meeting_id)
        self._show_counts(self.minutes)
        self.model.set_attendees(self.minutes.attendees)
        self.select(keep)

    # --- selection ------------------------------------------------------------------------

    def select(self, attendee_id: str | None) -> bool:
        row = self.model.row_of(attendee_id)
        if row < 0:
            self._select_first()
            return False
        self._select_row(row)
        return True

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, COL_NAME)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self._update()

    def _select_first(self) -> None:
        """The first person not signed in among those shown, else the first shown."""
        rows = self.model.rows()
        if not rows:
            self.view.setCurrentIndex(QModelIndex())
            self._update()
            return
        first = next((i for i, r in enumerate(rows) if r.presence is None), 0)
        self._select_row(first)

    def _move(self, key: int) -> None:
        count = self.model.rowCount()
        if not count:
            return
        current = self.view.currentIndex().row()
        page = max(self.view.viewport().height() // max(self.view.rowHeight(0), 1) - 1, 1)
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -page,
                Qt.Key.Key_PageDown: page}[Qt.Key(key)]
        self._select_row(min(max(current + step if current >= 0 else 0, 0), count - 1))

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._select_first()

    def _next_after(self, attendee_id: str) -> None:
        """After a mark: the next one not signed in among those shown; when none is
        left there, the find box is emptied and the next one in the whole list chosen."""
        shown = self.model.rows()
        ids = [r.id for r in shown]
        start = ids.index(attendee_id) + 1 if attendee_id in ids else 0
        for row in shown[start:] + shown[:start]:
            if row.presence is None:
                self.select(row.id)
                return
        if self.filter_edit.text():
            self.filter_edit.blockSignals(True)
            self.filter_edit.clear()
            self.filter_edit.blockSignals(False)
            self.model.set_filter("")
            everyone = self.model.rows()
            ids = [r.id for r in everyone]
            start = ids.index(attendee_id) + 1 if attendee_id in ids else 0
            for row in everyone[start:] + everyone[:start]:
                if row.presence is None:
                    self.select(row.id)
                    return
        self.select(attendee_id)

    # --- keys -----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress and watched in (self.view, self.filter_edit):
            assert isinstance(event, QKeyEvent)
            if self._key(watched, event):
                return True
        return super().eventFilter(watched, event)

    def _key(self, watched: QObject, event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers & ~Qt.KeyboardModifier.ShiftModifier:
            return False  # Ctrl+A, Alt+…: the widget's own
        key = event.key()
        if key in MOVE_KEYS:
            self._move(key)
            return True
        if key == Qt.Key.Key_Escape and watched is self.filter_edit and self.filter_edit.text():
            self.filter_edit.clear()
            return True
        mark = MARK_KEYS.get(key)
        if mark is None and watched is self.view:
            mark = LIST_ONLY_KEYS.get(key)
        if mark is not None and not modifiers:
            self.mark(mark)
            return True
        if watched is self.view:
            text = event.text()
            if text and text.isprintable() and not text.isspace():
                # Typing in the list goes to the find box.
                self.filter_edit.setFocus()
                self.filter_edit.insert(text)
                return True
        return False

    # --- marking --------------------------------------------------------------------------
    def mark(self, presence: str) -> bool:
        """Mark the selected person (CLEAR removes the mark); True when stored."""
        row = self.current_row()
        if row is None or self.read_only:
            return False
        value = presence or None
        if value == row.presence and value not in (rules.LEAVE, rules.ABSENT):
            self._next_after(row.id)  # already so: nothing to store
            return False
        if value in (rules.LEAVE, rules.ABSENT):
            service, attendee_id = self.service, row.id
            reason = row.absence_reason or ""
            stored = AbsenceReasonDialog.ask(
                self, name=row.name, presence=value, reason=reason,
                save=lambda text: service.set_presence(attendee_id, value, text))
            if not stored:
                self.reload(row.id)
                return False
        else:
            try:
                self.service.set_presence(row.id, value)
            except UserError as err:
                messages.show_user_error(self, err)
                self.reload(row.id)
                return False
        self.reload(row.id)
        self.changed.emit()
        self._next_after(row.id)
        return True

    def walk_in(self) -> str | None:
        """Add someone not on the list and mark them present; their attendee id."""
        if self.read_only:
            return None
        from gridoffice.services.meetings import AttendeeDraft

        service, meeting_id = self.service, self.meeting_id
        # Added and marked present in one step: nothing half-done if it is refused.
        attendee_id = WalkInDialog(self, save=lambda name, identity, unit: service.add_attendee(
            meeting_id, AttendeeDraft(name, identity, unit=unit.strip() or None,
                                      presence=rules.PRESENT))).ask_result()
        if attendee_id is None:
            return None
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)
        self.model.set_filter("")
        self.reload(attendee_id)
        self.changed.emit()
        self.filter_edit.setFocus()
        return str(attendee_id)

    # --- window ---------------------------------------------------------------------------
    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showMaximized()
        else:
            self.showFullScreen()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.filter_edit.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, service: MeetingService, meeting_id: str) -> bool:
        """Run the sign-in; True when anything was stored."""
        try:
            dialog = cls(service, meeting_id, parent)
        except UserError as err:
            messages.show_user_error(parent, err)
            return False
        stored: list[bool] = [dialog.started]
        dialog.changed.connect(lambda: stored.append(True))
        FormDialog.run_modal(dialog)
        return any(stored)
