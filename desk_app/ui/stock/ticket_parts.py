"""The parts of one ticket, for the ticket's own window: every requisition line with
what was issued, returned and used, the serials, and what the parts cost and earn."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desk_app.domain.permissions import Perm
from desk_app.services.stock import requisitions
from desk_app.services.stock.requisitions import (
    RequisitionLineView,
    RequisitionView,
    TicketPartsView,
)
from desk_app.ui.common import labels
from desk_app.ui.common.changes import Changes
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.table_models import Column
from desk_app.ui.stock.labels import AMBER, GREY, fmt_qty, requisition_statuses
from desk_app.ui.stock.models import NumberRowsModel
from desk_app.ui.stock.requisition_dialog import RequisitionDialog
from desk_app.ui.stock.widgets import make_table, open_dialog


@dataclass(frozen=True)
class TicketPartLine:
    requisition: RequisitionView
    line: RequisitionLineView


class TicketParts(QWidget):
    """Embed in a ticket's window; ``show_ticket(id)`` loads it, changes keep it current."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketParts")
        self.desk = desk
        self.ticket_id: int | None = None
        self.parts: TicketPartsView | None = None
        self.last_dialog: QDialog | None = None
        self.totals = QLabel(objectName="ticketPartsSummary", wordWrap=True)
        self.request_button = QPushButton(self.tr("Re&quest parts…"), objectName="requestParts")
        self.request_button.setEnabled(False)

        def status_color(r: TicketPartLine) -> str | None:
            status = r.requisition.status.value
            return AMBER if status == "open" else GREY if status == "cancelled" else None

        self.model = NumberRowsModel[TicketPartLine](
            [
                Column(self.tr("Requisition"), lambda r: r.requisition.number),
                Column(
                    self.tr("Status"),
                    lambda r: requisition_statuses()[r.requisition.status],
                    color=status_color,
                ),
                Column(self.tr("Part"), lambda r: f"{r.line.part_code} {r.line.part_name}"),
                Column(self.tr("Requested"), lambda r: fmt_qty(r.line.quantity)),
                Column(self.tr("Used"), lambda r: fmt_qty(r.line.used)),
                Column(self.tr("Unit price"), lambda r: labels.fmt_money(r.line.unit_price_cents)),
                Column(self.tr("Value used"), lambda r: labels.fmt_money(r.line.price_cents)),
                Column(self.tr("Serial fitted"), lambda r: r.line.serial_fitted or ""),
                Column(self.tr("Serial taken out"), lambda r: r.line.serial_removed or ""),
            ],
            numeric=(3, 4, 5, 6),
            parent=self,
        )
        self.table = make_table(self.model, "ticketPartsTable", stretch=2)
        for column, width in enumerate((130, 120, 200, 70, 60, 80, 84, 120)):
            self.table.horizontalHeader().resizeSection(column, width)
        top = QHBoxLayout()
        top.addWidget(self.totals, 1)
        top.addWidget(self.request_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.request_button.clicked.connect(self.request_parts)
        desk.changes.changed.connect(self._on_changes)

    def show_ticket(self, ticket_id: int) -> None:
        self.ticket_id = ticket_id
        desk = self.desk
        desk.ops.run(
            lambda: requisitions.ticket_parts(desk.db, desk.actor, ticket_id),
            on_success=self._loaded,
            on_failure=lambda e: self.totals.setText(message_for(e, desk.tz)),
            key=f"ticket-parts-{id(self)}",
            owner=self,
        )

    def _loaded(self, view: TicketPartsView) -> None:
        self.parts = view
        self.model.set_rows(
            [TicketPartLine(r, line) for r in view.requisitions for line in r.lines]
        )
        if not view.requisitions:
            text = self.tr("No parts requested for this ticket.")
        else:
            charged = (
                self.tr("charged %1").replace("%1", labels.fmt_money(view.charged_cents))
                if view.chargeable
                else self.tr("free of charge (in warranty)")
            )
            text = (
                self.tr("Parts used: %1 at price, %2 at cost; %3.")
                .replace("%1", labels.fmt_money(view.price_cents))
                .replace("%2", labels.fmt_money(view.cost_cents))
                .replace("%3", charged)
            )
        self.totals.setText(text)
        self.request_button.setEnabled(self.desk.can(Perm.REQUEST_PARTS))

    def _on_changes(self, changes: Changes) -> None:
        if self.ticket_id is not None and (
            changes.touches("requisition") or changes.touches("ticket", self.ticket_id)
        ):
            self.show_ticket(self.ticket_id)

    def request_parts(self) -> QDialog | None:
        if self.parts is None:
            return None
        return open_dialog(
            self, RequisitionDialog(self.desk, self, ticket_number=self.parts.ticket_number)
        )
