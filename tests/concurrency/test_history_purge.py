"""The retention purge on a PostgreSQL server with desks at work: while it holds the
triggers lifted, no other connection can use that to delete history, and a desk that
saves meanwhile waits for it and then saves as usual."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import exc, text

from desk_app.db import history
from desk_app.db.engine import make_engine
from desk_app.domain.enums import Role
from desk_app.services.admin import users
from desk_app.services.core.database import Database
from tests.concurrency.threads import Worker
from tests.services import factories

pytestmark = pytest.mark.postgres_only


def test_while_the_triggers_are_lifted_other_connections_wait_and_are_still_refused(
    pg_url: str,
) -> None:
    db = Database(pg_url)
    users.create_user(db, None, "boss", "secret-1", Role.MANAGER)
    boss = users.authenticate(db, "boss", "secret-1")
    factories.ticket(db, boss)
    purge_engine = make_engine(pg_url)
    other_engine = make_engine(pg_url)
    try:
        with purge_engine.connect() as purge:
            tx = purge.begin()
            for statement in history.lift_sql("postgresql", ["audit_log"]):
                purge.execute(text(statement))

            def delete_meanwhile() -> None:
                with other_engine.begin() as conn:
                    conn.execute(text("SET LOCAL lock_timeout = '20s'"))
                    conn.execute(text("DELETE FROM audit_log"))

            deleter = Worker(delete_meanwhile)
            desk = Worker(lambda: factories.ticket(db, boss))
            deleter.start()
            desk.start()
            time.sleep(0.7)
            assert deleter.is_alive(), "a DELETE got past the lifted trigger's lock"
            assert desk.is_alive(), "a desk wrote history while the purge was under way"
            for statement in history.restore_sql("postgresql", ["audit_log"]):
                purge.execute(text(statement))
            tx.commit()
            deleter.join(30)
            desk.join(30)
        assert isinstance(deleter.error, exc.DBAPIError)
        assert getattr(deleter.error.orig, "sqlstate", None) == history.HISTORY_SQLSTATE
        assert desk.error is None and desk.result is not None  # the desk saved after
    finally:
        purge_engine.dispose()
        other_engine.dispose()
        db.dispose()
