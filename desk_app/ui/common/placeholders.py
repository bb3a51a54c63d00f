"""Screens other issues build, until they arrive: each says what it will hold."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderScreen(QWidget):
    """A title and a plain description of the screen that will be here."""

    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(title, objectName="placeholderTitle")
        heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        body = QLabel(description, objectName="placeholderText", wordWrap=True)
        body.setStyleSheet("font-size: 14px; color: #444;")
        body.setTextFormat(Qt.TextFormat.PlainText)
        note = QLabel(self.tr("This screen is being built."))
        note.setStyleSheet("color: #888;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addWidget(heading)
        layout.addSpacing(8)
        layout.addWidget(body)
        layout.addSpacing(8)
        layout.addWidget(note)
        layout.addStretch(1)
        self.description = description


def descriptions() -> dict[str, str]:
    """Screen key → what that screen will show (translated)."""
    return {
        "dispatch": QCoreApplication.translate(
            "PlaceholderScreen",
            "Dispatch board: open tickets by urgency and service area, each with its service "
            "clock; technicians' schedules by day; assign, confirm appointments and reschedule "
            "with a reason.",
        ),
        "stock": QCoreApplication.translate(
            "PlaceholderScreen",
            "Parts stock: stock per part and location, receipts, issues against a ticket's "
            "requisition, returned damaged parts, stocktakes and reorder levels.",
        ),
        "complaints": QCoreApplication.translate(
            "PlaceholderScreen",
            "Complaints: record a complaint against a customer, ticket and technician, watch "
            "the answer and solution deadlines, and rework the solution until the customer "
            "is satisfied.",
        ),
        "followups": QCoreApplication.translate(
            "PlaceholderScreen",
            "Follow-ups: completed tickets due for a follow-up call, the call's outcome and "
            "the customer's five satisfaction ratings.",
        ),
        "feedback": QCoreApplication.translate(
            "PlaceholderScreen",
            "Feedback forms: scan the code of a signed service feedback form and enter the "
            "customer's five ratings and comments, one form after another.",
        ),
        "maintenance": QCoreApplication.translate(
            "PlaceholderScreen",
            "Maintenance reminders: appliances due for preventive maintenance by age, to "
            "call the customer and open a maintenance ticket.",
        ),
        "dashboard": QCoreApplication.translate(
            "PlaceholderScreen",
            "Dashboard: satisfaction, response timeliness, first-contact resolution, repair "
            "time, backlog and complaint measures for a chosen period, with a drill-down to "
            "the tickets behind each number.",
        ),
    }
