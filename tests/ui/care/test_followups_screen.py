"""The follow-up desk driven like the specialist: the queue oldest first with the phone and
the service at hand, a reached call rated by keys, a call not reached and its retry, and a
dissatisfied answer turned into a complaint in one action."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.db.models import FollowupCall
from desk_app.domain.complaint_rules import Ratings
from desk_app.domain.enums import (
    ComplaintCategory,
    FeedbackSource,
    FollowupOutcome,
    Role,
    Severity,
    TicketStatus,
)
from desk_app.services.care import complaint_views, feedback, followups
from desk_app.services.care.complaint_views import ComplaintFilter
from desk_app.services.core.database import Actor, Database
from desk_app.services.tickets import tickets
from desk_app.ui.care.complaints.dialogs import ComplaintIntakeDialog
from desk_app.ui.care.followups.screen import FollowupsScreen
from desk_app.ui.common.context import Desk
from tests.conftest import FakeClock, make_actor
from tests.services import factories
from tests.ui.conftest import close_desk, make_desk, type_text

R = FollowupOutcome


@pytest.fixture
def caller(db: Database, manager: Actor) -> Actor:
    return make_actor(db, manager, "fu1", Role.FOLLOWUP, "孙回访")


@pytest.fixture
def caller_desk(qtbot: QtBot, db: Database, caller: Actor, tmp_path: Path) -> Iterator[Desk]:
    d = make_desk(db, caller, tmp_path / "caller.ini")
    yield d
    close_desk(d)


def _screen(qtbot: QtBot, desk: Desk) -> FollowupsScreen:
    screen = FollowupsScreen(desk)
    qtbot.addWidget(screen)
    screen.resize(1300, 800)
    screen.show()
    return screen


def _record(qtbot: QtBot, screen: FollowupsScreen, outcome: R, keys: str = "") -> None:
    panel = screen.panel
    qtbot.mouseClick(panel.outcome_buttons[outcome], Qt.MouseButton.LeftButton)
    if keys:
        qtbot.keyClicks(panel.ratings, keys)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.last_call is not None)


def test_queue_and_a_reached_call_rated_by_keys(
    qtbot: QtBot,
    caller_desk: Desk,
    desk: Desk,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    manager: Actor,
    clock: FakeClock,
) -> None:
    first = factories.completed_ticket(db, clerk, dispatcher, manager)
    clock.advance(hours=1)
    li = factories.customer(db, clerk, "李四", "13911112222")
    second = factories.completed_ticket(db, clerk, dispatcher, manager, li.id)
    screen = _screen(qtbot, caller_desk)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
    assert [r.ticket_id for r in screen.model.rows()] == [first.id, second.id]  # oldest first
    assert "2" in screen.count.text()

    screen.table.selectRow(0)
    panel = screen.panel
    qtbot.waitUntil(lambda: panel.row is not None)
    assert (panel.who.text(), panel.phone.text()) == ("张三", "138 1234 5678")
    assert panel.facts["cause"].text() == "电容老化"
    assert panel.facts["work"].text() == "更换启动电容"
    assert panel.facts["technician"].text() == "刘师傅"
    assert not panel.ratings.isEnabled()

    # Reached without the ratings: asked for, nothing saved.
    qtbot.mouseClick(panel.outcome_buttons[R.REACHED], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.ratings, "54")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert "Timeliness" in panel.ratings.error.text()
    assert factories.count(db, FollowupCall) == 0
    qtbot.keyClicks(panel.ratings, "455")
    type_text(qtbot, panel.comments, "师傅很专业")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.last_call is not None)

    assert "followed up" in panel.result.text()
    assert not panel.complaint_button.isVisible()
    qtbot.waitUntil(lambda: [r.ticket_id for r in screen.model.rows()] == [second.id])
    assert tickets.get_ticket(db, clerk, first.id).status is TicketStatus.FOLLOWED_UP
    fb = followups.followup_history(db, clerk, first.id).feedback
    assert [(f.source, f.ratings, f.comments, f.recorded_by) for f in fb] == [
        (FeedbackSource.CALL, Ratings(5, 4, 4, 5, 5), "师傅很专业", "孙回访")
    ]
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.row is not None and panel.row.ticket_id == second.id)

    # A front-desk clerk does not make follow-up calls.
    clerk_screen = _screen(qtbot, desk)
    assert not clerk_screen.splitter.isEnabled()
    assert "follow-up specialist" in clerk_screen.banner.text()


def test_not_reached_shows_the_next_attempt_and_comes_back(
    qtbot: QtBot,
    caller_desk: Desk,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    manager: Actor,
    clock: FakeClock,
) -> None:
    t = factories.completed_ticket(db, clerk, dispatcher, manager)
    screen = _screen(qtbot, caller_desk)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    screen.table.selectRow(0)
    _record(qtbot, screen, R.NOT_REACHED)
    assert "next attempt" in screen.panel.result.text()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0)
    call = followups.followup_history(db, clerk, t.id).calls[0]
    assert call.next_attempt_at == clock.now + timedelta(hours=2)

    clock.advance(hours=2)  # the retry falls due
    qtbot.mouseClick(screen.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert "1 not reached" in screen.model.data(screen.model.index(0, 6))
    screen.table.selectRow(0)
    qtbot.waitUntil(lambda: screen.panel.row is not None and screen.panel.last_call is None)
    assert "1 not reached" in screen.panel.facts["calls"].text()
    _record(qtbot, screen, R.REFUSED)
    assert "declined" in screen.panel.result.text()
    assert tickets.get_ticket(db, clerk, t.id).status is TicketStatus.FOLLOWED_UP
    assert [c.outcome for c in followups.followup_history(db, clerk, t.id).calls] == [
        R.NOT_REACHED,
        R.REFUSED,
    ]


def test_dissatisfied_answer_opens_a_prefilled_complaint(
    qtbot: QtBot,
    caller_desk: Desk,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    manager: Actor,
) -> None:
    t = factories.completed_ticket(db, clerk, dispatcher, manager)
    li = factories.customer(db, clerk, "李四", "13911112222")
    happy = factories.completed_ticket(db, clerk, dispatcher, manager, li.id)
    feedback.enter_feedback_form(db, clerk, t.number, Ratings(2, 3, 3, 3, 2))
    screen = _screen(qtbot, caller_desk)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
    # The dissatisfied paper form puts its ticket first.
    assert [r.ticket_id for r in screen.model.rows()] == [t.id, happy.id]
    assert "dissatisfied" in screen.model.data(screen.model.index(0, 7))
    screen.table.selectRow(0)
    qtbot.waitUntil(lambda: screen.panel.row is not None)
    qtbot.mouseClick(screen.panel.outcome_buttons[R.REACHED], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.panel.ratings, "13221")
    type_text(qtbot, screen.panel.comments, "师傅态度很差，还骂人")
    qtbot.mouseClick(screen.panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.panel.last_call is not None)
    assert "dissatisfied" in screen.panel.result.text()
    assert screen.panel.complaint_button.isVisible()

    opened: list[int] = []
    screen.complaint_opened.connect(opened.append)
    qtbot.mouseClick(screen.panel.complaint_button, Qt.MouseButton.LeftButton)
    dialog = screen.panel.findChild(ComplaintIntakeDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.customer is not None and dialog.ticket.currentData() == t.id)
    assert dialog.category.currentData() == ComplaintCategory.ATTITUDE
    assert dialog.severity.currentData() == Severity.HIGH
    assert dialog.description.toPlainText() == "师傅态度很差，还骂人"
    assert not dialog.ticket.isEnabled()  # fixed by the call
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 1)
    assert not screen.panel.complaint_button.isEnabled()

    rows = complaint_views.list_complaints(db, clerk, ComplaintFilter(ticket_id=t.id))
    assert [r.id for r in rows] == opened
    c = complaint_views.get_complaint(db, clerk, opened[0])
    assert (c.customer_name, c.technician, c.category, c.severity) == (
        "张三",
        "刘师傅",
        ComplaintCategory.ATTITUDE,
        Severity.HIGH,
    )
    assert c.description == "师傅态度很差，还骂人" and c.events[0].user == "孙回访"
