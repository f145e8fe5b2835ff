"""A large community office (20,000 members, 8 grids of 400–500 households with their
residents, ten years of meetings), written by the demo's own generators.

The in-service registrations are left out: registering them one by one takes
longer than a benchmark can wait (issue 17); once ``gridoffice-cli demo --size
large`` finishes in minutes, use it instead. Run in a child process (the
generators import the services)."""

from __future__ import annotations

import sys
from pathlib import Path
from unittest import mock


def make_large_office(folder: Path) -> Path:
    """Fill the data folder ``folder`` (created) and return its database path."""
    from gridoffice import paths
    from gridoffice.services import demo
    from gridoffice.store.database import Database
    from gridoffice.store.files import open_database

    opened = open_database(paths.resolve(folder))
    db = Database(opened.path)
    try:
        with mock.patch.object(demo, "_inservice", return_value=0):
            demo.fill(db, size="large")
    finally:
        db.close()
    return opened.path


if __name__ == "__main__":
    make_large_office(Path(sys.argv[1]))
