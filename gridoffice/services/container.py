"""Every service of one opened data file, built once at the composition root and
handed to every tab (and to the headless commands that need more than one).

The container owns who is acting (:class:`~gridoffice.domain.access.Actor`): the
signed-in account, or in a folder without accounts the operator typed in
Settings. Every service acts as it (:meth:`Services.set_actor` after a switch of
user) and refuses what the actor's role does not allow.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gridoffice.domain.access import Actor
from gridoffice.services.audit import AuditService
from gridoffice.store.settings import OfficeSettings

if TYPE_CHECKING:
    from gridoffice.services.cobuild import CobuildService
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
    cobuild: CobuildService
    sync: SyncService
    actor: Actor | None = None  # None: the open folder's user (the profile's operator)
    settings: OfficeSettings = field(init=False)
    audit: AuditService = field(init=False)

    def __post_init__(self) -> None:
        self.settings = OfficeSettings(self.db.path)
        if self.actor is None:
            self.actor = Actor.open(self.profile.operator if self.profile else "")
        self.audit = AuditService(self.db, self.actor.audit_name)
        self.set_actor(self.actor)

    @classmethod
    def build(cls, db: Database, profile: OfficeProfile | None,
              language: str = "zh_CN", actor: Actor | None = None) -> Services:
        from gridoffice.services.cobuild import CobuildService
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
                   inservice=InServiceService(db, operator),
                   cobuild=CobuildService(db, operator), sync=SyncService(db),
                   actor=actor)

    @classmethod
    def for_database(cls, db: Database, language: str = "zh_CN",
                     actor: Actor | None = None) -> Services:
        """The services of ``db`` for the office it is set up for, acting as ``actor``."""
        from gridoffice.services.office import load_profile

        return cls.build(db, load_profile(db.path), language, actor)

    def replace(self, **services: Any) -> Services:
        """The same container with some services in place of its own (a service with a
        fixed clock, say)."""
        return dataclasses.replace(self, **services)

    def _acting(self) -> tuple[Any, ...]:
        return (self.orgs, self.roster, self.households, self.meetings, self.inservice,
                self.cobuild, self.sync)

    @property
    def operator(self) -> str:
        """The name written into records: the signed-in account's (real) name."""
        assert self.actor is not None
        return self.actor.operator

    def set_actor(self, actor: Actor) -> None:
        """Every service acts as ``actor`` from now on (sign-in, switch of user)."""
        self.actor = actor
        for service in self._acting():
            service.actor = actor
            if hasattr(service, "operator"):
                service.operator = actor.operator
        self.audit.operator = actor.audit_name

    @property
    def unit(self) -> str:
        """The office's name, printed on its ledgers."""
        return self.profile.name if self.profile else ""

    def set_profile(self, profile: OfficeProfile) -> None:
        """The office's settings changed; in a folder without accounts, every service
        writes as the operator typed there."""
        self.profile = profile
        assert self.actor is not None
        if self.actor.is_open:
            self.set_actor(Actor.open(profile.operator, control_tags=self.actor.control_tags))

    def grid_choices(self) -> list[tuple[str, str]]:
        """(id, name) of the grids, for the lists of other areas."""
        return [(g.id, g.name or g.code) for g in self.households.list_grids()]
