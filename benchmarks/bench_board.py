"""Benchmark of the dispatch board: 600 open tickets, 40 technicians, on SQLite and PostgreSQL.

Run: ``python benchmarks/bench_board.py`` (``--tickets``, ``--technicians``,
``--repeat``; ``--skip-pg`` for SQLite only). PostgreSQL comes from
``DESK_BENCH_PG_URL`` (default ``postgresql://postgres@127.0.0.1:5432/test``);
the script creates its own database there and drops it at the end.

Measured, each the median of ``--repeat`` runs, in one process per engine:

- bare queries: the SQL the board needs (open tickets with customer and
  appliance, their pauses, the technicians, the settings), rows fetched, nothing
  computed: the floor;
- load: ``services.board.load_board`` (queries plus clocks, ordering, grouping);
- build and show: a new ``DispatchBoard`` constructed, shown, loaded and painted;
- refresh after one change: another desk assigns a ticket; the time from
  ``refresh()`` to the board painted with it (the ChangeHub's poll interval,
  up to 1 s, comes on top of this and is not the board's cost).

Every figure is also shown as a ratio to the bare queries of the same run.
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
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import bindparam, create_engine, text
from sqlalchemy.engine import make_url

from desk_app.config import normalize_url
from desk_app.db import migrate
from desk_app.db.engine import make_engine
from desk_app.domain.enums import Role, TicketKind, TicketStatus, Urgency
from desk_app.services.admin import users
from desk_app.services.core.database import Actor, Database
from desk_app.services.customers import customers
from desk_app.services.customers.customers import AddressInput, ApplianceDraft, CustomerDraft
from desk_app.services.dispatch import areas, board, dispatch
from desk_app.services.dispatch.dispatch import TechnicianDraft
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import TicketDraft

TZ = ZoneInfo("Asia/Shanghai")
DAY = date(2026, 11, 24)  # a Tuesday
NOW = datetime(2026, 11, 24, 1, 30, tzinfo=UTC)  # 09:30 in Shanghai

AREAS = ("朝阳区", "海淀区", "东城区", "西城区", "丰台区", "通州区", "昌平区", "大兴区")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
GIVEN = ("建国", "志强", "秀英", "丽娟", "海燕", "伟", "磊", "静", "敏", "军", "洋", "勇", "杰")
APPLIANCES = (
    ("空调", "格力", "KFR-35GW/BP3DN8Y"),
    ("冰箱", "海尔", "BCD-470WDPG"),
    ("洗衣机", "美的", "MG100V11D"),
    ("热水器", "A.O.史密斯", "E60VDP"),
    ("油烟机", "方太", "CXW-258-JQ03TS"),
    ("电视", "海信", "65E3H"),
)
FAULTS = (
    "空调不制冷，外机不转",
    "冰箱冷藏室结冰，噪音大",
    "洗衣机脱水时剧烈晃动，显示E3",
    "热水器出水不热，显示E1",
    "油烟机吸力变小，有异响",
    "新机安装，客户要求上午",
    "定期保养，清洗过滤网",
)
KINDS = (TicketKind.REPAIR,) * 6 + (TicketKind.INSTALLATION,) * 2 + (TicketKind.MAINTENANCE,)
URGENCIES = (Urgency.NORMAL,) * 7 + (Urgency.URGENT,) * 2 + (Urgency.CRITICAL,)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def seed(
    db: Database,
    clock: Clock,
    *,
    tickets_open: int,
    technicians: int,
    day: date = DAY,
    rng_seed: int = 7,
    spread_hours: float = 72,
) -> Actor:
    """Open tickets received over the last ``spread_hours``; about 40 % booked on ``day``,
    5 % assigned without a time, a few in service or waiting for parts; one
    technician over capacity. Returns the dispatcher. Everything through the services."""
    rng = random.Random(rng_seed)
    end = clock.now
    clock.now = end - timedelta(days=3)
    users.create_user(db, None, "boss", "secret-1", Role.MANAGER, "王经理")
    boss = users.authenticate(db, "boss", "secret-1")
    users.create_user(db, boss, "clerk", "secret-1", Role.CLERK, "李客服")
    users.create_user(db, boss, "disp", "secret-1", Role.DISPATCHER, "赵派工")
    clerk = users.authenticate(db, "clerk", "secret-1")
    disp = users.authenticate(db, "disp", "secret-1")
    for area in AREAS:
        areas.create_area(db, boss, area)
    booked_per_tech = max(1, int(tickets_open * 0.4) // max(technicians, 1))
    techs = []
    used: set[str] = set()
    for n in range(technicians):
        name = person(rng)
        while name in used:
            name = person(rng)
        used.add(name)
        skills = {"repair"} | set(rng.sample(["installation", "maintenance"], rng.randint(0, 2)))
        techs.append(
            dispatch.create_technician(
                db,
                boss,
                TechnicianDraft(
                    name,
                    phone=f"139{rng.randint(10000000, 99999999)}",
                    skills=tuple(sorted(skills)),
                    areas=tuple(rng.sample(AREAS, 2)),
                    # the first technician's day is over capacity
                    daily_capacity=max(1, booked_per_tech - 1) if n == 0 else 6,
                    emergency_reserve=0 if n == 0 else 1,
                ),
            )
        )
    opened = []
    for n in range(tickets_open):
        clock.now = end - timedelta(hours=spread_hours * (tickets_open - n) / tickets_open)
        area = rng.choice(AREAS)
        number, flat = rng.randint(1, 300), rng.randint(101, 2402)
        street = f"北京市{area}幸福路{number}号{flat}室"
        c = customers.create_customer(
            db,
            clerk,
            CustomerDraft(
                person(rng),
                [f"13{rng.randint(100000000, 999999999)}"],
                [AddressInput(street, area)],
            ),
        )
        category, brand, model = rng.choice(APPLIANCES)
        a = customers.add_appliance(
            db,
            clerk,
            c.id,
            ApplianceDraft(category, model, brand=brand, purchase_date=date(2024, 5, 1)),
        )
        opened.append(
            tickets.open_ticket(
                db,
                clerk,
                TicketDraft(
                    c.id,
                    rng.choice(KINDS),
                    rng.choice(FAULTS),
                    urgency=rng.choice(URGENCIES),
                    appliance_id=a.id,
                ),
            )
        )
    clock.now = end
    rng.shuffle(opened)
    at = 0
    for tech in techs:
        cursor = datetime.combine(day, tech.work_start, TZ)
        for _ in range(booked_per_tech):
            if at >= len(opened):
                break
            t = opened[at]
            at += 1
            length = timedelta(hours=2 if t.kind is TicketKind.INSTALLATION else 1)
            cursor += timedelta(minutes=30 * rng.randint(0, 1))
            if cursor + length > datetime.combine(day, tech.work_end, TZ):
                break
            dispatch.assign(db, disp, t.id, tech.id, starts=cursor, ends=cursor + length)
            roll = rng.random()
            if roll < 0.15:
                tickets.change_status(db, disp, t.id, TicketStatus.IN_SERVICE)
            elif roll < 0.22:
                tickets.change_status(db, disp, t.id, TicketStatus.IN_SERVICE)
                tickets.change_status(db, disp, t.id, TicketStatus.WAITING_PARTS)
            elif roll < 0.6:
                dispatch.confirm_appointment(db, disp, t.id, cursor, cursor + length)
            cursor += length
    for tech in techs:
        if at < len(opened) and rng.random() < 0.75:
            dispatch.assign(db, disp, opened[at].id, tech.id)
            at += 1
    return disp


# ---------------------------------------------------------------- measuring


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def bare_queries(db: Database, day: date) -> Callable[[], None]:
    start = datetime.combine(day, datetime.min.time(), TZ)
    end = start + timedelta(days=1)
    sql = (
        "SELECT t.*, c.name, a.category, a.model FROM tickets t "
        "JOIN customers c ON c.id = t.customer_id "
        "LEFT JOIN appliances a ON a.id = t.appliance_id "
        "WHERE t.status IN ('new','dispatched','appointed','in_service','waiting_parts',"
        "'waiting_customer') AND (t.technician_id IS NULL OR t.appointment_start IS NULL "
        "OR (t.appointment_start < :end AND t.appointment_end > :start))"
    )

    pauses = text("SELECT * FROM ticket_pauses WHERE ticket_id IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )

    def run() -> None:
        with db.engine.connect() as conn:
            rows = conn.execute(text(sql), {"start": start, "end": end}).fetchall()
            ids = [r.id for r in rows]
            conn.execute(pauses, {"ids": ids or [-1]}).fetchall()
            conn.execute(text("SELECT * FROM technicians WHERE active")).fetchall()
            conn.execute(text("SELECT * FROM settings")).fetchall()

    return run


def bench_engine(label: str, url: str, args: argparse.Namespace) -> dict[str, float]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desk_app.ui.common.changes import ChangeHub
    from desk_app.ui.common.context import Desk
    from desk_app.ui.common.operations import BackgroundOps
    from desk_app.ui.dispatch.board import DispatchBoard

    app = QApplication.instance() or QApplication([])
    clock = Clock(NOW)
    db = Database(url, clock=clock)
    started = time.perf_counter()
    disp = seed(db, clock, tickets_open=args.tickets, technicians=args.technicians)
    print(
        f"[{label}] seeded {args.tickets} tickets, {args.technicians} technicians "
        f"in {time.perf_counter() - started:.1f} s"
    )
    b = board.load_board(db, disp, DAY)
    print(
        f"[{label}] board: queue {len(b.queue)}, booked "
        f"{sum(len(v) for v in b.booked.values())}, unscheduled "
        f"{sum(len(v) for v in b.unscheduled.values())}"
    )

    bare = bare_queries(db, DAY)
    bare()
    results = {"bare queries": median_ms(bare, args.repeat)}
    results["load_board"] = median_ms(lambda: board.load_board(db, disp, DAY), args.repeat)

    settings = QSettings(str(Path(tempfile.mkdtemp()) / "bench.ini"), QSettings.Format.IniFormat)
    ops = BackgroundOps()
    desk = Desk(db=db, actor=disp, ops=ops, changes=ChangeHub(db, ops), settings=settings)

    def wait_loaded(screen: DispatchBoard, action: Callable[[], None]) -> None:
        done: list[bool] = []
        screen.loaded.connect(lambda: done.append(True))
        action()
        while not done:
            app.processEvents()
            time.sleep(0.0005)
        screen.grid.repaint()
        screen.queue.viewport().repaint()
        app.processEvents()

    screens: list[DispatchBoard] = []

    def build_and_show() -> None:
        screen = DispatchBoard(desk)
        screen.resize(1600, 900)
        wait_loaded(screen, screen.show)
        screens.append(screen)

    results["build and show"] = median_ms(build_and_show, args.repeat)
    screen = screens[-1]
    for other in screens[:-1]:
        other.close()
        other.deleteLater()
    app.processEvents()
    queue = [t.id for t in screen.data.board.queue]
    tech_ids = [t.id for t in screen.data.board.technicians]
    other_desk = Database(url, clock=clock)
    changes = iter(range(10**6))

    def refresh_after_change() -> None:
        n = next(changes)
        dispatch.assign(other_desk, disp, queue[n], tech_ids[n % len(tech_ids)])
        started = time.perf_counter()
        wait_loaded(screen, screen.refresh)
        timings.append((time.perf_counter() - started) * 1000)

    timings: list[float] = []
    for _ in range(args.repeat):
        refresh_after_change()
    results["refresh after one change"] = statistics.median(timings)
    ticks = median_ms(screen.tick, args.repeat)
    results["clock tick (no query)"] = ticks
    screen.close()
    ops.shutdown()
    other_desk.dispose()
    db.dispose()
    return results


def report(label: str, results: dict[str, float]) -> None:
    bare = results["bare queries"]
    print(f"\n{label}")
    for name, ms in results.items():
        print(f"  {name:<28}{ms:9.1f} ms   {ms / bare:6.1f} × bare queries")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tickets", type=int, default=600)
    parser.add_argument("--technicians", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--skip-pg", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        engine = make_engine(f"sqlite:///{path}")
        migrate.upgrade(engine)
        engine.dispose()
        report("SQLite", bench_engine("SQLite", f"sqlite:///{path}", args))

    if args.skip_pg:
        return 0
    server = normalize_url(
        os.environ.get("DESK_BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
    )
    name = f"desk_bench_board_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        engine = make_engine(url)
        migrate.upgrade(engine)
        engine.dispose()
        report("PostgreSQL", bench_engine("PostgreSQL", url, args))
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
