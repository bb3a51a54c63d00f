"""After the visit: the signed feedback form, follow-up calls (回访) and complaint seeds.

Feedback is unique per ticket and source, as the schema demands: at most one
paper form (entered by a clerk) and one call rating (from the reached call).
Ratings are 1..5, mostly 4 and 5; a bad rating makes a complaint likely.
"""

from __future__ import annotations

from desk_app.db.models import Feedback, FollowupCall
from desk_app.services.demo import vocabulary as V
from desk_app.services.demo.bulk import Row, opt_utc, utc
from desk_app.services.demo.routes import CLOSED, COMPLETED, FOLLOWED_UP, WAITING_PARTS, Life
from desk_app.services.demo.world import DAY, HOUR, ComplaintSeed, TechInfo, Weighted, World

_OVERALL = Weighted([(5, 63), (4, 28), (3, 6), (2, 2), (1, 1)])
_NEAR = (-1, 0, 0, 0, 0, 1)  # the other four ratings sit near the overall one
_MISSES = Weighted([(0, 80), (1, 15), (2, 5)])


def rating(w: World) -> tuple[int, int, int, int, int]:
    """Attitude, professionalism, timeliness, effectiveness, overall."""
    rng = w.rng
    overall = _OVERALL.pick(rng)
    near = [min(5, max(1, overall + _NEAR[int(rng.random() * 6)])) for _ in range(4)]
    return near[0], near[1], near[2], near[3], overall


def aftercare(
    w: World, ticket_id: int, life: Life, feedback: list[Row], calls_out: list[Row]
) -> bool:
    """The feedback form and the calls of a completed ticket; True if it was rated badly."""
    rng, staff = w.rng, w.staff
    completed = life.completed
    assert completed is not None
    low = False
    if rng.random() < 0.65:
        at = completed + rng.randrange(HOUR, 2 * DAY)
        if at <= w.now:
            r = rating(w)
            comment = rng.choice(V.FEEDBACK_COMMENTS) if rng.random() < 0.3 else None
            clerk = rng.choice(staff.clerks)
            feedback.append((w.ids.take(Feedback), ticket_id, "form", *r, comment, utc(at), clerk))
            low = r[4] <= 2
    followed = next((e for e in life.events if e[2] == FOLLOWED_UP), None)
    calls: list[tuple[int, str]] = []  # (at, outcome), in order
    caller = 0
    if followed is not None:
        # Reached (or refused to answer) at the FOLLOWED_UP step, maybe after misses.
        misses = _MISSES.pick(rng)
        span = followed[0] - completed
        calls = [(completed + span * (k + 1) // (misses + 1), "not_reached") for k in range(misses)]
        calls.append((followed[0], "refused" if rng.random() < 0.04 else "reached"))
        caller = followed[6]
    elif life.status == CLOSED and rng.random() < 0.5:
        span = (life.closed or completed) - completed
        calls = [(completed + span * (k + 1) // 4, "not_reached") for k in range(3)]
        caller = rng.choice(staff.followups)
    elif life.status == COMPLETED and w.now - completed > DAY and rng.random() < 0.4:
        calls = [(completed + rng.randrange(DAY // 2, DAY), "not_reached")]
        caller = rng.choice(staff.followups)
    for k, (at, outcome) in enumerate(calls):
        feedback_id = None
        if outcome == "reached":
            feedback_id = w.ids.take(Feedback)
            feedback.append((feedback_id, ticket_id, "call", *rating(w), None, utc(at), caller))
        later = calls[k + 1][0] if k + 1 < len(calls) else None
        if outcome == "not_reached" and later is None and life.status == COMPLETED:
            later = at + DAY  # try again tomorrow
        missed = outcome == "not_reached"
        notes = rng.choice(V.FOLLOWUP_NOTES_MISSED if missed else V.FOLLOWUP_NOTES_REACHED)
        calls_out.append(
            (
                w.ids.take(FollowupCall),
                ticket_id,
                k + 1,
                utc(at),
                caller,
                outcome,
                notes,
                opt_utc(later),
                feedback_id,
            )
        )
    return low


def complaint_seed(
    w: World,
    ticket_id: int,
    customer_id: int,
    tech: TechInfo | None,
    life: Life,
    chargeable: bool,
    low: bool,
) -> ComplaintSeed | None:
    """A complaint about this ticket, or None: rare, likelier after a bad rating or delay."""
    rng, now = w.rng, w.now
    t0 = life.events[0][0]
    late = life.responded is not None and life.responded - t0 > 24 * HOUR
    if rng.random() >= 0.004 + (0.4 if low else 0) + (0.05 if late else 0):
        return None
    if low:
        category = rng.choice(("attitude", "repair_quality"))
    elif late:
        category = "delay"
    elif life.pauses and life.pauses[0][2] == WAITING_PARTS:
        category = "parts"
    elif chargeable and life.completed:
        category = "charges"
    else:
        category = rng.choice(("attitude", "delay", "other"))
    earliest = (life.completed or t0) + HOUR
    latest = min(now - 60, earliest + 5 * DAY)
    if latest < earliest:
        earliest = latest = max(t0, now - 60)
    technician = tech.id if tech else None
    return ComplaintSeed(earliest, latest, ticket_id, customer_id, technician, category)
