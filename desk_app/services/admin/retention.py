"""The retention purge: the one way rows leave the append-only history.

History (audit log, stock ledger, ticket and complaint events, change log) is
protected by triggers that refuse UPDATE, DELETE and TRUNCATE for every connection
(``desk_app.db.history``). An administrator may remove audit-log and change-log rows
older than a date, after the shop's retention period; ``purge_history`` does it in ONE
transaction: lift the two tables' triggers, delete, put the triggers back, and record
the purge itself in the audit log. Nothing else is ever removed:

- the stock ledger stays whole, since on-hand quantities are the sum of its rows
  (``desk-app stock check``);
- ticket and complaint events stay with their tickets and complaints, which the app
  never deletes: a closed ticket without its history would be a number nobody can
  trace (KPI figures per technician come from these events).

On PostgreSQL lifting the triggers needs the tables' owner, so the purge runs with the
owner's URL (migrations' identity), never from a desk; see docs/retention.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import delete, exc, func, select, text
from sqlalchemy.orm import Session

from desk_app.db import history
from desk_app.db.models import AuditLog, ChangeLog
from desk_app.domain.errors import DeskError, ValidationError
from desk_app.domain.permissions import Perm, require
from desk_app.services.admin import settings
from desk_app.services.core import audit
from desk_app.services.core.database import Actor, Database

# Rows younger than this are kept whatever date is given: per-person figures feed
# performance reviews and the yearly audit, so the last full year is never purged.
MIN_RETENTION_DAYS = 366
PURGED_TABLES = ("audit_log", "change_log")
_NOT_OWNER = "42501"  # insufficient_privilege: ALTER TABLE by a role that does not own it


@dataclass(frozen=True)
class PurgeResult:
    """What one purge removed: rows dated before ``cutoff`` (UTC)."""

    cutoff: datetime
    audit_rows: int
    change_rows: int


def purge_history(db: Database, actor: Actor, before: date) -> PurgeResult:
    """Delete audit-log and change-log rows dated before ``before`` (midnight in the
    shop's zone), and record the purge in the audit log. ``before`` may be no later
    than ``MIN_RETENTION_DAYS`` ago. Needs ``Perm.PURGE_HISTORY`` and, on PostgreSQL,
    a connection as the tables' owner (``history.needs_owner`` otherwise)."""
    require(actor.username, actor.roles, Perm.PURGE_HISTORY)

    def tx(s: Session) -> PurgeResult:
        tz = settings.timezone(s)
        today = db.now().astimezone(tz).date()
        latest = today - timedelta(days=MIN_RETENTION_DAYS)
        if before > latest:
            raise ValidationError("before", "history.purge_too_recent", latest=latest)
        cutoff = datetime.combine(before, time(), tzinfo=tz)
        dialect = s.get_bind().dialect.name
        if dialect == "postgresql":
            # A large purge may take longer than a desk's statement limit.
            s.execute(text("SET LOCAL statement_timeout = 0"))
        try:
            for statement in history.lift_sql(dialect, PURGED_TABLES):
                s.execute(text(statement))
        except exc.DBAPIError as error:
            if getattr(error.orig, "sqlstate", None) == _NOT_OWNER:
                raise DeskError("history.needs_owner") from error
            raise
        counts = []
        for model in (AuditLog, ChangeLog):
            n = s.scalar(select(func.count()).select_from(model).where(model.at < cutoff))
            s.execute(delete(model).where(model.at < cutoff))
            counts.append(int(n or 0))
        for statement in history.restore_sql(dialect, PURGED_TABLES):
            s.execute(text(statement))
        result = PurgeResult(cutoff=cutoff, audit_rows=counts[0], change_rows=counts[1])
        audit.record(
            s,
            actor,
            "purge_history",
            "history",
            0,
            {
                "before": before.isoformat(),
                "audit_rows": result.audit_rows,
                "change_rows": result.change_rows,
            },
            at=db.now(),
        )
        return result

    return db.write(tx)
