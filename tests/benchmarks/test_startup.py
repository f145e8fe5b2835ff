"""Start-up speed, measured side by side with a bare PySide6 window (not a timed unit test).

Run: python -m pytest tests/benchmarks/test_startup.py -m benchmark -s

Each program reports how long after its process started something was on screen,
measured the same way (the kernel's process start time): the bare window when
``window.show()`` returned; GridOffice when its main window was shown, when the
workbench's first screen was painted (the to-do and the month's and year's figures,
read before SQLAlchemy loads: ``MainWindow.start_loading``) and when every tab
had its data from the services. Issue 17 asks: the first tab's data on screen
within 1.0 s on the large demo, the window itself ≤ 1.5 × the bare window;
``gridoffice-cli info`` ≤ 0.5 s. An encrypted folder shows its sign-in dialog first: that
is measured too (the dialog cancelled once shown).

Each figure is given as the median of the runs and as the fastest run, each against the
bare window's same statistic: on a shared 2-core machine a single run can be slowed by
anything else running, and the fastest run is what the program costs when nothing
interferes.

The programs run with compiled bytecode cached (as an installed program has it),
each once before measuring; the runs are interleaved so that all see the same
machine load.
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

from tests.benchmarks.large_data import copy_of

ROOT = Path(__file__).resolve().parents[2]
RUNS = 9
PASSWORD = "secret-admin"

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

ENCRYPT = """
import sys
from pathlib import Path
from gridoffice import paths
from gridoffice.domain import access
from gridoffice.services import encryption
from gridoffice.services.accounts import AccountDraft, AccountService
folder = paths.resolve(Path(sys.argv[1]))
AccountService(folder.database).add(AccountDraft("admin", access.ADMIN, "王书记"), sys.argv[2])
encryption.encrypt(folder)
"""


def _run(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(command, check=True, env=env, cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    return time.perf_counter() - start, result.stdout


LOGIN_PROBE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog
from gridoffice.__main__ import main

shown = QDialog.showEvent

def show_event(dialog, event):
    shown(dialog, event)
    QTimer.singleShot(50, dialog.reject)  # the sign-in cancelled: the program ends with 0

QDialog.showEvent = show_event
sys.exit(main(sys.argv[1:]))
"""


def _sign_in_shown(folder: Path, env: dict[str, str]) -> float:
    """When the sign-in dialog of an encrypted folder showed, seconds after the start."""
    log = folder / "logs" / "gridoffice.log"
    log.unlink(missing_ok=True)
    _run([sys.executable, "-c", LOGIN_PROBE, "--data-dir", str(folder)], env)
    found = re.search(r"sign-in shown ([\d.]+) s after", log.read_text("utf-8"))
    assert found is not None
    return float(found.group(1))


def _start_app(folder: Path, env: dict[str, str]) -> tuple[float, float, float]:
    """(window shown, first screen shown, data loaded), seconds after the process started."""
    log = folder / "logs" / "gridoffice.log"
    log.unlink(missing_ok=True)
    _run([sys.executable, "-m", "gridoffice", "--data-dir", str(folder), "--exit-after-show"],
         env)
    text = log.read_text("utf-8")

    def seconds(what: str) -> float:
        return float(re.search(rf"{what} ([\d.]+) s after", text).group(1))  # type: ignore

    return seconds("main window shown"), seconds("first screen shown"), seconds("data loaded")


@pytest.mark.benchmark
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_startup_against_a_bare_window(tmp_path, large_demo):
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "GRIDOFFICE_DATA_DIR")}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               PYTHONPYCACHEPREFIX=str(tmp_path / "pycache"))
    small, large, locked = tmp_path / "small", tmp_path / "large", tmp_path / "encrypted"
    subprocess.run([sys.executable, "-m", "gridoffice.cli", "--data-dir", str(small), "demo"],
                   check=True, env=env, cwd=ROOT, capture_output=True)
    copy_of(large_demo, large)  # the program writes its log and window layout there
    copy_of(large_demo, locked)
    subprocess.run([sys.executable, "-c", ENCRYPT, str(locked), PASSWORD], check=True,
                   env=env, cwd=ROOT, capture_output=True)
    signed = {**env, "GRIDOFFICE_USER": "admin", "GRIDOFFICE_PASSWORD": PASSWORD}
    folders = {"small demo (160 members)": (small, env),
               "large demo (20,000 members)": (large, env),
               "large demo, encrypted (sign-in included)": (locked, signed)}
    bare: list[float] = []
    info: list[float] = []
    sign_in: list[float] = []
    app: dict[str, list[tuple[float, float, float]]] = {name: [] for name in folders}
    for run in range(RUNS + 1):  # interleaved; the first run only fills the bytecode cache
        _total, out = _run([sys.executable, "-c", BARE_WINDOW], env)
        shown = float(re.search(r"shown ([\d.]+)", out).group(1))  # type: ignore[union-attr]
        figures = {name: _start_app(folder, folder_env)
                   for name, (folder, folder_env) in folders.items()}
        dialog = _sign_in_shown(locked, env)
        total, _ = _run([sys.executable, "-m", "gridoffice.cli", "--data-dir", str(small),
                         "info", "--json"], env)
        if run:
            bare.append(shown)
            info.append(total)
            sign_in.append(dialog)
            for name, values in figures.items():
                app[name].append(values)
    med = statistics.median
    base, fastest = med(bare), min(bare)

    def line(what: str, values: list[float], limit: str) -> None:
        """The median and its ratio to the bare window's median, then the same for the
        fastest run (what the machine can do when nothing else interferes)."""
        print(f"    {what:<22} {med(values):.3f}  ratio {med(values) / base:.2f}; fastest "
              f"{min(values):.3f}  ratio {min(values) / fastest:.2f}  ({limit})")

    print(f"\nmedians and fastest of {RUNS} runs, seconds after the process started "
          f"({os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f})")
    print(f"  bare PySide6 window shown:  median {base:.3f}, fastest {fastest:.3f}")
    for name, values in app.items():
        print(f"  {name}:")
        line("main window shown:", [v[0] for v in values], "limit 1.5")
        line("first screen shown:", [v[1] for v in values], "limit 1.0 s")
        line("every tab loaded:", [v[2] for v in values], "no limit")
    print("  large demo, encrypted, without the sign-in's password:")
    line("sign-in dialog shown:", sign_in, "limit 1.5")
    print(f"  gridoffice-cli info --json: {med(info):.3f}  (limit 0.5)")
    assert med(info) < 5  # sanity only; the figures above are the result


FREEZE_PROBE = """
import sys, time
from PySide6.QtCore import QTimer
import gridoffice.ui.app as app
import gridoffice.ui.main_window as main_window
from gridoffice.__main__ import main

ticks, state = [], {}

def tick():
    ticks.append(time.perf_counter())

shown = main_window.MainWindow.show

def show(window):
    shown(window)
    timer = QTimer(window)
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    window.first_shown.connect(lambda: state.setdefault("first", time.perf_counter()))
    window.data_loaded.connect(lambda: state.setdefault("loaded", time.perf_counter()))

main_window.MainWindow.show = show
main(sys.argv[1:])
first, loaded = state["first"], state["loaded"]
seen = [t for t in ticks if t >= first] + [loaded]
longest = max(b - a for a, b in zip(seen, seen[1:]))
print(f"loaded {loaded - first:.3f} longest {longest:.3f}")
"""


@pytest.mark.benchmark
def test_the_window_answers_while_the_tabs_load(tmp_path, large_demo):
    """From the first screen until every tab has its data: how long that takes and the
    longest time the window could not answer a click (the GUI thread busy), on the large
    demo; a timer ticks every 5 ms (an idle window's longest gap is that)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "GRIDOFFICE_DATA_DIR")}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               PYTHONPYCACHEPREFIX=str(tmp_path / "pycache"))
    folder = copy_of(large_demo, tmp_path / "large")
    loaded, longest = [], []
    for run in range(RUNS + 1):
        _total, out = _run([sys.executable, "-c", FREEZE_PROBE, "--data-dir", str(folder),
                            "--exit-after-show"], env)
        found = re.search(r"loaded ([\d.]+) longest ([\d.]+)", out)
        assert found is not None, out
        if run:  # the first run only fills the bytecode cache
            loaded.append(float(found.group(1)))
            longest.append(float(found.group(2)))
    med = statistics.median
    print(f"\nlarge demo, medians of {RUNS} runs ({os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f}):")
    print(f"  every tab loaded {med(loaded):.3f} s after the first screen")
    print(f"  longest the window did not answer: {med(longest) * 1000:.0f} ms "
          f"(worst run {max(longest) * 1000:.0f} ms)")
    assert med(loaded) < 60  # sanity only; the figures above are the result
