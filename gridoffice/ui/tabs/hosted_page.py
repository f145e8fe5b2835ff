"""A page of a tab with several pages: it asks the tab (its ``host``) for the service
and the choices, shows a refused call as a message, and reads its list again when
asked (the in-service and the co-building tabs)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from gridoffice.errors import UserError
from gridoffice.ui import messages


class HostedPage(QWidget):
    """A page of ``host`` (a tab with a ``service``)."""

    def __init__(self, host: Any) -> None:
        super().__init__(host)
        self.host = host

    @property
    def service(self) -> Any:
        assert self.host.service is not None
        return self.host.service

    def _try(self, call: Callable[[], Any]) -> Any:
        """``call()``, or None after showing why it was refused."""
        try:
            return call()
        except UserError as err:
            messages.show_user_error(self, err)
            return None

    def refresh(self) -> None:
        raise NotImplementedError
