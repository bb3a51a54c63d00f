"""Writes say what they changed: a save on this desk reaches its own screens through the
background helper (no screen announces by hand), once, and other desks through the feed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from desk_app.services.core.changes import Change
from desk_app.services.core.database import Actor, Database
from desk_app.services.customers import customers
from desk_app.ui.common.changes import Changes
from desk_app.ui.common.context import Desk
from desk_app.ui.customers.dialogs import ApplianceDialog
from desk_app.ui.customers.lookup import CustomerLookup
from tests.conftest import FakeClock
from tests.services import factories
from tests.ui.conftest import close_desk, make_desk, type_text


def _heard(desk: Desk) -> list[Changes]:
    heard: list[Changes] = []
    desk.changes.changed.connect(heard.append)
    return heard


def test_a_save_tells_this_desks_screens_before_its_answer(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    c = factories.customer(db, clerk)
    order: list[object] = []
    desk.changes.changed.connect(order.append)
    desk.ops.run(
        lambda: factories.appliance(db, clerk, c.id),
        on_success=lambda view: order.append(("answer", view.id)),
    )
    qtbot.waitUntil(lambda: len(order) == 2)
    heard, answer = order
    assert isinstance(heard, Changes) and heard.local
    assert answer == ("answer", next(iter(heard.ids("appliance"))))
    assert heard.touches("customer", c.id)  # the customer's screens show its appliances


def test_a_read_only_job_announces_nothing(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    c = factories.customer(db, clerk)
    heard = _heard(desk)
    done: list[object] = []
    desk.ops.run(lambda: customers.get_customer(db, clerk, c.id), on_success=done.append)
    qtbot.waitUntil(lambda: bool(done))
    assert heard == []


def test_a_failed_job_still_announces_what_it_committed_before(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    c = factories.customer(db, clerk)
    heard = _heard(desk)
    failed: list[BaseException] = []

    def job() -> None:
        factories.appliance(db, clerk, c.id)
        raise RuntimeError("the second step failed")

    desk.ops.run(job, on_failure=failed.append)
    qtbot.waitUntil(lambda: bool(failed))
    assert len(heard) == 1 and heard[0].touches("appliance")


def test_own_change_read_back_from_the_feed_fires_once(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    desk.changes.start()
    qtbot.waitUntil(lambda: desk.changes.connected is True)
    heard = _heard(desk)
    committed: list[Change] = []
    desk.ops.committed.connect(committed.extend)
    desk.ops.run(lambda: factories.customer(db, clerk))
    qtbot.waitUntil(lambda: bool(committed))
    # The hub's polls read the change back from the feed (suppressed by its id).
    feed = desk.changes._feed
    qtbot.waitUntil(lambda: feed.floor >= committed[-1].id, timeout=5000)
    desk.changes.poll()
    qtbot.waitUntil(lambda: not desk.changes._polling)
    assert [h.local for h in heard] == [True]
    assert heard[0].touches("customer", committed[0].entity_id)


@pytest.fixture
def other_desk(
    qtbot: QtBot, db_url: str, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> Iterator[Desk]:
    """A second PC: its own Database (engine, connections), background helper and hub."""
    database = Database(db_url, clock=clock)
    d = make_desk(database, clerk, tmp_path / "other.ini", poll_ms=100)
    yield d
    close_desk(d)
    database.dispose()


def _lookup(qtbot: QtBot, desk: Desk, customer_id: int) -> CustomerLookup:
    screen = CustomerLookup(desk)
    qtbot.addWidget(screen)
    screen.show()
    screen.show_customer(customer_id)
    qtbot.waitUntil(lambda: screen.detail.customer is not None)
    return screen


def test_a_save_refreshes_this_desk_and_reaches_the_other_through_the_feed(
    qtbot: QtBot, desk: Desk, other_desk: Desk, db: Database, clerk: Actor
) -> None:
    c = factories.customer(db, clerk)
    other_desk.changes.start()
    qtbot.waitUntil(lambda: other_desk.changes.connected is True)
    here = _lookup(qtbot, desk, c.id)
    there = _lookup(qtbot, other_desk, c.id)
    heard_there = _heard(other_desk)

    here.detail._add_appliance()
    dialog = here.detail.findChild(ApplianceDialog)
    assert dialog is not None
    dialog.category.setCurrentText("洗衣机")
    type_text(qtbot, dialog.model, "XQG100-HBD14126L")
    type_text(qtbot, dialog.serial, "HX2026001")
    dialog.purchased.setDate(QDate(2026, 10, 1))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    # This desk's detail reloads from the recorded change, without any poll.
    qtbot.waitUntil(lambda: here.detail.appliances.rowCount() == 1, timeout=5000)
    assert here.detail.appliances.row_at(0).warranty_end == date(2027, 10, 1)
    # The other desk reads the same change from the feed and reloads too.
    qtbot.waitUntil(lambda: there.detail.appliances.rowCount() == 1, timeout=5000)
    assert there.detail.appliances.row_at(0).serial == "HX2026001"
    assert any(not h.local and h.touches("customer", c.id) for h in heard_there)
