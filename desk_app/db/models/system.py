"""Audit log, settings, number sequences, idempotency keys and the change log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from desk_app.db.base import Base, JSONType


class AuditLog(Base):
    """Who changed what, when: every write of every service adds rows here."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[str] = mapped_column(String(40))
    details: Mapped[dict[str, Any] | None] = mapped_column(JSONType)

    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)


class Setting(Base):
    """A manager-set value (working calendar, company header, printers, ...) as JSON."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[Any] = mapped_column(JSONType)
    updated_at: Mapped[datetime]
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class NumberSequence(Base):
    """Per-day counters behind human-friendly numbers such as S20261123-0001."""

    __tablename__ = "number_sequences"

    name: Mapped[str] = mapped_column(String(20), primary_key=True)
    day: Mapped[str] = mapped_column(String(8), primary_key=True)
    last_value: Mapped[int]


class IdempotencyKey(Base):
    """A create request already carried out: a double-clicked save returns its result."""

    __tablename__ = "idempotency_keys"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    operation: Mapped[str] = mapped_column(String(40))
    result_id: Mapped[int]
    created_at: Mapped[datetime]


class ChangeLog(Base):
    """One row per committed change, so every open screen on every PC can refresh.

    On PostgreSQL a NOTIFY carries the same row at commit; SQLite desks poll
    ``max(id)``, which is one index lookup.
    """

    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[int]
    action: Mapped[str] = mapped_column(String(30))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
