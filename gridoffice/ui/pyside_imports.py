"""What PySide6 costs at start, kept down: a faster answer to its question "does this
module use PySide6?", and Qt's flags by value.

Once PySide6 is imported, its import hook asks that of every module imported
after it (to honour ``from __feature__ import ...`` per module), by reading the
module's whole source with ``inspect.getsource`` and searching it for the word
"PySide6". That costs about 0.2 ms a module: about 10 ms before the window shows
and 60 ms while SQLAlchemy and the services load in the background. The same
search on the file's bytes gives the same answer in a tenth of the time.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401 - loads shibokensupport.feature, which is replaced below

# PySide6 builds the whole Qt namespace (every one of its enums) the first time it is
# touched, about 20 ms. Nothing shown before the main window or the sign-in dialog
# touches it: the flags they need are set as properties, by value.
ALIGN_CENTER = 0x0084  # Qt::AlignCenter
TEXT_SELECTABLE_BY_MOUSE = 0x0001  # Qt::TextSelectableByMouse


def uses_pyside(module: ModuleType) -> bool:
    """Whether the module's source names PySide6 (PySide6's own test, on the file's bytes).

    A module without a ``.py`` file (built in, an extension, bytecode only, or in a
    PyInstaller archive) has no source to read: False, as PySide6 itself answers."""
    file = getattr(module, "__file__", None)
    if not isinstance(file, str) or not file.endswith(".py"):
        return False
    try:
        with open(file, "rb") as handle:
            return b"PySide6" in handle.read()
    except OSError:
        return False


def install() -> bool:
    """Put :func:`uses_pyside` in place of PySide6's own; False when this PySide6 has none
    (its private module changed: nothing is replaced, imports are only slower)."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
