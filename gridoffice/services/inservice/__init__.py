"""In-service party members reporting to the community (在职党员到社区报到).

Registration is linked to the person's member or resident record when there is
one (no second copy of a person). Posts have quotas; check-in and check-out make
service records confirmed by the staff member on duty, and points come only from
confirmed records and from entries staff add: the points ledger is append-only,
corrections are new entries, and every entry keeps the rule it was made under.

:class:`InServiceService` is imported when first asked for: the plain data of
:mod:`.model` and the SQL of :mod:`.reach` need no SQLAlchemy (the workbench
reads with them at start-up before SQLAlchemy is loaded).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # Every public name of the model (messages, drafts, rows …) is importable from here.
    from gridoffice.services.inservice.model import *  # noqa: F403
    from gridoffice.services.inservice.service import InServiceService as InServiceService


def __getattr__(name: str) -> Any:
    """The service and the model's names, imported when first asked for (the model's
    fifteen dataclasses cost 25 ms, which the workbench's first screen, needing only
    :mod:`.reach`, does not pay)."""
    if name == "InServiceService":
        from gridoffice.services.inservice.service import InServiceService as InServiceService

        return InServiceService
    if not name.startswith("__") and name != "model":
        import importlib

        model = importlib.import_module("gridoffice.services.inservice.model")
        if hasattr(model, name):
            return getattr(model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
