"""Customers' phones and addresses as each role sees them: in full for the desk roles,
masked (138****5678) and reduced to the district for the parts clerk and the technician,
on every service that hands a customer's contact details to a screen or a printer."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from desk_app.domain.enums import Role
from desk_app.services.care import maintenance
from desk_app.services.core.database import Actor, Database
from desk_app.services.customers import customers
from desk_app.services.customers.customers import CustomerDraft
from desk_app.services.dispatch import dispatch
from desk_app.services.paperwork import paperwork
from desk_app.services.tickets import tickets
from tests.conftest import make_actor
from tests.services import factories

PHONE = "13812345678"
MASKED = "138****5678"
ADDRESS = "北京市朝阳区建国路88号3栋501室"
AREA = "朝阳区"
HIDDEN_ROLES = (Role.PARTS_CLERK, Role.TECHNICIAN)
FULL_ROLES = (Role.CLERK, Role.DISPATCHER, Role.FOLLOWUP, Role.MANAGER)


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit() or c == "*")


@pytest.fixture
def booked(db: Database, manager: Actor) -> tickets.TicketView:
    """A customer with an old air conditioner and a ticket booked for a visit, whose
    contact phone a clerk corrected once (the edit event holds the old and new one)."""
    c = factories.customer(db, manager, phone=PHONE, address=ADDRESS, area=AREA)
    a = factories.appliance(db, manager, c.id)
    t = factories.ticket(db, manager, c.id, appliance_id=a.id)
    t = tickets.edit_ticket(
        db,
        manager,
        t.id,
        replace(t.as_edit(), contact_phone="13999998888"),
        expected_version=t.version,
    )
    nine = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
    tech = factories.technician(db, manager)
    return dispatch.assign(db, manager, t.id, tech, starts=nine, ends=nine + timedelta(hours=1))


def _someone(db: Database, manager: Actor, role: Role) -> Actor:
    return manager if role is Role.MANAGER else make_actor(db, manager, "someone", role, "某人")


@pytest.mark.parametrize("role", HIDDEN_ROLES + FULL_ROLES)
def test_customer_search_and_detail(
    db: Database, manager: Actor, booked: tickets.TicketView, role: Role
) -> None:
    actor = _someone(db, manager, role)
    full = role in FULL_ROLES
    (row,) = customers.search_customers(db, actor, "张三")
    detail = customers.get_customer(db, actor, booked.customer_id)
    (dup,) = customers.find_duplicates(db, actor, CustomerDraft("张三", [PHONE]))
    phones = [row.phone, dup.phone, *(p.raw for p in detail.phones)]
    phones += [p.display for p in detail.phones] + [p.normalized for p in detail.phones]
    addresses = [row.address, dup.address, *(a.text for a in detail.addresses)]
    if full:
        assert {_digits(p or "") for p in phones} == {PHONE}
        assert set(addresses) == {ADDRESS}
    else:
        assert {_digits(p or "") for p in phones} == {MASKED}
        assert set(addresses) == {AREA}
    # What is not a contact detail is the same for everyone.
    assert detail.name == row.name == "张三" and detail.appliances


@pytest.mark.parametrize("role", HIDDEN_ROLES + FULL_ROLES)
def test_ticket_view_and_its_edit_history(
    db: Database, manager: Actor, booked: tickets.TicketView, role: Role
) -> None:
    actor = _someone(db, manager, role)
    seen = [
        tickets.get_ticket(db, actor, booked.id),
        tickets.find_by_number(db, actor, booked.number),
    ]
    for v in seen:
        (edit,) = [e for e in v.events if e.action == "edit"]
        change = edit.data["changes"]["contact_phone"]  # type: ignore[index]
        if role in FULL_ROLES:
            assert v.contact_phone == "13999998888" and v.address == ADDRESS
            assert change == {"from": PHONE, "to": "13999998888"}
        else:
            assert v.contact_phone == "139****8888" and v.address == AREA
            assert change == {"from": MASKED, "to": "139****8888"}
        assert v.area == AREA and v.customer_name == "张三"


@pytest.mark.parametrize("role", HIDDEN_ROLES + FULL_ROLES)
def test_printed_work_order_route_sheet_and_feedback_form(
    db: Database, manager: Actor, booked: tickets.TicketView, role: Role
) -> None:
    """The dispatcher prints the technician's papers with the full details, as today; a
    parts clerk or a technician printing one gets the masked ones."""
    actor = _someone(db, manager, role)
    day = date(2026, 11, 24)  # the shop's day of the booking
    order = paperwork.work_order(db, actor, booked.number)
    (of_day,) = paperwork.work_orders_for_day(db, actor, day)
    route = paperwork.technician_day(db, actor, day, booked.technician_id or 0)
    form = paperwork.feedback_form(db, actor, booked.number)
    printed = [order, of_day, route.work_orders[0], route.route.stops[0], form]
    if role in FULL_ROLES:
        assert order.phones == ("13999998888", PHONE)
        assert form.phones == (PHONE,)
        assert {p.address for p in printed} == {ADDRESS}
    else:
        assert order.phones == ("139****8888", MASKED)
        assert form.phones == (MASKED,)
        assert {p.address for p in printed} == {AREA}
    assert {p.phones[-1] for p in printed} == {PHONE if role in FULL_ROLES else MASKED}


@pytest.mark.parametrize("role", [Role.TECHNICIAN, Role.CLERK])
def test_maintenance_reminders(db: Database, manager: Actor, role: Role) -> None:
    c = factories.customer(db, manager, phone=PHONE, address=ADDRESS, area=AREA)
    factories.appliance(db, manager, c.id)
    actor = _someone(db, manager, role)
    (due,) = maintenance.maintenance_due(db, actor, date(2027, 6, 1), {"空调": 12})
    if role is Role.CLERK:
        assert (due.phone, due.address) == (PHONE, ADDRESS)
    else:
        assert (_digits(due.phone or ""), due.address) == (MASKED, "北京市朝阳区")


@pytest.mark.parametrize("role", HIDDEN_ROLES + FULL_ROLES)
def test_searches_cannot_spell_out_a_hidden_address_or_number(
    db: Database, manager: Actor, booked: tickets.TicketView, role: Role
) -> None:
    """A masked screen would be no use if the search box answered "does 张三 live on
    建国路?" or "does the number start with 1381?": for the roles that see contacts
    masked, addresses and partial numbers find no one; names, a ticket number and the
    complete number the customer gave still find the customer."""
    actor = _someone(db, manager, role)

    def found(query: str) -> bool:
        return [r.id for r in customers.search_customers(db, actor, query)] == [booked.customer_id]

    assert found("张三") and found(booked.number) and found(PHONE) and found("138 1234 5678")
    for probe in ("建国路", "朝阳区建国", "1381234", "5678", "12345"):
        assert found(probe) is (role in FULL_ROLES), probe
