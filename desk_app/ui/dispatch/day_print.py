"""Print one technician's work orders (派工单) for the day the board shows, in one action."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from desk_app.printing import render_pdf
from desk_app.services.paperwork import paperwork
from desk_app.ui.common import errors
from desk_app.ui.dispatch.host import BoardHost
from desk_app.ui.dispatch.model import fmt_day
from desk_app.ui.paperwork.present import present_pdf
from desk_app.ui.paperwork.preview import PrintPreviewDialog

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


class DayPrinter(QObject):
    """Loads and renders the work orders in the background, then shows the print preview."""

    def __init__(self, board: BoardHost) -> None:
        super().__init__(board)
        self.board = board
        self.preview: PrintPreviewDialog | None = None  # the last one shown (None: printed)

    def print_day(self, tech_id: int | None) -> None:
        b = self.board
        tech = b.data.technicians.get(tech_id) if tech_id is not None else None
        if tech is None:
            b.say(translate("DayPrinter", "Choose a technician first."), "warning")
            return
        db, actor = b.desk.db, b.desk.actor
        start = tech.work_start.replace(hour=0, minute=0)  # the shop's midnight of that day
        end = start + timedelta(days=1)
        language = "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"

        def build() -> bytes | None:
            orders = paperwork.work_orders_for_day(
                db, actor, start, end, technician_id=tech.id, language=language
            )
            return render_pdf(orders, paperwork.company_header(db)) if orders else None

        def show(pdf: bytes | None) -> None:
            day = fmt_day(b.data.day)
            if pdf is None:
                b.say(
                    translate("DayPrinter", "%1 has no visits booked on %2.")
                    .replace("%1", tech.name)
                    .replace("%2", day)
                )
                return
            self.preview = present_pdf(
                b,
                b.desk,
                "work_order",
                pdf,
                title=translate("DayPrinter", "Work orders — %1 — %2")
                .replace("%1", tech.name)
                .replace("%2", day),
                file_name=f"work-orders-{b.data.day.isoformat()}-{tech.name}.pdf",
                paper="A4",
            )

        b.desk.ops.run(
            build,
            on_success=show,
            on_failure=lambda error: errors.show_error(b, error, b.data.tz),
            key=f"board.print.{id(self)}",
            owner=self,
        )
