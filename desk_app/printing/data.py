"""Plain, frozen data the printed documents are made from; services build these."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

# Conventions for every class below (see docs/printing.md):
# - ``language`` is "zh_CN" (default) or "en"; it picks the captions of the form.
# - kind / urgency / status / warranty are CODES (the values of desk_app.domain.enums,
#   e.g. kind="repair", urgency="urgent", warranty="in"); printing translates them.
#   A code printing does not know is printed unchanged.
# - Money is integer cents (分) and is printed as ¥1,234.50.
# - Datetimes are the shop's wall-clock time, naive: whoever builds the data converts
#   with the shop's zone (services.paperwork does). An aware datetime is refused, so
#   the zone of the PC that prints can never leak onto paper.
# - Free text (names, addresses, fault descriptions, notes) is printed as given,
#   wrapped and flowed onto further pages when long. Line breaks are kept.


@dataclass(frozen=True, kw_only=True)
class CompanyHeader:
    """The service center's letterhead, set once by a manager, printed on every form.

    The logo prints from ``logo_data`` (PNG/JPEG bytes, as the shared database keeps
    it) when given, else from the file at ``logo_path``.
    """

    name: str
    address: str = ""
    hotline: str = ""
    logo_path: str | None = None
    logo_data: bytes | None = field(default=None, repr=False)
    #: the shop's time zone (an IANA name): the "printed at" stamp of every form
    timezone: str = "Asia/Shanghai"


@dataclass(frozen=True, kw_only=True)
class LikelyPart:
    """A part the technician will probably need, listed on the work order."""

    code: str
    name: str
    model: str = ""
    qty: int = 1


@dataclass(frozen=True, kw_only=True)
class WorkOrderData:
    """One service ticket as the technician's work order (派工单)."""

    ticket_no: str
    kind: str
    urgency: str
    status: str
    customer_name: str
    phones: tuple[str, ...] = ()
    address: str = ""
    area: str = ""
    product_type: str = ""
    brand: str = ""
    model: str = ""
    serial_no: str = ""
    purchase_date: date | None = None
    warranty: str = "unknown"
    fault_description: str = ""
    appointment_start: datetime | None = None
    appointment_end: datetime | None = None
    # the time the customer asked for at intake (printed while no visit is booked)
    preferred_start: datetime | None = None
    preferred_end: datetime | None = None
    technician: str = ""
    technician_phone: str = ""
    likely_parts: tuple[LikelyPart, ...] = ()
    tools: str = ""
    charge_standard: str = ""
    created_at: datetime | None = None
    respond_by: datetime | None = None
    visit_by: datetime | None = None
    repair_by: datetime | None = None
    notes: str = ""
    language: str = "zh_CN"


@dataclass(frozen=True, kw_only=True)
class FeedbackFormData:
    """The customer's service feedback form (服务反馈单) for one ticket."""

    ticket_no: str
    kind: str
    customer_name: str
    phones: tuple[str, ...] = ()
    address: str = ""
    product_type: str = ""
    brand: str = ""
    model: str = ""
    serial_no: str = ""
    technician: str = ""
    service_date: date | None = None
    language: str = "zh_CN"


@dataclass(frozen=True, kw_only=True)
class RequisitionLine:
    """One part issued against a requisition."""

    part_code: str
    name: str
    spec: str = ""
    qty: int = 1
    unit: str = ""
    unit_price_cents: int = 0
    ticket_no: str = ""


@dataclass(frozen=True, kw_only=True)
class RequisitionData:
    """A parts requisition (配件领用单): parts a technician takes for tickets."""

    requisition_no: str
    created_at: datetime | None = None
    requested_by: str = ""
    issued_by: str = ""
    warehouse: str = ""
    lines: tuple[RequisitionLine, ...] = ()
    notes: str = ""
    language: str = "zh_CN"


@dataclass(frozen=True, kw_only=True)
class ReturnedPartLine:
    """One faulty part brought back from an appliance."""

    part_code: str
    name: str
    spec: str = ""
    qty: int = 1
    reason: str = ""


@dataclass(frozen=True, kw_only=True)
class ReturnedPartSlipData:
    """A returned (damaged) part slip (旧件返还登记单) for one ticket."""

    slip_no: str
    ticket_no: str = ""
    returned_by: str = ""
    received_by: str = ""
    returned_at: datetime | None = None
    customer_name: str = ""
    lines: tuple[ReturnedPartLine, ...] = ()
    notes: str = ""
    language: str = "zh_CN"


@dataclass(frozen=True, kw_only=True)
class CountLine:
    """One stock line to count; ``system_qty`` None prints a blank book quantity."""

    bin: str
    part_code: str
    name: str
    spec: str = ""
    unit: str = ""
    system_qty: int | None = None


@dataclass(frozen=True, kw_only=True)
class CountSheetData:
    """A stocktake count sheet (库存盘点表); ``blind`` hides book quantities."""

    count_no: str
    warehouse: str = ""
    count_date: date | None = None
    blind: bool = False
    lines: tuple[CountLine, ...] = ()
    notes: str = ""
    language: str = "zh_CN"


@dataclass(frozen=True, kw_only=True)
class CheckInReceiptData:
    """The receipt for an appliance left at the counter (送修接机单)."""

    ticket_no: str
    kind: str = "repair"
    received_at: datetime | None = None
    received_by: str = ""
    customer_name: str = ""
    phones: tuple[str, ...] = ()
    address: str = ""
    product_type: str = ""
    brand: str = ""
    model: str = ""
    serial_no: str = ""
    purchase_date: date | None = None
    warranty: str = "unknown"
    accessories: tuple[str, ...] = ()
    condition: str = ""
    fault_description: str = ""
    expected_ready: date | None = None
    charge_standard: str = ""
    terms: str | None = None  # None: the standard terms; "": none printed
    language: str = "zh_CN"


@dataclass(frozen=True, kw_only=True)
class ApplianceTagData:
    """The small tag tied to an appliance left at the counter.

    The phone is printed masked (138****5678) and the fault shortened: the tag
    hangs in the workshop where anyone can read it; the receipt has it all.
    """

    ticket_no: str
    customer_name: str = ""
    phone: str = ""
    product_type: str = ""
    brand: str = ""
    model: str = ""
    serial_no: str = ""
    accessories: tuple[str, ...] = ()
    fault_description: str = ""
    received_at: datetime | None = None
    received_by: str = ""
    language: str = "zh_CN"


@dataclass(frozen=True, kw_only=True)
class RouteStop:
    """One visit of a technician's day, as the route sheet lists it."""

    ticket_no: str
    kind: str
    urgency: str = "normal"
    status: str = "appointed"
    start: datetime | None = None
    end: datetime | None = None
    customer_name: str = ""
    phones: tuple[str, ...] = ()
    address: str = ""
    area: str = ""
    product: str = ""  # brand, type and model in one line
    fault_description: str = ""
    parts: tuple[LikelyPart, ...] = ()  # to take along (reserved or issued for the ticket)
    notes: str = ""


@dataclass(frozen=True, kw_only=True)
class RouteSheetData:
    """A technician's day in visiting order (路线单): what to take and where to go.

    ``left_out`` counts the completed visits of the day not listed (printed as a note).
    """

    technician: str
    day: date
    technician_phone: str = ""
    stops: tuple[RouteStop, ...] = ()
    left_out: int = 0
    language: str = "zh_CN"


@dataclass(frozen=True, kw_only=True)
class TechnicianDayData:
    """What a technician's day prints as one PDF: the route sheet, then the work orders."""

    route: RouteSheetData
    work_orders: tuple[WorkOrderData, ...] = ()
