"""Parts catalogue (配件) and stock locations: what can be stocked, and where.

The stock movements themselves live in ``stock``; requisitions in
``requisitions``; counts in ``stocktake``. This module also holds the loaders
those modules use inside their transactions (``load_part``, ``load_location``,
``ensure_damaged_location``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk_app.db.models import AuditLog, Part, StockLevel, StockLocation, Technician, User
from desk_app.domain.enums import StockLocationKind
from desk_app.domain.errors import ConflictError, NotFound, ValidationError
from desk_app.domain.permissions import Perm, require
from desk_app.domain.validation import clean_text, money_cents, required_text, search_text
from desk_app.services.core import audit, requests
from desk_app.services.core.database import Actor, Database

MAX_QUANTITY = 100_000
_MAX_ID = 2**31 - 1  # ids are INTEGER columns; a larger one names no row
MAX_COMPATIBLE_MODELS = 50
DAMAGED_CODE = "DAMAGED"
DAMAGED_NAME = "旧件区"

_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/\-]*$")
_BARCODE_RE = re.compile(r"^[\x21-\x7e]+$")  # printable ASCII, no spaces: what scanners send


@dataclass(frozen=True)
class PartDraft:
    """What the parts clerk typed for one catalogue entry."""

    code: str
    name: str
    spec: str | None = None  # specification / model (规格型号)
    barcode: str | None = None
    compatible_models: Sequence[str] = ()
    unit: str = "个"
    cost_cents: int = 0
    price_cents: int = 0
    bin_location: str | None = None
    reorder_point: int = 0
    reorder_qty: int = 0
    serialized: bool = False
    active: bool = True


@dataclass(frozen=True)
class PartView:
    id: int
    code: str
    barcode: str | None
    name: str
    spec: str | None
    compatible_models: tuple[str, ...]
    unit: str
    cost_cents: int
    price_cents: int
    bin_location: str | None
    reorder_point: int
    reorder_qty: int
    serialized: bool
    active: bool
    version: int
    on_hand: int  # over all sellable locations
    reserved: int

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved

    def as_draft(self) -> PartDraft:
        return PartDraft(
            self.code,
            self.name,
            self.spec,
            self.barcode,
            self.compatible_models,
            self.unit,
            self.cost_cents,
            self.price_cents,
            self.bin_location,
            self.reorder_point,
            self.reorder_qty,
            self.serialized,
            self.active,
        )


@dataclass(frozen=True)
class LocationView:
    id: int
    code: str
    name: str
    kind: StockLocationKind
    technician_id: int | None
    active: bool

    @property
    def sellable(self) -> bool:
        return self.kind is not StockLocationKind.DAMAGED


# ---------------------------------------------------------------- validation


def count(value: int, field: str, *, maximum: int = MAX_QUANTITY) -> int:
    """A whole number from 0 to ``maximum`` (reorder points, stocktake counts)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "stock.whole_number")
    if value < 0:
        raise ValidationError(field, "stock.not_negative")
    if value > maximum:
        raise ValidationError(field, "stock.at_most", limit=maximum)
    return value


def _code(value: str | None, field: str, max_length: int) -> str:
    text = required_text(value, field, max_length=max_length)
    if not _CODE_RE.match(text):
        raise ValidationError(field, "stock.code_characters")
    return text.upper()


def _clean_part(draft: PartDraft) -> dict[str, Any]:
    barcode = clean_text(draft.barcode, "barcode", max_length=60)
    if barcode is not None and not _BARCODE_RE.match(barcode):
        raise ValidationError("barcode", "stock.barcode_characters")
    if isinstance(draft.compatible_models, str):
        raise ValidationError("compatible_models", "stock.models_not_a_list")
    models: list[str] = []
    for raw in draft.compatible_models or ():
        model = clean_text(raw, "compatible_models", max_length=60)
        if model and model.upper() not in {m.upper() for m in models}:
            models.append(model)
    if len(models) > MAX_COMPATIBLE_MODELS:
        raise ValidationError(
            "compatible_models", "stock.too_many_models", limit=MAX_COMPATIBLE_MODELS
        )
    return {
        "code": _code(draft.code, "code", 40),
        "barcode": barcode,
        "name": required_text(draft.name, "name", max_length=100),
        "spec": clean_text(draft.spec, "spec", max_length=100),
        "compatible_models": models,
        "unit": required_text(draft.unit, "unit", max_length=10),
        "cost_cents": money_cents(draft.cost_cents, "cost"),
        "price_cents": money_cents(draft.price_cents, "price"),
        "bin_location": clean_text(draft.bin_location, "bin_location", max_length=30),
        "reorder_point": count(draft.reorder_point, "reorder_point"),
        "reorder_qty": count(draft.reorder_qty, "reorder_qty"),
        "serialized": bool(draft.serialized),
        "active": bool(draft.active),
    }


# ---------------------------------------------------------------- loaders (inside a transaction)


def load_part(s: Session, part_id: int) -> Part:
    part = s.get(Part, part_id) if isinstance(part_id, int) else None
    if part is None:
        raise NotFound("part", part_id)
    return part


def load_location(s: Session, location_id: int) -> StockLocation:
    """The location, share-locked (PostgreSQL) until the transaction ends.

    Every movement loads its locations through here, so taking a location out of use
    (``update_location``, which locks the row for update) waits for the movements
    under way, and a movement that starts meanwhile sees the location out of use."""
    ok = isinstance(location_id, int) and not isinstance(location_id, bool)
    location = (
        s.scalar(
            select(StockLocation)
            .where(StockLocation.id == location_id)
            .with_for_update(read=True)
            .execution_options(populate_existing=True)
        )
        if ok and 0 < location_id <= _MAX_ID
        else None
    )
    if location is None:
        raise NotFound("stock location", location_id)
    return location


def check_sellable(location: StockLocation, field: str = "location") -> None:
    """Refuse a location that cannot give out sellable stock (quarantine, closed)."""
    if location.kind is StockLocationKind.DAMAGED:
        raise ValidationError(field, "stock.location_damaged", location=location.name)
    if not location.active:
        raise ValidationError(field, "stock.location_retired", location=location.name)


def part_by_scan(s: Session, scanned: str) -> Part:
    """The part whose barcode (or, failing that, code) is ``scanned``."""
    key = (scanned or "").strip()
    if not key or len(key) > 60:
        raise NotFound("barcode", scanned, code="stock.unknown_barcode")
    search_text(key, "barcode")  # NUL, lone surrogates: refused, not looked up
    part = s.scalar(select(Part).where(Part.barcode == key))
    if part is None:
        part = s.scalar(select(Part).where(Part.code == key.upper()))
    if part is None:
        raise NotFound("barcode", key, code="stock.unknown_barcode")
    return part


def ensure_damaged_location(s: Session) -> StockLocation:
    """The quarantine location for faulty parts, created on first use.

    Two desks creating it at the same moment both end up with the same row:
    the insert does nothing when the code already exists.
    """
    found = s.scalar(
        select(StockLocation)
        .where(StockLocation.kind == StockLocationKind.DAMAGED, StockLocation.active.is_(True))
        .order_by(StockLocation.id)
        .limit(1)
    )
    if found is not None:
        return found
    insert = postgresql.insert if s.get_bind().dialect.name == "postgresql" else sqlite.insert
    s.execute(
        insert(StockLocation)
        .values(code=DAMAGED_CODE, name=DAMAGED_NAME, kind=StockLocationKind.DAMAGED, active=True)
        .on_conflict_do_nothing(index_elements=[StockLocation.code])
    )
    found = s.scalar(select(StockLocation).where(StockLocation.code == DAMAGED_CODE))
    if found is None or found.kind is not StockLocationKind.DAMAGED:
        raise ValidationError("location", "stock.damaged_code_taken", code=DAMAGED_CODE)
    return found


def sellable_totals(s: Session, part_ids: Sequence[int]) -> dict[int, tuple[int, int]]:
    """(on hand, reserved) per part over every sellable location."""
    if not part_ids:
        return {}
    rows = s.execute(
        select(StockLevel.part_id, func.sum(StockLevel.on_hand), func.sum(StockLevel.reserved))
        .join(StockLocation, StockLocation.id == StockLevel.location_id)
        .where(
            StockLevel.part_id.in_(part_ids),
            StockLocation.kind != StockLocationKind.DAMAGED,
        )
        .group_by(StockLevel.part_id)
    ).all()
    return {pid: (int(on or 0), int(res or 0)) for pid, on, res in rows}


def part_view(s: Session, p: Part, totals: tuple[int, int] | None = None) -> PartView:
    """The part as plain data, with its sellable totals (looked up unless given)."""
    if totals is None:
        totals = sellable_totals(s, [p.id]).get(p.id, (0, 0))
    on_hand, reserved = totals
    return PartView(
        p.id,
        p.code,
        p.barcode,
        p.name,
        p.spec,
        tuple(p.compatible_models or ()),
        p.unit,
        p.cost_cents,
        p.price_cents,
        p.bin_location,
        p.reorder_point,
        p.reorder_qty,
        p.serialized,
        p.active,
        p.version,
        on_hand,
        reserved,
    )


def location_view(loc: StockLocation) -> LocationView:
    return LocationView(loc.id, loc.code, loc.name, loc.kind, loc.technician_id, loc.active)


def last_change(s: Session, entity: str, entity_id: int) -> tuple[str, datetime | None]:
    """Who changed a record last and when, from the audit trail."""
    row = s.execute(
        select(User.display_name, AuditLog.at)
        .outerjoin(User, User.id == AuditLog.user_id)
        .where(AuditLog.entity == entity, AuditLog.entity_id == str(entity_id))
        .order_by(AuditLog.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return "?", None
    return row[0] or "?", row[1]


def _flush_unique(s: Session, values: dict[str, Any]) -> None:
    """Flush, turning a lost race on code or barcode into the clerk's message."""
    try:
        s.flush()
    except IntegrityError as error:
        message = str(error.orig).lower()
        if "barcode" in message:
            raise ValidationError(
                "barcode", "stock.barcode_taken", barcode=values.get("barcode")
            ) from error
        if "code" in message:
            raise ValidationError("code", "stock.code_taken", code=values["code"]) from error
        raise


def _check_unique(s: Session, values: dict[str, Any], exclude_id: int | None) -> None:
    other = s.scalar(select(Part.id).where(Part.code == values["code"], Part.id != exclude_id))
    if other is not None:
        raise ValidationError("code", "stock.code_taken", code=values["code"])
    if values["barcode"]:
        other = s.scalar(
            select(Part.id).where(Part.barcode == values["barcode"], Part.id != exclude_id)
        )
        if other is not None:
            raise ValidationError("barcode", "stock.barcode_taken", barcode=values["barcode"])


# ---------------------------------------------------------------- catalogue use cases


def create_part(
    db: Database, actor: Actor, draft: PartDraft, *, request_id: str | None = None
) -> PartView:
    require(actor.username, actor.roles, Perm.MANAGE_PARTS)
    values = _clean_part(draft)

    def tx(s: Session) -> PartView:
        done = requests.already_done(s, request_id, "part.create")
        if done is not None:
            return part_view(s, load_part(s, done))
        _check_unique(s, values, None)
        now = db.now()
        part = Part(**values)
        s.add(part)
        _flush_unique(s, values)
        requests.remember(s, request_id, "part.create", part.id, now)
        audit.record(s, actor, "part.create", "part", part.id, values, at=now)
        return part_view(s, part)

    return db.write(tx)


def update_part(
    db: Database, actor: Actor, part_id: int, draft: PartDraft, *, expected_version: int
) -> PartView:
    """Save an edit unless someone saved a newer version since it was loaded
    (ConflictError naming who and when, from the audit trail)."""
    require(actor.username, actor.roles, Perm.MANAGE_PARTS)
    values = _clean_part(draft)

    def tx(s: Session) -> PartView:
        part = load_part(s, part_id)
        if part.version != expected_version:
            who, when = last_change(s, "part", part.id)
            raise ConflictError("part", who, when, _snapshot(part))
        _check_unique(s, values, part.id)
        before = _snapshot(part)
        for key, value in values.items():
            setattr(part, key, value)
        _flush_unique(s, values)
        changed = {k: {"from": before[k], "to": v} for k, v in values.items() if before[k] != v}
        audit.record(s, actor, "part.update", "part", part.id, changed, at=db.now())
        return part_view(s, part)

    return db.write(tx)


def _snapshot(p: Part) -> dict[str, Any]:
    return {
        "code": p.code,
        "barcode": p.barcode,
        "name": p.name,
        "spec": p.spec,
        "compatible_models": list(p.compatible_models or []),
        "unit": p.unit,
        "cost_cents": p.cost_cents,
        "price_cents": p.price_cents,
        "bin_location": p.bin_location,
        "reorder_point": p.reorder_point,
        "reorder_qty": p.reorder_qty,
        "serialized": p.serialized,
        "active": p.active,
    }


def get_part(db: Database, actor: Actor, part_id: int) -> PartView:
    require(actor.username, actor.roles, Perm.VIEW_STOCK)
    return db.read(lambda s: part_view(s, load_part(s, part_id)))


def find_by_barcode(db: Database, actor: Actor, scanned: str) -> PartView:
    """The part a scanner read (barcode, or the code printed on the label).

    An unknown code raises NotFound("barcode", code): the screen must make it
    unmistakable, never silently pick something else."""
    require(actor.username, actor.roles, Perm.VIEW_STOCK)
    return db.read(lambda s: part_view(s, part_by_scan(s, scanned)))


def search_parts(
    db: Database,
    actor: Actor,
    query: str = "",
    *,
    include_inactive: bool = False,
    limit: int = 200,
    offset: int = 0,
) -> list[PartView]:
    """Parts by code (prefix), barcode, name, specification or compatible appliance
    model (contained, case ignored); every part, by code, for an empty query."""
    require(actor.username, actor.roles, Perm.VIEW_STOCK)
    text = search_text(query)

    def q(s: Session) -> list[PartView]:
        stmt = select(Part)
        if text:
            low = text.lower()
            like = f"%{_escape(low)}%"
            models = cast(Part.compatible_models, String)
            # SQLite keeps JSON as ASCII-escaped text (\u538b); PostgreSQL's jsonb
            # prints the characters themselves.
            model_like = like
            if s.get_bind().dialect.name == "sqlite":
                model_like = f"%{_escape(json.dumps(low)[1:-1])}%"
            stmt = stmt.where(
                or_(
                    func.upper(Part.code).like(f"{_escape(text.upper())}%", escape="\\"),
                    Part.barcode == text,
                    func.lower(Part.name).like(like, escape="\\"),
                    func.lower(Part.spec).like(like, escape="\\"),
                    func.lower(models).like(model_like, escape="\\"),
                )
            )
        if not include_inactive:
            stmt = stmt.where(Part.active.is_(True))
        parts = list(s.scalars(stmt.order_by(Part.code).limit(limit).offset(offset)))
        totals = sellable_totals(s, [p.id for p in parts])
        return [part_view(s, p, totals.get(p.id, (0, 0))) for p in parts]

    return db.read(q)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# ---------------------------------------------------------------- locations


def create_location(
    db: Database,
    actor: Actor,
    code: str,
    name: str,
    kind: StockLocationKind = StockLocationKind.STORE,
    *,
    technician_id: int | None = None,
    request_id: str | None = None,
) -> LocationView:
    """A place stock is kept: the main store, another store, a technician's van."""
    require(actor.username, actor.roles, Perm.MANAGE_PARTS)
    clean_code = _code(code, "code", 20)
    clean_name = required_text(name, "name", max_length=60)
    try:
        kind = StockLocationKind(kind)
    except ValueError:
        raise ValidationError("kind", "stock.location_kind") from None

    def tx(s: Session) -> LocationView:
        done = requests.already_done(s, request_id, "location.create")
        if done is not None:
            return location_view(load_location(s, done))
        if technician_id is not None and s.get(Technician, technician_id) is None:
            raise NotFound("technician", technician_id)
        if s.scalar(select(StockLocation.id).where(StockLocation.code == clean_code)):
            raise ValidationError("code", "stock.code_taken", code=clean_code)
        now = db.now()
        loc = StockLocation(
            code=clean_code, name=clean_name, kind=kind, technician_id=technician_id, active=True
        )
        s.add(loc)
        try:
            s.flush()
        except IntegrityError as error:
            raise ValidationError("code", "stock.code_taken", code=clean_code) from error
        requests.remember(s, request_id, "location.create", loc.id, now)
        audit.record(
            s,
            actor,
            "location.create",
            "stock_location",
            loc.id,
            {"code": clean_code, "name": clean_name, "kind": kind.value},
            at=now,
        )
        return location_view(loc)

    return db.write(tx)


def _location_snapshot(loc: StockLocation) -> dict[str, Any]:
    return {"code": loc.code, "name": loc.name, "active": loc.active}


def update_location(
    db: Database,
    actor: Actor,
    location_id: int,
    name: str,
    active: bool,
    *,
    expected: LocationView,
) -> LocationView:
    """Rename a location or take it out of use (or back into use).

    ``expected`` is the location as the screen showed it: if someone renamed or
    (de)activated it since, ConflictError names who and when (from the audit trail)
    and nothing is saved. Stock locations carry no version column, so the check
    compares what the clerk saw with the locked row.

    A location is taken out of use only when it is empty: while it holds units
    (on hand or reserved for a requisition) it is refused with
    ``stock.location_holds_stock``; move or count them out first. The damaged-parts
    quarantine always stays in use (``stock.damaged_location_in_use``). An inactive
    location is left out of every choice of where to issue, receive or move from.
    """
    require(actor.username, actor.roles, Perm.MANAGE_PARTS)
    clean_name = required_text(name, "name", max_length=60)
    if not isinstance(active, bool):
        raise ValidationError("active", "stock.location_active")

    def tx(s: Session) -> LocationView:
        loc = (
            s.scalar(select(StockLocation).where(StockLocation.id == location_id).with_for_update())
            if isinstance(location_id, int)
            and not isinstance(location_id, bool)
            and 0 < location_id <= _MAX_ID
            else None
        )
        if loc is None:
            raise NotFound("stock location", location_id)
        if location_view(loc) != expected:
            who, when = last_change(s, "stock_location", loc.id)
            raise ConflictError("stock location", who, when, _location_snapshot(loc))
        before = _location_snapshot(loc)
        if loc.active and not active:
            if loc.kind is StockLocationKind.DAMAGED:
                raise ValidationError("active", "stock.damaged_location_in_use", location=loc.name)
            # Lock the location's stock rows too: no movement slips in under the check.
            levels = s.execute(
                select(StockLevel.on_hand, StockLevel.reserved)
                .where(StockLevel.location_id == loc.id)
                .with_for_update()
            ).all()
            on_hand = sum(int(row.on_hand) for row in levels)
            reserved = sum(int(row.reserved) for row in levels)
            if on_hand or reserved:
                raise ValidationError(
                    "active",
                    "stock.location_holds_stock",
                    location=loc.name,
                    on_hand=on_hand,
                    reserved=reserved,
                )
        loc.name, loc.active = clean_name, active
        s.flush()
        after = _location_snapshot(loc)
        changed = {k: {"from": before[k], "to": v} for k, v in after.items() if before[k] != v}
        if changed:
            action = (
                "location.update"
                if before["active"] == active
                else "location.activate"
                if active
                else "location.deactivate"
            )
            audit.record(s, actor, action, "stock_location", loc.id, changed, at=db.now())
        return location_view(loc)

    return db.write(tx)


def list_locations(
    db: Database, actor: Actor, *, include_inactive: bool = False
) -> list[LocationView]:
    """Stores first, then vans, then the damaged-parts quarantine; by code."""
    require(actor.username, actor.roles, Perm.VIEW_STOCK)
    order = {StockLocationKind.STORE: 0, StockLocationKind.VAN: 1, StockLocationKind.DAMAGED: 2}

    def q(s: Session) -> list[LocationView]:
        stmt = select(StockLocation)
        if not include_inactive:
            stmt = stmt.where(StockLocation.active.is_(True))
        rows = [location_view(loc) for loc in s.scalars(stmt)]
        return sorted(rows, key=lambda r: (order[r.kind], r.code))

    return db.read(q)


def damaged_location(db: Database, actor: Actor) -> LocationView:
    """The damaged-parts quarantine (旧件区), created the first time it is needed."""
    require(actor.username, actor.roles, Perm.VIEW_STOCK)
    return db.write(lambda s: location_view(ensure_damaged_location(s)))
