"""The CobuildService of :mod:`gridoffice.services.cobuild` (see there)."""

from __future__ import annotations

from gridoffice.services.cobuild.review import CobuildReview


class CobuildService(CobuildReview):
    """Use cases of the co-building tab, its ledgers and the CLI."""
