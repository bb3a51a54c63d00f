"""The one "what changed" signal: local saves and other desks' writes, one stream.

Every screen connects to ``ChangeHub.changed`` and decides for itself whether
a change concerns what it shows (Anki's ``operation_did_execute``). Two feeds:

- local: every background job runs inside a change recorder; when one of its
  writes commits, ``BackgroundOps.committed`` carries the change-log rows it
  wrote (kind of record, id) and the hub fires at once, before the job's
  ``on_success`` runs. No screen announces a save by hand.
- other desks: every ``interval_ms`` the hub reads the change feed
  (``feed.FeedReader``: every committed row exactly once, also rows that commit
  after a higher id was read) off the GUI thread. This works on SQLite and
  PostgreSQL alike. On PostgreSQL a ``ChangeWatcher`` also LISTENs on
  ``desk_changes`` and wakes the hub at once when another desk commits, so the
  timer is only the fallback and the connection check.

A change this desk made shows up again in the feed a moment later; the hub
knows its change-log id and does not fire twice (by id, not by time). The poll
also tells whether the database answers: ``connection_changed(bool)`` drives the
status bar.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from desk_app.services.core.changes import Change
from desk_app.services.core.database import Database
from desk_app.services.core.feed import FeedReader
from desk_app.services.core.watch import ChangeWatcher
from desk_app.ui.common.operations import BackgroundOps

log = logging.getLogger(__name__)

POLL_LIMIT = 2000
# Change-log ids the feed delivered lately, so a local commit reported after the
# poll already read it (a narrow race) is not fired a second time.
RECENT_FEED_IDS = 5000


@dataclass(frozen=True)
class Changes:
    """What changed: (entity, id) pairs as the change log names them."""

    items: frozenset[tuple[str, int]]
    local: bool

    @classmethod
    def of(cls, changes: Iterable[Change], *, local: bool) -> Changes:
        return cls(frozenset((c.entity, c.entity_id) for c in changes), local)

    def touches(self, entity: str, entity_id: int | None = None) -> bool:
        return any(e == entity and (entity_id is None or i == entity_id) for e, i in self.items)

    def ids(self, entity: str) -> set[int]:
        return {i for e, i in self.items if e == entity}


class ChangeHub(QObject):
    """Fires ``changed(Changes)`` for local saves and other desks' writes."""

    changed = Signal(object)
    connection_changed = Signal(bool)
    # Emitted from the watcher's thread; queued, so poll() runs on the GUI thread.
    _wake = Signal()

    def __init__(
        self,
        db: Database,
        ops: BackgroundOps,
        *,
        interval_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._ops = ops
        self._feed = FeedReader(db, page=POLL_LIMIT)
        self._polling = False
        self._poll_again = False
        self._watcher: ChangeWatcher | None = None
        self._connected: bool | None = None
        # Ids of this desk's committed changes, not yet read back from the feed.
        self._own: set[int] = set()
        self._from_feed: deque[int] = deque(maxlen=RECENT_FEED_IDS)
        ops.committed.connect(self._committed)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)
        self._wake.connect(self.poll, Qt.ConnectionType.QueuedConnection)

    @property
    def connected(self) -> bool | None:
        """None until the first poll answered."""
        return self._connected

    def start(self) -> None:
        self.poll()
        self._timer.start()
        if self._db.dialect == "postgresql" and self._watcher is None:
            self._watcher = ChangeWatcher(self._db, lambda _changes: self._wake.emit())
            self._watcher.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None

    def _committed(self, changes: list[Change]) -> None:
        """A write on this desk committed: tell every screen now."""
        seen = set(self._from_feed)
        fresh = [c for c in changes if c.id not in seen]
        self._own.update(c.id for c in fresh)
        if fresh:
            self.changed.emit(Changes.of(fresh, local=True))

    def poll(self) -> None:
        """Ask the feed for changes since the last poll (skipped if one is running)."""
        if self._polling:
            self._poll_again = True  # a wake-up during a poll is never lost
            return
        self._polling = True
        feed = self._feed

        def fetch() -> tuple[list[Change], int]:
            # The reader is touched by one poll at a time (see _polling), on a worker.
            return feed.read(), feed.floor

        self._ops.run(
            fetch, on_success=self._polled, on_failure=self._poll_failed, owner=self, quiet=True
        )

    def _polled(self, result: tuple[list[Change], int]) -> None:
        self._finish_poll()
        self._set_connected(True)
        rows, floor = result
        others: list[Change] = []
        for row in rows:
            self._from_feed.append(row.id)
            if row.id in self._own:
                self._own.discard(row.id)
            else:
                others.append(row)
        # Own ids at or below the floor will never be read (committed before the start).
        self._own = {i for i in self._own if i > floor}
        if others:
            self.changed.emit(Changes.of(others, local=False))

    def _finish_poll(self) -> None:
        self._polling = False
        if self._poll_again:
            self._poll_again = False
            QTimer.singleShot(0, self.poll)

    def _poll_failed(self, error: BaseException) -> None:
        self._finish_poll()
        log.warning("change poll failed: %s", error)
        self._set_connected(False)

    def _set_connected(self, value: bool) -> None:
        if value != self._connected:
            self._connected = value
            self.connection_changed.emit(value)
