"""Column mappings remembered between imports: for each importer, the header text of
the column chosen for each field, kept in the local settings (``store.settings``) and
offered again when a later sheet has the same titles."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from gridoffice.store import settings
from gridoffice.store.database import Database

ROSTER_MAPPING_SETTING = settings.import_mapping_key("roster")
RESIDENTS_MAPPING_SETTING = settings.import_mapping_key("residents")


def remembered_mapping(db: Database, setting: str) -> dict[str, str]:
    """The mapping of the last import kept under ``setting`` (field -> header text),
    or {}."""
    raw = settings.read_all(db.path).get(setting)
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(k): str(v) for k, v in value.items() if isinstance(v, str)}


def remember_mapping(db: Database, setting: str, headers: Sequence[str],
                     mapping: Mapping[str, int]) -> None:
    """Keep the mapping by header text under ``setting`` for the next import."""
    value = {key: headers[index] for key, index in mapping.items()
             if 0 <= index < len(headers) and headers[index]}
    settings.write(db.path, {setting: json.dumps(value, ensure_ascii=False,
                                                 sort_keys=True)})
