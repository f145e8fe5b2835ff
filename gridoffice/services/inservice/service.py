"""The InServiceService of :mod:`gridoffice.services.inservice` (see there)."""

from __future__ import annotations

from gridoffice.services.inservice.activities import InServiceActivities
from gridoffice.services.inservice.points import InServicePoints
from gridoffice.services.inservice.posts import InServicePosts
from gridoffice.services.inservice.registrations import InServiceRegistrations


class InServiceService(InServicePosts, InServiceActivities, InServicePoints,
                       InServiceRegistrations):
    """Use cases of the in-service tab, its ledgers and the CLI."""
