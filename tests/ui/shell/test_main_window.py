"""The main window: screens, shortcuts, status bar, scanner, go-to-ticket, remembered layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk_app.domain.errors import DatabaseUnavailable
from desk_app.services.core import audit
from desk_app.services.core.database import Actor, Database
from desk_app.services.customers import customers
from desk_app.services.customers.customers import CustomerDraft
from desk_app.ui.common.context import Desk
from desk_app.ui.common.placeholders import PlaceholderScreen
from desk_app.ui.common.scanner import ScannerFilter
from desk_app.ui.shell.main_window import MainWindow
from desk_app.ui.tickets.ticket_view import TicketDialog
from tests.services import factories
from tests.ui.conftest import close_desk, make_desk


def _window(
    qtbot: QtBot, desk: Desk, scanner: ScannerFilter | None = None, *, real: bool = False
) -> MainWindow:
    """The window with placeholders for other issues' screens (``real``: with those screens)."""
    window = MainWindow(desk, scanner=scanner, confirm_close=False, screens=None if real else {})
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _dialogs(window: MainWindow) -> list[TicketDialog]:
    return [d for d in window.findChildren(TicketDialog) if d.isVisible()]


def test_every_screen_reachable_with_shortcut_shown(qtbot: QtBot, desk: Desk) -> None:
    window = _window(qtbot, desk)
    assert window.current_screen() == "lookup"
    expected = {
        "lookup": "F2",
        "intake": "F3",
        "dispatch": "F4",
        "stock": "F5",
        "complaints": "F6",
        "followups": "F7",
        "dashboard": "F8",
        "maintenance": "F9",
        "feedback": "F10",
    }
    for key, shortcut in expected.items():
        action = window.actions[key]
        assert shortcut in action.toolTip()
        assert action.shortcut().toString() == shortcut
        action.trigger()
        assert window.current_screen() == key
    for key in expected.keys() - {"lookup", "intake"}:
        screen = window.screens[key]
        assert isinstance(screen, PlaceholderScreen)
        assert len(screen.description) > 40
    assert window.nav.count() == 9
    assert "Ctrl+N" in window.nav.item(1).text()


def test_status_bar_names_user_database_and_connection(
    qtbot: QtBot, desk: Desk, db: Database
) -> None:
    window = _window(qtbot, desk)
    assert "李客服" in window.user_label.text()
    assert "Front desk" in window.user_label.text()
    if db.is_embedded:
        assert "desk.sqlite3" in window.db_label.text()
        assert "embedded" in window.db_label.text()
    else:
        assert "127.0.0.1" in window.db_label.text() or "localhost" in window.db_label.text()
        assert "postgres@" not in window.db_label.text()
    desk.changes.start()
    qtbot.waitUntil(lambda: "Connected" in window.connection_label.text())


def test_scanner_opens_ticket_from_anywhere(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    t = factories.ticket(db, clerk)
    scanner = ScannerFilter(max_gap=1.0)  # QTest types faster than any person anyway
    QApplication.instance().installEventFilter(scanner)
    try:
        window = _window(qtbot, desk, scanner)
        box = window.lookup.search_box
        box.setFocus()
        qtbot.keyClicks(box, t.number)
        qtbot.keyClick(box, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: any(d.ticket is not None for d in _dialogs(window)))
        dialog = _dialogs(window)[0]
        assert dialog.number_label.text() == t.number
        assert "张三" in dialog._fact_labels["customer"].text()
        if QApplication.focusWidget() is box:
            assert box.text() == ""  # the scanned code was taken back out of the search box
    finally:
        QApplication.instance().removeEventFilter(scanner)


def test_slow_typing_is_not_a_scan(qtbot: QtBot) -> None:
    times = iter([0.0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0, 2.2, 2.4, 2.6, 2.8, 3.0])
    scanner = ScannerFilter(clock=lambda: next(times))
    seen: list[str] = []
    scanner.scanned.connect(seen.append)
    from PySide6.QtWidgets import QLineEdit

    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.installEventFilter(scanner)
    qtbot.keyClicks(edit, "S20261123-0001")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert seen == []
    assert edit.text() == "S20261123-0001"


def test_fast_scan_is_detected_once_per_key(qtbot: QtBot) -> None:
    clock = iter(i * 0.005 for i in range(1000))
    scanner = ScannerFilter(clock=lambda: next(clock))
    seen: list[str] = []
    scanner.scanned.connect(seen.append)
    QApplication.instance().installEventFilter(scanner)
    try:
        from PySide6.QtWidgets import QLineEdit

        edit = QLineEdit()
        qtbot.addWidget(edit)
        qtbot.keyClicks(edit, "xS20261123-0042")
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    finally:
        QApplication.instance().removeEventFilter(scanner)
    assert seen == ["S20261123-0042"]


def test_goto_box_opens_ticket_and_unknown_number_says_so(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    t = factories.ticket(db, clerk)
    window = _window(qtbot, desk)
    qtbot.keyClicks(window.goto, t.number.lower())
    qtbot.keyClick(window.goto, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(d.ticket is not None for d in _dialogs(window)))
    for d in _dialogs(window):
        d.close()
    qtbot.waitUntil(lambda: not _dialogs(window))
    assert window.goto.text() == ""
    # An unknown number says so and opens nothing (no empty ticket window); the box
    # keeps it for correcting.
    qtbot.keyClicks(window.goto, "S19990101-9999")
    qtbot.keyClick(window.goto, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "S19990101-9999" in window.statusBar().currentMessage())
    assert "Not found" in window.statusBar().currentMessage()
    assert window.goto.text() == "S19990101-9999"
    assert _dialogs(window) == []
    # Nothing is left hanging (a screen's own refresh may still be finishing).
    qtbot.waitUntil(lambda: desk.ops.in_flight == 0)
    assert _dialogs(window) == []


def test_a_scan_no_ticket_number_can_hold_says_so_and_opens_nothing(
    qtbot: QtBot, desk: Desk
) -> None:
    window = _window(qtbot, desk)
    window.scanned("S2026\x00\ud800")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() != "")
    assert "control characters" in window.statusBar().currentMessage()
    assert _dialogs(window) == []
    window.open_ticket_number("S19990101-9999")
    qtbot.waitUntil(lambda: "S19990101-9999" in window.statusBar().currentMessage())
    assert _dialogs(window) == []


def test_new_ticket_from_customer_lookup(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    c = factories.customer(db, clerk)
    window = _window(qtbot, desk)
    window.lookup.show_customer(c.id)
    qtbot.waitUntil(lambda: window.lookup.detail.customer is not None)
    qtbot.mouseClick(window.lookup.detail.new_ticket_button, Qt.MouseButton.LeftButton)
    assert window.current_screen() == "intake"
    qtbot.waitUntil(lambda: window.intake.customer is not None)
    assert window.intake.customer.id == c.id


def test_layout_is_remembered(qtbot: QtBot, db: Database, clerk: Actor, tmp_path: Path) -> None:
    desk = make_desk(db, clerk, tmp_path / "layout.ini")
    try:
        window = _window(qtbot, desk)
        window.resize(720, 540)
        window.lookup.splitter.setSizes([300, 800])
        window.lookup.table.horizontalHeader().resizeSection(0, 155)
        sizes = window.lookup.splitter.sizes()
        window.close()
        again = _window(qtbot, desk)
        assert again.size().width() == 720
        assert again.lookup.table.horizontalHeader().sectionSize(0) == 155
        assert again.lookup.splitter.sizes() == sizes
    finally:
        close_desk(desk)


def test_other_desks_change_refreshes_open_customer(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor, manager: Actor
) -> None:
    c = factories.customer(db, clerk, "张三")
    window = _window(qtbot, desk)
    desk.changes.start()
    qtbot.waitUntil(lambda: desk.changes.connected is True)
    window.lookup.show_customer(c.id)
    detail = window.lookup.detail
    qtbot.waitUntil(lambda: detail.customer is not None)
    draft = c.as_draft()
    customers.update_customer(
        db,
        manager,
        c.id,
        CustomerDraft("张三丰", draft.phones, draft.addresses),
        expected_version=c.version,
    )
    qtbot.waitUntil(lambda: detail.title.text() == "张三丰", timeout=5000)
    assert detail.fields.name.text() == "张三丰"


def test_translated_window_shows_chinese(qtbot: QtBot, desk: Desk) -> None:
    from desk_app.ui.common import i18n

    translator = i18n.load_translator(i18n.CHINESE)
    assert translator is not None
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    try:
        window = _window(qtbot, desk)
        assert window.actions["lookup"].text() == "客户查询"
        assert "客户" in window.nav.item(0).text()
    finally:
        app.removeTranslator(translator)


def test_lost_connection_shows_in_status_bar(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, desk)
    desk.changes.start()
    qtbot.waitUntil(lambda: "Connected" in window.connection_label.text())

    def down(_db: object) -> int:
        raise DatabaseUnavailable("database.unreachable")

    monkeypatch.setattr(audit, "last_change_id", down)
    qtbot.waitUntil(lambda: "lost" in window.connection_label.text(), timeout=5000)
    monkeypatch.undo()
    qtbot.waitUntil(lambda: "Connected" in window.connection_label.text(), timeout=5000)


def test_language_choice_is_remembered_for_next_start(qtbot: QtBot, desk: Desk) -> None:
    from desk_app.ui.shell.main_window import LANGUAGE_KEY

    window = _window(qtbot, desk)
    window.language_actions["zh_CN"].trigger()
    assert desk.settings.value(LANGUAGE_KEY) == "zh_CN"
    # the check stays on the language the desk speaks until the next start
    assert window.language_actions["en"].isChecked()
    assert not window.language_actions["zh_CN"].isChecked()
    assert window.language_actions["zh_CN"].text() == "中文（简体） — from the next start"
    assert "next time" in window.statusBar().currentMessage()


def test_the_language_menu_checks_the_language_in_use_without_a_saved_choice(
    qtbot: QtBot, desk: Desk
) -> None:
    from desk_app.ui.shell.main_window import LANGUAGE_KEY

    assert desk.settings.value(LANGUAGE_KEY) is None
    window = _window(qtbot, desk)
    assert window.language_actions["en"].isChecked()
    assert not window.language_actions["zh_CN"].isChecked()
    assert window.language_actions["zh_CN"].actionGroup().isExclusive()
    assert [a.text() for a in window.language_actions.values()] == ["中文（简体）", "English"]


def test_choosing_another_language_says_clearly_when_it_applies_and_can_be_undone(
    qtbot: QtBot, desk: Desk
) -> None:
    from desk_app.ui.shell.main_window import LANGUAGE_KEY

    window = _window(qtbot, desk)
    box = window.choose_language("zh_CN")
    assert box is not None and box.isVisible()
    assert box.text() == (
        "The language changes the next time the desk starts.\nEnglish is used until then."
    )
    box.accept()
    assert window.screens["lookup"].isVisible()  # the desk keeps working, in English
    assert window.actions["lookup"].text() == "Customer lookup"
    # changed their mind: the language in use again, nothing pending
    assert window.choose_language("en") is None
    assert desk.settings.value(LANGUAGE_KEY) == "en"
    assert window.language_actions["zh_CN"].text() == "中文（简体）"
    assert window.language_actions["en"].isChecked()


def test_a_chinese_desk_checks_chinese_and_the_menu_reads_in_chinese(
    qtbot: QtBot, db: Database, clerk: Actor, tmp_path: Path
) -> None:
    import os

    from desk_app.ui.common import i18n
    from desk_app.ui.shell.main_window import LANGUAGE_KEY

    translator = i18n.load_translator(i18n.CHINESE)
    assert translator is not None
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    desk = make_desk(db, clerk, tmp_path / "zh.ini")
    desk.settings.setValue(LANGUAGE_KEY, "en")  # chosen last time, applies next start
    try:
        window = _window(qtbot, desk)
        assert "语言" in window.language_menu.title()
        assert window.language_actions["zh_CN"].isChecked()
        assert window.language_actions["en"].text() == "English — 下次启动时生效"
        box = window.choose_language("en")
        assert box is not None
        assert box.text() == "语言将在下次启动服务台时生效。\n在此之前仍使用中文（简体）。"
        box.accept()
        window.language_menu.popup(window.mapToGlobal(window.rect().center()))
        qtbot.waitUntil(window.language_menu.isVisible)
        folder = Path(os.environ.get("DESK_SCREENSHOTS") or tmp_path)
        folder.mkdir(parents=True, exist_ok=True)
        window.language_menu.grab().save(str(folder / "i12-settings-language-menu-zh_CN.png"))
        window.language_menu.hide()
    finally:
        app.removeTranslator(translator)
        close_desk(desk)


def test_function_keys_reach_every_real_screen(qtbot: QtBot, desk: Desk) -> None:
    """The real screens, reached by pressing the keys a clerk presses."""
    window = _window(qtbot, desk, real=True)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.lookup.focus_search()
    keys = {
        Qt.Key.Key_F4: "dispatch",
        Qt.Key.Key_F5: "stock",
        Qt.Key.Key_F6: "complaints",
        Qt.Key.Key_F7: "followups",
        Qt.Key.Key_F9: "maintenance",
        Qt.Key.Key_F10: "feedback",
        Qt.Key.Key_F2: "lookup",
    }
    for key, screen in keys.items():
        focus = QApplication.focusWidget() or window
        qtbot.keyClick(focus, key)
        qtbot.waitUntil(lambda s=screen: window.current_screen() == s, timeout=3000)
        assert not isinstance(window.screens[screen], PlaceholderScreen)
    assert isinstance(window.screens["dashboard"], PlaceholderScreen)


def test_a_language_set_by_the_config_file_cannot_be_chosen_in_the_menu(
    qtbot: QtBot, desk: Desk
) -> None:
    window = MainWindow(desk, confirm_close=False, screens={}, language_fixed=True)
    qtbot.addWidget(window)
    assert window.language_actions["en"].isChecked()
    assert not any(a.isEnabled() for a in window.language_actions.values())
    texts = [a.text() for a in window.language_menu.actions() if not a.isSeparator()]
    assert texts[-1] == "Set by the desk's configuration"


def test_status_bar_warns_when_the_database_login_is_a_superuser(qtbot: QtBot, desk: Desk) -> None:
    """The test server's login is a superuser: the database would check nothing, and
    the desk says so. The embedded file has no logins and no warning."""
    window = _window(qtbot, desk)
    if desk.db.dialect == "postgresql":
        qtbot.waitUntil(window.identity_label.isVisible)
        assert "superuser" in window.identity_label.text()
    else:
        assert desk.ops.wait_idle()
        QCoreApplication.processEvents()
        assert not window.identity_label.isVisible()
