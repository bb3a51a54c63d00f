"""Counting a stocktake: the scan line (scan or type a code, Enter counts one more)
and the table of the frozen list.

Scans are queued and sent one at a time in the order they were read, so the
running count on screen is always the latest and no scan is ever dropped,
however fast the scanner is. A counted scan flashes green and beeps; an unknown
code turns the panel red, says so in large letters and stays red until the next
good scan, so it cannot be missed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from desk_app.domain.errors import NotFound
from desk_app.services.stock import stocktake
from desk_app.services.stock.stocktake import StocktakeLineView, StocktakeView
from desk_app.ui.common import labels
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.table_models import Column
from desk_app.ui.stock.labels import (
    AMBER,
    fmt_qty,
    fmt_signed,
    fmt_signed_money,
    signed_color,
    stocktake_statuses,
)
from desk_app.ui.stock.models import NumberRowsModel
from desk_app.ui.stock.widgets import ScanLineEdit

BOOK_COLUMNS = (6, 7, 8)  # hidden while counting: the count is blind
FLASH_MS = 700
IDLE_STYLE = (
    "#scanResult { background: #f4f4f4; color: #333; border: 1px solid #ccc; border-radius: 6px; }"
)
FLASH_STYLE = (
    "#scanResult { background: #8fe08a; color: #0b3d0b; border: 2px solid #1b7f3b; "
    "border-radius: 6px; }"
)
COUNTED_STYLE = (
    "#scanResult { background: #e8f5e9; color: #1b5e20; border: 1px solid #1b7f3b; "
    "border-radius: 6px; }"
)
ERROR_STYLE = (
    "#scanResult { background: #b3261e; color: white; border: 2px solid #7a1410; "
    "border-radius: 6px; }"
)
ERROR_BOX = "border: 2px solid #b3261e; background: #fff4f3; font-size: 18px; padding: 6px;"
BOX = "font-size: 18px; padding: 6px;"


def _t(text: str) -> str:
    return QCoreApplication.translate("CountLines", text)


def needs_look(line: StocktakeLineView) -> bool:
    """Not counted yet, or counted differently from the frozen quantity."""
    return line.counted_quantity is None or line.variance != 0


def count_lines_model(parent: QObject) -> NumberRowsModel[StocktakeLineView]:
    """Bin, part, count; then (``BOOK_COLUMNS``) book quantity, variance and its value."""

    def counted(ln: StocktakeLineView) -> str:
        return _t("not yet") if ln.counted_quantity is None else fmt_qty(ln.counted_quantity)

    def variance_color(ln: StocktakeLineView) -> str | None:
        return signed_color(ln.variance)

    return NumberRowsModel[StocktakeLineView](
        [
            Column(_t("Bin"), lambda ln: ln.bin_location or ""),
            Column(_t("Code"), lambda ln: ln.part_code),
            Column(_t("Name"), lambda ln: ln.part_name),
            Column(_t("Spec / model"), lambda ln: ln.spec or ""),
            Column(_t("Unit"), lambda ln: ln.unit),
            Column(
                _t("Counted"),
                counted,
                color=lambda ln: AMBER if ln.counted_quantity is None else None,
            ),
            Column(_t("Book"), lambda ln: fmt_qty(ln.frozen_quantity)),
            Column(_t("Variance"), lambda ln: fmt_signed(ln.variance), color=variance_color),
            Column(
                _t("Value"),
                lambda ln: fmt_signed_money(ln.variance_cents) if ln.variance else "",
                color=variance_color,
            ),
        ],
        numeric=(5, 6, 7, 8),
        parent=parent,
    )


def stocktake_title(view: StocktakeView | None, tz: ZoneInfo) -> str:
    if view is None:
        return _t("Choose a location and start a stocktake, or continue an open one.")
    title = (
        _t("Stocktake No. %1 · %2 · started %3 by %4 · %5")
        .replace("%1", str(view.id))
        .replace("%2", view.location_name)
        .replace("%3", labels.fmt_datetime(view.created_at, tz))
        .replace("%4", view.created_by)
        .replace("%5", stocktake_statuses().get(view.status, view.status))
    )
    if view.posted_at is not None:
        title += " " + _t("(%1, %2)").replace("%1", view.posted_by or "").replace(
            "%2", labels.fmt_datetime(view.posted_at, tz)
        )
    return title


def _differ(view: StocktakeView) -> list[StocktakeLineView]:
    return [ln for ln in view.lines if ln.counted_quantity is not None and ln.variance]


def progress_text(view: StocktakeView | None, *, reviewing: bool) -> str:
    """ "12 of 40 parts counted." and, when reviewing, the variances and their value."""
    if view is None:
        return ""
    total = len(view.lines)
    text = (
        _t("%1 of %2 parts counted.")
        .replace("%1", fmt_qty(total - view.uncounted))
        .replace("%2", fmt_qty(total))
    )
    if reviewing:
        differ = _differ(view)
        value = sum(ln.variance_cents for ln in differ)
        text += " " + _t("%1 variance(s), value %2.").replace("%1", fmt_qty(len(differ))).replace(
            "%2", fmt_signed_money(value)
        )
    return text


def post_question(view: StocktakeView) -> str:
    """What posting will do, for the clerk to confirm."""
    differ = _differ(view)
    text = (
        _t("Post %1 variance(s), value %2, as adjustments to %3?")
        .replace("%1", fmt_qty(len(differ)))
        .replace("%2", fmt_signed_money(sum(ln.variance_cents for ln in differ)))
        .replace("%3", view.location_name)
    )
    if view.uncounted:
        gone = [ln for ln in view.lines if ln.counted_quantity is None]
        text += "\n" + (
            _t(
                "%1 part(s) were not counted: posting counts them as ZERO (not on the shelf), "
                "taking %2 unit(s) worth %3 off the books."
            )
            .replace("%1", fmt_qty(len(gone)))
            .replace("%2", fmt_qty(sum(ln.frozen_quantity for ln in gone)))
            .replace("%3", labels.fmt_money(sum(ln.frozen_quantity * ln.cost_cents for ln in gone)))
        )
    return text


class ScanPanel(QWidget):
    """Scan box and result flash for one open stocktake.

    ``counted(StocktakeLineView)`` after each counted scan; ``beep`` is called then
    (QApplication.beep by default; tests pass their own)."""

    counted = Signal(object)
    #: a scan was refused (unknown code, stocktake closed …); argument: the message
    refused = Signal(str)

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
        *,
        beep: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.stocktake_id: int | None = None
        self._beep = beep or QApplication.beep
        self._queue: deque[str] = deque()
        self._busy = False
        self.in_error = False
        self.box = ScanLineEdit(objectName="scanBox")
        self.box.setPlaceholderText(
            self.tr("Scan a part (or type its code) and press Enter: counts one")
        )
        self.box.setStyleSheet(BOX)
        self.result = QLabel(objectName="scanResult", wordWrap=True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result.setMinimumHeight(64)
        self.result.setStyleSheet(IDLE_STYLE + " #scanResult { font-size: 20px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.result)
        self._fade = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._fade.timeout.connect(lambda: self._style(COUNTED_STYLE))
        self.box.returnPressed.connect(self._entered)
        self.set_stocktake(None)

    def set_stocktake(self, stocktake_id: int | None, *, open_for_counting: bool = True) -> None:
        self.stocktake_id = stocktake_id
        self._queue.clear()
        enabled = stocktake_id is not None and open_for_counting
        self.box.setEnabled(enabled)
        self.in_error = False
        self.box.setStyleSheet(BOX)
        self._style(IDLE_STYLE)
        self.result.setText(self.tr("Ready to count.") if enabled else "")

    @property
    def pending(self) -> int:
        """Scans read but not yet answered by the database."""
        return len(self._queue) + (1 if self._busy else 0)

    def _entered(self) -> None:
        code = self.box.text().strip()
        self.box.clear()
        if code and self.stocktake_id is not None:
            self._queue.append(code)
            self._next()

    def _next(self) -> None:
        if self._busy or not self._queue or self.stocktake_id is None:
            return
        self._busy = True
        code, desk, stocktake_id = self._queue.popleft(), self.desk, self.stocktake_id
        desk.ops.run(
            lambda: stocktake.record_count(desk.db, desk.actor, stocktake_id, barcode=code),
            on_success=lambda line: self._answered(stocktake_id, lambda: self._counted(line)),
            on_failure=lambda error: self._answered(
                stocktake_id, lambda: self._refused(code, error)
            ),
            owner=self,
        )

    def _answered(self, stocktake_id: int, show: Callable[[], None]) -> None:
        """A scan came back; shown only if the clerk is still on that stocktake."""
        self._busy = False
        if stocktake_id == self.stocktake_id:
            show()
        else:
            self._next()

    def _counted(self, line: StocktakeLineView) -> None:
        self.in_error = False
        self.box.setStyleSheet(BOX)
        self.result.setText(
            self.tr("%1 %2 — counted %3")
            .replace("%1", line.part_code)
            .replace("%2", line.part_name)
            .replace("%3", fmt_qty(line.counted_quantity))
        )
        self._style(FLASH_STYLE)
        self._fade.start()
        self._beep()
        self.counted.emit(line)
        self._next()

    def _refused(self, code: str, error: BaseException) -> None:
        self.in_error = True
        self._fade.stop()
        if isinstance(error, NotFound) and error.what == "barcode":
            text = self.tr(
                "UNKNOWN CODE “%1” — NOT COUNTED.\nCheck the label, or count this part by hand."
            ).replace("%1", code)
        else:
            text = message_for(error, self.desk.tz)
        self.result.setText(text)
        self._style(ERROR_STYLE)
        self.box.setStyleSheet(ERROR_BOX)
        self.refused.emit(text)
        self._next()

    def _style(self, style: str) -> None:
        self.result.setStyleSheet(
            style + " #scanResult { font-size: 20px; font-weight: bold; padding: 8px; }"
        )
