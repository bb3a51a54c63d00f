"""The one mapping from errors to what the clerk reads, in their language.

Services raise typed errors (``desk_app.domain.errors``) with English text;
this module turns each into a translated sentence. Forms call ``message_for``
and mark ``error.field`` themselves (see ``ui.widgets.FieldErrors``); anything
else goes to ``show_error``. Unexpected exceptions are logged with their
traceback and shown as a short apology, never as a stack trace.
"""

from __future__ import annotations

import logging
import re
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desk_app.domain.errors import (
    ConflictError,
    DatabaseUnavailable,
    DeskError,
    DuplicateEntry,
    IllegalTransition,
    NotEnoughStock,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from desk_app.printing.errors import FontNotFound, MissingGlyphs, PrinterNotFound, PrintFailed
from desk_app.ui.common import labels

log = logging.getLogger(__name__)

CONTEXT = "ServiceMessages"

# The services' fixed sentences, listed so that lupdate puts them in the .ts file.
SERVICE_MESSAGES = (
    QT_TRANSLATE_NOOP("ServiceMessages", "This field is required."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Please enter at least one phone number."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Please enter a phone number."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Please enter one phone number at a time."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The phone number is too short."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Please add the area code, for example 010 or 0755."),
    QT_TRANSLATE_NOOP("ServiceMessages", "A mobile number has no extension."),
    QT_TRANSLATE_NOOP("ServiceMessages", "400 and 800 numbers have 10 digits."),
    QT_TRANSLATE_NOOP(
        "ServiceMessages", "Contains invisible control characters; please retype it."
    ),
    QT_TRANSLATE_NOOP(
        "ServiceMessages", "A name may contain only letters, digits, spaces and · . ' -"
    ),
    QT_TRANSLATE_NOOP("ServiceMessages", "The preferred window ends before it starts."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The purchase date is in the future."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The warranty ends before the purchase date."),
    QT_TRANSLATE_NOOP("ServiceMessages", "This appliance does not belong to the customer."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only a consultation can be answered at the desk."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Wrong user name or password."),
    QT_TRANSLATE_NOOP("ServiceMessages", "This user name is taken."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The first user must be a manager."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Please give a reason."),
    QT_TRANSLATE_NOOP(
        "ServiceMessages", "Use at most 40 letters, digits, dots, dashes or underscores."
    ),
    QT_TRANSLATE_NOOP("ServiceMessages", "The database could not be reached; nothing was saved."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The database could not be reached."),
    QT_TRANSLATE_NOOP(
        "ServiceMessages",
        "The connection was lost while saving; the change may or may not have been saved. "
        "Check before entering it again.",
    ),
)

# Sentences with numbers or values in them: English pattern → translatable template,
# whose %1, %2, ... take the pattern's groups.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^Too long: at most (\d+) characters\.$"),
        QT_TRANSLATE_NOOP("ServiceMessages", "Too long: at most %1 characters."),
    ),
    (
        re.compile(r"^At most (\d+) phone numbers\.$"),
        QT_TRANSLATE_NOOP("ServiceMessages", "At most %1 phone numbers."),
    ),
    (
        re.compile(r"^At most (\d+) addresses\.$"),
        QT_TRANSLATE_NOOP("ServiceMessages", "At most %1 addresses."),
    ),
    (
        re.compile(r"^(.+) is entered twice\.$"),
        QT_TRANSLATE_NOOP("ServiceMessages", "%1 is entered twice."),
    ),
    (
        re.compile(r"^A mobile number has 11 digits; this one has (\d+)\.$"),
        QT_TRANSLATE_NOOP("ServiceMessages", "A mobile number has 11 digits; this one has %1."),
    ),
    (
        re.compile(r"^The password needs at least (\d+) characters\.$"),
        QT_TRANSLATE_NOOP("ServiceMessages", "The password needs at least %1 characters."),
    ),
    # the stock services'
    (
        re.compile(r"^Code (.+) is already in use\.$"),
        QT_TRANSLATE_NOOP("ServiceMessages", "Code %1 is already in use."),
    ),
    (
        re.compile(r"^Barcode (.+) is already on another part\.$"),
        QT_TRANSLATE_NOOP("ServiceMessages", "Barcode %1 is already on another part."),
    ),
    (
        re.compile(r"^(.+) holds damaged parts; they can never be issued or moved out\.$"),
        QT_TRANSLATE_NOOP(
            "ServiceMessages",
            "%1 holds damaged parts; they can never be issued or moved out.",
        ),
    ),
    (
        re.compile(r"^(.+) is no longer in use\.$"),
        QT_TRANSLATE_NOOP("ServiceMessages", "%1 is no longer in use."),
    ),
    (re.compile(r"^At most (\d+)\.$"), QT_TRANSLATE_NOOP("ServiceMessages", "At most %1.")),
    (
        re.compile(r"^At most (\d+) models\.$"),
        QT_TRANSLATE_NOOP("ServiceMessages", "At most %1 models."),
    ),
    (
        re.compile(r"^At most (\d+) lines on one requisition\.$"),
        QT_TRANSLATE_NOOP("ServiceMessages", "At most %1 lines on one requisition."),
    ),
    (
        re.compile(r"^The quantity must be at most (\d+)\.$"),
        QT_TRANSLATE_NOOP("ServiceMessages", "The quantity must be at most %1."),
    ),
    (
        re.compile(r"^Only (\d+) of this line are out; at most \d+ can come back\.$"),
        QT_TRANSLATE_NOOP(
            "ServiceMessages",
            "Only %1 of this line are out; at most %1 can come back.",
        ),
    ),
    (
        re.compile(r"^Requisition (\S+) was already issued by (.+) at (.+)\.$"),
        QT_TRANSLATE_NOOP(
            "ServiceMessages",
            "Requisition %1 was already issued by %2 at %3.",
        ),
    ),
    (
        re.compile(r"^Requisition (\S+) was cancelled\.$"),
        QT_TRANSLATE_NOOP("ServiceMessages", "Requisition %1 was cancelled."),
    ),
    (
        re.compile(r"^Ticket (\S+) is closed; .+ is not possible\.$"),
        QT_TRANSLATE_NOOP(
            "ServiceMessages",
            "Ticket %1 is closed; its parts can no longer change.",
        ),
    ),
    (
        re.compile(r"^Ticket (\S+) is cancelled; .+ is not possible\.$"),
        QT_TRANSLATE_NOOP(
            "ServiceMessages",
            "Ticket %1 is cancelled; its parts can no longer change.",
        ),
    ),
    (
        re.compile(r"^A stocktake of (.+) is already open \(No\. (\d+)\)\.$"),
        QT_TRANSLATE_NOOP(
            "ServiceMessages",
            "A stocktake of %1 is already open (No. %2).",
        ),
    ),
    (
        re.compile(r"^This stocktake is already posted\.$"),
        QT_TRANSLATE_NOOP("ServiceMessages", "This stocktake is already posted."),
    ),
    (
        re.compile(r"^This stocktake is already cancelled\.$"),
        QT_TRANSLATE_NOOP("ServiceMessages", "This stocktake is already cancelled."),
    ),
    (
        re.compile(r"^(\d+) parts are not counted yet\..*$", re.S),
        QT_TRANSLATE_NOOP(
            "ServiceMessages",
            "%1 parts are not counted yet. Count them, or confirm that they are not there "
            "(counted as zero).",
        ),
    ),
    (
        re.compile(r"^Movement (\d+) was already reversed by (.+) at (.+)\.$"),
        QT_TRANSLATE_NOOP(
            "ServiceMessages",
            "Movement %1 was already reversed by %2 at %3.",
        ),
    ),
    (
        re.compile(r"^Line (\d+) is not on (\S+)\.$"),
        QT_TRANSLATE_NOOP("ServiceMessages", "Line %1 is not on %2."),
    ),
    (
        re.compile(r"^Already decided: (\S+); it cannot be changed\.$"),
        QT_TRANSLATE_NOOP(
            "ServiceMessages",
            "Already decided: %1; it cannot be changed.",
        ),
    ),
)


def service_text(message: str) -> str:
    """A service's English sentence in the clerk's language (unchanged if unknown)."""
    translated = QCoreApplication.translate(CONTEXT, message)
    if translated != message:
        return translated
    for pattern, template in _PATTERNS:
        match = pattern.match(message)
        if match:
            text = QCoreApplication.translate(CONTEXT, template)
            for n, value in enumerate(match.groups(), start=1):
                text = text.replace(f"%{n}", value)
            return text
    return message


def conflict_text(error: ConflictError, tz: ZoneInfo | None = None) -> str:
    when = labels.fmt_datetime(error.when, tz or ZoneInfo("Asia/Shanghai")) if error.when else "?"
    return (
        QCoreApplication.translate("Errors", "%1 changed this record at %2, after you opened it.")
        .replace("%1", error.who)
        .replace("%2", when)
    )


def _nouns() -> dict[str, str]:
    """What the services call a record (``NotFound.what``, ``IllegalTransition.what``,
    ``DuplicateEntry.what``), in the clerk's language; unknown names are shown as they are."""
    return {
        "customer": QCoreApplication.translate("Errors", "customer"),
        "appliance": QCoreApplication.translate("Errors", "appliance"),
        "ticket": QCoreApplication.translate("Errors", "ticket"),
        "complaint": QCoreApplication.translate("Errors", "complaint"),
        "followup call": QCoreApplication.translate("Errors", "follow-up call"),
        "follow-up": QCoreApplication.translate("Errors", "follow-up"),
        "follow-up rating": QCoreApplication.translate("Errors", "follow-up rating"),
        "feedback form": QCoreApplication.translate("Errors", "feedback form"),
        "maintenance ticket": QCoreApplication.translate("Errors", "maintenance ticket"),
        "user": QCoreApplication.translate("Errors", "user"),
        "manager": QCoreApplication.translate("Errors", "manager"),
        "technician": QCoreApplication.translate("Errors", "technician"),
        "part": QCoreApplication.translate("Errors", "part"),
        "stock location": QCoreApplication.translate("Errors", "stock location"),
        "requisition": QCoreApplication.translate("Errors", "requisition"),
        "requisition line": QCoreApplication.translate("Errors", "requisition line"),
        "movement": QCoreApplication.translate("Errors", "movement"),
        "damaged part": QCoreApplication.translate("Errors", "damaged part"),
        "stocktake": QCoreApplication.translate("Errors", "stocktake"),
    }


def _noun(what: str) -> str:
    """A service's name for a kind of record (``NotFound.what``...) in the clerk's language."""
    return _nouns().get(what, what)


def _printing_text(error: DeskError) -> str:
    if isinstance(error, FontNotFound):
        return QCoreApplication.translate(
            "Errors",
            "No TrueType font with Chinese characters was found, so nothing can be printed. "
            "Install one (for example Microsoft YaHei) or set DESK_PRINT_FONT to a .ttf/.ttc "
            "file.",
        )
    if isinstance(error, MissingGlyphs):
        return QCoreApplication.translate(
            "Errors",
            "Cannot print %1: no installed font has these characters. Remove them from "
            "the text, or set DESK_PRINT_FONT to a font that has them.",
        ).replace("%1", " ".join(error.chars))
    if isinstance(error, PrinterNotFound):
        return QCoreApplication.translate(
            "Errors", "The printer %1 is not installed on this computer."
        ).replace("%1", error.printer_name)
    head = QCoreApplication.translate("Errors", "Printing failed; nothing was printed.")
    return f"{head}\n{error}" if str(error) else head


def message_for(error: BaseException, tz: ZoneInfo | None = None) -> str:
    """One translated sentence (or two) for any error a service call can raise."""
    if isinstance(error, ValidationError):
        return service_text(error.message)
    if isinstance(error, ConflictError):
        return conflict_text(error, tz)
    if isinstance(error, DatabaseUnavailable):
        detail = service_text(str(error)) if str(error) else ""
        head = QCoreApplication.translate(
            "Errors", "The database cannot be reached. Check the network or the server."
        )
        return f"{head}\n{detail}" if detail else head
    if isinstance(error, PermissionDenied):
        return QCoreApplication.translate("Errors", "Your role does not allow this (%1).").replace(
            "%1", error.action
        )
    if isinstance(error, NotFound):
        if error.what == "barcode":
            return QCoreApplication.translate(
                "Errors", "Unknown code %1: no part has this barcode or code."
            ).replace("%1", str(error.key))
        return (
            QCoreApplication.translate("Errors", "Not found: %1 %2.")
            .replace("%1", _noun(error.what))
            .replace("%2", str(error.key))
        )
    if isinstance(error, IllegalTransition):
        return QCoreApplication.translate(
            "Errors", "This cannot be done in the current state of the %1."
        ).replace("%1", _noun(error.what))
    if isinstance(error, NotEnoughStock):
        return (
            QCoreApplication.translate("Errors", "Not enough stock of %1: %2 available.")
            .replace("%1", error.part_code)
            .replace("%2", str(error.available))
        )
    if isinstance(error, DuplicateEntry):
        return (
            QCoreApplication.translate("Errors", "Already entered: %1 %2.")
            .replace("%1", _noun(error.what))
            .replace("%2", str(error.key))
        )
    if isinstance(error, FontNotFound | MissingGlyphs | PrinterNotFound | PrintFailed):
        return _printing_text(error)
    if isinstance(error, DeskError):
        return service_text(str(error))
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
