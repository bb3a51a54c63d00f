"""Print jobs from the desk: off the GUI thread, with progress and Cancel, and the truth
about each job told to the clerk (printed, queued, held, refused; no such printer;
spooler not answering).

``start_print_job`` is what a screen calls: it shows a small non-modal progress window,
runs ``printing.spooler.send_and_check`` on the desk's background operations and,
on the GUI thread, tells the outcome in the status bar (``tell``) or hands the error
to ``on_failure``. The window never waits: a hung spooler costs the clerk nothing
but the progress window, which Cancel closes at once.

``default_spooler`` picks the platform's spooler: CUPS (the PDF itself, vectors) where
the ``lp`` command exists; on Windows the Windows spooler, its pages drawn here by
``draw_pages`` at the printer's own resolution (pywin32 for the job status; without it
``QtSpooler`` prints and says the job was sent, unconfirmed).
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QMarginsF,
    QObject,
    QPoint,
    QRect,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desk_app.printing.cups import CupsSpooler
from desk_app.printing.errors import PrintCancelled, PrinterNotFound, PrintFailed
from desk_app.printing.spooler import (
    FOLLOW_FOR_SECONDS,
    Cancel,
    Job,
    JobOutcome,
    JobState,
    JobStatus,
    PrinterStatus,
    Progress,
    Spooler,
    send_and_check,
)
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import code_text
from desk_app.ui.common.operations import BackgroundOps

log = logging.getLogger(__name__)

PRINT_OPS = "printJobs"
BAND_ROWS = 512  # a page is drawn in strips: a 1200-dpi A4 page whole would be 560 MB

_PAPER_MM: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0),
    "A5": (148.0, 210.0),
    "A4-landscape": (297.0, 210.0),
    "A5-landscape": (210.0, 148.0),
    "tag-70x50": (70.0, 50.0),
}


# ---------------------------------------------------------------- drawing pages (Windows)


def _page_layout(paper: str | None, document: QPdfDocument) -> QPageLayout:
    if paper in _PAPER_MM:
        w, h = _PAPER_MM[paper]
    else:
        points = document.pagePointSize(0)
        w, h = points.width() * 25.4 / 72, points.height() * 25.4 / 72
    landscape = w > h
    size = QPageSize(QSizeF(min(w, h), max(w, h)), QPageSize.Unit.Millimeter, paper or "")
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def draw_document(
    document: QPdfDocument,
    printer: QPrinter,
    *,
    dpi: int | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> int:
    """Draw the pages ``printer`` asks for (its from/to range) at ``dpi`` (None: the
    printer's own resolution), each in strips of ``BAND_ROWS`` rows on white, scaled to
    fit the sheet and centred. Returns the pages drawn. Safe on a worker thread (Qt
    supports QPainter on a QPrinter there); raises PrintFailed, PrintCancelled."""
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed("the printer did not accept the job")
    name = printer.printerName() or printer.outputFileName()
    try:
        first = printer.fromPage() or 1
        last = printer.toPage() or document.pageCount()
        pages = range(max(first, 1) - 1, min(last, document.pageCount()))
        sheet = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
        resolution = dpi or printer.resolution()
        for n, page in enumerate(pages):
            if cancel is not None and cancel.is_set():
                printer.abort()
                raise PrintCancelled(name)
            if progress is not None:
                progress("print.step_page", {"page": n + 1, "pages": len(pages), "printer": name})
            if n:
                printer.newPage()
            points = document.pagePointSize(page)
            full = QSize(
                round(points.width() * resolution / 72), round(points.height() * resolution / 72)
            )
            scale = min(sheet.width() / full.width(), sheet.height() / full.height())
            left = sheet.x() + (sheet.width() - full.width() * scale) / 2
            top = sheet.y() + (sheet.height() - full.height() * scale) / 2
            for y in range(0, full.height(), BAND_ROWS):
                rows = min(BAND_ROWS, full.height() - y)
                options = QPdfDocumentRenderOptions()
                options.setScaledSize(full)
                options.setScaledClipRect(QRect(0, y, full.width(), rows))
                band = _on_white(document.render(page, QSize(full.width(), rows), options))
                target = QRectF(left, top + y * scale, full.width() * scale, rows * scale)
                painter.drawImage(target, band)
        return len(pages)
    finally:
        if painter.isActive():
            painter.end()


def _on_white(image: QImage) -> QImage:
    """The rendered strip over white paper (QtPdf leaves the background transparent)."""
    sheet = QImage(image.size(), QImage.Format.Format_RGB32)
    sheet.fill(Qt.GlobalColor.white)
    painter = QPainter(sheet)
    painter.drawImage(0, 0, image)
    painter.end()
    return sheet


def open_document(pdf: bytes) -> tuple[QPdfDocument, Path]:
    """A QPdfDocument of ``pdf`` read from a temporary file (synchronous, and safe on a
    worker thread); delete the file when done."""
    handle, name = tempfile.mkstemp(prefix="desk-draw-", suffix=".pdf")
    with os.fdopen(handle, "wb") as f:
        f.write(pdf)
    document = QPdfDocument()
    document.load(name)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        Path(name).unlink(missing_ok=True)
        raise PrintFailed(f"not a readable PDF ({document.error()})")
    return document, Path(name)


def draw_pages(
    pdf: bytes,
    printer_name: str,
    title: str,
    paper: str | None,
    copies: int,
    page_range: tuple[int, int] | None,
    progress: Progress | None,
    cancel: threading.Event | None,
) -> int:
    """The ``draw`` of WindowsSpooler / QtSpooler: the pages of ``pdf`` through the
    printer's driver at its own resolution, named ``title`` in the queue."""
    info = QPrinterInfo.printerInfo(printer_name)
    if info.isNull():
        raise PrinterNotFound(printer_name)
    document, path = open_document(pdf)
    try:
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        printer.setPageLayout(_page_layout(paper, document))
        printer.setFullPage(True)
        printer.setCopyCount(max(1, copies))
        if page_range is not None:
            printer.setFromTo(*page_range)
        return draw_document(document, printer, progress=progress, cancel=cancel)
    finally:
        document.close()
        path.unlink(missing_ok=True)


class QtSpooler:
    """Where no spooler API is at hand (Windows without pywin32): the pages go through
    Qt to the driver, and the job can only be called sent, never confirmed."""

    watch_seconds = 0.0
    follow_seconds = 0.0  # nothing to look at: the job cannot be followed

    def printer_status(self, printer: str, cancel: threading.Event | None = None) -> PrinterStatus:
        if QPrinterInfo.printerInfo(printer).isNull():
            raise PrinterNotFound(printer)
        return PrinterStatus(printer)

    def submit(
        self,
        pdf: bytes,
        printer: str,
        *,
        title: str,
        paper: str | None = None,
        copies: int = 1,
        page_range: tuple[int, int] | None = None,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> Job:
        pages = draw_pages(pdf, printer, title, paper, copies, page_range, progress, cancel)
        return Job(printer, "", title, pages)

    def job_status(self, job: Job, cancel: threading.Event | None = None) -> JobStatus:
        return JobStatus(JobState.QUEUED, "")

    def cancel(self, job: Job) -> None:
        return None


def default_spooler() -> Spooler:
    """This computer's spooler (see the module docstring)."""
    if sys.platform == "win32":
        from desk_app.printing.windows import WindowsSpooler, load_win32print

        if load_win32print() is not None:
            return WindowsSpooler(draw_pages)
        return QtSpooler()
    if CupsSpooler.available():
        return CupsSpooler()
    return QtSpooler()


# ---------------------------------------------------------------- the job from a screen

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


class _Relay(QObject):
    """Carries progress from the worker thread to the GUI thread (queued signal)."""

    step = Signal(str, object)


class PrintProgress(QDialog):
    """ "Sending to PRINTER…" with Cancel, while a job runs; not modal: the desk goes on."""

    def __init__(self, parent: QWidget | None, title: str, printer: str) -> None:
        super().__init__(parent)
        self.setObjectName("printProgress")
        self.setWindowTitle(self.tr("Printing"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.cancel_event = Cancel()
        self.what = QLabel(title, self)
        self.what.setObjectName("printWhat")
        self.step = QLabel(code_text("print.step_checking", printer=printer), self)
        self.step.setObjectName("printStep")
        self.step.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel printing"), self)
        self.cancel_button.setObjectName("cancelPrint")
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addWidget(self.step)
        layout.addLayout(row)
        self.setMinimumWidth(360)

    def show_step(self, code: str, values: dict[str, object]) -> None:
        self.step.setText(code_text(code, **values))

    def cancel(self) -> None:
        """Ask the job to stop; the window closes when the worker has given up."""
        self.cancel_event.set()
        self.cancel_button.setEnabled(False)
        self.step.setText(self.tr("Cancelling…"))


def outcome_text(outcome: JobOutcome, title: str | None = None) -> str:
    """What the clerk reads about a job the spooler accepted (``title``: the document as
    the screen calls it; default the job's title)."""
    values = outcome.values()
    if title:
        values["title"] = title
    return " ".join(code_text(outcome.code, **values).split())


def start_print_job(
    parent: QWidget,
    desk: Desk,
    pdf: bytes,
    printer: str,
    *,
    title: str,
    job_title: str,
    paper: str | None = None,
    copies: int = 1,
    page_range: tuple[int, int] | None = None,
    spooler: Spooler | None = None,
    on_done: Callable[[JobOutcome], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
) -> PrintProgress:
    """Send ``pdf`` to ``printer`` off the GUI thread, showing progress with Cancel.

    ``title`` is what the clerk sees, ``job_title`` the spooler's name of the job
    (``printing.spooler.job_title``). When the spooler has answered, the outcome is
    told in the status bar and ``on_done(outcome)`` runs; a refusal (no such printer,
    spooler not answering, refused, cancelled) goes to ``on_failure`` (default: the
    status bar). Returns the progress window (tests press its Cancel)."""
    chosen = spooler or desk.spooler or default_spooler()
    window = PrintProgress(parent, title, printer)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    relay = _Relay(window)
    relay.step.connect(window.show_step)
    cancel = window.cancel_event

    def job() -> JobOutcome:
        return send_and_check(
            chosen,
            pdf,
            printer,
            title=job_title,
            paper=paper,
            copies=copies,
            page_range=page_range,
            progress=lambda code, values: relay.step.emit(code, values),
            cancel=cancel,
        )

    def done(outcome: JobOutcome) -> None:
        window.close()
        tell(parent, outcome_text(outcome, title))
        log.info("print %s on %s: %s", job_title, printer, outcome.status)
        if outcome.status.state in (JobState.QUEUED, JobState.HELD):
            follow_job(parent, desk, chosen, outcome, title)
        if on_done is not None:
            on_done(outcome)

    def failed(error: BaseException) -> None:
        window.close()
        log.info("print %s on %s failed: %s", job_title, printer, error)
        if on_failure is not None:
            on_failure(error)
        else:
            from desk_app.ui.common.errors import message_for

            tell(parent, message_for(error, desk.tz))

    window.show()
    print_ops(desk).run(job, on_success=done, on_failure=failed, owner=parent)
    return window


def follow_job(
    parent: QWidget, desk: Desk, spooler: Spooler, outcome: JobOutcome, title: str
) -> QTimer | None:
    """Look at a job left queued or held again every ``spooler.follow_seconds`` (one
    spooler call each time, off the GUI thread: no thread is held in between) and tell
    the clerk when it changes: printed, refused, cancelled, or held/queued again. Stops
    at a final state, after FOLLOW_FOR_SECONDS, or with ``parent``. Returns the timer."""
    if spooler.follow_seconds <= 0:
        return None
    timer = QTimer(parent)
    timer.setInterval(round(spooler.follow_seconds * 1000))
    last = [outcome.status.state]
    deadline = time.monotonic() + FOLLOW_FOR_SECONDS
    key = f"print.follow.{outcome.job.printer}.{outcome.job.job_id}.{id(timer)}"

    def seen(status: JobStatus) -> None:
        if status.state is last[0]:
            return
        last[0] = status.state
        tell(parent, outcome_text(JobOutcome(outcome.job, status), title))
        log.info("print %s on %s later: %s", outcome.job.title, outcome.job.printer, status)
        if status.state not in (JobState.QUEUED, JobState.HELD):
            timer.stop()

    def look() -> None:
        if time.monotonic() > deadline:
            timer.stop()
            return
        print_ops(desk).run(
            lambda: spooler.job_status(outcome.job),
            on_success=seen,
            on_failure=lambda error: log.info("following %s: %s", outcome.job.title, error),
            key=key,
            owner=timer,
            quiet=True,
        )

    timer.timeout.connect(look)
    timer.start()
    return timer


def print_ops(desk: Desk) -> BackgroundOps:
    """The desk's background operations for print jobs: the same helper as the desk's
    own, with its own two threads, so a job watched for seconds on a slow or stalled
    spooler never holds a thread the screens' database work needs."""
    found = desk.ops.findChild(BackgroundOps, PRINT_OPS)
    if isinstance(found, BackgroundOps):
        return found
    ops = BackgroundOps(desk.ops, max_threads=2)
    ops.setObjectName(PRINT_OPS)
    ops.default_failure = desk.ops.default_failure
    return ops
