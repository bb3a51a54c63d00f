"""Test support for database logins: the gate installed in the test database, throw-away
login roles with unique names (roles are cluster-wide), dropped again after the test."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from desk_app.db import gate
from desk_app.domain.enums import Role
from desk_app.services.admin import users
from desk_app.services.core.database import Actor, Database


def ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def install(owner_url: str) -> str:
    """Install the gate in the database of ``owner_url``; returns the database's name."""
    dbname = make_url(owner_url).database or ""
    engine = create_engine(owner_url)
    with engine.begin() as conn:
        gate.install_gate(conn, dbname)
    engine.dispose()
    return dbname


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
    """What P1's ``db grant`` gives the desk group, as far as these tests need: read and
    write the tables (no append-only or per-role rules here; those are P1's tests)."""
    desk = ident(gate.desk_group(dbname))
    with owner.begin() as conn:
        conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {desk}")
        conn.exec_driver_sql(
            f"GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO {desk}"
        )
        conn.exec_driver_sql(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {desk}")


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
    first = users.count_users(owner_db) == 0
    creator = None if first else users.system_actor(owner_db)
    created = users.create_user(owner_db, creator, name, password, role, f"User {name}")
    engine = create_engine(owner_url)
    try:
        with engine.begin() as conn:
            membership = f" IN ROLE {ident(gate.desk_group(dbname))}" if in_desk_group else ""
            conn.exec_driver_sql(
                f"CREATE ROLE {ident(name)} {'LOGIN' if login else 'NOLOGIN'} "
                f"PASSWORD '{password}'{membership}"
            )
        yield Actor(created.id, name, created.display_name, created.role)
    finally:
        engine.dispose()
        drop_roles(owner_url, name)
