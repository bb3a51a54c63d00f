"""Complaint state machine, complaint clocks, ratings, CSAT, retry schedule, month arithmetic."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from desk_app.domain import complaint_rules as rules
from desk_app.domain.clock import ClockStatus
from desk_app.domain.complaint_rules import ComplaintStep, Ratings, RetrySchedule
from desk_app.domain.enums import ComplaintCategory, ComplaintStatus, Severity
from desk_app.domain.errors import IllegalTransition, ValidationError

C = ComplaintStatus
Step = ComplaintStep
T0 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)

# ---------------------------------------------------------------- state machine

ALLOWED = {
    (C.OPEN, Step.ANSWER): C.INVESTIGATING,
    (C.OPEN, Step.PROPOSE): C.PROPOSED,
    (C.INVESTIGATING, Step.PROPOSE): C.PROPOSED,
    (C.PROPOSED, Step.ACCEPT): C.RESOLVED,
    (C.PROPOSED, Step.REJECT): C.INVESTIGATING,
    (C.OPEN, Step.CLOSE): C.CLOSED,
    (C.INVESTIGATING, Step.CLOSE): C.CLOSED,
    (C.PROPOSED, Step.CLOSE): C.CLOSED,
    (C.RESOLVED, Step.CLOSE): C.CLOSED,
    **{(s, Step.NOTE): s for s in (C.OPEN, C.INVESTIGATING, C.PROPOSED, C.RESOLVED)},
    **{(s, Step.ASSIGN): s for s in (C.OPEN, C.INVESTIGATING, C.PROPOSED, C.RESOLVED)},
    **{(s, Step.ESCALATE): s for s in (C.OPEN, C.INVESTIGATING, C.PROPOSED)},
}


@pytest.mark.parametrize("status", list(ComplaintStatus))
@pytest.mark.parametrize("step", [s for s in ComplaintStep if s is not Step.CREATE])
def test_every_step_from_every_status(status: ComplaintStatus, step: ComplaintStep) -> None:
    expected = ALLOWED.get((status, step))
    if expected is None:
        with pytest.raises(IllegalTransition) as info:
            rules.next_status(status, step)
        assert (info.value.current, info.value.requested) == (status.value, step.value)
        assert step not in rules.allowed_steps(status)
    else:
        assert rules.next_status(status, step) is expected
        assert step in rules.allowed_steps(status)


def test_rework_loop_can_repeat() -> None:
    s = rules.next_status(C.OPEN, Step.ANSWER)
    for _ in range(3):
        s = rules.next_status(s, Step.PROPOSE)
        s = rules.next_status(s, Step.REJECT)
        assert s is C.INVESTIGATING
    s = rules.next_status(rules.next_status(s, Step.PROPOSE), Step.ACCEPT)
    assert s is C.RESOLVED


def test_closed_is_final_and_only_resolved_closes_without_a_manager() -> None:
    assert rules.allowed_steps(C.CLOSED) == frozenset()
    assert not rules.closing_needs_manager(C.RESOLVED)
    for s in (C.OPEN, C.INVESTIGATING, C.PROPOSED):
        assert rules.closing_needs_manager(s)
        assert rules.is_active(s)
    assert not rules.is_active(C.RESOLVED) and not rules.is_active(C.CLOSED)


# ---------------------------------------------------------------- clocks


def _clocks(now: datetime, **done: datetime | None) -> rules.ComplaintClocks:
    return rules.complaint_clocks(
        T0,
        T0 + timedelta(hours=8),
        T0 + timedelta(hours=72),
        now,
        first_answered_at=done.get("answered"),
        resolved_at=done.get("resolved"),
        closed_at=done.get("closed"),
    )


def test_answer_clock_then_solution_clock() -> None:
    c = _clocks(T0 + timedelta(hours=1))
    assert c.answer.status is ClockStatus.OK and c.current is c.answer
    assert c.answer.deadline == T0 + timedelta(hours=8)
    assert c.answer.remaining_seconds == 7 * 3600
    assert _clocks(T0 + timedelta(hours=7)).answer.status is ClockStatus.AT_RISK
    late = _clocks(T0 + timedelta(hours=9))
    assert late.answer.status is ClockStatus.OVERDUE and late.overdue
    answered = _clocks(T0 + timedelta(hours=9), answered=T0 + timedelta(hours=2))
    assert answered.answer.status is ClockStatus.MET and not answered.overdue
    assert answered.current is answered.solution
    assert _clocks(T0 + timedelta(hours=73), answered=T0).overdue
    done = _clocks(T0 + timedelta(hours=99), answered=T0, resolved=T0 + timedelta(hours=80))
    assert done.solution.status is ClockStatus.MISSED and not done.overdue


def test_closing_stops_both_clocks() -> None:
    c = _clocks(T0 + timedelta(days=30), closed=T0 + timedelta(hours=10))
    assert c.answer.status is ClockStatus.MISSED
    assert c.solution.status is ClockStatus.MET
    assert not c.overdue


# ---------------------------------------------------------------- ratings and CSAT


@pytest.mark.parametrize("bad", [0, 6, -1, 3.5, "5", True, None])
def test_ratings_outside_one_to_five_are_refused(bad: object) -> None:
    with pytest.raises(ValidationError) as info:
        Ratings(5, 5, bad, 5, 5)  # type: ignore[arg-type]
    assert info.value.field == "timeliness"
    with pytest.raises(ValidationError):
        rules.check_rating(bad, "satisfaction")


def test_ratings_from_a_mapping() -> None:
    r = Ratings.from_mapping(
        {"attitude": 5, "professionalism": 4, "timeliness": 3, "effectiveness": 2, "overall": 1}
    )
    assert r.as_tuple() == (5, 4, 3, 2, 1)
    assert r.as_dict()["overall"] == 1
    with pytest.raises(ValidationError) as info:
        Ratings.from_mapping({"attitude": 5})
    assert info.value.field == "professionalism"


@pytest.mark.parametrize(
    ("answers", "dissatisfied"),
    [
        ((5, 5, 5, 5, 5), False),
        ((3, 3, 3, 3, 3), False),
        ((4, 4, 4, 4, 2), True),  # overall 2 = 不满意
        ((5, 5, 5, 5, 1), True),
        ((1, 5, 5, 5, 5), True),  # any 1 = 非常不满意
        ((2, 2, 2, 2, 3), False),
    ],
)
def test_dissatisfied(answers: tuple[int, int, int, int, int], dissatisfied: bool) -> None:
    assert Ratings(*answers).dissatisfied is dissatisfied


def test_csat_is_the_share_of_answers_rated_four_or_five() -> None:
    assert Ratings(5, 5, 5, 5, 5).csat == 100.0
    assert Ratings(5, 5, 4, 3, 2).csat == 60.0
    assert Ratings(3, 3, 3, 3, 3).csat == 0.0
    assert rules.csat([]) is None
    pooled = [Ratings(5, 5, 5, 5, 5), Ratings(4, 4, 4, 4, 4), Ratings(1, 2, 3, 4, 5)]
    assert rules.csat(pooled) == pytest.approx(100 * 12 / 15)
    # The documents' target of 90: nine answers in ten satisfied or better.
    nine_of_ten = [Ratings(5, 5, 5, 5, 5), Ratings(4, 4, 4, 4, 3)]
    assert rules.csat(nine_of_ten) == 90.0


def test_a_ticket_counts_once_preferring_the_call() -> None:
    form, call = Ratings(5, 5, 5, 5, 5), Ratings(3, 3, 3, 3, 3)
    assert rules.ticket_feedback(form, call) is call
    assert rules.ticket_feedback(form, None) is form
    assert rules.ticket_feedback(None, None) is None


# ---------------------------------------------------------------- complaint from feedback


@pytest.mark.parametrize(
    ("answers", "comments", "category"),
    [
        ((1, 4, 4, 4, 2), None, ComplaintCategory.ATTITUDE),
        ((4, 4, 1, 4, 2), None, ComplaintCategory.DELAY),
        ((4, 2, 4, 1, 2), None, ComplaintCategory.REPAIR_QUALITY),
        ((4, 1, 4, 4, 2), None, ComplaintCategory.REPAIR_QUALITY),
        ((2, 4, 2, 4, 2), None, ComplaintCategory.ATTITUDE),  # tie: attitude first
        ((4, 4, 4, 4, 2), None, ComplaintCategory.OTHER),
        ((5, 5, 5, 5, 1), "收费太贵了", ComplaintCategory.CHARGES),
        ((5, 5, 5, 5, 1), "换的配件是旧的", ComplaintCategory.PARTS),
        ((5, 5, 5, 5, 1), "师傅迟到两个小时", ComplaintCategory.DELAY),
    ],
)
def test_guess_category(
    answers: tuple[int, int, int, int, int], comments: str | None, category: ComplaintCategory
) -> None:
    assert rules.guess_category(Ratings(*answers), comments) is category


def test_guess_without_ratings_and_severity() -> None:
    assert rules.guess_category(None, None) is ComplaintCategory.OTHER
    assert rules.guess_severity(Ratings(3, 3, 3, 3, 1)) is Severity.HIGH
    assert rules.guess_severity(Ratings(1, 3, 3, 3, 2)) is Severity.MEDIUM
    assert rules.guess_severity(None) is Severity.MEDIUM


# ---------------------------------------------------------------- retry schedule


def test_default_retry_schedule_two_hours_then_a_day_then_give_up() -> None:
    s = rules.DEFAULT_RETRY_SCHEDULE
    assert s.max_attempts == 3
    assert s.next_attempt_at(1, T0) == T0 + timedelta(hours=2)
    assert s.next_attempt_at(2, T0) == T0 + timedelta(days=1)
    assert s.next_attempt_at(3, T0) is None
    assert s.next_attempt_at(7, T0) is None
    with pytest.raises(ValueError):
        s.next_attempt_at(0, T0)


def test_last_delay_repeats_and_settings_round_trip() -> None:
    s = RetrySchedule((timedelta(hours=1),), max_attempts=4)
    assert [s.next_attempt_at(n, T0) for n in (1, 2, 3, 4)] == [
        T0 + timedelta(hours=1),
        T0 + timedelta(hours=1),
        T0 + timedelta(hours=1),
        None,
    ]
    assert RetrySchedule.from_dict(s.to_dict()) == s
    assert RetrySchedule(max_attempts=1).next_attempt_at(1, T0) is None


@pytest.mark.parametrize(
    "data",
    [
        {"delays_hours": [2, 24], "max_attempts": 0},
        {"delays_hours": [2, 24], "max_attempts": 21},
        {"delays_hours": [], "max_attempts": 3},
        {"delays_hours": [-1], "max_attempts": 3},
        {"delays_hours": [24 * 61], "max_attempts": 3},
        {"delays_hours": "2,24", "max_attempts": 3},
        {"delays_hours": [float("nan")], "max_attempts": 3},
        {"delays_hours": [2], "max_attempts": "3"},
        {},
    ],
)
def test_bad_retry_settings_are_refused(data: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        RetrySchedule.from_dict(data)


# ---------------------------------------------------------------- months


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 6, 1), 12, date(2025, 6, 1)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 11, 30), 3, date(2025, 2, 28)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2024, 12, 15), 1, date(2025, 1, 15)),
        (date(2025, 1, 15), -1, date(2024, 12, 15)),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert rules.add_months(start, months) == expected


@pytest.mark.parametrize("bad", [0, 121, -3, 1.5, True, "12"])
def test_bad_interval_months(bad: object) -> None:
    with pytest.raises(ValidationError):
        rules.check_interval_months(bad, "空调")
