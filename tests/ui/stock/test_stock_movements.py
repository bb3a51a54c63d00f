"""The other movements as the parts clerk makes them: transfer to a van, an adjustment
with its reason, a reversal from the ledger, a damaged part brought back and its
disposition; and the low-stock purchase list exported for Excel."""

from __future__ import annotations

import csv
from pathlib import Path

from pytestqt.qtbot import QtBot

from desk_app.domain.enums import DamagedDisposition, MovementKind
from desk_app.services.core.database import Actor, Database
from desk_app.services.paperwork import paperwork
from desk_app.services.stock import damaged_parts, parts, stock
from desk_app.ui.common.context import Desk
from desk_app.ui.paperwork.preview import PrintPreviewDialog
from desk_app.ui.stock.damaged import DispositionDialog, RegisterDamagedDialog
from desk_app.ui.stock.movements import AdjustmentDialog, ReasonDialog, TransferDialog
from tests.printing.pdf_tools import page_texts
from tests.services import factories
from tests.services.stock_factories import assert_balanced, level
from tests.ui.conftest import type_text
from tests.ui.stock.test_stock_support import (  # noqa: F401 - fixtures
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


def test_transfer_adjust_and_reverse(
    qtbot: QtBot, parts_desk: Desk, db: Database, parts_clerk: Actor, shelf: Shelf
) -> None:
    screen = make_screen(qtbot, parts_desk)
    detail = screen.catalogue.detail
    screen.catalogue.show_part(shelf.capacitor)
    qtbot.waitUntil(lambda: detail.part is not None and detail.levels.rowCount() == 1)

    click(qtbot, detail.transfer_button)
    transfer = detail.last_dialog
    assert isinstance(transfer, TransferDialog)
    qtbot.waitUntil(
        lambda: transfer.target.count() == 2 and "10 free" in transfer.source.currentText()
    )
    transfer.target.select(shelf.van.id)
    transfer.quantity.selectAll()
    qtbot.keyClicks(transfer.quantity, "4")
    type_text(qtbot, transfer.reason, "刘师傅车上备货")
    click(qtbot, transfer.save_button)
    qtbot.waitUntil(lambda: transfer.result_value is not None)
    assert level(db, shelf.capacitor.id, shelf.main.id) == (6, 0)
    assert level(db, shelf.capacitor.id, shelf.van.id) == (4, 0)
    qtbot.waitUntil(lambda: detail.levels.rowCount() == 2)

    detail.level_view.selectRow(1)  # the van
    click(qtbot, detail.adjust_button)
    adjust = detail.last_dialog
    assert isinstance(adjust, AdjustmentDialog)
    qtbot.waitUntil(lambda: adjust.on_hand.text() == "4")
    assert adjust.location.location_id() == shelf.van.id
    adjust.direction.setCurrentIndex(1)  # fewer than recorded
    click(qtbot, adjust.save_button)  # no reason yet
    assert "reason" in adjust.errors.messages()
    type_text(qtbot, adjust.reason.lineEdit(), "车上丢失一个")
    click(qtbot, adjust.save_button)
    qtbot.waitUntil(lambda: adjust.result_value is not None)
    assert level(db, shelf.capacitor.id, shelf.van.id) == (3, 0)

    # The adjustment was a mistake: reverse it from the ledger, with the reason why.
    click(qtbot, detail.ledger_button)
    ledger = screen.ledger
    qtbot.waitUntil(lambda: ledger.model.rowCount() == 4)
    assert column_texts(ledger.table, 2)[:3] == ["Adjustment", "Transfer in", "Transfer out"]
    assert cell(ledger.table, 0, 8) == "车上丢失一个"
    ledger.table.selectRow(0)
    click(qtbot, ledger.reverse_button)
    reverse = ledger.last_dialog
    assert isinstance(reverse, ReasonDialog)
    assert "车上丢失一个" not in reverse.explanation.text()  # it names the movement …
    assert "Adjustment" in reverse.explanation.text()  # … not its reason
    type_text(qtbot, reverse.reason, "找到了，在座位下")
    click(qtbot, reverse.save_button)
    qtbot.waitUntil(lambda: ledger.model.rowCount() == 5)
    assert cell(ledger.table, 0, 2) == "Reversal"
    assert cell(ledger.table, 0, 5) == "+1"
    assert "reversed by" in cell(ledger.table, 1, 16)
    ledger.table.selectRow(1)
    assert not ledger.reverse_button.isEnabled()  # once only
    assert level(db, shelf.capacitor.id, shelf.van.id) == (4, 0)
    assert_balanced(db)


def test_a_damaged_part_comes_back_and_is_claimed(
    qtbot: QtBot, parts_desk: Desk, db: Database, clerk: Actor, parts_clerk: Actor, shelf: Shelf
) -> None:
    ticket = factories.ticket(db, clerk)
    screen = make_screen(qtbot, parts_desk)
    panel = screen.damaged
    screen.tabs.setCurrentWidget(panel)
    click(qtbot, panel.register_button)
    dialog = panel.last_dialog
    assert isinstance(dialog, RegisterDamagedDialog)
    scan(qtbot, dialog.ticket_number, ticket.number)
    qtbot.waitUntil(lambda: dialog.ticket is not None)
    scan(qtbot, dialog.picker.edit, CAPACITOR_BARCODE)
    qtbot.waitUntil(lambda: dialog.picker.part is not None)
    assert dialog.description.text() == "压缩机启动电容"
    qtbot.keyClicks(dialog.serial, "CAP-OLD-77")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert cell(panel.table, 0, 1) == ticket.number
    assert cell(panel.table, 0, 7) == "Awaiting decision"
    quarantine = parts.damaged_location(db, parts_clerk)
    assert level(db, shelf.capacitor.id, quarantine.id) == (1, 0)
    assert level(db, shelf.capacitor.id, shelf.main.id) == (10, 0)  # sellable stock untouched

    panel.table.selectRow(0)
    click(qtbot, panel.decide_button)
    decide = panel.last_dialog
    assert isinstance(decide, DispositionDialog)
    decide.disposition.setCurrentIndex(
        decide.disposition.findData(DamagedDisposition.MANUFACTURER_CLAIM)
    )
    type_text(qtbot, decide.notes, "索赔单 GL-2026-118")
    click(qtbot, decide.save_button)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)  # nothing awaits a decision
    [row] = damaged_parts.list_damaged(db, parts_clerk, pending_only=False)
    assert (row.disposition, row.disposition_by) == (
        DamagedDisposition.MANUFACTURER_CLAIM,
        "钱配件",
    )
    assert level(db, shelf.capacitor.id, quarantine.id) == (0, 0)
    assert_balanced(db)


def test_the_returned_part_slip_prints_from_the_damaged_parts_tab(
    qtbot: QtBot, parts_desk: Desk, db: Database, clerk: Actor, parts_clerk: Actor, shelf: Shelf
) -> None:
    ticket = factories.ticket(db, clerk)
    damaged = damaged_parts.register_damaged(
        db, parts_clerk, ticket.id, "电容鼓包", part_id=shelf.capacitor.id, serial="CAP-OLD-77"
    )
    screen = make_screen(qtbot, parts_desk)
    panel = screen.damaged
    screen.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert not panel.print_button.isEnabled()  # nothing selected yet
    panel.table.selectRow(0)
    click(qtbot, panel.print_button)
    qtbot.waitUntil(lambda: panel.last_dialog is not None, timeout=20000)
    preview = panel.last_dialog
    assert isinstance(preview, PrintPreviewDialog)
    assert preview.page_count == 1
    assert preview.file_name == f"{paperwork.returned_slip_number(damaged.id)}.pdf"
    assert ticket.number in page_texts(preview.pdf_bytes)[0]
    preview.close()


def test_low_stock_and_the_purchase_list_for_excel(
    qtbot: QtBot, parts_desk: Desk, db: Database, parts_clerk: Actor, shelf: Shelf, tmp_path: Path
) -> None:
    stock.adjust(db, parts_clerk, shelf.capacitor.id, shelf.main.id, -7, "损坏")  # 3 ≤ 4
    screen = make_screen(qtbot, parts_desk)
    panel = screen.low_stock
    screen.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert cell(panel.table, 0, 0) == "P-10023"
    assert cell(panel.table, 0, 10) == "20"  # buy the reorder quantity
    assert "400.00" in panel.total.text()  # 20 × ¥20.00

    target = tmp_path / "采购计划"
    panel.export(target)
    qtbot.waitUntil(lambda: panel.banner.text() != "")
    written = target.with_suffix(".csv")
    assert str(written) in panel.banner.text()
    raw = written.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][0] == "配件编码"
    assert rows[1][0] == "P-10023" and rows[1][10] == "20"
