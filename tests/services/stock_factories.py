"""Stock test data built through the services: parts, locations, closed tickets,
and a snapshot of every stock table to prove a refusal wrote nothing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk_app.db.models import (
    AuditLog,
    DamagedPart,
    Requisition,
    RequisitionLine,
    StockLevel,
    StockMovement,
    Stocktake,
    StocktakeLine,
    Ticket,
)
from desk_app.domain.enums import StockLocationKind, TicketStatus
from desk_app.services.core.database import Actor, Database
from desk_app.services.stock import parts
from desk_app.services.stock.parts import LocationView, PartDraft, PartView
from desk_app.services.stock.stock import check_stock
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import Completion

S = TicketStatus
#: the reason an emergency issue (``issue_direct``) must give
URGENT = "急修：客户在现场等待"


def part(
    db: Database,
    actor: Actor,
    code: str = "P-10023",
    name: str = "压缩机启动电容",
    *,
    price_cents: int = 3500,
    cost_cents: int = 2000,
    **kwargs: Any,
) -> PartView:
    return parts.create_part(
        db,
        actor,
        PartDraft(code, name, price_cents=price_cents, cost_cents=cost_cents, **kwargs),
    )


def location(
    db: Database,
    actor: Actor,
    code: str = "MAIN",
    name: str = "总仓",
    kind: StockLocationKind = StockLocationKind.STORE,
) -> LocationView:
    return parts.create_location(db, actor, code, name, kind)


def close_ticket(db: Database, manager: Actor, ticket_id: int) -> None:
    tickets.change_status(db, manager, ticket_id, S.DISPATCHED)
    tickets.change_status(db, manager, ticket_id, S.IN_SERVICE)
    tickets.complete(db, manager, ticket_id, Completion("电容损坏", "更换电容"))
    tickets.change_status(db, manager, ticket_id, S.CLOSED)


def snapshot(db: Database) -> dict[str, Any]:
    """Everything a stock use case may write, to compare before and after a refusal."""

    def q(s: Session) -> dict[str, Any]:
        counts = {
            m.__name__: s.scalar(select(func.count()).select_from(m))
            for m in (
                StockMovement,
                Requisition,
                RequisitionLine,
                DamagedPart,
                Stocktake,
                StocktakeLine,
                AuditLog,
            )
        }
        levels = sorted(
            s.execute(
                select(
                    StockLevel.part_id,
                    StockLevel.location_id,
                    StockLevel.on_hand,
                    StockLevel.reserved,
                )
            )
        )
        issued = sorted(
            s.execute(
                select(
                    RequisitionLine.id,
                    RequisitionLine.issued_quantity,
                    RequisitionLine.returned_quantity,
                )
            )
        )
        charges = sorted(s.execute(select(Ticket.id, Ticket.parts_cents)))
        statuses = sorted(s.execute(select(Requisition.id, Requisition.status)))
        return {
            "counts": counts,
            "levels": levels,
            "lines": issued,
            "charges": charges,
            "requisitions": statuses,
        }

    return db.read(q)


def level(db: Database, part_id: int, location_id: int) -> tuple[int, int]:
    """(on hand, reserved) straight from the table."""
    row = db.read(
        lambda s: s.execute(
            select(StockLevel.on_hand, StockLevel.reserved).where(
                StockLevel.part_id == part_id, StockLevel.location_id == location_id
            )
        ).first()
    )
    return (0, 0) if row is None else (row[0], row[1])


def assert_balanced(db: Database) -> None:
    assert check_stock(db) == []
