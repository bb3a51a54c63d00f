"""The ticket window shows the ticket's parts with what they cost, and keeps them current."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.services.core.database import Actor, Database
from desk_app.services.stock import requisitions
from desk_app.ui.common.context import Desk
from desk_app.ui.common.labels import fmt_money
from desk_app.ui.tickets.ticket_view import TicketDialog
from tests.services import factories
from tests.ui.stock.test_stock_support import Shelf, cell, shelf_fixture  # noqa: F401 - fixture


def test_the_ticket_window_lists_issued_parts_with_quantity_and_price(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor, parts_clerk: Actor, shelf: Shelf
) -> None:
    ticket = factories.ticket(db, clerk)  # warranty unknown: chargeable
    req = requisitions.create_requisition(
        db, clerk, ticket.id, [(shelf.capacitor.id, shelf.main.id, 2)]
    )
    requisitions.issue_requisition(db, parts_clerk, req.id)

    dialog = TicketDialog(desk, ticket_id=ticket.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ticket is not None)
    dialog.tabs.setCurrentWidget(dialog.parts)
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Parts"
    parts = dialog.parts
    qtbot.waitUntil(lambda: parts.model.rowCount() == 1)

    headers = [
        parts.model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(parts.model.columnCount())
    ]
    row = dict(zip(headers, (cell(parts.table, 0, c) for c in range(len(headers))), strict=True))
    assert row["Requisition"] == req.number
    assert row["Part"] == "P-10023 压缩机启动电容"
    assert (row["Requested"], row["Used"]) == ("2", "2")
    assert row["Unit price"] == fmt_money(3500)
    assert row["Value used"] == fmt_money(7000)
    assert fmt_money(7000) in parts.totals.text() and "charged" in parts.totals.text()

    # One capacitor comes back unused at the parts counter (another desk): the window follows.
    desk.changes.start()
    qtbot.waitUntil(lambda: desk.changes.connected is not None)  # the first poll is in
    line = requisitions.get_requisition(db, parts_clerk, req.id).lines[0]
    requisitions.return_unused(db, parts_clerk, line.id, 1)
    qtbot.waitUntil(lambda: cell(parts.table, 0, 4) == "1", timeout=10000)
    assert cell(parts.table, 0, 6) == fmt_money(3500)
