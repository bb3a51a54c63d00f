"""Ticket intake (工单创建): customer, kind, appliance, fault, urgency, window, notes → a ticket.

Nothing typed is ever lost: a save that fails (bad input, lost connection) leaves
the form as it was with the problem marked. Each form carries one request id for
the ticket (and one for an inline new customer), so a double-clicked or retried
save creates one ticket, never two.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import TicketStatus
from desk_app.domain.errors import ValidationError
from desk_app.services.customers import customers, lookup
from desk_app.services.customers.customers import (
    ApplianceView,
    CustomerDraft,
    CustomerRow,
    CustomerView,
)
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import TicketView
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import code_text, message_for
from desk_app.ui.common.persist import restore_splitter, save_splitter
from desk_app.ui.common.widgets import Banner, CustomerFields
from desk_app.ui.customers.dialogs import ApplianceDialog
from desk_app.ui.paperwork.hook import WorkOrderPrinter
from desk_app.ui.tickets import counter_print
from desk_app.ui.tickets.parts import CustomerPicker, KnowledgePanel, TicketResult
from desk_app.ui.tickets.request import RequestForm


@dataclass(frozen=True)
class _Saved:
    ticket: TicketView
    customer_id: int
    new_customer: bool


class TicketIntake(QWidget):
    """The new-ticket form and, after saving, the result page."""

    ticket_saved = Signal(object)  # TicketView
    open_ticket_requested = Signal(int)
    show_customer_requested = Signal(int)

    def __init__(
        self, desk: Desk, printer: WorkOrderPrinter | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ticketIntake")
        self.desk = desk
        self.printer = printer
        self.customer: CustomerView | None = None
        self.saved: TicketView | None = None
        self.request_id = uuid.uuid4().hex
        self.customer_request_id = uuid.uuid4().hex
        self._saving = False
        self._duplicates_confirmed = False
        self._no_appliance_confirmed = False
        self.no_appliance_box: QMessageBox | None = None
        self.no_appliance_button: QAbstractButton | None = None
        self._dirty = False
        self.counter: counter_print.CounterNotes | None = None
        self.counter_appliance: ApplianceView | None = None

        self.banner = Banner(self)
        # Customer: picked, or typed in as a new one.
        self.customer_label = QLabel(objectName="intakeCustomer", wordWrap=True)
        self.customer_label.setStyleSheet("font-size: 14px; font-weight: bold;")
        self.change_customer_button = QPushButton(self.tr("C&hange"), objectName="changeCustomer")
        self.change_customer_button.clicked.connect(self.clear_customer)
        self.picker = CustomerPicker(desk, self)
        self.picker.picked.connect(self.set_customer)
        self.new_customer_fields = CustomerFields(self)
        self.new_customer_caption = QLabel(self.tr("…or enter a new customer:"))
        chosen = QHBoxLayout()
        chosen.addWidget(self.customer_label, 1)
        chosen.addWidget(self.change_customer_button)
        customer_box = QGroupBox(self.tr("Customer"))
        cust_layout = QVBoxLayout(customer_box)
        cust_layout.addLayout(chosen)
        cust_layout.addWidget(self.picker)
        cust_layout.addWidget(self.new_customer_caption)
        cust_layout.addWidget(self.new_customer_fields)

        self.request = RequestForm(desk.tz, self, now=desk.now)
        # Short names for what tests and the main window reach into.
        self.errors = self.request.errors
        self.kind, self.urgency = self.request.kind, self.request.urgency
        self.appliance, self.fault = self.request.appliance, self.request.fault
        self.notes, self.warranty_label = self.request.notes, self.request.warranty_label
        self.misuse = self.request.misuse

        self.save_button = QPushButton(self.tr("&Open ticket"), objectName="saveTicket")
        self.save_button.setToolTip(self.tr("Save the ticket (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.save_button.setStyleSheet("font-weight: bold; padding: 6px 18px;")
        self.clear_button = QPushButton(self.tr("Start o&ver"), objectName="clearTicket")
        self.clear_button.clicked.connect(self.start_over)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save_button)

        form_page = QWidget()
        fl = QVBoxLayout(form_page)
        fl.addWidget(self.banner)
        fl.addWidget(customer_box)
        fl.addWidget(self.request)
        fl.addLayout(buttons)
        fl.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_page)
        self.knowledge = KnowledgePanel(desk, self)
        self.knowledge.answer_requested.connect(self.answer_and_close)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="intakeSplitter")
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.knowledge)
        self.splitter.setSizes([760, 380])

        self.result = TicketResult(desk, self)
        self.result.new_button.clicked.connect(lambda: self.start_over(keep_customer=False))
        self.result.same_customer_button.clicked.connect(
            lambda: self.start_over(keep_customer=True)
        )
        self.result.open_button.clicked.connect(self._open_saved)
        self.result.print_button.clicked.connect(self._print)
        self.result.receipt_button.clicked.connect(lambda: self._print_counter("receipt"))
        self.result.tag_button.clicked.connect(lambda: self._print_counter("tag"))
        if printer is None or not printer.available:
            self.result.print_button.setEnabled(False)
            self.result.print_button.setToolTip(
                self.tr("Printing is not available in this version yet.")
            )
        self.pages = QStackedWidget()
        self.pages.addWidget(self.splitter)
        self.pages.addWidget(self.result)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.request.consultation_changed.connect(self._kind_changed)
        self.request.fault_changed.connect(self.knowledge.fault_changed)
        self.request.edited.connect(self._edited)
        self.request.add_appliance_requested.connect(self._add_appliance)
        # Another appliance or kind chosen: the "no appliance" answer no longer holds.
        self.request.appliance.currentIndexChanged.connect(self._appliance_choice_changed)
        self.request.kind.currentIndexChanged.connect(self._appliance_choice_changed)
        self.new_customer_fields.edited.connect(self._edited)
        self.start_over()
        self._load_charge_standard()

    # ---------------------------------------------------------------- state

    @property
    def dirty(self) -> bool:
        """Unsaved typing in the form (a saved result page is not dirty)."""
        return self._dirty and self.pages.currentIndex() == 0

    def _edited(self) -> None:
        self._dirty = True

    def start_over(self, *, keep_customer: bool = False) -> None:
        """A fresh form with fresh request ids; optionally for the same customer."""
        customer = self.customer if keep_customer else None
        self.request_id = uuid.uuid4().hex
        self.customer_request_id = uuid.uuid4().hex
        self.saved = None
        self._duplicates_confirmed = False
        self._no_appliance_confirmed = False
        self.new_customer_fields.set_draft(CustomerDraft(""))
        self.request.reset()
        self.knowledge.reset()
        self.banner.hide()
        self.pages.setCurrentIndex(0)
        self._show_customer(customer)
        self._dirty = False

    def _load_charge_standard(self) -> None:
        db = self.desk.db
        self.desk.ops.run(
            lambda: lookup.charge_standard(db),
            on_success=self.request.set_charge_standard,
            on_failure=lambda e: None,
            owner=self,
        )

    # ---------------------------------------------------------------- customer

    def set_customer(self, customer_id: int) -> None:
        """Intake for this customer (loads it, with its appliances, in the background)."""
        desk = self.desk
        desk.ops.run(
            lambda: customers.get_customer(desk.db, desk.actor, customer_id),
            on_success=self._show_customer,
            on_failure=self._failed,
            key=f"intake-customer-{id(self)}",
            owner=self,
        )

    def clear_customer(self) -> None:
        self._show_customer(None)
        self.picker.search.setFocus()

    def _show_customer(self, view: CustomerView | None) -> None:
        self.customer = view
        picked = view is not None
        self.customer_label.setVisible(picked)
        self.change_customer_button.setVisible(picked)
        self.picker.setVisible(not picked)
        self.new_customer_caption.setVisible(not picked)
        self.new_customer_fields.setVisible(not picked)
        self.request.add_appliance_button.setEnabled(picked)
        if view is not None:
            phones = " / ".join(p.display for p in view.phones)
            address = " ".join(x for x in (view.addresses[0].text,) if x) if view.addresses else ""
            self.customer_label.setText(f"{view.name}   {phones}\n{address}")
            self.picker.reset()
        self.request.fill_appliances(view.appliances if view else [])

    def _add_appliance(self) -> None:
        if self.customer is None:
            return
        dialog = ApplianceDialog(self.desk, self.customer.id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.appliance_added.connect(self._appliance_added)
        dialog.open()

    def _appliance_added(self, view: ApplianceView) -> None:
        self.request.fill_appliances([*self.request.appliances(), view], select=view.id)

    def selected_appliance(self) -> ApplianceView | None:
        return self.request.selected_appliance()

    def _appliance_choice_changed(self) -> None:
        self._no_appliance_confirmed = False
        self._edited()

    def _kind_changed(self, consultation: bool) -> None:
        self.knowledge.set_consultation(consultation)
        self.save_button.setText(
            self.tr("&Log consultation") if consultation else self.tr("&Open ticket")
        )

    # ---------------------------------------------------------------- saving

    def _check(self) -> bool:
        """What can be told before asking the database; marks every problem found."""
        self.new_customer_fields.errors.clear()
        ok = self.request.check()
        if self.customer is None:
            if not self.new_customer_fields.name.text().strip():
                self.new_customer_fields.errors.mark(
                    "name",
                    self.tr("Pick a customer above, or enter the new customer's name."),
                )
                ok = False
            ok = self.new_customer_fields.check_phones() and ok
        return ok

    def save(self) -> None:
        self._save(answer=None)

    def answer_and_close(self, answer: str) -> None:
        """Log the consultation and close it with ``answer`` in one step."""
        if not answer.strip():
            self.knowledge.answer_error.setText(code_text("field.required"))
            self.knowledge.answer_error.show()
            return
        self.knowledge.answer_error.hide()
        self._save(answer=answer)

    def _save(self, *, answer: str | None) -> None:
        if self._saving or self.pages.currentIndex() != 0:
            return  # a second click while the first save is under way
        if not self._check():
            return
        if self.request.needs_appliance() and not self._no_appliance_confirmed:
            self._ask_no_appliance(answer)
            return
        desk = self.desk
        customer_id = self.customer.id if self.customer else None
        new_customer = self.new_customer_fields.draft() if customer_id is None else None
        if new_customer is not None and not self._duplicates_confirmed:
            self._set_saving(True)
            desk.ops.run(
                lambda: customers.find_duplicates(desk.db, desk.actor, new_customer),
                on_success=lambda rows: self._after_duplicate_check(rows, answer),
                on_failure=self._failed,
                owner=self,
            )
            return
        draft_for = self.request.draft
        ticket_key, customer_key = self.request_id, self.customer_request_id

        def work() -> _Saved:
            cid = customer_id
            if cid is None:
                assert new_customer is not None
                cid = customers.create_customer(
                    desk.db, desk.actor, new_customer, request_id=customer_key
                ).id
            t = tickets.open_ticket(desk.db, desk.actor, draft_for(cid), request_id=ticket_key)
            if answer is not None and t.status is not TicketStatus.CLOSED:
                t = tickets.answer_consultation(desk.db, desk.actor, t.id, answer)
            return _Saved(t, cid, customer_id is None)

        self._set_saving(True)
        desk.ops.run(work, on_success=self._saved, on_failure=self._failed, owner=self)

    def _ask_no_appliance(self, answer: str | None) -> None:
        """A repair without an appliance is chargeable (warranty unknown): ask first."""
        if self.no_appliance_box is not None and self.no_appliance_box.isVisible():
            return
        box = QMessageBox(self)
        box.setObjectName("confirmNoAppliance")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("No appliance"))
        box.setText(self.tr("Open this repair without an appliance?"))
        box.setInformativeText(
            self.tr(
                "Without the appliance its warranty is unknown, so the repair counts as "
                "chargeable and the work order says so. Choose or add the appliance, or open "
                "the ticket without one."
            )
        )
        self.no_appliance_button = box.addButton(
            self.tr("Open &without appliance"), QMessageBox.ButtonRole.AcceptRole
        )
        choose = box.addButton(self.tr("&Choose the appliance"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(choose)
        box.buttonClicked.connect(lambda button: self._no_appliance_answered(button, answer))
        if self.no_appliance_box is not None:
            self.no_appliance_box.deleteLater()
        self.no_appliance_box = box
        box.open()

    def _no_appliance_answered(self, button: QAbstractButton, answer: str | None) -> None:
        if button is self.no_appliance_button:
            self._no_appliance_confirmed = True
            self._save(answer=answer)
        else:
            self.request.appliance.setFocus()

    def _after_duplicate_check(self, rows: list[CustomerRow], answer: str | None) -> None:
        self._set_saving(False)
        if not rows:
            self._duplicates_confirmed = True
            self._save(answer=answer)
            return
        names = "\n".join(f"• {r.name}  {r.phone or ''}  {r.address or ''}" for r in rows[:5])
        self.banner.show_message(
            self.tr(
                "This customer may already exist:\n%1\nPick them with the search above, or "
                "save again to create a new customer anyway."
            ).replace("%1", names),
            "warning",
        )
        self._duplicates_confirmed = True

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)
        self.knowledge.answer_button.setEnabled(not saving)

    def _saved(self, saved: _Saved) -> None:
        self._set_saving(False)
        self.saved = saved.ticket
        self._dirty = False
        self.result.show_ticket(saved.ticket)
        self.counter = self.request.counter_notes()
        self.counter_appliance = self.request.selected_appliance()
        printing = self.printer is not None and self.printer.available
        for button in (self.result.receipt_button, self.result.tag_button):
            button.setVisible(self.counter is not None)
            button.setEnabled(printing)
        self.pages.setCurrentIndex(1)
        self.result.print_button.setFocus()
        if self.customer is None:
            self.set_customer(saved.customer_id)
        self.ticket_saved.emit(saved.ticket)

    def _failed(self, error: BaseException) -> None:
        """Keep every field as typed; mark the field at fault or say what happened."""
        self._set_saving(False)
        if isinstance(error, ValidationError):
            if error.field == "answer":
                self.knowledge.answer_error.setText(message_for(error))
                self.knowledge.answer_error.show()
                return
            if self.errors.mark_error(error) or self.new_customer_fields.errors.mark_error(error):
                return
        self.banner.show_message(message_for(error, self.desk.tz), "error")

    # ---------------------------------------------------------------- after saving

    def _open_saved(self) -> None:
        if self.saved is not None:
            self.open_ticket_requested.emit(self.saved.id)

    def _print(self) -> None:
        if self.saved is not None and self.printer is not None:
            self.printer.preview(self, self.saved.id)

    def _print_counter(self, what: str) -> None:
        """The walk-in paperwork: the customer's receipt or the appliance's tag."""
        if self.saved is None or self.counter is None:
            return
        t = self.saved
        if what == "receipt":
            data = counter_print.receipt_data(
                self.desk, t, self.counter_appliance, self.counter, self.request.charge_standard
            )
            title, paper = self.tr("Check-in receipt %1").replace("%1", t.number), "A5"
        else:
            data = counter_print.tag_data(self.desk, t, self.counter_appliance, self.counter)
            title, paper = self.tr("Appliance tag %1").replace("%1", t.number), "tag-70x50"
        counter_print.open_preview(self, self.desk, data, title, f"{t.number}-{what}.pdf", paper)

    def save_state(self, settings: QSettings) -> None:
        save_splitter(settings, "intake", self.splitter)

    def restore_state(self, settings: QSettings) -> None:
        restore_splitter(settings, "intake", self.splitter)
