"""Labels of the complaint and feedback vocabularies (the rest of the labels are in
``ui.labels``), in the context "ComplaintLabels". The services' refusals of this area are
codes rendered through ``desk_app.messages`` (templates in ``messages/templates/care.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desk_app.domain.complaint_rules import RATING_FIELDS, ComplaintStep, Ratings
from desk_app.domain.enums import ComplaintCategory, Severity


def categories() -> dict[ComplaintCategory, str]:
    return {
        ComplaintCategory.ATTITUDE: QCoreApplication.translate(
            "ComplaintLabels", "Service attitude"
        ),
        ComplaintCategory.DELAY: QCoreApplication.translate("ComplaintLabels", "Delay"),
        ComplaintCategory.REPAIR_QUALITY: QCoreApplication.translate(
            "ComplaintLabels", "Quality of repair"
        ),
        ComplaintCategory.CHARGES: QCoreApplication.translate("ComplaintLabels", "Charges"),
        ComplaintCategory.PARTS: QCoreApplication.translate("ComplaintLabels", "Parts"),
        ComplaintCategory.OTHER: QCoreApplication.translate("ComplaintLabels", "Other"),
    }


def severities() -> dict[Severity, str]:
    return {
        Severity.LOW: QCoreApplication.translate("ComplaintLabels", "Low"),
        Severity.MEDIUM: QCoreApplication.translate("ComplaintLabels", "Medium"),
        Severity.HIGH: QCoreApplication.translate("ComplaintLabels", "High"),
    }


SEVERITY_COLORS = {Severity.LOW: "#555555", Severity.MEDIUM: "#b36b00", Severity.HIGH: "#b3261e"}


def steps() -> dict[ComplaintStep, str]:
    """What each event of a complaint's history is called."""
    return {
        ComplaintStep.CREATE: QCoreApplication.translate("ComplaintLabels", "Complaint recorded"),
        ComplaintStep.NOTE: QCoreApplication.translate("ComplaintLabels", "Investigation note"),
        ComplaintStep.ANSWER: QCoreApplication.translate(
            "ComplaintLabels", "First answer to the customer"
        ),
        ComplaintStep.PROPOSE: QCoreApplication.translate("ComplaintLabels", "Solution proposed"),
        ComplaintStep.ACCEPT: QCoreApplication.translate("ComplaintLabels", "Customer accepted"),
        ComplaintStep.REJECT: QCoreApplication.translate("ComplaintLabels", "Customer rejected"),
        ComplaintStep.ESCALATE: QCoreApplication.translate(
            "ComplaintLabels", "Overdue: escalated to the manager"
        ),
        ComplaintStep.ASSIGN: QCoreApplication.translate(
            "ComplaintLabels", "Handed to another handler"
        ),
        ComplaintStep.CLOSE: QCoreApplication.translate("ComplaintLabels", "Closed"),
    }


def rating_fields() -> dict[str, str]:
    """The five things the customer rates, in the order of the paper form."""
    names = {
        "attitude": QCoreApplication.translate("ComplaintLabels", "Attitude"),
        "professionalism": QCoreApplication.translate("ComplaintLabels", "Professionalism"),
        "timeliness": QCoreApplication.translate("ComplaintLabels", "Timeliness"),
        "effectiveness": QCoreApplication.translate("ComplaintLabels", "Effectiveness"),
        "overall": QCoreApplication.translate("ComplaintLabels", "Overall"),
    }
    return {f: names[f] for f in RATING_FIELDS}


def rating_levels() -> dict[int, str]:
    """The five levels, best first as the paper form prints them (5 = very satisfied)."""
    return {
        5: QCoreApplication.translate("ComplaintLabels", "Very satisfied"),
        4: QCoreApplication.translate("ComplaintLabels", "Satisfied"),
        3: QCoreApplication.translate("ComplaintLabels", "Neutral"),
        2: QCoreApplication.translate("ComplaintLabels", "Dissatisfied"),
        1: QCoreApplication.translate("ComplaintLabels", "Very dissatisfied"),
    }


RATING_COLORS = {5: "#1b7f3b", 4: "#1b7f3b", 3: "#555555", 2: "#b36b00", 1: "#b3261e"}


def ratings_short(r: Ratings | None) -> str:
    """ "5 5 4 5 5" in the order of the form; empty without ratings."""
    return " ".join(str(v) for v in r.as_tuple()) if r is not None else ""


def ratings_long(r: Ratings) -> str:
    """ "Attitude 5, Professionalism 4, …" in the clerk's language."""
    sep = QCoreApplication.translate("ComplaintLabels", ", ")
    return sep.join(
        f"{name} {v}" for name, v in zip(rating_fields().values(), r.as_tuple(), strict=True)
    )
