"""Follow-up calls (回访): the queue of completed tickets to call, oldest first (a ticket
whose paper form came back dissatisfied comes first), and the call panel beside it.

The queue changes with time as well as with saves (a retry falls due), so besides the
"what changed" signal it reloads every minute. A manager or specialist can switch to
the tickets whose customer was not reached in the allowed attempts.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.permissions import Perm
from desk_app.services.care import followups
from desk_app.services.care.followups import CallView, QueueRow
from desk_app.ui.care.complaints import labels as complaint_labels
from desk_app.ui.care.followups.call import CallPanel
from desk_app.ui.common import labels
from desk_app.ui.common.changes import Changes
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.on_view import ReloadOnView
from desk_app.ui.common.persist import restore_header, restore_splitter, save_header, save_splitter
from desk_app.ui.common.table_models import Column, RowsModel
from desk_app.ui.common.widgets import Banner, row_table
from desk_app.ui.paperwork.hook import print_feedback_form

RELOAD_EVERY_MS = 60_000
_WATCHED = ("ticket", "followup_call", "feedback")


class FollowupsScreen(QWidget):
    """The follow-up specialist's desk: whom to call next, and what they said."""

    complaint_opened = Signal(int)  # the complaint's id, for the lead's navigation

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followupsScreen")
        self.desk = desk
        self.banner = Banner(self)
        title = QLabel(self.tr("Follow-up calls"))
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.count = QLabel(objectName="followupCount")
        self.count.setStyleSheet("color: #555;")
        self.unreachable = QCheckBox(
            self.tr("Show customers &not reached after all attempts"), objectName="showUnreachable"
        )
        self.refresh_button = QPushButton(self.tr("Re&load"), objectName="reloadQueue")
        self.refresh_button.clicked.connect(self.refresh)
        self.feedback_button = QPushButton(
            self.tr("Print &feedback form"), objectName="printFeedbackForm"
        )
        self.feedback_button.setToolTip(
            self.tr("A fresh feedback form (服务反馈单) of the chosen ticket, to send the customer")
        )
        self.feedback_button.setEnabled(False)
        self.feedback_button.clicked.connect(self.print_feedback_form)
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addSpacing(12)
        bar.addWidget(self.count)
        bar.addStretch(1)
        bar.addWidget(self.unreachable)
        bar.addWidget(self.feedback_button)
        bar.addWidget(self.refresh_button)

        tz = desk.tz
        self.model = RowsModel[QueueRow](
            [
                Column(
                    self.tr("Completed"),
                    lambda r: labels.fmt_datetime(r.completed_at, tz),
                    sort_key=lambda r: r.completed_at,
                ),
                Column(self.tr("Ticket"), lambda r: r.number),
                Column(self.tr("Customer"), lambda r: r.customer_name),
                Column(self.tr("Phone"), lambda r: r.phone or ""),
                Column(self.tr("Kind"), lambda r: labels.ticket_kinds()[r.kind]),
                Column(self.tr("Technician"), lambda r: r.technician or ""),
                Column(self.tr("Calls"), self._calls_text),
                Column(
                    self.tr("Form"),
                    self._form_text,
                    color=lambda r: "#b3261e" if r.form_dissatisfied else None,
                ),
            ],
            self,
        )
        self.table = row_table(self.model, "followupQueue")
        self._sized = False

        self.panel = CallPanel(desk, self)
        self.panel.recorded.connect(self._recorded)
        self.panel.next_requested.connect(self.select_first)
        self.panel.complaint_opened.connect(lambda v: self.complaint_opened.emit(v.id))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="followupsSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([700, 600])

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)

        if not desk.can(Perm.RECORD_FOLLOWUPS):
            self.splitter.setEnabled(False)
            self.unreachable.setEnabled(False)
            self.refresh_button.setEnabled(False)
            self.banner.show_message(
                self.tr("Follow-up calls are made by the follow-up specialist or the manager."),
                "info",
            )
            return
        self.unreachable.toggled.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._picked)
        desk.changes.changed.connect(self._on_changes)
        self.on_view = ReloadOnView(self, self.refresh)  # loads when first shown
        self._timer = QTimer(self, interval=RELOAD_EVERY_MS)
        self._timer.timeout.connect(self.on_view.request)
        self._timer.start()

    # ---------------------------------------------------------------- the queue

    def _calls_text(self, r: QueueRow) -> str:
        if not r.attempts:
            return ""
        return self.tr("%1 not reached").replace("%1", str(r.attempts))

    def _form_text(self, r: QueueRow) -> str:
        if r.form is None:
            return ""
        text = complaint_labels.ratings_short(r.form)
        return self.tr("%1 dissatisfied").replace("%1", text) if r.form_dissatisfied else text

    def refresh(self) -> None:
        desk, lost = self.desk, self.unreachable.isChecked()
        desk.ops.run(
            lambda: (
                followups.unreachable(desk.db, desk.actor)
                if lost
                else followups.followup_queue(desk.db, desk.actor)
            ),
            on_success=self._loaded,
            on_failure=lambda e: self.banner.show_message(message_for(e, desk.tz), "error"),
            key=f"followup-queue-{id(self)}",
            owner=self,
        )

    def _loaded(self, rows: list[QueueRow]) -> None:
        current = self.panel.row.ticket_id if self.panel.row else None
        self.model.set_rows(rows)
        if rows and not self._sized:
            self._sized = True
            self.table.resizeColumnsToContents()
        if self.unreachable.isChecked():
            self.count.setText(self.tr("%1 not reached").replace("%1", str(len(rows))))
        else:
            self.count.setText(self.tr("%1 to call").replace("%1", str(len(rows))))
        same = next((i for i, r in enumerate(rows) if r.ticket_id == current), None)
        # Quietly (the panel keeps what the clerk typed, or the result it shows): the same
        # ticket stays selected with its renewed facts; after a call nothing is selected.
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        if same is not None and self.panel.last_call is None:
            self.table.selectRow(same)
            self.panel.update_row(rows[same])
        else:
            self.table.clearSelection()
        selection.blockSignals(False)
        self.table.viewport().update()

    def _picked(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        self.feedback_button.setEnabled(bool(selected))
        if not selected:
            return
        row = self.model.row_at(selected[0].row())
        current = self.panel.row
        if current is None or current.ticket_id != row.ticket_id or self.panel.last_call:
            self.panel.show_row(row)

    def print_feedback_form(self) -> None:
        """The chosen ticket's feedback form, printed where this PC routes feedback forms
        or in the print preview."""
        selected = self.table.selectionModel().selectedRows()
        if selected:
            row = self.model.row_at(selected[0].row())
            print_feedback_form(self, self.desk, row.number)

    def select_first(self) -> None:
        """The next call: the head of the queue."""
        self.table.clearSelection()
        self.panel.show_row(None)
        if self.model.rowCount():
            self.table.selectRow(0)
            self.table.setFocus()

    def _recorded(self, call: CallView | None) -> None:
        self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        # Local too: a form entered on this desk reorders the queue.
        if any(changes.touches(e) for e in _WATCHED):
            self.on_view.request()

    # ---------------------------------------------------------------- state

    def save_state(self, settings: QSettings) -> None:
        save_splitter(settings, "followups", self.splitter)
        save_header(settings, "followups/queue", self.table.horizontalHeader())

    def restore_state(self, settings: QSettings) -> None:
        restore_splitter(settings, "followups", self.splitter)
        self._sized = restore_header(settings, "followups/queue", self.table.horizontalHeader())
