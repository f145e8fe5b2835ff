"""Starting the GUI: QApplication, translations, font, error hook, first start, main window.

Called by the composition root (``gridoffice.__main__``) after the database
has been opened and migrated with plain sqlite3. Nothing imported here pulls
in SQLAlchemy, SQLModel or reportlab: the window is shown first, its first tab
(the workbench) shows the to-do and the figures, and the services load meanwhile
(see ``MainWindow.start_loading``).
"""

from __future__ import annotations

import logging
import os
import sys
import time
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6 import QtGui
from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from gridoffice import APP_NAME, __version__
from gridoffice.errors import UserError, fault_error
from gridoffice.paths import font_path, resource_dir, translations_dir
from gridoffice.ui import messages

if TYPE_CHECKING:
    from gridoffice.app_context import AppContext

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
_IMPORTED_AT = time.time()

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


# --- start-up timing ---------------------------------------------------------------------
def process_start_time() -> float:
    """When this process started (seconds since the epoch), as well as we can tell."""
    if sys.platform.startswith("linux"):
        try:
            with open("/proc/self/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
            with open("/proc/uptime", "rb") as handle:
                uptime = float(handle.read().split()[0])
            started_ticks = int(fields[19])  # field 22 of stat: start time in clock ticks
            age = uptime - started_ticks / os.sysconf("SC_CLK_TCK")
            return time.time() - max(age, 0.0)
        except (OSError, ValueError, IndexError):
            pass
    elif sys.platform == "win32":
        try:
            import ctypes
            from ctypes import wintypes

            creation, exited, kernel, user = (wintypes.FILETIME() for _ in range(4))
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            if kernel32.GetProcessTimes(kernel32.GetCurrentProcess(), ctypes.byref(creation),
                                        ctypes.byref(exited), ctypes.byref(kernel),
                                        ctypes.byref(user)):
                ticks = (creation.dwHighDateTime << 32) | creation.dwLowDateTime
                return ticks / 10_000_000 - 11_644_473_600  # 1601 -> 1970
        except (OSError, AttributeError):
            pass
    started = getattr(logging, "_startTime", None)  # set when logging was first imported
    return float(started) if started else _IMPORTED_AT


# --- translations and font ---------------------------------------------------------------
def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load our catalogue and Qt's own; the caller must keep the returned list."""
    QLocale.setDefault(QLocale(language))
    translators: list[QTranslator] = []
    if language == "en":
        return translators  # English is the source language
    ours = QTranslator(app)
    if ours.load(f"gridoffice_{language}", str(translations_dir())):
        app.installTranslator(ours)
        translators.append(ours)
    else:
        log.info("no compiled translation gridoffice_%s.qm in %s", language, translations_dir())
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator(app)
    if qt_base.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_base)
        translators.append(qt_base)
    else:
        log.info("no Qt translation qtbase_%s in %s", language, qt_dir)
    return translators


def register_bundled_font() -> str | None:
    """Register the bundled WenQuanYi Micro Hei; its family name, or None."""
    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    if font_id < 0:
        log.warning("cannot load the bundled font %s", font_path())
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else None


def system_has_cjk_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def install_font(app: QApplication, *, force: bool = False) -> bool:
    """Make Chinese text drawable; True if the bundled font became the application font.

    Registering the font costs about 0.15 s (the TTC holds 2 × 28,000
    glyphs), so when the system already has a Chinese font the bundled one is
    registered only after start-up (:func:`register_bundled_font`) and the
    system's own UI font stays. Without a Chinese font it is registered now
    and becomes the application font's family at the default size.
    """
    if not force and system_has_cjk_font():
        return False
    family = register_bundled_font()
    if family is None:
        return False
    font = QtGui.QFont(app.font())  # named here: building the class costs 3 ms at start
    font.setFamilies([family])
    app.setFont(font)
    log.info("application font: %s %.1f pt", family, font.pointSizeF())
    return True


# --- errors --------------------------------------------------------------------------------
def install_excepthook(log_file: str | None, *, interactive: bool = True) -> ExceptHook:
    """Log every uncaught exception and tell the user; returns the previous hook.

    A :class:`UserError` becomes a plain warning. Anything else is a bug: an
    error box with the traceback in its details. Not ``interactive`` (smoke
    tests): log and leave the event loop with exit code 2 instead of asking.
    """
    previous = sys.excepthook
    showing = False

    def hook(exc_type: type[BaseException], exc: BaseException,
             tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.exit(130)
            return
        app = QApplication.instance()
        fault = fault_error(exc)  # a full disk or a locked database: said plainly
        if fault is not None:
            exc_type, exc = type(fault), fault
        if isinstance(exc, UserError):
            log.warning("uncaught user error: %s", exc)
        else:
            log.error("uncaught exception", exc_info=(exc_type, exc, tb))
        if app is None:
            sys.__excepthook__(exc_type, exc, tb)
            return
        if not interactive:
            QApplication.exit(2)
            return
        if showing:  # an error while showing an error: the log has it
            return
        showing = True
        try:
            parent = QApplication.activeWindow()
            if isinstance(exc, UserError):
                messages.show_user_error(parent, exc)
            else:
                details = "".join(traceback.format_exception(exc_type, exc, tb))
                text = translate(
                    "app",
                    "GridOffice met an unexpected error. What you were doing may not have "
                    "been saved; check it, and please send the log file {log} to whoever "
                    "supports GridOffice.",
                ).format(log=log_file or translate("app", "(no log file)"))
                messages.show_bug(parent, text, details)
        finally:
            showing = False

    sys.excepthook = hook
    return previous


def _create_app() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1] if sys.argv else [APP_NAME])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    icon = resource_dir() / "icons" / "gridoffice.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


_QT_LOG_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_qt_log = logging.getLogger("qt")


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, text: str) -> None:
    """Qt's own warnings go to the log file, not to a console the user never sees."""
    _qt_log.log(_QT_LOG_LEVELS.get(kind, logging.WARNING), "%s", text)


# --- signing in ---------------------------------------------------------------------------
USER_ENV = "GRIDOFFICE_USER"
PASSWORD_ENV = "GRIDOFFICE_PASSWORD"


def _modal(app: QApplication, ask: Callable[[], object]) -> object:
    """Run a dialog before the window exists: closing it must not end the event loop."""
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    try:
        return ask()
    finally:
        app.setQuitOnLastWindowClosed(quit_on_close)


def sign_in_at_start(context: AppContext, app: QApplication) -> int | None:
    """Who works in the window: sets ``context.actor``; an exit code to stop with, or
    None to go on.

    An office set up before accounts existed (no account yet, not open on
    purpose) first gets its administrator; a folder with accounts asks for a
    sign-in; an open folder asks nothing (the window shows a red banner).
    Cancelling either dialog ends the program with 0.

    ``context.exit_after_show`` (smoke tests) never waits for a dialog: a folder
    without accounts opens as it is; a folder with accounts signs in with the
    environment's ``GRIDOFFICE_USER`` and ``GRIDOFFICE_PASSWORD``, and without
    them (or with wrong ones) the program logs why and ends with 1, showing no data.
    """
    from gridoffice.services.account_mode import NEEDS_ADMIN, SIGNED
    from gridoffice.services.account_mode import mode as account_mode

    path = context.opened.path
    mode = account_mode(path)
    if context.exit_after_show:
        if mode != SIGNED:
            return None
        from gridoffice.services.accounts import AccountService

        user, password = os.environ.get(USER_ENV, ""), os.environ.get(PASSWORD_ENV, "")
        if not user or not password:
            log.error("the folder has accounts: set %s and %s to open it with "
                      "--exit-after-show", USER_ENV, PASSWORD_ENV)
            return 1
        try:
            context.actor = AccountService(path).sign_in(user, password)
        except UserError as exc:
            log.error("cannot sign in as %s: %s", user, exc.english())
            return 1
        return _unlocked(context)
    if mode == SIGNED:
        from gridoffice.store import keys
        from gridoffice.ui.dialogs.login import LoginDialog

        office_name = context.profile.name if context.profile else keys.preface(path)[0]
        QTimer.singleShot(0, lambda: log.info(  # runs once the dialog shows
            "sign-in shown %.3f s after the process started",
            time.time() - process_start_time()))
        actor = _modal(app, lambda: LoginDialog.ask(None, path, intro=translate(
            "app", "{office}: sign in with your login name and password.").format(
                office=office_name or APP_NAME)))
    elif mode == NEEDS_ADMIN:
        from gridoffice.ui.dialogs.login import AdminDialog

        actor = _modal(app, lambda: AdminDialog.ask(None, path))
    else:
        return None
    if actor is None:
        log.info("sign-in cancelled")
        return 0
    context.actor = actor  # type: ignore[assignment]
    return _unlocked(context)


def _unlocked(context: AppContext) -> int | None:
    """After the sign-in opened encrypted data: what could not be read before it."""
    if not context.locked:
        return None
    from gridoffice import paths
    from gridoffice.services import office
    from gridoffice.store.files import open_database

    try:
        context.opened = open_database(context.paths, quick_check=False)
        paths.clear_private_temp(context.paths.data_dir)
        context.language_setting, context.profile = office.load_language_and_profile(
            context.opened.path)
    except UserError as exc:
        log.error("cannot open the data: %s", exc.english())
        messages.show_fatal(None, messages.user_error_text(exc))
        return 1
    context.locked = False
    return None


def encrypt_if_needed(context: AppContext, app: QApplication) -> None:
    """A plain folder that has accounts (its administrator was just created, or it comes
    from a program before encryption) is encrypted now, before the window opens its
    data; the administrator then sees the recovery key once. A failure leaves the data
    as it was (said in a message), and the next start tries again."""
    from gridoffice.services.account_mode import needs_encryption

    if not needs_encryption(context.paths.database):
        return
    from gridoffice.services import encryption

    if context.exit_after_show:  # smoke tests: no dialog; the key is printed later
        encryption.encrypt(context.paths)
        log.warning("the data was encrypted; print a recovery-key sheet")
        return
    from gridoffice.ui.dialogs.encryption import RecoveryKeyDialog, encrypt_with_progress

    result = _modal(app, lambda: encrypt_with_progress(None, context.paths))
    if result is None:
        return
    office_name = context.profile.name if context.profile else ""
    _modal(app, lambda: RecoveryKeyDialog.show_once(
        None, context.paths, result.code, office=office_name,  # type: ignore[attr-defined]
        fingerprint=result.fingerprint, actor=context.actor))  # type: ignore[attr-defined]


# --- entry points -------------------------------------------------------------------------
def run(context: AppContext) -> int:
    """Run the GUI until the main window closes; the exit code.

    First start (no office profile): the setup dialog comes first (with the
    first administrator, who is then signed in), and cancelling it ends the
    program with 0. Later starts sign in first (:func:`sign_in_at_start`).
    ``context.exit_after_show``: skip the setup dialog, sign in without asking
    (see :func:`sign_in_at_start`: with accounts it needs ``GRIDOFFICE_USER`` and
    ``GRIDOFFICE_PASSWORD``, else it ends with 1), show the window, load the
    data, then exit 0.
    """
    started = process_start_time()
    previous_handler = qInstallMessageHandler(_qt_message)
    app = _create_app()
    translators = install_translators(app, context.language)
    font_now = install_font(app)
    previous_hook = install_excepthook(context.log_file, interactive=not context.exit_after_show)
    try:
        if context.profile is None and not context.locked and not context.exit_after_show:
            from gridoffice.services import account_mode
            from gridoffice.ui.dialogs.office_setup import OfficeSetupDialog

            with_admin = account_mode.mode(context.opened.path) == account_mode.NEEDS_ADMIN
            result = _modal(app, lambda: OfficeSetupDialog.ask(
                None, context.opened.path, language_setting=context.language_setting,
                first_start=True, with_admin=with_admin))
            if result is None:
                log.info("first start cancelled")
                return 0
            context.profile = result.profile  # type: ignore[attr-defined]
            context.actor = result.actor  # type: ignore[attr-defined]
        if context.actor is None:
            stop = sign_in_at_start(context, app)
            if stop is not None:
                return stop
        if context.actor is not None:  # nobody signed in: the folder has no accounts
            encrypt_if_needed(context, app)

        from gridoffice.ui.main_window import MainWindow

        window = MainWindow(context)
        window.show()
        log.info("main window shown %.3f s after the process started", time.time() - started)

        def loaded() -> None:
            log.info("data loaded %.3f s after the process started", time.time() - started)
            if not font_now:
                QTimer.singleShot(0, register_bundled_font)  # for rare characters only
            if context.exit_after_show:
                # exit(), not quit(): quit() closes the windows, and the last one closing
                # posts yet another Quit event that would end the next event loop at once.
                QTimer.singleShot(0, lambda: app.exit(0))

        def failed(_exc: object) -> None:
            if context.exit_after_show:
                QTimer.singleShot(0, lambda: app.exit(1))

        window.first_shown.connect(lambda: log.info(
            "first screen shown %.3f s after the process started", time.time() - started))
        window.data_loaded.connect(loaded)
        window.load_failed.connect(failed)
        code = app.exec()
        from PySide6.QtCore import QEvent  # here: not needed before the window shows

        QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)  # see exit() above
        window.shutdown()  # quit() closes no window: save its state, close the database
        log.info("GridOffice ends with exit code %d", code)
        return code
    finally:
        sys.excepthook = previous_hook
        qInstallMessageHandler(previous_handler)
        for translator in translators:
            app.removeTranslator(translator)


def show_fatal_error(exc: UserError, language: str) -> int:
    """Tell the user why the program cannot start (data folder unusable); exit code 1."""
    app = _create_app()
    translators = install_translators(app, language)
    install_font(app)
    try:
        messages.show_fatal(None, messages.user_error_text(exc))
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    return 1
