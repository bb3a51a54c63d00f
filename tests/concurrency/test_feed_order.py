"""The change feed on PostgreSQL, where transactions commit out of the order of their
change-log ids: every committed change reaches a reader exactly once.

Ids are taken at INSERT, so transaction A can hold id N open while B takes N+1
and commits. A reader that only asked for ids above the highest it had seen
would never deliver N (the bug these tests pin down)."""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session

from desk_app.domain.errors import ValidationError
from desk_app.services.core import audit
from desk_app.services.core.changes import Change
from desk_app.services.core.database import Database
from desk_app.services.core.feed import FeedReader
from desk_app.services.core.watch import ChangeWatcher

pytestmark = pytest.mark.postgres_only

WRITERS = 8
WRITES_EACH = 15


@pytest.fixture
def pg(pg_url: str) -> Iterator[Database]:
    database = Database(pg_url)
    yield database
    database.dispose()


def touch(db: Database, entity_id: int) -> Change:
    _result, committed = db.write_with_changes(
        lambda s: audit.record(s, None, "test.touch", "customer", entity_id, at=db.now())
    )
    (change,) = committed
    return change


def test_a_change_committed_after_a_higher_id_was_read_arrives_once(pg: Database) -> None:
    reader = FeedReader(pg)
    reader.start()
    watched: list[Change] = []
    watcher = ChangeWatcher(pg, watched.extend, poll_interval=0.1)
    watcher.start()
    deadline = time.monotonic() + 5
    while not watcher.feed.started and time.monotonic() < deadline:
        time.sleep(0.01)  # the watcher finds where the log stands on its own thread
    other = Database(pg.url)  # another desk, its own connections
    try:
        # Transaction A takes id N and stays open...
        with other.engine.connect() as conn, conn.begin() as tx_a:
            session = Session(bind=conn)
            audit.record(session, None, "test.slow", "customer", 1, at=pg.now())
            session.flush()
            # ...while B takes N+1 and commits.
            b = touch(pg, 2)
            first = reader.read()
            assert [(c.entity_id, c.id) for c in first] == [(2, b.id)]
            assert reader.gaps == {b.id - 1}, "A's id is waited for"
            tx_a.commit()
            session.close()
        late = reader.read()
        assert [(c.entity_id, c.action) for c in late] == [(1, "test.slow")]
        assert late[0].id == b.id - 1
        assert reader.read() == []
        assert reader.gaps == set()
        # The watcher (LISTEN/NOTIFY and the same reader) got both, once each.
        deadline = time.monotonic() + 5
        while len(watched) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)  # room for a wrong second delivery
        assert sorted(c.entity_id for c in watched) == [1, 2]
    finally:
        watcher.stop()
        other.dispose()


def test_many_writers_out_of_order_every_change_exactly_once(pg: Database) -> None:
    """Writers hold their id for a random while before committing (some roll back);
    a reader reading all the time delivers each committed change once, none other."""
    reader = FeedReader(pg)
    reader.start()
    committed: list[int] = []
    lock = threading.Lock()
    writing = threading.Event()
    writing.set()
    delivered: list[int] = []
    failures: list[BaseException] = []

    def write(worker: int) -> None:
        dbw = Database(pg.url)
        rng = random.Random(worker)
        try:
            for n in range(WRITES_EACH):

                def tx(s: Session, n: int = n) -> None:
                    audit.record(s, None, "test.race", "customer", worker * 100 + n, at=pg.now())
                    s.flush()  # the id is taken now...
                    time.sleep(rng.uniform(0, 0.05))  # ...and committed a while later
                    if rng.random() < 0.15:
                        raise ValidationError("name", "field.required")  # rolled back

                try:
                    _r, changes = dbw.write_with_changes(tx)
                except ValidationError:
                    continue
                with lock:
                    committed.extend(c.id for c in changes)
        except BaseException as error:  # reported by the test thread
            failures.append(error)
        finally:
            dbw.dispose()

    def read() -> None:
        try:
            while writing.is_set():
                delivered.extend(c.id for c in reader.read())
                time.sleep(0.005)
        except BaseException as error:
            failures.append(error)

    reading = threading.Thread(target=read)
    reading.start()
    writers = [threading.Thread(target=write, args=(w,)) for w in range(WRITERS)]
    for t in writers:
        t.start()
    for t in writers:
        t.join(60)
    writing.clear()
    reading.join(10)
    assert not failures, failures
    delivered += [c.id for c in reader.read()]  # whatever committed after the last read
    twice = [i for i, k in Counter(delivered).items() if k > 1]
    assert twice == [], "delivered more than once"
    assert sorted(delivered) == sorted(committed)
    assert sorted(committed) == [c.id for c in audit.changes_since(pg, 0, limit=10_000)]
    assert len(committed) > WRITERS * WRITES_EACH // 2
