"""The manager's Settings… dialog: one tab per area, each loaded and saved on its own.

Every tab reads through ``desk.ops`` when the dialog opens and saves only when its
Save button is pressed; a refused save marks the field and keeps the typing. The
tabs are in ``company`` (company, desk), ``printers`` (this PC's printers),
``standards`` (service and complaint standards), ``calendar`` (working calendar) and
``sign_in`` (lockout and idle lock);
what they share is in ``base``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.admin.settings.base import SettingsTab, note
from desk_app.ui.admin.settings.calendar import CalendarTab
from desk_app.ui.admin.settings.company import CompanyTab, DeskTab
from desk_app.ui.admin.settings.printers import PrintersTab
from desk_app.ui.admin.settings.sign_in import SignInTab
from desk_app.ui.admin.settings.standards import ComplaintsTab, StandardsTab
from desk_app.ui.common.context import Desk


class SettingsDialog(QDialog):
    """The manager's settings, one tab per area (see the module docstring)."""

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
        *,
        printer_names: Callable[[], list[str]] | None = None,
        confirm_close: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.desk = desk
        self.confirm_close = confirm_close
        self.company = CompanyTab(desk)
        self.printers = PrintersTab(desk, printer_names=printer_names)
        self.standards = StandardsTab(desk)
        self.calendar = CalendarTab(desk)
        self.complaints = ComplaintsTab(desk)
        self.desk_tab = DeskTab(desk)
        self.sign_in = SignInTab(desk)
        self.tabs = QTabWidget(objectName="settingsTabs")
        self._titles: list[str] = []
        for tab, title in (
            (self.company, self.tr("Company")),
            (self.printers, self.tr("Printers")),
            (self.standards, self.tr("Service standards")),
            (self.calendar, self.tr("Working calendar")),
            (self.complaints, self.tr("Complaints")),
            (self.desk_tab, self.tr("Desk")),
            (self.sign_in, SignInTab.title()),
        ):
            self.tabs.addTab(tab, title)
            self._titles.append(title)
            tab.dirty_changed.connect(lambda _d=False, t=tab: self._mark_tab(t))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self._save_current)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(self.tr("Each tab is saved on its own with its Save button (Ctrl+S)."))
        )
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(900, 680)
        for tab in self.all_tabs():
            tab.load()

    def all_tabs(self) -> list[SettingsTab]:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]  # type: ignore[misc]

    def _mark_tab(self, tab: SettingsTab) -> None:
        index = self.tabs.indexOf(tab)
        self.tabs.setTabText(index, self._titles[index] + (" *" if tab.dirty else ""))

    def _save_current(self) -> None:
        current = self.tabs.currentWidget()
        if isinstance(current, SettingsTab):
            current.save()

    def reject(self) -> None:
        """Close (Esc, the Close button, the window's ×), asking first if a tab is unsaved."""
        unsaved = [self._titles[i] for i, t in enumerate(self.all_tabs()) if t.dirty]
        if unsaved and self.confirm_close:
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Not saved yet: %1. Close anyway and lose these changes?").replace(
                    "%1", ", ".join(unsaved)
                ),
                QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Close:
                return
        super().reject()
