"""Complaints: intake and deadlines, the rework loop, closing, permissions, escalation, lists."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from desk_app.db.models import AuditLog, Complaint, ComplaintEvent
from desk_app.domain.clock import ClockStatus
from desk_app.domain.complaint_rules import ComplaintStep
from desk_app.domain.enums import (
    Channel,
    ComplaintCategory,
    ComplaintStatus,
    Role,
    Severity,
    TicketStatus,
)
from desk_app.domain.errors import (
    ConflictError,
    IllegalTransition,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from desk_app.services.admin import settings
from desk_app.services.care import complaint_views, complaints
from desk_app.services.care.complaint_views import ComplaintFilter
from desk_app.services.care.complaints import ComplaintDraft
from desk_app.services.core.database import Actor, Database
from desk_app.services.dispatch import dispatch
from desk_app.services.tickets import tickets
from tests.conftest import FakeClock, make_actor
from tests.services import factories
from tests.statements import statements

C = ComplaintStatus
Step = ComplaintStep


def _draft(
    customer_id: int,
    *,
    ticket_id: int | None = None,
    severity: Severity = Severity.MEDIUM,
    category: ComplaintCategory = ComplaintCategory.REPAIR_QUALITY,
    description: str = "修完第二天又不制冷了，师傅电话也不接",
    technician_id: int | None = None,
) -> ComplaintDraft:
    return ComplaintDraft(
        customer_id,
        Channel.PHONE,
        category,
        severity,
        description,
        ticket_id=ticket_id,
        technician_id=technician_id,
    )


def test_the_loop_with_rejection_and_rework(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor, clock: FakeClock
) -> None:
    tech = factories.technician(db, manager)
    t = factories.ticket(db, clerk)
    dispatch.assign(db, dispatcher, t.id, tech)
    c = complaints.open_complaint(db, clerk, _draft(t.customer_id, ticket_id=t.id))
    assert c.number == "C20261123-0001"
    assert (c.status, c.rounds, c.technician_id, c.technician) == (C.OPEN, 0, tech, "刘师傅")
    assert c.ticket_number == t.number and c.customer_name == "张三"
    assert c.customer_phone == "138 1234 5678"
    # MEDIUM: first answer within 8 h, solution within 72 h, on the wall clock.
    assert c.answer_due == c.received_at + timedelta(hours=8)
    assert c.solution_due == c.received_at + timedelta(hours=72)
    assert c.assigned_to == "李客服"
    assert c.allowed_steps >= {Step.ANSWER, Step.PROPOSE, Step.NOTE}

    clock.advance(hours=1)
    c = complaints.add_note(db, clerk, c.id, "查看了维修记录：更换了电容")
    c = complaints.first_answer(db, clerk, c.id, "已致歉，明天安排复查", expected_version=c.version)
    assert c.status is C.INVESTIGATING and c.first_answered_at == clock.now
    assert c.clocks.answer.status is ClockStatus.MET

    clock.advance(hours=20)
    c = complaints.propose_solution(db, clerk, c.id, "免费上门复修", expected_version=c.version)
    assert (c.status, c.rounds) == (C.PROPOSED, 1)
    c = complaints.customer_response(
        db, clerk, c.id, False, "不要复修，要换机", expected_version=c.version
    )
    assert c.status is C.INVESTIGATING and c.resolved_at is None

    clock.advance(hours=5)
    c = complaints.propose_solution(db, clerk, c.id, "更换压缩机并延保一年")
    assert (c.status, c.rounds) == (C.PROPOSED, 2)
    c = complaints.customer_response(db, clerk, c.id, True, "可以", satisfaction=4)
    assert c.status is C.RESOLVED
    assert (c.resolved_at, c.resolution_satisfaction) == (clock.now, 4)
    assert c.clocks.solution.status is ClockStatus.MET

    c = complaints.close(db, clerk, c.id)
    assert c.status is C.CLOSED and c.closed_at == clock.now
    assert c.allowed_steps == frozenset()

    full = complaint_views.get_complaint(db, clerk, c.id)
    assert [e.action for e in full.events] == [
        Step.CREATE,
        Step.NOTE,
        Step.ANSWER,
        Step.PROPOSE,
        Step.REJECT,
        Step.PROPOSE,
        Step.ACCEPT,
        Step.CLOSE,
    ]
    assert {e.user for e in full.events} == {"李客服"}
    assert full.events[4].text == "不要复修，要换机"
    assert (full.events[4].from_status, full.events[4].to_status) == (C.PROPOSED, C.INVESTIGATING)
    assert full.events[1].to_status is None  # a note leaves the status as it is
    audited = db.read(
        lambda s: list(
            s.scalars(
                select(AuditLog.action)
                .where(AuditLog.entity == "complaint", AuditLog.entity_id == str(c.id))
                .order_by(AuditLog.id)
            )
        )
    )
    assert audited == [f"complaint.{e.action.value}" for e in full.events]


def test_technician_defaults_to_the_tickets_and_may_be_named(
    db: Database, clerk: Actor, manager: Actor
) -> None:
    t = factories.ticket(db, clerk)
    assert complaints.open_complaint(db, clerk, _draft(t.customer_id)).technician_id is None
    other = factories.technician(db, manager, "周师傅")
    c = complaints.open_complaint(db, clerk, _draft(t.customer_id, technician_id=other))
    assert c.technician == "周师傅"


def test_proposing_on_first_contact_is_the_first_answer(
    db: Database, clerk: Actor, clock: FakeClock
) -> None:
    cust = factories.customer(db, clerk)
    c = complaints.open_complaint(db, clerk, _draft(cust.id))
    clock.advance(minutes=10)
    c = complaints.propose_solution(db, clerk, c.id, "退还上门费")
    assert (c.status, c.rounds, c.first_answered_at) == (C.PROPOSED, 1, clock.now)


def test_manager_closes_an_unresolved_complaint_with_a_reason(
    db: Database, clerk: Actor, manager: Actor
) -> None:
    cust = factories.customer(db, clerk)
    c = complaints.open_complaint(db, clerk, _draft(cust.id))
    c = complaints.first_answer(db, clerk, c.id, "已记录")
    events = factories.count(db, ComplaintEvent)
    with pytest.raises(PermissionDenied):
        complaints.close(db, clerk, c.id, "客户不再联系")
    with pytest.raises(ValidationError) as info:
        complaints.close(db, manager, c.id, "   ")
    assert (info.value.field, info.value.code) == ("reason", "complaint.close_reason_required")
    assert factories.count(db, ComplaintEvent) == events
    assert complaint_views.get_complaint(db, clerk, c.id).status is C.INVESTIGATING

    closed = complaints.close(db, manager, c.id, "客户拒绝一切方案，已书面答复", satisfaction=2)
    assert closed.status is C.CLOSED
    assert (closed.close_reason, closed.resolution_satisfaction) == (
        "客户拒绝一切方案，已书面答复",
        2,
    )
    assert closed.resolved_at is None
    assert closed.events[-1].user == "王经理"
    assert closed.events[-1].text == "客户拒绝一切方案，已书面答复"


def test_roles_that_may_not_handle_complaints(
    db: Database, clerk: Actor, manager: Actor, parts_clerk: Actor
) -> None:
    cust = factories.customer(db, clerk)
    tech_user = make_actor(db, manager, "tech1", Role.TECHNICIAN, "吴师傅")
    for actor in (parts_clerk, tech_user):
        with pytest.raises(PermissionDenied):
            complaints.open_complaint(db, actor, _draft(cust.id))
        with pytest.raises(PermissionDenied):
            complaint_views.list_complaints(db, actor)
    assert factories.count(db, Complaint) == 0
    followup = make_actor(db, manager, "fu1", Role.FOLLOWUP, "孙回访")
    assert complaints.open_complaint(db, followup, _draft(cust.id)).status is C.OPEN


@pytest.mark.parametrize(
    "step",
    ["accept", "reject", "answer_twice", "propose_twice", "close_then_note", "resolved_answer"],
)
def test_illegal_steps_are_refused_and_nothing_written(
    db: Database, clerk: Actor, manager: Actor, step: str
) -> None:
    cust = factories.customer(db, clerk)
    c = complaints.open_complaint(db, clerk, _draft(cust.id))
    if step == "answer_twice":
        complaints.first_answer(db, clerk, c.id, "a")
    if step == "propose_twice":
        complaints.propose_solution(db, clerk, c.id, "p")
    if step == "close_then_note":
        complaints.close(db, manager, c.id, "重复登记")
    if step == "resolved_answer":
        complaints.propose_solution(db, clerk, c.id, "p")
        complaints.customer_response(db, clerk, c.id, True, satisfaction=5)
    before = complaint_views.get_complaint(db, clerk, c.id)
    with pytest.raises(IllegalTransition) as info:
        if step == "accept":
            complaints.customer_response(db, clerk, c.id, True, satisfaction=5)
        elif step == "reject":
            complaints.customer_response(db, clerk, c.id, False, "不行")
        elif step in ("answer_twice", "resolved_answer"):
            complaints.first_answer(db, clerk, c.id, "again")
        elif step == "propose_twice":
            complaints.propose_solution(db, clerk, c.id, "again")
        else:
            complaints.add_note(db, clerk, c.id, "note")
    assert info.value.what == "complaint"
    after = complaint_views.get_complaint(db, clerk, c.id)
    assert (after.status, after.version, len(after.events)) == (
        before.status,
        before.version,
        len(before.events),
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"description": ""}, "description"),
        ({"description": "   \n "}, "description"),
        ({"description": "x" * 4001}, "description"),
        ({"description": "坏了\x00"}, "description"),
        ({"category": "weather"}, "category"),
        ({"severity": "extreme"}, "severity"),
        ({"channel": "pigeon"}, "channel"),
    ],
)
def test_bad_intake_is_refused_and_nothing_written(
    db: Database, clerk: Actor, change: dict[str, str], field: str
) -> None:
    cust = factories.customer(db, clerk)
    values: dict[str, object] = {
        "customer_id": cust.id,
        "channel": Channel.PHONE,
        "category": ComplaintCategory.OTHER,
        "severity": Severity.LOW,
        "description": "态度差",
        **change,
    }
    with pytest.raises(ValidationError) as info:
        complaints.open_complaint(db, clerk, ComplaintDraft(**values))  # type: ignore[arg-type]
    assert info.value.field == field
    if field in ("category", "severity", "channel"):
        assert info.value.code == f"complaint.{field}_required"
    assert factories.count(db, Complaint) == 0 and factories.count(db, ComplaintEvent) == 0


def test_unknown_or_foreign_links_are_refused(db: Database, clerk: Actor) -> None:
    mine = factories.customer(db, clerk)
    other = factories.customer(db, clerk, "李四", "13911112222")
    foreign = factories.ticket(db, clerk, other.id)
    with pytest.raises(NotFound):
        complaints.open_complaint(db, clerk, _draft(999_999))
    with pytest.raises(NotFound):
        complaints.open_complaint(db, clerk, _draft(mine.id, ticket_id=999_999))
    with pytest.raises(NotFound):
        complaints.open_complaint(db, clerk, _draft(mine.id, technician_id=999_999))
    with pytest.raises(ValidationError) as info:
        complaints.open_complaint(db, clerk, _draft(mine.id, ticket_id=foreign.id))
    assert (info.value.field, info.value.code) == ("ticket", "complaint.ticket_of_another_customer")
    with pytest.raises(NotFound):
        complaint_views.get_complaint(db, clerk, 999_999)
    assert factories.count(db, Complaint) == 0


@pytest.mark.parametrize("bad", [0, 6, None])
def test_acceptance_needs_a_satisfaction_from_one_to_five(
    db: Database, clerk: Actor, bad: int | None
) -> None:
    cust = factories.customer(db, clerk)
    c = complaints.open_complaint(db, clerk, _draft(cust.id))
    c = complaints.propose_solution(db, clerk, c.id, "退款")
    with pytest.raises(ValidationError) as info:
        complaints.customer_response(db, clerk, c.id, True, satisfaction=bad)
    assert info.value.field == "satisfaction"
    if bad is None:
        assert info.value.code == "complaint.satisfaction_required"
    with pytest.raises(ValidationError):  # a rejection says why, and carries no score
        complaints.customer_response(db, clerk, c.id, False, "")
    with pytest.raises(ValidationError) as scored:
        complaints.customer_response(db, clerk, c.id, False, "不行", satisfaction=2)
    assert scored.value.code == "complaint.satisfaction_only_on_accept"
    assert complaint_views.get_complaint(db, clerk, c.id).status is C.PROPOSED


def test_double_clicked_intake_creates_one_complaint(db: Database, clerk: Actor) -> None:
    cust = factories.customer(db, clerk)
    a = complaints.open_complaint(db, clerk, _draft(cust.id), request_id="form-1")
    b = complaints.open_complaint(db, clerk, _draft(cust.id), request_id="form-1")
    assert a.id == b.id and a.number == b.number
    assert factories.count(db, Complaint) == 1


def test_saving_over_a_newer_change_is_a_conflict_naming_who(
    db: Database, clerk: Actor, manager: Actor
) -> None:
    cust = factories.customer(db, clerk)
    c = complaints.open_complaint(db, clerk, _draft(cust.id))
    complaints.first_answer(db, manager, c.id, "经理已回电", expected_version=c.version)
    with pytest.raises(ConflictError) as info:
        complaints.first_answer(db, clerk, c.id, "我也回电了", expected_version=c.version)
    assert info.value.who == "王经理"
    assert info.value.current["status"] == "investigating"
    fresh = complaint_views.get_complaint(db, clerk, c.id)
    # A colleague's note does not block the next step.
    complaints.add_note(db, manager, c.id, "已调取录音")
    saved = complaints.propose_solution(db, clerk, c.id, "补偿", expected_version=fresh.version)
    assert saved.status is C.PROPOSED


def test_deadlines_follow_the_managers_standard(
    db: Database, clerk: Actor, manager: Actor, clock: FakeClock
) -> None:
    cust = factories.customer(db, clerk)
    high = complaints.open_complaint(db, clerk, _draft(cust.id, severity=Severity.HIGH))
    assert high.answer_due == clock.now + timedelta(hours=2)
    assert high.solution_due == clock.now + timedelta(hours=24)
    assert settings.complaint_standards(db)[Severity.LOW] == (24, 120)  # the default
    settings.set_complaint_standard(db, manager, Severity.LOW, 4, 30)
    assert settings.complaint_standards(db)[Severity.LOW] == (4, 30)
    low = complaints.open_complaint(db, clerk, _draft(cust.id, severity=Severity.LOW))
    assert low.answer_due == clock.now + timedelta(hours=4)
    assert low.solution_due == clock.now + timedelta(hours=30)
    assert low.clocks.answer.deadline == low.answer_due

    settings.set_complaint_standard(db, manager, Severity.LOW, 6, 48)  # changed again
    later = complaints.open_complaint(db, clerk, _draft(cust.id, severity=Severity.LOW))
    assert later.answer_due == clock.now + timedelta(hours=6)
    assert complaint_views.get_complaint(db, clerk, low.id).answer_due == low.answer_due
    with pytest.raises(PermissionDenied):
        settings.set_complaint_standard(db, clerk, Severity.LOW, 1, 2)
    for answer, solution, code in (
        (0, 10, "settings.hours_out_of_range"),
        (10, 5, "settings.complaint_hours_order"),
        (5, 24 * 366, "settings.hours_out_of_range"),
    ):
        with pytest.raises(ValidationError) as info:
            settings.set_complaint_standard(db, manager, Severity.LOW, answer, solution)
        assert (info.value.field, info.value.code) == ("hours", code)
    audited = db.read(
        lambda s: list(
            s.scalars(select(AuditLog.details).where(AuditLog.action == "complaint_standard.set"))
        )
    )
    assert audited == [{"severity": "low", "hours": [4, 30]}, {"severity": "low", "hours": [6, 48]}]


@pytest.mark.postgres_only
def test_escalating_many_costs_the_same_statements_as_escalating_two(
    db: Database, clerk: Actor, manager: Actor, clock: FakeClock
) -> None:
    """A manager's desk escalated 397 complaints at start, each with its own NOTIFY:
    round trips to the server. Now their number is fixed, however many are overdue (on
    the embedded file a statement is a function call, and SQLite's driver sends each
    insert on its own)."""
    cust = factories.customer(db, clerk)

    def escalate(n: int) -> int:
        for _ in range(n):
            complaints.open_complaint(db, clerk, _draft(cust.id, severity=Severity.HIGH))
        clock.advance(hours=3)
        with statements(db) as seen:
            escalated = complaints.escalate_overdue(db, manager)
        assert len([r for r in escalated if r.escalated_at == clock.now]) == n
        return len(seen)

    two = escalate(2)
    twelve = escalate(12)
    assert twelve == two
    audited = db.read(
        lambda s: s.scalar(
            select(func.count(AuditLog.id)).where(AuditLog.action == "complaint.escalated")
        )
    )
    assert audited == 14  # each escalation audited as before


def test_overdue_complaints_escalate_once(
    db: Database, clerk: Actor, manager: Actor, clock: FakeClock
) -> None:
    cust = factories.customer(db, clerk)
    urgent = complaints.open_complaint(db, clerk, _draft(cust.id, severity=Severity.HIGH))
    calm = complaints.open_complaint(db, clerk, _draft(cust.id, severity=Severity.LOW))
    clock.advance(hours=1, minutes=40)
    assert complaints.escalate_overdue(db, manager) == []
    row = complaint_views.list_complaints(db, clerk, ComplaintFilter(customer_id=cust.id))[-1]
    assert row.id == urgent.id and row.clocks.answer.status is ClockStatus.AT_RISK

    clock.advance(minutes=21)  # 2 h 1 min: the HIGH answer deadline has passed
    overdue = complaint_views.list_complaints(db, clerk, ComplaintFilter(overdue_only=True))
    assert [r.id for r in overdue] == [urgent.id]
    assert overdue[0].clocks.answer.status is ClockStatus.OVERDUE
    escalated = complaints.escalate_overdue(db, clerk)
    assert [(r.id, r.escalated_at) for r in escalated] == [(urgent.id, clock.now)]
    marked_at = clock.now

    clock.advance(minutes=5)
    again = complaints.escalate_overdue(db, manager)
    assert [(r.id, r.escalated_at) for r in again] == [(urgent.id, marked_at)]
    view = complaint_views.get_complaint(db, clerk, urgent.id)
    assert [e.action for e in view.events].count(Step.ESCALATE) == 1
    assert view.version == urgent.version  # a mark, not an edit: nobody's save conflicts
    complaints.first_answer(db, clerk, urgent.id, "已回电", expected_version=urgent.version)
    # Answered, but the 24 h solution clock still runs: still on the manager's list.
    assert [r.id for r in complaints.escalate_overdue(db, manager)] == [urgent.id]

    clock.advance(hours=30)  # the LOW complaint's 24 h answer deadline has passed too
    assert {r.id for r in complaints.escalate_overdue(db, manager)} == {urgent.id, calm.id}
    complaints.close(db, manager, urgent.id, "已转法务处理")
    assert [r.id for r in complaints.escalate_overdue(db, manager)] == [calm.id]
    assert [
        r.id
        for r in complaint_views.list_complaints(db, clerk, ComplaintFilter(escalated_only=True))
    ] == [calm.id]


def test_list_filters(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor, clock: FakeClock
) -> None:
    tech_a = factories.technician(db, manager, "刘师傅")
    tech_b = factories.technician(db, manager, "周师傅")
    zhang = factories.customer(db, clerk)
    li = factories.customer(db, clerk, "李四", "13911112222")
    t = factories.ticket(db, clerk, zhang.id)
    dispatch.assign(db, dispatcher, t.id, tech_a)
    first = complaints.open_complaint(db, clerk, _draft(zhang.id, ticket_id=t.id))
    clock.advance(minutes=1)
    second = complaints.open_complaint(
        db,
        manager,
        _draft(li.id, category=ComplaintCategory.ATTITUDE, technician_id=tech_b),
    )
    clock.advance(minutes=1)
    third = complaints.open_complaint(db, clerk, _draft(li.id, category=ComplaintCategory.CHARGES))
    complaints.propose_solution(db, clerk, third.id, "退差价")
    complaints.customer_response(db, clerk, third.id, True, satisfaction=5)

    def ids(**kw: object) -> list[int]:
        return [r.id for r in complaint_views.list_complaints(db, clerk, ComplaintFilter(**kw))]  # type: ignore[arg-type]

    assert ids() == [third.id, second.id, first.id]  # newest first
    assert ids(active_only=True) == [second.id, first.id]
    assert ids(mine=True) == [third.id, first.id]
    assert ids(category=ComplaintCategory.ATTITUDE) == [second.id]
    assert ids(technician_id=tech_a) == [first.id]
    assert ids(customer_id=li.id) == [third.id, second.id]
    assert ids(ticket_id=t.id) == [first.id]
    assert ids(status=C.RESOLVED) == [third.id]
    assert ids(overdue_only=True) == []
    row = complaint_views.list_complaints(db, clerk, ComplaintFilter(technician_id=tech_a))[0]
    assert (row.technician, row.ticket_number, row.customer_name) == ("刘师傅", t.number, "张三")

    complaints.assign(db, clerk, second.id, clerk.user_id)
    assert ids(mine=True) == [third.id, second.id, first.id]
    tech_user = make_actor(db, manager, "tech1", Role.TECHNICIAN, "吴师傅")
    with pytest.raises(ValidationError) as handler:
        complaints.assign(db, clerk, first.id, tech_user.user_id)
    assert handler.value.code == "complaint.not_a_handler"
    with pytest.raises(ValidationError) as limit:
        complaint_views.list_complaints(db, clerk, ComplaintFilter(limit=0))
    assert (limit.value.code, limit.value.values) == ("complaint.list_limit", {"maximum": 10_000})


def test_ticket_status_is_untouched_by_its_complaint(db: Database, clerk: Actor) -> None:
    t = factories.ticket(db, clerk)
    complaints.open_complaint(db, clerk, _draft(t.customer_id, ticket_id=t.id))
    assert tickets.get_ticket(db, clerk, t.id).status is TicketStatus.NEW
