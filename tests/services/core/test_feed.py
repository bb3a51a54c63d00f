"""The feed reader delivers every committed change-log row exactly once, also rows whose
transaction took a smaller id and committed after a larger one was read.

On SQLite the out-of-order commit is staged by writing rows with chosen ids (one
writer at a time never produces it by itself); tests/concurrency/test_feed_order.py
produces it for real on PostgreSQL.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from desk_app.db.models import ChangeLog
from desk_app.domain.errors import DatabaseUnavailable
from desk_app.services.core import audit
from desk_app.services.core.database import Database
from desk_app.services.core.feed import HORIZON_SECONDS, FeedReader
from tests.conftest import FakeClock


class Ticks:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def sqlite_db(sqlite_template: Path, tmp_path: Path, clock: FakeClock) -> Iterator[Database]:
    target = tmp_path / "feed.sqlite3"
    shutil.copyfile(sqlite_template, target)
    database = Database(f"sqlite:///{target}", clock=clock)
    yield database
    database.dispose()


def put(db: Database, *ids: int) -> None:
    """Commit change-log rows with exactly these ids (customer ``id`` changed)."""

    def tx(s: Session) -> None:
        for i in ids:
            s.add(ChangeLog(id=i, at=db.now(), entity="customer", entity_id=i, action="test"))

    db.write(tx)


def ids(changes: list[audit.Change]) -> list[int]:
    return [c.id for c in changes]


def test_starts_at_the_newest_change(sqlite_db: Database) -> None:
    put(sqlite_db, 1, 2)
    reader = FeedReader(sqlite_db, clock=Ticks())
    assert reader.read() == []  # the first read only finds where the log stands
    assert reader.last_id == 2
    put(sqlite_db, 3, 4)
    got = reader.read()
    assert ids(got) == [3, 4]
    assert (got[0].entity, got[0].entity_id, got[0].action) == ("customer", 3, "test")
    assert reader.read() == []


def test_a_late_commit_below_the_newest_is_delivered_once(sqlite_db: Database) -> None:
    reader = FeedReader(sqlite_db, clock=Ticks())
    reader.start()
    put(sqlite_db, 1, 2, 4)  # 3 is taken by a transaction still open
    assert ids(reader.read()) == [1, 2, 4]
    assert reader.gaps == {3}
    assert reader.floor == 2
    assert reader.read() == []
    put(sqlite_db, 3, 5)
    assert ids(reader.read()) == [3, 5]
    assert reader.gaps == set()
    assert reader.floor == 5
    assert reader.read() == []


def test_a_gap_is_given_up_after_the_horizon(sqlite_db: Database) -> None:
    ticks = Ticks()
    reader = FeedReader(sqlite_db, clock=ticks, horizon=HORIZON_SECONDS)
    reader.start()
    put(sqlite_db, 1, 3)  # 2 rolled back: it never shows up
    assert ids(reader.read()) == [1, 3]
    ticks.now += HORIZON_SECONDS - 1
    assert reader.read() == []
    assert reader.gaps == {2}  # still waited for, asked again on every read
    ticks.now += 2
    assert reader.read() == []
    assert reader.gaps == set()
    put(sqlite_db, 2)  # far too late: a transaction open past the horizon counts as gone
    put(sqlite_db, 4)
    assert ids(reader.read()) == [4]


def test_ids_still_open_when_the_reader_starts_are_waited_for(sqlite_db: Database) -> None:
    put(sqlite_db, 1, 3)
    reader = FeedReader(sqlite_db, clock=Ticks())
    reader.start()
    assert reader.last_id == 3
    assert reader.gaps == {2}
    put(sqlite_db, 2)
    assert ids(reader.read()) == [2]


def test_pages_through_a_long_backlog_without_losing_a_row(sqlite_db: Database) -> None:
    reader = FeedReader(sqlite_db, clock=Ticks(), page=3)
    reader.start()
    put(sqlite_db, *range(1, 9))
    got: list[int] = []
    for _ in range(4):
        got += ids(reader.read())
    assert got == list(range(1, 9))


def test_a_failed_read_loses_nothing(sqlite_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    reader = FeedReader(sqlite_db, clock=Ticks())
    reader.start()
    put(sqlite_db, 1, 2)

    def down(_db: object) -> int:
        raise DatabaseUnavailable()

    monkeypatch.setattr(audit, "last_change_id", down)
    with pytest.raises(DatabaseUnavailable):
        reader.read()
    monkeypatch.undo()
    assert ids(reader.read()) == [1, 2]


def test_works_the_same_on_both_engines(db: Database) -> None:
    """With real writes (ids from the database), each committed change arrives once."""
    reader = FeedReader(db)
    reader.start()
    for n in range(3):
        db.write(lambda s, n=n: audit.record(s, None, "test.n", "customer", n, at=db.now()))
    assert [c.entity_id for c in reader.read()] == [0, 1, 2]
    assert reader.read() == []
