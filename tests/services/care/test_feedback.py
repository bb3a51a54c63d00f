"""Feedback forms (服务反馈单) scanned back in: entry, the duplicate refusal (also under a
race), refusals of bad input, and how a form orders the follow-up queue."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk_app.db.models import AuditLog, Feedback
from desk_app.domain.complaint_rules import Ratings
from desk_app.domain.enums import FeedbackSource, FollowupOutcome, Role, TicketStatus
from desk_app.domain.errors import DuplicateEntry, NotFound, ValidationError
from desk_app.messages import render
from desk_app.services.care import feedback, followups
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


def test_form_entry_scanned_in_any_case_and_spacing(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor, manager: Actor
) -> None:
    t = factories.completed_ticket(db, clerk, dispatcher, manager)
    scanned = " " + " ".join(t.number.lower()) + "\n"
    fb = feedback.enter_feedback_form(db, clerk, scanned, Ratings(5, 4, 4, 5, 5), "很满意")
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
    t = factories.completed_ticket(db, clerk, dispatcher, manager)
    feedback.enter_feedback_form(db, clerk, t.number, HAPPY)
    audits = factories.count(db, AuditLog)
    with pytest.raises(DuplicateEntry) as info:
        feedback.enter_feedback_form(db, manager, t.number, ANGRY, "第二次录入")
    assert info.value.key == t.number
    assert factories.count(db, Feedback) == 1 and factories.count(db, AuditLog) == audits
    kept = followups.followup_history(db, clerk, t.id).feedback
    assert [f.ratings for f in kept] == [HAPPY]


def test_the_unique_constraint_backs_the_check_under_a_race(
    db: Database, clerk: Actor, dispatcher: Actor, monkeypatch: pytest.MonkeyPatch, manager: Actor
) -> None:
    """Two desks entering the same form at once both pass the check; the UNIQUE
    constraint refuses the second, and the desk sees DuplicateEntry, not a crash."""
    t = factories.completed_ticket(db, clerk, dispatcher, manager)
    feedback.enter_feedback_form(db, clerk, t.number, HAPPY)
    # Simulate the race: the second desk's check ran before the first desk committed.
    real_scalar = Session.scalar

    def blind_check(self: Session, stmt: Any, *args: Any, **kwargs: Any) -> Any:
        if "feedback" in str(stmt) and "FROM feedback" in str(stmt):
            return None
        return real_scalar(self, stmt, *args, **kwargs)

    monkeypatch.setattr(Session, "scalar", blind_check)
    with pytest.raises(DuplicateEntry) as info:
        feedback.enter_feedback_form(db, clerk, t.number, ANGRY)
    monkeypatch.undo()
    assert isinstance(info.value.__cause__, IntegrityError)
    assert factories.count(db, Feedback) == 1


def test_form_for_a_ticket_not_completed_or_unknown_is_refused(db: Database, clerk: Actor) -> None:
    t = factories.ticket(db, clerk)
    with pytest.raises(ValidationError) as info:
        feedback.enter_feedback_form(db, clerk, t.number, HAPPY)
    assert (info.value.field, info.value.code) == ("ticket", "feedback.ticket_not_completed")
    with pytest.raises(NotFound):
        feedback.enter_feedback_form(db, clerk, "S20991231-9999", HAPPY)
    for bad, code in (
        ("", "feedback.ticket_number_required"),
        ("   ", "feedback.ticket_number_required"),
        ("S2026'; DROP TABLE feedback;--", "feedback.not_a_ticket_number"),
        ("S" * 30, "feedback.not_a_ticket_number"),
    ):
        with pytest.raises(ValidationError) as info:
            feedback.enter_feedback_form(db, clerk, bad, HAPPY)
        assert (info.value.field, info.value.code) == ("ticket_number", code)
    assert factories.count(db, Feedback) == 0


def test_care_refusals_read_in_chinese(
    db: Database, clerk: Actor, caller: Actor, manager: Actor
) -> None:
    t = factories.ticket(db, clerk)  # not completed yet
    with pytest.raises(ValidationError) as form:
        feedback.enter_feedback_form(db, clerk, t.number, HAPPY)
    assert render(form.value, language="zh_CN") == "该工单尚未完工；完工后再录入反馈单。"
    with pytest.raises(ValidationError) as call:
        followups.record_call(db, caller, t.id, R.NOT_REACHED)
    assert render(call.value, language="zh_CN") == "只有已完工的工单才能回访。"
    assert render(call.value) == "Only a completed ticket is followed up."


@pytest.mark.parametrize("bad", [0, 6])
def test_form_ratings_outside_one_to_five_are_refused(
    db: Database, clerk: Actor, dispatcher: Actor, bad: int, manager: Actor
) -> None:
    t = factories.completed_ticket(db, clerk, dispatcher, manager)
    with pytest.raises(ValidationError) as info:
        feedback.enter_feedback_form(db, clerk, t.number, Ratings(5, 5, 5, 5, bad))
    assert info.value.field == "overall"
    with pytest.raises(ValidationError) as loose:
        feedback.enter_feedback_form(db, clerk, t.number, (5, 5, 5, 5, 5))  # type: ignore[arg-type]
    assert loose.value.code == "feedback.ratings_required"
    assert factories.count(db, Feedback) == 0


def test_a_dissatisfied_form_is_called_first(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor, clock: FakeClock, manager: Actor
) -> None:
    older = factories.completed_ticket(db, clerk, dispatcher, manager)
    clock.advance(hours=1)
    newer = factories.completed_ticket(db, clerk, dispatcher, manager)
    feedback.enter_feedback_form(db, clerk, older.number, HAPPY)
    assert [r.ticket_id for r in followups.followup_queue(db, caller)] == [older.id, newer.id]
    feedback.enter_feedback_form(db, clerk, newer.number, ANGRY)
    queue = followups.followup_queue(db, caller)
    assert [(r.ticket_id, r.form_dissatisfied) for r in queue] == [
        (newer.id, True),
        (older.id, False),
    ]


def test_a_late_form_after_the_call_is_still_accepted(
    db: Database, clerk: Actor, dispatcher: Actor, caller: Actor, manager: Actor
) -> None:
    t = factories.completed_ticket(db, clerk, dispatcher, manager)
    followups.record_call(db, caller, t.id, R.REACHED, HAPPY)
    feedback.enter_feedback_form(db, clerk, t.number, Ratings(4, 4, 4, 4, 4))
    sources = [f.source for f in followups.followup_history(db, clerk, t.id).feedback]
    assert sources == [FeedbackSource.CALL, FeedbackSource.FORM]


def test_the_scanned_forms_ticket_is_shown_before_typing(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    t = factories.completed_ticket(db, clerk, dispatcher, manager)
    found = feedback.form_ticket(db, clerk, t.number.lower())
    assert (found.ticket_id, found.customer_name, found.technician) == (t.id, "张三", "刘师傅")
    assert found.accepts_form and found.entered is None
    feedback.enter_feedback_form(db, manager, t.number, HAPPY)
    again = feedback.form_ticket(db, clerk, t.number)
    assert not again.accepts_form
    assert again.entered is not None
    assert (again.entered.recorded_by, again.entered.ratings) == ("王经理", HAPPY)
    open_one = factories.ticket(db, clerk)
    assert not feedback.form_ticket(db, clerk, open_one.number).accepts_form
    with pytest.raises(NotFound):
        feedback.form_ticket(db, clerk, "S20991231-9999")
