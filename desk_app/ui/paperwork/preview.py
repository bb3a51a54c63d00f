"""Print preview of a rendered PDF (QtPdf), printing through the system dialog or straight
to a configured printer, and saving as PDF.

Print… asks with the system dialog, then sends the job through the spooler off the
GUI thread (``jobs.start_print_job``: the PDF itself on CUPS, pages drawn at the
printer's resolution on Windows) and tells the clerk what became of it. A file
printer (print to PDF) gets the pages drawn at up to ``MAX_FILE_DPI``. All functions
here must be called on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.printing.errors import PrintFailed
from desk_app.printing.spooler import job_title
from desk_app.ui.common.errors import show_error
from desk_app.ui.paperwork.jobs import (
    PrintProgress,
    draw_document,
    open_document,
    print_ops,
    start_print_job,
    tell,
)

MAX_FILE_DPI = 300  # a page drawn into a PDF file: more only makes the file bigger

# Paper names of desk_app.printing.PAPER_SIZES (what the settings store) as Qt page sizes.
_PAPER: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0),
    "A5": (148.0, 210.0),
    "A4-landscape": (297.0, 210.0),
    "A5-landscape": (210.0, 148.0),
    "tag-70x50": (70.0, 50.0),
}


def load_pdf(pdf: bytes, parent: Any = None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over ``pdf`` and the buffer it reads from (keep both alive)."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)  # synchronous for an in-memory buffer
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise PrintFailed(f"not a readable PDF ({document.error()})")
    return document, buffer


def page_size_for(paper: str | None, document: QPdfDocument) -> QPageSize:
    """The Qt page size of a paper name, or of the document's first page when None."""
    if paper is not None:
        try:
            w, h = _PAPER[paper]
        except KeyError:
            raise PrintFailed(f"unknown paper {paper!r}") from None
        return QPageSize(QSizeF(w, h), QPageSize.Unit.Millimeter, paper)
    points = document.pagePointSize(0)
    return QPageSize(QSizeF(points.width(), points.height()), QPageSize.Unit.Point)


def setup_printer(printer: QPrinter, document: QPdfDocument, paper: str | None) -> None:
    """Sheet size, orientation and no margins: the PDF brings its own margins."""
    size = page_size_for(paper, document)
    mm = size.size(QPageSize.Unit.Millimeter)
    orientation = (
        QPageLayout.Orientation.Landscape
        if mm.width() > mm.height()
        else QPageLayout.Orientation.Portrait
    )
    if mm.width() > mm.height():  # Qt describes landscape sheets as portrait + orientation
        size = QPageSize(QSizeF(mm.height(), mm.width()), QPageSize.Unit.Millimeter, size.name())
    printer.setPageLayout(
        QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    )
    printer.setFullPage(True)


def paint_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Draw the pages the printer asks for (all, or its from/to range) into a file printer
    (``QPrinter.OutputFormat.PdfFormat``), at its resolution up to MAX_FILE_DPI; return
    how many. Raises PrintFailed if painting cannot start."""
    return draw_document(document, printer, dpi=min(printer.resolution(), MAX_FILE_DPI))


def ask_print_options(printer: QPrinter, parent: QWidget | None) -> bool:
    """The system print dialog (printer, pages, copies) for ``printer``; False if cancelled."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("PrintPreviewDialog", "Print"))
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    return bool(dialog.exec() == QDialog.DialogCode.Accepted)


class PrintPreviewDialog(QDialog):
    """Shows a rendered PDF, all pages one under another, with Print…, Save as PDF…, Close.

    ``printer_factory`` makes the QPrinter the Print… action configures (tests
    pass one that writes a PDF file); ``paper`` preselects the sheet size.
    """

    def __init__(
        self,
        pdf_bytes: bytes,
        parent: QWidget | None = None,
        *,
        title: str = "",
        file_name: str = "document.pdf",
        paper: str | None = None,
        printer_factory: Callable[[], QPrinter] | None = None,
        desk: Any = None,
        kind: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.desk = desk  # the desk's spooler and background operations
        self.kind = kind
        self.last_job: PrintProgress | None = None
        self.setWindowTitle(title or self.tr("Print preview"))
        self.pdf_bytes = pdf_bytes
        self.file_name = file_name
        self.paper = paper
        self._printer_factory = printer_factory or (
            lambda: QPrinter(QPrinter.PrinterMode.HighResolution)
        )
        self.document, self._buffer = load_pdf(pdf_bytes, self)

        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.setDefault(True)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.save_button.setObjectName("saveButton")
        self.zoom_out_button = QPushButton(self.tr("Zoom out"), self)
        self.zoom_in_button = QPushButton(self.tr("Zoom in"), self)
        self.fit_button = QPushButton(self.tr("Fit width"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("closeButton")
        self.pages_label = QLabel(self.tr("%n page(s)", "", self.page_count), self)
        self.pages_label.setObjectName("pagesLabel")

        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        self.zoom_in_button.clicked.connect(lambda: self._zoom(1.25))
        self.zoom_out_button.clicked.connect(lambda: self._zoom(0.8))
        self.fit_button.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.close_button.clicked.connect(self.reject)

        bar = QHBoxLayout()
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addSpacing(16)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.fit_button)
        bar.addStretch(1)
        bar.addWidget(self.pages_label)
        bar.addSpacing(16)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.resize(900, 1000)

    @property
    def page_count(self) -> int:
        """Pages of the document shown."""
        return int(self.document.pageCount())

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.1, min(8.0, self.view.zoomFactor() * factor)))

    def make_printer(self) -> QPrinter:
        """A printer preset to the document's paper, before the clerk changes anything."""
        printer = self._printer_factory()
        printer.setDocName(Path(self.file_name).stem)
        setup_printer(printer, self.document, self.paper)
        return printer

    def print_document(self) -> bool:
        """Ask with the system print dialog, then print; False if the clerk cancelled.

        A real printer gets the job through its spooler off the GUI thread (progress,
        Cancel, and the truth about the job in the status bar); a file printer gets the
        pages drawn here."""
        printer = self.make_printer()
        if not ask_print_options(printer, self):
            return False
        printer.setFullPage(True)
        name = printer.printerName()
        native = printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
        if not native or not name:
            self._draw_to_file(printer)
            return True
        if self.desk is None:
            paint_pdf(self.document, printer)
            return True
        first, last = printer.fromPage(), printer.toPage()
        self.last_job = start_print_job(
            self.parentWidget() or self,
            self.desk,
            self.pdf_bytes,
            name,
            title=self.windowTitle(),
            job_title=job_title(self.kind or "document", Path(self.file_name).stem),
            paper=self.paper,
            copies=printer.copyCount(),
            page_range=(first, last) if first and last else None,
        )
        return True

    def _draw_to_file(self, printer: QPrinter) -> None:
        """A file printer (print to PDF): drawn off the GUI thread when there is a desk."""
        if self.desk is None:
            paint_pdf(self.document, printer)
            return
        pdf = self.pdf_bytes

        def draw() -> int:
            document, path = open_document(pdf)
            try:
                return draw_document(document, printer, dpi=min(printer.resolution(), MAX_FILE_DPI))
            finally:
                document.close()
                path.unlink(missing_ok=True)

        target = self.parentWidget() or self
        print_ops(self.desk).run(
            draw,
            on_success=lambda pages: tell(
                target,
                self.tr("%n page(s) written to %1.", "", pages).replace(
                    "%1", printer.outputFileName()
                ),
            ),
            on_failure=lambda error: show_error(target, error, self.desk.tz),
            owner=target,
        )

    def save_as(self) -> Path | None:
        """Ask where, then write the PDF exactly as shown; the path written, or None."""
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), self.file_name, self.tr("PDF files (*.pdf)")
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(target.suffix + ".pdf")
        target.write_bytes(self.pdf_bytes)
        return target


def open_work_order_preview(
    parent: QWidget,
    db: Any,
    actor: Any,
    ticket_id: int,
    *,
    ops: Any = None,
    language: str | None = None,
    present: Callable[[bytes, str, str], object] | None = None,
) -> None:
    """Load the ticket's work order in the background, then show its preview.

    The work of ``hook.WorkOrderPrinter``. The database read and the rendering run
    through ``ops`` (the desk's BackgroundOps; a private one when None), never on
    the GUI thread; errors are shown through ``ui.errors``. ``language`` None: the
    manager's language for work orders (``paperwork.print_language``). ``present(pdf, title,
    file_name)`` replaces the preview (the desk's ``ui.printing.present_pdf``, which
    prints straight to this PC's work-order printer when one is set).
    """
    from desk_app.printing import RenderedPdf, render_checked
    from desk_app.services.paperwork import paperwork
    from desk_app.services.tickets import tickets
    from desk_app.ui.common import errors
    from desk_app.ui.common.operations import BackgroundOps

    if ops is None:
        ops = BackgroundOps(parent)

    desk_language = errors.current_language()

    def load() -> tuple[str, RenderedPdf]:
        number = tickets.get_ticket(db, actor, ticket_id).number
        chosen = language or paperwork.print_language(db, "work_order", desk_language)
        data = paperwork.work_order(db, actor, number, chosen)
        return number, render_checked(data, paperwork.company_header(db))

    def show(result: tuple[str, RenderedPdf]) -> None:
        number, rendered = result
        pdf = rendered.pdf
        warning = rendered.warning()
        if warning is not None:  # printed, but some characters as their code
            tell(parent, errors.code_text(warning[0], **warning[1]))
        title = QCoreApplication.translate("PrintPreviewDialog", "Work order %1").replace(
            "%1", number
        )
        if present is not None:
            present(pdf, title, f"{number}.pdf")
            return
        dialog = PrintPreviewDialog(pdf, parent, title=title, file_name=f"{number}.pdf", paper="A4")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    ops.run(
        load,
        on_success=show,
        on_failure=lambda error: errors.show_error(parent, error),
        key=f"print.work_order.{ticket_id}",
        owner=parent,
    )


__all__ = ["PrintPreviewDialog", "load_pdf", "open_work_order_preview", "tell"]
