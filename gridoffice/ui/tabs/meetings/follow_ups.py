"""Follow-up tracking across all meetings (落实跟踪): the figures offices report
("本年推动解决问题 N 件"), filters, the table, and marking a follow-up done.

Overdue is derived by the service (not done and past the due date), never stored.
The meetings tab embeds this view: ``open_meeting(meeting_id)`` asks it to show a
meeting, ``print_requested`` to print the list, ``changed`` says something was saved.
The two small forms (edit, mark done) live here too: nothing else uses them yet.
In the street office the tab's community filter narrows the view too, a 社区
column shows whose follow-up each is, and the communities' are read-only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain import meetings as rules
from gridoffice.ui.dialogs.form import FormDialog
from gridoffice.ui.dialogs.meeting_dialogs import FollowUpDialog
from gridoffice.ui.labels import date_text
from gridoffice.ui.models.follow_up_table import (
    COL_DONE,
    COL_DUE,
    COL_FEEDBACK,
    COL_MEETING,
    COL_OWNER,
    COL_PUBLISHED,
    COL_RESOLUTION,
    COL_STATUS,
    COL_TASK,
    FollowUpTableModel,
)
from gridoffice.ui.widgets.actions import RowSelection, make_action
from gridoffice.ui.widgets.community import CommunityScope, show_community_column
from gridoffice.ui.widgets.date_field import DateField
from gridoffice.ui.widgets.inputs import search_while_typing, signals_blocked
from gridoffice.ui.widgets.tables import row_table

if TYPE_CHECKING:
    from gridoffice.services.meetings import (
        FollowUpQuery,
        MeetingService,
    )

SEARCH_DELAY_MS = 150
BANNER_STYLE = "QLabel#followUpBanner { background: %s; color: %s; padding: 8px 12px; }"
BANNER_CALM = ("#e8f5e9", "#1b5e20")
BANNER_LATE = ("#fff3e0", "#8a2a00")


def _text_box(parent: QWidget, lines: int) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


class CompleteFollowUpDialog(FormDialog):
    """Mark a follow-up done: the date and what was reported back (落实情况反馈)."""

    def __init__(self, parent: QWidget | None, *, task: str, owner: str, today: dt.date,
                 feedback: str, save: Callable[[dt.date, str], Any]) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Mark done"))
        self.set_intro(self.tr("{task} — {owner}").format(task=" ".join(task.split()),
                                                          owner=owner))
        self._save = save
        self.done_edit = self.add_row("done_on", self.tr("Done on"), DateField(self))
        self.done_edit.set_date(today)
        self.feedback_edit = self.add_row("feedback", self.tr("Feedback"), _text_box(self, 4))
        self.feedback_edit.setPlainText(feedback)
        self.feedback_edit.setPlaceholderText(self.tr("What was done, and what residents said"))

    def perform(self) -> Any:
        day = self.date_of("done_on", required=True)
        assert day is not None
        self._save(day, self.feedback_edit.toPlainText())
        return day


class FollowUpsView(QWidget, RowSelection):
    """See the module docstring."""

    open_meeting = Signal(str)  # meeting id
    print_requested = Signal()
    changed = Signal()  # a follow-up was saved
    status_message = Signal(str)

    STATES = ("all", "open", "overdue", "done")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service: MeetingService | None = None
        self.today = dt.date.today()
        # The street's view (set_community_scope): whose follow-ups, and the tab's
        # community filter (the office chosen; None: every community).
        self.community = CommunityScope()
        self.office: Callable[[], str | None] = lambda: None

        self.banner_label = QLabel(self)
        self.banner_label.setObjectName("followUpBanner")
        font = self.banner_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.banner_label.setFont(font)
        self.banner_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._set_banner_colors(BANNER_CALM)

        self._build_actions()
        self._build_filters()
        self.model = FollowUpTableModel(self)
        self.view = row_table(self, self.model)
        self.view.setTabKeyNavigation(False)
        rows = self.view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the service's order
        self.view.setSortingEnabled(True)
        self._size_columns()
        self.view.doubleClicked.connect(lambda _i: self.open_current_meeting())
        self.view.installEventFilter(self)
        self.view.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self.update_actions())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.banner_label)
        layout.addWidget(self.toolbar)
        layout.addLayout(self.filter_row)
        layout.addWidget(self.view, 1)

        self._search_timer = search_while_typing(self, self.search_edit, self.refresh,
                                                 SEARCH_DELAY_MS)
        self.update_actions()

    # --- building -------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], Any],
                shortcut: QKeySequence | str | None = None, tip: str | None = None) -> QAction:
        return make_action(self, text, slot, shortcut, tip)

    def _build_actions(self) -> None:
        self.done_action = self._action(self.tr("Mark done…"), self.mark_done, "Ctrl+D",
                                        self.tr("Record that the follow-up was carried out "
                                                "(Ctrl+D)"))
        self.edit_action = self._action(self.tr("Edit…"), self.edit_current, None,
                                        self.tr("Change the selected follow-up (Enter)"))
        self.open_action = self._action(self.tr("Open meeting"), self.open_current_meeting,
                                        None, self.tr("Show the meeting that decided it "
                                                      "(double-click)"))
        self.print_action = self._action(self.tr("Print…"), self.print_requested.emit,
                                         None, self.tr("Print the follow-ups shown"))
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in (self.done_action, self.edit_action, self.open_action, None,
                    self.print_action):
            if act is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(act)

    def _build_filters(self) -> None:
        self.state_combo = QComboBox(self)
        self.state_combo.addItem(self.tr("All follow-ups"), None)
        self.state_combo.addItem(self.tr("Not done"), "open")
        self.state_combo.addItem(self.tr("Overdue"), "overdue")
        self.state_combo.addItem(self.tr("Due within 7 days"), "due")
        self.state_combo.addItem(self.tr("Done"), "done")
        self.year_combo = QComboBox(self)
        self.year_combo.addItem(self.tr("All years"), None)
        self.year_combo.setToolTip(self.tr("The year of the meeting"))
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Search: task, owner, resolution, feedback"))
        self.search_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 36))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("followUpCount")
        self.state_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.year_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        state_label = QLabel(self.tr("Show:"), self)
        state_label.setBuddy(self.state_combo)
        year_label = QLabel(self.tr("Year:"), self)
        year_label.setBuddy(self.year_combo)
        row = QHBoxLayout()
        row.addWidget(state_label)
        row.addWidget(self.state_combo)
        row.addSpacing(8)
        row.addWidget(year_label)
        row.addWidget(self.year_combo)
        row.addSpacing(8)
        row.addWidget(self.search_edit, 1)
        row.addSpacing(8)
        row.addWidget(self.count_label)
        self.filter_row = row

    def _size_columns(self) -> None:
        metrics = self.view.fontMetrics()
        header = self.view.horizontalHeader()
        pad = 24

        def width(text: str) -> int:
            return metrics.horizontalAdvance(text) + pad

        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_MEETING, width("2026-11-10 第12期居民议事会"))
        header.resizeSection(COL_RESOLUTION, width("同意3号楼加装电梯，费用按楼层"))
        header.resizeSection(COL_TASK, width("联系物业公司维修路灯并张贴"))
        header.resizeSection(COL_OWNER, width("社区居委会物业"))
        for column in (COL_DUE, COL_DONE):
            header.resizeSection(column, width("2026-11-10"))
        header.resizeSection(COL_STATUS, width("In progress"))
        header.resizeSection(COL_PUBLISHED, width("Published"))
        header.setSectionResizeMode(COL_FEEDBACK, QHeaderView.ResizeMode.Stretch)

    def _set_banner_colors(self, colors: tuple[str, str]) -> None:
        self.banner_label.setStyleSheet(BANNER_STYLE % colors)

    # --- data ---------------------------------------------------------------------------------
    def set_community_scope(self, scope: CommunityScope,
                            office: Callable[[], str | None]) -> None:
        """The street office's view: ``office`` is the community chosen in the tab."""
        self.community = scope
        self.office = office
        show_community_column(self.view, self.model, scope)
        self.update_actions()

    def set_service(self, service: MeetingService) -> None:
        self.service = service
        self.refresh()

    def show_state(self, state: str | None) -> None:
        """Every year's follow-ups in ``state`` (a workbench item), the search cleared."""
        with signals_blocked(self.state_combo, self.year_combo, self.search_edit):
            self.state_combo.setCurrentIndex(max(self.state_combo.findData(state), 0))
            self.year_combo.setCurrentIndex(0)
            self.search_edit.clear()
        self.refresh()

    def query(self) -> FollowUpQuery:
        from gridoffice.services.meetings import FollowUpQuery

        return FollowUpQuery(year=self.year_combo.currentData(),
                             state=self.state_combo.currentData(),
                             text=self.search_edit.text(), office=self.office())

    def everything_query(self) -> FollowUpQuery:
        """Every follow-up of the office shown (the years of the filter)."""
        from gridoffice.services.meetings import FollowUpQuery

        return FollowUpQuery(office=self.office())

    def refresh(self, select_id: str | None = None) -> None:
        """Read the counts and rows again; the selection stays on the same follow-up."""
        self._search_timer.stop()
        if self.service is None:
            return
        keep = select_id or self.current_id()
        self.today = self.service.today()
        everything = self.service.follow_ups(self.everything_query())
        self._fill_years({r.meeting_date.year for r in everything} | {self.today.year})
        self._show_counts()
        rows = self.service.follow_ups(self.query())
        self.model.set_rows(rows, self.today)
        self.count_label.setText(self.tr("%n follow-up(s)", "", len(rows)))
        row = self.model.row_of(keep)
        if row < 0 and rows:
            row = 0
        if row >= 0:
            index = self.model.index(row, COL_TASK)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        self.update_actions()

    def _fill_years(self, years: set[int]) -> None:
        keep = self.year_combo.currentData()
        wanted = sorted(years, reverse=True)
        shown = [self.year_combo.itemData(i) for i in range(1, self.year_combo.count())]
        if shown == wanted:
            return
        self.year_combo.blockSignals(True)
        try:
            while self.year_combo.count() > 1:
                self.year_combo.removeItem(1)
            for year in wanted:
                self.year_combo.addItem(str(year), year)
            self.year_combo.setCurrentIndex(max(self.year_combo.findData(keep), 0))
        finally:
            self.year_combo.blockSignals(False)

    def banner_year(self) -> int:
        """The year of the "solved" figure: the year chosen, else this year."""
        year = self.year_combo.currentData()
        return int(year) if year else self.today.year

    def _show_counts(self) -> None:
        assert self.service is not None
        year = self.banner_year()
        counts = self.service.tracking_counts(year, office=self.office())
        self.banner_label.setText(self.tr(
            "In {year}: {solved} problem(s) solved · {open} not done · {overdue} overdue"
        ).format(year=year, solved=counts.done_this_year, open=counts.open,
                 overdue=counts.overdue))
        self.banner_label.setToolTip(self.tr(
            "Solved: follow-ups marked done during the year. Not done and overdue: "
            "all meetings, as of {date}.").format(date=date_text(self.today)))
        self._set_banner_colors(BANNER_LATE if counts.overdue else BANNER_CALM)

    # --- selection ------------------------------------------------------------------------------

    def select(self, follow_up_id: str) -> bool:
        row = self.model.row_of(follow_up_id)
        if row < 0:
            return False
        self.view.setCurrentIndex(self.model.index(row, COL_TASK))
        return True

    def update_actions(self) -> None:
        row = self.current_row() if self.service is not None else None
        self.edit_action.setEnabled(row is not None)
        self.open_action.setEnabled(row is not None)
        self.done_action.setEnabled(row is not None and row.status != rules.DONE)
        self.print_action.setEnabled(self.service is not None)
        community = self.community
        if community.active:
            community.lock((self.done_action, self.edit_action),
                           row.origin_office if row else None,
                           locked=row is not None and community.read_only(row.origin_office))

    def _read_only(self, row: Any) -> bool:
        """A community's follow-up at the street: say why nothing opens (Enter)."""
        if not self.community.read_only(row.origin_office):
            return False
        self.status_message.emit(self.community.read_only_text(row.origin_office))
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        # Enter edits. The view's own "activated" also fires on double-click, which
        # opens the meeting instead, so the key is caught here.
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                    and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                self.edit_current()
                return True
        return super().eventFilter(watched, event)

    # --- actions --------------------------------------------------------------------------------
    def mark_done(self) -> None:
        row = self.current_row()
        if row is None or self.service is None or row.status == rules.DONE \
                or self._read_only(row):
            return
        service = self.service
        done = CompleteFollowUpDialog(
            self, task=row.task, owner=row.owner, today=self.today, feedback=row.feedback,
            save=lambda day, feedback: service.complete_follow_up(row.id, day, feedback),
        ).ask_result()
        if done is not None:
            self._saved(row.id)

    def edit_current(self) -> None:
        row = self.current_row()
        if row is None or self.service is None or self._read_only(row):
            return
        service = self.service
        follow_up_id = row.id
        context = self.tr("Meeting {date}: {resolution}").format(
            date=date_text(row.meeting_date), resolution=" ".join(row.resolution.split()))
        saved = FollowUpDialog(
            self, title=self.tr("Follow-up"), today=self.today,
            draft=service.follow_up_draft(follow_up_id), context=context,
            save=lambda draft: service.update_follow_up(follow_up_id, draft),
        ).ask_result()
        if saved is not None:
            self._saved(follow_up_id)

    def open_current_meeting(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_meeting.emit(row.meeting_id)

    def _saved(self, follow_up_id: str) -> None:
        self.refresh(follow_up_id)
        self.changed.emit()
