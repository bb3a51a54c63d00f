"""The one "what changed" signal: local saves and other desks' writes, one stream.

Every screen connects to ``ChangeHub.changed`` and decides for itself whether
a change concerns what it shows (Anki's ``operation_did_execute``). Two feeds:

- local: a screen that saved something calls ``announce(entity, id)`` right
  after its background write succeeded; the signal fires at once.
- other desks: every ``interval_ms`` the hub reads ``audit.last_change_id`` off
  the GUI thread and, when it moved, the new rows of the change log. This works
  on SQLite and PostgreSQL alike. On PostgreSQL a ``ChangeWatcher`` also
  LISTENs on ``desk_changes`` and wakes the hub at once when another desk
  commits, so the timer is only the fallback and the connection check.

A change this desk announced shows up again in the change log a moment later;
the hub recognises it and does not fire twice. The poll also tells whether the
database answers: ``connection_changed(bool)`` drives the status bar.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from desk_app.services.core import audit
from desk_app.services.core.database import Database
from desk_app.services.core.watch import ChangeWatcher
from desk_app.ui.common.operations import BackgroundOps

log = logging.getLogger(__name__)

# An announced change not seen in the log within this time is forgotten, so a
# mismatch can never hide another desk's later change for long.
ECHO_SECONDS = 30.0
POLL_LIMIT = 2000


@dataclass(frozen=True)
class Changes:
    """What changed: (entity, id) pairs as the change log names them."""

    items: frozenset[tuple[str, int]]
    local: bool

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
        self._last_id: int | None = None
        self._polling = False
        self._poll_again = False
        self._watcher: ChangeWatcher | None = None
        self._connected: bool | None = None
        # Local announcements waiting for their echo from the change log.
        self._echo: list[tuple[tuple[str, int], float]] = []
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

    def announce(
        self, entity: str, entity_id: int, *, related: tuple[tuple[str, int], ...] = ()
    ) -> None:
        """A save on this desk succeeded: tell every screen now.

        ``entity``/``entity_id`` name the record as the change log will (the
        later echo from the log is then swallowed); ``related`` pairs are for
        local listeners only, e.g. the customer whose appliance was added.
        """
        now = time.monotonic()
        self._echo = [(pair, t) for pair, t in self._echo if now - t < ECHO_SECONDS]
        self._echo.append(((entity, entity_id), now))
        self.changed.emit(Changes(frozenset({(entity, entity_id), *related}), local=True))

    def poll(self) -> None:
        """Ask the database for changes since the last poll (skipped if one is running)."""
        if self._polling:
            self._poll_again = True  # a wake-up during a poll is never lost
            return
        self._polling = True
        db, after = self._db, self._last_id

        def fetch() -> tuple[int, list[audit.Change]]:
            newest = audit.last_change_id(db)
            if after is None or newest <= after:
                return newest, []
            rows = audit.changes_since(db, after, limit=POLL_LIMIT)
            # More than a page behind: continue from the last row read, not the newest.
            return (rows[-1].id if len(rows) == POLL_LIMIT else newest), rows

        self._ops.run(
            fetch, on_success=self._polled, on_failure=self._poll_failed, owner=self, quiet=True
        )

    def _polled(self, result: tuple[int, list[audit.Change]]) -> None:
        self._finish_poll()
        self._set_connected(True)
        newest, rows = result
        first = self._last_id is None
        self._last_id = max(newest, self._last_id or 0)
        if first or not rows:
            return
        items: set[tuple[str, int]] = set()
        for row in rows:
            pair = (row.entity, row.entity_id)
            echo = next((e for e in self._echo if e[0] == pair), None)
            if echo is not None:
                self._echo.remove(echo)
                continue
            items.add(pair)
        if items:
            self.changed.emit(Changes(frozenset(items), local=False))

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
