"""The stock ledger (配件台账): every movement with who, when and why, per part, per
ticket or per location, newest first, a page at a time; a mistake is reversed here."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import MovementKind
from desk_app.domain.permissions import Perm
from desk_app.services.stock import parts, stock
from desk_app.services.stock.parts import LocationView, PartView
from desk_app.services.stock.stock import MovementView
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import TicketView
from desk_app.ui.common import labels
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.table_models import Column
from desk_app.ui.stock.labels import (
    GREY,
    fmt_qty,
    fmt_signed,
    movement_kinds,
    not_allowed_tip,
    signed_color,
)
from desk_app.ui.stock.models import NumberPagedModel
from desk_app.ui.stock.movements import reversal_dialog
from desk_app.ui.stock.widgets import (
    LocationCombo,
    PartPicker,
    ScanLineEdit,
    load_locations,
    make_table,
    open_dialog,
    selected_row,
)

K = MovementKind
_NOT_REVERSIBLE = {K.REVERSAL, K.DAMAGED_RETURN}


class LedgerPanel(QWidget):
    """Ledger lines filtered by part, ticket and location."""

    COL_QTY = 5

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledgerPanel")
        self.desk = desk
        self.last_dialog: QDialog | None = None
        self._ticket_id: int | None = None
        self.picker = PartPicker(desk, self)
        self.ticket = ScanLineEdit(objectName="ledgerTicket")
        self.ticket.setPlaceholderText(self.tr("ticket number, then Enter"))
        self.ticket.setClearButtonEnabled(True)
        self.ticket_info = QLabel(objectName="ledgerTicketInfo")
        self.location = LocationCombo(self, all_text=self.tr("All locations"))
        self.location.setObjectName("ledgerLocation")
        self.clear_button = QPushButton(self.tr("Show &everything"), objectName="ledgerClear")
        self.reverse_button = QPushButton(self.tr("&Reverse…"), objectName="reverseMovement")
        self.reverse_button.setToolTip(
            self.tr("Post the opposite movement; the mistake stays visible in the ledger.")
            if desk.can(Perm.MOVE_STOCK)
            else not_allowed_tip()
        )
        self.status = QLabel(objectName="ledgerStatus")

        def dim(m: MovementView) -> str | None:
            return GREY if m.reversed_by_id is not None else None

        def note(m: MovementView) -> str:
            if m.reversed_by_id is not None:
                return self.tr("reversed by No. %1").replace("%1", str(m.reversed_by_id))
            if m.reverses_id is not None:
                return self.tr("reverses No. %1").replace("%1", str(m.reverses_id))
            return ""

        self.model = NumberPagedModel[MovementView](
            desk.ops,
            [
                Column(self.tr("No."), lambda m: str(m.id), color=dim),
                Column(self.tr("When"), lambda m: labels.fmt_datetime(m.at, desk.tz), color=dim),
                Column(self.tr("Movement"), lambda m: movement_kinds()[m.kind], color=dim),
                Column(self.tr("Code"), lambda m: m.part_code, color=dim),
                Column(self.tr("Name"), lambda m: m.part_name, color=dim),
                Column(
                    self.tr("Qty"),
                    lambda m: fmt_signed(m.quantity),
                    color=lambda m: dim(m) or signed_color(m.quantity),
                ),
                Column(self.tr("Location"), lambda m: m.location_name, color=dim),
                Column(self.tr("Who"), lambda m: m.user, color=dim),
                Column(self.tr("Why"), lambda m: (m.reason or "").replace("\n", " / "), color=dim),
                Column(self.tr("Ticket"), lambda m: m.ticket_number or "", color=dim),
                Column(self.tr("Requisition"), lambda m: m.requisition_number or "", color=dim),
                Column(self.tr("Supplier"), lambda m: m.supplier or "", color=dim),
                Column(self.tr("Reference"), lambda m: m.reference or "", color=dim),
                Column(
                    self.tr("Unit cost"), lambda m: labels.fmt_money(m.unit_cost_cents), color=dim
                ),
                Column(self.tr("Serial fitted"), lambda m: m.serial_fitted or "", color=dim),
                Column(self.tr("Serial taken out"), lambda m: m.serial_removed or "", color=dim),
                Column(self.tr("Note"), note, color=dim),
            ],
            numeric=(0, self.COL_QTY, 13),
            parent=self,
        )
        self.table = make_table(self.model, "ledgerTable")
        widths = (60, 150, 150, 100, 140, 56, 100, 70, 180, 130, 130, 110, 100, 80)
        for column, width in enumerate(widths):
            self.table.horizontalHeader().resizeSection(column, width)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Part")))
        filters.addWidget(self.picker, 3, Qt.AlignmentFlag.AlignTop)
        filters.addWidget(QLabel(self.tr("Ticket")), 0, Qt.AlignmentFlag.AlignTop)
        ticket_box = QVBoxLayout()
        ticket_box.addWidget(self.ticket)
        ticket_box.addWidget(self.ticket_info)
        filters.addLayout(ticket_box, 2)
        filters.addWidget(self.location, 2, Qt.AlignmentFlag.AlignTop)
        filters.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignTop)
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.reverse_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)

        self.picker.picked.connect(lambda _p: self.reload())
        self.ticket.returnPressed.connect(self._find_ticket)
        self.ticket.textChanged.connect(self._ticket_edited)
        self.location.currentIndexChanged.connect(lambda _i: self.reload())
        self.clear_button.clicked.connect(self.clear_filters)
        self.reverse_button.clicked.connect(self.reverse)
        self.model.rows_loaded.connect(self._rows_loaded)
        self.model.load_failed.connect(lambda e: self.status.setText(message_for(e, desk.tz)))
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self._locations_ready = False
        self._update_buttons()

    # ---------------------------------------------------------------- filters

    def refresh(self) -> None:
        if not self._locations_ready:
            self._load_locations(then_reload=True)
            return
        self.model.refresh()

    def _load_locations(self, *, then_reload: bool) -> None:
        def loaded(locations: list[LocationView]) -> None:
            self._locations_ready = True
            self.location.blockSignals(True)
            self.location.set_locations(locations)
            self.location.blockSignals(False)
            if then_reload:
                self.reload()

        load_locations(self.desk, self, loaded, include_inactive=True)

    def reload(self) -> None:
        desk = self.desk
        part_id = self.picker.part.id if self.picker.part else None
        ticket_id, location_id = self._ticket_id, self.location.location_id()
        self.model.load(
            lambda limit, offset: stock.ledger(
                desk.db,
                desk.actor,
                part_id=part_id,
                ticket_id=ticket_id,
                location_id=location_id,
                limit=limit,
                offset=offset,
            )
        )

    def clear_filters(self) -> None:
        self.picker.clear()
        self.ticket.clear()
        self.location.setCurrentIndex(0)
        self.reload()

    def show_part(self, part_id: int) -> None:
        """The ledger of one part (from the catalogue)."""
        desk = self.desk
        if not self._locations_ready:
            self._load_locations(then_reload=False)
        self._clear_ticket()
        desk.ops.run(
            lambda: parts.get_part(desk.db, desk.actor, part_id),
            on_success=self._part_loaded,
            on_failure=lambda e: self.status.setText(message_for(e, desk.tz)),
            owner=self,
        )

    def _part_loaded(self, part: PartView) -> None:
        self.picker.set_part(part)  # reloads

    def show_ticket(self, ticket_id: int) -> None:
        """The ledger of one ticket: every part it took or gave back."""
        desk = self.desk
        if not self._locations_ready:
            self._load_locations(then_reload=False)
        self.picker.clear()
        desk.ops.run(
            lambda: tickets.get_ticket(desk.db, desk.actor, ticket_id),
            on_success=self._ticket_found,
            on_failure=lambda e: self.status.setText(message_for(e, desk.tz)),
            owner=self,
        )

    def _find_ticket(self) -> None:
        number, desk = self.ticket.text().strip(), self.desk
        if not number:
            return
        desk.ops.run(
            lambda: tickets.find_by_number(desk.db, desk.actor, number),
            on_success=self._ticket_found,
            on_failure=self._ticket_failed,
            key=f"ledger-ticket-{id(self)}",
            owner=self,
        )

    def _ticket_found(self, ticket: TicketView) -> None:
        self.ticket.blockSignals(True)
        self.ticket.setText(ticket.number)
        self.ticket.blockSignals(False)
        self._ticket_id = ticket.id
        self.ticket_info.setStyleSheet("")
        self.ticket_info.setText(ticket.customer_name)
        self.reload()

    def _ticket_failed(self, error: BaseException) -> None:
        self._ticket_id = None
        self.ticket_info.setStyleSheet("color: #b3261e;")
        self.ticket_info.setText(message_for(error, self.desk.tz))

    def _ticket_edited(self, text: str) -> None:
        if self._ticket_id is not None:
            self._clear_ticket(keep_text=True)
            if not text.strip():
                self.reload()

    def _clear_ticket(self, *, keep_text: bool = False) -> None:
        self._ticket_id = None
        self.ticket_info.clear()
        if not keep_text:
            self.ticket.blockSignals(True)
            self.ticket.clear()
            self.ticket.blockSignals(False)

    def _rows_loaded(self, count: int) -> None:
        text = self.tr("%1 movement(s).")
        if self.model.canFetchMore():
            text = self.tr("Newest %1 movements; scroll for more.")
        self.status.setText(text.replace("%1", fmt_qty(count)))
        self._update_buttons()

    # ---------------------------------------------------------------- reversal

    def current(self) -> MovementView | None:
        row = selected_row(self.table)
        return self.model.row_at(row) if row is not None else None

    def _selected(self, _s: QItemSelection, _d: QItemSelection) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        m = self.current()
        self.reverse_button.setEnabled(
            self.desk.can(Perm.MOVE_STOCK)
            and m is not None
            and m.kind not in _NOT_REVERSIBLE
            and m.reversed_by_id is None
        )

    def reverse(self) -> QDialog | None:
        m = self.current()
        if m is None:
            return None
        return open_dialog(self, reversal_dialog(self.desk, m, self), self.model.refresh)
