"""Printed-form data from the database, and `desk-app print` writing real PDFs."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from desk_app.cli import main
from desk_app.domain.enums import TicketStatus
from desk_app.domain.errors import NotFound, ValidationError
from desk_app.messages import render
from desk_app.services.core.database import Actor, Database
from desk_app.services.dispatch import dispatch
from desk_app.services.dispatch.dispatch import TechnicianDraft
from desk_app.services.paperwork import paperwork
from desk_app.services.stock import requisitions
from desk_app.services.tickets import tickets
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
    orders = paperwork.work_orders_for_day(db, clerk, date(2026, 11, 24))
    assert [o.ticket_no for o in orders] == [number]


def test_an_unknown_paper_language_is_refused_in_the_clerk_language() -> None:
    with pytest.raises(ValidationError) as refused:
        paperwork.sample_work_order("fr")
    assert (refused.value.field, refused.value.code) == ("language", "paperwork.unknown_language")
    assert render(refused.value) == "Language must be one of zh_CN, en."
    assert render(refused.value, language="zh_CN") == "语言必须是以下之一：zh_CN、en。"


def test_cancelling_a_ticket_releases_its_reserved_parts(
    db: Database, clerk: Actor, parts_clerk: Actor
) -> None:
    from tests.services import stock_factories

    t = factories.ticket(db, clerk)
    from desk_app.services.stock import stock

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
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    manager: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    number = _booked_ticket(db, clerk, dispatcher, manager)
    monkeypatch.setenv("DESK_PASSWORD", "secret-1")  # the clerk's, for --as clerk1
    out = tmp_path / "wo.pdf"
    assert (
        main(["print", "work-order", number, "-o", str(out), "--as", "clerk1", "--db", db.url]) == 0
    )
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert number in text and "张三" in text and "孙师傅" in text
    day = tmp_path / "day.pdf"
    assert (
        main(
            ["print", "work-orders", "2026-11-24", "-o", str(day), "--as", "clerk1", "--db", db.url]
        )
        == 0
    )
    assert (
        main(
            ["print", "work-orders", "2026-11-25", "-o", str(day), "--as", "clerk1", "--db", db.url]
        )
        == 1
    )
    assert (
        main(
            [
                "print",
                "work-order",
                "S19990101-0001",
                "-o",
                str(out),
                "--as",
                "clerk1",
                "--db",
                db.url,
            ]
        )
        == 2
    )


def _returned_parts(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor, parts_clerk: Actor
) -> tuple[str, int]:
    """A booked ticket whose technician brought back a burnt capacitor and a cracked panel
    (a part not stocked); the capacitor's id is returned with the ticket number."""
    from desk_app.services.stock import damaged_parts
    from tests.services import stock_factories

    number = _booked_ticket(db, clerk, dispatcher, manager)
    ticket_id = tickets.find_by_number(db, clerk, number).id
    capacitor = stock_factories.part(db, parts_clerk, spec="CBB65 35μF")
    first = damaged_parts.register_damaged(
        db, parts_clerk, ticket_id, "电容鼓包", part_id=capacitor.id, serial="CAP-OLD-77"
    )
    damaged_parts.register_damaged(db, parts_clerk, ticket_id, "面板开裂", notes="客户自行摔落")
    return number, first.id


def test_returned_part_slip_data_for_one_part_and_for_a_ticket(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor, parts_clerk: Actor
) -> None:
    number, capacitor_return = _returned_parts(db, clerk, dispatcher, manager, parts_clerk)

    one = paperwork.returned_part_slip(db, parts_clerk, capacitor_return)
    assert one.slip_no == paperwork.returned_slip_number(capacitor_return)
    assert (one.ticket_no, one.customer_name, one.returned_by) == (number, "张三", "孙师傅")
    assert one.received_by == "钱配件" and one.returned_at is not None
    [line] = one.lines
    assert (line.part_code, line.name, line.qty) == ("P-10023", "压缩机启动电容", 1)
    assert line.spec == "CBB65 35μF · S/N CAP-OLD-77"
    assert line.reason == "电容鼓包"

    whole = paperwork.returned_part_slip(db, parts_clerk, number.lower(), "en")
    assert whole.slip_no == f"JH-{number}" and whole.language == "en"
    assert [(x.part_code, x.name, x.reason) for x in whole.lines] == [
        ("P-10023", "压缩机启动电容", "电容鼓包"),
        ("", "面板开裂", ""),  # not stocked: its description names it
    ]
    assert whole.notes == "客户自行摔落"

    other = factories.ticket(db, clerk)
    with pytest.raises(NotFound):
        paperwork.returned_part_slip(db, parts_clerk, other.number)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_print_command_writes_a_returned_part_slip(
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    manager: Actor,
    parts_clerk: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    number, _ = _returned_parts(db, clerk, dispatcher, manager, parts_clerk)
    monkeypatch.setenv("DESK_PASSWORD", "secret-1")
    out = tmp_path / "slip.pdf"
    args = ["print", "returned-part-slip", number, "-o", str(out), "--as", "clerk1", "--db", db.url]
    assert main(args) == 0
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert number in text and "压缩机启动电容" in text and "面板开裂" in text
    other = factories.ticket(db, clerk)
    assert (
        main(
            [
                "print",
                "returned-part-slip",
                other.number,
                "-o",
                str(out),
                "--as",
                "clerk1",
                "--db",
                db.url,
            ]
        )
        == 2
    )


def test_work_order_carries_the_customers_wish_in_shop_time(db: Database, clerk: Actor) -> None:
    from desk_app.domain.enums import TicketKind

    c = factories.customer(db, clerk)
    draft = tickets.TicketDraft(
        c.id,
        TicketKind.REPAIR,
        "热水器不点火",
        preferred_start=NINE,
        preferred_end=NINE + timedelta(hours=3),
    )
    t = tickets.open_ticket(db, clerk, draft)
    wo = paperwork.work_order(db, clerk, t.number)
    assert wo.appointment_start is None
    assert (wo.preferred_start, wo.preferred_end) == (
        datetime(2026, 11, 24, 9, 0),
        datetime(2026, 11, 24, 12, 0),
    )  # naive shop wall-clock time, as every print datum
