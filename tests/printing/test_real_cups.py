"""One job through a real CUPS queue of a CUPS-PDF printer: the desk sends the PDF itself,
the spooler says it printed, and the printer's output file has the pages, A4 sheets and
the text (read back with pdftotext), under the job's clean title.

Needs a running CUPS scheduler with a CUPS-PDF queue (``scripts/cups_pdf_queue.sh``
makes one: packages cups, cups-client, cups-ipp-utils, printer-driver-cups-pdf) and
permission to read its output folder; skipped, saying which is missing, otherwise.
"""

from __future__ import annotations

import getpass
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from desk_app.printing import render_pdf
from desk_app.printing.cups import CupsSpooler
from desk_app.printing.errors import JobRefused, PrinterNotFound
from desk_app.printing.spooler import JobState, job_title, send_and_check
from tests.printing.pdf_tools import squeeze
from tests.printing.print_samples import HEADER, technician_day


def _run(*argv: str) -> str:
    return subprocess.run(argv, capture_output=True, text=True, check=False).stdout


def _pdf_queue() -> tuple[str, Path]:
    """A CUPS-PDF queue and its output folder, or skip saying why not."""
    if not CupsSpooler.available():
        pytest.skip("CUPS is not installed (no lp / lpstat)")
    if "scheduler is running" not in _run("lpstat", "-r"):
        pytest.skip("the CUPS scheduler is not running")
    wanted = os.environ.get("DESK_TEST_CUPS_QUEUE")
    for line in _run("lpstat", "-v").splitlines():
        found = re.match(r"device for (\S+): cups-pdf:/", line)
        if found and (wanted is None or found.group(1) == wanted):
            break
    else:
        pytest.skip("no CUPS-PDF queue (run scripts/cups_pdf_queue.sh as root)")
    queue = found.group(1)
    conf = Path("/etc/cups/cups-pdf.conf")
    out = "${HOME}/PDF"
    if conf.exists():
        for row in conf.read_text(encoding="utf-8", errors="replace").splitlines():
            if row.startswith("Out "):
                out = row.split(None, 1)[1].strip()
    folder = Path(out.replace("${HOME}", str(Path.home())).replace("${USER}", getpass.getuser()))
    if not os.access(folder if folder.exists() else folder.parent, os.R_OK):
        pytest.skip(f"cannot read the CUPS-PDF output folder {folder}")
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        pytest.skip("poppler-utils (pdftotext, pdfinfo) is not installed")
    return queue, folder


def _new_output(folder: Path, since: float, timeout: float = 60) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        fresh = [p for p in folder.glob("*.pdf") if p.stat().st_mtime >= since]
        if fresh:
            newest = max(fresh, key=lambda p: p.stat().st_mtime)
            size = newest.stat().st_size
            time.sleep(0.5)  # written to the end?
            if size and newest.stat().st_size == size:
                return newest
        time.sleep(0.3)
    raise AssertionError(f"no output file in {folder} after {timeout} s")


def test_a_day_through_a_real_cups_pdf_queue() -> None:
    queue, folder = _pdf_queue()
    pdf = render_pdf(technician_day(3), HEADER)  # the route sheet and three work orders
    spooler = CupsSpooler()
    title = job_title("technician_day", "2024-05-02 T7")
    since = time.time() - 1
    outcome = send_and_check(spooler, pdf, queue, title=title, paper="A4", watch=60)
    assert outcome.status.state is JobState.PRINTED, outcome
    assert outcome.job.pages == 4 and outcome.job.title == "Technician day 2024-05-02 T7"
    printed = _new_output(folder, since)
    # CUPS-PDF names its file after the job's title (spaces as _, then its own suffix):
    # the title reached the spooler whole, not "S20241204-0001__able"
    assert printed.name.startswith("Technician_day_2024-05-02_T7"), printed.name
    info = _run("pdfinfo", str(printed))
    assert re.search(r"Pages:\s+4\b", info), info
    assert "(A4)" in info or re.search(r"Page size:\s+595(\.\d+)? x 842", info), info
    text = squeeze(_run("pdftotext", "-layout", str(printed), "-"))
    assert "工程师路线单" in text and "服务派工单" in text  # the text is still text
    assert "WX20240502-0001" in text and "WX20240502-0003" in text


def test_a_real_queue_that_refuses_jobs_and_a_missing_one() -> None:
    queue, _folder = _pdf_queue()
    if os.geteuid() != 0 or shutil.which("cupsreject") is None:
        pytest.skip("refusing a queue needs root and cupsreject")
    pdf = render_pdf(technician_day(1), HEADER)
    subprocess.run(["cupsreject", "-r", "desk test: paper jam", queue], check=True)
    try:
        with pytest.raises(JobRefused) as refused:
            send_and_check(CupsSpooler(), pdf, queue, title="Work order X1")
        assert "paper jam" in refused.value.reason
    finally:
        subprocess.run(["cupsaccept", queue], check=True)
    with pytest.raises(PrinterNotFound):
        send_and_check(CupsSpooler(), pdf, "DeskNoSuchQueue", title="Work order X1")
