"""Start the desktop app: language, database, then sessions until the desk quits.

``run(config)`` is what ``desk-app`` with no arguments calls; it returns the
process exit code (0 normal, 2 database unavailable). A session is: first run or
sign-in, the main window, and its end: Sign out / switch user goes back to the
sign-in dialog in the same process, Quit (or cancelling the sign-in) ends the loop.
Every session's end is audited as a sign-out. The screens sign in, unlock and sign
out only through the object ``sign_in_service`` returns.
"""

from __future__ import annotations

import logging
import socket
import sys
from collections.abc import Callable
from typing import TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desk_app.config import APP_AUTHOR, APP_NAME, AppConfig
from desk_app.domain.errors import DatabaseUnavailable
from desk_app.domain.permissions import Perm, has
from desk_app.services.admin import settings as shop_settings
from desk_app.services.admin import users
from desk_app.services.admin.sign_in import SignIn, SignInService
from desk_app.services.core.bootstrap import open_database
from desk_app.services.core.database import Actor, Database
from desk_app.services.core.logins_pg import ServerSignIn, open_server_sign_in
from desk_app.ui.admin.staff.password import ask_new_password
from desk_app.ui.common import i18n
from desk_app.ui.common.changes import ChangeHub
from desk_app.ui.common.collector import GuiThreadCollector
from desk_app.ui.common.context import Desk, database_label
from desk_app.ui.common.errors import message_for, use_shop_zone
from desk_app.ui.common.operations import BackgroundOps
from desk_app.ui.common.scanner import ScannerFilter
from desk_app.ui.shell.main_window import LANGUAGE_KEY, MainWindow
from desk_app.ui.shell.sign_in import FirstRunDialog, SignInDialog

log = logging.getLogger(__name__)
T = TypeVar("T")


def in_background(ops: BackgroundOps, fn: Callable[[], T]) -> T:
    """Run ``fn`` off the GUI thread while the event loop keeps the screen alive.

    For start-up only, before any window exists; screens use ``ops.run`` directly.
    """
    loop = QEventLoop()
    box: dict[str, object] = {}

    def ok(value: object) -> None:
        box["value"] = value
        loop.quit()

    def fail(error: BaseException) -> None:
        box["error"] = error
        loop.quit()

    ops.run(fn, on_success=ok, on_failure=fail)
    loop.exec()
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]


def _database_error(config: AppConfig, error: BaseException) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, QApplication.translate("App", "Database"), "")
    box.setText(
        QApplication.translate("App", "The service desk cannot open its database.")
        + "\n\n"
        + message_for(error)
    )
    box.setInformativeText(
        QApplication.translate("App", "Database: %1 (set by %2)")
        .replace("%1", database_label(config.database_url))
        .replace("%2", config.source)
    )
    box.exec()


def _open(config: AppConfig) -> tuple[Database | None, ServerSignIn | None]:
    """What the desk opens before anybody signs in: the database, where the application
    checks passwords; or, with ``[database] sign_in = "database"``, the sign-in through
    the gate and no database yet: each user's own comes with their sign-in."""
    if config.own_logins:
        return None, open_server_sign_in(config)
    return open_database(config), None


def sign_in_service(db: Database | None, server: ServerSignIn | None) -> SignInService:
    """The one place the desk gets what it signs in, unlocks and signs out through: the
    server itself when each user signs in as their own database login (``server``),
    else the application-level ``SignIn`` (both engines) under this PC's name."""
    if server is not None:
        return server
    assert db is not None
    return SignIn(db, socket.gethostname())


def _sign_in(
    db: Database | None,
    ops: BackgroundOps,
    sign_in: SignInService,
    server: ServerSignIn | None,
) -> Actor | None:
    dialog: FirstRunDialog | SignInDialog
    if db is not None and in_background(ops, lambda: users.count_users(db)) == 0:
        dialog = FirstRunDialog(db, ops, sign_in=sign_in)
    else:  # on the server's own logins an administrator created the first users
        dialog = SignInDialog(sign_in, ops)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    actor = dialog.actor
    own = server.database if server is not None else db
    assert own is not None
    # A manager set this password: the user chooses their own before the desk opens.
    if actor is not None and in_background(ops, lambda: users.must_change_password(own, actor)):
        return actor if ask_new_password(own, ops, actor) else None
    return actor


def _shop_zone_before_sign_in(db: Database, ops: BackgroundOps) -> None:
    """Refusals of the sign-in dialog (locked until …) name times in the shop's zone."""
    try:
        use_shop_zone(in_background(ops, lambda: shop_settings.shop_timezone(db)))
    except Exception as error:  # before sign-in the connection may not read settings
        log.info("shop time zone not read before sign-in: %s", error)


def _session(
    app: QApplication,
    config: AppConfig,
    db: Database,
    ops: BackgroundOps,
    sign_in: SignInService,
    actor: Actor,
    user_settings: QSettings,
) -> tuple[int, bool]:
    """One signed-in session: the main window until it closes. Returns the exit code and
    whether the user signed out (True: show the sign-in dialog again)."""

    def read() -> tuple[ZoneInfo, int]:
        return shop_settings.shop_timezone(db), shop_settings.get_sign_in_policy(
            db
        ).idle_lock_minutes

    tz, idle_minutes = in_background(ops, read)
    # A new shop (only its first manager so far): the Staff window opens to set it up.
    staff = has(actor.roles, Perm.MANAGE_USERS) or has(actor.roles, Perm.MANAGE_TECHNICIANS)
    new_shop = staff and in_background(ops, lambda: users.count_users(db)) == 1
    changes = ChangeHub(db, ops)
    desk = Desk(
        db=db,
        actor=actor,
        ops=ops,
        changes=changes,
        settings=user_settings,
        tz=tz,
    )
    scanner = ScannerFilter(app)
    app.installEventFilter(scanner)
    window = MainWindow(
        desk,
        scanner=scanner,
        language_fixed=bool(config.language),
        sign_in=sign_in,
        idle_lock_ms=idle_minutes * 60_000,
    )
    signed_out: list[bool] = []
    window.signed_out.connect(lambda: signed_out.append(True))
    window.signed_out.connect(app.quit)  # whatever other windows are still open
    ops.default_failure = lambda error: log.error("background failure: %s", error)
    window.show()
    # Straight after the sign-in dialog closes nothing may be active: make the desk the
    # active window so its keyboard shortcuts (F2..F10, Ctrl+G) work at once.
    window.raise_()
    window.activateWindow()
    if new_shop:
        window.open_staff(welcome=True)
    changes.start()
    code = app.exec()
    changes.stop()
    app.removeEventFilter(scanner)
    try:
        in_background(ops, lambda: sign_in.sign_out(actor))
    except Exception as error:  # the session ends whatever the database says
        log.error("sign-out of %s not audited: %s", actor.username, error)
    window.deleteLater()
    scanner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return int(code), bool(signed_out)


def run(config: AppConfig) -> int:
    """Run the desk until it quits; returns the exit code."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    QGuiApplication.setApplicationDisplayName(QApplication.translate("App", "Service desk"))
    user_settings = QSettings(APP_AUTHOR, APP_NAME)
    # The config file / DESK_LANGUAGE win; then the Help ▸ Language choice; then the system.
    picked = config.language or str(user_settings.value(LANGUAGE_KEY, "") or "") or None
    translators = i18n.install(app, i18n.choose_language(picked))
    collector = GuiThreadCollector(app)  # cycles never collected on a worker thread
    ops = BackgroundOps()
    try:
        db, server = in_background(ops, lambda: _open(config))
    except DatabaseUnavailable as error:
        _database_error(config, error)
        ops.shutdown()
        collector.stop()
        return 2
    try:
        sign_in = sign_in_service(db, server)
        if db is not None:
            _shop_zone_before_sign_in(db, ops)
        elif server is not None:
            use_shop_zone(in_background(ops, server.shop_timezone))
        while True:
            actor = _sign_in(db, ops, sign_in, server)
            if actor is None:
                return 0
            # On the server's own logins every query from here runs as the signed-in user.
            own = server.database if server is not None else db
            assert own is not None
            code, again = _session(app, config, own, ops, sign_in, actor, user_settings)
            if not again:
                return code
    finally:
        ops.shutdown()
        if server is not None:
            server.close()
        if db is not None:
            db.dispose()
        collector.stop()
        del translators
