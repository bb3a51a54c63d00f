"""The dispatch board (派工看板): drags, keyboard, questions and state changes, checked in the
database, on SQLite and PostgreSQL.

Drops are real ``QDropEvent``s carrying the mime data the queue or a card gives
a drag; the card drag is started with the mouse, and ``QDrag.exec`` (which
would wait for a platform drag) is replaced by delivering its drop.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDrag, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desk_app.domain.clock import ClockStatus
from desk_app.domain.enums import Role, TicketKind, TicketStatus, Urgency
from desk_app.services.core.database import Actor, Database
from desk_app.services.dispatch import dispatch
from desk_app.services.dispatch.dispatch import TechnicianDraft
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import TicketView
from desk_app.ui.common.context import Desk
from desk_app.ui.dispatch.board import DispatchBoard
from desk_app.ui.dispatch.dialogs import (
    CompletionDialog,
    OverrideDialog,
    ReasonDialog,
    RescheduleDialog,
)
from desk_app.ui.dispatch.model import TicketRef, card_lines, load_text
from desk_app.ui.paperwork.preview import PrintPreviewDialog
from tests.conftest import FakeClock, make_actor
from tests.services import factories
from tests.ui.conftest import close_desk, make_desk, type_text

TZ_OFFSET = timedelta(hours=8)  # Asia/Shanghai; the fake clock starts Mon 2026-11-23 10:00 there


def local(hour: int, minute: int = 0, day: int = 23) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC) - TZ_OFFSET


@pytest.fixture
def dispatch_desk(qtbot: QtBot, db: Database, dispatcher: Actor, tmp_path: Path) -> Iterator[Desk]:
    d = make_desk(db, dispatcher, tmp_path / "dispatch.ini")
    yield d
    close_desk(d)


@pytest.fixture
def techs(db: Database, manager: Actor) -> tuple[int, int]:
    """孙师傅 repairs in 朝阳区 (3 visits a day, none reserved); 周师傅 installs in 海淀区."""
    factories.service_areas(db, manager, "朝阳区", "海淀区")
    sun = dispatch.create_technician(
        db,
        manager,
        TechnicianDraft(
            "孙师傅", skills=("repair",), areas=("朝阳区",), daily_capacity=3, emergency_reserve=0
        ),
    ).id
    zhou = dispatch.create_technician(
        db, manager, TechnicianDraft("周师傅", skills=("installation",), areas=("海淀区",))
    ).id
    return sun, zhou


def open_board(qtbot: QtBot, desk: Desk) -> DispatchBoard:
    board = DispatchBoard(desk)
    qtbot.addWidget(board)
    with qtbot.waitSignal(board.loaded, timeout=10000):
        board.resize(1500, 800)
        board.show()
    qtbot.waitExposed(board)
    return board


def reload(qtbot: QtBot, board: DispatchBoard) -> None:
    with qtbot.waitSignal(board.loaded, timeout=10000):
        board.refresh()


def drop(board: DispatchBoard, mime: QMimeData, pos: QPoint) -> QDropEvent:
    """A drag entering the grid, moving to ``pos`` and dropping there, as Qt delivers it."""
    grid = board.grid
    point = QPointF(pos)
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, Qt.DropAction.MoveAction, mime, buttons, mods)
    QApplication.sendEvent(grid, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(pos, Qt.DropAction.MoveAction, mime, buttons, mods)
    QApplication.sendEvent(grid, move)
    assert move.isAccepted() and grid.drop_indicator is not None
    event = QDropEvent(point, Qt.DropAction.MoveAction, mime, buttons, mods)
    QApplication.sendEvent(grid, event)
    return event


def queue_mime(board: DispatchBoard, ticket_id: int) -> QMimeData:
    """What dragging this ticket out of the queue carries (the model's own mime data)."""
    row = board.queue_model.row_of(ticket_id)
    assert row is not None
    return board.queue_model.mimeData([board.queue_model.index(row)])


def wait_ticket(qtbot: QtBot, db: Database, actor: Actor, ticket_id: int, check) -> TicketView:  # type: ignore[no-untyped-def]
    seen: list[TicketView] = []

    def ok() -> bool:
        seen[:] = [tickets.get_ticket(db, actor, ticket_id)]
        return bool(check(seen[0]))

    qtbot.waitUntil(ok, timeout=10000)
    return seen[0]


def wait_dialog(qtbot: QtBot, board: DispatchBoard, kind: type) -> QDialog:
    qtbot.waitUntil(
        lambda: isinstance(board.dialog, kind) and board.dialog.isVisible(), timeout=10000
    )
    assert board.dialog is not None
    return board.dialog  # type: ignore[return-value]


# ---------------------------------------------------------------- showing


def test_board_shows_queue_visits_and_paused_clocks(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
    clock: FakeClock,
) -> None:
    sun, zhou = techs
    old = factories.ticket(db, clerk)
    clock.advance(minutes=30)
    urgent = factories.ticket(db, clerk, urgency=Urgency.URGENT)
    booked = factories.ticket(db, clerk)
    dispatch.assign(db, dispatcher, booked.id, sun, starts=local(11), ends=local(12))
    parts = factories.ticket(db, clerk)
    dispatch.assign(db, dispatcher, parts.id, zhou, starts=local(14), ends=local(15))
    tickets.change_status(db, dispatcher, parts.id, TicketStatus.IN_SERVICE)
    tickets.change_status(db, dispatcher, parts.id, TicketStatus.WAITING_PARTS)
    later = factories.ticket(db, clerk)
    dispatch.assign(db, dispatcher, later.id, zhou)  # assigned, no time yet

    board = open_board(qtbot, dispatch_desk)
    queue = [board.queue_model.ticket_at(n).id for n in range(board.queue_model.rowCount())]
    assert queue == [urgent.id, old.id]
    assert "Unassigned: 2" in board.queue_title.text()
    rect = board.grid.card_rect(booked.id)
    assert rect is not None
    assert rect.left() == pytest.approx(board.grid.scale.x_for(local(11)))
    assert rect.width() == pytest.approx(board.grid.slot_px * 2)
    assert board.grid.target_at(rect.topLeft().toPoint() + QPoint(5, 5)) == (sun, local(11))
    assert [t.id for t in board.data.unscheduled(zhou)] == [later.id]
    card = board.data.tickets[parts.id]
    assert board.data.clock(card).status is ClockStatus.PAUSED
    assert "paused" in card_lines(card, board.data.clock(card))[-1]
    lines = card_lines(
        board.data.tickets[booked.id], board.data.clock(board.data.tickets[booked.id])
    )
    assert lines[0] == booked.number and "Repair" in lines[1] and "朝阳区" in lines[2]
    assert "空调" not in lines[2]  # no appliance on this ticket: the area only
    assert load_text(board.data.technicians[sun]) == "1/3 visits"  # no room kept: no "reserved"
    assert load_text(board.data.technicians[zhou]) == "1/6 visits · 1 reserved"
    assert "2 of 9 visits" in board.summary.text()


def test_clocks_move_on_without_reading_the_database(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    t = factories.ticket(db, clerk)  # 24 h to respond
    board = open_board(qtbot, dispatch_desk)
    assert board.data.clock(board.data.tickets[t.id]).status is ClockStatus.OK
    reads: list[object] = []
    original = db.read
    monkeypatch.setattr(db, "read", lambda fn: reads.append(fn) or original(fn))
    clock.advance(hours=20)
    board.tick()
    assert board.data.clock(board.data.tickets[t.id]).status is ClockStatus.AT_RISK
    clock.advance(hours=5)
    board.tick()
    state = board.data.clock(board.data.tickets[t.id])
    assert state.status is ClockStatus.OVERDUE and state.remaining_seconds == -3600
    assert "overdue" in board.queue_title.text() and "1 overdue" in board.queue_title.text()
    assert reads == []


# ---------------------------------------------------------------- drags


def test_drag_from_queue_assigns_and_books(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
) -> None:
    sun, _ = techs
    t = factories.ticket(db, clerk)
    board = open_board(qtbot, dispatch_desk)
    with qtbot.waitSignal(board.loaded, timeout=10000):
        event = drop(board, queue_mime(board, t.id), board.grid.point_for(sun, local(13, 30)))
        assert event.isAccepted()
    view = wait_ticket(qtbot, db, dispatcher, t.id, lambda v: v.technician_id == sun)
    assert view.status is TicketStatus.DISPATCHED
    assert (view.appointment_start, view.appointment_end) == (local(13, 30), local(14, 30))
    assert [c.id for c in board.grid.cards_in_row(sun)] == [t.id]
    assert board.queue_model.rowCount() == 0
    assert t.number in board.banner.text()


def test_mouse_drag_moves_a_visit_to_another_technician_with_a_reason(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sun, zhou = techs
    t = factories.ticket(db, clerk)
    dispatch.assign(db, dispatcher, t.id, sun, starts=local(11), ends=local(12))
    board = open_board(qtbot, dispatch_desk)
    target = board.grid.point_for(zhou, local(15))
    dragged: list[QMimeData] = []

    def exec_drag(drag: QDrag, *_args: object) -> Qt.DropAction:
        dragged.append(drag.mimeData())
        drop(board, drag.mimeData(), target)  # the platform would deliver this drop
        return Qt.DropAction.MoveAction

    monkeypatch.setattr(QDrag, "exec", exec_drag)
    rect = board.grid.card_rect(t.id)
    assert rect is not None
    start = rect.center().toPoint()
    qtbot.mousePress(board.grid, Qt.MouseButton.LeftButton, pos=start)
    assert board.selected_id == t.id
    qtbot.mouseMove(board.grid, start + QPoint(40, 40))
    assert len(dragged) == 1 and TicketRef.from_mime(dragged[0]).id == t.id  # type: ignore[union-attr]
    dialog = wait_dialog(qtbot, board, ReasonDialog)
    assert not dialog.ok.isEnabled()  # type: ignore[attr-defined]
    type_text(qtbot, dialog.reason_edit.lineEdit(), "客户改到下午")  # type: ignore[attr-defined]
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    view = wait_ticket(qtbot, db, dispatcher, t.id, lambda v: v.technician_id == zhou)
    assert view.appointment_start == local(15)
    assert view.events[-1].action == "assign" and view.events[-1].reason == "客户改到下午"
    old = dispatch.technician_appointments(db, dispatcher, sun, local(0), local(23))
    assert [(a.state, a.reason) for a in old] == [("rescheduled", "客户改到下午")]


def test_drop_outside_the_grid_rows_is_refused(
    qtbot: QtBot, db: Database, clerk: Actor, dispatch_desk: Desk, techs: tuple[int, int]
) -> None:
    t = factories.ticket(db, clerk)
    board = open_board(qtbot, dispatch_desk)
    below = QPoint(400, board.grid.sizeHint().height() + 50)
    assert not board.grid.drop_ticket(queue_mime(board, t.id), below)
    assert not board.grid.drop_ticket(QMimeData(), board.grid.point_for(techs[0], local(11)))


# ---------------------------------------------------------------- keyboard


def test_keyboard_assignment_from_the_queue(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
) -> None:
    _, zhou = techs
    first = factories.ticket(db, clerk, urgency=Urgency.URGENT)
    second = factories.ticket(db, clerk, kind=TicketKind.INSTALLATION)
    board = open_board(qtbot, dispatch_desk)
    board.queue.setFocus()
    qtbot.keyClick(board.queue, Qt.Key.Key_Down)
    qtbot.keyClick(board.queue, Qt.Key.Key_Down)
    assert board.selected_id == second.id != first.id
    panel = board.panel
    panel.tech_combo.setFocus()
    while panel.tech_combo.currentData() != zhou:
        qtbot.keyClick(panel.tech_combo, Qt.Key.Key_Down)
    panel.start_combo.setFocus()
    while panel.start_combo.currentText() != "14:00":
        qtbot.keyClick(panel.start_combo, Qt.Key.Key_Down)
    assert panel.length_combo.currentData() == 120  # an installation books two hours
    assert board.grid.cursor_cell == (board.grid.row_of(zhou), board.grid.scale.slot_of(local(14)))
    qtbot.keyClick(panel.start_combo, Qt.Key.Key_Return)
    view = wait_ticket(qtbot, db, dispatcher, second.id, lambda v: v.technician_id == zhou)
    assert (view.appointment_start, view.appointment_end) == (local(14), local(16))


def test_keyboard_on_the_grid_picks_up_and_moves_a_visit(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
) -> None:
    sun, _ = techs
    t = factories.ticket(db, clerk)
    dispatch.assign(db, dispatcher, t.id, sun, starts=local(11), ends=local(12))
    board = open_board(qtbot, dispatch_desk)
    grid = board.grid
    grid.setFocus()
    grid.set_cursor(grid.row_of(sun), grid.scale.slot_of(local(11)))  # type: ignore[arg-type]
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    assert board.selected_id == t.id
    for _ in range(6):
        qtbot.keyClick(grid, Qt.Key.Key_Right)  # three hours later (after the lunch break)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    dialog = wait_dialog(qtbot, board, ReasonDialog)
    dialog.reason_edit.setCurrentIndex(0)  # type: ignore[attr-defined]
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    view = wait_ticket(qtbot, db, dispatcher, t.id, lambda v: v.appointment_start == local(14))
    assert view.appointment_end == local(15)
    assert view.events[-1].action == "reschedule"
    assert view.events[-1].reason == "Customer asked for another time"


# ---------------------------------------------------------------- questions


def test_double_booking_needs_an_override_reason(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
) -> None:
    sun, _ = techs
    first = factories.ticket(db, clerk)
    dispatch.assign(db, dispatcher, first.id, sun, starts=local(10), ends=local(11))
    second = factories.ticket(db, clerk)
    board = open_board(qtbot, dispatch_desk)
    drop(board, queue_mime(board, second.id), board.grid.point_for(sun, local(10, 30)))
    dialog = wait_dialog(qtbot, board, OverrideDialog)
    assert "孙师傅" in dialog.message.text() and first.number in dialog.message.text()  # type: ignore[attr-defined]
    assert tickets.get_ticket(db, dispatcher, second.id).technician_id is None
    assert not dialog.ok.isEnabled()  # type: ignore[attr-defined]
    type_text(qtbot, dialog.reason_edit, "同一栋楼")  # type: ignore[attr-defined]
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    wait_ticket(qtbot, db, dispatcher, second.id, lambda v: v.technician_id == sun)
    visits = dispatch.technician_appointments(db, dispatcher, sun, local(0), local(23))
    assert {(a.ticket_id, a.override_reason) for a in visits} == {
        (first.id, None),
        (second.id, "同一栋楼"),
    }
    qtbot.waitUntil(lambda: len(board.grid.cards_in_row(sun)) == 2, timeout=10000)


def test_over_capacity_is_warned_and_shown(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
) -> None:
    sun, _ = techs  # 3 visits a day
    for hour in (9, 11, 13):
        t = factories.ticket(db, clerk)
        dispatch.assign(db, dispatcher, t.id, sun, starts=local(hour), ends=local(hour + 1))
    extra = factories.ticket(db, clerk)
    board = open_board(qtbot, dispatch_desk)
    assert board.capacity.isHidden()
    drop(board, queue_mime(board, extra.id), board.grid.point_for(sun, local(15)))
    box = wait_dialog(qtbot, board, QMessageBox)
    assert "孙师傅" in box.text() and "4" in box.text()  # type: ignore[attr-defined]
    with qtbot.waitSignal(board.loaded, timeout=10000):
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    wait_ticket(qtbot, db, dispatcher, extra.id, lambda v: v.technician_id == sun)
    qtbot.waitUntil(lambda: board.capacity.isVisible(), timeout=10000)
    assert "孙师傅 (4/3)" in board.capacity.text()


def test_reschedule_asks_for_a_reason_and_records_it(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
) -> None:
    sun, _ = techs
    t = factories.ticket(db, clerk)
    dispatch.assign(db, dispatcher, t.id, sun, starts=local(11), ends=local(12))
    board = open_board(qtbot, dispatch_desk)
    board.select(t.id)
    qtbot.mouseClick(board.panel.buttons["reschedule"], Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, board, RescheduleDialog)
    dialog.start_edit.setCurrentIndex(dialog.start_edit.findText("16:30"))  # type: ignore[attr-defined]
    assert not dialog.ok.isEnabled()  # type: ignore[attr-defined]
    type_text(qtbot, dialog.reason_edit.lineEdit(), "配件未到")  # type: ignore[attr-defined]
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    view = wait_ticket(qtbot, db, dispatcher, t.id, lambda v: v.appointment_start == local(16, 30))
    assert view.appointment_end == local(17, 30)
    assert (view.events[-1].action, view.events[-1].reason) == ("reschedule", "配件未到")


def test_cancel_asks_for_a_reason(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
) -> None:
    t = factories.ticket(db, clerk)
    board = open_board(qtbot, dispatch_desk)
    board.select(t.id)
    qtbot.mouseClick(board.panel.buttons["cancel"], Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, board, ReasonDialog)
    type_text(qtbot, dialog.reason_edit.lineEdit(), "客户电话里解决了")  # type: ignore[attr-defined]
    with qtbot.waitSignal(board.loaded, timeout=10000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    view = wait_ticket(qtbot, db, dispatcher, t.id, lambda v: v.status is TicketStatus.CANCELLED)
    assert view.events[-1].reason == "客户电话里解决了"
    assert board.queue_model.rowCount() == 0


def test_arrived_waiting_for_parts_and_completed_from_the_board(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
) -> None:
    sun, _ = techs
    t = factories.ticket(db, clerk)
    dispatch.assign(db, dispatcher, t.id, sun, starts=local(11), ends=local(12))
    board = open_board(qtbot, dispatch_desk)
    board.select(t.id)
    buttons = board.panel.buttons
    assert not buttons["complete"].isEnabled() and buttons["arrived"].isEnabled()
    with qtbot.waitSignal(board.loaded, timeout=10000):
        qtbot.mouseClick(buttons["arrived"], Qt.MouseButton.LeftButton)
    wait_ticket(qtbot, db, dispatcher, t.id, lambda v: v.status is TicketStatus.IN_SERVICE)
    assert buttons["waiting_parts"].isEnabled()
    with qtbot.waitSignal(board.loaded, timeout=10000):
        qtbot.mouseClick(buttons["waiting_parts"], Qt.MouseButton.LeftButton)
    wait_ticket(qtbot, db, dispatcher, t.id, lambda v: v.status is TicketStatus.WAITING_PARTS)
    assert board.data.clock(board.data.tickets[t.id]).status is ClockStatus.PAUSED
    with qtbot.waitSignal(board.loaded, timeout=10000):
        qtbot.mouseClick(buttons["arrived"], Qt.MouseButton.LeftButton)
    wait_ticket(qtbot, db, dispatcher, t.id, lambda v: v.status is TicketStatus.IN_SERVICE)
    qtbot.mouseClick(buttons["complete"], Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, board, CompletionDialog)
    assert dialog.labour.isEnabled()  # type: ignore[attr-defined]  # warranty unknown: charged
    type_text(qtbot, dialog.cause, "电容损坏")  # type: ignore[attr-defined]
    type_text(qtbot, dialog.work, "更换电容")  # type: ignore[attr-defined]
    dialog.labour.setValue(80)  # type: ignore[attr-defined]
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    view = wait_ticket(qtbot, db, dispatcher, t.id, lambda v: v.status is TicketStatus.COMPLETED)
    assert (view.fault_cause, view.work_done, view.labour_cents) == ("电容损坏", "更换电容", 8000)
    qtbot.waitUntil(lambda: board.grid.cards_in_row(sun) == [], timeout=10000)


# ---------------------------------------------------------------- who fits, filters, opening


def test_ranking_says_why_and_assign_to_best(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
) -> None:
    sun, _ = techs
    t = factories.ticket(db, clerk)  # a repair in 朝阳区
    board = open_board(qtbot, dispatch_desk)
    board.select(t.id)
    ranking = board.panel.ranking
    assert ranking.topLevelItem(0).text(0).startswith("孙师傅")
    assert "covers the area" in ranking.topLevelItem(0).text(2)
    assert "has the skill" in ranking.topLevelItem(0).text(2)
    assert "lacks the skill" in ranking.topLevelItem(1).text(2)
    assert "孙师傅 10:00" in board.panel.best_button.text()
    qtbot.keyClick(board, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    view = wait_ticket(qtbot, db, dispatcher, t.id, lambda v: v.technician_id == sun)
    assert view.appointment_start == local(10)


def test_filters_by_area_kind_urgency_and_technician(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
) -> None:
    _, zhou = techs
    chaoyang = factories.ticket(db, clerk)
    haidian_customer = factories.customer(
        db, clerk, "李四", "139 1111 2222", "北京市海淀区中关村1号", "海淀区"
    )
    haidian = factories.ticket(
        db, clerk, haidian_customer.id, kind=TicketKind.INSTALLATION, urgency=Urgency.URGENT
    )
    board = open_board(qtbot, dispatch_desk)
    with qtbot.waitSignal(board.loaded, timeout=10000):
        board.toolbar.area_filter.setCurrentIndex(board.toolbar.area_filter.findData("海淀区"))
    assert [board.queue_model.ticket_at(0).id] == [haidian.id]
    with qtbot.waitSignal(board.loaded, timeout=10000):
        board.toolbar.set_filters(kind=TicketKind.REPAIR)
    assert [board.queue_model.ticket_at(0).id] == [chaoyang.id]
    with qtbot.waitSignal(board.loaded, timeout=10000):
        board.toolbar.set_filters(urgency=Urgency.URGENT)
    assert board.queue_model.rowCount() == 1 and board.queue_model.ticket_at(0).id == haidian.id
    with qtbot.waitSignal(board.loaded, timeout=10000):
        board.toolbar.set_filters(technician_id=zhou)
    assert [t.id for t in board.grid.techs] == [zhou]


def test_double_click_opens_the_ticket(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
) -> None:
    sun, _ = techs
    booked = factories.ticket(db, clerk)
    dispatch.assign(db, dispatcher, booked.id, sun, starts=local(11), ends=local(12))
    waiting = factories.ticket(db, clerk)
    board = open_board(qtbot, dispatch_desk)
    rect = board.grid.card_rect(booked.id)
    assert rect is not None
    with qtbot.waitSignal(board.open_ticket, timeout=2000) as opened:
        qtbot.mouseDClick(board.grid, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert opened.args == [booked.id]
    index = board.queue_model.index(0)
    with qtbot.waitSignal(board.open_ticket, timeout=2000) as opened:
        pos = board.queue.visualRect(index).center()
        qtbot.mouseClick(board.queue.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        qtbot.mouseDClick(board.queue.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert opened.args == [waiting.id]


def test_days_are_a_click_apart(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
) -> None:
    sun, _ = techs
    t = factories.ticket(db, clerk)
    dispatch.assign(db, dispatcher, t.id, sun, starts=local(9, day=24), ends=local(10, day=24))
    board = open_board(qtbot, dispatch_desk)
    assert board.grid.cards_in_row(sun) == []
    qtbot.mouseClick(board.toolbar.next_button, Qt.MouseButton.LeftButton)
    assert board.day.isoformat() == "2026-11-24"
    # not the next `loaded`: a reload of the old day the change feed asked for may come first
    qtbot.waitUntil(lambda: [c.id for c in board.grid.cards_in_row(sun)] == [t.id], timeout=10000)


def test_print_a_technicians_work_orders_for_the_day(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
) -> None:
    sun, zhou = techs
    for hour in (9, 11):
        t = factories.ticket(db, clerk)
        dispatch.assign(db, dispatcher, t.id, sun, starts=local(hour), ends=local(hour + 1))
    other = factories.ticket(db, clerk)
    dispatch.assign(db, dispatcher, other.id, zhou, starts=local(9), ends=local(10))
    board = open_board(qtbot, dispatch_desk)
    board.panel.choose(sun, None)
    qtbot.mouseClick(board.panel.buttons["print"], Qt.MouseButton.LeftButton)
    dialog = board.printer.dialog  # the day's print asks first: completed visits too?
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: board.printer.preview is not None, timeout=20000)
    preview = board.printer.preview
    assert isinstance(preview, PrintPreviewDialog)
    assert preview.page_count == 3  # the route sheet, then the two work orders
    assert "孙师傅" in preview.windowTitle()
    preview.close()


# ---------------------------------------------------------------- two desks


def test_a_dispatcher_who_was_second_is_told_who_took_the_ticket(
    qtbot: QtBot,
    db: Database,
    db_url: str,
    clerk: Actor,
    dispatcher: Actor,
    manager: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
    tmp_path: Path,
    clock: FakeClock,
) -> None:
    sun, zhou = techs
    t = factories.ticket(db, clerk)
    second = make_actor(db, manager, "disp2", Role.DISPATCHER, "钱派工")
    other_db = Database(db_url, clock=clock)
    other = make_desk(other_db, second, tmp_path / "other.ini")
    try:
        mine = open_board(qtbot, dispatch_desk)
        theirs = open_board(qtbot, other)
        drop(theirs, queue_mime(theirs, t.id), theirs.grid.point_for(zhou, local(15)))
        wait_ticket(qtbot, db, dispatcher, t.id, lambda v: v.technician_id == zhou)
        with qtbot.waitSignal(mine.loaded, timeout=10000):
            drop(mine, queue_mime(mine, t.id), mine.grid.point_for(sun, local(11)))
        message = mine.banner.text()
        assert "钱派工" in message and t.number in message and "周师傅" in message
        assert [c.id for c in mine.grid.cards_in_row(zhou)] == [t.id]
        assert mine.queue_model.rowCount() == 0
        assert tickets.get_ticket(db, dispatcher, t.id).technician_id == zhou
    finally:
        close_desk(other)
        other_db.dispose()


def test_a_clerk_sees_the_board_but_cannot_dispatch(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    desk: Desk,
    techs: tuple[int, int],
) -> None:
    sun, _ = techs
    t = factories.ticket(db, clerk)
    board = open_board(qtbot, desk)  # the clerk's desk
    assert not board.grid.drop_ticket(queue_mime(board, t.id), board.grid.point_for(sun, local(11)))
    board.select(t.id)
    assert board.panel.ranking.topLevelItemCount() == 2  # who fits is shown all the same
    assert not board.panel.assign_button.isEnabled()
    assert not board.panel.best_button.isEnabled()
    assert board.panel.buttons["cancel"].isEnabled()  # the desk may cancel, with a reason
    assert tickets.get_ticket(db, clerk, t.id).technician_id is None


# ---------------------------------------------------------------- back to the queue, exact times


def drop_on_queue(board: DispatchBoard, mime: QMimeData) -> QDropEvent:
    """A drag entering the queue and dropping there, as Qt delivers it to its viewport."""
    view = board.queue.viewport()
    pos = QPoint(view.width() // 2, view.height() // 2)
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, Qt.DropAction.MoveAction, mime, buttons, mods)
    QApplication.sendEvent(view, enter)
    if enter.isAccepted():
        assert board.queue.drop_hint
        QApplication.sendEvent(
            view, QDragMoveEvent(pos, Qt.DropAction.MoveAction, mime, buttons, mods)
        )
    event = QDropEvent(QPointF(pos), Qt.DropAction.MoveAction, mime, buttons, mods)
    QApplication.sendEvent(view, event)
    assert not board.queue.drop_hint
    return event


def test_a_card_dropped_on_the_queue_asks_why_and_goes_back_unassigned(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sqlalchemy import select

    from desk_app.db.models import AuditLog

    sun, _ = techs
    t = factories.ticket(db, clerk)
    dispatch.assign(db, dispatcher, t.id, sun, starts=local(11), ends=local(12))
    board = open_board(qtbot, dispatch_desk)
    assert board.queue_model.rowCount() == 0

    def exec_drag(drag: QDrag, *_args: object) -> Qt.DropAction:
        event = drop_on_queue(board, drag.mimeData())  # the platform would deliver this drop
        assert event.isAccepted()
        return Qt.DropAction.MoveAction

    monkeypatch.setattr(QDrag, "exec", exec_drag)
    rect = board.grid.card_rect(t.id)
    assert rect is not None
    start = rect.center().toPoint()
    qtbot.mousePress(board.grid, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(board.grid, start + QPoint(40, 40))
    dialog = wait_dialog(qtbot, board, ReasonDialog)
    assert dialog.objectName() == "unassignDialog"
    assert t.number in dialog.windowTitle()
    text = dialog.prompt.text()  # type: ignore[attr-defined]
    assert "孙师傅" in text and "11:00–12:00" in text
    assert tickets.get_ticket(db, dispatcher, t.id).technician_id == sun  # nothing yet
    assert not dialog.ok.isEnabled()  # type: ignore[attr-defined]
    type_text(qtbot, dialog.reason_edit.lineEdit(), "派错了师傅")  # type: ignore[attr-defined]
    with qtbot.waitSignal(board.loaded, timeout=10000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    view = wait_ticket(qtbot, db, dispatcher, t.id, lambda v: v.technician_id is None)
    assert view.status is TicketStatus.NEW and view.appointment_start is None
    assert (view.events[-1].action, view.events[-1].reason) == ("unassign", "派错了师傅")
    visits = dispatch.technician_appointments(db, dispatcher, sun, local(0), local(23))
    assert [(a.state, a.reason) for a in visits] == [("cancelled", "派错了师傅")]
    audit = db.read(
        lambda s: s.scalars(select(AuditLog).where(AuditLog.action == "ticket.unassign")).one()
    )
    assert audit.user_id == dispatcher.user_id and audit.details["reason"] == "派错了师傅"  # type: ignore[index]
    qtbot.waitUntil(lambda: board.queue_model.row_of(t.id) is not None, timeout=10000)
    assert board.grid.cards_in_row(sun) == []
    assert t.number in board.banner.text()


def test_back_to_queue_from_the_panel_cancel_keeps_it_and_the_queue_refuses_its_own(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
) -> None:
    _, zhou = techs
    waiting = factories.ticket(db, clerk)
    later = factories.ticket(db, clerk)
    dispatch.assign(db, dispatcher, later.id, zhou)  # assigned, no time yet
    board = open_board(qtbot, dispatch_desk)
    # A card of the queue dropped on the queue is not a change.
    assert not drop_on_queue(board, queue_mime(board, waiting.id)).isAccepted()
    board.select(later.id)
    assert board.panel.buttons["unassign"].isEnabled()
    qtbot.mouseClick(board.panel.buttons["unassign"], Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, board, ReasonDialog)
    assert "周师傅" in dialog.prompt.text()  # type: ignore[attr-defined]
    dialog.reject()  # the dispatcher changed their mind: nothing changes
    assert tickets.get_ticket(db, dispatcher, later.id).technician_id == zhou
    board.select(waiting.id)
    assert not board.panel.buttons["unassign"].isEnabled()  # in the queue already
    board.select(later.id)
    qtbot.mouseClick(board.panel.buttons["unassign"], Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, board, ReasonDialog)
    dialog.reason_edit.setCurrentIndex(0)  # type: ignore[attr-defined]
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    view = wait_ticket(qtbot, db, dispatcher, later.id, lambda v: v.technician_id is None)
    assert view.events[-1].reason == "Technician unavailable"


def test_a_clerk_cannot_drop_a_card_back_on_the_queue(
    qtbot: QtBot, db: Database, clerk: Actor, dispatcher: Actor, desk: Desk, techs: tuple[int, int]
) -> None:
    sun, _ = techs
    t = factories.ticket(db, clerk)
    dispatch.assign(db, dispatcher, t.id, sun, starts=local(11), ends=local(12))
    board = open_board(qtbot, desk)
    ref = TicketRef.of(board.data.tickets[t.id])
    assert not drop_on_queue(board, ref.to_mime()).isAccepted()
    board.select(t.id)
    assert not board.panel.buttons["unassign"].isEnabled()
    assert tickets.get_ticket(db, clerk, t.id).technician_id == sun


def test_a_drop_in_the_lunch_break_books_exactly_that_time_or_says_why_not(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
) -> None:
    """The shop works 08:30-12:00 and 13:30-18:00: a drop at 12:00 asks, and then books
    12:00 or nothing, never another time."""
    sun, _ = techs
    t = factories.ticket(db, clerk)
    board = open_board(qtbot, dispatch_desk)
    point = board.grid.point_for(sun, local(12))
    assert board.grid.target_at(point) == (sun, local(12))
    drop(board, queue_mime(board, t.id), point)
    box = wait_dialog(qtbot, board, QMessageBox)
    assert "12:00–13:00" in box.text() and "break" in box.text()  # type: ignore[attr-defined]
    assert "08:30–12:00, 13:30–18:00" in box.text() and "12:00 anyway" in box.text()  # type: ignore[attr-defined]
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert "Not booked" in board.banner.text() and "12:00–13:00" in board.banner.text()
    assert tickets.get_ticket(db, dispatcher, t.id).technician_id is None
    drop(board, queue_mime(board, t.id), point)
    box = wait_dialog(qtbot, board, QMessageBox)
    with qtbot.waitSignal(board.loaded, timeout=10000):
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    view = wait_ticket(qtbot, db, dispatcher, t.id, lambda v: v.technician_id == sun)
    assert (view.appointment_start, view.appointment_end) == (local(12), local(13))
    assert "12:00" in board.banner.text()


def test_a_drop_outside_the_technicians_hours_says_so_and_books_only_that_time(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
) -> None:
    sun, _ = techs  # works 08:30-18:00; the grid starts at 08:00
    t = factories.ticket(db, clerk)
    board = open_board(qtbot, dispatch_desk)
    drop(board, queue_mime(board, t.id), board.grid.point_for(sun, local(8)))
    box = wait_dialog(qtbot, board, QMessageBox)
    assert "孙师傅 works 08:30–18:00" in box.text() and "08:00–09:00" in box.text()  # type: ignore[attr-defined]
    with qtbot.waitSignal(board.loaded, timeout=10000):
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    view = wait_ticket(qtbot, db, dispatcher, t.id, lambda v: v.technician_id == sun)
    assert (view.appointment_start, view.appointment_end) == (local(8), local(9))
    # A visit running into the break asks as well; inside working time nothing is asked.
    other = factories.ticket(db, clerk)
    reload(qtbot, board)
    drop(board, queue_mime(board, other.id), board.grid.point_for(sun, local(11, 30)))
    box = wait_dialog(qtbot, board, QMessageBox)
    assert "11:30–12:30" in box.text()  # type: ignore[attr-defined]
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    with qtbot.waitSignal(board.loaded, timeout=10000):
        drop(board, queue_mime(board, other.id), board.grid.point_for(sun, local(14)))
    view = wait_ticket(qtbot, db, dispatcher, other.id, lambda v: v.technician_id == sun)
    assert view.appointment_start == local(14)


def test_the_time_the_customer_asked_for_shows_and_is_the_booking_default(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
) -> None:
    """Intake stored 15:00-17:00 as the customer's wish: the queue card, its tooltip and
    the panel show it, and the panel's start time is 15:00 until the dispatcher picks."""
    from desk_app.services.tickets.tickets import TicketDraft
    from desk_app.ui.dispatch.cards import TICKET_ROLE

    c = factories.customer(db, clerk)
    t = tickets.open_ticket(
        db,
        clerk,
        TicketDraft(
            c.id,
            TicketKind.REPAIR,
            "冰箱不制冷",
            preferred_start=local(15),
            preferred_end=local(17),
        ),
    )
    board = open_board(qtbot, dispatch_desk)
    model = board.queue_model
    index = model.index(model.row_of(t.id) or 0)
    assert "11-23 15:00–17:00" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "11-23 15:00–17:00" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(TICKET_ROLE).preferred_start == local(15)
    board.select(t.id)
    qtbot.waitUntil(lambda: "15:00–17:00" in board.panel.facts.text())
    assert board.panel.start_combo.currentData() == local(15).astimezone(board.data.tz)
