"""A day of clicking in the real main window, in a child process.

PySide6 6.12.0 on CPython 3.11 lost a reference to ``None`` at every call of a
Qt method returning nothing; after about 3,000 row selections the program
aborted ("Fatal Python error: none_dealloc"). This runs 20,000 selections with
tab switches, searches and opened dialogs over the demo data and checks that
the process lives and, where ``None`` is mortal, that its reference count did
not fall (a slow rise is caches filling and objects the binding keeps).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SOAK = Path(__file__).with_name("window_soak.py")
SELECTIONS = 20_000
LOST_AT_MOST = 300  # references to None or True that may go missing in all
GROWTH_MB = 120  # the memory the window may take on during the soak


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory) -> Path:
    from gridoffice import paths
    from gridoffice.services import demo, office
    from gridoffice.store.database import Database
    from gridoffice.store.files import open_database

    folder = tmp_path_factory.mktemp("soak") / "data"
    opened = open_database(paths.resolve(folder))
    office.save_profile(opened.path, office.OfficeProfile("幸福里社区", "幸福街道", "community",
                                                          "王芳"))
    db = Database(opened.path)
    try:
        demo.fill(db, seed=1)
    finally:
        db.close()
    return folder


@pytest.mark.slow
def test_twenty_thousand_selections_in_every_tab(demo_folder):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GRIDOFFICE_DATA_DIR=str(demo_folder))
    done = subprocess.run(
        [sys.executable, str(SOAK), str(demo_folder), "--selections", str(SELECTIONS)],
        capture_output=True, text=True, env=env, timeout=1800)
    assert done.returncode == 0, f"the window died ({done.returncode}):\n{done.stderr[-3000:]}"
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print("soak:", result)  # shown with -s or -rP
    assert result["selections"] >= SELECTIONS
    assert result["tab_switches"] >= 10 and result["searches"] >= 10 and result["dialogs"] >= 10
    assert result["memory_growth_mb"] < GROWTH_MB, result
    if not result["immortal_none"]:
        for key in ("none_drift", "true_drift", "none_drift_with_dialogs",
                    "true_drift_with_dialogs"):
            assert result[key] > -LOST_AT_MOST, (key, result)
