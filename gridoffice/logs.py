"""Logging to a file in the log folder, rotated at start-up.

Rotation happens once when the program starts (plain ``FileHandler`` after
that): ``logging.handlers`` pulls in sockets and pickle, which start-up does
not need, and one session never writes megabytes.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

LOG_FILE_NAME = "gridoffice.log"
MAX_BYTES = 2_000_000
KEEP = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def _rotate(path: Path) -> None:
    """gridoffice.log -> .1 -> .2 … -> .KEEP when the file has grown too big."""
    try:
        if path.stat().st_size < MAX_BYTES:
            return
    except OSError:
        return
    for n in range(KEEP - 1, 0, -1):
        older = path.with_name(f"{path.name}.{n}")
        if older.exists():
            with contextlib.suppress(OSError):
                os.replace(older, path.with_name(f"{path.name}.{n + 1}"))
    with contextlib.suppress(OSError):
        os.replace(path, path.with_name(f"{path.name}.1"))


def setup(log_dir: Path, *, verbose: bool = False) -> Path | None:
    """Log to ``log_dir/gridoffice.log``; returns the file, or None if it cannot be written."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        if getattr(handler, "_gridoffice", False):
            root.removeHandler(handler)
            handler.close()
    path = log_dir / LOG_FILE_NAME
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        _rotate(path)
        handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    except OSError:
        # Logging must never stop the program; the data folder check reports real problems.
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._gridoffice = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return path
