"""Every service of one opened data file, built once at the composition root and
handed to every tab (and to the headless commands that need more than one).

The container owns the operator's name: a change in Settings reaches every
service through :meth:`Services.set_profile`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gridoffice.services.audit import AuditService
from gridoffice.store.settings import OfficeSettings

if TYPE_CHECKING:
    from gridoffice.services.households import HouseholdService
    from gridoffice.services.inservice import InServiceService
    from gridoffice.services.meetings import MeetingService
    from gridoffice.services.office import OfficeProfile
    from gridoffice.services.orgs import OrgService
    from gridoffice.services.roster import RosterService
    from gridoffice.services.sync import SyncService
    from gridoffice.store.database import Database


@dataclass
class Services:
    db: Database
    profile: OfficeProfile | None
    language: str  # the language in use ("zh_CN", "en")
    orgs: OrgService
    roster: RosterService
    households: HouseholdService
    meetings: MeetingService
    inservice: InServiceService
    sync: SyncService
    settings: OfficeSettings = field(init=False)
    audit: AuditService = field(init=False)

    def __post_init__(self) -> None:
        self.settings = OfficeSettings(self.db.path)
        self.audit = AuditService(self.db, self.operator)

    @classmethod
    def build(cls, db: Database, profile: OfficeProfile | None,
              language: str = "zh_CN") -> Services:
        from gridoffice.services.households import HouseholdService
        from gridoffice.services.inservice import InServiceService
        from gridoffice.services.meetings import MeetingService
        from gridoffice.services.orgs import OrgService
        from gridoffice.services.roster import RosterService
        from gridoffice.services.sync import SyncService

        operator = profile.operator if profile else ""
        return cls(db=db, profile=profile, language=language,
                   orgs=OrgService(db, operator), roster=RosterService(db, operator),
                   households=HouseholdService(db, operator),
                   meetings=MeetingService(db, operator),
                   inservice=InServiceService(db, operator), sync=SyncService(db))

    @classmethod
    def for_database(cls, db: Database, language: str = "zh_CN") -> Services:
        """The services of ``db`` for the office it is set up for."""
        from gridoffice.services.office import load_profile

        return cls.build(db, load_profile(db.path), language)

    def replace(self, **services: Any) -> Services:
        """The same container with some services in place of its own (a service with a
        fixed clock, say)."""
        return dataclasses.replace(self, **services)

    @property
    def operator(self) -> str:
        return self.profile.operator if self.profile else ""

    @property
    def unit(self) -> str:
        """The office's name, printed on its ledgers."""
        return self.profile.name if self.profile else ""

    def set_profile(self, profile: OfficeProfile) -> None:
        """The office's settings changed: every service writes as the new operator."""
        self.profile = profile
        for service in (self.orgs, self.roster, self.households, self.meetings,
                        self.inservice, self.audit):
            service.operator = profile.operator

    def grid_choices(self) -> list[tuple[str, str]]:
        """(id, name) of the grids, for the lists of other areas."""
        return [(g.id, g.name or g.code) for g in self.households.list_grids()]
