"""Co-building with the units of the area (区域化党建, 共驻共建).

The in-service tab's work units are the area's units; the three lists are the
residents' orders (需求清单), the resources units and members offer (资源清单) and
the services and projects (服务清单). An order is the community's; its steps are
written by the office that records them and travel in the ordinary sync packages
(the street's dispatch is addressed to the order's community). The rules are plain
code in :mod:`gridoffice.domain.cobuild`.
"""

from __future__ import annotations

from gridoffice.services.cobuild.model import *  # noqa: F403
from gridoffice.services.cobuild.service import CobuildService as CobuildService
