"""The stock screens' printed forms (requisition, count sheet, returned-part slip): rendered
off the GUI thread, then shown in the shared print preview."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog, QWidget

from desk_app.ui.context import Desk
from desk_app.ui.errors import show_error
from desk_app.ui.print_preview import PrintPreviewDialog


def print_language() -> str:
    """The language of printed forms: the desk's language (Chinese first)."""
    return "en" if QLocale().language() == QLocale.Language.English else "zh_CN"


def open_preview(
    desk: Desk,
    parent: QWidget,
    render: Callable[[], bytes],
    *,
    title: str,
    file_name: str,
    key: str,
    on_shown: Callable[[QDialog], None] | None = None,
) -> None:
    """Render a form in the background, then show it in the print preview."""

    def show(pdf: bytes) -> None:
        dialog = PrintPreviewDialog(pdf, parent, title=title, file_name=file_name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        if on_shown is not None:
            on_shown(dialog)

    def failed(error: BaseException) -> None:
        show_error(parent, error, desk.tz)

    desk.ops.run(
        render,
        on_success=show,
        on_failure=failed,
        key=key,
        owner=parent,
    )
