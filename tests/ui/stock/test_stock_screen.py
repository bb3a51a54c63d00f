"""The stock screen as the main window hosts it (``screens={"stock": StockScreen}``):
it loads when turned to, and follows changes made on another desk."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desk_app.services.core.database import Actor, Database
from desk_app.services.stock import stock
from desk_app.ui.common.context import Desk
from desk_app.ui.shell.main_window import MainWindow
from desk_app.ui.stock.screen import StockScreen
from tests.ui.stock.test_stock_support import (  # noqa: F401 - fixtures
    Shelf,
    cell,
    parts_desk_fixture,
    shelf_fixture,
)


def test_hosted_by_the_main_window_and_current_with_other_desks(
    qtbot: QtBot, parts_desk: Desk, db: Database, manager: Actor, shelf: Shelf
) -> None:
    window = MainWindow(parts_desk, confirm_close=False, screens={"stock": StockScreen})
    qtbot.addWidget(window)
    window.show()
    screen = window.screens["stock"]
    assert isinstance(screen, StockScreen)
    assert screen.catalogue.model.rowCount() == 0  # nothing loaded while out of view
    window.show_screen("stock")
    qtbot.waitUntil(lambda: screen.catalogue.model.rowCount() == 2)
    assert cell(screen.catalogue.table, 0, screen.catalogue.COL_ON_HAND) == "10"

    # The manager receives five capacitors on another desk; this one follows.
    parts_desk.changes.start()
    qtbot.waitUntil(lambda: parts_desk.changes.connected is not None)  # the first poll is in
    stock.receive(db, manager, shelf.capacitor.id, shelf.main.id, 5)
    qtbot.waitUntil(
        lambda: cell(screen.catalogue.table, 0, screen.catalogue.COL_ON_HAND) == "15",
        timeout=10000,
    )
