"""Stock under real concurrency on PostgreSQL: many connections issuing, reserving
and receiving at the same instant never push stock negative or lose a unit."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

import pytest
from sqlalchemy import func, select

from desk_app.db.models import StockMovement
from desk_app.domain.enums import MovementKind, Role, StockLocationKind
from desk_app.domain.errors import NotEnoughStock
from desk_app.services.admin import users
from desk_app.services.core.database import Actor, Database
from desk_app.services.stock import parts, requisitions, stock
from desk_app.services.stock.requisitions import RequisitionView
from desk_app.services.stock.stock import check_stock
from tests.services import factories
from tests.services.stock_factories import URGENT, level, location, part

WORKERS = 20
T = TypeVar("T")


@pytest.fixture
def pg(pg_url: str) -> Iterator[Database]:
    database = Database(pg_url)
    yield database
    database.dispose()


@pytest.fixture
def staff(pg: Database) -> tuple[Actor, Actor]:
    """(a front-desk clerk, a parts clerk) on the PostgreSQL database."""
    users.create_user(pg, None, "boss", "secret-1", Role.MANAGER, "王经理")
    boss = users.authenticate(pg, "boss", "secret-1")
    users.create_user(pg, boss, "clerk1", "secret-1", Role.CLERK, "李客服")
    users.create_user(pg, boss, "parts1", "secret-1", Role.PARTS_CLERK, "钱配件")
    return users.authenticate(pg, "clerk1", "secret-1"), users.authenticate(
        pg, "parts1", "secret-1"
    )


def race(url: str, work: list[Callable[[Database], T]]) -> tuple[list[T], list[BaseException]]:
    """Run each ``work`` item in its own thread with its own Database (own
    connections), all released by one barrier; return results and errors."""
    barrier = threading.Barrier(len(work))
    results: list[T] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def run(fn: Callable[[Database], T]) -> None:
        db = Database(url)
        try:
            db.ping()  # connect first, so the race is between statements, not handshakes
            barrier.wait(timeout=60)
            try:
                value = fn(db)
            except BaseException as error:  # collected and asserted on
                with lock:
                    errors.append(error)
            else:
                with lock:
                    results.append(value)
        finally:
            db.dispose()

    threads = [threading.Thread(target=run, args=(fn,)) for fn in work]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a worker hung"
    return results, errors


def _count(db: Database, kind: MovementKind) -> int:
    return db.read(lambda s: s.scalar(select(func.count()).where(StockMovement.kind == kind)) or 0)


def test_twenty_desks_issue_the_last_ten_units(pg: Database, staff: tuple[Actor, Actor]) -> None:
    clerk, parts_clerk = staff
    p, main = part(pg, parts_clerk), location(pg, parts_clerk)
    stock.receive(pg, parts_clerk, p.id, main.id, 10)
    ticket_ids = [factories.ticket(pg, clerk).id for _ in range(WORKERS)]

    def issue_one(ticket_id: int) -> Callable[[Database], object]:
        return lambda db: requisitions.issue_direct(
            db, parts_clerk, ticket_id, p.id, main.id, 1, reason=URGENT
        )

    done, failed = race(pg.url, [issue_one(t) for t in ticket_ids])
    assert len(done) == 10
    assert len(failed) == 10 and all(isinstance(e, NotEnoughStock) for e in failed), failed
    assert all(e.code == "stock.not_enough" and e.values["available"] == 0 for e in failed)
    assert level(pg, p.id, main.id) == (0, 0)
    assert _count(pg, MovementKind.ISSUE) == 10
    assert check_stock(pg) == []


def test_twenty_desks_reserve_the_last_ten_units(pg: Database, staff: tuple[Actor, Actor]) -> None:
    clerk, parts_clerk = staff
    p, main = part(pg, parts_clerk), location(pg, parts_clerk)
    stock.receive(pg, parts_clerk, p.id, main.id, 10)
    ticket_ids = [factories.ticket(pg, clerk).id for _ in range(WORKERS)]

    def reserve_one(ticket_id: int) -> Callable[[Database], RequisitionView]:
        return lambda db: requisitions.create_requisition(
            db, clerk, ticket_id, [(p.id, main.id, 1)]
        )

    done, failed = race(pg.url, [reserve_one(t) for t in ticket_ids])
    assert len(done) == 10
    assert len(failed) == 10 and all(isinstance(e, NotEnoughStock) for e in failed), failed
    assert level(pg, p.id, main.id) == (10, 10)
    # Every requisition got its own number, and the reservations match them.
    assert len({r.number for r in done}) == 10
    assert check_stock(pg) == []


def test_issuing_reserved_units_while_others_take_the_free_ones(
    pg: Database, staff: tuple[Actor, Actor]
) -> None:
    clerk, parts_clerk = staff
    p, main = part(pg, parts_clerk), location(pg, parts_clerk)
    stock.receive(pg, parts_clerk, p.id, main.id, 10)
    reserved = [
        requisitions.create_requisition(
            pg, clerk, factories.ticket(pg, clerk).id, [(p.id, main.id, 1)]
        )
        for _ in range(5)
    ]
    other_tickets = [factories.ticket(pg, clerk).id for _ in range(10)]
    work: list[Callable[[Database], object]] = [
        (lambda db, r=r: requisitions.issue_requisition(db, parts_clerk, r.id)) for r in reserved
    ]
    work += [
        (
            lambda db, t=t: requisitions.issue_direct(
                db, parts_clerk, t, p.id, main.id, 1, reason=URGENT
            )
        )
        for t in other_tickets
    ]
    done, failed = race(pg.url, work)
    # All five reserved issues succeed; only five free units are left for the rest.
    assert len(done) == 10 and len(failed) == 5
    assert all(isinstance(e, NotEnoughStock) for e in failed), failed
    assert level(pg, p.id, main.id) == (0, 0)
    assert check_stock(pg) == []


def test_two_first_receipts_at_a_new_location_both_land(
    pg: Database, staff: tuple[Actor, Actor]
) -> None:
    _clerk, parts_clerk = staff
    main = location(pg, parts_clerk)
    for n in range(5):  # several rounds: each a brand-new (part, location) row
        p = part(pg, parts_clerk, f"P-{n}", f"配件{n}")

        def receive(qty: int, part_id: int = p.id) -> Callable[[Database], object]:
            return lambda db: stock.receive(db, parts_clerk, part_id, main.id, qty)

        done, failed = race(pg.url, [receive(3), receive(4)])
        assert failed == [] and len(done) == 2
        assert level(pg, p.id, main.id) == (7, 0)
    assert _count(pg, MovementKind.RECEIPT) == 10
    assert check_stock(pg) == []


def test_a_location_taken_out_of_use_never_keeps_stock_received_at_that_moment(
    pg: Database, staff: tuple[Actor, Actor]
) -> None:
    """The parts clerk takes a van out of use while other desks receive into it: either
    the receipt comes first (and the van stays in use, refused as holding stock) or the
    van goes first (and the receipts are refused): never an inactive van with stock."""
    _clerk, parts_clerk = staff
    p = part(pg, parts_clerk)
    for n in range(8):
        van = location(pg, parts_clerk, f"VAN-{n}", f"车载库{n}", StockLocationKind.VAN)
        work: list[Callable[[Database], object]] = [
            lambda db, v=van: parts.update_location(
                db, parts_clerk, v.id, v.name, False, expected=v
            )
        ]
        work += [lambda db, v=van: stock.receive(db, parts_clerk, p.id, v.id, 1) for _ in range(5)]
        done, failed = race(pg.url, work)
        codes = {getattr(e, "code", type(e).__name__) for e in failed}
        assert codes <= {"stock.location_holds_stock", "stock.location_retired"}, failed
        now = next(
            x
            for x in parts.list_locations(pg, parts_clerk, include_inactive=True)
            if x.id == van.id
        )
        on_hand, _reserved = level(pg, p.id, van.id)
        assert now.active or on_hand == 0, f"round {n}: out of use with {on_hand} on hand"
        assert on_hand == sum(1 for r in done if not isinstance(r, parts.LocationView))
    assert check_stock(pg) == []
