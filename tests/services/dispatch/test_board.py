"""The dispatch board's data: queue order, technicians' days, ranking who fits."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from desk_app.domain.clock import ClockStatus
from desk_app.domain.enums import TicketKind, TicketStatus, Urgency
from desk_app.services.core.database import Actor, Database
from desk_app.services.dispatch import board, dispatch
from desk_app.services.dispatch.board import Filters
from desk_app.services.dispatch.dispatch import TechnicianDraft
from desk_app.services.tickets import tickets
from tests.conftest import FakeClock
from tests.services import factories

DAY = date(2026, 11, 24)
NINE = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai


def _techs(db: Database, manager: Actor) -> tuple[int, int]:
    factories.service_areas(db, manager, "朝阳区", "海淀区")
    a = dispatch.create_technician(
        db,
        manager,
        TechnicianDraft(
            "孙师傅", skills=("repair",), areas=("朝阳区",), daily_capacity=2, emergency_reserve=0
        ),
    ).id
    b = dispatch.create_technician(
        db, manager, TechnicianDraft("周师傅", skills=("installation",), areas=("海淀区",))
    ).id
    return a, b


def test_queue_is_ordered_by_urgency_then_time_left(
    db: Database, clerk: Actor, clock: FakeClock
) -> None:
    c = factories.customer(db, clerk)
    old = factories.ticket(db, clerk, c.id)
    clock.advance(hours=3)
    new = factories.ticket(db, clerk, c.id)
    urgent = factories.ticket(db, clerk, c.id, urgency=Urgency.URGENT)
    b = board.load_board(db, clerk, DAY)
    assert [t.number for t in b.queue] == [urgent.number, old.number, new.number]
    assert b.queue[1].clock.remaining_seconds == 21 * 3600
    only_urgent = board.load_board(db, clerk, DAY, Filters(urgencies=frozenset({Urgency.URGENT})))
    assert [t.number for t in only_urgent.queue] == [urgent.number]


def test_booked_and_unscheduled_visits_and_capacity(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    a, b = _techs(db, manager)
    t1, t2, t3 = (factories.ticket(db, clerk) for _ in range(3))
    dispatch.assign(db, dispatcher, t1.id, a, starts=NINE, ends=NINE + timedelta(hours=2))
    dispatch.assign(
        db, dispatcher, t2.id, a, starts=NINE + timedelta(hours=3), ends=NINE + timedelta(hours=4)
    )
    dispatch.assign(db, dispatcher, t3.id, b)
    view = board.load_board(db, dispatcher, DAY)
    assert view.queue == []
    assert [t.number for t in view.booked[a]] == [t1.number, t2.number]
    assert [t.number for t in view.unscheduled[b]] == [t3.number]
    sun = next(t for t in view.technicians if t.id == a)
    assert sun.visits == 2 and sun.bookable == 0 and not sun.over_capacity
    slots = board.free_slots(sun, view.booked[a])
    tz = view.tz
    assert [
        (s.astimezone(tz).strftime("%H:%M"), e.astimezone(tz).strftime("%H:%M")) for s, e in slots
    ] == [("11:00", "12:00"), ("13:00", "18:00")]
    next_day = board.load_board(db, dispatcher, DAY + timedelta(days=1))
    assert next_day.booked == {}


def test_paused_ticket_shows_a_paused_clock(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    a, _ = _techs(db, manager)
    t = factories.ticket(db, clerk)
    dispatch.assign(db, dispatcher, t.id, a, starts=NINE, ends=NINE + timedelta(hours=1))
    tickets.change_status(db, dispatcher, t.id, TicketStatus.IN_SERVICE)
    tickets.change_status(db, dispatcher, t.id, TicketStatus.WAITING_PARTS)
    card = board.load_board(db, dispatcher, DAY).booked[a][0]
    assert card.paused and card.clock.status is ClockStatus.PAUSED
    assert board.clock_colour(card.clock) == "paused"


def test_ranking_prefers_area_and_skill_and_says_why(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor, clock: FakeClock
) -> None:
    a, _ = _techs(db, manager)
    t = factories.ticket(db, clerk)  # a repair in 朝阳区
    view = board.load_board(db, dispatcher, DAY)
    ranked = board.rank_technicians(view, view.queue[0], now=NINE)
    assert [c.technician.name for c in ranked] == ["孙师傅", "周师傅"]
    assert {"area", "skill", "capacity", "free_slot"} <= set(ranked[0].reasons)
    assert {"other_area", "no_skill"} <= set(ranked[1].reasons)
    assert ranked[0].earliest_slot == NINE
    # Fill 孙师傅's day: he drops below the other technician.
    for hour in (0, 2):
        other = factories.ticket(db, clerk, kind=TicketKind.REPAIR)
        dispatch.assign(
            db,
            dispatcher,
            other.id,
            a,
            starts=NINE + timedelta(hours=hour),
            ends=NINE + timedelta(hours=hour + 1),
        )
    view = board.load_board(db, dispatcher, DAY)
    card = next(x for x in view.queue if x.id == t.id)
    ranked = board.rank_technicians(view, card, now=NINE)
    assert ranked[0].technician.name == "周师傅"
    assert "full" in ranked[1].reasons


def test_the_earliest_free_slot_skips_the_lunch_break(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    """The shop works 08:30-12:00 and 13:30-18:00: at 11:30 the next hour-long slot of a
    free technician is 13:30, not 11:30 running into lunch."""
    _techs(db, manager)
    factories.ticket(db, clerk)
    view = board.load_board(db, dispatcher, DAY)
    half_past_eleven = NINE + timedelta(hours=2, minutes=30)
    ranked = board.rank_technicians(view, view.queue[0], now=half_past_eleven)
    assert ranked[0].earliest_slot == NINE + timedelta(hours=4, minutes=30)  # 13:30
    tech = ranked[0].technician
    assert board.working_periods(view, tech) == [
        (tech.work_start, NINE + timedelta(hours=3)),
        (NINE + timedelta(hours=4, minutes=30), tech.work_end),
    ]


def test_the_time_the_customer_asked_for_is_carried_and_booking_starts_there(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    """A customer who asked for 15:00-17:00 at intake: the queue carries that window, and
    the earliest slot offered is 15:00, not the first free half hour of the morning."""
    _techs(db, manager)
    c = factories.customer(db, clerk)
    wish_start, wish_end = NINE + timedelta(hours=6), NINE + timedelta(hours=8)  # 15:00-17:00
    tickets.open_ticket(
        db,
        clerk,
        tickets.TicketDraft(
            c.id,
            TicketKind.REPAIR,
            "洗衣机漏水",
            preferred_start=wish_start,
            preferred_end=wish_end,
        ),
    )
    view = board.load_board(db, dispatcher, DAY)
    card = view.queue[0]
    assert (card.preferred_start, card.preferred_end) == (wish_start, wish_end)
    ranked = board.rank_technicians(view, card, now=NINE)
    assert ranked[0].earliest_slot == wish_start
    assert "preferred_time" in ranked[0].reasons
    # a ticket without a wish still gets the first free slot
    plain = factories.ticket(db, clerk, c.id)
    view = board.load_board(db, dispatcher, DAY)
    other = next(t for t in view.queue if t.id == plain.id)
    assert board.rank_technicians(view, other, now=NINE)[0].earliest_slot == NINE
