"""Work-arounds for bugs of the Qt binding, each detected before it is applied.

PySide6 6.12.0: ``SignalInstance.emit()`` returns ``True`` without taking a
reference to it, so every emit whose result is dropped steals one reference
to ``True``. After a few thousand emits from Python (a search reload, a
selection change, a status message …) CPython frees ``True`` and the program
aborts with "Fatal Python error: bool_dealloc". :func:`install` emits a probe
signal a few times; only if that loses references does it wrap ``emit`` to
give the reference back. A fixed PySide6 is left alone.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

log = logging.getLogger(__name__)
PROBES = 8
_installed = False


class _Probe(QObject):
    ping = Signal()


def emit_steals_bool() -> bool:
    """Whether a dropped ``emit()`` result costs ``True`` a reference."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(PROBES):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    if lost > 0:  # give back what the probe took
        _give_back(True, lost)
    return lost >= PROBES // 2


def _give_back(value: Any, count: int = 1) -> None:
    import ctypes

    for _ in range(count):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(value))


def install() -> bool:
    """Apply the work-arounds this PySide6 needs (once); True if ``emit`` was wrapped."""
    global _installed
    if _installed:
        return False
    _installed = True
    if not emit_steals_bool():
        return False
    import ctypes

    incref = ctypes.pythonapi.Py_IncRef
    py_object = ctypes.py_object
    original = SignalInstance.emit

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        if result is True or result is False:
            incref(py_object(result))  # the reference emit() should have returned
        return result

    SignalInstance.emit = emit  # type: ignore[method-assign]
    log.info("PySide6 emit() steals a reference to True: work-around installed")
    return True
