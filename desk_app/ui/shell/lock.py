"""The idle lock: a desk nobody touches covers its windows until its user's password is given.

``DeskLock`` watches the whole application's keyboard, mouse and wheel input
(``IdleWatch``); after the manager's idle time without any it covers every open
window of the desk with an opaque curtain and opens ``LockScreen``, an
application-modal dialog that blocks every other window and its shortcuts. The
windows underneath are neither closed nor rebuilt, so every field keeps what was
typed, and background work and refreshes go on. The password is checked through
the desk's sign-in object (``verify``: the same throttle, lockout and audit as
signing in); "Sign out" is the other way out, for the next person at the counter.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.errors import DeskError
from desk_app.services.admin.sign_in import SignInService
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.widgets import Banner


def lock_menu_text() -> str:
    """The Desk-menu entries of this area (kept here so this area's catalog holds them)."""
    return QCoreApplication.translate("MainWindow", "&Lock the desk")


def sign_out_menu_text() -> str:
    return QCoreApplication.translate("MainWindow", "Sign &out / switch user")


def sign_out_question() -> str:
    return QCoreApplication.translate(
        "MainWindow", "There is typing that was not saved. Sign out anyway and lose it?"
    )


_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


class IdleWatch(QObject):
    """Emits ``idle`` once no input reached any widget for ``interval_ms``.

    An application-wide event filter: it only restarts a timer, so it stays cheap for
    the many events it sees."""

    idle = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self, singleShot=True, interval=interval_ms)
        self.timer.timeout.connect(self.idle)
        app = QApplication.instance()
        assert app is not None
        self._app = app
        app.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and self.timer.isActive():
            self.timer.start()
        return False

    def pause(self) -> None:
        self.timer.stop()

    def resume(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self._app.removeEventFilter(self)


class _Curtain(QWidget):
    """An opaque cover over one window, following its size."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lockCurtain")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#lockCurtain { background: #3b4252; }")
        label = QLabel(self.tr("Locked"), self)
        label.setStyleSheet("color: #eceff4; font-size: 20px;")
        layout = QVBoxLayout(self)
        layout.addWidget(label, 0, Qt.AlignmentFlag.AlignCenter)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        elif event.type() == QEvent.Type.ChildAdded:
            self.raise_()
        return False

    def remove(self) -> None:
        window = self.parentWidget()
        if window is not None:
            window.removeEventFilter(self)
        self.hide()
        self.deleteLater()


class LockScreen(QDialog):
    """The signed-in user's password, or Sign out. Esc and the window's × do nothing."""

    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, desk: Desk, sign_in: SignInService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setWindowTitle(self.tr("Desk locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.desk = desk
        self.sign_in = sign_in
        self._done = False
        self.banner = Banner(self)
        self.password = QLineEdit(objectName="lockPassword", echoMode=QLineEdit.EchoMode.Password)
        self.unlock_button = QPushButton(self.tr("&Unlock"), objectName="unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        self.sign_out_button = QPushButton(self.tr("&Sign out"), objectName="lockSignOut")
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        self.wait_timer = QTimer(self, interval=1000)
        self.wait_timer.timeout.connect(self._tick)
        self._wait_left = 0
        text = QLabel(
            self.tr("This desk is locked. %1 is signed in: enter the password to go on.").replace(
                "%1", desk.actor.display_name
            ),
            wordWrap=True,
        )
        caption = QLabel(self.tr("&Password"))
        caption.setBuddy(self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.banner)
        layout.addWidget(caption)
        layout.addWidget(self.password)
        layout.addLayout(buttons)
        self.setMinimumWidth(400)
        self.password.setFocus()

    def submit(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        self.banner.hide()
        sign_in, actor, password = self.sign_in, self.desk.actor, self.password.text()
        self.unlock_button.setEnabled(False)
        self.desk.ops.run(
            lambda: sign_in.verify(actor, password),
            on_success=lambda _none: self._unlocked(),
            on_failure=self._failed,
            owner=self,
        )

    def _unlocked(self) -> None:
        self._done = True
        self.password.clear()
        self.accept()
        self.unlocked.emit()

    def _failed(self, error: BaseException) -> None:
        self.password.selectAll()
        self.password.setFocus()
        if isinstance(error, DeskError) and error.code == "user.sign_in_wait":
            self._wait_left = int(error.values.get("seconds", 1))
            self._tick()
            self.wait_timer.start()
            return
        self.unlock_button.setEnabled(True)
        self.banner.show_message(message_for(error, self.desk.tz), "error")

    def _tick(self) -> None:
        if self._wait_left <= 0:
            self.wait_timer.stop()
            self.unlock_button.setEnabled(True)
            self.banner.show_message(self.tr("You can try again now."), "info")
            return
        wait = DeskError("user.sign_in_wait", seconds=self._wait_left)
        self.banner.show_message(message_for(wait, self.desk.tz), "warning")
        self._wait_left -= 1

    def finish(self) -> None:
        """Close without unlocking (the desk signs out)."""
        self._done = True
        self.wait_timer.stop()
        self.done(QDialog.DialogCode.Rejected)

    def reject(self) -> None:  # Esc: stays locked
        if self._done:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._done:
            event.ignore()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return
        super().keyPressEvent(event)


class DeskLock(QObject):
    """Locks ``window`` (and every window of the desk) after ``idle_ms`` without input
    (0: never by itself; ``lock()`` still locks at once). ``sign_out_requested`` asks
    the window to end the session."""

    sign_out_requested = Signal()
    locked_changed = Signal(bool)

    def __init__(self, window: QWidget, desk: Desk, sign_in: SignInService, idle_ms: int) -> None:
        super().__init__(window)
        self.window = window
        self.desk = desk
        self.sign_in = sign_in
        self.screen: LockScreen | None = None
        self._curtains: list[_Curtain] = []
        self.watch: IdleWatch | None = None
        if idle_ms > 0:
            self.watch = IdleWatch(idle_ms, self)
            self.watch.idle.connect(self.lock)

    @property
    def locked(self) -> bool:
        return self.screen is not None

    def lock(self) -> LockScreen:
        """Cover the desk's windows and ask for the password (again if already locked)."""
        if self.screen is not None:
            return self.screen
        if self.watch is not None:
            self.watch.pause()
        for top in QApplication.topLevelWidgets():
            if top.isVisible() and not isinstance(top, LockScreen) and belongs_to(top, self.window):
                self._curtains.append(_Curtain(top))
        screen = LockScreen(self.desk, self.sign_in, self.window)
        screen.unlocked.connect(self._unlocked)
        screen.sign_out_requested.connect(self.sign_out_requested)
        self.screen = screen
        screen.open()
        screen.raise_()
        screen.activateWindow()
        self.locked_changed.emit(True)
        return screen

    def _uncover(self) -> None:
        for curtain in self._curtains:
            curtain.remove()
        self._curtains = []

    def _unlocked(self) -> None:
        self._uncover()
        screen, self.screen = self.screen, None
        if screen is not None:
            screen.deleteLater()
        if self.watch is not None:
            self.watch.resume()
        self.window.activateWindow()
        self.locked_changed.emit(False)

    def end(self) -> None:
        """The session ends: stop watching, close the lock without unlocking."""
        if self.watch is not None:
            self.watch.stop()
            self.watch = None
        if self.screen is not None:
            self.screen.finish()
            self.screen.deleteLater()
            self.screen = None
        self._uncover()


def belongs_to(top: QWidget, window: QWidget) -> bool:
    """Whether the top-level ``top`` is ``window`` or one of its (grand)children's windows."""
    widget: QWidget | None = top
    while widget is not None:
        if widget is window:
            return True
        widget = widget.parentWidget()
    return False
