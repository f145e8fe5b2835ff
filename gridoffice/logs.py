"""Logging to a rotating file in the log folder (and stderr for the CLI)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE_NAME = "gridoffice.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


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
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8", delay=True
        )
    except OSError:
        # Logging must never stop the program; the data folder check reports real problems.
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._gridoffice = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return path
