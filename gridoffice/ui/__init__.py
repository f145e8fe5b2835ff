"""The only Qt code of GridOffice: the main window, tabs, models, dialogs and workers."""

from gridoffice.ui import pyside_imports

pyside_imports.install()  # before any other module of the window is imported
