"""Follow-up calls (回访): the queue of completed tickets to call, recording each call
with its retry schedule, and opening a complaint from a dissatisfied answer.

Every COMPLETED ticket waits in the queue until a call reaches the customer. A reached
call records the five ratings (Feedback, source CALL) and moves the ticket COMPLETED ->
FOLLOWED_UP; a refused call (reached, but the customer declined to rate) also ends the
follow-up and moves the ticket on, without ratings. A call that does not reach the
customer schedules the next attempt by the retry schedule (default: 2 h, then 1 day
later; at most 3 attempts; a manager may change it in the setting ``followup_retry``).
After the last unreached attempt the ticket leaves the queue and shows in
``unreachable()`` for the manager, who may close it.

The paper feedback form is entered in ``services.feedback``; a dissatisfied form puts
its ticket at the head of this queue. Maintenance reminders are ``services.maintenance``.
The complaint text generated from ratings is Chinese, the language of the data the desk
records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from desk_app.db.models import (
    Appliance,
    Customer,
    CustomerPhone,
    Feedback,
    FollowupCall,
    Technician,
    Ticket,
    User,
)
from desk_app.domain import complaint_rules as rules
from desk_app.domain.complaint_rules import Ratings, RetrySchedule
from desk_app.domain.enums import (
    Channel,
    ComplaintCategory,
    FeedbackSource,
    FollowupOutcome,
    Severity,
    TicketKind,
    TicketStatus,
)
from desk_app.domain.errors import ConflictError, DuplicateEntry, NotFound, ValidationError
from desk_app.domain.permissions import Perm, require
from desk_app.domain.validation import clean_text
from desk_app.services.admin import settings
from desk_app.services.care import complaint_views, complaints
from desk_app.services.care.complaint_views import ComplaintView
from desk_app.services.care.complaints import ComplaintDraft
from desk_app.services.care.feedback import (
    MAX_COMMENTS,
    FeedbackView,
    add_feedback,
    feedback_view,
    ratings_of,
)
from desk_app.services.core import audit
from desk_app.services.core.database import Actor, Database
from desk_app.services.tickets import tickets

S = TicketStatus


# ---------------------------------------------------------------- views


@dataclass(frozen=True)
class QueueRow:
    """A completed ticket waiting for its follow-up call, with what the caller needs."""

    ticket_id: int
    number: str
    kind: TicketKind
    completed_at: datetime
    customer_id: int
    customer_name: str
    phone: str | None
    address: str | None
    appliance: str | None
    fault_description: str
    fault_cause: str | None
    work_done: str | None
    resolved: bool | None
    technician: str | None
    attempts: int  # calls made so far
    last_called_at: datetime | None
    due_at: datetime  # completion, or when the retry became due
    form: Ratings | None  # the paper form's ratings, if it came back

    @property
    def form_dissatisfied(self) -> bool:
        return self.form is not None and self.form.dissatisfied


@dataclass(frozen=True)
class CallView:
    id: int
    ticket_id: int
    ticket_number: str
    attempt: int
    called_at: datetime
    called_by: str
    outcome: FollowupOutcome
    notes: str | None
    next_attempt_at: datetime | None
    feedback_id: int | None
    ratings: Ratings | None

    @property
    def gave_up(self) -> bool:
        """Not reached and no further attempt scheduled: the manager's list."""
        return self.outcome is FollowupOutcome.NOT_REACHED and self.next_attempt_at is None

    @property
    def dissatisfied(self) -> bool:
        """The desk should offer ``complaint_from_followup`` for this call."""
        return self.ratings is not None and self.ratings.dissatisfied


@dataclass(frozen=True)
class FollowupHistory:
    calls: list[CallView]
    feedback: list[FeedbackView]


def _call_view(c: FollowupCall, number: str, by: str, fb: Feedback | None) -> CallView:
    return CallView(
        c.id,
        c.ticket_id,
        number,
        c.attempt,
        c.called_at,
        by,
        c.outcome,
        c.notes,
        c.next_attempt_at,
        c.feedback_id,
        ratings_of(fb) if fb is not None else None,
    )


def _user_name(s: Session, user_id: int) -> str:
    u = s.get(User, user_id)
    return u.display_name if u else "?"


def set_retry_schedule(db: Database, actor: Actor, schedule: RetrySchedule) -> None:
    """The manager's retry schedule for unreached follow-up calls."""
    settings.set_followup_retry(db, actor, schedule)


# ---------------------------------------------------------------- the queue


def _queue_select(now: datetime | None) -> Select[*tuple[Any, ...]]:
    """Completed tickets with their call state; ``now`` None selects the given-up ones."""
    stats = (
        select(
            FollowupCall.ticket_id.label("ticket_id"),
            func.count().label("attempts"),
            func.max(FollowupCall.attempt).label("last_attempt"),
        )
        .group_by(FollowupCall.ticket_id)
        .subquery()
    )
    last = aliased(FollowupCall)
    form = aliased(Feedback)
    phone = (
        select(CustomerPhone.raw)
        .where(CustomerPhone.customer_id == Ticket.customer_id)
        .order_by(CustomerPhone.position, CustomerPhone.id)
        .limit(1)
        .scalar_subquery()
    )
    not_reached = last.outcome == FollowupOutcome.NOT_REACHED
    if now is None:
        waiting: ColumnElement[bool] = and_(not_reached, last.next_attempt_at.is_(None))
    else:
        waiting = or_(stats.c.attempts.is_(None), and_(not_reached, last.next_attempt_at <= now))
    dissatisfied_form = and_(
        form.id.is_not(None),
        or_(
            form.overall <= rules.DISSATISFIED_OVERALL_MAX,
            *(getattr(form, f) == rules.RATING_MIN for f in rules.RATING_FIELDS),
        ),
    )
    return (
        select(
            Ticket,
            Customer.name,
            func.coalesce(Ticket.contact_phone, phone),
            Technician.name,
            Appliance,
            func.coalesce(stats.c.attempts, 0),
            last.called_at,
            last.next_attempt_at,
            form,
        )
        .join(Customer, Customer.id == Ticket.customer_id)
        .outerjoin(Technician, Technician.id == Ticket.technician_id)
        .outerjoin(Appliance, Appliance.id == Ticket.appliance_id)
        .outerjoin(stats, stats.c.ticket_id == Ticket.id)
        .outerjoin(last, and_(last.ticket_id == Ticket.id, last.attempt == stats.c.last_attempt))
        .outerjoin(form, and_(form.ticket_id == Ticket.id, form.source == FeedbackSource.FORM))
        .where(Ticket.status == S.COMPLETED, waiting)
        .order_by(
            case((dissatisfied_form, 0), else_=1) if now is not None else Ticket.completed_at,
            Ticket.completed_at,
            Ticket.id,
        )
    )


def _queue_rows(s: Session, stmt: Select[*tuple[Any, ...]]) -> list[QueueRow]:
    rows: list[QueueRow] = []
    for t, name, phone, tech, appliance, attempts, called, next_at, form in s.execute(stmt):
        completed: datetime = t.completed_at or t.updated_at
        rows.append(
            QueueRow(
                ticket_id=t.id,
                number=t.number,
                kind=t.kind,
                completed_at=completed,
                customer_id=t.customer_id,
                customer_name=name,
                phone=phone,
                address=t.address,
                appliance=(
                    " ".join(x for x in (appliance.brand, appliance.category, appliance.model) if x)
                    if appliance is not None
                    else None
                ),
                fault_description=t.fault_description,
                fault_cause=t.fault_cause,
                work_done=t.work_done,
                resolved=t.resolved,
                technician=tech,
                attempts=attempts,
                last_called_at=called,
                due_at=next_at or completed,
                form=ratings_of(form) if form is not None else None,
            )
        )
    return rows


def followup_queue(
    db: Database, actor: Actor, now: datetime | None = None, *, limit: int = 500
) -> list[QueueRow]:
    """Completed tickets to call now: never called, or the next attempt is due by ``now``
    (default: the current time). Tickets with a dissatisfied feedback form come first,
    then oldest completion first."""
    require(actor.username, actor.roles, Perm.RECORD_FOLLOWUPS)

    def q(s: Session) -> list[QueueRow]:
        return _queue_rows(s, _queue_select(now or db.now()).limit(limit))

    return db.read(q)


def unreachable(db: Database, actor: Actor, *, limit: int = 500) -> list[QueueRow]:
    """Completed tickets whose customer was not reached in the allowed attempts, oldest
    completion first: for the manager (close the ticket, or call once more)."""
    require(actor.username, actor.roles, Perm.RECORD_FOLLOWUPS)
    return db.read(lambda s: _queue_rows(s, _queue_select(None).limit(limit)))


# ---------------------------------------------------------------- recording a call


def record_call(
    db: Database,
    actor: Actor,
    ticket_id: int,
    outcome: FollowupOutcome,
    ratings: Ratings | None = None,
    comments: str | None = None,
    *,
    expected_attempts: int | None = None,
) -> CallView:
    """Record one follow-up call of a completed ticket (see the module docstring).

    REACHED needs the five ratings; NOT_REACHED and REFUSED take none.
    ``expected_attempts`` is the number of calls the screen showed: if a colleague
    recorded a call meanwhile, ConflictError names them.
    """
    require(actor.username, actor.roles, Perm.RECORD_FOLLOWUPS)
    try:
        outcome = FollowupOutcome(outcome)
    except ValueError:
        raise ValidationError("outcome", "followup.outcome_required") from None
    notes = clean_text(comments, "comments", max_length=MAX_COMMENTS, multiline=True)
    if outcome is FollowupOutcome.REACHED and ratings is None:
        raise ValidationError("ratings", "followup.ratings_required")
    if ratings is not None and not isinstance(ratings, Ratings):
        raise ValidationError("ratings", "followup.ratings_required")
    if outcome is not FollowupOutcome.REACHED and ratings is not None:
        raise ValidationError("ratings", "followup.ratings_only_when_reached")

    def tx(s: Session) -> CallView:
        t = tickets.load(s, ticket_id, lock=True)
        calls = list(
            s.scalars(
                select(FollowupCall)
                .where(FollowupCall.ticket_id == t.id)
                .order_by(FollowupCall.attempt)
            )
        )
        if expected_attempts is not None and len(calls) != expected_attempts:
            latest = calls[-1] if calls else None
            raise ConflictError(
                "followup",
                _user_name(s, latest.called_by) if latest else "?",
                latest.called_at if latest else None,
                {"attempts": len(calls), "outcome": latest.outcome.value if latest else None},
            )
        if t.status is not S.COMPLETED:
            if any(c.outcome is not FollowupOutcome.NOT_REACHED for c in calls):
                raise DuplicateEntry("follow-up", t.number)
            raise ValidationError("ticket", "followup.ticket_not_completed")
        now = db.now()
        attempt = len(calls) + 1
        call = FollowupCall(
            ticket_id=t.id,
            attempt=attempt,
            called_at=now,
            called_by=actor.user_id,
            outcome=outcome,
            notes=notes,
        )
        fb = None
        if outcome is FollowupOutcome.NOT_REACHED:
            call.next_attempt_at = settings.followup_retry(s).next_attempt_at(attempt, now)
        if outcome is FollowupOutcome.REACHED:
            assert ratings is not None
            fb = Feedback(
                ticket_id=t.id,
                source=FeedbackSource.CALL,
                **ratings.as_dict(),
                comments=notes,
                recorded_at=now,
                recorded_by=actor.user_id,
            )
            add_feedback(s, fb, t.number)
            call.feedback_id = fb.id
        s.add(call)
        s.flush()
        if outcome is not FollowupOutcome.NOT_REACHED:
            tickets.apply_transition(
                s,
                actor,
                t,
                S.FOLLOWED_UP,
                now,
                data={"followup_call": call.id, "outcome": outcome.value},
            )
        audit.record(
            s,
            actor,
            "followup.call",
            "followup_call",
            call.id,
            {
                "ticket": t.id,
                "number": t.number,
                "attempt": attempt,
                "outcome": outcome.value,
                "ratings": ratings.as_dict() if ratings else None,
                "next_attempt_at": call.next_attempt_at,
            },
            at=now,
            also=(("ticket", t.id),),
        )
        s.flush()
        return _call_view(call, t.number, actor.display_name, fb)

    return db.write(tx)


def followup_history(db: Database, actor: Actor, ticket_id: int) -> FollowupHistory:
    """Every call and every feedback (form and call) of one ticket, oldest first."""
    require(actor.username, actor.roles, Perm.VIEW_CUSTOMERS)

    def q(s: Session) -> FollowupHistory:
        t = tickets.load(s, ticket_id)
        fbs = {
            f.id: f
            for f in s.scalars(
                select(Feedback).where(Feedback.ticket_id == t.id).order_by(Feedback.id)
            )
        }
        calls = list(
            s.scalars(
                select(FollowupCall)
                .where(FollowupCall.ticket_id == t.id)
                .order_by(FollowupCall.attempt)
            )
        )
        users = {c.called_by for c in calls} | {f.recorded_by for f in fbs.values()}
        rows = s.execute(select(User.id, User.display_name).where(User.id.in_(users)))
        names = {uid: name for uid, name in rows}
        return FollowupHistory(
            [
                _call_view(
                    c,
                    t.number,
                    names.get(c.called_by, "?"),
                    fbs.get(c.feedback_id) if c.feedback_id else None,
                )
                for c in calls
            ],
            [feedback_view(f, t.number, names.get(f.recorded_by, "?")) for f in fbs.values()],
        )

    return db.read(q)


# ---------------------------------------------------------------- complaint from a call


def _draft_for_call(s: Session, call_id: int) -> tuple[ComplaintDraft, FollowupCall, Ticket]:
    call = s.get(FollowupCall, call_id)
    if call is None:
        raise NotFound("followup call", call_id)
    if call.outcome is FollowupOutcome.NOT_REACHED:
        raise ValidationError("call", "followup.call_not_reached")
    t = tickets.load(s, call.ticket_id)
    fb = s.get(Feedback, call.feedback_id) if call.feedback_id else None
    r = ratings_of(fb) if fb is not None else None
    description = call.notes
    if not description:
        labels = ("态度", "专业", "及时", "效果", "总体")
        scores = (
            "，".join(f"{k} {v}" for k, v in zip(labels, r.as_tuple(), strict=True)) if r else ""
        )
        description = f"回访不满意（工单 {t.number}）" + (f"：{scores}" if scores else "")
    draft = ComplaintDraft(
        customer_id=t.customer_id,
        channel=Channel.PHONE,
        category=rules.guess_category(r, call.notes),
        severity=rules.guess_severity(r),
        description=description,
        ticket_id=t.id,
        technician_id=t.technician_id,
    )
    return draft, call, t


def complaint_draft_for_call(db: Database, actor: Actor, call_id: int) -> ComplaintDraft:
    """The complaint the desk would open from this call, for a screen to show first."""
    require(actor.username, actor.roles, Perm.HANDLE_COMPLAINTS)
    return db.read(lambda s: _draft_for_call(s, call_id)[0])


def complaint_from_followup(
    db: Database,
    actor: Actor,
    call_id: int,
    *,
    category: ComplaintCategory | None = None,
    severity: Severity | None = None,
    description: str | None = None,
) -> ComplaintView:
    """Open a complaint from a (dissatisfied) follow-up call in one action: customer,
    ticket, technician, a category and severity guessed from the ratings and comments
    (override them here), the comments as the customer's words. One complaint per
    call: running it again returns the same complaint."""
    require(actor.username, actor.roles, Perm.HANDLE_COMPLAINTS)

    def tx(s: Session) -> ComplaintView:
        draft, call, t = _draft_for_call(s, call_id)
        draft = ComplaintDraft(
            draft.customer_id,
            draft.channel,
            category or draft.category,
            severity or draft.severity,
            description if description and description.strip() else draft.description,
            draft.ticket_id,
            draft.technician_id,
        )
        now = db.now()
        c = complaints.open_in(
            s,
            actor,
            draft,
            now,
            # The call's own key: a second click finds the complaint the first one opened.
            request_id=f"followup-call:{call.id}",
            operation="complaint.from_followup",
            note=f"回访 {t.number} #{call.attempt}",
        )
        return complaint_views.view_of(s, c, now)

    return db.write(tx)
