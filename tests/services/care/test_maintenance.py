"""Maintenance reminders (维护提醒): who is due by appliance age and category, and the
maintenance ticket opened from the list."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime

import pytest

from desk_app.domain.enums import TicketKind, TicketStatus
from desk_app.domain.errors import DuplicateEntry, NotFound, ValidationError
from desk_app.messages import render
from desk_app.services.care import maintenance
from desk_app.services.core import audit
from desk_app.services.core.database import Actor, Database
from desk_app.services.customers import customers
from desk_app.services.customers.customers import ApplianceDraft
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import Completion
from tests.conftest import FakeClock
from tests.services import factories


def test_maintenance_due_by_category_and_age(
    db: Database, clerk: Actor, dispatcher: Actor, clock: FakeClock
) -> None:
    zhang = factories.customer(db, clerk)
    old_ac = factories.appliance(db, clerk, zhang.id)  # 空调, bought 2024-06-01
    li = factories.customer(db, clerk, "李四", "13911112222")
    new_ac = customers.add_appliance(
        db, clerk, li.id, ApplianceDraft("空调", "KFR-26", purchase_date=date(2026, 3, 1))
    )
    customers.add_appliance(
        db, clerk, li.id, ApplianceDraft("洗衣机", "XQB80", purchase_date=date(2020, 1, 1))
    )
    customers.add_appliance(db, clerk, li.id, ApplianceDraft("空调", "KFR-50"))  # no date
    today = date(2026, 11, 23)
    due = maintenance.maintenance_due(db, clerk, today, {"空调": 12})
    assert [d.appliance_id for d in due] == [old_ac.id]
    d = due[0]
    assert (d.customer_name, d.phone, d.since, d.due_on) == (
        "张三",
        "138 1234 5678",
        date(2024, 6, 1),
        date(2025, 6, 1),
    )
    assert d.days_overdue == (today - date(2025, 6, 1)).days
    assert d.address == "北京市朝阳区建国路88号3栋501室"
    # Six-monthly: the newer one is due too (2026-09-01), most overdue first.
    assert [x.appliance_id for x in maintenance.maintenance_due(db, clerk, today, {"空调": 6})] == [
        old_ac.id,
        new_ac.id,
    ]
    assert [
        x.due_on for x in maintenance.maintenance_due(db, clerk, date(2026, 8, 31), {"空调": 6})
    ] == [date(2024, 12, 1)]
    with pytest.raises(ValidationError):
        maintenance.maintenance_due(db, clerk, today, {"空调": 0})


def test_maintenance_ticket_from_the_reminder_resets_the_clock(
    db: Database, clerk: Actor, dispatcher: Actor, clock: FakeClock
) -> None:
    zhang = factories.customer(db, clerk)
    ac = factories.appliance(db, clerk, zhang.id)
    t = maintenance.open_maintenance_ticket(db, clerk, ac.id, request_id="m-1")
    assert (t.kind, t.appliance_id, t.customer_id) == (TicketKind.MAINTENANCE, ac.id, zhang.id)
    assert "KFR-35GW/BP3DN8Y" in t.fault_description
    assert maintenance.open_maintenance_ticket(db, clerk, ac.id, request_id="m-1").id == t.id
    with pytest.raises(DuplicateEntry) as refused:
        maintenance.open_maintenance_ticket(db, clerk, ac.id)
    assert (refused.value.code, refused.value.values["key"]) == (
        "maintenance.ticket_already_open",
        t.number,
    )
    today = date(2026, 11, 23)
    assert maintenance.maintenance_due(db, clerk, today, {"空调": 12}) == []  # already open

    tickets.change_status(db, dispatcher, t.id, TicketStatus.DISPATCHED)
    tickets.change_status(db, dispatcher, t.id, TicketStatus.IN_SERVICE)
    tickets.complete(db, dispatcher, t.id, Completion("正常保养", "清洗滤网和冷凝器"))
    assert maintenance.maintenance_due(db, clerk, today, {"空调": 12}) == []
    later = maintenance.maintenance_due(db, clerk, date(2027, 11, 23), {"空调": 12})
    assert [(x.appliance_id, x.last_maintenance, x.due_on) for x in later] == [
        (ac.id, today, date(2027, 11, 23))
    ]
    with pytest.raises(NotFound):
        maintenance.open_maintenance_ticket(db, clerk, 999_999)


def test_default_maintenance_rules(db: Database, clerk: Actor) -> None:
    zhang = factories.customer(db, clerk)
    ac = factories.appliance(db, clerk, zhang.id)
    assert [d.interval_months for d in maintenance.maintenance_due(db, clerk)] == [12]
    assert maintenance.maintenance_due(db, clerk)[0].appliance_id == ac.id


def test_ticket_from_the_reminder_is_one_write(
    db: Database, clerk: Actor, manager: Actor, clock: FakeClock
) -> None:
    """A refusal inside the write leaves nothing behind: no ticket, no number taken,
    no remembered request; the refusal reads in Chinese with the open ticket's number."""
    zhang = factories.customer(db, clerk)
    ac = factories.appliance(db, clerk, zhang.id)
    with pytest.raises(ValidationError):
        maintenance.open_maintenance_ticket(db, clerk, ac.id, description="  ", request_id="m-2")
    assert tickets.customer_tickets(db, clerk, zhang.id) == []
    first = maintenance.open_maintenance_ticket(db, clerk, ac.id, request_id="m-2")
    assert first.number.endswith("-0001")
    assert [e.action for e in audit.history(db, manager, "ticket", first.id)] == ["ticket.open"]
    with pytest.raises(DuplicateEntry) as refused:
        maintenance.open_maintenance_ticket(db, clerk, ac.id, request_id="m-3")
    assert render(refused.value, language="zh_CN") == (
        f"该家电已有未完成的保养服务单：{first.number}。"
    )
    assert [t.id for t in tickets.customer_tickets(db, clerk, zhang.id)] == [first.id]


def test_the_first_n_are_the_first_n_of_the_whole_list(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor, clock: FakeClock
) -> None:
    """The database keeps only the candidates for the first ``limit``: whatever the
    limit, the list is the start of the uncut one, also with purchases on month ends
    (the 29th, 30th and 31st fall due on one day) and maintenance finished just after
    the shop's midnight (the 16:30 UTC completion is the next day in Shanghai)."""
    rng = random.Random(20261207)
    owner = factories.customer(db, clerk)
    for i in range(36):
        bought = date(2024, rng.choice([1, 3, 5, 8, 10, 12]), rng.choice([1, 15, 28, 29, 30, 31]))
        customers.add_appliance(
            db,
            clerk,
            owner.id,
            ApplianceDraft(rng.choice(["空调", "热水器", "净水器"]), f"M{i}", purchase_date=bought),
        )
    tech = factories.technician(db, manager)
    appliances = customers.get_customer(db, clerk, owner.id).appliances
    for appliance, done_at in zip(
        appliances[:4],
        (
            datetime(2025, 5, 31, 16, 30, tzinfo=UTC),  # 2025-06-01 00:30 in Shanghai
            datetime(2025, 2, 27, 15, 59, tzinfo=UTC),  # 2025-02-27 23:59 in Shanghai
            datetime(2025, 8, 30, 16, 0, tzinfo=UTC),  # 2025-08-31 00:00 in Shanghai
            datetime(2025, 1, 30, 17, 0, tzinfo=UTC),
        ),
        strict=True,
    ):
        clock.now = done_at
        factories.completed_ticket(
            db,
            clerk,
            dispatcher,
            manager,
            owner.id,
            kind=TicketKind.MAINTENANCE,
            appliance_id=appliance.id,
            technician_id=tech,
        )
    today = date(2026, 11, 23)
    months = {"空调": 12, "热水器": 6, "净水器": 6}
    whole = maintenance.maintenance_due(db, clerk, today, months, limit=10**6)
    assert len(whole) > 20
    assert [(d.due_on, d.appliance_id) for d in whole] == sorted(
        (d.due_on, d.appliance_id) for d in whole
    )
    for n in (1, 2, 3, 5, 8, 13, len(whole) - 1, len(whole)):
        assert maintenance.maintenance_due(db, clerk, today, months, limit=n) == whole[:n], n
