"""The truth about a print job: ``send_and_check`` over each state of a spooler, the CUPS
command line's answers as CupsSpooler reads them, the Windows spooler over a fake
``win32print``, and clean job titles."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from typing import Any

import pytest

from desk_app.printing import render_pdf
from desk_app.printing.cups import Answer, CupsSpooler, run_command
from desk_app.printing.errors import (
    JobRefused,
    PrintCancelled,
    PrinterNotFound,
    SpoolerNotAnswering,
)
from desk_app.printing.spooler import (
    Cancel,
    Job,
    JobState,
    call_with_timeout,
    job_title,
    pages_in,
    send_and_check,
)
from desk_app.printing.windows import (
    ERROR_INVALID_PARAMETER,
    ERROR_INVALID_PRINTER_NAME,
    JOB_ERROR,
    JOB_PAUSED,
    JOB_PRINTED,
    JOB_PRINTING,
    WindowsSpooler,
    job_state,
)
from tests.printing.fake_spooler import FakeSpooler
from tests.printing.print_samples import HEADER, technician_day, work_order

PDF = render_pdf(work_order(), HEADER)


# ---------------------------------------------------------------- send_and_check


@pytest.mark.parametrize(
    ("state", "expected"),
    [("printed", JobState.PRINTED), ("queued", JobState.QUEUED), ("held", JobState.HELD)],
)
def test_an_accepted_job_is_watched_until_it_says_what_it_is(
    state: str, expected: JobState
) -> None:
    spooler = FakeSpooler(state, watch_seconds=0.2)
    steps: list[str] = []
    outcome = send_and_check(
        spooler, PDF, "Back office", title="Work order S1", progress=lambda s, _v: steps.append(s)
    )
    assert outcome.status.state is expected
    assert outcome.code == f"print.job_{expected.value}"
    assert outcome.job.pages == 1 and spooler.jobs[0].title == "Work order S1"
    assert steps[:2] == ["print.step_checking", "print.step_sending"]


def test_a_refusing_queue_gets_nothing_and_says_why() -> None:
    spooler = FakeSpooler("refused")
    with pytest.raises(JobRefused) as refused:
        send_and_check(spooler, PDF, "Back office", title="x")
    assert refused.value.reason == "paper jam" and refused.value.code == "print.refused"
    assert spooler.jobs == []


def test_a_job_the_printer_aborts_is_refused() -> None:
    with pytest.raises(JobRefused, match="printer stopped the job"):
        send_and_check(FakeSpooler("aborted"), PDF, "Back office", title="x")


def test_missing_printer_and_silent_spooler_are_told_apart() -> None:
    with pytest.raises(PrinterNotFound) as missing:
        send_and_check(FakeSpooler("missing"), PDF, "Back office", title="x")
    assert missing.value.code == "print.printer_not_found"
    with pytest.raises(SpoolerNotAnswering) as down:
        send_and_check(FakeSpooler("down"), PDF, "Back office", title="x")
    assert down.value.code == "print.spooler_not_running"
    started = time.monotonic()
    with pytest.raises(SpoolerNotAnswering) as hung:
        send_and_check(FakeSpooler("hung", timeout=0.3), PDF, "Back office", title="x")
    assert hung.value.code == "print.spooler_not_answering"
    assert time.monotonic() - started < 3  # bounded by the call's timeout


def test_cancel_while_the_spooler_hangs_stops_at_once() -> None:
    spooler = FakeSpooler("hung", timeout=30)
    cancel = Cancel()
    threading.Timer(0.2, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(PrintCancelled):
        send_and_check(spooler, PDF, "Back office", title="x", cancel=cancel)
    assert time.monotonic() - started < 2


def test_cancel_after_submission_cancels_the_job_at_the_spooler() -> None:
    spooler = FakeSpooler("queued", watch_seconds=30)
    cancel = Cancel()
    threading.Timer(0.3, cancel.set).start()
    with pytest.raises(PrintCancelled):
        send_and_check(spooler, PDF, "Back office", title="x", cancel=cancel, poll=0.05)
    assert spooler.cancelled == ["Back office-1"]


def test_call_with_timeout_gives_up_on_a_call_that_never_returns() -> None:
    never = threading.Event()
    with pytest.raises(SpoolerNotAnswering) as err:
        call_with_timeout(lambda: never.wait(30), 0.2, "GetPrinter")
    assert "GetPrinter" in str(err.value)
    never.set()
    assert call_with_timeout(lambda: 42, 1, "x") == 42
    with pytest.raises(KeyError):
        call_with_timeout(lambda: {}["x"], 1, "x")


def test_job_titles_are_kind_and_number_in_plain_ascii() -> None:
    assert job_title("work_order", "S20241204-0001") == "Work order S20241204-0001"
    assert job_title("returned_part_slip", "JH000012") == "Returned-part slip JH000012"
    assert job_title("technician_day", "2024-12-04 孙师傅") == "Technician day 2024-12-04"
    assert job_title("feedback_form", "S1\t\n") == "Feedback form S1"
    assert len(job_title("work_order", "X" * 300)) == 100


def test_pages_are_counted_from_the_pdf() -> None:
    assert pages_in(PDF) == 1
    assert pages_in(render_pdf(technician_day(3), HEADER)) == 4


# ---------------------------------------------------------------- CUPS, as its commands answer


class Commands:
    """A fake command runner: argv[0] → Answer (or an exception), recording each call."""

    def __init__(self, **answers: Answer | BaseException) -> None:
        self.answers = answers
        self.calls: list[list[str]] = []

    def __call__(
        self,
        argv: Sequence[str],
        stdin: bytes | None,
        timeout: float,
        cancel: threading.Event | None,
    ) -> Answer:
        self.calls.append(list(argv))
        answer = self.answers[argv[0]]
        if isinstance(answer, BaseException):
            raise answer
        return answer


ACCEPTING = Answer(0, "DeskPDF accepting requests since Mon Dec  7 23:24:48 2026\n", "")
IDLE = Answer(0, "printer DeskPDF is idle.  enabled since Mon Dec  7 23:24:48 2026\n", "")


def test_cups_submits_the_pdf_itself_with_title_paper_and_copies() -> None:
    run = Commands(lp=Answer(0, "request id is DeskPDF-17 (1 file(s))\n", ""))
    job = CupsSpooler(run=run).submit(PDF, "DeskPDF", title="Work order S1", paper="A5", copies=2)
    assert job == Job("DeskPDF", "DeskPDF-17", "Work order S1", 2)
    argv = run.calls[0]
    assert argv[:8] == ["lp", "-d", "DeskPDF", "-t", "Work order S1", "-n", "2", "-o"]
    assert "media=A5" in argv and "fit-to-page" in argv and argv[-1].endswith(".pdf")


def test_cups_refusals_as_lp_and_lpstat_word_them() -> None:
    refusing = Commands(
        lp=Answer(1, "", 'lp: Destination "DeskPDF" is not accepting jobs.\n'),
    )
    with pytest.raises(JobRefused):
        CupsSpooler(run=refusing).submit(PDF, "DeskPDF", title="x")
    missing = Commands(
        lp=Answer(1, "", "lp: Error - The printer or class does not exist.\n"),
        lpstat=Answer(0, "scheduler is running\n", ""),
    )
    with pytest.raises(PrinterNotFound):
        CupsSpooler(run=missing).submit(PDF, "NoSuch", title="x")
    down = Commands(lpstat=Answer(1, "", "lpstat: Scheduler is not running.\n"))
    with pytest.raises(SpoolerNotAnswering):
        CupsSpooler(run=down).printer_status("DeskPDF")
    hung = Commands(lpstat=SpoolerNotAnswering("lpstat gave no answer in 10 s", seconds=10))
    with pytest.raises(SpoolerNotAnswering):
        CupsSpooler(run=hung).printer_status("DeskPDF")

    class Unknown(Commands):
        """lpstat -a says "invalid destination"; lpstat -r says whether CUPS runs."""

        def __call__(self, argv: Sequence[str], *rest: Any) -> Answer:  # type: ignore[override]
            self.calls.append(list(argv))
            if argv[1] == "-r":
                return self.answers["r"]  # type: ignore[return-value]
            return Answer(1, "", 'lpstat: Invalid destination name in list "X".\n')

    with pytest.raises(PrinterNotFound):
        CupsSpooler(run=Unknown(r=Answer(0, "scheduler is running\n", ""))).printer_status("X")
    # what CUPS says of every queue while its scheduler is stopped: not "no such printer"
    stopped = Unknown(r=Answer(0, "scheduler is not running\n", ""))
    with pytest.raises(SpoolerNotAnswering):
        CupsSpooler(run=stopped).printer_status("DeskPDF")


def test_cups_printer_status_reads_refusing_and_paused_queues() -> None:
    class Both(Commands):
        def __call__(self, argv: Sequence[str], *rest: Any) -> Answer:  # type: ignore[override]
            self.calls.append(list(argv))
            return self.answers["a" if argv[1] == "-a" else "p"]  # type: ignore[return-value]

    fine = Both(a=ACCEPTING, p=IDLE)
    status = CupsSpooler(run=fine).printer_status("DeskPDF")
    assert (status.accepting, status.paused) == (True, False)
    rejecting = Both(
        a=Answer(
            0, "DeskPDF not accepting requests since Mon Dec  7 23:24:54 2026 -\n\tpaper jam\n", ""
        ),
        p=IDLE,
    )
    status = CupsSpooler(run=rejecting).printer_status("DeskPDF")
    assert (status.accepting, status.reason) == (False, "paper jam")
    paused = Both(
        a=ACCEPTING,
        p=Answer(
            0, "printer DeskPDF disabled since Mon Dec  7 23:25:07 2026 -\n\tmaintenance\n", ""
        ),
    )
    status = CupsSpooler(run=paused).printer_status("DeskPDF")
    assert (status.accepting, status.paused, status.reason) == (True, True, "maintenance")


def test_cups_job_state_from_lpstat_when_ipptool_cannot_say(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import desk_app.printing.cups as cups

    monkeypatch.setattr(cups.shutil, "which", lambda name: None)  # no ipptool on this PC
    held = Commands(
        lpstat=Answer(
            0,
            "DeskPDF-2               root             74752   Mon Dec  7 23:25:06 2026\n"
            "\tAlerts: job-hold-until-specified\n\tqueued for DeskPDF\n",
            "",
        )
    )
    job = Job("DeskPDF", "DeskPDF-2", "x")
    assert CupsSpooler(run=held).job_status(job).state is JobState.HELD
    waiting = Commands(
        lpstat=Answer(
            0,
            "DeskPDF-2               root             74752   Mon Dec  7 23:25:06 2026\n"
            "\tAlerts: none\n\tqueued for DeskPDF\n",
            "",
        )
    )
    assert CupsSpooler(run=waiting).job_status(job).state is JobState.QUEUED
    gone = Commands(lpstat=Answer(0, "", ""))
    assert CupsSpooler(run=gone).job_status(job).state is JobState.PRINTED


@pytest.mark.parametrize(
    ("line", "state"),
    [
        ("completed,none", JobState.PRINTED),
        ("pending,none", JobState.QUEUED),
        ("processing,job-printing", JobState.QUEUED),
        ("pending-held,job-hold-until-specified", JobState.HELD),
        ("canceled,job-canceled-by-user", JobState.CANCELLED),
        ("aborted,job-aborted-by-system", JobState.REFUSED),
    ],
)
def test_cups_exact_job_state_from_ipptool(
    monkeypatch: pytest.MonkeyPatch, line: str, state: JobState
) -> None:
    import desk_app.printing.cups as cups

    monkeypatch.setattr(cups.shutil, "which", lambda name: f"/usr/bin/{name}")
    run = Commands(ipptool=Answer(0, f"job-state,job-state-reasons\n{line}\n", ""))
    assert CupsSpooler(run=run).job_status(Job("DeskPDF", "DeskPDF-5", "x")).state is state
    assert "job_id=5" in run.calls[0]


def test_a_command_that_hangs_is_killed_after_its_timeout() -> None:
    started = time.monotonic()
    with pytest.raises(SpoolerNotAnswering):
        run_command(["sleep", "30"], None, 0.3)
    assert time.monotonic() - started < 3
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    with pytest.raises(PrintCancelled):
        run_command(["sleep", "30"], None, 30, cancel)
    assert run_command(["echo", "request id is Q-1"], None, 5).out.strip() == "request id is Q-1"


# ---------------------------------------------------------------- Windows, over a fake win32print


class Win32Error(Exception):
    def __init__(self, winerror: int, funcname: str, strerror: str) -> None:
        super().__init__(winerror, funcname, strerror)
        self.winerror = winerror


class FakeWin32Print:
    """The few win32print calls WindowsSpooler makes, over one in-memory queue."""

    def __init__(self, printers: tuple[str, ...] = ("HP LaserJet",)) -> None:
        self.printers = printers
        self.queue: dict[int, dict[str, Any]] = {7: {"JobId": 7, "pDocument": "old", "Status": 0}}
        self.printer_status = 0
        self.deleted: list[int] = []

    def OpenPrinter(self, name: str) -> str:
        if name not in self.printers:
            raise Win32Error(ERROR_INVALID_PRINTER_NAME, "OpenPrinter", "invalid printer name")
        return name

    def ClosePrinter(self, handle: str) -> None:
        return None

    def GetPrinter(self, handle: str, level: int) -> dict[str, Any]:
        return {"Status": self.printer_status, "Attributes": 0}

    def EnumJobs(self, handle: str, first: int, count: int, level: int) -> list[dict[str, Any]]:
        return list(self.queue.values())

    def GetJob(self, handle: str, job_id: int, level: int) -> dict[str, Any]:
        if job_id not in self.queue:
            raise Win32Error(ERROR_INVALID_PARAMETER, "GetJob", "The parameter is incorrect.")
        return self.queue[job_id]

    def SetJob(self, handle: str, job_id: int, level: int, info: Any, command: int) -> None:
        self.deleted.append(job_id)


def test_windows_finds_the_job_its_drawing_made_and_follows_it() -> None:
    api = FakeWin32Print()

    def draw(pdf: bytes, printer: str, title: str, *rest: Any) -> int:
        api.queue[8] = {"JobId": 8, "pDocument": title, "Status": JOB_PRINTING}
        return 1

    spooler = WindowsSpooler(draw, api=api)
    assert spooler.printer_status("HP LaserJet").accepting
    job = spooler.submit(PDF, "HP LaserJet", title="Work order S1")
    assert job == Job("HP LaserJet", "8", "Work order S1", 1)
    assert spooler.job_status(job).state is JobState.QUEUED
    api.queue[8]["Status"] = JOB_PAUSED
    assert spooler.job_status(job).state is JobState.HELD
    api.queue[8]["Status"] = JOB_ERROR
    api.queue[8]["pStatus"] = "Paper jam"
    assert spooler.job_status(job).reason == "Paper jam"
    assert spooler.job_status(job).state is JobState.REFUSED
    spooler.cancel(job)
    assert api.deleted == [8]
    del api.queue[8]  # printed and removed from the queue
    assert spooler.job_status(job).state is JobState.PRINTED
    with pytest.raises(PrinterNotFound):
        spooler.printer_status("Gone")


def test_windows_spooler_that_hangs_is_not_answering() -> None:
    api = FakeWin32Print()
    never = threading.Event()
    api.GetPrinter = lambda handle, level: never.wait(30)  # type: ignore[method-assign]
    with pytest.raises(SpoolerNotAnswering):
        WindowsSpooler(lambda *a: 1, api=api, timeout=0.2).printer_status("HP LaserJet")
    never.set()
    api2 = FakeWin32Print()

    def down(name: str) -> str:
        raise Win32Error(1722, "OpenPrinter", "The RPC server is unavailable.")

    api2.OpenPrinter = down  # type: ignore[method-assign]
    with pytest.raises(SpoolerNotAnswering):
        WindowsSpooler(lambda *a: 1, api=api2).printer_status("HP LaserJet")


def test_windows_job_status_bits() -> None:
    assert job_state(JOB_PRINTED).state is JobState.PRINTED
    assert job_state(0x100).state is JobState.CANCELLED
    assert job_state(0x200).state is JobState.REFUSED
    assert job_state(0x40).reason == "paper out"


def test_windows_drawing_that_hangs_is_stopped_when_the_clerk_cancels() -> None:
    api = FakeWin32Print()
    stopped = threading.Event()

    def draw(pdf: bytes, printer: str, title: str, *rest: Any) -> int:
        stop = rest[-1]
        while not stop.is_set():  # a driver stuck on its first page
            time.sleep(0.02)
        stopped.set()
        return 0

    cancel = Cancel()
    threading.Timer(0.2, cancel.set).start()
    with pytest.raises(PrintCancelled):
        WindowsSpooler(draw, api=api).submit(PDF, "HP LaserJet", title="x", cancel=cancel)
    assert stopped.wait(2)  # the drawing gave up too: nothing prints later
