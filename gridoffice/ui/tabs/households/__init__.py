"""The "Grid households" tab (网格户情) as a package: ``tab`` (the tab: widgets,
contract, ledgers), ``view`` (filters, tree, resident table and what is chosen),
``actions`` (what the actions do), ``commands`` (their undo), ``detail`` (the
household underneath), ``exports`` (Excel)."""

from gridoffice.ui.tabs.households.detail import HouseholdDetailPanel
from gridoffice.ui.tabs.households.tab import SEARCH_DELAY_MS, HouseholdsTab

__all__ = ["SEARCH_DELAY_MS", "HouseholdDetailPanel", "HouseholdsTab"]
