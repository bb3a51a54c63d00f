"""The one way a screen puts a printed form in front of the clerk: straight to the printer
this PC routes its kind to (a spooler job off the GUI thread, ``jobs.start_print_job``,
whose outcome the status bar tells), or else the print preview; and those per-PC routes.

Routes live in this PC's QSettings (``Desk.settings``), not in the shared database:
each counter has its own printer, and a printer name means nothing on another PC.
With no route (the default) every document opens in the preview. The language a
document prints in is the shop's, per kind (``settings.print_language``). All
functions here run on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QWidget

from desk_app.domain.errors import ValidationError
from desk_app.domain.permissions import Perm, require
from desk_app.printing import DOCUMENT_KINDS, PAPER_SIZES
from desk_app.printing.errors import PrintCancelled
from desk_app.printing.spooler import JobOutcome, Spooler, job_title
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for, show_error
from desk_app.ui.paperwork.jobs import start_print_job
from desk_app.ui.paperwork.preview import PrintPreviewDialog, tell

log = logging.getLogger(__name__)

ROUTES_GROUP = "print_routes"  # QSettings: print_routes/<kind>/printer, .../paper
MAX_PRINTER_NAME = 200


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


def language_labels() -> dict[str, str]:
    """What each print-language choice (``settings.PRINT_LANGUAGE_CHOICES``) is called."""
    return {
        "zh_CN": QCoreApplication.translate("PrintLabels", "Chinese"),
        "en": QCoreApplication.translate("PrintLabels", "English"),
        "desk": QCoreApplication.translate("PrintLabels", "The desk's language"),
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


def check_print_route(
    desk: Desk, kind: str, printer_name: str | None, paper: str | None = None
) -> str:
    """The printer name a route would store, or the refusal ``set_print_route`` raises."""
    require(desk.actor.username, desk.actor.roles, Perm.MANAGE_SETTINGS)
    if kind not in DOCUMENT_KINDS:
        raise ValidationError("kind", "print.unknown_kind", kind=kind)
    if paper is not None and paper not in PAPER_SIZES:
        raise ValidationError(f"paper.{kind}", "print.unknown_paper", paper=paper)
    printer = (printer_name or "").strip()
    if len(printer) > MAX_PRINTER_NAME:
        raise ValidationError(
            f"printer.{kind}", "print.printer_name_too_long", limit=MAX_PRINTER_NAME
        )
    return printer


def set_print_route(desk: Desk, kind: str, printer_name: str | None, paper: str | None) -> None:
    """Print ``kind`` straight to ``printer_name`` on ``paper`` from now on, on this PC;
    an empty or None printer means "show the preview". Managers only."""
    printer = check_print_route(desk, kind, printer_name, paper)
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
    number: str = "",
    job_name: str | None = None,
    paper: str | None = None,
    preview: bool = False,
    spooler: Spooler | None = None,
    on_preview: Callable[[PrintPreviewDialog], None] | None = None,
    on_printed: Callable[[JobOutcome], None] | None = None,
) -> PrintPreviewDialog | None:
    """Print ``pdf`` (a document of DOCUMENT_KINDS ``kind``, ``number`` its document
    number; ``job_name`` the spooler's name of the job when not kind and number) where
    this PC routes it, or open the print preview (``paper`` preselected)
    when there is no route or ``preview``.

    A routed document goes to the spooler (``spooler``, else ``desk.spooler``, else this
    computer's) off the GUI thread, with progress and Cancel; the status bar then says
    what became of the job (printed, queued, held). If the printer is missing, refused
    the job or the spooler does not answer, the error is shown over the preview, so the
    clerk can still print elsewhere (``on_preview`` gets that preview). Returns the
    preview dialog when one opened at once, None when the document went to the spooler.
    """
    route = None if preview else print_route(desk.settings, kind)
    if route is None:
        dialog = _open_preview(parent, pdf, title, file_name, paper, desk, kind)
        if on_preview is not None:
            on_preview(dialog)
        return dialog

    def failed(error: BaseException) -> None:
        if isinstance(error, PrintCancelled):
            tell(parent, message_for(error, desk.tz))
            return
        dialog = _open_preview(parent, pdf, title, file_name, route.paper or paper, desk, kind)
        show_error(dialog, error, desk.tz)
        if on_preview is not None:
            on_preview(dialog)

    start_print_job(
        parent,
        desk,
        pdf,
        route.printer,
        title=title,
        job_title=job_name or job_title(kind, number or file_name.rsplit(".", 1)[0]),
        paper=route.paper,
        spooler=spooler,
        on_done=on_printed,
        on_failure=failed,
    )
    return None


def _open_preview(
    parent: QWidget,
    pdf: bytes,
    title: str,
    file_name: str,
    paper: str | None,
    desk: Desk,
    kind: str,
) -> PrintPreviewDialog:
    dialog = PrintPreviewDialog(
        pdf, parent, title=title, file_name=file_name, paper=paper, desk=desk, kind=kind
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
