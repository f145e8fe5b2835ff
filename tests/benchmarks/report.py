"""How the benchmarks report: a table of (workload, measured, baseline, ratio, aim)
printed, and written as JSON into ``BENCHMARK_JSON_DIR`` when it is set.

Each benchmark measures its baseline in the same run; the ratio is measured /
baseline. Aims are reported, not asserted: the assertions are generous guards.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Figure:
    workload: str
    measured: float
    baseline: float | None = None
    unit: str = "ms"
    aim: str = ""  # e.g. "≤ 50 ms median", "≤ 3 × baseline"
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline <= 0:
            return None
        return self.measured / self.baseline


def report(name: str, figures: Iterable[Figure]) -> list[Figure]:
    """Print the figures as a table; write ``BENCHMARK_JSON_DIR/name.json`` if set."""
    figures = list(figures)
    head = ("workload", "measured", "baseline", "ratio", "aim")
    lines = []
    for f in figures:
        base = "" if f.baseline is None else f"{f.baseline:.1f} {f.unit}"
        ratio = "" if f.ratio is None else f"{f.ratio:.2f} x"
        text = f.workload + (f" ({f.note})" if f.note else "")
        lines.append((text, f"{f.measured:.1f} {f.unit}", base, ratio, f.aim))
    widths = [max(len(str(row[i])) for row in (head, *lines)) for i in range(5)]
    print(f"\n== {name} ==")
    for row in (head, *lines):
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))
    folder = os.environ.get("BENCHMARK_JSON_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        rows = [{**asdict(f), "ratio": f.ratio} for f in figures]
        Path(folder, f"{name}.json").write_text(
            json.dumps({"benchmark": name, "figures": rows}, ensure_ascii=False, indent=1),
            encoding="utf-8")
    return figures


def timings(action: Callable[[], Any], repeat: int) -> list[float]:
    """``repeat`` wall-clock timings of ``action`` in ms."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def median(values: list[float]) -> float:
    return statistics.median(values)


def run_child(script: str, *args: str, timeout: float = 900) -> dict[str, Any]:
    """Run ``script`` in a fresh Python process (so its peak memory is its own) and
    return the JSON object on the last line of its output."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=timeout, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


#: a child's own peak resident memory in MB (ru_maxrss would carry the parent's
#: peak across fork and exec)
PEAK_MB = ("[int(line.split()[1]) / 1024 for line in open('/proc/self/status') "
           "if line.startswith('VmHWM')][0]")
