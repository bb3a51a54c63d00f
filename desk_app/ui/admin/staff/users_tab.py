"""The Users tab: every user with roles and state; add, roles, reset password,
deactivate and reactivate (never delete)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLineEdit, QWidget

from desk_app.domain.enums import Role
from desk_app.services.admin import users
from desk_app.services.admin.users import UserView
from desk_app.ui.admin.staff.forms import FormDialog, ListTab, SaveJob, list_separator
from desk_app.ui.admin.staff.password import password_edit
from desk_app.ui.common import labels
from desk_app.ui.common.context import Desk
from desk_app.ui.common.table_models import Column
from desk_app.ui.common.widgets import field_row


class RolesBox(QWidget):
    """The main role (shown by the name) and every other role the user holds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        names = labels.roles()
        self.main = QComboBox(objectName="mainRole")
        for role in Role:
            self.main.addItem(names[role], role)
        self.checks: dict[Role, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.main, 0, 0, 1, 2)
        for n, role in enumerate(Role):
            box = QCheckBox(names[role], objectName=f"role_{role.value}")
            self.checks[role] = box
            grid.addWidget(box, 1 + n // 2, n % 2)
        self.main.currentIndexChanged.connect(lambda _i: self._main_changed())
        self._main_changed()

    def _main_changed(self) -> None:
        main = self.main_role()
        for role, box in self.checks.items():
            box.setEnabled(role != main)
            if role == main:
                box.setChecked(True)

    def main_role(self) -> Role:
        return Role(self.main.currentData())  # Qt hands the item's data back as a str

    def set_roles(self, main: Role, held: tuple[Role, ...]) -> None:
        for role, box in self.checks.items():
            box.setChecked(role in held)
        self.main.setCurrentIndex(self.main.findData(main))
        self._main_changed()

    def other_roles(self) -> list[Role]:
        main = self.main_role()
        return [r for r, box in self.checks.items() if box.isChecked() and r != main]


class AddUserDialog(FormDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk.ops, parent, tz=desk.tz)
        self.set_intro(
            self.tr(
                "The new user signs in with this name and password, and is then asked to "
                "choose a password of their own."
            )
        )
        self.setObjectName("addUserDialog")
        self.setWindowTitle(self.tr("Add a user"))
        self.desk = desk
        self.username = QLineEdit(objectName="newUsername")
        self.username.setPlaceholderText(self.tr("e.g. li.jing (letters, digits, . _ -)"))
        self.display_name = QLineEdit(objectName="newDisplayName")
        self.display_name.setPlaceholderText(self.tr("e.g. 李静"))
        self.roles = RolesBox()
        self.roles.set_roles(Role.CLERK, (Role.CLERK,))
        self.password = password_edit("newUserPassword")
        self.repeat = password_edit("newUserRepeat")
        field_row(self.form, self.tr("&User name"), self.username, self.errors, "username")
        field_row(self.form, self.tr("&Name"), self.display_name, self.errors, "display_name")
        field_row(self.form, self.tr("&Roles"), self.roles, self.errors, "role", "roles")
        field_row(self.form, self.tr("Initial &password"), self.password, self.errors, "password")
        field_row(self.form, self.tr("Re&peat"), self.repeat, self.errors, "repeat")

    def collect(self) -> SaveJob | None:
        if self.repeat_differs(self.password, self.repeat, "repeat"):
            return None
        db, actor = self.desk.db, self.desk.actor
        name, shown, password = self.username.text(), self.display_name.text(), self.password.text()
        main, others = self.roles.main_role(), self.roles.other_roles()
        return lambda: users.create_user(
            db, actor, name, password, main, shown or None, roles=others
        )


class RolesDialog(FormDialog):
    def __init__(self, desk: Desk, user: UserView, parent: QWidget | None = None) -> None:
        super().__init__(desk.ops, parent, tz=desk.tz)
        self.set_intro(
            self.tr(
                "%1 works with every role ticked; the main role is shown beside the name. "
                "A desk signed in as them now must sign in again before saving anything."
            ).replace("%1", user.display_name)
        )
        self.setObjectName("rolesDialog")
        self.setWindowTitle(self.tr("Roles of %1").replace("%1", user.display_name))
        self.desk, self.user = desk, user
        self.roles = RolesBox()
        self.roles.set_roles(user.role, user.roles)
        field_row(self.form, self.tr("&Roles"), self.roles, self.errors, "role", "roles")

    def collect(self) -> SaveJob:
        db, actor, user = self.desk.db, self.desk.actor, self.user
        main, others = self.roles.main_role(), self.roles.other_roles()
        return lambda: users.set_roles(
            db, actor, user.id, main, others, expected_version=user.version
        )


class ResetPasswordDialog(FormDialog):
    def __init__(self, desk: Desk, user: UserView, parent: QWidget | None = None) -> None:
        super().__init__(desk.ops, parent, tz=desk.tz)
        self.set_intro(
            self.tr(
                "Give %1 this password; at the next sign-in they must choose their own."
            ).replace("%1", user.display_name)
        )
        self.setObjectName("resetPasswordDialog")
        self.setWindowTitle(self.tr("Reset the password of %1").replace("%1", user.display_name))
        self.desk, self.user = desk, user
        self.password = password_edit("resetPassword")
        self.repeat = password_edit("resetRepeat")
        field_row(self.form, self.tr("New &password"), self.password, self.errors, "password")
        field_row(self.form, self.tr("Re&peat"), self.repeat, self.errors, "repeat")

    def collect(self) -> SaveJob | None:
        if self.repeat_differs(self.password, self.repeat, "repeat"):
            return None
        db, actor, user, password = self.desk.db, self.desk.actor, self.user, self.password.text()
        return lambda: users.reset_password(
            db, actor, user.id, password, expected_version=user.version
        )


class UsersTab(ListTab):
    entities = ("user",)

    def __init__(self, desk: Desk) -> None:
        super().__init__(desk, "usersTable")
        names, sep = labels.roles(), list_separator()
        self.set_columns(
            [
                Column(self.tr("User name"), lambda u: u.username),
                Column(self.tr("Name"), lambda u: u.display_name),
                Column(self.tr("Main role"), lambda u: names[u.role]),
                Column(
                    self.tr("Other roles"),
                    lambda u: sep.join(names[r] for r in u.roles if r is not u.role),
                ),
                Column(self.tr("State"), self._state, color=lambda u: None if u.active else "#888"),
            ]
        )
        self.add_button = self.button(self.tr("&Add user…"), "addUser", self.add, row=False)
        self.roles_button = self.button(self.tr("R&oles…"), "editRoles", self.edit_roles, row=True)
        self.reset_button = self.button(
            self.tr("&Reset password…"), "resetPassword", self.reset_password, row=True
        )
        self.active_button = self.button(
            self.tr("&Deactivate"), "toggleUser", self.toggle_active, row=True
        )
        self.buttons.addStretch(1)

    def _state(self, u: UserView) -> str:
        if not u.active:
            return self.tr("deactivated")
        if u.must_change_password:
            return self.tr("active, must choose a new password")
        return self.tr("active")

    def fetch(self) -> list[UserView]:
        return users.list_users(self.desk.db, self.desk.actor)

    def selection_changed(self) -> None:
        super().selection_changed()
        user = self.selected()
        self.active_button.setText(
            self.tr("&Reactivate")
            if user is not None and not user.active
            else self.tr("&Deactivate")
        )

    def activated(self) -> None:
        self.edit_roles()

    def add(self) -> FormDialog:
        return self.open_form(
            AddUserDialog(self.desk, self),
            lambda u: self.banner.show_message(
                self.tr("%1 added.").replace("%1", u.display_name), "ok"
            ),
        )

    def edit_roles(self) -> FormDialog | None:
        user = self.selected()
        if user is None:
            return None
        return self.open_form(RolesDialog(self.desk, user, self))

    def reset_password(self) -> FormDialog | None:
        user = self.selected()
        if user is None:
            return None
        return self.open_form(
            ResetPasswordDialog(self.desk, user, self),
            lambda u: self.banner.show_message(
                self.tr("New password set for %1.").replace("%1", u.display_name), "ok"
            ),
        )

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        db, actor, active = self.desk.db, self.desk.actor, not user.active
        text = self.tr("%1 can sign in again.") if active else self.tr("%1 is deactivated.")
        self.run(
            lambda: users.set_active(db, actor, user.id, active, expected_version=user.version),
            text.replace("%1", user.display_name),
        )
