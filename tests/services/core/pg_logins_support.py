"""Test support for database logins: the gate installed in the test database, throw-away
login roles with unique names (roles are cluster-wide), dropped again after the test.

Where ``desk-app db grant`` (``desk_app.db.grants``) is present it does the installing
(groups, the privilege matrix, logins made by ``users.create_user``, and the gate); where
it is not (this branch alone), the gate is installed by itself and the desk group is
given plain table rights so that a signed-in desk can work.
"""

from __future__ import annotations

import importlib
import importlib.util
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from desk_app.db import gate
from desk_app.db.models import User, UserRole
from desk_app.domain.enums import Role
from desk_app.services.admin import users
from desk_app.services.core.database import Actor, Database


def ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _grants() -> object | None:
    if importlib.util.find_spec("desk_app.db.grants") is None:
        return None
    return importlib.import_module("desk_app.db.grants")


def install(owner_url: str) -> str:
    """Install the gate (with ``db grant`` where present) in the database of
    ``owner_url``; returns the database's name."""
    dbname = make_url(owner_url).database or ""
    engine = create_engine(owner_url)
    grants = _grants()
    with engine.begin() as conn:
        if grants is not None:
            grants.apply(conn)  # type: ignore[attr-defined]  # installs the gate too
        else:
            gate.install_gate(conn, dbname)
    engine.dispose()
    return dbname


def uninstall(owner_url: str) -> None:
    """Undo ``install``: every role it made (and every login of the desk group)."""
    dbname = make_url(owner_url).database or ""
    grants = _grants()
    if grants is not None:
        engine = create_engine(owner_url)
        with engine.begin() as conn:
            grants.remove(conn)  # type: ignore[attr-defined]
        engine.dispose()
    drop_roles(owner_url, gate.gate_role(dbname), gate.desk_group(dbname))


def drop_roles(owner_url: str, *names: str) -> None:
    engine = create_engine(owner_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        for name in names:
            if conn.execute(
                text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}
            ).scalar():
                conn.exec_driver_sql(f"DROP OWNED BY {ident(name)}")
                conn.exec_driver_sql(f"DROP ROLE {ident(name)}")
    engine.dispose()


def grant_desk_work(owner: Engine, dbname: str) -> None:
    """Without ``db grant``: the desk group may read and write the tables, as far as these
    tests need (the per-role matrix is db grant's, tested with it). With it: nothing to
    add, the matrix holds."""
    if _grants() is not None:
        return
    desk = ident(gate.desk_group(dbname))
    with owner.begin() as conn:
        conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {desk}")
        conn.exec_driver_sql(
            f"GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO {desk}"
        )
        conn.exec_driver_sql(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {desk}")


def some_manager(db: Database) -> Actor:
    """An active manager to act as (the tests' stand-in for a signed-in manager)."""

    def q(s: Session) -> Actor:
        user = s.scalars(
            select(User).where(User.role == Role.MANAGER, User.active).order_by(User.id)
        ).first()
        assert user is not None, "no active manager"
        held = set(s.scalars(select(UserRole.role).where(UserRole.user_id == user.id)))
        return Actor(user.id, user.username, user.display_name, user.role, frozenset(held))

    return db.read(q)


@contextmanager
def desk_user(
    owner_db: Database,
    owner_url: str,
    password: str,
    role: Role = Role.MANAGER,
    *,
    login: bool = True,
    in_desk_group: bool = True,
) -> Iterator[Actor]:
    """A user row and a login role of the same, unique, name; dropped afterwards."""
    dbname = make_url(owner_url).database or ""
    name = f"u{uuid.uuid4().hex[:10]}"
    if users.count_users(owner_db) == 0 and role is not Role.MANAGER:
        # The first user of a database is its manager; a clerk needs one to create them.
        users.create_user(owner_db, None, f"m{uuid.uuid4().hex[:10]}", password, Role.MANAGER)
    first = users.count_users(owner_db) == 0
    creator = None if first else some_manager(owner_db)
    created = users.create_user(owner_db, creator, name, password, role, f"User {name}")
    engine = create_engine(owner_url)
    try:
        with engine.begin() as conn:
            role, desk = ident(name), ident(gate.desk_group(dbname))
            made = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name})
            if made.scalar() is None:  # no db grant: no login made with the user
                conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN IN ROLE {desk}")
            # Hashed here, as the server would store it: the statement holds no '%' or quote.
            pgconn = conn.connection.driver_connection.pgconn  # type: ignore[union-attr]
            hashed = pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256")
            conn.exec_driver_sql(f"ALTER ROLE {role} PASSWORD '{hashed.decode()}'")
            if not login:
                conn.exec_driver_sql(f"ALTER ROLE {role} NOLOGIN")
            if not in_desk_group:
                conn.exec_driver_sql(f"REVOKE {desk} FROM {role}")
        yield Actor(created.id, name, created.display_name, created.role)
    finally:
        engine.dispose()
        drop_roles(owner_url, name)
