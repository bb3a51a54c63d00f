"""Demo data load speed on PostgreSQL, against bare INSERT and COPY of the same row count.

Creates its own database on the server (``DESK_BENCH_PG_URL``, default
postgresql://postgres@127.0.0.1:5432/test), migrates it, runs
``services.demo.generate`` and reports rows per second. In the same run it
inserts the same number of narrow rows into a scratch table twice, as the
yardsticks: plain ``INSERT`` statements (psycopg ``executemany``, pipelined) and
binary ``COPY`` (the floor for any loader). Finally it extrapolates to the
200,000 customers / 1,000,000 tickets the product promises, and drops the database.

Run: ``python benchmarks/bench_demo_data.py [--customers 20000] [--tickets 100000]``
(``--key-checks`` to load with PostgreSQL's foreign-key triggers on, as a
non-superuser would; ``--no-baseline`` to skip the yardsticks).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desk_app.config import normalize_url
from desk_app.db import migrate
from desk_app.db.engine import make_engine
from desk_app.services.core.database import Database
from desk_app.services.demo import DemoSummary, generate

FULL_CUSTOMERS, FULL_TICKETS = 200_000, 1_000_000


@contextmanager
def scratch_database(server_url: str) -> Iterator[str]:
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    name = f"desk_bench_demo_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
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


def load(url: str, customers: int, tickets: int, key_checks: bool) -> tuple[DemoSummary, float]:
    engine = make_engine(url)
    migrate.upgrade(engine)
    db = Database(url, engine=engine)
    start = time.perf_counter()

    def say(line: str) -> None:
        print(f"  {time.perf_counter() - start:7.1f} s  {line}", flush=True)

    summary = generate(
        db,
        customers=customers,
        tickets=tickets,
        seed=20261123,
        now=datetime(2026, 11, 23, 2, 0, tzinfo=UTC),
        progress=say,
        skip_fk_checks=not key_checks,
    )
    elapsed = time.perf_counter() - start
    db.dispose()
    return summary, elapsed


def baselines(url: str, rows: int) -> dict[str, float]:
    """Seconds for ``rows`` narrow rows by plain INSERT and by binary COPY.

    Rows are built in blocks outside the timed sections, so only the database
    work counts and memory stays bounded at any row count.
    """
    dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    base = int(datetime(2025, 1, 1, tzinfo=UTC).timestamp())
    block = 100_000

    def rows_from(first: int) -> list[tuple[Any, ...]]:
        return [
            (i, i // 7, datetime.fromtimestamp(base + i, UTC), "status", "客户反映不制冷")
            for i in range(first, min(rows, first + block))
        ]

    results: dict[str, float] = {}
    with psycopg.connect(dsn) as conn:
        for how in ("insert", "copy"):
            conn.execute(
                "DROP TABLE IF EXISTS bench_baseline;"
                "CREATE TABLE bench_baseline (id integer PRIMARY KEY, ref integer, "
                "at timestamptz, kind varchar(24), note text)"
            )
            conn.commit()
            spent = 0.0
            with conn.cursor() as cur:
                if how == "insert":
                    sql = "INSERT INTO bench_baseline VALUES (%s, %s, %s, %s, %s)"
                    for first in range(0, rows, block):
                        data = rows_from(first)
                        start = time.perf_counter()
                        cur.executemany(sql, data)
                        spent += time.perf_counter() - start
                else:
                    sql = "COPY bench_baseline FROM STDIN (FORMAT BINARY)"
                    with cur.copy(sql) as copy:
                        copy.set_types(["int4", "int4", "timestamptz", "varchar", "text"])
                        for first in range(0, rows, block):
                            data = rows_from(first)
                            start = time.perf_counter()
                            for row in data:
                                copy.write_row(row)
                            spent += time.perf_counter() - start
                        start = time.perf_counter()
                    spent += time.perf_counter() - start  # the end of COPY waits for the server
            start = time.perf_counter()
            conn.commit()
            results[how] = spent + time.perf_counter() - start
        conn.execute("DROP TABLE bench_baseline")
        conn.commit()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--key-checks", action="store_true", help="keep foreign-key triggers on")
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    server = normalize_url(
        os.environ.get("DESK_BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
    )
    with scratch_database(server) as url:
        print(f"demo data: {args.customers:,} customers, {args.tickets:,} tickets", flush=True)
        summary, elapsed = load(url, args.customers, args.tickets, args.key_checks)
        rows = summary.rows
        print()
        for name, value in vars(summary).items():
            print(f"  {name:<20} {value:>12,}")
        print(
            f"\n  demo data     {rows:>12,} rows {elapsed:8.1f} s {rows / elapsed:>10,.0f} rows/s"
        )
        if not args.no_baseline:
            for how, seconds in baselines(url, rows).items():
                label = "bare INSERT" if how == "insert" else "bare COPY"
                print(
                    f"  {label:<13} {rows:>12,} rows {seconds:8.1f} s "
                    f"{rows / seconds:>10,.0f} rows/s   demo data takes {elapsed / seconds:.2f}x"
                )
        scale = FULL_TICKETS / args.tickets if args.tickets else 0
        print(
            f"\n  extrapolated to {FULL_CUSTOMERS:,} customers / {FULL_TICKETS:,} tickets: "
            f"~{elapsed * scale / 60:.1f} min (linear in tickets; "
            f"customers scaled {FULL_CUSTOMERS / max(1, args.customers):.0f}x)"
        )


if __name__ == "__main__":
    main()
