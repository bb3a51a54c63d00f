"""Demo data: deterministic, complete (every ticket status), and consistent the way the
services keep data consistent (histories, stock ledger, numbers, sequences, phones)."""

from __future__ import annotations

import shutil
from collections import Counter, defaultdict
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from desk_app.db.base import Base
from desk_app.db.models import (
    Appointment,
    Complaint,
    ComplaintEvent,
    Customer,
    CustomerPhone,
    Feedback,
    FollowupCall,
    NumberSequence,
    StockLevel,
    StockMovement,
    Ticket,
    TicketEvent,
    TicketPause,
    User,
)
from desk_app.domain.enums import ComplaintStatus, Role, TicketKind, TicketStatus
from desk_app.domain.phones import normalize_phone
from desk_app.domain.pinyin import name_keys
from desk_app.domain.ticket_states import PAUSED_STATES, allowed_next
from desk_app.services.admin import settings, users
from desk_app.services.core import numbers
from desk_app.services.core.database import Actor, Database
from desk_app.services.demo import DEMO_PASSWORD, DemoSummary, generate
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import TicketDraft
from tests.conftest import FakeClock

S = TicketStatus
CUSTOMERS, TICKETS, SEED = 50, 200, 20261123


def _load(db: Database, clock: FakeClock, seed: int = SEED, **kwargs: Any) -> DemoSummary:
    return generate(db, customers=CUSTOMERS, tickets=TICKETS, seed=seed, now=clock.now, **kwargs)


def _fresh_sqlite(template: Path, tmp_path: Path, name: str, clock: FakeClock) -> Database:
    target = tmp_path / f"{name}.sqlite3"
    shutil.copyfile(template, target)
    return Database(f"sqlite:///{target}", clock=clock)


def _fingerprint(db: Database) -> dict[str, list[Any]]:
    def q(s: Session) -> dict[str, list[Any]]:
        return {
            "customers": s.execute(
                select(Customer.id, Customer.name, Customer.name_pinyin).order_by(Customer.id)
            ).all(),
            "phones": s.execute(
                select(CustomerPhone.customer_id, CustomerPhone.raw).order_by(CustomerPhone.id)
            ).all(),
            "tickets": s.execute(
                select(Ticket.id, Ticket.number, Ticket.status, Ticket.received_at).order_by(
                    Ticket.id
                )
            ).all(),
            "movements": s.execute(
                select(StockMovement.part_id, StockMovement.quantity).order_by(StockMovement.id)
            ).all(),
        }

    return db.read(q)


# ---------------------------------------------------------------- determinism


def test_same_seed_gives_the_same_data(
    db: Database, clock: FakeClock, sqlite_template: Path, tmp_path: Path
) -> None:
    """Across two fresh databases, also across engines (the second one is SQLite)."""
    summary = _load(db, clock)
    other = _fresh_sqlite(sqlite_template, tmp_path, "other", clock)
    try:
        assert _load(other, clock) == summary
        first, second = _fingerprint(db), _fingerprint(other)
        assert first == second
        assert len(first["customers"]) == CUSTOMERS and len(first["tickets"]) == TICKETS
        different = _fresh_sqlite(sqlite_template, tmp_path, "different", clock)
        _load(different, clock, seed=SEED + 1)
        assert _fingerprint(different)["customers"] != first["customers"]
        different.dispose()
    finally:
        other.dispose()


# ---------------------------------------------------------------- consistency


@pytest.fixture
def loaded(db: Database, clock: FakeClock) -> DemoSummary:
    return _load(db, clock)


def test_every_status_and_histories_follow_the_state_machine(
    db: Database, clock: FakeClock, loaded: DemoSummary
) -> None:
    def q(s: Session) -> tuple[list[Ticket], dict[int, list[TicketEvent]]]:
        events: dict[int, list[TicketEvent]] = defaultdict(list)
        for e in s.scalars(select(TicketEvent).order_by(TicketEvent.id)):
            events[e.ticket_id].append(e)
        return list(s.scalars(select(Ticket))), events

    all_tickets, events = db.read(q)
    assert {t.status for t in all_tickets} == set(TicketStatus)
    now = clock.now
    for t in all_tickets:
        history = events[t.id]
        assert history[0].action == "created" and history[0].to_status is S.NEW
        assert history[-1].to_status is t.status, t.number
        assert [e.at for e in history] == sorted(e.at for e in history)
        status = S.NEW
        for e in history[1:]:
            assert e.from_status is status, t.number
            if e.to_status is not status:
                assert e.to_status in allowed_next(status), (t.number, status, e.to_status)
                assert e.action in ("status", "assign", "appointment")
            status = e.to_status
        stamps = [t.received_at, t.responded_at, t.arrived_at, t.completed_at, t.closed_at]
        present = [x for x in stamps if x is not None]
        assert present == sorted(present) and present[-1] <= now, t.number
        assert t.updated_at == history[-1].at and t.version == len(history)
        assert t.respond_due == t.received_at + timedelta(hours=t.respond_hours)
        visited = any(e.to_status is S.IN_SERVICE for e in history)
        assert (t.arrived_at is not None) == (visited or t.completed_at is not None)
        if any(e.to_status is S.DISPATCHED for e in history):
            assert t.technician_id is not None and t.responded_at is not None
        if any(e.to_status is S.APPOINTED for e in history):
            assert t.appointment_start is not None and t.appointment_end is not None
        if t.status is S.CLOSED:
            assert t.closed_at is not None and t.completed_at is not None
        if t.status is S.CANCELLED:
            assert t.cancelled_at is not None and t.cancel_reason
        if t.status in (S.COMPLETED, S.FOLLOWED_UP, S.CLOSED):
            assert t.completed_at is not None and t.resolved is not None
        if not t.chargeable:
            assert t.labour_cents == t.parts_cents == t.travel_cents == 0
        assert t.kind is not TicketKind.CONSULTATION or t.technician_id is None
    # The clock stands still exactly while a ticket waits.
    pauses = db.read(lambda s: list(s.scalars(select(TicketPause))))
    by_ticket = {t.id: t for t in all_tickets}
    open_pauses = Counter(p.ticket_id for p in pauses if p.ended_at is None)
    for t in all_tickets:
        assert open_pauses[t.id] == (1 if t.status in PAUSED_STATES else 0), t.number
    for p in pauses:
        assert p.ended_at is None or p.started_at <= p.ended_at <= now
        assert p.started_at >= by_ticket[p.ticket_id].received_at
    assert any(p.ended_at is not None for p in pauses)  # some waits are over


def test_visits_feedback_and_calls_belong_to_their_tickets(
    db: Database, clock: FakeClock, loaded: DemoSummary
) -> None:
    def q(s: Session) -> tuple[Any, ...]:
        return (
            {t.id: t for t in s.scalars(select(Ticket))},
            list(s.scalars(select(Appointment))),
            list(s.scalars(select(Feedback))),
            list(s.scalars(select(FollowupCall).order_by(FollowupCall.id))),
        )

    by_id, visits, feedback, calls = db.read(q)
    for a in visits:
        t = by_id[a.ticket_id]
        assert a.technician_id == t.technician_id and a.ends_at > a.starts_at
        assert a.state in ("booked", "kept", "rescheduled", "cancelled")
    assert feedback and {f.source.value for f in feedback} == {"form", "call"}
    ratings = [r for f in feedback for r in (f.attitude, f.professionalism, f.timeliness,
                                             f.effectiveness, f.overall)]  # fmt: skip
    assert set(ratings) <= {1, 2, 3, 4, 5}
    assert sum(r >= 4 for r in ratings) / len(ratings) > 0.8  # mostly satisfied
    for f in feedback:
        t = by_id[f.ticket_id]
        assert t.completed_at is not None and t.completed_at <= f.recorded_at <= clock.now
    for c in calls:
        t = by_id[c.ticket_id]
        assert t.completed_at is not None and t.completed_at <= c.called_at <= clock.now
        assert (c.feedback_id is not None) == (c.outcome.value == "reached")
    followed = {c.ticket_id for c in calls if c.outcome.value in ("reached", "refused")}
    assert {t.id for t in by_id.values() if t.status is S.FOLLOWED_UP} <= followed


def test_stock_levels_are_exactly_the_ledger_and_never_negative(
    db: Database, loaded: DemoSummary
) -> None:
    def q(s: Session) -> tuple[Any, ...]:
        levels = {(lv.part_id, lv.location_id): lv for lv in s.scalars(select(StockLevel))}
        moves = s.execute(
            select(
                StockMovement.part_id, StockMovement.location_id, StockMovement.quantity
            ).order_by(StockMovement.at, StockMovement.quantity.desc(), StockMovement.id)
        ).all()
        return levels, moves

    levels, moves = db.read(q)
    assert loaded.stock_movements > 0 and loaded.stock_levels > 0
    running: dict[tuple[int, int], int] = defaultdict(int)
    for part, location, qty in moves:
        running[(part, location)] += qty
        assert running[(part, location)] >= 0, (part, location)  # at every moment
    assert set(running) == set(levels)
    for key, level in levels.items():
        assert level.on_hand == running[key] >= 0
        assert 0 <= level.reserved <= level.on_hand


def test_phones_names_and_complaints_are_stored_as_the_services_would(
    db: Database, clock: FakeClock, loaded: DemoSummary
) -> None:
    def q(s: Session) -> tuple[Any, ...]:
        events: dict[int, list[ComplaintEvent]] = defaultdict(list)
        for e in s.scalars(select(ComplaintEvent).order_by(ComplaintEvent.at, ComplaintEvent.id)):
            events[e.complaint_id].append(e)
        return (
            list(s.scalars(select(CustomerPhone))),
            list(s.scalars(select(Customer))),
            list(s.scalars(select(Complaint))),
            events,
        )

    phones, customers, complaints, events = db.read(q)
    assert any(not p.normalized.startswith("1") for p in phones)  # some landlines too
    for p in phones:
        phone = normalize_phone(p.raw)
        assert (p.normalized, p.last4, p.extension) == (
            phone.normalized,
            phone.last4,
            phone.extension,
        )
    for c in customers:
        keys = name_keys(c.name)
        assert (c.name_pinyin, c.name_initials) == (keys.full, keys.initials)
        assert c.service_area
    assert loaded.complaints == len(complaints) > 0
    for c in complaints:
        history = [e for e in events[c.id] if e.action != "escalated"]
        assert history[0].action == "created" and history[-1].to_status is c.status
        stamps = [c.received_at, c.first_answered_at, c.resolved_at, c.closed_at]
        present = [x for x in stamps if x is not None]
        assert present == sorted(present) and present[-1] <= clock.now
        assert (c.resolution_satisfaction is not None) == (c.resolved_at is not None)
        assert c.status is not ComplaintStatus.OPEN or c.first_answered_at is None


def test_every_foreign_key_points_at_a_row(db: Database, loaded: DemoSummary) -> None:
    """PostgreSQL loads without per-row key checks as a superuser; prove nothing dangles."""
    with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for fk in table.foreign_keys:
                child = fk.parent
                target = fk.column.table.alias()  # an alias: some keys point at their own table
                parent = target.c[fk.column.name]
                orphans = conn.scalar(
                    select(func.count())
                    .select_from(table.outerjoin(target, child == parent))
                    .where(child.is_not(None), parent.is_(None))
                )
                assert orphans == 0, f"{table.name}.{child.name}"


# ---------------------------------------------------------------- the app carries on


def test_the_app_continues_numbers_and_ids_after_the_demo(
    db: Database, clock: FakeClock, loaded: DemoSummary
) -> None:
    clerk = users.authenticate(db, "kefu1", DEMO_PASSWORD)
    assert clerk.role is Role.CLERK

    def q(s: Session) -> tuple[Any, ...]:
        counters = {(n.name, n.day): n.last_value for n in s.scalars(select(NumberSequence))}
        used = list(s.scalars(select(Ticket.number)))
        customer = s.scalar(select(Customer.id).order_by(Customer.id.desc()).limit(1))
        return counters, used, customer

    counters, used, customer_id = db.read(q)
    per_day: dict[str, int] = defaultdict(int)
    for number in used:
        day, _, seq = number[1:].partition("-")
        per_day[day] = max(per_day[day], int(seq))
    for day, highest in per_day.items():
        assert counters[("ticket", day)] == highest
    # Open a ticket on the busiest demo day and on today: new numbers, new ids.
    busiest = max(per_day, key=lambda d: per_day[d])
    tz = db.read(settings.timezone)
    for at in (datetime.strptime(busiest + " 12:00", "%Y%m%d %H:%M").replace(tzinfo=tz), clock.now):
        clock.now = at
        view = tickets.open_ticket(db, clerk, TicketDraft(customer_id, TicketKind.REPAIR, "不制冷"))
        assert view.number not in used and view.id > loaded.tickets
    assert db.read(lambda s: s.scalar(select(func.count(Ticket.id)))) == TICKETS + 2

    def direct(s: Session) -> str:
        return numbers.next_number(s, "ticket", clock.now, tz)

    assert db.write(direct) not in used


def test_a_second_load_is_refused(db: Database, clock: FakeClock, loaded: DemoSummary) -> None:
    with pytest.raises(ValueError, match="already loaded"):
        _load(db, clock)
    assert db.read(lambda s: s.scalar(select(func.count(Ticket.id)))) == TICKETS


def test_an_existing_manager_is_kept_and_used(
    db: Database, clock: FakeClock, manager: Actor
) -> None:
    summary = generate(db, customers=10, tickets=30, seed=1, now=clock.now)
    names = db.read(lambda s: set(s.scalars(select(User.username))))
    assert "admin" not in names and "boss" in names and "kefu1" in names
    assert summary.users == 12


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"customers": -1, "tickets": 0}, "negative"),
        ({"customers": 0, "tickets": 5}, "customers"),
        ({"customers": 5, "tickets": 5, "technicians": 0}, "technician"),
    ],
)
def test_impossible_sizes_are_refused(
    db: Database, clock: FakeClock, kwargs: dict[str, int], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        generate(db, seed=1, now=clock.now, **kwargs)  # type: ignore[arg-type]
    assert db.read(lambda s: s.scalar(select(func.count(User.id)))) == 0


@pytest.mark.postgres_only
def test_postgres_load_with_key_checks_on(db: Database, clock: FakeClock) -> None:
    """The same rows pass PostgreSQL's own foreign-key triggers (the non-superuser path)."""
    summary = _load(db, clock, skip_fk_checks=False)
    assert summary.tickets == TICKETS
    with db.engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM tickets")) == TICKETS


def test_the_load_leaves_planner_statistics(db: Database, loaded: DemoSummary) -> None:
    """Without ANALYZE the planner plans searches for empty tables."""

    def stats(s: Session) -> int:
        if db.dialect == "postgresql":
            query = (
                "SELECT count(*) FROM pg_stats WHERE schemaname = current_schema() "
                "AND tablename IN ('customers', 'tickets', 'customer_phones')"
            )
        else:
            query = (
                "SELECT count(*) FROM sqlite_stat1 "
                "WHERE tbl IN ('customers', 'tickets', 'customer_phones')"
            )
        return int(s.execute(text(query)).scalar_one())

    assert db.read(stats) > 0
