"""The stock ledger (配件台账) as the parts clerk uses it: receipts, transfers,
adjustments, reversals, and the reads (levels per part and location, ledger
lines with who, when and why), and ``check_stock`` behind ``desk-app stock check``.

Every movement goes through ``stock_ledger.post_movement`` (see there for the
guarantees). History is never edited: a mistake is corrected by ``reverse``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, select, text
from sqlalchemy.orm import Session, aliased

from desk_app.db.models import (
    Part,
    Requisition,
    RequisitionLine,
    StockLevel,
    StockLocation,
    StockMovement,
    Ticket,
    User,
)
from desk_app.domain.enums import MovementKind, RequisitionStatus, StockLocationKind
from desk_app.domain.errors import NotFound, ValidationError
from desk_app.domain.permissions import Perm, require
from desk_app.domain.validation import clean_text, money_cents, quantity
from desk_app.services.core import audit, requests
from desk_app.services.core.database import Actor, Database
from desk_app.services.stock.ledger import (
    Guard,
    lock_ticket,
    post_movement,
    refresh_parts_charge,
)
from desk_app.services.stock.parts import MAX_QUANTITY, check_sellable, load_location, load_part

K = MovementKind


@dataclass(frozen=True)
class MovementView:
    """One ledger line with who, when and why."""

    id: int
    at: datetime
    kind: MovementKind
    part_id: int
    part_code: str
    part_name: str
    location_id: int
    location_code: str
    location_name: str
    quantity: int  # signed change of on hand at the location
    unit_cost_cents: int
    user: str
    reason: str | None
    supplier: str | None
    reference: str | None
    ticket_id: int | None
    ticket_number: str | None
    requisition_number: str | None
    requisition_line_id: int | None
    stocktake_id: int | None
    serial_fitted: str | None
    serial_removed: str | None
    transfer_group: str | None
    reverses_id: int | None
    reversed_by_id: int | None


@dataclass(frozen=True)
class StockLevelView:
    part_id: int
    part_code: str
    part_name: str
    spec: str | None
    unit: str
    location_id: int
    location_code: str
    location_name: str
    location_kind: StockLocationKind
    on_hand: int
    reserved: int

    @property
    def available(self) -> int:
        """Units free for new requisitions (negative: more reserved than on the shelf)."""
        return self.on_hand - self.reserved


# ---------------------------------------------------------------- views


def movement_views(
    s: Session,
    *conditions: ColumnElement[bool],
    newest_first: bool = True,
    limit: int | None = None,
    offset: int = 0,
) -> list[MovementView]:
    reversal = aliased(StockMovement)
    order = StockMovement.id.desc() if newest_first else StockMovement.id
    stmt = (
        select(
            StockMovement,
            Part.code,
            Part.name,
            StockLocation.code,
            StockLocation.name,
            User.display_name,
            Ticket.number,
            Requisition.number,
            reversal.id,
        )
        .join(Part, Part.id == StockMovement.part_id)
        .join(StockLocation, StockLocation.id == StockMovement.location_id)
        .join(User, User.id == StockMovement.user_id)
        .outerjoin(Ticket, Ticket.id == StockMovement.ticket_id)
        .outerjoin(RequisitionLine, RequisitionLine.id == StockMovement.requisition_line_id)
        .outerjoin(Requisition, Requisition.id == RequisitionLine.requisition_id)
        .outerjoin(reversal, reversal.reverses_id == StockMovement.id)
        .where(*conditions)
        .order_by(order)
        .offset(offset)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    return [
        MovementView(
            m.id,
            m.at,
            m.kind,
            m.part_id,
            code,
            name,
            m.location_id,
            loc_code,
            loc_name,
            m.quantity,
            m.unit_cost_cents,
            user,
            m.reason,
            m.supplier,
            m.reference,
            m.ticket_id,
            ticket_no,
            req_no,
            m.requisition_line_id,
            m.stocktake_id,
            m.serial_fitted,
            m.serial_removed,
            m.transfer_group,
            m.reverses_id,
            rev_id,
        )
        for m, code, name, loc_code, loc_name, user, ticket_no, req_no, rev_id in s.execute(stmt)
    ]


def _view_of(s: Session, movement_id: int) -> MovementView:
    views = movement_views(s, StockMovement.id == movement_id)
    if not views:
        raise NotFound("movement", movement_id)
    return views[0]


def _group_views(s: Session, ids: list[int]) -> list[MovementView]:
    views = {v.id: v for v in movement_views(s, StockMovement.id.in_(ids))}
    return [views[i] for i in ids]


def _text(value: str | None, field: str, max_length: int) -> str | None:
    return clean_text(value, field, max_length=max_length)


def _reason(value: str | None, *, required: bool) -> str | None:
    return clean_text(value, "reason", max_length=1000, required=required, multiline=True)


# ---------------------------------------------------------------- movements


def receive(
    db: Database,
    actor: Actor,
    part_id: int,
    location_id: int,
    qty: int,
    *,
    unit_cost_cents: int | None = None,
    supplier: str | None = None,
    reference: str | None = None,
    reason: str | None = None,
    request_id: str | None = None,
) -> MovementView:
    """入库: units arrive at a store or van (cost defaults to the catalogue cost)."""
    require(actor.username, actor.roles, Perm.MOVE_STOCK)
    qty = quantity(qty, "quantity", maximum=MAX_QUANTITY)
    cost = None if unit_cost_cents is None else money_cents(unit_cost_cents, "unit_cost")
    supplier = _text(supplier, "supplier", 100)
    reference = _text(reference, "reference", 60)
    note = _reason(reason, required=False)

    def tx(s: Session) -> MovementView:
        done = requests.already_done(s, request_id, "stock.receive")
        if done is not None:
            return _view_of(s, done)
        part = load_part(s, part_id)
        location = load_location(s, location_id)
        check_sellable(location)
        now = db.now()
        m = post_movement(
            s,
            actor,
            now,
            K.RECEIPT,
            part,
            location,
            qty,
            unit_cost_cents=part.cost_cents if cost is None else cost,
            supplier=supplier,
            reference=reference,
            reason=note,
        )
        requests.remember(s, request_id, "stock.receive", m.id, now)
        audit.record(
            s,
            actor,
            "stock.receive",
            "part",
            part.id,
            {
                "movement": m.id,
                "location": location.code,
                "quantity": qty,
                "supplier": supplier,
                "reference": reference,
            },
            at=now,
        )
        return _view_of(s, m.id)

    return db.write(tx)


def transfer(
    db: Database,
    actor: Actor,
    part_id: int,
    from_location_id: int,
    to_location_id: int,
    qty: int,
    *,
    reason: str | None = None,
    request_id: str | None = None,
) -> list[MovementView]:
    """Move free units between locations: TRANSFER_OUT and TRANSFER_IN sharing a
    transfer group. Moving a faulty part into the quarantine is allowed; out of it, never."""
    require(actor.username, actor.roles, Perm.MOVE_STOCK)
    qty = quantity(qty, "quantity", maximum=MAX_QUANTITY)
    note = _reason(reason, required=False)
    if from_location_id == to_location_id:
        raise ValidationError("to_location", "stock.same_location")

    def tx(s: Session) -> list[MovementView]:
        done = requests.already_done(s, request_id, "stock.transfer")
        if done is not None:
            group = s.scalar(select(StockMovement.transfer_group).where(StockMovement.id == done))
            views = movement_views(s, StockMovement.transfer_group == group, newest_first=False)
            return sorted(views, key=lambda v: v.kind is not K.TRANSFER_OUT)
        part = load_part(s, part_id)
        source = load_location(s, from_location_id)
        target = load_location(s, to_location_id)
        check_sellable(source, "from_location")
        if not target.active:
            raise ValidationError("to_location", "stock.location_retired", location=target.name)
        now = db.now()
        group = str(uuid.uuid4())
        legs = [(source, K.TRANSFER_OUT, -qty), (target, K.TRANSFER_IN, qty)]
        ids: dict[MovementKind, int] = {}
        for location, kind, signed in sorted(legs, key=lambda leg: leg[0].id):
            m = post_movement(
                s,
                actor,
                now,
                kind,
                part,
                location,
                signed,
                guard=Guard.AVAILABLE,
                unit_cost_cents=part.cost_cents,
                transfer_group=group,
                reason=note,
            )
            ids[kind] = m.id
        requests.remember(s, request_id, "stock.transfer", ids[K.TRANSFER_OUT], now)
        audit.record(
            s,
            actor,
            "stock.transfer",
            "part",
            part.id,
            {"from": source.code, "to": target.code, "quantity": qty, "group": group},
            at=now,
        )
        return _group_views(s, [ids[K.TRANSFER_OUT], ids[K.TRANSFER_IN]])

    return db.write(tx)


def adjust(
    db: Database,
    actor: Actor,
    part_id: int,
    location_id: int,
    delta: int,
    reason: str,
    *,
    request_id: str | None = None,
) -> MovementView:
    """Correct on hand by ``delta`` (found, broken, lost ...); a reason is required.

    A decrease may not make on hand negative, but may leave fewer units than are
    reserved: the shelf is the truth, and the shortage shows as negative
    availability and on the low-stock list."""
    require(actor.username, actor.roles, Perm.MOVE_STOCK)
    if isinstance(delta, bool) or not isinstance(delta, int) or delta == 0:
        raise ValidationError("delta", "stock.nonzero_whole_number")
    quantity(abs(delta), "delta", maximum=MAX_QUANTITY)
    why = _reason(reason, required=True)

    def tx(s: Session) -> MovementView:
        done = requests.already_done(s, request_id, "stock.adjust")
        if done is not None:
            return _view_of(s, done)
        part = load_part(s, part_id)
        location = load_location(s, location_id)
        now = db.now()
        m = post_movement(
            s,
            actor,
            now,
            K.ADJUSTMENT,
            part,
            location,
            delta,
            unit_cost_cents=part.cost_cents,
            reason=why,
        )
        requests.remember(s, request_id, "stock.adjust", m.id, now)
        audit.record(
            s,
            actor,
            "stock.adjust",
            "part",
            part.id,
            {"movement": m.id, "location": location.code, "delta": delta, "reason": why},
            at=now,
        )
        return _view_of(s, m.id)

    return db.write(tx)


# Advisory-lock namespace of "this movement is being reversed" (any constant int4).
_REVERSING = 0x5EE5


def _lock_movement(s: Session, movement_id: int) -> None:
    """Hold "reversing movement ``movement_id``" until the transaction ends.

    The ledger is append-only: desks have no UPDATE privilege on it, which PostgreSQL
    requires for ``SELECT ... FOR UPDATE``, so two reversals of one movement are
    serialised by a transaction-scoped advisory lock on its id instead (the second
    then finds the first's reversal). SQLite: the write transaction holds the lock.
    """
    if s.get_bind().dialect.name == "postgresql":
        s.execute(
            text("SELECT pg_advisory_xact_lock(CAST(:ns AS integer), CAST(:id AS integer))"),
            {"ns": _REVERSING, "id": movement_id},
        )


def reverse(db: Database, actor: Actor, movement_id: int, reason: str) -> list[MovementView]:
    """Undo a movement by appending its opposite (REVERSAL, reverses_id set), once.

    A transfer is reversed as a whole (both legs). Reversing an issue or a
    return also corrects the requisition line and the ticket's parts charge.
    NotEnoughStock if the units to take back are no longer there.
    """
    require(actor.username, actor.roles, Perm.MOVE_STOCK)
    why = _reason(reason, required=True)

    def tx(s: Session) -> list[MovementView]:
        _lock_movement(s, movement_id)
        original = s.scalar(select(StockMovement).where(StockMovement.id == movement_id))
        if original is None:
            raise NotFound("movement", movement_id)
        if original.kind is K.REVERSAL:
            raise ValidationError("movement", "stock.reversal_not_reversible")
        if original.kind is K.DAMAGED_RETURN:
            raise ValidationError("movement", "stock.damaged_return_not_reversible")
        ticket = None
        if original.requisition_line_id is not None and original.ticket_id is not None:
            ticket = lock_ticket(s, original.ticket_id, exclusive=True)
        legs = [original]
        if original.transfer_group and original.kind in (K.TRANSFER_OUT, K.TRANSFER_IN):
            legs = list(
                s.scalars(
                    select(StockMovement)
                    .where(
                        StockMovement.transfer_group == original.transfer_group,
                        StockMovement.kind.in_([K.TRANSFER_OUT, K.TRANSFER_IN]),
                    )
                    .order_by(StockMovement.id)
                )
            )
            for leg in legs:
                _lock_movement(s, leg.id)
        for leg in legs:
            done = movement_views(s, StockMovement.reverses_id == leg.id)
            if done:
                raise ValidationError(
                    "movement",
                    "stock.movement_already_reversed",
                    movement=leg.id,
                    who=done[0].user,
                    when=done[0].at,
                )
        if original.requisition_line_id is not None:
            _unwind_line(s, original)
        now = db.now()
        group = str(uuid.uuid4()) if len(legs) > 1 else None
        ids: dict[int, int] = {}
        for leg in sorted(legs, key=lambda m: m.location_id):
            m = post_movement(
                s,
                actor,
                now,
                K.REVERSAL,
                load_part(s, leg.part_id),
                load_location(s, leg.location_id),
                -leg.quantity,
                reverses_id=leg.id,
                ticket_id=leg.ticket_id,
                requisition_line_id=leg.requisition_line_id,
                unit_cost_cents=leg.unit_cost_cents,
                transfer_group=group,
                reason=why,
            )
            ids[leg.id] = m.id
        if ticket is not None:
            refresh_parts_charge(s, ticket.id)
        audit.record(
            s,
            actor,
            "stock.reverse",
            "part",
            original.part_id,
            {"reversed": [leg.id for leg in legs], "movements": list(ids.values()), "reason": why},
            at=now,
        )
        return _group_views(s, [ids[leg.id] for leg in legs])

    return db.write(tx)


def _unwind_line(s: Session, m: StockMovement) -> None:
    """Take a reversed issue or return off its requisition line."""
    line = s.scalar(
        select(RequisitionLine).where(RequisitionLine.id == m.requisition_line_id).with_for_update()
    )
    assert line is not None
    if m.kind is K.ISSUE:
        if line.issued_quantity + m.quantity < line.returned_quantity:
            raise ValidationError("movement", "stock.return_reversed_first")
        line.issued_quantity += m.quantity  # m.quantity is negative for an issue
    elif m.kind is K.RETURN:
        line.returned_quantity -= m.quantity


# ---------------------------------------------------------------- reads


def stock_levels(
    db: Database,
    actor: Actor,
    *,
    part_id: int | None = None,
    location_id: int | None = None,
    include_empty: bool = False,
) -> list[StockLevelView]:
    """On hand and reserved per part and location, by part code then location code."""
    require(actor.username, actor.roles, Perm.VIEW_STOCK)

    def q(s: Session) -> list[StockLevelView]:
        stmt = (
            select(StockLevel, Part, StockLocation)
            .join(Part, Part.id == StockLevel.part_id)
            .join(StockLocation, StockLocation.id == StockLevel.location_id)
            .order_by(Part.code, StockLocation.code)
        )
        if part_id is not None:
            stmt = stmt.where(StockLevel.part_id == part_id)
        if location_id is not None:
            stmt = stmt.where(StockLevel.location_id == location_id)
        if not include_empty:
            stmt = stmt.where((StockLevel.on_hand != 0) | (StockLevel.reserved != 0))
        return [
            StockLevelView(
                p.id,
                p.code,
                p.name,
                p.spec,
                p.unit,
                loc.id,
                loc.code,
                loc.name,
                loc.kind,
                lvl.on_hand,
                lvl.reserved,
            )
            for lvl, p, loc in s.execute(stmt)
        ]

    return db.read(q)


def ledger(
    db: Database,
    actor: Actor,
    *,
    part_id: int | None = None,
    location_id: int | None = None,
    ticket_id: int | None = None,
    limit: int = 500,
    offset: int = 0,
) -> list[MovementView]:
    """Ledger lines, newest first, filtered by part, location and/or ticket."""
    require(actor.username, actor.roles, Perm.VIEW_STOCK)
    conditions: list[ColumnElement[bool]] = []
    if part_id is not None:
        conditions.append(StockMovement.part_id == part_id)
    if location_id is not None:
        conditions.append(StockMovement.location_id == location_id)
    if ticket_id is not None:
        conditions.append(StockMovement.ticket_id == ticket_id)
    return db.read(lambda s: movement_views(s, *conditions, limit=limit, offset=offset))


def get_movement(db: Database, actor: Actor, movement_id: int) -> MovementView:
    require(actor.username, actor.roles, Perm.VIEW_STOCK)
    return db.read(lambda s: _view_of(s, movement_id))


# ---------------------------------------------------------------- consistency


@dataclass(frozen=True)
class StockDifference:
    """One (part, location) whose recorded figure disagrees with what it must be.

    ``what`` is "on_hand" (must equal the sum of the ledger) or "reserved" (must
    equal the units of open requisitions not yet issued)."""

    part_id: int
    part_code: str
    location_id: int
    location_code: str
    what: str
    recorded: int
    expected: int

    def __str__(self) -> str:
        where = f"{self.part_code} at {self.location_code}"
        if self.what == "on_hand":
            return f"{where}: on hand {self.recorded}, ledger sum {self.expected}"
        return f"{where}: reserved {self.recorded}, open requisitions {self.expected}"


def check_stock(db: Database) -> list[StockDifference]:
    """Every disagreement between StockLevel and the ledger / open requisitions,
    including pairs present on one side only. Empty means consistent."""

    def q(s: Session) -> list[StockDifference]:
        levels = {
            (p, loc): (on, res)
            for p, loc, on, res in s.execute(
                select(
                    StockLevel.part_id,
                    StockLevel.location_id,
                    StockLevel.on_hand,
                    StockLevel.reserved,
                )
            )
        }
        sums = {
            (p, loc): int(total or 0)
            for p, loc, total in s.execute(
                select(
                    StockMovement.part_id,
                    StockMovement.location_id,
                    func.sum(StockMovement.quantity),
                ).group_by(StockMovement.part_id, StockMovement.location_id)
            )
        }
        open_units = RequisitionLine.quantity - RequisitionLine.issued_quantity
        reservations = {
            (p, loc): int(total or 0)
            for p, loc, total in s.execute(
                select(RequisitionLine.part_id, RequisitionLine.location_id, func.sum(open_units))
                .join(Requisition, Requisition.id == RequisitionLine.requisition_id)
                .where(Requisition.status == RequisitionStatus.OPEN)
                .group_by(RequisitionLine.part_id, RequisitionLine.location_id)
            )
        }
        found: list[tuple[int, int, str, int, int]] = []
        for key in sorted(set(levels) | set(sums) | set(reservations)):
            on_hand, reserved = levels.get(key, (0, 0))
            if on_hand != sums.get(key, 0):
                found.append((*key, "on_hand", on_hand, sums.get(key, 0)))
            if reserved != reservations.get(key, 0):
                found.append((*key, "reserved", reserved, reservations.get(key, 0)))
        if not found:
            return []
        codes = dict(s.execute(select(Part.id, Part.code)).all())
        locations = dict(s.execute(select(StockLocation.id, StockLocation.code)).all())
        return [
            StockDifference(p, codes.get(p, "?"), loc, locations.get(loc, "?"), what, rec, exp)
            for p, loc, what, rec, exp in found
        ]

    return db.read(q)
