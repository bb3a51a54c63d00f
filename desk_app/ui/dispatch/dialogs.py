"""The board's questions: why a visit moves or a ticket is cancelled, double booking, completion.

Every dialog is opened with ``open()`` (window-modal, no nested event loop) and
answers through ``accepted``; the board connects what to do next. OK stays
disabled until what the service will insist on is filled in.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.errors import DoubleBooking
from desk_app.services.tickets.tickets import Completion
from desk_app.ui.common.errors import message_for
from desk_app.ui.dispatch.model import fmt_time

LENGTHS = (30, 60, 90, 120, 180, 240)  # minutes a visit may be booked for


def half_hours(first: int = 6, last: int = 22) -> list[time]:
    return [time(h, m) for h in range(first, last) for m in (0, 30)]


def length_text(minutes: int) -> str:
    """ "30 min", "1.5 h" in the clerk's language."""
    translate = QCoreApplication.translate
    if minutes < 60:
        return translate("VisitLength", "%1 min").replace("%1", str(minutes))
    return translate("VisitLength", "%1 h").replace("%1", f"{minutes / 60:g}")


def fill_lengths(box: QComboBox, chosen: timedelta) -> None:
    box.clear()
    for minutes in LENGTHS:
        box.addItem(length_text(minutes), minutes)
    at = box.findData(int(chosen.total_seconds() // 60))
    box.setCurrentIndex(at if at >= 0 else 1)


def _buttons(dialog: QDialog, ok_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    # Enter must never mean Cancel: only OK may be the default button, even while it
    # is still disabled when the dialog shows (Qt would promote Cancel then).
    box.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
    ok = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setObjectName("okButton")
    ok.setDefault(True)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, ok


class ReasonDialog(QDialog):
    """Asks why (cancel, a moved visit); common reasons to pick, or type one."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        prompt: str,
        presets: list[str],
        *,
        ok_text: str,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.prompt = QLabel(prompt, wordWrap=True)
        self.reason_edit = QComboBox(objectName="reasonEdit")
        self.reason_edit.setEditable(True)
        self.reason_edit.addItems(presets)
        self.reason_edit.setCurrentIndex(-1)
        self.reason_edit.setMinimumWidth(360)
        # Explicit context: RescheduleDialog shares this code, and self.tr would look
        # these up under the subclass's name.
        self.reason_edit.lineEdit().setPlaceholderText(
            QCoreApplication.translate("ReasonDialog", "Pick or type the reason")
        )
        self.form = QFormLayout()
        self.form.addRow(QCoreApplication.translate("ReasonDialog", "&Reason"), self.reason_edit)
        buttons, self.ok = _buttons(self, ok_text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        self.reason_edit.currentTextChanged.connect(self._check)
        self._check()

    def reason(self) -> str:
        return self.reason_edit.currentText().strip()

    def _check(self) -> None:
        self.ok.setEnabled(bool(self.reason()))


class RescheduleDialog(ReasonDialog):
    """改约: the new day, time and length of the visit, and why it moves."""

    def __init__(
        self,
        parent: QWidget | None,
        number: str,
        starts: datetime,
        ends: datetime,
        tz: ZoneInfo,
        presets: list[str],
    ) -> None:
        local = starts.astimezone(tz)
        translate = QCoreApplication.translate
        super().__init__(
            parent,
            translate("RescheduleDialog", "Reschedule %1").replace("%1", number),
            translate(
                "RescheduleDialog",
                "The visit is booked %1 %2–%3. The customer must be told the new time.",
            )
            .replace("%1", local.strftime("%Y-%m-%d"))
            .replace("%2", fmt_time(starts, tz))
            .replace("%3", fmt_time(ends, tz)),
            presets,
            ok_text=translate("RescheduleDialog", "Reschedule"),
        )
        self.setObjectName("rescheduleDialog")
        self.tz = tz
        self.day_edit = QDateEdit(QDate(local.year, local.month, local.day), objectName="newDay")
        self.day_edit.setDisplayFormat("yyyy-MM-dd ddd")
        self.day_edit.setCalendarPopup(True)
        self.start_edit = QComboBox(objectName="newStart")
        for t in half_hours():
            self.start_edit.addItem(t.strftime("%H:%M"), t)
        at = self.start_edit.findText(local.strftime("%H:%M"))
        self.start_edit.setCurrentIndex(max(at, 0))
        self.length_edit = QComboBox(objectName="newLength")
        fill_lengths(self.length_edit, ends - starts)
        self.form.insertRow(0, self.tr("&Day"), self.day_edit)
        self.form.insertRow(1, self.tr("&Start"), self.start_edit)
        self.form.insertRow(2, self.tr("&Length"), self.length_edit)

    def window_(self) -> tuple[datetime, datetime]:
        d: date = self.day_edit.date().toPython()  # type: ignore[assignment]
        starts = datetime.combine(d, self.start_edit.currentData(), self.tz)
        return starts, starts + timedelta(minutes=int(self.length_edit.currentData()))


class OverrideDialog(QDialog):
    """The technician is already booked then: book anyway only with a reason."""

    def __init__(self, parent: QWidget | None, error: DoubleBooking, tz: ZoneInfo) -> None:
        super().__init__(parent)
        self.setObjectName("overrideDialog")
        self.setWindowTitle(self.tr("Double booking"))
        self.setMinimumWidth(440)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message = QLabel(
            message_for(error, tz)
            + "\n"
            + self.tr(
                "Book this visit at the same time only if you know both can be done; "
                "the reason is recorded."
            ),
            wordWrap=True,
            objectName="overrideMessage",
        )
        self.reason_edit = QLineEdit(objectName="overrideReason")
        self.reason_edit.setPlaceholderText(self.tr("e.g. both jobs in the same building"))
        self.reason_edit.setMaxLength(500)
        form = QFormLayout()
        form.addRow(self.tr("&Reason"), self.reason_edit)
        buttons, self.ok = _buttons(self, self.tr("Book anyway"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.reason_edit.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        self.ok.setEnabled(False)

    def reason(self) -> str:
        return self.reason_edit.text().strip()


class CompletionDialog(QDialog):
    """完工: cause, work done, solved or not, labour and travel when the job is chargeable."""

    def __init__(self, parent: QWidget | None, number: str, chargeable: bool) -> None:
        super().__init__(parent)
        self.setObjectName("completionDialog")
        self.setWindowTitle(self.tr("Complete %1").replace("%1", number))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.cause = QPlainTextEdit(objectName="faultCause")
        self.work = QPlainTextEdit(objectName="workDone")
        for edit in (self.cause, self.work):
            edit.setFixedHeight(64)
            edit.setTabChangesFocus(True)
        self.resolved = QCheckBox(self.tr("The fault is solved"), objectName="resolved")
        self.resolved.setChecked(True)
        self.labour = QDoubleSpinBox(objectName="labour")
        self.travel = QDoubleSpinBox(objectName="travel")
        for spin in (self.labour, self.travel):
            spin.setRange(0, 100000)
            spin.setDecimals(2)
            spin.setPrefix("¥")
            spin.setEnabled(chargeable)
        form = QFormLayout()
        form.addRow(self.tr("Fault &cause"), self.cause)
        form.addRow(self.tr("&Work done"), self.work)
        form.addRow("", self.resolved)
        form.addRow(self.tr("&Labour"), self.labour)
        form.addRow(self.tr("&Travel"), self.travel)
        note = QLabel(
            self.tr("In warranty: no labour or travel charge.") if not chargeable else "",
            wordWrap=True,
        )
        buttons, self.ok = _buttons(self, self.tr("Complete"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.cause.textChanged.connect(self._check)
        self.work.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        self.ok.setEnabled(
            bool(self.cause.toPlainText().strip() and self.work.toPlainText().strip())
        )

    def completion(self) -> Completion:
        return Completion(
            self.cause.toPlainText().strip(),
            self.work.toPlainText().strip(),
            self.resolved.isChecked(),
            round(self.labour.value() * 100),
            round(self.travel.value() * 100),
        )


def confirm(
    parent: QWidget,
    title: str,
    text: str,
    on_yes: Callable[[], None],
    on_no: Callable[[], None] | None = None,
) -> QMessageBox:
    """A yes/no question that calls ``on_yes`` only on Yes, ``on_no`` (if given) on
    anything else (window-modal, no nested loop)."""
    box = QMessageBox(parent)
    box.setObjectName("boardQuestion")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def done(_result: int) -> None:
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
            on_yes()
        elif on_no is not None:
            on_no()

    box.finished.connect(done)
    box.open()
    return box
