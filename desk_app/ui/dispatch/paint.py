"""Painting the day grid: working hours, free slots, cards, the cursor, sticky header and columns.

Only what is in view is painted; the header and the left columns are drawn
last, at the scroll offset, so they stay put over the scrolled day.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen

from desk_app.services.dispatch.board import BoardTechnician, BoardTicket
from desk_app.ui.common import labels
from desk_app.ui.dispatch.cards import paint_card
from desk_app.ui.dispatch.model import SLOT, BoardData, TimeScale, fmt_day, fmt_time, load_text


class PaintedGrid(Protocol):
    """What the painter reads of the day grid (``grid.DayGrid`` is one); it paints only,
    the grid owns the layout. A protocol, so the grid imports the painter and not back."""

    techs: list[BoardTechnician]
    selected_id: int | None
    cursor_cell: tuple[int, int]
    now: datetime | None
    slot_px: int
    row_h: int
    scale: TimeScale
    data: BoardData

    @property
    def cards(self) -> list[tuple[QRectF, BoardTicket]]: ...

    @property
    def drop_indicator(self) -> tuple[int, int, float] | None: ...

    def chip_rects(self, row: int) -> list[tuple[QRectF, list[BoardTicket]]]: ...

    def font(self) -> QFont: ...

    def hasFocus(self) -> bool: ...


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
HEADER_H = 28
NAME_W = 170
NOTIME_W = 118
LEFT = NAME_W + NOTIME_W
CHIPS = 3  # tickets without a time shown per row before "+N more"

OFF_HOURS = "#e6e6e6"
FREE = "#e1f3e1"
STICKY = "#f3f5f8"
OVER = "#fde4e1"
LINE = "#d9d9d9"
LIGHT_LINE = "#efefef"


class GridPainter:
    def __init__(self, grid: PaintedGrid, visible: QRect) -> None:
        self.g = grid
        self.vis = visible
        self.p = QPainter(grid)

    def paint(self) -> None:
        g, p, vis = self.g, self.p, self.vis
        p.fillRect(vis, QColor("white"))
        if not g.techs:
            p.setPen(QColor("#555"))
            p.drawText(
                vis.adjusted(20, HEADER_H + 20, -20, -20),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                translate(
                    "DayGrid",
                    "No technicians to show. A manager adds technicians; "
                    "the technician filter may be hiding them.",
                ),
            )
            self._header()
            p.end()
            return
        rows = self._visible_rows()
        for row in rows:
            self._row_background(row, g.techs[row])
        self._lines(rows)
        for rect, ticket in g.cards:
            if rect.intersects(QRectF(vis)):
                paint_card(
                    p,
                    rect.toAlignedRect(),
                    ticket,
                    g.data.clock(ticket),
                    selected=ticket.id == g.selected_id,
                    font=g.font(),
                )
        self._now_line()
        self._drop_indicator()
        for row in rows:
            self._left_columns(row, g.techs[row])
        self._cursor()
        self._header()
        p.end()

    def _bold(self) -> QFont:
        font = QFont(self.g.font())
        font.setBold(True)
        return font

    def _visible_rows(self) -> range:
        g = self.g
        first = max(0, (self.vis.top() - HEADER_H) // g.row_h)
        last = min(len(g.techs) - 1, (self.vis.bottom() - HEADER_H) // g.row_h)
        return range(first, last + 1)

    def _row_top(self, row: int) -> int:
        return HEADER_H + row * self.g.row_h

    def _row_background(self, row: int, tech: BoardTechnician) -> None:
        g, p, s = self.g, self.p, self.g.scale
        top, h = self._row_top(row), g.row_h
        right = LEFT + s.width
        p.fillRect(QRectF(LEFT, top, s.width, h), QColor("#fbfbfb" if row % 2 else "white"))
        off = QBrush(QColor("#d2d2d2"), Qt.BrushStyle.BDiagPattern)
        # Off hours: before and after the technician's day, and the shop's breaks (lunch)
        # or the whole day when the shop is closed.
        periods = g.data.working_periods(tech)
        bounds = [s.start, *(t for period in periods for t in period), s.end]
        for a, b in zip(bounds[::2], bounds[1::2], strict=True):
            a, b = max(a, s.start), min(b, s.end)
            if b > a:
                rect = QRectF(s.x_for(a), top, s.x_for(b) - s.x_for(a), h)
                p.fillRect(rect, QColor(OFF_HOURS))
                p.fillRect(rect, off)
        if tech.visits < tech.capacity:
            for free_a, free_b in g.data.free_slots(tech):
                for work_a, work_b in periods:  # free, and working time (not the break)
                    a, b = max(free_a, work_a), min(free_b, work_b)
                    if b > a:
                        p.fillRect(
                            QRectF(s.x_for(a), top + 2, s.x_for(b) - s.x_for(a), h - 4),
                            QColor(FREE),
                        )
        p.setPen(QPen(QColor(LINE)))
        p.drawLine(LEFT, top + h, right, top + h)

    def _lines(self, rows: range) -> None:
        p, s = self.p, self.g.scale
        if not rows:
            return
        top, bottom = self._row_top(rows.start), self._row_top(rows.stop)
        for n in range(s.slots + 1):
            x = int(s.x_for(s.slot_start(n)))
            p.setPen(QPen(QColor(LINE if n % 2 == 0 else LIGHT_LINE)))
            p.drawLine(x, top, x, bottom)

    def _now_line(self) -> None:
        g, p, s = self.g, self.p, self.g.scale
        if g.now is None or not s.start <= g.now <= s.end:
            return
        x = int(s.x_for(g.now))
        p.setPen(QPen(QColor("#d93025"), 2))
        p.drawLine(x, HEADER_H, x, HEADER_H + len(g.techs) * g.row_h)

    def _cell_rect(self, row: int, slot: int, length: float = 1.0) -> QRectF:
        g, s = self.g, self.g.scale
        top = self._row_top(row)
        if slot < 0:
            return QRectF(self.vis.left() + NAME_W + 1, top + 1, NOTIME_W - 2, g.row_h - 2)
        x = s.x_for(s.slot_start(slot))
        width = min(length * g.slot_px, LEFT + s.width - x)
        return QRectF(x + 1, top + 1, width - 2, g.row_h - 2)

    def _drop_indicator(self) -> None:
        drop = self.g.drop_indicator
        if drop is None:
            return
        row, slot, length = drop
        rect = self._cell_rect(row, slot, length)
        colour = QColor("#1f5fbf")
        fill = QColor(colour)
        fill.setAlpha(45)
        self.p.fillRect(rect, fill)
        self.p.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
        self.p.drawRect(rect)
        if slot >= 0:
            start, tz = self.g.scale.slot_start(slot), self.g.scale.tz
            label = f"{fmt_time(start, tz)}–{fmt_time(start + SLOT * length, tz)}"
            self.p.drawText(rect.adjusted(4, 2, 0, 0), Qt.AlignmentFlag.AlignTop, label)

    def _cursor(self) -> None:
        g = self.g
        if not g.hasFocus() or not g.techs:
            return
        row, slot = g.cursor_cell
        self.p.setPen(QPen(QColor("#1f5fbf"), 2, Qt.PenStyle.DashLine))
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        self.p.drawRect(self._cell_rect(row, slot).adjusted(1, 1, -1, -1))

    def _left_columns(self, row: int, tech: BoardTechnician) -> None:
        g, p = self.g, self.p
        x0, top, h = self.vis.left(), self._row_top(row), g.row_h
        over = tech.over_capacity
        p.fillRect(QRect(x0, top, NAME_W, h), QColor(OVER if over else STICKY))
        p.fillRect(QRect(x0 + NAME_W, top, NOTIME_W, h), QColor("#f8f8f8"))
        p.setPen(QPen(QColor(LINE)))
        p.drawLine(x0, top + h, x0 + LEFT, top + h)
        p.drawLine(x0 + NAME_W, top, x0 + NAME_W, top + h)
        p.drawLine(x0 + LEFT, top, x0 + LEFT, top + h)
        name, load = tech.name, load_text(tech)
        bold = self._bold()
        step = QFontMetrics(bold).lineSpacing()
        p.setFont(bold)
        p.setPen(QColor("#b3261e" if over else "#202020"))
        text = ("⚠ " if over else "") + name
        p.drawText(QRect(x0 + 8, top + 4, NAME_W - 12, step), Qt.AlignmentFlag.AlignLeft, text)
        p.setFont(g.font())
        p.setPen(QColor("#b3261e" if over else "#444444"))
        metrics = QFontMetrics(g.font())
        p.drawText(
            QRect(x0 + 8, top + 4 + step, NAME_W - 12, step),
            Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(load, Qt.TextElideMode.ElideRight, NAME_W - 12),
        )
        areas = " ".join(tech.areas)
        if areas:
            p.setPen(QColor("#666666"))
            p.drawText(
                QRect(x0 + 8, top + 4 + 2 * step, NAME_W - 12, step),
                Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(areas, Qt.TextElideMode.ElideRight, NAME_W - 12),
            )
        self._load_bar(QRectF(x0 + 8, top + h - 9, NAME_W - 16, 5), tech)
        for rect, group in g.chip_rects(row):
            self._chip(rect, group)

    def _load_bar(self, rect: QRectF, tech: BoardTechnician) -> None:
        p = self.p
        p.fillRect(rect, QColor("#dddddd"))
        if tech.capacity <= 0:
            return
        share = min(tech.visits / tech.capacity, 1.0)
        ordinary = tech.capacity - tech.reserve
        colour = "#1b7f3b" if tech.visits <= ordinary else "#b36b00"
        if tech.over_capacity:
            colour = "#b3261e"
        p.fillRect(
            QRectF(rect.left(), rect.top(), rect.width() * share, rect.height()), QColor(colour)
        )
        if 0 < ordinary < tech.capacity:  # where the emergency reserve begins
            x = rect.left() + rect.width() * ordinary / tech.capacity
            p.setPen(QPen(QColor("#555555")))
            p.drawLine(int(x), int(rect.top()) - 1, int(x), int(rect.bottom()) + 1)

    def _chip(self, rect: QRectF, group: list) -> None:  # type: ignore[type-arg]
        g, p = self.g, self.p
        first = group[0]
        clock = g.data.clock(first)
        selected = len(group) == 1 and first.id == g.selected_id
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(QColor("#1f5fbf" if selected else "#b0b0b0"), 2 if selected else 1))
        p.setBrush(QColor("white"))
        p.drawRoundedRect(rect, 3, 3)
        p.fillRect(
            QRectF(rect.left() + 1, rect.top() + 1, 4, rect.height() - 2),
            QColor(labels.CLOCK_COLORS[clock.status]),
        )
        text = (
            first.number
            if len(group) == 1
            else translate("DayGrid", "+%1 more…").replace("%1", str(len(group)))
        )
        small = QFont(g.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() - 1))
        p.setFont(small)
        p.setPen(QColor("#202020"))
        metrics = QFontMetrics(small)
        p.drawText(
            rect.adjusted(8, 0, -2, 0),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width()) - 10),
        )

    def _header(self) -> None:
        g, p, s = self.g, self.p, self.g.scale
        x0, y0 = self.vis.left(), self.vis.top()
        p.fillRect(QRect(x0, y0, self.vis.width(), HEADER_H), QColor("#e8ecf1"))
        p.setFont(self._bold())
        p.setPen(QColor("#303030"))
        for mark in s.hour_marks():
            x = int(s.x_for(mark))
            if x < x0 + LEFT - 1:
                continue
            p.drawLine(x, y0 + HEADER_H - 6, x, y0 + HEADER_H)
            p.drawText(
                QRect(x + 3, y0, 60, HEADER_H), Qt.AlignmentFlag.AlignVCenter, fmt_time(mark, s.tz)
            )
        p.fillRect(QRect(x0, y0, LEFT, HEADER_H), QColor("#dde3ea"))
        p.drawText(
            QRect(x0 + 8, y0, NAME_W - 8, HEADER_H), Qt.AlignmentFlag.AlignVCenter, fmt_day(s.day)
        )
        p.setFont(g.font())
        p.drawText(
            QRect(x0 + NAME_W + 6, y0, NOTIME_W - 8, HEADER_H),
            Qt.AlignmentFlag.AlignVCenter,
            translate("DayGrid", "No time yet"),
        )
        p.setPen(QPen(QColor("#b8c0ca")))
        p.drawLine(x0, y0 + HEADER_H - 1, x0 + self.vis.width(), y0 + HEADER_H - 1)
