"""Who may do what: the role → permission table, checked by every service."""

from __future__ import annotations

import enum
from collections.abc import Iterable

from desk_app.domain.enums import Role
from desk_app.domain.errors import PermissionDenied


class Perm(enum.StrEnum):
    VIEW_CUSTOMERS = "view_customers"
    # Customers' full phones and addresses; without it they are masked
    # (domain.contacts). Every role that may edit or merge customers holds it.
    VIEW_CONTACT_DETAILS = "view_contact_details"
    EDIT_CUSTOMERS = "edit_customers"
    MERGE_CUSTOMERS = "merge_customers"
    OPEN_TICKETS = "open_tickets"
    EDIT_TICKETS = "edit_tickets"
    DISPATCH = "dispatch"
    COMPLETE_TICKETS = "complete_tickets"
    CLOSE_TICKETS = "close_tickets"
    VIEW_STOCK = "view_stock"
    REQUEST_PARTS = "request_parts"
    MOVE_STOCK = "move_stock"
    MANAGE_PARTS = "manage_parts"
    HANDLE_COMPLAINTS = "handle_complaints"
    CLOSE_COMPLAINTS = "close_complaints"
    RECORD_FOLLOWUPS = "record_followups"
    RECORD_FEEDBACK = "record_feedback"
    VIEW_KPI = "view_kpi"
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"
    MANAGE_TECHNICIANS = "manage_technicians"
    VIEW_AUDIT = "view_audit"
    PURGE_HISTORY = "purge_history"


_DESK = {
    Perm.VIEW_CUSTOMERS,
    Perm.VIEW_CONTACT_DETAILS,
    Perm.EDIT_CUSTOMERS,
    Perm.OPEN_TICKETS,
    Perm.EDIT_TICKETS,
    Perm.VIEW_STOCK,
    Perm.REQUEST_PARTS,
    Perm.HANDLE_COMPLAINTS,
    Perm.RECORD_FEEDBACK,
}

# Work that edits customers or calls them: every role holding one of these holds
# VIEW_CONTACT_DETAILS too (tests/domain/test_contacts.py), so the services behind
# them return contacts unmasked; every other service that returns a customer's phone
# or address masks it for an actor without VIEW_CONTACT_DETAILS (domain.contacts).
CALLS_CUSTOMERS: frozenset[Perm] = frozenset(
    {
        Perm.EDIT_CUSTOMERS,
        Perm.MERGE_CUSTOMERS,
        Perm.OPEN_TICKETS,
        Perm.EDIT_TICKETS,
        Perm.DISPATCH,
        Perm.HANDLE_COMPLAINTS,
        Perm.RECORD_FOLLOWUPS,
    }
)

ROLE_PERMISSIONS: dict[Role, frozenset[Perm]] = {
    Role.CLERK: frozenset(_DESK),
    Role.DISPATCHER: frozenset(_DESK | {Perm.DISPATCH, Perm.COMPLETE_TICKETS}),
    Role.PARTS_CLERK: frozenset(
        {
            Perm.VIEW_CUSTOMERS,
            Perm.VIEW_STOCK,
            Perm.REQUEST_PARTS,
            Perm.MOVE_STOCK,
            Perm.MANAGE_PARTS,
        }
    ),
    Role.FOLLOWUP: frozenset(_DESK | {Perm.RECORD_FOLLOWUPS, Perm.CLOSE_TICKETS}),
    Role.MANAGER: frozenset(Perm),
    Role.TECHNICIAN: frozenset({Perm.VIEW_CUSTOMERS, Perm.VIEW_STOCK, Perm.REQUEST_PARTS}),
}


def perms_of(roles: Role | Iterable[Role]) -> frozenset[Perm]:
    """Everything a user holding ``roles`` (one role or several) may do: the union."""
    if isinstance(roles, Role):
        return ROLE_PERMISSIONS[roles]
    return frozenset().union(*(ROLE_PERMISSIONS[r] for r in roles))


def has(roles: Role | Iterable[Role], perm: Perm) -> bool:
    return perm in perms_of(roles)


def require(user_name: str, roles: Role | Iterable[Role], perm: Perm) -> None:
    """Raise PermissionDenied unless one of ``roles`` carries ``perm``."""
    if perm not in perms_of(roles):
        raise PermissionDenied(user_name, perm.value)
