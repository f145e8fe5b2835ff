"""Writing output files so that a failure never truncates an existing file."""

from __future__ import annotations

import contextlib
import contextvars
import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from gridoffice.errors import StorageError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.paths import storage_error

MSG_IS_DIRECTORY = QT_TRANSLATE_NOOP(
    "errors", "{path} is a folder. Give a file name to write to."
)
MSG_NO_FOLDER = QT_TRANSLATE_NOOP(
    "errors", "The folder {path} does not exist. Choose an existing folder."
)


# Called with an output's final path after the file is complete and before it takes that
# name; if it raises, the file is removed and never appears (see ``before_publish``).
_PUBLISH: contextvars.ContextVar[Callable[[Path], None] | None] = contextvars.ContextVar(
    "gridoffice_publish", default=None)


@contextlib.contextmanager
def before_publish(callback: Callable[[Path], None]) -> Iterator[None]:
    """Within the block (in this thread), every file :func:`atomic_output` completes is
    first passed to ``callback`` (e.g. to record it in the audit log) and takes its
    name only when the callback returns."""
    token = _PUBLISH.set(callback)
    try:
        yield
    finally:
        _PUBLISH.reset(token)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it into place on success.

    If the body raises, the temporary file is removed and ``path`` (if it
    existed) is left exactly as it was.
    """
    target = Path(path).expanduser().absolute()
    if target.is_dir():
        raise StorageError(MSG_IS_DIRECTORY, path=str(target))
    if not target.parent.is_dir():
        raise StorageError(MSG_NO_FOLDER, path=str(target.parent))
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                        dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise storage_error(target.parent, exc) from exc
    tmp = Path(tmp_name)
    try:
        # mkstemp makes the file private (0600); give it the mode the old file had,
        # or an ordinary document's mode, so it can be shared like any other file.
        with contextlib.suppress(OSError):
            os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        yield tmp
        try:
            with open(tmp, "rb+") as handle:
                os.fsync(handle.fileno())
        except OSError as exc:
            raise storage_error(target, exc) from exc
        publish = _PUBLISH.get()
        if publish is not None:
            publish(target)
        try:
            os.replace(tmp, target)
        except OSError as exc:
            if exc.errno == errno.EXDEV:  # pragma: no cover - same folder by construction
                raise
            raise storage_error(target, exc) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
