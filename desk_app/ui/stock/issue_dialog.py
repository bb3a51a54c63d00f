"""出库 against a requisition, with the serials of the part fitted and of the faulty part
taken out where parts carry serials; and the return of unused parts to the shelf."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QWidget,
)

from desk_app.services.stock import parts, requisitions
from desk_app.services.stock.parts import PartView
from desk_app.services.stock.requisitions import RequisitionLineView, RequisitionView
from desk_app.ui.common import labels
from desk_app.ui.common.context import Desk
from desk_app.ui.common.widgets import ERROR_STYLE, field_row
from desk_app.ui.stock.labels import fmt_qty
from desk_app.ui.stock.widgets import ScanLineEdit, StockDialog


class IssueDialog(StockDialog):
    """Hand out every reserved unit of an open requisition, recording serials."""

    def __init__(
        self, desk: Desk, requisition: RequisitionView, parent: QWidget | None = None
    ) -> None:
        super().__init__(desk, parent)
        self.setObjectName("issueDialog")
        self.requisition = requisition
        self.setWindowTitle(self.tr("Issue requisition %1").replace("%1", requisition.number))
        self.serialized: dict[int, bool] = {}
        head = QLabel(objectName="issueHeader", wordWrap=True)
        head.setTextFormat(Qt.TextFormat.PlainText)
        head.setText(
            self.tr("Ticket %1 · technician %2 · raised by %3 at %4")
            .replace("%1", requisition.ticket_number)
            .replace("%2", requisition.technician or "—")
            .replace("%3", requisition.created_by)
            .replace("%4", labels.fmt_datetime(requisition.created_at, desk.tz))
        )
        self.form.addRow(head)
        grid_box = QWidget()
        self.grid = QGridLayout(grid_box)
        for column, caption in enumerate(
            (
                self.tr("Part"),
                self.tr("From"),
                self.tr("Units"),
                self.tr("Serial fitted"),
                self.tr("Serial taken out"),
            )
        ):
            title = QLabel(caption)
            title.setStyleSheet("font-weight: bold;")
            self.grid.addWidget(title, 0, column)
        self.fitted: dict[int, QLineEdit] = {}
        self.removed: dict[int, QLineEdit] = {}
        self.line_errors: dict[int, QLabel] = {}
        for n, line in enumerate(requisition.lines):
            row = 1 + 2 * n
            name = QLabel(
                f"{line.part_code} {line.part_name}" + (f" · {line.spec}" if line.spec else "")
            )
            name.setWordWrap(True)
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(QLabel(line.location_name), row, 1)
            units = QLabel(fmt_qty(line.quantity - line.issued_quantity) + " " + line.unit)
            units.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(units, row, 2)
            # A scanner ends each serial with Enter: go on to the next box, never issue.
            fitted = ScanLineEdit(objectName=f"fitted_{line.id}", maxLength=60)
            removed = ScanLineEdit(objectName=f"removed_{line.id}", maxLength=60)
            fitted.returnPressed.connect(removed.setFocus)
            removed.returnPressed.connect(lambda line_id=line.id: self._next_serial(line_id))
            for edit in (fitted, removed):
                edit.setEnabled(False)
                edit.setPlaceholderText(self.tr("checking…"))
            self.grid.addWidget(fitted, row, 3)
            self.grid.addWidget(removed, row, 4)
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.hide()
            self.grid.addWidget(error, row + 1, 3, 1, 2)
            self.fitted[line.id], self.removed[line.id], self.line_errors[line.id] = (
                fitted,
                removed,
                error,
            )
        self.grid.setRowStretch(1 + 2 * len(requisition.lines), 1)  # rows stay at the top
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(3, 2)
        self.grid.setColumnStretch(4, 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_box)
        scroll.setMinimumHeight(min(80 + 48 * len(requisition.lines), 360))
        self.form.addRow(scroll)
        self.save_button.setText(self.tr("&Issue"))
        self.save_button.setEnabled(False)
        self.resize(900, 420)
        ids = sorted({line.part_id for line in requisition.lines})
        desk.ops.run(
            lambda: [parts.get_part(desk.db, desk.actor, i) for i in ids],
            on_success=self._parts_loaded,
            on_failure=self.failed,
            owner=self,
        )

    def _parts_loaded(self, views: list[PartView]) -> None:
        self.serialized = {p.id: p.serialized for p in views}
        for line in self.requisition.lines:
            on = self.serialized.get(line.part_id, False)
            for edit, hint in (
                (self.fitted[line.id], self.tr("scan the new part's serial")),
                (self.removed[line.id], self.tr("serial of the faulty part, if known")),
            ):
                edit.setEnabled(on)
                edit.setPlaceholderText(hint if on else self.tr("no serial"))
        self.save_button.setEnabled(True)
        first = next((e for e in self.fitted.values() if e.isEnabled()), None)
        if first is not None:
            first.setFocus()

    def _next_serial(self, line_id: int) -> None:
        """After a serial taken out: the next line's fitted serial, or the Issue button."""
        ids = list(self.fitted)
        later = [
            self.fitted[i] for i in ids[ids.index(line_id) + 1 :] if self.fitted[i].isEnabled()
        ]
        (later[0] if later else self.save_button).setFocus()

    def serials(self) -> dict[int, tuple[str | None, str | None]]:
        found = {}
        for line in self.requisition.lines:
            if self.serialized.get(line.part_id):
                fitted = self.fitted[line.id].text().strip() or None
                removed = self.removed[line.id].text().strip() or None
                found[line.id] = (fitted, removed)
        return found

    def action(self) -> Callable[[], Any] | None:
        for label in self.line_errors.values():
            label.hide()
        serials = self.serials()
        missing = [line_id for line_id, (fitted, _r) in serials.items() if not fitted]
        for line_id in missing:
            self.line_errors[line_id].setText(
                self.tr("Enter the serial of the part handed out (scan its label).")
            )
            self.line_errors[line_id].show()
        if missing:
            self.fitted[missing[0]].setFocus()
            return None
        desk, req_id = self.desk, self.requisition.id
        return lambda: requisitions.issue_requisition(desk.db, desk.actor, req_id, serials)


class ReturnDialog(StockDialog):
    """Unused parts of an issued line back on the shelf they came from."""

    def __init__(
        self,
        desk: Desk,
        requisition: RequisitionView,
        line: RequisitionLineView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, parent)
        self.setObjectName("returnDialog")
        self.requisition, self.line = requisition, line
        self.setWindowTitle(self.tr("Return unused parts"))
        out = line.issued_quantity - line.returned_quantity
        what = QLabel(wordWrap=True)
        what.setText(f"{line.part_code} {line.part_name} · {requisition.number}")
        self.out_label = QLabel(
            self.tr("%1 %2 out with the technician; they go back to %3.")
            .replace("%1", fmt_qty(out))
            .replace("%2", line.unit)
            .replace("%3", line.location_name)
        )
        self.quantity = QSpinBox(
            objectName="returnQuantity", minimum=1, maximum=max(out, 1), value=max(out, 1)
        )
        self.reason = QLineEdit(objectName="returnReason", maxLength=1000)
        self.reason.setPlaceholderText(self.tr("e.g. not needed, fault was elsewhere"))
        self.form.addRow(self.tr("Part"), what)
        self.form.addRow("", self.out_label)
        field_row(self.form, self.tr("&Quantity"), self.quantity, self.errors, "quantity")
        field_row(self.form, self.tr("&Why"), self.reason, self.errors, "reason")
        self.save_button.setText(self.tr("&Return to shelf"))
        self.save_button.setEnabled(out > 0)
        self.resize(520, 240)

    def action(self) -> Callable[[], Any] | None:
        desk, key, line_id = self.desk, self.request_id, self.line.id
        qty, reason = self.quantity.value(), self.reason.text()
        return lambda: requisitions.return_unused(
            desk.db, desk.actor, line_id, qty, reason=reason, request_id=key
        )
