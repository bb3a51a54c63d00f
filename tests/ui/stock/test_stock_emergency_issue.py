"""The emergency issue (应急出库) on the requisitions tab: a part handed out for a ticket
without a requisition raised first, only by the roles that move stock, always with
the reason; a refusal keeps the form as typed."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desk_app.domain.enums import RequisitionStatus
from desk_app.services.core.database import Actor, Database
from desk_app.services.stock import requisitions
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import code_text
from desk_app.ui.stock.issue_dialog import EmergencyIssueDialog
from desk_app.ui.stock.screen import StockScreen
from tests.services import factories
from tests.services.stock_factories import assert_balanced, level, snapshot
from tests.ui.conftest import type_text
from tests.ui.stock.test_stock_support import (  # noqa: F401 - fixtures
    BOARD_BARCODE,
    CAPACITOR_BARCODE,
    Shelf,
    cell,
    click,
    make_screen,
    parts_desk_fixture,
    scan,
    shelf_fixture,
)

REASON = "客户在现场等待，冰箱停机"


def closed(dialog: QDialog) -> bool:
    """Saved and closed (the dialog deletes itself on close)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def _open(qtbot: QtBot, parts_desk: Desk) -> tuple[StockScreen, EmergencyIssueDialog]:
    """The stock screen (keep it: the dialog is its child) and the emergency form."""
    screen = make_screen(qtbot, parts_desk)
    panel = screen.requisitions
    screen.tabs.setCurrentWidget(panel)
    click(qtbot, panel.emergency_button)
    dialog = panel.last_dialog
    assert isinstance(dialog, EmergencyIssueDialog)
    qtbot.waitUntil(lambda: dialog.location.count() == 2)  # the store and the van
    return screen, dialog


def test_the_front_desk_cannot_issue_without_a_requisition(
    qtbot: QtBot, desk: Desk, shelf: Shelf
) -> None:
    screen = make_screen(qtbot, desk)
    panel = screen.requisitions
    assert not panel.emergency_button.isEnabled()
    assert "parts clerks" in panel.emergency_button.toolTip()


def test_an_emergency_issue_needs_ticket_part_and_reason_and_keeps_the_form_on_refusal(
    qtbot: QtBot, parts_desk: Desk, db: Database, clerk: Actor, parts_clerk: Actor, shelf: Shelf
) -> None:
    ticket = factories.ticket(db, clerk)
    screen, dialog = _open(qtbot, parts_desk)
    panel = screen.requisitions
    before = snapshot(db)

    click(qtbot, dialog.save_button)  # nothing typed yet
    marked = dialog.errors.messages()
    assert set(marked) >= {"ticket", "part", "reason"}
    assert marked["reason"] == code_text("field.reason_required")
    assert dialog.isVisible() and snapshot(db) == before

    scan(qtbot, dialog.ticket_number, ticket.number)
    qtbot.waitUntil(lambda: dialog.ticket is not None)
    assert "张三" in dialog.ticket_info.text()
    scan(qtbot, dialog.picker.edit, CAPACITOR_BARCODE)
    qtbot.waitUntil(lambda: dialog.picker.part is not None)
    qtbot.waitUntil(lambda: "10 free" in dialog.location.currentText())
    assert not dialog.fitted.isEnabled()  # capacitors carry no serial
    dialog.quantity.setValue(12)  # more than the shelf holds
    type_text(qtbot, dialog.reason, REASON)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.banner.isVisible())
    assert "P-10023" in dialog.banner.text() and "10" in dialog.banner.text()
    # Refused: nothing written, everything typed is still there.
    assert snapshot(db) == before
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert (dialog.ticket_number.text(), dialog.picker.part.code) == (ticket.number, "P-10023")
    assert (dialog.quantity.value(), dialog.reason.toPlainText()) == (12, REASON)

    dialog.quantity.setValue(2)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: closed(dialog))
    [req] = requisitions.list_requisitions(db, parts_clerk, ticket_id=ticket.id)
    assert (req.status, req.notes, req.issued_by) == (RequisitionStatus.ISSUED, REASON, "钱配件")
    assert [(ln.part_code, ln.issued_quantity) for ln in req.lines] == [("P-10023", 2)]
    assert level(db, shelf.capacitor.id, shelf.main.id) == (8, 0)
    assert_balanced(db)
    # The panel turns to the ticket's requisitions, the new one among them.
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert panel.ticket_filter.text() == ticket.number
    assert cell(panel.table, 0, 0) == req.number


def test_a_serialized_part_needs_the_serial_handed_out(
    qtbot: QtBot, parts_desk: Desk, db: Database, clerk: Actor, parts_clerk: Actor, shelf: Shelf
) -> None:
    ticket = factories.ticket(db, clerk)
    _screen, dialog = _open(qtbot, parts_desk)
    scan(qtbot, dialog.ticket_number, ticket.number)
    qtbot.waitUntil(lambda: dialog.ticket is not None)
    scan(qtbot, dialog.picker.edit, BOARD_BARCODE)
    qtbot.waitUntil(lambda: dialog.picker.part is not None and dialog.fitted.isEnabled())
    type_text(qtbot, dialog.reason, REASON)
    click(qtbot, dialog.save_button)
    assert "serial_fitted" in dialog.errors.messages()
    assert requisitions.list_requisitions(db, parts_clerk, ticket_id=ticket.id) == []
    scan(qtbot, dialog.fitted, "KFR35-MB-0002")  # Enter goes on to the old part's serial
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.removed, "KFR35-MB-OLD1")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: closed(dialog))
    [req] = requisitions.list_requisitions(db, parts_clerk, ticket_id=ticket.id)
    assert (req.lines[0].serial_fitted, req.lines[0].serial_removed) == (
        "KFR35-MB-0002",
        "KFR35-MB-OLD1",
    )
