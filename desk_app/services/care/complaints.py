"""Complaints (投诉): intake with answer and solution deadlines, the rework loop, closing,
escalation of overdue complaints. The read side (one complaint's full history, the
lists) is ``services.complaint_views``.

The loop: OPEN --first answer--> INVESTIGATING --proposal--> PROPOSED; the customer
accepts (RESOLVED, with their satisfaction 1..5) or rejects (back to INVESTIGATING,
the next proposal is round 2, ...). A resolved complaint is closed by any handler; one
that is not resolved only by a manager, with a reason. The rules themselves live in
``desk_app.domain.complaint_rules``; every step writes a ComplaintEvent (who, when,
what) and an audit row in the same transaction.

Edits take ``expected_version`` (the version the screen showed) and raise ConflictError
naming who saved in between. Notes are append-only and do not change the version, so
a colleague's note never blocks a proposal. Escalation does not change the version
either: it is a mark for the manager, not an edit of the complaint.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table, and_, select, update
from sqlalchemy.orm import Session

from desk_app.db.models import Complaint, ComplaintEvent, Technician, Ticket, User, UserRole
from desk_app.domain import complaint_rules as rules
from desk_app.domain.clock import deadline
from desk_app.domain.complaint_rules import ComplaintStep
from desk_app.domain.enums import (
    Channel,
    ComplaintCategory,
    ComplaintStatus,
    Role,
    Severity,
)
from desk_app.domain.errors import ConflictError, NotFound, ValidationError
from desk_app.domain.permissions import Perm, has, require
from desk_app.domain.validation import clean_text, required_text
from desk_app.services.admin import settings
from desk_app.services.care import complaint_views as views
from desk_app.services.care.complaint_views import ComplaintRow, ComplaintView
from desk_app.services.core import audit, numbers, requests
from desk_app.services.core.database import Actor, Database
from desk_app.services.customers import merge

C = ComplaintStatus
MAX_TEXT = 4000
_MAX_ID = 2**31 - 1  # ids are INTEGER columns; a larger one names no row


@dataclass(frozen=True)
class ComplaintDraft:
    """What the clerk recorded at intake; the customer's own words in ``description``."""

    customer_id: int
    channel: Channel
    category: ComplaintCategory
    severity: Severity
    description: str
    ticket_id: int | None = None
    technician_id: int | None = None  # None: the ticket's technician, if any


# ---------------------------------------------------------------- shared by the steps


def _check_version(s: Session, c: Complaint, expected_version: int | None) -> None:
    if expected_version is not None and c.version != expected_version:
        who = s.get(User, c.updated_by)
        raise ConflictError(
            "complaint",
            who.display_name if who else "?",
            c.updated_at,
            {"status": c.status.value, "rounds": c.rounds, "assigned_to": c.assigned_to},
        )


def _event(
    s: Session,
    actor: Actor,
    c: Complaint,
    step: ComplaintStep,
    now: datetime,
    *,
    frm: ComplaintStatus | None,
    to: ComplaintStatus | None,
    text: str | None,
    details: dict[str, object] | None = None,
) -> None:
    s.add(
        ComplaintEvent(
            complaint_id=c.id,
            at=now,
            user_id=actor.user_id,
            action=step.value,
            from_status=frm,
            to_status=to,
            text=text,
        )
    )
    audit.record(
        s,
        actor,
        f"complaint.{step.value}",
        "complaint",
        c.id,
        {
            "number": c.number,
            "from": frm.value if frm else None,
            "to": to.value if to else None,
            "text": text,
            **(details or {}),
        },
        at=now,
        also=(("customer", c.customer_id),) if step is ComplaintStep.CREATE else (),
    )


# ---------------------------------------------------------------- intake


def _clean_draft(draft: ComplaintDraft) -> tuple[Channel, ComplaintCategory, Severity, str]:
    try:
        channel = Channel(draft.channel)
    except ValueError:
        raise ValidationError("channel", "complaint.channel_required") from None
    try:
        category = ComplaintCategory(draft.category)
    except ValueError:
        raise ValidationError("category", "complaint.category_required") from None
    try:
        severity = Severity(draft.severity)
    except ValueError:
        raise ValidationError("severity", "complaint.severity_required") from None
    text = required_text(draft.description, "description", max_length=MAX_TEXT, multiline=True)
    return channel, category, severity, text


def open_in(
    s: Session,
    actor: Actor,
    draft: ComplaintDraft,
    now: datetime,
    *,
    request_id: str | None,
    operation: str = "complaint.open",
    note: str | None = None,
) -> Complaint:
    """Record a complaint inside the caller's transaction (``open_complaint`` and the
    follow-up desk's "complaint from this call" both come through here). With a
    ``request_id`` seen before, returns the complaint that request created."""
    require(actor.username, actor.roles, Perm.HANDLE_COMPLAINTS)
    channel, category, severity, text = _clean_draft(draft)
    done = requests.already_done(s, request_id, operation)
    if done is not None:
        return views.load(s, done)
    # Locked against a concurrent merge; a merged duplicate's complaint goes to the survivor.
    customer = merge.live_customer(s, draft.customer_id)
    if customer is None:
        raise NotFound("customer", draft.customer_id)
    technician_id = draft.technician_id
    if draft.ticket_id is not None:
        ticket = s.get(Ticket, draft.ticket_id)
        if ticket is None:
            raise NotFound("ticket", draft.ticket_id)
        if ticket.customer_id != customer.id:
            raise ValidationError("ticket", "complaint.ticket_of_another_customer")
        if technician_id is None:
            technician_id = ticket.technician_id
    if technician_id is not None and s.get(Technician, technician_id) is None:
        raise NotFound("technician", technician_id)
    answer_hours, solution_hours = settings.complaint_standard_for(s, severity)
    answer_due = deadline(now, answer_hours, calendar=None)
    solution_due = deadline(now, solution_hours, calendar=None)
    assert answer_due is not None and solution_due is not None  # no pauses on a wall clock
    c = Complaint(
        number=numbers.next_number(s, "complaint", now, settings.timezone(s)),
        channel=channel,
        category=category,
        severity=severity,
        status=C.OPEN,
        customer_id=customer.id,
        ticket_id=draft.ticket_id,
        technician_id=technician_id,
        description=text,
        received_at=now,
        answer_due=answer_due,
        solution_due=solution_due,
        rounds=0,
        assigned_to=actor.user_id,
        created_at=now,
        created_by=actor.user_id,
        updated_at=now,
        updated_by=actor.user_id,
    )
    s.add(c)
    s.flush()
    _event(
        s,
        actor,
        c,
        ComplaintStep.CREATE,
        now,
        frm=None,
        to=C.OPEN,
        text=note,
        details={
            "customer": customer.id,
            "ticket": draft.ticket_id,
            "technician": technician_id,
            "category": category.value,
            "severity": severity.value,
        },
    )
    requests.remember(s, request_id, operation, c.id, now)
    s.flush()
    return c


def open_complaint(
    db: Database, actor: Actor, draft: ComplaintDraft, *, request_id: str | None = None
) -> ComplaintView:
    """Record a complaint; its answer and solution deadlines come from the manager's
    standard for its severity (wall-clock hours from now). A repeated ``request_id``
    (double-clicked save) returns the first complaint instead of a second one."""
    require(actor.username, actor.roles, Perm.HANDLE_COMPLAINTS)
    _clean_draft(draft)  # refuse bad input before touching the database

    def tx(s: Session) -> ComplaintView:
        now = db.now()
        return views.view_of(s, open_in(s, actor, draft, now, request_id=request_id), now)

    return db.write(tx)


# ---------------------------------------------------------------- the loop


def _step(
    db: Database,
    actor: Actor,
    complaint_id: int,
    step: ComplaintStep,
    text: str | None,
    expected_version: int | None,
    change: Callable[[Session, Complaint, datetime], None] | None = None,
    details: dict[str, object] | None = None,
) -> ComplaintView:
    """Load, check version and state machine, apply ``change`` (what the step sets
    besides the status; it may refuse), record event and audit."""

    def tx(s: Session) -> ComplaintView:
        c = views.load(s, complaint_id, lock=True)
        _check_version(s, c, expected_version)
        frm = c.status
        to = rules.next_status(frm, step)
        now = db.now()
        if change is not None:
            change(s, c, now)
        c.status = to
        c.updated_at = now
        c.updated_by = actor.user_id
        _event(s, actor, c, step, now, frm=frm, to=to, text=text, details=details)
        s.flush()
        s.refresh(c)
        return views.view(s, c, now)

    return db.write(tx)


def add_note(db: Database, actor: Actor, complaint_id: int, text: str) -> ComplaintView:
    """An investigation note. Append-only: does not change the complaint's version."""
    require(actor.username, actor.roles, Perm.HANDLE_COMPLAINTS)
    note = required_text(text, "text", max_length=MAX_TEXT, multiline=True)

    def tx(s: Session) -> ComplaintView:
        c = views.load(s, complaint_id)
        rules.next_status(c.status, ComplaintStep.NOTE)
        now = db.now()
        _event(s, actor, c, ComplaintStep.NOTE, now, frm=None, to=None, text=note)
        s.flush()
        s.refresh(c)
        return views.view(s, c, now)

    return db.write(tx)


def first_answer(
    db: Database,
    actor: Actor,
    complaint_id: int,
    text: str,
    *,
    expected_version: int | None = None,
) -> ComplaintView:
    """The first answer to the customer (OPEN -> INVESTIGATING); stops the answer clock."""
    require(actor.username, actor.roles, Perm.HANDLE_COMPLAINTS)
    answer = required_text(text, "text", max_length=MAX_TEXT, multiline=True)

    def mark_answered(s: Session, c: Complaint, now: datetime) -> None:
        c.first_answered_at = c.first_answered_at or now

    return _step(
        db, actor, complaint_id, ComplaintStep.ANSWER, answer, expected_version, mark_answered
    )


def propose_solution(
    db: Database,
    actor: Actor,
    complaint_id: int,
    text: str,
    *,
    expected_version: int | None = None,
) -> ComplaintView:
    """Propose a solution to the customer (-> PROPOSED, one more round). Proposing on
    the first contact (from OPEN) also counts as the first answer."""
    require(actor.username, actor.roles, Perm.HANDLE_COMPLAINTS)
    solution = required_text(text, "text", max_length=MAX_TEXT, multiline=True)

    def mark_proposed(s: Session, c: Complaint, now: datetime) -> None:
        c.first_answered_at = c.first_answered_at or now
        c.rounds += 1

    return _step(
        db, actor, complaint_id, ComplaintStep.PROPOSE, solution, expected_version, mark_proposed
    )


def customer_response(
    db: Database,
    actor: Actor,
    complaint_id: int,
    accepted: bool,
    text: str | None = None,
    *,
    satisfaction: int | None = None,
    expected_version: int | None = None,
) -> ComplaintView:
    """The customer's answer to the proposal. Accepted: RESOLVED, with their
    satisfaction with the resolution (1..5, required). Rejected: back to INVESTIGATING
    with what they said (required), and the loop repeats."""
    require(actor.username, actor.roles, Perm.HANDLE_COMPLAINTS)
    if accepted:
        said = clean_text(text, "text", max_length=MAX_TEXT, multiline=True)
        if satisfaction is None:
            raise ValidationError("satisfaction", "complaint.satisfaction_required")
        score = rules.check_rating(satisfaction, "satisfaction")

        def mark_resolved(s: Session, c: Complaint, now: datetime) -> None:
            c.resolved_at = now
            c.resolution_satisfaction = score

        return _step(
            db,
            actor,
            complaint_id,
            ComplaintStep.ACCEPT,
            said,
            expected_version,
            mark_resolved,
            {"satisfaction": score},
        )
    said = required_text(text, "text", max_length=MAX_TEXT, multiline=True)
    if satisfaction is not None:
        raise ValidationError("satisfaction", "complaint.satisfaction_only_on_accept")
    return _step(db, actor, complaint_id, ComplaintStep.REJECT, said, expected_version)


def close(
    db: Database,
    actor: Actor,
    complaint_id: int,
    reason: str | None = None,
    *,
    satisfaction: int | None = None,
    expected_version: int | None = None,
) -> ComplaintView:
    """Close a complaint. A RESOLVED one: any handler, reason optional. One not resolved:
    a manager only (CLOSE_COMPLAINTS), with a reason. ``satisfaction`` (1..5), if given,
    records the customer's satisfaction with the resolution (replacing the one given
    on acceptance)."""
    require(actor.username, actor.roles, Perm.HANDLE_COMPLAINTS)
    why = clean_text(reason, "reason", max_length=MAX_TEXT, multiline=True)
    score = None if satisfaction is None else rules.check_rating(satisfaction, "satisfaction")

    def mark_closed(s: Session, c: Complaint, now: datetime) -> None:
        if rules.closing_needs_manager(c.status):
            require(actor.username, actor.roles, Perm.CLOSE_COMPLAINTS)
            if why is None:
                raise ValidationError("reason", "complaint.close_reason_required")
        c.closed_at = now
        c.close_reason = why
        if score is not None:
            c.resolution_satisfaction = score

    return _step(
        db,
        actor,
        complaint_id,
        ComplaintStep.CLOSE,
        why,
        expected_version,
        mark_closed,
        {"satisfaction": score},
    )


@dataclass(frozen=True)
class HandlerView:
    """Someone a complaint can be handed to."""

    id: int
    name: str


def handlers(db: Database, actor: Actor) -> list[HandlerView]:
    """The active users whose role handles complaints, by name."""
    require(actor.username, actor.roles, Perm.HANDLE_COMPLAINTS)
    roles = [role for role in Role if has(role, Perm.HANDLE_COMPLAINTS)]

    def q(s: Session) -> list[HandlerView]:
        rows = s.execute(
            select(User.id, User.display_name)
            .where(
                User.active.is_(True),
                User.id.in_(select(UserRole.user_id).where(UserRole.role.in_(roles))),
            )
            .order_by(User.display_name, User.id)
        )
        return [HandlerView(uid, name) for uid, name in rows]

    return db.read(q)


def assign(
    db: Database,
    actor: Actor,
    complaint_id: int,
    user_id: int,
    *,
    note: str | None = None,
    expected_version: int | None = None,
) -> ComplaintView:
    """Hand the complaint to another handler (it shows in their "mine" list).

    The history's step reads "→ <new handler>", then ``note`` (why, what they should
    know) if one was given. Handing it to the one who has it already is refused
    (``complaint.already_handler``): nothing would change but the version."""
    require(actor.username, actor.roles, Perm.HANDLE_COMPLAINTS)
    why = clean_text(note, "note", max_length=MAX_TEXT, multiline=True)

    def tx(s: Session) -> ComplaintView:
        c = views.load(s, complaint_id, lock=True)
        _check_version(s, c, expected_version)
        frm = c.status
        to = rules.next_status(frm, ComplaintStep.ASSIGN)
        ok_id = isinstance(user_id, int) and not isinstance(user_id, bool)
        user = s.get(User, user_id) if ok_id and 0 < user_id <= _MAX_ID else None
        if user is None or not user.active:
            raise NotFound("user", user_id)
        held = s.scalars(select(UserRole.role).where(UserRole.user_id == user.id))
        if not has(set(held), Perm.HANDLE_COMPLAINTS):
            raise ValidationError("assigned_to", "complaint.not_a_handler")
        if user.id == c.assigned_to:
            raise ValidationError("assigned_to", "complaint.already_handler", who=user.display_name)
        previous = c.assigned_to
        now = db.now()
        c.assigned_to = user.id
        c.status = to
        c.updated_at = now
        c.updated_by = actor.user_id
        text = f"→ {user.display_name}" + (f"\n{why}" if why else "")
        details: dict[str, object] = {"assigned_to": user.id, "previous": previous, "note": why}
        _event(s, actor, c, ComplaintStep.ASSIGN, now, frm=frm, to=to, text=text, details=details)
        s.flush()
        s.refresh(c)
        return views.view(s, c, now)

    return db.write(tx)


# ---------------------------------------------------------------- escalation


def escalate_overdue(db: Database, actor: Actor, now: datetime | None = None) -> list[ComplaintRow]:
    """Mark every overdue, not yet escalated complaint as escalated (event and audit row
    each) and return all escalated complaints still active, for the manager's attention,
    oldest escalation first. Idempotent: a second run marks nothing new. Safe to run from
    several desks at once (the rows are locked; PostgreSQL re-checks the condition)."""
    require(actor.username, actor.roles, Perm.HANDLE_COMPLAINTS)

    def tx(s: Session) -> list[ComplaintRow]:
        at = now or db.now()
        due = s.execute(
            select(Complaint.id, Complaint.number, Complaint.status)
            .where(views.overdue(at), Complaint.escalated_at.is_(None))
            .order_by(Complaint.id)
            .with_for_update()
        ).all()
        if due:
            # A Core UPDATE: the mark does not bump the version, so a clerk editing the
            # complaint at this moment is not told someone else changed it.
            table = cast(Table, Complaint.__table__)
            s.execute(
                update(table).where(table.c.id.in_([r.id for r in due])).values(escalated_at=at)
            )
        for row in due:
            s.add(
                ComplaintEvent(
                    complaint_id=row.id,
                    at=at,
                    user_id=actor.user_id,
                    action=ComplaintStep.ESCALATE.value,
                    from_status=row.status,
                    to_status=row.status,
                )
            )
            audit.record(
                s, actor, "complaint.escalated", "complaint", row.id, {"number": row.number}, at=at
            )
        s.flush()
        return views.rows(
            s,
            and_(Complaint.escalated_at.is_not(None), Complaint.status.in_(rules.ACTIVE_STATES)),
            at,
            order=(Complaint.escalated_at, Complaint.id),
            limit=1000,
        )

    return db.write(tx)
