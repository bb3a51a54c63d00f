"""配件领用单: parts requested for a ticket, reserved at once, issued, returned unused.

A requisition reserves its units the moment it is raised, so the demand shows
on the stock screens before anything leaves the shelf. Issuing it turns the
reservation into ISSUE movements and puts the parts' price on the ticket when
the ticket is chargeable; the parts (and their cost) show on the ticket either
way through ``ticket_parts``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, aliased

from desk_app.db.models import (
    Part,
    Requisition,
    RequisitionLine,
    StockLocation,
    StockMovement,
    Technician,
    Ticket,
    User,
)
from desk_app.domain.enums import MovementKind, RequisitionStatus
from desk_app.domain.errors import NotFound, ValidationError
from desk_app.domain.permissions import Perm, require
from desk_app.domain.validation import choice, clean_text, quantity
from desk_app.services.admin import settings
from desk_app.services.core import audit, numbers, requests
from desk_app.services.core.database import Actor, Database
from desk_app.services.stock.ledger import (
    Guard,
    TicketForParts,
    append_movement,
    lock_ticket,
    parts_cost_cents,
    parts_price_cents,
    post_movement,
    refresh_parts_charge,
    refuse_if_final,
    release,
    reserve,
    take_stock,
)
from desk_app.services.stock.parts import MAX_QUANTITY, check_sellable, load_location, load_part

R = RequisitionStatus
MAX_LINES = 50


@dataclass(frozen=True)
class RequisitionLineView:
    id: int
    part_id: int
    part_code: str
    part_name: str
    spec: str | None
    unit: str
    location_id: int
    location_name: str
    quantity: int
    issued_quantity: int
    returned_quantity: int
    unit_price_cents: int
    serial_fitted: str | None
    serial_removed: str | None

    @property
    def used(self) -> int:
        """Units that stayed in the appliance: issued and not returned."""
        return self.issued_quantity - self.returned_quantity

    @property
    def price_cents(self) -> int:
        return self.used * self.unit_price_cents


@dataclass(frozen=True)
class RequisitionView:
    id: int
    number: str
    ticket_id: int
    ticket_number: str
    technician_id: int | None
    technician: str | None
    status: RequisitionStatus
    notes: str | None
    created_at: datetime
    created_by: str
    issued_at: datetime | None
    issued_by: str | None
    lines: tuple[RequisitionLineView, ...]
    version: int


@dataclass(frozen=True)
class TicketPartsView:
    """Every part requested for a ticket, and what it means for the bill."""

    ticket_id: int
    ticket_number: str
    chargeable: bool
    requisitions: tuple[RequisitionView, ...]
    price_cents: int  # used parts at the requested price, chargeable or not
    cost_cents: int  # used parts at cost, from the ledger
    charged_cents: int  # Ticket.parts_cents: what the customer pays for parts


# ---------------------------------------------------------------- views


def _views(s: Session, *conditions: ColumnElement[bool]) -> list[RequisitionView]:
    creator, issuer = aliased(User), aliased(User)
    rows = s.execute(
        select(
            Requisition,
            Ticket.number,
            Technician.name,
            creator.display_name,
            issuer.display_name,
        )
        .join(Ticket, Ticket.id == Requisition.ticket_id)
        .outerjoin(Technician, Technician.id == Requisition.technician_id)
        .join(creator, creator.id == Requisition.created_by)
        .outerjoin(issuer, issuer.id == Requisition.issued_by)
        .where(*conditions)
        .order_by(Requisition.id)
    ).all()
    ids = [r.id for r, *_ in rows]
    lines: dict[int, list[RequisitionLineView]] = {i: [] for i in ids}
    if ids:
        serials = _serials(s, ids)
        for line, part, loc_name in s.execute(
            select(RequisitionLine, Part, StockLocation.name)
            .join(Part, Part.id == RequisitionLine.part_id)
            .join(StockLocation, StockLocation.id == RequisitionLine.location_id)
            .where(RequisitionLine.requisition_id.in_(ids))
            .order_by(RequisitionLine.id)
        ):
            fitted, removed = serials.get(line.id, (None, None))
            lines[line.requisition_id].append(
                RequisitionLineView(
                    line.id,
                    part.id,
                    part.code,
                    part.name,
                    part.spec,
                    part.unit,
                    line.location_id,
                    loc_name,
                    line.quantity,
                    line.issued_quantity,
                    line.returned_quantity,
                    line.unit_price_cents,
                    fitted,
                    removed,
                )
            )
    return [
        RequisitionView(
            r.id,
            r.number,
            r.ticket_id,
            ticket_no,
            r.technician_id,
            tech,
            r.status,
            r.notes,
            r.created_at,
            by,
            r.issued_at,
            issued_by,
            tuple(lines[r.id]),
            r.version,
        )
        for r, ticket_no, tech, by, issued_by in rows
    ]


def _serials(s: Session, requisition_ids: list[int]) -> dict[int, tuple[str | None, str | None]]:
    out: dict[int, tuple[str | None, str | None]] = {}
    for line_id, fitted, removed in s.execute(
        select(
            StockMovement.requisition_line_id,
            StockMovement.serial_fitted,
            StockMovement.serial_removed,
        )
        .join(RequisitionLine, RequisitionLine.id == StockMovement.requisition_line_id)
        .where(
            RequisitionLine.requisition_id.in_(requisition_ids),
            StockMovement.kind == MovementKind.ISSUE,
        )
        .order_by(StockMovement.id)
    ):
        if line_id is not None and (fitted or removed):
            out[line_id] = (fitted, removed)
    return out


def _one(s: Session, requisition_id: int) -> RequisitionView:
    views = _views(s, Requisition.id == requisition_id)
    if not views:
        raise NotFound("requisition", requisition_id)
    return views[0]


def _lock_requisition(
    s: Session, requisition_id: int, *, exclusive_ticket: bool
) -> tuple[Requisition, TicketForParts]:
    """Lock the requisition's ticket first, then the requisition (the house order)."""
    ticket_id = s.scalar(select(Requisition.ticket_id).where(Requisition.id == requisition_id))
    if ticket_id is None:
        raise NotFound("requisition", requisition_id)
    ticket = lock_ticket(s, ticket_id, exclusive=exclusive_ticket)
    req = s.scalar(select(Requisition).where(Requisition.id == requisition_id).with_for_update())
    assert req is not None
    return req, ticket


def _refuse_unless_open(s: Session, req: Requisition) -> None:
    if req.status is R.ISSUED:
        who = s.get(User, req.issued_by) if req.issued_by else None
        raise ValidationError(
            "requisition",
            "stock.requisition_issued",
            number=req.number,
            who=who.display_name if who else None,
            when=req.issued_at,
        )
    if req.status is R.CANCELLED:
        raise ValidationError("requisition", "stock.requisition_cancelled", number=req.number)


def _clean_lines(lines: Sequence[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Checked lines, one per (part, location) (repeated lines are added up), in lock order."""
    if not lines:
        raise ValidationError("lines", "stock.no_lines")
    if len(lines) > MAX_LINES:
        raise ValidationError("lines", "stock.too_many_lines", limit=MAX_LINES)
    merged: dict[tuple[int, int], int] = {}
    for line in lines:
        try:
            part_id, location_id, qty = line
        except (TypeError, ValueError):
            raise ValidationError("lines", "stock.line_shape") from None
        quantity(qty, "quantity", maximum=MAX_QUANTITY)
        if isinstance(part_id, bool) or not isinstance(part_id, int):
            raise NotFound("part", part_id)
        if isinstance(location_id, bool) or not isinstance(location_id, int):
            raise NotFound("stock location", location_id)
        key = (part_id, location_id)
        merged[key] = quantity(merged.get(key, 0) + qty, "quantity", maximum=MAX_QUANTITY)
    return [(p, loc, q) for (p, loc), q in sorted(merged.items())]


def _check_technician(s: Session, technician_id: int | None) -> None:
    if technician_id is not None and s.get(Technician, technician_id) is None:
        raise NotFound("technician", technician_id)


# ---------------------------------------------------------------- use cases


def _audit_parts_charge(
    s: Session, actor: Actor, ticket_id: int, req: Requisition, charge: int, at: datetime
) -> None:
    """The ticket's side of an issue: its parts charge is now ``charge`` because of ``req``."""
    audit.record(
        s,
        actor,
        "ticket.parts",
        "ticket",
        ticket_id,
        {"requisition": req.number, "parts_cents": charge},
        at=at,
    )


def create_requisition(
    db: Database,
    actor: Actor,
    ticket_id: int,
    lines: Sequence[tuple[int, int, int]],
    *,
    technician_id: int | None = None,
    notes: str | None = None,
    request_id: str | None = None,
) -> RequisitionView:
    """Raise a requisition of ``lines`` = [(part_id, location_id, quantity)] for a
    ticket and reserve the units at once (NotEnoughStock if they are not free)."""
    require(actor.username, actor.roles, Perm.REQUEST_PARTS)
    clean = _clean_lines(lines)
    note = clean_text(notes, "notes", max_length=2000, multiline=True)

    def tx(s: Session) -> RequisitionView:
        done = requests.already_done(s, request_id, "requisition.create")
        if done is not None:
            return _one(s, done)
        # Shared lock: the ticket cannot be closed or cancelled under us.
        ticket = lock_ticket(s, ticket_id, exclusive=False)
        refuse_if_final(ticket)
        _check_technician(s, technician_id)
        now = db.now()
        planned = []
        for part_id, location_id, qty in clean:
            part, location = load_part(s, part_id), load_location(s, location_id)
            if not part.active:
                raise ValidationError(
                    "part", "stock.part_retired", part_code=part.code, part_name=part.name
                )
            check_sellable(location)
            reserve(s, part, location, qty)
            planned.append((part, location, qty))
        req = Requisition(
            number=numbers.next_number(s, "requisition", now, settings.timezone(s)),
            ticket_id=ticket.id,
            technician_id=technician_id,
            status=R.OPEN,
            notes=note,
            created_at=now,
            created_by=actor.user_id,
        )
        s.add(req)
        s.flush()
        for part, location, qty in planned:
            s.add(
                RequisitionLine(
                    requisition_id=req.id,
                    part_id=part.id,
                    location_id=location.id,
                    quantity=qty,
                    unit_price_cents=part.price_cents,
                )
            )
        s.flush()
        requests.remember(s, request_id, "requisition.create", req.id, now)
        audit.record(
            s,
            actor,
            "requisition.create",
            "requisition",
            req.id,
            {
                "number": req.number,
                "ticket": ticket.number,
                "lines": [[p.code, loc.code, q] for p, loc, q in planned],
            },
            at=now,
        )
        return _one(s, req.id)

    return db.write(tx)


def issue_requisition(
    db: Database,
    actor: Actor,
    requisition_id: int,
    serials: Mapping[int, tuple[str | None, str | None]] | None = None,
) -> RequisitionView:
    """出库: hand out every reserved unit of an open requisition.

    ``serials`` maps a line id to (serial of the part fitted, serial of the faulty
    part taken out). The ticket's parts charge is recomputed in the same
    transaction."""
    require(actor.username, actor.roles, Perm.MOVE_STOCK)
    clean_serials: dict[int, tuple[str | None, str | None]] = {}
    for line_id, pair in (serials or {}).items():
        try:
            fitted, removed = pair
        except (TypeError, ValueError):
            raise ValidationError("serials", "stock.serial_pair") from None
        clean_serials[line_id] = (
            clean_text(fitted, "serial_fitted", max_length=60),
            clean_text(removed, "serial_removed", max_length=60),
        )

    def tx(s: Session) -> RequisitionView:
        req, ticket = _lock_requisition(s, requisition_id, exclusive_ticket=True)
        _refuse_unless_open(s, req)
        refuse_if_final(ticket)
        unknown = set(clean_serials) - {line.id for line in req.lines}
        if unknown:
            raise ValidationError(
                "serials", "stock.line_not_on_requisition", line=min(unknown), number=req.number
            )
        now = db.now()
        for line in sorted(req.lines, key=lambda ln: (ln.part_id, ln.location_id)):
            qty = line.quantity - line.issued_quantity
            if qty <= 0:
                continue
            part = load_part(s, line.part_id)
            fitted, removed = clean_serials.get(line.id, (None, None))
            post_movement(
                s,
                actor,
                now,
                MovementKind.ISSUE,
                part,
                load_location(s, line.location_id),
                -qty,
                guard=Guard.RESERVED,
                unit_cost_cents=part.cost_cents,
                ticket_id=ticket.id,
                requisition_line_id=line.id,
                serial_fitted=fitted,
                serial_removed=removed,
                reason=req.number,
            )
            line.issued_quantity += qty
        req.status, req.issued_at, req.issued_by = R.ISSUED, now, actor.user_id
        s.flush()
        charge = refresh_parts_charge(s, ticket.id)
        audit.record(
            s,
            actor,
            "requisition.issue",
            "requisition",
            req.id,
            {"number": req.number, "ticket": ticket.number, "parts_cents": charge},
            at=now,
        )
        _audit_parts_charge(s, actor, ticket.id, req, charge, now)
        return _one(s, req.id)

    return db.write(tx)


def issue_direct(
    db: Database,
    actor: Actor,
    ticket_id: int,
    part_id: int,
    location_id: int,
    qty: int,
    *,
    reason: str,
    serial_fitted: str | None = None,
    serial_removed: str | None = None,
    technician_id: int | None = None,
    request_id: str | None = None,
) -> RequisitionView:
    """Emergency issue without a prior requisition: the requisition is written and
    issued in the same transaction, from free (unreserved) units only.

    ``reason`` (why the parts could not wait for a requisition) is required; it is
    the requisition's notes and goes into the audit row."""
    require(actor.username, actor.roles, Perm.MOVE_STOCK)
    qty = quantity(qty, "quantity", maximum=MAX_QUANTITY)
    why = clean_text(reason, "reason", max_length=1000, required=True, multiline=True)
    fitted = clean_text(serial_fitted, "serial_fitted", max_length=60)
    removed = clean_text(serial_removed, "serial_removed", max_length=60)

    def tx(s: Session) -> RequisitionView:
        done = requests.already_done(s, request_id, "requisition.issue_direct")
        if done is not None:
            return _one(s, done)
        ticket = lock_ticket(s, ticket_id, exclusive=True)
        refuse_if_final(ticket)
        _check_technician(s, technician_id)
        part, location = load_part(s, part_id), load_location(s, location_id)
        if not part.active:
            raise ValidationError(
                "part", "stock.part_retired", part_code=part.code, part_name=part.name
            )
        check_sellable(location)
        now = db.now()
        # Stock first, the requisition number after: the house lock order.
        take_stock(s, part, location, qty, Guard.AVAILABLE)
        req = Requisition(
            number=numbers.next_number(s, "requisition", now, settings.timezone(s)),
            ticket_id=ticket.id,
            technician_id=technician_id,
            status=R.ISSUED,
            notes=why,
            created_at=now,
            created_by=actor.user_id,
            issued_at=now,
            issued_by=actor.user_id,
        )
        s.add(req)
        s.flush()
        line = RequisitionLine(
            requisition_id=req.id,
            part_id=part.id,
            location_id=location.id,
            quantity=qty,
            issued_quantity=qty,
            unit_price_cents=part.price_cents,
        )
        s.add(line)
        s.flush()
        append_movement(
            s,
            actor,
            now,
            MovementKind.ISSUE,
            part,
            location,
            -qty,
            unit_cost_cents=part.cost_cents,
            ticket_id=ticket.id,
            requisition_line_id=line.id,
            serial_fitted=fitted,
            serial_removed=removed,
            reason=req.number,
        )
        charge = refresh_parts_charge(s, ticket.id)
        requests.remember(s, request_id, "requisition.issue_direct", req.id, now)
        audit.record(
            s,
            actor,
            "requisition.issue_direct",
            "requisition",
            req.id,
            {
                "number": req.number,
                "ticket": ticket.number,
                "part": part.code,
                "location": location.code,
                "quantity": qty,
                "parts_cents": charge,
                "reason": why,
            },
            at=now,
        )
        _audit_parts_charge(s, actor, ticket.id, req, charge, now)
        return _one(s, req.id)

    return db.write(tx)


def cancel_requisition(
    db: Database, actor: Actor, requisition_id: int, reason: str
) -> RequisitionView:
    """Withdraw an open requisition and free its reserved units."""
    require(actor.username, actor.roles, Perm.REQUEST_PARTS)
    why = clean_text(reason, "reason", max_length=1000, required=True, multiline=True)

    def tx(s: Session) -> RequisitionView:
        req, _ticket = _lock_requisition(s, requisition_id, exclusive_ticket=False)
        _refuse_unless_open(s, req)
        now = db.now()
        for line in sorted(req.lines, key=lambda ln: (ln.part_id, ln.location_id)):
            release(s, line.part_id, line.location_id, line.quantity - line.issued_quantity)
        req.status = R.CANCELLED
        req.notes = f"{req.notes}\n{why}" if req.notes else why
        s.flush()
        audit.record(
            s,
            actor,
            "requisition.cancel",
            "requisition",
            req.id,
            {"number": req.number, "reason": why},
            at=now,
        )
        return _one(s, req.id)

    return db.write(tx)


def return_unused(
    db: Database,
    actor: Actor,
    requisition_line_id: int,
    qty: int,
    *,
    reason: str | None = None,
    request_id: str | None = None,
) -> RequisitionView:
    """Unused parts back on the shelf they came from (RETURN movement). The
    ticket's parts charge drops accordingly unless the ticket is already closed,
    whose bill is final."""
    require(actor.username, actor.roles, Perm.MOVE_STOCK)
    qty = quantity(qty, "quantity", maximum=MAX_QUANTITY)
    note = clean_text(reason, "reason", max_length=1000, multiline=True)

    def tx(s: Session) -> RequisitionView:
        done = requests.already_done(s, request_id, "requisition.return")
        if done is not None:
            return _one(s, done)
        requisition_id = s.scalar(
            select(RequisitionLine.requisition_id).where(RequisitionLine.id == requisition_line_id)
        )
        if requisition_id is None:
            raise NotFound("requisition line", requisition_line_id)
        req, _ticket = _lock_requisition(s, requisition_id, exclusive_ticket=True)
        line = next(ln for ln in req.lines if ln.id == requisition_line_id)
        out = line.issued_quantity - line.returned_quantity
        if qty > out:
            raise ValidationError("quantity", "stock.return_more_than_out", out=out)
        part = load_part(s, line.part_id)
        location = load_location(s, line.location_id)
        now = db.now()
        issue_cost = s.scalar(
            select(StockMovement.unit_cost_cents)
            .where(
                StockMovement.requisition_line_id == line.id,
                StockMovement.kind == MovementKind.ISSUE,
            )
            .order_by(StockMovement.id)
            .limit(1)
        )
        m = post_movement(
            s,
            actor,
            now,
            MovementKind.RETURN,
            part,
            location,
            qty,
            unit_cost_cents=part.cost_cents if issue_cost is None else issue_cost,
            ticket_id=req.ticket_id,
            requisition_line_id=line.id,
            reason=note or req.number,
        )
        line.returned_quantity += qty
        s.flush()
        charge = refresh_parts_charge(s, req.ticket_id)
        requests.remember(s, request_id, "requisition.return", req.id, now)
        audit.record(
            s,
            actor,
            "requisition.return",
            "requisition",
            req.id,
            {
                "number": req.number,
                "part": part.code,
                "quantity": qty,
                "movement": m.id,
                "parts_cents": charge,
            },
            at=now,
        )
        return _one(s, req.id)

    return db.write(tx)


# ---------------------------------------------------------------- reads


def get_requisition(db: Database, actor: Actor, requisition_id: int) -> RequisitionView:
    require(actor.username, actor.roles, Perm.VIEW_STOCK)
    return db.read(lambda s: _one(s, requisition_id))


def list_requisitions(
    db: Database,
    actor: Actor,
    *,
    status: RequisitionStatus | None = None,
    ticket_id: int | None = None,
    limit: int = 200,
) -> list[RequisitionView]:
    """Requisitions oldest first (the parts clerk's queue: ``status=OPEN``)."""
    require(actor.username, actor.roles, Perm.VIEW_STOCK)
    conditions: list[ColumnElement[bool]] = []
    if status is not None:
        conditions.append(Requisition.status == choice(RequisitionStatus, status, "status"))
    if ticket_id is not None:
        conditions.append(Requisition.ticket_id == ticket_id)

    def q(s: Session) -> list[RequisitionView]:
        ids = list(
            s.scalars(
                select(Requisition.id).where(*conditions).order_by(Requisition.id).limit(limit)
            )
        )
        return _views(s, Requisition.id.in_(ids)) if ids else []

    return db.read(q)


def ticket_parts(db: Database, actor: Actor, ticket_id: int) -> TicketPartsView:
    """The parts of one ticket with price and cost, whether it is chargeable or not."""
    require(actor.username, actor.roles, Perm.VIEW_STOCK)

    def q(s: Session) -> TicketPartsView:
        row = s.execute(
            select(Ticket.number, Ticket.chargeable, Ticket.parts_cents, Ticket.status).where(
                Ticket.id == ticket_id
            )
        ).first()
        if row is None:
            raise NotFound("ticket", ticket_id)
        number, chargeable, charged, _status = row
        return TicketPartsView(
            ticket_id,
            number,
            bool(chargeable),
            tuple(_views(s, Requisition.ticket_id == ticket_id)),
            parts_price_cents(s, ticket_id),
            parts_cost_cents(s, ticket_id),
            int(charged),
        )

    return db.read(q)


def release_ticket_reservations(s: Session, actor: Actor, ticket_id: int, at: datetime) -> int:
    """Inside the caller's transaction: cancel the ticket's open requisitions and
    free their units. For the tickets service to call when a ticket is cancelled;
    returns how many requisitions were cancelled."""
    reqs = list(
        s.scalars(
            select(Requisition)
            .where(Requisition.ticket_id == ticket_id, Requisition.status == R.OPEN)
            .order_by(Requisition.id)
            .with_for_update()
        )
    )
    for req in reqs:
        for line in sorted(req.lines, key=lambda ln: (ln.part_id, ln.location_id)):
            release(s, line.part_id, line.location_id, line.quantity - line.issued_quantity)
        req.status = R.CANCELLED
        audit.record(
            s,
            actor,
            "requisition.cancel",
            "requisition",
            req.id,
            {"number": req.number, "reason": "ticket cancelled"},
            at=at,
        )
    s.flush()
    return len(reqs)
