"""The points rules as this office's settings hold them (local, never synced): read
from the data file, or from the ``setting`` rows a caller already read (the workbench
reads them on its own connection at start-up, without the in-service model)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from gridoffice.domain import inservice as rules
from gridoffice.store import settings

# One key per PointRules field; entries keep the values they were made under.
KEY_PREFIX = settings.INSERVICE_RULES.format(rule="")


def point_rules_of(values: Mapping[str, str]) -> rules.PointRules:
    """The rules from the settings ``values`` (key → text); a missing or unreadable
    value keeps its default."""
    default = rules.PointRules()
    found: dict[str, Any] = {}
    for name, value in vars(default).items():
        raw = values.get(KEY_PREFIX + name)
        if raw is None:
            continue
        if isinstance(value, int):
            try:
                found[name] = int(raw)
            except ValueError:
                continue
        else:
            found[name] = raw
    return rules.PointRules(**{**vars(default), **found})


def load_point_rules(db_path: Path) -> rules.PointRules:
    return point_rules_of(settings.read_all(db_path))
