"""The forms of the co-building tab: a resident's need, a step of an order (assign,
send up, dispatch, return, claim, progress, complete, rate, close), a resource, a
service or project, a department, a unit's co-building agreement, and one side of
a unit's two-way review. Each saves through the callable it is given (a service
call): a refusal shows in red under the form, which stays open."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QWidget,
)

from gridoffice.domain import cobuild
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.ui.dialogs.form import FormDialog
from gridoffice.ui.dialogs.resident_dialogs import code_combo, select_data
from gridoffice.ui.labels import code_label
from gridoffice.ui.widgets.date_field import DateField
from gridoffice.ui.widgets.inputs import plain_text_edit, search_while_typing

if TYPE_CHECKING:
    from gridoffice.services.cobuild import (
        DepartmentDraft,
        Match,
        OrderDraft,
        ProjectDraft,
        ResourceDraft,
        ReviewBasis,
        StepDraft,
    )
    from gridoffice.services.inservice import WorkUnitDraft

Choices = Sequence[tuple[str, str]]  # (id, label)
Found = tuple[str, str, str | None, str]  # (resident id, name, grid id, detail)


def _choices_combo(parent: QWidget, choices: Choices, empty: str | None = None) -> QComboBox:
    combo = QComboBox(parent)
    if empty is not None:
        combo.addItem(empty, None)
    for value, label in choices:
        combo.addItem(label, value)
    return combo


def _text(edit: QLineEdit) -> str | None:
    return edit.text().strip() or None


class OrderDialog(FormDialog):
    """A resident's need (居民点单): who (a resident found on file, or a name typed),
    the grid, what is needed, how urgent, where it was heard."""

    def __init__(self, parent: QWidget | None, *, save: Callable[[OrderDraft], Any],
                 grids: Choices, projects: Choices, find: Callable[[str], list[Found]],
                 today: dt.date, draft: OrderDraft | None = None,
                 sources: Callable[[str, str | None], list[tuple[str, str, str]]]
                 | None = None) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Correct the need") if draft else self.tr("Record a need"))
        self._save = save
        self._find = find
        self._draft = draft
        self._sources = sources
        self.resident_id: str | None = draft.resident_id if draft else None
        self.person_edit = QLineEdit(self)
        self.person_edit.setPlaceholderText(self.tr("Type a name, or find the resident"))
        self.person_edit.textEdited.connect(lambda _t: self._unlink())
        self.find_button = QPushButton(self.tr("Find resident…"), self)
        self.find_button.clicked.connect(self.find_resident)
        person = QWidget(self)
        row = QHBoxLayout(person)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.person_edit, 1)
        row.addWidget(self.find_button)
        self.add_row("person_name", self.tr("Resident"), person)
        self.register_field("resident_id", self.tr("Resident"), self.person_edit)
        self.linked_label = QLabel(self)
        self.form.addRow("", self.linked_label)
        self.grid_combo = _choices_combo(self, grids, self.tr("(not in a grid)"))
        self.add_row("grid_id", self.tr("Grid"), self.grid_combo)
        self.category_combo = code_combo(self, cobuild.CATEGORIES)
        self.add_row("category", self.tr("Category"), self.category_combo)
        self.description_edit = plain_text_edit(self, height=80)
        self.add_row("description", self.tr("Need"), self.description_edit)
        self.urgency_combo = code_combo(self, cobuild.URGENCIES)
        select_data(self.urgency_combo, cobuild.NORMAL)
        self.add_row("urgency", self.tr("Urgency"), self.urgency_combo)
        self.plan_edit = DateField(self)
        self.add_row("plan_date", self.tr("Plan date"), self.plan_edit)
        self.source_combo = code_combo(self, cobuild.SOURCES)
        self.add_row("source", self.tr("Source"), self.source_combo)
        self.link_combo = QComboBox(self)
        self.add_row(None, self.tr("Raised in"), self.link_combo)
        self.raised_edit = DateField(self)
        self.raised_edit.set_date(today)
        self.add_row("raised_on", self.tr("Recorded on"), self.raised_edit, required=True)
        self.address_edit = self.add_row("address", self.tr("Address"), QLineEdit(self))
        self.address_edit.setPlaceholderText(self.tr("From the resident's record when empty"))
        self.phone_edit = self.add_row("mobile", self.tr("Phone"), QLineEdit(self))
        self.consent_check = QCheckBox(self.tr("The resident agrees the unit may call them"),
                                       self)
        self.form.addRow("", self.consent_check)
        self.project_combo = _choices_combo(self, projects, self.tr("(none)"))
        self.add_row("project_id", self.tr("Service or project"), self.project_combo)
        self.note_edit = self.add_row("note", self.tr("Note"), QLineEdit(self))
        self.urgency_combo.currentIndexChanged.connect(lambda _i: self._urgency_changed())
        self.source_combo.currentIndexChanged.connect(lambda _i: self._fill_links())
        if draft is not None:
            self.person_edit.setText(draft.person_name)
            select_data(self.grid_combo, draft.grid_id)
            select_data(self.category_combo, draft.category)
            self.description_edit.setPlainText(draft.description)
            select_data(self.urgency_combo, draft.urgency)
            self.plan_edit.set_date(draft.plan_date)
            select_data(self.source_combo, draft.source)
            self.raised_edit.set_date(draft.raised_on)
            self.address_edit.setText(draft.address or "")
            self.phone_edit.setText(draft.phone or "")
            self.consent_check.setChecked(draft.phone_consent)
            select_data(self.project_combo, draft.project_id)
            self.note_edit.setText(draft.note or "")
        self._show_link()
        self._urgency_changed()
        self._fill_links(draft.source_id if draft else None)
        self.setMinimumWidth(520)

    def _fill_links(self, keep: str | None = None) -> None:
        """The council agenda items or the resident's visits the need may link back to."""
        keep = keep or self.link_combo.currentData()
        self.link_combo.clear()
        self.link_combo.addItem(self.tr("(not linked)"), None)
        source = str(self.source_combo.currentData())
        for table, row_id, label in (self._sources(source, self.resident_id)
                                     if self._sources else []):
            self.link_combo.addItem(label, (table, row_id))
        index = next((i for i in range(self.link_combo.count())
                      if (self.link_combo.itemData(i) or (None, None))[1] == keep), 0)
        self.link_combo.setCurrentIndex(index)
        self.link_combo.setEnabled(self.link_combo.count() > 1)

    def _urgency_changed(self) -> None:
        self.plan_edit.setEnabled(self.urgency_combo.currentData() == cobuild.LONG_TERM)

    def _unlink(self) -> None:
        if self.resident_id is not None:
            self.resident_id = None
            self._fill_links()
        self._show_link()

    def _show_link(self) -> None:
        self.linked_label.setText(self.tr("Linked to the resident's record.")
                                  if self.resident_id else "")

    def find_resident(self) -> None:
        found = ResidentPickerDialog(self, self._find, self.person_edit.text()).ask_result()
        if found is None:
            return
        resident_id, name, grid_id, _detail = found
        self.person_edit.setText(name)
        self.resident_id = resident_id
        if grid_id:
            select_data(self.grid_combo, grid_id)
        self._show_link()
        self._fill_links()

    def perform(self) -> Any:
        from gridoffice.services.cobuild import OrderDraft

        plan = (self.date_of("plan_date")
                if self.urgency_combo.currentData() == cobuild.LONG_TERM else None)
        link = self.link_combo.currentData()
        draft = OrderDraft(
            category=str(self.category_combo.currentData()),
            description=self.description_edit.toPlainText(),
            source=str(self.source_combo.currentData()),
            urgency=str(self.urgency_combo.currentData()),
            raised_on=self.date_of("raised_on", required=True),
            resident_id=self.resident_id, person_name=self.person_edit.text(),
            grid_id=self.grid_combo.currentData(), address=_text(self.address_edit),
            phone=_text(self.phone_edit), phone_consent=self.consent_check.isChecked(),
            plan_date=plan,
            source_table=link[0] if link else None, source_id=link[1] if link else None,
            project_id=self.project_combo.currentData(), note=_text(self.note_edit))
        return self._save(draft)


class ResidentPickerDialog(FormDialog):
    """Find a resident on file by name or pinyin (a grid worker: in their grids)."""

    def __init__(self, parent: QWidget | None, find: Callable[[str], list[Found]],
                 text: str = "") -> None:
        super().__init__(parent, self.tr("Find resident"))
        self._find = find
        self.search_edit = self.add_row(None, self.tr("Search"), QLineEdit(text, self))
        self.search_edit.setPlaceholderText(self.tr("Name or pinyin"))
        self.search_edit.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setMinimumHeight(200)
        self.add_row("resident", self.tr("Resident"), self.results)
        self.results.itemDoubleClicked.connect(lambda _i: self.accept())
        search_while_typing(self, self.search_edit, self.search, 250)
        self.search()

    def search(self) -> None:
        self.results.clear()
        for found in self._find(self.search_edit.text()):
            item = QListWidgetItem(f"{found[1]}　{found[3]}")
            item.setData(256, found)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def perform(self) -> Any:
        item = self.results.currentItem()
        if item is None:
            from gridoffice.errors import ValidationError
            from gridoffice.services.cobuild.model import MSG_PERSON

            raise ValidationError("resident", MSG_PERSON)
        return item.data(256)


class StepDialog(FormDialog):
    """One step of an order; the fields follow the step: whom it goes to (with the
    resources that match, best first), the deadline, the reason or result, the
    resident's rating."""

    TITLES = {
        cobuild.ASSIGN: QT_TRANSLATE_NOOP("StepDialog", "Assign to our resources"),
        cobuild.SEND_UP: QT_TRANSLATE_NOOP("StepDialog", "Send up to the street"),
        cobuild.DISPATCH: QT_TRANSLATE_NOOP("StepDialog", "Dispatch"),
        cobuild.RETURN: QT_TRANSLATE_NOOP("StepDialog", "Return to the community"),
        cobuild.CLAIM: QT_TRANSLATE_NOOP("StepDialog", "The unit claimed it"),
        cobuild.PROGRESS: QT_TRANSLATE_NOOP("StepDialog", "Record progress"),
        cobuild.COMPLETE: QT_TRANSLATE_NOOP("StepDialog", "Record completion"),
        cobuild.RATE: QT_TRANSLATE_NOOP("StepDialog", "Resident's rating"),
        cobuild.CLOSE: QT_TRANSLATE_NOOP("StepDialog", "Close the order"),
    }

    def __init__(self, parent: QWidget | None, kind: str, *, order_text: str,
                 save: Callable[[StepDraft], Any], today: dt.date,
                 assignees: dict[str, Choices] | None = None,
                 matches: Sequence[Match] = ()) -> None:
        super().__init__(parent, "")
        self.kind = kind
        self._save = save
        self.setWindowTitle(QCoreApplication.translate("StepDialog", self.TITLES[kind]))
        self.set_intro(order_text)
        self.assignees = assignees or {}
        self.kind_combo = QComboBox(self)
        self.who_combo = QComboBox(self)
        self.deadline_edit = DateField(self)
        self.rating_combo = QComboBox(self)
        if kind in (cobuild.ASSIGN, cobuild.DISPATCH):
            for code in self.assignees:
                self.kind_combo.addItem(code_label(cobuild.ASSIGNEES, code), code)
            self.add_row(None, self.tr("Kind"), self.kind_combo)
            self.add_row("assignee", self.tr("Give to"), self.who_combo)
            self.kind_combo.currentIndexChanged.connect(lambda _i: self._fill_who())
            self._fill_who()
            if matches:
                self.matches_label = QLabel(self._matches_text(matches), self)
                self.matches_label.setWordWrap(True)
                self.form.addRow(self.tr("Matching resources:"), self.matches_label)
                self._pick_match(matches[0])
            self.add_row("deadline", self.tr("Deadline"), self.deadline_edit)
            self.deadline_edit.setPlaceholderText(self.tr("By the urgency when empty"))
        if kind == cobuild.RATE:
            for value, label in ((5, self.tr("5 very satisfied")), (4, self.tr("4 satisfied")),
                                 (3, self.tr("3 fairly satisfied")),
                                 (2, self.tr("2 not satisfied")),
                                 (1, self.tr("1 very dissatisfied"))):
                self.rating_combo.addItem(label, value)
            self.add_row("rating", self.tr("Rating"), self.rating_combo)
        labels = {cobuild.SEND_UP: self.tr("Why"), cobuild.RETURN: self.tr("Reason"),
                  cobuild.CLOSE: self.tr("Reason"), cobuild.PROGRESS: self.tr("Progress"),
                  cobuild.COMPLETE: self.tr("Result"), cobuild.RATE: self.tr("Remark")}
        self.text_edit = plain_text_edit(self, height=70)
        self.add_row("text", labels.get(kind, self.tr("Note")), self.text_edit)
        for key in ("reason", "result", "progress"):
            self.register_field(key, labels.get(kind, ""), self.text_edit)
        for unused in (self.kind_combo, self.who_combo, self.deadline_edit, self.rating_combo):
            if self.form.indexOf(unused) < 0:  # not a field of this step
                unused.hide()
        self.day_edit = DateField(self)
        self.day_edit.set_date(today)
        self.add_row("day", self.tr("On"), self.day_edit, required=True)
        self.register_field("step", self.tr("On"), self.day_edit)
        self.setMinimumWidth(500)

    def _fill_who(self) -> None:
        self.who_combo.clear()
        for value, label in self.assignees.get(str(self.kind_combo.currentData()), ()):
            self.who_combo.addItem(label, value)

    def _matches_text(self, matches: Sequence[Match]) -> str:
        lines = [f"{m.resource.provider_name}：{m.resource.title}"
                 + (self.tr(" (same grid)") if m.same_grid else "")
                 for m in matches[:5] if m.current]
        return "\n".join(lines) or self.tr("none offered now")

    def _pick_match(self, match: Match) -> None:
        """Preselect the best match's provider when it can be given the order."""
        r = match.resource
        target = (cobuild.UNIT, r.unit_id) if r.unit_id else (cobuild.MEMBER, r.registration_id)
        if target[1] and self.kind_combo.findData(target[0]) >= 0:
            select_data(self.kind_combo, target[0])
            select_data(self.who_combo, target[1])

    def perform(self) -> Any:
        from gridoffice.services.cobuild import StepDraft

        day = self.date_of("day", required=True)
        assert day is not None
        now = dt.datetime.now()
        at = dt.datetime.combine(day, now.time().replace(microsecond=0))
        choosing = self.kind in (cobuild.ASSIGN, cobuild.DISPATCH)
        return self._save(StepDraft(
            self.kind, assignee_kind=self.kind_combo.currentData() if choosing else None,
            assignee_id=self.who_combo.currentData() if choosing else None,
            deadline=self.date_of("deadline") if choosing else None,
            text=self.text_edit.toPlainText(),
            rating=self.rating_combo.currentData() if self.kind == cobuild.RATE else None,
            at=at))


class ResourceDialog(FormDialog):
    """What a unit, an in-service member, an organisation or a volunteer offers."""

    def __init__(self, parent: QWidget | None, *, save: Callable[[ResourceDraft], Any],
                 units: Choices, members: Choices, grids: Choices,
                 draft: ResourceDraft | None = None) -> None:
        from gridoffice.services.cobuild import PROVIDERS

        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Edit resource") if draft else self.tr("New resource"))
        self._save = save
        self.kind_combo = code_combo(self, PROVIDERS)
        self.add_row("provider_kind", self.tr("Offered by"), self.kind_combo)
        self.unit_combo = _choices_combo(self, units)
        self.add_row("unit_id", self.tr("Unit"), self.unit_combo)
        self.member_combo = _choices_combo(self, members)
        self.add_row("registration_id", self.tr("In-service member"), self.member_combo)
        self.provider_edit = self.add_row("provider_name", self.tr("Provider"), QLineEdit(self))
        self.category_combo = code_combo(self, cobuild.CATEGORIES)
        self.add_row("category", self.tr("Category"), self.category_combo)
        self.title_edit = self.add_row("title", self.tr("What is offered"), QLineEdit(self),
                                       required=True)
        self.detail_edit = self.add_row("detail", self.tr("Details"), plain_text_edit(self))
        self.capacity_edit = self.add_row("capacity", self.tr("Capacity"), QLineEdit(self))
        self.available_edit = self.add_row("available", self.tr("When available"),
                                           QLineEdit(self))
        self.contact_edit = self.add_row("contact", self.tr("Contact"), QLineEdit(self))
        self.phone_edit = self.add_row("mobile", self.tr("Phone"), QLineEdit(self))
        self.grid_combo = _choices_combo(self, grids, self.tr("(whole community)"))
        self.add_row("grid_id", self.tr("Grid"), self.grid_combo)
        self.from_edit = self.add_row("from_date", self.tr("From"), DateField(self))
        self.to_edit = self.add_row("dates", self.tr("Until"), DateField(self))
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        if draft is not None:
            select_data(self.kind_combo, draft.provider_kind)
            select_data(self.unit_combo, draft.unit_id)
            select_data(self.member_combo, draft.registration_id)
            self.provider_edit.setText(draft.provider_name)
            select_data(self.category_combo, draft.category)
            self.title_edit.setText(draft.title)
            self.detail_edit.setPlainText(draft.detail)
            self.capacity_edit.setText(draft.capacity or "")
            self.available_edit.setText(draft.available or "")
            self.contact_edit.setText(draft.contact or "")
            self.phone_edit.setText(draft.phone or "")
            select_data(self.grid_combo, draft.grid_id)
            self.from_edit.set_date(draft.from_date)
            self.to_edit.set_date(draft.to_date)
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind_combo.currentData()
        self.unit_combo.setEnabled(kind == "unit")
        self.member_combo.setEnabled(kind == "member")
        self.provider_edit.setEnabled(kind not in ("unit", "member"))

    def perform(self) -> Any:
        from gridoffice.services.cobuild import ResourceDraft

        kind = str(self.kind_combo.currentData())
        return self._save(ResourceDraft(
            kind, str(self.category_combo.currentData()), self.title_edit.text(),
            unit_id=self.unit_combo.currentData() if kind == "unit" else None,
            registration_id=self.member_combo.currentData() if kind == "member" else None,
            provider_name=self.provider_edit.text(), detail=self.detail_edit.toPlainText(),
            capacity=_text(self.capacity_edit), available=_text(self.available_edit),
            contact=_text(self.contact_edit), phone=_text(self.phone_edit),
            grid_id=self.grid_combo.currentData(), from_date=self.date_of("from_date"),
            to_date=self.date_of("dates")))


class ProjectDialog(FormDialog):
    """A service or project of the 服务清单."""

    def __init__(self, parent: QWidget | None, *, save: Callable[[ProjectDraft], Any],
                 units: Choices, draft: ProjectDraft | None = None) -> None:
        from gridoffice.services.cobuild import PROJECT_STATUSES

        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Edit service or project") if draft
                            else self.tr("New service or project"))
        self._save = save
        self.name_edit = self.add_row("name", self.tr("Name"), QLineEdit(self), required=True)
        self.category_combo = code_combo(self, cobuild.CATEGORIES)
        self.add_row("category", self.tr("Category"), self.category_combo)
        self.content_edit = self.add_row("content", self.tr("Content"), plain_text_edit(self))
        self.standard_edit = self.add_row("standard", self.tr("Standard"),
                                          plain_text_edit(self, height=50))
        self.unit_combo = _choices_combo(self, units, self.tr("(the community)"))
        self.add_row("unit_id", self.tr("Unit responsible"), self.unit_combo)
        self.responsible_edit = self.add_row("responsible", self.tr("Person responsible"),
                                             QLineEdit(self))
        self.phone_edit = self.add_row("mobile", self.tr("Phone"), QLineEdit(self))
        self.start_edit = self.add_row("start_date", self.tr("From"), DateField(self))
        self.end_edit = self.add_row("dates", self.tr("To"), DateField(self))
        self.status_combo = code_combo(self, PROJECT_STATUSES)
        self.add_row("status", self.tr("Status"), self.status_combo)
        if draft is not None:
            self.name_edit.setText(draft.name)
            select_data(self.category_combo, draft.category)
            self.content_edit.setPlainText(draft.content)
            self.standard_edit.setPlainText(draft.standard)
            select_data(self.unit_combo, draft.unit_id)
            self.responsible_edit.setText(draft.responsible or "")
            self.phone_edit.setText(draft.phone or "")
            self.start_edit.set_date(draft.start_date)
            self.end_edit.set_date(draft.end_date)
            select_data(self.status_combo, draft.status)

    def perform(self) -> Any:
        from gridoffice.services.cobuild import ProjectDraft

        return self._save(ProjectDraft(
            self.name_edit.text(), str(self.category_combo.currentData()),
            self.content_edit.toPlainText(), self.standard_edit.toPlainText(),
            self.unit_combo.currentData(), _text(self.responsible_edit),
            _text(self.phone_edit), self.date_of("start_date"), self.date_of("dates"),
            str(self.status_combo.currentData())))


class DepartmentDialog(FormDialog):
    """A department the street dispatches orders to."""

    def __init__(self, parent: QWidget | None, *, save: Callable[[DepartmentDraft], Any],
                 draft: DepartmentDraft | None = None) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Edit department") if draft else self.tr("New department"))
        self._save = save
        self.name_edit = self.add_row("name", self.tr("Name"), QLineEdit(self), required=True)
        self.contact_edit = self.add_row("contact", self.tr("Contact"), QLineEdit(self))
        self.phone_edit = self.add_row("mobile", self.tr("Phone"), QLineEdit(self))
        self.note_edit = self.add_row("note", self.tr("Note"), QLineEdit(self))
        if draft is not None:
            self.name_edit.setText(draft.name)
            self.contact_edit.setText(draft.contact or "")
            self.phone_edit.setText(draft.phone or "")
            self.note_edit.setText(draft.note or "")

    def perform(self) -> Any:
        from gridoffice.services.cobuild import DepartmentDraft

        return self._save(DepartmentDraft(self.name_edit.text(), _text(self.contact_edit),
                                          _text(self.phone_edit), _text(self.note_edit)))


class AgreementDialog(FormDialog):
    """A unit's co-building agreement (共建协议): signed, in force until, content."""

    def __init__(self, parent: QWidget | None, *, unit: str, draft: WorkUnitDraft,
                 save: Callable[[WorkUnitDraft], Any]) -> None:
        super().__init__(parent, self.tr("Co-building agreement of {unit}").format(unit=unit))
        self._save = save
        self._draft = draft
        self.signed_edit = self.add_row("agreement_signed", self.tr("Signed on"), DateField(self))
        self.until_edit = self.add_row("agreement_until", self.tr("In force until"),
                                       DateField(self))
        self.until_edit.setPlaceholderText(self.tr("Empty: no end date"))
        self.content_edit = self.add_row("agreement_content", self.tr("Content"),
                                         plain_text_edit(self, height=120))
        self.signed_edit.set_date(draft.agreement_signed)
        self.until_edit.set_date(draft.agreement_until)
        self.content_edit.setPlainText(draft.agreement_content or "")
        self.setMinimumWidth(520)

    def perform(self) -> Any:
        import dataclasses

        return self._save(dataclasses.replace(
            self._draft, agreement_signed=self.date_of("agreement_signed"),
            agreement_until=self.date_of("agreement_until"),
            agreement_content=self.content_edit.toPlainText()))


class ReviewDialog(FormDialog):
    """One side of a unit's review: the four scores (0–25) and a remark. The
    community's side starts from the scores the year's records suggest."""

    def __init__(self, parent: QWidget | None, *, basis: ReviewBasis, direction: str,
                 measures: Sequence[str], scores: Sequence[int], remark: str,
                 save: Callable[[tuple[int, int, int, int], str], Any]) -> None:
        from gridoffice.services.cobuild import OF_UNIT

        title = (self.tr("Our review of {unit}") if direction == OF_UNIT
                 else self.tr("{unit}'s review of the community (from its returned form)"))
        super().__init__(parent, title.format(unit=basis.unit_name))
        self._save = save
        if direction == OF_UNIT:
            rating = (f"{basis.rating:.1f}" if basis.rating is not None else self.tr("none"))
            self.set_intro(self.tr(
                "The year's records: agreement {agreement}; {members} in-service members, "
                "{points} points each on average; {completed} of {orders} orders completed; "
                "residents' rating {rating}. The scores start from what they suggest."
            ).format(agreement=self.tr("in force") if basis.agreement else self.tr("none"),
                     members=basis.members, points=f"{basis.points:g}",
                     completed=basis.completed, orders=basis.orders, rating=rating))
        self.spins: list[QSpinBox] = []
        for index, label in enumerate(measures):
            spin = QSpinBox(self)
            spin.setRange(0, 25)
            spin.setSuffix(self.tr(" of 25"))
            spin.setValue(scores[index])
            self.spins.append(spin)
            self.add_row(f"score{index + 1}", label, spin)
        self.total_label = QLabel(self)
        self.form.addRow(self.tr("Total:"), self.total_label)
        for spin in self.spins:
            spin.valueChanged.connect(lambda _v: self._total())
        self.remark_edit = self.add_row("remark", self.tr("Remark"), plain_text_edit(self))
        self.remark_edit.setPlainText(remark)
        self._total()

    def _total(self) -> None:
        self.total_label.setText(str(sum(s.value() for s in self.spins)))

    def perform(self) -> Any:
        values = tuple(s.value() for s in self.spins)
        return self._save((values[0], values[1], values[2], values[3]),
                          self.remark_edit.toPlainText())
