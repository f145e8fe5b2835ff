"""The base of every form dialog: fields, an inline error line, OK and Cancel.

On OK the dialog calls :meth:`FormDialog.perform` (usually a service call).
A :class:`ValidationError` appears in red under the form and focuses the
field it names; any other :class:`UserError` becomes a warning box. Either
way the dialog stays open with what the user typed, and nothing was saved.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gridoffice.errors import UserError, ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.ui import messages
from gridoffice.ui.pyside_imports import TEXT_SELECTABLE_BY_MOUSE  # no Qt namespace

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
ERROR_COLOR = "#c62828"
MSG_BAD_DATE = QT_TRANSLATE_NOOP(
    "errors",
    "{field}: {text} is not a valid date. Write it like 2021-06-30, 2021/6/30 or 2021年6月30日.")
MSG_DATE_REQUIRED = QT_TRANSLATE_NOOP("errors", "{field}: enter a date.")


class KeepOpen(Exception):  # noqa: N818 - a signal, not an error
    """Raised by :meth:`FormDialog.perform` to stay open without a message (the
    user answered No to a confirmation); nothing was saved."""


class FormDialog(QDialog):
    """A dialog with a form; subclasses add rows and implement :meth:`perform`."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.result_value: Any = None
        self._fields: dict[str, QWidget] = {}
        self._labels: dict[str, str] = {}
        self._required: list[QLineEdit] = []

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("formError")
        self.error_label.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error_label.setWordWrap(True)
        self.error_label.setProperty("textInteractionFlags", TEXT_SELECTABLE_BY_MOUSE)
        self.error_label.hide()
        # parent by keyword: positional arguments make PySide6 try the overloads that take
        # a Qt.Orientation, which builds the Qt namespace (see pyside_imports)
        self.buttons = QDialogButtonBox(parent=self)
        self.buttons.setStandardButtons(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    # --- building -------------------------------------------------------------
    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.show()

    def add_row(self, key: str | None, label: str, widget: QWidget, *,
                required: bool = False, form: QFormLayout | None = None) -> QWidget:
        """Add ``widget`` under ``label``; ``key`` is the ValidationError field it shows.

        ``form``: another form layout of the dialog (a group box), default the main one.
        """
        (form or self.form).addRow(translate("FormDialog", "{label}:").format(label=label),
                                   widget)
        if key:
            self.register_field(key, label, widget)
        if required and isinstance(widget, QLineEdit):
            self._required.append(widget)
            widget.textChanged.connect(self.update_ok)
            self.update_ok()
        return widget

    def register_field(self, key: str, label: str, widget: QWidget) -> None:
        """Name ``widget`` as the field ``key`` (ValidationError focus, date labels)
        when it was placed without :meth:`add_row`."""
        self._fields[key] = widget
        self._labels[key] = label

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def field(self, key: str) -> QWidget:
        return self._fields[key]

    def update_ok(self) -> None:
        """OK is enabled once every required field has something in it."""
        self.ok_button().setEnabled(all(edit.text() for edit in self._required))

    # --- reading --------------------------------------------------------------
    def date_of(self, key: str, *, required: bool = False) -> dt.date | None:
        """The date in the DateField ``key``, or a ValidationError naming it."""
        from gridoffice.ui.widgets.date_field import DateField  # not needed by every form

        widget = self._fields[key]
        assert isinstance(widget, DateField)
        try:
            day = widget.date()
        except ValueError as exc:
            raise ValidationError(key, MSG_BAD_DATE, field=self._labels[key],
                                  text=widget.text().strip()) from exc
        if day is None and required:
            raise ValidationError(key, MSG_DATE_REQUIRED, field=self._labels[key])
        return day

    @staticmethod
    def text_of(widget: QWidget) -> str:
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QComboBox):
            return str(widget.currentData())
        raise TypeError(type(widget).__name__)

    # --- submitting -----------------------------------------------------------
    def perform(self) -> Any:
        """Check and save what was entered; return the result or raise UserError."""
        raise NotImplementedError

    def accept(self) -> None:
        self.clear_error()
        try:
            self.result_value = self.perform()
        except ValidationError as err:
            self.show_error(messages.user_error_text(err), err.field)
            return
        except UserError as err:
            messages.show_user_error(self, err)
            return
        except KeepOpen:
            return
        super().accept()

    def show_error(self, text: str, field: str | None = None) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        widget = self._fields.get(field or "")
        if widget is not None:
            widget.setFocus()  # Qt.OtherFocusReason
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()

    def error_text(self) -> str:
        """What the red line says ("" when hidden)."""
        return self.error_label.text() if not self.error_label.isHidden() else ""

    # --- running --------------------------------------------------------------
    @staticmethod
    def run_modal(dialog: QDialog) -> int:
        """Run ``dialog`` modally (the seam tests replace to drive dialogs)."""
        return dialog.exec()

    def ask_result(self) -> Any:
        """Run the dialog; the result of :meth:`perform`, or None if cancelled."""
        accepted = FormDialog.run_modal(self) == QDialog.DialogCode.Accepted
        return self.result_value if accepted else None
