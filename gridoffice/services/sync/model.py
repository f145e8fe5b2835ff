"""Sync's plain data: messages, state keys, the results of an export and an import, a
peer's status, a conflict, and result_dict for the CLI."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gridoffice.errors import UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.store import settings

MSG_NO_PEER = QT_TRANSLATE_NOOP(
    "errors", "This PC trusts no {expected} yet: exchange identity files first "
    "(sync identity / sync trust).")
MSG_UNKNOWN_PEER = QT_TRANSLATE_NOOP(
    "errors", "{name} is not an office this PC exchanges packages with. Trusted: {known}.")
MSG_ONE_FILE = QT_TRANSLATE_NOOP(
    "errors", "{count} packages are due ({names}); give a folder, not a file name.")
MSG_NEWER_SCHEMA = QT_TRANSLATE_NOOP(
    "errors", "The package {path} was made by a newer GridOffice (data version {theirs}, "
    "this program reads up to {ours}). Upgrade this program, then import it again; the "
    "file was kept and nothing was changed.")
MSG_FORK = QT_TRANSLATE_NOOP(
    "errors", "The package {path} claims to be package {sequence} of {sender}, but a "
    "different package {sequence} of that PC was imported before. Its data were probably "
    "restored from a backup or copied to another PC; nothing was changed. Ask the "
    "street office before importing more from it.")
MSG_MISSING_PARENT = QT_TRANSLATE_NOOP(
    "errors", "The package {path} refers to records that are neither in it nor here "
    "({table}); it is incomplete. Nothing was changed; ask for a new package.")
MSG_STREET_READ_ONLY = QT_TRANSLATE_NOOP(
    "errors", "This record belongs to {office}; it is changed there, not at the street "
    "office.")
MSG_CONFLICT_GONE = QT_TRANSLATE_NOOP(
    "errors", "This conflict was resolved meanwhile (here or on another PC).")
MSG_FIELD_UNKNOWN = QT_TRANSLATE_NOOP("errors", "{field} is not a field of this record.")

CLOCK_BOUND_MS = 10 * 60 * 1000  # SYNC.md: adopt remote clocks within ten minutes
STATE_FILE = "sync-state.json"
META_INCARNATION = "incarnation"
META_EXPORTS = settings.META_SYNC_EXPORTS
# The audit log's actions of a package written and one imported.
SYNC_EXPORT = "sync_export"
SYNC_IMPORT = "sync_import"

Progress = Callable[[int, int], bool]  # (done, total) -> go on?


@dataclass(frozen=True)
class ExportResult:
    path: Path
    recipient: str
    sequence: int
    rows: int
    counts: dict[str, int]


@dataclass(frozen=True)
class ImportResult:
    path: Path
    status: str  # applied | already | refused
    sender: str = ""
    sequence: int = 0
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    conflicts: int = 0
    merged: int = 0
    revived: int = 0
    duplicates: int = 0
    missing: int = 0  # packages of that sender never seen before this one (healed)
    clock_offset_ms: int = 0
    digests_agree: bool | None = None
    mismatched: tuple[str, ...] = ()
    error: UserError | None = None
    tables: tuple[str, ...] = ()  # the tables whose rows it inserted or updated

    @property
    def ok(self) -> bool:
        return self.status in ("applied", "already")


@dataclass(frozen=True)
class PeerStatus:
    replica_id: str
    office_id: str
    name: str  # community (or street office) name
    pc_label: str
    role: str
    fingerprint: str
    last_in: str | None
    last_out: str | None
    in_sequence: int
    out_sequence: int
    pending: int  # changes here the peer has not acknowledged
    conflicts: int  # open conflicts about that office's records
    digests_agree: bool | None
    mismatched: tuple[str, ...]
    days_since_contact: int | None
    clock_offset_ms: int | None


@dataclass(frozen=True)
class Conflict:
    id: str
    table: str
    row_id: str
    kind: str
    fields: tuple[str, ...]
    current: dict[str, Any]
    other: dict[str, Any]
    other_writer: str
    current_writer: str
    status: str
    origin_office: str
    label: str  # a name or title to recognise the record by
    clock_suspect: bool = False
    resolution: str | None = None
    refs: dict[str, str] = dataclasses.field(default_factory=dict)  # id -> a record's label


def now_text(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now()).isoformat(timespec="seconds")


LEFTOVER_AGE_S = 600


def result_dict(result: ImportResult | ExportResult) -> dict[str, Any]:
    data = dataclasses.asdict(result) if not isinstance(result, ImportResult) else {
        f.name: getattr(result, f.name) for f in dataclasses.fields(result) if f.name != "error"}
    data["path"] = str(data["path"])
    if isinstance(result, ImportResult) and result.error is not None:
        data["error"] = result.error.english()
        data["error_zh"] = result.error.localized("zh_CN")
    if "mismatched" in data:
        data["mismatched"] = list(data["mismatched"])
    return data
