"""The audit trail and the change log, written inside every write transaction.

``record`` is the one call a service makes after changing something: it adds
the audit row (who, what, when, details) and the change-log row that tells
every open screen on every PC to refresh (``also`` adds change-log rows for
other records whose screens show the change, e.g. the customer of a new
appliance). The rows are noted in the session, so ``Database.write`` hands the
committed changes back to its caller (see ``changes``). On PostgreSQL it also
queues a NOTIFY, which the server delivers only if and when the transaction
commits. Other desks read the change log through ``feed.FeedReader``.
Before it writes who did it, ``record`` re-reads the acting user
(``database.check_actor``): a deactivated user, or one whose stored role no longer
carries the signed-in role's permissions, is refused and the whole write rolls back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from desk_app.db.models import AuditLog, ChangeLog, User
from desk_app.domain.permissions import Perm, require
from desk_app.services.core import changes
from desk_app.services.core.changes import Change
from desk_app.services.core.database import Actor, Database, check_actor

NOTIFY_CHANNEL = "desk_changes"
_NOTIFIED = "desk_notified"  # session.info: this transaction has queued its NOTIFY


def record(
    session: Session,
    actor: Actor | None,
    action: str,
    entity: str,
    entity_id: int,
    details: dict[str, Any] | None = None,
    *,
    at: datetime,
    also: Iterable[tuple[str, int]] = (),
) -> None:
    if actor is not None:
        check_actor(session, actor)  # still active, still the role it claims
    user_id = actor.user_id if actor else None
    session.add(
        AuditLog(
            at=at,
            user_id=user_id,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            details=_jsonable(details) if details else None,
        )
    )
    for kind, kind_id in ((entity, entity_id), *also):
        row = ChangeLog(at=at, entity=kind, entity_id=kind_id, action=action, user_id=user_id)
        session.add(row)
        changes.note(session, row)
    if session.get_bind().dialect.name == "postgresql" and not session.info.get(_NOTIFIED):
        # One NOTIFY per transaction, however many rows it records (an escalation of
        # hundreds of complaints sent hundreds): it only wakes the other desks, which
        # then read the change log itself.
        payload = json.dumps({"entity": entity, "id": entity_id, "action": action})
        session.execute(text("SELECT pg_notify(:c, :p)"), {"c": NOTIFY_CHANNEL, "p": payload})
        session.info[_NOTIFIED] = True


def _jsonable(details: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(json.dumps(details, default=str, ensure_ascii=False))
    return result


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    user: str | None
    action: str
    entity: str
    entity_id: str
    details: dict[str, Any] | None


def history(db: Database, actor: Actor, entity: str, entity_id: int) -> list[AuditEntry]:
    """Every audited change of one record, oldest first."""
    require(actor.username, actor.roles, Perm.VIEW_AUDIT)

    def q(s: Session) -> list[AuditEntry]:
        rows = s.execute(
            select(AuditLog, User.display_name)
            .outerjoin(User, User.id == AuditLog.user_id)
            .where(AuditLog.entity == entity, AuditLog.entity_id == str(entity_id))
            .order_by(AuditLog.id)
        ).all()
        return [
            AuditEntry(a.at, name, a.action, a.entity, a.entity_id, a.details) for a, name in rows
        ]

    return db.read(q)


def last_change(session: Session, entity: str, entity_id: int) -> tuple[str, datetime | None]:
    """Who made the newest audited change of one record, and when: what a ConflictError
    names for records that keep no ``updated_by`` of their own (users, technicians,
    service areas). ``("?", None)`` when nothing was audited."""
    row = session.execute(
        select(AuditLog.at, User.display_name)
        .outerjoin(User, User.id == AuditLog.user_id)
        .where(AuditLog.entity == entity, AuditLog.entity_id == str(entity_id))
        .order_by(AuditLog.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return "?", None
    return row[1] or "?", row[0]


def last_change_id(db: Database) -> int:
    """The newest change-log id: SQLite desks poll this to notice other desks' writes."""
    return db.read(lambda s: s.scalar(select(func.coalesce(func.max(ChangeLog.id), 0))) or 0)


def changes_since(db: Database, after_id: int, limit: int = 500) -> list[Change]:
    """The change-log rows after ``after_id`` visible now, oldest first. On PostgreSQL a
    row with a smaller id may still become visible later: ``feed.FeedReader`` asks again."""

    def q(s: Session) -> list[Change]:
        rows = s.scalars(
            select(ChangeLog).where(ChangeLog.id > after_id).order_by(ChangeLog.id).limit(limit)
        ).all()
        return [Change(r.entity, r.entity_id, r.action, r.id) for r in rows]

    return db.read(q)
