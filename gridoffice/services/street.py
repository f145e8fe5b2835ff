"""Which office owns which records, by name: what the street office's view needs.

Every synced row names its owning office (``origin_office``). The street office
holds the records of all its communities; their names come from the identity
files it trusted (``sync_peer``), its own from the office profile.
"""

from __future__ import annotations

from pathlib import Path

from gridoffice.services import office
from gridoffice.store import driver
from gridoffice.store.files import connect
from gridoffice.store.settings import read_meta


def office_names(db_path: Path) -> dict[str, str]:
    """office id -> display name (the community's name, or the street office's),
    for this office and every office this PC trusts; ordered by name."""
    names: dict[str, str] = {}
    profile = office.load_profile(db_path)
    own = read_meta(db_path).get("office_id", "")
    if profile is not None and own:
        names[own] = profile.name
    conn = connect(db_path, read_only=True)
    try:
        rows = conn.execute("SELECT office_id, role, street, community FROM sync_peer "
                            "WHERE revoked_at IS NULL").fetchall()
    except driver.OperationalError:
        rows = []
    finally:
        conn.close()
    for office_id, role, street, community in rows:
        names.setdefault(office_id, street if role == "street" else community)
    return dict(sorted(names.items(), key=lambda item: item[1]))


def is_street(db_path: Path) -> bool:
    profile = office.load_profile(db_path)
    return profile is not None and profile.is_street
