"""Ticket cards: how one is painted, and the unassigned queue as a list of cards.

The same ``paint_card`` draws a card in the queue, on the day grid and as the
picture under the mouse while dragging, so a ticket looks the same everywhere.
The queue is a model and a view (Qt's item views), never one widget per ticket:
600 waiting tickets cost 600 rows of data, not 600 widgets.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desk_app.domain.clock import ClockState
from desk_app.domain.enums import Urgency
from desk_app.services.dispatch.board import BoardTicket
from desk_app.ui.common import labels
from desk_app.ui.dispatch.model import (
    CLOCK_BACKGROUNDS,
    TICKET_MIME,
    URGENCY_COLORS,
    BoardData,
    TicketRef,
    card_lines,
    card_tooltip,
)

Index = QModelIndex | QPersistentModelIndex
TICKET_ROLE = Qt.ItemDataRole.UserRole + 1
CLOCK_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 3
SELECTED_BORDER = "#1f5fbf"


def card_height(font: QFont, lines: int = 4) -> int:
    return QFontMetrics(font).lineSpacing() * lines + 10


def paint_card(
    painter: QPainter,
    rect: QRect,
    ticket: BoardTicket,
    clock: ClockState,
    *,
    selected: bool = False,
    font: QFont | None = None,
    tz: ZoneInfo | None = None,
) -> None:
    """One card: tinted by the clock, a stripe in its colour, an urgency badge, four lines.

    Lines that do not fit the height are left out from the third on (the clock,
    last, is kept); each line is elided to the width.
    """
    painter.save()
    base = QFont(font) if font is not None else QFont(painter.font())
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    box = QRectF(rect).adjusted(1, 1, -1, -1)
    painter.setPen(QPen(QColor(SELECTED_BORDER if selected else "#a8a8a8"), 2 if selected else 1))
    painter.setBrush(QColor(CLOCK_BACKGROUNDS[clock.status]))
    painter.drawRoundedRect(box, 4, 4)
    stripe = QRectF(box.left(), box.top(), 5, box.height())
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(labels.CLOCK_COLORS[clock.status]))
    painter.drawRoundedRect(stripe, 2, 2)

    inner = rect.adjusted(9, 4, -4, -3)
    metrics = QFontMetrics(base)
    step = metrics.lineSpacing()
    lines = card_lines(ticket, clock, tz)
    room = max(1, inner.height() // step)
    if room < len(lines):
        lines = [*lines[: room - 1], lines[-1]] if room > 1 else lines[:1]
    badge_w = 0
    if ticket.urgency is not Urgency.NORMAL:
        badge = labels.urgencies()[ticket.urgency]
        small = QFont(base)
        small.setPointSizeF(max(6.0, base.pointSizeF() - 1))
        badge_w = QFontMetrics(small).horizontalAdvance(badge) + 8
        if inner.width() > badge_w + 40:
            badge_rect = QRectF(inner.right() - badge_w, inner.top() + 1, badge_w, step - 2)
            painter.setBrush(QColor(URGENCY_COLORS[ticket.urgency]))
            painter.drawRoundedRect(badge_rect, 3, 3)
            painter.setPen(QColor("white"))
            painter.setFont(small)
            painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
        else:
            badge_w = 0
    y = inner.top()
    for n, text in enumerate(lines):
        last = n == len(lines) - 1
        f = QFont(base)
        f.setBold(n == 0)
        painter.setFont(f)
        painter.setPen(QColor(labels.CLOCK_COLORS[clock.status] if last else "#202020"))
        width = inner.width() - (badge_w + 4 if n == 0 and badge_w else 0)
        # The number's tail tells tickets apart; its date prefix is the same all day.
        mode = Qt.TextElideMode.ElideLeft if n == 0 else Qt.TextElideMode.ElideRight
        elided = QFontMetrics(f).elidedText(text, mode, max(width, 8))
        painter.drawText(
            QRect(inner.left(), y, width, step),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            elided,
        )
        y += step
    painter.restore()


def card_pixmap(ticket: BoardTicket, clock: ClockState, size: QSize, font: QFont) -> QPixmap:
    """The card as a picture, for the cursor while it is dragged."""
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_card(painter, QRect(0, 0, size.width(), size.height()), ticket, clock, font=font)
    painter.end()
    return pixmap


class QueueModel(QAbstractListModel):
    """The unassigned tickets, most urgent first, as the service ordered them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.data_: BoardData | None = None
        self._rows: list[BoardTicket] = []
        self.can_drag = True

    def set_board(self, data: BoardData) -> None:
        self.beginResetModel()
        self.data_ = data
        self._rows = list(data.board.queue)
        self.endResetModel()

    def clocks_changed(self) -> None:
        """The clocks moved on (a tick): repaint every row, nothing else changed."""
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [CLOCK_ROLE])

    def ticket_at(self, row: int) -> BoardTicket:
        return self._rows[row]

    def row_of(self, ticket_id: int) -> int | None:
        return next((n for n, t in enumerate(self._rows) if t.id == ticket_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.data_ is None:
            return None
        t = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return t.number
        if role == Qt.ItemDataRole.ToolTipRole:
            return card_tooltip(t, self.data_.clock(t), self.data_.tz)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return " ".join(card_lines(t, self.data_.clock(t), self.data_.tz))
        if role == TICKET_ROLE:
            return t
        if role == CLOCK_ROLE:
            return self.data_.clock(t)
        if role == ID_ROLE:
            return t.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsDragEnabled if self.can_drag else flags

    def mimeTypes(self) -> list[str]:
        return [TICKET_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        rows = [i.row() for i in indexes if i.isValid()]
        if not rows:
            return QMimeData()
        return TicketRef.of(self._rows[rows[0]]).to_mime()

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction


class CardDelegate(QStyledItemDelegate):
    """Paints a queue row as a card."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(220, card_height(option.font) + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        ticket = index.data(TICKET_ROLE)
        clock = index.data(CLOCK_ROLE)
        if ticket is None or clock is None:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = option.rect.adjusted(2, 2, -2, -2)
        board = getattr(index.model(), "data_", None)
        tz = board.tz if board is not None else None
        paint_card(painter, rect, ticket, clock, selected=selected, font=option.font, tz=tz)


class QueueView(QListView):
    """The queue: arrows choose, Enter places the ticket where the assign form says,
    a drag carries it to the grid, a double click opens it. A card of the grid dropped
    here asks to go back to the queue (``unassign_requested``)."""

    place_requested = Signal()
    open_requested = Signal(int)
    #: an assigned ticket (a TicketRef) was dropped here: take it from its technician
    unassign_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardQueue")
        self.setItemDelegate(CardDelegate(self))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        # Drops are handled below (never by the model): only the grid's cards come back.
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDropIndicatorShown(False)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.doubleClicked.connect(self._double_clicked)
        self.drop_hint = False  # an assigned card is dragged over the queue

    def _double_clicked(self, index: QModelIndex) -> None:
        ticket_id = index.data(ID_ROLE)
        if ticket_id is not None:
            self.open_requested.emit(int(ticket_id))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self._double_clicked(self.currentIndex())
            else:
                self.place_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    # ---------------------------------------------------------------- a card coming back

    def _returning(self, mime: QMimeData) -> TicketRef | None:
        """The assigned ticket a drag carries (None: nothing that may be dropped here)."""
        model = self.model()
        if isinstance(model, QueueModel) and not model.can_drag:
            return None
        ref = TicketRef.from_mime(mime)
        return ref if ref is not None and ref.technician_id is not None else None

    def _hint(self, on: bool) -> None:
        if self.drop_hint != on:
            self.drop_hint = on
            self.viewport().update()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._returning(event.mimeData()) is not None:
            self._hint(True)
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._returning(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._hint(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._hint(False)
        if self.drop_ticket(event.mimeData()):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def drop_ticket(self, mime: QMimeData) -> bool:
        """A card dropped on the queue: emits ``unassign_requested``; False if refused."""
        ref = self._returning(mime)
        if ref is None:
            return False
        self.unassign_requested.emit(ref)
        return True

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.drop_hint:
            return
        painter = QPainter(self.viewport())
        rect = self.viewport().rect().adjusted(3, 3, -4, -4)
        fill = QColor(SELECTED_BORDER)
        fill.setAlpha(30)
        painter.fillRect(rect, fill)
        painter.setPen(QPen(QColor(SELECTED_BORDER), 2, Qt.PenStyle.DashLine))
        painter.drawRect(rect)
        # The words in a box of their own at the foot, clear of the cards above.
        text = self.tr("Drop here to take the ticket back to the queue (asks why)")
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        width = rect.width() - 16
        needed = painter.fontMetrics().boundingRect(QRect(0, 0, width, 1000), flags, text)
        box = QRect(
            rect.left() + 8, rect.bottom() - needed.height() - 20, width, needed.height() + 12
        )
        painter.setPen(QPen(QColor(SELECTED_BORDER), 1))
        painter.setBrush(QColor("#eaf1fb"))
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(QColor(SELECTED_BORDER))
        painter.drawText(box, flags, text)
        painter.end()
