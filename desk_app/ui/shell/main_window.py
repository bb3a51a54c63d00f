"""The main window: navigation to every screen, shortcuts, go-to-ticket, the status bar."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QRegularExpression, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QKeySequence,
    QRegularExpressionValidator,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from desk_app.domain.errors import DeskError
from desk_app.domain.permissions import Perm
from desk_app.services.admin.sign_in import SignInService
from desk_app.services.core import identity
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import TicketView
from desk_app.ui.admin.settings.base import menu_text as settings_menu_text
from desk_app.ui.admin.settings.dialog import SettingsDialog
from desk_app.ui.admin.staff.dialog import StaffDialog
from desk_app.ui.admin.staff.dialog import may_open as may_open_staff
from desk_app.ui.admin.staff.forms import password_menu_text, staff_menu_text
from desk_app.ui.admin.staff.password import ChangePasswordDialog
from desk_app.ui.care.complaints.screen import ComplaintsScreen
from desk_app.ui.care.feedback_entry import FeedbackEntry
from desk_app.ui.care.followups.screen import FollowupsScreen
from desk_app.ui.care.maintenance import MaintenanceScreen
from desk_app.ui.common import i18n, labels
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import current_language, message_for
from desk_app.ui.common.persist import (
    restore_geometry,
    restore_splitter,
    save_geometry,
    save_splitter,
)
from desk_app.ui.common.placeholders import PlaceholderScreen, descriptions
from desk_app.ui.common.scanner import ScannerFilter
from desk_app.ui.customers.lookup import CustomerLookup
from desk_app.ui.dispatch.board import DispatchBoard
from desk_app.ui.paperwork.hook import WorkOrderPrinter
from desk_app.ui.shell.lock import (
    DeskLock,
    belongs_to,
    lock_menu_text,
    sign_out_menu_text,
    sign_out_question,
)
from desk_app.ui.stock.screen import StockScreen
from desk_app.ui.tickets.intake import TicketIntake
from desk_app.ui.tickets.ticket_view import TicketDialog

ScreenFactory = Callable[[Desk], QWidget]
LANGUAGE_KEY = "ui/language"  # QSettings: the language picked in the Help menu
# Each language by its own name, whatever the desk speaks.
LANGUAGE_NAMES = {i18n.CHINESE: "中文（简体）", i18n.ENGLISH: "English"}
log = logging.getLogger(__name__)


# The screens beside lookup and intake, each constructed as Class(desk). The
# dashboard (KPIs) is not built yet and shows a placeholder saying what will be there.
def available_screens() -> dict[str, ScreenFactory]:
    return {
        "dispatch": DispatchBoard,
        "stock": StockScreen,
        "complaints": ComplaintsScreen,
        "followups": FollowupsScreen,
        "maintenance": MaintenanceScreen,
        "feedback": FeedbackEntry,
    }


@dataclass(frozen=True)
class ScreenSpec:
    key: str
    title: str
    shortcuts: tuple[str, ...]


class MainWindow(QMainWindow):
    """One window for the whole desk; screens are built once and kept.

    With a ``sign_in`` (the desk's sign-in object) the Desk menu offers Lock and Sign
    out / switch user, and the desk locks itself after ``idle_lock_ms`` without input
    (0: never). ``signed_out`` is emitted when the user signs out; the window then
    closes (``ui.shell.app`` shows the sign-in dialog again and audits the sign-out).
    """

    signed_out = Signal()

    def __init__(
        self,
        desk: Desk,
        *,
        scanner: ScannerFilter | None = None,
        printer: WorkOrderPrinter | None = None,
        screens: dict[str, ScreenFactory] | None = None,  # None: every screen available
        confirm_close: bool = True,
        language_fixed: bool = False,  # the config file / DESK_LANGUAGE set the language
        sign_in: SignInService | None = None,
        idle_lock_ms: int = 0,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.desk = desk
        self.printer = printer or WorkOrderPrinter(desk)
        self.confirm_close = confirm_close
        self.setWindowTitle(self.tr("Service desk — %1").replace("%1", desk.actor.display_name))
        self.specs = [
            ScreenSpec("lookup", self.tr("Customer lookup"), ("F2",)),
            ScreenSpec("intake", self.tr("New ticket"), ("F3", "Ctrl+N")),
            ScreenSpec("dispatch", self.tr("Dispatch board"), ("F4",)),
            ScreenSpec("stock", self.tr("Parts stock"), ("F5",)),
            ScreenSpec("complaints", self.tr("Complaints"), ("F6",)),
            ScreenSpec("followups", self.tr("Follow-ups"), ("F7",)),
            ScreenSpec("dashboard", self.tr("Dashboard"), ("F8",)),
            ScreenSpec("maintenance", self.tr("Maintenance reminders"), ("F9",)),
            ScreenSpec("feedback", self.tr("Feedback forms"), ("F10",)),
        ]
        self.lookup = CustomerLookup(desk)
        self.intake = TicketIntake(desk, self.printer)
        self.screens: dict[str, QWidget] = {"lookup": self.lookup, "intake": self.intake}
        placeholder_text = descriptions()
        factories = available_screens() if screens is None else screens
        for spec in self.specs[2:]:
            factory = factories.get(spec.key)
            widget: QWidget | None = None
            if factory is not None:
                try:
                    widget = factory(desk)
                except Exception:  # another screen's bug must not keep the desk from starting
                    log.exception("could not build the %s screen", spec.key)
            self.screens[spec.key] = widget or PlaceholderScreen(
                spec.title, placeholder_text.get(spec.key, "")
            )

        self.nav = QListWidget(objectName="navigation")
        self.nav.setMinimumWidth(150)
        self.nav.setStyleSheet("QListWidget::item { padding: 4px 8px; }")
        # Two lines (title, shortcut) per item; CJK fonts need the taller line spacing.
        item_height = self.nav.fontMetrics().lineSpacing() * 2 + 14
        self.stack = QStackedWidget(objectName="screens")
        self.actions: dict[str, QAction] = {}
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for spec in self.specs:
            widget = self.screens[spec.key]
            self.stack.addWidget(widget)
            keys = " / ".join(spec.shortcuts)
            item = QListWidgetItem(f"{spec.title}\n{keys}")
            item.setToolTip(f"{spec.title} ({keys})")
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(0, item_height))
            self.nav.addItem(item)
            action = QAction(spec.title, self)
            action.setShortcuts([QKeySequence(k) for k in spec.shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            action.setToolTip(f"{spec.title} ({keys})")
            action.triggered.connect(lambda _=False, k=spec.key: self.show_screen(k))
            go_menu.addAction(action)
            self.actions[spec.key] = action
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 1200])
        self.setCentralWidget(self.splitter)

        desk_menu = self.menuBar().addMenu(self.tr("&Desk"))
        self.new_customer_action = self._action(
            desk_menu, self.tr("New &customer…"), "Ctrl+Shift+N", self._new_customer
        )
        self.goto_action = self._action(
            desk_menu, self.tr("&Go to ticket…"), "Ctrl+G", self.focus_goto
        )
        self.settings_action: QAction | None = None  # managers only
        if desk.can(Perm.MANAGE_SETTINGS):
            self.settings_action = self._action(
                desk_menu, settings_menu_text(), "Ctrl+,", self.open_settings
            )
        self.staff_action: QAction | None = None  # managers only
        if may_open_staff(desk):
            self.staff_action = self._action(desk_menu, staff_menu_text(), "", self.open_staff)
        self.password_action = self._action(
            desk_menu, password_menu_text(), "", self.change_password
        )
        desk_menu.addSeparator()
        self.desk_lock: DeskLock | None = None
        self.signing_out = False
        if sign_in is not None:
            self.desk_lock = DeskLock(self, desk, sign_in, idle_lock_ms)
            self.desk_lock.sign_out_requested.connect(self.sign_out)
            self.lock_action = self._action(
                desk_menu, lock_menu_text(), "Ctrl+L", self.desk_lock.lock
            )
            self.sign_out_action = self._action(
                desk_menu, sign_out_menu_text(), "Ctrl+Shift+L", self.sign_out
            )
        self._action(desk_menu, self.tr("&Quit"), "Ctrl+Q", self.close)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Keyboard shortcuts"), "F1", self._show_shortcuts)
        self.language_menu = help_menu.addMenu(self.tr("&Language"))
        self.language_menu.setObjectName("languageMenu")
        self.language_actions: dict[str, QAction] = {}
        # The check marks the language the desk speaks now; a different choice is
        # remembered for the next start and says so in its menu entry.
        self.active_language = current_language()
        group = QActionGroup(self)
        group.setExclusive(True)
        for code in LANGUAGE_NAMES:
            action = QAction(self, checkable=True)
            action.setChecked(code == self.active_language)
            action.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.next_language = str(desk.settings.value(LANGUAGE_KEY, "") or "") or None
        self._label_languages()
        if language_fixed:  # a choice here would never apply: say why it cannot be made
            group.setEnabled(False)
            self.language_menu.addSeparator()
            fixed = self.language_menu.addAction(self.tr("Set by the desk's configuration"))
            fixed.setObjectName("languageFixed")
            fixed.setEnabled(False)

        toolbar = QToolBar(self.tr("Go to ticket"), objectName="gotoBar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(self.tr("Ticket:") + " "))
        self.goto = QLineEdit(objectName="gotoTicket")
        self.goto.setPlaceholderText(self.tr("S20261123-0001 (Ctrl+G)"))
        self.goto.setToolTip(self.tr("Type or scan a ticket number and press Enter (Ctrl+G)"))
        self.goto.setMaximumWidth(220)
        self.goto.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[sS0-9\- ]{0,20}"), self.goto)
        )
        self.goto.returnPressed.connect(self._goto_entered)
        toolbar.addWidget(self.goto)
        self.addToolBar(toolbar)

        self.user_label = QLabel(objectName="statusUser")
        self.user_label.setText(f"{desk.actor.display_name} ({labels.roles()[desk.actor.role]})")
        db_kind = self.tr("embedded") if desk.db.is_embedded else self.tr("server")
        self.db_label = QLabel(objectName="statusDatabase")
        self.db_label.setText(
            self.tr("Database (%1): %2").replace("%1", db_kind).replace("%2", desk.database_label)
        )
        self.connection_label = QLabel(objectName="statusConnection")
        # Shown when the desk is connected as a superuser or as the tables' owner.
        self.identity_label = QLabel(objectName="statusIdentityWarning")
        self.identity_label.setStyleSheet("color: #b00020;")
        self.identity_label.hide()
        self.busy_label = QLabel(objectName="statusBusy")
        status = self.statusBar()
        status.addWidget(self.user_label)
        status.addWidget(self.db_label, 1)
        status.addPermanentWidget(self.busy_label)
        status.addPermanentWidget(self.connection_label)
        status.addWidget(self.identity_label)
        self._connection(None)
        desk.ops.run(
            lambda: identity.connection_warning(desk.db),
            on_success=self._identity_warning,
            owner=self,
            quiet=True,
        )
        desk.changes.connection_changed.connect(self._connection)
        desk.ops.busy_changed.connect(self._busy)

        self.lookup.new_ticket_requested.connect(self.new_ticket_for)
        self.lookup.open_ticket_requested.connect(self.open_ticket)
        self.intake.open_ticket_requested.connect(self.open_ticket)
        self.intake.show_customer_requested.connect(self.show_customer)
        self._connect_screens()
        if scanner is not None:
            scanner.scanned.connect(self.scanned)
        self.resize(1280, 800)
        restore_geometry(desk.settings, "main", self)
        restore_splitter(desk.settings, "main", self.splitter)
        for screen in self.screens.values():
            restore = getattr(screen, "restore_state", None)
            if restore is not None:
                restore(desk.settings)
        self.show_screen("lookup")

    def _connect_screens(self) -> None:
        """Screens ask for tickets, customers and each other through signals only."""
        screens = self.screens
        if isinstance(board := screens["dispatch"], DispatchBoard):
            board.open_ticket.connect(self.open_ticket)
        if isinstance(complaints := screens["complaints"], ComplaintsScreen):
            complaints.open_ticket_requested.connect(self.open_ticket)
        if isinstance(maintenance := screens["maintenance"], MaintenanceScreen):
            maintenance.open_ticket_requested.connect(self.open_ticket)
            maintenance.show_customer_requested.connect(self.show_customer)
        if isinstance(followups := screens["followups"], FollowupsScreen):
            followups.complaint_opened.connect(self.show_complaint)

    def show_complaint(self, complaint_id: int) -> None:
        self.show_screen("complaints")
        complaints = self.screens["complaints"]
        if isinstance(complaints, ComplaintsScreen):
            complaints.show_complaint(complaint_id)

    def scanned(self, code: str) -> None:
        """A barcode scanned anywhere: the feedback-form screen takes its forms' codes;
        everywhere else the ticket opens."""
        feedback = self.screens["feedback"]
        if (
            self.stack.currentWidget() is feedback
            and isinstance(feedback, FeedbackEntry)
            and feedback.handle_scan(code)
        ):
            return
        self.open_ticket_number(code)

    def _action(
        self, menu: object, text: str, shortcut: str, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.setToolTip(f"{text.replace('&', '')} ({shortcut})")
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    # ---------------------------------------------------------------- navigation

    def current_screen(self) -> str:
        return next(k for k, w in self.screens.items() if w is self.stack.currentWidget())

    def show_screen(self, key: str) -> None:
        index = [s.key for s in self.specs].index(key)
        self.nav.setCurrentRow(index)
        self.stack.setCurrentIndex(index)
        if key == "lookup":
            self.lookup.focus_search()
        elif key == "intake" and self.intake.pages.currentIndex() == 1:
            self.intake.start_over()

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(self.specs) and self.stack.currentIndex() != row:
            self.show_screen(self.specs[row].key)

    def new_ticket_for(self, customer_id: int) -> None:
        """Intake for a customer; unsaved typing of another ticket is never thrown away."""
        self.show_screen("intake")
        if self.intake.dirty and self.intake.customer is not None:
            if self.intake.customer.id != customer_id:
                self.intake.banner.show_message(
                    self.tr(
                        "You have an unsaved ticket for another customer. Save it, or press "
                        "Start over, then open the new one."
                    ),
                    "warning",
                )
            return
        self.intake.set_customer(customer_id)

    def show_customer(self, customer_id: int) -> None:
        self.show_screen("lookup")
        self.lookup.show_customer(customer_id)

    def _new_customer(self) -> None:
        self.show_screen("lookup")
        self.lookup.new_customer()

    # ---------------------------------------------------------------- tickets

    def focus_goto(self) -> None:
        self.goto.setFocus()
        self.goto.selectAll()

    def _goto_entered(self) -> None:
        number = self.goto.text().replace(" ", "").upper()
        if number:
            self.open_ticket_number(number)

    def open_ticket_number(self, number: str) -> None:
        """Open the ticket with this number (typed or scanned) once it is found; an
        unknown number (or one that cannot be a number) says so in the status bar and
        opens nothing, and the go-to box keeps it for correcting."""
        desk = self.desk
        self.statusBar().clearMessage()
        desk.ops.run(
            lambda: tickets.find_by_number(desk.db, desk.actor, number),
            on_success=self._ticket_found,
            on_failure=self._ticket_not_found,
            key="goto-ticket",
            owner=self,
        )

    def _ticket_found(self, ticket: TicketView) -> None:
        if self.goto.text().replace(" ", "").upper() == ticket.number:
            self.goto.clear()
        self.open_ticket(ticket.id)

    def _ticket_not_found(self, error: BaseException) -> None:
        self.statusBar().showMessage(message_for(error, self.desk.tz), 10000)
        if self.goto.text():
            self.goto.selectAll()

    def open_ticket(self, ticket_id: int) -> TicketDialog:
        dialog = TicketDialog(self.desk, ticket_id=ticket_id, printer=self.printer, parent=self)
        dialog.show()
        return dialog

    # ---------------------------------------------------------------- status

    def _connection(self, connected: bool | None) -> None:
        if connected is None:
            text, color = self.tr("Connecting…"), "#666"
        elif connected:
            text, color = self.tr("● Connected"), "#1b7f3b"
        else:
            text, color = self.tr("● Connection lost — retrying"), "#b3261e"
        self.connection_label.setText(text)
        self.connection_label.setStyleSheet(f"color: {color};")

    def _busy(self, count: int) -> None:
        self.busy_label.setText(self.tr("Working…") if count else "")

    def _label_languages(self) -> None:
        """Each language by its own name; the one chosen for the next start says so."""
        for code, action in self.language_actions.items():
            text = LANGUAGE_NAMES[code]
            if code != self.active_language and code == self.next_language:
                text += " — " + self.tr("from the next start")
            action.setText(text)
            action.setChecked(code == self.active_language)

    def _identity_warning(self, warning: DeskError | None) -> None:
        """A note that the database checks nothing, when connected as superuser or owner."""
        if warning is None:
            return
        text = message_for(warning, self.desk.tz)
        self.identity_label.setText(text)
        self.identity_label.setToolTip(text)
        self.identity_label.show()

    def choose_language(self, code: str) -> QMessageBox | None:
        """Remember the language for the next start (the config file's setting still
        wins); the screens keep speaking the language in use until then, and the check
        stays on it. Returns the notice shown when the language is a different one."""
        self.desk.settings.setValue(LANGUAGE_KEY, code)
        self.desk.settings.sync()
        self.next_language = code
        self._label_languages()
        if code == self.active_language:
            self.statusBar().clearMessage()
            return None
        message = self.tr("The language changes the next time the desk starts.")
        self.statusBar().showMessage(message, 8000)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Language"),
            message
            + "\n"
            + self.tr("%1 is used until then.").replace(
                "%1", LANGUAGE_NAMES.get(self.active_language, self.active_language)
            ),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("languageNotice")
        box.open()
        return box

    def open_settings(self) -> SettingsDialog:
        """The manager's settings (the menu offers them to managers only)."""
        dialog = SettingsDialog(self.desk, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_staff(self, *, welcome: bool = False) -> StaffDialog:
        """Users, technicians and service areas (the menu offers them to managers only)."""
        dialog = StaffDialog(self.desk, self, welcome=welcome)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def change_password(self) -> ChangePasswordDialog:
        desk = self.desk
        dialog = ChangePasswordDialog(desk.db, desk.ops, desk.actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _show_shortcuts(self) -> None:
        lines = [f"{s.title}: {' / '.join(s.shortcuts)}" for s in self.specs]
        lines += [
            self.tr("New customer: Ctrl+Shift+N"),
            self.tr("Go to ticket: Ctrl+G (or scan its barcode anywhere)"),
            self.tr("Save: Ctrl+S"),
        ]
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), "\n".join(lines))

    # ---------------------------------------------------------------- closing

    def has_unsaved_work(self) -> bool:
        return self.intake.dirty or self.lookup.detail.dirty

    def sign_out(self) -> bool:
        """End this user's session without quitting (asked first if typing is unsaved:
        from the lock screen too, where the question is all the next person sees)."""
        if self.confirm_close and self.has_unsaved_work():
            lock = self.desk_lock.screen if self.desk_lock is not None else None
            answer = QMessageBox.question(
                lock or self,
                self.tr("Unsaved changes"),
                sign_out_question(),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.signing_out = True
        if self.desk_lock is not None:
            self.desk_lock.end()
        for top in QApplication.topLevelWidgets():  # the ticket windows it opened
            if top is not self and top.isVisible() and belongs_to(top, self):
                top.close()
        self.signed_out.emit()
        self.close()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.confirm_close and not self.signing_out and self.has_unsaved_work():
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("There is typing that was not saved. Close anyway and lose it?"),
                QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Close:
                event.ignore()
                return
        if self.desk_lock is not None:
            self.desk_lock.end()
        self.save_state()
        super().closeEvent(event)

    def save_state(self) -> None:
        settings = self.desk.settings
        save_geometry(settings, "main", self)
        save_splitter(settings, "main", self.splitter)
        for screen in self.screens.values():
            save = getattr(screen, "save_state", None)
            if save is not None:
                save(settings)
        settings.sync()
