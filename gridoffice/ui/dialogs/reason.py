"""The reason asked before a print or export that shows more than the masked default
(full ID numbers and phones, a grid worker's full addresses); the audit entry of the
output carries it. Cancel: no output."""

from __future__ import annotations

from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from gridoffice.domain import privacy
from gridoffice.ui.dialogs.form import FormDialog

#: reasons offered as the user types (Chinese in every language: they go into the log)
SUGGESTED = ("入户走访", "上报街道", "数据核对", "导回本程序")


class ReasonDialog(FormDialog):
    """One required line: why the output needs more than the masked values."""

    def __init__(self, parent: QWidget | None, what: str) -> None:
        super().__init__(parent, self.tr("Reason for the output"))
        self.set_intro(self.tr(
            "{what}\n\nThis shows more than the masked numbers and addresses. Say why; the "
            "reason is written to the audit log with the output.").format(what=what))
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setMaxLength(privacy.REASON_MAX)
        self.reason_edit.setPlaceholderText(self.tr("e.g. 入户走访 or 上报街道"))
        self.reason_edit.setCompleter(QCompleter(list(SUGGESTED), self.reason_edit))
        self.add_row("reason", self.tr("Reason"), self.reason_edit, required=True)

    def perform(self) -> str:
        return privacy.clean_reason(self.reason_edit.text())

    def update_ok(self) -> None:
        """OK once the reason holds more than spaces."""
        self.ok_button().setEnabled(bool(self.reason_edit.text().strip())
                                    if hasattr(self, "reason_edit") else False)

    @classmethod
    def ask(cls, parent: QWidget | None, what: str) -> str | None:
        """The reason the user gave for ``what`` (a sentence saying what will be made),
        or None when they cancelled."""
        dialog = cls(parent, what)
        try:
            reason = dialog.ask_result()
        finally:
            dialog.deleteLater()
        return reason or None

    @classmethod
    def for_full_export(cls, parent: QWidget | None, actor: object,
                        what: str) -> str | None:
        """Before an export with full numbers: refused (said, None) when ``actor`` may
        not make one; "" when it needs no reason (a folder without accounts asks one
        only for full numbers, which this is); else the reason asked for ``what``, or
        None when cancelled. Nothing is written on None."""
        from gridoffice.domain import access
        from gridoffice.ui import messages

        who = actor if isinstance(actor, access.Actor) else None
        try:
            (who or access.Actor.open()).require(access.EXPORT_FULL)
        except access.PermissionDenied as err:
            messages.show_user_error(parent, err)
            return None
        if not privacy.needs_reason(who, revealed=True):
            return ""
        return cls.ask(parent, what)
