"""History is append-only in the database itself: UPDATE, DELETE (and on PostgreSQL
TRUNCATE) of the audit log, the stock ledger, ticket and complaint events and the change
log are refused for every connection, the owner's included (migration 0005)."""

from __future__ import annotations

import pytest
from sqlalchemy import exc, text, update
from sqlalchemy.orm import Session

from desk_app.db import history
from desk_app.db.models import AuditLog
from desk_app.domain.enums import Channel, ComplaintCategory, Severity
from desk_app.domain.errors import DeskError
from desk_app.services.care import complaints
from desk_app.services.care.complaints import ComplaintDraft
from desk_app.services.core.database import Actor, Database
from desk_app.services.stock import stock
from tests.services import factories, stock_factories


@pytest.fixture
def history_rows(db: Database, manager: Actor) -> None:
    """At least one row in each history table, made the way the desk makes them."""
    t = factories.ticket(db, manager)
    complaints.open_complaint(
        db,
        manager,
        ComplaintDraft(
            t.customer_id, Channel.PHONE, ComplaintCategory.ATTITUDE, Severity.LOW, "态度差"
        ),
    )
    part = stock_factories.part(db, manager)
    where = stock_factories.location(db, manager)
    stock.receive(db, manager, part.id, where.id, 3)


@pytest.mark.usefixtures("history_rows")
@pytest.mark.parametrize("table", history.HISTORY_TABLES)
@pytest.mark.parametrize("statement", ["UPDATE {t} SET id = id", "DELETE FROM {t}"])
def test_the_owners_own_connection_cannot_change_or_delete_history(
    db: Database, table: str, statement: str
) -> None:
    with pytest.raises(exc.DBAPIError) as refused, db.engine.begin() as conn:
        conn.execute(text(statement.format(t=table)))
    assert history.HISTORY_MESSAGE in str(refused.value.orig)
    if db.dialect == "postgresql":
        assert getattr(refused.value.orig, "sqlstate", None) == history.HISTORY_SQLSTATE
    with db.engine.connect() as conn:
        assert conn.scalar(text(f"SELECT count(*) FROM {table}"))


@pytest.mark.postgres_only
@pytest.mark.usefixtures("history_rows")
@pytest.mark.parametrize("table", history.HISTORY_TABLES)
def test_truncate_of_history_is_refused_on_postgresql(db: Database, table: str) -> None:
    with pytest.raises(exc.DBAPIError) as refused, db.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {table} CASCADE"))
    assert getattr(refused.value.orig, "sqlstate", None) == history.HISTORY_SQLSTATE


@pytest.mark.usefixtures("history_rows")
def test_a_write_that_touches_history_is_refused_with_a_code_and_saves_nothing(
    db: Database, manager: Actor
) -> None:
    before = factories.count(db, AuditLog)

    def tx(s: Session) -> None:
        s.execute(update(AuditLog).values(action="rewritten"))

    with pytest.raises(DeskError) as refused:
        db.write(tx)
    assert refused.value.code == "history.append_only"
    assert factories.count(db, AuditLog) == before
    rewritten = db.read(
        lambda s: s.scalar(text("SELECT count(*) FROM audit_log WHERE action = 'rewritten'"))
    )
    assert rewritten == 0


def test_history_still_grows_through_the_services(db: Database, manager: Actor) -> None:
    """Inserting is what the desks do: the triggers never stand in its way."""
    before = factories.count(db, AuditLog)
    factories.ticket(db, manager)
    assert factories.count(db, AuditLog) > before


def test_db_check_reports_a_history_trigger_dropped_or_disabled(db: Database) -> None:
    from desk_app.services.core import consistency

    assert any("history is append-only" in line for line in consistency.check(db).lines)
    lift = history.lift_sql(db.dialect, ["audit_log"])
    with db.engine.begin() as conn:
        for statement in lift:
            conn.execute(text(statement))
    try:
        report = consistency.check(db)
        assert not report.ok
        (line,) = [x for x in report.lines if "history is not protected" in x]
        assert "audit_log_append_only" in line and "change_log" not in line
    finally:
        with db.engine.begin() as conn:
            for statement in history.restore_sql(db.dialect, ["audit_log"]):
                conn.execute(text(statement))
    assert consistency.check(db).ok


@pytest.mark.usefixtures("history_rows")
def test_repair_recreates_every_trigger_after_they_were_all_dropped(db: Database) -> None:
    with db.engine.begin() as conn:
        for statement in history.drop_sql(db.dialect):  # on PostgreSQL the function too
            conn.execute(text(statement))
        assert set(history.missing_triggers(conn)) == history.expected_triggers(db.dialect)
    with db.engine.begin() as conn:
        assert set(history.repair(conn)) == history.expected_triggers(db.dialect)
    with db.engine.connect() as conn:
        assert history.missing_triggers(conn) == []
    for table in history.HISTORY_TABLES:
        with pytest.raises(exc.DBAPIError), db.engine.begin() as conn:
            conn.execute(text(f"DELETE FROM {table}"))
