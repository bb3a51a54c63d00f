"""The stock ledger's primitives, used inside a write transaction by every
module that moves stock (``stock``, ``requisitions``, ``damaged_parts``,
``stocktake``).

Rules they keep:

- One StockMovement row per change of on-hand at one location, written in the
  same transaction as the StockLevel change: on hand is always the ledger's sum,
  and ``stock.check_stock`` proves it.
- A decrement is one guarded UPDATE (``... WHERE on_hand - reserved >= :q``)
  whose row count says whether it applied. Two desks taking the last unit at the
  same moment cannot both succeed: PostgreSQL makes the second UPDATE wait for
  the first and re-check the guard on the new row; SQLite serializes writers.
  A missing level row is created with INSERT .. ON CONFLICT DO NOTHING, so two
  first receipts of a part at a location both land.
- Locks are taken in one order to keep deadlocks rare (they are retried anyway):
  ticket, requisition, stock levels by (part, location), number sequence.
- A ticket's parts charge is recomputed from its requisitions, under the ticket's
  row lock, without loading the ORM ticket (whose version guards clerks' edits).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desk_app.db.models import (
    Part,
    Requisition,
    RequisitionLine,
    StockLevel,
    StockLocation,
    StockMovement,
    Ticket,
)
from desk_app.domain.enums import MovementKind, RequisitionStatus, TicketStatus
from desk_app.domain.errors import NotEnoughStock, NotFound, ValidationError
from desk_app.domain.ticket_states import FINAL_STATES
from desk_app.services.core.database import Actor


class Guard(enum.Enum):
    """Which units a decrement may take."""

    AVAILABLE = "available"  # unreserved units: direct issues, transfers out
    RESERVED = "reserved"  # units a requisition reserved: on hand and reserved both drop
    ON_HAND = "on_hand"  # corrections of what is physically there: adjustments, counts, reversals


# ---------------------------------------------------------------- levels (inside a transaction)


def _update_level(
    s: Session, part_id: int, location_id: int, guards: list[ColumnElement[bool]], **values: Any
) -> int:
    result = s.execute(
        update(StockLevel)
        .where(StockLevel.part_id == part_id, StockLevel.location_id == location_id, *guards)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return cast("CursorResult[Any]", result).rowcount


def ensure_level(s: Session, part_id: int, location_id: int) -> None:
    """Create the (part, location) row if missing; a concurrent creator is no error."""
    insert = postgresql.insert if s.get_bind().dialect.name == "postgresql" else sqlite.insert
    s.execute(
        insert(StockLevel)
        .values(part_id=part_id, location_id=location_id, on_hand=0, reserved=0)
        .on_conflict_do_nothing(index_elements=[StockLevel.part_id, StockLevel.location_id])
    )


def add_stock(s: Session, part_id: int, location_id: int, qty: int) -> None:
    if _update_level(s, part_id, location_id, [], on_hand=StockLevel.on_hand + qty) == 0:
        ensure_level(s, part_id, location_id)
        _update_level(s, part_id, location_id, [], on_hand=StockLevel.on_hand + qty)


def take_stock(s: Session, part: Part, location: StockLocation, qty: int, guard: Guard) -> None:
    """Decrement on hand by ``qty`` if the guard allows it, else NotEnoughStock."""
    on_hand, reserved = StockLevel.on_hand, StockLevel.reserved
    values: dict[str, Any] = {"on_hand": on_hand - qty}
    if guard is Guard.AVAILABLE:
        guards = [on_hand - reserved >= qty]
    elif guard is Guard.RESERVED:
        guards = [on_hand >= qty, reserved >= qty]
        values["reserved"] = reserved - qty
    else:
        guards = [on_hand >= qty]
    if _update_level(s, part.id, location.id, guards, **values) == 0:
        raise NotEnoughStock(
            part.code, location.name, qty, available_at(s, part.id, location.id, guard)
        )


def available_at(s: Session, part_id: int, location_id: int, guard: Guard = Guard.AVAILABLE) -> int:
    row = s.execute(
        select(StockLevel.on_hand, StockLevel.reserved).where(
            StockLevel.part_id == part_id, StockLevel.location_id == location_id
        )
    ).first()
    if row is None:
        return 0
    return max(0, row[0] - row[1]) if guard is Guard.AVAILABLE else row[0]


def reserve(s: Session, part: Part, location: StockLocation, qty: int) -> None:
    """Set ``qty`` free units aside for a requisition, else NotEnoughStock."""
    guards = [StockLevel.on_hand - StockLevel.reserved >= qty]
    if _update_level(s, part.id, location.id, guards, reserved=StockLevel.reserved + qty) == 0:
        raise NotEnoughStock(part.code, location.name, qty, available_at(s, part.id, location.id))


def release(s: Session, part_id: int, location_id: int, qty: int) -> None:
    guards = [StockLevel.reserved >= qty]
    if _update_level(s, part_id, location_id, guards, reserved=StockLevel.reserved - qty) == 0:
        raise RuntimeError(f"reservation of part {part_id} at {location_id} is out of step")


def post_movement(
    s: Session,
    actor: Actor,
    at: datetime,
    kind: MovementKind,
    part: Part,
    location: StockLocation,
    qty: int,
    *,
    guard: Guard = Guard.ON_HAND,
    **fields: Any,
) -> StockMovement:
    """Change on hand by the signed ``qty`` and append the ledger line for it."""
    if qty > 0:
        add_stock(s, part.id, location.id, qty)
    else:
        take_stock(s, part, location, -qty, guard)
    return append_movement(s, actor, at, kind, part, location, qty, **fields)


def append_movement(
    s: Session,
    actor: Actor,
    at: datetime,
    kind: MovementKind,
    part: Part,
    location: StockLocation,
    qty: int,
    **fields: Any,
) -> StockMovement:
    """Only the ledger line, for a caller that already changed the level itself
    (in the same transaction) to keep the lock order."""
    movement = StockMovement(
        at=at,
        user_id=actor.user_id,
        kind=kind,
        part_id=part.id,
        location_id=location.id,
        quantity=qty,
        **fields,
    )
    s.add(movement)
    s.flush()
    return movement


# ---------------------------------------------------------------- tickets' parts (in a transaction)


@dataclass(frozen=True)
class TicketForParts:
    id: int
    number: str
    status: TicketStatus
    chargeable: bool


def lock_ticket(s: Session, ticket_id: int, *, exclusive: bool) -> TicketForParts:
    """Lock the ticket row (shared: it may not change state meanwhile; exclusive:
    its parts charge is about to be recomputed) without loading the ORM object,
    so that its version, which guards clerks' edits, is not bumped."""
    row = s.execute(
        select(Ticket.id, Ticket.number, Ticket.status, Ticket.chargeable)
        .where(Ticket.id == ticket_id)
        .with_for_update(read=not exclusive)
    ).first()
    if row is None:
        raise NotFound("ticket", ticket_id)
    return TicketForParts(row[0], row[1], TicketStatus(row[2]), bool(row[3]))


def refuse_if_final(t: TicketForParts) -> None:
    if t.status in FINAL_STATES:
        if t.status is TicketStatus.CLOSED:
            raise ValidationError("ticket", "stock.ticket_closed", number=t.number)
        raise ValidationError("ticket", "stock.ticket_cancelled", number=t.number)


def parts_price_cents(s: Session, ticket_id: int) -> int:
    """Selling price of the parts a ticket used: issued minus returned, at the
    price fixed when they were requested."""
    used = RequisitionLine.issued_quantity - RequisitionLine.returned_quantity
    total = s.scalar(
        select(func.coalesce(func.sum(used * RequisitionLine.unit_price_cents), 0))
        .join(Requisition, Requisition.id == RequisitionLine.requisition_id)
        .where(
            Requisition.ticket_id == ticket_id,
            Requisition.status != RequisitionStatus.CANCELLED,
        )
    )
    return int(total or 0)


def parts_cost_cents(s: Session, ticket_id: int) -> int:
    """What the parts a ticket used cost the shop, from the ledger at cost price."""
    total = s.scalar(
        select(
            func.coalesce(func.sum(-StockMovement.quantity * StockMovement.unit_cost_cents), 0)
        ).where(
            StockMovement.ticket_id == ticket_id,
            StockMovement.requisition_line_id.is_not(None),
        )
    )
    return int(total or 0)


def refresh_parts_charge(s: Session, ticket_id: int) -> int:
    """Recompute Ticket.parts_cents from the requisitions: the used parts' price when
    the ticket is chargeable, 0 otherwise. A closed or cancelled ticket's bill is
    final and stays as it is. The caller holds the ticket lock (``lock_ticket``
    exclusive); services that change a ticket's ``chargeable`` call this too."""
    t = lock_ticket(s, ticket_id, exclusive=True)
    if t.status in FINAL_STATES:
        return int(s.scalar(select(Ticket.parts_cents).where(Ticket.id == ticket_id)) or 0)
    charge = parts_price_cents(s, ticket_id) if t.chargeable else 0
    s.execute(
        update(Ticket)
        .where(Ticket.id == ticket_id)
        .values(parts_cents=charge)
        .execution_options(synchronize_session="evaluate")
    )
    return charge
