"""Printed paperwork as PDF: takes plain frozen data (``printing.data``), never Qt or the database.

Every ``render_*`` function writes one PDF to a path or binary file and raises
``FontNotFound`` (``PrintingError``) when no usable font exists. A character no font
has never stops a print: it is printed as a marker ([U+1F600]). ``render_pdf`` picks
the right renderer for any data object and returns bytes, for the preview dialog and
direct printing; ``render_checked`` also returns the characters so replaced, for the
clerk's warning (``replaced_warning``).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from desk_app.printing.count_sheet import render_count_sheet
from desk_app.printing.counter import render_appliance_tag, render_check_in_receipt
from desk_app.printing.data import (
    ApplianceTagData,
    CheckInReceiptData,
    CompanyHeader,
    CountLine,
    CountSheetData,
    FeedbackFormData,
    LikelyPart,
    RequisitionData,
    RequisitionLine,
    ReturnedPartLine,
    ReturnedPartSlipData,
    RouteSheetData,
    RouteStop,
    TechnicianDayData,
    WorkOrderData,
)
from desk_app.printing.document import PAPER_SIZES
from desk_app.printing.errors import FontNotFound, PrintingError
from desk_app.printing.feedback import render_feedback_form, render_feedback_forms
from desk_app.printing.fonts import load_fonts, marker, replaced_characters
from desk_app.printing.formatting import money
from desk_app.printing.parts import render_requisition, render_returned_part_slip
from desk_app.printing.route_sheet import render_route_sheet, render_technician_day
from desk_app.printing.work_order import render_work_order, render_work_orders

# Document kinds (the keys of the "print straight to this printer" settings) with
# their default paper and the data each takes.
DOCUMENT_KINDS: dict[str, tuple[type[Any], str]] = {
    "work_order": (WorkOrderData, "A4"),
    "feedback_form": (FeedbackFormData, "A4"),
    "requisition": (RequisitionData, "A4"),
    "returned_part_slip": (ReturnedPartSlipData, "A5"),
    "count_sheet": (CountSheetData, "A4"),
    "check_in_receipt": (CheckInReceiptData, "A5"),
    "appliance_tag": (ApplianceTagData, "tag-70x50"),
}

_RENDERERS: dict[type[Any], Callable[..., None]] = {
    WorkOrderData: render_work_order,
    FeedbackFormData: render_feedback_form,
    RequisitionData: render_requisition,
    ReturnedPartSlipData: render_returned_part_slip,
    CountSheetData: render_count_sheet,
    CheckInReceiptData: render_check_in_receipt,
    ApplianceTagData: render_appliance_tag,
    RouteSheetData: render_route_sheet,
    TechnicianDayData: render_technician_day,
}

# Printed with the work orders (their printer and paper): a technician's day.
_WITH_WORK_ORDERS = (RouteSheetData, TechnicianDayData)

_BATCH_RENDERERS: dict[type[Any], Callable[..., None]] = {
    WorkOrderData: render_work_orders,
    FeedbackFormData: render_feedback_forms,
}


def document_kind(data: object) -> str:
    """The DOCUMENT_KINDS key of a data object (e.g. "work_order")."""
    if isinstance(data, _WITH_WORK_ORDERS):
        return "work_order"
    for kind, (cls, _paper) in DOCUMENT_KINDS.items():
        if isinstance(data, cls):
            return kind
    raise TypeError(f"no printed document for {type(data).__name__}")


def render_pdf(
    data: object | Sequence[object],
    header: CompanyHeader,
    *,
    paper: str | None = None,
    font_path: str | None = None,
) -> bytes:
    """The PDF bytes of one document, or of a batch of work orders / feedback forms.

    ``paper`` None means the document kind's default from DOCUMENT_KINDS.
    """
    return render_checked(data, header, paper=paper, font_path=font_path).pdf


@dataclass(frozen=True)
class RenderedPdf:
    """A rendered PDF and the characters printed as a marker because no font has them."""

    pdf: bytes
    replaced: str = ""

    def warning(self) -> tuple[str, dict[str, object]] | None:
        """The clerk's warning as (code, values), or None when every character printed."""
        if not self.replaced:
            return None
        chars = ", ".join(f"{c} {marker(c)}" for c in self.replaced)
        return "print.characters_replaced", {"chars": chars}


def render_checked(
    data: object | Sequence[object],
    header: CompanyHeader,
    *,
    paper: str | None = None,
    font_path: str | None = None,
) -> RenderedPdf:
    """As ``render_pdf``, and which characters no font had (printed as [U+XXXX])."""
    with replaced_characters() as replaced:
        pdf = _render(data, header, paper=paper, font_path=font_path)
    return RenderedPdf(pdf, "".join(sorted(replaced)))


def _render(
    data: object | Sequence[object],
    header: CompanyHeader,
    *,
    paper: str | None,
    font_path: str | None,
) -> bytes:
    buf = io.BytesIO()
    if isinstance(data, list | tuple):
        if not data:
            raise ValueError("nothing to print")
        cls = type(data[0])
        if cls not in _BATCH_RENDERERS or any(type(d) is not cls for d in data):
            raise TypeError("a batch must be all work orders or all feedback forms")
        paper = paper or DOCUMENT_KINDS[document_kind(data[0])][1]
        _BATCH_RENDERERS[cls](list(data), header, buf, paper=paper, font_path=font_path)
    else:
        kind = document_kind(data)
        paper = paper or DOCUMENT_KINDS[kind][1]
        _RENDERERS[type(data)](data, header, buf, paper=paper, font_path=font_path)
    return buf.getvalue()


__all__ = [
    "DOCUMENT_KINDS",
    "PAPER_SIZES",
    "ApplianceTagData",
    "CheckInReceiptData",
    "CompanyHeader",
    "CountLine",
    "CountSheetData",
    "FeedbackFormData",
    "FontNotFound",
    "LikelyPart",
    "PrintingError",
    "RenderedPdf",
    "RequisitionData",
    "RequisitionLine",
    "ReturnedPartLine",
    "ReturnedPartSlipData",
    "RouteSheetData",
    "RouteStop",
    "TechnicianDayData",
    "WorkOrderData",
    "document_kind",
    "load_fonts",
    "money",
    "render_appliance_tag",
    "render_check_in_receipt",
    "render_checked",
    "render_count_sheet",
    "render_feedback_form",
    "render_feedback_forms",
    "render_pdf",
    "render_requisition",
    "render_returned_part_slip",
    "render_route_sheet",
    "render_technician_day",
    "render_work_order",
    "render_work_orders",
]
