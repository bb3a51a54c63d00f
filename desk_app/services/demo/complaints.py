"""Demo complaints in order of receipt: recent ones still being worked, old ones settled.

Each follows ``domain.complaint_rules`` (answer, proposal, rejected and round
two, accepted, closed) with the event actions ``services.complaints`` writes;
an overdue one of medium or high severity carries the escalation mark, which,
as in the service, is an event but no edit (version and updated_at stay).
"""

from __future__ import annotations

from desk_app.db.models import Complaint, ComplaintEvent
from desk_app.domain.enums import ComplaintStatus
from desk_app.services.demo import vocabulary as V
from desk_app.services.demo.bulk import Batch, Row, opt_utc, utc
from desk_app.services.demo.world import DAY, HOUR, ComplaintSeed, Weighted, World

C = ComplaintStatus
COMPLAINT_COLUMNS = (
    "id",
    "number",
    "channel",
    "category",
    "severity",
    "status",
    "customer_id",
    "ticket_id",
    "technician_id",
    "description",
    "received_at",
    "answer_due",
    "solution_due",
    "first_answered_at",
    "resolved_at",
    "closed_at",
    "close_reason",
    "escalated_at",
    "rounds",
    "resolution_satisfaction",
    "assigned_to",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    "version",
)
EVENT_COLUMNS = (
    "id",
    "complaint_id",
    "at",
    "user_id",
    "action",
    "from_status",
    "to_status",
    "text",
)

_SEVERITY = Weighted([("low", 50), ("medium", 35), ("high", 15)])
_CHANNEL = Weighted([("phone", 70), ("walk_in", 10), ("online", 15), ("letter", 5)])
_SATISFACTION = Weighted([(5, 45), (4, 35), (3, 15), (2, 5)])
_BY_AGE = (
    (3 * DAY, Weighted([(C.OPEN, 45), (C.INVESTIGATING, 30), (C.PROPOSED, 15), (C.RESOLVED, 10)])),
    (
        15 * DAY,
        Weighted(
            [(C.OPEN, 5), (C.INVESTIGATING, 20), (C.PROPOSED, 20), (C.RESOLVED, 30), (C.CLOSED, 25)]
        ),
    ),
    (10**12, Weighted([(C.INVESTIGATING, 2), (C.PROPOSED, 3), (C.RESOLVED, 25), (C.CLOSED, 70)])),
)
_ACTIVE = (C.OPEN, C.INVESTIGATING, C.PROPOSED)

# (action, from, to, at, text)
_Step = tuple[str, str | None, str, int, str | None]


def complaints_batch(world: World, seeds: list[ComplaintSeed]) -> Batch:
    """The complaints about tickets in ``seeds`` plus a few about the desk itself."""
    w, rng = world, world.rng
    customers = len(w.book.address)
    for _ in range(max(1, len(seeds) // 20) if customers else 0):
        at = w.now - rng.randrange(HOUR, 400 * DAY)
        customer = w.book.first_id + rng.randrange(customers)
        seeds.append(ComplaintSeed(at, at, None, customer, None, "other"))
    drawn = sorted(((rng.randint(s.earliest, s.latest), s) for s in seeds), key=lambda x: x[0])
    rows: list[Row] = []
    events: list[Row] = []
    for received, seed in drawn:
        _complaint(w, received, seed, rows, events)
    batch = Batch(counters=w.numbers.pending())
    batch.rows(Complaint, COMPLAINT_COLUMNS, rows)
    batch.rows(ComplaintEvent, EVENT_COLUMNS, events)
    return batch


def _complaint(
    w: World, received: int, seed: ComplaintSeed, rows: list[Row], events: list[Row]
) -> None:
    rng = w.rng
    cid = w.ids.take(Complaint)
    severity = _SEVERITY.pick(rng)
    answer_h, solution_h = w.complaint_standards[severity]
    target = next(pick for limit, pick in _BY_AGE if w.now - received < limit).pick(rng)
    handler = w.staff.manager if severity == "high" else rng.choice(w.staff.followups)
    clerk = rng.choice(w.staff.clerks)
    steps = _steps(w, received, target, answer_h)
    answer_due = received + int(answer_h * HOUR)
    solution_due = received + int(solution_h * HOUR)
    first_answer = next((at for a, _f, _to, at, _x in steps if a == "answer"), None)
    escalated = None
    if severity != "low" and target in _ACTIVE:
        # escalate_overdue marked it some time after the first clock it missed.
        missed = answer_due if first_answer is None or first_answer > answer_due else solution_due
        mark = missed + rng.randrange(HOUR // 2, 6 * HOUR)
        escalated = mark if mark < w.now - 60 else None
    history: list[tuple[int, str, str | None, str, str | None, int]] = [
        (received, "created", None, C.OPEN.value, None, clerk),
        *((at, a, f, to, x, handler) for a, f, to, at, x in steps),
    ]
    if escalated is not None:
        then = C.OPEN.value
        for _a, _f, to, at, _x in steps:
            if at <= escalated:
                then = to
        history.append((escalated, "escalated", then, then, None, w.staff.manager))
        history.sort(key=lambda e: e[0])
    resolved_at = next((at for a, _f, _to, at, _x in steps if a == "accepted"), None)
    closed_at = next((at for a, _f, _to, at, _x in steps if a == "closed"), None)
    edits = [e for e in history if e[1] != "escalated"]
    rows.append(
        (
            cid,
            w.numbers.next("complaint", received),
            _CHANNEL.pick(rng),
            seed.category,
            severity,
            steps[-1][2] if steps else C.OPEN.value,
            seed.customer_id,
            seed.ticket_id,
            seed.technician_id,
            rng.choice(V.COMPLAINT_TEXTS[seed.category]),
            utc(received),
            utc(answer_due),
            utc(solution_due),
            opt_utc(first_answer),
            opt_utc(resolved_at),
            opt_utc(closed_at),
            V.COMPLAINT_CLOSE_REASONS[0] if closed_at else None,
            opt_utc(escalated),
            sum(1 for s in steps if s[0] == "proposal"),
            _SATISFACTION.pick(rng) if resolved_at else None,
            handler,
            utc(received),
            clerk,
            utc(edits[-1][0]),
            edits[-1][5],
            len(edits),
        )
    )
    first_event = w.ids.take(ComplaintEvent, len(history))
    for n, (at, action, frm, to, text, user) in enumerate(history):
        events.append((first_event + n, cid, utc(at), user, action, frm, to, text))


def _steps(w: World, received: int, target: ComplaintStatus, answer_h: float) -> list[_Step]:
    """The handling steps up to ``target``, squeezed into the time since receipt."""
    rng = w.rng
    steps: list[_Step] = []
    t = received

    def step(action: str, frm: C, to: C, delay: float, text: str | None) -> None:
        nonlocal t
        t += max(60, int(delay))
        steps.append((action, frm.value, to.value, t, text))

    if target != C.OPEN:
        late = rng.random() < 0.15
        delay = answer_h * HOUR * (rng.uniform(1.1, 2.5) if late else rng.uniform(0.1, 0.9))
        step("answer", C.OPEN, C.INVESTIGATING, delay, rng.choice(V.COMPLAINT_ANSWERS))
    if target not in (C.OPEN, C.INVESTIGATING):
        rounds = 2 if rng.random() < 0.15 else 1
        for k in range(rounds):
            step(
                "proposal",
                C.INVESTIGATING,
                C.PROPOSED,
                rng.uniform(2, 30) * HOUR,
                rng.choice(V.COMPLAINT_PROPOSALS),
            )
            if k + 1 < rounds:
                step(
                    "rejected",
                    C.PROPOSED,
                    C.INVESTIGATING,
                    rng.uniform(2, 24) * HOUR,
                    rng.choice(V.COMPLAINT_REJECTIONS),
                )
    if target in (C.RESOLVED, C.CLOSED):
        step("accepted", C.PROPOSED, C.RESOLVED, rng.uniform(1, 24) * HOUR, None)
    if target == C.CLOSED:
        step(
            "closed", C.RESOLVED, C.CLOSED, rng.uniform(1, 72) * HOUR, V.COMPLAINT_CLOSE_REASONS[0]
        )
    limit = w.now - 60
    if steps and steps[-1][3] > limit:
        span, room = steps[-1][3] - received, max(0, limit - received)
        steps = [
            (a, f, to, received + (at - received) * room // span, x) for a, f, to, at, x in steps
        ]
    return steps
