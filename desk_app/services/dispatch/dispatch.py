"""Dispatch (派工): assignment, appointments and reschedules.

The technicians themselves are kept in ``technicians`` (re-exported here for the
screens that list them), the service areas in ``areas``.

Two dispatchers assigning the same ticket at once: the ticket row is locked
and its version checked, so exactly one wins and the other gets a
ConflictError naming who took it. Booking a technician into a slot that
overlaps another booked visit raises DoubleBooking unless the dispatcher
gives an override reason, which is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk_app.db.models import Appointment, Technician, Ticket
from desk_app.domain.enums import TicketStatus
from desk_app.domain.errors import DoubleBooking, NotFound, ValidationError
from desk_app.domain.permissions import Perm, require
from desk_app.domain.validation import clean_text
from desk_app.services.core.database import Actor, Database
from desk_app.services.dispatch.technicians import TechnicianDraft as TechnicianDraft
from desk_app.services.dispatch.technicians import TechnicianView as TechnicianView
from desk_app.services.dispatch.technicians import create_technician as create_technician
from desk_app.services.dispatch.technicians import list_technicians as list_technicians
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import TicketView

S = TicketStatus
MAX_VISIT = timedelta(hours=12)
# PostgreSQL's exclusion_violation: the database refused an overlapping visit.
NO_OVERLAP_SQLSTATE = "23P01"


@dataclass(frozen=True)
class AppointmentView:
    id: int
    ticket_id: int
    ticket_number: str
    technician_id: int
    starts_at: datetime
    ends_at: datetime
    state: str
    reason: str | None
    override_reason: str | None


def _check_window(starts: datetime, ends: datetime) -> None:
    if starts.tzinfo is None or ends.tzinfo is None:
        raise ValidationError("appointment", "dispatch.appointment_needs_zone")
    if ends <= starts:
        raise ValidationError("appointment", "dispatch.visit_ends_before_start")
    if ends - starts > MAX_VISIT:
        raise ValidationError(
            "appointment", "dispatch.visit_too_long", hours=MAX_VISIT // timedelta(hours=1)
        )


def _book(
    s: Session,
    actor: Actor,
    t: Ticket,
    tech: Technician,
    starts: datetime,
    ends: datetime,
    override_reason: str | None,
    now: datetime,
) -> Appointment:
    clash = _clash(s, t, tech, starts, ends)
    if clash is not None and not override_reason:
        raise _double_booking(tech, clash)
    for old in s.scalars(
        select(Appointment).where(Appointment.ticket_id == t.id, Appointment.state == "booked")
    ):
        if (old.technician_id, old.starts_at, old.ends_at) == (tech.id, starts, ends):
            return old  # confirming the visit already booked
        old.state = "rescheduled"
    appointment = Appointment(
        ticket_id=t.id,
        technician_id=tech.id,
        starts_at=starts,
        ends_at=ends,
        state="booked",
        override_reason=override_reason if clash is not None else None,
        created_at=now,
        created_by=actor.user_id,
    )
    s.flush()  # the visits this one replaces are written first (begin_nested would too)
    try:
        with s.begin_nested():
            s.add(appointment)
    except IntegrityError as error:
        # Another desk booked an overlapping visit after the check above and committed
        # first: the database refused this one (see migration 0003_visits_no_overlap).
        if getattr(error.orig, "sqlstate", None) != NO_OVERLAP_SQLSTATE:
            raise
        clash = _clash(s, t, tech, starts, ends)
        if clash is None:  # the visit that refused this one is gone again: nothing to name
            raise
        if not override_reason:
            raise _double_booking(tech, clash) from error
        appointment.override_reason = override_reason  # booked anyway, as the dispatcher said
        with s.begin_nested():
            s.add(appointment)
    t.appointment_start, t.appointment_end = starts, ends
    return appointment


def _clash(
    s: Session, t: Ticket, tech: Technician, starts: datetime, ends: datetime
) -> tuple[Appointment, str] | None:
    """Another ticket's booked visit of this technician overlapping ``starts``–``ends``."""
    row = s.execute(
        select(Appointment, Ticket.number)
        .join(Ticket, Ticket.id == Appointment.ticket_id)
        .where(
            Appointment.technician_id == tech.id,
            Appointment.state == "booked",
            Appointment.ticket_id != t.id,
            Appointment.starts_at < ends,
            Appointment.ends_at > starts,
        )
        .order_by(Appointment.starts_at)
        .limit(1)
    ).first()
    return (row[0], row[1]) if row is not None else None


def _double_booking(tech: Technician, clash: tuple[Appointment, str]) -> DoubleBooking:
    other, number = clash
    return DoubleBooking(tech.name, number, other.starts_at, other.ends_at)


def _technician(s: Session, technician_id: int) -> Technician:
    tech = s.get(Technician, technician_id)
    if tech is None or not tech.active:
        raise NotFound("technician", technician_id)
    return tech


def assign(
    db: Database,
    actor: Actor,
    ticket_id: int,
    technician_id: int,
    *,
    starts: datetime | None = None,
    ends: datetime | None = None,
    expected_version: int | None = None,
    override_reason: str | None = None,
    reason: str | None = None,
) -> TicketView:
    """Give the ticket to a technician, optionally booking the visit.

    A NEW ticket becomes DISPATCHED; an already dispatched or appointed ticket is
    reassigned (the event records from whom to whom). ``reason`` says why a
    booked visit moves to another technician and time (改约); it is recorded on
    the event and on the visit it replaces.
    """
    require(actor.username, actor.roles, Perm.DISPATCH)
    override = clean_text(override_reason, "override_reason", max_length=500)
    why = clean_text(reason, "reason", max_length=1000)
    if (starts is None) != (ends is None):
        raise ValidationError("appointment", "dispatch.visit_half_given")
    if starts is not None and ends is not None:
        _check_window(starts, ends)

    def tx(s: Session) -> TicketView:
        t = tickets.load(s, ticket_id, lock=True)
        tickets.check_version(s, t, expected_version)
        tech = _technician(s, technician_id)
        now = db.now()
        previous = t.technician_id
        if starts is not None and ends is not None:
            if why is not None:
                for old in s.scalars(
                    select(Appointment).where(
                        Appointment.ticket_id == t.id, Appointment.state == "booked"
                    )
                ):
                    old.reason = why
            _book(s, actor, t, tech, starts, ends, override, now)
        t.technician_id = tech.id
        data: dict[str, object] = {"technician": tech.id, "previous": previous}
        if starts is not None:
            data["starts"] = starts.isoformat()
        if t.status in (S.NEW, S.WAITING_CUSTOMER):
            tickets.apply_transition(
                s, actor, t, S.DISPATCHED, now, reason=why, action="assign", data=data
            )
        elif t.status in (S.DISPATCHED, S.APPOINTED):
            tickets.record_event(s, actor, t, "assign", now, reason=why, data=data)
        else:
            raise ValidationError("status", "dispatch.not_assignable")
        s.flush()
        return tickets.view(s, t, now)

    return db.write(tx)


UNASSIGNABLE = (S.DISPATCHED, S.APPOINTED, S.WAITING_CUSTOMER)


def unassign(
    db: Database,
    actor: Actor,
    ticket_id: int,
    reason: str,
    *,
    expected_version: int | None = None,
) -> TicketView:
    """Take the ticket from its technician and put it back in the unassigned queue.

    Its booked visit is cancelled with the reason; a dispatched or appointed ticket
    is NEW again (a ticket waiting for the customer keeps waiting). The event and
    the audit row say who had it, which visit went and why.
    """
    require(actor.username, actor.roles, Perm.DISPATCH)
    why = clean_text(reason, "reason", max_length=1000)
    if why is None:
        raise ValidationError("reason", "field.reason_required")

    def tx(s: Session) -> TicketView:
        t = tickets.load(s, ticket_id, lock=True)
        tickets.check_version(s, t, expected_version)
        if t.technician_id is None:
            raise ValidationError("technician", "dispatch.not_assigned")
        if t.status not in UNASSIGNABLE:
            raise ValidationError("status", "dispatch.not_unassignable")
        now = db.now()
        data: dict[str, object] = {"technician": None, "previous": t.technician_id}
        if t.appointment_start is not None and t.appointment_end is not None:
            data["starts"] = t.appointment_start.isoformat()
            data["ends"] = t.appointment_end.isoformat()
        for visit in s.scalars(
            select(Appointment).where(Appointment.ticket_id == t.id, Appointment.state == "booked")
        ):
            visit.state, visit.reason = "cancelled", why
        t.technician_id = None
        t.appointment_start = t.appointment_end = None
        if t.status is S.WAITING_CUSTOMER:
            tickets.record_event(s, actor, t, "unassign", now, reason=why, data=data)
        else:
            tickets.apply_transition(
                s, actor, t, S.NEW, now, reason=why, action="unassign", data=data
            )
        s.flush()
        return tickets.view(s, t, now)

    return db.write(tx)


def confirm_appointment(
    db: Database,
    actor: Actor,
    ticket_id: int,
    starts: datetime,
    ends: datetime,
    *,
    expected_version: int | None = None,
    override_reason: str | None = None,
) -> TicketView:
    """The customer agreed a visit time (已预约)."""
    require(actor.username, actor.roles, Perm.DISPATCH)
    _check_window(starts, ends)
    override = clean_text(override_reason, "override_reason", max_length=500)

    def tx(s: Session) -> TicketView:
        t = tickets.load(s, ticket_id, lock=True)
        tickets.check_version(s, t, expected_version)
        if t.technician_id is None:
            raise ValidationError("technician", "dispatch.no_technician")
        now = db.now()
        _book(s, actor, t, _technician(s, t.technician_id), starts, ends, override, now)
        tickets.apply_transition(
            s,
            actor,
            t,
            S.APPOINTED,
            now,
            action="appointment",
            data={"starts": starts.isoformat(), "ends": ends.isoformat()},
        )
        s.flush()
        return tickets.view(s, t, now)

    return db.write(tx)


def reschedule(
    db: Database,
    actor: Actor,
    ticket_id: int,
    starts: datetime,
    ends: datetime,
    reason: str,
    *,
    expected_version: int | None = None,
    override_reason: str | None = None,
) -> TicketView:
    """改约: move the visit, with the reason the customer was told."""
    require(actor.username, actor.roles, Perm.DISPATCH)
    _check_window(starts, ends)
    why = clean_text(reason, "reason", max_length=1000)
    if why is None:
        raise ValidationError("reason", "field.reason_required")
    override = clean_text(override_reason, "override_reason", max_length=500)

    def tx(s: Session) -> TicketView:
        t = tickets.load(s, ticket_id, lock=True)
        tickets.check_version(s, t, expected_version)
        if t.technician_id is None or t.appointment_start is None:
            raise ValidationError("appointment", "dispatch.no_visit")
        now = db.now()
        old_start = t.appointment_start
        for old in s.scalars(
            select(Appointment).where(Appointment.ticket_id == t.id, Appointment.state == "booked")
        ):
            old.reason = why
        _book(s, actor, t, _technician(s, t.technician_id), starts, ends, override, now)
        tickets.record_event(
            s,
            actor,
            t,
            "reschedule",
            now,
            reason=why,
            data={"from": old_start.isoformat(), "to": starts.isoformat()},
        )
        s.flush()
        return tickets.view(s, t, now)

    return db.write(tx)


def technician_appointments(
    db: Database, actor: Actor, technician_id: int, day_start: datetime, day_end: datetime
) -> list[AppointmentView]:
    require(actor.username, actor.roles, Perm.VIEW_CUSTOMERS)

    def q(s: Session) -> list[AppointmentView]:
        rows = s.execute(
            select(Appointment, Ticket.number)
            .join(Ticket, Ticket.id == Appointment.ticket_id)
            .where(
                Appointment.technician_id == technician_id,
                Appointment.starts_at < day_end,
                Appointment.ends_at > day_start,
            )
            .order_by(Appointment.starts_at)
        ).all()
        return [
            AppointmentView(
                a.id,
                a.ticket_id,
                n,
                a.technician_id,
                a.starts_at,
                a.ends_at,
                a.state,
                a.reason,
                a.override_reason,
            )
            for a, n in rows
        ]

    return db.read(q)
