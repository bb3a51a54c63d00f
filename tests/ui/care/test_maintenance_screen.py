"""Maintenance reminders driven like a clerk: who is due, most overdue first, and the
maintenance ticket opened from the list in one click."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from desk_app.domain.enums import TicketKind, TicketStatus
from desk_app.services.care import maintenance
from desk_app.services.core.database import Actor, Database
from desk_app.services.customers import customers
from desk_app.services.customers.customers import ApplianceDraft
from desk_app.services.tickets import tickets
from desk_app.ui.care.maintenance import MaintenanceScreen
from desk_app.ui.common.changes import Changes
from desk_app.ui.common.context import Desk
from tests.services import factories


def test_due_list_and_a_maintenance_ticket_in_one_click(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    zhang = factories.customer(db, clerk)
    old_ac = factories.appliance(db, clerk, zhang.id)  # 空调 bought 2024-06-01: long due
    li = factories.customer(db, clerk, "李四", "13911112222")
    customers.add_appliance(
        db, clerk, li.id, ApplianceDraft("净水器", "MRC1586", purchase_date=date(2026, 4, 1))
    )  # six-monthly: due 2026-10-01
    customers.add_appliance(
        db, clerk, li.id, ApplianceDraft("空调", "KFR-26", purchase_date=date(2026, 3, 1))
    )  # yearly: due 2027-03-01, not yet
    screen = MaintenanceScreen(desk)
    qtbot.addWidget(screen)
    screen.resize(1300, 600)
    screen.show()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
    assert [m.customer_name for m in screen.model.rows()] == ["张三", "李四"]  # most overdue
    assert screen.model.data(screen.model.index(0, 3)) == "138 1234 5678"
    assert "KFR-35GW/BP3DN8Y" in screen.model.data(screen.model.index(0, 4))
    assert "2 due" in screen.count.text()

    # Looking ahead to next spring brings the newer air conditioner in too.
    screen.due_by.setDate(QDate(2027, 3, 31))
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3)
    screen.category.setCurrentIndex(screen.category.findData("空调"))
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
    screen.due_by.setDate(QDate(2026, 11, 23))
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert screen.model.row_at(0).appliance_id == old_ac.id

    screen.table.selectRow(0)
    assert screen.open_button.isEnabled()
    qtbot.mouseClick(screen.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.opened is not None)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0)  # an open ticket: off the list
    assert screen.opened.number in screen.banner.text()
    saved = tickets.get_ticket(db, clerk, screen.opened.id)
    assert (saved.kind, saved.appliance_id, saved.customer_id, saved.status) == (
        TicketKind.MAINTENANCE,
        old_ac.id,
        zhang.id,
        TicketStatus.NEW,
    )
    asked: list[int] = []
    screen.open_ticket_requested.connect(asked.append)
    qtbot.mouseClick(screen.open_opened_button, Qt.MouseButton.LeftButton)
    assert asked == [saved.id]
    assert len(tickets.customer_tickets(db, clerk, zhang.id)) == 1
    screen.category.setCurrentIndex(0)  # all appliances: the water purifier is still due
    assert [m.category for m in screen.model.rows()] == ["净水器"]


def test_a_hidden_list_does_not_reload_for_other_desks_changes_until_shown(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every desk builds this screen; at a big shop its query takes seconds. Built and
    never shown it never loads; hidden, a change only marks it out of date."""
    loads: list[object] = []
    real = maintenance.maintenance_due

    def counted(*args: Any, **kwargs: Any) -> Any:
        loads.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(maintenance, "maintenance_due", counted)
    zhang = factories.customer(db, clerk)
    factories.appliance(db, clerk, zhang.id)
    screen = MaintenanceScreen(desk)
    qtbot.addWidget(screen)
    qtbot.wait(50)
    assert loads == []  # built, not shown: nothing read
    screen.show()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert len(loads) == 1
    screen.hide()
    other_desk = Changes(frozenset({("ticket", 1), ("appliance", 2)}), local=False)
    for _ in range(5):
        desk.changes.changed.emit(other_desk)
    qtbot.wait(50)
    assert len(loads) == 1 and screen.on_view.stale
    screen.show()
    qtbot.waitUntil(lambda: len(loads) == 2)
    desk.changes.changed.emit(other_desk)  # on view: reloads at once
    qtbot.waitUntil(lambda: len(loads) == 3)
