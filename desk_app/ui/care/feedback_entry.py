"""Feedback forms (服务反馈单) scanned back in: a keyboard-first screen for a clerk with a
stack of signed forms.

Per form: scan the code (or type the number and press Enter), the ticket's customer
shows for a check, keys 1–5 answer the five rows, comments, Enter saves and the form
is cleared for the next one. A form entered before is refused at once, saying when and
by whom; a failed save keeps everything typed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.errors import DuplicateEntry, NotFound, ValidationError
from desk_app.domain.permissions import Perm
from desk_app.services.care import feedback
from desk_app.services.care.feedback import FeedbackView, FormTicket
from desk_app.ui.care.complaints import labels as complaint_labels
from desk_app.ui.common import labels
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import code_text, message_for
from desk_app.ui.common.rating_input import RatingsInput
from desk_app.ui.common.table_models import Column, RowsModel
from desk_app.ui.common.widgets import ERROR_STYLE, Banner, FieldErrors, field_row

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CommentsEdit(QPlainTextEdit):
    """Comments where Enter submits the form; Shift+Enter starts a new line."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER and not event.modifiers() & (
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
        ):
            self.submitted.emit()
            return
        super().keyPressEvent(event)


@dataclass(frozen=True)
class EnteredForm:
    """One line of "entered in this session"."""

    form: FeedbackView
    customer: str


class FeedbackEntry(QWidget):
    """Enter signed feedback forms one after another."""

    form_saved = Signal(object)  # FeedbackView

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedbackEntry")
        self.desk = desk
        self.target: FormTicket | None = None
        self._saving = False
        self.errors = FieldErrors()

        title = QLabel(self.tr("Feedback forms"))
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.count_label = QLabel(objectName="formsCount")
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.count_label)
        hint = QLabel(
            self.tr(
                "Scan the code on the form, or type the ticket number and press Enter. "
                "Then keys 1–5 for the five rows (5 = very satisfied), the comments, and "
                "Enter saves. Shift+Enter starts a new line in the comments, Esc clears."
            ),
            wordWrap=True,
        )
        hint.setStyleSheet("color: #555;")
        self.banner = Banner(self)

        self.ticket = QLineEdit(objectName="formTicketNumber")
        self.ticket.setPlaceholderText(self.tr("S20261123-0001"))
        self.ticket.setMaxLength(24)
        self.ticket.setMaximumWidth(360)
        self.ticket.setStyleSheet("font-size: 18px; padding: 4px; font-family: monospace;")
        self.ticket_info = QLabel(objectName="formTicketInfo", wordWrap=True)
        self.ticket_info.setTextFormat(Qt.TextFormat.PlainText)
        self.ratings = RatingsInput(self)
        self.comments = CommentsEdit(objectName="formComments")
        self.comments.setPlaceholderText(self.tr("What the customer wrote on the form"))
        self.comments.setFixedHeight(64)
        self.comments.setTabChangesFocus(True)
        form = QFormLayout()
        field_row(form, self.tr("&Ticket"), self.ticket, self.errors, "ticket_number", "ticket")
        form.addRow("", self.ticket_info)
        form.addRow(self.tr("Ratings"), self.ratings)
        field_row(form, self.tr("&Comments"), self.comments, self.errors, "comments")

        self.clear_button = QPushButton(self.tr("Clear (Esc)"), objectName="clearForm")
        self.save_button = QPushButton(self.tr("&Save form (Enter)"), objectName="saveForm")
        self.save_button.setStyleSheet("font-weight: bold; padding: 6px 18px;")
        self.save_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save_button)

        self.entered = RowsModel[EnteredForm](
            [
                Column(
                    self.tr("Entered"), lambda e: labels.fmt_datetime(e.form.recorded_at, desk.tz)
                ),
                Column(self.tr("Ticket"), lambda e: e.form.ticket_number),
                Column(self.tr("Customer"), lambda e: e.customer),
                Column(
                    self.tr("Ratings"),
                    lambda e: complaint_labels.ratings_short(e.form.ratings),
                    color=lambda e: "#b3261e" if e.form.dissatisfied else None,
                ),
                Column(self.tr("Comments"), lambda e: e.form.comments or ""),
            ],
            self,
        )
        self.entered_view = QTableView(objectName="enteredForms")
        self.entered_view.setModel(self.entered)
        self.entered_view.verticalHeader().hide()
        self.entered_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.entered_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.entered_view.horizontalHeader().setStretchLastSection(True)
        self.entered_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(hint)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Entered in this session (newest first)")))
        layout.addWidget(self.entered_view, 1)

        self.ticket.returnPressed.connect(self.look_up)
        self.ticket.textEdited.connect(self._number_edited)
        self.ratings.completed.connect(self.comments.setFocus)
        self.comments.submitted.connect(self.save)
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.clear)
        self._update_count()
        self.ticket.setFocus()
        if not desk.can(Perm.RECORD_FEEDBACK):
            for w in (self.ticket, self.ratings, self.comments, self.save_button):
                w.setEnabled(False)
            self.banner.show_message(self.tr("Your role does not enter feedback forms."), "info")

    # ---------------------------------------------------------------- the ticket

    def handle_scan(self, code: str) -> bool:
        """A scanned ticket code while this screen is in front: it is this form's.

        If the form on screen has ratings or comments typed for another ticket and was
        not saved, the scan is refused: those answers must not land on the new ticket,
        and the clerk's typing is not thrown away either."""
        current = self.ticket.text().strip().upper()
        typed = any(v is not None for v in self.ratings.values()) or bool(
            self.comments.toPlainText().strip()
        )
        if typed and current and current != code.strip().upper():
            self.banner.show_message(
                self.tr(
                    "The form of %1 is not saved yet. Save it (Enter) or clear it (Esc), "
                    "then scan %2 again."
                )
                .replace("%1", current)
                .replace("%2", code),
                "warning",
            )
            return True
        self.ticket.setText(code)
        self.look_up()
        return True

    def refresh(self) -> None:
        """Check the current number again (another desk may have entered the form)."""
        if self.ticket.text().strip():
            self.look_up(move_on=False)

    def _number_edited(self, _text: str) -> None:
        self.target = None
        self.ticket_info.clear()
        self.errors.clear()

    def look_up(self, move_on: bool = True) -> None:
        number = self.ticket.text()
        if not number.strip():
            self.errors.mark("ticket_number", code_text("feedback.ticket_number_required"))
            return
        desk = self.desk
        self.desk.ops.run(
            lambda: feedback.form_ticket(desk.db, desk.actor, number),
            on_success=lambda t: self._found(t, move_on),
            on_failure=self._lookup_failed,
            key=f"form-ticket-{id(self)}",
            owner=self,
        )

    def _found(self, target: FormTicket, move_on: bool) -> None:
        self.target = target
        self.errors.clear()
        self.ticket.setText(target.number)
        if target.entered is not None:
            self._refuse_duplicate(target)
            return
        if not target.accepts_form:
            status = labels.statuses()[target.status]
            self._refuse(
                self.tr("%1 is not completed yet (%2): its form is entered after completion.")
                .replace("%1", target.number)
                .replace("%2", status)
            )
            return
        parts = [
            target.customer_name,
            labels.ticket_kinds()[target.kind],
            target.technician or "",
            self.tr("completed %1").replace(
                "%1", labels.fmt_datetime(target.completed_at, self.desk.tz)
            )
            if target.completed_at
            else "",
        ]
        self.ticket_info.setStyleSheet("color: #1b5e20; font-size: 14px;")
        self.ticket_info.setText("   ·   ".join(p for p in parts if p))
        if move_on:
            self.ratings.setFocus()

    def _refuse_duplicate(self, target: FormTicket) -> None:
        entered = target.entered
        assert entered is not None
        self._refuse(
            self.tr(
                "Already entered: the form of %1 (%2) was entered on %3 by %4, ratings %5. "
                "A form is entered only once."
            )
            .replace("%1", target.number)
            .replace("%2", target.customer_name)
            .replace("%3", labels.fmt_datetime(entered.recorded_at, self.desk.tz))
            .replace("%4", entered.recorded_by)
            .replace("%5", complaint_labels.ratings_short(entered.ratings))
        )

    def _refuse(self, text: str) -> None:
        self.ticket_info.setStyleSheet(ERROR_STYLE + " font-size: 14px; font-weight: bold;")
        self.ticket_info.setText(text)
        self.ticket.setFocus()
        self.ticket.selectAll()

    def _lookup_failed(self, error: BaseException) -> None:
        self.target = None
        if isinstance(error, NotFound):
            self._refuse(self.tr("No ticket has the number %1.").replace("%1", str(error.key)))
        elif isinstance(error, ValidationError):
            self.ticket_info.clear()
            self.errors.mark_error(error)
        else:
            self.banner.show_message(message_for(error, self.desk.tz), "error")

    # ---------------------------------------------------------------- saving

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER:
            # The number box passes its Enter on after looking the ticket up: not a save.
            if not self.ticket.hasFocus():
                self.save()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            return
        super().keyPressEvent(event)

    def save(self) -> None:
        if self._saving:
            return
        self.errors.clear()
        number = self.ticket.text().strip()
        if not number:
            self.errors.mark("ticket_number", code_text("feedback.ticket_number_required"))
            return
        if self.ratings.show_missing():
            self.ratings.setFocus()
            return
        ratings = self.ratings.ratings()
        assert ratings is not None
        comments = self.comments.toPlainText()
        desk = self.desk
        self._set_saving(True)
        desk.ops.run(
            lambda: feedback.enter_feedback_form(desk.db, desk.actor, number, ratings, comments),
            on_success=self._saved,
            on_failure=self._failed,
            owner=self,
        )

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)

    def _saved(self, form: FeedbackView) -> None:
        self._set_saving(False)
        target = self.target if self.target and self.target.number == form.ticket_number else None
        customer = target.customer_name if target else ""
        rows = self.entered.rows()
        self.entered.set_rows([EnteredForm(form, customer), *rows])
        self._update_count()
        text = (
            self.tr("Saved the form of %1 %2: %3.")
            .replace("%1", form.ticket_number)
            .replace("%2", customer)
            .replace("%3", complaint_labels.ratings_short(form.ratings))
        )
        if form.dissatisfied:
            text += " " + self.tr("Dissatisfied: this ticket is called back first.")
        self.banner.show_message(text, "warning" if form.dissatisfied else "ok")
        self.form_saved.emit(form)
        self.clear(keep_banner=True)

    def _failed(self, error: BaseException) -> None:
        """Keep the number, ratings and comments as typed; say what is wrong."""
        self._set_saving(False)
        if isinstance(error, DuplicateEntry):
            self.banner.hide()
            self.look_up(move_on=False)  # shows when and by whom it was entered
            return
        if isinstance(error, NotFound):
            self._lookup_failed(error)
            return
        if isinstance(error, ValidationError) and error.field == "ticket":
            self._refuse(message_for(error, self.desk.tz))
            return
        if isinstance(error, ValidationError) and self.errors.mark_error(error):
            return
        self.banner.show_message(message_for(error, self.desk.tz), "error")

    def clear(self, keep_banner: bool = False) -> None:
        self.ticket.clear()
        self.ticket_info.clear()
        self.target = None
        self.ratings.clear()
        self.comments.clear()
        self.errors.clear()
        if not keep_banner:
            self.banner.hide()
        self.ticket.setFocus()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("%1 form(s) entered this session").replace("%1", str(self.entered.rowCount()))
        )
