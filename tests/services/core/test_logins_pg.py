"""Signing in as one's own PostgreSQL login, through the gate: lock state, failures
counted and audited with the PC's name, lockout and its expiry, session_begin's own
refusals, and the per-user Database whose writes are the user's.

The shared test server trusts every local connection, so it cannot refuse a wrong
password: the tests of the server checking the password run on a server of their own
(``test_logins_pg_password.py``). Here a failure is an unknown name (a role that does not
exist is refused even under trust) or a NOLOGIN role.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import create_engine, exc, select, text
from sqlalchemy.engine import make_url

from desk_app.db import gate, migrate
from desk_app.db.models import AuditLog, Setting, SignInGuard
from desk_app.domain.enums import Role
from desk_app.domain.errors import DatabaseUnavailable, DeskError, ValidationError
from desk_app.services.admin import users
from desk_app.services.admin.settings import Key
from desk_app.services.core.database import Database
from desk_app.services.core.logins_pg import ServerSignIn
from desk_app.services.customers.customers import AddressInput, CustomerDraft, create_customer
from tests.services.core.pg_logins_support import (
    desk_user,
    grant_desk_work,
    install,
    some_manager,
    uninstall,
)

pytestmark = pytest.mark.postgres_only

PC = "COUNTER-PC-1"


@pytest.fixture(scope="module")
def gated(pg_database_url: str) -> Iterator[str]:
    """The test database with the gate installed (twice: it is idempotent)."""
    install(pg_database_url)
    dbname = install(pg_database_url)
    yield dbname
    uninstall(pg_database_url)


@pytest.fixture
def owner(pg_url: str, gated: str) -> Iterator[Database]:
    database = Database(pg_url)
    yield database
    database.dispose()


@pytest.fixture
def server(pg_url: str, gated: str) -> Iterator[ServerSignIn]:
    gate_url = make_url(pg_url).set(username=gate.gate_role(gated)).render_as_string(False)
    sign = ServerSignIn(pg_url, gate_url=gate_url, pc=PC)
    yield sign
    sign.close()


def _audit(owner: Database, action: str) -> list[AuditLog]:
    return owner.read(lambda s: list(s.scalars(select(AuditLog).where(AuditLog.action == action))))


def _set_policy(owner: Database, max_failures: int, lock_minutes: int) -> None:
    def tx(s: object) -> None:
        now = datetime.now(UTC)
        for key, value in (
            (Key.SIGN_IN_MAX_FAILURES, max_failures),
            (Key.SIGN_IN_LOCK_MINUTES, lock_minutes),
        ):
            s.merge(Setting(key=str(key), value=value, updated_at=now))  # type: ignore[attr-defined]

    owner.write(tx)


def test_the_gate_may_read_the_schema_version_and_call_its_functions_only(
    pg_url: str, gated: str, owner: Database
) -> None:
    gate_url = make_url(pg_url).set(username=gate.gate_role(gated))
    engine = create_engine(gate_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            assert conn.execute(text("SELECT desk_admin.gate_lock_state('x')")).scalar() is None
        for refused in (
            "SELECT * FROM users",
            "SELECT * FROM sign_in_guard",
            "INSERT INTO sign_in_guard (username, failures) VALUES ('x', 0)",
            "SELECT * FROM audit_log",
            "SELECT * FROM desk_admin.session_begin('pc')",
            "SELECT * FROM desk_admin.sign_in_policy()",
            "CREATE TABLE gate_was_here (id int)",
        ):
            with engine.connect() as conn, pytest.raises(exc.ProgrammingError) as raised:
                conn.execute(text(refused))
            assert getattr(raised.value.orig, "sqlstate", None) == "42501", refused
    finally:
        engine.dispose()


def test_sign_in_as_own_login_connects_as_that_user_and_is_audited(
    pg_url: str, owner: Database, server: ServerSignIn
) -> None:
    with desk_user(owner, pg_url, "right-pass-1", Role.MANAGER) as user:
        actor = server.sign_in(f"  {user.username.upper()} ", "right-pass-1")
        assert (actor.user_id, actor.username, actor.role) == (
            user.user_id,
            user.username,
            user.role,
        )
        assert actor.roles == frozenset({Role.MANAGER})
        who = server.database.read(lambda s: s.scalar(text("SELECT session_user")))
        assert who == user.username
        [signed_in] = _audit(owner, gate.ACTION_SIGNED_IN)
        assert signed_in.user_id == user.user_id
        assert signed_in.details == {"username": user.username, "pc": PC, "via": "database"}
        server.sign_out(actor)
        [out] = _audit(owner, gate.ACTION_SIGNED_OUT)
        assert out.user_id == user.user_id and out.details and out.details["pc"] == PC
        with pytest.raises(RuntimeError):
            _ = server.database


def test_the_per_user_database_writes_as_that_user(
    pg_url: str, gated: str, owner: Database, server: ServerSignIn
) -> None:
    grant_desk_work(owner.engine, gated)
    with (
        desk_user(owner, pg_url, "right-pass-1", Role.MANAGER),
        desk_user(owner, pg_url, "clerk-pass-1", Role.CLERK) as clerk,
    ):
        actor = server.sign_in(clerk.username, "clerk-pass-1")
        draft = CustomerDraft("张三", ["138 1234 5678"], [AddressInput("朝阳路 1 号", "朝阳区")])
        view = create_customer(server.database, actor, draft)
        [row] = owner.read(
            lambda s: list(s.scalars(select(AuditLog).where(AuditLog.entity == "customer")))
        )
        assert row.user_id == clerk.user_id and row.entity_id == str(view.id)
        # The row was written over the clerk's own connection, not the owner's.
        backends = owner.read(
            lambda s: set(
                s.scalars(
                    text("SELECT usename FROM pg_stat_activity WHERE datname = :d"),
                    {"d": make_url(pg_url).database},
                )
            )
        )
        assert clerk.username in backends
        server.sign_out(actor)


def test_unknown_name_refused_counted_and_audited_with_the_pc(
    owner: Database, server: ServerSignIn
) -> None:
    with pytest.raises(ValidationError) as refused:
        server.sign_in("nobody_here_x9", "whatever-1")
    assert refused.value.code == "user.sign_in_failed"
    guard = owner.read(lambda s: s.get(SignInGuard, "nobody_here_x9"))
    assert guard is not None and guard.failures == 1 and guard.locked_until is None
    [failed] = _audit(owner, gate.ACTION_FAILED)
    assert (failed.user_id, failed.entity, failed.entity_id) == (None, "user", "0")
    assert failed.details == {
        "username": "nobody_here_x9",
        "pc": PC,
        "failures": 1,
        "reason": "unknown",
        "via": "database",
    }


def test_nologin_role_and_deactivated_user_get_the_same_refusal(
    pg_url: str, owner: Database, server: ServerSignIn
) -> None:
    with desk_user(owner, pg_url, "right-pass-1", Role.MANAGER):
        with desk_user(owner, pg_url, "pass-word-2", Role.CLERK, login=False) as nologin:
            with pytest.raises(ValidationError) as refused:
                server.sign_in(nologin.username, "pass-word-2")
            assert refused.value.code == "user.sign_in_failed"
        with desk_user(owner, pg_url, "pass-word-3", Role.CLERK) as gone:
            users.set_active(owner, some_manager(owner), gone.user_id, False)
            with pytest.raises(ValidationError) as refused:
                server.sign_in(gone.username, "pass-word-3")
            assert refused.value.code == "user.sign_in_failed"
            guard = owner.read(lambda s: s.get(SignInGuard, gone.username))
            assert guard is not None and guard.failures == 1
            [failed] = _audit(owner, gate.ACTION_FAILED)[-1:]
            assert failed.entity_id == str(gone.user_id)
            assert failed.details and failed.details["reason"] == "inactive"
        with desk_user(owner, pg_url, "pass-word-4", Role.CLERK, in_desk_group=False) as outsider:
            with pytest.raises(ValidationError) as refused:
                server.sign_in(outsider.username, "pass-word-4")
            assert refused.value.code == "user.sign_in_failed"
    assert not _audit(owner, gate.ACTION_SIGNED_IN)


def test_lockout_after_the_policys_failures_and_its_expiry(
    owner: Database, server: ServerSignIn
) -> None:
    _set_policy(owner, max_failures=3, lock_minutes=7)
    for _ in range(2):
        with pytest.raises(ValidationError):
            server.sign_in("ghost_user", "wrong-1")
    started = datetime.now(UTC)
    with pytest.raises(DeskError) as locked:
        server.sign_in("ghost_user", "wrong-1")
    assert locked.value.code == "user.locked"
    until = locked.value.values["until"]
    assert started + timedelta(minutes=6) < until < started + timedelta(minutes=8)
    # While locked the desk does not even try, and the count does not grow.
    with pytest.raises(DeskError) as again:
        server.sign_in("ghost_user", "wrong-1")
    assert again.value.code == "user.locked" and again.value.values["until"] == until
    assert len(_audit(owner, gate.ACTION_FAILED)) == 3
    [refused_try] = _audit(owner, gate.ACTION_REFUSED)
    assert refused_try.details and refused_try.details["reason"] == "locked"
    assert refused_try.details["pc"] == PC
    [lock_row] = _audit(owner, gate.ACTION_LOCKED)
    assert lock_row.details and lock_row.details["pc"] == PC
    # The lock runs out (moved into the past: the server's clock decides).
    owner.write(
        lambda s: s.execute(
            text("UPDATE sign_in_guard SET locked_until = now() - interval '1 second'")
        )
    )
    assert server.locked_until("ghost_user") is None
    with pytest.raises(ValidationError) as after:
        server.sign_in("ghost_user", "wrong-1")
    assert after.value.code == "user.sign_in_failed"
    guard = owner.read(lambda s: s.get(SignInGuard, "ghost_user"))
    assert guard is not None and guard.failures == 1 and guard.locked_until is None


def test_a_run_of_failures_older_than_the_lock_time_starts_again(
    owner: Database, server: ServerSignIn
) -> None:
    _set_policy(owner, max_failures=3, lock_minutes=5)
    for _ in range(2):
        with pytest.raises(ValidationError):
            server.sign_in("slow_guesser", "wrong-1")
    owner.write(
        lambda s: s.execute(
            text("UPDATE sign_in_guard SET last_failure_at = now() - interval '6 minutes'")
        )
    )
    with pytest.raises(ValidationError):  # the third, but not in a row: no lock
        server.sign_in("slow_guesser", "wrong-1")
    guard = owner.read(lambda s: s.get(SignInGuard, "slow_guesser"))
    assert guard is not None and guard.failures == 1 and guard.locked_until is None


def test_a_locked_name_is_refused_even_with_the_right_password(
    pg_url: str, gated: str, owner: Database, server: ServerSignIn
) -> None:
    _set_policy(owner, max_failures=2, lock_minutes=15)
    with desk_user(owner, pg_url, "right-pass-1", Role.MANAGER) as user:
        # Two wrong answers counted by desks (the gate's record of each failure).
        gate_engine = create_engine(make_url(pg_url).set(username=gate.gate_role(gated)))
        with gate_engine.begin() as conn:
            for _ in range(2):
                conn.execute(
                    text("SELECT desk_admin.gate_record_failure(:n, 'OTHER-PC')"),
                    {"n": user.username},
                )
        gate_engine.dispose()
        with pytest.raises(DeskError) as locked:
            server.sign_in(user.username, "right-pass-1")
        assert locked.value.code == "user.locked"
        # A program skipping the desk's check: session_begin itself refuses.
        own = create_engine(make_url(pg_url).set(username=user.username, password="right-pass-1"))
        try:
            with own.begin() as conn, pytest.raises(exc.DBAPIError) as raised:
                conn.execute(text("SELECT * FROM desk_admin.session_begin('ROGUE')"))
            assert getattr(raised.value.orig, "sqlstate", None) == gate.LOCKED_SQLSTATE
        finally:
            own.dispose()
        assert not _audit(owner, gate.ACTION_SIGNED_IN)
        # A successful sign-in after the lock clears the count.
        owner.write(lambda s: s.execute(text("UPDATE sign_in_guard SET locked_until = now()")))
        server.sign_in(user.username, "right-pass-1")
        guard = owner.read(lambda s: s.get(SignInGuard, user.username))
        assert guard is not None and guard.failures == 0 and guard.locked_until is None
        server.sign_out_quietly()


def test_verify_lifts_the_idle_lock_and_audits_it(
    pg_url: str, owner: Database, server: ServerSignIn
) -> None:
    with desk_user(owner, pg_url, "right-pass-1", Role.MANAGER) as user:
        actor = server.sign_in(user.username, "right-pass-1")
        db = server.database
        server.verify(actor, "right-pass-1")
        assert server.database is db  # the desk's connection and screens stay
        [unlocked] = _audit(owner, gate.ACTION_UNLOCKED)
        assert unlocked.user_id == user.user_id
        with pytest.raises(ValidationError):
            server.verify(actor, "")
        server.sign_out(actor)


def test_a_server_that_does_not_answer_is_unavailable_not_a_wrong_password() -> None:
    sign = ServerSignIn(
        "postgresql+psycopg://127.0.0.1:1/shop",
        gate_url="postgresql+psycopg://desk_shop__gate@127.0.0.1:1/shop",
    )
    try:
        with pytest.raises(DatabaseUnavailable) as refused:
            sign.sign_in("wang", "secret-1")
        assert refused.value.code == "database.unreachable"
        with pytest.raises(DatabaseUnavailable):
            sign.check()
    finally:
        sign.close()


def test_check_passes_on_an_installed_gate(server: ServerSignIn) -> None:
    server.check()


def test_the_gate_reads_the_shop_zone_for_the_lock_message(
    owner: Database, server: ServerSignIn
) -> None:
    assert server.shop_timezone() == ZoneInfo("Asia/Shanghai")  # the default
    owner.write(
        lambda s: s.merge(
            Setting(key=str(Key.TIMEZONE), value="America/New_York", updated_at=datetime.now(UTC))
        )
    )
    assert server.shop_timezone() == ZoneInfo("America/New_York")


def test_a_database_without_the_gate_says_db_grant_has_not_run(pg_url: str) -> None:
    # The owner's own login stands in for a gate: the functions are not there for it
    # in a database where nobody installed them (a fresh one).
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    name = f"desk_nogate_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    fresh = make_url(pg_url).set(database=name).render_as_string(hide_password=False)
    try:
        sign = ServerSignIn(fresh, gate_url=fresh)
        with pytest.raises(DatabaseUnavailable) as missing:
            sign.check()
        assert missing.value.code == "database.schema_missing"
        engine = create_engine(fresh)
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE alembic_version (version_num varchar(32))")
        engine.dispose()
        with pytest.raises(DatabaseUnavailable) as missing:
            sign.check()
        assert missing.value.code == "database.gate_missing"
        sign.close()
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def test_an_owner_with_createrole_but_no_superuser_installs_the_gate(pg_url: str) -> None:
    """The administrator's set-up: the tables' owner is no superuser, only CREATEROLE."""
    suffix = uuid.uuid4().hex[:8]
    owner, dbname = f"p2owner{suffix}", f"p2shop_{suffix}"
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE ROLE "{owner}" LOGIN CREATEROLE')
        conn.exec_driver_sql(f'CREATE DATABASE "{dbname}" OWNER "{owner}"')
    owner_url = make_url(pg_url).set(username=owner, database=dbname)
    try:
        engine = create_engine(owner_url)
        migrate.upgrade(engine)
        for _ in range(2):  # and again: nothing to repair
            with engine.begin() as conn:
                gate.install_gate(conn, dbname, password="gate-pass-1")
        with engine.begin() as conn:  # somebody gave the gate more than it may have
            conn.exec_driver_sql(f'ALTER ROLE "{gate.gate_role(dbname)}" CREATEDB INHERIT')
        with engine.begin() as conn:
            gate.install_gate(conn, dbname)
        engine.dispose()
        with admin.connect() as conn:
            row = conn.execute(
                text(
                    "SELECT rolcanlogin, rolcreatedb, rolinherit FROM pg_roles WHERE rolname = :n"
                ),
                {"n": gate.gate_role(dbname)},
            ).one()
        assert tuple(row) == (True, False, False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
            for role in (gate.gate_role(dbname), gate.desk_group(dbname), owner):
                conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
        admin.dispose()
