"""The retention purge: the one way rows leave the history, by an administrator, in one
transaction that puts the append-only triggers back and records itself."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import create_engine, exc, func, select, text
from sqlalchemy.engine import make_url

from desk_app.db.models import AuditLog, ChangeLog, StockMovement, TicketEvent
from desk_app.domain.enums import Role
from desk_app.domain.errors import DeskError, PermissionDenied, ValidationError
from desk_app.services.admin import retention
from desk_app.services.core.database import Actor, Database
from desk_app.services.stock import stock
from tests.conftest import FakeClock, make_actor
from tests.services import factories, stock_factories


def _old_and_new_history(db: Database, manager: Actor, clock: FakeClock) -> int:
    """A ticket and a receipt in November 2026, two years of quiet, one more ticket.
    Returns the id of the old ticket."""
    old = factories.ticket(db, manager)
    part = stock_factories.part(db, manager)
    where = stock_factories.location(db, manager)
    stock.receive(db, manager, part.id, where.id, 3)
    clock.advance(days=2 * 365)
    factories.ticket(db, manager)
    return old.id


def test_purge_removes_old_audit_and_change_rows_and_nothing_else(
    db: Database, manager: Actor, clock: FakeClock
) -> None:
    old_ticket = _old_and_new_history(db, manager, clock)
    events = factories.count(db, TicketEvent)
    movements = factories.count(db, StockMovement)
    newer = db.read(
        lambda s: s.scalar(
            select(func.count()).select_from(AuditLog).where(AuditLog.at >= clock.now)
        )
    )

    done = retention.purge_history(db, manager, date(2027, 1, 1))

    assert done.audit_rows > 0 and done.change_rows > 0
    audit_left = db.read(lambda s: list(s.scalars(select(AuditLog).order_by(AuditLog.id))))
    # The new ticket's rows and the purge's own record are all that is left.
    assert len(audit_left) == newer + 1
    last = audit_left[-1]
    assert (last.action, last.entity, last.user_id) == ("purge_history", "history", manager.user_id)
    assert last.details == {
        "before": "2027-01-01",
        "audit_rows": done.audit_rows,
        "change_rows": done.change_rows,
    }
    assert all(row.at >= done.cutoff for row in audit_left)
    changes_left = db.read(lambda s: list(s.scalars(select(ChangeLog))))
    assert changes_left and all(row.at >= done.cutoff for row in changes_left)
    # The ledger and the events of the old ticket stay whole.
    assert factories.count(db, TicketEvent) == events
    assert factories.count(db, StockMovement) == movements
    stock_factories.assert_balanced(db)
    assert db.read(
        lambda s: s.scalar(select(TicketEvent.id).where(TicketEvent.ticket_id == old_ticket))
    )


def test_the_triggers_are_back_after_a_purge(
    db: Database, manager: Actor, clock: FakeClock
) -> None:
    _old_and_new_history(db, manager, clock)
    retention.purge_history(db, manager, date(2027, 1, 1))
    for table in ("audit_log", "change_log"):
        with pytest.raises(exc.DBAPIError), db.engine.begin() as conn:
            conn.execute(text(f"DELETE FROM {table}"))
    assert factories.count(db, AuditLog) > 0


def test_history_of_the_last_year_cannot_be_purged(
    db: Database, manager: Actor, clock: FakeClock
) -> None:
    factories.ticket(db, manager)
    before = factories.count(db, AuditLog)
    with pytest.raises(ValidationError) as refused:
        retention.purge_history(db, manager, date(2026, 1, 1))  # "today" is 2026-11-23
    assert refused.value.code == "history.purge_too_recent"
    assert refused.value.values == {"latest": date(2025, 11, 22)}
    assert factories.count(db, AuditLog) == before


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.MANAGER])
def test_only_a_manager_may_purge(
    db: Database, manager: Actor, clock: FakeClock, role: Role
) -> None:
    _old_and_new_history(db, manager, clock)
    someone = make_actor(db, manager, "someone", role, "某人")
    before = factories.count(db, AuditLog)
    with pytest.raises(PermissionDenied):
        retention.purge_history(db, someone, date(2027, 1, 1))
    assert factories.count(db, AuditLog) == before


@pytest.mark.postgres_only
def test_on_postgresql_only_the_tables_owner_may_purge(
    db: Database, manager: Actor, clock: FakeClock
) -> None:
    """A login that may read and write every table but owns none is refused with a code;
    nothing is removed."""
    _old_and_new_history(db, manager, clock)
    login = f"desk_purge_{uuid.uuid4().hex[:10]}"
    owner = create_engine(db.url, isolation_level="AUTOCOMMIT")
    with owner.connect() as conn:
        conn.exec_driver_sql(f'CREATE ROLE "{login}" LOGIN')
        conn.exec_driver_sql(f'GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO "{login}"')
        conn.exec_driver_sql(f'GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "{login}"')
    url = make_url(db.url).set(username=login).render_as_string(hide_password=False)
    other = Database(url, clock=clock)
    try:
        before = factories.count(db, AuditLog)
        with pytest.raises(DeskError) as refused:
            retention.purge_history(other, manager, date(2027, 1, 1))
        assert refused.value.code == "history.needs_owner"
        assert factories.count(db, AuditLog) == before
    finally:
        other.dispose()
        with owner.connect() as conn:
            conn.exec_driver_sql(
                f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{login}'"
            )
            conn.exec_driver_sql(f'DROP OWNED BY "{login}"')
            conn.exec_driver_sql(f'DROP ROLE "{login}"')
        owner.dispose()
