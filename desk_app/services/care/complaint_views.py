"""The read side of complaints (投诉): the full view of one complaint with its clocks and
history, the list with its filters, and the view builders the writing side returns.

Complaint clocks run on the wall clock (no working calendar), so "overdue" in SQL is
exactly the domain's OVERDUE. Nothing here writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session, aliased

from desk_app.db.models import Complaint, Customer, Technician, Ticket, User
from desk_app.domain import complaint_rules as rules
from desk_app.domain.complaint_rules import ComplaintClocks, ComplaintStep
from desk_app.domain.enums import Channel, ComplaintCategory, ComplaintStatus, Severity
from desk_app.domain.errors import NotFound, ValidationError
from desk_app.domain.permissions import Perm, require
from desk_app.domain.validation import choice
from desk_app.services.core.database import Actor, Database


@dataclass(frozen=True)
class ComplaintEventView:
    at: datetime
    user: str
    action: ComplaintStep
    from_status: ComplaintStatus | None
    to_status: ComplaintStatus | None
    text: str | None


@dataclass(frozen=True)
class ComplaintView:
    id: int
    number: str
    status: ComplaintStatus
    channel: Channel
    category: ComplaintCategory
    severity: Severity
    customer_id: int
    customer_name: str
    customer_phone: str | None
    ticket_id: int | None
    ticket_number: str | None
    technician_id: int | None
    technician: str | None
    description: str
    received_at: datetime
    answer_due: datetime
    solution_due: datetime
    first_answered_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    close_reason: str | None
    escalated_at: datetime | None
    rounds: int
    resolution_satisfaction: int | None
    assigned_to_id: int | None
    assigned_to: str | None
    clocks: ComplaintClocks
    allowed_steps: frozenset[ComplaintStep]
    events: list[ComplaintEventView]
    version: int
    updated_at: datetime
    updated_by: str | None

    @property
    def active(self) -> bool:
        return rules.is_active(self.status)


@dataclass(frozen=True)
class ComplaintRow:
    """One line of a complaint list."""

    id: int
    number: str
    status: ComplaintStatus
    category: ComplaintCategory
    severity: Severity
    customer_id: int
    customer_name: str
    ticket_number: str | None
    technician: str | None
    assigned_to: str | None
    received_at: datetime
    escalated_at: datetime | None
    rounds: int
    clocks: ComplaintClocks


@dataclass(frozen=True)
class ComplaintFilter:
    """List filters; they combine (AND). ``mine``: assigned to the acting user."""

    active_only: bool = False  # open, investigating or proposed
    overdue_only: bool = False  # an unmet deadline has passed (implies active)
    escalated_only: bool = False  # escalated and still active
    mine: bool = False
    status: ComplaintStatus | None = None
    category: ComplaintCategory | None = None
    technician_id: int | None = None
    customer_id: int | None = None
    ticket_id: int | None = None
    limit: int = 500


# ---------------------------------------------------------------- loading and views


def load(s: Session, complaint_id: int, *, lock: bool = False) -> Complaint:
    stmt = select(Complaint).where(Complaint.id == complaint_id)
    if lock:
        stmt = stmt.with_for_update()
    c = s.scalar(stmt)
    if c is None:
        raise NotFound("complaint", complaint_id)
    return c


def _clocks(c: Complaint, now: datetime) -> ComplaintClocks:
    return rules.complaint_clocks(
        c.received_at,
        c.answer_due,
        c.solution_due,
        now,
        first_answered_at=c.first_answered_at,
        resolved_at=c.resolved_at,
        closed_at=c.closed_at,
    )


def _names(s: Session, user_ids: set[int | None]) -> dict[int, str]:
    ids = {u for u in user_ids if u is not None}
    if not ids:
        return {}
    rows = s.execute(select(User.id, User.display_name).where(User.id.in_(ids)))
    return {uid: name for uid, name in rows}


def view(s: Session, c: Complaint, now: datetime) -> ComplaintView:
    customer = s.get(Customer, c.customer_id)
    ticket = s.get(Ticket, c.ticket_id) if c.ticket_id else None
    tech = s.get(Technician, c.technician_id) if c.technician_id else None
    user_ids: set[int | None] = {e.user_id for e in c.events}
    names = _names(s, user_ids | {c.assigned_to, c.updated_by})
    phone = None
    if customer is not None and customer.phones:
        phone = customer.phones[0].raw
    if ticket is not None and ticket.contact_phone:
        phone = ticket.contact_phone
    return ComplaintView(
        id=c.id,
        number=c.number,
        status=c.status,
        channel=c.channel,
        category=c.category,
        severity=c.severity,
        customer_id=c.customer_id,
        customer_name=customer.name if customer else "",
        customer_phone=phone,
        ticket_id=c.ticket_id,
        ticket_number=ticket.number if ticket else None,
        technician_id=c.technician_id,
        technician=tech.name if tech else None,
        description=c.description,
        received_at=c.received_at,
        answer_due=c.answer_due,
        solution_due=c.solution_due,
        first_answered_at=c.first_answered_at,
        resolved_at=c.resolved_at,
        closed_at=c.closed_at,
        close_reason=c.close_reason,
        escalated_at=c.escalated_at,
        rounds=c.rounds,
        resolution_satisfaction=c.resolution_satisfaction,
        assigned_to_id=c.assigned_to,
        assigned_to=names.get(c.assigned_to) if c.assigned_to else None,
        clocks=_clocks(c, now),
        allowed_steps=rules.allowed_steps(c.status),
        events=[
            ComplaintEventView(
                e.at,
                names.get(e.user_id, "?"),
                ComplaintStep(e.action),
                e.from_status,
                e.to_status,
                e.text,
            )
            for e in c.events
        ],
        version=c.version,
        updated_at=c.updated_at,
        updated_by=names.get(c.updated_by),
    )


def view_of(s: Session, c: Complaint, now: datetime) -> ComplaintView:
    """The view of a complaint just written in the caller's transaction."""
    s.flush()
    s.refresh(c)
    return view(s, c, now)


def get_complaint(db: Database, actor: Actor, complaint_id: int) -> ComplaintView:
    """One complaint with its clocks and full history (who, when, what), oldest first."""
    require(actor.username, actor.roles, Perm.HANDLE_COMPLAINTS)
    return db.read(lambda s: view(s, load(s, complaint_id), db.now()))


# ---------------------------------------------------------------- lists


def overdue(now: datetime) -> ColumnElement[bool]:
    """Active and past an unmet deadline (complaint clocks are wall clock, so this is
    exactly the domain's OVERDUE)."""
    return and_(
        Complaint.status.in_(rules.ACTIVE_STATES),
        or_(
            and_(Complaint.first_answered_at.is_(None), Complaint.answer_due < now),
            and_(Complaint.resolved_at.is_(None), Complaint.solution_due < now),
        ),
    )


def rows(
    s: Session,
    where: ColumnElement[bool],
    now: datetime,
    *,
    order: Sequence[Any],
    limit: int,
) -> list[ComplaintRow]:
    assignee = aliased(User)
    # populate_existing: an escalation just written by a Core UPDATE must show.
    result = s.execute(
        select(Complaint, Customer.name, Ticket.number, Technician.name, assignee.display_name)
        .join(Customer, Customer.id == Complaint.customer_id)
        .outerjoin(Ticket, Ticket.id == Complaint.ticket_id)
        .outerjoin(Technician, Technician.id == Complaint.technician_id)
        .outerjoin(assignee, assignee.id == Complaint.assigned_to)
        .where(where)
        .order_by(*order)
        .limit(limit)
        .execution_options(populate_existing=True)
    ).all()
    return [
        ComplaintRow(
            id=c.id,
            number=c.number,
            status=c.status,
            category=c.category,
            severity=c.severity,
            customer_id=c.customer_id,
            customer_name=customer,
            ticket_number=ticket,
            technician=tech,
            assigned_to=who,
            received_at=c.received_at,
            escalated_at=c.escalated_at,
            rounds=c.rounds,
            clocks=_clocks(c, now),
        )
        for c, customer, ticket, tech, who in result
    ]


def list_complaints(
    db: Database, actor: Actor, flt: ComplaintFilter | None = None
) -> list[ComplaintRow]:
    """Complaints matching ``flt`` with both clocks, newest first."""
    require(actor.username, actor.roles, Perm.HANDLE_COMPLAINTS)
    f = flt or ComplaintFilter()
    if not 1 <= f.limit <= 10_000:
        raise ValidationError("limit", "complaint.list_limit", maximum=10_000)

    def q(s: Session) -> list[ComplaintRow]:
        now = db.now()
        conds: list[ColumnElement[bool]] = []
        if f.active_only:
            conds.append(Complaint.status.in_(rules.ACTIVE_STATES))
        if f.overdue_only:
            conds.append(overdue(now))
        if f.escalated_only:
            conds.append(Complaint.escalated_at.is_not(None))
            conds.append(Complaint.status.in_(rules.ACTIVE_STATES))
        if f.mine:
            conds.append(Complaint.assigned_to == actor.user_id)
        if f.status is not None:
            conds.append(Complaint.status == choice(ComplaintStatus, f.status, "status"))
        if f.category is not None:
            conds.append(Complaint.category == choice(ComplaintCategory, f.category, "category"))
        if f.technician_id is not None:
            conds.append(Complaint.technician_id == f.technician_id)
        if f.customer_id is not None:
            conds.append(Complaint.customer_id == f.customer_id)
        if f.ticket_id is not None:
            conds.append(Complaint.ticket_id == f.ticket_id)
        return rows(
            s,
            and_(True, *conds),
            now,
            order=(Complaint.received_at.desc(), Complaint.id.desc()),
            limit=f.limit,
        )

    return db.read(q)
