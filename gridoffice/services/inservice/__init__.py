"""In-service party members reporting to the community (在职党员到社区报到).

Registration is linked to the person's member or resident record when there is
one (no second copy of a person). Posts have quotas; check-in and check-out make
service records confirmed by the staff member on duty, and points come only from
confirmed records and from entries staff add: the points ledger is append-only,
corrections are new entries, and every entry keeps the rule it was made under.
"""

from __future__ import annotations

from gridoffice.services.inservice.activities import InServiceActivities

# Every public name of the model (messages, drafts, rows …) stays importable from here.
from gridoffice.services.inservice.model import *  # noqa: F403
from gridoffice.services.inservice.points import InServicePoints
from gridoffice.services.inservice.posts import InServicePosts
from gridoffice.services.inservice.registrations import InServiceRegistrations


class InServiceService(InServicePosts, InServiceActivities, InServicePoints,
                       InServiceRegistrations):
    """Use cases of the in-service tab, its ledgers and the CLI."""
