"""A crashed desk holding a lock, and a restarted server, on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, OperationalError

from desk_app.db.engine import make_engine
from desk_app.domain.enums import Role, TicketKind, TicketStatus
from desk_app.services.admin import users
from desk_app.services.core.database import Database
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import TicketDraft
from tests.services import factories

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def test_a_desk_frozen_mid_transaction_blocks_others_for_seconds_only(pg_url: str) -> None:
    db = Database(pg_url, clock=lambda: NOW)
    users.create_user(db, None, "boss", "secret-1", Role.MANAGER)
    boss = users.authenticate(db, "boss", "secret-1")
    c = factories.customer(db, boss)
    t = tickets.open_ticket(db, boss, TicketDraft(c.id, TicketKind.REPAIR, "坏了"))
    # The frozen PC: it locked the ticket and then never spoke again.
    frozen = make_engine(pg_url, idle_timeout=1.5, lock_timeout=1.0)
    conn = frozen.connect()
    conn.execute(text("SELECT id FROM tickets WHERE id = :i FOR UPDATE"), {"i": t.id})
    other = Database(pg_url, engine=make_engine(pg_url, lock_timeout=1.0), clock=lambda: NOW)
    # the lock is really held now ...
    with other.engine.connect() as probe, pytest.raises(OperationalError):
        probe.execute(text("SELECT id FROM tickets WHERE id = :i FOR UPDATE NOWAIT"), {"i": t.id})
    view = tickets.change_status(other, boss, t.id, TicketStatus.DISPATCHED)
    assert view.status is TicketStatus.DISPATCHED  # ... and the save went through anyway
    with pytest.raises(DBAPIError):  # because the server ended the frozen session
        conn.execute(text("SELECT 1"))
    conn.invalidate()
    frozen.dispose()
    other.dispose()
    db.dispose()


def test_reads_survive_a_server_that_dropped_every_connection(pg_url: str) -> None:
    db = Database(pg_url, clock=lambda: NOW)
    users.create_user(db, None, "boss", "secret-1", Role.MANAGER)
    assert users.count_users(db) == 1  # the pool now holds a connection
    admin = make_engine(pg_url)
    with admin.connect() as conn:
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                "AND application_name = 'desk-app'"
            )
        )
    assert users.count_users(db) == 1  # pre-ping replaced the dead connection
    admin.dispose()
    db.dispose()


def test_connection_lost_mid_write_saves_nothing_and_says_so(pg_url: str) -> None:
    import pytest
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from desk_app.db.models import Customer
    from desk_app.domain.errors import DatabaseUnavailable

    db = Database(pg_url, clock=lambda: NOW)
    users.create_user(db, None, "boss", "secret-1", Role.MANAGER)
    admin = make_engine(pg_url)

    def half_written(s: Session) -> None:
        s.add(Customer(name="半截", created_at=NOW, updated_at=NOW))
        s.flush()
        pid = s.execute(text("SELECT pg_backend_pid()")).scalar_one()
        with admin.connect() as conn:  # the network cable is pulled
            conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
        s.execute(text("SELECT 1"))

    with pytest.raises(DatabaseUnavailable) as refused:
        db.write(half_written)
    assert refused.value.code == "database.unreachable_nothing_saved"
    assert db.read(lambda s: s.scalar(select(func.count(Customer.id)))) == 0
    admin.dispose()
    db.dispose()
