"""Requisitions (领用单): the open ones waiting to be issued, or every one of a ticket
with its parts' price and cost; raise, issue, return unused, cancel, print; and the
emergency issue of a part without a requisition (parts clerks and managers)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import RequisitionStatus
from desk_app.domain.permissions import Perm
from desk_app.printing import render_pdf
from desk_app.services.paperwork import paperwork
from desk_app.services.stock import requisitions
from desk_app.services.stock.parts import PartView
from desk_app.services.stock.requisitions import (
    RequisitionLineView,
    RequisitionView,
    TicketPartsView,
)
from desk_app.services.tickets import tickets
from desk_app.ui.common import labels
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.table_models import Column
from desk_app.ui.stock.issue_dialog import EmergencyIssueDialog, IssueDialog, ReturnDialog
from desk_app.ui.stock.labels import AMBER, GREY, fmt_qty, not_allowed_tip, requisition_statuses
from desk_app.ui.stock.models import NumberRowsModel
from desk_app.ui.stock.movements import ReasonDialog
from desk_app.ui.stock.printing import open_preview
from desk_app.ui.stock.requisition_dialog import RequisitionDialog, line_summary
from desk_app.ui.stock.widgets import (
    ScanLineEdit,
    make_table,
    open_dialog,
    selected_row,
)

R = RequisitionStatus
Loaded = tuple[list[RequisitionView], TicketPartsView | None]


def _status_color(r: RequisitionView) -> str | None:
    return AMBER if r.status is R.OPEN else GREY if r.status is R.CANCELLED else None


class RequisitionsPanel(QWidget):
    """The requisition queue and a ticket's parts."""

    ticket_ledger_requested = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requisitionsPanel")
        self.desk = desk
        self.last_dialog: QDialog | None = None
        self.ticket_parts: TicketPartsView | None = None
        self.ticket_filter = ScanLineEdit(objectName="requisitionTicketFilter")
        self.ticket_filter.setPlaceholderText(
            self.tr("Ticket number: all its requisitions (empty: open ones to issue)")
        )
        self.ticket_filter.setClearButtonEnabled(True)
        self.new_button = QPushButton(self.tr("&New requisition…"), objectName="newRequisition")
        self.new_button.setEnabled(desk.can(Perm.REQUEST_PARTS))
        self.emergency_button = QPushButton(
            self.tr("E&mergency issue…"), objectName="emergencyIssue"
        )
        self.emergency_button.setEnabled(desk.can(Perm.MOVE_STOCK))
        self.emergency_button.setToolTip(
            self.tr("Hand a part out for a ticket now, without a requisition first")
            if desk.can(Perm.MOVE_STOCK)
            else not_allowed_tip()
        )
        self.status = QLabel(objectName="requisitionStatus", wordWrap=True)
        self.totals = QLabel(objectName="ticketPartsTotals", wordWrap=True)
        self.totals.setStyleSheet("font-weight: bold;")
        self.model = NumberRowsModel[RequisitionView](
            [
                Column(self.tr("Number"), lambda r: r.number),
                Column(self.tr("Ticket"), lambda r: r.ticket_number),
                Column(
                    self.tr("Status"),
                    lambda r: requisition_statuses()[r.status],
                    color=_status_color,
                ),
                Column(self.tr("Parts"), lambda r: line_summary(r.lines)),
                Column(self.tr("Technician"), lambda r: r.technician or ""),
                Column(self.tr("Raised"), lambda r: labels.fmt_datetime(r.created_at, desk.tz)),
                Column(self.tr("By"), lambda r: r.created_by),
                Column(self.tr("Issued at"), lambda r: labels.fmt_datetime(r.issued_at, desk.tz)),
                Column(self.tr("Issued by"), lambda r: r.issued_by or ""),
            ],
            parent=self,
        )
        self.table = make_table(self.model, "requisitionTable")
        for column, width in enumerate((130, 130, 130, 220, 80, 150, 70, 150)):
            self.table.horizontalHeader().resizeSection(column, width)
        self.lines = NumberRowsModel[RequisitionLineView](
            [
                Column(self.tr("Code"), lambda ln: ln.part_code),
                Column(self.tr("Name"), lambda ln: ln.part_name),
                Column(self.tr("From"), lambda ln: ln.location_name),
                Column(self.tr("Requested"), lambda ln: fmt_qty(ln.quantity)),
                Column(self.tr("Issued"), lambda ln: fmt_qty(ln.issued_quantity)),
                Column(self.tr("Returned"), lambda ln: fmt_qty(ln.returned_quantity)),
                Column(self.tr("Used"), lambda ln: fmt_qty(ln.used)),
                Column(self.tr("Unit price"), lambda ln: labels.fmt_money(ln.unit_price_cents)),
                Column(self.tr("Value used"), lambda ln: labels.fmt_money(ln.price_cents)),
                Column(self.tr("Serial fitted"), lambda ln: ln.serial_fitted or ""),
                Column(self.tr("Serial taken out"), lambda ln: ln.serial_removed or ""),
            ],
            numeric=(3, 4, 5, 6, 7, 8),
            parent=self,
        )
        self.line_view = make_table(self.lines, "requisitionLineTable")
        for column, width in enumerate((110, 170, 100, 76, 66, 70, 60, 84, 84)):
            self.line_view.horizontalHeader().resizeSection(column, width)

        self.issue_button = QPushButton(self.tr("&Issue…"), objectName="issueRequisition")
        self.return_button = QPushButton(self.tr("Return &unused…"), objectName="returnUnused")
        self.cancel_button = QPushButton(
            self.tr("&Cancel requisition…"), objectName="cancelRequisition"
        )
        self.print_button = QPushButton(self.tr("&Print…"), objectName="printRequisitionList")
        self.ledger_button = QPushButton(self.tr("Ticket &ledger"), objectName="ticketLedger")
        actions = QHBoxLayout()
        for button in (
            self.issue_button,
            self.return_button,
            self.cancel_button,
            self.print_button,
            self.ledger_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)

        top = QHBoxLayout()
        top.addWidget(self.ticket_filter, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.emergency_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(actions)
        lower_layout.addWidget(self.line_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, objectName="requisitionSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(lower)
        self.splitter.setSizes([300, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.totals)
        layout.addWidget(self.splitter, 1)
        self.totals.hide()

        self.ticket_filter.returnPressed.connect(self.refresh)
        self.ticket_filter.textChanged.connect(lambda t: self.refresh() if not t.strip() else None)
        self.new_button.clicked.connect(lambda: self.new_requisition())
        self.emergency_button.clicked.connect(self.emergency_issue)
        self.issue_button.clicked.connect(self.issue)
        self.return_button.clicked.connect(self.return_unused)
        self.cancel_button.clicked.connect(self.cancel)
        self.print_button.clicked.connect(lambda: self.print_requisition(self.current()))
        self.ledger_button.clicked.connect(self._ticket_ledger)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.line_view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._update_buttons()

    # ---------------------------------------------------------------- loading

    def refresh(self) -> None:
        desk, number = self.desk, self.ticket_filter.text().strip()

        def load() -> Loaded:
            if not number:
                return requisitions.list_requisitions(desk.db, desk.actor, status=R.OPEN), None
            ticket = tickets.find_by_number(desk.db, desk.actor, number)
            return (
                requisitions.list_requisitions(desk.db, desk.actor, ticket_id=ticket.id),
                requisitions.ticket_parts(desk.db, desk.actor, ticket.id),
            )

        self.status.setText(self.tr("Loading…"))
        desk.ops.run(
            load,
            on_success=self._loaded,
            on_failure=self._failed,
            key=f"reqs-{id(self)}",
            owner=self,
        )

    def _loaded(self, loaded: Loaded) -> None:
        rows, ticket_parts = loaded
        keep = self.current()
        self.model.set_rows(rows)
        self.ticket_parts = ticket_parts
        if ticket_parts is None:
            self.status.setText(
                self.tr("%1 open requisition(s) waiting to be issued.").replace(
                    "%1", fmt_qty(len(rows))
                )
            )
            self.totals.hide()
        else:
            self.status.setText(
                self.tr("%1 requisition(s) for ticket %2.")
                .replace("%1", fmt_qty(len(rows)))
                .replace("%2", ticket_parts.ticket_number)
            )
            charged = (
                self.tr("charged %1").replace("%1", labels.fmt_money(ticket_parts.charged_cents))
                if ticket_parts.chargeable
                else self.tr("free of charge (in warranty)")
            )
            self.totals.setText(
                self.tr("Parts used: %1 at price, %2 at cost; %3.")
                .replace("%1", labels.fmt_money(ticket_parts.price_cents))
                .replace("%2", labels.fmt_money(ticket_parts.cost_cents))
                .replace("%3", charged)
            )
            self.totals.show()
        row = next((n for n, r in enumerate(rows) if keep and r.id == keep.id), 0 if rows else None)
        if row is not None:
            self.table.selectRow(row)
        else:
            self.lines.set_rows([])
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        self.model.set_rows([])
        self.lines.set_rows([])
        self.totals.hide()
        self.status.setText(message_for(error, self.desk.tz))
        self._update_buttons()

    def show_ticket(self, number: str) -> None:
        self.ticket_filter.setText(number)
        self.refresh()

    def current(self) -> RequisitionView | None:
        row = selected_row(self.table)
        return self.model.row_at(row) if row is not None else None

    def current_line(self) -> RequisitionLineView | None:
        row = selected_row(self.line_view)
        return self.lines.row_at(row) if row is not None else None

    def _selected(self, _s: QItemSelection, _d: QItemSelection) -> None:
        req = self.current()
        self.lines.set_rows(req.lines if req else [])
        if req is not None and req.lines:
            self.line_view.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        req, line = self.current(), self.current_line()
        can_move = self.desk.can(Perm.MOVE_STOCK)
        is_open = req is not None and req.status is R.OPEN
        self.issue_button.setEnabled(can_move and is_open)
        out = line is not None and line.issued_quantity > line.returned_quantity
        self.return_button.setEnabled(can_move and out)
        for button in (self.issue_button, self.return_button):
            button.setToolTip("" if can_move else not_allowed_tip())
        self.cancel_button.setEnabled(is_open and self.desk.can(Perm.REQUEST_PARTS))
        self.print_button.setEnabled(req is not None and req.status is not R.CANCELLED)
        self.ledger_button.setEnabled(req is not None)

    # ---------------------------------------------------------------- actions

    def new_requisition(self, part: PartView | None = None) -> RequisitionDialog:
        number = self.ticket_filter.text().strip()
        dialog = RequisitionDialog(self.desk, self, ticket_number=number, part=part)
        dialog.issue_requested.connect(self._issue_view)
        dialog.print_requested.connect(self.print_requisition)
        dialog.raised.connect(lambda _r: self.refresh())
        return open_dialog(self, dialog, self.refresh)

    def emergency_issue(self) -> EmergencyIssueDialog:
        """The emergency issue form, for the ticket in the filter if one is typed; once
        issued, this panel shows that ticket's requisitions."""
        dialog = EmergencyIssueDialog(
            self.desk, self, ticket_number=self.ticket_filter.text().strip()
        )

        def issued() -> None:
            view = dialog.result_value
            if isinstance(view, RequisitionView):
                self.show_ticket(view.ticket_number)

        return open_dialog(self, dialog, issued)

    def issue(self) -> QDialog | None:
        req = self.current()
        return self._issue_view(req) if req is not None else None

    def _issue_view(self, req: RequisitionView) -> QDialog:
        return open_dialog(self, IssueDialog(self.desk, req, self), self.refresh)

    def return_unused(self) -> QDialog | None:
        req, line = self.current(), self.current_line()
        if req is None or line is None:
            return None
        return open_dialog(self, ReturnDialog(self.desk, req, line, self), self.refresh)

    def cancel(self) -> QDialog | None:
        req = self.current()
        if req is None:
            return None
        desk = self.desk
        return open_dialog(
            self,
            ReasonDialog(
                desk,
                self.tr("Cancel requisition %1").replace("%1", req.number),
                self.tr("The reserved parts are freed for other tickets."),
                lambda reason: requisitions.cancel_requisition(desk.db, desk.actor, req.id, reason),
                None,
                self,
                button=self.tr("Cancel &requisition"),
            ),
            self.refresh,
        )

    def print_requisition(self, req: RequisitionView | None) -> None:
        if req is None:
            return
        desk, number = self.desk, req.number
        open_preview(
            desk,
            self,
            lambda language: render_pdf(
                paperwork.requisition(desk.db, desk.actor, number, language),
                paperwork.company_header(desk.db),
            ),
            kind="requisition",
            title=self.tr("Requisition %1").replace("%1", number),
            file_name=f"{number}.pdf",
            key=f"print-req-{id(self)}",
            on_shown=lambda d: setattr(self, "last_dialog", d),
        )

    def _ticket_ledger(self) -> None:
        req = self.current()
        if req is not None:
            self.ticket_ledger_requested.emit(req.ticket_id)
