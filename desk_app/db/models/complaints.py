"""Complaints and their events, complaint standards, feedback forms and follow-up calls."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desk_app.db.base import Base, str_enum
from desk_app.domain.enums import (
    Channel,
    ComplaintCategory,
    ComplaintStatus,
    FeedbackSource,
    FollowupOutcome,
    Severity,
)


class Complaint(Base):
    __tablename__ = "complaints"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    channel: Mapped[Channel] = mapped_column(str_enum(Channel))
    category: Mapped[ComplaintCategory] = mapped_column(str_enum(ComplaintCategory))
    severity: Mapped[Severity] = mapped_column(str_enum(Severity))
    status: Mapped[ComplaintStatus] = mapped_column(str_enum(ComplaintStatus), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    technician_id: Mapped[int | None] = mapped_column(ForeignKey("technicians.id"), index=True)
    description: Mapped[str] = mapped_column(Text)  # the customer's words
    received_at: Mapped[datetime]
    answer_due: Mapped[datetime]
    solution_due: Mapped[datetime]
    first_answered_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    close_reason: Mapped[str | None] = mapped_column(Text)
    escalated_at: Mapped[datetime | None]
    rounds: Mapped[int] = mapped_column(default=0)  # solutions proposed so far
    resolution_satisfaction: Mapped[int | None]  # 1..5, 5 = very satisfied
    assigned_to: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime]
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime]
    updated_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(default=1)

    events: Mapped[list[ComplaintEvent]] = relationship(order_by="ComplaintEvent.id")

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        CheckConstraint(
            "resolution_satisfaction IS NULL OR resolution_satisfaction BETWEEN 1 AND 5",
            name="satisfaction_range",
        ),
    )


class ComplaintEvent(Base):
    __tablename__ = "complaint_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id"), index=True)
    at: Mapped[datetime]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(
        String(24)
    )  # created, note, answer, proposal, accepted, rejected, escalated, closed
    from_status: Mapped[ComplaintStatus | None] = mapped_column(str_enum(ComplaintStatus))
    to_status: Mapped[ComplaintStatus | None] = mapped_column(str_enum(ComplaintStatus))
    text: Mapped[str | None] = mapped_column(Text)


class ComplaintStandard(Base):
    """Hours allowed for the first answer and the solution, per severity (manager-set)."""

    __tablename__ = "complaint_standards"

    severity: Mapped[Severity] = mapped_column(str_enum(Severity), primary_key=True)
    answer_hours: Mapped[float]
    solution_hours: Mapped[float]


_RATING_CHECK = " AND ".join(
    f"{c} BETWEEN 1 AND 5"
    for c in ("attitude", "professionalism", "timeliness", "effectiveness", "overall")
)


class Feedback(Base):
    """The five ratings (1 = very dissatisfied .. 5 = very satisfied) from a form or a call."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    source: Mapped[FeedbackSource] = mapped_column(str_enum(FeedbackSource))
    attitude: Mapped[int]
    professionalism: Mapped[int]
    timeliness: Mapped[int]
    effectiveness: Mapped[int]
    overall: Mapped[int]
    comments: Mapped[str | None] = mapped_column(Text)
    recorded_at: Mapped[datetime]
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))

    __table_args__ = (
        # One paper form and one follow-up rating per ticket: entering a form twice is refused.
        UniqueConstraint("ticket_id", "source"),
        CheckConstraint(_RATING_CHECK, name="ratings_range"),
    )


class FollowupCall(Base):
    """回访: one attempt to reach the customer after service."""

    __tablename__ = "followup_calls"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    attempt: Mapped[int]
    called_at: Mapped[datetime]
    called_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    outcome: Mapped[FollowupOutcome] = mapped_column(str_enum(FollowupOutcome))
    notes: Mapped[str | None] = mapped_column(Text)
    next_attempt_at: Mapped[datetime | None]
    feedback_id: Mapped[int | None] = mapped_column(ForeignKey("feedback.id"))

    __table_args__ = (UniqueConstraint("ticket_id", "attempt"),)
