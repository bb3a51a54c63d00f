"""A manager merges a duplicate from the customer screen and undoes it; a clerk cannot.

Driven like a user: type in the dialog's search box, press Enter to pick the
duplicate, read the comparison, click Merge, then Undo on the Merges tab.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desk_app.db.models import Customer, CustomerMerge, Ticket
from desk_app.services.core.database import Actor, Database
from desk_app.services.customers import customers, merge
from desk_app.services.customers.customers import AddressInput, CustomerDraft
from desk_app.ui.common import i18n
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import code_text
from desk_app.ui.customers.detail import CustomerDetail
from desk_app.ui.customers.merge import MergeDialog
from tests.services import factories
from tests.ui.conftest import close_desk, make_desk, type_text

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "i18n" / "desk_app_merge_zh_CN.ts"
SOURCES = ("customers/merge.py", "customers/merge_history.py")  # every string of the merge screens
# Set to a folder to keep the screenshots (they are always taken, to catch crashes).
SHOTS = os.environ.get("DESK_MERGE_SHOTS")


@pytest.fixture
def manager_desk(qtbot: QtBot, db: Database, manager: Actor, tmp_path: Path) -> Iterator[Desk]:
    d = make_desk(db, manager, tmp_path / "manager.ini")
    yield d
    close_desk(d)


@pytest.fixture
def chinese(qapp: object) -> Iterator[None]:
    assert TS in i18n.catalogs(i18n.CHINESE)  # loaded with every other catalog
    translators = i18n.load_translators(i18n.CHINESE, compile_qm=False)
    for t in translators:
        QCoreApplication.installTranslator(t)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    yield
    for t in translators:
        QCoreApplication.removeTranslator(t)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def _two_zhangs(db: Database, clerk: Actor) -> tuple[int, int, int]:
    """The customer kept (one ticket), and its duplicate (a shared number, a second
    number, an office address, an air conditioner with a ticket). Returns the ids of
    both and of the duplicate's ticket."""
    keep = factories.customer(db, clerk, "张三", "138 1234 5678")
    factories.ticket(db, clerk, keep.id)
    dup = customers.create_customer(
        db,
        clerk,
        CustomerDraft(
            "张三",
            ["139 0000 1111", "13812345678"],
            [AddressInput("北京市海淀区中关村大街1号", "海淀区")],
            company="某科技公司",
        ),
    )
    appliance = factories.appliance(db, clerk, dup.id)
    ticket = factories.ticket(db, clerk, dup.id, appliance_id=appliance.id)
    return keep.id, dup.id, ticket.id


def _detail(qtbot: QtBot, desk: Desk, customer_id: int) -> CustomerDetail:
    detail = CustomerDetail(desk)
    qtbot.addWidget(detail)
    detail.resize(900, 650)
    detail.show()
    detail.show_customer(customer_id)
    qtbot.waitUntil(lambda: detail.customer is not None and detail.customer.id == customer_id)
    return detail


def _open_dialog(qtbot: QtBot, detail: CustomerDetail) -> MergeDialog:
    qtbot.mouseClick(detail.merge_button, Qt.MouseButton.LeftButton)
    dialog = detail.merge_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _pick(qtbot: QtBot, dialog: MergeDialog, query: str) -> None:
    type_text(qtbot, dialog.search_box, query)
    qtbot.waitUntil(lambda: dialog.candidates.rowCount() == 1)
    qtbot.keyClick(dialog.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.merge_button.isEnabled())


def _shoot(widget: object, name: str, tmp_path: Path) -> None:
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(folder / name))  # type: ignore[attr-defined]


def test_manager_merges_a_duplicate_and_undoes_it(
    qtbot: QtBot, manager_desk: Desk, db: Database, clerk: Actor, tmp_path: Path
) -> None:
    keep, dup, dup_ticket = _two_zhangs(db, clerk)
    detail = _detail(qtbot, manager_desk, keep)
    assert detail.merge_button.isVisible()
    assert detail.open_tickets.rowCount() == 1 and detail.appliances.rowCount() == 0

    dialog = _open_dialog(qtbot, detail)
    assert not dialog.merge_button.isEnabled()  # nothing picked yet
    # Searching 张三 would list the customer kept too; it is left out.
    _pick(qtbot, dialog, "张三")
    compare = dialog.comparison
    assert compare.cell_text(1, 1) == f"张三  (#{keep})"
    assert compare.cell_text(1, 2) == f"张三  (#{dup})"
    assert compare.cell_text(2, 2) == "139 0000 1111\n138 1234 5678 (already there)"
    assert compare.cell_text(3, 2) == "海淀区 北京市海淀区中关村大街1号"
    assert compare.cell_text(4, 2) == "某科技公司"
    assert (compare.cell_text(6, 1), compare.cell_text(6, 2)) == ("1", "1")  # tickets
    assert (compare.cell_text(7, 1), compare.cell_text(7, 2)) == ("0", "1")  # appliances
    _shoot(dialog, "merge_dialog_en.png", tmp_path)

    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.merge_dialog is None)
    # The screen shows the survivor with everything the duplicate had.
    qtbot.waitUntil(lambda: detail.appliances.rowCount() == 1)
    qtbot.waitUntil(lambda: detail.open_tickets.rowCount() == 2)
    assert "139 0000 1111" in detail.subtitle.text()
    assert detail.customer is not None and detail.customer.id == keep
    owner = db.read(lambda s: s.scalar(select(Ticket.customer_id).where(Ticket.id == dup_ticket)))
    assert owner == keep
    assert db.read(lambda s: s.get(Customer, dup).merged_into_id) == keep  # type: ignore[union-attr]

    # The Merges tab lists it; Undo asks first, then gives everything back.
    history = detail.merges
    assert history is not None
    detail.tabs.setCurrentWidget(history)
    qtbot.waitUntil(lambda: history.model.rowCount() == 1 and history.undo_button.isEnabled())
    assert "Tickets 1, appliances 1, complaints 0, phones 1, addresses 1" in history.model.data(
        history.model.index(0, 4)
    )
    _shoot(detail, "merge_history_en.png", tmp_path)
    qtbot.mouseClick(history.undo_button, Qt.MouseButton.LeftButton)
    box = history.confirm_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    _shoot(box, "merge_undo_confirm_en.png", tmp_path)
    qtbot.mouseClick(history.undo_confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: history.model.rowCount() == 1 and history.model.row_at(0).undone)
    qtbot.waitUntil(lambda: detail.appliances.rowCount() == 0)
    qtbot.waitUntil(lambda: detail.open_tickets.rowCount() == 1)
    assert "is a customer of its own again" in history.banner.text()
    assert not history.undo_button.isEnabled()
    _shoot(detail, "merge_undone_en.png", tmp_path)
    assert db.read(lambda s: s.get(Customer, dup).merged_into_id) is None  # type: ignore[union-attr]
    owner = db.read(lambda s: s.scalar(select(Ticket.customer_id).where(Ticket.id == dup_ticket)))
    assert owner == dup


def test_a_stale_comparison_is_refused_and_compared_again(
    qtbot: QtBot, manager_desk: Desk, db: Database, clerk: Actor
) -> None:
    keep, dup, _ticket = _two_zhangs(db, clerk)
    detail = _detail(qtbot, manager_desk, keep)
    dialog = _open_dialog(qtbot, detail)
    _pick(qtbot, dialog, "1111")
    # Meanwhile a clerk edits the duplicate at another desk.
    current = customers.get_customer(db, clerk, dup)
    draft = current.as_draft()
    customers.update_customer(
        db,
        clerk,
        dup,
        CustomerDraft(draft.name, draft.phones, draft.addresses, company="新公司"),
        expected_version=current.version,
    )
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "李客服" in dialog.banner.text())
    qtbot.waitUntil(lambda: dialog.comparison.cell_text(4, 2) == "新公司")
    assert db.read(lambda s: s.scalar(select(CustomerMerge.id))) is None
    assert dialog.merge_button.isEnabled()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.merge_dialog is None)
    assert db.read(lambda s: s.get(Customer, dup).merged_into_id) == keep  # type: ignore[union-attr]


def test_opening_a_merged_duplicate_shows_the_survivor(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor, manager: Actor, tmp_path: Path
) -> None:
    keep, dup, _ticket = _two_zhangs(db, clerk)
    a, b = customers.get_customer(db, clerk, keep), customers.get_customer(db, clerk, dup)
    merge.merge_customers(
        db, manager, keep, dup, survivor_version=a.version, duplicate_version=b.version
    )
    # The clerk opens the duplicate by its id (from an old ticket, a note, a link).
    detail = CustomerDetail(desk)
    qtbot.addWidget(detail)
    detail.show()
    detail.show_customer(dup)
    qtbot.waitUntil(lambda: detail.customer is not None)
    assert detail.customer is not None and detail.customer.id == keep == detail.customer_id
    assert f"(no. {dup}) was merged into this customer" in detail.banner.text()
    assert detail.appliances.rowCount() == 1
    detail.resize(900, 650)
    _shoot(detail, "merge_followed_en.png", tmp_path)


def test_a_merge_reaches_a_clerk_typing_in_the_duplicate(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor, manager: Actor
) -> None:
    keep, dup, _ticket = _two_zhangs(db, clerk)
    desk.changes.start()  # hears other desks' writes, from its first poll on
    qtbot.waitUntil(lambda: desk.changes.connected is not None)
    detail = _detail(qtbot, desk, dup)
    detail.fields.company.clear()
    type_text(qtbot, detail.fields.company, "我的修改")
    a, b = customers.get_customer(db, clerk, keep), customers.get_customer(db, clerk, dup)
    merge.merge_customers(
        db, manager, keep, dup, survivor_version=a.version, duplicate_version=b.version
    )
    # The change poll brings the merge; the typing stays, saving is off, a button leads on.
    qtbot.waitUntil(lambda: detail.follow_button.isVisible(), timeout=5000)
    assert "merged this customer into another one" in detail.banner.text()
    assert detail.fields.company.text() == "我的修改"
    assert not detail.save_button.isEnabled()
    qtbot.mouseClick(detail.follow_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.customer is not None and detail.customer.id == keep)
    assert detail.save_button.isEnabled() and not detail.follow_button.isVisible()


def test_a_clerk_sees_no_merge_action(qtbot: QtBot, desk: Desk, db: Database, clerk: Actor) -> None:
    keep, _dup, _ticket = _two_zhangs(db, clerk)
    detail = _detail(qtbot, desk, keep)
    assert detail.merge_button.isHidden()
    titles = [detail.tabs.tabText(i) for i in range(detail.tabs.count())]
    assert "Merges" not in titles and detail.merges is None
    assert detail.merge_duplicate() is None


def _lupdate() -> str | None:
    beside = Path(sys.executable).parent / "pyside6-lupdate"
    return str(beside) if beside.exists() else shutil.which("pyside6-lupdate")


def test_every_merge_string_is_translated(tmp_path: Path) -> None:
    text = TS.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    table = i18n.parse_ts(TS)
    tool = _lupdate()
    if tool is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    sources = [str(ROOT / "desk_app" / "ui" / name) for name in SOURCES]
    subprocess.run([tool, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(fresh).iter("context")
        for message in context.iter("message")
    }
    missing = sorted(k for k in wanted if k not in table)  # type: ignore[type-var]
    assert not missing, f"not translated in {TS.name}: {missing}"
    for (_context, source), translation in table.items():
        for marker in ("%1", "%2", "%3", "%4", "%5"):
            assert (marker in source) == (marker in translation), (source, translation)
        if "&" in source:
            assert "(&" in translation, (source, translation)


def test_the_merge_screens_read_chinese(
    qtbot: QtBot, manager_desk: Desk, db: Database, clerk: Actor, chinese: None, tmp_path: Path
) -> None:
    keep, _dup, _ticket = _two_zhangs(db, clerk)
    detail = _detail(qtbot, manager_desk, keep)
    assert detail.merge_button.text() == "合并重复客户到此客户(&M)…"
    assert "合并记录" in [detail.tabs.tabText(i) for i in range(detail.tabs.count())]
    dialog = _open_dialog(qtbot, detail)
    assert dialog.windowTitle() == "将重复客户并入 张三"
    _pick(qtbot, dialog, "zhangsan")
    assert dialog.comparison.cell_text(2, 2) == "139 0000 1111\n138 1234 5678 （已有）"
    assert dialog.merge_button.text() == "并入 张三(&M)"
    _shoot(dialog, "merge_dialog_zh.png", tmp_path)
    assert code_text("merge.already_undone") == "此合并已被撤销。"
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.merge_dialog is None)
    history = detail.merges
    assert history is not None
    detail.tabs.setCurrentWidget(history)
    qtbot.waitUntil(lambda: history.model.rowCount() == 1)
    assert history.model.data(history.model.index(0, 4)).startswith("工单 1，电器 1")
    _shoot(detail, "merge_history_zh.png", tmp_path)
