"""Database logins of the shop's users, on PostgreSQL: one login role per user.

Every change of a user that PostgreSQL must know (created with a password, password
reset, roles changed, deactivated or reactivated) calls ``sync_login`` inside the same
write transaction, so the user's login role and the ``users`` row never disagree: role
changes in PostgreSQL are transactional, and a refusal rolls the whole write back.
On SQLite, and on a PostgreSQL database where ``desk-app db grant`` has not installed
the login functions, it does nothing: the application's own checks are all there is.

The functions (schema ``desk_admin``, see ``desk_app.db.grants``) may touch only desk
logins of this database and run with the owner's rights; the session calling them is a
manager's login (EXECUTE is the manager group's) or the owner at the server's console.
The password travels as a SCRAM-SHA-256 verifier computed here, never in clear, so it
is not in the server's statement log either.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import exc, select, text
from sqlalchemy.orm import Session

from desk_app.db.models import User, UserRole
from desk_app.domain.enums import Role
from desk_app.domain.errors import ValidationError

_FUNCTIONS = "to_regprocedure('desk_admin.create_login(text, text, text[])') IS NOT NULL"
_INSUFFICIENT_PRIVILEGE = "42501"


def installed(session: Session) -> bool:
    """Whether ``desk-app db grant`` installed the login functions in this database."""
    if session.get_bind().dialect.name != "postgresql":
        return False
    return bool(session.execute(text(f"SELECT {_FUNCTIONS}")).scalar())


def sync_login(
    session: Session,
    username: str,
    *,
    password: str | None = None,
    roles: Iterable[Role] | None = None,
    active: bool | None = None,
) -> None:
    """Bring ``username``'s database login in line with the user (None: unchanged).

    A user without a login yet (added before ``db grant`` was run) gets one at their
    next change; without a password (say, a role change) its password stays unset
    until a manager sets one. Raises ValidationError ``user.login_not_desk`` when the
    name belongs to a database role that is not a desk login (a superuser, the owner,
    another database's user): the functions refuse to touch it.
    """
    if not installed(session):
        return
    verifier = _verifier(session, username, password) if password is not None else None
    values = [r.value for r in roles] if roles is not None else None
    exists = session.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": username}
    ).first()
    try:
        with session.begin_nested():
            if exists is None:
                if values is None:
                    values = [
                        r.value
                        for r in session.scalars(
                            select(UserRole.role)
                            .join(User, User.id == UserRole.user_id)
                            .where(User.username == username)
                        )
                    ]
                _call(session, "create_login(:n, :p, :r)", n=username, p=verifier, r=values)
            else:
                if verifier is not None:
                    _call(session, "set_password(:n, :p)", n=username, p=verifier)
                if values is not None:
                    _call(session, "set_roles(:n, :r)", n=username, r=values)
            if active is not None:
                _call(session, "set_active(:n, :a)", n=username, a=active)
    except exc.DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) == _INSUFFICIENT_PRIVILEGE:
            raise ValidationError("username", "user.login_not_desk", username=username) from error
        raise


def _call(session: Session, call: str, **values: object) -> None:
    session.execute(text(f"SELECT desk_admin.{call}"), values)


def _verifier(session: Session, username: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password`` (libpq computes it client-side)."""
    dbapi = session.connection().connection.driver_connection
    pgconn = getattr(dbapi, "pgconn", None)
    if pgconn is None:  # not psycopg 3: let the server hash it
        return password
    raw: bytes = pgconn.encrypt_password(password.encode(), username.encode(), b"scram-sha-256")
    return raw.decode()
