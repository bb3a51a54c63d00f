"""Domain errors: every refusal a clerk can meet is one of these types.

Each carries a stable ``code`` (``"customer.phone_too_short"``) and typed ``values``
(the record, the field, the limit, a datetime, who). Nothing here is a sentence: the UI
and the CLI turn a code and its values into words through one translated table
(``desk_app.messages``), which formats times in the shop's zone. Services raise these
and never return error codes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar


class DeskError(Exception):
    """Base of every expected, user-facing refusal: a code and the values it names."""

    default_code: ClassVar[str] = "desk.refused"

    def __init__(self, code: str | None = None, /, **values: Any) -> None:
        self.code: str = code or self.default_code
        self.values: dict[str, Any] = values
        super().__init__(self.code)

    def __str__(self) -> str:
        if not self.values:
            return self.code
        shown = ", ".join(f"{k}={v!r}" for k, v in self.values.items())
        return f"{self.code} ({shown})"


class ValidationError(DeskError):
    """Bad input for one field; nothing was written."""

    def __init__(self, field: str, code: str, /, **values: Any) -> None:
        super().__init__(code, **values)
        self.field = field


class NotFound(DeskError):
    """A record the caller named does not exist (or is not visible to them)."""

    default_code = "record.not_found"

    def __init__(self, what: str, key: object, *, code: str | None = None) -> None:
        super().__init__(code, what=what, key=key)
        self.what = what
        self.key = key


class PermissionDenied(DeskError):
    """The acting user's role does not allow this action."""

    default_code = "permission.denied"

    def __init__(self, user: str, action: str, *, code: str | None = None) -> None:
        super().__init__(code, user=user, action=action)
        self.user = user
        self.action = action


class ConflictError(DeskError):
    """Someone else saved a newer version of the record first.

    ``who`` and ``when`` name that later save; ``current`` holds the record's
    values as they are now so the screen can show what changed while keeping
    the clerk's own typing.
    """

    default_code = "record.changed_meanwhile"

    def __init__(
        self,
        what: str,
        who: str,
        when: datetime | None,
        current: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(None, what=what, who=who, when=when)
        self.what = what
        self.who = who
        self.when = when
        self.current: dict[str, Any] = dict(current or {})


class IllegalTransition(DeskError):
    """A ticket or complaint cannot move from its state to the requested one."""

    default_code = "state.illegal_transition"

    def __init__(self, what: str, current: str, requested: str) -> None:
        super().__init__(None, what=what, current=current, requested=requested)
        self.what = what
        self.current = current
        self.requested = requested


class NotEnoughStock(DeskError):
    """An issue or transfer asked for more units than the location holds."""

    default_code = "stock.not_enough"

    def __init__(self, part_code: str, location: str, requested: int, available: int) -> None:
        super().__init__(
            None, part_code=part_code, location=location, requested=requested, available=available
        )
        self.part_code = part_code
        self.location = location
        self.requested = requested
        self.available = available


class DuplicateEntry(DeskError):
    """The same thing was entered twice (for example one feedback form)."""

    default_code = "record.duplicate"

    def __init__(self, what: str, key: object, *, code: str | None = None) -> None:
        super().__init__(code, what=what, key=key)
        self.what = what
        self.key = key


class DatabaseUnavailable(DeskError):
    """The database could not be reached; nothing of this action was saved."""

    default_code = "database.unavailable"


class DoubleBooking(DeskError):
    """The technician already has a visit in that time; a dispatcher may override with a reason."""

    default_code = "dispatch.double_booking"

    def __init__(
        self, technician: str, other_ticket: str, starts: datetime, ends: datetime
    ) -> None:
        super().__init__(
            None, technician=technician, other_ticket=other_ticket, starts=starts, ends=ends
        )
        self.technician = technician
        self.other_ticket = other_ticket
        self.starts = starts
        self.ends = ends
