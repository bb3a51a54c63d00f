"""The Staff… dialog as a manager uses it to set up a shop, Change my password…, the
must-change step after a sign-in, and both languages."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desk_app.config import AppConfig
from desk_app.domain.enums import Role, TicketKind, TicketStatus
from desk_app.services.admin import users
from desk_app.services.core.database import Actor, Database
from desk_app.services.dispatch import dispatch, technicians
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import TicketDraft
from desk_app.ui.admin.staff.dialog import StaffDialog
from desk_app.ui.admin.staff.forms import FormDialog, ListTab
from desk_app.ui.admin.staff.password import ChangePasswordDialog
from desk_app.ui.admin.staff.technicians_tab import TechnicianDialog
from desk_app.ui.common import i18n
from desk_app.ui.common.context import Desk
from desk_app.ui.shell import app as desk_app_ui
from desk_app.ui.shell.main_window import MainWindow
from desk_app.ui.shell.sign_in import SignInDialog
from tests.conftest import make_actor
from tests.services import factories
from tests.ui.catalog_strings import source_strings
from tests.ui.conftest import close_desk, make_desk, type_text
from tests.ui.shell.test_app_start import _driver

ROOT = Path(__file__).resolve().parents[3]
STAFF_TS = ROOT / "resources" / "i18n" / "desk_app_staff_zh_CN.ts"
SOURCES = sorted((ROOT / "desk_app" / "ui" / "admin" / "staff").glob("*.py"))


@pytest.fixture
def manager_desk(qtbot: QtBot, db: Database, manager: Actor, tmp_path: Path) -> Iterator[Desk]:
    d = make_desk(db, manager, tmp_path / "manager.ini")
    yield d
    close_desk(d)


def open_staff(qtbot: QtBot, desk: Desk) -> StaffDialog:
    dialog = StaffDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: all(t.loaded for t in dialog.all_tabs()), timeout=10000)
    return dialog


def click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def form_of(tab: ListTab, button: QPushButton, qtbot: QtBot) -> FormDialog:
    """Click a tab's button that opens a form; the form shown."""
    dialog = tab.window()
    if isinstance(dialog, StaffDialog):
        dialog.tabs.setCurrentWidget(tab)
    click(qtbot, button)
    form = tab.last_form
    qtbot.waitUntil(form.isVisible)
    return form


def closed(form: FormDialog) -> bool:
    """The form went away (saved: it closes and is deleted)."""
    return not shiboken6.isValid(form) or not form.isVisible()


def ok(qtbot: QtBot, form: FormDialog) -> None:
    """Press OK and wait until the save came back (the form closed, or stays with a mark)."""
    click(qtbot, form.ok_button)

    def answered() -> bool:
        if closed(form):
            return True
        return form.ok_button.isEnabled() and bool(form.errors.messages() or form.banner.text())

    qtbot.waitUntil(answered, timeout=10000)


def rows(tab: ListTab) -> list[object]:
    return tab.model.rows()


def test_a_manager_sets_up_a_new_shop_and_a_clerk_then_works(
    qtbot: QtBot, db: Database, manager_desk: Desk
) -> None:
    dialog = open_staff(qtbot, manager_desk)
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Users",
        "Technicians",
        "Service areas",
    ]
    areas_tab, users_tab, techs_tab = dialog.areas, dialog.users, dialog.technicians
    assert areas_tab is not None and users_tab is not None and techs_tab is not None
    # two service areas
    for name in ("朝阳区", "海淀区"):
        form = form_of(areas_tab, areas_tab.add_button, qtbot)
        type_text(qtbot, form.name, name)  # type: ignore[attr-defined]
        ok(qtbot, form)
        assert closed(form)
    qtbot.waitUntil(lambda: len(rows(areas_tab)) == 2)
    assert "海淀区 added." in areas_tab.banner.text()
    # a front-desk clerk who also dispatches, and the technician's own sign-in
    form = form_of(users_tab, users_tab.add_button, qtbot)
    type_text(qtbot, form.username, "li.jing")  # type: ignore[attr-defined]
    type_text(qtbot, form.display_name, "李静")  # type: ignore[attr-defined]
    form.roles.checks[Role.DISPATCHER].click()  # type: ignore[attr-defined]
    type_text(qtbot, form.password, "first-pass")  # type: ignore[attr-defined]
    type_text(qtbot, form.repeat, "first-pass")  # type: ignore[attr-defined]
    ok(qtbot, form)
    form = form_of(users_tab, users_tab.add_button, qtbot)
    type_text(qtbot, form.username, "sun")  # type: ignore[attr-defined]
    type_text(qtbot, form.display_name, "孙师傅")  # type: ignore[attr-defined]
    roles_box = form.roles  # type: ignore[attr-defined]
    roles_box.main.setCurrentIndex(roles_box.main.findData(Role.TECHNICIAN))
    roles_box.checks[Role.CLERK].setChecked(False)
    type_text(qtbot, form.password, "sun-pass-1")  # type: ignore[attr-defined]
    type_text(qtbot, form.repeat, "sun-pass-1")  # type: ignore[attr-defined]
    ok(qtbot, form)
    qtbot.waitUntil(lambda: len(rows(users_tab)) == 3)
    li = next(u for u in rows(users_tab) if u.username == "li.jing")  # type: ignore[attr-defined]
    assert li.roles == (Role.CLERK, Role.DISPATCHER) and li.must_change_password
    users_tab.select(lambda u: u.username == "li.jing")
    assert users_tab.model.data(users_tab.table.currentIndex().siblingAtColumn(4)) == (
        "active, must choose a new password"
    )
    # the technician, covering 朝阳区, signing in as sun
    form = form_of(techs_tab, techs_tab.add_button, qtbot)
    assert isinstance(form, TechnicianDialog)
    qtbot.waitUntil(lambda: form.choices_loaded)
    type_text(qtbot, form.name, "孙师傅")
    type_text(qtbot, form.phone, "139 0000 1111")
    form.skills.tick("repair")
    form.skills.tick("空调")
    assert [form.areas.item(n).text() for n in range(form.areas.count())] == ["朝阳区", "海淀区"]
    form.areas.tick("朝阳区")
    form.user.setCurrentIndex(
        form.user.findData(next(u.id for u in rows(users_tab) if u.username == "sun"))
    )  # type: ignore[attr-defined]
    form.capacity.setValue(5)
    ok(qtbot, form)
    assert closed(form)
    qtbot.waitUntil(lambda: len(rows(techs_tab)) == 1)
    sun = rows(techs_tab)[0]
    assert (sun.name, sun.skills, sun.areas, sun.username, sun.daily_capacity) == (  # type: ignore[attr-defined]
        "孙师傅",
        ("repair", "空调"),
        ("朝阳区",),
        "sun",
        5,
    )
    # the clerk signs in, chooses a password, takes in a repair and dispatches it
    clerk = users.authenticate(db, "li.jing", "first-pass")
    assert users.must_change_password(db, clerk)
    users.change_own_password(db, clerk, "first-pass", "li-own-pass")
    customer = factories.customer(db, clerk, area="朝阳区")
    ticket = tickets.open_ticket(db, clerk, TicketDraft(customer.id, TicketKind.REPAIR, "不制冷"))
    done = dispatch.assign(db, clerk, ticket.id, sun.id)  # type: ignore[attr-defined]
    assert done.status is TicketStatus.DISPATCHED


def test_refused_input_is_marked_and_the_typing_kept(
    qtbot: QtBot, db: Database, manager_desk: Desk, manager: Actor
) -> None:
    factories.service_areas(db, manager, "朝阳区")
    dialog = open_staff(qtbot, manager_desk)
    users_tab, areas_tab, techs_tab = dialog.users, dialog.areas, dialog.technicians
    assert users_tab is not None and areas_tab is not None and techs_tab is not None
    form = form_of(users_tab, users_tab.add_button, qtbot)
    type_text(qtbot, form.username, "li")  # type: ignore[attr-defined]
    type_text(qtbot, form.password, "abc")  # type: ignore[attr-defined]
    type_text(qtbot, form.repeat, "abd")  # type: ignore[attr-defined]
    click(qtbot, form.ok_button)
    assert form.errors.messages() == {"repeat": "The two passwords differ."}
    form.repeat.clear()  # type: ignore[attr-defined]
    type_text(qtbot, form.repeat, "abc")  # type: ignore[attr-defined]
    ok(qtbot, form)
    assert form.isVisible()
    assert form.errors.messages() == {"password": "The password needs at least 6 characters."}
    assert form.username.text() == "li"  # type: ignore[attr-defined]
    form.close()
    # a taken area name
    form = form_of(areas_tab, areas_tab.add_button, qtbot)
    type_text(qtbot, form.name, "朝阳区")  # type: ignore[attr-defined]
    ok(qtbot, form)
    assert form.errors.messages() == {"name": "The service area 朝阳区 exists already."}
    form.close()
    # working hours the wrong way round
    form = form_of(techs_tab, techs_tab.add_button, qtbot)
    assert isinstance(form, TechnicianDialog)
    qtbot.waitUntil(lambda: form.choices_loaded)
    type_text(qtbot, form.name, "周师傅")
    form.end.setTime(form.start.time().addSecs(-3600))
    ok(qtbot, form)
    assert form.errors.messages()["work_end"] == "Working hours end before they start."
    assert form.name.text() == "周师傅"
    assert technicians.list_technicians(db, manager, active_only=False) == []


def test_deactivate_refusals_and_a_stale_roles_form(
    qtbot: QtBot, db: Database, manager_desk: Desk, manager: Actor, clerk: Actor
) -> None:
    dialog = open_staff(qtbot, manager_desk)
    tab = dialog.users
    assert tab is not None
    tab.select(lambda u: u.username == "boss")
    click(qtbot, tab.active_button)
    qtbot.waitUntil(lambda: bool(tab.banner.text()))
    assert tab.banner.text() == "You cannot deactivate yourself."
    tab.select(lambda u: u.username == "clerk1")
    click(qtbot, tab.active_button)
    qtbot.waitUntil(lambda: "李客服 is deactivated." in tab.banner.text())
    qtbot.waitUntil(lambda: not next(u for u in rows(tab) if u.username == "clerk1").active)  # type: ignore[attr-defined]
    assert tab.active_button.text() == "&Reactivate"  # the selection stays on 李客服
    # the deactivated clerk's desk is refused at its next write
    with pytest.raises(Exception) as refused:
        factories.customer(db, clerk)
    assert getattr(refused.value, "code", None) == "user.deactivated"
    click(qtbot, tab.active_button)
    qtbot.waitUntil(lambda: "李客服 can sign in again." in tab.banner.text())
    # roles opened, then another manager changes them first
    qtbot.waitUntil(lambda: next(u for u in rows(tab) if u.username == "clerk1").active)  # type: ignore[attr-defined]
    tab.select(lambda u: u.username == "clerk1")
    form = form_of(tab, tab.roles_button, qtbot)
    other = make_actor(db, manager, "wang", Role.MANAGER, "王二")
    users.set_roles(db, other, clerk.user_id, Role.CLERK, (Role.FOLLOWUP,))
    form.roles.checks[Role.DISPATCHER].setChecked(True)  # type: ignore[attr-defined]
    ok(qtbot, form)
    assert form.isVisible()
    assert "王二 changed this record at" in form.banner.text()
    assert form.roles.other_roles() == [Role.DISPATCHER]  # type: ignore[attr-defined]


def test_the_menu_offers_staff_to_managers_and_a_password_change_to_everyone(
    qtbot: QtBot, desk: Desk, manager_desk: Desk, db: Database
) -> None:
    clerks = MainWindow(desk, confirm_close=False, screens={})
    qtbot.addWidget(clerks)
    assert clerks.staff_action is None
    assert clerks.password_action.text() == "Change my &password…"
    clerks.password_action.trigger()
    dialog = clerks.findChild(ChangePasswordDialog)
    assert dialog is not None and dialog.isVisible()
    type_text(qtbot, dialog.current, "secret-1")
    type_text(qtbot, dialog.new, "clerk-new-1")
    type_text(qtbot, dialog.repeat, "clerk-new-1")
    ok(qtbot, dialog)
    assert users.authenticate(db, "clerk1", "clerk-new-1").username == "clerk1"

    window = MainWindow(manager_desk, confirm_close=False, screens={})
    qtbot.addWidget(window)
    assert window.staff_action is not None and window.staff_action.text() == "S&taff…"
    window.staff_action.trigger()
    staff = window.findChild(StaffDialog)
    assert staff is not None and staff.isVisible()
    qtbot.waitUntil(lambda: all(t.loaded for t in staff.all_tabs()), timeout=10000)
    staff.close()


def test_a_password_a_manager_set_is_replaced_before_the_desk_opens(
    qtbot: QtBot, tmp_path: Path
) -> None:
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    url = f"sqlite:///{tmp_path / 'shop.sqlite3'}"
    db = Database(url)
    from desk_app.db import migrate

    migrate.upgrade(db.engine)
    users.create_user(db, None, "boss", "secret-1", Role.MANAGER, "王经理")
    boss = users.authenticate(db, "boss", "secret-1")
    users.create_user(db, boss, "li", "given-pass", Role.CLERK, "李静")
    opened: list[str] = []

    def choose(w: QWidget) -> bool:
        if not isinstance(w, ChangePasswordDialog):
            return False
        assert "A manager set your password" in w.intro.text()
        w.current.setText("given-pass")
        w.new.setText("my-own-pass")
        w.repeat.setText("my-own-pass")
        w.ok_button.click()
        return True

    def main_window(w: QWidget) -> bool:
        if not isinstance(w, MainWindow):
            return False
        opened.append(w.desk.actor.username)
        assert w.staff_action is None  # a clerk
        w.close()
        return True

    timer = _driver([_sign_in_as("li", "given-pass"), choose, main_window])
    assert desk_app_ui.run(AppConfig(url, "test", "en")) == 0
    timer.stop()
    assert opened == ["li"]
    li = users.authenticate(db, "li", "my-own-pass")
    assert not users.must_change_password(db, li)

    # cancelling the step: the desk does not open
    users.reset_password(db, boss, li.user_id, "given-again")

    def cancel(w: QWidget) -> bool:
        if not isinstance(w, ChangePasswordDialog):
            return False
        w.reject()
        return True

    timer = _driver([_sign_in_as("li", "given-again"), cancel])
    assert desk_app_ui.run(AppConfig(url, "test", "en")) == 0
    timer.stop()
    assert not any(
        isinstance(w, MainWindow) and w.isVisible() for w in QApplication.topLevelWidgets()
    )
    db.dispose()


def _sign_in_as(username: str, password: str) -> Callable[[QWidget], bool]:
    def sign_in(w: QWidget) -> bool:
        if not isinstance(w, SignInDialog):
            return False
        w.username.setText(username)
        w.password.setText(password)
        w.ok_button.click()
        return True

    return sign_in


# ---------------------------------------------------------------- both languages


@pytest.fixture
def chinese(qapp: object) -> Iterator[None]:
    assert STAFF_TS in i18n.catalogs(i18n.CHINESE)
    translators = i18n.load_translators(i18n.CHINESE, compile_qm=False)
    for t in translators:
        QCoreApplication.installTranslator(t)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    yield
    for t in translators:
        QCoreApplication.removeTranslator(t)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_the_dialog_reads_chinese(qtbot: QtBot, manager_desk: Desk, chinese: None) -> None:
    dialog = open_staff(qtbot, manager_desk)
    assert dialog.windowTitle() == "员工"
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "用户",
        "工程师",
        "服务区域",
    ]
    assert QCoreApplication.translate("MainWindow", "S&taff…") == "员工(&T)…"
    tab = dialog.users
    assert tab is not None
    form = form_of(tab, tab.add_button, qtbot)
    type_text(qtbot, form.username, "li")  # type: ignore[attr-defined]
    type_text(qtbot, form.password, "abc")  # type: ignore[attr-defined]
    type_text(qtbot, form.repeat, "abd")  # type: ignore[attr-defined]
    click(qtbot, form.ok_button)
    assert form.errors.messages() == {"repeat": "两次输入的密码不一致。"}


def test_every_staff_string_is_in_the_staff_catalog(tmp_path: Path) -> None:
    found = source_strings(SOURCES, tmp_path)
    assert ("MainWindow", "S&taff…") in found
    text = STAFF_TS.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    table = {**i18n.parse_ts(i18n.ts_path(i18n.CHINESE)), **i18n.parse_ts(STAFF_TS)}
    missing = sorted(k for k in found if k not in table)
    assert not missing, f"not translated: {missing}"
    for key in found:
        source, translation = key[1], table[key]
        for n in range(1, 4):
            assert (f"%{n}" in source) == (f"%{n}" in translation), key
        if "&" in source.replace("&&", ""):
            assert "&" in translation, key
