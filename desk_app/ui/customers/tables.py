"""The customer's lists as tables: open tickets with their clocks, appliances, the timeline."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QTableView

from desk_app.domain.enums import TicketStatus
from desk_app.services.customers.customers import ApplianceView
from desk_app.services.customers.lookup import TimelineEntry
from desk_app.services.tickets.tickets import TicketRow
from desk_app.ui.common import labels
from desk_app.ui.common.table_models import Column, RowsModel
from desk_app.ui.common.widgets import row_table


def list_table(
    name: str,
    model: RowsModel,  # type: ignore[type-arg]
    widths: tuple[int, ...] = (),
) -> QTableView:
    """A read-only one-line-per-row table; ``widths`` are the first columns' default widths."""
    view = row_table(model, name)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().lineSpacing() + 8)
    for column, width in enumerate(widths):
        view.horizontalHeader().resizeSection(column, width)
    return view


def open_tickets_model(parent: QObject, tz: ZoneInfo) -> RowsModel[TicketRow]:
    kinds, statuses = labels.ticket_kinds(), labels.statuses()
    return RowsModel[TicketRow](
        [
            Column(QCoreApplication.translate("CustomerTables", "Ticket"), lambda t: t.number),
            Column(QCoreApplication.translate("CustomerTables", "Kind"), lambda t: kinds[t.kind]),
            Column(
                QCoreApplication.translate("CustomerTables", "Status"),
                lambda t: statuses[t.status],
            ),
            Column(
                QCoreApplication.translate("CustomerTables", "Received"),
                lambda t: labels.fmt_datetime(t.received_at, tz),
            ),
            Column(
                QCoreApplication.translate("CustomerTables", "Service clock"),
                lambda t: labels.clock_text(t.clocks.worst),
                color=lambda t: labels.CLOCK_COLORS[t.clocks.worst.status],
            ),
        ],
        parent,
    )


def appliances_model(parent: QObject) -> RowsModel[ApplianceView]:
    return RowsModel[ApplianceView](
        [
            Column(QCoreApplication.translate("CustomerTables", "Category"), lambda a: a.category),
            Column(QCoreApplication.translate("CustomerTables", "Brand"), lambda a: a.brand or ""),
            Column(QCoreApplication.translate("CustomerTables", "Model"), lambda a: a.model),
            Column(
                QCoreApplication.translate("CustomerTables", "Serial"), lambda a: a.serial or ""
            ),
            Column(
                QCoreApplication.translate("CustomerTables", "Purchased"),
                lambda a: labels.fmt_date(a.purchase_date),
            ),
            Column(
                QCoreApplication.translate("CustomerTables", "Warranty until"),
                lambda a: labels.fmt_date(a.warranty_end),
            ),
            Column(
                QCoreApplication.translate("CustomerTables", "Warranty"),
                lambda a: labels.warranty(a.warranty),
                color=lambda a: labels.WARRANTY_COLORS[a.warranty],
            ),
        ],
        parent,
    )


def timeline_status(e: TimelineEntry) -> str:
    if e.kind == "ticket":
        return labels.statuses()[TicketStatus(e.status)]
    if e.kind == "complaint":
        return labels.complaint_statuses().get(e.status, e.status)
    if e.kind == "followup":
        return labels.followup_outcomes().get(e.status, e.status)
    return labels.feedback_sources().get(e.status, e.status)


def timeline_details(e: TimelineEntry) -> str:
    if e.kind == "ticket" and e.ticket_kind is not None:
        return f"{labels.ticket_kinds()[e.ticket_kind]}：{e.summary}"
    if e.kind == "feedback" and e.rating is not None:
        stars = "★" * e.rating + "☆" * (5 - e.rating)
        return f"{stars}  {e.summary}" if e.summary else stars
    return e.summary


def timeline_model(parent: QObject, tz: ZoneInfo) -> RowsModel[TimelineEntry]:
    what = labels.timeline_kinds()
    return RowsModel[TimelineEntry](
        [
            Column(
                QCoreApplication.translate("CustomerTables", "When"),
                lambda e: labels.fmt_datetime(e.at, tz),
            ),
            Column(
                QCoreApplication.translate("CustomerTables", "What"),
                lambda e: what.get(e.kind, e.kind),
            ),
            Column(QCoreApplication.translate("CustomerTables", "Number"), lambda e: e.ref),
            Column(QCoreApplication.translate("CustomerTables", "Status"), timeline_status),
            Column(QCoreApplication.translate("CustomerTables", "Details"), timeline_details),
        ],
        parent,
    )
