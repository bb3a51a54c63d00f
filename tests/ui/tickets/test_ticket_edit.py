"""Correcting a saved ticket from its window, like a clerk: the Edit button, the form,
the history line, a colleague's save in between, and what a status locks."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desk_app.domain.enums import TicketKind, TicketStatus, Urgency
from desk_app.services.core.database import Actor, Database
from desk_app.services.tickets import tickets
from desk_app.ui.common import i18n
from desk_app.ui.common.context import Desk
from desk_app.ui.tickets.edit import TicketEditDialog
from desk_app.ui.tickets.intake import TicketIntake
from desk_app.ui.tickets.ticket_view import TicketDialog
from tests.services import factories
from tests.ui.conftest import type_text


def _window(qtbot: QtBot, desk: Desk, ticket_id: int) -> TicketDialog:
    dialog = TicketDialog(desk, ticket_id=ticket_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ticket is not None and dialog.edit_button.isEnabled())
    return dialog


def _open_edit(qtbot: QtBot, window: TicketDialog) -> TicketEditDialog:
    qtbot.mouseClick(window.edit_button, Qt.MouseButton.LeftButton)
    edit = window.edit_dialog
    assert edit is not None
    qtbot.waitUntil(edit.isVisible)
    return edit


def _cell(window: TicketDialog, row: int, column: int) -> str:
    return str(window.events.index(row, column).data())


def test_clerk_corrects_fault_phone_and_urgency_and_the_history_shows_it(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    t = factories.ticket(db, clerk, fault="空调不制冷")
    window = _window(qtbot, desk, t.id)
    edit = _open_edit(qtbot, window)
    assert edit.fault.toPlainText() == "空调不制冷"
    assert edit.kind.isEnabled()  # a new ticket: everything may change
    edit.fault.clear()
    type_text(qtbot, edit.fault, "空调不制冷，外机有异响")
    edit.phone.clear()
    type_text(qtbot, edit.phone, "13900001111")
    edit.urgency.setCurrentIndex(edit.urgency.findData(Urgency.URGENT))
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.edit_dialog is None)

    saved = tickets.get_ticket(db, clerk, t.id)
    assert saved.fault_description == "空调不制冷，外机有异响"
    assert saved.contact_phone == "13900001111"
    assert saved.urgency is Urgency.URGENT
    assert saved.respond_due == saved.received_at + timedelta(hours=4)
    # The window shows the correction at once, and its history says who changed what.
    qtbot.waitUntil(lambda: window.events.rowCount() == 2)
    assert window._fact_labels["fault"].text() == "空调不制冷，外机有异响"
    assert "Urgent" in window.status_label.text()
    assert _cell(window, 1, 1) == "李客服"
    assert _cell(window, 1, 2) == "Edited"
    line = _cell(window, 1, 3)
    assert "Fault: 空调不制冷 → 空调不制冷，外机有异响" in line
    assert "Urgency: Normal → Urgent" in line
    assert "Phone:" in line


def test_a_colleagues_save_in_between_is_named_and_my_typing_kept(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor, dispatcher: Actor
) -> None:
    t = factories.ticket(db, clerk, fault="洗衣机漏水")
    window = _window(qtbot, desk, t.id)
    edit = _open_edit(qtbot, window)
    edit.notes.clear()
    type_text(qtbot, edit.notes, "周六上午在家")
    # Meanwhile the dispatcher corrects the address at another desk.
    tickets.edit_ticket(
        db,
        dispatcher,
        t.id,
        dataclasses.replace(t.as_edit(), address="北京市朝阳区建国路99号"),
        expected_version=t.version,
    )
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "赵派工" in edit.banner.text())
    text = edit.banner.text()
    assert "changed this record" in text
    assert "Address: 北京市朝阳区建国路88号3栋501室 → 北京市朝阳区建国路99号" in text
    assert "Your typing is still in the form." in text
    assert edit.notes.toPlainText() == "周六上午在家"
    assert edit.save_mine_button.isVisible() and edit.take_theirs_button.isVisible()
    assert tickets.get_ticket(db, clerk, t.id).notes is None  # nothing of mine written

    qtbot.mouseClick(edit.save_mine_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.edit_dialog is None)
    saved = tickets.get_ticket(db, clerk, t.id)
    assert saved.notes == "周六上午在家"
    assert saved.address == "北京市朝阳区建国路99号"  # what they changed and I did not stays
    assert [e.user for e in saved.events if e.action == "edit"] == ["赵派工", "李客服"]


def test_take_theirs_loads_the_newer_version(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor, dispatcher: Actor
) -> None:
    t = factories.ticket(db, clerk, fault="冰箱不制冷")
    window = _window(qtbot, desk, t.id)
    edit = _open_edit(qtbot, window)
    type_text(qtbot, edit.fault, "，冷冻室结冰")
    tickets.edit_ticket(
        db,
        dispatcher,
        t.id,
        dataclasses.replace(t.as_edit(), fault_description="冰箱冷藏室不制冷"),
        expected_version=t.version,
    )
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: edit.take_theirs_button.isVisible())
    qtbot.mouseClick(edit.take_theirs_button, Qt.MouseButton.LeftButton)
    assert edit.fault.toPlainText() == "冰箱冷藏室不制冷"
    assert not edit.banner.isVisible()


def test_what_the_status_no_longer_allows_is_locked(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    t = factories.completed_ticket(db, clerk, dispatcher, manager)
    window = _window(qtbot, desk, t.id)
    edit = _open_edit(qtbot, window)
    for locked in (edit.kind, edit.urgency, edit.fault, edit.appliance, edit.has_window):
        assert not locked.isEnabled()
    for free in (edit.phone, edit.address, edit.area, edit.notes):
        assert free.isEnabled()
    assert "only the phone, address, area and notes" in edit.rules.text()
    edit.notes.clear()
    type_text(qtbot, edit.notes, "回访请打座机")
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.edit_dialog is None)
    assert tickets.get_ticket(db, clerk, t.id).notes == "回访请打座机"


def test_a_cancelled_ticket_has_no_edit(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    t = factories.ticket(db, clerk)
    tickets.cancel(db, clerk, t.id, "客户自己修好了")
    window = TicketDialog(desk, ticket_id=t.id)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.ticket is not None)
    assert window.ticket.status is TicketStatus.CANCELLED
    assert not window.edit_button.isEnabled()


def test_kind_locked_once_dispatched(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    from desk_app.services.dispatch import dispatch

    t = factories.ticket(db, clerk, kind=TicketKind.REPAIR)
    dispatch.assign(db, dispatcher, t.id, factories.technician(db, manager))
    window = _window(qtbot, desk, t.id)
    edit = _open_edit(qtbot, window)
    assert not edit.kind.isEnabled()
    assert edit.urgency.isEnabled() and edit.fault.isEnabled()
    assert "kind can no longer change" in edit.rules.text()


# ---------------------------------------------------------------- in Chinese

SHOTS = os.environ.get("DESK_TICKET_SHOTS")  # a folder to keep the screenshots in


def _shoot(widget: QWidget, name: str, tmp_path: Path) -> None:
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(folder / name))


@pytest.fixture
def chinese(qapp: object) -> Iterator[None]:
    translators = i18n.load_translators(i18n.CHINESE, compile_qm=False)
    for t in translators:
        QCoreApplication.installTranslator(t)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    yield
    for t in translators:
        QCoreApplication.removeTranslator(t)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_intake_choice_and_edit_read_in_chinese(
    qtbot: QtBot,
    desk: Desk,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    chinese: None,
    tmp_path: Path,
) -> None:
    from tests.ui.tickets.test_ticket_intake import _two_appliances

    cid, _ac, _washer = _two_appliances(db, clerk)
    intake = TicketIntake(desk)
    qtbot.addWidget(intake)
    intake.resize(1200, 820)
    intake.show()
    intake.set_customer(cid)
    qtbot.waitUntil(lambda: len(intake.request.appliances()) == 2)
    assert intake.appliance.currentText() == "— 请选择电器 —"
    assert "请选择客户所报修的电器" in intake.warranty_label.text()
    type_text(qtbot, intake.fault, "洗衣机不脱水")
    qtbot.mouseClick(intake.save_button, Qt.MouseButton.LeftButton)
    assert intake.errors.messages()["appliance"] == "请选择本次涉及的电器，或选择“（未登记电器）”。"
    qtbot.wait(100)  # let the layout settle before the picture
    _shoot(intake, "i12-intake-two-appliances-zh.png", tmp_path)
    intake.appliance.setCurrentIndex(intake.appliance.findData(None))
    qtbot.mouseClick(intake.save_button, Qt.MouseButton.LeftButton)
    box = intake.no_appliance_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert box.text() == "不选择电器就创建这张维修工单吗？"
    _shoot(box, "i12-intake-no-appliance-zh.png", tmp_path)
    box.reject()

    t = factories.ticket(db, clerk, cid, fault="空调不制冷")
    window = _window(qtbot, desk, t.id)
    edit = _open_edit(qtbot, window)
    assert edit.windowTitle() == f"修改工单 {t.number}"
    edit.fault.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, edit.fault, "，外机有异响")
    tickets.edit_ticket(
        db,
        dispatcher,
        t.id,
        dataclasses.replace(t.as_edit(), urgency=Urgency.URGENT),
        expected_version=t.version,
    )
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "赵派工" in edit.banner.text())
    text = edit.banner.text()
    assert "对方修改的内容：" in text
    assert "紧急程度：普通 → 紧急" in text
    assert "您输入的内容仍保留在表单中。" in text
    _shoot(edit, "i12-intake-edit-conflict-zh.png", tmp_path)
    qtbot.mouseClick(edit.save_mine_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.edit_dialog is None)
    qtbot.waitUntil(lambda: window.events.rowCount() == 3)
    assert _cell(window, 2, 2) == "已修改"
    assert _cell(window, 2, 3) == "故障：空调不制冷 → 空调不制冷，外机有异响"
    saved = tickets.get_ticket(db, clerk, t.id)  # their urgency stays, my fault is added
    assert saved.urgency is Urgency.URGENT
    assert saved.fault_description == "空调不制冷，外机有异响"
    _shoot(window, "i12-intake-history-zh.png", tmp_path)


def test_the_ticket_window_shows_the_time_the_customer_asked_for(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    from datetime import UTC, datetime

    c = factories.customer(db, clerk)
    wish = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)  # 15:00 in Shanghai
    t = tickets.open_ticket(
        db,
        clerk,
        tickets.TicketDraft(
            c.id,
            TicketKind.CONSULTATION,
            "问保修期",
            preferred_start=wish,
            preferred_end=wish + timedelta(hours=2),
        ),
    )
    window = _window(qtbot, desk, t.id)
    from desk_app.ui.common import labels

    shown = window._fact_labels["preferred"].text()
    start, end = (labels.fmt_datetime(x, desk.tz) for x in (wish, wish + timedelta(hours=2)))
    assert shown == f"{start} – {end}"
    assert "24" in start and ("15:00" in start or "3:00" in start)  # the shop's clock
