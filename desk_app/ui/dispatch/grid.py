"""The day grid: one row per technician, half-hour columns, visits as cards at their times.

Painted in one widget (no widget per card) inside a QScrollArea. The header
(hours) and the left columns (technician with their load, tickets assigned
without a time) stay in view while the day scrolls: they are painted at the
scroll offset, so every scroll repaints the grid.

Drops are handled by ``drop_ticket(mime, pos)``, which ``dropEvent`` calls and
tests call with real mime data; the keyboard does everything a drag does
(arrows move the cursor, Space picks up the card under it, Enter places the
picked ticket there).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QMimeData, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPaintEvent,
)
from PySide6.QtWidgets import QApplication, QMenu, QScrollArea, QWidget

from desk_app.services.dispatch.board import BoardTechnician, BoardTicket
from desk_app.ui.dispatch.cards import card_height, card_pixmap
from desk_app.ui.dispatch.model import SLOT, BoardData, TicketRef, TimeScale, card_tooltip
from desk_app.ui.dispatch.paint import CHIPS, HEADER_H, LEFT, NAME_W, NOTIME_W, GridPainter

Target = tuple[int, datetime | None]  # technician id, visit start (None: no time yet)


class DayGrid(QWidget):
    ticket_selected = Signal(int)
    open_requested = Signal(int)
    #: a ticket was dropped: TicketRef, technician id, start (datetime, or None for no time)
    ticket_dropped = Signal(object, int, object)
    #: the cursor moved to a cell (click or arrows): technician id, start or None
    cell_chosen = Signal(int, object)
    #: Enter at the cursor: place the picked ticket at technician id, start or None
    place_requested = Signal(int, object)

    def __init__(self, data: BoardData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardGrid")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.setMouseTracking(True)
        self.slot_px = 48
        self.can_drag = True
        self.selected_id: int | None = None
        self.cursor_cell: tuple[int, int] = (0, 0)  # row, slot (-1: the no-time column)
        self._drop: tuple[int, int, float] | None = None  # row, slot, length in slots
        self._press: tuple[QPoint, BoardTicket] | None = None
        self._cards: list[tuple[QRectF, BoardTicket]] = []
        self._area: QScrollArea | None = None
        self.now: datetime | None = None
        self.set_board(data)

    # ---------------------------------------------------------------- data

    def attach(self, area: QScrollArea) -> None:
        """Live in ``area``; the sticky header and columns need a repaint on every scroll."""
        self._area = area
        area.setWidget(self)
        area.setWidgetResizable(True)
        area.horizontalScrollBar().valueChanged.connect(self.update)
        area.verticalScrollBar().valueChanged.connect(self.update)

    def set_board(self, data: BoardData) -> None:
        self.data = data
        self.techs: list[BoardTechnician] = list(data.board.technicians)
        self.scale = TimeScale(data, self.slot_px, LEFT)
        self.row_h = card_height(self.font()) + 8
        row, slot = self.cursor_cell
        self.cursor_cell = (min(row, max(len(self.techs) - 1, 0)), min(slot, self.scale.slots - 1))
        self._layout_cards()
        self.setMinimumSize(self.sizeHint())
        self.updateGeometry()
        self.update()

    def set_slot_px(self, px: int) -> None:
        self.slot_px = max(20, min(120, px))
        self.set_board(self.data)

    def sizeHint(self) -> QSize:
        return QSize(LEFT + self.scale.width + 1, HEADER_H + len(self.techs) * self.row_h + 1)

    def _layout_cards(self) -> None:
        """Card rectangles in content coordinates; overlapping visits share the row in lanes."""
        self._cards = []
        for row, tech in enumerate(self.techs):
            visits = [v for v in self.data.booked(tech.id) if v.appointment_start]
            lanes: list[datetime] = []
            placed: list[tuple[BoardTicket, int]] = []
            for v in visits:
                assert v.appointment_start is not None and v.appointment_end is not None
                lane = next((n for n, end in enumerate(lanes) if end <= v.appointment_start), None)
                if lane is None:
                    lanes.append(v.appointment_end)
                    lane = len(lanes) - 1
                else:
                    lanes[lane] = v.appointment_end
                placed.append((v, lane))
            height = (self.row_h - 6) / max(len(lanes), 1)
            top = HEADER_H + row * self.row_h + 3
            for v, lane in placed:
                assert v.appointment_start is not None and v.appointment_end is not None
                x1 = self.scale.x_for(v.appointment_start)
                x2 = max(self.scale.x_for(v.appointment_end), x1 + 12)
                self._cards.append((QRectF(x1, top + lane * height, x2 - x1, height), v))

    def card_rect(self, ticket_id: int) -> QRectF | None:
        """Where a booked visit's card is (content coordinates); tests aim drags with it."""
        return next((r for r, t in self._cards if t.id == ticket_id), None)

    def row_of(self, technician_id: int) -> int | None:
        return next((n for n, t in enumerate(self.techs) if t.id == technician_id), None)

    def cards_in_row(self, technician_id: int) -> list[BoardTicket]:
        return [t for _r, t in self._cards if t.technician_id == technician_id]

    # ---------------------------------------------------------------- geometry

    def _origin(self) -> QPoint:
        return QPoint(-self.x(), -self.y()) if self._area is not None else QPoint(0, 0)

    def _visible(self) -> QRect:
        if self._area is not None:
            return QRect(self._origin(), self._area.viewport().size())
        return self.rect()

    def point_for(self, technician_id: int, start: datetime | None) -> QPoint:
        """A point inside the cell of that technician and time (as a drop would aim)."""
        row = self.row_of(technician_id)
        assert row is not None
        y = HEADER_H + row * self.row_h + self.row_h // 2
        if start is None:
            return self._origin() + QPoint(NAME_W + NOTIME_W // 2, 0) + QPoint(0, y)
        return QPoint(int(self.scale.x_for(start)) + self.slot_px // 2, y)

    def target_at(self, pos: QPoint) -> Target | None:
        """The technician and time a drop at ``pos`` (widget coordinates) would book."""
        row, slot = self._cell_at(pos)
        if row is None:
            return None
        tech = self.techs[row]
        return tech.id, None if slot < 0 else self.scale.slot_start(slot)

    def _cell_at(self, pos: QPoint) -> tuple[int | None, int]:
        o = self._origin()
        if pos.y() < o.y() + HEADER_H or not self.techs:
            return None, 0
        row = (pos.y() - HEADER_H) // self.row_h
        if not 0 <= row < len(self.techs):
            return None, 0
        if pos.x() < o.x() + LEFT:
            return row, -1
        slot = self.scale.slot_at(pos.x())
        return (row, slot) if slot is not None else (None, 0)

    def _chip_rects(self, row: int) -> list[tuple[QRectF, list[BoardTicket]]]:
        """The no-time column's chips of a row: one ticket each, the last maybe "+N"."""
        waiting = self.data.unscheduled(self.techs[row].id)
        if not waiting:
            return []
        shown = waiting[:CHIPS] if len(waiting) <= CHIPS else waiting[: CHIPS - 1]
        groups = [[t] for t in shown]
        if len(waiting) > CHIPS:
            groups.append(waiting[CHIPS - 1 :])
        o = self._origin()
        h = (self.row_h - 6) / CHIPS
        top = HEADER_H + row * self.row_h + 3
        left = o.x() + NAME_W + 3
        return [
            (QRectF(left, top + n * h, NOTIME_W - 6, h - 2), group)
            for n, group in enumerate(groups)
        ]

    def _ticket_at(self, pos: QPoint) -> BoardTicket | list[BoardTicket] | None:
        row, slot = self._cell_at(pos)
        if row is None:
            return None
        if slot < 0:
            for rect, group in self._chip_rects(row):
                if rect.contains(QPointF(pos)):
                    return group[0] if len(group) == 1 else group
            return None
        return next((t for r, t in reversed(self._cards) if r.contains(QPointF(pos))), None)

    # ---------------------------------------------------------------- keyboard

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row, slot = self.cursor_cell
        key = event.key()
        moves = {
            Qt.Key.Key_Left: (0, -1),
            Qt.Key.Key_Right: (0, 1),
            Qt.Key.Key_Up: (-1, 0),
            Qt.Key.Key_Down: (1, 0),
            Qt.Key.Key_PageUp: (-5, 0),
            Qt.Key.Key_PageDown: (5, 0),
        }
        if key in moves and self.techs:
            dr, ds = moves[key]
            self.set_cursor(row + dr, slot + ds)
        elif key == Qt.Key.Key_Home:
            self.set_cursor(row, -1)
        elif key == Qt.Key.Key_End:
            self.set_cursor(row, self.scale.slots - 1)
        elif key == Qt.Key.Key_Space and self.techs:
            self._pick_at_cursor()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.techs:
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                if self.selected_id is not None:
                    self.open_requested.emit(self.selected_id)
            else:
                tech_id, start = self._cursor_target()
                self.place_requested.emit(tech_id, start)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def set_cursor(self, row: int, slot: int) -> None:
        if not self.techs:
            return
        row = max(0, min(len(self.techs) - 1, row))
        slot = max(-1, min(self.scale.slots - 1, slot))
        self.cursor_cell = (row, slot)
        if self._area is not None:
            y = HEADER_H + row * self.row_h
            x = int(self.scale.x_for(self.scale.slot_start(max(slot, 0))))
            self._area.ensureVisible(x, y + self.row_h // 2, LEFT + 10, self.row_h)
        tech_id, start = self._cursor_target()
        self.cell_chosen.emit(tech_id, start)
        self.update()

    def cursor_to(self, technician_id: int, start: datetime | None) -> None:
        """Put the cursor on a technician and time without announcing it (the form moved)."""
        row = self.row_of(technician_id)
        if row is not None:
            self.cursor_cell = (row, -1 if start is None else self.scale.slot_of(start))
            self.update()

    def _cursor_target(self) -> Target:
        row, slot = self.cursor_cell
        return self.techs[row].id, None if slot < 0 else self.scale.slot_start(slot)

    def _pick_at_cursor(self) -> None:
        """Space: pick the card at the cursor; again cycles through cards sharing the cell."""
        row, slot = self.cursor_cell
        tech = self.techs[row]
        if slot < 0:
            found = self.data.unscheduled(tech.id)
        else:
            start = self.scale.slot_start(slot)
            end = start + SLOT
            found = [
                t
                for t in self.cards_in_row(tech.id)
                if t.appointment_start and t.appointment_end
                if t.appointment_start < end and t.appointment_end > start
            ]
        if not found:
            return
        ids = [t.id for t in found]
        nxt = (
            ids[(ids.index(self.selected_id) + 1) % len(ids)] if self.selected_id in ids else ids[0]
        )
        self.select(nxt)
        self.ticket_selected.emit(nxt)

    def select(self, ticket_id: int | None) -> None:
        self.selected_id = ticket_id
        self.update()

    # ---------------------------------------------------------------- mouse

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus()
        pos = event.position().toPoint()
        found = self._ticket_at(pos)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if isinstance(found, list):
            self._choose_from(found, event.globalPosition().toPoint())
            return
        row, slot = self._cell_at(pos)
        if row is not None:
            self.cursor_cell = (row, slot)
        if found is not None:
            self._press = (pos, found)
            self.select(found.id)
            self.ticket_selected.emit(found.id)
        elif row is not None:
            tech_id, start = self._cursor_target()
            self.cell_chosen.emit(tech_id, start)
        self.update()

    def _choose_from(self, tickets: list[BoardTicket], where: QPoint) -> None:
        menu = QMenu(self)
        for t in tickets:
            action = menu.addAction(f"{t.number}  {t.customer_name}")
            action.triggered.connect(lambda _=False, i=t.id: self._chosen(i))
        menu.popup(where)

    def _chosen(self, ticket_id: int) -> None:
        self.select(ticket_id)
        self.ticket_selected.emit(ticket_id)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            found = self._ticket_at(pos)
            tip = (
                card_tooltip(found, self.data.clock(found), self.data.tz)
                if isinstance(found, BoardTicket)
                else ""
            )
            self.setToolTip(tip)
            return
        start, ticket = self._press
        if (pos - start).manhattanLength() < QApplication.startDragDistance() or not self.can_drag:
            return
        self._press = None
        self.start_drag(ticket)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        found = self._ticket_at(event.position().toPoint())
        if isinstance(found, BoardTicket):
            self.open_requested.emit(found.id)

    def start_drag(self, ticket: BoardTicket) -> Qt.DropAction:
        drag = QDrag(self)
        drag.setMimeData(TicketRef.of(ticket).to_mime())
        rect = self.card_rect(ticket.id)
        size = QSize(max(int(rect.width()) if rect else 0, 160), self.row_h - 6)
        drag.setPixmap(card_pixmap(ticket, self.data.clock(ticket), size, self.font()))
        drag.setHotSpot(QPoint(12, 12))
        return drag.exec(Qt.DropAction.MoveAction)

    # ---------------------------------------------------------------- drops

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if TicketRef.from_mime(event.mimeData()) is not None and self.can_drag:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        ref = TicketRef.from_mime(event.mimeData())
        row, slot = self._cell_at(event.position().toPoint())
        if ref is None or row is None or not self.can_drag:
            self._drop = None
            event.ignore()
        else:
            self._drop = (row, slot, ref.length / SLOT)
            event.acceptProposedAction()
        self.update()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._drop = None
        self.update()

    def dropEvent(self, event: QDropEvent) -> None:
        self._drop = None
        self.update()
        if self.drop_ticket(event.mimeData(), event.position().toPoint()):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def drop_ticket(self, mime: QMimeData, pos: QPoint) -> bool:
        """Handle a ticket dropped at ``pos``: emits ``ticket_dropped``; False if refused."""
        ref = TicketRef.from_mime(mime)
        target = self.target_at(pos)
        if ref is None or target is None or not self.can_drag:
            return False
        tech_id, start = target
        self.cursor_cell = self._cell_at(pos)  # type: ignore[assignment]
        self.ticket_dropped.emit(ref, tech_id, start)
        return True

    # ---------------------------------------------------------------- painting

    def paintEvent(self, event: QPaintEvent) -> None:
        GridPainter(self, self._visible()).paint()

    # What the painter reads (it paints only; the grid owns the layout).
    @property
    def cards(self) -> list[tuple[QRectF, BoardTicket]]:
        return self._cards

    @property
    def drop_indicator(self) -> tuple[int, int, float] | None:
        return self._drop

    def chip_rects(self, row: int) -> list[tuple[QRectF, list[BoardTicket]]]:
        return self._chip_rects(row)
