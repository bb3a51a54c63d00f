"""A technician looking a customer up sees what the services let a technician see: the
phone masked and the address reduced to its district, in the list and in the detail."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk_app.domain.enums import Role
from desk_app.services.core.database import Actor, Database
from desk_app.ui.common.context import Desk
from desk_app.ui.customers.lookup import CustomerLookup
from tests.conftest import make_actor
from tests.services import factories
from tests.ui.conftest import close_desk, make_desk


@pytest.fixture
def technician_desk(qtbot: object, db: Database, manager: Actor, tmp_path: Path) -> Iterator[Desk]:
    tech = make_actor(db, manager, "tech1", Role.TECHNICIAN, "孙师傅")
    d = make_desk(db, tech, tmp_path / "desk.ini")
    yield d
    close_desk(d)


def test_a_technician_finds_the_customer_but_not_the_contact_details(
    qtbot: QtBot, technician_desk: Desk, db: Database, manager: Actor
) -> None:
    factories.customer(db, manager, "张三", "138 1234 5678", "北京市朝阳区建国路88号", "朝阳区")
    screen = CustomerLookup(technician_desk)
    qtbot.addWidget(screen)
    screen.show()

    qtbot.keyClicks(screen.search_box, "zs")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    row = screen.model.row_at(0)
    assert (row.name, row.phone, row.address) == ("张三", "138 **** 5678", "朝阳区")

    screen.show_customer(row.id)
    qtbot.waitUntil(lambda: screen.detail.customer is not None)
    assert "5678" in screen.detail.fields.phone1.text()
    assert "1234" not in screen.detail.fields.phone1.text()
    assert screen.detail.fields.address.text() == "朝阳区"
