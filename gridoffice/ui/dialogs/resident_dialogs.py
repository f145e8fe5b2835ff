"""Resident dialogs of the grid households tab: the resident form, moving out or
death, and care (or, with permission, control) tags.

Each dialog hands what was entered to a ``save`` callable (a service call) and
shows a :class:`ValidationError` inline under the form, naming the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from gridoffice.domain.codes import (
    CARE_TAGS,
    DISABILITY_GRADES,
    DISABILITY_TYPES,
    EDUCATION,
    ETHNICITY,
    ID_TYPES,
    MARITAL_STATUS,
    MOVE_IN_REASONS,
    POLITICAL_STATUS,
    POPULATION_TYPES,
    RELATION_TO_HEAD,
    RESIDENCE_STATUS,
)
from gridoffice.ui import messages
from gridoffice.ui.dialogs.form import FormDialog, KeepOpen
from gridoffice.ui.labels import code_label
from gridoffice.ui.widgets.date_field import DateField
from gridoffice.ui.widgets.id_fill import fill_from_id

if TYPE_CHECKING:
    from gridoffice.services.households import ResidentDraft, ResidentRow, TagRow

HINT_STYLE = "color: #2e7d32;"
BAD_HINT_STYLE = "color: #c62828;"


def code_combo(parent: QWidget, table: Any, *, empty: str | None = None,
               skip: tuple[str, ...] = ()) -> QComboBox:
    """A combo box of a code table's labels with the codes as data; ``empty`` first."""
    combo = QComboBox(parent)
    if empty is not None:
        combo.addItem(empty, None)
    for code in table:
        if code.code not in skip:
            combo.addItem(code_label(table, code.code), code.code)
    return combo


def select_data(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def _text(edit: QLineEdit) -> str | None:
    return edit.text().strip() or None


class ResidentDialog(FormDialog):
    """Add or edit one resident. Editing (``masked``) shows the ID number and phone
    masked and read-only until "Show full ID number" asks the service (which writes
    the audit log); without ``reveal`` (an account that may not) that button is not
    offered and the values stay masked. A new resident is not masked."""

    def __init__(self, parent: QWidget | None, *, title: str,
                 save: Callable[[ResidentDraft], Any], today: dt.date,
                 draft: ResidentDraft | None = None, masked: bool = False,
                 reveal: Callable[[], tuple[str | None, str | None]] | None = None) -> None:
        super().__init__(parent, title)
        self._save = save
        self.today = today
        self._reveal = reveal if masked else None
        self.revealed = not masked
        self.name_edit = self.add_row("name", self.tr("Full name"), QLineEdit(self),
                                      required=True)
        self.former_edit = self.add_row("former_name", self.tr("Former name"), QLineEdit(self))
        self.relation_combo = code_combo(self, RELATION_TO_HEAD)
        self.add_row("relation", self.tr("Relation to head"), self.relation_combo)
        self.id_type_combo = code_combo(self, ID_TYPES)
        self.add_row("id_type", self.tr("ID type"), self.id_type_combo)
        self.id_edit = QLineEdit(self)
        self.id_edit.setMaxLength(30)
        self.id_edit.setPlaceholderText(self.tr("18 characters; the birth date and sex follow"))
        self.reveal_button = QPushButton(self.tr("Show full ID number"), self)
        self.reveal_button.clicked.connect(self.reveal)
        self.reveal_button.setVisible(self._reveal is not None)
        id_row = QWidget(self)
        id_layout = QHBoxLayout(id_row)
        id_layout.setContentsMargins(0, 0, 0, 0)
        id_layout.addWidget(self.id_edit, 1)
        id_layout.addWidget(self.reveal_button)
        self.add_row(None, self.tr("ID number"), id_row)
        self.register_field("id_number", self.tr("ID number"), self.id_edit)
        self.id_hint = QLabel(self)
        self.id_hint.setWordWrap(True)
        self.id_hint.hide()
        self.form.addRow("", self.id_hint)
        self.sex_combo = QComboBox(self)
        self.sex_combo.addItem("—", "")
        self.sex_combo.addItem(self.tr("Male"), "1")
        self.sex_combo.addItem(self.tr("Female"), "2")
        self.add_row("sex", self.tr("Sex"), self.sex_combo)
        self.birth_edit = self.add_row("birth_date", self.tr("Birth date"), DateField(self))
        self.ethnicity_combo = code_combo(self, ETHNICITY, empty="—")
        self.add_row("ethnicity", self.tr("Ethnicity"), self.ethnicity_combo)
        self.political_combo = code_combo(self, POLITICAL_STATUS, empty="—")
        self.add_row("political_status", self.tr("Political status"), self.political_combo)
        self.education_combo = code_combo(self, EDUCATION, empty="—")
        self.add_row("education", self.tr("Education"), self.education_combo)
        self.marital_combo = code_combo(self, MARITAL_STATUS, empty="—")
        self.add_row("marital_status", self.tr("Marital status"), self.marital_combo)
        self.hukou_edit = self.add_row("hukou_address", self.tr("Hukou address"),
                                       QLineEdit(self))
        self.work_edit = self.add_row("work_or_school", self.tr("Work or school"),
                                      QLineEdit(self))
        self.mobile_edit = self.add_row("mobile", self.tr("Mobile"), QLineEdit(self))
        self.population_combo = code_combo(self, POPULATION_TYPES)
        self.add_row("population_type", self.tr("Population type"), self.population_combo)
        self.residence_combo = code_combo(self, RESIDENCE_STATUS)
        self.add_row("residence_status", self.tr("Residence"), self.residence_combo)
        self.move_in_edit = self.add_row("move_in_date", self.tr("Moved in on"), DateField(self))
        self.reason_combo = code_combo(self, MOVE_IN_REASONS, empty="—")
        self.add_row("move_in_reason", self.tr("Reason for moving in"), self.reason_combo)
        self.note_edit = self.add_row("note", self.tr("Note"), QLineEdit(self))
        self._draft = draft
        if draft is not None:
            self._fill(draft)
        self._set_id_editable(self.revealed)
        self.id_edit.textEdited.connect(self._id_edited)

    def _fill(self, draft: ResidentDraft) -> None:
        self.name_edit.setText(draft.name)
        self.former_edit.setText(draft.former_name or "")
        select_data(self.relation_combo, draft.relation)
        select_data(self.id_type_combo, draft.id_type)
        self.id_edit.setText(draft.id_number or "")
        select_data(self.sex_combo, draft.sex or "")
        self.birth_edit.set_date(draft.birth_date)
        for combo, value in ((self.ethnicity_combo, draft.ethnicity),
                             (self.political_combo, draft.political_status),
                             (self.education_combo, draft.education),
                             (self.marital_combo, draft.marital_status),
                             (self.population_combo, draft.population_type),
                             (self.residence_combo, draft.residence_status),
                             (self.reason_combo, draft.move_in_reason)):
            select_data(combo, value)
        self.hukou_edit.setText(draft.hukou_address or "")
        self.work_edit.setText(draft.work_or_school or "")
        self.mobile_edit.setText(draft.mobile or "")
        self.move_in_edit.set_date(draft.move_in_date)
        self.note_edit.setText(draft.note or "")

    def _set_id_editable(self, editable: bool) -> None:
        for edit in (self.id_edit, self.mobile_edit):
            edit.setReadOnly(not editable)
        if not editable:
            self.id_edit.setToolTip(
                self.tr("Masked: press Show full ID number to change it")
                if self._reveal is not None
                else self.tr("Masked. Your account may not show the full number."))

    def reveal(self) -> None:
        """Show the full ID number and phone (the service writes the audit log)."""
        if self._reveal is None or self.revealed:
            return
        number, mobile = self._reveal()
        self.id_edit.setText(number or "")
        self.mobile_edit.setText(mobile or "")
        self.revealed = True
        self._set_id_editable(True)
        self.id_edit.setToolTip("")
        self.reveal_button.setEnabled(False)

    def _id_edited(self, text: str) -> None:
        """Fill birth date and sex from a complete, valid ID number."""
        fill_from_id(self, text, self.today)

    def draft(self) -> ResidentDraft:
        from gridoffice.services.households import ResidentDraft

        base = self._draft
        return ResidentDraft(
            name=self.name_edit.text(), relation=str(self.relation_combo.currentData()),
            sex=str(self.sex_combo.currentData() or ""), id_number=self.id_edit.text().strip(),
            id_type=str(self.id_type_combo.currentData()),
            birth_date=self.date_of("birth_date"), former_name=_text(self.former_edit),
            ethnicity=self.ethnicity_combo.currentData(),
            political_status=self.political_combo.currentData(),
            education=self.education_combo.currentData(),
            marital_status=self.marital_combo.currentData(),
            hukou_address=_text(self.hukou_edit), work_or_school=_text(self.work_edit),
            mobile=self.mobile_edit.text().strip(),
            population_type=str(self.population_combo.currentData()),
            residence_status=str(self.residence_combo.currentData()),
            move_in_date=self.date_of("move_in_date"),
            move_in_reason=self.reason_combo.currentData(),
            member_id=base.member_id if base else None,
            guardian_note=base.guardian_note if base else None,
            note=_text(self.note_edit))

    def perform(self) -> Any:
        return self._save(self.draft())

    @classmethod
    def ask(cls, parent: QWidget | None, **kwargs: Any) -> Any:
        return cls(parent, **kwargs).ask_result()


class LeaveDialog(FormDialog):
    """迁出 or 死亡: a dated event on the resident, confirmed before it is saved."""

    def __init__(self, parent: QWidget | None, row: ResidentRow, *, died: bool,
                 today: dt.date, save: Callable[[dt.date, str], Any]) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Record death") if died else self.tr("Move out"))
        self.row = row
        self.died = died
        self._save = save
        self.set_intro(self.tr("{name}, {address}").format(name=row.name, address=row.address))
        label = self.tr("Date of death") if died else self.tr("Moved out on")
        self.date_edit = self.add_row("on_date", label, DateField(self))
        self.date_edit.set_date(today)
        self.reason_edit = QLineEdit(self)
        if not died:
            self.add_row("reason", self.tr("Reason or destination"), self.reason_edit)

    def perform(self) -> Any:
        day = self.date_of("on_date", required=True)
        assert day is not None
        if self.died:
            question = self.tr("Record that {name} died on {date}? The record stays, "
                               "marked as deceased.")
        else:
            question = self.tr("Record that {name} moved out on {date}? The record stays, "
                               "marked as moved out.")
        if not messages.confirm(self, question.format(name=self.row.name, date=day.isoformat())):
            raise KeepOpen
        return self._save(day, self.reason_edit.text())


class TagDialog(FormDialog):
    """Add a care tag (残疾人 with type and grade); control tags only with permission."""

    def __init__(self, parent: QWidget | None, row: ResidentRow, *, current: list[str],
                 show_control: bool, today: dt.date,
                 save: Callable[[str, str, str | None, str | None, dt.date | None], Any],
                 tags: Callable[[], Sequence[TagRow]] | None = None,
                 end: Callable[[str, dt.date], Any] | None = None) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Add a tag"))
        self._save = save
        self._tags = tags
        self._end = end
        self.today = today
        self.ended = 0  # tags ended while the dialog was open
        names = "、".join(current) or self.tr("none")
        self.set_intro(self.tr("{name}: current tags: {tags}").format(name=row.name,
                                                                      tags=names))
        self.current_list = QListWidget(self)
        self.current_list.setMaximumHeight(110)
        self.end_button = QPushButton(self.tr("End…"), self)
        self.end_button.setToolTip(self.tr("The tag no longer applies from a date; it stays "
                                           "in the history"))
        self.end_button.clicked.connect(self.end_current)
        if tags is not None and end is not None:
            self.set_intro(self.tr("{name}: current tags").format(name=row.name))
            self.add_row(None, self.tr("Current tags"), self.current_list)
            self.form.addRow("", self.end_button)
            self.current_list.currentRowChanged.connect(
                lambda r: self.end_button.setEnabled(r >= 0))
            self._fill_current()
        else:
            self.current_list.hide()
            self.end_button.hide()
        self.tag_combo = QComboBox(self)
        for code in CARE_TAGS:
            if code.code != "very_old":  # derived from the birth date, never set by hand
                self.tag_combo.addItem(code_label(CARE_TAGS, code.code), ("care", code.code))
        if show_control:
            from gridoffice.domain.codes import CONTROL_TAGS

            self.tag_combo.insertSeparator(self.tag_combo.count())
            for code in CONTROL_TAGS:
                self.tag_combo.addItem(self.tr("Control: {tag}").format(
                    tag=code_label(CONTROL_TAGS, code.code)),  # type: ignore[arg-type]
                    ("control", code.code))
        self.add_row("care_tag", self.tr("Tag"), self.tag_combo)
        self.register_field("tag", self.tr("Tag"), self.tag_combo)
        self.type_combo = code_combo(self, DISABILITY_TYPES, empty="—")
        self.add_row("disability_type", self.tr("Disability type"), self.type_combo)
        self.grade_combo = code_combo(self, DISABILITY_GRADES, empty="—")
        self.add_row("disability_grade", self.tr("Disability grade"), self.grade_combo)
        self.from_edit = self.add_row("from_date", self.tr("Since"), DateField(self))
        self.from_edit.set_date(today)
        self.tag_combo.currentIndexChanged.connect(lambda _i: self._update())
        self._update()

    def _fill_current(self) -> None:
        from gridoffice.domain.codes import CONTROL_TAGS

        assert self._tags is not None
        self.current_list.clear()
        for tag in self._tags():
            table: Any = CARE_TAGS if tag.kind == "care" else CONTROL_TAGS
            text = code_label(table, tag.tag)
            if tag.from_date is not None:
                text = self.tr("{tag} since {date}").format(tag=text,
                                                            date=tag.from_date.isoformat())
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, tag.id)
            self.current_list.addItem(item)
        if self.current_list.count():
            self.current_list.setCurrentRow(0)
        self.end_button.setEnabled(self.current_list.currentRow() >= 0)

    def current_tag_ids(self) -> list[str]:
        return [self.current_list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.current_list.count())]

    def end_current(self) -> bool:
        """Ask for the date the chosen current tag ends, and end it."""
        item = self.current_list.currentItem()
        if item is None or self._end is None:
            return False
        end = self._end
        tag_id = str(item.data(Qt.ItemDataRole.UserRole))
        done = EndTagDialog(self, tag=item.text(), today=self.today,
                            save=lambda day: end(tag_id, day) or True).ask_result()
        if done:
            self.ended += 1
            self._fill_current()
        return bool(done)

    def tag_codes(self) -> list[str]:
        return [self.tag_combo.itemData(i)[1] for i in range(self.tag_combo.count())
                if self.tag_combo.itemData(i)]

    def _update(self) -> None:
        disabled = (self.tag_combo.currentData() or ("", ""))[1] == "disabled"
        self.type_combo.setEnabled(disabled)
        self.grade_combo.setEnabled(disabled)

    def perform(self) -> Any:
        kind, tag = self.tag_combo.currentData()
        disabled = tag == "disabled"
        return self._save(tag, kind, self.type_combo.currentData() if disabled else None,
                          self.grade_combo.currentData() if disabled else None,
                          self.date_of("from_date"))


class EndTagDialog(FormDialog):
    """The date a care (or control) tag stops applying; the tag stays in the history."""

    def __init__(self, parent: QWidget | None, *, tag: str, today: dt.date,
                 save: Callable[[dt.date], Any]) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("End a tag"))
        self._save = save
        self.set_intro(self.tr("End the tag {tag}.").format(tag=tag))
        self.date_edit = self.add_row("to_date", self.tr("Ends on"), DateField(self))
        self.date_edit.set_date(today)

    def perform(self) -> Any:
        day = self.date_of("to_date", required=True)
        assert day is not None
        return self._save(day)
