"""Complaints driven like a clerk: intake from the list, the rejection-and-rework loop on
the history screen, overdue complaints highlighted and escalated, the manager's close."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from desk_app.domain.complaint_rules import ComplaintStep
from desk_app.domain.enums import Channel, ComplaintCategory, ComplaintStatus, Severity
from desk_app.services.care import complaint_views, complaints
from desk_app.services.care.complaints import ComplaintDraft
from desk_app.services.core.database import Actor, Database
from desk_app.ui.care.complaints.dialogs import ComplaintIntakeDialog
from desk_app.ui.care.complaints.screen import OVERDUE_BACKGROUND, ComplaintsScreen
from desk_app.ui.common.context import Desk
from tests.conftest import FakeClock
from tests.services import factories
from tests.ui.conftest import close_desk, make_desk, type_text

C = ComplaintStatus
Step = ComplaintStep


@pytest.fixture
def manager_desk(qtbot: QtBot, db: Database, manager: Actor, tmp_path: Path) -> Iterator[Desk]:
    d = make_desk(db, manager, tmp_path / "manager.ini")
    yield d
    close_desk(d)


def _screen(qtbot: QtBot, desk: Desk) -> ComplaintsScreen:
    screen = ComplaintsScreen(desk)
    qtbot.addWidget(screen)
    screen.resize(1400, 800)
    screen.show()
    return screen


def _choose(combo: object, data: object) -> None:
    index = combo.findData(data)  # type: ignore[attr-defined]
    assert index >= 0
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def _complaint(db: Database, actor: Actor, customer_id: int, **kw: object) -> int:
    draft = ComplaintDraft(
        customer_id,
        Channel.PHONE,
        kw.pop("category", ComplaintCategory.REPAIR_QUALITY),  # type: ignore[arg-type]
        kw.pop("severity", Severity.MEDIUM),  # type: ignore[arg-type]
        "修完第二天又不制冷了",
        **kw,  # type: ignore[arg-type]
    )
    return complaints.open_complaint(db, actor, draft).id


def _step(qtbot: QtBot, screen: ComplaintsScreen, step: Step, text: str = "") -> None:
    history = screen.history
    if text:
        type_text(qtbot, history.steps.text, text)
    before = len(history.view.events) if history.view else 0
    qtbot.mouseClick(history.steps.actions[step], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: history.view is not None and len(history.view.events) > before)


def test_intake_from_the_list_like_a_clerk(
    qtbot: QtBot,
    desk: Desk,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    manager: Actor,
) -> None:
    zhang = factories.customer(db, clerk)
    t = factories.completed_ticket(db, clerk, dispatcher, manager, zhang.id)
    screen = _screen(qtbot, desk)
    qtbot.waitUntil(lambda: screen.count.text() != "")
    assert screen.model.rowCount() == 0

    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    dialog = screen.findChild(ComplaintIntakeDialog)
    assert dialog is not None
    qtbot.keyClicks(dialog.picker.search, "zs")
    qtbot.waitUntil(lambda: dialog.picker.model.rowCount() == 1)
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.customer is not None and dialog.ticket.count() == 2)
    assert "张三" in dialog.customer_label.text()
    assert dialog.ticket.currentData() == t.id  # the latest ticket, preselected
    _choose(dialog.category, ComplaintCategory.ATTITUDE)
    _choose(dialog.severity, Severity.HIGH)
    qtbot.waitUntil(lambda: "2 h" in dialog.deadlines.text())
    type_text(qtbot, dialog.description, "师傅态度很差，修完就走")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)

    row = screen.model.row_at(0)
    assert (row.customer_name, row.technician, row.ticket_number) == ("张三", "刘师傅", t.number)
    qtbot.waitUntil(lambda: screen.history.view is not None)
    assert screen.history.number.text() == row.number
    assert "师傅态度很差" in screen.history.words.text()
    assert "left" in screen.history.facts["answer"].text()
    saved = complaint_views.get_complaint(db, clerk, row.id)
    assert (saved.category, saved.severity, saved.channel, saved.ticket_id) == (
        ComplaintCategory.ATTITUDE,
        Severity.HIGH,
        Channel.PHONE,
        t.id,
    )
    assert saved.description == "师傅态度很差，修完就走"
    assert saved.assigned_to == "李客服"


def test_rejection_and_rework_loop_on_the_history_screen(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor, clock: FakeClock
) -> None:
    zhang = factories.customer(db, clerk)
    cid = _complaint(db, clerk, zhang.id)
    screen = _screen(qtbot, desk)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    screen.table.selectRow(0)
    qtbot.waitUntil(lambda: screen.history.view is not None)
    history = screen.history
    assert not history.steps.actions[Step.ACCEPT].isEnabled()

    clock.advance(minutes=30)
    _step(qtbot, screen, Step.ANSWER, "已致歉，明天安排复查")
    assert history.view.status is C.INVESTIGATING
    assert "met" in history.facts["answer"].text()
    _step(qtbot, screen, Step.NOTE, "调取维修记录：更换了电容")
    _step(qtbot, screen, Step.PROPOSE, "免费上门复修")
    _step(qtbot, screen, Step.REJECT, "不要复修，要换机")
    assert history.view.status is C.INVESTIGATING and history.view.rounds == 1
    _step(qtbot, screen, Step.PROPOSE, "更换压缩机并延保一年")
    assert history.view.rounds == 2

    # Accepting needs the customer's satisfaction: asked for, nothing saved.
    qtbot.mouseClick(history.steps.actions[Step.ACCEPT], Qt.MouseButton.LeftButton)
    assert "satisfaction" in history.steps.errors.messages()
    assert history.view.status is C.PROPOSED
    _choose(history.steps.satisfaction, 4)
    _step(qtbot, screen, Step.ACCEPT, "可以")
    assert history.view.status is C.RESOLVED
    _step(qtbot, screen, Step.CLOSE)
    assert history.view.status is C.CLOSED
    assert not history.steps.isVisible()

    steps = [history.events.row_at(i).action for i in range(history.events.rowCount())]
    assert steps == [
        Step.CREATE,
        Step.ANSWER,
        Step.NOTE,
        Step.PROPOSE,
        Step.REJECT,
        Step.PROPOSE,
        Step.ACCEPT,
        Step.CLOSE,
    ]
    saved = complaint_views.get_complaint(db, clerk, cid)
    assert (saved.status, saved.rounds, saved.resolution_satisfaction) == (C.CLOSED, 2, 4)
    assert [e.text for e in saved.events if e.action is Step.REJECT] == ["不要复修，要换机"]
    # The list follows: the closed complaint left the "open" list.
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0)


def test_overdue_is_highlighted_escalated_and_closed_by_the_manager(
    qtbot: QtBot,
    desk: Desk,
    manager_desk: Desk,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    manager: Actor,
    clock: FakeClock,
) -> None:
    zhang = factories.customer(db, clerk)
    li = factories.customer(db, clerk, "李四", "13911112222")
    t = factories.completed_ticket(db, clerk, dispatcher, manager, li.id)
    urgent = _complaint(db, clerk, zhang.id, severity=Severity.HIGH)
    calm = _complaint(db, manager, li.id, category=ComplaintCategory.CHARGES, ticket_id=t.id)
    clock.advance(hours=3)  # past the HIGH complaint's 2 h first-answer deadline

    screen = _screen(qtbot, desk)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
    qtbot.waitUntil(
        lambda: complaint_views.get_complaint(db, clerk, urgent).escalated_at is not None
    )
    row = next(i for i in range(2) if screen.model.row_at(i).id == urgent)
    index = screen.model.index(row, 0)
    assert screen.model.data(index, Qt.ItemDataRole.BackgroundRole) == QColor(OVERDUE_BACKGROUND)
    assert screen.model.data(screen.model.index(row, 1)).startswith("⚑")
    assert "answer: overdue" in screen.model.data(screen.model.index(row, 2))
    assert "1 overdue" in screen.count.text()
    assert not screen.escalation_banner.isVisible()  # a clerk is not the manager

    # Filters: mine, category, technician.
    screen.mine.setChecked(True)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert screen.model.row_at(0).id == urgent
    screen.mine.setChecked(False)
    _choose(screen.category, ComplaintCategory.CHARGES)
    qtbot.waitUntil(lambda: [r.id for r in screen.model.rows()] == [calm])
    _choose(screen.category, None)
    qtbot.waitUntil(lambda: screen.technician.count() == 2)
    _choose(screen.technician, screen.technician.itemData(1))
    qtbot.waitUntil(lambda: [r.id for r in screen.model.rows()] == [calm])
    _choose(screen.technician, None)
    _choose(screen.show_filter, "overdue")
    qtbot.waitUntil(lambda: [r.id for r in screen.model.rows()] == [urgent])

    # The clerk cannot close an unresolved complaint; the manager can, with a reason.
    screen.table.selectRow(0)
    qtbot.waitUntil(lambda: screen.history.complaint_id == urgent)
    assert not screen.history.steps.actions[Step.CLOSE].isEnabled()
    boss = _screen(qtbot, manager_desk)
    qtbot.waitUntil(lambda: boss.escalation_banner.isVisible())
    assert "1 overdue complaint" in boss.escalation_banner.text()
    qtbot.mouseClick(boss.show_escalated_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [r.id for r in boss.model.rows()] == [urgent])
    boss.table.selectRow(0)
    qtbot.waitUntil(lambda: boss.history.complaint_id == urgent)
    assert boss.history.steps.actions[Step.CLOSE].isEnabled()
    qtbot.mouseClick(boss.history.steps.actions[Step.CLOSE], Qt.MouseButton.LeftButton)
    assert "text" in boss.history.steps.errors.messages()  # a reason is required
    _step(qtbot, boss, Step.CLOSE, "客户已撤诉")
    saved = complaint_views.get_complaint(db, manager, urgent)
    assert (saved.status, saved.close_reason) == (C.CLOSED, "客户已撤诉")
    assert saved.events[-1].user == "王经理"
    qtbot.waitUntil(lambda: boss.model.rowCount() == 0)
