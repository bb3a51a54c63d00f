"""The manager's Settings… dialog, the per-PC printer routes and ``present_pdf``."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QMainWindow,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desk_app.db.models import ServiceStandard
from desk_app.domain.enums import Severity, TicketKind, Urgency
from desk_app.domain.errors import PermissionDenied, ValidationError
from desk_app.printing import render_pdf
from desk_app.services.admin import settings
from desk_app.services.admin.settings import Standard
from desk_app.services.core.database import Actor, Database
from desk_app.services.paperwork import paperwork
from desk_app.ui.admin.settings.dialog import SettingsDialog, SettingsTab
from desk_app.ui.common import i18n
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import code_text
from desk_app.ui.paperwork.hook import WorkOrderPrinter
from desk_app.ui.paperwork.present import PrintRoute, get_print_routes, present_pdf, set_print_route
from desk_app.ui.paperwork.preview import PrintPreviewDialog
from desk_app.ui.shell.main_window import MainWindow
from tests.printing.fake_spooler import FakeSpooler
from tests.printing.pdf_tools import page_texts
from tests.services import factories
from tests.ui.catalog_strings import source_strings
from tests.ui.conftest import close_desk, make_desk, type_text

ROOT = Path(__file__).resolve().parents[3]
SETTINGS_TS = ROOT / "resources" / "i18n" / "desk_app_settings_zh_CN.ts"
PRINTING_TS = ROOT / "resources" / "i18n" / "desk_app_printing_zh_CN.ts"
SOURCES = [
    ROOT / "desk_app" / "ui" / f"{name}.py"
    for name in (
        "paperwork/present",
        "admin/settings/dialog",
        "admin/settings/base",
        "admin/settings/company",
        "admin/settings/printers",
        "admin/settings/standards",
        "admin/settings/calendar",
    )
]
PRINTERS = ["Counter-1 HP LaserJet", "Back office"]


@pytest.fixture
def manager_desk(qtbot: QtBot, db: Database, manager: Actor, tmp_path: Path) -> Iterator[Desk]:
    d = make_desk(db, manager, tmp_path / "manager.ini")
    yield d
    close_desk(d)


def open_dialog(qtbot: QtBot, desk: Desk) -> SettingsDialog:
    dialog = SettingsDialog(desk, printer_names=lambda: list(PRINTERS), confirm_close=False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: all(t.loaded for t in dialog.all_tabs()), timeout=10000)
    return dialog


def reveal(widget: QWidget) -> None:
    """Bring the tab holding ``widget`` to the front, as the manager clicks on it."""
    tab = widget if isinstance(widget, SettingsTab) else widget.parentWidget()
    while tab is not None and not isinstance(tab, SettingsTab):
        tab = tab.parentWidget()
    dialog = widget.window()
    if tab is not None and isinstance(dialog, SettingsDialog):
        dialog.tabs.setCurrentWidget(tab)


def retype(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Select everything in the field and type over it, like a user."""
    reveal(widget)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    target = widget.lineEdit() if isinstance(widget, QAbstractSpinBox) else widget
    for n, line in enumerate(text.split("\n")):
        if n:
            qtbot.keyClick(target, Qt.Key.Key_Return)
        type_text(qtbot, target, line)
    if isinstance(widget, QAbstractSpinBox):
        widget.interpretText()


def save(qtbot: QtBot, tab: SettingsTab) -> None:
    reveal(tab)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.banner.isVisible() and tab.save_button.isEnabled(), timeout=10000)


def png(path: Path) -> Path:
    Image.new("RGB", (160, 60), (20, 90, 200)).save(path, "PNG")
    return path


# ---------------------------------------------------------------- saving


def test_a_manager_edits_the_header_and_a_standard_and_saves(
    qtbot: QtBot, db: Database, manager_desk: Desk, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, manager_desk)
    company = dialog.company
    assert company.name.text() == settings.DEFAULT_HEADER.name
    retype(qtbot, company.name, "蓝天家电售后服务中心")
    retype(qtbot, company.hotline, "400-800-1234")
    logo = png(tmp_path / "logo.png")
    retype(qtbot, company.logo_path, str(logo))
    assert company.dirty and dialog.tabs.tabText(0).endswith("*")
    assert company.logo_preview.pixmap() is not None and not company.logo_preview.pixmap().isNull()

    qtbot.mouseClick(company.sample_button, Qt.MouseButton.LeftButton)  # before saving
    qtbot.waitUntil(lambda: company.last_preview is not None, timeout=20000)
    assert company.last_preview is not None
    assert "蓝天家电售后服务中心" in page_texts(company.last_preview.pdf_bytes)[0]
    company.last_preview.close()

    save(qtbot, company)
    assert company.banner.text() == "Saved." and not company.dirty
    assert dialog.tabs.tabText(0) == "Company"
    header = settings.get_company_header(db)
    assert (header.name, header.hotline) == ("蓝天家电售后服务中心", "400-800-1234")
    assert header.logo_data == logo.read_bytes()

    standards = dialog.standards
    dialog.tabs.setCurrentWidget(standards)
    row = standards.rows[(TicketKind.REPAIR, Urgency.URGENT)]
    assert row.note.text() == "(default)"
    for spin, hours in zip(row.hours, ("3", "12", "36"), strict=True):
        retype(qtbot, spin, hours)
    assert row.working_only is not None
    qtbot.mouseClick(row.working_only, Qt.MouseButton.LeftButton)
    save(qtbot, standards)
    assert standards.banner.text() == "Saved."
    saved = {(r.kind, r.urgency): r for r in settings.list_standards(db, manager_desk.actor)}
    assert saved[(TicketKind.REPAIR, Urgency.URGENT)].standard == Standard(3, 12, 36, True)
    assert factories.count(db, ServiceStandard) == 1  # only what changed is written
    qtbot.waitUntil(lambda: row.note.text() == "")


def test_refused_input_is_marked_and_the_typing_kept(
    qtbot: QtBot, db: Database, manager_desk: Desk
) -> None:
    dialog = open_dialog(qtbot, manager_desk)
    company = dialog.company
    retype(qtbot, company.name, "")
    retype(qtbot, company.hotline, "400-800-1234")
    save(qtbot, company)
    assert company.errors.messages() == {"name": "This field is required."}
    assert company.name.property("invalid") is True
    assert company.hotline.text() == "400-800-1234" and company.dirty
    assert "Not saved" in company.banner.text()
    retype(qtbot, company.name, "蓝天")
    retype(qtbot, company.logo_path, "/no/such/logo.png")
    save(qtbot, company)
    assert set(company.errors.messages()) == {"logo_path"}
    assert settings.get_company_header(db) == settings.DEFAULT_HEADER

    standards = dialog.standards
    normal = standards.rows[(TicketKind.REPAIR, Urgency.NORMAL)]
    retype(qtbot, normal.hours[0], "50")  # respond after the visit
    save(qtbot, standards)
    refused = {"standard.repair.normal": code_text("settings.hours_order")}
    assert standards.errors.messages() == refused
    assert normal.hours[0].value() == 50
    assert factories.count(db, ServiceStandard) == 0

    complaints = dialog.complaints
    retype(qtbot, complaints.rows[Severity.MEDIUM].hours[0], "100")
    save(qtbot, complaints)
    assert set(complaints.errors.messages()) == {"complaint.medium"}
    assert complaints.rows[Severity.MEDIUM].hours[0].value() == 100

    calendar = dialog.calendar
    retype(qtbot, calendar.days[0], "8:30-noon")
    save(qtbot, calendar)
    assert set(calendar.errors.messages()) == {"weekday.0"}
    assert calendar.days[0].text() == "8:30-noon"
    retype(qtbot, calendar.days[0], "08:30-12:00, 11:30-18:00")
    save(qtbot, calendar)
    assert calendar.errors.messages() == {"weekday.0": "Two periods overlap."}
    retype(qtbot, calendar.days[0], "08:30-12:00")
    retype(qtbot, calendar.holidays, "2026-02-30")
    save(qtbot, calendar)
    assert calendar.errors.messages() == {"holidays": "2026-02-30 is not a date."}
    retype(qtbot, calendar.holidays, "2026-10-01")
    retype(qtbot, calendar.makeup, "2026-10-01 周一\n")
    save(qtbot, calendar)
    assert calendar.errors.messages() == {"makeup_days": "2026-10-01 is also listed as a holiday."}
    retype(qtbot, calendar.makeup, "2026-09-27 周日")
    save(qtbot, calendar)
    assert "day off" in calendar.errors.messages()["makeup_days"]
    assert settings.get_setting(db, settings.Key.WORKING_CALENDAR) is None

    desk_tab = dialog.desk_tab
    retype(qtbot, desk_tab.area_code, "12345")
    retype(qtbot, desk_tab.charge_zh, "按价目表收费")
    save(qtbot, desk_tab)
    assert set(desk_tab.errors.messages()) == {"area_code"}
    assert desk_tab.charge_zh.toPlainText() == "按价目表收费"
    assert settings.get_setting(db, settings.Key.CHARGE_STANDARD) is None  # nothing written at all


def test_calendar_complaints_and_desk_tabs_save(
    qtbot: QtBot, db: Database, manager_desk: Desk
) -> None:
    dialog = open_dialog(qtbot, manager_desk)
    calendar = dialog.calendar
    retype(qtbot, calendar.days[5], "09:00-12:00")
    retype(qtbot, calendar.holidays, "2026-10-01..2026-10-03\n2027-01-01")
    retype(qtbot, calendar.makeup, "2026-09-27 周五")
    save(qtbot, calendar)
    assert calendar.banner.text() == "Saved."
    cal = settings.working_calendar(db)
    assert cal.weekly[5] == ((time(9), time(12)),) and 6 not in cal.weekly
    assert cal.holidays == {date(2026, 10, d) for d in (1, 2, 3)} | {date(2027, 1, 1)}
    assert dict(cal.makeup_days) == {date(2026, 9, 27): 4}

    complaints = dialog.complaints
    retype(qtbot, complaints.rows[Severity.LOW].hours[0], "12")
    save(qtbot, complaints)
    assert settings.complaint_standards(db)[Severity.LOW] == (12, 120)

    desk_tab = dialog.desk_tab
    retype(qtbot, desk_tab.area_code, "755")
    retype(qtbot, desk_tab.charge_zh, "上门费¥30.00，人工费¥80.00起")
    save(qtbot, desk_tab)
    assert desk_tab.area_code.text() == "0755"
    assert settings.get_default_area_code(db) == "0755"
    assert settings.get_charge_standard(db)["zh_CN"] == "上门费¥30.00，人工费¥80.00起"

    again = open_dialog(qtbot, manager_desk)  # what was saved is what a new dialog shows
    assert again.calendar.holidays.toPlainText() == "2026-10-01..2026-10-03\n2027-01-01"
    assert again.calendar.makeup.toPlainText() == "2026-09-27 Fri"
    assert again.calendar.days[6].text() == ""
    assert again.desk_tab.area_code.text() == "0755"


# ---------------------------------------------------------------- printing


def test_present_pdf_prints_where_this_pc_routes_the_kind_else_previews(
    qtbot: QtBot, manager_desk: Desk, desk: Desk
) -> None:
    pdf = render_pdf(paperwork.sample_work_order(), settings.DEFAULT_HEADER)
    window = QMainWindow()
    qtbot.addWidget(window)
    parent = QWidget()
    window.setCentralWidget(parent)
    fake = FakeSpooler()

    shown = present_pdf(
        parent, manager_desk, "work_order", pdf, title="WO", file_name="wo.pdf", spooler=fake
    )
    assert isinstance(shown, PrintPreviewDialog) and parent.findChild(PrintPreviewDialog) is shown
    assert fake.jobs == []
    shown.close()

    set_print_route(manager_desk, "work_order", "Counter-1 HP LaserJet", "A5")
    assert get_print_routes(manager_desk.settings) == {
        "work_order": PrintRoute("Counter-1 HP LaserJet", "A5")
    }
    printed = present_pdf(
        parent,
        manager_desk,
        "work_order",
        pdf,
        title="WO 1",
        file_name="S20260101-0001.pdf",
        number="S20260101-0001",
        spooler=fake,
    )
    assert printed is None
    qtbot.waitUntil(lambda: "printed" in window.statusBar().currentMessage(), timeout=10000)
    assert [(j.pdf, j.printer, j.paper, j.title) for j in fake.jobs] == [
        (pdf, "Counter-1 HP LaserJet", "A5", "Work order S20260101-0001")
    ]
    assert window.statusBar().currentMessage() == (
        "WO 1: 1 page(s) printed on Counter-1 HP LaserJet."
    )
    forced = present_pdf(
        parent, manager_desk, "work_order", pdf, title="WO", file_name="wo.pdf", preview=True
    )
    assert isinstance(forced, PrintPreviewDialog) and len(fake.jobs) == 1
    forced.close()
    other = present_pdf(parent, manager_desk, "feedback_form", pdf, title="F", file_name="f.pdf")
    assert isinstance(other, PrintPreviewDialog)  # only the routed kind skips the preview
    other.close()

    # a printer gone from this PC: the clerk is told, and gets the preview to print elsewhere
    previews: list[PrintPreviewDialog] = []
    gone = present_pdf(
        parent,
        manager_desk,
        "work_order",
        pdf,
        title="WO",
        file_name="wo.pdf",
        spooler=FakeSpooler("missing"),
        on_preview=previews.append,
    )
    assert gone is None
    qtbot.waitUntil(lambda: bool(previews), timeout=10000)
    box = previews[0].findChild(QMessageBox, "errorBox")
    assert box is not None and "Counter-1 HP LaserJet" in box.text()
    assert "There is no printer" in box.text()
    previews[0].close()

    with pytest.raises(PermissionDenied):
        set_print_route(desk, "work_order", "Back office", "A4")  # a clerk's desk
    with pytest.raises(ValidationError):
        set_print_route(manager_desk, "menu", "Back office", "A4")
    set_print_route(manager_desk, "work_order", None, None)
    assert get_print_routes(manager_desk.settings) == {}


def test_the_printers_tab_routes_work_orders_straight_to_a_printer(
    qtbot: QtBot, db: Database, manager_desk: Desk, clerk: Actor
) -> None:
    fake = FakeSpooler()
    manager_desk.spooler = fake  # what every screen of this desk prints through
    dialog = open_dialog(qtbot, manager_desk)
    printers = dialog.printers
    target = printers.targets["work_order"]
    assert [target.itemText(i) for i in range(target.count())] == ["Show the preview", *PRINTERS]
    assert not printers.papers["work_order"].isEnabled()
    printers.choose("work_order", "Counter-1 HP LaserJet", "A4")
    assert printers.papers["work_order"].isEnabled() and printers.dirty
    save(qtbot, printers)
    assert printers.banner.text() == "Saved."
    assert get_print_routes(manager_desk.settings) == {
        "work_order": PrintRoute("Counter-1 HP LaserJet", "A4")
    }

    ticket = factories.ticket(db, clerk)
    parent = QWidget()
    qtbot.addWidget(parent)
    WorkOrderPrinter(manager_desk).preview(parent, ticket.id)
    qtbot.waitUntil(lambda: parent.property("lastPrintMessage") is not None, timeout=20000)
    job = fake.jobs[0]
    assert (job.printer, job.paper, job.title) == (
        "Counter-1 HP LaserJet",
        "A4",
        f"Work order {ticket.number}",
    )
    assert parent.findChild(PrintPreviewDialog) is None
    assert "printed on Counter-1 HP LaserJet" in str(parent.property("lastPrintMessage"))

    manager_desk.settings.setValue("print_routes/requisition/printer", "Old printer")
    again = open_dialog(qtbot, manager_desk)
    assert again.printers.targets["work_order"].currentText() == "Counter-1 HP LaserJet"
    assert again.printers.targets["requisition"].currentText() == "Old printer (not installed)"
    again.printers.choose("work_order", None)
    save(qtbot, again.printers)
    assert set(get_print_routes(manager_desk.settings)) == {"requisition"}


# ---------------------------------------------------------------- main window


def test_only_a_manager_has_the_settings_action(
    qtbot: QtBot, desk: Desk, manager_desk: Desk
) -> None:
    clerks = MainWindow(desk, confirm_close=False, screens={})
    qtbot.addWidget(clerks)
    assert clerks.settings_action is None
    menus = [top.menu() for top in clerks.menuBar().actions() if top.menu() is not None]
    assert not any("Settings" in a.text() for menu in menus for a in menu.actions())

    window = MainWindow(manager_desk, confirm_close=False, screens={})
    qtbot.addWidget(window)
    action = window.settings_action
    assert action is not None and action.text() == "&Settings…"
    assert action.shortcut().toString() == "Ctrl+,"
    action.trigger()
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog) is not None)
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: all(t.loaded for t in dialog.all_tabs()), timeout=10000)
    dialog.close()


# ---------------------------------------------------------------- both languages


@pytest.fixture
def chinese(qapp: object) -> Iterator[None]:
    assert SETTINGS_TS in i18n.catalogs(i18n.CHINESE)
    translators = i18n.load_translators(i18n.CHINESE, compile_qm=False)
    for t in translators:
        QCoreApplication.installTranslator(t)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    yield
    for t in translators:
        QCoreApplication.removeTranslator(t)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def _grab_every_tab(dialog: SettingsDialog, folder: Path, language: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(n)
        image = dialog.grab()
        assert not image.isNull()
        assert image.save(str(folder / f"settings-{language}-{n}.png"))


def _screenshots(tmp_path: Path) -> Path:
    """Where the pictures go: $DESK_SCREENSHOTS to look at them, else the test's tmp dir."""
    return Path(os.environ.get("DESK_SCREENSHOTS") or tmp_path)


def test_the_dialog_in_english(qtbot: QtBot, manager_desk: Desk, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, manager_desk)
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Company",
        "Printers",
        "Service standards",
        "Working calendar",
        "Complaints",
        "Desk",
        "Sign-in",
    ]
    _grab_every_tab(dialog, _screenshots(tmp_path), "en")


def test_the_dialog_reads_chinese(
    qtbot: QtBot, manager_desk: Desk, chinese: None, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, manager_desk)
    assert dialog.windowTitle() == "设置"
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "公司",
        "打印机",
        "服务标准",
        "工作日历",
        "投诉",
        "前台",
        "登录",
    ]
    assert dialog.printers.targets["work_order"].itemText(0) == "显示预览"
    assert dialog.calendar.makeup.placeholderText() == "2026-09-27 周五"
    assert QCoreApplication.translate("MainWindow", "&Settings…") == "设置(&S)…"
    # the main catalog's MainWindow context and this one's are both loaded
    assert QCoreApplication.translate("MainWindow", "New ticket") == "新建工单"
    retype(qtbot, dialog.calendar.days[0], "8点半")
    save(qtbot, dialog.calendar)
    assert "08:30-12:00" in dialog.calendar.errors.messages()["weekday.0"]
    normal = dialog.standards.rows[(TicketKind.REPAIR, Urgency.NORMAL)]
    retype(qtbot, normal.hours[0], "50")  # respond after the visit
    save(qtbot, dialog.standards)
    refused = {"standard.repair.normal": "响应时限 ≤ 上门时限 ≤ 修复时限。"}
    assert dialog.standards.errors.messages() == refused
    retype(qtbot, dialog.company.name, "")
    save(qtbot, dialog.company)
    assert dialog.company.errors.messages() == {"name": "此项为必填项。"}
    _grab_every_tab(dialog, _screenshots(tmp_path), "zh_CN")


def test_every_settings_string_is_in_the_settings_catalog(tmp_path: Path) -> None:
    found = source_strings(SOURCES, tmp_path)
    assert ("MainWindow", "&Settings…") in found
    text = SETTINGS_TS.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    table = {
        **i18n.parse_ts(i18n.ts_path(i18n.CHINESE)),
        **i18n.parse_ts(SETTINGS_TS),
        **i18n.parse_ts(PRINTING_TS),  # the printers tab's printing words
    }
    missing = sorted(k for k in found if k not in table)
    assert not missing, f"not translated: {missing}"
    for key in found:
        source, translation = key[1], table[key]
        for n in range(1, 4):
            assert (f"%{n}" in source) == (f"%{n}" in translation), key
        if "&" in source.replace("&&", ""):
            assert "&" in translation, key


def test_two_managers_saving_one_tab_the_second_sees_who_and_when_and_keeps_typing(
    qtbot: QtBot, manager_desk: Desk, db: Database, db_url: str, manager: Actor
) -> None:
    from datetime import UTC, datetime

    from desk_app.domain.clock import WorkingCalendar
    from desk_app.domain.enums import Role
    from desk_app.services.admin.settings import Section
    from tests.conftest import make_actor

    second = make_actor(db, manager, "boss2", Role.MANAGER, "陈经理")
    dialog = open_dialog(qtbot, manager_desk)
    calendar = dialog.calendar
    reveal(calendar)
    # meanwhile, at 14:05 Shanghai time, the other manager saves the calendar at their desk
    other = Database(db_url, clock=lambda: datetime(2026, 11, 23, 6, 5, tzinfo=UTC))
    try:
        theirs = WorkingCalendar.standard(manager_desk.tz)
        settings.set_calendar(
            other, second, theirs, expected=settings.version(other, Section.CALENDAR)
        )
    finally:
        other.dispose()
    calendar.days[5].clear()
    type_text(qtbot, calendar.days[5], "09:00-12:00")
    calendar.save()
    qtbot.waitUntil(lambda: calendar.save_mine_button.isVisible(), timeout=10000)
    text = calendar.banner.text()
    assert "陈经理" in text and "2026-11-23 14:05" in text, text
    assert "Your typing is still in the form" in text
    assert calendar.days[5].text() == "09:00-12:00"  # the typing stays
    assert calendar.take_theirs_button.isVisible()
    assert settings.working_calendar(db).weekly.get(5, ()) == theirs.weekly.get(5, ())

    calendar.save_mine_button.click()
    qtbot.waitUntil(lambda: calendar.banner.text() == "Saved.", timeout=10000)
    assert not calendar.save_mine_button.isVisible()
    assert settings.working_calendar(db).weekly[5] == ((time(9), time(12)),)
    # and saving again from the same tab is not a conflict with itself
    calendar.days[5].clear()
    type_text(qtbot, calendar.days[5], "09:00-11:00")
    calendar.save()
    qtbot.waitUntil(lambda: calendar.banner.text() == "Saved.", timeout=10000)
    assert settings.working_calendar(db).weekly[5] == ((time(9), time(11)),)


def test_show_theirs_drops_the_typing_and_shows_what_is_stored(
    qtbot: QtBot, manager_desk: Desk, db: Database, manager: Actor
) -> None:
    dialog = open_dialog(qtbot, manager_desk)
    desk_tab = dialog.desk_tab
    reveal(desk_tab)
    settings.set_default_area_code(db, manager, "0755")  # another desk, no version: counts
    desk_tab.area_code.clear()
    type_text(qtbot, desk_tab.area_code, "010")
    desk_tab.save()
    qtbot.waitUntil(lambda: desk_tab.take_theirs_button.isVisible(), timeout=10000)
    assert desk_tab.area_code.text() == "010"
    assert settings.get_default_area_code(db) == "0755"
    desk_tab.take_theirs_button.click()
    qtbot.waitUntil(lambda: desk_tab.area_code.text() == "0755", timeout=10000)
    assert not desk_tab.dirty and not desk_tab.banner.isVisible()
    assert not desk_tab.save_mine_button.isVisible()


def test_a_settings_conflict_reads_in_chinese(
    qtbot: QtBot, chinese: None, manager_desk: Desk, db: Database, manager: Actor, tmp_path: Path
) -> None:
    from datetime import UTC, datetime

    from desk_app.domain.enums import Role
    from tests.conftest import make_actor

    second = make_actor(db, manager, "boss2", Role.MANAGER, "陈经理")
    dialog = open_dialog(qtbot, manager_desk)
    standards = dialog.standards
    reveal(standards)
    db.set_clock(lambda: datetime(2026, 11, 23, 6, 5, tzinfo=UTC))
    settings.set_standards(db, second, {(TicketKind.REPAIR, Urgency.NORMAL): Standard(8, 24, 48)})
    standards.rows[(TicketKind.REPAIR, Urgency.URGENT)].hours[0].setValue(3)
    standards.save()
    qtbot.waitUntil(lambda: standards.save_mine_button.isVisible(), timeout=10000)
    text = standards.banner.text()
    assert "陈经理 于 2026-11-23 14:05 修改了这条记录" in text, text
    assert "您输入的内容仍保留在表单中" in text
    assert standards.save_mine_button.text() == "用我的覆盖对方的"
    assert standards.rows[(TicketKind.REPAIR, Urgency.URGENT)].hours[0].value() == 3
    folder = _screenshots(tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(folder / "i12-settings-conflict-zh_CN.png"))


def test_the_printers_tab_sets_each_documents_language_for_every_desk(
    qtbot: QtBot, db: Database, manager_desk: Desk
) -> None:
    dialog = open_dialog(qtbot, manager_desk)
    printers = dialog.printers
    shown = {kind: combo.currentData() for kind, combo in printers.languages.items()}
    assert shown == settings.DEFAULT_PRINT_LANGUAGES
    assert shown["work_order"] == shown["feedback_form"] == "zh_CN"  # customer-facing
    assert shown["requisition"] == "desk"
    assert printers.languages["work_order"].currentText() == "Chinese"
    assert "returned_part_slip" in printers.targets  # every document kind has a route
    printers.choose("feedback_form", "Back office", "A5", language="en")
    save(qtbot, printers)
    assert printers.banner.text() == "Saved."
    assert settings.get_print_languages(db)["feedback_form"] == "en"
    assert get_print_routes(manager_desk.settings) == {
        "feedback_form": PrintRoute("Back office", "A5")
    }
    # another desk of the shop prints feedback forms in English now, on its own printer
    assert db.read(lambda s: settings.print_language(s, "feedback_form", "zh_CN")) == "en"
    assert db.read(lambda s: settings.print_language(s, "requisition", "zh_CN")) == "zh_CN"
    assert db.read(lambda s: settings.print_language(s, "requisition", "en")) == "en"
