"""Print jobs through the platform's spooler, and the truth about them afterwards.

A ``Spooler`` takes the PDF of a document, hands it to a named printer and then answers
what became of that job: printed, still queued, held, or refused. Every call it makes
to the spooler has a timeout, and a stalled or stopped spooler is a
``SpoolerNotAnswering``, never "no such printer". ``send_and_check`` is the whole job
as a screen runs it on a worker thread: check the printer, submit, then watch the job
for a few seconds, with progress and cancel.

Implementations: ``printing.cups.CupsSpooler`` (Linux, macOS: the PDF itself goes to
the queue, as vectors) and ``printing.windows.WindowsSpooler`` (the Windows print
spooler's job status; pages are drawn by the caller at the printer's resolution).
No Qt here: the Windows drawing is the UI's (``ui.paperwork.jobs``).

Thread-safety: a spooler object holds no state between calls, so one may serve several
worker threads; ``Cancel`` is a ``threading.Event`` the GUI thread sets.
"""

from __future__ import annotations

import enum
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from desk_app.printing.errors import JobRefused, PrintCancelled, SpoolerNotAnswering

# Seconds one spooler call (a command, an API call) may take before the spooler counts
# as not answering; a healthy local spooler answers in milliseconds.
CALL_TIMEOUT = 10.0
# Seconds a job is watched after submission; still not done then, it is "queued".
WATCH_SECONDS = 15.0
FOLLOW_SECONDS = 5.0
FOLLOW_FOR_SECONDS = 30 * 60  # a job still queued after half an hour is the printer's business
POLL_SECONDS = 0.5

T = TypeVar("T")
Progress = Callable[[str, dict[str, object]], None]  # (step code, values), worker thread


class JobState(enum.StrEnum):
    """What became of a job, as the clerk is told."""

    PRINTED = "printed"  # the spooler finished it (handed to the device)
    QUEUED = "queued"  # waiting or printing, not finished within the watch
    HELD = "held"  # kept in the queue until someone releases it
    REFUSED = "refused"  # the printer or queue stopped or aborted it
    CANCELLED = "cancelled"  # cancelled (by the clerk or at the printer)


@dataclass(frozen=True)
class PrinterStatus:
    """A printer as its spooler describes it."""

    name: str
    accepting: bool = True  # False: the queue refuses new jobs
    paused: bool = False  # True: jobs queue but nothing prints
    reason: str = ""  # the spooler's words for the above


@dataclass(frozen=True)
class Job:
    """A job the spooler accepted."""

    printer: str
    job_id: str  # the spooler's id ("DeskPDF-17" on CUPS, "42" on Windows)
    title: str
    pages: int = 0


@dataclass(frozen=True)
class JobStatus:
    state: JobState
    reason: str = ""  # the spooler's words ("job-hold-until-specified", "paper jam")


@dataclass(frozen=True)
class JobOutcome:
    """The answer of ``send_and_check``: the job and what became of it."""

    job: Job
    status: JobStatus

    @property
    def code(self) -> str:
        """The message code of this outcome (``messages/templates/printing.py``)."""
        return f"print.job_{self.status.state.value}"

    def values(self) -> dict[str, object]:
        """The message's values; the spooler's own words in brackets ("(paper out)"),
        or empty."""
        reason = self.status.reason.strip().rstrip(".")
        return {
            "title": self.job.title,
            "printer": self.job.printer,
            "pages": self.job.pages,
            "reason": f"({reason})" if reason else "",
        }


class Spooler(Protocol):
    """What a print spooler does for the desk; every method may block up to its timeout
    and raises ``PrinterNotFound``, ``SpoolerNotAnswering`` or ``JobRefused``."""

    #: seconds ``send_and_check`` watches a job before calling it queued
    watch_seconds: float
    #: seconds between the later looks at a job left queued or held (the desk tells the
    #: clerk when it prints, or is refused, after all)
    follow_seconds: float

    def printer_status(self, printer: str, cancel: threading.Event | None = None) -> PrinterStatus:
        """The printer's state; PrinterNotFound when the spooler knows no such printer.
        ``cancel`` set while it waits: PrintCancelled at once."""
        ...

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
        """Hand the PDF to ``printer`` as one job named ``title``."""
        ...

    def job_status(self, job: Job, cancel: threading.Event | None = None) -> JobStatus:
        """What the spooler says of ``job`` now."""
        ...

    def cancel(self, job: Job) -> None:
        """Cancel ``job`` if it has not printed yet (no error if it already has)."""
        ...


class Cancel(threading.Event):
    """Set by the clerk's Cancel button (GUI thread); the job's worker checks it."""


def _check(cancel: threading.Event | None, printer: str) -> None:
    if cancel is not None and cancel.is_set():
        raise PrintCancelled(printer)


def send_and_check(
    spooler: Spooler,
    pdf: bytes,
    printer: str,
    *,
    title: str,
    paper: str | None = None,
    copies: int = 1,
    page_range: tuple[int, int] | None = None,
    watch: float | None = None,
    poll: float = POLL_SECONDS,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> JobOutcome:
    """Check the printer, submit the PDF, then watch the job until it is printed, held,
    refused or cancelled, or ``watch`` seconds pass (then: queued). Run on a worker thread.

    ``progress(step, values)`` is told each step ("print.step_checking", "..._sending",
    "..._waiting"). When ``cancel`` is set the job is cancelled at the spooler (if it was
    submitted) and PrintCancelled raised. A queue that refuses jobs raises JobRefused
    before anything is sent; so does a job the spooler stopped or aborted.
    """
    tell = progress or (lambda _step, _values: None)
    tell("print.step_checking", {"printer": printer})
    status = spooler.printer_status(printer, cancel)
    if not status.accepting:
        raise JobRefused(printer, status.reason)
    _check(cancel, printer)
    tell("print.step_sending", {"printer": printer})
    job = spooler.submit(
        pdf,
        printer,
        title=title,
        paper=paper,
        copies=copies,
        page_range=page_range,
        progress=progress,
        cancel=cancel,
    )
    deadline = clock() + (spooler.watch_seconds if watch is None else watch)
    while True:
        if cancel is not None and cancel.is_set():
            spooler.cancel(job)
            raise PrintCancelled(printer)
        state = spooler.job_status(job, cancel)
        if state.state is JobState.REFUSED:
            raise JobRefused(printer, state.reason)
        if state.state is not JobState.QUEUED or clock() >= deadline:
            if state.state is JobState.QUEUED and status.paused:
                state = JobStatus(JobState.QUEUED, status.reason or state.reason)
            return JobOutcome(job, state)
        tell("print.step_waiting", {"printer": printer})
        sleep(poll)


_UNSAFE = re.compile(r"[^\x20-\x7e]+")

# The job title's first word(s): ASCII, because queues and PDF printers turn anything
# else into octal or underscores ("346_264_276_..." on CUPS-PDF).
TITLE_WORDS: dict[str, str] = {
    "work_order": "Work order",
    "technician_day": "Technician day",
    "feedback_form": "Feedback form",
    "requisition": "Requisition",
    "returned_part_slip": "Returned-part slip",
    "count_sheet": "Count sheet",
    "check_in_receipt": "Check-in receipt",
    "appliance_tag": "Appliance tag",
}


def job_title(kind: str, number: str) -> str:
    """The spooler's name of a job: its document kind and number, printable ASCII only
    ("Work order S20241204-0001"), at most 100 characters."""
    words = TITLE_WORDS.get(kind, kind.replace("_", " ").capitalize())
    clean = " ".join(_UNSAFE.sub(" ", number).split())
    return f"{words} {clean}".strip()[:100]


def pages_in(pdf: bytes) -> int:
    """Pages of a PDF made by ``printing`` (reportlab writes one /Type /Page each)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def call_with_timeout(
    fn: Callable[[], T], timeout: float, what: str, cancel: threading.Event | None = None
) -> T:
    """``fn()`` on a helper thread, waited for at most ``timeout`` seconds: for platform
    calls that take no timeout of their own (the Windows print API blocks while the
    spooler service hangs). ``cancel`` set meanwhile: PrintCancelled at once. After a
    timeout the helper thread is left to finish or hang on its own (daemon) and
    SpoolerNotAnswering is raised."""
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as error:  # handed back to the caller's thread below
            box["error"] = error

    helper = threading.Thread(target=target, name=f"spooler:{what}", daemon=True)
    helper.start()
    deadline = time.monotonic() + timeout
    while helper.is_alive() and time.monotonic() < deadline:
        helper.join(0.05)
        if cancel is not None and cancel.is_set() and helper.is_alive():
            raise PrintCancelled(what)
    if helper.is_alive():
        raise SpoolerNotAnswering(f"{what} gave no answer in {timeout:.0f} s", seconds=timeout)
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]
