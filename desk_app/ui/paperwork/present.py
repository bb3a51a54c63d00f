"""The one way a screen puts a printed form in front of the clerk: straight to the printer
this PC routes its kind to, or else the print preview; and those per-PC routes.

Routes live in this PC's QSettings (``Desk.settings``), not in the shared database:
each counter has its own printer, and a printer name means nothing on another PC.
With no route (the default) every document opens in the preview. All functions
here run on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from desk_app.domain.errors import ValidationError
from desk_app.domain.permissions import Perm, require
from desk_app.printing import DOCUMENT_KINDS, PAPER_SIZES
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import show_error
from desk_app.ui.paperwork.preview import PrintPreviewDialog, print_pdf_direct, tell

log = logging.getLogger(__name__)

ROUTES_GROUP = "print_routes"  # QSettings: print_routes/<kind>/printer, .../paper
MAX_PRINTER_NAME = 200

# (pdf bytes, printer name, paper or None, *, document_name=...) -> pages sent
DirectPrint = Callable[..., int]


@dataclass(frozen=True)
class PrintRoute:
    """Where this PC prints one document kind without asking."""

    printer: str
    paper: str | None = None  # a name of desk_app.printing.PAPER_SIZES; None: the PDF's own


def document_labels() -> dict[str, str]:
    """What each DOCUMENT_KINDS key is called on screen."""
    return {
        "work_order": QCoreApplication.translate("PrintLabels", "Work order"),
        "feedback_form": QCoreApplication.translate("PrintLabels", "Service feedback form"),
        "requisition": QCoreApplication.translate("PrintLabels", "Parts requisition"),
        "returned_part_slip": QCoreApplication.translate("PrintLabels", "Returned-part slip"),
        "count_sheet": QCoreApplication.translate("PrintLabels", "Stocktake count sheet"),
        "check_in_receipt": QCoreApplication.translate("PrintLabels", "Check-in receipt"),
        "appliance_tag": QCoreApplication.translate("PrintLabels", "Appliance tag"),
    }


def paper_labels() -> dict[str, str]:
    """What each PAPER_SIZES name is called on screen."""
    return {
        "A4": "A4",
        "A5": "A5",
        "A4-landscape": QCoreApplication.translate("PrintLabels", "A4 landscape"),
        "A5-landscape": QCoreApplication.translate("PrintLabels", "A5 landscape"),
        "tag-70x50": QCoreApplication.translate("PrintLabels", "Tag label 70 × 50 mm"),
    }


def get_print_routes(settings: QSettings) -> dict[str, PrintRoute]:
    """Document kind → route, for the kinds this PC prints directly (unknown kinds and
    papers left by an older version are ignored)."""
    routes: dict[str, PrintRoute] = {}
    for kind in DOCUMENT_KINDS:
        printer = str(settings.value(f"{ROUTES_GROUP}/{kind}/printer", "") or "").strip()
        if not printer:
            continue
        paper = str(settings.value(f"{ROUTES_GROUP}/{kind}/paper", "") or "") or None
        routes[kind] = PrintRoute(printer, paper if paper in PAPER_SIZES else None)
    return routes


def print_route(settings: QSettings, kind: str) -> PrintRoute | None:
    return get_print_routes(settings).get(kind)


def set_print_route(desk: Desk, kind: str, printer_name: str | None, paper: str | None) -> None:
    """Print ``kind`` straight to ``printer_name`` on ``paper`` from now on, on this PC;
    an empty or None printer means "show the preview". Managers only."""
    require(desk.actor.username, desk.actor.roles, Perm.MANAGE_SETTINGS)
    if kind not in DOCUMENT_KINDS:
        raise ValidationError("kind", f"Unknown document kind {kind}.")
    if paper is not None and paper not in PAPER_SIZES:
        raise ValidationError(f"paper.{kind}", f"Unknown paper {paper}.")
    printer = (printer_name or "").strip()
    if len(printer) > MAX_PRINTER_NAME:
        raise ValidationError(
            f"printer.{kind}", f"Too long: at most {MAX_PRINTER_NAME} characters."
        )
    settings = desk.settings
    if printer:
        settings.setValue(f"{ROUTES_GROUP}/{kind}/printer", printer)
        settings.setValue(f"{ROUTES_GROUP}/{kind}/paper", paper or "")
    else:
        settings.remove(f"{ROUTES_GROUP}/{kind}")
    settings.sync()
    # Not in the shared audit log: a PC's printer is not business data; the log file has it.
    log.info("%s routes %s to %s (%s)", desk.actor.username, kind, printer or "preview", paper)


def present_pdf(
    parent: QWidget,
    desk: Desk,
    kind: str,
    pdf: bytes,
    *,
    title: str,
    file_name: str,
    paper: str | None = None,
    preview: bool = False,
    print_direct: DirectPrint | None = None,
) -> PrintPreviewDialog | None:
    """Print ``pdf`` (a document of DOCUMENT_KINDS ``kind``) where this PC routes it, or
    open the print preview (``paper`` preselected) when there is no route or ``preview``.

    Direct printing uses ``print_direct``, else ``desk.print_direct``, else the real
    ``print_pdf_direct``; success is told in the main window's status bar. If it fails
    the error is shown over the preview, so the clerk can still print elsewhere.
    Returns the preview dialog, or None when the document went to the printer.
    """
    route = None if preview else print_route(desk.settings, kind)
    if route is None:
        return _open_preview(parent, pdf, title, file_name, paper)
    send = print_direct or desk.print_direct or print_pdf_direct
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        pages = send(pdf, route.printer, route.paper, document_name=file_name.rsplit(".", 1)[0])
    except Exception as error:  # shown to the clerk (and logged if unexpected) below
        QApplication.restoreOverrideCursor()
        dialog = _open_preview(parent, pdf, title, file_name, route.paper or paper)
        show_error(dialog, error, desk.tz)
        return dialog
    QApplication.restoreOverrideCursor()
    tell(
        parent,
        QCoreApplication.translate("PresentPdf", "%1: %n page(s) sent to %2.", "", pages)
        .replace("%1", title)
        .replace("%2", route.printer),
    )
    return None


def _open_preview(
    parent: QWidget, pdf: bytes, title: str, file_name: str, paper: str | None
) -> PrintPreviewDialog:
    dialog = PrintPreviewDialog(pdf, parent, title=title, file_name=file_name, paper=paper)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
