"""旧件返还: faulty parts brought back from appliances, registered against their ticket,
kept apart from sellable stock until their disposition (scrap, back to the supplier,
claim from the manufacturer) is decided; the returned-part slip (旧件返还单) printed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import DamagedDisposition
from desk_app.domain.permissions import Perm
from desk_app.printing import render_pdf
from desk_app.services.paperwork import paperwork
from desk_app.services.stock import damaged_parts
from desk_app.services.stock.damaged_parts import DamagedView
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import TicketView
from desk_app.ui.common import labels
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.table_models import Column
from desk_app.ui.common.widgets import field_row
from desk_app.ui.stock.labels import AMBER, RED, dispositions, fmt_qty, not_allowed_tip
from desk_app.ui.stock.models import NumberRowsModel
from desk_app.ui.stock.movements import quantity_box
from desk_app.ui.stock.printing import open_preview
from desk_app.ui.stock.requisition_dialog import ticket_text
from desk_app.ui.stock.widgets import (
    PartPicker,
    ScanLineEdit,
    StockDialog,
    make_table,
    open_dialog,
    selected_row,
)

D = DamagedDisposition


class DamagedPanel(QWidget):
    """The returned faulty parts, those awaiting a decision first."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("damagedPanel")
        self.desk = desk
        self.last_dialog: QDialog | None = None
        self.pending_only = QCheckBox(
            self.tr("Only those awaiting a decision"), objectName="damagedPending"
        )
        self.pending_only.setChecked(True)
        self.register_button = QPushButton(
            self.tr("&Register returned part…"), objectName="registerDamaged"
        )
        self.decide_button = QPushButton(
            self.tr("&Decide disposition…"), objectName="decideDamaged"
        )
        self.print_button = QPushButton(self.tr("Print &slip…"), objectName="printDamagedSlip")
        self.print_button.setToolTip(self.tr("The returned-part slip of the selected part"))
        can_move = desk.can(Perm.MOVE_STOCK)
        self.register_button.setEnabled(can_move)
        for button in (self.register_button, self.decide_button):
            button.setToolTip("" if can_move else not_allowed_tip())
        self.status = QLabel(objectName="damagedStatus")

        def disposition_color(d: DamagedView) -> str | None:
            return AMBER if d.disposition is D.PENDING else None

        self.model = NumberRowsModel[DamagedView](
            [
                Column(self.tr("Received"), lambda d: labels.fmt_datetime(d.received_at, desk.tz)),
                Column(self.tr("Ticket"), lambda d: d.ticket_number),
                Column(
                    self.tr("Part"), lambda d: f"{d.part_code} {d.part_name}" if d.part_code else ""
                ),
                Column(self.tr("Description"), lambda d: d.description),
                Column(self.tr("Serial"), lambda d: d.serial or ""),
                Column(self.tr("Qty"), lambda d: fmt_qty(d.quantity)),
                Column(self.tr("Received by"), lambda d: d.received_by),
                Column(
                    self.tr("Disposition"),
                    lambda d: dispositions()[d.disposition],
                    color=disposition_color,
                ),
                Column(
                    self.tr("Decided"), lambda d: labels.fmt_datetime(d.disposition_at, desk.tz)
                ),
                Column(self.tr("By"), lambda d: d.disposition_by or ""),
                Column(self.tr("Notes"), lambda d: (d.notes or "").replace("\n", " / ")),
            ],
            numeric=(5,),
            parent=self,
        )
        self.table = make_table(self.model, "damagedTable")
        for column, width in enumerate((150, 130, 180, 180, 110, 44, 90, 170, 150)):
            self.table.horizontalHeader().resizeSection(column, width)
        top = QHBoxLayout()
        top.addWidget(self.register_button)
        top.addWidget(self.decide_button)
        top.addWidget(self.print_button)
        top.addStretch(1)
        top.addWidget(self.pending_only)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self.pending_only.toggled.connect(lambda _on: self.refresh())
        self.register_button.clicked.connect(self.register)
        self.decide_button.clicked.connect(self.decide)
        self.print_button.clicked.connect(lambda: self.print_slip(self.current()))
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self._selected(QItemSelection(), QItemSelection())

    def refresh(self) -> None:
        desk, pending = self.desk, self.pending_only.isChecked()
        desk.ops.run(
            lambda: damaged_parts.list_damaged(desk.db, desk.actor, pending_only=pending),
            on_success=self._loaded,
            on_failure=lambda e: self.status.setText(message_for(e, desk.tz)),
            key=f"damaged-{id(self)}",
            owner=self,
        )

    def _loaded(self, rows: list[DamagedView]) -> None:
        self.model.set_rows(rows)
        waiting = sum(1 for r in rows if r.disposition is D.PENDING)
        self.status.setText(
            self.tr("%1 returned part(s) shown, %2 awaiting a decision.")
            .replace("%1", fmt_qty(len(rows)))
            .replace("%2", fmt_qty(waiting))
        )
        self._selected(QItemSelection(), QItemSelection())

    def current(self) -> DamagedView | None:
        row = selected_row(self.table)
        return self.model.row_at(row) if row is not None else None

    def _selected(self, _s: QItemSelection, _d: QItemSelection) -> None:
        row = self.current()
        self.decide_button.setEnabled(
            self.desk.can(Perm.MOVE_STOCK) and row is not None and row.disposition is D.PENDING
        )
        self.print_button.setEnabled(row is not None)

    def register(self) -> QDialog:
        return open_dialog(self, RegisterDamagedDialog(self.desk, self), self.refresh)

    def decide(self) -> QDialog | None:
        row = self.current()
        return (
            open_dialog(self, DispositionDialog(self.desk, row, self), self.refresh)
            if row is not None
            else None
        )

    def print_slip(self, row: DamagedView | None) -> None:
        """The returned-part slip of ``row``, rendered off the GUI thread, in the print preview
        (``last_dialog`` once shown)."""
        if row is None:
            return
        desk, damaged_id = self.desk, row.id
        slip_no = paperwork.returned_slip_number(damaged_id)
        open_preview(
            desk,
            self,
            lambda language: render_pdf(
                paperwork.returned_part_slip(desk.db, desk.actor, damaged_id, language),
                paperwork.company_header(desk.db),
            ),
            kind="returned_part_slip",
            title=self.tr("Returned-part slip %1").replace("%1", slip_no),
            file_name=f"{slip_no}.pdf",
            key=f"print-damaged-{id(self)}",
            on_shown=lambda d: setattr(self, "last_dialog", d),
        )


class RegisterDamagedDialog(StockDialog):
    """A faulty part the technician brought back from the ticket's appliance."""

    def __init__(
        self, desk: Desk, parent: QWidget | None = None, *, ticket_number: str = ""
    ) -> None:
        super().__init__(desk, parent)
        self.setObjectName("registerDamagedDialog")
        self.setWindowTitle(self.tr("Register a returned damaged part"))
        self.ticket: TicketView | None = None
        self.ticket_number = ScanLineEdit(objectName="damagedTicket")
        self.ticket_number.setPlaceholderText(self.tr("ticket number, then Enter"))
        self.ticket_info = QLabel(objectName="damagedTicketInfo", wordWrap=True)
        ticket_box = QWidget()
        box = QVBoxLayout(ticket_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.ticket_number)
        box.addWidget(self.ticket_info)
        self.picker = PartPicker(desk, self)
        self.picker.edit.setPlaceholderText(
            self.tr("catalogue part (code or barcode), or leave empty for a part not stocked")
        )
        self.description = QLineEdit(objectName="damagedDescription", maxLength=200)
        self.description.setPlaceholderText(self.tr("what it is and what is wrong with it"))
        self.serial = QLineEdit(objectName="damagedSerial", maxLength=60)
        self.quantity = quantity_box("damagedQuantity")
        self.notes = QPlainTextEdit(objectName="damagedNotes")
        self.notes.setFixedHeight(52)
        field_row(self.form, self.tr("&Ticket"), ticket_box, self.errors, "ticket")
        field_row(self.form, self.tr("&Part"), self.picker, self.errors, "part")
        field_row(self.form, self.tr("&Description"), self.description, self.errors, "description")
        field_row(self.form, self.tr("&Serial"), self.serial, self.errors, "serial")
        field_row(self.form, self.tr("&Quantity"), self.quantity, self.errors, "quantity")
        field_row(self.form, self.tr("N&otes"), self.notes, self.errors, "notes")
        self.save_button.setText(self.tr("&Register"))
        self.picker.picked.connect(self._picked)
        self.ticket_number.returnPressed.connect(self.find_ticket)
        self.ticket_number.textEdited.connect(lambda _t: setattr(self, "ticket", None))
        self.resize(620, 420)
        if ticket_number:
            self.ticket_number.setText(ticket_number)
            self.find_ticket()

    def find_ticket(self) -> None:
        number, desk = self.ticket_number.text().strip(), self.desk
        if not number:
            return
        desk.ops.run(
            lambda: tickets.find_by_number(desk.db, desk.actor, number),
            on_success=self._ticket_found,
            on_failure=self._ticket_failed,
            key=f"damaged-ticket-{id(self)}",
            owner=self,
        )

    def _ticket_found(self, ticket: TicketView) -> None:
        self.ticket = ticket
        self.ticket_number.setText(ticket.number)
        self.ticket_info.setStyleSheet("color: #1b5e20;")
        self.ticket_info.setText(ticket_text(ticket))
        self.picker.edit.setFocus()

    def _ticket_failed(self, error: BaseException) -> None:
        self.ticket = None
        self.ticket_info.setStyleSheet(f"color: {RED};")
        self.ticket_info.setText(message_for(error, self.desk.tz))

    def _picked(self, part: Any) -> None:
        if part is not None and not self.description.text().strip():
            self.description.setText(part.name)

    def action(self) -> Callable[[], Any] | None:
        if self.ticket is None:
            self.errors.mark("ticket", self.tr("Enter the ticket number and press Enter."))
            return None
        desk, key, ticket_id = self.desk, self.request_id, self.ticket.id
        part_id = self.picker.part.id if self.picker.part else None
        if part_id is None and self.picker.edit.text().strip():
            self.errors.mark("part", self.tr("Press Enter to look the part up, or clear the box."))
            return None
        description, serial = self.description.text(), self.serial.text()
        qty, notes = self.quantity.value(), self.notes.toPlainText()
        return lambda: damaged_parts.register_damaged(
            desk.db,
            desk.actor,
            ticket_id,
            description,
            part_id=part_id,
            serial=serial,
            qty=qty,
            notes=notes,
            request_id=key,
        )


class DispositionDialog(StockDialog):
    """Decide, once, what happens to a returned faulty part; it leaves the quarantine."""

    def __init__(self, desk: Desk, damaged: DamagedView, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.setObjectName("dispositionDialog")
        self.damaged = damaged
        self.setWindowTitle(self.tr("Disposition of a returned part"))
        what = QLabel(
            " · ".join(
                x
                for x in (
                    damaged.ticket_number,
                    f"{damaged.part_code} {damaged.part_name}" if damaged.part_code else "",
                    damaged.description,
                    damaged.serial or "",
                    "×" + fmt_qty(damaged.quantity),
                )
                if x
            ),
            wordWrap=True,
        )
        self.disposition = QComboBox(objectName="disposition")
        for value in (D.SCRAP, D.RETURN_TO_SUPPLIER, D.MANUFACTURER_CLAIM):
            self.disposition.addItem(dispositions()[value], value)
        self.notes = QPlainTextEdit(objectName="dispositionNotes")
        self.notes.setFixedHeight(60)
        self.notes.setPlaceholderText(self.tr("e.g. claim number, supplier's return note"))
        self.form.addRow(self.tr("Part"), what)
        field_row(self.form, self.tr("&Disposition"), self.disposition, self.errors, "disposition")
        field_row(self.form, self.tr("&Notes"), self.notes, self.errors, "notes")
        self.form.addRow(
            QLabel(self.tr("This is decided once and cannot be changed."), wordWrap=True)
        )
        self.save_button.setText(self.tr("&Decide"))
        self.resize(520, 280)

    def action(self) -> Callable[[], Any] | None:
        desk, damaged_id = self.desk, self.damaged.id
        value, notes = self.disposition.currentData(), self.notes.toPlainText()
        return lambda: damaged_parts.set_disposition(
            desk.db, desk.actor, damaged_id, value, notes=notes
        )
