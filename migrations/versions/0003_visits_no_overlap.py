"""visits no overlap: the database refuses a technician booked twice at one time

PostgreSQL: an exclusion constraint over technician and visit time
(``tstzrange(starts_at, ends_at)``, half open: a visit may start when the one
before ends) for the active visits booked without an override reason. The
dispatch service's clash check reads before it writes, so two dispatchers
booking at the same instant both passed it; now the second insert waits for the
first transaction and is refused (SQLSTATE 23P01), which the service reports as
the same DoubleBooking naming the other visit. A visit booked with an override
reason, or no longer booked (kept, rescheduled, cancelled), is outside the
constraint. The integer equality needs the ``btree_gist`` extension (trusted
since PostgreSQL 13: the database owner may create it). Visits that already
overlap are marked as overrides first, so the upgrade never fails on real data.

SQLite: nothing to add. SQLite has no exclusion constraints, and every write
transaction takes the database write lock at BEGIN (``BEGIN IMMEDIATE``, see
``desk_app.db.engine``), so the check and the insert of one booking cannot
interleave with another's.

Downgrade drops the constraint and leaves the extension (other schemas may use it).

Revision ID: 0003_visits_no_overlap
Revises: 0002
Create Date: 2026-12-03 14:45:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003_visits_no_overlap"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CONSTRAINT = "ex_appointments_no_overlap"
# Written into visits that overlapped before the database refused it (never shown as
# a dispatcher's words: it says where it came from).
MIGRATED_REASON = "booked over another visit before migration 0003 (no reason was asked)"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    op.execute(
        f"""
        UPDATE appointments AS a SET override_reason = '{MIGRATED_REASON}'
        WHERE a.state = 'booked' AND a.override_reason IS NULL AND EXISTS (
            SELECT 1 FROM appointments AS b
            WHERE b.technician_id = a.technician_id AND b.id < a.id
              AND b.state = 'booked' AND b.override_reason IS NULL
              AND tstzrange(b.starts_at, b.ends_at) && tstzrange(a.starts_at, a.ends_at)
        )
        """
    )
    op.execute(
        f"""
        ALTER TABLE appointments ADD CONSTRAINT {CONSTRAINT}
        EXCLUDE USING gist (technician_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
        WHERE (state = 'booked' AND override_reason IS NULL)
        """
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"ALTER TABLE appointments DROP CONSTRAINT IF EXISTS {CONSTRAINT}")
