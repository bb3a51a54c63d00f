"""Print one technician's day for the day the board shows: the route sheet (路线单) first,
then the work orders (派工单), in one action.

The print dialog asks only whether to include the day's completed visits (off by
default: the technician goes to the open ones). Opened with ``open()``, like the
board's other dialogs.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.printing import TechnicianDayData, render_pdf
from desk_app.printing.spooler import job_title
from desk_app.services.paperwork import paperwork
from desk_app.ui.common import errors
from desk_app.ui.common.errors import current_language
from desk_app.ui.dispatch.host import BoardHost
from desk_app.ui.dispatch.model import fmt_day
from desk_app.ui.paperwork.present import present_pdf
from desk_app.ui.paperwork.preview import PrintPreviewDialog

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


class DayPrintDialog(QDialog):
    """Asks what a technician's day prints: the open visits, or the completed ones too."""

    def __init__(self, parent: QWidget | None, technician: str, day: str, visits: int = 0) -> None:
        super().__init__(parent)
        self.setObjectName("dayPrintDialog")
        self.setWindowTitle(translate("DayPrinter", "Print the day"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                translate("DayPrinter", "Route sheet and work orders of %1 for %2.")
                .replace("%1", technician)
                .replace("%2", day)
            )
        )
        self.count = QLabel(
            translate(
                "DayPrinter", "%n open visit(s) on the board, in the board's order.", "", visits
            )
        )
        self.count.setObjectName("visitCount")
        layout.addWidget(self.count)
        self.include_completed = QCheckBox(
            translate("DayPrinter", "Include completed tickets"), self
        )
        self.include_completed.setObjectName("includeCompleted")
        self.include_completed.setChecked(False)
        layout.addWidget(self.include_completed)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.print_button: QPushButton = box.addButton(
            translate("DayPrinter", "Print"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.print_button.setObjectName("okButton")
        self.print_button.setDefault(True)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)


class DayPrinter(QObject):
    """Asks, loads and renders the day in the background, then shows the print preview."""

    def __init__(self, board: BoardHost) -> None:
        super().__init__(board)
        self.board = board
        self.dialog: DayPrintDialog | None = None  # the last one opened
        self.preview: PrintPreviewDialog | None = None  # the last one shown (None: printed)

    def print_day(self, tech_id: int | None) -> None:
        b = self.board
        tech = b.data.technicians.get(tech_id) if tech_id is not None else None
        if tech is None:
            b.say(translate("DayPrinter", "Choose a technician first."), "warning")
            return
        visits = len(b.data.booked(tech.id))
        dialog = DayPrintDialog(b, tech.name, fmt_day(b.data.day), visits)
        dialog.accepted.connect(
            lambda: self._print(tech.id, tech.name, dialog.include_completed.isChecked())
        )
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _print(self, tech_id: int, tech_name: str, include_completed: bool) -> None:
        b = self.board
        tech = b.data.technicians.get(tech_id)
        if tech is None:  # gone from the board while the dialog was open
            return
        db, actor = b.desk.db, b.desk.actor
        day, filters, desk_language = b.data.day, b.filters, current_language()

        def build() -> tuple[bytes | None, int]:
            language = paperwork.print_language(db, "work_order", desk_language)
            printed: TechnicianDayData = paperwork.technician_day(
                db,
                actor,
                day,
                tech_id,
                filters=filters,
                language=language,
                include_completed=include_completed,
            )
            if not printed.route.stops:
                return None, printed.route.left_out
            return render_pdf(printed, paperwork.company_header(db)), printed.route.left_out

        def show(result: tuple[bytes | None, int]) -> None:
            pdf, left_out = result
            shown_day = fmt_day(day)
            if pdf is None:
                if left_out:
                    text = translate(
                        "DayPrinter",
                        "%1 has no open visits on %2 (%3 completed; tick "
                        "“Include completed tickets” to print them).",
                    ).replace("%3", str(left_out))
                else:
                    text = translate("DayPrinter", "%1 has no visits booked on %2.")
                b.say(text.replace("%1", tech_name).replace("%2", shown_day))
                return
            present_pdf(
                b,
                b.desk,
                "work_order",
                pdf,
                title=translate("DayPrinter", "Route sheet and work orders — %1 — %2")
                .replace("%1", tech_name)
                .replace("%2", shown_day),
                file_name=f"day-{day.isoformat()}-{tech_name}.pdf",
                job_name=job_title("technician_day", f"{day.isoformat()} T{tech_id}"),
                paper="A4",
                on_preview=lambda dialog: setattr(self, "preview", dialog),
            )

        b.desk.ops.run(
            build,
            on_success=show,
            on_failure=lambda error: errors.show_error(b, error, b.data.tz),
            key=f"board.print.{id(self)}",
            owner=self,
        )
