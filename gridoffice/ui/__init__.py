"""The only Qt code of GridOffice: the main window, tabs, models, dialogs and workers."""
