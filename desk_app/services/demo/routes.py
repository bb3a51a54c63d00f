"""The way a demo ticket went to its status, and the bookkeeping each step does.

``plan`` picks the statuses a ticket passed through and when; ``Life`` replays
them with the side effects ``tickets.apply_transition`` has (responded at the
first move out of NEW, arrived at the first IN_SERVICE, a visit counted per
IN_SERVICE not coming back from WAITING_PARTS, clock pauses while waiting).
Every route obeys ``domain.ticket_states``; the tests check it.
"""

from __future__ import annotations

import random
from typing import Any

from desk_app.domain.enums import TicketKind, TicketStatus
from desk_app.domain.ticket_states import PAUSED_STATES
from desk_app.services.demo.bulk import LocalTime
from desk_app.services.demo.world import DAY, HOUR

NEW, DISPATCHED, APPOINTED = "new", "dispatched", "appointed"
IN_SERVICE, WAITING_PARTS, WAITING_CUSTOMER = "in_service", "waiting_parts", "waiting_customer"
COMPLETED, FOLLOWED_UP, CLOSED, CANCELLED = "completed", "followed_up", "closed", "cancelled"
ALL_STATUSES = tuple(s.value for s in TicketStatus)
assert set(ALL_STATUSES) == {
    NEW,
    DISPATCHED,
    APPOINTED,
    IN_SERVICE,
    WAITING_PARTS,
    WAITING_CUSTOMER,
    COMPLETED,
    FOLLOWED_UP,
    CLOSED,
    CANCELLED,
}
PAUSED = frozenset(s.value for s in PAUSED_STATES)
REPAIR, INSTALLATION = TicketKind.REPAIR.value, TicketKind.INSTALLATION.value
MAINTENANCE, CONSULTATION = TicketKind.MAINTENANCE.value, TicketKind.CONSULTATION.value
RETURN_EXCHANGE = TicketKind.RETURN_EXCHANGE.value
RETURN_TO_FACTORY = TicketKind.RETURN_TO_FACTORY.value
WITH_PARTS = (REPAIR, RETURN_TO_FACTORY)

# (at, from, to, action, reason, data, user)
Event = tuple[int, str | None, str, str, str | None, Any, int]


class Life:
    """One ticket's events, with the side effects ``apply_transition`` has."""

    __slots__ = (
        "arrived",
        "cancel_reason",
        "cancelled",
        "closed",
        "completed",
        "events",
        "pauses",
        "responded",
        "status",
        "visits",
    )

    def __init__(self, t0: int, user: int) -> None:
        self.events: list[Event] = [(t0, None, NEW, "created", None, None, user)]
        self.status = NEW
        self.pauses: list[list[Any]] = []  # [started, ended or None, reason]
        self.responded: int | None = None
        self.arrived: int | None = None
        self.completed: int | None = None
        self.closed: int | None = None
        self.cancelled: int | None = None
        self.cancel_reason: str | None = None
        self.visits = 0

    def move(
        self,
        at: int,
        to: str,
        user: int,
        action: str = "status",
        reason: str | None = None,
        data: Any = None,
    ) -> None:
        frm = self.status
        if frm in PAUSED or to == CANCELLED:
            for pause in self.pauses:
                if pause[1] is None:
                    pause[1] = at
        if to in PAUSED:
            self.pauses.append([at, None, to])
        if frm == NEW and self.responded is None and to != CANCELLED:
            self.responded = at
        if to == IN_SERVICE:
            if self.arrived is None:
                self.arrived = at
            if frm != WAITING_PARTS:
                self.visits += 1
        if to == COMPLETED:
            self.completed = at
        elif to == CLOSED:
            self.closed = at
        elif to == CANCELLED:
            self.cancelled, self.cancel_reason = at, reason
        self.status = to
        self.events.append((at, frm, to, action, reason, data, user))

    def note(self, at: int, action: str, user: int, reason: str | None, data: Any) -> None:
        """An event that leaves the status as it is (reschedule), as ``record_event`` writes it."""
        self.events.append((at, self.status, self.status, action, reason, data, user))


def plan(
    rng: random.Random,
    local: LocalTime,
    now: int,
    t0: int,
    target: str,
    kind: str,
    urgency: str,
    respond_h: float,
) -> list[tuple[str, int]]:
    """The statuses a ticket received at ``t0`` went through to ``target``, with their times.

    Durations are drawn as they would be; a route that would end after ``now``
    is squeezed into the time available, keeping its order.
    """
    steps: list[tuple[str, int]] = []
    t = t0

    def go(status: str, delay: float) -> None:
        nonlocal t
        t += max(60, int(delay))
        steps.append((status, t))

    def respond() -> float:
        if rng.random() < 0.07:
            return respond_h * HOUR * rng.uniform(1.0, 1.8)  # answered late
        top = {"critical": 1.5, "urgent": 4.0}.get(urgency, 20.0)
        return rng.uniform(0.15, min(top, respond_h * 0.9)) * HOUR

    def at_work(delay: float) -> float:
        """``delay`` from now, moved into working hours (not all at opening time)."""
        wanted = t + int(delay)
        moved = local.at_work(wanted)
        return moved - t + (rng.randrange(3 * HOUR) if moved != wanted else 0)

    def visit() -> None:
        top = {"critical": 6, "urgent": 20}.get(urgency, 50)
        go(IN_SERVICE, at_work(rng.uniform(2, top) * HOUR))

    def to_service(parts_detour: bool) -> None:
        go(DISPATCHED, respond())
        if rng.random() < 0.04:
            go(WAITING_CUSTOMER, rng.uniform(1, 8) * HOUR)
            go(DISPATCHED, rng.uniform(1, 4) * DAY)
        go(APPOINTED, rng.uniform(0.2, 8) * HOUR)
        visit()
        if parts_detour:
            go(WAITING_PARTS, rng.uniform(0.5, 1.5) * HOUR)
            go(APPOINTED, rng.uniform(1, 6) * DAY)  # the parts came: a second visit
            visit()

    if kind == CONSULTATION:
        if target == WAITING_CUSTOMER:
            go(WAITING_CUSTOMER, rng.uniform(0.2, 6) * HOUR)
        elif target == CANCELLED:
            go(CANCELLED, rng.uniform(1, 30) * HOUR)
        elif target == CLOSED:
            go(COMPLETED, rng.uniform(0.1, 4) * HOUR)
            steps.append((CLOSED, t))  # answered at the desk: completed and closed at once
    elif target in (DISPATCHED, APPOINTED):
        go(DISPATCHED, respond())
        if target == APPOINTED:
            go(APPOINTED, rng.uniform(0.2, 8) * HOUR)
    elif target in (IN_SERVICE, WAITING_PARTS):
        to_service(target == IN_SERVICE and kind in WITH_PARTS and rng.random() < 0.1)
        if target == WAITING_PARTS:
            go(WAITING_PARTS, rng.uniform(0.5, 1.5) * HOUR)
    elif target in (WAITING_CUSTOMER, CANCELLED):
        # How far it got first: not yet dispatched, dispatched, appointed, or further.
        reached = rng.choices((0, 1, 2, 3), (50, 20, 25, 5))[0]
        if reached == 3 and target == CANCELLED:
            go(WAITING_CUSTOMER, rng.uniform(1, 20) * HOUR)
        elif reached == 3:
            to_service(False)
        elif reached >= 1:
            go(DISPATCHED, respond())
            if reached == 2:
                go(APPOINTED, rng.uniform(0.2, 8) * HOUR)
        go(target, rng.uniform(0.5, 60) * HOUR)
    elif target != NEW:  # COMPLETED, FOLLOWED_UP, CLOSED
        to_service(kind in WITH_PARTS and rng.random() < 0.15)
        go(COMPLETED, rng.uniform(0.6, 3) * HOUR)
        if target == FOLLOWED_UP or (target == CLOSED and rng.random() < 0.8):
            go(FOLLOWED_UP, at_work(rng.uniform(1, 5) * DAY))
            if target == CLOSED:
                go(CLOSED, at_work(rng.uniform(0.5, 72) * HOUR))
        elif target == CLOSED:
            go(CLOSED, at_work(rng.uniform(2, 10) * DAY))  # the customer was never reached
    return squeeze(t0, steps, now - 60)


def squeeze(t0: int, steps: list[tuple[str, int]], limit: int) -> list[tuple[str, int]]:
    """Scale the times after ``t0`` so that the last is at most ``limit``, keeping the order."""
    if not steps or steps[-1][1] <= limit:
        return steps
    span = steps[-1][1] - t0
    room = max(0, limit - t0)
    return [(status, t0 + (at - t0) * room // span) for status, at in steps]
