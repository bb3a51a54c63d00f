"""The preferred-window fields shared by intake and the edit dialog."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desk_app.ui.common.widgets import FieldErrors
from desk_app.ui.tickets.window_input import PreferredWindow

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_the_day_offered_is_the_shops_tomorrow_not_the_pcs(qtbot: QtBot) -> None:
    # 17:30 UTC is already 01:30 the next day in Shanghai: "tomorrow" is the 25th there.
    late = datetime(2026, 11, 23, 17, 30, tzinfo=UTC)
    w = PreferredWindow(SHANGHAI, lambda: late)
    qtbot.addWidget(w)
    assert not w.has_window.isChecked()
    assert w.window_date.date() == QDate(2026, 11, 25)
    assert not w.window_date.isEnabled()
    assert w.window() == (None, None)


def test_a_stored_window_reads_back_in_the_shops_zone(qtbot: QtBot) -> None:
    w = PreferredWindow(SHANGHAI, lambda: datetime(2026, 11, 23, 2, tzinfo=UTC), prefix="edit")
    qtbot.addWidget(w)
    assert w.has_window.objectName() == "editHasWindow"
    start = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)  # 15:00 in Shanghai
    end = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    w.set_window(start, end)
    assert w.has_window.isChecked() and w.window_from.isEnabled()
    assert w.window_from.time() == QTime(15, 0)
    assert w.window() == (start.astimezone(SHANGHAI), end.astimezone(SHANGHAI))


def test_a_reversed_window_is_marked_and_a_locked_one_cannot_be_ticked(qtbot: QtBot) -> None:
    w = PreferredWindow(SHANGHAI, lambda: datetime(2026, 11, 23, 2, tzinfo=UTC))
    qtbot.addWidget(w)
    w.has_window.setChecked(True)
    w.window_from.setTime(QTime(14, 0))
    w.window_to.setTime(QTime(11, 0))
    errors = FieldErrors()
    label = QLabel()
    qtbot.addWidget(label)
    errors.add(("preferred_end",), w, label)
    assert not w.check(errors)
    assert errors.messages()["preferred_end"] != ""
    w.set_allowed(False, "locked")
    assert not w.has_window.isEnabled() and not w.window_to.isEnabled()
    assert w.has_window.toolTip() == "locked"
