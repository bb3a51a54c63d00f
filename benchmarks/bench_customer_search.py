"""Customer search at 200,000 customers: keystroke → rows in the model, against bare SQL.

For each engine (a SQLite file; a PostgreSQL database created and dropped here)
the benchmark loads N customers (``DESK_BENCH_CUSTOMERS``, default 200,000) with
phones, addresses, appliances, search keys and a ticket for every tenth customer,
then for each typical query (including the dense ones a clerk's first keystroke
makes: one letter, one digit, a district) measures:

- ``sql``: the statements ``customers.search_customers`` sends, captured once and
  replayed on a raw DBAPI cursor (the floor any front end could reach);
- ``service``: ``search_customers`` itself (session, SQL, building rows);
- ``ui``: a key press in the lookup screen's search box until the model holds the
  rows, through the debounce timer, the background thread and the model reset;
  reported with and without the fixed 200 ms debounce.

Run: ``python benchmarks/bench_customer_search.py [--customers N] [--engines sqlite,postgres]``
PostgreSQL comes from ``DESK_BENCH_PG_URL`` (default postgresql://postgres@127.0.0.1:5432/test).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, event, insert, text
from sqlalchemy.engine import make_url

from desk_app.config import normalize_url
from desk_app.db import migrate
from desk_app.db.engine import make_engine
from desk_app.db.models import Appliance, Customer, CustomerAddress, CustomerPhone, Ticket
from desk_app.db.models.people import CustomerNameKey
from desk_app.domain.enums import Channel, Role, TicketKind, TicketStatus, Urgency, WarrantyStatus
from desk_app.domain.pinyin import name_keys
from desk_app.services.admin import users
from desk_app.services.core.database import Actor, Database
from desk_app.services.customers import customers
from desk_app.services.customers.search import name_search_keys

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘" + (
    "于蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰文辉鹏飞海燕晓东雪梅春"
DISTRICTS = ["朝阳区", "海淀区", "东城区", "西城区", "丰台区", "通州区", "昌平区", "大兴区"]
ROADS = ["建国路", "中关村大街", "长安街", "望京街", "学院路", "酒仙桥路", "金融街", "花园路"]
CATEGORIES = ["空调", "洗衣机", "冰箱", "热水器", "电视"]
REPEATS = 5


def _people(n: int, seed: int = 7) -> Iterator[tuple[str, str, str, str]]:
    rng = random.Random(seed)
    for i in range(n):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        phone = f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"
        district = rng.choice(DISTRICTS)
        address = (
            f"北京市{district}{rng.choice(ROADS)}{rng.randrange(1, 300)}号"
            f"{rng.randrange(1, 30)}栋{rng.randrange(1, 30)}0{rng.randrange(1, 9)}室"
        )
        yield name, phone, address, district if i % 997 else "测试区"


def load_customers(db: Database, n: int, user_id: int) -> None:
    """Bulk-insert n customers (core inserts in batches, not one ORM object at a time);
    ``user_id`` opens and closes their tickets."""
    now = datetime(2026, 11, 1, tzinfo=UTC)
    batch = 5000
    rows = list(_people(n))
    keys_cache: dict[str, tuple[str, str, list[str]]] = {}
    with db.engine.begin() as conn:
        for start in range(0, n, batch):
            chunk = rows[start : start + batch]
            cust, phones, addrs, apps, tickets = [], [], [], [], []
            keys: list[dict[str, Any]] = []
            for offset, (name, phone, address, area) in enumerate(chunk):
                cid = start + offset + 1
                if name not in keys_cache:
                    k = name_keys(name)
                    keys_cache[name] = (k.full, k.initials, name_search_keys(name, k))
                full, initials, search_keys = keys_cache[name]
                keys.extend({"customer_id": cid, "key": key, "name": name} for key in search_keys)
                cust.append(
                    {
                        "id": cid,
                        "name": name,
                        "name_pinyin": full,
                        "name_initials": initials,
                        "service_area": area,
                        "created_at": now,
                        "updated_at": now,
                        "version": 1,
                    }
                )
                phones.append(
                    {
                        "customer_id": cid,
                        "position": 0,
                        "raw": phone,
                        "normalized": phone,
                        "last4": phone[-4:],
                    }
                )
                addrs.append({"customer_id": cid, "position": 0, "text": address, "area": area})
                if cid % 10 == 0:
                    tickets.append(_ticket(cid, now, user_id))
                if cid % 2 == 0:
                    apps.append(
                        {
                            "customer_id": cid,
                            "category": CATEGORIES[cid % 5],
                            "model": "KFR-35GW",
                            "serial": f"SN{cid:08d}",
                            "purchase_date": date(2024, 1, 1),
                            "created_at": now,
                        }
                    )
            conn.execute(insert(Customer), cust)
            conn.execute(insert(CustomerNameKey), keys)
            conn.execute(insert(CustomerPhone), phones)
            conn.execute(insert(CustomerAddress), addrs)
            if apps:
                conn.execute(insert(Appliance), apps)
            if tickets:
                conn.execute(insert(Ticket), tickets)
        if db.dialect == "postgresql":
            conn.execute(text("SELECT setval('customers_id_seq', :n)"), {"n": n})
    # What autovacuum does on a server soon after a bulk load: statistics, and the
    # visibility map that index-only scans need.
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE" if db.dialect == "postgresql" else "ANALYZE"))


def _ticket(cid: int, now: datetime, user_id: int) -> dict[str, Any]:
    return {
        "number": f"S2026{cid // 1000:04d}-{cid % 1000:04d}",
        "kind": TicketKind.REPAIR,
        "urgency": Urgency.NORMAL,
        "status": TicketStatus.CLOSED,
        "channel": Channel.PHONE,
        "customer_id": cid,
        "fault_description": "不制冷",
        "warranty": WarrantyStatus.OUT,
        "received_at": now,
        "respond_hours": 2.0,
        "visit_hours": 24.0,
        "repair_hours": 72.0,
        "created_at": now,
        "created_by": user_id,
        "updated_at": now,
        "updated_by": user_id,
    }


def queries(db: Database) -> dict[str, str]:
    """Typical things a clerk types, taken from the loaded data."""

    def first(sql: str) -> str:
        with db.engine.connect() as conn:
            return str(conn.execute(text(sql)).scalar())

    name = first("SELECT name FROM customers WHERE id = 1234")
    phone = first("SELECT normalized FROM customer_phones WHERE customer_id = 4321")
    return {
        "letter z (dense)": "z",
        "digit 1 (dense)": "1",
        "surname 张 (many)": "张",
        "full name": name,
        "initials zw": "zw",
        "pinyin zhangwei": "zhangwei",
        "2nd reading ceng": "ceng",  # 曾 reads zeng first
        "last 4 digits": phone[-4:],
        "phone 138 (3 dig.)": "138",
        "part of a mobile": phone[3:9],
        "full mobile": phone,
        "district 朝阳": "朝阳",
        "address part": "建国路12号",
        "serial": "SN00004242",
        "ticket number": "S20260004-0240",
        "no match": "qqxx",
    }


@contextmanager
def captured(db: Database) -> Iterator[list[tuple[str, Any]]]:
    statements: list[tuple[str, Any]] = []

    def grab(_c: Any, _cur: Any, statement: str, parameters: Any, _ctx: Any, _many: bool) -> None:
        statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", grab)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", grab)


def timed(fn: Callable[[], object], repeats: int = REPEATS) -> float:
    """Median seconds of ``repeats`` runs after one warm-up."""
    fn()
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def bare_sql(db: Database, actor: Actor, query: str) -> Callable[[], object]:
    with captured(db) as statements:
        customers.search_customers(db, actor, query)
    raw = db.engine.raw_connection()

    def run() -> object:
        cur = raw.cursor()
        for statement, params in statements:
            if statement.strip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK", "SELECT 1")):
                continue
            cur.execute(statement, params)
            cur.fetchall()
        cur.close()
        raw.rollback()
        return None

    return run


def ui_keystroke(db: Database, actor: Actor, query: str) -> tuple[float, float, int]:
    """Seconds from the last key press of ``query`` to rows in the model, seconds from the
    end of the debounce (the search box's ``typed``) to rows, and the row count."""
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desk_app.ui.common.changes import ChangeHub
    from desk_app.ui.common.context import Desk
    from desk_app.ui.common.operations import BackgroundOps
    from desk_app.ui.customers.lookup import CustomerLookup

    app = QApplication.instance() or QApplication([])
    ops = BackgroundOps()
    settings = QSettings(str(Path(tempfile.gettempdir()) / "bench.ini"), QSettings.Format.IniFormat)
    desk = Desk(db, actor, ops, ChangeHub(db, ops), settings)
    screen = CustomerLookup(desk)
    screen.resize(1200, 700)
    screen.show()
    samples, nets, count = [], [], 0
    for _ in range(REPEATS + 1):
        screen.search_box.blockSignals(True)
        screen.search_box.setText(query[:-1])
        screen.search_box.blockSignals(False)
        screen.model.search("")
        done: list[float] = []
        fired: list[float] = []
        screen.model.rows_loaded.connect(lambda _n, done=done: done.append(time.perf_counter()))

        def debounce_over(fired: list[float] = fired) -> None:
            fired.append(time.perf_counter())

        screen.search_box.typed.connect(debounce_over)
        char = query[-1]
        t0 = time.perf_counter()
        if char.isascii():
            QTest.keyClick(screen.search_box, char)  # type: ignore[call-overload]  # Qt's char overload
        else:
            screen.search_box.insert(char)  # what an input method's commit does
        deadline = t0 + 30
        while not done and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.0005)
        screen.model.rows_loaded.disconnect()
        screen.search_box.typed.disconnect(debounce_over)
        samples.append(done[0] - t0)
        nets.append(done[0] - fired[0])
        count = screen.model.rowCount()
        app.processEvents()
    screen.close()
    ops.shutdown()
    return statistics.median(samples[1:]), statistics.median(nets[1:]), count


@contextmanager
def sqlite_db(workdir: Path) -> Iterator[Database]:
    path = workdir / f"bench-{uuid.uuid4().hex[:6]}.sqlite3"
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    db = Database(url)
    try:
        yield db
    finally:
        db.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


@contextmanager
def postgres_db() -> Iterator[Database]:
    base = normalize_url(
        os.environ.get("DESK_BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
    )
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    name = f"desk_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    db = Database(url)
    try:
        yield db
    finally:
        db.dispose()
        with admin.connect() as conn:
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                {"n": name},
            )
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def bench(db: Database, n: int, label: str) -> None:
    users.create_user(db, None, "bench", "bench-pass", Role.MANAGER, "Bench")
    actor = users.authenticate(db, "bench", "bench-pass")
    t0 = time.perf_counter()
    load_customers(db, n, actor.user_id)
    print(f"\n== {label}: {n:,} customers loaded in {time.perf_counter() - t0:.1f} s")
    from desk_app.ui.common.widgets import DEBOUNCE_MS

    header = (
        f"{'query':<20}{'rows':>6}{'sql ms':>9}{'service':>9}{'ui ms':>8}{'net ms':>8}{'ratio':>7}"
    )
    print(header)
    print("-" * len(header))
    for what, query in queries(db).items():
        sql = timed(bare_sql(db, actor, query))
        service = timed(partial(customers.search_customers, db, actor, query))
        ui, net, rows = ui_keystroke(db, actor, query)
        ratio = net / sql if sql > 0 else float("inf")
        print(
            f"{what:<20}{rows:>6}{sql * 1000:>9.1f}{service * 1000:>9.1f}"
            f"{ui * 1000:>8.0f}{net * 1000:>8.1f}{ratio:>7.1f}"
        )
    print(
        f"ui = key press to rows in the model, including the {DEBOUNCE_MS} ms debounce "
        "(a coarse timer: ±5%); net = debounce over to rows; ratio = net / sql; "
        "sql = the service's statements replayed on a raw cursor"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--customers", type=int, default=int(os.environ.get("DESK_BENCH_CUSTOMERS", 200_000))
    )
    parser.add_argument("--engines", default="sqlite,postgres")
    args = parser.parse_args()
    engines = args.engines.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        if "sqlite" in engines:
            with sqlite_db(Path(tmp)) as db:
                bench(db, args.customers, "SQLite")
        if "postgres" in engines:
            with postgres_db() as db:
                bench(db, args.customers, "PostgreSQL")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
