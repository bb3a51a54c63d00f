"""A clerk opens a ticket for a duplicate while a manager merges it, on PostgreSQL.

Whichever transaction takes the customer's row first, the other waits for it
(the merge locks FOR UPDATE, intake FOR KEY SHARE), and the ticket ends on the
survivor: moved by the merge, or opened there after it. It never stays behind on
a merged customer, where no screen would show it. Each desk has its own Database,
as each PC has; a gate in a desk's clock holds its transaction open at a known
point so both orders are tested for certain, then a free race for good measure.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select

from desk_app.db.models import Customer, Ticket
from desk_app.domain.enums import Role, TicketKind
from desk_app.services.admin import users
from desk_app.services.core.database import Actor, Database
from desk_app.services.customers import customers, merge
from desk_app.services.tickets.tickets import TicketDraft, TicketView, open_ticket
from tests.concurrency.threads import GateClock, Worker
from tests.services import factories

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def _after(barrier: threading.Barrier, work: Callable[[], Any]) -> Callable[[], Any]:
    def run() -> Any:
        barrier.wait()
        return work()

    return run


def _desks(pg_url: str) -> tuple[Database, Actor, Actor]:
    db = Database(pg_url, clock=lambda: NOW)
    users.create_user(db, None, "boss", "secret-1", Role.MANAGER, "王经理")
    boss = users.authenticate(db, "boss", "secret-1")
    users.create_user(db, boss, "clerk", "secret-1", Role.CLERK, "李客服")
    return db, boss, users.authenticate(db, "clerk", "secret-1")


def _pair(db: Database, clerk: Actor, n: int = 0) -> tuple[int, int]:
    survivor = factories.customer(db, clerk, "张三", f"138 1234 {n:04d}")
    duplicate = factories.customer(db, clerk, "张三", f"139 0000 {n:04d}")
    factories.ticket(db, clerk, duplicate.id)
    return survivor.id, duplicate.id


def _merge(
    desk: Database, db: Database, boss: Actor, survivor_id: int, duplicate_id: int
) -> merge.MergeView:
    """Merge on ``desk`` with the versions the manager saw (read through ``db``, so
    that only the merge's own transaction reads ``desk``'s clock)."""
    s = customers.get_customer(db, boss, survivor_id)
    d = customers.get_customer(db, boss, duplicate_id)
    return merge.merge_customers(
        desk, boss, s.id, d.id, survivor_version=s.version, duplicate_version=d.version
    )


def _stranded(db: Database) -> int:
    """Tickets on a merged customer: what must never exist."""
    return db.read(
        lambda s: (
            s.scalar(
                select(func.count())
                .select_from(Ticket)
                .join(Customer, Customer.id == Ticket.customer_id)
                .where(Customer.merged_into_id.is_not(None))
            )
            or 0
        )
    )


def _owner(db: Database, ticket_id: int) -> int:
    return db.read(lambda s: s.scalar(select(Ticket.customer_id).where(Ticket.id == ticket_id)))


def test_ticket_opened_first_is_moved_by_the_merge_that_waited(pg_url: str) -> None:
    db, boss, clerk = _desks(pg_url)
    survivor_id, duplicate_id = _pair(db, clerk)
    gate = GateClock()
    clerk_desk, manager_desk = Database(pg_url, clock=gate), Database(pg_url, clock=lambda: NOW)
    try:
        intake = Worker(
            lambda: open_ticket(
                clerk_desk, clerk, TicketDraft(duplicate_id, TicketKind.REPAIR, "漏水")
            )
        )
        intake.start()
        assert gate.reached.wait(20)  # the clerk's transaction holds the duplicate
        merging = Worker(lambda: _merge(manager_desk, db, boss, survivor_id, duplicate_id))
        merging.start()
        merging.join(0.8)
        assert merging.is_alive(), "the merge must wait for the clerk's ticket"
        gate.opened.set()
        intake.join(30)
        merging.join(30)
        assert intake.error is None and merging.error is None, (intake.error, merging.error)
        ticket: TicketView = intake.result
        assert ticket.customer_id == duplicate_id  # opened for the duplicate ...
        assert _owner(db, ticket.id) == survivor_id  # ... and moved by the merge
        assert ticket.id in merging.result.moved["tickets"]
        assert _stranded(db) == 0
    finally:
        gate.opened.set()
        clerk_desk.dispose()
        manager_desk.dispose()


def test_ticket_opened_during_the_merge_waits_and_lands_on_the_survivor(pg_url: str) -> None:
    db, boss, clerk = _desks(pg_url)
    survivor_id, duplicate_id = _pair(db, clerk)
    gate = GateClock()
    clerk_desk, manager_desk = Database(pg_url, clock=lambda: NOW), Database(pg_url, clock=gate)
    try:
        merging = Worker(lambda: _merge(manager_desk, db, boss, survivor_id, duplicate_id))
        merging.start()
        assert gate.reached.wait(20)  # the manager's transaction holds both customers
        intake = Worker(
            lambda: open_ticket(
                clerk_desk, clerk, TicketDraft(duplicate_id, TicketKind.REPAIR, "漏水")
            )
        )
        intake.start()
        intake.join(0.8)
        assert intake.is_alive(), "the ticket must wait for the merge"
        gate.opened.set()
        merging.join(30)
        intake.join(30)
        assert intake.error is None and merging.error is None, (intake.error, merging.error)
        ticket: TicketView = intake.result
        assert ticket.customer_id == survivor_id == _owner(db, ticket.id)
        assert ticket.id not in merging.result.moved["tickets"]
        assert _stranded(db) == 0
    finally:
        gate.opened.set()
        clerk_desk.dispose()
        manager_desk.dispose()


def test_free_race_never_strands_a_ticket(pg_url: str) -> None:
    db, boss, clerk = _desks(pg_url)
    rounds = 6
    pairs = [_pair(db, clerk, n) for n in range(rounds)]
    desks = [Database(pg_url, clock=lambda: NOW) for _ in range(2)]
    try:
        for survivor_id, duplicate_id in pairs:
            barrier = threading.Barrier(2)
            draft = TicketDraft(duplicate_id, TicketKind.REPAIR, "不开机")
            intake = Worker(_after(barrier, lambda d=draft: open_ticket(desks[0], clerk, d)))
            merging = Worker(
                _after(
                    barrier,
                    lambda s=survivor_id, d=duplicate_id: _merge(desks[1], db, boss, s, d),
                )
            )
            for w in (intake, merging):
                w.start()
            for w in (intake, merging):
                w.join(60)
            assert intake.error is None and merging.error is None, (intake.error, merging.error)
            assert _owner(db, intake.result.id) == survivor_id
        assert _stranded(db) == 0
        # Every ticket opened (two per pair) is with a survivor.
        total = db.read(lambda s: s.scalar(select(func.count()).select_from(Ticket)))
        assert total == 2 * rounds
    finally:
        for d in desks:
            d.dispose()
