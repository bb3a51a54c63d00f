"""Complaint intake (投诉登记): how it came in, what it is about, how serious, the customer's
own words, and the customer, ticket and technician it concerns; and handing a complaint
to another handler (``ReassignDialog``).

Two ways in: a new complaint from the complaint list (the clerk picks the customer), or
a complaint from a dissatisfied follow-up call (customer, ticket and technician fixed by
the call, category, severity and words prefilled from the answers). A failed save keeps
everything typed; one request id per dialog makes a double-clicked save one complaint.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import Channel, ComplaintCategory, Severity
from desk_app.domain.errors import ConflictError, ValidationError
from desk_app.services.admin import settings
from desk_app.services.care import complaint_views, complaints, followups
from desk_app.services.care.complaint_views import ComplaintView
from desk_app.services.care.complaints import ComplaintDraft, HandlerView
from desk_app.services.customers import customers
from desk_app.services.customers.customers import CustomerView
from desk_app.services.dispatch import dispatch
from desk_app.services.dispatch.dispatch import TechnicianView
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import TicketRow
from desk_app.ui.care.complaints import labels as complaint_labels
from desk_app.ui.common import labels
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import code_text, message_for
from desk_app.ui.common.widgets import Banner, FieldErrors, field_row
from desk_app.ui.tickets.parts import CustomerPicker


def _fill(combo: QComboBox, items: dict[object, str]) -> None:
    for value, text in items.items():
        combo.addItem(text, value)


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


class ComplaintIntakeDialog(QDialog):
    """Record a complaint; emits ``complaint_saved(ComplaintView)``."""

    complaint_saved = Signal(object)

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
        *,
        customer_id: int | None = None,
        ticket_id: int | None = None,
        call_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("complaintIntake")
        self.setWindowTitle(
            self.tr("Complaint from a follow-up call") if call_id else self.tr("New complaint")
        )
        self.desk = desk
        self.call_id = call_id
        self.request_id = uuid.uuid4().hex
        self.customer: CustomerView | None = None
        self.saved: ComplaintView | None = None
        self._ticket_wanted = ticket_id
        self._technician_wanted: int | None = None
        self._saving = False
        self.errors = FieldErrors()
        self.banner = Banner(self)

        self.customer_label = QLabel(objectName="complaintCustomer", wordWrap=True)
        self.customer_label.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.change_button = QPushButton(self.tr("C&hange"), objectName="changeComplaintCustomer")
        self.change_button.clicked.connect(lambda: self._show_customer(None))
        self.picker = CustomerPicker(desk, self)
        self.picker.picked.connect(self.set_customer)
        chosen = QWidget()
        cl = QHBoxLayout(chosen)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.customer_label, 1)
        cl.addWidget(self.change_button)
        customer_box = QWidget()
        cb = QVBoxLayout(customer_box)
        cb.setContentsMargins(0, 0, 0, 0)
        cb.addWidget(chosen)
        cb.addWidget(self.picker)

        self.ticket = QComboBox(objectName="complaintTicket")
        self.technician = QComboBox(objectName="complaintTechnician")
        self.channel = QComboBox(objectName="complaintChannel")
        _fill(self.channel, dict(labels.channels()))
        self.category = QComboBox(objectName="complaintCategory")
        _fill(self.category, dict(complaint_labels.categories()))
        self.severity = QComboBox(objectName="complaintSeverity")
        _fill(self.severity, dict(complaint_labels.severities()))
        select_data(self.severity, Severity.MEDIUM)
        self.deadlines = QLabel(objectName="complaintDeadlines")
        self.deadlines.setStyleSheet("color: #555;")
        self.description = QPlainTextEdit(objectName="complaintWords")
        self.description.setPlaceholderText(self.tr("What the customer says, in their words"))
        self.description.setMinimumHeight(90)
        self.description.setTabChangesFocus(True)

        form = QFormLayout()
        field_row(form, self.tr("Customer"), customer_box, self.errors, "customer")
        field_row(form, self.tr("&Ticket"), self.ticket, self.errors, "ticket")
        field_row(form, self.tr("T&echnician"), self.technician, self.errors, "technician")
        field_row(form, self.tr("Cha&nnel"), self.channel, self.errors, "channel")
        field_row(form, self.tr("C&ategory"), self.category, self.errors, "category")
        field_row(form, self.tr("&Severity"), self.severity, self.errors, "severity")
        form.addRow("", self.deadlines)
        field_row(form, self.tr("Customer's &words"), self.description, self.errors, "description")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton(self.tr("&Record complaint"), objectName="saveComplaint")
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.save_button.setDefault(True)  # once inside the dialog, so focus cannot steal it
        self.resize(620, 500)

        self._standards: dict[Severity, tuple[float, float]] = {}
        self.severity.currentIndexChanged.connect(self._show_deadlines)
        self._run(lambda: settings.complaint_standards(desk.db), self._standards_loaded)
        self._run(lambda: dispatch.list_technicians(desk.db, desk.actor), self._technicians_loaded)
        self._show_customer(None)
        if call_id is not None:
            self._from_call(call_id)
        elif customer_id is not None:
            self.set_customer(customer_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in the customer search picks the customer; it does not save the complaint.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.picker.search.hasFocus():
            event.accept()
            return
        super().keyPressEvent(event)

    def _run(self, fn: Callable[[], object], done: Callable[[object], None]) -> None:
        self.desk.ops.run(fn, on_success=done, on_failure=self._failed, owner=self)

    # ---------------------------------------------------------------- what it concerns

    def set_customer(self, customer_id: int) -> None:
        desk = self.desk

        def load() -> tuple[CustomerView, list[TicketRow]]:
            return (
                customers.get_customer(desk.db, desk.actor, customer_id),
                tickets.customer_tickets(desk.db, desk.actor, customer_id),
            )

        self._run(load, self._customer_loaded)

    def _customer_loaded(self, loaded: object) -> None:
        view, rows = loaded  # type: ignore[misc]
        self._show_customer(view)
        self.ticket.clear()
        self.ticket.addItem(self.tr("(no ticket)"), None)
        for r in rows:
            text = (
                f"{r.number} · {labels.ticket_kinds()[r.kind]} · {labels.statuses()[r.status]}"
                f" · {labels.fmt_date(r.received_at.astimezone(self.desk.tz).date())}"
            )
            self.ticket.addItem(text, r.id)
        if self._ticket_wanted is not None:
            select_data(self.ticket, self._ticket_wanted)
        elif rows:
            self.ticket.setCurrentIndex(1)  # usually about the latest service
        self.description.setFocus()

    def _show_customer(self, view: CustomerView | None) -> None:
        self.customer = view
        fixed = self.call_id is not None
        self.picker.setVisible(view is None and not fixed)
        self.change_button.setVisible(view is not None and not fixed)
        if view is None:
            self.customer_label.setText(
                self.tr("Find the customer:") if not fixed else self.tr("Loading…")
            )
            self.ticket.clear()
            self.ticket.addItem(self.tr("(pick the customer first)"), None)
            self.picker.search.setFocus()
        else:
            phone = view.phones[0].display if view.phones else ""
            self.customer_label.setText(f"{view.name}   {phone}")

    def _technicians_loaded(self, techs: object) -> None:
        current = self._technician_wanted or self.technician.currentData()
        self.technician.clear()
        self.technician.addItem(self.tr("(the ticket's technician, if any)"), None)
        for t in techs:  # type: ignore[attr-defined]
            assert isinstance(t, TechnicianView)
            self.technician.addItem(t.name, t.id)
        select_data(self.technician, current)

    def _standards_loaded(self, standards: object) -> None:
        self._standards = standards  # type: ignore[assignment]
        self._show_deadlines()

    def _show_deadlines(self) -> None:
        hours = self._standards.get(Severity(self.severity.currentData()))
        if hours is None:
            self.deadlines.clear()
            return
        self.deadlines.setText(
            self.tr("First answer within %1 h, solution within %2 h.")
            .replace("%1", f"{hours[0]:g}")
            .replace("%2", f"{hours[1]:g}")
        )

    # ---------------------------------------------------------------- from a call

    def _from_call(self, call_id: int) -> None:
        desk = self.desk
        select_data(self.channel, Channel.PHONE)
        self.channel.setEnabled(False)
        self.ticket.setEnabled(False)
        self.technician.setEnabled(False)
        self._run(
            lambda: followups.complaint_draft_for_call(desk.db, desk.actor, call_id),
            self._draft_loaded,
        )

    def _draft_loaded(self, draft: object) -> None:
        assert isinstance(draft, ComplaintDraft)
        self._ticket_wanted = draft.ticket_id
        select_data(self.category, draft.category)
        select_data(self.severity, draft.severity)
        if not self.description.toPlainText().strip():
            self.description.setPlainText(draft.description)
        self.set_customer(draft.customer_id)
        if draft.technician_id is not None:
            self._technician_wanted = draft.technician_id
            select_data(self.technician, draft.technician_id)
        self.save_button.setFocus()

    # ---------------------------------------------------------------- saving

    def draft(self) -> ComplaintDraft | None:
        if self.customer is None:
            return None
        return ComplaintDraft(
            customer_id=self.customer.id,
            channel=Channel(self.channel.currentData()),
            category=ComplaintCategory(self.category.currentData()),
            severity=Severity(self.severity.currentData()),
            description=self.description.toPlainText(),
            ticket_id=self.ticket.currentData(),
            technician_id=self.technician.currentData(),
        )

    def save(self) -> None:
        if self._saving:
            return
        self.errors.clear()
        draft = self.draft()
        if draft is None:
            self.errors.mark("customer", self.tr("Pick the customer who complains."))
            return
        if not draft.description.strip():
            self.errors.mark("description", code_text("field.required"))
            return
        desk, call_id, key = self.desk, self.call_id, self.request_id

        def work() -> ComplaintView:
            if call_id is not None:
                return followups.complaint_from_followup(
                    desk.db,
                    desk.actor,
                    call_id,
                    category=draft.category,
                    severity=draft.severity,
                    description=draft.description,
                )
            return complaints.open_complaint(desk.db, desk.actor, draft, request_id=key)

        self._saving = True
        self.save_button.setEnabled(False)
        desk.ops.run(work, on_success=self._saved, on_failure=self._failed, owner=self)

    def _saved(self, view: ComplaintView) -> None:
        self._saving = False
        self.saved = view
        self.complaint_saved.emit(view)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError) and self.errors.mark_error(error):
            return
        self.banner.show_message(message_for(error, self.desk.tz), "error")


class ReassignDialog(QDialog):
    """Hand a complaint to another handler, with a note for them (optional).

    Saved with the version the history showed: if a colleague moved the complaint on
    meanwhile, the banner says who and when and the choice and note stay as typed
    (the history reloads; saving again hands it over as it is now). Emits
    ``reassigned(ComplaintView)``."""

    reassigned = Signal(object)

    def __init__(self, desk: Desk, view: ComplaintView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaintReassign")
        self.setWindowTitle(
            self.tr("Hand complaint %1 to another handler").replace("%1", view.number)
        )
        self.desk = desk
        self.view = view
        self.saved: ComplaintView | None = None
        self._saving = False
        self.errors = FieldErrors()
        self.banner = Banner(self)
        self.current = QLabel(view.assigned_to or self.tr("(nobody)"), objectName="reassignCurrent")
        self.current.setStyleSheet("font-weight: bold;")
        self.handler = QComboBox(objectName="reassignHandler")
        self.handler.addItem(self.tr("(choose)"), None)
        self.note = QPlainTextEdit(objectName="reassignNote")
        self.note.setPlaceholderText(
            self.tr("Why, and what the new handler should know (optional)")
        )
        self.note.setFixedHeight(80)
        self.note.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(self.tr("Handled by"), self.current)
        field_row(form, self.tr("&Hand to"), self.handler, self.errors, "assigned_to")
        field_row(form, self.tr("&Note"), self.note, self.errors, "note")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton(self.tr("Hand &over"), objectName="saveReassign")
        self.save_button.setEnabled(False)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.save_button.setDefault(True)
        self.resize(480, 260)
        desk.ops.run(
            lambda: complaints.handlers(desk.db, desk.actor),
            on_success=self._handlers,
            on_failure=lambda e: self.banner.show_message(message_for(e, desk.tz), "error"),
            owner=self,
        )

    def _handlers(self, found: list[HandlerView]) -> None:
        for h in found:
            if h.id != self.view.assigned_to_id:
                self.handler.addItem(h.name, h.id)
        self.save_button.setEnabled(True)
        self.handler.setFocus()

    def save(self) -> None:
        if self._saving:
            return
        self.errors.clear()
        self.banner.hide()
        user_id = self.handler.currentData()
        if user_id is None:
            self.errors.mark("assigned_to", self.tr("Choose who takes the complaint over."))
            return
        desk, cid, version, note = (
            self.desk,
            self.view.id,
            self.view.version,
            self.note.toPlainText(),
        )
        self._saving = True
        self.save_button.setEnabled(False)
        desk.ops.run(
            lambda: complaints.assign(
                desk.db, desk.actor, cid, user_id, note=note, expected_version=version
            ),
            on_success=self._saved,
            on_failure=self._failed,
            owner=self,
        )

    def _saved(self, view: ComplaintView) -> None:
        self._saving = False
        self.saved = view
        self.reassigned.emit(view)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError) and self.errors.mark_error(error):
            return
        self.banner.show_message(message_for(error, self.desk.tz), "error")
        if isinstance(error, ConflictError):
            # Saving again hands over the complaint as it is now.
            desk, cid = self.desk, self.view.id
            desk.ops.run(
                lambda: complaint_views.get_complaint(desk.db, desk.actor, cid),
                on_success=self._refreshed,
                on_failure=lambda _e: None,
                owner=self,
            )

    def _refreshed(self, view: ComplaintView) -> None:
        self.view = view
        self.current.setText(view.assigned_to or self.tr("(nobody)"))
