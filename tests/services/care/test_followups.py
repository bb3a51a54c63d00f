"""Follow-up calls: the queue, the retry schedule and its limit, conflicts between
callers, and the complaint opened from a dissatisfied call."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from desk_app.db.models import AuditLog, Complaint, Feedback, FollowupCall
from desk_app.domain.complaint_rules import Ratings, RetrySchedule
from desk_app.domain.enums import (
    ComplaintCategory,
    ComplaintStatus,
    FeedbackSource,
    FollowupOutcome,
    Role,
    Severity,
    TicketStatus,
)
from desk_app.domain.errors import (
    ConflictError,
    DuplicateEntry,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from desk_app.services.care import complaint_views, followups
from desk_app.services.care.complaint_views import ComplaintFilter
from desk_app.services.core.database import Actor, Database
from desk_app.services.tickets import tickets
from tests.conftest import FakeClock, make_actor
from tests.services import factories

R = FollowupOutcome
HAPPY = Ratings(5, 5, 4, 5, 5)
ANGRY = Ratings(1, 3, 2, 3, 1)


@pytest.fixture
def caller(db: Database, manager: Actor) -> Actor:
    return make_actor(db, manager, "fu1", Role.FOLLOWUP, "孙回访")


# ---------------------------------------------------------------- the queue and calls


def test_queue_oldest_first_with_phone_and_summary(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor, clock: FakeClock, manager: Actor
) -> None:
    tech = factories.technician(db, manager)
    first = factories.completed_ticket(db, clerk, dispatcher, manager, technician_id=tech)
    clock.advance(hours=1)
    li = factories.customer(db, clerk, "李四", "13911112222")
    second = factories.completed_ticket(db, clerk, dispatcher, manager, li.id)
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
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor, manager: Actor
) -> None:
    t = factories.completed_ticket(db, clerk, dispatcher, manager)
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
    assert factories.count(db, FollowupCall) == 1


def test_reached_needs_the_five_ratings_and_nothing_is_written(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor, manager: Actor
) -> None:
    t = factories.completed_ticket(db, clerk, dispatcher, manager)
    with pytest.raises(ValidationError) as info:
        followups.record_call(db, caller, t.id, R.REACHED, None, "挺好")
    assert (info.value.field, info.value.code) == ("ratings", "followup.ratings_required")
    with pytest.raises(ValidationError) as unreached:
        followups.record_call(db, caller, t.id, R.NOT_REACHED, HAPPY)
    assert unreached.value.code == "followup.ratings_only_when_reached"
    with pytest.raises(ValidationError) as outcome:
        followups.record_call(db, caller, t.id, "maybe")  # type: ignore[arg-type]
    assert (outcome.value.field, outcome.value.code) == ("outcome", "followup.outcome_required")
    for bad in (0, 6):
        with pytest.raises(ValidationError):
            followups.record_call(db, caller, t.id, R.REACHED, Ratings(5, 5, bad, 5, 5))
    assert (factories.count(db, FollowupCall), factories.count(db, Feedback)) == (0, 0)
    assert tickets.get_ticket(db, caller, t.id).status is TicketStatus.COMPLETED


def test_only_completed_tickets_are_called(db: Database, clerk: Actor, caller: Actor) -> None:
    t = factories.ticket(db, clerk)
    with pytest.raises(ValidationError) as info:
        followups.record_call(db, caller, t.id, R.NOT_REACHED)
    assert (info.value.field, info.value.code) == ("ticket", "followup.ticket_not_completed")
    with pytest.raises(NotFound):
        followups.record_call(db, caller, 999_999, R.NOT_REACHED)
    assert factories.count(db, FollowupCall) == 0


def test_retry_schedule_and_the_attempt_limit(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor, manager: Actor, clock: FakeClock
) -> None:
    t = factories.completed_ticket(db, clerk, dispatcher, manager)
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
    t = factories.completed_ticket(db, clerk, dispatcher, manager)
    assert followups.record_call(db, caller, t.id, R.NOT_REACHED).next_attempt_at == (
        clock.now + timedelta(hours=4)
    )
    clock.advance(hours=4)
    assert followups.record_call(db, caller, t.id, R.NOT_REACHED).gave_up


def test_refused_ends_the_attempts(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor, manager: Actor
) -> None:
    t = factories.completed_ticket(db, clerk, dispatcher, manager)
    followups.record_call(db, caller, t.id, R.NOT_REACHED)
    call = followups.record_call(db, caller, t.id, R.REFUSED, comments="客户说没空")
    assert (call.attempt, call.next_attempt_at, call.ratings) == (2, None, None)
    assert tickets.get_ticket(db, caller, t.id).status is TicketStatus.FOLLOWED_UP
    assert followups.unreachable(db, caller) == []
    assert factories.count(db, Feedback) == 0


def test_two_callers_on_one_ticket_conflict(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor, manager: Actor
) -> None:
    t = factories.completed_ticket(db, clerk, dispatcher, manager)
    seen = followups.followup_queue(db, caller)[0].attempts
    followups.record_call(db, manager, t.id, R.NOT_REACHED, expected_attempts=seen)
    with pytest.raises(ConflictError) as info:
        followups.record_call(db, caller, t.id, R.REACHED, HAPPY, expected_attempts=seen)
    assert info.value.who == "王经理" and info.value.current["attempts"] == 1
    assert factories.count(db, FollowupCall) == 1


# ---------------------------------------------------------------- dissatisfied -> complaint


def test_dissatisfied_call_opens_a_prefilled_complaint_once(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor, manager: Actor
) -> None:
    tech = factories.technician(db, manager)
    t = factories.completed_ticket(db, clerk, dispatcher, manager, technician_id=tech)
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
    assert factories.count(db, Complaint) == 1


def test_complaint_from_a_call_without_comments_describes_the_ratings(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor, manager: Actor
) -> None:
    t = factories.completed_ticket(db, clerk, dispatcher, manager)
    call = followups.record_call(db, caller, t.id, R.REACHED, Ratings(4, 4, 1, 4, 2))
    c = followups.complaint_from_followup(db, caller, call.id, severity=Severity.LOW)
    assert c.description == f"回访不满意（工单 {t.number}）：态度 4，专业 4，及时 1，效果 4，总体 2"
    assert (c.category, c.severity) == (ComplaintCategory.DELAY, Severity.LOW)


def test_no_complaint_from_an_unanswered_call(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor, manager: Actor
) -> None:
    t = factories.completed_ticket(db, clerk, dispatcher, manager)
    call = followups.record_call(db, caller, t.id, R.NOT_REACHED)
    with pytest.raises(ValidationError) as info:
        followups.complaint_from_followup(db, caller, call.id)
    assert (info.value.field, info.value.code) == ("call", "followup.call_not_reached")
    with pytest.raises(NotFound):
        followups.complaint_from_followup(db, caller, 999_999)
    assert factories.count(db, Complaint) == 0


def test_complaint_is_visible_from_the_call_ticket(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor, manager: Actor
) -> None:
    t = factories.completed_ticket(db, clerk, dispatcher, manager)
    call = followups.record_call(db, caller, t.id, R.REACHED, ANGRY)
    c = followups.complaint_from_followup(db, caller, call.id)
    rows = complaint_views.list_complaints(db, clerk, ComplaintFilter(ticket_id=t.id))
    assert [r.id for r in rows] == [c.id]
