"""The one session factory and transaction runner every service goes through.

``Database.write(fn)`` runs ``fn(session)`` in one transaction: all of it or
none. It returns only after COMMIT returned, and retries the whole function a
bounded number of times when the database says the transaction lost a race
(serialization failure, deadlock, lock timeout, SQLite busy). ``fn`` must
therefore be safe to run again: do no I/O besides the session inside it.
After the commit it publishes the change-log rows the transaction wrote (what
kind of record, which ids) to the active ``changes.recording()``;
``write_with_changes`` hands them back with the result. ``check_actor`` re-reads
the acting user inside the write (called by ``audit.record``).

Thread safety: a Database may be shared between threads; every call opens its
own session and connection from the pool.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

from sqlalchemy import Engine, exc, select, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from desk_app.db import history
from desk_app.db.engine import WRITE_OPTION, make_engine
from desk_app.db.models import User, UserRole
from desk_app.domain.enums import Role
from desk_app.domain.errors import DatabaseUnavailable, DeskError, PermissionDenied
from desk_app.domain.permissions import perms_of
from desk_app.services.core import changes
from desk_app.services.core.changes import Change

log = logging.getLogger(__name__)

T = TypeVar("T")

WRITE_ATTEMPTS = 4
READ_ATTEMPTS = 3

# SQLSTATEs after which running the transaction again is the right answer.
_RETRY_SQLSTATES = {"40001", "40P01", "55P03"}


@dataclass(frozen=True)
class Actor:
    """The signed-in user on whose behalf a service acts.

    ``role`` is the user's main role (shown beside the name); ``roles`` every role the
    user holds, the main one included, and what permissions are checked against.
    """

    user_id: int
    username: str
    display_name: str
    role: Role
    roles: frozenset[Role] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, "roles", frozenset(self.roles) | {self.role})


_CHECKED = "desk_actors_checked"


def check_actor(session: Session, actor: Actor) -> None:
    """Refuse the write unless ``actor`` is, in the database, still an active user whose
    stored role carries every permission of the role the Actor claims.

    The services check permissions against ``actor.roles``, read at sign-in (or
    built by the client); this re-reads the user row inside the write transaction, so a
    user deactivated or demoted since, or an Actor claiming a role its user does not
    have, is refused at the next write and the transaction writes nothing. Called by
    ``audit.record``, the one call every write makes for its actor; one indexed SELECT
    per transaction (remembered in the session).

    On PostgreSQL the row is read FOR SHARE (not KEY SHARE: deactivating is a plain
    UPDATE of a non-key column, which only FOR SHARE conflicts with): a deactivation
    running at the same moment waits for this write to commit, or this write waits for
    the deactivation and then sees it. Never a write committed after the deactivation.
    On SQLite the write already holds the database's write lock.
    On a desk's own database login (``desk-app db grant``) row security lets a
    non-manager read every user but lock only its own row, so an Actor naming another
    user finds no row and is refused as deactivated.
    """
    checked: set[int] = session.info.setdefault(_CHECKED, set())
    if actor.user_id in checked:
        return
    query = (
        select(User.active, User.role, UserRole.role)
        .outerjoin(UserRole, UserRole.user_id == User.id)
        .where(User.id == actor.user_id)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(read=True, of=User)
    rows = session.execute(query).all()
    if not rows or not rows[0][0]:
        raise PermissionDenied(actor.username, "write", code="user.deactivated")
    stored = {rows[0][1], *(extra for _, _, extra in rows if extra is not None)}
    if not perms_of(actor.roles) <= perms_of(stored):
        raise PermissionDenied(actor.username, "write", code="user.role_changed")
    checked.add(actor.user_id)


class Database:
    def __init__(
        self,
        url: str,
        *,
        engine: Engine | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.url = url
        self.engine = engine if engine is not None else make_engine(url)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )
        self._clock = clock or (lambda: datetime.now(UTC))

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def is_embedded(self) -> bool:
        return self.dialect == "sqlite"

    def now(self) -> datetime:
        """The current time (aware, UTC); tests pass a fixed clock to the constructor."""
        return self._clock()

    def set_clock(self, clock: Callable[[], datetime]) -> None:
        self._clock = clock

    def write(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn`` in a write transaction, retrying lost races; return after commit."""
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            session = self._write()
            committing = False
            try:
                with session.begin():
                    result = fn(session)
                    session.flush()
                    committing = True
                changes.publish(session)
                return result
            except StaleDataError:
                # Another desk updated the row between our read and our write. Run
                # again: the function re-reads, and either applies cleanly to the
                # new state or raises a ConflictError naming who saved when.
                if attempt < WRITE_ATTEMPTS:
                    continue
                raise
            except exc.DBAPIError as error:
                if history.is_history_refusal(error.orig):
                    # A bug or a hand-made statement tried to rewrite history: the
                    # migration 0005 triggers refused it; nothing was saved.
                    raise DeskError("history.append_only") from error
                if _is_transient(error) and attempt < WRITE_ATTEMPTS:
                    log.info("retrying write after %s (attempt %d)", _sqlstate(error), attempt)
                    time.sleep(0.05 * attempt)
                    continue
                if error.connection_invalidated or isinstance(error, exc.OperationalError):
                    if committing:
                        raise DatabaseUnavailable("database.lost_while_saving") from error
                    raise DatabaseUnavailable("database.unreachable_nothing_saved") from error
                raise
            finally:
                changes.discard(session)  # a failed attempt's rows were rolled back
                session.close()
        raise AssertionError("unreachable")

    def write_with_changes(self, fn: Callable[[Session], T]) -> tuple[T, list[Change]]:
        """``write``, and the changes it committed (kind of record, id, change-log id)."""
        with changes.recording() as recorder:
            result = self.write(fn)
        return result, recorder.changes

    def read(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn`` in a read-only transaction; retried if the connection dropped."""
        for attempt in range(1, READ_ATTEMPTS + 1):
            session = self._read()
            try:
                with session.begin():
                    return fn(session)
            except exc.DBAPIError as error:
                if (error.connection_invalidated or _is_transient(error)) and (
                    attempt < READ_ATTEMPTS
                ):
                    time.sleep(0.1 * attempt)
                    continue
                if isinstance(error, exc.OperationalError) or error.connection_invalidated:
                    raise DatabaseUnavailable("database.unreachable") from error
                raise
            finally:
                session.close()
        raise AssertionError("unreachable")

    def ping(self) -> bool:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return True
        except exc.DBAPIError:
            return False

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlstate(error: exc.DBAPIError) -> str | None:
    return getattr(error.orig, "sqlstate", None)


def _is_transient(error: exc.DBAPIError) -> bool:
    if _sqlstate(error) in _RETRY_SQLSTATES:
        return True
    message = str(error.orig).lower()
    if "database is locked" in message or "database is busy" in message:
        return True
    # A concurrent double submit of the same request: the retry finds the key.
    return isinstance(error, exc.IntegrityError) and "idempotency_keys" in message
