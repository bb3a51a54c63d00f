"""旧件返还: faulty parts brought back from appliances, kept apart from sellable stock.

A returned part of a known catalogue entry goes into the damaged-parts
quarantine location with a DAMAGED_RETURN movement; nothing is ever issued or
transferred out of that location. Its disposition (scrap, back to the
supplier, claim from the manufacturer) is decided once and takes it out of the
quarantine again with an ADJUSTMENT, so the quarantine holds exactly the parts
still waiting for a decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, aliased

from desk_app.db.models import DamagedPart, Part, Ticket, User
from desk_app.domain.enums import DamagedDisposition, MovementKind
from desk_app.domain.errors import NotFound, ValidationError
from desk_app.domain.permissions import Perm, require
from desk_app.domain.validation import clean_text, quantity, required_text
from desk_app.services.core import audit, requests
from desk_app.services.core.database import Actor, Database
from desk_app.services.stock.ledger import Guard, lock_ticket, post_movement
from desk_app.services.stock.parts import MAX_QUANTITY, ensure_damaged_location, load_part

D = DamagedDisposition

# Stored as the movement's reason: the ledger is read in Chinese first.
DISPOSITION_REASON = {
    D.SCRAP: "旧件处置：报废",
    D.RETURN_TO_SUPPLIER: "旧件处置：退回供应商",
    D.MANUFACTURER_CLAIM: "旧件处置：厂家索赔",
}


@dataclass(frozen=True)
class DamagedView:
    id: int
    ticket_id: int
    ticket_number: str
    part_id: int | None
    part_code: str | None
    part_name: str | None
    description: str
    serial: str | None
    quantity: int
    received_at: datetime
    received_by: str
    disposition: DamagedDisposition
    disposition_at: datetime | None
    disposition_by: str | None
    notes: str | None


def _views(s: Session, *conditions: ColumnElement[bool]) -> list[DamagedView]:
    received, decided = aliased(User), aliased(User)
    stmt = (
        select(
            DamagedPart,
            Ticket.number,
            Part.code,
            Part.name,
            received.display_name,
            decided.display_name,
        )
        .join(Ticket, Ticket.id == DamagedPart.ticket_id)
        .outerjoin(Part, Part.id == DamagedPart.part_id)
        .join(received, received.id == DamagedPart.received_by)
        .outerjoin(decided, decided.id == DamagedPart.disposition_by)
        .where(*conditions)
        .order_by(DamagedPart.id.desc())
    )
    return [
        DamagedView(
            d.id,
            d.ticket_id,
            number,
            d.part_id,
            code,
            name,
            d.description,
            d.serial,
            d.quantity,
            d.received_at,
            by,
            d.disposition,
            d.disposition_at,
            decided_by,
            d.notes,
        )
        for d, number, code, name, by, decided_by in s.execute(stmt)
    ]


def _one(s: Session, damaged_id: int) -> DamagedView:
    views = _views(s, DamagedPart.id == damaged_id)
    if not views:
        raise NotFound("damaged part", damaged_id)
    return views[0]


def register_damaged(
    db: Database,
    actor: Actor,
    ticket_id: int,
    description: str,
    *,
    part_id: int | None = None,
    serial: str | None = None,
    qty: int = 1,
    notes: str | None = None,
    request_id: str | None = None,
) -> DamagedView:
    """Register a faulty part taken out of the ticket's appliance (any ticket state:
    parts often come back after the job is closed)."""
    require(actor.username, actor.roles, Perm.MOVE_STOCK)
    text = required_text(description, "description", max_length=200)
    serial = clean_text(serial, "serial", max_length=60)
    note = clean_text(notes, "notes", max_length=2000, multiline=True)
    qty = quantity(qty, "quantity", maximum=MAX_QUANTITY)

    def tx(s: Session) -> DamagedView:
        done = requests.already_done(s, request_id, "damaged.register")
        if done is not None:
            return _one(s, done)
        ticket = lock_ticket(s, ticket_id, exclusive=False)
        part = load_part(s, part_id) if part_id is not None else None
        now = db.now()
        row = DamagedPart(
            part_id=part.id if part else None,
            ticket_id=ticket.id,
            description=text,
            serial=serial,
            quantity=qty,
            received_at=now,
            received_by=actor.user_id,
            disposition=D.PENDING,
            notes=note,
        )
        s.add(row)
        s.flush()
        movement = None
        if part is not None:
            movement = post_movement(
                s,
                actor,
                now,
                MovementKind.DAMAGED_RETURN,
                part,
                ensure_damaged_location(s),
                qty,
                ticket_id=ticket.id,
                serial_removed=serial,
                reason=text,
            ).id
        requests.remember(s, request_id, "damaged.register", row.id, now)
        audit.record(
            s,
            actor,
            "damaged.register",
            "damaged_part",
            row.id,
            {
                "ticket": ticket.number,
                "part": part.code if part else None,
                "serial": serial,
                "quantity": qty,
                "movement": movement,
            },
            at=now,
        )
        return _one(s, row.id)

    return db.write(tx)


def set_disposition(
    db: Database,
    actor: Actor,
    damaged_id: int,
    disposition: DamagedDisposition,
    *,
    notes: str | None = None,
) -> DamagedView:
    """Decide what happens to a returned faulty part, once; it leaves the quarantine."""
    require(actor.username, actor.roles, Perm.MOVE_STOCK)
    try:
        disposition = DamagedDisposition(disposition)
    except ValueError:
        raise ValidationError("disposition", "stock.disposition_choice") from None
    if disposition is D.PENDING:
        raise ValidationError("disposition", "stock.disposition_choice")
    note = clean_text(notes, "notes", max_length=2000, multiline=True)

    def tx(s: Session) -> DamagedView:
        row = s.scalar(select(DamagedPart).where(DamagedPart.id == damaged_id).with_for_update())
        if row is None:
            raise NotFound("damaged part", damaged_id)
        if row.disposition is not D.PENDING:
            raise ValidationError(
                "disposition", "stock.disposition_decided", disposition=row.disposition
            )
        now = db.now()
        row.disposition, row.disposition_at, row.disposition_by = disposition, now, actor.user_id
        if note:
            row.notes = f"{row.notes}\n{note}" if row.notes else note
        if row.part_id is not None:
            post_movement(
                s,
                actor,
                now,
                MovementKind.ADJUSTMENT,
                load_part(s, row.part_id),
                ensure_damaged_location(s),
                -row.quantity,
                guard=Guard.ON_HAND,
                ticket_id=row.ticket_id,
                serial_removed=row.serial,
                reason=DISPOSITION_REASON[disposition],
            )
        audit.record(
            s,
            actor,
            "damaged.disposition",
            "damaged_part",
            row.id,
            {"disposition": disposition.value, "notes": note},
            at=now,
        )
        s.flush()
        return _one(s, row.id)

    return db.write(tx)


def get_damaged(db: Database, actor: Actor, damaged_id: int) -> DamagedView:
    """One returned faulty part; NotFound if no part was registered with this id."""
    require(actor.username, actor.roles, Perm.VIEW_STOCK)
    return db.read(lambda s: _one(s, damaged_id))


def list_damaged(
    db: Database, actor: Actor, *, pending_only: bool = True, ticket_id: int | None = None
) -> list[DamagedView]:
    """Returned faulty parts, newest first (by default only those awaiting a decision)."""
    require(actor.username, actor.roles, Perm.VIEW_STOCK)
    conditions: list[ColumnElement[bool]] = []
    if pending_only:
        conditions.append(DamagedPart.disposition == D.PENDING)
    if ticket_id is not None:
        conditions.append(DamagedPart.ticket_id == ticket_id)
    return db.read(lambda s: _views(s, *conditions))
