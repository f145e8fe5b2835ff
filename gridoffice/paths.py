"""The only place that computes paths.

The data folder comes from ``--data-dir``, else ``GRIDOFFICE_DATA_DIR``, else
the platform's user data folder. Program resources (fonts, icons, compiled
translations) are found beside the source tree, inside the installed package
or inside a PyInstaller bundle.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from gridoffice.errors import MSG_DISK_FULL, MSG_NOT_WRITABLE, StorageError, UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP

APP_DIR_NAME = "GridOffice"
ENV_DATA_DIR = "GRIDOFFICE_DATA_DIR"
DB_FILE_NAME = "gridoffice.sqlite3"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def _bundle_dir() -> Path | None:
    meipass = getattr(sys, "_MEIPASS", None)
    return Path(meipass) if meipass else None


def resource_dir() -> Path:
    """Folder holding ``fonts/`` and ``icons/``."""
    bundle = _bundle_dir()
    candidates = [bundle / "resources"] if bundle else []
    candidates += [_PACKAGE_DIR.parent / "resources", _PACKAGE_DIR / "_resources"]
    return _first_existing(*candidates)


def translations_dir() -> Path:
    """Folder holding ``gridoffice_<lang>.ts`` and ``.qm``."""
    bundle = _bundle_dir()
    candidates = [bundle / "translations"] if bundle else []
    candidates += [_PACKAGE_DIR.parent / "translations", _PACKAGE_DIR / "_translations"]
    return _first_existing(*candidates)


def font_path() -> Path:
    return resource_dir() / "fonts" / "wqy-microhei.ttc"


@dataclass(frozen=True)
class AppPaths:
    """Where this run keeps its data, backups and logs."""

    data_dir: Path
    explicit: bool  # given by --data-dir or the environment, not the default

    @property
    def database(self) -> Path:
        return self.data_dir / DB_FILE_NAME

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def temp_dir(self) -> Path:
        return private_temp_dir(self.data_dir)

    @property
    def log_dir(self) -> Path:
        # A data folder named on purpose (a test, a USB stick) keeps its own
        # logs so that it never writes into the user's profile.
        if self.explicit:
            return self.data_dir / "logs"
        import platformdirs

        return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))


PRIVATE_TEMP_NAME = "tmp"


def private_temp_dir(data_dir: Path) -> Path:
    """The data folder's own temporary folder. Nothing is written there any more
    (sync keeps its decrypted rows in memory); what older versions left behind is
    cleared at every start."""
    return Path(data_dir) / PRIVATE_TEMP_NAME


def make_private_temp(data_dir: Path, prefix: str) -> Path:
    """A new folder inside the private temporary folder, readable by this user only
    (the encrypted copy a restore makes of a plain backup, the recovery-key sheet's
    preview, attachments opened in another program)."""
    import tempfile  # here, like shutil below: the window's start needs neither

    root = private_temp_dir(data_dir)
    try:
        root.mkdir(mode=0o700, exist_ok=True)
        os.chmod(root, 0o700)
        return Path(tempfile.mkdtemp(prefix=prefix, dir=root))  # 0700 too
    except OSError as exc:
        raise storage_error(root, exc) from exc


def clear_private_temp(data_dir: Path) -> None:
    """Remove what a run cut short (killed, power cut) left in the private
    temporary folder; it may hold personal data."""
    root = private_temp_dir(data_dir)
    try:
        entries = list(root.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.is_dir() and not entry.is_symlink():
            import shutil

            shutil.rmtree(entry, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                entry.unlink()


def resolve(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """The paths for this run; nothing is created yet."""
    if data_dir:
        return AppPaths(Path(data_dir).expanduser().resolve(), explicit=True)
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return AppPaths(Path(env).expanduser().resolve(), explicit=True)
    import platformdirs

    default = Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))
    return AppPaths(default, explicit=False)


def storage_error(path: Path, exc: OSError) -> StorageError:
    """A clear message for an OSError met while writing ``path``."""
    if exc.errno == errno.ENOSPC:
        return StorageError(MSG_DISK_FULL, path=str(path))
    reason = exc.strerror or exc.__class__.__name__
    return StorageError(MSG_NOT_WRITABLE, path=str(path), reason=reason)


def ensure_writable_dir(path: Path) -> Path:
    """Create ``path`` if needed and prove that files can be written in it."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        if not path.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path))
        probe = path / f".write-test-{os.getpid()}"
        fd = os.open(probe, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise storage_error(path, exc) from exc
    return path


MSG_OUTPUT_IN_DATA = QT_TRANSLATE_NOOP(
    "errors", "{path} is inside the program's data folder {folder}, which holds the database, "
    "its backups, keys and logs; nothing was written. Save the file in another folder, "
    "e.g. Documents.")


def _real(path: str | os.PathLike[str]) -> Path:
    """``path`` with ``~``, ``..`` and symbolic links resolved (also for a file that does
    not exist yet), compared without case where the file system ignores it."""
    real = os.path.realpath(os.path.expanduser(os.fspath(path)))
    return Path(os.path.normcase(real))


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def output_refusal(target: str | os.PathLike[str], app_paths: AppPaths) -> UserError | None:
    """Why the program must not write an output file (a ledger, an export, a sync
    package, an identity file) or a folder of them at ``target``, or None.

    The data folder and the log folder hold the live database with its -wal, -shm and
    -journal files, the backups, the keys, the sync state and the window settings: a
    file written there could replace one of them, so nothing is written there at all.
    """
    real = _real(target)
    for folder in (app_paths.data_dir, app_paths.log_dir):
        if _inside(real, _real(folder)):
            return UserError(MSG_OUTPUT_IN_DATA, path=os.fspath(target),
                             folder=str(app_paths.data_dir))
    return None


def check_output(target: str | os.PathLike[str], app_paths: AppPaths) -> None:
    """Raise :func:`output_refusal`'s error, if there is one."""
    error = output_refusal(target, app_paths)
    if error is not None:
        raise error
