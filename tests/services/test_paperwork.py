"""Printed-form data from the database, and `desk-app print` writing real PDFs."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desk_app.cli import main
from desk_app.domain.enums import TicketStatus
from desk_app.services import dispatch, paperwork, requisitions, tickets
from desk_app.services.database import Actor, Database
from desk_app.services.dispatch import TechnicianDraft
from tests.services import factories

NINE = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)


def _booked_ticket(db: Database, clerk: Actor, dispatcher: Actor, manager: Actor) -> str:
    c = factories.customer(db, clerk)
    a = factories.appliance(db, clerk, c.id)
    t = factories.ticket(db, clerk, c.id, appliance_id=a.id)
    tech = dispatch.create_technician(db, manager, TechnicianDraft("孙师傅", phone="13900001111"))
    dispatch.assign(db, dispatcher, t.id, tech.id, starts=NINE, ends=NINE + timedelta(hours=2))
    return t.number


def test_work_order_data_in_shop_time(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    number = _booked_ticket(db, clerk, dispatcher, manager)
    wo = paperwork.work_order(db, clerk, number.lower())
    assert wo.ticket_no == number and wo.kind == "repair" and wo.warranty == "in"
    assert wo.customer_name == "张三" and wo.phones == ("138 1234 5678",)
    assert (wo.brand, wo.model, wo.serial_no) == ("格力", "KFR-35GW/BP3DN8Y", "SN123456")
    assert wo.technician == "孙师傅"
    # 01:00 UTC is 09:00 in Shanghai, printed as the customer was told.
    assert wo.appointment_start == datetime(2026, 11, 24, 9, 0)
    assert wo.charge_standard == ""  # in warranty: no charge standard to print
    orders = paperwork.work_orders_for_day(
        db, clerk, NINE - timedelta(hours=9), NINE + timedelta(hours=15)
    )
    assert [o.ticket_no for o in orders] == [number]


def test_cancelling_a_ticket_releases_its_reserved_parts(
    db: Database, clerk: Actor, parts_clerk: Actor
) -> None:
    from tests.services import stock_factories

    t = factories.ticket(db, clerk)
    from desk_app.services import stock

    part = stock_factories.part(db, parts_clerk)
    store = stock_factories.location(db, parts_clerk)
    stock.receive(db, parts_clerk, part.id, store.id, 5)
    req = requisitions.create_requisition(db, clerk, t.id, [(part.id, store.id, 2)])
    assert req.status.value == "open"
    assert stock.stock_levels(db, parts_clerk, part_id=part.id)[0].reserved == 2
    tickets.cancel(db, clerk, t.id, "客户取消")
    assert requisitions.get_requisition(db, parts_clerk, req.id).status.value == "cancelled"
    assert stock.stock_levels(db, parts_clerk, part_id=part.id)[0].reserved == 0
    assert tickets.get_ticket(db, clerk, t.id).status is TicketStatus.CANCELLED


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_print_command_writes_a_work_order_pdf(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor, tmp_path: Path
) -> None:
    number = _booked_ticket(db, clerk, dispatcher, manager)
    out = tmp_path / "wo.pdf"
    assert main(["print", "work-order", number, "-o", str(out), "--db", db.url]) == 0
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert number in text and "张三" in text and "孙师傅" in text
    day = tmp_path / "day.pdf"
    assert main(["print", "work-orders", "2026-11-24", "-o", str(day), "--db", db.url]) == 0
    assert main(["print", "work-orders", "2026-11-25", "-o", str(day), "--db", db.url]) == 1
    assert main(["print", "work-order", "S19990101-0001", "-o", str(out), "--db", db.url]) == 2
