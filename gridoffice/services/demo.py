"""Realistic demo data for an empty office (DOMAIN.md, "Realistic sample data").

Content is deterministic for a seed; ids and clocks are not. Later areas add
their own part to :func:`fill`.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from gridoffice.domain.names import NameGenerator
from gridoffice.errors import UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services import office
from gridoffice.services.orgs import OrgDraft, OrgService
from gridoffice.store.database import Database

MSG_NOT_EMPTY = QT_TRANSLATE_NOOP(
    "errors", "The data folder already holds data ({count} organisations). Demo data is "
    "only added to an empty data folder."
)

DEMO_PROFILE = office.OfficeProfile("幸福里社区", "幸福街道", "community", "王芳")
ORDINALS = "一二三四五六七八九十"
SIZES = {"small": 4, "large": 8}


@dataclass(frozen=True)
class DemoSummary:
    orgs: int
    seats: int


def fill(db: Database, *, seed: int = 1, size: str = "small",
         today: dt.date | None = None,
         progress: Callable[[str], None] | None = None) -> DemoSummary:
    """Fill an empty database with demo data; refuse if it holds any."""
    day = today or dt.date.today()
    profile = office.load_profile(db.path)
    if profile is None:
        profile = office.save_profile(db.path, DEMO_PROFILE)
    service = OrgService(db, operator=profile.operator, today=day)
    existing = service.list_orgs()
    if existing:
        raise UserError(MSG_NOT_EMPTY, count=len(existing))
    rng = random.Random(seed)
    names = NameGenerator(rng)
    if progress:
        progress("orgs")
    return _orgs(service, rng, names, profile.name, SIZES.get(size, SIZES["small"]), day)


def _past(rng: random.Random, day: dt.date, years_back: tuple[int, int]) -> dt.date:
    start = day - dt.timedelta(days=365 * years_back[1])
    end = day - dt.timedelta(days=365 * years_back[0])
    return start + dt.timedelta(days=rng.randrange(max(1, (end - start).days)))


def _orgs(service: OrgService, rng: random.Random, names: NameGenerator, office_name: str,
          branches: int, day: dt.date) -> DemoSummary:
    community = office_name.removesuffix("社区")
    founded = _past(rng, day, (4, 5))
    root = service.create(OrgDraft(f"中共{community}社区委员会", "committee",
                                   short_name=f"{community}社区党委", established=founded))
    seats = 0
    for seat in ("secretary", "deputy_secretary", "organisation", "publicity", "discipline"):
        service.appoint(root.id, seat, names.person(), founded)
        seats += 1
    # A change of secretary halfway through the term keeps the first one in history.
    service.appoint(root.id, "secretary", names.person(), _past(rng, day, (1, 2)))
    seats += 1
    count = 1
    for i in range(branches):
        established = founded + dt.timedelta(days=rng.randrange(30, 200))
        grid = f"第{ORDINALS[i]}网格"
        branch = service.create(OrgDraft(f"中共{community}社区{grid}支部委员会", "branch",
                                         root.id, short_name=f"{grid}党支部",
                                         grid_code=f"110105001001{i + 1:03d}",
                                         established=established))
        count += 1
        for seat in ("secretary", "organisation", "publicity"):
            service.appoint(branch.id, seat, names.person(), established)
            seats += 1
        for g in range(rng.randint(2, 3)):
            group = service.create(OrgDraft(f"{grid}第{ORDINALS[g]}党小组", "group", branch.id,
                                            established=established))
            service.appoint(group.id, "group_leader", names.person(), established)
            count += 1
            seats += 1
    joint = service.create(OrgDraft(f"中共{community}社区驻区单位联合支部委员会", "joint_branch",
                                    root.id, short_name="驻区单位联合党支部",
                                    established=founded + dt.timedelta(days=90)))
    service.appoint(joint.id, "secretary", names.person(), founded + dt.timedelta(days=90))
    retiree = service.create(OrgDraft(f"中共{community}社区离退休党员支部委员会", "branch", root.id,
                                      short_name="离退休党支部", established=founded))
    service.appoint(retiree.id, "secretary", names.person(), founded)
    count += 2
    seats += 2
    # A temporary branch set up for a renovation project and retired when it ended.
    temp = service.create(OrgDraft(f"{community}社区老旧小区改造临时党支部", "temp_branch", root.id,
                                   established=founded + dt.timedelta(days=200)))
    service.appoint(temp.id, "secretary", names.person(), founded + dt.timedelta(days=200))
    service.retire(temp.id, founded + dt.timedelta(days=600), reason="改造工程完工")
    count += 1
    seats += 1
    return DemoSummary(orgs=count, seats=seats)
