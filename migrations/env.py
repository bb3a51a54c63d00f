"""Alembic environment: one migration tree for SQLite and PostgreSQL.

Run through ``desk_app.db.migrate`` (or ``desk-app db upgrade``), which passes
the connection in ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from desk_app.db import models  # noqa: F401  (registers every table)
from desk_app.db.base import Base
from desk_app.db.models.people import include_in_autogenerate

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds tables instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        # Engine-specific search indexes and FTS5 tables (migration 0002) have no
        # model; autogenerate must neither add nor drop them.
        include_object=include_in_autogenerate,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through desk_app.db.migrate (desk-app db upgrade)")
_run(connection)
