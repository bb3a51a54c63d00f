"""UI fixtures: a signed-in desk over the per-test database (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desk_app.services.core.database import Actor, Database
from desk_app.ui.common.changes import ChangeHub
from desk_app.ui.common.context import Desk
from desk_app.ui.common.operations import BackgroundOps


def make_desk(db: Database, actor: Actor, settings_path: Path, *, poll_ms: int = 200) -> Desk:
    ops = BackgroundOps()
    changes = ChangeHub(db, ops, interval_ms=poll_ms)
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    return Desk(db=db, actor=actor, ops=ops, changes=changes, settings=settings)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type like a clerk: Latin keys as key presses, Chinese as an input-method commit
    (that is how 张三 reaches a widget from a pinyin IME; QTest cannot press it as keys)."""
    run = ""

    def commit() -> None:
        event = QInputMethodEvent("", [])
        event.setCommitString(run)
        QApplication.sendEvent(widget, event)

    for ch in text:
        if ch.isascii():
            if run:
                commit()
                run = ""
            qtbot.keyClicks(widget, ch)
        else:
            run += ch
    if run:
        commit()


def close_desk(desk: Desk) -> None:
    desk.changes.stop()
    desk.ops.shutdown()


@pytest.fixture
def desk(qtbot: object, db: Database, clerk: Actor, tmp_path: Path) -> Iterator[Desk]:
    """The clerk's desk; its background work is finished before the database goes away."""
    d = make_desk(db, clerk, tmp_path / "desk.ini")
    yield d
    close_desk(d)
