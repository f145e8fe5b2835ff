"""The workbench tab (工作台) as a package: :mod:`.tab` puts it together from
:mod:`.parts`, :mod:`.charts_box` and :mod:`.demo`."""

from gridoffice.ui.tabs.workbench.tab import WorkbenchTab

__all__ = ["WorkbenchTab"]
