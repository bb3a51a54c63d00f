"""What the screens call the business's codes, and dates, times and money the local way.

Enum values are stored as English codes; every label shown goes through Qt's
translation (context "Labels"). Dates and money use the default QLocale, which
``ui.i18n.install`` sets to the chosen language; times are shown in the shop's
time zone (a setting), whatever the PC's own zone.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from desk_app.domain.clock import ClockState, ClockStatus, split_remaining
from desk_app.domain.enums import Channel, Role, TicketKind, TicketStatus, Urgency, WarrantyStatus


def ticket_kinds() -> dict[TicketKind, str]:
    return {
        TicketKind.REPAIR: QCoreApplication.translate("Labels", "Repair"),
        TicketKind.INSTALLATION: QCoreApplication.translate("Labels", "Installation"),
        TicketKind.MAINTENANCE: QCoreApplication.translate("Labels", "Maintenance"),
        TicketKind.CONSULTATION: QCoreApplication.translate("Labels", "Consultation"),
        TicketKind.RETURN_EXCHANGE: QCoreApplication.translate("Labels", "Return / exchange"),
        TicketKind.RETURN_TO_FACTORY: QCoreApplication.translate("Labels", "Return to factory"),
    }


def urgencies() -> dict[Urgency, str]:
    return {
        Urgency.NORMAL: QCoreApplication.translate("Labels", "Normal"),
        Urgency.URGENT: QCoreApplication.translate("Labels", "Urgent"),
        Urgency.CRITICAL: QCoreApplication.translate("Labels", "Critical"),
    }


def channels() -> dict[Channel, str]:
    return {
        Channel.PHONE: QCoreApplication.translate("Labels", "Phone call"),
        Channel.WALK_IN: QCoreApplication.translate("Labels", "Walk-in"),
        Channel.ONLINE: QCoreApplication.translate("Labels", "Online"),
        Channel.LETTER: QCoreApplication.translate("Labels", "Letter"),
    }


def statuses() -> dict[TicketStatus, str]:
    return {
        TicketStatus.NEW: QCoreApplication.translate("Labels", "New"),
        TicketStatus.DISPATCHED: QCoreApplication.translate("Labels", "Dispatched"),
        TicketStatus.APPOINTED: QCoreApplication.translate("Labels", "Appointment confirmed"),
        TicketStatus.IN_SERVICE: QCoreApplication.translate("Labels", "In service"),
        TicketStatus.WAITING_PARTS: QCoreApplication.translate("Labels", "Waiting for parts"),
        TicketStatus.WAITING_CUSTOMER: QCoreApplication.translate("Labels", "Waiting for customer"),
        TicketStatus.COMPLETED: QCoreApplication.translate("Labels", "Completed"),
        TicketStatus.FOLLOWED_UP: QCoreApplication.translate("Labels", "Followed up"),
        TicketStatus.CLOSED: QCoreApplication.translate("Labels", "Closed"),
        TicketStatus.CANCELLED: QCoreApplication.translate("Labels", "Cancelled"),
    }


def warranty(status: WarrantyStatus) -> str:
    return {
        WarrantyStatus.IN: QCoreApplication.translate("Labels", "In warranty"),
        WarrantyStatus.EXPIRING: QCoreApplication.translate("Labels", "Warranty expiring soon"),
        WarrantyStatus.OUT: QCoreApplication.translate("Labels", "Out of warranty"),
        WarrantyStatus.UNKNOWN: QCoreApplication.translate("Labels", "Warranty unknown"),
    }[status]


def roles() -> dict[Role, str]:
    return {
        Role.CLERK: QCoreApplication.translate("Labels", "Front desk"),
        Role.DISPATCHER: QCoreApplication.translate("Labels", "Dispatcher"),
        Role.PARTS_CLERK: QCoreApplication.translate("Labels", "Parts clerk"),
        Role.FOLLOWUP: QCoreApplication.translate("Labels", "Follow-up specialist"),
        Role.MANAGER: QCoreApplication.translate("Labels", "Service manager"),
        Role.TECHNICIAN: QCoreApplication.translate("Labels", "Technician"),
    }


def timeline_kinds() -> dict[str, str]:
    return {
        "ticket": QCoreApplication.translate("Labels", "Ticket"),
        "complaint": QCoreApplication.translate("Labels", "Complaint"),
        "feedback": QCoreApplication.translate("Labels", "Feedback"),
        "followup": QCoreApplication.translate("Labels", "Follow-up call"),
    }


def complaint_statuses() -> dict[str, str]:
    return {
        "open": QCoreApplication.translate("Labels", "Open"),
        "investigating": QCoreApplication.translate("Labels", "Investigating"),
        "proposed": QCoreApplication.translate("Labels", "Solution proposed"),
        "resolved": QCoreApplication.translate("Labels", "Resolved"),
        "closed": QCoreApplication.translate("Labels", "Closed"),
    }


def followup_outcomes() -> dict[str, str]:
    return {
        "reached": QCoreApplication.translate("Labels", "Reached"),
        "not_reached": QCoreApplication.translate("Labels", "Not reached"),
        "refused": QCoreApplication.translate("Labels", "Declined to answer"),
    }


def feedback_sources() -> dict[str, str]:
    return {
        "form": QCoreApplication.translate("Labels", "Feedback form"),
        "call": QCoreApplication.translate("Labels", "Follow-up call"),
    }


WARRANTY_COLORS = {
    WarrantyStatus.IN: "#1b7f3b",
    WarrantyStatus.EXPIRING: "#b36b00",
    WarrantyStatus.OUT: "#b3261e",
    WarrantyStatus.UNKNOWN: "#8a5a00",
}

CLOCK_COLORS = {
    ClockStatus.OK: "#1b7f3b",
    ClockStatus.AT_RISK: "#b36b00",
    ClockStatus.OVERDUE: "#b3261e",
    ClockStatus.PAUSED: "#555555",
    ClockStatus.MET: "#1b7f3b",
    ClockStatus.MISSED: "#b3261e",
}

OPEN_STATUSES = frozenset(
    {
        TicketStatus.NEW,
        TicketStatus.DISPATCHED,
        TicketStatus.APPOINTED,
        TicketStatus.IN_SERVICE,
        TicketStatus.WAITING_PARTS,
        TicketStatus.WAITING_CUSTOMER,
    }
)


def remaining_text(seconds: float) -> str:
    """Time left on a clock: "1d 11:33" / "1天 11:33", "03:15", "-05:20"."""
    sign, days, hh_mm = split_remaining(seconds)
    if not days:
        return f"{sign}{hh_mm}"
    return (
        QCoreApplication.translate("Labels", "%1d %2")
        .replace("%1", f"{sign}{days}")
        .replace("%2", hh_mm)
    )


def clock_text(state: ClockState) -> str:
    """ "03:15 left", "overdue 05:20", "paused (03:15 left)", "met", "missed"."""
    left = remaining_text(abs(state.remaining_seconds))
    if state.status is ClockStatus.MET:
        return QCoreApplication.translate("Labels", "met")
    if state.status is ClockStatus.MISSED:
        return QCoreApplication.translate("Labels", "missed")
    if state.status is ClockStatus.PAUSED:
        return QCoreApplication.translate("Labels", "paused (%1 left)").replace("%1", left)
    if state.status is ClockStatus.OVERDUE:
        return QCoreApplication.translate("Labels", "overdue by %1").replace("%1", left)
    return QCoreApplication.translate("Labels", "%1 left").replace("%1", left)


# ---------------------------------------------------------------- dates and money


def _four_digit_year(fmt: str) -> str:
    """Locale formats with a two-digit year ("M/d/yy") get four digits: a warranty end in
    "10/1/27" is easy to misread at the counter."""
    return fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy")


def fmt_datetime(value: datetime | None, tz: ZoneInfo) -> str:
    """Date and time in the shop's time zone, the way the chosen language writes them."""
    if value is None:
        return ""
    local = value.astimezone(tz)
    qdt = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    locale = QLocale()
    return locale.toString(
        qdt, _four_digit_year(locale.dateTimeFormat(QLocale.FormatType.ShortFormat))
    )


def fmt_date(value: date | None) -> str:
    if value is None:
        return ""
    locale = QLocale()
    return locale.toString(
        QDate(value.year, value.month, value.day),
        _four_digit_year(locale.dateFormat(QLocale.FormatType.ShortFormat)),
    )


def fmt_money(cents: int) -> str:
    """¥1,234.50 in either language (the shop works in yuan)."""
    return QLocale().toCurrencyString(cents / 100, "¥", 2)
