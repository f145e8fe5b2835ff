"""The co-building tab (共驻共建): see :mod:`.tab`."""

from gridoffice.ui.tabs.cobuild.tab import CobuildTab

__all__ = ["CobuildTab"]
