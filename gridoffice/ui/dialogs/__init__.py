"""Dialogs; each has an ``ask(...)`` classmethod that tests can drive."""
