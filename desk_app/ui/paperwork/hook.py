"""The front desk's door to printing: the work order of a ticket, from any screen.

Intake, the ticket window and the main window hold a ``WorkOrderPrinter``; it loads
and renders the work order in the background (``preview.open_work_order_preview``)
and puts it where this PC routes work orders (``present.present_pdf``): straight to
a printer, or into the preview. Tests hand the screens a fake with the same two
members.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desk_app.ui.common.context import Desk
from desk_app.ui.paperwork.present import present_pdf
from desk_app.ui.paperwork.preview import open_work_order_preview


class WorkOrderPrinter:
    """Prints or previews one ticket's work order (派工单)."""

    #: screens enable their print actions on this (a fake may say False)
    available = True

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def preview(self, parent: QWidget, ticket_id: int) -> None:
        """Print the work order where this PC routes work orders, or open its preview."""

        def present(pdf: bytes, title: str, file_name: str) -> None:
            present_pdf(
                parent,
                self.desk,
                "work_order",
                pdf,
                title=title,
                file_name=file_name,
                number=file_name.rsplit(".", 1)[0],
                paper="A4",
            )

        open_work_order_preview(
            parent, self.desk.db, self.desk.actor, ticket_id, ops=self.desk.ops, present=present
        )
