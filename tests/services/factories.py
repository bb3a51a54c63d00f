"""Test data built through the services, so fixtures read like the business."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from desk_app.domain.enums import TicketKind, TicketStatus, Urgency
from desk_app.services.core.database import Actor, Database
from desk_app.services.customers import customers
from desk_app.services.customers.customers import (
    AddressInput,
    ApplianceDraft,
    CustomerDraft,
    CustomerView,
)
from desk_app.services.dispatch import areas, dispatch
from desk_app.services.dispatch.dispatch import TechnicianDraft
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import Completion, TicketDraft, TicketView


def customer(
    db: Database,
    actor: Actor,
    name: str = "张三",
    phone: str = "138 1234 5678",
    address: str = "北京市朝阳区建国路88号3栋501室",
    area: str = "朝阳区",
) -> CustomerView:
    return customers.create_customer(
        db, actor, CustomerDraft(name, [phone], [AddressInput(address, area)])
    )


def appliance(
    db: Database, actor: Actor, customer_id: int, *, warranty_end: date | None = date(2027, 6, 1)
) -> customers.ApplianceView:
    return customers.add_appliance(
        db,
        actor,
        customer_id,
        ApplianceDraft(
            "空调",
            "KFR-35GW/BP3DN8Y",
            brand="格力",
            serial="SN123456",
            purchase_date=date(2024, 6, 1),
            warranty_end=warranty_end,
        ),
    )


def ticket(
    db: Database,
    actor: Actor,
    customer_id: int | None = None,
    *,
    kind: TicketKind = TicketKind.REPAIR,
    urgency: Urgency = Urgency.NORMAL,
    fault: str = "空调不制冷，外机不转",
    appliance_id: int | None = None,
) -> TicketView:
    if customer_id is None:
        customer_id = customer(db, actor).id
    return tickets.open_ticket(
        db,
        actor,
        TicketDraft(customer_id, kind, fault, urgency=urgency, appliance_id=appliance_id),
    )


def service_areas(db: Database, manager: Actor, *names: str) -> None:
    """The service areas ``names`` exist (a technician may only cover such areas)."""
    have = {a.name for a in areas.list_areas(db, manager)}
    for name in names:
        if name not in have:
            areas.create_area(db, manager, name)


def technician(db: Database, manager: Actor, name: str = "刘师傅") -> int:
    """The id of the active technician called ``name``, created if there is none."""
    for t in dispatch.list_technicians(db, manager):
        if t.name == name:
            return t.id
    return dispatch.create_technician(db, manager, TechnicianDraft(name)).id


def completed_ticket(
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    manager: Actor,
    customer_id: int | None = None,
    *,
    kind: TicketKind = TicketKind.REPAIR,
    appliance_id: int | None = None,
    technician_id: int | None = None,
    completion: Completion | None = None,
) -> TicketView:
    """A ticket taken in by the clerk, assigned by the dispatcher (to ``technician_id``,
    or to 刘师傅), serviced and completed: what the follow-up desk calls about."""
    t = ticket(db, clerk, customer_id, kind=kind, appliance_id=appliance_id)
    tech = technician_id if technician_id is not None else technician(db, manager)
    dispatch.assign(db, dispatcher, t.id, tech)
    tickets.change_status(db, dispatcher, t.id, TicketStatus.IN_SERVICE)
    done = completion or Completion("电容老化", "更换启动电容")
    return tickets.complete(db, dispatcher, t.id, done)


def count(db: Database, model: type[object]) -> int:
    """Rows of ``model``'s table: proof that a refused action wrote nothing."""
    return db.read(lambda s: s.scalar(select(func.count()).select_from(model)) or 0)
