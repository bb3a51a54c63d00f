"""盘点: freeze a location's list, count it by hand or by scanner, review the
variances, post them as STOCKTAKE movements in one transaction.

Variances are relative to the frozen quantity and applied to on hand as it is
when posting, so issues and receipts made while the count was going on are
not undone by it. Posting refuses (and writes nothing) if a variance would make
on hand negative.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from desk_app.db.models import Part, StockLevel, StockLocation, Stocktake, StocktakeLine, User
from desk_app.domain.enums import MovementKind
from desk_app.domain.errors import NotFound, ValidationError
from desk_app.domain.permissions import Perm, require
from desk_app.domain.validation import clean_text
from desk_app.services.core import audit, requests
from desk_app.services.core.database import Actor, Database
from desk_app.services.stock.ledger import Guard, post_movement
from desk_app.services.stock.parts import count, load_location, load_part, part_by_scan

OPEN, POSTED, CANCELLED = "open", "posted", "cancelled"


@dataclass(frozen=True)
class StocktakeLineView:
    id: int
    part_id: int
    part_code: str
    part_name: str
    spec: str | None
    unit: str
    barcode: str | None
    bin_location: str | None
    cost_cents: int
    frozen_quantity: int
    counted_quantity: int | None  # None: not counted yet

    @property
    def variance(self) -> int | None:
        if self.counted_quantity is None:
            return None
        return self.counted_quantity - self.frozen_quantity

    @property
    def variance_cents(self) -> int:
        return (self.variance or 0) * self.cost_cents


@dataclass(frozen=True)
class StocktakeView:
    id: int
    location_id: int
    location_code: str
    location_name: str
    status: str
    created_at: datetime
    created_by: str
    posted_at: datetime | None
    posted_by: str | None
    lines: tuple[StocktakeLineView, ...]
    version: int

    @property
    def uncounted(self) -> int:
        return sum(1 for line in self.lines if line.counted_quantity is None)


# ---------------------------------------------------------------- views


def _line_views(s: Session, *conditions: ColumnElement[bool]) -> list[StocktakeLineView]:
    rows = s.execute(
        select(StocktakeLine, Part)
        .join(Part, Part.id == StocktakeLine.part_id)
        .where(*conditions)
        .order_by(Part.bin_location, Part.code)
        # Counts are changed by UPDATE statements: read the rows, not the session's copies.
        .execution_options(populate_existing=True)
    )
    return [
        StocktakeLineView(
            line.id,
            p.id,
            p.code,
            p.name,
            p.spec,
            p.unit,
            p.barcode,
            p.bin_location,
            p.cost_cents,
            line.frozen_quantity,
            line.counted_quantity,
        )
        for line, p in rows
    ]


def _view(s: Session, stocktake_id: int) -> StocktakeView:
    creator, poster = aliased(User), aliased(User)
    row = s.execute(
        select(
            Stocktake,
            StockLocation.code,
            StockLocation.name,
            creator.display_name,
            poster.display_name,
        )
        .join(StockLocation, StockLocation.id == Stocktake.location_id)
        .join(creator, creator.id == Stocktake.created_by)
        .outerjoin(poster, poster.id == Stocktake.posted_by)
        .where(Stocktake.id == stocktake_id)
    ).first()
    if row is None:
        raise NotFound("stocktake", stocktake_id)
    st, code, name, by, posted_by = row
    return StocktakeView(
        st.id,
        st.location_id,
        code,
        name,
        st.status,
        st.created_at,
        by,
        st.posted_at,
        posted_by,
        tuple(_line_views(s, StocktakeLine.stocktake_id == st.id)),
        st.version,
    )


def _lock_open(s: Session, stocktake_id: int) -> Stocktake:
    """Lock the stocktake (scans, posting and cancelling take turns) and check it is open."""
    st = s.scalar(select(Stocktake).where(Stocktake.id == stocktake_id).with_for_update())
    if st is None:
        raise NotFound("stocktake", stocktake_id)
    if st.status != OPEN:
        if st.status == POSTED:
            raise ValidationError("stocktake", "stock.stocktake_posted")
        raise ValidationError("stocktake", "stock.stocktake_cancelled")
    return st


def _on_hand(s: Session, part_id: int, location_id: int) -> int:
    value = s.scalar(
        select(StockLevel.on_hand).where(
            StockLevel.part_id == part_id, StockLevel.location_id == location_id
        )
    )
    return int(value or 0)


# ---------------------------------------------------------------- use cases


def start_stocktake(
    db: Database, actor: Actor, location_id: int, *, request_id: str | None = None
) -> StocktakeView:
    """Freeze the list for one location: every part kept there (a stock row) that is
    active or still has units, with its on hand now. One open stocktake per location."""
    require(actor.username, actor.roles, Perm.MOVE_STOCK)

    def tx(s: Session) -> StocktakeView:
        done = requests.already_done(s, request_id, "stocktake.start")
        if done is not None:
            return _view(s, done)
        location = (
            s.scalar(select(StockLocation).where(StockLocation.id == location_id).with_for_update())
            if isinstance(location_id, int)
            else None
        )
        if location is None:
            raise NotFound("stock location", location_id)
        running = s.scalar(
            select(Stocktake.id).where(
                Stocktake.location_id == location.id, Stocktake.status == OPEN
            )
        )
        if running is not None:
            raise ValidationError(
                "location", "stock.stocktake_open", location=location.name, stocktake=running
            )
        now = db.now()
        st = Stocktake(
            location_id=location.id, status=OPEN, created_at=now, created_by=actor.user_id
        )
        s.add(st)
        s.flush()
        frozen = s.execute(
            select(StockLevel.part_id, StockLevel.on_hand)
            .join(Part, Part.id == StockLevel.part_id)
            .where(
                StockLevel.location_id == location.id,
                or_(Part.active.is_(True), StockLevel.on_hand != 0),
            )
            .order_by(StockLevel.part_id)
        )
        s.add_all(
            StocktakeLine(stocktake_id=st.id, part_id=pid, frozen_quantity=on_hand)
            for pid, on_hand in frozen
        )
        s.flush()
        requests.remember(s, request_id, "stocktake.start", st.id, now)
        audit.record(
            s, actor, "stocktake.start", "stocktake", st.id, {"location": location.code}, at=now
        )
        return _view(s, st.id)

    return db.write(tx)


def record_count(
    db: Database,
    actor: Actor,
    stocktake_id: int,
    *,
    part_id: int | None = None,
    barcode: str | None = None,
    qty: int | None = None,
) -> StocktakeLineView:
    """Count one part, named by id or by a scanned barcode (an unknown code raises
    NotFound("barcode", code) and counts nothing). Without ``qty`` each call counts
    one more (a scan); with it, the count is set to ``qty`` (typed by hand).

    A part not on the frozen list is added, frozen at its on hand now. Returns the
    line with its running count."""
    require(actor.username, actor.roles, Perm.MOVE_STOCK)
    if (part_id is None) == (barcode is None):
        raise ValidationError("part", "stock.part_by_id_or_barcode")
    counted = None if qty is None else count(qty, "quantity")

    def tx(s: Session) -> StocktakeLineView:
        st = _lock_open(s, stocktake_id)
        part = load_part(s, part_id) if part_id is not None else part_by_scan(s, barcode or "")
        line_id = s.scalar(
            select(StocktakeLine.id).where(
                StocktakeLine.stocktake_id == st.id, StocktakeLine.part_id == part.id
            )
        )
        if line_id is None:
            line = StocktakeLine(
                stocktake_id=st.id,
                part_id=part.id,
                frozen_quantity=_on_hand(s, part.id, st.location_id),
            )
            s.add(line)
            s.flush()
            line_id = line.id
        value = func.coalesce(StocktakeLine.counted_quantity, 0) + 1 if counted is None else counted
        s.execute(
            update(StocktakeLine)
            .where(StocktakeLine.id == line_id)
            .values(counted_quantity=value)
            .execution_options(synchronize_session=False)
        )
        view = _line_views(s, StocktakeLine.id == line_id)[0]
        audit.record(
            s,
            actor,
            "stocktake.count",
            "stocktake",
            st.id,
            {"part": part.code, "scan": counted is None, "counted": view.counted_quantity},
            at=db.now(),
        )
        return view

    return db.write(tx)


def get_stocktake(db: Database, actor: Actor, stocktake_id: int) -> StocktakeView:
    """The stocktake with every line: the count sheet and the running counts."""
    require(actor.username, actor.roles, Perm.VIEW_STOCK)
    return db.read(lambda s: _view(s, stocktake_id))


def variances(db: Database, actor: Actor, stocktake_id: int) -> list[StocktakeLineView]:
    """The lines that need a look before posting: counted differently from the
    frozen quantity, or not counted at all (variance None)."""
    require(actor.username, actor.roles, Perm.VIEW_STOCK)

    def q(s: Session) -> list[StocktakeLineView]:
        if s.get(Stocktake, stocktake_id) is None:
            raise NotFound("stocktake", stocktake_id)
        return _line_views(
            s,
            StocktakeLine.stocktake_id == stocktake_id,
            or_(
                StocktakeLine.counted_quantity.is_(None),
                StocktakeLine.counted_quantity != StocktakeLine.frozen_quantity,
            ),
        )

    return db.read(q)


def post_stocktake(
    db: Database, actor: Actor, stocktake_id: int, *, uncounted_as_zero: bool = False
) -> StocktakeView:
    """Post every variance as a STOCKTAKE movement, all in one transaction.

    Lines not counted are refused unless ``uncounted_as_zero`` says the clerk
    confirmed those parts are not there."""
    require(actor.username, actor.roles, Perm.MOVE_STOCK)

    def tx(s: Session) -> StocktakeView:
        st = _lock_open(s, stocktake_id)
        uncounted = [line for line in st.lines if line.counted_quantity is None]
        if uncounted and not uncounted_as_zero:
            raise ValidationError("counts", "stock.uncounted", count=len(uncounted))
        location = load_location(s, st.location_id)
        now = db.now()
        posted = []
        for line in sorted(st.lines, key=lambda ln: ln.part_id):
            if line.counted_quantity is None:
                line.counted_quantity = 0
            delta = line.counted_quantity - line.frozen_quantity
            if delta:
                part = load_part(s, line.part_id)
                post_movement(
                    s,
                    actor,
                    now,
                    MovementKind.STOCKTAKE,
                    part,
                    location,
                    delta,
                    guard=Guard.ON_HAND,
                    unit_cost_cents=part.cost_cents,
                    stocktake_id=st.id,
                    reason=f"盘点 No. {st.id}",
                )
                posted.append([part.code, delta])
        st.status, st.posted_at, st.posted_by = POSTED, now, actor.user_id
        s.flush()
        audit.record(
            s,
            actor,
            "stocktake.post",
            "stocktake",
            st.id,
            {"location": location.code, "variances": posted},
            at=now,
        )
        return _view(s, st.id)

    return db.write(tx)


def cancel_stocktake(
    db: Database, actor: Actor, stocktake_id: int, reason: str | None = None
) -> StocktakeView:
    """Abandon an open stocktake; nothing is posted."""
    require(actor.username, actor.roles, Perm.MOVE_STOCK)
    why = clean_text(reason, "reason", max_length=1000, multiline=True)

    def tx(s: Session) -> StocktakeView:
        st = _lock_open(s, stocktake_id)
        now = db.now()
        st.status = CANCELLED
        s.flush()
        audit.record(s, actor, "stocktake.cancel", "stocktake", st.id, {"reason": why}, at=now)
        return _view(s, st.id)

    return db.write(tx)


def list_stocktakes(
    db: Database, actor: Actor, *, location_id: int | None = None, status: str | None = None
) -> list[StocktakeView]:
    """The latest 200 stocktakes, newest first."""
    require(actor.username, actor.roles, Perm.VIEW_STOCK)

    def q(s: Session) -> list[StocktakeView]:
        stmt = select(Stocktake.id).order_by(Stocktake.id.desc()).limit(200)
        if location_id is not None:
            stmt = stmt.where(Stocktake.location_id == location_id)
        if status is not None:
            stmt = stmt.where(Stocktake.status == status)
        return [_view(s, i) for i in s.scalars(stmt)]

    return db.read(q)
