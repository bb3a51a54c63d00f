"""Signing in at the counter, the idle lock, signing out and switching user in one process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desk_app.config import AppConfig
from desk_app.db.models import AuditLog
from desk_app.services.admin import settings
from desk_app.services.admin.sign_in import SignIn
from desk_app.services.core.database import Actor, Database
from desk_app.ui.admin.staff.password import ChangePasswordDialog
from desk_app.ui.common.context import Desk
from desk_app.ui.common.operations import BackgroundOps
from desk_app.ui.shell import app as desk_app_ui
from desk_app.ui.shell.lock import LockScreen
from desk_app.ui.shell.main_window import MainWindow
from desk_app.ui.shell.sign_in import SignInDialog
from tests.conftest import FakeClock
from tests.ui.conftest import close_desk, make_desk, type_text
from tests.ui.shell.test_app_start import _driver

PC = "COUNTER-1"


@pytest.fixture
def ops() -> Iterator[BackgroundOps]:
    o = BackgroundOps()
    yield o
    o.shutdown()


def _dialog(qtbot: QtBot, db: Database, ops: BackgroundOps) -> SignInDialog:
    dialog = SignInDialog(SignIn(db, PC), ops, tz=ZoneInfo("Asia/Shanghai"))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _try(qtbot: QtBot, dialog: SignInDialog, name: str, password: str) -> None:
    dialog.username.setText(name)
    dialog.password.setText(password)
    dialog.ok_button.click()
    qtbot.waitUntil(
        lambda: (
            dialog.actor is not None or dialog.ok_button.isEnabled() or dialog.wait_timer.isActive()
        )
    )


def _actions(db: Database) -> list[tuple[str, str | None, str | None]]:
    """(action, typed name, pc) of the sign-in audit rows, oldest first."""
    rows = db.read(lambda s: s.scalars(select(AuditLog).order_by(AuditLog.id)).all())
    return [
        (r.action, (r.details or {}).get("username"), (r.details or {}).get("pc"))
        for r in rows
        if r.action.startswith(("user.sign", "user.unlock", "user.locked"))
    ]


def test_wrong_and_unknown_read_the_same_then_the_wait_is_counted_down(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    ops: BackgroundOps,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(SignInDialog, "TICK_MS", 50)
    dialog = _dialog(qtbot, db, ops)
    _try(qtbot, dialog, "clerk1", "wrong-one")
    wrong = dialog.errors.messages()["password"]
    _try(qtbot, dialog, "nobody", "wrong-one")
    assert dialog.errors.messages()["password"] == wrong == "Wrong user name or password."
    # straight away again: clerk1 must wait; OK stays off while the seconds count down
    _try(qtbot, dialog, "clerk1", "secret-1")
    assert "wait 1 s" in dialog.banner.text()
    assert not dialog.ok_button.isEnabled()
    clock.advance(seconds=1)
    qtbot.waitUntil(dialog.ok_button.isEnabled)
    assert dialog.banner.text() == "You can try again now."
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button.click()
    assert dialog.actor is not None and dialog.actor.username == "clerk1"
    assert _actions(db) == [
        ("user.sign_in_failed", "clerk1", PC),
        ("user.sign_in_failed", "nobody", PC),
        ("user.sign_in_refused", "clerk1", PC),
        ("user.sign_in", "clerk1", PC),
    ]


def test_a_locked_name_says_until_when_in_the_shops_zone(
    qtbot: QtBot, db: Database, manager: Actor, clerk: Actor, ops: BackgroundOps
) -> None:
    settings.set_sign_in_policy(db, manager, settings.SignInPolicy(max_failures=1))
    dialog = _dialog(qtbot, db, ops)
    _try(qtbot, dialog, "clerk1", "wrong-one")
    # 02:00 UTC + 15 minutes, written as the Shanghai shop reads its clock
    assert dialog.banner.text() == (
        "Too many wrong answers: this name is locked until 2026-11-23 10:15."
    )
    assert dialog.actor is None and dialog.ok_button.isEnabled()


def _window(qtbot: QtBot, desk: Desk, idle_ms: int) -> MainWindow:
    window = MainWindow(
        desk, screens={}, confirm_close=False, sign_in=SignIn(desk.db, PC), idle_lock_ms=idle_ms
    )
    qtbot.addWidget(window)
    window.show()
    return window


def _lock_screen(qtbot: QtBot, window: MainWindow) -> LockScreen:
    assert window.desk_lock is not None
    qtbot.waitUntil(lambda: window.desk_lock is not None and window.desk_lock.locked, timeout=5000)
    screen = window.desk_lock.screen
    assert screen is not None and screen.isVisible() and screen.isModal()
    return screen


def test_idle_desk_locks_and_unlocks_with_the_screen_as_it_was(
    qtbot: QtBot, desk: Desk, clock: FakeClock
) -> None:
    window = _window(qtbot, desk, idle_ms=300)
    type_text(qtbot, window.goto, "S2026")
    screen = _lock_screen(qtbot, window)
    curtain = window.findChild(QWidget, "lockCurtain")
    assert curtain is not None and curtain.isVisible()
    assert curtain.geometry() == window.rect()  # the whole window is covered
    # Esc does not open it, a wrong password does not either
    screen.reject()
    assert screen.isVisible()
    type_text(qtbot, screen.password, "wrong-one")
    screen.unlock_button.click()
    qtbot.waitUntil(lambda: "Wrong user name or password." in screen.banner.text())
    clock.advance(seconds=1)
    screen.password.clear()
    type_text(qtbot, screen.password, "secret-1")
    screen.unlock_button.click()
    qtbot.waitUntil(lambda: window.desk_lock is not None and not window.desk_lock.locked)
    qtbot.waitUntil(lambda: window.findChild(QWidget, "lockCurtain") is None)
    assert window.goto.text() == "S2026"  # what was typed is still there
    assert [a for a, *_ in _actions(desk.db)] == ["user.unlock_failed", "user.unlock"]
    # idle again: it locks again
    _lock_screen(qtbot, window)


def test_sign_out_from_the_lock_ends_the_session(qtbot: QtBot, desk: Desk) -> None:
    window = _window(qtbot, desk, idle_ms=0)  # never by itself: locked from the menu
    window.lock_action.trigger()
    screen = _lock_screen(qtbot, window)
    with qtbot.waitSignal(window.signed_out):
        screen.sign_out_button.click()
    assert not window.isVisible()
    assert window.desk_lock is not None and not window.desk_lock.locked


def test_sign_out_then_another_user_signs_in_in_the_same_process(
    qtbot: QtBot, db: Database, clerk: Actor, tmp_path: Path
) -> None:
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    seen: list[str] = []

    def sign_in_as(name: str) -> object:
        def step(w: QWidget) -> bool:
            if not isinstance(w, SignInDialog) or not w.ok_button.isEnabled():
                return False
            w.username.setText(name)
            w.password.setText("secret-1")
            w.ok_button.click()
            return True

        return step

    def own_password(w: QWidget) -> bool:
        # A manager created clerk1: the first sign-in asks for a password of their own.
        if not isinstance(w, ChangePasswordDialog) or not w.ok_button.isEnabled():
            return False
        w.current.setText("secret-1")
        w.new.setText("mine-2026")
        w.repeat.setText("mine-2026")
        w.ok_button.click()
        return True

    def then(action: str) -> object:
        def step(w: QWidget) -> bool:
            if not isinstance(w, MainWindow) or not w.isVisible():
                return False
            seen.append(w.user_label.text())
            if action == "sign out":
                w.sign_out_action.trigger()
            else:
                w.close()
            return True

        return step

    timer = _driver(
        [
            sign_in_as("clerk1"),
            own_password,
            then("sign out"),
            sign_in_as("boss"),
            then("quit"),
        ]  # type: ignore[list-item]
    )
    assert desk_app_ui.run(AppConfig(db.url, "test", "en")) == 0
    timer.stop()
    assert seen == ["李客服 (Front desk)", "王经理 (Service manager)"]
    assert [(a, n) for a, n, _pc in _actions(db)] == [
        ("user.sign_in", "clerk1"),
        ("user.sign_out", "clerk1"),
        ("user.sign_in", "boss"),
        ("user.sign_out", "boss"),
    ]
    assert all(pc for *_, pc in _actions(db))  # the PC's name
    assert QApplication.activeModalWidget() is None


def test_the_lock_covers_the_windows_the_desk_opened(
    qtbot: QtBot, db: Database, manager: Actor, tmp_path: Path
) -> None:
    desk = make_desk(db, manager, tmp_path / "manager.ini")
    try:
        window = _window(qtbot, desk, idle_ms=0)
        dialog = window.open_settings()
        qtbot.waitUntil(dialog.isVisible)
        window.lock_action.trigger()
        _lock_screen(qtbot, window)
        curtain = dialog.findChild(QWidget, "lockCurtain")
        assert curtain is not None and curtain.isVisible()
        with qtbot.waitSignal(window.signed_out):
            window.sign_out()
        assert not dialog.isVisible()  # the settings of the one who left are closed
    finally:
        close_desk(desk)


def test_a_desk_run_leaves_the_collection_as_it_found_it() -> None:
    """The desk collects cycles on the GUI thread; when it stops, automatic collection is
    back only if it was on before. (It used to turn it on for the rest of the test run,
    and a later test's Qt objects were then freed on a worker thread: a segfault.)"""
    import gc

    from desk_app.ui.common.collector import GuiThreadCollector

    before = gc.isenabled()
    gc.disable()
    try:
        collector = GuiThreadCollector()
        assert not gc.isenabled()
        collector.stop()
        assert not gc.isenabled()
        gc.enable()
        collector = GuiThreadCollector()
        assert not gc.isenabled()
        collector.stop()
        assert gc.isenabled()
    finally:
        (gc.enable if before else gc.disable)()
