"""盘点: freeze a location's list, print the count sheet, count by scanner or by hand
(blind: the book quantities stay hidden while counting), review the variances,
post them as adjustments in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.permissions import Perm
from desk_app.printing import render_pdf
from desk_app.services.paperwork import paperwork
from desk_app.services.stock import stocktake
from desk_app.services.stock.parts import MAX_QUANTITY, LocationView
from desk_app.services.stock.stocktake import StocktakeLineView, StocktakeView
from desk_app.ui.common import labels
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.widgets import Banner
from desk_app.ui.stock.labels import not_allowed_tip
from desk_app.ui.stock.movements import ReasonDialog
from desk_app.ui.stock.printing import open_preview
from desk_app.ui.stock.requisition_dialog import EnterSpin
from desk_app.ui.stock.scan import (
    BOOK_COLUMNS,
    ScanPanel,
    count_lines_model,
    needs_look,
    post_question,
    progress_text,
    stocktake_title,
)
from desk_app.ui.stock.widgets import (
    LocationCombo,
    load_locations,
    make_table,
    open_dialog,
    selected_row,
)

OPEN = "open"


class StocktakePanel(QWidget):
    """One stocktake at a time: start or continue, count, review, post."""

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
        *,
        beep: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stocktakePanel")
        self.desk = desk
        self.view: StocktakeView | None = None
        self.last_dialog: QDialog | None = None
        can_move = desk.can(Perm.MOVE_STOCK)
        self.location = LocationCombo(self)
        self.location.setObjectName("stocktakeLocation")
        self.start_button = QPushButton(
            self.tr("&Start stocktake (freeze list)"), objectName="startStocktake"
        )
        self.open_list = QComboBox(objectName="openStocktakes")
        self.open_list.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.title = QLabel(objectName="stocktakeTitle", wordWrap=True)
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.progress = QLabel(objectName="stocktakeProgress")
        self.banner = Banner(self)
        self.post_now_button = QPushButton(self.tr("&Post now"), objectName="confirmPost")
        self.back_button = QPushButton(self.tr("&Back to counting"), objectName="backToCounting")
        self.banner.buttons.addWidget(self.post_now_button)
        self.banner.buttons.addWidget(self.back_button)
        self.scan = ScanPanel(desk, self, beep=beep)
        self.hand_count = EnterSpin(objectName="handCount", maximum=MAX_QUANTITY)
        self.hand_button = QPushButton(self.tr("Set &count"), objectName="setCount")
        self.hand_label = QLabel(self.tr("Counted by hand for the selected part:"))
        self.review = QCheckBox(
            self.tr("&Review variances (shows book quantities)"), objectName="reviewVariances"
        )
        self.print_button = QPushButton(
            self.tr("Print count &sheet…"), objectName="printCountSheet"
        )
        self.post_button = QPushButton(self.tr("&Post variances…"), objectName="postStocktake")
        self.cancel_button = QPushButton(self.tr("Cancel stocktake…"), objectName="cancelStocktake")
        for button in (self.start_button, self.post_button, self.cancel_button, self.hand_button):
            button.setToolTip("" if can_move else not_allowed_tip())

        self.model = count_lines_model(self)
        self.table = make_table(self.model, "stocktakeLines", stretch=2)
        for column, width in enumerate((80, 110, 200, 160, 44, 80, 70, 70)):
            self.table.horizontalHeader().resizeSection(column, width)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Location")))
        top.addWidget(self.location)
        top.addWidget(self.start_button)
        top.addSpacing(24)
        top.addWidget(QLabel(self.tr("or continue")))
        top.addWidget(self.open_list)
        top.addStretch(1)
        hand = QHBoxLayout()
        hand.addWidget(self.hand_label)
        hand.addWidget(self.hand_count)
        hand.addWidget(self.hand_button)
        hand.addStretch(1)
        hand.addWidget(self.review)
        actions = QHBoxLayout()
        actions.addWidget(self.progress, 1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.post_button)
        actions.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.banner)
        layout.addWidget(self.scan)
        layout.addLayout(hand)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)

        self.start_button.clicked.connect(self.start)
        self.open_list.activated.connect(self._open_chosen)
        self.scan.counted.connect(self._line_counted)
        self.hand_button.clicked.connect(self.set_count)
        self.hand_count.entered.connect(self.set_count)
        self.review.toggled.connect(lambda _on: self._show_lines())
        self.print_button.clicked.connect(self.print_sheet)
        self.post_button.clicked.connect(self.ask_post)
        self.post_now_button.clicked.connect(self.post)
        self.back_button.clicked.connect(self.banner.hide)
        self.cancel_button.clicked.connect(self.cancel)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self._confirm_buttons(False)
        self._show(None)

    # ---------------------------------------------------------------- loading

    def refresh(self) -> None:
        desk = self.desk
        load_locations(desk, self, self._locations)
        desk.ops.run(
            lambda: stocktake.list_stocktakes(desk.db, desk.actor, status=OPEN),
            on_success=self._open_loaded,
            on_failure=self._failed,
            key=f"stocktakes-{id(self)}",
            owner=self,
        )

    def _locations(self, locations: list[LocationView]) -> None:
        self.location.set_locations(locations)

    def _open_loaded(self, views: list[StocktakeView]) -> None:
        self.open_list.clear()
        self.open_list.addItem(self.tr("(choose an open stocktake)"), None)
        for v in views:
            self.open_list.addItem(
                self.tr("No. %1 · %2 · %3")
                .replace("%1", str(v.id))
                .replace("%2", v.location_name)
                .replace("%3", labels.fmt_datetime(v.created_at, self.desk.tz)),
                v.id,
            )
        if self.view is None and len(views) == 1:
            self.load(views[0].id)
        elif self.view is not None and self.view.status == OPEN and self.scan.pending == 0:
            self.load(self.view.id)

    def _open_chosen(self, index: int) -> None:
        stocktake_id = self.open_list.itemData(index)
        if stocktake_id is not None:
            self.load(int(stocktake_id))

    def load(self, stocktake_id: int) -> None:
        desk = self.desk
        desk.ops.run(
            lambda: stocktake.get_stocktake(desk.db, desk.actor, stocktake_id),
            on_success=self._show,
            on_failure=self._failed,
            key=f"stocktake-{id(self)}",
            owner=self,
        )

    def _failed(self, error: BaseException) -> None:
        self.banner.show_message(message_for(error, self.desk.tz), "error")
        self._confirm_buttons(False)

    # ---------------------------------------------------------------- showing

    def _show(self, view: StocktakeView | None) -> None:
        keep_id = self.view.id if self.view else None
        self.view = view
        self.banner.hide()
        self._confirm_buttons(False)
        counting = view is not None and view.status == OPEN
        if view is None or view.id != keep_id:
            self.scan.set_stocktake(view.id if view else None, open_for_counting=counting)
        elif not counting:
            self.scan.set_stocktake(view.id, open_for_counting=False)
        self.title.setText(stocktake_title(view, self.desk.tz))
        if not counting:
            self.review.setChecked(view is not None)
        self._show_lines()
        if counting:
            self.scan.box.setFocus()

    def _show_lines(self) -> None:
        view, reviewing = self.view, self.review.isChecked()
        lines = list(view.lines) if view else []
        if reviewing:
            lines = [ln for ln in lines if needs_look(ln)]
        # Another desk counting the same stocktake reloads it: keep the clerk's place.
        row, scroll = selected_row(self.table), self.table.verticalScrollBar().value()
        keep = self.model.row_at(row).id if row is not None else None
        self.model.set_rows(lines)
        again = next((n for n, ln in enumerate(lines) if ln.id == keep), None)
        if again is not None:
            self.table.selectRow(again)
        self.table.verticalScrollBar().setValue(scroll)
        for column in BOOK_COLUMNS:
            self.table.setColumnHidden(column, not reviewing)
        self._update_progress()
        self._update_buttons()

    def _update_progress(self) -> None:
        self.progress.setText(progress_text(self.view, reviewing=self.review.isChecked()))

    def _update_buttons(self) -> None:
        can_move = self.desk.can(Perm.MOVE_STOCK)
        counting = self.view is not None and self.view.status == OPEN
        self.start_button.setEnabled(can_move)
        self.scan.box.setEnabled(can_move and counting)
        for widget in (self.post_button, self.cancel_button):
            widget.setEnabled(can_move and counting)
        line_picked = selected_row(self.table) is not None
        for widget in (self.hand_count, self.hand_button):
            widget.setEnabled(can_move and counting and line_picked)
        self.print_button.setEnabled(self.view is not None)

    def _selected(self, _s: QItemSelection, _d: QItemSelection) -> None:
        row = selected_row(self.table)
        if row is not None:
            counted = self.model.row_at(row).counted_quantity
            self.hand_count.setValue(counted or 0)
        self._update_buttons()

    def _line_counted(self, line: StocktakeLineView) -> None:
        """A scan or a hand count came back: update the line and the totals in place."""
        if self.view is None:
            return
        lines = list(self.view.lines)
        index = next((n for n, ln in enumerate(lines) if ln.id == line.id), None)
        if index is None:
            lines.append(line)
        else:
            lines[index] = line
        self.view = replace(self.view, lines=tuple(lines))
        if self.review.isChecked() and not needs_look(line):
            self._show_lines()
        else:
            row = self.model.put_row(line, key=lambda ln: ln.id)
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
            self._update_progress()

    # ---------------------------------------------------------------- actions

    def start(self) -> None:
        location_id = self.location.location_id()
        if location_id is None:
            return
        desk = self.desk

        def started(view: StocktakeView) -> None:
            self.review.setChecked(False)
            self._show(view)
            self.refresh()

        self.banner.hide()
        desk.ops.run(
            lambda: stocktake.start_stocktake(desk.db, desk.actor, location_id),
            on_success=started,
            on_failure=self._failed,
            owner=self,
        )

    def set_count(self) -> None:
        row = selected_row(self.table)
        if row is None or self.view is None:
            return
        desk, stocktake_id = self.desk, self.view.id
        part_id, qty = self.model.row_at(row).part_id, self.hand_count.value()
        desk.ops.run(
            lambda: stocktake.record_count(
                desk.db, desk.actor, stocktake_id, part_id=part_id, qty=qty
            ),
            on_success=self._line_counted,
            on_failure=self._failed,
            owner=self,
        )

    def ask_post(self) -> None:
        """Say what posting will do; the clerk confirms in the banner."""
        view = self.view
        if view is None:
            return
        self.review.setChecked(True)
        text = post_question(view)
        self.banner.show_message(text, "warning")
        self._confirm_buttons(True)

    def _confirm_buttons(self, visible: bool) -> None:
        self.post_now_button.setVisible(visible)
        self.back_button.setVisible(visible)

    def post(self) -> None:
        view = self.view
        if view is None:
            return
        desk, stocktake_id, as_zero = self.desk, view.id, view.uncounted > 0
        self._confirm_buttons(False)

        def posted(result: StocktakeView) -> None:
            self._show(result)
            self.banner.show_message(
                self.tr("Stocktake posted; the shelves and the books agree again."), "ok"
            )
            self.refresh()

        desk.ops.run(
            lambda: stocktake.post_stocktake(
                desk.db, desk.actor, stocktake_id, uncounted_as_zero=as_zero
            ),
            on_success=posted,
            on_failure=self._failed,
            owner=self,
        )

    def cancel(self) -> QDialog | None:
        view = self.view
        if view is None:
            return None
        desk, stocktake_id = self.desk, view.id

        def cancelled(result: StocktakeView) -> None:
            self._show(result)
            self.refresh()

        dialog = ReasonDialog(
            desk,
            self.tr("Cancel stocktake No. %1").replace("%1", str(stocktake_id)),
            self.tr("Nothing is posted; the counts are kept for reference."),
            lambda reason: stocktake.cancel_stocktake(desk.db, desk.actor, stocktake_id, reason),
            cancelled,
            self,
            required=False,
            button=self.tr("Cancel &stocktake"),
        )
        return open_dialog(self, dialog)

    def print_sheet(self) -> None:
        view = self.view
        if view is None:
            return
        desk, stocktake_id = self.desk, view.id
        open_preview(
            desk,
            self,
            lambda language: render_pdf(
                paperwork.count_sheet(desk.db, desk.actor, stocktake_id, language, blind=True),
                paperwork.company_header(desk.db),
            ),
            kind="count_sheet",
            title=self.tr("Count sheet No. %1").replace("%1", str(stocktake_id)),
            file_name=f"ST{stocktake_id:06d}.pdf",
            key=f"print-sheet-{id(self)}",
            on_shown=lambda d: setattr(self, "last_dialog", d),
        )
