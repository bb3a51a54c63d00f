"""The print preview dialog: shows every page, saves the PDF, prints through a printer."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from desk_app.printing import render_pdf
from desk_app.services.core.database import Actor, Database
from desk_app.ui.common.context import Desk
from desk_app.ui.paperwork import preview as print_preview
from desk_app.ui.paperwork.preview import (
    PrintFailed,
    PrintPreviewDialog,
    open_work_order_preview,
)
from tests.printing.print_samples import HEADER, count_sheet, returned_slip, work_order
from tests.services import factories


@pytest.fixture(scope="module")
def count_sheet_pdf() -> bytes:
    return render_pdf(count_sheet(120), HEADER)


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _dialog(qtbot: QtBot, pdf: bytes, **kwargs: object) -> PrintPreviewDialog:
    dialog = PrintPreviewDialog(pdf, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_dialog_shows_every_page(qtbot: QtBot, count_sheet_pdf: bytes) -> None:
    dialog = _dialog(qtbot, count_sheet_pdf)
    expected = _pages(count_sheet_pdf)
    assert expected > 1
    assert dialog.page_count == expected
    assert str(expected) in dialog.pages_label.text()
    assert dialog.view.document() is dialog.document


def test_save_as_writes_the_pdf(
    qtbot: QtBot, count_sheet_pdf: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, count_sheet_pdf, file_name="PD20240531-01.pdf")
    chosen = tmp_path / "盘点表"  # clerk typed no extension
    asked: list[str] = []

    def fake_save(parent: QWidget, caption: str, directory: str, filter: str) -> tuple[str, str]:
        asked.append(directory)
        return str(chosen), filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    qtbot.mouseClick(dialog.save_button, print_preview.Qt.MouseButton.LeftButton)
    written = tmp_path / "盘点表.pdf"
    assert written.read_bytes() == count_sheet_pdf
    assert asked == ["PD20240531-01.pdf"]


def test_save_as_cancelled_writes_nothing(
    qtbot: QtBot, count_sheet_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, count_sheet_pdf)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    assert dialog.save_as() is None


def _answer_print_dialog(monkeypatch: pytest.MonkeyPatch, accept: bool) -> list[QPrinter]:
    """Stand in for the system print dialog, which cannot be driven offscreen."""
    asked: list[QPrinter] = []

    def answer(printer: QPrinter, parent: QWidget | None) -> bool:
        asked.append(printer)
        return accept

    monkeypatch.setattr(print_preview, "ask_print_options", answer)
    return asked


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(150)
    return printer


def test_print_paints_every_page_on_the_documents_paper(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = render_pdf(returned_slip(12, long=True), HEADER)  # A5, several pages
    out = tmp_path / "printed.pdf"
    dialog = _dialog(qtbot, pdf, paper="A5", printer_factory=lambda: _pdf_printer(out))
    asked = _answer_print_dialog(monkeypatch, accept=True)
    assert dialog.print_document() is True
    assert len(asked) == 1
    printed = PdfReader(str(out))
    assert len(printed.pages) == _pages(pdf) > 1
    box = printed.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (148, 210)


def test_cancelled_print_prints_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "never.pdf"
    dialog = _dialog(
        qtbot, render_pdf(work_order(), HEADER), printer_factory=lambda: _pdf_printer(out)
    )
    _answer_print_dialog(monkeypatch, accept=False)
    qtbot.mouseClick(dialog.print_button, print_preview.Qt.MouseButton.LeftButton)
    assert not out.exists()


def test_landscape_tag_paper(qtbot: QtBot, tmp_path: Path) -> None:
    from tests.printing.print_samples import tag

    pdf = render_pdf(tag(), HEADER)
    out = tmp_path / "tag.pdf"
    printer = _pdf_printer(out)
    document, _buffer = print_preview.load_pdf(pdf)
    print_preview.setup_printer(printer, document, "tag-70x50")
    assert print_preview.paint_pdf(document, printer) == 1
    box = PdfReader(str(out)).pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (70, 50)


def test_not_a_pdf_is_refused(qtbot: QtBot) -> None:
    with pytest.raises(PrintFailed):
        PrintPreviewDialog(b"this is not a pdf")


def test_work_order_preview_opens_from_a_ticket(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    ticket = factories.ticket(db, clerk, fault="洗衣机不脱水，排水慢")
    parent = QWidget()
    qtbot.addWidget(parent)
    open_work_order_preview(parent, db, clerk, ticket.id, ops=desk.ops)
    qtbot.waitUntil(lambda: parent.findChild(PrintPreviewDialog) is not None, timeout=10000)
    dialog = parent.findChild(PrintPreviewDialog)
    assert dialog.page_count == 1
    assert dialog.file_name == f"{ticket.number}.pdf"
    assert ticket.number in dialog.windowTitle()


def test_work_order_with_a_character_no_font_has_opens_and_tells_the_clerk(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    ticket = factories.ticket(db, clerk, fault="吉𠮷家的洗衣机😀不脱水\U00031350")
    parent = QWidget()
    qtbot.addWidget(parent)
    open_work_order_preview(parent, db, clerk, ticket.id, ops=desk.ops)
    qtbot.waitUntil(lambda: parent.findChild(PrintPreviewDialog) is not None, timeout=10000)
    assert parent.findChild(PrintPreviewDialog).page_count == 1
    told = str(parent.property("lastPrintMessage") or "")
    # U+31350: CJK Extension H (Unicode 15), newer than the fonts installed here
    assert "[U+31350]" in told  # the one character no font has, and only it
    assert "𠮷" not in told and "😀" not in told


class _CounterPrinter(QPrinter):
    """A real printer as the system dialog leaves it: named, two copies, pages 1-1."""

    def outputFormat(self) -> QPrinter.OutputFormat:
        return QPrinter.OutputFormat.NativeFormat

    def printerName(self) -> str:
        return "Counter-1 HP LaserJet"

    def copyCount(self) -> int:
        return 2


def test_print_to_a_real_printer_goes_through_the_spooler_and_says_what_happened(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMainWindow

    from tests.printing.fake_spooler import FakeSpooler

    window = QMainWindow()
    qtbot.addWidget(window)
    parent = QWidget()
    window.setCentralWidget(parent)
    spooler = FakeSpooler()
    desk.spooler = spooler
    pdf = render_pdf(work_order(), HEADER)
    dialog = PrintPreviewDialog(
        pdf,
        parent,
        title="派工单 WX20240501-0001",
        file_name="WX20240501-0001.pdf",
        paper="A4",
        printer_factory=_CounterPrinter,
        desk=desk,
        kind="work_order",
    )
    qtbot.addWidget(dialog)
    _answer_print_dialog(monkeypatch, accept=True)
    assert dialog.print_document() is True
    qtbot.waitUntil(lambda: "printed" in window.statusBar().currentMessage(), timeout=10000)
    (job,) = spooler.jobs
    assert (job.pdf, job.printer, job.copies, job.title) == (
        pdf,
        "Counter-1 HP LaserJet",
        2,
        "Work order WX20240501-0001",
    )
    assert window.statusBar().currentMessage() == (
        "派工单 WX20240501-0001: 2 page(s) printed on Counter-1 HP LaserJet."
    )


def test_print_to_a_file_from_a_desk_is_drawn_off_the_gui_thread(
    qtbot: QtBot, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    parent = QWidget()
    window.setCentralWidget(parent)
    pdf = render_pdf(returned_slip(12, long=True), HEADER)
    out = tmp_path / "file.pdf"
    dialog = PrintPreviewDialog(
        pdf, parent, paper="A5", printer_factory=lambda: _pdf_printer(out), desk=desk
    )
    qtbot.addWidget(dialog)
    _answer_print_dialog(monkeypatch, accept=True)
    assert dialog.print_document() is True
    qtbot.waitUntil(lambda: "written to" in window.statusBar().currentMessage(), timeout=20000)
    assert len(PdfReader(str(out)).pages) == _pages(pdf) > 1
    assert window.statusBar().currentMessage() == f"{_pages(pdf)} page(s) written to {out}."
