"""Signing in as one's own PostgreSQL login: the database server checks the password.

The "database as authentication provider" way (LedgerSMB's ADR): every desk user is a
login role of the same name (``desk_app.services.admin.logins``), a member of the group
roles of their application roles, and the desk connects as that login with the password
the user typed. PostgreSQL verifies it; every privilege the server refuses is then
refused to that user whatever the desk program does, and every row is written under
an identity the server verified.

``ServerSignIn`` has the three methods of the application's own ``SignIn``
(``services/admin/sign_in``), so the screens do not know which one they hold:

- ``sign_in(name, password) -> Actor``: asks the gate (``db/gate``) whether the name is
  locked; connects as the name; ``desk_admin.session_begin(pc)`` then refuses a locked
  name or one with no active user, clears the failure count and audits the sign-in.
  A wrong password, an unknown name, a NOLOGIN role, a deactivated user: all the same
  ``user.sign_in_failed``, each counted through the gate (the last allowed one gives
  ``user.locked``). A server that does not answer is ``DatabaseUnavailable``.
- ``database``: after sign-in, the ``Database`` connected as that user, which the desk
  uses for everything; ``sign_out`` audits the sign-out and closes it.
- ``verify(actor, password)``: the idle lock lifted by the same check, on a fresh
  connection; the desk's ``database`` stays as it was.

Thread safety: one desk signs in one user at a time; call from one worker at a time.
"""

from __future__ import annotations

import logging
import socket
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Engine, exc, text
from sqlalchemy.engine import make_url

from desk_app.config import AppConfig
from desk_app.db import migrate
from desk_app.db.engine import make_engine
from desk_app.db.gate import LOCKED_SQLSTATE, NO_DESK_USER_SQLSTATE
from desk_app.domain.enums import Role
from desk_app.domain.errors import DatabaseUnavailable, DeskError, ValidationError
from desk_app.services.admin.settings import DEFAULT_TIMEZONE
from desk_app.services.core.database import Actor, Database

log = logging.getLogger(__name__)

# A connection attempt that reached no server within this many seconds: unreachable.
PROBE_TIMEOUT = 3.0


def pc_name() -> str:
    """This PC's name, written beside every sign-in, failure and sign-out."""
    return socket.gethostname()[:60]


def _normalized(username: str) -> str:
    return (username or "").strip().lower()


def _sqlstate(error: exc.DBAPIError) -> str | None:
    return getattr(error.orig, "sqlstate", None)


class ServerSignIn:
    """Sign-in where each desk user connects as their own login role (see module doc).

    ``url`` names the server and the database (sslmode included; any user or password in
    it is ignored); ``gate_url`` is the gate's URL with its password.
    """

    def __init__(self, url: str, *, gate_url: str, pc: str | None = None) -> None:
        self.url = url
        self.gate_url = gate_url
        self.pc = pc if pc is not None else pc_name()
        self._gate: Engine | None = None
        self._db: Database | None = None

    # ------------------------------------------------------------ before anybody signs in

    def _gate_engine(self) -> Engine:
        if self._gate is None:
            # No pool: the gate is used for a moment before each sign-in, not held open.
            self._gate = make_engine(self.gate_url, pool=False)
        return self._gate

    def _gate_scalar(self, sql: str, **params: object) -> object:
        try:
            with self._gate_engine().begin() as conn:
                return conn.execute(text(sql), params).scalar()
        except exc.DBAPIError as error:
            refusal = self._gate_error(error)
            if refusal is None:
                raise
            raise refusal from error

    def _gate_error(self, error: exc.DBAPIError) -> DeskError | None:
        """What a failure of the gate means to the desk; None: a bug, raised as it is."""
        state = _sqlstate(error)
        # No such function or schema, or the gate may not call it: db grant has not run.
        if state in {"42883", "3F000", "42501"}:
            return DatabaseUnavailable("database.gate_missing")
        if state == "42P01":  # no alembic_version: nothing migrated yet
            return DatabaseUnavailable("database.schema_missing", head=migrate.head_revision())
        if state is None and isinstance(error, exc.OperationalError):
            if not self._server_answers():
                return DatabaseUnavailable("database.unreachable")
            gate = make_url(self.gate_url)
            if gate.password is None:
                return DatabaseUnavailable("database.password_missing", user=gate.username)
            return DatabaseUnavailable("database.gate_refused", user=gate.username)
        if error.connection_invalidated or isinstance(error, exc.OperationalError):
            return DatabaseUnavailable("database.unreachable")
        return None

    def _server_answers(self) -> bool:
        """Whether something listens at the server's address (a refused login is not an
        unreachable server). A socket-directory URL counts as answering."""
        parsed = make_url(self.url)
        host = parsed.host
        if not host or host.startswith("/"):
            return True
        try:
            with socket.create_connection((host, parsed.port or 5432), timeout=PROBE_TIMEOUT):
                return True
        except OSError:
            return False

    def check(self) -> None:
        """Raise DatabaseUnavailable unless the server answers the gate, the gate's
        functions are installed, and the schema is the one this program needs."""
        current = self._gate_scalar("SELECT version_num FROM alembic_version")
        self._gate_scalar(
            "SELECT desk_admin.gate_lock_state(:n) IS NULL", n=""
        )  # the functions are installed and the gate may call them
        head = migrate.head_revision()
        if current != head:
            if current is None:
                raise DatabaseUnavailable("database.schema_missing", head=head)
            raise DatabaseUnavailable("database.schema_outdated", current=current, head=head)

    def shop_timezone(self) -> ZoneInfo:
        """The shop's time zone, read through the gate (``DEFAULT_TIMEZONE`` until a
        manager sets one, or when this PC does not know the stored name)."""
        name = self._gate_scalar("SELECT desk_admin.gate_shop_timezone()")
        try:
            return ZoneInfo(str(name or DEFAULT_TIMEZONE))
        except (ZoneInfoNotFoundError, ValueError):
            return ZoneInfo(DEFAULT_TIMEZONE)

    def locked_until(
        self, username: str, *, trying: bool = False, unlocking: bool = False
    ) -> datetime | None:
        """Until when the typed name is locked, or None. ``trying``: this is a try of the
        name (sign-in, or the idle lock's ``unlocking``), audited if refused."""
        until = self._gate_scalar(
            "SELECT desk_admin.gate_lock_state(:n, :pc, :u)",
            n=_normalized(username),
            pc=self.pc if trying else None,
            u=unlocking,
        )
        return until if isinstance(until, datetime) else None

    def _refused(self, name: str, *, unlocking: bool = False) -> DeskError:
        """Count the failure through the gate: ``user.locked`` if this one locked the name."""
        until = self._gate_scalar(
            "SELECT desk_admin.gate_record_failure(:n, :pc, :u)", n=name, pc=self.pc, u=unlocking
        )
        if isinstance(until, datetime):
            return DeskError("user.locked", until=until)
        return ValidationError("password", "user.sign_in_failed")

    # ------------------------------------------------------------ the user's own login

    def _user_url(self, name: str, password: str) -> str:
        return (
            make_url(self.url)
            .set(username=name, password=password)
            .render_as_string(hide_password=False)
        )

    def _begin(self, engine: Engine, name: str, *, resume: bool) -> Actor:
        """Connect as ``name`` and run ``session_begin``; refusals as DeskErrors."""
        try:
            with engine.begin() as conn:
                row = conn.execute(
                    text(
                        "SELECT o_user_id, o_display_name, o_role, o_roles "
                        "FROM desk_admin.session_begin(:pc, :resume)"
                    ),
                    {"pc": self.pc, "resume": resume},
                ).one()
        except exc.DBAPIError as error:
            state = _sqlstate(error)
            if state == LOCKED_SQLSTATE:
                until = self.locked_until(name)
                if until is not None:
                    raise DeskError("user.locked", until=until) from error
                raise self._refused(name, unlocking=resume) from error  # ran out meanwhile
            if state == NO_DESK_USER_SQLSTATE:
                raise self._refused(name, unlocking=resume) from error
            if state is None and isinstance(error, exc.OperationalError):
                # Not connected: the server refused the login (wrong password, no such
                # role, NOLOGIN, not allowed from here) or did not answer at all.
                if not self._server_answers():
                    raise DatabaseUnavailable("database.unreachable") from error
                raise self._refused(name, unlocking=resume) from error
            if state == "42501":  # a login that is no desk user (not in the desk group)
                raise self._refused(name, unlocking=resume) from error
            raise
        user_id, display_name, role, roles = row
        return Actor(
            int(user_id), name, str(display_name), Role(role), frozenset(Role(r) for r in roles)
        )

    def sign_in(self, username: str, password: str) -> Actor:
        """The signed-in Actor; afterwards ``database`` is connected as that user."""
        name = _normalized(username)
        until = self.locked_until(name, trying=True)
        if until is not None:
            raise DeskError("user.locked", until=until)
        if not name or not password:
            # Never try an empty password: under ``trust`` it would let anybody in.
            raise self._refused(name)
        db = Database(self._user_url(name, password))
        try:
            actor = self._begin(db.engine, name, resume=False)
        except BaseException:
            db.dispose()
            raise
        self.sign_out_quietly()
        self._db = db
        return actor

    @property
    def database(self) -> Database:
        """The signed-in user's own Database (connected as their login role)."""
        if self._db is None:
            raise RuntimeError("nobody is signed in")
        return self._db

    def verify(self, actor: Actor, password: str) -> None:
        """The idle lock: refuse unless ``password`` is ``actor``'s, checked by the server
        on a fresh connection and counted like a sign-in."""
        name = actor.username
        until = self.locked_until(name, trying=True, unlocking=True)
        if until is not None:
            raise DeskError("user.locked", until=until)
        if not password:
            raise self._refused(name, unlocking=True)
        engine = make_engine(self._user_url(name, password), pool=False)
        try:
            again = self._begin(engine, name, resume=True)
        finally:
            engine.dispose()
        if again.user_id != actor.user_id:  # the name was given to another account since
            raise self._refused(name, unlocking=True)

    def sign_out(self, actor: Actor) -> None:
        """Audit the sign-out (as the user) and close the user's connections."""
        db, self._db = self._db, None
        if db is None:
            return
        try:
            with db.engine.begin() as conn:
                conn.execute(text("SELECT desk_admin.session_end(:pc)"), {"pc": self.pc})
        except exc.DBAPIError as error:  # gone server: nothing to close but the pool
            log.warning("sign-out of %s not audited: %s", actor.username, error)
        finally:
            db.dispose()

    def sign_out_quietly(self) -> None:
        """Close a previous user's connections without auditing (a new sign-in replaces it)."""
        if self._db is not None:
            self._db.dispose()
            self._db = None

    def close(self) -> None:
        """Close everything: the user's database and the gate."""
        self.sign_out_quietly()
        if self._gate is not None:
            self._gate.dispose()
            self._gate = None


def open_server_sign_in(config: AppConfig) -> ServerSignIn:
    """The sign-in of a desk configured with ``[database] sign_in = "database"``: the
    gate's login from the config (its password from the credential store), checked
    (server, gate functions, schema) before anybody types a name."""
    server = ServerSignIn(config.database_url, gate_url=config.connect_url(user=config.gate_login))
    try:
        server.check()
    except BaseException:
        server.close()
        raise
    return server
