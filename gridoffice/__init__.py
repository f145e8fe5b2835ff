"""GridOffice (网格通): an offline desktop program for community offices."""

from importlib import metadata as _metadata


def _version() -> str:
    try:
        return _metadata.version("gridoffice")
    except _metadata.PackageNotFoundError:  # running from a source checkout
        import re
        from pathlib import Path

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        try:
            match = re.search(r'^version\s*=\s*"([^"]+)"', pyproject.read_text("utf-8"), re.M)
        except OSError:
            match = None
        return match.group(1) if match else "0+unknown"


__version__ = _version()
APP_NAME = "GridOffice"
