"""The demo parts ledger: receipts, van transfers, issues against requisitions, returns,
damaged parts brought back and their disposition, replayed in time order.

Written as ``services.stock`` and ``services.damaged_parts`` write them: an issue is
a negative ISSUE movement on the requisition line's location, a faulty part goes
into the quarantine with DAMAGED_RETURN and leaves it with an ADJUSTMENT when its
disposition is decided, and a ticket's parts charge is the issued minus returned
quantity at the line's price.
"""

from __future__ import annotations

import heapq
import uuid
from collections.abc import Callable

from desk_app.db.models import (
    DamagedPart,
    Requisition,
    RequisitionLine,
    StockLevel,
    StockMovement,
)
from desk_app.domain.enums import DamagedDisposition, MovementKind, RequisitionStatus
from desk_app.services.demo import vocabulary as V
from desk_app.services.demo.bulk import Batch, Row, opt_utc, utc
from desk_app.services.demo.world import DAY, HOUR, Usage, World
from desk_app.services.stock.damaged_parts import DISPOSITION_REASON

MOVEMENT_COLUMNS = (
    "id",
    "at",
    "user_id",
    "kind",
    "part_id",
    "location_id",
    "quantity",
    "unit_cost_cents",
    "ticket_id",
    "requisition_line_id",
    "stocktake_id",
    "reverses_id",
    "supplier",
    "reference",
    "reason",
    "serial_fitted",
    "serial_removed",
    "transfer_group",
)
REQUISITION_COLUMNS = (
    "id",
    "number",
    "ticket_id",
    "technician_id",
    "status",
    "notes",
    "created_at",
    "created_by",
    "issued_at",
    "issued_by",
    "version",
)
LINE_COLUMNS = (
    "id",
    "requisition_id",
    "part_id",
    "location_id",
    "quantity",
    "issued_quantity",
    "returned_quantity",
    "unit_price_cents",
)
DAMAGED_COLUMNS = (
    "id",
    "part_id",
    "ticket_id",
    "description",
    "serial",
    "quantity",
    "received_at",
    "received_by",
    "disposition",
    "disposition_at",
    "disposition_by",
    "notes",
)
LEVEL_COLUMNS = ("part_id", "location_id", "on_hand", "reserved")

_K = MovementKind
_DECIDED = [d for d in DamagedDisposition if d is not DamagedDisposition.PENDING]
FLUSH_MOVEMENTS = 50_000


class Ledger:
    """Replays every receipt, transfer, issue, return and damaged return in time order.

    Stock is tracked per (part, location) as the movements are made, so the levels
    written at the end are exactly the ledger's sums and no balance is ever
    negative at any moment: an issue the shelf cannot cover is preceded by a
    receipt, and reorders arrive only when their time comes.
    """

    def __init__(self, world: World, usages: list[Usage], submit: Callable[[Batch], None]) -> None:
        self.w = world
        self.usages = sorted(usages, key=lambda u: (u.at, u.ticket_id))
        self.submit = submit
        self.on_hand: dict[tuple[int, int], int] = {}
        self.reserved: dict[tuple[int, int], int] = {}
        self.pending: list[tuple[int, int, int, int, str]] = []  # at, seq, part, qty, kind
        self._seq = 0
        self._ordered: set[int] = set()
        self.movements: list[Row] = []
        self.requisitions: list[Row] = []
        self.lines: list[Row] = []
        self.damaged: list[Row] = []
        self.vans = {t.id: t.van_id for t in world.techs if t.van_id is not None}

    def run(self, progress: Callable[[str], None]) -> None:
        w = self.w
        if not w.parts:
            return
        start = w.now - 731 * DAY
        for i, part in enumerate(w.parts):
            self._receipt(start + i, i, part.reorder_qty * 2 + part.reorder_point, "期初入库")
        for tech in w.techs:
            if tech.van_id is None:
                continue
            cats = [
                i for i, p in enumerate(w.parts) if p.category in tech.categories and p.cost < 10000
            ]
            for i in w.rng.sample(cats, min(len(cats), 6)):
                self._transfer(start + DAY + i, i, tech.van_id, w.rng.randint(2, 4))
        for n, usage in enumerate(self.usages, 1):
            self._arrivals(usage.at)
            if usage.waiting:
                self._reserve(usage)
            else:
                self._issue(usage)
            if len(self.movements) >= FLUSH_MOVEMENTS:
                self.flush(final=False)
                progress(f"parts ledger {n:,}/{len(self.usages):,}")
        self._arrivals(w.now)
        self.flush(final=True)

    def flush(self, *, final: bool) -> None:
        movements, requisitions, lines, damaged = (
            self.movements,
            self.requisitions,
            self.lines,
            self.damaged,
        )
        self.movements, self.requisitions, self.lines, self.damaged = [], [], [], []
        levels = (
            [
                (p, loc, qty, self.reserved.get((p, loc), 0))
                for (p, loc), qty in sorted(self.on_hand.items())
            ]
            if final
            else []
        )
        parts = self.w.parts
        batch = Batch(counters=self.w.numbers.pending())
        batch.rows(Requisition, REQUISITION_COLUMNS, requisitions)
        batch.rows(RequisitionLine, LINE_COLUMNS, lines)
        batch.rows(StockMovement, MOVEMENT_COLUMNS, movements)
        batch.rows(DamagedPart, DAMAGED_COLUMNS, damaged)
        batch.rows(StockLevel, LEVEL_COLUMNS, [(parts[p].id, loc, q, r) for p, loc, q, r in levels])
        self.submit(batch)

    # ------------------------------------------------------------ movements

    def _move(
        self,
        at: int,
        kind: str,
        part: int,
        location: int,
        qty: int,
        *,
        user: int | None = None,
        ticket: int | None = None,
        line: int | None = None,
        supplier: str | None = None,
        reference: str | None = None,
        reason: str | None = None,
        fitted: str | None = None,
        removed: str | None = None,
        group: str | None = None,
    ) -> None:
        key = (part, location)
        balance = self.on_hand.get(key, 0) + qty
        if balance < 0:
            raise RuntimeError(f"demo ledger would go negative: part {part}, location {location}")
        self.on_hand[key] = balance
        w = self.w
        self.movements.append(
            (
                w.ids.take(StockMovement),
                utc(at),
                user or w.rng.choice(w.staff.parts_clerks),
                kind,
                w.parts[part].id,
                location,
                qty,
                w.parts[part].cost,
                ticket,
                line,
                None,
                None,
                supplier,
                reference,
                reason,
                fitted,
                removed,
                group,
            )
        )

    def _receipt(self, at: int, part: int, qty: int, reason: str | None = None) -> None:
        rng = self.w.rng
        reference = f"PO{self.w.local.day_key(at)}{rng.randrange(1000):03d}"
        self._move(
            at,
            _K.RECEIPT.value,
            part,
            self.w.main_store,
            qty,
            supplier=rng.choice(V.SUPPLIERS),
            reference=reference,
            reason=reason,
        )

    def _transfer(self, at: int, part: int, van: int, qty: int) -> None:
        main = self.w.main_store
        qty = min(qty, self._available(part, main))
        if qty <= 0:
            return
        group = str(uuid.UUID(int=self.w.rng.getrandbits(128)))
        self._move(at, _K.TRANSFER_OUT.value, part, main, -qty, group=group, reason="车载库补货")
        self._move(at, _K.TRANSFER_IN.value, part, van, qty, group=group, reason="车载库补货")

    def _available(self, part: int, location: int) -> int:
        key = (part, location)
        return self.on_hand.get(key, 0) - self.reserved.get(key, 0)

    def _arrivals(self, until: int) -> None:
        while self.pending and self.pending[0][0] <= until:
            at, _seq, part, qty, kind = heapq.heappop(self.pending)
            if kind == "receipt":
                self._ordered.discard(part)
                self._receipt(at, part, qty, "补货入库")
            else:  # van refill: kind is the van's location id as text
                self._transfer(at, part, int(kind), qty)

    def _later(self, at: int, part: int, qty: int, kind: str) -> None:
        if at <= self.w.now:
            self._seq += 1
            heapq.heappush(self.pending, (at, self._seq, part, qty, kind))

    def _requisition(
        self, usage: Usage, status: str, created: int, issued: int | None
    ) -> tuple[int, str]:
        w = self.w
        rid = w.ids.take(Requisition)
        number = w.numbers.next("requisition", created)
        self.requisitions.append(
            (
                rid,
                number,
                usage.ticket_id,
                usage.technician,
                status,
                None,
                utc(created),
                w.rng.choice(w.staff.dispatchers),
                opt_utc(issued),
                w.rng.choice(w.staff.parts_clerks) if issued is not None else None,
                1 if issued is None else 2,
            )
        )
        return rid, number

    def _issue(self, usage: Usage) -> None:
        w, rng = self.w, self.w.rng
        at = usage.at
        created = at - rng.randrange(600, 3 * HOUR)
        rid, number = self._requisition(usage, RequisitionStatus.ISSUED.value, created, at)
        van = self.vans.get(usage.technician)
        for p, qty, back in usage.lines:
            part = w.parts[p]
            location = van if van is not None and self._available(p, van) >= qty else w.main_store
            if self._available(p, location) < qty:
                self._receipt(created - 60, p, max(part.reorder_qty, qty), "紧急采购")
            line = w.ids.take(RequisitionLine)
            self.lines.append((line, rid, part.id, location, qty, qty, back, part.price))
            fitted = f"{part.code}-{rng.randrange(10**8):08d}" if part.serialized else None
            self._move(
                at,
                _K.ISSUE.value,
                p,
                location,
                -qty,
                ticket=usage.ticket_id,
                line=line,
                reference=number,
                fitted=fitted,
            )
            if back:
                self._move(
                    at + HOUR,
                    _K.RETURN.value,
                    p,
                    location,
                    back,
                    ticket=usage.ticket_id,
                    line=line,
                    reference=number,
                    reason="多领未用，退回",
                )
            if location == van and self.on_hand[(p, van)] == 0:
                self._later(at + DAY, p, 2, str(van))
            main = w.main_store
            if self._available(p, main) <= part.reorder_point and p not in self._ordered:
                self._ordered.add(p)
                self._later(at + rng.randrange(2 * DAY, 6 * DAY), p, part.reorder_qty, "receipt")
            if part.returnable and rng.random() < 0.75:
                self._damaged(usage, p, qty - back, at)

    def _damaged(self, usage: Usage, p: int, qty: int, at: int) -> None:
        w, rng = self.w, self.w.rng
        received = at + rng.randrange(4 * HOUR, 3 * DAY)
        if qty <= 0 or received > w.now:
            return
        part = w.parts[p]
        serial = f"OLD-{rng.randrange(10**9):09d}" if part.serialized else None
        clerk = rng.choice(w.staff.parts_clerks)
        self._move(
            received,
            _K.DAMAGED_RETURN.value,
            p,
            w.damaged_store,
            qty,
            user=clerk,
            ticket=usage.ticket_id,
            removed=serial,
            reason="旧件返还",
        )
        decided = received + rng.randrange(7 * DAY, 30 * DAY)
        disposition, decided_at, decided_by = DamagedDisposition.PENDING, None, None
        if decided <= w.now:
            disposition = rng.choice(_DECIDED)
            decided_at, decided_by = decided, rng.choice(w.staff.parts_clerks)
            self._move(
                decided,
                _K.ADJUSTMENT.value,
                p,
                w.damaged_store,
                -qty,
                user=decided_by,
                ticket=usage.ticket_id,
                reason=DISPOSITION_REASON[disposition],
            )
        self.damaged.append(
            (
                w.ids.take(DamagedPart),
                part.id,
                usage.ticket_id,
                part.code + " 旧件",
                serial,
                qty,
                utc(received),
                clerk,
                disposition.value,
                opt_utc(decided_at),
                decided_by,
                None,
            )
        )

    def _reserve(self, usage: Usage) -> None:
        """A ticket waiting for parts: an open requisition reserving what the store has."""
        w = self.w
        main = w.main_store
        lines = [(p, q) for p, q, _back in usage.lines if self._available(p, main) >= q]
        if not lines:
            return  # nothing on the shelf: the part is on order from the supplier
        rid, _number = self._requisition(usage, RequisitionStatus.OPEN.value, usage.at, None)
        for p, qty in lines:
            key = (p, main)
            self.reserved[key] = self.reserved.get(key, 0) + qty
            self.lines.append(
                (w.ids.take(RequisitionLine), rid, w.parts[p].id, main, qty, 0, 0, w.parts[p].price)
            )
