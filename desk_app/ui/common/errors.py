"""The one mapping from errors to what the clerk reads, in their language.

Services raise typed errors (``desk_app.domain.errors``) that carry a code and values;
this module renders each through the one template table (``desk_app.messages``) in the
language of the installed translators. Forms call ``message_for``
and mark ``error.field`` themselves (see ``ui.widgets.FieldErrors``); anything
else goes to ``show_error``. Unexpected exceptions are logged with their
traceback and shown as a short apology, never as a stack trace.
"""

from __future__ import annotations

import logging
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desk_app.domain.errors import ConflictError, DeskError, ValidationError
from desk_app.messages import ENGLISH, LANGUAGES, render

log = logging.getLogger(__name__)


_shop_zone: ZoneInfo | None = None


def use_shop_zone(tz: ZoneInfo) -> None:
    """Times in refusals shown without an explicit zone are written in ``tz`` (the desk
    sets it when it opens: the shop's zone, never the PC's)."""
    global _shop_zone
    _shop_zone = tz


def current_language() -> str:
    """The language the installed translators speak (the main catalog maps the marker
    ``en`` of the context ``Language`` to its own language code)."""
    marker = QCoreApplication.translate("Language", "en")
    return marker if marker in LANGUAGES else ENGLISH


def code_text(code: str, /, tz: ZoneInfo | None = None, **values: object) -> str:
    """The sentence for a bare refusal code (a form's own check) in the clerk's language."""
    return render(code, values, language=current_language(), tz=tz or _shop_zone)


def conflict_text(error: ConflictError, tz: ZoneInfo | None = None) -> str:
    return render(error, language=current_language(), tz=tz or _shop_zone)


def message_for(error: BaseException, tz: ZoneInfo | None = None) -> str:
    """One translated sentence (or two) for any error a service call can raise."""
    if isinstance(error, DeskError):
        return render(error, language=current_language(), tz=tz or _shop_zone)
    log.error("unexpected error", exc_info=error)
    return QCoreApplication.translate(
        "Errors", "Something went wrong that the program did not expect. Nothing more was saved."
    )


def field_of(error: BaseException) -> str | None:
    return error.field if isinstance(error, ValidationError) else None


def show_error(parent: QWidget | None, error: BaseException, tz: ZoneInfo | None = None) -> None:
    """A modal message for errors no form field can show."""
    title = (
        QCoreApplication.translate("Errors", "Cannot save")
        if isinstance(error, ConflictError)
        else QCoreApplication.translate("Errors", "Problem")
    )
    box = QMessageBox(parent)
    box.setIcon(
        QMessageBox.Icon.Critical if not isinstance(error, DeskError) else QMessageBox.Icon.Warning
    )
    box.setWindowTitle(title)
    box.setText(message_for(error, tz))
    box.setObjectName("errorBox")
    box.open()
