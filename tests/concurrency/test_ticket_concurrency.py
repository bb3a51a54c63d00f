"""Several desks at once on PostgreSQL: numbers, double submits, competing dispatchers.

Every test starts its workers at one barrier so the transactions really overlap;
each worker has its own Database (its own engine and connections), as each PC has.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from desk_app.db.models import IdempotencyKey, Ticket
from desk_app.domain.enums import Role, TicketKind
from desk_app.domain.errors import ConflictError
from desk_app.services.admin import users
from desk_app.services.core.database import Database
from desk_app.services.dispatch import dispatch
from desk_app.services.dispatch.dispatch import TechnicianDraft
from desk_app.services.tickets.tickets import TicketDraft, open_ticket
from tests.concurrency.threads import race
from tests.services import factories

# 2026-11-23 23:59:59.9 in Shanghai: the first numbers of the 24th are taken at once.
NEW_DAY = datetime(2026, 11, 23, 16, 0, 0, tzinfo=UTC)


def _setup(pg_url: str) -> tuple[Database, int]:
    db = Database(pg_url, clock=lambda: NEW_DAY)
    users.create_user(db, None, "boss", "secret-1", Role.MANAGER)
    boss = users.authenticate(db, "boss", "secret-1")
    users.create_user(db, boss, "clerk", "secret-1", Role.CLERK)
    users.create_user(db, boss, "disp", "secret-1", Role.DISPATCHER)
    return db, factories.customer(db, boss).id


def test_first_numbers_of_a_new_day_never_repeat(db_url: str) -> None:
    """On both engines: SQLite desks serialize on the write lock taken at BEGIN."""
    db, customer_id = _setup(db_url)
    clerk = users.authenticate(db, "clerk", "secret-1")
    desks = [Database(db_url, clock=lambda: NEW_DAY) for _ in range(12)]
    results = race(
        12,
        lambda i: open_ticket(desks[i], clerk, TicketDraft(customer_id, TicketKind.REPAIR, "坏了")),
    )
    numbers = sorted(r.number for r in results if not isinstance(r, BaseException))
    assert numbers == [f"S20261124-{i:04d}" for i in range(1, 13)], results
    for d in desks:
        d.dispose()


def test_concurrent_double_submit_creates_one_ticket(pg_url: str) -> None:
    db, customer_id = _setup(pg_url)
    clerk = users.authenticate(db, "clerk", "secret-1")
    desks = [Database(pg_url, clock=lambda: NEW_DAY) for _ in range(6)]
    draft = TicketDraft(customer_id, TicketKind.REPAIR, "不开机")
    results = race(6, lambda i: open_ticket(desks[i], clerk, draft, request_id="same-form"))
    assert all(not isinstance(r, BaseException) for r in results), results
    assert len({r.number for r in results if not isinstance(r, BaseException)}) == 1
    assert db.read(lambda s: s.scalar(select(func.count(Ticket.id)))) == 1
    assert db.read(lambda s: s.scalar(select(func.count()).select_from(IdempotencyKey))) == 1
    for d in desks:
        d.dispose()


def test_two_dispatchers_drop_the_same_ticket_exactly_one_wins(pg_url: str) -> None:
    db, customer_id = _setup(pg_url)
    boss = users.authenticate(db, "boss", "secret-1")
    disp = users.authenticate(db, "disp", "secret-1")
    techs = [dispatch.create_technician(db, boss, TechnicianDraft(f"师傅{i}")).id for i in range(2)]
    ticket = open_ticket(db, disp, TicketDraft(customer_id, TicketKind.REPAIR, "漏水"))
    actors = [disp, boss]
    desks = [Database(pg_url, clock=lambda: NEW_DAY) for _ in range(2)]
    results = race(
        2,
        lambda i: dispatch.assign(
            desks[i], actors[i], ticket.id, techs[i], expected_version=ticket.version
        ),
    )
    wins = [r for r in results if not isinstance(r, BaseException)]
    losses = [r for r in results if isinstance(r, ConflictError)]
    assert len(wins) == 1 and len(losses) == 1, results
    winner = wins[0]
    assert losses[0].who == (
        disp.display_name if winner.technician == "师傅0" else boss.display_name
    )
    stored = db.read(lambda s: s.get(Ticket, ticket.id))
    assert stored is not None and stored.technician_id == winner.technician_id
    for d in desks:
        d.dispose()
