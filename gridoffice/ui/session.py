"""The person at the main window: who is signed in (status bar), switching user,
changing one's password, the idle lock, and the red banner of a folder without accounts.

The idle lock watches every mouse and key event of the application (an event
filter); after the office's idle minutes without input it covers the whole
window (the tabs are hidden, the menus disabled, so their shortcuts do nothing)
and the program's other windows, and asks for the same person's password (inside
the modal dialog open at the time, if any: only it takes input). Wrong passwords count towards that
account's lock, as at sign-in. Open folders never lock.

Built with the window, so nothing here imports the services or SQLAlchemy at
start: the account service (plain sqlite3) and the dialogs load when used.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6 import QtGui
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain.access import ROLE_LABELS, Actor
from gridoffice.errors import UserError
from gridoffice.ui import messages

if TYPE_CHECKING:
    from gridoffice.ui.main_window import MainWindow

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
BANNER_COLOR = "#c62828"
ALIGN_CENTER = 0x0084  # Qt::AlignCenter, by value (see main_window)

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.HoverMove, QEvent.Type.Wheel, QEvent.Type.InputMethod,
    QEvent.Type.TouchBegin,
})


def role_label(role: str) -> str:
    return translate("access", ROLE_LABELS.get(role, role))


def user_text(actor: Actor) -> str:
    """``User: 王书记 (管理员)``."""
    return translate("Session", "User: {name} ({role})").format(
        name=actor.operator or actor.login, role=role_label(actor.role))


class IdleWatch(QObject):
    """Emits ``idle`` once no mouse or key input reached the application for
    ``interval_ms``. Input only notes the time: the timer wakes once per interval."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.interval_ms = 0
        self.last_input = time.monotonic()
        self._filtering = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._check)

    @property
    def active(self) -> bool:
        return self.timer.isActive()

    def start(self, interval_ms: int) -> None:
        """Count from now; 0 or less: never idle."""
        self.interval_ms = interval_ms
        if interval_ms <= 0:
            self.stop()
            return
        app = QApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True
        self.last_input = time.monotonic()
        self.timer.start(interval_ms)

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
        self._filtering = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _INPUT_EVENTS:
            self.last_input = time.monotonic()
        return False

    def _check(self) -> None:
        left = self.interval_ms - (time.monotonic() - self.last_input) * 1000
        if left > 0:
            self.timer.start(int(left) + 1)
            return
        self.idle.emit()


class LockScreen(QFrame):
    """Covers the whole window: the locked person's password, or another person, or quit."""

    unlock_requested = Signal(str)
    switch_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#lockScreen { background: #455a64; }"
                           "#lockPanel { background: palette(window); border-radius: 6px; }")
        panel = QFrame(self)
        panel.setObjectName("lockPanel")
        panel.setMinimumWidth(420)
        self.title = QLabel(self.tr("GridOffice is locked"), panel)
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.who = QLabel(panel)
        self.who.setWordWrap(True)
        self.password_edit = QLineEdit(panel)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Password"))
        self.password_edit.returnPressed.connect(self._unlock)
        self.error_label = QLabel(panel)
        self.error_label.setObjectName("lockError")
        self.error_label.setStyleSheet(f"color: {BANNER_COLOR};")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.unlock_button = QPushButton(self.tr("Unlock"), panel)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._unlock)
        self.switch_button = QPushButton(self.tr("Switch user…"), panel)
        self.switch_button.clicked.connect(self.switch_requested)
        self.quit_button = QPushButton(self.tr("Quit"), panel)
        self.quit_button.clicked.connect(self.quit_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.setSpacing(10)
        for widget in (self.title, self.who, self.password_edit, self.error_label):
            inner.addWidget(widget)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def show_for(self, actor: Actor) -> None:
        self.who.setText(self.tr(
            "The window was locked after a while without use. {name} ({role}), enter your "
            "password to go on.").format(name=actor.operator or actor.login,
                                         role=role_label(actor.role)))
        self.password_edit.clear()
        self.clear_error()
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.password_edit.setFocus()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.password_edit.clear()
        self.password_edit.setFocus()

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()

    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def _unlock(self) -> None:
        self.unlock_requested.emit(self.password_edit.text())


class OpenBanner(QToolBar):
    """A red bar over the tabs of a folder without accounts."""

    add_admin_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("openBanner")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)  # not in the toolbar menu: cannot be hidden
        # A palette, not a style sheet: the style sheet engine costs start-up time (and
        # QtGui's classes named when used: PySide6 builds each the first time it is named).
        palette = self.palette()
        palette.setColor(QtGui.QPalette.ColorRole.Window, QtGui.QColor(BANNER_COLOR))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel(self.tr("No accounts: anyone can see all data"), self)
        palette = self.label.palette()
        palette.setColor(QtGui.QPalette.ColorRole.WindowText, QtGui.QColor("white"))
        self.label.setPalette(palette)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.label.setContentsMargins(4, 0, 12, 0)
        self.button = QPushButton(self.tr("Add the administrator…"), self)
        self.button.clicked.connect(self.add_admin_requested)
        self.addWidget(self.label)
        self.addWidget(self.button)


class Session(QObject):
    """The signed-in person of one main window, and everything that follows from it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.db_path = window.context.opened.path
        self.idle_ms: int | None = None  # tests: the idle time in milliseconds
        self.watch = IdleWatch(self)
        self.watch.idle.connect(self.lock)
        self.lock_screen: LockScreen | None = None
        self.banner: OpenBanner | None = None
        self._menus_enabled = True
        self._covers: list[QWidget] = []  # over the program's other windows while locked
        self._host_size: QSize | None = None  # of a modal dialog the lock screen went into

        self.user_label = QLabel(window)
        self.user_label.setContentsMargins(8, 0, 8, 0)
        window.statusBar().insertPermanentWidget(0, self.user_label)

        menu = window.file_menu
        self.switch_action = QAction(self.tr("Switch user…"), window)
        self.switch_action.triggered.connect(self.switch_user)
        self.password_action = QAction(self.tr("Change my password…"), window)
        self.password_action.triggered.connect(self.change_password)
        self.lock_action = QAction(self.tr("Lock now"), window)
        self.lock_action.setProperty("shortcut", "Ctrl+L")  # see main_window._shortcut
        self.lock_action.triggered.connect(self.lock)
        self.separator = menu.insertSeparator(window.quit_action)
        for action in (self.switch_action, self.password_action, self.lock_action):
            menu.insertAction(self.separator, action)
        window.installEventFilter(self)
        self.actor_changed(window.context.actor)

    # --- who ------------------------------------------------------------------------------
    @property
    def actor(self) -> Actor | None:
        return self.window.context.actor

    @property
    def signed_in(self) -> bool:
        actor = self.actor
        return actor is not None and not actor.is_open

    @property
    def locked(self) -> bool:
        return self.lock_screen is not None and not self.lock_screen.isHidden()

    def actor_changed(self, actor: Actor | None) -> None:
        """After the start, a switch of user or the first administrator."""
        signed = actor is not None and not actor.is_open
        for action in (self.switch_action, self.password_action, self.lock_action,
                       self.separator):
            action.setVisible(signed)
        self.user_label.setVisible(signed)
        if signed:
            assert actor is not None
            self.user_label.setText(user_text(actor))
            if self.banner is not None:
                self.window.removeToolBar(self.banner)
                self.banner.deleteLater()
                self.banner = None
        elif self.banner is None:
            self.banner = OpenBanner(self.window)
            self.banner.add_admin_requested.connect(self.add_admin)
            self.window.addToolBar(self.banner)
        self.restart_idle()

    # --- idle lock ------------------------------------------------------------------------
    def idle_interval_ms(self) -> int:
        if self.idle_ms is not None:
            return self.idle_ms
        from gridoffice.store.settings import OfficeSettings

        try:
            return OfficeSettings(self.db_path).idle_lock_minutes * 60_000
        except Exception:  # noqa: BLE001 - an unreadable setting must not stop the window
            log.exception("cannot read the idle lock setting")
            return 0

    def restart_idle(self) -> None:
        """Count the idle time from now (after a change in Settings, too)."""
        if not self.signed_in or self.locked:
            self.watch.stop()
        else:
            self.watch.start(self.idle_interval_ms())

    def lock(self) -> None:
        """Cover the window until the same person's password is given."""
        actor = self.actor
        if actor is None or actor.is_open or self.locked:
            return
        log.info("window locked for %s", actor.login)
        self.watch.stop()
        if self.lock_screen is None:
            self.lock_screen = LockScreen(self.window)
            self.lock_screen.unlock_requested.connect(self.unlock)
            self.lock_screen.switch_requested.connect(self.switch_user)
            self.lock_screen.quit_requested.connect(self.window.close)
        central = self.window.centralWidget()
        if central is not None:
            central.hide()
        self._menus_enabled = self.window.menuBar().isEnabled()
        self.window.menuBar().setEnabled(False)  # and with it every menu shortcut
        host = self._lock_host()
        self._cover_other_windows(host)
        if host is not self.window:  # a modal dialog is open: only it takes input
            self._host_size = host.size()
            host.resize(host.size().expandedTo(self.lock_screen.sizeHint()))
            host.installEventFilter(self)
        self.lock_screen.setParent(host)
        self.lock_screen.show_for(actor)

    def _lock_host(self) -> QWidget:
        """Where the lock screen goes: the main window, or the modal dialog open on top
        of it (which alone takes input while it is open)."""
        modal = QApplication.activeModalWidget()
        return modal if modal is not None and modal is not self.window else self.window

    def _cover_other_windows(self, host: QWidget) -> None:
        """Every other window of the program (an edit dialog, a ledger's preview) is
        covered too, so no personal data stays on screen while locked."""
        for widget in QApplication.topLevelWidgets():
            if widget in (self.window, host) or not widget.isVisible():
                continue
            cover = QFrame(widget)
            cover.setObjectName("lockCover")
            cover.setStyleSheet("#lockCover { background: #455a64; }")
            cover.setGeometry(0, 0, 10_000, 10_000)
            cover.show()
            cover.raise_()
            self._covers.append(cover)

    def unlock(self, password: str) -> bool:
        """The locked person's password opens the window again; anything else is said."""
        from gridoffice.services.accounts import AccountService

        actor = self.actor
        if actor is None or self.lock_screen is None:
            return False
        try:
            again = AccountService(self.db_path).unlock(actor, password)
        except UserError as err:
            self.lock_screen.show_error(messages.user_error_text(err))
            return False
        self._uncover()
        if again != actor:  # the administrator changed the account meanwhile
            self.window.set_actor(again)
        return True

    def _uncover(self) -> None:
        if self.lock_screen is not None:
            self.lock_screen.hide()
            self.lock_screen.password_edit.clear()
            host = self.lock_screen.parentWidget()
            if host is not None and host is not self.window:
                host.removeEventFilter(self)
                if self._host_size is not None:
                    host.resize(self._host_size)
                self.lock_screen.setParent(self.window)
            self._host_size = None
        for cover in self._covers:
            cover.deleteLater()
        self._covers.clear()
        central = self.window.centralWidget()
        if central is not None:
            central.show()
        self.window.menuBar().setEnabled(self._menus_enabled)
        self.restart_idle()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (event.type() == QEvent.Type.Resize and self.lock_screen is not None
                and watched is self.lock_screen.parentWidget()
                and isinstance(watched, QWidget)):
            self.lock_screen.setGeometry(watched.rect())
        return False

    # --- menu actions ---------------------------------------------------------------------
    def switch_user(self) -> bool:
        """Another person signs in; the one before is logged out in the audit log."""
        from gridoffice.services.accounts import AccountService
        from gridoffice.ui.dialogs.login import LoginDialog

        actor = LoginDialog.ask(self.window, self.db_path, switching=True)
        if actor is None:
            return False
        previous = self.actor
        if previous is not None and not previous.is_open:
            AccountService(self.db_path).record_logout(previous)
        if self.locked:
            self._uncover()
        self.window.set_actor(actor)
        self.window.show_message(self.tr("Signed in as {user}.").format(
            user=actor.operator or actor.login))
        return True

    def change_password(self) -> None:
        from gridoffice.ui.dialogs.login import ChangePasswordDialog

        actor = self.actor
        if actor is None or actor.is_open:
            return
        if ChangePasswordDialog.ask(self.window, self.db_path, actor):
            self.window.show_message(self.tr("Your password was changed."))

    def add_admin(self) -> None:
        """The open folder gets its administrator, who is signed in at once."""
        from gridoffice.ui.dialogs.login import AdminDialog

        actor = AdminDialog.ask(self.window, self.db_path)
        if actor is None:
            return
        self.window.set_actor(actor)
        self.window.show_message(self.tr(
            "The administrator {user} was created and is signed in; from now on everyone "
            "signs in.").format(user=actor.operator or actor.login))

    def stop(self) -> None:
        """The window closes: the person is logged out."""
        self.watch.stop()
        actor = self.actor
        if actor is None or actor.is_open:
            return
        from gridoffice.services.accounts import AccountService

        try:
            AccountService(self.db_path).record_logout(actor)
        except Exception:  # noqa: BLE001 - closing must go on; the log has it
            log.exception("cannot record the logout of %s", actor.login)
