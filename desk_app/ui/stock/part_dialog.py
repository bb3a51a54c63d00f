"""A catalogue entry, new or edited: code, name, spec, barcode, models, unit, prices,
bin, reorder levels, serials, active. An edit saved meanwhile on another desk is a
conflict: the clerk sees who changed what and chooses; the typing is kept."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPushButton, QSpinBox, QWidget

from desk_app.domain.errors import ConflictError
from desk_app.services.stock import parts
from desk_app.services.stock.parts import MAX_QUANTITY, PartDraft, PartView
from desk_app.ui.common import labels
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.widgets import field_row
from desk_app.ui.stock.widgets import (
    MoneySpin,
    StockDialog,
)

UNITS = ("个", "件", "只", "套", "台", "根", "块", "条", "片", "米", "卷", "瓶", "组")
_SPLIT = re.compile(r"[,，、;；\n]+")


class PartDialog(StockDialog):
    """Create a part (``part`` None) or edit one; emits ``part_saved(PartView)``."""

    part_saved = Signal(object)

    def __init__(
        self, desk: Desk, part: PartView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(desk, parent)
        self.setObjectName("partDialog")
        self.part = part
        self.theirs: PartView | None = None
        self.setWindowTitle(
            self.tr("New part")
            if part is None
            else self.tr("Edit part %1").replace("%1", part.code)
        )
        self.code = QLineEdit(objectName="partCode", maxLength=40)
        self.code.setPlaceholderText(self.tr("e.g. P-10023; letters, digits, . _ / -"))
        self.name = QLineEdit(objectName="partName", maxLength=100)
        self.spec = QLineEdit(objectName="partSpec", maxLength=100)
        self.spec.setPlaceholderText(self.tr("specification / model, e.g. CBB65 35μF 450V"))
        self.barcode = QLineEdit(objectName="partBarcode", maxLength=60)
        self.barcode.setPlaceholderText(self.tr("scan the label, or leave empty"))
        self.models = QLineEdit(objectName="partModels")
        self.models.setPlaceholderText(self.tr("appliance models, separated by commas"))
        self.unit = QComboBox(objectName="partUnit", editable=True)
        self.unit.addItems(UNITS)
        self.cost = MoneySpin(self)
        self.cost.setObjectName("partCost")
        self.price = MoneySpin(self)
        self.price.setObjectName("partPrice")
        self.bin = QLineEdit(objectName="partBin", maxLength=30)
        self.bin.setPlaceholderText(self.tr("shelf position, e.g. A-03-2"))
        self.reorder_point = QSpinBox(objectName="partReorderPoint", maximum=MAX_QUANTITY)
        self.reorder_qty = QSpinBox(objectName="partReorderQty", maximum=MAX_QUANTITY)
        self.serialized = QCheckBox(self.tr("Each unit has its own serial number"))
        self.serialized.setObjectName("partSerialized")
        self.active = QCheckBox(self.tr("In use (can be requested)"), objectName="partActive")
        self.active.setChecked(True)
        rows = (
            (self.tr("&Code"), self.code, ("code",)),
            (self.tr("&Name"), self.name, ("name",)),
            (self.tr("&Spec / model"), self.spec, ("spec",)),
            (self.tr("&Barcode"), self.barcode, ("barcode",)),
            (self.tr("&Fits models"), self.models, ("compatible_models",)),
            (self.tr("&Unit"), self.unit, ("unit",)),
            (self.tr("C&ost"), self.cost, ("cost",)),
            (self.tr("&Price"), self.price, ("price",)),
            (self.tr("B&in"), self.bin, ("bin_location",)),
            (self.tr("Reorder &point"), self.reorder_point, ("reorder_point",)),
            (self.tr("Reorder &quantity"), self.reorder_qty, ("reorder_qty",)),
            (self.tr("Serials"), self.serialized, ("serialized",)),
            (self.tr("Status"), self.active, ("active",)),
        )
        for caption, widget, names in rows:
            field_row(self.form, caption, widget, self.errors, *names)
        self.save_mine_button = QPushButton(self.tr("Save &mine over theirs"))
        self.save_mine_button.setObjectName("saveMine")
        self.take_theirs_button = QPushButton(self.tr("&Take theirs"), objectName="takeTheirs")
        for button in (self.save_mine_button, self.take_theirs_button):
            self.banner.buttons.addWidget(button)
            button.hide()
        self.save_mine_button.clicked.connect(self._save_mine)
        self.take_theirs_button.clicked.connect(self._take_theirs)
        if part is not None:
            self.set_draft(part.as_draft())
        self.resize(600, 640)

    # ---------------------------------------------------------------- the form

    def set_draft(self, d: PartDraft) -> None:
        self.code.setText(d.code)
        self.name.setText(d.name)
        self.spec.setText(d.spec or "")
        self.barcode.setText(d.barcode or "")
        self.models.setText(", ".join(d.compatible_models))
        self.unit.setCurrentText(d.unit)
        self.cost.set_cents(d.cost_cents)
        self.price.set_cents(d.price_cents)
        self.bin.setText(d.bin_location or "")
        self.reorder_point.setValue(d.reorder_point)
        self.reorder_qty.setValue(d.reorder_qty)
        self.serialized.setChecked(d.serialized)
        self.active.setChecked(d.active)

    def draft(self) -> PartDraft:
        models = [m.strip() for m in _SPLIT.split(self.models.text()) if m.strip()]
        return PartDraft(
            code=self.code.text().strip(),
            name=self.name.text().strip(),
            spec=self.spec.text().strip() or None,
            barcode=self.barcode.text().strip() or None,
            compatible_models=models,
            unit=self.unit.currentText().strip(),
            cost_cents=self.cost.cents(),
            price_cents=self.price.cents(),
            bin_location=self.bin.text().strip() or None,
            reorder_point=self.reorder_point.value(),
            reorder_qty=self.reorder_qty.value(),
            serialized=self.serialized.isChecked(),
            active=self.active.isChecked(),
        )

    # ---------------------------------------------------------------- saving

    def action(self) -> Callable[[], Any] | None:
        return self._action(self.part.version if self.part else None)

    def _action(self, version: int | None) -> Callable[[], Any]:
        desk, draft, key = self.desk, self.draft(), self.request_id
        if self.part is None:
            return lambda: parts.create_part(desk.db, desk.actor, draft, request_id=key)
        part_id = self.part.id
        assert version is not None
        return lambda: parts.update_part(
            desk.db, desk.actor, part_id, draft, expected_version=version
        )

    def after_save(self, result: PartView) -> None:
        self.part_saved.emit(result)

    def failed(self, error: BaseException) -> None:
        if isinstance(error, ConflictError) and self.part is not None:
            self.save_button.setEnabled(True)
            self._conflict(error)
            return
        super().failed(error)

    def _conflict(self, error: ConflictError) -> None:
        """Load the newer version and say what changed in it; the form keeps the typing."""
        desk, part_id, head = (
            self.desk,
            self.part.id if self.part else 0,
            message_for(error, self.desk.tz),
        )

        def show(theirs: PartView) -> None:
            self.theirs = theirs
            base = self.part.as_draft() if self.part else theirs.as_draft()
            lines = self.describe_changes(base, theirs.as_draft())
            text = "\n".join(
                [
                    head,
                    self.tr("What they changed:"),
                    *lines,
                    self.tr("Your typing is still in the form."),
                ]
            )
            self.banner.show_message(text, "warning")
            self.save_mine_button.show()
            self.take_theirs_button.show()

        desk.ops.run(
            lambda: parts.get_part(desk.db, desk.actor, part_id),
            on_success=show,
            on_failure=lambda e: self.banner.show_message(message_for(e, desk.tz), "error"),
            owner=self,
        )

    def describe_changes(self, before: PartDraft, after: PartDraft) -> list[str]:
        """ "• Price: ¥35.00 → ¥39.00" for each field that differs."""
        yes, no = self.tr("yes"), self.tr("no")
        fields: tuple[tuple[str, Callable[[PartDraft], str]], ...] = (
            (self.tr("Code"), lambda d: d.code),
            (self.tr("Name"), lambda d: d.name),
            (self.tr("Spec / model"), lambda d: d.spec or ""),
            (self.tr("Barcode"), lambda d: d.barcode or ""),
            (self.tr("Fits models"), lambda d: ", ".join(d.compatible_models)),
            (self.tr("Unit"), lambda d: d.unit),
            (self.tr("Cost"), lambda d: labels.fmt_money(d.cost_cents)),
            (self.tr("Price"), lambda d: labels.fmt_money(d.price_cents)),
            (self.tr("Bin"), lambda d: d.bin_location or ""),
            (self.tr("Reorder point"), lambda d: str(d.reorder_point)),
            (self.tr("Reorder quantity"), lambda d: str(d.reorder_qty)),
            (self.tr("Serials"), lambda d: yes if d.serialized else no),
            (self.tr("In use"), lambda d: yes if d.active else no),
        )
        lines = []
        for caption, get in fields:
            old, new = get(before), get(after)
            if old != new:
                lines.append(f"• {caption}: {old or '—'} → {new or '—'}")
        return lines or [self.tr("• nothing (only saved again)")]

    def _save_mine(self) -> None:
        if self.theirs is None:
            return
        self.errors.clear()
        self.save_button.setEnabled(False)
        self.desk.ops.run(
            self._action(self.theirs.version),
            on_success=self._saved,
            on_failure=self.failed,
            owner=self,
        )

    def _take_theirs(self) -> None:
        if self.theirs is not None:
            self.part, self.theirs = self.theirs, None
            self.set_draft(self.part.as_draft())
            self.banner.hide()
            self.save_mine_button.hide()
            self.take_theirs_button.hide()
