"""Two dispatch boards on two PCs (two ``Database`` objects) sharing one PostgreSQL database:
what one desk does shows on the other within 2 s, and of two dispatchers dropping
the same ticket at once exactly one wins; the other is told who took it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk_app.domain.enums import Role, TicketStatus
from desk_app.services.admin import users
from desk_app.services.core.database import Actor, Database
from desk_app.services.dispatch import dispatch
from desk_app.services.dispatch.dispatch import TechnicianDraft
from desk_app.services.tickets import tickets
from desk_app.ui.common.context import Desk
from desk_app.ui.dispatch.board import DispatchBoard
from tests.conftest import FakeClock
from tests.services import factories
from tests.ui.conftest import close_desk, make_desk
from tests.ui.dispatch.test_dispatch_board import drop, queue_mime

pytestmark = pytest.mark.postgres_only

# Mon 2026-11-23 15:00 in Shanghai
THREE_PM = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)


@dataclass
class Office:
    """Two dispatchers at two PCs, a clerk at a third, two technicians."""

    clerk_db: Database
    clerk: Actor
    first: Desk
    second: Desk
    sun: int
    zhou: int


@pytest.fixture
def office(pg_url: str, clock: FakeClock, tmp_path: Path, qtbot: QtBot) -> Iterator[Office]:
    clerk_db = Database(pg_url, clock=clock)
    users.create_user(clerk_db, None, "boss", "secret-1", Role.MANAGER, "王经理")
    boss = users.authenticate(clerk_db, "boss", "secret-1")
    for name, role, display in (
        ("clerk1", Role.CLERK, "李客服"),
        ("disp1", Role.DISPATCHER, "赵派工"),
        ("disp2", Role.DISPATCHER, "钱派工"),
    ):
        users.create_user(clerk_db, boss, name, "secret-1", role, display)
    factories.service_areas(clerk_db, boss, "朝阳区", "海淀区")
    sun = dispatch.create_technician(
        clerk_db, boss, TechnicianDraft("孙师傅", skills=("repair",), areas=("朝阳区",))
    ).id
    zhou = dispatch.create_technician(
        clerk_db, boss, TechnicianDraft("周师傅", skills=("repair",), areas=("海淀区",))
    ).id
    desks = []
    for n, name in enumerate(("disp1", "disp2")):
        pc = Database(pg_url, clock=clock)  # each PC its own engine and connections
        desk = make_desk(pc, users.authenticate(pc, name, "secret-1"), tmp_path / f"{n}.ini")
        desk.changes.start()
        desks.append(desk)
    yield Office(clerk_db, users.authenticate(clerk_db, "clerk1", "secret-1"), *desks, sun, zhou)
    for desk in desks:
        close_desk(desk)
        desk.db.dispose()
    clerk_db.dispose()


def open_board(qtbot: QtBot, desk: Desk) -> DispatchBoard:
    board = DispatchBoard(desk)
    qtbot.addWidget(board)
    with qtbot.waitSignal(board.loaded, timeout=10000):
        board.resize(1400, 800)
        board.show()
    return board


def test_another_desks_changes_appear_within_two_seconds(qtbot: QtBot, office: Office) -> None:
    mine = open_board(qtbot, office.first)
    theirs = open_board(qtbot, office.second)
    assert theirs.queue_model.rowCount() == 0

    # the budget is the wait's timeout: it fails the test when two seconds pass
    t = factories.ticket(office.clerk_db, office.clerk)  # a new ticket, from a third PC
    qtbot.waitUntil(lambda: theirs.queue_model.rowCount() == 1, timeout=2000)
    qtbot.waitUntil(lambda: mine.queue_model.rowCount() == 1, timeout=2000)

    drop(mine, queue_mime(mine, t.id), mine.grid.point_for(office.sun, THREE_PM))
    qtbot.waitUntil(  # the write itself and the other desk's refresh, within two seconds
        lambda: [c.id for c in theirs.grid.cards_in_row(office.sun)] == [t.id], timeout=2000
    )
    assert theirs.queue_model.rowCount() == 0

    tickets.change_status(office.first.db, office.first.actor, t.id, TicketStatus.IN_SERVICE)
    qtbot.waitUntil(
        lambda: theirs.data.tickets[t.id].status is TicketStatus.IN_SERVICE, timeout=2000
    )


def test_two_dispatchers_drop_the_same_ticket_one_wins(qtbot: QtBot, office: Office) -> None:
    t = factories.ticket(office.clerk_db, office.clerk)
    first = open_board(qtbot, office.first)
    second = open_board(qtbot, office.second)
    for board in (first, second):
        qtbot.waitUntil(lambda b=board: b.queue_model.rowCount() == 1, timeout=3000)

    # Both drop before either write comes back: the two writes race on the server.
    drop(first, queue_mime(first, t.id), first.grid.point_for(office.sun, THREE_PM))
    drop(second, queue_mime(second, t.id), second.grid.point_for(office.zhou, THREE_PM))

    def settled() -> bool:
        return all(b.banner.text() for b in (first, second))

    qtbot.waitUntil(settled, timeout=10000)
    view = tickets.get_ticket(office.clerk_db, office.clerk, t.id)
    assert [e.action for e in view.events].count("assign") == 1
    winner, loser = (first, second) if view.technician_id == office.sun else (second, first)
    winner_tech = office.sun if winner is first else office.zhou
    assert view.technician_id == winner_tech
    assert view.appointment_start == THREE_PM
    assert t.number in winner.banner.text()
    message = loser.banner.text()
    assert winner.desk.actor.display_name in message, message
    assert t.number in message and ("孙师傅" if winner is first else "周师傅") in message
    # The loser's board reloaded the truth: the card sits with the winner's technician.
    qtbot.waitUntil(
        lambda: [c.id for c in loser.grid.cards_in_row(winner_tech)] == [t.id], timeout=3000
    )
    assert loser.queue_model.rowCount() == 0
    other_tech = office.zhou if winner_tech == office.sun else office.sun
    assert loser.grid.cards_in_row(other_tech) == []
    assert (
        dispatch.technician_appointments(
            office.clerk_db,
            office.clerk,
            other_tech,
            THREE_PM - timedelta(hours=9),
            THREE_PM + timedelta(hours=9),
        )
        == []
    )
