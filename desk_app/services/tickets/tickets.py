"""Service tickets: intake, the state machine, service-standard clocks, completion."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desk_app.db.models import (
    Appliance,
    Customer,
    Technician,
    Ticket,
    TicketEvent,
    TicketPause,
    User,
)
from desk_app.domain import ticket_states
from desk_app.domain.clock import ClockState, Interval, WorkingCalendar, clock_state, deadline
from desk_app.domain.contacts import mask_phone, reduce_address, shows_contacts
from desk_app.domain.enums import Channel, TicketKind, TicketStatus, Urgency, WarrantyStatus
from desk_app.domain.errors import ConflictError, NotFound, ValidationError
from desk_app.domain.permissions import Perm, require
from desk_app.domain.phones import normalize_phone
from desk_app.domain.validation import choice, clean_text, money_cents, required_text, search_text
from desk_app.domain.warranty import is_chargeable, warranty_status
from desk_app.services.admin import settings
from desk_app.services.core import audit, numbers, requests
from desk_app.services.core.database import Actor, Database
from desk_app.services.customers import merge

S = TicketStatus


@dataclass(frozen=True)
class TicketDraft:
    customer_id: int
    kind: TicketKind
    fault_description: str
    urgency: Urgency = Urgency.NORMAL
    channel: Channel = Channel.PHONE
    appliance_id: int | None = None
    address: str | None = None  # defaults to the customer's first address
    area: str | None = None
    contact_phone: str | None = None  # defaults to the customer's first phone
    preferred_start: datetime | None = None
    preferred_end: datetime | None = None
    notes: str | None = None
    misuse: bool = False


@dataclass(frozen=True)
class TicketEdit:
    """The intake facts of a saved ticket as the desk wants them now (the whole set;
    ``edit_ticket`` changes what differs). ``ticket_states.EDITABLE_IN`` says which
    field may still change in which status."""

    kind: TicketKind
    urgency: Urgency
    fault_description: str
    contact_phone: str | None
    address: str | None
    area: str | None
    preferred_start: datetime | None
    preferred_end: datetime | None
    notes: str | None
    appliance_id: int | None
    misuse: bool


@dataclass(frozen=True)
class Clocks:
    respond: ClockState
    visit: ClockState
    repair: ClockState

    @property
    def worst(self) -> ClockState:
        """The clock the desk should look at: the first one not yet met."""
        for c in (self.respond, self.visit, self.repair):
            if c.status.name not in ("MET", "MISSED"):
                return c
        return self.repair


@dataclass(frozen=True)
class EventView:
    at: datetime
    user: str
    action: str
    from_status: TicketStatus | None
    to_status: TicketStatus | None
    reason: str | None
    #: what the event recorded besides; for an edit {"changes": {field: {"from", "to"}}}
    data: dict[str, Any] | None = None


@dataclass(frozen=True)
class TicketView:
    id: int
    number: str
    kind: TicketKind
    urgency: Urgency
    status: TicketStatus
    channel: Channel
    customer_id: int
    customer_name: str
    appliance_id: int | None
    appliance: str | None
    serial: str | None
    address: str | None
    area: str | None
    contact_phone: str | None
    fault_description: str
    notes: str | None
    warranty: WarrantyStatus
    chargeable: bool
    misuse: bool
    technician_id: int | None
    technician: str | None
    appointment_start: datetime | None
    appointment_end: datetime | None
    preferred_start: datetime | None
    preferred_end: datetime | None
    received_at: datetime
    responded_at: datetime | None
    arrived_at: datetime | None
    completed_at: datetime | None
    respond_due: datetime | None
    visit_due: datetime | None
    repair_due: datetime | None
    clocks: Clocks
    fault_cause: str | None
    work_done: str | None
    resolved: bool | None
    labour_cents: int
    parts_cents: int
    travel_cents: int
    events: list[EventView]
    version: int

    @property
    def total_cents(self) -> int:
        return self.labour_cents + self.parts_cents + self.travel_cents

    def as_edit(self) -> TicketEdit:
        """The editable facts as they are, to correct some of them."""
        return TicketEdit(
            kind=self.kind,
            urgency=self.urgency,
            fault_description=self.fault_description,
            contact_phone=self.contact_phone,
            address=self.address,
            area=self.area,
            preferred_start=self.preferred_start,
            preferred_end=self.preferred_end,
            notes=self.notes,
            appliance_id=self.appliance_id,
            misuse=self.misuse,
        )


@dataclass(frozen=True)
class Completion:
    fault_cause: str
    work_done: str
    resolved: bool = True
    labour_cents: int = 0
    travel_cents: int = 0


# ---------------------------------------------------------------- clocks


def pauses_of(t: Ticket) -> list[Interval]:
    return [Interval(p.started_at, p.ended_at) for p in t.pauses]


def compute_clocks(
    t: Ticket, now: datetime, calendar: WorkingCalendar, pauses: Sequence[Interval]
) -> Clocks:
    """Recompute all three clocks from what is recorded (received, pauses, times)."""
    cal = calendar if t.working_hours_only else None
    # A closed or cancelled ticket's clocks stop where they were.
    stop = t.cancelled_at

    def one(hours: float, done: datetime | None) -> ClockState:
        return clock_state(
            t.received_at, hours, now, done_at=done or stop, calendar=cal, pauses=pauses
        )

    return Clocks(
        one(t.respond_hours, t.responded_at),
        one(t.visit_hours, t.arrived_at),
        one(t.repair_hours, t.completed_at),
    )


def _refresh_deadlines(s: Session, t: Ticket) -> None:
    cal = settings.calendar(s) if t.working_hours_only else None
    pauses = pauses_of(t)
    t.respond_due = deadline(t.received_at, t.respond_hours, calendar=cal, pauses=pauses)
    t.visit_due = deadline(t.received_at, t.visit_hours, calendar=cal, pauses=pauses)
    t.repair_due = deadline(t.received_at, t.repair_hours, calendar=cal, pauses=pauses)


# ---------------------------------------------------------------- views


def view(s: Session, t: Ticket, now: datetime) -> TicketView:
    """The plain view of a loaded ticket, clocks computed as of ``now``."""
    customer = s.get(Customer, t.customer_id)
    appliance = s.get(Appliance, t.appliance_id) if t.appliance_id else None
    tech = s.get(Technician, t.technician_id) if t.technician_id else None
    user_ids = {e.user_id for e in t.events}
    names: dict[int, str] = {
        uid: name
        for uid, name in s.execute(select(User.id, User.display_name).where(User.id.in_(user_ids)))
    }
    return TicketView(
        id=t.id,
        number=t.number,
        kind=t.kind,
        urgency=t.urgency,
        status=t.status,
        channel=t.channel,
        customer_id=t.customer_id,
        customer_name=customer.name if customer else "",
        appliance_id=t.appliance_id,
        appliance=(
            " ".join(x for x in (appliance.brand, appliance.category, appliance.model) if x)
            if appliance
            else None
        ),
        serial=appliance.serial if appliance else None,
        address=t.address,
        area=t.area,
        contact_phone=t.contact_phone,
        fault_description=t.fault_description,
        notes=t.notes,
        warranty=t.warranty,
        chargeable=t.chargeable,
        misuse=t.misuse,
        technician_id=t.technician_id,
        technician=tech.name if tech else None,
        appointment_start=t.appointment_start,
        appointment_end=t.appointment_end,
        preferred_start=t.preferred_start,
        preferred_end=t.preferred_end,
        received_at=t.received_at,
        responded_at=t.responded_at,
        arrived_at=t.arrived_at,
        completed_at=t.completed_at,
        respond_due=t.respond_due,
        visit_due=t.visit_due,
        repair_due=t.repair_due,
        clocks=compute_clocks(t, now, settings.calendar(s), pauses_of(t)),
        fault_cause=t.fault_cause,
        work_done=t.work_done,
        resolved=t.resolved,
        labour_cents=t.labour_cents,
        parts_cents=t.parts_cents,
        travel_cents=t.travel_cents,
        events=[
            EventView(
                e.at,
                names.get(e.user_id, "?"),
                e.action,
                e.from_status,
                e.to_status,
                e.reason,
                e.data,
            )
            for e in t.events
        ],
        version=t.version,
    )


def load(s: Session, ticket_id: int, *, lock: bool = False) -> Ticket:
    stmt = select(Ticket).where(Ticket.id == ticket_id)
    if lock:
        stmt = stmt.with_for_update()
    t = s.scalar(stmt)
    if t is None:
        raise NotFound("ticket", ticket_id)
    return t


def check_version(s: Session, t: Ticket, expected_version: int | None) -> None:
    """ConflictError naming who saved the ticket last, if it moved on since the caller read it."""
    if expected_version is not None and t.version != expected_version:
        who = s.get(User, t.updated_by)
        raise ConflictError(
            "ticket",
            who.display_name if who else "?",
            t.updated_at,
            {
                "status": t.status.value,
                "technician_id": t.technician_id,
                "appointment_start": t.appointment_start,
            },
        )


# Event data fields that hold the customer's contact details (an edit's from/to).
_CONTACT_FIELDS = ("contact_phone", "address")


def seen_by(actor: Actor, v: TicketView) -> TicketView:
    """``v`` as ``actor`` may see it: the contact phone masked and the address reduced
    to its district, in the ticket and in its edit events, unless the actor's roles
    carry ``Perm.VIEW_CONTACT_DETAILS`` (``domain.contacts``)."""
    if shows_contacts(actor.roles):
        return v
    return replace(
        v,
        contact_phone=mask_phone(v.contact_phone) if v.contact_phone else v.contact_phone,
        address=reduce_address(v.address, v.area) if v.address else v.address,
        events=[replace(e, data=_masked_event_data(e.data, v.area)) for e in v.events],
    )


def _masked_event_data(data: dict[str, Any] | None, area: str | None) -> dict[str, Any] | None:
    changes = (data or {}).get("changes")
    if not isinstance(changes, dict) or not any(f in changes for f in _CONTACT_FIELDS):
        return data
    hidden = dict(changes)
    for name in _CONTACT_FIELDS:
        change = hidden.get(name)
        if not isinstance(change, dict):
            continue
        hide = mask_phone if name == "contact_phone" else (lambda a: reduce_address(a, area))
        hidden[name] = {
            k: hide(val) if isinstance(val, str) and val else val for k, val in change.items()
        }
    return {**(data or {}), "changes": hidden}


def get_ticket(db: Database, actor: Actor, ticket_id: int) -> TicketView:
    require(actor.username, actor.roles, Perm.VIEW_CUSTOMERS)
    return seen_by(actor, db.read(lambda s: view(s, load(s, ticket_id), db.now())))


def find_by_number(db: Database, actor: Actor, number: str) -> TicketView:
    """The ticket with this number (as typed or scanned; case and spaces ignored)."""
    require(actor.username, actor.roles, Perm.VIEW_CUSTOMERS)
    key = search_text(number, "number", max_length=40).upper()

    def q(s: Session) -> TicketView:
        t = s.scalar(select(Ticket).where(Ticket.number == key))
        if t is None:
            raise NotFound("ticket", key)
        return view(s, t, db.now())

    return seen_by(actor, db.read(q))


# ---------------------------------------------------------------- intake


def open_ticket(
    db: Database, actor: Actor, draft: TicketDraft, *, request_id: str | None = None
) -> TicketView:
    """Open a ticket: number it, fix its standard and deadlines, record who opened it."""
    require(actor.username, actor.roles, Perm.OPEN_TICKETS)

    def tx(s: Session) -> TicketView:
        done = requests.already_done(s, request_id, "ticket.open")
        if done is not None:
            return view(s, load(s, done), db.now())
        ticket = open_ticket_in(s, actor, draft, db.now, request_id=request_id)
        return view(s, ticket, ticket.received_at)

    return db.write(tx)


def open_ticket_in(
    s: Session,
    actor: Actor,
    draft: TicketDraft,
    clock: Callable[[], datetime],
    *,
    request_id: str | None = None,
) -> Ticket:
    """Open a ticket inside the caller's transaction, for use cases that open one as
    part of a larger change (a maintenance reminder). The caller checks ``request_id``
    with ``requests.already_done`` first; this remembers it with the new ticket.
    ``clock`` (``db.now``) is read once the customer's row is held, so the ticket is
    received after any merge it waited for."""
    require(actor.username, actor.roles, Perm.OPEN_TICKETS)
    fault = required_text(
        draft.fault_description, "fault_description", max_length=4000, multiline=True
    )
    notes = clean_text(draft.notes, "notes", max_length=4000, multiline=True)
    address = clean_text(draft.address, "address", max_length=300)
    area = clean_text(draft.area, "area", max_length=60)
    phone = None
    if draft.contact_phone and draft.contact_phone.strip():
        phone = normalize_phone(draft.contact_phone).raw
    if (
        draft.preferred_start
        and draft.preferred_end
        and draft.preferred_end <= draft.preferred_start
    ):
        raise ValidationError("preferred_end", "ticket.window_reversed")
    kind = choice(TicketKind, draft.kind, "kind")
    urgency, channel = (
        choice(Urgency, draft.urgency, "urgency"),
        choice(Channel, draft.channel, "channel"),
    )
    # Locked against a concurrent merge; a merged duplicate's ticket goes to the survivor.
    customer = merge.live_customer(s, draft.customer_id)
    if customer is None:
        raise NotFound("customer", draft.customer_id)
    now = clock()
    tz = settings.timezone(s)
    warranty = WarrantyStatus.UNKNOWN
    if draft.appliance_id is not None:
        appliance = s.get(Appliance, draft.appliance_id)
        if appliance is None or appliance.customer_id != customer.id:
            raise ValidationError("appliance", "ticket.appliance_not_customers")
        warranty = warranty_status(appliance.warranty_end, now.astimezone(tz).date())
    first_address = customer.addresses[0] if customer.addresses else None
    first_phone = customer.phones[0].raw if customer.phones else None
    standard = settings.standard_for(s, kind, urgency)
    ticket = Ticket(
        number=numbers.next_number(s, "ticket", now, tz),
        kind=kind,
        urgency=urgency,
        status=S.NEW,
        channel=channel,
        customer_id=customer.id,
        appliance_id=draft.appliance_id,
        address=address or (first_address.text if first_address else None),
        area=area or (first_address.area if first_address else customer.service_area),
        contact_phone=phone or first_phone,
        fault_description=fault,
        notes=notes,
        warranty=warranty,
        misuse=draft.misuse,
        chargeable=kind is not TicketKind.CONSULTATION
        and is_chargeable(warranty, misuse=draft.misuse),
        preferred_start=draft.preferred_start,
        preferred_end=draft.preferred_end,
        received_at=now,
        respond_hours=standard.respond_hours,
        visit_hours=standard.visit_hours,
        repair_hours=standard.repair_hours,
        working_hours_only=standard.working_hours_only,
        created_at=now,
        created_by=actor.user_id,
        updated_at=now,
        updated_by=actor.user_id,
    )
    s.add(ticket)
    s.flush()
    _refresh_deadlines(s, ticket)
    s.add(
        TicketEvent(
            ticket_id=ticket.id,
            at=now,
            user_id=actor.user_id,
            action="created",
            to_status=S.NEW,
        )
    )
    requests.remember(s, request_id, "ticket.open", ticket.id, now)
    audit.record(
        s,
        actor,
        "ticket.open",
        "ticket",
        ticket.id,
        {"number": ticket.number, "kind": kind.value, "customer": customer.id},
        at=now,
        also=(("customer", customer.id),),
    )
    s.flush()
    s.refresh(ticket)
    return ticket


# ---------------------------------------------------------------- corrections


def _edit_value(value: object) -> object:
    """A field's value as the history and the audit log keep it (JSON: codes, ISO times)."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, TicketKind | Urgency | WarrantyStatus):
        return value.value
    return value


#: The field names of ``ticket_states.EDITABLE_IN`` → the attribute on Ticket and TicketEdit.
_EDIT_ATTRS: dict[str, str] = {
    "kind": "kind",
    "urgency": "urgency",
    "fault_description": "fault_description",
    "contact_phone": "contact_phone",
    "address": "address",
    "area": "area",
    "preferred_start": "preferred_start",
    "preferred_end": "preferred_end",
    "notes": "notes",
    "appliance": "appliance_id",
    "misuse": "misuse",
}


def _clean_edit(edit: TicketEdit) -> TicketEdit:
    """The edit validated and normalised the way intake does it."""
    if edit.preferred_start and edit.preferred_end and edit.preferred_end <= edit.preferred_start:
        raise ValidationError("preferred_end", "ticket.window_reversed")
    phone = None
    if edit.contact_phone and edit.contact_phone.strip():
        phone = normalize_phone(edit.contact_phone).raw
    return TicketEdit(
        kind=choice(TicketKind, edit.kind, "kind"),
        urgency=choice(Urgency, edit.urgency, "urgency"),
        fault_description=required_text(
            edit.fault_description, "fault_description", max_length=4000, multiline=True
        ),
        contact_phone=phone,
        address=clean_text(edit.address, "address", max_length=300),
        area=clean_text(edit.area, "area", max_length=60),
        preferred_start=edit.preferred_start,
        preferred_end=edit.preferred_end,
        notes=clean_text(edit.notes, "notes", max_length=4000, multiline=True),
        appliance_id=edit.appliance_id,
        misuse=bool(edit.misuse),
    )


def edit_ticket(
    db: Database, actor: Actor, ticket_id: int, changes: TicketEdit, *, expected_version: int
) -> TicketView:
    """Correct a saved ticket's intake facts, unless someone saved it since the caller
    read ``expected_version`` (ConflictError naming who and when; nothing written).

    Only what differs from the ticket is a change, and each change must be allowed in
    the ticket's status (``ticket_states.check_edit``). A new kind or urgency takes
    the service standard for it and recomputes the deadlines from the time received;
    a new appliance or misuse flag recomputes warranty and charge. One "edit" event
    and one audit entry record every field's before and after."""
    require(actor.username, actor.roles, Perm.EDIT_TICKETS)
    wanted = _clean_edit(changes)

    def tx(s: Session) -> TicketView:
        t = load(s, ticket_id, lock=True)
        check_version(s, t, expected_version)
        before = {f: getattr(t, attr) for f, attr in _EDIT_ATTRS.items()}
        after = {f: getattr(wanted, attr) for f, attr in _EDIT_ATTRS.items()}
        changed = [f for f in _EDIT_ATTRS if before[f] != after[f]]
        if not changed:
            return view(s, t, db.now())
        ticket_states.check_edit(t.status, changed)
        now = db.now()
        record: dict[str, object] = {
            f: {"from": _edit_value(before[f]), "to": _edit_value(after[f])} for f in changed
        }
        if "appliance" in changed:
            warranty = WarrantyStatus.UNKNOWN
            if wanted.appliance_id is not None:
                appliance = s.get(Appliance, wanted.appliance_id)
                if appliance is None or appliance.customer_id != t.customer_id:
                    raise ValidationError("appliance", "ticket.appliance_not_customers")
                received = t.received_at.astimezone(settings.timezone(s)).date()
                warranty = warranty_status(appliance.warranty_end, received)
            if warranty is not t.warranty:
                record["warranty"] = {"from": t.warranty.value, "to": warranty.value}
            t.warranty = warranty
        t.kind, t.urgency = wanted.kind, wanted.urgency
        t.fault_description, t.notes = wanted.fault_description, wanted.notes
        t.contact_phone, t.address, t.area = wanted.contact_phone, wanted.address, wanted.area
        t.preferred_start, t.preferred_end = wanted.preferred_start, wanted.preferred_end
        t.appliance_id, t.misuse = wanted.appliance_id, wanted.misuse
        chargeable = t.kind is not TicketKind.CONSULTATION and is_chargeable(
            t.warranty, misuse=t.misuse
        )
        if chargeable is not t.chargeable:
            record["chargeable"] = {"from": t.chargeable, "to": chargeable}
        t.chargeable = chargeable
        if "kind" in changed or "urgency" in changed:
            standard = settings.standard_for(s, t.kind, t.urgency)
            t.respond_hours = standard.respond_hours
            t.visit_hours = standard.visit_hours
            t.repair_hours = standard.repair_hours
            t.working_hours_only = standard.working_hours_only
            s.flush()
            _refresh_deadlines(s, t)
        record_event(s, actor, t, "edit", now, data={"changes": record})
        s.flush()
        return view(s, t, now)

    return db.write(tx)


# ---------------------------------------------------------------- state changes

_PERM_FOR: dict[TicketStatus, Perm] = {
    S.DISPATCHED: Perm.DISPATCH,
    S.APPOINTED: Perm.DISPATCH,
    S.IN_SERVICE: Perm.DISPATCH,
    S.WAITING_PARTS: Perm.DISPATCH,
    S.WAITING_CUSTOMER: Perm.EDIT_TICKETS,
    S.NEW: Perm.DISPATCH,
    S.COMPLETED: Perm.COMPLETE_TICKETS,
    S.FOLLOWED_UP: Perm.RECORD_FOLLOWUPS,
    S.CLOSED: Perm.CLOSE_TICKETS,
    S.CANCELLED: Perm.EDIT_TICKETS,
}


def apply_transition(
    s: Session,
    actor: Actor,
    t: Ticket,
    to: TicketStatus,
    now: datetime,
    *,
    reason: str | None = None,
    action: str = "status",
    data: dict[str, object] | None = None,
    permission: Perm | None = None,
) -> None:
    """Move ``t`` to ``to`` inside the caller's transaction: state machine check,
    timestamps, clock pauses, event and audit rows. Services that change a
    ticket's status (dispatch, parts, follow-ups) all come through here.

    The actor needs the permission of the status moved to, or ``permission``: the
    one of the use case the move is a step of (answering a consultation at the desk
    completes and closes it with the clerk's own right to open tickets)."""
    require(actor.username, actor.roles, permission or _PERM_FOR[to])
    frm = t.status
    ticket_states.check_transition(frm, to, kind=t.kind, reason=reason)
    # Clock pauses: close the open one when leaving a waiting state, open one when entering.
    if frm in ticket_states.PAUSED_STATES:
        for p in t.pauses:
            if p.ended_at is None:
                p.ended_at = now
    if to in ticket_states.PAUSED_STATES:
        t.pauses.append(TicketPause(ticket_id=t.id, started_at=now, reason=to))
    if frm is S.NEW and t.responded_at is None and to is not S.CANCELLED:
        t.responded_at = now  # the customer has been answered
    if to is S.IN_SERVICE and t.arrived_at is None:
        t.arrived_at = now
    if to is S.IN_SERVICE and frm is not S.WAITING_PARTS:
        t.visit_count += 1
    if to is S.COMPLETED:
        t.completed_at = now
        if t.arrived_at is None and t.kind is TicketKind.CONSULTATION:
            t.arrived_at = now  # answered at the desk: no visit needed
    if to is S.CLOSED:
        t.closed_at = now
    if to is S.CANCELLED:
        from desk_app.services.stock.requisitions import release_ticket_reservations

        t.cancelled_at = now
        t.cancel_reason = reason
        # Parts reserved for a job that will not happen go back to the shelf.
        release_ticket_reservations(s, actor, t.id, now)
        for p in t.pauses:
            if p.ended_at is None:
                p.ended_at = now
    t.status = to
    t.updated_at = now
    t.updated_by = actor.user_id
    s.flush()
    _refresh_deadlines(s, t)
    s.add(
        TicketEvent(
            ticket_id=t.id,
            at=now,
            user_id=actor.user_id,
            action=action,
            from_status=frm,
            to_status=to,
            reason=reason,
            data=data,
        )
    )
    audit.record(
        s,
        actor,
        f"ticket.{action}",
        "ticket",
        t.id,
        {"from": frm.value, "to": to.value, "reason": reason, **(data or {})},
        at=now,
    )


def record_event(
    s: Session,
    actor: Actor,
    t: Ticket,
    action: str,
    now: datetime,
    *,
    reason: str | None = None,
    data: dict[str, object] | None = None,
) -> None:
    """An event that changes the ticket but not its status (assign, reschedule, edit)."""
    t.updated_at = now
    t.updated_by = actor.user_id
    s.add(
        TicketEvent(
            ticket_id=t.id,
            at=now,
            user_id=actor.user_id,
            action=action,
            from_status=t.status,
            to_status=t.status,
            reason=reason,
            data=data,
        )
    )
    audit.record(
        s, actor, f"ticket.{action}", "ticket", t.id, {"reason": reason, **(data or {})}, at=now
    )


def change_status(
    db: Database,
    actor: Actor,
    ticket_id: int,
    to: TicketStatus,
    *,
    reason: str | None = None,
    expected_version: int | None = None,
) -> TicketView:
    """Move a ticket to ``to`` through the state machine; IllegalTransition otherwise."""
    to = choice(TicketStatus, to, "status")
    reason = clean_text(reason, "reason", max_length=1000, multiline=True)
    require(actor.username, actor.roles, _PERM_FOR[to])

    def tx(s: Session) -> TicketView:
        t = load(s, ticket_id, lock=True)
        check_version(s, t, expected_version)
        now = db.now()
        apply_transition(s, actor, t, to, now, reason=reason)
        s.flush()
        return view(s, t, now)

    return db.write(tx)


def cancel(
    db: Database, actor: Actor, ticket_id: int, reason: str, *, expected_version: int | None = None
) -> TicketView:
    if not (reason and reason.strip()):
        raise ValidationError("reason", "field.reason_required")
    return change_status(
        db, actor, ticket_id, S.CANCELLED, reason=reason, expected_version=expected_version
    )


def answer_consultation(db: Database, actor: Actor, ticket_id: int, answer: str) -> TicketView:
    """A consultation answered at the desk (from the knowledge base): logged, then
    completed and closed through the state machine like any other ticket."""
    text = required_text(answer, "answer", max_length=4000, multiline=True)
    require(actor.username, actor.roles, Perm.OPEN_TICKETS)

    def tx(s: Session) -> TicketView:
        t = load(s, ticket_id, lock=True)
        if t.kind is not TicketKind.CONSULTATION:
            raise ValidationError("kind", "ticket.not_a_consultation")
        now = db.now()
        t.work_done = text
        t.resolved = True
        # The desk itself completes and closes it: the clerk needs no dispatcher or
        # follow-up rights for this, the use case's own permission is enough.
        for to, reason in ((S.COMPLETED, text), (S.CLOSED, None)):
            apply_transition(s, actor, t, to, now, reason=reason, permission=Perm.OPEN_TICKETS)
        audit.record(s, actor, "ticket.answer", "ticket", t.id, {"answer": text}, at=now)
        s.flush()
        return view(s, t, now)

    return db.write(tx)


def complete(
    db: Database,
    actor: Actor,
    ticket_id: int,
    completion: Completion,
    *,
    expected_version: int | None = None,
) -> TicketView:
    """Close the work: cause, work done, labour and travel charges (parts come from
    the requisitions issued for the ticket)."""
    cause = required_text(completion.fault_cause, "fault_cause", max_length=4000, multiline=True)
    work = required_text(completion.work_done, "work_done", max_length=4000, multiline=True)
    labour = money_cents(completion.labour_cents, "labour")
    travel = money_cents(completion.travel_cents, "travel")

    def tx(s: Session) -> TicketView:
        t = load(s, ticket_id, lock=True)
        check_version(s, t, expected_version)
        if not t.chargeable and (labour or travel):
            raise ValidationError("labour", "ticket.free_of_charge")
        now = db.now()
        t.fault_cause, t.work_done, t.resolved = cause, work, completion.resolved
        t.labour_cents, t.travel_cents = labour, travel
        apply_transition(
            s,
            actor,
            t,
            S.COMPLETED,
            now,
            data={"labour": labour, "travel": travel, "resolved": completion.resolved},
        )
        s.flush()
        return view(s, t, now)

    return db.write(tx)


@dataclass(frozen=True)
class TicketRow:
    id: int
    number: str
    kind: TicketKind
    urgency: Urgency
    status: TicketStatus
    customer_name: str
    area: str | None
    received_at: datetime
    clocks: Clocks


def customer_tickets(db: Database, actor: Actor, customer_id: int) -> list[TicketRow]:
    """All tickets of a customer, newest first, with their clocks."""
    require(actor.username, actor.roles, Perm.VIEW_CUSTOMERS)

    def q(s: Session) -> list[TicketRow]:
        now = db.now()
        cal = settings.calendar(s)
        rows = s.execute(
            select(Ticket, Customer.name)
            .join(Customer, Customer.id == Ticket.customer_id)
            .where(Ticket.customer_id == customer_id)
            .order_by(Ticket.received_at.desc())
            # Every ticket's pauses in one more statement, not one per ticket.
            .options(selectinload(Ticket.pauses))
        ).all()
        return [
            TicketRow(
                t.id,
                t.number,
                t.kind,
                t.urgency,
                t.status,
                name,
                t.area,
                t.received_at,
                compute_clocks(t, now, cal, pauses_of(t)),
            )
            for t, name in rows
        ]

    return db.read(q)
