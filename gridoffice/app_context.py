"""What the composition root hands to the GUI: paths, the opened database, settings."""

from __future__ import annotations

from dataclasses import dataclass

from gridoffice.domain.access import Actor
from gridoffice.paths import AppPaths
from gridoffice.services.office import OfficeProfile
from gridoffice.store.files import OpenedDatabase


@dataclass
class AppContext:
    paths: AppPaths
    opened: OpenedDatabase
    language: str  # the language in use: "zh_CN" or "en"
    language_setting: str  # "" = follow the system, else a language code
    profile: OfficeProfile | None  # None until the office has been set up
    log_file: str | None = None
    exit_after_show: bool = False  # smoke tests: show the main window, then quit
    actor: Actor | None = None  # the signed-in account; None: a folder without accounts
    # encrypted data not yet unlocked: ``opened`` and ``profile`` are filled in after the
    # sign-in (which opens and updates the file)
    locked: bool = False
