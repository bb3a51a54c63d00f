"""The call panel of the follow-up desk: who to call and what was done for them, then the
outcome of the call (reached with the five ratings, not reached, declined to rate).

After a call the panel says what happens next: the ticket is followed up, or when the
next attempt is due, or that the attempts are used up. A dissatisfied answer offers
"Open complaint…", prefilled from the call.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import FollowupOutcome
from desk_app.domain.errors import ConflictError, DuplicateEntry, ValidationError
from desk_app.services.care import followups
from desk_app.services.care.complaint_views import ComplaintView
from desk_app.services.care.followups import CallView, QueueRow
from desk_app.ui.care.complaints import labels as complaint_labels
from desk_app.ui.care.complaints.dialogs import ComplaintIntakeDialog
from desk_app.ui.common import labels
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import code_text, message_for
from desk_app.ui.common.rating_input import RatingsInput
from desk_app.ui.common.widgets import Banner, FieldErrors, field_row

R = FollowupOutcome


class CallPanel(QWidget):
    """One queued ticket: the summary to read out, and the outcome to record."""

    recorded = Signal(object)  # CallView
    complaint_opened = Signal(object)  # ComplaintView
    next_requested = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callPanel")
        self.desk = desk
        self.row: QueueRow | None = None
        self.last_call: CallView | None = None
        self._saving = False
        self.errors = FieldErrors()
        self.banner = Banner(self)

        self.who = QLabel(objectName="callCustomer")
        self.who.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.who.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.phone = QLabel(objectName="callPhone")
        self.phone.setStyleSheet("font-size: 22px; font-weight: bold; color: #0b57d0;")
        self.phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts: dict[str, QLabel] = {}
        facts = QFormLayout()
        for key, caption in (
            ("ticket", self.tr("Ticket")),
            ("address", self.tr("Address")),
            ("appliance", self.tr("Appliance")),
            ("fault", self.tr("Fault as described")),
            ("cause", self.tr("Cause found")),
            ("work", self.tr("Work done")),
            ("technician", self.tr("Technician")),
            ("completed", self.tr("Completed")),
            ("calls", self.tr("Calls so far")),
            ("form", self.tr("Feedback form")),
        ):
            value = QLabel(objectName=f"callFact_{key}", wordWrap=True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts[key] = value
            facts.addRow(self.tr("%1:").replace("%1", caption), value)

        self.outcomes = QButtonGroup(self)
        self.outcome_buttons: dict[FollowupOutcome, QRadioButton] = {}
        outcome_row = QHBoxLayout()
        for outcome, text in (
            (R.REACHED, self.tr("&Reached: the customer answered")),
            (R.NOT_REACHED, self.tr("&Not reached")),
            (R.REFUSED, self.tr("&Declined to rate")),
        ):
            button = QRadioButton(text, objectName=f"outcome_{outcome.value}")
            self.outcomes.addButton(button)
            self.outcome_buttons[outcome] = button
            outcome_row.addWidget(button)
        outcome_row.addStretch(1)
        self.outcome_error = QLabel(styleSheet="color: #b3261e;")
        self.outcome_error.hide()
        self.ratings = RatingsInput(self)
        self.comments = QPlainTextEdit(objectName="callComments")
        self.comments.setPlaceholderText(self.tr("What the customer said"))
        self.comments.setFixedHeight(60)
        self.comments.setTabChangesFocus(True)
        self.save_button = QPushButton(self.tr("Record &call"), objectName="recordCall")
        self.save_button.setToolTip(self.tr("Save the outcome of this call (Ctrl+S)"))
        self.save_button.setStyleSheet("font-weight: bold; padding: 6px 18px;")
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        form = QFormLayout()
        outcome_box = QWidget()
        ob = QVBoxLayout(outcome_box)
        ob.setContentsMargins(0, 0, 0, 0)
        ob.addLayout(outcome_row)
        ob.addWidget(self.outcome_error)
        form.addRow(self.tr("Outcome"), outcome_box)
        self.errors.add(("outcome",), outcome_box, self.outcome_error)
        form.addRow(self.tr("Ratings"), self.ratings)
        field_row(form, self.tr("C&omments"), self.comments, self.errors, "comments")
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        self.call_box = QGroupBox(self.tr("The call"))
        cb = QVBoxLayout(self.call_box)
        cb.addLayout(form)
        cb.addLayout(save_row)

        self.result = QLabel(objectName="callResult", wordWrap=True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setStyleSheet("font-size: 14px;")
        self.complaint_button = QPushButton(
            self.tr("Open &complaint…"), objectName="complaintFromCall"
        )
        self.complaint_button.setStyleSheet("font-weight: bold; color: #b3261e;")
        self.complaint_button.clicked.connect(self.open_complaint)
        self.next_button = QPushButton(self.tr("Ne&xt in the queue"), objectName="nextCall")
        self.next_button.clicked.connect(self.next_requested)
        result_buttons = QHBoxLayout()
        result_buttons.addWidget(self.complaint_button)
        result_buttons.addStretch(1)
        result_buttons.addWidget(self.next_button)
        self.result_box = QGroupBox(self.tr("Recorded"))
        rb = QVBoxLayout(self.result_box)
        rb.addWidget(self.result)
        rb.addLayout(result_buttons)

        self.empty = QLabel(self.tr("Pick a ticket in the queue to call the customer."))
        self.empty.setStyleSheet("color: #777; font-size: 14px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.banner)
        layout.addWidget(self.who)
        layout.addWidget(self.phone)
        layout.addLayout(facts)
        layout.addWidget(self.call_box)
        layout.addWidget(self.result_box)
        layout.addStretch(1)
        self.outcomes.buttonToggled.connect(self._outcome_changed)
        self.ratings.completed.connect(self.comments.setFocus)
        self.show_row(None)

    # ---------------------------------------------------------------- showing

    def show_row(self, row: QueueRow | None) -> None:
        """Prepare a call of ``row``; the form starts empty, the last result is cleared."""
        self.row = row
        self.last_call = None
        self.banner.hide()
        self.errors.clear()
        self.result_box.hide()
        has_row = row is not None
        self.empty.setVisible(not has_row)
        for w in (self.who, self.phone, self.call_box):
            w.setVisible(has_row)
        for label in self.facts.values():
            label.setVisible(has_row)
            label.clear()
        self._clear_form()
        if row is not None:
            self._fill(row)

    def update_row(self, row: QueueRow) -> None:
        """The same ticket reloaded (a colleague called meanwhile): new facts, typing kept."""
        self.row = row
        self._fill(row)

    def _fill(self, row: QueueRow) -> None:
        tz = self.desk.tz
        self.who.setText(row.customer_name)
        self.phone.setText(row.phone or self.tr("(no phone)"))
        f = self.facts
        f["ticket"].setText(f"{row.number} · {labels.ticket_kinds()[row.kind]}")
        f["address"].setText(row.address or "")
        f["appliance"].setText(row.appliance or "")
        f["fault"].setText(row.fault_description)
        f["cause"].setText(row.fault_cause or "")
        work = row.work_done or ""
        if row.resolved is False:
            work += "  " + self.tr("(not resolved on the visit)")
        f["work"].setText(work)
        f["technician"].setText(row.technician or "")
        f["completed"].setText(labels.fmt_datetime(row.completed_at, tz))
        calls = self.tr("none yet")
        if row.attempts:
            calls = (
                self.tr("%1 not reached, the last on %2")
                .replace("%1", str(row.attempts))
                .replace("%2", labels.fmt_datetime(row.last_called_at, tz))
            )
        f["calls"].setText(calls)
        if row.form is None:
            f["form"].setText(self.tr("not back yet"))
            f["form"].setStyleSheet("")
        else:
            f["form"].setText(complaint_labels.ratings_long(row.form))
            f["form"].setStyleSheet("color: #b3261e;" if row.form_dissatisfied else "")

    def _clear_form(self) -> None:
        self.outcomes.setExclusive(False)
        for button in self.outcome_buttons.values():
            button.setChecked(False)
        self.outcomes.setExclusive(True)
        self.ratings.clear()
        self.ratings.setEnabled(False)
        self.comments.clear()

    def outcome(self) -> FollowupOutcome | None:
        return next((o for o, b in self.outcome_buttons.items() if b.isChecked()), None)

    def _outcome_changed(self) -> None:
        reached = self.outcome() is R.REACHED
        self.ratings.setEnabled(reached)
        if reached:
            self.ratings.setFocus()
        else:
            self.ratings.clear_error()

    # ---------------------------------------------------------------- recording

    def save(self) -> None:
        row = self.row
        if row is None or self._saving or not self.call_box.isVisible():
            return
        self.errors.clear()
        outcome = self.outcome()
        if outcome is None:
            self.errors.mark("outcome", code_text("followup.outcome_required"))
            return
        ratings = None
        if outcome is R.REACHED:
            if self.ratings.show_missing():
                self.ratings.setFocus()
                return
            ratings = self.ratings.ratings()
        comments = self.comments.toPlainText()
        desk, attempts = self.desk, row.attempts
        self._saving = True
        self.save_button.setEnabled(False)
        desk.ops.run(
            lambda: followups.record_call(
                desk.db,
                desk.actor,
                row.ticket_id,
                outcome,
                ratings,
                comments,
                expected_attempts=attempts,
            ),
            on_success=self._recorded,
            on_failure=self._failed,
            owner=self,
        )

    def _recorded(self, call: CallView) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.last_call = call
        self.call_box.hide()
        tz = self.desk.tz
        if call.outcome is R.NOT_REACHED and call.next_attempt_at is not None:
            text = self.tr("Not reached (attempt %1). The next attempt is due %2.").replace(
                "%1", str(call.attempt)
            )
            text = text.replace("%2", labels.fmt_datetime(call.next_attempt_at, tz))
        elif call.outcome is R.NOT_REACHED:
            text = self.tr(
                "Not reached (attempt %1): no attempts left. The ticket goes to the "
                "manager's list of customers not reached."
            ).replace("%1", str(call.attempt))
        elif call.outcome is R.REFUSED:
            text = self.tr("The customer declined to rate. The ticket is followed up.")
        else:
            assert call.ratings is not None
            text = self.tr("Reached: %1. The ticket is followed up.").replace(
                "%1", complaint_labels.ratings_long(call.ratings)
            )
            if call.dissatisfied:
                text += "\n" + self.tr("The customer is dissatisfied.")
        self.result.setText(text)
        self.result.setStyleSheet(
            "font-size: 14px; color: %s;" % ("#b3261e" if call.dissatisfied else "#1b5e20")
        )
        self.complaint_button.setVisible(call.dissatisfied)
        self.complaint_button.setEnabled(True)
        self.result_box.show()
        (self.complaint_button if call.dissatisfied else self.next_button).setFocus()
        self.recorded.emit(call)

    def _failed(self, error: BaseException) -> None:
        """Keep the outcome, ratings and comments; say what happened."""
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError) and self.errors.mark_error(error):
            return
        if isinstance(error, ConflictError):
            text = self.tr(
                "%1 recorded a call of this ticket at %2, after you opened it. The queue "
                "is reloaded; what you typed is kept."
            )
            when = labels.fmt_datetime(error.when, self.desk.tz) if error.when else "?"
            self.banner.show_message(text.replace("%1", error.who).replace("%2", when), "warning")
            self.recorded.emit(None)  # the screen reloads the queue
            return
        if isinstance(error, DuplicateEntry):
            self.banner.show_message(
                self.tr("This ticket was already followed up by someone else."), "warning"
            )
            self.recorded.emit(None)
            return
        self.banner.show_message(message_for(error, self.desk.tz), "error")

    # ---------------------------------------------------------------- complaint

    def open_complaint(self) -> ComplaintIntakeDialog | None:
        """The complaint intake, prefilled from the last (dissatisfied) call."""
        if self.last_call is None:
            return None
        dialog = ComplaintIntakeDialog(self.desk, self, call_id=self.last_call.id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.complaint_saved.connect(self._complaint_saved)
        dialog.open()
        return dialog

    def _complaint_saved(self, view: ComplaintView) -> None:
        self.complaint_button.setEnabled(False)
        self.result.setText(
            self.result.text() + "\n" + self.tr("Complaint %1 opened.").replace("%1", view.number)
        )
        self.complaint_opened.emit(view)
