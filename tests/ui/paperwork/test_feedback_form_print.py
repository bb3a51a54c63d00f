"""The customer's feedback form is printed where the clerk needs it: from the ticket window
and from the follow-up screen, in Chinese unless the manager chose otherwise, and straight
to the printer this PC routes feedback forms to."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from desk_app.services.admin import settings
from desk_app.services.core.database import Actor, Database
from desk_app.ui.care.followups.screen import FollowupsScreen
from desk_app.ui.common.context import Desk
from desk_app.ui.paperwork.hook import WorkOrderPrinter
from desk_app.ui.paperwork.present import set_print_route
from desk_app.ui.paperwork.preview import PrintPreviewDialog
from desk_app.ui.tickets.ticket_view import TicketDialog
from tests.printing.fake_spooler import FakeSpooler
from tests.printing.pdf_tools import page_texts, squeeze
from tests.services import factories
from tests.ui.conftest import close_desk, make_desk


@pytest.fixture
def manager_desk(qtbot: QtBot, db: Database, manager: Actor, tmp_path: Path) -> Iterator[Desk]:
    d = make_desk(db, manager, tmp_path / "manager.ini")
    yield d
    close_desk(d)


def _preview(qtbot: QtBot, parent: object) -> PrintPreviewDialog:
    qtbot.waitUntil(lambda: parent.findChild(PrintPreviewDialog) is not None, timeout=20000)  # type: ignore[attr-defined]
    dialog = parent.findChild(PrintPreviewDialog)  # type: ignore[attr-defined]
    assert isinstance(dialog, PrintPreviewDialog)
    return dialog


def test_the_ticket_window_prints_the_feedback_form(
    qtbot: QtBot, db: Database, clerk: Actor, desk: Desk
) -> None:
    ticket = factories.ticket(db, clerk)
    window = TicketDialog(desk, ticket_id=ticket.id, printer=WorkOrderPrinter(desk))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.feedback_button.isEnabled, timeout=10000)
    qtbot.mouseClick(window.feedback_button, Qt.MouseButton.LeftButton)
    preview = _preview(qtbot, window)
    (page,) = page_texts(preview.pdf_bytes)
    assert "服务反馈单" in squeeze(page) and ticket.number in page  # Chinese by default
    assert preview.windowTitle() == f"Feedback form {ticket.number}"
    preview.close()


def test_the_follow_up_screen_prints_the_chosen_tickets_form_to_its_printer(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    manager: Actor,
    manager_desk: Desk,
) -> None:
    done = factories.completed_ticket(db, clerk, dispatcher, manager)
    settings.set_print_languages(db, manager, {"feedback_form": "en"})
    set_print_route(manager_desk, "feedback_form", "Back office", "A5")
    spooler = FakeSpooler()
    manager_desk.spooler = spooler
    main = QMainWindow()
    screen = FollowupsScreen(manager_desk)
    main.setCentralWidget(screen)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=10000)
    assert not screen.feedback_button.isEnabled()  # nothing chosen yet
    screen.table.selectRow(0)
    assert screen.feedback_button.isEnabled()
    qtbot.mouseClick(screen.feedback_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "printed" in main.statusBar().currentMessage(), timeout=20000)
    (job,) = spooler.jobs
    assert (job.printer, job.paper, job.title) == (
        "Back office",
        "A5",
        f"Feedback form {done.number}",
    )
    assert "Service Feedback Form" in page_texts(job.pdf)[0]  # the manager's language
    assert main.statusBar().currentMessage() == (
        f"Feedback form {done.number}: 1 page(s) printed on Back office."
    )
