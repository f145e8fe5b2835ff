"""What the pages of the in-service tab after the registrations share: a page asks
the tab (its ``host``) for the service, the grids and the undo stack, and reads its
lists on the GUI thread (they are small)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gridoffice.ui.tabs.hosted_page import HostedPage

if TYPE_CHECKING:
    from gridoffice.services.inservice import InServiceService, RegistrationQuery


class Page(HostedPage):
    """A page of the in-service tab; ``host`` is the tab."""

    @property
    def service(self) -> InServiceService:
        assert self.host.service is not None
        return self.host.service  # type: ignore[no-any-return]


def rules_query(**values: Any) -> RegistrationQuery:
    """A registration query (the service module is imported when first asked)."""
    from gridoffice.services.inservice import RegistrationQuery

    return RegistrationQuery(**values)
