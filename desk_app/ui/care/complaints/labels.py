"""Labels of the complaint and feedback vocabularies, and the services' sentences of that
area listed for translation (the rest of the labels are in ``ui.labels``).

Context "ComplaintLabels" for the labels; the services' sentences keep the context
"ServiceMessages" that ``ui.errors.service_text`` looks them up in.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

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


# The services' sentences of complaints, follow-ups, feedback and maintenance, listed so
# that lupdate puts them in this area's .ts file (translated by ``ui.errors.service_text``).
SERVICE_MESSAGES = (
    QT_TRANSLATE_NOOP("ServiceMessages", "Choose how the complaint came in."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Choose a category."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Choose a severity."),
    QT_TRANSLATE_NOOP("ServiceMessages", "This ticket belongs to another customer."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Ask how satisfied the customer is (1 to 5)."),
    QT_TRANSLATE_NOOP(
        "ServiceMessages", "Satisfaction is recorded when the customer accepts a solution."
    ),
    QT_TRANSLATE_NOOP("ServiceMessages", "Please give a reason for closing."),
    QT_TRANSLATE_NOOP("ServiceMessages", "This user does not handle complaints."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Choose a rating from 1 to 5."),
    QT_TRANSLATE_NOOP(
        "ServiceMessages", "A rating is 1 (very dissatisfied) to 5 (very satisfied)."
    ),
    QT_TRANSLATE_NOOP("ServiceMessages", "Choose the outcome of the call."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Enter the customer's five ratings."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Ratings are recorded only when the customer answers."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only a completed ticket is followed up."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The customer was not reached on this call."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Scan or type the ticket number."),
    QT_TRANSLATE_NOOP("ServiceMessages", "This is not a ticket number."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Enter the five ratings from the form."),
    QT_TRANSLATE_NOOP(
        "ServiceMessages",
        "This ticket is not completed yet; complete it, then enter its form.",
    ),
    QT_TRANSLATE_NOOP("ServiceMessages", "Name the appliance category."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Hours must be more than 0 and at most a year."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Answer ≤ solution hours."),
)
