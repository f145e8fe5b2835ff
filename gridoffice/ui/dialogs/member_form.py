"""The form of one party member (add, edit, transfer in): every field of the roster.

Groups: identity; party membership; category and flags; organisation and work;
mobile member (shown for 流动党员 only). Typing an ID number fills the birth
date and sex. On OK the draft is checked by the service first: a
ValidationError appears inline and focuses its field; possible duplicates
(same name and birth date) are listed with a button to open the existing
record, and OK becomes "Save anyway".

Privacy: when editing, the ID number and phone are shown masked and read-only
until the user chooses "Show full ID number", which calls ``reveal`` (the
service writes that to the audit log). Until then the stored values are sent
back unchanged. Without a ``reveal`` hook (a role that may not reveal) the
button is not offered and the values stay masked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain import identity, masking, party
from gridoffice.domain.codes import (
    DEGREE,
    EDUCATION,
    ETHNICITY,
    ID_TYPES,
    MEMBER_CATEGORY,
    MEMBER_STATUS,
    CodeTable,
)
from gridoffice.ui.dialogs.form import FormDialog, KeepOpen
from gridoffice.ui.labels import code_label, date_text
from gridoffice.ui.widgets.date_field import DateField
from gridoffice.ui.widgets.id_fill import fill_from_id
from gridoffice.ui.widgets.org_picker import OrgPicker

if TYPE_CHECKING:
    from gridoffice.services.orgs import OrgNode
    from gridoffice.services.roster import Checked, MemberDraft, Warning_

WARNING_STYLE = ("QFrame#duplicateWarning { background: #fff3cd; color: #664d03;"
                 " border: 1px solid #ffe69c; border-radius: 3px; }")
HINT_STYLE = "color: palette(mid);"
BAD_HINT_STYLE = "color: #c62828;"
EXTENSIONS = (6, 7, 8, 9, 10, 11, 12)


@dataclass
class MemberFormHooks:
    """What the form needs from the roster (service calls, passed in by the tab)."""

    submit: Callable[[MemberDraft], Any]  # add / update / transfer in; the result
    check: Callable[[MemberDraft], Checked] | None = None  # validate, get warnings
    #: full ID, phone; None: the account may not reveal, the button is not offered
    reveal: Callable[[], tuple[str | None, str | None]] | None = None
    open_member: Callable[[str], None] | None = None  # show an existing record
    #: transfer in (组织关系转入) instead of submit: (draft, from, in date, dues paid up to)
    transfer_in: Callable[[MemberDraft, str, dt.date, dt.date | None], Any] | None = None


def _fill(combo: QComboBox, table: CodeTable, *, empty: str | None = None,
          codes: Sequence[str] | None = None) -> None:
    if empty is not None:
        combo.addItem(empty, None)
    for code in table:
        if codes is None or code.code in codes:
            combo.addItem(code_label(table, code.code), code.code)


def _select(combo: QComboBox, value: Any) -> None:
    row = combo.findData(value)
    combo.setCurrentIndex(row if row >= 0 else 0)


def _text(edit: QLineEdit) -> str | None:
    value = " ".join(edit.text().split())
    return value or None


class MemberFormDialog(FormDialog):
    """Add or edit a member; ``hooks.submit(draft)`` saves (a service call)."""

    def __init__(self, parent: QWidget | None, title: str, *, orgs: Sequence[OrgNode],
                 hooks: MemberFormHooks, today: dt.date,
                 rules: party.PartyRules | None = None,
                 draft: MemberDraft | None = None,
                 masked: tuple[str | None, str | None] | None = None,
                 default_org: str | None = None) -> None:
        super().__init__(parent, title)
        self.hooks = hooks
        self.today = today
        self.rules = rules or party.PartyRules()
        self._acknowledged: set[str] = set()
        self._revealed = masked is None
        self._stored_id = draft.id_number if draft else ""
        self._stored_mobile = draft.mobile if draft else ""
        self._auto_filled = False
        self.shown_warnings: list[Warning_] = []
        self.warning_buttons: list[QPushButton] = []
        self.ok_button().setText(self.tr("Save"))

        content = QWidget(self)
        grid = QGridLayout(content)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        if hooks.transfer_in is not None:
            grid.addWidget(self._transfer_group(), 0, 0, 1, 2)
        left, right = QVBoxLayout(), QVBoxLayout()
        grid.addLayout(left, 1, 0)
        grid.addLayout(right, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self._build_identity(left)
        self._build_party(left)
        left.addStretch(1)
        self._build_category(right)
        self._build_placement(right, orgs, draft)
        self._build_mobile(right)
        right.addStretch(1)
        self._build_scroll(content)
        self._connect_live_help()
        self._show_draft(draft, masked, default_org)
        self._update_party()
        self._update_category()
        self.setMinimumWidth(900)
        self._fit_to_screen()

    def _build_identity(self, column: QVBoxLayout) -> None:
        """Name, ID number (masked until revealed), sex, birth date, origin, schooling, phone."""
        box, form = self._group(self.tr("Identity"))
        column.addWidget(box)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(identity.NAME_MAX_LENGTH + 10)
        self.add_row("name", self.tr("Name"), self.name_edit, required=True, form=form)
        self.former_name_edit = QLineEdit(self)
        self.add_row("former_name", self.tr("Former name"), self.former_name_edit, form=form)
        self.id_type_combo = QComboBox(self)
        _fill(self.id_type_combo, ID_TYPES)
        self.add_row("id_type", self.tr("ID type"), self.id_type_combo, form=form)
        self.id_edit = QLineEdit(self)
        self.id_edit.setMaxLength(30)
        self.id_edit.setPlaceholderText(self.tr("18 characters; the birth date and sex follow"))
        self.reveal_button = QPushButton(self.tr("Show full ID number"), self)
        self.reveal_button.setToolTip(self.tr(
            "Shows the full ID number and phone. Each viewing is recorded in the audit log."))
        self.reveal_button.setAutoDefault(False)
        self.reveal_button.clicked.connect(self.reveal_identity)
        id_row = QWidget(self)
        id_layout = QHBoxLayout(id_row)
        id_layout.setContentsMargins(0, 0, 0, 0)
        id_layout.addWidget(self.id_edit, 1)
        id_layout.addWidget(self.reveal_button)
        self.add_row(None, self.tr("ID number"), id_row, form=form)
        self.register_field("id_number", self.tr("ID number"), self.id_edit)
        self.id_hint = QLabel(self)
        self.id_hint.setWordWrap(True)
        self.id_hint.setStyleSheet(HINT_STYLE)
        self.id_hint.hide()
        form.addRow("", self.id_hint)
        self.sex_combo = QComboBox(self)
        self.sex_combo.addItem("—", "")
        self.sex_combo.addItem(self.tr("Male"), "1")
        self.sex_combo.addItem(self.tr("Female"), "2")
        self.add_row("sex", self.tr("Sex"), self.sex_combo, form=form)
        self.birth_edit = DateField(self)
        self.add_row("birth_date", self.tr("Birth date"), self.birth_edit, form=form)
        self.ethnicity_combo = QComboBox(self)
        _fill(self.ethnicity_combo, ETHNICITY, empty="—")
        self.ethnicity_combo.setMaxVisibleItems(20)
        self.add_row("ethnicity", self.tr("Ethnicity"), self.ethnicity_combo, form=form)
        self.native_place_edit = QLineEdit(self)
        self.native_place_edit.setPlaceholderText(self.tr("e.g. 山东省济南市"))
        self.add_row("native_place", self.tr("Native place"), self.native_place_edit, form=form)
        self.education_combo = QComboBox(self)
        _fill(self.education_combo, EDUCATION, empty="—")
        self.add_row("education", self.tr("Education"), self.education_combo, form=form)
        self.degree_combo = QComboBox(self)
        _fill(self.degree_combo, DEGREE, empty="—")
        self.add_row("degree", self.tr("Degree"), self.degree_combo, form=form)
        self.mobile_edit = QLineEdit(self)
        self.mobile_edit.setPlaceholderText(self.tr("Mobile, landline, or 无"))
        self.add_row("mobile", self.tr("Phone"), self.mobile_edit, form=form)

    def _build_party(self, column: QVBoxLayout) -> None:
        """Join date, membership, probation extension, full member since, party post."""
        box, form = self._group(self.tr("Party membership"))
        column.addWidget(box)
        self.join_edit = DateField(self)
        self.add_row("join_date", self.tr("Join date"), self.join_edit, form=form)
        self.status_combo = QComboBox(self)
        _fill(self.status_combo, MEMBER_STATUS)
        self.add_row("status", self.tr("Membership"), self.status_combo, form=form)
        self.extension_combo = QComboBox(self)
        self.extension_combo.addItem(self.tr("Not extended"), 0)
        for months in EXTENSIONS:
            self.extension_combo.addItem(self.tr("%n month(s)", "", months), months)
        self.add_row("probation_extension_months", self.tr("Probation extended by"),
                     self.extension_combo, form=form)
        self.full_edit = DateField(self)
        self.add_row("full_date", self.tr("Full member since"), self.full_edit, form=form)
        self.due_hint = QLabel(self)
        self.due_hint.setStyleSheet(HINT_STYLE)
        form.addRow("", self.due_hint)
        self.party_post_edit = QLineEdit(self)
        self.party_post_edit.setPlaceholderText(self.tr("e.g. 支部委员、党小组长"))
        self.add_row("party_post", self.tr("Party post"), self.party_post_edit, form=form)

    def _build_category(self, column: QVBoxLayout) -> None:
        """Category, the hardship and centre-household flags, the star rating."""
        box, form = self._group(self.tr("Category"))
        column.addWidget(box)
        self.category_combo = QComboBox(self)
        _fill(self.category_combo, MEMBER_CATEGORY)
        self.add_row("category", self.tr("Category"), self.category_combo, form=form)
        self.hardship_check = QCheckBox(self.tr("Member in hardship (困难党员)"), self)
        self.center_check = QCheckBox(self.tr("Party member centre household"), self)
        flags = QWidget(self)
        flags_layout = QVBoxLayout(flags)
        flags_layout.setContentsMargins(0, 0, 0, 0)
        flags_layout.addWidget(self.hardship_check)
        flags_layout.addWidget(self.center_check)
        self.add_row(None, self.tr("Flags"), flags, form=form)
        self.register_field("hardship", self.tr("Flags"), self.hardship_check)
        self.register_field("center_household", self.tr("Flags"), self.center_check)
        self.star_combo = QComboBox(self)
        self.star_combo.addItem(self.tr("Not rated"), None)
        for stars in range(1, 6):
            self.star_combo.addItem("★" * stars + "☆" * (5 - stars), stars)
        self.add_row("star_rating", self.tr("Star rating"), self.star_combo, form=form)

    def _build_placement(self, column: QVBoxLayout, orgs: Sequence[OrgNode],
                         draft: MemberDraft | None) -> None:
        """The party organisation, the work unit and its party organisation, the address."""
        box, form = self._group(self.tr("Organisation and work"))
        column.addWidget(box)
        self.placement_form = form
        self.org_picker = OrgPicker(self)
        self.org_picker.set_orgs(orgs, keep=draft.org_id if draft else None)
        self.add_row("org_id", self.tr("Party organisation"), self.org_picker, form=form)
        self.unit_party_org_edit = QLineEdit(self)
        self.unit_party_org_edit.setPlaceholderText(self.tr("e.g. 中共区教育局机关委员会"))
        self.add_row("unit_party_org", self.tr("Unit party organisation"),
                     self.unit_party_org_edit, form=form)
        self.work_unit_edit = QLineEdit(self)
        self.add_row("work_unit", self.tr("Work unit"), self.work_unit_edit, form=form)
        self.job_edit = QLineEdit(self)
        self.add_row("job", self.tr("Job"), self.job_edit, form=form)
        self.grid_edit = QLineEdit(self)
        self.add_row("grid_code", self.tr("Grid"), self.grid_edit, form=form)
        self.address_edit = QLineEdit(self)
        self.address_edit.setPlaceholderText(self.tr("e.g. 幸福里3号楼2单元301"))
        self.add_row("address", self.tr("Address"), self.address_edit, form=form)
        self.note_edit = QLineEdit(self)
        self.add_row("note", self.tr("Note"), self.note_edit, form=form)

    def _build_mobile(self, column: QVBoxLayout) -> None:
        """Mobile member (流动党员): where to, since when, how to reach them."""
        self.mobile_box, form = self._group(self.tr("Mobile member (away 6 months or more)"))
        column.addWidget(self.mobile_box)
        self.away_destination_edit = QLineEdit(self)
        self.away_destination_edit.setPlaceholderText(self.tr("e.g. 广东省深圳市"))
        self.add_row("away_destination", self.tr("Destination"), self.away_destination_edit,
                     form=form)
        self.away_since_edit = DateField(self)
        self.add_row("away_since", self.tr("Away since"), self.away_since_edit, form=form)
        self.away_contact_edit = QLineEdit(self)
        self.add_row("away_contact", self.tr("Contact while away"), self.away_contact_edit,
                     form=form)

    def _build_scroll(self, content: QWidget) -> None:
        """The form scrolls; the duplicate warning sits under it, above the error line."""
        self.warning_frame = QFrame(self)
        self.warning_frame.setObjectName("duplicateWarning")
        self.warning_frame.setStyleSheet(WARNING_STYLE)
        self.warning_layout = QVBoxLayout(self.warning_frame)
        self.warning_frame.hide()

        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        for index in reversed(range(outer.count())):  # the form, not a spacer, takes the room
            item = outer.itemAt(index)
            if item is not None and item.spacerItem() is not None:
                outer.takeAt(index)
        outer.insertWidget(outer.indexOf(self.error_label), self.scroll, 1)
        outer.insertWidget(outer.indexOf(self.error_label), self.warning_frame)
        self._content = content

    def _connect_live_help(self) -> None:
        """The ID number fills birth date and sex; the party dates and category update hints."""
        self.id_edit.textEdited.connect(self._id_edited)
        self.id_type_combo.currentIndexChanged.connect(lambda _i: self._id_edited(
            self.id_edit.text()))
        self.status_combo.currentIndexChanged.connect(lambda _i: self._update_party())
        self.extension_combo.currentIndexChanged.connect(lambda _i: self._update_party())
        self.join_edit.textChanged.connect(lambda _t: self._update_party())
        self.category_combo.currentIndexChanged.connect(lambda _i: self._update_category())

    def _show_draft(self, draft: MemberDraft | None,
                    masked: tuple[str | None, str | None] | None,
                    default_org: str | None) -> None:
        """The member being edited (its identity masked when ``masked``), or else the
        default organisation."""
        if draft is not None:
            self.set_draft(draft, identity_too=masked is None)
        else:
            self.org_picker.select_org(default_org)
        if masked is not None:  # the full values never reach a widget before reveal
            self.id_edit.setText(masked[0] or "")
            self.mobile_edit.setText(masked[1] or "")
            may_reveal = self.hooks.reveal is not None
            for edit in (self.id_edit, self.mobile_edit):
                edit.setReadOnly(True)
                edit.setToolTip(self.tr("Masked. Choose Show full ID number to see and "
                                        "change it.") if may_reveal else self.tr(
                    "Masked. Your account may not show the full number."))
            self.reveal_button.setVisible(may_reveal)
        else:
            self.reveal_button.hide()

    def _fit_to_screen(self) -> None:
        """As tall as the form needs, within the screen (it scrolls on small screens)."""
        wanted = self._content.sizeHint().height() + 140
        screen = self.screen()
        limit = screen.availableGeometry().height() - 60 if screen is not None else 720
        self.resize(960, max(480, min(wanted, limit)))

    def _transfer_group(self) -> QGroupBox:
        box, form = self._group(self.tr("Transfer in"))
        self.from_org_edit = QLineEdit(self)
        self.from_org_edit.setPlaceholderText(self.tr(
            "The party organisation the member comes from"))
        self.add_row("from_org", self.tr("From"), self.from_org_edit, required=True, form=form)
        self.in_date_edit = DateField(self)
        self.in_date_edit.set_date(self.today)
        self.add_row("in_date", self.tr("Transfer-in date"), self.in_date_edit, form=form)
        self.dues_edit = DateField(self)
        self.add_row("dues_paid_until", self.tr("Dues paid up to"), self.dues_edit, form=form)
        self.set_intro(self.tr(
            "Someone who left this community earlier is found by the ID number and comes "
            "back to their old record."))
        return box

    def _group(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        return box, form

    # --- values -----------------------------------------------------------------------
    def set_draft(self, draft: MemberDraft, *, identity_too: bool = True) -> None:
        """Show ``draft``; without ``identity_too`` the ID number and phone are left out."""
        self.name_edit.setText(draft.name)
        self.former_name_edit.setText(draft.former_name or "")
        _select(self.id_type_combo, draft.id_type)
        if identity_too:
            self.id_edit.setText(draft.id_number or "")
            self.mobile_edit.setText(draft.mobile or "")
        _select(self.sex_combo, draft.sex or "")
        self.birth_edit.set_date(draft.birth_date)
        _select(self.ethnicity_combo, draft.ethnicity)
        self.native_place_edit.setText(draft.native_place or "")
        _select(self.education_combo, draft.education)
        _select(self.degree_combo, draft.degree)
        self.join_edit.set_date(draft.join_date)
        _select(self.status_combo, draft.status)
        _select(self.extension_combo, draft.probation_extension_months)
        self.full_edit.set_date(draft.full_date)
        self.party_post_edit.setText(draft.party_post or "")
        _select(self.category_combo, draft.category)
        self.hardship_check.setChecked(draft.hardship)
        self.center_check.setChecked(draft.center_household)
        _select(self.star_combo, draft.star_rating)
        self.org_picker.select_org(draft.org_id)
        self.unit_party_org_edit.setText(draft.unit_party_org or "")
        self.work_unit_edit.setText(draft.work_unit or "")
        self.job_edit.setText(draft.job or "")
        self.grid_edit.setText(draft.grid_code or "")
        self.address_edit.setText(draft.address or "")
        self.note_edit.setText(draft.note or "")
        self.away_destination_edit.setText(draft.away_destination or "")
        self.away_since_edit.set_date(draft.away_since)
        self.away_contact_edit.setText(draft.away_contact or "")

    def draft(self) -> MemberDraft:
        """What the form holds; a ValidationError if a date cannot be read."""
        from gridoffice.services.roster import MemberDraft

        category = str(self.category_combo.currentData())
        status = str(self.status_combo.currentData())
        mobile_member = category == "mobile"
        return MemberDraft(
            name=self.name_edit.text(),
            former_name=_text(self.former_name_edit),
            sex=str(self.sex_combo.currentData() or ""),
            id_type=str(self.id_type_combo.currentData()),
            id_number=self.id_edit.text() if self._revealed else (self._stored_id or ""),
            ethnicity=self.ethnicity_combo.currentData(),
            birth_date=self.date_of("birth_date"),
            native_place=_text(self.native_place_edit),
            education=self.education_combo.currentData(),
            degree=self.degree_combo.currentData(),
            mobile=self.mobile_edit.text() if self._revealed else (self._stored_mobile or ""),
            join_date=self.date_of("join_date"),
            status=status,
            probation_extension_months=int(self.extension_combo.currentData() or 0),
            full_date=self.date_of("full_date") if status == "full" else None,
            party_post=_text(self.party_post_edit),
            category=category,
            hardship=self.hardship_check.isChecked(),
            center_household=self.center_check.isChecked(),
            star_rating=self.star_combo.currentData(),
            org_id=self.org_picker.current_org(),
            work_unit=_text(self.work_unit_edit),
            job=_text(self.job_edit),
            unit_party_org=_text(self.unit_party_org_edit) if category == "in_service"
            else None,
            grid_code=_text(self.grid_edit),
            address=_text(self.address_edit),
            away_destination=_text(self.away_destination_edit) if mobile_member else None,
            away_since=self.date_of("away_since") if mobile_member else None,
            away_contact=_text(self.away_contact_edit) if mobile_member else None,
            note=_text(self.note_edit),
        )

    # --- live help --------------------------------------------------------------------
    def _id_edited(self, text: str) -> None:
        """Fill birth date and sex from a complete, valid ID number."""
        if not self._revealed:
            return
        if fill_from_id(self, text, self.today) is not None:
            self._auto_filled = True

    def _update_party(self) -> None:
        full = self.status_combo.currentData() == "full"
        self.full_edit.setEnabled(full)
        try:
            join = self.join_edit.date()
        except ValueError:
            join = None
        if join is None:
            self.due_hint.setText("")
            self.due_hint.hide()
            return
        due = party.full_membership_date(join, int(self.extension_combo.currentData() or 0),
                                         self.rules)
        self.full_edit.setPlaceholderText(date_text(due))
        if full:
            text = self.tr("Probation ended on {date}.") if due <= self.today else \
                self.tr("Probation ends on {date}.")
        elif due < self.today:
            text = self.tr("Probation ended on {date}: due for full membership.")
        else:
            text = self.tr("Full membership due on {date}.")
        self.due_hint.setText(text.format(date=date_text(due)))
        self.due_hint.show()

    def _update_category(self) -> None:
        category = self.category_combo.currentData()
        self.mobile_box.setVisible(category == "mobile")
        self.placement_form.setRowVisible(self.unit_party_org_edit, category == "in_service")

    # --- privacy ----------------------------------------------------------------------
    def reveal_identity(self) -> bool:
        """Show the full ID number and phone (the service records it); True if shown."""
        if self._revealed or self.hooks.reveal is None:
            return self._revealed
        id_number, mobile = self.hooks.reveal()
        self._revealed = True
        for edit, value in ((self.id_edit, id_number), (self.mobile_edit, mobile)):
            edit.setReadOnly(False)
            edit.setToolTip("")
            edit.setText(value or "")
        self.reveal_button.setEnabled(False)
        self.reveal_button.setText(self.tr("Shown (recorded)"))
        return True

    def revealed(self) -> bool:
        return self._revealed

    def masked_id_text(self) -> str:
        return masking.mask_id(self.id_edit.text())

    # --- saving -----------------------------------------------------------------------
    def perform(self) -> Any:
        if self.hooks.transfer_in is not None:
            # No duplicate check: an earlier record with this ID number is reused.
            in_date = self.date_of("in_date", required=True)
            assert in_date is not None
            dues = self.date_of("dues_paid_until")
            return self.hooks.transfer_in(self.draft(), self.from_org_edit.text(), in_date,
                                          dues)
        draft = self.draft()
        if self.hooks.check is not None:
            checked = self.hooks.check(draft)
            fresh = [w for w in checked.warnings if (w.member_id or w.english())
                     not in self._acknowledged]
            if fresh:
                self.show_warnings(list(checked.warnings))
                raise KeepOpen
        return self.hooks.submit(draft)

    def show_warnings(self, warnings: list[Warning_]) -> None:
        """List possible duplicates, each with a button to open it; OK saves anyway."""
        while self.warning_layout.count():
            item = self.warning_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.shown_warnings = warnings
        self.warning_buttons = []
        for warning in warnings:
            self._acknowledged.add(warning.member_id or warning.english())
            text = QCoreApplication.translate("warnings", warning.message)
            try:
                text = text.format(**warning.values)
            except (KeyError, IndexError, ValueError):
                text = warning.english()
            row = QHBoxLayout()
            label = QLabel(text, self.warning_frame)
            label.setWordWrap(True)
            row.addWidget(label, 1)
            if warning.member_id and self.hooks.open_member is not None:
                button = QPushButton(self.tr("Open existing record…"), self.warning_frame)
                button.setAutoDefault(False)
                member_id = warning.member_id
                button.clicked.connect(lambda _c=False, m=member_id: self._open_existing(m))
                row.addWidget(button)
                self.warning_buttons.append(button)
            holder = QWidget(self.warning_frame)
            holder.setLayout(row)
            self.warning_layout.addWidget(holder)
        hint = QLabel(self.tr("Check the existing record. If this is another person, "
                              "choose Save anyway."), self.warning_frame)
        hint.setWordWrap(True)
        self.warning_layout.addWidget(hint)
        self.warning_frame.show()
        self.ok_button().setText(self.tr("Save anyway"))

    def warning_text(self) -> str:
        """What the duplicate box says ("" when hidden)."""
        if self.warning_frame.isHidden():
            return ""
        labels = self.warning_frame.findChildren(QLabel)
        return "\n".join(label.text() for label in labels if not label.isHidden())

    def _open_existing(self, member_id: str) -> None:
        if self.hooks.open_member is not None:
            self.hooks.open_member(member_id)

    def show_error(self, text: str, field: str | None = None) -> None:
        super().show_error(text, field)
        widget = self._fields.get(field or "")
        if widget is not None:
            self.scroll.ensureWidgetVisible(widget)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, **kwargs: Any) -> Any:
        """The result of ``hooks.submit`` once it succeeded, or None if cancelled."""
        return cls(parent, title, **kwargs).ask_result()
