"""One ticket at a glance: what the desk needs when a ticket is scanned or looked up,
with its history and its parts (what they cost) on tabs."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain import ticket_states
from desk_app.domain.clock import ClockState
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import EventView, TicketView
from desk_app.ui.common import labels
from desk_app.ui.common.changes import Changes
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.table_models import Column, RowsModel
from desk_app.ui.paperwork.hook import WorkOrderPrinter
from desk_app.ui.stock.ticket_parts import TicketParts
from desk_app.ui.tickets.edit import TicketEditDialog, edit_summary


class TicketDialog(QDialog):
    """A ticket's facts, clocks, history and parts; refreshes when anyone changes the ticket."""

    loaded = Signal(object)

    def __init__(
        self,
        desk: Desk,
        *,
        ticket_id: int | None = None,
        number: str | None = None,
        printer: WorkOrderPrinter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ticketDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.desk = desk
        self.ticket: TicketView | None = None
        self._ticket_id = ticket_id
        self._number = number
        self._printer = printer
        self.setWindowTitle(self.tr("Ticket"))
        self.resize(860, 720)

        self.number_label = QLabel(objectName="ticketNumber")
        self.number_label.setStyleSheet("font-size: 22px; font-weight: bold;")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel(objectName="ticketStatus")
        self.status_label.setStyleSheet("font-size: 15px;")
        head = QHBoxLayout()
        head.addWidget(self.number_label)
        head.addStretch(1)
        head.addWidget(self.status_label)

        self.facts = QFormLayout()
        self._fact_labels: dict[str, QLabel] = {}
        for key, caption in (
            ("customer", self.tr("Customer")),
            ("phone", self.tr("Phone")),
            ("address", self.tr("Address")),
            ("kind", self.tr("Kind")),
            ("appliance", self.tr("Appliance")),
            ("warranty", self.tr("Warranty")),
            ("fault", self.tr("Fault as described")),
            ("notes", self.tr("Notes")),
            ("received", self.tr("Received")),
            ("respond", self.tr("Respond by")),
            ("visit", self.tr("Visit by")),
            ("repair", self.tr("Repair by")),
            ("technician", self.tr("Technician")),
            ("preferred", self.tr("Customer asked for")),
            ("appointment", self.tr("Appointment")),
        ):
            label = QLabel(wordWrap=True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._fact_labels[key] = label
            self.facts.addRow(caption, label)

        tz = desk.tz
        status_names = labels.statuses()
        self.events = RowsModel[EventView](
            [
                Column(self.tr("When"), lambda e: labels.fmt_datetime(e.at, tz)),
                Column(self.tr("Who"), lambda e: e.user),
                Column(self.tr("Status"), lambda e: self._event_status(e, status_names)),
                Column(
                    self.tr("Reason"),
                    lambda e: edit_summary(e, tz) if e.action == "edit" else e.reason or "",
                ),
            ],
            self,
        )
        events_view = QTableView(objectName="ticketEvents")
        events_view.setModel(self.events)
        events_view.verticalHeader().hide()
        events_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        self.error_label = QLabel(wordWrap=True, styleSheet="color: #b3261e;")
        self.error_label.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        self.print_button = QPushButton(self.tr("&Print work order"), objectName="printButton")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self._print)
        self.print_button.setEnabled(False)
        self.feedback_button = QPushButton(
            self.tr("Print &feedback form"), objectName="printFeedbackForm"
        )
        self.feedback_button.setToolTip(
            self.tr("The customer's service feedback form (服务反馈单), to rate and sign")
        )
        buttons.addButton(self.feedback_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.feedback_button.clicked.connect(self._print_feedback)
        self.feedback_button.setEnabled(False)
        self.edit_button = QPushButton(self.tr("&Edit…"), objectName="editTicket")
        self.edit_button.setToolTip(self.tr("Correct the fault, contact, address, time or urgency"))
        buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.edit_button.clicked.connect(self.edit)
        self.edit_button.setEnabled(False)
        self.edit_dialog: TicketEditDialog | None = None
        if printer is None or not printer.available:
            self.print_button.setToolTip(self.tr("Printing is not available in this version yet."))

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.error_label)
        layout.addLayout(self.facts)
        self.parts = TicketParts(desk, self)
        self.tabs = QTabWidget(objectName="ticketTabs")
        self.tabs.addTab(events_view, self.tr("History"))
        self.tabs.addTab(self.parts, self.tr("Parts"))
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

        desk.changes.changed.connect(self._on_changes)
        self.reload()

    def reload(self) -> None:
        desk, tid, number = self.desk, self._ticket_id, self._number

        def fetch() -> TicketView:
            if tid is not None:
                return tickets.get_ticket(desk.db, desk.actor, tid)
            return tickets.find_by_number(desk.db, desk.actor, number or "")

        self.desk.ops.run(
            fetch,
            on_success=self._show,
            on_failure=self._failed,
            key=f"ticket-{id(self)}",
            owner=self,
        )

    def _show(self, t: TicketView) -> None:
        self.ticket = t
        self._ticket_id = t.id
        tz = self.desk.tz
        self.error_label.hide()
        self.setWindowTitle(self.tr("Ticket %1").replace("%1", t.number))
        self.number_label.setText(t.number)
        self.status_label.setText(
            f"{labels.statuses()[t.status]} · {labels.urgencies()[t.urgency]}"
        )
        charge = self.tr("chargeable") if t.chargeable else self.tr("free of charge")
        values = {
            "customer": t.customer_name,
            "phone": t.contact_phone or "",
            "address": " ".join(x for x in (t.area, t.address) if x),
            "kind": labels.ticket_kinds()[t.kind],
            "appliance": " ".join(x for x in (t.appliance, t.serial) if x),
            "warranty": f"{labels.warranty(t.warranty)} · {charge}",
            "fault": t.fault_description,
            "notes": t.notes or "",
            "received": labels.fmt_datetime(t.received_at, tz),
            "respond": self._clock(t.respond_due, t.clocks.respond),
            "visit": self._clock(t.visit_due, t.clocks.visit),
            "repair": self._clock(t.repair_due, t.clocks.repair),
            "technician": t.technician or "",
            "preferred": " – ".join(
                labels.fmt_datetime(x, tz) for x in (t.preferred_start, t.preferred_end) if x
            ),
            "appointment": " – ".join(
                labels.fmt_datetime(x, tz) for x in (t.appointment_start, t.appointment_end) if x
            ),
        }
        for key, text in values.items():
            self._fact_labels[key].setText(text)
        self.events.set_rows(t.events)
        if self.parts.ticket_id != t.id:  # later changes reload it by themselves
            self.parts.show_ticket(t.id)
        self.print_button.setEnabled(self._printer is not None and self._printer.available)
        self.feedback_button.setEnabled(self.print_button.isEnabled())
        self.edit_button.setEnabled(bool(ticket_states.editable_fields(t.status)))
        self.loaded.emit(t)

    def _event_status(self, e: EventView, names: dict[object, str]) -> str:
        if e.action == "edit":
            return self.tr("Edited")
        return names.get(e.to_status, "") if e.to_status else e.action

    def edit(self) -> TicketEditDialog | None:
        """Open the correction form for the ticket shown (one at a time)."""
        if self.ticket is None:
            return None
        if self.edit_dialog is not None:
            self.edit_dialog.raise_()
            return self.edit_dialog
        dialog = TicketEditDialog(self.desk, self.ticket, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._show)
        dialog.destroyed.connect(self._edit_closed)
        self.edit_dialog = dialog
        dialog.open()
        return dialog

    def _edit_closed(self) -> None:
        self.edit_dialog = None

    def _clock(self, due: datetime | None, state: ClockState) -> str:
        return f"{labels.fmt_datetime(due, self.desk.tz)}  ({labels.clock_text(state)})"

    def _failed(self, error: BaseException) -> None:
        self.error_label.setText(message_for(error, self.desk.tz))
        self.error_label.show()

    def _on_changes(self, changes: Changes) -> None:
        if self._ticket_id is not None and changes.touches("ticket", self._ticket_id):
            self.reload()

    def _print(self) -> None:
        if self.ticket is not None and self._printer is not None:
            self._printer.preview(self, self.ticket.id)

    def _print_feedback(self) -> None:
        if self.ticket is not None and self._printer is not None:
            self._printer.feedback_form(self, self.ticket.number)
