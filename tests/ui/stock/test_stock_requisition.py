"""A requisition (配件领用单) as the desk and the parts clerk do it: the front desk raises
one for a ticket (parts reserved at once), the parts clerk issues it with serials,
takes back what was not used, and the ticket's ledger tells who, when and why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.domain.enums import MovementKind, RequisitionStatus
from desk_app.services.core.database import Actor, Database
from desk_app.services.stock import requisitions, stock
from desk_app.services.tickets import tickets
from desk_app.ui.common.context import Desk
from desk_app.ui.stock.issue_dialog import IssueDialog, ReturnDialog
from desk_app.ui.stock.requisition_dialog import RequisitionDialog
from desk_app.ui.stock.ticket_parts import TicketParts
from tests.services import factories
from tests.services.stock_factories import assert_balanced, level
from tests.ui.conftest import type_text
from tests.ui.stock.test_stock_support import (  # noqa: F401 - fixtures
    BOARD_BARCODE,
    CAPACITOR_BARCODE,
    Shelf,
    cell,
    click,
    column_texts,
    make_screen,
    parts_desk_fixture,
    scan,
    shelf_fixture,
)

K = MovementKind


def test_raise_issue_and_return_a_requisition_for_a_ticket(
    qtbot: QtBot,
    desk: Desk,
    parts_desk: Desk,
    db: Database,
    clerk: Actor,
    parts_clerk: Actor,
    shelf: Shelf,
) -> None:
    ticket = factories.ticket(db, clerk)  # warranty unknown: chargeable

    # --- the front desk raises the requisition: two capacitors and a control board
    front = make_screen(qtbot, desk)
    front.tabs.setCurrentWidget(front.requisitions)
    click(qtbot, front.requisitions.new_button)
    dialog = front.requisitions.last_dialog
    assert isinstance(dialog, RequisitionDialog)
    qtbot.waitUntil(lambda: dialog.location.count() == 2)
    scan(qtbot, dialog.ticket_number, ticket.number.lower())
    qtbot.waitUntil(lambda: dialog.ticket is not None)
    assert "张三" in dialog.ticket_info.text()

    scan(qtbot, dialog.picker.edit, CAPACITOR_BARCODE)
    qtbot.waitUntil(lambda: dialog.picker.part is not None)
    qtbot.waitUntil(lambda: "10 free" in dialog.location.currentText())
    dialog.quantity.selectAll()
    qtbot.keyClicks(dialog.quantity, "2")
    qtbot.keyClick(dialog.quantity, Qt.Key.Key_Return)  # Enter adds the line
    assert dialog.lines.rowCount() == 1
    assert dialog.isVisible()  # ... and does not save the dialog

    type_text(qtbot, dialog.picker.edit, "主控板")  # by name this time
    qtbot.keyClick(dialog.picker.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.picker.part is not None)
    assert dialog.picker.part.code == "PCB-01"
    click(qtbot, dialog.add_button)
    assert column_texts(dialog.line_view, 0) == ["P-10023", "PCB-01"]
    assert "3 unit(s)" in dialog.total.text()
    assert "250.00" in dialog.total.text()  # 2 × 35.00 + 180.00

    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.raised_view is not None)
    number = dialog.raised_view.number
    assert number in dialog.banner.text()
    assert "3 unit(s) reserved" in dialog.banner.text()
    assert not dialog.issue_button.isEnabled()  # the front desk may not issue
    # Reserved at once: the demand shows before anything leaves the shelf.
    assert level(db, shelf.capacitor.id, shelf.main.id) == (10, 2)
    assert level(db, shelf.board.id, shelf.main.id) == (3, 1)
    [req] = requisitions.list_requisitions(db, clerk, ticket_id=ticket.id)
    assert (req.status, req.created_by) == (RequisitionStatus.OPEN, "李客服")
    click(qtbot, dialog.close_button)
    front.tabs.setCurrentWidget(front.catalogue)
    qtbot.waitUntil(lambda: cell(front.catalogue.table, 0, front.catalogue.COL_RESERVED) == "2")
    assert cell(front.catalogue.table, 0, front.catalogue.COL_FREE) == "8"

    # --- the parts clerk sees it waiting and issues it, scanning the board's serials
    parts_screen = make_screen(qtbot, parts_desk)
    panel = parts_screen.requisitions
    parts_screen.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert cell(panel.table, 0, 0) == number
    assert "Open" in cell(panel.table, 0, 2)
    click(qtbot, panel.issue_button)
    issue = panel.last_dialog
    assert isinstance(issue, IssueDialog)
    capacitor_line, board_line = issue.requisition.lines
    qtbot.waitUntil(lambda: issue.save_button.isEnabled())
    assert not issue.fitted[capacitor_line.id].isEnabled()  # capacitors carry no serial
    assert issue.fitted[board_line.id].isEnabled()

    click(qtbot, issue.save_button)  # the board's serial is missing
    assert issue.line_errors[board_line.id].isVisible()
    assert requisitions.get_requisition(db, parts_clerk, req.id).status is RequisitionStatus.OPEN
    scan(qtbot, issue.fitted[board_line.id], "KFR35-MB-0001")
    qtbot.keyClicks(issue.removed[board_line.id], "KFR35-MB-OLD9")
    click(qtbot, issue.save_button)
    qtbot.waitUntil(lambda: issue.result_value is not None)

    issued = requisitions.get_requisition(db, parts_clerk, req.id)
    assert (issued.status, issued.issued_by) == (RequisitionStatus.ISSUED, "钱配件")
    assert level(db, shelf.capacitor.id, shelf.main.id) == (8, 0)
    assert level(db, shelf.board.id, shelf.main.id) == (2, 0)
    board_issue = next(
        m for m in stock.ledger(db, parts_clerk, ticket_id=ticket.id) if m.part_id == shelf.board.id
    )
    assert (board_issue.kind, board_issue.serial_fitted, board_issue.serial_removed) == (
        K.ISSUE,
        "KFR35-MB-0001",
        "KFR35-MB-OLD9",
    )
    assert tickets.get_ticket(db, clerk, ticket.id).parts_cents == 25000
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)  # nothing left to issue

    # --- one capacitor comes back unused
    panel.show_ticket(ticket.number)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1 and panel.totals.isVisible())
    assert "250.00" in panel.totals.text()
    panel.line_view.selectRow(0)
    click(qtbot, panel.return_button)
    back = panel.last_dialog
    assert isinstance(back, ReturnDialog)
    assert back.quantity.maximum() == 2
    back.quantity.setValue(1)
    type_text(qtbot, back.reason, "故障不在电容")
    click(qtbot, back.save_button)
    qtbot.waitUntil(lambda: back.result_value is not None)
    assert level(db, shelf.capacitor.id, shelf.main.id) == (9, 0)
    assert tickets.get_ticket(db, clerk, ticket.id).parts_cents == 21500
    qtbot.waitUntil(lambda: "215.00" in panel.totals.text())
    qtbot.waitUntil(lambda: cell(panel.line_view, 0, 5) == "1")  # returned
    assert_balanced(db)

    # --- the ticket's ledger: who moved what, when and why
    click(qtbot, panel.ledger_button)
    ledger = parts_screen.ledger
    qtbot.waitUntil(lambda: ledger.model.rowCount() == 3)
    assert column_texts(ledger.table, 2) == ["Return unused", "Issue", "Issue"]
    assert column_texts(ledger.table, 7) == ["钱配件"] * 3
    assert cell(ledger.table, 0, 8) == "故障不在电容"
    assert set(column_texts(ledger.table, 10)) == {number}
    assert ledger.ticket.text() == ticket.number


def test_a_requisition_for_more_than_is_free_is_refused_and_kept(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor, shelf: Shelf
) -> None:
    ticket = factories.ticket(db, clerk)
    screen = make_screen(qtbot, desk)
    dialog = screen.requisitions.new_requisition()
    qtbot.waitUntil(lambda: dialog.location.count() == 2)
    scan(qtbot, dialog.ticket_number, ticket.number)
    qtbot.waitUntil(lambda: dialog.ticket is not None)
    scan(qtbot, dialog.picker.edit, BOARD_BARCODE)
    qtbot.waitUntil(lambda: dialog.picker.part is not None)
    dialog.quantity.selectAll()
    qtbot.keyClicks(dialog.quantity, "5")
    click(qtbot, dialog.add_button)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.banner.text() != "")
    assert "Not enough stock of PCB-01: 3 available" in dialog.banner.text()
    assert dialog.lines.rowCount() == 1  # the lines are still there to correct
    assert dialog.save_button.isEnabled()
    assert level(db, shelf.board.id, shelf.main.id) == (3, 0)
    assert requisitions.list_requisitions(db, clerk, ticket_id=ticket.id) == []


def test_the_ticket_window_shows_its_parts_and_their_cost(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor, parts_clerk: Actor, shelf: Shelf
) -> None:
    ticket = factories.ticket(db, clerk)
    req = requisitions.create_requisition(
        db, clerk, ticket.id, [(shelf.capacitor.id, shelf.main.id, 2)]
    )
    requisitions.issue_requisition(db, parts_clerk, req.id)
    panel = TicketParts(desk)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_ticket(ticket.id)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    summary = panel.totals.text()
    assert all(w in summary for w in ("70.00", "40.00", "charged"))

    # More parts for the same ticket, raised from its window: the list follows.
    click(qtbot, panel.request_button)
    dialog = panel.last_dialog
    assert isinstance(dialog, RequisitionDialog)
    qtbot.waitUntil(lambda: dialog.ticket is not None and dialog.location.count() == 2)
    scan(qtbot, dialog.picker.edit, BOARD_BARCODE)
    qtbot.waitUntil(lambda: dialog.picker.part is not None)
    click(qtbot, dialog.add_button)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    assert column_texts(panel.table, 1)[1] == "Open (reserved)"
