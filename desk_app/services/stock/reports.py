"""Low stock with a purchase suggestion (采购计划), and its CSV export for Excel."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk_app.db.models import (
    Part,
    StockMovement,
)
from desk_app.domain.errors import ValidationError
from desk_app.domain.permissions import Perm, require
from desk_app.services.core.database import Actor, Database
from desk_app.services.stock.parts import sellable_totals

USAGE_DAYS = 30


@dataclass(frozen=True)
class LowStockRow:
    part_id: int
    code: str
    name: str
    spec: str | None
    unit: str
    on_hand: int  # over every sellable location
    reserved: int
    reorder_point: int
    reorder_qty: int
    used_recently: int  # net units used by tickets over the usage window
    suggested_qty: int
    cost_cents: int

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


def low_stock(db: Database, actor: Actor, *, days: int = USAGE_DAYS) -> list[LowStockRow]:
    """Active parts whose free stock is at or below their reorder point (or short:
    more reserved than on the shelf), most urgent first.

    Suggested purchase = the largest of the reorder quantity, the last ``days``
    days' net usage (issued minus returned), and what is missing to get back to
    the reorder point; at least one."""
    require(actor.username, actor.roles, Perm.VIEW_STOCK)
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 3650:
        raise ValidationError("days", "stock.usage_period", limit=3650)

    def q(s: Session) -> list[LowStockRow]:
        since = db.now() - timedelta(days=days)
        parts = list(s.scalars(select(Part).where(Part.active.is_(True))))
        totals = sellable_totals(s, [p.id for p in parts])
        usage = _usage(s, since)
        rows = []
        for p in parts:
            on_hand, reserved = totals.get(p.id, (0, 0))
            available = on_hand - reserved
            if not (available < 0 or (p.reorder_point > 0 and available <= p.reorder_point)):
                continue
            used = usage.get(p.id, 0)
            suggested = max(p.reorder_qty, used, p.reorder_point - available, 1)
            rows.append(
                LowStockRow(
                    p.id,
                    p.code,
                    p.name,
                    p.spec,
                    p.unit,
                    on_hand,
                    reserved,
                    p.reorder_point,
                    p.reorder_qty,
                    used,
                    suggested,
                    p.cost_cents,
                )
            )
        return sorted(rows, key=lambda r: (r.available - r.reorder_point, r.code))

    return db.read(q)


def _usage(s: Session, since: datetime) -> dict[int, int]:
    """Net units gone into appliances per part: issues, less returns and reversals."""
    rows = s.execute(
        select(StockMovement.part_id, func.sum(-StockMovement.quantity))
        .where(StockMovement.requisition_line_id.is_not(None), StockMovement.at >= since)
        .group_by(StockMovement.part_id)
    )
    return {pid: max(0, int(total or 0)) for pid, total in rows}


_CSV_HEADER = [
    "配件编码",
    "名称",
    "规格型号",
    "单位",
    "在库",
    "已预留",
    "可用",
    "再订货点",
    "再订货量",
    "近期用量",
    "建议采购量",
    "单价(元)",
    "金额(元)",
]


def export_low_stock_csv(
    db: Database, actor: Actor, path: Path | str, *, days: int = USAGE_DAYS
) -> int:
    """Write the purchase suggestion as CSV (UTF-8 with BOM, so Excel shows the
    Chinese correctly); returns the number of parts written."""
    rows = low_stock(db, actor, days=days)
    target = Path(path)
    tmp = target.with_name(target.name + ".tmp")
    with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(_CSV_HEADER)
        for r in rows:
            writer.writerow(
                [
                    r.code,
                    r.name,
                    r.spec or "",
                    r.unit,
                    r.on_hand,
                    r.reserved,
                    r.available,
                    r.reorder_point,
                    r.reorder_qty,
                    r.used_recently,
                    r.suggested_qty,
                    _yuan(r.cost_cents),
                    _yuan(r.cost_cents * r.suggested_qty),
                ]
            )
    tmp.replace(target)
    return len(rows)


def _yuan(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"
