"""The only Qt code of GridOffice: the main window, tabs, models, dialogs and workers."""

from gridoffice.ui import qt_fixes

qt_fixes.install()  # before any signal is emitted (see qt_fixes)
