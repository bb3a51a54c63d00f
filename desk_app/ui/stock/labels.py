"""What the stock screens call movement kinds, dispositions and statuses; quantities shown locally.

Codes are stored in English (``domain.enums``); every label goes through Qt's
translation (context "StockLabels"). Quantities use the default QLocale
(``ui.i18n.install`` sets it), money and times come from ``ui.labels``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from desk_app.domain.enums import (
    DamagedDisposition,
    MovementKind,
    RequisitionStatus,
    StockLocationKind,
)
from desk_app.services.stock.parts import LocationView

CONTEXT = "StockLabels"

#: Colours shared by the stock tables: shortages red, additions green, warnings amber.
RED = "#b3261e"
GREEN = "#1b7f3b"
AMBER = "#b36b00"
GREY = "#666666"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def movement_kinds() -> dict[MovementKind, str]:
    return {
        MovementKind.RECEIPT: _t("Receipt"),
        MovementKind.ISSUE: _t("Issue"),
        MovementKind.RETURN: _t("Return unused"),
        MovementKind.DAMAGED_RETURN: _t("Damaged part returned"),
        MovementKind.TRANSFER_OUT: _t("Transfer out"),
        MovementKind.TRANSFER_IN: _t("Transfer in"),
        MovementKind.ADJUSTMENT: _t("Adjustment"),
        MovementKind.STOCKTAKE: _t("Stocktake"),
        MovementKind.REVERSAL: _t("Reversal"),
    }


def dispositions() -> dict[DamagedDisposition, str]:
    return {
        DamagedDisposition.PENDING: _t("Awaiting decision"),
        DamagedDisposition.SCRAP: _t("Scrap"),
        DamagedDisposition.RETURN_TO_SUPPLIER: _t("Return to supplier"),
        DamagedDisposition.MANUFACTURER_CLAIM: _t("Claim from manufacturer"),
    }


def requisition_statuses() -> dict[RequisitionStatus, str]:
    return {
        RequisitionStatus.OPEN: _t("Open (reserved)"),
        RequisitionStatus.ISSUED: _t("Issued"),
        RequisitionStatus.CANCELLED: _t("Cancelled"),
    }


def location_kinds() -> dict[StockLocationKind, str]:
    return {
        StockLocationKind.STORE: _t("Store"),
        StockLocationKind.VAN: _t("Technician's van"),
        StockLocationKind.DAMAGED: _t("Damaged parts"),
    }


def stocktake_statuses() -> dict[str, str]:
    return {"open": _t("Counting"), "posted": _t("Posted"), "cancelled": _t("Cancelled")}


def not_allowed_tip() -> str:
    """The tooltip of a stock action the clerk's role may not take."""
    return _t("Only parts clerks and managers may move stock.")


def location_text(location: LocationView) -> str:
    """ "总仓 (MAIN)", "Damaged parts: 旧件区 (DAMAGED)"."""
    text = f"{location.name} ({location.code})"
    if location.kind is StockLocationKind.DAMAGED:
        return f"{location_kinds()[location.kind]}: {text}"
    return text


def fmt_qty(value: int | None) -> str:
    """1,234 the local way; empty for None."""
    return "" if value is None else QLocale().toString(int(value))


def fmt_signed(value: int | None) -> str:
    """+3 / −3 (a real minus sign), for movements and variances."""
    if value is None:
        return ""
    if value > 0:
        return "+" + QLocale().toString(int(value))
    if value < 0:
        return "\u2212" + QLocale().toString(-int(value))
    return "0"


def fmt_signed_money(cents: int) -> str:
    """+¥120.00 / −¥120.00: a difference, never the accountant's (¥120.00)."""
    from desk_app.ui.common.labels import fmt_money

    if cents < 0:
        return "\u2212" + fmt_money(-cents)
    return ("+" if cents > 0 else "") + fmt_money(cents)


def signed_color(value: int | None) -> str | None:
    if not value:
        return None
    return GREEN if value > 0 else RED
