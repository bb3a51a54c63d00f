"""The Sign-in tab: wrong answers before a name is locked, for how long, and the idle lock."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QSpinBox, QWidget

from desk_app.services.admin import settings
from desk_app.ui.admin.settings.base import SaveJob, SettingsTab, note
from desk_app.ui.common.context import Desk
from desk_app.ui.common.widgets import field_row


class SignInTab(SettingsTab):
    """``settings.SignInPolicy``: applies to every desk's next try (idle lock: next sign-in)."""

    section = settings.Section.SIGN_IN

    @staticmethod
    def title() -> str:
        """The tab's title (here, so this area's catalog holds it)."""
        return QCoreApplication.translate("SignInTab", "Sign-in")

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.spins: dict[str, QSpinBox] = {}
        for field, (_key, low, high) in settings.SIGN_IN_LIMITS.items():
            spin = QSpinBox(objectName=f"signIn_{field}")
            spin.setRange(low, high)
            spin.setMaximumWidth(120)
            self.spins[field] = spin
        self.spins["lock_minutes"].setSuffix(self.tr(" min"))
        self.spins["idle_lock_minutes"].setSuffix(self.tr(" min"))
        self.spins["idle_lock_minutes"].setSpecialValueText(self.tr("never"))
        form = QFormLayout()
        field_row(
            form,
            self.tr("&Wrong answers before a lock"),
            self.spins["max_failures"],
            self.errors,
            "max_failures",
        )
        field_row(
            form, self.tr("Lock &lasts"), self.spins["lock_minutes"], self.errors, "lock_minutes"
        )
        form.addRow(
            "",
            note(
                self.tr(
                    "After each wrong password the same user name must wait a little longer "
                    "(1, 2, 4 … seconds) before the next try; after this many in a row it is "
                    "locked for the time set here, on every desk. A right password resets "
                    "the count."
                )
            ),
        )
        field_row(
            form,
            self.tr("Lock an &idle desk after"),
            self.spins["idle_lock_minutes"],
            self.errors,
            "idle_lock_minutes",
        )
        form.addRow(
            "",
            note(
                self.tr(
                    "A desk nobody types on or moves the mouse at for this long covers its "
                    "screen until the signed-in user's password is given; what was on the "
                    "screen stays as it was. Desks signed in from now on use the new time."
                )
            ),
        )
        self.body.addLayout(form)
        self.body.addStretch(1)
        self.watch()

    def read(self) -> settings.SignInPolicy:
        return settings.get_sign_in_policy(self.desk.db)

    def show_values(self, values: Any) -> None:
        for field, spin in self.spins.items():
            spin.setValue(int(getattr(values, field)))

    def collect(self) -> SaveJob:
        db, actor, version = self.desk.db, self.desk.actor, self.version
        policy = settings.SignInPolicy(**{f: spin.value() for f, spin in self.spins.items()})
        return lambda: settings.set_sign_in_policy(db, actor, policy, expected=version)
