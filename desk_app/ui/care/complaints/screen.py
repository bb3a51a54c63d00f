"""Complaints (投诉跟踪): the list with its filters and both clocks, the full history of
the picked complaint beside it, and intake of a new one.

Overdue complaints are highlighted. Every minute (and when the screen loads) this desk
marks newly overdue complaints as escalated (``complaints.escalate_overdue``: idempotent,
safe from several desks); a manager's desk shows how many wait for them.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.clock import ClockState
from desk_app.domain.complaint_rules import ACTIVE_STATES
from desk_app.domain.enums import ComplaintStatus
from desk_app.domain.permissions import Perm
from desk_app.services.care import complaint_views, complaints
from desk_app.services.care.complaint_views import ComplaintFilter, ComplaintRow, ComplaintView
from desk_app.services.dispatch import dispatch
from desk_app.services.dispatch.dispatch import TechnicianView
from desk_app.ui.care.complaints import labels as complaint_labels
from desk_app.ui.care.complaints.dialogs import ComplaintIntakeDialog, select_data
from desk_app.ui.care.complaints.history import ComplaintHistory
from desk_app.ui.common import labels
from desk_app.ui.common.changes import Changes
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.on_view import ReloadOnView
from desk_app.ui.common.persist import restore_header, restore_splitter, save_header, save_splitter
from desk_app.ui.common.table_models import Column, RowsModel
from desk_app.ui.common.widgets import Banner, row_table

ESCALATE_EVERY_MS = 60_000
OVERDUE_BACKGROUND = "#fdecea"

Index = QModelIndex | QPersistentModelIndex


def _clock_text(state: ClockState) -> str:
    return labels.clock_text(state)


def _clock_color(state: ClockState) -> str:
    return labels.CLOCK_COLORS[state.status]


class ComplaintRowsModel(RowsModel[ComplaintRow]):
    """Complaint rows; overdue ones on a red background, escalated ones in bold."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if index.isValid() and index.row() < self.rowCount():
            row = self.row_at(index.row())
            active = row.status in ACTIVE_STATES
            if role == Qt.ItemDataRole.BackgroundRole and active and row.clocks.overdue:
                return QColor(OVERDUE_BACKGROUND)
            if role == Qt.ItemDataRole.FontRole and active and row.escalated_at is not None:
                font = QFont()
                font.setBold(True)
                return font
        return super().data(index, role)


class ComplaintsScreen(QWidget):
    """Filters on top, the list on the left, the picked complaint's history on the right."""

    open_ticket_requested = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaintsScreen")
        self.desk = desk
        self.escalated: list[ComplaintRow] = []
        self._select_after_load: int | None = None
        self.banner = Banner(self)
        self.escalation_banner = Banner(self)
        self.show_escalated_button = QPushButton(self.tr("Show them"), objectName="showEscalated")
        self.show_escalated_button.clicked.connect(self._show_escalated)
        self.escalation_banner.buttons.addWidget(self.show_escalated_button)

        title = QLabel(self.tr("Complaints"))
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.show_filter = QComboBox(objectName="complaintShow")
        for key, text in (
            ("active", self.tr("Open (not resolved)")),
            ("overdue", self.tr("Overdue")),
            ("escalated", self.tr("Escalated to the manager")),
            ("resolved", self.tr("Resolved, not closed")),
            ("closed", self.tr("Closed")),
            ("all", self.tr("All")),
        ):
            self.show_filter.addItem(text, key)
        self.mine = QCheckBox(self.tr("&Mine"), objectName="complaintMine")
        self.category = QComboBox(objectName="complaintCategoryFilter")
        self.category.addItem(self.tr("All categories"), None)
        for cat, text in complaint_labels.categories().items():
            self.category.addItem(text, cat)
        self.technician = QComboBox(objectName="complaintTechnicianFilter")
        self.technician.addItem(self.tr("All technicians"), None)
        self.new_button = QPushButton(self.tr("&New complaint…"), objectName="newComplaint")
        self.new_button.clicked.connect(self.new_complaint)
        self.count = QLabel(objectName="complaintCount")
        self.count.setStyleSheet("color: #555;")
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Show")))
        bar.addWidget(self.show_filter)
        bar.addWidget(self.mine)
        bar.addWidget(self.category)
        bar.addWidget(self.technician)
        bar.addStretch(1)
        bar.addWidget(self.count)
        bar.addWidget(self.new_button)

        tz = desk.tz
        self.model = ComplaintRowsModel(
            [
                Column(self.tr("Number"), lambda r: r.number),
                Column(self.tr("Status"), self._status_text),
                Column(
                    self.tr("Clock"),
                    self._clock_text,
                    color=lambda r: _clock_color(r.clocks.current),
                    sort_key=lambda r: r.clocks.current.remaining_seconds,
                ),
                Column(
                    self.tr("Severity"),
                    lambda r: complaint_labels.severities()[r.severity],
                    color=lambda r: complaint_labels.SEVERITY_COLORS[r.severity],
                ),
                Column(self.tr("Customer"), lambda r: r.customer_name),
                Column(self.tr("Category"), lambda r: complaint_labels.categories()[r.category]),
                Column(
                    self.tr("Received"),
                    lambda r: labels.fmt_datetime(r.received_at, tz),
                    sort_key=lambda r: r.received_at,
                ),
                Column(self.tr("Technician"), lambda r: r.technician or ""),
                Column(self.tr("Ticket"), lambda r: r.ticket_number or ""),
                Column(self.tr("Handler"), lambda r: r.assigned_to or ""),
            ],
            self,
        )
        self.table = row_table(self.model, "complaintList")
        self._sized = False

        self.history = ComplaintHistory(desk, self)
        self.history.open_ticket_requested.connect(self.open_ticket_requested)
        self.history.changed.connect(lambda _v: self.refresh())
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="complaintsSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.history)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([780, 580])

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.escalation_banner)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)

        if not desk.can(Perm.HANDLE_COMPLAINTS):
            self.setEnabled(False)
            self.banner.show_message(self.tr("Your role does not handle complaints."), "info")
            return
        for combo in (self.show_filter, self.category, self.technician):
            combo.currentIndexChanged.connect(self.refresh)
        self.mine.toggled.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._picked)
        desk.changes.changed.connect(self._on_changes)
        self.on_view = ReloadOnView(self, self.refresh, loaded=True)  # escalate() loads
        self._timer = QTimer(self, interval=ESCALATE_EVERY_MS)
        self._timer.timeout.connect(self.escalate)
        self._timer.start()
        self._load_technicians()
        self.escalate()

    # ---------------------------------------------------------------- loading

    def current_filter(self) -> ComplaintFilter:
        show = self.show_filter.currentData()
        status = {"resolved": ComplaintStatus.RESOLVED, "closed": ComplaintStatus.CLOSED}
        return ComplaintFilter(
            active_only=show == "active",
            overdue_only=show == "overdue",
            escalated_only=show == "escalated",
            status=status.get(show),
            mine=self.mine.isChecked(),
            category=self.category.currentData(),
            technician_id=self.technician.currentData(),
        )

    def refresh(self) -> None:
        """Load the list again with the current filters."""
        desk, flt = self.desk, self.current_filter()
        desk.ops.run(
            lambda: complaint_views.list_complaints(desk.db, desk.actor, flt),
            on_success=self._loaded,
            on_failure=self._failed,
            key=f"complaint-list-{id(self)}",
            owner=self,
        )

    def _loaded(self, rows: list[ComplaintRow]) -> None:
        keep = self._select_after_load or self.history.complaint_id
        self._select_after_load = None
        self.model.set_rows(rows)
        if rows and not self._sized:
            self._sized = True
            self.table.resizeColumnsToContents()
        overdue = sum(1 for r in rows if r.clocks.overdue and r.status in ACTIVE_STATES)
        text = self.tr("%1 complaint(s)").replace("%1", str(len(rows)))
        if overdue:
            text += " · " + self.tr("%1 overdue").replace("%1", str(overdue))
        self.count.setText(text)
        if keep is not None:
            for i, r in enumerate(rows):
                if r.id == keep:
                    self.table.selectRow(i)
                    break

    def escalate(self) -> None:
        """Mark newly overdue complaints for the manager, then reload the list."""
        desk = self.desk
        desk.ops.run(
            lambda: complaints.escalate_overdue(desk.db, desk.actor),
            on_success=self._escalated,
            on_failure=self._failed,
            key=f"complaint-escalate-{id(self)}",
            owner=self,
        )

    def _escalated(self, rows: list[ComplaintRow]) -> None:
        self.escalated = rows
        self.history.reload()  # its clocks move on with the minute, as the list's do
        if rows and self.desk.can(Perm.CLOSE_COMPLAINTS):
            self.escalation_banner.show_message(
                self.tr("%1 overdue complaint(s) escalated to you, the oldest since %2.")
                .replace("%1", str(len(rows)))
                .replace("%2", labels.fmt_datetime(rows[0].escalated_at, self.desk.tz)),
                "error",
            )
        else:
            self.escalation_banner.hide()
        self.refresh()

    def _show_escalated(self) -> None:
        select_data(self.show_filter, "escalated")

    def _load_technicians(self) -> None:
        desk = self.desk
        desk.ops.run(
            lambda: dispatch.list_technicians(desk.db, desk.actor, active_only=False),
            on_success=self._technicians,
            on_failure=self._failed,
            owner=self,
        )

    def _technicians(self, techs: list[TechnicianView]) -> None:
        current = self.technician.currentData()
        self.technician.blockSignals(True)
        while self.technician.count() > 1:
            self.technician.removeItem(1)
        for t in techs:
            self.technician.addItem(t.name, t.id)
        select_data(self.technician, current)
        self.technician.blockSignals(False)

    def _on_changes(self, changes: Changes) -> None:
        # Local too: a complaint opened on another screen of this desk (a follow-up call).
        if changes.touches("complaint"):
            self.on_view.request()
        if changes.touches("technician"):
            self._load_technicians()

    def _failed(self, error: BaseException) -> None:
        self.banner.show_message(message_for(error, self.desk.tz), "error")

    # ---------------------------------------------------------------- picking and intake

    def _clock_text(self, r: ComplaintRow) -> str:
        """The clock to watch: the first answer until given, then the solution."""
        clocks = r.clocks
        which = self.tr("answer") if clocks.current is clocks.answer else self.tr("solution")
        return self.tr("%1: %2").replace("%1", which).replace("%2", _clock_text(clocks.current))

    def _status_text(self, r: ComplaintRow) -> str:
        text = labels.complaint_statuses()[r.status.value]
        if r.escalated_at is not None and r.status in ACTIVE_STATES:
            text = "⚑ " + text
        return text

    def _picked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            cid = self.model.row_at(rows[0].row()).id
            if cid != self.history.complaint_id:
                self.history.show_complaint(cid)

    def show_complaint(self, complaint_id: int) -> None:
        """Show one complaint (e.g. just opened from a follow-up call), whatever the filter."""
        self.history.show_complaint(complaint_id)
        self._select_after_load = complaint_id
        self.refresh()

    def new_complaint(
        self, customer_id: int | None = None, ticket_id: int | None = None
    ) -> ComplaintIntakeDialog:
        dialog = ComplaintIntakeDialog(
            self.desk, self, customer_id=customer_id, ticket_id=ticket_id
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.complaint_saved.connect(self._created)
        dialog.open()
        return dialog

    def _created(self, view: ComplaintView) -> None:
        self.show_complaint(view.id)

    # ---------------------------------------------------------------- state

    def save_state(self, settings: QSettings) -> None:
        save_splitter(settings, "complaints", self.splitter)
        save_header(settings, "complaints/list", self.table.horizontalHeader())

    def restore_state(self, settings: QSettings) -> None:
        restore_splitter(settings, "complaints", self.splitter)
        self._sized = restore_header(settings, "complaints/list", self.table.horizontalHeader())
