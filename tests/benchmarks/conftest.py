"""The benchmarks' shared data: one large demo per run (see large_data.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.benchmarks.large_data import build_large_demo


@pytest.fixture(scope="session")
def large_demo(tmp_path_factory) -> Path:
    """The folder of the large demo (read it; copy it to write)."""
    given = os.environ.get("BENCHMARK_DATA_DIR")
    folder = Path(given) / "large-demo" if given else tmp_path_factory.mktemp("data") / "large"
    folder, seconds = build_large_demo(folder)
    if seconds:
        print(f"\nlarge demo built in {seconds:.1f} s")
    return folder
