"""Fixtures of the stock screen tests (no tests here): a parts clerk's desk, a shelf
of parts built through the services, and the screen itself.

Test modules import the fixture functions (``parts_desk_fixture``, ``shelf_fixture``);
pytest knows them by their ``name`` (``parts_desk``, ``shelf``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desk_app.domain.enums import StockLocationKind
from desk_app.services.core.database import Actor, Database
from desk_app.services.stock import stock
from desk_app.services.stock.parts import LocationView, PartView
from desk_app.ui.common.context import Desk
from desk_app.ui.stock.screen import StockScreen
from tests.services.stock_factories import location, part
from tests.ui.conftest import close_desk, make_desk

CAPACITOR_BARCODE = "6901234567890"
BOARD_BARCODE = "6909876543210"


@dataclass
class Shelf:
    """The main store with 10 capacitors (¥35.00, cost ¥20.00) and 3 control boards
    (serialized, ¥180.00), and a technician's van that is empty."""

    main: LocationView
    van: LocationView
    capacitor: PartView
    board: PartView


@dataclass
class Beeper:
    """Stands in for QApplication.beep: counts the confirmations."""

    count: int = 0

    def __call__(self) -> None:
        self.count += 1


@pytest.fixture(name="parts_desk")
def parts_desk_fixture(
    qtbot: QtBot, db: Database, parts_clerk: Actor, tmp_path: Path
) -> Iterator[Desk]:
    d = make_desk(db, parts_clerk, tmp_path / "parts.ini")
    yield d
    close_desk(d)


@pytest.fixture(name="shelf")
def shelf_fixture(db: Database, parts_clerk: Actor) -> Shelf:
    main = location(db, parts_clerk)
    van = location(db, parts_clerk, "VAN-01", "刘师傅车载库", StockLocationKind.VAN)
    capacitor = part(
        db,
        parts_clerk,
        barcode=CAPACITOR_BARCODE,
        spec="CBB65 35μF 450V",
        bin_location="A-01",
        reorder_point=4,
        reorder_qty=20,
    )
    board = part(
        db,
        parts_clerk,
        "PCB-01",
        "空调主控板",
        price_cents=18000,
        cost_cents=12000,
        barcode=BOARD_BARCODE,
        serialized=True,
        bin_location="B-02",
    )
    stock.receive(db, parts_clerk, capacitor.id, main.id, 10, supplier="格力配件中心")
    stock.receive(db, parts_clerk, board.id, main.id, 3)
    return Shelf(main, van, capacitor, board)


def make_screen(qtbot: QtBot, desk: Desk, beep: Beeper | None = None) -> StockScreen:
    screen = StockScreen(desk, beep=beep)
    qtbot.addWidget(screen)
    screen.resize(1300, 800)
    screen.show()
    return screen


def click(qtbot: QtBot, button: QWidget) -> None:
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def scan(qtbot: QtBot, widget: QWidget, code: str) -> None:
    """A barcode scanner: the characters at machine speed, then Enter."""
    widget.setFocus()
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def cell(view: object, row: int, column: int) -> str:
    model = view.model()  # type: ignore[attr-defined]
    return str(model.data(model.index(row, column)))


def column_texts(view: object, column: int) -> list[str]:
    model = view.model()  # type: ignore[attr-defined]
    return [str(model.data(model.index(r, column))) for r in range(model.rowCount())]
