"""`desk-app db grant` on PostgreSQL, measured by connecting AS each group's member.

Every login and group a test creates is cluster-wide: logins get a uuid suffix, groups
carry the test database's name (unique per test process), and ``grants.remove`` drops
them all at the end of each test. docs/permissions-database.md lists what these tests
measure a desk connection is refused.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from sqlalchemy import Engine, create_engine, exc, select, text
from sqlalchemy.engine import make_url

from desk_app.cli import main as cli_main
from desk_app.db import grants
from desk_app.db.models import AuditLog, ChangeLog
from desk_app.db.roles import HISTORY_TABLES, desk_group, group_role
from desk_app.domain.complaint_rules import Ratings
from desk_app.domain.enums import (
    Channel,
    ComplaintCategory,
    FollowupOutcome,
    Role,
    Severity,
    TicketStatus,
)
from desk_app.domain.errors import ValidationError
from desk_app.services.admin import logins, settings, users
from desk_app.services.care import complaints, followups
from desk_app.services.care.complaints import ComplaintDraft
from desk_app.services.core import identity
from desk_app.services.core.database import Actor, Database
from desk_app.services.dispatch import dispatch
from desk_app.services.dispatch.dispatch import TechnicianDraft
from desk_app.services.stock import requisitions, stock
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import Completion
from tests.conftest import FakeClock
from tests.services import factories
from tests.services.stock_factories import URGENT, location, part

pytestmark = pytest.mark.postgres_only

PASSWORD = "secret-1"
DENIED = "42501"  # insufficient_privilege


@dataclass
class Shop:
    """A granted test database: the owner's Database and one desk login per role."""

    url: str
    owner: Database
    clock: FakeClock
    suffix: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    actors: dict[Role, Actor] = field(default_factory=dict)
    desks: dict[Role, Database] = field(default_factory=dict)
    extra: list[Database] = field(default_factory=list)

    @property
    def dbname(self) -> str:
        name = make_url(self.url).database
        assert name is not None
        return name

    def name(self, role: Role | str) -> str:
        value = role.value if isinstance(role, Role) else role
        return f"p1{value.replace('_', '')}{self.suffix}"

    def login_url(self, username: str) -> str:
        url = make_url(self.url).set(username=username, password=PASSWORD)
        return url.render_as_string(hide_password=False)

    def desk(self, role: Role) -> Database:
        """The Database of ``role``'s member, connected as that member's own login."""
        if role not in self.desks:
            self.desks[role] = Database(self.login_url(self.name(role)), clock=self.clock)
        return self.desks[role]

    def engine(self, role: Role) -> Engine:
        return self.desk(role).engine


@pytest.fixture
def shop(pg_url: str, clock: FakeClock) -> Iterator[Shop]:
    owner = Database(pg_url, clock=clock)
    s = Shop(pg_url, owner, clock)
    try:
        with owner.engine.begin() as conn:
            grants.apply(conn)
        # The owner at the server's console adds the staff: each gets a login.
        boss = s.name(Role.MANAGER)
        users.create_user(owner, None, boss, PASSWORD, Role.MANAGER, "王经理")
        s.actors[Role.MANAGER] = users.authenticate(owner, boss, PASSWORD)
        for role in Role:
            if role is not Role.MANAGER:
                users.create_user(owner, s.actors[Role.MANAGER], s.name(role), PASSWORD, role)
                s.actors[role] = users.authenticate(owner, s.name(role), PASSWORD)
        yield s
    finally:
        for d in [*s.desks.values(), *s.extra]:
            d.dispose()
        with owner.engine.begin() as conn:
            grants.remove(conn)
        owner.dispose()


def refused(engine: Engine, sql: str, params: dict[str, object] | None = None) -> str:
    """Run ``sql`` as the engine's login; return the SQLSTATE of its refusal."""
    with engine.connect() as conn:
        with pytest.raises(exc.DBAPIError) as caught:
            conn.execute(text(sql), params or {})
        conn.rollback()
    state = getattr(caught.value.orig, "sqlstate", None)
    assert isinstance(state, str)
    return state


def allowed(engine: Engine, sql: str, params: dict[str, object] | None = None) -> int:
    """Run ``sql`` (rolled back); the rows it touched."""
    with engine.connect() as conn:
        result = conn.execute(text(sql), params or {})
        count = result.rowcount
        conn.rollback()
    return count


def scram_accepts(verifier: str, password: str) -> bool:
    """Whether a SCRAM-SHA-256 verifier (``pg_authid.rolpassword``) is of ``password``
    (RFC 5802: StoredKey = H(HMAC(SaltedPassword, "Client Key")))."""
    scheme, rest = verifier.split("$", 1)
    params, keys = rest.split("$")
    iterations, salt = params.split(":")
    stored_key = keys.split(":")[0]
    salted = hashlib.pbkdf2_hmac(
        "sha256", password.encode(), base64.b64decode(salt), int(iterations)
    )
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    expected = base64.b64encode(hashlib.sha256(client_key).digest()).decode()
    return scheme == "SCRAM-SHA-256" and hmac.compare_digest(expected, stored_key)


# ------------------------------------------------------------------ refused for all


HISTORY_STATEMENTS = ("UPDATE {t} SET id = id", "DELETE FROM {t}", "TRUNCATE {t}")


@pytest.mark.parametrize("role", list(Role))
def test_no_group_may_rewrite_history(shop: Shop, role: Role) -> None:
    engine = shop.engine(role)
    for table in HISTORY_TABLES:
        for statement in HISTORY_STATEMENTS:
            assert refused(engine, statement.format(t=table)) == DENIED, (role, statement, table)


DDL = (
    "CREATE TABLE sneaky (id int)",
    "CREATE TEMPORARY TABLE sneaky (id int)",
    "CREATE SCHEMA sneaky",
    "CREATE VIEW sneaky AS SELECT 1",
    "CREATE FUNCTION sneaky() RETURNS int LANGUAGE sql AS 'SELECT 1'",
    "CREATE FUNCTION desk_admin.sneaky() RETURNS int LANGUAGE sql AS 'SELECT 1'",
    "ALTER TABLE tickets ADD COLUMN sneaky int",
    "ALTER TABLE audit_log DISABLE TRIGGER ALL",
    "ALTER TABLE users DISABLE ROW LEVEL SECURITY",
    "CREATE INDEX sneaky ON customers (name)",
    "DROP TABLE settings",
    "DROP TRIGGER desk_actor_from_session ON audit_log",
    "DROP FUNCTION desk_admin.actor_from_session() CASCADE",
    "GRANT {manager} TO {me}",
)


@pytest.mark.parametrize("role", list(Role))
def test_no_group_may_change_the_schema(shop: Shop, role: Role) -> None:
    engine = shop.engine(role)
    me, manager = shop.name(role), group_role(shop.dbname, Role.MANAGER)
    for statement in DDL:
        sql = statement.format(manager=f'"{manager}"', me=f'"{me}"')
        if role is Role.MANAGER and statement.startswith("GRANT"):
            continue  # already a member; granting is refused below for the others
        assert refused(engine, sql) == DENIED, (role, sql)


@pytest.mark.parametrize("role", list(Role))
def test_no_group_reads_password_hashes(shop: Shop, role: Role) -> None:
    engine = shop.engine(role)
    assert refused(engine, "SELECT password_hash FROM users") == DENIED
    assert refused(engine, "SELECT * FROM users") == DENIED
    assert allowed(engine, "SELECT id, username, role, active FROM users") == len(Role)


# ------------------------------------------------------------------ refused by role


def test_a_clerk_cannot_write_settings_users_or_the_stock_ledger(shop: Shop) -> None:
    clerk = shop.engine(Role.CLERK)
    boss_id = shop.actors[Role.MANAGER].user_id
    for sql in (
        "INSERT INTO settings SELECT * FROM settings",
        "UPDATE settings SET value = value",
        "DELETE FROM settings",
        "INSERT INTO users (username, display_name, role, password_hash, active, created_at)"
        " VALUES ('evil', 'evil', 'manager', 'x', true, now())",
        "UPDATE users SET role = 'manager'",
        "UPDATE users SET active = false",
        "UPDATE users SET display_name = 'x'",
        "INSERT INTO user_roles (user_id, role) SELECT id, 'manager' FROM users",
        "DELETE FROM user_roles",
        "INSERT INTO stock_movements SELECT * FROM stock_movements",
        "UPDATE stock_levels SET on_hand = 100",
        "INSERT INTO technicians SELECT * FROM technicians",
        "UPDATE sign_in_guard SET failures = 0",
        "UPDATE tickets SET technician_id = NULL",
        "UPDATE tickets SET appointment_start = now()",
        "INSERT INTO appointments SELECT * FROM appointments",
    ):
        assert refused(clerk, sql) == DENIED, sql
    # Its own row: its password and language only, and nobody else's row at all.
    me = shop.name(Role.CLERK)
    assert allowed(clerk, "UPDATE users SET language = 'en' WHERE username = :n", {"n": me}) == 1
    assert allowed(clerk, "UPDATE users SET language = 'en' WHERE id = :i", {"i": boss_id}) == 0
    assert allowed(clerk, "UPDATE users SET password_hash = 'x' WHERE id <> 0") == 1


def test_a_parts_clerk_cannot_dispatch_nor_edit_tickets(shop: Shop) -> None:
    ticket = factories.ticket(shop.owner, shop.actors[Role.CLERK])
    parts_clerk = shop.engine(Role.PARTS_CLERK)
    for sql in (
        "UPDATE tickets SET technician_id = NULL",
        "UPDATE tickets SET appointment_start = now(), appointment_end = now()",
        "UPDATE tickets SET status = 'cancelled'",
        "UPDATE tickets SET fault_description = 'x'",
        "INSERT INTO appointments SELECT * FROM appointments",
        "UPDATE appointments SET state = 'cancelled'",
        "INSERT INTO ticket_events SELECT * FROM ticket_events",
        "UPDATE customers SET name = 'x'",
    ):
        assert refused(parts_clerk, sql) == DENIED, sql
    # What its stock work needs: the ticket's parts charge.
    assert allowed(
        parts_clerk, "UPDATE tickets SET parts_cents = 0 WHERE id = :i", {"i": ticket.id}
    )


def test_a_technician_connection_writes_no_customer_ticket_or_stock(shop: Shop) -> None:
    technician = shop.engine(Role.TECHNICIAN)
    for sql in (
        "UPDATE customers SET name = 'x'",
        "INSERT INTO customer_phones SELECT * FROM customer_phones",
        "UPDATE tickets SET status = 'closed'",
        "UPDATE stock_levels SET on_hand = 1",
        "UPDATE parts SET name = 'x'",
        "UPDATE complaints SET status = 'closed'",
        "UPDATE feedback SET comments = 'x'",
    ):
        assert refused(technician, sql) == DENIED, sql


def test_only_managers_may_call_the_login_functions(shop: Shop) -> None:
    for role in Role:
        if role is Role.MANAGER:
            continue
        sql = "SELECT desk_admin.set_roles(:n, ARRAY['manager'])"
        assert refused(shop.engine(role), sql, {"n": shop.name(role)}) == DENIED, role


# ------------------------------------------------------------------ allowed work


def test_allowed_work_succeeds_through_the_services_as_each_member(shop: Shop) -> None:
    a = shop.actors
    # A clerk takes a call: a new customer and a ticket.
    clerk_db = shop.desk(Role.CLERK)
    customer = factories.customer(clerk_db, a[Role.CLERK])
    ticket = factories.ticket(clerk_db, a[Role.CLERK], customer.id)
    # The manager adds a technician and changes a setting; the dispatcher dispatches.
    manager_db = shop.desk(Role.MANAGER)
    tech = dispatch.create_technician(manager_db, a[Role.MANAGER], TechnicianDraft("刘师傅"))
    settings.set_timezone(manager_db, a[Role.MANAGER], "Asia/Urumqi")
    assert manager_db.read(settings.timezone).key == "Asia/Urumqi"
    dispatched = dispatch.assign(shop.desk(Role.DISPATCHER), a[Role.DISPATCHER], ticket.id, tech.id)
    assert dispatched.technician_id == tech.id
    # The parts clerk stocks a part and issues it to the ticket, then reverses a receipt.
    parts_db, pc = shop.desk(Role.PARTS_CLERK), a[Role.PARTS_CLERK]
    store, cap = location(parts_db, pc), part(parts_db, pc)
    stock.receive(parts_db, pc, cap.id, store.id, 5)
    requisitions.issue_direct(parts_db, pc, ticket.id, cap.id, store.id, 1, reason=URGENT)
    mistaken = stock.receive(parts_db, pc, cap.id, store.id, 2)
    stock.reverse(parts_db, pc, mistaken.id, "录错数量")
    assert stock.check_stock(parts_db) == []
    # The dispatcher moves the ticket on; the audit names each member.
    tickets.change_status(
        shop.desk(Role.DISPATCHER), a[Role.DISPATCHER], ticket.id, TicketStatus.IN_SERVICE
    )
    names = shop.owner.read(
        lambda s: set(
            s.scalars(
                text("SELECT DISTINCT u.username FROM audit_log a JOIN users u ON u.id = a.user_id")
            )
        )
    )
    assert {
        shop.name(r) for r in (Role.CLERK, Role.MANAGER, Role.DISPATCHER, Role.PARTS_CLERK)
    } <= names


def test_a_ticket_s_whole_life_succeeds_as_each_member(shop: Shop) -> None:
    a, desk = shop.actors, shop.desk
    tech = dispatch.create_technician(
        desk(Role.MANAGER), a[Role.MANAGER], TechnicianDraft("周师傅")
    )
    store, cap = (
        location(desk(Role.PARTS_CLERK), a[Role.PARTS_CLERK]),
        part(desk(Role.PARTS_CLERK), a[Role.PARTS_CLERK]),
    )
    stock.receive(desk(Role.PARTS_CLERK), a[Role.PARTS_CLERK], cap.id, store.id, 3)
    t = factories.ticket(desk(Role.CLERK), a[Role.CLERK])
    dispatch.assign(desk(Role.DISPATCHER), a[Role.DISPATCHER], t.id, tech.id)
    # The technician asks for a part, the parts clerk issues it.
    req = requisitions.create_requisition(
        desk(Role.TECHNICIAN), a[Role.TECHNICIAN], t.id, [(cap.id, store.id, 1)]
    )
    requisitions.issue_requisition(desk(Role.PARTS_CLERK), a[Role.PARTS_CLERK], req.id)
    # The dispatcher completes; the follow-up desk calls, then closes the ticket.
    dispatcher = desk(Role.DISPATCHER)
    tickets.change_status(dispatcher, a[Role.DISPATCHER], t.id, TicketStatus.IN_SERVICE)
    tickets.complete(dispatcher, a[Role.DISPATCHER], t.id, Completion("电容老化", "更换电容"))
    followups.record_call(
        desk(Role.FOLLOWUP), a[Role.FOLLOWUP], t.id, FollowupOutcome.REACHED, Ratings(5, 5, 4, 5, 5)
    )
    tickets.change_status(desk(Role.FOLLOWUP), a[Role.FOLLOWUP], t.id, TicketStatus.CLOSED)
    # The customer complains anyway: the clerk opens it and notes a call.
    draft = ComplaintDraft(
        t.customer_id,
        Channel.PHONE,
        ComplaintCategory.REPAIR_QUALITY,
        Severity.MEDIUM,
        "又不制冷了",
        ticket_id=t.id,
    )
    c = complaints.open_complaint(desk(Role.CLERK), a[Role.CLERK], draft)
    complaints.add_note(desk(Role.CLERK), a[Role.CLERK], c.id, "已致电客户")
    assert tickets.get_ticket(shop.owner, a[Role.MANAGER], t.id).status is TicketStatus.CLOSED
    assert stock.check_stock(shop.owner) == []


def test_a_user_a_manager_adds_can_connect_with_their_own_login(shop: Shop) -> None:
    newcomer = f"p1new{shop.suffix}"
    users.create_user(
        shop.desk(Role.MANAGER), shop.actors[Role.MANAGER], newcomer, PASSWORD, Role.FOLLOWUP
    )
    login = Database(shop.login_url(newcomer), clock=shop.clock)
    shop.extra.append(login)
    assert login.ping()
    who = identity.connection_identity(login)
    assert who is not None and who.desk_login and not who.superuser and not who.is_owner
    assert identity.identity_warning(who) is None
    groups = login.read(
        lambda s: set(
            s.scalars(
                text(
                    "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
                    " WHERE m.member = (SELECT oid FROM pg_roles WHERE rolname = session_user)"
                )
            )
        )
    )
    assert groups == {group_role(shop.dbname, Role.FOLLOWUP), desk_group(shop.dbname)}
    # The test server trusts local connections, so check the stored SCRAM verifier: the
    # server will accept exactly the password the manager typed, and nothing else.
    stored = shop.owner.read(
        lambda s: s.scalar(
            text("SELECT rolpassword FROM pg_authid WHERE rolname = :n"), {"n": newcomer}
        )
    )
    assert scram_accepts(stored, PASSWORD) and not scram_accepts(stored, PASSWORD + "x")
    # The seam the users service calls on a reset and a role change (inside its write),
    # from the manager's own login.
    manager_db = shop.desk(Role.MANAGER)
    manager_db.write(
        lambda s: logins.sync_login(
            s, newcomer, password="new-secret-2", roles=[Role.CLERK, Role.DISPATCHER]
        )
    )
    stored = shop.owner.read(
        lambda s: s.scalar(
            text("SELECT rolpassword FROM pg_authid WHERE rolname = :n"), {"n": newcomer}
        )
    )
    assert scram_accepts(stored, "new-secret-2") and not scram_accepts(stored, PASSWORD)
    groups = shop.owner.read(
        lambda s: set(
            s.scalars(
                text(
                    "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
                    " JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :n"
                ),
                {"n": newcomer},
            )
        )
    )
    assert groups == {
        group_role(shop.dbname, Role.CLERK),
        group_role(shop.dbname, Role.DISPATCHER),
        desk_group(shop.dbname),
    }
    # Deactivated: the login can no longer sign in.
    view = next(
        u for u in users.list_users(manager_db, shop.actors[Role.MANAGER]) if u.username == newcomer
    )
    users.set_active(manager_db, shop.actors[Role.MANAGER], view.id, False)
    can_login = shop.owner.read(
        lambda s: s.scalar(
            text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :n"), {"n": newcomer}
        )
    )
    assert can_login is False


# ------------------------------------------------------------------ the actor


def test_the_database_sets_the_audit_actor_from_the_login(shop: Shop) -> None:
    a = shop.actors
    boss_id, clerk_id = a[Role.MANAGER].user_id, a[Role.CLERK].user_id
    clerk = shop.engine(Role.CLERK)
    with clerk.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO audit_log (at, user_id, action, entity, entity_id) "
                "VALUES (now(), :u, 'forged', 'user', '1')"
            ),
            {"u": boss_id},
        )
        conn.execute(
            text(
                "INSERT INTO change_log (at, entity, entity_id, action, user_id) "
                "VALUES (now(), 'user', 1, 'forged', :u)"
            ),
            {"u": boss_id},
        )
    stored = shop.owner.read(
        lambda s: (
            s.scalar(select(AuditLog.user_id).where(AuditLog.action == "forged")),
            s.scalar(select(ChangeLog.user_id).where(ChangeLog.action == "forged")),
        )
    )
    assert stored == (clerk_id, clerk_id)


def test_an_actor_forged_by_the_client_does_not_reach_the_audit(shop: Shop) -> None:
    a = shop.actors
    # A clerk's desk claiming to be the manager: its login cannot even lock the
    # manager's users row (row security), so the write is refused.
    with pytest.raises(Exception) as refused_write:
        factories.customer(shop.desk(Role.CLERK), a[Role.MANAGER])
    assert getattr(refused_write.value, "code", None) == "user.deactivated"
    # A manager's desk acting in the clerk's name: the audit names the manager.
    made = factories.customer(shop.desk(Role.MANAGER), a[Role.CLERK], name="李四")
    actor = shop.owner.read(
        lambda s: s.scalar(
            select(AuditLog.user_id).where(
                AuditLog.entity == "customer", AuditLog.entity_id == str(made.id)
            )
        )
    )
    assert actor == a[Role.MANAGER].user_id


# ------------------------------------------------------------------ the login functions


def test_the_login_functions_refuse_roles_that_are_not_desk_logins(shop: Shop) -> None:
    manager = shop.engine(Role.MANAGER)
    plain = f"p1plain{shop.suffix}"
    with shop.owner.engine.begin() as conn:
        conn.execute(text(f'CREATE ROLE "{plain}" LOGIN'))
    try:
        for sql, name in (
            ("SELECT desk_admin.set_password(:n, 'x')", "postgres"),
            ("SELECT desk_admin.set_roles(:n, ARRAY['manager'])", "postgres"),
            ("SELECT desk_admin.set_active(:n, false)", "postgres"),
            ("SELECT desk_admin.create_login(:n, 'x', ARRAY['manager'])", "postgres"),
            ("SELECT desk_admin.set_password(:n, 'x')", plain),
            ("SELECT desk_admin.create_login(:n, 'x', ARRAY['clerk'])", plain),
            ("SELECT desk_admin.set_roles(:n, ARRAY['clerk'])", desk_group(shop.dbname)),
            ("SELECT desk_admin.create_login(:n, 'x', ARRAY['clerk'])", "pg_monitor"),
        ):
            assert refused(manager, sql, {"n": name}) == DENIED, (sql, name)
        # Through the users service: the name is refused, nothing is written.
        with pytest.raises(ValidationError) as taken:
            users.create_user(
                shop.desk(Role.MANAGER), shop.actors[Role.MANAGER], plain, PASSWORD, Role.CLERK
            )
        assert taken.value.code == "user.login_not_desk"
        assert plain not in {
            u.username for u in users.list_users(shop.owner, shop.actors[Role.MANAGER])
        }
        members = shop.owner.read(
            lambda s: s.scalar(
                text(
                    "SELECT count(*) FROM pg_auth_members m JOIN pg_roles u ON u.oid = m.member"
                    " WHERE u.rolname = :n"
                ),
                {"n": plain},
            )
        )
        assert members == 0
    finally:
        with shop.owner.engine.begin() as conn:
            conn.execute(text(f'DROP ROLE "{plain}"'))


def test_a_role_that_is_not_a_desk_role_cannot_be_granted(shop: Shop) -> None:
    sql = "SELECT desk_admin.set_roles(:n, ARRAY['superuser'])"
    with shop.engine(Role.MANAGER).connect() as conn, pytest.raises(exc.DBAPIError) as caught:
        conn.execute(text(sql), {"n": shop.name(Role.CLERK)})
    assert getattr(caught.value.orig, "sqlstate", None) == "22023"


# ------------------------------------------------------------------ idempotent, CLI


def _privileges(engine: Engine, dbname: str) -> set[tuple[str, ...]]:
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT grantee, table_name, privilege_type, '' FROM "
                "information_schema.role_table_grants WHERE grantee LIKE :p "
                "UNION SELECT grantee, table_name, privilege_type, column_name FROM "
                "information_schema.column_privileges WHERE grantee LIKE :p "
                "UNION SELECT r.rolname, g.rolname, 'member', '' FROM pg_auth_members m "
                "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles r ON r.oid = m.member "
                "WHERE g.rolname LIKE :p"
            ),
            {"p": f"desk_{dbname}__%"},
        ).all()
    return {tuple(r) for r in rows}


def test_db_grant_twice_changes_nothing(shop: Shop, capsys: pytest.CaptureFixture[str]) -> None:
    before = _privileges(shop.owner.engine, shop.dbname)
    assert cli_main(["db", "grant", "--db", shop.url]) == 0
    assert "granted" in capsys.readouterr().out
    assert _privileges(shop.owner.engine, shop.dbname) == before
    # and the desks still work
    factories.customer(shop.desk(Role.CLERK), shop.actors[Role.CLERK])


def test_db_check_warns_about_a_superuser_connection(
    shop: Shop, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_main(["db", "check", "--db", shop.url]) == 0
    out = capsys.readouterr().out
    assert "connected as: postgres (superuser" in out
    assert "warning:" in out
    warning = identity.connection_warning(shop.owner)
    assert warning is not None and warning.code == "database.connected_as_superuser"
    assert identity.connection_warning(shop.desk(Role.CLERK)) is None


# ------------------------------------------------------------------ before db grant


def test_without_db_grant_user_add_creates_no_login(pg_url: str, clock: FakeClock) -> None:
    owner = Database(pg_url, clock=clock)
    name = f"p1nogrant{uuid.uuid4().hex[:8]}"
    try:
        users.create_user(owner, None, name, PASSWORD, Role.MANAGER)
        exists = owner.read(
            lambda s: s.scalar(
                text("SELECT count(*) FROM pg_roles WHERE rolname = :n"), {"n": name}
            )
        )
        assert exists == 0
        # The first `db grant` names the users who have no login yet.
        with owner.engine.begin() as conn:
            report = grants.apply(conn)
        assert report.users_without_login == [name]
        # A manager's next password reset (the users service calls sync_login) creates it.
        owner.write(lambda s: logins.sync_login(s, name, password=PASSWORD))
        made = owner.read(
            lambda s: s.scalar(
                text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :n"), {"n": name}
            )
        )
        assert made is True
    finally:
        with owner.engine.begin() as conn:
            grants.remove(conn)
        owner.dispose()


def test_a_member_of_the_owner_role_is_warned_as_the_owner(shop: Shop) -> None:
    """Not a superuser, but may act as the tables' owner: the database checks nothing."""
    owner_like = f"p1ownerlike{shop.suffix}"
    with shop.owner.engine.begin() as conn:
        owner = conn.scalar(text("SELECT tableowner FROM pg_tables WHERE tablename = 'users'"))
        conn.execute(text(f'CREATE ROLE "{owner_like}" LOGIN IN ROLE "{owner}"'))
    as_owner = Database(shop.login_url(owner_like), clock=shop.clock)
    try:
        who = identity.connection_identity(as_owner)
        assert who is not None and who.is_owner and not who.superuser and not who.desk_login
        warning = identity.identity_warning(who)
        assert warning is not None and warning.code == "database.connected_as_owner"
    finally:
        as_owner.dispose()
        with shop.owner.engine.begin() as conn:
            conn.execute(text(f'DROP ROLE "{owner_like}"'))


def test_an_owner_with_createrole_but_no_superuser_sets_up_a_shop(pg_url: str) -> None:
    """The README's set-up: an owner role WITH CREATEROLE LOGIN owns the database,
    runs `db upgrade` and `db grant`, and adds users whose logins then connect."""
    suffix = uuid.uuid4().hex[:8]
    owner, dbname, first = f"p1owner{suffix}", f"p1shop_{suffix}", f"p1first{suffix}"
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE ROLE "{owner}" LOGIN CREATEROLE'))
        conn.execute(text(f'CREATE DATABASE "{dbname}" OWNER "{owner}"'))
    server = make_url(pg_url).set(database=dbname)
    owner_url = server.set(username=owner).render_as_string(hide_password=False)
    first_url = server.set(username=first, password=PASSWORD).render_as_string(hide_password=False)
    try:
        assert cli_main(["db", "upgrade", "--db", owner_url]) == 0
        assert cli_main(["db", "grant", "--db", owner_url]) == 0
        shop = Database(owner_url)
        try:
            users.create_user(shop, None, first, PASSWORD, Role.MANAGER)
            boss = users.authenticate(shop, first, PASSWORD)
            warning = identity.connection_warning(shop)
            assert warning is not None and warning.code == "database.connected_as_owner"
        finally:
            shop.dispose()
        desk = Database(first_url)
        try:
            second = f"p1second{suffix}"
            users.create_user(desk, boss, second, PASSWORD, Role.CLERK)
            settings.set_timezone(desk, boss, "Asia/Urumqi")
            assert identity.connection_warning(desk) is None
            assert refused(desk.engine, "DELETE FROM audit_log") == DENIED
        finally:
            desk.dispose()
        clerk = Database(server.set(username=second).render_as_string(hide_password=False))
        try:
            assert clerk.ping()
            assert refused(clerk.engine, "UPDATE settings SET value = value") == DENIED
        finally:
            clerk.dispose()
        with create_engine(owner_url).begin() as conn:
            grants.remove(conn)
    finally:
        with admin.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :n AND pid <> pg_backend_pid()"
                ),
                {"n": dbname},
            )
            conn.execute(text(f'DROP DATABASE IF EXISTS "{dbname}"'))
            for role in (f"p1second{suffix}", first, owner):
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
            for group in conn.scalars(
                text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"),
                {"p": f"desk\\_{dbname}\\_\\_%"},
            ).all():
                conn.execute(text(f'DROP ROLE "{group}"'))
        admin.dispose()
