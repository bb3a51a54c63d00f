"""Customer lookup driven like a clerk: type, wait for rows, pick, edit, meet a conflict."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.services.core.database import Actor, Database
from desk_app.services.customers import customers
from desk_app.services.customers.customers import AddressInput, CustomerDraft
from desk_app.ui.common import labels
from desk_app.ui.common.context import Desk
from desk_app.ui.customers.lookup import CustomerLookup
from tests.services import factories
from tests.ui.conftest import type_text


def _lookup(qtbot: QtBot, desk: Desk) -> CustomerLookup:
    screen = CustomerLookup(desk)
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    return screen


def test_typing_finds_customer_by_pinyin_and_shows_detail(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    zhang = factories.customer(db, clerk, "张三", "138 1234 5678")
    factories.customer(
        db, clerk, "李四", "139 0000 1111", "上海市浦东新区世纪大道100号", "浦东新区"
    )
    screen = _lookup(qtbot, desk)

    qtbot.keyClicks(screen.search_box, "zs")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert screen.model.row_at(0).name == "张三"
    assert "1" in screen.status.text()

    qtbot.keyClick(screen.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.detail.customer is not None)
    assert screen.detail.customer.id == zhang.id
    assert screen.detail.title.text() == "张三"
    assert screen.detail.fields.phone1.text() == "138 1234 5678"


def test_last_four_digits_and_no_match(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    factories.customer(db, clerk, "张三", "138 1234 5678")
    screen = _lookup(qtbot, desk)
    qtbot.keyClicks(screen.search_box, "5678")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    screen.search_box.clear()
    qtbot.keyClicks(screen.search_box, "wangwu")
    qtbot.waitUntil(lambda: screen.model.query == "wangwu" and not screen.model.loading)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0)
    assert "Ctrl+Shift+N" in screen.status.text()


def test_edit_conflict_keeps_typing_and_shows_their_change(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor, manager: Actor
) -> None:
    c = factories.customer(db, clerk, "张三", "138 1234 5678")
    screen = _lookup(qtbot, desk)
    screen.show_customer(c.id)
    detail = screen.detail
    qtbot.waitUntil(lambda: detail.customer is not None)

    # The clerk starts typing a new address ...
    detail.fields.address.clear()
    type_text(qtbot, detail.fields.address, "北京市海淀区中关村大街1号")
    # ... while the manager, at another desk, changes the phone.
    draft = c.as_draft()
    customers.update_customer(
        db,
        manager,
        c.id,
        CustomerDraft(draft.name, ["139 8765 4321"], draft.addresses),
        expected_version=c.version,
    )

    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.save_mine_button.isVisible())
    text = detail.banner.text()
    assert "王经理" in text
    assert "139 8765 4321" in text
    # The typing is still there, nothing of it was saved.
    assert detail.fields.address.text() == "北京市海淀区中关村大街1号"
    assert customers.get_customer(db, clerk, c.id).addresses[0].text != "北京市海淀区中关村大街1号"

    # Save mine over theirs: the address is the clerk's, the phone field still holds the old
    # phone the clerk saw, so the clerk's whole form wins, as they chose.
    qtbot.mouseClick(detail.save_mine_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not detail.dirty)
    saved = customers.get_customer(db, clerk, c.id)
    assert saved.addresses[0].text == "北京市海淀区中关村大街1号"
    assert saved.version == c.version + 2


def test_take_theirs_after_conflict(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor, manager: Actor
) -> None:
    c = factories.customer(db, clerk, "张三", "138 1234 5678")
    screen = _lookup(qtbot, desk)
    screen.show_customer(c.id)
    detail = screen.detail
    qtbot.waitUntil(lambda: detail.customer is not None)
    type_text(qtbot, detail.fields.company, "某公司")
    customers.update_customer(
        db,
        manager,
        c.id,
        CustomerDraft(
            "张三丰", ["138 1234 5678"], [AddressInput("北京市朝阳区建国路88号", "朝阳区")]
        ),
        expected_version=c.version,
    )
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.take_theirs_button.isVisible())
    qtbot.mouseClick(detail.take_theirs_button, Qt.MouseButton.LeftButton)
    assert detail.fields.name.text() == "张三丰"
    assert detail.fields.company.text() == ""
    assert not detail.dirty


def test_new_customer_warns_about_duplicate(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    existing = factories.customer(db, clerk, "张三", "138 1234 5678")
    screen = _lookup(qtbot, desk)
    qtbot.keyClicks(screen.search_box, "13812345678")
    dialog = screen.new_customer()
    assert dialog.fields.phone1.text() == "13812345678"
    type_text(qtbot, dialog.fields.name, "张叁")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.use_button.isVisible())
    assert dialog.duplicates.rows()[0].id == existing.id
    assert len(customers.search_customers(db, clerk, "5678")) == 1  # nothing saved yet

    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.detail.customer is not None)
    assert screen.detail.customer.id == existing.id


def test_new_customer_saved_once_and_shown(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    screen = _lookup(qtbot, desk)
    dialog = screen.new_customer()
    type_text(qtbot, dialog.fields.name, "王五")
    type_text(qtbot, dialog.fields.phone1, "0755-8888 6666")
    type_text(qtbot, dialog.fields.address, "深圳市南山区科技园1栋")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.detail.customer is not None)
    assert screen.detail.title.text() == "王五"
    found = customers.search_customers(db, clerk, "王五")
    assert [r.phone for r in found] == ["0755-8888 6666"]


def test_bad_phone_is_marked_inline_and_nothing_saved(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    screen = _lookup(qtbot, desk)
    dialog = screen.new_customer()
    type_text(qtbot, dialog.fields.name, "王五")
    type_text(qtbot, dialog.fields.phone1, "12345")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "phone1" in dialog.fields.errors.messages()
    assert dialog.isVisible()
    assert dialog.fields.name.text() == "王五"
    assert customers.search_customers(db, clerk, "王五") == []


def test_add_appliance_shows_warranty_status(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    from datetime import date

    from PySide6.QtCore import QDate

    from desk_app.ui.common.labels import fmt_date
    from desk_app.ui.customers.dialogs import ApplianceDialog

    c = factories.customer(db, clerk)
    screen = _lookup(qtbot, desk)
    screen.show_customer(c.id)
    qtbot.waitUntil(lambda: screen.detail.customer is not None)
    screen.detail._add_appliance()
    dialog = screen.detail.findChild(ApplianceDialog)
    assert dialog is not None
    dialog.category.setCurrentText("洗衣机")
    type_text(qtbot, dialog.model, "XQG100-HBD14126L")
    type_text(qtbot, dialog.serial, "HX2026001")
    dialog.purchased.setDate(QDate(2026, 10, 1))  # bought last month, one year's warranty
    assert fmt_date(date(2027, 10, 1)) in dialog.warranty_label.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.detail.appliances.rowCount() == 1)
    row = screen.detail.appliances.row_at(0)
    assert row.serial == "HX2026001"
    assert row.warranty_end == date(2027, 10, 1)
    index = screen.detail.appliances.index(0, 6)
    assert screen.detail.appliances.data(index) == labels.warranty(row.warranty)
    assert row.warranty.value == "in"
    # The other view of the same customer shows it too: the database has it.
    assert customers.get_customer(db, clerk, c.id).appliances[0].model == "XQG100-HBD14126L"


def test_highlighted_row_matches_the_customer_shown(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    a = factories.customer(db, clerk, "李嘉", "138 0000 0001")
    b = factories.customer(
        db, clerk, "李嘉", "138 0000 0002", "上海市浦东新区世纪大道1号", "浦东新区"
    )
    screen = _lookup(qtbot, desk)
    qtbot.keyClicks(screen.search_box, "lj")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
    screen.table.selectRow(0)
    qtbot.waitUntil(lambda: screen.detail.customer is not None)
    other = b.id if screen.selected_row().id == a.id else a.id
    screen.show_customer(other)  # e.g. picked from the duplicate warning
    assert screen.selected_row().id == other
    qtbot.waitUntil(
        lambda: screen.detail.customer is not None and screen.detail.customer.id == other
    )
    screen.show_customer(other + 1000)  # not in the results: nothing stays highlighted
    assert screen.selected_row() is None


def test_pasted_nul_or_lone_surrogate_says_so_and_search_goes_on(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    factories.customer(db, clerk, "张三", "138 1234 5678")
    screen = _lookup(qtbot, desk)
    for pasted in ("张\x00三", "\ud800"):
        screen.search_box.setText(pasted)
        qtbot.waitUntil(lambda: "control characters" in screen.status.text())
        assert "could not be reached" not in screen.status.text()
    screen.search_box.setText("zs")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert screen.model.row_at(0).name == "张三"
