"""Who the application is connected to the database as, and whether to warn about it.

Desks must never connect as a PostgreSQL superuser or as the owner of the tables:
either bypasses every privilege the database would otherwise enforce (see
``desk_app.db.grants``). ``connection_identity`` says what the connection is;
``identity_warning`` turns a superuser or owner connection into a warning code that
``desk-app db check`` prints and the desk shows in its status bar at start.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from desk_app.db.roles import desk_group
from desk_app.domain.errors import DeskError
from desk_app.services.core.database import Database


@dataclass(frozen=True)
class ConnectionIdentity:
    """``user``: the session's login; ``owner``: who owns the tables; ``superuser``,
    ``is_owner`` (the login is the owner or a member of the owner role) and
    ``desk_login`` (a member of this database's desk group, see ``db.roles``)."""

    user: str
    owner: str | None
    superuser: bool
    is_owner: bool
    desk_login: bool


def connection_identity(db: Database) -> ConnectionIdentity | None:
    """What ``db``'s connections are, on PostgreSQL; None on SQLite (one PC, no logins)."""
    if db.dialect != "postgresql":
        return None
    return db.read(identity_in)


def identity_in(s: Session) -> ConnectionIdentity:
    row = s.execute(
        text(
            "SELECT session_user::text, current_database(), "
            "(SELECT rolsuper FROM pg_roles WHERE rolname = session_user), "
            "(SELECT tableowner::text FROM pg_tables "
            " WHERE schemaname = current_schema() AND tablename = 'users')"
        )
    ).one()
    user, dbname, superuser, owner = row[0], row[1], bool(row[2]), row[3]
    is_owner = bool(
        owner is not None
        and s.execute(text("SELECT pg_has_role(session_user, :o, 'USAGE')"), {"o": owner}).scalar()
    )
    desk_login = bool(
        s.execute(
            text(
                "SELECT EXISTS (SELECT 1 FROM pg_auth_members m "
                "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
                "WHERE g.rolname = :g AND u.rolname = session_user)"
            ),
            {"g": desk_group(dbname)},
        ).scalar()
    )
    return ConnectionIdentity(user, owner, superuser, is_owner, desk_login)


def identity_warning(identity: ConnectionIdentity | None) -> DeskError | None:
    """The warning to show for a connection as a superuser or as the tables' owner."""
    if identity is None:
        return None
    if identity.superuser:
        return DeskError("database.connected_as_superuser", user=identity.user)
    if identity.is_owner:
        return DeskError("database.connected_as_owner", user=identity.user)
    return None


def connection_warning(db: Database) -> DeskError | None:
    """``identity_warning`` of ``db``'s connection (None on SQLite or a desk login)."""
    return identity_warning(connection_identity(db))
