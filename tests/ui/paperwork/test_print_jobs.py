"""A document routed to a printer, as the clerk sees it: the status bar tells the truth
about the job (printed, queued, held, refused; no such printer; spooler not answering),
and the desk keeps answering while a hung spooler is waited for."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desk_app.printing import render_pdf
from desk_app.services.core.database import Actor, Database
from desk_app.ui.common.context import Desk
from desk_app.ui.paperwork.jobs import PrintProgress
from desk_app.ui.paperwork.present import present_pdf, set_print_route
from desk_app.ui.paperwork.preview import PrintPreviewDialog
from tests.printing.fake_spooler import FakeSpooler
from tests.printing.print_samples import HEADER, work_order
from tests.ui.conftest import close_desk, make_desk

PRINTER = "Counter-1 HP LaserJet"
PDF = render_pdf(work_order(), HEADER)


@pytest.fixture
def routed(qtbot: QtBot, db: Database, manager: Actor, tmp_path: Path) -> Iterator[Desk]:
    """A desk that prints work orders straight to PRINTER."""
    desk = make_desk(db, manager, tmp_path / "pc.ini")
    set_print_route(desk, "work_order", PRINTER, "A4")
    yield desk
    close_desk(desk)


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    w = QMainWindow()
    w.setCentralWidget(QWidget())
    qtbot.addWidget(w)
    w.show()
    return w


def _print(desk: Desk, window: QMainWindow, spooler: FakeSpooler) -> list[PrintPreviewDialog]:
    previews: list[PrintPreviewDialog] = []
    assert (
        present_pdf(
            window.centralWidget(),
            desk,
            "work_order",
            PDF,
            title="派工单 S20260101-0001",
            file_name="S20260101-0001.pdf",
            number="S20260101-0001",
            spooler=spooler,
            on_preview=previews.append,
        )
        is None
    )
    return previews


def _said(window: QMainWindow) -> str:
    return str(window.centralWidget().property("lastPrintMessage") or "")


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("printed", "派工单 S20260101-0001: 1 page(s) printed on Counter-1 HP LaserJet."),
        ("queued", "waiting in the queue of Counter-1 HP LaserJet, not printed yet"),
        ("held", "the job is held in the queue of Counter-1 HP LaserJet"),
    ],
)
def test_an_accepted_job_is_told_as_what_it_became(
    qtbot: QtBot, routed: Desk, window: QMainWindow, state: str, expected: str
) -> None:
    spooler = FakeSpooler(state)
    previews = _print(routed, window, spooler)
    qtbot.waitUntil(lambda: bool(_said(window)), timeout=30000)
    assert expected in _said(window)
    assert window.statusBar().currentMessage() == _said(window)
    assert spooler.jobs[0].title == "Work order S20260101-0001" and spooler.jobs[0].paper == "A4"
    assert previews == []


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("refused", "Counter-1 HP LaserJet refused the job; nothing was printed. paper jam"),
        ("aborted", "refused the job; nothing was printed. printer stopped the job"),
        ("missing", "There is no printer Counter-1 HP LaserJet"),
        ("down", "The print spooler of this computer is not running, so nothing was printed"),
    ],
)
def test_a_job_that_did_not_print_says_why_over_the_preview(
    qtbot: QtBot, routed: Desk, window: QMainWindow, state: str, expected: str
) -> None:
    previews = _print(routed, window, FakeSpooler(state))
    qtbot.waitUntil(lambda: bool(previews), timeout=10000)
    box = previews[0].findChild(QMessageBox, "errorBox")
    assert box is not None and expected in box.text()
    assert "printed on" not in _said(window)  # no false success
    previews[0].close()


def test_the_desk_keeps_answering_while_a_hung_spooler_is_waited_for(
    qtbot: QtBot, routed: Desk, window: QMainWindow
) -> None:
    spooler = FakeSpooler("hung", timeout=1.5)
    ticks: list[float] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    started = time.monotonic()
    previews = _print(routed, window, spooler)
    assert time.monotonic() - started < 0.5  # present_pdf returned at once
    progress = window.centralWidget().findChild(PrintProgress)
    assert progress is not None and progress.isVisible()
    qtbot.waitUntil(spooler.waiting.is_set, timeout=5000)
    qtbot.waitUntil(lambda: bool(previews), timeout=10000)
    timer.stop()
    waited = [t for t in ticks if t >= started]
    # the GUI thread ran its timer all along: no gap longer than a few ticks
    assert len(waited) > 30
    assert max(b - a for a, b in itertools.pairwise(waited)) < 0.5
    box = previews[0].findChild(QMessageBox, "errorBox")
    assert box is not None and "not answering (waited 2 s)" in box.text()
    previews[0].close()


def test_cancel_ends_a_hung_job_at_once(qtbot: QtBot, routed: Desk, window: QMainWindow) -> None:
    spooler = FakeSpooler("hung", timeout=60)
    previews = _print(routed, window, spooler)
    qtbot.waitUntil(spooler.waiting.is_set, timeout=5000)
    progress = window.centralWidget().findChild(PrintProgress)
    assert progress is not None
    assert "Counter-1 HP LaserJet" in progress.step.text()
    started = time.monotonic()
    progress.cancel_button.click()
    qtbot.waitUntil(lambda: "cancelled" in _said(window), timeout=5000)
    assert time.monotonic() - started < 2
    assert _said(window) == "Printing on Counter-1 HP LaserJet was cancelled."
    assert previews == [] and spooler.jobs == []


def test_a_queued_job_is_followed_and_the_clerk_told_when_it_prints(
    qtbot: QtBot, routed: Desk, window: QMainWindow
) -> None:
    spooler = FakeSpooler("queued")
    _print(routed, window, spooler)
    qtbot.waitUntil(lambda: "waiting in the queue" in _said(window), timeout=10000)
    spooler.state = "printed"  # the printer was switched back on
    qtbot.waitUntil(lambda: "printed on" in _said(window), timeout=10000)
    assert _said(window) == "派工单 S20260101-0001: 1 page(s) printed on Counter-1 HP LaserJet."
    looks = spooler.calls
    qtbot.wait(600)
    assert spooler.calls == looks  # done: no more looks at the spooler


def test_a_held_job_that_is_cancelled_at_the_printer_is_told(
    qtbot: QtBot, routed: Desk, window: QMainWindow
) -> None:
    spooler = FakeSpooler("held")
    _print(routed, window, spooler)
    qtbot.waitUntil(lambda: "held in the queue" in _said(window), timeout=10000)
    spooler.cancelled.append("Counter-1 HP LaserJet-1")  # someone deleted it at the queue
    qtbot.waitUntil(lambda: "cancelled at" in _said(window), timeout=10000)
