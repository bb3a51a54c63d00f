"""Maintenance reminders (维护提醒): customers whose appliances are due for preventive
maintenance by age and category, most overdue first, and the maintenance ticket opened
from the list in one click (the appliance then leaves the list).

"Due by" looks ahead (the calls to make this month); a double-clicked or retried "open"
makes one ticket (one request id per appliance until it succeeds).
"""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QDate, QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.errors import DuplicateEntry
from desk_app.domain.permissions import Perm
from desk_app.services.care import maintenance
from desk_app.services.care.maintenance import MaintenanceDue
from desk_app.services.tickets.tickets import TicketView
from desk_app.ui.common import labels
from desk_app.ui.common.changes import Changes
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.on_view import ReloadOnView
from desk_app.ui.common.persist import restore_header, save_header
from desk_app.ui.common.table_models import Column, RowsModel
from desk_app.ui.common.widgets import Banner, row_table


class MaintenanceScreen(QWidget):
    """Appliances due for maintenance; open the maintenance ticket from here."""

    open_ticket_requested = Signal(int)
    show_customer_requested = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("maintenanceScreen")
        self.desk = desk
        self.all_rows: list[MaintenanceDue] = []
        self.opened: TicketView | None = None
        self._request_ids: dict[int, str] = {}
        self._opening = False
        self.banner = Banner(self)
        self.open_opened_button = QPushButton(self.tr("Show the ticket"), objectName="showOpened")
        self.open_opened_button.clicked.connect(self._show_opened)
        self.banner.buttons.addWidget(self.open_opened_button)

        title = QLabel(self.tr("Maintenance reminders"))
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.due_by = QDateEdit(objectName="maintenanceDueBy", calendarPopup=True)
        self.due_by.setDate(self._today())
        self.category = QComboBox(objectName="maintenanceCategory")
        self.category.addItem(self.tr("All appliances"), None)
        self.count = QLabel(objectName="maintenanceCount")
        self.count.setStyleSheet("color: #555;")
        self.open_button = QPushButton(
            self.tr("&Open maintenance ticket"), objectName="openMaintenance"
        )
        self.open_button.setStyleSheet("font-weight: bold; padding: 4px 14px;")
        self.open_button.setEnabled(False)
        self.customer_button = QPushButton(self.tr("C&ustomer"), objectName="maintenanceCustomer")
        self.customer_button.setEnabled(False)
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Due by")))
        bar.addWidget(self.due_by)
        bar.addWidget(self.category)
        bar.addWidget(self.count)
        bar.addStretch(1)
        bar.addWidget(self.customer_button)
        bar.addWidget(self.open_button)

        self.model = RowsModel[MaintenanceDue](
            [
                Column(self.tr("Due on"), lambda m: labels.fmt_date(m.due_on)),
                Column(
                    self.tr("Overdue"),
                    self._overdue_text,
                    color=lambda m: "#b3261e" if m.days_overdue > 30 else None,
                    sort_key=lambda m: m.days_overdue,
                ),
                Column(self.tr("Customer"), lambda m: m.customer_name),
                Column(self.tr("Phone"), lambda m: m.phone or ""),
                Column(
                    self.tr("Appliance"),
                    lambda m: " ".join(x for x in (m.brand, m.category, m.model) if x),
                ),
                Column(self.tr("Serial"), lambda m: m.serial or ""),
                Column(self.tr("Since"), self._since_text),
                Column(
                    self.tr("Every"),
                    lambda m: self.tr("%1 months").replace("%1", str(m.interval_months)),
                ),
                Column(self.tr("Address"), lambda m: m.address or ""),
            ],
            self,
        )
        self.table = row_table(self.model, "maintenanceList")
        self._sized = False

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)

        self.due_by.dateChanged.connect(self.refresh)
        self.category.currentIndexChanged.connect(self._filter)
        self.table.selectionModel().selectionChanged.connect(self._selection)
        self.table.doubleClicked.connect(lambda _i: self.open_ticket())
        self.open_button.clicked.connect(self.open_ticket)
        self.customer_button.clicked.connect(self._show_customer)
        desk.changes.changed.connect(self._on_changes)
        self.on_view = ReloadOnView(self, self.refresh)  # loads when first shown

    def _today(self) -> QDate:
        today = self.desk.now().astimezone(self.desk.tz).date()
        return QDate(today.year, today.month, today.day)

    # ---------------------------------------------------------------- the list

    def _overdue_text(self, m: MaintenanceDue) -> str:
        days = m.days_overdue
        if days <= 0:
            return self.tr("due")
        if days <= 60:
            return self.tr("%1 days").replace("%1", str(days))
        months = days * 12 // 365
        if months < 24:
            return self.tr("%1 months").replace("%1", str(months))
        return self.tr("%1 years").replace("%1", str(months // 12))

    def _since_text(self, m: MaintenanceDue) -> str:
        if m.last_maintenance is not None and m.since == m.last_maintenance:
            what = self.tr("maintained")
        elif m.purchase_date is not None and m.since == m.purchase_date:
            what = self.tr("bought")
        else:
            what = self.tr("installed")
        return f"{what} {labels.fmt_date(m.since)}"

    def refresh(self) -> None:
        desk = self.desk
        qd = self.due_by.date()
        day = date(qd.year(), qd.month(), qd.day())
        desk.ops.run(
            lambda: maintenance.maintenance_due(desk.db, desk.actor, day),
            on_success=self._loaded,
            on_failure=lambda e: self.banner.show_message(message_for(e, desk.tz), "error"),
            key=f"maintenance-{id(self)}",
            owner=self,
        )

    def _loaded(self, rows: list[MaintenanceDue]) -> None:
        self.all_rows = rows
        current = self.category.currentData()
        self.category.blockSignals(True)
        while self.category.count() > 1:
            self.category.removeItem(1)
        # The chosen category stays, even when nothing of it is due any more.
        names = {m.category for m in rows} | ({current} if current else set())
        for name in sorted(names):
            self.category.addItem(name, name)
        index = self.category.findData(current)
        self.category.setCurrentIndex(max(index, 0))
        self.category.blockSignals(False)
        self._filter()

    def _filter(self) -> None:
        wanted = self.category.currentData()
        rows = [m for m in self.all_rows if wanted is None or m.category == wanted]
        self.model.set_rows(rows)
        if rows and not self._sized:
            self._sized = True
            self.table.resizeColumnsToContents()
        self.count.setText(self.tr("%1 due").replace("%1", str(len(rows))))
        self._selection()

    def selected(self) -> MaintenanceDue | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selection(self) -> None:
        picked = self.selected() is not None
        self.open_button.setEnabled(
            picked and not self._opening and self.desk.can(Perm.OPEN_TICKETS)
        )
        self.customer_button.setEnabled(picked)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("ticket") or changes.touches("appliance"):
            self.on_view.request()

    # ---------------------------------------------------------------- opening the ticket

    def open_ticket(self) -> None:
        due = self.selected()
        if due is None or self._opening or not self.desk.can(Perm.OPEN_TICKETS):
            return
        key = self._request_ids.setdefault(due.appliance_id, uuid.uuid4().hex)
        desk = self.desk
        self._opening = True
        self._selection()
        desk.ops.run(
            lambda: maintenance.open_maintenance_ticket(
                desk.db, desk.actor, due.appliance_id, request_id=key
            ),
            on_success=lambda t: self._opened(due, t),
            on_failure=self._failed,
            owner=self,
        )

    def _opened(self, due: MaintenanceDue, ticket: TicketView) -> None:
        self._opening = False
        self._request_ids.pop(due.appliance_id, None)
        self.opened = ticket
        what = " ".join(x for x in (due.brand, due.category, due.model) if x)
        self.banner.show_message(
            self.tr("Maintenance ticket %1 opened for %2 (%3).")
            .replace("%1", ticket.number)
            .replace("%2", due.customer_name)
            .replace("%3", what),
            "ok",
        )
        self.open_opened_button.show()
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self._opening = False
        self._selection()
        self.open_opened_button.hide()
        if isinstance(error, DuplicateEntry):
            text = self.tr("A maintenance ticket (%1) is already open for this appliance.")
            self.banner.show_message(text.replace("%1", str(error.key)), "warning")
            self.refresh()
            return
        self.banner.show_message(message_for(error, self.desk.tz), "error")

    def _show_opened(self) -> None:
        if self.opened is not None:
            self.open_ticket_requested.emit(self.opened.id)

    def _show_customer(self) -> None:
        due = self.selected()
        if due is not None:
            self.show_customer_requested.emit(due.customer_id)

    # ---------------------------------------------------------------- state

    def save_state(self, settings: QSettings) -> None:
        save_header(settings, "maintenance/list", self.table.horizontalHeader())

    def restore_state(self, settings: QSettings) -> None:
        self._sized = restore_header(settings, "maintenance/list", self.table.horizontalHeader())
