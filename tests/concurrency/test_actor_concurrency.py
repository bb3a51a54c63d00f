"""A clerk's write and the manager deactivating that clerk at the same moment, on
PostgreSQL: the write commits before the deactivation, or it is refused. Never a write
that commits after the deactivation did.

Each side has its own Database (its own engine and connections), as each PC has. A
statement hook holds one side's transaction open right after the statement that matters
(the write's re-read of its user, the deactivation's UPDATE), so the test knows which one
took the user row first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, select

from desk_app.db.models import AuditLog, Ticket, User
from desk_app.domain.enums import Role, TicketKind
from desk_app.domain.errors import PermissionDenied
from desk_app.services.admin import users
from desk_app.services.core.database import Actor, Database
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import TicketDraft
from tests.concurrency.threads import NOW, Worker
from tests.services import factories

pytestmark = pytest.mark.postgres_only

HOLD = 0.5  # seconds the held transaction waits; well below the 3 s lock timeout


def _setup(pg_url: str) -> tuple[Database, Database, Actor, Actor, int]:
    clerk_desk = Database(pg_url, clock=lambda: NOW)
    manager_desk = Database(pg_url, clock=lambda: NOW)
    users.create_user(manager_desk, None, "boss", "secret-1", Role.MANAGER)
    boss = users.authenticate(manager_desk, "boss", "secret-1")
    users.create_user(manager_desk, boss, "clerk", "secret-1", Role.CLERK)
    clerk = users.authenticate(clerk_desk, "clerk", "secret-1")
    customer_id = factories.customer(clerk_desk, clerk).id
    clerk_desk.ping()
    manager_desk.ping()
    return clerk_desk, manager_desk, boss, clerk, customer_id


@contextmanager
def _held_after(db: Database, matches: Callable[[str], bool]) -> Iterator[threading.Event]:
    """Hold the first transaction of ``db`` that runs a matching statement open right
    after it; yields the event set when it is held. Released after HOLD seconds."""
    reached = threading.Event()

    def hook(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not reached.is_set() and matches(statement):
            reached.set()
            threading.Event().wait(HOLD)

    event.listen(db.engine, "after_cursor_execute", hook)
    try:
        yield reached
    finally:
        event.remove(db.engine, "after_cursor_execute", hook)


def _clerk_is_active(db: Database, clerk: Actor) -> bool:
    return bool(db.read(lambda s: s.scalar(select(User.active).where(User.id == clerk.user_id))))


def test_a_write_holding_its_user_row_commits_before_the_deactivation(pg_url: str) -> None:
    clerk_desk, manager_desk, boss, clerk, customer_id = _setup(pg_url)
    order: list[str] = []
    draft = TicketDraft(customer_id, TicketKind.REPAIR, "不制冷")

    def write() -> None:
        tickets.open_ticket(clerk_desk, clerk, draft)
        order.append("write")

    def deactivate() -> None:
        users.set_active(manager_desk, boss, clerk.user_id, False)
        order.append("deactivate")

    with _held_after(clerk_desk, lambda sql: "users.active" in sql) as held:
        writer = Worker(write)
        writer.start()
        assert held.wait(10)
        manager = Worker(deactivate)
        manager.start()
        writer.join(30)
        manager.join(30)

    assert writer.error is None and manager.error is None, (writer.error, manager.error)
    assert order == ["write", "deactivate"]  # the UPDATE waited for the write's commit
    assert factories.count(clerk_desk, Ticket) == 1
    assert not _clerk_is_active(clerk_desk, clerk)
    with pytest.raises(PermissionDenied) as refused:
        tickets.open_ticket(clerk_desk, clerk, draft)  # and the next one is refused
    assert refused.value.code == "user.deactivated"
    clerk_desk.dispose()
    manager_desk.dispose()


def test_a_write_meeting_a_deactivation_in_flight_waits_and_is_refused(pg_url: str) -> None:
    clerk_desk, manager_desk, boss, clerk, customer_id = _setup(pg_url)
    audit_before = factories.count(clerk_desk, AuditLog)
    draft = TicketDraft(customer_id, TicketKind.REPAIR, "不制冷")

    with _held_after(manager_desk, lambda sql: sql.startswith("UPDATE users")) as held:
        manager = Worker(lambda: users.set_active(manager_desk, boss, clerk.user_id, False))
        manager.start()
        assert held.wait(10)
        writer = Worker(lambda: tickets.open_ticket(clerk_desk, clerk, draft))
        writer.start()
        manager.join(30)
        writer.join(30)

    assert manager.error is None, manager.error
    assert isinstance(writer.error, PermissionDenied), writer.error
    assert writer.error.code == "user.deactivated"
    assert factories.count(clerk_desk, Ticket) == 0
    assert factories.count(clerk_desk, AuditLog) == audit_before + 1  # the deactivation only
    clerk_desk.dispose()
    manager_desk.dispose()


def _race_once(
    clerk_desk: Database, manager_desk: Database, boss: Actor, clerk: Actor, draft: TicketDraft
) -> str:
    """One round: the clerk's write and the deactivation started at one barrier."""
    barrier = threading.Barrier(2)
    done: list[str] = []

    def write() -> None:
        barrier.wait()
        try:
            tickets.open_ticket(clerk_desk, clerk, draft)
            done.append("committed")
        except PermissionDenied as error:
            assert error.code == "user.deactivated"
            done.append("refused")

    def deactivate() -> None:
        barrier.wait()
        users.set_active(manager_desk, boss, clerk.user_id, False)

    workers = [Worker(write), Worker(deactivate)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(30)
    assert all(w.error is None for w in workers), [w.error for w in workers]
    assert not _clerk_is_active(clerk_desk, clerk)
    return done[0]


def test_racing_writes_and_deactivations_never_commit_after_it(pg_url: str) -> None:
    """Many rounds started at one barrier: every write either commits or is refused with
    user.deactivated, nothing else escapes, and exactly the committed ones left a ticket.
    (Which of the two came first is proved by the held tests above.)"""
    clerk_desk, manager_desk, boss, clerk, customer_id = _setup(pg_url)
    draft = TicketDraft(customer_id, TicketKind.REPAIR, "不制冷")
    outcomes: list[str] = []
    for _round in range(15):
        users.set_active(manager_desk, boss, clerk.user_id, True)
        outcomes.append(_race_once(clerk_desk, manager_desk, boss, clerk, draft))
    assert set(outcomes) <= {"committed", "refused"}
    assert factories.count(clerk_desk, Ticket) == outcomes.count("committed")
    clerk_desk.dispose()
    manager_desk.dispose()
