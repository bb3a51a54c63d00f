"""Searches stay planned for their values however often a connection runs them.

psycopg prepares a statement after it ran five times on a connection; PostgreSQL may
then switch to a generic plan made without the values, which for a two-letter name
search scanned the whole address trigram index (~97 ms against ~2 ms at a million
tickets). The desks' connections plan every execution for its values."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desk_app.services.core.database import Actor, Database
from desk_app.services.customers import customers
from tests.services import factories

pytestmark = pytest.mark.postgres_only


def test_repeated_searches_on_one_connection_never_use_a_generic_plan(
    db: Database, clerk: Actor
) -> None:
    factories.customer(db, clerk, "张伟", "13800138000")
    factories.customer(db, clerk, "周文", "13900139000")
    db.engine.dispose()  # one fresh connection for everything below
    for _ in range(15):
        for query in ("zw", "张伟", "8000"):
            assert customers.search_customers(db, clerk, query)
    mode, generic, custom = db.read(
        lambda s: s.execute(
            text(
                "SELECT current_setting('plan_cache_mode'), "
                "coalesce(sum(generic_plans), 0), coalesce(sum(custom_plans), 0) "
                "FROM pg_prepared_statements"
            )
        ).one()
    )
    assert custom > 0  # psycopg did prepare the searches on this connection
    assert generic == 0
    assert mode == "force_custom_plan"
