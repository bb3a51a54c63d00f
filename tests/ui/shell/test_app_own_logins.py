"""Starting a desk configured to sign in with the users' own database logins: the sign-in
dialog asks the server, and the main window then works over the user's own connection."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.engine import make_url

from desk_app.config import SIGN_IN_DATABASE, AppConfig
from desk_app.db import gate
from desk_app.db.models import AuditLog
from desk_app.domain.enums import Role
from desk_app.services.core.database import Database
from desk_app.ui.admin.staff.dialog import StaffDialog
from desk_app.ui.shell import app as desk_app_ui
from desk_app.ui.shell.main_window import MainWindow
from desk_app.ui.shell.sign_in import SignInDialog
from tests.services.core.pg_logins_support import desk_user, grant_desk_work, install, uninstall
from tests.ui.shell.test_app_start import _driver

pytestmark = pytest.mark.postgres_only


@pytest.fixture
def gated(pg_url: str) -> Iterator[str]:
    dbname = install(pg_url)
    yield dbname
    uninstall(pg_url)


def test_the_desk_signs_in_as_the_users_own_login(
    qtbot: QtBot, pg_url: str, gated: str, tmp_path: Path
) -> None:
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    owner = Database(pg_url)
    grant_desk_work(owner.engine, gated)
    address = make_url(pg_url).set(username=None).render_as_string(hide_password=False)
    config = AppConfig(address, "test", "en", sign_in=SIGN_IN_DATABASE)
    seen: list[str] = []
    try:
        with desk_user(owner, pg_url, "right-pass-1", Role.MANAGER) as user:

            def wrong_then_right(w: QWidget) -> bool:
                if not isinstance(w, SignInDialog):
                    return False
                if not seen:
                    w.username.setText("no_such_login")
                    w.password.setText("whatever-1")
                    w.ok_button.click()
                    seen.append("tried")
                    return False
                if w.ok_button.isEnabled() and len(seen) == 1:
                    seen.append(" ".join(w.errors.messages().values()))
                    w.username.setText(user.username)
                    w.password.setText("right-pass-1")
                    w.ok_button.click()
                    return True
                return False

            def staff(w: QWidget) -> bool:
                # The shop's only user so far: the Staff window opens to set it up.
                if not isinstance(w, StaffDialog):
                    return False
                w.close()
                return True

            def main_window(w: QWidget) -> bool:
                if not isinstance(w, MainWindow):
                    return False
                seen.append(w.user_label.text())
                seen.append(w.desk.db.url)
                w.close()
                return True

            timer = _driver([wrong_then_right, staff, main_window])
            assert desk_app_ui.run(config) == 0
            timer.stop()
            assert "Wrong user name or password" in seen[1]
            assert user.display_name in seen[2]
            assert make_url(seen[3]).username == user.username
            actions = owner.read(
                lambda s: list(
                    s.scalars(select(AuditLog.action).where(AuditLog.user_id == user.user_id))
                )
            )
            assert actions == [gate.ACTION_SIGNED_IN, gate.ACTION_SIGNED_OUT]
    finally:
        owner.dispose()
