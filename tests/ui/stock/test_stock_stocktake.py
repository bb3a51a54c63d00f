"""A stocktake (盘点) as the parts clerk does it: freeze the list, count with the scanner
(each scan one more, confirmed by a beep and a flash), an unknown code a red error
that counts nothing, a count typed by hand, review the variances, post them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.domain.enums import MovementKind
from desk_app.services.core.database import Actor, Database
from desk_app.services.stock import stock, stocktake
from desk_app.ui.common.context import Desk
from desk_app.ui.stock.scan import BOOK_COLUMNS
from tests.services.stock_factories import assert_balanced, level, snapshot
from tests.ui.stock.test_stock_support import (  # noqa: F401 - fixtures
    BOARD_BARCODE,
    CAPACITOR_BARCODE,
    Beeper,
    Shelf,
    cell,
    click,
    column_texts,
    make_screen,
    parts_desk_fixture,
    scan,
    shelf_fixture,
)


def test_count_by_scanner_and_by_hand_review_and_post(
    qtbot: QtBot, parts_desk: Desk, db: Database, parts_clerk: Actor, shelf: Shelf
) -> None:
    beep = Beeper()
    screen = make_screen(qtbot, parts_desk, beep)
    panel = screen.stocktake
    screen.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.location.count() == 2)
    panel.location.select(shelf.main.id)
    click(qtbot, panel.start_button)
    qtbot.waitUntil(lambda: panel.view is not None and panel.model.rowCount() == 2)
    st_id = panel.view.id
    assert column_texts(panel.table, 1) == ["P-10023", "PCB-01"]  # by bin
    assert column_texts(panel.table, 5) == ["not yet", "not yet"]
    assert all(panel.table.isColumnHidden(c) for c in BOOK_COLUMNS)  # blind count
    assert "0 of 2 parts counted" in panel.progress.text()
    assert panel.scan.box.hasFocus()

    # Three capacitors on the shelf: three scans at machine speed.
    for _ in range(3):
        scan(qtbot, panel.scan.box, CAPACITOR_BARCODE)
    qtbot.waitUntil(lambda: beep.count == 3 and panel.scan.pending == 0)
    assert cell(panel.table, 0, 5) == "3"
    assert "P-10023" in panel.scan.result.text() and "counted 3" in panel.scan.result.text()
    assert "#8fe08a" in panel.scan.result.styleSheet()  # the green flash …
    qtbot.waitUntil(lambda: "#8fe08a" not in panel.scan.result.styleSheet())  # … fades
    assert "1 of 2 parts counted" in panel.progress.text()

    # An unknown label: unmistakably red, and nothing is counted or written.
    before = snapshot(db)
    scan(qtbot, panel.scan.box, "6900000000000")
    qtbot.waitUntil(lambda: panel.scan.in_error)
    assert "UNKNOWN CODE" in panel.scan.result.text()
    assert "6900000000000" in panel.scan.result.text()
    assert "#b3261e" in panel.scan.result.styleSheet()
    assert "#b3261e" in panel.scan.box.styleSheet()
    assert beep.count == 3
    assert snapshot(db) == before
    assert cell(panel.table, 0, 5) == "3"
    # It stays red until the next good scan.
    scan(qtbot, panel.scan.box, CAPACITOR_BARCODE)
    qtbot.waitUntil(lambda: beep.count == 4)
    assert not panel.scan.in_error
    assert cell(panel.table, 0, 5) == "4"

    # Two control boards, counted by hand.
    panel.table.selectRow(1)
    panel.hand_count.selectAll()
    qtbot.keyClicks(panel.hand_count, "2")
    qtbot.keyClick(panel.hand_count, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cell(panel.table, 1, 5) == "2")
    [cap_line, board_line] = stocktake.get_stocktake(db, parts_clerk, st_id).lines
    assert (cap_line.counted_quantity, board_line.counted_quantity) == (4, 2)

    # Review: the book quantities appear, with what the differences are worth.
    click(qtbot, panel.review)
    assert not any(panel.table.isColumnHidden(c) for c in BOOK_COLUMNS)
    assert column_texts(panel.table, 7) == ["\u22126", "\u22121"]
    assert "2 variance(s)" in panel.progress.text()
    assert "240.00" in panel.progress.text()  # 6 × ¥20.00 + 1 × ¥120.00

    click(qtbot, panel.post_button)
    assert panel.post_now_button.isVisible()
    assert "2 variance(s)" in panel.banner.text()
    assert level(db, shelf.capacitor.id, shelf.main.id) == (10, 0)  # nothing posted yet
    click(qtbot, panel.post_now_button)
    qtbot.waitUntil(lambda: panel.view is not None and panel.view.status == "posted")
    assert "Posted" in panel.title.text()
    assert not panel.scan.box.isEnabled()
    assert not panel.post_button.isEnabled()

    assert level(db, shelf.capacitor.id, shelf.main.id) == (4, 0)
    assert level(db, shelf.board.id, shelf.main.id) == (2, 0)
    moves = [m for m in stock.ledger(db, parts_clerk) if m.kind is MovementKind.STOCKTAKE]
    assert sorted((m.part_code, m.quantity, m.user) for m in moves) == [
        ("P-10023", -6, "钱配件"),
        ("PCB-01", -1, "钱配件"),
    ]
    assert_balanced(db)


def test_uncounted_parts_are_posted_as_zero_only_when_confirmed(
    qtbot: QtBot, parts_desk: Desk, db: Database, parts_clerk: Actor, shelf: Shelf
) -> None:
    st = stocktake.start_stocktake(db, parts_clerk, shelf.main.id)
    screen = make_screen(qtbot, parts_desk, Beeper())
    panel = screen.stocktake
    screen.tabs.setCurrentWidget(panel)
    # The only open stocktake is picked up by itself.
    qtbot.waitUntil(lambda: panel.view is not None and panel.view.id == st.id)
    scan(qtbot, panel.scan.box, BOARD_BARCODE.lower())  # the code, typed by hand
    qtbot.waitUntil(lambda: cell(panel.table, 1, 5) == "1")
    click(qtbot, panel.post_button)
    assert "ZERO" in panel.banner.text()
    click(qtbot, panel.back_button)
    assert not panel.banner.isVisible()
    assert stocktake.get_stocktake(db, parts_clerk, st.id).status == "open"
    click(qtbot, panel.post_button)
    click(qtbot, panel.post_now_button)
    qtbot.waitUntil(lambda: panel.view is not None and panel.view.status == "posted")
    assert level(db, shelf.capacitor.id, shelf.main.id) == (0, 0)
    assert level(db, shelf.board.id, shelf.main.id) == (1, 0)
    assert_balanced(db)


def test_the_count_sheet_prints_blind(
    qtbot: QtBot, parts_desk: Desk, db: Database, parts_clerk: Actor, shelf: Shelf
) -> None:
    stocktake.start_stocktake(db, parts_clerk, shelf.main.id)
    screen = make_screen(qtbot, parts_desk, Beeper())
    panel = screen.stocktake
    screen.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.view is not None)
    click(qtbot, panel.print_button)
    qtbot.waitUntil(lambda: panel.last_dialog is not None, timeout=20000)
    preview = panel.last_dialog
    assert preview.objectName() == "printPreview"
    assert preview.page_count >= 1  # type: ignore[attr-defined]
    assert preview.file_name.startswith("ST")  # type: ignore[attr-defined]
    preview.close()
