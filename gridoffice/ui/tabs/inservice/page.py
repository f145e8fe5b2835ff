"""What the pages of the in-service tab after the registrations share: a page asks
the tab (its ``host``) for the service, the grids and the undo stack, and reads its
lists on the GUI thread (they are small)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from gridoffice.errors import UserError
from gridoffice.ui import messages

if TYPE_CHECKING:
    from gridoffice.services.inservice import InServiceService, RegistrationQuery


class Page(QWidget):
    """A page of the in-service tab; ``host`` is the tab."""

    def __init__(self, host: Any) -> None:
        super().__init__(host)
        self.host = host

    @property
    def service(self) -> InServiceService:
        assert self.host.service is not None
        return self.host.service

    def _try(self, call: Callable[[], Any]) -> Any:
        try:
            return call()
        except UserError as err:
            messages.show_user_error(self, err)
            return None

    def refresh(self) -> None:
        raise NotImplementedError


def rules_query(**values: Any) -> RegistrationQuery:
    """A registration query (the service module is imported when first asked)."""
    from gridoffice.services.inservice import RegistrationQuery

    return RegistrationQuery(**values)
