"""The Windows print spooler: printer and job status through the Win32 print API
(``win32print`` of pywin32, optional), every call bounded by a timeout.

Windows printers do not take a PDF: the pages are drawn by the caller (the UI's
``ui.paperwork.jobs.draw_pages``: each page rendered at the printer's own resolution
through the printer driver) and handed in as ``draw``. This module finds the job that
drawing made in the printer's queue (by its title, among the ids that were not there
before) and follows it: printed, queued, held (paused), refused (error, blocked by
the driver), cancelled (deleted).

Written against the documented API; it cannot run on the Linux build machine, where
``tests/printing/test_windows_spooler.py`` drives it with a fake ``win32print``.
"""

from __future__ import annotations

import importlib
import threading
import time
from collections.abc import Callable
from typing import Any

from desk_app.printing.errors import PrinterNotFound, PrintFailed, SpoolerNotAnswering
from desk_app.printing.spooler import (
    CALL_TIMEOUT,
    FOLLOW_SECONDS,
    WATCH_SECONDS,
    Job,
    JobState,
    JobStatus,
    PrinterStatus,
    Progress,
    call_with_timeout,
    pages_in,
)

# Win32 error numbers (winerror.h) the print API raises as pywintypes.error.
ERROR_INVALID_PRINTER_NAME = 1801
ERROR_INVALID_PARAMETER = 87  # GetJob of a job that is gone (printed and removed)
SPOOLER_DOWN = {1722, 1726, 1717, 1753, 1115, 2150}  # RPC unavailable / failed, no spooler

# JOB_STATUS_* (winspool.h)
JOB_PAUSED = 0x1
JOB_ERROR = 0x2
JOB_DELETING = 0x4
JOB_SPOOLING = 0x8
JOB_PRINTING = 0x10
JOB_OFFLINE = 0x20
JOB_PAPEROUT = 0x40
JOB_PRINTED = 0x80
JOB_DELETED = 0x100
JOB_BLOCKED_DEVQ = 0x200
JOB_USER_INTERVENTION = 0x400
JOB_COMPLETE = 0x1000
JOB_RETAINED = 0x2000
# PRINTER_STATUS_* and PRINTER_ATTRIBUTE_WORK_OFFLINE
PRINTER_PAUSED = 0x1
PRINTER_ERROR = 0x2
PRINTER_PENDING_DELETION = 0x4
PRINTER_OFFLINE = 0x80
PRINTER_WORK_OFFLINE = 0x400
JOB_CONTROL_DELETE = 5

# (pdf, printer, title, paper, copies, page range, progress, cancel) -> pages drawn
Draw = Callable[
    [
        bytes,
        str,
        str,
        str | None,
        int,
        tuple[int, int] | None,
        Progress | None,
        threading.Event | None,
    ],
    int,
]


def load_win32print() -> Any | None:
    """The ``win32print`` module, or None where pywin32 is not installed."""
    try:
        return importlib.import_module("win32print")
    except ImportError:
        return None


def _winerror(error: BaseException) -> int | None:
    number = getattr(error, "winerror", None)
    if number is None and error.args and isinstance(error.args[0], int):
        number = error.args[0]
    return number if isinstance(number, int) else None


class WindowsSpooler:
    """The Windows spooler's view of printers and jobs; ``draw`` prints the pages."""

    watch_seconds = WATCH_SECONDS
    follow_seconds = FOLLOW_SECONDS

    def __init__(
        self,
        draw: Draw,
        *,
        api: Any | None = None,
        timeout: float = CALL_TIMEOUT,
        draw_timeout_per_page: float = 30.0,
    ) -> None:
        found = api if api is not None else load_win32print()
        if found is None:
            raise PrintFailed("pywin32 (win32print) is not installed")
        self.api: Any = found
        self.draw = draw
        self.timeout = timeout
        self.draw_timeout_per_page = draw_timeout_per_page

    # every API call: bounded in time, its Win32 errors as the desk's refusals
    def _call(
        self,
        printer: str,
        what: str,
        fn: Callable[[], Any],
        cancel: threading.Event | None = None,
    ) -> Any:
        try:
            return call_with_timeout(fn, self.timeout, what, cancel)
        except SpoolerNotAnswering:
            raise
        except Exception as error:
            number = _winerror(error)
            if number == ERROR_INVALID_PRINTER_NAME:
                raise PrinterNotFound(printer) from error
            if number in SPOOLER_DOWN:
                raise SpoolerNotAnswering(f"{what}: {error}", seconds=0) from error
            raise

    def _with_handle(
        self,
        printer: str,
        what: str,
        use: Callable[[Any], Any],
        cancel: threading.Event | None = None,
    ) -> Any:
        api = self.api

        def run() -> Any:
            handle = api.OpenPrinter(printer)
            try:
                return use(handle)
            finally:
                api.ClosePrinter(handle)

        return self._call(printer, what, run, cancel)

    def printer_status(self, printer: str, cancel: threading.Event | None = None) -> PrinterStatus:
        info = self._with_handle(printer, "GetPrinter", lambda h: self.api.GetPrinter(h, 2), cancel)
        status = int(info.get("Status", 0))
        attributes = int(info.get("Attributes", 0))
        offline = bool(status & PRINTER_OFFLINE or attributes & PRINTER_WORK_OFFLINE)
        reasons = [
            word
            for bit, word in (
                (PRINTER_PAUSED, "paused"),
                (PRINTER_ERROR, "error"),
                (PRINTER_OFFLINE, "offline"),
            )
            if status & bit
        ]
        if attributes & PRINTER_WORK_OFFLINE and "offline" not in reasons:
            reasons.append("offline")
        return PrinterStatus(
            printer,
            accepting=not status & PRINTER_PENDING_DELETION,
            paused=bool(status & PRINTER_PAUSED) or offline,
            reason=", ".join(reasons),
        )

    def _job_ids(self, printer: str) -> dict[int, str]:
        jobs = self._with_handle(printer, "EnumJobs", lambda h: self.api.EnumJobs(h, 0, 999, 1))
        return {int(j["JobId"]): str(j.get("pDocument") or "") for j in jobs}

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
        before = set(self._job_ids(printer))
        pages = pages_in(pdf)
        pages = pages if page_range is None else min(page_range[1], pages) - page_range[0] + 1
        # The drawing stops at the next page once the clerk cancels or the wait ends:
        # a driver that hangs must not print the job later behind the clerk's back.
        stop = threading.Event()
        try:
            drawn = call_with_timeout(
                lambda: self.draw(pdf, printer, title, paper, copies, page_range, progress, stop),
                self.timeout + self.draw_timeout_per_page * max(1, pages) * max(1, copies),
                "printing the pages",
                cancel,
            )
        except BaseException:
            stop.set()
            raise
        # The job shows in the queue as soon as drawing ended; a fast printer may have
        # printed and removed it already (then it is not found and counts as printed).
        deadline = time.monotonic() + 2.0
        found = None
        while found is None and time.monotonic() < deadline:
            new = {i: d for i, d in self._job_ids(printer).items() if i not in before}
            matches = sorted(i for i, d in new.items() if d == title)
            found = matches[-1] if matches else None
            if found is None:
                time.sleep(0.2)
        return Job(printer, str(found) if found is not None else "", title, drawn)

    def job_status(self, job: Job, cancel: threading.Event | None = None) -> JobStatus:
        if not job.job_id:
            return JobStatus(JobState.PRINTED)
        number = int(job.job_id)
        try:
            info = self._with_handle(job.printer, "GetJob", lambda h: self.api.GetJob(h, number, 1))
        except Exception as error:
            if _winerror(error) == ERROR_INVALID_PARAMETER:  # gone: printed and removed
                return JobStatus(JobState.PRINTED)
            raise
        return job_state(int(info.get("Status", 0)), str(info.get("pStatus") or ""))

    def cancel(self, job: Job) -> None:
        if not job.job_id:
            return
        number = int(job.job_id)
        self._with_handle(
            job.printer,
            "SetJob",
            lambda h: self.api.SetJob(h, number, 0, None, JOB_CONTROL_DELETE),
        )


def job_state(status: int, text: str = "") -> JobStatus:
    """The desk's state of a Windows job from its JOB_STATUS_* bits and status text."""
    if status & (JOB_DELETED | JOB_DELETING):
        return JobStatus(JobState.CANCELLED, text)
    if status & (JOB_ERROR | JOB_BLOCKED_DEVQ):
        return JobStatus(JobState.REFUSED, text or "error")
    if status & (JOB_PRINTED | JOB_COMPLETE | JOB_RETAINED):
        return JobStatus(JobState.PRINTED, text)
    if status & JOB_PAUSED:
        return JobStatus(JobState.HELD, text)
    waiting = [
        word
        for bit, word in (
            (JOB_OFFLINE, "offline"),
            (JOB_PAPEROUT, "paper out"),
            (JOB_USER_INTERVENTION, "needs attention"),
        )
        if status & bit
    ]
    return JobStatus(JobState.QUEUED, text or ", ".join(waiting))
