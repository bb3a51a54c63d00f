"""The sign-in gate on PostgreSQL: what a desk may ask before anybody has signed in.

When the desks sign in as their users' own login roles (the server checks the
password, see ``services/core/logins_pg``), a desk still needs, before a user is signed
in, to know that the server answers, that the schema is the one it was built for, and
whether the typed name is locked after too many wrong passwords; and a wrong password
must be counted somewhere the desk cannot forget or skip. The gate is a LOGIN role
``desk_{dbname}__gate`` whose only rights are:

- ``SELECT`` on ``alembic_version`` (the schema check);
- ``EXECUTE`` on the ``desk_admin.gate_*`` functions, ``SECURITY DEFINER`` functions
  owned by the table owner:
  ``gate_lock_state(name, pc)``: until when the name is locked, or NULL (a refused
  try is audited with the PC's name);
  ``gate_record_failure(name, pc)``: counts the failure in ``sign_in_guard``, audits
  it with the PC's name, and locks the name for ``sign_in.lock_minutes`` once
  ``sign_in.max_failures`` failures are in a row (both read from the settings table
  here, in SQL, with the defaults of ``settings.SignInPolicy``);
  ``gate_shop_timezone()``: the shop's zone, so that "locked until" is written in the
  shop's time.

Every desk login (member of ``desk_{dbname}__desk``) may call
``desk_admin.session_begin(pc)``: it refuses a locked name (SQLSTATE ``DK001``) or a
name with no active user row (``DK002``) even though the server accepted the password,
clears the failure count and audits the sign-in as ``session_user`` (the identity the
server verified, never a value the client sends); ``session_end(pc)`` audits the
sign-out.

What the gate cannot do: a program that talks to the server directly, not through the
desk, guesses passwords without the desk's counter. PostgreSQL itself has no lockout;
the administrator limits who may try (``pg_hba.conf`` lines for the shop's network
only, ``hostssl``) and slows each failure (``auth_delay.milliseconds`` in
``shared_preload_libraries = 'auth_delay'``). See docs/database-logins.md.

``install_gate(conn, dbname)`` creates or repairs all of it, idempotently; it runs as
the table owner (with CREATEROLE), from ``desk-app db grant``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text

# The one spelling of the settings keys and the policy's defaults. (db importing from
# services is against the grain, but the keys and defaults must not be spelled twice.)
from desk_app.db.roles import desk_group as desk_group  # the names, spelled once in roles
from desk_app.db.roles import gate_role as gate_role
from desk_app.services.admin.settings import Key, SignInPolicy

SCHEMA = "desk_admin"

# SQLSTATEs raised by session_begin (class "DK": not used by PostgreSQL).
LOCKED_SQLSTATE = "DK001"
NO_DESK_USER_SQLSTATE = "DK002"

# Audit actions written by the functions: the same as the application's own sign-in
# (services/admin/sign_in.py), so the trail reads alike whichever checked the password.
# Entity ("user", id) of the account the name belongs to, ("user", 0) for a name no user
# has; failures have no acting user (user_id NULL); details: username, pc, and for a
# failure the reason (unknown, password, inactive) and the count.
ACTION_SIGNED_IN = "user.sign_in"
ACTION_FAILED = "user.sign_in_failed"
ACTION_REFUSED = "user.sign_in_refused"  # a try of a locked name, not even checked
ACTION_UNLOCK_REFUSED = "user.unlock_refused"
ACTION_LOCKED = "user.locked"
ACTION_UNLOCKED = "user.unlock"  # the idle lock lifted with the password
ACTION_UNLOCK_FAILED = "user.unlock_failed"
ACTION_SIGNED_OUT = "user.sign_out"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _policy_sql(schema: str) -> str:
    base = SignInPolicy()

    def whole(key: Key, default: int, low: int, high: int) -> str:
        # The same rule as settings._whole: a JSON whole number within bounds, else default.
        return (
            "coalesce((SELECT v FROM (SELECT CASE WHEN jsonb_typeof(s.value) = 'number' "
            "AND (s.value #>> '{}') ~ '^[0-9]{1,9}$' THEN (s.value #>> '{}')::integer END AS v "
            f"FROM {schema}.settings s WHERE s.key = {_literal(str(key))}) x "
            f"WHERE v BETWEEN {low} AND {high}), {default})"
        )

    return f"""
CREATE OR REPLACE FUNCTION desk_admin.sign_in_policy(
    OUT max_failures integer, OUT lock_minutes integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
  SELECT {whole(Key.SIGN_IN_MAX_FAILURES, base.max_failures, 1, 100)},
         {whole(Key.SIGN_IN_LOCK_MINUTES, base.lock_minutes, 1, 24 * 60)}
$fn$;
"""


def _functions_sql(schema: str) -> str:
    s = schema
    return f"""
CREATE OR REPLACE FUNCTION desk_admin.gate_lock_state(
    p_username text, p_pc text DEFAULT NULL, p_unlocking boolean DEFAULT false)
RETURNS timestamptz
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  v_name text := left(lower(btrim(coalesce(p_username, ''))), 40);
  v_until timestamptz;
  v_user integer;
BEGIN
  SELECT g.locked_until INTO v_until FROM {s}.sign_in_guard g
  WHERE g.username = v_name AND g.locked_until > now();
  IF v_until IS NOT NULL AND p_pc IS NOT NULL THEN  -- a try refused: audited
    SELECT u.id INTO v_user FROM {s}.users u WHERE u.username = v_name;
    INSERT INTO {s}.audit_log (at, user_id, action, entity, entity_id, details)
    VALUES (now(), NULL,
            CASE WHEN p_unlocking THEN '{ACTION_UNLOCK_REFUSED}' ELSE '{ACTION_REFUSED}' END,
            'user', coalesce(v_user, 0)::text,
            jsonb_build_object('username', v_name, 'pc', left(p_pc, 60), 'reason', 'locked',
                               'until', v_until, 'via', 'database'));
  END IF;
  RETURN v_until;
END
$fn$;

CREATE OR REPLACE FUNCTION desk_admin.gate_shop_timezone()
RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
  SELECT CASE WHEN jsonb_typeof(s.value) = 'string' THEN s.value #>> '{{}}' END
  FROM {s}.settings s WHERE s.key = {_literal(str(Key.TIMEZONE))}
$fn$;

CREATE OR REPLACE FUNCTION desk_admin.gate_record_failure(
    p_username text, p_pc text, p_unlocking boolean DEFAULT false)
RETURNS timestamptz
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  v_name text := left(lower(btrim(coalesce(p_username, ''))), 40);
  v_details jsonb;
  v_policy record;
  v_user record;
  v_failures integer;
  v_until timestamptz;
  v_window interval;
BEGIN
  SELECT * INTO v_policy FROM desk_admin.sign_in_policy();
  v_window := make_interval(mins => v_policy.lock_minutes);
  SELECT u.id, u.active INTO v_user FROM {s}.users u WHERE u.username = v_name;
  -- A lock that ran out, or a run of failures older than the lock time, starts again.
  INSERT INTO {s}.sign_in_guard AS g (username, failures, last_failure_at, locked_until)
  VALUES (v_name, 1, now(), NULL)
  ON CONFLICT (username) DO UPDATE SET
    failures = CASE WHEN (g.locked_until IS NOT NULL AND g.locked_until <= now())
                      OR (g.locked_until IS NULL AND g.last_failure_at <= now() - v_window)
                    THEN 1 ELSE g.failures + 1 END,
    last_failure_at = now(),
    locked_until = CASE WHEN g.locked_until <= now() THEN NULL ELSE g.locked_until END
  RETURNING g.failures, g.locked_until INTO v_failures, v_until;
  v_details := jsonb_build_object(
    'username', v_name, 'pc', left(coalesce(p_pc, ''), 60), 'failures', v_failures,
    'via', 'database');
  INSERT INTO {s}.audit_log (at, user_id, action, entity, entity_id, details)
  VALUES (now(), NULL,
          CASE WHEN p_unlocking THEN '{ACTION_UNLOCK_FAILED}' ELSE '{ACTION_FAILED}' END,
          'user', coalesce(v_user.id, 0)::text,
          v_details || jsonb_build_object('reason', CASE WHEN v_user.id IS NULL THEN 'unknown'
                                                   WHEN NOT v_user.active THEN 'inactive'
                                                   ELSE 'password' END));
  IF v_until IS NULL AND v_failures >= v_policy.max_failures THEN
    v_until := now() + v_window;
    UPDATE {s}.sign_in_guard SET locked_until = v_until WHERE username = v_name;
    INSERT INTO {s}.audit_log (at, user_id, action, entity, entity_id, details)
    VALUES (now(), NULL, '{ACTION_LOCKED}', 'user', coalesce(v_user.id, 0)::text,
            v_details || jsonb_build_object('until', v_until));
  END IF;
  RETURN v_until;
END
$fn$;

CREATE OR REPLACE FUNCTION desk_admin.session_begin(p_pc text, p_resume boolean DEFAULT false)
RETURNS TABLE (o_user_id integer, o_display_name text, o_role text, o_roles text[])
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  v_name text := session_user;
  v_until timestamptz;
  v_user record;
BEGIN
  SELECT g.locked_until INTO v_until FROM {s}.sign_in_guard g
  WHERE g.username = v_name AND g.locked_until > now();
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = '{LOCKED_SQLSTATE}', MESSAGE = 'user.locked',
      DETAIL = to_char(v_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
  END IF;
  SELECT u.id, u.display_name, u.role INTO v_user FROM {s}.users u
  WHERE u.username = v_name AND u.active;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = '{NO_DESK_USER_SQLSTATE}', MESSAGE = 'user.sign_in_failed';
  END IF;
  UPDATE {s}.sign_in_guard SET failures = 0, locked_until = NULL WHERE username = v_name;
  INSERT INTO {s}.audit_log (at, user_id, action, entity, entity_id, details)
  VALUES (now(), v_user.id,
          CASE WHEN p_resume THEN '{ACTION_UNLOCKED}' ELSE '{ACTION_SIGNED_IN}' END,
          'user', v_user.id::text,
          jsonb_build_object('username', v_name, 'pc', left(coalesce(p_pc, ''), 60),
                             'via', 'database'));
  RETURN QUERY SELECT v_user.id, v_user.display_name::text, v_user.role::text,
    ARRAY(SELECT r.role::text FROM {s}.user_roles r WHERE r.user_id = v_user.id);
END
$fn$;

CREATE OR REPLACE FUNCTION desk_admin.session_end(p_pc text)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  v_user integer;
BEGIN
  SELECT u.id INTO v_user FROM {s}.users u WHERE u.username = session_user;
  IF FOUND THEN
    INSERT INTO {s}.audit_log (at, user_id, action, entity, entity_id, details)
    VALUES (now(), v_user, '{ACTION_SIGNED_OUT}', 'user', v_user::text,
            jsonb_build_object('username', session_user::text,
                               'pc', left(coalesce(p_pc, ''), 60), 'via', 'database'));
  END IF;
END
$fn$;
"""


_GATE_FUNCTIONS = (
    "desk_admin.gate_lock_state(text, text, boolean)",
    "desk_admin.gate_shop_timezone()",
    "desk_admin.gate_record_failure(text, text, boolean)",
)
_DESK_FUNCTIONS = (
    "desk_admin.session_begin(text, boolean)",
    "desk_admin.session_end(text)",
)
_PRIVATE_FUNCTIONS = ("desk_admin.sign_in_policy()",)


def _ensure_role(conn: Connection, name: str, *, login: bool) -> None:
    """Create the role, or repair what an owner with CREATEROLE (no superuser) may repair:
    PostgreSQL lets only a superuser name SUPERUSER, REPLICATION or BYPASSRLS at all, so
    those are left unnamed (off for a new role) and a role that has one is refused."""
    row = conn.execute(
        text(
            "SELECT rolsuper OR rolreplication OR rolbypassrls, rolcreatedb, rolcreaterole, "
            "rolcanlogin, rolinherit FROM pg_roles WHERE rolname = :n"
        ),
        {"n": name},
    ).one_or_none()
    if row is None:
        conn.exec_driver_sql(
            f"CREATE ROLE {_ident(name)} {'LOGIN NOINHERIT' if login else 'NOLOGIN'}"
        )
        return
    mighty, createdb, createrole, can_login, inherit = row
    if mighty:
        raise RuntimeError(
            f"role {name} is a superuser or may replicate or bypass row security: "
            "drop it, then run db grant again"
        )
    fixes = [
        *(["NOCREATEDB"] if createdb else []),
        *(["NOCREATEROLE"] if createrole else []),
        *([("LOGIN" if login else "NOLOGIN")] if can_login != login else []),
        *(["NOINHERIT"] if login and inherit else []),
    ]
    if fixes:
        conn.exec_driver_sql(f"ALTER ROLE {_ident(name)} {' '.join(fixes)}")


def install_gate(conn: Connection, dbname: str, *, password: str | None = None) -> None:
    """Create or repair the gate role, the ``desk_admin`` sign-in functions and their
    grants in the database ``conn`` is connected to (named ``dbname``).

    Run as the owner of the tables, with CREATEROLE, inside the caller's transaction;
    running it again changes nothing. ``password`` sets the gate's password (sent to
    the server already hashed, so it never appears in a server log); without it the
    gate keeps the one it has. The desk group role is created if it does not exist yet.
    """
    schema = conn.execute(text("SELECT current_schema()")).scalar_one()
    s = _ident(schema)
    gate, desk = gate_role(dbname), desk_group(dbname)
    _ensure_role(conn, gate, login=True)
    _ensure_role(conn, desk, login=False)
    if password is not None:
        set_gate_password(conn, dbname, password)
    conn.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
    conn.exec_driver_sql(_policy_sql(s))
    conn.exec_driver_sql(_functions_sql(s))
    # Functions are executable by PUBLIC unless revoked: nobody but the named roles.
    for fn in (*_GATE_FUNCTIONS, *_DESK_FUNCTIONS, *_PRIVATE_FUNCTIONS):
        conn.exec_driver_sql(f"REVOKE ALL ON FUNCTION {fn} FROM PUBLIC")
    # The gate holds nothing but what is granted below: no memberships, no table.
    for (member_of,) in conn.execute(
        text(
            "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            "JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = :n"
        ),
        {"n": gate},
    ):
        conn.exec_driver_sql(f"REVOKE {_ident(member_of)} FROM {_ident(gate)}")
    conn.exec_driver_sql(f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM {_ident(gate)}")
    conn.exec_driver_sql(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {s} FROM {_ident(gate)}")
    conn.exec_driver_sql(f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {SCHEMA} FROM {_ident(gate)}")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {SCHEMA} TO {_ident(gate)}, {_ident(desk)}")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {s} TO {_ident(gate)}")
    conn.exec_driver_sql(f"GRANT SELECT ON {s}.alembic_version TO {_ident(gate)}")
    for fn in _GATE_FUNCTIONS:
        conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {fn} TO {_ident(gate)}")
    for fn in _DESK_FUNCTIONS:
        conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {fn} TO {_ident(desk)}")


def set_gate_password(conn: Connection, dbname: str, password: str) -> None:
    """Set the gate's password on the server, hashed by the client (SCRAM) first."""
    gate = gate_role(dbname)
    raw: Any = conn.connection.driver_connection
    hashed = raw.pgconn.encrypt_password(password.encode(), gate.encode(), b"scram-sha-256")
    conn.exec_driver_sql(f"ALTER ROLE {_ident(gate)} PASSWORD {_literal(hashed.decode())}")
