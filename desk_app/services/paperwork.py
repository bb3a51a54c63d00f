"""Plain data for the printed forms, read from the database (printing renders it).

Times are handed to printing as the shop's local wall time (naive), so a form
printed on any PC shows the time the customer was told.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.db.models import Appliance, Customer, Part, Requisition, Technician, Ticket
from desk_app.domain.errors import NotFound, ValidationError
from desk_app.domain.permissions import Perm, require
from desk_app.printing.data import (
    CompanyHeader,
    CountLine,
    CountSheetData,
    FeedbackFormData,
    RequisitionData,
    RequisitionLine,
    ReturnedPartLine,
    ReturnedPartSlipData,
    WorkOrderData,
)
from desk_app.services import settings
from desk_app.services.database import Actor, Database

LANGUAGES = ("zh_CN", "en")
DEFAULT_HEADER = {"name": "售后服务部", "address": "", "hotline": "", "logo_path": None}
# Printed on every chargeable work order: customers have a right to know it first.
DEFAULT_CHARGE_STANDARD = {
    "zh_CN": "保内免费（人为损坏除外）；保外收取上门费、人工费及配件费，收费前告知客户。",
    "en": "Free in warranty (misuse excepted); out of warranty: call-out, labour and parts, "
    "quoted before work.",
}


def _local(value: datetime | None, tz: ZoneInfo) -> datetime | None:
    return value.astimezone(tz).replace(tzinfo=None) if value else None


def _check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValidationError("language", f"Language must be one of {', '.join(LANGUAGES)}.")
    return language


def company_header(db: Database) -> CompanyHeader:
    value = settings.get_setting(db, "company_header", DEFAULT_HEADER)
    merged = {**DEFAULT_HEADER, **(value if isinstance(value, dict) else {})}
    return CompanyHeader(
        name=str(merged["name"]),
        address=str(merged["address"] or ""),
        hotline=str(merged["hotline"] or ""),
        logo_path=merged["logo_path"] or None,
    )


def _ticket(s: Session, number: str) -> Ticket:
    key = (number or "").strip().upper()
    t = s.scalar(select(Ticket).where(Ticket.number == key))
    if t is None:
        raise NotFound("ticket", key)
    return t


def _parts(s: Session, t: Ticket) -> tuple[Customer, Appliance | None, Technician | None]:
    customer = s.get(Customer, t.customer_id)
    assert customer is not None
    appliance = s.get(Appliance, t.appliance_id) if t.appliance_id else None
    tech = s.get(Technician, t.technician_id) if t.technician_id else None
    return customer, appliance, tech


def _work_order(s: Session, t: Ticket, language: str) -> WorkOrderData:
    tz = settings.timezone(s)
    customer, appliance, tech = _parts(s, t)
    standard = settings.get_value(s, "charge_standard", DEFAULT_CHARGE_STANDARD)
    phones = tuple(
        dict.fromkeys([p for p in [t.contact_phone] if p] + [p.raw for p in customer.phones])
    )
    return WorkOrderData(
        ticket_no=t.number,
        kind=t.kind.value,
        urgency=t.urgency.value,
        status=t.status.value,
        customer_name=customer.name,
        phones=phones,
        address=t.address or "",
        area=t.area or "",
        product_type=appliance.category if appliance else "",
        brand=(appliance.brand or "") if appliance else "",
        model=appliance.model if appliance else "",
        serial_no=(appliance.serial or "") if appliance else "",
        purchase_date=appliance.purchase_date if appliance else None,
        warranty=t.warranty.value,
        fault_description=t.fault_description,
        appointment_start=_local(t.appointment_start, tz),
        appointment_end=_local(t.appointment_end, tz),
        technician=tech.name if tech else "",
        technician_phone=(tech.phone or "") if tech else "",
        charge_standard=standard.get(language, "")
        if t.chargeable and isinstance(standard, dict)
        else "",
        created_at=_local(t.received_at, tz),
        respond_by=_local(t.respond_due, tz),
        visit_by=_local(t.visit_due, tz),
        repair_by=_local(t.repair_due, tz),
        notes=t.notes or "",
        language=language,
    )


def work_order(db: Database, actor: Actor, number: str, language: str = "zh_CN") -> WorkOrderData:
    require(actor.username, actor.role, Perm.VIEW_CUSTOMERS)
    _check_language(language)
    return db.read(lambda s: _work_order(s, _ticket(s, number), language))


def work_orders_for_day(
    db: Database,
    actor: Actor,
    day_start: datetime,
    day_end: datetime,
    *,
    technician_id: int | None = None,
    language: str = "zh_CN",
) -> list[WorkOrderData]:
    """Work orders of the visits booked in [day_start, day_end), by technician and time."""
    require(actor.username, actor.role, Perm.VIEW_CUSTOMERS)
    _check_language(language)

    def q(s: Session) -> list[WorkOrderData]:
        stmt = (
            select(Ticket)
            .where(Ticket.appointment_start >= day_start, Ticket.appointment_start < day_end)
            .order_by(Ticket.technician_id, Ticket.appointment_start)
        )
        if technician_id is not None:
            stmt = stmt.where(Ticket.technician_id == technician_id)
        return [_work_order(s, t, language) for t in s.scalars(stmt)]

    return db.read(q)


def feedback_form(
    db: Database, actor: Actor, number: str, language: str = "zh_CN"
) -> FeedbackFormData:
    require(actor.username, actor.role, Perm.VIEW_CUSTOMERS)
    _check_language(language)

    def q(s: Session) -> FeedbackFormData:
        t = _ticket(s, number)
        tz = settings.timezone(s)
        customer, appliance, tech = _parts(s, t)
        when = t.appointment_start or t.received_at
        return FeedbackFormData(
            ticket_no=t.number,
            kind=t.kind.value,
            customer_name=customer.name,
            phones=tuple(p.raw for p in customer.phones),
            address=t.address or "",
            product_type=appliance.category if appliance else "",
            brand=(appliance.brand or "") if appliance else "",
            model=appliance.model if appliance else "",
            serial_no=(appliance.serial or "") if appliance else "",
            technician=tech.name if tech else "",
            service_date=when.astimezone(tz).date(),
            language=language,
        )

    return db.read(q)


def requisition(
    db: Database, actor: Actor, number: str, language: str = "zh_CN"
) -> RequisitionData:
    """The parts requisition (配件领用单) with this number, as issued or as requested."""
    from desk_app.services import requisitions

    _check_language(language)
    key = (number or "").strip().upper()
    found = db.read(lambda s: s.scalar(select(Requisition.id).where(Requisition.number == key)))
    if found is None:
        raise NotFound("requisition", key)
    r = requisitions.get_requisition(db, actor, found)
    tz = db.read(settings.timezone)
    return RequisitionData(
        requisition_no=r.number,
        created_at=_local(r.created_at, tz),
        requested_by=r.technician or r.created_by,
        issued_by=r.issued_by or "",
        warehouse=", ".join(dict.fromkeys(line.location_name for line in r.lines)),
        lines=tuple(
            RequisitionLine(
                part_code=line.part_code,
                name=line.part_name,
                spec=line.spec or "",
                qty=line.quantity,
                unit=line.unit,
                unit_price_cents=line.unit_price_cents,
                ticket_no=r.ticket_number,
            )
            for line in r.lines
        ),
        notes=r.notes or "",
        language=language,
    )


def returned_slip_number(damaged_id: int) -> str:
    """The number printed on the slip of one registered damaged part (and its file name)."""
    return f"JH{damaged_id:06d}"


def returned_part_slip(
    db: Database, actor: Actor, key: int | str, language: str = "zh_CN"
) -> ReturnedPartSlipData:
    """The returned-part slip (旧件返还单): of one registered damaged part (``key`` its
    id), or of every damaged part registered for a ticket (``key`` the ticket number),
    in the order they came back. NotFound if the ticket has none."""
    from desk_app.services import damaged_parts

    require(actor.username, actor.role, Perm.VIEW_STOCK)
    _check_language(language)
    if isinstance(key, int):
        returned = [damaged_parts.get_damaged(db, actor, key)]
        slip_no = returned_slip_number(key)
    else:
        number = (key or "").strip().upper()
        ticket_id = db.read(lambda s: _ticket(s, number).id)
        returned = damaged_parts.list_damaged(db, actor, pending_only=False, ticket_id=ticket_id)
        returned.reverse()  # listed newest first
        if not returned:
            raise NotFound("damaged part", number)
        slip_no = f"JH-{number}"
    part_ids = [d.part_id for d in returned if d.part_id is not None]

    def q(s: Session) -> tuple[str, str, str, dict[int, str | None], ZoneInfo]:
        t = s.get(Ticket, returned[0].ticket_id)
        assert t is not None
        customer, _appliance, tech = _parts(s, t)
        rows = s.execute(select(Part.id, Part.spec).where(Part.id.in_(part_ids)))
        specs = {part_id: spec for part_id, spec in rows}
        return t.number, customer.name, tech.name if tech else "", specs, settings.timezone(s)

    ticket_no, customer_name, technician, specs, tz = db.read(q)
    lines = []
    for d in returned:
        name = d.part_name or d.description
        spec = specs.get(d.part_id) if d.part_id is not None else None
        serial = f"S/N {d.serial}" if d.serial else ""
        lines.append(
            ReturnedPartLine(
                part_code=d.part_code or "",
                name=name,
                spec=" · ".join(x for x in (spec, serial) if x),
                qty=d.quantity,
                reason=d.description if d.description != name else "",
            )
        )
    return ReturnedPartSlipData(
        slip_no=slip_no,
        ticket_no=ticket_no,
        returned_by=technician,
        received_by=", ".join(dict.fromkeys(d.received_by for d in returned)),
        returned_at=_local(max(d.received_at for d in returned), tz),
        customer_name=customer_name,
        lines=tuple(lines),
        notes="\n".join(d.notes for d in returned if d.notes),
        language=language,
    )


def count_sheet(
    db: Database, actor: Actor, stocktake_id: int, language: str = "zh_CN", *, blind: bool = True
) -> CountSheetData:
    """The count sheet of a stocktake, by bin; blind (no book quantities) by default so
    counters count what is on the shelf, not what the computer expects."""
    from desk_app.services import stocktake

    _check_language(language)
    st = stocktake.get_stocktake(db, actor, stocktake_id)
    tz = db.read(settings.timezone)
    lines = sorted(st.lines, key=lambda line: (line.bin_location or "", line.part_code))
    return CountSheetData(
        count_no=f"ST{st.id:06d}",
        warehouse=st.location_name,
        count_date=st.created_at.astimezone(tz).date(),
        blind=blind,
        lines=tuple(
            CountLine(
                bin=line.bin_location or "",
                part_code=line.part_code,
                name=line.part_name,
                spec=line.spec or "",
                unit=line.unit,
                system_qty=None if blind else line.frozen_quantity,
            )
            for line in lines
        ),
        language=language,
    )
