"""A print spooler for tests, in any of the states the desk must tell apart.

``FakeSpooler(state)``:
- "printed": the job is accepted and done at once;
- "queued": accepted, stays waiting (the printer is paused);
- "held": accepted, held in the queue;
- "refused": the queue refuses jobs (CUPS ``cupsreject``);
- "aborted": accepted, then stopped by the printer;
- "missing": no such printer;
- "hung": every call blocks until ``release()`` or its timeout, then the spooler
  counts as not answering (as a stalled CUPS or Windows print service);
- "down": the spooler answers at once that it is not running.
It records every job it was given (``jobs``: pdf, printer, title, paper, copies).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from desk_app.printing.errors import (
    JobRefused,
    PrintCancelled,
    PrinterNotFound,
    SpoolerNotAnswering,
)
from desk_app.printing.spooler import (
    Job,
    JobState,
    JobStatus,
    PrinterStatus,
    Progress,
    pages_in,
)

STATES = ("printed", "queued", "held", "refused", "aborted", "missing", "hung", "down")


@dataclass
class SentJob:
    pdf: bytes
    printer: str
    title: str
    paper: str | None
    copies: int
    page_range: tuple[int, int] | None


@dataclass
class FakeSpooler:
    state: str = "printed"
    printers: tuple[str, ...] = ("Counter-1 HP LaserJet", "Back office", "DeskPDF")
    timeout: float = 10.0
    watch_seconds: float = 0.3
    follow_seconds: float = 0.2
    jobs: list[SentJob] = field(default_factory=list)
    cancelled: list[str] = field(default_factory=list)
    calls: int = 0
    _release: threading.Event = field(default_factory=threading.Event)
    waiting: threading.Event = field(default_factory=threading.Event)  # a call is blocked

    def __post_init__(self) -> None:
        assert self.state in STATES, self.state

    def release(self) -> None:
        self._release.set()

    def _answer(self, printer: str, cancel: threading.Event | None = None) -> None:
        self.calls += 1
        if self.state == "hung":
            self.waiting.set()
            waited = 0.0
            while waited < self.timeout and not self._release.is_set():
                if cancel is not None and cancel.is_set():
                    raise PrintCancelled(printer)
                self._release.wait(0.05)
                waited += 0.05
            raise SpoolerNotAnswering("the fake spooler hung", seconds=self.timeout)
        if self.state == "down":
            raise SpoolerNotAnswering("lpstat: Scheduler is not running.", seconds=0)
        if self.state == "missing" or printer not in self.printers:
            raise PrinterNotFound(printer)

    def printer_status(self, printer: str, cancel: threading.Event | None = None) -> PrinterStatus:
        self._answer(printer, cancel)
        if self.state == "refused":
            return PrinterStatus(printer, accepting=False, reason="paper jam")
        return PrinterStatus(printer, paused=self.state == "queued")

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
        self._answer(printer, cancel)
        if self.state == "refused":
            raise JobRefused(printer, "paper jam")
        self.jobs.append(SentJob(pdf, printer, title, paper, copies, page_range))
        return Job(printer, f"{printer}-{len(self.jobs)}", title, pages_in(pdf) * copies)

    def job_status(self, job: Job, cancel: threading.Event | None = None) -> JobStatus:
        self._answer(job.printer, cancel)
        if job.job_id in self.cancelled:
            return JobStatus(JobState.CANCELLED)
        return {
            "printed": JobStatus(JobState.PRINTED),
            "queued": JobStatus(JobState.QUEUED, "printer paused"),
            "held": JobStatus(JobState.HELD, "job-hold-until-specified"),
            "aborted": JobStatus(JobState.REFUSED, "printer stopped the job"),
        }[self.state]

    def cancel(self, job: Job) -> None:
        self.cancelled.append(job.job_id)
