"""Fixtures: a fresh, migrated database per test on SQLite and on PostgreSQL.

PostgreSQL comes from ``DESK_TEST_PG_URL`` (default
``postgresql://postgres@127.0.0.1:5432/test``). Each test process creates its
own database from that server, migrates it once, empties it between tests and
drops it at the end. If the server cannot be reached the PostgreSQL tests FAIL;
they are skipped only when ``DESK_TEST_SKIP_PG=1`` is set on purpose.
"""

from __future__ import annotations

import gc
import os
import shutil
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desk_app.config import normalize_url
from desk_app.db import migrate
from desk_app.db.base import Base
from desk_app.db.engine import make_engine
from desk_app.domain.enums import Role
from desk_app.services.admin import users
from desk_app.services.core.database import Actor, Database
from desk_app.ui.common.collector import collect_if_due

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test reads or writes the PC's real credential store (Windows Credential Manager, the
# Secret Service): every lookup finds nothing; tests that need one set an in-memory store.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"

# Hundreds of throw-away users sign in: hash their passwords cheaply. Each hash
# records its cost, so these still verify; the program itself keeps the production
# cost (tests/services/admin/test_users.py checks that in a fresh process).
users.set_hash_cost(n=2**4, r=1, p=1)

PG_URL = normalize_url(
    os.environ.get("DESK_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
)
SKIP_PG = os.environ.get("DESK_TEST_SKIP_PG") == "1"


@pytest.fixture(autouse=True, scope="session")
def _cycles_collected_on_the_main_thread() -> Iterator[tuple[int, int, int]]:
    """As the desk does (``ui.common.collector``): Python's automatic collection could
    destroy a test's Qt objects on a background worker and freeze the process."""
    threshold = gc.get_threshold()
    gc.disable()
    yield threshold
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_each_test(
    _cycles_collected_on_the_main_thread: tuple[int, int, int],
) -> Iterator[None]:
    yield
    collect_if_due(_cycles_collected_on_the_main_thread)
    gc.disable()  # whatever a test did: collection stays on this thread


class FakeClock:
    """A clock the test moves by hand; starts Monday 2026-11-23 10:00 in Shanghai."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 23, 2, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> datetime:
        self.now += timedelta(**kwargs)
        return self.now


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def pg_database_url() -> Iterator[str]:
    if SKIP_PG:
        pytest.skip("PostgreSQL tests skipped on purpose: DESK_TEST_SKIP_PG=1")
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
    name = f"desk_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:  # any failure to reach the server
        pytest.fail(
            f"PostgreSQL at {PG_URL} is not reachable ({error}). Start it, point "
            "DESK_TEST_PG_URL at a server, or set DESK_TEST_SKIP_PG=1 to skip on purpose.",
            pytrace=False,
        )
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    yield url
    reset = _pg_resets.pop(url, None)
    if reset is not None:
        reset.dispose()
    with admin.connect() as conn:
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :n AND pid <> pg_backend_pid()"
            ),
            {"n": name},
        )
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


class _PgReset:
    """Empties the test database between tests over one pooled connection per process.

    Only tables that have rows are emptied (DELETE, children first: much faster than
    TRUNCATE of 33 tables), and the identity sequence of every table that has used
    one is restarted, so each test sees what ``TRUNCATE ... RESTART IDENTITY`` gave.
    History is append-only (migration 0005's triggers refuse its DELETE even to the
    owner): the emptying runs with ``session_replication_role = replica``, which skips
    ordinary triggers for this transaction only. The tests connect as a superuser,
    the one kind of connection that may set it (and why desks never connect as one).
    """

    def __init__(self, url: str) -> None:
        self.engine = create_engine(url, pool_size=1, pool_pre_ping=True)
        tables = [t.name for t in Base.metadata.sorted_tables]
        with self.engine.connect() as conn:
            owned = conn.execute(
                text(
                    "SELECT t.relname, s.relname FROM pg_class s "
                    "JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i') "
                    "JOIN pg_class t ON t.oid = d.refobjid "
                    "WHERE s.relkind = 'S' AND t.relname = ANY(:names)"
                ),
                {"names": tables},
            ).all()
        self.sequences = {seq: table for table, seq in owned}
        self.order = list(reversed(tables))  # children before their parents
        self.dirty_sql = text(
            " UNION ALL ".join(f"SELECT '{t}' WHERE EXISTS (SELECT 1 FROM \"{t}\")" for t in tables)
            + " UNION ALL SELECT sequencename::text FROM pg_sequences "
            "WHERE schemaname = current_schema() AND last_value IS NOT NULL"
        )

    def __call__(self) -> None:
        with self.engine.begin() as conn:
            dirty = set(conn.execute(self.dirty_sql).scalars())
            statements = [f'DELETE FROM "{t}"' for t in self.order if t in dirty]
            statements += [f'ALTER SEQUENCE "{q}" RESTART' for q in self.sequences if q in dirty]
            if statements:
                statements.insert(0, "SET LOCAL session_replication_role = replica")
                conn.exec_driver_sql("; ".join(statements))

    def dispose(self) -> None:
        self.engine.dispose()


_pg_resets: dict[str, _PgReset] = {}


def _empty_pg(url: str) -> None:
    if url not in _pg_resets:
        _pg_resets[url] = _PgReset(url)
    _pg_resets[url]()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of an empty, migrated database of either engine."""
    if request.param == "sqlite":
        if request.node.get_closest_marker("postgres_only"):
            pytest.skip("PostgreSQL-only test")
        template: Path = request.getfixturevalue("sqlite_template")
        target = tmp_path / "desk.sqlite3"
        shutil.copyfile(template, target)
        return f"sqlite:///{target}"
    url: str = request.getfixturevalue("pg_database_url")
    _empty_pg(url)
    return url


@pytest.fixture
def db(db_url: str, clock: FakeClock) -> Iterator[Database]:
    database = Database(db_url, clock=clock)
    yield database
    database.dispose()


@pytest.fixture
def pg_url(pg_database_url: str) -> str:
    """An emptied PostgreSQL database, for tests that need real concurrency."""
    _empty_pg(pg_database_url)
    return pg_database_url


@pytest.fixture
def manager(db: Database) -> Actor:
    users.create_user(db, None, "boss", "secret-1", Role.MANAGER, "王经理")
    return users.authenticate(db, "boss", "secret-1")


def make_actor(db: Database, manager: Actor, username: str, role: Role, name: str) -> Actor:
    users.create_user(db, manager, username, "secret-1", role, name)
    return users.authenticate(db, username, "secret-1")


@pytest.fixture
def clerk(db: Database, manager: Actor) -> Actor:
    return make_actor(db, manager, "clerk1", Role.CLERK, "李客服")


@pytest.fixture
def dispatcher(db: Database, manager: Actor) -> Actor:
    return make_actor(db, manager, "disp1", Role.DISPATCHER, "赵派工")


@pytest.fixture
def parts_clerk(db: Database, manager: Actor) -> Actor:
    return make_actor(db, manager, "parts1", Role.PARTS_CLERK, "钱配件")
