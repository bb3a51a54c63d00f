"""Customer feedback (服务反馈单 and follow-up ratings): entering the signed paper form
scanned back in, and the one feedback record both the form and a follow-up call write.

Entering the form does NOT move the ticket. Documented choice: the form is signed in
front of the technician, and the follow-up call is the desk's own check of the same
service (and of what the technician brought back); moving a ticket to FOLLOWED_UP also
needs the follow-up role, which a clerk entering forms does not hold. What the form
changes is the follow-up queue: a ticket whose form is dissatisfied (overall at most 2
or any answer 1) is called first. A form is accepted for a completed ticket, also after
its call (the paper may come back late), and refused for a ticket not completed. One
form per ticket: a second entry is DuplicateEntry, also when two desks enter it at the
same moment (the UNIQUE (ticket, source) constraint decides).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk_app.db.models import Customer, Feedback, Technician, Ticket, User
from desk_app.domain.complaint_rules import Ratings
from desk_app.domain.enums import FeedbackSource, TicketKind, TicketStatus
from desk_app.domain.errors import DuplicateEntry, NotFound, ValidationError
from desk_app.domain.permissions import Perm, require
from desk_app.domain.validation import clean_text
from desk_app.services.core import audit
from desk_app.services.core.database import Actor, Database

S = TicketStatus
MAX_COMMENTS = 2000
# Tickets whose service is done: a feedback form may be entered for them.
DONE_STATES = (S.COMPLETED, S.FOLLOWED_UP, S.CLOSED)


@dataclass(frozen=True)
class FeedbackView:
    id: int
    ticket_id: int
    ticket_number: str
    source: FeedbackSource
    ratings: Ratings
    comments: str | None
    recorded_at: datetime
    recorded_by: str

    @property
    def dissatisfied(self) -> bool:
        return self.ratings.dissatisfied


def ratings_of(f: Feedback) -> Ratings:
    return Ratings(f.attitude, f.professionalism, f.timeliness, f.effectiveness, f.overall)


def feedback_view(f: Feedback, number: str, by: str) -> FeedbackView:
    return FeedbackView(
        f.id, f.ticket_id, number, f.source, ratings_of(f), f.comments, f.recorded_at, by
    )


def add_feedback(s: Session, fb: Feedback, number: str) -> None:
    """Insert one feedback; the UNIQUE (ticket, source) constraint turns a concurrent
    second entry of the same form into DuplicateEntry (nothing of it is written)."""
    s.add(fb)
    try:
        s.flush()
    except IntegrityError as error:
        text = str(error.orig)
        if "uq_feedback_ticket_id_source" in text or "feedback.ticket_id" in text:
            what = "feedback form" if fb.source is FeedbackSource.FORM else "follow-up rating"
            raise DuplicateEntry(what, number) from error
        raise


def normalize_ticket_number(scanned: str | None) -> str:
    """A ticket number as typed or scanned: spaces dropped, letters upper-cased."""
    key = "".join((scanned or "").split()).upper()
    if not key:
        raise ValidationError("ticket_number", "feedback.ticket_number_required")
    if len(key) > 20 or not key.replace("-", "").isalnum():
        raise ValidationError("ticket_number", "feedback.not_a_ticket_number")
    return key


@dataclass(frozen=True)
class FormTicket:
    """The ticket a scanned form belongs to, for the desk to check before typing the
    ratings: whose it is, whether it is completed, and the form already entered."""

    ticket_id: int
    number: str
    kind: TicketKind
    status: TicketStatus
    customer_name: str
    technician: str | None
    completed_at: datetime | None
    entered: FeedbackView | None  # the form entered before, if any

    @property
    def accepts_form(self) -> bool:
        return self.entered is None and self.status in DONE_STATES


def form_ticket(db: Database, actor: Actor, ticket_number: str) -> FormTicket:
    """Look up the ticket of a scanned or typed form (NotFound if there is none)."""
    require(actor.username, actor.roles, Perm.RECORD_FEEDBACK)
    key = normalize_ticket_number(ticket_number)

    def q(s: Session) -> FormTicket:
        row = s.execute(
            select(Ticket, Customer.name, Technician.name)
            .join(Customer, Customer.id == Ticket.customer_id)
            .outerjoin(Technician, Technician.id == Ticket.technician_id)
            .where(Ticket.number == key)
        ).first()
        if row is None:
            raise NotFound("ticket", key)
        t, customer, technician = row
        entered = None
        found = s.execute(
            select(Feedback, User.display_name)
            .outerjoin(User, User.id == Feedback.recorded_by)
            .where(Feedback.ticket_id == t.id, Feedback.source == FeedbackSource.FORM)
        ).first()
        if found is not None:
            entered = feedback_view(found[0], t.number, found[1] or "?")
        return FormTicket(
            t.id, t.number, t.kind, t.status, customer, technician, t.completed_at, entered
        )

    return db.read(q)


def enter_feedback_form(
    db: Database,
    actor: Actor,
    ticket_number: str,
    ratings: Ratings,
    comments: str | None = None,
) -> FeedbackView:
    """Enter the customer's signed feedback form for the ticket scanned from it.

    Refused: an unknown number (NotFound), a ticket not completed (ValidationError),
    a form already entered for the ticket (DuplicateEntry). Does not change the
    ticket's status (see the module docstring)."""
    require(actor.username, actor.roles, Perm.RECORD_FEEDBACK)
    key = normalize_ticket_number(ticket_number)
    if not isinstance(ratings, Ratings):
        raise ValidationError("ratings", "feedback.ratings_required")
    notes = clean_text(comments, "comments", max_length=MAX_COMMENTS, multiline=True)

    def tx(s: Session) -> FeedbackView:
        t = s.scalar(select(Ticket).where(Ticket.number == key))
        if t is None:
            raise NotFound("ticket", key)
        if t.status not in DONE_STATES:
            raise ValidationError("ticket", "feedback.ticket_not_completed")
        already = s.scalar(
            select(Feedback.id).where(
                Feedback.ticket_id == t.id, Feedback.source == FeedbackSource.FORM
            )
        )
        if already is not None:
            raise DuplicateEntry("feedback form", t.number)
        now = db.now()
        fb = Feedback(
            ticket_id=t.id,
            source=FeedbackSource.FORM,
            **ratings.as_dict(),
            comments=notes,
            recorded_at=now,
            recorded_by=actor.user_id,
        )
        add_feedback(s, fb, t.number)
        audit.record(
            s,
            actor,
            "feedback.form",
            "feedback",
            fb.id,
            {"ticket": t.id, "number": t.number, "ratings": ratings.as_dict()},
            at=now,
            also=(("ticket", t.id),),
        )
        return feedback_view(fb, t.number, actor.display_name)

    return db.write(tx)
