"""The parts catalogue and a receipt (入库) as the parts clerk does them: scan a part,
receive a delivery with supplier and reference; a failed save keeps the typing;
an edit meanwhile saved on another desk is a conflict; the front desk may look only."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desk_app.domain.enums import MovementKind
from desk_app.domain.errors import DatabaseUnavailable
from desk_app.services.core.database import Actor, Database
from desk_app.services.stock import parts, stock
from desk_app.services.stock.parts import PartDraft
from desk_app.ui.common.context import Desk
from desk_app.ui.stock.movements import ReceiptDialog
from desk_app.ui.stock.part_dialog import PartDialog
from tests.services.stock_factories import assert_balanced, level, snapshot
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


def _receipt_dialog(qtbot: QtBot, screen: object) -> ReceiptDialog:
    detail = screen.catalogue.detail  # type: ignore[attr-defined]
    click(qtbot, detail.receive_button)
    dialog = detail.last_dialog
    assert isinstance(dialog, ReceiptDialog)
    qtbot.waitUntil(lambda: dialog.picker.part is not None and dialog.location.count() == 2)
    return dialog


def test_scan_a_part_and_receive_a_delivery(
    qtbot: QtBot, parts_desk: Desk, db: Database, parts_clerk: Actor, shelf: Shelf
) -> None:
    screen = make_screen(qtbot, parts_desk)
    catalogue = screen.catalogue
    qtbot.waitUntil(lambda: catalogue.model.rowCount() == 2)
    assert "2" in catalogue.status.text()

    scan(qtbot, catalogue.search_box, CAPACITOR_BARCODE)
    qtbot.waitUntil(lambda: catalogue.detail.part is not None)
    assert catalogue.detail.part.code == "P-10023"
    assert "压缩机启动电容" in catalogue.detail.title.text()
    qtbot.waitUntil(lambda: catalogue.detail.levels.rowCount() == 1)
    assert cell(catalogue.detail.level_view, 0, 2) == "10"

    dialog = _receipt_dialog(qtbot, screen)
    assert dialog.picker.part.id == shelf.capacitor.id
    assert dialog.unit_cost.cents() == 2000  # the catalogue cost, until the clerk changes it
    assert dialog.location.currentData() == shelf.main.id
    dialog.quantity.selectAll()
    qtbot.keyClicks(dialog.quantity, "24")
    type_text(qtbot, dialog.supplier, "格力售后配件中心")
    qtbot.keyClicks(dialog.reference, "DN-20261123-07")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.result_value is not None)

    [receipt, *_older] = stock.ledger(db, parts_clerk, part_id=shelf.capacitor.id)
    assert (receipt.kind, receipt.quantity, receipt.location_id) == (
        MovementKind.RECEIPT,
        24,
        shelf.main.id,
    )
    assert (receipt.supplier, receipt.reference, receipt.user) == (
        "格力售后配件中心",
        "DN-20261123-07",
        "钱配件",
    )
    assert level(db, shelf.capacitor.id, shelf.main.id) == (34, 0)
    assert_balanced(db)
    # The screen shows the new stock without being asked.
    qtbot.waitUntil(lambda: cell(catalogue.detail.level_view, 0, 2) == "34")
    qtbot.waitUntil(lambda: "34" in column_texts(catalogue.table, catalogue.COL_ON_HAND))

    # The ledger of the part says who received it, from whom, when.
    click(qtbot, catalogue.detail.ledger_button)
    ledger = screen.ledger
    assert screen.tabs.currentWidget() is ledger
    qtbot.waitUntil(lambda: ledger.model.rowCount() == 2)
    assert cell(ledger.table, 0, 5) == "+24"
    assert cell(ledger.table, 0, 7) == "钱配件"
    assert cell(ledger.table, 0, 11) == "格力售后配件中心"


def test_a_failed_receipt_keeps_the_typing_and_the_retry_posts_once(
    qtbot: QtBot,
    parts_desk: Desk,
    db: Database,
    parts_clerk: Actor,
    shelf: Shelf,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    screen = make_screen(qtbot, parts_desk)
    screen.catalogue.show_part(shelf.board)
    qtbot.waitUntil(lambda: screen.catalogue.detail.part is not None)
    dialog = _receipt_dialog(qtbot, screen)
    dialog.quantity.selectAll()
    qtbot.keyClicks(dialog.quantity, "5")
    type_text(qtbot, dialog.supplier, "海尔配件")
    qtbot.keyClicks(dialog.reference, "INV-88")

    # The connection drops after the commit: the receipt exists, the desk was told it failed.
    real = stock.receive

    def commit_then_drop(*args: object, **kwargs: object) -> object:
        real(*args, **kwargs)  # type: ignore[arg-type]
        raise DatabaseUnavailable("The database could not be reached; nothing was saved.")

    monkeypatch.setattr(stock, "receive", commit_then_drop)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.banner.text() != "")
    assert "database" in dialog.banner.text().lower()
    assert dialog.isVisible()
    assert (dialog.quantity.value(), dialog.supplier.text(), dialog.reference.text()) == (
        5,
        "海尔配件",
        "INV-88",
    )

    monkeypatch.setattr(stock, "receive", real)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.result_value is not None)
    receipts = [
        m for m in stock.ledger(db, parts_clerk, part_id=shelf.board.id) if m.reference == "INV-88"
    ]
    assert len(receipts) == 1
    assert level(db, shelf.board.id, shelf.main.id) == (8, 0)


def test_an_edit_saved_meanwhile_elsewhere_is_shown_and_the_typing_kept(
    qtbot: QtBot, parts_desk: Desk, db: Database, parts_clerk: Actor, manager: Actor, shelf: Shelf
) -> None:
    screen = make_screen(qtbot, parts_desk)
    screen.catalogue.show_part(shelf.capacitor)
    qtbot.waitUntil(lambda: screen.catalogue.detail.part is not None)
    click(qtbot, screen.catalogue.detail.edit_button)
    dialog = screen.catalogue.detail.last_dialog
    dialog.bin.clear()
    qtbot.keyClicks(dialog.bin, "A-09")

    # Meanwhile the manager raises the price on another desk.
    fresh = parts.get_part(db, manager, shelf.capacitor.id)
    draft = fresh.as_draft()
    parts.update_part(
        db,
        manager,
        fresh.id,
        PartDraft(**{**draft.__dict__, "price_cents": 3900}),
        expected_version=fresh.version,
    )

    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.save_mine_button.isVisible())
    text = dialog.banner.text()
    assert "王经理" in text
    assert "Price" in text and "39.00" in text
    assert dialog.bin.text() == "A-09"  # the clerk's typing is still there

    click(qtbot, dialog.save_mine_button)
    qtbot.waitUntil(lambda: dialog.result_value is not None)
    saved = parts.get_part(db, parts_clerk, shelf.capacitor.id)
    # "Save mine" writes the whole form as the clerk sees it, over the newer version.
    assert (saved.bin_location, saved.price_cents) == ("A-09", 3500)


def test_the_front_desk_sees_stock_but_cannot_move_it(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor, shelf: Shelf
) -> None:
    screen = make_screen(qtbot, desk)
    catalogue = screen.catalogue
    qtbot.waitUntil(lambda: catalogue.model.rowCount() == 2)
    catalogue.table.selectRow(0)
    qtbot.waitUntil(lambda: catalogue.detail.part is not None)
    detail = catalogue.detail
    for button in (detail.receive_button, detail.transfer_button, detail.adjust_button):
        assert not button.isEnabled()
        assert "parts clerks" in button.toolTip()
    assert not detail.edit_button.isEnabled()
    assert not catalogue.new_button.isEnabled()
    assert detail.requisition_button.isEnabled()
    assert detail.ledger_button.isEnabled()
    assert screen.requisitions.new_button.isEnabled()
    assert not screen.damaged.register_button.isEnabled()
    screen.tabs.setCurrentWidget(screen.stocktake)
    assert not screen.stocktake.start_button.isEnabled()
    screen.tabs.setCurrentWidget(screen.ledger)
    qtbot.waitUntil(lambda: screen.ledger.model.rowCount() == 2)
    screen.ledger.table.selectRow(0)
    assert not screen.ledger.reverse_button.isEnabled()

    # Reached anyway (a shortcut, an old screen): the service refuses, the clerk is told.
    before = snapshot(db)
    dialog = ReceiptDialog(desk, catalogue.detail.part, screen)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.picker.part is not None and dialog.location.count() == 2)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.banner.text() != "")
    assert "role does not allow" in dialog.banner.text()
    assert snapshot(db) == before


def test_a_new_part_with_a_taken_code_is_marked_and_then_saved(
    qtbot: QtBot, parts_desk: Desk, db: Database, parts_clerk: Actor, shelf: Shelf
) -> None:
    screen = make_screen(qtbot, parts_desk)
    catalogue = screen.catalogue
    qtbot.keyClicks(catalogue.search_box, "p-10023")
    click(qtbot, catalogue.new_button)
    dialog = catalogue.findChild(PartDialog)
    assert dialog is not None
    assert dialog.code.text() == "P-10023"  # what was searched for
    type_text(qtbot, dialog.name, "压缩机启动电容 45μF")
    qtbot.keyClicks(dialog.barcode, "6901234567999")
    type_text(qtbot, dialog.models, "KFR-35GW, KFR-26GW")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "code" in dialog.errors.messages())
    assert "already in use" in dialog.errors.messages()["code"]
    assert dialog.name.text() == "压缩机启动电容 45μF"  # the rest of the typing stays

    dialog.code.selectAll()
    qtbot.keyClicks(dialog.code, "P-10024")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(
        lambda: catalogue.detail.part is not None and catalogue.detail.part.code == "P-10024"
    )
    saved = parts.find_by_barcode(db, parts_clerk, "6901234567999")
    assert (saved.code, saved.compatible_models) == ("P-10024", ("KFR-35GW", "KFR-26GW"))
