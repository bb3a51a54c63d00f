"""Parts, stock locations, on-hand levels, the append-only ledger, requisitions, stocktakes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desk_app.db.base import Base, JSONType, str_enum
from desk_app.domain.enums import (
    DamagedDisposition,
    MovementKind,
    RequisitionStatus,
    StockLocationKind,
)


class Part(Base):
    __tablename__ = "parts"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    barcode: Mapped[str | None] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    spec: Mapped[str | None] = mapped_column(String(100))  # specification / model
    compatible_models: Mapped[list[str]] = mapped_column(JSONType, default=list)
    unit: Mapped[str] = mapped_column(String(10), default="个")
    cost_cents: Mapped[int] = mapped_column(default=0)
    price_cents: Mapped[int] = mapped_column(default=0)
    bin_location: Mapped[str | None] = mapped_column(String(30))
    reorder_point: Mapped[int] = mapped_column(default=0)
    reorder_qty: Mapped[int] = mapped_column(default=0)
    serialized: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        CheckConstraint(
            "cost_cents >= 0 AND price_cents >= 0 AND reorder_point >= 0 AND reorder_qty >= 0",
            name="non_negative",
        ),
    )


class StockLocation(Base):
    __tablename__ = "stock_locations"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    kind: Mapped[StockLocationKind] = mapped_column(str_enum(StockLocationKind))
    technician_id: Mapped[int | None] = mapped_column(ForeignKey("technicians.id"))
    active: Mapped[bool] = mapped_column(default=True)


class StockLevel(Base):
    """On hand and reserved per part and location: always the sum of the ledger.

    The CHECK constraints are the last line of defence; services decrement with a
    guarded UPDATE (``on_hand >= qty``) so concurrent issues of the last unit
    cannot both succeed.
    """

    __tablename__ = "stock_levels"

    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id"), primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"), primary_key=True)
    on_hand: Mapped[int] = mapped_column(default=0)
    reserved: Mapped[int] = mapped_column(default=0)

    __table_args__ = (
        CheckConstraint("on_hand >= 0", name="on_hand_non_negative"),
        CheckConstraint("reserved >= 0", name="reserved_non_negative"),
    )


class StockMovement(Base):
    """One line of the stock ledger. Append-only: corrections are reversing movements."""

    __tablename__ = "stock_movements"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[MovementKind] = mapped_column(str_enum(MovementKind))
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id"))
    location_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"))
    quantity: Mapped[int]  # signed change of on_hand at the location
    unit_cost_cents: Mapped[int] = mapped_column(default=0)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    requisition_line_id: Mapped[int | None] = mapped_column(
        ForeignKey("requisition_lines.id"), index=True
    )
    stocktake_id: Mapped[int | None] = mapped_column(ForeignKey("stocktakes.id"))
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("stock_movements.id"), unique=True)
    supplier: Mapped[str | None] = mapped_column(String(100))
    reference: Mapped[str | None] = mapped_column(String(60))
    reason: Mapped[str | None] = mapped_column(Text)
    serial_fitted: Mapped[str | None] = mapped_column(String(60))
    serial_removed: Mapped[str | None] = mapped_column(String(60))
    transfer_group: Mapped[str | None] = mapped_column(String(36))

    __table_args__ = (
        CheckConstraint("quantity <> 0", name="non_zero"),
        Index("ix_stock_movements_part_location", "part_id", "location_id"),
    )


class Requisition(Base):
    """配件领用单: parts requested for one ticket, reserved at once, issued later."""

    __tablename__ = "requisitions"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    technician_id: Mapped[int | None] = mapped_column(ForeignKey("technicians.id"))
    status: Mapped[RequisitionStatus] = mapped_column(str_enum(RequisitionStatus))
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    issued_at: Mapped[datetime | None]
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(default=1)

    lines: Mapped[list[RequisitionLine]] = relationship(order_by="RequisitionLine.id")

    __mapper_args__ = {"version_id_col": version}


class RequisitionLine(Base):
    __tablename__ = "requisition_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    requisition_id: Mapped[int] = mapped_column(ForeignKey("requisitions.id"), index=True)
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id"))
    location_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"))
    quantity: Mapped[int]
    issued_quantity: Mapped[int] = mapped_column(default=0)
    returned_quantity: Mapped[int] = mapped_column(default=0)
    unit_price_cents: Mapped[int] = mapped_column(default=0)

    __table_args__ = (
        CheckConstraint("quantity > 0", name="positive"),
        CheckConstraint(
            "issued_quantity >= 0 AND issued_quantity <= quantity "
            "AND returned_quantity >= 0 AND returned_quantity <= issued_quantity",
            name="issued_range",
        ),
    )


class DamagedPart(Base):
    """旧件返还: a faulty part taken out of an appliance, kept apart from sellable stock."""

    __tablename__ = "damaged_parts"

    id: Mapped[int] = mapped_column(primary_key=True)
    part_id: Mapped[int | None] = mapped_column(ForeignKey("parts.id"))
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    description: Mapped[str] = mapped_column(String(200))
    serial: Mapped[str | None] = mapped_column(String(60))
    quantity: Mapped[int] = mapped_column(default=1)
    received_at: Mapped[datetime]
    received_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    disposition: Mapped[DamagedDisposition] = mapped_column(str_enum(DamagedDisposition))
    disposition_at: Mapped[datetime | None]
    disposition_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (CheckConstraint("quantity > 0", name="positive"),)


class Stocktake(Base):
    """盘点: a frozen list for one location, counted, reviewed and posted once."""

    __tablename__ = "stocktakes"

    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"))
    status: Mapped[str] = mapped_column(String(12))  # open, posted, cancelled
    created_at: Mapped[datetime]
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    posted_at: Mapped[datetime | None]
    posted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(default=1)

    lines: Mapped[list[StocktakeLine]] = relationship(order_by="StocktakeLine.id")

    __mapper_args__ = {"version_id_col": version}


class StocktakeLine(Base):
    __tablename__ = "stocktake_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    stocktake_id: Mapped[int] = mapped_column(ForeignKey("stocktakes.id"), index=True)
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id"))
    frozen_quantity: Mapped[int]
    counted_quantity: Mapped[int | None]
    counted_serials: Mapped[list[str] | None] = mapped_column(JSONType)
