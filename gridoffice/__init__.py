"""GridOffice (网格通): an offline desktop program for community offices."""

from __future__ import annotations

APP_NAME = "GridOffice"


def _version() -> str:
    """The version in pyproject.toml, found cheaply (start-up time matters)."""
    try:  # an installed wheel: written by the build
        from gridoffice._version import __version__ as built

        return str(built)
    except ImportError:
        pass
    # A source checkout, or a PyInstaller bundle that carries pyproject.toml.
    import re
    from pathlib import Path

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        match = re.search(r'^version\s*=\s*"([^"]+)"', pyproject.read_text("utf-8"), re.M)
    except OSError:
        match = None
    if match:
        return match.group(1)
    from importlib import metadata

    try:
        return metadata.version("gridoffice")
    except metadata.PackageNotFoundError:
        return "0+unknown"


__version__ = _version()
