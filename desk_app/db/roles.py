"""PostgreSQL role names and the privilege matrix of the desk groups, as data.

Each application role has a group role per database (``group_role(dbname, role)``),
NOLOGIN; every desk user's login role is a member of the groups of its roles and of
``desk_group(dbname)``, the group every desk login is in. ``desk-app db grant``
(``desk_app.db.grants``) turns the matrix below into GRANT statements.

The matrix is derived from the application's permission table
(``domain.permissions.ROLE_PERMISSIONS``): ``PERM_WRITES`` says which tables each
permission's services write (read from the services: every write also inserts the
audit row and the change-log rows, creates take request keys and document numbers),
and a role's group gets the union over its permissions. Row locks count as writes:
PostgreSQL wants UPDATE privilege (on at least one column) for ``SELECT ... FOR
UPDATE / FOR SHARE``, so a table a service only locks gets UPDATE on one harmless
column (``LOCK``). Every desk group may SELECT every table, except
``users.password_hash`` (see ``UNREADABLE``). No desk group gets UPDATE, DELETE or
TRUNCATE on the history tables, nor TRUNCATE, REFERENCES or TRIGGER anywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from desk_app.db.models import Ticket
from desk_app.domain.enums import Role
from desk_app.domain.permissions import ROLE_PERMISSIONS, Perm

# The schema holding the SECURITY DEFINER functions (owned by the table owner).
ADMIN_SCHEMA = "desk_admin"

# Append-only: the audit log, the stock ledger, ticket and complaint events, the
# change log. Desks may only INSERT them (and read them).
HISTORY_TABLES = ("audit_log", "stock_movements", "ticket_events", "complaint_events", "change_log")


def group_role(dbname: str, role: Role) -> str:
    """The NOLOGIN group of the application role ``role`` in database ``dbname``."""
    return f"desk_{dbname}__{role.value}"


def desk_group(dbname: str) -> str:
    """The NOLOGIN group every desk login of ``dbname`` is a member of."""
    return f"desk_{dbname}__desk"


def gate_role(dbname: str) -> str:
    """The sign-in gate's login role (built by ``desk_app.db.gate``)."""
    return f"desk_{dbname}__gate"


def all_groups(dbname: str) -> list[str]:
    """Every group role of ``dbname``: the per-role groups, then the desk group."""
    return [group_role(dbname, r) for r in Role] + [desk_group(dbname)]


@dataclass(frozen=True)
class Write:
    """What a permission's services do to one table. ``update``: True for every
    column, a tuple for only those columns (PostgreSQL column privileges)."""

    table: str
    insert: bool = False
    update: bool | tuple[str, ...] = False
    delete: bool = False


def writes(table: str, what: str, *columns: str) -> Write:
    """``what``: the letters of the privileges, I(NSERT), U(PDATE), D(ELETE); with
    ``columns``, UPDATE of only those columns."""
    update: bool | tuple[str, ...] = ("U" in what) and (columns or True)
    return Write(table, insert="I" in what, update=update, delete="D" in what)


def lock(table: str, column: str = "id") -> Write:
    """The table is only locked (FOR UPDATE / FOR SHARE): UPDATE of one column whose
    change is harmless or refused by foreign keys, the least PostgreSQL accepts."""
    return Write(table, update=(column,))


# Columns no desk may read. A desk signing in as its own database login never needs
# the password hash (the server checks the password); whoever reads it could guess
# passwords offline. Every other column of every table is readable by every desk.
UNREADABLE: dict[str, tuple[str, ...]] = {"users": ("password_hash",)}
# What a desk may update on ITS OWN users row (row-level security keeps it to that
# row; see grants.py): its own password and language. check_actor's FOR SHARE lock of
# the acting user's row needs UPDATE on one column anyway.
USERS_OWN_ROW = (
    "password_hash",
    "must_change_password",
    "password_changed_at",
    "language",
    "version",
)

# Writes every desk makes, whatever its role: the audit row and change-log rows of
# every write, request keys of creates, document numbers (tickets, complaints and
# requisitions: every role may request parts), and its own users row.
EVERY_DESK: tuple[Write, ...] = (
    writes("audit_log", "I"),
    writes("change_log", "I"),
    writes("idempotency_keys", "I"),
    Write("number_sequences", insert=True, update=True),
    writes("users", "U", *USERS_OWN_ROW),
)

# Who goes and when: written only by the dispatch services (assign, unassign, book,
# reschedule). Every other ticket service updates the ticket's other columns.
DISPATCH_COLUMNS = ("technician_id", "appointment_start", "appointment_end")
TICKET_WORK_COLUMNS = tuple(
    c.name for c in Ticket.__table__.columns if c.name not in DISPATCH_COLUMNS
)
_TICKET_WORK = (
    writes("tickets", "U", *TICKET_WORK_COLUMNS),
    writes("ticket_events", "I"),
    writes("ticket_pauses", "IU"),
)
_CUSTOMER_ROWS = (
    writes("customers", "IU"),
    writes("customer_name_keys", "IUD"),
    writes("customer_phones", "IUD"),
    writes("customer_addresses", "IUD"),
    writes("appliances", "IU"),
)

# Permission -> the tables its services write (see the module docstring).
PERM_WRITES: dict[Perm, tuple[Write, ...]] = {
    Perm.VIEW_CUSTOMERS: (),
    Perm.VIEW_CONTACT_DETAILS: (),  # a reading right: what the services show, not a write
    # The retention purge lifts the history's triggers, which only the tables' owner may:
    # no desk group writes anything for it (docs/retention.md).
    Perm.PURGE_HISTORY: (),
    Perm.EDIT_CUSTOMERS: _CUSTOMER_ROWS,
    Perm.MERGE_CUSTOMERS: (
        *_CUSTOMER_ROWS,
        writes("customer_merges", "IU"),
        writes("tickets", "U"),
        writes("complaints", "U"),
        writes("feedback", "U"),
        writes("followup_calls", "U"),
    ),
    # Intake: the ticket, its first event; a maintenance reminder locks the appliance.
    Perm.OPEN_TICKETS: (writes("tickets", "I"), *_TICKET_WORK, writes("appliances", "U")),
    Perm.EDIT_TICKETS: _TICKET_WORK,
    Perm.DISPATCH: (*_TICKET_WORK, writes("tickets", "U"), writes("appointments", "IU")),
    Perm.COMPLETE_TICKETS: _TICKET_WORK,
    Perm.CLOSE_TICKETS: _TICKET_WORK,
    Perm.VIEW_STOCK: (),
    # A requisition for a ticket: locks the ticket (shared) and the location, reserves
    # the stock; the ticket's parts charge follows its parts.
    Perm.REQUEST_PARTS: (
        writes("requisitions", "IU"),
        writes("requisition_lines", "IU"),
        writes("stock_levels", "U", "reserved"),
        writes("tickets", "U", "parts_cents"),
        lock("stock_locations"),
    ),
    Perm.MOVE_STOCK: (
        writes("stock_movements", "I"),
        writes("stock_levels", "IU"),
        writes("stock_locations", "U"),
        writes("requisitions", "U"),
        writes("requisition_lines", "U"),
        writes("damaged_parts", "IU"),
        writes("stocktakes", "IU"),
        writes("stocktake_lines", "IU"),
        writes("tickets", "U", "parts_cents"),
    ),
    Perm.MANAGE_PARTS: (
        writes("parts", "IU"),
        writes("stock_locations", "IU"),
        writes("stock_levels", "IU"),
    ),
    Perm.HANDLE_COMPLAINTS: (
        writes("complaints", "IU"),
        writes("complaint_events", "I"),
        lock("tickets"),
    ),
    Perm.CLOSE_COMPLAINTS: (writes("complaints", "U"), writes("complaint_events", "I")),
    # A follow-up call locks its ticket, may reopen it (a revisit) and records feedback.
    Perm.RECORD_FOLLOWUPS: (
        writes("followup_calls", "IU"),
        *_TICKET_WORK,
        writes("feedback", "IU"),
    ),
    Perm.RECORD_FEEDBACK: (writes("feedback", "IU"),),
    Perm.VIEW_KPI: (),
    Perm.MANAGE_USERS: (
        Write("users", insert=True, update=True),
        Write("user_roles", insert=True, delete=True),
        writes("sign_in_guard", "IUD"),
    ),
    Perm.MANAGE_SETTINGS: (
        writes("settings", "IU"),
        writes("service_standards", "IUD"),
        writes("complaint_standards", "IUD"),
        writes("knowledge_articles", "IUD"),
    ),
    Perm.MANAGE_TECHNICIANS: (writes("technicians", "IU"), writes("service_areas", "IU")),
    Perm.VIEW_AUDIT: (),
}


@dataclass
class TableRights:
    """One group's rights on one table: INSERT, DELETE, and UPDATE of every column
    (``update_all``) or of some (``update_columns``)."""

    insert: bool = False
    delete: bool = False
    update_all: bool = False
    update_columns: set[str] = field(default_factory=set)

    def add(self, w: Write) -> None:
        self.insert |= w.insert
        self.delete |= w.delete
        if w.update is True:
            self.update_all = True
        elif w.update:
            self.update_columns.update(w.update)

    def privileges(self) -> list[str]:
        """The privilege clauses of a GRANT, e.g. ``["INSERT", "UPDATE (parts_cents)"]``."""
        out = []
        if self.insert:
            out.append("INSERT")
        if self.update_all:
            out.append("UPDATE")
        elif self.update_columns:
            out.append("UPDATE (" + ", ".join(f'"{c}"' for c in sorted(self.update_columns)) + ")")
        if self.delete:
            out.append("DELETE")
        return out


def _merge(writes: Iterable[Write]) -> dict[str, TableRights]:
    rights: dict[str, TableRights] = {}
    for w in writes:
        rights.setdefault(w.table, TableRights()).add(w)
    return rights


def role_writes(role: Role) -> dict[str, TableRights]:
    """What the group of ``role`` may write, table by table (not counting EVERY_DESK,
    which the desk group holds for all)."""
    perms = sorted(ROLE_PERMISSIONS[role])
    return _merge(w for p in perms for w in PERM_WRITES[p])


def desk_writes() -> dict[str, TableRights]:
    """What every desk login may write, through the desk group."""
    return _merge(EVERY_DESK)


def matrix() -> Mapping[Role, dict[str, TableRights]]:
    """Every role's writes, for the docs and the tests."""
    return {r: role_writes(r) for r in Role}
