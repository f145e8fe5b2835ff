"""Start-up speed, measured side by side with a bare PySide6 window (not a timed unit test).

Run: python -m pytest tests/benchmarks -m benchmark -s

Both programs report how long after their process started the main window was
shown (``window.show()`` returned), measured the same way (the kernel's process
start time). The foundation issue asks: GridOffice ≤ 1.5 × the bare window;
``gridoffice-cli info`` ≤ 0.5 s. Also printed: when GridOffice's data had loaded
(services and SQLAlchemy are imported after the window is shown).
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNS = 9

BARE_WINDOW = """
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

def started():
    with open("/proc/self/stat", "rb") as handle:
        fields = handle.read().rsplit(b")", 1)[1].split()
    with open("/proc/uptime", "rb") as handle:
        uptime = float(handle.read().split()[0])
    return time.time() - (uptime - int(fields[19]) / os.sysconf("SC_CLK_TCK"))

start = started()
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1200, 800)
window.show()
print(f"shown {time.time() - start:.3f}")
QTimer.singleShot(0, lambda: app.exit(0))
sys.exit(app.exec())
"""


def _run(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(command, check=True, env=env, cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    return time.perf_counter() - start, result.stdout


@pytest.mark.benchmark
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_startup_against_a_bare_window(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    data = tmp_path / "demo"
    subprocess.run([sys.executable, "-m", "gridoffice.cli", "--data-dir", str(data), "demo"],
                   check=True, env=env, cwd=ROOT, capture_output=True)
    log = data / "logs" / "gridoffice.log"
    bare_shown, bare_total, app_shown, app_loaded, app_total, info_total = ([] for _ in range(6))
    for _ in range(RUNS):  # interleaved, so both see the same machine load
        total, out = _run([sys.executable, "-c", BARE_WINDOW], env)
        bare_total.append(total)
        bare_shown.append(float(re.search(r"shown ([\d.]+)", out).group(1)))
        log.unlink(missing_ok=True)
        total, _ = _run([sys.executable, "-m", "gridoffice", "--data-dir", str(data),
                         "--exit-after-show"], env)
        app_total.append(total)
        text = log.read_text("utf-8")
        app_shown.append(float(re.search(r"main window shown ([\d.]+) s", text).group(1)))
        app_loaded.append(float(re.search(r"data loaded ([\d.]+) s", text).group(1)))
        total, _ = _run([sys.executable, "-m", "gridoffice.cli", "--data-dir", str(data),
                         "info", "--json"], env)
        info_total.append(total)
    med = statistics.median
    print(f"\nmedians of {RUNS} runs, seconds after the process started")
    print(f"  bare PySide6 window shown:        {med(bare_shown):.3f}  "
          f"(process {med(bare_total):.3f})")
    print(f"  GridOffice main window shown:     {med(app_shown):.3f}  "
          f"ratio {med(app_shown) / med(bare_shown):.2f} (limit 1.5)")
    print(f"  GridOffice organisation tree loaded: {med(app_loaded):.3f}  "
          f"(process {med(app_total):.3f})")
    print(f"  gridoffice-cli info --json:       {med(info_total):.3f}  (limit 0.5)")
    assert med(info_total) < 5  # sanity only; the figures above are the result
