"""Starting the desk: unreachable database, first run creating the manager, signing in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desk_app.config import AppConfig
from desk_app.services.admin import users
from desk_app.services.admin.sign_in import SignIn
from desk_app.services.core.database import Actor, Database
from desk_app.ui.admin.staff.dialog import StaffDialog
from desk_app.ui.common.operations import BackgroundOps
from desk_app.ui.shell import app as desk_app_ui
from desk_app.ui.shell.main_window import MainWindow
from desk_app.ui.shell.sign_in import FirstRunDialog, SignInDialog
from tests.conftest import FakeClock


def _driver(steps: list[Callable[[QWidget], bool]]) -> QTimer:
    """Every 50 ms, offer the active window to the next step; a step returns True when done."""
    timer = QTimer()
    timer.setInterval(50)

    def tick() -> None:
        window = QApplication.activeModalWidget() or QApplication.activeWindow()
        if window is None:
            for w in QApplication.topLevelWidgets():
                if w.isVisible():
                    window = w
        if steps and window is not None and steps[0](window):
            steps.pop(0)
        if not steps:
            timer.stop()

    timer.timeout.connect(tick)
    timer.start()
    return timer


def test_unreachable_database_is_explained(qtbot: QtBot) -> None:
    seen: list[str] = []

    def close_box(w: QWidget) -> bool:
        if isinstance(w, QMessageBox):
            seen.append(w.text() + "\n" + w.informativeText())
            w.close()
            return True
        return False

    timer = _driver([close_box])
    config = AppConfig("postgresql+psycopg://nobody@127.0.0.1:1/none", "DESK_DATABASE_URL", "en")
    assert desk_app_ui.run(config) == 2
    timer.stop()
    assert "cannot open its database" in seen[0]
    assert "127.0.0.1:1/none" in seen[0]
    assert "DESK_DATABASE_URL" in seen[0]


def test_first_run_creates_manager_then_main_window(qtbot: QtBot, tmp_path: Path) -> None:
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    url = f"sqlite:///{tmp_path / 'first.sqlite3'}"
    shown: list[MainWindow] = []

    def first_run(w: QWidget) -> bool:
        if not isinstance(w, FirstRunDialog):
            return False
        w.username.setText("boss")
        w.display_name.setText("王经理")
        w.password.setText("secret-1")
        w.repeat.setText("secret-1")
        w.ok_button.click()
        return True

    def staff(w: QWidget) -> bool:
        """The manager "adds everybody else": the Staff window opens for it."""
        if not isinstance(w, StaffDialog):
            return False
        assert "Set up the shop here" in w.banner.text()
        w.close()
        return True

    def main_window(w: QWidget) -> bool:
        if not isinstance(w, MainWindow):
            return False
        shown.append(w)
        assert "王经理" in w.user_label.text()
        assert "first.sqlite3" in w.db_label.text()
        w.close()
        return True

    timer = _driver([first_run, staff, main_window])
    assert desk_app_ui.run(AppConfig(url, "test", "en")) == 0
    timer.stop()
    assert shown
    db = Database(url)
    try:
        assert users.count_users(db) == 1
        assert users.authenticate(db, "boss", "secret-1").display_name == "王经理"
    finally:
        db.dispose()


def test_sign_in_marks_wrong_password(
    qtbot: QtBot, db: Database, clerk: Actor, clock: FakeClock
) -> None:
    ops = BackgroundOps()
    dialog = SignInDialog(SignIn(db, "PC-1"), ops)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("clerk1")
    dialog.password.setText("wrong-one")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "password" in dialog.errors.messages())
    assert dialog.actor is None
    clock.advance(seconds=1)  # the wait after a wrong answer
    dialog.password.setText("secret-1")
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button.click()
    assert dialog.actor is not None and dialog.actor.username == "clerk1"
    ops.shutdown()


def test_first_run_refuses_different_passwords(qtbot: QtBot, db: Database) -> None:
    ops = BackgroundOps()
    dialog = FirstRunDialog(db, ops)
    qtbot.addWidget(dialog)
    dialog.username.setText("boss")
    dialog.password.setText("secret-1")
    dialog.repeat.setText("secret-2")
    dialog.ok_button.click()
    assert "repeat" in dialog.errors.messages()
    assert users.count_users(db) == 0
    ops.shutdown()
