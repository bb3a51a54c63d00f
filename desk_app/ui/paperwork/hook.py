"""The front desk's door to printing: the work order and the feedback form of a ticket,
from any screen.

Intake, the ticket window and the main window hold a ``WorkOrderPrinter``; it loads
and renders the work order in the background (``preview.open_work_order_preview``)
and puts it where this PC routes work orders (``present.present_pdf``): straight to
a printer, or into the preview. ``print_feedback_form`` does the same for the
customer's feedback form (the ticket window and the follow-up screen). Tests hand
the screens a fake with the same members.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desk_app.printing import RenderedPdf, render_checked
from desk_app.services.paperwork import paperwork
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import code_text, current_language, show_error
from desk_app.ui.paperwork.present import present_pdf
from desk_app.ui.paperwork.preview import PrintPreviewDialog, open_work_order_preview, tell


class WorkOrderPrinter:
    """Prints or previews one ticket's work order (派工单)."""

    #: screens enable their print actions on this (a fake may say False)
    available = True

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def preview(self, parent: QWidget, ticket_id: int) -> None:
        """Print the work order where this PC routes work orders, or open its preview."""

        def present(pdf: bytes, title: str, file_name: str) -> None:
            present_pdf(
                parent,
                self.desk,
                "work_order",
                pdf,
                title=title,
                file_name=file_name,
                number=file_name.rsplit(".", 1)[0],
                paper="A4",
            )

        open_work_order_preview(
            parent, self.desk.db, self.desk.actor, ticket_id, ops=self.desk.ops, present=present
        )

    def feedback_form(self, parent: QWidget, number: str) -> None:
        """Print the ticket's feedback form (服务反馈单) where this PC routes it, or preview."""
        print_feedback_form(parent, self.desk, number)


def print_feedback_form(
    parent: QWidget,
    desk: Desk,
    number: str,
    *,
    on_preview: Callable[[PrintPreviewDialog], None] | None = None,
) -> None:
    """Load and render the feedback form of ticket ``number`` in the background, in the
    language the manager set for feedback forms, then print it where this PC routes
    feedback forms or open its preview (``on_preview`` gets the preview)."""
    db, actor, desk_language = desk.db, desk.actor, current_language()

    def load() -> RenderedPdf:
        language = paperwork.print_language(db, "feedback_form", desk_language)
        data = paperwork.feedback_form(db, actor, number, language)
        return render_checked(data, paperwork.company_header(db))

    def show(rendered: RenderedPdf) -> None:
        title = QCoreApplication.translate("PrintLabels", "Feedback form %1").replace("%1", number)
        present_pdf(
            parent,
            desk,
            "feedback_form",
            rendered.pdf,
            title=title,
            file_name=f"{number}-feedback.pdf",
            number=number,
            on_preview=on_preview,
        )
        warning = rendered.warning()
        if warning is not None:  # printed, but some characters as their code
            tell(parent, code_text(warning[0], **warning[1]))

    desk.ops.run(
        load,
        on_success=show,
        on_failure=lambda error: show_error(parent, error, desk.tz),
        key=f"print.feedback_form.{number}",
        owner=parent,
    )
