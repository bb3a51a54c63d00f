"""Change my password…, and the step after a sign-in whose password a manager set: the
user chooses their own before the main window opens."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from desk_app.services.admin import users
from desk_app.services.core.database import Actor, Database
from desk_app.ui.admin.staff.forms import FormDialog, SaveJob
from desk_app.ui.common.operations import BackgroundOps
from desk_app.ui.common.widgets import field_row


def password_edit(name: str) -> QLineEdit:
    return QLineEdit(objectName=name, echoMode=QLineEdit.EchoMode.Password)


class ChangePasswordDialog(FormDialog):
    """The signed-in user's current password, the new one twice."""

    def __init__(
        self,
        db: Database,
        ops: BackgroundOps,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        forced: bool = False,
    ) -> None:
        super().__init__(ops, parent)
        self.set_intro(
            self.tr(
                "A manager set your password. Choose your own before you start: nobody "
                "else should know it."
            )
            if forced
            else self.tr("Choose a new password for %1.").replace("%1", actor.display_name)
        )
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change my password"))
        self.db, self.actor = db, actor
        self.current = password_edit("currentPassword")
        self.new = password_edit("newPassword")
        self.repeat = password_edit("repeatPassword")
        field_row(
            self.form, self.tr("&Current password"), self.current, self.errors, "old_password"
        )
        field_row(self.form, self.tr("&New password"), self.new, self.errors, "password")
        field_row(self.form, self.tr("&Repeat"), self.repeat, self.errors, "repeat")

    def collect(self) -> SaveJob | None:
        if self.repeat_differs(self.new, self.repeat, "repeat"):
            return None
        db, actor, old, new = self.db, self.actor, self.current.text(), self.new.text()
        return lambda: users.change_own_password(db, actor, old, new)


def ask_new_password(
    db: Database, ops: BackgroundOps, actor: Actor, parent: QWidget | None = None
) -> bool:
    """After a sign-in: True when the user has a password of their own (chosen now, or
    no change was asked for), False when they cancelled (the desk does not open)."""
    dialog = ChangePasswordDialog(db, ops, actor, parent, forced=True)
    return dialog.exec() == QDialog.DialogCode.Accepted
