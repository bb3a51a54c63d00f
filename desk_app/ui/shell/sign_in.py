"""First start (create the first manager) and signing in; both check off the GUI thread."""

from __future__ import annotations

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
from desk_app.domain.errors import ValidationError
from desk_app.services.admin import users
from desk_app.services.core.database import Actor, Database
from desk_app.services.core.logins_pg import ServerSignIn
from desk_app.ui.common.errors import code_text, message_for
from desk_app.ui.common.operations import BackgroundOps
from desk_app.ui.common.widgets import Banner, FieldErrors, field_row


class _Form(QDialog):
    def __init__(self, db: Database | None, ops: BackgroundOps, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.db = db
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

    def __init__(self, db: Database, ops: BackgroundOps, parent: QWidget | None = None) -> None:
        super().__init__(db, ops, parent)
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
        db, name, shown, password = (
            self.db,
            self.username.text(),
            self.display_name.text(),
            self.password.text(),
        )

        def work() -> Actor:
            users.create_user(db, None, name, password, Role.MANAGER, shown or None)
            return users.authenticate(db, name, password)

        self.ok_button.setEnabled(False)
        self.ops.run(work, on_success=self._signed_in, on_failure=self._failed, owner=self)


class SignInDialog(_Form):
    """User name and password; checked by ``sign_in`` (the database server, when the desks
    sign in as their own database logins) or else by the application."""

    def __init__(
        self,
        db: Database | None,
        ops: BackgroundOps,
        parent: QWidget | None = None,
        *,
        sign_in: ServerSignIn | None = None,
    ) -> None:
        super().__init__(db, ops, parent)
        self.sign_in = sign_in
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in"))
        self.username = QLineEdit(objectName="signInUsername")
        self.password = QLineEdit(objectName="signInPassword", echoMode=QLineEdit.EchoMode.Password)
        field_row(self.form, self.tr("&User name"), self.username, self.errors, "username")
        field_row(self.form, self.tr("&Password"), self.password, self.errors, "password")
        self._finish_layout(self.tr("Sign in to the service desk."))

    def submit(self) -> None:
        self.errors.clear()
        if not self.username.text().strip():
            self.errors.mark("username", code_text("field.required"))
            return
        db, name, password = self.db, self.username.text(), self.password.text()
        server = self.sign_in
        self.ok_button.setEnabled(False)
        self.ops.run(
            (lambda: server.sign_in(name, password))
            if server is not None
            else (lambda: users.authenticate(db, name, password)),  # type: ignore[arg-type]
            on_success=self._signed_in,
            on_failure=self._failed,
            owner=self,
        )
