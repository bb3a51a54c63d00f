"""出库 against a requisition, with the serials of the part fitted and of the faulty part
taken out where parts carry serials; the return of unused parts to the shelf; and the
emergency issue of a part for a ticket without a requisition raised first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QWidget,
)

from desk_app.services.dispatch import dispatch
from desk_app.services.stock import parts, requisitions, stock
from desk_app.services.stock.parts import MAX_QUANTITY, LocationView, PartView
from desk_app.services.stock.requisitions import RequisitionLineView, RequisitionView
from desk_app.services.stock.stock import StockLevelView
from desk_app.services.tickets.tickets import TicketView
from desk_app.ui.common import labels
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import code_text
from desk_app.ui.common.widgets import ERROR_STYLE, field_row
from desk_app.ui.stock.labels import AMBER, fmt_qty
from desk_app.ui.stock.requisition_dialog import TicketChoice
from desk_app.ui.stock.widgets import (
    LocationCombo,
    PartPicker,
    ScanLineEdit,
    StockDialog,
    load_locations,
)


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


class EmergencyIssueDialog(TicketChoice, StockDialog):
    """应急出库: hand a part out for a ticket at once, without a requisition raised first.

    The service writes the requisition and issues it in one go, from free units only,
    and wants the reason it could not wait. A refusal (not enough free units, a
    closed ticket, a location out of use) leaves the form as typed."""

    ticket_key = "emergency-ticket"

    def __init__(
        self, desk: Desk, parent: QWidget | None = None, *, ticket_number: str = ""
    ) -> None:
        super().__init__(desk, parent)
        self.setObjectName("emergencyIssueDialog")
        self.setWindowTitle(self.tr("Emergency issue without a requisition"))
        self.ticket: TicketView | None = None
        self._free: dict[int, int] = {}
        warning = QLabel(
            self.tr(
                "Only when the parts cannot wait for a requisition: the requisition is "
                "written and issued at once, from free units, and the reason is kept."
            ),
            wordWrap=True,
        )
        warning.setStyleSheet(f"color: {AMBER};")
        self.form.addRow(warning)
        ticket_box = self._ticket_box("emergency")
        self.picker = PartPicker(desk, self)
        self.location = LocationCombo(self)
        self.location.setObjectName("emergencyLocation")
        self.quantity = QSpinBox(objectName="emergencyQuantity", minimum=1, maximum=MAX_QUANTITY)
        self.fitted = ScanLineEdit(objectName="emergencyFitted", maxLength=60)
        self.removed = ScanLineEdit(objectName="emergencyRemoved", maxLength=60)
        for edit in (self.fitted, self.removed):
            edit.setEnabled(False)
            edit.setPlaceholderText(self.tr("no serial"))
        self.reason = QPlainTextEdit(objectName="emergencyReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(56)
        self.reason.setPlaceholderText(
            self.tr("why it could not wait, e.g. customer waiting on site, fridge off")
        )
        field_row(self.form, self.tr("&Ticket"), ticket_box, self.errors, "ticket")
        field_row(self.form, self.tr("T&echnician"), self.technician, self.errors, "technician")
        field_row(self.form, self.tr("&Part"), self.picker, self.errors, "part")
        field_row(self.form, self.tr("&From"), self.location, self.errors, "location")
        field_row(self.form, self.tr("&Quantity"), self.quantity, self.errors, "quantity")
        field_row(self.form, self.tr("Se&rial fitted"), self.fitted, self.errors, "serial_fitted")
        field_row(
            self.form, self.tr("Serial taken &out"), self.removed, self.errors, "serial_removed"
        )
        field_row(self.form, self.tr("&Why now"), self.reason, self.errors, "reason")
        self.save_button.setText(self.tr("&Issue now"))
        self.save_button.setDefault(False)  # Enter after a scan must never issue
        self.save_button.setAutoDefault(False)
        self.ticket_number.returnPressed.connect(self.find_ticket)
        self.ticket_number.textEdited.connect(lambda _t: self._set_ticket(None))
        self.picker.picked.connect(self._picked)
        self.fitted.returnPressed.connect(self.removed.setFocus)
        self.removed.returnPressed.connect(self.reason.setFocus)
        self.resize(640, 520)
        db, actor = desk.db, desk.actor
        load_locations(desk, self, self._locations)
        desk.ops.run(
            lambda: dispatch.list_technicians(db, actor),
            on_success=self._technicians,
            on_failure=lambda _e: None,
            owner=self,
        )
        if ticket_number:
            self.ticket_number.setText(ticket_number)
            self.find_ticket()

    def _locations(self, locations: list[LocationView]) -> None:
        self.location.set_locations(locations, sellable_only=True)
        self.location.annotate(self._free)

    def _picked(self, part: PartView | None) -> None:
        serialized = part is not None and part.serialized
        for edit, hint in (
            (self.fitted, self.tr("scan the new part's serial")),
            (self.removed, self.tr("serial of the faulty part, if known")),
        ):
            edit.setEnabled(serialized)
            edit.setPlaceholderText(hint if serialized else self.tr("no serial"))
        self._free = {}
        self.location.annotate({})
        if part is None:
            return
        desk, part_id = self.desk, part.id
        desk.ops.run(
            lambda: stock.stock_levels(desk.db, desk.actor, part_id=part_id, include_empty=True),
            on_success=self._levels_loaded,
            key=f"emergency-levels-{id(self)}",
            owner=self,
        )
        self.quantity.setFocus()
        self.quantity.selectAll()

    def _levels_loaded(self, rows: list[StockLevelView]) -> None:
        self._free = {r.location_id: r.available for r in rows}
        self.location.annotate(self._free)
        for n in range(self.location.count()):  # the first location with enough free units
            if self._free.get(self.location.itemData(n), 0) >= self.quantity.value():
                self.location.setCurrentIndex(n)
                break

    # ---------------------------------------------------------------- saving

    def action(self) -> Callable[[], Any] | None:
        part, location_id = self.picker.part, self.location.location_id()
        reason = self.reason.toPlainText()
        ok = self.require(
            "ticket", self.ticket is not None, self.tr("Enter the ticket number and press Enter.")
        )
        ok &= self.require(
            "part", part is not None, self.tr("Pick a part: type its code or scan it, then Enter.")
        )
        ok &= self.require("location", location_id is not None, code_text("field.required"))
        if part is not None and part.serialized:
            ok &= self.require(
                "serial_fitted",
                bool(self.fitted.text().strip()),
                self.tr("Enter the serial of the part handed out (scan its label)."),
            )
        ok &= self.require("reason", bool(reason.strip()), code_text("field.reason_required"))
        if not ok or self.ticket is None or part is None or location_id is None:
            return None
        desk, key, ticket_id, part_id = self.desk, self.request_id, self.ticket.id, part.id
        qty, tech = self.quantity.value(), self.technician.currentData()
        fitted = self.fitted.text() if part.serialized else None
        removed = self.removed.text() if part.serialized else None
        return lambda: requisitions.issue_direct(
            desk.db,
            desk.actor,
            ticket_id,
            part_id,
            location_id,
            qty,
            reason=reason,
            serial_fitted=fitted,
            serial_removed=removed,
            technician_id=tech,
            request_id=key,
        )
