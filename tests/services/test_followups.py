"""Follow-up calls and their retry schedule, feedback forms, complaints from a call,
maintenance reminders."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk_app.db.models import AuditLog, Complaint, Feedback, FollowupCall, Technician
from desk_app.db.models import Ticket as TicketRow
from desk_app.domain.complaint_rules import Ratings, RetrySchedule
from desk_app.domain.enums import (
    ComplaintCategory,
    ComplaintStatus,
    FeedbackSource,
    FollowupOutcome,
    Role,
    Severity,
    TicketKind,
    TicketStatus,
)
from desk_app.domain.errors import (
    ConflictError,
    DuplicateEntry,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from desk_app.services import complaints, customers, followups, tickets
from desk_app.services.customers import ApplianceDraft
from desk_app.services.database import Actor, Database
from desk_app.services.tickets import Completion, TicketView
from tests.conftest import FakeClock, make_actor
from tests.services import factories

R = FollowupOutcome
HAPPY = Ratings(5, 5, 4, 5, 5)
ANGRY = Ratings(1, 3, 2, 3, 1)


@pytest.fixture
def caller(db: Database, manager: Actor) -> Actor:
    return make_actor(db, manager, "fu1", Role.FOLLOWUP, "孙回访")


def _technician(db: Database, name: str = "刘师傅") -> int:
    def tx(s: Session) -> int:
        t = Technician(name=name, phone="13900000001", skills=[], areas=[])
        s.add(t)
        s.flush()
        return t.id

    return db.write(tx)


def completed(
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    customer_id: int | None = None,
    *,
    kind: TicketKind = TicketKind.REPAIR,
    appliance_id: int | None = None,
    technician_id: int | None = None,
) -> TicketView:
    t = factories.ticket(db, clerk, customer_id, kind=kind, appliance_id=appliance_id)
    if technician_id is not None:
        db.write(lambda s: setattr(s.get(TicketRow, t.id), "technician_id", technician_id))
    tickets.change_status(db, dispatcher, t.id, TicketStatus.DISPATCHED)
    tickets.change_status(db, dispatcher, t.id, TicketStatus.IN_SERVICE)
    return tickets.complete(db, dispatcher, t.id, Completion("电容老化", "更换启动电容"))


def _count(db: Database, model: type[object]) -> int:
    return db.read(lambda s: s.scalar(select(func.count()).select_from(model)) or 0)


# ---------------------------------------------------------------- the queue and calls


def test_queue_oldest_first_with_phone_and_summary(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor, clock: FakeClock
) -> None:
    tech = _technician(db)
    first = completed(db, clerk, dispatcher, technician_id=tech)
    clock.advance(hours=1)
    li = factories.customer(db, clerk, "李四", "13911112222")
    second = completed(db, clerk, dispatcher, li.id)
    factories.ticket(db, clerk, li.id)  # still open: not followed up yet
    queue = followups.followup_queue(db, caller)
    assert [r.ticket_id for r in queue] == [first.id, second.id]
    row = queue[0]
    assert (row.customer_name, row.phone, row.technician) == ("张三", "138 1234 5678", "刘师傅")
    assert (row.fault_description, row.fault_cause, row.work_done) == (
        "空调不制冷，外机不转",
        "电容老化",
        "更换启动电容",
    )
    assert (row.attempts, row.last_called_at, row.form) == (0, None, None)
    assert row.due_at == row.completed_at == first.completed_at
    with pytest.raises(PermissionDenied):
        followups.followup_queue(db, clerk)


def test_reached_call_records_ratings_and_moves_the_ticket_on(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor
) -> None:
    t = completed(db, clerk, dispatcher)
    call = followups.record_call(db, caller, t.id, R.REACHED, HAPPY, "师傅很专业")
    assert (call.attempt, call.outcome, call.called_by) == (1, R.REACHED, "孙回访")
    assert call.ratings == HAPPY and not call.dissatisfied and not call.gave_up
    view = tickets.get_ticket(db, caller, t.id)
    assert view.status is TicketStatus.FOLLOWED_UP
    assert (view.events[-1].from_status, view.events[-1].user) == (TicketStatus.COMPLETED, "孙回访")
    assert followups.followup_queue(db, caller) == []
    history = followups.followup_history(db, clerk, t.id)
    assert [(f.source, f.ratings, f.comments) for f in history.feedback] == [
        (FeedbackSource.CALL, HAPPY, "师傅很专业")
    ]
    assert history.calls[0].feedback_id == history.feedback[0].id
    assert db.read(
        lambda s: s.scalar(select(AuditLog.id).where(AuditLog.action == "followup.call"))
    )
    # The follow-up is done: a second call for the same ticket is refused.
    with pytest.raises(DuplicateEntry):
        followups.record_call(db, caller, t.id, R.REACHED, HAPPY)
    assert _count(db, FollowupCall) == 1


def test_reached_needs_the_five_ratings_and_nothing_is_written(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor
) -> None:
    t = completed(db, clerk, dispatcher)
    with pytest.raises(ValidationError) as info:
        followups.record_call(db, caller, t.id, R.REACHED, None, "挺好")
    assert info.value.field == "ratings"
    with pytest.raises(ValidationError):
        followups.record_call(db, caller, t.id, R.NOT_REACHED, HAPPY)
    with pytest.raises(ValidationError):
        followups.record_call(db, caller, t.id, "maybe")  # type: ignore[arg-type]
    for bad in (0, 6):
        with pytest.raises(ValidationError):
            followups.record_call(db, caller, t.id, R.REACHED, Ratings(5, 5, bad, 5, 5))
    assert (_count(db, FollowupCall), _count(db, Feedback)) == (0, 0)
    assert tickets.get_ticket(db, caller, t.id).status is TicketStatus.COMPLETED


def test_only_completed_tickets_are_called(db: Database, clerk: Actor, caller: Actor) -> None:
    t = factories.ticket(db, clerk)
    with pytest.raises(ValidationError):
        followups.record_call(db, caller, t.id, R.NOT_REACHED)
    with pytest.raises(NotFound):
        followups.record_call(db, caller, 999_999, R.NOT_REACHED)
    assert _count(db, FollowupCall) == 0


def test_retry_schedule_and_the_attempt_limit(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor, manager: Actor, clock: FakeClock
) -> None:
    t = completed(db, clerk, dispatcher)
    first = followups.record_call(db, caller, t.id, R.NOT_REACHED, comments="无人接听")
    assert first.next_attempt_at == clock.now + timedelta(hours=2)
    assert followups.followup_queue(db, caller) == []
    assert followups.followup_queue(db, caller, clock.now + timedelta(hours=2))[0].attempts == 1

    clock.advance(hours=2)
    row = followups.followup_queue(db, caller)[0]
    assert (row.ticket_id, row.attempts, row.due_at) == (t.id, 1, first.next_attempt_at)
    second = followups.record_call(db, caller, t.id, R.NOT_REACHED, expected_attempts=1)
    assert second.attempt == 2 and second.next_attempt_at == clock.now + timedelta(days=1)

    clock.advance(hours=23)
    assert followups.followup_queue(db, caller) == []
    clock.advance(hours=1)
    assert [r.attempts for r in followups.followup_queue(db, caller)] == [2]
    third = followups.record_call(db, caller, t.id, R.NOT_REACHED)
    assert third.attempt == 3 and third.next_attempt_at is None and third.gave_up

    clock.advance(days=30)
    assert followups.followup_queue(db, caller) == []
    lost = followups.unreachable(db, manager)
    assert [(r.ticket_id, r.attempts) for r in lost] == [(t.id, 3)]
    # The manager closes it: it leaves the unreachable list.
    tickets.change_status(db, manager, t.id, TicketStatus.CLOSED, reason="三次未联系上")
    assert followups.unreachable(db, manager) == []


def test_a_managers_retry_schedule(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor, manager: Actor, clock: FakeClock
) -> None:
    followups.set_retry_schedule(db, manager, RetrySchedule((timedelta(hours=4),), 2))
    with pytest.raises(PermissionDenied):
        followups.set_retry_schedule(db, caller, RetrySchedule())
    t = completed(db, clerk, dispatcher)
    assert followups.record_call(db, caller, t.id, R.NOT_REACHED).next_attempt_at == (
        clock.now + timedelta(hours=4)
    )
    clock.advance(hours=4)
    assert followups.record_call(db, caller, t.id, R.NOT_REACHED).gave_up


def test_refused_ends_the_attempts(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor
) -> None:
    t = completed(db, clerk, dispatcher)
    followups.record_call(db, caller, t.id, R.NOT_REACHED)
    call = followups.record_call(db, caller, t.id, R.REFUSED, comments="客户说没空")
    assert (call.attempt, call.next_attempt_at, call.ratings) == (2, None, None)
    assert tickets.get_ticket(db, caller, t.id).status is TicketStatus.FOLLOWED_UP
    assert followups.unreachable(db, caller) == []
    assert _count(db, Feedback) == 0


def test_two_callers_on_one_ticket_conflict(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor, manager: Actor
) -> None:
    t = completed(db, clerk, dispatcher)
    seen = followups.followup_queue(db, caller)[0].attempts
    followups.record_call(db, manager, t.id, R.NOT_REACHED, expected_attempts=seen)
    with pytest.raises(ConflictError) as info:
        followups.record_call(db, caller, t.id, R.REACHED, HAPPY, expected_attempts=seen)
    assert info.value.who == "王经理" and info.value.current["attempts"] == 1
    assert _count(db, FollowupCall) == 1


# ---------------------------------------------------------------- dissatisfied -> complaint


def test_dissatisfied_call_opens_a_prefilled_complaint_once(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor
) -> None:
    tech = _technician(db)
    t = completed(db, clerk, dispatcher, technician_id=tech)
    call = followups.record_call(db, caller, t.id, R.REACHED, ANGRY, "师傅态度很差，还骂人")
    assert call.dissatisfied
    draft = followups.complaint_draft_for_call(db, caller, call.id)
    assert (draft.customer_id, draft.ticket_id, draft.technician_id) == (
        t.customer_id,
        t.id,
        tech,
    )
    assert (draft.category, draft.severity) == (ComplaintCategory.ATTITUDE, Severity.HIGH)

    c = followups.complaint_from_followup(db, caller, call.id)
    assert (c.status, c.customer_id, c.ticket_id, c.technician) == (
        ComplaintStatus.OPEN,
        t.customer_id,
        t.id,
        "刘师傅",
    )
    assert (c.description, c.category, c.severity) == (
        "师傅态度很差，还骂人",
        ComplaintCategory.ATTITUDE,
        Severity.HIGH,
    )
    assert c.events[0].text == f"回访 {t.number} #1"
    assert followups.complaint_from_followup(db, caller, call.id).id == c.id  # one per call
    assert _count(db, Complaint) == 1


def test_complaint_from_a_call_without_comments_describes_the_ratings(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor
) -> None:
    t = completed(db, clerk, dispatcher)
    call = followups.record_call(db, caller, t.id, R.REACHED, Ratings(4, 4, 1, 4, 2))
    c = followups.complaint_from_followup(db, caller, call.id, severity=Severity.LOW)
    assert c.description == f"回访不满意（工单 {t.number}）：态度 4，专业 4，及时 1，效果 4，总体 2"
    assert (c.category, c.severity) == (ComplaintCategory.DELAY, Severity.LOW)


def test_no_complaint_from_an_unanswered_call(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor
) -> None:
    t = completed(db, clerk, dispatcher)
    call = followups.record_call(db, caller, t.id, R.NOT_REACHED)
    with pytest.raises(ValidationError):
        followups.complaint_from_followup(db, caller, call.id)
    with pytest.raises(NotFound):
        followups.complaint_from_followup(db, caller, 999_999)
    assert _count(db, Complaint) == 0


# ---------------------------------------------------------------- feedback forms


def test_form_entry_scanned_in_any_case_and_spacing(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor
) -> None:
    t = completed(db, clerk, dispatcher)
    scanned = " " + " ".join(t.number.lower()) + "\n"
    fb = followups.enter_feedback_form(db, clerk, scanned, Ratings(5, 4, 4, 5, 5), "很满意")
    assert (fb.ticket_id, fb.source, fb.recorded_by, fb.comments) == (
        t.id,
        FeedbackSource.FORM,
        "李客服",
        "很满意",
    )
    assert fb.ratings.csat == 100.0
    # The form does not follow the ticket up: the call still comes.
    assert tickets.get_ticket(db, clerk, t.id).status is TicketStatus.COMPLETED
    assert followups.followup_queue(db, caller)[0].form == Ratings(5, 4, 4, 5, 5)


def test_the_same_form_twice_is_refused_and_nothing_written(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    t = completed(db, clerk, dispatcher)
    followups.enter_feedback_form(db, clerk, t.number, HAPPY)
    audits = _count(db, AuditLog)
    with pytest.raises(DuplicateEntry) as info:
        followups.enter_feedback_form(db, manager, t.number, ANGRY, "第二次录入")
    assert info.value.key == t.number
    assert _count(db, Feedback) == 1 and _count(db, AuditLog) == audits
    kept = followups.followup_history(db, clerk, t.id).feedback
    assert [f.ratings for f in kept] == [HAPPY]


def test_the_unique_constraint_backs_the_check_under_a_race(
    db: Database, clerk: Actor, dispatcher: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two desks entering the same form at once both pass the check; the UNIQUE
    constraint refuses the second, and the desk sees DuplicateEntry, not a crash."""
    t = completed(db, clerk, dispatcher)
    followups.enter_feedback_form(db, clerk, t.number, HAPPY)
    # Simulate the race: the second desk's check ran before the first desk committed.
    real_scalar = Session.scalar

    def blind_check(self: Session, stmt: Any, *args: Any, **kwargs: Any) -> Any:
        if "feedback" in str(stmt) and "FROM feedback" in str(stmt):
            return None
        return real_scalar(self, stmt, *args, **kwargs)

    monkeypatch.setattr(Session, "scalar", blind_check)
    with pytest.raises(DuplicateEntry) as info:
        followups.enter_feedback_form(db, clerk, t.number, ANGRY)
    monkeypatch.undo()
    assert isinstance(info.value.__cause__, IntegrityError)
    assert _count(db, Feedback) == 1


def test_form_for_a_ticket_not_completed_or_unknown_is_refused(db: Database, clerk: Actor) -> None:
    t = factories.ticket(db, clerk)
    with pytest.raises(ValidationError) as info:
        followups.enter_feedback_form(db, clerk, t.number, HAPPY)
    assert info.value.field == "ticket"
    with pytest.raises(NotFound):
        followups.enter_feedback_form(db, clerk, "S20991231-9999", HAPPY)
    for bad in ("", "   ", "S2026'; DROP TABLE feedback;--", "S" * 30):
        with pytest.raises(ValidationError) as info:
            followups.enter_feedback_form(db, clerk, bad, HAPPY)
        assert info.value.field == "ticket_number"
    assert _count(db, Feedback) == 0


@pytest.mark.parametrize("bad", [0, 6])
def test_form_ratings_outside_one_to_five_are_refused(
    db: Database, clerk: Actor, dispatcher: Actor, bad: int
) -> None:
    t = completed(db, clerk, dispatcher)
    with pytest.raises(ValidationError) as info:
        followups.enter_feedback_form(db, clerk, t.number, Ratings(5, 5, 5, 5, bad))
    assert info.value.field == "overall"
    with pytest.raises(ValidationError):
        followups.enter_feedback_form(db, clerk, t.number, (5, 5, 5, 5, 5))  # type: ignore[arg-type]
    assert _count(db, Feedback) == 0


def test_a_dissatisfied_form_is_called_first(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor, clock: FakeClock
) -> None:
    older = completed(db, clerk, dispatcher)
    clock.advance(hours=1)
    newer = completed(db, clerk, dispatcher)
    followups.enter_feedback_form(db, clerk, older.number, HAPPY)
    assert [r.ticket_id for r in followups.followup_queue(db, caller)] == [older.id, newer.id]
    followups.enter_feedback_form(db, clerk, newer.number, ANGRY)
    queue = followups.followup_queue(db, caller)
    assert [(r.ticket_id, r.form_dissatisfied) for r in queue] == [
        (newer.id, True),
        (older.id, False),
    ]


def test_a_late_form_after_the_call_is_still_accepted(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor
) -> None:
    t = completed(db, clerk, dispatcher)
    followups.record_call(db, caller, t.id, R.REACHED, HAPPY)
    followups.enter_feedback_form(db, clerk, t.number, Ratings(4, 4, 4, 4, 4))
    sources = [f.source for f in followups.followup_history(db, clerk, t.id).feedback]
    assert sources == [FeedbackSource.CALL, FeedbackSource.FORM]


# ---------------------------------------------------------------- maintenance reminders


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
    due = followups.maintenance_due(db, clerk, today, {"空调": 12})
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
    assert [x.appliance_id for x in followups.maintenance_due(db, clerk, today, {"空调": 6})] == [
        old_ac.id,
        new_ac.id,
    ]
    assert [
        x.due_on for x in followups.maintenance_due(db, clerk, date(2026, 8, 31), {"空调": 6})
    ] == [date(2024, 12, 1)]
    with pytest.raises(ValidationError):
        followups.maintenance_due(db, clerk, today, {"空调": 0})


def test_maintenance_ticket_from_the_reminder_resets_the_clock(
    db: Database, clerk: Actor, dispatcher: Actor, clock: FakeClock
) -> None:
    zhang = factories.customer(db, clerk)
    ac = factories.appliance(db, clerk, zhang.id)
    t = followups.open_maintenance_ticket(db, clerk, ac.id, request_id="m-1")
    assert (t.kind, t.appliance_id, t.customer_id) == (TicketKind.MAINTENANCE, ac.id, zhang.id)
    assert "KFR-35GW/BP3DN8Y" in t.fault_description
    assert followups.open_maintenance_ticket(db, clerk, ac.id, request_id="m-1").id == t.id
    with pytest.raises(DuplicateEntry):
        followups.open_maintenance_ticket(db, clerk, ac.id)
    today = date(2026, 11, 23)
    assert followups.maintenance_due(db, clerk, today, {"空调": 12}) == []  # already open

    tickets.change_status(db, dispatcher, t.id, TicketStatus.DISPATCHED)
    tickets.change_status(db, dispatcher, t.id, TicketStatus.IN_SERVICE)
    tickets.complete(db, dispatcher, t.id, Completion("正常保养", "清洗滤网和冷凝器"))
    assert followups.maintenance_due(db, clerk, today, {"空调": 12}) == []
    later = followups.maintenance_due(db, clerk, date(2027, 11, 23), {"空调": 12})
    assert [(x.appliance_id, x.last_maintenance, x.due_on) for x in later] == [
        (ac.id, today, date(2027, 11, 23))
    ]
    with pytest.raises(NotFound):
        followups.open_maintenance_ticket(db, clerk, 999_999)


def test_default_maintenance_rules(db: Database, clerk: Actor) -> None:
    zhang = factories.customer(db, clerk)
    ac = factories.appliance(db, clerk, zhang.id)
    assert [d.interval_months for d in followups.maintenance_due(db, clerk)] == [12]
    assert followups.maintenance_due(db, clerk)[0].appliance_id == ac.id


def test_complaint_is_visible_from_the_call_ticket(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor
) -> None:
    t = completed(db, clerk, dispatcher)
    call = followups.record_call(db, caller, t.id, R.REACHED, ANGRY)
    c = followups.complaint_from_followup(db, caller, call.id)
    rows = complaints.list_complaints(db, clerk, complaints.ComplaintFilter(ticket_id=t.id))
    assert [r.id for r in rows] == [c.id]
