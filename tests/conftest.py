"""Shared fixtures: real data folders in tmp_path, never the user's profile."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("GRIDOFFICE_DATA_DIR", None)

from gridoffice import paths  # noqa: E402
from gridoffice.services import office  # noqa: E402
from gridoffice.store.files import open_database  # noqa: E402
from tests.street_fixture import street_db, street_folder  # noqa: E402, F401 - shared fixtures

TODAY = dt.date(2026, 11, 21)
ROOT = Path(__file__).resolve().parents[1]


def cli_demo(data: Path, seed: int) -> Path:
    """A data folder filled by ``gridoffice-cli demo`` in a child process, as an office
    would make it (the CLI sets the office up itself)."""
    env = {k: v for k, v in os.environ.items() if k != "GRIDOFFICE_DATA_DIR"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run([sys.executable, "-m", "gridoffice.cli", "--data-dir", str(data),
                           "demo", "--seed", str(seed)], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    return data


@pytest.fixture(scope="session")
def demo_templates(tmp_path_factory) -> Callable[[int], Path]:
    """The demo folder of a seed (:func:`cli_demo`), made once per test session and
    shared by the modules asking for it: read it, or write into :func:`copy_demo`."""
    made: dict[int, Path] = {}

    def template(seed: int) -> Path:
        if seed not in made:
            made[seed] = cli_demo(tmp_path_factory.mktemp(f"demo-{seed}") / "office", seed)
        return made[seed]

    return template


def copy_demo(template: Path, tmp_path: Path) -> Path:
    """A copy of a demo folder to write into (``tmp_path/office``)."""
    folder = tmp_path / "office"
    shutil.copytree(template, folder)
    return folder


@pytest.fixture
def app_paths(tmp_path):
    """Paths of a fresh data folder (nothing created yet)."""
    return paths.resolve(tmp_path / "data")


@pytest.fixture
def db(app_paths):
    """An opened, migrated, set-up database in tmp_path."""
    from gridoffice.store.database import Database

    opened = open_database(app_paths)
    office.save_profile(opened.path, office.OfficeProfile("幸福里社区", "幸福街道", "community",
                                                          "王芳"))
    database = Database(opened.path)
    yield database
    database.close()


@pytest.fixture
def orgs(db):
    from gridoffice.services.orgs import OrgService

    return OrgService(db, operator="王芳", today=TODAY)
