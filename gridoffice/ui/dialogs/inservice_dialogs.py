"""Dialogs of the in-service tab: the registration form (pick a person on file, or
type the details of someone who is not), work units, a post, a member picker for
claims and records, an activity, a service record entered afterwards, points
(微心愿, 表彰, 无故缺席), a correction, leaving, re-registration and the points rules.

Each form calls its ``save`` callback (a service call) on OK, so a refusal
shows inline and nothing is stored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain import codes
from gridoffice.domain import inservice as rules
from gridoffice.errors import ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.ui.dialogs.form import FormDialog
from gridoffice.ui.dialogs.resident_dialogs import code_combo, select_data
from gridoffice.ui.labels import code_label
from gridoffice.ui.models.inservice_tables import WorkUnitTableModel
from gridoffice.ui.widgets.community import CommunityScope, show_community_column
from gridoffice.ui.widgets.date_field import DateField
from gridoffice.ui.widgets.inputs import plain_text_edit, search_while_typing
from gridoffice.ui.widgets.tables import row_table

if TYPE_CHECKING:
    from gridoffice.services.inservice import (
        ActivityDraft,
        EntryRow,
        InServiceService,
        PostDraft,
        RegistrationDraft,
        RegistrationRow,
        WorkUnitDraft,
    )
    from gridoffice.services.people import Person

Save = Callable[[Any], Any]
Grids = Sequence[tuple[str, str]]  # (id, label)
SEARCH_DELAY_MS = 150
PERSON_ROLE = Qt.ItemDataRole.UserRole
MSG_PICK_PERSON = QT_TRANSLATE_NOOP(
    "errors", "Person: pick the member or resident on file, or tick \"Not on file\" and "
    "type the details.")
MSG_PICK_MEMBER = QT_TRANSLATE_NOOP("errors", "Member: pick one from the list.")


def _grid_combo(parent: QWidget, grids: Grids, empty: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(empty, None)
    for grid_id, label in grids:
        combo.addItem(label, grid_id)
    return combo


def registration_label(row: RegistrationRow) -> str:
    return f"{row.code}  {row.name}  {row.work_unit}"


# --- work units ------------------------------------------------------------------------
class WorkUnitDialog(FormDialog):
    """One work unit: name, type, its party organisation, contact and phone."""

    def __init__(self, parent: QWidget | None, *, save: Callable[[WorkUnitDraft], Any],
                 draft: WorkUnitDraft | None = None) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Edit work unit") if draft else self.tr("New work unit"))
        self._save = save
        self._draft = draft
        self.name_edit = self.add_row("name", self.tr("Name"), QLineEdit(self), required=True)
        self.type_combo = code_combo(self, rules.UNIT_TYPES)
        self.add_row("unit_type", self.tr("Unit type"), self.type_combo)
        self.party_edit = self.add_row("party_org", self.tr("Party organisation"),
                                       QLineEdit(self))
        self.contact_edit = self.add_row("contact", self.tr("Contact"), QLineEdit(self))
        self.phone_edit = self.add_row("phone", self.tr("Phone"), QLineEdit(self))
        self.address_edit = self.add_row("address", self.tr("Address"), QLineEdit(self))
        if draft is not None:
            self.name_edit.setText(draft.name)
            select_data(self.type_combo, draft.unit_type)
            self.party_edit.setText(draft.party_org or "")
            self.contact_edit.setText(draft.contact or "")
            self.phone_edit.setText(draft.phone or "")
            self.address_edit.setText(draft.address or "")

    def perform(self) -> Any:
        from gridoffice.services.inservice import WorkUnitDraft

        values = {"name": self.name_edit.text(), "unit_type": str(self.type_combo.currentData()),
                  "party_org": self.party_edit.text(), "contact": self.contact_edit.text(),
                  "phone": self.phone_edit.text(), "address": self.address_edit.text()}
        # what this form does not show (the note, the co-building agreement) is kept
        return self._save(dataclasses.replace(self._draft, **values) if self._draft
                          else WorkUnitDraft(**values))


class WorkUnitsDialog(FormDialog):
    """The list of work units, with New… and Edit… (each saved at once)."""

    def __init__(self, parent: QWidget | None, *, service: InServiceService,
                 community: CommunityScope | None = None) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Work units"))
        self.service = service
        self.changed = False
        # The street office: every community's units too, but it edits only its own.
        self.community = community or CommunityScope()
        self.model = WorkUnitTableModel(self)
        self.view = row_table(self, self.model)
        show_community_column(self.view, self.model, self.community)
        self.view.selectionModel().currentRowChanged.connect(
            lambda *_a: self._update_buttons())
        self.view.verticalHeader().hide()
        self.view.setMinimumHeight(240)
        self.view.activated.connect(lambda _i: self.edit_unit())
        self.new_button = QPushButton(self.tr("New work unit…"), self)
        self.new_button.clicked.connect(self.new_unit)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.clicked.connect(self.edit_unit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.form.addRow(box)
        self.buttons.button(self.buttons.StandardButton.Cancel).hide()
        self.setMinimumWidth(720)
        self.reload()

    def reload(self, select_id: str | None = None) -> None:
        self.model.set_rows(self.service.work_units())
        row = self.model.row_of(select_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))
        self._update_buttons()

    def _update_buttons(self) -> None:
        index = self.view.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        self.edit_button.setEnabled(row is not None)
        self.community.lock((self.edit_button,), row.origin_office if row else None,
                            locked=row is not None
                            and self.community.read_only(row.origin_office))

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        return row.id if row else None

    def new_unit(self) -> str | None:
        unit_id = WorkUnitDialog(self, save=self.service.add_work_unit).ask_result()
        if unit_id is not None:
            self.changed = True
            self.reload(unit_id)
        return unit_id

    def edit_unit(self) -> None:
        unit_id = self.current_id()
        if unit_id is None or not self.edit_button.isEnabled():
            return
        service = self.service
        draft = service.work_unit(unit_id)
        saved = WorkUnitDialog(self, draft=draft, save=lambda d: service.update_work_unit(
            unit_id, d) or d).ask_result()
        if saved is not None:
            self.changed = True
            self.reload(unit_id)

    def perform(self) -> Any:
        return self.changed


# --- registration ----------------------------------------------------------------------
class RegistrationDialog(FormDialog):
    """A registration. First the person: search the members and residents on file
    and pick one (their personal details then come from that record and are not
    edited here), or tick "not on file" and type them. Then the work unit (a new
    one can be added on the spot), job, status, report type and date, skills and
    the post categories the member wishes to serve in."""

    def __init__(self, parent: QWidget | None, *, service: InServiceService,
                 people: Callable[[str], list[Person]], save: Callable[[RegistrationDraft], Any],
                 today: dt.date, grids: Grids = (), draft: RegistrationDraft | None = None,
                 linked_name: str = "") -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Edit registration") if draft
                            else self.tr("New registration"))
        self.service = service
        self._people = people
        self._save = save
        self.draft = draft
        self.person: Person | None = None
        self.member_id = draft.member_id if draft else None
        self.resident_id = draft.resident_id if draft else None
        self._build_person(grids)
        self._build_service()
        self.setMinimumWidth(560)

        self.reload_units(draft.work_unit_id if draft else None)
        self.date_edit.set_date(draft.report_date if draft else today)
        if draft is not None:
            self._fill(draft, linked_name)
        linked = bool(self.member_id or self.resident_id)
        self.free_check.setChecked(draft is not None and not linked)
        if linked:
            self.linked_label.setText(self.tr("{name}, on file").format(
                name=linked_name or (draft.name if draft else "")))
        if draft is not None:  # the person of a registration is not changed here
            self.search_edit.setEnabled(False)
            self.results.setEnabled(False)
            self.free_check.setEnabled(False)
        self.free_check.toggled.connect(lambda _c: self._update())
        self.results.currentItemChanged.connect(lambda item, _old: self.pick(item))
        self._timer = search_while_typing(self, self.search_edit, self.search,
                                          SEARCH_DELAY_MS)
        self._update()

    def _build_person(self, grids: Grids) -> None:
        """The person: found on file, or typed."""
        self.search_edit = self.add_row("search", self.tr("Search"), QLineEdit(self))
        self.search_edit.setPlaceholderText(self.tr("Name, pinyin or initials of a member "
                                                     "or resident on file"))
        self.search_edit.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setMinimumHeight(96)
        self.results.setMaximumHeight(120)
        self.add_row(None, self.tr("Found"), self.results)
        self.linked_label = QLabel(self)
        self.linked_label.setWordWrap(True)
        self.add_row("person", self.tr("Person"), self.linked_label)
        self.free_check = QCheckBox(self.tr("Not on file: type the details"), self)
        self.form.addRow("", self.free_check)
        self.name_edit = self.add_row("name", self.tr("Name"), QLineEdit(self))
        self.sex_combo = code_combo(self, codes.SEX, empty=self.tr("(from the ID number)"))
        self.add_row("sex", self.tr("Sex"), self.sex_combo)
        self.id_edit = self.add_row("id_number", self.tr("ID number"), QLineEdit(self))
        self.mobile_edit = self.add_row("mobile", self.tr("Mobile"), QLineEdit(self))
        self.address_edit = self.add_row("home_address", self.tr("Home address"),
                                         QLineEdit(self))
        self.grid_combo = _grid_combo(self, grids, self.tr("(none)"))
        self.add_row("grid_id", self.tr("Grid"), self.grid_combo)
        self.personal = (self.name_edit, self.sex_combo, self.id_edit, self.mobile_edit)

    def _build_service(self) -> None:
        """The work unit and the service."""
        unit_row = QWidget(self)
        self.unit_combo = QComboBox(unit_row)
        self.unit_combo.setMinimumWidth(220)
        self.new_unit_button = QPushButton(self.tr("New work unit…"), unit_row)
        self.new_unit_button.clicked.connect(self.new_unit)
        row = QHBoxLayout(unit_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.unit_combo, 1)
        row.addWidget(self.new_unit_button)
        self.add_row(None, self.tr("Work unit"), unit_row)
        self.register_field("work_unit_id", self.tr("Work unit"), self.unit_combo)
        self.job_edit = self.add_row("job", self.tr("Job"), QLineEdit(self))
        self.status_combo = code_combo(self, codes.MEMBER_STATUS)
        self.add_row("party_status", self.tr("Party status"), self.status_combo)
        self.report_combo = code_combo(self, rules.REPORT_TYPES)
        self.add_row("report_type", self.tr("Report type"), self.report_combo)
        self.date_edit = self.add_row("report_date", self.tr("Report date"), DateField(self))
        self.skills_edit = self.add_row("skills", self.tr("Skills"), QLineEdit(self))
        self.skills_edit.setPlaceholderText(self.tr("e.g. 法律咨询, 摄影, 电脑维修"))
        wished = QWidget(self)
        grid = QGridLayout(wished)
        grid.setContentsMargins(0, 0, 0, 0)
        self.category_checks: dict[str, QCheckBox] = {}
        for i, code in enumerate(rules.POST_CATEGORIES):
            check = QCheckBox(code_label(rules.POST_CATEGORIES, code.code), wished)
            self.category_checks[code.code] = check
            grid.addWidget(check, i // 2, i % 2)
        self.add_row(None, self.tr("Wished posts"), wished)
        self.register_field("wished_categories", self.tr("Wished posts"), wished)
        self.note_edit = self.add_row("note", self.tr("Note"), QLineEdit(self))

    def _fill(self, draft: RegistrationDraft, linked_name: str) -> None:
        """The fields of the registration edited."""
        self.name_edit.setText(linked_name or draft.name)
        select_data(self.sex_combo, draft.sex)
        self.id_edit.setText(draft.id_number)
        self.mobile_edit.setText(draft.mobile)
        self.address_edit.setText(draft.home_address or "")
        select_data(self.grid_combo, draft.grid_id)
        self.job_edit.setText(draft.job or "")
        select_data(self.status_combo, draft.party_status)
        select_data(self.report_combo, draft.report_type)
        self.skills_edit.setText(draft.skills)
        for code in draft.wished_categories:
            if code in self.category_checks:
                self.category_checks[code].setChecked(True)
        self.note_edit.setText(draft.note or "")

    # --- the person ---------------------------------------------------------------------
    def search(self) -> None:
        self._timer.stop()
        self.results.clear()
        for person in self._people(self.search_edit.text()):
            if person.kind == "registration":
                continue  # registered already, without a record: not a second time
            kind = self.tr("Party member") if person.kind == "member" \
                else self.tr("Resident")
            text = "  ".join(filter(None, [person.name, person.detail, kind]))
            item = QListWidgetItem(text, self.results)
            item.setData(PERSON_ROLE, person)

    def people_found(self) -> list[Person]:
        return [self.results.item(i).data(PERSON_ROLE) for i in range(self.results.count())]

    def choose(self, person_id: str) -> bool:
        """Pick the found person ``person_id`` (a member or resident id)."""
        for i in range(self.results.count()):
            if self.results.item(i).data(PERSON_ROLE).id == person_id:
                self.results.setCurrentRow(i)
                return True
        return False

    def pick(self, item: QListWidgetItem | None) -> None:
        person = item.data(PERSON_ROLE) if item is not None else None
        self.person = person
        if person is None:
            return
        self.member_id = person.id if person.kind == "member" else None
        self.resident_id = person.id if person.kind == "resident" else None
        self.free_check.blockSignals(True)
        self.free_check.setChecked(False)
        self.free_check.blockSignals(False)
        self.linked_label.setText(self.tr("{name}, on file ({detail})").format(
            name=person.name, detail=person.detail or "—"))
        self.name_edit.setText(person.name)
        for edit in (self.id_edit, self.mobile_edit):
            edit.clear()
        self._update()

    def _update(self) -> None:
        free = self.free_check.isChecked()
        if free and self.draft is None:
            self.member_id = self.resident_id = None
            self.results.clearSelection()
            self.linked_label.setText(self.tr("Not on file: the details below are stored "
                                              "with the registration."))
        linked = bool(self.member_id or self.resident_id) and not free
        if not linked and not free:
            self.linked_label.setText(self.tr("Pick the person above, or tick "
                                              "\"Not on file\"."))
        for widget in self.personal:
            widget.setEnabled(free)
        for edit in (self.id_edit, self.mobile_edit):
            edit.setPlaceholderText(self.tr("from the person's record") if linked else "")
        self.address_edit.setEnabled(free or linked)
        self.grid_combo.setEnabled(free or linked)

    # --- the unit -----------------------------------------------------------------------
    def reload_units(self, select_id: str | None = None) -> None:
        self.unit_combo.clear()
        self.unit_combo.addItem(self.tr("(choose)"), None)
        for unit in self.service.work_units():
            kind = code_label(rules.UNIT_TYPES, unit.unit_type)
            self.unit_combo.addItem(f"{unit.name}（{kind}）", unit.id)
        select_data(self.unit_combo, select_id)

    def new_unit(self) -> str | None:
        unit_id = WorkUnitDialog(self, save=self.service.add_work_unit).ask_result()
        if unit_id is not None:
            self.reload_units(unit_id)
        return unit_id

    def perform(self) -> Any:
        from dataclasses import replace

        from gridoffice.services.inservice import RegistrationDraft

        base = self.draft or RegistrationDraft(None, dt.date.today())
        free = self.free_check.isChecked() and not (self.member_id or self.resident_id)
        if not free and not (self.member_id or self.resident_id):
            raise ValidationError("search", MSG_PICK_PERSON)
        day = self.date_of("report_date", required=True)
        assert day is not None
        draft = replace(
            base, work_unit_id=self.unit_combo.currentData(), report_date=day,
            member_id=self.member_id, resident_id=self.resident_id,
            name=self.name_edit.text() if free else "",
            sex=self.sex_combo.currentData() if free else None,
            id_number=self.id_edit.text() if free else "",
            mobile=self.mobile_edit.text() if free else "",
            party_status=str(self.status_combo.currentData()),
            home_address=self.address_edit.text(), grid_id=self.grid_combo.currentData(),
            job=self.job_edit.text(), skills=self.skills_edit.text(),
            wished_categories=tuple(code for code, check in self.category_checks.items()
                                    if check.isChecked()),
            report_type=str(self.report_combo.currentData()), note=self.note_edit.text())
        return self._save(draft)


class ReviewReturnDialog(FormDialog):
    """Why a registration is returned (已退回)."""

    def __init__(self, parent: QWidget | None, *, name: str,
                 save: Callable[[str], Any]) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Return registration"))
        self.set_intro(self.tr("The registration of {name} goes back to be completed; "
                               "say what is missing.").format(name=name))
        self._save = save
        self.reason_edit = self.add_row("review_reason", self.tr("Reason"), QLineEdit(self),
                                        required=True)

    def perform(self) -> Any:
        text = " ".join(self.reason_edit.text().split())
        self._save(text)
        return text


class DateNoteDialog(FormDialog):
    """A date and (optionally) a note: leaving (date, note) or re-registering (date)."""

    def __init__(self, parent: QWidget | None, *, title: str, intro: str, day: dt.date,
                 save: Callable[[dt.date, str], Any], note: bool = True) -> None:
        super().__init__(parent, title)
        self.set_intro(intro)
        self._save = save
        self.date_edit = self.add_row("on_date", self.tr("Date"), DateField(self))
        self.date_edit.set_date(day)
        self.note_edit = QLineEdit(self)
        if note:
            self.add_row("note", self.tr("Note"), self.note_edit)
        else:
            self.note_edit.hide()

    def perform(self) -> Any:
        day = self.date_of("on_date", required=True)
        assert day is not None
        self._save(day, self.note_edit.text())
        return day


# --- posts, claims ---------------------------------------------------------------------
class PostDialog(FormDialog):
    def __init__(self, parent: QWidget | None, *, save: Callable[[PostDraft], Any],
                 grids: Grids = (), draft: PostDraft | None = None) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Edit post") if draft else self.tr("New post"))
        self._save = save
        self.name_edit = self.add_row("name", self.tr("Post"), QLineEdit(self), required=True)
        self.category_combo = code_combo(self, rules.POST_CATEGORIES)
        self.add_row("category", self.tr("Category"), self.category_combo)
        self.quota_spin = self.add_row("quota", self.tr("Quota"), QSpinBox(self))
        self.quota_spin.setRange(0, 999)
        self.quota_spin.setValue(draft.quota if draft else 2)
        self.grid_combo = _grid_combo(self, grids, self.tr("(whole community)"))
        self.add_row("grid_id", self.tr("Grid"), self.grid_combo)
        self.description_edit = self.add_row("description", self.tr("Duties"),
                                             plain_text_edit(self))
        if draft is not None:
            self.name_edit.setText(draft.name)
            select_data(self.category_combo, draft.category)
            select_data(self.grid_combo, draft.grid_id)
            self.description_edit.setPlainText(draft.description)

    def perform(self) -> Any:
        from gridoffice.services.inservice import PostDraft

        return self._save(PostDraft(self.name_edit.text(),
                                    str(self.category_combo.currentData()),
                                    self.quota_spin.value(), self.grid_combo.currentData(),
                                    self.description_edit.toPlainText()))


class MemberPickerDialog(FormDialog):
    """Pick one approved, serving member (search by name, pinyin or card code)."""

    def __init__(self, parent: QWidget | None, *, title: str, intro: str,
                 members: Sequence[RegistrationRow], save: Callable[[str, bool], Any],
                 accept_label: str = "") -> None:
        super().__init__(parent, title)
        if intro:
            self.set_intro(intro)
        self._save = save
        self.members = list(members)
        self.search_edit = self.add_row(None, self.tr("Search"), QLineEdit(self))
        self.search_edit.setPlaceholderText(self.tr("Name, pinyin or card code"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _t: self.filter())
        self.results = QListWidget(self)
        self.results.setMinimumHeight(180)
        self.add_row("registration_id", self.tr("Member"), self.results)
        self.accept_check = QCheckBox(accept_label, self)
        if accept_label:
            self.accept_check.setChecked(True)
            self.form.addRow("", self.accept_check)
        else:
            self.accept_check.hide()
        self.results.itemDoubleClicked.connect(lambda _i: self.accept())
        self.filter()

    def filter(self) -> None:
        from gridoffice.domain import search_keys

        text = " ".join(self.search_edit.text().split())
        key = search_keys.query_key(text) if text else ""
        self.results.clear()
        for row in self.members:
            if text and not (text in row.name or text.upper() in row.code
                             or (key and key in search_keys.query_key(row.name))):
                continue
            item = QListWidgetItem(registration_label(row), self.results)
            item.setData(PERSON_ROLE, row.id)
        if self.results.count():
            self.results.setCurrentRow(0)

    def choose(self, registration_id: str) -> bool:
        for i in range(self.results.count()):
            if self.results.item(i).data(PERSON_ROLE) == registration_id:
                self.results.setCurrentRow(i)
                return True
        return False

    def perform(self) -> Any:
        item = self.results.currentItem()
        if item is None:
            raise ValidationError("registration_id", MSG_PICK_MEMBER)
        return self._save(str(item.data(PERSON_ROLE)),
                          self.accept_check.isChecked() or self.accept_check.isHidden())


# --- activities, records ---------------------------------------------------------------
class ActivityDialog(FormDialog):
    """An activity (活动) or a post duty (岗位值守) on one day."""

    def __init__(self, parent: QWidget | None, *, save: Callable[[ActivityDraft], Any],
                 today: dt.date, posts: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("New activity"))
        self._save = save
        self.name_edit = self.add_row("name", self.tr("Name"), QLineEdit(self), required=True)
        self.date_edit = self.add_row("on_date", self.tr("Date"), DateField(self))
        self.date_edit.set_date(today)
        self.kind_combo = code_combo(self, rules.ACTIVITY_KINDS)
        self.add_row("kind", self.tr("Kind"), self.kind_combo)
        self.post_combo = QComboBox(self)
        self.post_combo.addItem(self.tr("(none)"), None)
        for post_id, name in posts:
            self.post_combo.addItem(name, post_id)
        self.add_row("post_id", self.tr("Post"), self.post_combo)
        self.place_edit = self.add_row("place", self.tr("Place"), QLineEdit(self))
        self.organiser_edit = self.add_row("organiser", self.tr("Organiser"), QLineEdit(self))
        self.note_edit = self.add_row("note", self.tr("Note"), QLineEdit(self))

    def perform(self) -> Any:
        from gridoffice.services.inservice import ActivityDraft

        day = self.date_of("on_date", required=True)
        assert day is not None
        return self._save(ActivityDraft(
            self.name_edit.text(), day, str(self.kind_combo.currentData()),
            self.post_combo.currentData(), self.place_edit.text(), self.organiser_edit.text(),
            self.note_edit.text()))


class RecordDialog(FormDialog):
    """A service record entered afterwards, from a paper sign-in sheet."""

    def __init__(self, parent: QWidget | None, *, members: Sequence[RegistrationRow],
                 day: dt.date, content: str, confirmer: str,
                 save: Callable[[str, dt.date, float, str], Any]) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Add service record"))
        self.set_intro(self.tr("From the paper sheet; confirmed by {name}, and it earns "
                               "points as a check-out would.").format(name=confirmer or "—"))
        self._save = save
        self.member_combo = QComboBox(self)
        self.member_combo.setEditable(True)
        self.member_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.member_combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(completer.CompletionMode.PopupCompletion)
        for row in members:
            self.member_combo.addItem(registration_label(row), row.id)
        self.add_row("registration_id", self.tr("Member"), self.member_combo)
        self.date_edit = self.add_row("on_date", self.tr("Date"), DateField(self))
        self.date_edit.set_date(day)
        self.hours_spin = self.add_row("hours", self.tr("Hours"), QDoubleSpinBox(self))
        self.hours_spin.setRange(0, rules.MAX_HOURS_A_DAY)
        self.hours_spin.setSingleStep(0.25)
        self.hours_spin.setDecimals(2)
        self.hours_spin.setValue(2)
        self.content_edit = self.add_row("content", self.tr("Content"),
                                         QLineEdit(content, self))

    def perform(self) -> Any:
        registration_id = self.member_combo.currentData()
        if registration_id is None or self.member_combo.currentText() != \
                self.member_combo.itemText(self.member_combo.currentIndex()):
            raise ValidationError("registration_id", MSG_PICK_MEMBER)
        day = self.date_of("on_date", required=True)
        assert day is not None
        return self._save(str(registration_id), day, self.hours_spin.value(),
                          self.content_edit.text())


# --- points ----------------------------------------------------------------------------
class AddPointsDialog(FormDialog):
    """微心愿, 表彰 or 无故缺席, by the rule in force today."""

    def __init__(self, parent: QWidget | None, *, name: str, point_rules: rules.PointRules,
                 today: dt.date, save: Callable[[str, dt.date, str], Any]) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Add points"))
        self.set_intro(self.tr("Points for {name}, by the rule in force today.").format(
            name=name))
        self._save = save
        self.rules = point_rules
        self.item_combo = QComboBox(self)
        for item in (rules.WISH, rules.AWARD, rules.ABSENCE):
            self.item_combo.addItem(self.tr("{item} ({points:+d})").format(
                item=code_label(rules.POINT_ITEMS, item),
                points=point_rules.points_for(item)), item)
        self.add_row("item", self.tr("Item"), self.item_combo)
        self.date_edit = self.add_row("on_date", self.tr("Date"), DateField(self))
        self.date_edit.set_date(today)
        self.note_edit = self.add_row("note", self.tr("Note"), QLineEdit(self))
        self.note_edit.setPlaceholderText(self.tr("e.g. which wish, which award"))

    def perform(self) -> Any:
        day = self.date_of("on_date", required=True)
        assert day is not None
        return self._save(str(self.item_combo.currentData()), day, self.note_edit.text())


class CorrectDialog(FormDialog):
    """A correction: a new entry of + or − points with a reason; the original stays."""

    def __init__(self, parent: QWidget | None, *, entry: EntryRow,
                 save: Callable[[int, str], Any]) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Correct points"))
        self.set_intro(self.tr("{date} {item}: {points:+d}. The entry stays in the ledger; "
                               "the correction is added as its own line.").format(
            date=entry.on_date.isoformat(), item=code_label(rules.POINT_ITEMS, entry.item),
            points=entry.points))
        self._save = save
        self.points_spin = self.add_row("points", self.tr("Points"), QSpinBox(self))
        self.points_spin.setRange(-999, 999)
        self.points_spin.setValue(-entry.points)
        self.points_spin.setPrefix("")
        self.reason_edit = self.add_row("note", self.tr("Reason"), QLineEdit(self),
                                        required=True)

    def perform(self) -> Any:
        return self._save(self.points_spin.value(), self.reason_edit.text())


class PointRulesDialog(FormDialog):
    """The points rules (settings of this PC)."""

    FIELDS = ("first_registration", "activity", "duty_per_hour", "wish", "award", "absence",
              "pass_mark", "excellent", "hours_target", "reregister_months", "notice_days")

    def __init__(self, parent: QWidget | None, *, value: rules.PointRules,
                 save: Callable[[rules.PointRules], Any]) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Point rules"))
        self.set_intro(self.tr("New entries use these values. Entries already made keep "
                               "the rule they were made under, so changing a rule never "
                               "rewrites past points."))
        self._save = save
        labels = {
            "first_registration": self.tr("First registration"),
            "activity": self.tr("Per activity"),
            "duty_per_hour": self.tr("Post duty, per hour"),
            "wish": self.tr("Small wish"),
            "award": self.tr("Award"),
            "absence": self.tr("Unexcused absence"),
            "pass_mark": self.tr("Pass mark (a year)"),
            "excellent": self.tr("Excellent from"),
            "hours_target": self.tr("Service hours a year"),
            "reregister_months": self.tr("Re-register every (months)"),
            "notice_days": self.tr("Public notice (working days)"),
        }
        self.spins: dict[str, QSpinBox] = {}
        for name in self.FIELDS:
            spin = QSpinBox(self)
            spin.setRange(-100 if name == "absence" else 0, 1000)
            spin.setValue(int(getattr(value, name)))
            self.spins[name] = self.add_row(name, labels[name], spin)
        self.phone_edit = self.add_row("supervision_phone", self.tr("Supervision phone"),
                                       QLineEdit(value.supervision_phone, self))

    def perform(self) -> Any:
        value = rules.PointRules(**{name: spin.value() for name, spin in self.spins.items()},
                                 supervision_phone=self.phone_edit.text().strip())
        self._save(value)
        return value
