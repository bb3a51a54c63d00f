"""Domain errors: every refusal a clerk can meet is one of these types.

The UI maps them to translated messages in one place (``desk_app.ui.common.errors``);
services raise them and never return error codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


class DeskError(Exception):
    """Base of every expected, user-facing refusal."""


class ValidationError(DeskError):
    """Bad input for one field; nothing was written."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class NotFound(DeskError):
    """A record the caller named does not exist (or is not visible to them)."""

    def __init__(self, what: str, key: object) -> None:
        super().__init__(f"{what} {key!r} not found")
        self.what = what
        self.key = key


class PermissionDenied(DeskError):
    """The acting user's role does not allow this action."""

    def __init__(self, user: str, action: str) -> None:
        super().__init__(f"{user} may not {action}")
        self.user = user
        self.action = action


@dataclass
class ConflictError(DeskError):
    """Someone else saved a newer version of the record first.

    ``who`` and ``when`` name that later save; ``current`` holds the record's
    values as they are now so the screen can show what changed while keeping
    the clerk's own typing.
    """

    what: str
    who: str
    when: datetime | None
    current: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__(f"{self.what} was changed by {self.who} at {self.when}")


class IllegalTransition(DeskError):
    """A ticket or complaint cannot move from its state to the requested one."""

    def __init__(self, what: str, current: str, requested: str) -> None:
        super().__init__(f"{what}: cannot go from {current} to {requested}")
        self.what = what
        self.current = current
        self.requested = requested


class NotEnoughStock(DeskError):
    """An issue or transfer asked for more units than the location holds."""

    def __init__(self, part_code: str, location: str, requested: int, available: int) -> None:
        super().__init__(
            f"not enough stock of {part_code} at {location}: "
            f"requested {requested}, available {available}"
        )
        self.part_code = part_code
        self.location = location
        self.requested = requested
        self.available = available


class DuplicateEntry(DeskError):
    """The same thing was entered twice (for example one feedback form)."""

    def __init__(self, what: str, key: object) -> None:
        super().__init__(f"{what} {key!r} already entered")
        self.what = what
        self.key = key


class DatabaseUnavailable(DeskError):
    """The database could not be reached; nothing of this action was saved."""


class DoubleBooking(DeskError):
    """The technician already has a visit in that time; a dispatcher may override with a reason."""

    def __init__(
        self, technician: str, other_ticket: str, starts: datetime, ends: datetime
    ) -> None:
        super().__init__(f"{technician} is already booked for {other_ticket} ({starts}–{ends})")
        self.technician = technician
        self.other_ticket = other_ticket
        self.starts = starts
        self.ends = ends
