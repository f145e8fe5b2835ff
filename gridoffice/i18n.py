"""Message catalogue shared by the Qt and the headless side.

Source strings are English. Code below ``ui/`` marks user-visible strings with
:func:`QT_TRANSLATE_NOOP` (``pyside6-lupdate`` extracts them by name); the GUI
translates them through ``QCoreApplication.translate`` and the headless CLI
reads the same ``.ts`` file with :class:`Catalog`, so there is one catalogue.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

SUPPORTED_LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate looks for this name
    """Mark ``text`` for translation in ``context`` without translating it."""
    return text


def system_language() -> str:
    """The language the system asks for, as one of SUPPORTED_LANGUAGES."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            break
    else:
        import locale

        try:
            value = locale.getlocale()[0] or ""
        except ValueError:
            value = ""
    value = (value or "").lower()
    if value.startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE  # a Chinese office program: Chinese unless English is asked for


class Catalog:
    """Translations read from a Qt Linguist ``.ts`` file (no Qt needed)."""

    def __init__(self, entries: dict[tuple[str, str], str] | None = None) -> None:
        self._entries = entries or {}

    @classmethod
    def from_ts(cls, path: Path) -> Catalog:
        import xml.etree.ElementTree as ET

        entries: dict[tuple[str, str], str] = {}
        root = ET.parse(path).getroot()
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source")
                translation = message.find("translation")
                if source is None or translation is None:
                    continue
                if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                    continue
                if translation.text:
                    entries[(name, source)] = translation.text
        return cls(entries)

    def translate(self, context: str, text: str) -> str:
        return self._entries.get((context, text), text)


@lru_cache(maxsize=4)
def catalog(language: str) -> Catalog:
    """The catalogue for ``language`` (empty for English, the source language)."""
    if language == "en":
        return Catalog()
    from gridoffice.paths import translations_dir

    path = translations_dir() / f"gridoffice_{language}.ts"
    try:
        return Catalog.from_ts(path)
    except (OSError, SyntaxError):  # xml.etree's ParseError is a SyntaxError
        return Catalog()
