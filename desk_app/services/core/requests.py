"""Idempotent create requests: a double-clicked save creates one record, not two.

A screen makes one request key per form (a UUID) and sends it with every save
attempt of that form. The first save stores the key with the new record's id
in the same transaction; later attempts find the key and get the same record.
Two attempts racing each other collide on the key's primary key; the loser's
transaction is retried by ``Database.write`` and then finds the key.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from desk_app.db.models import IdempotencyKey
from desk_app.domain.errors import ValidationError


def already_done(session: Session, key: str | None, operation: str) -> int | None:
    if key is None:
        return None
    if not key or len(key) > 64:
        raise ValidationError("request", "request.invalid_key")
    row = session.get(IdempotencyKey, key)
    if row is None:
        return None
    if row.operation != operation:
        raise ValidationError("request", "request.key_reused")
    return row.result_id


def remember(
    session: Session, key: str | None, operation: str, result_id: int, at: datetime
) -> None:
    if key is None:
        return
    session.add(IdempotencyKey(key=key, operation=operation, result_id=result_id, created_at=at))
    # Flush now so a concurrent duplicate fails here, inside the retry loop.
    session.flush()
