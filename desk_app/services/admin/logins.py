"""Database logins of the shop's users, on PostgreSQL: one login role per user.

Every change of a user that PostgreSQL must know (created with a password, password
reset, roles changed, deactivated or reactivated) calls ``sync_login`` inside the same
write transaction, so the user's login role and the ``users`` row never disagree.
On SQLite, and on a PostgreSQL database where ``desk-app db grant`` has not installed
the login functions, it does nothing: the application's own checks are all there is.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from desk_app.domain.enums import Role


def sync_login(
    session: Session,
    username: str,
    *,
    password: str | None = None,
    roles: Iterable[Role] | None = None,
    active: bool | None = None,
) -> None:
    """Bring ``username``'s database login in line with the user (None: unchanged)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    # Filled in by the database-identity work (issue 14, part 4).
    return
