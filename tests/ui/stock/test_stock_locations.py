"""Renaming a stock location and taking it out of use from the stock-by-location tab:
refused while it holds stock (the form as typed), a colleague's change in between
named, and a location out of use gone from the issue choices."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desk_app.services.core.database import Actor, Database
from desk_app.services.stock import parts
from desk_app.ui.common.context import Desk
from desk_app.ui.stock.issue_dialog import EmergencyIssueDialog
from desk_app.ui.stock.locations import LocationEditDialog
from desk_app.ui.stock.screen import StockScreen
from tests.services.stock_factories import snapshot
from tests.ui.conftest import type_text
from tests.ui.stock.test_stock_support import (  # noqa: F401 - fixtures
    Shelf,
    click,
    make_screen,
    parts_desk_fixture,
    shelf_fixture,
)


def closed(dialog: QDialog) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def _tab(qtbot: QtBot, desk: Desk) -> StockScreen:
    screen = make_screen(qtbot, desk)
    screen.tabs.setCurrentWidget(screen.locations)
    qtbot.waitUntil(lambda: screen.locations.location.count() == 3)  # all, store, van
    return screen


def _edit(qtbot: QtBot, screen: StockScreen, location_id: int) -> LocationEditDialog:
    tab = screen.locations
    tab.location.select(location_id)
    click(qtbot, tab.edit_button)
    dialog = tab.last_dialog
    assert isinstance(dialog, LocationEditDialog)
    return dialog


def test_an_empty_van_is_renamed_and_taken_out_of_use(
    qtbot: QtBot, parts_desk: Desk, db: Database, parts_clerk: Actor, shelf: Shelf
) -> None:
    screen = _tab(qtbot, parts_desk)
    tab = screen.locations
    assert not tab.edit_button.isEnabled()  # "All locations": nothing to edit
    dialog = _edit(qtbot, screen, shelf.van.id)
    assert (dialog.name.text(), dialog.active.isChecked()) == ("刘师傅车载库", True)
    dialog.name.clear()
    type_text(qtbot, dialog.name, "吴师傅车载库")
    dialog.active.setChecked(False)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: closed(dialog))

    [main] = parts.list_locations(db, parts_clerk)
    assert main.id == shelf.main.id
    van = next(
        x
        for x in parts.list_locations(db, parts_clerk, include_inactive=True)
        if x.id == shelf.van.id
    )
    assert (van.name, van.active) == ("吴师傅车载库", False)
    # Still listed here (marked), so it can be put back into use ...
    qtbot.waitUntil(
        lambda: (
            tab.location.itemText(tab.location.findData(van.id))
            == "吴师傅车载库 (VAN-01) — not in use"
        )
    )
    # ... but no longer offered to issue from.
    screen.tabs.setCurrentWidget(screen.requisitions)
    click(qtbot, screen.requisitions.emergency_button)
    issue = screen.requisitions.last_dialog
    assert isinstance(issue, EmergencyIssueDialog)
    qtbot.waitUntil(lambda: issue.location.count() == 1)
    assert issue.location.location_id() == shelf.main.id
    issue.reject()

    screen.tabs.setCurrentWidget(tab)
    back = _edit(qtbot, screen, van.id)
    assert not back.active.isChecked()
    back.active.setChecked(True)
    click(qtbot, back.save_button)
    qtbot.waitUntil(lambda: closed(back))
    assert len(parts.list_locations(db, parts_clerk)) == 2


def test_a_store_holding_stock_stays_in_use_and_the_form_is_kept(
    qtbot: QtBot, parts_desk: Desk, db: Database, shelf: Shelf
) -> None:
    screen = _tab(qtbot, parts_desk)
    dialog = _edit(qtbot, screen, shelf.main.id)
    dialog.name.clear()
    type_text(qtbot, dialog.name, "老仓库")
    dialog.active.setChecked(False)
    before = snapshot(db)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "active" in dialog.errors.messages())
    assert dialog.errors.messages()["active"] == (
        "总仓 still holds stock (13 on hand, 0 reserved); "
        "move or count it out before taking the location out of use."
    )
    assert snapshot(db) == before
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert (dialog.name.text(), dialog.active.isChecked()) == ("老仓库", False)


def test_a_colleagues_rename_in_between_is_named_and_mine_can_go_over_it(
    qtbot: QtBot, parts_desk: Desk, db: Database, parts_clerk: Actor, manager: Actor, shelf: Shelf
) -> None:
    screen = _tab(qtbot, parts_desk)
    dialog = _edit(qtbot, screen, shelf.main.id)
    parts.update_location(db, manager, shelf.main.id, "一号仓", True, expected=shelf.main)
    dialog.name.clear()
    type_text(qtbot, dialog.name, "总仓库")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.banner.isVisible())
    text = dialog.banner.text()
    assert "王经理" in text and "一号仓" in text
    assert dialog.name.text() == "总仓库"
    click(qtbot, dialog.save_button)  # mine over theirs, knowingly
    qtbot.waitUntil(lambda: closed(dialog))
    main = next(x for x in parts.list_locations(db, parts_clerk) if x.id == shelf.main.id)
    assert main.name == "总仓库"


def test_the_front_desk_cannot_edit_locations(qtbot: QtBot, desk: Desk, shelf: Shelf) -> None:
    screen = _tab(qtbot, desk)
    screen.locations.location.select(shelf.main.id)
    assert not screen.locations.edit_button.isEnabled()
    assert "parts clerks" in screen.locations.edit_button.toolTip()
