"""A parts requisition (配件领用单) for a ticket: several parts, several units each,
reserved the moment it is raised, so the demand shows before anything leaves the shelf."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.permissions import Perm
from desk_app.services.dispatch import dispatch
from desk_app.services.stock import requisitions, stock
from desk_app.services.stock.parts import MAX_QUANTITY, LocationView, PartView
from desk_app.services.stock.requisitions import RequisitionLineView, RequisitionView
from desk_app.services.stock.stock import StockLevelView
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import TicketView
from desk_app.ui.common import labels
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import code_text, message_for
from desk_app.ui.common.table_models import Column
from desk_app.ui.common.widgets import field_row
from desk_app.ui.stock.labels import RED, fmt_qty
from desk_app.ui.stock.models import NumberRowsModel
from desk_app.ui.stock.widgets import (
    LocationCombo,
    PartPicker,
    ScanLineEdit,
    StockDialog,
    load_locations,
    make_table,
    selected_row,
)

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass(frozen=True)
class PlannedLine:
    part: PartView
    location: LocationView
    quantity: int
    free_there: int | None  # free units at that location when the line was added


class EnterSpin(QSpinBox):
    """A quantity box where Enter means "add this line", not "save the dialog"."""

    entered = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER:
            self.interpretText()
            self.entered.emit()
            event.accept()
            return
        super().keyPressEvent(event)


def ticket_text(t: TicketView) -> str:
    parts = [t.number, t.customer_name, t.appliance or "", labels.ticket_kinds()[t.kind]]
    return " · ".join(p for p in parts if p) + "  —  " + labels.statuses()[t.status]


class TicketChoice:
    """The ticket a parts form is for: typed or scanned, looked up, its technician
    preselected; shared by the requisition and the emergency-issue forms (each keeps its
    own translations: ``tr`` takes the context of the form's class)."""

    desk: Desk
    ticket: TicketView | None
    ticket_number: Any
    ticket_info: Any
    technician: Any
    picker: Any
    ticket_key = "ticket"  # names the lookup in the background operations

    def _ticket_box(self, name: str) -> QWidget:
        """The ticket-number field with the found ticket under it (returned, for the
        form's row), and the technician choice; object names start with ``name``."""
        self.ticket_number = ScanLineEdit(objectName=f"{name}Ticket")
        self.ticket_number.setPlaceholderText(
            self.tr("ticket number, e.g. S20261123-0001, then Enter")
        )
        self.ticket_info = QLabel(objectName=f"{name}TicketInfo", wordWrap=True)
        self.ticket_info.setTextFormat(Qt.TextFormat.PlainText)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.ticket_number)
        layout.addWidget(self.ticket_info)
        self.technician = QComboBox(objectName=f"{name}Technician")
        self.technician.addItem(self.tr("(not named)"), None)
        return box

    def _technicians(self, techs: list[Any]) -> None:
        for t in techs:
            self.technician.addItem(t.name, t.id)
        if self.ticket is not None:
            self._set_ticket(self.ticket)

    def find_ticket(self) -> None:
        number = self.ticket_number.text().strip()
        if not number:
            return
        desk = self.desk
        self.ticket_info.setStyleSheet("")
        self.ticket_info.setText(self.tr("Looking…"))
        desk.ops.run(
            lambda: tickets.find_by_number(desk.db, desk.actor, number),
            on_success=self._set_ticket,
            on_failure=self._ticket_failed,
            key=f"{self.ticket_key}-{id(self)}",
            owner=self,
        )

    def _set_ticket(self, ticket: TicketView | None) -> None:
        self.ticket = ticket
        if ticket is None:
            self.ticket_info.clear()
            return
        self.ticket_number.setText(ticket.number)
        self.ticket_info.setText(ticket_text(ticket))
        final = ticket.status.value in ("closed", "cancelled")
        self.ticket_info.setStyleSheet(f"color: {RED};" if final else "color: #1b5e20;")
        if ticket.technician_id is not None:
            index = self.technician.findData(ticket.technician_id)
            if index >= 0:
                self.technician.setCurrentIndex(index)
        self.picker.edit.setFocus()

    def _ticket_failed(self, error: BaseException) -> None:
        self.ticket = None
        self.ticket_info.setStyleSheet(f"color: {RED};")
        self.ticket_info.setText(message_for(error, self.desk.tz))


class RequisitionDialog(TicketChoice, StockDialog):
    """Raise a requisition; afterwards it shows the number and what is now reserved.

    Emits ``raised(RequisitionView)``; ``issue_requested(RequisitionView)`` when the
    parts clerk goes straight on to issuing it."""

    ticket_key = "req-ticket"

    raised = Signal(object)
    issue_requested = Signal(object)
    print_requested = Signal(object)

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
        *,
        ticket_number: str = "",
        part: PartView | None = None,
    ) -> None:
        super().__init__(desk, parent)
        self.setObjectName("requisitionDialog")
        self.setWindowTitle(self.tr("New parts requisition"))
        self.ticket: TicketView | None = None
        self.raised_view: RequisitionView | None = None
        self.planned: list[PlannedLine] = []
        self._levels: dict[int, StockLevelView] = {}

        ticket_box = self._ticket_box("requisition")

        self.picker = PartPicker(desk, self)
        self.location = LocationCombo(self)
        self.location.setObjectName("requisitionLocation")
        self.quantity = EnterSpin(objectName="requisitionQuantity", minimum=1, maximum=MAX_QUANTITY)
        self.add_button = QPushButton(self.tr("&Add line"), objectName="addLine")
        self.add_button.setAutoDefault(False)
        adder = QWidget()
        add_layout = QHBoxLayout(adder)
        add_layout.setContentsMargins(0, 0, 0, 0)
        add_layout.addWidget(self.picker, 3)
        add_layout.addWidget(self.location, 2, Qt.AlignmentFlag.AlignTop)
        add_layout.addWidget(self.quantity, 0, Qt.AlignmentFlag.AlignTop)
        add_layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)

        self.lines = NumberRowsModel[PlannedLine](
            [
                Column(self.tr("Code"), lambda r: r.part.code),
                Column(self.tr("Name"), lambda r: r.part.name),
                Column(self.tr("Spec / model"), lambda r: r.part.spec or ""),
                Column(self.tr("From"), lambda r: r.location.name),
                Column(self.tr("Quantity"), lambda r: fmt_qty(r.quantity)),
                Column(
                    self.tr("Free there"),
                    lambda r: fmt_qty(r.free_there),
                    color=lambda r: RED if (r.free_there or 0) < r.quantity else None,
                ),
                Column(self.tr("Unit price"), lambda r: labels.fmt_money(r.part.price_cents)),
                Column(
                    self.tr("Amount"), lambda r: labels.fmt_money(r.part.price_cents * r.quantity)
                ),
            ],
            numeric=(4, 5, 6, 7),
            parent=self,
        )
        self.line_view = make_table(self.lines, "requisitionLines", stretch=1)
        self.line_view.setMinimumHeight(150)
        for column, width in enumerate((100, 120, 150, 90, 60, 70, 80, 90)):
            self.line_view.horizontalHeader().resizeSection(column, width)
        self.remove_button = QPushButton(self.tr("Re&move line"), objectName="removeLine")
        self.remove_button.setAutoDefault(False)
        self.total = QLabel(objectName="requisitionTotal")
        lines_box = QWidget()
        lines_layout = QVBoxLayout(lines_box)
        lines_layout.setContentsMargins(0, 0, 0, 0)
        lines_layout.addWidget(self.line_view)
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(self.total)
        lines_layout.addLayout(row)
        self.notes = QPlainTextEdit(objectName="requisitionNotes")
        self.notes.setFixedHeight(52)

        field_row(self.form, self.tr("&Ticket"), ticket_box, self.errors, "ticket")
        field_row(self.form, self.tr("T&echnician"), self.technician, self.errors, "technician")
        field_row(self.form, self.tr("&Part"), adder, self.errors, "part", "quantity", "location")
        field_row(self.form, self.tr("Lines"), lines_box, self.errors, "lines")
        field_row(self.form, self.tr("N&otes"), self.notes, self.errors, "notes")

        self.save_button.setText(self.tr("&Raise and reserve"))
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.print_button = QPushButton(self.tr("&Print…"), objectName="printRequisition")
        self.issue_button = QPushButton(self.tr("&Issue now…"), objectName="issueNow")
        self.close_button = QPushButton(self.tr("&Close"), objectName="closeRequisition")
        for button in (self.print_button, self.issue_button, self.close_button):
            button.setAutoDefault(False)
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.hide()
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.raised_view))
        self.issue_button.clicked.connect(self._issue_now)
        self.close_button.clicked.connect(self.accept)

        self.ticket_number.returnPressed.connect(self.find_ticket)
        self.ticket_number.textEdited.connect(lambda _t: self._set_ticket(None))
        self.picker.picked.connect(self._picked)
        self.quantity.entered.connect(self.add_line)
        self.add_button.clicked.connect(self.add_line)
        self.remove_button.clicked.connect(self.remove_line)
        self.resize(900, 620)
        self._update_total()

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
        if part is not None:
            self.picker.set_part(part)

    def _locations(self, locations: list[LocationView]) -> None:
        self.location.set_locations(locations, sellable_only=True)
        if self._levels:  # the part was picked before the locations arrived
            self._levels_loaded(list(self._levels.values()))

    # ---------------------------------------------------------------- ticket

    # ---------------------------------------------------------------- lines

    def _picked(self, part: PartView | None) -> None:
        self._levels = {}
        self.location.annotate({})
        if part is None:
            return
        desk, part_id = self.desk, part.id
        desk.ops.run(
            lambda: stock.stock_levels(desk.db, desk.actor, part_id=part_id, include_empty=True),
            on_success=self._levels_loaded,
            key=f"req-levels-{id(self)}",
            owner=self,
        )
        self.quantity.setFocus()
        self.quantity.selectAll()

    def _levels_loaded(self, rows: list[StockLevelView]) -> None:
        self._levels = {r.location_id: r for r in rows}
        self.location.annotate({k: v.available for k, v in self._levels.items()})
        # Preselect the first location that has enough free units.
        for n in range(self.location.count()):
            level = self._levels.get(self.location.itemData(n))
            if level is not None and level.available >= self.quantity.value():
                self.location.setCurrentIndex(n)
                break

    def add_line(self) -> None:
        self.errors.clear()
        part, location_id = self.picker.part, self.location.location_id()
        if part is None:
            self.errors.mark("part", self.tr("Pick a part: type its code or scan it, then Enter."))
            return
        location = next((x for x in self.location.locations() if x.id == location_id), None)
        if location is None:
            return
        level = self._levels.get(location.id)
        self.planned.append(
            PlannedLine(part, location, self.quantity.value(), level.available if level else None)
        )
        self.lines.set_rows(self.planned)
        self._update_total()
        self.picker.clear()
        self.quantity.setValue(1)
        self.picker.edit.setFocus()

    def remove_line(self) -> None:
        row = selected_row(self.line_view)
        if row is not None:
            del self.planned[row]
            self.lines.set_rows(self.planned)
            self._update_total()

    def _update_total(self) -> None:
        units = sum(line.quantity for line in self.planned)
        amount = sum(line.quantity * line.part.price_cents for line in self.planned)
        self.total.setText(
            self.tr("%1 unit(s), %2 at today's prices")
            .replace("%1", fmt_qty(units))
            .replace("%2", labels.fmt_money(amount))
        )

    # ---------------------------------------------------------------- saving

    def action(self) -> Callable[[], Any] | None:
        if self.ticket is None:
            self.errors.mark("ticket", self.tr("Enter the ticket number and press Enter."))
            return None
        if not self.planned:
            self.errors.mark("lines", code_text("stock.no_lines"))
            return None
        desk, key, ticket_id = self.desk, self.request_id, self.ticket.id
        lines = [(p.part.id, p.location.id, p.quantity) for p in self.planned]
        tech, notes = self.technician.currentData(), self.notes.toPlainText()
        return lambda: requisitions.create_requisition(
            desk.db, desk.actor, ticket_id, lines, technician_id=tech, notes=notes, request_id=key
        )

    def _saved(self, result: RequisitionView) -> None:
        """Stay open showing what was reserved; the clerk prints, issues or closes."""
        self.raised_view = result
        self.result_value = result
        units = sum(line.quantity for line in result.lines)
        self.banner.show_message(
            self.tr("Requisition %1 raised for %2: %3 unit(s) reserved.")
            .replace("%1", result.number)
            .replace("%2", result.ticket_number)
            .replace("%3", fmt_qty(units)),
            "ok",
        )
        self.setWindowTitle(self.tr("Requisition %1").replace("%1", result.number))
        self.lines.columns[5] = Column(self.tr("Reserved"), lambda r: fmt_qty(r.quantity))
        self.lines.set_rows(self.planned)
        for widget in (
            self.ticket_number,
            self.technician,
            self.picker,
            self.location,
            self.quantity,
            self.notes,
        ):
            widget.setEnabled(False)
        self.add_button.hide()
        self.remove_button.hide()
        self.save_button.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.print_button.show()
        self.issue_button.show()
        self.issue_button.setEnabled(self.desk.can(Perm.MOVE_STOCK))
        self.close_button.show()
        self.close_button.setDefault(True)
        self.raised.emit(result)

    def _issue_now(self) -> None:
        if self.raised_view is not None:
            self.issue_requested.emit(self.raised_view)
            self.accept()


def line_summary(lines: tuple[RequisitionLineView, ...]) -> str:
    """ "P-10023 ×2, P-20011 ×1"."""
    return ", ".join(f"{line.part_code} ×{fmt_qty(line.quantity)}" for line in lines)
