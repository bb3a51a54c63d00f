"""派工看板: technicians against the day's time, the unassigned queue, who fits, and dispatching.

The screen loads the whole day in one background read (``services.board``),
re-colours the clocks every ``TICK_MS`` from what it loaded (no read per
tick), and reloads when the desk's ChangeHub says a ticket, technician or
customer changed, here or on another PC. Writes live in ``board_actions``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.permissions import Perm
from desk_app.services.dispatch import board as board_service
from desk_app.services.dispatch.board import Board, BoardTicket, Filters
from desk_app.ui.common import errors
from desk_app.ui.common.changes import Changes
from desk_app.ui.common.context import Desk
from desk_app.ui.common.persist import restore_splitter, save_splitter
from desk_app.ui.common.widgets import Banner
from desk_app.ui.dispatch.actions import BoardActions
from desk_app.ui.dispatch.cards import ID_ROLE, QueueModel, QueueView
from desk_app.ui.dispatch.day_print import DayPrinter
from desk_app.ui.dispatch.grid import DayGrid
from desk_app.ui.dispatch.model import BoardData, TicketRef, fmt_day
from desk_app.ui.dispatch.panel import BoardPanel
from desk_app.ui.dispatch.toolbar import BoardToolbar

TICK_MS = 30_000
RELOAD_DELAY_MS = 120  # a burst of changes (a batch save) reloads once
WATCHED = ("ticket", "technician", "customer", "appliance", "setting")


class DispatchBoard(QWidget):
    """The dispatch board screen (the main window's F4).

    ``open_ticket(id)``: the dispatcher wants that ticket opened (double click,
    Ctrl+Enter, Ctrl+O). ``refresh()`` reloads the day; the board also reloads
    by itself on the desk's ChangeHub and when first shown.
    """

    open_ticket = Signal(int)
    #: a load was applied (tests and the benchmark wait for it)
    loaded = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dispatchBoard")
        self.desk = desk
        self.can_dispatch = desk.can(Perm.DISPATCH)
        self.can_complete = desk.can(Perm.COMPLETE_TICKETS)
        self.day: date = desk.now().astimezone(desk.tz).date()
        self.filters = Filters()
        self.data = BoardData.empty(self.day, desk.tz)
        self.selected_id: int | None = None
        self.dialog: QWidget | None = None  # the last question asked (tests answer it)
        self._stale = True  # loaded when first shown: a desk that never opens it pays nothing
        self.actions = BoardActions(self)
        self.printer = DayPrinter(self)

        self.toolbar = BoardToolbar(self.day)
        self.banner = Banner(self)
        self.capacity = QLabel(objectName="capacityWarning", wordWrap=True)
        self.capacity.setStyleSheet(
            "background: #fdecea; color: #8c1d18; border: 1px solid #f0b8b3; padding: 4px;"
        )
        self.capacity.hide()

        self.queue_model = QueueModel(self)
        self.queue = QueueView()
        self.queue.setModel(self.queue_model)
        self.queue_title = QLabel(objectName="queueTitle")
        self.queue_title.setBuddy(self.queue)
        queue_box = QWidget()
        queue_layout = QVBoxLayout(queue_box)
        queue_layout.setContentsMargins(0, 0, 4, 0)
        queue_layout.addWidget(self.queue_title)
        queue_layout.addWidget(self.queue, 1)

        self.grid = DayGrid(self.data)
        self.grid_area = QScrollArea(objectName="boardGridArea")
        self.grid.attach(self.grid_area)
        self.panel = BoardPanel()
        panel_area = QScrollArea()
        panel_area.setWidget(self.panel)
        panel_area.setWidgetResizable(True)
        panel_area.setMinimumWidth(340)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="boardSplitter")
        self.splitter.addWidget(queue_box)
        self.splitter.addWidget(self.grid_area)
        self.splitter.addWidget(panel_area)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([270, 900, 360])
        self.summary = QLabel(objectName="boardSummary")

        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.banner)
        layout.addWidget(self.capacity)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.summary)

        self.queue_model.can_drag = self.grid.can_drag = self.can_dispatch
        self.queue.selectionModel().currentChanged.connect(self._queue_current)
        self.queue.place_requested.connect(self._place_from_form)
        self.queue.open_requested.connect(self.open_ticket)
        self.queue.unassign_requested.connect(self.actions.unassign)
        self.grid.ticket_selected.connect(self.select)
        self.grid.open_requested.connect(self.open_ticket)
        self.grid.ticket_dropped.connect(self._dropped)
        self.grid.cell_chosen.connect(lambda t, s: self.panel.choose(t, s))
        self.grid.place_requested.connect(self._place_selected)
        self.panel.assign_requested.connect(self._place_selected)
        self.panel.best_requested.connect(self.assign_best)
        self.panel.action_requested.connect(self._action)
        self.panel.form_changed.connect(self.grid.cursor_to)
        self._shortcuts()

        self._reload_timer = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.refresh)
        self.clock_timer = QTimer(self, interval=TICK_MS)
        self.clock_timer.timeout.connect(self.tick)
        self.clock_timer.start()
        desk.changes.changed.connect(self._changed)
        self.toolbar.day_chosen.connect(self.set_day)
        self.toolbar.today_button.clicked.connect(
            lambda: self.set_day(self.desk.now().astimezone(self.desk.tz).date())
        )
        self.toolbar.filters_changed.connect(self._filters_chosen)
        self.toolbar.refresh_requested.connect(self.refresh)
        restore_splitter(desk.settings, "board", self.splitter)

    def _shortcuts(self) -> None:
        pairs = (
            ("Alt+Left", lambda: self.toolbar.step(-1)),
            ("Alt+Right", lambda: self.toolbar.step(1)),
            ("Ctrl+B", self.assign_best),
            ("Ctrl+O", lambda: self._action("open")),
            ("Ctrl+P", lambda: self._action("print")),
            ("Ctrl+R", self.refresh),
            ("Ctrl+1", self.queue.setFocus),
            ("Ctrl+2", self.grid.setFocus),
            ("Ctrl+3", self.panel.tech_combo.setFocus),
            ("Ctrl+=", lambda: self.grid.set_slot_px(self.grid.slot_px + 8)),
            ("Ctrl+-", lambda: self.grid.set_slot_px(self.grid.slot_px - 8)),
        )
        for keys, slot in pairs:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # ---------------------------------------------------------------- loading

    def refresh(self) -> None:
        """Reload the day from the database in the background (older answers are dropped)."""
        self._stale = False
        db, actor, day, filters = self.desk.db, self.desk.actor, self.day, self.filters
        self.desk.ops.run(
            lambda: board_service.load_board(db, actor, day, filters),
            on_success=self._loaded,
            on_failure=lambda error: errors.show_error(self, error, self.desk.tz),
            key=f"board.load.{id(self)}",
            owner=self,
        )

    def _loaded(self, board: Board) -> None:
        if board.day != self.day:
            return
        self.data = BoardData(board)  # its clocks are as of the load: no tick needed
        self.grid.now = board.loaded_at or self.desk.now()
        self.queue_model.set_board(self.data)
        self.grid.set_board(self.data)
        self.panel.set_board(self.data)
        self.toolbar.learn(self.data)
        if self.selected_id not in self.data.tickets:
            self.selected_id = None
        self.select(self.selected_id)
        self._show_totals()
        self.loaded.emit()

    def _changed(self, changes: Changes) -> None:
        if not any(changes.touches(entity) for entity in WATCHED):
            return
        if self.isVisible():
            self._reload_timer.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
        else:
            self.tick()

    def tick(self) -> None:
        """Move every clock on to now from the loaded data (no database read).

        Skipped while the board is hidden; showing it ticks at once."""
        if not self.isVisible():
            return
        now = self.desk.now()
        self.data.tick(now)
        self.grid.now = now
        self.queue_model.clocks_changed()
        self.grid.update()
        self._show_totals()
        self.select(self.selected_id)

    # ---------------------------------------------------------------- day and filters

    def set_day(self, day: date) -> None:
        if day == self.day:
            return
        self.day = day
        self.data = BoardData.empty(day, self.desk.tz)
        self.toolbar.show_day(day)
        self.refresh()

    def _filters_chosen(self, filters: Filters) -> None:
        self.filters = filters
        self.refresh()

    def _show_totals(self) -> None:
        c = self.data.counts()
        self.queue_title.setText(
            self.tr("&Unassigned: %1 (%2 overdue, %3 at risk)")
            .replace("%1", str(c["queue"]))
            .replace("%2", str(c["overdue"]))
            .replace("%3", str(c["at_risk"]))
        )
        self.summary.setText(
            self.tr("%1: %2 of %3 visits booked for %4 technicians · %5 assigned without a time")
            .replace("%1", fmt_day(self.day))
            .replace("%2", str(c["visits"]))
            .replace("%3", str(c["capacity"]))
            .replace("%4", str(c["technicians"]))
            .replace("%5", str(c["unscheduled"]))
        )
        over = self.data.over_capacity()
        if over:
            names = ", ".join(f"{t.name} ({t.visits}/{t.capacity})" for t in over)
            self.capacity.setText(
                self.tr("⚠ Over capacity on %1: %2")
                .replace("%1", fmt_day(self.day))
                .replace("%2", names)
            )
        self.capacity.setVisible(bool(over))

    # ---------------------------------------------------------------- selection

    @property
    def selected(self) -> BoardTicket | None:
        return self.data.tickets.get(self.selected_id) if self.selected_id is not None else None

    def select(self, ticket_id: int | None) -> None:
        """Show this ticket in the panel with who fits it (None: nothing selected)."""
        self.selected_id = ticket_id
        self.grid.select(ticket_id)
        t = self.selected
        row = self.queue_model.row_of(ticket_id) if ticket_id is not None else None
        if row is None:
            self.queue.selectionModel().clearSelection()
        elif self.queue.currentIndex().row() != row:
            self.queue.setCurrentIndex(self.queue_model.index(row))
        candidates = (
            board_service.rank_technicians(self.data.board, t, now=self._rank_now())
            if t is not None
            else []
        )
        self.panel.show_ticket(
            t,
            candidates,
            self.data.clock(t) if t else None,
            can_dispatch=self.can_dispatch,
            can_complete=self.can_complete,
        )

    def _rank_now(self) -> datetime:
        now = self.desk.now()
        return max(now, self.grid.scale.start)

    def _queue_current(self) -> None:
        ticket_id = self.queue.currentIndex().data(ID_ROLE)
        if ticket_id is not None and ticket_id != self.selected_id:
            self.select(int(ticket_id))

    # ---------------------------------------------------------------- placing tickets

    def say(self, text: str, kind: str = "info") -> None:
        self.banner.show_message(text, kind)

    def _dropped(self, ref: TicketRef, tech_id: int, start: datetime | None) -> None:
        self.select(ref.id if ref.id in self.data.tickets else self.selected_id)
        self.actions.place(ref, tech_id, start, ref.length)

    def _place_selected(
        self, tech_id: int, start: datetime | None, length: timedelta | None = None
    ) -> None:
        t = self.selected
        if t is None:
            self.say(self.tr("Pick a ticket first (in the queue or on the board)."), "warning")
            return
        if length is None:
            length = self.panel.chosen()[2]
        self.actions.place(TicketRef.of(t), tech_id, start, length)

    def _place_from_form(self) -> None:
        tech_id, start, length = self.panel.chosen()
        if tech_id is not None:
            self._place_selected(tech_id, start, length)

    def assign_best(self) -> None:
        """Give the selected ticket to the best-ranked technician at their earliest free slot."""
        t, candidates = self.selected, self.panel.candidates
        if t is None or not candidates or not self.panel.best_button.isEnabled():
            return
        best = candidates[0]
        self.actions.place(
            TicketRef.of(t), best.technician.id, best.earliest_slot, self.panel.chosen()[2]
        )

    def _action(self, key: str) -> None:
        t = self.selected
        if key == "print":
            self.printer.print_day(self.panel.chosen()[0] or (t.technician_id if t else None))
        elif t is not None and (key == "open" or self.panel.buttons[key].isEnabled()):
            self.actions.act(key, t)

    # ---------------------------------------------------------------- state

    def save_state(self, settings: QSettings) -> None:
        save_splitter(settings, "board", self.splitter)

    def restore_state(self, settings: QSettings) -> None:
        restore_splitter(settings, "board", self.splitter)
