"""The stock screens' printed forms (requisition, count sheet, returned-part slip): rendered
off the GUI thread, then printed or shown in the print preview (``ui.printing.present_pdf``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from desk_app.services.paperwork import paperwork
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import current_language, show_error
from desk_app.ui.paperwork.present import present_pdf


def open_preview(
    desk: Desk,
    parent: QWidget,
    render: Callable[[str], bytes],
    *,
    kind: str,
    title: str,
    file_name: str,
    key: str,
    on_shown: Callable[[QDialog], None] | None = None,
) -> None:
    """Render a form (a DOCUMENT_KINDS ``kind``) in the background, then print it where
    this PC routes it or show it in the print preview (``on_shown`` gets the preview).

    ``render(language)`` gets the language the manager set for ``kind``
    (``paperwork.print_language``: the one rule of every printed document)."""
    desk_language = current_language()

    def show(pdf: bytes) -> None:
        present_pdf(
            parent,
            desk,
            kind,
            pdf,
            title=title,
            file_name=file_name,
            number=file_name.rsplit(".", 1)[0],
            on_preview=on_shown,
        )

    def failed(error: BaseException) -> None:
        show_error(parent, error, desk.tz)

    desk.ops.run(
        lambda: render(paperwork.print_language(desk.db, kind, desk_language)),
        on_success=show,
        on_failure=failed,
        key=key,
        owner=parent,
    )
