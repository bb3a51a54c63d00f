"""Printing a technician's day from the board: the dialog's "include completed" choice
(off by default), the route sheet first, and what the board says when nothing is left."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.domain.enums import TicketStatus
from desk_app.services.admin import settings
from desk_app.services.core.database import Actor, Database
from desk_app.services.dispatch import dispatch
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import Completion
from desk_app.ui.common.context import Desk
from desk_app.ui.dispatch.board import DispatchBoard
from desk_app.ui.dispatch.day_print import DayPrintDialog
from desk_app.ui.paperwork.preview import PrintPreviewDialog
from tests.printing.pdf_tools import page_texts, squeeze
from tests.services import factories
from tests.ui.dispatch import test_dispatch_board as board_tests
from tests.ui.dispatch.test_dispatch_board import local, open_board

# the board tests' fixtures: a dispatcher's desk, 孙师傅 and 周师傅
dispatch_desk = board_tests.dispatch_desk
techs = board_tests.techs


def _book(db: Database, clerk: Actor, dispatcher: Actor, tech: int, hour: int) -> str:
    t = factories.ticket(db, clerk)
    dispatch.assign(db, dispatcher, t.id, tech, starts=local(hour), ends=local(hour + 1))
    return t.number


def _complete(db: Database, dispatcher: Actor, number: str) -> None:
    t = tickets.find_by_number(db, dispatcher, number)
    tickets.change_status(db, dispatcher, t.id, TicketStatus.IN_SERVICE)
    tickets.complete(db, dispatcher, t.id, Completion("电容老化", "更换启动电容"))


def _ask(qtbot: QtBot, board: DispatchBoard, tech: int) -> DayPrintDialog:
    board.panel.choose(tech, None)
    qtbot.mouseClick(board.panel.buttons["print"], Qt.MouseButton.LeftButton)
    dialog = board.printer.dialog
    assert isinstance(dialog, DayPrintDialog) and dialog.isVisible()
    return dialog


def _printed(qtbot: QtBot, board: DispatchBoard) -> list[str]:
    qtbot.waitUntil(lambda: board.printer.preview is not None, timeout=20000)
    preview = board.printer.preview
    assert isinstance(preview, PrintPreviewDialog)
    pages = page_texts(preview.pdf_bytes)
    assert preview.page_count == len(pages)
    preview.close()
    return pages


def test_completed_visits_are_left_out_unless_ticked(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    manager: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
) -> None:
    sun, _ = techs
    settings.set_print_languages(db, manager, {"work_order": "en"})  # the manager's choice
    early = _book(db, clerk, dispatcher, sun, 9)
    done = _book(db, clerk, dispatcher, sun, 11)
    late = _book(db, clerk, dispatcher, sun, 14)
    _complete(db, dispatcher, done)
    board = open_board(qtbot, dispatch_desk)

    dialog = _ask(qtbot, board, sun)
    assert not dialog.include_completed.isChecked()  # off by default
    assert dialog.count.text() == "2 open visit(s) on the board, in the board's order."
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    pages = _printed(qtbot, board)
    assert len(pages) == 3  # the route sheet, then the two open work orders
    first = pages[0]
    assert "Route Sheet" in first and "孙师傅" in first
    assert first.index(early) < first.index(late) and done not in first
    # the shop's wall-clock times (the board's zone is Asia/Shanghai)
    assert "09:00–10:00" in first and "14:00–15:00" in first
    assert "1 completed visit(s) left out." in first
    assert early in pages[1] and late in pages[2]

    board.printer.preview = None
    dialog = _ask(qtbot, board, sun)
    dialog.include_completed.setChecked(True)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    pages = _printed(qtbot, board)
    assert len(pages) == 4
    first = squeeze(pages[0])
    assert first.index(early) < first.index(done) < first.index(late)
    assert "Completed" in pages[0] and "left out" not in pages[0]


def test_cancel_prints_nothing(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
) -> None:
    sun, _ = techs
    _book(db, clerk, dispatcher, sun, 9)
    board = open_board(qtbot, dispatch_desk)
    dialog = _ask(qtbot, board, sun)
    dialog.reject()
    qtbot.wait(200)
    assert board.printer.preview is None


def test_a_day_of_only_completed_visits_says_so(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
) -> None:
    sun, _ = techs
    _complete(db, dispatcher, _book(db, clerk, dispatcher, sun, 9))
    board = open_board(qtbot, dispatch_desk)
    said: list[str] = []
    board.say = lambda text, kind="info": said.append(text)  # type: ignore[method-assign]
    qtbot.mouseClick(_ask(qtbot, board, sun).print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(said), timeout=20000)
    assert "孙师傅" in said[0] and "1 completed" in said[0]
    assert board.printer.preview is None


def test_the_day_prints_in_chinese_unless_the_manager_says_otherwise(
    qtbot: QtBot,
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    dispatch_desk: Desk,
    techs: tuple[int, int],
) -> None:
    """Customer-facing paper prints Chinese by default, whatever the desk's language
    (these tests run the desk in English)."""
    sun, _ = techs
    number = _book(db, clerk, dispatcher, sun, 9)
    board = open_board(qtbot, dispatch_desk)
    qtbot.mouseClick(_ask(qtbot, board, sun).print_button, Qt.MouseButton.LeftButton)
    pages = _printed(qtbot, board)
    assert "工程师路线单" in squeeze(pages[0]) and "服务派工单" in squeeze(pages[1])
    assert number in pages[1]
