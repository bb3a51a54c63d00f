"""Notice other desks' changes: LISTEN/NOTIFY on PostgreSQL, a cheap poll on SQLite.

Either way the change log is the truth: a wake-up only says "look", and the
watcher then reads the feed (``feed.FeedReader``): every ``change_log`` row
committed since it started, exactly once, also rows that commit after a higher
id was read, so nothing is lost across a dropped connection, a missed
notification or transactions committing out of id order. (While it waits
for such a late row it also reads after every quiet interval, not only on NOTIFY.)

Thread safety: ``on_change`` is called from the watcher's own thread; a Qt
caller must hop to the GUI thread (a queued signal) before touching widgets.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import psycopg
from sqlalchemy.engine import make_url

from desk_app.domain.errors import DatabaseUnavailable
from desk_app.services.core.audit import NOTIFY_CHANNEL
from desk_app.services.core.changes import Change
from desk_app.services.core.database import Database
from desk_app.services.core.feed import FeedReader

log = logging.getLogger(__name__)


class ChangeWatcher:
    def __init__(
        self,
        db: Database,
        on_change: Callable[[list[Change]], None],
        *,
        poll_interval: float = 0.5,
    ) -> None:
        self._db = db
        self._on_change = on_change
        self._interval = poll_interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.feed = FeedReader(db)
        self.connected = True

    def start(self) -> None:
        """Start watching from the newest change now (read on the watcher's thread)."""
        self._thread = threading.Thread(target=self._run, name="change-watcher", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _deliver(self) -> None:
        changes = self.feed.read()
        if changes:
            self._on_change(changes)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.feed.start()
                break
            except DatabaseUnavailable:
                self.connected = False
                self._stop.wait(2.0)
        while not self._stop.is_set():
            try:
                if self._db.dialect == "postgresql":
                    self._listen()
                else:
                    self._deliver()
                    self._stop.wait(self._interval)
                self.connected = True
            except (DatabaseUnavailable, psycopg.Error) as error:
                self.connected = False
                log.warning("change watcher lost the database: %s", error)
                self._stop.wait(2.0)

    def _listen(self) -> None:
        url = make_url(self._db.url).set(drivername="postgresql")
        conninfo = url.render_as_string(hide_password=False)
        with psycopg.connect(conninfo, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
            self._deliver()  # whatever happened while we were not listening
            while not self._stop.is_set():
                woke = False
                for _ in conn.notifies(timeout=self._interval, stop_after=1):
                    woke = True
                if woke or self.feed.gaps:
                    self._deliver()
