"""Two desks open the maintenance ticket of one appliance from the reminder list at
the same moment: one ticket is opened, the other desk is told which one.

The use case holds the appliance's row for its whole transaction (PostgreSQL: FOR NO
KEY UPDATE; SQLite: the write lock taken at BEGIN IMMEDIATE), so the second desk
waits, then sees the first desk's ticket. Each desk has its own Database, as each PC
has; a gate in one desk's clock holds its transaction open after the check, so the
order is certain, then a free race on several appliances for good measure.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import func, select

from desk_app.db.models import Ticket
from desk_app.domain.enums import Role, TicketKind
from desk_app.domain.errors import DuplicateEntry
from desk_app.services.admin import users
from desk_app.services.care import maintenance
from desk_app.services.core.database import Actor, Database
from desk_app.services.tickets.tickets import TicketView
from tests.concurrency.threads import GateClock, Worker
from tests.services import factories

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def _setup(url: str) -> tuple[Database, Actor, int]:
    db = Database(url, clock=lambda: NOW)
    users.create_user(db, None, "boss", "secret-1", Role.MANAGER, "王经理")
    boss = users.authenticate(db, "boss", "secret-1")
    users.create_user(db, boss, "clerk", "secret-1", Role.CLERK, "李客服")
    clerk = users.authenticate(db, "clerk", "secret-1")
    return db, clerk, factories.customer(db, clerk).id


def _maintenance_tickets(db: Database, appliance_id: int) -> int:
    return db.read(
        lambda s: (
            s.scalar(
                select(func.count())
                .select_from(Ticket)
                .where(Ticket.appliance_id == appliance_id, Ticket.kind == TicketKind.MAINTENANCE)
            )
            or 0
        )
    )


def _at_once(
    barrier: threading.Barrier, desk: Database, clerk: Actor, appliance_id: int
) -> Callable[[], TicketView]:
    def run() -> TicketView:
        barrier.wait()
        return maintenance.open_maintenance_ticket(desk, clerk, appliance_id)

    return run


def test_second_desk_waits_and_is_told_the_open_ticket(db_url: str) -> None:
    db, clerk, customer_id = _setup(db_url)
    ac = factories.appliance(db, clerk, customer_id)
    gate = GateClock()
    first_desk, second_desk = Database(db_url, clock=gate), Database(db_url, clock=lambda: NOW)
    try:
        first = Worker(lambda: maintenance.open_maintenance_ticket(first_desk, clerk, ac.id))
        first.start()
        assert gate.reached.wait(20)  # the first desk has checked and holds the appliance
        second = Worker(lambda: maintenance.open_maintenance_ticket(second_desk, clerk, ac.id))
        second.start()
        second.join(0.8)
        assert second.is_alive(), "the second desk must wait for the first desk's ticket"
        gate.opened.set()
        first.join(30)
        second.join(30)
        assert first.error is None, first.error
        opened: TicketView = first.result
        assert isinstance(second.error, DuplicateEntry), (second.result, second.error)
        assert second.error.code == "maintenance.ticket_already_open"
        assert second.error.values["key"] == opened.number
        assert _maintenance_tickets(db, ac.id) == 1
    finally:
        gate.opened.set()
        for d in (first_desk, second_desk, db):
            d.dispose()


def test_free_race_opens_one_ticket_per_appliance(pg_url: str) -> None:
    db, clerk, customer_id = _setup(pg_url)
    desks = [Database(pg_url, clock=lambda: NOW) for _ in range(2)]
    try:
        for _ in range(4):
            ac = factories.appliance(db, clerk, customer_id)
            barrier = threading.Barrier(2)

            workers = [Worker(_at_once(barrier, desk, clerk, ac.id)) for desk in desks]
            for w in workers:
                w.start()
            for w in workers:
                w.join(30)
            opened = [w.result for w in workers if w.error is None]
            refused = [w.error for w in workers if w.error is not None]
            assert len(opened) == 1 and len(refused) == 1, [w.error for w in workers]
            assert isinstance(refused[0], DuplicateEntry), refused
            assert refused[0].values["key"] == opened[0].number
            assert _maintenance_tickets(db, ac.id) == 1
    finally:
        for d in (*desks, db):
            d.dispose()
