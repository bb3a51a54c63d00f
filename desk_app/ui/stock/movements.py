"""The parts clerk's movement forms: receipt (入库), transfer, adjustment, reversal,
and the one-reason form (cancel a requisition or a stocktake).

Each saves through ``StockDialog`` (background, keeps the typing on failure, one
request id per form); what they moved reaches every screen through the desk's
ChangeHub.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from desk_app.services.stock import stock
from desk_app.services.stock.parts import MAX_QUANTITY, LocationView, PartView
from desk_app.services.stock.stock import MovementView, StockLevelView
from desk_app.ui.common import labels
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import code_text
from desk_app.ui.common.widgets import field_row
from desk_app.ui.stock.labels import fmt_qty, fmt_signed, movement_kinds
from desk_app.ui.stock.widgets import (
    LocationCombo,
    MoneySpin,
    PartPicker,
    StockDialog,
    load_locations,
    part_text,
)


def _t(text: str) -> str:
    return QCoreApplication.translate("StockMovements", text)


def quantity_box(name: str, value: int = 1) -> QSpinBox:
    box = QSpinBox(objectName=name, minimum=1, maximum=MAX_QUANTITY, value=value)
    box.setGroupSeparatorShown(True)
    return box


class _PartMovementDialog(StockDialog):
    """A movement of one part: the part picker on top, the levels of the picked part known."""

    def __init__(self, desk: Desk, part: PartView | None, parent: QWidget | None) -> None:
        super().__init__(desk, parent)
        self.picker = PartPicker(desk, self)
        self.levels: dict[int, StockLevelView] = {}
        self.picker.picked.connect(self._picked)
        self._initial_part = part

    def start(self) -> None:
        """Load the locations, then pick the part handed in (call at the end of __init__)."""
        load_locations(self.desk, self, self._locations_loaded)

    def _locations_loaded(self, locations: list[LocationView]) -> None:
        self.set_locations(locations)
        if self._initial_part is not None:
            self.picker.set_part(self._initial_part)

    def set_locations(self, locations: list[LocationView]) -> None:
        raise NotImplementedError

    def _picked(self, part: PartView | None) -> None:
        self.levels = {}
        self.part_changed(part)
        if part is None:
            return
        desk, part_id = self.desk, part.id
        desk.ops.run(
            lambda: stock.stock_levels(desk.db, desk.actor, part_id=part_id, include_empty=True),
            on_success=self._levels_loaded,
            key=f"levels-{id(self)}",
            owner=self,
        )

    def _levels_loaded(self, rows: list[StockLevelView]) -> None:
        self.levels = {r.location_id: r for r in rows}
        self.levels_changed()

    def part_changed(self, part: PartView | None) -> None:
        """The picked part changed (None: cleared)."""

    def levels_changed(self) -> None:
        """``self.levels`` now holds the picked part's stock per location."""

    def picked_part(self) -> PartView | None:
        if self.picker.part is None:
            self.errors.mark("part", _t("Pick a part: type its code or scan it, then Enter."))
        return self.picker.part


class ReceiptDialog(_PartMovementDialog):
    """入库: units arrive from a supplier at a store or van."""

    def __init__(
        self, desk: Desk, part: PartView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(desk, part, parent)
        self.setObjectName("receiptDialog")
        self.setWindowTitle(self.tr("Receive parts"))
        self.location = LocationCombo(self, all_text=None)
        self.location.setObjectName("receiptLocation")
        self.quantity = quantity_box("receiptQuantity")
        self.unit_cost = MoneySpin(self)
        self.unit_cost.setObjectName("receiptUnitCost")
        self.supplier = QLineEdit(objectName="receiptSupplier", maxLength=100)
        self.supplier.setPlaceholderText(self.tr("who delivered, e.g. 格力售后配件中心"))
        self.reference = QLineEdit(objectName="receiptReference", maxLength=60)
        self.reference.setPlaceholderText(self.tr("delivery note or invoice number"))
        self.note = QLineEdit(objectName="receiptNote", maxLength=1000)
        field_row(self.form, self.tr("&Part"), self.picker, self.errors, "part")
        field_row(self.form, self.tr("&Into"), self.location, self.errors, "location")
        field_row(self.form, self.tr("&Quantity"), self.quantity, self.errors, "quantity")
        field_row(self.form, self.tr("Unit &cost"), self.unit_cost, self.errors, "unit_cost")
        field_row(self.form, self.tr("&Supplier"), self.supplier, self.errors, "supplier")
        field_row(self.form, self.tr("&Reference"), self.reference, self.errors, "reference")
        field_row(self.form, self.tr("&Note"), self.note, self.errors, "reason")
        self.save_button.setText(self.tr("&Receive"))
        self.resize(560, 420)
        self.start()

    def set_locations(self, locations: list[LocationView]) -> None:
        self.location.set_locations(locations, sellable_only=True)

    def part_changed(self, part: PartView | None) -> None:
        if part is not None:
            self.unit_cost.set_cents(part.cost_cents)

    def action(self) -> Callable[[], Any] | None:
        part = self.picked_part()
        location_id = self.location.location_id()
        if part is None or location_id is None:
            return None
        desk, key = self.desk, self.request_id
        qty, cost = self.quantity.value(), self.unit_cost.cents()
        supplier, reference, note = self.supplier.text(), self.reference.text(), self.note.text()
        return lambda: stock.receive(
            desk.db,
            desk.actor,
            part.id,
            location_id,
            qty,
            unit_cost_cents=cost,
            supplier=supplier,
            reference=reference,
            reason=note,
            request_id=key,
        )


class TransferDialog(_PartMovementDialog):
    """Move free units from one location to another (a technician's van, another store)."""

    def __init__(
        self, desk: Desk, part: PartView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(desk, part, parent)
        self.setObjectName("transferDialog")
        self.setWindowTitle(self.tr("Transfer parts"))
        self.source = LocationCombo(self)
        self.source.setObjectName("transferFrom")
        self.target = LocationCombo(self)
        self.target.setObjectName("transferTo")
        self.quantity = quantity_box("transferQuantity")
        self.reason = QLineEdit(objectName="transferReason", maxLength=1000)
        self.reason.setPlaceholderText(self.tr("e.g. stock for 王师傅's van"))
        field_row(self.form, self.tr("&Part"), self.picker, self.errors, "part")
        field_row(self.form, self.tr("&From"), self.source, self.errors, "from_location")
        field_row(self.form, self.tr("&To"), self.target, self.errors, "to_location")
        field_row(self.form, self.tr("&Quantity"), self.quantity, self.errors, "quantity")
        field_row(self.form, self.tr("&Why"), self.reason, self.errors, "reason")
        self.save_button.setText(self.tr("&Transfer"))
        self.resize(560, 360)
        self.start()

    def set_locations(self, locations: list[LocationView]) -> None:
        self.source.set_locations(locations, sellable_only=True)
        self.target.set_locations(locations)
        if self.target.count() > 1 and self.target.currentIndex() == self.source.currentIndex():
            self.target.setCurrentIndex(1)

    def levels_changed(self) -> None:
        self.source.annotate({k: v.available for k, v in self.levels.items()})

    def action(self) -> Callable[[], Any] | None:
        part = self.picked_part()
        source, target = self.source.location_id(), self.target.location_id()
        if part is None or source is None or target is None:
            return None
        desk, key, qty, why = self.desk, self.request_id, self.quantity.value(), self.reason.text()
        return lambda: stock.transfer(
            desk.db, desk.actor, part.id, source, target, qty, reason=why, request_id=key
        )


class AdjustmentDialog(_PartMovementDialog):
    """Correct what a location holds (found, broken, lost); a reason is required."""

    def __init__(
        self,
        desk: Desk,
        part: PartView | None = None,
        parent: QWidget | None = None,
        *,
        location_id: int | None = None,
    ) -> None:
        super().__init__(desk, part, parent)
        self.setObjectName("adjustmentDialog")
        self.setWindowTitle(self.tr("Adjust stock"))
        self._location_id = location_id
        self.location = LocationCombo(self)
        self.location.setObjectName("adjustLocation")
        self.on_hand = QLabel(objectName="adjustOnHand")
        self.direction = QComboBox(objectName="adjustDirection")
        self.direction.addItem(self.tr("More on the shelf than recorded (+)"), 1)
        self.direction.addItem(self.tr("Fewer on the shelf than recorded (−)"), -1)
        self.quantity = quantity_box("adjustQuantity")
        self.reason = QComboBox(objectName="adjustReason", editable=True)
        self.reason.addItems(
            [
                "",
                self.tr("Found on the shelf"),
                self.tr("Broken in the store"),
                self.tr("Lost"),
                self.tr("Counted wrongly before"),
            ]
        )
        self.reason.lineEdit().setMaxLength(1000)
        self.reason.lineEdit().setPlaceholderText(self.tr("why the shelf differs (required)"))
        field_row(self.form, self.tr("&Part"), self.picker, self.errors, "part")
        field_row(self.form, self.tr("&Location"), self.location, self.errors, "location")
        self.form.addRow(self.tr("On hand now"), self.on_hand)
        field_row(self.form, self.tr("&Change"), self.direction, self.errors, "direction")
        field_row(self.form, self.tr("&Quantity"), self.quantity, self.errors, "delta", "quantity")
        field_row(self.form, self.tr("&Reason"), self.reason, self.errors, "reason")
        self.save_button.setText(self.tr("&Adjust"))
        self.location.currentIndexChanged.connect(lambda _i: self.levels_changed())
        self.resize(560, 380)
        self.start()

    def set_locations(self, locations: list[LocationView]) -> None:
        self.location.set_locations(locations)
        if self._location_id is not None:
            self.location.select(self._location_id)

    def levels_changed(self) -> None:
        level = self.levels.get(self.location.location_id() or -1)
        self.on_hand.setText(
            fmt_qty(level.on_hand if level else 0) if self.picker.part is not None else ""
        )

    def delta(self) -> int:
        return int(self.direction.currentData()) * self.quantity.value()

    def action(self) -> Callable[[], Any] | None:
        part = self.picked_part()
        location_id = self.location.location_id()
        reason = self.reason.currentText().strip()
        if part is None or location_id is None:
            return None
        if not self.require("reason", bool(reason), code_text("field.reason_required")):
            return None
        desk, key, delta = self.desk, self.request_id, self.delta()
        return lambda: stock.adjust(
            desk.db, desk.actor, part.id, location_id, delta, reason, request_id=key
        )


def movement_summary(m: MovementView, desk: Desk) -> str:
    """One line naming a ledger movement: when, what, how many, where, who."""
    kind = movement_kinds().get(m.kind, str(m.kind))
    return (
        f"{labels.fmt_datetime(m.at, desk.tz)} · {kind} · {m.part_code} {m.part_name} · "
        f"{fmt_signed(m.quantity)} · {m.location_name} · {m.user}"
    )


class ReasonDialog(StockDialog):
    """Ask for a reason, then run ``run(reason)`` (reverse, cancel …) in the background."""

    def __init__(
        self,
        desk: Desk,
        title: str,
        explanation: str,
        run: Callable[[str], Any],
        on_done: Callable[[Any], None] | None = None,
        parent: QWidget | None = None,
        *,
        required: bool = True,
        button: str | None = None,
    ) -> None:
        super().__init__(desk, parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self._run, self._on_done, self._required = run, on_done, required
        self.explanation = QLabel(explanation, objectName="reasonExplanation", wordWrap=True)
        self.reason = QPlainTextEdit(objectName="reasonText")
        self.reason.setFixedHeight(80)
        self.form.addRow(self.explanation)
        field_row(self.form, self.tr("&Reason"), self.reason, self.errors, "reason")
        if button:
            self.save_button.setText(button)
        self.resize(520, 260)

    def action(self) -> Callable[[], Any] | None:
        reason = self.reason.toPlainText().strip()
        if self._required and not self.require(
            "reason", bool(reason), code_text("field.reason_required")
        ):
            return None
        run = self._run
        return lambda: run(reason)

    def after_save(self, result: Any) -> None:
        if self._on_done is not None:
            self._on_done(result)


def reversal_dialog(desk: Desk, movement: MovementView, parent: QWidget | None) -> ReasonDialog:
    """Undo a ledger movement by posting its opposite, with the reason why."""
    db, actor = desk.db, desk.actor
    dialog = ReasonDialog(
        desk,
        _t("Reverse a movement"),
        _t("This posts the opposite movement; the original stays in the ledger.\n%1").replace(
            "%1", movement_summary(movement, desk)
        ),
        lambda reason: stock.reverse(db, actor, movement.id, reason),
        None,
        parent,
        button=_t("&Reverse"),
    )
    dialog.setObjectName("reversalDialog")
    return dialog


__all__ = [
    "AdjustmentDialog",
    "ReasonDialog",
    "ReceiptDialog",
    "TransferDialog",
    "movement_summary",
    "part_text",
    "reversal_dialog",
]
