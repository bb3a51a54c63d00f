"""Another desk's change reaches a watcher within the board's 2 seconds, on both engines."""

from __future__ import annotations

import threading
import time

from desk_app.domain.enums import Role
from desk_app.services.admin import users
from desk_app.services.core.audit import Change
from desk_app.services.core.database import Database
from desk_app.services.core.watch import ChangeWatcher
from tests.services import factories


def test_change_on_another_desk_arrives_quickly(db_url: str) -> None:
    here = Database(db_url)
    there = Database(db_url)  # another PC: its own engine and connections
    users.create_user(there, None, "boss", "secret-1", Role.MANAGER)
    boss = users.authenticate(there, "boss", "secret-1")
    got: list[Change] = []
    arrived = threading.Event()

    def on_change(changes: list[Change]) -> None:
        got.extend(changes)
        if any(c.entity == "customer" for c in changes):
            arrived.set()

    watcher = ChangeWatcher(here, on_change, poll_interval=0.2)
    watcher.start()
    try:
        time.sleep(0.5)  # the watcher reads where the log stands, then listens
        started = time.monotonic()
        customer = factories.customer(there, boss)
        assert arrived.wait(2.0), "no change seen within 2 s"
        assert time.monotonic() - started < 2.0
        assert any(c.entity == "customer" and c.entity_id == customer.id for c in got)
        # Nothing from before the watcher started is replayed.
        assert not any(c.entity == "user" for c in got)
    finally:
        watcher.stop()
        here.dispose()
        there.dispose()
