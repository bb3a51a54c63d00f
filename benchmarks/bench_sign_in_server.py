"""Sign-in through the server: does an unknown name answer as slowly as a real login with a
wrong password, when PostgreSQL checks the password (``ServerSignIn``)?

Starts a throw-away PostgreSQL server that checks passwords (scram-sha-256; the same
one the tests use, ``tests/services/core/scram_server.py``), creates a database with the
gate and one desk login, then times ``ServerSignIn.sign_in`` for an unknown name and for
the real name with a wrong password, alternating, ``--tries`` times each (the failure
counts are emptied between pairs, untimed, so no try meets a lock). Reports the medians
and the ratio unknown / real (1.00: nothing to tell them apart): PostgreSQL answers an
unknown role with a made-up SCRAM salt and the same error, and the desk then does the
same work for both.

Run: ``python benchmarks/bench_sign_in_server.py [--tries N]`` (needs PostgreSQL's server
binaries, initdb and pg_ctl; as root the server runs as the ``postgres`` user).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desk_app.db import gate, migrate
from desk_app.db.engine import make_engine
from desk_app.domain.enums import Role
from desk_app.domain.errors import DeskError
from desk_app.services.core.database import Database
from desk_app.services.core.logins_pg import ServerSignIn
from tests.services.core.pg_logins_support import desk_user, install
from tests.services.core.scram_server import scram_server


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    with suppress(DeskError):
        fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tries", type=int, default=30)
    args = parser.parse_args()
    with scram_server() as admin_url:
        if admin_url is None:
            raise SystemExit("no PostgreSQL server binaries (initdb, pg_ctl) here")
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql("CREATE DATABASE shop")
        admin.dispose()
        url = make_url(admin_url).set(database="shop").render_as_string(hide_password=False)
        engine = make_engine(url)
        migrate.upgrade(engine)
        install(url)
        with engine.begin() as conn:
            gate.set_gate_password(conn, "shop", "bench-gate")
        engine.dispose()
        owner = Database(url)
        gate_url = (
            make_url(url)
            .set(username=gate.gate_role("shop"), password="bench-gate")
            .render_as_string(hide_password=False)
        )
        sign = ServerSignIn(url, gate_url=gate_url, pc="BENCH-PC")
        with desk_user(owner, url, "secret-1", Role.MANAGER) as user:
            sign.sign_in(user.username, "secret-1")  # warm up
            sign.sign_out_quietly()
            unknown, real = [], []
            for _ in range(args.tries):
                # Untimed: the failures so far forgotten, so that no try meets a lock.
                owner.write(lambda s: s.execute(text("DELETE FROM sign_in_guard")))
                unknown.append(timed(lambda: sign.sign_in("ghost_login", "wrong-pw")))
                real.append(timed(lambda: sign.sign_in(user.username, "wrong-pw")))
        sign.close()
        owner.dispose()
    u, r = statistics.median(unknown), statistics.median(real)
    print(f"{'unknown ms':>11} {'real ms':>9} {'ratio':>6}")
    print(f"{u * 1000:>11.1f} {r * 1000:>9.1f} {u / r:>6.2f}")


if __name__ == "__main__":
    main()
