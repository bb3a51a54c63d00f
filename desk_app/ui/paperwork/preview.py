"""Print preview of a rendered PDF (QtPdf), printing through the system dialog or straight
to a configured printer, and saving as PDF.

Printing rasterises each PDF page with ``QPdfDocument.render`` at the printer's
resolution (capped at ``MAX_PRINT_DPI``) and paints it onto the whole sheet, so
what the counter prints is exactly what the preview shows, fonts included.
All functions here must be called on the GUI thread.
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
    QPoint,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desk_app.printing.errors import PrinterNotFound, PrintFailed

MAX_PRINT_DPI = 300  # an A4 page at 300 dpi is a 35 MB image; more buys nothing on paper

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
    """Paint the pages the printer asks for (all, or its from/to range); return how many.

    Each page is rendered at the printer's resolution (≤ MAX_PRINT_DPI) on white
    and scaled to fit the sheet, centred. Raises PrintFailed if painting cannot start.
    """
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed("the printer did not accept the job")
    try:
        first = printer.fromPage() or 1
        last = printer.toPage() or document.pageCount()
        pages = range(max(first, 1) - 1, min(last, document.pageCount()))
        sheet = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        for n, page in enumerate(pages):
            if n:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = _on_white(document.render(page, size))
            scale = min(sheet.width() / size.width(), sheet.height() / size.height())
            w, h = size.width() * scale, size.height() * scale
            target = QRectF(
                sheet.x() + (sheet.width() - w) / 2, sheet.y() + (sheet.height() - h) / 2, w, h
            )
            painter.drawImage(target, image)
        return len(pages)
    finally:
        painter.end()


def _on_white(page: QImage) -> QImage:
    """The rendered page over white paper (QtPdf leaves the background transparent)."""
    sheet = QImage(page.size(), QImage.Format.Format_RGB32)
    sheet.fill(Qt.GlobalColor.white)
    painter = QPainter(sheet)
    painter.drawImage(0, 0, page)
    painter.end()
    return sheet


def print_pdf_direct(
    pdf_bytes: bytes,
    printer_name: str,
    paper: str | None = None,
    *,
    document_name: str = "desk-app",
) -> int:
    """Print without a dialog on the named printer (the per-document-kind setting).

    ``paper`` is a paper name of desk_app.printing.PAPER_SIZES, or None for the
    PDF's own page size. Returns the number of pages sent. Raises PrinterNotFound
    when no such printer is installed, PrintFailed when the job cannot start.
    """
    info = QPrinterInfo.printerInfo(printer_name)
    if info.isNull():
        raise PrinterNotFound(printer_name)
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setDocName(document_name)
    document, buffer = load_pdf(pdf_bytes)
    try:
        setup_printer(printer, document, paper)
        return paint_pdf(document, printer)
    finally:
        document.close()
        buffer.close()


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
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
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
        """Ask with the system print dialog, then print; False if the clerk cancelled."""
        printer = self.make_printer()
        if not ask_print_options(printer, self):
            return False
        printer.setFullPage(True)
        paint_pdf(self.document, printer)
        return True

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
    language: str = "zh_CN",
    present: Callable[[bytes, str, str], object] | None = None,
) -> None:
    """Load the ticket's work order in the background, then show its preview.

    The work of ``hook.WorkOrderPrinter``. The database read and the rendering run
    through ``ops`` (the desk's BackgroundOps; a private one when None), never on
    the GUI thread; errors are shown through ``ui.errors``. ``present(pdf, title,
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

    def load() -> tuple[str, RenderedPdf]:
        number = tickets.get_ticket(db, actor, ticket_id).number
        data = paperwork.work_order(db, actor, number, language)
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


STATUS_MS = 10_000


def tell(parent: QWidget, text: str) -> None:
    """A short note in the main window's status bar (a tooltip where there is none)."""
    widget: QWidget | None = parent
    while widget is not None and not isinstance(widget, QMainWindow):
        widget = widget.parentWidget()
    if isinstance(widget, QMainWindow):
        widget.statusBar().showMessage(text, STATUS_MS)
    else:
        QToolTip.showText(parent.mapToGlobal(QPoint(0, 0)), text, parent, parent.rect(), STATUS_MS)
    parent.setProperty("lastPrintMessage", text)  # what tests and screen readers can read
