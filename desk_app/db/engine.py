"""Engines for the embedded SQLite file and the shared PostgreSQL server.

Both engines give the services the same guarantees:
- SQLite ignores row locks, so a write transaction takes the database write
  lock up front (``BEGIN IMMEDIATE``); two desks on one file then serialize
  instead of failing half-way. WAL lets readers go on meanwhile.
- PostgreSQL connections are checked before use (a restarted server costs one
  reconnect, not an error), and lock / idle-in-transaction timeouts plus TCP
  keepalives make sure a crashed PC holding a lock blocks others for seconds only.
- Input no column can hold (a NUL character, a lone surrogate, an integer beyond
  the column's range) is refused as a ``ValidationError`` that writes nothing:
  before a flush writes it, or when a statement fails on it; never a raw driver
  error or "the database could not be reached". The services refuse such input at
  their edges first (``domain.validation``); this is the net under all of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from desk_app.domain.errors import ValidationError

WRITE_OPTION = "desk_write"

# Seconds. A lock held longer than LOCK_TIMEOUT by another desk is an error
# (retried by the services), not an endless wait.
LOCK_TIMEOUT = 3.0
# A desk that stops mid-transaction (crashed, frozen, unplugged) loses its
# transaction and its locks after this many idle seconds.
IDLE_IN_TRANSACTION_TIMEOUT = 10.0
STATEMENT_TIMEOUT = 60
SQLITE_BUSY_TIMEOUT_MS = 15000


def make_engine(
    url: str,
    *,
    pool: bool = True,
    lock_timeout: float = LOCK_TIMEOUT,
    idle_timeout: float = IDLE_IN_TRANSACTION_TIMEOUT,
    **kwargs: Any,
) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = _sqlite_engine(url, **kwargs)
    elif parsed.get_backend_name() == "postgresql":
        engine = _postgres_engine(
            url, pool=pool, lock_timeout=lock_timeout, idle_timeout=idle_timeout, **kwargs
        )
    else:
        raise ValueError(f"unsupported database: {parsed.get_backend_name()}")
    event.listen(engine, "handle_error", refused_input)
    return engine


# SQLSTATE numeric_value_out_of_range: an integer beyond an ``integer`` column (2**31).
_OUT_OF_RANGE = "22003"
# untranslatable_character (``\\u0000`` in jsonb), character_not_in_repertoire.
_UNSTORABLE_CHARACTER = {"22P05", "22021"}


def refused_input(context: ExceptionContext) -> ValidationError | None:
    """The refusal a statement's failure stands for when its input cannot be stored.

    SQLite: an integer beyond 64 bits is an ``OverflowError``; PostgreSQL: beyond
    the column, SQLSTATE 22003. A lone surrogate cannot be encoded for either
    driver; a NUL is refused by psycopg (and by jsonb) and breaks SQLite's
    full-text queries. Anything else is left to the caller (None).
    """
    error = context.original_exception
    sqlstate = getattr(error, "sqlstate", None)
    if isinstance(error, OverflowError) or sqlstate == _OUT_OF_RANGE:
        return ValidationError("input", "field.number_out_of_range")
    if (
        isinstance(error, UnicodeEncodeError)
        or sqlstate in _UNSTORABLE_CHARACTER
        or unstorable(context.parameters)
    ):
        return ValidationError("input", "field.control_characters")
    return None


def unstorable(value: object) -> bool:
    """Whether ``value`` (text, or lists and mappings of it) holds a NUL or a lone surrogate."""
    if isinstance(value, str):
        return "\x00" in value or any("\ud800" <= ch <= "\udfff" for ch in value)
    if isinstance(value, dict):
        return any(unstorable(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(unstorable(v) for v in value)
    return False


@event.listens_for(Session, "before_flush")
def _refuse_unstorable_values(session: Session, _context: Any, _instances: Any) -> None:
    """A NUL or a lone surrogate about to be written to any column (JSON lists of
    skills included, which SQLite would store escaped) is refused, naming the column."""
    for obj in (*session.new, *session.dirty):
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            if attr.key not in state.dict:
                continue
            if obj not in session.new and not state.attrs[attr.key].history.has_changes():
                continue
            if unstorable(state.dict[attr.key]):
                raise ValidationError(attr.key, "field.control_characters")


def _sqlite_engine(url: str, **kwargs: Any) -> Engine:
    parsed = make_url(url)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
        **kwargs,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below emit BEGIN itself (the pysqlite
        # driver's own implicit transactions cannot take the lock up front).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get(WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine


def _postgres_engine(
    url: str, *, pool: bool, lock_timeout: float, idle_timeout: float, **kwargs: Any
) -> Engine:
    options = " ".join(
        [
            f"-c lock_timeout={int(lock_timeout * 1000)}",
            f"-c idle_in_transaction_session_timeout={int(idle_timeout * 1000)}",
            f"-c statement_timeout={STATEMENT_TIMEOUT * 1000}",
            # Server side: notice a vanished client (crashed PC) within ~30 s.
            "-c tcp_keepalives_idle=15",
            "-c tcp_keepalives_interval=5",
            "-c tcp_keepalives_count=3",
            "-c timezone=UTC",
            # psycopg prepares a statement run five times on a connection, and after
            # five more PostgreSQL may switch it to a generic plan, made without the
            # values: a two-letter name search then scans the whole address trigram
            # index (97 ms instead of 2 ms at a million tickets). Plan for the values
            # each time; planning these statements costs well under a millisecond.
            "-c plan_cache_mode=force_custom_plan",
        ]
    )
    connect_args = {
        "connect_timeout": 5,
        "application_name": "desk-app",
        "options": options,
        "keepalives": 1,
        "keepalives_idle": 15,
        "keepalives_interval": 5,
        "keepalives_count": 3,
    }
    extra: dict[str, Any] = {"pool_pre_ping": True, "pool_recycle": 1800}
    if not pool:
        extra = {"poolclass": NullPool}
    return create_engine(url, connect_args=connect_args, **extra, **kwargs)
