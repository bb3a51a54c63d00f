"""Bulk-loading plumbing: batches of plain rows, a background writer, ids, numbers, local time.

Rows are plain tuples in a stated column order, so generating a million tickets
never builds ORM objects. Every batch names every column of its table: COPY
applies no Python-side defaults, so an omitted NOT NULL column would otherwise
fail on PostgreSQL only.

Thread safety: ``BackgroundWriter`` owns the connection from ``start`` until
``close``; the generating thread only builds ``Batch`` objects and hands them
over. Ids and document numbers are decided by the generating thread alone.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Table, case, func, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.types import JSON, TypeEngine

from desk_app.db.base import Base
from desk_app.db.models import NumberSequence
from desk_app.services.core.numbers import PREFIXES

Row = tuple[Any, ...]

# Rows per executemany on SQLite; PostgreSQL streams each table with one COPY.
SQLITE_BATCH = 5000


@dataclass
class Batch:
    """The rows of one transaction, in foreign-key order, plus the counters they used."""

    tables: list[tuple[Table, Sequence[str], Sequence[Row]]] = field(default_factory=list)
    counters: list[dict[str, Any]] = field(default_factory=list)

    def rows(self, model: type[Base], columns: Sequence[str], rows: Sequence[Row]) -> None:
        table = cast(Table, model.__table__)
        missing = set(table.c.keys()) - set(columns)
        if missing:
            raise AssertionError(f"{table.name}: columns not given: {sorted(missing)}")
        if rows:
            self.tables.append((table, columns, rows))


class BackgroundWriter:
    """Writes each batch in its own transaction on a worker thread.

    The caller generates the next batch meanwhile, so the database server and
    Python work at the same time. ``submit`` blocks while one batch is already
    waiting (bounded memory) and re-raises a failure of an earlier batch;
    ``close`` waits for the last commit and re-raises too.
    """

    def __init__(self, conn: Connection, counts: dict[str, int], *, skip_fk_checks: bool) -> None:
        self._conn = conn
        self._counts = counts
        self._skip_fk_checks = skip_fk_checks
        self._queue: queue.Queue[Batch | None] = queue.Queue(maxsize=1)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._work, name="demo-data-writer", daemon=True)
        self._thread.start()

    def submit(self, batch: Batch) -> None:
        self._check()
        self._queue.put(batch)

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()
        self._check()

    def abort(self) -> None:
        """Stop after the batch in progress; used when generation itself failed."""
        if self._error is None:
            self._error = RuntimeError("aborted")
        self._queue.put(None)
        self._thread.join()

    def _check(self) -> None:
        if self._error is not None:
            raise self._error

    def _work(self) -> None:
        while True:
            batch = self._queue.get()
            if batch is None:
                return
            if self._error is not None:
                continue  # drain, so a blocked submit() can return and see the error
            try:
                self._write(batch)
            except BaseException as error:
                self._error = error

    def _write(self, batch: Batch) -> None:
        conn = self._conn
        with transaction(conn, skip_fk_checks=self._skip_fk_checks):
            for table, columns, rows in batch.tables:
                if conn.dialect.name == "postgresql":
                    _copy(conn, table, columns, rows)
                else:
                    _executemany(conn, table, columns, rows)
            _save_counters(conn, batch.counters)
            _reset_sequences(conn, {table.name for table, _c, _r in batch.tables})
        for table, _columns, rows in batch.tables:
            self._counts[table.name] = self._counts.get(table.name, 0) + len(rows)


def _executemany(
    conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[Row]
) -> None:
    """Plain executemany, values converted by the columns' own bind processors.

    The same conversions ``conn.execute(insert(table), dicts)`` applies (UTC
    datetimes, enums, JSON, booleans), without building a dict per row; None is
    SQL NULL everywhere, as on PostgreSQL.
    """
    dialect = conn.dialect
    processors = [table.c[c].type.dialect_impl(dialect).bind_processor(dialect) for c in columns]
    convert = [(i, p) for i, p in enumerate(processors) if p is not None]
    names = ", ".join(f'"{c}"' for c in columns)
    sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    for start in range(0, len(rows), SQLITE_BATCH):
        chunk = []
        for row in rows[start : start + SQLITE_BATCH]:
            values = list(row)
            for i, process in convert:
                if values[i] is not None:  # SQL NULL, also in JSON columns (as COPY writes it)
                    values[i] = process(values[i])
            chunk.append(tuple(values))
        conn.exec_driver_sql(sql, chunk)


def _copy(conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[Row]) -> None:
    """COPY in binary: about five times less client work than text for these rows."""
    from psycopg.types.json import Jsonb

    json_at = [i for i, c in enumerate(columns) if isinstance(table.c[c].type, JSON)]
    names = ", ".join(f'"{c}"' for c in columns)
    driver: Any = conn.connection.driver_connection
    sql = f'COPY "{table.name}" ({names}) FROM STDIN (FORMAT BINARY)'
    with driver.cursor() as cursor, cursor.copy(sql) as cp:
        cp.set_types([_pg_type(table.c[c].type) for c in columns])
        write = cp.write_row
        if not json_at:
            for row in rows:
                write(row)
            return
        for row in rows:
            values = list(row)
            for i in json_at:
                if values[i] is not None:
                    values[i] = Jsonb(values[i])
            write(values)


def _pg_type(column_type: TypeEngine[Any]) -> str:
    """The PostgreSQL type name binary COPY must be told, from the column's type."""
    dialect: Any = postgresql.dialect()  # type: ignore[no-untyped-call]
    compiled = column_type.compile(dialect=dialect).upper()
    for prefix, name in _PG_TYPES:
        if compiled.startswith(prefix):
            return name
    raise AssertionError(f"no COPY type for {compiled}")


_PG_TYPES = (
    ("INTEGER", "int4"),
    ("BIGINT", "int8"),
    ("SMALLINT", "int2"),
    ("VARCHAR", "varchar"),
    ("TEXT", "text"),
    ("BOOLEAN", "bool"),
    ("TIMESTAMP WITH TIME ZONE", "timestamptz"),
    ("DATE", "date"),
    ("TIME WITHOUT TIME ZONE", "time"),
    ("TIME", "time"),
    ("DOUBLE PRECISION", "float8"),
    ("FLOAT", "float8"),
    ("JSONB", "jsonb"),
)


@contextmanager
def transaction(conn: Connection, *, skip_fk_checks: bool = False) -> Iterator[None]:
    """One batch's transaction; on PostgreSQL without the desk's short time limits.

    The engine's 60 s statement and 30 s idle-in-transaction timeouts protect the
    desks from a crashed PC; a bulk load legitimately runs longer, for this
    transaction only (SET LOCAL). ``skip_fk_checks`` turns off the per-row
    foreign-key triggers for the transaction, as ``pg_restore --disable-triggers``
    does: half the server's work for these rows. Superusers only; the rows are
    generated consistent, and the SQLite path, which checks every key, proves it.
    """
    with conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(text("SET LOCAL statement_timeout = 0"))
            conn.execute(text("SET LOCAL idle_in_transaction_session_timeout = '10min'"))
            if skip_fk_checks:
                conn.execute(text("SET LOCAL session_replication_role = replica"))
        yield


def may_skip_fk_checks(conn: Connection) -> bool:
    """True if this PostgreSQL session may set session_replication_role (a superuser)."""
    if conn.dialect.name != "postgresql":
        return False
    return bool(conn.scalar(text("SELECT current_setting('is_superuser')")) == "on")


def _save_counters(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    table = cast(Table, NumberSequence.__table__)
    dialect_insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = dialect_insert(table)
    # Never lower a counter that moved on meanwhile.
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.name, table.c.day],
        set_={
            "last_value": case(
                (stmt.excluded.last_value > table.c.last_value, stmt.excluded.last_value),
                else_=table.c.last_value,
            )
        },
    )
    conn.execute(stmt, rows)


def _reset_sequences(conn: Connection, table_names: set[str]) -> None:
    """Point PostgreSQL's id sequences past the ids assigned here; SQLite needs nothing."""
    if conn.dialect.name != "postgresql":
        return
    for name in sorted(table_names):
        table = Base.metadata.tables[name]
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f'COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM "{name}"'
            )
        )


class Ids:
    """Primary keys handed out in advance, after each table's current maximum."""

    def __init__(self, conn: Connection, models: Sequence[type[Base]]) -> None:
        self._next: dict[type[Base], int] = {}
        for model in models:
            table = cast(Table, model.__table__)
            self._next[model] = (conn.scalar(select(func.max(table.c.id))) or 0) + 1

    def take(self, model: type[Base], count: int = 1) -> int:
        """The first of ``count`` consecutive new ids."""
        first = self._next[model]
        self._next[model] = first + count
        return first


class Numbers:
    """Per-day document numbers (S20261123-0001), continuing the counters in the database.

    ``pending`` hands the counters used since the last call to the batch that
    commits them, so the app's next ``next_number`` continues after the last
    demo number of that day.
    """

    def __init__(self, conn: Connection, local: LocalTime) -> None:
        table = cast(Table, NumberSequence.__table__)
        self._local = local
        self._last: dict[tuple[str, str], int] = {
            (r.name, r.day): r.last_value for r in conn.execute(select(table))
        }
        self._dirty: set[tuple[str, str]] = set()

    def next(self, series: str, ts: int) -> str:
        day = self._local.day_key(ts)
        key = (series, day)
        value = self._last.get(key, 0) + 1
        self._last[key] = value
        self._dirty.add(key)
        return f"{PREFIXES[series]}{day}-{value:04d}"

    def pending(self) -> list[dict[str, Any]]:
        rows = [
            {"name": name, "day": day, "last_value": self._last[(name, day)]}
            for name, day in sorted(self._dirty)
        ]
        self._dirty.clear()
        return rows


class LocalTime:
    """Local calendar facts about UTC instants (int seconds), cached for speed.

    Offsets are looked up per quarter hour: every real time zone's offset is a
    multiple of 15 minutes, so a UTC quarter hour never straddles a local
    midnight or a DST switch.
    """

    def __init__(self, tz: ZoneInfo, around: int) -> None:
        self.tz = tz
        self._offsets: dict[int, int] = {}
        self._days: dict[int, tuple[str, date]] = {}
        # A zone without DST or changes in the years around ``around`` (Asia/Shanghai)
        # needs no lookups at all.
        offsets = {self._lookup(around + month * 30 * 86400) for month in range(-40, 13)}
        self._fixed = offsets.pop() if len(offsets) == 1 else None

    def _lookup(self, ts: int) -> int:
        delta = datetime.fromtimestamp(ts, UTC).astimezone(self.tz).utcoffset()
        return int(delta.total_seconds()) if delta is not None else 0

    def offset(self, ts: int) -> int:
        if self._fixed is not None:
            return self._fixed
        key = ts // 900
        off = self._offsets.get(key)
        if off is None:
            off = self._offsets[key] = self._lookup(key * 900)
        return off

    def seconds_of_day(self, ts: int) -> int:
        return (ts + self.offset(ts)) % 86400

    def _day(self, ts: int) -> tuple[str, date]:
        local_day = (ts + self.offset(ts)) // 86400
        known = self._days.get(local_day)
        if known is None:
            day = datetime.fromtimestamp(ts, UTC).astimezone(self.tz).date()
            known = self._days[local_day] = (day.strftime("%Y%m%d"), day)
        return known

    def day_key(self, ts: int) -> str:
        """The local date as YYYYMMDD, exactly as ``numbers.next_number`` formats it."""
        return self._day(ts)[0]

    def local_date(self, ts: int) -> date:
        return self._day(ts)[1]

    def midnight(self, day: date) -> int:
        """The UTC instant of local midnight starting ``day``."""
        return int(datetime(day.year, day.month, day.day, tzinfo=self.tz).timestamp())

    def at_work(self, ts: int, start: int = 8 * 3600 + 30 * 60, end: int = 19 * 3600) -> int:
        """``ts`` if it falls in local working hours, else the next working start."""
        sod = self.seconds_of_day(ts)
        if sod < start:
            return ts + (start - sod)
        if sod >= end:
            return ts + (86400 - sod) + start
        return ts


def utc(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def opt_utc(ts: int | None) -> datetime | None:
    return None if ts is None else datetime.fromtimestamp(ts, UTC)
