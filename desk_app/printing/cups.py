"""The CUPS spooler (Linux, macOS) through its command line: ``lp`` sends the PDF itself
(vectors, not page images), ``lpstat`` says whether the queue accepts jobs and where a
job is, ``ipptool`` (when installed) the job's exact state, ``cancel`` cancels it.

Every command runs with a timeout and in the C locale (its answers are parsed); a
command that does not answer in time, or a scheduler that is not running, is
``SpoolerNotAnswering``. See ``printing.spooler`` for the interface.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from desk_app.printing.errors import (
    JobRefused,
    PrintCancelled,
    PrinterNotFound,
    PrintFailed,
    SpoolerNotAnswering,
)
from desk_app.printing.spooler import (
    CALL_TIMEOUT,
    FOLLOW_SECONDS,
    WATCH_SECONDS,
    Job,
    JobState,
    JobStatus,
    PrinterStatus,
    Progress,
    pages_in,
)

# CUPS media names of desk_app.printing.PAPER_SIZES (the PDF page itself says portrait
# or landscape; CUPS turns it to fit).
MEDIA = {
    "A4": "A4",
    "A5": "A5",
    "A4-landscape": "A4",
    "A5-landscape": "A5",
    "tag-70x50": "Custom.70x50mm",
}

_REQUEST_ID = re.compile(r"request id is (\S+)")
_NOT_RUNNING = (
    "scheduler is not running",
    "unable to connect",
    "connection refused",
    "no such file or directory",
    "unable to locate printer",  # a remote queue whose server is down
    "bad file descriptor",
)
_NO_PRINTER = ("does not exist", "invalid destination", "unknown destination")

_GET_JOB = """{
  OPERATION Get-Job-Attributes
  GROUP operation-attributes-tag
  ATTR charset attributes-charset utf-8
  ATTR naturalLanguage attributes-natural-language en
  ATTR uri printer-uri $uri
  ATTR integer job-id $job_id
  ATTR keyword requested-attributes job-state,job-state-reasons
  DISPLAY job-state
  DISPLAY job-state-reasons
}
"""
_test_file_lock = threading.Lock()
_test_file: Path | None = None


@dataclass(frozen=True)
class Answer:
    """What a command said."""

    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return (self.out + "\n" + self.err).strip()


# (argv, stdin bytes or None, timeout seconds, cancel event or None) -> Answer
Runner = Callable[[Sequence[str], bytes | None, float, threading.Event | None], Answer]


def run_command(
    argv: Sequence[str],
    stdin: bytes | None,
    timeout: float,
    cancel: threading.Event | None = None,
) -> Answer:
    """Run a CUPS command; SpoolerNotAnswering after ``timeout`` seconds (the command is
    killed), PrintCancelled as soon as ``cancel`` is set while it runs."""
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    try:
        proc = subprocess.Popen(
            list(argv),
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
    except OSError as error:
        raise SpoolerNotAnswering(f"{argv[0]}: {error}", seconds=0) from error
    started = time.monotonic()
    pending = stdin
    while True:
        try:
            out, err = proc.communicate(pending, timeout=0.1)
            break
        except subprocess.TimeoutExpired:
            pending = None  # already written; communicate() keeps feeding it
            if cancel is not None and cancel.is_set():
                proc.kill()
                proc.communicate()
                raise PrintCancelled(argv[-1]) from None
            if time.monotonic() - started > timeout:
                proc.kill()
                proc.communicate()
                raise SpoolerNotAnswering(
                    f"{' '.join(argv[:1])} gave no answer in {timeout:.0f} s", seconds=timeout
                ) from None
    return Answer(proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"))


def _ipp_test_file() -> Path:
    global _test_file
    with _test_file_lock:
        if _test_file is None or not _test_file.exists():
            handle, name = tempfile.mkstemp(prefix="desk-get-job-", suffix=".test")
            with os.fdopen(handle, "w", encoding="ascii") as f:
                f.write(_GET_JOB)
            _test_file = Path(name)
        return _test_file


class CupsSpooler:
    """CUPS through ``lp``, ``lpstat``, ``ipptool`` and ``cancel`` (cups-client,
    cups-ipp-utils); ``run`` replaces the command runner in tests."""

    watch_seconds = WATCH_SECONDS
    follow_seconds = FOLLOW_SECONDS

    def __init__(
        self,
        *,
        timeout: float = CALL_TIMEOUT,
        run: Runner | None = None,
        server: str | None = None,
    ) -> None:
        self.timeout = timeout
        self._run = run or run_command
        self.server = server or os.environ.get("CUPS_SERVER") or "localhost"

    @staticmethod
    def available() -> bool:
        """Whether this computer has the CUPS command line."""
        return shutil.which("lp") is not None and shutil.which("lpstat") is not None

    def _call(
        self, argv: Sequence[str], stdin: bytes | None = None, cancel: threading.Event | None = None
    ) -> Answer:
        answer = self._run(argv, stdin, self.timeout, cancel)
        low = answer.text.lower()
        if answer.code != 0 and any(m in low for m in _NOT_RUNNING):
            raise SpoolerNotAnswering(answer.text, seconds=0)
        return answer

    def printer_status(self, printer: str, cancel: threading.Event | None = None) -> PrinterStatus:
        accepting = self._call(["lpstat", "-a", printer], None, cancel)
        if accepting.code != 0 or not accepting.out.strip():
            self._no_such_printer(printer, cancel)
        first, _, rest = accepting.out.partition("\n")
        refusing = " not accepting " in f" {first} "
        state = self._call(["lpstat", "-p", printer], None, cancel)
        paused = " disabled " in f" {state.out} "
        reason = _reason(rest) if refusing else _reason(state.out.partition("\n")[2])
        return PrinterStatus(printer, accepting=not refusing, paused=paused, reason=reason)

    def _no_such_printer(self, printer: str, cancel: threading.Event | None) -> NoReturn:
        """CUPS answers "invalid destination" for every queue while its scheduler is down:
        ask whether it runs before calling the printer missing."""
        running = self._call(["lpstat", "-r"], None, cancel)
        if "scheduler is running" not in running.out.lower():
            raise SpoolerNotAnswering(
                running.text or "the CUPS scheduler is not running", seconds=0
            )
        raise PrinterNotFound(printer)

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
        if not pdf.startswith(b"%PDF"):
            raise PrintFailed("not a PDF")
        argv = ["lp", "-d", printer, "-t", title, "-n", str(max(1, copies))]
        if paper is not None:
            argv += ["-o", f"media={MEDIA.get(paper, paper)}", "-o", "fit-to-page"]
        if page_range is not None:
            argv += ["-P", f"{page_range[0]}-{page_range[1]}"]
        # A file, not stdin: queues name a job read from stdin "(stdin)" whatever its
        # title, and PDF printers make that their file name. lp has sent the bytes to the
        # scheduler when it returns, so the file goes at once.
        handle, name = tempfile.mkstemp(prefix="desk-print-", suffix=".pdf")
        try:
            with os.fdopen(handle, "wb") as f:
                f.write(pdf)
            answer = self._call([*argv, "--", name], None, cancel)
        finally:
            Path(name).unlink(missing_ok=True)
        low = answer.text.lower()
        found = _REQUEST_ID.search(answer.out)
        if answer.code == 0 and found:
            pages = pages_in(pdf)
            if page_range is not None:
                pages = max(0, min(page_range[1], pages) - page_range[0] + 1)
            return Job(printer, found.group(1), title, pages * max(1, copies))
        if any(m in low for m in _NO_PRINTER):
            self._no_such_printer(printer, cancel)
        if "not accepting" in low:
            raise JobRefused(printer, _reason(answer.text))
        raise JobRefused(printer, answer.text)

    def job_status(self, job: Job, cancel: threading.Event | None = None) -> JobStatus:
        number = job.job_id.rsplit("-", 1)[-1]
        if shutil.which("ipptool") is not None and number.isdigit():
            exact = self._ipp_state(job.printer, number, cancel)
            if exact is not None:
                return exact
        open_jobs = self._call(
            ["lpstat", "-l", "-W", "not-completed", "-o", job.printer], None, cancel
        )
        block = _job_block(open_jobs.out, job.job_id)
        if block is not None:
            alerts = _field(block, "Alerts")
            if "hold" in alerts:
                return JobStatus(JobState.HELD, alerts)
            return JobStatus(JobState.QUEUED, _field(block, "Status") or alerts)
        return JobStatus(JobState.PRINTED)

    def _ipp_state(
        self, printer: str, number: str, cancel: threading.Event | None
    ) -> JobStatus | None:
        uri = f"ipp://{self.server}/printers/{printer}"
        argv = ["ipptool", "-T", str(int(self.timeout)), "-c", "-d", f"job_id={number}"]
        answer = self._call([*argv, uri, str(_ipp_test_file())], None, cancel)
        lines = [line for line in answer.out.splitlines() if line.strip()]
        if answer.code != 0 or len(lines) < 2:
            return None  # not allowed to ask (remote server) or no such job: use lpstat
        state, _, reasons = lines[1].partition(",")
        reasons = reasons.strip('"').replace("none", "").strip(",")
        if state in ("pending", "processing", "processing-stopped"):
            return JobStatus(JobState.QUEUED, reasons)
        if state == "pending-held":
            return JobStatus(JobState.HELD, reasons)
        if state == "completed":
            return JobStatus(JobState.PRINTED)
        if state == "canceled":
            return JobStatus(JobState.CANCELLED, reasons)
        if state == "aborted":
            return JobStatus(JobState.REFUSED, reasons)
        return None

    def cancel(self, job: Job) -> None:
        self._call(["cancel", job.job_id])


def _reason(text: str) -> str:
    """The indented reason lines lpstat prints under a queue or a refusal."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    lines = [line.split(" - ", 1)[-1] if line.startswith("lp:") else line for line in lines]
    return " ".join(x for x in lines if not x.endswith(":") and "since" not in x)[:200]


def _job_block(listing: str, job_id: str) -> str | None:
    """The lines of ``lpstat -l -o`` about one job, or None when it is not listed."""
    block: list[str] | None = None
    for line in listing.splitlines():
        if line and not line[0].isspace():
            if block is not None:
                break
            if line.split()[0] == job_id:
                block = [line]
        elif block is not None:
            block.append(line)
    return "\n".join(block) if block is not None else None


def _field(block: str, name: str) -> str:
    for line in block.splitlines():
        key, sep, value = line.strip().partition(":")
        if sep and key == name:
            return value.strip().replace("none", "").strip()
    return ""
