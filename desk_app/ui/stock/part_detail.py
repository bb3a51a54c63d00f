"""One part as the parts clerk sees it: its catalogue data, its stock per location,
and the actions on it (edit, receive, transfer, adjust, ledger, requisition)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.permissions import Perm
from desk_app.services.stock import parts, stock
from desk_app.services.stock.parts import PartView
from desk_app.services.stock.stock import StockLevelView
from desk_app.ui.common import labels
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.table_models import Column
from desk_app.ui.stock.labels import RED, fmt_qty, location_kinds, not_allowed_tip
from desk_app.ui.stock.models import NumberRowsModel
from desk_app.ui.stock.movements import AdjustmentDialog, ReceiptDialog, TransferDialog
from desk_app.ui.stock.part_dialog import PartDialog
from desk_app.ui.stock.widgets import (
    make_table,
    open_dialog,
    selected_row,
)

Loaded = tuple[PartView, list[StockLevelView]]


class PartDetail(QWidget):
    """The right-hand side of the catalogue."""

    #: the ledger of this part was asked for (part id)
    ledger_requested = Signal(int)
    #: a requisition with this part was asked for (PartView)
    requisition_requested = Signal(object)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partDetail")
        self.desk = desk
        self.part: PartView | None = None
        self.last_dialog: QDialog | None = None
        self.title = QLabel(objectName="partTitle", wordWrap=True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.message = QLabel(objectName="partMessage", wordWrap=True)
        self.values: dict[str, QLabel] = {}
        info = QFormLayout()
        info.setHorizontalSpacing(12)
        for key, caption in (
            ("spec", self.tr("Spec / model")),
            ("barcode", self.tr("Barcode")),
            ("models", self.tr("Fits models")),
            ("unit", self.tr("Unit")),
            ("prices", self.tr("Cost / price")),
            ("bin", self.tr("Bin")),
            ("reorder", self.tr("Reorder at / quantity")),
            ("totals", self.tr("Stock (all stores and vans)")),
        ):
            label = QLabel(objectName=f"part_{key}", wordWrap=True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = label
            info.addRow(caption, label)
        self.levels = NumberRowsModel[StockLevelView](
            [
                Column(self.tr("Location"), lambda r: r.location_name),
                Column(self.tr("Kind"), lambda r: location_kinds()[r.location_kind]),
                Column(
                    self.tr("On hand"), lambda r: fmt_qty(r.on_hand), sort_key=lambda r: r.on_hand
                ),
                Column(
                    self.tr("Reserved"),
                    lambda r: fmt_qty(r.reserved),
                    sort_key=lambda r: r.reserved,
                ),
                Column(
                    self.tr("Free"),
                    lambda r: fmt_qty(r.available),
                    color=lambda r: RED if r.available < 0 else None,
                    sort_key=lambda r: r.available,
                ),
            ],
            numeric=(2, 3, 4),
            parent=self,
        )
        self.level_view = make_table(self.levels, "partLevels", stretch=0)
        self.level_view.setMinimumHeight(120)
        for column, width in enumerate((120, 110, 70, 70, 70)):
            self.level_view.horizontalHeader().resizeSection(column, width)

        self.edit_button = QPushButton(self.tr("&Edit…"), objectName="editPart")
        self.receive_button = QPushButton(self.tr("&Receive…"), objectName="receivePart")
        self.transfer_button = QPushButton(self.tr("&Transfer…"), objectName="transferPart")
        self.adjust_button = QPushButton(self.tr("&Adjust…"), objectName="adjustPart")
        self.ledger_button = QPushButton(self.tr("&Ledger"), objectName="partLedger")
        self.requisition_button = QPushButton(
            self.tr("Re&quest for a ticket…"), objectName="requestPart"
        )
        self.edit_button.clicked.connect(self.edit)
        self.receive_button.clicked.connect(self.receive)
        self.transfer_button.clicked.connect(self.transfer)
        self.adjust_button.clicked.connect(self.adjust)
        self.ledger_button.clicked.connect(self._ledger)
        self.requisition_button.clicked.connect(self._requisition)
        buttons = QGridLayout()
        for n, button in enumerate(
            (
                self.receive_button,
                self.transfer_button,
                self.adjust_button,
                self.requisition_button,
                self.ledger_button,
                self.edit_button,
            )
        ):
            buttons.addWidget(button, n // 3, n % 3)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addLayout(info)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Stock by location")))
        layout.addWidget(self.level_view, 1)
        self._show(None)

    # ---------------------------------------------------------------- loading

    def show_part(self, part_id: int | None) -> None:
        if part_id is None:
            self._show(None)
            return
        desk = self.desk

        def load() -> Loaded:
            part = parts.get_part(desk.db, desk.actor, part_id)
            return part, stock.stock_levels(desk.db, desk.actor, part_id=part_id)

        desk.ops.run(
            load,
            on_success=self._loaded,
            on_failure=self._failed,
            key=f"part-detail-{id(self)}",
            owner=self,
        )

    def refresh(self) -> None:
        if self.part is not None:
            self.show_part(self.part.id)

    def _loaded(self, loaded: Loaded) -> None:
        part, levels = loaded
        self._show(part)
        self.levels.set_rows(levels)

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet(f"color: {RED};")
        self.message.setText(message_for(error, self.desk.tz))
        self.message.show()

    def _show(self, part: PartView | None) -> None:
        self.part = part
        self.message.hide()
        if part is None:
            self.title.setText(self.tr("Pick a part on the left, or scan its barcode."))
            for label in self.values.values():
                label.clear()
            self.levels.set_rows([])
        else:
            title = f"{part.code}  {part.name}"
            if not part.active:
                title += "  " + self.tr("(no longer in use)")
            self.title.setText(title)
            v = self.values
            v["spec"].setText(part.spec or "—")
            v["barcode"].setText(part.barcode or "—")
            v["models"].setText(", ".join(part.compatible_models) or "—")
            v["unit"].setText(
                part.unit + ("  " + self.tr("(serial numbers recorded)") if part.serialized else "")
            )
            v["prices"].setText(
                f"{labels.fmt_money(part.cost_cents)} / {labels.fmt_money(part.price_cents)}"
            )
            v["bin"].setText(part.bin_location or "—")
            v["reorder"].setText(f"{fmt_qty(part.reorder_point)} / {fmt_qty(part.reorder_qty)}")
            v["totals"].setText(
                self.tr("on hand %1, reserved %2, free %3")
                .replace("%1", fmt_qty(part.on_hand))
                .replace("%2", fmt_qty(part.reserved))
                .replace("%3", fmt_qty(part.available))
            )
            low = part.active and part.available <= part.reorder_point and part.reorder_point > 0
            v["totals"].setStyleSheet(f"color: {RED}; font-weight: bold;" if low else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_part = self.part is not None
        can_move = self.desk.can(Perm.MOVE_STOCK)
        for button in (self.receive_button, self.transfer_button, self.adjust_button):
            button.setEnabled(can_move and (has_part or button is self.receive_button))
            button.setToolTip("" if can_move else not_allowed_tip())
        self.edit_button.setEnabled(has_part and self.desk.can(Perm.MANAGE_PARTS))
        self.ledger_button.setEnabled(has_part)
        self.requisition_button.setEnabled(
            has_part and self.desk.can(Perm.REQUEST_PARTS) and bool(self.part and self.part.active)
        )

    # ---------------------------------------------------------------- actions

    def edit(self) -> QDialog | None:
        if self.part is None:
            return None
        return open_dialog(self, PartDialog(self.desk, self.part, self), self.refresh)

    def receive(self) -> QDialog:
        return open_dialog(self, ReceiptDialog(self.desk, self.part, self), self.refresh)

    def transfer(self) -> QDialog:
        return open_dialog(self, TransferDialog(self.desk, self.part, self), self.refresh)

    def adjust(self) -> QDialog:
        row = selected_row(self.level_view)
        location_id = self.levels.row_at(row).location_id if row is not None else None
        return open_dialog(
            self,
            AdjustmentDialog(self.desk, self.part, self, location_id=location_id),
            self.refresh,
        )

    def _ledger(self) -> None:
        if self.part is not None:
            self.ledger_requested.emit(self.part.id)

    def _requisition(self) -> None:
        if self.part is not None:
            self.requisition_requested.emit(self.part)
