"""The stock screens' sentences for errors: ``errors.message_for`` plus the stock
services' messages that carry values (a code, a number, a name), and the refusal box.

The patterns belong with the others in ``ui.errors._PATTERNS``; until the lead
moves them there they are matched here first, and everything else goes to
``errors.message_for``.
"""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desk_app.domain.errors import NotFound, ValidationError
from desk_app.ui.errors import message_for

CONTEXT = "StockMessages"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# The stock services' sentences with a value in them. They belong with the
# others in ``ui.errors._PATTERNS``; until the lead moves them there they are
# matched here first and everything else goes to ``errors.message_for``.
_STOCK_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
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


def _not_found_nouns() -> dict[str, str]:
    return {
        "part": _t("part"),
        "stock location": _t("stock location"),
        "ticket": _t("ticket"),
        "requisition": _t("requisition"),
        "requisition line": _t("requisition line"),
        "movement": _t("movement"),
        "damaged part": _t("damaged part"),
        "stocktake": _t("stocktake"),
        "technician": _t("technician"),
    }


def stock_message(error: BaseException, tz: ZoneInfo | None = None) -> str:
    """``errors.message_for`` plus the stock services' sentences that carry values."""
    if isinstance(error, NotFound):
        if error.what == "barcode":
            return _t("Unknown code %1: no part has this barcode or code.").replace(
                "%1", str(error.key)
            )
        noun = _not_found_nouns().get(error.what)
        if noun is not None:
            return _t("Not found: %1 %2.").replace("%1", noun).replace("%2", str(error.key))
    if isinstance(error, ValidationError):
        for pattern, template in _STOCK_PATTERNS:
            match = pattern.match(error.message)
            if match:
                text = QCoreApplication.translate("ServiceMessages", template)
                for n, value in enumerate(match.groups(), start=1):
                    text = text.replace(f"%{n}", value)
                return text
    return message_for(error, tz)


def show_stock_error(
    parent: QWidget | None, error: BaseException, tz: ZoneInfo | None
) -> QMessageBox:
    """``errors.show_error`` with the stock sentences (``stock_message``)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Problem"))
    box.setText(stock_message(error, tz))
    box.setObjectName("errorBox")
    box.open()
    return box


def not_allowed_tip() -> str:
    return _t("Only parts clerks and managers may move stock.")


# The stock services' fixed sentences, listed so that lupdate puts them in the .ts
# file (``errors.service_text`` translates them under "ServiceMessages").
STOCK_SERVICE_MESSAGES = (
    QT_TRANSLATE_NOOP("ServiceMessages", "Enter a whole number."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Cannot be negative."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Use letters, digits and . _ / - only, no spaces."),
    QT_TRANSLATE_NOOP("ServiceMessages", "A barcode holds letters, digits and symbols, no spaces."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Give a list of models."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The quantity must be more than zero."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Enter an amount."),
    QT_TRANSLATE_NOOP("ServiceMessages", "An amount cannot be negative."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The amount is too large."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Choose store, van or damaged."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Choose a location other than the source."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Enter a whole number other than zero."),
    QT_TRANSLATE_NOOP(
        "ServiceMessages", "A reversal cannot itself be reversed; post a new movement instead."
    ),
    QT_TRANSLATE_NOOP(
        "ServiceMessages", "A returned damaged part is settled by setting its disposition."
    ),
    QT_TRANSLATE_NOOP(
        "ServiceMessages", "Some of these parts were already returned; reverse the return first."
    ),
    QT_TRANSLATE_NOOP("ServiceMessages", "Add at least one part."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Each line names a part, a location and a quantity."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Give the fitted and the removed serial."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Choose scrap, return to supplier or claim."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Name the part by its id or by its barcode."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Choose a period of 1 to 3650 days."),
)
