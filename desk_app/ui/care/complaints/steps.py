"""The next step of a complaint: one text (the note, the answer, the solution, what the
customer said, the reason for closing), the customer's satisfaction, and a button per
step, enabled as the complaint's state and the desk's role allow.

Each step is saved with the version the history showed; a failure keeps the typed text.
A rejected proposal sends the complaint back to work, and the next proposal is the next
round, until the customer accepts or a manager closes it with a reason.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.complaint_rules import ComplaintStep
from desk_app.domain.enums import ComplaintStatus
from desk_app.domain.errors import ConflictError, IllegalTransition, ValidationError
from desk_app.domain.permissions import Perm
from desk_app.services.care import complaints
from desk_app.services.care.complaint_views import ComplaintView
from desk_app.ui.care.complaints import labels as complaint_labels
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import code_text, message_for
from desk_app.ui.common.widgets import FieldErrors

S = ComplaintStep


class ComplaintSteps(QGroupBox):
    """The step panel under a complaint's history."""

    stepped = Signal(object)  # ComplaintView after the step was saved
    problem = Signal(str)  # a message for the history's banner ("" hides it); it reloads

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaintSteps")
        self.setTitle(self.tr("Next step"))
        self.desk = desk
        self.view: ComplaintView | None = None
        self._saving = False
        self.errors = FieldErrors()
        self.text = QPlainTextEdit(objectName="complaintStepText")
        self.text.setPlaceholderText(
            self.tr("What was said or done: the note, the answer, the solution, the reason")
        )
        self.text.setFixedHeight(64)
        self.text.setTabChangesFocus(True)
        self.text_error = QLabel(styleSheet="color: #b3261e;", wordWrap=True)
        self.text_error.hide()
        self.satisfaction = QComboBox(objectName="complaintSatisfaction")
        self.satisfaction.addItem(self.tr("(not asked)"), None)
        for level, name in complaint_labels.rating_levels().items():
            self.satisfaction.addItem(f"{level}  {name}", level)
        self.satisfaction_error = QLabel(styleSheet="color: #b3261e;", wordWrap=True)
        self.satisfaction_error.hide()
        self.errors.add(("text", "reason"), self.text, self.text_error)
        self.errors.add(("satisfaction",), self.satisfaction, self.satisfaction_error)
        sat_row = QHBoxLayout()
        sat_row.addWidget(QLabel(self.tr("Customer's satisfaction with the resolution:")))
        sat_row.addWidget(self.satisfaction)
        sat_row.addWidget(self.satisfaction_error)
        sat_row.addStretch(1)

        self.actions: dict[ComplaintStep, QPushButton] = {}
        buttons = QGridLayout()  # two rows: the work, then the customer's answer and closing
        for step, text, tip in (
            (S.NOTE, self.tr("Add &note"), self.tr("An investigation note; changes nothing else")),
            (S.ANSWER, self.tr("First &answer"), self.tr("The first answer given to the customer")),
            (S.PROPOSE, self.tr("&Propose solution"), self.tr("The solution offered")),
            (
                S.ACCEPT,
                self.tr("Customer a&ccepted"),
                self.tr("The customer accepts: resolved, with their satisfaction"),
            ),
            (
                S.REJECT,
                self.tr("Customer &rejected"),
                self.tr("Not accepted: back to work with what the customer said"),
            ),
            (S.CLOSE, self.tr("C&lose"), self.tr("Close the complaint (a reason if unresolved)")),
        ):
            button = QPushButton(text, objectName=f"complaintStep_{step.value}")
            button.setToolTip(tip)
            button.clicked.connect(lambda _c=False, s=step: self.do_step(s))
            self.actions[step] = button
            n = len(self.actions) - 1
            buttons.addWidget(button, n // 3, n % 3)
        buttons.setColumnStretch(3, 1)
        sb = QVBoxLayout(self)
        sb.addWidget(self.text)
        sb.addWidget(self.text_error)
        sb.addLayout(sat_row)
        sb.addLayout(buttons)

    def clear(self) -> None:
        self.text.clear()
        self.satisfaction.setCurrentIndex(0)
        self.errors.clear()

    def set_view(self, view: ComplaintView | None) -> None:
        """Offer the steps ``view``'s state allows (and this desk's role)."""
        self.view = view
        if view is None:
            return
        allowed = view.allowed_steps
        for step, button in self.actions.items():
            button.setEnabled(step in allowed and not self._saving)
        close = self.actions[S.CLOSE]
        if S.CLOSE in allowed and view.status is not ComplaintStatus.RESOLVED:
            manager = self.desk.can(Perm.CLOSE_COMPLAINTS)
            close.setEnabled(manager and not self._saving)
            close.setToolTip(
                self.tr("Close without a resolution: give the reason.")
                if manager
                else self.tr("Only a manager closes a complaint that is not resolved.")
            )
        self.setVisible(bool(allowed))
        self.satisfaction.setEnabled(bool({S.ACCEPT, S.CLOSE} & allowed))

    def do_step(self, step: ComplaintStep) -> None:
        """Save ``step`` with the typed text (and satisfaction); keeps both if it fails."""
        view = self.view
        if view is None or self._saving:
            return
        self.errors.clear()
        self.problem.emit("")
        text = self.text.toPlainText()
        score = self.satisfaction.currentData()
        needs_text = step in (S.NOTE, S.ANSWER, S.PROPOSE, S.REJECT) or (
            step is S.CLOSE and view.status is not ComplaintStatus.RESOLVED
        )
        if needs_text and not text.strip():
            message = (
                code_text("complaint.close_reason_required")
                if step is S.CLOSE
                else code_text("field.required")
            )
            self.errors.mark("text", message)
            return
        if step is S.ACCEPT and score is None:
            self.errors.mark("satisfaction", code_text("complaint.satisfaction_required"))
            return
        db, actor, cid, version = self.desk.db, self.desk.actor, view.id, view.version
        work: dict[ComplaintStep, Callable[[], ComplaintView]] = {
            S.NOTE: lambda: complaints.add_note(db, actor, cid, text),
            S.ANSWER: lambda: complaints.first_answer(
                db, actor, cid, text, expected_version=version
            ),
            S.PROPOSE: lambda: complaints.propose_solution(
                db, actor, cid, text, expected_version=version
            ),
            S.ACCEPT: lambda: complaints.customer_response(
                db, actor, cid, True, text or None, satisfaction=score, expected_version=version
            ),
            S.REJECT: lambda: complaints.customer_response(
                db, actor, cid, False, text, expected_version=version
            ),
            S.CLOSE: lambda: complaints.close(
                db, actor, cid, text or None, satisfaction=score, expected_version=version
            ),
        }
        self._set_saving(True)
        self.desk.ops.run(work[step], on_success=self._stepped, on_failure=self._failed, owner=self)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.set_view(self.view)

    def _stepped(self, view: ComplaintView) -> None:
        self._saving = False
        self.text.clear()
        self.satisfaction.setCurrentIndex(0)
        self.stepped.emit(view)

    def _failed(self, error: BaseException) -> None:
        """Keep the typed text; mark the field, or say what happened."""
        self._set_saving(False)
        if isinstance(error, ValidationError) and self.errors.mark_error(error):
            return
        if isinstance(error, IllegalTransition):
            text = self.tr(
                "This step is not possible in the complaint's current state; someone may have "
                "moved it on. It is shown as it is now; your text is kept."
            )
        else:
            text = message_for(error, self.desk.tz)
        # The history shows the message and reloads the complaint as it is now.
        self.problem.emit(text)
        if isinstance(error, ConflictError):
            self.text.setFocus()
