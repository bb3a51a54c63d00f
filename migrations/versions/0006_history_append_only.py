"""history append-only: the database refuses UPDATE, DELETE and TRUNCATE of history

Triggers on the audit log, the stock ledger, ticket and complaint events and the
change log refuse any UPDATE or DELETE of their rows (and on PostgreSQL a TRUNCATE),
for every connection, the tables' owner included:

- PostgreSQL: the plpgsql function ``desk_history_append_only()`` raising SQLSTATE
  DH001, a BEFORE UPDATE OR DELETE row trigger and a BEFORE TRUNCATE statement
  trigger on each table.
- SQLite: BEFORE UPDATE and BEFORE DELETE triggers doing ``RAISE(ABORT, ...)``.

The one way rows leave is the administrator's retention purge (``desk-app db
purge-history``, docs/retention.md), which lifts the triggers inside its own
transaction. The statements are in ``desk_app.db.history`` so the purge puts back
exactly these triggers.

Revision ID: 0006_history_append_only
Revises: 0005_movement_indexes
Create Date: 2026-12-07 23:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from desk_app.db import history

revision: str = "0006_history_append_only"
down_revision: str | None = "0005_movement_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for statement in history.install_sql(op.get_bind().dialect.name):
        op.execute(statement)


def downgrade() -> None:
    for statement in history.drop_sql(op.get_bind().dialect.name):
        op.execute(statement)
