"""Sign-in timing: does an unknown name answer as slowly as a real one with a wrong password?

For each engine (a SQLite file; a PostgreSQL database created and dropped here) the
benchmark creates one user at the production hash cost, then times ``SignIn.sign_in``
for an unknown name and for the real name with a wrong password, alternating, ``--tries``
times each. The database's clock jumps an hour between tries, so no try meets a throttle
or a lock (those answer at once for any name alike) and every one does the full work.
It reports the medians and the ratio unknown / real (1.00: nothing to tell them apart),
beside the same ratio for the plain credential check ``users.authenticate`` (which
answers an unknown name without hashing).

Run: ``python benchmarks/bench_sign_in.py [--tries N] [--engines sqlite,postgres]``
PostgreSQL comes from ``DESK_BENCH_PG_URL`` (default postgresql://postgres@127.0.0.1:5432/test).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desk_app.config import normalize_url
from desk_app.db import migrate
from desk_app.db.engine import make_engine
from desk_app.domain.enums import Role
from desk_app.domain.errors import DeskError
from desk_app.services.admin import users
from desk_app.services.admin.sign_in import SignIn
from desk_app.services.core.database import Database


class HourlyClock:
    """Each reading an hour after the previous one: every try starts with no wait and no lock."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(hours=1)
        return self.now


@contextmanager
def database(engine_name: str) -> Iterator[str]:
    if engine_name == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
            engine = make_engine(url)
            migrate.upgrade(engine)
            engine.dispose()
            yield url
        return
    server = normalize_url(
        os.environ.get("DESK_BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
    )
    name = f"desk_bench_signin_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        engine = make_engine(url)
        migrate.upgrade(engine)
        engine.dispose()
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    with suppress(DeskError):
        fn()
    return time.perf_counter() - start


def measure(url: str, tries: int) -> dict[str, float]:
    db = Database(url, clock=HourlyClock())
    try:
        users.create_user(db, None, "boss", "secret-1", Role.MANAGER, "王经理")
        sign_in = SignIn(db, "BENCH-PC")
        sign_in.sign_in("boss", "secret-1")  # warm up: pool, dummy hash
        times: dict[str, list[float]] = {
            k: [] for k in ("unknown", "real", "old_unknown", "old_real")
        }
        for _ in range(tries):
            times["unknown"].append(timed(lambda: sign_in.sign_in("ghost", "wrong-pw")))
            times["real"].append(timed(lambda: sign_in.sign_in("boss", "wrong-pw")))
            times["old_unknown"].append(timed(lambda: users.authenticate(db, "ghost", "wrong-pw")))
            times["old_real"].append(timed(lambda: users.authenticate(db, "boss", "wrong-pw")))
        return {k: statistics.median(v) for k, v in times.items()}
    finally:
        db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tries", type=int, default=30)
    parser.add_argument("--engines", default="sqlite,postgres")
    args = parser.parse_args()
    print(f"{'engine':<10} {'unknown ms':>11} {'real ms':>9} {'ratio':>6}   old check: ratio")
    for engine_name in args.engines.split(","):
        with database(engine_name) as url:
            m = measure(url, args.tries)
        ratio = m["unknown"] / m["real"]
        old = m["old_unknown"] / m["old_real"]
        print(
            f"{engine_name:<10} {m['unknown'] * 1000:>11.1f} {m['real'] * 1000:>9.1f} "
            f"{ratio:>6.2f}   {old:.2f} ({m['old_unknown'] * 1000:.1f} / "
            f"{m['old_real'] * 1000:.1f} ms)"
        )


if __name__ == "__main__":
    main()
