"""One complaint on one screen: the facts, both clocks, every step (who, when, what) and,
under it, the next step (``ui.complaint_steps``).

If a colleague saved in between, the clerk is told who and when, the complaint is
reloaded and the typed text is kept. Another desk's change reloads it too.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.clock import ClockState
from desk_app.domain.complaint_rules import ComplaintStep
from desk_app.services.care import complaint_views
from desk_app.services.care.complaint_views import ComplaintEventView, ComplaintView
from desk_app.ui.care.complaints import labels as complaint_labels
from desk_app.ui.care.complaints.dialogs import ReassignDialog
from desk_app.ui.care.complaints.steps import ComplaintSteps
from desk_app.ui.common import labels
from desk_app.ui.common.changes import Changes
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.table_models import Column, RowsModel
from desk_app.ui.common.widgets import Banner

S = ComplaintStep


class ComplaintHistory(QWidget):
    """The full history of one complaint, with the actions its state allows."""

    loaded = Signal(object)  # ComplaintView
    changed = Signal(object)  # ComplaintView after a step this desk saved
    open_ticket_requested = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaintHistory")
        self.desk = desk
        self.view: ComplaintView | None = None
        self.banner = Banner(self)

        self.number = QLabel(objectName="complaintNumber")
        self.number.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(objectName="complaintStatus")
        self.status.setStyleSheet("font-size: 15px; font-weight: bold;")
        head = QHBoxLayout()
        head.addWidget(self.number)
        head.addStretch(1)
        head.addWidget(self.status)

        self.facts: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        captions = (
            ("customer", self.tr("Customer")),
            ("ticket", self.tr("Ticket")),
            ("technician", self.tr("Technician")),
            ("kind", self.tr("Category")),
            ("received", self.tr("Received")),
            ("handler", self.tr("Handler")),
            ("answer", self.tr("First answer")),
            ("solution", self.tr("Solution")),
            ("outcome", self.tr("Outcome")),
        )
        for i, (key, caption) in enumerate(captions):
            cap = QLabel(self.tr("%1:").replace("%1", caption))
            cap.setStyleSheet("color: #555;")
            value = QLabel(objectName=f"complaintFact_{key}", wordWrap=True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts[key] = value
            grid.addWidget(cap, i // 2, (i % 2) * 2)
            grid.addWidget(value, i // 2, (i % 2) * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.open_ticket_button = QPushButton(self.tr("Open ticket"), objectName="complaintTicket")
        self.open_ticket_button.clicked.connect(self._open_ticket)
        self.reassign_button = QPushButton(
            self.tr("Hand to another &handler…"), objectName="complaintReassign"
        )
        self.reassign_button.clicked.connect(self.reassign)
        self.last_dialog: ReassignDialog | None = None
        self.words = QLabel(objectName="complaintWords", wordWrap=True)
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        self.words.setStyleSheet(
            "background: #f6f6f6; border: 1px solid #ddd; padding: 6px; font-size: 14px;"
        )
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.events = RowsModel[ComplaintEventView](
            [
                Column(self.tr("When"), lambda e: labels.fmt_datetime(e.at, desk.tz)),
                Column(self.tr("Who"), lambda e: e.user),
                Column(self.tr("Step"), self._step_text, color=self._step_color),
                Column(self.tr("What was said or done"), lambda e: e.text or ""),
            ],
            self,
        )
        self.timeline = QTableView(objectName="complaintTimeline")
        self.timeline.setModel(self.events)
        self.timeline.verticalHeader().hide()
        self.timeline.setWordWrap(True)
        self.timeline.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.timeline.horizontalHeader()
        for col in range(2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 180)  # the step's name wraps; the words get the room
        header.setStretchLastSection(True)
        self.timeline.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        self.steps = ComplaintSteps(desk, self)
        self.steps.stepped.connect(self._stepped)
        self.steps.problem.connect(self._problem)

        self.empty = QLabel(self.tr("Pick a complaint in the list to see its history."))
        self.empty.setStyleSheet("color: #777; font-size: 14px;")
        self.body = QWidget()
        bl = QVBoxLayout(self.body)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addLayout(head)
        bl.addWidget(self.banner)
        bl.addLayout(grid)
        links = QHBoxLayout()
        links.addWidget(self.open_ticket_button)
        links.addWidget(self.reassign_button)
        links.addStretch(1)
        bl.addLayout(links)
        bl.addWidget(QLabel(self.tr("The customer's words")))
        bl.addWidget(self.words)
        bl.addWidget(QLabel(self.tr("History")))
        bl.addWidget(self.timeline, 1)
        bl.addWidget(self.steps)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.body, 1)
        self.body.hide()
        desk.changes.changed.connect(self._on_changes)

    # ---------------------------------------------------------------- loading

    @property
    def complaint_id(self) -> int | None:
        return self.view.id if self.view else None

    def show_complaint(self, complaint_id: int | None) -> None:
        if complaint_id is None:
            self.view = None
            self.body.hide()
            self.empty.show()
            return
        if complaint_id != self.complaint_id:
            self.steps.clear()
            self.banner.hide()
        self.reload(complaint_id)

    def reload(self, complaint_id: int | None = None) -> None:
        cid = complaint_id or self.complaint_id
        if cid is None:
            return
        desk = self.desk
        desk.ops.run(
            lambda: complaint_views.get_complaint(desk.db, desk.actor, cid),
            on_success=self._show,
            on_failure=lambda e: self.banner.show_message(message_for(e, desk.tz), "error"),
            key=f"complaint-history-{id(self)}",
            owner=self,
        )

    def _on_changes(self, changes: Changes) -> None:
        cid = self.complaint_id
        if cid is not None and not changes.local and changes.touches("complaint", cid):
            self.reload()

    def _show(self, view: ComplaintView) -> None:
        before = self.view
        self.view = view
        self.empty.hide()
        self.body.show()
        tz = self.desk.tz
        self.number.setText(view.number)
        status = labels.complaint_statuses()[view.status.value]
        if view.escalated_at and view.active:
            status = self.tr("%1 · escalated").replace("%1", status)
        self.status.setText(status)
        self.status.setStyleSheet(
            "font-size: 15px; font-weight: bold; color: %s;"
            % ("#b3261e" if view.clocks.overdue and view.active else "#333")
        )
        severity = complaint_labels.severities()[view.severity]
        f = self.facts
        f["customer"].setText(" ".join(x for x in (view.customer_name, view.customer_phone) if x))
        f["ticket"].setText(view.ticket_number or self.tr("(none)"))
        f["technician"].setText(view.technician or self.tr("(none)"))
        f["kind"].setText(
            f"{complaint_labels.categories()[view.category]} · {severity} · "
            f"{labels.channels()[view.channel]}"
        )
        f["received"].setText(labels.fmt_datetime(view.received_at, tz))
        handler = view.assigned_to or ""
        if view.rounds:
            handler += " · " + self.tr("round %1").replace("%1", str(view.rounds))
        f["handler"].setText(handler)
        self._clock(f["answer"], view.clocks.answer, view.answer_due)
        self._clock(f["solution"], view.clocks.solution, view.solution_due)
        f["outcome"].setText(self._outcome(view))
        self.open_ticket_button.setVisible(view.ticket_id is not None)
        self.reassign_button.setEnabled(S.ASSIGN in view.allowed_steps)
        self.words.setText(view.description)
        if before is None or before.id != view.id or len(before.events) != len(view.events):
            self.events.set_rows(view.events)
            self.timeline.scrollToBottom()  # the newest step; a mere reload keeps the place
        self.steps.set_view(view)
        self.loaded.emit(view)

    def _outcome(self, view: ComplaintView) -> str:
        parts = []
        if view.resolution_satisfaction is not None:
            level = view.resolution_satisfaction
            parts.append(
                self.tr("satisfaction %1 (%2)")
                .replace("%1", str(level))
                .replace("%2", complaint_labels.rating_levels()[level])
            )
        if view.closed_at is not None:
            parts.append(
                self.tr("closed %1").replace(
                    "%1", labels.fmt_datetime(view.closed_at, self.desk.tz)
                )
            )
        if view.close_reason:
            parts.append(view.close_reason)
        return " · ".join(parts) or self.tr("(not resolved yet)")

    def _clock(self, label: QLabel, state: ClockState, due: object) -> None:
        label.setText(
            self.tr("due %1 — %2")
            .replace("%1", labels.fmt_datetime(due, self.desk.tz))  # type: ignore[arg-type]
            .replace("%2", labels.clock_text(state))
        )
        label.setStyleSheet(f"color: {labels.CLOCK_COLORS[state.status]}; font-weight: bold;")

    def _step_text(self, e: ComplaintEventView) -> str:
        text = complaint_labels.steps()[e.action]
        # Where the step led, when its name does not say it already.
        if (
            e.action in (S.ANSWER, S.REJECT, S.ACCEPT)
            and e.to_status is not None
            and e.from_status is not None
            and e.to_status != e.from_status
        ):
            text += " → " + labels.complaint_statuses()[e.to_status.value]
        return text

    @staticmethod
    def _step_color(e: ComplaintEventView) -> str | None:
        if e.action in (S.REJECT, S.ESCALATE):
            return "#b3261e"
        if e.action in (S.ACCEPT, S.CLOSE):
            return "#1b7f3b"
        return None

    def _open_ticket(self) -> None:
        if self.view is not None and self.view.ticket_id is not None:
            self.open_ticket_requested.emit(self.view.ticket_id)

    def reassign(self) -> ReassignDialog | None:
        """Hand the complaint shown to another handler (a dialog; the history reloads)."""
        if self.view is None:
            return None
        dialog = ReassignDialog(self.desk, self.view, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.reassigned.connect(self._stepped)
        dialog.finished.connect(lambda _r: self.reload())
        self.last_dialog = dialog
        dialog.open()
        return dialog

    # ---------------------------------------------------------------- after a step

    def _stepped(self, view: ComplaintView) -> None:
        self._show(view)
        self.changed.emit(view)

    def _problem(self, text: str) -> None:
        if not text:
            self.banner.hide()
            return
        self.banner.show_message(text, "warning")
        self.reload()  # a colleague's step, or a state this screen did not show
