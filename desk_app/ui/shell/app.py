"""Start the desktop app: language, database, first run or sign-in, then the main window.

``run(config)`` is what ``desk-app`` with no arguments calls; it returns the
process exit code (0 normal, 2 database unavailable).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desk_app.config import APP_AUTHOR, APP_NAME, AppConfig
from desk_app.domain.errors import DatabaseUnavailable
from desk_app.services.admin import settings as shop_settings
from desk_app.services.admin import users
from desk_app.services.core.bootstrap import open_database
from desk_app.services.core.database import Actor, Database
from desk_app.services.core.logins_pg import ServerSignIn, open_server_sign_in
from desk_app.ui.common import i18n
from desk_app.ui.common.changes import ChangeHub
from desk_app.ui.common.context import Desk, database_label
from desk_app.ui.common.errors import message_for
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


def _sign_in(db: Database | None, ops: BackgroundOps, server: ServerSignIn | None) -> Actor | None:
    dialog: FirstRunDialog | SignInDialog
    if server is not None:  # users exist: an administrator created their logins
        dialog = SignInDialog(None, ops, sign_in=server)
    elif db is None:
        raise AssertionError("no database and no server sign-in")
    elif in_background(ops, lambda: users.count_users(db)) == 0:
        dialog = FirstRunDialog(db, ops)
    else:
        dialog = SignInDialog(db, ops)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.actor


def run(config: AppConfig) -> int:
    """Run the desk until its window closes; returns the exit code."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    QGuiApplication.setApplicationDisplayName(QApplication.translate("App", "Service desk"))
    user_settings = QSettings(APP_AUTHOR, APP_NAME)
    # The config file / DESK_LANGUAGE win; then the Help ▸ Language choice; then the system.
    picked = config.language or str(user_settings.value(LANGUAGE_KEY, "") or "") or None
    translators = i18n.install(app, i18n.choose_language(picked))
    ops = BackgroundOps()
    try:
        db, server = in_background(ops, lambda: _open(config))
    except DatabaseUnavailable as error:
        _database_error(config, error)
        ops.shutdown()
        return 2
    actor: Actor | None = None
    try:
        actor = _sign_in(db, ops, server)
        if actor is None:
            return 0
        if server is not None:
            db = server.database  # from here on every query runs as the signed-in user
        assert db is not None
        tz = in_background(ops, lambda: shop_settings.shop_timezone(db))
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
        window = MainWindow(desk, scanner=scanner, language_fixed=bool(config.language))
        ops.default_failure = lambda error: log.error("background failure: %s", error)
        window.show()
        # Straight after the sign-in dialog closes nothing may be active: make the desk the
        # active window so its keyboard shortcuts (F2..F10, Ctrl+G) work at once.
        window.raise_()
        window.activateWindow()
        changes.start()
        code = app.exec()
        changes.stop()
        app.removeEventFilter(scanner)
        return int(code)
    finally:
        ops.shutdown()
        if server is not None:
            if actor is not None:
                server.sign_out(actor)
            server.close()
        elif db is not None:
            db.dispose()
        del translators
