"""The server itself checks the password: on a server of the tests' own that asks every
login for it (the shared test server trusts all), a wrong password and an unknown name
get the same refusal and are counted alike, the policy's failures lock the name even
against the right password, and the gate's password comes from the credential store."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from desk_app.cli import main
from desk_app.config import load_config
from desk_app.db import gate, migrate
from desk_app.db.engine import make_engine
from desk_app.db.models import AuditLog, Setting, SignInGuard
from desk_app.domain.enums import Role
from desk_app.domain.errors import DatabaseUnavailable, DeskError, ValidationError
from desk_app.services.admin.settings import Key
from desk_app.services.core.database import Database
from desk_app.services.core.logins_pg import ServerSignIn, open_server_sign_in
from desk_app.services.customers.customers import AddressInput, CustomerDraft, create_customer
from tests.conftest import SKIP_PG
from tests.memory_keyring import MemoryKeyring, memory_keyring
from tests.services.core.pg_logins_support import desk_user, grant_desk_work, install
from tests.services.core.scram_server import scram_server

pytestmark = pytest.mark.postgres_only

GATE_PASSWORD = "gate-pass-7"


@pytest.fixture(scope="module")
def shop_url() -> Iterator[str]:
    """The owner's URL of a migrated database ``shop`` on a server that checks passwords,
    with the gate installed and its password set."""
    if SKIP_PG:
        pytest.skip("PostgreSQL tests skipped on purpose: DESK_TEST_SKIP_PG=1")
    with scram_server() as admin_url:
        if admin_url is None:
            pytest.skip("no PostgreSQL server binaries (initdb) on this machine")
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql("CREATE DATABASE shop")
        admin.dispose()
        url = make_url(admin_url).set(database="shop").render_as_string(hide_password=False)
        engine = make_engine(url)
        migrate.upgrade(engine)
        install(url)
        with engine.begin() as conn:
            gate.set_gate_password(conn, "shop", GATE_PASSWORD)
        grant_desk_work(engine, "shop")
        engine.dispose()
        yield url  # the whole server goes at the end: no role to drop


@pytest.fixture
def owner(shop_url: str) -> Iterator[Database]:
    database = Database(shop_url)
    yield database

    def empty(s: object) -> None:
        # History is append-only even for the owner: a test's clean-up skips the
        # triggers as the superuser it runs as (as tests/conftest.py's reset does).
        s.execute(text("SET LOCAL session_replication_role = replica"))  # type: ignore[attr-defined]
        for table in ("audit_log", "change_log", "sign_in_guard", "settings"):
            s.execute(text(f"DELETE FROM {table}"))  # type: ignore[attr-defined]

    database.write(empty)
    database.dispose()


def _gate_url(shop_url: str, password: str | None = GATE_PASSWORD) -> str:
    url = make_url(shop_url).set(username=gate.gate_role("shop"), password=password)
    return url.render_as_string(hide_password=False)


@pytest.fixture
def server(shop_url: str, owner: Database) -> Iterator[ServerSignIn]:
    sign = ServerSignIn(shop_url, gate_url=_gate_url(shop_url), pc="DESK-2")
    yield sign
    sign.close()


@pytest.fixture
def store() -> Iterator[MemoryKeyring]:
    yield from memory_keyring()


def test_the_right_password_signs_in_a_wrong_one_and_an_unknown_name_are_one_refusal(
    shop_url: str, owner: Database, server: ServerSignIn
) -> None:
    # Characters a URL must escape: the password reaches the server as typed.
    with desk_user(owner, shop_url, "r@ight:p/ss%1?#", Role.MANAGER) as user:
        refusals = []
        for name, password in ((user.username, "wrong-pass-1"), ("no_such_user", "wrong-pass-1")):
            with pytest.raises(ValidationError) as refused:
                server.sign_in(name, password)
            refusals.append((type(refused.value), refused.value.code, refused.value.values))
        assert refusals[0] == refusals[1] == (ValidationError, "user.sign_in_failed", {})
        guards = owner.read(
            lambda s: {g.username: g.failures for g in s.scalars(select(SignInGuard))}
        )
        assert guards == {user.username: 1, "no_such_user": 1}
        actor = server.sign_in(user.username, "r@ight:p/ss%1?#")
        assert actor.user_id == user.user_id
        assert (
            server.database.read(lambda s: s.scalar(text("SELECT session_user"))) == user.username
        )
        # The sign-in cleared the name's failures.
        assert owner.read(lambda s: s.get(SignInGuard, user.username)).failures == 0  # type: ignore[union-attr]
        server.sign_out(actor)


def test_the_policys_wrong_passwords_lock_the_name_even_against_the_right_one(
    shop_url: str, owner: Database, server: ServerSignIn
) -> None:
    owner.write(
        lambda s: s.add(Setting(key=str(Key.SIGN_IN_MAX_FAILURES), value=3, updated_at=owner.now()))
    )
    with desk_user(owner, shop_url, "right-pass-1", Role.CLERK) as user:
        codes = []
        for _ in range(3):
            with pytest.raises(DeskError) as refused:
                server.sign_in(user.username, "wrong-pass-1")
            codes.append(refused.value.code)
        assert codes == ["user.sign_in_failed", "user.sign_in_failed", "user.locked"]
        with pytest.raises(DeskError) as locked:
            server.sign_in(user.username, "right-pass-1")
        assert locked.value.code == "user.locked"
        failed = owner.read(
            lambda s: list(s.scalars(select(AuditLog).where(AuditLog.action == gate.ACTION_FAILED)))
        )
        assert [(a.user_id, a.entity_id) for a in failed] == [(None, str(user.user_id))] * 3
        assert {a.details["reason"] for a in failed if a.details} == {"password"}
        assert {a.details["pc"] for a in failed if a.details} == {"DESK-2"}


def test_the_idle_lock_asks_the_server_and_counts_a_wrong_password(
    shop_url: str, owner: Database, server: ServerSignIn
) -> None:
    with desk_user(owner, shop_url, "right-pass-1", Role.MANAGER) as user:
        actor = server.sign_in(user.username, "right-pass-1")
        with pytest.raises(ValidationError) as refused:
            server.verify(actor, "wrong-pass-1")
        assert refused.value.code == "user.sign_in_failed"
        assert owner.read(lambda s: s.get(SignInGuard, user.username)).failures == 1  # type: ignore[union-attr]
        actions = owner.read(
            lambda s: list(s.scalars(select(AuditLog.action).order_by(AuditLog.id)))
        )
        assert actions[-1] == gate.ACTION_UNLOCK_FAILED
        server.verify(actor, "right-pass-1")
        draft = CustomerDraft("李四", ["139 0000 1111"], [AddressInput("人民路 2 号", "海淀区")])
        create_customer(server.database, actor, draft)  # the desk goes on as before
        server.sign_out(actor)


def test_the_gate_password_comes_from_the_credential_store(
    shop_url: str,
    owner: Database,
    store: MemoryKeyring,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config_file = tmp_path / "config.toml"
    address = make_url(shop_url).set(username=None, password=None).render_as_string(False)
    config_file.write_text(
        f'[database]\nurl = "{address}"\nsign_in = "database"\nsslmode = "disable"\n', "utf-8"
    )
    monkeypatch.setenv("DESK_CONFIG", str(config_file))
    monkeypatch.delenv("DESK_DATABASE_URL", raising=False)
    config = load_config()
    with pytest.raises(DatabaseUnavailable) as missing:
        open_server_sign_in(config)
    assert missing.value.code == "database.password_missing"
    assert missing.value.values == {"user": "desk_shop__gate"}
    from desk_app import credentials

    credentials.store_password(config.database_url, config.gate_login, "not-it")
    with pytest.raises(DatabaseUnavailable) as refused:
        open_server_sign_in(config)
    assert refused.value.code == "database.gate_refused"
    credentials.store_password(config.database_url, config.gate_login, GATE_PASSWORD)
    sign = open_server_sign_in(config)
    try:
        with desk_user(owner, shop_url, "right-pass-1", Role.MANAGER) as user:
            actor = sign.sign_in(user.username, "right-pass-1")
            assert actor.username == user.username
            sign.sign_out(actor)
    finally:
        sign.close()
    assert GATE_PASSWORD not in config_file.read_text("utf-8")


def test_the_administrator_sets_the_gate_password_on_the_server_and_this_pc(
    shop_url: str,
    owner: Database,
    store: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("DESK_CONFIG", str(tmp_path / "none.toml"))
    gate_login = gate.gate_role("shop")
    monkeypatch.setattr(sys, "stdin", io.StringIO("new-gate-pass\n"))
    try:
        assert main(["db", "password", "--user", gate_login, "--on-server", "--db", shop_url]) == 0
        new = create_engine(_gate_url(shop_url, "new-gate-pass"))
        try:
            with new.connect() as conn:
                assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        finally:
            new.dispose()
        [(service, account)] = store.entries
        assert service == "desk-app"
        assert account.startswith(f"{gate_login}@127.0.0.1:") and account.endswith("/shop")
        old = ServerSignIn(shop_url, gate_url=_gate_url(shop_url))
        with pytest.raises(DatabaseUnavailable) as refused:
            old.check()
        assert refused.value.code == "database.gate_refused"
        old.close()
        # A user's password is not set this way.
        monkeypatch.setattr(sys, "stdin", io.StringIO("x-pass-1\n"))
        assert main(["db", "password", "--user", "wang", "--on-server", "--db", shop_url]) == 2
    finally:
        engine = create_engine(shop_url)
        with engine.begin() as conn:
            gate.set_gate_password(conn, "shop", GATE_PASSWORD)
        engine.dispose()
