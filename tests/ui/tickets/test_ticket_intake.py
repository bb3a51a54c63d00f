"""Ticket intake driven like a clerk: pick or type the customer, describe the fault, save."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desk_app.db.models import KnowledgeArticle, Ticket
from desk_app.domain.enums import TicketKind, TicketStatus, Urgency, WarrantyStatus
from desk_app.domain.errors import DatabaseUnavailable
from desk_app.services.core.database import Actor, Database
from desk_app.services.customers import customers
from desk_app.services.customers.customers import ApplianceDraft
from desk_app.services.paperwork import paperwork
from desk_app.services.tickets import tickets
from desk_app.ui.common.context import Desk
from desk_app.ui.tickets.intake import TicketIntake
from tests.services import factories
from tests.ui.conftest import type_text


def _intake(qtbot: QtBot, desk: Desk) -> TicketIntake:
    screen = TicketIntake(desk)
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    screen.show()
    return screen


def _ticket_count(db: Database) -> int:
    return db.read(lambda s: s.scalar(select(func.count(Ticket.id))) or 0)


def _choose(combo: object, data: object) -> None:
    index = combo.findData(data)  # type: ignore[attr-defined]
    assert index >= 0
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def test_ticket_for_existing_customer_shows_number_and_deadlines(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    c = factories.customer(db, clerk)
    a = factories.appliance(db, clerk, c.id, warranty_end=date(2027, 6, 1))
    screen = _intake(qtbot, desk)
    screen.set_customer(c.id)
    qtbot.waitUntil(lambda: screen.customer is not None)
    assert "张三" in screen.customer_label.text()
    # The only appliance is preselected and its warranty explained.
    assert screen.selected_appliance() is not None
    assert screen.selected_appliance().id == a.id
    assert "In warranty" in screen.warranty_label.text()

    _choose(screen.urgency, Urgency.URGENT)
    type_text(qtbot, screen.fault, "空调不制冷，外机不转")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.saved is not None)

    saved = tickets.find_by_number(db, clerk, screen.result.number.text())
    assert saved.customer_id == c.id
    assert saved.appliance_id == a.id
    assert saved.urgency is Urgency.URGENT
    assert saved.fault_description == "空调不制冷，外机不转"
    assert not saved.chargeable
    assert screen.pages.currentIndex() == 1
    for key in ("respond", "visit", "repair"):
        assert screen.result.deadlines[key].text()
    assert "left" in screen.result.deadlines["respond"].text()


def test_ticket_from_scratch_creates_customer_inline(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    screen = _intake(qtbot, desk)
    type_text(qtbot, screen.new_customer_fields.name, "赵六")
    type_text(qtbot, screen.new_customer_fields.phone1, "13700001111")
    type_text(qtbot, screen.new_customer_fields.address, "北京市西城区金融街1号")
    _choose(screen.kind, TicketKind.INSTALLATION)
    type_text(qtbot, screen.fault, "新买的热水器需要安装")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.saved is not None)
    found = customers.search_customers(db, clerk, "13700001111")
    assert [r.name for r in found] == ["赵六"]
    saved = tickets.find_by_number(db, clerk, screen.saved.number)
    assert saved.customer_id == found[0].id
    assert saved.kind is TicketKind.INSTALLATION
    assert saved.address == "北京市西城区金融街1号"


def test_missing_fault_and_customer_are_marked_inline(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    screen = _intake(qtbot, desk)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "fault_description" in screen.errors.messages()
    assert "name" in screen.new_customer_fields.errors.messages()
    assert _ticket_count(db) == 0


def test_failed_save_keeps_everything_and_retry_makes_one_ticket(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = factories.customer(db, clerk)
    factories.appliance(db, clerk, c.id)  # the only one: preselected, nothing to ask
    screen = _intake(qtbot, desk)
    screen.set_customer(c.id)
    qtbot.waitUntil(lambda: screen.customer is not None)
    type_text(qtbot, screen.fault, "洗衣机漏水")
    type_text(qtbot, screen.notes, "下午在家")

    # The connection drops after the commit: the ticket exists, the desk was told it failed.
    real_open = tickets.open_ticket

    def commit_then_drop(*args: object, **kwargs: object) -> object:
        real_open(*args, **kwargs)  # type: ignore[arg-type]
        raise DatabaseUnavailable("database.unreachable_nothing_saved")

    monkeypatch.setattr(tickets, "open_ticket", commit_then_drop)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.banner.text() != "")
    assert "database" in screen.banner.text().lower()
    assert screen.pages.currentIndex() == 0
    assert screen.fault.toPlainText() == "洗衣机漏水"
    assert screen.notes.toPlainText() == "下午在家"
    assert screen.save_button.isEnabled()

    # Saving again (same form, same request id) finds the ticket instead of making another.
    monkeypatch.setattr(tickets, "open_ticket", real_open)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.saved is not None)
    assert _ticket_count(db) == 1
    assert screen.saved.notes == "下午在家"


def test_service_validation_error_marks_field_and_keeps_form(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    c = factories.customer(db, clerk)
    factories.appliance(db, clerk, c.id)  # the only one: preselected, nothing to ask
    screen = _intake(qtbot, desk)
    screen.set_customer(c.id)
    qtbot.waitUntil(lambda: screen.customer is not None)
    type_text(qtbot, screen.fault, "冰箱不制冷")
    screen.notes.setPlainText("很长" * 2001)  # over the 4000 characters a note may hold
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "notes" in screen.errors.messages())
    assert "4000" in screen.errors.messages()["notes"]
    assert screen.fault.toPlainText() == "冰箱不制冷"
    assert _ticket_count(db) == 0


def test_double_click_save_creates_one_ticket(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    c = factories.customer(db, clerk)
    factories.appliance(db, clerk, c.id)  # the only one: preselected, nothing to ask
    screen = _intake(qtbot, desk)
    screen.set_customer(c.id)
    qtbot.waitUntil(lambda: screen.customer is not None)
    type_text(qtbot, screen.fault, "电视无图像")
    qtbot.mouseDClick(screen.save_button, Qt.MouseButton.LeftButton)
    screen.save()  # and a third time, by keyboard, before anything came back
    qtbot.waitUntil(lambda: screen.saved is not None)
    desk.ops.wait_idle()
    QCoreApplication.processEvents()  # deliver whatever the pool finished
    assert _ticket_count(db) == 1


def test_consultation_answered_from_knowledge_base_is_closed(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor, manager: Actor
) -> None:
    c = factories.customer(db, clerk)
    a = factories.appliance(db, clerk, c.id)

    def add_article(s: object) -> None:
        s.add(  # type: ignore[attr-defined]
            KnowledgeArticle(
                category="空调",
                model=a.model,
                symptom="空调遥控器没反应",
                cause="遥控器电池没电",
                solution="更换两节7号电池，对准接收窗再试",
                keywords="遥控器 没反应 失灵",
                created_at=db.now(),
            )
        )

    db.write(add_article)
    screen = _intake(qtbot, desk)
    screen.set_customer(c.id)
    qtbot.waitUntil(lambda: screen.selected_appliance() is not None)
    _choose(screen.kind, TicketKind.CONSULTATION)
    assert screen.knowledge.answer_button.isVisible()
    type_text(qtbot, screen.fault, "遥控器没反应")
    qtbot.waitUntil(lambda: screen.knowledge.list.count() == 1)
    screen.knowledge.list.setCurrentRow(0)
    assert "电池" in screen.knowledge.answer.toPlainText()
    qtbot.mouseClick(screen.knowledge.answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.saved is not None)
    saved = tickets.find_by_number(db, clerk, screen.saved.number)
    assert saved.kind is TicketKind.CONSULTATION
    assert saved.status is TicketStatus.CLOSED
    assert "电池" in (saved.work_done or "")
    assert "closed" in screen.result.headline.text()


def test_out_of_warranty_and_misuse_explain_charges(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    c = factories.customer(db, clerk)
    factories.appliance(db, clerk, c.id, warranty_end=date(2025, 1, 1))
    screen = _intake(qtbot, desk)
    screen.set_customer(c.id)
    qtbot.waitUntil(lambda: screen.selected_appliance() is not None)
    assert "Out of warranty" in screen.warranty_label.text()
    assert "Charge standard" in screen.warranty_label.text()
    _choose(screen.appliance, None)
    assert "unknown" in screen.warranty_label.text()


def test_work_order_can_be_printed_right_after_saving(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    from desk_app.ui.paperwork.hook import WorkOrderPrinter
    from desk_app.ui.paperwork.preview import PrintPreviewDialog

    printer = WorkOrderPrinter(desk)
    assert printer.available
    c = factories.customer(db, clerk)
    factories.appliance(db, clerk, c.id)  # the only one: preselected, nothing to ask
    screen = TicketIntake(desk, printer)
    qtbot.addWidget(screen)
    screen.show()
    screen.set_customer(c.id)
    qtbot.waitUntil(lambda: screen.customer is not None)
    type_text(qtbot, screen.fault, "空调漏水")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.saved is not None)
    assert screen.result.print_button.isEnabled()
    qtbot.mouseClick(screen.result.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.findChild(PrintPreviewDialog) is not None, timeout=20000)
    preview = screen.findChild(PrintPreviewDialog)
    assert screen.saved.number in preview.windowTitle()
    preview.close()


def test_walk_in_gets_check_in_receipt_and_tag(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    from desk_app.domain.enums import Channel
    from desk_app.ui.paperwork.hook import WorkOrderPrinter
    from desk_app.ui.paperwork.preview import PrintPreviewDialog

    c = factories.customer(db, clerk)
    factories.appliance(db, clerk, c.id)
    screen = TicketIntake(desk, WorkOrderPrinter(desk))
    qtbot.addWidget(screen)
    screen.show()
    screen.set_customer(c.id)
    qtbot.waitUntil(lambda: screen.selected_appliance() is not None)
    assert not screen.request.counter_box.isVisible()
    _choose(screen.request.channel, Channel.WALK_IN)
    assert screen.request.counter_box.isVisible()
    type_text(qtbot, screen.request.accessories, "遥控器，电源线")
    type_text(qtbot, screen.request.condition, "外壳有划痕")
    type_text(qtbot, screen.fault, "开机无反应")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.saved is not None)
    saved = tickets.find_by_number(db, clerk, screen.saved.number)
    assert saved.channel is Channel.WALK_IN
    assert "遥控器、电源线" in (saved.notes or "")
    assert "外壳有划痕" in (saved.notes or "")
    assert screen.result.receipt_button.isVisible()
    for button, title in (
        (screen.result.receipt_button, "receipt"),
        (screen.result.tag_button, "tag"),
    ):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda t=title: any(
                t in d.windowTitle() for d in screen.findChildren(PrintPreviewDialog)
            ),
            timeout=20000,
        )
    for d in screen.findChildren(PrintPreviewDialog):
        assert d.page_count >= 1
        d.close()


# ---------------------------------------------------------------- choosing the appliance


def _two_appliances(db: Database, clerk: Actor) -> tuple[int, int, int]:
    """A customer with two appliances, both in warranty: (customer, air conditioner, washer)."""
    c = factories.customer(db, clerk)
    ac = factories.appliance(db, clerk, c.id, warranty_end=date(2027, 6, 1))
    washer = customers.add_appliance(
        db,
        clerk,
        c.id,
        ApplianceDraft(
            "洗衣机",
            "XQG100-BD14376",
            brand="小天鹅",
            serial="WS778899",
            purchase_date=date(2025, 3, 1),
            warranty_end=date(2028, 3, 1),
        ),
    )
    return c.id, ac.id, washer.id


def _appliance_ids(screen: TicketIntake) -> list[int]:
    return [a.id for a in screen.request.appliances()]


def test_two_appliances_make_the_clerk_choose_and_warranty_follows_the_choice(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    cid, ac, washer = _two_appliances(db, clerk)
    screen = _intake(qtbot, desk)
    screen.set_customer(cid)
    qtbot.waitUntil(lambda: len(_appliance_ids(screen)) == 2)
    # Nothing is picked for the clerk, and the form says a choice is needed.
    assert screen.appliance.isVisible()
    assert not screen.request.appliance_chosen()
    assert screen.selected_appliance() is None
    assert "Choose the appliance" in screen.warranty_label.text()
    type_text(qtbot, screen.fault, "洗衣机不脱水")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "appliance" in screen.errors.messages()
    assert screen.no_appliance_box is None
    assert _ticket_count(db) == 0

    # The washer chosen: its warranty is explained and saved with the ticket.
    _choose(screen.appliance, next(a for a in screen.request.appliances() if a.id == washer))
    assert "In warranty until" in screen.warranty_label.text()
    assert "Charge standard" not in screen.warranty_label.text()
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.saved is not None)
    saved = tickets.get_ticket(db, clerk, screen.saved.id)
    assert saved.appliance_id == washer
    assert saved.warranty is WarrantyStatus.IN
    assert not saved.chargeable
    assert paperwork.work_order(db, clerk, saved.number).warranty == "in"
    assert ac != washer


def test_two_appliances_start_over_for_the_same_customer_asks_again(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    cid, ac, _washer = _two_appliances(db, clerk)
    screen = _intake(qtbot, desk)
    screen.set_customer(cid)
    qtbot.waitUntil(lambda: len(_appliance_ids(screen)) == 2)
    _choose(screen.appliance, next(a for a in screen.request.appliances() if a.id == ac))
    type_text(qtbot, screen.fault, "空调不制冷")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.saved is not None)
    assert tickets.get_ticket(db, clerk, screen.saved.id).appliance_id == ac
    qtbot.mouseClick(screen.result.same_customer_button, Qt.MouseButton.LeftButton)
    assert not screen.request.appliance_chosen()


def test_repair_without_appliance_asks_first(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    cid, _ac, _washer = _two_appliances(db, clerk)
    screen = _intake(qtbot, desk)
    screen.set_customer(cid)
    qtbot.waitUntil(lambda: len(_appliance_ids(screen)) == 2)
    _choose(screen.appliance, None)  # deliberately: "(no appliance recorded)"
    assert "Warranty unknown" in screen.warranty_label.text()
    assert "Charge standard" in screen.warranty_label.text()
    type_text(qtbot, screen.fault, "家里电器有异响")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    box = screen.no_appliance_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert _ticket_count(db) == 0
    # "Choose the appliance": nothing saved, the form is as it was.
    choose = next(b for b in box.buttons() if b is not screen.no_appliance_button)
    qtbot.mouseClick(choose, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert _ticket_count(db) == 0
    assert screen.fault.toPlainText() == "家里电器有异响"

    # Asked again, and this time opened without one, knowingly.
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    box = screen.no_appliance_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert screen.no_appliance_button is not None
    qtbot.mouseClick(screen.no_appliance_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.saved is not None)
    saved = tickets.get_ticket(db, clerk, screen.saved.id)
    assert saved.appliance_id is None
    assert saved.warranty is WarrantyStatus.UNKNOWN
    assert saved.chargeable
    assert _ticket_count(db) == 1


def test_installation_or_consultation_without_appliance_is_not_asked(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    cid, _ac, _washer = _two_appliances(db, clerk)
    screen = _intake(qtbot, desk)
    screen.set_customer(cid)
    qtbot.waitUntil(lambda: len(_appliance_ids(screen)) == 2)
    _choose(screen.kind, TicketKind.CONSULTATION)  # free anyway: no choice needed
    type_text(qtbot, screen.fault, "怎么清洗滤网")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.saved is not None)
    assert screen.no_appliance_box is None
    assert tickets.get_ticket(db, clerk, screen.saved.id).appliance_id is None
