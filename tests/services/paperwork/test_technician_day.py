"""A technician's day as printed: the route sheet's visits in order, in the shop's time,
with the parts to take, completed visits left out unless asked for."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from desk_app.domain.enums import TicketStatus, Urgency
from desk_app.domain.errors import NotFound
from desk_app.printing import render_pdf
from desk_app.services.core.database import Actor, Database
from desk_app.services.dispatch import dispatch
from desk_app.services.dispatch.dispatch import TechnicianDraft
from desk_app.services.paperwork import paperwork
from desk_app.services.stock import requisitions, stock
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import Completion
from tests.services import factories, stock_factories

# 09:00 in Shanghai (the shop's zone) on 2026-11-24
NINE = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
DAY = date(2026, 11, 24)


def _day(db: Database, clerk: Actor, dispatcher: Actor, manager: Actor, parts_clerk: Actor):  # type: ignore[no-untyped-def]
    sun = dispatch.create_technician(db, manager, TechnicianDraft("孙师傅", phone="13900001111"))
    zhou = dispatch.create_technician(db, manager, TechnicianDraft("周师傅"))

    def booked(hours: int, tech: int = sun.id) -> int:
        t = factories.ticket(db, clerk)
        start = NINE + timedelta(hours=hours)
        dispatch.assign(db, dispatcher, t.id, tech, starts=start, ends=start + timedelta(hours=1))
        return t.id

    # booked out of order: the sheet lists them by time
    late = booked(5)  # 14:00
    early = booked(0)  # 09:00
    done = booked(2)  # 11:00, completed by the time the day is printed
    tickets.change_status(db, dispatcher, done, TicketStatus.IN_SERVICE)
    tickets.complete(db, dispatcher, done, Completion("电容老化", "更换启动电容"))
    booked(1, zhou.id)  # another technician's visit
    booked(30)  # the next day
    part = stock_factories.part(db, parts_clerk)
    store = stock_factories.location(db, parts_clerk)
    stock.receive(db, parts_clerk, part.id, store.id, 5)
    requisitions.create_requisition(db, clerk, late, [(part.id, store.id, 2)])
    number = {t: tickets.get_ticket(db, clerk, t).number for t in (early, done, late)}
    return sun.id, number[early], number[done], number[late]


def test_the_day_in_visiting_order_without_completed_visits(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor, parts_clerk: Actor
) -> None:
    sun, early, _done, late = _day(db, clerk, dispatcher, manager, parts_clerk)
    day = paperwork.technician_day(db, clerk, DAY, sun)
    route = day.route
    assert route.technician == "孙师傅" and route.technician_phone == "13900001111"
    assert route.day == date(2026, 11, 24)
    assert [s.ticket_no for s in route.stops] == [early, late]
    assert [o.ticket_no for o in day.work_orders] == [early, late]
    assert route.left_out == 1  # the completed 11:00 visit
    # the shop's wall-clock times, naive, whatever the PC's zone
    assert route.stops[0].start == datetime(2026, 11, 24, 9, 0)
    assert route.stops[1].end == datetime(2026, 11, 24, 15, 0)
    first = route.stops[0]
    assert first.customer_name == "张三" and first.phones == ("138 1234 5678",)
    assert first.address and first.parts == ()
    (part,) = route.stops[1].parts
    assert (part.code, part.name, part.qty) == ("P-10023", "压缩机启动电容", 2)
    assert day.work_orders[1].likely_parts == route.stops[1].parts


def test_completed_visits_print_when_asked(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor, parts_clerk: Actor
) -> None:
    sun, early, done, late = _day(db, clerk, dispatcher, manager, parts_clerk)
    day = paperwork.technician_day(
        db,
        clerk,
        DAY,
        sun,
        language="en",
        include_completed=True,
    )
    assert [s.ticket_no for s in day.route.stops] == [early, done, late]
    assert day.route.stops[1].status == "completed"
    assert day.route.left_out == 0 and day.route.language == "en"
    assert len(day.work_orders) == 3


def test_a_cancelled_visit_never_prints(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    tech = dispatch.create_technician(db, manager, TechnicianDraft("孙师傅"))
    t = factories.ticket(db, clerk)
    dispatch.assign(db, dispatcher, t.id, tech.id, starts=NINE, ends=NINE + timedelta(hours=1))
    tickets.cancel(db, clerk, t.id, "客户取消")
    day = paperwork.technician_day(db, clerk, DAY, tech.id, include_completed=True)
    assert day.route.stops == () and day.work_orders == () and day.route.left_out == 0


def test_the_printed_day_starts_with_the_route_sheet(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor, parts_clerk: Actor
) -> None:
    from tests.printing.pdf_tools import page_texts, squeeze

    sun, early, _done, late = _day(db, clerk, dispatcher, manager, parts_clerk)
    day = paperwork.technician_day(db, clerk, DAY, sun)
    pages = page_texts(render_pdf(day, paperwork.company_header(db)))
    assert len(pages) == 3
    first = squeeze(pages[0])
    assert "工程师路线单" in first and "孙师傅" in first
    assert first.index(early) < first.index(late)
    assert "09:00–10:00" in pages[0] and "14:00–15:00" in pages[0]
    assert "P-10023压缩机启动电容×2" in first
    assert "另有1单已完工，未列入本单。" in first
    assert early in pages[1] and late in pages[2]


def test_unknown_technician(db: Database, clerk: Actor) -> None:
    with pytest.raises(NotFound):
        paperwork.technician_day(db, clerk, DAY, 99999)


def test_the_day_prints_what_the_board_counts_in_the_boards_order(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor, parts_clerk: Actor
) -> None:
    """Cancelled and closed visits are not on the board and never print; the board's
    filters and its order (time, then ticket) hold for the print too."""
    from desk_app.services.dispatch import board

    sun, early, done, late = _day(db, clerk, dispatcher, manager, parts_clerk)
    same_time = factories.ticket(db, clerk)  # booked at 09:00 like ``early``, opened later
    dispatch.assign(
        db,
        dispatcher,
        same_time.id,
        sun,
        starts=NINE,
        ends=NINE + timedelta(hours=1),
        override_reason="两台",
    )
    dropped = factories.ticket(db, clerk)
    dispatch.assign(
        db,
        dispatcher,
        dropped.id,
        sun,
        starts=NINE,
        ends=NINE + timedelta(hours=2),
        override_reason="两台",
    )
    tickets.cancel(db, clerk, dropped.id, "客户取消")
    closing = tickets.find_by_number(db, clerk, done)
    tickets.change_status(db, manager, closing.id, TicketStatus.CLOSED)

    shown = board.load_board(db, dispatcher, DAY)
    on_board = [t.number for t in shown.booked[sun]]
    day = paperwork.technician_day(db, clerk, DAY, sun, include_completed=True)
    assert [s.ticket_no for s in day.route.stops] == on_board == [early, same_time.number, late]
    assert day.route.left_out == 1  # the closed visit, counted, not printed
    assert dropped.number not in on_board

    only_urgent = board.Filters(urgencies=frozenset({Urgency.URGENT}))
    filtered = paperwork.technician_day(db, clerk, DAY, sun, filters=only_urgent)
    assert filtered.route.stops == ()
    orders = paperwork.work_orders_for_day(db, clerk, DAY, technician_id=sun)
    assert [o.ticket_no for o in orders] == on_board  # the CLI's day: the same visits
