"""The code table type and the office roles: what the window needs before it shows
(the many other tables of :mod:`gridoffice.domain.codes` load with the data)."""

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


def zh_label(table: CodeTable, code: str | None) -> str | None:
    """The Chinese label of ``code`` for paper; None for no code (an empty cell)."""
    return table.zh(code) if code else None


def _c(code: str, label: str) -> Code:
    return Code(code, label)


OFFICE_ROLES = CodeTable(
    _c("community", QT_TRANSLATE_NOOP("codes", "Community office")),
    _c("street", QT_TRANSLATE_NOOP("codes", "Street office")),
)
