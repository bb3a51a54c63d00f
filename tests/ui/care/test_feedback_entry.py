"""Feedback-form entry driven like a clerk with a stack of forms: scan or type the number,
keys 1–5, comments, Enter; the same form twice is refused; a failed save keeps the typing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.db.models import Feedback
from desk_app.domain.complaint_rules import Ratings
from desk_app.domain.enums import FeedbackSource, TicketStatus
from desk_app.services.care import feedback, followups
from desk_app.services.core.database import Actor, Database
from desk_app.services.tickets import tickets
from desk_app.ui.care.feedback_entry import FeedbackEntry
from desk_app.ui.common.context import Desk
from tests.services import factories
from tests.ui.conftest import type_text


def _screen(qtbot: QtBot, desk: Desk) -> FeedbackEntry:
    screen = FeedbackEntry(desk)
    qtbot.addWidget(screen)
    screen.resize(900, 700)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    return screen


def _scan(qtbot: QtBot, screen: FeedbackEntry, number: str) -> None:
    screen.ticket.setFocus()
    qtbot.keyClicks(screen.ticket, number)
    qtbot.keyClick(screen.ticket, Qt.Key.Key_Return)


def test_a_stack_of_forms_by_keyboard(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    first = factories.completed_ticket(db, clerk, dispatcher, manager)
    li = factories.customer(db, clerk, "李四", "13911112222")
    second = factories.completed_ticket(db, clerk, dispatcher, manager, li.id)
    screen = _screen(qtbot, desk)

    _scan(qtbot, screen, first.number.lower())  # typed in lower case: found all the same
    qtbot.waitUntil(lambda: "张三" in screen.ticket_info.text())
    assert screen.ticket.text() == first.number
    assert "刘师傅" in screen.ticket_info.text()
    qtbot.keyClicks(screen.ratings, "5445")
    assert screen.ratings.current_field == "overall"
    qtbot.keyClicks(screen.ratings, "5")
    qtbot.waitUntil(screen.comments.hasFocus)
    type_text(qtbot, screen.comments, "师傅很细心")
    qtbot.keyClick(screen.comments, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.entered.rowCount() == 1)

    # Cleared for the next form, the one just saved listed with its ratings.
    assert (screen.ticket.text(), screen.comments.toPlainText()) == ("", "")
    assert screen.ratings.ratings() is None
    assert first.number in screen.banner.text() and "5 4 4 5 5" in screen.banner.text()
    assert screen.entered.row_at(0).customer == "张三"
    assert "1" in screen.count_label.text()
    saved = followups.followup_history(db, clerk, first.id).feedback
    assert [(f.source, f.ratings, f.comments, f.recorded_by) for f in saved] == [
        (FeedbackSource.FORM, Ratings(5, 4, 4, 5, 5), "师傅很细心", "李客服")
    ]
    # The ticket waits for its follow-up call as before.
    assert tickets.get_ticket(db, clerk, first.id).status is TicketStatus.COMPLETED

    # Second form: a scanner types fast and ends with Enter; a dissatisfied one, no comment.
    assert screen.handle_scan(second.number)
    qtbot.waitUntil(lambda: "李四" in screen.ticket_info.text())
    qtbot.keyClicks(screen.ratings, "21312")
    qtbot.keyClick(screen.ratings, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.entered.rowCount() == 2)
    assert screen.entered.row_at(0).form.ticket_number == second.number
    assert "called back first" in screen.banner.text()
    assert factories.count(db, Feedback) == 2


def test_the_same_form_twice_is_refused_clearly(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    t = factories.completed_ticket(db, clerk, dispatcher, manager)
    feedback.enter_feedback_form(db, manager, t.number, Ratings(5, 5, 5, 5, 5))
    screen = _screen(qtbot, desk)

    _scan(qtbot, screen, t.number)
    qtbot.waitUntil(lambda: "Already entered" in screen.ticket_info.text())
    assert "王经理" in screen.ticket_info.text() and "5 5 5 5 5" in screen.ticket_info.text()
    assert screen.ticket.hasFocus()  # ready for the next scan

    # Typing the ratings and saving anyway: refused by the service, nothing written.
    qtbot.keyClicks(screen.ratings, "11111")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.save_button.isEnabled())
    qtbot.waitUntil(lambda: "Already entered" in screen.ticket_info.text())
    assert screen.entered.rowCount() == 0
    assert screen.ratings.ratings() == Ratings(1, 1, 1, 1, 1)  # kept as typed
    kept = followups.followup_history(db, clerk, t.id).feedback
    assert [f.ratings for f in kept] == [Ratings(5, 5, 5, 5, 5)]


def test_a_failed_save_keeps_what_was_typed(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    t = factories.ticket(db, clerk)  # not completed yet
    screen = _screen(qtbot, desk)
    screen.ticket.setText(t.number)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "Attitude" in screen.ratings.error.text()  # every row is asked for

    qtbot.keyClicks(screen.ratings, "33333")
    type_text(qtbot, screen.comments, "还没修好")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not completed" in screen.ticket_info.text())
    assert screen.ticket.text() == t.number
    assert screen.ratings.ratings() == Ratings(3, 3, 3, 3, 3)
    assert screen.comments.toPlainText() == "还没修好"
    assert factories.count(db, Feedback) == 0

    screen.ticket.setText("S20991231-9999")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "No ticket" in screen.ticket_info.text())
    assert screen.comments.toPlainText() == "还没修好"

    # Scanning the next form over unsaved answers: refused, nothing moves to the new ticket.
    assert screen.handle_scan(t.number)
    assert "not saved yet" in screen.banner.text()
    assert screen.ticket.text() == "S20991231-9999"
    assert screen.ratings.ratings() == Ratings(3, 3, 3, 3, 3)
