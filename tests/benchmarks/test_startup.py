"""Start-up speed, measured side by side with a bare PySide6 window (not a timed unit test).

Run: python -m pytest tests/benchmarks -m benchmark -s
Prints the median wall time of each and the ratios the foundation issue asks for:
GridOffice to a shown main window ≤ 1.5 × a bare QMainWindow; `gridoffice-cli info` ≤ 0.5 s.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNS = 7

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1200, 800)
window.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""


def _median_seconds(command: list[str], env: dict[str, str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, env=env, cwd=ROOT, capture_output=True, timeout=120)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@pytest.mark.benchmark
def test_startup_against_a_bare_window(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    data = tmp_path / "demo"
    subprocess.run([sys.executable, "-m", "gridoffice.cli", "--data-dir", str(data), "demo"],
                   check=True, env=env, cwd=ROOT, capture_output=True)
    bare = _median_seconds([sys.executable, "-c", BARE_WINDOW], env)
    shown = _median_seconds([sys.executable, "-m", "gridoffice", "--data-dir", str(data),
                             "--exit-after-show"], env)
    info = _median_seconds([sys.executable, "-m", "gridoffice.cli", "--data-dir", str(data),
                            "info", "--json"], env)
    print(f"\nbare PySide6 window: {bare:.3f} s")
    print(f"gridoffice to shown main window with data: {shown:.3f} s "
          f"(ratio {shown / bare:.2f}, limit 1.5)")
    print(f"gridoffice-cli info --json: {info:.3f} s (limit 0.5 s)")
    log = (data / "logs" / "gridoffice.log").read_text("utf-8")
    print("log:", [line for line in log.splitlines() if "shown" in line][-1:])
