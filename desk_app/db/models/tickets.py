"""Service tickets, their events, clock pauses, appointments, standards and the knowledge base."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desk_app.db.base import Base, JSONType, str_enum
from desk_app.domain.enums import Channel, TicketKind, TicketStatus, Urgency, WarrantyStatus


class Ticket(Base):
    __tablename__ = "tickets"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    kind: Mapped[TicketKind] = mapped_column(str_enum(TicketKind))
    urgency: Mapped[Urgency] = mapped_column(str_enum(Urgency))
    status: Mapped[TicketStatus] = mapped_column(str_enum(TicketStatus), index=True)
    channel: Mapped[Channel] = mapped_column(str_enum(Channel))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    appliance_id: Mapped[int | None] = mapped_column(ForeignKey("appliances.id"), index=True)
    # Where the visit goes, as it was when the ticket was opened.
    address: Mapped[str | None] = mapped_column(String(300))
    area: Mapped[str | None] = mapped_column(String(60), index=True)
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    fault_description: Mapped[str] = mapped_column(Text)  # 故障现象, in the customer's words
    notes: Mapped[str | None] = mapped_column(Text)
    warranty: Mapped[WarrantyStatus] = mapped_column(str_enum(WarrantyStatus))
    chargeable: Mapped[bool] = mapped_column(default=False)
    misuse: Mapped[bool] = mapped_column(default=False)  # 人为损坏: chargeable inside warranty
    preferred_start: Mapped[datetime | None]
    preferred_end: Mapped[datetime | None]
    technician_id: Mapped[int | None] = mapped_column(ForeignKey("technicians.id"), index=True)
    appointment_start: Mapped[datetime | None] = mapped_column(index=True)
    appointment_end: Mapped[datetime | None]
    # The clock starts when the request reached us.
    received_at: Mapped[datetime] = mapped_column(index=True)
    responded_at: Mapped[datetime | None]
    arrived_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    # The standard in force at intake (hours) and the deadlines it gave; reports
    # recompute clocks from received_at, these hours and the recorded pauses.
    respond_hours: Mapped[float]
    visit_hours: Mapped[float]
    repair_hours: Mapped[float]
    working_hours_only: Mapped[bool] = mapped_column(default=False)
    respond_due: Mapped[datetime | None]
    visit_due: Mapped[datetime | None]
    repair_due: Mapped[datetime | None]
    # Completion.
    fault_cause: Mapped[str | None] = mapped_column(Text)
    work_done: Mapped[str | None] = mapped_column(Text)
    resolved: Mapped[bool | None]
    visit_count: Mapped[int] = mapped_column(default=0)
    labour_cents: Mapped[int] = mapped_column(default=0)
    parts_cents: Mapped[int] = mapped_column(default=0)
    travel_cents: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime]
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime]
    updated_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(default=1)

    events: Mapped[list[TicketEvent]] = relationship(order_by="TicketEvent.id")
    pauses: Mapped[list[TicketPause]] = relationship(order_by="TicketPause.started_at")

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        CheckConstraint(
            "labour_cents >= 0 AND parts_cents >= 0 AND travel_cents >= 0", name="charges"
        ),
        Index("ix_tickets_status_technician", "status", "technician_id"),
    )


class TicketEvent(Base):
    """Every change of a ticket: who, when, from, to, why."""

    __tablename__ = "ticket_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    at: Mapped[datetime]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(
        String(24)
    )  # created, status, assign, reschedule, edit, note
    from_status: Mapped[TicketStatus | None] = mapped_column(str_enum(TicketStatus))
    to_status: Mapped[TicketStatus | None] = mapped_column(str_enum(TicketStatus))
    reason: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict[str, Any] | None] = mapped_column(JSONType)


class TicketPause(Base):
    """An interval during which the ticket's service clock stood still."""

    __tablename__ = "ticket_pauses"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    reason: Mapped[TicketStatus] = mapped_column(str_enum(TicketStatus))


class Appointment(Base):
    """One booked visit of a technician; reschedules keep the old row with a reason.

    On PostgreSQL the exclusion constraint ``ex_appointments_no_overlap`` (migration
    0003_visits_no_overlap; no model can declare it on both engines) refuses a second
    booked visit of one technician over another unless it has an override reason.
    """

    __tablename__ = "appointments"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    technician_id: Mapped[int] = mapped_column(ForeignKey("technicians.id"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(16))  # booked, kept, rescheduled, cancelled
    reason: Mapped[str | None] = mapped_column(Text)  # why it was moved or cancelled
    override_reason: Mapped[str | None] = mapped_column(Text)  # double booking allowed because
    created_at: Mapped[datetime]
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))

    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="window"),
        Index("ix_appointments_technician_starts", "technician_id", "starts_at"),
    )


class ServiceStandard(Base):
    """Response / visit / repair hours for one ticket kind and urgency (manager-set)."""

    __tablename__ = "service_standards"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[TicketKind] = mapped_column(str_enum(TicketKind))
    urgency: Mapped[Urgency] = mapped_column(str_enum(Urgency))
    respond_hours: Mapped[float]
    visit_hours: Mapped[float]
    repair_hours: Mapped[float]
    working_hours_only: Mapped[bool] = mapped_column(default=False)

    __table_args__ = (
        UniqueConstraint("kind", "urgency"),
        CheckConstraint(
            "respond_hours > 0 AND visit_hours > 0 AND repair_hours > 0", name="positive"
        ),
    )


class KnowledgeArticle(Base):
    """知识库: a known fault and its fix, optionally for one appliance model."""

    __tablename__ = "knowledge_articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    category: Mapped[str | None] = mapped_column(String(40))
    model: Mapped[str | None] = mapped_column(String(60), index=True)
    symptom: Mapped[str] = mapped_column(Text)
    cause: Mapped[str | None] = mapped_column(Text)
    solution: Mapped[str] = mapped_column(Text)
    keywords: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
