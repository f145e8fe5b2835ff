"""Code tables: stored codes and their English labels (translated for display).

Stored values are stable ASCII codes; what a person reads is the label, which
goes through the message catalogue (context ``codes``). Paper ledgers are
official Chinese forms and always use the ``zh_CN`` label.
"""

from __future__ import annotations

from dataclasses import dataclass

from gridoffice.i18n import QT_TRANSLATE_NOOP, catalog

CONTEXT = "codes"


@dataclass(frozen=True)
class Code:
    code: str
    label: str  # English source label, marked for translation

    def zh(self) -> str:
        return catalog("zh_CN").translate(CONTEXT, self.label)


class CodeTable:
    def __init__(self, *codes: Code) -> None:
        self.codes = codes
        self._by_code = {c.code: c for c in codes}

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.codes)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str) -> Code:
        return self._by_code[code]

    def label(self, code: str | None) -> str:
        found = self._by_code.get(code or "")
        return found.label if found else (code or "")

    def zh(self, code: str | None) -> str:
        found = self._by_code.get(code or "")
        return found.zh() if found else (code or "")


def _c(code: str, label: str) -> Code:
    return Code(code, label)


OFFICE_ROLES = CodeTable(
    _c("community", QT_TRANSLATE_NOOP("codes", "Community office")),
    _c("street", QT_TRANSLATE_NOOP("codes", "Street office")),
)

ORG_TYPES = CodeTable(
    _c("committee", QT_TRANSLATE_NOOP("codes", "Party committee")),
    _c("general_branch", QT_TRANSLATE_NOOP("codes", "General party branch")),
    _c("branch", QT_TRANSLATE_NOOP("codes", "Party branch")),
    _c("joint_branch", QT_TRANSLATE_NOOP("codes", "Joint party branch")),
    _c("temp_branch", QT_TRANSLATE_NOOP("codes", "Temporary party branch")),
    _c("group", QT_TRANSLATE_NOOP("codes", "Party group")),
)

SEATS = CodeTable(
    _c("secretary", QT_TRANSLATE_NOOP("codes", "Secretary")),
    _c("deputy_secretary", QT_TRANSLATE_NOOP("codes", "Deputy secretary")),
    _c("organisation", QT_TRANSLATE_NOOP("codes", "Organisation member")),
    _c("publicity", QT_TRANSLATE_NOOP("codes", "Publicity member")),
    _c("discipline", QT_TRANSLATE_NOOP("codes", "Discipline member")),
    _c("youth", QT_TRANSLATE_NOOP("codes", "Youth member")),
    _c("group_leader", QT_TRANSLATE_NOOP("codes", "Group leader")),
)

ORG_EVENTS = CodeTable(
    _c("created", QT_TRANSLATE_NOOP("codes", "Created")),
    _c("renamed", QT_TRANSLATE_NOOP("codes", "Renamed")),
    _c("edited", QT_TRANSLATE_NOOP("codes", "Details changed")),
    _c("moved", QT_TRANSLATE_NOOP("codes", "Moved")),
    _c("retired", QT_TRANSLATE_NOOP("codes", "Retired")),
    _c("restored", QT_TRANSLATE_NOOP("codes", "Restored")),
    _c("seat_appointed", QT_TRANSLATE_NOOP("codes", "Seat appointed")),
    _c("seat_ended", QT_TRANSLATE_NOOP("codes", "Seat ended")),
    _c("seat_withdrawn", QT_TRANSLATE_NOOP("codes", "Appointment withdrawn")),
)
