"""The ticket state machine: which status may follow which, and what pauses the clock."""

from __future__ import annotations

from desk_app.domain.enums import TicketKind, TicketStatus
from desk_app.domain.errors import IllegalTransition, ValidationError

S = TicketStatus

OPEN_STATES: frozenset[TicketStatus] = frozenset(
    {S.NEW, S.DISPATCHED, S.APPOINTED, S.IN_SERVICE, S.WAITING_PARTS, S.WAITING_CUSTOMER}
)
# While a ticket waits for parts or for the customer its service clock stands still.
PAUSED_STATES: frozenset[TicketStatus] = frozenset({S.WAITING_PARTS, S.WAITING_CUSTOMER})
FINAL_STATES: frozenset[TicketStatus] = frozenset({S.CLOSED, S.CANCELLED})

_ALLOWED: dict[TicketStatus, frozenset[TicketStatus]] = {
    # NEW -> COMPLETED: a consultation answered at the desk is closed in one step.
    S.NEW: frozenset({S.DISPATCHED, S.WAITING_CUSTOMER, S.COMPLETED, S.CANCELLED}),
    S.DISPATCHED: frozenset({S.APPOINTED, S.NEW, S.IN_SERVICE, S.WAITING_CUSTOMER, S.CANCELLED}),
    # APPOINTED -> NEW: the dispatcher takes the ticket back to the queue (unassign).
    S.APPOINTED: frozenset({S.IN_SERVICE, S.DISPATCHED, S.NEW, S.WAITING_CUSTOMER, S.CANCELLED}),
    S.IN_SERVICE: frozenset({S.WAITING_PARTS, S.WAITING_CUSTOMER, S.COMPLETED, S.CANCELLED}),
    S.WAITING_PARTS: frozenset({S.IN_SERVICE, S.APPOINTED, S.CANCELLED}),
    S.WAITING_CUSTOMER: frozenset({S.NEW, S.DISPATCHED, S.APPOINTED, S.IN_SERVICE, S.CANCELLED}),
    S.COMPLETED: frozenset({S.FOLLOWED_UP, S.CLOSED}),
    S.FOLLOWED_UP: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
    S.CANCELLED: frozenset(),
}

# Transitions that must say why (who and when are always recorded).
_REASON_REQUIRED: frozenset[TicketStatus] = frozenset({S.CANCELLED, S.WAITING_CUSTOMER})


def allowed_next(status: TicketStatus) -> frozenset[TicketStatus]:
    """The statuses a ticket in ``status`` may move to."""
    return _ALLOWED[status]


def check_transition(
    current: TicketStatus,
    requested: TicketStatus,
    *,
    kind: TicketKind,
    reason: str | None,
) -> None:
    """Raise if ``current -> requested`` is not allowed for a ticket of ``kind``.

    Only consultations may be completed straight from NEW; any other kind needs
    a visit first.
    """
    if requested not in _ALLOWED[current]:
        raise IllegalTransition("ticket", current.value, requested.value)
    if current is S.NEW and requested is S.COMPLETED and kind is not TicketKind.CONSULTATION:
        raise IllegalTransition("ticket", current.value, requested.value)
    if requested in _REASON_REQUIRED and not (reason and reason.strip()):
        raise ValidationError("reason", "field.reason_required")


def is_open(status: TicketStatus) -> bool:
    return status in OPEN_STATES
