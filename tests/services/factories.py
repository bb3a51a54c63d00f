"""Test data built through the services, so fixtures read like the business."""

from __future__ import annotations

from datetime import date

from desk_app.domain.enums import TicketKind, Urgency
from desk_app.services import customers, tickets
from desk_app.services.customers import AddressInput, ApplianceDraft, CustomerDraft, CustomerView
from desk_app.services.database import Actor, Database
from desk_app.services.tickets import TicketDraft, TicketView


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
