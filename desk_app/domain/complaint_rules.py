"""Pure rules for complaints and feedback: the complaint state machine, complaint clocks,
the five ratings, what counts as dissatisfied, the CSAT formula and the follow-up retry
schedule. No database, no Qt.

CSAT (客户满意度), the one definition used everywhere:
    the share, in percent (0-100), of individual answers that are 4 (满意 satisfied) or
    5 (非常满意 very satisfied), counting all five answers (attitude, professionalism,
    timeliness, effectiveness, overall) of every feedback in the set.
So one feedback rated 5, 5, 4, 3, 2 scores 60; a period's CSAT pools every answer of
every feedback in it (not an average of per-ticket scores, though with five answers
per feedback the two are equal). This "satisfied share" reading matches the documents'
target of "90 or more out of 100": 90 % of answers satisfied or better. A set with no
feedback has no score (None), never 0 or 100. A ticket counts once: when it has both a
paper form and a follow-up call, the call's answers count (``ticket_feedback``), since
the call is the desk's own check and the form was filled in front of the technician.
"""

from __future__ import annotations

import calendar as _calendar
import enum
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta

from desk_app.domain.clock import ClockState, ClockStatus, clock_state
from desk_app.domain.enums import ComplaintCategory, ComplaintStatus, Severity
from desk_app.domain.errors import IllegalTransition, ValidationError

C = ComplaintStatus

# ---------------------------------------------------------------- the complaint state machine


class ComplaintStep(enum.StrEnum):
    """What a handler does to a complaint; the value is the event's ``action``."""

    CREATE = "created"
    NOTE = "note"
    ANSWER = "answer"  # first answer to the customer: OPEN -> INVESTIGATING
    PROPOSE = "proposal"  # a solution proposed to the customer
    ACCEPT = "accepted"  # the customer accepted the solution
    REJECT = "rejected"  # the customer did not accept it: back to work
    ESCALATE = "escalated"  # overdue: brought to the manager's attention
    ASSIGN = "assigned"
    CLOSE = "closed"


# Not yet resolved or closed: the complaint still needs work.
ACTIVE_STATES: frozenset[ComplaintStatus] = frozenset({C.OPEN, C.INVESTIGATING, C.PROPOSED})

_NEXT: dict[tuple[ComplaintStatus, ComplaintStep], ComplaintStatus] = {
    (C.OPEN, ComplaintStep.ANSWER): C.INVESTIGATING,
    # A solution offered on the first contact is also the first answer.
    (C.OPEN, ComplaintStep.PROPOSE): C.PROPOSED,
    (C.INVESTIGATING, ComplaintStep.PROPOSE): C.PROPOSED,
    (C.PROPOSED, ComplaintStep.ACCEPT): C.RESOLVED,
    (C.PROPOSED, ComplaintStep.REJECT): C.INVESTIGATING,
    (C.RESOLVED, ComplaintStep.CLOSE): C.CLOSED,
    # Closing a complaint that is not resolved needs a manager and a reason.
    **{(s, ComplaintStep.CLOSE): C.CLOSED for s in ACTIVE_STATES},
    # Steps that leave the status as it is.
    **{(s, ComplaintStep.NOTE): s for s in (*ACTIVE_STATES, C.RESOLVED)},
    **{(s, ComplaintStep.ESCALATE): s for s in ACTIVE_STATES},
    **{(s, ComplaintStep.ASSIGN): s for s in (*ACTIVE_STATES, C.RESOLVED)},
}


def next_status(current: ComplaintStatus, step: ComplaintStep) -> ComplaintStatus:
    """The status after ``step``; IllegalTransition if the step is not allowed now."""
    try:
        return _NEXT[(current, step)]
    except KeyError:
        raise IllegalTransition("complaint", current.value, step.value) from None


def allowed_steps(current: ComplaintStatus) -> frozenset[ComplaintStep]:
    """The steps a screen may offer for a complaint in ``current``."""
    return frozenset(step for (status, step) in _NEXT if status is current)


def closing_needs_manager(current: ComplaintStatus) -> bool:
    """Only a resolved complaint may be closed by any handler; any other needs a manager
    (with a reason)."""
    return current is not C.RESOLVED


def is_active(status: ComplaintStatus) -> bool:
    return status in ACTIVE_STATES


# ---------------------------------------------------------------- complaint clocks


@dataclass(frozen=True)
class ComplaintClocks:
    """The first-answer clock and the solution clock of one complaint.

    The answer clock stops at the first answer (or when the complaint is closed
    unanswered). The solution clock stops when the customer accepts a solution
    (RESOLVED) or the complaint is closed: a proposal the customer rejects does not
    stop it, because the standard is about the customer's problem being solved, and
    the rework loop runs on the same clock.
    """

    answer: ClockState
    solution: ClockState

    @property
    def current(self) -> ClockState:
        """The clock the desk should look at: the answer clock until answered."""
        if self.answer.status not in (ClockStatus.MET, ClockStatus.MISSED):
            return self.answer
        return self.solution

    @property
    def overdue(self) -> bool:
        return ClockStatus.OVERDUE in (self.answer.status, self.solution.status)


def complaint_clocks(
    received_at: datetime,
    answer_due: datetime,
    solution_due: datetime,
    now: datetime,
    *,
    first_answered_at: datetime | None,
    resolved_at: datetime | None,
    closed_at: datetime | None,
) -> ComplaintClocks:
    """Both clocks as of ``now``, on the wall clock (complaint standards count all hours)."""
    hour = timedelta(hours=1)
    return ComplaintClocks(
        answer=clock_state(
            received_at,
            (answer_due - received_at) / hour,
            now,
            done_at=first_answered_at or closed_at,
            calendar=None,
        ),
        solution=clock_state(
            received_at,
            (solution_due - received_at) / hour,
            now,
            done_at=resolved_at or closed_at,
            calendar=None,
        ),
    )


# ---------------------------------------------------------------- ratings and CSAT

RATING_MIN = 1  # 非常不满意 very dissatisfied
RATING_MAX = 5  # 非常满意 very satisfied
SATISFIED_MIN = 4  # 满意 satisfied and above count as satisfied in CSAT
# A follow-up answer is dissatisfied when overall is at most this, or any answer is 1.
DISSATISFIED_OVERALL_MAX = 2

RATING_FIELDS = ("attitude", "professionalism", "timeliness", "effectiveness", "overall")


def check_rating(value: object, field: str) -> int:
    """A rating 1..5 (whole number; True/False are not numbers here)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "rating.missing")
    if not RATING_MIN <= value <= RATING_MAX:
        raise ValidationError(field, "rating.out_of_range")
    return value


@dataclass(frozen=True)
class Ratings:
    """The five answers of a feedback form or call, each 1 (very dissatisfied) to 5 (very
    satisfied). A Ratings that exists is valid: construction checks every answer."""

    attitude: int  # 服务态度
    professionalism: int  # 专业水平
    timeliness: int  # 及时性
    effectiveness: int  # 维修效果
    overall: int  # 总体评价

    def __post_init__(self) -> None:
        for f in fields(self):
            check_rating(getattr(self, f.name), f.name)

    def as_tuple(self) -> tuple[int, int, int, int, int]:
        return (
            self.attitude,
            self.professionalism,
            self.timeliness,
            self.effectiveness,
            self.overall,
        )

    def as_dict(self) -> dict[str, int]:
        return dict(zip(RATING_FIELDS, self.as_tuple(), strict=True))

    @classmethod
    def from_mapping(cls, values: Mapping[str, object]) -> Ratings:
        missing = [f for f in RATING_FIELDS if f not in values]
        if missing:
            raise ValidationError(missing[0], "rating.missing")
        return cls(*(check_rating(values[f], f) for f in RATING_FIELDS))

    @property
    def dissatisfied(self) -> bool:
        return is_dissatisfied(self)

    @property
    def csat(self) -> float:
        """This feedback's own CSAT: the share of its five answers that are 4 or 5."""
        score = csat([self])
        assert score is not None
        return score


def is_dissatisfied(r: Ratings) -> bool:
    """Overall at most 2 (不满意 / 非常不满意) or any answer 1: the desk should offer
    to open a complaint."""
    return r.overall <= DISSATISFIED_OVERALL_MAX or RATING_MIN in r.as_tuple()


def csat(feedback: Iterable[Ratings]) -> float | None:
    """CSAT on 0..100: percent of all answers that are 4 or 5 (see the module docstring).
    None when there is no feedback."""
    satisfied = answers = 0
    for r in feedback:
        values = r.as_tuple()
        answers += len(values)
        satisfied += sum(1 for v in values if v >= SATISFIED_MIN)
    if answers == 0:
        return None
    return 100.0 * satisfied / answers


def ticket_feedback(form: Ratings | None, call: Ratings | None) -> Ratings | None:
    """The one feedback a ticket contributes to CSAT: the call's, else the form's."""
    return call if call is not None else form


# ---------------------------------------------------------------- complaint from feedback

# Which answer points at which category when it is the worst one; ties go to the first.
_CATEGORY_BY_FIELD: tuple[tuple[str, ComplaintCategory], ...] = (
    ("attitude", ComplaintCategory.ATTITUDE),
    ("timeliness", ComplaintCategory.DELAY),
    ("effectiveness", ComplaintCategory.REPAIR_QUALITY),
    ("professionalism", ComplaintCategory.REPAIR_QUALITY),
)
# Words in the customer's comments that name the subject outright win over the ratings.
_CATEGORY_WORDS: tuple[tuple[re.Pattern[str], ComplaintCategory], ...] = (
    (
        re.compile(r"收费|费用|价格|太贵|乱收|多收|charge|price|expensive", re.I),
        ComplaintCategory.CHARGES,
    ),
    (re.compile(r"配件|零件|旧件|假货|part", re.I), ComplaintCategory.PARTS),
    (re.compile(r"态度|不礼貌|骂|凶|rude|attitude", re.I), ComplaintCategory.ATTITUDE),
    (re.compile(r"迟到|慢|拖|等了|没来|爽约|late|delay|wait", re.I), ComplaintCategory.DELAY),
    (
        re.compile(r"没修好|又坏|还是|不能用|repair|broken|again", re.I),
        ComplaintCategory.REPAIR_QUALITY,
    ),
)


def guess_category(ratings: Ratings | None, comments: str | None) -> ComplaintCategory:
    """A first guess the clerk can correct: a subject named in the comments, else the
    worst-rated answer, else OTHER."""
    text = comments or ""
    for pattern, category in _CATEGORY_WORDS:
        if pattern.search(text):
            return category
    if ratings is None:
        return ComplaintCategory.OTHER
    values = ratings.as_dict()
    worst = min(values[f] for f, _ in _CATEGORY_BY_FIELD)
    if worst >= SATISFIED_MIN:
        return ComplaintCategory.OTHER
    for f, category in _CATEGORY_BY_FIELD:
        if values[f] == worst:
            return category
    return ComplaintCategory.OTHER  # pragma: no cover - the loop always finds ``worst``


def guess_severity(ratings: Ratings | None) -> Severity:
    """HIGH when the overall answer is 1 (very dissatisfied), else MEDIUM."""
    if ratings is not None and ratings.overall == RATING_MIN:
        return Severity.HIGH
    return Severity.MEDIUM


# ---------------------------------------------------------------- follow-up retry schedule


@dataclass(frozen=True)
class RetrySchedule:
    """When to call again after a call that did not reach the customer.

    After attempt ``n`` (1-based) is not reached, the next one is due ``delays[n - 1]``
    later (the last delay repeats if ``max_attempts`` asks for more); after
    ``max_attempts`` unreached calls the desk gives up and the ticket goes to the
    manager's "unreachable" list. Wall-clock delays: "due" means "may be called from
    then on", and the specialist calls in working hours anyway.
    """

    delays: tuple[timedelta, ...] = (timedelta(hours=2), timedelta(days=1))
    max_attempts: int = 3

    def __post_init__(self) -> None:
        if isinstance(self.max_attempts, bool) or not 1 <= self.max_attempts <= 20:
            raise ValidationError("max_attempts", "followup.attempts_range")
        if self.max_attempts > 1 and not self.delays:
            raise ValidationError("delays", "followup.delay_missing")
        for d in self.delays:
            if not timedelta(minutes=1) <= d <= timedelta(days=60):
                raise ValidationError("delays", "followup.delay_range")

    def next_attempt_at(self, attempt: int, called_at: datetime) -> datetime | None:
        """When attempt ``attempt + 1`` is due after ``attempt`` did not reach the
        customer; None once ``attempt`` reached the limit."""
        if attempt < 1:
            raise ValueError(f"attempts count from 1: {attempt}")
        if attempt >= self.max_attempts:
            return None
        return called_at + self.delays[min(attempt, len(self.delays)) - 1]

    def to_dict(self) -> dict[str, object]:
        return {
            "delays_hours": [d / timedelta(hours=1) for d in self.delays],
            "max_attempts": self.max_attempts,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> RetrySchedule:
        """Read the manager's setting (``to_dict`` form); ValidationError if malformed."""
        hours = data.get("delays_hours")
        attempts = data.get("max_attempts")
        if not isinstance(hours, Sequence) or isinstance(hours, str):
            raise ValidationError("delays", "followup.delays_not_a_list")
        if isinstance(attempts, bool) or not isinstance(attempts, int):
            raise ValidationError("max_attempts", "followup.attempts_not_whole")
        delays: list[timedelta] = []
        for h in hours:
            if isinstance(h, bool) or not isinstance(h, int | float) or not math.isfinite(h):
                raise ValidationError("delays", "followup.delay_not_a_number")
            delays.append(timedelta(hours=h))
        return cls(tuple(delays), attempts)


DEFAULT_RETRY_SCHEDULE = RetrySchedule()


# ---------------------------------------------------------------- maintenance reminders


def add_months(day: date, months: int) -> date:
    """``day`` plus whole calendar months; the 31st becomes the month's last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, _calendar.monthrange(year, month)[1]))


def check_interval_months(value: object, category: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 120:
        raise ValidationError("rules", "maintenance.interval_range", category=category)
    return value


def maintenance_due_on(last: date, months: int) -> date:
    """The day an appliance last bought, installed or maintained on ``last`` is due again."""
    return add_months(last, months)
