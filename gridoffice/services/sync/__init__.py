"""Sync with the street office by package files (SYNC.md): export, import, status.

A star: each community PC exchanges packages with its street office only; the
street office merges and relays. What a package carries is cumulative — every
row this copy changed after the last change the peer has acknowledged — so a
lost, repeated or reordered package does no harm and the next one heals a gap.

Scope: a community's data are its own records plus the street office's
reference data (work units …). A community PC sends its community's records; the
street office sends a community PC that community's records (its other PCs'
changes, relayed) and its own. Import is all or nothing: one transaction, the
database exactly as it was when anything is wrong. No Qt.
"""

from __future__ import annotations

from gridoffice.services.sync.conflicts import SyncConflicts
from gridoffice.services.sync.export import SyncExport
from gridoffice.services.sync.imports import SyncImport

# Every public name of the model (messages, drafts, rows …) stays importable from here.
from gridoffice.services.sync.model import *  # noqa: F403
from gridoffice.services.sync.status import SyncStatus


class SyncService(SyncExport, SyncImport, SyncStatus, SyncConflicts):
    """Use cases of the sync tab and the CLI: export, import, status, conflicts."""
