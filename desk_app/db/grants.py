"""``desk-app db grant``: the group roles, login functions, grants and actor trigger.

Run on PostgreSQL by the owner of the tables (who needs CREATEROLE), after ``db
upgrade`` and again after every upgrade that adds tables. ``apply(conn)`` is
idempotent: it creates or repairs the group roles of ``desk_app.db.roles``, revokes
every privilege the groups hold in the schema and grants the matrix again, all in the
caller's transaction. It installs:

- schema ``desk_admin`` with SECURITY DEFINER functions (search_path fixed) that
  create and alter ONLY desk logins of this database: ``create_login(name, password,
  roles)``, ``set_password(name, password)``, ``set_roles(name, roles)``,
  ``set_active(name, active)``; EXECUTE for the manager group only. They refuse a
  name that belongs to any other role (a superuser, the owner, another database's
  login, a group), and grant only this database's desk groups. ``is_desk_login(name)``
  is readable by every desk.
- row-level security on ``users``: a desk may update (and lock) only its own row,
  managers every row; column privileges keep ``password_hash`` unreadable.
- a BEFORE INSERT trigger on ``audit_log`` and ``change_log`` that sets ``user_id``
  from the session's login when the session is a desk login, so a desk cannot name
  another user as the actor.
- the sign-in gate of ``desk_app.db.gate``, when that module exists.

Desk groups get no CREATE on any schema (no DDL), no TEMPORARY on the database, and
no UPDATE, DELETE or TRUNCATE on the history tables.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass, field

from sqlalchemy import Connection, text

from desk_app.db.roles import (
    ADMIN_SCHEMA,
    HISTORY_TABLES,
    UNREADABLE,
    TableRights,
    all_groups,
    desk_group,
    desk_writes,
    gate_role,
    group_role,
    role_writes,
)
from desk_app.domain.enums import Role

_MAX_IDENTIFIER = 63


@dataclass
class GrantReport:
    """What ``apply`` did: groups created, tables of the matrix missing from the
    database (a newer or older schema), whether the gate was installed."""

    database: str
    schema: str
    created_groups: list[str] = field(default_factory=list)
    missing_tables: list[str] = field(default_factory=list)
    gate_installed: bool = False
    # Active users with no login role yet (added before the first `db grant`): they can
    # connect once a manager sets their password (users service -> sync_login).
    users_without_login: list[str] = field(default_factory=list)


def q(name: str) -> str:
    """A quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def lit(value: str) -> str:
    """A quoted SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


def apply(conn: Connection) -> GrantReport:
    """Create or repair everything ``desk-app db grant`` installs, in ``conn``'s
    transaction (the caller commits). ``conn`` must be the owner of the tables."""
    dbname = conn.scalar(text("SELECT current_database()"))
    schema = conn.scalar(text("SELECT current_schema()"))
    assert isinstance(dbname, str) and isinstance(schema, str)
    for g in all_groups(dbname):
        if len(g.encode()) > _MAX_IDENTIFIER:
            raise ValueError(f"database name too long for its role names: {g}")
    report = GrantReport(dbname, schema)
    tables = set(
        conn.scalars(text("SELECT tablename FROM pg_tables WHERE schemaname = :s"), {"s": schema})
    )
    if "users" not in tables:
        raise ValueError("no desk tables here: run `desk-app db upgrade` first")
    _groups(conn, dbname, report)
    _revoke(conn, dbname, schema)
    _grant_reads(conn, dbname, schema)
    _grant_writes(conn, dbname, schema, tables, report)
    _users_row_security(conn, dbname, schema)
    _admin_functions(conn, dbname, schema)
    _actor_trigger(conn, dbname, schema, tables)
    report.gate_installed = _install_gate(conn, dbname)
    report.users_without_login = list(
        conn.scalars(
            text(
                f"SELECT username FROM {q(schema)}.users WHERE active AND username NOT IN "
                "(SELECT rolname FROM pg_roles) ORDER BY username"
            )
        )
    )
    return report


def _run(conn: Connection, sql: str) -> None:
    # The driver reads % as a placeholder mark: the function bodies' %I and %L are
    # doubled to reach the server as written.
    conn.exec_driver_sql(sql.replace("%", "%%"), ())


def _groups(conn: Connection, dbname: str, report: GrantReport) -> None:
    existing = {
        row[0]: row[1:]
        for row in conn.execute(
            text(
                "SELECT rolname, rolcanlogin, rolcreatedb, rolcreaterole, "
                "rolsuper OR rolreplication OR rolbypassrls "
                "FROM pg_roles WHERE rolname = ANY(:n)"
            ),
            {"n": all_groups(dbname)},
        )
    }
    for g in all_groups(dbname):
        if g not in existing:
            _run(conn, f"CREATE ROLE {q(g)} NOLOGIN")
            report.created_groups.append(g)
            continue
        can_login, createdb, createrole, mighty = existing[g]
        if mighty:  # only a superuser can make it so, and only a superuser can undo it
            raise ValueError(f"{g} is a superuser, replication or BYPASSRLS role: fix by hand")
        if can_login or createdb or createrole:
            # Repair: a group never logs in and holds no power beyond its grants.
            _run(conn, f"ALTER ROLE {q(g)} NOLOGIN NOCREATEDB NOCREATEROLE")


def _revoke(conn: Connection, dbname: str, schema: str) -> None:
    groups = ", ".join(q(g) for g in all_groups(dbname))
    targets = f"{groups}, PUBLIC"
    s = q(schema)
    for sql in (
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM {targets}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {s} FROM {targets}",
        f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {s} FROM {targets}",
        f"REVOKE ALL ON SCHEMA {s} FROM {groups}",
        f"REVOKE CREATE ON SCHEMA {s} FROM PUBLIC",
        # No temporary tables either: a desk creates nothing at all.
        f"REVOKE TEMPORARY ON DATABASE {q(dbname)} FROM {targets}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} REVOKE ALL ON TABLES FROM {targets}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} REVOKE ALL ON SEQUENCES FROM {targets}",
    ):
        _run(conn, sql)


def _columns(conn: Connection, schema: str, table: str) -> list[str]:
    return list(
        conn.scalars(
            text(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = :s AND table_name = :t ORDER BY ordinal_position"
            ),
            {"s": schema, "t": table},
        )
    )


def _grant_reads(conn: Connection, dbname: str, schema: str) -> None:
    desk, s = q(desk_group(dbname)), q(schema)
    statements = [
        f"GRANT USAGE ON SCHEMA {s} TO {desk}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {s} TO {desk}",
    ]
    for table, hidden in UNREADABLE.items():
        readable = [c for c in _columns(conn, schema, table) if c not in hidden]
        statements += [
            f"REVOKE SELECT ON {s}.{q(table)} FROM {desk}",
            f"GRANT SELECT ({', '.join(q(c) for c in readable)}) ON {s}.{q(table)} TO {desk}",
        ]
    for sql in (
        *statements,
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {desk}",
        # Tables a later migration adds are readable at once; writes need `db grant`.
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT SELECT ON TABLES TO {desk}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT USAGE, SELECT ON SEQUENCES TO {desk}",
    ):
        _run(conn, sql)


def _grant_writes(
    conn: Connection, dbname: str, schema: str, tables: set[str], report: GrantReport
) -> None:
    plan: list[tuple[str, dict[str, TableRights]]] = [(desk_group(dbname), desk_writes())]
    plan += [(group_role(dbname, r), role_writes(r)) for r in Role]
    for group, rights in plan:
        for table, r in sorted(rights.items()):
            if table in HISTORY_TABLES and (r.update_all or r.update_columns or r.delete):
                raise AssertionError(f"the matrix lets {group} rewrite {table}")
            if table not in tables:
                if table not in report.missing_tables:
                    report.missing_tables.append(table)
                continue
            if r.update_columns:
                # Only columns that exist (an older schema lacks some).
                r = TableRights(r.insert, r.delete, r.update_all, set(r.update_columns))
                r.update_columns &= set(_columns(conn, schema, table))
            privileges = r.privileges()
            if privileges:
                _run(
                    conn,
                    f"GRANT {', '.join(privileges)} ON {q(schema)}.{q(table)} TO {q(group)}",
                )


def _users_row_security(conn: Connection, dbname: str, schema: str) -> None:
    """A desk updates (and locks) only its own users row; a manager every row. The
    owner is not subject to row security, so migrations and the CLI as owner are not."""
    users = f"{q(schema)}.users"
    desk, manager = q(desk_group(dbname)), q(group_role(dbname, Role.MANAGER))
    own = "username = session_user::text"
    for sql in (
        f"ALTER TABLE {users} ENABLE ROW LEVEL SECURITY",
        f"DROP POLICY IF EXISTS desk_read ON {users}",
        f"DROP POLICY IF EXISTS desk_own_row ON {users}",
        f"DROP POLICY IF EXISTS desk_manager ON {users}",
        f"CREATE POLICY desk_read ON {users} FOR SELECT TO {desk} USING (true)",
        f"CREATE POLICY desk_own_row ON {users} FOR UPDATE TO {desk} "
        f"USING ({own}) WITH CHECK ({own})",
        f"CREATE POLICY desk_manager ON {users} FOR ALL TO {manager} "
        "USING (true) WITH CHECK (true)",
    ):
        _run(conn, sql)


def _admin_functions(conn: Connection, dbname: str, schema: str) -> None:
    a = q(ADMIN_SCHEMA)
    desk = desk_group(dbname)
    groups = {r.value: group_role(dbname, r) for r in Role}
    all_names = "ARRAY[" + ", ".join(lit(g) for g in all_groups(dbname)) + "]::text[]"
    role_values = "ARRAY[" + ", ".join(lit(v) for v in groups) + "]::text[]"
    fixed = "SET search_path = pg_catalog, pg_temp"
    _run(conn, f"CREATE SCHEMA IF NOT EXISTS {a}")
    _run(conn, f"REVOKE ALL ON SCHEMA {a} FROM PUBLIC")
    _run(conn, f"REVOKE CREATE ON SCHEMA {a} FROM {', '.join(q(g) for g in all_groups(dbname))}")
    _run(conn, f"GRANT USAGE ON SCHEMA {a} TO {q(desk)}")
    _run(
        conn,
        f"""
CREATE OR REPLACE FUNCTION {a}.is_desk_login(p_name text) RETURNS boolean
LANGUAGE sql STABLE {fixed} AS $fn$
  SELECT EXISTS (
    SELECT 1 FROM pg_auth_members m
    JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
    WHERE g.rolname = {lit(desk)} AND u.rolname = p_name)
$fn$""",
    )
    # The one check every function makes: the name is free (when creating) or is a
    # desk login of this database and nothing more (no attributes, no other groups).
    _run(
        conn,
        f"""
CREATE OR REPLACE FUNCTION {a}.desk_login_target(p_name text, p_may_create boolean)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER {fixed} AS $fn$
DECLARE
  r record;
  foreign_groups integer;
BEGIN
  IF p_name IS NULL OR length(p_name) = 0 OR length(p_name) > 40
     OR p_name LIKE 'pg\\_%' OR p_name LIKE 'desk\\_%\\_\\_%' THEN
    RAISE EXCEPTION 'desk_admin: "%" cannot be the name of a desk login', p_name
      USING ERRCODE = '42501';
  END IF;
  SELECT oid, rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls
    INTO r FROM pg_roles WHERE rolname = p_name;
  IF NOT FOUND THEN
    IF p_may_create THEN
      RETURN false;
    END IF;
    RAISE EXCEPTION 'desk_admin: no desk login "%"', p_name USING ERRCODE = '42704';
  END IF;
  SELECT count(*) INTO foreign_groups FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
    WHERE m.member = r.oid AND g.rolname <> ALL ({all_names});
  IF NOT {a}.is_desk_login(p_name) OR foreign_groups > 0 OR r.rolsuper OR r.rolcreaterole
     OR r.rolcreatedb OR r.rolreplication OR r.rolbypassrls THEN
    RAISE EXCEPTION 'desk_admin: "%" is not a desk login of this database', p_name
      USING ERRCODE = '42501';
  END IF;
  RETURN true;
END
$fn$""",
    )
    grant_lines = "\n".join(
        f"""  IF {lit(value)} = ANY(p_roles) THEN
    IF NOT pg_has_role(p_name, {lit(g)}, 'MEMBER') THEN
      EXECUTE format('GRANT %I TO %I', {lit(g)}, p_name);
    END IF;
  ELSIF EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles gr ON gr.oid = m.roleid
                JOIN pg_roles u ON u.oid = m.member
                WHERE gr.rolname = {lit(g)} AND u.rolname = p_name) THEN
    EXECUTE format('REVOKE %I FROM %I', {lit(g)}, p_name);
  END IF;"""
        for value, g in groups.items()
    )
    _run(
        conn,
        f"""
CREATE OR REPLACE FUNCTION {a}.set_roles(p_name text, p_roles text[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER {fixed} AS $fn$
DECLARE
  x text;
BEGIN
  PERFORM {a}.desk_login_target(p_name, false);
  FOREACH x IN ARRAY coalesce(p_roles, ARRAY[]::text[]) LOOP
    IF x IS NULL OR x <> ALL ({role_values}) THEN
      RAISE EXCEPTION 'desk_admin: no such role "%"', x USING ERRCODE = '22023';
    END IF;
  END LOOP;
{grant_lines}
END
$fn$""",
    )
    _run(
        conn,
        f"""
CREATE OR REPLACE FUNCTION {a}.create_login(p_name text, p_password text, p_roles text[])
RETURNS void LANGUAGE plpgsql SECURITY DEFINER {fixed} AS $fn$
BEGIN
  IF {a}.desk_login_target(p_name, true) THEN
    EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', p_name, p_password);
  ELSE
    EXECUTE format('CREATE ROLE %I LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE '
                   'NOREPLICATION NOBYPASSRLS PASSWORD %L', p_name, p_password);
    EXECUTE format('GRANT %I TO %I', {lit(desk)}, p_name);
  END IF;
  PERFORM {a}.set_roles(p_name, p_roles);
END
$fn$""",
    )
    _run(
        conn,
        f"""
CREATE OR REPLACE FUNCTION {a}.set_password(p_name text, p_password text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER {fixed} AS $fn$
BEGIN
  PERFORM {a}.desk_login_target(p_name, false);
  EXECUTE format('ALTER ROLE %I PASSWORD %L', p_name, p_password);
END
$fn$""",
    )
    _run(
        conn,
        f"""
CREATE OR REPLACE FUNCTION {a}.set_active(p_name text, p_active boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER {fixed} AS $fn$
BEGIN
  PERFORM {a}.desk_login_target(p_name, false);
  IF p_active THEN
    EXECUTE format('ALTER ROLE %I LOGIN', p_name);
  ELSE
    EXECUTE format('ALTER ROLE %I NOLOGIN', p_name);
  END IF;
END
$fn$""",
    )
    manager = q(groups[Role.MANAGER.value])
    _run(conn, f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {a} FROM PUBLIC")
    _run(conn, f"GRANT EXECUTE ON FUNCTION {a}.is_desk_login(text) TO {q(desk)}")
    for signature in (
        "create_login(text, text, text[])",
        "set_password(text, text)",
        "set_roles(text, text[])",
        "set_active(text, boolean)",
    ):
        _run(conn, f"GRANT EXECUTE ON FUNCTION {a}.{signature} TO {manager}")


def _actor_trigger(conn: Connection, dbname: str, schema: str, tables: set[str]) -> None:
    a = q(ADMIN_SCHEMA)
    _run(
        conn,
        f"""
CREATE OR REPLACE FUNCTION {a}.actor_from_session() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  uid integer;
BEGIN
  IF {a}.is_desk_login(session_user::text) THEN
    SELECT id INTO uid FROM {q(schema)}.users WHERE username = session_user::text;
    IF uid IS NULL THEN
      RAISE EXCEPTION 'desk_admin: login "%" is no user of the desk', session_user
        USING ERRCODE = '42501';
    END IF;
    NEW.user_id := uid;
  END IF;
  RETURN NEW;
END
$fn$""",
    )
    _run(conn, f"REVOKE ALL ON FUNCTION {a}.actor_from_session() FROM PUBLIC")
    for table in ("audit_log", "change_log"):
        if table not in tables:
            continue
        t = f"{q(schema)}.{q(table)}"
        _run(conn, f"DROP TRIGGER IF EXISTS desk_actor_from_session ON {t}")
        _run(
            conn,
            f"CREATE TRIGGER desk_actor_from_session BEFORE INSERT ON {t} "
            f"FOR EACH ROW EXECUTE FUNCTION {a}.actor_from_session()",
        )


def _install_gate(conn: Connection, dbname: str) -> bool:
    """The sign-in gate (``desk_app.db.gate``, built separately), if present."""
    if importlib.util.find_spec("desk_app.db.gate") is None:
        return False
    gate = importlib.import_module("desk_app.db.gate")
    gate.install_gate(conn, dbname)
    return True


def remove(conn: Connection) -> None:
    """Undo ``apply`` in this database (the tests' clean-up; also what an administrator
    runs to go back to one shared login): drops the trigger, row security, the
    ``desk_admin`` schema, every login that is a desk login of this database, and the
    group roles (cluster-wide: whatever another database granted them must be revoked
    there first)."""
    dbname = conn.scalar(text("SELECT current_database()"))
    schema = conn.scalar(text("SELECT current_schema()"))
    assert isinstance(dbname, str) and isinstance(schema, str)
    groups = [*all_groups(dbname), gate_role(dbname)]
    logins = list(
        conn.scalars(
            text(
                "SELECT DISTINCT u.rolname FROM pg_auth_members m "
                "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
                "WHERE g.rolname = :d"
            ),
            {"d": desk_group(dbname)},
        )
    )
    for table in ("audit_log", "change_log"):
        _run(conn, f"DROP TRIGGER IF EXISTS desk_actor_from_session ON {q(schema)}.{q(table)}")
    _run(conn, f"ALTER TABLE {q(schema)}.users DISABLE ROW LEVEL SECURITY")
    for policy in ("desk_read", "desk_own_row", "desk_manager"):
        _run(conn, f"DROP POLICY IF EXISTS {policy} ON {q(schema)}.users")
    _run(conn, f"DROP SCHEMA IF EXISTS {q(ADMIN_SCHEMA)} CASCADE")
    _run(conn, f"GRANT TEMPORARY ON DATABASE {q(dbname)} TO PUBLIC")
    existing = set(
        conn.scalars(
            text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:n)"),
            {"n": [*logins, *groups]},
        )
    )
    # The owner may not DROP OWNED BY roles it is not a member of: revoke what the
    # groups hold here instead (logins hold nothing but memberships).
    held = ", ".join(q(g) for g in groups if g in existing)
    if held:
        s = q(schema)
        for sql in (
            f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM {held}",
            f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {s} FROM {held}",
            f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {s} FROM {held}",
            f"REVOKE ALL ON SCHEMA {s} FROM {held}",
            f"REVOKE ALL ON DATABASE {q(dbname)} FROM {held}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} REVOKE ALL ON TABLES FROM {held}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} REVOKE ALL ON SEQUENCES FROM {held}",
        ):
            _run(conn, sql)
    for role in [*logins, *groups]:
        if role in existing:
            _run(conn, f"DROP ROLE {q(role)}")
