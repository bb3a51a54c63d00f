"""Plain data for the printed forms, read from the database (printing renders it).

Times are handed to printing as the shop's local wall time (naive), so a form
printed on any PC shows the time the customer was told.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.db.models import (
    Appliance,
    Customer,
    Part,
    Requisition,
    Technician,
    Ticket,
)
from desk_app.db.models import RequisitionLine as RequisitionLineRow
from desk_app.domain.contacts import mask_phone, reduce_address, shows_contacts
from desk_app.domain.enums import RequisitionStatus, TicketStatus
from desk_app.domain.errors import NotFound, ValidationError
from desk_app.domain.permissions import Perm, require
from desk_app.domain.ticket_states import OPEN_STATES
from desk_app.domain.validation import search_text
from desk_app.printing.data import (
    CompanyHeader,
    CountLine,
    CountSheetData,
    FeedbackFormData,
    LikelyPart,
    RequisitionData,
    RequisitionLine,
    ReturnedPartLine,
    ReturnedPartSlipData,
    RouteSheetData,
    RouteStop,
    TechnicianDayData,
    WorkOrderData,
)
from desk_app.services.admin import settings
from desk_app.services.core.database import Actor, Database
from desk_app.services.dispatch import board

LANGUAGES = ("zh_CN", "en")
DEFAULT_HEADER = settings.DEFAULT_HEADER
DEFAULT_CHARGE_STANDARD = settings.DEFAULT_CHARGE_STANDARD


def _local(value: datetime | None, tz: ZoneInfo) -> datetime | None:
    return value.astimezone(tz).replace(tzinfo=None) if value else None


def _check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValidationError("language", "paperwork.unknown_language", languages=list(LANGUAGES))
    return language


def print_language(db: Database, kind: str, desk_language: str) -> str:
    """The language a document of ``kind`` (a DOCUMENT_KINDS key) prints in at a desk
    speaking ``desk_language``: the manager's setting for that kind
    (``settings.print_language``), the one rule every printed document follows."""
    return db.read(lambda s: settings.print_language(s, kind, desk_language))


def company_header(db: Database) -> CompanyHeader:
    """The letterhead a manager set (``settings.set_company_header``), for every document."""
    return settings.get_company_header(db)


def sample_work_order(language: str = "zh_CN", charge_standard: str = "") -> WorkOrderData:
    """A made-up, chargeable work order: what the settings screen prints to show a header."""
    _check_language(language)
    zh = language == "zh_CN"
    return WorkOrderData(
        ticket_no="S20260101-0001",
        kind="repair",
        urgency="normal",
        status="dispatched",
        customer_name="张三" if zh else "Zhang San",
        phones=("138 1234 5678",),
        address="北京市朝阳区建国路88号3栋501室" if zh else "No. 88 Jianguo Road, Beijing",
        area="朝阳区" if zh else "Chaoyang",
        product_type="空调" if zh else "Air conditioner",
        brand="格力" if zh else "Gree",
        model="KFR-35GW/BP3DN8Y",
        serial_no="SN123456",
        purchase_date=date(2024, 6, 1),
        warranty="out",
        fault_description="空调不制冷，外机不转" if zh else "Does not cool; outdoor unit silent",
        appointment_start=datetime(2026, 1, 1, 9, 0),
        appointment_end=datetime(2026, 1, 1, 11, 0),
        technician="刘师傅" if zh else "Liu",
        technician_phone="139 0000 1111",
        charge_standard=charge_standard or settings.DEFAULT_CHARGE_STANDARD[language],
        created_at=datetime(2026, 1, 1, 8, 30),
        language=language,
    )


def _ticket(s: Session, number: str) -> Ticket:
    key = search_text(number, "number", max_length=40).upper()
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


def _contacts(
    full: bool, phones: list[str], address: str | None, area: str | None
) -> tuple[tuple[str, ...], str]:
    """The phones and address a form prints: in full when ``full`` (the actor's roles
    carry ``Perm.VIEW_CONTACT_DETAILS``: the dispatcher printing a technician's work
    order), else masked and reduced to the district (``domain.contacts``)."""
    if full:
        return tuple(dict.fromkeys(phones)), address or ""
    masked = tuple(dict.fromkeys(mask_phone(p) for p in phones))
    return masked, reduce_address(address, area) if address else ""


def _work_order(s: Session, t: Ticket, language: str, full: bool) -> WorkOrderData:
    tz = settings.timezone(s)
    customer, appliance, tech = _parts(s, t)
    phones, address = _contacts(
        full,
        [p for p in [t.contact_phone] if p] + [p.raw for p in customer.phones],
        t.address,
        t.area,
    )
    return WorkOrderData(
        ticket_no=t.number,
        kind=t.kind.value,
        urgency=t.urgency.value,
        status=t.status.value,
        customer_name=customer.name,
        phones=phones,
        address=address,
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
        preferred_start=_local(t.preferred_start, tz),
        preferred_end=_local(t.preferred_end, tz),
        technician=tech.name if tech else "",
        technician_phone=(tech.phone or "") if tech else "",
        likely_parts=_parts_to_take(s, t.id),
        charge_standard=settings.charge_standard_text(s, language) if t.chargeable else "",
        created_at=_local(t.received_at, tz),
        respond_by=_local(t.respond_due, tz),
        visit_by=_local(t.visit_due, tz),
        repair_by=_local(t.repair_due, tz),
        notes=t.notes or "",
        language=language,
    )


def _parts_to_take(s: Session, ticket_id: int) -> tuple[LikelyPart, ...]:
    """The parts requisitioned for a ticket and not cancelled: reserved ones to pick up,
    issued ones (less any returned) already in the van."""
    rows = s.execute(
        select(Part.code, Part.name, Part.spec, RequisitionLineRow, Requisition.status)
        .join(RequisitionLineRow, RequisitionLineRow.part_id == Part.id)
        .join(Requisition, Requisition.id == RequisitionLineRow.requisition_id)
        .where(
            Requisition.ticket_id == ticket_id,
            Requisition.status != RequisitionStatus.CANCELLED,
        )
        .order_by(Requisition.id, RequisitionLineRow.id)
    )
    out: dict[tuple[str, str, str], int] = {}
    for code, name, spec, line, status in rows:
        if status is RequisitionStatus.ISSUED:
            qty = line.issued_quantity - line.returned_quantity
        else:
            qty = line.quantity
        if qty > 0:
            key = (code, name, spec or "")
            out[key] = out.get(key, 0) + qty
    return tuple(
        LikelyPart(code=code, name=name, model=spec, qty=qty)
        for (code, name, spec), qty in out.items()
    )


def work_order(db: Database, actor: Actor, number: str, language: str = "zh_CN") -> WorkOrderData:
    require(actor.username, actor.roles, Perm.VIEW_CUSTOMERS)
    _check_language(language)
    full = shows_contacts(actor.roles)
    return db.read(lambda s: _work_order(s, _ticket(s, number), language, full))


def work_orders_for_day(
    db: Database,
    actor: Actor,
    day: date,
    *,
    technician_id: int | None = None,
    language: str = "zh_CN",
) -> list[WorkOrderData]:
    """Work orders of the visits the dispatch board counts on ``day`` (open tickets,
    booked that day; cancelled and closed ones never), by technician name and time."""
    require(actor.username, actor.roles, Perm.VIEW_CUSTOMERS)
    _check_language(language)
    full = shows_contacts(actor.roles)

    def q(s: Session) -> list[WorkOrderData]:
        techs = s.scalars(select(Technician).order_by(Technician.name, Technician.id)).all()
        if technician_id is not None:
            techs = [t for t in techs if t.id == technician_id]
        out: list[WorkOrderData] = []
        for tech in techs:
            out += [
                _work_order(s, t, language, full) for t in board.booked_visits(s, [tech.id], day)
            ]
        return out

    return db.read(q)


# The visits of a day that are done: left off a technician's day unless asked for
# (completed and followed up); closed ones never print, like cancelled ones.
_DONE = frozenset({TicketStatus.COMPLETED, TicketStatus.FOLLOWED_UP})
_FINISHED = _DONE | {TicketStatus.CLOSED}


def technician_day(
    db: Database,
    actor: Actor,
    day: date,
    technician_id: int,
    *,
    filters: board.Filters | None = None,
    language: str = "zh_CN",
    include_completed: bool = False,
) -> TechnicianDayData:
    """One technician's visits on ``day`` (the shop's day) as the dispatch board counts
    them, in the board's order (``board.booked_visits``: open tickets, the board's
    ``filters``): the route sheet and the work orders of the day, printed together.

    With ``include_completed`` the completed and followed-up visits of the day print
    too; otherwise they are counted on the route sheet as left out, with the closed
    ones. Cancelled visits never print. NotFound for an unknown technician.
    """
    require(actor.username, actor.roles, Perm.VIEW_CUSTOMERS)
    _check_language(language)
    full = shows_contacts(actor.roles)

    def q(s: Session) -> TechnicianDayData:
        tech = s.get(Technician, technician_id)
        if tech is None:
            raise NotFound("technician", technician_id)
        statuses = OPEN_STATES | (_DONE if include_completed else frozenset())
        shown = board.booked_visits(s, [tech.id], day, filters=filters, statuses=statuses)
        finished = board.booked_visits(s, [tech.id], day, filters=filters, statuses=_FINISHED)
        orders = [_work_order(s, t, language, full) for t in shown]
        stops = tuple(_route_stop(o, t) for o, t in zip(orders, shown, strict=True))
        route = RouteSheetData(
            technician=tech.name,
            technician_phone=tech.phone or "",
            day=day,
            stops=stops,
            left_out=len({t.id for t in finished} - {t.id for t in shown}),
            language=language,
        )
        return TechnicianDayData(route=route, work_orders=tuple(orders))

    return db.read(q)


def _route_stop(o: WorkOrderData, t: Ticket) -> RouteStop:
    product = " ".join(v for v in (o.brand, o.product_type, o.model) if v)
    return RouteStop(
        ticket_no=o.ticket_no,
        kind=o.kind,
        urgency=o.urgency,
        status=o.status,
        start=o.appointment_start,
        end=o.appointment_end,
        customer_name=o.customer_name,
        phones=o.phones,
        address=o.address,
        area=o.area,
        product=product,
        fault_description=o.fault_description,
        parts=o.likely_parts,
        notes=o.notes,
    )


def feedback_form(
    db: Database, actor: Actor, number: str, language: str = "zh_CN"
) -> FeedbackFormData:
    require(actor.username, actor.roles, Perm.VIEW_CUSTOMERS)
    _check_language(language)
    full = shows_contacts(actor.roles)

    def q(s: Session) -> FeedbackFormData:
        t = _ticket(s, number)
        tz = settings.timezone(s)
        customer, appliance, tech = _parts(s, t)
        when = t.appointment_start or t.received_at
        phones, address = _contacts(full, [p.raw for p in customer.phones], t.address, t.area)
        return FeedbackFormData(
            ticket_no=t.number,
            kind=t.kind.value,
            customer_name=customer.name,
            phones=phones,
            address=address,
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
    from desk_app.services.stock import requisitions

    _check_language(language)
    key = search_text(number, "number", max_length=40).upper()
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
    from desk_app.services.stock import damaged_parts

    require(actor.username, actor.roles, Perm.VIEW_STOCK)
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
    from desk_app.services.stock import stocktake

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
