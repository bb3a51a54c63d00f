"""The board's side panel: the selected ticket, who fits it and why, the assign form, actions.

The panel only shows and asks; the board runs every action. The assign form is
the keyboard's way to do what a drag does: choose technician, start and length,
press Enter.
"""

from __future__ import annotations

import html
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.clock import ClockState
from desk_app.domain.enums import TicketStatus
from desk_app.domain.ticket_states import allowed_next
from desk_app.services.dispatch.board import BoardTicket, Candidate
from desk_app.ui.common import labels
from desk_app.ui.dispatch.dialogs import fill_lengths
from desk_app.ui.dispatch.model import (
    SLOT,
    BoardData,
    TimeScale,
    default_length,
    fmt_time,
    load_text,
    preferred_text,
    reason_labels,
)

S = TicketStatus
ACTIONS = (
    "confirm",
    "arrived",
    "waiting_parts",
    "complete",
    "reschedule",
    "unassign",
    "cancel",
    "open",
    "print",
)


class BoardPanel(QWidget):
    #: the form's Assign (or Enter): technician id, start (datetime or None), length (timedelta)
    assign_requested = Signal(int, object, object)
    best_requested = Signal()
    #: one of ACTIONS
    action_requested = Signal(str)
    #: the form now points at technician id, start (the grid's cursor follows)
    form_changed = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardPanel")
        self.data: BoardData | None = None
        self.ticket: BoardTicket | None = None
        self.candidates: list[Candidate] = []
        self._filling = False

        self.title = QLabel(objectName="selectedTitle")
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QLabel(objectName="selectedFacts", wordWrap=True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)

        fits = QGroupBox(self.tr("Who fits"))
        self.ranking = QTreeWidget(objectName="candidates")
        self.ranking.setHeaderLabels([self.tr("Technician"), self.tr("Free"), self.tr("Why")])
        self.ranking.setRootIsDecorated(False)
        self.ranking.setAlternatingRowColors(True)
        self.ranking.setColumnWidth(0, 112)
        self.ranking.setColumnWidth(1, 48)
        self.ranking.itemActivated.connect(self._candidate_chosen)
        self.ranking.currentItemChanged.connect(self._show_why)
        self.why = QLabel(objectName="candidateWhy", wordWrap=True)
        self.why.setStyleSheet("color: #333;")
        self.ranking.itemDoubleClicked.connect(self._candidate_chosen)
        self.best_button = QPushButton(objectName="assignBest")
        self.best_button.setToolTip(self.tr("Assign to the best fit at its free slot (Ctrl+B)"))
        self.best_button.clicked.connect(self.best_requested)
        fits_layout = QVBoxLayout(fits)
        fits_layout.addWidget(self.ranking)
        fits_layout.addWidget(self.why)
        fits_layout.addWidget(self.best_button)

        form_box = QGroupBox(self.tr("Assign / move"))
        self.tech_combo = QComboBox(objectName="assignTechnician")
        self.start_combo = QComboBox(objectName="assignStart")
        self.length_combo = QComboBox(objectName="assignLength")
        fill_lengths(self.length_combo, timedelta(hours=1))
        self.assign_button = QPushButton(self.tr("&Assign (Enter)"), objectName="assignButton")
        self.assign_button.clicked.connect(self._assign_clicked)
        form = QFormLayout(form_box)
        form.addRow(self.tr("&Technician"), self.tech_combo)
        form.addRow(self.tr("&Start"), self.start_combo)
        form.addRow(self.tr("Len&gth"), self.length_combo)
        form.addRow("", self.assign_button)
        self.tech_combo.currentIndexChanged.connect(self._form_moved)
        self.start_combo.currentIndexChanged.connect(self._form_moved)

        acts = QGroupBox(self.tr("Ticket"))
        grid = QGridLayout(acts)
        texts = {
            "confirm": self.tr("C&onfirm visit"),
            "arrived": self.tr("Arri&ved"),
            "waiting_parts": self.tr("Waiting for &parts"),
            "complete": self.tr("Co&mpleted…"),
            "reschedule": self.tr("&Reschedule…"),
            "unassign": self.tr("&Back to queue…"),
            "cancel": self.tr("Cance&l ticket…"),
            "open": self.tr("Open ticket"),
            "print": self.tr("Print work orders"),
        }
        tips = {
            "confirm": self.tr("The customer agreed the visit time (appointment confirmed)"),
            "arrived": self.tr("The technician is at the customer: in service"),
            "waiting_parts": self.tr("Waiting for parts: the service clock pauses"),
            "complete": self.tr("Record cause, work done and charges; the ticket is completed"),
            "reschedule": self.tr("Move the visit to another time; asks for the reason"),
            "unassign": self.tr(
                "Take the ticket from its technician back to the queue (or drop its card "
                "on the queue); asks for the reason"
            ),
            "cancel": self.tr("Cancel the ticket; asks for the reason"),
            "open": self.tr("Open the ticket (Ctrl+O, or double click its card)"),
            "print": self.tr(
                "Print the work orders of the technician chosen above for the day shown (Ctrl+P)"
            ),
        }
        self.buttons: dict[str, QPushButton] = {}
        for n, key in enumerate(ACTIONS):
            button = QPushButton(texts[key], objectName=f"action_{key}")
            button.setToolTip(tips[key])
            button.clicked.connect(lambda _=False, k=key: self.action_requested.emit(k))
            grid.addWidget(button, n // 2, n % 2)
            self.buttons[key] = button

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(fits, 1)
        layout.addWidget(form_box)
        layout.addWidget(acts)
        self.show_ticket(None, [], None, can_dispatch=False, can_complete=False)

    # ---------------------------------------------------------------- data

    def set_board(self, data: BoardData) -> None:
        """Refill the technician and start lists for the day shown, keeping the choices."""
        self.data = data
        tech_id, start = self.chosen()[:2]
        self._filling = True
        try:
            self.tech_combo.clear()
            for t in data.board.technicians:
                self.tech_combo.addItem(f"{t.name} — {load_text(t)}", t.id)
            self.start_combo.clear()
            self.start_combo.addItem(self.tr("No time yet"), None)
            scale = TimeScale(data, 1, 0)
            for n in range(scale.slots):
                moment = scale.slot_start(n)
                self.start_combo.addItem(fmt_time(moment, data.tz), moment)
        finally:
            self._filling = False
        self.choose(tech_id, start, announce=False)

    def chosen(self) -> tuple[int | None, datetime | None, timedelta]:
        tech_id = self.tech_combo.currentData()
        start = self.start_combo.currentData()
        length = timedelta(minutes=int(self.length_combo.currentData() or 60))
        return tech_id, start, length

    def choose(
        self, tech_id: int | None, start: datetime | None, *, announce: bool = False
    ) -> None:
        """Point the form at a technician and time (a click on the grid, a candidate)."""
        self._filling = True
        try:
            if tech_id is not None:
                at = self.tech_combo.findData(tech_id)
                if at >= 0:
                    self.tech_combo.setCurrentIndex(at)
            if start is None:
                self.start_combo.setCurrentIndex(0)
            else:
                at = next(
                    (
                        n
                        for n in range(1, self.start_combo.count())
                        if self.start_combo.itemData(n)
                        <= start
                        < self.start_combo.itemData(n) + SLOT
                    ),
                    -1,
                )
                if at >= 0:
                    self.start_combo.setCurrentIndex(at)
        finally:
            self._filling = False
        if announce:
            self._form_moved()

    def _form_moved(self) -> None:
        if self._filling:
            return
        tech_id, start, _length = self.chosen()
        if tech_id is not None:
            self.form_changed.emit(tech_id, start)

    def _assign_clicked(self) -> None:
        tech_id, start, length = self.chosen()
        if tech_id is not None:
            self.assign_requested.emit(tech_id, start, length)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.assign_button.isEnabled():
                self._assign_clicked()
            event.accept()
            return
        super().keyPressEvent(event)

    # ---------------------------------------------------------------- the selected ticket

    def show_ticket(
        self,
        ticket: BoardTicket | None,
        candidates: list[Candidate],
        clock: ClockState | None,
        *,
        can_dispatch: bool,
        can_complete: bool,
    ) -> None:
        self.ticket, self.candidates = ticket, candidates
        self.ranking.clear()
        if ticket is None or clock is None:
            self.title.setText(self.tr("No ticket selected"))
            self.facts.setText(
                self.tr(
                    "Pick a ticket in the queue or on the board. Drag it onto a technician "
                    "and time, or choose them below and press Enter."
                )
            )
            self.best_button.setText(self.tr("Assign to best (Ctrl+B)"))
            self.best_button.setEnabled(False)
            self.assign_button.setEnabled(False)
            for key, button in self.buttons.items():
                button.setEnabled(key == "print" and self.tech_combo.count() > 0)
            return
        self.title.setText(f"{ticket.number} · {labels.statuses()[ticket.status]}")
        self.facts.setText(self._facts(ticket, clock))
        why = reason_labels()
        for n, c in enumerate(candidates):
            slot = fmt_time(c.earliest_slot, self.data.tz) if c.earliest_slot and self.data else "—"
            item = QTreeWidgetItem(
                [
                    f"{c.technician.name} ({c.technician.visits}/{c.technician.capacity})",
                    slot,
                    ", ".join(why.get(r, r) for r in c.reasons),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, c.technician.id)
            for column in range(3):
                item.setToolTip(column, "\n".join(why.get(r, r) for r in c.reasons))
            if n == 0:
                font = QFont(item.font(0))
                font.setBold(True)
                item.setFont(0, font)
            self.ranking.addTopLevelItem(item)
        if candidates:
            self.ranking.setCurrentItem(self.ranking.topLevelItem(0))
        assignable = ticket.status in (S.NEW, S.WAITING_CUSTOMER, S.DISPATCHED, S.APPOINTED)
        best = candidates[0] if candidates else None
        if best is not None:
            when = (
                fmt_time(best.earliest_slot, self.data.tz)
                if best.earliest_slot and self.data
                else ""
            )
            self.best_button.setText(
                self.tr("Assign to best: %1 %2 (Ctrl+B)")
                .replace("%1", best.technician.name)
                .replace("%2", when)
                .replace("  ", " ")
            )
        self.best_button.setEnabled(can_dispatch and assignable and best is not None)
        self.assign_button.setEnabled(can_dispatch and assignable)
        if ticket.technician_id is not None:
            self.choose(ticket.technician_id, ticket.appointment_start, announce=False)
        elif ticket.preferred_start is not None:
            # booking starts from the time the customer asked for, when the day shows it
            self.choose(None, ticket.preferred_start, announce=False)
        fill_lengths(
            self.length_combo,
            (ticket.appointment_end - ticket.appointment_start)
            if ticket.appointment_start and ticket.appointment_end
            else default_length(ticket.kind),
        )
        nxt = allowed_next(ticket.status)
        booked = ticket.appointment_start is not None
        enabled = {
            "confirm": can_dispatch
            and booked
            and S.APPOINTED in nxt
            and ticket.status in (S.DISPATCHED, S.WAITING_PARTS, S.WAITING_CUSTOMER),
            "arrived": can_dispatch and ticket.technician_id is not None and S.IN_SERVICE in nxt,
            "waiting_parts": can_dispatch and S.WAITING_PARTS in nxt,
            "complete": can_complete and ticket.status is S.IN_SERVICE,
            "reschedule": can_dispatch and booked and ticket.technician_id is not None,
            "unassign": can_dispatch
            and ticket.technician_id is not None
            and ticket.status in (S.DISPATCHED, S.APPOINTED, S.WAITING_CUSTOMER),
            "cancel": S.CANCELLED in nxt,
            "open": True,
            "print": self.tech_combo.count() > 0,
        }
        for key, button in self.buttons.items():
            button.setEnabled(bool(enabled[key]))

    def _facts(self, t: BoardTicket, clock: ClockState) -> str:
        tz = self.data.tz if self.data else None
        rows = [
            (self.tr("Customer"), t.customer_name),
            (self.tr("Kind"), f"{labels.ticket_kinds()[t.kind]} · {labels.urgencies()[t.urgency]}"),
            (self.tr("Area"), t.area or "—"),
            (self.tr("Appliance"), t.appliance or "—"),
        ]
        if t.technician_id is not None and self.data is not None:
            tech = self.data.technicians.get(t.technician_id)
            rows.append((self.tr("Technician"), tech.name if tech else "?"))
        if t.appointment_start and t.appointment_end and tz is not None:
            rows.append(
                (
                    self.tr("Visit"),
                    f"{t.appointment_start.astimezone(tz).strftime('%m-%d')} "
                    f"{fmt_time(t.appointment_start, tz)}–{fmt_time(t.appointment_end, tz)}",
                )
            )
        wish = preferred_text(t, tz) if tz is not None else ""
        if wish:
            rows.append((self.tr("Customer asked for"), wish))
        rows.append((self.tr("Standard"), labels.clock_text(clock)))
        colour = labels.CLOCK_COLORS[clock.status]
        cells = []
        for n, (k, v) in enumerate(rows):
            style = f"color:{colour};font-weight:bold" if n == len(rows) - 1 else ""
            cells.append(
                f"<tr><td style='color:#555;padding-right:8px'>{html.escape(k)}</td>"
                f"<td style='{style}'>{html.escape(v)}</td></tr>"
            )
        body = "".join(cells)
        return f"<table>{body}</table>"

    def _show_why(self, item: QTreeWidgetItem | None) -> None:
        """The highlighted technician's reasons in full (the column is narrow)."""
        if item is None:
            self.why.clear()
            return
        self.why.setText(f"{item.text(0)}: {item.text(2)}")

    def _candidate_chosen(self, item: QTreeWidgetItem) -> None:
        tech_id = item.data(0, Qt.ItemDataRole.UserRole)
        found = next((c for c in self.candidates if c.technician.id == tech_id), None)
        if found is not None:
            self.choose(found.technician.id, found.earliest_slot, announce=True)
            self.assign_button.setFocus()
