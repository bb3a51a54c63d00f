"""Walk-in repairs (送修): the customer's check-in receipt and the appliance's tag.

The printing issue supplies the documents (``printing.CheckInReceiptData``,
``ApplianceTagData``); this module fills them from the saved ticket and what the
clerk noted at the counter (accessories left with the appliance, its condition),
renders them off the GUI thread, in the language the manager set for each (Chinese
unless set otherwise), and prints them or opens the print preview.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desk_app.services.customers.customers import ApplianceView
from desk_app.services.tickets.tickets import TicketView
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import code_text, current_language, show_error


@dataclass(frozen=True)
class CounterNotes:
    """What the clerk records about an appliance handed over at the counter."""

    accessories: tuple[str, ...] = ()
    condition: str = ""

    @classmethod
    def parse(cls, accessories: str, condition: str) -> CounterNotes:
        parts = [p.strip() for p in accessories.replace("，", ",").replace("、", ",").split(",")]
        return cls(tuple(p for p in parts if p), condition.strip())

    def as_note(self) -> str:
        """The same, as a line for the ticket's notes (so a reprint later still has it)."""
        lines = []
        if self.accessories:
            lines.append(
                QCoreApplication.translate("CounterPrint", "Accessories left: %1").replace(
                    "%1", "、".join(self.accessories)
                )
            )
        if self.condition:
            lines.append(
                QCoreApplication.translate("CounterPrint", "Condition: %1").replace(
                    "%1", self.condition
                )
            )
        return "\n".join(lines)


def _local(value: datetime, desk: Desk) -> datetime:
    """The shop's wall-clock time, as print data takes it."""
    return value.astimezone(desk.tz).replace(tzinfo=None)


def _address(ticket: TicketView) -> str:
    """The address as printed: the area is named only when the address does not
    already contain it (the intake copies the customer's address, area and all)."""
    address, area = (ticket.address or "").strip(), (ticket.area or "").strip()
    if not address or not area or area in address:
        return address or area
    return f"{area} {address}"


def receipt_data(
    desk: Desk,
    ticket: TicketView,
    appliance: ApplianceView | None,
    notes: CounterNotes,
    charge_standard: str | None,
) -> object:
    from desk_app.printing import CheckInReceiptData

    opened_by = ticket.events[0].user if ticket.events else desk.actor.display_name
    return CheckInReceiptData(
        ticket_no=ticket.number,
        kind=ticket.kind.value,
        received_at=_local(ticket.received_at, desk),
        received_by=opened_by,
        customer_name=ticket.customer_name,
        phones=(ticket.contact_phone,) if ticket.contact_phone else (),
        address=_address(ticket),
        product_type=appliance.category if appliance else "",
        brand=(appliance.brand or "") if appliance else "",
        model=appliance.model if appliance else "",
        serial_no=(appliance.serial or "") if appliance else "",
        purchase_date=appliance.purchase_date if appliance else None,
        warranty=ticket.warranty.value,
        accessories=notes.accessories,
        condition=notes.condition,
        fault_description=ticket.fault_description,
        charge_standard=charge_standard or "",
        # the repair deadline of the ticket's service standard (working calendar),
        # on the shop's wall clock
        expected_ready=_local(ticket.repair_due, desk).date() if ticket.repair_due else None,
        language=current_language(),
    )


def tag_data(
    desk: Desk, ticket: TicketView, appliance: ApplianceView | None, notes: CounterNotes
) -> object:
    from desk_app.printing import ApplianceTagData

    return ApplianceTagData(
        ticket_no=ticket.number,
        customer_name=ticket.customer_name,
        phone=ticket.contact_phone or "",
        product_type=appliance.category if appliance else "",
        brand=(appliance.brand or "") if appliance else "",
        model=appliance.model if appliance else "",
        serial_no=(appliance.serial or "") if appliance else "",
        accessories=notes.accessories,
        fault_description=ticket.fault_description,
        received_at=_local(ticket.received_at, desk),
        received_by=ticket.events[0].user if ticket.events else desk.actor.display_name,
        language=current_language(),
    )


def open_preview(
    parent: QWidget, desk: Desk, data: object, title: str, file_name: str, paper: str
) -> None:
    """Render ``data`` in the background, then print it where this PC routes its kind, or
    show it in the print preview."""
    from desk_app.printing import RenderedPdf, document_kind, render_checked
    from desk_app.services.paperwork import paperwork
    from desk_app.ui.paperwork.present import present_pdf, tell

    db, kind, desk_language = desk.db, document_kind(data), current_language()

    def render() -> RenderedPdf:
        # the one print-language rule: the manager's language for this kind of paper
        language = paperwork.print_language(db, kind, desk_language)
        chosen = dataclasses.replace(data, language=language)  # type: ignore[type-var]
        return render_checked(chosen, paperwork.company_header(db))

    def show(result: RenderedPdf) -> None:
        present_pdf(
            parent,
            desk,
            kind,
            result.pdf,
            title=title,
            file_name=file_name,
            number=getattr(data, "ticket_no", ""),
            paper=paper,
        )
        warning = result.warning()
        if warning is not None:  # printed, but some characters as their code
            tell(parent, code_text(warning[0], **warning[1]))

    desk.ops.run(
        render,
        on_success=show,
        on_failure=lambda error: show_error(parent, error, desk.tz),
        owner=parent,
    )
