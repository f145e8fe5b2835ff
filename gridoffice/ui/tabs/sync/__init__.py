"""The Sync tab (数据同步) as a package: :mod:`.tab` puts it together from
:mod:`.peers`, :mod:`.exchange`, :mod:`.conflicts` and :mod:`.street`."""

from gridoffice.ui.dialogs.sync_dialogs import SummaryYearDialog
from gridoffice.ui.tabs.sync.exchange import PACKAGE_SUFFIX
from gridoffice.ui.tabs.sync.street import DuplicateTableModel
from gridoffice.ui.tabs.sync.tab import SyncTab

__all__ = ["PACKAGE_SUFFIX", "DuplicateTableModel", "SummaryYearDialog", "SyncTab"]
