"""First start (create the first manager) and signing in; both check off the GUI thread.

``SignInDialog`` signs in through the desk's sign-in object (``SignInService``) and
shows its refusals: a wrong answer at the password, a lock with its end, and the
wait after a wrong answer counted down second by second with OK disabled.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import Role
from desk_app.domain.errors import DeskError, ValidationError
from desk_app.services.admin import users
from desk_app.services.admin.sign_in import SignInService
from desk_app.services.core.database import Actor, Database
from desk_app.ui.common.errors import code_text, message_for
from desk_app.ui.common.operations import BackgroundOps
from desk_app.ui.common.widgets import Banner, FieldErrors, field_row


class _Form(QDialog):
    def __init__(self, ops: BackgroundOps, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.actor: Actor | None = None
        self.errors = FieldErrors()
        self.banner = Banner(self)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def _finish_layout(self, intro: str) -> None:
        layout = QVBoxLayout(self)
        text = QLabel(intro, wordWrap=True)
        layout.addWidget(text)
        layout.addWidget(self.banner)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def submit(self) -> None:
        raise NotImplementedError

    def _failed(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(error, ValidationError) and self.errors.mark_error(error):
            return
        self.banner.show_message(message_for(error), "error")

    def _signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()


class FirstRunDialog(_Form):
    """No users yet: the person setting up the desk becomes its first manager."""

    def __init__(
        self,
        db: Database,
        ops: BackgroundOps,
        parent: QWidget | None = None,
        *,
        sign_in: SignInService | None = None,  # None: a plain credential check (tests)
    ) -> None:
        super().__init__(ops, parent)
        self.db = db
        self.sign_in = sign_in
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("Set up the service desk"))
        self.username = QLineEdit(objectName="firstUsername")
        self.display_name = QLineEdit(objectName="firstDisplayName")
        self.password = QLineEdit(objectName="firstPassword", echoMode=QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(objectName="firstRepeat", echoMode=QLineEdit.EchoMode.Password)
        field_row(self.form, self.tr("&User name"), self.username, self.errors, "username")
        field_row(self.form, self.tr("&Your name"), self.display_name, self.errors, "display_name")
        field_row(self.form, self.tr("&Password"), self.password, self.errors, "password")
        field_row(self.form, self.tr("&Repeat password"), self.repeat, self.errors, "repeat")
        self._finish_layout(
            self.tr(
                "This database has no users yet. Create the first account: it becomes the "
                "service manager, who adds everybody else."
            )
        )

    def submit(self) -> None:
        self.errors.clear()
        if self.password.text() != self.repeat.text():
            self.errors.mark("repeat", self.tr("The two passwords differ."))
            return
        db, name, shown, password, sign_in = (
            self.db,
            self.username.text(),
            self.display_name.text(),
            self.password.text(),
            self.sign_in,
        )

        def work() -> Actor:
            users.create_user(db, None, name, password, Role.MANAGER, shown or None)
            if sign_in is not None:
                return sign_in.sign_in(name, password)
            return users.authenticate(db, name, password)

        self.ok_button.setEnabled(False)
        self.ops.run(work, on_success=self._signed_in, on_failure=self._failed, owner=self)


class SignInDialog(_Form):
    """User name and password, checked by the desk's sign-in object."""

    TICK_MS = 1000  # the countdown of a wait; tests shorten it

    def __init__(
        self,
        sign_in: SignInService,
        ops: BackgroundOps,
        parent: QWidget | None = None,
        *,
        tz: ZoneInfo | None = None,  # None: the zone the desk last used (or the default)
    ) -> None:
        super().__init__(ops, parent)  # it signs in through ``sign_in``, not a database
        self.sign_in = sign_in
        self.tz = tz
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in"))
        self.username = QLineEdit(objectName="signInUsername")
        self.password = QLineEdit(objectName="signInPassword", echoMode=QLineEdit.EchoMode.Password)
        field_row(self.form, self.tr("&User name"), self.username, self.errors, "username")
        field_row(self.form, self.tr("&Password"), self.password, self.errors, "password")
        self._finish_layout(self.tr("Sign in to the service desk."))
        self.wait_left = 0
        self.wait_timer = QTimer(self, interval=self.TICK_MS)
        self.wait_timer.timeout.connect(self._tick)

    def submit(self) -> None:
        if self.wait_timer.isActive():
            return
        self.errors.clear()
        self.banner.hide()
        if not self.username.text().strip():
            self.errors.mark("username", code_text("field.required"))
            return
        sign_in, name, password = self.sign_in, self.username.text(), self.password.text()
        self.ok_button.setEnabled(False)
        self.ops.run(
            lambda: sign_in.sign_in(name, password),
            on_success=self._signed_in,
            on_failure=self._failed,
            owner=self,
        )

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, DeskError) and error.code == "user.sign_in_wait":
            self.wait_left = int(error.values.get("seconds", 1))
            self._tick()
            self.wait_timer.start()
            return
        self.ok_button.setEnabled(True)
        self.password.selectAll()
        if isinstance(error, ValidationError) and self.errors.mark_error(error):
            return
        self.banner.show_message(message_for(error, self.tz), "error")

    def _tick(self) -> None:
        """One second of the wait less; at zero OK comes back."""
        if self.wait_left <= 0:
            self.wait_timer.stop()
            self.ok_button.setEnabled(True)
            self.banner.show_message(self.tr("You can try again now."), "info")
            self.password.setFocus()
            return
        self.banner.show_message(
            code_text("user.sign_in_wait", tz=self.tz, seconds=self.wait_left), "warning"
        )
        self.wait_left -= 1
