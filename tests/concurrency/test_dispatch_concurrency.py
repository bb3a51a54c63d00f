"""Two dispatchers booking one technician into overlapping visits at the same instant.

The clash check of ``dispatch._book`` reads before it writes; on PostgreSQL two
transactions booking different tickets read at once, see no clash and both
insert. The database itself refuses the second: an exclusion constraint over
technician and visit time (PostgreSQL), the write lock taken at BEGIN (SQLite).
Each round starts both desks at one barrier, each with its own Database (its own
engine and connections), as each PC has.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest
from sqlalchemy import exc, select

from desk_app.db.models import Appointment
from desk_app.domain.enums import Role
from desk_app.domain.errors import DoubleBooking
from desk_app.services.admin import users
from desk_app.services.core.database import Actor, Database
from desk_app.services.dispatch import dispatch
from desk_app.services.dispatch.dispatch import TechnicianDraft
from tests.concurrency.threads import race
from tests.services import factories

ROUNDS = 30
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 10:00 in Shanghai
FIRST_DAY = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)  # Tuesday 09:00 in Shanghai


def _staff(db: Database) -> tuple[Actor, Actor, Actor, int]:
    """(manager, two dispatchers, a technician) on ``db``."""
    users.create_user(db, None, "boss", "secret-1", Role.MANAGER, "王经理")
    boss = users.authenticate(db, "boss", "secret-1")
    users.create_user(db, boss, "disp1", "secret-1", Role.DISPATCHER, "赵派工")
    users.create_user(db, boss, "disp2", "secret-1", Role.DISPATCHER, "钱派工")
    d1 = users.authenticate(db, "disp1", "secret-1")
    d2 = users.authenticate(db, "disp2", "secret-1")
    tech = dispatch.create_technician(db, boss, TechnicianDraft("孙师傅", daily_capacity=50)).id
    return boss, d1, d2, tech


def _booked(db: Database, technician_id: int) -> list[Appointment]:
    return db.read(
        lambda s: list(
            s.scalars(
                select(Appointment)
                .where(Appointment.technician_id == technician_id, Appointment.state == "booked")
                .order_by(Appointment.starts_at)
            )
        )
    )


def test_overlapping_bookings_at_one_instant_exactly_one_wins(db_url: str) -> None:
    """Many rounds, both engines: one desk books, the other is told whose visit is there."""
    db = Database(db_url, clock=lambda: NOW)
    boss, d1, d2, tech = _staff(db)
    customer = factories.customer(db, boss).id
    desks = [Database(db_url, clock=lambda: NOW) for _ in range(2)]
    actors = [d1, d2]
    try:
        for n in range(ROUNDS):
            pair = [factories.ticket(db, boss, customer) for _ in range(2)]
            nine = FIRST_DAY + timedelta(days=n)
            # 09:00-10:00 and 09:30-10:30 the same day: they overlap by half an hour.
            half = nine + timedelta(minutes=30)
            windows = [(nine, nine + timedelta(hours=1)), (half, half + timedelta(hours=1))]
            results = race(
                2,
                lambda i, pair=pair, windows=windows: dispatch.assign(  # type: ignore[misc]
                    desks[i],
                    actors[i],
                    pair[i].id,
                    tech,
                    starts=windows[i][0],
                    ends=windows[i][1],
                    expected_version=pair[i].version,
                ),
            )
            wins = [r for r in results if not isinstance(r, BaseException)]
            refusals = [r for r in results if isinstance(r, DoubleBooking)]
            assert len(wins) == 1 and len(refusals) == 1, (n, results)
            winner = wins[0]
            refused = refusals[0]
            assert refused.code == "dispatch.double_booking"
            assert refused.other_ticket == winner.number
            assert refused.technician == "孙师傅"
            i = results.index(winner)
            assert (refused.starts, refused.ends) == windows[i]
        visits = _booked(db, tech)
        assert len(visits) == ROUNDS
        assert all(a.override_reason is None for a in visits)
        for a, b in pairwise(visits):
            assert a.ends_at <= b.starts_at
    finally:
        for d in desks:
            d.dispose()
        db.dispose()


def test_overriding_with_a_reason_stays_possible_at_one_instant(db_url: str) -> None:
    """A visit booked next to another on purpose (with the reason) is stored."""
    db = Database(db_url, clock=lambda: NOW)
    boss, d1, d2, tech = _staff(db)
    customer = factories.customer(db, boss).id
    first = factories.ticket(db, boss, customer)
    dispatch.assign(db, d1, first.id, tech, starts=FIRST_DAY, ends=FIRST_DAY + timedelta(hours=2))
    pair = [factories.ticket(db, boss, customer) for _ in range(2)]
    desks = [Database(db_url, clock=lambda: NOW) for _ in range(2)]
    actors = [d1, d2]
    try:
        results = race(
            2,
            lambda i: dispatch.assign(
                desks[i],
                actors[i],
                pair[i].id,
                tech,
                starts=FIRST_DAY + timedelta(minutes=30 * i),
                ends=FIRST_DAY + timedelta(minutes=30 * i + 60),
                override_reason="同一小区，一起上门",
            ),
        )
        assert all(not isinstance(r, BaseException) for r in results), results
        visits = _booked(db, tech)
        assert [a.ticket_id for a in visits] == [first.id, pair[0].id, pair[1].id]
        assert [a.override_reason for a in visits] == [None, *["同一小区，一起上门"] * 2]
    finally:
        for d in desks:
            d.dispose()
        db.dispose()


def test_two_overrides_at_one_instant_both_stored_one_recorded_as_override(db_url: str) -> None:
    """Both dispatchers say "book anyway": both visits are stored, and whichever came
    second (refused by the database, or seeing the first) carries the reason."""
    db = Database(db_url, clock=lambda: NOW)
    boss, d1, d2, tech = _staff(db)
    customer = factories.customer(db, boss).id
    desks = [Database(db_url, clock=lambda: NOW) for _ in range(2)]
    actors = [d1, d2]
    try:
        for n in range(ROUNDS):
            pair = [factories.ticket(db, boss, customer) for _ in range(2)]
            nine = FIRST_DAY + timedelta(days=n)
            results = race(
                2,
                lambda i, pair=pair, nine=nine: dispatch.assign(  # type: ignore[misc]
                    desks[i],
                    actors[i],
                    pair[i].id,
                    tech,
                    starts=nine + timedelta(minutes=30 * i),
                    ends=nine + timedelta(minutes=30 * i + 60),
                    override_reason=f"同楼上门 {i}",
                ),
            )
            assert all(not isinstance(r, BaseException) for r in results), (n, results)
            day = [a for a in _booked(db, tech) if a.ticket_id in {p.id for p in pair}]
            reasons = sorted(a.override_reason or "" for a in day)
            assert len(day) == 2 and reasons[0] == "" and reasons[1].startswith("同楼上门"), n
    finally:
        for d in desks:
            d.dispose()
        db.dispose()


@pytest.mark.postgres_only
def test_the_database_itself_refuses_an_overlapping_visit(db_url: str) -> None:
    """Past the service's check: a second active visit over the first is refused by
    PostgreSQL (exclusion constraint); with an override reason, or once the first is
    no longer booked, it is stored."""
    db = Database(db_url, clock=lambda: NOW)
    boss, d1, _d2, tech = _staff(db)
    customer = factories.customer(db, boss).id
    first, second = (factories.ticket(db, boss, customer) for _ in range(2))
    dispatch.assign(db, d1, first.id, tech, starts=FIRST_DAY, ends=FIRST_DAY + timedelta(hours=2))

    def insert(override: str | None) -> None:
        def tx(s):  # type: ignore[no-untyped-def]
            s.add(
                Appointment(
                    ticket_id=second.id,
                    technician_id=tech,
                    starts_at=FIRST_DAY + timedelta(hours=1),
                    ends_at=FIRST_DAY + timedelta(hours=3),
                    state="booked",
                    override_reason=override,
                    created_at=NOW,
                    created_by=d1.user_id,
                )
            )

        db.write(tx)

    with pytest.raises(exc.IntegrityError) as info:
        insert(None)
    assert getattr(info.value.orig, "sqlstate", None) == "23P01"
    insert("客户坚持")  # an override is allowed beside the other visit
    assert len(_booked(db, tech)) == 2
    db.dispose()
