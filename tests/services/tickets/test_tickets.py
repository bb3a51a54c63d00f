"""Tickets: intake, numbering, the state machine, clocks and pauses, completion, dispatch."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from desk_app.db.models import Ticket, TicketEvent, TicketPause
from desk_app.domain.clock import ClockStatus
from desk_app.domain.enums import TicketKind, TicketStatus, Urgency, WarrantyStatus
from desk_app.domain.errors import (
    ConflictError,
    DoubleBooking,
    IllegalTransition,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from desk_app.messages import render
from desk_app.services.core import audit
from desk_app.services.core.database import Actor, Database
from desk_app.services.dispatch import dispatch
from desk_app.services.dispatch.dispatch import TechnicianDraft
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import Completion, TicketDraft
from tests.conftest import FakeClock
from tests.services import factories

S = TicketStatus


def _ticket_count(db: Database) -> int:
    return db.read(lambda s: s.scalar(select(func.count(Ticket.id))) or 0)


def test_open_ticket_numbers_deadlines_and_warranty(
    db: Database, clerk: Actor, clock: FakeClock
) -> None:
    c = factories.customer(db, clerk)
    a = factories.appliance(db, clerk, c.id)
    t1 = factories.ticket(db, clerk, c.id, appliance_id=a.id)
    t2 = factories.ticket(db, clerk, c.id)
    # Shanghai date of 2026-11-23 02:00 UTC is the 23rd.
    assert (t1.number, t2.number) == ("S20261123-0001", "S20261123-0002")
    assert t1.status is S.NEW and t1.warranty is WarrantyStatus.IN and not t1.chargeable
    assert t2.warranty is WarrantyStatus.UNKNOWN and t2.chargeable
    assert t1.respond_due == clock.now + timedelta(hours=24)
    assert t1.visit_due == clock.now + timedelta(hours=48)
    assert t1.repair_due == clock.now + timedelta(hours=72)
    assert t1.address == "北京市朝阳区建国路88号3栋501室" and t1.area == "朝阳区"
    clock.advance(hours=16)  # 00:00 on the 24th in Shanghai: a new day, a new sequence
    assert factories.ticket(db, clerk, c.id).number == "S20261124-0001"


def test_urgent_ticket_gets_the_urgent_standard(
    db: Database, clerk: Actor, clock: FakeClock
) -> None:
    t = factories.ticket(db, clerk, urgency=Urgency.CRITICAL)
    assert t.respond_due == clock.now + timedelta(hours=2)
    assert t.repair_due == clock.now + timedelta(hours=24)


def test_out_of_warranty_and_misuse_are_chargeable(db: Database, clerk: Actor) -> None:
    c = factories.customer(db, clerk)
    old = factories.appliance(db, clerk, c.id, warranty_end=date(2025, 1, 1))
    assert factories.ticket(db, clerk, c.id, appliance_id=old.id).chargeable
    new = factories.appliance(db, clerk, c.id)
    misuse = tickets.open_ticket(
        db, clerk, TicketDraft(c.id, TicketKind.REPAIR, "摔坏了", appliance_id=new.id, misuse=True)
    )
    assert misuse.warranty is WarrantyStatus.IN and misuse.chargeable


@pytest.mark.parametrize(
    ("fault", "field"),
    [("", "fault_description"), ("x" * 4001, "fault_description"), ("ok\x07", "fault_description")],
)
def test_bad_intake_is_refused(db: Database, clerk: Actor, fault: str, field: str) -> None:
    c = factories.customer(db, clerk)
    with pytest.raises(ValidationError) as info:
        tickets.open_ticket(db, clerk, TicketDraft(c.id, TicketKind.REPAIR, fault))
    assert info.value.field == field
    assert _ticket_count(db) == 0


def test_ticket_refusals_read_in_chinese(db: Database, clerk: Actor, dispatcher: Actor) -> None:
    c = factories.customer(db, clerk)
    late = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    draft = TicketDraft(c.id, TicketKind.REPAIR, "不制冷", preferred_start=late, preferred_end=late)
    with pytest.raises(ValidationError) as refused:
        tickets.open_ticket(db, clerk, draft)
    assert (refused.value.field, refused.value.code) == ("preferred_end", "ticket.window_reversed")
    assert render(refused.value, language="zh_CN") == "期望时间段的结束时间早于开始时间。"
    t = factories.ticket(db, clerk, c.id)
    with pytest.raises(ValidationError) as refused:
        tickets.answer_consultation(db, clerk, t.id, "按定时键")
    assert refused.value.code == "ticket.not_a_consultation"
    assert render(refused.value, language="zh_CN") == "只有咨询类工单可以在服务台直接答复。"
    with pytest.raises(ValidationError) as refused:
        tickets.cancel(db, clerk, t.id, "  ")
    assert refused.value.code == "field.reason_required"
    assert render(refused.value, language="zh_CN") == "请填写原因。"


def test_unknown_customer_is_refused(db: Database, clerk: Actor) -> None:
    with pytest.raises(NotFound):
        tickets.open_ticket(db, clerk, TicketDraft(999, TicketKind.REPAIR, "坏了"))
    assert _ticket_count(db) == 0


def test_double_clicked_save_opens_one_ticket(db: Database, clerk: Actor) -> None:
    c = factories.customer(db, clerk)
    draft = TicketDraft(c.id, TicketKind.REPAIR, "不制冷")
    a = tickets.open_ticket(db, clerk, draft, request_id="form-1")
    b = tickets.open_ticket(db, clerk, draft, request_id="form-1")
    assert a.number == b.number
    assert _ticket_count(db) == 1


def test_full_life_with_pause_and_events(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor, clock: FakeClock
) -> None:
    t = factories.ticket(db, clerk)
    clock.advance(hours=1)
    t = tickets.change_status(db, dispatcher, t.id, S.DISPATCHED)
    assert t.responded_at == clock.now
    assert t.clocks.respond.status is ClockStatus.MET
    clock.advance(hours=2)
    t = tickets.change_status(db, dispatcher, t.id, S.IN_SERVICE)
    assert t.clocks.visit.status is ClockStatus.MET
    clock.advance(hours=1)
    t = tickets.change_status(db, dispatcher, t.id, S.WAITING_PARTS)
    assert t.clocks.repair.status is ClockStatus.PAUSED and t.repair_due is None
    clock.advance(hours=30)  # parts take 30 h: the clock stands still
    t = tickets.change_status(db, dispatcher, t.id, S.IN_SERVICE)
    assert t.repair_due == t.received_at + timedelta(hours=72 + 30)
    clock.advance(hours=2)
    t = tickets.complete(db, dispatcher, t.id, Completion("电容损坏", "更换电容"))
    assert t.status is S.COMPLETED
    assert t.clocks.repair.status is ClockStatus.MET
    assert t.clocks.repair.elapsed_seconds == (1 + 2 + 1 + 2) * 3600
    t = tickets.change_status(db, manager, t.id, S.CLOSED)
    steps = [(e.from_status, e.to_status) for e in t.events]
    assert steps == [
        (None, S.NEW),
        (S.NEW, S.DISPATCHED),
        (S.DISPATCHED, S.IN_SERVICE),
        (S.IN_SERVICE, S.WAITING_PARTS),
        (S.WAITING_PARTS, S.IN_SERVICE),
        (S.IN_SERVICE, S.COMPLETED),
        (S.COMPLETED, S.CLOSED),
    ]
    assert {e.user for e in t.events[1:6]} == {"赵派工"}
    pauses = db.read(lambda s: s.scalars(select(TicketPause)).all())
    assert len(pauses) == 1 and pauses[0].ended_at is not None


def test_overdue_clock(db: Database, clerk: Actor, clock: FakeClock) -> None:
    t = factories.ticket(db, clerk)
    clock.advance(hours=20)
    assert tickets.get_ticket(db, clerk, t.id).clocks.respond.status is ClockStatus.AT_RISK
    clock.advance(hours=5)
    view = tickets.get_ticket(db, clerk, t.id)
    assert view.clocks.respond.status is ClockStatus.OVERDUE
    assert view.clocks.worst is view.clocks.respond


def test_illegal_transition_is_refused_and_nothing_changes(
    db: Database, clerk: Actor, dispatcher: Actor
) -> None:
    t = factories.ticket(db, clerk)
    with pytest.raises(IllegalTransition):
        tickets.change_status(db, dispatcher, t.id, S.COMPLETED)  # a repair needs a visit
    with pytest.raises(IllegalTransition):
        tickets.change_status(db, dispatcher, t.id, S.WAITING_PARTS)
    assert tickets.get_ticket(db, clerk, t.id).status is S.NEW
    events = db.read(lambda s: s.scalar(select(func.count(TicketEvent.id))))
    assert events == 1


def test_cancel_needs_a_reason_and_is_final(db: Database, clerk: Actor, dispatcher: Actor) -> None:
    t = factories.ticket(db, clerk)
    with pytest.raises(ValidationError):
        tickets.cancel(db, clerk, t.id, "  ")
    t = tickets.cancel(db, clerk, t.id, "客户已自行修好")
    assert t.status is S.CANCELLED
    with pytest.raises(IllegalTransition):
        tickets.change_status(db, dispatcher, t.id, S.DISPATCHED)


def test_clerk_may_not_dispatch(db: Database, clerk: Actor) -> None:
    t = factories.ticket(db, clerk)
    with pytest.raises(PermissionDenied):
        tickets.change_status(db, clerk, t.id, S.DISPATCHED)


def test_consultation_answered_at_the_desk_in_one_step(db: Database, clerk: Actor) -> None:
    t = factories.ticket(db, clerk, kind=TicketKind.CONSULTATION, fault="遥控器怎么设置定时？")
    assert not t.chargeable
    t = tickets.answer_consultation(db, clerk, t.id, "按定时键两次，再用上下键选择小时数。")
    assert t.status is S.CLOSED and t.resolved
    assert t.clocks.repair.status is ClockStatus.MET


def _transitions(db: Database, manager: Actor, ticket_id: int) -> tuple[list[object], list[object]]:
    """The ticket's history and its audited status moves, as (action, from, to)."""
    events = [
        (e.action, e.from_status, e.to_status)
        for e in tickets.get_ticket(db, manager, ticket_id).events
    ]
    moves = [
        (a.action, (a.details or {}).get("from"), (a.details or {}).get("to"))
        for a in audit.history(db, manager, "ticket", ticket_id)
        if a.action == "ticket.status"
    ]
    return events, moves


def test_answering_a_consultation_goes_through_the_state_machine(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    """The desk's one-step answer records the same moves as completing and closing it
    the long way; the clerk needs neither the complete nor the close permission."""
    asked = factories.ticket(db, clerk, kind=TicketKind.CONSULTATION, fault="怎么清洗滤网？")
    answered = tickets.answer_consultation(db, clerk, asked.id, "拆下滤网用清水冲洗")
    long_way = factories.ticket(db, clerk, kind=TicketKind.CONSULTATION, fault="怎么清洗滤网？")
    tickets.complete(db, dispatcher, long_way.id, Completion("咨询", "拆下滤网用清水冲洗"))
    tickets.change_status(db, manager, long_way.id, S.CLOSED)

    assert _transitions(db, manager, answered.id) == _transitions(db, manager, long_way.id)
    events, moves = _transitions(db, manager, answered.id)
    assert events == [
        ("created", None, S.NEW),
        ("status", S.NEW, S.COMPLETED),
        ("status", S.COMPLETED, S.CLOSED),
    ]
    assert moves == [
        ("ticket.status", "new", "completed"),
        ("ticket.status", "completed", "closed"),
    ]
    assert answered.events[1].reason == "拆下滤网用清水冲洗"
    assert answered.responded_at == answered.completed_at == answered.arrived_at is not None
    with pytest.raises(PermissionDenied):
        tickets.change_status(db, clerk, factories.ticket(db, clerk).id, S.CLOSED)


def test_only_a_consultation_is_answered_at_the_desk(db: Database, clerk: Actor) -> None:
    repair = factories.ticket(db, clerk)
    with pytest.raises(ValidationError) as refused:
        tickets.answer_consultation(db, clerk, repair.id, "重启试试")
    assert refused.value.field == "kind"
    after = tickets.get_ticket(db, clerk, repair.id)
    assert (after.status, after.work_done, len(after.events)) == (S.NEW, None, 1)
    # Already answered: the state machine refuses answering it twice.
    asked = factories.ticket(db, clerk, kind=TicketKind.CONSULTATION, fault="遥控器怎么用？")
    tickets.answer_consultation(db, clerk, asked.id, "按电源键")
    with pytest.raises(IllegalTransition):
        tickets.answer_consultation(db, clerk, asked.id, "按电源键")


def test_in_warranty_job_cannot_be_charged(db: Database, clerk: Actor, dispatcher: Actor) -> None:
    c = factories.customer(db, clerk)
    a = factories.appliance(db, clerk, c.id)
    t = factories.ticket(db, clerk, c.id, appliance_id=a.id)
    tickets.change_status(db, dispatcher, t.id, S.DISPATCHED)
    tickets.change_status(db, dispatcher, t.id, S.IN_SERVICE)
    with pytest.raises(ValidationError) as refused:
        tickets.complete(db, dispatcher, t.id, Completion("x", "y", labour_cents=5000))
    assert (refused.value.field, refused.value.code) == ("labour", "ticket.free_of_charge")
    assert tickets.get_ticket(db, clerk, t.id).status is S.IN_SERVICE


def _tech(db: Database, manager: Actor, name: str = "孙师傅") -> int:
    factories.service_areas(db, manager, "朝阳区")
    return dispatch.create_technician(
        db, manager, TechnicianDraft(name, skills=("repair",), areas=("朝阳区",))
    ).id


def test_assign_book_reschedule_and_double_booking(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    tech = _tech(db, manager)
    t1 = factories.ticket(db, clerk)
    t2 = factories.ticket(db, clerk)
    nine = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
    v1 = dispatch.assign(
        db,
        dispatcher,
        t1.id,
        tech,
        starts=nine,
        ends=nine + timedelta(hours=2),
        expected_version=t1.version,
    )
    assert v1.status is S.DISPATCHED and v1.technician == "孙师傅"
    with pytest.raises(DoubleBooking) as info:
        dispatch.assign(
            db,
            dispatcher,
            t2.id,
            tech,
            starts=nine + timedelta(hours=1),
            ends=nine + timedelta(hours=3),
        )
    assert info.value.other_ticket == t1.number
    assert tickets.get_ticket(db, clerk, t2.id).status is S.NEW
    v2 = dispatch.assign(
        db,
        dispatcher,
        t2.id,
        tech,
        starts=nine + timedelta(hours=1),
        ends=nine + timedelta(hours=3),
        override_reason="客户只能这个时间",
    )
    assert v2.status is S.DISPATCHED
    v1 = dispatch.confirm_appointment(
        db, dispatcher, t1.id, nine, nine + timedelta(hours=2), override_reason="同一小区"
    )
    assert v1.status is S.APPOINTED
    with pytest.raises(ValidationError):
        dispatch.reschedule(db, dispatcher, t1.id, nine, nine + timedelta(hours=1), "")
    v1 = dispatch.reschedule(
        db,
        dispatcher,
        t1.id,
        nine + timedelta(days=1),
        nine + timedelta(days=1, hours=2),
        "客户临时出差",
    )
    assert v1.appointment_start == nine + timedelta(days=1)
    assert v1.events[-1].action == "reschedule" and v1.events[-1].reason == "客户临时出差"
    day = dispatch.technician_appointments(
        db, dispatcher, tech, nine - timedelta(hours=2), nine + timedelta(days=2)
    )
    assert [(a.ticket_number, a.state) for a in day] == [
        (t1.number, "rescheduled"),
        (t2.number, "booked"),
        (t1.number, "booked"),
    ]


def test_second_dispatcher_with_stale_version_gets_conflict(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    a, b = _tech(db, manager, "孙师傅"), _tech(db, manager, "周师傅")
    t = factories.ticket(db, clerk)
    dispatch.assign(db, dispatcher, t.id, a, expected_version=t.version)
    with pytest.raises(ConflictError) as info:
        dispatch.assign(db, manager, t.id, b, expected_version=t.version)
    assert info.value.who == "赵派工"
    assert tickets.get_ticket(db, clerk, t.id).technician == "孙师傅"
