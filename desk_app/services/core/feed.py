"""The change feed: every committed change-log row, delivered exactly once, in id order per read.

Change-log ids are taken when a transaction inserts its row, not when it commits.
On PostgreSQL transaction A can take id N, transaction B id N+1, and B commit
first: a reader that saw N+1 and then asked only for ids above it would never
see N. ``FeedReader`` therefore remembers the ids it skipped over (below the
highest id read, not yet visible) and asks for them again on every read until
they show up, or until ``horizon`` seconds passed (an id whose transaction
rolled back never shows up; a transaction open longer than the horizon is
assumed gone). On SQLite one writer at a time commits in id order, so there
are no such gaps, and the same reader works unchanged.

A reader delivers what committed after ``start()`` (plus, by the same rule,
ids just below the starting point whose transactions were still open then).
It is not thread-safe: one reader per consumer, used by one thread at a time.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.db.models import ChangeLog
from desk_app.services.core import audit
from desk_app.services.core.changes import Change
from desk_app.services.core.database import Database

HORIZON_SECONDS = 300.0
# At start, the ids this far below the newest that are not visible yet are watched
# as gaps: a transaction that took one of them may still commit.
START_WINDOW = 1000
PAGE = 500
_IN_CHUNK = 500


class FeedReader:
    def __init__(
        self,
        db: Database,
        *,
        horizon: float = HORIZON_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        page: int = PAGE,
    ) -> None:
        self._db = db
        self._horizon = horizon
        self._clock = clock
        self._page = page
        self.last_id: int | None = None
        # id -> when it was first missed
        self._gaps: dict[int, float] = {}

    @property
    def started(self) -> bool:
        return self.last_id is not None

    @property
    def gaps(self) -> frozenset[int]:
        """Ids below ``last_id`` not delivered yet, still waited for."""
        return frozenset(self._gaps)

    @property
    def floor(self) -> int:
        """Every id at or below this was delivered, given up on, or before the start."""
        if self.last_id is None:
            return 0
        return min(self._gaps) - 1 if self._gaps else self.last_id

    def start(self) -> None:
        """Begin at the newest change now; nothing visible before is delivered."""
        now = self._clock()
        newest = audit.last_change_id(self._db)
        low = max(newest - START_WINDOW, 0)

        def q(s: Session) -> set[int]:
            ids = s.scalars(
                select(ChangeLog.id).where(ChangeLog.id > low, ChangeLog.id <= newest)
            ).all()
            return set(ids)

        seen = self._db.read(q) if newest > low else set()
        self._gaps = {i: now for i in range(low + 1, newest + 1) if i not in seen}
        self.last_id = newest

    def read(self) -> list[Change]:
        """The changes committed since the last read (a first call only starts the reader).

        Raises ``DatabaseUnavailable`` like any read; the reader's position is then
        unchanged and the next read continues where this one would have.
        """
        if self.last_id is None:
            self.start()
            return []
        now = self._clock()
        self._gaps = {i: t for i, t in self._gaps.items() if now - t < self._horizon}
        after, waiting = self.last_id, sorted(self._gaps)
        # The cheap question first: one index lookup when nothing happened.
        newest = audit.last_change_id(self._db)
        if newest <= after and not waiting:
            return []

        def q(s: Session) -> tuple[list[ChangeLog], list[ChangeLog]]:
            fresh: list[ChangeLog] = []
            if newest > after:
                fresh = list(
                    s.scalars(
                        select(ChangeLog)
                        .where(ChangeLog.id > after)
                        .order_by(ChangeLog.id)
                        .limit(self._page)
                    ).all()
                )
            late: list[ChangeLog] = []
            for n in range(0, len(waiting), _IN_CHUNK):
                chunk = waiting[n : n + _IN_CHUNK]
                late += s.scalars(select(ChangeLog).where(ChangeLog.id.in_(chunk))).all()
            return fresh, late

        fresh, late = self._db.read(q)
        for row in late:
            del self._gaps[row.id]
        expected = after + 1
        for row in fresh:
            for missing in range(expected, row.id):
                self._gaps[missing] = now
            expected = row.id + 1
        if fresh:
            self.last_id = fresh[-1].id
        rows = sorted([*late, *fresh], key=lambda r: r.id)
        return [Change(r.entity, r.entity_id, r.action, r.id) for r in rows]
