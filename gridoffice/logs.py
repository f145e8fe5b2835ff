"""Logging to a file in the log folder, rotated at start-up.

Rotation happens once when the program starts (plain ``FileHandler`` after
that): ``logging.handlers`` pulls in sockets and pickle, which start-up does
not need, and one session never writes megabytes.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from gridoffice.errors import UserError

LOG_FILE_NAME = "gridoffice.log"
MAX_BYTES = 2_000_000
KEEP = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# What may be personal data in a line: ID numbers, phone numbers, and any
# Chinese text (the program logs in English; Chinese is a name, an address,
# a note …). The log keeps ids, counts and English words only.
_REDACTIONS = (
    (re.compile(r"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])|(?<![0-9])\d{15}(?![0-9])"),
     "[ID]"),
    (re.compile(r"(?<![0-9])(?:\+?86[- ]?)?1[3-9]\d{9}(?![0-9])"), "[phone]"),
    (re.compile(r"(?<![0-9])0\d{2,3}[- ]?\d{7,8}(?![0-9])"), "[phone]"),
    (re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0002ffff]+"), "…"),
)


def redact(text: str) -> str:
    """``text`` without what may be personal data (see ``_REDACTIONS``)."""
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


def _safe(value: Any) -> Any:
    """A user error by its kind and the names of its values, never the values."""
    if isinstance(value, UserError):
        names = ", ".join(sorted(value.values)) or "-"
        return f"{type(value).__name__}({value.message!r}; values: {names})"
    return value


class PrivateFormatter(logging.Formatter):
    """Writes no personal data: user errors without their values, and ID
    numbers, phones and Chinese text (names, addresses) redacted everywhere,
    tracebacks included."""

    def format(self, record: logging.LogRecord) -> str:
        record = logging.makeLogRecord(record.__dict__)  # other handlers keep theirs
        if isinstance(record.args, tuple):
            record.args = tuple(_safe(arg) for arg in record.args)
        elif isinstance(record.msg, UserError):
            record.msg = _safe(record.msg)
        return redact(super().format(record))

    def formatException(self, ei: Any) -> str:  # noqa: N802 - logging's name
        exc_type, exc, tb = ei
        if isinstance(exc, UserError):
            lines = traceback.format_tb(tb if isinstance(tb, TracebackType) else None)
            return "Traceback (most recent call last):\n" + "".join(lines) + _safe(exc)
        return redact(super().formatException(ei))


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
    handler.setFormatter(PrivateFormatter(_FORMAT))
    handler._gridoffice = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return path
